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

/// `sys.stdout` / `sys.stderr`: minimal text streams writing through the VM's
/// buffered output (the full `io` stack comes with the native modules).
pub(crate) static STREAM_TYPE: crate::typeobj::StaticType = crate::typeobj::StaticType::new();

fn stream_fd(v: &Value) -> i64 {
    v.downcast_ref::<crate::objects::iter::NativeIter>()
        .map_or(1, |n| n.n.get())
}

fn stream_write(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "write", kw)?;
    let [s, text] = ArgSpec::exact::<2>(vm, "write", args, 1)?;
    let Some(t) = text.downcast_ref::<crate::objects::str::StrObject>() else {
        let msg = format!("write() argument must be str, not {}", vm.type_name(&text));
        return Err(vm.type_error(msg));
    };
    if t.to_utf8().is_none() {
        let pos = t.code_points().position(|c| (0xD800..0xE000).contains(&c)).unwrap_or(0);
        let msg = format!(
            "'utf-8' codec can't encode character '\\u{:04x}' in position {}: surrogates not allowed",
            t.get(pos),
            pos
        );
        return Err(vm.new_error(ExcKind::UnicodeEncodeError, msg));
    }
    let bytes = t.to_generalized_utf8();
    if stream_fd(&s) == 2 {
        vm.write_stderr(&bytes);
    } else {
        vm.write_stdout(&bytes);
    }
    Ok(Value::int(t.len() as i64))
}

fn stream_flush(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    if args.first().map_or(1, stream_fd) == 1 {
        vm.flush_stdout();
    }
    Ok(none())
}

fn stream_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let name = if stream_fd(v) == 2 { "<stderr>" } else { "<stdout>" };
    Ok(new_str(&format!(
        "<_io.TextIOWrapper name='{name}' mode='w' encoding='utf-8'>"
    )))
    .map(|s| {
        let _ = vm;
        s
    })
}

fn stream_true(_vm: &mut Vm, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    Ok(Value::bool(true))
}

fn stream_fileno(_vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    Ok(Value::int(args.first().map_or(1, stream_fd)))
}

pub(crate) fn init_stream_type() {
    use crate::typeobj::{type_flags, OBJECT_TYPE};
    // SAFETY: start-up, once.
    unsafe {
        STREAM_TYPE.init(
            crate::object::LayoutKind::NativeIter,
            type_flags::BASETYPE,
            Some(&OBJECT_TYPE),
        )
    };
    crate::typeinit::finish_static(STREAM_TYPE.get(), "TextIOWrapper");
    let s = STREAM_TYPE.get().slots_mut();
    *s = *OBJECT_TYPE.get().slots();
    s.new = None;
    s.init = None;
    s.repr = Some(stream_repr);
    crate::typeinit::add_method(&STREAM_TYPE, "write", stream_write);
    crate::typeinit::add_method(&STREAM_TYPE, "flush", stream_flush);
    crate::typeinit::add_method(&STREAM_TYPE, "writable", stream_true);
    crate::typeinit::add_method(&STREAM_TYPE, "fileno", stream_fileno);
}

/// Whether `v` is the VM's own stdout stream (print writes to it directly).
pub(crate) fn is_native_stdout(v: &Value) -> bool {
    crate::typeobj::is_exact(v, &STREAM_TYPE) && stream_fd(v) == 1
}

impl Vm {
    /// Sets `sys.argv` (the CLI passes the script path and its arguments).
    pub fn set_argv(&mut self, argv: &[String]) {
        let list = new_list(argv.iter().map(|a| new_str(a)).collect());
        if let Some(sys) = self.modules.downcast_ref::<DictObject>().and_then(|m| m.get_str_key("sys")) {
            if let Some(m) = sys.downcast_ref::<ModuleObject>() {
                m.dict().insert_str_key("argv", list);
            }
        }
    }
}

/// `sys.displayhook(o)`: prints `repr(o)` on sys.stdout and keeps it in `builtins._`.
fn displayhook(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "displayhook", kw)?;
    let [o] = ArgSpec::exact::<1>(vm, "displayhook", args, 0)?;
    if o.is_none() {
        return Ok(none());
    }
    let builtins = vm.builtins.clone();
    let underscore = vm.intern("_");
    vm.setattr(&builtins, &underscore, none())?;
    let text = vm.repr(&o)?;
    let out = sys_attr(vm, "stdout");
    match out {
        Some(out) if !out.is_none() => {
            vm.call_method(&out, "write", &[text])?;
            vm.call_method(&out, "write", &[new_str("\n")])?;
        }
        _ => return Err(vm.new_error(ExcKind::RuntimeError, "lost sys.stdout")),
    }
    vm.setattr(&builtins, &underscore, o)?;
    Ok(none())
}

/// `sys.<name>` as the program left it.
pub(crate) fn sys_attr(vm: &Vm, name: &str) -> Option<Value> {
    let sys = vm.modules.downcast_ref::<DictObject>()?.get_str_key("sys")?;
    let m = sys.downcast_ref::<ModuleObject>()?;
    m.dict().get_str_key(name)
}

/// `PRINT_EXPR` (interactive and 'single' code): hands the value to sys.displayhook.
pub(crate) fn call_displayhook(vm: &mut Vm, value: Value) -> PyResult<()> {
    let Some(hook) = sys_attr(vm, "displayhook") else {
        return Err(vm.new_error(ExcKind::RuntimeError, "lost sys.displayhook"));
    };
    vm.call1(&hook, value)?;
    Ok(())
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
        ("displayhook", displayhook),
        ("_getframe", crate::frame::sys_getframe),
    ];
    for (name, f) in funcs {
        dict.insert_str_key(name, new_builtin_function(name, *f, Some("sys")));
    }
    let stdout = crate::objects::iter::NativeIter::new(&STREAM_TYPE, Value::NULL, Value::NULL, Vec::new(), 1);
    let stderr = crate::objects::iter::NativeIter::new(&STREAM_TYPE, Value::NULL, Value::NULL, Vec::new(), 2);
    dict.insert_str_key("stdout", stdout.clone());
    dict.insert_str_key("__stdout__", stdout);
    dict.insert_str_key("stderr", stderr.clone());
    dict.insert_str_key("__stderr__", stderr);
    if let Some(hook) = dict.get_str_key("displayhook") {
        dict.insert_str_key("__displayhook__", hook);
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
