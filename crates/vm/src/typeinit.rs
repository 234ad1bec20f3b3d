//! Start-up: fills in the static builtin types (names, bases, MRO, dicts,
//! slots and methods) and creates the exception classes.

use crate::exception::{ExcKind, EXC_TYPES};
use crate::object::{LayoutKind, ObjHeader};
use crate::objects::descr::{new_getset, new_method_descr, new_slot_wrapper, GetterFn, SetterFn, SlotFn};
use crate::objects::dict::DictObject;
use crate::objects::str::intern;
use crate::objects::tuple::{empty_tuple, new_tuple};
use crate::typeobj::*;
use crate::value::Value;
use std::cell::{Cell, UnsafeCell};

struct Def {
    st: &'static StaticType,
    name: &'static str,
    layout: LayoutKind,
    base: Option<&'static StaticType>,
    flags: u32,
}

fn defs() -> Vec<Def> {
    use type_flags::*;
    use LayoutKind as L;
    let d = |st, name, layout, base, flags| Def {
        st,
        name,
        layout,
        base,
        flags,
    };
    vec![
        d(&OBJECT_TYPE, "object", L::Object, None, BASETYPE),
        d(
            &TYPE_TYPE,
            "type",
            L::Type,
            Some(&OBJECT_TYPE),
            BASETYPE | TYPE_SUBCLASS,
        ),
        d(
            &INT_TYPE,
            "int",
            L::Int,
            Some(&OBJECT_TYPE),
            BASETYPE | INT_SUBCLASS | MATCH_SELF,
        ),
        d(&BOOL_TYPE, "bool", L::Int, Some(&INT_TYPE), INT_SUBCLASS | MATCH_SELF),
        d(
            &FLOAT_TYPE,
            "float",
            L::Float,
            Some(&OBJECT_TYPE),
            BASETYPE | MATCH_SELF,
        ),
        d(&COMPLEX_TYPE, "complex", L::Complex, Some(&OBJECT_TYPE), BASETYPE),
        d(
            &STR_TYPE,
            "str",
            L::Str,
            Some(&OBJECT_TYPE),
            BASETYPE | STR_SUBCLASS | MATCH_SELF,
        ),
        d(
            &BYTES_TYPE,
            "bytes",
            L::Bytes,
            Some(&OBJECT_TYPE),
            BASETYPE | BYTES_SUBCLASS | MATCH_SELF,
        ),
        d(
            &TUPLE_TYPE,
            "tuple",
            L::Tuple,
            Some(&OBJECT_TYPE),
            BASETYPE | TUPLE_SUBCLASS | MATCH_SELF | SEQUENCE,
        ),
        d(
            &LIST_TYPE,
            "list",
            L::List,
            Some(&OBJECT_TYPE),
            BASETYPE | LIST_SUBCLASS | MATCH_SELF | SEQUENCE,
        ),
        d(
            &DICT_TYPE,
            "dict",
            L::Dict,
            Some(&OBJECT_TYPE),
            BASETYPE | DICT_SUBCLASS | MATCH_SELF | MAPPING,
        ),
        d(&NONE_TYPE, "NoneType", L::Object, Some(&OBJECT_TYPE), 0),
        d(
            &NOTIMPLEMENTED_TYPE,
            "NotImplementedType",
            L::Object,
            Some(&OBJECT_TYPE),
            0,
        ),
        d(&ELLIPSIS_TYPE, "ellipsis", L::Object, Some(&OBJECT_TYPE), 0),
        d(
            &FUNCTION_TYPE,
            "function",
            L::Function,
            Some(&OBJECT_TYPE),
            HAS_DICT | METHOD_DESCRIPTOR,
        ),
        d(&METHOD_TYPE, "method", L::BoundMethod, Some(&OBJECT_TYPE), 0),
        d(&CODE_TYPE, "code", L::Code, Some(&OBJECT_TYPE), 0),
        d(&MODULE_TYPE, "module", L::Module, Some(&OBJECT_TYPE), BASETYPE | HAS_DICT),
        d(&CELL_TYPE, "cell", L::Cell, Some(&OBJECT_TYPE), 0),
        d(
            &BUILTIN_FUNCTION_TYPE,
            "builtin_function_or_method",
            L::BuiltinFunction,
            Some(&OBJECT_TYPE),
            0,
        ),
        d(
            &METHOD_DESCR_TYPE,
            "method_descriptor",
            L::MethodDescr,
            Some(&OBJECT_TYPE),
            METHOD_DESCRIPTOR,
        ),
        d(
            &CLASSMETHOD_DESCR_TYPE,
            "classmethod_descriptor",
            L::MethodDescr,
            Some(&OBJECT_TYPE),
            0,
        ),
        d(
            &SLOT_WRAPPER_TYPE,
            "wrapper_descriptor",
            L::SlotWrapper,
            Some(&OBJECT_TYPE),
            METHOD_DESCRIPTOR,
        ),
        d(
            &METHOD_WRAPPER_TYPE,
            "method-wrapper",
            L::MethodWrapper,
            Some(&OBJECT_TYPE),
            0,
        ),
        d(
            &GETSET_DESCR_TYPE,
            "getset_descriptor",
            L::GetSetDescr,
            Some(&OBJECT_TYPE),
            0,
        ),
        d(&PROPERTY_TYPE, "property", L::Property, Some(&OBJECT_TYPE), BASETYPE),
        d(
            &STATICMETHOD_TYPE,
            "staticmethod",
            L::StaticMethod,
            Some(&OBJECT_TYPE),
            BASETYPE | HAS_DICT,
        ),
        d(
            &CLASSMETHOD_TYPE,
            "classmethod",
            L::StaticMethod,
            Some(&OBJECT_TYPE),
            BASETYPE | HAS_DICT,
        ),
        d(&RANGE_TYPE, "range", L::Range, Some(&OBJECT_TYPE), SEQUENCE),
        d(&RANGE_ITER_TYPE, "range_iterator", L::RangeIter, Some(&OBJECT_TYPE), 0),
        d(&SLICE_TYPE, "slice", L::Slice, Some(&OBJECT_TYPE), 0),
        d(&SUPER_TYPE, "super", L::Super, Some(&OBJECT_TYPE), BASETYPE),
        d(&GENERIC_ALIAS_TYPE, "GenericAlias", L::SeqIter, Some(&OBJECT_TYPE), BASETYPE),
        d(&LIST_ITER_TYPE, "list_iterator", L::SeqIter, Some(&OBJECT_TYPE), 0),
        d(&TUPLE_ITER_TYPE, "tuple_iterator", L::SeqIter, Some(&OBJECT_TYPE), 0),
        d(&STR_ITER_TYPE, "str_ascii_iterator", L::SeqIter, Some(&OBJECT_TYPE), 0),
        d(&SEQ_ITER_TYPE, "iterator", L::SeqIter, Some(&OBJECT_TYPE), 0),
        d(
            &DICT_KEYITER_TYPE,
            "dict_keyiterator",
            L::DictIter,
            Some(&OBJECT_TYPE),
            0,
        ),
        d(
            &DICT_VALUEITER_TYPE,
            "dict_valueiterator",
            L::DictIter,
            Some(&OBJECT_TYPE),
            0,
        ),
        d(
            &DICT_ITEMITER_TYPE,
            "dict_itemiterator",
            L::DictIter,
            Some(&OBJECT_TYPE),
            0,
        ),
        d(&DICT_REVKEYITER_TYPE, "dict_reversekeyiterator", L::DictIter, Some(&OBJECT_TYPE), 0),
        d(&DICT_REVVALUEITER_TYPE, "dict_reversevalueiterator", L::DictIter, Some(&OBJECT_TYPE), 0),
        d(&DICT_REVITEMITER_TYPE, "dict_reverseitemiterator", L::DictIter, Some(&OBJECT_TYPE), 0),
        d(&DICT_KEYS_TYPE, "dict_keys", L::SeqIter, Some(&OBJECT_TYPE), 0),
        d(&DICT_VALUES_TYPE, "dict_values", L::SeqIter, Some(&OBJECT_TYPE), 0),
        d(&DICT_ITEMS_TYPE, "dict_items", L::SeqIter, Some(&OBJECT_TYPE), 0),
        d(&TRACEBACK_TYPE, "traceback", L::Traceback, Some(&OBJECT_TYPE), 0),
        d(&GENERATOR_TYPE, "generator", L::Generator, Some(&OBJECT_TYPE), 0),
        d(&SET_TYPE, "set", L::Set, Some(&OBJECT_TYPE), BASETYPE | MATCH_SELF),
        d(
            &FROZENSET_TYPE,
            "frozenset",
            L::Set,
            Some(&OBJECT_TYPE),
            BASETYPE | MATCH_SELF,
        ),
        d(
            &MEMBER_DESCR_TYPE,
            "member_descriptor",
            L::MemberDescr,
            Some(&OBJECT_TYPE),
            0,
        ),
    ]
}

/// Sets name, bases, MRO and an empty dict on a type whose base is done.
fn finish_type(t: &TypeObject, name: &str) {
    finish_static(t, name)
}

/// Sets name, bases, MRO and an empty dict on a static type whose base is done.
pub(crate) fn finish_static(t: &TypeObject, name: &str) {
    let bases = match t.base() {
        Some(b) => new_tuple(vec![b.as_value()]),
        None => empty_tuple(),
    };
    let mut mro = vec![t.as_value()];
    if let Some(b) = t.base() {
        mro.extend(b.mro().items().iter().cloned());
    }
    let n = intern(name);
    let d = DictObject::new_value();
    make_immortal(&d);
    // SAFETY: start-up, single-threaded under the GIL, nothing borrows these yet.
    unsafe {
        *t.name.get() = n.clone();
        *t.qualname.get() = n;
        *t.bases.get() = bases;
        *t.mro.get() = new_tuple(mro);
        *t.dict.get() = d;
    }
    if let Some(b) = t.base() {
        unsafe { (*b.subclasses.get()).push(t) };
    }
}

pub fn init_builtin_types() {
    let defs = defs();
    // 1. Fixed parts, so that every type pointer is valid.
    for d in &defs {
        // SAFETY: once, at start-up.
        unsafe { d.st.init(d.layout, d.flags, d.base) };
    }
    // 2. Names, bases, MRO, dicts (bases come earlier in `defs`).
    for d in &defs {
        finish_type(d.st.get(), d.name);
    }
    // 3. Exception classes.
    make_exception_types();
    // 4. Slots and methods of each kind.
    crate::types::init_all();
    // 5. Static types inherit the slots they leave empty.
    for d in &defs {
        inherit_slots(d.st.get());
    }
    for kind in ExcKind::ALL {
        inherit_slots(crate::exception::exc_type(*kind));
    }
    // 6. Slot wrappers (`int.__add__`) for slots a type defines itself.
    for d in &defs {
        add_slot_wrappers(d.st.get());
    }
    for kind in ExcKind::ALL {
        add_slot_wrappers(crate::exception::exc_type(*kind));
    }
    // 7. The attributes CPython declares as struct members.
    for (st, names) in builtin_members() {
        make_members(st.get(), names);
    }
    for (kind, names) in EXCEPTION_MEMBERS {
        make_members(crate::exception::exc_type(*kind), names);
    }
}

/// The attributes of builtin types that CPython declares in `tp_members`
/// (`member_descriptor`s; pyrite's accessors are getsets until
/// [`make_members`] turns them into members).
fn builtin_members() -> [(&'static StaticType, &'static [&'static str]); 21] {
    const DESCR: &[&str] = &["__objclass__", "__name__"];
    [
        (&TYPE_TYPE, &["__basicsize__", "__itemsize__", "__flags__", "__weakrefoffset__", "__base__", "__dictoffset__", "__mro__"]),
        (&FUNCTION_TYPE, &["__closure__", "__doc__", "__globals__", "__module__", "__builtins__"]),
        (&METHOD_TYPE, &["__func__", "__self__"]),
        (
            &CODE_TYPE,
            &[
                "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_stacksize", "co_flags", "co_nlocals",
                "co_consts", "co_names", "co_filename", "co_name", "co_qualname", "co_firstlineno", "co_linetable",
                "co_exceptiontable",
            ],
        ),
        (&TRACEBACK_TYPE, &["tb_frame", "tb_lasti"]),
        (&GENERATOR_TYPE, &["gi_code"]),
        (&BUILTIN_FUNCTION_TYPE, &["__module__"]),
        (&SLOT_WRAPPER_TYPE, DESCR),
        (&METHOD_DESCR_TYPE, DESCR),
        (&CLASSMETHOD_DESCR_TYPE, DESCR),
        (&GETSET_DESCR_TYPE, DESCR),
        (&MEMBER_DESCR_TYPE, DESCR),
        (&METHOD_WRAPPER_TYPE, &["__self__"]),
        (&MODULE_TYPE, &["__dict__"]),
        (&PROPERTY_TYPE, &["fget", "fset", "fdel", "__doc__"]),
        (&COMPLEX_TYPE, &["real", "imag"]),
        (&RANGE_TYPE, &["start", "stop", "step"]),
        (&SLICE_TYPE, &["start", "stop", "step"]),
        (&STATICMETHOD_TYPE, &["__func__", "__wrapped__"]),
        (&CLASSMETHOD_TYPE, &["__func__", "__wrapped__"]),
        (&SUPER_TYPE, &["__thisclass__", "__self__", "__self_class__"]),
    ]
}

const UNICODE_ERROR_MEMBERS: &[&str] = &["encoding", "object", "start", "end", "reason"];
const OS_ERROR_MEMBERS: &[&str] = &["errno", "strerror", "filename", "filename2"];

static EXCEPTION_MEMBERS: &[(ExcKind, &[&str])] = &[
    (ExcKind::BaseException, &["__suppress_context__"]),
    (ExcKind::AttributeError, &["name", "obj"]),
    (ExcKind::BaseExceptionGroup, &["message", "exceptions"]),
    (ExcKind::OSError, OS_ERROR_MEMBERS),
    (ExcKind::ImportError, &["msg", "name", "path"]),
    (ExcKind::NameError, &["name"]),
    (ExcKind::StopIteration, &["value"]),
    (
        ExcKind::SyntaxError,
        &["msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"],
    ),
    (ExcKind::SystemExit, &["code"]),
    (ExcKind::UnicodeEncodeError, UNICODE_ERROR_MEMBERS),
    (ExcKind::UnicodeDecodeError, UNICODE_ERROR_MEMBERS),
    (ExcKind::UnicodeTranslateError, UNICODE_ERROR_MEMBERS),
];

/// Replaces the getsets named `names` in `t`'s own dict by member
/// descriptors with the same accessors (a getset without a setter becomes a
/// READONLY member: "readonly attribute"). Names `t` lacks are skipped.
pub(crate) fn make_members(t: &'static TypeObject, names: &[&str]) {
    let dict = t.dict();
    for name in names {
        let key = intern(name);
        let Some(d) = dict.get_str(&key) else { continue };
        let Some(gs) = d.downcast_ref::<crate::objects::descr::GetSetDescr>() else { continue };
        let member = crate::objects::descr::NativeMember { get: gs.get, set: gs.set };
        dict.insert_str(&key, crate::objects::descr::new_native_member(key.clone(), t, member));
    }
}

fn make_exception_types() {
    // SAFETY: start-up under the GIL.
    let table = unsafe { EXC_TYPES.get_mut() };
    if !table.is_empty() {
        return;
    }
    for kind in ExcKind::ALL {
        let base: *const TypeObject = match kind.parent() {
            Some(p) => table[p as usize].ptr_unchecked() as *const TypeObject,
            None => OBJECT_TYPE.ptr(),
        };
        let t = TypeObject {
            header: ObjHeader::immortal(TYPE_TYPE.ptr()),
            layout: LayoutKind::Exception,
            flags: Cell::new(
                type_flags::BASETYPE | type_flags::HAS_DICT | type_flags::BASE_EXC_SUBCLASS | type_flags::IMMUTABLE,
            ),
            version_tag: Cell::new(0),
            name: UnsafeCell::new(Value::NULL),
            qualname: UnsafeCell::new(Value::NULL),
            base: Cell::new(base),
            bases: UnsafeCell::new(Value::NULL),
            mro: UnsafeCell::new(Value::NULL),
            dict: UnsafeCell::new(Value::NULL),
            slots: UnsafeCell::new(Slots::EMPTY),
            subclasses: UnsafeCell::new(Vec::new()),
            shared_keys: UnsafeCell::new(Default::default()),
            nslots: Cell::new(0),
        };
        // Exception classes are immortal: leak the box.
        let p: &'static TypeObject = Box::leak(Box::new(t));
        finish_type(p, kind.name());
        table.push(p.as_value());
    }
}

/// Copies each empty slot from the base (static types only).
pub(crate) fn inherit_slots(t: &TypeObject) {
    let Some(b) = t.base() else { return };
    let bs = *b.slots();
    let s = t.slots_mut();
    macro_rules! inherit {
        ($($f:ident),*) => { $( if s.$f.is_none() { s.$f = bs.$f; } )* };
    }
    inherit!(
        repr, str, setattro, descr_get, descr_set, call, iter, iternext, bool, len, getitem, setitem, contains, new,
        init, neg, pos, invert, abs, index, int, float, concat, repeat
    );
    if s.richcompare.is_none() && s.hash.is_none() {
        s.richcompare = bs.richcompare;
        s.hash = bs.hash;
    }
    if s.getattro as usize == crate::attr::generic_getattr as *const () as usize {
        s.getattro = bs.getattro;
    }
    for i in 0..NB_SLOTS {
        if s.nb[i].is_none() {
            s.nb[i] = bs.nb[i];
        }
    }
}

fn differs<T: Copy>(mine: Option<T>, base: Option<T>, addr: fn(T) -> usize) -> bool {
    match (mine, base) {
        (Some(m), Some(b)) => addr(m) != addr(b),
        (Some(_), None) => true,
        _ => false,
    }
}

/// Adds `wrapper_descriptor`s for the slots `t` defines (not inherited).
pub(crate) fn add_slot_wrappers(t: &'static TypeObject) {
    let s = *t.slots();
    let b = t.base().map(|b| *b.slots()).unwrap_or(Slots::EMPTY);
    let owner = t as *const TypeObject;
    let dict = t.dict();
    let add = |name: &'static str, f: SlotFn| {
        let key = intern(name);
        if dict.get_str(&key).is_none() {
            dict.insert_str(&key, new_slot_wrapper(name, owner, f));
        }
    };
    macro_rules! unary {
        ($field:ident, $name:expr) => {
            if differs(s.$field, b.$field, |f| f as usize) {
                if let Some(f) = s.$field {
                    add($name, SlotFn::Unary(f));
                }
            }
        };
    }
    unary!(repr, "__repr__");
    unary!(str, "__str__");
    unary!(iter, "__iter__");
    unary!(neg, "__neg__");
    unary!(pos, "__pos__");
    unary!(invert, "__invert__");
    unary!(abs, "__abs__");
    unary!(index, "__index__");
    unary!(int, "__int__");
    unary!(float, "__float__");
    if differs(s.hash, b.hash, |f| f as usize) {
        if let Some(f) = s.hash {
            add("__hash__", SlotFn::Hash(f));
        }
    }
    if differs(s.richcompare, b.richcompare, |f| f as usize) {
        if let Some(f) = s.richcompare {
            for op in [
                CompareOp::Lt,
                CompareOp::Le,
                CompareOp::Eq,
                CompareOp::Ne,
                CompareOp::Gt,
                CompareOp::Ge,
            ] {
                add(op.dunder(), SlotFn::RichCmp(f, op));
            }
        }
    }
    if s.getattro as usize != b.getattro as usize || t.base().is_none() {
        add("__getattribute__", SlotFn::GetAttr(s.getattro));
    }
    if differs(s.setattro, b.setattro, |f| f as usize) {
        if let Some(f) = s.setattro {
            add("__setattr__", SlotFn::SetAttr(f));
            add("__delattr__", SlotFn::DelAttr(f));
        }
    }
    if differs(s.descr_get, b.descr_get, |f| f as usize) {
        if let Some(f) = s.descr_get {
            add("__get__", SlotFn::DescrGet(f));
        }
    }
    if differs(s.descr_set, b.descr_set, |f| f as usize) {
        if let Some(f) = s.descr_set {
            add("__set__", SlotFn::DescrSet(f));
            add("__delete__", SlotFn::DescrDelete(f));
        }
    }
    if differs(s.call, b.call, |f| f as usize) {
        if let Some(f) = s.call {
            add("__call__", SlotFn::Call(f));
        }
    }
    if differs(s.iternext, b.iternext, |f| f as usize) {
        if let Some(f) = s.iternext {
            add("__next__", SlotFn::IterNext(f));
        }
    }
    if differs(s.bool, b.bool, |f| f as usize) {
        if let Some(f) = s.bool {
            add("__bool__", SlotFn::Bool(f));
        }
    }
    if differs(s.len, b.len, |f| f as usize) {
        if let Some(f) = s.len {
            add("__len__", SlotFn::Len(f));
        }
    }
    if differs(s.getitem, b.getitem, |f| f as usize) {
        if let Some(f) = s.getitem {
            add("__getitem__", SlotFn::GetItem(f));
        }
    }
    if differs(s.setitem, b.setitem, |f| f as usize) {
        if let Some(f) = s.setitem {
            add("__setitem__", SlotFn::SetItem(f));
            add("__delitem__", SlotFn::DelItem(f));
        }
    }
    if differs(s.contains, b.contains, |f| f as usize) {
        if let Some(f) = s.contains {
            add("__contains__", SlotFn::Contains(f));
        }
    }
    if differs(s.init, b.init, |f| f as usize) {
        if let Some(f) = s.init {
            add("__init__", SlotFn::Init(f));
        }
    }
    if differs(s.concat, b.concat, |f| f as usize) {
        if let Some(f) = s.concat {
            add("__add__", SlotFn::Binary(f));
        }
    }
    if differs(s.repeat, b.repeat, |f| f as usize) {
        if let Some(f) = s.repeat {
            add("__mul__", SlotFn::Binary(f));
            add("__rmul__", SlotFn::Binary(f));
        }
    }
    for i in 0..NB_SLOTS {
        if differs(s.nb[i], b.nb[i], |f| f as usize) {
            if let Some(f) = s.nb[i] {
                if i < NB_INPLACE {
                    add(nb::DUNDERS[i], SlotFn::Binary(f));
                    add(nb::RDUNDERS[i], SlotFn::BinaryR(f));
                } else {
                    add(nb::IDUNDERS[i - NB_INPLACE], SlotFn::Binary(f));
                }
            }
        }
    }
    // `__new__` is a builtin bound to the type (tp_new_wrapper).
    if differs(s.new, b.new, |f| f as usize) && s.new.is_some() {
        let key = intern("__new__");
        if dict.get_str(&key).is_none() {
            let f = crate::objects::descr::new_bound_builtin(
                "__new__",
                crate::types::object_ty::tp_new_wrapper,
                t.as_value(),
            );
            dict.insert_str(&key, f);
        }
    }
}

/// Adds a native method to a builtin type's dict.
pub(crate) fn add_method(t: &'static StaticType, name: &'static str, f: NativeFn) {
    let ty = t.get();
    let d = new_method_descr(METHOD_DESCR_TYPE.get(), name, f, t.ptr());
    ty.dict().insert_str(&intern(name), d);
}

pub(crate) fn add_method_to(ty: &'static TypeObject, name: &'static str, f: NativeFn) {
    let d = new_method_descr(METHOD_DESCR_TYPE.get(), name, f, ty);
    ty.dict().insert_str(&intern(name), d);
}

/// A class method of a builtin type (`dict.fromkeys`).
pub(crate) fn add_classmethod(t: &'static StaticType, name: &'static str, f: NativeFn) {
    let d = new_method_descr(CLASSMETHOD_DESCR_TYPE.get(), name, f, t.ptr());
    t.get().dict().insert_str(&intern(name), d);
}

/// A static method of a builtin type (`str.maketrans`).
pub(crate) fn add_staticmethod(t: &'static StaticType, name: &'static str, f: NativeFn) {
    let func = crate::objects::descr::new_builtin_function(name, f, None);
    crate::docstrings::note_static_method(&func, t.get());
    let sm = crate::objects::descr::new_func_wrapper(STATICMETHOD_TYPE.get(), func);
    t.get().dict().insert_str(&intern(name), sm);
}

pub(crate) fn add_getset(t: &'static StaticType, name: &'static str, get: GetterFn, set: Option<SetterFn>) {
    add_getset_to(t.get(), name, get, set);
}

pub(crate) fn add_getset_to(ty: &'static TypeObject, name: &'static str, get: GetterFn, set: Option<SetterFn>) {
    let d = new_getset(name, ty, get, set);
    ty.dict().insert_str(&intern(name), d);
}

pub(crate) fn set_attr(t: &'static TypeObject, name: &str, v: Value) {
    t.dict().insert_str(&intern(name), v);
}
