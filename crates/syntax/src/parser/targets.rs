//! Assignment and deletion targets: `star_targets` through `del_t_atom`.

use super::helpers::*;
use super::{alt, attempt, memo_rule, rule, CallArgs, MemoRule, Parser};
use crate::ast::{Expr, ExprContext, ExprContext::*, ExprKind};
use crate::token::TokenKind as T;

impl<'a> Parser<'a> {
    pub(crate) fn star_targets(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            let start = p.pos;
            let a = p.star_target()?;
            if !p.at(T::Comma) {
                return Some(a);
            }
            let mut elts = vec![a];
            p.comma_more_group(&mut elts, |p| p.star_target());
            p.eat(T::Comma);
            Some(tuple(elts, Store, p.loc_from(start)))
        })
    }

    fn star_targets_list_seq(&mut self) -> Option<Vec<Expr>> {
        rule!(self, |p| {
            let v = p.gather(|p| p.star_target())?;
            p.eat(T::Comma);
            Some(v)
        })
    }

    fn star_targets_tuple_seq(&mut self) -> Option<Vec<Expr>> {
        rule!(self, |p| {
            let a = p.star_target()?;
            let mut v = vec![a];
            p.comma_more_group(&mut v, |p| p.star_target());
            if v.len() > 1 {
                p.eat(T::Comma);
                return Some(v);
            }
            p.eat(T::Comma)?;
            Some(v)
        })
    }

    pub(crate) fn star_target(&mut self) -> Option<Expr> {
        memo_rule!(self, MemoRule::StarTarget, |p| {
            let start = p.pos;
            alt!(p, {
                p.eat(T::Star)?;
                if p.at(T::Star) {
                    return None;
                }
                let a = p.star_target()?;
                Some(starred(set_expr_context(a, Store), Store, p.loc_from(start)))
            });
            p.target_with_star_atom()
        })
    }

    pub(crate) fn target_with_star_atom(&mut self) -> Option<Expr> {
        memo_rule!(self, MemoRule::TargetWithStarAtom, |p| {
            alt!(p, { p.subscript_attribute_target(Store) });
            p.star_atom()
        })
    }

    /// `t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead`
    /// with the given context (single_subscript_attribute_target, del_target...).
    fn subscript_attribute_target(&mut self, ctx: ExprContext) -> Option<Expr> {
        let start = self.pos;
        let a = self.t_primary()?;
        let after = self.pos;
        let attr = attempt!(self, {
            self.eat(T::Dot)?;
            let (_, name) = self.name_ident()?;
            if self.t_lookahead() {
                return None;
            }
            Some(name)
        });
        if let Some(attr) = attr {
            return Some(Expr::new(self.loc_from(start), ExprKind::Attribute { value: Box::new(a), attr, ctx }));
        }
        if self.failed() {
            return None;
        }
        self.pos = after;
        self.eat(T::Lsqb)?;
        let s = self.slices()?;
        self.eat(T::Rsqb)?;
        if self.t_lookahead() {
            return None;
        }
        Some(Expr::new(self.loc_from(start), ExprKind::Subscript { value: Box::new(a), slice: Box::new(s), ctx }))
    }

    fn star_atom(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            let start = p.pos;
            alt!(p, {
                let a = p.name()?;
                Some(set_expr_context(a, Store))
            });
            alt!(p, {
                p.eat(T::Lpar)?;
                let a = p.target_with_star_atom()?;
                p.eat(T::Rpar)?;
                Some(set_expr_context(a, Store))
            });
            alt!(p, {
                p.eat(T::Lpar)?;
                let a = p.star_targets_tuple_seq();
                if p.failed() {
                    return None;
                }
                p.eat(T::Rpar)?;
                Some(tuple(a.unwrap_or_default(), Store, p.loc_from(start)))
            });
            p.eat(T::Lsqb)?;
            let a = p.star_targets_list_seq();
            if p.failed() {
                return None;
            }
            p.eat(T::Rsqb)?;
            Some(Expr::new(p.loc_from(start), ExprKind::List { elts: a.unwrap_or_default(), ctx: Store }))
        })
    }

    pub(crate) fn single_target(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            alt!(p, { p.single_subscript_attribute_target() });
            alt!(p, {
                let a = p.name()?;
                Some(set_expr_context(a, Store))
            });
            p.eat(T::Lpar)?;
            let a = p.single_target()?;
            p.eat(T::Rpar)?;
            Some(a)
        })
    }

    pub(crate) fn single_subscript_attribute_target(&mut self) -> Option<Expr> {
        rule!(self, |p| { p.subscript_attribute_target(Store) })
    }

    /// `t_lookahead: '(' | '[' | '.'` (fetches the token).
    fn t_lookahead(&mut self) -> bool {
        matches!(self.peek_kind(), Some(T::Lpar | T::Lsqb | T::Dot))
    }

    pub(crate) fn t_primary(&mut self) -> Option<Expr> {
        memo_rule!(self, MemoRule::TPrimary, |p| {
            let start = p.pos;
            let mut a = p.nested(|p| {
                let a = p.atom()?;
                if !p.t_lookahead() {
                    return None;
                }
                Some(a)
            })?;
            loop {
                let mark = p.pos;
                if !p.enter() {
                    return None;
                }
                let grown = p.t_primary_suffix(start, a);
                p.leave();
                match grown {
                    Ok(e) => a = e,
                    Err(e) => {
                        a = e;
                        p.pos = mark;
                        break;
                    }
                }
                if p.failed() {
                    return None;
                }
            }
            Some(a)
        })
    }

    /// One growth step of `t_primary`, each alternative followed by `&t_lookahead`.
    fn t_primary_suffix(&mut self, start: usize, a: Expr) -> Result<Expr, Expr> {
        let mark = self.pos;
        // '.' NAME &t_lookahead
        let attr = attempt!(self, {
            self.eat(T::Dot)?;
            let (_, name) = self.name_ident()?;
            if !self.t_lookahead() {
                return None;
            }
            Some(name)
        });
        if let Some(attr) = attr {
            return Ok(Expr::new(self.loc_from(start), ExprKind::Attribute { value: Box::new(a), attr, ctx: Load }));
        }
        if self.failed() {
            return Err(a);
        }
        // '[' slices ']' &t_lookahead
        let sub = attempt!(self, {
            self.eat(T::Lsqb)?;
            let s = self.slices()?;
            self.eat(T::Rsqb)?;
            if !self.t_lookahead() {
                return None;
            }
            Some(s)
        });
        if let Some(s) = sub {
            return Ok(Expr::new(self.loc_from(start), ExprKind::Subscript { value: Box::new(a), slice: Box::new(s), ctx: Load }));
        }
        if self.failed() {
            return Err(a);
        }
        // genexp &t_lookahead
        let gen = attempt!(self, {
            let g = self.genexp()?;
            if !self.t_lookahead() {
                return None;
            }
            Some(g)
        });
        if let Some(g) = gen {
            return Ok(Expr::new(self.loc_from(start), ExprKind::Call { func: Box::new(a), args: vec![g], keywords: vec![] }));
        }
        if self.failed() {
            return Err(a);
        }
        // '(' [arguments] ')' &t_lookahead
        let call = attempt!(self, {
            self.eat(T::Lpar)?;
            let args = self.arguments();
            if self.failed() {
                return None;
            }
            self.eat(T::Rpar)?;
            if !self.t_lookahead() {
                return None;
            }
            Some(args)
        });
        if let Some(args) = call {
            let (args, keywords) = match args {
                Some(CallArgs { args, keywords, .. }) => (args, keywords),
                None => (vec![], vec![]),
            };
            return Ok(Expr::new(self.loc_from(start), ExprKind::Call { func: Box::new(a), args, keywords }));
        }
        self.pos = mark;
        Err(a)
    }

    pub(crate) fn del_targets(&mut self) -> Option<Vec<Expr>> {
        rule!(self, |p| {
            let v = p.gather(|p| p.del_target())?;
            p.eat(T::Comma);
            Some(v)
        })
    }

    fn del_target(&mut self) -> Option<Expr> {
        memo_rule!(self, MemoRule::DelTarget, |p| {
            alt!(p, { p.subscript_attribute_target(Del) });
            p.del_t_atom()
        })
    }

    fn del_t_atom(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            let start = p.pos;
            alt!(p, {
                let a = p.name()?;
                Some(set_expr_context(a, Del))
            });
            alt!(p, {
                p.eat(T::Lpar)?;
                let a = p.del_target()?;
                p.eat(T::Rpar)?;
                Some(set_expr_context(a, Del))
            });
            alt!(p, {
                p.eat(T::Lpar)?;
                let a = p.del_targets();
                if p.failed() {
                    return None;
                }
                p.eat(T::Rpar)?;
                Some(tuple(a.unwrap_or_default(), Del, p.loc_from(start)))
            });
            p.eat(T::Lsqb)?;
            let a = p.del_targets();
            if p.failed() {
                return None;
            }
            p.eat(T::Rsqb)?;
            Some(Expr::new(p.loc_from(start), ExprKind::List { elts: a.unwrap_or_default(), ctx: Del }))
        })
    }
}
