//! The dispatch loop: CPython 3.11's `co_code` executed directly, inline
//! CACHE units skipped in place (the specializer will use them), handlers
//! found through the exception table, and Python-to-Python calls and returns
//! switching frames inside the same loop (no Rust recursion).
//!
//! Registers (`ip`, `sp`, the slot base, constants) live in locals; the
//! frame record is written back only when the frame is left or inspected.
//! Invariants the unsafe code relies on: opargs were range-checked when the
//! code object was made (`objects::code::new_code`), and the value stack never
//! exceeds `co_stacksize` (the compiler computes it, as CPython's does).

use crate::frame::frame_flags;
use crate::exception::{exc_type, new_traceback, ExcKind, ExceptionObject, PyErr, PyResult};
use crate::objects::cell::{new_cell, CellObject};
use crate::objects::code::CodeObj;
use crate::objects::dict::DictObject;
use crate::objects::float::float_binop;
use crate::objects::function::{BoundMethod, FunctionObject};
use crate::objects::int::int_binop;
use crate::objects::list::{new_list, ListObject};
use crate::objects::range::RangeIter;
use crate::objects::singletons::{none, not_implemented};
use crate::objects::str::{display_lossy, StrObject};
use crate::objects::tuple::{new_tuple, TupleObject};
use crate::typeobj::{
    is_exact, type_of, CompareOp, TypeObject, DICT_TYPE, FUNCTION_TYPE, LIST_ITER_TYPE, LIST_TYPE, METHOD_TYPE,
    RANGE_ITER_TYPE, TUPLE_ITER_TYPE,
    MODULE_TYPE, STR_TYPE, TUPLE_TYPE, GENERATOR_TYPE,
};
use crate::objects::module::ModuleObject;
use crate::objects::generator::{GenState, GeneratorObject};
use crate::specialize::{self, Family};
use crate::value::Value;
use crate::vm::Vm;
use pyrite_bytecode::code::flags as co_flags;
use pyrite_bytecode::internal as internal_op;
use pyrite_bytecode::op;
use pyrite_bytecode::deoptimize;

/// Inline cache sizes of CPython 3.11 (checked against the opcode table in tests).
pub(crate) mod caches {
    pub const BINARY_SUBSCR: usize = 4;
    pub const STORE_SUBSCR: usize = 1;
    pub const UNPACK_SEQUENCE: usize = 1;
    pub const STORE_ATTR: usize = 4;
    pub const LOAD_ATTR: usize = 4;
    pub const COMPARE_OP: usize = 2;
    pub const LOAD_GLOBAL: usize = 5;
    pub const BINARY_OP: usize = 1;
    pub const LOAD_METHOD: usize = 10;
    pub const PRECALL: usize = 1;
    pub const CALL: usize = 4;
}

/// How control left an instruction that failed.
enum Unwind {
    /// A new exception: add a traceback entry for this frame and chain context.
    Raise(PyErr),
    /// `RERAISE`: no new traceback entry; handler lookup at `lasti` when given.
    Reraise(PyErr, Option<u32>),
}

impl Vm {
    /// Runs the frame on top of the frame stack (an entry frame) until it returns.
    pub(crate) fn run_frame(&mut self) -> PyResult<Value> {
        self.run_frame_with(None)
    }

    /// Runs the top frame; with `pending`, first raises that exception at the
    /// frame's current instruction (`generator.throw`).
    #[allow(unused_assignments)]
    pub(crate) fn run_frame_with(&mut self, pending: Option<PyErr>) -> PyResult<Value> {
        let mut pending = pending;
        let mut fi = self.frames.len() - 1;
        let mut code: *const CodeObj;
        let mut globals: *const DictObject;
        let mut builtins: *const DictObject;
        let mut units: *const u16;
        let mut lp: *mut Value;
        let mut sp: *mut Value;
        let mut consts: *const Value;
        let mut ip: usize;
        let mut instr_start: usize = 0;
        let mut kwnames = Value::NULL;

        // SAFETY (all macros): pointers come from the current frame record,
        // whose code object outlives it; see the module docs for bounds.
        macro_rules! load_frame {
            () => {{
                let f = &self.frames[fi];
                code = f.code;
                globals = f.globals;
                builtins = f.builtins;
                units = unsafe { (*code).units_ptr() };
                consts = unsafe { (*code).consts.as_ptr() };
                lp = f.localsplus;
                sp = unsafe { lp.add((*code).nlocalsplus() + f.stack_depth as usize) };
                ip = f.resume_at as usize;
            }};
        }
        macro_rules! stack_depth {
            () => {
                unsafe { sp.offset_from(lp.add((*code).nlocalsplus())) as u32 }
            };
        }
        // The checks of function entry and backward jumps (CPython's
        // CHECK_EVAL_BREAKER): signal
        // handlers, and handing the GIL to a thread that asked for it.
        macro_rules! eval_breaker {
            () => {{
                if crate::modules::_signal::SIGNAL_PENDING.load(std::sync::atomic::Ordering::Relaxed) {
                    self.frames[fi].lasti = instr_start as u32;
                    self.frames[fi].stack_depth = stack_depth!();
                    tri!(crate::modules::_signal::run_pending_handlers(self));
                }
                if crate::gil::DROP_REQUEST.load(std::sync::atomic::Ordering::Relaxed) {
                    self.frames[fi].lasti = instr_start as u32;
                    self.frames[fi].stack_depth = stack_depth!();
                    crate::gil::yield_to_waiting();
                }
            }};
        }
        macro_rules! push {
            ($v:expr) => {{
                let v: Value = $v;
                unsafe {
                    sp.write(v);
                    sp = sp.add(1);
                }
            }};
        }
        macro_rules! pop {
            () => {
                unsafe {
                    sp = sp.sub(1);
                    sp.read()
                }
            };
        }
        macro_rules! peek {
            ($n:expr) => {{
                #[allow(unused_unsafe)]
                let r = unsafe { &*sp.sub($n) };
                r
            }};
        }
        macro_rules! set_peek {
            ($n:expr, $v:expr) => {{
                let v: Value = $v;
                let old = unsafe { std::mem::replace(&mut *sp.sub($n), v) };
                drop(old);
            }};
        }
        macro_rules! local {
            ($i:expr) => {
                unsafe { &mut *lp.add($i as usize) }
            };
        }
        macro_rules! name {
            ($i:expr) => {
                {
                    #[allow(unused_unsafe)]
                    let n = unsafe { &*(*code).names.as_ptr().add($i as usize) };
                    n
                }
            };
        }
        macro_rules! konst {
            ($i:expr) => {
                unsafe { &*consts.add($i as usize) }
            };
        }
        macro_rules! jump_by {
            ($n:expr) => {
                ip += $n as usize
            };
        }

        load_frame!();
        if pending.is_some() && crate::tracing::any_hooked() {
            // An exception thrown into a generator: 'call' as it resumes.
            if let Err(e) = self.trace_call_event(fi) {
                pending = Some(e);
            }
        }
        loop {
            let unwind: Unwind = if let Some(e) = pending.take() {
                instr_start = ip.saturating_sub(1);
                Unwind::Raise(e)
            } else {
                'dispatch: loop {
                    // Defined inside the labelled loop: labels are hygienic in macros.
                    macro_rules! tri {
                        ($e:expr) => {
                            match $e {
                                Ok(v) => v,
                                Err(e) => break 'dispatch Unwind::Raise(e),
                            }
                        };
                    }
                    // A superinstruction's second half: steps over its code unit
                    // (which is where errors are now reported) and gives its oparg.
                    macro_rules! second_oparg {
                        () => {{
                            instr_start = ip;
                            // SAFETY: validated code: the second instruction follows.
                            let oparg2 = unsafe { *units.add(ip) } >> 8;
                            ip += 1;
                            oparg2
                        }};
                    }
                    // LOAD_FAST's work: push local `i`, UnboundLocalError when unset.
                    macro_rules! push_local {
                        ($i:expr) => {{
                            let v = local!($i);
                            if v.is_null() {
                                let e = self.unbound_local(code, $i as u32);
                                break 'dispatch Unwind::Raise(e);
                            }
                            let v = v.clone();
                            push!(v);
                        }};
                    }
                    // STORE_FAST's work: pop into local `i`, freeing the old value.
                    macro_rules! store_local {
                        ($i:expr) => {{
                            let v = pop!();
                            let old = std::mem::replace(local!($i), v);
                            drop(old);
                        }};
                    }
                    // Runs Python function `func` in a frame pushed here, its `n`
                    // arguments moved in from the top of this stack; this frame
                    // resumes after the instruction's `cache_len` cache units.
                    macro_rules! call_with_stack_args {
                        ($func:expr, $n:expr, $cache_len:expr) => {{
                            self.frames[fi].lasti = instr_start as u32;
                            self.frames[fi].resume_at = (ip + $cache_len) as u32;
                            let args_base = unsafe { sp.sub($n) };
                            let base = tri!(self.push_function_frame($func, false));
                            // SAFETY: the new frame has room for its `n` parameters.
                            unsafe { std::ptr::copy_nonoverlapping(args_base, base, $n) };
                            sp = args_base;
                            let depth = stack_depth!();
                            self.frames[fi].stack_depth = depth;
                            fi += 1;
                            load_frame!();
                            continue 'dispatch;
                        }};
                    }
                    instr_start = ip;
                    let word = unsafe { *units.add(ip) };
                    ip += 1;
                    let mut opcode = (word & 0xff) as u8;
                    let mut oparg = (word >> 8) as u32;
                    if opcode == op::EXTENDED_ARG {
                        // SAFETY: validated code never ends in EXTENDED_ARG prefixes.
                        (opcode, oparg) = unsafe { decode_extended(units, &mut ip, oparg) };
                        instr_start = ip - 1;
                    }
                    if crate::tracing::any_hooked() {
                        // sys.settrace / sys.setprofile: events, and the
                        // instruction's unspecialized form.
                        self.frames[fi].stack_depth = stack_depth!();
                        opcode = tri!(self.trace_instruction(fi, instr_start, opcode));
                    }
                    match opcode {
                        op::NOP => {}
                        op::RESUME | op::RESUME_QUICK => eval_breaker!(),
                        op::LOAD_FAST => push_local!(oparg),
                        op::LOAD_CONST => {
                            let v = konst!(oparg).clone();
                            push!(v);
                        }
                        op::STORE_FAST => store_local!(oparg),
                        op::POP_TOP => {
                            let v = pop!();
                            drop(v);
                            // An expression statement's result freed here (an un-awaited
                            // coroutine, an object with `__del__`) is finalized on its line.
                            if unsafe { *crate::object::FINALIZERS_DUE.get_mut() } {
                                self.frames[fi].lasti = instr_start as u32;
                                self.frames[fi].stack_depth = stack_depth!();
                                self.run_pending_finalizers();
                            }
                        }
                        // Superinstructions (formed when the code object is made):
                        // the first instruction's work, then the second's, which
                        // directly follows with a one-byte oparg and is skipped.
                        op::LOAD_FAST__LOAD_FAST | op::LOAD_FAST__LOAD_CONST => {
                            push_local!(oparg);
                            let oparg2 = second_oparg!();
                            if opcode == op::LOAD_FAST__LOAD_FAST {
                                push_local!(oparg2);
                            } else {
                                let v = konst!(oparg2).clone();
                                push!(v);
                            }
                        }
                        op::LOAD_CONST__LOAD_FAST => {
                            let v = konst!(oparg).clone();
                            push!(v);
                            let oparg2 = second_oparg!();
                            push_local!(oparg2);
                        }
                        op::STORE_FAST__LOAD_FAST | op::STORE_FAST__STORE_FAST => {
                            store_local!(oparg);
                            let oparg2 = second_oparg!();
                            if opcode == op::STORE_FAST__LOAD_FAST {
                                push_local!(oparg2);
                            } else {
                                store_local!(oparg2);
                            }
                        }
                        op::PUSH_NULL => push!(Value::NULL),
                        op::COPY => {
                            let v = peek!(oparg as usize).clone();
                            push!(v);
                        }
                        op::SWAP => unsafe {
                            std::ptr::swap(sp.sub(1), sp.sub(oparg as usize));
                        },
                        op::BINARY_OP
                        | op::BINARY_OP_ADAPTIVE
                        | op::BINARY_OP_ADD_INT
                        | op::BINARY_OP_ADD_FLOAT
                        | op::BINARY_OP_ADD_UNICODE
                        | op::BINARY_OP_INPLACE_ADD_UNICODE
                        | op::BINARY_OP_MULTIPLY_INT
                        | op::BINARY_OP_MULTIPLY_FLOAT
                        | op::BINARY_OP_SUBTRACT_INT
                        | op::BINARY_OP_SUBTRACT_FLOAT
                        | internal_op::BINARY_OP_INT_OTHER
                        | internal_op::BINARY_OP_FLOAT_MIXED
                        | internal_op::BINARY_OP_PY_METHOD => {
                            if opcode == internal_op::BINARY_OP_PY_METHOD {
                                if let Some(method) = specialize::operator_method(oparg as usize, peek!(2), peek!(1)) {
                                    // The operator method runs in a frame pushed here; the
                                    // operands stay on this stack until it returns.
                                    specialize::hit(Family::BinaryOp, opcode);
                                    self.frames[fi].lasti = instr_start as u32;
                                    self.frames[fi].resume_at = (ip + caches::BINARY_OP) as u32;
                                    let (lhs, rhs) = (peek!(2).clone(), peek!(1).clone());
                                    let base = tri!(self.push_function_frame(method, false));
                                    // SAFETY: the new frame has room for its two parameters.
                                    unsafe {
                                        base.write(lhs);
                                        base.add(1).write(rhs);
                                    }
                                    if let Some(top) = self.frames.last_mut() {
                                        top.ret_binop = oparg as u8 + 1;
                                    }
                                    let depth = stack_depth!();
                                    self.frames[fi].stack_depth = depth;
                                    fi += 1;
                                    load_frame!();
                                    continue 'dispatch;
                                }
                            }
                            // The int and float forms: operands that are not heap
                            // objects, so the result overwrites them without drops.
                            let fast = match opcode {
                                op::BINARY_OP_ADD_INT | op::BINARY_OP_SUBTRACT_INT | op::BINARY_OP_MULTIPLY_INT => {
                                    match (peek!(2).as_small_int(), peek!(1).as_small_int()) {
                                        (Some(a), Some(b)) => match opcode {
                                            op::BINARY_OP_ADD_INT => Some(Value::int(a + b)),
                                            op::BINARY_OP_SUBTRACT_INT => Some(Value::int(a - b)),
                                            _ => a.checked_mul(b).map(Value::int),
                                        },
                                        _ => None,
                                    }
                                }
                                op::BINARY_OP_ADD_FLOAT | op::BINARY_OP_SUBTRACT_FLOAT | op::BINARY_OP_MULTIPLY_FLOAT => {
                                    match (peek!(2).as_float(), peek!(1).as_float()) {
                                        (Some(a), Some(b)) => Some(Value::float(match opcode {
                                            op::BINARY_OP_ADD_FLOAT => a + b,
                                            op::BINARY_OP_SUBTRACT_FLOAT => a - b,
                                            _ => a * b,
                                        })),
                                        _ => None,
                                    }
                                }
                                internal_op::BINARY_OP_INT_OTHER => {
                                    if peek!(2).is_small_int() && peek!(1).is_small_int() {
                                        fast_binop(oparg as usize, peek!(2), peek!(1))
                                    } else {
                                        None
                                    }
                                }
                                internal_op::BINARY_OP_FLOAT_MIXED => {
                                    if specialize::mixed_numbers(peek!(2), peek!(1)) {
                                        mixed_float_binop(oparg as usize, peek!(2), peek!(1))
                                    } else {
                                        None
                                    }
                                }
                                _ => None,
                            };
                            if let Some(r) = fast {
                                specialize::hit(Family::BinaryOp, opcode);
                                // SAFETY: two operands on the stack, neither a heap object.
                                unsafe {
                                    sp = sp.sub(1);
                                    sp.sub(1).write(r);
                                }
                                jump_by!(caches::BINARY_OP);
                                continue 'dispatch;
                            }
                            let rhs = pop!();
                            let lhs = pop!();
                            // SAFETY: followed by its cache unit.
                            let instr = unsafe { units.add(ip - 1) as *mut u16 };
                            let guard = match opcode {
                                op::BINARY_OP | op::BINARY_OP_ADAPTIVE => None,
                                op::BINARY_OP_ADD_UNICODE | op::BINARY_OP_INPLACE_ADD_UNICODE => {
                                    Some(is_exact(&lhs, &STR_TYPE) && is_exact(&rhs, &STR_TYPE))
                                }
                                // Operands that fit the form but not its fast path (an
                                // overflow, a zero divisor, a negative shift) count as hits;
                                // otherwise the operands did not fit the form.
                                internal_op::BINARY_OP_INT_OTHER => Some(lhs.is_small_int() && rhs.is_small_int()),
                                internal_op::BINARY_OP_FLOAT_MIXED => Some(specialize::mixed_numbers(&lhs, &rhs)),
                                internal_op::BINARY_OP_PY_METHOD => Some(false),
                                _ => Some(opcode == op::BINARY_OP_MULTIPLY_INT && lhs.is_small_int() && rhs.is_small_int()),
                            };
                            match guard {
                                Some(true) => specialize::hit(Family::BinaryOp, opcode),
                                Some(false) => unsafe {
                                    specialize::miss(instr, Family::BinaryOp);
                                },
                                None => {
                                    if self.specialize && unsafe { specialize::adaptive_due(instr.add(1)) } {
                                        let next = unsafe { *units.add(ip + caches::BINARY_OP) };
                                        let stores_lhs = deoptimize((next & 0xff) as u8) == op::STORE_FAST && local!(next >> 8).is(&lhs);
                                        unsafe { specialize::binary_op(instr, oparg, &lhs, &rhs, stores_lhs) };
                                    } else {
                                        specialize::generic(Family::BinaryOp);
                                    }
                                }
                            }
                            // `s = s + t` / `s += t` into the same local: append in place
                            // when the local held the only other reference.
                            if (oparg == 0 || oparg == 13) && is_exact(&lhs, &STR_TYPE) && is_exact(&rhs, &STR_TYPE) {
                                let next = unsafe { *units.add(ip + caches::BINARY_OP) };
                                if deoptimize((next & 0xff) as u8) == op::STORE_FAST && local!(next >> 8).is(&lhs) {
                                    let held = local!(next >> 8).take();
                                    drop(held);
                                    if let Some(r) = rhs.downcast_ref::<StrObject>() {
                                        push!(crate::objects::str::append(lhs, r));
                                        jump_by!(caches::BINARY_OP);
                                        continue 'dispatch;
                                    }
                                }
                            }
                            let r = match fast_binop(oparg as usize, &lhs, &rhs) {
                                Some(r) => r,
                                None => tri!(self.binary_op(oparg as usize, &lhs, &rhs)),
                            };
                            push!(r);
                            jump_by!(caches::BINARY_OP);
                        }
                        op::COMPARE_OP
                        | op::COMPARE_OP_ADAPTIVE
                        | op::COMPARE_OP_INT_JUMP
                        | op::COMPARE_OP_FLOAT_JUMP
                        | op::COMPARE_OP_STR_JUMP => {
                            let Some(cop) = CompareOp::from_oparg(oparg) else {
                                break 'dispatch Unwind::Raise(
                                    self.new_error(ExcKind::SystemError, "bad COMPARE_OP oparg"),
                                );
                            };
                            // SAFETY: followed by its 2 cache units and (checked when
                            // specialized) a conditional jump.
                            let instr = unsafe { units.add(ip - 1) as *mut u16 };
                            let fused = match opcode {
                                op::COMPARE_OP_INT_JUMP => match (peek!(2).as_small_int(), peek!(1).as_small_int()) {
                                    (Some(a), Some(b)) => Some(cop.test(a.cmp(&b))),
                                    _ => None,
                                },
                                op::COMPARE_OP_FLOAT_JUMP => match (peek!(2).as_float(), peek!(1).as_float()) {
                                    (Some(a), Some(b)) => Some(match a.partial_cmp(&b) {
                                        Some(o) => cop.test(o),
                                        None => cop == CompareOp::Ne,
                                    }),
                                    _ => None,
                                },
                                op::COMPARE_OP_STR_JUMP
                                    if is_exact(peek!(2), &STR_TYPE) && is_exact(peek!(1), &STR_TYPE) =>
                                {
                                    Some(crate::objects::str::str_eq(peek!(2), peek!(1)) == (cop == CompareOp::Eq))
                                }
                                _ => None,
                            };
                            if let Some(b) = fused {
                                specialize::hit(Family::CompareOp, opcode);
                                let rhs = pop!();
                                let lhs = pop!();
                                drop((lhs, rhs));
                                // Run the jump that follows here and skip it.
                                let next = unsafe { *units.add(ip + caches::COMPARE_OP) };
                                let (jop, jarg) = ((next & 0xff) as u8, (next >> 8) as usize);
                                ip += caches::COMPARE_OP + 1;
                                let want = matches!(jop, op::POP_JUMP_FORWARD_IF_TRUE | op::POP_JUMP_BACKWARD_IF_TRUE);
                                if b == want {
                                    if matches!(jop, op::POP_JUMP_FORWARD_IF_FALSE | op::POP_JUMP_FORWARD_IF_TRUE) {
                                        ip += jarg;
                                    } else {
                                        ip -= jarg;
                                        eval_breaker!();
                                    }
                                }
                                continue 'dispatch;
                            }
                            if opcode != op::COMPARE_OP && opcode != op::COMPARE_OP_ADAPTIVE {
                                unsafe { specialize::miss(instr, Family::CompareOp) };
                            } else if self.specialize && unsafe { specialize::adaptive_due(instr.add(1)) } {
                                let next = unsafe { *units.add(ip + caches::COMPARE_OP) };
                                unsafe { specialize::compare_op(instr, oparg, peek!(2), peek!(1), (next & 0xff) as u8) };
                            } else {
                                specialize::generic(Family::CompareOp);
                            }
                            let rhs = pop!();
                            let lhs = pop!();
                            let r = if let (Some(a), Some(b)) = (lhs.as_small_int(), rhs.as_small_int()) {
                                Value::bool(cop.test(a.cmp(&b)))
                            } else if let (Some(a), Some(b)) = (lhs.as_float(), rhs.as_float()) {
                                Value::bool(match a.partial_cmp(&b) {
                                    Some(o) => cop.test(o),
                                    None => cop == CompareOp::Ne,
                                })
                            } else {
                                tri!(self.compare(&lhs, &rhs, cop))
                            };
                            push!(r);
                            jump_by!(caches::COMPARE_OP);
                        }
                        op::IS_OP => {
                            let rhs = pop!();
                            let lhs = pop!();
                            push!(Value::bool(lhs.is(&rhs) != (oparg == 1)));
                        }
                        op::CONTAINS_OP => {
                            let rhs = pop!();
                            let lhs = pop!();
                            let b = tri!(self.contains(&rhs, &lhs));
                            push!(Value::bool(b != (oparg == 1)));
                        }
                        op::BINARY_SUBSCR
                        | op::BINARY_SUBSCR_ADAPTIVE
                        | op::BINARY_SUBSCR_LIST_INT
                        | op::BINARY_SUBSCR_TUPLE_INT
                        | op::BINARY_SUBSCR_DICT
                        | op::BINARY_SUBSCR_GETITEM => {
                            // SAFETY: followed by its 4 cache units.
                            let instr = unsafe { units.add(ip - 1) as *mut u16 };
                            let hit = match opcode {
                                op::BINARY_SUBSCR_LIST_INT | op::BINARY_SUBSCR_TUPLE_INT => {
                                    fast_subscr(peek!(2), peek!(1)).map(Ok)
                                }
                                op::BINARY_SUBSCR_DICT => match peek!(2).downcast_ref::<DictObject>() {
                                    Some(d) if is_exact(peek!(2), &DICT_TYPE) => {
                                        let key = peek!(1).clone();
                                        match d.get_item(self, &key) {
                                            Ok(Some(v)) => Some(Ok(v)),
                                            // Missing: the generic path raises the KeyError.
                                            Ok(None) => None,
                                            Err(e) => Some(Err(e)),
                                        }
                                    }
                                    _ => None,
                                },
                                op::BINARY_SUBSCR_GETITEM => {
                                    let version = unsafe { specialize::read_u32(instr.add(2)) };
                                    let f = if type_of(peek!(2)).version_tag.get() == version {
                                        specialize::python_getitem(peek!(2))
                                    } else {
                                        None
                                    };
                                    if let Some(func) = f {
                                        // `container[sub]` as a call of the class's Python
                                        // `__getitem__(container, sub)`: a frame pushed here,
                                        // the two operands moved in as its arguments.
                                        specialize::hit(Family::BinarySubscr, opcode);
                                        call_with_stack_args!(func, 2, caches::BINARY_SUBSCR);
                                    }
                                    None
                                }
                                _ => None,
                            };
                            let r = match hit {
                                Some(r) => {
                                    specialize::hit(Family::BinarySubscr, opcode);
                                    let sub = pop!();
                                    let container = pop!();
                                    drop((container, sub));
                                    tri!(r)
                                }
                                None => {
                                    if opcode != op::BINARY_SUBSCR && opcode != op::BINARY_SUBSCR_ADAPTIVE {
                                        unsafe { specialize::miss(instr, Family::BinarySubscr) };
                                    } else if self.specialize && unsafe { specialize::adaptive_due(instr.add(1)) } {
                                        unsafe { specialize::binary_subscr(instr, peek!(2), peek!(1)) };
                                    } else {
                                        specialize::generic(Family::BinarySubscr);
                                    }
                                    let sub = pop!();
                                    let container = pop!();
                                    match fast_subscr(&container, &sub) {
                                        Some(v) => v,
                                        None => tri!(self.getitem(&container, &sub)),
                                    }
                                }
                            };
                            push!(r);
                            jump_by!(caches::BINARY_SUBSCR);
                        }
                        op::STORE_SUBSCR
                        | op::STORE_SUBSCR_ADAPTIVE
                        | op::STORE_SUBSCR_LIST_INT
                        | op::STORE_SUBSCR_DICT => {
                            // SAFETY: followed by its cache unit.
                            let instr = unsafe { units.add(ip - 1) as *mut u16 };
                            let fits = match opcode {
                                op::STORE_SUBSCR_LIST_INT => {
                                    is_exact(peek!(2), &LIST_TYPE)
                                        && peek!(1).as_small_int().is_some_and(|i| {
                                            peek!(2).downcast_ref::<ListObject>().is_some_and(|l| {
                                                crate::objects::str::normalize_index(i, l.len()).is_some()
                                            })
                                        })
                                }
                                op::STORE_SUBSCR_DICT => is_exact(peek!(2), &DICT_TYPE),
                                _ => false,
                            };
                            if fits {
                                specialize::hit(Family::StoreSubscr, opcode);
                            } else if opcode != op::STORE_SUBSCR && opcode != op::STORE_SUBSCR_ADAPTIVE {
                                unsafe { specialize::miss(instr, Family::StoreSubscr) };
                            } else if self.specialize && unsafe { specialize::adaptive_due(instr.add(1)) } {
                                unsafe { specialize::store_subscr(instr, peek!(2), peek!(1)) };
                            } else {
                                specialize::generic(Family::StoreSubscr);
                            }
                            let sub = pop!();
                            let container = pop!();
                            let v = pop!();
                            if opcode == op::STORE_SUBSCR_DICT && fits {
                                if let Some(d) = container.downcast_ref::<DictObject>() {
                                    tri!(d.set_item(self, sub, v));
                                    drop(container);
                                    jump_by!(caches::STORE_SUBSCR);
                                    continue 'dispatch;
                                }
                            }
                            // list[int] = v without the slot call.
                            let stored = match (container.downcast_ref::<ListObject>(), sub.as_small_int()) {
                                (Some(l), Some(i)) if is_exact(&container, &LIST_TYPE) => {
                                    match crate::objects::str::normalize_index(i, l.len()) {
                                        Some(ix) => {
                                            l.set(ix, v);
                                            None
                                        }
                                        None => Some(v),
                                    }
                                }
                                _ => Some(v),
                            };
                            if let Some(v) = stored {
                                tri!(self.setitem(&container, &sub, v));
                            }
                            jump_by!(caches::STORE_SUBSCR);
                        }
                        op::GET_ITER => {
                            let v = pop!();
                            let it = tri!(self.iter(&v));
                            push!(it);
                        }
                        op::FOR_ITER | internal_op::FOR_ITER_GEN => {
                            let it = peek!(1);
                            if is_exact(it, &GENERATOR_TYPE) && oparg <= 0xff && self.specialize {
                                // A generator's frame resumed by this loop (no Rust-level
                                // call). Only without an EXTENDED_ARG prefix: when the
                                // generator returns, this instruction runs again, alone,
                                // and finds it finished.
                                if opcode == op::FOR_ITER {
                                    let st = specialize::stats(Family::ForIter);
                                    st.attempts += 1;
                                    st.successes += 1;
                                    // SAFETY: the instruction's own unit (FOR_ITER has no cache).
                                    unsafe { specialize::set_opcode(units.add(instr_start) as *mut u16, internal_op::FOR_ITER_GEN) };
                                } else {
                                    specialize::hit(Family::ForIter, opcode);
                                }
                                // SAFETY: checked to be an exact generator above.
                                let gen = unsafe { &*(it.ptr_unchecked() as *const GeneratorObject) };
                                match gen.state.get() {
                                    GenState::Finished => {
                                        let it = pop!();
                                        drop(it);
                                        jump_by!(oparg);
                                        continue 'dispatch;
                                    }
                                    GenState::Created | GenState::Suspended => {
                                        let genv = it.clone();
                                        self.frames[fi].lasti = instr_start as u32;
                                        self.frames[fi].resume_at = ip as u32;
                                        self.frames[fi].stack_depth = stack_depth!();
                                        tri!(self.gen_resume_inline(&genv, gen));
                                        fi += 1;
                                        load_frame!();
                                        continue 'dispatch;
                                    }
                                    // Already executing: the generic path raises.
                                    GenState::Running => {}
                                }
                            } else if opcode == internal_op::FOR_ITER_GEN {
                                // Not a generator here now: back to the generic form at
                                // once (trying the generator form again costs nothing
                                // more than the type check every FOR_ITER makes).
                                let st = specialize::stats(Family::ForIter);
                                st.misses += 1;
                                st.deopts += 1;
                                // SAFETY: the instruction's own unit.
                                unsafe { specialize::set_opcode(units.add(instr_start) as *mut u16, op::FOR_ITER) };
                            } else {
                                specialize::generic(Family::ForIter);
                            }
                            let it = peek!(1);
                            let next = if is_exact(it, &RANGE_ITER_TYPE) {
                                // SAFETY: exact range_iterator has the RangeIter layout.
                                let r = unsafe { &*(it.ptr_unchecked() as *const RangeIter) };
                                r.next_i64().map(Value::int)
                            } else if is_exact(it, &LIST_ITER_TYPE) || is_exact(it, &TUPLE_ITER_TYPE) {
                                // List and tuple iterators: the item read in place (no
                                // call, no reference count traffic on the sequence).
                                match it.downcast_ref::<crate::objects::iter::SeqIter>() {
                                    Some(si) => si.next_item(),
                                    None => tri!(self.next(it)),
                                }
                            } else {
                                tri!(self.next(it))
                            };
                            match next {
                                Some(v) => push!(v),
                                None => {
                                    let it = pop!();
                                    drop(it);
                                    jump_by!(oparg);
                                }
                            }
                        }
                        op::JUMP_FORWARD => jump_by!(oparg),
                        op::JUMP_BACKWARD | op::JUMP_BACKWARD_QUICK | op::JUMP_BACKWARD_NO_INTERRUPT => {
                            ip -= oparg as usize;
                            if unsafe { *crate::object::FINALIZERS_DUE.get_mut() } {
                                self.frames[fi].lasti = instr_start as u32;
                                self.frames[fi].stack_depth = stack_depth!();
                                self.run_pending_finalizers();
                            }
                            if opcode != op::JUMP_BACKWARD_NO_INTERRUPT {
                                eval_breaker!();
                            }
                        }
                        op::POP_JUMP_FORWARD_IF_FALSE
                        | op::POP_JUMP_BACKWARD_IF_FALSE
                        | op::POP_JUMP_FORWARD_IF_TRUE
                        | op::POP_JUMP_BACKWARD_IF_TRUE => {
                            let v = pop!();
                            let b = if v.is_true_obj() {
                                true
                            } else if v.is_false_obj() {
                                false
                            } else {
                                tri!(self.is_true(&v))
                            };
                            let want = matches!(opcode, op::POP_JUMP_FORWARD_IF_TRUE | op::POP_JUMP_BACKWARD_IF_TRUE);
                            if b == want {
                                if matches!(opcode, op::POP_JUMP_FORWARD_IF_FALSE | op::POP_JUMP_FORWARD_IF_TRUE) {
                                    ip += oparg as usize;
                                } else {
                                    ip -= oparg as usize;
                                    eval_breaker!();
                                }
                            }
                        }
                        op::POP_JUMP_FORWARD_IF_NONE
                        | op::POP_JUMP_BACKWARD_IF_NONE
                        | op::POP_JUMP_FORWARD_IF_NOT_NONE
                        | op::POP_JUMP_BACKWARD_IF_NOT_NONE => {
                            let v = pop!();
                            let want_none =
                                matches!(opcode, op::POP_JUMP_FORWARD_IF_NONE | op::POP_JUMP_BACKWARD_IF_NONE);
                            if v.is_none() == want_none {
                                if matches!(opcode, op::POP_JUMP_FORWARD_IF_NONE | op::POP_JUMP_FORWARD_IF_NOT_NONE) {
                                    ip += oparg as usize;
                                } else {
                                    ip -= oparg as usize;
                                    eval_breaker!();
                                }
                            }
                        }
                        op::LOAD_GLOBAL
                        | op::LOAD_GLOBAL_ADAPTIVE
                        | op::LOAD_GLOBAL_MODULE
                        | op::LOAD_GLOBAL_BUILTIN => {
                            // SAFETY: the instruction is followed by its 5 cache units;
                            // the frame keeps both dicts alive.
                            let instr = unsafe { units.add(ip - 1) as *mut u16 };
                            let cache = unsafe { instr.add(1) };
                            let cached = match opcode {
                                op::LOAD_GLOBAL_MODULE => unsafe {
                                    (*globals).cached_get(specialize::read_u32(cache.add(2)), *cache.add(1) as usize)
                                },
                                op::LOAD_GLOBAL_BUILTIN => unsafe {
                                    if (*globals).current_keys_version() == specialize::read_u32(cache.add(2)) {
                                        (*builtins).cached_get(*cache.add(4) as u32, *cache.add(1) as usize)
                                    } else {
                                        None
                                    }
                                },
                                _ => None,
                            };
                            let v = match cached {
                                Some(v) => {
                                    specialize::hit(Family::LoadGlobal, opcode);
                                    v
                                }
                                None => {
                                    let name = name!(oparg >> 1);
                                    if opcode == op::LOAD_GLOBAL_MODULE || opcode == op::LOAD_GLOBAL_BUILTIN {
                                        unsafe { specialize::miss(instr, Family::LoadGlobal) };
                                    } else if self.specialize && unsafe { specialize::adaptive_due(cache) } {
                                        unsafe { specialize::load_global(instr, &*globals, &*builtins, name) };
                                    } else {
                                        specialize::generic(Family::LoadGlobal);
                                    }
                                    let found = unsafe { (*globals).get_str(name).or_else(|| (*builtins).get_str(name)) };
                                    match found {
                                        Some(v) => v,
                                        None => break 'dispatch Unwind::Raise(self.name_error(name)),
                                    }
                                }
                            };
                            if oparg & 1 != 0 {
                                push!(Value::NULL);
                            }
                            push!(v);
                            jump_by!(caches::LOAD_GLOBAL);
                        }
                        op::LOAD_NAME => {
                            let v = tri!(self.load_name(fi, name!(oparg)));
                            push!(v);
                        }
                        op::STORE_NAME => {
                            let v = pop!();
                            tri!(self.store_name(fi, name!(oparg), v));
                        }
                        op::LOAD_ATTR
                        | op::LOAD_ATTR_ADAPTIVE
                        | op::LOAD_ATTR_INSTANCE_VALUE
                        | op::LOAD_ATTR_SLOT
                        | op::LOAD_ATTR_MODULE
                        | internal_op::LOAD_ATTR_CLASS
                        | internal_op::LOAD_ATTR_CLASS_VIA_INSTANCE
                        | internal_op::LOAD_ATTR_PROPERTY => {
                            // SAFETY: followed by its 4 cache units.
                            let instr = unsafe { units.add(ip - 1) as *mut u16 };
                            let cache = unsafe { instr.add(1) };
                            if opcode == internal_op::LOAD_ATTR_PROPERTY {
                                if let Some(fget) = unsafe { specialize::property_fget(peek!(1), cache) } {
                                    // `owner.name` as a call of the property's getter:
                                    // a frame pushed here, the owner moved in as its
                                    // argument; its return value replaces the owner.
                                    specialize::hit(Family::LoadAttr, opcode);
                                    call_with_stack_args!(fget, 1, caches::LOAD_ATTR);
                                }
                            }
                            let owner = pop!();
                            let cached = match opcode {
                                internal_op::LOAD_ATTR_CLASS => unsafe { specialize::class_attr(&owner, cache) },
                                internal_op::LOAD_ATTR_CLASS_VIA_INSTANCE => unsafe {
                                    specialize::class_attr_via_instance(&owner, cache)
                                },
                                op::LOAD_ATTR_INSTANCE_VALUE => unsafe {
                                    specialize::instance_value(&owner, specialize::read_u32(cache.add(1)), *cache.add(3) as usize)
                                        .or_else(|| specialize::poly_instance_value(&owner, name!(oparg)))
                                },
                                op::LOAD_ATTR_SLOT => unsafe {
                                    specialize::slot_value(&owner, specialize::read_u32(cache.add(1)), *cache.add(3) as usize)
                                },
                                op::LOAD_ATTR_MODULE => match owner.downcast_ref::<ModuleObject>() {
                                    Some(m) if is_exact(&owner, &MODULE_TYPE) => unsafe {
                                        m.dict().cached_get(specialize::read_u32(cache.add(1)), *cache.add(3) as usize)
                                    },
                                    _ => None,
                                },
                                _ => None,
                            };
                            let v = match cached {
                                Some(v) => {
                                    specialize::hit(Family::LoadAttr, opcode);
                                    v
                                }
                                None => {
                                    let name = name!(oparg);
                                    if opcode != op::LOAD_ATTR && opcode != op::LOAD_ATTR_ADAPTIVE {
                                        unsafe { specialize::miss(instr, Family::LoadAttr) };
                                    } else if self.specialize && unsafe { specialize::adaptive_due(cache) } {
                                        unsafe { specialize::load_attr(instr, &owner, name) };
                                    } else {
                                        specialize::generic(Family::LoadAttr);
                                    }
                                    // A running frame's `f_lineno`/`f_lasti` read here see this line.
                                    self.frames[fi].lasti = instr_start as u32;
                                    tri!(self.getattr(&owner, name))
                                }
                            };
                            drop(owner);
                            push!(v);
                            jump_by!(caches::LOAD_ATTR);
                        }
                        op::STORE_ATTR | op::STORE_ATTR_ADAPTIVE | op::STORE_ATTR_INSTANCE_VALUE | op::STORE_ATTR_SLOT => {
                            // SAFETY: followed by its 4 cache units.
                            let instr = unsafe { units.add(ip - 1) as *mut u16 };
                            let cache = unsafe { instr.add(1) };
                            let owner = pop!();
                            let v = pop!();
                            let v = if opcode == op::STORE_ATTR_INSTANCE_VALUE || opcode == op::STORE_ATTR_SLOT {
                                let (version, ix) = unsafe { (specialize::read_u32(cache.add(1)), *cache.add(3) as usize) };
                                let stored = if opcode == op::STORE_ATTR_SLOT {
                                    specialize::store_slot_value(&owner, version, ix, v)
                                } else {
                                    specialize::store_instance_value(&owner, version, ix, v)
                                        .or_else(|v| specialize::poly_store_instance_value(&owner, name!(oparg), v))
                                };
                                match stored {
                                    Ok(()) => {
                                        specialize::hit(Family::StoreAttr, opcode);
                                        None
                                    }
                                    Err(v) => {
                                        unsafe { specialize::miss(instr, Family::StoreAttr) };
                                        Some(v)
                                    }
                                }
                            } else {
                                if self.specialize && unsafe { specialize::adaptive_due(cache) } {
                                    let name = name!(oparg);
                                    unsafe { specialize::store_attr(instr, &owner, name) };
                                } else {
                                    specialize::generic(Family::StoreAttr);
                                }
                                Some(v)
                            };
                            if let Some(v) = v {
                                tri!(self.setattr(&owner, name!(oparg), v));
                            }
                            jump_by!(caches::STORE_ATTR);
                        }
                        op::LOAD_METHOD
                        | op::LOAD_METHOD_ADAPTIVE
                        | op::LOAD_METHOD_NO_DICT
                        | op::LOAD_METHOD_WITH_VALUES
                        | op::LOAD_METHOD_MODULE => {
                            // SAFETY: followed by its 10 cache units.
                            let instr = unsafe { units.add(ip - 1) as *mut u16 };
                            let cache = unsafe { instr.add(1) };
                            let owner = pop!();
                            let hit = match opcode {
                                op::LOAD_METHOD_NO_DICT | op::LOAD_METHOD_WITH_VALUES => unsafe {
                                    specialize::cached_method(&owner, cache, opcode == op::LOAD_METHOD_WITH_VALUES)
                                        .or_else(|| {
                                            if opcode == op::LOAD_METHOD_WITH_VALUES {
                                                specialize::poly_method(&owner, name!(oparg))
                                            } else {
                                                None
                                            }
                                        })
                                        .map(|m| (m, true))
                                },
                                op::LOAD_METHOD_MODULE => match owner.downcast_ref::<ModuleObject>() {
                                    Some(m) if is_exact(&owner, &MODULE_TYPE) => unsafe {
                                        m.dict()
                                            .cached_get(specialize::read_u32(cache.add(1)), *cache.add(3) as usize)
                                            .map(|v| (v, false))
                                    },
                                    _ => None,
                                },
                                _ => None,
                            };
                            let (m, self_) = match hit {
                                Some((m, bound)) => {
                                    specialize::hit(Family::LoadMethod, opcode);
                                    if bound {
                                        (m, Some(owner))
                                    } else {
                                        (m, None)
                                    }
                                }
                                None => {
                                    let name = name!(oparg);
                                    if opcode != op::LOAD_METHOD && opcode != op::LOAD_METHOD_ADAPTIVE {
                                        unsafe { specialize::miss(instr, Family::LoadMethod) };
                                    } else if self.specialize && unsafe { specialize::adaptive_due(cache) } {
                                        unsafe { specialize::load_method(instr, &owner, name) };
                                    } else {
                                        specialize::generic(Family::LoadMethod);
                                    }
                                    tri!(crate::attr::load_method(self, &owner, name))
                                }
                            };
                            match self_ {
                                Some(s) => {
                                    push!(m);
                                    push!(s);
                                }
                                None => {
                                    push!(Value::NULL);
                                    push!(m);
                                }
                            }
                            jump_by!(caches::LOAD_METHOD);
                        }
                        op::KW_NAMES => {
                            kwnames = konst!(oparg).clone();
                        }
                        op::PRECALL
                        | op::PRECALL_ADAPTIVE
                        | op::PRECALL_BOUND_METHOD
                        | op::PRECALL_PYFUNC
                        | op::PRECALL_BUILTIN_CLASS
                        | op::PRECALL_BUILTIN_FAST_WITH_KEYWORDS
                        | op::PRECALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS
                        | op::PRECALL_NO_KW_BUILTIN_FAST
                        | op::PRECALL_NO_KW_BUILTIN_O
                        | op::PRECALL_NO_KW_ISINSTANCE
                        | op::PRECALL_NO_KW_LEN
                        | op::PRECALL_NO_KW_LIST_APPEND
                        | op::PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST
                        | op::PRECALL_NO_KW_METHOD_DESCRIPTOR_NOARGS
                        | op::PRECALL_NO_KW_METHOD_DESCRIPTOR_O
                        | op::PRECALL_NO_KW_STR_1
                        | op::PRECALL_NO_KW_TUPLE_1
                        | op::PRECALL_NO_KW_TYPE_1 => {
                            let n = oparg as usize;
                            // SAFETY: followed by its cache unit (and, for the forms
                            // that call, by the CALL: checked when specialized).
                            let instr = unsafe { units.add(ip - 1) as *mut u16 };
                            match opcode {
                                op::PRECALL | op::PRECALL_ADAPTIVE => {
                                    if self.specialize && unsafe { specialize::adaptive_due(instr.add(1)) } {
                                        let has_kw = !kwnames.is_null();
                                        unsafe { specialize::precall(instr, n, peek!(n + 2), peek!(n + 1), has_kw) };
                                    } else {
                                        specialize::generic(Family::Precall);
                                    }
                                }
                                op::PRECALL_BOUND_METHOD => {
                                    if peek!(n + 2).is_null() && is_exact(peek!(n + 1), &METHOD_TYPE) {
                                        specialize::hit(Family::Precall, opcode);
                                    } else {
                                        unsafe { specialize::miss(instr, Family::Precall) };
                                    }
                                }
                                op::PRECALL_PYFUNC => {
                                    let callable = if peek!(n + 2).is_null() { peek!(n + 1) } else { peek!(n + 2) };
                                    if is_exact(callable, &FUNCTION_TYPE) {
                                        specialize::hit(Family::Precall, opcode);
                                    } else {
                                        unsafe { specialize::miss(instr, Family::Precall) };
                                    }
                                }
                                _ => {
                                    // The forms that make the call here and skip the CALL;
                                    // errors and frames report the CALL, as generic calls do.
                                    let call_at = ip + caches::PRECALL;
                                    if unsafe { *crate::object::FINALIZERS_DUE.get_mut() } {
                                        self.frames[fi].lasti = call_at as u32;
                                        self.frames[fi].stack_depth = stack_depth!();
                                        self.run_pending_finalizers();
                                    }
                                    self.frames[fi].lasti = call_at as u32;
                                    let init_target = if opcode == op::PRECALL_BUILTIN_CLASS
                                        && kwnames.is_null()
                                        && peek!(n + 2).is_null()
                                    {
                                        specialize::python_init_target(peek!(n + 1), n)
                                    } else {
                                        None
                                    };
                                    if let Some((init, newf)) = init_target {
                                        // `cls(*args)`: the instance made by `object.__new__`,
                                        // then `__init__(obj, *args)` run in a frame pushed here;
                                        // its return gives the caller the instance. The class
                                        // call counts one recursion level, as generic calls do.
                                        specialize::hit(Family::Precall, opcode);
                                        instr_start = call_at;
                                        tri!(self.enter_recursion(" while calling a Python object"));
                                        let cls = peek!(n + 1).clone();
                                        let args_base = unsafe { sp.sub(n) };
                                        let obj = {
                                            let args = unsafe { std::slice::from_raw_parts(args_base, n) };
                                            newf(self, &cls, args, None)
                                        };
                                        let obj = match obj {
                                            Ok(o) => o,
                                            Err(e) => {
                                                self.leave_recursion();
                                                break 'dispatch Unwind::Raise(e);
                                            }
                                        };
                                        self.frames[fi].resume_at = (call_at + 1 + caches::CALL) as u32;
                                        let base = match self.push_function_frame(init.clone(), false) {
                                            Ok(b) => b,
                                            Err(e) => {
                                                self.leave_recursion();
                                                break 'dispatch Unwind::Raise(e);
                                            }
                                        };
                                        // SAFETY: the new frame has room for its parameters;
                                        // the arguments move from this frame's stack.
                                        unsafe {
                                            base.write(obj.clone());
                                            std::ptr::copy_nonoverlapping(args_base, base.add(1), n);
                                        }
                                        sp = args_base;
                                        if let Some((defaults, first)) = init
                                            .downcast_ref::<FunctionObject>()
                                            .and_then(|f| specialize::defaults_fill(f, n + 1))
                                        {
                                            for (j, d) in defaults.items()[first..].iter().enumerate() {
                                                unsafe { base.add(n + 1 + j).write(d.clone()) };
                                            }
                                        }
                                        if let Some(top) = self.frames.last_mut() {
                                            top.set_init_self(obj);
                                        }
                                        // The class and the NULL below it.
                                        for _ in 0..2 {
                                            let v = pop!();
                                            drop(v);
                                        }
                                        let depth = stack_depth!();
                                        self.frames[fi].stack_depth = depth;
                                        fi += 1;
                                        load_frame!();
                                        continue 'dispatch;
                                    }
                                    // SAFETY: n arguments and the two entries below them are live.
                                    let done = unsafe { self.precall_native(opcode, n, sp, &kwnames) };
                                    match done {
                                        Some(result) => {
                                            specialize::hit(Family::Precall, opcode);
                                            kwnames = Value::NULL;
                                            for _ in 0..n + 2 {
                                                let v = pop!();
                                                drop(v);
                                            }
                                            instr_start = call_at;
                                            let r = tri!(result);
                                            push!(r);
                                            jump_by!(caches::PRECALL + 1 + caches::CALL);
                                            continue 'dispatch;
                                        }
                                        None => unsafe {
                                            specialize::miss(instr, Family::Precall);
                                        },
                                    }
                                }
                            }
                            if peek!(n + 2).is_null() && is_exact(peek!(n + 1), &METHOD_TYPE) {
                                // Unpack a bound method so the call passes self positionally.
                                let m = peek!(n + 1).clone();
                                if let Some(bm) = m.downcast_ref::<BoundMethod>() {
                                    set_peek!(n + 2, bm.func.clone());
                                    set_peek!(n + 1, bm.self_.clone());
                                }
                            }
                            jump_by!(caches::PRECALL);
                        }
                        op::CALL | op::CALL_ADAPTIVE | op::CALL_PY_EXACT_ARGS | op::CALL_PY_WITH_DEFAULTS => {
                            // `__del__` of objects freed since the last call runs before this one.
                            if unsafe { *crate::object::FINALIZERS_DUE.get_mut() } {
                                self.frames[fi].lasti = instr_start as u32;
                                self.frames[fi].stack_depth = stack_depth!();
                                self.run_pending_finalizers();
                            }
                            let is_meth = !peek!(oparg as usize + 2).is_null();
                            let nargs = oparg as usize + usize::from(is_meth);
                            let kw = kwnames.take();
                            let nkw = kw.downcast_ref::<TupleObject>().map_or(0, |t| t.len());
                            let entries = nargs + 2 - usize::from(is_meth);
                            let callable_is_py = is_exact(peek!(nargs + 1), &FUNCTION_TYPE);
                            self.frames[fi].lasti = instr_start as u32;
                            {
                                // SAFETY: followed by its 4 cache units.
                                let instr = unsafe { units.add(ip - 1) as *mut u16 };
                                if opcode == op::CALL || opcode == op::CALL_ADAPTIVE {
                                    if self.specialize && unsafe { specialize::adaptive_due(instr.add(1)) } {
                                        unsafe { specialize::call(instr, peek!(nargs + 1), nargs, nkw > 0) };
                                    } else {
                                        specialize::generic(Family::Call);
                                    }
                                } else {
                                    let fits = callable_is_py
                                        && nkw == 0
                                        && peek!(nargs + 1).downcast_ref::<FunctionObject>().is_some_and(|f| {
                                            if opcode == op::CALL_PY_EXACT_ARGS {
                                                specialize::simple_positional(f, nargs)
                                            } else {
                                                specialize::defaults_fill(f, nargs).is_some()
                                            }
                                        });
                                    if fits {
                                        specialize::hit(Family::Call, opcode);
                                    } else {
                                        unsafe { specialize::miss(instr, Family::Call) };
                                    }
                                }
                            }
                            if callable_is_py {
                                // Python-to-Python: push the frame and continue in this loop.
                                // SAFETY: exact function type; the stack slot keeps it alive.
                                let fptr = peek!(nargs + 1).ptr_unchecked() as *const FunctionObject;
                                let f = unsafe { &*fptr };
                                let fcode = f.code();
                                let simple = nkw == 0
                                    && fcode.flags & (co_flags::VARARGS | co_flags::VARKEYWORDS) == 0
                                    && fcode.kwonlyargcount == 0
                                    && fcode.argcount as usize == nargs;
                                let args_base = unsafe { sp.sub(nargs) };
                                self.frames[fi].resume_at = (ip + caches::CALL) as u32;
                                let func = peek!(nargs + 1).clone();
                                let base = match self.push_function_frame(func, false) {
                                    Ok(b) => b,
                                    Err(e) => break 'dispatch Unwind::Raise(e),
                                };
                                let with_defaults = if simple || nkw > 0 { None } else { specialize::defaults_fill(f, nargs) };
                                if simple {
                                    // Move the arguments into the new frame's variables.
                                    unsafe { std::ptr::copy_nonoverlapping(args_base, base, nargs) };
                                    sp = args_base;
                                } else if let Some((defaults, first)) = with_defaults {
                                    // Move the arguments; the defaults complete them.
                                    unsafe { std::ptr::copy_nonoverlapping(args_base, base, nargs) };
                                    sp = args_base;
                                    for (j, d) in defaults.items()[first..].iter().enumerate() {
                                        unsafe { base.add(nargs + j).write(d.clone()) };
                                    }
                                } else {
                                    let args = unsafe { std::slice::from_raw_parts(args_base, nargs) };
                                    let kwv = if nkw > 0 { Some(&kw) } else { None };
                                    if let Err(e) = self.bind_args(f, args, kwv, base) {
                                        self.pop_frame();
                                        break 'dispatch Unwind::Raise(e);
                                    }
                                    for _ in 0..nargs {
                                        let v = pop!();
                                        drop(v);
                                    }
                                }
                                // The callable and the NULL (or method) slot.
                                for _ in 0..(entries - nargs) {
                                    let v = pop!();
                                    drop(v);
                                }
                                let depth = stack_depth!();
                                self.frames[fi].stack_depth = depth;
                                fi += 1;
                                load_frame!();
                                continue 'dispatch;
                            }
                            let result = {
                                let callable = peek!(nargs + 1).clone();
                                let args = unsafe { std::slice::from_raw_parts(sp.sub(nargs), nargs) };
                                let kwv = if nkw > 0 { Some(&kw) } else { None };
                                if crate::tracing::any_hooked() {
                                    self.frames[fi].stack_depth = stack_depth!();
                                    self.call_profiled(fi, &callable, args, kwv)
                                } else {
                                    self.call(&callable, args, kwv)
                                }
                            };
                            for _ in 0..entries {
                                let v = pop!();
                                drop(v);
                            }
                            let r = tri!(result);
                            push!(r);
                            jump_by!(caches::CALL);
                        }
                        op::CALL_FUNCTION_EX
                            if is_exact(peek!(2 + (oparg & 1) as usize), &FUNCTION_TYPE)
                                && is_exact(peek!(1 + (oparg & 1) as usize), &TUPLE_TYPE)
                                && (oparg & 1 == 0 || is_exact(peek!(1), &DICT_TYPE)) =>
                        {
                            // `f(*args, **kwargs)` of a Python function: its frame is
                            // pushed here, as CALL pushes one (3.11 does the same).
                            let kwargs = if oparg & 1 != 0 { pop!() } else { Value::NULL };
                            let callargs = pop!();
                            let func = pop!();
                            let null = pop!();
                            drop(null);
                            self.frames[fi].lasti = instr_start as u32;
                            self.frames[fi].resume_at = ip as u32;
                            let positional = callargs.downcast_ref::<TupleObject>().map_or(&[][..], |t| t.items());
                            let items = kwargs.downcast_ref::<DictObject>().map(|d| d.items()).unwrap_or_default();
                            let (args, kwnames): (std::borrow::Cow<[Value]>, Option<Value>) = if items.is_empty() {
                                (std::borrow::Cow::Borrowed(positional), None)
                            } else {
                                let mut args = Vec::with_capacity(positional.len() + items.len());
                                args.extend_from_slice(positional);
                                let mut names = Vec::with_capacity(items.len());
                                for (k, v) in items {
                                    names.push(k);
                                    args.push(v);
                                }
                                (std::borrow::Cow::Owned(args), Some(new_tuple(names)))
                            };
                            // SAFETY: checked to be an exact function above; `func` keeps it alive.
                            let f = unsafe { &*(func.ptr_unchecked() as *const FunctionObject) };
                            let base = tri!(self.push_function_frame(func.clone(), false));
                            if let Err(e) = self.bind_args(f, &args, kwnames.as_ref(), base) {
                                self.pop_frame();
                                break 'dispatch Unwind::Raise(e);
                            }
                            let depth = stack_depth!();
                            self.frames[fi].stack_depth = depth;
                            fi += 1;
                            load_frame!();
                            continue 'dispatch;
                        }
                        op::RETURN_VALUE => {
                            let retval = pop!();
                            let depth = stack_depth!();
                            self.frames[fi].stack_depth = depth;
                            // A frame object that outlives the frame reports the return's line.
                            self.frames[fi].lasti = instr_start as u32;
                            if crate::tracing::any_hooked() {
                                tri!(self.trace_return(fi, &retval));
                            }
                            let fl = self.frames[fi].flags;
                            let was_entry = fl & frame_flags::ENTRY != 0;
                            if fl & (frame_flags::ENTRY | frame_flags::GENERATOR) == frame_flags::GENERATOR {
                                // A generator FOR_ITER_GEN resumed returned: its FOR_ITER
                                // runs again and finds it finished (the value is dropped,
                                // as a `for` loop drops StopIteration's).
                                let genv = self.frames[fi].generator().cloned().unwrap_or_default();
                                self.pop_frame();
                                if let Some(gen) = genv.downcast_ref::<GeneratorObject>() {
                                    self.gen_inline_finished(gen);
                                }
                                drop(retval);
                                if unsafe { *crate::object::FINALIZERS_DUE.get_mut() } {
                                    self.run_pending_finalizers();
                                }
                                fi -= 1;
                                load_frame!();
                                ip -= 1;
                                continue 'dispatch;
                            }
                            let init_self = self.frames[fi].take_init_self();
                            let ret_binop = self.frames[fi].ret_binop;
                            self.pop_frame();
                            if !init_self.is_null() {
                                // The class call's recursion level ends with its `__init__`.
                                self.leave_recursion();
                            }
                            if unsafe { *crate::object::FINALIZERS_DUE.get_mut() } {
                                self.run_pending_finalizers();
                            }
                            if was_entry {
                                return Ok(retval);
                            }
                            fi -= 1;
                            load_frame!();
                            if ret_binop != 0 {
                                let rhs = pop!();
                                let lhs = pop!();
                                if retval.is_not_implemented() {
                                    let e = self.binop_unsupported(ret_binop as usize - 1, &lhs, &rhs);
                                    drop((lhs, rhs));
                                    instr_start = self.frames[fi].lasti as usize;
                                    break 'dispatch Unwind::Raise(e);
                                }
                                drop((lhs, rhs));
                                push!(retval);
                            } else if init_self.is_null() {
                                push!(retval);
                            } else if retval.is_none() {
                                push!(init_self);
                            } else {
                                // Raised by the class call, in the caller.
                                let msg = format!("__init__() should return None, not '{}'", self.type_name(&retval));
                                drop((retval, init_self));
                                instr_start = self.frames[fi].lasti as usize;
                                break 'dispatch Unwind::Raise(self.type_error(msg));
                            }
                        }
                        op::RETURN_GENERATOR => {
                            // Move this frame's variables into a new generator and return it.
                            let nl = unsafe { (*code).nlocalsplus() };
                            let size = unsafe { (*code).frame_size() };
                            let mut storage: Vec<Value> = Vec::with_capacity(size);
                            for i in 0..nl {
                                storage.push(local!(i).take());
                            }
                            storage.resize_with(size, || Value::NULL);
                            let func = self.frames[fi].func.clone();
                            let gen_code = self.frames[fi].code_value();
                            let gen = crate::objects::generator::new_generator(
                                self,
                                func,
                                gen_code,
                                storage.into_boxed_slice(),
                                ip as u32,
                            );
                            let depth = stack_depth!();
                            self.frames[fi].stack_depth = depth;
                            let was_entry = self.frames[fi].is_entry();
                            self.pop_frame();
                            if was_entry {
                                return Ok(gen);
                            }
                            fi -= 1;
                            load_frame!();
                            push!(gen);
                        }
                        op::ASYNC_GEN_WRAP => {
                            let v = pop!();
                            push!(crate::objects::async_generator::wrap_value(v));
                        }
                        op::YIELD_VALUE => {
                            let retval = pop!();
                            if crate::tracing::any_hooked() {
                                self.frames[fi].lasti = instr_start as u32;
                                self.frames[fi].stack_depth = stack_depth!();
                                tri!(self.trace_return(fi, &retval));
                            }
                            let fl = self.frames[fi].flags;
                            if fl & frame_flags::GENERATOR == 0 {
                                break 'dispatch Unwind::Raise(
                                    self.new_error(ExcKind::SystemError, "yield outside a generator frame"),
                                );
                            }
                            // Not an entry frame: a generator FOR_ITER_GEN resumed, whose
                            // value goes to the loop's frame, continuing after the FOR_ITER.
                            let inline = fl & frame_flags::ENTRY == 0;
                            let genv = if inline { self.frames[fi].generator().cloned().unwrap_or_default() } else { Value::NULL };
                            let depth = stack_depth!();
                            let fr = &mut self.frames[fi];
                            fr.stack_depth = depth;
                            fr.resume_at = ip as u32;
                            fr.lasti = instr_start as u32;
                            self.yielded = true;
                            self.pop_frame();
                            if !inline {
                                return Ok(retval);
                            }
                            self.yielded = false;
                            if let Some(gen) = genv.downcast_ref::<GeneratorObject>() {
                                self.gen_inline_suspended(gen);
                            }
                            fi -= 1;
                            load_frame!();
                            push!(retval);
                        }
                        op::BUILD_TUPLE => {
                            let n = oparg as usize;
                            let items: Vec<Value> =
                                (0..n).map(|_| pop!()).collect::<Vec<_>>().into_iter().rev().collect();
                            push!(new_tuple(items));
                        }
                        op::BUILD_LIST => {
                            let n = oparg as usize;
                            let items: Vec<Value> =
                                (0..n).map(|_| pop!()).collect::<Vec<_>>().into_iter().rev().collect();
                            push!(new_list(items));
                        }
                        op::LIST_APPEND => {
                            let v = pop!();
                            if let Some(l) = peek!(oparg as usize).downcast_ref::<ListObject>() {
                                l.push(v);
                            }
                        }
                        op::UNPACK_SEQUENCE
                        | op::UNPACK_SEQUENCE_ADAPTIVE
                        | op::UNPACK_SEQUENCE_TWO_TUPLE
                        | op::UNPACK_SEQUENCE_TUPLE
                        | op::UNPACK_SEQUENCE_LIST => {
                            let n = oparg as usize;
                            // SAFETY: followed by its cache unit.
                            let instr = unsafe { units.add(ip - 1) as *mut u16 };
                            if opcode == op::UNPACK_SEQUENCE_TWO_TUPLE && n == 2 && is_exact(peek!(1), &TUPLE_TYPE) {
                                if let Some(t) = peek!(1).downcast_ref::<TupleObject>().filter(|t| t.len() == 2) {
                                    specialize::hit(Family::UnpackSequence, opcode);
                                    let (a, b) = (t.items()[0].clone(), t.items()[1].clone());
                                    let seq = pop!();
                                    drop(seq);
                                    push!(b);
                                    push!(a);
                                    jump_by!(caches::UNPACK_SEQUENCE);
                                    continue 'dispatch;
                                }
                            }
                            let fits = match opcode {
                                op::UNPACK_SEQUENCE_TUPLE => {
                                    is_exact(peek!(1), &TUPLE_TYPE)
                                        && peek!(1).downcast_ref::<TupleObject>().is_some_and(|t| t.len() == n)
                                }
                                op::UNPACK_SEQUENCE_LIST => {
                                    is_exact(peek!(1), &LIST_TYPE)
                                        && peek!(1).downcast_ref::<ListObject>().is_some_and(|l| l.len() == n)
                                }
                                _ => false,
                            };
                            if fits {
                                specialize::hit(Family::UnpackSequence, opcode);
                            } else if opcode != op::UNPACK_SEQUENCE && opcode != op::UNPACK_SEQUENCE_ADAPTIVE {
                                unsafe { specialize::miss(instr, Family::UnpackSequence) };
                            } else if self.specialize && unsafe { specialize::adaptive_due(instr.add(1)) } {
                                unsafe { specialize::unpack_sequence(instr, peek!(1), n) };
                            } else {
                                specialize::generic(Family::UnpackSequence);
                            }
                            let seq = pop!();
                            // Exact tuples and lists of the right length: push their items directly.
                            let mut direct = false;
                            if is_exact(&seq, &TUPLE_TYPE) {
                                if let Some(t) = seq.downcast_ref::<TupleObject>().filter(|t| t.len() == n) {
                                    for i in (0..n).rev() {
                                        push!(t.items()[i].clone());
                                    }
                                    direct = true;
                                }
                            } else if is_exact(&seq, &LIST_TYPE) {
                                if let Some(l) = seq.downcast_ref::<ListObject>().filter(|l| l.len() == n) {
                                    for i in (0..n).rev() {
                                        // In range: the length was just checked and nothing ran since.
                                        push!(l.get(i).unwrap_or(Value::NULL));
                                    }
                                    direct = true;
                                }
                            }
                            if !direct {
                                let items = tri!(self.unpack_sequence(&seq, n));
                                for v in items.into_iter().rev() {
                                    push!(v);
                                }
                            }
                            jump_by!(caches::UNPACK_SEQUENCE);
                        }
                        op::LOAD_CLOSURE => {
                            let v = local!(oparg).clone();
                            push!(v);
                        }
                        // MAKE_CELL and COPY_FREE_VARS start every call of a closure
                        // or of a function whose variables a closure captures.
                        op::MAKE_CELL => {
                            let initial = local!(oparg).take();
                            *local!(oparg) = new_cell(initial);
                        }
                        op::COPY_FREE_VARS => {
                            // Only function frames have free variables.
                            let f = self.frames[fi].func.downcast_ref::<FunctionObject>();
                            if let Some(cl) = f.and_then(|f| f.closure.downcast_ref::<TupleObject>()) {
                                let off = unsafe { (*code).nlocalsplus() } - oparg as usize;
                                for (i, c) in cl.items().iter().take(oparg as usize).enumerate() {
                                    *local!(off + i) = c.clone();
                                }
                            }
                        }
                        op::LOAD_DEREF => {
                            let v = local!(oparg).downcast_ref::<CellObject>().and_then(|c| c.get());
                            match v {
                                Some(v) => push!(v),
                                None => {
                                    let e = self.unbound_deref(code, oparg);
                                    break 'dispatch Unwind::Raise(e);
                                }
                            }
                        }
                        op::STORE_DEREF => {
                            let v = pop!();
                            if let Some(c) = local!(oparg).downcast_ref::<CellObject>() {
                                let old = c.set(v);
                                drop(old);
                            }
                        }
                        op::BUILD_SLICE => {
                            // `a[i:j]`, `a[i:j:k]` and `a[i:j] = seq` on an exact list (tuple,
                            // str for loads) with int/None bounds: the subscript that follows
                            // runs here, without a slice object (as 3.12's BINARY_SLICE).
                            let n = oparg as usize;
                            let bound = |v: &Value| if v.is_none() { Some(None) } else { v.as_small_int().map(Some) };
                            let step = if n == 3 { bound(peek!(1)) } else { Some(None) };
                            let (start, stop) = if n == 2 || n == 3 {
                                (bound(peek!(n)), bound(peek!(n - 1)))
                            } else {
                                (None, None)
                            };
                            let next_op = unsafe { (*units.add(ip) & 0xff) as u8 };
                            let fused = match (start, stop, step) {
                                (Some(start), Some(stop), Some(step)) if step != Some(0) => {
                                    let step = step.unwrap_or(1);
                                    if deoptimize(next_op) == op::BINARY_SUBSCR {
                                        crate::types::seq::fast_slice(peek!(n + 1), start, stop, step).map(|r| (r, None))
                                    } else if deoptimize(next_op) == op::STORE_SUBSCR
                                        && is_exact(peek!(n + 1), &LIST_TYPE)
                                        && (is_exact(peek!(n + 2), &LIST_TYPE) || is_exact(peek!(n + 2), &TUPLE_TYPE))
                                    {
                                        let len = peek!(n + 1).downcast_ref::<ListObject>().map_or(0, |l| l.len());
                                        Some((Value::NULL, Some(crate::objects::slice::adjust_indices(start, stop, step, len))))
                                    } else {
                                        None
                                    }
                                }
                                _ => None,
                            };
                            if let Some((result, store)) = fused {
                                for _ in 0..n {
                                    drop(pop!());
                                }
                                let container = pop!();
                                // Errors belong to the subscript instruction.
                                instr_start = ip;
                                match store {
                                    None => {
                                        drop(container);
                                        push!(result);
                                        ip += 1 + caches::BINARY_SUBSCR;
                                    }
                                    Some(indices) => {
                                        let value = pop!();
                                        ip += 1 + caches::STORE_SUBSCR;
                                        tri!(crate::types::seq::list_assign_slice(self, &container, indices, Some(value)));
                                    }
                                }
                                continue 'dispatch;
                            }
                            let step = if n == 3 { pop!() } else { none() };
                            let stop = pop!();
                            let start = pop!();
                            push!(crate::objects::slice::new_slice(start, stop, step));
                        }
                        _ => {
                            let mut st = ColdRegs { sp, ip };
                            let r = self.cold_op(fi, opcode, oparg, instr_start, &mut st);
                            sp = st.sp;
                            ip = st.ip;
                            if let Err(u) = r {
                                break 'dispatch u;
                            }
                            // A `del` may have freed an object with `__del__` (or a weakref
                            // callback may be due): run it before the next statement, as
                            // CPython runs it at once.
                            if matches!(
                                opcode,
                                op::DELETE_FAST
                                    | op::DELETE_NAME
                                    | op::DELETE_GLOBAL
                                    | op::DELETE_ATTR
                                    | op::DELETE_SUBSCR
                                    | op::STORE_GLOBAL
                            ) && unsafe { *crate::object::FINALIZERS_DUE.get_mut() }
                            {
                                self.frames[fi].lasti = instr_start as u32;
                                self.frames[fi].stack_depth = stack_depth!();
                                self.run_pending_finalizers();
                            }
                        }
                    }
                }
            };

            // Exception handling: look for a handler in this frame, else pop
            // frames (adding traceback entries) until one has a handler or the
            // entry frame is left.
            // The handler is looked up at the failing instruction; the offset
            // pushed for the handler (`lasti`) is the one RERAISE restores.
            let (mut err, mut lookup_at, mut lasti, mut add_tb) = match unwind {
                Unwind::Raise(e) => (e, instr_start as u32, instr_start as u32, true),
                Unwind::Reraise(e, restored) => (e, instr_start as u32, restored.unwrap_or(instr_start as u32), false),
            };
            if add_tb {
                let settled = std::mem::replace(&mut self.context_settled, 0);
                if settled != err.exc.bits() {
                    self.set_exception_context(&err);
                }
            }
            loop {
                if add_tb {
                    self.add_traceback(&err, fi, lookup_at);
                    if crate::tracing::any_hooked() {
                        self.frames[fi].stack_depth = stack_depth!();
                        err = self.trace_exception(fi, err);
                    }
                }
                self.frames[fi].lasti = lasti;
                let handler = unsafe { (*code).find_handler(lookup_at) };
                if let Some(h) = handler {
                    let target_sp = unsafe { lp.add((*code).nlocalsplus() + h.depth as usize) };
                    while sp > target_sp {
                        let v = pop!();
                        drop(v);
                    }
                    // What unwinding freed is finalized here, at the failing line, as
                    // CPython does (an un-awaited coroutine's warning names it).
                    if unsafe { *crate::object::FINALIZERS_DUE.get_mut() } {
                        self.frames[fi].stack_depth = stack_depth!();
                        self.run_pending_finalizers();
                    }
                    if h.push_lasti {
                        push!(Value::int(lasti as i64));
                    }
                    push!(err.exc);
                    ip = h.target as usize;
                    break;
                }
                // No handler here: leave the frame.
                while stack_depth!() > 0 {
                    let v = pop!();
                    drop(v);
                }
                self.frames[fi].stack_depth = 0;
                if crate::tracing::any_hooked() {
                    self.trace_unwind_exit(fi);
                }
                let was_entry = self.frames[fi].is_entry();
                let inline_gen = if was_entry {
                    Value::NULL
                } else {
                    self.frames[fi].generator().cloned().unwrap_or_default()
                };
                self.pop_frame();
                if was_entry {
                    // Chained where it was raised: the Python frame it reaches
                    // through native code must not chain it again.
                    self.context_settled = err.exc.bits();
                    return Err(err);
                }
                if let Some(gen) = inline_gen.downcast_ref::<GeneratorObject>() {
                    err = self.gen_inline_raised(gen, err);
                }
                fi -= 1;
                load_frame!();
                lookup_at = self.frames[fi].lasti;
                lasti = lookup_at;
                add_tb = true;
            }
        }
    }

    /// The call of a PRECALL form that calls natively, when its guard holds
    /// (None otherwise, with nothing changed but, for a builtin bound to an
    /// object, that object moved below the arguments as `self`).
    ///
    /// # Safety
    /// `sp` is the stack top with `n` arguments and the two entries below
    /// them live.
    unsafe fn precall_native(&mut self, opcode: u8, n: usize, sp: *mut Value, kwnames: &Value) -> Option<PyResult<Value>> {
        use crate::objects::descr::{BuiltinFunction, MethodDescr};
        use crate::typeobj::{BUILTIN_FUNCTION_TYPE, METHOD_DESCR_TYPE, TYPE_TYPE};
        let x = &mut *sp.sub(n + 2);
        let is_meth = !x.is_null();
        let has_kw = !kwnames.is_null();
        let kw = if has_kw { Some(kwnames) } else { None };
        let total = n + usize::from(is_meth);
        let args = std::slice::from_raw_parts(sp.sub(total), total);
        let callable = if is_meth { &*sp.sub(n + 2) } else { &*sp.sub(n + 1) };
        let no_kw = !matches!(
            opcode,
            op::PRECALL_BUILTIN_FAST_WITH_KEYWORDS | op::PRECALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS
        );
        if no_kw && has_kw {
            return None;
        }
        match opcode {
            op::PRECALL_NO_KW_BUILTIN_FAST
            | op::PRECALL_NO_KW_BUILTIN_O
            | op::PRECALL_BUILTIN_FAST_WITH_KEYWORDS
            | op::PRECALL_NO_KW_LEN
            | op::PRECALL_NO_KW_ISINSTANCE => {
                if !is_exact(callable, &BUILTIN_FUNCTION_TYPE) {
                    return None;
                }
                let b = callable.downcast_ref::<BuiltinFunction>()?;
                let counted = b.counts_recursion.get();
                if opcode == op::PRECALL_NO_KW_LEN {
                    if total != 1 || !specialize::is_native(b.func, crate::builtins::len) || !b.self_.is_null() {
                        return None;
                    }
                    return Some(self.counted_call(counted, |vm| vm.len(&args[0]).map(|n| Value::int(n as i64))));
                }
                if opcode == op::PRECALL_NO_KW_ISINSTANCE {
                    if total != 2
                        || !specialize::is_native(b.func, crate::builtins::isinstance_builtin)
                        || !b.self_.is_null()
                    {
                        return None;
                    }
                    return Some(self.counted_call(counted, |vm| {
                        crate::builtins::isinstance(vm, &args[0], &args[1]).map(Value::bool)
                    }));
                }
                let func = b.func;
                if b.self_.is_null() {
                    return Some(self.counted_call(counted, |vm| func(vm, args, kw)));
                }
                if is_meth {
                    return None;
                }
                // [NULL, builtin, args] becomes [builtin, self, args]: the
                // bound object passed first, as the builtin expects.
                let bound = b.self_.clone();
                let builtin = std::mem::replace(&mut *sp.sub(n + 1), bound);
                drop(std::mem::replace(x, builtin));
                let args = std::slice::from_raw_parts(sp.sub(n + 1), n + 1);
                Some(self.counted_call(counted, |vm| func(vm, args, kw)))
            }
            op::PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST
            | op::PRECALL_NO_KW_METHOD_DESCRIPTOR_NOARGS
            | op::PRECALL_NO_KW_METHOD_DESCRIPTOR_O
            | op::PRECALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS
            | op::PRECALL_NO_KW_LIST_APPEND => {
                if !is_exact(callable, &METHOD_DESCR_TYPE) {
                    return None;
                }
                let md = callable.downcast_ref::<MethodDescr>()?;
                let self_ = args.first()?;
                if opcode == op::PRECALL_NO_KW_LIST_APPEND {
                    if total != 2 || !specialize::is_native(md.func, crate::types::seq::list_append) {
                        return None;
                    }
                    if !is_exact(self_, &LIST_TYPE) {
                        return None;
                    }
                    let l = self_.downcast_ref::<ListObject>()?;
                    l.push(args[1].clone());
                    return Some(Ok(none()));
                }
                // A self of another type gets the generic path's TypeError.
                if !type_of(self_).is_subtype(md.owner()) {
                    return None;
                }
                Some((md.func)(self, args, kw))
            }
            op::PRECALL_NO_KW_TYPE_1 if !is_meth && n == 1 && specialize::is_the_type(callable, &TYPE_TYPE) => {
                Some(Ok(type_of(&args[0]).as_value()))
            }
            op::PRECALL_NO_KW_STR_1 if !is_meth && n == 1 && specialize::is_the_type(callable, &STR_TYPE) => {
                Some(self.str(&args[0]))
            }
            op::PRECALL_NO_KW_TUPLE_1 if !is_meth && n == 1 && specialize::is_the_type(callable, &TUPLE_TYPE) => {
                if is_exact(&args[0], &TUPLE_TYPE) {
                    return Some(Ok(args[0].clone()));
                }
                let callable = callable.clone();
                Some(self.call(&callable, args, None))
            }
            op::PRECALL_BUILTIN_CLASS if callable.downcast_ref::<TypeObject>().is_some() => {
                let callable = callable.clone();
                Some(self.call(&callable, args, None))
            }
            _ => None,
        }
    }

    /// The TypeError of a (non in-place) binary operator both of whose
    /// operands declined.
    fn binop_unsupported(&mut self, op: usize, a: &Value, b: &Value) -> PyErr {
        use crate::typeobj::nb;
        let (ta, tb) = (self.type_name(a), self.type_name(b));
        let msg = if op == nb::POWER {
            format!("unsupported operand type(s) for ** or pow(): '{ta}' and '{tb}'")
        } else {
            let sym = nb::SYMBOLS.get(op).copied().unwrap_or("?");
            format!("unsupported operand type(s) for {sym}: '{ta}' and '{tb}'")
        };
        self.type_error(msg)
    }

    /// Runs a native call, counted toward the recursion limit when the
    /// generic call would count it.
    #[inline(always)]
    fn counted_call(&mut self, counted: bool, f: impl FnOnce(&mut Vm) -> PyResult<Value>) -> PyResult<Value> {
        if !counted {
            return f(self);
        }
        self.enter_recursion(" while calling a Python object")?;
        let r = f(self);
        self.leave_recursion();
        r
    }

    fn add_traceback(&mut self, err: &PyErr, fi: usize, lasti: u32) {
        if let Some(e) = err.exc.downcast_ref::<ExceptionObject>() {
            let prev = e.traceback();
            let code = self.frames[fi].code_value();
            let frame = self.frame_object(fi);
            e.set_traceback(new_traceback(prev, frame, code, lasti));
        }
    }

    /// Chains the exception being handled as `__context__` of a new one,
    /// breaking cycles as CPython's `_PyErr_SetObject` does.
    pub(crate) fn set_exception_context(&mut self, err: &PyErr) {
        let handled = self.handled_exception();
        if handled.is_null() || handled.is_none() || handled.is(&err.exc) {
            return;
        }
        let Some(new) = err.exc.downcast_ref::<ExceptionObject>() else {
            return;
        };
        // Break a cycle: if `err` is somewhere in handled's context chain, cut it out.
        let mut o = handled.clone();
        let mut steps = 0;
        loop {
            let Some(oe) = o.downcast_ref::<ExceptionObject>() else {
                break;
            };
            let ctx = oe.context();
            if ctx.is_null() {
                break;
            }
            if ctx.is(&err.exc) {
                oe.set_context(Value::NULL);
                break;
            }
            o = ctx;
            steps += 1;
            if steps > 10_000 {
                break;
            }
        }
        new.set_context(handled);
    }

    fn unbound_local(&mut self, code: *const CodeObj, idx: u32) -> PyErr {
        // SAFETY: idx was validated against nlocalsplus.
        let name = unsafe { display_lossy(&(*code).localsplusnames[idx as usize]) };
        self.new_error(
            ExcKind::UnboundLocalError,
            format!("cannot access local variable '{name}' where it is not associated with a value"),
        )
    }

    fn unbound_deref(&mut self, code: *const CodeObj, idx: u32) -> PyErr {
        // SAFETY: idx was validated against nlocalsplus.
        let (name, kind) = unsafe {
            (
                display_lossy(&(*code).localsplusnames[idx as usize]),
                (*code).localspluskinds[idx as usize],
            )
        };
        if kind & pyrite_bytecode::code::local_kind::FREE != 0 {
            self.new_error(
                ExcKind::NameError,
                format!(
                    "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
                ),
            )
        } else {
            self.new_error(
                ExcKind::UnboundLocalError,
                format!("cannot access local variable '{name}' where it is not associated with a value"),
            )
        }
    }

    fn load_global(&mut self, fi: usize, name: &Value) -> PyResult<Value> {
        let f = &self.frames[fi];
        match f.globals().get_str(name).or_else(|| f.builtins().get_str(name)) {
            Some(v) => Ok(v),
            None => Err(self.name_error(name)),
        }
    }

    fn load_name(&mut self, fi: usize, name: &Value) -> PyResult<Value> {
        let locals = self.frames[fi].locals();
        if locals.is_null() {
            let msg = format!("no locals when loading {}", self.repr_string(name)?);
            return Err(self.new_error(ExcKind::SystemError, msg));
        }
        if is_exact(&locals, &DICT_TYPE) {
            if let Some(d) = locals.downcast_ref::<DictObject>() {
                if let Some(v) = d.get_str(name) {
                    return Ok(v);
                }
            }
        } else if let Some(v) = self.mapping_get(&locals, name)? {
            return Ok(v);
        }
        self.load_global(fi, name)
    }

    /// `mapping[key]` with KeyError turned into None.
    pub(crate) fn mapping_get(&mut self, mapping: &Value, key: &Value) -> PyResult<Option<Value>> {
        if let Some(d) = mapping.downcast_ref::<DictObject>() {
            if is_exact(mapping, &DICT_TYPE) {
                return d.get_item(self, key);
            }
        }
        match self.getitem(mapping, key) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.is_instance(ExcKind::KeyError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn store_name(&mut self, fi: usize, name: &Value, v: Value) -> PyResult<()> {
        let locals = self.frames[fi].locals();
        if is_exact(&locals, &DICT_TYPE) {
            if let Some(d) = locals.downcast_ref::<DictObject>() {
                d.insert_str(name, v);
                return Ok(());
            }
        }
        if locals.is_null() {
            let msg = format!("no locals found when storing {}", self.repr_string(name)?);
            return Err(self.new_error(ExcKind::SystemError, msg));
        }
        self.setitem(&locals, name, v)
    }

    fn delete_name(&mut self, fi: usize, name: &Value) -> PyResult<()> {
        let locals = self.frames[fi].locals();
        let removed = match locals.downcast_ref::<DictObject>() {
            Some(d) if is_exact(&locals, &DICT_TYPE) => d.del_item(self, name)?.is_some(),
            _ => match self.delitem(&locals, name) {
                Ok(()) => true,
                Err(e) if e.is_instance(ExcKind::KeyError) => false,
                Err(e) => return Err(e),
            },
        };
        if !removed {
            return Err(self.name_error(name));
        }
        Ok(())
    }

    fn make_function(
        &mut self,
        fi: usize,
        codev: Value,
        closure: Value,
        annotations: Value,
        kwdefaults: Value,
        defaults: Value,
    ) -> Value {
        let f = &self.frames[fi];
        let qualname = codev
            .downcast_ref::<CodeObj>()
            .map(|c| c.qualname.clone())
            .unwrap_or_else(none);
        let func = crate::objects::function::new_function_with_closure(
            codev,
            f.globals_value(),
            f.builtins_value(),
            qualname,
            closure,
        );
        if let Some(fo) = func.downcast_ref::<FunctionObject>() {
            FunctionObject::set_field(&fo.defaults, defaults);
            FunctionObject::set_field(&fo.kwdefaults, kwdefaults);
            FunctionObject::set_field(&fo.annotations, annotations);
        }
        func
    }

    fn unary_op(&mut self, opcode: u8, v: &Value) -> PyResult<Value> {
        if let Some(i) = v.as_small_int() {
            match opcode {
                op::UNARY_NEGATIVE => return Ok(Value::int(-i)),
                op::UNARY_INVERT => return Ok(Value::int(!i)),
                op::UNARY_POSITIVE => return Ok(v.clone()),
                _ => {}
            }
        }
        if let Some(f) = v.as_float() {
            match opcode {
                op::UNARY_NEGATIVE => return Ok(Value::float(-f)),
                op::UNARY_POSITIVE => return Ok(v.clone()),
                _ => {}
            }
        }
        let slots = type_of(v).slots();
        let (slot, sym) = match opcode {
            op::UNARY_NEGATIVE => (slots.neg, "-"),
            op::UNARY_POSITIVE => (slots.pos, "+"),
            _ => (slots.invert, "~"),
        };
        match slot {
            Some(f) => f(self, v),
            None => {
                let msg = format!("bad operand type for unary {}: '{}'", sym, self.type_name(v));
                Err(self.type_error(msg))
            }
        }
    }

    fn list_extend(&mut self, target: &Value, iterable: &Value) -> PyResult<()> {
        let items = match self.collect(iterable) {
            Ok(v) => v,
            Err(e) => {
                if e.is_instance(ExcKind::TypeError)
                    && type_of(iterable).slots().iter.is_none()
                    && type_of(iterable).slots().getitem.is_none()
                {
                    let msg = format!("Value after * must be an iterable, not {}", self.type_name(iterable));
                    return Err(self.type_error(msg));
                }
                return Err(e);
            }
        };
        if let Some(l) = target.downcast_ref::<ListObject>() {
            l.extend(items);
        }
        Ok(())
    }

    /// `DICT_MERGE` (with `func` for the duplicate-keyword message) and `DICT_UPDATE`.
    fn dict_merge(&mut self, target: &Value, update: &Value, func: Option<&Value>) -> PyResult<()> {
        let Some(d) = target.downcast_ref::<DictObject>() else {
            return Ok(());
        };
        if let Some(u) = update.downcast_ref::<DictObject>() {
            // A dict's stored hashes are reused; a key's `__eq__` that resizes
            // it is a RuntimeError, as in CPython's dict_merge.
            let n = u.entries_len();
            let mut pos = 0;
            while let Some((ix, k, v, hash)) = u.next_entry_hashed(pos) {
                if let Some(f) = func {
                    self.check_merge_keyword(d, f, &k, hash)?;
                }
                d.set_item_hashed(self, k, hash, v)?;
                if u.entries_len() != n {
                    return Err(self.new_error(ExcKind::RuntimeError, "dict mutated during update"));
                }
                pos = ix + 1;
            }
            return Ok(());
        }
        let items: Vec<(Value, Value)> = {
            let keys_fn = self.lookup_attr(update, &self.intern("keys"))?;
            let Some(keys_fn) = keys_fn else {
                let msg = match func {
                    Some(f) => format!(
                        "{} argument after ** must be a mapping, not {}",
                        self.func_desc(f),
                        self.type_name(update)
                    ),
                    None => format!("'{}' object is not a mapping", self.type_name(update)),
                };
                return Err(self.type_error(msg));
            };
            let keys = self.call0(&keys_fn)?;
            let keys = self.collect(&keys)?;
            let mut out = Vec::with_capacity(keys.len());
            for k in keys {
                let v = self.getitem(update, &k)?;
                out.push((k, v));
            }
            out
        };
        for (k, v) in items {
            if let Some(f) = func {
                let hash = if k.downcast_ref::<StrObject>().is_some() { self.hash(&k)? } else { 0 };
                self.check_merge_keyword(d, f, &k, hash)?;
            }
            d.set_item(self, k, v)?;
        }
        Ok(())
    }

    /// `f(**m)`: a key of `m` must be a str not already among the keywords
    /// (`hash` is the key's hash when it is a str).
    fn check_merge_keyword(&mut self, d: &DictObject, f: &Value, k: &Value, hash: i64) -> PyResult<()> {
        if k.downcast_ref::<StrObject>().is_none() {
            return Err(self.type_error("keywords must be strings"));
        }
        if d.get_item_hashed(self, k, hash)?.is_some() {
            let msg = format!(
                "{} got multiple values for keyword argument '{}'",
                self.func_desc(f),
                display_lossy(k)
            );
            return Err(self.type_error(msg));
        }
        Ok(())
    }

    /// "f()" / "C.m()" as call errors name a callable.
    pub(crate) fn func_desc(&mut self, f: &Value) -> String {
        if let Some(fo) = f.downcast_ref::<FunctionObject>() {
            // As CPython's _PyObject_FunctionStr: "module.qualname()" unless
            // the module is missing or builtins.
            // SAFETY: the module slot is only replaced by attribute assignment,
            // which cannot run while this reference is alive.
            let module = unsafe { (*fo.module.get()).clone() };
            let qual = display_lossy(fo.qualname());
            return match module.downcast_ref::<StrObject>() {
                Some(m) if m.to_string_lossy() != "builtins" => format!("{}.{}()", m.to_string_lossy(), qual),
                _ => format!("{qual}()"),
            };
        }
        if let Some(b) = f.downcast_ref::<crate::objects::descr::BuiltinFunction>() {
            return format!("{}()", b.name);
        }
        if let Some(bm) = f.downcast_ref::<BoundMethod>() {
            let inner = bm.func.clone();
            return self.func_desc(&inner);
        }
        format!("{} object", self.type_name(f))
    }

    pub(crate) fn call_function_ex(&mut self, func: &Value, callargs: &Value, kwargs: &Value) -> PyResult<Value> {
        let mut args: Vec<Value> = if is_exact(callargs, &TUPLE_TYPE) {
            callargs
                .downcast_ref::<TupleObject>()
                .map(|t| t.items().to_vec())
                .unwrap_or_default()
        } else {
            match self.collect(callargs) {
                Ok(v) => v,
                Err(e) => {
                    if type_of(callargs).slots().iter.is_none() && type_of(callargs).slots().getitem.is_none() {
                        let msg = format!(
                            "{} argument after * must be an iterable, not {}",
                            self.func_desc(func),
                            self.type_name(callargs)
                        );
                        return Err(self.type_error(msg));
                    }
                    return Err(e);
                }
            }
        };
        if kwargs.is_null() {
            return self.call(func, &args, None);
        }
        let items = match kwargs.downcast_ref::<DictObject>() {
            Some(d) => d.items(),
            None => Vec::new(),
        };
        if items.is_empty() {
            return self.call(func, &args, None);
        }
        let mut names = Vec::with_capacity(items.len());
        for (k, v) in items {
            names.push(k);
            args.push(v);
        }
        let kw = new_tuple(names);
        self.call(func, &args, Some(&kw))
    }

    fn format_value(&mut self, v: Value, conversion: u32, spec: Value) -> PyResult<Value> {
        let v = match conversion {
            1 => self.str(&v)?,
            2 => self.repr(&v)?,
            3 => crate::builtins::ascii_of(self, &v)?,
            _ => v,
        };
        let spec_empty = spec.is_null() || spec.downcast_ref::<StrObject>().is_some_and(|s| s.is_empty());
        if spec_empty && is_exact(&v, &crate::typeobj::STR_TYPE) {
            return Ok(v);
        }
        if spec.is_null() {
            // `{x}` of an int or float: its str, as int/float.__format__('') gives.
            if v.is_small_int() || v.is_float() {
                return self.str(&v);
            }
            let empty = self.new_str("");
            return crate::format::format_object(self, &v, &empty);
        }
        crate::format::format_object(self, &v, &spec)
    }

    fn unpack_sequence(&mut self, seq: &Value, n: usize) -> PyResult<Vec<Value>> {
        let items = if let Some(t) = seq.downcast_ref::<TupleObject>().filter(|_| is_exact(seq, &TUPLE_TYPE)) {
            t.items().to_vec()
        } else if let Some(l) = seq.downcast_ref::<ListObject>().filter(|_| is_exact(seq, &LIST_TYPE)) {
            l.to_vec()
        } else {
            let it = match self.iter(seq) {
                Ok(it) => it,
                Err(e) => {
                    if e.is_instance(ExcKind::TypeError)
                        && type_of(seq).slots().iter.is_none()
                        && type_of(seq).slots().getitem.is_none()
                    {
                        let msg = format!("cannot unpack non-iterable {} object", self.type_name(seq));
                        return Err(self.type_error(msg));
                    }
                    return Err(e);
                }
            };
            let mut out = Vec::with_capacity(n);
            while out.len() < n {
                match self.next(&it)? {
                    Some(v) => out.push(v),
                    None => {
                        let msg = format!("not enough values to unpack (expected {}, got {})", n, out.len());
                        return Err(self.value_error(msg));
                    }
                }
            }
            if self.next(&it)?.is_some() {
                let msg = format!("too many values to unpack (expected {n})");
                return Err(self.value_error(msg));
            }
            return Ok(out);
        };
        if items.len() != n {
            let msg = if items.len() < n {
                format!("not enough values to unpack (expected {}, got {})", n, items.len())
            } else {
                format!("too many values to unpack (expected {n})")
            };
            return Err(self.value_error(msg));
        }
        Ok(items)
    }

    fn unpack_ex(&mut self, seq: &Value, before: usize, after: usize) -> PyResult<Vec<Value>> {
        let items = match self.collect(seq) {
            Ok(v) => v,
            Err(e) => {
                if e.is_instance(ExcKind::TypeError)
                    && type_of(seq).slots().iter.is_none()
                    && type_of(seq).slots().getitem.is_none()
                {
                    let msg = format!("cannot unpack non-iterable {} object", self.type_name(seq));
                    return Err(self.type_error(msg));
                }
                return Err(e);
            }
        };
        if items.len() < before + after {
            let msg = format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            );
            return Err(self.value_error(msg));
        }
        let mut out = Vec::with_capacity(before + after + 1);
        let mut it = items.into_iter();
        for _ in 0..before {
            out.extend(it.next());
        }
        let rest: Vec<Value> = it.collect();
        let split = rest.len() - after;
        let mut rest = rest;
        let tail = rest.split_off(split);
        out.push(new_list(rest));
        out.extend(tail);
        Ok(out)
    }

    /// The exception a `raise` statement raises (or the TypeError it causes).
    fn make_raise(&mut self, exc: Value, cause: Value) -> Result<PyErr, PyErr> {
        let exc = self.instantiate_exception(exc, "exceptions must derive from BaseException")?;
        if !cause.is_null() {
            let c = if cause.is_none() {
                none()
            } else {
                self.instantiate_exception(cause, "exception causes must derive from BaseException")?
                    .exc
            };
            if let Some(e) = exc.exc.downcast_ref::<ExceptionObject>() {
                e.set_cause(c);
                e.suppress_context.set(true);
            }
        }
        Ok(exc)
    }

    /// An exception instance from a raise operand (a class is called with no arguments).
    pub(crate) fn instantiate_exception(&mut self, v: Value, msg: &str) -> Result<PyErr, PyErr> {
        let base = exc_type(ExcKind::BaseException);
        if let Some(t) = v.downcast_ref::<TypeObject>() {
            if t.is_subtype(base) {
                let inst = self.call0(&v)?;
                if !type_of(&inst).is_subtype(base) {
                    // ceval.c's do_raise names the result's type by its repr.
                    let m = format!(
                        "calling {} should have returned an instance of BaseException, not {}",
                        self.repr_string(&v)?,
                        self.repr_string(&type_of(&inst).as_value())?
                    );
                    return Err(self.type_error(m));
                }
                return Ok(PyErr::new(inst));
            }
            return Err(self.type_error(msg));
        }
        if type_of(&v).is_subtype(base) {
            return Ok(PyErr::new(v));
        }
        Err(self.type_error(msg))
    }

    fn check_exc_match(&mut self, exc: &Value, right: &Value) -> PyResult<bool> {
        let base = exc_type(ExcKind::BaseException);
        let ok_class = |v: &Value| v.downcast_ref::<TypeObject>().is_some_and(|t| t.is_subtype(base));
        let classes: Vec<Value> = if let Some(t) = right.downcast_ref::<TupleObject>() {
            t.items().to_vec()
        } else {
            vec![right.clone()]
        };
        if !classes.iter().all(ok_class) {
            return Err(self.type_error("catching classes that do not inherit from BaseException is not allowed"));
        }
        let et = type_of(exc);
        Ok(classes
            .iter()
            .any(|c| c.downcast_ref::<TypeObject>().is_some_and(|t| et.is_subtype(t))))
    }

    fn before_with(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let t = type_of(mgr);
        let enter = t.lookup_str(self, "__enter__");
        let exit = t.lookup_str(self, "__exit__");
        let (Some(enter), Some(exit)) = (enter, exit) else {
            let msg = if t.lookup_str(self, "__enter__").is_none() {
                format!(
                    "'{}' object does not support the context manager protocol",
                    t.name_string()
                )
            } else {
                format!(
                    "'{}' object does not support the context manager protocol (missed __exit__ method)",
                    t.name_string()
                )
            };
            return Err(self.type_error(msg));
        };
        let owner = t.as_value();
        let exit_bound = self.bind_descriptor(&exit, Some(mgr), &owner)?;
        let res = self.call_unbound(&enter, mgr, &[])?;
        Ok((exit_bound, res))
    }

    /// `MATCH_KEYS`: the values of `keys` in the subject (via its `get`), or None.
    fn match_keys(&mut self, subject: &Value, keys: &Value) -> PyResult<Value> {
        let keys: Vec<Value> = keys
            .downcast_ref::<TupleObject>()
            .map(|t| t.items().to_vec())
            .unwrap_or_default();
        if keys.is_empty() {
            return Ok(new_tuple(Vec::new()));
        }
        let get = self.getattr_str(subject, "get")?;
        let seen = crate::objects::set::new_set();
        let dummy = self.call0(&crate::typeobj::OBJECT_TYPE.get().as_value())?;
        let mut values = Vec::with_capacity(keys.len());
        for key in keys {
            if let Some(s) = seen.downcast_ref::<crate::objects::set::SetObject>() {
                if s.contains(self, &key)? {
                    let r = self.repr_string(&key)?;
                    return Err(self.value_error(format!("mapping pattern checks duplicate key ({r})")));
                }
                s.add(self, key.clone())?;
            }
            let v = self.call(&get, &[key, dummy.clone()], None)?;
            if v.is(&dummy) {
                return Ok(none());
            }
            values.push(v);
        }
        Ok(new_tuple(values))
    }

    /// `MATCH_CLASS`: the attributes a class pattern extracts, or None on no match.
    fn match_class(&mut self, subject: &Value, cls: &Value, nargs: usize, names: &Value) -> PyResult<Option<Value>> {
        let Some(t) = cls.downcast_ref::<TypeObject>() else {
            return Err(self.type_error("called match pattern must be a type"));
        };
        if !crate::builtins::isinstance(self, subject, cls)? {
            return Ok(None);
        }
        let tname = t.name_string();
        let mut seen: Vec<Value> = Vec::new();
        let mut attrs: Vec<Value> = Vec::new();
        let fetch = |vm: &mut Vm, name: &Value, seen: &mut Vec<Value>| -> PyResult<Option<Value>> {
            if seen.iter().any(|s| crate::objects::str::str_eq(s, name)) {
                let r = vm.repr_string(name)?;
                return Err(vm.type_error(format!("{tname}() got multiple sub-patterns for attribute {r}")));
            }
            seen.push(name.clone());
            vm.lookup_attr(subject, name)
        };
        if nargs > 0 {
            let (match_args, match_self) = match self.lookup_attr(cls, &self.intern("__match_args__"))? {
                Some(m) => {
                    if !is_exact(&m, &TUPLE_TYPE) {
                        let msg = format!(
                            "{}.__match_args__ must be a tuple (got {})",
                            t.name_string(),
                            self.type_name(&m)
                        );
                        return Err(self.type_error(msg));
                    }
                    (m, false)
                }
                None => (
                    new_tuple(Vec::new()),
                    t.has_flag(crate::typeobj::type_flags::MATCH_SELF),
                ),
            };
            let items: Vec<Value> = match_args
                .downcast_ref::<TupleObject>()
                .map(|x| x.items().to_vec())
                .unwrap_or_default();
            let allowed = if match_self { 1 } else { items.len() };
            if allowed < nargs {
                let msg = format!(
                    "{}() accepts {} positional sub-pattern{} ({} given)",
                    t.name_string(),
                    allowed,
                    if allowed == 1 { "" } else { "s" },
                    nargs
                );
                return Err(self.type_error(msg));
            }
            if match_self {
                attrs.push(subject.clone());
            } else {
                for name in items.iter().take(nargs) {
                    if !is_exact(name, &crate::typeobj::STR_TYPE) {
                        let msg = format!("__match_args__ elements must be strings (got {})", self.type_name(name));
                        return Err(self.type_error(msg));
                    }
                    match fetch(self, name, &mut seen)? {
                        Some(a) => attrs.push(a),
                        None => return Ok(None),
                    }
                }
            }
        }
        let kw: Vec<Value> = names
            .downcast_ref::<TupleObject>()
            .map(|x| x.items().to_vec())
            .unwrap_or_default();
        for name in kw {
            match fetch(self, &name, &mut seen)? {
                Some(a) => attrs.push(a),
                None => return Ok(None),
            }
        }
        Ok(Some(new_tuple(attrs)))
    }

    /// `SEND`: resume a generator, or drive any iterator (`yield from`).
    fn send_to(&mut self, receiver: &Value, v: Value) -> PyResult<crate::objects::generator::GenResult> {
        use crate::objects::generator::GenResult;
        if crate::objects::generator::is_generator(receiver) {
            return self.gen_send(receiver, v, None);
        }
        let iternext = type_of(receiver).slots().iternext;
        if v.is_none() && iternext.is_some() {
            // An iterator may also finish with StopIteration(value) (an awaitable's
            // return value); a Python `__next__` is called directly to keep it.
            let step = if iternext.is_some_and(crate::slots::is_python_iternext) {
                self.call_special(receiver, "__next__", &[])
            } else {
                self.next(receiver)
            };
            return match step {
                Ok(Some(x)) => Ok(GenResult::Yield(x)),
                Ok(None) => Ok(GenResult::Return(none())),
                Err(e) if e.is_instance(ExcKind::StopIteration) => {
                    let val = crate::attr::instance_get(&e.exc, &self.intern("value")).unwrap_or_else(none);
                    Ok(GenResult::Return(val))
                }
                Err(e) => Err(e),
            };
        }
        match self.call_method(receiver, "send", &[v]) {
            Ok(x) => Ok(GenResult::Yield(x)),
            Err(e) if e.is_instance(ExcKind::StopIteration) => {
                let val = crate::attr::instance_get(&e.exc, &self.intern("value")).unwrap_or_else(none);
                Ok(GenResult::Return(val))
            }
            Err(e) => Err(e),
        }
    }

    /// `IMPORT_NAME`: the import system in [`crate::import`].
    fn import_name(&mut self, fi: usize, name: &Value, fromlist: &Value, level: &Value) -> PyResult<Value> {
        let globals = self.frames[fi].globals_value();
        let import_func = self.frames[fi].builtins().get_str_key("__import__");
        let Some(import_func) = import_func else {
            return Err(self.new_error(ExcKind::ImportError, "__import__ not found"));
        };
        if !crate::import::is_builtin_import(&import_func) {
            // A replaced `builtins.__import__` is called as CPython calls it.
            let locals = self.frames[fi].locals();
            let locals = if locals.is_null() { none() } else { locals };
            let args = [name.clone(), globals, locals, fromlist.clone(), level.clone()];
            return self.call(&import_func, &args, None);
        }
        let level = self.index_i64(level)?;
        self.import_module_level(name, &globals, fromlist, level)
    }

    fn setup_annotations(&mut self, fi: usize) -> PyResult<()> {
        let locals = self.frames[fi].locals();
        let key = self.intern("__annotations__");
        if let Some(d) = locals.downcast_ref::<DictObject>() {
            if d.get_str(&key).is_none() {
                d.insert_str(&key, DictObject::new_value());
            }
            return Ok(());
        }
        if self.mapping_get(&locals, &key)?.is_none() {
            self.setitem(&locals, &key, DictObject::new_value())?;
        }
        Ok(())
    }
}

/// Registers a cold instruction can change.
struct ColdRegs {
    sp: *mut Value,
    ip: usize,
}

impl Vm {
    /// The less frequent instructions, out of line so that the dispatch
    /// loop's hot registers stay in machine registers.
    #[inline(never)]
    fn cold_op(
        &mut self,
        fi: usize,
        opcode: u8,
        oparg: u32,
        instr_start: usize,
        st: &mut ColdRegs,
    ) -> Result<(), Unwind> {
        let code: *const CodeObj = self.frames[fi].code;
        let lp: *mut Value = self.frames[fi].localsplus;
        let globals: *const DictObject = self.frames[fi].globals;
        let builtins: *const DictObject = self.frames[fi].builtins;
        let _ = instr_start;
        // SAFETY (all macros): as in `run_frame_with`.
        macro_rules! push {
            ($v:expr) => {{
                let v: Value = $v;
                unsafe {
                    st.sp.write(v);
                    st.sp = st.sp.add(1);
                }
            }};
        }
        macro_rules! pop {
            () => {
                unsafe {
                    st.sp = st.sp.sub(1);
                    st.sp.read()
                }
            };
        }
        macro_rules! peek {
            ($n:expr) => {
                unsafe { &*st.sp.sub($n) }
            };
        }
        macro_rules! set_peek {
            ($n:expr, $v:expr) => {{
                let v: Value = $v;
                let old = unsafe { std::mem::replace(&mut *st.sp.sub($n), v) };
                drop(old);
            }};
        }
        macro_rules! local {
            ($i:expr) => {
                unsafe { &mut *lp.add($i as usize) }
            };
        }
        macro_rules! name {
            ($i:expr) => {
                {
                    #[allow(unused_unsafe)]
                    let n = unsafe { &*(*code).names.as_ptr().add($i as usize) };
                    n
                }
            };
        }
        macro_rules! tri {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(e) => return Err(Unwind::Raise(e)),
                }
            };
        }
        macro_rules! jump_by {
            ($n:expr) => {
                st.ip += $n as usize
            };
        }
        match opcode {
            op::CACHE => {
                return Err(Unwind::Raise(
                    self.new_error(ExcKind::SystemError, "executed a CACHE entry"),
                ));
            }
            op::DELETE_FAST => {
                if local!(oparg).is_null() {
                    let e = self.unbound_local(code, oparg);
                    return Err(Unwind::Raise(e));
                }
                let old = local!(oparg).take();
                drop(old);
            }
            op::UNARY_POSITIVE | op::UNARY_NEGATIVE | op::UNARY_INVERT => {
                let v = pop!();
                let r = tri!(self.unary_op(opcode, &v));
                push!(r);
            }
            op::UNARY_NOT => {
                let v = pop!();
                let b = tri!(self.is_true(&v));
                push!(Value::bool(!b));
            }
            op::DELETE_SUBSCR => {
                let sub = pop!();
                let container = pop!();
                tri!(self.delitem(&container, &sub));
            }
            op::GET_YIELD_FROM_ITER => {
                // (is a coroutine, is a plain generator): others go through iter().
                let (coroutine, plain_generator) = match peek!(1)
                    .downcast_ref::<crate::objects::generator::GeneratorObject>()
                {
                    Some(g) if g.is_coroutine() => (true, false),
                    Some(g) => (false, g.code().flags & co_flags::ASYNC_GENERATOR == 0),
                    None => (false, false),
                };
                if coroutine {
                    // SAFETY: code is the running frame's code object.
                    if unsafe { (*code).flags } & (co_flags::COROUTINE | co_flags::ITERABLE_COROUTINE) == 0 {
                        drop(pop!());
                        return Err(Unwind::Raise(self.type_error(
                            "cannot 'yield from' a coroutine object in a non-coroutine generator",
                        )));
                    }
                } else if !plain_generator {
                    let v = pop!();
                    let it = tri!(self.iter(&v));
                    push!(it);
                }
            }
            op::JUMP_IF_FALSE_OR_POP | op::JUMP_IF_TRUE_OR_POP => {
                let b = tri!(self.is_true(peek!(1)));
                if b == (opcode == op::JUMP_IF_TRUE_OR_POP) {
                    jump_by!(oparg);
                } else {
                    let v = pop!();
                    drop(v);
                }
            }
            op::STORE_GLOBAL => {
                let v = pop!();
                // SAFETY: as LOAD_GLOBAL.
                let g = unsafe { &*globals };
                tri!(g.set_item(self, name!(oparg).clone(), v));
            }
            op::DELETE_GLOBAL => {
                let g = unsafe { &*globals };
                if tri!(g.del_item(self, name!(oparg))).is_none() {
                    let e = self.name_error(name!(oparg));
                    return Err(Unwind::Raise(e));
                }
            }
            op::DELETE_NAME => {
                tri!(self.delete_name(fi, name!(oparg)));
            }
            op::DELETE_ATTR => {
                let owner = pop!();
                tri!(self.delattr(&owner, name!(oparg)));
            }
            op::CALL_FUNCTION_EX => {
                let kwargs = if oparg & 1 != 0 { pop!() } else { Value::NULL };
                let callargs = pop!();
                let func = pop!();
                let null = pop!();
                drop(null);
                self.frames[fi].lasti = instr_start as u32;
                let r = if crate::tracing::any_hooked() {
                    // SAFETY: `st.sp` is this frame's stack top, above its variables.
                    let depth = unsafe { st.sp.offset_from(lp.add((*code).nlocalsplus())) } as u32;
                    self.frames[fi].stack_depth = depth;
                    let first = callargs.downcast_ref::<TupleObject>().and_then(|t| t.items().first().cloned());
                    self.profile_c_call(fi, &func, first.as_ref(), |vm| vm.call_function_ex(&func, &callargs, &kwargs))
                } else {
                    self.call_function_ex(&func, &callargs, &kwargs)
                };
                push!(tri!(r));
            }
            op::SEND => {
                let v = pop!();
                let receiver = peek!(1).clone();
                self.frames[fi].lasti = instr_start as u32;
                let r = tri!(self.send_to(&receiver, v));
                match r {
                    crate::objects::generator::GenResult::Yield(x) => push!(x),
                    crate::objects::generator::GenResult::Return(x) => {
                        set_peek!(1, x);
                        jump_by!(oparg);
                    }
                }
            }
            op::MAKE_FUNCTION => {
                let codev = pop!();
                if codev.downcast_ref::<CodeObj>().is_none() {
                    return Err(Unwind::Raise(
                        self.new_error(ExcKind::SystemError, "MAKE_FUNCTION needs a code object"),
                    ));
                }
                let closure = if oparg & 0x08 != 0 { pop!() } else { Value::NULL };
                let annotations = if oparg & 0x04 != 0 { pop!() } else { Value::NULL };
                let kwdefaults = if oparg & 0x02 != 0 { pop!() } else { Value::NULL };
                let defaults = if oparg & 0x01 != 0 { pop!() } else { Value::NULL };
                let f = self.make_function(fi, codev, closure, annotations, kwdefaults, defaults);
                push!(f);
            }
            op::BUILD_SET => {
                let n = oparg as usize;
                let mut items: Vec<Value> = (0..n).map(|_| pop!()).collect();
                items.reverse();
                let s = crate::objects::set::new_set();
                if let Some(so) = s.downcast_ref::<crate::objects::set::SetObject>() {
                    for it in items {
                        tri!(so.add(self, it));
                    }
                }
                push!(s);
            }
            op::SET_ADD => {
                let v = pop!();
                let target = peek!(oparg as usize).clone();
                if let Some(so) = target.downcast_ref::<crate::objects::set::SetObject>() {
                    tri!(so.add(self, v));
                }
            }
            op::SET_UPDATE => {
                let iterable = pop!();
                let target = peek!(oparg as usize).clone();
                if let Some(so) = target.downcast_ref::<crate::objects::set::SetObject>() {
                    tri!(crate::types::set_ty::set_update(self, so, &iterable));
                }
            }
            op::LIST_EXTEND => {
                let iterable = pop!();
                let target = peek!(oparg as usize).clone();
                tri!(self.list_extend(&target, &iterable));
            }
            op::LIST_TO_TUPLE => {
                let l = pop!();
                let items = l.downcast_ref::<ListObject>().map(|l| l.to_vec()).unwrap_or_default();
                push!(new_tuple(items));
            }
            op::BUILD_MAP => {
                let n = oparg as usize;
                let mut items: Vec<Value> = (0..2 * n).map(|_| pop!()).collect();
                items.reverse();
                let d = DictObject::with_capacity(n);
                if let Some(dict) = d.downcast_ref::<DictObject>() {
                    let mut it = items.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        tri!(dict.set_item(self, k, v));
                    }
                }
                push!(d);
            }
            op::BUILD_CONST_KEY_MAP => {
                let keys = pop!();
                let n = oparg as usize;
                let mut vals: Vec<Value> = (0..n).map(|_| pop!()).collect();
                vals.reverse();
                let d = DictObject::with_capacity(n);
                if let (Some(dict), Some(kt)) = (d.downcast_ref::<DictObject>(), keys.downcast_ref::<TupleObject>()) {
                    for (k, v) in kt.items().iter().zip(vals) {
                        tri!(dict.set_item(self, k.clone(), v));
                    }
                }
                push!(d);
            }
            op::MAP_ADD => {
                let v = pop!();
                let k = pop!();
                let d = peek!(oparg as usize).clone();
                if let Some(dict) = d.downcast_ref::<DictObject>() {
                    tri!(dict.set_item(self, k, v));
                }
            }
            op::DICT_UPDATE | op::DICT_MERGE => {
                let update = pop!();
                let d = peek!(oparg as usize).clone();
                if opcode == op::DICT_MERGE {
                    let func = peek!(oparg as usize + 2).clone();
                    tri!(self.dict_merge(&d, &update, Some(&func)));
                } else {
                    tri!(self.dict_merge(&d, &update, None));
                }
            }
            op::BUILD_STRING => {
                let n = oparg as usize;
                let mut parts: Vec<Value> = (0..n).map(|_| pop!()).collect();
                parts.reverse();
                let refs: Vec<&StrObject> = parts.iter().filter_map(|p| p.downcast_ref::<StrObject>()).collect();
                push!(crate::objects::str::concat(&refs));
            }
            op::FORMAT_VALUE => {
                let spec = if oparg & 0x04 != 0 { pop!() } else { Value::NULL };
                let v = pop!();
                let r = tri!(self.format_value(v, oparg & 3, spec));
                push!(r);
            }
            op::BUILD_SLICE => {
                let step = if oparg == 3 { pop!() } else { none() };
                let stop = pop!();
                let start = pop!();
                push!(crate::objects::slice::new_slice(start, stop, step));
            }
            op::UNPACK_EX => {
                let seq = pop!();
                let items = tri!(self.unpack_ex(&seq, (oparg & 0xff) as usize, (oparg >> 8) as usize));
                for v in items.into_iter().rev() {
                    push!(v);
                }
            }
            op::LOAD_CLASSDEREF => {
                let name = unsafe { (*code).localsplusnames[oparg as usize].clone() };
                let locals = self.frames[fi].locals();
                let from_locals = match locals.downcast_ref::<DictObject>() {
                    Some(d) => d.get_str(&name),
                    None => tri!(self.mapping_get(&locals, &name)),
                };
                match from_locals.or_else(|| local!(oparg).downcast_ref::<CellObject>().and_then(|c| c.get())) {
                    Some(v) => push!(v),
                    None => {
                        let e = self.unbound_deref(code, oparg);
                        return Err(Unwind::Raise(e));
                    }
                }
            }
            op::DELETE_DEREF => {
                let old = local!(oparg).downcast_ref::<CellObject>().map(|c| c.set(Value::NULL));
                match old {
                    Some(o) if !o.is_null() => drop(o),
                    _ => {
                        let e = self.unbound_deref(code, oparg);
                        return Err(Unwind::Raise(e));
                    }
                }
            }
            op::LOAD_BUILD_CLASS => {
                // SAFETY: the frame keeps its builtins alive.
                let bc = unsafe { (*builtins).get_str_key("__build_class__") };
                match bc {
                    Some(f) => push!(f),
                    None => {
                        return Err(Unwind::Raise(
                            self.new_error(ExcKind::NameError, "__build_class__ not found"),
                        ))
                    }
                }
            }
            op::LOAD_ASSERTION_ERROR => push!(exc_type(ExcKind::AssertionError).as_value()),
            op::RAISE_VARARGS => {
                let cause = if oparg == 2 { pop!() } else { Value::NULL };
                let exc = if oparg >= 1 { pop!() } else { Value::NULL };
                if oparg == 0 {
                    let cur = self.handled_exception();
                    if cur.is_null() || cur.is_none() {
                        return Err(Unwind::Raise(
                            self.new_error(ExcKind::RuntimeError, "No active exception to reraise"),
                        ));
                    }
                    return Err(Unwind::Reraise(PyErr::new(cur), None));
                }
                let e = match self.make_raise(exc, cause) {
                    Ok(e) => e,
                    Err(e) => e,
                };
                return Err(Unwind::Raise(e));
            }
            op::PUSH_EXC_INFO => {
                let v = pop!();
                let prev = std::mem::replace(&mut self.exc_info, v.clone());
                push!(if prev.is_null() { none() } else { prev });
                push!(v);
            }
            op::POP_EXCEPT => {
                let v = pop!();
                let old = std::mem::replace(&mut self.exc_info, if v.is_none() { Value::NULL } else { v });
                drop(old);
            }
            op::CHECK_EG_MATCH => {
                let classes = pop!();
                tri!(crate::types::exc_group::check_except_star_type(self, &classes));
                let exc = peek!(1).clone();
                let (matched, rest) = tri!(crate::types::exc_group::except_star_match(self, &exc, &classes));
                if matched.is_none() {
                    push!(matched);
                } else {
                    // [exc] becomes [rest, match]; the handler sees `match`.
                    drop(pop!());
                    push!(rest);
                    push!(matched.clone());
                    let old = std::mem::replace(&mut self.exc_info, matched);
                    drop(old);
                }
            }
            op::PREP_RERAISE_STAR => {
                let raised = pop!();
                let orig = pop!();
                let v = tri!(crate::types::exc_group::prep_reraise_star(self, &orig, &raised));
                push!(v);
            }
            op::CHECK_EXC_MATCH => {
                let right = pop!();
                let b = tri!(self.check_exc_match(peek!(1), &right));
                push!(Value::bool(b));
            }
            op::RERAISE => {
                let lasti = if oparg != 0 {
                    peek!(oparg as usize + 1).as_small_int().map(|i| i as u32)
                } else {
                    None
                };
                let exc = pop!();
                return Err(Unwind::Reraise(PyErr::new(exc), lasti));
            }
            op::GET_AWAITABLE => {
                let v = pop!();
                let a = tri!(self.get_awaitable(&v, oparg));
                push!(a);
            }
            op::BEFORE_ASYNC_WITH => {
                let mgr = pop!();
                let (exit, res) = tri!(self.before_async_with(&mgr));
                push!(exit);
                push!(res);
            }
            op::GET_AITER => {
                let obj = pop!();
                let it = tri!(self.get_aiter(&obj));
                push!(it);
            }
            op::GET_ANEXT => {
                let aiter = peek!(1).clone();
                let a = tri!(self.get_anext(&aiter));
                push!(a);
            }
            op::END_ASYNC_FOR => {
                let exc = pop!();
                if type_of(&exc).is_subtype(crate::exception::exc_type(ExcKind::StopAsyncIteration)) {
                    let aiter = pop!();
                    drop(aiter);
                    drop(exc);
                } else {
                    return Err(Unwind::Reraise(PyErr::new(exc), None));
                }
            }
            op::BEFORE_WITH => {
                let mgr = pop!();
                let (exit, res) = tri!(self.before_with(&mgr));
                push!(exit);
                push!(res);
            }
            op::WITH_EXCEPT_START => {
                let val = peek!(1).clone();
                let exit = peek!(4).clone();
                let ty = type_of(&val).as_value();
                let tb = val
                    .downcast_ref::<ExceptionObject>()
                    .map(|e| e.traceback())
                    .filter(|t| !t.is_null())
                    .unwrap_or_else(none);
                let r = tri!(self.call(&exit, &[ty, val, tb], None));
                push!(r);
            }
            op::SETUP_ANNOTATIONS => {
                tri!(self.setup_annotations(fi));
            }
            op::IMPORT_NAME => {
                let fromlist = pop!();
                let level = pop!();
                let m = tri!(self.import_name(fi, name!(oparg), &fromlist, &level));
                push!(m);
            }
            op::IMPORT_FROM => {
                let m = peek!(1).clone();
                let v = tri!(self.import_from_module(&m, name!(oparg)));
                push!(v);
            }
            op::IMPORT_STAR => {
                let m = pop!();
                let locals = self.frames[fi].locals();
                if locals.is_null() {
                    tri!(Err(self.new_error(ExcKind::SystemError, "no locals found during 'import *'")));
                }
                tri!(self.import_star(&m, &locals));
            }
            op::MATCH_MAPPING | op::MATCH_SEQUENCE => {
                let flag = if opcode == op::MATCH_MAPPING {
                    crate::typeobj::type_flags::MAPPING
                } else {
                    crate::typeobj::type_flags::SEQUENCE
                };
                let b = type_of(peek!(1)).has_flag(flag);
                push!(Value::bool(b));
            }
            op::MATCH_KEYS => {
                let keys = peek!(1).clone();
                let subject = peek!(2).clone();
                let r = tri!(self.match_keys(&subject, &keys));
                push!(r);
            }
            op::MATCH_CLASS => {
                let names = pop!();
                let cls = pop!();
                let subject = peek!(1).clone();
                let r = tri!(self.match_class(&subject, &cls, oparg as usize, &names));
                set_peek!(1, r.unwrap_or_else(none));
            }
            op::GET_LEN => {
                let n = tri!(self.len(peek!(1)));
                push!(Value::int(n as i64));
            }
            op::PRINT_EXPR => {
                let v = pop!();
                tri!(crate::sysmodule::call_displayhook(self, v));
            }
            _ => {
                let name = pyrite_bytecode::OPNAMES[opcode as usize];
                let e = self.new_error(ExcKind::SystemError, format!("pyrite cannot run opcode {name} yet"));
                return Err(Unwind::Raise(e));
            }
        }
        Ok(())
    }
}

/// Reads the instruction after EXTENDED_ARG prefixes: (opcode, full oparg).
#[cold]
unsafe fn decode_extended(units: *const u16, ip: &mut usize, first: u32) -> (u8, u32) {
    let mut oparg = first;
    loop {
        let w = *units.add(*ip);
        *ip += 1;
        let o = (w & 0xff) as u8;
        oparg = (oparg << 8) | (w >> 8) as u32;
        if o != pyrite_bytecode::op::EXTENDED_ARG && o != pyrite_bytecode::op::EXTENDED_ARG_QUICK {
            return (o, oparg);
        }
    }
}

/// Arithmetic on two small ints or two floats without leaving the loop.
#[inline(always)]
fn fast_binop(op: usize, a: &Value, b: &Value) -> Option<Value> {
    use crate::typeobj::nb;
    let op = if op >= crate::typeobj::NB_INPLACE {
        op - crate::typeobj::NB_INPLACE
    } else {
        op
    };
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return match op {
            nb::ADD => Some(Value::int(x + y)),
            nb::SUBTRACT => Some(Value::int(x - y)),
            nb::MULTIPLY => x.checked_mul(y).map(Value::int),
            nb::AND => Some(Value::int(x & y)),
            nb::OR => Some(Value::int(x | y)),
            nb::XOR => Some(Value::int(x ^ y)),
            nb::FLOOR_DIVIDE if y > 0 => Some(Value::int(x.div_euclid(y))),
            nb::REMAINDER if y > 0 => Some(Value::int(x.rem_euclid(y))),
            // Small ints are exact as floats, so this is the correctly
            // rounded quotient CPython computes.
            nb::TRUE_DIVIDE if y != 0 => Some(Value::float(x as f64 / y as f64)),
            nb::RSHIFT if (0..64).contains(&y) => Some(Value::int(x >> y)),
            nb::LSHIFT if (0..64).contains(&y) => {
                let r = (x as i128) << y;
                i64::try_from(r).ok().map(Value::int)
            }
            _ => None,
        };
    }
    if let (Some(x), Some(y)) = (a.as_float(), b.as_float()) {
        return match op {
            nb::ADD => Some(Value::float(x + y)),
            nb::SUBTRACT => Some(Value::float(x - y)),
            nb::MULTIPLY => Some(Value::float(x * y)),
            nb::TRUE_DIVIDE if y != 0.0 => Some(Value::float(x / y)),
            _ => None,
        };
    }
    None
}

/// `+ - * /` with a float and a float or small int (exact as a float).
#[inline(always)]
fn mixed_float_binop(op: usize, a: &Value, b: &Value) -> Option<Value> {
    use crate::typeobj::nb;
    let as_f64 = |v: &Value| v.as_float().or_else(|| v.as_small_int().map(|i| i as f64));
    let (x, y) = (as_f64(a)?, as_f64(b)?);
    let op = if op >= crate::typeobj::NB_INPLACE { op - crate::typeobj::NB_INPLACE } else { op };
    match op {
        nb::ADD => Some(Value::float(x + y)),
        nb::SUBTRACT => Some(Value::float(x - y)),
        nb::MULTIPLY => Some(Value::float(x * y)),
        nb::TRUE_DIVIDE if y != 0.0 => Some(Value::float(x / y)),
        _ => None,
    }
}

/// `list[int]` and `tuple[int]` for exact types.
#[inline(always)]
fn fast_subscr(container: &Value, sub: &Value) -> Option<Value> {
    let i = sub.as_small_int()?;
    if is_exact(container, &LIST_TYPE) {
        let l = container.downcast_ref::<ListObject>()?;
        let idx = crate::objects::str::normalize_index(i, l.len())?;
        return l.get(idx);
    }
    if is_exact(container, &TUPLE_TYPE) {
        let t = container.downcast_ref::<TupleObject>()?;
        let idx = crate::objects::str::normalize_index(i, t.len())?;
        return t.get(idx).cloned();
    }
    None
}

#[allow(dead_code)]
fn unused(_: &dyn Fn()) {
    let _ = (int_binop, float_binop, not_implemented);
}

#[cfg(test)]
mod tests {
    use super::caches;
    use crate::vm::Vm;
    use pyrite_bytecode::code::{CodeObject, ConstValue};
    use pyrite_bytecode::{cache_entries, op};
    use std::rc::Rc;

    /// Assembles (opcode, oparg) pairs, adding each opcode's CACHE units.
    fn assemble(ops: &[(u8, u8)]) -> Vec<u8> {
        let mut out = Vec::new();
        for &(o, a) in ops {
            out.push(o);
            out.push(a);
            for _ in 0..cache_entries(o) {
                out.extend_from_slice(&[0, 0]);
            }
        }
        out
    }

    /// `i = 0; f = 0.0
    ///  while i < N: i += 1; f = f * 0.5 + 1.5`  as a module-level code object
    /// using fast locals (hand-assembled 3.11 bytecode).
    fn arith_loop(n: i64) -> CodeObject {
        let body = [
            (op::RESUME, 0),
            (op::LOAD_CONST, 0),
            (op::STORE_FAST, 0),
            (op::LOAD_CONST, 3),
            (op::STORE_FAST, 1),
            // loop head (code unit 5)
            (op::LOAD_FAST, 0),
            (op::LOAD_CONST, 1),
            (op::COMPARE_OP, 0),
            (op::POP_JUMP_FORWARD_IF_FALSE, 14),
            (op::LOAD_FAST, 0),
            (op::LOAD_CONST, 2),
            (op::BINARY_OP, 13),
            (op::STORE_FAST, 0),
            (op::LOAD_FAST, 1),
            (op::LOAD_CONST, 4),
            (op::BINARY_OP, 5),
            (op::LOAD_CONST, 5),
            (op::BINARY_OP, 0),
            (op::STORE_FAST, 1),
            (op::JUMP_BACKWARD, 20),
            (op::LOAD_FAST, 0),
            (op::RETURN_VALUE, 0),
        ];
        CodeObject {
            argcount: 0,
            flags: 0x3,
            stacksize: 4,
            firstlineno: 1,
            code: assemble(&body),
            consts: vec![
                ConstValue::Int(0),
                ConstValue::Int(n),
                ConstValue::Int(1),
                ConstValue::Float(0.0),
                ConstValue::Float(0.5),
                ConstValue::Float(1.5),
            ],
            localsplusnames: vec!["i".into(), "f".into()],
            localspluskinds: vec![0x20, 0x20],
            filename: "<test>".into(),
            name: "<module>".into(),
            qualname: "<module>".into(),
            ..Default::default()
        }
    }

    #[test]
    fn int_and_float_arithmetic_allocates_nothing() {
        let mut vm = Vm::new_for_tests();
        let globals = vm.new_module_globals("__test__");
        let small = vm.load_code(Rc::new(arith_loop(10))).unwrap();
        let big = vm.load_code(Rc::new(arith_loop(100_000))).unwrap();
        let before = crate::object::allocation_count();
        let r1 = vm.run_module_code(&small, &globals).unwrap();
        let mid = crate::object::allocation_count();
        let r2 = vm.run_module_code(&big, &globals).unwrap();
        let after = crate::object::allocation_count();
        assert_eq!(r1.as_small_int(), Some(10));
        assert_eq!(r2.as_small_int(), Some(100_000));
        // Running 100000 iterations allocates exactly what 10 iterations do.
        assert_eq!(after - mid, mid - before);
    }

    #[test]
    fn jump_offsets_in_the_test_loop_are_right() {
        // The hand-assembled loop above: JUMP_BACKWARD lands on the loop head.
        let code = arith_loop(1).code;
        let units: Vec<(u8, u8)> = code.chunks(2).map(|c| (c[0], c[1])).collect();
        let jb = units.iter().position(|u| u.0 == op::JUMP_BACKWARD).unwrap();
        assert_eq!(units[jb + 1 - 20], (op::LOAD_FAST, 0));
        let pj = units.iter().position(|u| u.0 == op::POP_JUMP_FORWARD_IF_FALSE).unwrap();
        assert_eq!(units[pj + 1 + 14], (op::LOAD_FAST, 0));
    }

    #[test]
    fn cache_sizes_match_the_opcode_table() {
        assert_eq!(caches::BINARY_SUBSCR, cache_entries(op::BINARY_SUBSCR));
        assert_eq!(caches::STORE_SUBSCR, cache_entries(op::STORE_SUBSCR));
        assert_eq!(caches::UNPACK_SEQUENCE, cache_entries(op::UNPACK_SEQUENCE));
        assert_eq!(caches::STORE_ATTR, cache_entries(op::STORE_ATTR));
        assert_eq!(caches::LOAD_ATTR, cache_entries(op::LOAD_ATTR));
        assert_eq!(caches::COMPARE_OP, cache_entries(op::COMPARE_OP));
        assert_eq!(caches::LOAD_GLOBAL, cache_entries(op::LOAD_GLOBAL));
        assert_eq!(caches::BINARY_OP, cache_entries(op::BINARY_OP));
        assert_eq!(caches::LOAD_METHOD, cache_entries(op::LOAD_METHOD));
        assert_eq!(caches::PRECALL, cache_entries(op::PRECALL));
        assert_eq!(caches::CALL, cache_entries(op::CALL));
        assert_eq!(cache_entries(op::FOR_ITER), 0);
    }
}
