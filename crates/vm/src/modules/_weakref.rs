//! `_weakref`: weak references (`ref`), proxies, and the helpers
//! `Lib/weakref.py` builds on.
//!
//! A weak reference is a native object holding its referent's address
//! without a reference. The referent's weakrefs are listed by the collector
//! (`gc::weakref_list`), in CPython's order: the basic ref (no callback, exact
//! type) first, then the basic proxy, then the others newest first. When the
//! referent dies, `gc` calls [`kill`] on each and queues the callbacks.

use crate::args::{check_no_kwargs, ArgSpec};
use crate::exception::{ExcKind, PyResult};
use crate::gc;
use crate::modules::{init_native_type, ModuleBuilder, NativeType};
use crate::object::{LayoutKind, ObjHeader};
use crate::objects::native::{new_native, NativeData};
use crate::objects::singletons::{none, not_implemented};
use crate::objects::str::{intern, new_str};
use crate::typeobj::{type_flags, type_of, CompareOp, KwNames, Slots, TypeObject, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::Vm;
use std::any::Any;
use std::cell::{Cell, UnsafeCell};
use std::ptr::NonNull;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Ref,
    Proxy,
    CallableProxy,
}

pub(crate) struct WeakData {
    /// The referent; null once it died.
    referent: Cell<*const ObjHeader>,
    /// NULL when there is none (or after it was called).
    callback: UnsafeCell<Value>,
    /// The referent's hash, -1 until computed.
    hash: Cell<i64>,
    /// This weakref object itself (to unregister on drop).
    me: Cell<*const ObjHeader>,
    kind: Kind,
}

impl WeakData {
    /// The referent (a new reference), or None when it died.
    fn get(&self) -> Option<Value> {
        let p = NonNull::new(self.referent.get() as *mut ObjHeader)?;
        // SAFETY: a non-null referent's memory is live: freeing it nulls this
        // field. A referent whose count already reached zero is dying (queued
        // by the deallocation trashcan, its weakrefs not yet cleared): it is
        // dead to Python, as CPython's PyWeakref_GET_OBJECT says, and taking
        // a reference would free it twice.
        if unsafe { (*p.as_ptr()).refcount.get() } == 0 {
            return None;
        }
        Some(Value::from_borrowed_ptr(p))
    }

    fn callback(&self) -> Value {
        // SAFETY: GIL held, no borrow kept.
        unsafe { (*self.callback.get()).clone() }
    }

    fn is_basic(&self, ty: &TypeObject) -> bool {
        // SAFETY: as above.
        let no_cb = unsafe { (*self.callback.get()).is_null() };
        no_cb
            && match self.kind {
                Kind::Ref => std::ptr::eq(ty, REF_TYPE.get().map_or(std::ptr::null(), |t| t as *const _)),
                _ => true,
            }
    }
}

impl NativeData for WeakData {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        // SAFETY: GIL held; no Python code runs while traversing.
        visit(unsafe { &*self.callback.get() });
    }

    fn clear(&self) {
        // SAFETY: GIL held; the old value is dropped after the field is reset.
        let old = unsafe { std::mem::replace(&mut *self.callback.get(), Value::NULL) };
        drop(old);
    }
}

impl Drop for WeakData {
    fn drop(&mut self) {
        let target = self.referent.get();
        if !target.is_null() {
            gc::remove_weakref(target, self.me.get());
        }
    }
}

/// Forgets the referent of a weakref whose referent is dying; returns its
/// callback (NULL when none). Other native data: NULL.
pub(crate) fn kill(data: &dyn NativeData) -> Value {
    let any: &dyn Any = data;
    match any.downcast_ref::<WeakData>() {
        Some(w) => {
            w.referent.set(std::ptr::null());
            // SAFETY: GIL held.
            unsafe { std::mem::replace(&mut *w.callback.get(), Value::NULL) }
        }
        None => Value::NULL,
    }
}

static REF_TYPE: NativeType = NativeType::new();
static PROXY_TYPE: NativeType = NativeType::new();
static CALLABLE_PROXY_TYPE: NativeType = NativeType::new();

fn ref_type() -> &'static TypeObject {
    REF_TYPE.get_or_init(|st| {
        let t = init_native_type(st, "weakref", "ReferenceType", LayoutKind::Native, &OBJECT_TYPE, type_flags::BASETYPE, |s: &mut Slots| {
            s.new = Some(ref_new);
            s.init = Some(ref_init);
            s.call = Some(ref_call);
            s.hash = Some(ref_hash);
            s.richcompare = Some(ref_richcompare);
            s.repr = Some(ref_repr);
        });
        crate::typeinit::add_getset_to(t, "__callback__", ref_callback_get, None);
        crate::typeinit::add_classmethod(st, "__class_getitem__", class_getitem);
    })
}

fn proxy_type(callable: bool) -> &'static TypeObject {
    let (st, name) = if callable {
        (&CALLABLE_PROXY_TYPE, "CallableProxyType")
    } else {
        (&PROXY_TYPE, "ProxyType")
    };
    st.get_or_init(|s| {
        let t = init_native_type(s, "weakref", name, LayoutKind::Native, &OBJECT_TYPE, 0, |sl: &mut Slots| {
            configure_proxy(sl, callable)
        });
        crate::typeinit::add_method_to(t, "__bytes__", proxy_bytes);
        crate::typeinit::add_method_to(t, "__reversed__", proxy_reversed);
    })
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_weakref");
    m.doc("Weak-reference support module.");
    m.functions(&[
        ("getweakrefcount", getweakrefcount),
        ("getweakrefs", getweakrefs),
        ("proxy", proxy),
        ("_remove_dead_weakref", remove_dead_weakref),
    ]);
    let r = ref_type();
    m.value("ref", r.as_value())
        .value("ReferenceType", r.as_value())
        .value("ProxyType", proxy_type(false).as_value())
        .value("CallableProxyType", proxy_type(true).as_value());
    Ok(m.finish())
}

fn class_getitem(_vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    match args {
        [cls, item] => Ok(crate::types::generic_alias::new_generic_alias(cls.clone(), item)),
        _ => Ok(none()),
    }
}

// ---- weak-referenceability ----

pub(crate) fn static_supports_weakrefs(t: &TypeObject) -> bool {
    matches!(
        t.layout,
        LayoutKind::Function
            | LayoutKind::Type
            | LayoutKind::Set
            | LayoutKind::Generator
            | LayoutKind::BoundMethod
            | LayoutKind::Code
            | LayoutKind::Module
            | LayoutKind::BuiltinFunction
            | LayoutKind::Native
    )
}

fn supports_weakrefs(v: &Value) -> bool {
    if !v.is_ptr() {
        return false;
    }
    let t = type_of(v);
    if !t.is_heap_type() {
        // Weakrefs themselves cannot be weakly referenced (their subclasses can).
        return static_supports_weakrefs(t) && v.native_ref::<WeakData>().is_none();
    }
    if t.lookup(&intern("__weakref__")).is_some() {
        return true;
    }
    let mut b = t.base();
    while let Some(bt) = b {
        if !bt.is_heap_type() {
            let is_weakref_type = [&REF_TYPE, &PROXY_TYPE, &CALLABLE_PROXY_TYPE]
                .iter()
                .any(|nt| nt.get().is_some_and(|x| std::ptr::eq(x, bt)));
            return static_supports_weakrefs(bt) && !is_weakref_type;
        }
        b = bt.base();
    }
    false
}

fn cannot_weakref(vm: &mut Vm, v: &Value) -> crate::exception::PyErr {
    let msg = format!("cannot create weak reference to '{}' object", type_of(v).name_string());
    vm.type_error(msg)
}

/// Makes a weakref of type `ty` to `target`, reusing the basic ref or proxy.
fn new_weak(vm: &mut Vm, ty: &TypeObject, target: &Value, callback: Value, kind: Kind) -> PyResult<Value> {
    if !supports_weakrefs(target) {
        return Err(cannot_weakref(vm, target));
    }
    let callback = if callback.is_none() { Value::NULL } else { callback };
    let existing = gc::weakrefs_of(target);
    let basic_ref = existing
        .iter()
        .find(|w| w.native_ref::<WeakData>().is_some_and(|d| d.kind == Kind::Ref && d.is_basic(type_of(w))))
        .cloned();
    let basic_proxy = existing
        .iter()
        .find(|w| w.native_ref::<WeakData>().is_some_and(|d| d.kind != Kind::Ref && d.is_basic(type_of(w))))
        .cloned();
    drop(existing);
    let exact_ref = kind == Kind::Ref && REF_TYPE.get().is_some_and(|r| std::ptr::eq(r, ty));
    if callback.is_null() {
        if exact_ref {
            if let Some(r) = basic_ref {
                return Ok(r);
            }
        } else if kind != Kind::Ref {
            if let Some(p) = basic_proxy {
                return Ok(p);
            }
        }
    }
    let is_basic = callback.is_null() && (exact_ref || kind != Kind::Ref);
    let wr = new_native(
        ty,
        WeakData {
            referent: Cell::new(target.ptr_unchecked()),
            callback: UnsafeCell::new(callback),
            hash: Cell::new(-1),
            me: Cell::new(std::ptr::null()),
            kind,
        },
    );
    if let Some(d) = wr.native_ref::<WeakData>() {
        d.me.set(wr.ptr_unchecked());
    }
    // Position as CPython's insert_head/insert_after.
    let pos = if is_basic && kind == Kind::Ref {
        0
    } else {
        usize::from(basic_ref.is_some()) + usize::from(basic_proxy.is_some())
    };
    gc::add_weakref(target, &wr, pos);
    Ok(wr)
}

// ---- ref ----

fn ref_new(vm: &mut Vm, cls: &Value, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    ArgSpec::range(vm, "__new__", args, 0, 1, 2)?;
    let Some(ty) = cls.downcast_ref::<TypeObject>() else {
        return Err(vm.type_error("ref.__new__(X): X is not a type object"));
    };
    let callback = args.get(1).cloned().unwrap_or_else(none);
    new_weak(vm, ty, &args[0], callback, Kind::Ref)
}

fn ref_init(vm: &mut Vm, _self: &Value, args: &[Value], kwnames: KwNames) -> PyResult<()> {
    check_no_kwargs(vm, "ref", kwnames)?;
    ArgSpec::range(vm, "__init__", args, 0, 1, 2)
}

fn weak_data<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a WeakData> {
    match v.native_ref::<WeakData>() {
        Some(d) => Ok(d),
        None => Err(vm.type_error("descriptor requires a 'weakref.ReferenceType' object")),
    }
}

fn ref_call(vm: &mut Vm, callee: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    if kwnames.is_some_and(|k| k.downcast_ref::<crate::objects::tuple::TupleObject>().is_some_and(|t| !t.is_empty())) {
        return Err(vm.type_error("weakref() takes no keyword arguments"));
    }
    if !args.is_empty() {
        return Err(vm.type_error(format!("weakref expected 0 arguments, got {}", args.len())));
    }
    Ok(weak_data(vm, callee)?.get().unwrap_or_else(none))
}

fn ref_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let d = weak_data(vm, v)?;
    if d.hash.get() != -1 {
        return Ok(d.hash.get());
    }
    let Some(obj) = d.get() else {
        return Err(vm.type_error("weak object has gone away"));
    };
    let h = vm.hash(&obj)?;
    if let Some(d) = v.native_ref::<WeakData>() {
        d.hash.set(h);
    }
    Ok(h)
}

fn ref_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let (Some(da), Some(db)) = (a.native_ref::<WeakData>(), b.native_ref::<WeakData>()) else {
        return Ok(not_implemented());
    };
    match (da.get(), db.get()) {
        (Some(x), Some(y)) => vm.compare(&x, &y, op),
        _ => Ok(Value::bool(a.is(b) == (op == CompareOp::Eq))),
    }
}

fn addr(v: &Value) -> u64 {
    v.as_ptr().map_or(v.bits(), |p| p.as_ptr() as u64)
}

fn ref_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = weak_data(vm, v)?;
    let Some(obj) = d.get() else {
        return Ok(new_str(&format!("<weakref at {:#x}; dead>", addr(v))));
    };
    let tname = type_of(&obj).name_string();
    let name = vm.lookup_attr(&obj, &intern("__name__"))?;
    let text = match name.filter(|n| n.downcast_ref::<crate::objects::str::StrObject>().is_some()) {
        Some(n) => {
            let n = vm.str_string(&n)?;
            format!("<weakref at {:#x}; to '{}' at {:#x} ({})>", addr(v), tname, addr(&obj), n)
        }
        None => format!("<weakref at {:#x}; to '{}' at {:#x}>", addr(v), tname, addr(&obj)),
    };
    Ok(new_str(&text))
}

fn ref_callback_get(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let cb = weak_data(vm, v)?.callback();
    Ok(if cb.is_null() { none() } else { cb })
}

/// `obj.__weakref__`: the first weak reference to `obj`, or None.
fn weakref_attr_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(gc::weakrefs_of(v).into_iter().next().unwrap_or_else(none))
}

/// The `__weakref__` descriptor classes get (as CPython's subtype_getweakref).
pub(crate) fn weakref_descriptor() -> Value {
    crate::objects::descr::new_getset("__weakref__", OBJECT_TYPE.ptr(), weakref_attr_get, None)
}

// ---- module functions ----

fn getweakrefcount(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [obj] = ArgSpec::exact::<1>(vm, "getweakrefcount", args, 0)?;
    Ok(Value::int(gc::weakrefs_of(&obj).len() as i64))
}

fn getweakrefs(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [obj] = ArgSpec::exact::<1>(vm, "getweakrefs", args, 0)?;
    Ok(crate::objects::list::new_list(gc::weakrefs_of(&obj)))
}

fn proxy(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "proxy", kwnames)?;
    ArgSpec::range(vm, "proxy", args, 0, 1, 2)?;
    let target = &args[0];
    let callable = type_of(target).slots().call.is_some();
    let kind = if callable { Kind::CallableProxy } else { Kind::Proxy };
    let callback = args.get(1).cloned().unwrap_or_else(none);
    new_weak(vm, proxy_type(callable), target, callback, kind)
}

fn remove_dead_weakref(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [dct, key] = ArgSpec::exact::<2>(vm, "_remove_dead_weakref", args, 0)?;
    let Some(d) = dct.downcast_ref::<crate::objects::dict::DictObject>() else {
        let msg = format!("_remove_dead_weakref() argument 1 must be dict, not {}", vm.type_name(&dct));
        return Err(vm.type_error(msg));
    };
    if let Some(v) = d.get_item(vm, &key)? {
        let Some(w) = v.native_ref::<WeakData>() else {
            return Err(vm.type_error("not a weakref"));
        };
        if w.get().is_none() {
            d.del_item(vm, &key)?;
        }
    }
    Ok(none())
}

// ---- proxies ----

fn dead(vm: &mut Vm) -> crate::exception::PyErr {
    vm.new_error(ExcKind::ReferenceError, "weakly-referenced object no longer exists")
}

/// The referent of proxy `v`, or `v` itself when it is not a proxy.
fn unwrap(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.native_ref::<WeakData>() {
        Some(d) if d.kind != Kind::Ref => d.get().ok_or_else(|| dead(vm)),
        _ => Ok(v.clone()),
    }
}

fn proxy_getattr(vm: &mut Vm, p: &Value, name: &Value) -> PyResult<Option<Value>> {
    let o = unwrap(vm, p)?;
    vm.getattr(&o, name).map(Some)
}

fn proxy_setattr(vm: &mut Vm, p: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    let o = unwrap(vm, p)?;
    match value {
        Some(v) => vm.setattr(&o, name, v),
        None => vm.delattr(&o, name),
    }
}

fn proxy_repr(_vm: &mut Vm, p: &Value) -> PyResult<Value> {
    let obj = p.native_ref::<WeakData>().and_then(|d| d.get()).unwrap_or_else(none);
    let text = format!("<weakproxy at {:#x} to {} at {:#x}>", addr(p), type_of(&obj).name_string(), addr(&obj));
    Ok(new_str(&text))
}

fn proxy_str(vm: &mut Vm, p: &Value) -> PyResult<Value> {
    let o = unwrap(vm, p)?;
    vm.str(&o)
}

fn proxy_call(vm: &mut Vm, p: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let o = unwrap(vm, p)?;
    vm.call(&o, args, kwnames)
}

fn proxy_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let x = unwrap(vm, a)?;
    let y = unwrap(vm, b)?;
    vm.compare(&x, &y, op)
}

fn proxy_hash(vm: &mut Vm, p: &Value) -> PyResult<i64> {
    let msg = format!("unhashable type: 'weakref.{}'", type_of(p).name_string());
    Err(vm.type_error(msg))
}

fn proxy_bool(vm: &mut Vm, p: &Value) -> PyResult<bool> {
    let o = unwrap(vm, p)?;
    vm.is_true(&o)
}

fn proxy_len(vm: &mut Vm, p: &Value) -> PyResult<usize> {
    let o = unwrap(vm, p)?;
    vm.len(&o)
}

fn proxy_getitem(vm: &mut Vm, p: &Value, key: &Value) -> PyResult<Value> {
    let o = unwrap(vm, p)?;
    let k = unwrap(vm, key)?;
    vm.getitem(&o, &k)
}

fn proxy_setitem(vm: &mut Vm, p: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let o = unwrap(vm, p)?;
    match value {
        Some(v) => vm.setitem(&o, key, v),
        None => vm.delitem(&o, key),
    }
}

fn proxy_contains(vm: &mut Vm, p: &Value, item: &Value) -> PyResult<bool> {
    let o = unwrap(vm, p)?;
    vm.contains(&o, item)
}

fn proxy_iter(vm: &mut Vm, p: &Value) -> PyResult<Value> {
    let o = unwrap(vm, p)?;
    vm.iter(&o)
}

fn proxy_iternext(vm: &mut Vm, p: &Value) -> PyResult<Option<Value>> {
    let o = unwrap(vm, p)?;
    if type_of(&o).slots().iternext.is_none() {
        let msg = format!("Weakref proxy referenced a non-iterator '{}' object", type_of(&o).name_string());
        return Err(vm.type_error(msg));
    }
    vm.next(&o)
}

fn proxy_bytes(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [p] = ArgSpec::exact::<1>(vm, "__bytes__", args, 1)?;
    let o = unwrap(vm, &p)?;
    vm.call_method(&o, "__bytes__", &[])
}

fn proxy_reversed(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [p] = ArgSpec::exact::<1>(vm, "__reversed__", args, 1)?;
    let o = unwrap(vm, &p)?;
    vm.call_method(&o, "__reversed__", &[])
}

macro_rules! proxy_unary {
    ($($name:ident => $dunder:expr),* $(,)?) => {$(
        fn $name(vm: &mut Vm, p: &Value) -> PyResult<Value> {
            let o = unwrap(vm, p)?;
            unary_dunder(vm, &o, $dunder)
        }
    )*};
}

/// Applies a unary operator to the referent through its type's slot.
fn unary_dunder(vm: &mut Vm, o: &Value, dunder: &str) -> PyResult<Value> {
    let slots = type_of(o).slots();
    let f = match dunder {
        "__neg__" => slots.neg,
        "__pos__" => slots.pos,
        "__invert__" => slots.invert,
        "__abs__" => slots.abs,
        "__index__" => slots.index,
        "__int__" => slots.int,
        _ => slots.float,
    };
    match f {
        Some(f) => f(vm, o),
        None => {
            let what = match dunder {
                "__neg__" => "bad operand type for unary -",
                "__pos__" => "bad operand type for unary +",
                "__invert__" => "bad operand type for unary ~",
                "__abs__" => "bad operand type for abs()",
                _ => "",
            };
            let msg = if what.is_empty() {
                match dunder {
                    "__index__" => format!("'{}' object cannot be interpreted as an integer", type_of(o).name_string()),
                    "__int__" => format!(
                        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                        type_of(o).name_string()
                    ),
                    _ => format!("float() argument must be a string or a real number, not '{}'", type_of(o).name_string()),
                }
            } else {
                format!("{what}: '{}'", type_of(o).name_string())
            };
            Err(vm.type_error(msg))
        }
    }
}

proxy_unary!(
    proxy_neg => "__neg__",
    proxy_pos => "__pos__",
    proxy_invert => "__invert__",
    proxy_abs => "__abs__",
    proxy_index => "__index__",
    proxy_int => "__int__",
    proxy_float => "__float__",
);

macro_rules! proxy_binary {
    ($($name:ident = $op:expr),* $(,)?) => {
        $(fn $name(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
            let x = unwrap(vm, a)?;
            let y = unwrap(vm, b)?;
            vm.binary_op($op, &x, &y)
        })*
        const PROXY_NB: [crate::typeobj::BinaryFn; crate::typeobj::NB_SLOTS] = [$($name),*];
    };
}

proxy_binary!(
    nb0 = 0, nb1 = 1, nb2 = 2, nb3 = 3, nb4 = 4, nb5 = 5, nb6 = 6, nb7 = 7, nb8 = 8, nb9 = 9, nb10 = 10, nb11 = 11,
    nb12 = 12, nb13 = 13, nb14 = 14, nb15 = 15, nb16 = 16, nb17 = 17, nb18 = 18, nb19 = 19, nb20 = 20, nb21 = 21,
    nb22 = 22, nb23 = 23, nb24 = 24, nb25 = 25,
);

fn configure_proxy(s: &mut Slots, callable: bool) {
    s.getattro = proxy_getattr;
    s.setattro = Some(proxy_setattr);
    s.repr = Some(proxy_repr);
    s.str = Some(proxy_str);
    s.hash = Some(proxy_hash);
    s.richcompare = Some(proxy_richcompare);
    s.bool = Some(proxy_bool);
    s.len = Some(proxy_len);
    s.getitem = Some(proxy_getitem);
    s.setitem = Some(proxy_setitem);
    s.contains = Some(proxy_contains);
    s.iter = Some(proxy_iter);
    s.iternext = Some(proxy_iternext);
    s.neg = Some(proxy_neg);
    s.pos = Some(proxy_pos);
    s.invert = Some(proxy_invert);
    s.abs = Some(proxy_abs);
    s.index = Some(proxy_index);
    s.int = Some(proxy_int);
    s.float = Some(proxy_float);
    for (slot, f) in s.nb.iter_mut().zip(PROXY_NB) {
        *slot = Some(f);
    }
    if callable {
        s.call = Some(proxy_call);
    }
}
