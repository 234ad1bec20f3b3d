//! `_posixsubprocess.fork_exec`: the fork + exec that Lib/subprocess.py's
//! Popen stands on, with 3.11's 23-argument signature (as CPython's
//! Modules/_posixsubprocess.c).
//!
//! Everything the child needs (argv, environment, paths) is converted before
//! the fork; between fork and exec the child only makes system calls, except
//! for a `preexec_fn`, which runs Python as CPython's does. An exec failure
//! is reported to the parent through `errpipe_write` as
//! `"OSError:<hex errno>:"` (plus `"noexec"` when it happened before exec),
//! which subprocess.py turns into the exception.

use crate::exception::{ExcKind, PyResult};
use crate::modules::posix::{fs_encode, fspath_value};
use crate::modules::ModuleBuilder;
use crate::objects::bytes::BytesObject;
use crate::objects::int::as_int;
use crate::objects::list::ListObject;
use crate::objects::str::StrObject;
use crate::objects::tuple::TupleObject;
use crate::typeobj::KwNames;
use crate::types::exc::last_os_error;
use crate::value::Value;
use crate::vm::Vm;
use std::ffi::CString;

/// `PyUnicode_FSConverter`: str, bytes or a path-like object to a C string.
fn fs_cstring(vm: &mut Vm, v: &Value) -> PyResult<CString> {
    let bytes = match fspath_value(vm, v)? {
        Some(p) => {
            if let Some(s) = p.downcast_ref::<StrObject>() {
                fs_encode(vm, s)?
            } else if let Some(b) = p.downcast_ref::<BytesObject>() {
                b.data().to_vec()
            } else {
                Vec::new()
            }
        }
        None => {
            let msg = format!("expected str, bytes or os.PathLike object, not {}", vm.type_name(v));
            return Err(vm.type_error(msg));
        }
    };
    CString::new(bytes).map_err(|_| vm.value_error("embedded null byte"))
}

fn seq_items(v: &Value) -> Option<Vec<Value>> {
    if let Some(t) = v.downcast_ref::<TupleObject>() {
        return Some(t.items().to_vec());
    }
    v.downcast_ref::<ListObject>().map(|l| l.to_vec())
}


/// A NULL-terminated array of pointers into `strings` (which must outlive it).
fn c_array(strings: &[CString]) -> Vec<*const libc::c_char> {
    let mut v: Vec<*const libc::c_char> = strings.iter().map(|s| s.as_ptr()).collect();
    v.push(std::ptr::null());
    v
}

/// What the child does, prepared before the fork.
struct ChildPlan {
    argv: Vec<CString>,
    executables: Vec<CString>,
    env: Option<Vec<CString>>,
    cwd: Option<CString>,
    close_fds: bool,
    fds_to_keep: Vec<i32>,
    p2cread: i32,
    p2cwrite: i32,
    c2pread: i32,
    c2pwrite: i32,
    errread: i32,
    errwrite: i32,
    errpipe_read: i32,
    errpipe_write: i32,
    restore_signals: bool,
    call_setsid: bool,
    pgid_to_set: i32,
    gid: Option<libc::gid_t>,
    groups: Option<Vec<libc::gid_t>>,
    uid: Option<libc::uid_t>,
    child_umask: i32,
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// Reports `err` through the error pipe (async-signal-safe: no allocation).
fn report_errno(fd: i32, err: i32, before_exec: bool) {
    let mut buf = [0u8; 40];
    let mut n = 0;
    for b in b"OSError:" {
        buf[n] = *b;
        n += 1;
    }
    let mut digits = [0u8; 16];
    let mut d = 0;
    let mut e = err as u32;
    while e != 0 && d < digits.len() {
        digits[d] = b"0123456789abcdef"[(e % 16) as usize];
        e /= 16;
        d += 1;
    }
    while d > 0 {
        d -= 1;
        buf[n] = digits[d];
        n += 1;
    }
    buf[n] = b':';
    n += 1;
    if before_exec {
        for b in b"noexec" {
            buf[n] = *b;
            n += 1;
        }
    }
    // SAFETY: buf holds n initialized bytes.
    unsafe { libc::write(fd, buf.as_ptr() as *const libc::c_void, n) };
}

fn set_inheritable(fd: i32) -> bool {
    // SAFETY: plain fcntl calls on an fd number.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFD);
        if flags < 0 {
            return false;
        }
        if flags & libc::FD_CLOEXEC != 0 {
            return libc::fcntl(fd, libc::F_SETFD, flags & !libc::FD_CLOEXEC) == 0;
        }
    }
    true
}

/// Closes every fd >= 3 not in `keep` (sorted).
fn close_open_fds(keep: &[i32]) {
    let mut start: u32 = 3;
    for &k in keep.iter().filter(|&&k| k >= 3) {
        close_range(start, k as u32 - 1);
        start = k as u32 + 1;
    }
    close_range(start, u32::MAX);
}

fn close_range(first: u32, last: u32) {
    if first > last {
        return;
    }
    // SAFETY: close_range only closes fds; on kernels without it we loop.
    let rc = unsafe { libc::syscall(libc::SYS_close_range, first, last, 0) };
    if rc == 0 {
        return;
    }
    // SAFETY: sysconf has no preconditions.
    let max = unsafe { libc::sysconf(libc::_SC_OPEN_MAX) };
    let max = if max < 0 { 1024 } else { max.min(1 << 20) as u32 };
    for fd in first..last.min(max.saturating_sub(1)).saturating_add(1) {
        // SAFETY: closing fd numbers the child does not need.
        unsafe { libc::close(fd as i32) };
    }
}

/// The child between fork and exec. Never returns.
fn run_child(vm: &mut Vm, plan: &ChildPlan, preexec_fn: Option<&Value>, argv: &[*const libc::c_char], envp: Option<&[*const libc::c_char]>) -> ! {
    // SAFETY (whole function): system calls on fds and memory prepared before the fork.
    unsafe {
        for fd in [plan.p2cwrite, plan.c2pread, plan.errread] {
            if fd != -1 {
                libc::close(fd);
            }
        }
        libc::close(plan.errpipe_read);
        let mut c2pwrite = plan.c2pwrite;
        let mut errwrite = plan.errwrite;
        let fail = |e: i32, before_exec: bool| -> ! {
            report_errno(plan.errpipe_write, e, before_exec);
            libc::_exit(255)
        };
        // The stdout end must not be fd 0, nor stderr's 0 or 1, lest dup2 below clobber them.
        if c2pwrite == 0 {
            c2pwrite = libc::dup(c2pwrite);
            if c2pwrite < 0 || !set_inheritable(c2pwrite) {
                fail(errno(), true);
            }
        }
        while errwrite == 0 || errwrite == 1 {
            errwrite = libc::dup(errwrite);
            if errwrite < 0 || !set_inheritable(errwrite) {
                fail(errno(), true);
            }
        }
        for (from, to) in [(plan.p2cread, 0), (c2pwrite, 1), (errwrite, 2)] {
            if from == to {
                if !set_inheritable(from) {
                    fail(errno(), true);
                }
            } else if from != -1 && libc::dup2(from, to) < 0 {
                fail(errno(), true);
            }
        }
        if let Some(cwd) = &plan.cwd {
            if libc::chdir(cwd.as_ptr()) < 0 {
                fail(errno(), true);
            }
        }
        if plan.child_umask >= 0 {
            libc::umask(plan.child_umask as libc::mode_t);
        }
        if plan.restore_signals {
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
            libc::signal(libc::SIGXFSZ, libc::SIG_DFL);
        }
        if plan.call_setsid && libc::setsid() < 0 {
            fail(errno(), true);
        }
        if plan.pgid_to_set >= 0 && libc::setpgid(0, plan.pgid_to_set) < 0 {
            fail(errno(), true);
        }
        if let Some(groups) = &plan.groups {
            if libc::setgroups(groups.len(), groups.as_ptr()) < 0 {
                fail(errno(), true);
            }
        }
        if let Some(gid) = plan.gid {
            if libc::setregid(gid, gid) < 0 {
                fail(errno(), true);
            }
        }
        if let Some(uid) = plan.uid {
            if libc::setreuid(uid, uid) < 0 {
                fail(errno(), true);
            }
        }
        if let Some(f) = preexec_fn {
            if vm.call0(f).is_err() {
                let msg = b"SubprocessError:0:Exception occurred in preexec_fn.";
                libc::write(plan.errpipe_write, msg.as_ptr() as *const libc::c_void, msg.len());
                libc::_exit(255);
            }
        }
        for &fd in &plan.fds_to_keep {
            if fd != plan.errpipe_write && !set_inheritable(fd) {
                fail(errno(), false);
            }
        }
        if plan.close_fds {
            close_open_fds(&plan.fds_to_keep);
        }
        let mut saved = 0;
        for exe in &plan.executables {
            match envp {
                Some(e) => libc::execve(exe.as_ptr(), argv.as_ptr(), e.as_ptr()),
                None => libc::execv(exe.as_ptr(), argv.as_ptr()),
            };
            let e = errno();
            if e != libc::ENOENT && e != libc::ENOTDIR && saved == 0 {
                saved = e;
            }
        }
        fail(if saved != 0 { saved } else { errno() }, false)
    }
}

fn optional_id(vm: &mut Vm, v: &Value) -> PyResult<Option<u32>> {
    if v.is_none() {
        return Ok(None);
    }
    let n = vm.index_i64(v)?;
    u32::try_from(n).map(Some).map_err(|_| vm.new_error(ExcKind::OverflowError, "uid/gid out of range"))
}

fn fork_exec(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "fork_exec", kw)?;
    if args.len() != 23 {
        let msg = format!(
            "fork_exec() takes exactly 23 arguments ({} given)",
            args.len()
        );
        return Err(vm.type_error(msg));
    }
    let close_fds = vm.is_true(&args[2])?;
    let Some(keep) = args[3].downcast_ref::<TupleObject>() else {
        let msg = format!("fork_exec() argument 4 must be tuple, not {}", vm.type_name(&args[3]));
        return Err(vm.type_error(msg));
    };
    let mut fds_to_keep = Vec::with_capacity(keep.len());
    for v in keep.items() {
        let fd = match as_int(v).and_then(|i| i.to_i64()) {
            Some(n) if (0..=i32::MAX as i64).contains(&n) => n as i32,
            _ => return Err(vm.value_error("bad value(s) in fds_to_keep")),
        };
        if fds_to_keep.last().is_some_and(|&last| last >= fd) {
            return Err(vm.value_error("bad value(s) in fds_to_keep"));
        }
        fds_to_keep.push(fd);
    }
    let preexec_fn = if args[21].is_none() { None } else { Some(args[21].clone()) };
    let mut ints = [0i32; 11];
    for (i, slot) in ints.iter_mut().enumerate() {
        // p2cread .. errpipe_write are args 6..14, restore_signals/call_setsid 14, 15.
        let v = &args[6 + i];
        *slot = vm.arg_c_int(v)?;
    }
    let [p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write, restore_signals, call_setsid, _] = ints;
    let pgid_to_set = vm.arg_c_int(&args[16])?;
    let gid = optional_id(vm, &args[17])?;
    let groups = if args[18].is_none() {
        None
    } else {
        let Some(items) = seq_items(&args[18]) else {
            return Err(vm.type_error("setgroups argument must be a list"));
        };
        let mut g = Vec::with_capacity(items.len());
        for it in &items {
            g.push(optional_id(vm, it)?.unwrap_or(0));
        }
        Some(g)
    };
    let uid = optional_id(vm, &args[19])?;
    let child_umask = vm.arg_c_int(&args[20])?;

    // argv: None means "use executable_list[0] only", as CPython allows.
    let argv: Vec<CString> = if args[0].is_none() {
        Vec::new()
    } else {
        let Some(items) = seq_items(&args[0]).or_else(|| None) else {
            return Err(vm.type_error("args must be a tuple or list"));
        };
        let mut out = Vec::with_capacity(items.len());
        for it in &items {
            out.push(fs_cstring(vm, it)?);
        }
        out
    };
    let Some(exe_items) = seq_items(&args[1]) else {
        return Err(vm.type_error("executable_list must be a tuple or list"));
    };
    let mut executables = Vec::with_capacity(exe_items.len());
    for it in &exe_items {
        executables.push(fs_cstring(vm, it)?);
    }
    let cwd = if args[4].is_none() { None } else { Some(fs_cstring(vm, &args[4])?) };
    let env = if args[5].is_none() {
        None
    } else {
        let Some(items) = seq_items(&args[5]) else {
            return Err(vm.type_error("env must be a tuple or list"));
        };
        let mut out = Vec::with_capacity(items.len());
        for it in &items {
            out.push(fs_cstring(vm, it)?);
        }
        Some(out)
    };
    let plan = ChildPlan {
        argv,
        executables,
        env,
        cwd,
        close_fds,
        fds_to_keep,
        p2cread,
        p2cwrite,
        c2pread,
        c2pwrite,
        errread,
        errwrite,
        errpipe_read,
        errpipe_write,
        restore_signals: restore_signals != 0,
        call_setsid: call_setsid != 0,
        pgid_to_set,
        gid,
        groups,
        uid,
        child_umask,
    };
    let argv_ptrs = c_array(&plan.argv);
    let env_ptrs = plan.env.as_ref().map(|e| c_array(e));
    // Output buffered by this process must not be written twice (CPython's
    // buffers are not flushed by the child either: exec discards them).
    // SAFETY: pyrite runs Python on one thread; the child only makes system
    // calls (and runs preexec_fn) before exec or _exit.
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        return Err(last_os_error(vm, None, None));
    }
    if pid == 0 {
        run_child(vm, &plan, preexec_fn.as_ref(), &argv_ptrs, env_ptrs.as_deref());
    }
    Ok(Value::int(pid as i64))
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_posixsubprocess");
    m.doc("A POSIX helper for the subprocess module.");
    m.function("fork_exec", fork_exec);
    Ok(m.finish())
}
