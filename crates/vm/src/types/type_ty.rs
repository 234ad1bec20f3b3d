//! Instance-layout rules of classes, as CPython's typeobject.c decides them:
//! which base fixes a new class's layout (`best_base`/`solid_base`), whether
//! two types' instances are interchangeable (`__class__` and `__bases__`
//! assignment), and `type.__bases__` assignment itself.
//!
//! pyrite's heap instances all carry a pre-header (attributes, `__slots__`
//! values by index, weakrefs), so what CPython measures in `tp_basicsize` is
//! modelled here by the builtin layout, the number of `__slots__` values, and
//! whether a class adds `__dict__`/`__weakref__`.

use crate::exception::PyResult;
use crate::object::LayoutKind;
use crate::objects::descr::MemberDescr;
use crate::objects::tuple::{new_tuple, TupleObject};
use crate::typeobj::*;
use crate::value::Value;
use crate::vm::Vm;

/// Builtin exception types whose CPython struct adds fields to their base's
/// (`OSError.errno`, `SyntaxError.lineno`, ...), though pyrite stores every
/// exception in one layout: they stay distinct layouts for conflict checks.
const EXCEPTIONS_WITH_FIELDS: [&str; 12] = [
    "AttributeError",
    "BaseExceptionGroup",
    "ExceptionGroup",
    "ImportError",
    "NameError",
    "OSError",
    "StopIteration",
    "SyntaxError",
    "SystemExit",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeTranslateError",
];

fn static_adds_fields(t: &TypeObject) -> bool {
    !t.is_heap_type()
        && t.layout == LayoutKind::Exception
        && EXCEPTIONS_WITH_FIELDS.contains(&t.name_string().as_str())
}

/// Layouts whose CPython objects have a variable-size part (`tp_itemsize`):
/// a `__dict__` added to them enlarges the fixed part.
fn is_var_sized(k: LayoutKind) -> bool {
    matches!(k, LayoutKind::Int | LayoutKind::Tuple | LayoutKind::Bytes)
}

/// Whether CPython's instances of `t` are freed by the cycle collector's
/// deallocator (heap types always are; of the builtins, the atomic ones are not).
fn freed_by_gc(t: &TypeObject) -> bool {
    if t.is_heap_type() {
        return true;
    }
    !matches!(
        t.layout,
        LayoutKind::Object
            | LayoutKind::Int
            | LayoutKind::Float
            | LayoutKind::Complex
            | LayoutKind::Str
            | LayoutKind::Bytes
            | LayoutKind::ByteArray
            | LayoutKind::Range
            | LayoutKind::RangeIter
            | LayoutKind::Code
    )
}

/// Whether instances of `t` have a `__dict__`.
fn has_instance_dict(t: &TypeObject) -> bool {
    if t.is_heap_type() {
        return !t.has_flag(type_flags::NO_DICT);
    }
    matches!(
        t.layout,
        LayoutKind::Function | LayoutKind::Module | LayoutKind::Exception | LayoutKind::Type
    )
}

/// Whether instances of `t` can be weakly referenced.
fn has_weakrefs(t: &TypeObject) -> bool {
    if !t.is_heap_type() {
        return crate::modules::_weakref::static_supports_weakrefs(t);
    }
    t.dict().get_str_key("__weakref__").is_some() || t.base().is_some_and(has_weakrefs)
}

/// CPython's Py_TPFLAGS_MANAGED_DICT: a heap class (or one of its bases)
/// added `__dict__` to a fixed-size layout.
fn has_managed_dict(t: &TypeObject) -> bool {
    if !t.is_heap_type() {
        return false;
    }
    match t.base() {
        Some(b) if has_managed_dict(b) => true,
        Some(b) => has_instance_dict(t) && !has_instance_dict(b) && !is_var_sized(t.layout),
        None => false,
    }
}

/// Whether `t`'s instances are larger than those of `base` (an ancestor):
/// CPython's extra_ivars, where an added `__dict__` or `__weakref__` does not
/// count unless it enlarges a variable-size layout.
fn extra_ivars(t: &TypeObject, base: &TypeObject) -> bool {
    if t.layout != base.layout || t.nslots.get() != base.nslots.get() || static_adds_fields(t) {
        return true;
    }
    t.is_heap_type() && is_var_sized(t.layout) && has_instance_dict(t) != has_instance_dict(base)
}

/// The nearest ancestor (or `t` itself) whose instances have fields its own
/// base lacks: two bases can be combined only if one's solid base derives
/// from the other's.
pub(crate) fn solid_base(t: &TypeObject) -> &TypeObject {
    let base = match t.base() {
        Some(b) => solid_base(b),
        None => return t,
    };
    if extra_ivars(t, base) {
        t
    } else {
        base
    }
}

/// The base whose layout a class with `bases` extends (CPython's best_base),
/// with CPython's errors for non-types, final types and layout conflicts.
pub(crate) fn best_base<'a>(vm: &mut Vm, bases: &'a [Value]) -> PyResult<&'a TypeObject> {
    let mut best: Option<(&TypeObject, &TypeObject)> = None;
    for b in bases {
        let Some(bt) = b.downcast_ref::<TypeObject>() else {
            return Err(vm.type_error("bases must be types"));
        };
        if !bt.has_flag(type_flags::BASETYPE) {
            let msg = format!("type '{}' is not an acceptable base type", bt.name_string());
            return Err(vm.type_error(msg));
        }
        let candidate = solid_base(bt);
        best = match best {
            None => Some((bt, candidate)),
            Some((_, winner)) if winner.is_subtype(candidate) => best,
            Some((_, winner)) if candidate.is_subtype(winner) => Some((bt, candidate)),
            Some(_) => return Err(vm.type_error("multiple bases have instance lay-out conflict")),
        };
    }
    match best {
        Some((b, _)) => Ok(b),
        None => Err(vm.type_error("bases must be types")),
    }
}

/// Whether `child`'s instances have exactly its base's layout (CPython's
/// compatible_with_tp_base).
fn same_layout_as_base(child: &TypeObject) -> bool {
    let Some(parent) = child.base() else { return false };
    child.layout == parent.layout
        && child.nslots.get() == parent.nslots.get()
        && !static_adds_fields(child)
        && has_instance_dict(child) == has_instance_dict(parent)
        && has_weakrefs(child) == has_weakrefs(parent)
        && freed_by_gc(child) == freed_by_gc(parent)
}

/// Sorted names of the `__slots__` a heap class declares itself.
fn own_slot_names(t: &TypeObject) -> Vec<String> {
    let mut names: Vec<String> = t
        .dict()
        .items()
        .into_iter()
        .filter(|(_, d)| d.downcast_ref::<MemberDescr>().is_some_and(|m| std::ptr::eq(m.owner(), t) && m.slot().is_some()))
        .map(|(k, _)| crate::objects::str::display_lossy(&k))
        .collect();
    names.sort();
    names
}

/// Two classes with the same base that add the same slots (CPython's same_slots_added).
fn same_slots_added(a: &TypeObject, b: &TypeObject) -> bool {
    a.is_heap_type()
        && b.is_heap_type()
        && a.nslots.get() == b.nslots.get()
        && has_instance_dict(a) == has_instance_dict(b)
        && has_weakrefs(a) == has_weakrefs(b)
        && own_slot_names(a) == own_slot_names(b)
}

/// Refuses to let instances of `oldto` become instances of `newto` unless
/// their layouts agree (CPython's compatible_for_assignment; `attr` names
/// the assignment in the message).
pub(crate) fn check_compatible_for_assignment(
    vm: &mut Vm,
    oldto: &TypeObject,
    newto: &TypeObject,
    attr: &str,
) -> PyResult<()> {
    if freed_by_gc(newto) != freed_by_gc(oldto) {
        let msg = format!(
            "{attr} assignment: '{}' deallocator differs from '{}'",
            newto.name_string(),
            oldto.name_string()
        );
        return Err(vm.type_error(msg));
    }
    let mut newbase = newto;
    while same_layout_as_base(newbase) {
        newbase = newbase.base().unwrap_or(newbase);
    }
    let mut oldbase = oldto;
    while same_layout_as_base(oldbase) {
        oldbase = oldbase.base().unwrap_or(oldbase);
    }
    let same_parent = match (newbase.base(), oldbase.base()) {
        (Some(a), Some(b)) => std::ptr::eq(a, b),
        (None, None) => true,
        _ => false,
    };
    let bases_agree = std::ptr::eq(newbase, oldbase) || (same_parent && same_slots_added(newbase, oldbase));
    // The last two conditions restate, for pyrite's own memory layout, what the
    // walk above implies: the instances' structs and slot arrays match.
    if bases_agree
        && has_managed_dict(oldto) == has_managed_dict(newto)
        && oldto.layout == newto.layout
        && oldto.nslots.get() == newto.nslots.get()
    {
        return Ok(());
    }
    let msg = format!(
        "{attr} assignment: '{}' object layout differs from '{}'",
        newto.name_string(),
        oldto.name_string()
    );
    Err(vm.type_error(msg))
}

/// Whether `t` is reached from `base` through `__base__` links.
fn base_chain_contains(base: &TypeObject, t: &TypeObject) -> bool {
    let mut cur = Some(base);
    while let Some(c) = cur {
        if std::ptr::eq(c, t) {
            return true;
        }
        cur = c.base();
    }
    false
}

/// Every subclass of `t`, each once, parents before children.
fn all_subclasses(t: &TypeObject) -> Vec<*const TypeObject> {
    let mut out: Vec<*const TypeObject> = Vec::new();
    // SAFETY: subclass lists hold live types (removed before they die).
    let mut todo: Vec<*const TypeObject> = unsafe { (*t.subclasses.get()).clone() };
    todo.reverse();
    while let Some(s) = todo.pop() {
        if out.contains(&s) {
            continue;
        }
        out.push(s);
        // SAFETY: as above.
        let mut kids = unsafe { (*(*s).subclasses.get()).clone() };
        kids.reverse();
        todo.extend(kids);
    }
    out
}

/// `cls.__bases__ = new_bases`: the checks of CPython's type_set_bases, then
/// the new MRO of `cls` and of every subclass (all restored if one fails),
/// subclass lists, slots and version tags brought up to date.
pub(crate) fn type_bases_set(vm: &mut Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(t) = v.downcast_ref::<TypeObject>() else {
        return Ok(());
    };
    if t.has_flag(type_flags::IMMUTABLE) {
        let msg = format!("cannot set '__bases__' attribute of immutable type '{}'", t.name_string());
        return Err(vm.type_error(msg));
    }
    let Some(new_bases) = value else {
        let msg = format!("cannot delete '__bases__' attribute of immutable type '{}'", t.name_string());
        return Err(vm.type_error(msg));
    };
    let Some(tuple) = new_bases.downcast_ref::<TupleObject>() else {
        let msg = format!(
            "can only assign tuple to {}.__bases__, not {}",
            t.name_string(),
            vm.type_name(&new_bases)
        );
        return Err(vm.type_error(msg));
    };
    let items: Vec<Value> = tuple.items().to_vec();
    if items.is_empty() {
        let msg = format!("can only assign non-empty tuple to {}.__bases__, not ()", t.name_string());
        return Err(vm.type_error(msg));
    }
    for b in &items {
        let Some(bt) = b.downcast_ref::<TypeObject>() else {
            let msg = format!(
                "{}.__bases__ must be tuple of classes, not '{}'",
                t.name_string(),
                vm.type_name(b)
            );
            return Err(vm.type_error(msg));
        };
        if bt.is_subtype(t) || base_chain_contains(bt, t) {
            return Err(vm.type_error("a __bases__ item causes an inheritance cycle"));
        }
    }
    let new_base = best_base(vm, &items)?;
    let old_base = t.base().unwrap_or(OBJECT_TYPE.get());
    check_compatible_for_assignment(vm, old_base, new_base, "__bases__")?;
    for (i, b) in items.iter().enumerate() {
        if items[..i].iter().any(|x| x.is(b)) {
            let msg = format!("duplicate base class {}", type_of_type(b).name_string());
            return Err(vm.type_error(msg));
        }
    }

    // New MROs for the class and its subclasses, computed before anything
    // changes so that a failure leaves everything as it was.
    let new_base_ptr: *const TypeObject = new_base;
    let old_bases = t.bases_value();
    let old_base_ptr = t.base.get();
    let tv = t.as_value();
    let subclasses = all_subclasses(t);
    let mut replaced: Vec<(*const TypeObject, Value)> = Vec::new();
    let swap_in = |ty: &TypeObject, mro: Value, replaced: &mut Vec<(*const TypeObject, Value)>| {
        // SAFETY: GIL held; nothing borrows the MRO tuple across this store
        // (callers of `mro()` copy what they need before running Python code).
        let old = unsafe { std::mem::replace(&mut *ty.mro.get(), mro) };
        replaced.push((ty as *const TypeObject, old));
    };
    // SAFETY: as for the MRO; the bases tuple is read only through `bases_value`.
    unsafe { *t.bases.get() = new_bases.clone() };
    t.base.set(new_base_ptr);
    let mut failure: Option<String> = None;
    match c3_mro(&tv, &items) {
        Ok(m) => swap_in(t, new_tuple(m), &mut replaced),
        Err(msg) => failure = Some(msg),
    }
    if failure.is_none() {
        for &s in &subclasses {
            // SAFETY: subclass lists hold live types.
            let st = unsafe { &*s };
            let sbases: Vec<Value> = match st.bases_value().downcast_ref::<TupleObject>() {
                Some(b) => b.items().to_vec(),
                None => continue,
            };
            match c3_mro(&st.as_value(), &sbases) {
                Ok(m) => swap_in(st, new_tuple(m), &mut replaced),
                Err(msg) => {
                    failure = Some(msg);
                    break;
                }
            }
        }
    }
    if let Some(msg) = failure {
        for (ty, old) in replaced.into_iter().rev() {
            // SAFETY: as above; `ty` is `t` or one of its live subclasses.
            drop(unsafe { std::mem::replace(&mut *(*ty).mro.get(), old) });
        }
        // SAFETY: as above.
        unsafe { *t.bases.get() = old_bases };
        t.base.set(old_base_ptr);
        return Err(vm.type_error(msg));
    }
    drop(replaced);

    // The class leaves its old bases' subclass lists and joins the new ones'.
    let me: *const TypeObject = t;
    if let Some(ob) = old_bases.downcast_ref::<TupleObject>() {
        for b in ob.items() {
            if let Some(bt) = b.downcast_ref::<TypeObject>() {
                // SAFETY: GIL held; no borrow of the list is live.
                unsafe { (*bt.subclasses.get()).retain(|&s| s != me) };
            }
        }
    }
    for b in &items {
        if let Some(bt) = b.downcast_ref::<TypeObject>() {
            // SAFETY: as above.
            let list = unsafe { &mut *bt.subclasses.get() };
            if !list.contains(&me) {
                list.push(me);
            }
        }
    }
    t.modified();
    crate::slots::update_slots_recursive(t);
    drop(old_bases);
    Ok(())
}

/// What CPython shows of a type's C layout: `__flags__`, `__basicsize__`,
/// `__itemsize__`, `__dictoffset__`, `__weakrefoffset__`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TypeLayout {
    pub flags: u64,
    pub basicsize: i64,
    pub itemsize: i64,
    pub dictoffset: i64,
    pub weakrefoffset: i64,
}

/// CPython's Py_TPFLAGS bits.
pub(crate) mod cpython_flags {
    pub const MANAGED_DICT: u64 = 1 << 4;
    pub const HEAPTYPE: u64 = 1 << 9;
    pub const READY: u64 = 1 << 12;
    pub const HAVE_GC: u64 = 1 << 14;
    pub const VALID_VERSION_TAG: u64 = 1 << 19;
}

/// Size of a pointer field in CPython's structs (64-bit builds).
const PTR: i64 = 8;

/// CPython's numbers for a builtin type pyrite implements, by name.
fn builtin_layout(t: &TypeObject) -> Option<TypeLayout> {
    use super::type_layouts::BUILTIN_LAYOUTS;
    if t.is_heap_type() {
        return None;
    }
    let module = super::object_ty::type_module_name(t);
    if !matches!(module.as_deref(), Some("builtins" | "types")) {
        return None;
    }
    let name = t.name_string();
    let ix = BUILTIN_LAYOUTS.binary_search_by(|row| row.0.cmp(name.as_str())).ok()?;
    let &(_, flags, basicsize, itemsize, dictoffset, weakrefoffset, _) = BUILTIN_LAYOUTS.get(ix)?;
    Some(TypeLayout {
        flags: flags | cpython_flags::VALID_VERSION_TAG,
        basicsize,
        itemsize,
        dictoffset,
        weakrefoffset,
    })
}

/// Whether CPython's builtin type `t` sets tp_getattro itself, which gives
/// it a `__getattribute__` slot wrapper of its own.
pub(crate) fn defines_getattribute(t: &TypeObject) -> bool {
    use super::type_layouts::BUILTIN_LAYOUTS;
    if t.is_heap_type() || !matches!(super::object_ty::type_module_name(t).as_deref(), Some("builtins" | "types")) {
        return false;
    }
    let name = t.name_string();
    BUILTIN_LAYOUTS
        .binary_search_by(|row| row.0.cmp(name.as_str()))
        .ok()
        .and_then(|ix| BUILTIN_LAYOUTS.get(ix))
        .is_some_and(|row| row.6)
}

/// pyrite's flags given CPython's bit numbers.
fn mapped_flags(t: &TypeObject) -> u64 {
    use type_flags as f;
    const CPYTHON_BITS: [(u32, u64); 16] = [
        (f::SEQUENCE, 1 << 5),
        (f::MAPPING, 1 << 6),
        (f::IMMUTABLE, 1 << 8),
        (f::HEAPTYPE, cpython_flags::HEAPTYPE | cpython_flags::HAVE_GC),
        (f::BASETYPE, 1 << 10),
        (f::METHOD_DESCRIPTOR, 1 << 17),
        (f::IS_ABSTRACT, 1 << 20),
        (f::MATCH_SELF, 1 << 22),
        (f::INT_SUBCLASS, 1 << 24),
        (f::LIST_SUBCLASS, 1 << 25),
        (f::TUPLE_SUBCLASS, 1 << 26),
        (f::BYTES_SUBCLASS, 1 << 27),
        (f::STR_SUBCLASS, 1 << 28),
        (f::DICT_SUBCLASS, 1 << 29),
        (f::BASE_EXC_SUBCLASS, 1 << 30),
        (f::TYPE_SUBCLASS, 1 << 31),
    ];
    let mut bits = cpython_flags::READY;
    for (ours, theirs) in CPYTHON_BITS {
        if t.has_flag(ours) {
            bits |= theirs;
        }
    }
    bits
}

/// The `__slots__` values `t` declares itself.
pub(crate) fn own_slot_count(t: &TypeObject) -> i64 {
    t.dict()
        .items()
        .iter()
        .filter(|(_, d)| d.downcast_ref::<MemberDescr>().is_some_and(|m| std::ptr::eq(m.owner(), t) && m.slot().is_some()))
        .count() as i64
}

/// CPython's numbers for `t`: a builtin type's own (or, for a native type
/// CPython's table lacks, its base's), a class's computed from its base as
/// CPython's type_new lays out slots, `__weakref__` and `__dict__`.
pub(crate) fn type_layout(t: &TypeObject) -> TypeLayout {
    if let Some(layout) = builtin_layout(t) {
        return layout;
    }
    let object = TypeLayout { flags: 0, basicsize: 2 * PTR, itemsize: 0, dictoffset: 0, weakrefoffset: 0 };
    let base_layout = t.base().map_or(object, type_layout);
    if !t.is_heap_type() {
        let mut flags = mapped_flags(t) | cpython_flags::VALID_VERSION_TAG;
        if freed_by_gc(t) {
            flags |= cpython_flags::HAVE_GC;
        }
        return TypeLayout { flags, ..base_layout };
    }
    let mut layout = base_layout;
    let base_has_dict = t.base().is_some_and(has_instance_dict);
    let base_has_weakrefs = t.base().is_some_and(has_weakrefs);
    let adds_dict = has_instance_dict(t) && !base_has_dict;
    let adds_weakref = has_weakrefs(t) && !base_has_weakrefs;
    let mut offset = base_layout.basicsize + PTR * own_slot_count(t);
    if adds_dict && base_layout.itemsize != 0 {
        layout.dictoffset = -PTR;
        offset += PTR;
    }
    if adds_weakref {
        layout.weakrefoffset = offset;
        offset += PTR;
    }
    if adds_dict && base_layout.itemsize == 0 {
        // A managed dict lives before the object header.
        layout.dictoffset = -offset - 3 * PTR;
    }
    layout.basicsize = offset;
    layout.flags = mapped_flags(t);
    if has_managed_dict(t) {
        layout.flags |= cpython_flags::MANAGED_DICT;
    }
    if t.version_tag.get() != 0 {
        layout.flags |= cpython_flags::VALID_VERSION_TAG;
    }
    layout
}
