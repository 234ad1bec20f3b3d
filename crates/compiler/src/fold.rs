//! The AST optimizer of CPython 3.11 (`Python/ast_opt.c`), run on a copy of
//! the tree before scope analysis: folds operations on constants, turns
//! constant tuples into constants, lists/sets after `in` and in `for` into
//! tuples/frozensets, `not (a is b)` into `a is not b`, `"%s" % (x,)` into an
//! f-string, and `__debug__` into a constant.
//!
//! A folded frozenset is stored as `Constant::Tuple` with `kind` set to
//! [`FROZENSET_KIND`], since the AST's `Constant` has no frozenset variant.

use crate::constops;
use crate::symtable::{recursion_error, MAX_COMPILE_DEPTH};
use pyrite_syntax::ast::*;
use pyrite_syntax::pystr::PyStr;
use pyrite_syntax::SyntaxError;

pub const FROZENSET_KIND: &str = "frozenset";

/// Location of nodes the optimizer makes up (CPython's -1 positions).
pub const NO_LOC: Loc = Loc { lineno: u32::MAX, col_offset: u32::MAX, end_lineno: u32::MAX, end_col_offset: u32::MAX };

type R = Result<(), SyntaxError>;

struct Folder {
    optimize: u8,
    future_annotations: bool,
    depth: u32,
}

pub fn fold_module(m: &mut Mod, optimize: u8, future_annotations: bool) -> R {
    let mut f = Folder { optimize, future_annotations, depth: 0 };
    match m {
        Mod::Module { body, .. } => f.body(body),
        Mod::Interactive { body } => f.stmts(body),
        Mod::Expression { body } => f.expr(body),
        Mod::FunctionType { .. } => Ok(()),
    }
}

pub fn is_docstring(stmts: &[Stmt]) -> bool {
    docstring(stmts).is_some()
}

/// The docstring of a body (`_PyAST_GetDocString`).
pub fn docstring(stmts: &[Stmt]) -> Option<&PyStr> {
    match stmts.first() {
        Some(Stmt { kind: StmtKind::Expr { value }, .. }) => match &value.kind {
            ExprKind::Constant { value: Constant::Str(s), .. } => Some(s),
            _ => None,
        },
        _ => None,
    }
}

fn make_const(node: &mut Expr, value: Constant) {
    node.kind = ExprKind::Constant { value, kind: None };
}

fn const_of(e: &Expr) -> Option<&Constant> {
    match &e.kind {
        ExprKind::Constant { value, kind } if kind.as_deref() != Some(FROZENSET_KIND) => Some(value),
        _ => None,
    }
}

fn has_starred(elts: &[Expr]) -> bool {
    elts.iter().any(|e| matches!(e.kind, ExprKind::Starred { .. }))
}

/// The constant tuple of `elts` when all are constants (frozensets excluded:
/// the AST cannot hold one inside a tuple).
fn make_const_tuple(elts: &[Expr]) -> Option<Vec<Constant>> {
    elts.iter().map(|e| const_of(e).cloned()).collect()
}

impl Folder {
    fn enter(&mut self) -> R {
        self.depth += 1;
        if self.depth > MAX_COMPILE_DEPTH {
            return Err(recursion_error());
        }
        Ok(())
    }

    fn body(&mut self, stmts: &mut [Stmt]) -> R {
        let had_doc = is_docstring(stmts);
        self.stmts(stmts)?;
        if !had_doc && is_docstring(stmts) {
            // A folded constant string must not become a docstring.
            if let Some(Stmt { kind: StmtKind::Expr { value }, loc }) = stmts.first_mut() {
                let inner = std::mem::replace(&mut **value, Expr::new(*loc, ExprKind::JoinedStr { values: vec![] }));
                **value = Expr::new(*loc, ExprKind::JoinedStr { values: vec![inner] });
            }
        }
        Ok(())
    }

    fn stmts(&mut self, stmts: &mut [Stmt]) -> R {
        for s in stmts {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn exprs(&mut self, exprs: &mut [Expr]) -> R {
        for e in exprs {
            self.expr(e)?;
        }
        Ok(())
    }

    fn opt(&mut self, e: &mut Option<Box<Expr>>) -> R {
        if let Some(e) = e {
            self.expr(e)?;
        }
        Ok(())
    }

    fn arguments(&mut self, a: &mut Arguments) -> R {
        if !self.future_annotations {
            for arg in a.posonlyargs.iter_mut().chain(a.args.iter_mut()) {
                self.opt(&mut arg.annotation)?;
            }
            if let Some(v) = &mut a.vararg {
                self.opt(&mut v.annotation)?;
            }
            for arg in a.kwonlyargs.iter_mut() {
                self.opt(&mut arg.annotation)?;
            }
        }
        for d in a.kw_defaults.iter_mut().flatten() {
            self.expr(d)?;
        }
        if !self.future_annotations {
            if let Some(k) = &mut a.kwarg {
                self.opt(&mut k.annotation)?;
            }
        }
        self.exprs(&mut a.defaults)
    }

    fn stmt(&mut self, s: &mut Stmt) -> R {
        self.enter()?;
        match &mut s.kind {
            StmtKind::FunctionDef(f) | StmtKind::AsyncFunctionDef(f) => {
                self.arguments(&mut f.args)?;
                self.body(&mut f.body)?;
                self.exprs(&mut f.decorator_list)?;
                if !self.future_annotations {
                    self.opt(&mut f.returns)?;
                }
            }
            StmtKind::ClassDef(c) => {
                self.exprs(&mut c.bases)?;
                for k in &mut c.keywords {
                    self.expr(&mut k.value)?;
                }
                self.body(&mut c.body)?;
                self.exprs(&mut c.decorator_list)?;
            }
            StmtKind::Return { value } => self.opt(value)?,
            StmtKind::Delete { targets } => self.exprs(targets)?,
            StmtKind::Assign { targets, value, .. } => {
                self.exprs(targets)?;
                self.expr(value)?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target)?;
                self.expr(value)?;
            }
            StmtKind::AnnAssign { target, annotation, value, .. } => {
                self.expr(target)?;
                if !self.future_annotations {
                    self.expr(annotation)?;
                }
                self.opt(value)?;
            }
            StmtKind::For(f) => {
                self.expr(&mut f.target)?;
                self.expr(&mut f.iter)?;
                self.stmts(&mut f.body)?;
                self.stmts(&mut f.orelse)?;
                fold_iter(&mut f.iter);
            }
            StmtKind::AsyncFor(f) => {
                self.expr(&mut f.target)?;
                self.expr(&mut f.iter)?;
                self.stmts(&mut f.body)?;
                self.stmts(&mut f.orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::With(w) | StmtKind::AsyncWith(w) => {
                for item in &mut w.items {
                    self.expr(&mut item.context_expr)?;
                    self.opt(&mut item.optional_vars)?;
                }
                self.stmts(&mut w.body)?;
            }
            StmtKind::Raise { exc, cause } => {
                self.opt(exc)?;
                self.opt(cause)?;
            }
            StmtKind::Try(t) | StmtKind::TryStar(t) => {
                self.stmts(&mut t.body)?;
                for h in &mut t.handlers {
                    self.opt(&mut h.type_)?;
                    self.stmts(&mut h.body)?;
                }
                self.stmts(&mut t.orelse)?;
                self.stmts(&mut t.finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                self.opt(msg)?;
            }
            StmtKind::Expr { value } => self.expr(value)?,
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                for m in cases {
                    self.pattern(&mut m.pattern)?;
                    self.opt(&mut m.guard)?;
                    self.stmts(&mut m.body)?;
                }
            }
            StmtKind::Import { .. }
            | StmtKind::ImportFrom { .. }
            | StmtKind::Global { .. }
            | StmtKind::Nonlocal { .. }
            | StmtKind::Pass
            | StmtKind::Break
            | StmtKind::Continue => {}
        }
        self.depth -= 1;
        Ok(())
    }

    fn pattern(&mut self, p: &mut Pattern) -> R {
        self.enter()?;
        match &mut p.kind {
            PatternKind::MatchValue { value } => self.expr(value)?,
            PatternKind::MatchSingleton { .. } | PatternKind::MatchStar { .. } => {}
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                for q in patterns {
                    self.pattern(q)?;
                }
            }
            PatternKind::MatchMapping { keys, patterns, .. } => {
                self.exprs(keys)?;
                for q in patterns {
                    self.pattern(q)?;
                }
            }
            PatternKind::MatchClass { cls, patterns, kwd_patterns, .. } => {
                self.expr(cls)?;
                for q in patterns.iter_mut().chain(kwd_patterns.iter_mut()) {
                    self.pattern(q)?;
                }
            }
            PatternKind::MatchAs { pattern, .. } => {
                if let Some(q) = pattern {
                    self.pattern(q)?;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    fn comprehensions(&mut self, gens: &mut [Comprehension]) -> R {
        for g in gens {
            self.expr(&mut g.target)?;
            self.expr(&mut g.iter)?;
            self.exprs(&mut g.ifs)?;
            fold_iter(&mut g.iter);
        }
        Ok(())
    }

    fn expr(&mut self, e: &mut Expr) -> R {
        self.enter()?;
        match &mut e.kind {
            ExprKind::BoolOp { values, .. } => self.exprs(values)?,
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
                fold_binop(e);
            }
            ExprKind::UnaryOp { operand, .. } => {
                self.expr(operand)?;
                fold_unaryop(e);
            }
            ExprKind::Lambda { args, body } => {
                self.arguments(args)?;
                self.expr(body)?;
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter_mut().flatten() {
                    self.expr(k)?;
                }
                self.exprs(values)?;
            }
            ExprKind::Set { elts } => self.exprs(elts)?,
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.expr(elt)?;
                self.comprehensions(generators)?;
            }
            ExprKind::DictComp { key, value, generators } => {
                self.expr(key)?;
                self.expr(value)?;
                self.comprehensions(generators)?;
            }
            ExprKind::Await { value } | ExprKind::YieldFrom { value } => self.expr(value)?,
            ExprKind::Yield { value } => self.opt(value)?,
            ExprKind::Compare { left, comparators, ops } => {
                self.expr(left)?;
                self.exprs(comparators)?;
                if matches!(ops.last(), Some(CmpOp::In | CmpOp::NotIn)) {
                    if let Some(last) = comparators.last_mut() {
                        fold_iter(last);
                    }
                }
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func)?;
                self.exprs(args)?;
                for k in keywords {
                    self.expr(&mut k.value)?;
                }
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.expr(value)?;
                self.opt(format_spec)?;
            }
            ExprKind::JoinedStr { values } => self.exprs(values)?,
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, slice, ctx } => {
                self.expr(value)?;
                self.expr(slice)?;
                if *ctx == ExprContext::Load {
                    if let (Some(v), Some(i)) = (const_of(value), const_of(slice)) {
                        if let Some(r) = constops::subscript(v, i) {
                            make_const(e, r);
                        }
                    }
                }
            }
            ExprKind::Starred { value, .. } => self.expr(value)?,
            ExprKind::Slice { lower, upper, step } => {
                self.opt(lower)?;
                self.opt(upper)?;
                self.opt(step)?;
            }
            ExprKind::List { elts, .. } => self.exprs(elts)?,
            ExprKind::Tuple { elts, ctx } => {
                self.exprs(elts)?;
                if *ctx == ExprContext::Load {
                    if let Some(t) = make_const_tuple(elts) {
                        make_const(e, Constant::Tuple(t));
                    }
                }
            }
            ExprKind::Name { id, ctx } => {
                if *ctx == ExprContext::Load && id == "__debug__" {
                    make_const(e, Constant::Bool(self.optimize == 0));
                }
            }
            ExprKind::NamedExpr { value, .. } => self.expr(value)?,
            ExprKind::Constant { .. } => {}
        }
        self.depth -= 1;
        Ok(())
    }
}

fn fold_unaryop(e: &mut Expr) {
    let ExprKind::UnaryOp { op, operand } = &mut e.kind else { return };
    if let Some(c) = const_of(operand) {
        if let Some(r) = constops::unaryop(*op, c) {
            make_const(e, r);
        }
        return;
    }
    if *op != UnaryOp::Not {
        return;
    }
    if let ExprKind::Compare { ops, .. } = &mut operand.kind {
        if ops.len() == 1 {
            let inverted = match ops[0] {
                CmpOp::Is => CmpOp::IsNot,
                CmpOp::IsNot => CmpOp::Is,
                CmpOp::In => CmpOp::NotIn,
                CmpOp::NotIn => CmpOp::In,
                _ => return,
            };
            ops[0] = inverted;
            // The node becomes the comparison, location included.
            let inner = std::mem::replace(&mut **operand, Expr::new(Loc::default(), ExprKind::Constant { value: Constant::None, kind: None }));
            *e = inner;
        }
    }
}

fn fold_binop(e: &mut Expr) {
    let ExprKind::BinOp { left, op, right } = &mut e.kind else { return };
    let Some(lv) = const_of(left) else { return };
    if *op == Operator::Mod {
        if let (Constant::Str(fmt), ExprKind::Tuple { elts, .. }) = (lv, &mut right.kind) {
            if !has_starred(elts) {
                let fmt = fmt.clone();
                let elts = std::mem::take(elts);
                match optimize_format(&fmt, &elts) {
                    Some(values) => e.kind = ExprKind::JoinedStr { values },
                    None => {
                        // Put the elements back.
                        if let ExprKind::BinOp { right, .. } = &mut e.kind {
                            if let ExprKind::Tuple { elts: slot, .. } = &mut right.kind {
                                *slot = elts;
                            }
                        }
                    }
                }
                return;
            }
        }
    }
    let Some(rv) = const_of(right) else { return };
    if matches!(lv, Constant::Str(_) | Constant::Bytes(_)) && *op == Operator::Mod {
        return;
    }
    if let Some(r) = constops::binop(*op, lv, rv) {
        make_const(e, r);
    }
}

/// Lists become tuples and constant sets frozensets where only iteration or
/// membership is observable.
fn fold_iter(arg: &mut Expr) {
    match &mut arg.kind {
        ExprKind::List { elts, ctx } => {
            if has_starred(elts) {
                return;
            }
            let elts = std::mem::take(elts);
            let ctx = *ctx;
            match make_const_tuple(&elts) {
                Some(t) => make_const(arg, Constant::Tuple(t)),
                None => arg.kind = ExprKind::Tuple { elts, ctx },
            }
        }
        ExprKind::Set { elts } => {
            if let Some(items) = make_const_tuple(elts) {
                let mut unique: Vec<Constant> = Vec::new();
                for item in items {
                    if !unique.iter().any(|u| constops::py_eq(u, &item)) {
                        unique.push(item);
                    }
                }
                arg.kind = ExprKind::Constant { value: Constant::Tuple(unique), kind: Some(FROZENSET_KIND.to_string()) };
            }
        }
        _ => {}
    }
}

/// `'%s %r' % (a, b)` -> `f'{a!s} {b!r}'` for the simple conversions.
fn optimize_format(fmt: &PyStr, elts: &[Expr]) -> Option<Vec<Expr>> {
    let chars: Vec<u32> = fmt.code_points().collect();
    let mut pos = 0;
    let mut cnt = 0;
    let mut seq = Vec::new();
    loop {
        // Literal part, with "%%" unescaped.
        let start = pos;
        let mut lit = PyStr::new();
        while pos < chars.len() {
            if chars[pos] != '%' as u32 {
                lit.push_code_point(chars[pos]);
                pos += 1;
            } else if pos + 1 < chars.len() && chars[pos + 1] == '%' as u32 {
                lit.push('%');
                pos += 2;
            } else {
                break;
            }
        }
        if pos != start {
            seq.push(Expr::new(NO_LOC, ExprKind::Constant { value: Constant::Str(lit), kind: None }));
        }
        if pos >= chars.len() {
            break;
        }
        if cnt >= elts.len() {
            return None;
        }
        pos += 1; // the '%'
        let fv = parse_format(&chars, &mut pos, &elts[cnt])?;
        cnt += 1;
        seq.push(fv);
    }
    if cnt < elts.len() {
        return None;
    }
    Some(seq)
}

fn parse_format(chars: &[u32], pos: &mut usize, arg: &Expr) -> Option<Expr> {
    const MAXDIGITS: u32 = 3;
    let mut p = *pos;
    let mut next = || -> Option<u32> {
        let c = *chars.get(p)?;
        p += 1;
        Some(c)
    };
    let mut ljust = false;
    let mut ch;
    loop {
        ch = next()?;
        match char::from_u32(ch) {
            Some('-') => ljust = true,
            Some('+' | ' ' | '#' | '0' | 'z') => {}
            _ => break,
        }
    }
    let is_digit = |c: u32| ('0' as u32..='9' as u32).contains(&c);
    let mut width: i64 = -1;
    let mut prec: i64 = -1;
    if is_digit(ch) {
        width = 0;
        let mut digits = 0;
        while is_digit(ch) {
            width = width * 10 + (ch - '0' as u32) as i64;
            ch = next()?;
            digits += 1;
            if digits >= MAXDIGITS {
                return None;
            }
        }
    }
    if ch == '.' as u32 {
        ch = next()?;
        prec = 0;
        if is_digit(ch) {
            let mut digits = 0;
            while is_digit(ch) {
                prec = prec * 10 + (ch - '0' as u32) as i64;
                ch = next()?;
                digits += 1;
                if digits >= MAXDIGITS {
                    return None;
                }
            }
        }
    }
    *pos = p;
    let spec = char::from_u32(ch)?;
    if !matches!(spec, 's' | 'r' | 'a') {
        return None;
    }
    let mut buf = String::new();
    if !ljust && width > 0 {
        buf.push('>');
    }
    if width >= 0 {
        buf.push_str(&width.to_string());
    }
    if prec >= 0 {
        buf.push('.');
        buf.push_str(&prec.to_string());
    }
    let format_spec = if buf.is_empty() {
        None
    } else {
        Some(Box::new(Expr::new(NO_LOC, ExprKind::Constant { value: Constant::Str(PyStr::from(buf)), kind: None })))
    };
    Some(Expr::new(arg.loc, ExprKind::FormattedValue { value: Box::new(arg.clone()), conversion: spec as i32, format_spec }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l() -> Loc {
        Loc::new(1, 0, 1, 1)
    }

    fn cst(c: Constant) -> Expr {
        Expr::new(l(), ExprKind::Constant { value: c, kind: None })
    }

    fn name(id: &str) -> Expr {
        Expr::new(l(), ExprKind::Name { id: id.into(), ctx: ExprContext::Load })
    }

    fn fold_expr(e: Expr) -> Expr {
        let mut m = Mod::Expression { body: Box::new(e) };
        fold_module(&mut m, 0, false).unwrap();
        match m {
            Mod::Expression { body } => *body,
            _ => unreachable!(),
        }
    }

    #[test]
    fn percent_format_becomes_fstring() {
        let e = Expr::new(
            l(),
            ExprKind::BinOp {
                left: Box::new(cst(Constant::Str("a%sb%%%5r".into()))),
                op: Operator::Mod,
                right: Box::new(Expr::new(l(), ExprKind::Tuple { elts: vec![name("x"), name("y")], ctx: ExprContext::Load })),
            },
        );
        let ExprKind::JoinedStr { values } = fold_expr(e).kind else { panic!("not folded") };
        assert_eq!(values.len(), 4);
        assert!(matches!(&values[1].kind, ExprKind::FormattedValue { conversion: 115, format_spec: None, .. }));
        assert!(matches!(&values[2].kind, ExprKind::Constant { value: Constant::Str(s), .. } if s.as_str() == Some("b%")));
        match &values[3].kind {
            ExprKind::FormattedValue { conversion: 114, format_spec: Some(spec), .. } => {
                assert!(matches!(&spec.kind, ExprKind::Constant { value: Constant::Str(s), .. } if s.as_str() == Some(">5")));
            }
            other => panic!("{:?}", other),
        }
    }

    #[test]
    fn membership_in_a_constant_set_is_a_frozenset() {
        let set = Expr::new(l(), ExprKind::Set { elts: vec![cst(Constant::Int(1)), cst(Constant::Float(1.0)), cst(Constant::Int(2))] });
        let e = Expr::new(l(), ExprKind::Compare { left: Box::new(name("x")), ops: vec![CmpOp::In], comparators: vec![set] });
        let ExprKind::Compare { comparators, .. } = fold_expr(e).kind else { panic!() };
        match &comparators[0].kind {
            ExprKind::Constant { value: Constant::Tuple(items), kind } => {
                assert_eq!(kind.as_deref(), Some(FROZENSET_KIND));
                assert_eq!(items, &vec![Constant::Int(1), Constant::Int(2)]);
            }
            other => panic!("{:?}", other),
        }
    }

    #[test]
    fn not_of_is_becomes_is_not() {
        let cmp = Expr::new(
            Loc::new(1, 4, 1, 10),
            ExprKind::Compare { left: Box::new(name("a")), ops: vec![CmpOp::Is], comparators: vec![name("b")] },
        );
        let e = Expr::new(l(), ExprKind::UnaryOp { op: UnaryOp::Not, operand: Box::new(cmp) });
        let folded = fold_expr(e);
        assert_eq!(folded.loc, Loc::new(1, 4, 1, 10));
        assert!(matches!(folded.kind, ExprKind::Compare { ref ops, .. } if ops == &vec![CmpOp::IsNot]));
    }
}
