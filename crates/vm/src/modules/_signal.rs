//! `_signal`: Python-level signal handlers.
//!
//! The C-level handler only records that a signal arrived (and writes to the
//! wakeup fd); the dispatch loop notices the flag at its safe points
//! (`JUMP_BACKWARD`, `RESUME`) and blocking calls notice it on EINTR, and
//! both run the Python handlers through [`run_pending_handlers`] on the
//! interpreter thread. SIGINT gets `default_int_handler` at start-up, so
//! Ctrl-C raises KeyboardInterrupt.

use crate::args::{check_no_kwargs, ArgSpec};
use crate::exception::{ExcKind, PyErr, PyResult};
use crate::modules::ModuleBuilder;
use crate::objects::descr::new_builtin_function;
use crate::objects::set::{new_set, SetObject};
use crate::objects::singletons::none;
use crate::objects::tuple::new_tuple;
use crate::typeobj::{type_of, KwNames, NativeFn};
use crate::value::Value;
use crate::vm::Vm;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU64, Ordering};

/// Signal numbers are below this (Linux: 64 signals, numbered from 1).
pub(crate) const NSIG: usize = 65;

/// Set by the C handler: some signal is waiting for its Python handler.
pub(crate) static SIGNAL_PENDING: AtomicBool = AtomicBool::new(false);

#[allow(clippy::declare_interior_mutable_const)]
const UNTRIPPED: AtomicBool = AtomicBool::new(false);
static TRIPPED: [AtomicBool; NSIG] = [UNTRIPPED; NSIG];

/// The thread that runs Python code: signals that land on another thread of
/// the process are forwarded to it, so that its blocking calls see EINTR.
static INTERP_THREAD: AtomicU64 = AtomicU64::new(0);
static WAKEUP_FD: AtomicI32 = AtomicI32::new(-1);

/// Python handlers by signal number (NULL: never set from Python).
static HANDLERS: crate::gil::GilCell<Vec<Value>> = crate::gil::GilCell::new(Vec::new());

fn handlers() -> &'static mut Vec<Value> {
    // SAFETY: GIL held by every caller; callers copy values out before any
    // call into Python.
    let h = unsafe { HANDLERS.get_mut() };
    if h.len() < NSIG {
        h.resize(NSIG, Value::NULL);
    }
    h
}

extern "C" fn on_signal(sig: libc::c_int) {
    // Only async-signal-safe work here: atomics, pthread_kill, write.
    // SAFETY: errno is restored for the interrupted code.
    let saved = unsafe { *libc::__errno_location() };
    let target = INTERP_THREAD.load(Ordering::Relaxed);
    // SAFETY: pthread_self/pthread_kill are async-signal-safe.
    let me = unsafe { libc::pthread_self() } as u64;
    if target != 0 && me != target {
        unsafe { libc::pthread_kill(target as libc::pthread_t, sig) };
    } else {
        if let Some(t) = TRIPPED.get(sig as usize) {
            t.store(true, Ordering::SeqCst);
        }
        SIGNAL_PENDING.store(true, Ordering::SeqCst);
        let fd = WAKEUP_FD.load(Ordering::Relaxed);
        if fd >= 0 {
            let byte = sig as u8;
            // SAFETY: write of one byte from a local.
            unsafe { libc::write(fd, &byte as *const u8 as *const libc::c_void, 1) };
        }
    }
    unsafe { *libc::__errno_location() = saved };
}

fn install_c_handler(sig: i32) -> bool {
    // SAFETY: a zeroed sigaction with our handler; SA_ONSTACK as CPython.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = on_signal as extern "C" fn(libc::c_int) as usize;
        sa.sa_flags = libc::SA_ONSTACK;
        libc::sigemptyset(&mut sa.sa_mask);
        libc::sigaction(sig, &sa, std::ptr::null_mut()) == 0
    }
}

fn set_disposition(sig: i32, disp: libc::sighandler_t) -> bool {
    // SAFETY: plain sigaction with SIG_DFL / SIG_IGN.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = disp;
        libc::sigemptyset(&mut sa.sa_mask);
        libc::sigaction(sig, &sa, std::ptr::null_mut()) == 0
    }
}

fn current_disposition(sig: i32) -> Option<libc::sighandler_t> {
    // SAFETY: query only.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(sig, std::ptr::null(), &mut old) != 0 {
            return None;
        }
        Some(old.sa_sigaction)
    }
}

/// Start-up: remembers the interpreter thread and, unless SIGINT is ignored
/// (a background job), makes Ctrl-C raise KeyboardInterrupt.
pub(crate) fn init_process_signals() {
    // SAFETY: pthread_self cannot fail.
    INTERP_THREAD.store(unsafe { libc::pthread_self() } as u64, Ordering::Relaxed);
    // As CPython's init_signals: a write past RLIMIT_FSIZE fails with EFBIG
    // instead of killing the process (SIGPIPE is ignored by Rust's runtime).
    set_disposition(libc::SIGXFSZ, libc::SIG_IGN);
    if current_disposition(libc::SIGINT) == Some(libc::SIG_DFL) {
        let h = new_builtin_function("default_int_handler", default_int_handler, Some("_signal"));
        handlers()[libc::SIGINT as usize] = h;
        install_c_handler(libc::SIGINT);
    }
}

/// Ends the process by SIGINT with its default action (uncaught
/// KeyboardInterrupt); returns only if the signal could not do it.
pub(crate) fn exit_by_sigint() {
    set_disposition(libc::SIGINT, libc::SIG_DFL);
    // SAFETY: plain syscalls; the default action ends the process. The signal
    // is sent to this thread so that it takes effect at once.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGINT);
        libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
        libc::pthread_kill(libc::pthread_self(), libc::SIGINT);
    }
}

/// Runs the Python handlers of the signals that arrived. The first handler
/// that raises ends the run; the remaining signals stay pending.
pub(crate) fn run_pending_handlers(vm: &mut Vm) -> PyResult<()> {
    // Python signal handlers run in the main thread only.
    if !vm.main_thread || !SIGNAL_PENDING.swap(false, Ordering::SeqCst) {
        return Ok(());
    }
    for sig in 1..NSIG {
        if !TRIPPED[sig].swap(false, Ordering::SeqCst) {
            continue;
        }
        let h = handlers()[sig].clone();
        if h.is_null() || h.is_none() || h.as_small_int().is_some() {
            continue;
        }
        if let Err(e) = vm.call(&h, &[Value::int(sig as i64), none()], None) {
            SIGNAL_PENDING.store(true, Ordering::SeqCst);
            // Leave the others for the next safe point.
            return Err(e);
        }
    }
    Ok(())
}

fn default_int_handler(vm: &mut Vm, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    Err(vm.new_error_noargs(ExcKind::KeyboardInterrupt))
}

fn signum_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    if crate::objects::int::as_int(v).is_none() {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(v));
        return Err(vm.type_error(msg));
    }
    let n = vm.index_i64(v)?;
    if n < 1 || n >= NSIG as i64 {
        return Err(vm.value_error("signal number out of range"));
    }
    Ok(n as i32)
}

fn os_err(vm: &mut Vm) -> PyErr {
    crate::types::exc::last_os_error(vm, None, None)
}

/// The Python view of a signal's handler.
fn handler_of(sig: i32) -> Value {
    let h = handlers()[sig as usize].clone();
    if !h.is_null() {
        return h;
    }
    match current_disposition(sig) {
        Some(d) if d == libc::SIG_DFL => Value::int(0),
        Some(d) if d == libc::SIG_IGN => Value::int(1),
        _ => none(),
    }
}

fn signal_signal(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "signal", kw)?;
    let [sig, handler] = ArgSpec::exact::<2>(vm, "signal", args, 0)?;
    let sig = signum_arg(vm, &sig)?;
    let old = handler_of(sig);
    let ok = match handler.as_small_int() {
        Some(0) if crate::objects::int::as_int(&handler).is_some() => set_disposition(sig, libc::SIG_DFL),
        Some(1) if crate::objects::int::as_int(&handler).is_some() => set_disposition(sig, libc::SIG_IGN),
        _ => {
            let is_int = crate::objects::int::as_int(&handler).is_some();
            if is_int || type_of(&handler).slots().call.is_none() {
                return Err(vm.type_error(
                    "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
                ));
            }
            install_c_handler(sig)
        }
    };
    if !ok {
        return Err(os_err(vm));
    }
    // Ints are kept as the int objects given (enum members from signal.py).
    handlers()[sig as usize] = handler;
    Ok(old)
}

fn signal_getsignal(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "getsignal", kw)?;
    let [sig] = ArgSpec::exact::<1>(vm, "getsignal", args, 0)?;
    let sig = signum_arg(vm, &sig)?;
    Ok(handler_of(sig))
}

fn signal_raise_signal(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "raise_signal", kw)?;
    let [sig] = ArgSpec::exact::<1>(vm, "raise_signal", args, 0)?;
    let sig = signum_arg(vm, &sig)?;
    vm.flush_stdout();
    // SAFETY: plain libc call.
    if unsafe { libc::raise(sig) } != 0 {
        return Err(os_err(vm));
    }
    run_pending_handlers(vm)?;
    Ok(none())
}

fn signal_alarm(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "alarm", kw)?;
    let [secs] = ArgSpec::exact::<1>(vm, "alarm", args, 0)?;
    let secs = vm.index_i64(&secs)?;
    // SAFETY: plain libc call.
    let prev = unsafe { libc::alarm(secs.clamp(0, u32::MAX as i64) as u32) };
    Ok(Value::int(prev as i64))
}

fn signal_pause(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "pause", kw)?;
    ArgSpec::range(vm, "pause", args, 0, 0, 0)?;
    vm.flush_stdout();
    // SAFETY: returns when a signal handler ran.
    unsafe { libc::pause() };
    run_pending_handlers(vm)?;
    Ok(none())
}

fn signal_set_wakeup_fd(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "set_wakeup_fd", args, kwnames, &["fd", "warn_on_full_buffer"], 1, 1)?;
    let fdv = a[0].clone().unwrap_or_else(none);
    let fd = vm.index_i64(&fdv)?;
    if fd != -1 {
        let fd32 = fd as i32;
        // SAFETY: plain syscalls on the caller's fd.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        if fd < 0 || fd > i32::MAX as i64 || unsafe { libc::fstat(fd32, &mut st) } != 0 {
            return Err(vm.value_error(format!("invalid fd: {fd}")));
        }
        let flags = unsafe { libc::fcntl(fd32, libc::F_GETFL) };
        if flags >= 0 && flags & libc::O_NONBLOCK == 0 {
            return Err(vm.value_error(format!("the fd {fd} must be in non-blocking mode")));
        }
    }
    let old = WAKEUP_FD.swap(fd as i32, Ordering::SeqCst);
    Ok(Value::int(old as i64))
}

/// The signal numbers `sigfillset` accepts (glibc keeps 32 and 33 for itself).
fn valid_signal_numbers() -> Vec<i32> {
    // SAFETY: plain data.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    unsafe { libc::sigfillset(&mut set) };
    (1..NSIG as i32).filter(|&s| unsafe { libc::sigismember(&set, s) } == 1).collect()
}

fn signal_valid_signals(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "valid_signals", kw)?;
    ArgSpec::range(vm, "valid_signals", args, 0, 0, 0)?;
    let s = new_set();
    if let Some(so) = s.downcast_ref::<SetObject>() {
        for n in valid_signal_numbers() {
            so.add(vm, Value::int(n as i64))?;
        }
    }
    Ok(s)
}

fn sigset_from(vm: &mut Vm, v: &Value) -> PyResult<libc::sigset_t> {
    // SAFETY: plain data.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    unsafe { libc::sigemptyset(&mut set) };
    for item in vm.collect(v)? {
        let n = vm.index_i64(&item)?;
        if n < 1 || n >= NSIG as i64 {
            let msg = format!("signal number {n} out of range [1; {}]", NSIG - 1);
            return Err(vm.value_error(msg));
        }
        unsafe { libc::sigaddset(&mut set, n as i32) };
    }
    Ok(set)
}

fn sigset_to_value(vm: &mut Vm, set: &libc::sigset_t) -> PyResult<Value> {
    let s = new_set();
    if let Some(so) = s.downcast_ref::<SetObject>() {
        for n in 1..NSIG as i32 {
            // SAFETY: reads the set.
            if unsafe { libc::sigismember(set, n) } == 1 {
                so.add(vm, Value::int(n as i64))?;
            }
        }
    }
    Ok(s)
}

fn signal_pthread_sigmask(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "pthread_sigmask", kw)?;
    let [how, mask] = ArgSpec::exact::<2>(vm, "pthread_sigmask", args, 0)?;
    let how = vm.index_i64(&how)? as i32;
    let set = sigset_from(vm, &mask)?;
    // SAFETY: plain data.
    let mut old: libc::sigset_t = unsafe { std::mem::zeroed() };
    let rc = unsafe { libc::pthread_sigmask(how, &set, &mut old) };
    if rc != 0 {
        return Err(crate::types::exc::os_error(vm, rc, None, None));
    }
    // Signals just unblocked may be waiting for their handlers.
    run_pending_handlers(vm)?;
    sigset_to_value(vm, &old)
}

fn signal_sigpending(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "sigpending", kw)?;
    ArgSpec::range(vm, "sigpending", args, 0, 0, 0)?;
    // SAFETY: plain data.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    if unsafe { libc::sigpending(&mut set) } != 0 {
        return Err(os_err(vm));
    }
    sigset_to_value(vm, &set)
}

fn signal_strsignal(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "strsignal", kw)?;
    let [sig] = ArgSpec::exact::<1>(vm, "strsignal", args, 0)?;
    let sig = signum_arg(vm, &sig)?;
    // SAFETY: strsignal returns a string valid until the next call; copied at once.
    let p = unsafe { libc::strsignal(sig) };
    if p.is_null() {
        return Ok(none());
    }
    let s = unsafe { std::ffi::CStr::from_ptr(p) }.to_string_lossy().into_owned();
    if s.starts_with("Unknown signal") || s.starts_with("Real-time signal") {
        return Ok(none());
    }
    Ok(vm.new_str(&s))
}

fn signal_siginterrupt(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "siginterrupt", kw)?;
    let [sig, flag] = ArgSpec::exact::<2>(vm, "siginterrupt", args, 0)?;
    let sig = signum_arg(vm, &sig)?;
    let flag = vm.is_true(&flag)?;
    // SAFETY: adjusts SA_RESTART on the current action.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(sig, std::ptr::null(), &mut sa) != 0 {
            return Err(os_err(vm));
        }
        if flag {
            sa.sa_flags &= !libc::SA_RESTART;
        } else {
            sa.sa_flags |= libc::SA_RESTART;
        }
        if libc::sigaction(sig, &sa, std::ptr::null_mut()) != 0 {
            return Err(os_err(vm));
        }
    }
    Ok(none())
}

fn timeval_from(f: f64) -> libc::timeval {
    let sec = f.trunc();
    let mut usec = ((f - sec) * 1e6).round() as i64;
    // A positive delay below 1 µs still arms the timer, as CPython.
    if sec == 0.0 && usec == 0 && f > 0.0 {
        usec = 1;
    }
    libc::timeval {
        tv_sec: sec as libc::time_t,
        tv_usec: usec as libc::suseconds_t,
    }
}

fn itimer_tuple(v: &libc::itimerval) -> Value {
    let f = |t: &libc::timeval| Value::float(t.tv_sec as f64 + t.tv_usec as f64 * 1e-6);
    new_tuple(vec![f(&v.it_value), f(&v.it_interval)])
}

fn float_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match crate::objects::float::float_operand(vm, v)? {
        Some(f) => Ok(f),
        None => {
            let msg = format!("must be real number, not {}", vm.type_name(v));
            Err(vm.type_error(msg))
        }
    }
}

fn signal_setitimer(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "setitimer", kw)?;
    ArgSpec::range(vm, "setitimer", args, 0, 2, 3)?;
    let which = vm.index_i64(&args[0])? as i32;
    let delay = float_arg(vm, &args[1])?;
    let interval = match args.get(2) {
        Some(v) => float_arg(vm, v)?,
        None => 0.0,
    };
    let new = libc::itimerval {
        it_interval: timeval_from(interval),
        it_value: timeval_from(delay),
    };
    // SAFETY: plain data.
    let mut old: libc::itimerval = unsafe { std::mem::zeroed() };
    if unsafe { libc::setitimer(which, &new, &mut old) } != 0 {
        return Err(os_err(vm));
    }
    Ok(itimer_tuple(&old))
}

fn signal_getitimer(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "getitimer", kw)?;
    let [which] = ArgSpec::exact::<1>(vm, "getitimer", args, 0)?;
    let which = vm.index_i64(&which)? as i32;
    // SAFETY: plain data.
    let mut cur: libc::itimerval = unsafe { std::mem::zeroed() };
    if unsafe { libc::getitimer(which, &mut cur) } != 0 {
        return Err(os_err(vm));
    }
    Ok(itimer_tuple(&cur))
}

fn signal_pthread_kill(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "pthread_kill", kw)?;
    let [tid, sig] = ArgSpec::exact::<2>(vm, "pthread_kill", args, 0)?;
    let tid = crate::objects::int::bigint_of(&tid)
        .and_then(|b| u64::try_from(b).ok())
        .ok_or_else(|| vm.new_error(ExcKind::OverflowError, "thread id out of range"))?;
    let sig = vm.index_i64(&sig)? as i32;
    // SAFETY: the caller names one of the process's threads.
    let rc = unsafe { libc::pthread_kill(tid as libc::pthread_t, sig) };
    if rc != 0 {
        return Err(crate::types::exc::os_error(vm, rc, None, None));
    }
    run_pending_handlers(vm)?;
    Ok(none())
}

/// `_thread.interrupt_main()`: behaves as if `sig` arrived.
pub(crate) fn simulate_signal(sig: i32) {
    if let Some(t) = TRIPPED.get(sig as usize) {
        t.store(true, Ordering::SeqCst);
        SIGNAL_PENDING.store(true, Ordering::SeqCst);
    }
}

/// Whether a Python handler is installed for `sig`.
pub(crate) fn has_python_handler(sig: i32) -> bool {
    let h = handlers().get(sig as usize).cloned().unwrap_or(Value::NULL);
    !h.is_null() && h.as_small_int().is_none() && !h.is_none()
}

const SIGNALS: &[(&str, i32)] = &[
    ("SIGHUP", libc::SIGHUP),
    ("SIGINT", libc::SIGINT),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGIOT", libc::SIGIOT),
    ("SIGABRT", libc::SIGABRT),
    ("SIGFPE", libc::SIGFPE),
    ("SIGKILL", libc::SIGKILL),
    ("SIGBUS", libc::SIGBUS),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGSYS", libc::SIGSYS),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGALRM", libc::SIGALRM),
    ("SIGTERM", libc::SIGTERM),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGCLD", libc::SIGCHLD),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGPWR", libc::SIGPWR),
    ("SIGIO", libc::SIGIO),
    ("SIGURG", libc::SIGURG),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGPOLL", libc::SIGPOLL),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGCONT", libc::SIGCONT),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGPROF", libc::SIGPROF),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
    ("SIGSTKFLT", libc::SIGSTKFLT),
];

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_signal");
    m.doc("This module provides mechanisms to use signal handlers in Python.");
    let funcs: &[(&'static str, NativeFn)] = &[
        ("default_int_handler", default_int_handler),
        ("signal", signal_signal),
        ("getsignal", signal_getsignal),
        ("raise_signal", signal_raise_signal),
        ("alarm", signal_alarm),
        ("pause", signal_pause),
        ("set_wakeup_fd", signal_set_wakeup_fd),
        ("valid_signals", signal_valid_signals),
        ("pthread_sigmask", signal_pthread_sigmask),
        ("pthread_kill", signal_pthread_kill),
        ("sigpending", signal_sigpending),
        ("strsignal", signal_strsignal),
        ("siginterrupt", signal_siginterrupt),
        ("setitimer", signal_setitimer),
        ("getitimer", signal_getitimer),
    ];
    m.functions(funcs);
    // The handler installed at start-up is this module's function.
    let sigint = handlers()[libc::SIGINT as usize].clone();
    if !sigint.is_null() {
        m.value("default_int_handler", sigint);
    }
    m.int("SIG_DFL", 0).int("SIG_IGN", 1).int("NSIG", NSIG as i64);
    m.int("SIG_BLOCK", libc::SIG_BLOCK as i64)
        .int("SIG_UNBLOCK", libc::SIG_UNBLOCK as i64)
        .int("SIG_SETMASK", libc::SIG_SETMASK as i64);
    for (name, n) in SIGNALS {
        m.int(name, *n as i64);
    }
    m.int("SIGRTMIN", libc::SIGRTMIN() as i64).int("SIGRTMAX", libc::SIGRTMAX() as i64);
    m.int("ITIMER_REAL", libc::ITIMER_REAL as i64)
        .int("ITIMER_VIRTUAL", libc::ITIMER_VIRTUAL as i64)
        .int("ITIMER_PROF", libc::ITIMER_PROF as i64);
    let itimer_error = crate::exception::exc_type_value(ExcKind::OSError);
    m.value("ItimerError", itimer_error);
    Ok(m.finish())
}
