//! `fcntl`: fcntl(), ioctl(), flock() and lockf() over libc, as CPython's
//! Modules/fcntlmodule.c (subprocess uses it for close-on-exec and pipe sizes).

use crate::args::{check_no_kwargs, ArgSpec};
use crate::exception::PyResult;
use crate::modules::select::fileno_of;
use crate::modules::ModuleBuilder;
use crate::objects::bytes::{new_bytes, BytesObject};
use crate::objects::int::as_int;
use crate::objects::singletons::none;
use crate::objects::str::StrObject;
use crate::typeobj::KwNames;
use crate::types::exc::last_os_error;
use crate::value::Value;
use crate::vm::Vm;

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// The `i` argument format, widened for the arithmetic below.
fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    vm.arg_c_int(v).map(i64::from)
}

/// Runs `call` until it does not fail with EINTR (signal handlers run in between).
fn retry(vm: &mut Vm, mut call: impl FnMut() -> libc::c_int) -> PyResult<libc::c_int> {
    loop {
        let rc = call();
        if rc != -1 {
            return Ok(rc);
        }
        if errno() != libc::EINTR {
            return Err(last_os_error(vm, None, None));
        }
        crate::modules::_signal::run_pending_handlers(vm)?;
    }
}

/// The bytes of a str/bytes-like buffer argument, if it is one.
fn buffer_arg(v: &Value) -> Option<Vec<u8>> {
    if let Some(b) = v.downcast_ref::<BytesObject>() {
        return Some(b.data().to_vec());
    }
    if let Some(s) = v.downcast_ref::<StrObject>() {
        return Some(s.to_generalized_utf8());
    }
    None
}

fn buffer_call(vm: &mut Vm, data: Vec<u8>, f: impl Fn(*mut libc::c_void) -> libc::c_int) -> PyResult<Value> {
    if data.len() > 1024 {
        return Err(vm.value_error("fcntl argument 3 is too long"));
    }
    let mut buf = [0u8; 1024];
    buf[..data.len()].copy_from_slice(&data);
    let p = buf.as_mut_ptr() as *mut libc::c_void;
    retry(vm, || f(p))?;
    Ok(new_bytes(&buf[..data.len()]))
}

fn fcntl_fcntl(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "fcntl", kw)?;
    ArgSpec::range(vm, "fcntl", args, 0, 2, 3)?;
    let fd = fileno_of(vm, &args[0])?;
    let cmd = c_int(vm, &args[1])? as libc::c_int;
    if let Some(a) = args.get(2) {
        if let Some(data) = buffer_arg(a) {
            // SAFETY: the buffer outlives the call and is 1024 bytes long.
            return buffer_call(vm, data, |p| unsafe { libc::fcntl(fd, cmd, p) });
        }
        if as_int(a).is_none() && !a.is_float() && crate::typeobj::type_of(a).slots().index.is_none() {
            let msg = format!("integer argument expected, got {}", vm.type_name(a));
            return Err(vm.type_error(msg));
        }
    }
    let arg = match args.get(2) {
        Some(a) => c_int(vm, a)? as libc::c_int,
        None => 0,
    };
    // SAFETY: an integer-argument fcntl.
    let rc = retry(vm, || unsafe { libc::fcntl(fd, cmd, arg) })?;
    Ok(Value::int(rc as i64))
}

fn fcntl_ioctl(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "ioctl", kw)?;
    ArgSpec::range(vm, "ioctl", args, 0, 2, 4)?;
    let fd = fileno_of(vm, &args[0])?;
    let req = vm.index_i64(&args[1])? as libc::c_ulong;
    if let Some(a) = args.get(2) {
        if let Some(data) = buffer_arg(a) {
            // SAFETY: the buffer outlives the call and is 1024 bytes long.
            return buffer_call(vm, data, |p| unsafe { libc::ioctl(fd, req as _, p) });
        }
    }
    let arg = match args.get(2) {
        Some(a) => c_int(vm, a)? as libc::c_long,
        None => 0,
    };
    // SAFETY: an integer-argument ioctl.
    let rc = retry(vm, || unsafe { libc::ioctl(fd, req as _, arg) })?;
    Ok(Value::int(rc as i64))
}

fn fcntl_flock(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "flock", kw)?;
    let [f, op] = ArgSpec::exact::<2>(vm, "flock", args, 0)?;
    let fd = fileno_of(vm, &f)?;
    let op = c_int(vm, &op)? as libc::c_int;
    // SAFETY: plain syscall.
    retry(vm, || unsafe { libc::flock(fd, op) })?;
    Ok(none())
}

fn fcntl_lockf(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "lockf", kw)?;
    ArgSpec::range(vm, "lockf", args, 0, 2, 5)?;
    let fd = fileno_of(vm, &args[0])?;
    let code = c_int(vm, &args[1])?;
    let len = match args.get(2) {
        Some(v) => vm.index_i64(v)?,
        None => 0,
    };
    let start = match args.get(3) {
        Some(v) => vm.index_i64(v)?,
        None => 0,
    };
    let whence = match args.get(4) {
        Some(v) => c_int(vm, v)?,
        None => 0,
    };
    let lock_type = match code & !(libc::LOCK_NB as i64) {
        x if x == libc::LOCK_UN as i64 => libc::F_UNLCK,
        x if x == libc::LOCK_SH as i64 => libc::F_RDLCK,
        x if x == libc::LOCK_EX as i64 => libc::F_WRLCK,
        _ => return Err(vm.value_error("unrecognized lockf argument")),
    };
    // SAFETY: flock is plain data.
    let mut l: libc::flock = unsafe { std::mem::zeroed() };
    l.l_type = lock_type as libc::c_short;
    l.l_whence = whence as libc::c_short;
    l.l_start = start as libc::off_t;
    l.l_len = len as libc::off_t;
    let cmd = if code & libc::LOCK_NB as i64 != 0 { libc::F_SETLK } else { libc::F_SETLKW };
    // SAFETY: l lives across the call.
    retry(vm, || unsafe { libc::fcntl(fd, cmd, &mut l as *mut libc::flock) })?;
    Ok(none())
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("fcntl");
    m.doc("This module performs file control and I/O control on file\ndescriptors.  It is an interface to the fcntl() and ioctl() Unix\nroutines.  File descriptors can be obtained with the fileno() method of\na file or socket object.");
    m.function("fcntl", fcntl_fcntl);
    m.function("ioctl", fcntl_ioctl);
    m.function("flock", fcntl_flock);
    m.function("lockf", fcntl_lockf);
    let consts: &[(&str, i64)] = &[
        ("LOCK_SH", libc::LOCK_SH as i64),
        ("LOCK_EX", libc::LOCK_EX as i64),
        ("LOCK_NB", libc::LOCK_NB as i64),
        ("LOCK_UN", libc::LOCK_UN as i64),
        ("LOCK_MAND", 32),
        ("LOCK_READ", 64),
        ("LOCK_WRITE", 128),
        ("LOCK_RW", 192),
        ("F_DUPFD", libc::F_DUPFD as i64),
        ("F_DUPFD_CLOEXEC", libc::F_DUPFD_CLOEXEC as i64),
        ("F_GETFD", libc::F_GETFD as i64),
        ("F_SETFD", libc::F_SETFD as i64),
        ("F_GETFL", libc::F_GETFL as i64),
        ("F_SETFL", libc::F_SETFL as i64),
        ("F_GETLK", libc::F_GETLK as i64),
        ("F_SETLK", libc::F_SETLK as i64),
        ("F_SETLKW", libc::F_SETLKW as i64),
        ("F_GETOWN", libc::F_GETOWN as i64),
        ("F_SETOWN", libc::F_SETOWN as i64),
        ("F_GETSIG", 11),
        ("F_SETSIG", 10),
        ("F_RDLCK", libc::F_RDLCK as i64),
        ("F_WRLCK", libc::F_WRLCK as i64),
        ("F_UNLCK", libc::F_UNLCK as i64),
        ("F_GETLK64", libc::F_GETLK as i64),
        ("F_SETLK64", libc::F_SETLK as i64),
        ("F_SETLKW64", libc::F_SETLKW as i64),
        ("F_GETLEASE", 1025),
        ("F_SETLEASE", 1024),
        ("F_NOTIFY", 1026),
        ("F_EXLCK", 4),
        ("F_SHLCK", 8),
        ("F_GETPIPE_SZ", 1032),
        ("F_SETPIPE_SZ", 1031),
        ("F_OFD_GETLK", 36),
        ("F_OFD_SETLK", 37),
        ("F_OFD_SETLKW", 38),
        ("F_ADD_SEALS", 1033),
        ("F_GET_SEALS", 1034),
        ("F_SEAL_SEAL", 1),
        ("F_SEAL_SHRINK", 2),
        ("F_SEAL_GROW", 4),
        ("F_SEAL_WRITE", 8),
        ("FASYNC", libc::O_ASYNC as i64),
        ("FD_CLOEXEC", libc::FD_CLOEXEC as i64),
        ("DN_ACCESS", 1),
        ("DN_MODIFY", 2),
        ("DN_CREATE", 4),
        ("DN_DELETE", 8),
        ("DN_RENAME", 16),
        ("DN_ATTRIB", 32),
        ("DN_MULTISHOT", 0x8000_0000),
    ];
    for (name, v) in consts {
        m.int(name, *v);
    }
    Ok(m.finish())
}
