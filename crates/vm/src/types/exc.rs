//! BaseException and the behaviour particular builtin exceptions add
//! (StopIteration.value, SystemExit.code, KeyError's str, AttributeError and
//! NameError's `name`, OSError's errno/strerror, ImportError's name/path).

use crate::args::split_kwargs;
use crate::exception::{exc_type, new_exception, ExcKind, ExceptionObject, PyErr, PyResult};
use crate::objects::dict::DictObject;
use crate::objects::list::{new_list, ListObject};
use crate::objects::singletons::none;
use crate::objects::str::{intern, StrObject};
use crate::objects::tuple::{empty_tuple, new_tuple, TupleObject};
use crate::typeinit::{add_getset_to, add_method_to};
use crate::typeobj::*;
use crate::value::Value;
use crate::vm::Vm;

fn exc_of(v: &Value) -> Option<&ExceptionObject> {
    v.downcast_ref::<ExceptionObject>()
}

fn args_items(v: &Value) -> Vec<Value> {
    exc_of(v)
        .map(|e| e.args())
        .and_then(|a| a.downcast_ref::<TupleObject>().map(|t| t.items().to_vec()))
        .unwrap_or_default()
}

fn set_attr_raw(obj: &Value, name: &str, v: Value) {
    if let Some(d) = crate::attr::instance_dict(obj) {
        if let Some(dd) = d.downcast_ref::<DictObject>() {
            dd.insert_str_key(name, v);
        }
    }
}

fn exc_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let Some(t) = cls.downcast_ref::<TypeObject>() else {
        return Err(vm.type_error("exception class required"));
    };
    let (pos, _kw) = split_kwargs(args, kwnames);
    // OSError(errno, strerror, ...) makes the subclass for that errno (Linux numbers).
    let mut t = t;
    if std::ptr::eq(t, exc_type(ExcKind::OSError)) && (2..=5).contains(&pos.len()) {
        if let Some(errno) = pos[0].as_small_int() {
            let kind = match errno {
                11 | 114 | 115 => Some(ExcKind::BlockingIOError),
                10 => Some(ExcKind::ChildProcessError),
                32 | 108 => Some(ExcKind::BrokenPipeError),
                103 => Some(ExcKind::ConnectionAbortedError),
                111 => Some(ExcKind::ConnectionRefusedError),
                104 => Some(ExcKind::ConnectionResetError),
                17 => Some(ExcKind::FileExistsError),
                2 => Some(ExcKind::FileNotFoundError),
                21 => Some(ExcKind::IsADirectoryError),
                20 => Some(ExcKind::NotADirectoryError),
                4 => Some(ExcKind::InterruptedError),
                1 | 13 => Some(ExcKind::PermissionError),
                3 => Some(ExcKind::ProcessLookupError),
                110 => Some(ExcKind::TimeoutError),
                _ => None,
            };
            if let Some(k) = kind {
                t = exc_type(k);
            }
        }
    }
    Ok(new_exception(t, new_tuple(pos.to_vec())))
}

/// SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset])).
fn syntax_error_init(vm: &mut Vm, obj: &Value, pos: &[Value]) -> PyResult<()> {
    if let Some(msg) = pos.first() {
        set_attr_raw(obj, "msg", msg.clone());
    }
    if pos.len() != 2 {
        return Ok(());
    }
    let info = vm.collect(&pos[1])?;
    if !(4..=6).contains(&info.len()) {
        let msg = if info.len() < 4 {
            format!("function takes at least 4 arguments ({} given)", info.len())
        } else {
            format!("function takes at most 6 arguments ({} given)", info.len())
        };
        return Err(vm.type_error(msg));
    }
    if info.len() == 5 {
        return Err(vm.type_error("end_offset must be provided when end_lineno is provided"));
    }
    let names = ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"];
    for (name, v) in names.iter().zip(info) {
        set_attr_raw(obj, name, v);
    }
    Ok(())
}

fn exc_init(vm: &mut Vm, obj: &Value, args: &[Value], kwnames: KwNames) -> PyResult<()> {
    let (pos, kw) = split_kwargs(args, kwnames);
    let t = type_of(obj);
    let accepts_kw = [
        ExcKind::ImportError,
        ExcKind::ModuleNotFoundError,
        ExcKind::AttributeError,
        ExcKind::NameError,
    ]
    .iter()
    .any(|k| t.is_subtype(exc_type(*k)));
    if !kw.is_empty() && !accepts_kw && !t.is_heap_type() {
        let msg = format!("{}() takes no keyword arguments", t.name_string());
        return Err(vm.type_error(msg));
    }
    if let Some(e) = exc_of(obj) {
        e.set_args(new_tuple(pos.to_vec()));
    }
    // Subclass-specific attributes.
    if t.is_subtype(exc_type(ExcKind::StopIteration)) {
        set_attr_raw(obj, "value", pos.first().cloned().unwrap_or_else(none));
    } else if t.is_subtype(exc_type(ExcKind::SystemExit)) {
        let code = match pos.len() {
            0 => none(),
            1 => pos[0].clone(),
            _ => new_tuple(pos.to_vec()),
        };
        set_attr_raw(obj, "code", code);
    } else if t.is_subtype(exc_type(ExcKind::ImportError)) {
        let mut name = none();
        let mut path = none();
        for (k, v) in &kw {
            match crate::objects::str::display_lossy(k).as_str() {
                "name" => name = (*v).clone(),
                "path" => path = (*v).clone(),
                other => {
                    let msg = format!("'{other}' is an invalid keyword argument for ImportError()");
                    return Err(vm.type_error(msg));
                }
            }
        }
        set_attr_raw(obj, "name", name);
        set_attr_raw(obj, "path", path);
        set_attr_raw(obj, "msg", if pos.len() == 1 { pos[0].clone() } else { none() });
    } else if t.is_subtype(exc_type(ExcKind::AttributeError)) || t.is_subtype(exc_type(ExcKind::NameError)) {
        let mut name = none();
        let mut objv = none();
        for (k, v) in &kw {
            match crate::objects::str::display_lossy(k).as_str() {
                "name" => name = (*v).clone(),
                "obj" if t.is_subtype(exc_type(ExcKind::AttributeError)) => objv = (*v).clone(),
                other => {
                    let msg = format!("'{other}' is an invalid keyword argument for {}()", t.name_string());
                    return Err(vm.type_error(msg));
                }
            }
        }
        set_attr_raw(obj, "name", name);
        if t.is_subtype(exc_type(ExcKind::AttributeError)) {
            set_attr_raw(obj, "obj", objv);
        }
    } else if t.is_subtype(exc_type(ExcKind::SyntaxError)) {
        syntax_error_init(vm, obj, pos)?;
    } else if t.is_subtype(exc_type(ExcKind::OSError)) {
        let (errno, strerror, filename) = if (2..=5).contains(&pos.len()) {
            (pos[0].clone(), pos[1].clone(), pos.get(2).cloned().unwrap_or_else(none))
        } else {
            (none(), none(), none())
        };
        set_attr_raw(obj, "errno", errno);
        set_attr_raw(obj, "strerror", strerror);
        set_attr_raw(obj, "filename", filename);
        let filename2 = if pos.len() == 5 { pos[4].clone() } else { none() };
        set_attr_raw(obj, "filename2", filename2);
        if (2..=5).contains(&pos.len()) {
            if let Some(e) = exc_of(obj) {
                e.set_args(new_tuple(pos[..2].to_vec()));
            }
        }
    }
    Ok(())
}

fn exc_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let args = args_items(v);
    let t = type_of(v);
    if t.is_subtype(exc_type(ExcKind::KeyError)) && args.len() == 1 {
        return vm.repr(&args[0]);
    }
    if t.is_subtype(exc_type(ExcKind::SyntaxError)) {
        // `msg (file.py, line N)` with the file's base name, as CPython's SyntaxError_str.
        // An unset `msg` reads as None (a NULL member in CPython).
        {
            let msg = crate::attr::instance_get(v, &intern("msg")).unwrap_or_else(crate::objects::singletons::none);
            let text = vm.str_string(&msg)?;
            let file = crate::attr::instance_get(v, &intern("filename"))
                .filter(|f| f.downcast_ref::<StrObject>().is_some())
                .map(|f| crate::objects::str::display_lossy(&f));
            let file = file.map(|f| f.rsplit('/').next().unwrap_or("").to_string());
            // Only an exact int counts (PyLong_CheckExact: not a bool).
            let line = crate::attr::instance_get(v, &intern("lineno"))
                .filter(|l| crate::typeobj::is_exact(l, &crate::typeobj::INT_TYPE))
                .and_then(|l| l.as_small_int());
            let s = match (file, line) {
                (Some(f), Some(l)) => format!("{text} ({f}, line {l})"),
                (Some(f), None) => format!("{text} ({f})"),
                (None, Some(l)) => format!("{text} (line {l})"),
                (None, None) => text,
            };
            return Ok(vm.new_str(&s));
        }
    }
    if t.is_subtype(exc_type(ExcKind::OSError)) {
        let d = crate::attr::instance_get(v, &intern("errno"));
        let s = crate::attr::instance_get(v, &intern("strerror"));
        if let (Some(errno), Some(strerror)) = (d, s) {
            if !errno.is_none() && !strerror.is_none() {
                let es = vm.str_string(&errno)?;
                let ss = vm.str_string(&strerror)?;
                let f = crate::attr::instance_get(v, &intern("filename")).filter(|f| !f.is_none());
                let f2 = crate::attr::instance_get(v, &intern("filename2")).filter(|f| !f.is_none());
                let text = match (f, f2) {
                    (Some(f), Some(f2)) => {
                        format!("[Errno {es}] {ss}: {} -> {}", vm.repr_string(&f)?, vm.repr_string(&f2)?)
                    }
                    (Some(f), None) => format!("[Errno {es}] {ss}: {}", vm.repr_string(&f)?),
                    _ => format!("[Errno {es}] {ss}"),
                };
                return Ok(vm.new_str(&text));
            }
        }
    }
    match args.len() {
        0 => Ok(vm.new_str("")),
        1 => vm.str(&args[0]),
        _ => {
            let t = new_tuple(args);
            vm.str(&t)
        }
    }
}

fn exc_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let args = args_items(v);
    let name = type_of(v).name_string();
    let text = if args.len() == 1 {
        format!("{name}({})", vm.repr_string(&args[0])?)
    } else {
        let t = new_tuple(args);
        format!("{name}{}", vm.repr_string(&t)?)
    };
    Ok(vm.new_str(&text))
}

fn exc_args_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(exc_of(v).map(|e| e.args()).unwrap_or_else(empty_tuple))
}

fn exc_args_set(vm: &mut Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(val) = value else {
        return Err(vm.type_error("args may not be deleted"));
    };
    let items = vm.collect(&val)?;
    if let Some(e) = exc_of(v) {
        e.set_args(new_tuple(items));
    }
    Ok(())
}

fn or_none(v: Value) -> Value {
    if v.is_null() {
        none()
    } else {
        v
    }
}

fn exc_tb_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(or_none(exc_of(v).map(|e| e.traceback()).unwrap_or(Value::NULL)))
}

fn exc_tb_set(vm: &mut Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(val) = value else {
        return Err(vm.type_error("__traceback__ may not be deleted"));
    };
    if !val.is_none() && val.downcast_ref::<crate::exception::TracebackObject>().is_none() {
        return Err(vm.type_error("__traceback__ must be a traceback or None"));
    }
    if let Some(e) = exc_of(v) {
        e.set_traceback(if val.is_none() { Value::NULL } else { val });
    }
    Ok(())
}

fn exc_cause_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(or_none(exc_of(v).map(|e| e.cause()).unwrap_or(Value::NULL)))
}

fn check_exc_or_none(vm: &mut Vm, val: &Value, what: &str) -> PyResult<()> {
    if !val.is_none() && !type_of(val).is_subtype(exc_type(ExcKind::BaseException)) {
        return Err(vm.type_error(format!("exception {what} must be None or derive from BaseException")));
    }
    Ok(())
}

fn exc_cause_set(vm: &mut Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(val) = value else {
        return Err(vm.type_error("__cause__ may not be deleted"));
    };
    check_exc_or_none(vm, &val, "cause")?;
    if let Some(e) = exc_of(v) {
        e.set_cause(if val.is_none() { Value::NULL } else { val });
        e.suppress_context.set(true);
    }
    Ok(())
}

fn exc_context_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(or_none(exc_of(v).map(|e| e.context()).unwrap_or(Value::NULL)))
}

fn exc_context_set(vm: &mut Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(val) = value else {
        return Err(vm.type_error("__context__ may not be deleted"));
    };
    check_exc_or_none(vm, &val, "context")?;
    if let Some(e) = exc_of(v) {
        e.set_context(if val.is_none() { Value::NULL } else { val });
    }
    Ok(())
}

fn exc_suppress_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::bool(exc_of(v).is_some_and(|e| e.suppress_context.get())))
}

fn exc_suppress_set(vm: &mut Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let b = match value {
        Some(x) => vm.is_true(&x)?,
        None => false,
    };
    if let Some(e) = exc_of(v) {
        e.suppress_context.set(b);
    }
    Ok(())
}

fn exc_dict_get(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    crate::attr::instance_dict(v).ok_or_else(|| vm.type_error("no __dict__"))
}

fn exc_with_traceback(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [e, tb] = crate::args::ArgSpec::exact::<2>(vm, "with_traceback", args, 1)?;
    exc_tb_set(vm, &e, Some(tb))?;
    Ok(e)
}

fn exc_add_note(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [e, note] = crate::args::ArgSpec::exact::<2>(vm, "add_note", args, 1)?;
    if note.downcast_ref::<StrObject>().is_none() {
        let msg = format!("note must be a str, not '{}'", vm.type_name(&note));
        return Err(vm.type_error(msg));
    }
    let key = intern("__notes__");
    let notes = match crate::attr::instance_get(&e, &key) {
        Some(n) => n,
        None => {
            let l = new_list(Vec::new());
            crate::attr::instance_set(vm, &e, &key, Some(l.clone()))?;
            l
        }
    };
    match notes.downcast_ref::<ListObject>() {
        Some(l) => l.push(note),
        None => return Err(vm.type_error("Cannot add note: __notes__ is not a list")),
    }
    Ok(none())
}

fn exc_reduce(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [e] = crate::args::ArgSpec::exact::<1>(vm, "__reduce__", args, 1)?;
    let t = type_of(&e).as_value();
    // The instance dict (notes, attributes set on the exception) goes along
    // as the state for __setstate__ when there is one.
    let state = crate::attr::instance_dict(&e).filter(|d| d.downcast_ref::<DictObject>().is_some_and(|d| d.len() > 0));
    match state {
        Some(d) => Ok(new_tuple(vec![t, new_tuple(args_items(&e)), d])),
        None => Ok(new_tuple(vec![t, new_tuple(args_items(&e))])),
    }
}

/// `BaseException.__setstate__(state)`: sets each item of a dict state as an attribute.
fn exc_setstate(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [e, state] = crate::args::ArgSpec::exact::<2>(vm, "__setstate__", args, 1)?;
    if state.is_none() {
        return Ok(none());
    }
    let Some(d) = state.downcast_ref::<DictObject>() else {
        return Err(vm.type_error("state is not a dictionary"));
    };
    for (k, v) in d.items() {
        vm.setattr(&e, &k, v)?;
    }
    Ok(none())
}

/// Attaches `name` and `obj` to an AttributeError raised by the VM (3.10+).
pub fn set_attribute_error_context(_vm: &mut Vm, e: &PyErr, obj: &Value, name: &Value) {
    set_attr_raw(&e.exc, "name", name.clone());
    set_attr_raw(&e.exc, "obj", obj.clone());
}

/// Sets `name` and `obj` of an AttributeError when neither is set yet.
pub fn set_attribute_error_context_if_unset(e: &PyErr, obj: &Value, name: &Value) {
    let unset = |attr: &str| crate::attr::instance_get(&e.exc, &crate::objects::str::new_str(attr)).map_or(true, |v| v.is_none());
    if unset("name") && unset("obj") {
        set_attr_raw(&e.exc, "name", name.clone());
        set_attr_raw(&e.exc, "obj", obj.clone());
    }
}

/// Attaches `name` to a NameError raised by the VM.
pub fn set_name_error_name(_vm: &mut Vm, e: &PyErr, name: &Value) {
    set_attr_raw(&e.exc, "name", name.clone());
}

impl Vm {
    pub fn new_error_noargs(&mut self, kind: ExcKind) -> PyErr {
        let e = crate::exception::new_exception_noargs(kind);
        if kind == ExcKind::StopIteration {
            set_attr_raw(&e, "value", none());
        }
        PyErr::new(e)
    }
}

pub(crate) fn init() {
    let base = exc_type(ExcKind::BaseException);
    let s = base.slots_mut();
    s.new = Some(exc_new);
    s.init = Some(exc_init);
    s.str = Some(exc_str);
    s.repr = Some(exc_repr);
    add_getset_to(base, "args", exc_args_get, Some(exc_args_set));
    add_getset_to(base, "__traceback__", exc_tb_get, Some(exc_tb_set));
    add_getset_to(base, "__cause__", exc_cause_get, Some(exc_cause_set));
    add_getset_to(base, "__context__", exc_context_get, Some(exc_context_set));
    add_getset_to(base, "__suppress_context__", exc_suppress_get, Some(exc_suppress_set));
    add_getset_to(base, "__dict__", exc_dict_get, None);
    add_method_to(base, "with_traceback", exc_with_traceback);
    add_method_to(base, "add_note", exc_add_note);
    add_method_to(base, "__reduce__", exc_reduce);
    add_method_to(base, "__setstate__", exc_setstate);
    // Class attributes that hold defaults for instances created before __init__ ran.
    for (kind, attrs) in [
        (ExcKind::StopIteration, &["value"][..]),
        (ExcKind::SystemExit, &["code"][..]),
        (ExcKind::ImportError, &["name", "path", "msg"][..]),
        (ExcKind::AttributeError, &["name", "obj"][..]),
        (ExcKind::NameError, &["name"][..]),
        (
            ExcKind::SyntaxError,
            &["msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"][..],
        ),
        (ExcKind::OSError, &["errno", "strerror", "filename", "filename2"][..]),
    ] {
        let t = exc_type(kind);
        for a in attrs {
            t.dict().insert_str_key(a, none());
        }
    }
    let _ = DictObject::new_value;
}

/// The C library's message for an error number ("No such file or directory").
pub fn strerror_text(errno: i32) -> String {
    let mut buf = [0u8; 256];
    // SAFETY: the buffer outlives the call; the XSI/GNU variants both write a
    // NUL-terminated message into it or return a static string.
    let p = unsafe { libc::strerror_r(errno, buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
    let _ = p;
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    let text = String::from_utf8_lossy(&buf[..end]).into_owned();
    if text.is_empty() {
        format!("Unknown error {errno}")
    } else {
        text
    }
}

/// `OSError(errno, strerror[, filename[, None, filename2]])`, which becomes
/// the subclass that `errno` selects (FileNotFoundError for ENOENT, ...),
/// exactly as CPython's `PyErr_SetFromErrnoWithFilenameObjects`.
pub fn os_error(vm: &mut Vm, errno: i32, filename: Option<Value>, filename2: Option<Value>) -> PyErr {
    let mut args = vec![Value::int(errno as i64), vm.new_str(&strerror_text(errno))];
    if let Some(f) = filename {
        args.push(f);
        if let Some(f2) = filename2 {
            args.push(none());
            args.push(f2);
        }
    }
    let cls = exc_type(ExcKind::OSError).as_value();
    match vm.call(&cls, &args, None) {
        Ok(e) => PyErr::new(e),
        Err(e) => e,
    }
}

/// The OSError for the calling thread's current `errno`.
pub fn last_os_error(vm: &mut Vm, filename: Option<Value>, filename2: Option<Value>) -> PyErr {
    let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
    os_error(vm, errno, filename, filename2)
}
