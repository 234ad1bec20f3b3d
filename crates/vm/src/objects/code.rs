//! Code objects as the VM runs them: made once from the compiler's
//! `pyrite_bytecode::CodeObject`, with constants turned into values, names
//! interned, the exception table decoded, and `co_code` kept as 16-bit code
//! units (opcode in the low byte) in place, CACHE entries included, so that
//! the specializer can rewrite instructions and fill caches where they are.

use crate::object::{alloc_object, LayoutKind, ObjHeader, PyPayload};
use crate::objects::str::{intern, new_str};
use crate::objects::tuple::new_tuple;
use crate::typeobj::CODE_TYPE;
use crate::value::Value;
use crate::vm::Vm;
use pyrite_bytecode::code::{local_kind, CodeObject, ConstValue};
use pyrite_bytecode::exception_table::{self, Entry};
use pyrite_bytecode::op;
use std::cell::UnsafeCell;
use std::rc::Rc;

#[repr(C)]
pub struct CodeObj {
    pub(crate) header: ObjHeader,
    /// Instructions and inline caches, rewritten in place by the specializer.
    pub(crate) units: UnsafeCell<Box<[u16]>>,
    pub consts: Box<[Value]>,
    /// Interned names (`co_names`).
    pub names: Box<[Value]>,
    pub localsplusnames: Box<[Value]>,
    pub localspluskinds: Box<[u8]>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub stacksize: u32,
    pub firstlineno: u32,
    pub nlocals: u32,
    pub ncells: u32,
    pub nfrees: u32,
    pub filename: Value,
    pub name: Value,
    pub qualname: Value,
    pub linetable: Box<[u8]>,
    pub exception_entries: Box<[Entry]>,
    /// The compiler's form, kept for `co_code`, `co_exceptiontable` and friends.
    pub source: Rc<CodeObject>,
    /// Line table for `sys.settrace`, made the first time the code is traced.
    trace_info: std::cell::OnceCell<Box<crate::tracing::TraceInfo>>,
}

unsafe impl PyPayload for CodeObj {
    const KIND: LayoutKind = LayoutKind::Code;
}

impl CodeObj {
    #[inline(always)]
    pub fn units_ptr(&self) -> *mut u16 {
        // SAFETY: the box is never reallocated; only individual units change.
        unsafe { (&mut *self.units.get()).as_mut_ptr() }
    }

    /// The code units as they are now (specialized forms included).
    pub fn units(&self) -> &[u16] {
        // SAFETY: the box is never reallocated; units are rewritten only by
        // the specializer, on this thread, never while this borrow is used.
        unsafe { &*self.units.get() }
    }

    pub(crate) fn trace_info(&self) -> &crate::tracing::TraceInfo {
        self.trace_info.get_or_init(|| Box::new(crate::tracing::TraceInfo::new(self)))
    }

    pub fn n_units(&self) -> usize {
        unsafe { (&*self.units.get()).len() }
    }

    #[inline(always)]
    pub fn nlocalsplus(&self) -> usize {
        self.localsplusnames.len()
    }

    /// Slots a frame of this code needs: locals, cells, frees, then the value stack.
    pub fn frame_size(&self) -> usize {
        self.nlocalsplus() + self.stacksize as usize
    }

    /// The handler for the instruction at code-unit `offset`.
    pub fn find_handler(&self, offset: u32) -> Option<Entry> {
        self.exception_entries
            .iter()
            .find(|e| e.start <= offset && offset < e.end)
            .copied()
    }

    /// Line number of the instruction at code-unit `offset` (None for "no line").
    pub fn line_of(&self, offset: u32) -> Option<u32> {
        self.position_of(offset).and_then(|p| p.lineno)
    }

    pub fn position_of(&self, offset: u32) -> Option<pyrite_bytecode::locations::Position> {
        let positions = pyrite_bytecode::locations::decode(&self.linetable, self.firstlineno);
        positions.get(offset as usize).copied()
    }

    pub fn name_str(&self) -> String {
        crate::objects::str::display_lossy(&self.name)
    }
}

/// A constant as a value (nested code objects become code objects).
pub fn const_to_value(vm: &mut Vm, c: &ConstValue) -> Result<Value, String> {
    use crate::objects::{bytes, int, singletons};
    Ok(match c {
        ConstValue::None => singletons::none(),
        ConstValue::Bool(b) => Value::bool(*b),
        ConstValue::Ellipsis => singletons::ellipsis(),
        ConstValue::Int(i) => Value::int(*i),
        ConstValue::BigInt(b) => int::int_from_big((**b).clone()),
        ConstValue::Float(f) => Value::float(*f),
        ConstValue::Complex { real, imag } => crate::objects::complex::new_complex(*real, *imag),
        ConstValue::Str(s) => {
            let v = match s.as_str() {
                Some(text) => {
                    // Identifier-like constants are interned, as CPython does.
                    if text.len() <= 40 && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                        intern(text)
                    } else {
                        new_str(text)
                    }
                }
                None => {
                    let cps: Vec<u32> = s.code_points().collect();
                    crate::objects::str::new_str_from_cps(&cps)
                }
            };
            v
        }
        ConstValue::Bytes(b) => bytes::new_bytes(b),
        ConstValue::Tuple(items) => {
            let vals: Result<Vec<Value>, String> = items.iter().map(|x| const_to_value(vm, x)).collect();
            new_tuple(vals?)
        }
        ConstValue::FrozenSet(items) => {
            // Elements of constant frozensets are themselves constants: hashing
            // and comparing them runs no Python code.
            // CPython builds the frozenset from the items in source order, then
            // its constant merging rebuilds it from that set's iteration order;
            // the table (hence the iteration order) is the second one's.
            let vals: Result<Vec<Value>, String> = items.iter().map(|x| const_to_value(vm, x)).collect();
            let first = crate::objects::set::new_frozenset();
            let fs = crate::objects::set::new_frozenset();
            if let (Some(a), Some(b)) = (
                first.downcast_ref::<crate::objects::set::SetObject>(),
                fs.downcast_ref::<crate::objects::set::SetObject>(),
            ) {
                for v in vals? {
                    a.add(vm, v).map_err(|e| format!("{e:?}"))?;
                }
                for (k, h) in a.entries() {
                    b.add_hashed(vm, k, h).map_err(|e| format!("{e:?}"))?;
                }
            }
            fs
        }
        ConstValue::Code(code) => new_code(vm, code.clone())?,
    })
}

/// Opcodes whose oparg indexes `co_names` (LOAD_GLOBAL uses oparg >> 1).
fn names_index(opcode: u8, arg: u32) -> Option<u32> {
    match opcode {
        op::LOAD_GLOBAL => Some(arg >> 1),
        op::STORE_NAME
        | op::DELETE_NAME
        | op::STORE_ATTR
        | op::DELETE_ATTR
        | op::STORE_GLOBAL
        | op::DELETE_GLOBAL
        | op::LOAD_NAME
        | op::LOAD_ATTR
        | op::IMPORT_NAME
        | op::IMPORT_FROM
        | op::LOAD_METHOD => Some(arg),
        _ => None,
    }
}

/// Builds the runtime code object, checking every oparg that indexes a table
/// or jumps, so that the dispatch loop can index without bounds checks.
/// The configuration's `code_debug_ranges`, read once (it is fixed at start-up).
fn code_debug_ranges() -> bool {
    static DEBUG_RANGES: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *DEBUG_RANGES.get_or_init(|| crate::config::current().code_debug_ranges())
}

fn is_superinstruction(opcode: u8) -> bool {
    matches!(
        opcode,
        op::LOAD_FAST__LOAD_FAST
            | op::LOAD_FAST__LOAD_CONST
            | op::LOAD_CONST__LOAD_FAST
            | op::STORE_FAST__LOAD_FAST
            | op::STORE_FAST__STORE_FAST
    )
}

/// 3.11's quickening superinstructions: the first of two adjacent
/// LOAD_FAST / LOAD_CONST / STORE_FAST instructions becomes a form that runs
/// both (one dispatch instead of two). The second stays as it is, for jumps
/// that land on it. Validated code only: the second's oparg has no
/// EXTENDED_ARG prefix (it directly follows), and both opargs are in range.
fn form_superinstructions(units: &mut [u16]) {
    let mut i = 0usize;
    while i + 1 < units.len() {
        let first = (units[i] & 0xff) as u8;
        let second = (units[i + 1] & 0xff) as u8;
        let fused = match (first, second) {
            (op::LOAD_FAST, op::LOAD_FAST) => Some(op::LOAD_FAST__LOAD_FAST),
            (op::LOAD_FAST, op::LOAD_CONST) => Some(op::LOAD_FAST__LOAD_CONST),
            (op::LOAD_CONST, op::LOAD_FAST) => Some(op::LOAD_CONST__LOAD_FAST),
            (op::STORE_FAST, op::LOAD_FAST) => Some(op::STORE_FAST__LOAD_FAST),
            (op::STORE_FAST, op::STORE_FAST) => Some(op::STORE_FAST__STORE_FAST),
            _ => None,
        };
        if let Some(f) = fused {
            units[i] = (units[i] & 0xff00) | f as u16;
        }
        i += 1 + pyrite_bytecode::cache_entries(first);
    }
}

pub fn new_code(vm: &mut Vm, src: Rc<CodeObject>) -> Result<Value, String> {
    let bytes = &src.code;
    if bytes.len() % 2 != 0 {
        return Err("co_code has an odd length".into());
    }
    let mut units: Box<[u16]> = bytes
        .chunks_exact(2)
        .map(|c| c[0] as u16 | (c[1] as u16) << 8)
        .collect();
    let consts: Vec<Value> = src
        .consts
        .iter()
        .map(|c| const_to_value(vm, c))
        .collect::<Result<_, _>>()?;
    let names: Vec<Value> = src.names.iter().map(|n| intern(n)).collect();
    let localsplusnames: Vec<Value> = src.localsplusnames.iter().map(|n| intern(n)).collect();
    if src.localspluskinds.len() != localsplusnames.len() {
        return Err("co_localspluskinds does not match co_localsplusnames".into());
    }
    let nlocalsplus = localsplusnames.len() as u32;
    let n = units.len() as u32;
    // Validate opargs.
    let mut i = 0usize;
    let mut ext: u32 = 0;
    while i < units.len() {
        let mut opcode = (units[i] & 0xff) as u8;
        if is_superinstruction(opcode) {
            // Formed below from validated pairs only (a co_code given by
            // hand must not bring its own: they skip the checks).
            opcode = pyrite_bytecode::deoptimize(opcode);
            units[i] = (units[i] & 0xff00) | opcode as u16;
        }
        let arg = ext | (units[i] >> 8) as u32;
        ext = 0;
        let next = i as u32 + 1 + pyrite_bytecode::cache_entries(opcode) as u32;
        let bad = |what: &str| format!("invalid code object {}: {what} at offset {}", src.name, i * 2);
        match opcode {
            op::EXTENDED_ARG => ext = arg << 8,
            op::LOAD_CONST | op::KW_NAMES => {
                if arg as usize >= consts.len() {
                    return Err(bad("constant index out of range"));
                }
            }
            op::LOAD_FAST
            | op::STORE_FAST
            | op::DELETE_FAST
            | op::MAKE_CELL
            | op::LOAD_CLOSURE
            | op::LOAD_DEREF
            | op::STORE_DEREF
            | op::DELETE_DEREF
            | op::LOAD_CLASSDEREF => {
                if arg >= nlocalsplus {
                    return Err(bad("local index out of range"));
                }
            }
            op::COPY_FREE_VARS => {
                if arg > nlocalsplus {
                    return Err(bad("free variable count out of range"));
                }
            }
            op::JUMP_FORWARD
            | op::POP_JUMP_FORWARD_IF_FALSE
            | op::POP_JUMP_FORWARD_IF_TRUE
            | op::POP_JUMP_FORWARD_IF_NONE
            | op::POP_JUMP_FORWARD_IF_NOT_NONE
            | op::JUMP_IF_FALSE_OR_POP
            | op::JUMP_IF_TRUE_OR_POP
            | op::FOR_ITER
            | op::SEND => {
                if next + arg >= n {
                    return Err(bad("jump out of range"));
                }
            }
            op::JUMP_BACKWARD
            | op::JUMP_BACKWARD_NO_INTERRUPT
            | op::POP_JUMP_BACKWARD_IF_FALSE
            | op::POP_JUMP_BACKWARD_IF_TRUE
            | op::POP_JUMP_BACKWARD_IF_NONE
            | op::POP_JUMP_BACKWARD_IF_NOT_NONE => {
                if arg > next {
                    return Err(bad("jump out of range"));
                }
            }
            _ => {}
        }
        if let Some(ix) = names_index(opcode, arg) {
            if ix as usize >= names.len() {
                return Err(bad("name index out of range"));
            }
        }
        i = next as usize;
    }
    // The last instruction must not fall through past the end of the code
    // (CPython's compiler always ends with a return, raise or jump).
    let mut last_op = None;
    let mut k = 0usize;
    while k < units.len() {
        let o = (units[k] & 0xff) as u8;
        last_op = Some(o);
        k += 1 + pyrite_bytecode::cache_entries(o);
    }
    if !matches!(
        last_op,
        Some(
            op::RETURN_VALUE
                | op::RERAISE
                | op::RAISE_VARARGS
                | op::JUMP_BACKWARD
                | op::JUMP_BACKWARD_NO_INTERRUPT
                | op::JUMP_FORWARD
        )
    ) {
        return Err(format!(
            "invalid code object {}: the last instruction falls through",
            src.name
        ));
    }
    form_superinstructions(&mut units);
    let exception_entries: Vec<Entry> = exception_table::decode(&src.exceptiontable);
    for e in &exception_entries {
        if e.target >= n || e.end > n || e.depth > src.stacksize {
            return Err(format!("invalid exception table in {}", src.name));
        }
    }
    let kinds = &src.localspluskinds;
    let nlocals = kinds
        .iter()
        .filter(|&&k| k & local_kind::LOCAL != 0 || k & 0x0e != 0)
        .count() as u32;
    let ncells = kinds.iter().filter(|&&k| k & local_kind::CELL != 0).count() as u32;
    let nfrees = kinds.iter().filter(|&&k| k & local_kind::FREE != 0).count() as u32;
    let code = CodeObj {
        header: ObjHeader::new(std::ptr::null()),
        units: UnsafeCell::new(units),
        consts: consts.into_boxed_slice(),
        names: names.into_boxed_slice(),
        localsplusnames: localsplusnames.into_boxed_slice(),
        localspluskinds: src.localspluskinds.clone().into_boxed_slice(),
        argcount: src.argcount,
        posonlyargcount: src.posonlyargcount,
        kwonlyargcount: src.kwonlyargcount,
        flags: src.flags,
        stacksize: src.stacksize,
        firstlineno: src.firstlineno,
        nlocals,
        ncells,
        nfrees,
        filename: new_str(&src.filename),
        name: intern(&src.name),
        qualname: new_str(&src.qualname),
        linetable: if code_debug_ranges() {
            src.linetable.clone().into_boxed_slice()
        } else {
            pyrite_bytecode::locations::remove_column_info(&src.linetable).into_boxed_slice()
        },
        exception_entries: exception_entries.into_boxed_slice(),
        source: src.clone(),
        trace_info: std::cell::OnceCell::new(),
    };
    Ok(alloc_object(CODE_TYPE.get(), code))
}

// ---- the code type: attributes, co_lines(), co_positions(), replace() ----

use crate::args::split_kwargs;
use crate::exception::{ExcKind, PyResult};
use crate::objects::singletons::none;
use crate::objects::str::{display_lossy, StrObject};
use crate::objects::tuple::TupleObject;
use crate::typeinit::{add_getset, add_method};
use crate::typeobj::KwNames;

fn addr(v: &Value) -> u64 {
    v.as_ptr().map_or(0, |p| p.as_ptr() as u64)
}

fn code_of(v: &Value) -> Option<&CodeObj> {
    v.downcast_ref::<CodeObj>()
}

fn code_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(c) = code_of(v) else { return Ok(none()) };
    Ok(vm.new_str(&format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        display_lossy(&c.name),
        addr(v),
        display_lossy(&c.filename),
        c.firstlineno
    )))
}

macro_rules! code_attr {
    ($name:ident, |$c:ident| $e:expr) => {
        fn $name(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
            Ok(match code_of(v) {
                Some($c) => $e,
                None => none(),
            })
        }
    };
}

code_attr!(code_name, |c| c.name.clone());
code_attr!(code_qualname, |c| c.qualname.clone());
code_attr!(code_filename, |c| c.filename.clone());
code_attr!(code_firstlineno, |c| Value::int(c.firstlineno as i64));
code_attr!(code_argcount, |c| Value::int(c.argcount as i64));
code_attr!(code_posonlyargcount, |c| Value::int(c.posonlyargcount as i64));
code_attr!(code_kwonlyargcount, |c| Value::int(c.kwonlyargcount as i64));
code_attr!(code_flags, |c| Value::int(c.flags as i64));
code_attr!(code_stacksize, |c| Value::int(c.stacksize as i64));
code_attr!(code_nlocals, |c| Value::int(c.nlocals as i64));
code_attr!(code_consts, |c| new_tuple(c.consts.to_vec()));
code_attr!(code_names, |c| new_tuple(c.names.to_vec()));
code_attr!(code_code, |c| crate::objects::bytes::new_bytes(&c.source.code));
// The instructions as they run now, specialized forms included (what
// `dis.dis(f, adaptive=True)` shows).
code_attr!(code_code_adaptive, |c| {
    let n = c.n_units();
    // SAFETY: the unit array lives as long as the code object; read only.
    let units = unsafe { std::slice::from_raw_parts(c.units_ptr() as *const u16, n) };
    // Internal forms show as what 3.11 runs there; cache units stay as they are.
    let mut shown = units.to_vec();
    let mut i = 0;
    while i < shown.len() {
        let opcode = (shown[i] & 0xff) as u8;
        shown[i] = (shown[i] & 0xff00) | pyrite_bytecode::internal::shown(opcode) as u16;
        i += 1 + pyrite_bytecode::cache_entries(opcode);
    }
    let bytes: Vec<u8> = shown.iter().flat_map(|u| u.to_le_bytes()).collect();
    crate::objects::bytes::new_bytes(&bytes)
});
code_attr!(code_linetable, |c| crate::objects::bytes::new_bytes(&c.linetable));
code_attr!(code_exceptiontable, |c| crate::objects::bytes::new_bytes(
    &c.source.exceptiontable
));
code_attr!(code_varnames, |c| new_tuple(
    c.localsplusnames
        .iter()
        .zip(c.localspluskinds.iter())
        .filter(|(_, &k)| k & 0x20 != 0)
        .map(|(n, _)| n.clone())
        .collect()
));
code_attr!(code_cellvars, |c| new_tuple(
    c.localsplusnames
        .iter()
        .zip(c.localspluskinds.iter())
        .filter(|(_, &k)| k & 0x40 != 0)
        .map(|(n, _)| n.clone())
        .collect()
));
code_attr!(code_freevars, |c| new_tuple(
    c.localsplusnames
        .iter()
        .zip(c.localspluskinds.iter())
        .filter(|(_, &k)| k & 0x80 != 0)
        .map(|(n, _)| n.clone())
        .collect()
));


/// The address ranges of the location table, in code units, with their line
/// (None for entries without one), as `co_lines()` walks them.
pub fn line_ranges(table: &[u8], firstlineno: u32) -> Vec<(u32, u32, Option<i64>)> {
    let mut out = Vec::new();
    let mut line = firstlineno as i64;
    let mut at = 0u32;
    let mut i = 0usize;
    let varint = |i: &mut usize| -> i64 {
        let mut val: i64 = 0;
        let mut shift = 0;
        while let Some(&b) = table.get(*i) {
            *i += 1;
            val |= ((b & 63) as i64) << shift;
            shift += 6;
            if b & 64 == 0 || shift > 60 {
                break;
            }
        }
        val
    };
    let svarint = |v: i64| if v & 1 == 1 { -(v >> 1) } else { v >> 1 };
    while let Some(&first) = table.get(i) {
        i += 1;
        let code = (first >> 3) & 15;
        let len = (first & 7) as u32 + 1;
        let this_line = match code {
            15 => None,
            13 => {
                line += svarint(varint(&mut i));
                Some(line)
            }
            14 => {
                line += svarint(varint(&mut i));
                varint(&mut i);
                varint(&mut i);
                varint(&mut i);
                Some(line)
            }
            10..=12 => {
                line += (code - 10) as i64;
                i += 2;
                Some(line)
            }
            _ => {
                i += 1;
                Some(line)
            }
        };
        out.push((at, at + len, this_line));
        at += len;
    }
    out
}

fn code_co_lines(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [c] = crate::args::ArgSpec::exact::<1>(vm, "co_lines", args, 1)?;
    let Some(code) = code_of(&c) else { return Ok(none()) };
    let items: Vec<Value> = line_ranges(&code.linetable, code.firstlineno)
        .into_iter()
        .map(|(start, end, line)| {
            new_tuple(vec![
                Value::int(start as i64 * 2),
                Value::int(end as i64 * 2),
                line.map_or_else(none, Value::int),
            ])
        })
        .collect();
    vm.iter(&crate::objects::list::new_list(items))
}

/// `code._varname_from_oparg(i)`: the name of local slot `i` (what `dis`
/// prints for LOAD_FAST and friends).
fn code_varname_from_oparg(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "_varname_from_oparg", kw)?;
    let [c, i] = crate::args::ArgSpec::exact::<2>(vm, "_varname_from_oparg", args, 1)?;
    let Some(code) = code_of(&c) else { return Ok(none()) };
    let name = i
        .as_small_int()
        .and_then(|i| usize::try_from(i).ok())
        .and_then(|i| code.localsplusnames.get(i));
    match name {
        Some(n) => Ok(n.clone()),
        None => Err(vm.new_error(crate::exception::ExcKind::IndexError, "tuple index out of range")),
    }
}

fn code_co_positions(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [c] = crate::args::ArgSpec::exact::<1>(vm, "co_positions", args, 1)?;
    let Some(code) = code_of(&c) else { return Ok(none()) };
    let opt = |v: Option<u32>| v.map_or_else(none, |x| Value::int(x as i64));
    let mut items: Vec<Value> = pyrite_bytecode::locations::decode(&code.linetable, code.firstlineno)
        .into_iter()
        .map(|p| new_tuple(vec![opt(p.lineno), opt(p.end_lineno), opt(p.col), opt(p.end_col)]))
        .collect();
    // Every code unit has a position, even past a short table.
    while items.len() < code.n_units() {
        items.push(new_tuple(vec![none(), none(), none(), none()]));
    }
    vm.iter(&crate::objects::list::new_list(items))
}

/// A constant back in compile-time form (for `replace(co_consts=...)`).
fn value_to_const(vm: &mut Vm, v: &Value) -> PyResult<ConstValue> {
    use crate::objects::singletons;
    if v.is_none() {
        return Ok(ConstValue::None);
    }
    if v.is_true_obj() || v.is_false_obj() {
        return Ok(ConstValue::Bool(v.is_true_obj()));
    }
    if v.is(&singletons::ellipsis()) {
        return Ok(ConstValue::Ellipsis);
    }
    if let Some(f) = v.as_float() {
        return Ok(ConstValue::Float(f));
    }
    if let Some(i) = crate::objects::int::as_int(v) {
        if let Some(small) = i.to_i64() {
            return Ok(ConstValue::Int(small));
        }
    }
    if let Some(s) = v.downcast_ref::<StrObject>() {
        let text = s.to_string_lossy();
        return Ok(ConstValue::Str(std::rc::Rc::new(pyrite_syntax::pystr::PyStr::from(text.as_str()))));
    }
    if let Some(b) = v.downcast_ref::<crate::objects::bytes::BytesObject>() {
        return Ok(ConstValue::Bytes(b.data().into()));
    }
    if let Some(t) = v.downcast_ref::<TupleObject>() {
        let items: PyResult<Vec<ConstValue>> = t.items().to_vec().iter().map(|x| value_to_const(vm, x)).collect();
        return Ok(ConstValue::Tuple(items?.into()));
    }
    if let Some(c) = v.downcast_ref::<CodeObj>() {
        return Ok(ConstValue::Code(c.source.clone()));
    }
    let msg = format!("pyrite: code.replace() cannot take a {} constant", vm.type_name(v));
    Err(vm.new_error(ExcKind::ValueError, msg))
}

fn names_of(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Vec<Rc<str>>> {
    let Some(t) = v.downcast_ref::<TupleObject>() else {
        let msg = format!("replace() argument '{what}' must be tuple, not {}", vm.type_name(v));
        return Err(vm.type_error(msg));
    };
    let mut out = Vec::with_capacity(t.len());
    for n in t.items() {
        match n.downcast_ref::<StrObject>() {
            Some(s) => out.push(Rc::from(s.to_string_lossy().as_str())),
            None => return Err(vm.new_error(ExcKind::SystemError, "non-string found in code slot")),
        }
    }
    Ok(out)
}

/// `code.replace(**changes)`: a copy with the given `co_*` fields replaced.
fn code_replace(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (pos, kwargs) = split_kwargs(args, kw);
    if pos.len() != 1 {
        return Err(vm.type_error("replace() takes no positional arguments"));
    }
    let Some(c) = code_of(&pos[0]) else { return Ok(none()) };
    let mut src: CodeObject = (*c.source).clone();
    for (k, v) in kwargs {
        let key = display_lossy(k);
        let int_of = |vm: &mut Vm, v: &Value| -> PyResult<u32> {
            let i = vm.index_i64(v)?;
            u32::try_from(i).map_err(|_| vm.value_error(format!("{key} must be a positive integer")))
        };
        let str_of = |vm: &mut Vm, v: &Value| -> PyResult<Rc<str>> {
            match v.downcast_ref::<StrObject>() {
                Some(s) => Ok(Rc::from(s.to_string_lossy().as_str())),
                None => {
                    let msg = format!("replace() argument '{key}' must be str, not {}", vm.type_name(v));
                    Err(vm.type_error(msg))
                }
            }
        };
        let bytes_of = |vm: &mut Vm, v: &Value| -> PyResult<Vec<u8>> {
            match v.downcast_ref::<crate::objects::bytes::BytesObject>() {
                Some(b) => Ok(b.data().to_vec()),
                None => {
                    let msg = format!("replace() argument '{key}' must be bytes, not {}", vm.type_name(v));
                    Err(vm.type_error(msg))
                }
            }
        };
        match key.as_str() {
            "co_argcount" => src.argcount = int_of(vm, v)?,
            "co_posonlyargcount" => src.posonlyargcount = int_of(vm, v)?,
            "co_kwonlyargcount" => src.kwonlyargcount = int_of(vm, v)?,
            "co_nlocals" => {
                int_of(vm, v)?;
            }
            "co_stacksize" => src.stacksize = int_of(vm, v)?,
            "co_flags" => src.flags = int_of(vm, v)?,
            "co_firstlineno" => src.firstlineno = int_of(vm, v)?,
            "co_code" => src.code = bytes_of(vm, v)?,
            "co_linetable" => src.linetable = bytes_of(vm, v)?,
            "co_exceptiontable" => src.exceptiontable = bytes_of(vm, v)?,
            "co_filename" => src.filename = str_of(vm, v)?,
            "co_name" => src.name = str_of(vm, v)?,
            "co_qualname" => src.qualname = str_of(vm, v)?,
            "co_consts" => {
                let Some(t) = v.downcast_ref::<TupleObject>() else {
                    let msg = format!("replace() argument 'co_consts' must be tuple, not {}", vm.type_name(v));
                    return Err(vm.type_error(msg));
                };
                let items = t.items().to_vec();
                let consts: PyResult<Vec<ConstValue>> = items.iter().map(|x| value_to_const(vm, x)).collect();
                src.consts = consts?;
            }
            "co_names" => src.names = names_of(vm, v, "co_names")?,
            "co_varnames" | "co_cellvars" | "co_freevars" => {
                let names = names_of(vm, v, &key)?;
                let mask = match key.as_str() {
                    "co_varnames" => local_kind::LOCAL,
                    "co_cellvars" => local_kind::CELL,
                    _ => local_kind::FREE,
                };
                let slots: Vec<usize> =
                    (0..src.localspluskinds.len()).filter(|&i| src.localspluskinds[i] & mask != 0).collect();
                if slots.len() != names.len() {
                    let msg = format!("pyrite: code.replace() cannot change the number of {key}");
                    return Err(vm.value_error(msg));
                }
                for (slot, name) in slots.into_iter().zip(names) {
                    src.localsplusnames[slot] = name;
                }
            }
            _ => {
                let msg = format!("'{key}' is an invalid keyword argument for replace()");
                return Err(vm.type_error(msg));
            }
        }
    }
    new_code(vm, Rc::new(src)).map_err(|m| vm.value_error(m))
}

fn code_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: crate::typeobj::CompareOp) -> PyResult<Value> {
    use crate::typeobj::CompareOp;
    let (Some(x), Some(y)) = (code_of(a), code_of(b)) else {
        return Ok(crate::objects::singletons::not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(crate::objects::singletons::not_implemented());
    }
    let eq = a.is(b) || *x.source == *y.source;
    let _ = vm;
    Ok(Value::bool(eq == (op == CompareOp::Eq)))
}

fn code_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    use std::hash::{Hash, Hasher};
    let Some(c) = code_of(v) else { return Ok(0) };
    let mut h = std::collections::hash_map::DefaultHasher::new();
    c.source.name.hash(&mut h);
    c.source.code.hash(&mut h);
    c.source.firstlineno.hash(&mut h);
    let r = (h.finish() >> 1) as i64;
    Ok(if r == -1 { -2 } else { r })
}

pub(crate) fn init_type() {
    let s = CODE_TYPE.get().slots_mut();
    s.repr = Some(code_repr);
    s.richcompare = Some(code_richcompare);
    s.hash = Some(code_hash);
    let code_attrs: &[(&'static str, crate::objects::descr::GetterFn)] = &[
        ("co_name", code_name),
        ("co_qualname", code_qualname),
        ("co_filename", code_filename),
        ("co_firstlineno", code_firstlineno),
        ("co_argcount", code_argcount),
        ("co_posonlyargcount", code_posonlyargcount),
        ("co_kwonlyargcount", code_kwonlyargcount),
        ("co_flags", code_flags),
        ("co_stacksize", code_stacksize),
        ("co_nlocals", code_nlocals),
        ("co_consts", code_consts),
        ("co_names", code_names),
        ("co_code", code_code),
        ("_co_code_adaptive", code_code_adaptive),
        ("co_linetable", code_linetable),
        ("co_exceptiontable", code_exceptiontable),
        ("co_varnames", code_varnames),
        ("co_cellvars", code_cellvars),
        ("co_freevars", code_freevars),
    ];
    for (n, f) in code_attrs {
        add_getset(&CODE_TYPE, n, *f, None);
    }
    add_method(&CODE_TYPE, "co_lines", code_co_lines);
    add_method(&CODE_TYPE, "co_positions", code_co_positions);
    add_method(&CODE_TYPE, "_varname_from_oparg", code_varname_from_oparg);
    add_method(&CODE_TYPE, "replace", code_replace);
}
