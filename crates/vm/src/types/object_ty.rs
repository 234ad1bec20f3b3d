//! `object`, `type`, and the singleton types (NoneType, NotImplementedType,
//! ellipsis): their slots, methods and the machinery of class creation
//! (`type.__new__`, `type.__call__`, `__build_class__`).

use crate::args::{check_no_kwargs, split_kwargs, ArgSpec};
use crate::attr;
use crate::exception::{exc_type, ExcKind, PyResult};
use crate::object::{alloc_raw, LayoutKind, ObjHeader};
use crate::objects::cell::CellObject;
use crate::objects::descr::{new_func_wrapper, FuncWrapper};
use crate::objects::dict::DictObject;
use crate::objects::function::FunctionObject;
use crate::objects::singletons::{none, not_implemented};
use crate::objects::str::{display_lossy, intern, StrObject};
use crate::objects::tuple::{new_tuple, TupleObject};
use crate::typeinit::{add_classmethod, add_getset, add_method, set_attr};
use crate::typeobj::*;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, UnsafeCell};

/// `<module.Qualname object at 0x...>`.
pub fn default_repr(v: &Value) -> String {
    let t = type_of(v);
    let addr = v.as_ptr().map_or(v.bits(), |p| p.as_ptr() as u64);
    let module = type_module_name(t);
    match module {
        Some(m) if m != "builtins" => format!("<{}.{} object at {:#x}>", m, display_lossy(t.qualname()), addr),
        _ => format!("<{} object at {:#x}>", t.name_string(), addr),
    }
}

/// `type.__module__` as text (None when not a str).
pub fn type_module_name(t: &TypeObject) -> Option<String> {
    let declared = t
        .dict()
        .get_str_key("__module__")
        .and_then(|m| m.downcast_ref::<StrObject>().map(|s| s.to_string_lossy()));
    if !t.is_heap_type() {
        // Types of native modules (`re.Pattern`) name their module in their dict.
        return Some(declared.unwrap_or_else(|| "builtins".into()));
    }
    declared
}

fn object_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(crate::objects::str::new_str(&default_repr(v)))
}

fn object_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    vm.repr(v)
}

/// `_Py_HashPointer`: the address rotated right by 4 bits.
pub fn pointer_hash(v: &Value) -> i64 {
    let a = v.as_ptr().map_or(v.bits(), |p| p.as_ptr() as u64);
    crate::hash::fix(a.rotate_right(4) as i64)
}

fn object_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    Ok(pointer_hash(v))
}

fn object_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    match op {
        CompareOp::Eq => Ok(if a.is(b) { Value::bool(true) } else { not_implemented() }),
        CompareOp::Ne => {
            // Delegate to __eq__ and invert unless NotImplemented.
            let Some(f) = type_of(a).slots().richcompare else {
                return Ok(not_implemented());
            };
            let r = f(vm, a, b, CompareOp::Eq)?;
            if r.is_not_implemented() {
                return Ok(r);
            }
            let t = vm.is_true(&r)?;
            Ok(Value::bool(!t))
        }
        _ => Ok(not_implemented()),
    }
}

fn has_excess_args(args: &[Value], kwnames: KwNames) -> bool {
    !args.is_empty()
        || kwnames
            .and_then(|k| k.downcast_ref::<TupleObject>())
            .is_some_and(|t| !t.is_empty())
}

fn object_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let Some(t) = cls.downcast_ref::<TypeObject>() else {
        return Err(vm.type_error("object.__new__(X): X is not a type object"));
    };
    if has_excess_args(args, kwnames) {
        let s = t.slots();
        if s.new.map(|f| f as usize) != Some(object_new as *const () as usize) {
            return Err(vm.type_error("object.__new__() takes exactly one argument (the type to instantiate)"));
        }
        if s.init.map(|f| f as usize) == Some(object_init as *const () as usize) {
            let msg = format!("{}() takes no arguments", t.name_string());
            return Err(vm.type_error(msg));
        }
    }
    if t.layout != LayoutKind::Object {
        let msg = format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            t.name_string(),
            t.name_string()
        );
        return Err(vm.type_error(msg));
    }
    if t.has_flag(type_flags::IS_ABSTRACT) {
        return Err(abstract_error(vm, t));
    }
    // SAFETY: Object layout is just the header, which alloc_raw initializes.
    let p = unsafe { alloc_raw(t, std::mem::size_of::<ObjHeader>()) };
    Ok(Value::from_owned_ptr(p))
}

fn abstract_error(vm: &mut Vm, t: &TypeObject) -> crate::exception::PyErr {
    let names = t
        .dict()
        .get_str_key("__abstractmethods__")
        .map(|v| vm.collect(&v).unwrap_or_default())
        .unwrap_or_default();
    let mut names: Vec<String> = names.iter().map(display_lossy).collect();
    names.sort();
    // 3.11 lists the names unquoted (3.12 quotes them).
    let msg = format!(
        "Can't instantiate abstract class {} with abstract method{} {}",
        t.name_string(),
        if names.len() == 1 { "" } else { "s" },
        names.join(", ")
    );
    vm.type_error(msg)
}

fn object_init(vm: &mut Vm, obj: &Value, args: &[Value], kwnames: KwNames) -> PyResult<()> {
    if has_excess_args(args, kwnames) {
        let t = type_of(obj);
        let s = t.slots();
        if s.init.map(|f| f as usize) != Some(object_init as *const () as usize) {
            return Err(vm.type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
        }
        if s.new.map(|f| f as usize) == Some(object_new as *const () as usize) {
            let msg = format!(
                "{}.__init__() takes exactly one argument (the instance to initialize)",
                vm.type_name(obj)
            );
            return Err(vm.type_error(msg));
        }
    }
    Ok(())
}

/// `T.__new__(cls, ...)` for builtin types: calls the slot of `T`.
pub fn tp_new_wrapper(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    // args[0] is the type the wrapper is bound to; args[1] the class to create.
    let Some(owner) = args.first().and_then(|v| v.downcast_ref::<TypeObject>()) else {
        return Err(vm.type_error("__new__ wrapper without owner"));
    };
    let Some(cls_v) = args.get(1) else {
        let msg = format!("{}.__new__(): not enough arguments", owner.name_string());
        return Err(vm.type_error(msg));
    };
    let Some(cls) = cls_v.downcast_ref::<TypeObject>() else {
        let msg = format!(
            "{}.__new__(X): X is not a type object ({})",
            owner.name_string(),
            vm.type_name(cls_v)
        );
        return Err(vm.type_error(msg));
    };
    if !cls.is_subtype(owner) {
        let msg = format!(
            "{}.__new__({}): {} is not a subtype of {}",
            owner.name_string(),
            cls.name_string(),
            cls.name_string(),
            owner.name_string()
        );
        return Err(vm.type_error(msg));
    }
    let Some(newf) = owner.slots().new else {
        return Err(vm.type_error("object has no __new__"));
    };
    newf(vm, cls_v, &args[2..], kwnames)
}

fn object_class_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(type_of(v).as_value())
}

fn object_class_set(vm: &mut Vm, obj: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(v) = value else {
        return Err(vm.type_error("can't delete __class__ attribute"));
    };
    let Some(newt) = v.downcast_ref::<TypeObject>() else {
        let msg = format!("__class__ must be set to a class, not '{}' object", vm.type_name(&v));
        return Err(vm.type_error(msg));
    };
    let old = type_of(obj);
    // object_set_class: static (immutable) types are refused before layouts are compared.
    let both_modules = newt.is_subtype(MODULE_TYPE.get()) && old.is_subtype(MODULE_TYPE.get());
    if !both_modules && (!newt.is_heap_type() || !old.is_heap_type()) {
        return Err(vm.type_error("__class__ assignment only supported for mutable types or ModuleType subclasses"));
    }
    let compatible = newt.layout == old.layout
        && newt.has_flag(type_flags::HAS_DICT) == old.has_flag(type_flags::HAS_DICT)
        // The memory before the header: pre-header words and slot values.
        && newt.has_flag(type_flags::NO_DICT) == old.has_flag(type_flags::NO_DICT)
        && newt.nslots.get() == old.nslots.get();
    if !compatible {
        let msg = format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            newt.name_string(),
            old.name_string()
        );
        return Err(vm.type_error(msg));
    }
    // Attribute values are indexed by the old class's shared keys: move them to a dict first.
    attr::instance_dict(obj);
    let Some(h) = obj.header() else { return Ok(()) };
    let newp = newt as *const TypeObject;
    let oldp = h.ty.replace(newp);
    // The instance now holds a reference to its new type instead of the old one.
    std::mem::forget(v.clone());
    // SAFETY: oldp was a live type the instance held a reference to.
    drop(Value::from_owned_ptr(unsafe {
        std::ptr::NonNull::new_unchecked(oldp as *mut ObjHeader)
    }));
    Ok(())
}

fn object_dict_get(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match attr::instance_dict(v) {
        Some(d) => Ok(d),
        None => {
            let n = vm.intern("__dict__");
            Err(vm.attribute_error(v, &n))
        }
    }
}

pub(crate) fn object_dict_set(vm: &mut Vm, obj: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(d) = value else {
        // Instances of classes may drop their dict (the next access starts
        // a new one); functions and the like may not.
        if type_of(obj).is_heap_type() {
            attr::set_instance_dict(obj, DictObject::new_value());
            return Ok(());
        }
        return Err(vm.type_error("cannot delete __dict__"));
    };
    if d.downcast_ref::<DictObject>().is_none() {
        let msg = format!("__dict__ must be set to a dictionary, not a '{}'", vm.type_name(&d));
        return Err(vm.type_error(msg));
    }
    attr::set_instance_dict(obj, d);
    Ok(())
}

fn object_format(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "__format__", kwnames)?;
    let [obj, spec] = ArgSpec::exact::<2>(vm, "__format__", args, 1)?;
    if spec.downcast_ref::<StrObject>().is_some_and(|s| !s.is_empty()) {
        let msg = format!("unsupported format string passed to {}.__format__", vm.type_name(&obj));
        return Err(vm.type_error(msg));
    }
    vm.str(&obj)
}

/// `object.__dir__()`: the instance's `__dict__` keys and its class's names
/// (CPython's object___dir___impl; failures to get either are ignored).
fn object_dir(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [obj] = ArgSpec::exact::<1>(vm, "__dir__", args, 1)?;
    let d = match vm.getattr_str(&obj, "__dict__") {
        Ok(inst) => match inst.downcast_ref::<DictObject>() {
            Some(id) => id.copy_value(),
            None => DictObject::new_value(),
        },
        Err(_) => DictObject::new_value(),
    };
    let dict = d.downcast_ref::<DictObject>().expect("new dict");
    if let Ok(cls) = vm.getattr_str(&obj, "__class__") {
        merge_class_dict(vm, dict, &cls, 0)?;
    }
    Ok(crate::objects::list::new_list(dict.keys()))
}

/// `object.__subclasshook__`: no opinion, for `abc`'s subclass checks.
fn object_subclasshook(_vm: &mut Vm, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    Ok(crate::objects::singletons::not_implemented())
}

fn object_init_subclass(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    if kw.is_some_and(|k| k.downcast_ref::<crate::objects::tuple::TupleObject>().is_some_and(|t| !t.items().is_empty())) {
        let name = args
            .first()
            .and_then(|c| c.downcast_ref::<TypeObject>())
            .map(|t| t.name_string())
            .unwrap_or_default();
        return Err(vm.type_error(format!("{name}.__init_subclass__() takes no keyword arguments")));
    }
    Ok(none())
}

/// `object.__getstate__()` (3.11): the instance dict (None when empty), and
/// with `__slots__` values a `(dict, slots)` pair.
fn object_getstate(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [obj] = crate::args::ArgSpec::exact::<1>(vm, "__getstate__", args, 1)?;
    let dict = crate::attr::instance_dict(&obj)
        .filter(|d| d.downcast_ref::<DictObject>().is_some_and(|d| !d.is_empty()))
        .unwrap_or_else(none);
    // Slot values, by name, for the classes that declare `__slots__`.
    let slots = DictObject::new_value();
    if let Some(sd) = slots.downcast_ref::<DictObject>() {
        for cls in type_of(&obj).mro().items().to_vec() {
            let Some(t) = cls.downcast_ref::<TypeObject>() else { continue };
            for (name, descr) in t.dict().items() {
                if descr.downcast_ref::<crate::objects::descr::MemberDescr>().is_some_and(|m| m.slot().is_some()) {
                    if let Some(v) = vm.lookup_attr(&obj, &name)? {
                        sd.set_item(vm, name, v)?;
                    }
                }
            }
        }
        if !sd.is_empty() {
            return Ok(crate::objects::tuple::new_tuple(vec![dict, slots.clone()]));
        }
    }
    Ok(dict)
}

/// `object.__reduce_ex__(protocol)`: a class's own `__reduce__` wins;
/// otherwise copyreg's protocol 0/1 helper, or for protocol 2 and up
/// `(copyreg.__newobj__, (cls, *newargs), state, listitems, dictitems)` as
/// CPython's reduce_newobj builds it.
fn object_reduce_ex(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [obj, proto] = crate::args::ArgSpec::exact::<2>(vm, "__reduce_ex__", args, 1)?;
    let proto = vm.index_i64(&proto)?;
    let t = type_of(&obj);
    if let Some(reduce) = t.lookup_str(vm, "__reduce__") {
        let own = OBJECT_TYPE.get().dict().get_str_key("__reduce__");
        if own.map_or(true, |o| !o.is(&reduce)) {
            return vm.call_method(&obj, "__reduce__", &[]);
        }
    }
    let copyreg = vm.import_absolute("copyreg")?;
    if proto < 2 {
        let f = vm.getattr_str(&copyreg, "_reduce_ex")?;
        return vm.call(&f, &[obj.clone(), Value::int(proto)], None);
    }
    let newobj = vm.getattr_str(&copyreg, "__newobj__")?;
    let mut newargs = vec![t.as_value()];
    let getnewargs = vm.intern("__getnewargs__");
    if let Some(f) = vm.lookup_attr(&obj, &getnewargs)? {
        let extra = vm.call(&f, &[], None)?;
        let Some(tuple) = extra.downcast_ref::<crate::objects::tuple::TupleObject>() else {
            let msg = format!("__getnewargs__ should return a tuple, not '{}'", vm.type_name(&extra));
            return Err(vm.type_error(msg));
        };
        newargs.extend(tuple.items().iter().cloned());
    }
    let state = vm.call_method(&obj, "__getstate__", &[])?;
    let listitems = if t.is_subtype(crate::typeobj::LIST_TYPE.get()) { vm.iter(&obj)? } else { none() };
    let dictitems = if t.is_subtype(crate::typeobj::DICT_TYPE.get()) {
        let items = vm.call_method(&obj, "items", &[])?;
        vm.iter(&items)?
    } else {
        none()
    };
    Ok(crate::objects::tuple::new_tuple(vec![
        newobj,
        crate::objects::tuple::new_tuple(newargs),
        state,
        listitems,
        dictitems,
    ]))
}

/// `object.__reduce__()`: copyreg's protocol-0 helper.
fn object_reduce(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [obj] = crate::args::ArgSpec::exact::<1>(vm, "__reduce__", args, 1)?;
    let copyreg = vm.import_absolute("copyreg")?;
    let f = vm.getattr_str(&copyreg, "_reduce_ex")?;
    vm.call(&f, &[obj, Value::int(0)], None)
}

// ---- type ----

fn type_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(t) = v.downcast_ref::<TypeObject>() else {
        return Ok(crate::objects::str::new_str("<type>"));
    };
    let module = type_module_name(t);
    let s = match module {
        Some(m) if m != "builtins" => format!("<class '{}.{}'>", m, display_lossy(t.qualname())),
        _ => format!("<class '{}'>", t.name_string()),
    };
    Ok(crate::objects::str::new_str(&s))
}

/// `type.__call__`: `cls.__new__` then, for an instance of `cls`, `__init__`.
pub fn type_call(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let Some(t) = cls.downcast_ref::<TypeObject>() else {
        return Err(vm.type_error("type_call on non-type"));
    };
    if std::ptr::eq(t, TYPE_TYPE.get()) && args.len() == 1 && kwnames.is_none() {
        return Ok(type_of(&args[0]).as_value());
    }
    let Some(newf) = t.slots().new else {
        let msg = format!("cannot create '{}' instances", t.name_string());
        return Err(vm.type_error(msg));
    };
    let obj = newf(vm, cls, args, kwnames)?;
    let ot = type_of(&obj);
    if !ot.is_subtype(t) {
        return Ok(obj);
    }
    if let Some(init) = ot.slots().init {
        init(vm, &obj, args, kwnames)?;
    }
    Ok(obj)
}

fn type_new_slot(vm: &mut Vm, meta: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let (pos, kw) = split_kwargs(args, kwnames);
    if pos.len() == 1 && kw.is_empty() && meta.is(&TYPE_TYPE.get().as_value()) {
        return Ok(type_of(&pos[0]).as_value());
    }
    if pos.len() != 3 {
        // type(x, y) itself, else what type.__new__'s argument parsing says.
        if meta.is(&TYPE_TYPE.get().as_value()) {
            return Err(vm.type_error("type() takes 1 or 3 arguments"));
        }
        let msg = format!("type.__new__() takes exactly 3 arguments ({} given)", pos.len());
        return Err(vm.type_error(msg));
    }
    let (name, bases, ns) = (&pos[0], &pos[1], &pos[2]);
    if name.downcast_ref::<StrObject>().is_none() {
        let msg = format!("type.__new__() argument 1 must be str, not {}", vm.type_name(name));
        return Err(vm.type_error(msg));
    }
    if bases.downcast_ref::<TupleObject>().is_none() {
        let msg = format!("type.__new__() argument 2 must be tuple, not {}", vm.type_name(bases));
        return Err(vm.type_error(msg));
    }
    if ns.downcast_ref::<DictObject>().is_none() {
        let msg = format!("type.__new__() argument 3 must be dict, not {}", vm.type_name(ns));
        return Err(vm.type_error(msg));
    }
    // A more derived metaclass among the bases' wins; if it has its own
    // __new__, the call is handed to it, keywords included (CPython's type_new).
    let base_items = bases.downcast_ref::<TupleObject>().map(|t| t.items().to_vec()).unwrap_or_default();
    let winner = calculate_metaclass(vm, meta, &base_items)?;
    if !winner.is(meta) {
        if let Some(wt) = winner.downcast_ref::<TypeObject>() {
            if let Some(newf) = wt.slots().new {
                if newf as usize != type_new_slot as *const () as usize {
                    return newf(vm, &winner, args, kwnames);
                }
            }
        }
    }
    let kwv: Vec<(Value, Value)> = kw.iter().map(|(k, v)| ((*k).clone(), (*v).clone())).collect();
    new_heap_type(vm, meta, name, bases, ns, &kwv)
}

fn type_init(vm: &mut Vm, _obj: &Value, args: &[Value], kwnames: KwNames) -> PyResult<()> {
    let (pos, kw) = split_kwargs(args, kwnames);
    if pos.len() == 1 && !kw.is_empty() {
        return Err(vm.type_error("type.__init__() takes no keyword arguments"));
    }
    if pos.len() != 1 && pos.len() != 3 {
        return Err(vm.type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(())
}

/// The metaclass to use for `bases` given `meta` (CPython's _PyType_CalculateMetaclass).
pub fn calculate_metaclass(vm: &mut Vm, meta: &Value, bases: &[Value]) -> PyResult<Value> {
    let mut winner = meta.clone();
    for b in bases {
        let bt = type_of(b).as_value();
        let (Some(w), Some(t)) = (winner.downcast_ref::<TypeObject>(), bt.downcast_ref::<TypeObject>()) else {
            continue;
        };
        if w.is_subtype(t) {
            continue;
        }
        if t.is_subtype(w) {
            winner = bt.clone();
            continue;
        }
        return Err(vm.type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// `type.__new__(meta, name, bases, ns, **kwargs)`.
pub fn new_heap_type(
    vm: &mut Vm,
    meta: &Value,
    name: &Value,
    bases: &Value,
    ns: &Value,
    kwargs: &[(Value, Value)],
) -> PyResult<Value> {
    let mut base_list: Vec<Value> = bases
        .downcast_ref::<TupleObject>()
        .map(|t| t.items().to_vec())
        .unwrap_or_default();
    let meta = calculate_metaclass(vm, meta, &base_list)?;
    let Some(meta_t) = meta.downcast_ref::<TypeObject>() else {
        return Err(vm.type_error("metaclass is not a type"));
    };
    if base_list.is_empty() {
        base_list.push(OBJECT_TYPE.get().as_value());
    }
    // Bases must be types that allow subclassing; one layout must win.
    let base = crate::types::type_ty::best_base(vm, &base_list)?;
    for (i, b) in base_list.iter().enumerate() {
        if base_list[..i].iter().any(|x| x.is(b)) {
            let msg = format!("duplicate base class {}", type_of_type(b).name_string());
            return Err(vm.type_error(msg));
        }
    }
    let layout = base.layout;
    let flags = type_flags::HEAPTYPE
        | type_flags::BASETYPE
        | type_flags::HAS_DICT
        | (base.flags.get() & (type_flags::INHERITED | type_flags::METHOD_DESCRIPTOR));
    let t = TypeObject {
        header: ObjHeader::new(std::ptr::null()),
        layout,
        flags: Cell::new(flags),
        version_tag: Cell::new(0),
        name: UnsafeCell::new(crate::objects::str::intern_value(name)),
        qualname: UnsafeCell::new(name.clone()),
        base: Cell::new(base),
        bases: UnsafeCell::new(new_tuple(base_list.clone())),
        mro: UnsafeCell::new(Value::NULL),
        dict: UnsafeCell::new(Value::NULL),
        slots: UnsafeCell::new(*base.slots()),
        subclasses: UnsafeCell::new(Vec::new()),
        shared_keys: UnsafeCell::new(Default::default()),
        nslots: Cell::new(0),
    };
    let tv = crate::object::alloc_object(meta_t, t);
    let t = tv.downcast_ref::<TypeObject>().expect("new type");
    // The namespace is copied into the type's own dict.
    // Invariant: the only caller, type_new_slot, refused a non-dict namespace.
    let nsd = ns.downcast_ref::<DictObject>().expect("checked dict");
    let dict_v = nsd.copy_value();
    let dict = dict_v.downcast_ref::<DictObject>().expect("dict copy");
    if let Some(q) = dict.del_str(&intern("__qualname__")) {
        if q.downcast_ref::<StrObject>().is_none() {
            let msg = format!("type __qualname__ must be a str, not {}", vm.type_name(&q));
            return Err(vm.type_error(msg));
        }
        // SAFETY: the type is not yet visible to any other code.
        unsafe { *t.qualname.get() = q };
    }
    if dict.get_str_key("__module__").is_none() {
        if let Some(f) = vm.frames.last() {
            if let Some(n) = f.globals().get_str_key("__name__") {
                dict.insert_str_key("__module__", n);
            }
        }
    }
    // __new__ is implicitly a staticmethod; __init_subclass__ and __class_getitem__ classmethods.
    if let Some(nf) = dict.get_str_key("__new__") {
        if nf.downcast_ref::<FunctionObject>().is_some() {
            dict.insert_str_key("__new__", new_func_wrapper(STATICMETHOD_TYPE.get(), nf));
        }
    }
    for cm in ["__init_subclass__", "__class_getitem__"] {
        if let Some(f) = dict.get_str_key(cm) {
            if f.downcast_ref::<FunctionObject>().is_some() {
                dict.insert_str_key(cm, new_func_wrapper(CLASSMETHOD_TYPE.get(), f));
            }
        }
    }
    // `__abc_tpflags__` (collections.abc's Sequence and Mapping) makes the
    // class a sequence or mapping for `match`, as CPython's _abc does.
    if let Some(abc_flags) = dict.del_str(&intern("__abc_tpflags__")) {
        if let Some(bits) = abc_flags.as_small_int() {
            const CPY_SEQUENCE: i64 = 1 << 5;
            const CPY_MAPPING: i64 = 1 << 6;
            if bits & CPY_SEQUENCE != 0 && bits & CPY_MAPPING != 0 {
                return Err(vm.type_error("__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING"));
            }
            let collection = if bits & CPY_SEQUENCE != 0 {
                type_flags::SEQUENCE
            } else if bits & CPY_MAPPING != 0 {
                type_flags::MAPPING
            } else {
                0
            };
            if collection != 0 {
                let f = t.flags.get() & !(type_flags::SEQUENCE | type_flags::MAPPING);
                t.flags.set(f | collection);
            }
        }
    }
    if dict.get_str_key("__eq__").is_some() && dict.get_str_key("__hash__").is_none() {
        dict.insert_str_key("__hash__", none());
    }
    // `__slots__`: member descriptors, and no `__dict__` unless asked for.
    let mut wants_dict = true;
    // Variable-size layouts (int, tuple, bytes) leave no room for weakrefs, as in CPython.
    let mut wants_weakref = !matches!(base.layout, LayoutKind::Int | LayoutKind::Tuple | LayoutKind::Bytes);
    let base_slots = base.nslots.get() as usize;
    let mut nslots = base_slots;
    let mut deferred_members: Vec<(Value, Value)> = Vec::new();
    if let Some(slots) = dict.get_str_key("__slots__") {
        let names: Vec<Value> = if slots.downcast_ref::<StrObject>().is_some() {
            vec![slots.clone()]
        } else {
            vm.collect(&slots)?
        };
        // Variable-size instances (CPython's tp_itemsize != 0) cannot hold slots;
        // `__dict__`/`__weakref__` entries count too.
        let base_layout = crate::types::type_ty::type_layout(base);
        let var_sized = base_layout.itemsize != 0
            || matches!(base.layout, LayoutKind::Int | LayoutKind::Tuple | LayoutKind::Bytes | LayoutKind::Type);
        if !names.is_empty() && var_sized {
            let msg = format!("nonempty __slots__ not supported for subtype of '{}'", base.name_string());
            return Err(vm.type_error(msg));
        }
        wants_dict = false;
        wants_weakref = false;
        // CPython's may_add_dict / may_add_weak: a base that has one already refuses another.
        let base_has_dict = base.lookup(&intern("__dict__")).is_some() || base_layout.dictoffset != 0;
        let base_has_weakref = base.lookup(&intern("__weakref__")).is_some() || base_layout.weakrefoffset != 0;
        let mut members: Vec<String> = Vec::with_capacity(names.len());
        for n in names {
            let Some(ns_) = n.downcast_ref::<StrObject>() else {
                let msg = format!("__slots__ items must be strings, not '{}'", vm.type_name(&n));
                return Err(vm.type_error(msg));
            };
            let text = ns_.to_string_lossy();
            if text == "__dict__" {
                if base_has_dict || wants_dict {
                    return Err(vm.type_error("__dict__ slot disallowed: we already got one"));
                }
                wants_dict = true;
                continue;
            }
            if text == "__weakref__" {
                if base_has_weakref || wants_weakref {
                    return Err(vm.type_error("__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0"));
                }
                wants_weakref = true;
                continue;
            }
            // `str.isidentifier`'s rule (XID_Start, then XID_Continue).
            let mut chars = text.chars();
            let is_identifier = chars.next().is_some_and(pyrite_syntax::tokenizer::is_xid_start)
                && chars.all(pyrite_syntax::tokenizer::is_xid_continue);
            if !is_identifier {
                return Err(vm.type_error("__slots__ must be identifiers"));
            }
            // Private names are mangled, as names in the class body are.
            members.push(mangle_private(&t.name_string(), text));
        }
        // Values are laid out in sorted name order, as CPython sorts its
        // slot list (so `["a", "b"]` and `["b", "a"]` classes agree).
        members.sort();
        for text in members {
            let key = intern(&text);
            // Checked against the class body only: a name listed twice (as
            // `datetime` does) gets its descriptor replaced, as in CPython.
            let ours = dict
                .get_str(&key)
                .is_some_and(|d| d.downcast_ref::<crate::objects::descr::MemberDescr>().is_some_and(|m| std::ptr::eq(m.owner(), t) && m.slot().is_some()));
            let member = crate::objects::descr::new_member_descr(key.clone(), t as *const TypeObject, nslots);
            nslots += 1;
            // The compiler's `__classcell__` may share the name: the member
            // takes its place once the cell is consumed below.
            if text == "__classcell__" {
                deferred_members.push((key, member));
                continue;
            }
            if dict.get_str(&key).is_some() && !ours {
                return Err(vm.value_error(format!("'{text}' in __slots__ conflicts with class variable")));
            }
            dict.insert_str(&key, member);
        }
    }
    // Instances get `__dict__` unless a base already provides it (or `__slots__` refuses it).
    // As CPython's type_new_slots: the layout base decides whether the class
    // may add `__dict__`/`__weakref__`; it adds them when `__slots__` asks
    // (or is absent), or when another base provides them.
    let base_provides = |name: &str| base.lookup(&intern(name)).is_some();
    let secondary_provides = |name: &str| {
        base_list.iter().any(|b| {
            b.downcast_ref::<TypeObject>()
                .is_some_and(|bt| !std::ptr::eq(bt, base) && bt.lookup(&intern(name)).is_some())
        })
    };
    let has_dict_descr = base_provides("__dict__");
    let adds_dict = !has_dict_descr && (wants_dict || secondary_provides("__dict__"));
    if adds_dict && dict.get_str_key("__dict__").is_none() {
        dict.insert_str_key("__dict__", dict_descriptor());
    }
    let may_add_weakref = !base_provides("__weakref__") && !matches!(base.layout, LayoutKind::Int | LayoutKind::Tuple | LayoutKind::Bytes);
    let adds_weakref = may_add_weakref && (wants_weakref || secondary_provides("__weakref__"));
    if adds_weakref && dict.get_str_key("__weakref__").is_none() {
        dict.insert_str_key("__weakref__", crate::modules::_weakref::weakref_descriptor());
    }
    if !adds_dict && !has_dict_descr {
        t.flags.set(t.flags.get() | type_flags::NO_DICT);
    }
    t.nslots.set(nslots as u32);
    // After the slots (a `__doc__` slot must not collide with it), as CPython's
    // type_new_set_attrs.
    if dict.get_str_key("__doc__").is_none() {
        dict.insert_str_key("__doc__", none());
    }
    // The `__class__` cell is filled before the MRO is computed (as CPython's
    // type_new_set_attrs), so that a metaclass's mro() can use it.
    if let Some(cell) = dict.del_str(&intern("__classcell__")) {
        match cell.downcast_ref::<CellObject>() {
            Some(c) => drop(c.set(tv.clone())),
            None => {
                let msg = format!("__classcell__ must be a nonlocal cell, not <class '{}'>", vm.type_name(&cell));
                return Err(vm.type_error(msg));
            }
        }
    }
    for (key, member) in deferred_members {
        if dict.get_str(&key).is_none() {
            dict.insert_str(&key, member);
        }
    }
    // SAFETY: as above.
    unsafe { *t.dict.get() = dict_v.clone() };
    let mro = compute_mro(vm, t, &base_list)?;
    unsafe { *t.mro.get() = new_tuple(mro) };
    for b in &base_list {
        if let Some(bt) = b.downcast_ref::<TypeObject>() {
            unsafe { (*bt.subclasses.get()).push(t) };
        }
    }
    crate::slots::update_slots(t);
    // __set_name__ on the class attributes, in definition order.
    for (k, v) in dict.items() {
        if let Some(sn) = type_of(&v).lookup_str(vm, "__set_name__") {
            if let Err(e) = vm.call_unbound(&sn, &v, &[tv.clone(), k.clone()]) {
                return Err(e);
            }
        }
    }
    // super(cls, cls).__init_subclass__(**kwargs)
    let mro_items: Vec<Value> = t.mro().items().to_vec();
    let key = intern("__init_subclass__");
    // After the class's own place in its MRO (not always first: mro() may be custom).
    let start = mro_items.iter().position(|m| m.is(&tv)).map_or(mro_items.len(), |i| i + 1);
    for m in &mro_items[start..] {
        let Some(mt) = m.downcast_ref::<TypeObject>() else {
            continue;
        };
        if let Some(f) = mt.dict().get_str(&key) {
            let bound = vm.bind_descriptor(&f, None, &tv)?;
            let bound = if f.downcast_ref::<crate::objects::descr::MethodDescr>().is_some() {
                crate::objects::descr::new_bound_builtin("__init_subclass__", object_init_subclass, tv.clone())
            } else {
                bound
            };
            let (vals, names): (Vec<Value>, Vec<Value>) = kwargs.iter().map(|(k, v)| (v.clone(), k.clone())).unzip();
            let kwn = if names.is_empty() { None } else { Some(new_tuple(names)) };
            vm.call(&bound, &vals, kwn.as_ref())?;
            break;
        }
    }
    Ok(tv)
}

fn type_name_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.downcast_ref::<TypeObject>()
        .map(|t| t.name().clone())
        .unwrap_or_else(none))
}

fn type_name_set(vm: &mut Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(t) = v.downcast_ref::<TypeObject>() else {
        return Ok(());
    };
    let Some(n) = value else {
        let msg = format!(
            "cannot delete '__name__' attribute of immutable type '{}'",
            t.name_string()
        );
        return Err(vm.type_error(msg));
    };
    if t.has_flag(type_flags::IMMUTABLE) {
        let msg = format!(
            "cannot set '__name__' attribute of immutable type '{}'",
            t.name_string()
        );
        return Err(vm.type_error(msg));
    }
    if n.downcast_ref::<StrObject>().is_none() {
        let msg = format!(
            "can only assign string to {}.__name__, not '{}'",
            t.name_string(),
            vm.type_name(&n)
        );
        return Err(vm.type_error(msg));
    }
    let old = unsafe { std::mem::replace(&mut *t.name.get(), n) };
    drop(old);
    Ok(())
}

/// `type.__abstractmethods__`: kept in the type's dict; `type` itself has none.
fn type_abstractmethods_get(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let found = v
        .downcast_ref::<TypeObject>()
        .filter(|t| !std::ptr::eq(*t, TYPE_TYPE.get()))
        .and_then(|t| t.dict().get_str_key("__abstractmethods__"));
    match found {
        Some(m) => Ok(m),
        None => Err(vm.new_error(ExcKind::AttributeError, "__abstractmethods__")),
    }
}

/// Setting it also sets the IS_ABSTRACT flag object.__new__ checks (from
/// the value's truth); deleting clears it.
fn type_abstractmethods_set(vm: &mut Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(t) = v.downcast_ref::<TypeObject>() else {
        return Ok(());
    };
    let abstract_now = match &value {
        Some(m) => {
            let truth = vm.is_true(m)?;
            t.dict().insert_str_key("__abstractmethods__", m.clone());
            truth
        }
        None => {
            let key = vm.intern("__abstractmethods__");
            if t.dict().del_item(vm, &key)?.is_none() {
                return Err(vm.new_error(ExcKind::AttributeError, "__abstractmethods__"));
            }
            false
        }
    };
    t.modified();
    let flags = t.flags.get();
    t.flags.set(if abstract_now { flags | type_flags::IS_ABSTRACT } else { flags & !type_flags::IS_ABSTRACT });
    Ok(())
}

fn type_qualname_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.downcast_ref::<TypeObject>()
        .map(|t| t.qualname().clone())
        .unwrap_or_else(none))
}

fn type_qualname_set(vm: &mut Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(t) = v.downcast_ref::<TypeObject>() else {
        return Ok(());
    };
    match value {
        Some(q) if q.downcast_ref::<StrObject>().is_some() && !t.has_flag(type_flags::IMMUTABLE) => {
            let old = unsafe { std::mem::replace(&mut *t.qualname.get(), q) };
            drop(old);
            Ok(())
        }
        _ => {
            let msg = format!(
                "cannot set '__qualname__' attribute of immutable type '{}'",
                t.name_string()
            );
            Err(vm.type_error(msg))
        }
    }
}

fn type_mro_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.downcast_ref::<TypeObject>()
        .map(|t| t.mro_value())
        .unwrap_or_else(none))
}

fn type_bases_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.downcast_ref::<TypeObject>()
        .map(|t| t.bases_value())
        .unwrap_or_else(none))
}

fn type_base_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.downcast_ref::<TypeObject>()
        .and_then(|t| t.base().map(|b| b.as_value()))
        .unwrap_or_else(none))
}

fn type_dict_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.downcast_ref::<TypeObject>()
        .map(|t| crate::types::dict_ty::mappingproxy::new_mappingproxy(t.dict_value()))
        .unwrap_or_else(none))
}

fn type_module_get(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(t) = v.downcast_ref::<TypeObject>() else {
        return Ok(none());
    };
    if !t.is_heap_type() {
        // Types of native modules (`re.Pattern`) name their module in their dict.
        return Ok(match t.dict().get_str_key("__module__") {
            Some(m) if m.downcast_ref::<StrObject>().is_some() => m,
            _ => vm.intern("builtins"),
        });
    }
    match t.dict().get_str_key("__module__") {
        Some(m) => Ok(m),
        None => {
            let n = vm.intern("__module__");
            Err(vm.attribute_error(v, &n))
        }
    }
}

fn type_module_set(vm: &mut Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(t) = v.downcast_ref::<TypeObject>() else {
        return Ok(());
    };
    if t.has_flag(type_flags::IMMUTABLE) {
        let msg = format!(
            "cannot set '__module__' attribute of immutable type '{}'",
            t.name_string()
        );
        return Err(vm.type_error(msg));
    }
    match value {
        Some(m) => t.dict().insert_str_key("__module__", m),
        None => {
            t.dict().del_str(&intern("__module__"));
        }
    }
    t.modified();
    Ok(())
}

/// `type.__flags__` with CPython's bit numbers (inspect tests
/// Py_TPFLAGS_IS_ABSTRACT, copyreg Py_TPFLAGS_HEAPTYPE).
fn type_flags_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(t) = v.downcast_ref::<TypeObject>() else {
        return Ok(none());
    };
    Ok(Value::int(crate::types::type_ty::type_layout(t).flags as i64))
}

fn type_basicsize_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.downcast_ref::<TypeObject>().map_or_else(none, |t| Value::int(crate::types::type_ty::type_layout(t).basicsize)))
}

fn type_itemsize_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.downcast_ref::<TypeObject>().map_or_else(none, |t| Value::int(crate::types::type_ty::type_layout(t).itemsize)))
}

fn type_dictoffset_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.downcast_ref::<TypeObject>().map_or_else(none, |t| Value::int(crate::types::type_ty::type_layout(t).dictoffset)))
}

fn type_weakrefoffset_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.downcast_ref::<TypeObject>().map_or_else(none, |t| Value::int(crate::types::type_ty::type_layout(t).weakrefoffset)))
}

fn type_doc_get(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(t) = v.downcast_ref::<TypeObject>() else {
        return Ok(none());
    };
    // A builtin type's doc is CPython's (its tp_doc), when it has one.
    if let Some(doc) = crate::docstrings::type_entry(t).and_then(|e| e.doc) {
        return Ok(crate::objects::str::new_str(doc));
    }
    let d = t.dict().get_str_key("__doc__").unwrap_or_else(none);
    // A descriptor stored as __doc__ is bound with no instance.
    if let Some(get) = type_of(&d).slots().descr_get {
        return get(vm, &d, None, v);
    }
    Ok(d)
}

/// `cls.__doc__ = ...` (heap types only, as CPython's type_set_doc).
fn type_doc_set(vm: &mut Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(t) = v.downcast_ref::<TypeObject>() else {
        return Ok(());
    };
    if !t.is_heap_type() {
        let msg = format!("cannot set '__doc__' attribute of immutable type '{}'", t.name_string());
        return Err(vm.type_error(msg));
    }
    let Some(value) = value else {
        let msg = format!("cannot delete '__doc__' attribute of immutable type '{}'", t.name_string());
        return Err(vm.type_error(msg));
    };
    t.dict().insert_str_key("__doc__", value);
    t.modified();
    Ok(())
}

/// `type.__dir__(cls)`: the names in the class's dict and, recursively, its
/// bases' (CPython's merge_class_dict, which follows `__bases__`).
fn type_dir(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [cls] = ArgSpec::exact::<1>(vm, "__dir__", args, 1)?;
    let d = DictObject::new_value();
    if let Some(dd) = d.downcast_ref::<DictObject>() {
        merge_class_dict(vm, dd, &cls, 0)?;
    }
    Ok(crate::objects::list::new_list(
        d.downcast_ref::<DictObject>().map(|x| x.keys()).unwrap_or_default(),
    ))
}

fn merge_class_dict(vm: &mut Vm, into: &DictObject, cls: &Value, depth: usize) -> PyResult<()> {
    vm.enter_recursion("")?;
    let r = merge_class_dict_inner(vm, into, cls, depth);
    vm.leave_recursion();
    r
}

fn merge_class_dict_inner(vm: &mut Vm, into: &DictObject, cls: &Value, depth: usize) -> PyResult<()> {
    let dict_name = vm.intern("__dict__");
    if let Some(classdict) = vm.lookup_attr(cls, &dict_name)? {
        if let Some(cd) = classdict.downcast_ref::<DictObject>() {
            into.update_from(vm, cd)?;
        } else {
            let keys = vm.call_method(&classdict, "keys", &[])?;
            for k in vm.collect(&keys)? {
                let v = vm.getitem(&classdict, &k)?;
                into.set_item(vm, k, v)?;
            }
        }
    }
    let bases_name = vm.intern("__bases__");
    if let Some(bases) = vm.lookup_attr(cls, &bases_name)? {
        for b in vm.collect(&bases)? {
            merge_class_dict(vm, into, &b, depth + 1)?;
        }
    }
    Ok(())
}

/// `cls.__annotations__` of a class: its own dict's entry (bound if a
/// descriptor), made an empty dict on first access; builtin types have none.
fn type_annotations_get(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(t) = v.downcast_ref::<TypeObject>() else { return Ok(none()) };
    if !t.is_heap_type() {
        let msg = format!("type object '{}' has no attribute '__annotations__'", t.name_string());
        return Err(vm.new_error(ExcKind::AttributeError, msg));
    }
    match t.dict().get_str_key("__annotations__") {
        Some(a) => match type_of(&a).slots().descr_get {
            Some(get) => get(vm, &a, None, v),
            None => Ok(a),
        },
        None => {
            let d = DictObject::new_value();
            t.dict().insert_str_key("__annotations__", d.clone());
            t.modified();
            Ok(d)
        }
    }
}

fn type_annotations_set(vm: &mut Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(t) = v.downcast_ref::<TypeObject>() else { return Ok(()) };
    if t.has_flag(type_flags::IMMUTABLE) {
        let msg = format!("cannot set '__annotations__' attribute of immutable type '{}'", t.name_string());
        return Err(vm.type_error(msg));
    }
    let key = vm.intern("__annotations__");
    match value {
        Some(val) => t.dict().set_item(vm, key, val)?,
        None => {
            if t.dict().del_item(vm, &key)?.is_none() {
                return Err(vm.new_error(ExcKind::AttributeError, "__annotations__"));
            }
        }
    }
    t.modified();
    Ok(())
}

/// `type.mro()`: the C3 linearization of the class and its current bases.
fn type_mro_method(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [tv] = ArgSpec::exact::<1>(vm, "mro", args, 0)?;
    let Some(t) = tv.downcast_ref::<TypeObject>() else {
        return Ok(crate::objects::list::new_list(Vec::new()));
    };
    let bases: Vec<Value> = t.bases_value().downcast_ref::<TupleObject>().map(|b| b.items().to_vec()).unwrap_or_default();
    if bases.is_empty() {
        // `object` and other roots: the MRO is the class alone.
        return Ok(crate::objects::list::new_list(t.mro().items().to_vec()));
    }
    match c3_mro(&tv, &bases) {
        Ok(m) => Ok(crate::objects::list::new_list(m)),
        Err(msg) => Err(vm.type_error(msg)),
    }
}

/// Whether instances of `t` can be used where `layout` is expected: the
/// layout is `t`'s own or one of its bases' (CPython's solid-base test).
fn layout_in_base_chain(t: &TypeObject, layout: LayoutKind) -> bool {
    let mut cur = Some(t);
    while let Some(c) = cur {
        if c.layout == layout {
            return true;
        }
        cur = c.base();
    }
    layout == LayoutKind::Object
}

/// The MRO of a new class `t`: C3 of its bases, or what its metaclass's
/// `mro()` returns when the metaclass is not `type` itself (CPython's
/// mro_internal), checked to hold classes of a compatible layout.
pub(crate) fn compute_mro(vm: &mut Vm, t: &TypeObject, bases: &[Value]) -> PyResult<Vec<Value>> {
    let tv = t.as_value();
    let meta = type_of(&tv);
    if std::ptr::eq(meta, TYPE_TYPE.get()) {
        return c3_mro(&tv, bases).map_err(|msg| vm.type_error(msg));
    }
    let Some(method) = meta.lookup_str(vm, "mro") else {
        return c3_mro(&tv, bases).map_err(|msg| vm.type_error(msg));
    };
    // While mro() runs, lookups on the class see only its own dict
    // (the MRO slot must always hold a tuple of types).
    // SAFETY: GIL held; nothing borrows the MRO tuple across this store.
    if unsafe { (*t.mro.get()).is_null() } {
        unsafe { *t.mro.get() = new_tuple(vec![tv.clone()]) };
    }
    let result = vm.call_unbound(&method, &tv, &[])?;
    let items = vm.collect(&result)?;
    for item in &items {
        let Some(it) = item.downcast_ref::<TypeObject>() else {
            let msg = format!("mro() returned a non-class ('{}')", vm.type_name(item));
            return Err(vm.type_error(msg));
        };
        if !layout_in_base_chain(t, it.layout) {
            let msg = format!("mro() returned base with unsuitable layout ('{}')", it.name_string());
            return Err(vm.type_error(msg));
        }
    }
    Ok(items)
}

fn type_subclasses(_vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let items = args
        .first()
        .and_then(|v| v.downcast_ref::<TypeObject>())
        // SAFETY: subclass lists hold live types.
        .map(|t| unsafe { (*t.subclasses.get()).iter().map(|&s| (*s).as_value()).collect() })
        .unwrap_or_default();
    Ok(crate::objects::list::new_list(items))
}

fn type_prepare(_vm: &mut Vm, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    Ok(DictObject::new_value())
}

fn type_instancecheck(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [cls, inst] = ArgSpec::exact::<2>(vm, "__instancecheck__", args, 1)?;
    Ok(Value::bool(crate::builtins::real_isinstance(vm, &inst, &cls)?))
}

fn type_subclasscheck(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [cls, sub] = ArgSpec::exact::<2>(vm, "__subclasscheck__", args, 1)?;
    Ok(Value::bool(crate::builtins::real_issubclass(vm, &sub, &cls)?))
}

fn type_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    Ok(pointer_hash(v))
}

// ---- singletons ----

fn none_repr(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(intern("None"))
}

fn none_bool(_vm: &mut Vm, _v: &Value) -> PyResult<bool> {
    Ok(false)
}

fn none_new(vm: &mut Vm, _cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    if has_excess_args(args, kwnames) {
        return Err(vm.type_error("NoneType takes no arguments"));
    }
    Ok(none())
}

fn notimpl_new(vm: &mut Vm, _cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    if has_excess_args(args, kwnames) {
        return Err(vm.type_error("NotImplementedType takes no arguments"));
    }
    Ok(crate::objects::singletons::not_implemented())
}

/// `bool(NotImplemented)`: true, with CPython 3.11's DeprecationWarning.
fn notimpl_bool(vm: &mut Vm, _v: &Value) -> PyResult<bool> {
    crate::builtins::warn(
        vm,
        ExcKind::DeprecationWarning,
        "NotImplemented should not be used in a boolean context",
        1,
    )?;
    Ok(true)
}

fn ellipsis_new(vm: &mut Vm, _cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    if has_excess_args(args, kwnames) {
        return Err(vm.type_error("EllipsisType takes no arguments"));
    }
    Ok(crate::objects::singletons::ellipsis())
}

fn notimpl_repr(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(intern("NotImplemented"))
}

fn ellipsis_repr(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(intern("Ellipsis"))
}

pub(crate) fn init() {
    let s = OBJECT_TYPE.get().slots_mut();
    s.repr = Some(object_repr);
    s.str = Some(object_str);
    s.hash = Some(object_hash);
    s.richcompare = Some(object_richcompare);
    s.getattro = attr::generic_getattr;
    s.setattro = Some(attr::generic_setattr);
    s.new = Some(object_new);
    s.init = Some(object_init);
    add_getset(&OBJECT_TYPE, "__class__", object_class_get, Some(object_class_set));
    add_method(&OBJECT_TYPE, "__format__", object_format);
    add_method(&OBJECT_TYPE, "__dir__", object_dir);
    add_method(&OBJECT_TYPE, "__reduce_ex__", object_reduce_ex);
    add_method(&OBJECT_TYPE, "__reduce__", object_reduce);
    add_method(&OBJECT_TYPE, "__getstate__", object_getstate);
    add_classmethod(&OBJECT_TYPE, "__init_subclass__", object_init_subclass);
    add_classmethod(&OBJECT_TYPE, "__subclasshook__", object_subclasshook);
    set_attr(OBJECT_TYPE.get(), "__doc__", crate::objects::str::new_str("The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n"));

    let s = TYPE_TYPE.get().slots_mut();
    s.repr = Some(type_repr);
    s.call = Some(type_call);
    s.getattro = attr::type_getattr;
    s.setattro = Some(attr::type_setattr);
    s.new = Some(type_new_slot);
    s.init = Some(type_init);
    s.hash = Some(type_hash);
    s.richcompare = Some(object_richcompare);
    add_getset(&TYPE_TYPE, "__name__", type_name_get, Some(type_name_set));
    add_getset(&TYPE_TYPE, "__qualname__", type_qualname_get, Some(type_qualname_set));
    add_getset(&TYPE_TYPE, "__mro__", type_mro_get, None);
    add_getset(&TYPE_TYPE, "__bases__", type_bases_get, Some(crate::types::type_ty::type_bases_set));
    add_getset(&TYPE_TYPE, "__base__", type_base_get, None);
    add_getset(&TYPE_TYPE, "__dict__", type_dict_get, None);
    add_getset(&TYPE_TYPE, "__module__", type_module_get, Some(type_module_set));
    add_getset(&TYPE_TYPE, "__doc__", type_doc_get, Some(type_doc_set));
    add_getset(&TYPE_TYPE, "__flags__", type_flags_get, None);
    add_getset(&TYPE_TYPE, "__basicsize__", type_basicsize_get, None);
    add_getset(&TYPE_TYPE, "__itemsize__", type_itemsize_get, None);
    add_getset(&TYPE_TYPE, "__dictoffset__", type_dictoffset_get, None);
    add_getset(&TYPE_TYPE, "__weakrefoffset__", type_weakrefoffset_get, None);
    add_getset(&TYPE_TYPE, "__abstractmethods__", type_abstractmethods_get, Some(type_abstractmethods_set));
    add_method(&TYPE_TYPE, "mro", type_mro_method);
    add_method(&TYPE_TYPE, "__dir__", type_dir);
    add_getset(&TYPE_TYPE, "__annotations__", type_annotations_get, Some(type_annotations_set));
    add_method(&TYPE_TYPE, "__subclasses__", type_subclasses);
    add_method(&TYPE_TYPE, "__instancecheck__", type_instancecheck);
    add_method(&TYPE_TYPE, "__subclasscheck__", type_subclasscheck);
    add_classmethod(&TYPE_TYPE, "__prepare__", type_prepare);

    let s = NONE_TYPE.get().slots_mut();
    s.repr = Some(none_repr);
    s.bool = Some(none_bool);
    s.new = Some(none_new);
    let s = NOTIMPLEMENTED_TYPE.get().slots_mut();
    s.repr = Some(notimpl_repr);
    s.new = Some(notimpl_new);
    s.bool = Some(notimpl_bool);
    let s = ELLIPSIS_TYPE.get().slots_mut();
    s.repr = Some(ellipsis_repr);
    s.new = Some(ellipsis_new);
}

/// Adds `__dict__` (and, for classes, `__weakref__`-free) access to a heap type's instances.
pub(crate) fn dict_descriptor() -> Value {
    crate::objects::descr::new_getset("__dict__", OBJECT_TYPE.ptr(), object_dict_get, Some(object_dict_set))
}

/// Whether `exc_type(kind)` is a base of `t` (helper for messages).
pub fn is_exception_type(t: &TypeObject) -> bool {
    t.is_subtype(exc_type(ExcKind::BaseException))
}

/// The static `object.__init__` slot (for identity checks elsewhere).
pub fn object_init_slot() -> InitFn {
    object_init
}

pub fn func_wrapper_callable(v: &Value) -> Option<Value> {
    v.downcast_ref::<FuncWrapper>().map(|w| w.callable())
}

/// A private name (`__x`, not `__x__`) as CPython's _Py_Mangle spells it in
/// class `class_name`: `_Class__x` (the class name without leading underscores).
fn mangle_private(class_name: &str, name: String) -> String {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name;
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return name;
    }
    format!("_{stripped}{name}")
}
