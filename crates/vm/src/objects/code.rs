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
pub fn new_code(vm: &mut Vm, src: Rc<CodeObject>) -> Result<Value, String> {
    let bytes = &src.code;
    if bytes.len() % 2 != 0 {
        return Err("co_code has an odd length".into());
    }
    let units: Box<[u16]> = bytes
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
        let opcode = (units[i] & 0xff) as u8;
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
        linetable: src.linetable.clone().into_boxed_slice(),
        exception_entries: exception_entries.into_boxed_slice(),
        source: src.clone(),
    };
    Ok(alloc_object(CODE_TYPE.get(), code))
}
