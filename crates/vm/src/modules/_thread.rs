//! `_thread`: locks, thread identity and thread-local data.
//!
//! pyrite runs Python code on one OS thread for now: the VM owns the GIL for
//! its whole life and has no hand-over yet, so `start_new_thread` raises
//! RuntimeError instead of starting a thread that could never run. Everything
//! `threading` needs in a single thread works: locks (with timeouts, which
//! wait while still running signal handlers, since only a handler could
//! release a lock held by this very thread), RLock, identity, `_local`.

use crate::args::{check_no_kwargs, ArgSpec};
use crate::exception::{ExcKind, PyResult};
use crate::modules::{init_native_type, ModuleBuilder, NativeType};
use crate::object::LayoutKind;
use crate::objects::native::{new_native, NativeData};
use crate::objects::singletons::none;
use crate::objects::str::new_str;
use crate::typeinit::add_method;
use crate::typeobj::{type_flags, KwNames, NativeFn, TypeObject, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;
use std::time::{Duration, Instant};

/// CPython's `_thread.TIMEOUT_MAX` on Linux.
const TIMEOUT_MAX: f64 = 9223372036.0;

fn current_ident() -> u64 {
    // SAFETY: pthread_self cannot fail.
    unsafe { libc::pthread_self() as u64 }
}

/// Called in the child after `os.fork()`: the forking thread is the only one left.
pub(crate) fn after_fork_child() {}

// --- lock --------------------------------------------------------------------------

struct Lock {
    locked: Cell<bool>,
}

impl NativeData for Lock {}

struct RLock {
    owner: Cell<u64>,
    count: Cell<u64>,
}

impl NativeData for RLock {}

static LOCK_TYPE: NativeType = NativeType::new();
static RLOCK_TYPE: NativeType = NativeType::new();
static LOCAL_TYPE: NativeType = NativeType::new();

fn lock_type() -> &'static TypeObject {
    LOCK_TYPE.get_or_init(|st| {
        init_native_type(st, "_thread", "lock", LayoutKind::Native, &OBJECT_TYPE, 0, |s| {
            s.repr = Some(lock_repr);
            s.new = None;
        });
        for name in ["acquire", "acquire_lock", "__enter__"] {
            add_method(st, name, lock_acquire);
        }
        for name in ["release", "release_lock"] {
            add_method(st, name, lock_release);
        }
        add_method(st, "__exit__", lock_exit);
        add_method(st, "locked", lock_locked);
        add_method(st, "locked_lock", lock_locked);
        add_method(st, "_at_fork_reinit", lock_at_fork_reinit);
    })
}

fn rlock_type() -> &'static TypeObject {
    RLOCK_TYPE.get_or_init(|st| {
        init_native_type(st, "_thread", "RLock", LayoutKind::Native, &OBJECT_TYPE, type_flags::BASETYPE, |s| {
            s.repr = Some(rlock_repr);
            s.new = Some(rlock_new);
        });
        add_method(st, "acquire", rlock_acquire);
        add_method(st, "__enter__", rlock_acquire);
        add_method(st, "release", rlock_release);
        add_method(st, "__exit__", rlock_exit);
        add_method(st, "_is_owned", rlock_is_owned);
        add_method(st, "_recursion_count", rlock_recursion_count);
        add_method(st, "_release_save", rlock_release_save);
        add_method(st, "_acquire_restore", rlock_acquire_restore);
        add_method(st, "_at_fork_reinit", rlock_at_fork_reinit);
    })
}

fn new_lock() -> Value {
    new_native(lock_type(), Lock { locked: Cell::new(false) })
}

fn lock_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Lock> {
    v.native_ref::<Lock>()
        .ok_or_else(|| vm.type_error("descriptor requires a '_thread.lock' object"))
}

/// `acquire(blocking=True, timeout=-1)` arguments: None for "wait forever",
/// Some(duration) otherwise (zero for non-blocking).
fn acquire_args(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Option<Duration>> {
    let tail = args.get(1..).unwrap_or(&[]);
    let a = ArgSpec::parse(vm, "acquire", tail, kwnames, &["blocking", "timeout"], 2, 0)?;
    let blocking = match &a[0] {
        Some(b) => vm.is_true(b)?,
        None => true,
    };
    let timeout = match &a[1] {
        Some(t) => match (crate::objects::float::as_float(t), crate::objects::int::as_int(t)) {
            (_, Some(i)) => i.to_f64().unwrap_or(f64::INFINITY),
            (Some(f), None) => f,
            _ => {
                let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(t));
                return Err(vm.type_error(msg));
            }
        },
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.value_error("timeout value must be positive"));
    }
    if !blocking {
        return Ok(Some(Duration::ZERO));
    }
    if timeout == -1.0 {
        return Ok(None);
    }
    if timeout > 9.2e18 {
        return Err(vm.new_error(ExcKind::OverflowError, "timestamp out of range for platform time_t"));
    }
    if timeout > TIMEOUT_MAX {
        return Err(vm.new_error(ExcKind::OverflowError, "timeout value is too large"));
    }
    Ok(Some(Duration::from_secs_f64(timeout)))
}

/// Waits until `ready()` or the timeout, running signal handlers meanwhile
/// (in one thread only a handler can make a held lock free).
fn wait_until(vm: &mut Vm, timeout: Option<Duration>, ready: &dyn Fn() -> bool) -> PyResult<bool> {
    if ready() {
        return Ok(true);
    }
    let start = Instant::now();
    vm.flush_stdout();
    loop {
        crate::modules::_signal::run_pending_handlers(vm)?;
        if ready() {
            return Ok(true);
        }
        let step = match timeout {
            Some(t) => {
                let elapsed = start.elapsed();
                if elapsed >= t {
                    return Ok(false);
                }
                (t - elapsed).min(Duration::from_millis(50))
            }
            None => Duration::from_millis(50),
        };
        std::thread::sleep(step);
    }
}

fn lock_acquire(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let timeout = acquire_args(vm, args, kwnames)?;
    let this = args.first().cloned().unwrap_or_else(none);
    lock_of(vm, &this)?;
    let ok = {
        let probe = this.clone();
        let ready = move || probe.native_ref::<Lock>().is_some_and(|l| !l.locked.get());
        wait_until(vm, timeout, &ready)?
    };
    if ok {
        lock_of(vm, &this)?.locked.set(true);
    }
    Ok(Value::bool(ok))
}

fn lock_release(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "release", kw)?;
    let this = args.first().cloned().unwrap_or_else(none);
    let l = lock_of(vm, &this)?;
    if !l.locked.get() {
        return Err(vm.new_error(ExcKind::RuntimeError, "release unlocked lock"));
    }
    l.locked.set(false);
    Ok(none())
}

fn lock_exit(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    lock_release(vm, &args[..args.len().min(1)], None)
}

fn lock_locked(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "locked", kw)?;
    let this = args.first().cloned().unwrap_or_else(none);
    Ok(Value::bool(lock_of(vm, &this)?.locked.get()))
}

fn lock_at_fork_reinit(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let this = args.first().cloned().unwrap_or_else(none);
    lock_of(vm, &this)?.locked.set(false);
    Ok(none())
}

fn addr(v: &Value) -> String {
    format!("0x{:x}", v.as_ptr().map_or(0, |p| p.as_ptr() as usize))
}

fn lock_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let state = if lock_of(vm, v)?.locked.get() { "locked" } else { "unlocked" };
    Ok(new_str(&format!("<{state} _thread.lock object at {}>", addr(v))))
}

// --- RLock -------------------------------------------------------------------------

fn rlock_new(vm: &mut Vm, cls: &Value, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let Some(t) = cls.downcast_ref::<TypeObject>() else {
        return Err(vm.type_error("RLock.__new__(X): X is not a type object"));
    };
    Ok(new_native(
        t,
        RLock {
            owner: Cell::new(0),
            count: Cell::new(0),
        },
    ))
}

fn rlock_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a RLock> {
    v.native_ref::<RLock>()
        .ok_or_else(|| vm.type_error("descriptor requires a '_thread.RLock' object"))
}

fn rlock_acquire(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let timeout = acquire_args(vm, args, kwnames)?;
    let this = args.first().cloned().unwrap_or_else(none);
    let me = current_ident();
    {
        let r = rlock_of(vm, &this)?;
        if r.count.get() > 0 && r.owner.get() == me {
            if r.count.get() == u64::MAX {
                return Err(vm.new_error(ExcKind::OverflowError, "Internal lock count overflowed"));
            }
            r.count.set(r.count.get() + 1);
            return Ok(Value::bool(true));
        }
    }
    let probe = this.clone();
    let ready = move || probe.native_ref::<RLock>().is_some_and(|r| r.count.get() == 0);
    if !wait_until(vm, timeout, &ready)? {
        return Ok(Value::bool(false));
    }
    let r = rlock_of(vm, &this)?;
    r.owner.set(me);
    r.count.set(1);
    Ok(Value::bool(true))
}

fn rlock_release(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let this = args.first().cloned().unwrap_or_else(none);
    let r = rlock_of(vm, &this)?;
    if r.count.get() == 0 || r.owner.get() != current_ident() {
        return Err(vm.new_error(ExcKind::RuntimeError, "cannot release un-acquired lock"));
    }
    r.count.set(r.count.get() - 1);
    if r.count.get() == 0 {
        r.owner.set(0);
    }
    Ok(none())
}

fn rlock_exit(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    rlock_release(vm, &args[..args.len().min(1)], None)
}

fn rlock_is_owned(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let this = args.first().cloned().unwrap_or_else(none);
    let r = rlock_of(vm, &this)?;
    Ok(Value::bool(r.count.get() > 0 && r.owner.get() == current_ident()))
}

fn rlock_recursion_count(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let this = args.first().cloned().unwrap_or_else(none);
    let r = rlock_of(vm, &this)?;
    let n = if r.owner.get() == current_ident() { r.count.get() } else { 0 };
    Ok(crate::objects::int::int_from_u64(n))
}

fn rlock_release_save(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let this = args.first().cloned().unwrap_or_else(none);
    let r = rlock_of(vm, &this)?;
    if r.count.get() == 0 {
        return Err(vm.new_error(ExcKind::RuntimeError, "cannot release un-acquired lock"));
    }
    let state = crate::objects::tuple::new_tuple(vec![
        crate::objects::int::int_from_u64(r.count.get()),
        crate::objects::int::int_from_u64(r.owner.get()),
    ]);
    r.count.set(0);
    r.owner.set(0);
    Ok(state)
}

fn rlock_acquire_restore(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [this, state] = ArgSpec::exact::<2>(vm, "_acquire_restore", args, 1)?;
    let items = vm.collect(&state)?;
    if items.len() != 2 {
        return Err(vm.type_error("_acquire_restore() argument 1 must be a 2-tuple"));
    }
    let count = crate::objects::int::bigint_of(&items[0])
        .and_then(|b| u64::try_from(b).ok())
        .unwrap_or(0);
    let owner = crate::objects::int::bigint_of(&items[1])
        .and_then(|b| u64::try_from(b).ok())
        .unwrap_or(0);
    let probe = this.clone();
    let ready = move || probe.native_ref::<RLock>().is_some_and(|r| r.count.get() == 0);
    wait_until(vm, None, &ready)?;
    let r = rlock_of(vm, &this)?;
    r.owner.set(owner);
    r.count.set(count);
    Ok(none())
}

fn rlock_at_fork_reinit(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let this = args.first().cloned().unwrap_or_else(none);
    let r = rlock_of(vm, &this)?;
    r.owner.set(0);
    r.count.set(0);
    Ok(none())
}

fn rlock_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = rlock_of(vm, v)?;
    let (owner, count) = (r.owner.get(), r.count.get());
    let state = if count > 0 { "locked" } else { "unlocked" };
    // CPython shows `tp_name`: "_thread.RLock", or a subclass's bare name.
    let t = crate::typeobj::type_of(v);
    let name = if t.is_heap_type() { t.name_string() } else { "_thread.RLock".to_string() };
    Ok(new_str(&format!("<{state} {name} object owner={owner} count={count} at {}>", addr(v))))
}

// --- _local ------------------------------------------------------------------------

fn local_type() -> &'static TypeObject {
    LOCAL_TYPE.get_or_init(|st| {
        init_native_type(
            st,
            "_thread",
            "_local",
            LayoutKind::Object,
            &OBJECT_TYPE,
            type_flags::BASETYPE | type_flags::HAS_DICT,
            |s| {
                s.new = Some(local_new);
            },
        );
        crate::typeinit::set_attr(st.get(), "__dict__", crate::types::object_ty::dict_descriptor());
    })
}

/// With one thread running Python, a thread-local object is an object with
/// its own `__dict__`.
fn local_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let Some(t) = cls.downcast_ref::<TypeObject>() else {
        return Err(vm.type_error("_local.__new__(X): X is not a type object"));
    };
    let has_args = !args.is_empty() || kwnames.is_some_and(|k| !k.is_none());
    if has_args {
        let init = t.lookup_str(vm, "__init__");
        let object_init = OBJECT_TYPE.get().lookup_str(vm, "__init__");
        if let (Some(a), Some(b)) = (init, object_init) {
            if a.is(&b) {
                return Err(vm.type_error("Initialization arguments are not supported"));
            }
        }
    }
    // SAFETY: Object layout is just the header, which alloc_raw initializes.
    let p = unsafe { crate::object::alloc_raw(t, std::mem::size_of::<crate::object::ObjHeader>()) };
    Ok(Value::from_owned_ptr(p))
}

// --- module functions --------------------------------------------------------------

fn thread_allocate_lock(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "allocate_lock", kw)?;
    ArgSpec::range(vm, "allocate_lock", args, 0, 0, 0)?;
    Ok(new_lock())
}

fn thread_get_ident(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "get_ident", kw)?;
    ArgSpec::range(vm, "get_ident", args, 0, 0, 0)?;
    Ok(crate::objects::int::int_from_u64(current_ident()))
}

fn thread_get_native_id(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "get_native_id", kw)?;
    ArgSpec::range(vm, "get_native_id", args, 0, 0, 0)?;
    // SAFETY: gettid cannot fail.
    Ok(Value::int(unsafe { libc::gettid() } as i64))
}

fn thread_count(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "_count", kw)?;
    ArgSpec::range(vm, "_count", args, 0, 0, 0)?;
    Ok(Value::int(0))
}

fn thread_stack_size(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "stack_size", kw)?;
    ArgSpec::range(vm, "stack_size", args, 0, 0, 1)?;
    if let Some(v) = args.first() {
        let n = vm.index_i64(v)?;
        if n < 0 {
            return Err(vm.value_error("size must be 0 or a positive value"));
        }
        if n != 0 && n < 32768 {
            return Err(vm.value_error(format!("size not valid: {n} bytes")));
        }
    }
    Ok(Value::int(0))
}

fn thread_start_new_thread(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "start_new_thread", kw)?;
    ArgSpec::range(vm, "start_new_thread", args, 0, 2, 3)?;
    if crate::typeobj::type_of(&args[0]).slots().call.is_none() {
        return Err(vm.type_error("first arg must be callable"));
    }
    if args[1].downcast_ref::<crate::objects::tuple::TupleObject>().is_none() {
        return Err(vm.type_error("2nd arg must be a tuple"));
    }
    Err(vm.new_error(
        ExcKind::RuntimeError,
        "can't start new thread: pyrite runs Python code on a single thread for now",
    ))
}

fn thread_set_sentinel(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "_set_sentinel", kw)?;
    ArgSpec::range(vm, "_set_sentinel", args, 0, 0, 0)?;
    Ok(new_lock())
}

fn thread_daemon_threads_allowed(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "daemon_threads_allowed", kw)?;
    ArgSpec::range(vm, "daemon_threads_allowed", args, 0, 0, 0)?;
    Ok(Value::bool(true))
}

fn thread_interrupt_main(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "interrupt_main", args, kwnames, &["signum"], 1, 0)?;
    let sig = match &a[0] {
        Some(v) => vm.index_i64(v)?,
        None => libc::SIGINT as i64,
    };
    if sig < 1 || sig >= crate::modules::_signal::NSIG as i64 {
        return Err(vm.value_error("signal number out of range"));
    }
    if crate::modules::_signal::has_python_handler(sig as i32) {
        crate::modules::_signal::simulate_signal(sig as i32);
    }
    Ok(none())
}

fn thread_exit(vm: &mut Vm, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    Err(vm.new_error_noargs(ExcKind::SystemExit))
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_thread");
    m.doc("This module provides primitive operations to write multi-threaded programs.\nThe 'threading' module provides a more convenient interface.");
    let funcs: &[(&'static str, NativeFn)] = &[
        ("allocate_lock", thread_allocate_lock),
        ("allocate", thread_allocate_lock),
        ("get_ident", thread_get_ident),
        ("get_native_id", thread_get_native_id),
        ("_count", thread_count),
        ("stack_size", thread_stack_size),
        ("start_new_thread", thread_start_new_thread),
        ("start_new", thread_start_new_thread),
        ("_set_sentinel", thread_set_sentinel),
        ("daemon_threads_allowed", thread_daemon_threads_allowed),
        ("interrupt_main", thread_interrupt_main),
        ("exit", thread_exit),
        ("exit_thread", thread_exit),
    ];
    m.functions(funcs);
    m.value("LockType", lock_type().as_value());
    m.type_(rlock_type());
    m.type_(local_type());
    m.value("TIMEOUT_MAX", Value::float(TIMEOUT_MAX));
    m.value("error", crate::exception::exc_type_value(ExcKind::RuntimeError));
    Ok(m.finish())
}
