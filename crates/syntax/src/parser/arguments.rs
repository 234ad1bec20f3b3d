//! Call arguments (`arguments` .. `kwarg_or_double_starred`) and the parameters
//! of `def` and `lambda` (`params` .. `default`, `lambda_params` ..).

use super::{alt, attempt, invalid_alt, memo_rule, rule, CallArgs, MemoRule, Parser};
use crate::ast::{Arg, Arguments, Expr, Keyword};
use crate::token::TokenKind as T;

/// `_PyPegen_slash_with_default`'s pair.
pub(crate) struct SlashWithDefault {
    pub plain_names: Vec<Arg>,
    pub names_with_defaults: Vec<(Arg, Option<Expr>)>,
}

/// `_PyPegen_star_etc`'s triple.
#[derive(Default)]
pub(crate) struct StarEtc {
    pub vararg: Option<Arg>,
    pub kwonlyargs: Vec<(Arg, Option<Expr>)>,
    pub kwarg: Option<Arg>,
}

pub(crate) enum KeywordOrStarred {
    Keyword(Keyword),
    Starred(Expr),
}

/// Whether the parameter rules are `def`'s (annotations, closed by ')') or
/// `lambda`'s (no annotations, closed by ':').
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum ParamKind {
    Def,
    Lambda,
}

impl ParamKind {
    fn closer(self) -> T {
        match self {
            ParamKind::Def => T::Rpar,
            ParamKind::Lambda => T::Colon,
        }
    }
}

impl<'a> Parser<'a> {
    pub(crate) fn arguments(&mut self) -> Option<CallArgs> {
        memo_rule!(self, MemoRule::Arguments, |p| {
            alt!(p, {
                let a = p.args()?;
                p.eat(T::Comma);
                if !p.at(T::Rpar) {
                    return None;
                }
                Some(a)
            });
            invalid_alt!(p, p.invalid_arguments());
            None
        })
    }

    /// One positional item of `args`:
    /// `starred_expression | (assignment_expression | expression !':=') !'='`.
    pub(crate) fn positional_arg(&mut self) -> Option<Expr> {
        self.nested(|p| p.positional_arg_inner())
    }

    fn positional_arg_inner(&mut self) -> Option<Expr> {
        let m = self.pos;
        if let Some(s) = self.starred_expression() {
            return Some(s);
        }
        if self.failed() {
            return None;
        }
        self.pos = m;
        let e = self.assignment_expression_or_expression()?;
        if self.at(T::Equal) {
            return None;
        }
        Some(e)
    }

    pub(crate) fn args(&mut self) -> Option<CallArgs> {
        rule!(self, |p| {
            alt!(p, {
                let mut args = p.gather(|p| p.positional_arg())?;
                let b = attempt!(p, {
                    p.eat(T::Comma)?;
                    p.kwargs()
                });
                if p.failed() {
                    return None;
                }
                let mut keywords = Vec::new();
                if let Some(b) = b {
                    for k in b {
                        match k {
                            KeywordOrStarred::Starred(e) => args.push(e),
                            KeywordOrStarred::Keyword(k) => keywords.push(k),
                        }
                    }
                }
                Some(CallArgs { args, keywords })
            });
            let a = p.kwargs()?;
            let mut args = Vec::new();
            let mut keywords = Vec::new();
            for k in a {
                match k {
                    KeywordOrStarred::Starred(e) => args.push(e),
                    KeywordOrStarred::Keyword(k) => keywords.push(k),
                }
            }
            Some(CallArgs { args, keywords })
        })
    }

    pub(crate) fn kwargs(&mut self) -> Option<Vec<KeywordOrStarred>> {
        rule!(self, |p| {
            let start = p.pos;
            if let Some(mut a) = p.gather(|p| p.kwarg_or_starred()) {
                let mark = p.pos;
                let b = attempt!(p, {
                    p.eat(T::Comma)?;
                    p.gather(|p| p.kwarg_or_double_starred())
                });
                if let Some(b) = b {
                    a.extend(b);
                    return Some(a);
                }
                if p.failed() {
                    return None;
                }
                p.pos = mark;
                return Some(a);
            }
            if p.failed() {
                return None;
            }
            p.pos = start;
            p.gather(|p| p.kwarg_or_double_starred())
        })
    }

    fn kwarg_or_starred(&mut self) -> Option<KeywordOrStarred> {
        rule!(self, |p| {
            let start = p.pos;
            invalid_alt!(p, p.invalid_kwarg());
            alt!(p, {
                let (_, name) = p.name_ident()?;
                p.eat(T::Equal)?;
                let b = p.expression()?;
                Some(KeywordOrStarred::Keyword(Keyword { loc: p.loc_from(start), arg: Some(name), value: b }))
            });
            let a = p.starred_expression()?;
            Some(KeywordOrStarred::Starred(a))
        })
    }

    fn kwarg_or_double_starred(&mut self) -> Option<KeywordOrStarred> {
        rule!(self, |p| {
            let start = p.pos;
            invalid_alt!(p, p.invalid_kwarg());
            alt!(p, {
                let (_, name) = p.name_ident()?;
                p.eat(T::Equal)?;
                let b = p.expression()?;
                Some(KeywordOrStarred::Keyword(Keyword { loc: p.loc_from(start), arg: Some(name), value: b }))
            });
            p.eat(T::DoubleStar)?;
            let a = p.expression()?;
            Some(KeywordOrStarred::Keyword(Keyword { loc: p.loc_from(start), arg: None, value: a }))
        })
    }

    // ----- parameters -----

    pub(crate) fn params(&mut self) -> Option<Arguments> {
        rule!(self, |p| {
            invalid_alt!(p, p.invalid_parameters(ParamKind::Def));
            p.parameters(ParamKind::Def)
        })
    }

    pub(crate) fn lambda_params(&mut self) -> Option<Arguments> {
        rule!(self, |p| {
            invalid_alt!(p, p.invalid_parameters(ParamKind::Lambda));
            p.parameters(ParamKind::Lambda)
        })
    }

    /// `parameters` / `lambda_parameters`.
    fn parameters(&mut self, k: ParamKind) -> Option<Arguments> {
        rule!(self, |p| {
            alt!(p, {
                let a = p.slash_no_default(k)?;
                let b = p.repeat0(|p| p.param_no_default(k));
                let c = p.repeat0(|p| p.param_with_default(k));
                let d = p.star_etc(k);
                if p.failed() {
                    return None;
                }
                Some(make_arguments(Some(a), None, b, c, d))
            });
            alt!(p, {
                let a = p.slash_with_default(k)?;
                let b = p.repeat0(|p| p.param_with_default(k));
                let c = p.star_etc(k);
                if p.failed() {
                    return None;
                }
                Some(make_arguments(None, Some(a), vec![], b, c))
            });
            alt!(p, {
                let a = p.repeat1(|p| p.param_no_default(k))?;
                let b = p.repeat0(|p| p.param_with_default(k));
                let c = p.star_etc(k);
                if p.failed() {
                    return None;
                }
                Some(make_arguments(None, None, a, b, c))
            });
            alt!(p, {
                let a = p.repeat1(|p| p.param_with_default(k))?;
                let b = p.star_etc(k);
                if p.failed() {
                    return None;
                }
                Some(make_arguments(None, None, vec![], a, b))
            });
            let a = p.star_etc(k)?;
            Some(make_arguments(None, None, vec![], vec![], Some(a)))
        })
    }

    /// `param_no_default+ '/' ','  |  param_no_default+ '/' &')'`
    pub(crate) fn slash_no_default(&mut self, k: ParamKind) -> Option<Vec<Arg>> {
        rule!(self, |p| {
            let a = p.repeat1(|p| p.param_no_default(k))?;
            p.eat(T::Slash)?;
            if p.eat(T::Comma).is_none() && !p.at(k.closer()) {
                return None;
            }
            Some(a)
        })
    }

    /// `param_no_default* param_with_default+ '/' (',' | &')')`
    pub(crate) fn slash_with_default(&mut self, k: ParamKind) -> Option<SlashWithDefault> {
        rule!(self, |p| {
            let a = p.repeat0(|p| p.param_no_default(k));
            let b = p.repeat1(|p| p.param_with_default(k))?;
            p.eat(T::Slash)?;
            if p.eat(T::Comma).is_none() && !p.at(k.closer()) {
                return None;
            }
            Some(SlashWithDefault { plain_names: a, names_with_defaults: b })
        })
    }

    pub(crate) fn star_etc(&mut self, k: ParamKind) -> Option<StarEtc> {
        rule!(self, |p| {
            invalid_alt!(p, p.invalid_star_etc(k));
            alt!(p, {
                p.eat(T::Star)?;
                let a = p.param_no_default(k)?;
                let b = p.repeat0(|p| p.param_maybe_default(k));
                let c = p.kwds(k);
                if p.failed() {
                    return None;
                }
                Some(StarEtc { vararg: Some(a), kwonlyargs: b, kwarg: c })
            });
            if k == ParamKind::Def {
                alt!(p, {
                    p.eat(T::Star)?;
                    let a = p.param_no_default_star_annotation()?;
                    let b = p.repeat0(|p| p.param_maybe_default(k));
                    let c = p.kwds(k);
                    if p.failed() {
                        return None;
                    }
                    Some(StarEtc { vararg: Some(a), kwonlyargs: b, kwarg: c })
                });
            }
            alt!(p, {
                p.eat(T::Star)?;
                p.eat(T::Comma)?;
                let b = p.repeat1(|p| p.param_maybe_default(k))?;
                let c = p.kwds(k);
                if p.failed() {
                    return None;
                }
                Some(StarEtc { vararg: None, kwonlyargs: b, kwarg: c })
            });
            let a = p.kwds(k)?;
            Some(StarEtc { vararg: None, kwonlyargs: vec![], kwarg: Some(a) })
        })
    }

    fn kwds(&mut self, k: ParamKind) -> Option<Arg> {
        rule!(self, |p| {
            invalid_alt!(p, p.invalid_kwds(k));
            p.eat(T::DoubleStar)?;
            p.param_no_default(k)
        })
    }

    /// `param ',' | param &')'`
    pub(crate) fn param_no_default(&mut self, k: ParamKind) -> Option<Arg> {
        rule!(self, |p| {
            let a = p.param(k)?;
            if p.eat(T::Comma).is_none() && !p.at(k.closer()) {
                return None;
            }
            Some(a)
        })
    }

    fn param_no_default_star_annotation(&mut self) -> Option<Arg> {
        rule!(self, |p| {
            let start = p.pos;
            let (_, name) = p.name_ident()?;
            p.eat(T::Colon)?;
            let ann = p.star_expression()?;
            let a = Arg { loc: p.loc_from(start), arg: name, annotation: Some(Box::new(ann)), type_comment: None };
            if p.eat(T::Comma).is_none() && !p.at(T::Rpar) {
                return None;
            }
            Some(a)
        })
    }

    /// `param default (',' | &')')`
    pub(crate) fn param_with_default(&mut self, k: ParamKind) -> Option<(Arg, Option<Expr>)> {
        rule!(self, |p| {
            let a = p.param(k)?;
            let c = p.default()?;
            if p.eat(T::Comma).is_none() && !p.at(k.closer()) {
                return None;
            }
            Some((a, Some(c)))
        })
    }

    /// `param default? (',' | &')')`
    pub(crate) fn param_maybe_default(&mut self, k: ParamKind) -> Option<(Arg, Option<Expr>)> {
        rule!(self, |p| {
            let a = p.param(k)?;
            let c = p.default();
            if p.failed() {
                return None;
            }
            if p.eat(T::Comma).is_none() && !p.at(k.closer()) {
                return None;
            }
            Some((a, c))
        })
    }

    /// `param: NAME annotation?` / `lambda_param: NAME`
    pub(crate) fn param(&mut self, k: ParamKind) -> Option<Arg> {
        rule!(self, |p| {
            let start = p.pos;
            let (_, name) = p.name_ident()?;
            let mut annotation = None;
            if k == ParamKind::Def {
                annotation = attempt!(p, {
                    p.eat(T::Colon)?;
                    p.expression()
                });
                if p.failed() {
                    return None;
                }
            }
            Some(Arg { loc: p.loc_from(start), arg: name, annotation: annotation.map(Box::new), type_comment: None })
        })
    }

    pub(crate) fn default(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            alt!(p, {
                p.eat(T::Equal)?;
                p.expression()
            });
            invalid_alt!(p, p.invalid_default());
            None
        })
    }
}

/// `_PyPegen_make_arguments`.
pub(crate) fn make_arguments(
    slash_without_default: Option<Vec<Arg>>,
    slash_with_default: Option<SlashWithDefault>,
    plain_names: Vec<Arg>,
    names_with_default: Vec<(Arg, Option<Expr>)>,
    star_etc: Option<StarEtc>,
) -> Arguments {
    let mut posonlyargs = Vec::new();
    let mut defaults = Vec::new();
    if let Some(a) = slash_without_default {
        posonlyargs = a;
    } else if let Some(s) = slash_with_default {
        posonlyargs = s.plain_names;
        for (arg, d) in s.names_with_defaults {
            posonlyargs.push(arg);
            defaults.extend(d);
        }
    }
    let mut args = plain_names;
    for (arg, d) in names_with_default {
        args.push(arg);
        defaults.extend(d);
    }
    let star = star_etc.unwrap_or_default();
    let (kwonlyargs, kw_defaults) = star.kwonlyargs.into_iter().unzip();
    Arguments {
        posonlyargs,
        args,
        vararg: star.vararg.map(Box::new),
        kwonlyargs,
        kw_defaults,
        kwarg: star.kwarg.map(Box::new),
        defaults,
    }
}
