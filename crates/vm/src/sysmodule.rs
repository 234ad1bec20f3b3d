//! A first `sys` module: the parts the VM itself owns (recursion limit,
//! exception state, int digit limit, modules). The full module comes with the
//! native-modules work.

use crate::args::{check_no_kwargs, ArgSpec};
use crate::exception::{ExcKind, ExceptionObject, PyErr, PyResult};
use crate::objects::descr::new_builtin_function;
use crate::objects::dict::DictObject;
use crate::objects::list::new_list;
use crate::objects::module::{new_module, ModuleObject};
use crate::objects::singletons::none;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::typeobj::{type_of, KwNames, NativeFn};
use crate::value::Value;
use crate::vm::Vm;

fn getrecursionlimit(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "getrecursionlimit", kw)?;
    ArgSpec::range(vm, "getrecursionlimit", args, 0, 0, 0)?;
    Ok(Value::int(vm.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "setrecursionlimit", kw)?;
    let [n] = ArgSpec::exact::<1>(vm, "setrecursionlimit", args, 0)?;
    if crate::objects::float::as_float(&n).is_some() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.index_i64(&n)?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    if (n as usize) <= vm.depth {
        let msg = format!(
            "cannot set the recursion limit to {n} at the recursion depth {}: the limit is too low",
            vm.depth
        );
        return Err(vm.new_error(ExcKind::RecursionError, msg));
    }
    vm.recursion_limit = n.min(1 << 30) as usize;
    Ok(none())
}

fn exc_info(vm: &mut Vm, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let e = vm.exc_info.clone();
    if e.is_null() || e.is_none() {
        return Ok(new_tuple(vec![none(), none(), none()]));
    }
    let tb = e
        .downcast_ref::<ExceptionObject>()
        .map(|x| x.traceback())
        .filter(|t| !t.is_null())
        .unwrap_or_else(none);
    Ok(new_tuple(vec![type_of(&e).as_value(), e.clone(), tb]))
}

fn exception(vm: &mut Vm, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let e = vm.exc_info.clone();
    Ok(if e.is_null() { none() } else { e })
}

fn get_int_max_str_digits(vm: &mut Vm, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    Ok(Value::int(vm.int_max_str_digits as i64))
}

fn set_int_max_str_digits(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "set_int_max_str_digits", args, kwnames, &["maxdigits"], 1, 1)?;
    let n = vm.index_i64(a[0].as_ref().unwrap_or(&none()))?;
    if n != 0 && n < 640 {
        return Err(vm.value_error("maxdigits must be 0 or larger than 640"));
    }
    vm.int_max_str_digits = n as usize;
    Ok(none())
}

fn getrefcount(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [x] = ArgSpec::exact::<1>(vm, "getrefcount", args, 0)?;
    let n = crate::object::refcount(&x).unwrap_or(1 << 30);
    Ok(Value::int(n.min(1 << 40) as i64))
}

fn intern(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [s] = ArgSpec::exact::<1>(vm, "intern", args, 0)?;
    if !crate::typeobj::is_exact(&s, &crate::typeobj::STR_TYPE) {
        let msg = format!("intern() argument must be str, not {}", vm.type_name(&s));
        return Err(vm.type_error(msg));
    }
    Ok(crate::objects::str::intern_value(&s))
}

fn exit(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let e = vm.call(&crate::exception::exc_type_value(ExcKind::SystemExit), args, None)?;
    Err(PyErr::new(e))
}

pub fn make_sys_module(vm: &mut Vm, argv: &[String]) -> Value {
    let m = new_module("sys");
    let Some(d) = m.downcast_ref::<ModuleObject>().map(|m| m.dict_value()) else {
        return m;
    };
    let Some(dict) = d.downcast_ref::<DictObject>() else {
        return m;
    };
    let funcs: &[(&'static str, NativeFn)] = &[
        ("getrecursionlimit", getrecursionlimit),
        ("setrecursionlimit", setrecursionlimit),
        ("exc_info", exc_info),
        ("exception", exception),
        ("get_int_max_str_digits", get_int_max_str_digits),
        ("set_int_max_str_digits", set_int_max_str_digits),
        ("getrefcount", getrefcount),
        ("intern", intern),
        ("exit", exit),
    ];
    for (name, f) in funcs {
        dict.insert_str_key(name, new_builtin_function(name, *f, Some("sys")));
    }
    // The standard streams are `_io` objects (modules/_io).
    if let Ok([stdin, stdout, stderr]) = crate::modules::_io::make_std_streams(vm) {
        for (name, v) in [("stdin", stdin), ("stdout", stdout), ("stderr", stderr)] {
            dict.insert_str_key(name, v.clone());
            dict.insert_str_key(&format!("__{name}__"), v);
        }
    }
    dict.insert_str_key("maxsize", Value::int(i64::MAX));
    dict.insert_str_key(
        "byteorder",
        new_str(if cfg!(target_endian = "little") {
            "little"
        } else {
            "big"
        }),
    );
    dict.insert_str_key(
        "platform",
        new_str(if cfg!(target_os = "linux") {
            "linux"
        } else {
            std::env::consts::OS
        }),
    );
    dict.insert_str_key("argv", new_list(argv.iter().map(|a| new_str(a)).collect()));
    dict.insert_str_key("modules", vm.modules.clone());
    dict.insert_str_key(
        "version_info",
        new_tuple(vec![
            Value::int(3),
            Value::int(11),
            Value::int(7),
            new_str("final"),
            Value::int(0),
        ]),
    );
    dict.insert_str_key("hexversion", Value::int(0x030B07F0));
    dict.insert_str_key(
        "builtin_module_names",
        new_tuple(
            crate::modules::builtin_module_names()
                .into_iter()
                .map(new_str)
                .collect(),
        ),
    );
    if let Some(mods) = vm.modules.downcast_ref::<DictObject>() {
        mods.insert_str_key("sys", m.clone());
    }
    m
}
