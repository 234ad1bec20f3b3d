//! `mmap`: memory-mapped files and anonymous memory, as CPython's
//! Modules/mmapmodule.c on Unix. An `mmap.mmap` object is a mutable
//! bytes-like sequence with a file-like position (read/write/seek/find);
//! it exports its memory through the buffer protocol, and while a view
//! exists it can be neither closed nor resized.

use crate::args::{no_args, split_kwargs};
use crate::exception::{exc_type_value, ExcKind, PyErr, PyResult};
use crate::modules::itertools::{cls_type, self_arg};
use crate::modules::{init_native_type, ModuleBuilder, NativeType};
use crate::object::LayoutKind;
use crate::objects::bytes::{new_bytes, new_bytes_from_vec};
use crate::objects::int::as_int;
use crate::objects::list::new_list;
use crate::objects::memoryview::{register_buffer_provider, register_export_hook, require_bytes_like, RawBuffer};
use crate::objects::native::{new_native, NativeData};
use crate::objects::singletons::{false_value, none, true_value};
use crate::objects::slice::SliceObject;
use crate::objects::str::{new_str, str_eq};
use crate::typeinit::{add_getset_to, add_method_to};
use crate::typeobj::{type_flags, KwNames, NativeFn, TypeObject, OBJECT_TYPE};
use crate::types::exc::last_os_error;
use crate::types::str_ty::slice_indices;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

const ACCESS_DEFAULT: i32 = 0;
const ACCESS_READ: i32 = 1;
const ACCESS_WRITE: i32 = 2;
const ACCESS_COPY: i32 = 3;

/// One mapping. `data` is null once closed.
struct MmapData {
    data: Cell<*mut u8>,
    size: Cell<usize>,
    /// The file position, in 0..=size (may pass size after a shrinking resize).
    pos: Cell<usize>,
    offset: i64,
    /// Live buffer views (memoryviews): they forbid close and resize.
    exports: Cell<usize>,
    /// A dup of the mapped file's descriptor, -1 for anonymous memory.
    fd: Cell<i32>,
    access: i32,
}

impl NativeData for MmapData {}

impl MmapData {
    fn release(&self) {
        let data = self.data.replace(std::ptr::null_mut());
        let fd = self.fd.replace(-1);
        // SAFETY: `data` was returned by mmap/mremap for `size` bytes and is
        // unmapped once (the field is cleared first); `fd` is our own dup.
        unsafe {
            if fd >= 0 {
                libc::close(fd);
            }
            if !data.is_null() {
                libc::munmap(data as *mut libc::c_void, self.size.get());
            }
        }
    }

    /// The mapped bytes. The slice is valid until the map is closed or
    /// resized, which needs `&mut Vm`-level calls in between: callers use it
    /// before running any Python code.
    fn bytes(&self) -> &[u8] {
        let p = self.data.get();
        if p.is_null() {
            return &[];
        }
        // SAFETY: a live mapping of `size` bytes.
        unsafe { std::slice::from_raw_parts(p, self.size.get()) }
    }

    /// The mapped bytes, writable (see [`MmapData::bytes`]).
    #[allow(clippy::mut_from_ref)]
    fn bytes_mut(&self) -> &mut [u8] {
        let p = self.data.get();
        if p.is_null() {
            return &mut [];
        }
        // SAFETY: a live, writable mapping of `size` bytes; no other slice of
        // it is alive while a method runs (the GIL serializes them).
        unsafe { std::slice::from_raw_parts_mut(p, self.size.get()) }
    }
}

impl Drop for MmapData {
    fn drop(&mut self) {
        self.release();
    }
}

static MMAP: NativeType = NativeType::new();

fn closed_error(vm: &mut Vm) -> PyErr {
    vm.value_error("mmap closed or invalid")
}

/// The object of a method (first argument), checked to be open.
fn open_self<'a>(vm: &mut Vm, args: &'a [Value]) -> PyResult<&'a MmapData> {
    let (_, m) = self_arg::<MmapData>(vm, args, "mmap.mmap")?;
    if m.data.get().is_null() {
        return Err(closed_error(vm));
    }
    Ok(m)
}

fn open_value<'a>(vm: &mut Vm, me: &'a Value) -> PyResult<&'a MmapData> {
    let Some(m) = me.native_ref::<MmapData>() else {
        let msg = format!("descriptor requires a 'mmap.mmap' object but received a '{}'", vm.type_name(me));
        return Err(vm.type_error(msg));
    };
    if m.data.get().is_null() {
        return Err(closed_error(vm));
    }
    Ok(m)
}

fn check_writable(vm: &mut Vm, m: &MmapData) -> PyResult<()> {
    if m.access == ACCESS_READ {
        return Err(vm.type_error("mmap can't modify a readonly memory map."));
    }
    Ok(())
}

/// `PyArg_ParseTuple`'s count check for a METH_VARARGS method `name`
/// (`args` includes self).
fn varargs<'a>(vm: &mut Vm, name: &str, args: &'a [Value], kw: KwNames, min: usize, max: usize) -> PyResult<&'a [Value]> {
    crate::args::check_no_kwargs(vm, &format!("mmap.{name}"), kw)?;
    let rest = args.get(1..).unwrap_or(&[]);
    let n = rest.len();
    if n < min || n > max {
        let (how, count) = if min == max {
            ("exactly", min)
        } else if n < min {
            ("at least", min)
        } else {
            ("at most", max)
        };
        let plural = if count == 1 { "" } else { "s" };
        return Err(vm.type_error(format!("{name}() takes {how} {count} argument{plural} ({n} given)")));
    }
    Ok(rest)
}

/// The `n` format (Py_ssize_t through `__index__`).
fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if v.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let iv = vm.index(v)?;
    match as_int(&iv).and_then(|i| i.to_i64()) {
        Some(n) => Ok(n),
        None => Err(vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C ssize_t")),
    }
}

// --- construction ---------------------------------------------------------------

const NEW_PARAMS: [&str; 6] = ["fileno", "length", "flags", "prot", "access", "offset"];

/// `mmap(fileno, length, flags=MAP_SHARED, prot=PROT_WRITE|PROT_READ,
/// access=ACCESS_DEFAULT, offset=0)`, with `PyArg_ParseTupleAndKeywords`'
/// messages for an unnamed function.
fn parse_new_args(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<[i64; 6]> {
    let (pos, kws) = split_kwargs(args, kwnames);
    let total = pos.len() + kws.len();
    if total > NEW_PARAMS.len() {
        return Err(vm.type_error(format!("function takes at most 6 arguments ({total} given)")));
    }
    let mut out = [0i64, 0, libc::MAP_SHARED as i64, (libc::PROT_WRITE | libc::PROT_READ) as i64, ACCESS_DEFAULT as i64, 0];
    let mut used_kw = 0;
    for (i, name) in NEW_PARAMS.iter().enumerate() {
        let key = vm.intern(name);
        let by_kw = kws.iter().find(|(k, _)| str_eq(&key, k)).map(|(_, v)| (*v).clone());
        let v = match (pos.get(i), by_kw) {
            (Some(_), Some(_)) => {
                let msg = format!("argument for function given by name ('{name}') and position ({})", i + 1);
                return Err(vm.type_error(msg));
            }
            (Some(v), None) => v.clone(),
            (None, Some(v)) => {
                used_kw += 1;
                v
            }
            (None, None) if i < 2 => {
                let msg = format!("function missing required argument '{name}' (pos {})", i + 1);
                return Err(vm.type_error(msg));
            }
            (None, None) => continue,
        };
        out[i] = match i {
            1 => ssize_arg(vm, &v)?,
            5 => {
                if v.is_float() {
                    return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
                }
                let iv = vm.index(&v)?;
                match as_int(&iv).and_then(|n| n.to_i64()) {
                    Some(n) => n,
                    None => return Err(vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C long long")),
                }
            }
            _ => vm.arg_c_int(&v)? as i64,
        };
    }
    if used_kw < kws.len() {
        if let Some((k, _)) = kws.iter().find(|(k, _)| !NEW_PARAMS.iter().any(|n| str_eq(&vm.intern(n), k))) {
            let msg = format!("'{}' is an invalid keyword argument for this function", crate::objects::str::display_lossy(k));
            return Err(vm.type_error(msg));
        }
    }
    Ok(out)
}

fn mmap_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let [fd, map_size, flags, prot, access, offset] = parse_new_args(vm, args, kwnames)?;
    let (fd, mut flags, mut prot, mut access) = (fd as i32, flags as i32, prot as i32, access as i32);
    if map_size < 0 {
        return Err(vm.new_error(ExcKind::OverflowError, "memory mapped length must be positive"));
    }
    if offset < 0 {
        return Err(vm.new_error(ExcKind::OverflowError, "memory mapped offset must be positive"));
    }
    if access != ACCESS_DEFAULT && (flags != libc::MAP_SHARED || prot != (libc::PROT_WRITE | libc::PROT_READ)) {
        return Err(vm.value_error("mmap can't specify both access and flags, prot."));
    }
    match access {
        ACCESS_READ => (flags, prot) = (libc::MAP_SHARED, libc::PROT_READ),
        ACCESS_WRITE => (flags, prot) = (libc::MAP_SHARED, libc::PROT_READ | libc::PROT_WRITE),
        ACCESS_COPY => (flags, prot) = (libc::MAP_PRIVATE, libc::PROT_READ | libc::PROT_WRITE),
        ACCESS_DEFAULT => {
            let (r, w) = (prot & libc::PROT_READ != 0, prot & libc::PROT_WRITE != 0);
            if !(r && w) {
                access = if w { ACCESS_WRITE } else { ACCESS_READ };
            }
        }
        _ => return Err(vm.value_error("mmap invalid access parameter.")),
    }
    let mut map_size = map_size as u64;
    if fd != -1 {
        // SAFETY: plain data filled by the call.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        let ok = vm.allow_threads(|| unsafe { libc::fstat(fd, &mut st) }) == 0;
        if ok && (st.st_mode & libc::S_IFMT) == libc::S_IFREG {
            let file_size = st.st_size as u64;
            let offset = offset as u64;
            if map_size == 0 {
                if file_size == 0 {
                    return Err(vm.value_error("cannot mmap an empty file"));
                }
                if offset >= file_size {
                    return Err(vm.value_error("mmap offset is greater than file size"));
                }
                map_size = file_size - offset;
            } else if offset > file_size || file_size - offset < map_size {
                return Err(vm.value_error("mmap length is greater than file size"));
            }
        }
    }
    let own_fd = if fd == -1 {
        flags |= libc::MAP_ANONYMOUS;
        -1
    } else {
        // SAFETY: plain syscall; the dup is ours, closed with the map.
        let d = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
        if d == -1 {
            return Err(last_os_error(vm, None, None));
        }
        d
    };
    let Ok(len) = usize::try_from(map_size) else {
        return Err(vm.value_error("mmap length is too large"));
    };
    let map_fd = if own_fd == -1 { -1 } else { own_fd };
    // SAFETY: a fresh mapping; the kernel checks every argument.
    let data = unsafe { libc::mmap(std::ptr::null_mut(), len, prot, flags, map_fd, offset as libc::off_t) };
    if data == libc::MAP_FAILED {
        let err = last_os_error(vm, None, None);
        if own_fd >= 0 {
            // SAFETY: our own dup, not yet handed to anything.
            unsafe { libc::close(own_fd) };
        }
        return Err(err);
    }
    let ty = cls_type(cls, mmap_type());
    Ok(new_native(
        ty,
        MmapData {
            data: Cell::new(data as *mut u8),
            size: Cell::new(len),
            pos: Cell::new(0),
            offset,
            exports: Cell::new(0),
            fd: Cell::new(own_fd),
            access,
        },
    ))
}

// --- methods --------------------------------------------------------------------

fn mmap_close(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    no_args(vm, "mmap.close", args, kw)?;
    let (_, m) = self_arg::<MmapData>(vm, args, "mmap.mmap")?;
    if m.exports.get() > 0 {
        return Err(vm.new_error(ExcKind::BufferError, "cannot close exported pointers exist"));
    }
    m.release();
    Ok(none())
}

fn mmap_enter(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    no_args(vm, "mmap.__enter__", args, kw)?;
    open_self(vm, args)?;
    Ok(args[0].clone())
}

fn mmap_exit(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (_, m) = self_arg::<MmapData>(vm, args, "mmap.mmap")?;
    if m.exports.get() > 0 {
        return Err(vm.new_error(ExcKind::BufferError, "cannot close exported pointers exist"));
    }
    m.release();
    Ok(none())
}

fn mmap_read_byte(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    no_args(vm, "mmap.read_byte", args, kw)?;
    let m = open_self(vm, args)?;
    let pos = m.pos.get();
    match m.bytes().get(pos) {
        Some(&b) => {
            m.pos.set(pos + 1);
            Ok(Value::int(b as i64))
        }
        None => Err(vm.value_error("read byte out of range")),
    }
}

fn mmap_readline(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    no_args(vm, "mmap.readline", args, kw)?;
    let m = open_self(vm, args)?;
    let rest = m.bytes().get(m.pos.get()..).unwrap_or(&[]);
    let n = rest.iter().position(|&b| b == b'\n').map_or(rest.len(), |i| i + 1);
    let line = new_bytes(&rest[..n]);
    m.pos.set(m.pos.get() + n);
    Ok(line)
}

fn mmap_read(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    open_self(vm, args)?;
    let rest = varargs(vm, "read", args, kw, 0, 1)?;
    let mut want = i64::MAX;
    if let Some(v) = rest.first().filter(|v| !v.is_none()) {
        if as_int(v).is_none() && crate::typeobj::type_of(v).slots().index.is_none() {
            let msg = format!("argument should be integer or None, not '{}'", vm.type_name(v));
            return Err(vm.type_error(msg));
        }
        want = ssize_arg(vm, v)?;
    }
    let m = open_value(vm, &args[0])?;
    let rest = m.bytes().get(m.pos.get()..).unwrap_or(&[]);
    let n = if want < 0 || want as u64 > rest.len() as u64 { rest.len() } else { want as usize };
    let out = new_bytes(&rest[..n]);
    m.pos.set(m.pos.get() + n);
    Ok(out)
}

/// find/rfind: `sub` within `[start, end)` (clamped as slice indices),
/// start defaulting to the position.
fn gfind(vm: &mut Vm, args: &[Value], kw: KwNames, reverse: bool) -> PyResult<Value> {
    let name = if reverse { "rfind" } else { "find" };
    let m = open_self(vm, args)?;
    let rest = varargs(vm, name, args, kw, 1, 3)?;
    let size = m.size.get() as i64;
    let mut start = m.pos.get() as i64;
    let mut end = size;
    if let Some(v) = rest.get(1) {
        start = ssize_arg(vm, v)?;
    }
    if let Some(v) = rest.get(2) {
        end = ssize_arg(vm, v)?;
    }
    let clamp = |i: i64| {
        let i = if i < 0 { i + size } else { i };
        i.clamp(0, size)
    };
    let (start, end) = (clamp(start), clamp(end));
    let needle = require_bytes_like(vm, &rest[0])?.into_owned();
    let m = open_value(vm, &args[0])?;
    if end < start {
        return Ok(Value::int(-1));
    }
    let hay = m.bytes().get(start as usize..end as usize).unwrap_or(&[]);
    let found = if needle.is_empty() {
        Some(if reverse { hay.len() } else { 0 })
    } else if needle.len() > hay.len() {
        None
    } else if reverse {
        hay.windows(needle.len()).rposition(|w| w == needle.as_slice())
    } else {
        hay.windows(needle.len()).position(|w| w == needle.as_slice())
    };
    Ok(Value::int(found.map_or(-1, |i| i as i64 + start)))
}

fn mmap_find(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    gfind(vm, args, kw, false)
}

fn mmap_rfind(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    gfind(vm, args, kw, true)
}

fn mmap_write(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    open_self(vm, args)?;
    let rest = varargs(vm, "write", args, kw, 1, 1)?;
    let data = require_bytes_like(vm, &rest[0])?.into_owned();
    let m = open_value(vm, &args[0])?;
    check_writable(vm, m)?;
    let pos = m.pos.get();
    let Some(dst) = m.bytes_mut().get_mut(pos..pos.saturating_add(data.len())) else {
        return Err(vm.value_error("data out of range"));
    };
    dst.copy_from_slice(&data);
    m.pos.set(pos + data.len());
    Ok(Value::int(data.len() as i64))
}

fn mmap_write_byte(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    open_self(vm, args)?;
    let rest = varargs(vm, "write_byte", args, kw, 1, 1)?;
    // The `b` format: an unsigned char given as an int.
    let v = &rest[0];
    if v.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let iv = vm.index(v)?;
    let n = as_int(&iv).and_then(|i| i.to_i64());
    let byte = match n {
        Some(n @ 0..=255) => n as u8,
        Some(n) if n < 0 => return Err(vm.new_error(ExcKind::OverflowError, "unsigned byte integer is less than minimum")),
        Some(_) => return Err(vm.new_error(ExcKind::OverflowError, "unsigned byte integer is greater than maximum")),
        None => return Err(vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C long")),
    };
    let m = open_value(vm, &args[0])?;
    check_writable(vm, m)?;
    let pos = m.pos.get();
    match m.bytes_mut().get_mut(pos) {
        Some(b) => {
            *b = byte;
            m.pos.set(pos + 1);
            Ok(none())
        }
        None => Err(vm.value_error("write byte out of range")),
    }
}

fn mmap_size(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    no_args(vm, "mmap.size", args, kw)?;
    let m = open_self(vm, args)?;
    // SAFETY: plain data filled by the call.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if unsafe { libc::fstat(m.fd.get(), &mut st) } != 0 {
        return Err(last_os_error(vm, None, None));
    }
    Ok(Value::int(st.st_size as i64))
}

fn mmap_tell(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    no_args(vm, "mmap.tell", args, kw)?;
    let m = open_self(vm, args)?;
    Ok(Value::int(m.pos.get() as i64))
}

fn mmap_seek(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    open_self(vm, args)?;
    let rest = varargs(vm, "seek", args, kw, 1, 2)?;
    let dist = ssize_arg(vm, &rest[0])?;
    let how = match rest.get(1) {
        Some(v) => vm.arg_c_int(v)?,
        None => 0,
    };
    let m = open_value(vm, &args[0])?;
    let base = match how {
        0 => 0,
        1 => m.pos.get() as i64,
        2 => m.size.get() as i64,
        _ => return Err(vm.value_error("unknown seek type")),
    };
    match base.checked_add(dist) {
        Some(w) if (0..=m.size.get() as i64).contains(&w) => {
            m.pos.set(w as usize);
            Ok(none())
        }
        _ => Err(vm.value_error("seek out of range")),
    }
}

fn mmap_move(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    open_self(vm, args)?;
    let rest = varargs(vm, "move", args, kw, 3, 3)?;
    let dest = ssize_arg(vm, &rest[0])?;
    let src = ssize_arg(vm, &rest[1])?;
    let cnt = ssize_arg(vm, &rest[2])?;
    let m = open_value(vm, &args[0])?;
    check_writable(vm, m)?;
    let size = m.size.get() as i64;
    if dest < 0 || src < 0 || cnt < 0 || size - dest < cnt || size - src < cnt {
        return Err(vm.value_error("source, destination, or count out of range"));
    }
    let (dest, src, cnt) = (dest as usize, src as usize, cnt as usize);
    m.bytes_mut().copy_within(src..src + cnt, dest);
    Ok(none())
}

fn mmap_flush(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let m = open_self(vm, args)?;
    let size = m.size.get() as i64;
    let rest = varargs(vm, "flush", args, kw, 0, 2)?;
    let offset = match rest.first() {
        Some(v) => ssize_arg(vm, v)?,
        None => 0,
    };
    let len = match rest.get(1) {
        Some(v) => ssize_arg(vm, v)?,
        None => size,
    };
    let m = open_value(vm, &args[0])?;
    let size = m.size.get() as i64;
    if len < 0 || offset < 0 || size - offset < len {
        return Err(vm.value_error("flush values out of range"));
    }
    if m.access == ACCESS_READ || m.access == ACCESS_COPY {
        return Ok(none());
    }
    // SAFETY: the range lies within the live mapping.
    let rc = unsafe { libc::msync(m.data.get().add(offset as usize) as *mut libc::c_void, len as usize, libc::MS_SYNC) };
    if rc == -1 {
        return Err(last_os_error(vm, None, None));
    }
    Ok(none())
}

fn mmap_resize(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    open_self(vm, args)?;
    let rest = varargs(vm, "resize", args, kw, 1, 1)?;
    let new_size = ssize_arg(vm, &rest[0])?;
    let m = open_value(vm, &args[0])?;
    if m.exports.get() > 0 {
        return Err(vm.new_error(ExcKind::BufferError, "mmap can't resize with extant buffers exported."));
    }
    if m.access != ACCESS_WRITE && m.access != ACCESS_DEFAULT {
        return Err(vm.type_error("mmap can't resize a readonly or copy-on-write memory map."));
    }
    if new_size < 0 || i64::MAX - new_size < m.offset {
        return Err(vm.value_error("new size out of range"));
    }
    let fd = m.fd.get();
    // SAFETY: plain syscall on our own descriptor.
    if fd != -1 && unsafe { libc::ftruncate(fd, (m.offset + new_size) as libc::off_t) } == -1 {
        return Err(last_os_error(vm, None, None));
    }
    // SAFETY: remaps our own live mapping; no view of it exists (exports == 0).
    let new = unsafe {
        libc::mremap(m.data.get() as *mut libc::c_void, m.size.get(), new_size as usize, libc::MREMAP_MAYMOVE)
    };
    if new == libc::MAP_FAILED {
        return Err(last_os_error(vm, None, None));
    }
    m.data.set(new as *mut u8);
    m.size.set(new_size as usize);
    Ok(none())
}

fn mmap_madvise(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let m = open_self(vm, args)?;
    let size = m.size.get() as i64;
    let rest = varargs(vm, "madvise", args, kw, 1, 3)?;
    let option = vm.arg_c_int(&rest[0])?;
    let start = match rest.get(1) {
        Some(v) => ssize_arg(vm, v)?,
        None => 0,
    };
    let mut len = match rest.get(2) {
        Some(v) => ssize_arg(vm, v)?,
        None => size,
    };
    let m = open_value(vm, &args[0])?;
    let size = m.size.get() as i64;
    if start < 0 || start >= size {
        return Err(vm.value_error("madvise start out of bounds"));
    }
    if len < 0 {
        return Err(vm.value_error("madvise length invalid"));
    }
    if i64::MAX - start < len {
        return Err(vm.new_error(ExcKind::OverflowError, "madvise length too large"));
    }
    if start + len > size {
        len = size - start;
    }
    // SAFETY: the range lies within the live mapping; the kernel checks the advice.
    let rc = unsafe { libc::madvise(m.data.get().add(start as usize) as *mut libc::c_void, len as usize, option) };
    if rc != 0 {
        return Err(last_os_error(vm, None, None));
    }
    Ok(none())
}

// --- slots ----------------------------------------------------------------------

fn mmap_repr(_vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let name = crate::typeobj::type_of(me).name_string();
    let name = if name == "mmap" { "mmap.mmap".to_string() } else { name };
    let Some(m) = me.native_ref::<MmapData>().filter(|m| !m.data.get().is_null()) else {
        return Ok(new_str(&format!("<{name} closed=True>")));
    };
    let access = match m.access {
        ACCESS_READ => "ACCESS_READ",
        ACCESS_WRITE => "ACCESS_WRITE",
        ACCESS_COPY => "ACCESS_COPY",
        _ => "ACCESS_DEFAULT",
    };
    Ok(new_str(&format!(
        "<{name} closed=False, access={access}, length={}, pos={}, offset={}>",
        m.size.get(),
        m.pos.get(),
        m.offset
    )))
}

fn mmap_len(vm: &mut Vm, me: &Value) -> PyResult<usize> {
    Ok(open_value(vm, me)?.size.get())
}

fn is_index(v: &Value) -> bool {
    as_int(v).is_some() || crate::typeobj::type_of(v).slots().index.is_some()
}

/// An item index, negative counting from the end, checked against the size.
fn item_index(vm: &mut Vm, key: &Value, size: usize) -> PyResult<usize> {
    let i = vm.index_i64(key)?;
    let i = if i < 0 { i + size as i64 } else { i };
    if i < 0 || i >= size as i64 {
        return Err(vm.new_error(ExcKind::IndexError, "mmap index out of range"));
    }
    Ok(i as usize)
}

fn mmap_getitem(vm: &mut Vm, me: &Value, key: &Value) -> PyResult<Value> {
    let m = open_value(vm, me)?;
    if is_index(key) {
        let i = item_index(vm, key, m.size.get())?;
        let m = open_value(vm, me)?;
        return match m.bytes().get(i) {
            Some(&b) => Ok(Value::int(b as i64)),
            None => Err(vm.new_error(ExcKind::IndexError, "mmap index out of range")),
        };
    }
    if let Some(sl) = key.downcast_ref::<SliceObject>() {
        let (start, _stop, step, n) = slice_indices(vm, sl, m.size.get())?;
        // `__index__` of the bounds may have closed or resized the map.
        let m = open_value(vm, me)?;
        let data = m.bytes();
        if step == 1 {
            let s = start.max(0) as usize;
            return Ok(new_bytes(data.get(s..s + n).unwrap_or(&[])));
        }
        let out: Vec<u8> = (0..n).filter_map(|k| data.get((start + k as i64 * step) as usize).copied()).collect();
        return Ok(new_bytes_from_vec(out));
    }
    Err(vm.type_error("mmap indices must be integers"))
}

fn mmap_setitem(vm: &mut Vm, me: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let m = open_value(vm, me)?;
    check_writable(vm, m)?;
    if is_index(key) {
        let i = item_index(vm, key, m.size.get())?;
        let Some(value) = value else {
            return Err(vm.type_error("mmap doesn't support item deletion"));
        };
        if !is_index(&value) {
            return Err(vm.type_error("mmap item value must be an int"));
        }
        let iv = vm.index(&value)?;
        let v = as_int(&iv).and_then(|n| n.to_i64());
        let Some(v @ 0..=255) = v else {
            if v.is_none() {
                let msg = format!("cannot fit '{}' into an index-sized integer", vm.type_name(&value));
                return Err(vm.type_error(msg));
            }
            return Err(vm.value_error("mmap item value must be in range(0, 256)"));
        };
        let m = open_value(vm, me)?;
        if let Some(b) = m.bytes_mut().get_mut(i) {
            *b = v as u8;
        }
        return Ok(());
    }
    if let Some(sl) = key.downcast_ref::<SliceObject>() {
        let (start, _stop, step, n) = slice_indices(vm, sl, m.size.get())?;
        let Some(value) = value else {
            return Err(vm.type_error("mmap object doesn't support slice deletion"));
        };
        let src = require_bytes_like(vm, &value)?.into_owned();
        if src.len() != n {
            return Err(vm.new_error(ExcKind::IndexError, "mmap slice assignment is wrong size"));
        }
        let m = open_value(vm, me)?;
        let data = m.bytes_mut();
        for (k, b) in src.iter().enumerate() {
            if let Some(d) = data.get_mut((start + k as i64 * step) as usize) {
                *d = *b;
            }
        }
        return Ok(());
    }
    Err(vm.type_error("mmap indices must be integer"))
}

/// Iterating an mmap gives 1-byte bytes objects (CPython's `sq_item`), over
/// the contents as they are when iteration starts.
fn mmap_iter(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let m = open_value(vm, me)?;
    let items: Vec<Value> = m.bytes().iter().map(|b| new_bytes(std::slice::from_ref(b))).collect();
    vm.iter(&new_list(items))
}

fn mmap_buffer(v: &Value) -> Option<RawBuffer> {
    let m = v.native_ref::<MmapData>()?;
    let p = m.data.get();
    if p.is_null() {
        return None;
    }
    Some(RawBuffer {
        ptr: p,
        len: m.size.get(),
        readonly: m.access == ACCESS_READ,
        format: "B",
        itemsize: 1,
    })
}

fn mmap_export(v: &Value, starting: bool) -> bool {
    let Some(m) = v.native_ref::<MmapData>() else { return false };
    let n = m.exports.get();
    m.exports.set(if starting { n.saturating_add(1) } else { n.saturating_sub(1) });
    true
}

fn mmap_type() -> &'static TypeObject {
    MMAP.get_or_init(|st| {
        let t = init_native_type(st, "mmap", "mmap", LayoutKind::Native, &OBJECT_TYPE, type_flags::BASETYPE, |s| {
            s.new = Some(mmap_new);
            s.repr = Some(mmap_repr);
            s.len = Some(mmap_len);
            s.getitem = Some(mmap_getitem);
            s.setitem = Some(mmap_setitem);
            s.iter = Some(mmap_iter);
        });
        let methods: &[(&'static str, NativeFn)] = &[
            ("close", mmap_close),
            ("find", mmap_find),
            ("rfind", mmap_rfind),
            ("flush", mmap_flush),
            ("madvise", mmap_madvise),
            ("move", mmap_move),
            ("read", mmap_read),
            ("read_byte", mmap_read_byte),
            ("readline", mmap_readline),
            ("resize", mmap_resize),
            ("seek", mmap_seek),
            ("size", mmap_size),
            ("tell", mmap_tell),
            ("write", mmap_write),
            ("write_byte", mmap_write_byte),
            ("__enter__", mmap_enter),
            ("__exit__", mmap_exit),
        ];
        for (name, f) in methods {
            add_method_to(t, name, *f);
        }
        add_getset_to(
            t,
            "closed",
            |vm, me| match me.native_ref::<MmapData>() {
                Some(m) => Ok(if m.data.get().is_null() { true_value() } else { false_value() }),
                None => Err(vm.type_error("descriptor 'closed' requires a 'mmap.mmap' object")),
            },
            None,
        );
        register_buffer_provider(mmap_buffer);
        register_export_hook(mmap_export);
    })
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("mmap");
    m.value("error", exc_type_value(ExcKind::OSError));
    m.type_(mmap_type());
    // SAFETY: sysconf has no preconditions.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as i64;
    let consts: &[(&str, i64)] = &[
        ("PROT_EXEC", libc::PROT_EXEC as i64),
        ("PROT_READ", libc::PROT_READ as i64),
        ("PROT_WRITE", libc::PROT_WRITE as i64),
        ("MAP_SHARED", libc::MAP_SHARED as i64),
        ("MAP_PRIVATE", libc::MAP_PRIVATE as i64),
        ("MAP_DENYWRITE", libc::MAP_DENYWRITE as i64),
        ("MAP_EXECUTABLE", libc::MAP_EXECUTABLE as i64),
        ("MAP_ANON", libc::MAP_ANONYMOUS as i64),
        ("MAP_ANONYMOUS", libc::MAP_ANONYMOUS as i64),
        ("MAP_POPULATE", libc::MAP_POPULATE as i64),
        ("MAP_STACK", libc::MAP_STACK as i64),
        ("PAGESIZE", page),
        ("ALLOCATIONGRANULARITY", page),
        ("ACCESS_DEFAULT", ACCESS_DEFAULT as i64),
        ("ACCESS_READ", ACCESS_READ as i64),
        ("ACCESS_WRITE", ACCESS_WRITE as i64),
        ("ACCESS_COPY", ACCESS_COPY as i64),
        ("MADV_NORMAL", libc::MADV_NORMAL as i64),
        ("MADV_RANDOM", libc::MADV_RANDOM as i64),
        ("MADV_SEQUENTIAL", libc::MADV_SEQUENTIAL as i64),
        ("MADV_WILLNEED", libc::MADV_WILLNEED as i64),
        ("MADV_DONTNEED", libc::MADV_DONTNEED as i64),
        ("MADV_REMOVE", libc::MADV_REMOVE as i64),
        ("MADV_DONTFORK", libc::MADV_DONTFORK as i64),
        ("MADV_DOFORK", libc::MADV_DOFORK as i64),
        ("MADV_HWPOISON", libc::MADV_HWPOISON as i64),
        ("MADV_MERGEABLE", libc::MADV_MERGEABLE as i64),
        ("MADV_UNMERGEABLE", libc::MADV_UNMERGEABLE as i64),
        ("MADV_HUGEPAGE", libc::MADV_HUGEPAGE as i64),
        ("MADV_NOHUGEPAGE", libc::MADV_NOHUGEPAGE as i64),
        ("MADV_DONTDUMP", libc::MADV_DONTDUMP as i64),
        ("MADV_DODUMP", libc::MADV_DODUMP as i64),
        ("MADV_FREE", libc::MADV_FREE as i64),
    ];
    for (name, v) in consts {
        m.int(name, *v);
    }
    Ok(m.finish())
}
