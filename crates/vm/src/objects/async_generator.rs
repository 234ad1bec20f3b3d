//! Async generators (PEP 525): `async def` functions containing `yield`.
//!
//! The body runs on the ordinary generator machinery (`generator.rs`); what
//! differs is how a consumer drives it. Inside the body both `await`ed
//! values (bound for the event loop) and `yield`ed values come out of the
//! frame as yields; `ASYNC_GEN_WRAP` marks the latter, as CPython 3.11 does.
//! `__anext__()`/`asend(v)`, `athrow(...)` and `aclose()` return awaitables
//! (`async_generator_asend` / `async_generator_athrow`) that step the body:
//! a wrapped value ends the step with StopIteration(value), anything else is
//! passed through to whoever awaits, and the body returning ends iteration
//! with StopAsyncIteration. The first step calls the `firstiter` hook of
//! `sys.set_asyncgen_hooks` (asyncio registers the generator there); an
//! unfinished one that is freed goes to the `finalizer` hook.

use crate::args::ArgSpec;
use crate::exception::{ExcKind, PyResult};
use crate::object::LayoutKind;
use crate::objects::generator::{stop_iteration_with, GenResult, GenState, GeneratorObject};
use crate::objects::native::{new_native, NativeData};
use crate::objects::singletons::none;
use crate::typeobj::{KwNames, TypeObject};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};

pub const CO_ASYNC_GENERATOR: u32 = 0x200;

static ASYNC_GENERATOR_TYPE: crate::modules::NativeType = crate::modules::NativeType::new();
static WRAPPED_TYPE: crate::modules::NativeType = crate::modules::NativeType::new();
static ASEND_TYPE: crate::modules::NativeType = crate::modules::NativeType::new();
static ATHROW_TYPE: crate::modules::NativeType = crate::modules::NativeType::new();

/// A value the body yielded (not one it awaited).
struct Wrapped(Value);

impl NativeData for Wrapped {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.0);
    }
}

fn wrapped_type() -> &'static TypeObject {
    WRAPPED_TYPE.get_or_init(|st| {
        crate::modules::init_native_type(st, "builtins", "async_generator_wrapped_value", LayoutKind::Native, &crate::typeobj::OBJECT_TYPE, 0, |_| {});
    })
}

/// `ASYNC_GEN_WRAP`.
pub(crate) fn wrap_value(v: Value) -> Value {
    new_native(wrapped_type(), Wrapped(v))
}

pub fn async_generator_type() -> &'static TypeObject {
    ASYNC_GENERATOR_TYPE.get_or_init(|st| {
        let t = crate::modules::init_native_type(
            st,
            "builtins",
            "async_generator",
            LayoutKind::Generator,
            &crate::typeobj::OBJECT_TYPE,
            0,
            |s| {
                s.repr = Some(agen_repr);
                s.iter = None;
                s.iternext = None;
            },
        );
        use crate::typeinit::{add_getset_to, add_method_to};
        add_method_to(t, "__aiter__", |vm, args, _kw| {
            let [me] = ArgSpec::exact::<1>(vm, "__aiter__", args, 1)?;
            Ok(me)
        });
        add_method_to(t, "__anext__", |vm, args, _kw| {
            let [me] = ArgSpec::exact::<1>(vm, "__anext__", args, 1)?;
            new_step(vm, &me, Step::Send(none()))
        });
        add_method_to(t, "asend", |vm, args, _kw| {
            let [me, v] = ArgSpec::exact::<2>(vm, "asend", args, 1)?;
            new_step(vm, &me, Step::Send(v))
        });
        add_method_to(t, "athrow", |vm, args, _kw| {
            // The arguments are checked when the awaitable first runs.
            let Some(me) = args.first() else {
                return Err(vm.type_error("descriptor 'athrow' of 'async_generator' object needs an argument"));
            };
            new_step(vm, me, Step::Throw(args[1..].to_vec()))
        });
        add_method_to(t, "aclose", |vm, args, _kw| {
            let [me] = ArgSpec::exact::<1>(vm, "aclose", args, 1)?;
            new_step(vm, &me, Step::Close)
        });
        use crate::objects::generator as g;
        add_getset_to(t, "__name__", g::gen_name, Some(g::gen_name_set));
        add_getset_to(t, "__qualname__", g::gen_qualname, Some(g::gen_qualname_set));
        add_getset_to(t, "ag_running", |_vm, v| {
            Ok(Value::bool(v.downcast_ref::<GeneratorObject>().is_some_and(|x| x.ag_running_async.get())))
        }, None);
        add_getset_to(t, "ag_code", g::gen_code, None);
        add_getset_to(t, "ag_frame", g::gen_frame_get, None);
        add_getset_to(t, "ag_await", g::gen_yieldfrom_get, None);
    })
}

fn agen_repr(vm: &mut Vm, g: &Value) -> PyResult<Value> {
    let q = g
        .downcast_ref::<GeneratorObject>()
        .map(|x| crate::objects::str::display_lossy(&x.qualname()))
        .unwrap_or_default();
    let addr = g.as_ptr().map_or(0, |p| p.as_ptr() as usize);
    Ok(vm.new_str(&format!("<async_generator object {q} at {addr:#x}>")))
}

/// What a step object was made for: `asend(v)`/`__anext__()` (an
/// `async_generator_asend`), `athrow(*args)`, or `aclose()` (the two kinds of
/// `async_generator_athrow`).
#[derive(Clone)]
enum Step {
    Send(Value),
    Throw(Vec<Value>),
    Close,
}

const STEP_INIT: u8 = 0;
const STEP_ITER: u8 = 1;
const STEP_CLOSED: u8 = 2;

/// `async_generator_asend` / `async_generator_athrow`: one awaited step.
struct AgenStep {
    agen: Value,
    kind: RefCell<Step>,
    /// STEP_INIT (not started), STEP_ITER, STEP_CLOSED (done).
    state: Cell<u8>,
}

impl NativeData for AgenStep {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.agen);
        if let Ok(k) = self.kind.try_borrow() {
            match &*k {
                Step::Send(v) => visit(v),
                Step::Throw(vs) => vs.iter().for_each(|v| visit(v)),
                Step::Close => {}
            }
        }
    }
}

fn agen_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a GeneratorObject> {
    match v.downcast_ref::<GeneratorObject>() {
        Some(g) if g.is_async_generator() => Ok(g),
        _ => Err(vm.type_error("descriptor requires an 'async_generator' object")),
    }
}

fn new_step(vm: &mut Vm, agen: &Value, kind: Step) -> PyResult<Value> {
    agen_of(vm, agen)?;
    init_hooks(vm, agen)?;
    let ty = if matches!(kind, Step::Send(_)) { asend_type() } else { athrow_type() };
    Ok(new_native(ty, AgenStep { agen: agen.clone(), kind: RefCell::new(kind), state: Cell::new(STEP_INIT) }))
}

/// CPython's async_gen_init_hooks, once per generator: keeps the finalizer
/// hook in force now (used when the generator is freed unfinished) and calls
/// the firstiter hook.
fn init_hooks(vm: &mut Vm, agen: &Value) -> PyResult<()> {
    let Some(g) = agen.downcast_ref::<GeneratorObject>() else { return Ok(()) };
    if g.hooks_inited.replace(true) {
        return Ok(());
    }
    let (firstiter, finalizer) = crate::sysmodule::asyncgen_hooks();
    if !finalizer.is_none() {
        g.set_origin_or_finalizer(finalizer);
    }
    if !firstiter.is_none() {
        vm.call(&firstiter, &[agen.clone()], None)?;
    }
    Ok(())
}

fn step_type(st: &'static crate::modules::NativeType, name: &'static str) -> &'static TypeObject {
    st.get_or_init(|st| {
        let t = crate::modules::init_native_type(st, "builtins", name, LayoutKind::Native, &crate::typeobj::OBJECT_TYPE, 0, |s| {
            s.iter = Some(|_vm, v| Ok(v.clone()));
            s.iternext = Some(|vm, v| {
                let r = step_send(vm, v, None);
                crate::objects::generator::step_as_iternext(vm, r)
            });
        });
        use crate::typeinit::add_method_to;
        add_method_to(t, "__await__", crate::objects::generator::await_returns_self);
        add_method_to(t, "send", |vm, args, _kw| {
            let [me, v] = ArgSpec::exact::<2>(vm, "send", args, 1)?;
            step_send(vm, &me, Some(v))
        });
        add_method_to(t, "throw", |vm, args, _kw| {
            ArgSpec::range(vm, "throw", args, 1, 1, 3)?;
            step_throw(vm, &args[0], &args[1..])
        });
        add_method_to(t, "close", step_close);
    })
}

fn asend_type() -> &'static TypeObject {
    step_type(&ASEND_TYPE, "async_generator_asend")
}

fn athrow_type() -> &'static TypeObject {
    step_type(&ATHROW_TYPE, "async_generator_athrow")
}

fn step_close(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [me] = ArgSpec::exact::<1>(vm, "close", args, 1)?;
    if let Some(s) = me.native_ref::<AgenStep>() {
        s.state.set(STEP_CLOSED);
    }
    Ok(none())
}

fn step_of<'a>(vm: &mut Vm, me: &'a Value) -> PyResult<&'a AgenStep> {
    me.native_ref::<AgenStep>()
        .ok_or_else(|| vm.type_error("descriptor requires an 'async_generator_asend' object"))
}

/// The generator's `send` as an async generator's awaitables use it:
/// returning ends the iteration with StopAsyncIteration.
fn agen_send(vm: &mut Vm, agen: &Value, v: Value) -> PyResult<Value> {
    match vm.gen_send(agen, v, None)? {
        GenResult::Yield(x) => Ok(x),
        GenResult::Return(_) => Err(vm.new_error_noargs(ExcKind::StopAsyncIteration)),
    }
}

/// The generator's `throw` (`_gen_throw`) for an async generator.
fn agen_throw(vm: &mut Vm, agen: &Value, args: &[Value], close_on_genexit: bool) -> PyResult<Value> {
    match vm.gen_throw(agen, args, close_on_genexit)? {
        GenResult::Yield(x) => Ok(x),
        GenResult::Return(_) => Err(vm.new_error_noargs(ExcKind::StopAsyncIteration)),
    }
}

/// What came out of the body (`async_gen_unwrap_value`): a value it yielded
/// ends the step with StopIteration(value); an awaited value passes through
/// to the event loop; the end of the body marks the generator closed.
fn unwrap_value(vm: &mut Vm, g: &GeneratorObject, r: PyResult<Value>) -> PyResult<Value> {
    match r {
        Err(e) => {
            if e.is_instance(ExcKind::StopAsyncIteration) || e.is_instance(ExcKind::GeneratorExit) {
                g.ag_closed.set(true);
            }
            g.ag_running_async.set(false);
            Err(e)
        }
        Ok(v) => match v.native_ref::<Wrapped>() {
            Some(w) => {
                let inner = w.0.clone();
                g.ag_running_async.set(false);
                Err(stop_iteration_with(vm, inner))
            }
            None => Ok(v),
        },
    }
}

/// `send(v)` of a step (`None` from `__next__`).
fn step_send(vm: &mut Vm, me: &Value, arg: Option<Value>) -> PyResult<Value> {
    let s = step_of(vm, me)?;
    let kind = s.kind.borrow().clone();
    match kind {
        Step::Send(sendval) => asend_send(vm, s, sendval, arg),
        Step::Throw(args) => athrow_send(vm, s, Some(args), arg.unwrap_or_else(none)),
        Step::Close => athrow_send(vm, s, None, arg.unwrap_or_else(none)),
    }
}

fn asend_send(vm: &mut Vm, s: &AgenStep, sendval: Value, arg: Option<Value>) -> PyResult<Value> {
    let agen = s.agen.clone();
    let g = agen_of(vm, &agen)?;
    let mut arg = arg.unwrap_or_else(none);
    match s.state.get() {
        STEP_CLOSED => {
            return Err(vm.new_error(ExcKind::RuntimeError, "cannot reuse already awaited __anext__()/asend()"))
        }
        STEP_INIT => {
            if g.ag_running_async.get() {
                return Err(vm.new_error(ExcKind::RuntimeError, "anext(): asynchronous generator is already running"));
            }
            if arg.is_none() {
                arg = sendval;
            }
            s.state.set(STEP_ITER);
        }
        _ => {}
    }
    g.ag_running_async.set(true);
    let r = agen_send(vm, &agen, arg);
    let r = unwrap_value(vm, g, r);
    if r.is_err() {
        s.state.set(STEP_CLOSED);
    }
    r
}

/// `async_gen_athrow_send`; `args` None: aclose().
fn athrow_send(vm: &mut Vm, s: &AgenStep, args: Option<Vec<Value>>, arg: Value) -> PyResult<Value> {
    let agen = s.agen.clone();
    let g = agen_of(vm, &agen)?;
    if s.state.get() == STEP_CLOSED {
        return Err(vm.new_error(ExcKind::RuntimeError, "cannot reuse already awaited aclose()/athrow()"));
    }
    if g.state.get() == GenState::Finished {
        s.state.set(STEP_CLOSED);
        return Err(vm.new_error_noargs(ExcKind::StopIteration));
    }
    let closing = args.is_none();
    let r = if s.state.get() == STEP_INIT {
        if g.ag_running_async.get() {
            s.state.set(STEP_CLOSED);
            let what = if closing { "aclose" } else { "athrow" };
            return Err(vm.new_error(ExcKind::RuntimeError, format!("{what}(): asynchronous generator is already running")));
        }
        if g.ag_closed.get() {
            s.state.set(STEP_CLOSED);
            return Err(vm.new_error_noargs(ExcKind::StopAsyncIteration));
        }
        if !arg.is_none() {
            return Err(vm.new_error(ExcKind::RuntimeError, "can't send non-None value to a just-started coroutine"));
        }
        s.state.set(STEP_ITER);
        g.ag_running_async.set(true);
        match &args {
            None => {
                g.ag_closed.set(true);
                let genexit = crate::exception::exc_type(ExcKind::GeneratorExit).as_value();
                agen_throw(vm, &agen, &[genexit], false)
            }
            Some(args) => {
                if args.is_empty() {
                    return Err(vm.type_error(format!("athrow expected at least 1 argument, got {}", args.len())));
                }
                if args.len() > 3 {
                    return Err(vm.type_error(format!("athrow expected at most 3 arguments, got {}", args.len())));
                }
                let r = agen_throw(vm, &agen, args, false);
                unwrap_value(vm, g, r)
            }
        }
    } else {
        let r = agen_send(vm, &agen, arg);
        if !closing {
            return unwrap_value(vm, g, r);
        }
        r
    };
    match r {
        Ok(v) if closing && v.native_ref::<Wrapped>().is_some() => {
            g.ag_running_async.set(false);
            s.state.set(STEP_CLOSED);
            Err(vm.new_error(ExcKind::RuntimeError, "async generator ignored GeneratorExit"))
        }
        Ok(v) => Ok(v),
        Err(e) => {
            g.ag_running_async.set(false);
            s.state.set(STEP_CLOSED);
            if closing && (e.is_instance(ExcKind::StopAsyncIteration) || e.is_instance(ExcKind::GeneratorExit)) {
                // The aclose() await is done.
                return Err(vm.new_error_noargs(ExcKind::StopIteration));
            }
            Err(e)
        }
    }
}

/// `throw(...)` of a step: into the generator as its own throw() does.
fn step_throw(vm: &mut Vm, me: &Value, args: &[Value]) -> PyResult<Value> {
    let s = step_of(vm, me)?;
    let agen = s.agen.clone();
    let g = agen_of(vm, &agen)?;
    let kind = s.kind.borrow().clone();
    if s.state.get() == STEP_CLOSED {
        let what = if matches!(kind, Step::Send(_)) { "__anext__()/asend()" } else { "aclose()/athrow()" };
        return Err(vm.new_error(ExcKind::RuntimeError, format!("cannot reuse already awaited {what}")));
    }
    let r = agen_throw(vm, &agen, args, true);
    match kind {
        Step::Send(_) => {
            let r = unwrap_value(vm, g, r);
            if r.is_err() {
                s.state.set(STEP_CLOSED);
            }
            r
        }
        Step::Throw(_) => unwrap_value(vm, g, r),
        Step::Close => match r {
            Ok(v) if v.native_ref::<Wrapped>().is_some() => {
                g.ag_running_async.set(false);
                s.state.set(STEP_CLOSED);
                Err(vm.new_error(ExcKind::RuntimeError, "async generator ignored GeneratorExit"))
            }
            Err(e) if e.is_instance(ExcKind::StopAsyncIteration) || e.is_instance(ExcKind::GeneratorExit) => {
                Err(vm.new_error_noargs(ExcKind::StopIteration))
            }
            other => other,
        },
    }
}
