//! Slots and methods of set and frozenset, with CPython 3.11's algorithms
//! for the operators (so that result tables, hence iteration orders, match).

use crate::args::{check_no_kwargs, ArgSpec};
use crate::exception::{ExcKind, PyResult};
use crate::objects::dict::DictObject;
use crate::objects::iter::NativeIter;
use crate::objects::set::{new_set_typed, SetObject};
use crate::objects::singletons::{none, not_implemented};
use crate::objects::tuple::new_tuple;
use crate::typeinit::add_method;
use crate::typeobj::*;
use crate::value::Value;
use crate::vm::Vm;

pub(crate) static SET_ITER_TYPE: StaticType = StaticType::new();

fn set_of(v: &Value) -> Option<&SetObject> {
    v.downcast_ref::<SetObject>()
}

fn is_frozen(v: &Value) -> bool {
    type_of(v).is_subtype(FROZENSET_TYPE.get())
}

/// A new empty set of `v`'s base kind (set or frozenset), as make_new_set_basetype.
fn new_like(v: &Value) -> Value {
    if is_frozen(v) {
        new_set_typed(FROZENSET_TYPE.get())
    } else {
        new_set_typed(SET_TYPE.get())
    }
}

/// `set_update_internal`: merge a set, a dict's keys, or any iterable.
pub fn set_update(vm: &mut Vm, s: &SetObject, other: &Value) -> PyResult<()> {
    if let Some(o) = set_of(other) {
        return s.merge(vm, o);
    }
    if is_exact(other, &DICT_TYPE) {
        if let Some(d) = other.downcast_ref::<DictObject>() {
            s.reserve_for(d.len());
            for (k, h) in d.keys_with_hash() {
                s.add_hashed(vm, k, h)?;
            }
            return Ok(());
        }
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        s.add(vm, k)?;
    }
    Ok(())
}

/// `set(iterable)` of the given (base) type.
pub fn set_from(vm: &mut Vm, ty: &TypeObject, iterable: Option<&Value>) -> PyResult<Value> {
    let v = new_set_typed(ty);
    if let (Some(it), Some(s)) = (iterable, set_of(&v)) {
        set_update(vm, s, it)?;
    }
    Ok(v)
}

fn set_copy(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = new_like(v);
    if let (Some(rs), Some(src)) = (set_of(&r), set_of(v)) {
        rs.merge(vm, src)?;
    }
    Ok(r)
}

fn set_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(s) = set_of(v) else { return Ok(none()) };
    let tname = vm.type_name(v);
    if s.is_empty() {
        return Ok(vm.new_str(&format!("{tname}()")));
    }
    if !vm.repr_enter(v) {
        return Ok(vm.new_str(&format!("{tname}(...)")));
    }
    let mut parts = Vec::new();
    let mut res = Ok(());
    for k in s.keys() {
        match vm.repr_string(&k) {
            Ok(r) => parts.push(r),
            Err(e) => {
                res = Err(e);
                break;
            }
        }
    }
    vm.repr_leave(v);
    res?;
    let body = format!("{{{}}}", parts.join(", "));
    Ok(vm.new_str(&if is_exact(v, &SET_TYPE) {
        body
    } else {
        format!("{tname}({body})")
    }))
}

fn set_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(set_of(v).map_or(0, |s| s.len()))
}

fn set_contains(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<bool> {
    let Some(s) = set_of(v) else { return Ok(false) };
    match s.contains(vm, key) {
        Err(e) if e.is_instance(ExcKind::TypeError) && set_of(key).is_some() => {
            // A set key is looked up as the equal frozenset.
            let fz = set_from(vm, FROZENSET_TYPE.get(), Some(key))?;
            s.contains(vm, &fz)
        }
        r => r,
    }
}

fn set_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let n = set_of(v).map_or(0, |s| s.len());
    Ok(NativeIter::new(
        &SET_ITER_TYPE,
        v.clone(),
        Value::int(n as i64),
        Vec::new(),
        0,
    ))
}

fn set_iter_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let Some(ni) = it.downcast_ref::<NativeIter>() else {
        return Ok(None);
    };
    let set = ni.a();
    let Some(s) = set_of(&set) else { return Ok(None) };
    if ni.b.as_small_int() != Some(s.len() as i64) {
        ni.n.set(i64::MAX / 2);
        return Err(vm.new_error(ExcKind::RuntimeError, "Set changed size during iteration"));
    }
    let pos = ni.n.get();
    if pos < 0 || pos >= i64::MAX / 2 {
        return Ok(None);
    }
    match s.next_entry(pos as usize) {
        Some((i, k)) => {
            ni.n.set(i as i64 + 1);
            Ok(Some(k))
        }
        None => {
            ni.n.set(i64::MAX / 2);
            ni.release_a();
            Ok(None)
        }
    }
}

/// `set_iterator.__reduce__`: `(iter, (list of the items still to come,))`.
fn set_iter_reduce(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "set_iterator.__reduce__", args, kw)?;
    let iter = crate::builtins::get_builtin(vm, "iter")?;
    let mut rest = Vec::new();
    if let Some(ni) = args.first().and_then(|v| v.downcast_ref::<NativeIter>()) {
        let set = ni.a();
        if let Some(s) = set_of(&set) {
            if ni.b.as_small_int() != Some(s.len() as i64) {
                return Err(vm.new_error(ExcKind::RuntimeError, "Set changed size during iteration"));
            }
            let mut pos = ni.n.get();
            while pos >= 0 && pos < i64::MAX / 2 {
                match s.next_entry(pos as usize) {
                    Some((i, k)) => {
                        rest.push(k);
                        pos = i as i64 + 1;
                    }
                    None => break,
                }
            }
        }
    }
    Ok(new_tuple(vec![iter, new_tuple(vec![crate::objects::list::new_list(rest)])]))
}

/// `set.__reduce__`: `(type, (list(self),), state)`, the state from
/// `__getstate__` (the instance dict of a subclass, else None).
fn set_reduce(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let name = if args.first().is_some_and(is_frozen) { "frozenset.__reduce__" } else { "set.__reduce__" };
    crate::args::no_args(vm, name, args, kw)?;
    let Some(this) = args.first() else { return Ok(none()) };
    let items = vm.collect(this)?;
    let getstate = vm.intern("__getstate__");
    let getstate = vm.getattr(this, &getstate)?;
    let state = vm.call0(&getstate)?;
    Ok(new_tuple(vec![
        crate::typeobj::type_of(this).as_value(),
        new_tuple(vec![crate::objects::list::new_list(items)]),
        state,
    ]))
}

fn set_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if !is_frozen(v) {
        let msg = format!("unhashable type: '{}'", vm.type_name(v));
        return Err(vm.type_error(msg));
    }
    Ok(set_of(v).map_or(0, |s| s.frozen_hash()))
}

fn issubset(vm: &mut Vm, a: &SetObject, b: &SetObject) -> PyResult<bool> {
    if a.len() > b.len() {
        return Ok(false);
    }
    for (k, h) in a.entries() {
        if !b.contains_hashed(vm, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (set_of(a), set_of(b)) else {
        return Ok(not_implemented());
    };
    Ok(Value::bool(match op {
        CompareOp::Eq => x.len() == y.len() && issubset(vm, x, y)?,
        CompareOp::Ne => !(x.len() == y.len() && issubset(vm, x, y)?),
        CompareOp::Le => issubset(vm, x, y)?,
        CompareOp::Ge => issubset(vm, y, x)?,
        CompareOp::Lt => x.len() < y.len() && issubset(vm, x, y)?,
        CompareOp::Gt => x.len() > y.len() && issubset(vm, y, x)?,
    }))
}

fn intersection(vm: &mut Vm, v: &Value, other: &Value) -> PyResult<Value> {
    if v.is(other) {
        return set_copy(vm, v);
    }
    let result = new_like(v);
    let (Some(rs), Some(so)) = (set_of(&result), set_of(v)) else {
        return Ok(result);
    };
    if let Some(o) = set_of(other) {
        let (small, big) = if o.len() > so.len() { (so, o) } else { (o, so) };
        for (k, h) in small.entries() {
            if big.contains_hashed(vm, &k, h)? {
                rs.add_hashed(vm, k, h)?;
            }
        }
        return Ok(result);
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        let h = vm.hash(&k)?;
        if so.contains_hashed(vm, &k, h)? {
            rs.add_hashed(vm, k, h)?;
            if rs.len() >= so.len() {
                break;
            }
        }
    }
    Ok(result)
}

fn difference_update(vm: &mut Vm, s: &SetObject, sv: &Value, other: &Value) -> PyResult<()> {
    if sv.is(other) {
        s.clear();
        return Ok(());
    }
    if let Some(o) = set_of(other) {
        for (k, h) in o.entries() {
            s.discard_hashed(vm, &k, h)?;
        }
        return Ok(());
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        s.discard(vm, &k)?;
    }
    Ok(())
}

fn difference(vm: &mut Vm, v: &Value, other: &Value) -> PyResult<Value> {
    let Some(so) = set_of(v) else { return Ok(none()) };
    let other_size = match (set_of(other), other.downcast_ref::<DictObject>()) {
        (Some(o), _) => Some(o.len()),
        (None, Some(d)) if is_exact(other, &DICT_TYPE) => Some(d.len()),
        _ => None,
    };
    let copy_then_remove = match other_size {
        None => true,
        Some(n) => (so.len() >> 2) > n,
    };
    if copy_then_remove {
        let r = set_copy(vm, v)?;
        if let Some(rs) = set_of(&r) {
            difference_update(vm, rs, &r, other)?;
        }
        return Ok(r);
    }
    let result = new_like(v);
    let Some(rs) = set_of(&result) else { return Ok(result) };
    for (k, h) in so.entries() {
        let present = match (set_of(other), other.downcast_ref::<DictObject>()) {
            (Some(o), _) => o.contains_hashed(vm, &k, h)?,
            (None, Some(d)) => d.get_item_hashed(vm, &k, h)?.is_some(),
            _ => false,
        };
        if !present {
            rs.add_hashed(vm, k, h)?;
        }
    }
    Ok(result)
}

fn symmetric_difference_update(vm: &mut Vm, s: &SetObject, sv: &Value, other: &Value) -> PyResult<()> {
    if sv.is(other) {
        s.clear();
        return Ok(());
    }
    let entries: Vec<(Value, i64)> = if let Some(o) = set_of(other) {
        o.entries()
    } else if let (true, Some(d)) = (is_exact(other, &DICT_TYPE), other.downcast_ref::<DictObject>()) {
        d.keys_with_hash()
    } else {
        let tmp = set_from(vm, SET_TYPE.get(), Some(other))?;
        set_of(&tmp).map(|t| t.entries()).unwrap_or_default()
    };
    for (k, h) in entries {
        if !s.discard_hashed(vm, &k, h)? {
            s.add_hashed(vm, k, h)?;
        }
    }
    Ok(())
}

fn symmetric_difference(vm: &mut Vm, v: &Value, other: &Value) -> PyResult<Value> {
    let base = if is_frozen(v) {
        FROZENSET_TYPE.get()
    } else {
        SET_TYPE.get()
    };
    let r = set_from(vm, base, Some(other))?;
    if let Some(rs) = set_of(&r) {
        symmetric_difference_update(vm, rs, &r, v)?;
    }
    Ok(r)
}

fn union(vm: &mut Vm, v: &Value, other: &Value) -> PyResult<Value> {
    let r = set_copy(vm, v)?;
    if let Some(rs) = set_of(&r) {
        if !v.is(other) {
            set_update(vm, rs, other)?;
        }
    }
    Ok(r)
}

fn nb_op<const OP: usize>(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if set_of(a).is_none() || set_of(b).is_none() {
        return Ok(not_implemented());
    }
    match OP {
        nb::OR => union(vm, a, b),
        nb::AND => intersection(vm, a, b),
        nb::SUBTRACT => difference(vm, a, b),
        _ => symmetric_difference(vm, a, b),
    }
}

fn nb_iop<const OP: usize>(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (Some(s), Some(_)) = (set_of(a), set_of(b)) else {
        return Ok(not_implemented());
    };
    match OP {
        nb::OR => set_update(vm, s, b)?,
        nb::AND => {
            let r = intersection(vm, a, b)?;
            if let Some(rs) = set_of(&r) {
                s.clear();
                s.merge(vm, rs)?;
            }
        }
        nb::SUBTRACT => difference_update(vm, s, a, b)?,
        _ => symmetric_difference_update(vm, s, a, b)?,
    }
    Ok(a.clone())
}

fn set_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let t = cls.downcast_ref::<TypeObject>().unwrap_or(SET_TYPE.get());
    if t.is_subtype(FROZENSET_TYPE.get()) {
        let name = t.name_string();
        // A subclass with its own __init__ may take keywords (ignored here).
        if super::inherits_method(vm, t, FROZENSET_TYPE.get(), "__init__") {
            check_no_kwargs(vm, "frozenset", kwnames)?;
        }
        let (args, _) = crate::args::split_kwargs(args, kwnames);
        ArgSpec::range(vm, &name, args, 0, 0, 1)?;
        if std::ptr::eq(t, FROZENSET_TYPE.get()) {
            if let Some(a) = args.first() {
                if is_exact(a, &FROZENSET_TYPE) {
                    return Ok(a.clone());
                }
            }
        }
        return set_from(vm, t, args.first());
    }
    if super::inherits_method(vm, t, SET_TYPE.get(), "__init__") {
        check_no_kwargs(vm, "set", kwnames)?;
    }
    Ok(new_set_typed(t))
}

fn set_init(vm: &mut Vm, obj: &Value, args: &[Value], kwnames: KwNames) -> PyResult<()> {
    if is_frozen(obj) {
        return Ok(());
    }
    let name = vm.type_name(obj);
    check_no_kwargs(vm, "set", kwnames)?;
    ArgSpec::range(vm, &name, args, 0, 0, 1)?;
    let Some(s) = set_of(obj) else { return Ok(()) };
    s.clear();
    if let Some(it) = args.first() {
        set_update(vm, s, it)?;
    }
    Ok(())
}

fn self_set<'a>(vm: &mut Vm, args: &'a [Value], name: &str) -> PyResult<&'a SetObject> {
    match args.first().and_then(set_of) {
        Some(s) => Ok(s),
        None => Err(vm.type_error(format!("descriptor '{name}' requires a 'set' object"))),
    }
}

fn m_add(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "add", kw)?;
    let [s, k] = ArgSpec::exact::<2>(vm, "set.add", args, 1)?;
    self_set(vm, args, "add")?.add(vm, k)?;
    let _ = s;
    Ok(none())
}

/// Discards `key`; an unhashable set key is looked up as the equal
/// frozenset, as CPython's set_discard does.
fn discard_key(vm: &mut Vm, s: &SetObject, key: &Value) -> PyResult<bool> {
    match s.discard(vm, key) {
        Err(e) if e.is_instance(ExcKind::TypeError) && set_of(key).is_some() && !is_frozen(key) => {
            let fz = set_from(vm, FROZENSET_TYPE.get(), Some(key))?;
            s.discard(vm, &fz)
        }
        r => r,
    }
}

fn m_discard(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "set.discard", kw)?;
    let [_s, k] = ArgSpec::exact::<2>(vm, "set.discard", args, 1)?;
    let s = self_set(vm, args, "discard")?;
    discard_key(vm, s, &k)?;
    Ok(none())
}

fn m_remove(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "set.remove", kw)?;
    let [_s, k] = ArgSpec::exact::<2>(vm, "set.remove", args, 1)?;
    let s = self_set(vm, args, "remove")?;
    if !discard_key(vm, s, &k)? {
        return Err(crate::types::dict_ty::key_error(k));
    }
    Ok(none())
}

fn m_pop(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "set.pop", args, kw)?;
    match self_set(vm, args, "pop")?.pop() {
        Some(k) => Ok(k),
        None => Err(vm.new_error(ExcKind::KeyError, "pop from an empty set")),
    }
}

fn m_clear(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "set.clear", args, kw)?;
    self_set(vm, args, "clear")?.clear();
    Ok(none())
}

fn m_copy(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let name = if args.first().is_some_and(is_frozen) { "frozenset.copy" } else { "set.copy" };
    crate::args::no_args(vm, name, args, kw)?;
    let v = args.first().cloned().unwrap_or_else(none);
    if is_exact(&v, &FROZENSET_TYPE) {
        return Ok(v);
    }
    set_copy(vm, &v)
}

fn multi(vm: &mut Vm, args: &[Value], f: fn(&mut Vm, &Value, &Value) -> PyResult<Value>) -> PyResult<Value> {
    let mut acc = match args.first() {
        Some(v) => set_copy(vm, v)?,
        None => return Ok(none()),
    };
    for o in &args[1..] {
        let other = if set_of(o).is_some() {
            o.clone()
        } else {
            set_from(vm, SET_TYPE.get(), Some(o))?
        };
        acc = f(vm, &acc, &other)?;
    }
    Ok(acc)
}

fn m_union(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "union", kw)?;
    let mut acc = set_copy(vm, &args[0])?;
    if let Some(a) = set_of(&acc) {
        for o in &args[1..] {
            set_update(vm, a, o)?;
        }
    }
    acc = acc.clone();
    Ok(acc)
}

fn m_intersection(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "intersection", kw)?;
    if args.len() == 1 {
        return set_copy(vm, &args[0]);
    }
    let mut acc = args[0].clone();
    for o in &args[1..] {
        acc = intersection(vm, &acc, o)?;
    }
    Ok(acc)
}

fn m_difference(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "difference", kw)?;
    if args.len() == 1 {
        return set_copy(vm, &args[0]);
    }
    let mut acc = difference(vm, &args[0], &args[1])?;
    for o in &args[2..] {
        if let Some(a) = set_of(&acc) {
            let accv = acc.clone();
            difference_update(vm, a, &accv, o)?;
        }
    }
    acc = acc.clone();
    Ok(acc)
}

fn m_symmetric_difference(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "symmetric_difference", kw)?;
    let [a, b] = ArgSpec::exact::<2>(vm, "symmetric_difference", args, 1)?;
    symmetric_difference(vm, &a, &b)
}

fn m_update(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "update", kw)?;
    let s = self_set(vm, args, "update")?;
    for o in &args[1..] {
        set_update(vm, s, o)?;
    }
    Ok(none())
}

fn m_intersection_update(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let r = m_intersection(vm, args, kw)?;
    let s = self_set(vm, args, "intersection_update")?;
    s.clear();
    if let Some(rs) = set_of(&r) {
        s.merge(vm, rs)?;
    }
    Ok(none())
}

fn m_difference_update(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "difference_update", kw)?;
    let s = self_set(vm, args, "difference_update")?;
    for o in &args[1..] {
        difference_update(vm, s, &args[0], o)?;
    }
    Ok(none())
}

fn m_symmetric_difference_update(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "symmetric_difference_update", kw)?;
    let [sv, o] = ArgSpec::exact::<2>(vm, "symmetric_difference_update", args, 1)?;
    let s = self_set(vm, args, "symmetric_difference_update")?;
    symmetric_difference_update(vm, s, &sv, &o)?;
    Ok(none())
}

fn as_set_arg(vm: &mut Vm, o: &Value) -> PyResult<Value> {
    if set_of(o).is_some() {
        Ok(o.clone())
    } else {
        set_from(vm, SET_TYPE.get(), Some(o))
    }
}

fn m_issubset(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "issubset", kw)?;
    let [a, b] = ArgSpec::exact::<2>(vm, "issubset", args, 1)?;
    let b = as_set_arg(vm, &b)?;
    match (set_of(&a), set_of(&b)) {
        (Some(x), Some(y)) => Ok(Value::bool(issubset(vm, x, y)?)),
        _ => Ok(Value::bool(false)),
    }
}

fn m_issuperset(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "issuperset", kw)?;
    let [a, b] = ArgSpec::exact::<2>(vm, "issuperset", args, 1)?;
    let b = as_set_arg(vm, &b)?;
    match (set_of(&a), set_of(&b)) {
        (Some(x), Some(y)) => Ok(Value::bool(issubset(vm, y, x)?)),
        _ => Ok(Value::bool(false)),
    }
}

fn m_isdisjoint(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "isdisjoint", kw)?;
    let [a, b] = ArgSpec::exact::<2>(vm, "isdisjoint", args, 1)?;
    let r = intersection(vm, &a, &b)?;
    Ok(Value::bool(set_of(&r).is_none_or(|s| s.is_empty())))
}

fn set_iter_length_hint(_vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let n = args
        .first()
        .and_then(|v| v.downcast_ref::<NativeIter>())
        .and_then(|ni| set_of(&ni.a()).map(|s| s.len()))
        .unwrap_or(0);
    Ok(Value::int(n as i64))
}

pub(crate) fn init() {
    for st in [&SET_TYPE, &FROZENSET_TYPE] {
        let s = st.get().slots_mut();
        s.repr = Some(set_repr);
        s.len = Some(set_len);
        s.contains = Some(set_contains);
        s.iter = Some(set_iter);
        s.hash = Some(set_hash);
        s.richcompare = Some(set_richcompare);
        s.new = Some(set_new);
        s.init = Some(set_init);
        s.nb[nb::OR] = Some(nb_op::<{ nb::OR }>);
        s.nb[nb::AND] = Some(nb_op::<{ nb::AND }>);
        s.nb[nb::SUBTRACT] = Some(nb_op::<{ nb::SUBTRACT }>);
        s.nb[nb::XOR] = Some(nb_op::<{ nb::XOR }>);
        let methods: &[(&'static str, NativeFn)] = &[
            ("copy", m_copy),
            ("union", m_union),
            ("intersection", m_intersection),
            ("difference", m_difference),
            ("symmetric_difference", m_symmetric_difference),
            ("issubset", m_issubset),
            ("issuperset", m_issuperset),
            ("isdisjoint", m_isdisjoint),
            ("__reduce__", set_reduce),
        ];
        for (n, f) in methods {
            add_method(st, n, *f);
        }
    }
    let s = SET_TYPE.get().slots_mut();
    s.nb[NB_INPLACE + nb::OR] = Some(nb_iop::<{ nb::OR }>);
    s.nb[NB_INPLACE + nb::AND] = Some(nb_iop::<{ nb::AND }>);
    s.nb[NB_INPLACE + nb::SUBTRACT] = Some(nb_iop::<{ nb::SUBTRACT }>);
    s.nb[NB_INPLACE + nb::XOR] = Some(nb_iop::<{ nb::XOR }>);
    let methods: &[(&'static str, NativeFn)] = &[
        ("add", m_add),
        ("discard", m_discard),
        ("remove", m_remove),
        ("pop", m_pop),
        ("clear", m_clear),
        ("update", m_update),
        ("intersection_update", m_intersection_update),
        ("difference_update", m_difference_update),
        ("symmetric_difference_update", m_symmetric_difference_update),
    ];
    for (n, f) in methods {
        add_method(&SET_TYPE, n, *f);
    }
    crate::typeinit::set_attr(SET_TYPE.get(), "__hash__", none());
    let _ = multi;

    // SAFETY: start-up, once.
    unsafe { SET_ITER_TYPE.init(crate::object::LayoutKind::NativeIter, 0, Some(&OBJECT_TYPE)) };
    crate::typeinit::finish_static(SET_ITER_TYPE.get(), "set_iterator");
    let s = SET_ITER_TYPE.get().slots_mut();
    *s = *OBJECT_TYPE.get().slots();
    s.new = None;
    s.init = None;
    s.iter = Some(|_vm, v| Ok(v.clone()));
    s.iternext = Some(set_iter_next);
    add_method(&SET_ITER_TYPE, "__length_hint__", set_iter_length_hint);
    add_method(&SET_ITER_TYPE, "__reduce__", set_iter_reduce);
    crate::typeinit::add_slot_wrappers(SET_ITER_TYPE.get());
}
