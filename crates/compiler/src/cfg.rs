//! The control-flow graph of one code object and CPython 3.11's back end
//! (the assembler half of `Python/compile.c`): peephole optimizations on basic
//! blocks, jump threading, dead-code elimination, line-number propagation,
//! stack depth, exception-table construction from the SETUP_*/POP_BLOCK
//! pseudo-instructions, jump resolution with EXTENDED_ARG, and the location
//! and exception tables.

use crate::consts::{ConstPool, is_truthy};
use pyrite_bytecode::code::ConstValue;
use pyrite_bytecode::{cache_entries, exception_table, op};

pub type BlockId = usize;
pub const NO_BLOCK: BlockId = usize::MAX;

/// Pseudo-instructions: turned into real ones (or NOPs) by the assembler.
pub mod pseudo {
    pub const SETUP_FINALLY: u16 = 256;
    pub const SETUP_CLEANUP: u16 = 257;
    pub const SETUP_WITH: u16 = 258;
    pub const POP_BLOCK: u16 = 259;
    pub const JUMP: u16 = 260;
    pub const JUMP_NO_INTERRUPT: u16 = 261;
    pub const POP_JUMP_IF_FALSE: u16 = 262;
    pub const POP_JUMP_IF_TRUE: u16 = 263;
    pub const POP_JUMP_IF_NONE: u16 = 264;
    pub const POP_JUMP_IF_NOT_NONE: u16 = 265;
}
use pseudo::*;

const fn real(o: u8) -> u16 {
    o as u16
}

pub const NOP: u16 = real(op::NOP);
const LOAD_CONST: u16 = real(op::LOAD_CONST);
const RETURN_VALUE: u16 = real(op::RETURN_VALUE);
const RAISE_VARARGS: u16 = real(op::RAISE_VARARGS);
const RERAISE: u16 = real(op::RERAISE);
const JUMP_IF_FALSE_OR_POP: u16 = real(op::JUMP_IF_FALSE_OR_POP);
const JUMP_IF_TRUE_OR_POP: u16 = real(op::JUMP_IF_TRUE_OR_POP);
const FOR_ITER: u16 = real(op::FOR_ITER);
const BUILD_TUPLE: u16 = real(op::BUILD_TUPLE);
const UNPACK_SEQUENCE: u16 = real(op::UNPACK_SEQUENCE);
const SWAP: u16 = real(op::SWAP);
const IS_OP: u16 = real(op::IS_OP);
const STORE_FAST: u16 = real(op::STORE_FAST);
const POP_TOP: u16 = real(op::POP_TOP);
const PUSH_NULL: u16 = real(op::PUSH_NULL);
const LOAD_GLOBAL: u16 = real(op::LOAD_GLOBAL);
const KW_NAMES: u16 = real(op::KW_NAMES);

/// A source range; -1 parts are unknown (CPython's artificial instructions).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Loc32 {
    pub lineno: i32,
    pub end_lineno: i32,
    pub col: i32,
    pub end_col: i32,
}

impl Loc32 {
    pub const UNSET: Loc32 = Loc32 { lineno: -1, end_lineno: -1, col: -1, end_col: -1 };
    /// The location `compiler_addop_noline` gives.
    pub const NOLINE: Loc32 = Loc32 { lineno: -1, end_lineno: 0, col: 0, end_col: 0 };
}

#[derive(Clone, Copy, Debug)]
pub struct Instr {
    pub op: u16,
    pub arg: i32,
    pub target: BlockId,
    pub except: BlockId,
    pub loc: Loc32,
}

#[derive(Clone, Debug)]
pub struct Block {
    pub instrs: Vec<Instr>,
    pub next: Option<BlockId>,
    pub nofallthrough: bool,
    pub exit: bool,
    pub return_: bool,
    pub preserve_lasti: bool,
    pub visited: bool,
    pub predecessors: u32,
    pub startdepth: i32,
    pub offset: i32,
    exceptstack: Option<Vec<BlockId>>,
}

impl Block {
    pub fn new() -> Block {
        Block {
            instrs: Vec::new(),
            next: None,
            nofallthrough: false,
            exit: false,
            return_: false,
            preserve_lasti: false,
            visited: false,
            predecessors: 0,
            startdepth: 0,
            offset: 0,
            exceptstack: None,
        }
    }
}

impl Default for Block {
    fn default() -> Block {
        Block::new()
    }
}

pub fn has_arg(opcode: u16) -> bool {
    opcode >= pyrite_bytecode::HAVE_ARGUMENT as u16
}

pub fn is_virtual_jump(opcode: u16) -> bool {
    matches!(opcode, JUMP | JUMP_NO_INTERRUPT | POP_JUMP_IF_NONE | POP_JUMP_IF_NOT_NONE | POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE)
}

fn is_relative_jump_op(opcode: u16) -> bool {
    opcode < 256 && pyrite_bytecode::HASJREL.contains(&(opcode as u8))
}

pub fn is_jump(i: &Instr) -> bool {
    is_virtual_jump(i.op) || is_relative_jump_op(i.op)
}

pub fn is_block_push(i: &Instr) -> bool {
    matches!(i.op, SETUP_FINALLY | SETUP_WITH | SETUP_CLEANUP)
}

fn is_end_of_basic_block(i: &Instr) -> bool {
    is_jump(i) || matches!(i.op, RETURN_VALUE | RAISE_VARARGS | RERAISE)
}

pub fn ends_block(i: &Instr) -> bool {
    is_end_of_basic_block(i)
}

pub fn instr_size(i: &Instr) -> usize {
    let oparg = if has_arg(i.op) { i.arg as u32 } else { 0 };
    let extended = (oparg > 0xFFFFFF) as usize + (oparg > 0xFFFF) as usize + (oparg > 0xFF) as usize;
    extended + 1 + cache_entries(i.op as u8)
}

/// Stack effect of an instruction: `jump` 0 for the fall-through path, 1 for
/// the jump (or exception handler) path, -1 for the maximum.
pub fn stack_effect(opcode: u16, oparg: i32, jump: i32) -> Option<i32> {
    use op::*;
    if opcode >= 256 {
        return Some(match opcode {
            SETUP_FINALLY => {
                if jump != 0 {
                    1
                } else {
                    0
                }
            }
            SETUP_CLEANUP => {
                if jump != 0 {
                    2
                } else {
                    0
                }
            }
            SETUP_WITH => {
                if jump != 0 {
                    1
                } else {
                    0
                }
            }
            POP_BLOCK | JUMP | JUMP_NO_INTERRUPT => 0,
            POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE | POP_JUMP_IF_NONE | POP_JUMP_IF_NOT_NONE => -1,
            _ => return None,
        });
    }
    let o = opcode as u8;
    Some(match o {
        NOP | EXTENDED_ARG | RESUME | CACHE => 0,
        POP_TOP => -1,
        SWAP => 0,
        UNARY_POSITIVE | UNARY_NEGATIVE | UNARY_NOT | UNARY_INVERT => 0,
        SET_ADD | LIST_APPEND => -1,
        MAP_ADD => -2,
        BINARY_SUBSCR => -1,
        STORE_SUBSCR => -3,
        DELETE_SUBSCR => -2,
        GET_ITER => 0,
        PRINT_EXPR => -1,
        LOAD_BUILD_CLASS => 1,
        RETURN_VALUE => -1,
        IMPORT_STAR => -1,
        SETUP_ANNOTATIONS => 0,
        ASYNC_GEN_WRAP | YIELD_VALUE => 0,
        POP_EXCEPT => -1,
        STORE_NAME => -1,
        DELETE_NAME => 0,
        UNPACK_SEQUENCE => oparg - 1,
        UNPACK_EX => (oparg & 0xFF) + (oparg >> 8),
        FOR_ITER => {
            if jump > 0 {
                -1
            } else {
                1
            }
        }
        SEND => {
            if jump > 0 {
                -1
            } else {
                0
            }
        }
        STORE_ATTR => -2,
        DELETE_ATTR => -1,
        STORE_GLOBAL => -1,
        DELETE_GLOBAL => 0,
        LOAD_CONST => 1,
        LOAD_NAME => 1,
        BUILD_TUPLE | BUILD_LIST | BUILD_SET | BUILD_STRING => 1 - oparg,
        BUILD_MAP => 1 - 2 * oparg,
        BUILD_CONST_KEY_MAP => -oparg,
        LOAD_ATTR => 0,
        COMPARE_OP | IS_OP | CONTAINS_OP => -1,
        CHECK_EXC_MATCH | CHECK_EG_MATCH => 0,
        IMPORT_NAME => -1,
        IMPORT_FROM => 1,
        JUMP_FORWARD | JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT => 0,
        JUMP_IF_TRUE_OR_POP | JUMP_IF_FALSE_OR_POP => {
            if jump != 0 {
                0
            } else {
                -1
            }
        }
        POP_JUMP_BACKWARD_IF_NONE
        | POP_JUMP_FORWARD_IF_NONE
        | POP_JUMP_BACKWARD_IF_NOT_NONE
        | POP_JUMP_FORWARD_IF_NOT_NONE
        | POP_JUMP_FORWARD_IF_FALSE
        | POP_JUMP_BACKWARD_IF_FALSE
        | POP_JUMP_FORWARD_IF_TRUE
        | POP_JUMP_BACKWARD_IF_TRUE => -1,
        LOAD_GLOBAL => (oparg & 1) + 1,
        PREP_RERAISE_STAR => -1,
        RERAISE => -1,
        PUSH_EXC_INFO => 1,
        WITH_EXCEPT_START => 1,
        LOAD_FAST => 1,
        STORE_FAST => -1,
        DELETE_FAST => 0,
        RETURN_GENERATOR => 0,
        RAISE_VARARGS => -oparg,
        PRECALL => -oparg,
        KW_NAMES => 0,
        CALL => -1,
        CALL_FUNCTION_EX => -2 - ((oparg & 1) != 0) as i32,
        MAKE_FUNCTION => {
            -(((oparg & 1) != 0) as i32) - ((oparg & 2 != 0) as i32) - ((oparg & 4 != 0) as i32) - ((oparg & 8 != 0) as i32)
        }
        BUILD_SLICE => {
            if oparg == 3 {
                -2
            } else {
                -1
            }
        }
        MAKE_CELL | COPY_FREE_VARS => 0,
        LOAD_CLOSURE => 1,
        LOAD_DEREF | LOAD_CLASSDEREF => 1,
        STORE_DEREF => -1,
        DELETE_DEREF => 0,
        GET_AWAITABLE => 0,
        BEFORE_ASYNC_WITH | BEFORE_WITH => 1,
        GET_AITER => 0,
        GET_ANEXT => 1,
        GET_YIELD_FROM_ITER => 0,
        END_ASYNC_FOR => -2,
        FORMAT_VALUE => {
            if (oparg & 0x4) == 0x4 {
                -1
            } else {
                0
            }
        }
        LOAD_METHOD => 1,
        LOAD_ASSERTION_ERROR => 1,
        LIST_TO_TUPLE => 0,
        LIST_EXTEND | SET_UPDATE | DICT_MERGE | DICT_UPDATE => -1,
        MATCH_CLASS => -2,
        GET_LEN | MATCH_MAPPING | MATCH_SEQUENCE | MATCH_KEYS => 1,
        COPY | PUSH_NULL => 1,
        BINARY_OP => -1,
        _ => return None,
    })
}

/// All blocks of a code unit; block 0 is the entry. "List order" (CPython's
/// `b_list`) is reverse allocation order; "layout order" follows `next`.
pub struct Cfg {
    pub blocks: Vec<Block>,
}

impl Cfg {
    pub fn new_block(&mut self) -> BlockId {
        self.blocks.push(Block::new());
        self.blocks.len() - 1
    }

    fn layout(&self) -> Vec<BlockId> {
        let mut out = Vec::new();
        let mut b = Some(0);
        while let Some(id) = b {
            out.push(id);
            b = self.blocks[id].next;
        }
        out
    }

    fn list_order(&self) -> std::iter::Rev<std::ops::Range<usize>> {
        (0..self.blocks.len()).rev()
    }

    fn skip_empty(&self, mut t: BlockId) -> BlockId {
        while self.blocks[t].instrs.is_empty() {
            match self.blocks[t].next {
                Some(n) => t = n,
                None => break,
            }
        }
        t
    }

    /// Marks exit/no-fallthrough blocks and retargets jumps past empty blocks.
    pub fn normalize_basic_block(&mut self, b: BlockId) -> Result<(), String> {
        let n = self.blocks[b].instrs.len();
        for i in 0..n {
            let opcode = self.blocks[b].instrs[i].op;
            match opcode {
                RETURN_VALUE | RAISE_VARARGS | RERAISE => {
                    self.blocks[b].exit = true;
                    self.blocks[b].nofallthrough = true;
                }
                JUMP | JUMP_NO_INTERRUPT | POP_JUMP_IF_NOT_NONE | POP_JUMP_IF_NONE | POP_JUMP_IF_FALSE
                | POP_JUMP_IF_TRUE | JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP | FOR_ITER => {
                    if matches!(opcode, JUMP | JUMP_NO_INTERRUPT) {
                        self.blocks[b].nofallthrough = true;
                    }
                    if i != n - 1 {
                        return Err("malformed control flow graph.".into());
                    }
                    let t = self.skip_empty(self.blocks[b].instrs[i].target);
                    self.blocks[b].instrs[i].target = t;
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn block_has_lineno(&self, b: BlockId) -> bool {
        self.blocks[b].instrs.iter().any(|i| i.loc.lineno > 0)
    }

    /// A block ending in an unconditional jump to a small exit block without
    /// line numbers gets a copy of that block instead.
    pub fn extend_block(&mut self, b: BlockId) {
        let Some(last) = self.blocks[b].instrs.last().copied() else { return };
        if last.op != JUMP {
            return;
        }
        let t = last.target;
        if self.blocks[t].exit && self.blocks[t].instrs.len() <= 4 {
            if self.block_has_lineno(t) {
                return;
            }
            let copy = self.blocks[t].instrs.clone();
            let blk = &mut self.blocks[b];
            if let Some(l) = blk.instrs.last_mut() {
                l.op = NOP;
            }
            blk.instrs.extend(copy);
            blk.exit = true;
        }
    }

    fn clean_basic_block(&mut self, b: BlockId) {
        let mut dest = 0;
        let mut prev_lineno = -1;
        let n = self.blocks[b].instrs.len();
        for src in 0..n {
            let ins = self.blocks[b].instrs[src];
            let lineno = ins.loc.lineno;
            if ins.op == NOP {
                if lineno < 0 {
                    continue;
                }
                if prev_lineno == lineno {
                    continue;
                }
                if src < n - 1 {
                    let next_lineno = self.blocks[b].instrs[src + 1].loc.lineno;
                    if next_lineno == lineno {
                        continue;
                    }
                    if next_lineno < 0 {
                        self.blocks[b].instrs[src + 1].loc = ins.loc;
                        continue;
                    }
                } else {
                    let mut next = self.blocks[b].next;
                    while let Some(nb) = next {
                        if self.blocks[nb].instrs.is_empty() {
                            next = self.blocks[nb].next;
                        } else {
                            break;
                        }
                    }
                    if let Some(nb) = next {
                        if lineno == self.blocks[nb].instrs[0].loc.lineno {
                            continue;
                        }
                    }
                }
            }
            if dest != src {
                self.blocks[b].instrs[dest] = self.blocks[b].instrs[src];
            }
            dest += 1;
            prev_lineno = lineno;
        }
        self.blocks[b].instrs.truncate(dest);
    }

    fn mark_reachable(&mut self) {
        let mut stack = vec![0usize];
        self.blocks[0].predecessors = 1;
        while let Some(b) = stack.pop() {
            if let Some(n) = self.blocks[b].next {
                if !self.blocks[b].nofallthrough {
                    if self.blocks[n].predecessors == 0 {
                        stack.push(n);
                    }
                    self.blocks[n].predecessors += 1;
                }
            }
            for i in 0..self.blocks[b].instrs.len() {
                let ins = self.blocks[b].instrs[i];
                if is_jump(&ins) || is_block_push(&ins) {
                    let t = ins.target;
                    if self.blocks[t].predecessors == 0 {
                        stack.push(t);
                    }
                    self.blocks[t].predecessors += 1;
                }
            }
        }
    }

    fn eliminate_empty_basic_blocks(&mut self) {
        let mut b = Some(0);
        while let Some(id) = b {
            if let Some(mut next) = self.blocks[id].next {
                while self.blocks[next].instrs.is_empty() {
                    match self.blocks[next].next {
                        Some(nn) => next = nn,
                        None => break,
                    }
                }
                self.blocks[id].next = Some(next);
            }
            b = self.blocks[id].next;
        }
        for id in self.layout() {
            if let Some(last) = self.blocks[id].instrs.last().copied() {
                if is_jump(&last) {
                    let mut t = last.target;
                    while self.blocks[t].instrs.is_empty() {
                        match self.blocks[t].next {
                            Some(n) => t = n,
                            None => break,
                        }
                    }
                    if let Some(l) = self.blocks[id].instrs.last_mut() {
                        l.target = t;
                    }
                }
            }
        }
    }

    fn optimize_cfg(&mut self, pool: &mut ConstPool) {
        for b in self.layout() {
            self.optimize_basic_block(b, pool);
            self.clean_basic_block(b);
        }
        for b in self.list_order() {
            self.extend_block(b);
        }
        self.mark_reachable();
        for b in self.layout() {
            if self.blocks[b].predecessors == 0 {
                self.blocks[b].instrs.clear();
                self.blocks[b].nofallthrough = false;
            }
        }
        self.eliminate_empty_basic_blocks();
        for b in self.layout() {
            self.clean_basic_block(b);
        }
        let mut maybe_empty = false;
        for b in self.layout() {
            let next = self.blocks[b].next;
            if let Some(last) = self.blocks[b].instrs.last_mut() {
                if (last.op == JUMP || last.op == JUMP_NO_INTERRUPT) && Some(last.target) == next {
                    last.op = NOP;
                    self.blocks[b].nofallthrough = false;
                    maybe_empty = true;
                }
            }
        }
        if maybe_empty {
            self.eliminate_empty_basic_blocks();
        }
    }

    fn optimize_basic_block(&mut self, b: BlockId, pool: &mut ConstPool) {
        let mut i: isize = 0;
        while (i as usize) < self.blocks[b].instrs.len() {
            let iu = i as usize;
            let n = self.blocks[b].instrs.len();
            let inst = self.blocks[b].instrs[iu];
            let oparg = inst.arg;
            let nextop = if iu + 1 < n { self.blocks[b].instrs[iu + 1].op } else { 0 };
            let target_instr = if is_jump(&inst) || is_block_push(&inst) {
                let t = self.skip_empty(inst.target);
                self.blocks[b].instrs[iu].target = t;
                self.blocks[t].instrs.first().copied()
            } else {
                None
            };
            let target_op = target_instr.map_or(NOP, |t| t.op);
            match inst.op {
                LOAD_CONST => match nextop {
                    POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE => {
                        let is_true = is_truthy(&pool.get(oparg as usize));
                        self.blocks[b].instrs[iu].op = NOP;
                        let jump_if_true = nextop == POP_JUMP_IF_TRUE;
                        if is_true == jump_if_true {
                            self.blocks[b].instrs[iu + 1].op = JUMP;
                            self.blocks[b].nofallthrough = true;
                        } else {
                            self.blocks[b].instrs[iu + 1].op = NOP;
                        }
                    }
                    JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP => {
                        let is_true = is_truthy(&pool.get(oparg as usize));
                        let jump_if_true = nextop == JUMP_IF_TRUE_OR_POP;
                        if is_true == jump_if_true {
                            self.blocks[b].instrs[iu + 1].op = JUMP;
                            self.blocks[b].nofallthrough = true;
                        } else {
                            self.blocks[b].instrs[iu].op = NOP;
                            self.blocks[b].instrs[iu + 1].op = NOP;
                        }
                    }
                    IS_OP => {
                        let is_none = matches!(pool.get(oparg as usize), ConstValue::None);
                        let jump_op = if iu + 2 < n { self.blocks[b].instrs[iu + 2].op } else { 0 };
                        if is_none && (jump_op == POP_JUMP_IF_FALSE || jump_op == POP_JUMP_IF_TRUE) {
                            let nextarg = self.blocks[b].instrs[iu + 1].arg as u8;
                            self.blocks[b].instrs[iu].op = NOP;
                            self.blocks[b].instrs[iu + 1].op = NOP;
                            let flip = (nextarg ^ (jump_op == POP_JUMP_IF_FALSE) as u8) != 0;
                            self.blocks[b].instrs[iu + 2].op = if flip { POP_JUMP_IF_NOT_NONE } else { POP_JUMP_IF_NONE };
                        }
                    }
                    _ => {}
                },
                BUILD_TUPLE => {
                    if nextop == UNPACK_SEQUENCE && oparg == self.blocks[b].instrs[iu + 1].arg {
                        match oparg {
                            1 => {
                                self.blocks[b].instrs[iu].op = NOP;
                                self.blocks[b].instrs[iu + 1].op = NOP;
                                i += 1;
                                continue;
                            }
                            2 | 3 => {
                                self.blocks[b].instrs[iu].op = NOP;
                                self.blocks[b].instrs[iu + 1].op = SWAP;
                                i += 1;
                                continue;
                            }
                            _ => {}
                        }
                    }
                    if iu >= oparg as usize {
                        self.fold_tuple_on_constants(b, iu - oparg as usize, oparg as usize, pool);
                    }
                }
                JUMP_IF_FALSE_OR_POP => match target_op {
                    POP_JUMP_IF_FALSE => i -= self.jump_thread(b, iu, POP_JUMP_IF_FALSE) as isize,
                    JUMP | JUMP_IF_FALSE_OR_POP => i -= self.jump_thread(b, iu, JUMP_IF_FALSE_OR_POP) as isize,
                    JUMP_IF_TRUE_OR_POP | POP_JUMP_IF_TRUE => {
                        if let Some(t) = target_instr {
                            if inst.loc.lineno == t.loc.lineno {
                                let tb = self.blocks[b].instrs[iu].target;
                                if let Some(nx) = self.blocks[tb].next {
                                    self.blocks[b].instrs[iu].op = POP_JUMP_IF_FALSE;
                                    self.blocks[b].instrs[iu].target = nx;
                                    i -= 1;
                                }
                            }
                        }
                    }
                    _ => {}
                },
                JUMP_IF_TRUE_OR_POP => match target_op {
                    POP_JUMP_IF_TRUE => i -= self.jump_thread(b, iu, POP_JUMP_IF_TRUE) as isize,
                    JUMP | JUMP_IF_TRUE_OR_POP => i -= self.jump_thread(b, iu, JUMP_IF_TRUE_OR_POP) as isize,
                    JUMP_IF_FALSE_OR_POP | POP_JUMP_IF_FALSE => {
                        if let Some(t) = target_instr {
                            if inst.loc.lineno == t.loc.lineno {
                                let tb = self.blocks[b].instrs[iu].target;
                                if let Some(nx) = self.blocks[tb].next {
                                    self.blocks[b].instrs[iu].op = POP_JUMP_IF_TRUE;
                                    self.blocks[b].instrs[iu].target = nx;
                                    i -= 1;
                                }
                            }
                        }
                    }
                    _ => {}
                },
                POP_JUMP_IF_NOT_NONE | POP_JUMP_IF_NONE
                    if target_op == JUMP => {
                        i -= self.jump_thread(b, iu, inst.op) as isize;
                    }
                POP_JUMP_IF_FALSE
                    if target_op == JUMP => {
                        i -= self.jump_thread(b, iu, POP_JUMP_IF_FALSE) as isize;
                    }
                POP_JUMP_IF_TRUE
                    if target_op == JUMP => {
                        i -= self.jump_thread(b, iu, POP_JUMP_IF_TRUE) as isize;
                    }
                JUMP
                    if target_op == JUMP => {
                        i -= self.jump_thread(b, iu, JUMP) as isize;
                    }
                SWAP => {
                    if oparg == 1 {
                        self.blocks[b].instrs[iu].op = NOP;
                    } else {
                        let mut ix = iu;
                        self.swaptimize(b, &mut ix);
                        self.apply_static_swaps(b, ix as isize);
                        i = ix as isize;
                    }
                }
                PUSH_NULL
                    if nextop == LOAD_GLOBAL && (self.blocks[b].instrs[iu + 1].arg & 1) == 0 => {
                        self.blocks[b].instrs[iu].op = NOP;
                        self.blocks[b].instrs[iu].arg = 0;
                        self.blocks[b].instrs[iu + 1].arg |= 1;
                    }
                _ => {}
            }
            i += 1;
        }
    }

    /// Retargets the jump at `b[i]` past the jump it lands on.
    fn jump_thread(&mut self, b: BlockId, i: usize, opcode: u16) -> bool {
        let inst = self.blocks[b].instrs[i];
        let Some(target) = self.blocks[inst.target].instrs.first().copied() else { return false };
        if inst.loc.lineno == target.loc.lineno && inst.target != target.target {
            let ins = &mut self.blocks[b].instrs[i];
            ins.target = target.target;
            ins.op = opcode;
            return true;
        }
        false
    }

    fn fold_tuple_on_constants(&mut self, b: BlockId, start: usize, n: usize, pool: &mut ConstPool) {
        let instrs = &self.blocks[b].instrs;
        for k in 0..n {
            if instrs[start + k].op != LOAD_CONST {
                return;
            }
        }
        let items: Vec<usize> = (0..n).map(|k| instrs[start + k].arg as usize).collect();
        let index = pool.add_folded_tuple(&items);
        let instrs = &mut self.blocks[b].instrs;
        for k in 0..n {
            instrs[start + k].op = NOP;
        }
        instrs[start + n].op = LOAD_CONST;
        instrs[start + n].arg = index as i32;
    }

    /// Replaces a run of SWAPs and NOPs with an equivalent minimal one.
    fn swaptimize(&mut self, b: BlockId, ix: &mut usize) {
        let instrs = &mut self.blocks[b].instrs[*ix..];
        let mut depth = instrs[0].arg;
        let mut len = 0;
        let mut more = false;
        let limit = instrs.len();
        loop {
            len += 1;
            if len >= limit {
                break;
            }
            let opcode = instrs[len].op;
            if opcode == SWAP {
                depth = depth.max(instrs[len].arg);
                more = true;
            } else if opcode != NOP {
                break;
            }
        }
        if !more {
            return;
        }
        const VISITED: i32 = -1;
        let mut stack: Vec<i32> = (0..depth).collect();
        for ins in instrs.iter().take(len) {
            if ins.op == SWAP {
                let k = (ins.arg - 1) as usize;
                stack.swap(0, k);
            }
        }
        let mut current = len as isize - 1;
        for i in 0..depth as usize {
            if stack[i] == VISITED || stack[i] == i as i32 {
                continue;
            }
            let mut j = i;
            loop {
                if j != 0 {
                    instrs[current as usize].op = SWAP;
                    instrs[current as usize].arg = j as i32 + 1;
                    current -= 1;
                }
                if stack[j] == VISITED {
                    break;
                }
                let next_j = stack[j] as usize;
                stack[j] = VISITED;
                j = next_j;
            }
        }
        while current >= 0 {
            instrs[current as usize].op = NOP;
            current -= 1;
        }
        *ix += len - 1;
    }

    fn next_swappable(&self, b: BlockId, mut i: usize, lineno: i32) -> Option<usize> {
        let instrs = &self.blocks[b].instrs;
        loop {
            i += 1;
            if i >= instrs.len() {
                return None;
            }
            let ins = &instrs[i];
            if lineno >= 0 && ins.loc.lineno != lineno {
                return None;
            }
            if ins.op == NOP {
                continue;
            }
            if ins.op == STORE_FAST || ins.op == POP_TOP {
                return Some(i);
            }
            return None;
        }
    }

    /// Applies SWAPs by swapping the STORE_FAST/POP_TOP instructions after them.
    fn apply_static_swaps(&mut self, b: BlockId, mut i: isize) {
        while i >= 0 {
            let iu = i as usize;
            let swap = self.blocks[b].instrs[iu];
            if swap.op != SWAP {
                if swap.op == NOP || swap.op == STORE_FAST || swap.op == POP_TOP {
                    i -= 1;
                    continue;
                }
                return;
            }
            let Some(j) = self.next_swappable(b, iu, -1) else { return };
            let mut k = j;
            let lineno = self.blocks[b].instrs[j].loc.lineno;
            let mut count = swap.arg - 1;
            while count > 0 {
                match self.next_swappable(b, k, lineno) {
                    Some(nk) => k = nk,
                    None => return,
                }
                count -= 1;
            }
            // Not safe when the two stores, or a store between them, target
            // the same local (gh-104615, in 3.11.4).
            let stores_to = |ins: &Instr| if ins.op == STORE_FAST { ins.arg } else { -1 };
            let instrs = &self.blocks[b].instrs;
            let (store_j, store_k) = (stores_to(&instrs[j]), stores_to(&instrs[k]));
            if store_j >= 0 || store_k >= 0 {
                if store_j == store_k {
                    return;
                }
                for ins in &instrs[j + 1..k] {
                    let s = stores_to(ins);
                    if s >= 0 && (s == store_j || s == store_k) {
                        return;
                    }
                }
            }
            self.blocks[b].instrs[iu].op = NOP;
            self.blocks[b].instrs.swap(j, k);
            i -= 1;
        }
    }

    fn is_exit_without_lineno(&self, b: BlockId) -> bool {
        self.blocks[b].exit && self.blocks[b].instrs.iter().all(|i| i.loc.lineno < 0)
    }

    fn duplicate_exits_without_lineno(&mut self) {
        let n = self.blocks.len();
        for b in (0..n).rev() {
            let Some(last) = self.blocks[b].instrs.last().copied() else { continue };
            if !is_jump(&last) {
                continue;
            }
            let target = last.target;
            if self.is_exit_without_lineno(target) && self.blocks[target].predecessors > 1 {
                let mut copy = Block::new();
                copy.instrs = self.blocks[target].instrs.clone();
                copy.exit = self.blocks[target].exit;
                copy.nofallthrough = true;
                copy.instrs[0].loc = last.loc;
                copy.predecessors = 1;
                copy.next = self.blocks[target].next;
                let new_id = self.blocks.len();
                self.blocks.push(copy);
                if let Some(l) = self.blocks[b].instrs.last_mut() {
                    l.target = new_id;
                }
                self.blocks[target].predecessors -= 1;
                self.blocks[target].next = Some(new_id);
            }
        }
        for b in self.list_order() {
            while let Some(n) = self.blocks[b].next {
                if self.blocks[n].instrs.is_empty() {
                    self.blocks[b].next = self.blocks[n].next;
                } else {
                    break;
                }
            }
        }
        for b in self.list_order() {
            if self.blocks[b].nofallthrough || self.blocks[b].instrs.is_empty() {
                continue;
            }
            if let Some(n) = self.blocks[b].next {
                if self.is_exit_without_lineno(n) {
                    let loc = self.blocks[b].instrs[self.blocks[b].instrs.len() - 1].loc;
                    self.blocks[n].instrs[0].loc = loc;
                }
            }
        }
    }

    fn propagate_line_numbers(&mut self) {
        for b in self.layout() {
            if self.blocks[b].instrs.is_empty() {
                continue;
            }
            let mut prev = Loc32::UNSET;
            for ins in self.blocks[b].instrs.iter_mut() {
                if ins.loc.lineno < 0 {
                    ins.loc = prev;
                } else {
                    prev = ins.loc;
                }
            }
            if !self.blocks[b].nofallthrough {
                if let Some(n) = self.blocks[b].next {
                    if self.blocks[n].predecessors == 1 {
                        if let Some(first) = self.blocks[n].instrs.first_mut() {
                            if first.loc.lineno < 0 {
                                first.loc = prev;
                            }
                        }
                    }
                }
            }
            let last = self.blocks[b].instrs[self.blocks[b].instrs.len() - 1];
            if is_jump(&last) {
                let t = last.target;
                if self.blocks[t].predecessors == 1 {
                    if let Some(first) = self.blocks[t].instrs.first_mut() {
                        if first.loc.lineno < 0 {
                            first.loc = prev;
                        }
                    }
                }
            }
        }
    }

    fn guarantee_lineno_for_exits(&mut self, firstlineno: i32) {
        let mut lineno = firstlineno;
        for b in self.layout() {
            let Some(last) = self.blocks[b].instrs.last().copied() else { continue };
            if last.loc.lineno < 0 {
                if last.op == RETURN_VALUE {
                    for ins in self.blocks[b].instrs.iter_mut() {
                        ins.loc.lineno = lineno;
                    }
                }
            } else {
                lineno = last.loc.lineno;
            }
        }
    }

    fn stackdepth(&mut self, generator_like: bool) -> Result<i32, String> {
        for b in self.blocks.iter_mut() {
            b.startdepth = i32::MIN;
        }
        let mut stack: Vec<BlockId> = Vec::new();
        let mut maxdepth = 0;
        fn push(blocks: &mut [Block], stack: &mut Vec<BlockId>, b: BlockId, depth: i32) {
            if blocks[b].startdepth < depth && blocks[b].startdepth < 100 {
                blocks[b].startdepth = depth;
                stack.push(b);
            }
        }
        push(&mut self.blocks, &mut stack, 0, if generator_like { 1 } else { 0 });
        while let Some(b) = stack.pop() {
            let mut depth = self.blocks[b].startdepth;
            let mut next = self.blocks[b].next;
            for i in 0..self.blocks[b].instrs.len() {
                let ins = self.blocks[b].instrs[i];
                let effect = stack_effect(ins.op, ins.arg, 0)
                    .ok_or_else(|| format!("compiler stack_effect(opcode={}, arg={}) failed", ins.op, ins.arg))?;
                let new_depth = depth + effect;
                maxdepth = maxdepth.max(new_depth);
                if is_jump(&ins) || is_block_push(&ins) {
                    let effect = stack_effect(ins.op, ins.arg, 1).unwrap_or(0);
                    let target_depth = depth + effect;
                    maxdepth = maxdepth.max(target_depth);
                    push(&mut self.blocks, &mut stack, ins.target, target_depth);
                }
                depth = new_depth;
                if matches!(ins.op, JUMP_NO_INTERRUPT | JUMP | RETURN_VALUE | RAISE_VARARGS | RERAISE) {
                    next = None;
                    break;
                }
            }
            if let Some(n) = next {
                push(&mut self.blocks, &mut stack, n, depth);
            }
        }
        Ok(maxdepth)
    }

    fn label_exception_targets(&mut self) {
        for b in self.layout() {
            self.blocks[b].visited = false;
        }
        let mut todo: Vec<BlockId> = vec![0];
        self.blocks[0].visited = true;
        self.blocks[0].exceptstack = Some(vec![NO_BLOCK]);
        while let Some(b) = todo.pop() {
            let mut stack = self.blocks[b].exceptstack.take().unwrap_or_else(|| vec![NO_BLOCK]);
            let mut handler = *stack.last().unwrap_or(&NO_BLOCK);
            let mut alive = true;
            for i in 0..self.blocks[b].instrs.len() {
                let ins = self.blocks[b].instrs[i];
                if is_block_push(&ins) {
                    let t = ins.target;
                    if !self.blocks[t].visited {
                        self.blocks[t].exceptstack = Some(stack.clone());
                        self.blocks[t].visited = true;
                        todo.push(t);
                    }
                    if ins.op == SETUP_WITH || ins.op == SETUP_CLEANUP {
                        self.blocks[t].preserve_lasti = true;
                    }
                    stack.push(t);
                    handler = t;
                } else if ins.op == POP_BLOCK {
                    stack.pop();
                    handler = *stack.last().unwrap_or(&NO_BLOCK);
                } else if is_jump(&ins) {
                    self.blocks[b].instrs[i].except = handler;
                    let t = ins.target;
                    if !self.blocks[t].visited {
                        if !self.blocks[b].nofallthrough {
                            self.blocks[t].exceptstack = Some(stack.clone());
                        } else {
                            self.blocks[t].exceptstack = Some(std::mem::take(&mut stack));
                            alive = false;
                        }
                        self.blocks[t].visited = true;
                        todo.push(t);
                    }
                } else {
                    self.blocks[b].instrs[i].except = handler;
                }
            }
            if !self.blocks[b].nofallthrough {
                if let Some(n) = self.blocks[b].next {
                    if !self.blocks[n].visited && alive {
                        self.blocks[n].exceptstack = Some(stack);
                        self.blocks[n].visited = true;
                        todo.push(n);
                    }
                }
            }
        }
    }

    fn convert_exception_handlers_to_nops(&mut self) {
        for b in self.layout() {
            for ins in self.blocks[b].instrs.iter_mut() {
                if is_block_push(ins) || ins.op == POP_BLOCK {
                    ins.op = NOP;
                }
            }
        }
    }

    fn normalize_jumps(&mut self) -> Result<(), String> {
        let layout = self.layout();
        for &b in &layout {
            self.blocks[b].visited = false;
        }
        for &b in &layout {
            self.blocks[b].visited = true;
            let Some(last) = self.blocks[b].instrs.last().copied() else { continue };
            if !is_jump(&last) {
                continue;
            }
            let fwd = !self.blocks[last.target].visited;
            let new_op = match last.op {
                JUMP => Some(if fwd { op::JUMP_FORWARD } else { op::JUMP_BACKWARD }),
                JUMP_NO_INTERRUPT => Some(if fwd { op::JUMP_FORWARD } else { op::JUMP_BACKWARD_NO_INTERRUPT }),
                POP_JUMP_IF_NOT_NONE => {
                    Some(if fwd { op::POP_JUMP_FORWARD_IF_NOT_NONE } else { op::POP_JUMP_BACKWARD_IF_NOT_NONE })
                }
                POP_JUMP_IF_NONE => Some(if fwd { op::POP_JUMP_FORWARD_IF_NONE } else { op::POP_JUMP_BACKWARD_IF_NONE }),
                POP_JUMP_IF_FALSE => Some(if fwd { op::POP_JUMP_FORWARD_IF_FALSE } else { op::POP_JUMP_BACKWARD_IF_FALSE }),
                POP_JUMP_IF_TRUE => Some(if fwd { op::POP_JUMP_FORWARD_IF_TRUE } else { op::POP_JUMP_BACKWARD_IF_TRUE }),
                JUMP_IF_TRUE_OR_POP | JUMP_IF_FALSE_OR_POP => {
                    if !fwd {
                        return Err("unexpected conditional jump backwards".into());
                    }
                    None
                }
                _ => None,
            };
            if let (Some(o), Some(l)) = (new_op, self.blocks[b].instrs.last_mut()) {
                l.op = o as u16;
            }
        }
        Ok(())
    }

    fn assemble_jump_offsets(&mut self) {
        let layout = self.layout();
        loop {
            let mut totsize = 0i32;
            for &b in &layout {
                self.blocks[b].offset = totsize;
                totsize += self.blocks[b].instrs.iter().map(|i| instr_size(i) as i32).sum::<i32>();
            }
            let mut recompile = false;
            for b in self.list_order() {
                let mut bsize = self.blocks[b].offset;
                for i in 0..self.blocks[b].instrs.len() {
                    let ins = self.blocks[b].instrs[i];
                    let isize = instr_size(&ins) as i32;
                    bsize += isize;
                    if is_jump(&ins) {
                        let toff = self.blocks[ins.target].offset;
                        let arg = if toff < bsize { bsize - toff } else { toff - bsize };
                        let ins = &mut self.blocks[b].instrs[i];
                        ins.arg = arg;
                        if instr_size(ins) as i32 != isize {
                            recompile = true;
                        }
                    }
                }
            }
            if !recompile {
                break;
            }
        }
    }
}

/// What the assembler needs from the code generator about the unit.
pub struct AssembleInput<'p> {
    pub pool: &'p mut ConstPool,
    pub nlocals: usize,
    pub ncellvars: usize,
    pub nfreevars: usize,
    /// For each cell index, the local index it shares storage with (an argument), if any.
    pub cell_to_local: Vec<Option<usize>>,
    pub flags: u32,
    pub firstlineno: i32,
    pub generator_like: bool,
}

pub struct Assembled {
    pub code: Vec<u8>,
    pub linetable: Vec<u8>,
    pub exceptiontable: Vec<u8>,
    pub stacksize: i32,
    pub nlocalsplus: usize,
}

fn insert_instr(block: &mut Block, pos: usize, op: u16, arg: i32, loc: Loc32) {
    block.instrs.insert(pos, Instr { op, arg, target: NO_BLOCK, except: NO_BLOCK, loc });
}

/// Runs CPython's assembler passes from `normalize_basic_block` onwards (the
/// final RETURN_VALUE has already been added by the code generator).
pub fn assemble(cfg: &mut Cfg, inp: AssembleInput) -> Result<Assembled, String> {
    for b in cfg.list_order() {
        cfg.normalize_basic_block(b)?;
    }
    for b in cfg.list_order() {
        cfg.extend_block(b);
    }
    let (nlocals, ncells, nfrees) = (inp.nlocals, inp.ncellvars, inp.nfreevars);
    let mut nlocalsplus = nlocals + ncells + nfrees;
    // build_cellfixedoffsets
    let noffsets = ncells + nfrees;
    let mut fixed: Vec<usize> = (0..noffsets).map(|i| nlocals + i).collect();
    for (ci, l) in inp.cell_to_local.iter().enumerate() {
        if let Some(l) = l {
            fixed[ci] = *l;
        }
    }

    // insert_prefix_instructions
    let gen_flags = pyrite_bytecode::code::flags::GENERATOR
        | pyrite_bytecode::code::flags::COROUTINE
        | pyrite_bytecode::code::flags::ASYNC_GENERATOR;
    if inp.flags & gen_flags != 0 {
        let loc = Loc32 { lineno: inp.firstlineno, end_lineno: inp.firstlineno, col: -1, end_col: -1 };
        insert_instr(&mut cfg.blocks[0], 0, op::RETURN_GENERATOR as u16, 0, loc);
        insert_instr(&mut cfg.blocks[0], 1, POP_TOP, 0, Loc32::UNSET);
    }
    if ncells > 0 {
        let nvars = ncells + nlocals;
        let mut sorted = vec![0usize; nvars];
        for (i, &f) in fixed.iter().take(ncells).enumerate() {
            if f < nvars {
                sorted[f] = i + 1;
            }
        }
        let mut used = 0;
        for &s in sorted.iter() {
            if used >= ncells {
                break;
            }
            if s == 0 {
                continue;
            }
            insert_instr(&mut cfg.blocks[0], used, op::MAKE_CELL as u16, (s - 1) as i32, Loc32::UNSET);
            used += 1;
        }
    }
    if nfrees > 0 {
        insert_instr(&mut cfg.blocks[0], 0, op::COPY_FREE_VARS as u16, nfrees as i32, Loc32::UNSET);
    }

    // fix_cell_offsets
    let mut numdropped = 0;
    for (i, f) in fixed.iter_mut().enumerate() {
        if *f == i + nlocals {
            *f -= numdropped;
        } else {
            numdropped += 1;
        }
    }
    for b in cfg.layout() {
        for ins in cfg.blocks[b].instrs.iter_mut() {
            if matches!(
                ins.op as u8,
                op::MAKE_CELL | op::LOAD_CLOSURE | op::LOAD_DEREF | op::STORE_DEREF | op::DELETE_DEREF | op::LOAD_CLASSDEREF
            ) && ins.op < 256
            {
                if let Some(&f) = fixed.get(ins.arg as usize) {
                    ins.arg = f as i32;
                }
            }
        }
    }
    nlocalsplus -= numdropped;

    cfg.optimize_cfg(inp.pool);
    cfg.duplicate_exits_without_lineno();
    // trim_unused_consts: the first constant may be a docstring; keep it.
    let mut max_const = 0;
    for b in cfg.layout() {
        for ins in &cfg.blocks[b].instrs {
            if (ins.op == LOAD_CONST || ins.op == KW_NAMES) && ins.arg > max_const {
                max_const = ins.arg;
            }
        }
    }
    inp.pool.truncate(max_const as usize + 1);
    cfg.propagate_line_numbers();
    cfg.guarantee_lineno_for_exits(inp.firstlineno);
    let maxdepth = cfg.stackdepth(inp.generator_like)?;
    cfg.label_exception_targets();
    cfg.convert_exception_handlers_to_nops();
    for b in cfg.layout() {
        cfg.clean_basic_block(b);
    }
    cfg.normalize_jumps()?;
    cfg.assemble_jump_offsets();

    let layout = cfg.layout();
    let mut code = Vec::new();
    for &b in &layout {
        for ins in &cfg.blocks[b].instrs {
            write_instr(&mut code, ins);
        }
    }
    let mut lt = LineTable { out: Vec::new(), lineno: inp.firstlineno };
    for &b in &layout {
        for ins in &cfg.blocks[b].instrs {
            let mut size = instr_size(ins);
            while size > 8 {
                lt.entry(ins, 8);
                size -= 8;
            }
            lt.entry(ins, size);
        }
    }
    // Exception table.
    let mut entries = Vec::new();
    let mut handler = NO_BLOCK;
    let mut start = 0;
    let mut ioffset = 0;
    for &b in &layout {
        ioffset = cfg.blocks[b].offset;
        for ins in &cfg.blocks[b].instrs {
            if ins.except != handler {
                if handler != NO_BLOCK {
                    entries.push(make_entry(cfg, start, ioffset, handler));
                }
                start = ioffset;
                handler = ins.except;
            }
            ioffset += instr_size(ins) as i32;
        }
    }
    if handler != NO_BLOCK {
        entries.push(make_entry(cfg, start, ioffset, handler));
    }
    Ok(Assembled {
        code,
        linetable: lt.out,
        exceptiontable: exception_table::encode(&entries),
        stacksize: maxdepth,
        nlocalsplus,
    })
}

fn make_entry(cfg: &Cfg, start: i32, end: i32, handler: BlockId) -> exception_table::Entry {
    let h = &cfg.blocks[handler];
    let mut depth = h.startdepth - 1;
    if h.preserve_lasti {
        depth -= 1;
    }
    exception_table::Entry {
        start: start as u32,
        end: end as u32,
        target: h.offset as u32,
        depth: depth.max(0) as u32,
        push_lasti: h.preserve_lasti,
    }
}

fn write_instr(code: &mut Vec<u8>, ins: &Instr) {
    let opcode = ins.op as u8;
    let oparg = if has_arg(ins.op) { ins.arg as u32 } else { 0 };
    let caches = cache_entries(opcode);
    let ilen = instr_size(ins);
    let ext = ilen - caches - 1;
    for k in (1..=ext).rev() {
        code.push(op::EXTENDED_ARG);
        code.push((oparg >> (8 * k)) as u8);
    }
    code.push(opcode);
    code.push(oparg as u8);
    for _ in 0..caches {
        code.push(op::CACHE);
        code.push(0);
    }
}

/// `co_linetable` writer with the assembler's exact choice of entry forms.
struct LineTable {
    out: Vec<u8>,
    lineno: i32,
}

impl LineTable {
    fn first(&mut self, code: u8, len: usize) {
        self.out.push(0x80 | (code << 3) | (len as u8 - 1));
    }

    fn varint(&mut self, mut val: u32) {
        while val >= 64 {
            self.out.push(64 | (val & 63) as u8);
            val >>= 6;
        }
        self.out.push(val as u8);
    }

    fn svarint(&mut self, val: i32) {
        let v = if val < 0 { ((val.unsigned_abs()) << 1) | 1 } else { (val as u32) << 1 };
        self.varint(v);
    }

    fn entry(&mut self, ins: &Instr, len: usize) {
        let l = ins.loc;
        if l.lineno < 0 {
            self.first(15, len);
            return;
        }
        let line_delta = l.lineno - self.lineno;
        let (col, end_col) = (l.col, l.end_col);
        if col < 0 || end_col < 0 {
            if l.end_lineno == l.lineno || l.end_lineno == -1 {
                self.first(13, len);
                self.svarint(line_delta);
                self.lineno = l.lineno;
                return;
            }
        } else if l.end_lineno == l.lineno {
            if line_delta == 0 && col < 80 && end_col - col < 16 && end_col >= col {
                self.first((col >> 3) as u8, len);
                self.out.push((((col & 7) << 4) | (end_col - col)) as u8);
                return;
            }
            if (0..3).contains(&line_delta) && col < 128 && end_col < 128 {
                self.first(10 + line_delta as u8, len);
                self.out.push(col as u8);
                self.out.push(end_col as u8);
                self.lineno = l.lineno;
                return;
            }
        }
        self.first(14, len);
        self.svarint(line_delta);
        self.varint((l.end_lineno - l.lineno) as u32);
        self.varint((col + 1) as u32);
        self.varint((end_col + 1) as u32);
        self.lineno = l.lineno;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ins(op: u16, arg: i32, loc: Loc32) -> Instr {
        Instr { op, arg, target: NO_BLOCK, except: NO_BLOCK, loc }
    }

    fn at(line: i32, col: i32, end_col: i32) -> Loc32 {
        Loc32 { lineno: line, end_lineno: line, col, end_col }
    }

    #[test]
    fn swaptimize_rewrites_a_run_to_the_same_permutation() {
        // SWAP 3, SWAP 2, SWAP 3 exchange the second and third items; the
        // cycle walk writes that as SWAP 2, SWAP 3, SWAP 2.
        let mut cfg = Cfg { blocks: vec![Block::new()] };
        let l = at(1, 0, 1);
        cfg.blocks[0].instrs = vec![ins(SWAP, 3, l), ins(SWAP, 2, l), ins(SWAP, 3, l), ins(POP_TOP, 0, l)];
        let mut ix = 0;
        cfg.swaptimize(0, &mut ix);
        assert_eq!(ix, 2);
        let ops: Vec<(u16, i32)> = cfg.blocks[0].instrs.iter().map(|i| (i.op, i.arg)).collect();
        assert_eq!(ops, vec![(SWAP, 2), (SWAP, 3), (SWAP, 2), (POP_TOP, 0)]);
        // A run that cancels out becomes NOPs.
        cfg.blocks[0].instrs = vec![ins(SWAP, 2, l), ins(NOP, 0, l), ins(SWAP, 2, l)];
        let mut ix = 0;
        cfg.swaptimize(0, &mut ix);
        assert!(cfg.blocks[0].instrs.iter().all(|i| i.op == NOP));
    }

    #[test]
    fn line_table_forms() {
        let mut lt = LineTable { out: Vec::new(), lineno: 1 };
        // short form (same line, small columns), one-line form, no-columns, none, long.
        lt.entry(&ins(NOP, 0, at(1, 4, 9)), 1);
        lt.entry(&ins(NOP, 0, at(2, 100, 120)), 1);
        lt.entry(&ins(NOP, 0, Loc32 { lineno: 5, end_lineno: 5, col: -1, end_col: -1 }), 1);
        lt.entry(&ins(NOP, 0, Loc32::UNSET), 2);
        lt.entry(&ins(NOP, 0, Loc32 { lineno: 5, end_lineno: 7, col: 2, end_col: 3 }), 1);
        assert_eq!(
            lt.out,
            vec![0x80, 0x45, 0x80 | (11 << 3), 100, 120, 0x80 | (13 << 3), 6, 0x80 | (15 << 3) | 1, 0x80 | (14 << 3), 0, 2, 3, 4]
        );
    }

    #[test]
    fn stack_effects_of_calls_and_jumps() {
        assert_eq!(stack_effect(op::PRECALL as u16, 3, 0), Some(-3));
        assert_eq!(stack_effect(op::FOR_ITER as u16, 0, 1), Some(-1));
        assert_eq!(stack_effect(SETUP_CLEANUP, 0, 1), Some(2));
        assert_eq!(stack_effect(op::MAKE_FUNCTION as u16, 0x0f, 0), Some(-4));
        assert_eq!(stack_effect(op::CACHE as u16 + 200, 0, 0), None);
    }
}
