//! The SyntaxErrors CPython 3.11 raises after parsing and before running any
//! code, and the compiler's SyntaxWarnings.
//!
//! CPython's `_PyAST_Compile` runs four passes over a parsed module, and the first
//! error of the first failing pass wins:
//! 1. `future.c`: the `from __future__ import` rules ([`future`]);
//! 2. `ast_opt.c`: constant folding, which also gives up with RecursionError on
//!    trees nested deeper than the compiler's limit ([`fold`], with the
//!    constants' Python semantics in [`consts`]; the compiler folds with it too);
//! 3. `symtable.c`: scopes of names: global/nonlocal rules, duplicate
//!    arguments, assignment expressions in comprehensions, ... ([`symtable`]);
//! 4. `compile.c`: code generation, which rejects 'return' outside function,
//!    'break' outside loop, bad match patterns, ... and warns about `is` with a
//!    literal and the like ([`compiler`]). It visits the tree in its own order,
//!    some parts twice (a `while` test, a `finally` body), and every visit warns
//!    again; [`compiler`] walks the tree exactly as it does.
//!
//! Locations follow CPython, including its quirks: the offsets of these errors
//! are UTF-8 *byte* columns plus one (CPython does not convert them to
//! characters here), and `text` is the source line as `PyErr_ProgramText` reads
//! it back from the file.

mod compiler;
pub mod consts;
pub mod fold;
mod future;
mod symtable;

use crate::ast;
use crate::error::{CompileWarning, SyntaxError, SyntaxErrorKind};

/// The outcome of the checks: warnings emitted (in order, duplicates included)
/// before the error, if any. CPython prints the warnings even when compilation
/// then fails.
#[derive(Clone, Debug, Default)]
pub struct Checked {
    pub warnings: Vec<CompileWarning>,
    pub error: Option<SyntaxError>,
}

/// The compile-time errors and warnings of a parsed module, as CPython 3.11
/// reports them when compiling it (`compile(source, filename, 'exec')`).
/// Warnings emitted before an error are lost here; see [`check_all`].
pub fn check(module: &ast::Mod, source: &str) -> Result<Vec<CompileWarning>, SyntaxError> {
    let checked = check_all(module, source);
    match checked.error {
        Some(err) => Err(err),
        None => Ok(checked.warnings),
    }
}

/// Like [`check`], but keeps the warnings CPython has already printed when it
/// raises the error.
pub fn check_all(module: &ast::Mod, source: &str) -> Checked {
    let lines = SourceLines::new(source);
    let features = match future::check(module, &lines) {
        Ok(features) => features,
        Err(err) => return Checked { warnings: Vec::new(), error: Some(err) },
    };
    // Not run with -O: __debug__ is True.
    let options = fold::FoldOptions { optimize: 0, future_annotations: features.annotations };
    let folded = match fold::fold(module, options) {
        Ok(folded) => folded,
        Err(err) => return Checked { warnings: Vec::new(), error: Some(err) },
    };
    let table = match symtable::build(&folded, &features, &lines) {
        Ok(table) => table,
        Err(err) => return Checked { warnings: Vec::new(), error: Some(err) },
    };
    compiler::compile(&folded, &table, &features, &lines)
}

/// What the `from __future__` imports at the top of the module turn on.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Features {
    /// `from __future__ import annotations`: annotations are not evaluated.
    pub annotations: bool,
    /// Line of the last valid future import (-1 if none); a later one is an error.
    pub last_future_line: i64,
}

/// CPython's limit on nesting for the compiler's passes: the recursion limit
/// (1000) times COMPILER_STACK_FRAME_SCALE (3). A script runs them at depth 0.
pub(crate) const MAX_DEPTH: usize = 3000;

pub(crate) fn recursion_error() -> SyntaxError {
    SyntaxError::unlocated(SyntaxErrorKind::RecursionError, "maximum recursion depth exceeded during compilation")
}

/// The lines of the source as `PyErr_ProgramText` reads them back: universal
/// newlines, each line with its "\n".
pub(crate) struct SourceLines<'a> {
    source: &'a str,
    /// Byte ranges of each line's content (without its line break).
    lines: Vec<(usize, usize, bool)>,
}

impl<'a> SourceLines<'a> {
    pub fn new(source: &'a str) -> SourceLines<'a> {
        let bytes = source.as_bytes();
        let mut lines = Vec::new();
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => {
                    lines.push((start, i, true));
                    i += 1;
                    start = i;
                }
                b'\r' => {
                    lines.push((start, i, true));
                    i += if bytes.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                    start = i;
                }
                _ => i += 1,
            }
        }
        if start < bytes.len() {
            lines.push((start, bytes.len(), false));
        }
        SourceLines { source, lines }
    }

    /// The `text` CPython attaches to an error on line `lineno` (1-based).
    /// `err_programtext` reads lines with a 1000-byte buffer; a longer line
    /// leaves only its last chunk of up to 999 bytes in the buffer.
    pub fn text(&self, lineno: i64) -> Option<String> {
        if lineno < 1 {
            return None;
        }
        let &(start, end, has_newline) = self.lines.get((lineno - 1) as usize)?;
        let mut line = self.source.as_bytes().get(start..end)?.to_vec();
        if has_newline {
            line.push(b'\n');
        }
        const CHUNK: usize = 999;
        if line.len() < CHUNK || (line.len() == CHUNK && line.ends_with(b"\n")) {
            return String::from_utf8(line).ok();
        }
        let is_last_line = lineno as usize == self.lines.len();
        let rem = line.len() % CHUNK;
        let last = if rem == 0 {
            // The final read filled the buffer; without a newline after it fgets
            // reads on (into the next line, or to EOF, which loses the line).
            if !line.ends_with(b"\n") && is_last_line {
                return None;
            }
            &line[line.len() - CHUNK..]
        } else {
            &line[line.len() - rem..]
        };
        String::from_utf8(last.to_vec()).ok()
    }
}

/// A location as the compiler tracks it: 1-based lines, 0-based byte columns,
/// -1 where CPython has unset it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Pos {
    pub lineno: i64,
    pub col: i64,
    pub end_lineno: i64,
    pub end_col: i64,
}

impl Pos {
    pub const UNSET: Pos = Pos { lineno: -1, col: -1, end_lineno: -1, end_col: -1 };

    /// The position of a node; the optimizer's made-up nodes
    /// ([`fold::NO_LOC`]) have -1 everywhere, as in CPython.
    pub fn of(loc: ast::Loc) -> Pos {
        let signed = |n: u32| n as i32 as i64;
        Pos { lineno: signed(loc.lineno), col: signed(loc.col_offset), end_lineno: signed(loc.end_lineno), end_col: signed(loc.end_col_offset) }
    }
}

/// A SyntaxError at `pos` as `PyErr_RangedSyntaxLocationObject` and
/// compile.c's `compiler_error` build it: columns + 1, text read from the file.
pub(crate) fn error_at(lines: &SourceLines, msg: String, pos: Pos) -> SyntaxError {
    SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg,
        // A location CPython has unset (-1) cannot be shown by the shared type;
        // it only arises for errors raised after a `finally` body was inlined.
        lineno: pos.lineno.max(0) as u32,
        offset: pos.col + 1,
        end_lineno: pos.end_lineno.max(0) as u32,
        end_offset: pos.end_col + 1,
        text: lines.text(pos.lineno),
    }
}

#[cfg(test)]
mod tests;
