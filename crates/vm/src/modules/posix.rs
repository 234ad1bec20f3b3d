//! `posix`: the operating-system interface that `Lib/os.py` re-exports.
//!
//! Paths are accepted as CPython's `path_converter` does (str, bytes,
//! os.PathLike, and an fd where the call supports one); str paths are encoded
//! to UTF-8 with `surrogateescape`, and results come back as str or bytes
//! following the type of the argument. Failures raise the OSError subclass
//! that errno selects, naming the path(s) involved.

use crate::args::{check_no_kwargs, split_kwargs, ArgSpec};
use crate::exception::{ExcKind, PyErr, PyResult};
use crate::modules::structseq::{new_structseq, structseq_type, StructSeqDesc};
use crate::modules::{init_native_type, ModuleBuilder, NativeType};
use crate::object::LayoutKind;
use crate::objects::bytes::{new_bytes, BytesObject};
use crate::objects::dict::DictObject;
use crate::objects::list::{new_list, ListObject};
use crate::objects::native::{new_native, NativeData};
use crate::objects::singletons::none;
use crate::objects::str::{new_str, new_str_from_cps, StrObject};
use crate::objects::tuple::{new_tuple, TupleObject};
use crate::typeinit::{add_getset, add_method};
use crate::typeobj::{type_of, KwNames, NativeFn, OBJECT_TYPE};
use crate::types::exc::{last_os_error, os_error};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};
use std::ffi::CString;

// --- file-system encoding ------------------------------------------------------

/// UTF-8 with `surrogateescape`: U+DC80..U+DCFF stand for the bytes 0x80..0xFF.
pub(crate) fn fs_encode(vm: &mut Vm, s: &StrObject) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    for (pos, cp) in s.code_points().enumerate() {
        match cp {
            0xDC80..=0xDCFF => out.push((cp - 0xDC00) as u8),
            0xD800..=0xDFFF => {
                // The error object carries the string and the span of the run
                // of surrogates that cannot be encoded, as the codec gives it.
                let cps: Vec<u32> = s.code_points().collect();
                let end = cps[pos..]
                    .iter()
                    .position(|c| !(0xD800..=0xDFFF).contains(c) || (0xDC80..=0xDCFF).contains(c))
                    .map_or(cps.len(), |n| pos + n);
                let text = crate::objects::str::new_str_from_cps(&cps);
                let e = crate::modules::_codecs::make_encode_error(vm, "utf-8", &text, pos, end.max(pos + 1), "surrogates not allowed")?;
                return Err(crate::exception::PyErr::new(e));
            }
            _ => {
                let c = char::from_u32(cp).unwrap_or('\u{FFFD}');
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    Ok(out)
}

/// Bytes from the OS to str: UTF-8, undecodable bytes as lone surrogates.
pub(crate) fn fs_decode(bytes: &[u8]) -> Value {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return new_str(s);
    }
    let mut cps: Vec<u32> = Vec::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        cps.extend(chunk.valid().chars().map(|c| c as u32));
        cps.extend(chunk.invalid().iter().map(|&b| 0xDC00 + b as u32));
    }
    new_str_from_cps(&cps)
}

// --- path arguments --------------------------------------------------------------

/// A converted path argument.
pub(crate) struct PathArg {
    /// The encoded path (empty when `fd` is set).
    pub c: CString,
    /// The file descriptor given instead of a path, or -1.
    pub fd: i32,
    /// Results (names from listdir, readlink) come back as bytes.
    pub is_bytes: bool,
    /// The argument as given: the `filename` of errors.
    pub object: Value,
}

impl PathArg {
    fn err(&self, vm: &mut Vm) -> PyErr {
        last_os_error(vm, Some(self.object.clone()), None)
    }
}

/// `os.fspath(v)`: str and bytes as they are, else `type(v).__fspath__(v)`.
pub(crate) fn fspath_value(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    if v.downcast_ref::<StrObject>().is_some() || v.downcast_ref::<BytesObject>().is_some() {
        return Ok(Some(v.clone()));
    }
    let Some(f) = vm.lookup_special(v, "__fspath__")? else {
        return Ok(None);
    };
    let r = vm.call0(&f)?;
    if r.downcast_ref::<StrObject>().is_none() && r.downcast_ref::<BytesObject>().is_none() {
        let msg = format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            vm.type_name(v),
            vm.type_name(&r)
        );
        return Err(vm.type_error(msg));
    }
    Ok(Some(r))
}

fn path_type_error(vm: &mut Vm, fname: &str, argname: &str, v: &Value, allow_fd: bool, nullable: bool) -> PyErr {
    let kinds = match (allow_fd, nullable) {
        (true, true) => "string, bytes, os.PathLike, integer or None",
        (true, false) => "string, bytes, os.PathLike or integer",
        (false, true) => "string, bytes, os.PathLike or None",
        (false, false) => "string, bytes or os.PathLike",
    };
    let msg = format!("{fname}: {argname} should be {kinds}, not {}", vm.type_name(v));
    vm.type_error(msg)
}

pub(crate) fn path_arg(vm: &mut Vm, fname: &str, argname: &str, v: &Value, allow_fd: bool) -> PyResult<PathArg> {
    if allow_fd && crate::objects::int::as_int(v).is_some() {
        let fd = fd_from(vm, v)?;
        return Ok(PathArg {
            c: CString::default(),
            fd,
            is_bytes: false,
            object: v.clone(),
        });
    }
    let Some(p) = fspath_value(vm, v)? else {
        return Err(path_type_error(vm, fname, argname, v, allow_fd, false));
    };
    // Errors name the path that `__fspath__` gave.
    let object = p.clone();
    let (bytes, is_bytes) = if let Some(s) = p.downcast_ref::<StrObject>() {
        let b = fs_encode(vm, s)?;
        if b.contains(&0) {
            return Err(vm.value_error("embedded null byte"));
        }
        (b, false)
    } else if let Some(b) = p.downcast_ref::<BytesObject>() {
        if b.data().contains(&0) {
            return Err(vm.value_error(format!("{fname}: embedded null character in {argname}")));
        }
        (b.data().to_vec(), true)
    } else {
        return Err(path_type_error(vm, fname, argname, v, allow_fd, false));
    };
    let c = CString::new(bytes).map_err(|_| vm.value_error("embedded null byte"))?;
    Ok(PathArg {
        c,
        fd: -1,
        is_bytes,
        object,
    })
}

/// A file descriptor argument (an int, or for some calls an object's fileno()).
pub(crate) fn fd_from(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    if crate::objects::float::as_float(v).is_some() && !v.is_small_int() && crate::objects::int::as_int(v).is_none() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.index_i64(v)?;
    if n > i32::MAX as i64 {
        return Err(vm.new_error(ExcKind::OverflowError, "fd is greater than maximum"));
    }
    if n < i32::MIN as i64 {
        return Err(vm.new_error(ExcKind::OverflowError, "fd is less than minimum"));
    }
    Ok(n as i32)
}

/// An object with `fileno()`, or an int (as `PyObject_AsFileDescriptor`).
pub(crate) fn fileno_of(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    // `_PyLong_AsInt`: "Python int too large to convert to C int" past C int.
    let fd = if crate::objects::int::as_int(v).is_some() {
        vm.c_int(v)?
    } else if let Some(f) = vm.lookup_attr(v, &vm.intern("fileno"))? {
        let r = vm.call0(&f)?;
        if crate::objects::int::as_int(&r).is_none() {
            return Err(vm.type_error("fileno() returned a non-integer"));
        }
        vm.c_int(&r)?
    } else {
        return Err(vm.type_error("argument must be an int, or have a fileno() method."));
    };
    if fd < 0 {
        let msg = format!("file descriptor cannot be a negative integer ({fd})");
        return Err(vm.value_error(msg));
    }
    Ok(fd)
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if crate::objects::float::as_float(v).is_some() && crate::objects::int::as_int(v).is_none() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    vm.index_i64(v)
}

/// `dir_fd=None` or an fd.
fn dir_fd_arg(vm: &mut Vm, v: &Option<Value>) -> PyResult<i32> {
    match v {
        None => Ok(libc::AT_FDCWD),
        Some(x) if x.is_none() => Ok(libc::AT_FDCWD),
        Some(x) => {
            if crate::objects::int::as_int(x).is_none() {
                let msg = format!("argument should be integer or None, not {}", vm.type_name(x));
                return Err(vm.type_error(msg));
            }
            fd_from(vm, x)
        }
    }
}

fn bool_arg(vm: &mut Vm, v: &Option<Value>, default: bool) -> PyResult<bool> {
    match v {
        None => Ok(default),
        Some(x) => vm.is_true(x),
    }
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// Runs pending signal handlers after EINTR (PEP 475): an exception they
/// raise ends the call, otherwise the call is retried.
fn eintr_check(vm: &mut Vm) -> PyResult<()> {
    crate::modules::_signal::run_pending_handlers(vm)
}

/// The bytes of a bytes-like argument.
pub(crate) fn bytes_like(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = v.downcast_ref::<BytesObject>() {
        return Ok(b.data().to_vec());
    }
    // bytearray, memoryview (subprocess writes memoryview slices), array...
    Ok(crate::objects::memoryview::require_bytes_like(vm, v)?.into_owned())
}

// --- stat ------------------------------------------------------------------------

static STAT_RESULT_TYPE: NativeType = NativeType::new();
static STAT_RESULT_DESC: StructSeqDesc = StructSeqDesc {
    module: "os",
    name: "stat_result",
    fields: &[
        "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "", "", "", "st_atime", "st_mtime",
        "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns", "st_blksize", "st_blocks", "st_rdev",
    ],
    n_visible: 10,
    copy_missing: &[(10, 7), (11, 8), (12, 9)],
};

fn stat_result_type() -> &'static crate::typeobj::TypeObject {
    structseq_type(&STAT_RESULT_TYPE, &STAT_RESULT_DESC)
}

fn int_u64(v: u64) -> Value {
    crate::objects::int::int_from_u64(v)
}

fn ns_value(sec: i64, nsec: i64) -> Value {
    let total = sec as i128 * 1_000_000_000 + nsec as i128;
    match i64::try_from(total) {
        Ok(n) => Value::int(n),
        Err(_) => crate::objects::int::int_from_big(num_bigint::BigInt::from(total)),
    }
}

fn make_stat_result(vm: &mut Vm, st: &libc::stat) -> Value {
    let t = |s: i64, ns: i64| Value::float(s as f64 + ns as f64 * 1e-9);
    let values = vec![
        Value::int(st.st_mode as i64),
        int_u64(st.st_ino),
        int_u64(st.st_dev),
        int_u64(st.st_nlink),
        Value::int(st.st_uid as i64),
        Value::int(st.st_gid as i64),
        Value::int(st.st_size),
        Value::int(st.st_atime),
        Value::int(st.st_mtime),
        Value::int(st.st_ctime),
        t(st.st_atime, st.st_atime_nsec),
        t(st.st_mtime, st.st_mtime_nsec),
        t(st.st_ctime, st.st_ctime_nsec),
        ns_value(st.st_atime, st.st_atime_nsec),
        ns_value(st.st_mtime, st.st_mtime_nsec),
        ns_value(st.st_ctime, st.st_ctime_nsec),
        Value::int(st.st_blksize),
        Value::int(st.st_blocks),
        int_u64(st.st_rdev),
    ];
    new_structseq(vm, stat_result_type(), values)
}

/// stat of a path argument (fd, or path relative to `dir_fd`).
fn do_stat(vm: &mut Vm, p: &PathArg, dir_fd: i32, follow: bool) -> PyResult<Value> {
    // SAFETY: `st` is plain data the call fills in; the path is NUL-terminated.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    let rc = unsafe {
        if p.fd >= 0 {
            libc::fstat(p.fd, &mut st)
        } else {
            let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
            libc::fstatat(dir_fd, p.c.as_ptr(), &mut st, flags)
        }
    };
    if rc != 0 {
        return Err(p.err(vm));
    }
    Ok(make_stat_result(vm, &st))
}

fn posix_stat(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "stat", args, kwnames, &["path", "dir_fd", "follow_symlinks"], 1, 1)?;
    let p = path_arg(vm, "stat", "path", a[0].as_ref().unwrap_or(&none()), true)?;
    let dir_fd = dir_fd_arg(vm, &a[1])?;
    let follow = bool_arg(vm, &a[2], true)?;
    do_stat(vm, &p, dir_fd, follow)
}

fn posix_lstat(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "lstat", args, kwnames, &["path", "dir_fd"], 1, 1)?;
    let p = path_arg(vm, "lstat", "path", a[0].as_ref().unwrap_or(&none()), false)?;
    let dir_fd = dir_fd_arg(vm, &a[1])?;
    do_stat(vm, &p, dir_fd, false)
}

fn posix_fstat(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "fstat", args, kwnames, &["fd"], 1, 1)?;
    let fd = fd_from(vm, a[0].as_ref().unwrap_or(&none()))?;
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: plain syscall on caller-given fd.
    if unsafe { libc::fstat(fd, &mut st) } != 0 {
        return Err(last_os_error(vm, None, None));
    }
    Ok(make_stat_result(vm, &st))
}

// --- file descriptors ------------------------------------------------------------

fn posix_open(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "open", args, kwnames, &["path", "flags", "mode", "dir_fd"], 3, 2)?;
    let p = path_arg(vm, "open", "path", a[0].as_ref().unwrap_or(&none()), false)?;
    let flags = int_arg(vm, a[1].as_ref().unwrap_or(&none()))? as i32;
    let mode = match &a[2] {
        Some(m) => int_arg(vm, m)? as libc::c_uint,
        None => 0o777,
    };
    let dir_fd = dir_fd_arg(vm, &a[3])?;
    loop {
        // SAFETY: NUL-terminated path; fds are non-inheritable as in CPython.
        let fd = unsafe { libc::openat(dir_fd, p.c.as_ptr(), flags | libc::O_CLOEXEC, mode) };
        if fd >= 0 {
            return Ok(Value::int(fd as i64));
        }
        if errno() == libc::EINTR {
            eintr_check(vm)?;
            continue;
        }
        return Err(p.err(vm));
    }
}

fn posix_close(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "close", args, kwnames, &["fd"], 1, 1)?;
    let fd = fd_from(vm, a[0].as_ref().unwrap_or(&none()))?;
    // SAFETY: closing a caller-given fd.
    if unsafe { libc::close(fd) } != 0 && errno() != libc::EINTR {
        return Err(last_os_error(vm, None, None));
    }
    Ok(none())
}

fn posix_closerange(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "closerange", kw)?;
    let [lo, hi] = ArgSpec::exact::<2>(vm, "closerange", args, 0)?;
    let lo = fd_from(vm, &lo)?.max(0);
    let hi = fd_from(vm, &hi)?;
    for fd in lo..hi {
        // SAFETY: closing fds the caller asked to close; errors ignored as CPython.
        unsafe { libc::close(fd) };
    }
    Ok(none())
}

fn posix_read(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "read", kw)?;
    let [fd, n] = ArgSpec::exact::<2>(vm, "read", args, 0)?;
    let fd = fd_from(vm, &fd)?;
    let n = int_arg(vm, &n)?;
    if n < 0 {
        return Err(last_os_error_with(vm, libc::EINVAL));
    }
    let mut buf = vec![0u8; n as usize];
    loop {
        // SAFETY: `buf` has `n` writable bytes.
        // The GIL is released around the wait; errno is read before taking it back.
        let (r, err) = vm.allow_threads(|| {
            let r = unsafe { libc::read(fd, buf.as_mut_ptr() as *mut libc::c_void, buf.len()) };
            (r, errno())
        });
        if r >= 0 {
            buf.truncate(r as usize);
            return Ok(new_bytes(&buf));
        }
        if err == libc::EINTR {
            eintr_check(vm)?;
            continue;
        }
        // The errno saved before the GIL was taken back (another thread may have changed it).
        return Err(last_os_error_with(vm, err));
    }
}

fn last_os_error_with(vm: &mut Vm, e: i32) -> PyErr {
    os_error(vm, e, None, None)
}

fn posix_write(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "write", kw)?;
    let [fd, data] = ArgSpec::exact::<2>(vm, "write", args, 0)?;
    let fd = fd_from(vm, &fd)?;
    let data = bytes_like(vm, &data)?;
    if fd == 1 {
        // Keep the order of what print() buffered and what is written here.
        vm.flush_stdout();
    }
    loop {
        // SAFETY: `data` is readable for its length.
        // `data` is this call's own copy, so other threads may run meanwhile.
        let (r, err) = vm.allow_threads(|| {
            let r = unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, data.len()) };
            (r, errno())
        });
        if r >= 0 {
            return Ok(Value::int(r as i64));
        }
        if err == libc::EINTR {
            eintr_check(vm)?;
            continue;
        }
        // The errno saved before the GIL was taken back (another thread may have changed it).
        return Err(last_os_error_with(vm, err));
    }
}

/// `sendfile(out_fd, in_fd, offset, count)`: Linux's sendfile(2); an offset of
/// None reads from (and advances) `in_fd`'s own position.
fn posix_sendfile(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    const NAMES: [&str; 4] = ["out_fd", "in_fd", "offset", "count"];
    let a = ArgSpec::parse(vm, "sendfile", args, kw, &NAMES, 4, 4)?;
    let [Some(out_fd), Some(in_fd), Some(offset), Some(count)] = <[Option<Value>; 4]>::try_from(a).unwrap_or_default() else {
        return Err(vm.type_error("sendfile() missing required argument"));
    };
    let out_fd = fd_from(vm, &out_fd)?;
    let in_fd = fd_from(vm, &in_fd)?;
    let mut offset: Option<libc::off_t> = if offset.is_none() { None } else { Some(vm.index_i64(&offset)?) };
    let count = vm.index_i64(&count)?;
    loop {
        let (r, err) = vm.allow_threads(|| {
            let off_ptr = offset.as_mut().map_or(std::ptr::null_mut(), |o| o as *mut libc::off_t);
            // SAFETY: plain syscall; `off_ptr` is null or points at a local.
            let r = unsafe { libc::sendfile(out_fd, in_fd, off_ptr, count as usize) };
            (r, errno())
        });
        if r >= 0 {
            return Ok(Value::int(r as i64));
        }
        if err == libc::EINTR {
            eintr_check(vm)?;
            continue;
        }
        return Err(os_error(vm, err, None, None));
    }
}

fn posix_lseek(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "lseek", kw)?;
    let [fd, pos, how] = ArgSpec::exact::<3>(vm, "lseek", args, 0)?;
    let fd = fd_from(vm, &fd)?;
    let pos = int_arg(vm, &pos)?;
    let how = int_arg(vm, &how)? as i32;
    // SAFETY: plain syscall.
    let r = unsafe { libc::lseek(fd, pos, how) };
    if r < 0 {
        return Err(last_os_error(vm, None, None));
    }
    Ok(Value::int(r))
}

fn posix_pipe(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "pipe", kw)?;
    ArgSpec::range(vm, "pipe", args, 0, 0, 0)?;
    let mut fds = [0i32; 2];
    // SAFETY: `fds` has room for the two descriptors.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(last_os_error(vm, None, None));
    }
    Ok(new_tuple(vec![Value::int(fds[0] as i64), Value::int(fds[1] as i64)]))
}

fn posix_dup(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "dup", kw)?;
    let [fd] = ArgSpec::exact::<1>(vm, "dup", args, 0)?;
    let fd = fd_from(vm, &fd)?;
    // SAFETY: plain syscall.
    let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if r < 0 {
        return Err(last_os_error(vm, None, None));
    }
    Ok(Value::int(r as i64))
}

fn posix_dup2(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "dup2", args, kwnames, &["fd", "fd2", "inheritable"], 3, 2)?;
    let fd = fd_from(vm, a[0].as_ref().unwrap_or(&none()))?;
    let fd2 = fd_from(vm, a[1].as_ref().unwrap_or(&none()))?;
    let inheritable = bool_arg(vm, &a[2], true)?;
    let flags = if inheritable { 0 } else { libc::O_CLOEXEC };
    if fd == 1 || fd2 == 1 {
        vm.flush_stdout();
    }
    // SAFETY: plain syscalls.
    let r = unsafe {
        if fd == fd2 {
            libc::fcntl(fd, libc::F_GETFD)
        } else {
            libc::dup3(fd, fd2, flags)
        }
    };
    if r < 0 {
        return Err(last_os_error(vm, None, None));
    }
    Ok(Value::int(fd2 as i64))
}

fn posix_fsync(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "fsync", args, kwnames, &["fd"], 1, 1)?;
    let fd = fileno_of(vm, a[0].as_ref().unwrap_or(&none()))?;
    // SAFETY: plain syscall.
    if unsafe { libc::fsync(fd) } != 0 {
        return Err(last_os_error(vm, None, None));
    }
    Ok(none())
}

fn posix_ftruncate(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "ftruncate", kw)?;
    let [fd, len] = ArgSpec::exact::<2>(vm, "ftruncate", args, 0)?;
    let fd = fd_from(vm, &fd)?;
    let len = int_arg(vm, &len)?;
    // SAFETY: plain syscall.
    if unsafe { libc::ftruncate(fd, len) } != 0 {
        return Err(last_os_error(vm, None, None));
    }
    Ok(none())
}

fn posix_truncate(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "truncate", args, kwnames, &["path", "length"], 2, 2)?;
    let p = path_arg(vm, "truncate", "path", a[0].as_ref().unwrap_or(&none()), true)?;
    let len = int_arg(vm, a[1].as_ref().unwrap_or(&none()))?;
    // SAFETY: plain syscalls on a NUL-terminated path or fd.
    let rc = unsafe {
        if p.fd >= 0 {
            libc::ftruncate(p.fd, len)
        } else {
            libc::truncate(p.c.as_ptr(), len)
        }
    };
    if rc != 0 {
        return Err(p.err(vm));
    }
    Ok(none())
}

fn posix_isatty(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "isatty", kw)?;
    let [fd] = ArgSpec::exact::<1>(vm, "isatty", args, 0)?;
    let fd = fd_from(vm, &fd)?;
    // SAFETY: plain libc call.
    Ok(Value::bool(unsafe { libc::isatty(fd) } == 1))
}

fn posix_get_inheritable(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "get_inheritable", kw)?;
    let [fd] = ArgSpec::exact::<1>(vm, "get_inheritable", args, 0)?;
    let fd = fd_from(vm, &fd)?;
    // SAFETY: plain syscall.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFD) };
    if flags < 0 {
        return Err(last_os_error(vm, None, None));
    }
    Ok(Value::bool(flags & libc::FD_CLOEXEC == 0))
}

fn posix_set_inheritable(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "set_inheritable", kw)?;
    let [fd, inh] = ArgSpec::exact::<2>(vm, "set_inheritable", args, 0)?;
    let fd = fd_from(vm, &fd)?;
    let inh = vm.is_true(&inh)?;
    // SAFETY: plain syscalls.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFD) };
    if flags < 0 {
        return Err(last_os_error(vm, None, None));
    }
    let new = if inh { flags & !libc::FD_CLOEXEC } else { flags | libc::FD_CLOEXEC };
    if unsafe { libc::fcntl(fd, libc::F_SETFD, new) } < 0 {
        return Err(last_os_error(vm, None, None));
    }
    Ok(none())
}

fn posix_get_blocking(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "get_blocking", kw)?;
    let [fd] = ArgSpec::exact::<1>(vm, "get_blocking", args, 0)?;
    let fd = fd_from(vm, &fd)?;
    // SAFETY: plain syscall.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 {
        return Err(last_os_error(vm, None, None));
    }
    Ok(Value::bool(flags & libc::O_NONBLOCK == 0))
}

fn posix_set_blocking(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "set_blocking", kw)?;
    let [fd, b] = ArgSpec::exact::<2>(vm, "set_blocking", args, 0)?;
    let fd = fd_from(vm, &fd)?;
    let blocking = vm.is_true(&b)?;
    // SAFETY: plain syscalls.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 {
        return Err(last_os_error(vm, None, None));
    }
    let new = if blocking { flags & !libc::O_NONBLOCK } else { flags | libc::O_NONBLOCK };
    if unsafe { libc::fcntl(fd, libc::F_SETFL, new) } < 0 {
        return Err(last_os_error(vm, None, None));
    }
    Ok(none())
}

// --- directories -----------------------------------------------------------------

/// Entries of a directory (without "." and ".."), as raw names.
fn read_dir_names(vm: &mut Vm, p: &PathArg) -> PyResult<Vec<Vec<u8>>> {
    // SAFETY: opendir/readdir/closedir on a path we own; each dirent is read
    // before the next readdir call.
    unsafe {
        let dir = if p.fd >= 0 {
            let dup = libc::fcntl(p.fd, libc::F_DUPFD_CLOEXEC, 0);
            if dup < 0 {
                return Err(last_os_error(vm, None, None));
            }
            let d = libc::fdopendir(dup);
            if d.is_null() {
                libc::close(dup);
            } else {
                libc::rewinddir(d);
            }
            d
        } else {
            libc::opendir(p.c.as_ptr())
        };
        if dir.is_null() {
            return Err(p.err(vm));
        }
        let mut names = Vec::new();
        loop {
            *libc::__errno_location() = 0;
            let ent = libc::readdir(dir);
            if ent.is_null() {
                let e = errno();
                libc::closedir(dir);
                if e != 0 {
                    return Err(os_error(vm, e, Some(p.object.clone()), None));
                }
                break;
            }
            let name = std::ffi::CStr::from_ptr((*ent).d_name.as_ptr()).to_bytes();
            if name == b"." || name == b".." {
                continue;
            }
            names.push(name.to_vec());
        }
        Ok(names)
    }
}

fn default_dot(vm: &mut Vm, fname: &str, v: &Option<Value>) -> PyResult<PathArg> {
    match v {
        Some(x) if !x.is_none() => {
            if crate::objects::int::as_int(x).is_some() {
                return path_arg(vm, fname, "path", x, true);
            }
            if fspath_value(vm, x)?.is_none() {
                return Err(path_type_error(vm, fname, "path", x, true, true));
            }
            path_arg(vm, fname, "path", x, true)
        }
        _ => Ok(PathArg {
            c: CString::new(".").unwrap_or_default(),
            fd: -1,
            is_bytes: false,
            object: new_str("."),
        }),
    }
}

fn posix_listdir(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "listdir", args, kwnames, &["path"], 1, 0)?;
    let p = default_dot(vm, "listdir", &a[0])?;
    let names = read_dir_names(vm, &p)?;
    let items = names
        .iter()
        .map(|n| if p.is_bytes { new_bytes(n) } else { fs_decode(n) })
        .collect();
    Ok(new_list(items))
}

fn posix_mkdir(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "mkdir", args, kwnames, &["path", "mode", "dir_fd"], 2, 1)?;
    let p = path_arg(vm, "mkdir", "path", a[0].as_ref().unwrap_or(&none()), false)?;
    let mode = match &a[1] {
        Some(m) => int_arg(vm, m)? as libc::mode_t,
        None => 0o777,
    };
    let dir_fd = dir_fd_arg(vm, &a[2])?;
    // SAFETY: NUL-terminated path.
    if unsafe { libc::mkdirat(dir_fd, p.c.as_ptr(), mode) } != 0 {
        return Err(p.err(vm));
    }
    Ok(none())
}

fn posix_mkfifo(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "mkfifo", args, kwnames, &["path", "mode", "dir_fd"], 2, 1)?;
    let p = path_arg(vm, "mkfifo", "path", a[0].as_ref().unwrap_or(&none()), false)?;
    let mode = match &a[1] {
        Some(m) => int_arg(vm, m)? as libc::mode_t,
        None => 0o666,
    };
    let dir_fd = dir_fd_arg(vm, &a[2])?;
    // SAFETY: NUL-terminated path.
    if unsafe { libc::mkfifoat(dir_fd, p.c.as_ptr(), mode) } != 0 {
        // CPython names no file in this error.
        return Err(last_os_error(vm, None, None));
    }
    Ok(none())
}

fn posix_rmdir(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "rmdir", args, kwnames, &["path", "dir_fd"], 1, 1)?;
    let p = path_arg(vm, "rmdir", "path", a[0].as_ref().unwrap_or(&none()), false)?;
    let dir_fd = dir_fd_arg(vm, &a[1])?;
    // SAFETY: NUL-terminated path.
    if unsafe { libc::unlinkat(dir_fd, p.c.as_ptr(), libc::AT_REMOVEDIR) } != 0 {
        return Err(p.err(vm));
    }
    Ok(none())
}

fn unlink_impl(vm: &mut Vm, fname: &str, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, fname, args, kwnames, &["path", "dir_fd"], 1, 1)?;
    let p = path_arg(vm, fname, "path", a[0].as_ref().unwrap_or(&none()), false)?;
    let dir_fd = dir_fd_arg(vm, &a[1])?;
    // SAFETY: NUL-terminated path.
    if unsafe { libc::unlinkat(dir_fd, p.c.as_ptr(), 0) } != 0 {
        return Err(p.err(vm));
    }
    Ok(none())
}

fn posix_unlink(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    unlink_impl(vm, "unlink", args, kwnames)
}

fn posix_remove(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    unlink_impl(vm, "remove", args, kwnames)
}

fn two_paths(vm: &mut Vm, fname: &str, args: &[Value], kwnames: KwNames, extra: &[&str]) -> PyResult<(PathArg, PathArg, Vec<Option<Value>>)> {
    let mut names = vec!["src", "dst"];
    names.extend_from_slice(extra);
    let a = ArgSpec::parse(vm, fname, args, kwnames, &names, 2, 2)?;
    let src = path_arg(vm, fname, "src", a[0].as_ref().unwrap_or(&none()), false)?;
    let dst = path_arg(vm, fname, "dst", a[1].as_ref().unwrap_or(&none()), false)?;
    Ok((src, dst, a[2..].to_vec()))
}

fn rename_impl(vm: &mut Vm, fname: &str, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let (src, dst, rest) = two_paths(vm, fname, args, kwnames, &["src_dir_fd", "dst_dir_fd"])?;
    let sfd = dir_fd_arg(vm, &rest[0])?;
    let dfd = dir_fd_arg(vm, &rest[1])?;
    // SAFETY: NUL-terminated paths.
    if unsafe { libc::renameat(sfd, src.c.as_ptr(), dfd, dst.c.as_ptr()) } != 0 {
        return Err(last_os_error(vm, Some(src.object), Some(dst.object)));
    }
    Ok(none())
}

fn posix_rename(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    rename_impl(vm, "rename", args, kwnames)
}

fn posix_replace(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    rename_impl(vm, "replace", args, kwnames)
}

fn posix_link(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let (src, dst, rest) = two_paths(vm, "link", args, kwnames, &["src_dir_fd", "dst_dir_fd", "follow_symlinks"])?;
    let sfd = dir_fd_arg(vm, &rest[0])?;
    let dfd = dir_fd_arg(vm, &rest[1])?;
    let follow = bool_arg(vm, &rest[2], true)?;
    let flags = if follow { libc::AT_SYMLINK_FOLLOW } else { 0 };
    // SAFETY: NUL-terminated paths.
    if unsafe { libc::linkat(sfd, src.c.as_ptr(), dfd, dst.c.as_ptr(), flags) } != 0 {
        return Err(last_os_error(vm, Some(src.object), Some(dst.object)));
    }
    Ok(none())
}

fn posix_symlink(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let (src, dst, rest) = two_paths(vm, "symlink", args, kwnames, &["target_is_directory", "dir_fd"])?;
    let dfd = dir_fd_arg(vm, &rest[1])?;
    // SAFETY: NUL-terminated paths.
    if unsafe { libc::symlinkat(src.c.as_ptr(), dfd, dst.c.as_ptr()) } != 0 {
        return Err(last_os_error(vm, Some(src.object), Some(dst.object)));
    }
    Ok(none())
}

fn posix_readlink(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "readlink", args, kwnames, &["path", "dir_fd"], 1, 1)?;
    let p = path_arg(vm, "readlink", "path", a[0].as_ref().unwrap_or(&none()), false)?;
    let dir_fd = dir_fd_arg(vm, &a[1])?;
    let mut buf = vec![0u8; libc::PATH_MAX as usize + 1];
    // SAFETY: `buf` is writable for its length.
    let n = unsafe { libc::readlinkat(dir_fd, p.c.as_ptr(), buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
    if n < 0 {
        return Err(p.err(vm));
    }
    buf.truncate(n as usize);
    Ok(if p.is_bytes { new_bytes(&buf) } else { fs_decode(&buf) })
}

fn posix_chmod(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "chmod", args, kwnames, &["path", "mode", "dir_fd", "follow_symlinks"], 2, 2)?;
    let p = path_arg(vm, "chmod", "path", a[0].as_ref().unwrap_or(&none()), true)?;
    let mode = int_arg(vm, a[1].as_ref().unwrap_or(&none()))? as libc::mode_t;
    let dir_fd = dir_fd_arg(vm, &a[2])?;
    let follow = bool_arg(vm, &a[3], true)?;
    // SAFETY: plain syscalls.
    let rc = unsafe {
        if p.fd >= 0 {
            libc::fchmod(p.fd, mode)
        } else {
            let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
            libc::fchmodat(dir_fd, p.c.as_ptr(), mode, flags)
        }
    };
    if rc != 0 {
        return Err(p.err(vm));
    }
    Ok(none())
}

fn posix_fchmod(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "fchmod", args, kwnames, &["fd", "mode"], 2, 2)?;
    let fd = fd_from(vm, a[0].as_ref().unwrap_or(&none()))?;
    let mode = int_arg(vm, a[1].as_ref().unwrap_or(&none()))? as libc::mode_t;
    // SAFETY: plain syscall.
    if unsafe { libc::fchmod(fd, mode) } != 0 {
        return Err(last_os_error(vm, None, None));
    }
    Ok(none())
}

fn id_arg(vm: &mut Vm, v: &Option<Value>) -> PyResult<u32> {
    let n = int_arg(vm, v.as_ref().unwrap_or(&none()))?;
    Ok(if n == -1 { u32::MAX } else { n as u32 })
}

fn posix_chown(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "chown", args, kwnames, &["path", "uid", "gid", "dir_fd", "follow_symlinks"], 3, 3)?;
    let p = path_arg(vm, "chown", "path", a[0].as_ref().unwrap_or(&none()), true)?;
    let uid = id_arg(vm, &a[1])?;
    let gid = id_arg(vm, &a[2])?;
    let dir_fd = dir_fd_arg(vm, &a[3])?;
    let follow = bool_arg(vm, &a[4], true)?;
    // SAFETY: plain syscalls.
    let rc = unsafe {
        if p.fd >= 0 {
            libc::fchown(p.fd, uid, gid)
        } else {
            let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
            libc::fchownat(dir_fd, p.c.as_ptr(), uid, gid, flags)
        }
    };
    if rc != 0 {
        return Err(p.err(vm));
    }
    Ok(none())
}

fn posix_lchown(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "lchown", args, kwnames, &["path", "uid", "gid"], 3, 3)?;
    let p = path_arg(vm, "lchown", "path", a[0].as_ref().unwrap_or(&none()), false)?;
    let uid = id_arg(vm, &a[1])?;
    let gid = id_arg(vm, &a[2])?;
    // SAFETY: NUL-terminated path.
    if unsafe { libc::lchown(p.c.as_ptr(), uid, gid) } != 0 {
        return Err(p.err(vm));
    }
    Ok(none())
}

fn timespec_from(vm: &mut Vm, v: &Value, ns: bool) -> PyResult<libc::timespec> {
    if ns {
        let big = crate::objects::int::bigint_of(v).ok_or_else(|| vm.type_error("ns must be a tuple of two ints"))?;
        let billion = num_bigint::BigInt::from(1_000_000_000);
        let mut sec = &big / &billion;
        let mut nsec = &big % &billion;
        if nsec < num_bigint::BigInt::from(0) {
            nsec += &billion;
            sec -= 1;
        }
        let sec: i64 = i64::try_from(sec).map_err(|_| vm.new_error(ExcKind::OverflowError, "timestamp too large"))?;
        let nsec: i64 = i64::try_from(nsec).unwrap_or(0);
        return Ok(libc::timespec { tv_sec: sec, tv_nsec: nsec });
    }
    if let Some(f) = crate::objects::float::as_float(v).filter(|_| crate::objects::int::as_int(v).is_none()) {
        if !f.is_finite() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        let mut sec = f.floor();
        let mut nsec = ((f - sec) * 1e9).round();
        if nsec >= 1e9 {
            sec += 1.0;
            nsec -= 1e9;
        }
        return Ok(libc::timespec { tv_sec: sec as i64, tv_nsec: nsec as i64 });
    }
    if crate::objects::int::as_int(v).is_some() {
        let sec = vm.index_i64(v)?;
        return Ok(libc::timespec { tv_sec: sec, tv_nsec: 0 });
    }
    let msg = format!("an integer is required (got type {})", vm.type_name(v));
    Err(vm.type_error(msg))
}

fn posix_utime(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "utime", args, kwnames, &["path", "times", "ns", "dir_fd", "follow_symlinks"], 2, 1)?;
    let p = path_arg(vm, "utime", "path", a[0].as_ref().unwrap_or(&none()), true)?;
    let times = a[1].clone().filter(|t| !t.is_none());
    let ns = a[2].clone();
    if times.is_some() && ns.is_some() {
        return Err(vm.value_error("utime: you may specify either 'times' or 'ns' but not both"));
    }
    let spec = if let Some(t) = times {
        let items = match t.downcast_ref::<TupleObject>() {
            Some(tt) if tt.len() == 2 => tt.items().to_vec(),
            _ => return Err(vm.type_error("utime: 'times' must be either a tuple of two ints or None")),
        };
        Some([timespec_from(vm, &items[0], false)?, timespec_from(vm, &items[1], false)?])
    } else if let Some(n) = ns {
        let items = match n.downcast_ref::<TupleObject>() {
            Some(tt) if tt.len() == 2 => tt.items().to_vec(),
            _ => return Err(vm.type_error("utime: 'ns' must be a tuple of two ints")),
        };
        Some([timespec_from(vm, &items[0], true)?, timespec_from(vm, &items[1], true)?])
    } else {
        None
    };
    let dir_fd = dir_fd_arg(vm, &a[3])?;
    let follow = bool_arg(vm, &a[4], true)?;
    let ptr = spec.as_ref().map_or(std::ptr::null(), |s| s.as_ptr());
    // SAFETY: `ptr` is null or points to two timespecs; path NUL-terminated.
    let rc = unsafe {
        if p.fd >= 0 {
            libc::futimens(p.fd, ptr)
        } else {
            let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
            libc::utimensat(dir_fd, p.c.as_ptr(), ptr, flags)
        }
    };
    if rc != 0 {
        // As CPython, utime's error names no file.
        return Err(last_os_error(vm, None, None));
    }
    Ok(none())
}

fn posix_access(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(
        vm,
        "access",
        args,
        kwnames,
        &["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"],
        2,
        2,
    )?;
    let p = path_arg(vm, "access", "path", a[0].as_ref().unwrap_or(&none()), false)?;
    let mode = int_arg(vm, a[1].as_ref().unwrap_or(&none()))? as i32;
    let dir_fd = dir_fd_arg(vm, &a[2])?;
    let eff = bool_arg(vm, &a[3], false)?;
    let follow = bool_arg(vm, &a[4], true)?;
    let mut flags = 0;
    if eff {
        flags |= libc::AT_EACCESS;
    }
    if !follow {
        flags |= libc::AT_SYMLINK_NOFOLLOW;
    }
    // SAFETY: NUL-terminated path.
    let rc = unsafe { libc::faccessat(dir_fd, p.c.as_ptr(), mode, flags) };
    Ok(Value::bool(rc == 0))
}

fn cwd_bytes(vm: &mut Vm) -> PyResult<Vec<u8>> {
    match std::env::current_dir() {
        Ok(p) => Ok(std::os::unix::ffi::OsStrExt::as_bytes(p.as_os_str()).to_vec()),
        Err(e) => Err(os_error(vm, e.raw_os_error().unwrap_or(libc::ENOENT), None, None)),
    }
}

fn posix_getcwd(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "getcwd", kw)?;
    ArgSpec::range(vm, "getcwd", args, 0, 0, 0)?;
    let b = cwd_bytes(vm)?;
    Ok(fs_decode(&b))
}

fn posix_getcwdb(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "getcwdb", kw)?;
    ArgSpec::range(vm, "getcwdb", args, 0, 0, 0)?;
    let b = cwd_bytes(vm)?;
    Ok(new_bytes(&b))
}

fn posix_chdir(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "chdir", args, kwnames, &["path"], 1, 1)?;
    let p = path_arg(vm, "chdir", "path", a[0].as_ref().unwrap_or(&none()), true)?;
    // SAFETY: plain syscalls.
    let rc = unsafe {
        if p.fd >= 0 {
            libc::fchdir(p.fd)
        } else {
            libc::chdir(p.c.as_ptr())
        }
    };
    if rc != 0 {
        return Err(p.err(vm));
    }
    Ok(none())
}

fn posix_fchdir(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "fchdir", args, kwnames, &["fd"], 1, 1)?;
    let fd = fileno_of(vm, a[0].as_ref().unwrap_or(&none()))?;
    // SAFETY: plain syscall.
    if unsafe { libc::fchdir(fd) } != 0 {
        return Err(last_os_error(vm, None, None));
    }
    Ok(none())
}

// --- scandir ---------------------------------------------------------------------

struct ScandirIter {
    dir: Cell<*mut libc::DIR>,
    /// The directory as given, with a trailing '/' when it needs one.
    prefix: Vec<u8>,
    is_bytes: bool,
    /// Set when the iterator scans an fd (entries' `path` is just the name).
    from_fd: bool,
    /// The fd scanned, for the entries' stat calls.
    dir_fd: i32,
}

impl ScandirIter {
    fn close(&self) {
        let d = self.dir.replace(std::ptr::null_mut());
        if !d.is_null() {
            // SAFETY: `d` came from opendir/fdopendir and is closed once.
            unsafe { libc::closedir(d) };
        }
    }
}

impl Drop for ScandirIter {
    fn drop(&mut self) {
        self.close();
    }
}

impl NativeData for ScandirIter {}

struct DirEntry {
    name: Value,
    path: Value,
    /// Encoded path for the stat calls: relative to `dir_fd` when scanning an fd.
    cpath: CString,
    /// The directory fd scanned (`scandir(fd)`), else AT_FDCWD.
    dir_fd: i32,
    d_type: u8,
    ino: u64,
    stat: RefCell<Option<Value>>,
    lstat: RefCell<Option<Value>>,
}

impl NativeData for DirEntry {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.name);
        visit(&self.path);
        if let Some(v) = self.stat.borrow().as_ref() {
            visit(v);
        }
        if let Some(v) = self.lstat.borrow().as_ref() {
            visit(v);
        }
    }
}

static SCANDIR_ITER_TYPE: NativeType = NativeType::new();
static DIR_ENTRY_TYPE: NativeType = NativeType::new();

fn scandir_iter_type() -> &'static crate::typeobj::TypeObject {
    SCANDIR_ITER_TYPE.get_or_init(|st| {
        init_native_type(st, "posix", "ScandirIterator", LayoutKind::Native, &OBJECT_TYPE, 0, |s| {
            s.iter = Some(|_vm, v| Ok(v.clone()));
            s.iternext = Some(scandir_next);
            s.new = None;
        });
        add_method(st, "close", scandir_close);
        add_method(st, "__enter__", |_vm, args, _kw| Ok(args.first().cloned().unwrap_or_else(none)));
        add_method(st, "__exit__", scandir_close);
    })
}

fn dir_entry_type() -> &'static crate::typeobj::TypeObject {
    DIR_ENTRY_TYPE.get_or_init(|st| {
        init_native_type(st, "posix", "DirEntry", LayoutKind::Native, &OBJECT_TYPE, 0, |s| {
            s.repr = Some(dir_entry_repr);
            s.new = None;
        });
        add_getset(st, "name", |vm, v| Ok(entry(vm, v)?.name.clone()), None);
        add_getset(st, "path", |vm, v| Ok(entry(vm, v)?.path.clone()), None);
        add_method(st, "inode", |vm, args, _kw| {
            let this = args.first().cloned().unwrap_or_else(none);
            let ino = entry(vm, &this)?.ino;
            Ok(int_u64(ino))
        });
        add_method(st, "is_dir", |vm, args, kw| entry_is(vm, args, kw, "is_dir", libc::S_IFDIR));
        add_method(st, "is_file", |vm, args, kw| entry_is(vm, args, kw, "is_file", libc::S_IFREG));
        add_method(st, "is_symlink", entry_is_symlink);
        add_method(st, "stat", entry_stat_method);
        add_method(st, "__fspath__", |vm, args, _kw| {
            let this = args.first().cloned().unwrap_or_else(none);
            let path = entry(vm, &this)?.path.clone();
            Ok(path)
        });
        let ga = crate::objects::descr::new_builtin_function("__class_getitem__", class_getitem, Some("posix"));
        let cm = crate::objects::descr::new_func_wrapper(crate::typeobj::CLASSMETHOD_TYPE.get(), ga);
        crate::typeinit::set_attr(st.get(), "__class_getitem__", cm);
    })
}

fn class_getitem(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [cls, item] = ArgSpec::exact::<2>(vm, "__class_getitem__", args, 1)?;
    let _ = vm;
    Ok(crate::types::generic_alias::new_generic_alias(cls, &item))
}

fn entry<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a DirEntry> {
    match v.native_ref::<DirEntry>() {
        Some(e) => Ok(e),
        None => Err(vm.type_error("descriptor requires a 'posix.DirEntry' object")),
    }
}

fn dir_entry_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let name = entry(vm, v)?.name.clone();
    let r = vm.repr_string(&name)?;
    Ok(new_str(&format!("<DirEntry {r}>")))
}

fn entry_stat(vm: &mut Vm, v: &Value, follow: bool) -> PyResult<Value> {
    let e = entry(vm, v)?;
    let cached = if follow { e.stat.borrow().clone() } else { e.lstat.borrow().clone() };
    if let Some(s) = cached {
        return Ok(s);
    }
    // With follow_symlinks, an entry known not to be a link has lstat's result.
    let known_not_link = e.d_type != libc::DT_LNK && e.d_type != libc::DT_UNKNOWN;
    let p = PathArg {
        c: e.cpath.clone(),
        fd: -1,
        is_bytes: false,
        object: e.path.clone(),
    };
    let result = if follow && known_not_link {
        // Not a symlink: stat and lstat agree.
        let r = entry_stat(vm, v, false)?;
        r
    } else {
        do_stat(vm, &p, e.dir_fd, follow)?
    };
    let e = entry(vm, v)?;
    if follow {
        *e.stat.borrow_mut() = Some(result.clone());
    } else {
        *e.lstat.borrow_mut() = Some(result.clone());
    }
    Ok(result)
}

fn follow_kw(vm: &mut Vm, fname: &str, args: &[Value], kwnames: KwNames) -> PyResult<bool> {
    let tail = args.get(1..).unwrap_or(&[]);
    let a = ArgSpec::parse(vm, fname, tail, kwnames, &["follow_symlinks"], 0, 0)?;
    bool_arg(vm, &a[0], true)
}

fn entry_stat_method(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let follow = follow_kw(vm, "stat", args, kwnames)?;
    entry_stat(vm, args.first().unwrap_or(&none()), follow)
}

fn entry_mode_is(vm: &mut Vm, v: &Value, follow: bool, want: libc::mode_t) -> PyResult<bool> {
    match entry_stat(vm, v, follow) {
        Ok(st) => {
            let mode = st.downcast_ref::<TupleObject>().and_then(|t| t.get(0)).and_then(|m| m.as_small_int());
            Ok(mode.is_some_and(|m| (m as libc::mode_t & libc::S_IFMT) == want))
        }
        Err(e) if e.is_instance(ExcKind::FileNotFoundError) => Ok(false),
        Err(e) => Err(e),
    }
}

fn entry_is(vm: &mut Vm, args: &[Value], kwnames: KwNames, fname: &str, want: libc::mode_t) -> PyResult<Value> {
    let follow = follow_kw(vm, fname, args, kwnames)?;
    let v = args.first().cloned().unwrap_or_else(none);
    let e = entry(vm, &v)?;
    let dt = e.d_type;
    let known = dt != libc::DT_UNKNOWN && !(follow && dt == libc::DT_LNK);
    if known {
        let r = match want {
            libc::S_IFDIR => dt == libc::DT_DIR,
            _ => dt == libc::DT_REG,
        };
        return Ok(Value::bool(r));
    }
    Ok(Value::bool(entry_mode_is(vm, &v, follow, want)?))
}

fn entry_is_symlink(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "is_symlink", kw)?;
    let v = args.first().cloned().unwrap_or_else(none);
    let e = entry(vm, &v)?;
    if e.d_type != libc::DT_UNKNOWN {
        return Ok(Value::bool(e.d_type == libc::DT_LNK));
    }
    Ok(Value::bool(entry_mode_is(vm, &v, false, libc::S_IFLNK)?))
}

fn scandir_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(it) = v.native_ref::<ScandirIter>() else {
        return Err(vm.type_error("expected a ScandirIterator"));
    };
    loop {
        let dir = it.dir.get();
        if dir.is_null() {
            return Ok(None);
        }
        // SAFETY: `dir` is open; the dirent is copied out before the next call.
        let (name, d_type, ino) = unsafe {
            *libc::__errno_location() = 0;
            let ent = libc::readdir(dir);
            if ent.is_null() {
                let e = errno();
                it.close();
                if e != 0 {
                    return Err(os_error(vm, e, None, None));
                }
                return Ok(None);
            }
            let name = std::ffi::CStr::from_ptr((*ent).d_name.as_ptr()).to_bytes().to_vec();
            (name, (*ent).d_type, (*ent).d_ino)
        };
        if name == b"." || name == b".." {
            continue;
        }
        let mut full = if it.from_fd { Vec::new() } else { it.prefix.clone() };
        full.extend_from_slice(&name);
        let (name_v, path_v) = if it.is_bytes {
            (new_bytes(&name), new_bytes(&full))
        } else {
            (fs_decode(&name), fs_decode(&full))
        };
        let cpath = CString::new(full).unwrap_or_default();
        let e = DirEntry {
            name: name_v,
            path: path_v,
            cpath,
            dir_fd: it.dir_fd,
            d_type,
            ino,
            stat: RefCell::new(None),
            lstat: RefCell::new(None),
        };
        return Ok(Some(new_native(dir_entry_type(), e)));
    }
}

fn scandir_close(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let v = args.first().cloned().unwrap_or_else(none);
    match v.native_ref::<ScandirIter>() {
        Some(it) => it.close(),
        None => return Err(vm.type_error("expected a ScandirIterator")),
    }
    Ok(none())
}

fn posix_scandir(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "scandir", args, kwnames, &["path"], 1, 0)?;
    let p = default_dot(vm, "scandir", &a[0])?;
    let given = a[0].as_ref().is_some_and(|x| !x.is_none());
    // SAFETY: opendir on a NUL-terminated path (or fdopendir on a dup).
    let dir = unsafe {
        if p.fd >= 0 {
            let dup = libc::fcntl(p.fd, libc::F_DUPFD_CLOEXEC, 0);
            if dup < 0 {
                return Err(last_os_error(vm, None, None));
            }
            let d = libc::fdopendir(dup);
            if d.is_null() {
                libc::close(dup);
            } else {
                libc::rewinddir(d);
            }
            d
        } else {
            libc::opendir(p.c.as_ptr())
        }
    };
    if dir.is_null() {
        return Err(p.err(vm));
    }
    let mut prefix = if given { p.c.as_bytes().to_vec() } else { b".".to_vec() };
    if !prefix.is_empty() && !prefix.ends_with(b"/") {
        prefix.push(b'/');
    }
    let it = ScandirIter {
        dir: Cell::new(dir),
        prefix,
        is_bytes: p.is_bytes,
        from_fd: p.fd >= 0,
        dir_fd: if p.fd >= 0 { p.fd } else { libc::AT_FDCWD },
    };
    Ok(new_native(scandir_iter_type(), it))
}

// --- environment, process --------------------------------------------------------

fn env_bytes(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Vec<u8>> {
    let b = if let Some(s) = v.downcast_ref::<StrObject>() {
        fs_encode(vm, s)?
    } else if let Some(b) = v.downcast_ref::<BytesObject>() {
        b.data().to_vec()
    } else if let Some(p) = fspath_value(vm, v)? {
        return env_bytes(vm, &p, what);
    } else {
        let msg = format!("expected str, bytes or os.PathLike object, not {}", vm.type_name(v));
        return Err(vm.type_error(msg));
    };
    if b.contains(&0) {
        return Err(vm.value_error("embedded null byte"));
    }
    let _ = what;
    Ok(b)
}

fn posix_putenv(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "putenv", kw)?;
    let [k, v] = ArgSpec::exact::<2>(vm, "putenv", args, 0)?;
    let key = env_bytes(vm, &k, "key")?;
    let val = env_bytes(vm, &v, "value")?;
    // As CPython on POSIX: '=' is refused here, an empty name by setenv (EINVAL).
    if key.contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    let (ck, cv) = match (CString::new(key), CString::new(val)) {
        (Ok(a), Ok(b)) => (a, b),
        _ => return Err(vm.value_error("embedded null byte")),
    };
    // SAFETY: NUL-terminated strings; setenv copies them.
    if unsafe { libc::setenv(ck.as_ptr(), cv.as_ptr(), 1) } != 0 {
        return Err(last_os_error(vm, None, None));
    }
    Ok(none())
}

fn posix_unsetenv(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "unsetenv", kw)?;
    let [k] = ArgSpec::exact::<1>(vm, "unsetenv", args, 0)?;
    let key = env_bytes(vm, &k, "key")?;
    let ck = CString::new(key).map_err(|_| vm.value_error("embedded null byte"))?;
    // SAFETY: NUL-terminated string.
    if unsafe { libc::unsetenv(ck.as_ptr()) } != 0 {
        return Err(last_os_error(vm, None, None));
    }
    Ok(none())
}

fn make_environ(vm: &mut Vm) -> PyResult<Value> {
    let d = DictObject::new_value();
    if let Some(dd) = d.downcast_ref::<DictObject>() {
        for (k, v) in std::env::vars_os() {
            use std::os::unix::ffi::OsStrExt;
            let key = new_bytes(k.as_bytes());
            // As CPython: the first definition of a name wins.
            if dd.get_item(vm, &key)?.is_none() {
                dd.set_item(vm, key, new_bytes(v.as_bytes()))?;
            }
        }
    }
    Ok(d)
}

macro_rules! simple_id_fn {
    ($fname:ident, $pyname:expr, $call:expr) => {
        fn $fname(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
            check_no_kwargs(vm, $pyname, kw)?;
            ArgSpec::range(vm, $pyname, args, 0, 0, 0)?;
            // SAFETY: these getters cannot fail.
            Ok(Value::int(unsafe { $call } as i64))
        }
    };
}

simple_id_fn!(posix_getpid, "getpid", libc::getpid());
simple_id_fn!(posix_getppid, "getppid", libc::getppid());
simple_id_fn!(posix_getuid, "getuid", libc::getuid());
simple_id_fn!(posix_geteuid, "geteuid", libc::geteuid());
simple_id_fn!(posix_getgid, "getgid", libc::getgid());
simple_id_fn!(posix_getegid, "getegid", libc::getegid());
simple_id_fn!(posix_getpgrp, "getpgrp", libc::getpgrp());

/// A syscall result: -1 is the OSError of errno, anything else an int.
fn int_or_errno(vm: &mut Vm, rc: i64) -> PyResult<Value> {
    if rc == -1 {
        return Err(last_os_error(vm, None, None));
    }
    Ok(Value::int(rc))
}

fn posix_setsid(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "posix.setsid", kw)?;
    ArgSpec::range(vm, "posix.setsid", args, 0, 0, 0)?;
    // SAFETY: plain syscall.
    int_or_errno(vm, unsafe { libc::setsid() } as i64)?;
    Ok(none())
}

fn posix_setpgrp(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "posix.setpgrp", kw)?;
    ArgSpec::range(vm, "posix.setpgrp", args, 0, 0, 0)?;
    // SAFETY: plain syscall.
    int_or_errno(vm, unsafe { libc::setpgid(0, 0) } as i64)?;
    Ok(none())
}

fn posix_getsid(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "posix.getsid", kw)?;
    let [pid] = ArgSpec::exact::<1>(vm, "posix.getsid", args, 0)?;
    let pid = vm.arg_c_int(&pid)?;
    // SAFETY: plain syscall.
    int_or_errno(vm, unsafe { libc::getsid(pid) } as i64)
}

fn posix_getpgid(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "getpgid", args, kw, &["pid"], 1, 1)?;
    let pid = vm.arg_c_int(a[0].as_ref().unwrap_or(&none()))?;
    // SAFETY: plain syscall.
    int_or_errno(vm, unsafe { libc::getpgid(pid) } as i64)
}

/// `PyArg_ParseTuple("ii")`-style two-int functions (setpgid, tcsetpgrp).
fn two_c_ints(vm: &mut Vm, fname: &str, args: &[Value], kw: KwNames) -> PyResult<(i32, i32)> {
    check_no_kwargs(vm, fname, kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("{fname}() takes exactly 2 arguments ({} given)", args.len())));
    }
    Ok((vm.arg_c_int(&args[0])?, vm.arg_c_int(&args[1])?))
}

fn posix_setpgid(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (pid, pgrp) = two_c_ints(vm, "setpgid", args, kw)?;
    // SAFETY: plain syscall.
    int_or_errno(vm, unsafe { libc::setpgid(pid, pgrp) } as i64)?;
    Ok(none())
}

fn posix_tcgetpgrp(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "posix.tcgetpgrp", kw)?;
    let [fd] = ArgSpec::exact::<1>(vm, "posix.tcgetpgrp", args, 0)?;
    let fd = vm.c_int(&fd)?;
    // SAFETY: plain syscall.
    int_or_errno(vm, unsafe { libc::tcgetpgrp(fd) } as i64)
}

fn posix_tcsetpgrp(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (fd, pgid) = two_c_ints(vm, "tcsetpgrp", args, kw)?;
    // SAFETY: plain syscall.
    int_or_errno(vm, unsafe { libc::tcsetpgrp(fd, pgid) } as i64)?;
    Ok(none())
}

fn posix_ttyname(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "posix.ttyname", kw)?;
    let [fd] = ArgSpec::exact::<1>(vm, "posix.ttyname", args, 0)?;
    let fd = vm.c_int(&fd)?;
    let mut buf = [0 as libc::c_char; 4096];
    // SAFETY: the buffer and its length.
    let rc = unsafe { libc::ttyname_r(fd, buf.as_mut_ptr(), buf.len()) };
    if rc != 0 {
        return Err(crate::types::exc::os_error(vm, rc, None, None));
    }
    let bytes: Vec<u8> = buf.iter().take_while(|&&c| c != 0).map(|&c| c as u8).collect();
    Ok(fs_decode(&bytes))
}

fn posix_ctermid(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "posix.ctermid", kw)?;
    ArgSpec::range(vm, "posix.ctermid", args, 0, 0, 0)?;
    let mut buf = [0 as libc::c_char; 1024];
    // SAFETY: L_ctermid is far below 1024.
    let p = unsafe { libc::ctermid(buf.as_mut_ptr()) };
    if p.is_null() {
        return Err(last_os_error(vm, None, None));
    }
    let bytes: Vec<u8> = buf.iter().take_while(|&&c| c != 0).map(|&c| c as u8).collect();
    Ok(fs_decode(&bytes))
}

fn posix_login_tty(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "posix.login_tty", kw)?;
    let [fd] = ArgSpec::exact::<1>(vm, "posix.login_tty", args, 0)?;
    let fd = fileno_of(vm, &fd)?;
    // SAFETY: plain libc call.
    int_or_errno(vm, unsafe { libc::login_tty(fd) } as i64)?;
    Ok(none())
}

fn posix_getgroups(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "getgroups", kw)?;
    ArgSpec::range(vm, "getgroups", args, 0, 0, 0)?;
    let mut groups = vec![0 as libc::gid_t; 256];
    // SAFETY: the buffer holds `len` gids.
    let n = unsafe { libc::getgroups(groups.len() as i32, groups.as_mut_ptr()) };
    if n < 0 {
        return Err(last_os_error(vm, None, None));
    }
    groups.truncate(n as usize);
    Ok(new_list(groups.into_iter().map(|g| Value::int(g as i64)).collect()))
}

fn posix_getlogin(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "getlogin", kw)?;
    ArgSpec::range(vm, "getlogin", args, 0, 0, 0)?;
    // SAFETY: getlogin returns a static string or NULL.
    let p = unsafe { libc::getlogin() };
    if p.is_null() {
        let e = errno();
        return Err(os_error(vm, if e == 0 { libc::ENXIO } else { e }, None, None));
    }
    let s = unsafe { std::ffi::CStr::from_ptr(p) }.to_bytes().to_vec();
    Ok(fs_decode(&s))
}

fn posix_kill(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "kill", kw)?;
    let [pid, sig] = ArgSpec::exact::<2>(vm, "kill", args, 0)?;
    let pid = int_arg(vm, &pid)? as libc::pid_t;
    let sig = int_arg(vm, &sig)? as i32;
    // A signal for this very process goes to the interpreter's thread, so that
    // it is delivered before kill returns (as in single-threaded CPython).
    // SAFETY: plain syscalls.
    let rc = unsafe {
        if pid == libc::getpid() {
            let e = libc::pthread_kill(libc::pthread_self(), sig);
            if e != 0 {
                *libc::__errno_location() = e;
                -1
            } else {
                0
            }
        } else {
            libc::kill(pid, sig)
        }
    };
    if rc != 0 {
        return Err(last_os_error(vm, None, None));
    }
    // A signal sent to ourselves runs its handler before the next instruction.
    crate::modules::_signal::run_pending_handlers(vm)?;
    Ok(none())
}

fn posix_killpg(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "killpg", kw)?;
    let [pg, sig] = ArgSpec::exact::<2>(vm, "killpg", args, 0)?;
    let pg = int_arg(vm, &pg)? as libc::pid_t;
    let sig = int_arg(vm, &sig)? as i32;
    // SAFETY: plain syscall.
    if unsafe { libc::killpg(pg, sig) } != 0 {
        return Err(last_os_error(vm, None, None));
    }
    Ok(none())
}

fn posix_umask(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "umask", kw)?;
    let [m] = ArgSpec::exact::<1>(vm, "umask", args, 0)?;
    let m = int_arg(vm, &m)?;
    // SAFETY: umask cannot fail.
    Ok(Value::int(unsafe { libc::umask(m as libc::mode_t) } as i64))
}

static UNAME_TYPE: NativeType = NativeType::new();
static UNAME_DESC: StructSeqDesc = StructSeqDesc {
    module: "posix",
    name: "uname_result",
    fields: &["sysname", "nodename", "release", "version", "machine"],
    n_visible: 5,
    copy_missing: &[],
};

fn cstr_field(f: &[libc::c_char]) -> Value {
    let bytes: Vec<u8> = f.iter().take_while(|&&c| c != 0).map(|&c| c as u8).collect();
    fs_decode(&bytes)
}

fn posix_uname(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "uname", kw)?;
    ArgSpec::range(vm, "uname", args, 0, 0, 0)?;
    // SAFETY: plain data filled by the call.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    if unsafe { libc::uname(&mut u) } != 0 {
        return Err(last_os_error(vm, None, None));
    }
    let values = vec![
        cstr_field(&u.sysname),
        cstr_field(&u.nodename),
        cstr_field(&u.release),
        cstr_field(&u.version),
        cstr_field(&u.machine),
    ];
    let t = structseq_type(&UNAME_TYPE, &UNAME_DESC);
    Ok(new_structseq(vm, t, values))
}

fn posix_urandom(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "urandom", kw)?;
    let [n] = ArgSpec::exact::<1>(vm, "urandom", args, 0)?;
    let n = int_arg(vm, &n)?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    let mut filled = 0;
    while filled < buf.len() {
        // SAFETY: writes within `buf`.
        let r = unsafe { libc::getrandom(buf[filled..].as_mut_ptr() as *mut libc::c_void, buf.len() - filled, 0) };
        if r < 0 {
            if errno() == libc::EINTR {
                eintr_check(vm)?;
                continue;
            }
            return Err(last_os_error(vm, None, None));
        }
        filled += r as usize;
    }
    Ok(new_bytes(&buf))
}

fn posix_strerror(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "strerror", kw)?;
    let [n] = ArgSpec::exact::<1>(vm, "strerror", args, 0)?;
    let n = int_arg(vm, &n)?;
    Ok(new_str(&crate::types::exc::strerror_text(n as i32)))
}

fn posix_cpu_count(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "cpu_count", kw)?;
    ArgSpec::range(vm, "cpu_count", args, 0, 0, 0)?;
    // SAFETY: sysconf cannot fail harmfully.
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    Ok(if n < 1 { none() } else { Value::int(n as i64) })
}

static TERMSIZE_TYPE: NativeType = NativeType::new();
static TERMSIZE_DESC: StructSeqDesc = StructSeqDesc {
    module: "os",
    name: "terminal_size",
    fields: &["columns", "lines"],
    n_visible: 2,
    copy_missing: &[],
};

fn posix_get_terminal_size(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "get_terminal_size", kw)?;
    ArgSpec::range(vm, "get_terminal_size", args, 0, 0, 1)?;
    let fd = match args.first() {
        Some(v) => fd_from(vm, v)?,
        None => 1,
    };
    // SAFETY: plain data filled by the ioctl.
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) } != 0 {
        return Err(last_os_error(vm, None, None));
    }
    let t = structseq_type(&TERMSIZE_TYPE, &TERMSIZE_DESC);
    Ok(new_structseq(vm, t, vec![Value::int(ws.ws_col as i64), Value::int(ws.ws_row as i64)]))
}

static TIMES_TYPE: NativeType = NativeType::new();
static TIMES_DESC: StructSeqDesc = StructSeqDesc {
    module: "posix",
    name: "times_result",
    fields: &["user", "system", "children_user", "children_system", "elapsed"],
    n_visible: 5,
    copy_missing: &[],
};

fn posix_times(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "times", kw)?;
    ArgSpec::range(vm, "times", args, 0, 0, 0)?;
    // SAFETY: plain data filled by the call.
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    let elapsed = unsafe { libc::times(&mut t) };
    if elapsed == (-1i64) as libc::clock_t {
        return Err(last_os_error(vm, None, None));
    }
    let tick = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    let f = |c: libc::clock_t| Value::float(c as f64 / tick);
    let values = vec![f(t.tms_utime), f(t.tms_stime), f(t.tms_cutime), f(t.tms_cstime), f(elapsed)];
    let ty = structseq_type(&TIMES_TYPE, &TIMES_DESC);
    Ok(new_structseq(vm, ty, values))
}

fn posix_device_encoding(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "device_encoding", args, kwnames, &["fd"], 1, 1)?;
    let fd = fd_from(vm, a[0].as_ref().unwrap_or(&none()))?;
    // SAFETY: plain libc call.
    Ok(if unsafe { libc::isatty(fd) } == 1 { new_str("utf-8") } else { none() })
}

fn posix_fspath(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "fspath", args, kwnames, &["path"], 1, 1)?;
    let v = a[0].clone().unwrap_or_else(none);
    match fspath_value(vm, &v)? {
        Some(p) => Ok(p),
        None => {
            let msg = format!("expected str, bytes or os.PathLike object, not {}", vm.type_name(&v));
            Err(vm.type_error(msg))
        }
    }
}

fn posix_waitpid(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "waitpid", kw)?;
    let [pid, options] = ArgSpec::exact::<2>(vm, "waitpid", args, 0)?;
    let pid = int_arg(vm, &pid)? as libc::pid_t;
    let options = int_arg(vm, &options)? as i32;
    loop {
        let mut status = 0;
        // SAFETY: plain syscall.
        let (r, err) = vm.allow_threads(|| {
            let r = unsafe { libc::waitpid(pid, &mut status, options) };
            (r, errno())
        });
        if r >= 0 {
            return Ok(new_tuple(vec![Value::int(r as i64), Value::int(status as i64)]));
        }
        if err == libc::EINTR {
            eintr_check(vm)?;
            continue;
        }
        // The errno saved before the GIL was taken back (another thread may have changed it).
        return Err(last_os_error_with(vm, err));
    }
}

/// `os.pidfd_open(pid, flags=0)`: a descriptor for the process (asyncio's
/// PidfdChildWatcher polls it for the child's exit).
fn posix_pidfd_open(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "pidfd_open", args, kwnames, &["pid", "flags"], 2, 1)?;
    let pid = int_arg(vm, a[0].as_ref().unwrap_or(&none()))?;
    let flags = match &a[1] {
        Some(v) => int_arg(vm, v)?,
        None => 0,
    };
    if flags < 0 {
        return Err(vm.value_error("value must be positive"));
    }
    let Ok(flags) = u32::try_from(flags) else {
        return Err(vm.new_error(ExcKind::OverflowError, "Python int too large for C unsigned int"));
    };
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return Err(vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C int"));
    };
    // SAFETY: plain syscall with integer arguments.
    let r = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, flags) };
    if r < 0 {
        return Err(last_os_error(vm, None, None));
    }
    Ok(Value::int(r as i64))
}

fn posix_wait(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "wait", kw)?;
    ArgSpec::range(vm, "wait", args, 0, 0, 0)?;
    posix_waitpid(vm, &[Value::int(-1), Value::int(0)], None)
}

macro_rules! wait_macro {
    ($fname:ident, $pyname:expr, $body:expr, $is_bool:expr) => {
        fn $fname(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
            let a = ArgSpec::parse(vm, $pyname, args, kwnames, &["status"], 1, 1)?;
            let status = int_arg(vm, a[0].as_ref().unwrap_or(&none()))? as i32;
            let f: fn(i32) -> i32 = $body;
            let r = f(status);
            Ok(if $is_bool { Value::bool(r != 0) } else { Value::int(r as i64) })
        }
    };
}

wait_macro!(posix_wifexited, "WIFEXITED", |s| libc::WIFEXITED(s) as i32, true);
wait_macro!(posix_wexitstatus, "WEXITSTATUS", |s| libc::WEXITSTATUS(s), false);
wait_macro!(posix_wifsignaled, "WIFSIGNALED", |s| libc::WIFSIGNALED(s) as i32, true);
wait_macro!(posix_wtermsig, "WTERMSIG", |s| libc::WTERMSIG(s), false);
wait_macro!(posix_wifstopped, "WIFSTOPPED", |s| libc::WIFSTOPPED(s) as i32, true);
wait_macro!(posix_wstopsig, "WSTOPSIG", |s| libc::WSTOPSIG(s), false);
wait_macro!(posix_wcoredump, "WCOREDUMP", |s| libc::WCOREDUMP(s) as i32, true);
wait_macro!(posix_wifcontinued, "WIFCONTINUED", |s| libc::WIFCONTINUED(s) as i32, true);

fn posix_waitstatus_to_exitcode(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "waitstatus_to_exitcode", args, kwnames, &["status"], 1, 1)?;
    let s = int_arg(vm, a[0].as_ref().unwrap_or(&none()))? as i32;
    if libc::WIFEXITED(s) {
        return Ok(Value::int(libc::WEXITSTATUS(s) as i64));
    }
    if libc::WIFSIGNALED(s) {
        return Ok(Value::int(-(libc::WTERMSIG(s) as i64)));
    }
    let msg = format!("invalid wait status: {s}");
    Err(vm.value_error(msg))
}

/// Callables given to `register_at_fork`.
struct ForkHooks {
    before: Vec<Value>,
    parent: Vec<Value>,
    child: Vec<Value>,
}

static FORK_HOOKS: crate::gil::GilCell<ForkHooks> = crate::gil::GilCell::new(ForkHooks {
    before: Vec::new(),
    parent: Vec::new(),
    child: Vec::new(),
});

fn posix_register_at_fork(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "register_at_fork", args, kwnames, &["before", "after_in_child", "after_in_parent"], 0, 0)?;
    if a.iter().all(|x| x.is_none()) {
        return Err(vm.type_error("At least one argument is required."));
    }
    let names = ["before", "after_in_child", "after_in_parent"];
    for (v, name) in a.iter().zip(names) {
        if let Some(f) = v {
            if type_of(f).slots().call.is_none() {
                let msg = format!("'{name}' must be callable, not {}", vm.type_name(f));
                return Err(vm.type_error(msg));
            }
        }
    }
    // SAFETY: GIL held; no Python code runs while the hooks are borrowed.
    let hooks = unsafe { FORK_HOOKS.get_mut() };
    if let Some(f) = &a[0] {
        hooks.before.push(f.clone());
    }
    if let Some(f) = &a[1] {
        hooks.child.push(f.clone());
    }
    if let Some(f) = &a[2] {
        hooks.parent.push(f.clone());
    }
    Ok(none())
}

fn run_fork_hooks(vm: &mut Vm, hooks: Vec<Value>) {
    for h in hooks {
        if let Err(e) = vm.call0(&h) {
            let desc = vm.repr_string(&h).unwrap_or_default();
            vm.write_stderr(format!("Exception ignored in: {desc}\n").as_bytes());
            vm.print_exception(&e);
        }
    }
}

fn posix_fork(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "fork", kw)?;
    ArgSpec::range(vm, "fork", args, 0, 0, 0)?;
    // SAFETY: GIL held; cloned out before calling Python.
    let (before, parent, child) = unsafe {
        let h = FORK_HOOKS.get_mut();
        let mut b = h.before.clone();
        b.reverse();
        (b, h.parent.clone(), h.child.clone())
    };
    run_fork_hooks(vm, before);
    // SAFETY: the child only continues running this (single) interpreter thread.
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        return Err(last_os_error(vm, None, None));
    }
    if pid == 0 {
        crate::modules::_thread::after_fork_child();
        run_fork_hooks(vm, child);
    } else {
        run_fork_hooks(vm, parent);
    }
    Ok(Value::int(pid as i64))
}

/// `os.openpty()`: a (master, slave) pseudo-terminal pair, both non-inheritable.
fn posix_openpty(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "posix.openpty", kw)?;
    ArgSpec::range(vm, "posix.openpty", args, 0, 0, 0)?;
    let (mut master, mut slave) = (-1, -1);
    let null = std::ptr::null_mut();
    // SAFETY: out-pointers to locals; the optional arguments are null.
    if unsafe { libc::openpty(&mut master, &mut slave, null, std::ptr::null(), std::ptr::null()) } != 0 {
        return Err(last_os_error(vm, None, None));
    }
    for fd in [master, slave] {
        // SAFETY: our own fresh descriptors.
        unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    }
    Ok(new_tuple(vec![Value::int(master as i64), Value::int(slave as i64)]))
}

/// `os.forkpty()`: fork with the child on a new pseudo-terminal; (pid, master fd).
fn posix_forkpty(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "posix.forkpty", kw)?;
    ArgSpec::range(vm, "posix.forkpty", args, 0, 0, 0)?;
    // SAFETY: GIL held; cloned out before calling Python.
    let (before, parent, child) = unsafe {
        let h = FORK_HOOKS.get_mut();
        let mut b = h.before.clone();
        b.reverse();
        (b, h.parent.clone(), h.child.clone())
    };
    run_fork_hooks(vm, before);
    let mut master = -1;
    // SAFETY: as fork(); the optional arguments are null.
    let pid = unsafe { libc::forkpty(&mut master, std::ptr::null_mut(), std::ptr::null(), std::ptr::null()) };
    if pid < 0 {
        return Err(last_os_error(vm, None, None));
    }
    if pid == 0 {
        crate::modules::_thread::after_fork_child();
        run_fork_hooks(vm, child);
    } else {
        run_fork_hooks(vm, parent);
    }
    Ok(new_tuple(vec![Value::int(pid as i64), Value::int(master as i64)]))
}

fn argv_cstrings(vm: &mut Vm, fname: &str, v: &Value) -> PyResult<Vec<CString>> {
    let items = if let Some(t) = v.downcast_ref::<TupleObject>() {
        t.items().to_vec()
    } else if let Some(l) = v.downcast_ref::<ListObject>() {
        l.to_vec()
    } else {
        let msg = format!("{fname}() arg 2 must be a tuple or list");
        return Err(vm.type_error(msg));
    };
    if items.is_empty() {
        let msg = format!("{fname}() arg 2 must not be empty");
        return Err(vm.value_error(msg));
    }
    let mut out = Vec::with_capacity(items.len());
    for (i, it) in items.iter().enumerate() {
        let b = env_bytes(vm, it, "arg")?;
        if i == 0 && b.is_empty() {
            let msg = format!("{fname}() arg 2 first element cannot be empty");
            return Err(vm.value_error(msg));
        }
        out.push(CString::new(b).map_err(|_| vm.value_error("embedded null byte"))?);
    }
    Ok(out)
}

fn exec_impl(vm: &mut Vm, fname: &str, path: &Value, argv: &Value, env: Option<&Value>) -> PyResult<Value> {
    let p = path_arg(vm, fname, "path", path, false)?;
    let args = argv_cstrings(vm, fname, argv)?;
    let mut envs: Vec<CString> = Vec::new();
    if let Some(e) = env {
        let keys = vm.call_method(e, "keys", &[])?;
        let keys = vm.collect(&keys)?;
        for k in keys {
            let v = vm.getitem(e, &k)?;
            let mut kb = env_bytes(vm, &k, "key")?;
            if kb.is_empty() || kb.contains(&b'=') {
                return Err(vm.value_error("illegal environment variable name"));
            }
            let vb = env_bytes(vm, &v, "value")?;
            kb.push(b'=');
            kb.extend_from_slice(&vb);
            envs.push(CString::new(kb).map_err(|_| vm.value_error("embedded null byte"))?);
        }
    }
    let mut argp: Vec<*const libc::c_char> = args.iter().map(|a| a.as_ptr()).collect();
    argp.push(std::ptr::null());
    // SAFETY: argp/envp are NULL-terminated arrays of live C strings.
    unsafe {
        if env.is_some() {
            let mut envp: Vec<*const libc::c_char> = envs.iter().map(|a| a.as_ptr()).collect();
            envp.push(std::ptr::null());
            libc::execve(p.c.as_ptr(), argp.as_ptr(), envp.as_ptr());
        } else {
            libc::execv(p.c.as_ptr(), argp.as_ptr());
        }
    }
    Err(last_os_error(vm, None, None))
}

fn posix_execv(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "execv", kw)?;
    let [path, argv] = ArgSpec::exact::<2>(vm, "execv", args, 0)?;
    exec_impl(vm, "execv", &path, &argv, None)
}

fn posix_execve(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "execve", args, kwnames, &["path", "argv", "env"], 3, 3)?;
    let path = a[0].clone().unwrap_or_else(none);
    let argv = a[1].clone().unwrap_or_else(none);
    let env = a[2].clone().unwrap_or_else(none);
    exec_impl(vm, "execve", &path, &argv, Some(&env))
}

fn posix_exit(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "_exit", args, kwnames, &["status"], 1, 1)?;
    let code = int_arg(vm, a[0].as_ref().unwrap_or(&none()))?;
    // SAFETY: ends the process without running any cleanup, as C's _exit.
    unsafe { libc::_exit(code as i32) }
}

fn posix_abort(_vm: &mut Vm, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    // SAFETY: ends the process.
    unsafe { libc::abort() }
}

fn posix_system(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "system", args, kwnames, &["command"], 1, 1)?;
    let cmd = a[0].clone().unwrap_or_else(none);
    let b = env_bytes(vm, &cmd, "command")?;
    let c = CString::new(b).map_err(|_| vm.value_error("embedded null byte"))?;
    // SAFETY: NUL-terminated command.
    let r = unsafe { libc::system(c.as_ptr()) };
    Ok(Value::int(r as i64))
}

fn posix_getloadavg(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "getloadavg", kw)?;
    ArgSpec::range(vm, "getloadavg", args, 0, 0, 0)?;
    let mut l = [0f64; 3];
    // SAFETY: room for three values.
    if unsafe { libc::getloadavg(l.as_mut_ptr(), 3) } != 3 {
        return Err(vm.new_error(ExcKind::OSError, "Load averages are unobtainable"));
    }
    Ok(new_tuple(l.iter().map(|&x| Value::float(x)).collect()))
}

fn posix_sysconf(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "sysconf", kw)?;
    let [name] = ArgSpec::exact::<1>(vm, "sysconf", args, 0)?;
    let code = match name.downcast_ref::<StrObject>() {
        Some(s) => {
            let n = s.to_string_lossy();
            match SYSCONF_NAMES.iter().find(|(k, _)| *k == n) {
                Some((_, c)) => *c,
                None => return Err(vm.value_error("unrecognized configuration name")),
            }
        }
        None => int_arg(vm, &name)? as i32,
    };
    // SAFETY: sysconf reports errors through its return value.
    unsafe { *libc::__errno_location() = 0 };
    let r = unsafe { libc::sysconf(code) };
    if r == -1 && errno() != 0 {
        return Err(last_os_error(vm, None, None));
    }
    Ok(Value::int(r as i64))
}

const SYSCONF_NAMES: &[(&str, i32)] = &[
    ("SC_ARG_MAX", libc::_SC_ARG_MAX),
    ("SC_CHILD_MAX", libc::_SC_CHILD_MAX),
    ("SC_CLK_TCK", libc::_SC_CLK_TCK),
    ("SC_NGROUPS_MAX", libc::_SC_NGROUPS_MAX),
    ("SC_OPEN_MAX", libc::_SC_OPEN_MAX),
    ("SC_PAGESIZE", libc::_SC_PAGESIZE),
    ("SC_PAGE_SIZE", libc::_SC_PAGESIZE),
    ("SC_NPROCESSORS_CONF", libc::_SC_NPROCESSORS_CONF),
    ("SC_NPROCESSORS_ONLN", libc::_SC_NPROCESSORS_ONLN),
    ("SC_PHYS_PAGES", libc::_SC_PHYS_PAGES),
];

// --- the module --------------------------------------------------------------------

const HAVE_FUNCTIONS: &[&str] = &[
    "HAVE_FACCESSAT",
    "HAVE_FCHDIR",
    "HAVE_FCHMOD",
    "HAVE_FCHMODAT",
    "HAVE_FCHOWN",
    "HAVE_FCHOWNAT",
    "HAVE_FDOPENDIR",
    "HAVE_FSTATAT",
    "HAVE_FTRUNCATE",
    "HAVE_FUTIMENS",
    "HAVE_LINKAT",
    "HAVE_LCHOWN",
    "HAVE_LSTAT",
    "HAVE_MKDIRAT",
    "HAVE_MKFIFOAT",
    "HAVE_OPENAT",
    "HAVE_READLINKAT",
    "HAVE_RENAMEAT",
    "HAVE_SYMLINKAT",
    "HAVE_UNLINKAT",
    "HAVE_UTIMENSAT",
];

const INT_CONSTANTS: &[(&str, i64)] = &[
    ("F_OK", libc::F_OK as i64),
    ("R_OK", libc::R_OK as i64),
    ("W_OK", libc::W_OK as i64),
    ("X_OK", libc::X_OK as i64),
    ("NGROUPS_MAX", 65536),
    ("TMP_MAX", 238328),
    ("WCONTINUED", libc::WCONTINUED as i64),
    ("WNOHANG", libc::WNOHANG as i64),
    ("WUNTRACED", libc::WUNTRACED as i64),
    ("O_RDONLY", libc::O_RDONLY as i64),
    ("O_WRONLY", libc::O_WRONLY as i64),
    ("O_RDWR", libc::O_RDWR as i64),
    ("O_NDELAY", libc::O_NDELAY as i64),
    ("O_NONBLOCK", libc::O_NONBLOCK as i64),
    ("O_APPEND", libc::O_APPEND as i64),
    ("O_DSYNC", libc::O_DSYNC as i64),
    ("O_RSYNC", libc::O_RSYNC as i64),
    ("O_SYNC", libc::O_SYNC as i64),
    ("O_NOCTTY", libc::O_NOCTTY as i64),
    ("O_CREAT", libc::O_CREAT as i64),
    ("O_EXCL", libc::O_EXCL as i64),
    ("O_TRUNC", libc::O_TRUNC as i64),
    ("O_LARGEFILE", libc::O_LARGEFILE as i64),
    ("O_PATH", libc::O_PATH as i64),
    ("O_TMPFILE", libc::O_TMPFILE as i64),
    ("PRIO_PROCESS", libc::PRIO_PROCESS as i64),
    ("PRIO_PGRP", libc::PRIO_PGRP as i64),
    ("PRIO_USER", libc::PRIO_USER as i64),
    ("O_CLOEXEC", libc::O_CLOEXEC as i64),
    ("O_ACCMODE", libc::O_ACCMODE as i64),
    ("O_FSYNC", libc::O_FSYNC as i64),
    ("SEEK_HOLE", libc::SEEK_HOLE as i64),
    ("SEEK_DATA", libc::SEEK_DATA as i64),
    ("O_ASYNC", libc::O_ASYNC as i64),
    ("O_DIRECT", libc::O_DIRECT as i64),
    ("O_DIRECTORY", libc::O_DIRECTORY as i64),
    ("O_NOFOLLOW", libc::O_NOFOLLOW as i64),
    ("O_NOATIME", libc::O_NOATIME as i64),
    ("EX_OK", 0),
    ("EX_USAGE", 64),
    ("EX_DATAERR", 65),
    ("EX_NOINPUT", 66),
    ("EX_NOUSER", 67),
    ("EX_NOHOST", 68),
    ("EX_UNAVAILABLE", 69),
    ("EX_SOFTWARE", 70),
    ("EX_OSERR", 71),
    ("EX_OSFILE", 72),
    ("EX_CANTCREAT", 73),
    ("EX_IOERR", 74),
    ("EX_TEMPFAIL", 75),
    ("EX_PROTOCOL", 76),
    ("EX_NOPERM", 77),
    ("EX_CONFIG", 78),
    ("ST_RDONLY", 1),
    ("ST_NOSUID", 2),
    ("WEXITED", libc::WEXITED as i64),
    ("WSTOPPED", libc::WSTOPPED as i64),
    ("WNOWAIT", libc::WNOWAIT as i64),
    ("P_PID", 1),
    ("P_PGID", 2),
    ("P_ALL", 0),
    ("CLD_EXITED", libc::CLD_EXITED as i64),
    ("CLD_KILLED", libc::CLD_KILLED as i64),
    ("CLD_DUMPED", libc::CLD_DUMPED as i64),
    ("CLD_TRAPPED", libc::CLD_TRAPPED as i64),
    ("CLD_STOPPED", libc::CLD_STOPPED as i64),
    ("CLD_CONTINUED", libc::CLD_CONTINUED as i64),
    ("F_LOCK", libc::F_LOCK as i64),
    ("F_TLOCK", libc::F_TLOCK as i64),
    ("F_ULOCK", libc::F_ULOCK as i64),
    ("F_TEST", libc::F_TEST as i64),
    ("RTLD_LAZY", libc::RTLD_LAZY as i64),
    ("RTLD_NOW", libc::RTLD_NOW as i64),
    ("RTLD_GLOBAL", libc::RTLD_GLOBAL as i64),
    ("RTLD_LOCAL", libc::RTLD_LOCAL as i64),
    ("RTLD_NODELETE", libc::RTLD_NODELETE as i64),
    ("RTLD_NOLOAD", libc::RTLD_NOLOAD as i64),
    ("RTLD_DEEPBIND", libc::RTLD_DEEPBIND as i64),
    ("GRND_NONBLOCK", libc::GRND_NONBLOCK as i64),
    ("GRND_RANDOM", libc::GRND_RANDOM as i64),
];

pub(crate) fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("posix");
    m.doc("This module provides access to operating system functionality that is\nstandardized by the C Standard and the POSIX standard (a thinly\ndisguised Unix interface).  Refer to the library manual and\ncorresponding Unix manual entries for more information on calls.");
    let funcs: &[(&'static str, NativeFn)] = &[
        ("stat", posix_stat),
        ("lstat", posix_lstat),
        ("fstat", posix_fstat),
        ("open", posix_open),
        ("close", posix_close),
        ("closerange", posix_closerange),
        ("read", posix_read),
        ("write", posix_write),
        ("sendfile", posix_sendfile),
        ("mkfifo", posix_mkfifo),
        ("lseek", posix_lseek),
        ("pipe", posix_pipe),
        ("dup", posix_dup),
        ("dup2", posix_dup2),
        ("fsync", posix_fsync),
        ("ftruncate", posix_ftruncate),
        ("truncate", posix_truncate),
        ("isatty", posix_isatty),
        ("get_inheritable", posix_get_inheritable),
        ("set_inheritable", posix_set_inheritable),
        ("get_blocking", posix_get_blocking),
        ("set_blocking", posix_set_blocking),
        ("listdir", posix_listdir),
        ("scandir", posix_scandir),
        ("mkdir", posix_mkdir),
        ("rmdir", posix_rmdir),
        ("unlink", posix_unlink),
        ("remove", posix_remove),
        ("rename", posix_rename),
        ("replace", posix_replace),
        ("link", posix_link),
        ("symlink", posix_symlink),
        ("readlink", posix_readlink),
        ("chmod", posix_chmod),
        ("fchmod", posix_fchmod),
        ("chown", posix_chown),
        ("lchown", posix_lchown),
        ("utime", posix_utime),
        ("access", posix_access),
        ("getcwd", posix_getcwd),
        ("getcwdb", posix_getcwdb),
        ("chdir", posix_chdir),
        ("fchdir", posix_fchdir),
        ("putenv", posix_putenv),
        ("unsetenv", posix_unsetenv),
        ("getpid", posix_getpid),
        ("getppid", posix_getppid),
        ("getuid", posix_getuid),
        ("geteuid", posix_geteuid),
        ("getgid", posix_getgid),
        ("getegid", posix_getegid),
        ("getpgrp", posix_getpgrp),
        ("setpgrp", posix_setpgrp),
        ("getpgid", posix_getpgid),
        ("setpgid", posix_setpgid),
        ("getsid", posix_getsid),
        ("setsid", posix_setsid),
        ("tcgetpgrp", posix_tcgetpgrp),
        ("tcsetpgrp", posix_tcsetpgrp),
        ("ttyname", posix_ttyname),
        ("ctermid", posix_ctermid),
        ("login_tty", posix_login_tty),
        ("getgroups", posix_getgroups),
        ("getlogin", posix_getlogin),
        ("kill", posix_kill),
        ("killpg", posix_killpg),
        ("umask", posix_umask),
        ("uname", posix_uname),
        ("urandom", posix_urandom),
        ("strerror", posix_strerror),
        ("cpu_count", posix_cpu_count),
        ("get_terminal_size", posix_get_terminal_size),
        ("times", posix_times),
        ("device_encoding", posix_device_encoding),
        ("fspath", posix_fspath),
        ("waitpid", posix_waitpid),
        ("pidfd_open", posix_pidfd_open),
        ("wait", posix_wait),
        ("WIFEXITED", posix_wifexited),
        ("WEXITSTATUS", posix_wexitstatus),
        ("WIFSIGNALED", posix_wifsignaled),
        ("WTERMSIG", posix_wtermsig),
        ("WIFSTOPPED", posix_wifstopped),
        ("WSTOPSIG", posix_wstopsig),
        ("WCOREDUMP", posix_wcoredump),
        ("WIFCONTINUED", posix_wifcontinued),
        ("waitstatus_to_exitcode", posix_waitstatus_to_exitcode),
        ("register_at_fork", posix_register_at_fork),
        ("fork", posix_fork),
        ("forkpty", posix_forkpty),
        ("openpty", posix_openpty),
        ("execv", posix_execv),
        ("execve", posix_execve),
        ("_exit", posix_exit),
        ("abort", posix_abort),
        ("system", posix_system),
        ("getloadavg", posix_getloadavg),
        ("sysconf", posix_sysconf),
    ];
    m.functions(funcs);
    for (name, v) in INT_CONSTANTS {
        m.int(name, *v);
    }
    let environ = make_environ(vm)?;
    m.value("environ", environ);
    m.value(
        "_have_functions",
        new_list(HAVE_FUNCTIONS.iter().map(|s| new_str(s)).collect()),
    );
    let sysconf_names = DictObject::new_value();
    if let Some(d) = sysconf_names.downcast_ref::<DictObject>() {
        for (k, v) in SYSCONF_NAMES {
            d.insert_str_key(k, Value::int(*v as i64));
        }
    }
    m.value("sysconf_names", sysconf_names);
    m.type_(stat_result_type());
    m.type_(structseq_type(&UNAME_TYPE, &UNAME_DESC));
    m.type_(structseq_type(&TERMSIZE_TYPE, &TERMSIZE_DESC));
    m.type_(structseq_type(&TIMES_TYPE, &TIMES_DESC));
    m.type_(dir_entry_type());
    let _ = scandir_iter_type();
    let _ = split_kwargs;
    Ok(m.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fs_names_round_trip_through_surrogateescape() {
        let mut vm = Vm::new_for_tests();
        for raw in [&b"plain"[..], b"caf\xc3\xa9", b"bad\xff\xfe", b"\x80", b""] {
            let s = fs_decode(raw);
            let Some(so) = s.downcast_ref::<StrObject>() else { panic!("fs_decode gives a str") };
            let back = fs_encode(&mut vm, so).unwrap_or_default();
            assert_eq!(back, raw);
        }
        // A lone surrogate outside U+DC80..U+DCFF cannot be encoded.
        let lone = new_str_from_cps(&[0x61, 0xD800]);
        let Some(so) = lone.downcast_ref::<StrObject>() else { panic!("a str") };
        assert!(fs_encode(&mut vm, so).is_err());
    }
}
