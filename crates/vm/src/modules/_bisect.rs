//! `_bisect`: binary search and insertion into sorted sequences, with the
//! `key=` argument of 3.10+. Lists are read directly; other sequences
//! through `__getitem__`.

use crate::args::ArgSpec;
use crate::exception::PyResult;
use crate::modules::_heapq::less;
use crate::modules::ModuleBuilder;
use crate::objects::int::as_int;
use crate::objects::list::ListObject;
use crate::objects::singletons::none;
use crate::typeobj::{is_exact, KwNames, LIST_TYPE};
use crate::value::Value;
use crate::vm::Vm;

const NAMES: [&str; 5] = ["a", "x", "lo", "hi", "key"];

struct Args {
    a: Value,
    x: Value,
    lo: i64,
    hi: Option<i64>,
    key: Option<Value>,
}

fn parse(vm: &mut Vm, name: &str, args: &[Value], kwnames: KwNames) -> PyResult<Args> {
    let p = ArgSpec::parse(vm, name, args, kwnames, &NAMES, 4, 2)?;
    let idx = |vm: &mut Vm, v: &Option<Value>| -> PyResult<Option<i64>> {
        match v {
            None => Ok(None),
            Some(v) if v.is_none() => Ok(None),
            Some(v) => {
                if v.is_float() {
                    return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
                }
                vm.index_i64(v).map(Some)
            }
        }
    };
    let lo = match &p[2] {
        // lo=None is an error (it is a Py_ssize_t parameter).
        Some(v) if v.is_none() => {
            return Err(vm.type_error("'NoneType' object cannot be interpreted as an integer"));
        }
        other => idx(vm, other)?.unwrap_or(0),
    };
    let hi = idx(vm, &p[3])?;
    if lo < 0 {
        return Err(vm.value_error("lo must be non-negative"));
    }
    Ok(Args {
        a: p[0].clone().unwrap_or_else(none),
        x: p[1].clone().unwrap_or_else(none),
        lo,
        hi,
        key: p[4].clone().filter(|k| !k.is_none()),
    })
}

fn item_at(vm: &mut Vm, a: &Value, i: i64) -> PyResult<Value> {
    if let Some(l) = a.downcast_ref::<ListObject>() {
        if let Some(v) = l.get(i as usize) {
            return Ok(v);
        }
    }
    vm.getitem(a, &Value::int(i))
}

/// The insertion point of `x` (already keyed) in `a[lo:hi]`.
fn search(vm: &mut Vm, p: &Args, x: &Value, right: bool) -> PyResult<i64> {
    let mut lo = p.lo;
    let mut hi = match p.hi {
        Some(h) => h,
        None => vm.len(&p.a)? as i64,
    };
    while lo < hi {
        // lo + hi cannot overflow: both are at most isize::MAX.
        let mid = ((lo as u64 + hi as u64) / 2) as i64;
        let mut item = item_at(vm, &p.a, mid)?;
        if let Some(k) = &p.key {
            item = vm.call1(k, item)?;
        }
        if right {
            if less(vm, x, &item)? {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        } else if less(vm, &item, x)? {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

fn bisect_right(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let p = parse(vm, "bisect_right", args, kw)?;
    let x = p.x.clone();
    search(vm, &p, &x, true).map(Value::int)
}

fn bisect_left(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let p = parse(vm, "bisect_left", args, kw)?;
    let x = p.x.clone();
    search(vm, &p, &x, false).map(Value::int)
}

fn insort(vm: &mut Vm, name: &str, args: &[Value], kw: KwNames, right: bool) -> PyResult<Value> {
    let p = parse(vm, name, args, kw)?;
    let keyed = match &p.key {
        Some(k) => vm.call1(k, p.x.clone())?,
        None => p.x.clone(),
    };
    let i = search(vm, &p, &keyed, right)?;
    if is_exact(&p.a, &LIST_TYPE) {
        if let Some(l) = p.a.downcast_ref::<ListObject>() {
            l.insert((i as usize).min(l.len()), p.x.clone());
            return Ok(none());
        }
    }
    vm.call_method(&p.a, "insert", &[Value::int(i), p.x.clone()])?;
    let _ = as_int;
    Ok(none())
}

fn insort_right(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    insort(vm, "insort_right", args, kw, true)
}

fn insort_left(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    insort(vm, "insort_left", args, kw, false)
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_bisect");
    m.functions(&[
        ("bisect_right", bisect_right),
        ("bisect_left", bisect_left),
        ("insort_right", insort_right),
        ("insort_left", insort_left),
    ]);
    Ok(m.finish())
}
