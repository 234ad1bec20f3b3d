//! `_imp`: the native half of `importlib` (`Lib/importlib/_bootstrap*.py`
//! call it): builtin and frozen module look-up and creation, the import
//! lock, extension suffixes, source hashes. pyrite cannot load C extension
//! modules, so `create_dynamic` raises ImportError.

use crate::args::{check_no_kwargs, ArgSpec};
use crate::exception::{ExcKind, PyResult};
use crate::import::{frozen_entry, FROZEN_MODULES};
use crate::modules::ModuleBuilder;
use crate::objects::list::new_list;
use crate::objects::module::ModuleObject;
use crate::objects::singletons::none;
use crate::objects::str::{display_lossy, new_str, StrObject};
use crate::objects::tuple::new_tuple;
use crate::typeobj::KwNames;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

thread_local! {
    /// The import lock's recursion count. One interpreter per thread and the
    /// GIL serialise imports, so a count is all the state the lock needs.
    static LOCK_COUNT: Cell<u64> = const { Cell::new(0) };
}

/// The module name argument as a Rust string, with CPython's TypeError.
fn name_arg(vm: &mut Vm, fname: &str, v: &Value) -> PyResult<String> {
    if v.downcast_ref::<StrObject>().is_none() {
        // Argument Clinic names None itself rather than its type.
        let ty = if v.is_none() { "None".to_string() } else { vm.type_name(v) };
        let msg = format!("{fname}() argument must be str, not {ty}");
        return Err(vm.type_error(msg));
    }
    Ok(display_lossy(v))
}

fn lock_held(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "lock_held", kw)?;
    ArgSpec::range(vm, "lock_held", args, 0, 0, 0)?;
    Ok(Value::bool(LOCK_COUNT.with(|c| c.get()) > 0))
}

fn acquire_lock(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "acquire_lock", kw)?;
    ArgSpec::range(vm, "acquire_lock", args, 0, 0, 0)?;
    LOCK_COUNT.with(|c| c.set(c.get() + 1));
    Ok(none())
}

fn release_lock(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "release_lock", kw)?;
    ArgSpec::range(vm, "release_lock", args, 0, 0, 0)?;
    if LOCK_COUNT.with(|c| c.get()) == 0 {
        return Err(vm.new_error(ExcKind::RuntimeError, "not holding the import lock"));
    }
    LOCK_COUNT.with(|c| c.set(c.get() - 1));
    Ok(none())
}

/// 1 for a builtin module that can be (re)initialised, -1 for `sys` and
/// `builtins`, which cannot, 0 for any other name.
fn is_builtin(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "is_builtin", kw)?;
    let [name] = ArgSpec::exact::<1>(vm, "is_builtin", args, 0)?;
    let name = name_arg(vm, "is_builtin", &name)?;
    Ok(Value::int(if name == "sys" || name == "builtins" {
        -1
    } else if crate::modules::find(&name).is_some() {
        1
    } else {
        0
    }))
}

/// `create_builtin(spec)`: the builtin module named `spec.name` (the one
/// already made when there is one, as single-phase modules are reused), or
/// None when there is no such builtin.
fn create_builtin(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "create_builtin", kw)?;
    let [spec] = ArgSpec::exact::<1>(vm, "create_builtin", args, 0)?;
    let name = vm.getattr_str(&spec, "name")?;
    if name.downcast_ref::<StrObject>().is_none() {
        let msg = format!("name must be string, not {}", vm.type_name(&name));
        return Err(vm.type_error(msg));
    }
    let name = display_lossy(&name);
    if let Some(m) = vm.modules_dict().and_then(|d| d.get_str_key(&name)) {
        if m.downcast_ref::<ModuleObject>().is_some() && (name == "sys" || name == "builtins" || crate::modules::find(&name).is_some()) {
            return Ok(m);
        }
    }
    match crate::modules::find(&name) {
        Some(def) => (def.init)(vm),
        None => Ok(none()),
    }
}

fn exec_builtin(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "exec_builtin", kw)?;
    ArgSpec::exact::<1>(vm, "exec_builtin", args, 0)?;
    Ok(Value::int(0))
}

fn exec_dynamic(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "exec_dynamic", kw)?;
    ArgSpec::exact::<1>(vm, "exec_dynamic", args, 0)?;
    Ok(Value::int(0))
}

/// pyrite runs no C extension modules: the ImportError its own finder gives.
fn create_dynamic(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "create_dynamic", kw)?;
    ArgSpec::range(vm, "create_dynamic", args, 0, 1, 2)?;
    let spec = args[0].clone();
    let name = vm.getattr_str(&spec, "name")?;
    let name = vm.str_string(&name)?;
    let origin = vm.getattr_str(&spec, "origin")?;
    let origin = if origin.is_none() { String::new() } else { vm.str_string(&origin)? };
    if crate::import::is_reference_build_extension(std::path::Path::new(&origin)) {
        return Err(vm.module_not_found(&name));
    }
    let q = vm.repr_string(&new_str(&name))?;
    let msg = format!("pyrite cannot load C extension modules: {q} ({origin})");
    Err(vm.import_error(ExcKind::ImportError, msg, Some(&name), Some(&origin)))
}

fn is_frozen(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "is_frozen", kw)?;
    let [name] = ArgSpec::exact::<1>(vm, "is_frozen", args, 0)?;
    let name = name_arg(vm, "is_frozen", &name)?;
    Ok(Value::bool(frozen_entry(&name).is_some()))
}

fn no_frozen(vm: &mut Vm, name: &str) -> crate::exception::PyErr {
    let q = vm.repr_string(&new_str(name)).unwrap_or_else(|_| format!("'{name}'"));
    let msg = format!("No such frozen object named {q}");
    vm.import_error(ExcKind::ImportError, msg, Some(name), None)
}

fn is_frozen_package(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "is_frozen_package", kw)?;
    let [name] = ArgSpec::exact::<1>(vm, "is_frozen_package", args, 0)?;
    let name = name_arg(vm, "is_frozen_package", &name)?;
    match frozen_entry(&name) {
        Some(_) => Ok(Value::bool(false)),
        None => Err(no_frozen(vm, &name)),
    }
}

/// `find_frozen(name, *, withdata=False)`: `(data, ispkg, origname)` or
/// None. pyrite keeps no marshalled form of its frozen modules: data is None.
fn find_frozen(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "find_frozen", args, kw, &["", "withdata"], 1, 1)?;
    let name = a[0].clone().unwrap_or_else(none);
    let name = name_arg(vm, "find_frozen", &name)?;
    if let Some(w) = &a[1] {
        vm.is_true(w)?;
    }
    Ok(match frozen_entry(&name) {
        Some((_, origname)) if vm.stdlib_dir().is_some() => {
            new_tuple(vec![none(), Value::bool(false), new_str(origname)])
        }
        _ => none(),
    })
}

/// The frozen module's code object, compiled from the stdlib source under
/// the file name `<frozen ORIGNAME>` as CPython's frozen code carries.
fn get_frozen_object(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "get_frozen_object", kw)?;
    ArgSpec::range(vm, "get_frozen_object", args, 0, 1, 2)?;
    let name = name_arg(vm, "get_frozen_object", &args[0])?;
    match vm.frozen_code(&name)? {
        Some(code) => Ok(code),
        None => Err(no_frozen(vm, &name)),
    }
}

/// `init_frozen(name)`: imports the frozen module; None when there is none.
fn init_frozen(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "init_frozen", kw)?;
    let [name] = ArgSpec::exact::<1>(vm, "init_frozen", args, 0)?;
    let name = name_arg(vm, "init_frozen", &name)?;
    if frozen_entry(&name).is_none() {
        return Ok(none());
    }
    vm.import_absolute(&name)
}

fn frozen_module_names(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "_frozen_module_names", kw)?;
    ArgSpec::range(vm, "_frozen_module_names", args, 0, 0, 0)?;
    Ok(new_list(FROZEN_MODULES.iter().map(|(n, _)| new_str(n)).collect()))
}

fn override_frozen_modules_for_tests(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "_override_frozen_modules_for_tests", kw)?;
    let [flag] = ArgSpec::exact::<1>(vm, "_override_frozen_modules_for_tests", args, 0)?;
    vm.index_i64(&flag)?;
    Ok(none())
}

fn extension_suffixes(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "extension_suffixes", kw)?;
    ArgSpec::range(vm, "extension_suffixes", args, 0, 0, 0)?;
    Ok(new_list(crate::import::extension_suffixes().iter().map(|s| new_str(s)).collect()))
}

/// `_fix_co_filename(code, path)`: pyrite's loaders compile with the final
/// path already, so only the argument types are checked.
fn fix_co_filename(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "_fix_co_filename", kw)?;
    let [code, path] = ArgSpec::exact::<2>(vm, "_fix_co_filename", args, 0)?;
    if code.downcast_ref::<crate::objects::code::CodeObj>().is_none() {
        let msg = format!("_fix_co_filename() argument 1 must be code, not {}", vm.type_name(&code));
        return Err(vm.type_error(msg));
    }
    if path.downcast_ref::<StrObject>().is_none() {
        let msg = format!("_fix_co_filename() argument 2 must be str, not {}", vm.type_name(&path));
        return Err(vm.type_error(msg));
    }
    Ok(none())
}

/// `source_hash(key, source)`: SipHash-1-3 of the bytes keyed by `(key, 0)`,
/// as the 8 bytes hash-based pycs store.
fn source_hash(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    use std::hash::Hasher;
    let a = ArgSpec::parse(vm, "source_hash", args, kw, &["key", "source"], 2, 2)?;
    let key = a[0].clone().unwrap_or_else(none);
    let source = a[1].clone().unwrap_or_else(none);
    // A C long, as CPython parses it, then used as unsigned.
    let key = match crate::objects::int::as_int(&key) {
        Some(crate::objects::int::IntView::Small(i)) => i as u64,
        Some(crate::objects::int::IntView::Big(b)) => match i64::try_from(b) {
            Ok(i) => i as u64,
            Err(_) => return Err(vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C long")),
        },
        None => {
            let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(&key));
            return Err(vm.type_error(msg));
        }
    };
    let Some(data) = crate::objects::memoryview::bytes_like(vm, &source)? else {
        let msg = format!("a bytes-like object is required, not '{}'", vm.type_name(&source));
        return Err(vm.type_error(msg));
    };
    let mut h = siphasher::sip::SipHasher13::new_with_keys(key, 0);
    h.write(&data);
    Ok(crate::objects::bytes::new_bytes(&h.finish().to_le_bytes()))
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_imp");
    m.doc("(Extremely) low-level import machinery bits as used by importlib and imp.");
    m.functions(&[
        ("lock_held", lock_held),
        ("acquire_lock", acquire_lock),
        ("release_lock", release_lock),
        ("find_frozen", find_frozen),
        ("get_frozen_object", get_frozen_object),
        ("is_frozen_package", is_frozen_package),
        ("create_builtin", create_builtin),
        ("init_frozen", init_frozen),
        ("is_builtin", is_builtin),
        ("is_frozen", is_frozen),
        ("_frozen_module_names", frozen_module_names),
        ("_override_frozen_modules_for_tests", override_frozen_modules_for_tests),
        ("create_dynamic", create_dynamic),
        ("exec_dynamic", exec_dynamic),
        ("exec_builtin", exec_builtin),
        ("_fix_co_filename", fix_co_filename),
        ("extension_suffixes", extension_suffixes),
        ("source_hash", source_hash),
    ]);
    m.str("check_hash_based_pycs", "default");
    Ok(m.finish())
}
