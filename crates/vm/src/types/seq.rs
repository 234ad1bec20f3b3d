//! Slots and methods of tuple, list, range, slice and the sequence iterators.

use crate::args::{check_no_kwargs, ArgSpec};
use crate::exception::{ExcKind, PyResult};
use crate::objects::int::as_int;
use crate::objects::iter::{new_seq_iter, SeqIter};
use crate::objects::list::{new_list, new_list_typed, ListObject};
use crate::objects::singletons::{none, not_implemented};
use crate::objects::slice::{adjust_indices, new_slice, SliceObject};
use crate::objects::str::{normalize_index, StrObject};
use crate::objects::tuple::{new_tuple, new_tuple_typed, TupleObject};
use crate::typeinit::{add_getset, add_method};
use crate::typeobj::*;
use crate::types::str_ty::{repeat_count, slice_indices};
use crate::value::Value;
use crate::vm::Vm;

fn items_of(v: &Value) -> Vec<Value> {
    if let Some(t) = v.downcast_ref::<TupleObject>() {
        return t.items().to_vec();
    }
    if let Some(l) = v.downcast_ref::<ListObject>() {
        return l.to_vec();
    }
    Vec::new()
}

/// Repr of a sequence `open items close`, with `...` for recursion.
fn seq_repr(vm: &mut Vm, v: &Value, open: &str, close: &str, single_comma: bool) -> PyResult<Value> {
    let items = items_of(v);
    if items.is_empty() {
        return Ok(vm.new_str(&format!("{open}{close}")));
    }
    if !vm.repr_enter(v) {
        return Ok(vm.new_str(&format!("{open}...{close}")));
    }
    let mut out = String::from(open);
    let mut result = Ok(());
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        match vm.repr_string(it) {
            Ok(s) => out.push_str(&s),
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    vm.repr_leave(v);
    result?;
    if single_comma && items.len() == 1 {
        out.push(',');
    }
    out.push_str(close);
    Ok(vm.new_str(&out))
}

/// Lexicographic comparison of two item lists (list/tuple richcompare).
fn seq_compare(vm: &mut Vm, a: &[Value], b: &[Value], op: CompareOp) -> PyResult<Value> {
    if a.len() != b.len() && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Value::bool(op == CompareOp::Ne));
    }
    let n = a.len().min(b.len());
    for i in 0..n {
        if !vm.rich_eq_bool(&a[i], &b[i])? {
            return match op {
                CompareOp::Eq => Ok(Value::bool(false)),
                CompareOp::Ne => Ok(Value::bool(true)),
                _ => vm.compare(&a[i], &b[i], op),
            };
        }
    }
    Ok(Value::bool(op.test(a.len().cmp(&b.len()))))
}

fn seq_index_or_slice(
    vm: &mut Vm,
    items: &[Value],
    key: &Value,
    what: &str,
    make: fn(Vec<Value>) -> Value,
) -> PyResult<Value> {
    if let Some(sl) = key.downcast_ref::<SliceObject>() {
        let (start, _stop, step, n) = slice_indices(vm, sl, items.len())?;
        return Ok(make(slice_items(items, start, step, n)));
    }
    if as_int(key).is_none() && type_of(key).slots().index.is_none() {
        let msg = format!("{what} indices must be integers or slices, not {}", vm.type_name(key));
        return Err(vm.type_error(msg));
    }
    let i = vm.index_i64(key)?;
    match normalize_index(i, items.len()) {
        Some(ix) => Ok(items[ix].clone()),
        None => Err(vm.new_error(ExcKind::IndexError, format!("{what} index out of range"))),
    }
}

fn seq_contains(vm: &mut Vm, items: &[Value], x: &Value) -> PyResult<bool> {
    for it in items {
        if vm.rich_eq_bool(it, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Item `i` of a list (live: a comparison may have resized it) or tuple.
fn item_at(v: &Value, i: usize) -> Option<Value> {
    if let Some(t) = v.downcast_ref::<TupleObject>() {
        return t.items().get(i).cloned();
    }
    v.downcast_ref::<ListObject>().and_then(|l| l.get(i))
}

fn seq_len(v: &Value) -> usize {
    if let Some(t) = v.downcast_ref::<TupleObject>() {
        return t.items().len();
    }
    v.downcast_ref::<ListObject>().map_or(0, |l| l.len())
}

/// `_PyEval_SliceIndexNotNone`: an index, clamped to the i64 range.
fn slice_index_not_none(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if crate::objects::int::as_int(v).is_none() && type_of(v).slots().index.is_none() {
        return Err(vm.type_error("slice indices must be integers or have an __index__ method"));
    }
    crate::objects::int::index_clamped(vm, v)
}

/// `seq.index(x[, start[, stop]])`: the position, or None when absent.
fn seq_index(vm: &mut Vm, args: &[Value]) -> PyResult<Option<i64>> {
    ArgSpec::range(vm, "index", args, 1, 1, 3)?;
    let start = match args.get(2) {
        Some(x) => Some(slice_index_not_none(vm, x)?),
        None => None,
    };
    let stop = match args.get(3) {
        Some(x) => Some(slice_index_not_none(vm, x)?),
        None => None,
    };
    // Negative bounds count from the length once the arguments are read; the
    // scan re-checks the live length, as CPython's loop does.
    let len = seq_len(&args[0]) as i64;
    let norm = |i: i64| if i < 0 { i.saturating_add(len).max(0) } else { i };
    let start = start.map_or(0, norm);
    let stop = stop.map_or(i64::MAX, norm);
    let mut i = start;
    while i < stop {
        let Some(it) = usize::try_from(i).ok().and_then(|ix| item_at(&args[0], ix)) else { break };
        if vm.rich_eq_bool(&it, &args[1])? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn seq_count(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let [s, x] = ArgSpec::exact::<2>(vm, "count", args, 1)?;
    let mut n = 0;
    let mut i = 0;
    while let Some(it) = item_at(&s, i) {
        if vm.rich_eq_bool(&it, &x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::int(n))
}

// ---- tuple ----

fn tuple_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    seq_repr(vm, v, "(", ")", true)
}

fn tuple_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let items = items_of(v);
    let mut acc: u64 = P5;
    for it in &items {
        let lane = vm.hash(it)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as i64)
}

fn tuple_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if a.downcast_ref::<TupleObject>().is_none() || b.downcast_ref::<TupleObject>().is_none() {
        return Ok(not_implemented());
    }
    seq_compare(vm, &items_of(a), &items_of(b), op)
}

fn tuple_concat(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let Some(y) = b.downcast_ref::<TupleObject>() else {
        let msg = format!("can only concatenate tuple (not \"{}\") to tuple", vm.type_name(b));
        return Err(vm.type_error(msg));
    };
    let mut items = items_of(a);
    items.extend_from_slice(y.items());
    Ok(new_tuple(items))
}

fn tuple_repeat(vm: &mut Vm, a: &Value, n: &Value) -> PyResult<Value> {
    let k = repeat_count(vm, n)?;
    let items = items_of(a);
    if items.len().checked_mul(k).is_none_or(|t| t > (1 << 36)) {
        return Err(vm.new_error(ExcKind::MemoryError, ""));
    }
    if k == 1 && is_exact(a, &TUPLE_TYPE) {
        return Ok(a.clone());
    }
    let mut out = Vec::with_capacity(items.len() * k);
    for _ in 0..k {
        out.extend(items.iter().cloned());
    }
    Ok(new_tuple(out))
}

/// A tuple's items, borrowed: a tuple never changes, and the caller's `v`
/// keeps it alive while Python code (`__index__`, `__eq__`) runs.
fn tuple_items(v: &Value) -> &[Value] {
    v.downcast_ref::<TupleObject>().map_or(&[], |t| t.items())
}

fn tuple_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let items = tuple_items(v);
    if let Some(i) = key.as_small_int() {
        return match normalize_index(i, items.len()) {
            Some(ix) => Ok(items[ix].clone()),
            None => Err(vm.new_error(ExcKind::IndexError, "tuple index out of range")),
        };
    }
    let r = seq_index_or_slice(vm, items, key, "tuple", new_tuple)?;
    // A step-1 slice covering an exact tuple is the tuple itself, as in CPython.
    if let Some(sl) = key.downcast_ref::<crate::objects::slice::SliceObject>() {
        let step_one = sl.step.is_none() || sl.step.as_small_int() == Some(1);
        let same_len = r.downcast_ref::<TupleObject>().is_some_and(|t| t.len() == items.len());
        if step_one && same_len && is_exact(v, &TUPLE_TYPE) {
            return Ok(v.clone());
        }
    }
    Ok(r)
}

fn tuple_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(v.downcast_ref::<TupleObject>().map_or(0, |t| t.len()))
}

fn tuple_contains(vm: &mut Vm, v: &Value, x: &Value) -> PyResult<bool> {
    seq_contains(vm, tuple_items(v), x)
}

fn tuple_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_seq_iter(TUPLE_ITER_TYPE.get(), v.clone()))
}

fn tuple_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let t = cls.downcast_ref::<TypeObject>().unwrap_or(TUPLE_TYPE.get());
    // A subclass with its own __init__ may take keywords (ignored here).
    if super::inherits_method(vm, t, TUPLE_TYPE.get(), "__init__") {
        check_no_kwargs(vm, "tuple", kwnames)?;
    }
    let (args, _) = crate::args::split_kwargs(args, kwnames);
    ArgSpec::range(vm, "tuple", args, 0, 0, 1)?;
    let items = match args.first() {
        None => Vec::new(),
        Some(it) => {
            if is_exact(it, &TUPLE_TYPE) && cls.is(&TUPLE_TYPE.get().as_value()) {
                return Ok(it.clone());
            }
            vm.collect_sized(it)?
        }
    };
    match cls.downcast_ref::<TypeObject>() {
        Some(t) if !std::ptr::eq(t, TUPLE_TYPE.get()) => Ok(new_tuple_typed(t, items.into_iter())),
        _ => Ok(new_tuple(items)),
    }
}

fn tuple_index(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "index", kw)?;
    match seq_index(vm, args)? {
        Some(i) => Ok(Value::int(i)),
        None => Err(vm.value_error("tuple.index(x): x not in tuple")),
    }
}

fn tuple_count(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "count", kw)?;
    seq_count(vm, args)
}

fn tuple_getnewargs(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [t] = ArgSpec::exact::<1>(vm, "__getnewargs__", args, 1)?;
    Ok(new_tuple(vec![new_tuple(items_of(&t))]))
}

// ---- list ----

fn list_of(v: &Value) -> Option<&ListObject> {
    v.downcast_ref::<ListObject>()
}

fn list_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    seq_repr(vm, v, "[", "]", false)
}

fn list_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if list_of(a).is_none() || list_of(b).is_none() {
        return Ok(not_implemented());
    }
    seq_compare(vm, &items_of(a), &items_of(b), op)
}

fn unhashable(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let msg = format!("unhashable type: '{}'", vm.type_name(v));
    Err(vm.type_error(msg))
}

fn list_concat(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let Some(y) = list_of(b) else {
        let msg = format!("can only concatenate list (not \"{}\") to list", vm.type_name(b));
        return Err(vm.type_error(msg));
    };
    let mut items = items_of(a);
    items.extend(y.to_vec());
    Ok(new_list(items))
}

fn list_repeat(vm: &mut Vm, a: &Value, n: &Value) -> PyResult<Value> {
    let k = repeat_count(vm, n)?;
    let items = items_of(a);
    if items.len().checked_mul(k).is_none_or(|t| t > (1 << 36)) {
        return Err(vm.new_error(ExcKind::MemoryError, ""));
    }
    let mut out = Vec::with_capacity(items.len() * k);
    for _ in 0..k {
        out.extend(items.iter().cloned());
    }
    Ok(new_list(out))
}

fn list_iadd(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let Some(l) = list_of(a) else {
        return Ok(not_implemented());
    };
    let items = vm.collect(b)?;
    l.extend(items);
    Ok(a.clone())
}

fn list_imul(vm: &mut Vm, a: &Value, n: &Value) -> PyResult<Value> {
    let Some(l) = list_of(a) else {
        return Ok(not_implemented());
    };
    if as_int(n).is_none() && type_of(n).slots().index.is_none() {
        return Ok(not_implemented());
    }
    let k = repeat_count(vm, n)?;
    let items = l.to_vec();
    if crate::object::allocation_exceeds_memory(items.len() as u128 * k as u128 * 8) {
        return Err(vm.new_error(ExcKind::MemoryError, ""));
    }
    let mut out = Vec::with_capacity(items.len() * k);
    for _ in 0..k {
        out.extend(items.iter().cloned());
    }
    let old = l.replace_all(out);
    drop(old);
    Ok(a.clone())
}

/// The `n` items `start, start+step, ...` (as `slice_indices` computed them
/// for `items.len()`), copied with one allocation.
pub(crate) fn slice_items(items: &[Value], start: i64, step: i64, n: usize) -> Vec<Value> {
    if step == 1 {
        let from = (start.max(0) as usize).min(items.len());
        let to = from.saturating_add(n).min(items.len());
        return items[from..to].to_vec();
    }
    let mut out = Vec::with_capacity(n);
    for k in 0..n {
        if let Some(x) = items.get((start + k as i64 * step) as usize) {
            out.push(x.clone());
        }
    }
    out
}

fn list_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    if let (Some(l), Some(i)) = (list_of(v), key.as_small_int()) {
        return match normalize_index(i, l.len()).and_then(|ix| l.get(ix)) {
            Some(x) => Ok(x),
            None => Err(vm.new_error(ExcKind::IndexError, "list index out of range")),
        };
    }
    if let (Some(l), Some(sl)) = (list_of(v), key.downcast_ref::<SliceObject>()) {
        // Copy only the selected items (index conversion may run Python code,
        // so it happens before the items are borrowed).
        let (start, _stop, step, n) = slice_indices(vm, sl, l.len())?;
        let out = l.with_items(|items| slice_items(items, start, step, n));
        return Ok(new_list(out));
    }
    let items = items_of(v);
    seq_index_or_slice(vm, &items, key, "list", new_list)
}

fn list_setitem(vm: &mut Vm, v: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(l) = list_of(v) else { return Ok(()) };
    if let Some(sl) = key.downcast_ref::<SliceObject>() {
        let indices = slice_indices(vm, sl, l.len())?;
        return list_assign_slice(vm, v, indices, value);
    }
    list_setitem_index(vm, v, key, value)
}

/// `container[start:stop:step]` for an exact list, tuple or str and bounds
/// that are small ints or None (`step` non-zero); `None` for any other
/// container. The dispatch loop answers `a[i:j]` with it without building a
/// slice object.
pub(crate) fn fast_slice(container: &Value, start: Option<i64>, stop: Option<i64>, step: i64) -> Option<Value> {
    if is_exact(container, &LIST_TYPE) {
        let l = list_of(container)?;
        return Some(l.with_items(|items| {
            let (a, _, st, n) = adjust_indices(start, stop, step, items.len());
            new_list(slice_items(items, a, st, n))
        }));
    }
    if is_exact(container, &TUPLE_TYPE) {
        let items = tuple_items(container);
        let (a, _, st, n) = adjust_indices(start, stop, step, items.len());
        if st == 1 && n == items.len() {
            return Some(container.clone());
        }
        return Some(new_tuple(slice_items(items, a, st, n)));
    }
    if is_exact(container, &STR_TYPE) {
        let len = container.downcast_ref::<crate::objects::str::StrObject>()?.len();
        let (a, _, st, n) = adjust_indices(start, stop, step, len);
        return Some(crate::types::str_ty::str_slice(container, a, st, n));
    }
    None
}

/// `list[slice] = value` (or `del list[slice]` when `value` is None) once the
/// slice's indices are computed for the list's length.
pub(crate) fn list_assign_slice(
    vm: &mut Vm,
    v: &Value,
    (start, stop, step, n): (i64, i64, i64, usize),
    value: Option<Value>,
) -> PyResult<()> {
    let Some(l) = list_of(v) else { return Ok(()) };
    {
        match value {
            None => {
                if step == 1 {
                    let removed = l.splice(start as usize, stop.max(start) as usize, Vec::new());
                    drop(removed);
                } else {
                    let mut idx: Vec<usize> = (0..n).map(|k| (start + k as i64 * step) as usize).collect();
                    idx.sort_unstable();
                    let items = l.to_vec();
                    let keep: Vec<Value> = items
                        .into_iter()
                        .enumerate()
                        .filter(|(i, _)| idx.binary_search(i).is_err())
                        .map(|(_, x)| x)
                        .collect();
                    let old = l.replace_all(keep);
                    drop(old);
                }
            }
            Some(val) => {
                let seq = if val.is(v) {
                    l.to_vec()
                } else {
                    vm.collect(&val).map_err(|e| {
                        if e.is_instance(ExcKind::TypeError) {
                            vm.type_error("can only assign an iterable")
                        } else {
                            e
                        }
                    })?
                };
                if step == 1 {
                    let stop = stop.max(start);
                    let removed = l.splice(start as usize, stop as usize, seq);
                    drop(removed);
                } else {
                    if seq.len() != n {
                        return Err(vm.value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            seq.len(),
                            n
                        )));
                    }
                    for (k, x) in seq.into_iter().enumerate() {
                        l.set((start + k as i64 * step) as usize, x);
                    }
                }
            }
        }
        Ok(())
    }
}

fn list_setitem_index(vm: &mut Vm, v: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(l) = list_of(v) else { return Ok(()) };
    if as_int(key).is_none() && type_of(key).slots().index.is_none() {
        let msg = format!("list indices must be integers or slices, not {}", vm.type_name(key));
        return Err(vm.type_error(msg));
    }
    let i = vm.index_i64(key)?;
    let Some(ix) = normalize_index(i, l.len()) else {
        return Err(vm.new_error(ExcKind::IndexError, "list assignment index out of range"));
    };
    match value {
        Some(x) => {
            l.set(ix, x);
        }
        None => {
            let old = l.remove(ix);
            drop(old);
        }
    }
    Ok(())
}

fn list_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(list_of(v).map_or(0, |l| l.len()))
}

fn list_contains(vm: &mut Vm, v: &Value, x: &Value) -> PyResult<bool> {
    let Some(l) = list_of(v) else { return Ok(false) };
    let mut i = 0;
    // Re-read each item: __eq__ may mutate the list.
    while let Some(it) = l.get(i) {
        if vm.rich_eq_bool(&it, x)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

fn list_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_seq_iter(LIST_ITER_TYPE.get(), v.clone()))
}

fn list_new(_vm: &mut Vm, cls: &Value, _args: &[Value], _kwnames: KwNames) -> PyResult<Value> {
    let t = cls.downcast_ref::<TypeObject>().unwrap_or(LIST_TYPE.get());
    Ok(new_list_typed(t, Vec::new()))
}

fn list_init(vm: &mut Vm, obj: &Value, args: &[Value], kwnames: KwNames) -> PyResult<()> {
    // A subclass with its own __new__ may take keywords (ignored here).
    if super::inherits_method(vm, type_of(obj), LIST_TYPE.get(), "__new__") {
        check_no_kwargs(vm, "list", kwnames)?;
    }
    let (args, _) = crate::args::split_kwargs(args, kwnames);
    ArgSpec::range(vm, "list", args, 0, 0, 1)?;
    let Some(l) = list_of(obj) else { return Ok(()) };
    l.clear();
    if let Some(it) = args.first() {
        let items = vm.collect_sized(it)?;
        l.extend(items);
    }
    Ok(())
}

pub(crate) fn list_append(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "append", kw)?;
    let [l, x] = ArgSpec::exact::<2>(vm, "list.append", args, 1)?;
    if let Some(l) = list_of(&l) {
        l.push(x);
    }
    Ok(none())
}

fn list_extend(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "extend", kw)?;
    let [l, it] = ArgSpec::exact::<2>(vm, "list.extend", args, 1)?;
    let items = vm.collect_sized(&it)?;
    if let Some(l) = list_of(&l) {
        l.extend(items);
    }
    Ok(none())
}

fn list_pop(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "pop", kw)?;
    ArgSpec::range(vm, "pop", args, 1, 0, 1)?;
    let Some(l) = list_of(&args[0]) else { return Ok(none()) };
    if l.is_empty() {
        return Err(vm.new_error(ExcKind::IndexError, "pop from empty list"));
    }
    let i = match args.get(1) {
        Some(x) => vm.index_i64(x)?,
        None => -1,
    };
    match normalize_index(i, l.len()).and_then(|ix| l.remove(ix)) {
        Some(v) => Ok(v),
        None => Err(vm.new_error(ExcKind::IndexError, "pop index out of range")),
    }
}

fn list_insert(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "insert", kw)?;
    let [l, i, x] = ArgSpec::exact::<3>(vm, "insert", args, 1)?;
    let Some(l) = list_of(&l) else { return Ok(none()) };
    let i = vm.index_i64(&i)?;
    let len = l.len() as i64;
    let ix = if i < 0 { (i + len).max(0) } else { i.min(len) };
    l.insert(ix as usize, x);
    Ok(none())
}

fn list_remove(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "remove", kw)?;
    let [lv, x] = ArgSpec::exact::<2>(vm, "list.remove", args, 1)?;
    let Some(l) = list_of(&lv) else { return Ok(none()) };
    let mut i = 0;
    while let Some(it) = l.get(i) {
        if vm.rich_eq_bool(&it, &x)? {
            let old = l.remove(i);
            drop(old);
            return Ok(none());
        }
        i += 1;
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn list_index(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "index", kw)?;
    match seq_index(vm, args)? {
        Some(i) => Ok(Value::int(i)),
        None => {
            let r = vm.repr_string(&args[1])?;
            Err(vm.value_error(format!("{r} is not in list")))
        }
    }
}

fn list_count(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "count", kw)?;
    seq_count(vm, args)
}

fn list_clear(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "list.clear", args, kw)?;
    if let Some(l) = args.first().and_then(list_of) {
        l.clear();
    }
    Ok(none())
}

fn list_copy(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "list.copy", args, kw)?;
    Ok(new_list(args.first().map(items_of).unwrap_or_default()))
}

fn list_reversed(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "list.__reversed__", args, kw)?;
    let l = args.first().cloned().unwrap_or_else(none);
    let n = list_of(&l).map_or(0, |x| x.len());
    Ok(crate::builtins::new_list_reverse_iter(l, n))
}

fn list_reverse(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "list.reverse", args, kw)?;
    if let Some(l) = args.first().and_then(list_of) {
        l.reverse();
    }
    Ok(none())
}

/// Stable natural merge sort (Timsort's run structure without galloping) with
/// a fallible less-than that may run Python code. Ascending and strictly
/// descending runs are found and kept, short runs are extended by binary
/// insertion, and runs are merged under Timsort's stack invariants: sorted or
/// reversed input takes n - 1 comparisons, and the worst case stays
/// O(n log n). On an error `items` is still a permutation of its input.
pub fn merge_sort(
    vm: &mut Vm,
    items: &mut Vec<(Value, Value)>,
    lt: &mut dyn FnMut(&mut Vm, &Value, &Value) -> PyResult<bool>,
) -> PyResult<()> {
    let n = items.len();
    if n < 2 {
        return Ok(());
    }
    let minrun = min_run_length(n);
    // (start, length) of the pending runs, left to right.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut tmp: Vec<(Value, Value)> = Vec::new();
    let mut lo = 0;
    while lo < n {
        let mut hi = lo + 1;
        if hi < n {
            if lt(vm, &items[hi].0, &items[hi - 1].0)? {
                hi += 1;
                while hi < n && lt(vm, &items[hi].0, &items[hi - 1].0)? {
                    hi += 1;
                }
                // Strictly descending: reversing keeps stability.
                items[lo..hi].reverse();
            } else {
                hi += 1;
                while hi < n && !lt(vm, &items[hi].0, &items[hi - 1].0)? {
                    hi += 1;
                }
            }
        }
        let end = (lo + minrun).min(n);
        if hi < end {
            binary_insertion(vm, &mut items[lo..end], hi - lo, lt)?;
            hi = end;
        }
        runs.push((lo, hi - lo));
        lo = hi;
        // Timsort's merge_collapse (with the 2015 fix on the fourth run).
        loop {
            let k = runs.len();
            if k < 2 {
                break;
            }
            let len = |i: usize| runs[i].1;
            let at = if (k >= 3 && len(k - 3) <= len(k - 2) + len(k - 1))
                || (k >= 4 && len(k - 4) <= len(k - 3) + len(k - 2))
            {
                if len(k - 3) < len(k - 1) {
                    k - 3
                } else {
                    k - 2
                }
            } else if len(k - 2) <= len(k - 1) {
                k - 2
            } else {
                break;
            };
            merge_runs_at(vm, items, &mut runs, at, &mut tmp, lt)?;
        }
    }
    while runs.len() > 1 {
        let k = runs.len();
        let at = if k >= 3 && runs[k - 3].1 < runs[k - 1].1 { k - 3 } else { k - 2 };
        merge_runs_at(vm, items, &mut runs, at, &mut tmp, lt)?;
    }
    Ok(())
}

/// CPython's minrun: n itself below 64, else a value in [32, 64] such that
/// n / minrun is a power of two or just under one.
fn min_run_length(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// Sorts `run` whose first `sorted` items are already in order.
fn binary_insertion(
    vm: &mut Vm,
    run: &mut [(Value, Value)],
    sorted: usize,
    lt: &mut dyn FnMut(&mut Vm, &Value, &Value) -> PyResult<bool>,
) -> PyResult<()> {
    for i in sorted.max(1)..run.len() {
        let mut lo = 0;
        let mut hi = i;
        while lo < hi {
            let mid = (lo + hi) / 2;
            if lt(vm, &run[i].0, &run[mid].0)? {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        run[lo..=i].rotate_right(1);
    }
    Ok(())
}

/// Merges runs `at` and `at + 1` (adjacent) in place.
fn merge_runs_at(
    vm: &mut Vm,
    items: &mut [(Value, Value)],
    runs: &mut Vec<(usize, usize)>,
    at: usize,
    tmp: &mut Vec<(Value, Value)>,
    lt: &mut dyn FnMut(&mut Vm, &Value, &Value) -> PyResult<bool>,
) -> PyResult<()> {
    let (lo, left_len) = runs[at];
    let right_len = runs[at + 1].1;
    runs[at].1 = left_len + right_len;
    runs.remove(at + 1);
    let mid = lo + left_len;
    let hi = mid + right_len;
    // Already in order (common for presorted data): one comparison.
    if !lt(vm, &items[mid].0, &items[mid - 1].0)? {
        return Ok(());
    }
    tmp.clear();
    tmp.extend_from_slice(&items[lo..mid]);
    let (mut li, mut ri, mut out) = (0, mid, lo);
    while li < tmp.len() && ri < hi {
        // Take from the right only when strictly smaller (stability).
        match lt(vm, &items[ri].0, &tmp[li].0) {
            Ok(true) => {
                items[out] = items[ri].clone();
                ri += 1;
            }
            Ok(false) => {
                items[out] = tmp[li].clone();
                li += 1;
            }
            Err(e) => {
                // The unmerged left items fill exactly the gap up to `ri`.
                items[out..ri].clone_from_slice(&tmp[li..]);
                tmp.clear();
                return Err(e);
            }
        }
        out += 1;
    }
    // Left leftovers fill the gap before `ri`; right leftovers are in place.
    items[out..out + tmp.len() - li].clone_from_slice(&tmp[li..]);
    tmp.clear();
    Ok(())
}

/// The less-than used when every key has one type whose order needs no
/// Python code (CPython's pre-sort key type check).
fn homogeneous_lt(keys: &[(Value, Value)]) -> Option<fn(&Value, &Value) -> bool> {
    let first = &keys.first()?.0;
    if keys.iter().all(|k| k.0.as_small_int().is_some()) {
        return Some(|a, b| a.as_small_int() < b.as_small_int());
    }
    if keys.iter().all(|k| k.0.is_float()) {
        return Some(|a, b| a.float_unchecked() < b.float_unchecked());
    }
    if is_exact(first, &STR_TYPE) && keys.iter().all(|k| is_exact(&k.0, &STR_TYPE)) {
        return Some(|a, b| match (a.downcast_ref::<StrObject>(), b.downcast_ref::<StrObject>()) {
            (Some(x), Some(y)) => x.cmp_str(y) == std::cmp::Ordering::Less,
            _ => false,
        });
    }
    None
}

/// `list.sort(*, key=None, reverse=False)`.
pub fn list_sort(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let Some(l) = args.first().and_then(list_of) else {
        return Ok(none());
    };
    let a = ArgSpec::parse(vm, "sort", &args[1..], kw, &["key", "reverse"], 0, 0)?;
    let key = a[0].clone().filter(|k| !k.is_none());
    let reverse = match &a[1] {
        Some(r) => vm.is_true(r)?,
        None => false,
    };
    // The list is empty while sorting so that mutation can be detected.
    let mut values = l.replace_all(Vec::new());
    if reverse {
        values.reverse();
    }
    let mut keyed: Vec<(Value, Value)> = Vec::with_capacity(values.len());
    let mut err = None;
    for v in values {
        let k = match &key {
            Some(f) => match vm.call1(f, v.clone()) {
                Ok(k) => k,
                Err(e) => {
                    err = Some(e);
                    keyed.push((v.clone(), v));
                    continue;
                }
            },
            None => v.clone(),
        };
        keyed.push((k, v));
    }
    let result = match err {
        Some(e) => Err(e),
        None => match homogeneous_lt(&keyed) {
            Some(fast) => merge_sort(vm, &mut keyed, &mut |_, a, b| Ok(fast(a, b))),
            None => merge_sort(vm, &mut keyed, &mut |vm, a, b| {
                if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
                    return Ok(x < y);
                }
                vm.compare_bool(a, b, CompareOp::Lt)
            }),
        },
    };
    let mut sorted: Vec<Value> = keyed.into_iter().map(|(_, v)| v).collect();
    if reverse {
        sorted.reverse();
    }
    let modified = !l.is_empty();
    let old = l.replace_all(sorted);
    drop(old);
    result?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(none())
}

// ---- iterators ----

fn seq_iter_next(_vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    Ok(it.downcast_ref::<SeqIter>().and_then(SeqIter::next_item))
}

fn generic_iter_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let Some(si) = it.downcast_ref::<SeqIter>() else {
        return Ok(None);
    };
    let seq = si.seq();
    if seq.is_null() {
        return Ok(None);
    }
    let i = si.index.get();
    match vm.getitem(&seq, &Value::int(i as i64)) {
        Ok(v) => {
            si.index.set(i + 1);
            Ok(Some(v))
        }
        Err(e) if e.is_instance(ExcKind::IndexError) || e.is_instance(ExcKind::StopIteration) => {
            si.finish();
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

fn self_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

/// `__reduce__` of the sequence iterators: `(iter, (seq,), index)`, or once
/// exhausted `(iter, (empty,))` with the empty sequence CPython uses for
/// that iterator type.
pub(crate) fn seq_iter_reduce(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let it = args.first().cloned().unwrap_or_else(none);
    if args.len() > 1 || kw.is_some_and(|k| k.downcast_ref::<TupleObject>().is_some_and(|t| !t.is_empty())) {
        let qualname = format!("{}.__reduce__", type_of(&it).name_string());
        crate::args::no_args(vm, &qualname, args, kw)?;
    }
    // Looked up first: the lookup may run Python code that exhausts `it`.
    let iter = crate::builtins::get_builtin(vm, "iter")?;
    let Some(si) = it.downcast_ref::<SeqIter>() else {
        return Ok(none());
    };
    let seq = si.seq();
    if seq.is_null() {
        let t = type_of(&it);
        let empty = if std::ptr::eq(t, LIST_ITER_TYPE.get()) {
            new_list(Vec::new())
        } else if std::ptr::eq(t, STR_ITER_TYPE.get()) {
            crate::objects::str::new_str("")
        } else {
            new_tuple(Vec::new())
        };
        return Ok(new_tuple(vec![iter, new_tuple(vec![empty])]));
    }
    Ok(new_tuple(vec![iter, new_tuple(vec![seq]), Value::int(si.index.get() as i64)]))
}

/// `__setstate__(index)` of the sequence iterators: the index, clipped to
/// the sequence (the `__getitem__` iterator has no length to clip to).
pub(crate) fn seq_iter_setstate(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "__setstate__", kw)?;
    let [it, state] = ArgSpec::exact::<2>(vm, "__setstate__", args, 1)?;
    let index = crate::builtins::ssize_arg(vm, &state)?;
    let Some(si) = it.downcast_ref::<SeqIter>() else {
        return Ok(none());
    };
    let seq = si.seq();
    if seq.is_null() {
        return Ok(none());
    }
    let mut index = index.max(0) as usize;
    if !std::ptr::eq(type_of(&it), SEQ_ITER_TYPE.get()) {
        index = index.min(vm.len(&seq)?);
    }
    si.index.set(index);
    Ok(none())
}

fn seq_iter_length_hint(_vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let Some(si) = args.first().and_then(|v| v.downcast_ref::<SeqIter>()) else {
        return Ok(Value::int(0));
    };
    let seq = si.seq();
    let len = if let Some(l) = seq.downcast_ref::<ListObject>() {
        l.len()
    } else if let Some(t) = seq.downcast_ref::<TupleObject>() {
        t.len()
    } else if let Some(s) = seq.downcast_ref::<crate::objects::str::StrObject>() {
        s.len()
    } else {
        0
    };
    Ok(Value::int(len.saturating_sub(si.index.get()) as i64))
}

// ---- slice ----

fn slice_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(s) = v.downcast_ref::<SliceObject>() else {
        return Ok(vm.new_str("slice()"));
    };
    let (a, b, c) = (s.start.clone(), s.stop.clone(), s.step.clone());
    let text = format!(
        "slice({}, {}, {})",
        vm.repr_string(&a)?,
        vm.repr_string(&b)?,
        vm.repr_string(&c)?
    );
    Ok(vm.new_str(&text))
}

fn slice_new(vm: &mut Vm, _cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "slice", kwnames)?;
    match args.len() {
        1 => Ok(new_slice(none(), args[0].clone(), none())),
        2 => Ok(new_slice(args[0].clone(), args[1].clone(), none())),
        3 => Ok(new_slice(args[0].clone(), args[1].clone(), args[2].clone())),
        0 => Err(vm.type_error("slice expected at least 1 argument, got 0")),
        n => Err(vm.type_error(format!("slice expected at most 3 arguments, got {n}"))),
    }
}

fn slice_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast_ref::<SliceObject>(), b.downcast_ref::<SliceObject>()) else {
        return Ok(not_implemented());
    };
    let ta = new_tuple(vec![x.start.clone(), x.stop.clone(), x.step.clone()]);
    let tb = new_tuple(vec![y.start.clone(), y.stop.clone(), y.step.clone()]);
    vm.compare(&ta, &tb, op)
}

fn slice_start(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.downcast_ref::<SliceObject>().map_or_else(none, |s| s.start.clone()))
}

fn slice_stop(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.downcast_ref::<SliceObject>().map_or_else(none, |s| s.stop.clone()))
}

fn slice_step(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.downcast_ref::<SliceObject>().map_or_else(none, |s| s.step.clone()))
}

/// `slice.indices(length)`: exact for any size (`_PySlice_GetLongIndices`).
fn slice_indices_method(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "indices", kw)?;
    let [s, n] = ArgSpec::exact::<2>(vm, "slice.indices", args, 1)?;
    let len = crate::objects::int::as_int(&vm.index(&n)?).map(|i| i.to_bigint()).unwrap_or_default();
    if len < num_bigint::BigInt::from(0) {
        return Err(vm.value_error("length should not be negative"));
    }
    let Some(sl) = s.downcast_ref::<SliceObject>() else {
        return Ok(none());
    };
    let step = if sl.step.is_none() {
        num_bigint::BigInt::from(1)
    } else {
        let st = crate::types::range_ty::slice_index(vm, &sl.step)?;
        if st == num_bigint::BigInt::from(0) {
            return Err(vm.value_error("slice step cannot be zero"));
        }
        st
    };
    let neg = step < num_bigint::BigInt::from(0);
    let start = crate::types::range_ty::slice_bound(vm, &sl.start, &len, neg, !neg)?;
    let stop = crate::types::range_ty::slice_bound(vm, &sl.stop, &len, neg, neg)?;
    use crate::objects::int::int_from_big;
    Ok(new_tuple(vec![int_from_big(start), int_from_big(stop), int_from_big(step)]))
}

/// `slice.__reduce__`: `(slice, (start, stop, step))`.
fn slice_reduce(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "slice.__reduce__", args, kw)?;
    let Some(sl) = args.first().and_then(|v| v.downcast_ref::<SliceObject>()) else {
        return Ok(none());
    };
    Ok(new_tuple(vec![
        SLICE_TYPE.get().as_value(),
        new_tuple(vec![sl.start.clone(), sl.stop.clone(), sl.step.clone()]),
    ]))
}

pub(crate) fn init() {
    let s = TUPLE_TYPE.get().slots_mut();
    s.repr = Some(tuple_repr);
    s.hash = Some(tuple_hash);
    s.richcompare = Some(tuple_richcompare);
    s.concat = Some(tuple_concat);
    s.repeat = Some(tuple_repeat);
    s.getitem = Some(tuple_getitem);
    s.len = Some(tuple_len);
    s.contains = Some(tuple_contains);
    s.iter = Some(tuple_iter);
    s.new = Some(tuple_new);
    add_method(&TUPLE_TYPE, "index", tuple_index);
    add_method(&TUPLE_TYPE, "count", tuple_count);
    add_method(&TUPLE_TYPE, "__getnewargs__", tuple_getnewargs);

    let s = LIST_TYPE.get().slots_mut();
    s.repr = Some(list_repr);
    s.hash = Some(unhashable);
    s.richcompare = Some(list_richcompare);
    s.concat = Some(list_concat);
    s.repeat = Some(list_repeat);
    s.nb[NB_INPLACE + nb::ADD] = Some(list_iadd);
    s.nb[NB_INPLACE + nb::MULTIPLY] = Some(list_imul);
    s.getitem = Some(list_getitem);
    s.setitem = Some(list_setitem);
    s.len = Some(list_len);
    s.contains = Some(list_contains);
    s.iter = Some(list_iter);
    s.new = Some(list_new);
    s.init = Some(list_init);
    let methods: &[(&'static str, NativeFn)] = &[
        ("append", list_append),
        ("extend", list_extend),
        ("pop", list_pop),
        ("insert", list_insert),
        ("remove", list_remove),
        ("index", list_index),
        ("count", list_count),
        ("clear", list_clear),
        ("copy", list_copy),
        ("reverse", list_reverse),
        ("__reversed__", list_reversed),
        ("sort", list_sort),
    ];
    for (n, f) in methods {
        add_method(&LIST_TYPE, n, *f);
    }
    crate::typeinit::set_attr(LIST_TYPE.get(), "__hash__", none());

    for st in [&LIST_ITER_TYPE, &TUPLE_ITER_TYPE] {
        let s = st.get().slots_mut();
        s.iter = Some(self_iter);
        s.iternext = Some(seq_iter_next);
        add_method(st, "__length_hint__", seq_iter_length_hint);
    }
    for st in [&LIST_ITER_TYPE, &TUPLE_ITER_TYPE, &STR_ITER_TYPE, &SEQ_ITER_TYPE] {
        add_method(st, "__reduce__", seq_iter_reduce);
        add_method(st, "__setstate__", seq_iter_setstate);
    }
    let s = SEQ_ITER_TYPE.get().slots_mut();
    s.iter = Some(self_iter);
    s.iternext = Some(generic_iter_next);
    add_method(&STR_ITER_TYPE, "__length_hint__", seq_iter_length_hint);

    crate::types::range_ty::init();

    let s = SLICE_TYPE.get().slots_mut();
    s.repr = Some(slice_repr);
    s.new = Some(slice_new);
    s.richcompare = Some(slice_richcompare);
    s.hash = Some(unhashable);
    crate::typeinit::set_attr(SLICE_TYPE.get(), "__hash__", crate::objects::singletons::none());
    add_getset(&SLICE_TYPE, "start", slice_start, None);
    add_getset(&SLICE_TYPE, "stop", slice_stop, None);
    add_getset(&SLICE_TYPE, "step", slice_step, None);
    add_method(&SLICE_TYPE, "indices", slice_indices_method);
    add_method(&SLICE_TYPE, "__reduce__", slice_reduce);
}
