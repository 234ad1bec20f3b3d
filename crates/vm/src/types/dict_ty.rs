//! Slots and methods of dict, its views and iterators.

use crate::args::{check_no_kwargs, split_kwargs, ArgSpec};
use crate::exception::{exc_type, new_exception, ExcKind, PyErr, PyResult};
use crate::objects::dict::{dict_iter_next, dict_rev_iter_next, new_dict_iter, new_dict_rev_iter, DictIter, DictObject};
use crate::objects::iter::{new_seq_iter, SeqIter};
use crate::objects::list::new_list;
use crate::objects::singletons::{none, not_implemented};
use crate::objects::tuple::{new_tuple, TupleObject};
use crate::typeinit::{add_classmethod, add_method};
use crate::typeobj::*;
use crate::value::Value;
use crate::vm::Vm;

pub mod mappingproxy;

fn dict_of(v: &Value) -> Option<&DictObject> {
    v.downcast_ref::<DictObject>()
}

pub fn key_error(key: Value) -> PyErr {
    PyErr::new(new_exception(exc_type(ExcKind::KeyError), new_tuple(vec![key])))
}

fn dict_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(d) = dict_of(v) else {
        return Ok(vm.new_str("{}"));
    };
    if d.is_empty() {
        return Ok(vm.new_str("{}"));
    }
    if !vm.repr_enter(v) {
        return Ok(vm.new_str("{...}"));
    }
    let mut out = String::from("{");
    let mut res = Ok(());
    for (i, (k, val)) in d.items().into_iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        match vm.repr_string(&k).and_then(|ks| Ok((ks, vm.repr_string(&val)?))) {
            Ok((ks, vs)) => {
                out.push_str(&ks);
                out.push_str(": ");
                out.push_str(&vs);
            }
            Err(e) => {
                res = Err(e);
                break;
            }
        }
    }
    vm.repr_leave(v);
    res?;
    out.push('}');
    Ok(vm.new_str(&out))
}

fn dict_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (dict_of(a), dict_of(b)) else {
        return Ok(not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let mut eq = x.len() == y.len();
    if eq {
        for (k, v) in x.items() {
            match y.get_item(vm, &k)? {
                Some(w) => {
                    if !vm.rich_eq_bool(&v, &w)? {
                        eq = false;
                        break;
                    }
                }
                None => {
                    eq = false;
                    break;
                }
            }
        }
    }
    Ok(Value::bool(eq == (op == CompareOp::Eq)))
}

fn dict_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let Some(d) = dict_of(v) else { return Ok(none()) };
    if let Some(x) = d.get_item(vm, key)? {
        return Ok(x);
    }
    if !is_exact(v, &DICT_TYPE) {
        if let Some(r) = vm.call_special(v, "__missing__", std::slice::from_ref(key))? {
            return Ok(r);
        }
    }
    Err(key_error(key.clone()))
}

fn dict_setitem(vm: &mut Vm, v: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(d) = dict_of(v) else { return Ok(()) };
    match value {
        Some(x) => d.set_item(vm, key.clone(), x),
        None => match d.del_item(vm, key)? {
            Some(old) => {
                drop(old);
                Ok(())
            }
            None => Err(key_error(key.clone())),
        },
    }
}

fn dict_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(dict_of(v).map_or(0, |d| d.len()))
}

fn dict_contains(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<bool> {
    match dict_of(v) {
        Some(d) => Ok(d.get_item(vm, key)?.is_some()),
        None => Ok(false),
    }
}

fn dict_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_dict_iter(DICT_KEYITER_TYPE.get(), v.clone()))
}

fn dict_new(_vm: &mut Vm, cls: &Value, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let t = cls.downcast_ref::<TypeObject>().unwrap_or(DICT_TYPE.get());
    Ok(DictObject::new_typed(t, 0))
}

/// `dict.update` semantics: a mapping (has keys()) or an iterable of pairs, then keywords.
pub fn dict_update_from(vm: &mut Vm, d: &DictObject, arg: Option<&Value>, kw: &[(&Value, &Value)]) -> PyResult<()> {
    if let Some(a) = arg {
        if let Some(src) = dict_of(a) {
            // As CPython's dict_merge: a dict (subclass) that keeps dict's
            // __iter__ is copied directly, bypassing overridden keys/__getitem__.
            let plain_iter = is_exact(a, &DICT_TYPE) || {
                let mine = type_of(a).lookup_str(vm, "__iter__");
                let base = DICT_TYPE.get().lookup_str(vm, "__iter__");
                matches!((mine, base), (Some(x), Some(y)) if x.is(&y))
            };
            if plain_iter {
                d.update_from(vm, src)?;
            } else {
                let keys = vm.call_method(a, "keys", &[])?;
                for k in vm.collect(&keys)? {
                    let v = vm.getitem(a, &k)?;
                    d.set_item(vm, k, v)?;
                }
            }
        } else if vm.lookup_attr(a, &vm.intern("keys"))?.is_some() {
            let keys = vm.call_method(a, "keys", &[])?;
            for k in vm.collect(&keys)? {
                let v = vm.getitem(a, &k)?;
                d.set_item(vm, k, v)?;
            }
        } else {
            let items = vm.collect(a)?;
            for (i, item) in items.iter().enumerate() {
                let pair = match vm.collect(item) {
                    Ok(p) => p,
                    Err(e) if e.is_instance(ExcKind::TypeError) => {
                        let msg = format!("cannot convert dictionary update sequence element #{i} to a sequence");
                        return Err(vm.type_error(msg));
                    }
                    Err(e) => return Err(e),
                };
                if pair.len() != 2 {
                    let msg = format!(
                        "dictionary update sequence element #{i} has length {}; 2 is required",
                        pair.len()
                    );
                    return Err(vm.value_error(msg));
                }
                let mut it = pair.into_iter();
                if let (Some(k), Some(v)) = (it.next(), it.next()) {
                    d.set_item(vm, k, v)?;
                }
            }
        }
    }
    for (k, v) in kw {
        d.set_item(vm, (*k).clone(), (*v).clone())?;
    }
    Ok(())
}

fn dict_init(vm: &mut Vm, obj: &Value, args: &[Value], kwnames: KwNames) -> PyResult<()> {
    let (pos, kw) = split_kwargs(args, kwnames);
    if pos.len() > 1 {
        let msg = format!("dict expected at most 1 argument, got {}", pos.len());
        return Err(vm.type_error(msg));
    }
    let Some(d) = dict_of(obj) else { return Ok(()) };
    dict_update_from(vm, d, pos.first(), &kw)
}

fn dict_get(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "get", kw)?;
    ArgSpec::range(vm, "get", args, 1, 1, 2)?;
    let Some(d) = dict_of(&args[0]) else { return Ok(none()) };
    Ok(d.get_item(vm, &args[1])?
        .unwrap_or_else(|| args.get(2).cloned().unwrap_or_else(none)))
}

fn dict_setdefault(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "setdefault", kw)?;
    ArgSpec::range(vm, "setdefault", args, 1, 1, 2)?;
    let Some(d) = dict_of(&args[0]) else { return Ok(none()) };
    // The key is hashed once, as CPython's atomic setdefault does.
    let hash = vm.hash(&args[1])?;
    let dv = args.get(2).cloned().unwrap_or_else(none);
    d.setdefault_hashed(vm, args[1].clone(), hash, dv)
}

fn dict_pop(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "pop", kw)?;
    ArgSpec::range(vm, "pop", args, 1, 1, 2)?;
    let Some(d) = dict_of(&args[0]) else { return Ok(none()) };
    match d.del_item(vm, &args[1])? {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(dv) => Ok(dv.clone()),
            None => Err(key_error(args[1].clone())),
        },
    }
}

fn dict_popitem(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "dict.popitem", args, kw)?;
    let Some(d) = args.first().and_then(dict_of) else {
        return Ok(none());
    };
    let Some((k, v)) = d.pop_last() else {
        return Err(vm.new_error(ExcKind::KeyError, "popitem(): dictionary is empty"));
    };
    Ok(new_tuple(vec![k, v]))
}

/// `reversed()` of a dict or one of its views: a lazy iterator from the last
/// entry back. `which`: 0 keys, 1 values, 2 items.
fn reversed_of(vm: &mut Vm, target: &Value, which: u8) -> PyResult<Value> {
    let dict = match target.downcast_ref::<SeqIter>() {
        Some(v) => v.seq(),
        None => target.clone(),
    };
    if dict.downcast_ref::<DictObject>().is_none() {
        return vm.iter(&new_list(Vec::new()));
    }
    let ty = match which {
        0 => &DICT_REVKEYITER_TYPE,
        1 => &DICT_REVVALUEITER_TYPE,
        _ => &DICT_REVITEMITER_TYPE,
    };
    Ok(new_dict_rev_iter(ty.get(), dict))
}

fn dict_reversed(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "__reversed__", kw)?;
    let [d] = ArgSpec::exact::<1>(vm, "__reversed__", args, 1)?;
    reversed_of(vm, &d, 0)
}

fn values_reversed(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "__reversed__", kw)?;
    let [d] = ArgSpec::exact::<1>(vm, "__reversed__", args, 1)?;
    reversed_of(vm, &d, 1)
}

fn items_reversed(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "__reversed__", kw)?;
    let [d] = ArgSpec::exact::<1>(vm, "__reversed__", args, 1)?;
    reversed_of(vm, &d, 2)
}

fn view(ty: &'static StaticType, args: &[Value]) -> PyResult<Value> {
    Ok(new_seq_iter(ty.get(), args.first().cloned().unwrap_or_else(none)))
}

fn dict_keys(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "dict.keys", args, kw)?;
    view(&DICT_KEYS_TYPE, args)
}

fn dict_values(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "dict.values", args, kw)?;
    view(&DICT_VALUES_TYPE, args)
}

fn dict_items(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "dict.items", args, kw)?;
    view(&DICT_ITEMS_TYPE, args)
}

fn dict_update(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let (pos, kw) = split_kwargs(args, kwnames);
    if pos.len() > 2 {
        let msg = format!("update expected at most 1 argument, got {}", pos.len() - 1);
        return Err(vm.type_error(msg));
    }
    let Some(d) = pos.first().and_then(dict_of) else {
        return Ok(none());
    };
    dict_update_from(vm, d, pos.get(1), &kw)?;
    Ok(none())
}

fn dict_clear(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "dict.clear", args, kw)?;
    if let Some(d) = args.first().and_then(dict_of) {
        d.clear();
    }
    Ok(none())
}

fn dict_copy(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "dict.copy", args, kw)?;
    Ok(args
        .first()
        .and_then(dict_of)
        .map_or_else(DictObject::new_value, |d| d.copy_value()))
}

fn dict_fromkeys(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "fromkeys", kw)?;
    ArgSpec::range(vm, "fromkeys", args, 1, 1, 2)?;
    let cls = args[0].clone();
    let d = vm.call0(&cls)?;
    let value = args.get(2).cloned().unwrap_or_else(none);
    // An exact dict filled from an exact dict, set or frozenset reuses the
    // stored hashes (keys are not hashed again), as CPython does.
    if let (true, Some(target)) = (is_exact(&d, &DICT_TYPE), d.downcast_ref::<DictObject>()) {
        let src = &args[1];
        let hashed: Option<Vec<(Value, i64)>> = if is_exact(src, &DICT_TYPE) {
            src.downcast_ref::<DictObject>().map(|s| s.keys_with_hash())
        } else if is_exact(src, &SET_TYPE) || is_exact(src, &FROZENSET_TYPE) {
            src.downcast_ref::<crate::objects::set::SetObject>().map(|s| s.entries())
        } else {
            None
        };
        if let Some(keys) = hashed {
            for (k, h) in keys {
                target.set_item_hashed(vm, k, h, value.clone())?;
            }
            return Ok(d);
        }
    }
    for k in vm.collect(&args[1])? {
        vm.setitem(&d, &k, value.clone())?;
    }
    Ok(d)
}

fn dict_or(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (Some(x), Some(y)) = (dict_of(a), dict_of(b)) else {
        return Ok(not_implemented());
    };
    let r = x.copy_value();
    if let Some(rd) = dict_of(&r) {
        rd.update_from(vm, y)?;
    }
    Ok(r)
}

fn dict_ior(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let Some(x) = dict_of(a) else {
        return Ok(not_implemented());
    };
    dict_update_from(vm, x, Some(b), &[])?;
    Ok(a.clone())
}

// ---- iterators and views ----

fn dict_keyiter_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let Some(di) = it.downcast_ref::<DictIter>() else {
        return Ok(None);
    };
    Ok(dict_iter_next(vm, di)?.map(|(k, _)| k))
}

fn dict_valueiter_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let Some(di) = it.downcast_ref::<DictIter>() else {
        return Ok(None);
    };
    Ok(dict_iter_next(vm, di)?.map(|(_, v)| v))
}

fn dict_itemiter_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let Some(di) = it.downcast_ref::<DictIter>() else {
        return Ok(None);
    };
    Ok(dict_iter_next(vm, di)?.map(|(k, v)| new_tuple(vec![k, v])))
}

fn dict_revkeyiter_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let Some(di) = it.downcast_ref::<DictIter>() else {
        return Ok(None);
    };
    Ok(dict_rev_iter_next(vm, di)?.map(|(k, _)| k))
}

fn dict_revvalueiter_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let Some(di) = it.downcast_ref::<DictIter>() else {
        return Ok(None);
    };
    Ok(dict_rev_iter_next(vm, di)?.map(|(_, v)| v))
}

fn dict_revitemiter_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let Some(di) = it.downcast_ref::<DictIter>() else {
        return Ok(None);
    };
    Ok(dict_rev_iter_next(vm, di)?.map(|(k, v)| new_tuple(vec![k, v])))
}

fn self_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

fn view_dict(v: &Value) -> Value {
    v.downcast_ref::<SeqIter>().map(|s| s.seq()).unwrap_or_else(none)
}

fn view_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(dict_of(&view_dict(v)).map_or(0, |d| d.len()))
}

fn keys_view_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_dict_iter(DICT_KEYITER_TYPE.get(), view_dict(v)))
}

fn values_view_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_dict_iter(DICT_VALUEITER_TYPE.get(), view_dict(v)))
}

fn items_view_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_dict_iter(DICT_ITEMITER_TYPE.get(), view_dict(v)))
}

fn view_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let name = vm.type_name(v);
    if !vm.repr_enter(v) {
        return Ok(vm.new_str("..."));
    }
    // Still entered while the items are shown: a view inside itself is "...".
    let inner = vm.collect(v).and_then(|items| vm.repr_string(&new_list(items)));
    vm.repr_leave(v);
    Ok(vm.new_str(&format!("{name}({})", inner?)))
}

fn keys_view_contains(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<bool> {
    let d = view_dict(v);
    dict_contains(vm, &d, key)
}

fn items_view_contains(vm: &mut Vm, v: &Value, item: &Value) -> PyResult<bool> {
    let d = view_dict(v);
    let Some(t) = item.downcast_ref::<TupleObject>().filter(|t| t.len() == 2) else {
        return Ok(false);
    };
    let Some(dd) = dict_of(&d) else { return Ok(false) };
    match dd.get_item(vm, &t.items()[0])? {
        Some(val) => vm.rich_eq_bool(&val, &t.items()[1]),
        None => Ok(false),
    }
}

/// `PyAnySet_Check`: a set or frozenset (subclasses included).
fn is_any_set(v: &Value) -> bool {
    isinstance_type(v, SET_TYPE.get()) || isinstance_type(v, FROZENSET_TYPE.get())
}

/// `PyDictViewSet_Check`: a keys or items view.
fn is_set_view(v: &Value) -> bool {
    is_exact(v, &DICT_KEYS_TYPE) || is_exact(v, &DICT_ITEMS_TYPE)
}

/// A new set holding the elements of `v` (`dictviews_to_set`).
fn set_of(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let s = crate::objects::set::new_set();
    vm.call_method(&s, "update", &[v.clone()])?;
    Ok(s)
}

/// `left OP other` where either side is a keys or items view: the left side
/// as a set, updated in place by `method` with the other side (any
/// iterable), as CPython's dictviews_or/sub/xor.
fn view_setop(vm: &mut Vm, a: &Value, b: &Value, method: &str) -> PyResult<Value> {
    let result = set_of(vm, a)?;
    vm.call_method(&result, method, &[b.clone()])?;
    Ok(result)
}

/// `_PyDictView_Intersect`: iterates the smaller side when it can tell.
fn view_and(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (mut this, mut other) = (a.clone(), b.clone());
    // The interpreter swaps the operands when the view is on the right.
    if !is_set_view(&this) {
        std::mem::swap(&mut this, &mut other);
    }
    let len_self = vm.len(&this)?;
    if is_exact(&other, &SET_TYPE) && len_self <= vm.len(&other)? {
        return vm.call_method(&other, "intersection", &[this]);
    }
    if is_set_view(&other) && vm.len(&other)? > len_self {
        std::mem::swap(&mut this, &mut other);
    }
    let result = crate::objects::set::new_set();
    let it = vm.iter(&other)?;
    while let Some(x) = vm.next(&it)? {
        if vm.contains(&this, &x)? {
            if let Some(so) = result.downcast_ref::<crate::objects::set::SetObject>() {
                so.add(vm, x)?;
            }
        }
    }
    Ok(result)
}

fn view_or(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    view_setop(vm, a, b, "update")
}

fn view_sub(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    view_setop(vm, a, b, "difference_update")
}

fn view_xor(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if is_exact(a, &DICT_ITEMS_TYPE) && is_exact(b, &DICT_ITEMS_TYPE) {
        return items_xor(vm, &view_dict(a), &view_dict(b));
    }
    view_setop(vm, a, b, "symmetric_difference_update")
}

/// `d1.items() ^ d2.items()` (`dictitems_xor`): pairs of d2 whose key is
/// missing from d1 or maps to an unequal value, then d1's remaining pairs.
fn items_xor(vm: &mut Vm, d1: &Value, d2: &Value) -> PyResult<Value> {
    let (Some(first), Some(second)) = (dict_of(d1), dict_of(d2)) else {
        return Ok(not_implemented());
    };
    let temp = DictObject::new_value();
    let Some(t) = dict_of(&temp) else { return Ok(not_implemented()) };
    t.update_from(vm, first)?;
    let result = crate::objects::set::new_set();
    let Some(rs) = result.downcast_ref::<crate::objects::set::SetObject>() else {
        return Ok(not_implemented());
    };
    for (key, val2) in second.items() {
        let to_delete = match t.get_item(vm, &key)? {
            Some(val1) => vm.rich_eq_bool(&val1, &val2)?,
            None => false,
        };
        if to_delete {
            t.del_item(vm, &key)?;
        } else {
            rs.add(vm, new_tuple(vec![key, val2]))?;
        }
    }
    for (key, val) in t.items() {
        rs.add(vm, new_tuple(vec![key, val]))?;
    }
    Ok(result)
}

/// Every element of `a` is in `b` (`all_contained_in`).
fn all_contained_in(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let it = vm.iter(a)?;
    while let Some(x) = vm.next(&it)? {
        if !vm.contains(b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Set-like comparisons of keys and items views with sets and other views.
fn view_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if !is_any_set(b) && !is_set_view(b) {
        return Ok(not_implemented());
    }
    let len_self = vm.len(a)?;
    let len_other = vm.len(b)?;
    let ok = match op {
        CompareOp::Eq | CompareOp::Ne => len_self == len_other && all_contained_in(vm, a, b)?,
        CompareOp::Lt => len_self < len_other && all_contained_in(vm, a, b)?,
        CompareOp::Le => len_self <= len_other && all_contained_in(vm, a, b)?,
        CompareOp::Gt => len_self > len_other && all_contained_in(vm, b, a)?,
        CompareOp::Ge => len_self >= len_other && all_contained_in(vm, b, a)?,
    };
    Ok(Value::bool(ok != (op == CompareOp::Ne)))
}

/// `view.isdisjoint(other)`.
fn view_isdisjoint(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    if args.len() != 2 {
        let fname = format!("{}.isdisjoint", args.first().map(|a| vm.type_name(a)).unwrap_or_default());
        ArgSpec::exact::<2>(vm, &fname, args, 1)?;
    }
    let [this, other] = ArgSpec::exact::<2>(vm, "isdisjoint", args, 1)?;
    if this.is(&other) {
        return Ok(Value::bool(vm.len(&this)? == 0));
    }
    let (mut this, mut other) = (this, other);
    // Iterate over the shorter side when both have a cheap `in`.
    if is_any_set(&other) || is_set_view(&other) {
        if vm.len(&other)? > vm.len(&this)? {
            std::mem::swap(&mut this, &mut other);
        }
    }
    let it = vm.iter(&other)?;
    while let Some(x) = vm.next(&it)? {
        if vm.contains(&this, &x)? {
            return Ok(Value::bool(false));
        }
    }
    Ok(Value::bool(true))
}

/// `view.mapping`: a read-only proxy of the view's dict.
fn view_mapping(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(mappingproxy::new_mappingproxy(view_dict(v)))
}

/// `__reduce__` of the dict iterators: `(iter, (list of what is left,))`,
/// read from a copy so that the iterator itself does not advance.
fn dict_iter_reduce(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let this = args.first().cloned().unwrap_or_else(none);
    if args.len() > 1 || kw.is_some_and(|k| k.downcast_ref::<crate::objects::tuple::TupleObject>().is_some_and(|t| !t.is_empty())) {
        let qualname = format!("{}.__reduce__", type_of(&this).name_string());
        crate::args::no_args(vm, &qualname, args, kw)?;
    }
    let iter = crate::builtins::get_builtin(vm, "iter")?;
    let Some(di) = this.downcast_ref::<DictIter>() else {
        return Ok(none());
    };
    let copy = new_dict_iter(type_of(&this), di.dict());
    if let Some(c) = copy.downcast_ref::<DictIter>() {
        c.pos.set(di.pos.get());
        c.used.set(di.used.get());
        c.remaining.set(di.remaining.get());
    }
    let rest = vm.collect(&copy)?;
    Ok(new_tuple(vec![iter, new_tuple(vec![new_list(rest)])]))
}

fn dict_iter_length_hint(_vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let n = args
        .first()
        .and_then(|v| v.downcast_ref::<DictIter>())
        .map_or(0, |d| d.remaining.get());
    Ok(Value::int(n as i64))
}

pub(crate) fn init() {
    let s = DICT_TYPE.get().slots_mut();
    s.repr = Some(dict_repr);
    s.hash = Some(|vm, v| {
        let msg = format!("unhashable type: '{}'", vm.type_name(v));
        Err(vm.type_error(msg))
    });
    s.richcompare = Some(dict_richcompare);
    s.getitem = Some(dict_getitem);
    s.setitem = Some(dict_setitem);
    s.len = Some(dict_len);
    s.contains = Some(dict_contains);
    s.iter = Some(dict_iter);
    s.new = Some(dict_new);
    s.init = Some(dict_init);
    s.nb[nb::OR] = Some(dict_or);
    s.nb[NB_INPLACE + nb::OR] = Some(dict_ior);
    let methods: &[(&'static str, NativeFn)] = &[
        ("get", dict_get),
        ("setdefault", dict_setdefault),
        ("pop", dict_pop),
        ("popitem", dict_popitem),
        ("keys", dict_keys),
        ("values", dict_values),
        ("items", dict_items),
        ("update", dict_update),
        ("clear", dict_clear),
        ("copy", dict_copy),
    ];
    for (n, f) in methods {
        add_method(&DICT_TYPE, n, *f);
    }
    add_classmethod(&DICT_TYPE, "fromkeys", dict_fromkeys);
    crate::typeinit::set_attr(DICT_TYPE.get(), "__hash__", none());

    for (st, next) in [
        (&DICT_KEYITER_TYPE, dict_keyiter_next as IterNextFn),
        (&DICT_VALUEITER_TYPE, dict_valueiter_next),
        (&DICT_ITEMITER_TYPE, dict_itemiter_next),
        (&DICT_REVKEYITER_TYPE, dict_revkeyiter_next),
        (&DICT_REVVALUEITER_TYPE, dict_revvalueiter_next),
        (&DICT_REVITEMITER_TYPE, dict_revitemiter_next),
    ] {
        let s = st.get().slots_mut();
        s.iter = Some(self_iter);
        s.iternext = Some(next);
        add_method(st, "__length_hint__", dict_iter_length_hint);
        add_method(st, "__reduce__", dict_iter_reduce);
    }
    for (st, it) in [
        (&DICT_KEYS_TYPE, keys_view_iter as UnaryFn),
        (&DICT_VALUES_TYPE, values_view_iter),
        (&DICT_ITEMS_TYPE, items_view_iter),
    ] {
        let s = st.get().slots_mut();
        s.iter = Some(it);
        s.len = Some(view_len);
        s.repr = Some(view_repr);
    }
    DICT_KEYS_TYPE.get().slots_mut().contains = Some(keys_view_contains);
    DICT_KEYS_TYPE.get().slots_mut().richcompare = Some(view_richcompare);
    DICT_ITEMS_TYPE.get().slots_mut().contains = Some(items_view_contains);
    DICT_ITEMS_TYPE.get().slots_mut().richcompare = Some(view_richcompare);
    add_method(&DICT_TYPE, "__reversed__", dict_reversed);
    add_method(&DICT_KEYS_TYPE, "__reversed__", dict_reversed);
    add_method(&DICT_VALUES_TYPE, "__reversed__", values_reversed);
    add_method(&DICT_ITEMS_TYPE, "__reversed__", items_reversed);
    for st in [&DICT_KEYS_TYPE, &DICT_ITEMS_TYPE] {
        let s = st.get().slots_mut();
        s.nb[nb::AND] = Some(view_and);
        s.nb[nb::OR] = Some(view_or);
        s.nb[nb::SUBTRACT] = Some(view_sub);
        s.nb[nb::XOR] = Some(view_xor);
        add_method(st, "isdisjoint", view_isdisjoint);
    }
    for st in [&DICT_KEYS_TYPE, &DICT_VALUES_TYPE, &DICT_ITEMS_TYPE] {
        crate::typeinit::add_getset(st, "mapping", view_mapping, None);
    }
}
