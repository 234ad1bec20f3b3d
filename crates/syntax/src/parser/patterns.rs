//! `match` patterns: `patterns` .. `keyword_pattern`, with `invalid_as_pattern`
//! and `invalid_class_pattern`.

use super::{alt, attempt, invalid_alt, memo_rule, rule, tok_loc, MemoRule, Parser};
use crate::ast::{Constant, Expr, ExprContext, ExprKind, Operator, Pattern, PatternKind, UnaryOp};
use crate::token::{Keyword as Kw, TokenKind as T};

impl<'a> Parser<'a> {
    pub(crate) fn patterns(&mut self) -> Option<Pattern> {
        rule!(self, |p| {
            let start = p.pos;
            alt!(p, {
                let patterns = p.open_sequence_pattern()?;
                Some(Pattern { loc: p.loc_from(start), kind: PatternKind::MatchSequence { patterns } })
            });
            p.pattern()
        })
    }

    pub(crate) fn pattern(&mut self) -> Option<Pattern> {
        rule!(self, |p| {
            alt!(p, { p.as_pattern() });
            p.or_pattern()
        })
    }

    fn as_pattern(&mut self) -> Option<Pattern> {
        rule!(self, |p| {
            let start = p.pos;
            alt!(p, {
                let pattern = p.or_pattern()?;
                p.eat_kw(Kw::As)?;
                let target = p.pattern_capture_target()?;
                Some(Pattern { loc: p.loc_from(start), kind: PatternKind::MatchAs { pattern: Some(Box::new(pattern)), name: Some(target) } })
            });
            invalid_alt!(p, p.invalid_as_pattern());
            None
        })
    }

    pub(crate) fn or_pattern(&mut self) -> Option<Pattern> {
        rule!(self, |p| {
            let start = p.pos;
            let mut patterns = vec![p.closed_pattern()?];
            loop {
                let mark = p.pos;
                if p.eat(T::Vbar).is_none() {
                    break;
                }
                match p.closed_pattern() {
                    Some(c) => patterns.push(c),
                    None => {
                        p.pos = mark;
                        break;
                    }
                }
            }
            if patterns.len() == 1 {
                return patterns.pop();
            }
            Some(Pattern { loc: p.loc_from(start), kind: PatternKind::MatchOr { patterns } })
        })
    }

    fn closed_pattern(&mut self) -> Option<Pattern> {
        memo_rule!(self, MemoRule::ClosedPattern, |p| {
            alt!(p, { p.literal_pattern() });
            alt!(p, { p.capture_pattern() });
            alt!(p, { p.wildcard_pattern() });
            alt!(p, { p.value_pattern() });
            alt!(p, { p.group_pattern() });
            alt!(p, { p.sequence_pattern() });
            alt!(p, { p.mapping_pattern() });
            p.class_pattern()
        })
    }

    /// `!('+' | '-')`
    fn not_sign(&mut self) -> bool {
        !matches!(self.peek_kind(), Some(T::Plus | T::Minus))
    }

    fn literal_pattern(&mut self) -> Option<Pattern> {
        rule!(self, |p| {
            let start = p.pos;
            let value = |p: &mut Self, e: Expr| Some(Pattern { loc: p.loc_from(start), kind: PatternKind::MatchValue { value: Box::new(e) } });
            alt!(p, {
                let e = p.signed_number()?;
                if !p.not_sign() {
                    return None;
                }
                value(p, e)
            });
            alt!(p, {
                let e = p.complex_number()?;
                value(p, e)
            });
            alt!(p, {
                let e = p.strings()?;
                value(p, e)
            });
            let t = p.peek()?;
            let c = match t.kind {
                T::Keyword(Kw::None) => Constant::None,
                T::Keyword(Kw::True) => Constant::Bool(true),
                T::Keyword(Kw::False) => Constant::Bool(false),
                _ => return None,
            };
            p.pos += 1;
            Some(Pattern { loc: tok_loc(&t), kind: PatternKind::MatchSingleton { value: c } })
        })
    }

    fn literal_expr(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            alt!(p, {
                let e = p.signed_number()?;
                if !p.not_sign() {
                    return None;
                }
                Some(e)
            });
            alt!(p, { p.complex_number() });
            alt!(p, { p.strings() });
            let t = p.peek()?;
            let c = match t.kind {
                T::Keyword(Kw::None) => Constant::None,
                T::Keyword(Kw::True) => Constant::Bool(true),
                T::Keyword(Kw::False) => Constant::Bool(false),
                _ => return None,
            };
            p.pos += 1;
            Some(Expr::new(tok_loc(&t), ExprKind::Constant { value: c, kind: None }))
        })
    }

    fn complex_number(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            let start = p.pos;
            let real = p.signed_real_number()?;
            let op = match p.peek_kind()? {
                T::Plus => Operator::Add,
                T::Minus => Operator::Sub,
                _ => return None,
            };
            p.pos += 1;
            let imag = p.imaginary_number()?;
            Some(Expr::new(p.loc_from(start), ExprKind::BinOp { left: Box::new(real), op, right: Box::new(imag) }))
        })
    }

    fn signed_number(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            let start = p.pos;
            alt!(p, { p.number() });
            p.eat(T::Minus)?;
            let n = p.number()?;
            Some(Expr::new(p.loc_from(start), ExprKind::UnaryOp { op: UnaryOp::USub, operand: Box::new(n) }))
        })
    }

    fn signed_real_number(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            let start = p.pos;
            alt!(p, { p.real_number() });
            p.eat(T::Minus)?;
            let n = p.real_number()?;
            Some(Expr::new(p.loc_from(start), ExprKind::UnaryOp { op: UnaryOp::USub, operand: Box::new(n) }))
        })
    }

    fn real_number(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            let n = p.number()?;
            if matches!(n.kind, ExprKind::Constant { value: Constant::Complex { .. }, .. }) {
                p.raise_at(n.loc, "real number required in complex literal".into());
                return None;
            }
            Some(n)
        })
    }

    fn imaginary_number(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            let n = p.number()?;
            if !matches!(n.kind, ExprKind::Constant { value: Constant::Complex { .. }, .. }) {
                p.raise_at(n.loc, "imaginary number required in complex literal".into());
                return None;
            }
            Some(n)
        })
    }

    fn capture_pattern(&mut self) -> Option<Pattern> {
        rule!(self, |p| {
            let start = p.pos;
            let target = p.pattern_capture_target()?;
            Some(Pattern { loc: p.loc_from(start), kind: PatternKind::MatchAs { pattern: None, name: Some(target) } })
        })
    }

    /// `!"_" NAME !('.' | '(' | '=')`, as the identifier.
    fn pattern_capture_target(&mut self) -> Option<String> {
        rule!(self, |p| {
            if p.at_soft("_") {
                return None;
            }
            let (_, name) = p.name_ident()?;
            if matches!(p.peek_kind(), Some(T::Dot | T::Lpar | T::Equal)) {
                return None;
            }
            Some(name)
        })
    }

    fn wildcard_pattern(&mut self) -> Option<Pattern> {
        rule!(self, |p| {
            let t = p.eat_soft("_")?;
            Some(Pattern { loc: tok_loc(&t), kind: PatternKind::MatchAs { pattern: None, name: None } })
        })
    }

    fn value_pattern(&mut self) -> Option<Pattern> {
        rule!(self, |p| {
            let start = p.pos;
            let a = p.attr()?;
            if matches!(p.peek_kind(), Some(T::Dot | T::Lpar | T::Equal)) {
                return None;
            }
            Some(Pattern { loc: p.loc_from(start), kind: PatternKind::MatchValue { value: Box::new(a) } })
        })
    }

    /// `attr: name_or_attr '.' NAME` (left-recursive: at least one dot).
    fn attr(&mut self) -> Option<Expr> {
        memo_rule!(self, MemoRule::Attr, |p| {
            let start = p.pos;
            let mut a = p.name()?;
            let mut dots = 0;
            loop {
                let mark = p.pos;
                if p.eat(T::Dot).is_none() {
                    break;
                }
                match p.name_ident() {
                    Some((_, attr)) => {
                        dots += 1;
                        a = Expr::new(p.loc_from(start), ExprKind::Attribute { value: Box::new(a), attr, ctx: ExprContext::Load });
                    }
                    None => {
                        p.pos = mark;
                        break;
                    }
                }
            }
            if dots == 0 {
                return None;
            }
            Some(a)
        })
    }

    pub(crate) fn name_or_attr(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            alt!(p, { p.attr() });
            p.name()
        })
    }

    fn group_pattern(&mut self) -> Option<Pattern> {
        rule!(self, |p| {
            p.eat(T::Lpar)?;
            let pattern = p.pattern()?;
            p.eat(T::Rpar)?;
            Some(pattern)
        })
    }

    fn sequence_pattern(&mut self) -> Option<Pattern> {
        rule!(self, |p| {
            let start = p.pos;
            alt!(p, {
                p.eat(T::Lsqb)?;
                let patterns = p.maybe_sequence_pattern();
                if p.failed() {
                    return None;
                }
                p.eat(T::Rsqb)?;
                Some(Pattern { loc: p.loc_from(start), kind: PatternKind::MatchSequence { patterns: patterns.unwrap_or_default() } })
            });
            p.eat(T::Lpar)?;
            let patterns = p.open_sequence_pattern();
            if p.failed() {
                return None;
            }
            p.eat(T::Rpar)?;
            Some(Pattern { loc: p.loc_from(start), kind: PatternKind::MatchSequence { patterns: patterns.unwrap_or_default() } })
        })
    }

    fn open_sequence_pattern(&mut self) -> Option<Vec<Pattern>> {
        rule!(self, |p| {
            let first = p.maybe_star_pattern()?;
            p.eat(T::Comma)?;
            let rest = p.maybe_sequence_pattern();
            if p.failed() {
                return None;
            }
            let mut v = vec![first];
            v.extend(rest.unwrap_or_default());
            Some(v)
        })
    }

    fn maybe_sequence_pattern(&mut self) -> Option<Vec<Pattern>> {
        rule!(self, |p| {
            let v = p.gather(|p| p.maybe_star_pattern())?;
            p.eat(T::Comma);
            Some(v)
        })
    }

    fn maybe_star_pattern(&mut self) -> Option<Pattern> {
        rule!(self, |p| {
            alt!(p, { p.star_pattern() });
            p.pattern()
        })
    }

    fn star_pattern(&mut self) -> Option<Pattern> {
        memo_rule!(self, MemoRule::StarPattern, |p| {
            let start = p.pos;
            alt!(p, {
                p.eat(T::Star)?;
                let target = p.pattern_capture_target()?;
                Some(Pattern { loc: p.loc_from(start), kind: PatternKind::MatchStar { name: Some(target) } })
            });
            p.eat(T::Star)?;
            p.wildcard_pattern()?;
            Some(Pattern { loc: p.loc_from(start), kind: PatternKind::MatchStar { name: None } })
        })
    }

    fn mapping_pattern(&mut self) -> Option<Pattern> {
        rule!(self, |p| {
            let start = p.pos;
            let mapping = |p: &mut Self, items: Vec<(Expr, Pattern)>, rest: Option<String>| {
                let (keys, patterns) = items.into_iter().unzip();
                Some(Pattern { loc: p.loc_from(start), kind: PatternKind::MatchMapping { keys, patterns, rest } })
            };
            alt!(p, {
                p.eat(T::Lbrace)?;
                p.eat(T::Rbrace)?;
                mapping(p, vec![], None)
            });
            alt!(p, {
                p.eat(T::Lbrace)?;
                let rest = p.double_star_pattern()?;
                p.eat(T::Comma);
                p.eat(T::Rbrace)?;
                mapping(p, vec![], Some(rest))
            });
            alt!(p, {
                p.eat(T::Lbrace)?;
                let items = p.items_pattern()?;
                p.eat(T::Comma)?;
                let rest = p.double_star_pattern()?;
                p.eat(T::Comma);
                p.eat(T::Rbrace)?;
                mapping(p, items, Some(rest))
            });
            p.eat(T::Lbrace)?;
            let items = p.items_pattern()?;
            p.eat(T::Comma);
            p.eat(T::Rbrace)?;
            mapping(p, items, None)
        })
    }

    fn items_pattern(&mut self) -> Option<Vec<(Expr, Pattern)>> {
        rule!(self, |p| { p.gather(|p| p.key_value_pattern()) })
    }

    fn key_value_pattern(&mut self) -> Option<(Expr, Pattern)> {
        rule!(self, |p| {
            let m = p.pos;
            let key = match p.literal_expr() {
                Some(k) => k,
                None => {
                    if p.failed() {
                        return None;
                    }
                    p.pos = m;
                    p.attr()?
                }
            };
            p.eat(T::Colon)?;
            let pattern = p.pattern()?;
            Some((key, pattern))
        })
    }

    fn double_star_pattern(&mut self) -> Option<String> {
        rule!(self, |p| {
            p.eat(T::DoubleStar)?;
            p.pattern_capture_target()
        })
    }

    fn class_pattern(&mut self) -> Option<Pattern> {
        rule!(self, |p| {
            let start = p.pos;
            let class = |p: &mut Self, cls: Expr, patterns: Vec<Pattern>, kw: Vec<(String, Pattern)>| {
                let (kwd_attrs, kwd_patterns) = kw.into_iter().unzip();
                Some(Pattern { loc: p.loc_from(start), kind: PatternKind::MatchClass { cls: Box::new(cls), patterns, kwd_attrs, kwd_patterns } })
            };
            alt!(p, {
                let cls = p.name_or_attr()?;
                p.eat(T::Lpar)?;
                p.eat(T::Rpar)?;
                class(p, cls, vec![], vec![])
            });
            alt!(p, {
                let cls = p.name_or_attr()?;
                p.eat(T::Lpar)?;
                let patterns = p.positional_patterns()?;
                p.eat(T::Comma);
                p.eat(T::Rpar)?;
                class(p, cls, patterns, vec![])
            });
            alt!(p, {
                let cls = p.name_or_attr()?;
                p.eat(T::Lpar)?;
                let keywords = p.keyword_patterns()?;
                p.eat(T::Comma);
                p.eat(T::Rpar)?;
                class(p, cls, vec![], keywords)
            });
            alt!(p, {
                let cls = p.name_or_attr()?;
                p.eat(T::Lpar)?;
                let patterns = p.positional_patterns()?;
                p.eat(T::Comma)?;
                let keywords = p.keyword_patterns()?;
                p.eat(T::Comma);
                p.eat(T::Rpar)?;
                class(p, cls, patterns, keywords)
            });
            invalid_alt!(p, p.invalid_class_pattern());
            None
        })
    }

    fn positional_patterns(&mut self) -> Option<Vec<Pattern>> {
        rule!(self, |p| { p.gather(|p| p.pattern()) })
    }

    fn keyword_patterns(&mut self) -> Option<Vec<(String, Pattern)>> {
        rule!(self, |p| { p.gather(|p| p.keyword_pattern()) })
    }

    fn keyword_pattern(&mut self) -> Option<(String, Pattern)> {
        rule!(self, |p| {
            let (_, arg) = p.name_ident()?;
            p.eat(T::Equal)?;
            let value = p.pattern()?;
            Some((arg, value))
        })
    }

    // ----- the invalid_* rules of patterns -----

    fn invalid_as_pattern(&mut self) {
        if !self.enter() {
            return;
        }
        let mark = self.pos;
        let underscore = attempt!(self, {
            self.or_pattern()?;
            self.eat_kw(Kw::As)?;
            self.eat_soft("_")
        });
        if let Some(a) = underscore {
            self.raise_at_token(&a, "cannot use '_' as a target".into());
        } else if !self.failed() {
            self.pos = mark;
            let target = attempt!(self, {
                self.or_pattern()?;
                self.eat_kw(Kw::As)?;
                if self.at(T::Name) {
                    return None;
                }
                self.expression()
            });
            if let Some(a) = target {
                self.raise_at(a.loc, "invalid pattern target".into());
            }
        }
        self.leave();
    }

    fn invalid_class_pattern(&mut self) {
        if !self.enter() {
            return;
        }
        let a = attempt!(self, {
            self.name_or_attr()?;
            self.eat(T::Lpar)?;
            self.invalid_class_argument_pattern()
        });
        if let Some(a) = a {
            if let (Some(first), Some(last)) = (a.first(), a.last()) {
                self.raise_range(first.loc, last.loc, "positional patterns follow keyword patterns".into());
            }
        }
        self.leave();
    }

    fn invalid_class_argument_pattern(&mut self) -> Option<Vec<Pattern>> {
        rule!(self, |p| {
            let _ = attempt!(p, {
                p.positional_patterns()?;
                p.eat(T::Comma)
            });
            if p.failed() {
                return None;
            }
            p.keyword_patterns()?;
            p.eat(T::Comma)?;
            p.positional_patterns()
        })
    }
}
