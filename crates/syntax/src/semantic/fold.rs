//! CPython 3.11's AST optimizer (`Python/ast_opt.c`), run after parsing by
//! both the compile-time checks ([`super::check_all`]) and the compiler, on a
//! copy of the tree: operations on constants are folded ([`super::consts`]
//! gives their Python semantics and size guards), constant tuples become
//! constants, a list (a set of constants) iterated over by `for` or tested by
//! `in` becomes a tuple (a frozenset), subscripts of constants are folded,
//! `not (a is b)` becomes `a is not b`, `'%s' % (x,)` an f-string, and
//! `__debug__` a constant. Trees nested deeper than the compiler's limit give
//! its RecursionError instead.

use super::consts;
use super::{recursion_error, MAX_DEPTH};
use crate::ast::*;
use crate::error::SyntaxError;
use crate::pystr::PyStr;

/// What the optimizer depends on besides the tree.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FoldOptions {
    /// `-O` level: `__debug__` is True only at 0.
    pub optimize: u8,
    /// `from __future__ import annotations` (in the module or inherited):
    /// annotations are left unfolded, as they are not evaluated.
    pub future_annotations: bool,
}

/// Location of the nodes the optimizer makes up (CPython's -1 positions:
/// `u32::MAX` read as a signed 32-bit number).
pub const NO_LOC: Loc = Loc { lineno: u32::MAX, col_offset: u32::MAX, end_lineno: u32::MAX, end_col_offset: u32::MAX };

/// A folded copy of `module`, or the RecursionError CPython raises for a tree
/// nested too deeply (checked before copying, so no depth of input can
/// overflow the stack here).
pub fn fold(module: &Mod, options: FoldOptions) -> Result<Mod, SyntaxError> {
    if too_deep(module, options.future_annotations) {
        return Err(recursion_error());
    }
    let mut folded = module.clone();
    Folder { options }.module(&mut folded);
    Ok(folded)
}

/// [`fold`] in place: the tree is unchanged when it is too deep.
pub fn fold_in_place(module: &mut Mod, options: FoldOptions) -> Result<(), SyntaxError> {
    if too_deep(module, options.future_annotations) {
        return Err(recursion_error());
    }
    Folder { options }.module(module);
    Ok(())
}

/// The docstring of a body (`_PyAST_GetDocString`): its first statement, when
/// that is a string constant.
pub fn docstring(body: &[Stmt]) -> Option<&PyStr> {
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr { value }) => match &value.kind {
            ExprKind::Constant { value: Constant::Str(s), .. } => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// True when ast_opt.c would give up with "maximum recursion depth exceeded
/// during compilation": some chain of nested statements, expressions and
/// patterns is longer than [`MAX_DEPTH`]. Annotations are skipped under
/// `from __future__ import annotations`, as the optimizer skips them.
fn too_deep(module: &Mod, future_annotations: bool) -> bool {
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

/// The folding walk. Its recursion is bounded by [`too_deep`], checked first.
struct Folder {
    options: FoldOptions,
}

fn constant_of(e: &Expr) -> Option<&Constant> {
    match &e.kind {
        ExprKind::Constant { value, .. } => Some(value),
        _ => None,
    }
}

/// `make_const`: the node becomes the constant, when there is one.
fn make_const(e: &mut Expr, value: Option<Constant>) {
    if let Some(value) = value {
        e.kind = ExprKind::Constant { value, kind: None };
    }
}

/// `make_const_tuple`: the items, when all are constants.
fn const_items(elts: &[Expr]) -> Option<Vec<Constant>> {
    elts.iter().map(|e| constant_of(e).cloned()).collect()
}

fn has_starred(elts: &[Expr]) -> bool {
    elts.iter().any(|e| matches!(e.kind, ExprKind::Starred { .. }))
}

impl Folder {
    fn annotations(&self) -> bool {
        !self.options.future_annotations
    }

    fn module(&self, module: &mut Mod) {
        match module {
            Mod::Module { body, .. } => self.body(body),
            Mod::Interactive { body } => self.stmts(body),
            Mod::Expression { body } => self.expr(body),
            Mod::FunctionType { .. } => {}
        }
    }

    /// `astfold_body`: a statement list whose first statement only becomes a
    /// docstring by folding is kept from being one (wrapped in an f-string).
    fn body(&self, body: &mut [Stmt]) {
        let had_docstring = docstring(body).is_some();
        self.stmts(body);
        if !had_docstring && docstring(body).is_some() {
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
        if self.annotations() {
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
                if self.annotations() {
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
                if self.annotations() {
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
            // No list-to-tuple here: ast_opt.c leaves `async for` iterables alone.
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
            StmtKind::Import { .. }
            | StmtKind::ImportFrom { .. }
            | StmtKind::Global { .. }
            | StmtKind::Nonlocal { .. }
            | StmtKind::Pass
            | StmtKind::Break
            | StmtKind::Continue => {}
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
            PatternKind::MatchAs { pattern: None, .. } | PatternKind::MatchSingleton { .. } | PatternKind::MatchStar { .. } => {}
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
                    let folded = const_items(elts).map(Constant::Tuple);
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
                // `fold_compare`: only the last operand of a chain.
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
                if *ctx == ExprContext::Load && id == "__debug__" {
                    make_const(e, Some(Constant::Bool(self.options.optimize == 0)));
                }
            }
            ExprKind::Constant { .. } => {}
        }
    }
}

fn fold_unaryop(e: &mut Expr) {
    let ExprKind::UnaryOp { op, operand } = &mut e.kind else { return };
    if let Some(value) = constant_of(operand) {
        let folded = consts::unaryop(*op, value);
        make_const(e, folded);
        return;
    }
    // `not (a is b)` -> `a is not b` (and `in`): the node becomes the
    // comparison, location included. The other comparisons cannot be inverted.
    if *op != UnaryOp::Not {
        return;
    }
    if let ExprKind::Compare { ops, .. } = &mut operand.kind {
        if let [only] = ops.as_mut_slice() {
            let inverted = match only {
                CmpOp::Is => CmpOp::IsNot,
                CmpOp::IsNot => CmpOp::Is,
                CmpOp::In => CmpOp::NotIn,
                CmpOp::NotIn => CmpOp::In,
                _ => return,
            };
            *only = inverted;
            let placeholder = Expr::new(operand.loc, ExprKind::Constant { value: Constant::None, kind: None });
            *e = std::mem::replace(&mut **operand, placeholder);
        }
    }
}

fn fold_binop(e: &mut Expr) {
    let ExprKind::BinOp { left, op, right } = &mut e.kind else { return };
    let Some(lv) = constant_of(left) else { return };
    if *op == Operator::Mod {
        if let (Constant::Str(fmt), ExprKind::Tuple { elts, .. }) = (lv, &mut right.kind) {
            if !has_starred(elts) {
                if let Some(pieces) = parse_percent_format(fmt, elts.len()) {
                    let values = build_fstring(pieces, std::mem::take(elts));
                    e.kind = ExprKind::JoinedStr { values };
                }
                return;
            }
        }
    }
    let Some(rv) = constant_of(right) else { return };
    let folded = consts::binop(*op, lv, rv);
    make_const(e, folded);
}

/// `fold_iter`: a list iterated over (or tested with `in`) becomes a tuple,
/// a constant one when all its items are constants; a set of constants
/// becomes a frozenset constant.
fn fold_iter(e: &mut Expr) {
    match &mut e.kind {
        ExprKind::List { elts, ctx } => {
            if has_starred(elts) {
                return;
            }
            let folded = const_items(elts).map(Constant::Tuple);
            let (elts, ctx) = (std::mem::take(elts), *ctx);
            e.kind = ExprKind::Tuple { elts, ctx };
            make_const(e, folded);
        }
        ExprKind::Set { elts } => {
            let folded = const_items(elts).map(|items| {
                // A set keeps the first of equal items.
                let mut distinct: Vec<Constant> = Vec::with_capacity(items.len());
                for item in items {
                    if !distinct.iter().any(|d| consts::py_eq(d, &item)) {
                        distinct.push(item);
                    }
                }
                Constant::FrozenSet(distinct)
            });
            make_const(e, folded);
        }
        _ => {}
    }
}

/// A piece of a `%`-format that [`parse_percent_format`] accepted.
enum FormatPiece {
    Literal(PyStr),
    /// The next argument, converted by `s`, `r` or `a`, with a format spec
    /// such as `>5` or `.3` when the format gave a width or precision.
    Argument { conversion: char, spec: Option<String> },
}

/// `optimize_format`'s parse of a `%`-format applied to `nargs` arguments:
/// literal text and simple `%s`/`%r`/`%a` conversions only, one per argument.
fn parse_percent_format(fmt: &PyStr, nargs: usize) -> Option<Vec<FormatPiece>> {
    let chars: Vec<u32> = fmt.code_points().collect();
    let percent = '%' as u32;
    let mut pos = 0;
    let mut pieces = Vec::new();
    let mut used = 0;
    loop {
        // A literal run, with "%%" standing for "%".
        let start = pos;
        let mut literal = PyStr::new();
        while let Some(&c) = chars.get(pos) {
            if c != percent {
                literal.push_code_point(c);
                pos += 1;
            } else if chars.get(pos + 1) == Some(&percent) {
                literal.push('%');
                pos += 2;
            } else {
                break;
            }
        }
        if pos > start {
            pieces.push(FormatPiece::Literal(literal));
        }
        if pos >= chars.len() {
            break;
        }
        if used >= nargs {
            return None;
        }
        pos += 1; // the '%'
        let (conversion, width, prec, ljust) = simple_format_arg(&chars, &mut pos)?;
        let conversion = char::from_u32(conversion).filter(|c| matches!(c, 's' | 'r' | 'a'))?;
        used += 1;
        let mut spec = String::new();
        if !ljust && width > 0 {
            spec.push('>');
        }
        if width >= 0 {
            spec.push_str(&width.to_string());
        }
        if prec >= 0 {
            spec.push('.');
            spec.push_str(&prec.to_string());
        }
        pieces.push(FormatPiece::Argument { conversion, spec: (!spec.is_empty()).then_some(spec) });
    }
    (used == nargs).then_some(pieces)
}

/// `simple_format_arg_parse`: flags, up to two width and two precision
/// digits, then the conversion character: (conversion, width, precision,
/// left-justified), -1 for an absent width or precision.
fn simple_format_arg(chars: &[u32], pos: &mut usize) -> Option<(u32, i32, i32, bool)> {
    const MAX_DIGITS: u32 = 3;
    let next = |p: &mut usize| -> Option<u32> {
        let c = *chars.get(*p)?;
        *p += 1;
        Some(c)
    };
    let digit = |c: u32| char::from_u32(c).and_then(|c| c.to_digit(10));
    // Digits from `ch` on, leaving `ch` at the first non-digit; None past two.
    let number = |ch: &mut u32, p: &mut usize| -> Option<i32> {
        let mut value = 0;
        let mut digits = 0;
        while let Some(d) = digit(*ch) {
            value = value * 10 + d as i32;
            *ch = next(p)?;
            digits += 1;
            if digits >= MAX_DIGITS {
                return None;
            }
        }
        Some(value)
    };
    let mut p = *pos;
    let mut ljust = false;
    let mut ch;
    loop {
        ch = next(&mut p)?;
        match char::from_u32(ch) {
            Some('-') => ljust = true,
            Some('+' | ' ' | '#' | '0' | 'z') => {}
            _ => break,
        }
    }
    let width = if digit(ch).is_some() { number(&mut ch, &mut p)? } else { -1 };
    let mut prec = -1;
    if ch == '.' as u32 {
        ch = next(&mut p)?;
        prec = number(&mut ch, &mut p)?;
    }
    *pos = p;
    Some((ch, width, prec, ljust))
}

/// The f-string parts of an accepted `%`-format, its arguments moved in.
/// The parts the optimizer makes up have no location; each formatted value
/// takes its argument's.
fn build_fstring(pieces: Vec<FormatPiece>, args: Vec<Expr>) -> Vec<Expr> {
    let mut args = args.into_iter();
    let mut values = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let value = match piece {
            FormatPiece::Literal(text) => Expr::new(NO_LOC, ExprKind::Constant { value: Constant::Str(text), kind: None }),
            FormatPiece::Argument { conversion, spec } => {
                // parse_percent_format accepted exactly one piece per argument.
                let Some(arg) = args.next() else { break };
                let format_spec =
                    spec.map(|s| Box::new(Expr::new(NO_LOC, ExprKind::Constant { value: Constant::Str(s.as_str().into()), kind: None })));
                Expr::new(arg.loc, ExprKind::FormattedValue { value: Box::new(arg), conversion: conversion as i32, format_spec })
            }
        };
        values.push(value);
    }
    values
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

    fn fold_expr_with(e: Expr, options: FoldOptions) -> Expr {
        match fold(&Mod::Expression { body: Box::new(e) }, options) {
            Ok(Mod::Expression { body }) => *body,
            other => panic!("{:?}", other),
        }
    }

    fn fold_expr(e: Expr) -> Expr {
        fold_expr_with(e, FoldOptions::default())
    }

    fn binop(left: Expr, op: Operator, right: Expr) -> Expr {
        Expr::new(l(), ExprKind::BinOp { left: Box::new(left), op, right: Box::new(right) })
    }

    fn tuple(elts: Vec<Expr>) -> Expr {
        Expr::new(l(), ExprKind::Tuple { elts, ctx: ExprContext::Load })
    }

    #[test]
    fn constant_operations_fold() {
        let e = binop(cst(Constant::Int(2)), Operator::Pow, cst(Constant::Int(8)));
        assert_eq!(fold_expr(e).kind, ExprKind::Constant { value: Constant::Int(256), kind: None });
        // Guarded: stays an operation.
        let e = binop(cst(Constant::Int(2)), Operator::Pow, cst(Constant::Int(200)));
        assert!(matches!(fold_expr(e).kind, ExprKind::BinOp { .. }));
        let e = tuple(vec![cst(Constant::Int(1)), Expr::new(l(), ExprKind::UnaryOp { op: UnaryOp::USub, operand: Box::new(cst(Constant::Int(2))) })]);
        assert_eq!(fold_expr(e).kind, ExprKind::Constant { value: Constant::Tuple(vec![Constant::Int(1), Constant::Int(-2)]), kind: None });
    }

    #[test]
    fn debug_follows_the_optimize_level() {
        assert_eq!(fold_expr(name("__debug__")).kind, ExprKind::Constant { value: Constant::Bool(true), kind: None });
        let optimized = fold_expr_with(name("__debug__"), FoldOptions { optimize: 1, future_annotations: false });
        assert_eq!(optimized.kind, ExprKind::Constant { value: Constant::Bool(false), kind: None });
    }

    #[test]
    fn percent_format_becomes_fstring() {
        let e = binop(cst(Constant::Str("a%sb%%%5r".into())), Operator::Mod, tuple(vec![name("x"), name("y")]));
        let ExprKind::JoinedStr { values } = fold_expr(e).into_kind() else { panic!("not folded") };
        assert_eq!(values.len(), 4);
        assert_eq!(values[0].loc, NO_LOC);
        assert!(matches!(&values[1].kind, ExprKind::FormattedValue { conversion: 115, format_spec: None, .. }));
        assert!(matches!(&values[2].kind, ExprKind::Constant { value: Constant::Str(s), .. } if s.as_str() == Some("b%")));
        match &values[3].kind {
            ExprKind::FormattedValue { conversion: 114, format_spec: Some(spec), .. } => {
                assert!(matches!(&spec.kind, ExprKind::Constant { value: Constant::Str(s), .. } if s.as_str() == Some(">5")));
            }
            other => panic!("{:?}", other),
        }
        // More arguments than conversions, an unsupported conversion, three width digits: left alone.
        for fmt in ["%s", "%s %d", "%100s %s"] {
            let e = binop(cst(Constant::Str(fmt.into())), Operator::Mod, tuple(vec![name("x"), name("y")]));
            let ExprKind::BinOp { right, .. } = fold_expr(e).into_kind() else { panic!("{fmt} folded") };
            assert!(matches!(&right.kind, ExprKind::Tuple { elts, .. } if elts.len() == 2), "{fmt}");
        }
    }

    #[test]
    fn membership_in_a_constant_set_is_a_frozenset() {
        let set = Expr::new(l(), ExprKind::Set { elts: vec![cst(Constant::Int(1)), cst(Constant::Float(1.0)), cst(Constant::Int(2))] });
        let e = Expr::new(l(), ExprKind::Compare { left: Box::new(name("x")), ops: vec![CmpOp::In], comparators: vec![set] });
        let ExprKind::Compare { comparators, .. } = fold_expr(e).into_kind() else { panic!() };
        let expected = Constant::FrozenSet(vec![Constant::Int(1), Constant::Int(2)]);
        assert_eq!(comparators[0].kind, ExprKind::Constant { value: expected, kind: None });
    }

    #[test]
    fn membership_in_a_list_is_a_tuple() {
        let list = Expr::new(l(), ExprKind::List { elts: vec![name("a"), cst(Constant::Int(2))], ctx: ExprContext::Load });
        let e = Expr::new(l(), ExprKind::Compare { left: Box::new(name("x")), ops: vec![CmpOp::NotIn], comparators: vec![list] });
        let ExprKind::Compare { comparators, .. } = fold_expr(e).into_kind() else { panic!() };
        assert!(matches!(&comparators[0].kind, ExprKind::Tuple { elts, .. } if elts.len() == 2));
    }

    #[test]
    fn not_of_is_becomes_is_not() {
        let cmp = Expr::new(Loc::new(1, 4, 1, 10), ExprKind::Compare { left: Box::new(name("a")), ops: vec![CmpOp::Is], comparators: vec![name("b")] });
        let e = Expr::new(l(), ExprKind::UnaryOp { op: UnaryOp::Not, operand: Box::new(cmp) });
        let folded = fold_expr(e);
        assert_eq!(folded.loc, Loc::new(1, 4, 1, 10));
        assert!(matches!(folded.kind, ExprKind::Compare { ref ops, .. } if ops == &vec![CmpOp::IsNot]));
    }

    #[test]
    fn folded_string_does_not_become_a_docstring() {
        let stmt = Stmt::new(l(), StmtKind::Expr { value: Box::new(binop(cst(Constant::Str("a".into())), Operator::Add, cst(Constant::Str("b".into())))) });
        let module = Mod::Module { body: vec![stmt], type_ignores: vec![] };
        let Ok(Mod::Module { body, .. }) = fold(&module, FoldOptions::default()) else { panic!() };
        assert!(docstring(&body).is_none());
        let Some(StmtKind::Expr { value }) = body.first().map(|s| &s.kind) else { panic!() };
        assert!(matches!(&value.kind, ExprKind::JoinedStr { values } if values.len() == 1));
    }

    #[test]
    fn too_deep_is_a_recursion_error_without_copying() {
        // Walking 3000 levels needs more than a test thread's stack.
        let worker = std::thread::Builder::new().stack_size(64 << 20).spawn(deep_trees);
        assert!(matches!(worker.map(|w| w.join()), Ok(Ok(()))));
    }

    fn deep_trees() {
        let mut e = name("x");
        for _ in 0..MAX_DEPTH {
            e = Expr::new(l(), ExprKind::UnaryOp { op: UnaryOp::USub, operand: Box::new(e) });
        }
        let module = Mod::Expression { body: Box::new(e) };
        let err = fold(&module, FoldOptions::default()).map(|_| ()).unwrap_err();
        assert_eq!(err.msg, "maximum recursion depth exceeded during compilation");
        // One level less is within the limit.
        let Mod::Expression { body } = module else { unreachable!() };
        let ExprKind::UnaryOp { operand, .. } = body.into_kind() else { unreachable!() };
        assert!(fold(&Mod::Expression { body: operand }, FoldOptions::default()).is_ok());
    }
}
