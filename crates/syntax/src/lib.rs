//! pyrite's front end: source bytes -> text -> tokens -> AST, with CPython 3.11's
//! exact node positions, SyntaxError messages and compile-time warnings.
//!
//! Pipeline: [`source::decode_source`] (PEP 263 / BOM) -> [`tokenizer::tokenize`]
//! -> [`parser::parse`] (a PEG parser written rule for rule after CPython's
//! `Grammar/python.gram`, with its second pass of `invalid_*` rules for error
//! messages; string literals and f-strings go through [`strings`]) ->
//! [`semantic::check`] (the errors CPython's symtable and compiler raise before
//! any code is generated). [`dump`] prints a tree as Python's `ast.dump` does.

pub mod ast;
pub mod dump;
pub mod error;
pub mod parser;
pub mod pystr;
pub mod semantic;
pub mod source;
pub mod strings;
pub mod token;
pub mod tokenizer;

pub use error::{CompileWarning, SyntaxError, SyntaxErrorKind, WarningCategory};
pub use parser::{parse, Mode, Parsed};
