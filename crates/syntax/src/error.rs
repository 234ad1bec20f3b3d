//! SyntaxError and compile-time warnings, carrying exactly the attributes
//! CPython's SyntaxError objects have, and their display as CPython prints it.

/// Which SyntaxError class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl SyntaxErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
        }
    }
}

/// A syntax error with CPython's attribute values: `lineno`/`end_lineno` 1-based,
/// `offset`/`end_offset` 1-based *character* offsets into `text` (0 when CPython
/// leaves them unset), `text` the offending source line including its newline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub lineno: u32,
    pub offset: i64,
    pub end_lineno: u32,
    pub end_offset: i64,
    pub text: Option<String>,
}

/// The category of a warning emitted while compiling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WarningCategory {
    SyntaxWarning,
    DeprecationWarning,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileWarning {
    pub category: WarningCategory,
    pub msg: String,
    pub lineno: u32,
}
