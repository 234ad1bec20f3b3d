//! Code generation: AST -> basic blocks of (pseudo-)instructions, one unit
//! per code object, following the code generator of CPython 3.11's
//! `Python/compile.c` construct by construct so that the instruction
//! sequences, constant order, names and locations come out the same.

use crate::cfg::{self, pseudo::*, AssembleInput, BlockId, Cfg, Instr, Loc32, NO_BLOCK};
use crate::consts::{const_key_ast, from_ast, ConstPool};
use pyrite_syntax::semantic::fold::docstring;
use crate::symtable::{node_key_expr, node_key_stmt, BlockType, NameScope, ScopeId, SymbolTable, DEF_FREE_CLASS, DEF_IMPORT};
use crate::{mangle, unparse};
use pyrite_bytecode::code::{flags, local_kind, CodeObject, ConstValue};
use pyrite_syntax::ast::*;
use pyrite_syntax::pystr::PyStr;
use pyrite_syntax::{SyntaxError, SyntaxErrorKind};
use crate::fxhash::FxHashMap as HashMap;
use std::rc::Rc;

type R<T = ()> = Result<T, SyntaxError>;

const STACK_USE_GUIDELINE: usize = 30;
const CO_MAXBLOCKS: usize = 20;
pub const CO_FUTURE_BARRY_AS_BDFL: u32 = 0x400000;
pub const CO_FUTURE_ANNOTATIONS: u32 = 0x1000000;

const fn r(o: u8) -> u16 {
    o as u16
}

// Real opcodes as the u16 the CFG uses.
mod o {
    use super::r;
    use pyrite_bytecode::op;
    pub const NOP: u16 = r(op::NOP);
    pub const POP_TOP: u16 = r(op::POP_TOP);
    pub const PUSH_NULL: u16 = r(op::PUSH_NULL);
    pub const RESUME: u16 = r(op::RESUME);
    pub const LOAD_CONST: u16 = r(op::LOAD_CONST);
    pub const RETURN_VALUE: u16 = r(op::RETURN_VALUE);
    pub const COPY: u16 = r(op::COPY);
    pub const SWAP: u16 = r(op::SWAP);
    pub const PRECALL: u16 = r(op::PRECALL);
    pub const CALL: u16 = r(op::CALL);
    pub const KW_NAMES: u16 = r(op::KW_NAMES);
    pub const POP_EXCEPT: u16 = r(op::POP_EXCEPT);
    pub const RERAISE: u16 = r(op::RERAISE);
    pub const SEND: u16 = r(op::SEND);
    pub const YIELD_VALUE: u16 = r(op::YIELD_VALUE);
    pub const GET_AWAITABLE: u16 = r(op::GET_AWAITABLE);
    pub const ASYNC_GEN_WRAP: u16 = r(op::ASYNC_GEN_WRAP);
    pub const STORE_NAME: u16 = r(op::STORE_NAME);
    pub const LOAD_NAME: u16 = r(op::LOAD_NAME);
    pub const DELETE_NAME: u16 = r(op::DELETE_NAME);
    pub const LOAD_FAST: u16 = r(op::LOAD_FAST);
    pub const STORE_FAST: u16 = r(op::STORE_FAST);
    pub const DELETE_FAST: u16 = r(op::DELETE_FAST);
    pub const LOAD_GLOBAL: u16 = r(op::LOAD_GLOBAL);
    pub const STORE_GLOBAL: u16 = r(op::STORE_GLOBAL);
    pub const DELETE_GLOBAL: u16 = r(op::DELETE_GLOBAL);
    pub const LOAD_DEREF: u16 = r(op::LOAD_DEREF);
    pub const LOAD_CLASSDEREF: u16 = r(op::LOAD_CLASSDEREF);
    pub const STORE_DEREF: u16 = r(op::STORE_DEREF);
    pub const DELETE_DEREF: u16 = r(op::DELETE_DEREF);
    pub const LOAD_CLOSURE: u16 = r(op::LOAD_CLOSURE);
    pub const BUILD_TUPLE: u16 = r(op::BUILD_TUPLE);
    pub const BUILD_LIST: u16 = r(op::BUILD_LIST);
    pub const BUILD_SET: u16 = r(op::BUILD_SET);
    pub const BUILD_MAP: u16 = r(op::BUILD_MAP);
    pub const BUILD_CONST_KEY_MAP: u16 = r(op::BUILD_CONST_KEY_MAP);
    pub const BUILD_STRING: u16 = r(op::BUILD_STRING);
    pub const BUILD_SLICE: u16 = r(op::BUILD_SLICE);
    pub const LIST_APPEND: u16 = r(op::LIST_APPEND);
    pub const SET_ADD: u16 = r(op::SET_ADD);
    pub const MAP_ADD: u16 = r(op::MAP_ADD);
    pub const LIST_EXTEND: u16 = r(op::LIST_EXTEND);
    pub const SET_UPDATE: u16 = r(op::SET_UPDATE);
    pub const DICT_UPDATE: u16 = r(op::DICT_UPDATE);
    pub const DICT_MERGE: u16 = r(op::DICT_MERGE);
    pub const LIST_TO_TUPLE: u16 = r(op::LIST_TO_TUPLE);
    pub const MAKE_FUNCTION: u16 = r(op::MAKE_FUNCTION);
    pub const LOAD_BUILD_CLASS: u16 = r(op::LOAD_BUILD_CLASS);
    pub const SETUP_ANNOTATIONS: u16 = r(op::SETUP_ANNOTATIONS);
    pub const UNPACK_SEQUENCE: u16 = r(op::UNPACK_SEQUENCE);
    pub const UNPACK_EX: u16 = r(op::UNPACK_EX);
    pub const FOR_ITER: u16 = r(op::FOR_ITER);
    pub const GET_ITER: u16 = r(op::GET_ITER);
    pub const GET_AITER: u16 = r(op::GET_AITER);
    pub const GET_ANEXT: u16 = r(op::GET_ANEXT);
    pub const END_ASYNC_FOR: u16 = r(op::END_ASYNC_FOR);
    pub const GET_YIELD_FROM_ITER: u16 = r(op::GET_YIELD_FROM_ITER);
    pub const PUSH_EXC_INFO: u16 = r(op::PUSH_EXC_INFO);
    pub const CHECK_EXC_MATCH: u16 = r(op::CHECK_EXC_MATCH);
    pub const CHECK_EG_MATCH: u16 = r(op::CHECK_EG_MATCH);
    pub const PREP_RERAISE_STAR: u16 = r(op::PREP_RERAISE_STAR);
    pub const RAISE_VARARGS: u16 = r(op::RAISE_VARARGS);
    pub const LOAD_ASSERTION_ERROR: u16 = r(op::LOAD_ASSERTION_ERROR);
    pub const IMPORT_NAME: u16 = r(op::IMPORT_NAME);
    pub const IMPORT_FROM: u16 = r(op::IMPORT_FROM);
    pub const IMPORT_STAR: u16 = r(op::IMPORT_STAR);
    pub const PRINT_EXPR: u16 = r(op::PRINT_EXPR);
    pub const BINARY_OP: u16 = r(op::BINARY_OP);
    pub const BINARY_SUBSCR: u16 = r(op::BINARY_SUBSCR);
    pub const STORE_SUBSCR: u16 = r(op::STORE_SUBSCR);
    pub const DELETE_SUBSCR: u16 = r(op::DELETE_SUBSCR);
    pub const LOAD_ATTR: u16 = r(op::LOAD_ATTR);
    pub const STORE_ATTR: u16 = r(op::STORE_ATTR);
    pub const DELETE_ATTR: u16 = r(op::DELETE_ATTR);
    pub const LOAD_METHOD: u16 = r(op::LOAD_METHOD);
    pub const COMPARE_OP: u16 = r(op::COMPARE_OP);
    pub const IS_OP: u16 = r(op::IS_OP);
    pub const CONTAINS_OP: u16 = r(op::CONTAINS_OP);
    pub const JUMP_IF_FALSE_OR_POP: u16 = r(op::JUMP_IF_FALSE_OR_POP);
    pub const JUMP_IF_TRUE_OR_POP: u16 = r(op::JUMP_IF_TRUE_OR_POP);
    pub const CALL_FUNCTION_EX: u16 = r(op::CALL_FUNCTION_EX);
    pub const FORMAT_VALUE: u16 = r(op::FORMAT_VALUE);
    pub const BEFORE_WITH: u16 = r(op::BEFORE_WITH);
    pub const BEFORE_ASYNC_WITH: u16 = r(op::BEFORE_ASYNC_WITH);
    pub const WITH_EXCEPT_START: u16 = r(op::WITH_EXCEPT_START);
    pub const UNARY_INVERT: u16 = r(op::UNARY_INVERT);
    pub const UNARY_NOT: u16 = r(op::UNARY_NOT);
    pub const UNARY_POSITIVE: u16 = r(op::UNARY_POSITIVE);
    pub const UNARY_NEGATIVE: u16 = r(op::UNARY_NEGATIVE);
    pub const MATCH_CLASS: u16 = r(op::MATCH_CLASS);
    pub const MATCH_MAPPING: u16 = r(op::MATCH_MAPPING);
    pub const MATCH_SEQUENCE: u16 = r(op::MATCH_SEQUENCE);
    pub const MATCH_KEYS: u16 = r(op::MATCH_KEYS);
    pub const GET_LEN: u16 = r(op::GET_LEN);
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ScopeType {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FBlockKind {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    With,
    AsyncWith,
    HandlerCleanup,
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

#[derive(Clone, Copy)]
enum Datum<'a> {
    None,
    Body(&'a [Stmt]),
    Stmt(&'a Stmt),
    Name(Option<&'a str>),
}

#[derive(Clone, Copy)]
struct FBlock<'a> {
    kind: FBlockKind,
    block: BlockId,
    exit: BlockId,
    datum: Datum<'a>,
}

/// An insertion-ordered set of names with their indices (CPython's name dicts).
#[derive(Default)]
struct NameIndex {
    list: Vec<String>,
    map: HashMap<String, usize>,
}

impl NameIndex {
    fn from_list<I: IntoIterator<Item = String>>(names: I) -> NameIndex {
        let mut ni = NameIndex::default();
        for n in names {
            ni.add(&n);
        }
        ni
    }

    fn add(&mut self, name: &str) -> usize {
        if let Some(&i) = self.map.get(name) {
            return i;
        }
        let i = self.list.len();
        self.list.push(name.to_string());
        self.map.insert(name.to_string(), i);
        i
    }

    fn get(&self, name: &str) -> Option<usize> {
        self.map.get(name).copied()
    }

    fn len(&self) -> usize {
        self.list.len()
    }
}

struct Unit<'a> {
    ste: ScopeId,
    name: String,
    qualname: String,
    scope_type: ScopeType,
    consts: ConstPool,
    names: NameIndex,
    varnames: NameIndex,
    /// Cell variable names, index = position.
    cellvars: NameIndex,
    /// Free variable names; their opargs start after the cells.
    freevars: NameIndex,
    private: Option<String>,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    cfg: Cfg,
    cur: BlockId,
    fblocks: Vec<FBlock<'a>>,
    firstlineno: i32,
    loc: Loc32,
    need_new_implicit_block: bool,
    /// `ste_coroutine`, which top-level await can switch on for the module.
    coroutine: bool,
}

struct PatternContext {
    stores: Vec<String>,
    allow_irrefutable: bool,
    fail_pop: Vec<BlockId>,
    on_top: usize,
}

pub struct Compiler<'a> {
    st: &'a SymbolTable,
    filename: Rc<str>,
    optimize: u8,
    interactive: bool,
    future_flags: u32,
    top_level_await: bool,
    units: Vec<Unit<'a>>,
    nestlevel: usize,
}

fn loc32(l: Loc) -> Loc32 {
    Loc32 { lineno: l.lineno as i32, end_lineno: l.end_lineno as i32, col: l.col_offset as i32, end_col: l.end_col_offset as i32 }
}

fn error_at(msg: impl Into<String>, l: Loc32) -> SyntaxError {
    SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg: msg.into(),
        lineno: l.lineno.max(0) as u32,
        offset: l.col as i64 + 1,
        end_lineno: l.end_lineno.max(0) as u32,
        end_offset: l.end_col as i64 + 1,
        text: None,
    }
}

/// An AST that CPython's validator (`PyAST_Validate`) would reject with ValueError.
fn malformed(msg: &str) -> SyntaxError {
    SyntaxError::unlocated(SyntaxErrorKind::ValueError, msg)
}

fn is_const_expr(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Constant { .. })
}

fn is_starred(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Starred { .. })
}

fn wildcard_check(p: &Pattern) -> bool {
    matches!(&p.kind, PatternKind::MatchAs { pattern: None, name: None })
}

fn wildcard_star_check(p: &Pattern) -> bool {
    matches!(&p.kind, PatternKind::MatchStar { name: None })
}

fn const_value(e: &Expr) -> Option<ConstValue> {
    match &e.kind {
        ExprKind::Constant { value, .. } => Some(from_ast(value)),
        _ => None,
    }
}

fn str_const(s: &str) -> ConstValue {
    ConstValue::Str(Rc::new(PyStr::from(s)))
}

fn binop_arg(op: Operator, inplace: bool) -> i32 {
    let base = match op {
        Operator::Add => 0,
        Operator::BitAnd => 1,
        Operator::FloorDiv => 2,
        Operator::LShift => 3,
        Operator::MatMult => 4,
        Operator::Mult => 5,
        Operator::Mod => 6,
        Operator::BitOr => 7,
        Operator::Pow => 8,
        Operator::RShift => 9,
        Operator::Sub => 10,
        Operator::Div => 11,
        Operator::BitXor => 12,
    };
    if inplace {
        base + 13
    } else {
        base
    }
}

fn check_compare(ops: &[CmpOp], comparators: &[Expr]) -> R {
    if ops.is_empty() {
        return Err(malformed("Compare with no comparators"));
    }
    if ops.len() != comparators.len() {
        return Err(malformed("Compare has a different number of comparators and operands"));
    }
    Ok(())
}

/// Whether annotations appear in a block, statically (`find_ann`).
fn find_ann(stmts: &[Stmt]) -> bool {
    for st in stmts {
        let res = match &st.kind {
            StmtKind::AnnAssign { .. } => return true,
            StmtKind::For(f) | StmtKind::AsyncFor(f) => find_ann(&f.body) || find_ann(&f.orelse),
            StmtKind::While { body, orelse, .. } | StmtKind::If { body, orelse, .. } => find_ann(body) || find_ann(orelse),
            StmtKind::With(w) | StmtKind::AsyncWith(w) => find_ann(&w.body),
            StmtKind::Try(t) | StmtKind::TryStar(t) => {
                if t.handlers.iter().any(|h| find_ann(&h.body)) {
                    return true;
                }
                find_ann(&t.body) || find_ann(&t.finalbody) || find_ann(&t.orelse)
            }
            _ => false,
        };
        if res {
            return true;
        }
    }
    false
}

pub struct CompileOptions {
    pub optimize: u8,
    pub interactive: bool,
    pub future_flags: u32,
    /// PyCF_ALLOW_TOP_LEVEL_AWAIT: `await`, `async for` and `async with` at
    /// module level make the module code a coroutine.
    pub top_level_await: bool,
}

pub fn compile_module(
    module: &Mod,
    st: &SymbolTable,
    filename: &str,
    opts: CompileOptions,
) -> R<Rc<CodeObject>> {
    let mut c = Compiler {
        st,
        filename: Rc::from(filename),
        optimize: opts.optimize,
        interactive: false,
        future_flags: opts.future_flags,
        top_level_await: opts.top_level_await,
        units: Vec::new(),
        nestlevel: 0,
    };
    c.enter_scope("<module>", ScopeType::Module, SymbolTable::TOP, 1);
    c.u().loc.lineno = 1;
    let mut add_none = true;
    match module {
        Mod::Module { body, .. } => c.body(body)?,
        Mod::Interactive { body } => {
            if find_ann(body) {
                c.addop(o::SETUP_ANNOTATIONS);
            }
            c.interactive = opts.interactive;
            for s in body {
                c.visit_stmt(s)?;
            }
        }
        Mod::Expression { body } => {
            c.visit_expr(body)?;
            add_none = false;
        }
        Mod::FunctionType { .. } => {
            return Err(SyntaxError::unlocated(SyntaxErrorKind::ValueError, "cannot compile a function type"));
        }
    }
    let co = c.assemble(add_none)?;
    c.exit_scope();
    Ok(co)
}

impl<'a> Compiler<'a> {
    fn u(&mut self) -> &mut Unit<'a> {
        // Invariant: code generation always runs inside a unit.
        self.units.last_mut().expect("compiler unit")
    }

    fn ur(&self) -> &Unit<'a> {
        self.units.last().expect("compiler unit")
    }

    fn ste(&self) -> &'a crate::symtable::Scope {
        &self.st.scopes[self.ur().ste]
    }

    // ---- scopes ---------------------------------------------------------

    fn enter_scope(&mut self, name: &str, scope_type: ScopeType, ste: ScopeId, lineno: u32) {
        let scope = &self.st.scopes[ste];
        let varnames = NameIndex::from_list(scope.varnames.iter().cloned());
        let mut cellvars = NameIndex::from_list(scope.names_by_scope(NameScope::Cell, 0));
        if scope.needs_class_closure {
            cellvars.add("__class__");
        }
        let freevars = NameIndex::from_list(scope.names_by_scope(NameScope::Free, DEF_FREE_CLASS));
        let private = self.units.last().and_then(|u| u.private.clone());
        let lineno = lineno as i32;
        let mut unit = Unit {
            ste,
            name: name.to_string(),
            qualname: String::new(),
            scope_type,
            consts: ConstPool::default(),
            names: NameIndex::default(),
            varnames,
            cellvars,
            freevars,
            private,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            cfg: Cfg { blocks: Vec::new() },
            cur: 0,
            fblocks: Vec::new(),
            firstlineno: lineno,
            loc: Loc32 { lineno, end_lineno: lineno, col: 0, end_col: 0 },
            need_new_implicit_block: false,
            coroutine: scope.coroutine,
        };
        unit.cur = unit.cfg.new_block();
        self.units.push(unit);
        self.nestlevel += 1;
        if scope_type == ScopeType::Module {
            self.u().loc.lineno = 0;
        } else {
            self.set_qualname();
        }
        self.addop_i(o::RESUME, 0);
        if scope_type == ScopeType::Module {
            self.u().loc.lineno = -1;
        }
    }

    fn exit_scope(&mut self) {
        self.nestlevel -= 1;
        self.units.pop();
    }

    fn set_qualname(&mut self) {
        let n = self.units.len();
        let u = &self.units[n - 1];
        let mut base: Option<String> = None;
        // The module unit has no qualname: only units nested two deep get a prefix.
        if n > 2 {
            let parent = &self.units[n - 2];
            let mut force_global = false;
            if matches!(u.scope_type, ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Class) {
                let mangled = mangle(parent.private.as_deref(), &u.name);
                if self.st.scopes[parent.ste].scope_of(&mangled) == NameScope::GlobalExplicit {
                    force_global = true;
                }
            }
            if !force_global {
                if matches!(parent.scope_type, ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Lambda) {
                    base = Some(format!("{}.<locals>", parent.qualname));
                } else {
                    base = Some(parent.qualname.clone());
                }
            }
        }
        let qualname = match base {
            Some(b) => format!("{}.{}", b, u.name),
            None => u.name.clone(),
        };
        self.u().qualname = qualname;
    }

    // ---- blocks and instructions -----------------------------------------

    fn new_block(&mut self) -> BlockId {
        self.u().cfg.new_block()
    }

    fn use_next_block(&mut self, b: BlockId) {
        let u = self.u();
        let cur = u.cur;
        u.cfg.blocks[cur].next = Some(b);
        u.cur = b;
        u.need_new_implicit_block = false;
    }

    fn add_instr(&mut self, ins: Instr) {
        if self.ur().need_new_implicit_block {
            let b = self.new_block();
            self.use_next_block(b);
        }
        let u = self.u();
        let cur = u.cur;
        let blk = &mut u.cfg.blocks[cur];
        if ins.op == o::RETURN_VALUE {
            blk.return_ = true;
        }
        blk.instrs.push(ins);
        if cfg::ends_block(&ins) {
            u.need_new_implicit_block = true;
        }
    }

    fn addop_loc(&mut self, opcode: u16, arg: i32, target: BlockId, loc: Loc32) {
        self.add_instr(Instr { op: opcode, arg, target, except: NO_BLOCK, loc });
    }

    fn addop(&mut self, opcode: u16) {
        let loc = self.ur().loc;
        self.addop_loc(opcode, 0, NO_BLOCK, loc);
    }

    fn addop_noline(&mut self, opcode: u16) {
        self.addop_loc(opcode, 0, NO_BLOCK, Loc32::NOLINE);
    }

    fn addop_i(&mut self, opcode: u16, arg: usize) {
        let loc = self.ur().loc;
        self.addop_loc(opcode, arg as i32, NO_BLOCK, loc);
    }

    fn addop_i_noline(&mut self, opcode: u16, arg: usize) {
        self.addop_loc(opcode, arg as i32, NO_BLOCK, Loc32::NOLINE);
    }

    fn addop_j(&mut self, opcode: u16, target: BlockId) {
        let loc = self.ur().loc;
        self.addop_loc(opcode, 0, target, loc);
    }

    fn addop_j_noline(&mut self, opcode: u16, target: BlockId) {
        self.addop_loc(opcode, 0, target, Loc32::NOLINE);
    }

    fn add_const(&mut self, c: ConstValue) -> usize {
        self.u().consts.add(c)
    }

    fn load_const(&mut self, c: ConstValue) {
        let i = self.add_const(c);
        self.addop_i(o::LOAD_CONST, i);
    }

    fn addop_name(&mut self, opcode: u16, name: &str) {
        let mangled = mangle(self.ur().private.as_deref(), name);
        let i = self.u().names.add(&mangled);
        self.addop_i(opcode, i);
    }

    /// Adds to `co_names` without mangling (ADDOP_N).
    fn addop_name_raw(&mut self, opcode: u16, name: &str) {
        let i = self.u().names.add(name);
        self.addop_i(opcode, i);
    }

    fn set_loc(&mut self, l: Loc) {
        self.u().loc = loc32(l);
    }

    fn unset_loc(&mut self) {
        self.u().loc = Loc32::UNSET;
    }

    fn error(&self, msg: impl Into<String>) -> SyntaxError {
        error_at(msg, self.ur().loc)
    }

    // ---- frame blocks -----------------------------------------------------

    fn push_fblock(&mut self, kind: FBlockKind, block: BlockId, exit: BlockId, datum: Datum<'a>) -> R {
        if self.ur().fblocks.len() >= CO_MAXBLOCKS {
            return Err(self.error("too many statically nested blocks"));
        }
        self.u().fblocks.push(FBlock { kind, block, exit, datum });
        Ok(())
    }

    fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }

    fn call_exit_with_nones(&mut self) {
        self.load_const(ConstValue::None);
        self.load_const(ConstValue::None);
        self.load_const(ConstValue::None);
        self.addop_i(o::PRECALL, 2);
        self.addop_i(o::CALL, 2);
    }

    fn add_yield_from(&mut self, is_await: bool) {
        let start = self.new_block();
        let resume = self.new_block();
        let exit = self.new_block();
        self.use_next_block(start);
        self.addop_j(o::SEND, exit);
        self.use_next_block(resume);
        self.addop(o::YIELD_VALUE);
        self.addop_i(o::RESUME, if is_await { 3 } else { 2 });
        self.addop_j(JUMP_NO_INTERRUPT, start);
        self.use_next_block(exit);
    }

    fn pop_except_and_reraise(&mut self) {
        self.addop_i(o::COPY, 3);
        self.addop(o::POP_EXCEPT);
        self.addop_i(o::RERAISE, 1);
    }

    fn unwind_fblock(&mut self, info: &FBlock<'a>, preserve_tos: bool) -> R {
        match info.kind {
            FBlockKind::WhileLoop
            | FBlockKind::ExceptionHandler
            | FBlockKind::ExceptionGroupHandler
            | FBlockKind::AsyncComprehensionGenerator => {}
            FBlockKind::ForLoop => {
                if preserve_tos {
                    self.addop_i(o::SWAP, 2);
                }
                self.addop(o::POP_TOP);
            }
            FBlockKind::TryExcept => self.addop(POP_BLOCK),
            FBlockKind::FinallyTry => {
                self.addop(POP_BLOCK);
                if preserve_tos {
                    self.push_fblock(FBlockKind::PopValue, NO_BLOCK, NO_BLOCK, Datum::None)?;
                }
                if let Datum::Body(body) = info.datum {
                    self.visit_stmts(body)?;
                }
                if preserve_tos {
                    self.pop_fblock();
                }
                self.unset_loc();
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.addop_i(o::SWAP, 2);
                }
                self.addop(o::POP_TOP);
                if preserve_tos {
                    self.addop_i(o::SWAP, 2);
                }
                self.addop(POP_BLOCK);
                self.addop(o::POP_EXCEPT);
            }
            FBlockKind::With | FBlockKind::AsyncWith => {
                if let Datum::Stmt(s) = info.datum {
                    self.set_loc(s.loc);
                }
                self.addop(POP_BLOCK);
                if preserve_tos {
                    self.addop_i(o::SWAP, 2);
                }
                self.call_exit_with_nones();
                if info.kind == FBlockKind::AsyncWith {
                    self.addop_i(o::GET_AWAITABLE, 2);
                    self.load_const(ConstValue::None);
                    self.add_yield_from(true);
                }
                self.addop(o::POP_TOP);
                self.unset_loc();
            }
            FBlockKind::HandlerCleanup => {
                let name = if let Datum::Name(n) = info.datum { n } else { None };
                if name.is_some() {
                    self.addop(POP_BLOCK);
                }
                if preserve_tos {
                    self.addop_i(o::SWAP, 2);
                }
                self.addop(POP_BLOCK);
                self.addop(o::POP_EXCEPT);
                if let Some(n) = name {
                    self.load_const(ConstValue::None);
                    self.nameop(n, ExprContext::Store)?;
                    self.nameop(n, ExprContext::Del)?;
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.addop_i(o::SWAP, 2);
                }
                self.addop(o::POP_TOP);
            }
        }
        Ok(())
    }

    /// Unwinds the frame-block stack; with `want_loop`, stops at the innermost
    /// loop and returns it.
    fn unwind_fblock_stack(&mut self, preserve_tos: bool, want_loop: bool) -> R<Option<FBlock<'a>>> {
        let Some(top) = self.ur().fblocks.last().copied() else { return Ok(None) };
        if top.kind == FBlockKind::ExceptionGroupHandler {
            return Err(self.error("'break', 'continue' and 'return' cannot appear in an except* block"));
        }
        if want_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
            return Ok(Some(top));
        }
        self.u().fblocks.pop();
        self.unwind_fblock(&top, preserve_tos)?;
        let r = self.unwind_fblock_stack(preserve_tos, want_loop)?;
        self.u().fblocks.push(top);
        Ok(r)
    }

    // ---- bodies -----------------------------------------------------------

    fn body(&mut self, stmts: &'a [Stmt]) -> R {
        if self.ur().scope_type == ScopeType::Module {
            if let Some(first) = stmts.first() {
                self.set_loc(first.loc);
            }
        }
        if find_ann(stmts) {
            self.addop(o::SETUP_ANNOTATIONS);
        }
        if stmts.is_empty() {
            return Ok(());
        }
        let mut i = 0;
        if self.optimize < 2 && docstring(stmts).is_some() {
            i = 1;
            if let StmtKind::Expr { value } = &stmts[0].kind {
                self.visit_expr(value)?;
            }
            self.unset_loc();
            self.nameop("__doc__", ExprContext::Store)?;
        }
        for s in &stmts[i..] {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn visit_stmts(&mut self, stmts: &'a [Stmt]) -> R {
        for s in stmts {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn visit_exprs(&mut self, exprs: &'a [Expr]) -> R {
        for e in exprs {
            self.visit_expr(e)?;
        }
        Ok(())
    }

    // ---- names --------------------------------------------------------------

    fn nameop(&mut self, name: &str, ctx: ExprContext) -> R {
        let mangled = mangle(self.ur().private.as_deref(), name);
        let ste = self.ste();
        let scope = ste.scope_of(&mangled);
        let is_function = ste.kind == BlockType::Function;
        enum Kind {
            Fast,
            Global,
            Deref(bool),
            Name,
        }
        let kind = match scope {
            NameScope::Free => Kind::Deref(false),
            NameScope::Cell => Kind::Deref(true),
            NameScope::Local if is_function => Kind::Fast,
            NameScope::GlobalImplicit if is_function => Kind::Global,
            NameScope::GlobalExplicit => Kind::Global,
            _ => Kind::Name,
        };
        match kind {
            Kind::Deref(is_cell) => {
                let opcode = match ctx {
                    ExprContext::Load => {
                        if ste.kind == BlockType::Class {
                            o::LOAD_CLASSDEREF
                        } else {
                            o::LOAD_DEREF
                        }
                    }
                    ExprContext::Store => o::STORE_DEREF,
                    ExprContext::Del => o::DELETE_DEREF,
                };
                let u = self.u();
                let arg = if is_cell {
                    u.cellvars.add(&mangled)
                } else {
                    u.freevars.add(&mangled) + u.cellvars.len()
                };
                self.addop_i(opcode, arg);
            }
            Kind::Fast => {
                let opcode = match ctx {
                    ExprContext::Load => o::LOAD_FAST,
                    ExprContext::Store => o::STORE_FAST,
                    ExprContext::Del => o::DELETE_FAST,
                };
                let arg = self.u().varnames.add(&mangled);
                self.addop_i(opcode, arg);
            }
            Kind::Global => {
                let arg = self.u().names.add(&mangled);
                match ctx {
                    ExprContext::Load => self.addop_i(o::LOAD_GLOBAL, arg << 1),
                    ExprContext::Store => self.addop_i(o::STORE_GLOBAL, arg),
                    ExprContext::Del => self.addop_i(o::DELETE_GLOBAL, arg),
                }
            }
            Kind::Name => {
                let opcode = match ctx {
                    ExprContext::Load => o::LOAD_NAME,
                    ExprContext::Store => o::STORE_NAME,
                    ExprContext::Del => o::DELETE_NAME,
                };
                let arg = self.u().names.add(&mangled);
                self.addop_i(opcode, arg);
            }
        }
        Ok(())
    }

    // ---- functions and classes ------------------------------------------

    fn get_ref_type(&self, name: &str) -> NameScope {
        if self.ur().scope_type == ScopeType::Class && name == "__class__" {
            return NameScope::Cell;
        }
        self.ste().scope_of(name)
    }

    fn make_closure(&mut self, co: Rc<CodeObject>, mut flags: usize) -> R {
        let frees: Vec<Rc<str>> = co
            .localsplusnames
            .iter()
            .zip(co.localspluskinds.iter())
            .filter(|(_, k)| **k & local_kind::FREE != 0)
            .map(|(n, _)| n.clone())
            .collect();
        if !frees.is_empty() {
            for name in &frees {
                let reftype = self.get_ref_type(name);
                let u = self.ur();
                let arg = if reftype == NameScope::Cell {
                    u.cellvars.get(name)
                } else {
                    u.freevars.get(name).map(|i| i + u.cellvars.len())
                };
                let Some(arg) = arg else {
                    return Err(SyntaxError::unlocated(
                        SyntaxErrorKind::ValueError,
                        &format!("compiler_lookup_arg(name={:?}) failed in {}", name, u.name),
                    ));
                };
                self.addop_i(o::LOAD_CLOSURE, arg);
            }
            flags |= 0x08;
            self.addop_i(o::BUILD_TUPLE, frees.len());
        }
        self.load_const(ConstValue::Code(co));
        self.addop_i(o::MAKE_FUNCTION, flags);
        Ok(())
    }

    fn apply_decorators(&mut self, decos: &'a [Expr]) {
        let saved = self.ur().loc;
        for d in decos.iter().rev() {
            self.set_loc(d.loc);
            self.addop_i(o::PRECALL, 0);
            self.addop_i(o::CALL, 0);
        }
        self.u().loc = saved;
    }

    fn kwonly_defaults(&mut self, kwonlyargs: &'a [Arg], kw_defaults: &'a [Option<Expr>]) -> R<bool> {
        let mut keys: Vec<ConstValue> = Vec::new();
        for (arg, default) in kwonlyargs.iter().zip(kw_defaults.iter()) {
            if let Some(d) = default {
                let mangled = mangle(self.ur().private.as_deref(), &arg.arg).into_owned();
                keys.push(str_const(&mangled));
                self.visit_expr(d)?;
            }
        }
        if keys.is_empty() {
            return Ok(false);
        }
        let n = keys.len();
        self.load_const(ConstValue::Tuple(Rc::from(keys)));
        self.addop_i(o::BUILD_CONST_KEY_MAP, n);
        Ok(true)
    }

    fn argannotation(&mut self, id: &str, annotation: Option<&'a Expr>, len: &mut usize) -> R {
        let Some(ann) = annotation else { return Ok(()) };
        let mangled = mangle(self.ur().private.as_deref(), id).into_owned();
        self.load_const(str_const(&mangled));
        if self.future_flags & CO_FUTURE_ANNOTATIONS != 0 {
            self.load_const(ConstValue::Str(Rc::new(unparse::annotation_string(ann))));
        } else if let ExprKind::Starred { value, .. } = &ann.kind {
            self.visit_expr(value)?;
            self.addop_i(o::UNPACK_SEQUENCE, 1);
        } else {
            self.visit_expr(ann)?;
        }
        *len += 2;
        Ok(())
    }

    fn annotations(&mut self, args: &'a Arguments, returns: Option<&'a Expr>) -> R<bool> {
        let mut len = 0;
        for a in &args.args {
            self.argannotation(&a.arg, a.annotation.as_deref(), &mut len)?;
        }
        for a in &args.posonlyargs {
            self.argannotation(&a.arg, a.annotation.as_deref(), &mut len)?;
        }
        if let Some(v) = &args.vararg {
            self.argannotation(&v.arg, v.annotation.as_deref(), &mut len)?;
        }
        for a in &args.kwonlyargs {
            self.argannotation(&a.arg, a.annotation.as_deref(), &mut len)?;
        }
        if let Some(k) = &args.kwarg {
            self.argannotation(&k.arg, k.annotation.as_deref(), &mut len)?;
        }
        self.argannotation("return", returns, &mut len)?;
        if len > 0 {
            self.addop_i(o::BUILD_TUPLE, len);
            return Ok(true);
        }
        Ok(false)
    }

    fn default_arguments(&mut self, args: &'a Arguments) -> R<usize> {
        let mut funcflags = 0;
        if !args.defaults.is_empty() {
            self.visit_exprs(&args.defaults)?;
            self.addop_i(o::BUILD_TUPLE, args.defaults.len());
            funcflags |= 0x01;
        }
        if !args.kwonlyargs.is_empty() && self.kwonly_defaults(&args.kwonlyargs, &args.kw_defaults)? {
            funcflags |= 0x02;
        }
        Ok(funcflags)
    }

    fn lookup_scope(&self, key: usize) -> R<ScopeId> {
        self.st
            .lookup(key)
            .ok_or_else(|| SyntaxError::unlocated(SyntaxErrorKind::ValueError, "unknown symbol table entry"))
    }

    fn function(&mut self, s: &'a Stmt, f: &'a FunctionDef, is_async: bool) -> R {
        self.visit_exprs(&f.decorator_list)?;
        let firstlineno = f.decorator_list.first().map_or(s.loc.lineno, |d| d.loc.lineno);
        let mut funcflags = self.default_arguments(&f.args)?;
        if self.annotations(&f.args, f.returns.as_deref())? {
            funcflags |= 0x04;
        }
        let ste = self.lookup_scope(node_key_stmt(s))?;
        let scope_type = if is_async { ScopeType::AsyncFunction } else { ScopeType::Function };
        self.enter_scope(&f.name, scope_type, ste, firstlineno);
        let doc = if self.optimize < 2 { docstring(&f.body) } else { None };
        self.add_const(match doc {
            Some(d) => ConstValue::Str(Rc::new(d.clone())),
            None => ConstValue::None,
        });
        {
            let u = self.u();
            u.argcount = f.args.args.len() as u32;
            u.posonlyargcount = f.args.posonlyargs.len() as u32;
            u.kwonlyargcount = f.args.kwonlyargs.len() as u32;
        }
        let start = if doc.is_some() { 1 } else { 0 };
        for st in &f.body[start..] {
            self.visit_stmt(st)?;
        }
        let co = self.assemble(true)?;
        self.exit_scope();
        self.make_closure(co, funcflags)?;
        self.apply_decorators(&f.decorator_list);
        self.nameop(&f.name, ExprContext::Store)
    }

    fn class(&mut self, s: &'a Stmt, c: &'a ClassDef) -> R {
        self.visit_exprs(&c.decorator_list)?;
        let firstlineno = c.decorator_list.first().map_or(s.loc.lineno, |d| d.loc.lineno);
        let ste = self.lookup_scope(node_key_stmt(s))?;
        self.enter_scope(&c.name, ScopeType::Class, ste, firstlineno);
        self.u().private = Some(c.name.clone());
        self.nameop("__name__", ExprContext::Load)?;
        self.nameop("__module__", ExprContext::Store)?;
        let qualname = self.ur().qualname.clone();
        self.load_const(str_const(&qualname));
        self.nameop("__qualname__", ExprContext::Store)?;
        self.body(&c.body)?;
        self.unset_loc();
        if self.ste().needs_class_closure {
            let i = self.ur().cellvars.get("__class__").unwrap_or(0);
            self.addop_i(o::LOAD_CLOSURE, i);
            self.addop_i(o::COPY, 1);
            self.nameop("__classcell__", ExprContext::Store)?;
        } else {
            self.load_const(ConstValue::None);
        }
        self.addop(o::RETURN_VALUE);
        let co = self.assemble(true)?;
        self.exit_scope();
        self.addop(o::PUSH_NULL);
        self.addop(o::LOAD_BUILD_CLASS);
        self.make_closure(co, 0)?;
        self.load_const(str_const(&c.name));
        self.call_helper(2, &c.bases, &c.keywords)?;
        self.apply_decorators(&c.decorator_list);
        self.nameop(&c.name, ExprContext::Store)
    }

    fn lambda(&mut self, e: &'a Expr, args: &'a Arguments, body: &'a Expr) -> R {
        let funcflags = self.default_arguments(args)?;
        let ste = self.lookup_scope(node_key_expr(e))?;
        self.enter_scope("<lambda>", ScopeType::Lambda, ste, e.loc.lineno);
        self.add_const(ConstValue::None);
        {
            let u = self.u();
            u.argcount = args.args.len() as u32;
            u.posonlyargcount = args.posonlyargs.len() as u32;
            u.kwonlyargcount = args.kwonlyargs.len() as u32;
        }
        self.visit_expr(body)?;
        let co = if self.ste().generator {
            self.assemble(false)?
        } else {
            self.addop(o::RETURN_VALUE);
            self.assemble(true)?
        };
        self.exit_scope();
        self.make_closure(co, funcflags)
    }

    // ---- statements ---------------------------------------------------------

    fn visit_stmt(&mut self, s: &'a Stmt) -> R {
        self.set_loc(s.loc);
        match &s.kind {
            StmtKind::FunctionDef(f) => self.function(s, f, false),
            StmtKind::AsyncFunctionDef(f) => self.function(s, f, true),
            StmtKind::ClassDef(c) => self.class(s, c),
            StmtKind::Return { value } => self.return_stmt(s, value.as_deref()),
            StmtKind::Delete { targets } => self.visit_exprs(targets),
            StmtKind::Assign { targets, value, .. } => {
                self.visit_expr(value)?;
                let n = targets.len();
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < n {
                        self.addop_i(o::COPY, 1);
                    }
                    self.visit_expr(t)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, op, value } => self.augassign(target, *op, value),
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                self.annassign(target, annotation, value.as_deref(), *simple)
            }
            StmtKind::For(f) => self.for_stmt(f),
            StmtKind::AsyncFor(f) => self.async_for(f),
            StmtKind::While { test, body, orelse } => self.while_stmt(s, test, body, orelse),
            StmtKind::If { test, body, orelse } => self.if_stmt(test, body, orelse),
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases),
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.visit_expr(e)?;
                    n += 1;
                    if let Some(c) = cause {
                        self.visit_expr(c)?;
                        n += 1;
                    }
                }
                self.addop_i(o::RAISE_VARARGS, n);
                Ok(())
            }
            StmtKind::Try(t) | StmtKind::TryStar(t) if t.handlers.is_empty() && t.finalbody.is_empty() => {
                Err(malformed("Try has neither except handlers nor finalbody"))
            }
            StmtKind::Try(t) => {
                if !t.finalbody.is_empty() {
                    self.try_finally(t, false)
                } else {
                    self.try_except(t)
                }
            }
            StmtKind::TryStar(t) => {
                if !t.finalbody.is_empty() {
                    self.try_finally(t, true)
                } else {
                    self.try_star_except(t)
                }
            }
            StmtKind::Assert { test, msg } => self.assert_stmt(test, msg.as_deref()),
            StmtKind::Import { names } => self.import(names),
            StmtKind::ImportFrom { module, names, level } => self.import_from(module.as_deref(), names, *level),
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => Ok(()),
            StmtKind::Expr { value } => self.stmt_expr(value),
            StmtKind::Pass => {
                self.addop(o::NOP);
                Ok(())
            }
            StmtKind::Break => self.break_stmt(),
            StmtKind::Continue => self.continue_stmt(),
            StmtKind::With(w) => self.with(s, w, 0),
            StmtKind::AsyncWith(w) => self.async_with(s, w, 0),
        }
    }

    fn stmt_expr(&mut self, value: &'a Expr) -> R {
        if self.interactive && self.nestlevel <= 1 {
            self.visit_expr(value)?;
            self.addop(o::PRINT_EXPR);
            return Ok(());
        }
        if is_const_expr(value) {
            self.addop(o::NOP);
            return Ok(());
        }
        self.visit_expr(value)?;
        self.unset_loc();
        self.addop(o::POP_TOP);
        Ok(())
    }

    fn return_stmt(&mut self, s: &'a Stmt, value: Option<&'a Expr>) -> R {
        let preserve_tos = value.is_some_and(|v| !is_const_expr(v));
        if self.ste().kind != BlockType::Function {
            return Err(self.error("'return' outside function"));
        }
        if value.is_some() && self.ur().coroutine && self.ste().generator {
            return Err(self.error("'return' with value in async generator"));
        }
        if preserve_tos {
            if let Some(v) = value {
                self.visit_expr(v)?;
            }
        } else if let Some(v) = value {
            self.set_loc(v.loc);
            self.addop(o::NOP);
        }
        if value.is_none_or(|v| v.loc.lineno != s.loc.lineno) {
            self.set_loc(s.loc);
            self.addop(o::NOP);
        }
        self.unwind_fblock_stack(preserve_tos, false)?;
        match value {
            None => self.load_const(ConstValue::None),
            Some(v) if !preserve_tos => {
                if let ExprKind::Constant { value, .. } = &v.kind {
                    let key = const_key_ast(value);
                    let i = self.u().consts.add_keyed(from_ast(value), key);
                    self.addop_i(o::LOAD_CONST, i);
                }
            }
            _ => {}
        }
        self.addop(o::RETURN_VALUE);
        Ok(())
    }

    fn break_stmt(&mut self) -> R {
        let saved = self.ur().loc;
        self.addop(o::NOP);
        let lp = self.unwind_fblock_stack(false, true)?;
        let Some(lp) = lp else {
            self.u().loc = saved;
            return Err(self.error("'break' outside loop"));
        };
        self.unwind_fblock(&lp, false)?;
        self.addop_j(JUMP, lp.exit);
        Ok(())
    }

    fn continue_stmt(&mut self) -> R {
        let saved = self.ur().loc;
        self.addop(o::NOP);
        let lp = self.unwind_fblock_stack(false, true)?;
        let Some(lp) = lp else {
            self.u().loc = saved;
            return Err(self.error("'continue' not properly in loop"));
        };
        self.addop_j(JUMP, lp.block);
        Ok(())
    }

    fn if_stmt(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> R {
        let end = self.new_block();
        let next = if !orelse.is_empty() { self.new_block() } else { end };
        self.jump_if(test, next, false)?;
        self.visit_stmts(body)?;
        if !orelse.is_empty() {
            self.addop_j_noline(JUMP, end);
            self.use_next_block(next);
            self.visit_stmts(orelse)?;
        }
        self.use_next_block(end);
        Ok(())
    }

    fn for_stmt(&mut self, f: &'a For) -> R {
        let start = self.new_block();
        let body = self.new_block();
        let cleanup = self.new_block();
        let end = self.new_block();
        self.push_fblock(FBlockKind::ForLoop, start, end, Datum::None)?;
        self.visit_expr(&f.iter)?;
        self.addop(o::GET_ITER);
        self.use_next_block(start);
        self.addop_j(o::FOR_ITER, cleanup);
        self.use_next_block(body);
        self.visit_expr(&f.target)?;
        self.visit_stmts(&f.body)?;
        self.unset_loc();
        self.addop_j(JUMP, start);
        self.use_next_block(cleanup);
        self.pop_fblock();
        self.visit_stmts(&f.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    fn async_for(&mut self, f: &'a For) -> R {
        if self.is_top_level_await() {
            self.u().coroutine = true;
        } else if self.ur().scope_type != ScopeType::AsyncFunction {
            return Err(self.error("'async for' outside async function"));
        }
        let start = self.new_block();
        let except = self.new_block();
        let end = self.new_block();
        self.visit_expr(&f.iter)?;
        self.addop(o::GET_AITER);
        self.use_next_block(start);
        self.push_fblock(FBlockKind::ForLoop, start, end, Datum::None)?;
        self.addop_j(SETUP_FINALLY, except);
        self.addop(o::GET_ANEXT);
        self.load_const(ConstValue::None);
        self.add_yield_from(true);
        self.addop(POP_BLOCK);
        self.visit_expr(&f.target)?;
        self.visit_stmts(&f.body)?;
        self.unset_loc();
        self.addop_j(JUMP, start);
        self.pop_fblock();
        self.use_next_block(except);
        self.set_loc(f.iter.loc);
        self.addop(o::END_ASYNC_FOR);
        self.visit_stmts(&f.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    fn while_stmt(&mut self, s: &'a Stmt, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> R {
        let lp = self.new_block();
        let body_block = self.new_block();
        let anchor = self.new_block();
        let end = self.new_block();
        self.use_next_block(lp);
        self.push_fblock(FBlockKind::WhileLoop, lp, end, Datum::None)?;
        self.jump_if(test, anchor, false)?;
        self.use_next_block(body_block);
        self.visit_stmts(body)?;
        self.set_loc(s.loc);
        self.jump_if(test, body_block, true)?;
        self.pop_fblock();
        self.use_next_block(anchor);
        self.visit_stmts(orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    fn try_finally(&mut self, t: &'a Try, star: bool) -> R {
        let body = self.new_block();
        let end = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.addop_j(SETUP_FINALLY, end);
        self.use_next_block(body);
        self.push_fblock(FBlockKind::FinallyTry, body, end, Datum::Body(&t.finalbody))?;
        if !t.handlers.is_empty() {
            if star {
                self.try_star_except(t)?;
            } else {
                self.try_except(t)?;
            }
        } else {
            self.visit_stmts(&t.body)?;
        }
        self.addop_noline(POP_BLOCK);
        self.pop_fblock();
        self.visit_stmts(&t.finalbody)?;
        self.addop_j_noline(JUMP, exit);
        self.use_next_block(end);
        self.unset_loc();
        self.addop_j(SETUP_CLEANUP, cleanup);
        self.addop(o::PUSH_EXC_INFO);
        self.push_fblock(FBlockKind::FinallyEnd, end, NO_BLOCK, Datum::None)?;
        self.visit_stmts(&t.finalbody)?;
        self.pop_fblock();
        self.addop_i(o::RERAISE, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(exit);
        Ok(())
    }

    fn try_except(&mut self, t: &'a Try) -> R {
        let body = self.new_block();
        let mut except = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        self.addop_j(SETUP_FINALLY, except);
        self.use_next_block(body);
        self.push_fblock(FBlockKind::TryExcept, body, NO_BLOCK, Datum::None)?;
        self.visit_stmts(&t.body)?;
        self.pop_fblock();
        self.addop_noline(POP_BLOCK);
        self.visit_stmts(&t.orelse)?;
        self.addop_j_noline(JUMP, end);
        let n = t.handlers.len();
        self.use_next_block(except);
        self.unset_loc();
        self.addop_j(SETUP_CLEANUP, cleanup);
        self.addop(o::PUSH_EXC_INFO);
        self.push_fblock(FBlockKind::ExceptionHandler, NO_BLOCK, NO_BLOCK, Datum::None)?;
        for (i, h) in t.handlers.iter().enumerate() {
            self.set_loc(h.loc);
            if h.type_.is_none() && i < n - 1 {
                return Err(self.error("default 'except:' must be last"));
            }
            except = self.new_block();
            if let Some(ty) = &h.type_ {
                self.visit_expr(ty)?;
                self.addop(o::CHECK_EXC_MATCH);
                self.addop_j(POP_JUMP_IF_FALSE, except);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_block();
                let cleanup_body = self.new_block();
                self.nameop(name, ExprContext::Store)?;
                self.addop_j(SETUP_CLEANUP, cleanup_end);
                self.use_next_block(cleanup_body);
                self.push_fblock(FBlockKind::HandlerCleanup, cleanup_body, NO_BLOCK, Datum::Name(Some(name)))?;
                self.visit_stmts(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.addop(POP_BLOCK);
                self.addop(POP_BLOCK);
                self.addop(o::POP_EXCEPT);
                self.load_const(ConstValue::None);
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
                self.addop_j(JUMP, end);
                self.use_next_block(cleanup_end);
                self.unset_loc();
                self.load_const(ConstValue::None);
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
                self.addop_i(o::RERAISE, 1);
            } else {
                let cleanup_body = self.new_block();
                self.addop(o::POP_TOP);
                self.use_next_block(cleanup_body);
                self.push_fblock(FBlockKind::HandlerCleanup, cleanup_body, NO_BLOCK, Datum::Name(None))?;
                self.visit_stmts(&h.body)?;
                self.pop_fblock();
                self.unset_loc();
                self.addop(POP_BLOCK);
                self.addop(o::POP_EXCEPT);
                self.addop_j(JUMP, end);
            }
            self.use_next_block(except);
        }
        self.unset_loc();
        self.pop_fblock();
        self.addop_i(o::RERAISE, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(end);
        Ok(())
    }

    fn try_star_except(&mut self, t: &'a Try) -> R {
        let body = self.new_block();
        let except = self.new_block();
        let orelse = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        let reraise_star = self.new_block();
        self.addop_j(SETUP_FINALLY, except);
        self.use_next_block(body);
        self.push_fblock(FBlockKind::TryExcept, body, NO_BLOCK, Datum::None)?;
        self.visit_stmts(&t.body)?;
        self.pop_fblock();
        self.addop_noline(POP_BLOCK);
        self.addop_j_noline(JUMP, orelse);
        let n = t.handlers.len();
        self.use_next_block(except);
        self.unset_loc();
        self.addop_j(SETUP_CLEANUP, cleanup);
        self.addop(o::PUSH_EXC_INFO);
        self.push_fblock(FBlockKind::ExceptionGroupHandler, NO_BLOCK, NO_BLOCK, Datum::None)?;
        for (i, h) in t.handlers.iter().enumerate() {
            self.set_loc(h.loc);
            let except = self.new_block();
            let except_with_error = self.new_block();
            let no_match = self.new_block();
            if i == 0 {
                self.addop_i(o::COPY, 1);
                self.addop_i(o::BUILD_LIST, 0);
                self.addop_i(o::SWAP, 2);
            }
            if let Some(ty) = &h.type_ {
                self.visit_expr(ty)?;
                self.addop(o::CHECK_EG_MATCH);
                self.addop_i(o::COPY, 1);
                self.addop_j(POP_JUMP_IF_NONE, no_match);
            }
            let cleanup_end = self.new_block();
            let cleanup_body = self.new_block();
            match &h.name {
                Some(name) => self.nameop(name, ExprContext::Store)?,
                None => self.addop(o::POP_TOP),
            }
            self.addop_j(SETUP_CLEANUP, cleanup_end);
            self.use_next_block(cleanup_body);
            self.push_fblock(FBlockKind::HandlerCleanup, cleanup_body, NO_BLOCK, Datum::Name(h.name.as_deref()))?;
            self.visit_stmts(&h.body)?;
            self.pop_fblock();
            self.unset_loc();
            self.addop(POP_BLOCK);
            if let Some(name) = &h.name {
                self.load_const(ConstValue::None);
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
            }
            self.addop_j(JUMP, except);
            self.use_next_block(cleanup_end);
            self.unset_loc();
            if let Some(name) = &h.name {
                self.load_const(ConstValue::None);
                self.nameop(name, ExprContext::Store)?;
                self.nameop(name, ExprContext::Del)?;
            }
            self.addop_i(o::LIST_APPEND, 3);
            self.addop(o::POP_TOP);
            self.addop_j(JUMP, except_with_error);
            self.use_next_block(except);
            // Holds the location propagated from the body's end.
            self.addop(o::NOP);
            self.addop_j(JUMP, except_with_error);
            self.use_next_block(no_match);
            self.set_loc(h.loc);
            self.addop(o::POP_TOP);
            self.use_next_block(except_with_error);
            if i == n - 1 {
                self.unset_loc();
                self.addop_i(o::LIST_APPEND, 1);
                self.addop_j(JUMP, reraise_star);
            }
        }
        self.unset_loc();
        self.pop_fblock();
        let reraise = self.new_block();
        self.use_next_block(reraise_star);
        self.addop(o::PREP_RERAISE_STAR);
        self.addop_i(o::COPY, 1);
        self.addop_j(POP_JUMP_IF_NOT_NONE, reraise);
        self.addop(o::POP_TOP);
        self.addop(POP_BLOCK);
        self.addop(o::POP_EXCEPT);
        self.addop_j(JUMP, end);
        self.use_next_block(reraise);
        self.addop(POP_BLOCK);
        self.addop_i(o::SWAP, 2);
        self.addop(o::POP_EXCEPT);
        self.addop_i(o::RERAISE, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(orelse);
        self.visit_stmts(&t.orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    fn import_as(&mut self, name: &str, asname: &str) -> R {
        if let Some(dot) = name.find('.') {
            let mut rest = &name[dot + 1..];
            loop {
                let (attr, more) = match rest.find('.') {
                    Some(d) => (&rest[..d], Some(&rest[d + 1..])),
                    None => (rest, None),
                };
                self.addop_name_raw(o::IMPORT_FROM, attr);
                match more {
                    None => break,
                    Some(m) => {
                        rest = m;
                        self.addop_i(o::SWAP, 2);
                        self.addop(o::POP_TOP);
                    }
                }
            }
            self.nameop(asname, ExprContext::Store)?;
            self.addop(o::POP_TOP);
            return Ok(());
        }
        self.nameop(asname, ExprContext::Store)
    }

    fn import(&mut self, names: &'a [Alias]) -> R {
        for alias in names {
            self.load_const(ConstValue::Int(0));
            self.load_const(ConstValue::None);
            self.addop_name(o::IMPORT_NAME, &alias.name);
            match &alias.asname {
                Some(asname) => self.import_as(&alias.name, asname)?,
                None => {
                    let store = match alias.name.find('.') {
                        Some(d) => &alias.name[..d],
                        None => &alias.name,
                    };
                    self.nameop(store, ExprContext::Store)?;
                }
            }
        }
        Ok(())
    }

    fn import_from(&mut self, module: Option<&str>, names: &'a [Alias], level: u32) -> R {
        self.load_const(ConstValue::Int(level as i64));
        let tuple: Vec<ConstValue> = names.iter().map(|a| str_const(&a.name)).collect();
        self.load_const(ConstValue::Tuple(Rc::from(tuple)));
        self.addop_name(o::IMPORT_NAME, module.unwrap_or(""));
        for (i, alias) in names.iter().enumerate() {
            if i == 0 && alias.name.starts_with('*') {
                self.addop(o::IMPORT_STAR);
                return Ok(());
            }
            self.addop_name(o::IMPORT_FROM, &alias.name);
            let store = alias.asname.as_deref().unwrap_or(&alias.name);
            self.nameop(store, ExprContext::Store)?;
        }
        self.addop(o::POP_TOP);
        Ok(())
    }

    fn assert_stmt(&mut self, test: &'a Expr, msg: Option<&'a Expr>) -> R {
        if self.optimize > 0 {
            return Ok(());
        }
        let end = self.new_block();
        self.jump_if(test, end, true)?;
        self.addop(o::LOAD_ASSERTION_ERROR);
        if let Some(m) = msg {
            self.visit_expr(m)?;
            self.addop_i(o::PRECALL, 0);
            self.addop_i(o::CALL, 0);
        }
        self.addop_i(o::RAISE_VARARGS, 1);
        self.use_next_block(end);
        Ok(())
    }

    fn with_except_finish(&mut self, cleanup: BlockId) {
        self.unset_loc();
        let exit = self.new_block();
        self.addop_j(POP_JUMP_IF_TRUE, exit);
        self.addop_i(o::RERAISE, 2);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(exit);
        self.addop(o::POP_TOP);
        self.addop(POP_BLOCK);
        self.addop(o::POP_EXCEPT);
        self.addop(o::POP_TOP);
        self.addop(o::POP_TOP);
    }

    fn async_with(&mut self, s: &'a Stmt, w: &'a With, pos: usize) -> R {
        let Some(item) = w.items.get(pos) else { return Err(malformed("empty items on AsyncWith")) };
        if self.is_top_level_await() {
            self.u().coroutine = true;
        } else if self.ur().scope_type != ScopeType::AsyncFunction {
            return Err(self.error("'async with' outside async function"));
        }
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.visit_expr(&item.context_expr)?;
        self.addop(o::BEFORE_ASYNC_WITH);
        self.addop_i(o::GET_AWAITABLE, 1);
        self.load_const(ConstValue::None);
        self.add_yield_from(true);
        self.addop_j(SETUP_WITH, final_);
        self.use_next_block(block);
        self.push_fblock(FBlockKind::AsyncWith, block, final_, Datum::Stmt(s))?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.addop(o::POP_TOP),
        }
        if pos + 1 == w.items.len() {
            self.visit_stmts(&w.body)?;
        } else {
            self.async_with(s, w, pos + 1)?;
        }
        self.pop_fblock();
        self.addop(POP_BLOCK);
        self.set_loc(s.loc);
        self.call_exit_with_nones();
        self.addop_i(o::GET_AWAITABLE, 2);
        self.load_const(ConstValue::None);
        self.add_yield_from(true);
        self.addop(o::POP_TOP);
        self.addop_j(JUMP, exit);
        self.use_next_block(final_);
        self.addop_j(SETUP_CLEANUP, cleanup);
        self.addop(o::PUSH_EXC_INFO);
        self.addop(o::WITH_EXCEPT_START);
        self.addop_i(o::GET_AWAITABLE, 2);
        self.load_const(ConstValue::None);
        self.add_yield_from(true);
        self.with_except_finish(cleanup);
        self.use_next_block(exit);
        Ok(())
    }

    fn with(&mut self, s: &'a Stmt, w: &'a With, pos: usize) -> R {
        let Some(item) = w.items.get(pos) else { return Err(malformed("empty items on With")) };
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.visit_expr(&item.context_expr)?;
        self.addop(o::BEFORE_WITH);
        self.addop_j(SETUP_WITH, final_);
        self.use_next_block(block);
        self.push_fblock(FBlockKind::With, block, final_, Datum::Stmt(s))?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.addop(o::POP_TOP),
        }
        if pos + 1 == w.items.len() {
            self.visit_stmts(&w.body)?;
        } else {
            self.with(s, w, pos + 1)?;
        }
        self.unset_loc();
        self.addop(POP_BLOCK);
        self.pop_fblock();
        self.set_loc(s.loc);
        self.call_exit_with_nones();
        self.addop(o::POP_TOP);
        self.addop_j(JUMP, exit);
        self.use_next_block(final_);
        self.addop_j(SETUP_CLEANUP, cleanup);
        self.addop(o::PUSH_EXC_INFO);
        self.addop(o::WITH_EXCEPT_START);
        self.with_except_finish(cleanup);
        self.use_next_block(exit);
        Ok(())
    }

    fn augassign(&mut self, e: &'a Expr, op: Operator, value: &'a Expr) -> R {
        let saved = self.ur().loc;
        self.set_loc(e.loc);
        match &e.kind {
            ExprKind::Attribute { value: obj, attr, .. } => {
                self.visit_expr(obj)?;
                self.addop_i(o::COPY, 1);
                self.update_start_location_to_match_attr(e);
                self.addop_name(o::LOAD_ATTR, attr);
            }
            ExprKind::Subscript { value: obj, slice, .. } => {
                self.visit_expr(obj)?;
                self.visit_expr(slice)?;
                self.addop_i(o::COPY, 2);
                self.addop_i(o::COPY, 2);
                self.addop(o::BINARY_SUBSCR);
            }
            ExprKind::Name { id, .. } => self.nameop(id, ExprContext::Load)?,
            _ => return Err(self.error("invalid node type for augmented assignment")),
        }
        self.u().loc = saved;
        self.visit_expr(value)?;
        self.addop_i(o::BINARY_OP, binop_arg(op, true) as usize);
        self.set_loc(e.loc);
        match &e.kind {
            ExprKind::Attribute { attr, .. } => {
                self.update_start_location_to_match_attr(e);
                self.addop_i(o::SWAP, 2);
                self.addop_name(o::STORE_ATTR, attr);
            }
            ExprKind::Subscript { .. } => {
                self.addop_i(o::SWAP, 3);
                self.addop_i(o::SWAP, 2);
                self.addop(o::STORE_SUBSCR);
            }
            ExprKind::Name { id, .. } => self.nameop(id, ExprContext::Store)?,
            _ => {}
        }
        Ok(())
    }

    fn check_ann_expr(&mut self, e: &'a Expr) -> R {
        self.visit_expr(e)?;
        self.addop(o::POP_TOP);
        Ok(())
    }

    fn check_ann_subscr(&mut self, e: &'a Expr) -> R {
        match &e.kind {
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.check_ann_expr(part)?;
                }
                Ok(())
            }
            ExprKind::Tuple { elts, .. } => {
                for el in elts {
                    self.check_ann_subscr(el)?;
                }
                Ok(())
            }
            _ => self.check_ann_expr(e),
        }
    }

    fn annassign(&mut self, targ: &'a Expr, annotation: &'a Expr, value: Option<&'a Expr>, simple: bool) -> R {
        if let Some(v) = value {
            self.visit_expr(v)?;
            self.visit_expr(targ)?;
        }
        let st = self.ur().scope_type;
        let module_or_class = matches!(st, ScopeType::Module | ScopeType::Class);
        match &targ.kind {
            ExprKind::Name { id, .. } => {
                if simple && module_or_class {
                    if self.future_flags & CO_FUTURE_ANNOTATIONS != 0 {
                        self.load_const(ConstValue::Str(Rc::new(unparse::annotation_string(annotation))));
                    } else {
                        self.visit_expr(annotation)?;
                    }
                    self.addop_name(o::LOAD_NAME, "__annotations__");
                    let mangled = mangle(self.ur().private.as_deref(), id).into_owned();
                    self.load_const(str_const(&mangled));
                    self.addop(o::STORE_SUBSCR);
                }
            }
            ExprKind::Attribute { value: obj, .. } => {
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                }
            }
            ExprKind::Subscript { value: obj, slice, .. } => {
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                    self.check_ann_subscr(slice)?;
                }
            }
            _ => return Err(self.error("invalid node type for annotated assignment")),
        }
        if !simple && self.future_flags & CO_FUTURE_ANNOTATIONS == 0 && module_or_class {
            self.check_ann_expr(annotation)?;
        }
        Ok(())
    }

    // ---- conditions -------------------------------------------------------

    fn jump_if(&mut self, e: &'a Expr, next: BlockId, cond: bool) -> R {
        match &e.kind {
            ExprKind::UnaryOp { op: UnaryOp::Not, operand } => return self.jump_if(operand, next, !cond),
            ExprKind::BoolOp { op, values } => {
                if values.len() < 2 {
                    return Err(malformed("BoolOp with less than 2 values"));
                }
                let n = values.len() - 1;
                let cond2 = *op == BoolOp::Or;
                let next2 = if cond2 != cond { self.new_block() } else { next };
                for v in &values[..n] {
                    self.jump_if(v, next2, cond2)?;
                }
                self.jump_if(&values[n], next, cond)?;
                if next2 != next {
                    self.use_next_block(next2);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_block();
                let next2 = self.new_block();
                self.jump_if(test, next2, false)?;
                self.jump_if(body, next, cond)?;
                self.addop_j_noline(JUMP, end);
                self.use_next_block(next2);
                self.jump_if(orelse, next, cond)?;
                self.use_next_block(end);
                return Ok(());
            }
            ExprKind::Compare { left, ops, comparators } => {
                check_compare(ops, comparators)?;
                self.set_loc(e.loc);
                let n = ops.len() - 1;
                if n > 0 {
                    let cleanup = self.new_block();
                    self.visit_expr(left)?;
                    for i in 0..n {
                        self.visit_expr(&comparators[i])?;
                        self.addop_i(o::SWAP, 2);
                        self.addop_i(o::COPY, 2);
                        self.addcompare(ops[i]);
                        self.addop_j(POP_JUMP_IF_FALSE, cleanup);
                    }
                    self.visit_expr(&comparators[n])?;
                    self.addcompare(ops[n]);
                    self.addop_j(if cond { POP_JUMP_IF_TRUE } else { POP_JUMP_IF_FALSE }, next);
                    let end = self.new_block();
                    self.addop_j_noline(JUMP, end);
                    self.use_next_block(cleanup);
                    self.addop(o::POP_TOP);
                    if !cond {
                        self.addop_j_noline(JUMP, next);
                    }
                    self.use_next_block(end);
                    return Ok(());
                }
            }
            _ => {}
        }
        self.visit_expr(e)?;
        self.addop_j(if cond { POP_JUMP_IF_TRUE } else { POP_JUMP_IF_FALSE }, next);
        Ok(())
    }

    fn addcompare(&mut self, op: CmpOp) {
        let cmp = match op {
            CmpOp::Lt => 0,
            CmpOp::LtE => 1,
            CmpOp::Eq => 2,
            CmpOp::NotEq => 3,
            CmpOp::Gt => 4,
            CmpOp::GtE => 5,
            CmpOp::Is => return self.addop_i(o::IS_OP, 0),
            CmpOp::IsNot => return self.addop_i(o::IS_OP, 1),
            CmpOp::In => return self.addop_i(o::CONTAINS_OP, 0),
            CmpOp::NotIn => return self.addop_i(o::CONTAINS_OP, 1),
        };
        self.addop_i(o::COMPARE_OP, cmp);
    }

    // ---- expressions --------------------------------------------------------

    fn visit_expr(&mut self, e: &'a Expr) -> R {
        let saved = self.ur().loc;
        self.set_loc(e.loc);
        let res = self.visit_expr1(e);
        self.u().loc = saved;
        res
    }

    fn visit_expr1(&mut self, e: &'a Expr) -> R {
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.visit_expr(value)?;
                self.addop_i(o::COPY, 1);
                self.visit_expr(target)?;
            }
            ExprKind::BoolOp { op, values } => self.boolop(*op, values)?,
            ExprKind::BinOp { left, op, right } => {
                self.visit_expr(left)?;
                self.visit_expr(right)?;
                self.addop_i(o::BINARY_OP, binop_arg(*op, false) as usize);
            }
            ExprKind::UnaryOp { op, operand } => {
                self.visit_expr(operand)?;
                self.addop(match op {
                    UnaryOp::Invert => o::UNARY_INVERT,
                    UnaryOp::Not => o::UNARY_NOT,
                    UnaryOp::UAdd => o::UNARY_POSITIVE,
                    UnaryOp::USub => o::UNARY_NEGATIVE,
                });
            }
            ExprKind::Lambda { args, body } => self.lambda(e, args, body)?,
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_block();
                let next = self.new_block();
                self.jump_if(test, next, false)?;
                self.visit_expr(body)?;
                self.addop_j_noline(JUMP, end);
                self.use_next_block(next);
                self.visit_expr(orelse)?;
                self.use_next_block(end);
            }
            ExprKind::Dict { keys, values } => self.dict(keys, values)?,
            ExprKind::Set { elts } => self.starunpack_helper(elts, 0, o::BUILD_SET, o::SET_ADD, o::SET_UPDATE, false)?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, CompKind::GenExp, "<genexpr>", generators, elt, None)?
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, CompKind::List, "<listcomp>", generators, elt, None)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, CompKind::Set, "<setcomp>", generators, elt, None)?
            }
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(e, CompKind::Dict, "<dictcomp>", generators, key, Some(value))?
            }
            ExprKind::Yield { value } => {
                if self.ste().kind != BlockType::Function {
                    return Err(self.error("'yield' outside function"));
                }
                match value {
                    Some(v) => self.visit_expr(v)?,
                    None => self.load_const(ConstValue::None),
                }
                self.addop_yield();
            }
            ExprKind::YieldFrom { value } => {
                if self.ste().kind != BlockType::Function {
                    return Err(self.error("'yield' outside function"));
                }
                if self.ur().scope_type == ScopeType::AsyncFunction {
                    return Err(self.error("'yield from' inside async function"));
                }
                self.visit_expr(value)?;
                self.addop(o::GET_YIELD_FROM_ITER);
                self.load_const(ConstValue::None);
                self.add_yield_from(false);
            }
            ExprKind::Await { value } => {
                if !self.is_top_level_await() {
                    if self.ste().kind != BlockType::Function {
                        return Err(self.error("'await' outside function"));
                    }
                    if !matches!(self.ur().scope_type, ScopeType::AsyncFunction | ScopeType::Comprehension) {
                        return Err(self.error("'await' outside async function"));
                    }
                }
                self.visit_expr(value)?;
                self.addop_i(o::GET_AWAITABLE, 0);
                self.load_const(ConstValue::None);
                self.add_yield_from(true);
            }
            ExprKind::Compare { left, ops, comparators } => self.compare(left, ops, comparators)?,
            ExprKind::Call { func, args, keywords } => self.call(e, func, args, keywords)?,
            ExprKind::Constant { value, .. } => {
                let key = const_key_ast(value);
                let i = self.u().consts.add_keyed(from_ast(value), key);
                self.addop_i(o::LOAD_CONST, i);
            }
            ExprKind::JoinedStr { values } => self.joined_str(values)?,
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                self.visit_expr(value)?;
                let mut oparg = match char::from_u32(*conversion as u32) {
                    Some('s') => 1,
                    Some('r') => 2,
                    Some('a') => 3,
                    _ => 0,
                };
                if let Some(spec) = format_spec {
                    self.visit_expr(spec)?;
                    oparg |= 4;
                }
                self.addop_i(o::FORMAT_VALUE, oparg);
            }
            ExprKind::Attribute { value, attr, ctx } => {
                self.visit_expr(value)?;
                self.update_start_location_to_match_attr(e);
                match ctx {
                    ExprContext::Load => self.addop_name(o::LOAD_ATTR, attr),
                    ExprContext::Store => self.addop_name(o::STORE_ATTR, attr),
                    ExprContext::Del => self.addop_name(o::DELETE_ATTR, attr),
                }
            }
            ExprKind::Subscript { value, slice, ctx } => {
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
                self.addop(match ctx {
                    ExprContext::Load => o::BINARY_SUBSCR,
                    ExprContext::Store => o::STORE_SUBSCR,
                    ExprContext::Del => o::DELETE_SUBSCR,
                });
            }
            ExprKind::Starred { ctx, .. } => {
                return Err(self.error(if *ctx == ExprContext::Store {
                    "starred assignment target must be in a list or tuple"
                } else {
                    "can't use starred expression here"
                }));
            }
            ExprKind::Slice { lower, upper, step } => {
                let mut n = 2;
                match lower {
                    Some(l) => self.visit_expr(l)?,
                    None => self.load_const(ConstValue::None),
                }
                match upper {
                    Some(u) => self.visit_expr(u)?,
                    None => self.load_const(ConstValue::None),
                }
                if let Some(s) = step {
                    n += 1;
                    self.visit_expr(s)?;
                }
                self.addop_i(o::BUILD_SLICE, n);
            }
            ExprKind::Name { id, ctx } => self.nameop(id, *ctx)?,
            ExprKind::List { elts, ctx } => match ctx {
                ExprContext::Store => self.assignment_helper(elts)?,
                ExprContext::Load => {
                    self.starunpack_helper(elts, 0, o::BUILD_LIST, o::LIST_APPEND, o::LIST_EXTEND, false)?
                }
                ExprContext::Del => self.visit_exprs(elts)?,
            },
            ExprKind::Tuple { elts, ctx } => match ctx {
                ExprContext::Store => self.assignment_helper(elts)?,
                ExprContext::Load => {
                    self.starunpack_helper(elts, 0, o::BUILD_LIST, o::LIST_APPEND, o::LIST_EXTEND, true)?
                }
                ExprContext::Del => self.visit_exprs(elts)?,
            },
        }
        Ok(())
    }

    fn addop_yield(&mut self) {
        if self.ste().generator && self.ur().coroutine {
            self.addop(o::ASYNC_GEN_WRAP);
        }
        self.addop(o::YIELD_VALUE);
        self.addop_i(o::RESUME, 1);
    }

    fn update_start_location_to_match_attr(&mut self, attr: &Expr) {
        let ExprKind::Attribute { attr: name, .. } = &attr.kind else { return };
        let end_lineno = attr.loc.end_lineno as i32;
        let end_col = attr.loc.end_col_offset as i32;
        let u = self.u();
        if u.loc.lineno != end_lineno {
            u.loc.lineno = end_lineno;
            let len = name.chars().count() as i32;
            if len <= end_col {
                u.loc.col = end_col - len;
            } else {
                u.loc.col = -1;
                u.loc.end_col = -1;
            }
            u.loc.end_lineno = u.loc.end_lineno.max(u.loc.lineno);
            if u.loc.lineno == u.loc.end_lineno {
                u.loc.end_col = u.loc.end_col.max(u.loc.col);
            }
        }
    }

    fn boolop(&mut self, op: BoolOp, values: &'a [Expr]) -> R {
        if values.len() < 2 {
            return Err(malformed("BoolOp with less than 2 values"));
        }
        let jumpi = if op == BoolOp::And { o::JUMP_IF_FALSE_OR_POP } else { o::JUMP_IF_TRUE_OR_POP };
        let end = self.new_block();
        let n = values.len() - 1;
        for v in &values[..n] {
            self.visit_expr(v)?;
            self.addop_j(jumpi, end);
            let next = self.new_block();
            self.use_next_block(next);
        }
        self.visit_expr(&values[n])?;
        self.use_next_block(end);
        Ok(())
    }

    fn starunpack_helper(&mut self, elts: &'a [Expr], pushed: usize, build: u16, add: u16, extend: u16, tuple: bool) -> R {
        let n = elts.len();
        if n > 2 && elts.iter().all(is_const_expr) {
            let items: Vec<ConstValue> = elts.iter().filter_map(const_value).collect();
            if tuple && pushed == 0 {
                self.load_const(ConstValue::Tuple(Rc::from(items)));
            } else {
                let folded = if add == o::SET_ADD {
                    ConstValue::FrozenSet(Rc::from(dedup_set(items)))
                } else {
                    ConstValue::Tuple(Rc::from(items))
                };
                self.addop_i(build, pushed);
                self.load_const(folded);
                self.addop_i(extend, 1);
                if tuple {
                    self.addop(o::LIST_TO_TUPLE);
                }
            }
            return Ok(());
        }
        let big = n + pushed > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(is_starred);
        if !seen_star && !big {
            self.visit_exprs(elts)?;
            if tuple {
                self.addop_i(o::BUILD_TUPLE, n + pushed);
            } else {
                self.addop_i(build, n + pushed);
            }
            return Ok(());
        }
        let mut sequence_built = false;
        if big {
            self.addop_i(build, pushed);
            sequence_built = true;
        }
        for (i, elt) in elts.iter().enumerate() {
            if let ExprKind::Starred { value, .. } = &elt.kind {
                if !sequence_built {
                    self.addop_i(build, i + pushed);
                    sequence_built = true;
                }
                self.visit_expr(value)?;
                self.addop_i(extend, 1);
            } else {
                self.visit_expr(elt)?;
                if sequence_built {
                    self.addop_i(add, 1);
                }
            }
        }
        if tuple {
            self.addop(o::LIST_TO_TUPLE);
        }
        Ok(())
    }

    fn unpack_helper(&mut self, elts: &'a [Expr]) -> R {
        let n = elts.len();
        let mut seen_star = false;
        for (i, elt) in elts.iter().enumerate() {
            if is_starred(elt) {
                if seen_star {
                    return Err(self.error("multiple starred expressions in assignment"));
                }
                if i >= (1 << 8) || n - i > (i32::MAX as usize >> 8) {
                    return Err(self.error("too many expressions in star-unpacking assignment"));
                }
                self.addop_i(o::UNPACK_EX, i + ((n - i - 1) << 8));
                seen_star = true;
            }
        }
        if !seen_star {
            self.addop_i(o::UNPACK_SEQUENCE, n);
        }
        Ok(())
    }

    fn assignment_helper(&mut self, elts: &'a [Expr]) -> R {
        self.unpack_helper(elts)?;
        for elt in elts {
            match &elt.kind {
                ExprKind::Starred { value, .. } => self.visit_expr(value)?,
                _ => self.visit_expr(elt)?,
            }
        }
        Ok(())
    }

    fn subdict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr], begin: usize, end: usize) -> R {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        let all_const = keys[begin..end].iter().all(|k| k.as_ref().is_some_and(is_const_expr));
        if n > 1 && !big && all_const {
            self.visit_exprs(&values[begin..end])?;
            let ks: Vec<ConstValue> = keys[begin..end].iter().filter_map(|k| k.as_ref().and_then(const_value)).collect();
            self.load_const(ConstValue::Tuple(Rc::from(ks)));
            self.addop_i(o::BUILD_CONST_KEY_MAP, n);
            return Ok(());
        }
        if big {
            self.addop_i(o::BUILD_MAP, 0);
        }
        for i in begin..end {
            if let Some(k) = &keys[i] {
                self.visit_expr(k)?;
            }
            self.visit_expr(&values[i])?;
            if big {
                self.addop_i(o::MAP_ADD, 1);
            }
        }
        if !big {
            self.addop_i(o::BUILD_MAP, n);
        }
        Ok(())
    }

    fn dict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr]) -> R {
        if keys.len() != values.len() {
            return Err(malformed("Dict doesn't have the same number of keys as values"));
        }
        let n = values.len();
        let mut have_dict = false;
        let mut elements = 0;
        for i in 0..n {
            let is_unpacking = keys.get(i).is_none_or(|k| k.is_none());
            if is_unpacking {
                if elements > 0 {
                    self.subdict(keys, values, i - elements, i)?;
                    if have_dict {
                        self.addop_i(o::DICT_UPDATE, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.addop_i(o::BUILD_MAP, 0);
                    have_dict = true;
                }
                self.visit_expr(&values[i])?;
                self.addop_i(o::DICT_UPDATE, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(keys, values, i - elements, i + 1)?;
                if have_dict {
                    self.addop_i(o::DICT_UPDATE, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(keys, values, n - elements, n)?;
            if have_dict {
                self.addop_i(o::DICT_UPDATE, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.addop_i(o::BUILD_MAP, 0);
        }
        Ok(())
    }

    fn compare(&mut self, left: &'a Expr, ops: &'a [CmpOp], comparators: &'a [Expr]) -> R {
        check_compare(ops, comparators)?;
        self.visit_expr(left)?;
        let n = ops.len() - 1;
        if n == 0 {
            self.visit_expr(&comparators[0])?;
            self.addcompare(ops[0]);
        } else {
            let cleanup = self.new_block();
            for i in 0..n {
                self.visit_expr(&comparators[i])?;
                self.addop_i(o::SWAP, 2);
                self.addop_i(o::COPY, 2);
                self.addcompare(ops[i]);
                self.addop_j(o::JUMP_IF_FALSE_OR_POP, cleanup);
            }
            self.visit_expr(&comparators[n])?;
            self.addcompare(ops[n]);
            let end = self.new_block();
            self.addop_j_noline(JUMP, end);
            self.use_next_block(cleanup);
            self.addop_i(o::SWAP, 2);
            self.addop(o::POP_TOP);
            self.use_next_block(end);
        }
        Ok(())
    }

    fn is_import_originated(&self, e: &Expr) -> bool {
        let ExprKind::Name { id, .. } = &e.kind else { return false };
        self.st.scopes[SymbolTable::TOP].symbol(id) & DEF_IMPORT != 0
    }

    fn maybe_optimize_method_call(&mut self, e: &'a Expr, func: &'a Expr, args: &'a [Expr], keywords: &'a [Keyword]) -> R<bool> {
        let ExprKind::Attribute { value: obj, attr, ctx: ExprContext::Load } = &func.kind else { return Ok(false) };
        if self.is_import_originated(obj) {
            return Ok(false);
        }
        let argsl = args.len();
        let kwdsl = keywords.len();
        if argsl + kwdsl + (kwdsl != 0) as usize >= STACK_USE_GUIDELINE {
            return Ok(false);
        }
        if args.iter().any(is_starred) || keywords.iter().any(|k| k.arg.is_none()) {
            return Ok(false);
        }
        self.visit_expr(obj)?;
        self.set_loc(func.loc);
        self.update_start_location_to_match_attr(func);
        self.addop_name(o::LOAD_METHOD, attr);
        self.visit_exprs(args)?;
        if kwdsl > 0 {
            for k in keywords {
                self.visit_expr(&k.value)?;
            }
            self.call_simple_kw_helper(keywords);
        }
        self.set_loc(e.loc);
        self.update_start_location_to_match_attr(func);
        self.addop_i(o::PRECALL, argsl + kwdsl);
        self.addop_i(o::CALL, argsl + kwdsl);
        Ok(true)
    }

    fn call(&mut self, e: &'a Expr, func: &'a Expr, args: &'a [Expr], keywords: &'a [Keyword]) -> R {
        if self.maybe_optimize_method_call(e, func, args, keywords)? {
            return Ok(());
        }
        self.set_loc(func.loc);
        self.addop(o::PUSH_NULL);
        self.set_loc(e.loc);
        self.visit_expr(func)?;
        self.call_helper(0, args, keywords)
    }

    fn joined_str(&mut self, values: &'a [Expr]) -> R {
        if values.len() > STACK_USE_GUIDELINE {
            self.load_const(str_const(""));
            self.addop_name_raw(o::LOAD_METHOD, "join");
            self.addop_i(o::BUILD_LIST, 0);
            for v in values {
                self.visit_expr(v)?;
                self.addop_i(o::LIST_APPEND, 1);
            }
            self.addop_i(o::PRECALL, 1);
            self.addop_i(o::CALL, 1);
        } else {
            self.visit_exprs(values)?;
            if values.len() != 1 {
                self.addop_i(o::BUILD_STRING, values.len());
            }
        }
        Ok(())
    }

    fn subkwargs(&mut self, keywords: &'a [Keyword], begin: usize, end: usize) -> R {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            for k in &keywords[begin..end] {
                self.visit_expr(&k.value)?;
            }
            let keys: Vec<ConstValue> = keywords[begin..end].iter().map(|k| str_const(k.arg.as_deref().unwrap_or(""))).collect();
            self.load_const(ConstValue::Tuple(Rc::from(keys)));
            self.addop_i(o::BUILD_CONST_KEY_MAP, n);
            return Ok(());
        }
        if big {
            self.addop_i_noline(o::BUILD_MAP, 0);
        }
        for k in &keywords[begin..end] {
            self.load_const(str_const(k.arg.as_deref().unwrap_or("")));
            self.visit_expr(&k.value)?;
            if big {
                self.addop_i_noline(o::MAP_ADD, 1);
            }
        }
        if !big {
            self.addop_i(o::BUILD_MAP, n);
        }
        Ok(())
    }

    fn call_simple_kw_helper(&mut self, keywords: &'a [Keyword]) {
        let names: Vec<ConstValue> = keywords.iter().map(|k| str_const(k.arg.as_deref().unwrap_or(""))).collect();
        let i = self.add_const(ConstValue::Tuple(Rc::from(names)));
        self.addop_i(o::KW_NAMES, i);
    }

    fn call_helper(&mut self, n: usize, args: &'a [Expr], keywords: &'a [Keyword]) -> R {
        let nelts = args.len();
        let nkwelts = keywords.len();
        let ex_call = nelts + nkwelts * 2 > STACK_USE_GUIDELINE
            || args.iter().any(is_starred)
            || keywords.iter().any(|k| k.arg.is_none());
        if !ex_call {
            self.visit_exprs(args)?;
            if nkwelts > 0 {
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
                self.call_simple_kw_helper(keywords);
            }
            self.addop_i(o::PRECALL, n + nelts + nkwelts);
            self.addop_i(o::CALL, n + nelts + nkwelts);
            return Ok(());
        }
        if n == 0 && nelts == 1 {
            if let ExprKind::Starred { value, .. } = &args[0].kind {
                self.visit_expr(value)?;
            } else {
                self.starunpack_helper(args, n, o::BUILD_LIST, o::LIST_APPEND, o::LIST_EXTEND, true)?;
            }
        } else {
            self.starunpack_helper(args, n, o::BUILD_LIST, o::LIST_APPEND, o::LIST_EXTEND, true)?;
        }
        if nkwelts > 0 {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, kw) in keywords.iter().enumerate() {
                if kw.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(keywords, i - nseen, i)?;
                        if have_dict {
                            self.addop_i(o::DICT_MERGE, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.addop_i(o::BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.visit_expr(&kw.value)?;
                    self.addop_i(o::DICT_MERGE, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(keywords, nkwelts - nseen, nkwelts)?;
                if have_dict {
                    self.addop_i(o::DICT_MERGE, 1);
                }
            }
        }
        self.addop_i(o::CALL_FUNCTION_EX, (nkwelts > 0) as usize);
        Ok(())
    }

    // ---- comprehensions -------------------------------------------------------

    fn comprehension_generator(
        &mut self,
        generators: &'a [Comprehension],
        gen_index: usize,
        depth: usize,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
    ) -> R {
        if generators[gen_index].is_async {
            self.async_comprehension_generator(generators, gen_index, depth, elt, val, kind)
        } else {
            self.sync_comprehension_generator(generators, gen_index, depth, elt, val, kind)
        }
    }

    fn comprehension_element(&mut self, depth: usize, elt: &'a Expr, val: Option<&'a Expr>, kind: CompKind) -> R {
        match kind {
            CompKind::GenExp => {
                self.visit_expr(elt)?;
                self.addop_yield();
                self.addop(o::POP_TOP);
            }
            CompKind::List => {
                self.visit_expr(elt)?;
                self.addop_i(o::LIST_APPEND, depth + 1);
            }
            CompKind::Set => {
                self.visit_expr(elt)?;
                self.addop_i(o::SET_ADD, depth + 1);
            }
            CompKind::Dict => {
                self.visit_expr(elt)?;
                if let Some(v) = val {
                    self.visit_expr(v)?;
                }
                self.addop_i(o::MAP_ADD, depth + 1);
            }
        }
        Ok(())
    }

    fn sync_comprehension_generator(
        &mut self,
        generators: &'a [Comprehension],
        gen_index: usize,
        mut depth: usize,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
    ) -> R {
        let mut start = Some(self.new_block());
        let if_cleanup = self.new_block();
        let anchor = self.new_block();
        let gen = &generators[gen_index];
        if gen_index == 0 {
            self.u().argcount = 1;
            self.addop_i(o::LOAD_FAST, 0);
        } else {
            let elts = match &gen.iter.kind {
                ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => Some(elts),
                _ => None,
            };
            if let Some(elts) = elts {
                if elts.len() == 1 && !is_starred(&elts[0]) {
                    self.visit_expr(&elts[0])?;
                    start = None;
                }
            }
            if start.is_some() {
                self.visit_expr(&gen.iter)?;
                self.addop(o::GET_ITER);
            }
        }
        if let Some(s) = start {
            depth += 1;
            self.use_next_block(s);
            self.addop_j(o::FOR_ITER, anchor);
        }
        self.visit_expr(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        let next_index = gen_index + 1;
        if next_index < generators.len() {
            self.comprehension_generator(generators, next_index, depth, elt, val, kind)?;
        } else {
            self.comprehension_element(depth, elt, val, kind)?;
        }
        self.use_next_block(if_cleanup);
        if let Some(s) = start {
            self.addop_j(JUMP, s);
            self.use_next_block(anchor);
        }
        Ok(())
    }

    fn async_comprehension_generator(
        &mut self,
        generators: &'a [Comprehension],
        gen_index: usize,
        mut depth: usize,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
    ) -> R {
        let start = self.new_block();
        let except = self.new_block();
        let if_cleanup = self.new_block();
        let gen = &generators[gen_index];
        if gen_index == 0 {
            self.u().argcount = 1;
            self.addop_i(o::LOAD_FAST, 0);
        } else {
            self.visit_expr(&gen.iter)?;
            self.addop(o::GET_AITER);
        }
        self.use_next_block(start);
        self.push_fblock(FBlockKind::AsyncComprehensionGenerator, start, NO_BLOCK, Datum::None)?;
        self.addop_j(SETUP_FINALLY, except);
        self.addop(o::GET_ANEXT);
        self.load_const(ConstValue::None);
        self.add_yield_from(true);
        self.addop(POP_BLOCK);
        self.visit_expr(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        depth += 1;
        let next_index = gen_index + 1;
        if next_index < generators.len() {
            self.comprehension_generator(generators, next_index, depth, elt, val, kind)?;
        } else {
            self.comprehension_element(depth, elt, val, kind)?;
        }
        self.use_next_block(if_cleanup);
        self.addop_j(JUMP, start);
        self.pop_fblock();
        self.use_next_block(except);
        self.addop(o::END_ASYNC_FOR);
        Ok(())
    }

    fn comprehension(
        &mut self,
        e: &'a Expr,
        kind: CompKind,
        name: &str,
        generators: &'a [Comprehension],
        elt: &'a Expr,
        val: Option<&'a Expr>,
    ) -> R {
        let outer_scope_type = self.ur().scope_type;
        let Some(outermost) = generators.first() else { return Err(malformed("comprehension with no generators")) };
        let ste = self.lookup_scope(node_key_expr(e))?;
        self.enter_scope(name, ScopeType::Comprehension, ste, e.loc.lineno);
        self.set_loc(e.loc);
        let is_async_generator = self.ur().coroutine;
        let is_top_level_await = self.is_top_level_await_outer();
        if is_async_generator
            && kind != CompKind::GenExp
            && outer_scope_type != ScopeType::AsyncFunction
            && outer_scope_type != ScopeType::Comprehension
            && !is_top_level_await
        {
            let err = self.error("asynchronous comprehension outside of an asynchronous function");
            self.exit_scope();
            return Err(err);
        }
        match kind {
            CompKind::List => self.addop_i(o::BUILD_LIST, 0),
            CompKind::Set => self.addop_i(o::BUILD_SET, 0),
            CompKind::Dict => self.addop_i(o::BUILD_MAP, 0),
            CompKind::GenExp => {}
        }
        if let Err(err) = self.comprehension_generator(generators, 0, 0, elt, val, kind) {
            self.exit_scope();
            return Err(err);
        }
        if kind != CompKind::GenExp {
            self.addop(o::RETURN_VALUE);
        }
        let co = self.assemble(true)?;
        self.exit_scope();
        if is_top_level_await && is_async_generator {
            self.u().coroutine = true;
        }
        self.make_closure(co, 0)?;
        self.visit_expr(&outermost.iter)?;
        if outermost.is_async {
            self.addop(o::GET_AITER);
        } else {
            self.addop(o::GET_ITER);
        }
        self.addop_i(o::PRECALL, 0);
        self.addop_i(o::CALL, 0);
        if is_async_generator && kind != CompKind::GenExp {
            self.addop_i(o::GET_AWAITABLE, 0);
            self.load_const(ConstValue::None);
            self.add_yield_from(true);
        }
        Ok(())
    }

    // ---- pattern matching -----------------------------------------------------

    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        let size = n + 1;
        while pc.fail_pop.len() < size {
            let b = self.new_block();
            pc.fail_pop.push(b);
        }
    }

    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, opcode: u16) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        let target = pc.fail_pop[pops];
        self.addop_j(opcode, target);
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for i in (1..pc.fail_pop.len()).rev() {
            self.use_next_block(pc.fail_pop[i]);
            self.addop(o::POP_TOP);
        }
        self.use_next_block(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    fn pattern_helper_rotate(&mut self, mut count: usize) {
        while count > 1 {
            self.addop_i(o::SWAP, count);
            count -= 1;
        }
    }

    fn pattern_helper_store_name(&mut self, n: Option<&str>, pc: &mut PatternContext) -> R {
        let Some(n) = n else {
            self.addop(o::POP_TOP);
            return Ok(());
        };
        if pc.stores.iter().any(|s| s == n) {
            return Err(self.error(format!("multiple assignments to name '{}' in pattern", n)));
        }
        let rotations = pc.on_top + pc.stores.len() + 1;
        self.pattern_helper_rotate(rotations);
        pc.stores.push(n.to_string());
        Ok(())
    }

    fn pattern_unpack_helper(&mut self, elts: &'a [Pattern]) -> R {
        let n = elts.len();
        let mut seen_star = false;
        for (i, elt) in elts.iter().enumerate() {
            if matches!(elt.kind, PatternKind::MatchStar { .. }) {
                if seen_star {
                    return Err(self.error("multiple starred expressions in sequence pattern"));
                }
                if i >= (1 << 8) || n - i > (i32::MAX as usize >> 8) {
                    return Err(self.error("too many expressions in star-unpacking sequence pattern"));
                }
                self.addop_i(o::UNPACK_EX, i + ((n - i - 1) << 8));
                seen_star = true;
            }
        }
        if !seen_star {
            self.addop_i(o::UNPACK_SEQUENCE, n);
        }
        Ok(())
    }

    fn pattern_helper_sequence_unpack(&mut self, patterns: &'a [Pattern], pc: &mut PatternContext) -> R {
        self.pattern_unpack_helper(patterns)?;
        let size = patterns.len();
        pc.on_top += size;
        for p in patterns {
            pc.on_top -= 1;
            self.pattern_subpattern(p, pc)?;
        }
        Ok(())
    }

    fn pattern_helper_sequence_subscr(&mut self, patterns: &'a [Pattern], star: usize, pc: &mut PatternContext) -> R {
        pc.on_top += 1;
        let size = patterns.len();
        for (i, p) in patterns.iter().enumerate() {
            if wildcard_check(p) || i == star {
                continue;
            }
            self.addop_i(o::COPY, 1);
            if i < star {
                self.load_const(ConstValue::Int(i as i64));
            } else {
                self.addop(o::GET_LEN);
                self.load_const(ConstValue::Int((size - i) as i64));
                self.addop_i(o::BINARY_OP, binop_arg(Operator::Sub, false) as usize);
            }
            self.addop(o::BINARY_SUBSCR);
            self.pattern_subpattern(p, pc)?;
        }
        pc.on_top -= 1;
        self.addop(o::POP_TOP);
        Ok(())
    }

    fn pattern_subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> R {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> R {
        self.set_loc(p.loc);
        match &p.kind {
            PatternKind::MatchValue { value } => {
                if !matches!(value.kind, ExprKind::Constant { .. } | ExprKind::Attribute { .. }) {
                    return Err(self.error("patterns may only match literals and attribute lookups"));
                }
                self.visit_expr(value)?;
                self.addcompare(CmpOp::Eq);
                self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
            }
            PatternKind::MatchSingleton { value } => {
                self.load_const(from_ast(value));
                self.addcompare(CmpOp::Is);
                self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
            }
            PatternKind::MatchSequence { patterns } => self.pattern_sequence(patterns, pc)?,
            PatternKind::MatchMapping { keys, patterns, rest } => self.pattern_mapping(keys, patterns, rest.as_deref(), pc)?,
            PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => {
                self.pattern_class(p, cls, patterns, kwd_attrs, kwd_patterns, pc)?
            }
            PatternKind::MatchStar { name } => self.pattern_helper_store_name(name.as_deref(), pc)?,
            PatternKind::MatchAs { pattern, name } => match pattern {
                None => {
                    if !pc.allow_irrefutable {
                        return Err(match name {
                            Some(n) => self.error(format!("name capture '{}' makes remaining patterns unreachable", n)),
                            None => self.error("wildcard makes remaining patterns unreachable"),
                        });
                    }
                    self.pattern_helper_store_name(name.as_deref(), pc)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.addop_i(o::COPY, 1);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.pattern_helper_store_name(name.as_deref(), pc)?;
                }
            },
            PatternKind::MatchOr { patterns } => self.pattern_or(patterns, pc)?,
        }
        Ok(())
    }

    fn pattern_class(
        &mut self,
        p: &'a Pattern,
        cls: &'a Expr,
        patterns: &'a [Pattern],
        kwd_attrs: &'a [Ident],
        kwd_patterns: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> R {
        let nargs = patterns.len();
        let nattrs = kwd_attrs.len();
        if nattrs != kwd_patterns.len() {
            return Err(self.error("kwd_attrs / kwd_patterns length mismatch in class pattern"));
        }
        if nattrs > 0 {
            for (i, attr) in kwd_attrs.iter().enumerate() {
                if kwd_attrs[i + 1..].iter().any(|a| a == attr) {
                    return Err(self.error(format!("attribute name repeated in class pattern: {}", attr)));
                }
            }
            self.set_loc(p.loc);
        }
        self.visit_expr(cls)?;
        let names: Vec<ConstValue> = kwd_attrs.iter().map(|a| str_const(a)).collect();
        self.load_const(ConstValue::Tuple(Rc::from(names)));
        self.addop_i(o::MATCH_CLASS, nargs);
        self.addop_i(o::COPY, 1);
        self.load_const(ConstValue::None);
        self.addop_i(o::IS_OP, 1);
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
        self.addop_i(o::UNPACK_SEQUENCE, nargs + nattrs);
        pc.on_top += nargs + nattrs;
        pc.on_top -= 1;
        for pattern in patterns.iter().chain(kwd_patterns.iter()) {
            pc.on_top -= 1;
            if wildcard_check(pattern) {
                self.addop(o::POP_TOP);
                continue;
            }
            self.pattern_subpattern(pattern, pc)?;
        }
        Ok(())
    }

    fn pattern_mapping(&mut self, keys: &'a [Expr], patterns: &'a [Pattern], rest: Option<&'a str>, pc: &mut PatternContext) -> R {
        let size = keys.len();
        if size != patterns.len() {
            return Err(self.error("keys / patterns length mismatch in mapping pattern"));
        }
        pc.on_top += 1;
        self.addop(o::MATCH_MAPPING);
        self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
        if size == 0 && rest.is_none() {
            pc.on_top -= 1;
            self.addop(o::POP_TOP);
            return Ok(());
        }
        if size > 0 {
            self.addop(o::GET_LEN);
            self.load_const(ConstValue::Int(size as i64));
            self.addcompare(CmpOp::GtE);
            self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
        }
        for key in keys {
            if !matches!(key.kind, ExprKind::Constant { .. } | ExprKind::Attribute { .. }) {
                return Err(self.error("mapping pattern keys may only match literals and attribute lookups"));
            }
            self.visit_expr(key)?;
        }
        self.addop_i(o::BUILD_TUPLE, size);
        self.addop(o::MATCH_KEYS);
        pc.on_top += 2;
        self.addop_i(o::COPY, 1);
        self.load_const(ConstValue::None);
        self.addop_i(o::IS_OP, 1);
        self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
        self.addop_i(o::UNPACK_SEQUENCE, size);
        pc.on_top += size;
        pc.on_top -= 1;
        for p in patterns {
            pc.on_top -= 1;
            self.pattern_subpattern(p, pc)?;
        }
        pc.on_top -= 2;
        if let Some(star) = rest {
            self.addop_i(o::BUILD_MAP, 0);
            self.addop_i(o::SWAP, 3);
            self.addop_i(o::DICT_UPDATE, 2);
            self.addop_i(o::UNPACK_SEQUENCE, size);
            let mut sz = size;
            while sz > 0 {
                self.addop_i(o::COPY, 1 + sz);
                sz -= 1;
                self.addop_i(o::SWAP, 2);
                self.addop(o::DELETE_SUBSCR);
            }
            self.pattern_helper_store_name(Some(star), pc)?;
        } else {
            self.addop(o::POP_TOP);
            self.addop(o::POP_TOP);
        }
        Ok(())
    }

    fn pattern_or(&mut self, patterns: &'a [Pattern], pc: &mut PatternContext) -> R {
        let end = self.new_block();
        let size = patterns.len();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_allow = pc.allow_irrefutable;
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in patterns.iter().enumerate() {
            self.set_loc(alt.loc);
            pc.stores = Vec::new();
            pc.allow_irrefutable = i == size - 1 && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.addop_i(o::COPY, 1);
            self.pattern(alt, pc)?;
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctrl) => {
                    if nstores != ctrl.len() {
                        return Err(self.error("alternative patterns bind different names"));
                    }
                    if nstores > 0 {
                        let ctrl = ctrl.clone();
                        for icontrol in (0..nstores).rev() {
                            let name = &ctrl[icontrol];
                            let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                                return Err(self.error("alternative patterns bind different names"));
                            };
                            if icontrol != istores {
                                let rotations = istores + 1;
                                let rotated: Vec<String> = pc.stores.drain(0..rotations).collect();
                                let at = icontrol - istores;
                                for (k, nm) in rotated.into_iter().enumerate() {
                                    pc.stores.insert(at + k, nm);
                                }
                                for _ in 0..rotations {
                                    self.pattern_helper_rotate(icontrol + 1);
                                }
                            }
                        }
                    }
                }
            }
            self.addop_j(JUMP, end);
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.allow_irrefutable = old_allow;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        self.addop(o::POP_TOP);
        self.jump_to_fail_pop(pc, JUMP);
        self.use_next_block(end);
        let control = control.unwrap_or_default();
        let nstores = control.len();
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.pattern_helper_rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(self.error(format!("multiple assignments to name '{}' in pattern", name)));
            }
            pc.stores.push(name);
        }
        self.addop(o::POP_TOP);
        Ok(())
    }

    fn pattern_sequence(&mut self, patterns: &'a [Pattern], pc: &mut PatternContext) -> R {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in patterns.iter().enumerate() {
            if matches!(p.kind, PatternKind::MatchStar { .. }) {
                if star.is_some() {
                    return Err(self.error("multiple starred names in sequence pattern"));
                }
                star_wildcard = wildcard_star_check(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= wildcard_check(p);
        }
        pc.on_top += 1;
        self.addop(o::MATCH_SEQUENCE);
        self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
        match star {
            None => {
                self.addop(o::GET_LEN);
                self.load_const(ConstValue::Int(size as i64));
                self.addcompare(CmpOp::Eq);
                self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
            }
            Some(_) if size > 1 => {
                self.addop(o::GET_LEN);
                self.load_const(ConstValue::Int(size as i64 - 1));
                self.addcompare(CmpOp::GtE);
                self.jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
            }
            _ => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.addop(o::POP_TOP);
        } else if star_wildcard {
            self.pattern_helper_sequence_subscr(patterns, star.unwrap_or(usize::MAX), pc)?;
        } else {
            self.pattern_helper_sequence_unpack(patterns, pc)?;
        }
        Ok(())
    }

    fn match_stmt(&mut self, subject: &'a Expr, cases: &'a [MatchCase]) -> R {
        let Some(last) = cases.last() else { return Err(malformed("empty cases on Match")) };
        self.visit_expr(subject)?;
        let end = self.new_block();
        let ncases = cases.len();
        let has_default = wildcard_check(&last.pattern) && ncases > 1;
        let mut pc = PatternContext { stores: Vec::new(), allow_irrefutable: false, fail_pop: Vec::new(), on_top: 0 };
        let n = ncases - has_default as usize;
        for (i, m) in cases[..n].iter().enumerate() {
            self.set_loc(m.pattern.loc);
            if i != n - 1 {
                self.addop_i(o::COPY, 1);
            }
            pc.stores = Vec::new();
            pc.allow_irrefutable = m.guard.is_some() || i == ncases - 1;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.pattern(&m.pattern, &mut pc)?;
            let stores = std::mem::take(&mut pc.stores);
            for name in &stores {
                self.nameop(name, ExprContext::Store)?;
            }
            if let Some(g) = &m.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(g, target, false)?;
            }
            if i != n - 1 {
                self.addop(o::POP_TOP);
            }
            self.visit_stmts(&m.body)?;
            // 3.11.7 makes this jump artificial (it takes the body's last location).
            self.unset_loc();
            self.addop_j(JUMP, end);
            self.set_loc(m.pattern.loc);
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            let m = last;
            self.set_loc(m.pattern.loc);
            if ncases == 1 {
                self.addop(o::POP_TOP);
            } else {
                self.addop(o::NOP);
            }
            if let Some(g) = &m.guard {
                self.jump_if(g, end, false)?;
            }
            self.visit_stmts(&m.body)?;
            // As after the other case bodies: what follows is artificial.
            self.unset_loc();
        }
        self.use_next_block(end);
        Ok(())
    }

    // ---- assembling ---------------------------------------------------------

    fn compute_code_flags(&self) -> u32 {
        let ste = self.ste();
        let mut f = 0;
        if ste.kind == BlockType::Function {
            f |= flags::NEWLOCALS | flags::OPTIMIZED;
            if ste.nested {
                f |= flags::NESTED;
            }
            let coroutine = self.ur().coroutine;
            if ste.generator && !coroutine {
                f |= flags::GENERATOR;
            }
            if !ste.generator && coroutine {
                f |= flags::COROUTINE;
            }
            if ste.generator && coroutine {
                f |= flags::ASYNC_GENERATOR;
            }
            if ste.varargs {
                f |= flags::VARARGS;
            }
            if ste.varkeywords {
                f |= flags::VARKEYWORDS;
            }
        }
        if self.is_top_level_await() && self.ur().coroutine && !ste.generator {
            f |= flags::COROUTINE;
        }
        f | self.future_flags
    }

    fn is_top_level_await(&self) -> bool {
        self.top_level_await && self.ste().kind == BlockType::Module
    }

    /// IS_TOP_LEVEL_AWAIT evaluated in the unit that encloses the current one.
    fn is_top_level_await_outer(&self) -> bool {
        let n = self.units.len();
        n >= 2 && self.top_level_await && self.st.scopes[self.units[n - 2].ste].kind == BlockType::Module
    }

    fn assemble(&mut self, add_none: bool) -> R<Rc<CodeObject>> {
        let cur = self.ur().cur;
        if !self.ur().cfg.blocks[cur].return_ {
            self.unset_loc();
            if add_none {
                self.load_const(ConstValue::None);
            }
            self.addop(o::RETURN_VALUE);
        }
        let code_flags = self.compute_code_flags();
        let ste = self.ste();
        let generator_like = ste.generator || self.ur().coroutine;
        let filename = self.filename.clone();
        let u = self.u();
        let cell_to_local: Vec<Option<usize>> = u.cellvars.list.iter().map(|n| u.varnames.get(n)).collect();
        let mut cfg = std::mem::replace(&mut u.cfg, Cfg { blocks: Vec::new() });
        let mut pool = std::mem::take(&mut u.consts);
        let input = AssembleInput {
            pool: &mut pool,
            nlocals: u.varnames.len(),
            ncellvars: u.cellvars.len(),
            nfreevars: u.freevars.len(),
            cell_to_local,
            flags: code_flags,
            firstlineno: u.firstlineno,
            generator_like,
        };
        let asm = cfg::assemble(&mut cfg, input).map_err(|m| SyntaxError::unlocated(SyntaxErrorKind::ValueError, &m))?;
        // compute_localsplus_info
        let nlocals = u.varnames.len();
        let mut names: Vec<Option<Rc<str>>> = vec![None; asm.nlocalsplus];
        let mut kinds: Vec<u8> = vec![0; asm.nlocalsplus];
        for (i, n) in u.varnames.list.iter().enumerate() {
            if i < names.len() {
                names[i] = Some(Rc::from(n.as_str()));
                kinds[i] = local_kind::LOCAL | if u.cellvars.get(n).is_some() { local_kind::CELL } else { 0 };
            }
        }
        let mut numdropped = 0;
        for (ci, n) in u.cellvars.list.iter().enumerate() {
            if u.varnames.get(n).is_some() {
                numdropped += 1;
                continue;
            }
            let off = ci + nlocals - numdropped;
            if off < names.len() {
                names[off] = Some(Rc::from(n.as_str()));
                kinds[off] = local_kind::CELL;
            }
        }
        let ncells = u.cellvars.len();
        for (fi, n) in u.freevars.list.iter().enumerate() {
            let off = fi + ncells + nlocals - numdropped;
            if off < names.len() {
                names[off] = Some(Rc::from(n.as_str()));
                kinds[off] = local_kind::FREE;
            }
        }
        let co = CodeObject {
            argcount: u.posonlyargcount + u.argcount,
            posonlyargcount: u.posonlyargcount,
            kwonlyargcount: u.kwonlyargcount,
            flags: code_flags,
            stacksize: asm.stacksize.max(0) as u32,
            firstlineno: u.firstlineno.max(0) as u32,
            code: asm.code,
            consts: pool.into_vec(),
            names: u.names.list.iter().map(|n| Rc::from(n.as_str())).collect(),
            localsplusnames: names.into_iter().map(|n| n.unwrap_or_else(|| Rc::from(""))).collect(),
            localspluskinds: kinds,
            filename,
            name: Rc::from(u.name.as_str()),
            qualname: Rc::from(if u.qualname.is_empty() { u.name.as_str() } else { u.qualname.as_str() }),
            linetable: asm.linetable,
            exceptiontable: asm.exceptiontable,
        };
        Ok(Rc::new(co))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CompKind {
    GenExp,
    List,
    Set,
    Dict,
}

/// Items of a frozenset built from `items`, keeping the first of equal ones.
fn dedup_set(items: Vec<ConstValue>) -> Vec<ConstValue> {
    let mut out: Vec<ConstValue> = Vec::new();
    for it in items {
        if !out.iter().any(|o| crate::consts::py_eq_value(o, &it)) {
            out.push(it);
        }
    }
    out
}
