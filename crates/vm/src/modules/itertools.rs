//! `itertools`: CPython 3.11's iterator building blocks, in Rust.
//!
//! Every type keeps its state in a `NativeData` struct with `Cell`/`RefCell`
//! fields; no borrow is held across a call back into Python (`next()` of the
//! source, a predicate, `__eq__`), so a callback that re-enters the same
//! iterator sees consistent state instead of a panic.
//!
//! The small helpers at the top (argument-count checks with CPython's
//! `_PyArg_CheckPositional` messages, allocation for subclasses, `self`
//! extraction) are shared by the other native modules of this family.

use crate::args::{check_no_kwargs, split_kwargs, ArgSpec};
use crate::exception::{ExcKind, PyResult};
use crate::modules::{init_native_type, ModuleBuilder, NativeType};
use crate::object::LayoutKind;
use crate::objects::int::as_int;
use crate::objects::native::{new_native, NativeData};
use crate::objects::singletons::none;
use crate::objects::str::{display_lossy, new_str};
use crate::objects::tuple::{new_tuple, new_tuple_from_slice, TupleObject};
use crate::typeobj::{nb, type_flags, type_of, CompareOp, KwNames, Slots, TypeObject, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

// ---------------------------------------------------------------------------
// Helpers shared with the sibling modules (_collections, _functools, ...).

/// `_PyArg_CheckPositional`: "name expected [at least |at most ]N argument(s), got M".
#[inline]
pub(crate) fn check_positional(vm: &mut Vm, name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    if n < min {
        let which = if min == max { "" } else { "at least " };
        let s = if min == 1 { "" } else { "s" };
        return Err(vm.type_error(format!("{name} expected {which}{min} argument{s}, got {n}")));
    }
    if n > max {
        let which = if min == max { "" } else { "at most " };
        let s = if max == 1 { "" } else { "s" };
        return Err(vm.type_error(format!("{name} expected {which}{max} argument{s}, got {n}")));
    }
    Ok(())
}

/// Positional arguments only (`_PyArg_NoKeywords` + `_PyArg_CheckPositional`).
#[inline]
pub(crate) fn positional<'a>(
    vm: &mut Vm,
    name: &str,
    args: &'a [Value],
    kwnames: KwNames,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    check_no_kwargs(vm, name, kwnames)?;
    check_positional(vm, name, args.len(), min, max)?;
    Ok(args)
}

/// The type a `__new__` was called for (a subclass, or `fallback`).
pub(crate) fn cls_type<'a>(cls: &'a Value, fallback: &'static TypeObject) -> &'a TypeObject {
    cls.downcast_ref::<TypeObject>()
        .filter(|t| t.layout == LayoutKind::Native)
        .unwrap_or(fallback)
}

/// The native state of `v`, or the TypeError CPython gives for a method
/// called on the wrong kind of object.
#[inline]
pub(crate) fn state<'a, T: NativeData>(vm: &mut Vm, v: &'a Value, what: &str) -> PyResult<&'a T> {
    match v.native_ref::<T>() {
        Some(s) => Ok(s),
        None => {
            let msg = format!("descriptor requires a '{what}' object but received a '{}'", vm.type_name(v));
            Err(vm.type_error(msg))
        }
    }
}

/// The first argument (`self`) of a method.
#[inline]
pub(crate) fn self_arg<'a, T: NativeData>(vm: &mut Vm, args: &'a [Value], what: &str) -> PyResult<(&'a Value, &'a T)> {
    let Some(me) = args.first() else {
        return Err(vm.type_error(format!("descriptor of '{what}' object needs an argument")));
    };
    Ok((me, state::<T>(vm, me, what)?))
}

pub(crate) fn self_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

/// Builds a module type: `module.name`, instances `NativeObject`s.
pub(crate) fn make_type(
    nt: &'static NativeType,
    module: &'static str,
    name: &'static str,
    basetype: bool,
    configure: impl FnOnce(&mut Slots),
) -> &'static TypeObject {
    nt.get_or_init(|st| {
        let flags = if basetype { type_flags::BASETYPE } else { 0 };
        init_native_type(st, module, name, LayoutKind::Native, &OBJECT_TYPE, flags, configure);
    })
}

/// A `Value` slot that may be empty (CPython's NULL).
#[derive(Default)]
pub(crate) struct Slot(RefCell<Option<Value>>);

impl Slot {
    pub fn new(v: Option<Value>) -> Slot {
        Slot(RefCell::new(v))
    }
    pub fn get(&self) -> Option<Value> {
        self.0.borrow().clone()
    }
    pub fn set(&self, v: Option<Value>) {
        // The old value is dropped after the borrow ends (its finalizer may run Python).
        let old = self.0.replace(v);
        drop(old);
    }
    pub fn take(&self) -> Option<Value> {
        self.0.borrow_mut().take()
    }
    pub fn visit(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(b) = self.0.try_borrow() {
            if let Some(v) = &*b {
                visit(v);
            }
        }
    }
}

/// `items` of a tuple argument when it is one, else the collected iterable.
pub(crate) fn tuple_or_collect(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    if let Some(t) = v.downcast_ref::<TupleObject>() {
        return Ok(t.items().to_vec());
    }
    vm.collect(v)
}

/// A non-negative size argument (`r`, `repeat`, `times`): an int, with
/// CPython's messages for other types and for overflow.
fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let i = vm.index(v)?;
    match as_int(&i).and_then(|x| x.to_i64()) {
        Some(x) => Ok(x),
        None => Err(vm.new_error(
            ExcKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        )),
    }
}

// ---------------------------------------------------------------------------
// Types.

static CHAIN: NativeType = NativeType::new();
static ACCUMULATE: NativeType = NativeType::new();
static COMBINATIONS: NativeType = NativeType::new();
static COMBINATIONS_WR: NativeType = NativeType::new();
static PERMUTATIONS: NativeType = NativeType::new();
static PRODUCT: NativeType = NativeType::new();
static COMPRESS: NativeType = NativeType::new();
static COUNT: NativeType = NativeType::new();
static CYCLE: NativeType = NativeType::new();
static DROPWHILE: NativeType = NativeType::new();
static TAKEWHILE: NativeType = NativeType::new();
static FILTERFALSE: NativeType = NativeType::new();
static STARMAP: NativeType = NativeType::new();
static GROUPBY: NativeType = NativeType::new();
static GROUPER: NativeType = NativeType::new();
static ISLICE: NativeType = NativeType::new();
static PAIRWISE: NativeType = NativeType::new();
static REPEAT: NativeType = NativeType::new();
static TEE: NativeType = NativeType::new();
static ZIP_LONGEST: NativeType = NativeType::new();

// --- chain -----------------------------------------------------------------

struct Chain {
    /// Iterator over the iterables (NULL once exhausted).
    source: Slot,
    active: Slot,
}

impl NativeData for Chain {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.source.visit(visit);
        self.active.visit(visit);
    }
    fn clear(&self) {
        self.source.set(None);
        self.active.set(None);
    }
}

fn chain_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "chain", kwnames)?;
    let source = vm.iter(&new_tuple_from_slice(args))?;
    Ok(new_native(
        cls_type(cls, chain_type()),
        Chain {
            source: Slot::new(Some(source)),
            active: Slot::default(),
        },
    ))
}

fn chain_from_iterable(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    // args[0] is the class (classmethod).
    check_no_kwargs(vm, "from_iterable", kwnames)?;
    if args.len() != 2 {
        let n = args.len().saturating_sub(1);
        return Err(vm.type_error(format!("chain.from_iterable() takes exactly one argument ({n} given)")));
    }
    let source = vm.iter(&args[1])?;
    Ok(new_native(
        cls_type(&args[0], chain_type()),
        Chain {
            source: Slot::new(Some(source)),
            active: Slot::default(),
        },
    ))
}

fn chain_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(c) = me.native_ref::<Chain>() else { return Ok(None) };
    loop {
        if let Some(active) = c.active.get() {
            if let Some(v) = vm.next(&active)? {
                return Ok(Some(v));
            }
            c.active.set(None);
        }
        let Some(source) = c.source.get() else { return Ok(None) };
        match vm.next(&source)? {
            Some(iterable) => {
                let it = vm.iter(&iterable)?;
                c.active.set(Some(it));
            }
            None => {
                c.source.set(None);
                return Ok(None);
            }
        }
    }
}

fn chain_type() -> &'static TypeObject {
    make_type(&CHAIN, "itertools", "chain", true, |s| {
        s.new = Some(chain_new);
        s.iter = Some(self_iter);
        s.iternext = Some(chain_next);
    })
}

// --- accumulate ------------------------------------------------------------

struct Accumulate {
    it: Value,
    func: Option<Value>,
    total: Slot,
    initial: Slot,
}

impl NativeData for Accumulate {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.it);
        if let Some(f) = &self.func {
            visit(f);
        }
        self.total.visit(visit);
        self.initial.visit(visit);
    }
}

fn accumulate_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "accumulate", args, kwnames, &["iterable", "func", "initial"], 2, 1)?;
    let it = vm.iter(a[0].as_ref().unwrap_or(&none()))?;
    let func = a[1].clone().filter(|f| !f.is_none());
    let initial = a[2].clone().filter(|f| !f.is_none());
    Ok(new_native(
        cls_type(cls, accumulate_type()),
        Accumulate {
            it,
            func,
            total: Slot::default(),
            initial: Slot::new(initial),
        },
    ))
}

fn accumulate_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(a) = me.native_ref::<Accumulate>() else { return Ok(None) };
    if let Some(init) = a.initial.take() {
        a.total.set(Some(init.clone()));
        return Ok(Some(init));
    }
    let Some(v) = vm.next(&a.it)? else { return Ok(None) };
    let new_total = match a.total.get() {
        None => v,
        Some(total) => match &a.func {
            None => vm.binary_op(nb::ADD, &total, &v)?,
            Some(f) => vm.call(f, &[total, v], None)?,
        },
    };
    a.total.set(Some(new_total.clone()));
    Ok(Some(new_total))
}

fn accumulate_type() -> &'static TypeObject {
    make_type(&ACCUMULATE, "itertools", "accumulate", true, |s| {
        s.new = Some(accumulate_new);
        s.iter = Some(self_iter);
        s.iternext = Some(accumulate_next);
    })
}

// --- combinations / combinations_with_replacement / permutations / product --

/// The index state shared by the combinatoric iterators.
struct Combinatoric {
    pool: Vec<Value>,
    r: usize,
    indices: RefCell<Vec<usize>>,
    /// permutations only.
    cycles: RefCell<Vec<usize>>,
    /// Last tuple returned (None before the first).
    started: Cell<bool>,
    stopped: Cell<bool>,
}

impl NativeData for Combinatoric {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.pool.iter().for_each(|v| visit(v));
    }
}

impl Combinatoric {
    fn new(pool: Vec<Value>, r: usize, indices: Vec<usize>, cycles: Vec<usize>, stopped: bool) -> Combinatoric {
        Combinatoric {
            pool,
            r,
            indices: RefCell::new(indices),
            cycles: RefCell::new(cycles),
            started: Cell::new(false),
            stopped: Cell::new(stopped),
        }
    }

    fn tuple_of(&self, idx: &[usize]) -> Value {
        // Invariant: every index is < pool.len() (the algorithms keep it so).
        new_tuple(idx.iter().map(|&i| self.pool[i].clone()).collect())
    }
}

fn r_arg(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let r = ssize_arg(vm, v)?;
    if r < 0 {
        return Err(vm.value_error("r must be non-negative"));
    }
    Ok(r as usize)
}

fn combinations_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "combinations", args, kwnames, &["iterable", "r"], 2, 2)?;
    let pool = tuple_or_collect(vm, a[0].as_ref().unwrap_or(&none()))?;
    let r = r_arg(vm, a[1].as_ref().unwrap_or(&none()))?;
    let n = pool.len();
    let state = Combinatoric::new(pool, r, (0..r).collect(), Vec::new(), r > n);
    Ok(new_native(cls_type(cls, combinations_type()), state))
}

fn combinations_next(_vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(c) = me.native_ref::<Combinatoric>() else { return Ok(None) };
    if c.stopped.get() {
        return Ok(None);
    }
    let n = c.pool.len();
    let r = c.r;
    let mut idx = c.indices.borrow_mut();
    if c.started.get() {
        // Rightmost index that is not at its maximum.
        let Some(i) = (0..r).rev().find(|&i| idx[i] != i + n - r) else {
            c.stopped.set(true);
            return Ok(None);
        };
        idx[i] += 1;
        for j in i + 1..r {
            idx[j] = idx[j - 1] + 1;
        }
    }
    c.started.set(true);
    Ok(Some(c.tuple_of(&idx)))
}

fn combinations_type() -> &'static TypeObject {
    make_type(&COMBINATIONS, "itertools", "combinations", true, |s| {
        s.new = Some(combinations_new);
        s.iter = Some(self_iter);
        s.iternext = Some(combinations_next);
    })
}

fn cwr_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "combinations_with_replacement", args, kwnames, &["iterable", "r"], 2, 2)?;
    let pool = tuple_or_collect(vm, a[0].as_ref().unwrap_or(&none()))?;
    let r = r_arg(vm, a[1].as_ref().unwrap_or(&none()))?;
    let n = pool.len();
    let state = Combinatoric::new(pool, r, vec![0; r], Vec::new(), n == 0 && r > 0);
    Ok(new_native(cls_type(cls, cwr_type()), state))
}

fn cwr_next(_vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(c) = me.native_ref::<Combinatoric>() else { return Ok(None) };
    if c.stopped.get() {
        return Ok(None);
    }
    let n = c.pool.len();
    let r = c.r;
    let mut idx = c.indices.borrow_mut();
    if c.started.get() {
        let Some(i) = (0..r).rev().find(|&i| idx[i] != n - 1) else {
            c.stopped.set(true);
            return Ok(None);
        };
        let v = idx[i] + 1;
        for x in idx[i..].iter_mut() {
            *x = v;
        }
    }
    c.started.set(true);
    Ok(Some(c.tuple_of(&idx)))
}

fn cwr_type() -> &'static TypeObject {
    make_type(&COMBINATIONS_WR, "itertools", "combinations_with_replacement", true, |s| {
        s.new = Some(cwr_new);
        s.iter = Some(self_iter);
        s.iternext = Some(cwr_next);
    })
}

fn permutations_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "permutations", args, kwnames, &["iterable", "r"], 2, 1)?;
    let pool = tuple_or_collect(vm, a[0].as_ref().unwrap_or(&none()))?;
    let n = pool.len();
    let r = match &a[1] {
        None => n,
        Some(v) if v.is_none() => n,
        Some(v) => {
            if as_int(v).is_none() {
                return Err(vm.type_error("Expected int as r"));
            }
            r_arg(vm, v)?
        }
    };
    let cycles: Vec<usize> = (0..r).map(|i| n.saturating_sub(i)).collect();
    let state = Combinatoric::new(pool, r, (0..n).collect(), cycles, r > n);
    Ok(new_native(cls_type(cls, permutations_type()), state))
}

fn permutations_next(_vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(c) = me.native_ref::<Combinatoric>() else { return Ok(None) };
    if c.stopped.get() {
        return Ok(None);
    }
    let n = c.pool.len();
    let r = c.r;
    let mut idx = c.indices.borrow_mut();
    let mut cycles = c.cycles.borrow_mut();
    if c.started.get() {
        if n == 0 {
            c.stopped.set(true);
            return Ok(None);
        }
        // The algorithm of the itertools documentation, which fixes the order.
        let mut i = r;
        loop {
            if i == 0 {
                c.stopped.set(true);
                return Ok(None);
            }
            i -= 1;
            cycles[i] -= 1;
            if cycles[i] == 0 {
                let first = idx[i];
                idx[i..].rotate_left(1);
                idx[n - 1] = first;
                cycles[i] = n - i;
            } else {
                let j = cycles[i];
                idx.swap(i, n - j);
                break;
            }
        }
    }
    c.started.set(true);
    Ok(Some(c.tuple_of(&idx[..r])))
}

fn permutations_type() -> &'static TypeObject {
    make_type(&PERMUTATIONS, "itertools", "permutations", true, |s| {
        s.new = Some(permutations_new);
        s.iter = Some(self_iter);
        s.iternext = Some(permutations_next);
    })
}

struct Product {
    pools: Vec<Vec<Value>>,
    indices: RefCell<Vec<usize>>,
    started: Cell<bool>,
    stopped: Cell<bool>,
}

impl NativeData for Product {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.pools.iter().flatten().for_each(|v| visit(v));
    }
}

fn product_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let (pos, kw) = split_kwargs(args, kwnames);
    let mut repeat = 1i64;
    for (k, v) in kw {
        if display_lossy(k) != "repeat" {
            let msg = format!("'{}' is an invalid keyword argument for product()", display_lossy(k));
            return Err(vm.type_error(msg));
        }
        repeat = ssize_arg(vm, v)?;
        if repeat < 0 {
            return Err(vm.value_error("repeat argument cannot be negative"));
        }
    }
    let mut base = Vec::with_capacity(pos.len());
    for p in pos {
        base.push(tuple_or_collect(vm, p)?);
    }
    if repeat > 0 && (base.len() as u128) * (repeat as u128) > (isize::MAX as u128) / 8 {
        return Err(vm.new_error(ExcKind::OverflowError, "repeat argument too large"));
    }
    let mut pools = Vec::with_capacity(base.len() * repeat as usize);
    for _ in 0..repeat {
        pools.extend(base.iter().cloned());
    }
    let stopped = pools.iter().any(|p| p.is_empty());
    let n = pools.len();
    Ok(new_native(
        cls_type(cls, product_type()),
        Product {
            pools,
            indices: RefCell::new(vec![0; n]),
            started: Cell::new(false),
            stopped: Cell::new(stopped),
        },
    ))
}

fn product_next(_vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(p) = me.native_ref::<Product>() else { return Ok(None) };
    if p.stopped.get() {
        return Ok(None);
    }
    let mut idx = p.indices.borrow_mut();
    if p.started.get() {
        // Odometer: advance the rightmost pool, carrying leftwards.
        let mut i = p.pools.len();
        loop {
            if i == 0 {
                p.stopped.set(true);
                return Ok(None);
            }
            i -= 1;
            idx[i] += 1;
            if idx[i] < p.pools[i].len() {
                break;
            }
            idx[i] = 0;
        }
    }
    p.started.set(true);
    Ok(Some(new_tuple(
        idx.iter().zip(&p.pools).map(|(&i, pool)| pool[i].clone()).collect(),
    )))
}

fn product_type() -> &'static TypeObject {
    make_type(&PRODUCT, "itertools", "product", true, |s| {
        s.new = Some(product_new);
        s.iter = Some(self_iter);
        s.iternext = Some(product_next);
    })
}

// --- compress, dropwhile, takewhile, filterfalse, starmap, pairwise ---------

/// Two-value iterators: (function or data, iterator) plus a flag.
struct Pair {
    a: Value,
    it: Slot,
    flag: Cell<bool>,
    /// pairwise's previous item.
    old: Slot,
}

impl NativeData for Pair {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.a);
        self.it.visit(visit);
        self.old.visit(visit);
    }
    fn clear(&self) {
        self.it.set(None);
        self.old.set(None);
    }
}

fn new_pair(cls: &Value, ty: &'static TypeObject, a: Value, it: Value) -> Value {
    new_native(
        cls_type(cls, ty),
        Pair {
            a,
            it: Slot::new(Some(it)),
            flag: Cell::new(false),
            old: Slot::default(),
        },
    )
}

fn compress_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "compress", args, kwnames, &["data", "selectors"], 2, 2)?;
    let data = vm.iter(a[0].as_ref().unwrap_or(&none()))?;
    let selectors = vm.iter(a[1].as_ref().unwrap_or(&none()))?;
    Ok(new_pair(cls, compress_type(), data, selectors))
}

fn compress_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(p) = me.native_ref::<Pair>() else { return Ok(None) };
    let Some(selectors) = p.it.get() else { return Ok(None) };
    loop {
        let Some(datum) = vm.next(&p.a)? else { return Ok(None) };
        let Some(sel) = vm.next(&selectors)? else { return Ok(None) };
        if vm.is_true(&sel)? {
            return Ok(Some(datum));
        }
    }
}

fn compress_type() -> &'static TypeObject {
    make_type(&COMPRESS, "itertools", "compress", true, |s| {
        s.new = Some(compress_new);
        s.iter = Some(self_iter);
        s.iternext = Some(compress_next);
    })
}

fn dropwhile_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = positional(vm, "dropwhile", args, kwnames, 2, 2)?;
    let it = vm.iter(&a[1])?;
    Ok(new_pair(cls, dropwhile_type(), a[0].clone(), it))
}

fn dropwhile_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(p) = me.native_ref::<Pair>() else { return Ok(None) };
    let Some(it) = p.it.get() else { return Ok(None) };
    loop {
        let Some(v) = vm.next(&it)? else { return Ok(None) };
        if p.flag.get() {
            return Ok(Some(v));
        }
        let keep_dropping = vm.call1(&p.a, v.clone())?;
        if !vm.is_true(&keep_dropping)? {
            p.flag.set(true);
            return Ok(Some(v));
        }
    }
}

fn dropwhile_type() -> &'static TypeObject {
    make_type(&DROPWHILE, "itertools", "dropwhile", true, |s| {
        s.new = Some(dropwhile_new);
        s.iter = Some(self_iter);
        s.iternext = Some(dropwhile_next);
    })
}

fn takewhile_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = positional(vm, "takewhile", args, kwnames, 2, 2)?;
    let it = vm.iter(&a[1])?;
    Ok(new_pair(cls, takewhile_type(), a[0].clone(), it))
}

fn takewhile_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(p) = me.native_ref::<Pair>() else { return Ok(None) };
    if p.flag.get() {
        return Ok(None);
    }
    let Some(it) = p.it.get() else { return Ok(None) };
    let Some(v) = vm.next(&it)? else { return Ok(None) };
    let ok = vm.call1(&p.a, v.clone())?;
    if vm.is_true(&ok)? {
        return Ok(Some(v));
    }
    p.flag.set(true);
    Ok(None)
}

fn takewhile_type() -> &'static TypeObject {
    make_type(&TAKEWHILE, "itertools", "takewhile", true, |s| {
        s.new = Some(takewhile_new);
        s.iter = Some(self_iter);
        s.iternext = Some(takewhile_next);
    })
}

fn filterfalse_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = positional(vm, "filterfalse", args, kwnames, 2, 2)?;
    let it = vm.iter(&a[1])?;
    Ok(new_pair(cls, filterfalse_type(), a[0].clone(), it))
}

fn filterfalse_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(p) = me.native_ref::<Pair>() else { return Ok(None) };
    let Some(it) = p.it.get() else { return Ok(None) };
    loop {
        let Some(v) = vm.next(&it)? else { return Ok(None) };
        let truth = if p.a.is_none() || std::ptr::eq(type_of(&p.a), crate::typeobj::BOOL_TYPE.ptr()) {
            vm.is_true(&v)?
        } else {
            let r = vm.call1(&p.a, v.clone())?;
            vm.is_true(&r)?
        };
        if !truth {
            return Ok(Some(v));
        }
    }
}

fn filterfalse_type() -> &'static TypeObject {
    make_type(&FILTERFALSE, "itertools", "filterfalse", true, |s| {
        s.new = Some(filterfalse_new);
        s.iter = Some(self_iter);
        s.iternext = Some(filterfalse_next);
    })
}

fn starmap_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = positional(vm, "starmap", args, kwnames, 2, 2)?;
    let it = vm.iter(&a[1])?;
    Ok(new_pair(cls, starmap_type(), a[0].clone(), it))
}

fn starmap_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(p) = me.native_ref::<Pair>() else { return Ok(None) };
    let Some(it) = p.it.get() else { return Ok(None) };
    let Some(v) = vm.next(&it)? else { return Ok(None) };
    if let Some(t) = v.downcast_ref::<TupleObject>() {
        return vm.call(&p.a, t.items(), None).map(Some);
    }
    // As PySequence_Tuple: any iterable, with TypeError for others.
    if type_of(&v).slots().iter.is_none() && type_of(&v).slots().getitem.is_none() {
        let msg = format!("'{}' object is not iterable", vm.type_name(&v));
        return Err(vm.type_error(msg));
    }
    let items = vm.collect(&v)?;
    vm.call(&p.a, &items, None).map(Some)
}

fn starmap_type() -> &'static TypeObject {
    make_type(&STARMAP, "itertools", "starmap", true, |s| {
        s.new = Some(starmap_new);
        s.iter = Some(self_iter);
        s.iternext = Some(starmap_next);
    })
}

fn pairwise_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = positional(vm, "pairwise", args, kwnames, 1, 1)?;
    let it = vm.iter(&a[0])?;
    Ok(new_pair(cls, pairwise_type(), none(), it))
}

fn pairwise_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(p) = me.native_ref::<Pair>() else { return Ok(None) };
    let Some(it) = p.it.get() else { return Ok(None) };
    let old = match p.old.get() {
        Some(o) => o,
        None => match vm.next(&it)? {
            Some(o) => {
                p.old.set(Some(o.clone()));
                o
            }
            None => {
                p.it.set(None);
                return Ok(None);
            }
        },
    };
    match vm.next(&it)? {
        Some(new) => {
            p.old.set(Some(new.clone()));
            Ok(Some(new_tuple(vec![old, new])))
        }
        None => {
            p.it.set(None);
            p.old.set(None);
            Ok(None)
        }
    }
}

fn pairwise_type() -> &'static TypeObject {
    make_type(&PAIRWISE, "itertools", "pairwise", true, |s| {
        s.new = Some(pairwise_new);
        s.iter = Some(self_iter);
        s.iternext = Some(pairwise_next);
    })
}

// --- count -----------------------------------------------------------------

struct Count {
    cnt: RefCell<Value>,
    step: Value,
}

impl NativeData for Count {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(c) = self.cnt.try_borrow() {
            visit(&c);
        }
        visit(&self.step);
    }
}

/// PyNumber_Check: ints, floats, complex and anything with `__index__`,
/// `__int__` or `__float__`.
fn is_number(v: &Value) -> bool {
    if v.is_small_int() || v.is_float() || as_int(v).is_some() {
        return true;
    }
    let s = type_of(v).slots();
    s.index.is_some() || s.int.is_some() || s.float.is_some() || type_of(v).name_string() == "complex"
}

fn count_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "count", args, kwnames, &["start", "step"], 2, 0)?;
    let start = a[0].clone();
    let step = a[1].clone();
    if start.as_ref().is_some_and(|v| !is_number(v)) || step.as_ref().is_some_and(|v| !is_number(v)) {
        return Err(vm.type_error("a number is required"));
    }
    Ok(new_native(
        cls_type(cls, count_type()),
        Count {
            cnt: RefCell::new(start.unwrap_or(Value::int(0))),
            step: step.unwrap_or(Value::int(1)),
        },
    ))
}

fn count_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(c) = me.native_ref::<Count>() else { return Ok(None) };
    let cur = c.cnt.borrow().clone();
    // Fast path: small ints (the common `count()`).
    if let (Some(a), Some(b)) = (cur.as_small_int(), c.step.as_small_int()) {
        *c.cnt.borrow_mut() = Value::int(a + b);
        return Ok(Some(cur));
    }
    let next = vm.binary_op(nb::ADD, &cur, &c.step)?;
    let old = c.cnt.replace(next);
    Ok(Some(old))
}

fn count_repr(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let c = state::<Count>(vm, me, "count")?;
    let name = type_of(me).name_string();
    let cnt = c.cnt.borrow().clone();
    let cnt_repr = vm.repr_string(&cnt)?;
    // An int step of 1 is not shown.
    let step_is_one = as_int(&c.step).and_then(|i| i.to_i64()) == Some(1);
    if step_is_one {
        return Ok(new_str(&format!("{name}({cnt_repr})")));
    }
    let step_repr = vm.repr_string(&c.step)?;
    Ok(new_str(&format!("{name}({cnt_repr}, {step_repr})")))
}

fn count_reduce(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (me, c) = self_arg::<Count>(vm, args, "count")?;
    let cnt = c.cnt.borrow().clone();
    let fast = cnt.is_small_int() && as_int(&c.step).and_then(|i| i.to_i64()) == Some(1) && as_int(&c.step).is_some();
    let inner = if fast {
        new_tuple(vec![cnt])
    } else {
        new_tuple(vec![cnt, c.step.clone()])
    };
    Ok(new_tuple(vec![type_of(me).as_value(), inner]))
}

fn count_type() -> &'static TypeObject {
    let t = make_type(&COUNT, "itertools", "count", true, |s| {
        s.new = Some(count_new);
        s.iter = Some(self_iter);
        s.iternext = Some(count_next);
        s.repr = Some(count_repr);
    });
    t
}

// --- cycle -----------------------------------------------------------------

struct Cycle {
    it: Value,
    saved: RefCell<Vec<Value>>,
    index: Cell<usize>,
    firstpass: Cell<bool>,
}

impl NativeData for Cycle {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.it);
        if let Ok(s) = self.saved.try_borrow() {
            s.iter().for_each(|v| visit(v));
        }
    }
}

fn cycle_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = positional(vm, "cycle", args, kwnames, 1, 1)?;
    let it = vm.iter(&a[0])?;
    Ok(new_native(
        cls_type(cls, cycle_type()),
        Cycle {
            it,
            saved: RefCell::new(Vec::new()),
            index: Cell::new(0),
            firstpass: Cell::new(false),
        },
    ))
}

fn cycle_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(c) = me.native_ref::<Cycle>() else { return Ok(None) };
    if !c.firstpass.get() {
        if let Some(v) = vm.next(&c.it)? {
            c.saved.borrow_mut().push(v.clone());
            return Ok(Some(v));
        }
        c.firstpass.set(true);
    }
    let saved = c.saved.borrow();
    if saved.is_empty() {
        return Ok(None);
    }
    let i = c.index.get() % saved.len();
    c.index.set(i + 1);
    Ok(Some(saved[i].clone()))
}

fn cycle_type() -> &'static TypeObject {
    make_type(&CYCLE, "itertools", "cycle", true, |s| {
        s.new = Some(cycle_new);
        s.iter = Some(self_iter);
        s.iternext = Some(cycle_next);
    })
}

// --- groupby / _grouper ----------------------------------------------------

struct GroupBy {
    it: Value,
    keyfunc: Option<Value>,
    tgtkey: Slot,
    currkey: Slot,
    currvalue: Slot,
    /// Serial number of the current `_grouper` (older groupers are exhausted).
    current_grouper: Cell<u64>,
}

impl NativeData for GroupBy {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.it);
        if let Some(k) = &self.keyfunc {
            visit(k);
        }
        self.tgtkey.visit(visit);
        self.currkey.visit(visit);
        self.currvalue.visit(visit);
    }
    fn clear(&self) {
        self.tgtkey.set(None);
        self.currkey.set(None);
        self.currvalue.set(None);
    }
}

struct Grouper {
    parent: Value,
    tgtkey: Value,
    serial: u64,
}

impl NativeData for Grouper {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.parent);
        visit(&self.tgtkey);
    }
}

fn groupby_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "groupby", args, kwnames, &["iterable", "key"], 2, 1)?;
    let it = vm.iter(a[0].as_ref().unwrap_or(&none()))?;
    let keyfunc = a[1].clone().filter(|k| !k.is_none());
    Ok(new_native(
        cls_type(cls, groupby_type()),
        GroupBy {
            it,
            keyfunc,
            tgtkey: Slot::default(),
            currkey: Slot::default(),
            currvalue: Slot::default(),
            current_grouper: Cell::new(0),
        },
    ))
}

/// Advances the source: false when exhausted.
fn groupby_step(vm: &mut Vm, g: &GroupBy) -> PyResult<bool> {
    let Some(v) = vm.next(&g.it)? else { return Ok(false) };
    let key = match &g.keyfunc {
        None => v.clone(),
        Some(f) => vm.call1(f, v.clone())?,
    };
    g.currvalue.set(Some(v));
    g.currkey.set(Some(key));
    Ok(true)
}

fn groupby_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(g) = me.native_ref::<GroupBy>() else { return Ok(None) };
    // Invalidate the current grouper.
    g.current_grouper.set(g.current_grouper.get() + 1);
    loop {
        if let Some(curr) = g.currkey.get() {
            let Some(tgt) = g.tgtkey.get() else { break };
            if !vm.compare_bool(&tgt, &curr, CompareOp::Eq)? {
                break;
            }
        }
        if !groupby_step(vm, g)? {
            return Ok(None);
        }
    }
    let Some(key) = g.currkey.get() else { return Ok(None) };
    g.tgtkey.set(Some(key.clone()));
    let grouper = new_native(
        grouper_type(),
        Grouper {
            parent: me.clone(),
            tgtkey: key.clone(),
            serial: g.current_grouper.get(),
        },
    );
    Ok(Some(new_tuple(vec![key, grouper])))
}

fn grouper_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(gr) = me.native_ref::<Grouper>() else { return Ok(None) };
    let Some(g) = gr.parent.native_ref::<GroupBy>() else { return Ok(None) };
    if g.current_grouper.get() != gr.serial {
        return Ok(None);
    }
    if g.currvalue.get().is_none() && !groupby_step(vm, g)? {
        return Ok(None);
    }
    let Some(curr) = g.currkey.get() else { return Ok(None) };
    if !vm.compare_bool(&gr.tgtkey, &curr, CompareOp::Eq)? {
        return Ok(None);
    }
    Ok(g.currvalue.take())
}

fn grouper_new(vm: &mut Vm, _cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = positional(vm, "_grouper", args, kwnames, 2, 2)?;
    let Some(g) = a[0].native_ref::<GroupBy>() else {
        let msg = format!(
            "_grouper() argument 1 must be itertools.groupby, not {}",
            vm.type_name(&a[0])
        );
        return Err(vm.type_error(msg));
    };
    Ok(new_native(
        grouper_type(),
        Grouper {
            parent: a[0].clone(),
            tgtkey: a[1].clone(),
            serial: g.current_grouper.get(),
        },
    ))
}

fn groupby_type() -> &'static TypeObject {
    make_type(&GROUPBY, "itertools", "groupby", true, |s| {
        s.new = Some(groupby_new);
        s.iter = Some(self_iter);
        s.iternext = Some(groupby_next);
    })
}

fn grouper_type() -> &'static TypeObject {
    make_type(&GROUPER, "itertools", "_grouper", false, |s| {
        s.new = Some(grouper_new);
        s.iter = Some(self_iter);
        s.iternext = Some(grouper_next);
    })
}

// --- islice ----------------------------------------------------------------

struct ISlice {
    it: Slot,
    next: Cell<i64>,
    /// -1: no stop.
    stop: i64,
    step: i64,
    cnt: Cell<i64>,
}

impl NativeData for ISlice {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.it.visit(visit);
    }
    fn clear(&self) {
        self.it.set(None);
    }
}

/// PyNumber_AsSsize_t; None when not an integer or out of range (the
/// caller maps that to islice's ValueError).
fn islice_index(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    let iv = match vm.index(v) {
        Ok(i) => i,
        Err(e) if e.is_instance(ExcKind::TypeError) => return Ok(None),
        Err(e) => return Err(e),
    };
    // Beyond sys.maxsize is an error too (PyNumber_AsSsize_t overflows).
    Ok(as_int(&iv).and_then(|i| i.to_i64()))
}

fn islice_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = positional(vm, "islice", args, kwnames, 2, 4)?;
    const STOP_MSG: &str = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    const IDX_MSG: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let (mut start, mut stop, mut step) = (0i64, -1i64, 1i64);
    if a.len() == 2 {
        if !a[1].is_none() {
            match islice_index(vm, &a[1])? {
                Some(s) if s >= 0 => stop = s,
                _ => return Err(vm.value_error(STOP_MSG)),
            }
        }
    } else {
        if !a[1].is_none() {
            start = islice_index(vm, &a[1])?.unwrap_or(-1);
        }
        if !a[2].is_none() {
            match islice_index(vm, &a[2])? {
                Some(s) if s >= 0 => stop = s,
                _ => return Err(vm.value_error(STOP_MSG)),
            }
        }
    }
    if start < 0 || stop < -1 {
        return Err(vm.value_error(IDX_MSG));
    }
    if a.len() == 4 && !a[3].is_none() {
        step = islice_index(vm, &a[3])?.unwrap_or(-1);
    }
    if step < 1 {
        return Err(vm.value_error("Step for islice() must be a positive integer or None."));
    }
    let it = vm.iter(&a[0])?;
    Ok(new_native(
        cls_type(cls, islice_type()),
        ISlice {
            it: Slot::new(Some(it)),
            next: Cell::new(start),
            stop,
            step,
            cnt: Cell::new(0),
        },
    ))
}

fn islice_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(s) = me.native_ref::<ISlice>() else { return Ok(None) };
    let Some(it) = s.it.get() else { return Ok(None) };
    while s.cnt.get() < s.next.get() {
        if vm.next(&it)?.is_none() {
            s.it.set(None);
            return Ok(None);
        }
        s.cnt.set(s.cnt.get() + 1);
    }
    if s.stop != -1 && s.cnt.get() >= s.stop {
        s.it.set(None);
        return Ok(None);
    }
    let Some(item) = vm.next(&it)? else {
        s.it.set(None);
        return Ok(None);
    };
    s.cnt.set(s.cnt.get() + 1);
    let old = s.next.get();
    let mut next = old.saturating_add(s.step);
    if next < old || (s.stop != -1 && next > s.stop) {
        next = s.stop;
    }
    s.next.set(next);
    Ok(Some(item))
}

fn islice_type() -> &'static TypeObject {
    make_type(&ISLICE, "itertools", "islice", true, |s| {
        s.new = Some(islice_new);
        s.iter = Some(self_iter);
        s.iternext = Some(islice_next);
    })
}

// --- repeat ----------------------------------------------------------------

struct Repeat {
    element: Value,
    /// -1: forever.
    cnt: Cell<i64>,
}

impl NativeData for Repeat {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.element);
    }
}

fn repeat_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "repeat", args, kwnames, &["object", "times"], 2, 1)?;
    let element = a[0].clone().unwrap_or_else(none);
    let cnt = match &a[1] {
        None => -1,
        Some(t) => ssize_arg(vm, t)?.max(0),
    };
    Ok(new_native(
        cls_type(cls, repeat_type()),
        Repeat {
            element,
            cnt: Cell::new(cnt),
        },
    ))
}

fn repeat_next(_vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(r) = me.native_ref::<Repeat>() else { return Ok(None) };
    match r.cnt.get() {
        0 => Ok(None),
        n => {
            if n > 0 {
                r.cnt.set(n - 1);
            }
            Ok(Some(r.element.clone()))
        }
    }
}

fn repeat_repr(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let r = state::<Repeat>(vm, me, "repeat")?;
    let name = type_of(me).name_string();
    if !vm.repr_enter(me) {
        return Ok(new_str("..."));
    }
    let e = vm.repr_string(&r.element);
    vm.repr_leave(me);
    let e = e?;
    Ok(new_str(&match r.cnt.get() {
        -1 => format!("{name}({e})"),
        n => format!("{name}({e}, {n})"),
    }))
}

fn repeat_length_hint(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (_, r) = self_arg::<Repeat>(vm, args, "repeat")?;
    match r.cnt.get() {
        -1 => Err(vm.type_error("len() of unsized object")),
        n => Ok(Value::int(n)),
    }
}

fn repeat_reduce(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (me, r) = self_arg::<Repeat>(vm, args, "repeat")?;
    let inner = match r.cnt.get() {
        -1 => new_tuple(vec![r.element.clone()]),
        n => new_tuple(vec![r.element.clone(), Value::int(n)]),
    };
    Ok(new_tuple(vec![type_of(me).as_value(), inner]))
}

fn repeat_type() -> &'static TypeObject {
    make_type(&REPEAT, "itertools", "repeat", true, |s| {
        s.new = Some(repeat_new);
        s.iter = Some(self_iter);
        s.iternext = Some(repeat_next);
        s.repr = Some(repeat_repr);
    })
}

// --- tee -------------------------------------------------------------------

/// Values are buffered in linked blocks shared by all the tee objects of one
/// source; a block is freed once every tee has moved past it.
const TEE_BLOCK: usize = 57;

struct TeeBlock {
    values: RefCell<Vec<Value>>,
    next: RefCell<Option<Rc<TeeBlock>>>,
    source: Rc<TeeSource>,
}

struct TeeSource {
    it: Value,
    /// Set while `next()` of the source runs (re-entry is a RuntimeError).
    running: Cell<bool>,
}

struct Tee {
    block: RefCell<Rc<TeeBlock>>,
    index: Cell<usize>,
}

impl NativeData for Tee {}

fn new_tee_from(vm: &mut Vm, iterable: &Value) -> PyResult<Value> {
    // A tee object is its own copy source: tee(tee_obj) shares its buffer.
    if let Some(t) = iterable.native_ref::<Tee>() {
        return Ok(tee_copy_of(t));
    }
    let it = vm.iter(iterable)?;
    let source = Rc::new(TeeSource {
        it,
        running: Cell::new(false),
    });
    let block = Rc::new(TeeBlock {
        values: RefCell::new(Vec::new()),
        next: RefCell::new(None),
        source,
    });
    Ok(new_native(
        tee_type(),
        Tee {
            block: RefCell::new(block),
            index: Cell::new(0),
        },
    ))
}

fn tee_copy_of(t: &Tee) -> Value {
    new_native(
        tee_type(),
        Tee {
            block: RefCell::new(t.block.borrow().clone()),
            index: Cell::new(t.index.get()),
        },
    )
}

fn tee_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(t) = me.native_ref::<Tee>() else { return Ok(None) };
    let mut i = t.index.get();
    if i >= TEE_BLOCK {
        let next = t.block.borrow().next.borrow().clone();
        let next = match next {
            Some(n) => n,
            None => {
                let source = t.block.borrow().source.clone();
                let n = Rc::new(TeeBlock {
                    values: RefCell::new(Vec::new()),
                    next: RefCell::new(None),
                    source,
                });
                *t.block.borrow().next.borrow_mut() = Some(n.clone());
                n
            }
        };
        *t.block.borrow_mut() = next;
        i = 0;
        t.index.set(0);
    }
    let block = t.block.borrow().clone();
    if let Some(v) = block.values.borrow().get(i) {
        t.index.set(i + 1);
        return Ok(Some(v.clone()));
    }
    // This tee is the leader: fetch a new value from the source.
    if block.source.running.get() {
        return Err(vm.new_error(ExcKind::RuntimeError, "cannot re-enter the tee iterator"));
    }
    block.source.running.set(true);
    let r = vm.next(&block.source.it);
    block.source.running.set(false);
    let Some(v) = r? else { return Ok(None) };
    // Another tee may have filled this slot during the call.
    let mut values = block.values.borrow_mut();
    if values.len() == i {
        values.push(v.clone());
    }
    let out = values.get(i).cloned().unwrap_or(v);
    t.index.set(i + 1);
    Ok(Some(out))
}

fn tee_copy(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (_, t) = self_arg::<Tee>(vm, args, "_tee")?;
    Ok(tee_copy_of(t))
}

fn tee_new(vm: &mut Vm, _cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = positional(vm, "_tee", args, kwnames, 1, 1)?;
    new_tee_from(vm, &a[0])
}

fn tee_type() -> &'static TypeObject {
    make_type(&TEE, "itertools", "_tee", false, |s| {
        s.new = Some(tee_new);
        s.iter = Some(self_iter);
        s.iternext = Some(tee_next);
    })
}

fn tee(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = positional(vm, "tee", args, kwnames, 1, 2)?;
    let n = match a.get(1) {
        Some(v) => ssize_arg(vm, v)?,
        None => 2,
    };
    if n < 0 {
        return Err(vm.value_error("n must be >= 0"));
    }
    if n == 0 {
        return Ok(new_tuple(Vec::new()));
    }
    let first = new_tee_from(vm, &a[0])?;
    let mut out = Vec::with_capacity(n as usize);
    for _ in 1..n {
        match first.native_ref::<Tee>() {
            Some(t) => out.push(tee_copy_of(t)),
            None => break,
        }
    }
    out.insert(0, first);
    Ok(new_tuple(out))
}

// --- zip_longest -----------------------------------------------------------

struct ZipLongest {
    iters: RefCell<Vec<Option<Value>>>,
    active: Cell<usize>,
    fillvalue: Value,
}

impl NativeData for ZipLongest {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(its) = self.iters.try_borrow() {
            its.iter().flatten().for_each(|v| visit(v));
        }
        visit(&self.fillvalue);
    }
}

fn zip_longest_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let (pos, kw) = split_kwargs(args, kwnames);
    let mut fillvalue = none();
    for (k, v) in kw {
        if display_lossy(k) != "fillvalue" {
            return Err(vm.type_error("zip_longest() got an unexpected keyword argument"));
        }
        fillvalue = v.clone();
    }
    let mut iters = Vec::with_capacity(pos.len());
    for p in pos {
        iters.push(Some(vm.iter(p)?));
    }
    let n = iters.len();
    Ok(new_native(
        cls_type(cls, zip_longest_type()),
        ZipLongest {
            iters: RefCell::new(iters),
            active: Cell::new(n),
            fillvalue,
        },
    ))
}

fn zip_longest_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(z) = me.native_ref::<ZipLongest>() else { return Ok(None) };
    let n = z.iters.borrow().len();
    if n == 0 || z.active.get() == 0 {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let it = z.iters.borrow().get(i).cloned().flatten();
        let item = match it {
            None => z.fillvalue.clone(),
            Some(it) => match vm.next(&it)? {
                Some(v) => v,
                None => {
                    z.active.set(z.active.get().saturating_sub(1));
                    if z.active.get() == 0 {
                        return Ok(None);
                    }
                    if let Some(slot) = z.iters.borrow_mut().get_mut(i) {
                        *slot = None;
                    }
                    z.fillvalue.clone()
                }
            },
        };
        out.push(item);
    }
    Ok(Some(new_tuple(out)))
}

fn zip_longest_type() -> &'static TypeObject {
    make_type(&ZIP_LONGEST, "itertools", "zip_longest", true, |s| {
        s.new = Some(zip_longest_new);
        s.iter = Some(self_iter);
        s.iternext = Some(zip_longest_next);
    })
}

// ---------------------------------------------------------------------------

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    use crate::typeinit::{add_method_to, set_attr};
    let m = ModuleBuilder::new("itertools");
    let chain = chain_type();
    if chain.dict().get_str_key("from_iterable").is_none() {
        let d = crate::objects::descr::new_method_descr(
            crate::typeobj::CLASSMETHOD_DESCR_TYPE.get(),
            "from_iterable",
            chain_from_iterable,
            chain,
        );
        set_attr(chain, "from_iterable", d);
        add_method_to(count_type(), "__reduce__", count_reduce);
        add_method_to(repeat_type(), "__length_hint__", repeat_length_hint);
        add_method_to(repeat_type(), "__reduce__", repeat_reduce);
        add_method_to(tee_type(), "__copy__", tee_copy);
    }
    for t in [
        accumulate_type(),
        chain,
        combinations_type(),
        cwr_type(),
        compress_type(),
        count_type(),
        cycle_type(),
        dropwhile_type(),
        filterfalse_type(),
        groupby_type(),
        grouper_type(),
        islice_type(),
        pairwise_type(),
        permutations_type(),
        product_type(),
        repeat_type(),
        starmap_type(),
        takewhile_type(),
        tee_type(),
        zip_longest_type(),
    ] {
        m.type_(t);
    }
    m.function("tee", tee);
    Ok(m.finish())
}
