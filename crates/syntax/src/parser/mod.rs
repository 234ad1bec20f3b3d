//! The PEG parser, written rule for rule after CPython 3.11's `Grammar/python.gram`.
use crate::ast::Mod;
use crate::error::{CompileWarning, SyntaxError};

/// The start rule, as `compile()`'s mode argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `exec`: a module (`file` rule).
    Exec,
    /// `eval`: one expression.
    Eval,
    /// `single`: one interactive statement.
    Single,
    /// `func_type`: a function type comment signature.
    FuncType,
}

/// A successful parse and the warnings emitted on the way.
#[derive(Clone, Debug)]
pub struct Parsed {
    pub module: Mod,
    pub warnings: Vec<CompileWarning>,
}

/// Parses decoded source text.
pub fn parse(source: &str, mode: Mode) -> Result<Parsed, SyntaxError> {
    let _ = (source, mode);
    unimplemented!("parser")
}
