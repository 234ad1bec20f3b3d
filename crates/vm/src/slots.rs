//! Slots of classes defined in Python: each dunder found in a class's MRO
//! fills the corresponding slot with a trampoline that looks the method up on
//! the type and calls it (CPython's `slot_*` functions), while dunders
//! inherited from builtin types keep the builtin's native slot. Recomputed
//! when a class or a base gains or loses a dunder.

use crate::exception::{ExcKind, PyResult};
use crate::objects::int::as_int;
use crate::objects::singletons::not_implemented;
use crate::typeobj::{nb, type_flags, type_of, CompareOp, KwNames, Slots, TypeObject, NB_INPLACE, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::Vm;

/// Which slot a group of dunder names fills.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SlotId {
    Repr,
    Str,
    Hash,
    RichCompare,
    GetAttr,
    SetAttr,
    DescrGet,
    DescrSet,
    Call,
    Iter,
    IterNext,
    Bool,
    Len,
    GetItem,
    SetItem,
    Contains,
    New,
    Init,
    Nb(usize),
    Neg,
    Pos,
    Invert,
    Abs,
    Index,
    Int,
    Float,
}

fn slot_names(id: SlotId) -> Vec<&'static str> {
    match id {
        SlotId::Repr => vec!["__repr__"],
        SlotId::Str => vec!["__str__"],
        SlotId::Hash => vec!["__hash__"],
        SlotId::RichCompare => vec!["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"],
        SlotId::GetAttr => vec!["__getattribute__", "__getattr__"],
        SlotId::SetAttr => vec!["__setattr__", "__delattr__"],
        SlotId::DescrGet => vec!["__get__"],
        SlotId::DescrSet => vec!["__set__", "__delete__"],
        SlotId::Call => vec!["__call__"],
        SlotId::Iter => vec!["__iter__"],
        SlotId::IterNext => vec!["__next__"],
        SlotId::Bool => vec!["__bool__"],
        SlotId::Len => vec!["__len__"],
        SlotId::GetItem => vec!["__getitem__"],
        SlotId::SetItem => vec!["__setitem__", "__delitem__"],
        SlotId::Contains => vec!["__contains__"],
        SlotId::New => vec!["__new__"],
        SlotId::Init => vec!["__init__"],
        SlotId::Nb(i) if i < NB_INPLACE => vec![nb::DUNDERS[i], nb::RDUNDERS[i]],
        SlotId::Nb(i) => vec![nb::IDUNDERS[i - NB_INPLACE]],
        SlotId::Neg => vec!["__neg__"],
        SlotId::Pos => vec!["__pos__"],
        SlotId::Invert => vec!["__invert__"],
        SlotId::Abs => vec!["__abs__"],
        SlotId::Index => vec!["__index__"],
        SlotId::Int => vec!["__int__"],
        SlotId::Float => vec!["__float__"],
    }
}

fn all_slot_ids() -> Vec<SlotId> {
    let mut v = vec![
        SlotId::Repr,
        SlotId::Str,
        SlotId::Hash,
        SlotId::RichCompare,
        SlotId::GetAttr,
        SlotId::SetAttr,
        SlotId::DescrGet,
        SlotId::DescrSet,
        SlotId::Call,
        SlotId::Iter,
        SlotId::IterNext,
        SlotId::Bool,
        SlotId::Len,
        SlotId::GetItem,
        SlotId::SetItem,
        SlotId::Contains,
        SlotId::New,
        SlotId::Init,
        SlotId::Neg,
        SlotId::Pos,
        SlotId::Invert,
        SlotId::Abs,
        SlotId::Index,
        SlotId::Int,
        SlotId::Float,
    ];
    v.extend((0..crate::typeobj::NB_SLOTS).map(SlotId::Nb));
    v
}

/// Copies slot `id` from `src` into `dst`.
fn copy_slot(dst: &mut Slots, src: &Slots, id: SlotId) {
    match id {
        SlotId::Repr => dst.repr = src.repr,
        SlotId::Str => dst.str = src.str,
        SlotId::Hash => dst.hash = src.hash,
        SlotId::RichCompare => dst.richcompare = src.richcompare,
        SlotId::GetAttr => dst.getattro = src.getattro,
        SlotId::SetAttr => dst.setattro = src.setattro,
        SlotId::DescrGet => dst.descr_get = src.descr_get,
        SlotId::DescrSet => dst.descr_set = src.descr_set,
        SlotId::Call => dst.call = src.call,
        SlotId::Iter => dst.iter = src.iter,
        SlotId::IterNext => dst.iternext = src.iternext,
        SlotId::Bool => dst.bool = src.bool,
        SlotId::Len => dst.len = src.len,
        SlotId::GetItem => dst.getitem = src.getitem,
        SlotId::SetItem => dst.setitem = src.setitem,
        SlotId::Contains => dst.contains = src.contains,
        SlotId::New => dst.new = src.new,
        SlotId::Init => dst.init = src.init,
        SlotId::Nb(i) => dst.nb[i] = src.nb[i],
        SlotId::Neg => dst.neg = src.neg,
        SlotId::Pos => dst.pos = src.pos,
        SlotId::Invert => dst.invert = src.invert,
        SlotId::Abs => dst.abs = src.abs,
        SlotId::Index => dst.index = src.index,
        SlotId::Int => dst.int = src.int,
        SlotId::Float => dst.float = src.float,
    }
}

/// Installs the Python-level trampoline for slot `id`.
fn set_trampoline(dst: &mut Slots, id: SlotId) {
    match id {
        SlotId::Repr => dst.repr = Some(slot_repr),
        SlotId::Str => dst.str = Some(slot_str),
        SlotId::Hash => dst.hash = Some(slot_hash),
        SlotId::RichCompare => dst.richcompare = Some(slot_richcompare),
        SlotId::GetAttr => dst.getattro = slot_getattr_hook,
        SlotId::SetAttr => dst.setattro = Some(slot_setattr),
        SlotId::DescrGet => dst.descr_get = Some(slot_descr_get),
        SlotId::DescrSet => dst.descr_set = Some(slot_descr_set),
        SlotId::Call => dst.call = Some(slot_call),
        SlotId::Iter => dst.iter = Some(slot_iter),
        SlotId::IterNext => dst.iternext = Some(slot_iternext),
        SlotId::Bool => dst.bool = Some(slot_bool),
        SlotId::Len => dst.len = Some(slot_len),
        SlotId::GetItem => dst.getitem = Some(slot_getitem),
        SlotId::SetItem => dst.setitem = Some(slot_setitem),
        SlotId::Contains => dst.contains = Some(slot_contains),
        SlotId::New => dst.new = Some(slot_new),
        SlotId::Init => dst.init = Some(slot_init),
        SlotId::Nb(i) => dst.nb[i] = Some(NB_TRAMPOLINES[i]),
        SlotId::Neg => dst.neg = Some(|vm, v| unary(vm, v, "__neg__")),
        SlotId::Pos => dst.pos = Some(|vm, v| unary(vm, v, "__pos__")),
        SlotId::Invert => dst.invert = Some(|vm, v| unary(vm, v, "__invert__")),
        SlotId::Abs => dst.abs = Some(|vm, v| unary(vm, v, "__abs__")),
        SlotId::Index => dst.index = Some(|vm, v| unary(vm, v, "__index__")),
        SlotId::Int => dst.int = Some(|vm, v| unary(vm, v, "__int__")),
        SlotId::Float => dst.float = Some(|vm, v| unary(vm, v, "__float__")),
    }
}

fn clear_slot(dst: &mut Slots, id: SlotId) {
    let empty = Slots::EMPTY;
    copy_slot(dst, &empty, id);
}

/// Recomputes every slot of a heap type from its MRO.
pub fn update_slots(ty: &TypeObject) {
    if !ty.is_heap_type() {
        return;
    }
    let vm_names: Vec<(SlotId, Vec<Value>)> = all_slot_ids()
        .into_iter()
        .map(|id| {
            (
                id,
                slot_names(id).into_iter().map(crate::objects::str::intern).collect(),
            )
        })
        .collect();
    let mut slots = match ty.base() {
        Some(b) => *b.slots(),
        None => *OBJECT_TYPE.get().slots(),
    };
    let mro: Vec<Value> = ty.mro().items().to_vec();
    let mut py_getattr = false;
    for (id, names) in &vm_names {
        let mut found: Option<(&TypeObject, Value)> = None;
        'mro: for t in &mro {
            let Some(tt) = t.downcast_ref::<TypeObject>() else {
                continue;
            };
            for n in names {
                if let Some(v) = tt.dict().get_str(n) {
                    found = Some((tt, v));
                    break 'mro;
                }
            }
        }
        match found {
            None => clear_slot(&mut slots, *id),
            Some((owner, v)) => {
                if owner.is_heap_type() {
                    if *id == SlotId::Hash && v.is_none() {
                        slots.hash = None;
                    } else {
                        set_trampoline(&mut slots, *id);
                        if *id == SlotId::GetAttr {
                            py_getattr = true;
                        }
                    }
                } else {
                    copy_slot(&mut slots, owner.slots(), *id);
                    if *id == SlotId::Hash && v.is_none() {
                        slots.hash = None;
                    }
                }
            }
        }
    }
    // A Python-level __add__ (__mul__/__rmul__) replaces the inherited
    // sequence concatenation (repetition), as CPython's slotdefs clear
    // sq_concat/sq_repeat: `NotImplemented` from it then means TypeError.
    let defined_in_python = |name: &str| -> bool {
        let key = crate::objects::str::intern(name);
        mro.iter()
            .filter_map(|t| t.downcast_ref::<TypeObject>())
            .find(|t| t.dict().get_str(&key).is_some())
            .is_some_and(|t| t.is_heap_type())
    };
    if defined_in_python("__add__") {
        slots.concat = None;
    }
    if defined_in_python("__mul__") || defined_in_python("__rmul__") {
        slots.repeat = None;
    }
    // A Python __len__ without __bool__ decides truth through len; the
    // generic truth test already falls back to the len slot.
    ty.set_slots(slots);
    let has_del = ty.lookup_uncached(&crate::objects::str::intern("__del__")).is_some();
    let mut f = ty.flags.get();
    f = if py_getattr {
        f | type_flags::PY_GETATTR
    } else {
        f & !type_flags::PY_GETATTR
    };
    f = if has_del {
        f | type_flags::HAS_FINALIZER
    } else {
        f & !type_flags::HAS_FINALIZER
    };
    ty.flags.set(f);
}

/// Updates `ty` and every subclass (after a dunder changed).
pub fn update_slots_recursive(ty: &TypeObject) {
    let mut todo: Vec<*const TypeObject> = vec![ty];
    let mut seen = 0;
    while let Some(t) = todo.pop() {
        // SAFETY: subclass lists hold live types.
        let t = unsafe { &*t };
        update_slots(t);
        unsafe { todo.extend((*t.subclasses.get()).iter().copied()) };
        seen += 1;
        if seen > 100_000 {
            break;
        }
    }
}

fn call_dunder(vm: &mut Vm, obj: &Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
    vm.call_special(obj, name, args)
}

fn missing(vm: &mut Vm, obj: &Value, name: &str) -> crate::exception::PyErr {
    let n = vm.intern(name);
    vm.attribute_error(obj, &n)
}

fn slot_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match call_dunder(vm, v, "__repr__", &[])? {
        Some(r) => Ok(r),
        None => Ok(vm.new_str(&crate::types::object_ty::default_repr(v))),
    }
}

fn slot_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match call_dunder(vm, v, "__str__", &[])? {
        Some(r) => Ok(r),
        None => vm.repr(v),
    }
}

fn slot_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let t = type_of(v);
    let h = t.lookup_str(vm, "__hash__");
    match h {
        Some(h) if !h.is_none() => {
            let r = vm.call_unbound(&h, v, &[])?;
            // A result that fits a Py_ssize_t is the hash itself (-1 becomes
            // -2); only a larger int is reduced by int's own hash.
            match as_int(&r) {
                Some(i) => Ok(match i.to_i64() {
                    Some(-1) => -2,
                    Some(h) => h,
                    None => i.hash(),
                }),
                None => Err(vm.type_error("__hash__ method should return an integer")),
            }
        }
        _ => {
            let msg = format!("unhashable type: '{}'", vm.type_name(v));
            Err(vm.type_error(msg))
        }
    }
}

fn slot_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let Some(d) = type_of(a).lookup_str(vm, op.dunder()) else {
        return Ok(not_implemented());
    };
    if d.downcast_ref::<crate::objects::function::FunctionObject>().is_some()
        || type_of(&d).has_flag(type_flags::METHOD_DESCRIPTOR)
    {
        return vm.call(&d, &[a.clone(), b.clone()], None);
    }
    // As CPython: a failure to bind the method (a property raising, say)
    // means "not implemented", an error from the call itself does not.
    let owner = type_of(a).as_value();
    let Ok(bound) = vm.bind_descriptor(&d, Some(a), &owner) else {
        return Ok(not_implemented());
    };
    vm.call(&bound, std::slice::from_ref(b), None)
}

/// `__getattribute__` and/or `__getattr__` defined in Python.
fn slot_getattr_hook(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
    let t = type_of(obj);
    let getattribute = t.lookup_str(vm, "__getattribute__");
    let getattr = t.lookup_str(vm, "__getattr__");
    let first = match &getattribute {
        Some(ga) if !is_object_getattribute(ga) => vm.call_unbound(ga, obj, std::slice::from_ref(name)).map(Some),
        _ => crate::attr::generic_getattr(vm, obj, name),
    };
    match (first, getattr) {
        (Ok(Some(v)), _) => Ok(Some(v)),
        (Ok(None), Some(ga)) => vm.call_unbound(&ga, obj, std::slice::from_ref(name)).map(Some),
        (Ok(None), None) => Ok(None),
        (Err(e), Some(ga)) if e.is_instance(ExcKind::AttributeError) => {
            vm.call_unbound(&ga, obj, std::slice::from_ref(name)).map(Some)
        }
        (Err(e), _) => Err(e),
    }
}

fn is_object_getattribute(v: &Value) -> bool {
    v.downcast_ref::<crate::objects::descr::SlotWrapper>()
        .is_some_and(|w| std::ptr::eq(w.owner, OBJECT_TYPE.ptr()))
}

fn slot_setattr(vm: &mut Vm, obj: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    match value {
        Some(v) => match call_dunder(vm, obj, "__setattr__", &[name.clone(), v])? {
            Some(_) => Ok(()),
            None => Err(missing(vm, obj, "__setattr__")),
        },
        None => match call_dunder(vm, obj, "__delattr__", std::slice::from_ref(name))? {
            Some(_) => Ok(()),
            None => Err(missing(vm, obj, "__delattr__")),
        },
    }
}

fn slot_descr_get(vm: &mut Vm, descr: &Value, obj: Option<&Value>, owner: &Value) -> PyResult<Value> {
    let o = obj.cloned().unwrap_or_else(crate::objects::singletons::none);
    match call_dunder(vm, descr, "__get__", &[o, owner.clone()])? {
        Some(r) => Ok(r),
        None => Ok(descr.clone()),
    }
}

fn slot_descr_set(vm: &mut Vm, descr: &Value, obj: &Value, value: Option<Value>) -> PyResult<()> {
    let r = match value {
        Some(v) => call_dunder(vm, descr, "__set__", &[obj.clone(), v])?,
        None => call_dunder(vm, descr, "__delete__", std::slice::from_ref(obj))?,
    };
    match r {
        Some(_) => Ok(()),
        None => Err(missing(vm, descr, "__set__")),
    }
}

fn slot_call(vm: &mut Vm, callable: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let t = type_of(callable);
    let Some(c) = t.lookup_str(vm, "__call__") else {
        let msg = format!("'{}' object is not callable", t.name_string());
        return Err(vm.type_error(msg));
    };
    if c.downcast_ref::<crate::objects::function::FunctionObject>().is_some() {
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(callable.clone());
        full.extend_from_slice(args);
        return vm.call(&c, &full, kwnames);
    }
    let owner = t.as_value();
    let bound = vm.bind_descriptor(&c, Some(callable), &owner)?;
    vm.call(&bound, args, kwnames)
}

fn slot_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match call_dunder(vm, v, "__iter__", &[])? {
        Some(r) => Ok(r),
        None => {
            let msg = format!("'{}' object is not iterable", vm.type_name(v));
            Err(vm.type_error(msg))
        }
    }
}

/// Whether `f` is the iteration slot of a class defining `__next__` in
/// Python (whose StopIteration may carry a value `yield from` wants).
pub(crate) fn is_python_iternext(f: crate::typeobj::IterNextFn) -> bool {
    std::ptr::eq(f as *const (), slot_iternext as *const ())
}

fn slot_iternext(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    match call_dunder(vm, v, "__next__", &[]) {
        Ok(Some(r)) => Ok(Some(r)),
        Ok(None) => Ok(None),
        Err(e) if e.is_instance(ExcKind::StopIteration) => Ok(None),
        Err(e) => Err(e),
    }
}

fn slot_bool(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let r = match call_dunder(vm, v, "__bool__", &[])? {
        Some(r) => r,
        None => return Ok(true),
    };
    if r.is_true_obj() {
        Ok(true)
    } else if r.is_false_obj() {
        Ok(false)
    } else {
        let msg = format!("__bool__ should return bool, returned {}", vm.type_name(&r));
        Err(vm.type_error(msg))
    }
}

fn slot_len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let r = match call_dunder(vm, v, "__len__", &[])? {
        Some(r) => r,
        None => return Ok(0),
    };
    let Some(i) = as_int(&r) else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(&r));
        return Err(vm.type_error(msg));
    };
    if i.is_negative() {
        return Err(vm.value_error("__len__() should return >= 0"));
    }
    match i.to_i64() {
        Some(n) => Ok(n as usize),
        None => Err(vm.new_error(ExcKind::OverflowError, "cannot fit 'int' into an index-sized integer")),
    }
}

fn slot_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    match call_dunder(vm, v, "__getitem__", std::slice::from_ref(key))? {
        Some(r) => Ok(r),
        None => {
            let msg = format!("'{}' object is not subscriptable", vm.type_name(v));
            Err(vm.type_error(msg))
        }
    }
}

fn slot_setitem(vm: &mut Vm, v: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let r = match value {
        Some(x) => call_dunder(vm, v, "__setitem__", &[key.clone(), x])?,
        None => call_dunder(vm, v, "__delitem__", std::slice::from_ref(key))?,
    };
    match r {
        Some(_) => Ok(()),
        None => {
            let msg = format!("'{}' object does not support item assignment", vm.type_name(v));
            Err(vm.type_error(msg))
        }
    }
}

fn slot_contains(vm: &mut Vm, v: &Value, item: &Value) -> PyResult<bool> {
    match call_dunder(vm, v, "__contains__", std::slice::from_ref(item))? {
        Some(r) => vm.is_true(&r),
        None => Ok(false),
    }
}

fn slot_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let Some(t) = cls.downcast_ref::<TypeObject>() else {
        return Err(vm.type_error("__new__ of non-type"));
    };
    let Some(newf) = t.lookup_str(vm, "__new__") else {
        return Err(vm.type_error("no __new__"));
    };
    // __new__ is a staticmethod: unwrap it and pass the class first.
    let f = match newf.downcast_ref::<crate::objects::descr::FuncWrapper>() {
        Some(w) => w.callable(),
        None => newf,
    };
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(cls.clone());
    full.extend_from_slice(args);
    vm.call(&f, &full, kwnames)
}

fn slot_init(vm: &mut Vm, obj: &Value, args: &[Value], kwnames: KwNames) -> PyResult<()> {
    let t = type_of(obj);
    let Some(init) = t.lookup_str(vm, "__init__") else {
        return Ok(());
    };
    let r = if init
        .downcast_ref::<crate::objects::function::FunctionObject>()
        .is_some()
    {
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(obj.clone());
        full.extend_from_slice(args);
        vm.call(&init, &full, kwnames)?
    } else {
        let owner = t.as_value();
        let bound = vm.bind_descriptor(&init, Some(obj), &owner)?;
        vm.call(&bound, args, kwnames)?
    };
    if !r.is_none() {
        let msg = format!("__init__() should return None, not '{}'", vm.type_name(&r));
        return Err(vm.type_error(msg));
    }
    Ok(())
}

fn unary(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Value> {
    match call_dunder(vm, v, name, &[])? {
        Some(r) => Ok(r),
        None => Err(missing(vm, v, name)),
    }
}

/// Does `t`'s MRO define `name` somewhere before reaching a builtin type?
fn defines(vm: &mut Vm, t: &TypeObject, name: &str) -> bool {
    t.lookup_str(vm, name).is_some()
}

/// CPython's SLOT1BINFULL: `a.__op__(b)`, or `b.__rop__(a)`, subclass first.
fn binary_trampoline<const OP: usize>(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if OP >= NB_INPLACE {
        return match call_dunder(vm, a, nb::IDUNDERS[OP - NB_INPLACE], std::slice::from_ref(b))? {
            Some(r) => Ok(r),
            None => Ok(not_implemented()),
        };
    }
    let (name, rname) = (nb::DUNDERS[OP], nb::RDUNDERS[OP]);
    let ta = type_of(a);
    let tb = type_of(b);
    let this = NB_TRAMPOLINES[OP] as usize;
    let b_uses = tb.slots().nb[OP].is_some_and(|f| f as usize == this);
    let mut do_other = !std::ptr::eq(ta, tb) && b_uses;
    if ta.slots().nb[OP].is_some_and(|f| f as usize == this) {
        if do_other && tb.is_subtype(ta) && defines(vm, tb, rname) {
            // The right operand's class overrides the reflected method: it goes first.
            let tb_r = tb.lookup_str(vm, rname);
            let ta_r = ta.lookup_str(vm, rname);
            let overridden = match (&tb_r, &ta_r) {
                (Some(x), Some(y)) => !x.is(y),
                (Some(_), None) => true,
                _ => false,
            };
            if overridden {
                if let Some(r) = call_dunder(vm, b, rname, std::slice::from_ref(a))? {
                    if !r.is_not_implemented() {
                        return Ok(r);
                    }
                }
                do_other = false;
            }
        }
        let r = call_dunder(vm, a, name, std::slice::from_ref(b))?.unwrap_or_else(not_implemented);
        if !r.is_not_implemented() || std::ptr::eq(ta, tb) {
            return Ok(r);
        }
    }
    if do_other {
        return Ok(call_dunder(vm, b, rname, std::slice::from_ref(a))?.unwrap_or_else(not_implemented));
    }
    Ok(not_implemented())
}

type BinFn = crate::typeobj::BinaryFn;

static NB_TRAMPOLINES: [BinFn; crate::typeobj::NB_SLOTS] = [
    binary_trampoline::<0>,
    binary_trampoline::<1>,
    binary_trampoline::<2>,
    binary_trampoline::<3>,
    binary_trampoline::<4>,
    binary_trampoline::<5>,
    binary_trampoline::<6>,
    binary_trampoline::<7>,
    binary_trampoline::<8>,
    binary_trampoline::<9>,
    binary_trampoline::<10>,
    binary_trampoline::<11>,
    binary_trampoline::<12>,
    binary_trampoline::<13>,
    binary_trampoline::<14>,
    binary_trampoline::<15>,
    binary_trampoline::<16>,
    binary_trampoline::<17>,
    binary_trampoline::<18>,
    binary_trampoline::<19>,
    binary_trampoline::<20>,
    binary_trampoline::<21>,
    binary_trampoline::<22>,
    binary_trampoline::<23>,
    binary_trampoline::<24>,
    binary_trampoline::<25>,
];
