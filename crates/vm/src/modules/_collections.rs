//! `_collections`: deque, defaultdict, `_count_elements` (Counter's hot
//! loop) and `_tuplegetter` (namedtuple's field descriptors).
//!
//! The deque keeps its items in a `VecDeque` behind a `RefCell`; every
//! comparison with an item (which runs Python `__eq__`) happens on a clone
//! with no borrow held, and a mutation counter detects a deque changed
//! meanwhile ("deque mutated during iteration"), as CPython's `state` does.

use crate::args::{split_kwargs, ArgSpec};
use crate::attr::{instance_get, instance_set};
use crate::exception::{ExcKind, PyResult};
use crate::modules::itertools::{positional, self_arg, self_iter, state, Slot};
use crate::modules::{init_native_type, ModuleBuilder, NativeType};
use crate::object::LayoutKind;
use crate::objects::dict::DictObject;
use crate::objects::int::as_int;
use crate::objects::list::new_list;
use crate::objects::native::{new_native, NativeData};
use crate::objects::singletons::{none, not_implemented};
use crate::objects::str::new_str;
use crate::objects::tuple::{new_tuple, TupleObject};
use crate::typeinit::{add_getset_to, add_method_to, set_attr};
use crate::typeobj::{nb, type_flags, type_of, CompareOp, KwNames, TypeObject, DICT_TYPE, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

static DEQUE: NativeType = NativeType::new();
static DEQUE_ITER: NativeType = NativeType::new();
static DEQUE_REVITER: NativeType = NativeType::new();
static DEFAULTDICT: NativeType = NativeType::new();
static TUPLEGETTER: NativeType = NativeType::new();

// --- deque -----------------------------------------------------------------

struct Deque {
    items: RefCell<VecDeque<Value>>,
    maxlen: Cell<Option<usize>>,
    /// Bumped by every change of length, for iterators and searches.
    state: Cell<u64>,
}

impl NativeData for Deque {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(items) = self.items.try_borrow() {
            items.iter().for_each(|v| visit(v));
        }
    }
    fn clear(&self) {
        let old = std::mem::take(&mut *self.items.borrow_mut());
        drop(old);
    }
}

impl Deque {
    fn new(maxlen: Option<usize>) -> Deque {
        Deque {
            items: RefCell::new(VecDeque::new()),
            maxlen: Cell::new(maxlen),
            state: Cell::new(0),
        }
    }

    fn len(&self) -> usize {
        self.items.borrow().len()
    }

    fn bump(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }

    fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).cloned()
    }

    /// Appends on the right, dropping from the left beyond maxlen.
    fn push_back(&self, v: Value) {
        let dropped = {
            let mut items = self.items.borrow_mut();
            if self.maxlen.get() == Some(0) {
                return drop(items);
            }
            items.push_back(v);
            match self.maxlen.get() {
                Some(m) if items.len() > m => items.pop_front(),
                _ => None,
            }
        };
        self.bump();
        drop(dropped);
    }

    fn push_front(&self, v: Value) {
        let dropped = {
            let mut items = self.items.borrow_mut();
            if self.maxlen.get() == Some(0) {
                return drop(items);
            }
            items.push_front(v);
            match self.maxlen.get() {
                Some(m) if items.len() > m => items.pop_back(),
                _ => None,
            }
        };
        self.bump();
        drop(dropped);
    }

    fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().iter().cloned().collect()
    }
}

fn deque_type() -> &'static TypeObject {
    DEQUE.get_or_init(|st| {
        let t = init_native_type(
            st,
            "collections",
            "deque",
            LayoutKind::Native,
            &OBJECT_TYPE,
            type_flags::BASETYPE | type_flags::SEQUENCE,
            |s| {
                s.new = Some(deque_new);
                s.init = Some(deque_init);
                s.repr = Some(deque_repr);
                s.len = Some(deque_len);
                s.bool = Some(deque_bool);
                s.iter = Some(deque_iter);
                s.getitem = Some(deque_getitem);
                s.setitem = Some(deque_setitem);
                s.contains = Some(deque_contains);
                s.richcompare = Some(deque_richcompare);
                s.hash = None;
                s.concat = Some(deque_concat);
                s.repeat = Some(deque_repeat);
                s.nb[nb::ADD + crate::typeobj::NB_INPLACE] = Some(deque_iadd);
                s.nb[nb::MULTIPLY + crate::typeobj::NB_INPLACE] = Some(deque_imul);
            },
        );
        for (name, f) in [
            ("append", deque_append as crate::typeobj::NativeFn),
            ("appendleft", deque_appendleft),
            ("pop", deque_pop),
            ("popleft", deque_popleft),
            ("extend", deque_extend),
            ("extendleft", deque_extendleft),
            ("clear", deque_clear),
            ("copy", deque_copy),
            ("__copy__", deque_copy),
            ("count", deque_count),
            ("index", deque_index),
            ("insert", deque_insert),
            ("remove", deque_remove),
            ("reverse", deque_reverse),
            ("rotate", deque_rotate),
            ("__reversed__", deque_reversed),
            ("__reduce__", deque_reduce),
        ] {
            add_method_to(t, name, f);
        }
        add_getset_to(t, "maxlen", deque_maxlen, None);
        set_attr(t, "__hash__", none());
        let cg = crate::objects::descr::new_method_descr(
            crate::typeobj::CLASSMETHOD_DESCR_TYPE.get(),
            "__class_getitem__",
            class_getitem,
            t,
        );
        set_attr(t, "__class_getitem__", cg);
    })
}

fn class_getitem(_vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let cls = args.first().cloned().unwrap_or_else(none);
    let item = args.get(1).cloned().unwrap_or_else(none);
    Ok(crate::types::generic_alias::new_generic_alias(cls, &item))
}

fn dq<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Deque> {
    state::<Deque>(vm, v, "collections.deque")
}

fn deque_new(_vm: &mut Vm, cls: &Value, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let t = cls
        .downcast_ref::<TypeObject>()
        .filter(|t| t.layout == LayoutKind::Native)
        .unwrap_or(deque_type());
    Ok(new_native(t, Deque::new(None)))
}

fn maxlen_arg(vm: &mut Vm, v: &Value) -> PyResult<Option<usize>> {
    if v.is_none() {
        return Ok(None);
    }
    // PyLong_AsSsize_t: ints only (no __index__).
    if as_int(v).is_none() {
        return Err(vm.type_error("an integer is required"));
    }
    let n = match as_int(v).and_then(|x| x.to_i64()) {
        Some(n) => n,
        None => {
            return Err(vm.new_error(
                ExcKind::OverflowError,
                "Python int too large to convert to C ssize_t",
            ))
        }
    };
    if n < 0 {
        return Err(vm.value_error("maxlen must be non-negative"));
    }
    Ok(Some(n as usize))
}

fn deque_init(vm: &mut Vm, me: &Value, args: &[Value], kwnames: KwNames) -> PyResult<()> {
    // PyArg_ParseTupleAndKeywords counts positional and keyword arguments together.
    if args.len() > 2 {
        let which = if args.len() == split_kwargs(args, kwnames).1.len() { "keyword " } else { "" };
        let msg = format!("deque() takes at most 2 {which}arguments ({} given)", args.len());
        return Err(vm.type_error(msg));
    }
    let a = ArgSpec::parse(vm, "deque", args, kwnames, &["iterable", "maxlen"], 2, 0)?;
    let d = dq(vm, me)?;
    let maxlen = match &a[1] {
        Some(m) => maxlen_arg(vm, m)?,
        None => None,
    };
    d.maxlen.set(maxlen);
    if d.len() > 0 {
        let old = std::mem::take(&mut *d.items.borrow_mut());
        d.bump();
        drop(old);
    }
    if let Some(it) = &a[0] {
        extend_right(vm, d, me, it)?;
    }
    Ok(())
}

fn extend_right(vm: &mut Vm, d: &Deque, me: &Value, iterable: &Value) -> PyResult<()> {
    // Extending a deque with itself iterates over a copy.
    let iterable = if iterable.is(me) { new_list(d.snapshot()) } else { iterable.clone() };
    let it = vm.iter(&iterable)?;
    while let Some(v) = vm.next(&it)? {
        d.push_back(v);
    }
    Ok(())
}

fn deque_append(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "append", args, kw, 2, 2)?;
    dq(vm, &a[0])?.push_back(a[1].clone());
    Ok(none())
}

fn deque_appendleft(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "appendleft", args, kw, 2, 2)?;
    dq(vm, &a[0])?.push_front(a[1].clone());
    Ok(none())
}

fn deque_pop(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "pop", args, kw, 1, 1)?;
    let d = dq(vm, &a[0])?;
    let v = d.items.borrow_mut().pop_back();
    match v {
        Some(v) => {
            d.bump();
            Ok(v)
        }
        None => Err(vm.new_error(ExcKind::IndexError, "pop from an empty deque")),
    }
}

fn deque_popleft(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "popleft", args, kw, 1, 1)?;
    let d = dq(vm, &a[0])?;
    let v = d.items.borrow_mut().pop_front();
    match v {
        Some(v) => {
            d.bump();
            Ok(v)
        }
        None => Err(vm.new_error(ExcKind::IndexError, "pop from an empty deque")),
    }
}

fn deque_extend(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "extend", args, kw, 2, 2)?;
    let d = dq(vm, &a[0])?;
    extend_right(vm, d, &a[0], &a[1])?;
    Ok(none())
}

fn deque_extendleft(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "extendleft", args, kw, 2, 2)?;
    let d = dq(vm, &a[0])?;
    let iterable = if a[1].is(&a[0]) { new_list(d.snapshot()) } else { a[1].clone() };
    let it = vm.iter(&iterable)?;
    while let Some(v) = vm.next(&it)? {
        d.push_front(v);
    }
    Ok(none())
}

fn deque_clear(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "clear", args, kw, 1, 1)?;
    let d = dq(vm, &a[0])?;
    let old = std::mem::take(&mut *d.items.borrow_mut());
    d.bump();
    drop(old);
    Ok(none())
}

fn deque_copy(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "copy", args, kw, 1, 1)?;
    let me = &a[0];
    let d = dq(vm, me)?;
    if crate::typeobj::is_exact(me, DEQUE.storage()) {
        let n = Deque::new(d.maxlen.get());
        *n.items.borrow_mut() = d.items.borrow().clone();
        return Ok(new_native(deque_type(), n));
    }
    // A subclass: type(d)(d) or type(d)(d, maxlen).
    let cls = type_of(me).as_value();
    match d.maxlen.get() {
        None => vm.call(&cls, &[me.clone()], None),
        Some(m) => vm.call(&cls, &[me.clone(), Value::int(m as i64)], None),
    }
}

/// Runs `f` on each item (a clone, no borrow held) until it says stop;
/// a deque changed meanwhile is a RuntimeError.
fn scan(
    vm: &mut Vm,
    d: &Deque,
    start: usize,
    stop: usize,
    mutated: ExcKind,
    mut f: impl FnMut(&mut Vm, usize, Value) -> PyResult<bool>,
) -> PyResult<Option<usize>> {
    let st = d.state.get();
    let mut i = start;
    while i < stop {
        let Some(v) = d.get(i) else { break };
        let found = f(vm, i, v)?;
        if d.state.get() != st {
            return Err(vm.new_error(mutated, "deque mutated during iteration"));
        }
        if found {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn eq_item(vm: &mut Vm, item: &Value, x: &Value) -> PyResult<bool> {
    if item.is(x) {
        return Ok(true);
    }
    vm.compare_bool(item, x, CompareOp::Eq)
}

fn deque_count(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "count", args, kw, 2, 2)?;
    let d = dq(vm, &a[0])?;
    let x = a[1].clone();
    let mut n = 0i64;
    scan(vm, d, 0, usize::MAX, ExcKind::RuntimeError, |vm, _, v| {
        if eq_item(vm, &v, &x)? {
            n += 1;
        }
        Ok(false)
    })?;
    Ok(Value::int(n))
}

fn clamp_index(vm: &mut Vm, v: &Value, len: usize) -> PyResult<usize> {
    let i = vm.index(v)?;
    let n = match as_int(&i) {
        Some(iv) => match iv.to_i64() {
            Some(x) => x,
            None if iv.is_negative() => i64::MIN,
            None => i64::MAX,
        },
        None => 0,
    };
    let len = len as i64;
    let r = if n < 0 { (n.saturating_add(len)).max(0) } else { n.min(len) };
    Ok(r as usize)
}

fn deque_index(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "index", args, kw, 2, 4)?;
    let d = dq(vm, &a[0])?;
    let len = d.len();
    let start = match a.get(2) {
        Some(v) => clamp_index(vm, v, len)?,
        None => 0,
    };
    let stop = match a.get(3) {
        Some(v) => clamp_index(vm, v, len)?,
        None => len,
    };
    let x = a[1].clone();
    match scan(vm, d, start, stop, ExcKind::RuntimeError, |vm, _, v| eq_item(vm, &v, &x))? {
        Some(i) => Ok(Value::int(i as i64)),
        None => {
            let r = vm.repr_string(&x)?;
            Err(vm.value_error(format!("{r} is not in deque")))
        }
    }
}

fn deque_insert(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "insert", args, kw, 3, 3)?;
    let d = dq(vm, &a[0])?;
    let len = d.len();
    if d.maxlen.get() == Some(len) {
        return Err(vm.new_error(ExcKind::IndexError, "deque already at its maximum size"));
    }
    let i = clamp_index(vm, &a[1], len)?;
    {
        let mut items = d.items.borrow_mut();
        let i = i.min(items.len());
        items.insert(i, a[2].clone());
    }
    d.bump();
    Ok(none())
}

fn deque_remove(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "remove", args, kw, 2, 2)?;
    let d = dq(vm, &a[0])?;
    let x = a[1].clone();
    // remove() reports a mutation by the comparison as IndexError (CPython).
    match scan(vm, d, 0, usize::MAX, ExcKind::IndexError, |vm, _, v| eq_item(vm, &v, &x))? {
        Some(i) => {
            let old = d.items.borrow_mut().remove(i);
            d.bump();
            drop(old);
            Ok(none())
        }
        None => {
            let r = vm.repr_string(&x)?;
            Err(vm.value_error(format!("{r} is not in deque")))
        }
    }
}

fn deque_reverse(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "reverse", args, kw, 1, 1)?;
    let d = dq(vm, &a[0])?;
    d.items.borrow_mut().make_contiguous().reverse();
    Ok(none())
}

fn deque_rotate(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "rotate", args, kw, 1, 2)?;
    let d = dq(vm, &a[0])?;
    let n = match a.get(1) {
        Some(v) => {
            let i = vm.index(v)?;
            match as_int(&i).and_then(|x| x.to_i64()) {
                Some(n) => n,
                None => {
                    return Err(vm.new_error(
                        ExcKind::OverflowError,
                        "Python int too large to convert to C ssize_t",
                    ))
                }
            }
        }
        None => 1,
    };
    let mut items = d.items.borrow_mut();
    let len = items.len() as i64;
    if len > 1 {
        let k = n.rem_euclid(len) as usize;
        items.rotate_right(k);
    }
    Ok(none())
}

fn deque_maxlen(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    Ok(match dq(vm, me)?.maxlen.get() {
        Some(m) => Value::int(m as i64),
        None => none(),
    })
}

fn deque_len(vm: &mut Vm, me: &Value) -> PyResult<usize> {
    Ok(dq(vm, me)?.len())
}

fn deque_bool(vm: &mut Vm, me: &Value) -> PyResult<bool> {
    Ok(dq(vm, me)?.len() > 0)
}

fn deque_repr(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let d = dq(vm, me)?;
    if !vm.repr_enter(me) {
        return Ok(new_str("[...]"));
    }
    let items = d.snapshot();
    let r = (|| -> PyResult<String> {
        let mut parts = Vec::with_capacity(items.len());
        for v in &items {
            parts.push(vm.repr_string(v)?);
        }
        Ok(parts.join(", "))
    })();
    vm.repr_leave(me);
    let body = r?;
    let name = type_of(me).name_string();
    Ok(new_str(&match d.maxlen.get() {
        Some(m) => format!("{name}([{body}], maxlen={m})"),
        None => format!("{name}([{body}])"),
    }))
}

fn index_arg(vm: &mut Vm, d: &Deque, key: &Value) -> PyResult<usize> {
    if as_int(key).is_none() && type_of(key).slots().index.is_none() {
        let msg = format!("sequence index must be integer, not '{}'", vm.type_name(key));
        return Err(vm.type_error(msg));
    }
    let i = vm.index_i64(key)?;
    let len = d.len() as i64;
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(vm.new_error(ExcKind::IndexError, "deque index out of range"));
    }
    Ok(j as usize)
}

fn deque_getitem(vm: &mut Vm, me: &Value, key: &Value) -> PyResult<Value> {
    let d = dq(vm, me)?;
    let i = index_arg(vm, d, key)?;
    match d.get(i) {
        Some(v) => Ok(v),
        None => Err(vm.new_error(ExcKind::IndexError, "deque index out of range")),
    }
}

fn deque_setitem(vm: &mut Vm, me: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let d = dq(vm, me)?;
    let i = index_arg(vm, d, key)?;
    let old = match value {
        Some(v) => d.items.borrow_mut().get_mut(i).map(|slot| std::mem::replace(slot, v)),
        None => {
            let o = d.items.borrow_mut().remove(i);
            d.bump();
            o
        }
    };
    drop(old);
    Ok(())
}

fn deque_contains(vm: &mut Vm, me: &Value, x: &Value) -> PyResult<bool> {
    let d = dq(vm, me)?;
    let x = x.clone();
    Ok(scan(vm, d, 0, usize::MAX, ExcKind::RuntimeError, |vm, _, v| eq_item(vm, &v, &x))?.is_some())
}

fn deque_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(da), Some(db)) = (a.native_ref::<Deque>(), b.native_ref::<Deque>()) else {
        return Ok(not_implemented());
    };
    if !crate::typeobj::isinstance_type(b, deque_type()) || !crate::typeobj::isinstance_type(a, deque_type()) {
        return Ok(not_implemented());
    }
    let (xs, ys) = (da.snapshot(), db.snapshot());
    if (op == CompareOp::Eq || op == CompareOp::Ne) && xs.len() != ys.len() {
        return Ok(Value::bool(op == CompareOp::Ne));
    }
    // Lexicographic, as sequences: the first differing pair decides.
    for (x, y) in xs.iter().zip(&ys) {
        if !eq_item(vm, x, y)? {
            return match op {
                CompareOp::Eq => Ok(Value::bool(false)),
                CompareOp::Ne => Ok(Value::bool(true)),
                _ => vm.compare(x, y, op),
            };
        }
    }
    Ok(Value::bool(op.test(xs.len().cmp(&ys.len()))))
}

fn new_deque_like(vm: &mut Vm, me: &Value, d: &Deque) -> PyResult<Value> {
    deque_copy(vm, &[me.clone()], None).map(|v| {
        let _ = d;
        v
    })
}

fn deque_concat(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let da = dq(vm, a)?;
    if b.native_ref::<Deque>().is_none() || !crate::typeobj::isinstance_type(b, deque_type()) {
        let msg = format!("can only concatenate deque (not \"{}\") to deque", vm.type_name(b));
        return Err(vm.type_error(msg));
    }
    let new = new_deque_like(vm, a, da)?;
    if let Some(nd) = new.native_ref::<Deque>() {
        extend_right(vm, nd, &new, b)?;
    }
    Ok(new)
}

fn deque_iadd(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let d = dq(vm, a)?;
    extend_right(vm, d, a, b)?;
    Ok(a.clone())
}

fn repeat_in_place(vm: &mut Vm, d: &Deque, n: &Value) -> PyResult<()> {
    let n = vm.index_i64(n)?;
    if n <= 0 {
        let old = std::mem::take(&mut *d.items.borrow_mut());
        d.bump();
        drop(old);
        return Ok(());
    }
    let items = d.snapshot();
    if items.is_empty() || n == 1 {
        return Ok(());
    }
    let len = items.len() as u128;
    let total = len * (n as u128);
    // Without maxlen every copy is kept: refuse what cannot be allocated.
    if d.maxlen.get().is_none() && total > isize::MAX as u128 / 16 {
        return Err(vm.new_error(ExcKind::MemoryError, ""));
    }
    // With maxlen only the last `wanted` items of the repetition survive.
    let wanted = d.maxlen.get().map_or(total, |m| total.min(m as u128)) as usize;
    let start = ((total - wanted as u128) % len) as usize;
    let mut out: VecDeque<Value> = VecDeque::with_capacity(wanted);
    for j in 0..wanted {
        out.push_back(items[(start + j) % items.len()].clone());
    }
    let old = std::mem::replace(&mut *d.items.borrow_mut(), out);
    d.bump();
    drop(old);
    Ok(())
}

fn deque_repeat(vm: &mut Vm, a: &Value, n: &Value) -> PyResult<Value> {
    let d = dq(vm, a)?;
    let new = new_deque_like(vm, a, d)?;
    if let Some(nd) = new.native_ref::<Deque>() {
        repeat_in_place(vm, nd, n)?;
    }
    Ok(new)
}

fn deque_imul(vm: &mut Vm, a: &Value, n: &Value) -> PyResult<Value> {
    let d = dq(vm, a)?;
    if as_int(n).is_none() && type_of(n).slots().index.is_none() {
        return Ok(not_implemented());
    }
    repeat_in_place(vm, d, n)?;
    Ok(a.clone())
}

fn deque_reduce(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (me, d) = self_arg::<Deque>(vm, args, "collections.deque")?;
    let cls = type_of(me).as_value();
    let ctor_args = match d.maxlen.get() {
        None => new_tuple(Vec::new()),
        Some(m) => new_tuple(vec![new_tuple(Vec::new()), Value::int(m as i64)]),
    };
    // The state as `__getstate__` gives it (instance dict and slots), as
    // CPython's _PyObject_GetState.
    let getstate = vm.getattr_str(me, "__getstate__")?;
    let st = vm.call(&getstate, &[], None)?;
    let it = vm.iter(me)?;
    Ok(new_tuple(vec![cls, ctor_args, st, it]))
}

// --- deque iterators -------------------------------------------------------

struct DequeIter {
    deque: Value,
    index: Cell<usize>,
    state: u64,
    reverse: bool,
}

impl NativeData for DequeIter {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.deque);
    }
}

fn new_deque_iter(d: &Deque, me: &Value, reverse: bool) -> Value {
    let ty = if reverse { deque_reviter_type() } else { deque_iter_type() };
    new_native(
        ty,
        DequeIter {
            deque: me.clone(),
            index: Cell::new(0),
            state: d.state.get(),
            reverse,
        },
    )
}

fn deque_iter(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let d = dq(vm, me)?;
    Ok(new_deque_iter(d, me, false))
}

fn deque_reversed(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "__reversed__", args, kw, 1, 1)?;
    let d = dq(vm, &a[0])?;
    Ok(new_deque_iter(d, &a[0], true))
}

fn deque_iter_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(it) = me.native_ref::<DequeIter>() else { return Ok(None) };
    let Some(d) = it.deque.native_ref::<Deque>() else { return Ok(None) };
    if d.state.get() != it.state {
        return Err(vm.new_error(ExcKind::RuntimeError, "deque mutated during iteration"));
    }
    let len = d.len();
    let i = it.index.get();
    if i >= len {
        return Ok(None);
    }
    it.index.set(i + 1);
    let pos = if it.reverse { len - 1 - i } else { i };
    Ok(d.get(pos))
}

fn deque_iter_length_hint(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (_, it) = self_arg::<DequeIter>(vm, args, "_collections._deque_iterator")?;
    let len = it.deque.native_ref::<Deque>().map_or(0, |d| d.len());
    Ok(Value::int(len.saturating_sub(it.index.get()) as i64))
}

fn deque_iter_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = positional(vm, "_deque_iterator", args, kwnames, 1, 2)?;
    let d = dq(vm, &a[0])?;
    let reverse = cls
        .downcast_ref::<TypeObject>()
        .is_some_and(|t| std::ptr::eq(t, deque_reviter_type()));
    let it = new_deque_iter(d, &a[0], reverse);
    if let (Some(n), Some(di)) = (a.get(1), it.native_ref::<DequeIter>()) {
        let n = vm.index_i64(n)?;
        di.index.set(n.clamp(0, d.len() as i64) as usize);
    }
    Ok(it)
}

fn deque_iter_type() -> &'static TypeObject {
    DEQUE_ITER.get_or_init(|st| {
        let t = init_native_type(st, "_collections", "_deque_iterator", LayoutKind::Native, &OBJECT_TYPE, 0, |s| {
            s.new = Some(deque_iter_new);
            s.iter = Some(self_iter);
            s.iternext = Some(deque_iter_next);
        });
        add_method_to(t, "__length_hint__", deque_iter_length_hint);
    })
}

fn deque_reviter_type() -> &'static TypeObject {
    DEQUE_REVITER.get_or_init(|st| {
        let t = init_native_type(
            st,
            "_collections",
            "_deque_reverse_iterator",
            LayoutKind::Native,
            &OBJECT_TYPE,
            0,
            |s| {
                s.new = Some(deque_iter_new);
                s.iter = Some(self_iter);
                s.iternext = Some(deque_iter_next);
            },
        );
        add_method_to(t, "__length_hint__", deque_iter_length_hint);
    })
}

// --- defaultdict -----------------------------------------------------------

/// Where a defaultdict keeps its factory: an instance attribute under a name
/// no Python code can spell as an identifier.
const FACTORY_KEY: &str = "\0default_factory";

fn factory_of(vm: &mut Vm, me: &Value) -> Value {
    let k = vm.intern(FACTORY_KEY);
    instance_get(me, &k).unwrap_or_else(none)
}

fn set_factory(vm: &mut Vm, me: &Value, f: Value) -> PyResult<()> {
    let k = vm.intern(FACTORY_KEY);
    instance_set(vm, me, &k, Some(f))?;
    Ok(())
}

fn defaultdict_type() -> &'static TypeObject {
    DEFAULTDICT.get_or_init(|st| {
        let t = init_native_type(
            st,
            "collections",
            "defaultdict",
            LayoutKind::Dict,
            &DICT_TYPE,
            type_flags::BASETYPE | type_flags::HAS_DICT | type_flags::DICT_SUBCLASS | type_flags::MAPPING,
            |s| {
                s.init = Some(defaultdict_init);
                s.repr = Some(defaultdict_repr);
                s.nb[nb::OR] = Some(defaultdict_or);
                s.setattro = Some(defaultdict_setattr);
            },
        );
        add_method_to(t, "__missing__", defaultdict_missing);
        add_method_to(t, "copy", defaultdict_copy);
        add_method_to(t, "__copy__", defaultdict_copy);
        add_method_to(t, "__reduce__", defaultdict_reduce);
        add_getset_to(t, "default_factory", defaultdict_factory_get, Some(defaultdict_factory_set));
    })
}

/// A plain defaultdict has no `__dict__`: only its descriptors can be set
/// (the factory lives in the hidden attribute storage, set directly).
fn defaultdict_setattr(vm: &mut Vm, obj: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    let t = type_of(obj);
    if !t.is_heap_type() && t.lookup(name).is_none() {
        return Err(vm.attribute_error(obj, name));
    }
    crate::attr::generic_setattr(vm, obj, name, value)
}

fn defaultdict_init(vm: &mut Vm, me: &Value, args: &[Value], kwnames: KwNames) -> PyResult<()> {
    let (pos, _) = split_kwargs(args, kwnames);
    let mut rest_start = 0;
    let mut factory = none();
    if let Some(f) = pos.first() {
        if !f.is_none() && type_of(f).slots().call.is_none() {
            return Err(vm.type_error("first argument must be callable or None"));
        }
        factory = f.clone();
        rest_start = 1;
    }
    set_factory(vm, me, factory)?;
    let dict_init = DICT_TYPE.get().slots().init;
    match dict_init {
        Some(f) => f(vm, me, &args[rest_start..], kwnames),
        None => Ok(()),
    }
}

fn defaultdict_missing(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "__missing__", args, kw, 2, 2)?;
    let factory = factory_of(vm, &a[0]);
    if factory.is_none() {
        return Err(crate::types::dict_ty::key_error(a[1].clone()));
    }
    let v = vm.call0(&factory)?;
    vm.setitem(&a[0], &a[1], v.clone())?;
    Ok(v)
}

fn defaultdict_repr(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let factory = factory_of(vm, me);
    let frepr = if factory.is_none() {
        "None".to_string()
    } else if !vm.repr_enter(&factory) {
        "...".to_string()
    } else {
        let r = vm.repr_string(&factory);
        vm.repr_leave(&factory);
        r?
    };
    let base = match DICT_TYPE.get().slots().repr {
        Some(f) => f(vm, me)?,
        None => new_str("{}"),
    };
    let base = crate::objects::str::display_lossy(&base);
    let name = type_of(me).name_string();
    Ok(new_str(&format!("{name}({frepr}, {base})")))
}

fn defaultdict_copy(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "copy", args, kw, 1, 1)?;
    let factory = factory_of(vm, &a[0]);
    let cls = type_of(&a[0]).as_value();
    vm.call(&cls, &[factory, a[0].clone()], None)
}

fn defaultdict_reduce(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "__reduce__", args, kw, 1, 1)?;
    let factory = factory_of(vm, &a[0]);
    let ctor = if factory.is_none() { new_tuple(Vec::new()) } else { new_tuple(vec![factory]) };
    let items = vm.call_method(&a[0], "items", &[])?;
    let it = vm.iter(&items)?;
    Ok(new_tuple(vec![type_of(&a[0]).as_value(), ctor, none(), none(), it]))
}

fn defaultdict_factory_get(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    Ok(factory_of(vm, me))
}

fn defaultdict_factory_set(vm: &mut Vm, me: &Value, v: Option<Value>) -> PyResult<()> {
    set_factory(vm, me, v.unwrap_or_else(none))
}

fn defaultdict_or(vm: &mut Vm, left: &Value, right: &Value) -> PyResult<Value> {
    let (me, other) = if crate::typeobj::isinstance_type(left, defaultdict_type()) {
        (left, right)
    } else {
        (right, left)
    };
    if other.downcast_ref::<DictObject>().is_none() {
        return Ok(not_implemented());
    }
    let factory = factory_of(vm, me);
    let cls = type_of(me).as_value();
    let new = vm.call(&cls, &[factory, left.clone()], None)?;
    vm.call_method(&new, "update", &[right.clone()])?;
    Ok(new)
}

// --- _count_elements -------------------------------------------------------

fn count_elements(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "_count_elements", args, kw, 2, 2)?;
    let mapping = &a[0];
    let it = vm.iter(&a[1])?;
    let one = Value::int(1);
    // Plain dict behaviour (Counter does not override get/__setitem__): work on the table.
    let dict_get = DICT_TYPE.get().lookup_str(vm, "get");
    let dict_set = DICT_TYPE.get().lookup_str(vm, "__setitem__");
    let t = type_of(mapping);
    let fast = mapping.downcast_ref::<DictObject>().is_some()
        && t.lookup_str(vm, "get").map(|v| v.bits()) == dict_get.map(|v| v.bits())
        && t.lookup_str(vm, "__setitem__").map(|v| v.bits()) == dict_set.map(|v| v.bits());
    if fast {
        let Some(d) = mapping.downcast_ref::<DictObject>() else { return Ok(none()) };
        while let Some(k) = vm.next(&it)? {
            let h = vm.hash(&k)?;
            let new = match d.get_item_hashed(vm, &k, h)? {
                Some(old) => match old.as_small_int() {
                    Some(n) => Value::int(n + 1),
                    None => vm.binary_op(nb::ADD, &old, &one)?,
                },
                None => one.clone(),
            };
            d.set_item_hashed(vm, k, h, new)?;
        }
        return Ok(none());
    }
    let get = vm.getattr_str(mapping, "get")?;
    let zero = Value::int(0);
    while let Some(k) = vm.next(&it)? {
        let old = vm.call(&get, &[k.clone(), zero.clone()], None)?;
        let new = vm.binary_op(nb::ADD, &old, &one)?;
        vm.setitem(mapping, &k, new)?;
    }
    Ok(none())
}

// --- _tuplegetter ----------------------------------------------------------

struct TupleGetter {
    index: usize,
    doc: Slot,
}

impl NativeData for TupleGetter {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.doc.visit(visit);
    }
}

fn tuplegetter_new(vm: &mut Vm, _cls: &Value, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "_tuplegetter", args, kw, 2, 2)?;
    let i = vm.index_i64(&a[0])?;
    Ok(new_native(
        tuplegetter_type(),
        TupleGetter {
            index: i.max(0) as usize,
            doc: Slot::new(Some(a[1].clone())),
        },
    ))
}

fn tuplegetter_get(vm: &mut Vm, me: &Value, obj: Option<&Value>, _owner: &Value) -> PyResult<Value> {
    let g = state::<TupleGetter>(vm, me, "_collections._tuplegetter")?;
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(me.clone());
    };
    let Some(t) = obj.downcast_ref::<TupleObject>() else {
        let msg = format!(
            "descriptor for index '{}' for tuple subclasses doesn't apply to '{}' object",
            g.index,
            vm.type_name(obj)
        );
        return Err(vm.type_error(msg));
    };
    match t.get(g.index) {
        Some(v) => Ok(v.clone()),
        None => Err(vm.new_error(ExcKind::IndexError, "tuple index out of range")),
    }
}

fn tuplegetter_set(vm: &mut Vm, _me: &Value, _obj: &Value, value: Option<Value>) -> PyResult<()> {
    let msg = if value.is_some() { "can't set attribute" } else { "can't delete attribute" };
    Err(vm.new_error(ExcKind::AttributeError, msg))
}

fn tuplegetter_doc_get(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    Ok(state::<TupleGetter>(vm, me, "_collections._tuplegetter")?
        .doc
        .get()
        .unwrap_or_else(none))
}

fn tuplegetter_doc_set(vm: &mut Vm, me: &Value, v: Option<Value>) -> PyResult<()> {
    state::<TupleGetter>(vm, me, "_collections._tuplegetter")?.doc.set(v);
    Ok(())
}

fn tuplegetter_reduce(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (me, g) = self_arg::<TupleGetter>(vm, args, "_collections._tuplegetter")?;
    let doc = g.doc.get().unwrap_or_else(none);
    Ok(new_tuple(vec![
        type_of(me).as_value(),
        new_tuple(vec![Value::int(g.index as i64), doc]),
    ]))
}

fn tuplegetter_type() -> &'static TypeObject {
    TUPLEGETTER.get_or_init(|st| {
        let t = init_native_type(st, "_collections", "_tuplegetter", LayoutKind::Native, &OBJECT_TYPE, 0, |s| {
            s.new = Some(tuplegetter_new);
            s.descr_get = Some(tuplegetter_get);
            s.descr_set = Some(tuplegetter_set);
        });
        add_getset_to(t, "__doc__", tuplegetter_doc_get, Some(tuplegetter_doc_set));
        add_method_to(t, "__reduce__", tuplegetter_reduce);
    })
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_collections");
    m.doc("High performance data structures.\n- deque:        ordered collection accessible from endpoints only\n- defaultdict:  dict subclass with a default value factory\n");
    m.type_(deque_type());
    m.type_(defaultdict_type());
    m.type_(deque_iter_type());
    m.type_(deque_reviter_type());
    m.type_(tuplegetter_type());
    m.function("_count_elements", count_elements);
    Ok(m.finish())
}
