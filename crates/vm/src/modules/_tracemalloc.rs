//! `_tracemalloc`: the interface of CPython's allocation tracer, without the
//! tracer. pyrite does not record where objects were allocated: `start()`
//! turns tracing on as far as `is_tracing()` tells, but no trace is ever
//! kept (snapshots are empty, object tracebacks None, memory 0). What this
//! gives is `tracemalloc` importing as under CPython, so `warnings` shows its
//! "Enable tracemalloc to get the object allocation traceback" hint for a
//! warning with a `source` (un-awaited coroutines, unclosed resources).

use crate::args::{check_no_kwargs, ArgSpec};
use crate::exception::PyResult;
use crate::modules::ModuleBuilder;
use crate::objects::list::new_list;
use crate::objects::singletons::none;
use crate::objects::tuple::new_tuple;
use crate::typeobj::KwNames;
use crate::value::Value;
use crate::vm::Vm;

/// (tracing, traceback limit), as `start(nframe)` set them.
static STATE: crate::gil::GilCell<(bool, i64)> = crate::gil::GilCell::new((false, 1));

fn state() -> &'static mut (bool, i64) {
    // SAFETY: GIL held; callers copy in or out and keep no reference.
    unsafe { STATE.get_mut() }
}

/// The most frames a trace may keep (CPython's `MAX_NFRAME`).
const MAX_NFRAME: i64 = 65535;

fn no_args(vm: &mut Vm, name: &str, args: &[Value], kw: KwNames) -> PyResult<()> {
    check_no_kwargs(vm, name, kw)?;
    ArgSpec::range(vm, name, args, 0, 0, 0)?;
    Ok(())
}

fn is_tracing(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    no_args(vm, "is_tracing", args, kw)?;
    Ok(Value::bool(state().0))
}

fn start(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "start", kw)?;
    ArgSpec::range(vm, "start", args, 0, 0, 1)?;
    let nframe = match args.first() {
        Some(n) => vm.index_i64(n)?,
        None => 1,
    };
    if !(1..=MAX_NFRAME).contains(&nframe) {
        return Err(vm.value_error(format!("the number of frames must be in range [1; {MAX_NFRAME}]")));
    }
    *state() = (true, nframe);
    Ok(none())
}

fn stop(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    no_args(vm, "stop", args, kw)?;
    state().0 = false;
    Ok(none())
}

fn clear_traces(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    no_args(vm, "clear_traces", args, kw)?;
    Ok(none())
}

fn reset_peak(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    no_args(vm, "reset_peak", args, kw)?;
    Ok(none())
}

fn get_traceback_limit(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    no_args(vm, "get_traceback_limit", args, kw)?;
    Ok(Value::int(state().1))
}

fn get_traced_memory(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    no_args(vm, "get_traced_memory", args, kw)?;
    Ok(new_tuple(vec![Value::int(0), Value::int(0)]))
}

fn get_tracemalloc_memory(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    no_args(vm, "get_tracemalloc_memory", args, kw)?;
    Ok(Value::int(0))
}

fn get_object_traceback(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "_get_object_traceback", kw)?;
    ArgSpec::exact::<1>(vm, "_get_object_traceback", args, 0)?;
    Ok(none())
}

fn get_traces(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    no_args(vm, "_get_traces", args, kw)?;
    Ok(new_list(Vec::new()))
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_tracemalloc");
    m.doc("Debug module to trace memory blocks allocated by Python.");
    m.functions(&[
        ("is_tracing", is_tracing),
        ("start", start),
        ("stop", stop),
        ("clear_traces", clear_traces),
        ("reset_peak", reset_peak),
        ("get_traceback_limit", get_traceback_limit),
        ("get_traced_memory", get_traced_memory),
        ("get_tracemalloc_memory", get_tracemalloc_memory),
        ("_get_object_traceback", get_object_traceback),
        ("_get_traces", get_traces),
    ]);
    Ok(m.finish())
}
