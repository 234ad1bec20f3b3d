//! The action helpers of `action_helpers.c` the grammar's actions use, and the
//! string host for f-string expressions.

use super::{Parser, StartResult, StartRule};
use crate::ast::{Constant, Expr, ExprContext, ExprKind, Loc};
use crate::error::{CompileWarning, SyntaxError};
use crate::token::Token;

pub(crate) fn tuple(elts: Vec<Expr>, ctx: ExprContext, loc: Loc) -> Expr {
    Expr::new(loc, ExprKind::Tuple { elts, ctx })
}

pub(crate) fn starred(value: Expr, ctx: ExprContext, loc: Loc) -> Expr {
    Expr::new(loc, ExprKind::Starred { value: Box::new(value), ctx })
}

/// `_PyPegen_set_expr_context`: the context of a target, down through tuples,
/// lists and starred items.
pub(crate) fn set_expr_context(mut e: Expr, new_ctx: ExprContext) -> Expr {
    set_context_in_place(&mut e, new_ctx);
    e
}

fn set_context_in_place(e: &mut Expr, new_ctx: ExprContext) {
    // Nesting of targets is bounded by the parser's depth limit.
    match &mut e.kind {
        ExprKind::Name { ctx, .. } | ExprKind::Subscript { ctx, .. } | ExprKind::Attribute { ctx, .. } => *ctx = new_ctx,
        ExprKind::Tuple { elts, ctx } | ExprKind::List { elts, ctx } => {
            *ctx = new_ctx;
            for elt in elts {
                set_context_in_place(elt, new_ctx);
            }
        }
        ExprKind::Starred { value, ctx } => {
            *ctx = new_ctx;
            set_context_in_place(value, new_ctx);
        }
        _ => {}
    }
}

/// `_PyPegen_get_expr_name`: how error messages name an expression.
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::Await { .. } => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set { .. } => "set display",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant { value, .. } => match value {
            Constant::None => "None",
            Constant::Bool(false) => "False",
            Constant::Bool(true) => "True",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
#[allow(clippy::enum_variant_names)]
pub(crate) enum TargetsType {
    StarTargets,
    DelTargets,
    ForTargets,
}

/// `_PyPegen_get_invalid_target`: the first sub-expression that cannot be a target.
pub(crate) fn invalid_target(e: &Expr, kind: TargetsType) -> Option<&Expr> {
    match &e.kind {
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => elts.iter().find_map(|x| invalid_target(x, kind)),
        ExprKind::Starred { value, .. } => {
            if kind == TargetsType::DelTargets {
                Some(e)
            } else {
                invalid_target(value, kind)
            }
        }
        ExprKind::Compare { left, ops, .. } => {
            // `for a in b`'s `a in b` parses as a comparison: look left of the `in`.
            if kind == TargetsType::ForTargets {
                if ops.first() == Some(&crate::ast::CmpOp::In) {
                    return invalid_target(left, kind);
                }
                return None;
            }
            Some(e)
        }
        ExprKind::Name { .. } | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}

/// `_PyPegen_check_legacy_stmt`: a Name `print` or `exec`.
pub(crate) fn is_legacy_name(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Name { id, .. } if id == "print" || id == "exec")
}


impl<'a> Parser<'a> {
    /// RAISE_SYNTAX_ERROR_INVALID_TARGET: "cannot assign to %s" / "cannot delete %s".
    pub(crate) fn raise_invalid_target(&mut self, kind: TargetsType, e: &Expr) {
        if let Some(t) = invalid_target(e, kind) {
            let verb = if kind == TargetsType::DelTargets { "delete" } else { "assign to" };
            let msg = format!("cannot {} {}", verb, expr_name(t));
            self.raise_at(t.loc, msg);
        }
    }

    /// The `strings` rule's action over the STRING tokens `start..end`.
    pub(crate) fn concatenate_strings(&mut self, start: usize, end: usize) -> Option<Expr> {
        let toks: Vec<Token> = self.toks.get(start..end).map(|s| s.to_vec()).unwrap_or_default();
        let src = self.src;
        match crate::strings::concatenate_strings(self, src, &toks) {
            Ok(e) => Some(e),
            Err(e) => {
                self.set_error(e);
                None
            }
        }
    }
}

impl<'a> crate::strings::StringHost for Parser<'a> {
    fn parse_fstring_expr(&mut self, expr: &str, starting_lineno: i32, starting_col_offset: i32) -> Result<Expr, SyntaxError> {
        let mut tokens = crate::tokenizer::tokenize(expr);
        let (line0, col0) = (starting_lineno as i64, starting_col_offset as i64);
        // Shift positions as `_PyPegen_fill_token` does for a sub-parser: lines by
        // the starting line, columns on the first line by the starting column.
        for t in &mut tokens.tokens {
            let on_first_line = t.end_lineno == 1;
            t.lineno = (t.lineno as i64 + line0 - 1).max(0) as u32;
            t.end_lineno = (t.end_lineno as i64 + line0 - 1).max(0) as u32;
            if on_first_line {
                t.col = (t.col as i64 + col0).max(0) as u32;
                t.end_col = (t.end_col as i64 + col0).max(0) as u32;
            }
        }
        if let Some(e) = &mut tokens.error {
            e.lineno = (e.lineno as i64 + line0 - 1).max(0) as u32;
            e.end_lineno = (e.end_lineno as i64 + line0 - 1).max(0) as u32;
            // Errors the tokenizer raises itself carry no "f-string: " prefix.
            if !tokens.error_raised_by_tokenizer && !e.msg.starts_with("f-string: ") {
                e.msg = format!("f-string: {}", e.msg);
            }
        }
        for b in &mut tokens.open_brackets_at_eof {
            b.lineno = (b.lineno as i64 + line0 - 1).max(0) as u32;
        }
        let tokenizer_warnings: Vec<(usize, CompileWarning)> =
            tokens.warning_sites.iter().map(|s| s.token_index).zip(tokens.warnings.iter().cloned()).collect();
        let mut sub = Parser::new(expr, tokens, StartRule::FString, Some((line0, col0)));
        let r = sub.run();
        // The sub-tokenizer's warnings (for the tokens fetched, lines made absolute)
        // and the sub-parser's, in the order they were emitted.
        let mut timed: Vec<(usize, CompileWarning)> = tokenizer_warnings
            .into_iter()
            .filter(|(i, _)| *i < sub.fill)
            .map(|(i, mut w)| {
                w.lineno = (w.lineno as i64 + line0 - 1).max(0) as u32;
                (2 * i + 1, w)
            })
            .collect();
        timed.extend(std::mem::take(&mut sub.warnings).into_iter().map(|(fill, w)| (2 * fill, w)));
        timed.sort_by_key(|(t, _)| *t);
        for (_, w) in timed {
            crate::strings::StringHost::warn(self, w).ok();
        }
        match r {
            Ok(StartResult::Expr(e)) => Ok(e),
            Ok(StartResult::Mod(_)) => Err(sub.internal_error()),
            Err(e) => Err(e),
        }
    }

    fn syntax_error(&mut self, msg: &str) -> SyntaxError {
        self.raise_generic(crate::error::SyntaxErrorKind::SyntaxError, msg.to_string());
        self.take_error()
    }

    fn syntax_error_at_token(&mut self, token: &Token, msg: &str) -> SyntaxError {
        self.raise_at_token(token, msg.to_string());
        self.take_error()
    }

    fn detached_error_at_token(&mut self, token: &Token, msg: &str) -> SyntaxError {
        let pending = self.err.take();
        let error = self.syntax_error_at_token(token, msg);
        self.err = pending;
        error
    }

    fn warn(&mut self, warning: CompileWarning) -> Result<(), SyntaxError> {
        // The second pass re-reads strings the first pass warned about already.
        if !self.invalid {
            self.warnings.push((self.fill, warning));
        }
        Ok(())
    }
}
