//! `__sizeof__` of the builtin types, as CPython 3.11's 64-bit build reports
//! it. Fixed sizes come from the layout table behind `type.__basicsize__`
//! (`type_layout`); variable parts from pyrite's own lengths and capacities,
//! through CPython's formulas.

use crate::args::{check_no_kwargs, ArgSpec};
use crate::exception::PyResult;
use crate::objects::bytes::BytesObject;
use crate::objects::dict::DictObject;
use crate::objects::int::{as_int, IntView};
use crate::objects::list::ListObject;
use crate::objects::set::SetObject;
use crate::objects::str::StrObject;
use crate::objects::tuple::TupleObject;
use crate::typeinit::add_method;
use crate::typeobj::*;
use crate::value::Value;
use crate::vm::Vm;

use super::type_ty::{cpython_flags, own_slot_count, type_layout};

/// CPython's `sizeof(PyTypeObject)`: what a static type reports.
const STATIC_TYPE_SIZE: i64 = 408;
/// CPython's `offsetof(PyLongObject, ob_digit)` and `sizeof(digit)`.
const INT_HEADER: i64 = 24;
const DIGIT_SIZE: i64 = 4;
const DIGIT_BITS: u64 = 30;
/// `sizeof(PyASCIIObject)`, `sizeof(PyCompactUnicodeObject)`, `sizeof(PyUnicodeObject)`.
const ASCII_STR_HEADER: i64 = 48;
const COMPACT_STR_HEADER: i64 = 72;
const STR_OBJECT_HEADER: i64 = 80;
/// `sizeof(setentry)`, and the entries of the table inside a set object.
const SET_ENTRY: i64 = 16;
const SET_SMALLTABLE: usize = 8;
/// Bytes of the shared keys a heap class with a managed instance dict
/// caches (3.11's `_PyDict_NewKeysForClass`: 64 index bytes, 42 str entries).
const CACHED_KEYS_SIZE: i64 = 32 + 64 + 42 * 16;

/// The object a no-argument `__sizeof__` is bound to.
fn self_arg(vm: &mut Vm, name: &str, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, name, kw)?;
    let [me] = ArgSpec::exact::<1>(vm, name, args, 1)?;
    Ok(me)
}

fn basicsize(v: &Value) -> i64 {
    type_layout(type_of(v)).basicsize
}

/// Number of 30-bit digits CPython stores, signed like `Py_SIZE`.
fn int_ob_size(i: IntView) -> i64 {
    let (bits, negative) = match i {
        IntView::Small(n) => (64 - u64::from(n.unsigned_abs().leading_zeros()), n < 0),
        IntView::Big(b) => (b.bits(), i.is_negative()),
    };
    let digits = bits.div_ceil(DIGIT_BITS) as i64;
    if negative {
        -digits
    } else {
        digits
    }
}

/// CPython's `Py_SIZE` of the objects whose types have an item size.
fn ob_size(v: &Value) -> i64 {
    if let Some(i) = as_int(v) {
        return int_ob_size(i);
    }
    if let Some(t) = v.downcast_ref::<TupleObject>() {
        return t.len() as i64;
    }
    if let Some(b) = v.downcast_ref::<BytesObject>() {
        return b.len() as i64;
    }
    if let Some(t) = v.downcast_ref::<TypeObject>() {
        if t.is_heap_type() {
            return own_slot_count(t);
        }
    }
    0
}

/// `object.__sizeof__`: basic size plus item size times `Py_SIZE`.
fn object_sizeof(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let me = self_arg(vm, "object.__sizeof__", args, kw)?;
    let layout = type_layout(type_of(&me));
    let items = if layout.itemsize != 0 { layout.itemsize * ob_size(&me) } else { 0 };
    Ok(Value::int(layout.basicsize + items))
}

/// `int.__sizeof__`: the digits header plus at least one digit, whatever
/// the subclass.
fn int_sizeof(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let me = self_arg(vm, "int.__sizeof__", args, kw)?;
    let digits = as_int(&me).map_or(0, |i| int_ob_size(i).abs());
    Ok(Value::int(INT_HEADER + digits.max(1) * DIGIT_SIZE))
}

/// `str.__sizeof__`: an exact str is CPython's compact form (header and
/// characters in one block, plus the terminating NUL); a subclass instance
/// keeps its characters in a separate block.
fn str_sizeof(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let me = self_arg(vm, "str.__sizeof__", args, kw)?;
    let Some(s) = me.downcast_ref::<StrObject>() else { return Ok(Value::int(0)) };
    let chars = (s.len() as i64 + 1) * i64::from(s.kind());
    let exact = std::ptr::eq(type_of(&me), STR_TYPE.get());
    let size = if !exact {
        STR_OBJECT_HEADER + chars
    } else if s.is_ascii() {
        ASCII_STR_HEADER + chars
    } else {
        COMPACT_STR_HEADER + chars
    };
    Ok(Value::int(size))
}

/// `list.__sizeof__`: the object plus its allocated item slots.
fn list_sizeof(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let me = self_arg(vm, "list.__sizeof__", args, kw)?;
    let slots = me.downcast_ref::<ListObject>().map_or(0, |l| l.capacity() as i64);
    Ok(Value::int(basicsize(&me) + slots * 8))
}

/// `dict.__sizeof__`: the object plus its (unshared) keys table.
fn dict_sizeof(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let me = self_arg(vm, "dict.__sizeof__", args, kw)?;
    let keys = me.downcast_ref::<DictObject>().map_or(0, |d| d.keys_sizeof() as i64);
    Ok(Value::int(basicsize(&me) + keys))
}

/// `set.__sizeof__`: the object (with its 8-entry small table) plus any
/// larger table.
fn set_sizeof(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let me = self_arg(vm, "set.__sizeof__", args, kw)?;
    let table = me.downcast_ref::<SetObject>().map_or(0, |s| s.table_size());
    let extra = if table > SET_SMALLTABLE { table as i64 * SET_ENTRY } else { 0 };
    Ok(Value::int(basicsize(&me) + extra))
}

/// `type.__sizeof__`: a static type is a bare PyTypeObject; a class is a
/// heap type object plus the instance-dict keys it caches.
fn type_sizeof(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let me = self_arg(vm, "type.__sizeof__", args, kw)?;
    let Some(t) = me.downcast_ref::<TypeObject>() else { return Ok(Value::int(0)) };
    if !t.is_heap_type() {
        return Ok(Value::int(STATIC_TYPE_SIZE));
    }
    let heap_type_size = type_layout(TYPE_TYPE.get()).basicsize;
    let cached = if type_layout(t).flags & cpython_flags::MANAGED_DICT != 0 { CACHED_KEYS_SIZE } else { 0 };
    Ok(Value::int(heap_type_size + cached))
}

pub(crate) fn init() {
    add_method(&OBJECT_TYPE, "__sizeof__", object_sizeof);
    add_method(&INT_TYPE, "__sizeof__", int_sizeof);
    add_method(&STR_TYPE, "__sizeof__", str_sizeof);
    add_method(&LIST_TYPE, "__sizeof__", list_sizeof);
    add_method(&DICT_TYPE, "__sizeof__", dict_sizeof);
    add_method(&SET_TYPE, "__sizeof__", set_sizeof);
    add_method(&FROZENSET_TYPE, "__sizeof__", set_sizeof);
    add_method(&TYPE_TYPE, "__sizeof__", type_sizeof);
}
