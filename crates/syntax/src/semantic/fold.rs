//! The AST optimizer's effects that later checks can observe
//! (`Python/ast_opt.c`): constant folding (`-1`, `(1, 2)`, `2**8`, `"%s" % (x,)`
//! turned into an f-string, `not a is b` into `a is not b`, `__debug__`), and its
//! RecursionError on trees nested too deeply.

use super::consts;
use super::future::has_docstring;
use super::MAX_DEPTH;
use crate::ast::*;
use crate::pystr::PyStr;

/// True when ast_opt.c would give up with "maximum recursion depth exceeded
/// during compilation": some chain of nested statements, expressions and
/// patterns is longer than [`MAX_DEPTH`]. Annotations are skipped under
/// `from __future__ import annotations`, as the optimizer skips them.
pub(crate) fn too_deep(module: &Mod, future_annotations: bool) -> bool {
    let mut d = Depth { annotations: !future_annotations, exceeded: false };
    match module {
        Mod::Module { body, .. } | Mod::Interactive { body } => d.stmts(body, 0),
        Mod::Expression { body } => d.expr(body, 0),
        Mod::FunctionType { .. } => {}
    }
    d.exceeded
}

struct Depth {
    annotations: bool,
    exceeded: bool,
}

impl Depth {
    /// Counts one level; false (and stop descending) past the limit.
    fn enter(&mut self, depth: usize) -> bool {
        if self.exceeded || depth + 1 > MAX_DEPTH {
            self.exceeded = true;
            return false;
        }
        true
    }

    fn stmts(&mut self, body: &[Stmt], depth: usize) {
        for s in body {
            self.stmt(s, depth);
        }
    }

    fn exprs(&mut self, exprs: &[Expr], depth: usize) {
        for e in exprs {
            self.expr(e, depth);
        }
    }

    fn opt(&mut self, e: &Option<Box<Expr>>, depth: usize) {
        if let Some(e) = e {
            self.expr(e, depth);
        }
    }

    fn args(&mut self, a: &Arguments, depth: usize) {
        let all = a.posonlyargs.iter().chain(&a.args).chain(a.vararg.as_deref()).chain(&a.kwonlyargs).chain(a.kwarg.as_deref());
        if self.annotations {
            for arg in all {
                self.opt(&arg.annotation, depth);
            }
        }
        for d in a.kw_defaults.iter().flatten() {
            self.expr(d, depth);
        }
        self.exprs(&a.defaults, depth);
    }

    fn comps(&mut self, generators: &[Comprehension], depth: usize) {
        for g in generators {
            self.expr(&g.target, depth);
            self.expr(&g.iter, depth);
            self.exprs(&g.ifs, depth);
        }
    }

    fn stmt(&mut self, s: &Stmt, depth: usize) {
        if !self.enter(depth) {
            return;
        }
        let d = depth + 1;
        match &s.kind {
            StmtKind::FunctionDef(f) | StmtKind::AsyncFunctionDef(f) => {
                self.args(&f.args, d);
                self.stmts(&f.body, d);
                self.exprs(&f.decorator_list, d);
                if self.annotations {
                    self.opt(&f.returns, d);
                }
            }
            StmtKind::ClassDef(c) => {
                self.exprs(&c.bases, d);
                for k in &c.keywords {
                    self.expr(&k.value, d);
                }
                self.stmts(&c.body, d);
                self.exprs(&c.decorator_list, d);
            }
            StmtKind::Return { value } => self.opt(value, d),
            StmtKind::Delete { targets } => self.exprs(targets, d),
            StmtKind::Assign { targets, value, .. } => {
                self.exprs(targets, d);
                self.expr(value, d);
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target, d);
                self.expr(value, d);
            }
            StmtKind::AnnAssign { target, annotation, value, .. } => {
                self.expr(target, d);
                if self.annotations {
                    self.expr(annotation, d);
                }
                self.opt(value, d);
            }
            StmtKind::For(f) | StmtKind::AsyncFor(f) => {
                self.expr(&f.target, d);
                self.expr(&f.iter, d);
                self.stmts(&f.body, d);
                self.stmts(&f.orelse, d);
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test, d);
                self.stmts(body, d);
                self.stmts(orelse, d);
            }
            StmtKind::With(w) | StmtKind::AsyncWith(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr, d);
                    self.opt(&item.optional_vars, d);
                }
                self.stmts(&w.body, d);
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject, d);
                for case in cases {
                    self.pattern(&case.pattern, d);
                    self.opt(&case.guard, d);
                    self.stmts(&case.body, d);
                }
            }
            StmtKind::Raise { exc, cause } => {
                self.opt(exc, d);
                self.opt(cause, d);
            }
            StmtKind::Try(t) | StmtKind::TryStar(t) => {
                self.stmts(&t.body, d);
                for h in &t.handlers {
                    self.opt(&h.type_, d);
                    self.stmts(&h.body, d);
                }
                self.stmts(&t.orelse, d);
                self.stmts(&t.finalbody, d);
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test, d);
                self.opt(msg, d);
            }
            StmtKind::Expr { value } => self.expr(value, d),
            StmtKind::Import { .. }
            | StmtKind::ImportFrom { .. }
            | StmtKind::Global { .. }
            | StmtKind::Nonlocal { .. }
            | StmtKind::Pass
            | StmtKind::Break
            | StmtKind::Continue => {}
        }
    }

    fn expr(&mut self, e: &Expr, depth: usize) {
        if !self.enter(depth) {
            return;
        }
        let d = depth + 1;
        match &e.kind {
            ExprKind::BoolOp { values, .. } => self.exprs(values, d),
            ExprKind::NamedExpr { value, .. } => self.expr(value, d),
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left, d);
                self.expr(right, d);
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand, d),
            ExprKind::Lambda { args, body } => {
                self.args(args, d);
                self.expr(body, d);
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test, d);
                self.expr(body, d);
                self.expr(orelse, d);
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.expr(k, d);
                }
                self.exprs(values, d);
            }
            ExprKind::Set { elts } | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.exprs(elts, d),
            ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } | ExprKind::GeneratorExp { elt, generators } => {
                self.expr(elt, d);
                self.comps(generators, d);
            }
            ExprKind::DictComp { key, value, generators } => {
                self.expr(key, d);
                self.expr(value, d);
                self.comps(generators, d);
            }
            ExprKind::Await { value } | ExprKind::YieldFrom { value } => self.expr(value, d),
            ExprKind::Yield { value } => self.opt(value, d),
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left, d);
                self.exprs(comparators, d);
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func, d);
                self.exprs(args, d);
                for k in keywords {
                    self.expr(&k.value, d);
                }
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.expr(value, d);
                self.opt(format_spec, d);
            }
            ExprKind::JoinedStr { values } => self.exprs(values, d),
            ExprKind::Attribute { value, .. } | ExprKind::Starred { value, .. } => self.expr(value, d),
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value, d);
                self.expr(slice, d);
            }
            ExprKind::Slice { lower, upper, step } => {
                self.opt(lower, d);
                self.opt(upper, d);
                self.opt(step, d);
            }
            ExprKind::Constant { .. } | ExprKind::Name { .. } => {}
        }
    }

    fn pattern(&mut self, p: &Pattern, depth: usize) {
        if !self.enter(depth) {
            return;
        }
        let d = depth + 1;
        match &p.kind {
            PatternKind::MatchValue { value } => self.expr(value, d),
            PatternKind::MatchSingleton { .. } | PatternKind::MatchStar { .. } => {}
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                for sub in patterns {
                    self.pattern(sub, d);
                }
            }
            PatternKind::MatchMapping { keys, patterns, .. } => {
                self.exprs(keys, d);
                for sub in patterns {
                    self.pattern(sub, d);
                }
            }
            PatternKind::MatchClass { cls, patterns, kwd_patterns, .. } => {
                self.expr(cls, d);
                for sub in patterns.iter().chain(kwd_patterns) {
                    self.pattern(sub, d);
                }
            }
            PatternKind::MatchAs { pattern, .. } => {
                if let Some(sub) = pattern {
                    self.pattern(sub, d);
                }
            }
        }
    }
}

/// Folds constants in place as ast_opt.c does. The tree must have passed
/// [`too_deep`], which bounds the recursion here.
pub(crate) fn fold_module(module: &mut Mod, future_annotations: bool) {
    let f = Folder { annotations: !future_annotations };
    match module {
        Mod::Module { body, .. } => f.body(body),
        Mod::Interactive { body } => f.stmts(body),
        Mod::Expression { body } => f.expr(body),
        Mod::FunctionType { .. } => {}
    }
}

struct Folder {
    annotations: bool,
}

fn constant_of(e: &Expr) -> Option<&Constant> {
    match &e.kind {
        ExprKind::Constant { value, .. } => Some(value),
        _ => None,
    }
}

fn make_const(e: &mut Expr, value: Option<Constant>) {
    if let Some(value) = value {
        e.kind = ExprKind::Constant { value, kind: None };
    }
}

fn const_tuple(elts: &[Expr]) -> Option<Constant> {
    elts.iter().map(|e| constant_of(e).cloned()).collect::<Option<Vec<_>>>().map(Constant::Tuple)
}

impl Folder {
    /// `astfold_body`: a statement list whose first statement only becomes a
    /// docstring by folding is kept from being one (wrapped in an f-string).
    fn body(&self, body: &mut [Stmt]) {
        let had_docstring = has_docstring(body);
        self.stmts(body);
        if !had_docstring && has_docstring(body) {
            if let Some(Stmt { loc, kind: StmtKind::Expr { value } }) = body.first_mut() {
                let inner = std::mem::replace(&mut **value, Expr::new(*loc, ExprKind::JoinedStr { values: Vec::new() }));
                value.kind = ExprKind::JoinedStr { values: vec![inner] };
            }
        }
    }

    fn stmts(&self, body: &mut [Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn exprs(&self, exprs: &mut [Expr]) {
        for e in exprs {
            self.expr(e);
        }
    }

    fn opt(&self, e: &mut Option<Box<Expr>>) {
        if let Some(e) = e {
            self.expr(e);
        }
    }

    fn args(&self, a: &mut Arguments) {
        if self.annotations {
            for arg in a.posonlyargs.iter_mut().chain(a.args.iter_mut()).chain(a.vararg.as_deref_mut()).chain(a.kwonlyargs.iter_mut()).chain(a.kwarg.as_deref_mut()) {
                self.opt(&mut arg.annotation);
            }
        }
        for d in a.kw_defaults.iter_mut().flatten() {
            self.expr(d);
        }
        self.exprs(&mut a.defaults);
    }

    fn comps(&self, generators: &mut [Comprehension]) {
        for g in generators {
            self.expr(&mut g.target);
            self.expr(&mut g.iter);
            self.exprs(&mut g.ifs);
            fold_iter(&mut g.iter);
        }
    }

    fn stmt(&self, s: &mut Stmt) {
        match &mut s.kind {
            StmtKind::FunctionDef(f) | StmtKind::AsyncFunctionDef(f) => {
                self.args(&mut f.args);
                self.body(&mut f.body);
                self.exprs(&mut f.decorator_list);
                if self.annotations {
                    self.opt(&mut f.returns);
                }
            }
            StmtKind::ClassDef(c) => {
                self.exprs(&mut c.bases);
                for k in &mut c.keywords {
                    self.expr(&mut k.value);
                }
                self.body(&mut c.body);
                self.exprs(&mut c.decorator_list);
            }
            StmtKind::Return { value } => self.opt(value),
            StmtKind::Delete { targets } => self.exprs(targets),
            StmtKind::Assign { targets, value, .. } => {
                self.exprs(targets);
                self.expr(value);
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target);
                self.expr(value);
            }
            StmtKind::AnnAssign { target, annotation, value, .. } => {
                self.expr(target);
                if self.annotations {
                    self.expr(annotation);
                }
                self.opt(value);
            }
            StmtKind::For(f) => {
                self.expr(&mut f.target);
                self.expr(&mut f.iter);
                self.stmts(&mut f.body);
                self.stmts(&mut f.orelse);
                fold_iter(&mut f.iter);
            }
            StmtKind::AsyncFor(f) => {
                self.expr(&mut f.target);
                self.expr(&mut f.iter);
                self.stmts(&mut f.body);
                self.stmts(&mut f.orelse);
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::With(w) | StmtKind::AsyncWith(w) => {
                for item in &mut w.items {
                    self.expr(&mut item.context_expr);
                    self.opt(&mut item.optional_vars);
                }
                self.stmts(&mut w.body);
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject);
                for case in cases {
                    self.pattern(&mut case.pattern);
                    self.opt(&mut case.guard);
                    self.stmts(&mut case.body);
                }
            }
            StmtKind::Raise { exc, cause } => {
                self.opt(exc);
                self.opt(cause);
            }
            StmtKind::Try(t) | StmtKind::TryStar(t) => {
                self.stmts(&mut t.body);
                for h in &mut t.handlers {
                    self.opt(&mut h.type_);
                    self.stmts(&mut h.body);
                }
                self.stmts(&mut t.orelse);
                self.stmts(&mut t.finalbody);
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test);
                self.opt(msg);
            }
            StmtKind::Expr { value } => self.expr(value),
            _ => {}
        }
    }

    fn pattern(&self, p: &mut Pattern) {
        match &mut p.kind {
            PatternKind::MatchValue { value } => self.expr(value),
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                for sub in patterns {
                    self.pattern(sub);
                }
            }
            PatternKind::MatchMapping { keys, patterns, .. } => {
                self.exprs(keys);
                for sub in patterns {
                    self.pattern(sub);
                }
            }
            PatternKind::MatchClass { cls, patterns, kwd_patterns, .. } => {
                self.expr(cls);
                for sub in patterns.iter_mut().chain(kwd_patterns.iter_mut()) {
                    self.pattern(sub);
                }
            }
            PatternKind::MatchAs { pattern: Some(sub), .. } => self.pattern(sub),
            _ => {}
        }
    }

    fn expr(&self, e: &mut Expr) {
        match &mut e.kind {
            ExprKind::BoolOp { values, .. } => self.exprs(values),
            ExprKind::NamedExpr { value, .. } => self.expr(value),
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left);
                self.expr(right);
                fold_binop(e);
            }
            ExprKind::UnaryOp { operand, .. } => {
                self.expr(operand);
                fold_unaryop(e);
            }
            ExprKind::Lambda { args, body } => {
                self.args(args);
                self.expr(body);
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test);
                self.expr(body);
                self.expr(orelse);
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter_mut().flatten() {
                    self.expr(k);
                }
                self.exprs(values);
            }
            ExprKind::Set { elts } | ExprKind::List { elts, .. } => self.exprs(elts),
            ExprKind::Tuple { elts, ctx } => {
                self.exprs(elts);
                if *ctx == ExprContext::Load {
                    let folded = const_tuple(elts);
                    make_const(e, folded);
                }
            }
            ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } | ExprKind::GeneratorExp { elt, generators } => {
                self.expr(elt);
                self.comps(generators);
            }
            ExprKind::DictComp { key, value, generators } => {
                self.expr(key);
                self.expr(value);
                self.comps(generators);
            }
            ExprKind::Await { value } | ExprKind::YieldFrom { value } => self.expr(value),
            ExprKind::Yield { value } => self.opt(value),
            ExprKind::Compare { left, ops, comparators } => {
                self.expr(left);
                self.exprs(comparators);
                if matches!(ops.last(), Some(CmpOp::In | CmpOp::NotIn)) {
                    if let Some(last) = comparators.last_mut() {
                        fold_iter(last);
                    }
                }
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func);
                self.exprs(args);
                for k in keywords {
                    self.expr(&mut k.value);
                }
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.expr(value);
                self.opt(format_spec);
            }
            ExprKind::JoinedStr { values } => self.exprs(values),
            ExprKind::Attribute { value, .. } | ExprKind::Starred { value, .. } => self.expr(value),
            ExprKind::Subscript { value, slice, ctx } => {
                self.expr(value);
                self.expr(slice);
                if *ctx == ExprContext::Load {
                    let folded = match (constant_of(value), constant_of(slice)) {
                        (Some(v), Some(i)) => consts::subscript(v, i),
                        _ => None,
                    };
                    make_const(e, folded);
                }
            }
            ExprKind::Slice { lower, upper, step } => {
                self.opt(lower);
                self.opt(upper);
                self.opt(step);
            }
            ExprKind::Name { id, ctx } => {
                // Not run with -O: __debug__ is True.
                if *ctx == ExprContext::Load && id == "__debug__" {
                    make_const(e, Some(Constant::Bool(true)));
                }
            }
            ExprKind::Constant { .. } => {}
        }
    }
}

fn fold_unaryop(e: &mut Expr) {
    let ExprKind::UnaryOp { op, operand } = &mut e.kind else { return };
    if let Some(value) = constant_of(operand) {
        let folded = consts::unary(*op, value);
        make_const(e, folded);
        return;
    }
    // `not (a is b)` -> `a is not b`: the node becomes the comparison, location included.
    if *op == UnaryOp::Not {
        if let ExprKind::Compare { ops, .. } = &mut operand.kind {
            if ops.len() == 1 {
                let inverted = match ops[0] {
                    CmpOp::Is => Some(CmpOp::IsNot),
                    CmpOp::IsNot => Some(CmpOp::Is),
                    CmpOp::In => Some(CmpOp::NotIn),
                    CmpOp::NotIn => Some(CmpOp::In),
                    _ => None,
                };
                if let Some(inv) = inverted {
                    ops[0] = inv;
                    let placeholder = Expr::new(operand.loc, ExprKind::Constant { value: Constant::None, kind: None });
                    let compare = std::mem::replace(&mut **operand, placeholder);
                    *e = compare;
                }
            }
        }
    }
}

fn fold_binop(e: &mut Expr) {
    let ExprKind::BinOp { left, op, right } = &mut e.kind else { return };
    let Some(lv) = constant_of(left) else { return };
    if *op == Operator::Mod {
        if let (Constant::Str(fmt), ExprKind::Tuple { elts, .. }) = (lv, &right.kind) {
            if !elts.iter().any(|x| matches!(x.kind, ExprKind::Starred { .. })) {
                let fmt = fmt.clone();
                optimize_format(e, &fmt);
                return;
            }
        }
    }
    let Some(rv) = constant_of(right) else { return };
    let folded = consts::binary(*op, lv, rv);
    make_const(e, folded);
}

/// ast_opt.c's `simple_format_arg_parse`: flags, up to two width and two
/// precision digits, then the conversion character.
fn simple_format_arg(fmt: &[u32], pos: &mut usize) -> Option<(u32, i32, i32, bool)> {
    let mut p = *pos;
    let mut next = || -> Option<u32> {
        let c = *fmt.get(p)?;
        p += 1;
        Some(c)
    };
    let is_digit = |c: u32| (b'0' as u32..=b'9' as u32).contains(&c);
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
    let (mut width, mut prec) = (-1, -1);
    if is_digit(ch) {
        width = 0;
        let mut digits = 0;
        while is_digit(ch) {
            width = width * 10 + (ch - b'0' as u32) as i32;
            ch = next()?;
            digits += 1;
            if digits >= 3 {
                return None;
            }
        }
    }
    if ch == b'.' as u32 {
        ch = next()?;
        prec = 0;
        if is_digit(ch) {
            let mut digits = 0;
            while is_digit(ch) {
                prec = prec * 10 + (ch - b'0' as u32) as i32;
                ch = next()?;
                digits += 1;
                if digits >= 3 {
                    return None;
                }
            }
        }
    }
    *pos = p;
    Some((ch, width, prec, ljust))
}

/// `"%s, %r" % (a, b)` with simple conversions becomes `f"{a!s}, {b!r}"`.
fn optimize_format(e: &mut Expr, fmt: &PyStr) {
    let ExprKind::BinOp { right, .. } = &e.kind else { return };
    let ExprKind::Tuple { elts, .. } = &right.kind else { return };
    let chars: Vec<u32> = fmt.code_points().collect();
    let percent = b'%' as u32;
    let mut pos = 0;
    let mut parts: Vec<Expr> = Vec::new();
    let mut count = 0;
    loop {
        // A literal run, with "%%" standing for "%".
        let start = pos;
        let mut literal = PyStr::new();
        while pos < chars.len() {
            if chars[pos] != percent {
                literal.push_code_point(chars[pos]);
                pos += 1;
            } else if chars.get(pos + 1) == Some(&percent) {
                literal.push('%');
                pos += 2;
            } else {
                break;
            }
        }
        if pos > start {
            parts.push(Expr::new(e.loc, ExprKind::Constant { value: Constant::Str(literal), kind: None }));
        }
        if pos >= chars.len() {
            break;
        }
        let Some(arg) = elts.get(count) else { return };
        pos += 1;
        let Some((spec, width, prec, ljust)) = simple_format_arg(&chars, &mut pos) else { return };
        if !matches!(char::from_u32(spec), Some('s' | 'r' | 'a')) {
            return;
        }
        count += 1;
        let mut spec_text = String::new();
        if !ljust && width > 0 {
            spec_text.push('>');
        }
        if width >= 0 {
            spec_text.push_str(&width.to_string());
        }
        if prec >= 0 {
            spec_text.push_str(&format!(".{}", prec));
        }
        let format_spec = (!spec_text.is_empty())
            .then(|| Box::new(Expr::new(arg.loc, ExprKind::Constant { value: Constant::Str(spec_text.as_str().into()), kind: None })));
        parts.push(Expr::new(arg.loc, ExprKind::FormattedValue { value: Box::new(arg.clone()), conversion: spec as i32, format_spec }));
    }
    if count < elts.len() {
        return;
    }
    e.kind = ExprKind::JoinedStr { values: parts };
}

/// `fold_iter`: a list literal iterated over (or tested with `in`) becomes a
/// tuple, a constant one if all its items are constants. (A set of constants
/// becomes a frozenset in CPython; nothing observes that here.)
fn fold_iter(e: &mut Expr) {
    if let ExprKind::List { elts, ctx } = &mut e.kind {
        if elts.iter().any(|x| matches!(x.kind, ExprKind::Starred { .. })) {
            return;
        }
        let folded = const_tuple(elts);
        let (elts, ctx) = (std::mem::take(elts), *ctx);
        e.kind = ExprKind::Tuple { elts, ctx };
        make_const(e, folded);
    }
}
