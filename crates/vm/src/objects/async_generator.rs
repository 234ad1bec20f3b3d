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
use crate::exception::{ExcKind, PyErr, PyResult};
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
            ArgSpec::range(vm, "athrow", args, 1, 1, 3)?;
            new_step(vm, &args[0], Step::Throw(args[1..].to_vec()))
        });
        add_method_to(t, "aclose", |vm, args, _kw| {
            let [me] = ArgSpec::exact::<1>(vm, "aclose", args, 1)?;
            new_step(vm, &me, Step::Close)
        });
        use crate::objects::generator as g;
        add_getset_to(t, "__name__", g::gen_name, Some(g::gen_name_set));
        add_getset_to(t, "__qualname__", g::gen_qualname, Some(g::gen_qualname_set));
        add_getset_to(t, "ag_running", g::gen_running, None);
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

/// What a step object was made for.
#[derive(Clone)]
enum Step {
    Send(Value),
    Throw(Vec<Value>),
    Close,
}

/// `async_generator_asend` / `async_generator_athrow`: one awaited step.
struct AgenStep {
    agen: Value,
    kind: RefCell<Step>,
    /// 0: not started, 1: running, 2: done.
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

fn new_step(vm: &mut Vm, agen: &Value, kind: Step) -> PyResult<Value> {
    if agen.downcast_ref::<GeneratorObject>().is_none() {
        return Err(vm.type_error("descriptor requires an 'async_generator' object"));
    }
    init_hooks(vm, agen)?;
    let ty = if matches!(kind, Step::Send(_)) { asend_type() } else { athrow_type() };
    Ok(new_native(ty, AgenStep { agen: agen.clone(), kind: RefCell::new(kind), state: Cell::new(0) }))
}

/// The `firstiter` hook, once per generator (CPython's async_gen_init_hooks).
fn init_hooks(vm: &mut Vm, agen: &Value) -> PyResult<()> {
    let Some(g) = agen.downcast_ref::<GeneratorObject>() else { return Ok(()) };
    if g.hooks_inited.replace(true) {
        return Ok(());
    }
    // The finalizer hook is looked up when the generator is freed
    // (`Vm::gen_finalize`), not kept from this moment as CPython does.
    let (firstiter, _) = crate::sysmodule::asyncgen_hooks();
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
                let r = step(vm, v, none(), None);
                crate::objects::generator::step_as_iternext(vm, r)
            });
        });
        use crate::typeinit::add_method_to;
        add_method_to(t, "__await__", crate::objects::generator::await_returns_self);
        add_method_to(t, "send", |vm, args, _kw| {
            let [me, v] = ArgSpec::exact::<2>(vm, "send", args, 1)?;
            step(vm, &me, v, None)
        });
        add_method_to(t, "throw", |vm, args, _kw| {
            ArgSpec::range(vm, "throw", args, 1, 1, 3)?;
            let err = Vm::throw_exception(vm, &args[1..])?;
            step(vm, &args[0], none(), Some(err))
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
        s.state.set(2);
    }
    Ok(none())
}

/// Runs the body one step and sorts out what came out of it.
fn step(vm: &mut Vm, me: &Value, sent: Value, exc: Option<PyErr>) -> PyResult<Value> {
    let Some(s) = me.native_ref::<AgenStep>() else {
        return Err(vm.type_error("descriptor requires an 'async_generator_asend' object"));
    };
    let agen = s.agen.clone();
    let Some(g) = agen.downcast_ref::<GeneratorObject>() else {
        return Err(vm.type_error("not an async generator"));
    };
    let kind = s.kind.borrow().clone();
    let closing = matches!(kind, Step::Close);
    let what = if matches!(kind, Step::Send(_)) { "asend" } else { "athrow" };
    match s.state.get() {
        2 => return Err(vm.new_error(ExcKind::RuntimeError, format!("cannot reuse already awaited __anext__()/{what}()"))),
        0 => {
            s.state.set(1);
            if g.state.get() == GenState::Finished {
                s.state.set(2);
                let end = if closing { ExcKind::StopIteration } else { ExcKind::StopAsyncIteration };
                return Err(vm.new_error_noargs(end));
            }
            let first = match &kind {
                Step::Send(v) => vm.gen_send(&agen, if sent.is_none() { v.clone() } else { sent }, exc),
                Step::Throw(args) => {
                    let e = Vm::throw_exception(vm, args)?;
                    vm.gen_send(&agen, none(), Some(e))
                }
                Step::Close => {
                    if g.state.get() == GenState::Created {
                        // Never started: nothing to unwind.
                        g.state.set(GenState::Finished);
                        crate::objects::generator::clear_storage(g);
                        s.state.set(2);
                        return Err(vm.new_error_noargs(ExcKind::StopIteration));
                    }
                    let e = PyErr::new(crate::exception::new_exception_noargs(ExcKind::GeneratorExit));
                    vm.gen_send(&agen, none(), Some(e))
                }
            };
            return finish(vm, s, first, closing);
        }
        _ => {}
    }
    let r = vm.gen_send(&agen, sent, exc);
    finish(vm, s, r, closing)
}

fn finish(vm: &mut Vm, s: &AgenStep, r: PyResult<GenResult>, closing: bool) -> PyResult<Value> {
    match r {
        Ok(GenResult::Yield(v)) => {
            if let Some(w) = v.native_ref::<Wrapped>() {
                s.state.set(2);
                if closing {
                    return Err(vm.new_error(ExcKind::RuntimeError, "async generator ignored GeneratorExit"));
                }
                let inner = w.0.clone();
                return Err(stop_iteration_with(vm, inner));
            }
            // An awaited value, on its way to the event loop.
            Ok(v)
        }
        Ok(GenResult::Return(_)) => {
            s.state.set(2);
            if closing {
                return Err(vm.new_error_noargs(ExcKind::StopIteration));
            }
            Err(vm.new_error_noargs(ExcKind::StopAsyncIteration))
        }
        Err(e) => {
            s.state.set(2);
            if closing && (e.is_instance(ExcKind::StopAsyncIteration) || e.is_instance(ExcKind::GeneratorExit)) {
                return Err(vm.new_error_noargs(ExcKind::StopIteration));
            }
            if e.is_instance(ExcKind::StopAsyncIteration) {
                // PEP 479 for async generators.
                let re = vm.new_error(ExcKind::RuntimeError, "async generator raised StopAsyncIteration");
                if let Some(ro) = re.exc.downcast_ref::<crate::exception::ExceptionObject>() {
                    ro.set_cause(e.exc.clone());
                    ro.set_context(e.exc.clone());
                    ro.suppress_context.set(true);
                }
                return Err(re);
            }
            Err(e)
        }
    }
}
