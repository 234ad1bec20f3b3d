//! The `invalid_*` rules of python.gram (second pass only). Each either raises
//! its error or fails; as in pegen, the first alternative that matches ends the
//! rule even when its action raises nothing.

use super::arguments::ParamKind;
use super::helpers::*;
use super::{attempt, tok_loc, MemoRule, Parser};
use crate::ast::{Expr, ExprKind};
use crate::error::SyntaxErrorKind;
use crate::token::{Keyword as Kw, TokenKind as T};

/// An `invalid_*` rule body: depth-counted, returns nothing.
macro_rules! irule {
    ($p:ident, |$q:ident| $body:block) => {{
        if !$p.enter() {
            return;
        }
        #[allow(clippy::redundant_closure_call)]
        (|$q: &mut Self| $body)($p);
        $p.leave();
    }};
}

/// One alternative of an `invalid_*` rule: when its items match, run the action
/// and end the rule; else reset the position and go on.
macro_rules! ialt {
    ($p:ident, $body:block => |$x:pat_param| $action:block) => {{
        let mark = $p.pos;
        #[allow(clippy::redundant_closure_call)]
        let r = (|| -> Option<_> { $body })();
        match r {
            Some($x) => {
                $action;
                return;
            }
            None => {
                $p.pos = mark;
                if $p.failed() {
                    return;
                }
            }
        }
    }};
}

const MAYBE_EQ: &str = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
const GENEXP_PARENS: &str = "Generator expression must be parenthesized";
const EXPECTED_COLON: &str = "expected ':'";

impl<'a> Parser<'a> {
    fn indentation_error(&mut self, msg: String) {
        self.raise_generic(SyntaxErrorKind::IndentationError, msg);
    }

    fn syntax_error_here(&mut self, msg: &str) {
        self.raise_generic(SyntaxErrorKind::SyntaxError, msg.to_string());
    }

    /// `NEWLINE !INDENT`
    fn newline_no_indent(&mut self) -> Option<()> {
        self.eat(T::Newline)?;
        if self.at(T::Indent) {
            return None;
        }
        Some(())
    }

    /// The last expression of a comprehension clause (`_PyPegen_get_last_comprehension_item`).
    fn last_comprehension_loc(gens: &[crate::ast::Comprehension]) -> Option<crate::ast::Loc> {
        let last = gens.last()?;
        Some(match last.ifs.last() {
            Some(e) => e.loc,
            None => last.iter.loc,
        })
    }

    pub(crate) fn invalid_arguments(&mut self) {
        irule!(self, |p| {
            // 3.11.7's form of the first alternative (later than 3.11.2's `a=args ',' '*'`):
            // ((','.positional+ ',' kwargs) | kwargs) ',' b='*'
            ialt!(p, {
                let m = p.pos;
                let with_positional = attempt!(p, {
                    p.gather(|p| p.positional_arg())?;
                    p.eat(T::Comma)?;
                    p.kwargs()
                });
                if with_positional.is_none() {
                    if p.failed() {
                        return None;
                    }
                    p.pos = m;
                    p.kwargs()?;
                }
                p.eat(T::Comma)?;
                p.eat(T::Star)
            } => |b| { p.raise_at_token(&b, "iterable argument unpacking follows keyword argument unpacking".into()) });
            ialt!(p, {
                let a = p.expression()?;
                let b = p.for_if_clauses()?;
                p.eat(T::Comma)?;
                let _ = attempt!(p, {
                    let m = p.pos;
                    if p.args().is_some() {
                        return Some(());
                    }
                    if p.failed() {
                        return None;
                    }
                    p.pos = m;
                    p.expression()?;
                    p.for_if_clauses()?;
                    Some(())
                });
                if p.failed() {
                    return None;
                }
                Some((a, b))
            } => |(a, b)| {
                if let Some(end) = Self::last_comprehension_loc(&b) {
                    p.raise_range(a.loc, end, GENEXP_PARENS.into());
                }
            });
            ialt!(p, {
                let a = p.eat(T::Name)?;
                let b = p.eat(T::Equal)?;
                p.expression()?;
                p.for_if_clauses()?;
                Some((a, b))
            } => |(a, b)| { p.raise_range(tok_loc(&a), tok_loc(&b), MAYBE_EQ.into()) });
            ialt!(p, {
                let a = p.args()?;
                let b = p.for_if_clauses()?;
                Some((a, b))
            } => |(a, b)| {
                // `_PyPegen_nonparen_genexp_in_call`
                if a.args.len() > 1 {
                    if let (Some(last_arg), Some(end)) = (a.args.last(), Self::last_comprehension_loc(&b)) {
                        p.raise_range(last_arg.loc, end, GENEXP_PARENS.into());
                    }
                }
            });
            ialt!(p, {
                p.args()?;
                p.eat(T::Comma)?;
                let a = p.expression()?;
                let b = p.for_if_clauses()?;
                Some((a, b))
            } => |(a, b)| {
                if let Some(end) = Self::last_comprehension_loc(&b) {
                    p.raise_range(a.loc, end, GENEXP_PARENS.into());
                }
            });
            ialt!(p, {
                let a = p.args()?;
                p.eat(T::Comma)?;
                p.args()?;
                Some(a)
            } => |a| {
                // `_PyPegen_arguments_parsing_error`
                let msg = if a.keywords.iter().any(|k| k.arg.is_none()) {
                    "positional argument follows keyword argument unpacking"
                } else {
                    "positional argument follows keyword argument"
                };
                p.syntax_error_here(msg);
            });
        })
    }

    pub(crate) fn invalid_kwarg(&mut self) {
        irule!(self, |p| {
            ialt!(p, {
                let a = p.peek()?;
                if !matches!(a.kind, T::Keyword(Kw::True | Kw::False | Kw::None)) {
                    return None;
                }
                p.pos += 1;
                let b = p.eat(T::Equal)?;
                Some((a, b))
            } => |(a, b)| {
                let msg = format!("cannot assign to {}", p.text(&a));
                p.raise_range(tok_loc(&a), tok_loc(&b), msg);
            });
            ialt!(p, {
                let a = p.eat(T::Name)?;
                let b = p.eat(T::Equal)?;
                p.expression()?;
                p.for_if_clauses()?;
                Some((a, b))
            } => |(a, b)| { p.raise_range(tok_loc(&a), tok_loc(&b), MAYBE_EQ.into()) });
            ialt!(p, {
                if p.lookahead(|p| {
                    p.eat(T::Name)?;
                    p.eat(T::Equal)
                }) {
                    return None;
                }
                let a = p.expression()?;
                let b = p.eat(T::Equal)?;
                Some((a, b))
            } => |(a, b)| {
                p.raise_range(a.loc, tok_loc(&b), "expression cannot contain assignment, perhaps you meant \"==\"?".into())
            });
        })
    }

    pub(crate) fn invalid_legacy_expression(&mut self) {
        irule!(self, |p| {
            ialt!(p, {
                let a = p.name()?;
                if p.at(T::Lpar) {
                    return None;
                }
                let b = p.star_expressions()?;
                Some((a, b))
            } => |(a, b)| {
                if is_legacy_name(&a) {
                    if let ExprKind::Name { id, .. } = &a.kind {
                        let msg = format!("Missing parentheses in call to '{}'. Did you mean {}(...)?", id, id);
                        p.raise_range(a.loc, b.loc, msg);
                    }
                }
            });
        })
    }

    /// pegen's SOFT_KEYWORD token: a NAME that `_PyPegen_soft_keyword_token`
    /// takes for a soft keyword. It compares only the NAME's length of bytes
    /// (`strncmp`), so any prefix of "_", "case" or "match" counts.
    fn at_soft_keyword(&mut self) -> bool {
        match self.peek() {
            Some(t) if t.kind == T::Name => {
                let text = self.text(&t);
                !text.is_empty() && ["_", "case", "match"].iter().any(|k| k.starts_with(text))
            }
            _ => false,
        }
    }

    /// The bracket nesting level after the token at `i` (pegen's `token->level`).
    fn level_after(&mut self, i: usize) -> u32 {
        if self.token_levels.len() != self.toks.len() {
            let mut level: u32 = 0;
            self.token_levels = self
                .toks
                .iter()
                .map(|t| {
                    match t.kind {
                        T::Lpar | T::Lsqb | T::Lbrace => level += 1,
                        T::Rpar | T::Rsqb | T::Rbrace => level = level.saturating_sub(1),
                        _ => {}
                    }
                    level
                })
                .collect();
        }
        self.token_levels.get(i).copied().unwrap_or(0)
    }

    pub(crate) fn invalid_expression(&mut self) {
        irule!(self, |p| {
            ialt!(p, {
                let mark = p.pos;
                let name_string = attempt!(p, {
                    p.eat(T::Name)?;
                    p.eat(T::String)
                })
                .is_some();
                p.pos = mark;
                if name_string || p.at_soft_keyword() {
                    return None;
                }
                let a = p.disjunction()?;
                let b = p.expression_without_invalid()?;
                Some((a, b))
            } => |(a, b)| {
                let level = p.pos.checked_sub(1).map(|i| p.level_after(i)).unwrap_or(0);
                if !is_legacy_name(&a) && level != 0 {
                    p.raise_range(a.loc, b.loc, "invalid syntax. Perhaps you forgot a comma?".into());
                }
            });
            ialt!(p, {
                let a = p.disjunction()?;
                p.eat_kw(Kw::If)?;
                let b = p.disjunction()?;
                if matches!(p.peek_kind(), Some(T::Keyword(Kw::Else) | T::Colon)) {
                    return None;
                }
                Some((a, b))
            } => |(a, b)| { p.raise_range(a.loc, b.loc, "expected 'else' after 'if' expression".into()) });
        })
    }

    pub(crate) fn invalid_named_expression(&mut self) {
        if let super::MemoLookup::Hit(None) = self.memo_get::<Expr>(MemoRule::InvalidNamedExpression) {
            return;
        }
        let start = self.pos;
        irule!(self, |p| {
            ialt!(p, {
                let a = p.expression()?;
                p.eat(T::ColonEqual)?;
                p.expression()?;
                Some(a)
            } => |a| {
                let msg = format!("cannot use assignment expressions with {}", expr_name(&a));
                p.raise_at(a.loc, msg);
            });
            ialt!(p, {
                let a = p.eat(T::Name)?;
                p.eat(T::Equal)?;
                let b = p.bitwise_or()?;
                if matches!(p.peek_kind(), Some(T::Equal | T::ColonEqual)) {
                    return None;
                }
                Some((a, b))
            } => |(a, b)| { p.raise_range(tok_loc(&a), b.loc, MAYBE_EQ.into()) });
            ialt!(p, {
                let excluded = p.lookahead(|p| {
                    let m = p.pos;
                    if p.list().is_some() {
                        return Some(());
                    }
                    p.pos = m;
                    if p.tuple().is_some() {
                        return Some(());
                    }
                    p.pos = m;
                    if p.genexp().is_some() {
                        return Some(());
                    }
                    p.pos = m;
                    match p.peek_kind() {
                        Some(T::Keyword(Kw::True | Kw::None | Kw::False)) => Some(()),
                        _ => None,
                    }
                });
                if excluded || p.failed() {
                    return None;
                }
                let a = p.bitwise_or()?;
                p.eat(T::Equal)?;
                p.bitwise_or()?;
                if matches!(p.peek_kind(), Some(T::Equal | T::ColonEqual)) {
                    return None;
                }
                Some(a)
            } => |a| {
                let msg = format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(&a));
                p.raise_at(a.loc, msg);
            });
        });
        let end = self.pos;
        self.pos = start;
        self.memo_put::<Expr>(MemoRule::InvalidNamedExpression, start, &None);
        self.pos = end;
    }

    pub(crate) fn invalid_assignment(&mut self) {
        irule!(self, |p| {
            ialt!(p, {
                let a = p.invalid_ann_assign_target()?;
                p.eat(T::Colon)?;
                p.expression()?;
                Some(a)
            } => |a| {
                let msg = format!("only single target (not {}) can be annotated", expr_name(&a));
                p.raise_at(a.loc, msg);
            });
            ialt!(p, {
                let a = p.star_named_expression()?;
                p.eat(T::Comma)?;
                let _ = p.repeat0(|p| p.star_named_expressions());
                if p.failed() {
                    return None;
                }
                p.eat(T::Colon)?;
                p.expression()?;
                Some(a)
            } => |a| { p.raise_at(a.loc, "only single target (not tuple) can be annotated".into()) });
            ialt!(p, {
                let a = p.expression()?;
                p.eat(T::Colon)?;
                p.expression()?;
                Some(a)
            } => |a| { p.raise_at(a.loc, "illegal target for annotation".into()) });
            ialt!(p, {
                p.star_targets_eq_repeat();
                if p.failed() {
                    return None;
                }
                let a = p.star_expressions()?;
                p.eat(T::Equal)?;
                Some(a)
            } => |a| { p.raise_invalid_target(TargetsType::StarTargets, &a) });
            ialt!(p, {
                p.star_targets_eq_repeat();
                if p.failed() {
                    return None;
                }
                let a = p.yield_expr()?;
                p.eat(T::Equal)?;
                Some(a)
            } => |a| { p.raise_at(a.loc, "assignment to yield expression not possible".into()) });
            ialt!(p, {
                let a = p.star_expressions()?;
                p.augassign()?;
                p.yield_or_star_expressions()?;
                Some(a)
            } => |a| {
                let msg = format!("'{}' is an illegal expression for augmented assignment", expr_name(&a));
                p.raise_at(a.loc, msg);
            });
        })
    }

    /// `(star_targets '=')*`
    fn star_targets_eq_repeat(&mut self) {
        let _ = self.repeat0(|p| {
            p.star_targets()?;
            p.eat(T::Equal)
        });
    }

    fn invalid_ann_assign_target(&mut self) -> Option<Expr> {
        super::rule!(self, |p| {
            let m = p.pos;
            if let Some(l) = p.list() {
                return Some(l);
            }
            if p.failed() {
                return None;
            }
            p.pos = m;
            if let Some(t) = p.tuple() {
                return Some(t);
            }
            if p.failed() {
                return None;
            }
            p.pos = m;
            p.eat(T::Lpar)?;
            let a = p.invalid_ann_assign_target()?;
            p.eat(T::Rpar)?;
            Some(a)
        })
    }

    pub(crate) fn invalid_del_stmt(&mut self) {
        irule!(self, |p| {
            ialt!(p, {
                p.eat_kw(Kw::Del)?;
                p.star_expressions()
            } => |a| { p.raise_invalid_target(TargetsType::DelTargets, &a) });
        })
    }

    pub(crate) fn invalid_block(&mut self) {
        irule!(self, |p| {
            ialt!(p, { p.newline_no_indent() } => |_x| { p.indentation_error("expected an indented block".into()) });
        })
    }

    pub(crate) fn invalid_comprehension(&mut self) {
        irule!(self, |p| {
            ialt!(p, {
                if !matches!(p.peek_kind()?, T::Lsqb | T::Lpar | T::Lbrace) {
                    return None;
                }
                p.pos += 1;
                let a = p.starred_expression()?;
                p.for_if_clauses()?;
                Some(a)
            } => |a| { p.raise_at(a.loc, "iterable unpacking cannot be used in comprehension".into()) });
            ialt!(p, {
                if !matches!(p.peek_kind()?, T::Lsqb | T::Lbrace) {
                    return None;
                }
                p.pos += 1;
                let a = p.star_named_expression()?;
                p.eat(T::Comma)?;
                let b = p.star_named_expressions()?;
                p.for_if_clauses()?;
                Some((a, b))
            } => |(a, b)| {
                if let Some(last) = b.last() {
                    p.raise_range(a.loc, last.loc, "did you forget parentheses around the comprehension target?".into());
                }
            });
            ialt!(p, {
                if !matches!(p.peek_kind()?, T::Lsqb | T::Lbrace) {
                    return None;
                }
                p.pos += 1;
                let a = p.star_named_expression()?;
                let b = p.eat(T::Comma)?;
                p.for_if_clauses()?;
                Some((a, b))
            } => |(a, b)| {
                p.raise_range(a.loc, tok_loc(&b), "did you forget parentheses around the comprehension target?".into());
            });
        })
    }

    pub(crate) fn invalid_dict_comprehension(&mut self) {
        irule!(self, |p| {
            ialt!(p, {
                p.eat(T::Lbrace)?;
                let a = p.eat(T::DoubleStar)?;
                p.bitwise_or()?;
                p.for_if_clauses()?;
                p.eat(T::Rbrace)?;
                Some(a)
            } => |a| { p.raise_at_token(&a, "dict unpacking cannot be used in dict comprehension".into()) });
        })
    }

    /// `invalid_parameters` / `invalid_lambda_parameters`.
    pub(crate) fn invalid_parameters(&mut self, k: ParamKind) {
        irule!(self, |p| {
            ialt!(p, {
                let _ = p.repeat0(|p| p.param_no_default(k));
                p.invalid_parameters_helper(k)?;
                p.param_no_default(k)
            } => |a| { p.raise_at(a.loc, "non-default argument follows default argument".into()) });
            ialt!(p, {
                let _ = p.repeat0(|p| p.param_no_default(k));
                let a = p.eat(T::Lpar)?;
                match k {
                    ParamKind::Def => {
                        p.repeat1(|p| p.param_no_default(k))?;
                    }
                    ParamKind::Lambda => {
                        p.gather(|p| p.param(k))?;
                    }
                }
                p.eat(T::Comma);
                let b = p.eat(T::Rpar)?;
                Some((a, b))
            } => |(a, b)| {
                let msg = match k {
                    ParamKind::Def => "Function parameters cannot be parenthesized",
                    ParamKind::Lambda => "Lambda expression parameters cannot be parenthesized",
                };
                p.raise_range(tok_loc(&a), tok_loc(&b), msg.into());
            });
            ialt!(p, {
                let a = p.eat(T::Slash)?;
                p.eat(T::Comma)?;
                Some(a)
            } => |a| { p.raise_at_token(&a, "at least one argument must precede /".into()) });
            ialt!(p, {
                p.slash_either(k)?;
                let _ = p.repeat0(|p| p.param_maybe_default(k));
                p.eat(T::Slash)
            } => |a| { p.raise_at_token(&a, "/ may appear only once".into()) });
            ialt!(p, {
                let m = p.pos;
                if p.slash_either(k).is_none() {
                    if p.failed() {
                        return None;
                    }
                    p.pos = m;
                }
                let _ = p.repeat0(|p| p.param_maybe_default(k));
                p.eat(T::Star)?;
                if p.eat(T::Comma).is_none() {
                    p.param_no_default(k)?;
                }
                let _ = p.repeat0(|p| p.param_maybe_default(k));
                p.eat(T::Slash)
            } => |a| { p.raise_at_token(&a, "/ must be ahead of *".into()) });
            ialt!(p, {
                p.repeat1(|p| p.param_maybe_default(k))?;
                p.eat(T::Slash)?;
                p.eat(T::Star)
            } => |a| { p.raise_at_token(&a, "expected comma between / and *".into()) });
        })
    }

    /// `(slash_no_default | slash_with_default)`
    fn slash_either(&mut self, k: ParamKind) -> Option<()> {
        let m = self.pos;
        if self.slash_no_default(k).is_some() {
            return Some(());
        }
        if self.failed() {
            return None;
        }
        self.pos = m;
        self.slash_with_default(k).map(|_| ())
    }

    /// `invalid_parameters_helper`: `slash_with_default | param_with_default+`
    fn invalid_parameters_helper(&mut self, k: ParamKind) -> Option<()> {
        super::rule!(self, |p| {
            let m = p.pos;
            if p.slash_with_default(k).is_some() {
                return Some(());
            }
            if p.failed() {
                return None;
            }
            p.pos = m;
            p.repeat1(|p| p.param_with_default(k)).map(|_| ())
        })
    }

    pub(crate) fn invalid_default(&mut self) {
        irule!(self, |p| {
            ialt!(p, {
                let a = p.eat(T::Equal)?;
                if !matches!(p.peek_kind(), Some(T::Rpar | T::Comma)) {
                    return None;
                }
                Some(a)
            } => |a| { p.raise_at_token(&a, "expected default value expression".into()) });
        })
    }

    /// `invalid_star_etc` / `invalid_lambda_star_etc`.
    pub(crate) fn invalid_star_etc(&mut self, k: ParamKind) {
        irule!(self, |p| {
            let closer = match k {
                ParamKind::Def => T::Rpar,
                ParamKind::Lambda => T::Colon,
            };
            ialt!(p, {
                let a = p.eat(T::Star)?;
                if p.eat(closer).is_none() {
                    p.eat(T::Comma)?;
                    if p.eat(closer).is_none() {
                        p.eat(T::DoubleStar)?;
                    }
                }
                Some(a)
            } => |a| {
                match k {
                    ParamKind::Def => p.raise_at_token(&a, "named arguments must follow bare *".into()),
                    ParamKind::Lambda => p.syntax_error_here("named arguments must follow bare *"),
                }
            });
            ialt!(p, {
                p.eat(T::Star)?;
                p.param(k)?;
                p.eat(T::Equal)
            } => |a| { p.raise_at_token(&a, "var-positional argument cannot have default value".into()) });
            ialt!(p, {
                p.eat(T::Star)?;
                p.param_no_default_or_comma(k)?;
                let _ = p.repeat0(|p| p.param_maybe_default(k));
                let a = p.eat(T::Star)?;
                p.param_no_default_or_comma(k)?;
                Some(a)
            } => |a| { p.raise_at_token(&a, "* argument may appear only once".into()) });
        })
    }

    /// `(param_no_default | ',')`
    fn param_no_default_or_comma(&mut self, k: ParamKind) -> Option<()> {
        let m = self.pos;
        if self.param_no_default(k).is_some() {
            return Some(());
        }
        if self.failed() {
            return None;
        }
        self.pos = m;
        self.eat(T::Comma).map(|_| ())
    }

    /// `invalid_kwds` / `invalid_lambda_kwds`.
    pub(crate) fn invalid_kwds(&mut self, k: ParamKind) {
        irule!(self, |p| {
            ialt!(p, {
                p.eat(T::DoubleStar)?;
                p.param(k)?;
                p.eat(T::Equal)
            } => |a| { p.raise_at_token(&a, "var-keyword argument cannot have default value".into()) });
            ialt!(p, {
                p.eat(T::DoubleStar)?;
                p.param(k)?;
                p.eat(T::Comma)?;
                p.param(k)
            } => |a| { p.raise_at(a.loc, "arguments cannot follow var-keyword argument".into()) });
            ialt!(p, {
                p.eat(T::DoubleStar)?;
                p.param(k)?;
                p.eat(T::Comma)?;
                let a = p.peek()?;
                if !matches!(a.kind, T::Star | T::DoubleStar | T::Slash) {
                    return None;
                }
                p.pos += 1;
                Some(a)
            } => |a| { p.raise_at_token(&a, "arguments cannot follow var-keyword argument".into()) });
        })
    }

    pub(crate) fn invalid_with_item(&mut self) {
        irule!(self, |p| {
            ialt!(p, {
                p.expression()?;
                p.eat_kw(Kw::As)?;
                let a = p.expression()?;
                if !matches!(p.peek_kind(), Some(T::Comma | T::Rpar | T::Colon)) {
                    return None;
                }
                Some(a)
            } => |a| { p.raise_invalid_target(TargetsType::StarTargets, &a) });
        })
    }

    pub(crate) fn invalid_for_target(&mut self) {
        irule!(self, |p| {
            ialt!(p, {
                p.eat_kw(Kw::Async);
                p.eat_kw(Kw::For)?;
                p.star_expressions()
            } => |a| { p.raise_invalid_target(TargetsType::ForTargets, &a) });
        })
    }

    pub(crate) fn invalid_group(&mut self) {
        irule!(self, |p| {
            ialt!(p, {
                p.eat(T::Lpar)?;
                let a = p.starred_expression()?;
                p.eat(T::Rpar)?;
                Some(a)
            } => |a| { p.raise_at(a.loc, "cannot use starred expression here".into()) });
            ialt!(p, {
                p.eat(T::Lpar)?;
                let a = p.eat(T::DoubleStar)?;
                p.expression()?;
                p.eat(T::Rpar)?;
                Some(a)
            } => |a| { p.raise_at_token(&a, "cannot use double starred expression here".into()) });
        })
    }

    pub(crate) fn invalid_import_from_targets(&mut self) {
        irule!(self, |p| {
            ialt!(p, {
                p.import_from_as_names()?;
                p.eat(T::Comma)?;
                p.eat(T::Newline)
            } => |_x| { p.syntax_error_here("trailing comma not allowed without surrounding parentheses") });
        })
    }

    /// `','.(expression ['as' star_target])+` or with `expressions`.
    fn with_items_loose(&mut self, tuple_items: bool) -> Option<()> {
        self.gather(|p| {
            if tuple_items {
                p.expressions()?;
            } else {
                p.expression()?;
            }
            let _ = attempt!(p, {
                p.eat_kw(Kw::As)?;
                p.star_target()
            });
            if p.failed() {
                return None;
            }
            Some(())
        })
        .map(|_| ())
    }

    pub(crate) fn invalid_with_stmt(&mut self) {
        irule!(self, |p| {
            ialt!(p, {
                p.eat_kw(Kw::Async);
                p.eat_kw(Kw::With)?;
                p.with_items_loose(false)?;
                p.eat(T::Newline)
            } => |_x| { p.syntax_error_here(EXPECTED_COLON) });
            ialt!(p, {
                p.eat_kw(Kw::Async);
                p.eat_kw(Kw::With)?;
                p.eat(T::Lpar)?;
                p.with_items_loose(true)?;
                p.eat(T::Comma);
                p.eat(T::Rpar)?;
                p.eat(T::Newline)
            } => |_x| { p.syntax_error_here(EXPECTED_COLON) });
        })
    }

    pub(crate) fn invalid_with_stmt_indent(&mut self) {
        irule!(self, |p| {
            ialt!(p, {
                p.eat_kw(Kw::Async);
                let a = p.eat_kw(Kw::With)?;
                p.with_items_loose(false)?;
                p.eat(T::Colon)?;
                p.newline_no_indent()?;
                Some(a)
            } => |a| { p.indentation_error(format!("expected an indented block after 'with' statement on line {}", a.lineno)) });
            ialt!(p, {
                p.eat_kw(Kw::Async);
                let a = p.eat_kw(Kw::With)?;
                p.eat(T::Lpar)?;
                p.with_items_loose(true)?;
                p.eat(T::Comma);
                p.eat(T::Rpar)?;
                p.eat(T::Colon)?;
                p.newline_no_indent()?;
                Some(a)
            } => |a| { p.indentation_error(format!("expected an indented block after 'with' statement on line {}", a.lineno)) });
        })
    }

    pub(crate) fn invalid_try_stmt(&mut self) {
        irule!(self, |p| {
            ialt!(p, {
                let a = p.eat_kw(Kw::Try)?;
                p.eat(T::Colon)?;
                p.newline_no_indent()?;
                Some(a)
            } => |a| { p.indentation_error(format!("expected an indented block after 'try' statement on line {}", a.lineno)) });
            ialt!(p, {
                p.eat_kw(Kw::Try)?;
                p.eat(T::Colon)?;
                p.block()?;
                if matches!(p.peek_kind(), Some(T::Keyword(Kw::Except | Kw::Finally))) {
                    return None;
                }
                Some(())
            } => |_x| { p.syntax_error_here("expected 'except' or 'finally' block") });
            ialt!(p, {
                p.eat_kw(Kw::Try)?;
                p.eat(T::Colon)?;
                let _ = p.repeat0(|p| p.block());
                p.repeat1(|p| p.except_block())?;
                let a = p.eat_kw(Kw::Except)?;
                let b = p.eat(T::Star)?;
                p.expression()?;
                let _ = p.as_name();
                if p.failed() {
                    return None;
                }
                p.eat(T::Colon)?;
                Some((a, b))
            } => |(a, b)| { p.raise_range(tok_loc(&a), tok_loc(&b), "cannot have both 'except' and 'except*' on the same 'try'".into()) });
            ialt!(p, {
                p.eat_kw(Kw::Try)?;
                p.eat(T::Colon)?;
                let _ = p.repeat0(|p| p.block());
                p.repeat1(|p| p.except_star_block())?;
                let a = p.eat_kw(Kw::Except)?;
                let _ = attempt!(p, {
                    p.expression()?;
                    let _ = p.as_name();
                    if p.failed() {
                        return None;
                    }
                    Some(())
                });
                if p.failed() {
                    return None;
                }
                p.eat(T::Colon)?;
                Some(a)
            } => |a| { p.raise_at_token(&a, "cannot have both 'except' and 'except*' on the same 'try'".into()) });
        })
    }

    pub(crate) fn invalid_except_stmt(&mut self) {
        irule!(self, |p| {
            ialt!(p, {
                p.eat_kw(Kw::Except)?;
                p.eat(T::Star);
                let a = p.expression()?;
                p.eat(T::Comma)?;
                p.expressions()?;
                let _ = p.as_name();
                if p.failed() {
                    return None;
                }
                p.eat(T::Colon)?;
                Some(a)
            } => |a| { p.raise_starting_from(a.loc, "multiple exception types must be parenthesized".into()) });
            ialt!(p, {
                p.eat_kw(Kw::Except)?;
                p.eat(T::Star);
                p.expression()?;
                let _ = p.as_name();
                if p.failed() {
                    return None;
                }
                p.eat(T::Newline)
            } => |_x| { p.syntax_error_here(EXPECTED_COLON) });
            ialt!(p, {
                p.eat_kw(Kw::Except)?;
                p.eat(T::Newline)
            } => |_x| { p.syntax_error_here(EXPECTED_COLON) });
            ialt!(p, {
                p.eat_kw(Kw::Except)?;
                p.eat(T::Star)?;
                if !matches!(p.peek_kind(), Some(T::Newline | T::Colon)) {
                    return None;
                }
                p.pos += 1;
                Some(())
            } => |_x| { p.syntax_error_here("expected one or more exception types") });
        })
    }

    pub(crate) fn invalid_finally_stmt(&mut self) {
        irule!(self, |p| {
            ialt!(p, {
                let a = p.eat_kw(Kw::Finally)?;
                p.eat(T::Colon)?;
                p.newline_no_indent()?;
                Some(a)
            } => |a| { p.indentation_error(format!("expected an indented block after 'finally' statement on line {}", a.lineno)) });
        })
    }

    pub(crate) fn invalid_except_stmt_indent(&mut self) {
        irule!(self, |p| {
            ialt!(p, {
                let a = p.eat_kw(Kw::Except)?;
                p.expression()?;
                let _ = p.as_name();
                if p.failed() {
                    return None;
                }
                p.eat(T::Colon)?;
                p.newline_no_indent()?;
                Some(a)
            } => |a| { p.indentation_error(format!("expected an indented block after 'except' statement on line {}", a.lineno)) });
            ialt!(p, {
                let a = p.eat_kw(Kw::Except)?;
                p.eat(T::Colon)?;
                p.newline_no_indent()?;
                Some(a)
            } => |a| { p.indentation_error(format!("expected an indented block after 'except' statement on line {}", a.lineno)) });
        })
    }

    pub(crate) fn invalid_except_star_stmt_indent(&mut self) {
        irule!(self, |p| {
            ialt!(p, {
                let a = p.eat_kw(Kw::Except)?;
                p.eat(T::Star)?;
                p.expression()?;
                let _ = p.as_name();
                if p.failed() {
                    return None;
                }
                p.eat(T::Colon)?;
                p.newline_no_indent()?;
                Some(a)
            } => |a| { p.indentation_error(format!("expected an indented block after 'except*' statement on line {}", a.lineno)) });
        })
    }

    pub(crate) fn invalid_match_stmt(&mut self) {
        irule!(self, |p| {
            ialt!(p, {
                p.eat_soft("match")?;
                p.subject_expr()?;
                p.eat(T::Newline)
            } => |_x| { p.syntax_error_here(EXPECTED_COLON) });
            ialt!(p, {
                let a = p.eat_soft("match")?;
                p.subject_expr()?;
                p.eat(T::Colon)?;
                p.newline_no_indent()?;
                Some(a)
            } => |a| { p.indentation_error(format!("expected an indented block after 'match' statement on line {}", a.lineno)) });
        })
    }

    pub(crate) fn invalid_case_block(&mut self) {
        irule!(self, |p| {
            ialt!(p, {
                p.eat_soft("case")?;
                p.patterns()?;
                let _ = p.guard();
                if p.failed() {
                    return None;
                }
                p.eat(T::Newline)
            } => |_x| { p.syntax_error_here(EXPECTED_COLON) });
            ialt!(p, {
                let a = p.eat_soft("case")?;
                p.patterns()?;
                let _ = p.guard();
                if p.failed() {
                    return None;
                }
                p.eat(T::Colon)?;
                p.newline_no_indent()?;
                Some(a)
            } => |a| { p.indentation_error(format!("expected an indented block after 'case' statement on line {}", a.lineno)) });
        })
    }

    /// `invalid_if_stmt` / `invalid_elif_stmt` / `invalid_while_stmt`.
    fn invalid_conditional(&mut self, kw: Kw, name: &str) {
        irule!(self, |p| {
            ialt!(p, {
                p.eat_kw(kw)?;
                p.named_expression()?;
                p.eat(T::Newline)
            } => |_x| { p.syntax_error_here(EXPECTED_COLON) });
            ialt!(p, {
                let a = p.eat_kw(kw)?;
                let e = p.named_expression()?;
                p.eat(T::Colon)?;
                p.newline_no_indent()?;
                Some((a, e))
            } => |(a, e)| {
                // invalid_if_stmt rebinds `a` to the condition: its line is reported.
                let line = if kw == Kw::If { e.loc.lineno } else { a.lineno };
                p.indentation_error(format!("expected an indented block after '{}' statement on line {}", name, line));
            });
        })
    }

    pub(crate) fn invalid_if_stmt(&mut self) {
        self.invalid_conditional(Kw::If, "if")
    }

    pub(crate) fn invalid_elif_stmt(&mut self) {
        self.invalid_conditional(Kw::Elif, "elif")
    }

    pub(crate) fn invalid_while_stmt(&mut self) {
        self.invalid_conditional(Kw::While, "while")
    }

    pub(crate) fn invalid_else_stmt(&mut self) {
        irule!(self, |p| {
            ialt!(p, {
                let a = p.eat_kw(Kw::Else)?;
                p.eat(T::Colon)?;
                p.newline_no_indent()?;
                Some(a)
            } => |a| { p.indentation_error(format!("expected an indented block after 'else' statement on line {}", a.lineno)) });
        })
    }

    pub(crate) fn invalid_for_stmt(&mut self) {
        irule!(self, |p| {
            ialt!(p, {
                p.eat_kw(Kw::Async);
                p.eat_kw(Kw::For)?;
                p.star_targets()?;
                p.eat_kw(Kw::In)?;
                p.star_expressions()?;
                p.eat(T::Newline)
            } => |_x| { p.syntax_error_here(EXPECTED_COLON) });
            ialt!(p, {
                p.eat_kw(Kw::Async);
                let a = p.eat_kw(Kw::For)?;
                p.star_targets()?;
                p.eat_kw(Kw::In)?;
                p.star_expressions()?;
                p.eat(T::Colon)?;
                p.newline_no_indent()?;
                Some(a)
            } => |a| { p.indentation_error(format!("expected an indented block after 'for' statement on line {}", a.lineno)) });
        })
    }

    pub(crate) fn invalid_def_raw(&mut self) {
        irule!(self, |p| {
            ialt!(p, {
                p.eat_kw(Kw::Async);
                let a = p.eat_kw(Kw::Def)?;
                p.eat(T::Name)?;
                p.eat(T::Lpar)?;
                let _ = p.params();
                if p.failed() {
                    return None;
                }
                p.eat(T::Rpar)?;
                let _ = attempt!(p, {
                    p.eat(T::Rarrow)?;
                    p.expression()
                });
                if p.failed() {
                    return None;
                }
                p.eat(T::Colon)?;
                p.newline_no_indent()?;
                Some(a)
            } => |a| { p.indentation_error(format!("expected an indented block after function definition on line {}", a.lineno)) });
        })
    }

    /// `['(' [arguments] ')']`
    fn optional_class_arguments(&mut self) -> Option<()> {
        let _ = attempt!(self, {
            self.eat(T::Lpar)?;
            let _ = self.arguments();
            if self.failed() {
                return None;
            }
            self.eat(T::Rpar)
        });
        if self.failed() {
            return None;
        }
        Some(())
    }

    pub(crate) fn invalid_class_def_raw(&mut self) {
        irule!(self, |p| {
            ialt!(p, {
                p.eat_kw(Kw::Class)?;
                p.eat(T::Name)?;
                p.optional_class_arguments()?;
                p.eat(T::Newline)
            } => |_x| { p.syntax_error_here(EXPECTED_COLON) });
            ialt!(p, {
                let a = p.eat_kw(Kw::Class)?;
                p.eat(T::Name)?;
                p.optional_class_arguments()?;
                p.eat(T::Colon)?;
                p.newline_no_indent()?;
                Some(a)
            } => |a| { p.indentation_error(format!("expected an indented block after class definition on line {}", a.lineno)) });
        })
    }

    pub(crate) fn invalid_double_starred_kvpairs(&mut self) {
        irule!(self, |p| {
            // `','.double_starred_kvpair+ ',' invalid_kvpair`: matches only by raising.
            let mark = p.pos;
            if p.gather(|p| p.double_starred_kvpair()).is_some() && p.eat(T::Comma).is_some() {
                p.invalid_kvpair();
            }
            p.pos = mark;
            if p.failed() {
                return;
            }
            ialt!(p, {
                p.expression()?;
                p.eat(T::Colon)?;
                let a = p.eat(T::Star)?;
                p.bitwise_or()?;
                Some(a)
            } => |a| { p.raise_starting_from(tok_loc(&a), "cannot use a starred expression in a dictionary value".into()) });
            ialt!(p, {
                p.expression()?;
                let a = p.eat(T::Colon)?;
                if !matches!(p.peek_kind(), Some(T::Rbrace | T::Comma)) {
                    return None;
                }
                Some(a)
            } => |a| { p.raise_at_token(&a, "expression expected after dictionary key and ':'".into()) });
        })
    }

    fn invalid_kvpair(&mut self) {
        irule!(self, |p| {
            ialt!(p, {
                let a = p.expression()?;
                if p.at(T::Colon) {
                    return None;
                }
                Some(a)
            } => |a| {
                p.raise_known(
                    SyntaxErrorKind::SyntaxError,
                    a.loc.lineno,
                    a.loc.end_col_offset as i64 - 1,
                    a.loc.end_lineno,
                    -1,
                    "':' expected after dictionary key".into(),
                );
            });
            ialt!(p, {
                p.expression()?;
                p.eat(T::Colon)?;
                let a = p.eat(T::Star)?;
                p.bitwise_or()?;
                Some(a)
            } => |a| { p.raise_starting_from(tok_loc(&a), "cannot use a starred expression in a dictionary value".into()) });
            ialt!(p, {
                p.expression()?;
                let a = p.eat(T::Colon)?;
                if !matches!(p.peek_kind(), Some(T::Rbrace | T::Comma)) {
                    return None;
                }
                Some(a)
            } => |a| { p.raise_at_token(&a, "expression expected after dictionary key and ':'".into()) });
        })
    }
}
