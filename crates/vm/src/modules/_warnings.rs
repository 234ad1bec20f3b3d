//! `_warnings`: the warnings machinery in native code, as CPython's C module:
//! the filter list (`filters`, shared with `Lib/warnings.py`, which imports
//! it), the once-registry, the default action, and `warn`/`warn_explicit`,
//! which find the caller's context, apply the filters and the registries,
//! and either raise (the "error" action: no warnings.py frame appears in
//! the traceback, as in CPython) or hand the warning to
//! `warnings._showwarnmsg` to print. A native function adds no frame, so
//! `stacklevel` counts from the Python caller as CPython's C `warn` does.

use crate::args::{check_no_kwargs, ArgSpec};
use crate::exception::{ExcKind, PyErr, PyResult};
use crate::gil::GilCell;
use crate::modules::ModuleBuilder;
use crate::objects::dict::DictObject;
use crate::objects::list::{new_list, ListObject};
use crate::objects::singletons::none;
use crate::objects::str::{new_str, StrObject};
use crate::objects::tuple::{new_tuple, TupleObject};
use crate::typeobj::KwNames;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

/// The module's state, made at its first import: the filter list, the
/// once-registry and the default action (as the module attributes hold them).
struct State {
    filters: Value,
    once_registry: Value,
    default_action: Value,
}

static STATE: GilCell<Option<State>> = GilCell::new(None);

thread_local! {
    /// Bumped by `_filters_mutated()`: registries of another version are stale.
    static FILTERS_VERSION: Cell<i64> = const { Cell::new(1) };
}

fn state_values() -> Option<(Value, Value, Value)> {
    // SAFETY: GIL held; the borrow ends here.
    unsafe { STATE.get_mut() }
        .as_ref()
        .map(|s| (s.filters.clone(), s.once_registry.clone(), s.default_action.clone()))
}

/// `warnings.<attr>` when the Python module is imported (it may have
/// replaced the list or the registry), else None.
fn warnings_attr(vm: &mut Vm, attr: &str) -> PyResult<Option<Value>> {
    let Some(module) = vm.sys_modules_get("warnings") else {
        return Ok(None);
    };
    if module.is_none() {
        return Ok(None);
    }
    match vm.getattr_str(&module, attr) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is_instance(ExcKind::AttributeError) => Ok(None),
        Err(e) => Err(e),
    }
}

fn type_name_of(vm: &mut Vm, v: &Value) -> String {
    vm.type_name(v)
}

fn is_warning_class(vm: &mut Vm, cls: &Value) -> bool {
    let warning = crate::exception::exc_type_value(ExcKind::Warning);
    crate::builtins::issubclass(vm, cls, &warning).unwrap_or(false)
}

/// `message`'s category: its class when it is a Warning, else `category`
/// (UserWarning when None), which must be a Warning subclass.
fn get_category(vm: &mut Vm, message: &Value, category: &Value) -> PyResult<Value> {
    let warning = crate::exception::exc_type_value(ExcKind::Warning);
    if crate::builtins::isinstance(vm, message, &warning)? {
        return Ok(crate::typeobj::type_of(message).as_value());
    }
    let category = if category.is_none() { crate::exception::exc_type_value(ExcKind::UserWarning) } else { category.clone() };
    if category.downcast_ref::<crate::typeobj::TypeObject>().is_none() || !is_warning_class(vm, &category) {
        let msg = format!("category must be a Warning subclass, not '{}'", type_name_of(vm, &category));
        return Err(vm.type_error(msg));
    }
    Ok(category)
}

/// importlib's bootstrap frames are skipped when counting `stacklevel`.
fn is_internal_frame(vm: &mut Vm, frame: &Value) -> PyResult<bool> {
    let code = vm.getattr_str(frame, "f_code")?;
    let filename = vm.getattr_str(&code, "co_filename")?;
    let Some(s) = filename.downcast_ref::<StrObject>() else { return Ok(false) };
    let text = s.to_string_lossy();
    Ok(text.contains("importlib") && text.contains("_bootstrap"))
}

fn frame_back(vm: &mut Vm, frame: &Value) -> PyResult<Option<Value>> {
    let back = vm.getattr_str(frame, "f_back")?;
    Ok(if back.is_none() { None } else { Some(back) })
}

/// (filename, lineno, module, registry) of the frame `stack_level` up.
fn setup_context(vm: &mut Vm, stack_level: i64) -> PyResult<(Value, i64, Value, Value)> {
    let mut frame = match vm.frames.len().checked_sub(1) {
        Some(fi) => Some(vm.frame_object(fi)),
        None => None,
    };
    let mut level = stack_level;
    let skip_internal = match &frame {
        Some(f) => !(stack_level <= 0 || is_internal_frame(vm, f)?),
        None => false,
    };
    loop {
        level -= 1;
        if level <= 0 {
            break;
        }
        let Some(f) = frame.take() else { break };
        let mut next = frame_back(vm, &f)?;
        if skip_internal {
            while let Some(n) = next.clone() {
                if !is_internal_frame(vm, &n)? {
                    break;
                }
                next = frame_back(vm, &n)?;
            }
        }
        frame = next;
    }
    let (globals, filename, lineno) = match frame {
        None => {
            let sys = vm.import_absolute("sys")?;
            let globals = vm.getattr_str(&sys, "__dict__")?;
            (globals, new_str("sys"), 1)
        }
        Some(f) => {
            let globals = vm.getattr_str(&f, "f_globals")?;
            let code = vm.getattr_str(&f, "f_code")?;
            let filename = vm.getattr_str(&code, "co_filename")?;
            let lineno = vm.getattr_str(&f, "f_lineno")?;
            let lineno = lineno.as_small_int().unwrap_or(0);
            (globals, filename, lineno)
        }
    };
    let Some(g) = globals.downcast_ref::<DictObject>() else {
        return Err(vm.type_error("globals must be a dict"));
    };
    let registry = match g.get_str_key("__warningregistry__") {
        Some(r) => r,
        None => {
            let r = DictObject::new_value();
            g.insert_str_key("__warningregistry__", r.clone());
            r
        }
    };
    let module = match g.get_str_key("__name__") {
        Some(m) if m.is_none() || m.downcast_ref::<StrObject>().is_some() => m,
        _ => new_str("<string>"),
    };
    Ok((filename, lineno, module, registry))
}

/// A filter's message or module pattern: None matches anything, a plain str
/// must be equal, anything else is a compiled regex whose `match` decides.
fn check_matched(vm: &mut Vm, pattern: &Value, arg: &Value) -> PyResult<bool> {
    if pattern.is_none() {
        return Ok(true);
    }
    if crate::typeobj::is_exact(pattern, &crate::typeobj::STR_TYPE) {
        return vm.rich_eq_bool(pattern, arg);
    }
    let m = vm.getattr_str(pattern, "match")?;
    let r = vm.call1(&m, arg.clone())?;
    vm.is_true(&r)
}

/// The action of the first matching filter (and the filter), else the default action.
fn get_filter(vm: &mut Vm, category: &Value, text: &Value, lineno: i64, module: &Value) -> PyResult<(Value, Value)> {
    let Some((own_filters, _, own_default)) = state_values() else {
        return Err(vm.new_error(ExcKind::RuntimeError, "_warnings is not initialized"));
    };
    // The list last seen on `warnings` is remembered (it may be deleted later).
    let filters = match warnings_attr(vm, "filters")? {
        Some(f) => {
            // SAFETY: GIL held; the borrow ends here.
            if let Some(st) = unsafe { STATE.get_mut() }.as_mut() {
                st.filters = f.clone();
            }
            f
        }
        None => own_filters,
    };
    let Some(list) = filters.downcast_ref::<ListObject>() else {
        return Err(vm.value_error("_warnings.filters must be a list"));
    };
    let mut i = 0;
    // The list may change while it is read (a filter's regex is Python code).
    while let Some(item) = list.get(i) {
        let fields = item.downcast_ref::<TupleObject>().filter(|t| t.len() == 5).map(|t| t.items().to_vec());
        let Some(fields) = fields else {
            return Err(vm.value_error(format!("_warnings.filters item {i} isn't a 5-tuple")));
        };
        let [action, msg, cat, modpat, ln] = [0, 1, 2, 3, 4].map(|k| fields[k].clone());
        if action.downcast_ref::<StrObject>().is_none() {
            let msg = format!("action must be a string, not '{}'", vm.type_name(&action));
            return Err(vm.type_error(msg));
        }
        let good_msg = check_matched(vm, &msg, text)?;
        let good_mod = check_matched(vm, &modpat, module)?;
        let is_subclass = crate::builtins::issubclass(vm, category, &cat)?;
        let ln = vm.index_i64(&ln)?;
        if good_msg && is_subclass && good_mod && (ln == 0 || ln == lineno) {
            return Ok((action, item));
        }
        i += 1;
    }
    let action = match warnings_attr(vm, "defaultaction")? {
        Some(a) => {
            if a.downcast_ref::<StrObject>().is_none() {
                let msg = format!("_warnings.defaultaction must be a string, not '{}'", vm.type_name(&a));
                return Err(vm.type_error(msg));
            }
            a
        }
        None => own_default,
    };
    Ok((action, none()))
}

fn version_key() -> Value {
    crate::objects::str::intern("version")
}

/// Whether `key` was already warned about in `registry` (a registry of an
/// older filters version is cleared first).
fn already_warned(vm: &mut Vm, registry: &Value, key: &Value) -> PyResult<bool> {
    let Some(reg) = registry.downcast_ref::<DictObject>() else { return Ok(false) };
    let version = FILTERS_VERSION.with(|v| v.get());
    let current = reg.get_item(vm, &version_key())?;
    if current.as_ref().and_then(|v| v.as_small_int()) != Some(version)
        || current.as_ref().is_some_and(|v| !crate::typeobj::is_exact(v, &crate::typeobj::INT_TYPE) && !v.is_small_int())
    {
        reg.clear();
        reg.set_item(vm, version_key(), Value::int(version))?;
        return Ok(false);
    }
    match reg.get_item(vm, key)? {
        Some(v) => vm.is_true(&v),
        None => Ok(false),
    }
}

/// registry[(text, category, 0)] = True unless already set; true when it was.
fn update_registry(vm: &mut Vm, registry: &Value, text: &Value, category: &Value) -> PyResult<bool> {
    let key = new_tuple(vec![text.clone(), category.clone(), Value::int(0)]);
    if already_warned(vm, registry, &key)? {
        return Ok(true);
    }
    if let Some(reg) = registry.downcast_ref::<DictObject>() {
        reg.set_item(vm, key, Value::bool(true))?;
    }
    Ok(false)
}

fn action_is(action: &Value, name: &str) -> bool {
    action.downcast_ref::<StrObject>().is_some_and(|s| s.to_utf8().is_some_and(|t| t == name))
}

#[allow(clippy::too_many_arguments)]
fn do_warn_explicit(
    vm: &mut Vm,
    category: Value,
    message: Value,
    filename: Value,
    lineno: i64,
    module: Option<Value>,
    registry: Value,
    source: Value,
) -> PyResult<Value> {
    if module.as_ref().is_some_and(|m| m.is_none()) {
        return Ok(none());
    }
    if !registry.is_none() && registry.downcast_ref::<DictObject>().is_none() {
        return Err(vm.type_error("'registry' must be a dict or None"));
    }
    let module = match module {
        Some(m) => m,
        None => {
            // The file name without ".py", or "<unknown>".
            let Some(f) = filename.downcast_ref::<StrObject>() else {
                return Err(vm.type_error("filename must be a str"));
            };
            let text = f.to_string_lossy();
            if text.is_empty() {
                new_str("<unknown>")
            } else if let Some(stem) = text.strip_suffix(".py") {
                new_str(stem)
            } else {
                filename.clone()
            }
        }
    };
    let warning = crate::exception::exc_type_value(ExcKind::Warning);
    let (text, category, message) = if crate::builtins::isinstance(vm, &message, &warning)? {
        let text = vm.str(&message)?;
        (text, crate::typeobj::type_of(&message).as_value(), message)
    } else {
        let instance = vm.call1(&category, message.clone())?;
        (message, category, instance)
    };
    let lineno_obj = Value::int(lineno);
    let key = new_tuple(vec![text.clone(), category.clone(), lineno_obj.clone()]);
    if !registry.is_none() && already_warned(vm, &registry, &key)? {
        return Ok(none());
    }
    let (action, item) = get_filter(vm, &category, &text, lineno, &module)?;
    if action_is(&action, "error") {
        return Err(PyErr::new(message));
    }
    if action_is(&action, "ignore") {
        return Ok(none());
    }
    let mut warned_before = false;
    if !action_is(&action, "always") {
        if let Some(reg) = registry.downcast_ref::<DictObject>() {
            reg.set_item(vm, key, Value::bool(true))?;
        }
        if action_is(&action, "once") {
            let reg = if registry.is_none() {
                match warnings_attr(vm, "onceregistry")? {
                    Some(r) if r.downcast_ref::<DictObject>().is_none() => {
                        let msg = format!("_warnings.onceregistry must be a dict, not '{}'", vm.type_name(&r));
                        return Err(vm.type_error(msg));
                    }
                    Some(r) => r,
                    None => state_values().map(|s| s.1).unwrap_or_else(DictObject::new_value),
                }
            } else {
                registry.clone()
            };
            warned_before = update_registry(vm, &reg, &text, &category)?;
        } else if action_is(&action, "module") {
            if !registry.is_none() {
                warned_before = update_registry(vm, &registry, &text, &category)?;
            }
        } else if !action_is(&action, "default") {
            let a = vm.repr_string(&action)?;
            let it = vm.repr_string(&item)?;
            return Err(vm.new_error(
                ExcKind::RuntimeError,
                format!("Unrecognized action ({a}) in warnings.filters:\n {it}"),
            ));
        }
    }
    if warned_before {
        return Ok(none());
    }
    show_warning(vm, &message, &category, &filename, &lineno_obj, &source)?;
    Ok(none())
}

/// `warnings._showwarnmsg(warnings.WarningMessage(...))`, importing
/// `warnings` when needed (it prints the warning CPython's way).
fn show_warning(vm: &mut Vm, message: &Value, category: &Value, filename: &Value, lineno: &Value, source: &Value) -> PyResult<()> {
    let module = vm.import_absolute("warnings")?;
    let show = match vm.getattr_str(&module, "_showwarnmsg") {
        Ok(f) => f,
        Err(e) if e.is_instance(ExcKind::AttributeError) => {
            return print_warning(vm, message, category, filename, lineno);
        }
        Err(e) => return Err(e),
    };
    if crate::typeobj::type_of(&show).slots().call.is_none() {
        return Err(vm.type_error("warnings._showwarnmsg() must be set to a callable"));
    }
    let cls = vm.getattr_str(&module, "WarningMessage")?;
    let source = if source.is_null() { none() } else { source.clone() };
    let msg = vm.call(&cls, &[message.clone(), category.clone(), filename.clone(), lineno.clone(), none(), none(), source], None)?;
    vm.call1(&show, msg)?;
    Ok(())
}

/// Without `warnings._showwarnmsg`: "FILE:LINE: CATEGORY: TEXT" and the
/// source line on sys.stderr, as CPython's C fallback prints it.
fn print_warning(vm: &mut Vm, message: &Value, category: &Value, filename: &Value, lineno: &Value) -> PyResult<()> {
    let name = vm.getattr_str(category, "__name__")?;
    let text = vm.str(message)?;
    let mut out = format!(
        "{}:{}: {}: {}",
        vm.str_string(filename)?,
        vm.str_string(lineno)?,
        vm.str_string(&name)?,
        vm.str_string(&text)?
    );
    out.push('\n');
    let linecache = vm.import_absolute("linecache")?;
    let getline = vm.getattr_str(&linecache, "getline")?;
    let line = vm.call(&getline, &[filename.clone(), lineno.clone()], None)?;
    let line = vm.str_string(&line)?;
    let line = line.trim();
    if !line.is_empty() {
        out.push_str("  ");
        out.push_str(line);
        out.push('\n');
    }
    let sys = vm.import_absolute("sys")?;
    let stderr = vm.getattr_str(&sys, "stderr")?;
    if stderr.is_none() {
        return Ok(());
    }
    let write = vm.getattr_str(&stderr, "write")?;
    vm.call1(&write, new_str(&out))?;
    Ok(())
}

fn warn(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    const NAMES: [&str; 4] = ["message", "category", "stacklevel", "source"];
    let a = ArgSpec::parse(vm, "warn", args, kw, &NAMES, 4, 1)?;
    let message = a[0].clone().unwrap_or_else(none);
    let category = a[1].clone().unwrap_or_else(none);
    let stacklevel = match &a[2] {
        Some(v) => vm.index_i64(v)?,
        None => 1,
    };
    let source = a[3].clone().unwrap_or_else(none);
    let category = get_category(vm, &message, &category)?;
    let (filename, lineno, module, registry) = setup_context(vm, stacklevel)?;
    do_warn_explicit(vm, category, message, filename, lineno, Some(module), registry, source)
}

fn warn_explicit(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    const NAMES: [&str; 8] = [
        "message", "category", "filename", "lineno", "module", "registry", "module_globals", "source",
    ];
    let a = ArgSpec::parse(vm, "warn_explicit", args, kw, &NAMES, 8, 4)?;
    let [message, category, filename, lineno, module, registry, module_globals, source] =
        [0, 1, 2, 3, 4, 5, 6, 7].map(|i| a[i].clone());
    let message = message.unwrap_or_else(none);
    let category = category.unwrap_or_else(none);
    let filename = filename.unwrap_or_else(none);
    if filename.downcast_ref::<StrObject>().is_none() {
        let msg = format!("warn_explicit() argument 'filename' must be str, not {}", vm.type_name(&filename));
        return Err(vm.type_error(msg));
    }
    let lineno = lineno.unwrap_or_else(none);
    if lineno.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let lineno = vm.index_i64(&lineno)?;
    if let Some(g) = module_globals.as_ref().filter(|g| !g.is_none()) {
        if g.downcast_ref::<DictObject>().is_none() {
            let msg = format!("module_globals must be a dict, not '{}'", vm.type_name(g));
            return Err(vm.type_error(msg));
        }
    }
    do_warn_explicit(
        vm,
        category,
        message,
        filename,
        lineno,
        module,
        registry.unwrap_or_else(none),
        source.unwrap_or_else(none),
    )
}

fn filters_mutated(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "_filters_mutated", kw)?;
    ArgSpec::exact::<0>(vm, "_filters_mutated", args, 0)?;
    FILTERS_VERSION.with(|v| v.set(v.get() + 1));
    Ok(none())
}

/// CPython's default filters (a release build): DeprecationWarning shown
/// in __main__ only; pending deprecations, import and resource warnings ignored.
fn default_filters(vm: &mut Vm) -> Value {
    let config = crate::config::current();
    let _ = vm;
    if config.dev_mode {
        return new_list(Vec::new());
    }
    let filter = |action: &str, kind: ExcKind, module: Option<&str>| {
        new_tuple(vec![
            crate::objects::str::intern(action),
            none(),
            crate::exception::exc_type_value(kind),
            module.map_or_else(none, new_str),
            Value::int(0),
        ])
    };
    new_list(vec![
        filter("default", ExcKind::DeprecationWarning, Some("__main__")),
        filter("ignore", ExcKind::DeprecationWarning, None),
        filter("ignore", ExcKind::PendingDeprecationWarning, None),
        filter("ignore", ExcKind::ImportWarning, None),
        filter("ignore", ExcKind::ResourceWarning, None),
    ])
}

pub(crate) fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_warnings");
    m.doc("_warnings provides basic warning filtering support.\nIt is a helper module to speed up interpreter start-up.");
    m.functions(&[("warn", warn), ("warn_explicit", warn_explicit), ("_filters_mutated", filters_mutated)]);
    let state = match state_values() {
        Some(s) => s,
        None => {
            let s = (default_filters(vm), DictObject::new_value(), crate::objects::str::intern("default"));
            // SAFETY: GIL held; nothing else borrows the state now.
            *unsafe { STATE.get_mut() } = Some(State {
                filters: s.0.clone(),
                once_registry: s.1.clone(),
                default_action: s.2.clone(),
            });
            s
        }
    };
    m.value("filters", state.0);
    m.value("_onceregistry", state.1);
    m.value("_defaultaction", state.2);
    Ok(m.finish())
}
