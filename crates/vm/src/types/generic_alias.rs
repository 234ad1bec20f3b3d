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

/// `GenericAlias(origin, args)`, also for subclasses (`_collections_abc`'s
/// `_CallableGenericAlias`).
fn alias_new(vm: &mut Vm, cls: &Value, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let Some(t) = cls.downcast_ref::<TypeObject>() else {
        return Err(vm.type_error("GenericAlias.__new__(X): X is not a type object"));
    };
    if kw.is_some_and(|k| k.downcast_ref::<TupleObject>().is_some_and(|t| t.len() > 0)) {
        return Err(vm.type_error("GenericAlias() takes no keyword arguments"));
    }
    if args.len() != 2 {
        let msg = format!("GenericAlias expected 2 arguments, got {}", args.len());
        return Err(vm.type_error(msg));
    }
    let params = if is_exact(&args[1], &TUPLE_TYPE) { args[1].clone() } else { new_tuple(vec![args[1].clone()]) };
    Ok(new_seq_iter(t, new_tuple(vec![args[0].clone(), params])))
}

/// Names a GenericAlias answers itself; every other attribute is the origin's
/// (CPython's ga_getattro).
const OWN_ATTRIBUTES: &[&str] = &[
    "__class__",
    "__origin__",
    "__args__",
    "__unpacked__",
    "__parameters__",
    "__typing_unpacked_tuple_args__",
    "__mro_entries__",
    "__reduce_ex__",
    "__reduce__",
    "__copy__",
    "__deepcopy__",
];

fn alias_getattro(vm: &mut Vm, v: &Value, name: &Value) -> PyResult<Option<Value>> {
    if let Some(n) = name.downcast_ref::<StrObject>() {
        let n = n.to_string_lossy();
        if !OWN_ATTRIBUTES.contains(&n.as_str()) {
            let (origin, _) = parts(v);
            return vm.lookup_attr(&origin, name);
        }
    }
    crate::attr::generic_getattr(vm, v, name)
}

/// Type variables among `args` (CPython's _Py_make_parameters): objects
/// with `__typing_subst__`, and the `__parameters__` of nested generics.
pub(crate) fn collect_parameters(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let mut params: Vec<Value> = Vec::new();
    for a in args {
        if a.downcast_ref::<TypeObject>().is_some() {
            continue;
        }
        let subst = vm.intern("__typing_subst__");
        if vm.lookup_attr(a, &subst)?.is_some() {
            if !params.iter().any(|p| p.is(a)) {
                params.push(a.clone());
            }
            continue;
        }
        let key = vm.intern("__parameters__");
        if let Some(ps) = vm.lookup_attr(a, &key)? {
            if let Some(t) = ps.downcast_ref::<TupleObject>() {
                for p in t.items() {
                    if !params.iter().any(|q| q.is(p)) {
                        params.push(p.clone());
                    }
                }
            }
        }
    }
    Ok(new_tuple(params))
}

fn alias_parameters(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    collect_parameters(vm, &parts(v).1)
}

fn alias_mro_entries(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [this, _bases] = crate::args::ArgSpec::exact::<2>(vm, "__mro_entries__", args, 1)?;
    Ok(new_tuple(vec![parts(&this).0]))
}

fn is_alias(v: &Value) -> bool {
    type_of(v).is_subtype(GENERIC_ALIAS_TYPE.get())
}

fn alias_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if !is_alias(b) || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(crate::objects::singletons::not_implemented());
    }
    let (oa, aa) = parts(a);
    let (ob, ab) = parts(b);
    let eq = vm.rich_eq_bool(&oa, &ob)? && vm.rich_eq_bool(&new_tuple(aa), &new_tuple(ab))?;
    Ok(Value::bool(eq == (op == CompareOp::Eq)))
}

fn alias_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let (o, a) = parts(v);
    Ok(vm.hash(&o)? ^ vm.hash(&new_tuple(a))?)
}

fn alias_instancecheck(vm: &mut Vm, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    Err(vm.type_error("isinstance() argument 2 cannot be a parameterized generic"))
}

fn alias_subclasscheck(vm: &mut Vm, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    Err(vm.type_error("issubclass() argument 2 cannot be a parameterized generic"))
}

pub(crate) fn init() {
    crate::typeinit::add_method(&GENERIC_ALIAS_TYPE, "__instancecheck__", alias_instancecheck);
    crate::typeinit::add_method(&GENERIC_ALIAS_TYPE, "__subclasscheck__", alias_subclasscheck);
    let s = GENERIC_ALIAS_TYPE.get().slots_mut();
    s.repr = Some(alias_repr);
    s.call = Some(alias_call);
    s.new = Some(alias_new);
    s.getattro = alias_getattro;
    s.richcompare = Some(alias_richcompare);
    s.hash = Some(alias_hash);
    add_getset(&GENERIC_ALIAS_TYPE, "__parameters__", alias_parameters, None);
    crate::typeinit::add_method(&GENERIC_ALIAS_TYPE, "__mro_entries__", alias_mro_entries);
    add_getset(&GENERIC_ALIAS_TYPE, "__origin__", alias_origin, None);
    add_getset(&GENERIC_ALIAS_TYPE, "__args__", alias_args, None);
}
