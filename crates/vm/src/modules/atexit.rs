//! `atexit`: functions run when the interpreter exits, last registered first.

use crate::args::{check_no_kwargs, split_kwargs, ArgSpec};
use crate::exception::PyResult;
use crate::modules::ModuleBuilder;
use crate::objects::dict::DictObject;
use crate::objects::singletons::none;
use crate::objects::str::intern;
use crate::objects::tuple::new_tuple;
use crate::typeobj::{type_of, KwNames, NativeFn};
use crate::value::Value;
use crate::vm::Vm;
use std::sync::atomic::{AtomicBool, Ordering};

struct Callback {
    func: Value,
    args: Vec<Value>,
    /// Keyword arguments as (name, value) pairs.
    kwargs: Vec<(Value, Value)>,
}

static CALLBACKS: crate::gil::GilCell<Vec<Callback>> = crate::gil::GilCell::new(Vec::new());
static FINALIZING: AtomicBool = AtomicBool::new(false);

fn callbacks() -> &'static mut Vec<Callback> {
    // SAFETY: GIL held; callers never keep the reference across Python calls.
    unsafe { CALLBACKS.get_mut() }
}

/// `sys.is_finalizing()`.
pub(crate) fn finalizing() -> bool {
    FINALIZING.load(Ordering::Relaxed)
}

fn atexit_register(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let (pos, kw) = split_kwargs(args, kwnames);
    let Some(func) = pos.first() else {
        return Err(vm.type_error("register() takes at least 1 argument (0 given)"));
    };
    if type_of(func).slots().call.is_none() {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let cb = Callback {
        func: func.clone(),
        args: pos[1..].to_vec(),
        kwargs: kw.into_iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
    };
    callbacks().push(cb);
    Ok(func.clone())
}

fn atexit_unregister(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "unregister", kw)?;
    let [func] = ArgSpec::exact::<1>(vm, "unregister", args, 0)?;
    // Compare outside the borrow: `__eq__` may run Python code.
    let funcs: Vec<Value> = callbacks().iter().map(|c| c.func.clone()).collect();
    let mut doomed = Vec::new();
    for (i, f) in funcs.iter().enumerate() {
        if f.is(&func) || vm.rich_eq_bool(f, &func)? {
            doomed.push(f.clone());
            let _ = i;
        }
    }
    let list = callbacks();
    let removed: Vec<Callback> = {
        let mut kept = Vec::with_capacity(list.len());
        let mut gone = Vec::new();
        for cb in list.drain(..) {
            if doomed.iter().any(|d| d.is(&cb.func)) {
                gone.push(cb);
            } else {
                kept.push(cb);
            }
        }
        *list = kept;
        gone
    };
    drop(removed);
    Ok(none())
}

fn call_callback(vm: &mut Vm, cb: &Callback) -> PyResult<Value> {
    if cb.kwargs.is_empty() {
        return vm.call(&cb.func, &cb.args, None);
    }
    let mut all = cb.args.clone();
    let mut names = Vec::with_capacity(cb.kwargs.len());
    for (k, v) in &cb.kwargs {
        names.push(k.clone());
        all.push(v.clone());
    }
    let kwnames = new_tuple(names);
    vm.call(&cb.func, &all, Some(&kwnames))
}

/// Runs and forgets the registered functions, last first. Errors are
/// reported as CPython's unraisable "Exception ignored in atexit callback".
pub(crate) fn run_exitfuncs(vm: &mut Vm) {
    loop {
        let Some(cb) = callbacks().pop() else { break };
        if let Err(e) = call_callback(vm, &cb) {
            vm.flush_stdout();
            let desc = vm.repr_string(&cb.func).unwrap_or_default();
            vm.write_stderr(format!("Exception ignored in atexit callback: {desc}\n").as_bytes());
            vm.print_exception(&e);
        }
    }
}

/// Interpreter exit: the atexit functions run, then `sys.is_finalizing()` is true.
pub(crate) fn at_interpreter_exit(vm: &mut Vm) {
    run_exitfuncs(vm);
    FINALIZING.store(true, Ordering::Relaxed);
}

fn atexit_run_exitfuncs(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "_run_exitfuncs", kw)?;
    ArgSpec::range(vm, "_run_exitfuncs", args, 0, 0, 0)?;
    run_exitfuncs(vm);
    Ok(none())
}

fn atexit_clear(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "_clear", kw)?;
    ArgSpec::range(vm, "_clear", args, 0, 0, 0)?;
    let old = std::mem::take(callbacks());
    drop(old);
    Ok(none())
}

fn atexit_ncallbacks(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "_ncallbacks", kw)?;
    ArgSpec::range(vm, "_ncallbacks", args, 0, 0, 0)?;
    Ok(Value::int(callbacks().len() as i64))
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("atexit");
    m.doc("allow programmer to define multiple exit functions to be executed\nupon normal program termination.\n\nTwo public functions, register and unregister, are defined.\n");
    let funcs: &[(&'static str, NativeFn)] = &[
        ("register", atexit_register),
        ("unregister", atexit_unregister),
        ("_run_exitfuncs", atexit_run_exitfuncs),
        ("_clear", atexit_clear),
        ("_ncallbacks", atexit_ncallbacks),
    ];
    m.functions(funcs);
    let _ = (intern, DictObject::new_value);
    Ok(m.finish())
}
