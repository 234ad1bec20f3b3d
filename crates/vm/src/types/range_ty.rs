//! Slots and methods of `range`, its iterators (`range_iterator` for
//! machine-sized ranges, `longrange_iterator` beyond), as CPython's
//! `Objects/rangeobject.c`: bounds of any size, exact arithmetic.

use crate::args::{check_no_kwargs, no_args, ArgSpec};
use crate::exception::{ExcKind, PyResult};
use crate::modules::{init_native_type, NativeType};
use crate::object::LayoutKind;
use crate::objects::int::{as_int, int_from_big, is_bool, IntView};
use crate::objects::list::new_list;
use crate::objects::native::{new_native, NativeData};
use crate::objects::range::{new_range, new_range_big, new_range_iter, RangeIter, RangeObject};
use crate::objects::singletons::{none, not_implemented};
use crate::objects::slice::SliceObject;
use crate::objects::tuple::new_tuple;
use crate::typeinit::{add_getset, add_method};
use crate::typeobj::*;
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cell::RefCell;

fn range_of(v: &Value) -> Option<&RangeObject> {
    v.downcast_ref::<RangeObject>()
}

fn big_of(v: &Value) -> BigInt {
    as_int(v).map(|i| i.to_bigint()).unwrap_or_default()
}

fn ssize_overflow(vm: &mut Vm) -> crate::exception::PyErr {
    vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C ssize_t")
}

fn range_new(vm: &mut Vm, _cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "range", kwnames)?;
    if args.is_empty() {
        return Err(vm.type_error("range expected at least 1 argument, got 0"));
    }
    if args.len() > 3 {
        let msg = format!("range expected at most 3 arguments, got {}", args.len());
        return Err(vm.type_error(msg));
    }
    let mut v: Vec<Value> = Vec::with_capacity(3);
    for a in args {
        v.push(vm.index(a)?);
    }
    let small: Vec<Option<i64>> = v.iter().map(|x| as_int(x).and_then(|i| i.to_i64())).collect();
    let (start, stop, step) = match v.len() {
        1 => (Value::int(0), v[0].clone(), Value::int(1)),
        2 => (v[0].clone(), v[1].clone(), Value::int(1)),
        _ => (v[0].clone(), v[1].clone(), v[2].clone()),
    };
    if as_int(&step).is_some_and(|s| s.is_zero()) {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    if small.iter().all(Option::is_some) {
        let f = |x: &Value| as_int(x).and_then(|i| i.to_i64()).unwrap_or(0);
        return Ok(new_range(f(&start), f(&stop), f(&step)));
    }
    Ok(new_range_big(big_of(&start), big_of(&stop), big_of(&step)))
}

fn range_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(r) = range_of(v) else {
        return Ok(vm.new_str("range()"));
    };
    let (start, stop, step, _) = r.parts();
    let dec = |vm: &mut Vm, b: &BigInt| crate::objects::int::int_to_decimal(vm, IntView::Big(b));
    let s = if step.is_one() {
        format!("range({}, {})", dec(vm, &start)?, dec(vm, &stop)?)
    } else {
        format!("range({}, {}, {})", dec(vm, &start)?, dec(vm, &stop)?, dec(vm, &step)?)
    };
    Ok(vm.new_str(&s))
}

fn range_len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let Some(r) = range_of(v) else { return Ok(0) };
    let n = match &r.big {
        Some(b) => b.len.to_u64(),
        None => Some(r.len),
    };
    match n.filter(|&n| n <= isize::MAX as u64) {
        Some(n) => Ok(n as usize),
        None => Err(ssize_overflow(vm)),
    }
}

fn range_bool(_vm: &mut Vm, v: &Value) -> PyResult<bool> {
    Ok(range_of(v).is_some_and(|r| match &r.big {
        Some(b) => !b.len.is_zero(),
        None => r.len > 0,
    }))
}

// ---- longrange_iterator ----

struct LongRangeIter {
    /// (next item, items left).
    state: RefCell<(BigInt, BigInt)>,
    step: BigInt,
    /// The first item and the item count, for `__reduce__`/`__setstate__`.
    start: BigInt,
    len: BigInt,
}

impl NativeData for LongRangeIter {}

static LONGRANGE_ITER: NativeType = NativeType::new();

fn self_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

fn longrange_next(_vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(it) = v.native_ref::<LongRangeIter>() else {
        return Ok(None);
    };
    let mut st = it.state.borrow_mut();
    if !st.1.is_positive() {
        return Ok(None);
    }
    let cur = st.0.clone();
    st.0 += &it.step;
    st.1 -= 1u32;
    Ok(Some(int_from_big(cur)))
}

fn longrange_length_hint(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [v] = ArgSpec::exact::<1>(vm, "__length_hint__", args, 1)?;
    let n = v
        .native_ref::<LongRangeIter>()
        .map(|it| it.state.borrow().1.clone())
        .unwrap_or_default();
    Ok(int_from_big(n))
}

/// `(iter, (range(start, stop, step),), index)`: what CPython's range
/// iterators pickle as.
fn range_iter_reduction(vm: &mut Vm, start: &BigInt, step: &BigInt, len: &BigInt, index: BigInt) -> PyResult<Value> {
    let iter = crate::builtins::get_builtin(vm, "iter")?;
    let stop = start + len * step;
    let range = new_range_big(start.clone(), stop, step.clone());
    Ok(new_tuple(vec![iter, new_tuple(vec![range]), int_from_big(index)]))
}

fn longrange_reduce(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    no_args(vm, "longrange_iterator.__reduce__", args, kw)?;
    let Some(it) = args.first().and_then(|v| v.native_ref::<LongRangeIter>()) else {
        return Ok(none());
    };
    let index = &it.len - &it.state.borrow().1;
    range_iter_reduction(vm, &it.start, &it.step, &it.len, index)
}

fn longrange_setstate(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "__setstate__", kw)?;
    let [v, state] = ArgSpec::exact::<2>(vm, "__setstate__", args, 1)?;
    let Some(it) = v.native_ref::<LongRangeIter>() else {
        return Ok(none());
    };
    let Some(index) = as_int(&state).map(|i| i.to_bigint()) else {
        let msg = format!("'<' not supported between instances of '{}' and 'int'", vm.type_name(&state));
        return Err(vm.type_error(msg));
    };
    // Silently clipped to the iterator's range, as CPython does.
    let index = index.max(BigInt::zero()).min(it.len.clone());
    let next = &it.start + &index * &it.step;
    *it.state.borrow_mut() = (next, &it.len - index);
    Ok(none())
}

fn range_iter_reduce(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    no_args(vm, "range_iterator.__reduce__", args, kw)?;
    let Some(r) = args.first().and_then(|v| v.downcast_ref::<RangeIter>()) else {
        return Ok(none());
    };
    let index = BigInt::from(r.len - r.remaining.get());
    range_iter_reduction(vm, &BigInt::from(r.start), &BigInt::from(r.step), &BigInt::from(r.len), index)
}

fn range_iter_setstate(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "__setstate__", kw)?;
    let [v, state] = ArgSpec::exact::<2>(vm, "__setstate__", args, 1)?;
    let Some(r) = v.downcast_ref::<RangeIter>() else {
        return Ok(none());
    };
    let index = c_long(vm, &state)?;
    // Silently clipped: below 0 is 0, past the end is exhausted.
    let index = (index.max(0) as u64).min(r.len);
    r.remaining.set(r.len - index);
    r.next.set(r.start.wrapping_add((index as i64).wrapping_mul(r.step)));
    Ok(none())
}

/// `PyLong_AsLong`: an int (or `__index__`) that fits a C long.
fn c_long(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let i = vm.index(v)?;
    match as_int(&i).and_then(|i| i.to_i64()) {
        Some(n) => Ok(n),
        None => Err(vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C long")),
    }
}

fn longrange_iter(start: BigInt, step: BigInt, len: BigInt) -> Value {
    let ty = LONGRANGE_ITER.get_or_init(|st| {
        init_native_type(st, "builtins", "longrange_iterator", LayoutKind::Native, &OBJECT_TYPE, 0, |s| {
            s.iter = Some(self_iter);
            s.iternext = Some(longrange_next);
        });
        add_method(st, "__length_hint__", longrange_length_hint);
        add_method(st, "__reduce__", longrange_reduce);
        add_method(st, "__setstate__", longrange_setstate);
    });
    new_native(
        ty,
        LongRangeIter {
            state: RefCell::new((start.clone(), len.clone())),
            step,
            start,
            len,
        },
    )
}

fn range_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(r) = range_of(v) else { return Ok(none()) };
    match &r.big {
        None => Ok(new_range_iter(r)),
        Some(b) => Ok(longrange_iter(b.start.clone(), b.step.clone(), b.len.clone())),
    }
}

/// `range.__reversed__`.
fn range_reversed(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "__reversed__", kw)?;
    let [v] = ArgSpec::exact::<1>(vm, "__reversed__", args, 1)?;
    let Some(r) = range_of(&v) else { return Ok(none()) };
    if r.big.is_none() {
        if r.len == 0 {
            return Ok(new_range_iter_of(0, 0, 1));
        }
        let last = r.item(r.len - 1);
        if let (Some(neg), Some(stop)) = (r.step.checked_neg(), r.start.checked_sub(r.step)) {
            return Ok(new_range_iter_of(last, stop, neg));
        }
    }
    let (start, _stop, step, len) = r.parts();
    if len.is_zero() {
        return Ok(new_range_iter_of(0, 0, 1));
    }
    let last = &start + (&len - 1u32) * &step;
    Ok(longrange_iter(last, -step, len))
}

fn new_range_iter_of(start: i64, stop: i64, step: i64) -> Value {
    let r = new_range(start, stop, step);
    match range_of(&r) {
        Some(ro) => new_range_iter(ro),
        None => none(),
    }
}

/// A slice bound as CPython's `_PySlice_GetLongIndices` clamps it.
pub(crate) fn slice_bound(
    vm: &mut Vm,
    v: &Value,
    len: &BigInt,
    negative_step: bool,
    default_low: bool,
) -> PyResult<BigInt> {
    let (lower, upper) = if negative_step {
        (BigInt::from(-1), len - 1u32)
    } else {
        (BigInt::zero(), len.clone())
    };
    if v.is_none() {
        return Ok(if default_low { lower } else { upper });
    }
    let i = slice_index(vm, v)?;
    let mut i = i;
    if i.is_negative() {
        i += len;
        if i < lower {
            i = lower;
        }
    } else if i > upper {
        i = upper;
    }
    Ok(i)
}

pub(crate) fn slice_index(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if as_int(v).is_none() && type_of(v).slots().index.is_none() {
        return Err(vm.type_error("slice indices must be integers or None or have an __index__ method"));
    }
    let i = vm.index(v)?;
    Ok(big_of(&i))
}

fn range_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let Some(r) = range_of(v) else { return Ok(none()) };
    if let Some(sl) = key.downcast_ref::<SliceObject>() {
        let (start, _stop, step, len) = r.parts();
        let sstep = if sl.step.is_none() {
            BigInt::one()
        } else {
            let s = slice_index(vm, &sl.step)?;
            if s.is_zero() {
                return Err(vm.value_error("slice step cannot be zero"));
            }
            s
        };
        let neg = sstep.is_negative();
        let sstart = slice_bound(vm, &sl.start, &len, neg, !neg)?;
        let sstop = slice_bound(vm, &sl.stop, &len, neg, neg)?;
        let nstart = &start + &sstart * &step;
        let nstop = &start + &sstop * &step;
        return Ok(new_range_big(nstart, nstop, step * sstep));
    }
    if as_int(key).is_none() && type_of(key).slots().index.is_none() {
        let msg = format!("range indices must be integers or slices, not {}", vm.type_name(key));
        return Err(vm.type_error(msg));
    }
    let i = vm.index(key)?;
    if r.big.is_none() {
        if let Some(i) = as_int(&i).and_then(|x| x.to_i64()) {
            let len = r.len as i128;
            let j = if i < 0 { i as i128 + len } else { i as i128 };
            if j < 0 || j >= len {
                return Err(vm.new_error(ExcKind::IndexError, "range object index out of range"));
            }
            return Ok(Value::int(r.item(j as u64)));
        }
    }
    let (start, _stop, step, len) = r.parts();
    let mut j = big_of(&i);
    if j.is_negative() {
        j += &len;
    }
    if j.is_negative() || j >= len {
        return Err(vm.new_error(ExcKind::IndexError, "range object index out of range"));
    }
    Ok(int_from_big(start + j * step))
}

/// Whether the int `x` is an item of the range (arithmetic, no iteration).
fn contains_int(r: &RangeObject, x: IntView) -> bool {
    if r.big.is_none() {
        if let Some(i) = x.to_i64() {
            if r.len == 0 {
                return false;
            }
            let off = i as i128 - r.start as i128;
            let in_bounds = if r.step > 0 {
                i >= r.start && i < r.stop
            } else {
                i <= r.start && i > r.stop
            };
            return in_bounds && off % r.step as i128 == 0;
        }
    }
    let (start, stop, step, len) = r.parts();
    if len.is_zero() {
        return false;
    }
    let x = x.to_bigint();
    let in_bounds = if step.is_positive() {
        x >= start && x < stop
    } else {
        x <= start && x > stop
    };
    in_bounds && (x - start).mod_floor(&step).is_zero()
}

fn is_exact_int(x: &Value) -> bool {
    x.is_small_int() || is_exact(x, &INT_TYPE) || is_bool(x)
}

fn range_contains(vm: &mut Vm, v: &Value, x: &Value) -> PyResult<bool> {
    let Some(r) = range_of(v) else { return Ok(false) };
    if is_exact_int(x) {
        if let Some(i) = as_int(x) {
            return Ok(contains_int(r, i));
        }
    }
    // Anything else: compare item by item, as CPython's generic search.
    let it = range_iter(vm, v)?;
    while let Some(item) = vm.next(&it)? {
        if vm.rich_eq_bool(&item, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn range_richcompare(_vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (range_of(a), range_of(b)) else {
        return Ok(not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let (xs, _, xst, xl) = x.parts();
    let (ys, _, yst, yl) = y.parts();
    let eq = xl == yl && (xl.is_zero() || (xs == ys && (xl.is_one() || xst == yst)));
    Ok(Value::bool(eq == (op == CompareOp::Eq)))
}

fn range_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let Some(r) = range_of(v) else { return Ok(0) };
    let (start, _, step, len) = r.parts();
    let t = if len.is_zero() {
        new_tuple(vec![Value::int(0), none(), none()])
    } else if len.is_one() {
        new_tuple(vec![Value::int(1), int_from_big(start), none()])
    } else {
        new_tuple(vec![int_from_big(len), int_from_big(start), int_from_big(step)])
    };
    vm.hash(&t)
}

fn range_start(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(range_of(v).map_or_else(|| Value::int(0), |r| match &r.big {
        Some(b) => int_from_big(b.start.clone()),
        None => Value::int(r.start),
    }))
}

fn range_stop(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(range_of(v).map_or_else(|| Value::int(0), |r| match &r.big {
        Some(b) => int_from_big(b.stop.clone()),
        None => Value::int(r.stop),
    }))
}

fn range_step(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(range_of(v).map_or_else(|| Value::int(1), |r| match &r.big {
        Some(b) => int_from_big(b.step.clone()),
        None => Value::int(r.step),
    }))
}

fn range_index(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [rv, x] = ArgSpec::exact::<2>(vm, "index", args, 1)?;
    let Some(r) = range_of(&rv) else { return Ok(none()) };
    if is_exact_int(&x) {
        if let Some(i) = as_int(&x) {
            if contains_int(r, i) {
                let (start, _, step, _) = r.parts();
                return Ok(int_from_big((i.to_bigint() - start) / step));
            }
            let rs = vm.repr_string(&x)?;
            return Err(vm.value_error(format!("{rs} is not in range")));
        }
    }
    let it = range_iter(vm, &rv)?;
    let mut k: i64 = 0;
    while let Some(item) = vm.next(&it)? {
        if vm.rich_eq_bool(&item, &x)? {
            return Ok(Value::int(k));
        }
        k += 1;
    }
    Err(vm.value_error("sequence.index(x): x not in sequence"))
}

fn range_count(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [rv, x] = ArgSpec::exact::<2>(vm, "count", args, 1)?;
    let Some(r) = range_of(&rv) else { return Ok(Value::int(0)) };
    if is_exact_int(&x) {
        if let Some(i) = as_int(&x) {
            return Ok(Value::int(i64::from(contains_int(r, i))));
        }
    }
    let it = range_iter(vm, &rv)?;
    let mut n: i64 = 0;
    while let Some(item) = vm.next(&it)? {
        if vm.rich_eq_bool(&item, &x)? {
            n += 1;
        }
    }
    Ok(Value::int(n))
}

fn range_reduce(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [rv] = ArgSpec::exact::<1>(vm, "__reduce__", args, 1)?;
    let start = range_start(vm, &rv)?;
    let stop = range_stop(vm, &rv)?;
    let step = range_step(vm, &rv)?;
    Ok(new_tuple(vec![
        RANGE_TYPE.get().as_value(),
        new_tuple(vec![start, stop, step]),
    ]))
}

fn range_iter_next(_vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    Ok(it
        .downcast_ref::<RangeIter>()
        .and_then(|r| r.next_i64())
        .map(Value::int))
}

fn range_iter_length_hint(_vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let n = args
        .first()
        .and_then(|v| v.downcast_ref::<RangeIter>())
        .map_or(0, |r| r.remaining.get());
    Ok(crate::objects::int::int_from_u64(n))
}

pub(crate) fn init() {
    let s = RANGE_TYPE.get().slots_mut();
    s.repr = Some(range_repr);
    s.len = Some(range_len);
    s.bool = Some(range_bool);
    s.iter = Some(range_iter);
    s.getitem = Some(range_getitem);
    s.contains = Some(range_contains);
    s.richcompare = Some(range_richcompare);
    s.hash = Some(range_hash);
    s.new = Some(range_new);
    add_getset(&RANGE_TYPE, "start", range_start, None);
    add_getset(&RANGE_TYPE, "stop", range_stop, None);
    add_getset(&RANGE_TYPE, "step", range_step, None);
    add_method(&RANGE_TYPE, "index", range_index);
    add_method(&RANGE_TYPE, "__reversed__", range_reversed);
    add_method(&RANGE_TYPE, "count", range_count);
    add_method(&RANGE_TYPE, "__reduce__", range_reduce);
    let s = RANGE_ITER_TYPE.get().slots_mut();
    s.iter = Some(self_iter);
    s.iternext = Some(range_iter_next);
    add_method(&RANGE_ITER_TYPE, "__length_hint__", range_iter_length_hint);
    add_method(&RANGE_ITER_TYPE, "__reduce__", range_iter_reduce);
    add_method(&RANGE_ITER_TYPE, "__setstate__", range_iter_setstate);
    let _ = new_list;
}
