//! Scopes of names (`Python/symtable.c`): a first pass records how each block
//! uses each name and rejects misplaced global/nonlocal statements, duplicate
//! parameters and assignment expressions where comprehensions forbid them; a
//! second pass resolves `nonlocal` names against the enclosing functions.
//!
//! The compiler only needs each block's kind and whether it is a generator or
//! a coroutine, which [`SymTable::block_of`] gives by AST node.

use super::{error_at, recursion_error, Features, Pos, SourceLines, MAX_DEPTH};
use crate::ast::*;
use crate::error::SyntaxError;
use std::collections::{HashMap, HashSet};

const DEF_GLOBAL: u32 = 1;
const DEF_LOCAL: u32 = 2;
const DEF_PARAM: u32 = 4;
const DEF_NONLOCAL: u32 = 8;
const USE: u32 = 16;
const DEF_IMPORT: u32 = 128;
const DEF_ANNOT: u32 = 256;
const DEF_COMP_ITER: u32 = 512;
const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BlockType {
    Module,
    Class,
    Function,
    /// Only under `from __future__ import annotations`; never analyzed.
    Annotation,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Comprehension {
    No,
    List,
    Set,
    Dict,
    Generator,
}

#[derive(Debug)]
pub(crate) struct Block {
    pub kind: BlockType,
    pub coroutine: bool,
    pub generator: bool,
    pub comprehension: Comprehension,
    comp_iter_target: bool,
    comp_iter_expr: u32,
    /// Names in order of first use, with their DEF_* flags.
    symbols: Vec<(String, u32)>,
    index: HashMap<String, usize>,
    /// global/nonlocal statements (and their stand-ins for assignment
    /// expressions in comprehensions), for locating analysis errors.
    directives: Vec<(String, Pos)>,
    children: Vec<usize>,
}

impl Block {
    fn new(kind: BlockType, comp_iter_expr: u32) -> Block {
        Block {
            kind,
            coroutine: false,
            generator: false,
            comprehension: Comprehension::No,
            comp_iter_target: false,
            comp_iter_expr,
            symbols: Vec::new(),
            index: HashMap::new(),
            directives: Vec::new(),
            children: Vec::new(),
        }
    }

    fn flags(&self, name: &str) -> u32 {
        self.index.get(name).map(|&i| self.symbols[i].1).unwrap_or(0)
    }

    fn set_flags(&mut self, name: &str, flags: u32) {
        match self.index.get(name) {
            Some(&i) => self.symbols[i].1 = flags,
            None => {
                self.index.insert(name.to_string(), self.symbols.len());
                self.symbols.push((name.to_string(), flags));
            }
        }
    }
}

pub(crate) struct SymTable {
    blocks: Vec<Block>,
    by_node: HashMap<usize, usize>,
}

impl SymTable {
    /// The block of a function, lambda, class or comprehension node (keyed by
    /// the node's address), or of the module for key 0.
    pub fn block_of(&self, key: usize) -> Option<&Block> {
        self.by_node.get(&key).and_then(|&i| self.blocks.get(i))
    }

    /// The module's block.
    pub fn top(&self) -> &Block {
        // Invariant: `build` always creates the module block first.
        &self.blocks[0]
    }
}

pub(crate) fn stmt_key(s: &Stmt) -> usize {
    s as *const Stmt as usize
}

pub(crate) fn expr_key(e: &Expr) -> usize {
    e as *const Expr as usize
}

/// `_Py_Mangle`: `__name` inside class `C` is `_C__name`.
pub(crate) fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else { return name.to_string() };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{}{}", stripped, name)
}

pub(crate) fn build(module: &Mod, features: &Features, lines: &SourceLines) -> Result<SymTable, SyntaxError> {
    let mut b = Builder {
        table: SymTable { blocks: Vec::new(), by_node: HashMap::new() },
        stack: Vec::new(),
        private: None,
        depth: 0,
        future_annotations: features.annotations,
        lines,
    };
    b.enter_block(BlockType::Module, Some(0));
    match module {
        Mod::Module { body, .. } | Mod::Interactive { body } => {
            for s in body {
                b.visit_stmt(s)?;
            }
        }
        Mod::Expression { body } => b.visit_expr(body)?,
        Mod::FunctionType { .. } => {}
    }
    b.exit_block();
    b.analyze(0, None)?;
    Ok(b.table)
}

struct Builder<'a> {
    table: SymTable,
    /// Indices of the blocks being visited, innermost last.
    stack: Vec<usize>,
    /// The class whose name mangles `__names`.
    private: Option<String>,
    depth: usize,
    future_annotations: bool,
    lines: &'a SourceLines<'a>,
}

type Res = Result<(), SyntaxError>;

impl Builder<'_> {
    fn err(&self, msg: String, loc: Loc) -> SyntaxError {
        error_at(self.lines, msg, Pos::of(loc))
    }

    fn cur(&self) -> usize {
        // Invariant: the module block stays on the stack during the visit.
        self.stack.last().copied().unwrap_or(0)
    }

    fn cur_block(&mut self) -> &mut Block {
        let i = self.cur();
        &mut self.table.blocks[i]
    }

    fn enter_block(&mut self, kind: BlockType, key: Option<usize>) {
        let prev = self.stack.last().copied();
        let inherited = prev.map(|p| self.table.blocks[p].comp_iter_expr).unwrap_or(0);
        let index = self.table.blocks.len();
        self.table.blocks.push(Block::new(kind, inherited));
        self.stack.push(index);
        if kind == BlockType::Annotation {
            return;
        }
        if let Some(key) = key {
            self.table.by_node.insert(key, index);
        }
        if let Some(p) = prev {
            self.table.blocks[p].children.push(index);
        }
    }

    fn exit_block(&mut self) {
        self.stack.pop();
    }

    fn mangled(&self, name: &str) -> String {
        mangle(self.private.as_deref(), name)
    }

    fn lookup(&self, name: &str) -> u32 {
        self.table.blocks[self.cur()].flags(&self.mangled(name))
    }

    fn add_def(&mut self, name: &str, flag: u32, loc: Loc) -> Res {
        let cur = self.cur();
        self.add_def_in(cur, name, flag, loc)
    }

    fn add_def_in(&mut self, block: usize, name: &str, flag: u32, loc: Loc) -> Res {
        let mangled = self.mangled(name);
        let ste = &self.table.blocks[block];
        let old = ste.index.get(&mangled).map(|&i| ste.symbols[i].1);
        let mut val = match old {
            Some(old) => {
                if flag & DEF_PARAM != 0 && old & DEF_PARAM != 0 {
                    return Err(self.err(format!("duplicate argument '{}' in function definition", name), loc));
                }
                old | flag
            }
            None => flag,
        };
        if ste.comp_iter_target {
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                let msg = format!("comprehension inner loop cannot rebind assignment expression target '{}'", name);
                return Err(self.err(msg, loc));
            }
            val |= DEF_COMP_ITER;
        }
        self.table.blocks[block].set_flags(&mangled, val);
        if flag & DEF_PARAM == 0 && flag & DEF_GLOBAL != 0 {
            let module = &mut self.table.blocks[0];
            let merged = flag | module.flags(&mangled);
            module.set_flags(&mangled, merged);
        }
        Ok(())
    }

    fn record_directive(&mut self, name: &str, loc: Loc) {
        let mangled = self.mangled(name);
        self.cur_block().directives.push((mangled, Pos::of(loc)));
    }

    fn enter_depth(&mut self) -> Res {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(recursion_error());
        }
        Ok(())
    }

    fn visit_stmts(&mut self, body: &[Stmt]) -> Res {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn visit_exprs(&mut self, exprs: &[Expr]) -> Res {
        for e in exprs {
            self.visit_expr(e)?;
        }
        Ok(())
    }

    fn visit_opt(&mut self, e: &Option<Box<Expr>>) -> Res {
        match e {
            Some(e) => self.visit_expr(e),
            None => Ok(()),
        }
    }

    fn visit_function(&mut self, s: &Stmt, f: &FunctionDef, is_async: bool) -> Res {
        self.add_def(&f.name, DEF_LOCAL, s.loc)?;
        self.visit_exprs(&f.args.defaults)?;
        for d in f.args.kw_defaults.iter().flatten() {
            self.visit_expr(d)?;
        }
        self.visit_annotations(&f.args, &f.returns)?;
        self.visit_exprs(&f.decorator_list)?;
        self.enter_block(BlockType::Function, Some(stmt_key(s)));
        if is_async {
            self.cur_block().coroutine = true;
        }
        self.visit_arguments(&f.args)?;
        self.visit_stmts(&f.body)?;
        self.exit_block();
        Ok(())
    }

    fn visit_stmt(&mut self, s: &Stmt) -> Res {
        self.enter_depth()?;
        match &s.kind {
            StmtKind::FunctionDef(f) => self.visit_function(s, f, false)?,
            StmtKind::AsyncFunctionDef(f) => self.visit_function(s, f, true)?,
            StmtKind::ClassDef(c) => {
                self.add_def(&c.name, DEF_LOCAL, s.loc)?;
                self.visit_exprs(&c.bases)?;
                for k in &c.keywords {
                    self.visit_expr(&k.value)?;
                }
                self.visit_exprs(&c.decorator_list)?;
                self.enter_block(BlockType::Class, Some(stmt_key(s)));
                let saved = self.private.replace(c.name.clone());
                self.visit_stmts(&c.body)?;
                self.private = saved;
                self.exit_block();
            }
            StmtKind::Return { value } => {
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
            }
            StmtKind::Delete { targets } => self.visit_exprs(targets)?,
            StmtKind::Assign { targets, value, .. } => {
                self.visit_exprs(targets)?;
                self.visit_expr(value)?;
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                if let ExprKind::Name { id, .. } = &target.kind {
                    let cur = self.lookup(id);
                    let in_module = self.cur() == 0;
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && !in_module && *simple {
                        let what = if cur & DEF_GLOBAL != 0 { "global" } else { "nonlocal" };
                        return Err(self.err(format!("annotated name '{}' can't be {}", id, what), s.loc));
                    }
                    if *simple {
                        self.add_def(id, DEF_ANNOT | DEF_LOCAL, target.loc)?;
                    }
                    if value.is_some() {
                        self.add_def(id, DEF_LOCAL, target.loc)?;
                    }
                } else {
                    self.visit_expr(target)?;
                }
                self.visit_annotation(annotation)?;
                self.visit_opt(value)?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.visit_expr(target)?;
                self.visit_expr(value)?;
            }
            StmtKind::For(f) | StmtKind::AsyncFor(f) => {
                self.visit_expr(&f.target)?;
                self.visit_expr(&f.iter)?;
                self.visit_stmts(&f.body)?;
                self.visit_stmts(&f.orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_stmts(body)?;
                self.visit_stmts(orelse)?;
            }
            StmtKind::Match { subject, cases } => {
                self.visit_expr(subject)?;
                for case in cases {
                    self.visit_pattern(&case.pattern)?;
                    self.visit_opt(&case.guard)?;
                    self.visit_stmts(&case.body)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(exc) = exc {
                    self.visit_expr(exc)?;
                    self.visit_opt(cause)?;
                }
            }
            StmtKind::Try(t) | StmtKind::TryStar(t) => {
                self.visit_stmts(&t.body)?;
                self.visit_stmts(&t.orelse)?;
                for h in &t.handlers {
                    self.visit_opt(&h.type_)?;
                    if let Some(name) = &h.name {
                        self.add_def(name, DEF_LOCAL, h.loc)?;
                    }
                    self.visit_stmts(&h.body)?;
                }
                self.visit_stmts(&t.finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.visit_expr(test)?;
                self.visit_opt(msg)?;
            }
            StmtKind::Import { names } | StmtKind::ImportFrom { names, .. } => {
                for alias in names {
                    self.visit_alias(alias)?;
                }
            }
            StmtKind::Global { names } => self.visit_declaration(s, names, true)?,
            StmtKind::Nonlocal { names } => self.visit_declaration(s, names, false)?,
            StmtKind::Expr { value } => self.visit_expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::With(w) | StmtKind::AsyncWith(w) => {
                for item in &w.items {
                    self.visit_expr(&item.context_expr)?;
                    self.visit_opt(&item.optional_vars)?;
                }
                self.visit_stmts(&w.body)?;
            }
        }
        self.depth -= 1;
        Ok(())
    }

    fn visit_declaration(&mut self, s: &Stmt, names: &[Ident], global: bool) -> Res {
        let (kind, flag) = if global { ("global", DEF_GLOBAL) } else { ("nonlocal", DEF_NONLOCAL) };
        for name in names {
            let cur = self.lookup(name);
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                let msg = if cur & DEF_PARAM != 0 {
                    format!("name '{}' is parameter and {}", name, kind)
                } else if cur & USE != 0 {
                    format!("name '{}' is used prior to {} declaration", name, kind)
                } else if cur & DEF_ANNOT != 0 {
                    format!("annotated name '{}' can't be {}", name, kind)
                } else {
                    format!("name '{}' is assigned to before {} declaration", name, kind)
                };
                return Err(self.err(msg, s.loc));
            }
            self.add_def(name, flag, s.loc)?;
            self.record_directive(name, s.loc);
        }
        Ok(())
    }

    fn visit_alias(&mut self, a: &Alias) -> Res {
        let name = a.asname.as_deref().unwrap_or(&a.name);
        if name == "*" {
            if self.cur() != 0 {
                return Err(self.err("import * only allowed at module level".into(), a.loc));
            }
            return Ok(());
        }
        let store = name.split('.').next().unwrap_or(name);
        self.add_def(store, DEF_IMPORT, a.loc)
    }

    fn visit_annotation(&mut self, annotation: &Expr) -> Res {
        if self.future_annotations {
            self.enter_block(BlockType::Annotation, None);
        }
        self.visit_expr(annotation)?;
        if self.future_annotations {
            self.exit_block();
        }
        Ok(())
    }

    fn visit_annotations(&mut self, a: &Arguments, returns: &Option<Box<Expr>>) -> Res {
        if self.future_annotations {
            self.enter_block(BlockType::Annotation, None);
        }
        for arg in a.posonlyargs.iter().chain(&a.args).chain(a.vararg.as_deref()).chain(a.kwarg.as_deref()).chain(&a.kwonlyargs) {
            self.visit_opt(&arg.annotation)?;
        }
        if self.future_annotations {
            self.exit_block();
        }
        if let Some(r) = returns {
            self.visit_annotation(r)?;
        }
        Ok(())
    }

    fn visit_arguments(&mut self, a: &Arguments) -> Res {
        for arg in a.posonlyargs.iter().chain(&a.args).chain(&a.kwonlyargs).chain(a.vararg.as_deref()).chain(a.kwarg.as_deref()) {
            self.add_def(&arg.arg, DEF_PARAM, arg.loc)?;
        }
        Ok(())
    }

    fn raise_if_annotation(&self, what: &str, e: &Expr) -> Res {
        if self.table.blocks[self.cur()].kind == BlockType::Annotation {
            return Err(self.err(format!("'{}' can not be used within an annotation", what), e.loc));
        }
        Ok(())
    }

    fn visit_expr(&mut self, e: &Expr) -> Res {
        self.enter_depth()?;
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.raise_if_annotation("named expression", e)?;
                self.handle_namedexpr(e, target, value)?;
            }
            ExprKind::BoolOp { values, .. } => self.visit_exprs(values)?,
            ExprKind::BinOp { left, right, .. } => {
                self.visit_expr(left)?;
                self.visit_expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.visit_expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.visit_exprs(&args.defaults)?;
                for d in args.kw_defaults.iter().flatten() {
                    self.visit_expr(d)?;
                }
                self.enter_block(BlockType::Function, Some(expr_key(e)));
                self.visit_arguments(args)?;
                self.visit_expr(body)?;
                self.exit_block();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_expr(body)?;
                self.visit_expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.visit_expr(k)?;
                }
                self.visit_exprs(values)?;
            }
            ExprKind::Set { elts } => self.visit_exprs(elts)?,
            ExprKind::GeneratorExp { elt, generators } => self.visit_comprehension(e, Comprehension::Generator, generators, elt, None)?,
            ExprKind::ListComp { elt, generators } => self.visit_comprehension(e, Comprehension::List, generators, elt, None)?,
            ExprKind::SetComp { elt, generators } => self.visit_comprehension(e, Comprehension::Set, generators, elt, None)?,
            ExprKind::DictComp { key, value, generators } => self.visit_comprehension(e, Comprehension::Dict, generators, key, Some(value))?,
            ExprKind::Yield { value } => {
                self.raise_if_annotation("yield expression", e)?;
                self.visit_opt(value)?;
                self.yield_seen(e)?;
            }
            ExprKind::YieldFrom { value } => {
                self.raise_if_annotation("yield expression", e)?;
                self.visit_expr(value)?;
                self.yield_seen(e)?;
            }
            ExprKind::Await { value } => {
                self.raise_if_annotation("await expression", e)?;
                self.visit_expr(value)?;
                self.cur_block().coroutine = true;
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.visit_expr(left)?;
                self.visit_exprs(comparators)?;
            }
            ExprKind::Call { func, args, keywords } => {
                self.visit_expr(func)?;
                self.visit_exprs(args)?;
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.visit_expr(value)?;
                self.visit_opt(format_spec)?;
            }
            ExprKind::JoinedStr { values } => self.visit_exprs(values)?,
            ExprKind::Constant { .. } => {}
            ExprKind::Attribute { value, .. } | ExprKind::Starred { value, .. } => self.visit_expr(value)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
            }
            ExprKind::Slice { lower, upper, step } => {
                self.visit_opt(lower)?;
                self.visit_opt(upper)?;
                self.visit_opt(step)?;
            }
            ExprKind::Name { id, ctx } => {
                let flag = if *ctx == ExprContext::Load { USE } else { DEF_LOCAL };
                self.add_def(id, flag, e.loc)?;
                // `super` counts as a use of `__class__`.
                if *ctx == ExprContext::Load && id == "super" && self.table.blocks[self.cur()].kind == BlockType::Function {
                    self.add_def("__class__", USE, e.loc)?;
                }
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.visit_exprs(elts)?,
        }
        self.depth -= 1;
        Ok(())
    }

    fn yield_seen(&mut self, e: &Expr) -> Res {
        let block = self.cur_block();
        block.generator = true;
        let msg = match block.comprehension {
            Comprehension::No => return Ok(()),
            Comprehension::List => "'yield' inside list comprehension",
            Comprehension::Set => "'yield' inside set comprehension",
            Comprehension::Dict => "'yield' inside dict comprehension",
            Comprehension::Generator => "'yield' inside generator expression",
        };
        Err(self.err(msg.into(), e.loc))
    }

    fn handle_namedexpr(&mut self, e: &Expr, target: &Expr, value: &Expr) -> Res {
        if self.table.blocks[self.cur()].comp_iter_expr > 0 {
            return Err(self.err("assignment expression cannot be used in a comprehension iterable expression".into(), e.loc));
        }
        if self.table.blocks[self.cur()].comprehension != Comprehension::No {
            self.extend_namedexpr_scope(target)?;
        }
        self.visit_expr(value)?;
        self.visit_expr(target)
    }

    /// An assignment expression in a comprehension binds in the nearest
    /// enclosing function or module.
    fn extend_namedexpr_scope(&mut self, target: &Expr) -> Res {
        let ExprKind::Name { id: name, .. } = &target.kind else { return Ok(()) };
        for &index in self.stack.clone().iter().rev() {
            let ste = &self.table.blocks[index];
            if ste.comprehension != Comprehension::No {
                if ste.flags(name) & DEF_COMP_ITER != 0 {
                    let msg = format!("assignment expression cannot rebind comprehension iteration variable '{}'", name);
                    return Err(self.err(msg, target.loc));
                }
                continue;
            }
            match ste.kind {
                BlockType::Function => {
                    let flag = if ste.flags(name) & DEF_GLOBAL != 0 { DEF_GLOBAL } else { DEF_NONLOCAL };
                    self.add_def(name, flag, target.loc)?;
                    self.record_directive(name, target.loc);
                    return self.add_def_in(index, name, DEF_LOCAL, target.loc);
                }
                BlockType::Module => {
                    self.add_def(name, DEF_GLOBAL, target.loc)?;
                    self.record_directive(name, target.loc);
                    return self.add_def_in(index, name, DEF_GLOBAL, target.loc);
                }
                BlockType::Class => {
                    let msg = "assignment expression within a comprehension cannot be used in a class body";
                    return Err(self.err(msg.into(), target.loc));
                }
                BlockType::Annotation => {}
            }
        }
        Ok(())
    }

    fn visit_comprehension(&mut self, e: &Expr, kind: Comprehension, generators: &[crate::ast::Comprehension], elt: &Expr, value: Option<&Expr>) -> Res {
        let Some(outermost) = generators.first() else { return Ok(()) };
        // The outermost iterable is evaluated in the enclosing scope.
        self.cur_block().comp_iter_expr += 1;
        self.visit_expr(&outermost.iter)?;
        self.cur_block().comp_iter_expr -= 1;
        self.enter_block(BlockType::Function, Some(expr_key(e)));
        self.cur_block().comprehension = kind;
        if outermost.is_async {
            self.cur_block().coroutine = true;
        }
        self.add_def(".0", DEF_PARAM, e.loc)?;
        self.cur_block().comp_iter_target = true;
        self.visit_expr(&outermost.target)?;
        self.cur_block().comp_iter_target = false;
        self.visit_exprs(&outermost.ifs)?;
        for g in &generators[1..] {
            self.cur_block().comp_iter_target = true;
            self.visit_expr(&g.target)?;
            self.cur_block().comp_iter_target = false;
            self.cur_block().comp_iter_expr += 1;
            self.visit_expr(&g.iter)?;
            self.cur_block().comp_iter_expr -= 1;
            self.visit_exprs(&g.ifs)?;
            if g.is_async {
                self.cur_block().coroutine = true;
            }
        }
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.visit_expr(elt)?;
        let is_generator = kind == Comprehension::Generator;
        let block = self.cur_block();
        block.generator = is_generator;
        let is_async = block.coroutine && !is_generator;
        self.exit_block();
        if is_async {
            self.cur_block().coroutine = true;
        }
        Ok(())
    }

    fn visit_pattern(&mut self, p: &Pattern) -> Res {
        self.enter_depth()?;
        match &p.kind {
            PatternKind::MatchValue { value } => self.visit_expr(value)?,
            PatternKind::MatchSingleton { .. } => {}
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                for sub in patterns {
                    self.visit_pattern(sub)?;
                }
            }
            // CPython ignores failures of these definitions.
            PatternKind::MatchStar { name } => {
                if let Some(name) = name {
                    let _ = self.add_def(name, DEF_LOCAL, p.loc);
                }
            }
            PatternKind::MatchMapping { keys, patterns, rest } => {
                self.visit_exprs(keys)?;
                for sub in patterns {
                    self.visit_pattern(sub)?;
                }
                if let Some(rest) = rest {
                    let _ = self.add_def(rest, DEF_LOCAL, p.loc);
                }
            }
            PatternKind::MatchClass { cls, patterns, kwd_patterns, .. } => {
                self.visit_expr(cls)?;
                for sub in patterns.iter().chain(kwd_patterns) {
                    self.visit_pattern(sub)?;
                }
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(sub) = pattern {
                    self.visit_pattern(sub)?;
                }
                if let Some(name) = name {
                    let _ = self.add_def(name, DEF_LOCAL, p.loc);
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    fn directive_error(&self, block: usize, name: &str, msg: String) -> SyntaxError {
        let pos = self.table.blocks[block].directives.iter().find(|(n, _)| n == name).map(|(_, pos)| *pos).unwrap_or(Pos::UNSET);
        error_at(self.lines, msg, pos)
    }

    /// The second pass: which enclosing function binds each nonlocal name.
    /// `bound` holds the names bound in enclosing functions (None at module level).
    fn analyze(&self, block: usize, bound: Option<&HashSet<String>>) -> Res {
        let ste = &self.table.blocks[block];
        let is_class = ste.kind == BlockType::Class;
        let mut new_bound: HashSet<String> = if is_class { bound.cloned().unwrap_or_default() } else { HashSet::new() };
        let mut visible = bound.cloned();
        let mut local = HashSet::new();
        for (name, flags) in &ste.symbols {
            let flags = *flags;
            if flags & DEF_GLOBAL != 0 {
                if flags & DEF_NONLOCAL != 0 {
                    return Err(self.directive_error(block, name, format!("name '{}' is nonlocal and global", name)));
                }
                if let Some(v) = visible.as_mut() {
                    v.remove(name);
                }
            } else if flags & DEF_NONLOCAL != 0 {
                match &visible {
                    None => return Err(self.directive_error(block, name, "nonlocal declaration not allowed at module level".into())),
                    Some(v) if !v.contains(name) => {
                        return Err(self.directive_error(block, name, format!("no binding for nonlocal '{}' found", name)));
                    }
                    _ => {}
                }
            } else if flags & DEF_BOUND != 0 {
                local.insert(name.clone());
            }
        }
        if is_class {
            new_bound.insert("__class__".into());
        } else {
            if ste.kind == BlockType::Function {
                new_bound.extend(local);
            }
            if let Some(v) = visible {
                new_bound.extend(v);
            }
        }
        for &child in &ste.children {
            self.analyze(child, Some(&new_bound))?;
        }
        Ok(())
    }
}
