//! SyntaxError and compile-time warnings, carrying exactly the attributes
//! CPython's SyntaxError objects have, and their display as CPython prints it.

/// Which exception the front end raises. Almost always a SyntaxError class, but
/// CPython's parser and compiler also give up on overly deep input with
/// MemoryError (the parser's stack limit) or RecursionError ("maximum recursion
/// depth exceeded during compilation"), and reject NUL bytes in a source string
/// with ValueError; those have no location and print as `Kind: msg` alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    MemoryError,
    RecursionError,
    ValueError,
}

impl SyntaxErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
            SyntaxErrorKind::MemoryError => "MemoryError",
            SyntaxErrorKind::RecursionError => "RecursionError",
            SyntaxErrorKind::ValueError => "ValueError",
        }
    }

    /// True for SyntaxError and its subclasses, which carry a location.
    pub fn is_syntax_error(self) -> bool {
        matches!(self, SyntaxErrorKind::SyntaxError | SyntaxErrorKind::IndentationError | SyntaxErrorKind::TabError)
    }
}

/// A syntax error with CPython's attribute values: `lineno`/`end_lineno` 1-based,
/// `offset`/`end_offset` 1-based *character* offsets into `text` (0 when CPython
/// leaves them unset), `text` the offending source line including its newline.
/// A `lineno` of 0 stands for CPython's `None` (no location at all).
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
    /// The SyntaxError CPython raises instead when the warnings filters turn
    /// the warning into an error. A compiler-phase error has no `text` yet:
    /// CPython reads it from the named file (`PyErr_ProgramTextObject`).
    pub as_error: Option<Box<SyntaxError>>,
}

impl SyntaxError {
    /// An error without a location (MemoryError, RecursionError, ValueError).
    pub fn unlocated(kind: SyntaxErrorKind, msg: &str) -> SyntaxError {
        SyntaxError { kind, msg: msg.to_string(), lineno: 0, offset: -1, end_lineno: 0, end_offset: -1, text: None }
    }

    /// The text CPython 3.11 prints for this error when it is uncaught
    /// (`print_exception_file_and_line` + `print_error_text` of pythonrun.c),
    /// ending with `Kind: msg` and a newline.
    pub fn display(&self, filename: &str) -> String {
        // Without a line number (errors found while decoding the source) CPython
        // cannot read the location attributes and prints the message alone.
        if !self.kind.is_syntax_error() || self.lineno == 0 {
            return if self.msg.is_empty() { format!("{}\n", self.kind.name()) } else { format!("{}: {}\n", self.kind.name(), self.msg) };
        }
        let mut out = format!("  File \"{}\", line {}\n", filename, self.lineno);
        if let Some(text) = &self.text {
            let is_subclass = self.kind != SyntaxErrorKind::SyntaxError;
            let (end_lineno, mut end_offset) =
                if is_subclass { (self.lineno, -1) } else { (self.end_lineno, self.end_offset) };
            let line_size = text.len() as i64;
            // A range over several lines is shown to the end of its first line.
            if end_lineno > self.lineno {
                end_offset = line_size;
            }
            if end_offset > line_size + 1 {
                end_offset = line_size + 1;
            }
            write_error_text(&mut out, self.offset, end_offset, text.as_bytes());
        }
        out.push_str(self.kind.name());
        if !self.msg.is_empty() {
            out.push_str(": ");
            out.push_str(&self.msg);
        }
        out.push('\n');
        out
    }
}

/// pythonrun.c's `print_error_text`. Offsets are character counts but CPython
/// applies them to the UTF-8 bytes of the line; that mismatch is reproduced on
/// purpose, since the caret placement is observable.
fn write_error_text(out: &mut String, offset: i64, end_offset: i64, text: &[u8]) {
    let caret_repetitions = if end_offset > 0 && end_offset > offset { end_offset - offset } else { 1 };
    let mut offset = offset - 1;
    let mut text = text;
    while let Some(&(b' ' | b'\t' | b'\x0c')) = text.first() {
        text = &text[1..];
        offset -= 1;
    }
    let mut len = text.len() as i64;
    if len > 0 && text[text.len() - 1] == b'\n' {
        len -= 1;
    }
    if offset > len {
        offset = len;
    }
    // Skip past newlines embedded in the text that lie before the offset.
    while let Some(nl) = text.iter().position(|&b| b == b'\n') {
        let inl = nl as i64;
        if inl >= offset {
            break;
        }
        text = &text[nl + 1..];
        len -= inl + 1;
        offset -= inl + 1;
    }
    out.push_str("    ");
    out.push_str(&String::from_utf8_lossy(text));
    let ends_with_newline = len >= 0 && (len as usize) < text.len() && text[len as usize] == b'\n';
    if !ends_with_newline {
        out.push('\n');
    }
    if offset < 0 {
        return;
    }
    out.push_str("    ");
    for _ in 0..offset {
        out.push(' ');
    }
    for _ in 0..caret_repetitions {
        out.push('^');
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_range_under_stripped_line() {
        let err = SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: "invalid syntax. Perhaps you forgot a comma?".into(),
            lineno: 3,
            offset: 6,
            end_lineno: 3,
            end_offset: 9,
            text: Some("y = (1 2)\n".into()),
        };
        assert_eq!(
            err.display("/tmp/w.py"),
            "  File \"/tmp/w.py\", line 3\n    y = (1 2)\n         ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n"
        );
    }
}
