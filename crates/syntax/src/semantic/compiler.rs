//! The errors and warnings of CPython's code generator (`Python/compile.c`).
//!
//! This walks the (folded) tree exactly as compile.c generates code from it,
//! without generating any: the same order, the same repeated visits (a `while`
//! test twice, a `finally` body once per way out of its `try`, plus once more
//! for every `return`/`break`/`continue` that leaves through it), the same
//! frame-block stack, and the same bookkeeping of the "current location",
//! which is where an error points and which line a warning names.

use super::consts;
use super::symtable::{expr_key, stmt_key, BlockType, SymTable};
use super::{error_at, Checked, Features, Pos, SourceLines};
use crate::ast::*;
use crate::error::{CompileWarning, SyntaxError, WarningCategory};

/// CO_MAXBLOCKS: the deepest frame-block nesting a code object may have.
const MAX_BLOCKS: usize = 20;

pub(crate) fn compile(module: &Mod, table: &SymTable, features: &Features, lines: &SourceLines) -> Checked {
    let mut c = Compiler { table, features: *features, lines, warnings: Vec::new(), units: Vec::new() };
    let top = table.top();
    c.units.push(Unit { scope: Scope::Module, kind: top.kind, coroutine: top.coroutine, generator: top.generator, loc: Pos::UNSET, fblocks: Vec::new() });
    let result = match module {
        Mod::Module { body, .. } => c.module_body(body),
        Mod::Interactive { body } => c.stmts(body),
        Mod::Expression { body } => c.expr(body),
        Mod::FunctionType { .. } => Ok(()),
    };
    Checked { warnings: c.warnings, error: result.err() }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scope {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

/// compile.c's `fblocktype`, with the data the checks need.
#[derive(Clone, Copy, Debug)]
enum FBlock<'a> {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry(&'a [Stmt]),
    FinallyEnd,
    With(Loc),
    AsyncWith(Loc),
    HandlerCleanup,
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

/// One code object being compiled (compile.c's `compiler_unit`).
struct Unit<'a> {
    scope: Scope,
    kind: BlockType,
    coroutine: bool,
    generator: bool,
    loc: Pos,
    fblocks: Vec<FBlock<'a>>,
}

struct Compiler<'a> {
    table: &'a SymTable,
    features: Features,
    lines: &'a SourceLines<'a>,
    warnings: Vec<CompileWarning>,
    units: Vec<Unit<'a>>,
}

type Res = Result<(), SyntaxError>;

/// The pattern-matching state the checks need (compile.c's `pattern_context`).
struct PatternCtx {
    stores: Vec<String>,
    allow_irrefutable: bool,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(p.kind, PatternKind::MatchAs { pattern: None, name: None })
}

fn constant_of(e: &Expr) -> Option<&Constant> {
    match &e.kind {
        ExprKind::Constant { value, .. } => Some(value),
        _ => None,
    }
}

/// The type compile.c's `infer_type` can tell from the node alone.
fn infer_type(e: &Expr) -> Option<&'static str> {
    Some(match &e.kind {
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::List { .. } | ExprKind::ListComp { .. } => "list",
        ExprKind::Dict { .. } | ExprKind::DictComp { .. } => "dict",
        ExprKind::Set { .. } | ExprKind::SetComp { .. } => "set",
        ExprKind::GeneratorExp { .. } => "generator",
        ExprKind::Lambda { .. } => "function",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "str",
        ExprKind::Constant { value, .. } => consts::type_name(value),
        _ => return None,
    })
}

/// Python's repr of an identifier (always printable, never holds a quote).
fn name_repr(name: &str) -> String {
    format!("'{}'", name)
}

impl<'a> Compiler<'a> {
    fn unit(&mut self) -> &mut Unit<'a> {
        // Invariant: the module unit is pushed first and never popped.
        let last = self.units.len() - 1;
        &mut self.units[last]
    }

    fn unit_ref(&self) -> &Unit<'a> {
        &self.units[self.units.len() - 1]
    }

    fn set_loc(&mut self, loc: Loc) {
        self.unit().loc = Pos::of(loc);
    }

    fn unset_loc(&mut self) {
        self.unit().loc = Pos::UNSET;
    }

    fn error(&self, msg: impl Into<String>) -> SyntaxError {
        error_at(self.lines, msg.into(), self.unit_ref().loc)
    }

    fn warn(&mut self, msg: String) {
        let lineno = self.unit_ref().loc.lineno.max(0) as u32;
        // `compiler_error` at the same node; its text comes from the file.
        let mut error = self.error(msg.clone());
        error.text = None;
        let as_error = Some(Box::new(error));
        self.warnings.push(CompileWarning { category: WarningCategory::SyntaxWarning, msg, lineno, as_error });
    }

    fn enter_scope(&mut self, scope: Scope, key: usize, lineno: u32) {
        let (kind, coroutine, generator) = match self.table.block_of(key) {
            Some(b) => (b.kind, b.coroutine, b.generator),
            None => (BlockType::Function, false, false),
        };
        let lineno = lineno as i64;
        let loc = Pos { lineno, col: 0, end_lineno: lineno, end_col: 0 };
        self.units.push(Unit { scope, kind, coroutine, generator, loc, fblocks: Vec::new() });
    }

    fn exit_scope(&mut self) {
        if self.units.len() > 1 {
            self.units.pop();
        }
    }

    fn push_fblock(&mut self, block: FBlock<'a>) -> Res {
        if self.unit_ref().fblocks.len() >= MAX_BLOCKS {
            return Err(self.error("too many statically nested blocks"));
        }
        self.unit().fblocks.push(block);
        Ok(())
    }

    fn pop_fblock(&mut self) {
        self.unit().fblocks.pop();
    }

    fn forbidden_name(&self, name: &str, ctx: ExprContext) -> Res {
        if name == "__debug__" {
            match ctx {
                ExprContext::Store => return Err(self.error("cannot assign to __debug__")),
                ExprContext::Del => return Err(self.error("cannot delete __debug__")),
                ExprContext::Load => {}
            }
        }
        Ok(())
    }

    fn nameop(&self, name: &str, ctx: ExprContext) -> Res {
        self.forbidden_name(name, ctx)
    }

    fn module_body(&mut self, body: &'a [Stmt]) -> Res {
        if let Some(first) = body.first() {
            self.set_loc(first.loc);
        }
        self.stmts(body)
    }

    fn stmts(&mut self, body: &'a [Stmt]) -> Res {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn exprs(&mut self, exprs: &'a [Expr]) -> Res {
        for e in exprs {
            self.expr(e)?;
        }
        Ok(())
    }

    fn opt(&mut self, e: &'a Option<Box<Expr>>) -> Res {
        match e {
            Some(e) => self.expr(e),
            None => Ok(()),
        }
    }

    fn stmt(&mut self, s: &'a Stmt) -> Res {
        self.set_loc(s.loc);
        match &s.kind {
            StmtKind::FunctionDef(f) => self.function(s, f, false),
            StmtKind::AsyncFunctionDef(f) => self.function(s, f, true),
            StmtKind::ClassDef(c) => self.class(s, c),
            StmtKind::Return { value } => self.return_stmt(s, value),
            StmtKind::Delete { targets } => self.exprs(targets),
            StmtKind::Assign { targets, value, .. } => {
                self.expr(value)?;
                self.exprs(targets)
            }
            StmtKind::AugAssign { target, value, .. } => self.augassign(target, value),
            StmtKind::AnnAssign { target, annotation, value, simple } => self.annassign(target, annotation, value, *simple),
            StmtKind::For(f) => {
                self.push_fblock(FBlock::ForLoop)?;
                self.expr(&f.iter)?;
                self.expr(&f.target)?;
                self.stmts(&f.body)?;
                self.unset_loc();
                self.pop_fblock();
                self.stmts(&f.orelse)
            }
            StmtKind::AsyncFor(f) => {
                if self.unit_ref().scope != Scope::AsyncFunction {
                    return Err(self.error("'async for' outside async function"));
                }
                self.expr(&f.iter)?;
                self.push_fblock(FBlock::ForLoop)?;
                self.expr(&f.target)?;
                self.stmts(&f.body)?;
                self.unset_loc();
                self.pop_fblock();
                self.set_loc(f.iter.loc);
                self.stmts(&f.orelse)
            }
            StmtKind::While { test, body, orelse } => {
                self.push_fblock(FBlock::WhileLoop)?;
                self.jump_if(test)?;
                self.stmts(body)?;
                self.set_loc(s.loc);
                self.jump_if(test)?;
                self.pop_fblock();
                self.stmts(orelse)
            }
            StmtKind::If { test, body, orelse } => {
                self.jump_if(test)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases),
            StmtKind::Raise { exc, cause } => {
                if let Some(exc) = exc {
                    self.expr(exc)?;
                    self.opt(cause)?;
                }
                Ok(())
            }
            StmtKind::Try(t) => {
                if t.finalbody.is_empty() {
                    self.try_except(t)
                } else {
                    self.try_finally(t, false)
                }
            }
            StmtKind::TryStar(t) => {
                if t.finalbody.is_empty() {
                    self.try_star_except(t)
                } else {
                    self.try_finally(t, true)
                }
            }
            StmtKind::Assert { test, msg } => {
                let always_true = match &test.kind {
                    ExprKind::Tuple { elts, .. } => !elts.is_empty(),
                    ExprKind::Constant { value: Constant::Tuple(items), .. } => !items.is_empty(),
                    _ => false,
                };
                if always_true {
                    self.warn("assertion is always true, perhaps remove parentheses?".into());
                }
                self.jump_if(test)?;
                self.opt(msg)
            }
            StmtKind::Import { names } => {
                for alias in names {
                    let stored = match &alias.asname {
                        Some(asname) => asname.as_str(),
                        None => alias.name.split('.').next().unwrap_or(&alias.name),
                    };
                    self.nameop(stored, ExprContext::Store)?;
                }
                Ok(())
            }
            StmtKind::ImportFrom { module, names, .. } => {
                if s.loc.lineno as i64 > self.features.last_future_line && module.as_deref() == Some("__future__") {
                    return Err(self.error("from __future__ imports must occur at the beginning of the file"));
                }
                for (i, alias) in names.iter().enumerate() {
                    if i == 0 && alias.name.starts_with('*') {
                        return Ok(());
                    }
                    self.nameop(alias.asname.as_deref().unwrap_or(&alias.name), ExprContext::Store)?;
                }
                Ok(())
            }
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } | StmtKind::Pass => Ok(()),
            StmtKind::Expr { value } => {
                if constant_of(value).is_some() {
                    return Ok(());
                }
                self.expr(value)?;
                self.unset_loc();
                Ok(())
            }
            StmtKind::Break => self.break_or_continue("'break' outside loop"),
            StmtKind::Continue => self.break_or_continue("'continue' not properly in loop"),
            StmtKind::With(w) => self.with(s, w, 0),
            StmtKind::AsyncWith(w) => self.async_with(s, w, 0),
        }
    }

    fn check_debug_args(&self, a: &Arguments) -> Res {
        for arg in a.posonlyargs.iter().chain(&a.args).chain(a.vararg.as_deref()).chain(&a.kwonlyargs).chain(a.kwarg.as_deref()) {
            self.forbidden_name(&arg.arg, ExprContext::Store)?;
        }
        Ok(())
    }

    fn default_arguments(&mut self, a: &'a Arguments) -> Res {
        self.exprs(&a.defaults)?;
        for (_, default) in a.kwonlyargs.iter().zip(&a.kw_defaults) {
            if let Some(d) = default {
                self.expr(d)?;
            }
        }
        Ok(())
    }

    fn annotation(&mut self, annotation: &'a Option<Box<Expr>>) -> Res {
        let Some(ann) = annotation else { return Ok(()) };
        if self.features.annotations {
            return Ok(());
        }
        match &ann.kind {
            // `*args: *Ts`
            ExprKind::Starred { value, .. } => self.expr(value),
            _ => self.expr(ann),
        }
    }

    fn function(&mut self, s: &'a Stmt, f: &'a FunctionDef, is_async: bool) -> Res {
        self.check_debug_args(&f.args)?;
        self.exprs(&f.decorator_list)?;
        let firstlineno = f.decorator_list.first().map(|d| d.loc.lineno).unwrap_or(s.loc.lineno);
        self.default_arguments(&f.args)?;
        let a = &f.args;
        for arg in a.args.iter().chain(&a.posonlyargs).chain(a.vararg.as_deref()).chain(&a.kwonlyargs).chain(a.kwarg.as_deref()) {
            self.annotation(&arg.annotation)?;
        }
        self.annotation(&f.returns)?;
        let scope = if is_async { Scope::AsyncFunction } else { Scope::Function };
        self.enter_scope(scope, stmt_key(s), firstlineno);
        let skip = if super::fold::docstring(&f.body).is_some() { 1 } else { 0 };
        for stmt in f.body.iter().skip(skip) {
            self.stmt(stmt)?;
        }
        self.exit_scope();
        self.nameop(&f.name, ExprContext::Store)
    }

    fn class(&mut self, s: &'a Stmt, c: &'a ClassDef) -> Res {
        self.exprs(&c.decorator_list)?;
        let firstlineno = c.decorator_list.first().map(|d| d.loc.lineno).unwrap_or(s.loc.lineno);
        self.enter_scope(Scope::Class, stmt_key(s), firstlineno);
        self.stmts(&c.body)?;
        self.exit_scope();
        self.call_helper(&c.bases, &c.keywords)?;
        self.nameop(&c.name, ExprContext::Store)
    }

    fn return_stmt(&mut self, s: &'a Stmt, value: &'a Option<Box<Expr>>) -> Res {
        let preserve_tos = value.as_ref().is_some_and(|v| constant_of(v).is_none());
        if self.unit_ref().kind != BlockType::Function {
            return Err(self.error("'return' outside function"));
        }
        if value.is_some() && self.unit_ref().coroutine && self.unit_ref().generator {
            return Err(self.error("'return' with value in async generator"));
        }
        if preserve_tos {
            self.opt(value)?;
        } else if let Some(v) = value {
            self.set_loc(v.loc);
        }
        if value.as_ref().map_or(true, |v| v.loc.lineno != s.loc.lineno) {
            self.set_loc(s.loc);
        }
        self.unwind_fblock_stack(preserve_tos, false)?;
        Ok(())
    }

    fn break_or_continue(&mut self, msg: &str) -> Res {
        let saved = self.unit_ref().loc;
        if self.unwind_fblock_stack(false, true)?.is_none() {
            self.unit().loc = saved;
            return Err(self.error(msg));
        }
        Ok(())
    }

    /// Emits what leaving the enclosing frame blocks runs (`finally` bodies),
    /// up to the innermost loop when `to_loop`. Returns whether a loop was found.
    fn unwind_fblock_stack(&mut self, preserve_tos: bool, to_loop: bool) -> Result<Option<()>, SyntaxError> {
        let Some(&top) = self.unit_ref().fblocks.last() else { return Ok(None) };
        if matches!(top, FBlock::ExceptionGroupHandler) {
            return Err(self.error("'break', 'continue' and 'return' cannot appear in an except* block"));
        }
        if to_loop && matches!(top, FBlock::WhileLoop | FBlock::ForLoop) {
            return Ok(Some(()));
        }
        self.pop_fblock();
        self.unwind_fblock(top, preserve_tos)?;
        let found = self.unwind_fblock_stack(preserve_tos, to_loop)?;
        self.unit().fblocks.push(top);
        Ok(found)
    }

    fn unwind_fblock(&mut self, block: FBlock<'a>, preserve_tos: bool) -> Res {
        match block {
            FBlock::FinallyTry(body) => {
                if preserve_tos {
                    self.push_fblock(FBlock::PopValue)?;
                }
                self.stmts(body)?;
                if preserve_tos {
                    self.pop_fblock();
                }
                self.unset_loc();
            }
            FBlock::With(loc) | FBlock::AsyncWith(loc) => {
                self.set_loc(loc);
                self.unset_loc();
            }
            _ => {}
        }
        Ok(())
    }

    fn try_finally(&mut self, t: &'a Try, star: bool) -> Res {
        self.push_fblock(FBlock::FinallyTry(&t.finalbody))?;
        if t.handlers.is_empty() {
            self.stmts(&t.body)?;
        } else if star {
            self.try_star_except(t)?;
        } else {
            self.try_except(t)?;
        }
        self.pop_fblock();
        self.stmts(&t.finalbody)?;
        self.unset_loc();
        self.push_fblock(FBlock::FinallyEnd)?;
        self.stmts(&t.finalbody)?;
        self.pop_fblock();
        Ok(())
    }

    fn try_except(&mut self, t: &'a Try) -> Res {
        self.push_fblock(FBlock::TryExcept)?;
        self.stmts(&t.body)?;
        self.pop_fblock();
        self.stmts(&t.orelse)?;
        self.unset_loc();
        self.push_fblock(FBlock::ExceptionHandler)?;
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            self.set_loc(h.loc);
            if h.type_.is_none() && i + 1 < n {
                return Err(self.error("default 'except:' must be last"));
            }
            self.opt(&h.type_)?;
            if let Some(name) = &h.name {
                self.nameop(name, ExprContext::Store)?;
            }
            self.push_fblock(FBlock::HandlerCleanup)?;
            self.stmts(&h.body)?;
            self.pop_fblock();
            self.unset_loc();
        }
        self.unset_loc();
        self.pop_fblock();
        Ok(())
    }

    fn try_star_except(&mut self, t: &'a Try) -> Res {
        self.push_fblock(FBlock::TryExcept)?;
        self.stmts(&t.body)?;
        self.pop_fblock();
        self.unset_loc();
        self.push_fblock(FBlock::ExceptionGroupHandler)?;
        for h in &t.handlers {
            self.set_loc(h.loc);
            self.opt(&h.type_)?;
            if let Some(name) = &h.name {
                self.nameop(name, ExprContext::Store)?;
            }
            self.push_fblock(FBlock::HandlerCleanup)?;
            self.stmts(&h.body)?;
            self.pop_fblock();
            self.unset_loc();
        }
        self.unset_loc();
        self.pop_fblock();
        self.stmts(&t.orelse)
    }

    fn with(&mut self, s: &'a Stmt, w: &'a With, pos: usize) -> Res {
        let Some(item) = w.items.get(pos) else { return self.stmts(&w.body) };
        self.expr(&item.context_expr)?;
        self.push_fblock(FBlock::With(s.loc))?;
        self.opt(&item.optional_vars)?;
        if pos + 1 >= w.items.len() {
            self.stmts(&w.body)?;
        } else {
            self.with(s, w, pos + 1)?;
        }
        self.unset_loc();
        self.pop_fblock();
        self.set_loc(s.loc);
        Ok(())
    }

    fn async_with(&mut self, s: &'a Stmt, w: &'a With, pos: usize) -> Res {
        if self.unit_ref().scope != Scope::AsyncFunction {
            return Err(self.error("'async with' outside async function"));
        }
        let Some(item) = w.items.get(pos) else { return self.stmts(&w.body) };
        self.expr(&item.context_expr)?;
        self.push_fblock(FBlock::AsyncWith(s.loc))?;
        self.opt(&item.optional_vars)?;
        if pos + 1 >= w.items.len() {
            self.stmts(&w.body)?;
        } else {
            self.async_with(s, w, pos + 1)?;
        }
        self.pop_fblock();
        self.set_loc(s.loc);
        Ok(())
    }

    /// compile.c's `update_start_location_to_match_attr`: an attribute access
    /// spanning lines is located at its attribute name.
    fn locate_attr(&mut self, e: &Expr, attr: &str) {
        let end_lineno = e.loc.end_lineno as i64;
        let end_col = e.loc.end_col_offset as i64;
        let loc = &mut self.unit().loc;
        if loc.lineno != end_lineno {
            loc.lineno = end_lineno;
            let len = attr.chars().count() as i64;
            if len <= end_col {
                loc.col = end_col - len;
            } else {
                loc.col = -1;
                loc.end_col = -1;
            }
            loc.end_lineno = loc.end_lineno.max(loc.lineno);
            if loc.lineno == loc.end_lineno {
                loc.end_col = loc.end_col.max(loc.col);
            }
        }
    }

    fn augassign(&mut self, target: &'a Expr, value: &'a Expr) -> Res {
        let saved = self.unit_ref().loc;
        self.set_loc(target.loc);
        match &target.kind {
            ExprKind::Attribute { value: obj, attr, .. } => {
                self.expr(obj)?;
                self.locate_attr(target, attr);
            }
            ExprKind::Subscript { value: obj, slice, .. } => {
                self.expr(obj)?;
                self.expr(slice)?;
            }
            ExprKind::Name { id, .. } => self.nameop(id, ExprContext::Load)?,
            _ => {}
        }
        self.unit().loc = saved;
        self.expr(value)?;
        self.set_loc(target.loc);
        match &target.kind {
            ExprKind::Attribute { attr, .. } => self.locate_attr(target, attr),
            ExprKind::Name { id, .. } => self.nameop(id, ExprContext::Store)?,
            _ => {}
        }
        Ok(())
    }

    fn annotations_evaluated(&self) -> bool {
        !self.features.annotations && matches!(self.unit_ref().scope, Scope::Module | Scope::Class)
    }

    fn ann_subscr(&mut self, e: &'a Expr) -> Res {
        match &e.kind {
            ExprKind::Slice { lower, upper, step } => {
                self.opt(lower)?;
                self.opt(upper)?;
                self.opt(step)
            }
            ExprKind::Tuple { elts, .. } => {
                for elt in elts {
                    self.ann_subscr(elt)?;
                }
                Ok(())
            }
            _ => self.expr(e),
        }
    }

    fn annassign(&mut self, target: &'a Expr, annotation: &'a Expr, value: &'a Option<Box<Expr>>, simple: bool) -> Res {
        if let Some(v) = value {
            self.expr(v)?;
            self.expr(target)?;
        }
        match &target.kind {
            ExprKind::Name { id, .. } => {
                self.forbidden_name(id, ExprContext::Store)?;
                if simple && self.annotations_evaluated() {
                    self.expr(annotation)?;
                }
            }
            ExprKind::Attribute { value: obj, attr, .. } => {
                self.forbidden_name(attr, ExprContext::Store)?;
                if value.is_none() {
                    self.expr(obj)?;
                }
            }
            ExprKind::Subscript { value: obj, slice, .. } => {
                if value.is_none() {
                    self.expr(obj)?;
                    self.ann_subscr(slice)?;
                }
            }
            _ => {}
        }
        if !simple && self.annotations_evaluated() {
            self.expr(annotation)?;
        }
        Ok(())
    }

    /// compile.c's `compiler_jump_if`: conditions are compiled through their
    /// `not`/`and`/`or`/`if-else` structure, and chained comparisons set the
    /// location without restoring it.
    fn jump_if(&mut self, e: &'a Expr) -> Res {
        match &e.kind {
            ExprKind::UnaryOp { op: UnaryOp::Not, operand } => self.jump_if(operand),
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.jump_if(v)?;
                }
                Ok(())
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.jump_if(test)?;
                self.jump_if(body)?;
                self.jump_if(orelse)
            }
            ExprKind::Compare { left, ops, comparators } if ops.len() > 1 => {
                self.set_loc(e.loc);
                self.check_compare(left, ops, comparators);
                self.expr(left)?;
                self.exprs(comparators)
            }
            _ => self.expr(e),
        }
    }

    /// "is" with a literal: one warning per comparison chain at most.
    fn check_compare(&mut self, left: &Expr, ops: &[CmpOp], comparators: &[Expr]) {
        let ok = |e: &Expr| constant_of(e).map_or(true, consts::is_named_singleton);
        let mut left_ok = ok(left);
        for (op, right) in ops.iter().zip(comparators) {
            let right_ok = ok(right);
            if matches!(op, CmpOp::Is | CmpOp::IsNot) && (!left_ok || !right_ok) {
                let msg = if *op == CmpOp::Is {
                    "\"is\" with a literal. Did you mean \"==\"?"
                } else {
                    "\"is not\" with a literal. Did you mean \"!=\"?"
                };
                self.warn(msg.into());
                return;
            }
            left_ok = right_ok;
        }
    }

    fn check_caller(&mut self, func: &Expr) {
        match func.kind {
            ExprKind::Constant { .. }
            | ExprKind::Tuple { .. }
            | ExprKind::List { .. }
            | ExprKind::ListComp { .. }
            | ExprKind::Dict { .. }
            | ExprKind::DictComp { .. }
            | ExprKind::Set { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::GeneratorExp { .. }
            | ExprKind::JoinedStr { .. }
            | ExprKind::FormattedValue { .. } => {
                let ty = infer_type(func).unwrap_or("object");
                self.warn(format!("'{}' object is not callable; perhaps you missed a comma?", ty));
            }
            _ => {}
        }
    }

    fn check_subscripter(&mut self, value: &Expr) {
        let warn = match &value.kind {
            ExprKind::Constant { value: c, .. } => {
                matches!(c, Constant::None | Constant::Ellipsis | Constant::Float(_) | Constant::Complex { .. } | Constant::FrozenSet(_))
                    || consts::is_int_like(c)
            }
            ExprKind::Set { .. } | ExprKind::SetComp { .. } | ExprKind::GeneratorExp { .. } | ExprKind::Lambda { .. } => true,
            _ => false,
        };
        if warn {
            let ty = infer_type(value).unwrap_or("object");
            self.warn(format!("'{}' object is not subscriptable; perhaps you missed a comma?", ty));
        }
    }

    fn check_index(&mut self, value: &Expr, slice: &Expr) {
        let Some(index_type) = infer_type(slice) else { return };
        if index_type == "int" || index_type == "bool" {
            return;
        }
        let warn = match &value.kind {
            ExprKind::Constant { value: c, .. } => matches!(c, Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_)),
            ExprKind::Tuple { .. } | ExprKind::List { .. } | ExprKind::ListComp { .. } | ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => true,
            _ => false,
        };
        if warn {
            let ty = infer_type(value).unwrap_or("object");
            self.warn(format!("{} indices must be integers or slices, not {}; perhaps you missed a comma?", ty, index_type));
        }
    }

    /// Sequence items, where `*x` stands for the iterable `x`.
    fn unpacked_items(&mut self, elts: &'a [Expr]) -> Res {
        for elt in elts {
            match &elt.kind {
                ExprKind::Starred { value, .. } => self.expr(value)?,
                _ => self.expr(elt)?,
            }
        }
        Ok(())
    }

    fn validate_keywords(&mut self, keywords: &[Keyword]) -> Res {
        for (i, kw) in keywords.iter().enumerate() {
            let Some(name) = &kw.arg else { continue };
            self.forbidden_name(name, ExprContext::Store)?;
            if let Some(other) = keywords[i + 1..].iter().find(|o| o.arg.as_deref() == Some(name)) {
                self.set_loc(other.loc);
                return Err(self.error(format!("keyword argument repeated: {}", name)));
            }
        }
        Ok(())
    }

    fn call_helper(&mut self, args: &'a [Expr], keywords: &'a [Keyword]) -> Res {
        self.validate_keywords(keywords)?;
        self.unpacked_items(args)?;
        for kw in keywords {
            self.expr(&kw.value)?;
        }
        Ok(())
    }

    fn expr(&mut self, e: &'a Expr) -> Res {
        let saved = self.unit_ref().loc;
        self.set_loc(e.loc);
        self.expr_inner(e)?;
        self.unit().loc = saved;
        Ok(())
    }

    fn expr_inner(&mut self, e: &'a Expr) -> Res {
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.expr(target)
            }
            ExprKind::BoolOp { values, .. } => self.exprs(values),
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::Lambda { args, body } => {
                self.check_debug_args(args)?;
                self.default_arguments(args)?;
                self.enter_scope(Scope::Lambda, expr_key(e), e.loc.lineno);
                self.expr(body)?;
                self.exit_scope();
                Ok(())
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.jump_if(test)?;
                self.expr(body)?;
                self.expr(orelse)
            }
            ExprKind::Dict { keys, values } => {
                for (key, value) in keys.iter().zip(values) {
                    if let Some(k) = key {
                        self.expr(k)?;
                    }
                    self.expr(value)?;
                }
                Ok(())
            }
            ExprKind::Set { elts } => self.unpacked_items(elts),
            ExprKind::ListComp { elt, generators } => self.comprehension(e, generators, elt, None, false),
            ExprKind::SetComp { elt, generators } => self.comprehension(e, generators, elt, None, false),
            ExprKind::DictComp { key, value, generators } => self.comprehension(e, generators, key, Some(value), false),
            ExprKind::GeneratorExp { elt, generators } => self.comprehension(e, generators, elt, None, true),
            ExprKind::Yield { value } => {
                if self.unit_ref().kind != BlockType::Function {
                    return Err(self.error("'yield' outside function"));
                }
                self.opt(value)
            }
            ExprKind::YieldFrom { value } => {
                if self.unit_ref().kind != BlockType::Function {
                    return Err(self.error("'yield' outside function"));
                }
                if self.unit_ref().scope == Scope::AsyncFunction {
                    return Err(self.error("'yield from' inside async function"));
                }
                self.expr(value)
            }
            ExprKind::Await { value } => {
                if self.unit_ref().kind != BlockType::Function {
                    return Err(self.error("'await' outside function"));
                }
                if !matches!(self.unit_ref().scope, Scope::AsyncFunction | Scope::Comprehension) {
                    return Err(self.error("'await' outside async function"));
                }
                self.expr(value)
            }
            ExprKind::Compare { left, ops, comparators } => {
                self.check_compare(left, ops, comparators);
                self.expr(left)?;
                self.exprs(comparators)
            }
            ExprKind::Call { func, args, keywords } => {
                self.validate_keywords(keywords)?;
                self.check_caller(func);
                self.expr(func)?;
                self.call_helper(args, keywords)
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.expr(value)?;
                self.opt(format_spec)
            }
            ExprKind::JoinedStr { values } => self.exprs(values),
            ExprKind::Constant { .. } => Ok(()),
            ExprKind::Attribute { value, attr, ctx } => {
                self.expr(value)?;
                self.locate_attr(e, attr);
                if *ctx == ExprContext::Store {
                    self.forbidden_name(attr, ExprContext::Store)?;
                }
                Ok(())
            }
            ExprKind::Subscript { value, slice, ctx } => {
                if *ctx == ExprContext::Load {
                    self.check_subscripter(value);
                    self.check_index(value, slice);
                }
                self.expr(value)?;
                self.expr(slice)
            }
            ExprKind::Starred { ctx, .. } => {
                if *ctx == ExprContext::Store {
                    Err(self.error("starred assignment target must be in a list or tuple"))
                } else {
                    Err(self.error("can't use starred expression here"))
                }
            }
            ExprKind::Slice { lower, upper, step } => {
                self.opt(lower)?;
                self.opt(upper)?;
                self.opt(step)
            }
            ExprKind::Name { id, ctx } => self.nameop(id, *ctx),
            ExprKind::List { elts, ctx } | ExprKind::Tuple { elts, ctx } => match ctx {
                ExprContext::Store => {
                    let mut seen_star = false;
                    for (i, elt) in elts.iter().enumerate() {
                        if matches!(elt.kind, ExprKind::Starred { .. }) {
                            if seen_star {
                                return Err(self.error("multiple starred expressions in assignment"));
                            }
                            if i >= 1 << 8 {
                                return Err(self.error("too many expressions in star-unpacking assignment"));
                            }
                            seen_star = true;
                        }
                    }
                    self.unpacked_items(elts)
                }
                ExprContext::Load => self.unpacked_items(elts),
                ExprContext::Del => self.exprs(elts),
            },
        }
    }

    fn comprehension(&mut self, e: &'a Expr, generators: &'a [crate::ast::Comprehension], elt: &'a Expr, value: Option<&'a Expr>, is_genexp: bool) -> Res {
        let Some(outermost) = generators.first() else { return Ok(()) };
        let outer_scope = self.unit_ref().scope;
        self.enter_scope(Scope::Comprehension, expr_key(e), e.loc.lineno);
        self.set_loc(e.loc);
        if self.unit_ref().coroutine && !is_genexp && !matches!(outer_scope, Scope::AsyncFunction | Scope::Comprehension) {
            return Err(self.error("asynchronous comprehension outside of an asynchronous function"));
        }
        self.comprehension_generator(generators, 0, elt, value)?;
        self.exit_scope();
        self.expr(&outermost.iter)
    }

    fn comprehension_generator(&mut self, generators: &'a [crate::ast::Comprehension], index: usize, elt: &'a Expr, value: Option<&'a Expr>) -> Res {
        let Some(gen) = generators.get(index) else { return Ok(()) };
        if index > 0 {
            // `for y in [f(x)]` evaluates the lone item, not the list.
            let lone = match &gen.iter.kind {
                ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } if elts.len() == 1 && !gen.is_async => {
                    elts.first().filter(|x| !matches!(x.kind, ExprKind::Starred { .. }))
                }
                _ => None,
            };
            self.expr(lone.unwrap_or(&gen.iter))?;
        }
        if gen.is_async {
            self.push_fblock(FBlock::AsyncComprehensionGenerator)?;
        }
        self.expr(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond)?;
        }
        if index + 1 < generators.len() {
            self.comprehension_generator(generators, index + 1, elt, value)?;
        } else {
            self.expr(elt)?;
            if let Some(v) = value {
                self.expr(v)?;
            }
        }
        if gen.is_async {
            self.pop_fblock();
        }
        Ok(())
    }

    fn match_stmt(&mut self, subject: &'a Expr, cases: &'a [MatchCase]) -> Res {
        self.expr(subject)?;
        let n = cases.len();
        let has_default = n > 1 && cases.last().is_some_and(|m| is_wildcard(&m.pattern));
        let compiled = if has_default { n - 1 } else { n };
        for (i, m) in cases.iter().enumerate().take(compiled) {
            self.set_loc(m.pattern.loc);
            let mut pc = PatternCtx { stores: Vec::new(), allow_irrefutable: m.guard.is_some() || i + 1 == n };
            self.pattern(&m.pattern, &mut pc)?;
            for name in &pc.stores {
                self.nameop(name, ExprContext::Store)?;
            }
            if let Some(guard) = &m.guard {
                self.jump_if(guard)?;
            }
            self.stmts(&m.body)?;
            self.set_loc(m.pattern.loc);
        }
        if has_default {
            if let Some(m) = cases.last() {
                self.set_loc(m.pattern.loc);
                if let Some(guard) = &m.guard {
                    self.jump_if(guard)?;
                }
                self.stmts(&m.body)?;
            }
        }
        Ok(())
    }

    fn store_name(&self, name: &Option<Ident>, pc: &mut PatternCtx) -> Res {
        let Some(name) = name else { return Ok(()) };
        self.forbidden_name(name, ExprContext::Store)?;
        if pc.stores.contains(name) {
            return Err(self.error(format!("multiple assignments to name {} in pattern", name_repr(name))));
        }
        pc.stores.push(name.clone());
        Ok(())
    }

    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> Res {
        let saved = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = saved;
        Ok(())
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> Res {
        self.set_loc(p.loc);
        match &p.kind {
            PatternKind::MatchValue { value } => {
                if !matches!(value.kind, ExprKind::Constant { .. } | ExprKind::Attribute { .. }) {
                    return Err(self.error("patterns may only match literals and attribute lookups"));
                }
                self.expr(value)
            }
            PatternKind::MatchSingleton { .. } => Ok(()),
            PatternKind::MatchSequence { patterns } => {
                let mut star = None;
                let mut only_wildcard = true;
                let mut star_wildcard = false;
                for (i, sub) in patterns.iter().enumerate() {
                    if let PatternKind::MatchStar { name } = &sub.kind {
                        if star.is_some() {
                            return Err(self.error("multiple starred names in sequence pattern"));
                        }
                        star_wildcard = name.is_none();
                        only_wildcard &= star_wildcard;
                        star = Some(i);
                        continue;
                    }
                    only_wildcard &= is_wildcard(sub);
                }
                if only_wildcard {
                    return Ok(());
                }
                if star_wildcard {
                    for (i, sub) in patterns.iter().enumerate() {
                        if is_wildcard(sub) || Some(i) == star {
                            continue;
                        }
                        self.subpattern(sub, pc)?;
                    }
                    return Ok(());
                }
                if let Some(i) = star {
                    if i >= 1 << 8 {
                        return Err(self.error("too many expressions in star-unpacking sequence pattern"));
                    }
                }
                for sub in patterns {
                    self.subpattern(sub, pc)?;
                }
                Ok(())
            }
            PatternKind::MatchMapping { keys, patterns, rest } => {
                if keys.is_empty() && rest.is_none() {
                    return Ok(());
                }
                let mut seen: Vec<&Constant> = Vec::new();
                for key in keys {
                    match &key.kind {
                        ExprKind::Constant { value, .. } => {
                            if seen.iter().any(|s| consts::py_eq(s, value)) {
                                return Err(self.error(format!("mapping pattern checks duplicate key ({})", consts::repr(value))));
                            }
                            seen.push(value);
                        }
                        ExprKind::Attribute { .. } => {}
                        _ => return Err(self.error("mapping pattern keys may only match literals and attribute lookups")),
                    }
                    self.expr(key)?;
                }
                for sub in patterns {
                    self.subpattern(sub, pc)?;
                }
                self.store_name(rest, pc)
            }
            PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => {
                if !kwd_attrs.is_empty() {
                    for (i, attr) in kwd_attrs.iter().enumerate() {
                        if let Some(sub) = kwd_patterns.get(i) {
                            self.set_loc(sub.loc);
                        }
                        self.forbidden_name(attr, ExprContext::Store)?;
                        if let Some(j) = kwd_attrs[i + 1..].iter().position(|o| o == attr) {
                            if let Some(sub) = kwd_patterns.get(i + 1 + j) {
                                self.set_loc(sub.loc);
                            }
                            return Err(self.error(format!("attribute name repeated in class pattern: {}", attr)));
                        }
                    }
                    self.set_loc(p.loc);
                }
                self.expr(cls)?;
                for sub in patterns.iter().chain(kwd_patterns) {
                    if !is_wildcard(sub) {
                        self.subpattern(sub, pc)?;
                    }
                }
                Ok(())
            }
            PatternKind::MatchStar { name } => self.store_name(name, pc),
            PatternKind::MatchAs { pattern: None, name } => {
                if !pc.allow_irrefutable {
                    return Err(match name {
                        Some(n) => self.error(format!("name capture {} makes remaining patterns unreachable", name_repr(n))),
                        None => self.error("wildcard makes remaining patterns unreachable"),
                    });
                }
                self.store_name(name, pc)
            }
            PatternKind::MatchAs { pattern: Some(sub), name } => {
                self.pattern(sub, pc)?;
                self.store_name(name, pc)
            }
            PatternKind::MatchOr { patterns } => {
                let old_stores = std::mem::take(&mut pc.stores);
                let old_allow = pc.allow_irrefutable;
                let mut control: Option<Vec<String>> = None;
                for (i, alt) in patterns.iter().enumerate() {
                    self.set_loc(alt.loc);
                    pc.stores = Vec::new();
                    pc.allow_irrefutable = i + 1 == patterns.len() && old_allow;
                    self.pattern(alt, pc)?;
                    match &control {
                        None => control = Some(pc.stores.clone()),
                        Some(ctl) => {
                            if ctl.len() != pc.stores.len() || ctl.iter().any(|n| !pc.stores.contains(n)) {
                                return Err(self.error("alternative patterns bind different names"));
                            }
                        }
                    }
                }
                pc.stores = old_stores;
                pc.allow_irrefutable = old_allow;
                for name in control.unwrap_or_default() {
                    if pc.stores.contains(&name) {
                        return Err(self.error(format!("multiple assignments to name {} in pattern", name_repr(&name))));
                    }
                    pc.stores.push(name);
                }
                Ok(())
            }
        }
    }
}
