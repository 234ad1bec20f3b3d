//! `_heapq`: the heap primitives of Lib/heapq.py, natively (they are hot in
//! schedulers and priority queues). The sift loops follow CPython's order of
//! comparisons exactly, so that heaps of items with unusual `__lt__` end up
//! in the same shape, and a list resized by a comparison is a RuntimeError.

use crate::exception::{ExcKind, PyResult};
use crate::modules::itertools::positional;
use crate::modules::ModuleBuilder;
use crate::objects::list::ListObject;
use crate::typeobj::{CompareOp, KwNames};
use crate::value::Value;
use crate::vm::Vm;

/// `a < b`, with a shortcut for small ints and floats.
#[inline]
pub(crate) fn less(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Ok(x < y);
    }
    if let (Some(x), Some(y)) = (a.as_float(), b.as_float()) {
        return Ok(x < y);
    }
    vm.compare_bool(a, b, CompareOp::Lt)
}

/// The heap argument (a list), with Argument Clinic's message otherwise;
/// `alone`: the function takes only this argument ("argument", not "argument 1").
fn heap_list<'a>(vm: &mut Vm, v: &'a Value, fname: &str, alone: bool) -> PyResult<&'a ListObject> {
    match v.downcast_ref::<ListObject>() {
        Some(l) => Ok(l),
        None => {
            let which = if alone { "argument" } else { "argument 1" };
            // _PyArg_BadArgument names None itself, other values by type.
            let got = if v.is_none() { "None".to_string() } else { vm.type_name(v) };
            let msg = format!("{fname}() {which} must be list, not {got}");
            Err(vm.type_error(msg))
        }
    }
}

fn changed(vm: &mut Vm) -> crate::exception::PyErr {
    vm.new_error(ExcKind::RuntimeError, "list changed size during iteration")
}

fn swap(l: &ListObject, i: usize, j: usize) {
    if let (Some(a), Some(b)) = (l.get(i), l.get(j)) {
        l.set(i, b);
        l.set(j, a);
    }
}

/// Moves the item at `pos` up towards `start` while it is smaller than its parent.
fn sift_down(vm: &mut Vm, l: &ListObject, start: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let size = l.len();
    if pos >= size {
        return Err(vm.new_error(ExcKind::IndexError, "index out of range"));
    }
    while pos > start {
        let parentpos = (pos - 1) >> 1;
        let (Some(newitem), Some(parent)) = (l.get(pos), l.get(parentpos)) else {
            return Err(changed(vm));
        };
        let cmp = if max { less(vm, &parent, &newitem)? } else { less(vm, &newitem, &parent)? };
        if size != l.len() {
            return Err(changed(vm));
        }
        if !cmp {
            break;
        }
        swap(l, parentpos, pos);
        pos = parentpos;
    }
    Ok(())
}

/// Moves the smaller child up from `pos` to a leaf, then sifts the item down.
fn sift_up(vm: &mut Vm, l: &ListObject, mut pos: usize, max: bool) -> PyResult<()> {
    let endpos = l.len();
    let start = pos;
    if pos >= endpos {
        return Err(vm.new_error(ExcKind::IndexError, "index out of range"));
    }
    let limit = endpos >> 1;
    while pos < limit {
        let mut childpos = 2 * pos + 1;
        if childpos + 1 < endpos {
            let (Some(a), Some(b)) = (l.get(childpos), l.get(childpos + 1)) else {
                return Err(changed(vm));
            };
            let cmp = if max { less(vm, &b, &a)? } else { less(vm, &a, &b)? };
            if !cmp {
                childpos += 1;
            }
            if endpos != l.len() {
                return Err(changed(vm));
            }
        }
        swap(l, childpos, pos);
        pos = childpos;
    }
    sift_down(vm, l, start, pos, max)
}

fn heappush(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "heappush", args, kw, 2, 2)?;
    let l = heap_list(vm, &a[0], "heappush", false)?;
    l.push(a[1].clone());
    sift_down(vm, l, 0, l.len() - 1, false)?;
    Ok(crate::objects::singletons::none())
}

fn pop_common(vm: &mut Vm, args: &[Value], kw: KwNames, name: &str, max: bool) -> PyResult<Value> {
    let a = positional(vm, name, args, kw, 1, 1)?;
    let l = heap_list(vm, &a[0], name, true)?;
    let Some(last) = l.pop() else {
        return Err(vm.new_error(ExcKind::IndexError, "index out of range"));
    };
    if l.is_empty() {
        return Ok(last);
    }
    let Some(top) = l.get(0) else { return Ok(last) };
    l.set(0, last);
    sift_up(vm, l, 0, max)?;
    Ok(top)
}

fn heappop(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    pop_common(vm, args, kw, "heappop", false)
}

fn heappop_max(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    pop_common(vm, args, kw, "_heappop_max", true)
}

fn replace_common(vm: &mut Vm, args: &[Value], kw: KwNames, name: &str, max: bool) -> PyResult<Value> {
    let a = positional(vm, name, args, kw, 2, 2)?;
    let l = heap_list(vm, &a[0], name, false)?;
    let Some(top) = l.get(0) else {
        return Err(vm.new_error(ExcKind::IndexError, "index out of range"));
    };
    l.set(0, a[1].clone());
    sift_up(vm, l, 0, max)?;
    Ok(top)
}

fn heapreplace(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    replace_common(vm, args, kw, "heapreplace", false)
}

fn heapreplace_max(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    replace_common(vm, args, kw, "_heapreplace_max", true)
}

fn heappushpop(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "heappushpop", args, kw, 2, 2)?;
    let l = heap_list(vm, &a[0], "heappushpop", false)?;
    let item = a[1].clone();
    let Some(top) = l.get(0) else { return Ok(item) };
    if !less(vm, &top, &item)? {
        return Ok(item);
    }
    let Some(top) = l.get(0) else {
        return Err(vm.new_error(ExcKind::IndexError, "index out of range"));
    };
    l.set(0, item);
    sift_up(vm, l, 0, false)?;
    Ok(top)
}

fn heapify_common(vm: &mut Vm, args: &[Value], kw: KwNames, name: &str, max: bool) -> PyResult<Value> {
    let a = positional(vm, name, args, kw, 1, 1)?;
    let l = heap_list(vm, &a[0], name, true)?;
    let n = l.len();
    for i in (0..n / 2).rev() {
        sift_up(vm, l, i, max)?;
    }
    Ok(crate::objects::singletons::none())
}

fn heapify(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    heapify_common(vm, args, kw, "heapify", false)
}

fn heapify_max(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    heapify_common(vm, args, kw, "_heapify_max", true)
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_heapq");
    m.doc("Heap queue algorithm (a.k.a. priority queue).");
    m.functions(&[
        ("heappush", heappush),
        ("heappop", heappop),
        ("heapreplace", heapreplace),
        ("heappushpop", heappushpop),
        ("heapify", heapify),
        ("_heappop_max", heappop_max),
        ("_heapreplace_max", heapreplace_max),
        ("_heapify_max", heapify_max),
    ]);
    m.str("__about__", "Heap queues");
    Ok(m.finish())
}
