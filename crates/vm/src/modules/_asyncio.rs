//! `_asyncio`: the native Future and Task that `asyncio.futures` and
//! `asyncio.tasks` pick up in place of their pure-Python classes, and the
//! running-loop and current-task bookkeeping of `asyncio.events`/`tasks`.
//!
//! Behaviour and messages follow CPython 3.11's Modules/_asynciomodule.c.
//! What C delegates to `Lib/asyncio` (reprs, `get_stack`, `iscoroutine`,
//! `get_event_loop_policy`, the exception classes) is looked up lazily on
//! first use, so that importing `_asyncio` never imports `asyncio` itself
//! (asyncio.futures imports us while asyncio is half initialized).
//!
//! A Task is stepped here: its coroutine is resumed through `Vm::gen_send`
//! directly, the awaited native Future gets the task's wakeup callback
//! without a trip through Python, and the next step is scheduled with the
//! loop's `call_soon(..., context=task_context)`.

use crate::args::{check_no_kwargs, ArgSpec};
use crate::exception::{exc_type, ExcKind, PyErr, PyResult};
use crate::gil::GilCell;
use crate::modules::itertools::{cls_type, self_arg, state};
use crate::modules::{init_native_type, ModuleBuilder, NativeType};
use crate::object::LayoutKind;
use crate::objects::descr::new_bound_builtin;
use crate::objects::dict::DictObject;
use crate::objects::generator::{stop_iteration_with, GenResult, GeneratorObject};
use crate::objects::list::{new_list, ListObject};
use crate::objects::native::{new_native, NativeData};
use crate::objects::singletons::{false_value, none, true_value};
use crate::objects::str::{display_lossy, new_str};
use crate::objects::tuple::{new_tuple, TupleObject};
use crate::typeinit::{add_getset_to, add_method_to, set_attr};
use crate::typeobj::{type_flags, type_of, KwNames, TypeObject, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, UnsafeCell};

// --- a Value field of a native object ------------------------------------------------

/// A field that may be empty (NULL). Read by cloning, written by replacing:
/// no reference into it outlives a call, and the old value is dropped only
/// after the field holds the new one (its finalizer may run Python).
struct Field(UnsafeCell<Value>);

impl Field {
    const fn empty() -> Field {
        Field(UnsafeCell::new(Value::NULL))
    }
    fn get(&self) -> Value {
        // SAFETY: GIL held; the reference does not outlive this expression.
        unsafe { (*self.0.get()).clone() }
    }
    fn is_null(&self) -> bool {
        // SAFETY: as `get`.
        unsafe { (*self.0.get()).is_null() }
    }
    fn is(&self, v: &Value) -> bool {
        // SAFETY: as `get`.
        unsafe { (*self.0.get()).is(v) }
    }
    fn set(&self, v: Value) {
        // SAFETY: as `get`; the old value is dropped after the write.
        let old = unsafe { std::mem::replace(&mut *self.0.get(), v) };
        drop(old);
    }
    fn take(&self) -> Value {
        // SAFETY: as `get`.
        unsafe { std::mem::replace(&mut *self.0.get(), Value::NULL) }
    }
    fn clear(&self) {
        drop(self.take());
    }
    /// The value, or None when empty.
    fn get_or_none(&self) -> Value {
        let v = self.get();
        if v.is_null() {
            none()
        } else {
            v
        }
    }
    fn visit(&self, visit: &mut dyn FnMut(&Value)) {
        // SAFETY: as `get`; the collector runs no Python while visiting.
        let v = unsafe { &*self.0.get() };
        if !v.is_null() {
            visit(v);
        }
    }
}

// --- Future and Task state -----------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum FutState {
    Pending,
    Cancelled,
    Finished,
}

/// The state of a Future, and of a Task (a Future whose task fields are used).
struct FutureData {
    loop_: Field,
    /// The first callback and its context; the others go to `callbacks`, a
    /// list of (callback, context) tuples (the common single-callback case
    /// allocates no list).
    callback0: Field,
    context0: Field,
    callbacks: Field,
    exception: Field,
    exception_tb: Field,
    result: Field,
    source_tb: Field,
    cancel_msg: Field,
    cancelled_exc: Field,
    state: Cell<FutState>,
    log_tb: Cell<bool>,
    blocking: Cell<bool>,
    // Task only.
    fut_waiter: Field,
    coro: Field,
    name: Field,
    context: Field,
    must_cancel: Cell<bool>,
    log_destroy_pending: Cell<bool>,
    num_cancels_requested: Cell<i64>,
}

impl FutureData {
    fn new() -> FutureData {
        FutureData {
            loop_: Field::empty(),
            callback0: Field::empty(),
            context0: Field::empty(),
            callbacks: Field::empty(),
            exception: Field::empty(),
            exception_tb: Field::empty(),
            result: Field::empty(),
            source_tb: Field::empty(),
            cancel_msg: Field::empty(),
            cancelled_exc: Field::empty(),
            state: Cell::new(FutState::Pending),
            log_tb: Cell::new(false),
            blocking: Cell::new(false),
            fut_waiter: Field::empty(),
            coro: Field::empty(),
            name: Field::empty(),
            context: Field::empty(),
            must_cancel: Cell::new(false),
            log_destroy_pending: Cell::new(true),
            num_cancels_requested: Cell::new(0),
        }
    }

    fn fields(&self) -> [&Field; 14] {
        [
            &self.loop_,
            &self.callback0,
            &self.context0,
            &self.callbacks,
            &self.exception,
            &self.exception_tb,
            &self.result,
            &self.source_tb,
            &self.cancel_msg,
            &self.cancelled_exc,
            &self.fut_waiter,
            &self.coro,
            &self.name,
            &self.context,
        ]
    }

    fn is_alive(&self) -> bool {
        !self.loop_.is_null()
    }
}

impl NativeData for FutureData {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for f in self.fields() {
            f.visit(visit);
        }
    }
    fn clear(&self) {
        for f in self.fields() {
            f.clear();
        }
    }
}

/// `FutureIter`: what `await future` drives.
struct FutureIter {
    future: Field,
}

impl NativeData for FutureIter {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.future.visit(visit);
    }
    fn clear(&self) {
        self.future.clear();
    }
}

/// `TaskStepMethWrapper`: the callable a task schedules to run its next step
/// (with the exception to throw into the coroutine, if any).
struct StepWrapper {
    task: Field,
    arg: Field,
}

impl NativeData for StepWrapper {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.task.visit(visit);
        self.arg.visit(visit);
    }
    fn clear(&self) {
        self.task.clear();
        self.arg.clear();
    }
}

// --- module state ----------------------------------------------------------------------

/// What the module takes from `Lib/asyncio` and friends (looked up on first use).
struct AsyncioRefs {
    get_event_loop_policy: Value,
    future_repr: Value,
    task_repr: Value,
    task_get_stack: Value,
    task_print_stack: Value,
    iscoroutine: Value,
    extract_stack: Value,
    invalid_state_error: Value,
    cancelled_error: Value,
}

struct ModState {
    refs: Option<AsyncioRefs>,
    all_tasks: Value,
    current_tasks: Value,
    copy_context: Value,
    /// `("context",)`: the keyword names of `call_soon(cb, arg, context=ctx)`.
    context_kwnames: Value,
    /// Types `asyncio.iscoroutine` accepted (as CPython, at most 100).
    iscoroutine_types: Vec<Value>,
    task_name_counter: u64,
    /// The running loop of each thread: (thread ident, loop, pid of the setter).
    running: Vec<(u64, Value, i32)>,
}

static STATE: GilCell<Option<ModState>> = GilCell::new(None);

fn mod_state() -> Option<&'static mut ModState> {
    // SAFETY: touched under the GIL; callers never keep the reference across a
    // call into Python (they clone what they need first).
    unsafe { STATE.get_mut().as_mut() }
}

fn not_initialized(vm: &mut Vm) -> PyErr {
    vm.new_error(ExcKind::RuntimeError, "_asyncio module is not initialized")
}

/// Clones of the Lib/asyncio helpers, importing them on first use.
fn refs(vm: &mut Vm) -> PyResult<&'static AsyncioRefs> {
    if let Some(r) = mod_state().and_then(|s| s.refs.as_ref()) {
        return Ok(r);
    }
    let get = |vm: &mut Vm, module: &str, name: &str| -> PyResult<Value> {
        let m = vm.import_absolute(module)?;
        vm.getattr_str(&m, name)
    };
    let r = AsyncioRefs {
        get_event_loop_policy: get(vm, "asyncio.events", "get_event_loop_policy")?,
        future_repr: get(vm, "asyncio.base_futures", "_future_repr")?,
        invalid_state_error: get(vm, "asyncio.exceptions", "InvalidStateError")?,
        cancelled_error: get(vm, "asyncio.exceptions", "CancelledError")?,
        task_repr: get(vm, "asyncio.base_tasks", "_task_repr")?,
        task_get_stack: get(vm, "asyncio.base_tasks", "_task_get_stack")?,
        task_print_stack: get(vm, "asyncio.base_tasks", "_task_print_stack")?,
        iscoroutine: get(vm, "asyncio.coroutines", "iscoroutine")?,
        extract_stack: get(vm, "traceback", "extract_stack")?,
    };
    let Some(st) = mod_state() else {
        return Err(not_initialized(vm));
    };
    if st.refs.is_none() {
        st.refs = Some(r);
    }
    match st.refs.as_ref() {
        Some(r) => Ok(r),
        None => Err(not_initialized(vm)),
    }
}

fn invalid_state(vm: &mut Vm, msg: &str) -> PyErr {
    let cls = match refs(vm) {
        Ok(r) => r.invalid_state_error.clone(),
        Err(e) => return e,
    };
    match vm.call(&cls, &[new_str(msg)], None) {
        Ok(exc) => PyErr::new(exc),
        Err(e) => e,
    }
}

fn cancelled_error_type(vm: &mut Vm) -> PyResult<Value> {
    Ok(refs(vm)?.cancelled_error.clone())
}

fn is_cancelled_error(vm: &mut Vm, exc: &Value) -> PyResult<bool> {
    let cls = cancelled_error_type(vm)?;
    Ok(cls.downcast_ref::<TypeObject>().is_some_and(|t| type_of(exc).is_subtype(t)))
}

fn repr_string(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let r = vm.repr(v)?;
    Ok(display_lossy(&r))
}

// --- the running loop ------------------------------------------------------------------

fn thread_ident() -> u64 {
    // SAFETY: pthread_self cannot fail.
    unsafe { libc::pthread_self() as u64 }
}

fn getpid() -> i32 {
    // SAFETY: getpid cannot fail.
    unsafe { libc::getpid() }
}

/// The running loop of this thread (set by this process), if any.
fn running_loop() -> Option<Value> {
    let st = mod_state()?;
    let me = thread_ident();
    let (_, lp, pid) = st.running.iter().find(|(t, _, _)| *t == me)?;
    if lp.is_none() || *pid != getpid() {
        return None;
    }
    Some(lp.clone())
}

fn set_running_loop(vm: &mut Vm, lp: Value) -> PyResult<()> {
    let Some(st) = mod_state() else {
        return Err(not_initialized(vm));
    };
    let me = thread_ident();
    let pos = st.running.iter().position(|(t, _, _)| *t == me);
    // Setting None forgets the thread's entry (a finished thread's ident may be reused).
    let old = match (pos, lp.is_none()) {
        (Some(i), true) => Some(st.running.swap_remove(i).1),
        (Some(i), false) => Some(std::mem::replace(&mut st.running[i], (me, lp, getpid())).1),
        (None, true) => None,
        (None, false) => {
            st.running.push((me, lp, getpid()));
            None
        }
    };
    drop(old);
    Ok(())
}

fn get_event_loop(vm: &mut Vm) -> PyResult<Value> {
    if let Some(lp) = running_loop() {
        return Ok(lp);
    }
    let get_policy = refs(vm)?.get_event_loop_policy.clone();
    let policy = vm.call0(&get_policy)?;
    vm.call_method(&policy, "get_event_loop", &[])
}

/// `loop.call_soon(func[, arg], context=ctx)`.
fn call_soon(vm: &mut Vm, lp: &Value, func: Value, arg: Option<Value>, ctx: Option<Value>) -> PyResult<()> {
    let meth = vm.getattr_str(lp, "call_soon")?;
    let mut args = Vec::with_capacity(3);
    args.push(func);
    if let Some(a) = arg {
        args.push(a);
    }
    let r = match ctx {
        Some(c) => {
            args.push(c);
            let kw = match mod_state() {
                Some(st) => st.context_kwnames.clone(),
                None => return Err(not_initialized(vm)),
            };
            vm.call(&meth, &args, Some(&kw))?
        }
        None => vm.call(&meth, &args, None)?,
    };
    drop(r);
    Ok(())
}

fn copy_current_context(vm: &mut Vm) -> PyResult<Value> {
    let f = match mod_state() {
        Some(st) => st.copy_context.clone(),
        None => return Err(not_initialized(vm)),
    };
    vm.call0(&f)
}

// --- types -----------------------------------------------------------------------------

static FUTURE: NativeType = NativeType::new();
static TASK: NativeType = NativeType::new();
static FUTURE_ITER: NativeType = NativeType::new();
static STEP_WRAPPER: NativeType = NativeType::new();

const FUTURE_FLAGS: u32 = type_flags::BASETYPE | type_flags::HAS_DICT | type_flags::HAS_FINALIZER;

fn future_type() -> &'static TypeObject {
    FUTURE.get_or_init(|st| {
        let t = init_native_type(st, "_asyncio", "Future", LayoutKind::Native, &OBJECT_TYPE, FUTURE_FLAGS, |s| {
            s.new = Some(future_new);
            s.init = Some(future_init_slot);
            s.repr = Some(future_repr);
            s.iter = Some(future_iter);
        });
        add_future_members(t);
        set_attr(t, "__doc__", new_str(FUTURE_DOC));
    })
}

fn task_type() -> &'static TypeObject {
    let fut = future_type();
    TASK.get_or_init(|st| {
        let t = init_native_type(st, "_asyncio", "Task", LayoutKind::Native, FUTURE.storage(), FUTURE_FLAGS, |s| {
            s.new = Some(task_new);
            s.init = Some(task_init_slot);
            s.repr = Some(task_repr);
            s.iter = Some(future_iter);
        });
        let _ = fut;
        add_method_to(t, "set_result", task_set_result);
        add_method_to(t, "set_exception", task_set_exception);
        add_method_to(t, "cancel", task_cancel);
        add_method_to(t, "cancelling", task_cancelling);
        add_method_to(t, "uncancel", task_uncancel);
        add_method_to(t, "get_stack", task_get_stack);
        add_method_to(t, "print_stack", task_print_stack);
        add_method_to(t, "get_coro", task_get_coro);
        add_method_to(t, "get_name", task_get_name);
        add_method_to(t, "set_name", task_set_name);
        add_method_to(t, "__del__", task_del);
        add_getset_to(t, "_log_destroy_pending", task_get_log_destroy_pending, Some(task_set_log_destroy_pending));
        add_getset_to(t, "_must_cancel", task_get_must_cancel, None);
        add_getset_to(t, "_coro", task_get_coro_attr, None);
        add_getset_to(t, "_fut_waiter", task_get_fut_waiter, None);
        set_attr(t, "__doc__", new_str("A coroutine wrapped in a Future."));
    })
}

fn future_iter_type() -> &'static TypeObject {
    FUTURE_ITER.get_or_init(|st| {
        let t = init_native_type(st, "_asyncio", "FutureIter", LayoutKind::Native, &OBJECT_TYPE, 0, |s| {
            s.iter = Some(crate::modules::itertools::self_iter);
            s.iternext = Some(future_iter_next);
        });
        add_method_to(t, "send", future_iter_send);
        add_method_to(t, "throw", future_iter_throw);
        add_method_to(t, "close", future_iter_close);
    })
}

fn step_wrapper_type() -> &'static TypeObject {
    STEP_WRAPPER.get_or_init(|st| {
        let t = init_native_type(st, "builtins", "TaskStepMethWrapper", LayoutKind::Native, &OBJECT_TYPE, 0, |s| {
            s.call = Some(step_wrapper_call);
        });
        add_getset_to(t, "__self__", step_wrapper_self, None);
    })
}

const FUTURE_DOC: &str = "This class is *almost* compatible with concurrent.futures.Future.

    Differences:

    - result() and exception() do not take a timeout argument and
      raise an exception when the future isn't done yet.

    - Callbacks registered with add_done_callback() are always called
      via the event loop's call_soon_threadsafe().

    - This class is not compatible with the wait() and as_completed()
      methods in the concurrent.futures package.";

fn add_future_members(t: &'static TypeObject) {
    add_method_to(t, "result", fut_result);
    add_method_to(t, "exception", fut_exception);
    add_method_to(t, "set_result", fut_set_result);
    add_method_to(t, "set_exception", fut_set_exception);
    add_method_to(t, "add_done_callback", fut_add_done_callback);
    add_method_to(t, "remove_done_callback", fut_remove_done_callback);
    add_method_to(t, "cancel", fut_cancel);
    add_method_to(t, "cancelled", fut_cancelled);
    add_method_to(t, "done", fut_done);
    add_method_to(t, "get_loop", fut_get_loop);
    add_method_to(t, "_make_cancelled_error", fut_make_cancelled_error);
    add_method_to(t, "__await__", fut_await);
    add_method_to(t, "__del__", fut_del);
    let cg = crate::objects::descr::new_method_descr(
        crate::typeobj::CLASSMETHOD_DESCR_TYPE.get(),
        "__class_getitem__",
        class_getitem,
        t,
    );
    set_attr(t, "__class_getitem__", cg);
    add_getset_to(t, "_state", fut_get_state, None);
    add_getset_to(t, "_asyncio_future_blocking", fut_get_blocking, Some(fut_set_blocking));
    add_getset_to(t, "_loop", fut_get_loop_attr, None);
    add_getset_to(t, "_callbacks", fut_get_callbacks, None);
    add_getset_to(t, "_result", fut_get_result_attr, None);
    add_getset_to(t, "_exception", fut_get_exception_attr, None);
    add_getset_to(t, "_log_traceback", fut_get_log_traceback, Some(fut_set_log_traceback));
    add_getset_to(t, "_source_traceback", fut_get_source_traceback, None);
    add_getset_to(t, "_cancel_message", fut_get_cancel_message, Some(fut_set_cancel_message));
}

fn class_getitem(_vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let cls = args.first().cloned().unwrap_or_else(none);
    let item = args.get(1).cloned().unwrap_or_else(none);
    Ok(crate::types::generic_alias::new_generic_alias(cls, &item))
}

fn is_exact_future_or_task(v: &Value) -> bool {
    let t = type_of(v) as *const TypeObject;
    FUTURE.get().is_some_and(|f| std::ptr::eq(f, t)) || TASK.get().is_some_and(|f| std::ptr::eq(f, t))
}

fn is_task(v: &Value) -> bool {
    TASK.get().is_some_and(|t| type_of(v).is_subtype(t))
}

// --- Future internals --------------------------------------------------------------------

fn ensure_alive(vm: &mut Vm, f: &FutureData) -> PyResult<()> {
    if f.is_alive() {
        Ok(())
    } else {
        Err(vm.new_error(ExcKind::RuntimeError, "Future object is not initialized."))
    }
}

fn future_init(vm: &mut Vm, f: &FutureData, lp: Value) -> PyResult<()> {
    for fld in [
        &f.loop_,
        &f.callback0,
        &f.context0,
        &f.callbacks,
        &f.result,
        &f.exception,
        &f.exception_tb,
        &f.source_tb,
        &f.cancel_msg,
        &f.cancelled_exc,
    ] {
        fld.clear();
    }
    f.state.set(FutState::Pending);
    f.log_tb.set(false);
    f.blocking.set(false);
    let lp = if lp.is_none() { get_event_loop(vm)? } else { lp };
    f.loop_.set(lp.clone());
    let debug = vm.call_method(&lp, "get_debug", &[])?;
    if vm.is_true(&debug)? {
        let extract = refs(vm)?.extract_stack.clone();
        let tb = vm.call0(&extract)?;
        f.source_tb.set(tb);
    }
    Ok(())
}

/// Schedules every callback (the future just left the pending state).
fn schedule_callbacks(vm: &mut Vm, fut: &Value, f: &FutureData) -> PyResult<()> {
    let lp = f.loop_.get();
    let cb0 = f.callback0.take();
    let ctx0 = f.context0.take();
    if !cb0.is_null() {
        let ctx = if ctx0.is_null() { None } else { Some(ctx0) };
        if let Err(e) = call_soon(vm, &lp, cb0, Some(fut.clone()), ctx) {
            f.callbacks.clear();
            return Err(e);
        }
    }
    let cbs = f.callbacks.take();
    let Some(list) = cbs.downcast_ref::<ListObject>() else {
        return Ok(());
    };
    for tup in list.to_vec() {
        let (cb, ctx) = match tup.downcast_ref::<TupleObject>() {
            Some(t) if t.len() == 2 => (t.items()[0].clone(), t.items()[1].clone()),
            _ => continue,
        };
        call_soon(vm, &lp, cb, Some(fut.clone()), Some(ctx))?;
    }
    Ok(())
}

fn future_set_result(vm: &mut Vm, fut: &Value, f: &FutureData, res: Value) -> PyResult<()> {
    ensure_alive(vm, f)?;
    if f.state.get() != FutState::Pending {
        return Err(invalid_state(vm, "invalid state"));
    }
    f.result.set(res);
    f.state.set(FutState::Finished);
    schedule_callbacks(vm, fut, f)
}

fn is_exception_class(v: &Value) -> bool {
    v.downcast_ref::<TypeObject>()
        .is_some_and(|t| t.is_subtype(exc_type(ExcKind::BaseException)))
}

fn is_exception_instance(v: &Value) -> bool {
    type_of(v).is_subtype(exc_type(ExcKind::BaseException))
}

fn exc_traceback(exc: &Value) -> Value {
    exc.downcast_ref::<crate::exception::ExceptionObject>()
        .map(|e| e.traceback())
        .unwrap_or(Value::NULL)
}

fn set_exc_traceback(exc: &Value, tb: Value) {
    if let Some(e) = exc.downcast_ref::<crate::exception::ExceptionObject>() {
        e.set_traceback(if tb.is_none() { Value::NULL } else { tb });
    }
}

fn future_set_exception(vm: &mut Vm, fut: &Value, f: &FutureData, exc: Value) -> PyResult<()> {
    if f.state.get() != FutState::Pending {
        return Err(invalid_state(vm, "invalid state"));
    }
    let exc_val = if is_exception_class(&exc) {
        let v = vm.call0(&exc)?;
        if f.state.get() != FutState::Pending {
            return Err(invalid_state(vm, "invalid state"));
        }
        v
    } else {
        exc
    };
    if !is_exception_instance(&exc_val) {
        return Err(vm.type_error("invalid exception object"));
    }
    if std::ptr::eq(type_of(&exc_val), exc_type(ExcKind::StopIteration)) {
        return Err(vm.type_error(
            "StopIteration interacts badly with generators and cannot be raised into a Future",
        ));
    }
    f.exception_tb.set(exc_traceback(&exc_val));
    f.exception.set(exc_val);
    f.state.set(FutState::Finished);
    schedule_callbacks(vm, fut, f)?;
    f.log_tb.set(true);
    Ok(())
}

/// The CancelledError to raise for a cancelled future: the one the task's
/// coroutine raised when there is one (handed over once), else a new one.
fn create_cancelled_error(vm: &mut Vm, f: &FutureData) -> PyResult<Value> {
    let kept = f.cancelled_exc.take();
    if !kept.is_null() {
        return Ok(kept);
    }
    let cls = cancelled_error_type(vm)?;
    let msg = f.cancel_msg.get();
    if msg.is_null() || msg.is_none() {
        vm.call0(&cls)
    } else {
        vm.call(&cls, &[msg], None)
    }
}

enum Outcome {
    Result(Value),
    Exception(Value),
}

fn future_get_result(vm: &mut Vm, f: &FutureData) -> PyResult<Outcome> {
    match f.state.get() {
        FutState::Cancelled => {
            let exc = create_cancelled_error(vm, f)?;
            return Err(PyErr::new(exc));
        }
        FutState::Pending => return Err(invalid_state(vm, "Result is not set.")),
        FutState::Finished => {}
    }
    f.log_tb.set(false);
    let exc = f.exception.get();
    if !exc.is_null() {
        // The traceback the exception had when it was set (raising it again
        // elsewhere must not keep growing it).
        set_exc_traceback(&exc, f.exception_tb.take());
        return Ok(Outcome::Exception(exc));
    }
    Ok(Outcome::Result(f.result.get_or_none()))
}

fn future_add_done_callback(vm: &mut Vm, fut: &Value, f: &FutureData, cb: Value, ctx: Value) -> PyResult<()> {
    if !f.is_alive() {
        return Err(vm.new_error(ExcKind::RuntimeError, "uninitialized Future object"));
    }
    if f.state.get() != FutState::Pending {
        let lp = f.loop_.get();
        return call_soon(vm, &lp, cb, Some(fut.clone()), Some(ctx));
    }
    if f.callbacks.is_null() && f.callback0.is_null() {
        f.callback0.set(cb);
        f.context0.set(ctx);
        return Ok(());
    }
    let tup = new_tuple(vec![cb, ctx]);
    let list = f.callbacks.get();
    match list.downcast_ref::<ListObject>() {
        Some(l) => l.push(tup),
        None => f.callbacks.set(new_list(vec![tup])),
    }
    Ok(())
}

fn future_cancel(vm: &mut Vm, fut: &Value, f: &FutureData, msg: Value) -> PyResult<bool> {
    f.log_tb.set(false);
    if f.state.get() != FutState::Pending {
        return Ok(false);
    }
    f.state.set(FutState::Cancelled);
    f.cancel_msg.set(msg);
    schedule_callbacks(vm, fut, f)?;
    Ok(true)
}

// --- Future methods -------------------------------------------------------------------------

const FUT: &str = "_asyncio.Future";

fn future_new(vm: &mut Vm, cls: &Value, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let t = cls_type(cls, future_type());
    let _ = vm;
    Ok(new_native(t, FutureData::new()))
}

fn future_init_slot(vm: &mut Vm, me: &Value, args: &[Value], kw: KwNames) -> PyResult<()> {
    let a = ArgSpec::parse(vm, "Future", args, kw, &["loop"], 0, 0)?;
    let f = state::<FutureData>(vm, me, FUT)?;
    let lp = a[0].clone().unwrap_or_else(none);
    future_init(vm, f, lp)
}

fn future_repr(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let f = state::<FutureData>(vm, me, FUT)?;
    ensure_alive(vm, f)?;
    let func = refs(vm)?.future_repr.clone();
    vm.call1(&func, me.clone())
}

fn future_iter(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let f = state::<FutureData>(vm, me, FUT)?;
    ensure_alive(vm, f)?;
    Ok(new_native(future_iter_type(), FutureIter { future: Field(UnsafeCell::new(me.clone())) }))
}

fn fut_await(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "__await__", args, kw)?;
    let (me, _) = self_arg::<FutureData>(vm, args, FUT)?;
    future_iter(vm, me)
}

fn fut_result(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "result", args, kw)?;
    let (_, f) = self_arg::<FutureData>(vm, args, FUT)?;
    if !f.is_alive() {
        return Err(invalid_state(vm, "Future object is not initialized."));
    }
    match future_get_result(vm, f)? {
        Outcome::Result(v) => Ok(v),
        Outcome::Exception(e) => Err(PyErr::new(e)),
    }
}

fn fut_exception(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "exception", args, kw)?;
    let (_, f) = self_arg::<FutureData>(vm, args, FUT)?;
    if !f.is_alive() {
        return Err(invalid_state(vm, "Future object is not initialized."));
    }
    match f.state.get() {
        FutState::Cancelled => {
            let exc = create_cancelled_error(vm, f)?;
            Err(PyErr::new(exc))
        }
        FutState::Pending => Err(invalid_state(vm, "Exception is not set.")),
        FutState::Finished => {
            let exc = f.exception.get();
            if exc.is_null() {
                return Ok(none());
            }
            f.log_tb.set(false);
            Ok(exc)
        }
    }
}

fn fut_set_result(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "set_result", kw)?;
    let [me, res] = ArgSpec::exact::<2>(vm, "set_result", args, 1)?;
    let f = state::<FutureData>(vm, &me, FUT)?;
    ensure_alive(vm, f)?;
    future_set_result(vm, &me, f, res)?;
    Ok(none())
}

fn fut_set_exception(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "set_exception", kw)?;
    let [me, exc] = ArgSpec::exact::<2>(vm, "set_exception", args, 1)?;
    let f = state::<FutureData>(vm, &me, FUT)?;
    ensure_alive(vm, f)?;
    future_set_exception(vm, &me, f, exc)?;
    Ok(none())
}

fn fut_add_done_callback(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (me, f) = self_arg::<FutureData>(vm, args, FUT)?;
    let a = ArgSpec::parse(vm, "add_done_callback", &args[1..], kw, &["", "context"], 1, 1)?;
    let cb = a[0].clone().unwrap_or_else(none);
    let ctx = match a[1].clone() {
        Some(c) => c,
        None => copy_current_context(vm)?,
    };
    future_add_done_callback(vm, me, f, cb, ctx)?;
    Ok(none())
}

fn fut_remove_done_callback(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "remove_done_callback", kw)?;
    let [me, func] = ArgSpec::exact::<2>(vm, "remove_done_callback", args, 1)?;
    let f = state::<FutureData>(vm, &me, FUT)?;
    ensure_alive(vm, f)?;
    let mut removed = 0i64;
    let cb0 = f.callback0.get();
    if !cb0.is_null() && vm.rich_eq_bool(&cb0, &func)? {
        // Only if the comparison left it in place.
        if f.callback0.is(&cb0) {
            f.callback0.clear();
            f.context0.clear();
        }
        removed += 1;
    }
    let list_v = f.callbacks.get();
    let Some(list) = list_v.downcast_ref::<ListObject>() else {
        return Ok(Value::int(removed));
    };
    // The comparisons may run Python that changes the list: walk it by index
    // against its current length, as CPython does.
    let mut kept = Vec::new();
    let mut i = 0;
    while i < list.len() {
        let Some(item) = list.get(i) else { break };
        let cb = item
            .downcast_ref::<TupleObject>()
            .and_then(|t| t.items().first().cloned())
            .unwrap_or_else(none);
        if !vm.rich_eq_bool(&cb, &func)? {
            kept.push(item);
        }
        i += 1;
    }
    if !f.callbacks.is(&list_v) {
        // Cleared (or replaced) by a comparison.
        return Ok(Value::int(removed + (i - kept.len()) as i64));
    }
    let len = list.len();
    let gone = len as i64 - kept.len() as i64;
    if kept.is_empty() {
        f.callbacks.clear();
    } else if kept.len() != len {
        let old = list.replace_all(kept);
        drop(old);
    }
    Ok(Value::int(removed + gone.max(0)))
}

fn fut_cancel(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (me, f) = self_arg::<FutureData>(vm, args, FUT)?;
    let a = ArgSpec::parse(vm, "cancel", &args[1..], kw, &["msg"], 1, 0)?;
    ensure_alive(vm, f)?;
    let msg = a[0].clone().unwrap_or_else(none);
    let r = future_cancel(vm, me, f, msg)?;
    Ok(if r { true_value() } else { false_value() })
}

fn fut_cancelled(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "cancelled", args, kw)?;
    let (_, f) = self_arg::<FutureData>(vm, args, FUT)?;
    Ok(if f.is_alive() && f.state.get() == FutState::Cancelled {
        true_value()
    } else {
        false_value()
    })
}

fn fut_done(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "done", args, kw)?;
    let (_, f) = self_arg::<FutureData>(vm, args, FUT)?;
    Ok(if f.is_alive() && f.state.get() != FutState::Pending {
        true_value()
    } else {
        false_value()
    })
}

fn fut_get_loop(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "get_loop", args, kw)?;
    let (_, f) = self_arg::<FutureData>(vm, args, FUT)?;
    ensure_alive(vm, f)?;
    Ok(f.loop_.get())
}

fn fut_make_cancelled_error(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "_make_cancelled_error", args, kw)?;
    let (_, f) = self_arg::<FutureData>(vm, args, FUT)?;
    create_cancelled_error(vm, f)
}

/// Reports an exception nobody retrieved through the loop's exception handler.
fn future_finalize(vm: &mut Vm, me: &Value, f: &FutureData) -> PyResult<()> {
    if !f.log_tb.get() {
        return Ok(());
    }
    f.log_tb.set(false);
    let ctx = DictObject::new_value();
    let Some(d) = ctx.downcast_ref::<DictObject>() else {
        return Ok(());
    };
    let msg = format!("{} exception was never retrieved", type_of(me).name_string());
    d.insert_str_key("message", new_str(&msg));
    d.insert_str_key("exception", f.exception.get_or_none());
    d.insert_str_key("future", me.clone());
    if !f.source_tb.is_null() {
        d.insert_str_key("source_traceback", f.source_tb.get());
    }
    call_exception_handler(vm, &f.loop_.get(), ctx);
    Ok(())
}

fn call_exception_handler(vm: &mut Vm, lp: &Value, ctx: Value) {
    if lp.is_null() {
        return;
    }
    let Ok(func) = vm.getattr_str(lp, "call_exception_handler") else {
        return;
    };
    if let Err(e) = vm.call1(&func, ctx) {
        crate::sysmodule::write_unraisable(vm, &func, &e);
    }
}

fn fut_del(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (me, f) = self_arg::<FutureData>(vm, args, FUT)?;
    let saved = vm.exc_info.clone();
    let r = future_finalize(vm, me, f);
    vm.exc_info = saved;
    r.map(|_| none())
}

// --- Future getsets -------------------------------------------------------------------------

fn alive_state<'a>(vm: &mut Vm, me: &'a Value) -> PyResult<&'a FutureData> {
    let f = state::<FutureData>(vm, me, FUT)?;
    ensure_alive(vm, f)?;
    Ok(f)
}

fn fut_get_state(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let f = alive_state(vm, me)?;
    Ok(vm.intern(match f.state.get() {
        FutState::Pending => "PENDING",
        FutState::Cancelled => "CANCELLED",
        FutState::Finished => "FINISHED",
    }))
}

fn fut_get_blocking(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let f = state::<FutureData>(vm, me, FUT)?;
    Ok(if f.is_alive() && f.blocking.get() { true_value() } else { false_value() })
}

fn fut_set_blocking(vm: &mut Vm, me: &Value, v: Option<Value>) -> PyResult<()> {
    let f = alive_state(vm, me)?;
    let Some(v) = v else {
        return Err(vm.new_error(ExcKind::AttributeError, "cannot delete attribute"));
    };
    let b = vm.is_true(&v)?;
    f.blocking.set(b);
    Ok(())
}

fn fut_get_log_traceback(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let f = alive_state(vm, me)?;
    Ok(if f.log_tb.get() { true_value() } else { false_value() })
}

fn fut_set_log_traceback(vm: &mut Vm, me: &Value, v: Option<Value>) -> PyResult<()> {
    let f = state::<FutureData>(vm, me, FUT)?;
    let Some(v) = v else {
        return Err(vm.new_error(ExcKind::AttributeError, "cannot delete attribute"));
    };
    if vm.is_true(&v)? {
        return Err(vm.value_error("_log_traceback can only be set to False"));
    }
    f.log_tb.set(false);
    Ok(())
}

fn fut_get_loop_attr(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let f = state::<FutureData>(vm, me, FUT)?;
    Ok(f.loop_.get_or_none())
}

fn fut_get_callbacks(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let f = alive_state(vm, me)?;
    let cb0 = f.callback0.get();
    let list = f.callbacks.get();
    if cb0.is_null() {
        return Ok(if list.is_null() { none() } else { list });
    }
    let mut items = vec![new_tuple(vec![cb0, f.context0.get_or_none()])];
    if let Some(l) = list.downcast_ref::<ListObject>() {
        items.extend(l.to_vec());
    }
    Ok(new_list(items))
}

fn fut_get_result_attr(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    Ok(alive_state(vm, me)?.result.get_or_none())
}

fn fut_get_exception_attr(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    Ok(alive_state(vm, me)?.exception.get_or_none())
}

fn fut_get_source_traceback(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let f = state::<FutureData>(vm, me, FUT)?;
    Ok(if f.is_alive() { f.source_tb.get_or_none() } else { none() })
}

fn fut_get_cancel_message(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    Ok(state::<FutureData>(vm, me, FUT)?.cancel_msg.get_or_none())
}

fn fut_set_cancel_message(vm: &mut Vm, me: &Value, v: Option<Value>) -> PyResult<()> {
    let f = state::<FutureData>(vm, me, FUT)?;
    let Some(v) = v else {
        return Err(vm.new_error(ExcKind::AttributeError, "cannot delete attribute"));
    };
    f.cancel_msg.set(v);
    Ok(())
}

// --- FutureIter -------------------------------------------------------------------------------

/// One step of `await future`: the future itself while pending (once), its
/// result (`Ok(Err(value))` in the outer sense: finished) when done.
fn future_iter_step(vm: &mut Vm, it: &FutureIter) -> PyResult<GenResult> {
    let fut = it.future.get();
    let Some(f) = fut.native_ref::<FutureData>() else {
        return Ok(GenResult::Return(Value::NULL));
    };
    if f.state.get() == FutState::Pending {
        if !f.blocking.get() {
            f.blocking.set(true);
            return Ok(GenResult::Yield(fut));
        }
        return Err(vm.new_error(ExcKind::RuntimeError, "await wasn't used with future"));
    }
    it.future.clear();
    if !f.is_alive() {
        return Err(invalid_state(vm, "Future object is not initialized."));
    }
    match future_get_result(vm, f)? {
        Outcome::Result(v) => Ok(GenResult::Return(v)),
        Outcome::Exception(e) => Err(PyErr::new(e)),
    }
}

fn future_iter_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let it = state::<FutureIter>(vm, me, "_asyncio.FutureIter")?;
    match future_iter_step(vm, it)? {
        GenResult::Yield(v) => Ok(Some(v)),
        // No StopIteration object for a None result (the common case).
        GenResult::Return(v) if v.is_null() || v.is_none() => Ok(None),
        GenResult::Return(v) => Err(stop_iteration_with(vm, v)),
    }
}

fn future_iter_send(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "send", kw)?;
    let [me, _unused] = ArgSpec::exact::<2>(vm, "send", args, 1)?;
    let it = state::<FutureIter>(vm, &me, "_asyncio.FutureIter")?;
    match future_iter_step(vm, it)? {
        GenResult::Yield(v) => Ok(v),
        GenResult::Return(v) if v.is_null() => Err(vm.new_error_noargs(ExcKind::StopIteration)),
        GenResult::Return(v) => Err(stop_iteration_with(vm, v)),
    }
}

fn future_iter_throw(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "throw", kw)?;
    let (me, it) = self_arg::<FutureIter>(vm, args, "_asyncio.FutureIter")?;
    let _ = me;
    ArgSpec::range(vm, "throw", args, 1, 1, 3)?;
    if let Some(tb) = args.get(3).filter(|t| !t.is_none()) {
        if tb.downcast_ref::<crate::exception::TracebackObject>().is_none() {
            return Err(vm.type_error("throw() third argument must be a traceback"));
        }
    }
    let typ = &args[1];
    if !is_exception_class(typ) && !is_exception_instance(typ) {
        return Err(vm.type_error(
            "exceptions must be classes deriving BaseException or instances of such a class",
        ));
    }
    let err = Vm::throw_exception(vm, &args[1..])?;
    it.future.clear();
    Err(err)
}

fn future_iter_close(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "close", args, kw)?;
    let (_, it) = self_arg::<FutureIter>(vm, args, "_asyncio.FutureIter")?;
    it.future.clear();
    Ok(none())
}

// --- Task ---------------------------------------------------------------------------------------

const TASK_NAME: &str = "_asyncio.Task";

fn task_new(_vm: &mut Vm, cls: &Value, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let t = cls_type(cls, task_type());
    Ok(new_native(t, FutureData::new()))
}

/// Whether `coro` is a coroutine as `asyncio.iscoroutine` says (native
/// coroutines at once; other types through the function, cached per type).
fn is_coroutine(vm: &mut Vm, coro: &Value) -> PyResult<bool> {
    if coro.downcast_ref::<GeneratorObject>().is_some_and(|g| g.is_coroutine()) {
        return Ok(true);
    }
    let ty = type_of(coro).as_value();
    if mod_state().is_some_and(|st| st.iscoroutine_types.iter().any(|t| t.is(&ty))) {
        return Ok(true);
    }
    let func = refs(vm)?.iscoroutine.clone();
    let r = vm.call1(&func, coro.clone())?;
    if !vm.is_true(&r)? {
        return Ok(false);
    }
    if let Some(st) = mod_state() {
        if st.iscoroutine_types.len() < 100 {
            st.iscoroutine_types.push(ty);
        }
    }
    Ok(true)
}

fn task_init_slot(vm: &mut Vm, me: &Value, args: &[Value], kw: KwNames) -> PyResult<()> {
    let npos = crate::args::split_kwargs(args, kw).0.len();
    if npos > 1 {
        // Argument Clinic's wording when exactly one positional argument is allowed.
        return Err(vm.type_error(format!("Task() takes exactly 1 positional argument ({npos} given)")));
    }
    let a = ArgSpec::parse(vm, "Task", args, kw, &["coro", "loop", "name", "context"], 1, 1)?;
    let t = state::<FutureData>(vm, me, TASK_NAME)?;
    let coro = a[0].clone().unwrap_or_else(none);
    let lp = a[1].clone().unwrap_or_else(none);
    future_init(vm, t, lp)?;
    if !is_coroutine(vm, &coro)? {
        t.log_destroy_pending.set(false);
        let r = repr_string(vm, &coro)?;
        return Err(vm.type_error(format!("a coroutine was expected, got {r}")));
    }
    let ctx = match a[3].clone() {
        Some(c) if !c.is_none() => c,
        _ => copy_current_context(vm)?,
    };
    t.context.set(ctx);
    t.fut_waiter.clear();
    t.must_cancel.set(false);
    t.log_destroy_pending.set(true);
    t.num_cancels_requested.set(0);
    t.coro.set(coro);
    let name = match a[2].clone() {
        Some(n) if !n.is_none() => {
            if std::ptr::eq(type_of(&n), crate::typeobj::STR_TYPE.get()) {
                n
            } else {
                vm.str(&n)?
            }
        }
        _ => {
            let Some(st) = mod_state() else {
                return Err(not_initialized(vm));
            };
            st.task_name_counter += 1;
            new_str(&format!("Task-{}", st.task_name_counter))
        }
    };
    t.name.set(name);
    task_call_step_soon(vm, me, t, None)?;
    register_task(vm, me)
}

fn task_repr(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let func = refs(vm)?.task_repr.clone();
    vm.call1(&func, me.clone())
}

fn task_set_result(vm: &mut Vm, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    Err(vm.new_error(ExcKind::RuntimeError, "Task does not support set_result operation"))
}

fn task_set_exception(vm: &mut Vm, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    Err(vm.new_error(ExcKind::RuntimeError, "Task does not support set_exception operation"))
}

fn task_cancel(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (_, t) = self_arg::<FutureData>(vm, args, TASK_NAME)?;
    let a = ArgSpec::parse(vm, "cancel", &args[1..], kw, &["msg"], 1, 0)?;
    let msg = a[0].clone().unwrap_or_else(none);
    t.log_tb.set(false);
    if t.state.get() != FutState::Pending {
        return Ok(false_value());
    }
    t.num_cancels_requested.set(t.num_cancels_requested.get() + 1);
    let waiter = t.fut_waiter.get();
    if !waiter.is_null() {
        let r = vm.call_method(&waiter, "cancel", &[msg.clone()])?;
        if vm.is_true(&r)? {
            return Ok(true_value());
        }
    }
    t.must_cancel.set(true);
    t.cancel_msg.set(msg);
    Ok(true_value())
}

fn task_cancelling(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "cancelling", args, kw)?;
    let (_, t) = self_arg::<FutureData>(vm, args, TASK_NAME)?;
    Ok(Value::int(t.num_cancels_requested.get()))
}

fn task_uncancel(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "uncancel", args, kw)?;
    let (_, t) = self_arg::<FutureData>(vm, args, TASK_NAME)?;
    let n = t.num_cancels_requested.get();
    if n > 0 {
        t.num_cancels_requested.set(n - 1);
    }
    Ok(Value::int(t.num_cancels_requested.get()))
}

fn task_get_stack(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (me, _) = self_arg::<FutureData>(vm, args, TASK_NAME)?;
    let a = ArgSpec::parse(vm, "get_stack", &args[1..], kw, &["limit"], 0, 0)?;
    let func = refs(vm)?.task_get_stack.clone();
    vm.call(&func, &[me.clone(), a[0].clone().unwrap_or_else(none)], None)
}

fn task_print_stack(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (me, _) = self_arg::<FutureData>(vm, args, TASK_NAME)?;
    let a = ArgSpec::parse(vm, "print_stack", &args[1..], kw, &["limit", "file"], 0, 0)?;
    let func = refs(vm)?.task_print_stack.clone();
    let limit = a[0].clone().unwrap_or_else(none);
    let file = a[1].clone().unwrap_or_else(none);
    vm.call(&func, &[me.clone(), limit, file], None)
}

fn task_get_coro(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "get_coro", args, kw)?;
    let (_, t) = self_arg::<FutureData>(vm, args, TASK_NAME)?;
    Ok(t.coro.get_or_none())
}

fn task_get_name(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "get_name", args, kw)?;
    let (_, t) = self_arg::<FutureData>(vm, args, TASK_NAME)?;
    Ok(t.name.get_or_none())
}

fn task_set_name(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "set_name", kw)?;
    let [me, v] = ArgSpec::exact::<2>(vm, "set_name", args, 1)?;
    let t = state::<FutureData>(vm, &me, TASK_NAME)?;
    let name = if std::ptr::eq(type_of(&v), crate::typeobj::STR_TYPE.get()) {
        v
    } else {
        vm.str(&v)?
    };
    t.name.set(name);
    Ok(none())
}

fn task_del(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (me, t) = self_arg::<FutureData>(vm, args, TASK_NAME)?;
    let saved = vm.exc_info.clone();
    if t.state.get() == FutState::Pending && t.log_destroy_pending.get() {
        let ctx = DictObject::new_value();
        if let Some(d) = ctx.downcast_ref::<DictObject>() {
            d.insert_str_key("message", new_str("Task was destroyed but it is pending!"));
            d.insert_str_key("task", me.clone());
            if !t.source_tb.is_null() {
                d.insert_str_key("source_traceback", t.source_tb.get());
            }
        }
        call_exception_handler(vm, &t.loop_.get(), ctx);
    }
    let r = future_finalize(vm, me, t);
    vm.exc_info = saved;
    r.map(|_| none())
}

fn task_get_log_destroy_pending(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let t = state::<FutureData>(vm, me, TASK_NAME)?;
    Ok(if t.log_destroy_pending.get() { true_value() } else { false_value() })
}

fn task_set_log_destroy_pending(vm: &mut Vm, me: &Value, v: Option<Value>) -> PyResult<()> {
    let t = state::<FutureData>(vm, me, TASK_NAME)?;
    let Some(v) = v else {
        return Err(vm.new_error(ExcKind::AttributeError, "cannot delete attribute"));
    };
    let b = vm.is_true(&v)?;
    t.log_destroy_pending.set(b);
    Ok(())
}

fn task_get_must_cancel(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let t = state::<FutureData>(vm, me, TASK_NAME)?;
    Ok(if t.must_cancel.get() { true_value() } else { false_value() })
}

fn task_get_coro_attr(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    Ok(state::<FutureData>(vm, me, TASK_NAME)?.coro.get_or_none())
}

fn task_get_fut_waiter(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    Ok(state::<FutureData>(vm, me, TASK_NAME)?.fut_waiter.get_or_none())
}

// --- stepping a task ------------------------------------------------------------------------------

fn task_call_step_soon(vm: &mut Vm, me: &Value, t: &FutureData, arg: Option<Value>) -> PyResult<()> {
    let cb = new_native(
        step_wrapper_type(),
        StepWrapper {
            task: Field(UnsafeCell::new(me.clone())),
            arg: Field(UnsafeCell::new(arg.unwrap_or(Value::NULL))),
        },
    );
    let lp = t.loop_.get();
    let ctx = t.context.get();
    call_soon(vm, &lp, cb, None, if ctx.is_null() { None } else { Some(ctx) })
}

/// Schedules a step that throws `kind(msg)` into the coroutine.
fn task_set_error_soon(vm: &mut Vm, me: &Value, t: &FutureData, msg: String) -> PyResult<()> {
    let e = vm.new_error(ExcKind::RuntimeError, msg);
    task_call_step_soon(vm, me, t, Some(e.exc))
}

fn step_wrapper_call(vm: &mut Vm, me: &Value, args: &[Value], kw: KwNames) -> PyResult<Value> {
    if kw.and_then(|k| k.downcast_ref::<TupleObject>()).is_some_and(|t| !t.is_empty()) {
        return Err(vm.type_error("function takes no keyword arguments"));
    }
    if !args.is_empty() {
        return Err(vm.type_error("function takes no positional arguments"));
    }
    let w = state::<StepWrapper>(vm, me, "TaskStepMethWrapper")?;
    let task = w.task.get();
    let arg = w.arg.get();
    task_step(vm, &task, if arg.is_null() { None } else { Some(arg) })?;
    Ok(none())
}

fn step_wrapper_self(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    Ok(state::<StepWrapper>(vm, me, "TaskStepMethWrapper")?.task.get_or_none())
}

fn task_step(vm: &mut Vm, task: &Value, exc: Option<Value>) -> PyResult<()> {
    let Some(t) = task.native_ref::<FutureData>() else {
        return Err(vm.type_error("a Task was expected"));
    };
    let lp = t.loop_.get();
    if lp.is_null() {
        return Err(vm.new_error(ExcKind::RuntimeError, "uninitialized Task object"));
    }
    enter_task(vm, &lp, task)?;
    let r = task_step_impl(vm, task, t, exc);
    let left = leave_task(vm, &lp, task);
    match (r, left) {
        (Ok(()), Ok(())) => Ok(()),
        (Err(e), Ok(())) | (Ok(()), Err(e)) => Err(e),
        (Err(first), Err(second)) => {
            if let Some(o) = second.exc.downcast_ref::<crate::exception::ExceptionObject>() {
                o.set_context(first.exc.clone());
            }
            Err(second)
        }
    }
}

/// How the coroutine's resumption ended.
enum Step {
    Yielded(Value),
    Returned(Value),
    Raised(PyErr),
}

fn resume_coro(vm: &mut Vm, coro: &Value, exc: Option<Value>) -> PyResult<Step> {
    if coro.downcast_ref::<GeneratorObject>().is_some() {
        let r = match exc {
            None => vm.gen_send(coro, none(), None),
            Some(e) => vm.gen_send(coro, none(), Some(PyErr::new(e))),
        };
        return Ok(match r {
            Ok(GenResult::Yield(v)) => Step::Yielded(v),
            Ok(GenResult::Return(v)) => Step::Returned(v),
            Err(e) => Step::Raised(e),
        });
    }
    // Another coroutine flavour: its send/throw methods.
    let r = match exc {
        None => vm.call_method(coro, "send", &[none()]),
        Some(e) => vm.call_method(coro, "throw", &[e]),
    };
    Ok(match r {
        Ok(v) => Step::Yielded(v),
        Err(e) if std::ptr::eq(type_of(&e.exc), exc_type(ExcKind::StopIteration))
            || e.is_instance(ExcKind::StopIteration) =>
        {
            let v = crate::attr::instance_get(&e.exc, &vm.intern("value")).unwrap_or_else(none);
            Step::Returned(v)
        }
        Err(e) => Step::Raised(e),
    })
}

fn task_step_impl(vm: &mut Vm, me: &Value, t: &FutureData, exc: Option<Value>) -> PyResult<()> {
    if t.state.get() != FutState::Pending {
        let tr = repr_string(vm, me)?;
        let er = match &exc {
            Some(e) => repr_string(vm, e)?,
            None => "None".to_string(),
        };
        return Err(invalid_state(vm, &format!("_step(): already done: {tr} {er}")));
    }
    let mut exc = exc;
    if t.must_cancel.get() {
        if let Some(e) = &exc {
            if !is_cancelled_error(vm, e)? {
                exc = None;
            }
        }
        if exc.is_none() {
            exc = Some(create_cancelled_error(vm, t)?);
        }
        t.must_cancel.set(false);
    }
    t.fut_waiter.clear();
    let coro = t.coro.get();
    if coro.is_null() {
        return Err(vm.new_error(ExcKind::RuntimeError, "uninitialized Task object"));
    }
    let result = match resume_coro(vm, &coro, exc)? {
        Step::Returned(v) => {
            if t.must_cancel.get() {
                // Cancelled right before the coroutine returned.
                t.must_cancel.set(false);
                let msg = t.cancel_msg.get_or_none();
                future_cancel(vm, me, t, msg)?;
            } else {
                future_set_result(vm, me, t, v)?;
            }
            return Ok(());
        }
        Step::Raised(e) => {
            if is_cancelled_error(vm, &e.exc)? {
                t.cancelled_exc.set(e.exc);
                future_cancel(vm, me, t, none())?;
                return Ok(());
            }
            let reraise = e.is_instance(ExcKind::KeyboardInterrupt) || e.is_instance(ExcKind::SystemExit);
            future_set_exception(vm, me, t, e.exc.clone())?;
            if reraise {
                return Err(e);
            }
            return Ok(());
        }
        Step::Yielded(v) => v,
    };
    if result.is(me) {
        let tr = repr_string(vm, me)?;
        return task_set_error_soon(vm, me, t, format!("Task cannot await on itself: {tr}"));
    }
    if is_exact_future_or_task(&result) {
        let Some(f) = result.native_ref::<FutureData>() else {
            return Ok(());
        };
        if !f.loop_.is(&t.loop_.get()) {
            return different_loop(vm, me, t, &result);
        }
        if !f.blocking.get() {
            return yield_instead_of_yield_from(vm, me, t, &result);
        }
        f.blocking.set(false);
        let wakeup = new_bound_builtin("task_wakeup", task_wakeup, me.clone());
        let ctx = t.context.get_or_none();
        future_add_done_callback(vm, &result, f, wakeup, ctx)?;
        return wait_on(vm, t, result);
    }
    if result.is_none() {
        // A bare yield gives the loop one iteration.
        return task_call_step_soon(vm, me, t, None);
    }
    let blocking_name = vm.intern("_asyncio_future_blocking");
    if let Some(o) = vm.lookup_attr(&result, &blocking_name)? {
        if !o.is_none() {
            let blocking = vm.is_true(&o)?;
            let oloop = future_loop(vm, &result)?;
            if !oloop.is(&t.loop_.get()) {
                return different_loop(vm, me, t, &result);
            }
            if !blocking {
                return yield_instead_of_yield_from(vm, me, t, &result);
            }
            vm.setattr(&result, &blocking_name, false_value())?;
            let wakeup = new_bound_builtin("task_wakeup", task_wakeup, me.clone());
            let add = vm.getattr_str(&result, "add_done_callback")?;
            let kw = match mod_state() {
                Some(st) => st.context_kwnames.clone(),
                None => return Err(not_initialized(vm)),
            };
            vm.call(&add, &[wakeup, t.context.get_or_none()], Some(&kw))?;
            return wait_on(vm, t, result);
        }
    }
    let tr = repr_string(vm, me)?;
    let rr = repr_string(vm, &result)?;
    if type_of(&result).is_subtype(crate::typeobj::GENERATOR_TYPE.get()) {
        return task_set_error_soon(
            vm,
            me,
            t,
            format!("yield was used instead of yield from for generator in task {tr} with {rr}"),
        );
    }
    task_set_error_soon(vm, me, t, format!("Task got bad yield: {rr}"))
}

/// The task now waits on `fut`; a cancellation requested meanwhile goes to it.
fn wait_on(vm: &mut Vm, t: &FutureData, fut: Value) -> PyResult<()> {
    t.fut_waiter.set(fut.clone());
    if t.must_cancel.get() {
        let msg = t.cancel_msg.get_or_none();
        let r = vm.call_method(&fut, "cancel", &[msg])?;
        if vm.is_true(&r)? {
            t.must_cancel.set(false);
        }
    }
    Ok(())
}

fn different_loop(vm: &mut Vm, me: &Value, t: &FutureData, fut: &Value) -> PyResult<()> {
    let tr = repr_string(vm, me)?;
    let fr = repr_string(vm, fut)?;
    task_set_error_soon(vm, me, t, format!("Task {tr} got Future {fr} attached to a different loop"))
}

fn yield_instead_of_yield_from(vm: &mut Vm, me: &Value, t: &FutureData, fut: &Value) -> PyResult<()> {
    let tr = repr_string(vm, me)?;
    let fr = repr_string(vm, fut)?;
    task_set_error_soon(vm, me, t, format!("yield was used instead of yield from in task {tr} with {fr}"))
}

/// `asyncio.futures._get_loop(fut)`.
fn future_loop(vm: &mut Vm, fut: &Value) -> PyResult<Value> {
    if is_exact_future_or_task(fut) {
        if let Some(f) = fut.native_ref::<FutureData>() {
            return Ok(f.loop_.get_or_none());
        }
    }
    let name = vm.intern("get_loop");
    if let Some(get_loop) = vm.lookup_attr(fut, &name)? {
        return vm.call0(&get_loop);
    }
    vm.getattr_str(fut, "_loop")
}

/// The done callback of the future a task waits on: the next step, with the
/// future's exception thrown in if it has one.
fn task_wakeup(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "task_wakeup", kw)?;
    let [task, fut] = ArgSpec::exact::<2>(vm, "task_wakeup", args, 1)?;
    let outcome = if is_exact_future_or_task(&fut) {
        match fut.native_ref::<FutureData>() {
            Some(f) => future_get_result(vm, f).map(|o| match o {
                Outcome::Result(_) => None,
                Outcome::Exception(e) => Some(e),
            }),
            None => Ok(None),
        }
    } else {
        vm.call_method(&fut, "result", &[]).map(|_| None)
    };
    let exc = match outcome {
        Ok(e) => e,
        Err(e) => Some(e.exc),
    };
    task_step(vm, &task, exc)?;
    Ok(none())
}

// --- task registry -----------------------------------------------------------------------------

fn all_tasks(vm: &mut Vm) -> PyResult<Value> {
    match mod_state() {
        Some(st) => Ok(st.all_tasks.clone()),
        None => Err(not_initialized(vm)),
    }
}

fn current_tasks(vm: &mut Vm) -> PyResult<Value> {
    match mod_state() {
        Some(st) => Ok(st.current_tasks.clone()),
        None => Err(not_initialized(vm)),
    }
}

fn register_task(vm: &mut Vm, task: &Value) -> PyResult<()> {
    let set = all_tasks(vm)?;
    vm.call_method(&set, "add", &[task.clone()])?;
    Ok(())
}

fn enter_task(vm: &mut Vm, lp: &Value, task: &Value) -> PyResult<()> {
    let cur = current_tasks(vm)?;
    let Some(d) = cur.downcast_ref::<DictObject>() else {
        return Err(not_initialized(vm));
    };
    if let Some(item) = d.get_item(vm, lp)? {
        let tr = repr_string(vm, task)?;
        let ir = repr_string(vm, &item)?;
        return Err(vm.new_error(
            ExcKind::RuntimeError,
            format!("Cannot enter into task {tr} while another task {ir} is being executed."),
        ));
    }
    d.set_item(vm, lp.clone(), task.clone())
}

fn leave_task(vm: &mut Vm, lp: &Value, task: &Value) -> PyResult<()> {
    let cur = current_tasks(vm)?;
    let Some(d) = cur.downcast_ref::<DictObject>() else {
        return Err(not_initialized(vm));
    };
    let item = d.get_item(vm, lp)?;
    if !item.as_ref().is_some_and(|i| i.is(task)) {
        let tr = repr_string(vm, task)?;
        let ir = match item {
            Some(i) => repr_string(vm, &i)?,
            None => "None".to_string(),
        };
        return Err(vm.new_error(
            ExcKind::RuntimeError,
            format!("Leaving task {tr} does not match the current task {ir}."),
        ));
    }
    let old = d.del_item(vm, lp)?;
    drop(old);
    Ok(())
}

// --- module functions ----------------------------------------------------------------------------

fn m_get_running_loop_or_none(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "_get_running_loop", args, kw)?;
    Ok(running_loop().unwrap_or_else(none))
}

fn m_set_running_loop(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "_set_running_loop", kw)?;
    let [lp] = ArgSpec::exact::<1>(vm, "_set_running_loop", args, 0)?;
    set_running_loop(vm, lp)?;
    Ok(none())
}

fn m_get_running_loop(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "get_running_loop", args, kw)?;
    match running_loop() {
        Some(lp) => Ok(lp),
        None => Err(vm.new_error(ExcKind::RuntimeError, "no running event loop")),
    }
}

fn m_get_event_loop(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "get_event_loop", args, kw)?;
    get_event_loop(vm)
}

fn m_get_event_loop_internal(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "_get_event_loop", args, kw, &["stacklevel"], 1, 0)?;
    if let Some(level) = &a[0] {
        vm.c_int(level)?;
    }
    get_event_loop(vm)
}

fn m_register_task(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "_register_task", args, kw, &["task"], 1, 1)?;
    let task = a[0].clone().unwrap_or_else(none);
    register_task(vm, &task)?;
    Ok(none())
}

fn m_unregister_task(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "_unregister_task", args, kw, &["task"], 1, 1)?;
    let task = a[0].clone().unwrap_or_else(none);
    let set = all_tasks(vm)?;
    vm.call_method(&set, "discard", &[task])?;
    Ok(none())
}

fn m_enter_task(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "_enter_task", args, kw, &["loop", "task"], 2, 2)?;
    let lp = a[0].clone().unwrap_or_else(none);
    let task = a[1].clone().unwrap_or_else(none);
    enter_task(vm, &lp, &task)?;
    Ok(none())
}

fn m_leave_task(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "_leave_task", args, kw, &["loop", "task"], 2, 2)?;
    let lp = a[0].clone().unwrap_or_else(none);
    let task = a[1].clone().unwrap_or_else(none);
    leave_task(vm, &lp, &task)?;
    Ok(none())
}

pub(crate) fn init(vm: &mut Vm) -> PyResult<Value> {
    if mod_state().is_none() {
        let weakref = vm.import_absolute("_weakrefset")?;
        let weak_set = vm.getattr_str(&weakref, "WeakSet")?;
        let all = vm.call0(&weak_set)?;
        let cv = vm.import_absolute("_contextvars")?;
        let copy_context = vm.getattr_str(&cv, "copy_context")?;
        let st = ModState {
            refs: None,
            all_tasks: all,
            current_tasks: DictObject::new_value(),
            copy_context,
            context_kwnames: new_tuple(vec![vm.intern("context")]),
            iscoroutine_types: Vec::new(),
            task_name_counter: 0,
            running: Vec::new(),
        };
        // SAFETY: GIL held; nothing else refers to the state yet.
        unsafe { *STATE.get_mut() = Some(st) };
    }
    let Some(st) = mod_state() else {
        return Err(not_initialized(vm));
    };
    let (all, cur) = (st.all_tasks.clone(), st.current_tasks.clone());
    let m = ModuleBuilder::new("_asyncio");
    m.doc("Accelerator module for asyncio");
    m.type_(future_type());
    m.type_(task_type());
    m.value("_all_tasks", all);
    m.value("_current_tasks", cur);
    m.functions(&[
        ("get_event_loop", m_get_event_loop),
        ("_get_event_loop", m_get_event_loop_internal),
        ("get_running_loop", m_get_running_loop),
        ("_get_running_loop", m_get_running_loop_or_none),
        ("_set_running_loop", m_set_running_loop),
        ("_register_task", m_register_task),
        ("_unregister_task", m_unregister_task),
        ("_enter_task", m_enter_task),
        ("_leave_task", m_leave_task),
    ]);
    let _ = is_task;
    Ok(m.finish())
}
