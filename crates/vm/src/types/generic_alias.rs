//! `types.GenericAlias`: what `list[int]` and the other builtin generics
//! evaluate to (annotations at module and class level are evaluated). It
//! reuses the `SeqIter` layout: `seq` holds the tuple `(origin, args)`.

use crate::exception::PyResult;
use crate::objects::iter::{new_seq_iter, SeqIter};
use crate::objects::singletons::none;
use crate::objects::str::StrObject;
use crate::objects::tuple::{new_tuple, TupleObject};
use crate::typeinit::add_getset;
use crate::typeobj::*;
use crate::value::Value;
use crate::vm::Vm;

/// The builtin classes that CPython 3.11 makes subscriptable through
/// `__class_getitem__` returning a GenericAlias.
pub(crate) fn is_builtin_generic(t: &TypeObject) -> bool {
    [&LIST_TYPE, &DICT_TYPE, &TUPLE_TYPE, &SET_TYPE, &FROZENSET_TYPE, &TYPE_TYPE]
        .iter()
        .any(|s| std::ptr::eq(s.ptr(), t))
        || t.is_subtype(crate::exception::exc_type(crate::exception::ExcKind::BaseExceptionGroup))
}

/// `origin[key]`: a tuple key gives several arguments.
pub(crate) fn new_generic_alias(origin: Value, key: &Value) -> Value {
    let args = if is_exact(key, &TUPLE_TYPE) {
        key.clone()
    } else {
        new_tuple(vec![key.clone()])
    };
    new_seq_iter(GENERIC_ALIAS_TYPE.get(), new_tuple(vec![origin, args]))
}

/// `(origin, args)` of an alias.
fn parts(v: &Value) -> (Value, Vec<Value>) {
    let pair = v.downcast_ref::<SeqIter>().map(|s| s.seq()).unwrap_or_else(none);
    let items = pair.downcast_ref::<TupleObject>().map(|t| t.items().to_vec()).unwrap_or_default();
    let origin = items.first().cloned().unwrap_or_else(none);
    let args = items
        .get(1)
        .and_then(|a| a.downcast_ref::<TupleObject>().map(|t| t.items().to_vec()))
        .unwrap_or_default();
    (origin, args)
}

/// One item of the repr, as CPython's ga_repr_item: `...`, another alias,
/// a class as `module.qualname` (bare for builtins), else `repr()`.
fn repr_item(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if is_exact(v, &ELLIPSIS_TYPE) {
        return Ok("...".to_string());
    }
    if is_exact(v, &GENERIC_ALIAS_TYPE) {
        return alias_repr_string(vm, v);
    }
    if v.downcast_ref::<TypeObject>().is_some() {
        let qual = vm.getattr_str(v, "__qualname__")?;
        let module = vm.getattr_str(v, "__module__")?;
        let qual = qual.downcast_ref::<StrObject>().map(|s| s.to_string_lossy()).unwrap_or_default();
        return Ok(match module.downcast_ref::<StrObject>() {
            Some(m) if m.to_string_lossy() != "builtins" => format!("{}.{}", m.to_string_lossy(), qual),
            _ => qual,
        });
    }
    let r = vm.repr(v)?;
    Ok(r.downcast_ref::<StrObject>().map(|s| s.to_string_lossy()).unwrap_or_default())
}

fn alias_repr_string(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let (origin, args) = parts(v);
    let mut out = repr_item(vm, &origin)?;
    out.push('[');
    if args.is_empty() {
        out.push_str("()");
    }
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr_item(vm, a)?);
    }
    out.push(']');
    Ok(out)
}

fn alias_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let s = alias_repr_string(vm, v)?;
    Ok(crate::objects::str::new_str(&s))
}

/// Calling an alias calls its origin (`list[int]()` is `[]`).
fn alias_call(vm: &mut Vm, v: &Value, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (origin, _) = parts(v);
    vm.call(&origin, args, kw)
}

fn alias_origin(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(parts(v).0)
}

fn alias_args(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_tuple(parts(v).1))
}

pub(crate) fn init() {
    let s = GENERIC_ALIAS_TYPE.get().slots_mut();
    s.repr = Some(alias_repr);
    s.call = Some(alias_call);
    add_getset(&GENERIC_ALIAS_TYPE, "__origin__", alias_origin, None);
    add_getset(&GENERIC_ALIAS_TYPE, "__args__", alias_args, None);
}
