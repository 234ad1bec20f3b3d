//! `from __future__ import ...` at the top of a module (`Python/future.c`).

use super::fold::docstring;
use super::{Features, SourceLines};
use crate::ast::{Mod, StmtKind};
use crate::error::{SyntaxError, SyntaxErrorKind};

const ACCEPTED: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

/// future.c's errors carry a start only: `end_offset` stays None (0 here).
fn error(lines: &SourceLines, msg: String, lineno: u32, offset: i64) -> SyntaxError {
    SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg,
        lineno,
        offset,
        end_lineno: lineno,
        end_offset: 0,
        text: lines.text(lineno as i64),
    }
}

pub(crate) fn check(module: &Mod, lines: &SourceLines) -> Result<Features, SyntaxError> {
    let mut features = Features { annotations: false, last_future_line: -1 };
    let body = match module {
        Mod::Module { body, .. } | Mod::Interactive { body } => body,
        _ => return Ok(features),
    };
    let start = if docstring(body).is_some() { 1 } else { 0 };
    let mut done = false;
    let mut prev_line = 0;
    for stmt in body.iter().skip(start) {
        if done && stmt.loc.lineno > prev_line {
            break;
        }
        prev_line = stmt.loc.lineno;
        match &stmt.kind {
            // The level is not looked at: `from .__future__ import x` counts too.
            StmtKind::ImportFrom { module: Some(m), names, .. } if m == "__future__" => {
                if done {
                    // CPython passes the 0-based column here.
                    let msg = "from __future__ imports must occur at the beginning of the file".to_string();
                    return Err(error(lines, msg, stmt.loc.lineno, stmt.loc.col_offset as i64));
                }
                for alias in names {
                    let name = alias.name.as_str();
                    if name == "annotations" {
                        features.annotations = true;
                    } else if name == "braces" {
                        return Err(error(lines, "not a chance".into(), stmt.loc.lineno, stmt.loc.col_offset as i64 + 1));
                    } else if !ACCEPTED.contains(&name) {
                        let shown: String = name.chars().take(100).collect();
                        let msg = format!("future feature {} is not defined", shown);
                        return Err(error(lines, msg, stmt.loc.lineno, stmt.loc.col_offset as i64 + 1));
                    }
                }
                features.last_future_line = stmt.loc.lineno as i64;
            }
            _ => done = true,
        }
    }
    Ok(features)
}
