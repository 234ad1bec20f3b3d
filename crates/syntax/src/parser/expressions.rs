//! Expression rules, `expressions` through `dictcomp` in python.gram's order.

use super::helpers::*;
use super::{alt, attempt, invalid_alt, memo2_rule, memo_deep_rule, memo_rule, rule, tok_loc, MemoRule, Parser, EAGER_MEMO_LEVEL};
use crate::ast::{BoolOp, CmpOp, Comprehension, Constant, Expr, ExprContext::Load, ExprKind, Operator, UnaryOp};
use crate::token::{Keyword as Kw, TokenKind as T};

impl<'a> Parser<'a> {
    /// Runs `f` one level deeper, as pegen's helper functions (`_loop`, `_gather`,
    /// `_tmp`, a left-recursive rule's `_raw`) count in its depth limit.
    #[inline]
    pub(crate) fn nested<X>(&mut self, f: impl FnOnce(&mut Self) -> Option<X>) -> Option<X> {
        if !self.enter() {
            return None;
        }
        let r = f(self);
        self.leave();
        r
    }

    /// `(',' item)*` (pegen's `_loop0`), appended to `items`; stops before a
    /// comma not followed by an item.
    pub(crate) fn comma_more<X>(&mut self, items: &mut Vec<X>, mut item: impl FnMut(&mut Self) -> Option<X>) {
        if !self.enter() {
            return;
        }
        loop {
            let mark = self.pos;
            if self.eat(T::Comma).is_none() {
                break;
            }
            match item(self) {
                Some(x) => items.push(x),
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        self.leave();
    }

    /// `(',' c=item { c })*`: a loop over a group, one level deeper still.
    pub(crate) fn comma_more_group<X>(&mut self, items: &mut Vec<X>, mut item: impl FnMut(&mut Self) -> Option<X>) {
        self.comma_more(items, |p| p.nested(|p| item(p)))
    }

    /// `','.item+` (pegen's `_gather`).
    pub(crate) fn gather<X>(&mut self, mut item: impl FnMut(&mut Self) -> Option<X>) -> Option<Vec<X>> {
        self.nested(|p| {
            let first = item(p)?;
            let mut v = vec![first];
            p.comma_more(&mut v, item);
            Some(v)
        })
    }

    /// `item+`
    pub(crate) fn repeat1<X>(&mut self, item: impl FnMut(&mut Self) -> Option<X>) -> Option<Vec<X>> {
        let v = self.repeat0(item);
        if v.is_empty() {
            None
        } else {
            Some(v)
        }
    }

    /// `item*`
    pub(crate) fn repeat0<X>(&mut self, mut item: impl FnMut(&mut Self) -> Option<X>) -> Vec<X> {
        let mut v = Vec::new();
        if !self.enter() {
            return v;
        }
        loop {
            let mark = self.pos;
            match item(self) {
                Some(x) => v.push(x),
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        self.leave();
        v
    }

    /// `first (',' item)+ [','] -> Tuple | first ',' -> Tuple | first`, the shape
    /// of `expressions` and `star_expressions`.
    fn tuple_or_single(&mut self, start: usize, first: Expr, item: impl FnMut(&mut Self) -> Option<Expr>) -> Option<Expr> {
        let mut elts = vec![first];
        self.comma_more_group(&mut elts, item);
        if elts.len() > 1 {
            self.eat(T::Comma);
            return Some(tuple(elts, Load, self.loc_from(start)));
        }
        if self.eat(T::Comma).is_some() {
            return Some(tuple(elts, Load, self.loc_from(start)));
        }
        elts.pop()
    }

    pub(crate) fn expressions(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            let start = p.pos;
            let a = p.expression()?;
            p.tuple_or_single(start, a, |p| p.expression())
        })
    }

    pub(crate) fn expression(&mut self) -> Option<Expr> {
        memo_rule!(self, MemoRule::Expression, |p| {
            invalid_alt!(p, p.invalid_expression());
            invalid_alt!(p, p.invalid_legacy_expression());
            let start = p.pos;
            if let Some(a) = p.disjunction() {
                let mark = p.pos;
                let ifexp = attempt!(p, {
                    p.eat_kw(Kw::If)?;
                    let b = p.disjunction()?;
                    p.eat_kw(Kw::Else)?;
                    let c = p.expression()?;
                    Some((b, c))
                });
                if let Some((b, c)) = ifexp {
                    let loc = p.loc_from(start);
                    return Some(Expr::new(loc, ExprKind::IfExp { test: Box::new(b), body: Box::new(a), orelse: Box::new(c) }));
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
            p.lambdef()
        })
    }

    /// `expression_without_invalid`: `expression`'s plain alternatives with the
    /// `invalid_*` rules switched off inside.
    pub(crate) fn expression_without_invalid(&mut self) -> Option<Expr> {
        let saved = self.invalid;
        self.invalid = false;
        let r = rule!(self, |p| {
            let start = p.pos;
            if let Some(a) = p.disjunction() {
                let mark = p.pos;
                let ifexp = attempt!(p, {
                    p.eat_kw(Kw::If)?;
                    let b = p.disjunction()?;
                    p.eat_kw(Kw::Else)?;
                    let c = p.expression()?;
                    Some((b, c))
                });
                if let Some((b, c)) = ifexp {
                    let loc = p.loc_from(start);
                    return Some(Expr::new(loc, ExprKind::IfExp { test: Box::new(b), body: Box::new(a), orelse: Box::new(c) }));
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
            p.lambdef()
        });
        self.invalid = saved;
        r
    }

    pub(crate) fn yield_expr(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            let start = p.pos;
            p.eat_kw(Kw::Yield)?;
            let after = p.pos;
            let from = attempt!(p, {
                p.eat_kw(Kw::From)?;
                p.expression()
            });
            if let Some(a) = from {
                return Some(Expr::new(p.loc_from(start), ExprKind::YieldFrom { value: Box::new(a) }));
            }
            if p.failed() {
                return None;
            }
            p.pos = after;
            let a = p.star_expressions();
            if p.failed() {
                return None;
            }
            Some(Expr::new(p.loc_from(start), ExprKind::Yield { value: a.map(Box::new) }))
        })
    }

    pub(crate) fn star_expressions(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            let start = p.pos;
            let a = p.star_expression()?;
            p.tuple_or_single(start, a, |p| p.star_expression())
        })
    }

    pub(crate) fn star_expression(&mut self) -> Option<Expr> {
        memo_rule!(self, MemoRule::StarExpression, |p| {
            let start = p.pos;
            alt!(p, {
                p.eat(T::Star)?;
                let a = p.bitwise_or()?;
                Some(starred(a, Load, p.loc_from(start)))
            });
            p.expression()
        })
    }

    pub(crate) fn star_named_expressions(&mut self) -> Option<Vec<Expr>> {
        rule!(self, |p| {
            let v = p.gather(|p| p.star_named_expression())?;
            p.eat(T::Comma);
            Some(v)
        })
    }

    pub(crate) fn star_named_expression(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            let start = p.pos;
            alt!(p, {
                p.eat(T::Star)?;
                let a = p.bitwise_or()?;
                Some(starred(a, Load, p.loc_from(start)))
            });
            p.named_expression()
        })
    }

    pub(crate) fn assignment_expression(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            let start = p.pos;
            let a = p.name()?;
            p.eat(T::ColonEqual)?;
            // `~`: past ':=' there is no other alternative to try.
            let b = p.expression()?;
            let target = set_expr_context(a, crate::ast::ExprContext::Store);
            Some(Expr::new(p.loc_from(start), ExprKind::NamedExpr { target: Box::new(target), value: Box::new(b) }))
        })
    }

    pub(crate) fn named_expression(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            alt!(p, { p.assignment_expression() });
            invalid_alt!(p, p.invalid_named_expression());
            let e = p.expression()?;
            if p.at(T::ColonEqual) {
                return None;
            }
            Some(e)
        })
    }

    pub(crate) fn disjunction(&mut self) -> Option<Expr> {
        memo2_rule!(self, MemoRule::Disjunction, |p| {
            let start = p.pos;
            let a = p.conjunction()?;
            let mut values = vec![a];
            let more = p.repeat0(|p| {
                p.nested(|p| {
                    p.eat_kw(Kw::Or)?;
                    p.conjunction()
                })
            });
            values.extend(more);
            if values.len() == 1 {
                return values.pop();
            }
            Some(Expr::new(p.loc_from(start), ExprKind::BoolOp { op: BoolOp::Or, values }))
        })
    }

    pub(crate) fn conjunction(&mut self) -> Option<Expr> {
        memo_deep_rule!(self, MemoRule::Conjunction, |p| {
            let start = p.pos;
            let a = p.inversion()?;
            let mut values = vec![a];
            let more = p.repeat0(|p| {
                p.nested(|p| {
                    p.eat_kw(Kw::And)?;
                    p.inversion()
                })
            });
            values.extend(more);
            if values.len() == 1 {
                return values.pop();
            }
            Some(Expr::new(p.loc_from(start), ExprKind::BoolOp { op: BoolOp::And, values }))
        })
    }

    pub(crate) fn inversion(&mut self) -> Option<Expr> {
        memo_deep_rule!(self, MemoRule::Inversion, |p| {
            let start = p.pos;
            alt!(p, {
                p.eat_kw(Kw::Not)?;
                let a = p.inversion()?;
                Some(Expr::new(p.loc_from(start), ExprKind::UnaryOp { op: UnaryOp::Not, operand: Box::new(a) }))
            });
            p.comparison()
        })
    }

    pub(crate) fn comparison(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            let start = p.pos;
            let a = p.bitwise_or()?;
            let pairs = p.repeat0(|p| p.compare_op_bitwise_or_pair());
            if pairs.is_empty() {
                return Some(a);
            }
            let (ops, comparators): (Vec<CmpOp>, Vec<Expr>) = pairs.into_iter().unzip();
            Some(Expr::new(p.loc_from(start), ExprKind::Compare { left: Box::new(a), ops, comparators }))
        })
    }

    fn compare_op_bitwise_or_pair(&mut self) -> Option<(CmpOp, Expr)> {
        rule!(self, |p| {
            let t = p.peek()?;
            let op = match t.kind {
                T::EqEqual => CmpOp::Eq,
                // `<>` is NOTEQUAL too, but only `!=` is accepted (barry_as_FLUFL off).
                T::NotEqual if p.text(&t) == "!=" => CmpOp::NotEq,
                T::LessEqual => CmpOp::LtE,
                T::Less => CmpOp::Lt,
                T::GreaterEqual => CmpOp::GtE,
                T::Greater => CmpOp::Gt,
                T::Keyword(Kw::Not) => {
                    return p.nested(|p| {
                        p.pos += 1;
                        p.eat_kw(Kw::In)?;
                        let a = p.bitwise_or()?;
                        Some((CmpOp::NotIn, a))
                    });
                }
                T::Keyword(Kw::In) => CmpOp::In,
                T::Keyword(Kw::Is) => {
                    p.pos += 1;
                    let after_is = p.pos;
                    let isnot = p.nested(|p| {
                        attempt!(p, {
                            p.eat_kw(Kw::Not)?;
                            p.bitwise_or()
                        })
                    });
                    if let Some(a) = isnot {
                        return Some((CmpOp::IsNot, a));
                    }
                    if p.failed() {
                        return None;
                    }
                    p.pos = after_is;
                    let a = p.nested(|p| p.bitwise_or())?;
                    return Some((CmpOp::Is, a));
                }
                _ => return None,
            };
            p.pos += 1;
            let a = p.nested(|p| p.bitwise_or())?;
            Some((op, a))
        })
    }

    /// A left-recursive binary-operator rule, as the loop that grows pegen's seed.
    fn binary_loop(&mut self, operand: fn(&mut Self) -> Option<Expr>, op_of: fn(T) -> Option<Operator>) -> Option<Expr> {
        let start = self.pos;
        let mut a = self.nested(operand)?;
        loop {
            let mark = self.pos;
            let Some(t) = self.peek() else { break };
            let Some(op) = op_of(t.kind) else { break };
            self.pos += 1;
            match self.nested(operand) {
                Some(b) => {
                    a = Expr::new(self.loc_from(start), ExprKind::BinOp { left: Box::new(a), op, right: Box::new(b) });
                }
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        if self.failed() {
            return None;
        }
        Some(a)
    }

    pub(crate) fn bitwise_or(&mut self) -> Option<Expr> {
        memo2_rule!(self, MemoRule::BitwiseOr, |p| {
            p.binary_loop(Self::bitwise_xor, |k| if k == T::Vbar { Some(Operator::BitOr) } else { None })
        })
    }

    fn bitwise_xor(&mut self) -> Option<Expr> {
        memo_deep_rule!(self, MemoRule::BitwiseXor, |p| {
            p.binary_loop(Self::bitwise_and, |k| if k == T::Circumflex { Some(Operator::BitXor) } else { None })
        })
    }

    fn bitwise_and(&mut self) -> Option<Expr> {
        memo_deep_rule!(self, MemoRule::BitwiseAnd, |p| {
            p.binary_loop(Self::shift_expr, |k| if k == T::Amper { Some(Operator::BitAnd) } else { None })
        })
    }

    fn shift_expr(&mut self) -> Option<Expr> {
        memo_deep_rule!(self, MemoRule::ShiftExpr, |p| {
            p.binary_loop(Self::sum, |k| match k {
                T::LeftShift => Some(Operator::LShift),
                T::RightShift => Some(Operator::RShift),
                _ => None,
            })
        })
    }

    fn sum(&mut self) -> Option<Expr> {
        memo_deep_rule!(self, MemoRule::Sum, |p| {
            p.binary_loop(Self::term, |k| match k {
                T::Plus => Some(Operator::Add),
                T::Minus => Some(Operator::Sub),
                _ => None,
            })
        })
    }

    fn term(&mut self) -> Option<Expr> {
        memo_deep_rule!(self, MemoRule::Term, |p| {
            p.binary_loop(Self::factor, |k| match k {
                T::Star => Some(Operator::Mult),
                T::Slash => Some(Operator::Div),
                T::DoubleSlash => Some(Operator::FloorDiv),
                T::Percent => Some(Operator::Mod),
                T::At => Some(Operator::MatMult),
                _ => None,
            })
        })
    }

    fn factor(&mut self) -> Option<Expr> {
        memo_deep_rule!(self, MemoRule::Factor, |p| {
            let start = p.pos;
            let op = match p.peek_kind()? {
                T::Plus => Some(UnaryOp::UAdd),
                T::Minus => Some(UnaryOp::USub),
                T::Tilde => Some(UnaryOp::Invert),
                _ => None,
            };
            if let Some(op) = op {
                alt!(p, {
                    p.pos += 1;
                    let a = p.factor()?;
                    Some(Expr::new(p.loc_from(start), ExprKind::UnaryOp { op, operand: Box::new(a) }))
                });
            }
            p.power()
        })
    }

    fn power(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            let start = p.pos;
            let a = p.await_primary()?;
            let mark = p.pos;
            let rhs = attempt!(p, {
                p.eat(T::DoubleStar)?;
                p.factor()
            });
            if let Some(b) = rhs {
                return Some(Expr::new(p.loc_from(start), ExprKind::BinOp { left: Box::new(a), op: Operator::Pow, right: Box::new(b) }));
            }
            if p.failed() {
                return None;
            }
            p.pos = mark;
            Some(a)
        })
    }

    fn await_primary(&mut self) -> Option<Expr> {
        memo_deep_rule!(self, MemoRule::AwaitPrimary, |p| {
            let start = p.pos;
            alt!(p, {
                p.eat_kw(Kw::Await)?;
                let a = p.primary()?;
                Some(Expr::new(p.loc_from(start), ExprKind::Await { value: Box::new(a) }))
            });
            p.primary()
        })
    }

    pub(crate) fn primary(&mut self) -> Option<Expr> {
        memo_deep_rule!(self, MemoRule::Primary, |p| {
            let start = p.pos;
            let mut a = p.nested(|p| p.atom())?;
            loop {
                let mark = p.pos;
                if !p.enter() {
                    return None;
                }
                let grown = p.primary_suffix(start, a);
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
            if p.failed() {
                return None;
            }
            Some(a)
        })
    }

    /// One growth step of `primary`: `.NAME`, a generator argument, a call or a
    /// subscript after `a`. Gives `a` back unchanged when none applies.
    fn primary_suffix(&mut self, start: usize, a: Expr) -> Result<Expr, Expr> {
        let mark = self.pos;
        let Some(t) = self.peek() else { return Err(a) };
        match t.kind {
            T::Dot => {
                self.pos += 1;
                if let Some((_, attr)) = self.name_ident() {
                    return Ok(Expr::new(self.loc_from(start), ExprKind::Attribute { value: Box::new(a), attr, ctx: Load }));
                }
                self.pos = mark;
                Err(a)
            }
            T::Lpar => {
                if let Some(g) = self.genexp() {
                    return Ok(Expr::new(self.loc_from(start), ExprKind::Call { func: Box::new(a), args: vec![g], keywords: vec![] }));
                }
                self.pos = mark;
                if self.failed() {
                    return Err(a);
                }
                let call = attempt!(self, {
                    self.eat(T::Lpar)?;
                    let args = self.arguments();
                    if self.failed() {
                        return None;
                    }
                    self.eat(T::Rpar)?;
                    Some(args)
                });
                match call {
                    Some(args) => {
                        let (args, keywords) = match args {
                            Some(c) => (c.args, c.keywords),
                            None => (vec![], vec![]),
                        };
                        Ok(Expr::new(self.loc_from(start), ExprKind::Call { func: Box::new(a), args, keywords }))
                    }
                    None => Err(a),
                }
            }
            T::Lsqb => {
                let sub = attempt!(self, {
                    self.eat(T::Lsqb)?;
                    let s = self.slices()?;
                    self.eat(T::Rsqb)?;
                    Some(s)
                });
                match sub {
                    Some(s) => Ok(Expr::new(self.loc_from(start), ExprKind::Subscript { value: Box::new(a), slice: Box::new(s), ctx: Load })),
                    None => Err(a),
                }
            }
            _ => Err(a),
        }
    }

    pub(crate) fn slices(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            let start = p.pos;
            let first = match p.slice() {
                Some(s) => {
                    if !p.at(T::Comma) {
                        return Some(s);
                    }
                    s
                }
                None => {
                    if p.failed() {
                        return None;
                    }
                    p.pos = start;
                    // `','.(slice | starred_expression)+`: a gather over a group.
                    p.nested(|p| p.nested(|p| p.starred_expression()))?
                }
            };
            let mut elts = vec![first];
            p.comma_more_group(&mut elts, |p| {
                let m = p.pos;
                if let Some(s) = p.slice() {
                    return Some(s);
                }
                if p.failed() {
                    return None;
                }
                p.pos = m;
                p.starred_expression()
            });
            p.eat(T::Comma);
            Some(tuple(elts, Load, p.loc_from(start)))
        })
    }

    fn slice(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            let start = p.pos;
            alt!(p, {
                let lower = p.expression();
                if p.failed() {
                    return None;
                }
                p.eat(T::Colon)?;
                let upper = p.expression();
                if p.failed() {
                    return None;
                }
                let step = attempt!(p, {
                    p.eat(T::Colon)?;
                    let d = p.expression();
                    if p.failed() {
                        return None;
                    }
                    Some(d)
                });
                if p.failed() {
                    return None;
                }
                Some(Expr::new(
                    p.loc_from(start),
                    ExprKind::Slice { lower: lower.map(Box::new), upper: upper.map(Box::new), step: step.flatten().map(Box::new) },
                ))
            });
            p.named_expression()
        })
    }

    pub(crate) fn atom(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            let t = p.peek()?;
            let constant = |c: Constant| Some(Expr::new(tok_loc(&t), ExprKind::Constant { value: c, kind: None }));
            match t.kind {
                T::Name => p.name(),
                T::Keyword(Kw::True) => {
                    p.pos += 1;
                    constant(Constant::Bool(true))
                }
                T::Keyword(Kw::False) => {
                    p.pos += 1;
                    constant(Constant::Bool(false))
                }
                T::Keyword(Kw::None) => {
                    p.pos += 1;
                    constant(Constant::None)
                }
                T::String => p.strings(),
                T::Number => p.number(),
                // `&'(' (tuple | group | genexp)` and the like: groups.
                T::Lpar => p.nested(|p| {
                    alt!(p, { p.tuple() });
                    alt!(p, { p.group() });
                    p.genexp()
                }),
                T::Lsqb => p.nested(|p| {
                    alt!(p, { p.list() });
                    p.listcomp()
                }),
                T::Lbrace => p.nested(|p| {
                    alt!(p, { p.dict() });
                    alt!(p, { p.set() });
                    alt!(p, { p.dictcomp() });
                    p.setcomp()
                }),
                T::Ellipsis => {
                    p.pos += 1;
                    constant(Constant::Ellipsis)
                }
                _ => None,
            }
        })
    }

    /// A NUMBER token's constant (`_PyPegen_number_token`).
    pub(crate) fn number(&mut self) -> Option<Expr> {
        let t = self.eat(T::Number)?;
        let text = self.text(&t);
        match crate::strings::parse_number(text) {
            Ok(value) => Some(Expr::new(tok_loc(&t), ExprKind::Constant { value, kind: None })),
            Err(msg) => {
                self.raise_known(
                    crate::error::SyntaxErrorKind::SyntaxError,
                    t.lineno,
                    -1,
                    t.end_lineno,
                    -1,
                    format!("{} - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.", msg),
                );
                None
            }
        }
    }

    fn group(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            alt!(p, {
                p.eat(T::Lpar)?;
                let a = p.nested(|p| {
                    let m = p.pos;
                    if let Some(y) = p.yield_expr() {
                        return Some(y);
                    }
                    if p.failed() {
                        return None;
                    }
                    p.pos = m;
                    p.named_expression()
                })?;
                p.eat(T::Rpar)?;
                Some(a)
            });
            invalid_alt!(p, p.invalid_group());
            None
        })
    }

    pub(crate) fn lambdef(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            let start = p.pos;
            p.eat_kw(Kw::Lambda)?;
            let a = p.lambda_params();
            if p.failed() {
                return None;
            }
            p.eat(T::Colon)?;
            let b = p.expression()?;
            Some(Expr::new(p.loc_from(start), ExprKind::Lambda { args: Box::new(a.unwrap_or_default()), body: Box::new(b) }))
        })
    }

    pub(crate) fn strings(&mut self) -> Option<Expr> {
        // Memoized at once (not on the second request): decoding twice would warn twice.
        if let super::MemoLookup::Hit(r) = self.memo_get(MemoRule::Strings) {
            return r;
        }
        let start = self.pos;
        let r = rule!(self, |p| {
            let start = p.pos;
            while p.at(T::String) {
                p.pos += 1;
            }
            // A tokenizer error after the last STRING comes before the strings' own errors.
            if p.pos == start || p.failed() {
                return None;
            }
            p.concatenate_strings(start, p.pos)
        });
        self.memo_store(MemoRule::Strings, start, &r);
        r
    }

    pub(crate) fn list(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            let start = p.pos;
            p.eat(T::Lsqb)?;
            let a = p.star_named_expressions();
            if p.failed() {
                return None;
            }
            p.eat(T::Rsqb)?;
            Some(Expr::new(p.loc_from(start), ExprKind::List { elts: a.unwrap_or_default(), ctx: Load }))
        })
    }

    pub(crate) fn tuple(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            let start = p.pos;
            p.eat(T::Lpar)?;
            let elts = p.nested(|p| {
                attempt!(p, {
                    let y = p.star_named_expression()?;
                    p.eat(T::Comma)?;
                    let z = p.star_named_expressions();
                    if p.failed() {
                        return None;
                    }
                    let mut v = vec![y];
                    v.extend(z.unwrap_or_default());
                    Some(v)
                })
            });
            if p.failed() {
                return None;
            }
            p.eat(T::Rpar)?;
            Some(tuple(elts.unwrap_or_default(), Load, p.loc_from(start)))
        })
    }

    fn set(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            let start = p.pos;
            p.eat(T::Lbrace)?;
            let elts = p.star_named_expressions()?;
            p.eat(T::Rbrace)?;
            Some(Expr::new(p.loc_from(start), ExprKind::Set { elts }))
        })
    }

    fn dict(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            let start = p.pos;
            alt!(p, {
                p.eat(T::Lbrace)?;
                let a = p.double_starred_kvpairs();
                if p.failed() {
                    return None;
                }
                p.eat(T::Rbrace)?;
                let (keys, values) = a.unwrap_or_default().into_iter().unzip();
                Some(Expr::new(p.loc_from(start), ExprKind::Dict { keys, values }))
            });
            // pegen guards only alternatives made of a lone invalid_ rule: this
            // one runs in the first pass too.
            alt!(p, {
                p.eat(T::Lbrace)?;
                p.invalid_double_starred_kvpairs();
                None::<Expr>
            });
            None
        })
    }

    pub(crate) fn double_starred_kvpairs(&mut self) -> Option<Vec<(Option<Expr>, Expr)>> {
        rule!(self, |p| {
            let v = p.gather(|p| p.double_starred_kvpair())?;
            p.eat(T::Comma);
            Some(v)
        })
    }

    pub(crate) fn double_starred_kvpair(&mut self) -> Option<(Option<Expr>, Expr)> {
        rule!(self, |p| {
            alt!(p, {
                p.eat(T::DoubleStar)?;
                let a = p.bitwise_or()?;
                Some((None, a))
            });
            let (k, v) = p.kvpair()?;
            Some((Some(k), v))
        })
    }

    pub(crate) fn kvpair(&mut self) -> Option<(Expr, Expr)> {
        rule!(self, |p| {
            let a = p.expression()?;
            p.eat(T::Colon)?;
            let b = p.expression()?;
            Some((a, b))
        })
    }

    pub(crate) fn for_if_clauses(&mut self) -> Option<Vec<Comprehension>> {
        rule!(self, |p| { p.repeat1(|p| p.for_if_clause()) })
    }

    fn for_if_clause(&mut self) -> Option<Comprehension> {
        rule!(self, |p| {
            let is_async = p.at_kw(Kw::Async);
            let mark = p.pos;
            let mut cut = false;
            let r = attempt!(p, {
                if is_async {
                    p.pos += 1;
                }
                p.eat_kw(Kw::For)?;
                let target = p.star_targets()?;
                p.eat_kw(Kw::In)?;
                cut = true;
                let iter = p.disjunction()?;
                let ifs = p.repeat0(|p| {
                    p.nested(|p| {
                        p.eat_kw(Kw::If)?;
                        p.disjunction()
                    })
                });
                Some(Comprehension { target, iter, ifs, is_async })
            });
            if r.is_some() || cut || p.failed() {
                return r;
            }
            p.pos = mark;
            invalid_alt!(p, p.invalid_for_target());
            None
        })
    }

    fn listcomp(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            let start = p.pos;
            alt!(p, {
                p.eat(T::Lsqb)?;
                let a = p.named_expression()?;
                let b = p.for_if_clauses()?;
                p.eat(T::Rsqb)?;
                Some(Expr::new(p.loc_from(start), ExprKind::ListComp { elt: Box::new(a), generators: b }))
            });
            invalid_alt!(p, p.invalid_comprehension());
            None
        })
    }

    fn setcomp(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            let start = p.pos;
            alt!(p, {
                p.eat(T::Lbrace)?;
                let a = p.named_expression()?;
                let b = p.for_if_clauses()?;
                p.eat(T::Rbrace)?;
                Some(Expr::new(p.loc_from(start), ExprKind::SetComp { elt: Box::new(a), generators: b }))
            });
            invalid_alt!(p, p.invalid_comprehension());
            None
        })
    }

    pub(crate) fn genexp(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            let start = p.pos;
            alt!(p, {
                p.eat(T::Lpar)?;
                let a = p.assignment_expression_or_expression()?;
                let b = p.for_if_clauses()?;
                p.eat(T::Rpar)?;
                Some(Expr::new(p.loc_from(start), ExprKind::GeneratorExp { elt: Box::new(a), generators: b }))
            });
            invalid_alt!(p, p.invalid_comprehension());
            None
        })
    }

    /// `(assignment_expression | expression !':=')`
    pub(crate) fn assignment_expression_or_expression(&mut self) -> Option<Expr> {
        self.nested(|p| p.assignment_expression_or_expression_inner())
    }

    fn assignment_expression_or_expression_inner(&mut self) -> Option<Expr> {
        let m = self.pos;
        if let Some(a) = self.assignment_expression() {
            return Some(a);
        }
        if self.failed() {
            return None;
        }
        self.pos = m;
        let e = self.expression()?;
        if self.at(T::ColonEqual) {
            return None;
        }
        Some(e)
    }

    fn dictcomp(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            let start = p.pos;
            alt!(p, {
                p.eat(T::Lbrace)?;
                let (k, v) = p.kvpair()?;
                let b = p.for_if_clauses()?;
                p.eat(T::Rbrace)?;
                Some(Expr::new(p.loc_from(start), ExprKind::DictComp { key: Box::new(k), value: Box::new(v), generators: b }))
            });
            invalid_alt!(p, p.invalid_dict_comprehension());
            None
        })
    }

    pub(crate) fn starred_expression(&mut self) -> Option<Expr> {
        rule!(self, |p| {
            let start = p.pos;
            p.eat(T::Star)?;
            let a = p.expression()?;
            Some(starred(a, Load, p.loc_from(start)))
        })
    }
}
