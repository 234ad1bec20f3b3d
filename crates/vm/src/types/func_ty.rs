//! Slots and attributes of functions, methods, builtin callables and
//! descriptors, code, cell, module, super and traceback objects.

use crate::args::{check_no_kwargs, split_kwargs, ArgSpec};
use crate::exception::{ExcKind, PyErr, PyResult};
use crate::objects::cell::CellObject;
use crate::objects::descr::*;
use crate::objects::dict::DictObject;
use crate::objects::function::{new_bound_method, BoundMethod, FunctionObject};
use crate::objects::module::ModuleObject;
use crate::objects::singletons::{none, not_implemented};
use crate::objects::str::{display_lossy, StrObject};
use crate::objects::superobj::SuperObject;
use crate::objects::tuple::TupleObject;
use crate::typeinit::{add_getset, add_method};
use crate::typeobj::*;
use crate::types::object_ty::{default_repr, pointer_hash};
use crate::value::Value;
use crate::vm::Vm;

fn addr(v: &Value) -> u64 {
    v.as_ptr().map_or(0, |p| p.as_ptr() as u64)
}

// ---- function ----

fn func_of(v: &Value) -> Option<&FunctionObject> {
    v.downcast_ref::<FunctionObject>()
}

/// `types.FunctionType(code, globals, name=None, argdefs=None, closure=None)`.
fn function_new(vm: &mut Vm, _cls: &Value, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let names = ["code", "globals", "name", "argdefs", "closure"];
    let p = ArgSpec::parse(vm, "function", args, kw, &names, 5, 2)?;
    let arg = |i: usize| p[i].clone().filter(|v| !v.is_none());
    let (Some(code), Some(globals)) = (p[0].clone(), p[1].clone()) else {
        return Err(vm.type_error("function() missing required argument"));
    };
    let Some(code_obj) = code.downcast_ref::<crate::objects::code::CodeObj>() else {
        let msg = format!("function() argument 'code' must be code, not {}", vm.type_name(&code));
        return Err(vm.type_error(msg));
    };
    if globals.downcast_ref::<DictObject>().is_none() {
        let msg = format!("function() argument 'globals' must be dict, not {}", vm.type_name(&globals));
        return Err(vm.type_error(msg));
    }
    let name = arg(2);
    if name.as_ref().is_some_and(|n| n.downcast_ref::<StrObject>().is_none()) {
        return Err(vm.type_error("arg 3 (name) must be None or string"));
    }
    let defaults = arg(3);
    if defaults.as_ref().is_some_and(|d| d.downcast_ref::<TupleObject>().is_none()) {
        return Err(vm.type_error("arg 4 (defaults) must be None or tuple"));
    }
    let nfree = code_obj.nfrees as usize;
    let closure = arg(4);
    let cells = match &closure {
        Some(c) => match c.downcast_ref::<TupleObject>() {
            Some(t) => t.items().to_vec(),
            None => return Err(vm.type_error("arg 5 (closure) must be None or tuple")),
        },
        None if nfree > 0 => return Err(vm.type_error("arg 5 (closure) must be tuple")),
        None => Vec::new(),
    };
    if cells.len() != nfree {
        let msg = format!(
            "{} requires closure of length {nfree}, not {}",
            display_lossy(&code_obj.name),
            cells.len()
        );
        return Err(vm.value_error(msg));
    }
    if let Some(bad) = cells.iter().find(|c| c.downcast_ref::<CellObject>().is_none()) {
        let msg = format!("arg 5 (closure) expected cell, found {}", vm.type_name(bad));
        return Err(vm.type_error(msg));
    }
    let builtins = crate::builtins::compile::builtins_from_globals(vm, &globals);
    let qualname = code_obj.qualname.clone();
    let func = crate::objects::function::new_function_with_closure(
        code,
        globals,
        builtins,
        qualname,
        closure.unwrap_or(Value::NULL),
    );
    if let Some(f) = func_of(&func) {
        if let Some(n) = name {
            FunctionObject::set_field(&f.name, n);
        }
        if let Some(d) = defaults {
            FunctionObject::set_field(&f.defaults, d);
        }
    }
    Ok(func)
}

fn function_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let q = func_of(v).map(|f| display_lossy(f.qualname())).unwrap_or_default();
    Ok(vm.new_str(&format!("<function {} at {:#x}>", q, addr(v))))
}

fn function_get(_vm: &mut Vm, f: &Value, obj: Option<&Value>, _owner: &Value) -> PyResult<Value> {
    match obj {
        Some(o) if !o.is_none() => Ok(new_bound_method(f.clone(), o.clone())),
        _ => Ok(f.clone()),
    }
}

fn function_call(vm: &mut Vm, f: &Value, args: &[Value], kw: KwNames) -> PyResult<Value> {
    vm.call_python(f, args, kw)
}

/// A field that reads as None when unset; `accepts` says which values may be
/// stored (None and deletion clear it), `message` is the TypeError otherwise.
macro_rules! func_field {
    ($get:ident, $set:ident, $field:ident, $accepts:expr, $message:expr) => {
        fn $get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
            Ok(func_of(v)
                .map(|f| unsafe { (*f.$field.get()).clone() })
                .filter(|x| !x.is_null())
                .unwrap_or_else(none))
        }
        fn $set(vm: &mut Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
            let value = value.filter(|x| !x.is_none());
            let accepts: fn(&Value) -> bool = $accepts;
            if value.as_ref().is_some_and(|x| !accepts(x)) {
                return Err(vm.type_error($message));
            }
            if let Some(f) = func_of(v) {
                FunctionObject::set_field(&f.$field, value.unwrap_or(Value::NULL));
                f.version.set(0);
            }
            Ok(())
        }
    };
}

func_field!(
    func_defaults_get,
    func_defaults_set,
    defaults,
    |x| x.downcast_ref::<crate::objects::tuple::TupleObject>().is_some(),
    "__defaults__ must be set to a tuple object"
);
func_field!(
    func_kwdefaults_get,
    func_kwdefaults_set,
    kwdefaults,
    |x| x.downcast_ref::<DictObject>().is_some(),
    "__kwdefaults__ must be set to a dict object"
);
func_field!(func_doc_get, func_doc_set, doc, |_| true, "");

fn func_module_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(func_of(v)
        .map(|f| unsafe { (*f.module.get()).clone() })
        .unwrap_or_else(none))
}

/// `__module__` is a plain member: anything may be stored; deleting leaves None.
fn func_module_set(_vm: &mut Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    if let Some(f) = func_of(v) {
        FunctionObject::set_field(&f.module, value.unwrap_or_else(none));
    }
    Ok(())
}

/// `f.__code__ = code`, with CPython's checks: a code object whose free
/// variables match the function's closure.
fn func_code_set(vm: &mut Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(code) = value.filter(|c| c.downcast_ref::<crate::objects::code::CodeObj>().is_some()) else {
        return Err(vm.type_error("__code__ must be set to a code object"));
    };
    let Some(f) = func_of(v) else { return Ok(()) };
    let nfree = code.downcast_ref::<crate::objects::code::CodeObj>().map_or(0, |c| c.nfrees as usize);
    let nclosure = f
        .closure
        .downcast_ref::<crate::objects::tuple::TupleObject>()
        .map_or(0, |t| t.len());
    if nclosure != nfree {
        let msg = format!(
            "{}() requires a code object with {nclosure} free vars, not {nfree}",
            display_lossy(f.name())
        );
        return Err(vm.value_error(msg));
    }
    f.set_code(vm, code);
    Ok(())
}

fn func_name_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(func_of(v).map(|f| f.name().clone()).unwrap_or_else(none))
}

fn func_name_set(vm: &mut Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    match value {
        Some(n) if n.downcast_ref::<StrObject>().is_some() => {
            if let Some(f) = func_of(v) {
                FunctionObject::set_field(&f.name, n);
            }
            Ok(())
        }
        _ => Err(vm.type_error("__name__ must be set to a string object")),
    }
}

fn func_qualname_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(func_of(v).map(|f| f.qualname().clone()).unwrap_or_else(none))
}

fn func_qualname_set(vm: &mut Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    match value {
        Some(n) if n.downcast_ref::<StrObject>().is_some() => {
            if let Some(f) = func_of(v) {
                FunctionObject::set_field(&f.qualname, n);
            }
            Ok(())
        }
        _ => Err(vm.type_error("__qualname__ must be set to a string object")),
    }
}

fn func_code_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(func_of(v).map(|f| f.code_value()).unwrap_or_else(none))
}

fn func_globals_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(func_of(v).map(|f| f.globals.clone()).unwrap_or_else(none))
}

fn func_builtins_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(func_of(v).map(|f| f.builtins.clone()).unwrap_or_else(none))
}

fn func_closure_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(func_of(v)
        .map(|f| f.closure.clone())
        .filter(|c| !c.is_null())
        .unwrap_or_else(none))
}

fn func_annotations_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(f) = func_of(v) else { return Ok(none()) };
    let a = unsafe { (*f.annotations.get()).clone() };
    if a.downcast_ref::<DictObject>().is_some() {
        return Ok(a);
    }
    // 3.11 stores annotations as a flat tuple (name, value, ...) until asked.
    let d = DictObject::new_value();
    if let (Some(dd), Some(t)) = (
        d.downcast_ref::<DictObject>(),
        a.downcast_ref::<crate::objects::tuple::TupleObject>(),
    ) {
        let items = t.items();
        for pair in items.chunks(2) {
            if let [k, val] = pair {
                dd.insert_str(k, val.clone());
            }
        }
    }
    FunctionObject::set_field(&f.annotations, d.clone());
    Ok(d)
}

fn func_annotations_set(vm: &mut Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let value = value.filter(|x| !x.is_none());
    if value.as_ref().is_some_and(|x| x.downcast_ref::<DictObject>().is_none()) {
        return Err(vm.type_error("__annotations__ must be set to a dict object"));
    }
    if let Some(f) = func_of(v) {
        FunctionObject::set_field(&f.annotations, value.unwrap_or(Value::NULL));
    }
    Ok(())
}

/// CPython's READONLY members refuse assignment and deletion with this message.
fn readonly_member_set(vm: &mut Vm, _v: &Value, _value: Option<Value>) -> PyResult<()> {
    Err(vm.new_error(ExcKind::AttributeError, "readonly attribute"))
}

fn func_dict_get(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match crate::attr::instance_dict(v) {
        Some(d) => Ok(d),
        None => Err(vm.type_error("no __dict__")),
    }
}

// ---- bound method ----

fn method_of(v: &Value) -> Option<&BoundMethod> {
    v.downcast_ref::<BoundMethod>()
}

fn method_call(vm: &mut Vm, m: &Value, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let Some(bm) = method_of(m) else {
        return Err(vm.type_error("not a method"));
    };
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(bm.self_.clone());
    full.extend_from_slice(args);
    let f = bm.func.clone();
    vm.call(&f, &full, kw)
}

fn method_repr(vm: &mut Vm, m: &Value) -> PyResult<Value> {
    let Some(bm) = method_of(m) else { return Ok(none()) };
    let (f, s) = (bm.func.clone(), bm.self_.clone());
    // CPython's method_repr: `__qualname__`, else `__name__`, else `?`.
    let mut qn = None;
    for attr in ["__qualname__", "__name__"] {
        if let Some(q) = vm.lookup_attr(&f, &vm.intern(attr))? {
            qn = Some(display_lossy(&q));
            break;
        }
    }
    let qn = qn.unwrap_or_else(|| "?".into());
    let sr = vm.repr_string(&s)?;
    Ok(vm.new_str(&format!("<bound method {qn} of {sr}>")))
}

fn method_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (method_of(a), method_of(b)) else {
        return Ok(not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    // Functions first, as CPython: an `__eq__` that raises is seen.
    let (xs, ys) = (x.self_.clone(), y.self_.clone());
    let eq = vm.rich_eq_bool(&x.func.clone(), &y.func.clone())? && xs.is(&ys);
    Ok(Value::bool(eq == (op == CompareOp::Eq)))
}

fn method_hash(vm: &mut Vm, m: &Value) -> PyResult<i64> {
    let Some(bm) = method_of(m) else { return Ok(0) };
    let f = vm.hash(&bm.func)?;
    Ok(crate::hash::fix(pointer_hash(&bm.self_) ^ f))
}

fn method_func(_vm: &mut Vm, m: &Value) -> PyResult<Value> {
    Ok(method_of(m).map(|b| b.func.clone()).unwrap_or_else(none))
}

/// A bound method's `__doc__` is its function's.
fn method_doc(vm: &mut Vm, m: &Value) -> PyResult<Value> {
    match method_of(m).map(|b| b.func.clone()) {
        Some(f) => vm.getattr_str(&f, "__doc__"),
        None => Ok(none()),
    }
}

fn method_self(_vm: &mut Vm, m: &Value) -> PyResult<Value> {
    Ok(method_of(m).map(|b| b.self_.clone()).unwrap_or_else(none))
}

/// Attributes not found on the method come from the function.
fn method_getattro(vm: &mut Vm, m: &Value, name: &Value) -> PyResult<Option<Value>> {
    if let Some(v) = crate::attr::generic_getattr(vm, m, name)? {
        return Ok(Some(v));
    }
    let Some(bm) = method_of(m) else { return Ok(None) };
    let f = bm.func.clone();
    vm.lookup_attr(&f, name)
}

// ---- builtin functions and method descriptors ----

fn builtin_of(v: &Value) -> Option<&BuiltinFunction> {
    v.downcast_ref::<BuiltinFunction>()
}

fn builtin_call(vm: &mut Vm, f: &Value, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let Some(b) = builtin_of(f) else {
        return Err(vm.type_error("not a builtin"));
    };
    if b.self_.is_null() {
        return (b.func)(vm, args, kw);
    }
    // Short argument lists go on the stack: bound builtins (`lst.append`) are
    // called often.
    if args.len() < 4 {
        let mut arr: [Value; 4] = [Value::NULL, Value::NULL, Value::NULL, Value::NULL];
        arr[0] = b.self_.clone();
        for (slot, a) in arr[1..].iter_mut().zip(args) {
            *slot = a.clone();
        }
        return (b.func)(vm, &arr[..args.len() + 1], kw);
    }
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(b.self_.clone());
    full.extend_from_slice(args);
    (b.func)(vm, &full, kw)
}

fn builtin_repr(vm: &mut Vm, f: &Value) -> PyResult<Value> {
    let Some(b) = builtin_of(f) else { return Ok(none()) };
    if b.self_.is_null() || b.self_.downcast_ref::<ModuleObject>().is_some() {
        return Ok(vm.new_str(&format!("<built-in function {}>", b.name)));
    }
    if let Some(t) = b.self_.downcast_ref::<TypeObject>() {
        return Ok(vm.new_str(&format!(
            "<built-in method {} of type object at {:#x}>",
            b.name,
            addr(&t.as_value())
        )));
    }
    let tn = vm.type_name(&b.self_);
    Ok(vm.new_str(&format!(
        "<built-in method {} of {} object at {:#x}>",
        b.name,
        tn,
        addr(&b.self_)
    )))
}

/// Bound builtins are equal when they bind the same object (by identity) to
/// the same native function (CPython's meth_richcompare); no ordering.
fn builtin_richcompare(_vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (builtin_of(a), builtin_of(b)) else {
        return Ok(not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    // The name and module are compared too: the linker may fold two
    // identical Rust functions into one address.
    let eq = x.self_.is(&y.self_)
        && x.func as usize == y.func as usize
        && x.name == y.name
        && x.module == y.module;
    Ok(Value::bool(eq == (op == CompareOp::Eq)))
}

/// Consistent with `builtin_richcompare` (CPython's meth_hash).
fn builtin_hash(_vm: &mut Vm, f: &Value) -> PyResult<i64> {
    let Some(b) = builtin_of(f) else { return Ok(0) };
    let func = (b.func as usize as u64).rotate_right(4) as i64;
    Ok(crate::hash::fix(pointer_hash(&b.self_) ^ func))
}

fn builtin_name(vm: &mut Vm, f: &Value) -> PyResult<Value> {
    Ok(builtin_of(f).map(|b| vm.intern(b.name)).unwrap_or_else(none))
}

fn builtin_qualname(vm: &mut Vm, f: &Value) -> PyResult<Value> {
    let Some(b) = builtin_of(f) else { return Ok(none()) };
    if b.self_.is_null() || b.self_.downcast_ref::<ModuleObject>().is_some() {
        return Ok(vm.intern(b.name));
    }
    let owner = match b.self_.downcast_ref::<TypeObject>() {
        Some(t) => t.name_string(),
        // The type's __qualname__ (`Task.task_wakeup`, not `_asyncio.Task...`), as CPython.
        None => crate::objects::str::display_lossy(type_of(&b.self_).qualname()),
    };
    Ok(vm.new_str(&format!("{}.{}", owner, b.name)))
}

fn builtin_self(vm: &mut Vm, f: &Value) -> PyResult<Value> {
    let Some(b) = builtin_of(f) else { return Ok(none()) };
    if b.self_.is_null() {
        return Ok(match b.module {
            Some(_) => vm.builtins.clone(),
            None => none(),
        });
    }
    Ok(b.self_.clone())
}

/// `__reduce__` (CPython's meth_reduce): a module function pickles by its
/// name, a bound builtin method as `getattr(self, name)`.
fn builtin_reduce(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let Some(b) = args.first().and_then(builtin_of) else { return Ok(none()) };
    if b.self_.is_null() || b.self_.downcast_ref::<ModuleObject>().is_some() {
        return Ok(vm.intern(b.name));
    }
    let getattr = vm.builtins_dict().get_str_key("getattr").unwrap_or_else(none);
    let args = crate::objects::tuple::new_tuple(vec![b.self_.clone(), vm.intern(b.name)]);
    Ok(crate::objects::tuple::new_tuple(vec![getattr, args]))
}

fn builtin_module(vm: &mut Vm, f: &Value) -> PyResult<Value> {
    Ok(builtin_of(f).and_then(|b| b.module).map_or_else(none, |m| vm.intern(m)))
}

fn method_descr_of(v: &Value) -> Option<&MethodDescr> {
    v.downcast_ref::<MethodDescr>()
}

fn method_descr_get(vm: &mut Vm, d: &Value, obj: Option<&Value>, _owner: &Value) -> PyResult<Value> {
    let Some(md) = method_descr_of(d) else {
        return Ok(d.clone());
    };
    // As CPython's method_get: only a missing instance leaves it unbound (the
    // Python-level `__get__(None, cls)` arrives here as no instance), so
    // `None.__sizeof__` binds to None.
    let Some(o) = obj else {
        return Ok(d.clone());
    };
    if !type_of(o).is_subtype(md.owner()) {
        let msg = format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            md.name,
            md.owner().tp_name(),
            vm.type_name(o)
        );
        return Err(vm.type_error(msg));
    }
    Ok(new_bound_builtin(md.name, md.func, o.clone()))
}

fn method_descr_call(vm: &mut Vm, d: &Value, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let Some(md) = method_descr_of(d) else {
        return Err(vm.type_error("not a method descriptor"));
    };
    let Some(self_) = args.first() else {
        let msg = format!(
            "unbound method {}.{}() needs an argument",
            md.owner().tp_name(),
            md.name
        );
        return Err(vm.type_error(msg));
    };
    if !type_of(self_).is_subtype(md.owner()) {
        let msg = format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            md.name,
            md.owner().tp_name(),
            vm.type_name(self_)
        );
        return Err(vm.type_error(msg));
    }
    (md.func)(vm, args, kw)
}

fn method_descr_repr(vm: &mut Vm, d: &Value) -> PyResult<Value> {
    let Some(md) = method_descr_of(d) else {
        return Ok(none());
    };
    Ok(vm.new_str(&format!(
        "<method '{}' of '{}' objects>",
        md.name,
        md.owner().tp_name()
    )))
}

fn descr_name(vm: &mut Vm, d: &Value) -> PyResult<Value> {
    let n = if let Some(md) = method_descr_of(d) {
        md.name
    } else if let Some(sw) = d.downcast_ref::<SlotWrapper>() {
        sw.name
    } else if let Some(gs) = d.downcast_ref::<GetSetDescr>() {
        gs.name
    } else {
        ""
    };
    Ok(vm.intern(n))
}

fn descr_qualname(vm: &mut Vm, d: &Value) -> PyResult<Value> {
    let (owner, n) = if let Some(md) = method_descr_of(d) {
        (md.owner().tp_name(), md.name)
    } else if let Some(sw) = d.downcast_ref::<SlotWrapper>() {
        (sw.owner().tp_name(), sw.name)
    } else if let Some(gs) = d.downcast_ref::<GetSetDescr>() {
        (gs.owner().tp_name(), gs.name)
    } else {
        (String::new(), "")
    };
    Ok(vm.new_str(&format!("{owner}.{n}")))
}

fn descr_objclass(_vm: &mut Vm, d: &Value) -> PyResult<Value> {
    if let Some(md) = method_descr_of(d) {
        return Ok(md.owner().as_value());
    }
    if let Some(sw) = d.downcast_ref::<SlotWrapper>() {
        return Ok(sw.owner().as_value());
    }
    if let Some(gs) = d.downcast_ref::<GetSetDescr>() {
        return Ok(gs.owner().as_value());
    }
    Ok(none())
}

fn classmethod_descr_get(_vm: &mut Vm, d: &Value, obj: Option<&Value>, owner: &Value) -> PyResult<Value> {
    let Some(md) = method_descr_of(d) else {
        return Ok(d.clone());
    };
    let cls = match obj {
        Some(o) if owner.is_none() => type_of(o).as_value(),
        _ => owner.clone(),
    };
    Ok(new_bound_builtin(md.name, md.func, cls))
}

fn classmethod_descr_call(vm: &mut Vm, d: &Value, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let Some(md) = method_descr_of(d) else {
        return Err(vm.type_error("not a descriptor"));
    };
    (md.func)(vm, args, kw)
}

// ---- slot wrappers ----

/// Calls the native slot behind a wrapper with `self_` and the arguments.
pub fn call_slot(vm: &mut Vm, slot: SlotFn, name: &str, self_: &Value, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let needs = |vm: &mut Vm, n: usize| -> PyResult<()> {
        if args.len() != n {
            let msg = if n == 0 {
                format!("expected 0 arguments, got {}", args.len())
            } else if n == 1 {
                format!("expected 1 argument, got {}", args.len())
            } else {
                format!("expected {} arguments, got {}", n, args.len())
            };
            return Err(vm.type_error(msg));
        }
        Ok(())
    };
    let no_kw = |vm: &mut Vm| check_no_kwargs(vm, name, kw);
    match slot {
        SlotFn::Unary(f) => {
            no_kw(vm)?;
            needs(vm, 0)?;
            f(vm, self_)
        }
        SlotFn::Binary(f) => {
            no_kw(vm)?;
            needs(vm, 1)?;
            f(vm, self_, &args[0])
        }
        SlotFn::BinaryR(f) => {
            no_kw(vm)?;
            needs(vm, 1)?;
            f(vm, &args[0], self_)
        }
        SlotFn::Hash(f) => {
            no_kw(vm)?;
            needs(vm, 0)?;
            Ok(Value::int(f(vm, self_)?))
        }
        SlotFn::RichCmp(f, op) => {
            no_kw(vm)?;
            needs(vm, 1)?;
            f(vm, self_, &args[0], op)
        }
        SlotFn::Call(f) => f(vm, self_, args, kw),
        SlotFn::Init(f) => {
            f(vm, self_, args, kw)?;
            Ok(none())
        }
        SlotFn::IterNext(f) => {
            no_kw(vm)?;
            needs(vm, 0)?;
            match f(vm, self_)? {
                Some(v) => Ok(v),
                None => Err(vm.new_error_noargs(ExcKind::StopIteration)),
            }
        }
        SlotFn::Len(f) => {
            no_kw(vm)?;
            needs(vm, 0)?;
            Ok(Value::int(f(vm, self_)? as i64))
        }
        SlotFn::Bool(f) => {
            no_kw(vm)?;
            needs(vm, 0)?;
            Ok(Value::bool(f(vm, self_)?))
        }
        SlotFn::GetItem(f) => {
            no_kw(vm)?;
            needs(vm, 1)?;
            f(vm, self_, &args[0])
        }
        SlotFn::SetItem(f) => {
            no_kw(vm)?;
            needs(vm, 2)?;
            f(vm, self_, &args[0], Some(args[1].clone()))?;
            Ok(none())
        }
        SlotFn::DelItem(f) => {
            no_kw(vm)?;
            needs(vm, 1)?;
            f(vm, self_, &args[0], None)?;
            Ok(none())
        }
        SlotFn::Contains(f) => {
            no_kw(vm)?;
            needs(vm, 1)?;
            Ok(Value::bool(f(vm, self_, &args[0])?))
        }
        SlotFn::GetAttr(f) => {
            no_kw(vm)?;
            needs(vm, 1)?;
            let name = &args[0];
            if name.downcast_ref::<StrObject>().is_none() {
                let msg = format!("attribute name must be string, not '{}'", vm.type_name(name));
                return Err(vm.type_error(msg));
            }
            match f(vm, self_, name)? {
                Some(v) => Ok(v),
                None => Err(vm.attribute_error(self_, name)),
            }
        }
        SlotFn::SetAttr(f) => {
            no_kw(vm)?;
            needs(vm, 2)?;
            let f = setattr_hackcheck(vm, self_, f, "__setattr__")?;
            f(vm, self_, &args[0], Some(args[1].clone()))?;
            Ok(none())
        }
        SlotFn::DelAttr(f) => {
            no_kw(vm)?;
            needs(vm, 1)?;
            let f = setattr_hackcheck(vm, self_, f, "__delattr__")?;
            f(vm, self_, &args[0], None)?;
            Ok(none())
        }
        SlotFn::DescrGet(f) => {
            no_kw(vm)?;
            if args.is_empty() || args.len() > 2 {
                return Err(vm.type_error("__get__(None, None) is invalid"));
            }
            // As CPython's wrap_descr_get: None stands for a missing instance
            // or owner, and one of the two is needed.
            let obj = if args[0].is_none() { None } else { Some(&args[0]) };
            let owner = args.get(1).filter(|t| !t.is_none()).cloned();
            let owner = match (owner, obj) {
                (Some(t), _) => t,
                (None, Some(o)) => type_of(o).as_value(),
                (None, None) => return Err(vm.type_error("__get__(None, None) is invalid")),
            };
            f(vm, self_, obj, &owner)
        }
        SlotFn::DescrSet(f) => {
            no_kw(vm)?;
            needs(vm, 2)?;
            f(vm, self_, &args[0], Some(args[1].clone()))?;
            Ok(none())
        }
        SlotFn::DescrDelete(f) => {
            no_kw(vm)?;
            needs(vm, 1)?;
            f(vm, self_, &args[0], None)?;
            Ok(none())
        }
    }
}

fn slot_wrapper_call(vm: &mut Vm, d: &Value, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let Some(sw) = d.downcast_ref::<SlotWrapper>() else {
        return Err(vm.type_error("not a slot wrapper"));
    };
    let Some(self_) = args.first() else {
        let msg = format!(
            "descriptor '{}' of '{}' object needs an argument",
            sw.name,
            sw.owner().tp_name()
        );
        return Err(vm.type_error(msg));
    };
    if !type_of(self_).is_subtype(sw.owner()) {
        let msg = format!(
            "descriptor '{}' requires a '{}' object but received a '{}'",
            sw.name,
            sw.owner().tp_name(),
            vm.type_name(self_)
        );
        return Err(vm.type_error(msg));
    }
    call_slot(vm, sw.slot, sw.name, self_, &args[1..], kw)
}

fn slot_wrapper_get(_vm: &mut Vm, d: &Value, obj: Option<&Value>, _owner: &Value) -> PyResult<Value> {
    match obj {
        Some(o) => Ok(new_method_wrapper(d.clone(), o.clone())),
        None => Ok(d.clone()),
    }
}

/// CPython's hackcheck: `object.__setattr__(str, ...)` must not skip the
/// setattr of a builtin type between `self`'s class and the wrapper's owner
/// ("Carlo Verre's hack"). Python classes in the way do not count. Gives
/// the function to call: the builtin type's own where it stands for the
/// generic one (a module's, which also keeps its dict in step).
fn setattr_hackcheck(vm: &mut Vm, self_: &Value, f: SetAttrFn, what: &str) -> PyResult<SetAttrFn> {
    // pyrite's module setattr is CPython's generic one plus a cache update.
    let generic = |g: SetAttrFn| {
        g as usize == crate::attr::generic_setattr as SetAttrFn as usize
            || g as usize == crate::attr::module_setattr as SetAttrFn as usize
    };
    let same = |g: SetAttrFn| g as usize == f as usize || (generic(g) && generic(f));
    let mut t = Some(type_of(self_));
    while let Some(base) = t {
        if !base.is_heap_type() {
            if let Some(g) = base.slots().setattro.filter(|&g| same(g)) {
                return Ok(g);
            }
            let msg = format!("can't apply this {} to {} object", what, type_of(self_).name_string());
            return Err(vm.type_error(msg));
        }
        t = base.base();
    }
    Ok(f)
}

fn slot_wrapper_repr(vm: &mut Vm, d: &Value) -> PyResult<Value> {
    let Some(sw) = d.downcast_ref::<SlotWrapper>() else {
        return Ok(none());
    };
    Ok(vm.new_str(&format!(
        "<slot wrapper '{}' of '{}' objects>",
        sw.name,
        sw.owner().tp_name()
    )))
}

/// The docstrings of CPython's slot wrappers (typeobject.c's slotdefs),
/// without their signature line.
const SLOT_DOCS: &[(&str, &str)] = &[
    ("__repr__", "Return repr(self)."),
    ("__hash__", "Return hash(self)."),
    ("__call__", "Call self as a function."),
    ("__str__", "Return str(self)."),
    ("__getattribute__", "Return getattr(self, name)."),
    ("__setattr__", "Implement setattr(self, name, value)."),
    ("__delattr__", "Implement delattr(self, name)."),
    ("__lt__", "Return self<value."),
    ("__le__", "Return self<=value."),
    ("__eq__", "Return self==value."),
    ("__ne__", "Return self!=value."),
    ("__gt__", "Return self>value."),
    ("__ge__", "Return self>=value."),
    ("__iter__", "Implement iter(self)."),
    ("__next__", "Implement next(self)."),
    ("__get__", "Return an attribute of instance, which is of type owner."),
    ("__set__", "Set an attribute of instance to value."),
    ("__delete__", "Delete an attribute of instance."),
    ("__init__", "Initialize self.  See help(type(self)) for accurate signature."),
    ("__new__", "Create and return new object.  See help(type) for accurate signature."),
    ("__await__", "Return an iterator to be used in await expression."),
    ("__aiter__", "Return an awaitable, that resolves in asynchronous iterator."),
    ("__anext__", "Return a value or raise StopAsyncIteration."),
    ("__add__", "Return self+value."),
    ("__radd__", "Return value+self."),
    ("__sub__", "Return self-value."),
    ("__rsub__", "Return value-self."),
    ("__mul__", "Return self*value."),
    ("__rmul__", "Return value*self."),
    ("__mod__", "Return self%value."),
    ("__rmod__", "Return value%self."),
    ("__divmod__", "Return divmod(self, value)."),
    ("__rdivmod__", "Return divmod(value, self)."),
    ("__pow__", "Return pow(self, value, mod)."),
    ("__rpow__", "Return pow(value, self, mod)."),
    ("__neg__", "-self"),
    ("__pos__", "+self"),
    ("__abs__", "abs(self)"),
    ("__bool__", "True if self else False"),
    ("__invert__", "~self"),
    ("__lshift__", "Return self<<value."),
    ("__rlshift__", "Return value<<self."),
    ("__rshift__", "Return self>>value."),
    ("__rrshift__", "Return value>>self."),
    ("__and__", "Return self&value."),
    ("__rand__", "Return value&self."),
    ("__xor__", "Return self^value."),
    ("__rxor__", "Return value^self."),
    ("__or__", "Return self|value."),
    ("__ror__", "Return value|self."),
    ("__int__", "int(self)"),
    ("__float__", "float(self)"),
    ("__iadd__", "Return self+=value."),
    ("__isub__", "Return self-=value."),
    ("__imul__", "Return self*=value."),
    ("__imod__", "Return self%=value."),
    ("__ipow__", "Return self**=value."),
    ("__ilshift__", "Return self<<=value."),
    ("__irshift__", "Return self>>=value."),
    ("__iand__", "Return self&=value."),
    ("__ixor__", "Return self^=value."),
    ("__ior__", "Return self|=value."),
    ("__floordiv__", "Return self//value."),
    ("__rfloordiv__", "Return value//self."),
    ("__truediv__", "Return self/value."),
    ("__rtruediv__", "Return value/self."),
    ("__ifloordiv__", "Return self//=value."),
    ("__itruediv__", "Return self/=value."),
    ("__index__", "Return self converted to an integer, if self is suitable for use as an index into a list."),
    ("__matmul__", "Return self@value."),
    ("__rmatmul__", "Return value@self."),
    ("__imatmul__", "Return self@=value."),
    ("__len__", "Return len(self)."),
    ("__getitem__", "Return self[key]."),
    ("__setitem__", "Set self[key] to value."),
    ("__delitem__", "Delete self[key]."),
    ("__contains__", "Return key in self."),
];

fn slot_doc(name: &str) -> Value {
    match SLOT_DOCS.iter().find(|(n, _)| *n == name) {
        Some((_, doc)) => crate::objects::str::new_str(doc),
        None => none(),
    }
}

fn slot_wrapper_doc(_vm: &mut Vm, d: &Value) -> PyResult<Value> {
    Ok(d.downcast_ref::<SlotWrapper>().map_or_else(none, |sw| slot_doc(sw.name)))
}

fn method_wrapper_doc(_vm: &mut Vm, m: &Value) -> PyResult<Value> {
    let name = m
        .downcast_ref::<MethodWrapper>()
        .and_then(|mw| mw.descr.downcast_ref::<SlotWrapper>().map(|sw| sw.name));
    Ok(name.map_or_else(none, slot_doc))
}

fn method_wrapper_call(vm: &mut Vm, m: &Value, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let Some(mw) = m.downcast_ref::<MethodWrapper>() else {
        return Err(vm.type_error("not a method-wrapper"));
    };
    let Some(sw) = mw.descr.downcast_ref::<SlotWrapper>() else {
        return Err(vm.type_error("bad method-wrapper"));
    };
    let self_ = mw.self_.clone();
    call_slot(vm, sw.slot, sw.name, &self_, args, kw)
}

/// The slot wrapper and instance of a method-wrapper.
fn method_wrapper_parts(m: &Value) -> Option<(&SlotWrapper, &Value)> {
    let mw = m.downcast_ref::<MethodWrapper>()?;
    Some((mw.descr.downcast_ref::<SlotWrapper>()?, &mw.self_))
}

fn method_wrapper_name(vm: &mut Vm, m: &Value) -> PyResult<Value> {
    Ok(method_wrapper_parts(m).map_or_else(none, |(sw, _)| vm.intern(sw.name)))
}

fn method_wrapper_qualname(vm: &mut Vm, m: &Value) -> PyResult<Value> {
    let Some((sw, _)) = method_wrapper_parts(m) else { return Ok(none()) };
    let owner = display_lossy(sw.owner().qualname());
    Ok(vm.new_str(&format!("{}.{}", owner, sw.name)))
}

fn method_wrapper_objclass(_vm: &mut Vm, m: &Value) -> PyResult<Value> {
    Ok(method_wrapper_parts(m).map_or_else(none, |(sw, _)| sw.owner().as_value()))
}

fn method_wrapper_self(_vm: &mut Vm, m: &Value) -> PyResult<Value> {
    Ok(method_wrapper_parts(m).map_or_else(none, |(_, s)| s.clone()))
}

/// `getattr(self, name)`, as CPython's wrapper_reduce.
fn method_wrapper_reduce(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "__reduce__", kw)?;
    let [m] = ArgSpec::exact::<1>(vm, "__reduce__", args, 0)?;
    let Some((sw, self_)) = method_wrapper_parts(&m) else { return Ok(none()) };
    let getattr = vm.builtins_dict().get_str_key("getattr").unwrap_or_else(none);
    let pair = crate::objects::tuple::new_tuple(vec![self_.clone(), vm.intern(sw.name)]);
    Ok(crate::objects::tuple::new_tuple(vec![getattr, pair]))
}

/// Equal when they wrap the same slot of the same instance (CPython's
/// wrapper_richcompare); other comparisons are not implemented.
fn method_wrapper_richcompare(_vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast_ref::<MethodWrapper>(), b.downcast_ref::<MethodWrapper>()) else {
        return Ok(not_implemented());
    };
    let same = x.descr.is(&y.descr) && x.self_.is(&y.self_);
    match op {
        CompareOp::Eq => Ok(Value::bool(same)),
        CompareOp::Ne => Ok(Value::bool(!same)),
        _ => Ok(not_implemented()),
    }
}

fn method_wrapper_hash(_vm: &mut Vm, m: &Value) -> PyResult<i64> {
    let Some(mw) = m.downcast_ref::<MethodWrapper>() else { return Ok(0) };
    Ok(crate::hash::fix(pointer_hash(&mw.self_) ^ pointer_hash(&mw.descr)))
}

fn method_wrapper_repr(vm: &mut Vm, m: &Value) -> PyResult<Value> {
    let Some(mw) = m.downcast_ref::<MethodWrapper>() else {
        return Ok(none());
    };
    let name = mw.descr.downcast_ref::<SlotWrapper>().map_or("?", |s| s.name);
    let tn = vm.type_name(&mw.self_);
    Ok(vm.new_str(&format!(
        "<method-wrapper '{}' of {} object at {:#x}>",
        name,
        tn,
        addr(&mw.self_)
    )))
}

// ---- getset ----

fn getset_get(vm: &mut Vm, d: &Value, obj: Option<&Value>, _owner: &Value) -> PyResult<Value> {
    let Some(gs) = d.downcast_ref::<GetSetDescr>() else {
        return Ok(d.clone());
    };
    match obj {
        None => Ok(d.clone()),
        Some(o) => {
            if !type_of(o).is_subtype(gs.owner()) && !std::ptr::eq(gs.owner(), OBJECT_TYPE.get()) {
                let msg = format!(
                    "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                    gs.name,
                    gs.owner().tp_name(),
                    vm.type_name(o)
                );
                return Err(vm.type_error(msg));
            }
            (gs.get)(vm, o)
        }
    }
}

fn getset_set(vm: &mut Vm, d: &Value, obj: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(gs) = d.downcast_ref::<GetSetDescr>() else {
        return Ok(());
    };
    // CPython's descr_setcheck.
    if !type_of(obj).is_subtype(gs.owner()) && !std::ptr::eq(gs.owner(), OBJECT_TYPE.get()) {
        let msg = format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            gs.name,
            gs.owner().tp_name(),
            vm.type_name(obj)
        );
        return Err(vm.type_error(msg));
    }
    match gs.set {
        Some(f) => f(vm, obj, value),
        None => {
            let msg = format!(
                "attribute '{}' of '{}' objects is not writable",
                gs.name,
                gs.owner().tp_name()
            );
            Err(vm.new_error(ExcKind::AttributeError, msg))
        }
    }
}

fn getset_repr(vm: &mut Vm, d: &Value) -> PyResult<Value> {
    let Some(gs) = d.downcast_ref::<GetSetDescr>() else {
        return Ok(none());
    };
    Ok(vm.new_str(&format!(
        "<attribute '{}' of '{}' objects>",
        gs.name,
        gs.owner().tp_name()
    )))
}

// ---- property ----

fn prop_of(v: &Value) -> Option<&Property> {
    v.downcast_ref::<Property>()
}

fn property_new(_vm: &mut Vm, cls: &Value, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let t = cls.downcast_ref::<TypeObject>().unwrap_or(PROPERTY_TYPE.get());
    Ok(new_property(t, none(), none(), none(), none()))
}

fn property_init(vm: &mut Vm, obj: &Value, args: &[Value], kw: KwNames) -> PyResult<()> {
    let a = ArgSpec::parse(vm, "property", args, kw, &["fget", "fset", "fdel", "doc"], 4, 0)?;
    let Some(p) = prop_of(obj) else { return Ok(()) };
    let get = |i: usize| a[i].clone().unwrap_or_else(none);
    let set = |c: &std::cell::UnsafeCell<Value>, v: Value| {
        let old = unsafe { std::mem::replace(&mut *c.get(), v) };
        drop(old);
    };
    let fget = get(0);
    set(&p.fget, fget.clone());
    set(&p.fset, get(1));
    set(&p.fdel, get(2));
    set(&p.name, none());
    set(&p.doc, get(3));
    p.getter_doc.set(false);
    // No doc given: the getter's `__doc__` is the property's.
    if get(3).is_none() && !fget.is_none() {
        let Some(doc) = vm.lookup_attr(&fget, &vm.intern("__doc__"))? else {
            return Ok(());
        };
        if std::ptr::eq(type_of(obj), PROPERTY_TYPE.get()) {
            set(&p.doc, doc);
        } else {
            // A subclass's own `__doc__` in its class dict would shadow the
            // field: the instance dict holds it instead.
            let name = vm.intern("__doc__");
            vm.setattr(obj, &name, doc)?;
        }
        p.getter_doc.set(true);
    }
    Ok(())
}

fn property_set_name(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    if args.len() != 3 {
        let msg = format!(
            "__set_name__() takes 2 positional arguments but {} were given",
            args.len().saturating_sub(1)
        );
        return Err(vm.type_error(msg));
    }
    if let Some(p) = prop_of(&args[0]) {
        let old = unsafe { std::mem::replace(&mut *p.name.get(), args[2].clone()) };
        drop(old);
    }
    Ok(none())
}

/// "property 'x' of 'C' object has no getter": the name and the owner's
/// qualified name shown by repr, as CPython formats them with %R.
fn property_missing(vm: &mut Vm, p: &Property, obj: &Value, what: &str) -> PyErr {
    let qualname = type_of(obj).qualname().clone();
    let name = Property::field(&p.name);
    let text = (|| -> PyResult<String> {
        let q = vm.repr_string(&qualname)?;
        Ok(if name.is_none() {
            format!("property of {q} object has no {what}")
        } else {
            format!("property {} of {q} object has no {what}", vm.repr_string(&name)?)
        })
    })();
    match text {
        Ok(msg) => vm.new_error(ExcKind::AttributeError, msg),
        Err(e) => e,
    }
}

fn property_get(vm: &mut Vm, d: &Value, obj: Option<&Value>, _owner: &Value) -> PyResult<Value> {
    let Some(p) = prop_of(d) else { return Ok(d.clone()) };
    let Some(o) = obj.filter(|o| !o.is_none()) else {
        return Ok(d.clone());
    };
    let fget = Property::field(&p.fget);
    if fget.is_none() {
        return Err(property_missing(vm, p, o, "getter"));
    }
    vm.call1(&fget, o.clone())
}

fn property_set(vm: &mut Vm, d: &Value, obj: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(p) = prop_of(d) else { return Ok(()) };
    let (f, what) = match &value {
        Some(_) => (Property::field(&p.fset), "setter"),
        None => (Property::field(&p.fdel), "deleter"),
    };
    if f.is_none() {
        return Err(property_missing(vm, p, obj, what));
    }
    match value {
        Some(v) => vm.call(&f, &[obj.clone(), v], None)?,
        None => vm.call1(&f, obj.clone())?,
    };
    Ok(())
}

/// `.getter()`/`.setter()`/`.deleter()`: a new property of the same type
/// with one function replaced (None keeps the old one).
fn property_copy_with(vm: &mut Vm, args: &[Value], which: usize) -> PyResult<Value> {
    let [pv, f] = ArgSpec::exact::<2>(vm, "property", args, 1)?;
    let Some(p) = prop_of(&pv) else { return Ok(none()) };
    let mut parts = [
        Property::field(&p.fget),
        Property::field(&p.fset),
        Property::field(&p.fdel),
    ];
    if !f.is_none() {
        parts[which] = f;
    }
    // A doc taken from the old getter is taken again from the new getter.
    let doc = if p.getter_doc.get() && !parts[0].is_none() {
        none()
    } else {
        Property::field(&p.doc)
    };
    let cls = type_of(&pv).as_value();
    let [a, b, c] = parts;
    let name = Property::field(&p.name);
    let copy = vm.call(&cls, &[a, b, c, doc], None)?;
    if let Some(np) = prop_of(&copy) {
        let old = unsafe { std::mem::replace(&mut *np.name.get(), name) };
        drop(old);
    }
    Ok(copy)
}

fn property_getter(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    property_copy_with(vm, args, 0)
}

fn property_setter(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    property_copy_with(vm, args, 1)
}

fn property_deleter(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    property_copy_with(vm, args, 2)
}

/// True when `f.__isabstractmethod__` is true (CPython's _PyObject_IsAbstract).
fn is_abstract(vm: &mut Vm, f: &Value) -> PyResult<bool> {
    if f.is_none() {
        return Ok(false);
    }
    match vm.lookup_attr(f, &vm.intern("__isabstractmethod__"))? {
        Some(x) => vm.is_true(&x),
        None => Ok(false),
    }
}

fn property_isabstract(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(p) = prop_of(v) else { return Ok(Value::bool(false)) };
    let fs = [Property::field(&p.fget), Property::field(&p.fset), Property::field(&p.fdel)];
    for f in &fs {
        if is_abstract(vm, f)? {
            return Ok(Value::bool(true));
        }
    }
    Ok(Value::bool(false))
}

fn property_doc_set(_vm: &mut Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    if let Some(p) = prop_of(v) {
        let old = unsafe { std::mem::replace(&mut *p.doc.get(), value.unwrap_or_else(none)) };
        drop(old);
    }
    Ok(())
}

fn property_fget(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(prop_of(v).map_or_else(none, |p| Property::field(&p.fget)))
}

fn property_fset(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(prop_of(v).map_or_else(none, |p| Property::field(&p.fset)))
}

fn property_fdel(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(prop_of(v).map_or_else(none, |p| Property::field(&p.fdel)))
}

fn property_doc(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(prop_of(v).map_or_else(none, |p| Property::field(&p.doc)))
}

// ---- staticmethod / classmethod ----

fn fw_new(_vm: &mut Vm, cls: &Value, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let t = cls.downcast_ref::<TypeObject>().unwrap_or(STATICMETHOD_TYPE.get());
    Ok(new_func_wrapper(t, none()))
}

fn fw_init(vm: &mut Vm, obj: &Value, args: &[Value], kw: KwNames) -> PyResult<()> {
    let tn = vm.type_name(obj);
    check_no_kwargs(vm, &tn, kw)?;
    if args.len() != 1 {
        let msg = format!("{} expected 1 argument, got {}", tn, args.len());
        return Err(vm.type_error(msg));
    }
    if let Some(w) = func_wrapper_of(obj) {
        let old = unsafe { std::mem::replace(&mut *w.callable.get(), args[0].clone()) };
        drop(old);
    }
    // Like functools.wraps: the wrapper shows the function's name and doc.
    for attr in ["__module__", "__name__", "__qualname__", "__doc__", "__annotations__"] {
        let name = vm.intern(attr);
        if let Some(v) = vm.lookup_attr(&args[0], &name)? {
            vm.setattr(obj, &name, v)?;
        }
    }
    Ok(())
}

fn staticmethod_get(_vm: &mut Vm, d: &Value, _obj: Option<&Value>, _owner: &Value) -> PyResult<Value> {
    Ok(func_wrapper_of(d).map_or_else(none, |w| w.callable()))
}

fn staticmethod_call(vm: &mut Vm, d: &Value, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let f = func_wrapper_of(d).map_or_else(none, |w| w.callable());
    vm.call(&f, args, kw)
}

fn classmethod_get(vm: &mut Vm, d: &Value, obj: Option<&Value>, owner: &Value) -> PyResult<Value> {
    let f = func_wrapper_of(d).map_or_else(none, |w| w.callable());
    let cls = if owner.is_none() {
        obj.map(|o| type_of(o).as_value()).unwrap_or_else(none)
    } else {
        owner.clone()
    };
    // 3.11 chains descriptors: a wrapped descriptor is bound to the class.
    if let Some(get) = type_of(&f).slots().descr_get {
        if !std::ptr::eq(type_of(&f), FUNCTION_TYPE.get()) {
            return get(vm, &f, Some(&cls), &cls);
        }
    }
    Ok(new_bound_method(f, cls))
}

fn fw_func(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(func_wrapper_of(v).map_or_else(none, |w| w.callable()))
}

fn fw_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = func_wrapper_of(v).map_or_else(none, |w| w.callable());
    let tn = vm.type_name(v);
    let r = vm.repr_string(&f)?;
    Ok(vm.new_str(&format!("<{tn}({r})>")))
}

fn fw_isabstract(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = func_wrapper_of(v).map_or_else(none, |w| w.callable());
    Ok(Value::bool(is_abstract(vm, &f)?))
}

// ---- cell, module (code objects: objects/code.rs) ----

/// `types.CellType([contents])`: an empty cell without an argument.
fn cell_new(vm: &mut Vm, _cls: &Value, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "cell", kw)?;
    ArgSpec::range(vm, "cell", args, 0, 0, 1)?;
    Ok(crate::objects::cell::new_cell(args.first().cloned().unwrap_or(Value::NULL)))
}

fn cell_contents(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.downcast_ref::<CellObject>().and_then(|c| c.get()) {
        Some(x) => Ok(x),
        None => Err(vm.value_error("Cell is empty")),
    }
}

fn cell_contents_set(_vm: &mut Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    if let Some(c) = v.downcast_ref::<CellObject>() {
        let old = c.set(value.unwrap_or(Value::NULL));
        drop(old);
    }
    Ok(())
}

fn cell_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(c) = v.downcast_ref::<CellObject>() else {
        return Ok(none());
    };
    let s = match c.get() {
        None => format!("<cell at {:#x}: empty>", addr(v)),
        Some(x) => format!(
            "<cell at {:#x}: {} object at {:#x}>",
            addr(v),
            vm.type_name(&x),
            addr(&x)
        ),
    };
    Ok(vm.new_str(&s))
}

fn module_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(m) = v.downcast_ref::<ModuleObject>() else {
        return Ok(none());
    };
    // importlib._bootstrap._module_repr: from `__spec__` when there is one.
    if let Some(spec) = m.dict().get_str_key("__spec__").filter(|s| !s.is_none()) {
        let name = vm.getattr_str(&spec, "name")?;
        let name = if name.is_none() { "'?'".to_string() } else { vm.repr_string(&name)? };
        let origin = vm.getattr_str(&spec, "origin")?;
        let s = if origin.is_none() {
            let loader = vm.getattr_str(&spec, "loader")?;
            if loader.is_none() {
                format!("<module {name}>")
            } else {
                format!("<module {name} ({})>", vm.repr_string(&loader)?)
            }
        } else {
            let has_location = vm.getattr_str(&spec, "has_location")?;
            if vm.is_true(&has_location)? {
                format!("<module {name} from {}>", vm.repr_string(&origin)?)
            } else {
                format!("<module {name} ({})>", vm.str_string(&origin)?)
            }
        };
        return Ok(vm.new_str(&s));
    }
    let name = match m.dict().get_str_key("__name__") {
        Some(n) => vm.repr_string(&n)?,
        None => "'?'".into(),
    };
    let s = if let Some(f) = m.dict().get_str_key("__file__") {
        format!("<module {} from {}>", name, vm.repr_string(&f)?)
    } else if name == "'builtins'" || name == "'sys'" {
        format!("<module {name} (built-in)>")
    } else {
        match m.dict().get_str_key("__loader__").filter(|l| !l.is_none()) {
            Some(l) => format!("<module {name} ({})>", vm.repr_string(&l)?),
            None => format!("<module {name}>"),
        }
    };
    Ok(vm.new_str(&s))
}

fn module_dict(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.downcast_ref::<ModuleObject>().map_or_else(none, |m| m.dict_value()))
}

/// `module.__dir__`: the module dict's own `__dir__` when it has one (PEP
/// 562), else the dict's keys.
fn module_dir(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "__dir__", kw)?;
    let [this] = ArgSpec::exact::<1>(vm, "__dir__", args, 0)?;
    let dict = vm.getattr_str(&this, "__dict__")?;
    let Some(d) = dict.downcast_ref::<DictObject>() else {
        return Err(vm.type_error("<module>.__dict__ is not a dictionary"));
    };
    match d.get_str_key("__dir__") {
        Some(f) => vm.call(&f, &[], None),
        None => Ok(crate::objects::list::new_list(d.keys())),
    }
}

fn module_new(_vm: &mut Vm, cls: &Value, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let ty = cls.downcast_ref::<TypeObject>().unwrap_or(MODULE_TYPE.get());
    Ok(crate::objects::module::new_empty_module(ty))
}

/// `module.__init__(name, doc=None)`.
fn module_init(vm: &mut Vm, obj: &Value, args: &[Value], kw: KwNames) -> PyResult<()> {
    let a = ArgSpec::parse(vm, "module", args, kw, &["name", "doc"], 2, 1)?;
    let name = a[0].clone().unwrap_or_else(none);
    if name.downcast_ref::<StrObject>().is_none() {
        let msg = format!("module() argument 'name' must be str, not {}", vm.type_name(&name));
        return Err(vm.type_error(msg));
    }
    if let Some(m) = obj.downcast_ref::<ModuleObject>() {
        crate::objects::module::init_module_dict(m.dict(), name, a[1].clone().unwrap_or_else(none));
    }
    Ok(())
}

// ---- super ----

fn super_new(_vm: &mut Vm, cls: &Value, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let t = cls.downcast_ref::<TypeObject>().unwrap_or(SUPER_TYPE.get());
    Ok(crate::object::alloc_object(
        t,
        SuperObject {
            header: crate::object::ObjHeader::new(std::ptr::null()),
            ty: std::cell::UnsafeCell::new(Value::NULL),
            obj: std::cell::UnsafeCell::new(Value::NULL),
            obj_type: std::cell::UnsafeCell::new(Value::NULL),
        },
    ))
}

fn super_init(vm: &mut Vm, obj: &Value, args: &[Value], kw: KwNames) -> PyResult<()> {
    check_no_kwargs(vm, "super", kw)?;
    let (ty, inst) = match args.len() {
        0 => super_from_frame(vm)?,
        1 => (args[0].clone(), Value::NULL),
        2 => (args[0].clone(), args[1].clone()),
        n => return Err(vm.type_error(format!("super() expected at most 2 arguments, got {n}"))),
    };
    let Some(t) = ty.downcast_ref::<TypeObject>() else {
        let msg = format!("super() argument 1 must be a type, not {}", vm.type_name(&ty));
        return Err(vm.type_error(msg));
    };
    let obj_type = if inst.is_null() || inst.is_none() {
        Value::NULL
    } else {
        super_check(vm, t, &inst)?
    };
    let Some(so) = obj.downcast_ref::<SuperObject>() else {
        return Ok(());
    };
    so.set(ty.clone(), if inst.is_none() { Value::NULL } else { inst }, obj_type);
    Ok(())
}

/// The type whose MRO a `super(t, obj)` searches: obj itself when it is a
/// subclass of t, else obj's type, else a proxy's `__class__`.
fn super_check(vm: &mut Vm, t: &TypeObject, obj: &Value) -> PyResult<Value> {
    if let Some(it) = obj.downcast_ref::<TypeObject>().filter(|it| it.is_subtype(t)) {
        return Ok(it.as_value());
    }
    if type_of(obj).is_subtype(t) {
        return Ok(type_of(obj).as_value());
    }
    if let Some(cls) = vm.lookup_attr(obj, &vm.intern("__class__"))? {
        if !cls.is(&type_of(obj).as_value()) && cls.downcast_ref::<TypeObject>().is_some_and(|c| c.is_subtype(t)) {
            return Ok(cls);
        }
    }
    Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"))
}

/// An unbound `super(C)` stored on a class binds to the instance it is
/// reached through.
fn super_get(vm: &mut Vm, d: &Value, obj: Option<&Value>, _owner: &Value) -> PyResult<Value> {
    let Some(so) = d.downcast_ref::<SuperObject>() else { return Ok(d.clone()) };
    let Some(obj) = obj.filter(|o| !o.is_none()) else { return Ok(d.clone()) };
    if !so.obj().is_null() {
        return Ok(d.clone());
    }
    let ty = so.ty();
    if !is_exact(d, &SUPER_TYPE) {
        let cls = type_of(d).as_value();
        return vm.call(&cls, &[ty, obj.clone()], None);
    }
    let Some(t) = ty.downcast_ref::<TypeObject>() else { return Ok(d.clone()) };
    let obj_type = super_check(vm, t, obj)?;
    let bound = super_new(vm, &SUPER_TYPE.get().as_value(), &[], None)?;
    if let Some(b) = bound.downcast_ref::<SuperObject>() {
        b.set(ty.clone(), obj.clone(), obj_type);
    }
    Ok(bound)
}

/// Zero-argument super(): `__class__` cell and first argument of the calling frame.
fn super_from_frame(vm: &mut Vm) -> PyResult<(Value, Value)> {
    let Some(f) = vm.frames.last() else {
        return Err(vm.new_error(ExcKind::RuntimeError, "super(): no current frame"));
    };
    let code = f.code();
    if code.argcount == 0 && code.flags & pyrite_bytecode::code::flags::VARARGS == 0 {
        return Err(vm.new_error(ExcKind::RuntimeError, "super(): no arguments"));
    }
    // SAFETY: slot 0 is the first argument (maybe a cell when captured).
    let mut first = unsafe { (*f.localsplus).clone() };
    if code.localspluskinds.first().is_some_and(|&k| k & 0x40 != 0) {
        if let Some(c) = first.downcast_ref::<CellObject>() {
            first = c.get().unwrap_or(Value::NULL);
        }
    }
    if first.is_null() {
        return Err(vm.new_error(ExcKind::RuntimeError, "super(): arg[0] deleted"));
    }
    let n = code.nlocalsplus();
    for i in 0..n {
        if code.localspluskinds[i] & 0x80 != 0 && display_lossy(&code.localsplusnames[i]) == "__class__" {
            // SAFETY: i < nlocalsplus.
            let cell = unsafe { (*f.localsplus.add(i)).clone() };
            let cls = cell.downcast_ref::<CellObject>().and_then(|c| c.get());
            return match cls {
                Some(c) if c.downcast_ref::<TypeObject>().is_some() => Ok((c, first)),
                Some(_) => Err(vm.new_error(ExcKind::RuntimeError, "super(): __class__ is not a type")),
                None => Err(vm.new_error(ExcKind::RuntimeError, "super(): empty __class__ cell")),
            };
        }
    }
    Err(vm.new_error(ExcKind::RuntimeError, "super(): __class__ cell not found"))
}

fn super_getattro(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
    let Some(so) = obj.downcast_ref::<SuperObject>() else {
        return Ok(None);
    };
    let (sty, sobj, sobj_type) = (so.ty(), so.obj(), so.obj_type());
    let skip = display_lossy(name) == "__class__";
    if !sobj_type.is_null() && !skip {
        let start = sobj_type
            .downcast_ref::<TypeObject>()
            .map(|t| t.mro().items().to_vec())
            .unwrap_or_default();
        let mut found_self = false;
        for t in &start {
            if !found_self {
                if t.is(&sty) {
                    found_self = true;
                }
                continue;
            }
            let Some(tt) = t.downcast_ref::<TypeObject>() else {
                continue;
            };
            if let Some(res) = tt.dict().get_str(name) {
                if let Some(get) = type_of(&res).slots().descr_get {
                    let inst = if sobj.is(&sobj_type) { None } else { Some(&sobj) };
                    return get(vm, &res, inst, &sobj_type).map(Some);
                }
                return Ok(Some(res));
            }
        }
    }
    crate::attr::generic_getattr(vm, obj, name)
}

fn super_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(so) = v.downcast_ref::<SuperObject>() else {
        return Ok(none());
    };
    let tn = so
        .ty()
        .downcast_ref::<TypeObject>()
        .map(|t| t.name_string())
        .unwrap_or_else(|| "NULL".into());
    let ot = so.obj_type();
    let s = if ot.is_null() {
        format!("<super: <class '{tn}'>, NULL>")
    } else {
        let on = ot
            .downcast_ref::<TypeObject>()
            .map(|t| t.name_string())
            .unwrap_or_default();
        format!("<super: <class '{tn}'>, <{on} object>>")
    };
    Ok(vm.new_str(&s))
}

fn super_thisclass(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.downcast_ref::<SuperObject>().map_or_else(none, |s| s.ty()))
}

fn super_self_class(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.downcast_ref::<SuperObject>()
        .map(|s| s.obj_type())
        .filter(|x| !x.is_null())
        .unwrap_or_else(none))
}

fn super_self(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.downcast_ref::<SuperObject>()
        .map(|s| s.obj())
        .filter(|x| !x.is_null())
        .unwrap_or_else(none))
}

pub(crate) fn init() {
    let s = FUNCTION_TYPE.get().slots_mut();
    s.new = Some(function_new);
    s.repr = Some(function_repr);
    s.descr_get = Some(function_get);
    s.call = Some(function_call);
    add_getset(
        &FUNCTION_TYPE,
        "__defaults__",
        func_defaults_get,
        Some(func_defaults_set),
    );
    add_getset(
        &FUNCTION_TYPE,
        "__kwdefaults__",
        func_kwdefaults_get,
        Some(func_kwdefaults_set),
    );
    add_getset(&FUNCTION_TYPE, "__doc__", func_doc_get, Some(func_doc_set));
    add_getset(&FUNCTION_TYPE, "__module__", func_module_get, Some(func_module_set));
    add_getset(&FUNCTION_TYPE, "__name__", func_name_get, Some(func_name_set));
    add_getset(
        &FUNCTION_TYPE,
        "__qualname__",
        func_qualname_get,
        Some(func_qualname_set),
    );
    add_getset(&FUNCTION_TYPE, "__code__", func_code_get, Some(func_code_set));
    add_getset(&FUNCTION_TYPE, "__globals__", func_globals_get, Some(readonly_member_set));
    add_getset(&FUNCTION_TYPE, "__builtins__", func_builtins_get, Some(readonly_member_set));
    add_getset(&FUNCTION_TYPE, "__closure__", func_closure_get, Some(readonly_member_set));
    add_getset(
        &FUNCTION_TYPE,
        "__annotations__",
        func_annotations_get,
        Some(func_annotations_set),
    );
    add_getset(&FUNCTION_TYPE, "__dict__", func_dict_get, Some(crate::types::object_ty::object_dict_set));

    let s = METHOD_TYPE.get().slots_mut();
    s.call = Some(method_call);
    s.repr = Some(method_repr);
    s.richcompare = Some(method_richcompare);
    s.hash = Some(method_hash);
    s.getattro = method_getattro;
    s.new = Some(method_new);
    add_getset(&METHOD_TYPE, "__func__", method_func, None);
    add_getset(&METHOD_TYPE, "__self__", method_self, None);
    add_getset(&METHOD_TYPE, "__doc__", method_doc, None);

    let s = BUILTIN_FUNCTION_TYPE.get().slots_mut();
    s.call = Some(builtin_call);
    s.repr = Some(builtin_repr);
    s.richcompare = Some(builtin_richcompare);
    s.hash = Some(builtin_hash);
    add_getset(&BUILTIN_FUNCTION_TYPE, "__name__", builtin_name, None);
    add_getset(&BUILTIN_FUNCTION_TYPE, "__qualname__", builtin_qualname, None);
    add_getset(&BUILTIN_FUNCTION_TYPE, "__self__", builtin_self, None);
    add_getset(&BUILTIN_FUNCTION_TYPE, "__module__", builtin_module, None);
    add_method(&BUILTIN_FUNCTION_TYPE, "__reduce__", builtin_reduce);

    let s = METHOD_DESCR_TYPE.get().slots_mut();
    s.descr_get = Some(method_descr_get);
    s.call = Some(method_descr_call);
    s.repr = Some(method_descr_repr);
    let s = CLASSMETHOD_DESCR_TYPE.get().slots_mut();
    s.descr_get = Some(classmethod_descr_get);
    s.call = Some(classmethod_descr_call);
    s.repr = Some(method_descr_repr);
    let s = SLOT_WRAPPER_TYPE.get().slots_mut();
    s.descr_get = Some(slot_wrapper_get);
    s.call = Some(slot_wrapper_call);
    s.repr = Some(slot_wrapper_repr);
    let s = METHOD_WRAPPER_TYPE.get().slots_mut();
    s.call = Some(method_wrapper_call);
    s.repr = Some(method_wrapper_repr);
    s.richcompare = Some(method_wrapper_richcompare);
    s.hash = Some(method_wrapper_hash);
    add_getset(&METHOD_WRAPPER_TYPE, "__doc__", method_wrapper_doc, None);
    add_getset(&METHOD_WRAPPER_TYPE, "__name__", method_wrapper_name, None);
    add_getset(&METHOD_WRAPPER_TYPE, "__qualname__", method_wrapper_qualname, None);
    add_getset(&METHOD_WRAPPER_TYPE, "__objclass__", method_wrapper_objclass, None);
    add_getset(&METHOD_WRAPPER_TYPE, "__self__", method_wrapper_self, None);
    add_method(&METHOD_WRAPPER_TYPE, "__reduce__", method_wrapper_reduce);
    add_getset(&SLOT_WRAPPER_TYPE, "__doc__", slot_wrapper_doc, None);
    let s = GETSET_DESCR_TYPE.get().slots_mut();
    s.descr_get = Some(getset_get);
    s.descr_set = Some(getset_set);
    s.repr = Some(getset_repr);
    for st in [
        &METHOD_DESCR_TYPE,
        &CLASSMETHOD_DESCR_TYPE,
        &SLOT_WRAPPER_TYPE,
        &GETSET_DESCR_TYPE,
    ] {
        add_getset(st, "__name__", descr_name, None);
        add_getset(st, "__qualname__", descr_qualname, None);
        add_getset(st, "__objclass__", descr_objclass, None);
    }
    // CPython gives classmethod and getset descriptors none.
    add_method(&METHOD_DESCR_TYPE, "__reduce__", descr_reduce);
    add_method(&SLOT_WRAPPER_TYPE, "__reduce__", descr_reduce);

    let s = PROPERTY_TYPE.get().slots_mut();
    s.new = Some(property_new);
    s.init = Some(property_init);
    s.descr_get = Some(property_get);
    s.descr_set = Some(property_set);
    add_method(&PROPERTY_TYPE, "getter", property_getter);
    add_method(&PROPERTY_TYPE, "setter", property_setter);
    add_method(&PROPERTY_TYPE, "deleter", property_deleter);
    add_method(&PROPERTY_TYPE, "__set_name__", property_set_name);
    add_getset(&PROPERTY_TYPE, "fget", property_fget, Some(readonly_member_set));
    add_getset(&PROPERTY_TYPE, "fset", property_fset, Some(readonly_member_set));
    add_getset(&PROPERTY_TYPE, "fdel", property_fdel, Some(readonly_member_set));
    add_getset(&PROPERTY_TYPE, "__doc__", property_doc, Some(property_doc_set));
    add_getset(&PROPERTY_TYPE, "__isabstractmethod__", property_isabstract, None);

    for st in [&STATICMETHOD_TYPE, &CLASSMETHOD_TYPE] {
        let s = st.get().slots_mut();
        s.new = Some(fw_new);
        s.init = Some(fw_init);
        s.repr = Some(fw_repr);
        add_getset(st, "__func__", fw_func, Some(readonly_member_set));
        add_getset(st, "__wrapped__", fw_func, Some(readonly_member_set));
        add_getset(st, "__isabstractmethod__", fw_isabstract, None);
        add_getset(st, "__dict__", func_dict_get, Some(crate::types::object_ty::object_dict_set));
    }
    let s = STATICMETHOD_TYPE.get().slots_mut();
    s.descr_get = Some(staticmethod_get);
    s.call = Some(staticmethod_call);
    CLASSMETHOD_TYPE.get().slots_mut().descr_get = Some(classmethod_get);

    crate::objects::code::init_type();

    let s = CELL_TYPE.get().slots_mut();
    s.new = Some(cell_new);
    s.repr = Some(cell_repr);
    add_getset(&CELL_TYPE, "cell_contents", cell_contents, Some(cell_contents_set));

    let s = MODULE_TYPE.get().slots_mut();
    s.repr = Some(module_repr);
    s.getattro = crate::attr::module_getattr;
    s.setattro = Some(crate::attr::module_setattr);
    s.new = Some(module_new);
    s.init = Some(module_init);
    add_getset(&MODULE_TYPE, "__dict__", module_dict, None);
    add_method(&MODULE_TYPE, "__dir__", module_dir);

    let s = SUPER_TYPE.get().slots_mut();
    s.new = Some(super_new);
    s.init = Some(super_init);
    s.getattro = super_getattro;
    s.repr = Some(super_repr);
    s.descr_get = Some(super_get);
    add_getset(&SUPER_TYPE, "__thisclass__", super_thisclass, Some(readonly_member_set));
    add_getset(&SUPER_TYPE, "__self__", super_self, Some(readonly_member_set));
    add_getset(&SUPER_TYPE, "__self_class__", super_self_class, Some(readonly_member_set));

    crate::exception::init_traceback_type();
    crate::docstrings::init_types();
    let _ = (default_repr, split_kwargs);
}

// ---- generator: methods live in objects/generator.rs ----

pub(crate) fn init_generator() {
    crate::objects::generator::init_type();
}

// ---- member descriptors (__slots__) ----

/// CPython's descr_check for a member's `__get__`/`__set__`.
fn member_applies(vm: &mut Vm, m: &MemberDescr, o: &Value) -> PyResult<()> {
    if type_of(o).is_subtype(m.owner()) {
        return Ok(());
    }
    let msg = format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        display_lossy(&m.name),
        m.owner().tp_name(),
        vm.type_name(o)
    );
    Err(vm.type_error(msg))
}

fn member_get(vm: &mut Vm, d: &Value, obj: Option<&Value>, _owner: &Value) -> PyResult<Value> {
    let Some(m) = d.downcast_ref::<MemberDescr>() else {
        return Ok(d.clone());
    };
    let Some(o) = obj else { return Ok(d.clone()) };
    member_applies(vm, m, o)?;
    let Some(ix) = m.slot() else {
        return match m.native {
            Some(native) => (native.get)(vm, o),
            None => Ok(none()),
        };
    };
    let name = m.name.clone();
    match crate::instance::slot_get(o, ix) {
        Some(v) => Ok(v),
        None => Err(vm.attribute_error(o, &name)),
    }
}

fn member_set(vm: &mut Vm, d: &Value, obj: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(m) = d.downcast_ref::<MemberDescr>() else {
        return Ok(());
    };
    member_applies(vm, m, obj)?;
    let Some(ix) = m.slot() else {
        return match m.native.and_then(|n| n.set) {
            Some(set) => set(vm, obj, value),
            None => Err(vm.new_error(ExcKind::AttributeError, "readonly attribute")),
        };
    };
    let name = m.name.clone();
    let deleting = value.is_none();
    let Ok(old) = crate::instance::slot_replace(obj, ix, value.unwrap_or(Value::NULL)) else {
        return Err(vm.attribute_error(obj, &name));
    };
    let existed = !old.is_null();
    drop(old);
    if deleting && !existed {
        return Err(vm.new_error(ExcKind::AttributeError, display_lossy(&name)));
    }
    Ok(())
}

fn member_repr(vm: &mut Vm, d: &Value) -> PyResult<Value> {
    let Some(m) = d.downcast_ref::<MemberDescr>() else {
        return Ok(none());
    };
    Ok(vm.new_str(&format!(
        "<member '{}' of '{}' objects>",
        display_lossy(&m.name),
        m.owner().tp_name()
    )))
}

fn member_name(_vm: &mut Vm, d: &Value) -> PyResult<Value> {
    Ok(d.downcast_ref::<MemberDescr>().map_or_else(none, |m| m.name.clone()))
}

fn member_qualname(vm: &mut Vm, d: &Value) -> PyResult<Value> {
    let Some(m) = d.downcast_ref::<MemberDescr>() else {
        return Ok(none());
    };
    let owner = display_lossy(m.owner().qualname());
    Ok(vm.new_str(&format!("{}.{}", owner, display_lossy(&m.name))))
}

fn member_objclass(_vm: &mut Vm, d: &Value) -> PyResult<Value> {
    Ok(d.downcast_ref::<MemberDescr>().map_or_else(none, |m| m.owner().as_value()))
}

/// A builtin member's doc is CPython's; a `__slots__` entry has none.
fn member_doc(vm: &mut Vm, d: &Value) -> PyResult<Value> {
    match d.downcast_ref::<MemberDescr>() {
        Some(m) if m.slot().is_none() => crate::docstrings::descr_doc(vm, d),
        _ => Ok(none()),
    }
}

/// `member_descriptor.__reduce__` and the other descriptors':
/// `getattr(objclass, name)` (CPython's descr_reduce).
pub(crate) fn descr_reduce(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "__reduce__", kw)?;
    let [d] = ArgSpec::exact::<1>(vm, "__reduce__", args, 0)?;
    let objclass = vm.getattr_str(&d, "__objclass__")?;
    let name = vm.getattr_str(&d, "__name__")?;
    let getattr = vm.builtins_dict().get_str_key("getattr").unwrap_or_else(none);
    Ok(crate::objects::tuple::new_tuple(vec![
        getattr,
        crate::objects::tuple::new_tuple(vec![objclass, name]),
    ]))
}

pub(crate) fn init_member() {
    let s = MEMBER_DESCR_TYPE.get().slots_mut();
    s.descr_get = Some(member_get);
    s.descr_set = Some(member_set);
    s.repr = Some(member_repr);
    add_getset(&MEMBER_DESCR_TYPE, "__name__", member_name, None);
    add_getset(&MEMBER_DESCR_TYPE, "__qualname__", member_qualname, None);
    add_getset(&MEMBER_DESCR_TYPE, "__objclass__", member_objclass, None);
    add_getset(&MEMBER_DESCR_TYPE, "__doc__", member_doc, None);
    add_method(&MEMBER_DESCR_TYPE, "__reduce__", descr_reduce);
}

/// `types.MethodType(function, instance)` (needed by `weakref.WeakMethod`).
fn method_new(vm: &mut Vm, _cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "method", kwnames)?;
    let [func, inst] = ArgSpec::exact::<2>(vm, "method", args, 0)?;
    if type_of(&func).slots().call.is_none() {
        return Err(vm.type_error("first argument must be callable"));
    }
    if inst.is_none() {
        return Err(vm.type_error("instance must not be None"));
    }
    Ok(crate::objects::function::new_bound_method(func, inst))
}
