//! Scope analysis, as CPython 3.11's `Python/symtable.c` does it.
//!
//! Pass one walks the AST and records, per block (module, class, function,
//! lambda, comprehension), raw facts about each name: bound here, used here,
//! declared global or nonlocal, a parameter, imported. Pass two resolves every
//! name to a scope (local, global explicit/implicit, free, cell), propagating
//! free variables up through enclosing functions and turning the locals they
//! capture into cells. Classes do not make their names visible to nested
//! functions; a method using `__class__` or `super` makes the class create an
//! implicit `__class__` cell.
//!
//! The compiler looks blocks up by the address of the AST node that opens
//! them, so the tree must not move between [`build`] and code generation.

use crate::mangle;
use pyrite_syntax::ast::*;
use pyrite_syntax::{SyntaxError, SyntaxErrorKind};
use crate::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};

pub const DEF_GLOBAL: u32 = 1;
pub const DEF_LOCAL: u32 = 2;
pub const DEF_PARAM: u32 = 4;
pub const DEF_NONLOCAL: u32 = 8;
pub const USE: u32 = 16;
pub const DEF_FREE: u32 = 32;
pub const DEF_FREE_CLASS: u32 = 64;
pub const DEF_IMPORT: u32 = 128;
pub const DEF_ANNOT: u32 = 256;
pub const DEF_COMP_ITER: u32 = 512;
pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

const SCOPE_OFFSET: u32 = 11;
const SCOPE_MASK: u32 = DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL;

/// The resolved scope of a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameScope {
    /// Not in the block's symbol table at all (e.g. `__doc__` stored by the compiler).
    Unknown,
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

impl NameScope {
    fn code(self) -> u32 {
        match self {
            NameScope::Unknown => 0,
            NameScope::Local => 1,
            NameScope::GlobalExplicit => 2,
            NameScope::GlobalImplicit => 3,
            NameScope::Free => 4,
            NameScope::Cell => 5,
        }
    }

    fn from_code(code: u32) -> NameScope {
        match code {
            1 => NameScope::Local,
            2 => NameScope::GlobalExplicit,
            3 => NameScope::GlobalImplicit,
            4 => NameScope::Free,
            5 => NameScope::Cell,
            _ => NameScope::Unknown,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockType {
    Function,
    Class,
    Module,
    Annotation,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComprehensionKind {
    List,
    Dict,
    Set,
    Generator,
}

pub type ScopeId = usize;

/// An insertion-ordered name -> flags map (CPython's `ste_symbols` dict).
#[derive(Clone, Debug, Default)]
pub struct Symbols {
    order: Vec<(String, u32)>,
    index: HashMap<String, usize>,
}

impl Symbols {
    pub fn get(&self, name: &str) -> Option<u32> {
        self.index.get(name).map(|&i| self.order[i].1)
    }

    fn set(&mut self, name: &str, flags: u32) {
        match self.index.get(name) {
            Some(&i) => self.order[i].1 = flags,
            None => {
                self.index.insert(name.to_string(), self.order.len());
                self.order.push((name.to_string(), flags));
            }
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, u32)> {
        self.order.iter().map(|(n, f)| (n.as_str(), *f))
    }
}

/// One block's symbol table entry (`PySTEntryObject`).
#[derive(Clone, Debug)]
pub struct Scope {
    pub name: String,
    pub kind: BlockType,
    pub symbols: Symbols,
    /// Parameters in order (`ste_varnames`).
    pub varnames: Vec<String>,
    pub children: Vec<ScopeId>,
    /// `global`/`nonlocal` directives: mangled name and location, for errors.
    directives: Vec<(String, Loc)>,
    pub nested: bool,
    pub free: bool,
    pub child_free: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub comprehension: Option<ComprehensionKind>,
    pub varargs: bool,
    pub varkeywords: bool,
    pub returns_value: bool,
    pub needs_class_closure: bool,
    comp_iter_target: bool,
    comp_iter_expr: u32,
    pub loc: Loc,
}

impl Scope {
    pub fn symbol(&self, name: &str) -> u32 {
        self.symbols.get(name).unwrap_or(0)
    }

    pub fn scope_of(&self, name: &str) -> NameScope {
        NameScope::from_code((self.symbol(name) >> SCOPE_OFFSET) & SCOPE_MASK)
    }

    /// Names whose scope is `target` or whose flags include `flag`, sorted
    /// (CPython's `dictbytype`).
    pub fn names_by_scope(&self, target: NameScope, flag: u32) -> Vec<String> {
        let mut names: Vec<String> = self
            .symbols
            .iter()
            .filter(|(_, f)| NameScope::from_code((f >> SCOPE_OFFSET) & SCOPE_MASK) == target || f & flag != 0)
            .map(|(n, _)| n.to_string())
            .collect();
        names.sort();
        names
    }
}

pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    blocks: HashMap<usize, ScopeId>,
}

impl SymbolTable {
    pub const TOP: ScopeId = 0;

    /// The block opened by the node at `key` (see [`node_key_stmt`], [`node_key_expr`]).
    pub fn lookup(&self, key: usize) -> Option<ScopeId> {
        self.blocks.get(&key).copied()
    }
}

pub fn node_key_stmt(s: &Stmt) -> usize {
    s as *const Stmt as usize
}

pub fn node_key_expr(e: &Expr) -> usize {
    e as *const Expr as usize
}

/// CPython's compile-time recursion allowance: the recursion limit (1000)
/// times COMPILER_STACK_FRAME_SCALE (3).
pub const MAX_COMPILE_DEPTH: u32 = 3000;

pub(crate) fn recursion_error() -> SyntaxError {
    SyntaxError::unlocated(SyntaxErrorKind::RecursionError, "maximum recursion depth exceeded during compilation")
}

fn syntax_error(msg: String, loc: Loc) -> SyntaxError {
    SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg,
        lineno: loc.lineno,
        offset: loc.col_offset as i64 + 1,
        end_lineno: loc.end_lineno,
        end_offset: loc.end_col_offset as i64 + 1,
        text: None,
    }
}

type R<T = ()> = Result<T, SyntaxError>;

struct Builder {
    scopes: Vec<Scope>,
    blocks: HashMap<usize, ScopeId>,
    stack: Vec<ScopeId>,
    cur: ScopeId,
    private: Option<String>,
    future_annotations: bool,
    depth: u32,
}

/// Builds the symbol table of a module (pass one and pass two).
pub fn build(module: &Mod, future_annotations: bool) -> R<SymbolTable> {
    let mut b = Builder {
        scopes: Vec::new(),
        blocks: HashMap::default(),
        stack: Vec::new(),
        cur: 0,
        private: None,
        future_annotations,
        depth: 0,
    };
    b.enter_block("top", BlockType::Module, 0, Loc::default());
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
    let mut st = SymbolTable { scopes: b.scopes, blocks: b.blocks };
    analyze(&mut st)?;
    Ok(st)
}

impl Builder {
    fn cur(&mut self) -> &mut Scope {
        // Invariant: `cur` always indexes an entry pushed by `enter_block`.
        &mut self.scopes[self.cur]
    }

    fn enter_block(&mut self, name: &str, kind: BlockType, key: usize, loc: Loc) {
        let prev = self.stack.last().copied();
        let nested = match prev {
            Some(p) => self.scopes[p].nested || self.scopes[p].kind == BlockType::Function,
            None => false,
        };
        let comp_iter_expr = prev.map_or(0, |p| self.scopes[p].comp_iter_expr);
        let id = self.scopes.len();
        self.scopes.push(Scope {
            name: name.to_string(),
            kind,
            symbols: Symbols::default(),
            varnames: Vec::new(),
            children: Vec::new(),
            directives: Vec::new(),
            nested,
            free: false,
            child_free: false,
            generator: false,
            coroutine: false,
            comprehension: None,
            varargs: false,
            varkeywords: false,
            returns_value: false,
            needs_class_closure: false,
            comp_iter_target: false,
            comp_iter_expr,
            loc,
        });
        self.stack.push(id);
        self.cur = id;
        // Annotation blocks (future annotations) collect names that are never
        // analyzed: the annotations become strings.
        if kind == BlockType::Annotation {
            return;
        }
        self.blocks.insert(key, id);
        if let Some(p) = prev {
            self.scopes[p].children.push(id);
        }
    }

    fn exit_block(&mut self) {
        self.stack.pop();
        if let Some(&top) = self.stack.last() {
            self.cur = top;
        }
    }

    fn add_def_in(&mut self, scope: ScopeId, name: &str, flag: u32, loc: Loc) -> R {
        let mangled = mangle(self.private.as_deref(), name);
        let ste = &mut self.scopes[scope];
        let mut val = match ste.symbols.get(&mangled) {
            Some(old) => {
                if flag & DEF_PARAM != 0 && old & DEF_PARAM != 0 {
                    return Err(syntax_error(format!("duplicate argument '{}' in function definition", name), loc));
                }
                old | flag
            }
            None => flag,
        };
        if ste.comp_iter_target {
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(syntax_error(
                    format!("comprehension inner loop cannot rebind assignment expression target '{}'", name),
                    loc,
                ));
            }
            val |= DEF_COMP_ITER;
        }
        ste.symbols.set(&mangled, val);
        if flag & DEF_PARAM != 0 {
            ste.varnames.push(mangled.into_owned());
        } else if flag & DEF_GLOBAL != 0 {
            let top = &mut self.scopes[SymbolTable::TOP].symbols;
            let v = flag | top.get(&mangled).unwrap_or(0);
            top.set(&mangled, v);
        }
        Ok(())
    }

    fn add_def(&mut self, name: &str, flag: u32, loc: Loc) -> R {
        self.add_def_in(self.cur, name, flag, loc)
    }

    fn lookup(&self, name: &str) -> u32 {
        let mangled = mangle(self.private.as_deref(), name);
        self.scopes[self.cur].symbol(&mangled)
    }

    fn record_directive(&mut self, name: &str, loc: Loc) {
        let mangled = mangle(self.private.as_deref(), name).into_owned();
        self.cur().directives.push((mangled, loc));
    }

    fn enter(&mut self) -> R {
        self.depth += 1;
        if self.depth > MAX_COMPILE_DEPTH {
            return Err(recursion_error());
        }
        Ok(())
    }

    fn visit_stmts(&mut self, stmts: &[Stmt]) -> R {
        for s in stmts {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn visit_exprs(&mut self, exprs: &[Expr]) -> R {
        for e in exprs {
            self.visit_expr(e)?;
        }
        Ok(())
    }

    fn visit_stmt(&mut self, s: &Stmt) -> R {
        self.enter()?;
        self.visit_stmt_inner(s)?;
        self.depth -= 1;
        Ok(())
    }

    fn visit_function(&mut self, s: &Stmt, f: &FunctionDef, is_async: bool) -> R {
        self.add_def(&f.name, DEF_LOCAL, s.loc)?;
        self.visit_exprs(&f.args.defaults)?;
        for d in f.args.kw_defaults.iter().flatten() {
            self.visit_expr(d)?;
        }
        self.visit_annotations(s, &f.args, f.returns.as_deref())?;
        self.visit_exprs(&f.decorator_list)?;
        self.enter_block(&f.name, BlockType::Function, node_key_stmt(s), s.loc);
        if is_async {
            self.cur().coroutine = true;
        }
        self.visit_arguments(&f.args)?;
        self.visit_stmts(&f.body)?;
        self.exit_block();
        Ok(())
    }

    fn visit_stmt_inner(&mut self, s: &Stmt) -> R {
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
                self.enter_block(&c.name, BlockType::Class, node_key_stmt(s), s.loc);
                let saved = self.private.replace(c.name.clone());
                self.visit_stmts(&c.body)?;
                self.private = saved;
                self.exit_block();
            }
            StmtKind::Return { value } => {
                if let Some(v) = value {
                    self.visit_expr(v)?;
                    self.cur().returns_value = true;
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
                    let is_module = self.cur == SymbolTable::TOP;
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && !is_module && *simple {
                        let msg = if cur & DEF_GLOBAL != 0 {
                            format!("annotated name '{}' can't be global", id)
                        } else {
                            format!("annotated name '{}' can't be nonlocal", id)
                        };
                        return Err(syntax_error(msg, s.loc));
                    }
                    if *simple {
                        self.add_def(id, DEF_ANNOT | DEF_LOCAL, target.loc)?;
                    } else if value.is_some() {
                        self.add_def(id, DEF_LOCAL, target.loc)?;
                    }
                } else {
                    self.visit_expr(target)?;
                }
                self.visit_annotation(annotation)?;
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
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
                for m in cases {
                    self.visit_pattern(&m.pattern)?;
                    if let Some(g) = &m.guard {
                        self.visit_expr(g)?;
                    }
                    self.visit_stmts(&m.body)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.visit_expr(e)?;
                    if let Some(c) = cause {
                        self.visit_expr(c)?;
                    }
                }
            }
            StmtKind::Try(t) | StmtKind::TryStar(t) => {
                self.visit_stmts(&t.body)?;
                self.visit_stmts(&t.orelse)?;
                for h in &t.handlers {
                    if let Some(ty) = &h.type_ {
                        self.visit_expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n, DEF_LOCAL, h.loc)?;
                    }
                    self.visit_stmts(&h.body)?;
                }
                self.visit_stmts(&t.finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.visit_expr(test)?;
                if let Some(m) = msg {
                    self.visit_expr(m)?;
                }
            }
            StmtKind::Import { names } | StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    self.visit_alias(a)?;
                }
            }
            StmtKind::Global { names } => {
                for name in names {
                    let cur = self.lookup(name);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            "name '{}' is parameter and global"
                        } else if cur & USE != 0 {
                            "name '{}' is used prior to global declaration"
                        } else if cur & DEF_ANNOT != 0 {
                            "annotated name '{}' can't be global"
                        } else {
                            "name '{}' is assigned to before global declaration"
                        };
                        return Err(syntax_error(msg.replace("{}", name), s.loc));
                    }
                    self.add_def(name, DEF_GLOBAL, s.loc)?;
                    self.record_directive(name, s.loc);
                }
            }
            StmtKind::Nonlocal { names } => {
                for name in names {
                    let cur = self.lookup(name);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            "name '{}' is parameter and nonlocal"
                        } else if cur & USE != 0 {
                            "name '{}' is used prior to nonlocal declaration"
                        } else if cur & DEF_ANNOT != 0 {
                            "annotated name '{}' can't be nonlocal"
                        } else {
                            "name '{}' is assigned to before nonlocal declaration"
                        };
                        return Err(syntax_error(msg.replace("{}", name), s.loc));
                    }
                    self.add_def(name, DEF_NONLOCAL, s.loc)?;
                    self.record_directive(name, s.loc);
                }
            }
            StmtKind::Expr { value } => self.visit_expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::With(w) | StmtKind::AsyncWith(w) => {
                for item in &w.items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.visit_expr(v)?;
                    }
                }
                self.visit_stmts(&w.body)?;
            }
        }
        Ok(())
    }

    fn visit_alias(&mut self, a: &Alias) -> R {
        let name = a.asname.as_deref().unwrap_or(&a.name);
        if name == "*" {
            if self.scopes[self.cur].kind != BlockType::Module {
                return Err(syntax_error("import * only allowed at module level".into(), a.loc));
            }
            return Ok(());
        }
        let store = match name.find('.') {
            Some(dot) => &name[..dot],
            None => name,
        };
        let store = store.to_string();
        self.add_def(&store, DEF_IMPORT, a.loc)
    }

    fn visit_annotation(&mut self, annotation: &Expr) -> R {
        if self.future_annotations {
            self.enter_block("_annotation", BlockType::Annotation, node_key_expr(annotation), annotation.loc);
            self.visit_expr(annotation)?;
            self.exit_block();
            Ok(())
        } else {
            self.visit_expr(annotation)
        }
    }

    fn visit_annotations(&mut self, s: &Stmt, a: &Arguments, returns: Option<&Expr>) -> R {
        if self.future_annotations {
            self.enter_block("_annotation", BlockType::Annotation, node_key_stmt(s), s.loc);
        }
        for arg in a.posonlyargs.iter().chain(a.args.iter()) {
            if let Some(ann) = &arg.annotation {
                self.visit_expr(ann)?;
            }
        }
        if let Some(ann) = a.vararg.as_ref().and_then(|v| v.annotation.as_ref()) {
            self.visit_expr(ann)?;
        }
        if let Some(ann) = a.kwarg.as_ref().and_then(|v| v.annotation.as_ref()) {
            self.visit_expr(ann)?;
        }
        for arg in &a.kwonlyargs {
            if let Some(ann) = &arg.annotation {
                self.visit_expr(ann)?;
            }
        }
        if self.future_annotations {
            self.exit_block();
        }
        if let Some(r) = returns {
            self.visit_annotation(r)?;
        }
        Ok(())
    }

    fn visit_arguments(&mut self, a: &Arguments) -> R {
        for arg in a.posonlyargs.iter().chain(a.args.iter()).chain(a.kwonlyargs.iter()) {
            self.add_def(&arg.arg, DEF_PARAM, arg.loc)?;
        }
        if let Some(v) = &a.vararg {
            self.add_def(&v.arg, DEF_PARAM, v.loc)?;
            self.cur().varargs = true;
        }
        if let Some(k) = &a.kwarg {
            self.add_def(&k.arg, DEF_PARAM, k.loc)?;
            self.cur().varkeywords = true;
        }
        Ok(())
    }

    fn visit_expr(&mut self, e: &Expr) -> R {
        self.enter()?;
        self.visit_expr_inner(e)?;
        self.depth -= 1;
        Ok(())
    }

    fn raise_if_annotation_block(&self, what: &str, e: &Expr) -> R {
        if self.scopes[self.cur].kind == BlockType::Annotation {
            return Err(syntax_error(format!("'{}' can not be used within an annotation", what), e.loc));
        }
        Ok(())
    }

    fn raise_if_comprehension(&self, e: &Expr) -> R {
        let msg = match self.scopes[self.cur].comprehension {
            Some(ComprehensionKind::List) => "'yield' inside list comprehension",
            Some(ComprehensionKind::Set) => "'yield' inside set comprehension",
            Some(ComprehensionKind::Dict) => "'yield' inside dict comprehension",
            Some(ComprehensionKind::Generator) => "'yield' inside generator expression",
            None => return Ok(()),
        };
        Err(syntax_error(msg.into(), e.loc))
    }

    fn visit_expr_inner(&mut self, e: &Expr) -> R {
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.raise_if_annotation_block("named expression", e)?;
                if self.scopes[self.cur].comp_iter_expr > 0 {
                    return Err(syntax_error(
                        "assignment expression cannot be used in a comprehension iterable expression".into(),
                        e.loc,
                    ));
                }
                if self.scopes[self.cur].comprehension.is_some() {
                    self.extend_namedexpr_scope(target)?;
                }
                self.visit_expr(value)?;
                self.visit_expr(target)?;
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
                self.enter_block("lambda", BlockType::Function, node_key_expr(e), e.loc);
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
            ExprKind::GeneratorExp { elt, generators } => {
                self.handle_comprehension(e, "genexpr", generators, elt, None, ComprehensionKind::Generator)?
            }
            ExprKind::ListComp { elt, generators } => {
                self.handle_comprehension(e, "listcomp", generators, elt, None, ComprehensionKind::List)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.handle_comprehension(e, "setcomp", generators, elt, None, ComprehensionKind::Set)?
            }
            ExprKind::DictComp { key, value, generators } => {
                self.handle_comprehension(e, "dictcomp", generators, key, Some(value), ComprehensionKind::Dict)?
            }
            ExprKind::Yield { value } => {
                self.raise_if_annotation_block("yield expression", e)?;
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
                self.cur().generator = true;
                self.raise_if_comprehension(e)?;
            }
            ExprKind::YieldFrom { value } => {
                self.raise_if_annotation_block("yield expression", e)?;
                self.visit_expr(value)?;
                self.cur().generator = true;
                self.raise_if_comprehension(e)?;
            }
            ExprKind::Await { value } => {
                self.raise_if_annotation_block("await expression", e)?;
                self.visit_expr(value)?;
                self.cur().coroutine = true;
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
                if let Some(f) = format_spec {
                    self.visit_expr(f)?;
                }
            }
            ExprKind::JoinedStr { values } => self.visit_exprs(values)?,
            ExprKind::Constant { .. } => {}
            ExprKind::Attribute { value, .. } => self.visit_expr(value)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
            }
            ExprKind::Starred { value, .. } => self.visit_expr(value)?,
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.visit_expr(part)?;
                }
            }
            ExprKind::Name { id, ctx } => {
                let flag = if *ctx == ExprContext::Load { USE } else { DEF_LOCAL };
                self.add_def(id, flag, e.loc)?;
                if *ctx == ExprContext::Load && self.scopes[self.cur].kind == BlockType::Function && id == "super" {
                    self.add_def("__class__", USE, e.loc)?;
                }
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.visit_exprs(elts)?,
        }
        Ok(())
    }

    fn extend_namedexpr_scope(&mut self, target: &Expr) -> R {
        let ExprKind::Name { id: name, .. } = &target.kind else {
            return Ok(());
        };
        for i in (0..self.stack.len()).rev() {
            let sid = self.stack[i];
            let ste = &self.scopes[sid];
            if ste.comprehension.is_some() {
                if ste.symbol(name) & DEF_COMP_ITER != 0 {
                    return Err(syntax_error(
                        format!("assignment expression cannot rebind comprehension iteration variable '{}'", name),
                        target.loc,
                    ));
                }
                continue;
            }
            match ste.kind {
                BlockType::Function => {
                    let flag = if ste.symbol(name) & DEF_GLOBAL != 0 { DEF_GLOBAL } else { DEF_NONLOCAL };
                    self.add_def(name, flag, target.loc)?;
                    self.record_directive(name, target.loc);
                    return self.add_def_in(sid, name, DEF_LOCAL, target.loc);
                }
                BlockType::Module => {
                    self.add_def(name, DEF_GLOBAL, target.loc)?;
                    self.record_directive(name, target.loc);
                    return self.add_def_in(sid, name, DEF_GLOBAL, target.loc);
                }
                BlockType::Class => {
                    return Err(syntax_error(
                        "assignment expression within a comprehension cannot be used in a class body".into(),
                        target.loc,
                    ));
                }
                BlockType::Annotation => {}
            }
        }
        Ok(())
    }

    fn visit_comprehension(&mut self, c: &Comprehension) -> R {
        self.cur().comp_iter_target = true;
        self.visit_expr(&c.target)?;
        self.cur().comp_iter_target = false;
        self.cur().comp_iter_expr += 1;
        self.visit_expr(&c.iter)?;
        self.cur().comp_iter_expr -= 1;
        self.visit_exprs(&c.ifs)?;
        if c.is_async {
            self.cur().coroutine = true;
        }
        Ok(())
    }

    fn handle_comprehension(
        &mut self,
        e: &Expr,
        scope_name: &str,
        generators: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
        kind: ComprehensionKind,
    ) -> R {
        let Some(outermost) = generators.first() else {
            return Ok(());
        };
        let is_generator = kind == ComprehensionKind::Generator;
        self.cur().comp_iter_expr += 1;
        self.visit_expr(&outermost.iter)?;
        self.cur().comp_iter_expr -= 1;
        self.enter_block(scope_name, BlockType::Function, node_key_expr(e), e.loc);
        self.cur().comprehension = Some(kind);
        if outermost.is_async {
            self.cur().coroutine = true;
        }
        self.add_def(".0", DEF_PARAM, e.loc)?;
        self.cur().comp_iter_target = true;
        self.visit_expr(&outermost.target)?;
        self.cur().comp_iter_target = false;
        self.visit_exprs(&outermost.ifs)?;
        for g in &generators[1..] {
            self.visit_comprehension(g)?;
        }
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.visit_expr(elt)?;
        self.cur().generator = is_generator;
        let is_async = self.scopes[self.cur].coroutine && !is_generator;
        self.exit_block();
        if is_async {
            self.cur().coroutine = true;
        }
        Ok(())
    }

    fn visit_pattern(&mut self, p: &Pattern) -> R {
        self.enter()?;
        match &p.kind {
            PatternKind::MatchValue { value } => self.visit_expr(value)?,
            PatternKind::MatchSingleton { .. } => {}
            PatternKind::MatchSequence { patterns } => {
                for q in patterns {
                    self.visit_pattern(q)?;
                }
            }
            PatternKind::MatchStar { name } => {
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, p.loc)?;
                }
            }
            PatternKind::MatchMapping { keys, patterns, rest } => {
                self.visit_exprs(keys)?;
                for q in patterns {
                    self.visit_pattern(q)?;
                }
                if let Some(r) = rest {
                    self.add_def(r, DEF_LOCAL, p.loc)?;
                }
            }
            PatternKind::MatchClass { cls, patterns, kwd_patterns, .. } => {
                self.visit_expr(cls)?;
                for q in patterns.iter().chain(kwd_patterns.iter()) {
                    self.visit_pattern(q)?;
                }
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(q) = pattern {
                    self.visit_pattern(q)?;
                }
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, p.loc)?;
                }
            }
            PatternKind::MatchOr { patterns } => {
                for q in patterns {
                    self.visit_pattern(q)?;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Pass two: resolve scopes.

type NameSet = HashSet<String>;

fn directive_error(ste: &Scope, name: &str, msg: String) -> SyntaxError {
    let loc = ste.directives.iter().find(|(n, _)| n == name).map(|(_, l)| *l).unwrap_or(ste.loc);
    syntax_error(msg, loc)
}

#[allow(clippy::too_many_arguments)]
fn analyze_name(
    ste: &mut Scope,
    scopes: &mut HashMap<String, NameScope>,
    name: &str,
    flags: u32,
    bound: Option<&mut NameSet>,
    local: &mut NameSet,
    free: &mut NameSet,
    global: &mut NameSet,
) -> R {
    if flags & DEF_GLOBAL != 0 {
        if flags & DEF_NONLOCAL != 0 {
            return Err(directive_error(ste, name, format!("name '{}' is nonlocal and global", name)));
        }
        scopes.insert(name.to_string(), NameScope::GlobalExplicit);
        global.insert(name.to_string());
        if let Some(b) = bound {
            b.remove(name);
        }
        return Ok(());
    }
    if flags & DEF_NONLOCAL != 0 {
        let Some(b) = bound else {
            return Err(directive_error(ste, name, "nonlocal declaration not allowed at module level".into()));
        };
        if !b.contains(name) {
            return Err(directive_error(ste, name, format!("no binding for nonlocal '{}' found", name)));
        }
        scopes.insert(name.to_string(), NameScope::Free);
        ste.free = true;
        free.insert(name.to_string());
        return Ok(());
    }
    if flags & DEF_BOUND != 0 {
        scopes.insert(name.to_string(), NameScope::Local);
        local.insert(name.to_string());
        global.remove(name);
        return Ok(());
    }
    if let Some(b) = bound {
        if b.contains(name) {
            scopes.insert(name.to_string(), NameScope::Free);
            ste.free = true;
            free.insert(name.to_string());
            return Ok(());
        }
    }
    if global.contains(name) {
        scopes.insert(name.to_string(), NameScope::GlobalImplicit);
        return Ok(());
    }
    if ste.nested {
        ste.free = true;
    }
    scopes.insert(name.to_string(), NameScope::GlobalImplicit);
    Ok(())
}

fn analyze(st: &mut SymbolTable) -> R {
    let mut free = NameSet::default();
    let mut global = NameSet::default();
    analyze_block(st, SymbolTable::TOP, None, &mut free, &mut global, 0)
}

fn analyze_block(
    st: &mut SymbolTable,
    id: ScopeId,
    mut bound: Option<&mut NameSet>,
    free: &mut NameSet,
    global: &mut NameSet,
    depth: u32,
) -> R {
    if depth > MAX_COMPILE_DEPTH {
        return Err(recursion_error());
    }
    let mut local = NameSet::default();
    let mut scopes: HashMap<String, NameScope> = HashMap::default();
    let mut newglobal = NameSet::default();
    let mut newfree = NameSet::default();
    let mut newbound = NameSet::default();
    let kind = st.scopes[id].kind;

    if kind == BlockType::Class {
        newglobal.extend(global.iter().cloned());
        if let Some(b) = bound.as_deref() {
            newbound.extend(b.iter().cloned());
        }
    }

    let symbols: Vec<(String, u32)> = st.scopes[id].symbols.iter().map(|(n, f)| (n.to_string(), f)).collect();
    for (name, flags) in &symbols {
        analyze_name(&mut st.scopes[id], &mut scopes, name, *flags, bound.as_deref_mut(), &mut local, free, global)?;
    }

    if kind != BlockType::Class {
        if kind == BlockType::Function {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = bound.as_deref() {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.insert("__class__".to_string());
    }

    let mut allfree = NameSet::default();
    let children = st.scopes[id].children.clone();
    for child in children {
        let mut temp_bound = newbound.clone();
        let mut temp_free = newfree.clone();
        let mut temp_global = newglobal.clone();
        analyze_block(st, child, Some(&mut temp_bound), &mut temp_free, &mut temp_global, depth + 1)?;
        allfree.extend(temp_free);
        if st.scopes[child].free || st.scopes[child].child_free {
            st.scopes[id].child_free = true;
        }
    }
    newfree.extend(allfree);

    if kind == BlockType::Function {
        // Locals captured by children become cells.
        for (name, sc) in scopes.iter_mut() {
            if *sc == NameScope::Local && newfree.contains(name) {
                *sc = NameScope::Cell;
                newfree.remove(name);
            }
        }
    } else if kind == BlockType::Class && newfree.remove("__class__") {
        st.scopes[id].needs_class_closure = true;
    }

    // update_symbols
    let ste = &mut st.scopes[id];
    for (name, flags) in &symbols {
        let sc = scopes.get(name).copied().unwrap_or(NameScope::Unknown);
        ste.symbols.set(name, flags | (sc.code() << SCOPE_OFFSET));
    }
    // Sorted so that the symbol order does not depend on hashing.
    let mut pending: Vec<&String> = newfree.iter().collect();
    pending.sort();
    for name in pending {
        if let Some(v) = ste.symbols.get(name) {
            if kind == BlockType::Class && v & (DEF_BOUND | DEF_GLOBAL) != 0 {
                ste.symbols.set(name, v | DEF_FREE_CLASS);
            }
            continue;
        }
        if let Some(b) = bound.as_deref() {
            if !b.contains(name.as_str()) {
                continue;
            }
        }
        ste.symbols.set(name, NameScope::Free.code() << SCOPE_OFFSET);
    }
    free.extend(newfree);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(id: &str, ctx: ExprContext) -> Expr {
        Expr::new(Loc::new(1, 0, 1, 1), ExprKind::Name { id: id.into(), ctx })
    }

    fn stmt(kind: StmtKind) -> Stmt {
        Stmt::new(Loc::new(1, 0, 1, 1), kind)
    }

    fn func(n: &str, params: &[&str], body: Vec<Stmt>) -> Stmt {
        let args = Arguments {
            args: params
                .iter()
                .map(|p| Arg { loc: Loc::new(1, 0, 1, 1), arg: p.to_string(), annotation: None, type_comment: None })
                .collect(),
            ..Default::default()
        };
        stmt(StmtKind::FunctionDef(FunctionDef {
            name: n.into(),
            args: Box::new(args),
            body,
            decorator_list: vec![],
            returns: None,
            type_comment: None,
        }))
    }

    #[test]
    fn closure_cells_and_free() {
        // def f(a):
        //     def g(): return a + b
        let inner = func(
            "g",
            &[],
            vec![stmt(StmtKind::Return {
                value: Some(Box::new(Expr::new(
                    Loc::new(1, 0, 1, 1),
                    ExprKind::BinOp {
                        left: Box::new(name("a", ExprContext::Load)),
                        op: Operator::Add,
                        right: Box::new(name("b", ExprContext::Load)),
                    },
                ))),
            })],
        );
        let outer = func("f", &["a"], vec![inner]);
        let module = Mod::Module { body: vec![outer], type_ignores: vec![] };
        let st = build(&module, false).unwrap();
        let Mod::Module { body, .. } = &module else { unreachable!() };
        let f = st.lookup(node_key_stmt(&body[0])).unwrap();
        assert_eq!(st.scopes[f].scope_of("a"), NameScope::Cell);
        assert_eq!(st.scopes[f].scope_of("g"), NameScope::Local);
        let StmtKind::FunctionDef(fd) = &body[0].kind else { unreachable!() };
        let g = st.lookup(node_key_stmt(&fd.body[0])).unwrap();
        assert_eq!(st.scopes[g].scope_of("a"), NameScope::Free);
        assert_eq!(st.scopes[g].scope_of("b"), NameScope::GlobalImplicit);
        assert!(st.scopes[g].nested);
    }

    #[test]
    fn deep_nesting_is_a_recursion_error() {
        let mut e = name("x", ExprContext::Load);
        for _ in 0..4000 {
            e = Expr::new(
                Loc::new(1, 0, 1, 1),
                ExprKind::UnaryOp { op: UnaryOp::USub, operand: Box::new(e) },
            );
        }
        let module = Mod::Expression { body: Box::new(e) };
        let handle = std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn(move || {
                let r = build(&module, false).err().map(|e| e.kind);
                std::mem::forget(module);
                r
            })
            .unwrap();
        assert_eq!(handle.join().unwrap(), Some(SyntaxErrorKind::RecursionError));
    }
}
