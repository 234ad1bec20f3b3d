//! `_thread`: threads, locks, thread identity and thread-local data.
//!
//! Each thread runs Python code with its own `Vm` (frames, exception state)
//! over the interpreter's shared objects, holding the GIL (`gil.rs`) while it
//! does. Lock waits release the GIL; a released lock wakes its waiters through
//! one process-wide condition variable (lock state itself is only touched
//! under the GIL). Waits in the main thread wake every 50 ms to run signal
//! handlers, as CPython's lock acquire is interruptible there.

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
use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};
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

/// Generation count of lock releases, and the condition waiters sleep on.
static LOCK_RELEASES: Mutex<u64> = Mutex::new(0);
static LOCK_RELEASED: Condvar = Condvar::new();

fn lock_releases() -> std::sync::MutexGuard<'static, u64> {
    LOCK_RELEASES.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Wakes the threads waiting for some lock to be released.
fn notify_lock_released() {
    let mut generation = lock_releases();
    *generation = generation.wrapping_add(1);
    LOCK_RELEASED.notify_all();
}

/// Waits until `ready()` or the timeout, with the GIL released while
/// sleeping. `ready` is only called with the GIL held. The main thread runs
/// signal handlers meanwhile.
fn wait_until(vm: &mut Vm, timeout: Option<Duration>, ready: &dyn Fn() -> bool) -> PyResult<bool> {
    if ready() {
        return Ok(true);
    }
    let start = Instant::now();
    loop {
        if vm.main_thread {
            crate::modules::_signal::run_pending_handlers(vm)?;
        }
        if ready() {
            return Ok(true);
        }
        let mut step = match timeout {
            Some(t) => {
                let elapsed = start.elapsed();
                if elapsed >= t {
                    return Ok(false);
                }
                t - elapsed
            }
            None => Duration::from_secs(3600),
        };
        if vm.main_thread {
            step = step.min(Duration::from_millis(50));
        }
        // Read under the GIL: a release (also under the GIL) cannot slip in
        // between `ready()` and this read.
        let seen = *lock_releases();
        vm.allow_threads(|| {
            let generation = lock_releases();
            let _ = LOCK_RELEASED.wait_timeout_while(generation, step, |g| *g == seen);
        });
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
    notify_lock_released();
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
    notify_lock_released();
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
        notify_lock_released();
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
    notify_lock_released();
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
                s.getattro = local_getattro;
                s.setattro = Some(local_setattro);
            },
        );
        crate::typeinit::set_attr(st.get(), "__dict__", crate::types::object_ty::dict_descriptor());
    })
}

/// Per `_local` object (by address): which thread's attributes are installed
/// as its `__dict__`, the other threads' dicts, and the arguments `__init__`
/// runs with when a new thread first touches it (CPython's localdummy scheme,
/// with the dicts swapped in place rather than looked up per access).
struct LocalState {
    owner: u64,
    parked: Vec<(u64, Value)>,
    init_args: Option<(Vec<Value>, Option<Value>)>,
}

static LOCALS: crate::gil::GilCell<Vec<(usize, LocalState)>> = crate::gil::GilCell::new(Vec::new());

fn locals() -> &'static mut Vec<(usize, LocalState)> {
    // SAFETY: touched under the GIL, and never across a call into Python.
    unsafe { LOCALS.get_mut() }
}

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
    let obj = Value::from_owned_ptr(p);
    let state = LocalState {
        owner: current_ident(),
        parked: Vec::new(),
        init_args: has_args.then(|| (args.to_vec(), kwnames.cloned())),
    };
    // A new object at the address of a dead one takes its entry over.
    let key = obj.bits() as usize;
    let table = locals();
    match table.iter_mut().find(|(k, _)| *k == key) {
        Some(entry) => entry.1 = state,
        None => table.push((key, state)),
    }
    Ok(obj)
}

/// Installs the calling thread's attributes as `obj.__dict__`; a thread that
/// had none gets a fresh dict and runs the type's `__init__` (with the
/// arguments the object was created with).
fn local_switch(vm: &mut Vm, obj: &Value) -> PyResult<()> {
    let me = current_ident();
    let key = obj.bits() as usize;
    let Some((_, state)) = locals().iter_mut().find(|(k, _)| *k == key) else { return Ok(()) };
    if state.owner == me {
        return Ok(());
    }
    let installed = crate::attr::instance_dict(obj).unwrap_or_else(crate::objects::dict::DictObject::new_value);
    // Owner 0: the thread whose dict is installed has ended; it goes away.
    let stale = if state.owner == 0 {
        Some(installed)
    } else {
        state.parked.push((state.owner, installed));
        None
    };
    state.owner = me;
    let mine = state.parked.iter().position(|(t, _)| *t == me).map(|i| state.parked.swap_remove(i).1);
    let init_args = state.init_args.clone();
    let fresh = mine.is_none();
    crate::attr::set_instance_dict(obj, mine.unwrap_or_else(crate::objects::dict::DictObject::new_value));
    drop(stale);
    if fresh {
        let ty = crate::typeobj::type_of(obj);
        let init = ty.lookup_str(vm, "__init__");
        let object_init = OBJECT_TYPE.get().lookup_str(vm, "__init__");
        if let Some(init) = init.filter(|i| !object_init.is_some_and(|o| o.is(i))) {
            let (mut args, kwnames) = init_args.unwrap_or_default();
            args.insert(0, obj.clone());
            vm.call(&init, &args, kwnames.as_ref())?;
        }
    }
    Ok(())
}

fn local_getattro(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
    local_switch(vm, obj)?;
    crate::attr::generic_getattr(vm, obj, name)
}

fn local_setattro(vm: &mut Vm, obj: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    local_switch(vm, obj)?;
    crate::attr::generic_setattr(vm, obj, name, value)
}

/// A finished thread's attributes in every `_local` go away with it (a new
/// thread may get the same identity).
fn forget_thread_locals(ident: u64) -> Vec<Value> {
    let mut dropped = Vec::new();
    for (_, state) in locals().iter_mut() {
        if state.owner == ident {
            state.owner = 0;
        }
        while let Some(i) = state.parked.iter().position(|(t, _)| *t == ident) {
            dropped.push(state.parked.swap_remove(i).1);
        }
    }
    dropped
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
    Ok(Value::int(RUNNING_THREADS.load(Ordering::Relaxed) as i64))
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
        let old = STACK_SIZE.swap(n as usize, Ordering::Relaxed);
        return Ok(Value::int(old as i64));
    }
    Ok(Value::int(STACK_SIZE.load(Ordering::Relaxed) as i64))
}

/// Threads started by `start_new_thread` that have not finished (`_count()`).
static RUNNING_THREADS: AtomicUsize = AtomicUsize::new(0);
/// `stack_size()`: 0 for the default.
static STACK_SIZE: AtomicUsize = AtomicUsize::new(0);
/// Rust stack of a new thread when `stack_size()` is 0. Python calls do not
/// recurse on it; native re-entries (a `__eq__` called by a dict lookup, ...)
/// do, up to the recursion limit. Only touched pages are committed.
const DEFAULT_THREAD_STACK: usize = 64 * 1024 * 1024;

/// What a new thread takes with it. Values cross to the other OS thread
/// inside it, but the new thread touches them only once it holds the GIL.
struct ThreadStart {
    shared: crate::vm::ThreadShared,
    func: Value,
    args: Value,
    kwargs: Option<Value>,
}

// SAFETY: see ThreadStart: its Values are used under the GIL only.
unsafe impl Send for ThreadStart {}

thread_local! {
    /// The lock `_set_sentinel` gave this thread, released when it ends.
    static SENTINEL: RefCell<Option<Value>> = const { RefCell::new(None) };
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
    let kwargs = args.get(2).cloned();
    if let Some(k) = &kwargs {
        if k.downcast_ref::<crate::objects::dict::DictObject>().is_none() {
            return Err(vm.type_error("optional 3rd arg must be a dictionary"));
        }
    }
    let start = ThreadStart { shared: vm.thread_shared(), func: args[0].clone(), args: args[1].clone(), kwargs };
    let stack = match STACK_SIZE.load(Ordering::Relaxed) {
        0 => DEFAULT_THREAD_STACK,
        n => n,
    };
    let (ident_tx, ident_rx) = std::sync::mpsc::channel();
    RUNNING_THREADS.fetch_add(1, Ordering::Relaxed);
    let spawned = std::thread::Builder::new().stack_size(stack).spawn(move || {
        let _ = ident_tx.send(current_ident());
        run_thread(start);
    });
    if spawned.is_err() {
        RUNNING_THREADS.fetch_sub(1, Ordering::Relaxed);
        return Err(vm.new_error(ExcKind::RuntimeError, "can't start new thread"));
    }
    // The new thread sends its identity before it waits for the GIL.
    let ident = vm.allow_threads(|| ident_rx.recv().unwrap_or(0));
    Ok(crate::objects::int::int_from_u64(ident))
}

/// A new thread's life: take the GIL, call the function, report an uncaught
/// exception as CPython's "Exception ignored in thread started by", release
/// the `_set_sentinel` lock, give the GIL back.
fn run_thread(start: ThreadStart) {
    let guard = crate::gil::acquire_for_thread();
    let mut vm = Vm::for_thread(guard, &start.shared);
    let ThreadStart { shared, func, args, kwargs } = start;
    let result = vm.call_function_ex(&func, &args, kwargs.as_ref().unwrap_or(&Value::NULL));
    if let Err(e) = &result {
        if !e.is_instance(ExcKind::SystemExit) {
            let desc = vm.repr_string(&func).unwrap_or_default();
            vm.write_stderr(format!("Exception ignored in thread started by: {desc}\n").as_bytes());
            vm.print_exception(e);
        }
    }
    if let Some(lock) = SENTINEL.with(|s| s.borrow_mut().take()) {
        if let Some(l) = lock.native_ref::<Lock>().filter(|l| l.locked.get()) {
            l.locked.set(false);
            notify_lock_released();
        }
    }
    // Dropped outside the table: their finalizers may run Python code.
    let dicts = forget_thread_locals(current_ident());
    drop((func, args, kwargs, shared, result, dicts));
    RUNNING_THREADS.fetch_sub(1, Ordering::Relaxed);
    // `vm` goes last: dropping it releases the GIL.
    drop(vm);
}

/// Interpreter exit (CPython's wait_for_thread_shutdown): when `threading`
/// was imported, `threading._shutdown()` joins the non-daemon threads.
pub(crate) fn wait_for_thread_shutdown(vm: &mut Vm) {
    let Some(threading) = vm.sys_modules_get("threading") else { return };
    let name = vm.intern("_shutdown");
    let result = match vm.lookup_attr(&threading, &name) {
        Ok(Some(shutdown)) => vm.call0(&shutdown).map(|_| ()),
        Ok(None) => Ok(()),
        Err(e) => Err(e),
    };
    if let Err(e) = result {
        vm.flush_stdout();
        vm.write_stderr(b"Exception ignored on threading shutdown:\n");
        vm.print_exception(&e);
    }
}

fn thread_set_sentinel(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "_set_sentinel", kw)?;
    ArgSpec::range(vm, "_set_sentinel", args, 0, 0, 0)?;
    // threading acquires it at once; it is released when the thread ends.
    let lock = new_lock();
    // The main thread's sentinel is never released: it never ends while
    // Python code runs.
    SENTINEL.with(|s| *s.borrow_mut() = Some(lock.clone()));
    Ok(lock)
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
