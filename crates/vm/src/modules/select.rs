//! `select`: select(), poll and epoll over libc, as CPython's
//! Modules/selectmodule.c (what Lib/selectors.py, and through it asyncio
//! and subprocess, stand on). Interrupted waits are retried with the time
//! left after signal handlers ran (PEP 475).

use crate::args::{check_no_kwargs, ArgSpec};
use crate::exception::{ExcKind, PyResult};
use crate::modules::itertools::positional;
use crate::modules::{init_native_type, ModuleBuilder, NativeType};
use crate::object::LayoutKind;
use crate::objects::int::as_int;
use crate::objects::list::new_list;
use crate::objects::native::{new_native, NativeData};
use crate::objects::singletons::{false_value, none, true_value};
use crate::objects::tuple::new_tuple;
use crate::typeinit::{add_getset_to, add_method_to};
use crate::typeobj::{KwNames, TypeObject, OBJECT_TYPE};
use crate::types::exc::last_os_error;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};
use std::time::Instant;

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

pub(crate) use crate::modules::posix::{fd_from as fd_int, fileno_of};

/// A timeout in seconds: None (block) or a non-negative number.
fn timeout_secs(vm: &mut Vm, v: Option<&Value>, what: &str) -> PyResult<Option<f64>> {
    let Some(v) = v.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    let secs = if let Some(f) = v.as_float() {
        f
    } else if as_int(v).is_some() {
        crate::modules::math::to_f64(vm, v)?
    } else if crate::typeobj::type_of(v).slots().float.is_some() {
        crate::modules::math::to_f64(vm, v)?
    } else {
        let _ = what;
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(v));
        return Err(vm.type_error(msg));
    };
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    Ok(Some(secs))
}

/// Milliseconds left until `deadline` (rounded up), for poll-style calls.
fn ms_left(deadline: Option<Instant>) -> i32 {
    match deadline {
        None => -1,
        Some(d) => {
            let left = d.saturating_duration_since(Instant::now());
            let ms = left.as_nanos().div_ceil(1_000_000);
            ms.min(i32::MAX as u128) as i32
        }
    }
}

fn deadline_from(secs: Option<f64>) -> Option<Instant> {
    secs.map(|s| Instant::now() + std::time::Duration::from_secs_f64(s.clamp(0.0, 1e9)))
}

// --- select() ------------------------------------------------------------------------

/// The fds of one of select()'s lists, with the objects they came from.
fn fd_list(vm: &mut Vm, v: &Value) -> PyResult<Vec<(i32, Value)>> {
    let it = vm.iter(v).map_err(|_| vm.type_error("arguments 1-3 must be sequences"))?;
    let mut out = Vec::new();
    while let Some(o) = vm.next(&it)? {
        let fd = fileno_of(vm, &o)?;
        if fd as usize >= libc::FD_SETSIZE {
            return Err(vm.value_error("filedescriptor out of range in select()"));
        }
        out.push((fd, o));
    }
    Ok(out)
}

fn select_select(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "select", args, kw, 3, 4)?;
    let timeout = timeout_secs(vm, a.get(3), "timeout")?;
    if timeout.is_some_and(|t| t < 0.0) {
        return Err(vm.value_error("timeout must be non-negative"));
    }
    let lists = [fd_list(vm, &a[0])?, fd_list(vm, &a[1])?, fd_list(vm, &a[2])?];
    let deadline = deadline_from(timeout);
    let mut sets: [libc::fd_set; 3];
    loop {
        // SAFETY: fd_set is plain data; FD_ZERO/FD_SET on fds checked < FD_SETSIZE.
        sets = unsafe { std::mem::zeroed() };
        let mut maxfd = -1;
        for (set, list) in sets.iter_mut().zip(&lists) {
            for (fd, _) in list {
                unsafe { libc::FD_SET(*fd, set) };
                maxfd = maxfd.max(*fd);
            }
        }
        let mut tv;
        let tvp = match deadline {
            None => std::ptr::null_mut(),
            Some(d) => {
                let left = d.saturating_duration_since(Instant::now());
                tv = libc::timeval {
                    tv_sec: left.as_secs() as libc::time_t,
                    tv_usec: left.subsec_micros() as libc::suseconds_t,
                };
                &mut tv as *mut libc::timeval
            }
        };
        let [r, w, x] = &mut sets;
        let (r, w, x, tvp) = (r as *mut libc::fd_set as usize, w as *mut libc::fd_set as usize, x as *mut libc::fd_set as usize, tvp as usize);
        // Other threads run during the wait; the sets and timeval are this call's own.
        let (n, err) = vm.allow_threads(|| {
            // SAFETY: the sets and timeval live across the call.
            let n = unsafe {
                libc::select(maxfd + 1, r as *mut libc::fd_set, w as *mut libc::fd_set, x as *mut libc::fd_set, tvp as *mut libc::timeval)
            };
            (n, errno())
        });
        if n >= 0 {
            break;
        }
        if err != libc::EINTR {
            return Err(crate::types::exc::os_error(vm, err, None, None));
        }
        crate::modules::_signal::run_pending_handlers(vm)?;
    }
    let mut results = Vec::with_capacity(3);
    for (set, list) in sets.iter().zip(&lists) {
        let ready: Vec<Value> = list
            .iter()
            // SAFETY: the fds were checked to be < FD_SETSIZE.
            .filter(|(fd, _)| unsafe { libc::FD_ISSET(*fd, set) })
            .map(|(_, o)| o.clone())
            .collect();
        results.push(new_list(ready));
    }
    Ok(new_tuple(results))
}

// --- poll ----------------------------------------------------------------------------

struct Poll {
    /// Registered fds and their event masks, in registration order.
    fds: RefCell<Vec<(i32, i16)>>,
    polling: Cell<bool>,
}

impl NativeData for Poll {}

static POLL: NativeType = NativeType::new();

fn poll_type() -> &'static TypeObject {
    POLL.get_or_init(|st| {
        let t = init_native_type(st, "select", "poll", LayoutKind::Native, &OBJECT_TYPE, 0, |_| {});
        add_method_to(t, "register", poll_register);
        add_method_to(t, "modify", poll_modify);
        add_method_to(t, "unregister", poll_unregister);
        add_method_to(t, "poll", poll_poll);
    })
}

fn poll_self<'a>(vm: &mut Vm, args: &'a [Value]) -> PyResult<&'a Poll> {
    match args.first().and_then(|v| v.native_ref::<Poll>()) {
        Some(p) => Ok(p),
        None => Err(vm.type_error("descriptor requires a 'select.poll' object")),
    }
}

fn event_mask(vm: &mut Vm, v: Option<&Value>, default: i16) -> PyResult<i16> {
    let Some(v) = v else { return Ok(default) };
    let n = vm.index_i64(v)?;
    if n < 0 {
        return Err(vm.new_error(ExcKind::OverflowError, "can't convert negative int to unsigned"));
    }
    if n > u16::MAX as i64 {
        return Err(vm.new_error(ExcKind::OverflowError, "Python int too large for C unsigned short"));
    }
    Ok(n as u16 as i16)
}

fn poll_register(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "register", kw)?;
    ArgSpec::range(vm, "register", args, 1, 1, 2)?;
    let p = poll_self(vm, args)?;
    let fd = fileno_of(vm, &args[1])?;
    let mask = event_mask(vm, args.get(2), libc::POLLIN | libc::POLLPRI | libc::POLLOUT)?;
    let mut fds = p.fds.borrow_mut();
    match fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(e) => e.1 = mask,
        None => fds.push((fd, mask)),
    }
    Ok(none())
}

fn poll_modify(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "modify", kw)?;
    ArgSpec::range(vm, "modify", args, 1, 2, 2)?;
    let p = poll_self(vm, args)?;
    let fd = fileno_of(vm, &args[1])?;
    let mask = event_mask(vm, args.get(2), 0)?;
    let mut fds = p.fds.borrow_mut();
    match fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(e) => e.1 = mask,
        None => {
            drop(fds);
            return Err(crate::types::exc::os_error(vm, libc::ENOENT, None, None));
        }
    }
    Ok(none())
}

fn poll_unregister(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "unregister", kw)?;
    let [_, target] = ArgSpec::exact::<2>(vm, "poll.unregister", args, 1)?;
    let p = poll_self(vm, args)?;
    let fd = fileno_of(vm, &target)?;
    let mut fds = p.fds.borrow_mut();
    match fds.iter().position(|(f, _)| *f == fd) {
        Some(i) => {
            fds.remove(i);
        }
        None => {
            drop(fds);
            return Err(crate::types::dict_ty::key_error(Value::int(fd as i64)));
        }
    }
    Ok(none())
}

/// A poll() timeout in milliseconds: None or negative blocks.
fn poll_timeout_ms(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<f64>> {
    let Some(v) = v.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    let ms = if let Some(f) = v.as_float() {
        f
    } else if as_int(v).is_some() {
        crate::modules::math::to_f64(vm, v)?
    } else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(v));
        return Err(vm.type_error(msg));
    };
    if ms.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if ms < 0.0 {
        return Ok(None);
    }
    if ms > i32::MAX as f64 {
        return Err(vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C int"));
    }
    Ok(Some(ms / 1000.0))
}

fn poll_poll(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "poll", kw)?;
    ArgSpec::range(vm, "poll", args, 1, 0, 1)?;
    let p = poll_self(vm, args)?;
    let timeout = poll_timeout_ms(vm, args.get(1))?;
    if p.polling.get() {
        return Err(vm.new_error(ExcKind::RuntimeError, "concurrent poll() invocation"));
    }
    let mut pfds: Vec<libc::pollfd> = p
        .fds
        .borrow()
        .iter()
        .map(|&(fd, events)| libc::pollfd { fd, events, revents: 0 })
        .collect();
    let deadline = deadline_from(timeout);
    p.polling.set(true);
    let n = loop {
        let (ptr, len, ms) = (pfds.as_mut_ptr() as usize, pfds.len(), ms_left(deadline));
        // Other threads run during the wait; `pfds` is this call's own.
        let (n, err) = vm.allow_threads(|| {
            // SAFETY: pfds is a valid array of pfds.len() entries.
            let n = unsafe { libc::poll(ptr as *mut libc::pollfd, len as libc::nfds_t, ms) };
            (n, errno())
        });
        if n >= 0 {
            break n;
        }
        if err != libc::EINTR {
            p.polling.set(false);
            return Err(crate::types::exc::os_error(vm, err, None, None));
        }
        if let Err(e) = crate::modules::_signal::run_pending_handlers(vm) {
            p.polling.set(false);
            return Err(e);
        }
    };
    p.polling.set(false);
    let _ = n;
    let out: Vec<Value> = pfds
        .iter()
        .filter(|x| x.revents != 0)
        .map(|x| new_tuple(vec![Value::int(x.fd as i64), Value::int(x.revents as u16 as i64)]))
        .collect();
    Ok(new_list(out))
}

fn select_poll(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    positional(vm, "poll", args, kw, 0, 0)?;
    Ok(new_native(
        poll_type(),
        Poll {
            fds: RefCell::new(Vec::new()),
            polling: Cell::new(false),
        },
    ))
}

// --- epoll ---------------------------------------------------------------------------

struct Epoll {
    /// -1 once closed.
    fd: Cell<i32>,
}

impl NativeData for Epoll {}

impl Drop for Epoll {
    fn drop(&mut self) {
        let fd = self.fd.replace(-1);
        if fd >= 0 {
            // SAFETY: the epoll fd is owned by this object.
            unsafe { libc::close(fd) };
        }
    }
}

static EPOLL: NativeType = NativeType::new();

fn epoll_type() -> &'static TypeObject {
    EPOLL.get_or_init(|st| {
        let t = init_native_type(
            st,
            "select",
            "epoll",
            LayoutKind::Native,
            &OBJECT_TYPE,
            crate::typeobj::type_flags::BASETYPE,
            |s| s.new = Some(epoll_new),
        );
        add_method_to(t, "register", epoll_register);
        add_method_to(t, "modify", epoll_modify);
        add_method_to(t, "unregister", epoll_unregister);
        add_method_to(t, "poll", epoll_poll);
        add_method_to(t, "close", epoll_close);
        add_method_to(t, "fileno", epoll_fileno);
        add_method_to(t, "__enter__", epoll_enter);
        add_method_to(t, "__exit__", epoll_exit);
        add_getset_to(t, "closed", epoll_closed, None);
        let fromfd = crate::objects::descr::new_method_descr(
            crate::typeobj::CLASSMETHOD_DESCR_TYPE.get(),
            "fromfd",
            epoll_fromfd,
            t,
        );
        crate::typeinit::set_attr(t, "fromfd", fromfd);
    })
}

fn epoll_new(vm: &mut Vm, cls: &Value, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "epoll", args, kw, &["sizehint", "flags"], 2, 0)?;
    if let Some(s) = &a[0] {
        let n = vm.index_i64(s)?;
        if n == 0 || n < -1 {
            return Err(vm.value_error("negative sizehint"));
        }
    }
    if let Some(f) = &a[1] {
        let n = vm.index_i64(f)?;
        if n != 0 && n != libc::EPOLL_CLOEXEC as i64 {
            return Err(vm.new_error(ExcKind::OSError, "invalid flags"));
        }
    }
    // SAFETY: plain syscall.
    let fd = unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) };
    if fd < 0 {
        return Err(last_os_error(vm, None, None));
    }
    let t = crate::modules::itertools::cls_type(cls, epoll_type());
    Ok(new_native(t, Epoll { fd: Cell::new(fd) }))
}

fn epoll_fromfd(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "fromfd", kw)?;
    let [cls, fd] = ArgSpec::exact::<2>(vm, "epoll.fromfd", args, 1)?;
    let fd = fd_int(vm, &fd)?;
    let t = crate::modules::itertools::cls_type(&cls, epoll_type());
    Ok(new_native(t, Epoll { fd: Cell::new(fd) }))
}

/// The epoll object's fd, or the ValueError for a closed one.
fn epoll_fd(vm: &mut Vm, args: &[Value]) -> PyResult<i32> {
    let Some(e) = args.first().and_then(|v| v.native_ref::<Epoll>()) else {
        return Err(vm.type_error("descriptor requires a 'select.epoll' object"));
    };
    let fd = e.fd.get();
    if fd < 0 {
        return Err(vm.value_error("I/O operation on closed epoll object"));
    }
    Ok(fd)
}

fn epoll_ctl(vm: &mut Vm, epfd: i32, op: i32, fd: i32, events: u32) -> PyResult<Value> {
    let mut ev = libc::epoll_event { events, u64: fd as u32 as u64 };
    // SAFETY: ev lives across the call.
    let rc = unsafe { libc::epoll_ctl(epfd, op, fd, &mut ev) };
    if rc < 0 {
        return Err(last_os_error(vm, None, None));
    }
    Ok(none())
}

fn epoll_events_arg(vm: &mut Vm, v: Option<&Value>, default: u32) -> PyResult<u32> {
    let Some(v) = v else { return Ok(default) };
    let n = vm.index_i64(v)?;
    if n > u32::MAX as i64 || n < i32::MIN as i64 {
        return Err(vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C unsigned int"));
    }
    Ok(n as u32)
}

fn epoll_register(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "register", &args[1.min(args.len())..], kw, &["fd", "eventmask"], 2, 1)?;
    let epfd = epoll_fd(vm, args)?;
    let fd = a[0].clone().unwrap_or_else(none);
    let fd = fileno_of(vm, &fd)?;
    let default = (libc::EPOLLIN | libc::EPOLLPRI | libc::EPOLLOUT) as u32;
    let events = epoll_events_arg(vm, a[1].as_ref(), default)?;
    epoll_ctl(vm, epfd, libc::EPOLL_CTL_ADD, fd, events)
}

fn epoll_modify(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "modify", &args[1.min(args.len())..], kw, &["fd", "eventmask"], 2, 2)?;
    let epfd = epoll_fd(vm, args)?;
    let fd = a[0].clone().unwrap_or_else(none);
    let fd = fileno_of(vm, &fd)?;
    let events = epoll_events_arg(vm, a[1].as_ref(), 0)?;
    epoll_ctl(vm, epfd, libc::EPOLL_CTL_MOD, fd, events)
}

fn epoll_unregister(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "unregister", &args[1.min(args.len())..], kw, &["fd"], 1, 1)?;
    let epfd = epoll_fd(vm, args)?;
    let fd = a[0].clone().unwrap_or_else(none);
    let fd = fileno_of(vm, &fd)?;
    epoll_ctl(vm, epfd, libc::EPOLL_CTL_DEL, fd, 0)
}

fn epoll_poll(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "poll", &args[1.min(args.len())..], kw, &["timeout", "maxevents"], 2, 0)?;
    let epfd = epoll_fd(vm, args)?;
    let timeout = timeout_secs(vm, a[0].as_ref(), "timeout")?.filter(|t| *t >= 0.0);
    let maxevents = match &a[1] {
        None => -1,
        Some(m) => vm.index_i64(m)?,
    };
    let maxevents = if maxevents == -1 {
        // FD_SETSIZE - 1, as CPython.
        (libc::FD_SETSIZE - 1) as i64
    } else if maxevents < 1 {
        let msg = format!("maxevents must be greater than 0, got {maxevents}");
        return Err(vm.value_error(msg));
    } else {
        maxevents.min(1 << 20)
    };
    let mut evs: Vec<libc::epoll_event> = vec![libc::epoll_event { events: 0, u64: 0 }; maxevents as usize];
    let deadline = deadline_from(timeout);
    let n = loop {
        let (ptr, len, ms) = (evs.as_mut_ptr() as usize, evs.len() as i32, ms_left(deadline));
        // Other threads run during the wait; `evs` is this call's own.
        let (n, err) = vm.allow_threads(|| {
            // SAFETY: evs has room for maxevents entries.
            let n = unsafe { libc::epoll_wait(epfd, ptr as *mut libc::epoll_event, len, ms) };
            (n, errno())
        });
        if n >= 0 {
            break n as usize;
        }
        if err != libc::EINTR {
            return Err(crate::types::exc::os_error(vm, err, None, None));
        }
        crate::modules::_signal::run_pending_handlers(vm)?;
    };
    let out: Vec<Value> = evs
        .iter()
        .take(n)
        .map(|e| {
            let (data, events) = (e.u64, e.events);
            new_tuple(vec![Value::int(data as u32 as i32 as i64), Value::int(events as i64)])
        })
        .collect();
    Ok(new_list(out))
}

fn epoll_close(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let Some(e) = args.first().and_then(|v| v.native_ref::<Epoll>()) else {
        return Err(vm.type_error("descriptor requires a 'select.epoll' object"));
    };
    let fd = e.fd.replace(-1);
    if fd >= 0 {
        // SAFETY: the epoll fd is owned by this object.
        if unsafe { libc::close(fd) } < 0 {
            return Err(last_os_error(vm, None, None));
        }
    }
    Ok(none())
}

fn epoll_fileno(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    Ok(Value::int(epoll_fd(vm, args)? as i64))
}

fn epoll_closed(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let Some(e) = me.native_ref::<Epoll>() else {
        return Err(vm.type_error("descriptor requires a 'select.epoll' object"));
    };
    Ok(if e.fd.get() < 0 { true_value() } else { false_value() })
}

fn epoll_enter(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    epoll_fd(vm, args)?;
    Ok(args[0].clone())
}

fn epoll_exit(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    epoll_close(vm, &args[..1.min(args.len())], None)
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("select");
    m.doc("This module supports asynchronous I/O on multiple file descriptors.\n\n*** IMPORTANT NOTICE ***\nOn Windows, only sockets are supported; on Unix, all file descriptors.");
    m.function("select", select_select);
    m.function("poll", select_poll);
    m.type_(epoll_type());
    m.value("error", crate::exception::exc_type_value(ExcKind::OSError));
    let consts: &[(&str, i64)] = &[
        ("POLLIN", libc::POLLIN as i64),
        ("POLLPRI", libc::POLLPRI as i64),
        ("POLLOUT", libc::POLLOUT as i64),
        ("POLLERR", libc::POLLERR as i64),
        ("POLLHUP", libc::POLLHUP as i64),
        ("POLLNVAL", libc::POLLNVAL as i64),
        ("POLLRDNORM", libc::POLLRDNORM as i64),
        ("POLLRDBAND", libc::POLLRDBAND as i64),
        ("POLLWRNORM", libc::POLLWRNORM as i64),
        ("POLLWRBAND", libc::POLLWRBAND as i64),
        ("POLLMSG", 0x400),
        ("POLLRDHUP", libc::POLLRDHUP as i64),
        ("EPOLLIN", libc::EPOLLIN as i64),
        ("EPOLLOUT", libc::EPOLLOUT as i64),
        ("EPOLLPRI", libc::EPOLLPRI as i64),
        ("EPOLLERR", libc::EPOLLERR as i64),
        ("EPOLLHUP", libc::EPOLLHUP as i64),
        ("EPOLLET", libc::EPOLLET as u32 as i64),
        ("EPOLLONESHOT", libc::EPOLLONESHOT as i64),
        ("EPOLLEXCLUSIVE", libc::EPOLLEXCLUSIVE as i64),
        ("EPOLLRDHUP", libc::EPOLLRDHUP as i64),
        ("EPOLLRDNORM", libc::EPOLLRDNORM as i64),
        ("EPOLLRDBAND", libc::EPOLLRDBAND as i64),
        ("EPOLLWRNORM", libc::EPOLLWRNORM as i64),
        ("EPOLLWRBAND", libc::EPOLLWRBAND as i64),
        ("EPOLLMSG", libc::EPOLLMSG as i64),
        ("EPOLL_CLOEXEC", libc::EPOLL_CLOEXEC as i64),
        ("PIPE_BUF", libc::PIPE_BUF as i64),
    ];
    for (name, v) in consts {
        m.int(name, *v);
    }
    Ok(m.finish())
}
