//! `_io.FileIO`: raw unbuffered I/O on a file descriptor.

use super::*;
use std::cell::Cell;

pub(crate) static FILEIO: NativeType = NativeType::new();

#[derive(Clone, Copy)]
struct State {
    fd: i32,
    readable: bool,
    writable: bool,
    appending: bool,
    created: bool,
    closefd: bool,
    /// -1 unknown, 0 no, 1 yes.
    seekable: i8,
    blksize: i64,
}

pub(crate) struct FileIO {
    st: Cell<State>,
}

impl NativeData for FileIO {}

impl Drop for FileIO {
    fn drop(&mut self) {
        let s = self.st.get();
        if s.fd >= 0 && s.closefd {
            // SAFETY: the descriptor is ours (closefd) and still open.
            unsafe { libc::close(s.fd) };
        }
    }
}

impl FileIO {
    pub(crate) fn fd(&self) -> i32 {
        self.st.get().fd
    }

    pub(crate) fn blksize(&self) -> i64 {
        self.st.get().blksize
    }

    fn mode_string(&self) -> &'static str {
        let s = self.st.get();
        if s.created {
            if s.readable {
                "xb+"
            } else {
                "xb"
            }
        } else if s.appending {
            if s.readable {
                "ab+"
            } else {
                "ab"
            }
        } else if s.readable {
            if s.writable {
                "rb+"
            } else {
                "rb"
            }
        } else {
            "wb"
        }
    }
}

pub(crate) fn init_type() {
    make_type(
        &FILEIO,
        "FileIO",
        RAWIOBASE.storage(),
        |s| {
            s.new = Some(fileio_new);
            s.init = Some(fileio_init);
            s.repr = Some(fileio_repr);
        },
        &[
            ("read", fileio_read),
            ("readall", fileio_readall),
            ("readinto", fileio_readinto),
            ("write", fileio_write),
            ("seek", fileio_seek),
            ("tell", fileio_tell),
            ("truncate", fileio_truncate),
            ("close", fileio_close),
            ("seekable", fileio_seekable),
            ("readable", fileio_readable),
            ("writable", fileio_writable),
            ("fileno", fileio_fileno),
            ("isatty", fileio_isatty),
            ("_dealloc_warn", |_, _, _| Ok(none())),
        ],
        &[
            ("closed", |_, v| Ok(Value::bool(state(v).map_or(true, |s| s.fd < 0))), None),
            ("closefd", |_, v| Ok(Value::bool(state(v).map_or(false, |s| s.closefd))), None),
            ("mode", fileio_mode, None),
            ("_blksize", |_, v| Ok(Value::int(state(v).map_or(0, |s| s.blksize))), None),
        ],
    );
}

fn state(v: &Value) -> Option<State> {
    v.native_ref::<FileIO>().map(|f| f.st.get())
}

fn this<'a>(vm: &mut Vm, args: &'a [Value]) -> PyResult<(&'a Value, &'a FileIO)> {
    match args.first().and_then(|s| s.native_ref::<FileIO>().map(|f| (s, f))) {
        Some(x) => Ok(x),
        None => Err(vm.type_error("descriptor requires a '_io.FileIO' object")),
    }
}

fn err_closed(vm: &mut Vm) -> PyErr {
    vm.value_error("I/O operation on closed file")
}

/// The open descriptor, or "I/O operation on closed file".
fn open_fd(vm: &mut Vm, f: &FileIO) -> PyResult<i32> {
    let fd = f.st.get().fd;
    if fd < 0 {
        return Err(err_closed(vm));
    }
    Ok(fd)
}

pub(crate) fn new_fileio_state() -> FileIO {
    FileIO {
        st: Cell::new(State {
            fd: -1,
            readable: false,
            writable: false,
            appending: false,
            created: false,
            closefd: true,
            seekable: -1,
            blksize: 0,
        }),
    }
}

fn fileio_new(vm: &mut Vm, cls: &Value, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let t = cls_type(vm, cls)?;
    Ok(new_native(t, new_fileio_state()))
}

fn bad_mode(vm: &mut Vm) -> PyErr {
    vm.value_error("Must have exactly one of create/read/write/append mode and at most one plus")
}

fn fileio_init(vm: &mut Vm, obj: &Value, args: &[Value], kw: KwNames) -> PyResult<()> {
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(obj.clone());
    full.extend_from_slice(args);
    let a = ArgSpec::parse(vm, "FileIO", &full, kw, &["self", "file", "mode", "closefd", "opener"], 5, 2)?;
    let Some(f) = obj.native_ref::<FileIO>() else {
        return Err(vm.type_error("FileIO.__init__ on a non-FileIO object"));
    };
    let mut s = f.st.get();
    if s.fd >= 0 {
        if s.closefd {
            // SAFETY: re-initialization closes the previous descriptor, as CPython.
            unsafe { libc::close(s.fd) };
        }
        s.fd = -1;
        f.st.set(s);
    }
    let file = a[1].clone().unwrap_or_else(none);
    let mode = match &a[2] {
        None => "r".to_string(),
        Some(m) => match m.downcast_ref::<StrObject>() {
            Some(x) => x.to_string_lossy(),
            None => {
                let msg = format!("FileIO() argument 'mode' must be str, not {}", vm.type_name(m));
                return Err(vm.type_error(msg));
            }
        },
    };
    let closefd = match &a[3] {
        None => true,
        Some(c) => vm.is_true(c)?,
    };
    let opener = given(&a, 4).cloned();

    if crate::objects::float::as_float(&file).is_some() {
        return Err(vm.type_error("integer argument expected, got float"));
    }
    let mut fd_given: Option<i32> = None;
    let mut path: Option<Vec<u8>> = None;
    if let Some(i) = crate::objects::int::as_int(&file) {
        let n = i.to_i64().unwrap_or(-1);
        if n < 0 {
            return Err(vm.value_error("negative file descriptor"));
        }
        if n > i32::MAX as i64 {
            return Err(vm.new_error(ExcKind::OverflowError, "signed integer is greater than maximum"));
        }
        fd_given = Some(n as i32);
    } else {
        let p = fspath(vm, &file)?;
        if p.contains(&0) {
            return Err(vm.value_error("embedded null byte"));
        }
        path = Some(p);
    }

    let (mut readable, mut writable, mut appending, mut created, mut plus) = (false, false, false, false, false);
    let mut rwa = false;
    let mut flags: i32 = 0;
    for c in mode.chars() {
        match c {
            'x' | 'r' | 'w' | 'a' => {
                if rwa {
                    return Err(bad_mode(vm));
                }
                rwa = true;
                match c {
                    'x' => {
                        created = true;
                        writable = true;
                        flags |= libc::O_EXCL | libc::O_CREAT;
                    }
                    'r' => readable = true,
                    'w' => {
                        writable = true;
                        flags |= libc::O_CREAT | libc::O_TRUNC;
                    }
                    _ => {
                        writable = true;
                        appending = true;
                        flags |= libc::O_APPEND | libc::O_CREAT;
                    }
                }
            }
            'b' => {}
            '+' => {
                if plus {
                    return Err(bad_mode(vm));
                }
                readable = true;
                writable = true;
                plus = true;
            }
            _ => return Err(vm.value_error(format!("invalid mode: {mode}"))),
        }
    }
    if !rwa {
        return Err(bad_mode(vm));
    }
    flags |= if readable && writable {
        libc::O_RDWR
    } else if readable {
        libc::O_RDONLY
    } else {
        libc::O_WRONLY
    };
    flags |= libc::O_CLOEXEC;

    let fd = match (fd_given, path) {
        (Some(fd), _) => fd,
        (None, Some(p)) => {
            if !closefd {
                return Err(vm.value_error("Cannot use closefd=False with file name"));
            }
            match opener {
                Some(op) => {
                    let r = vm.call(&op, &[file.clone(), Value::int(flags as i64)], None)?;
                    if crate::objects::int::as_int(&r).is_none() {
                        return Err(vm.type_error("expected integer from opener"));
                    }
                    let n = vm.index_i64(&r)?;
                    if n < 0 {
                        return Err(vm.value_error(format!("opener returned {n}")));
                    }
                    n as i32
                }
                None => {
                    let Ok(c) = std::ffi::CString::new(p) else {
                        return Err(vm.value_error("embedded null byte"));
                    };
                    loop {
                        // SAFETY: valid C string; mode bits as CPython (0o666 & ~umask).
                        let fd = unsafe { libc::open(c.as_ptr(), flags, 0o666 as libc::c_uint) };
                        if fd >= 0 {
                            break fd;
                        }
                        let e = last_errno();
                        if e != libc::EINTR {
                            return Err(os_error(vm, e, Some(&file)));
                        }
                    }
                }
            }
        }
        (None, None) => return Err(vm.type_error("invalid file")),
    };
    let closefd = if fd_given.is_some() { closefd } else { true };
    let mut st = State {
        fd,
        readable,
        writable,
        appending,
        created,
        closefd,
        seekable: -1,
        blksize: DEFAULT_BUFFER_SIZE as i64,
    };
    // SAFETY: fstat on a descriptor with a zeroed out-buffer.
    let mut sb: libc::stat = unsafe { std::mem::zeroed() };
    if unsafe { libc::fstat(fd, &mut sb) } == 0 {
        if (sb.st_mode & libc::S_IFMT) == libc::S_IFDIR {
            if fd_given.is_none() {
                // SAFETY: we opened it just above.
                unsafe { libc::close(fd) };
            }
            return Err(os_error(vm, libc::EISDIR, Some(&file)));
        }
        if sb.st_blksize > 1 {
            st.blksize = sb.st_blksize as i64;
        }
    } else {
        let e = last_errno();
        if e == libc::EBADF {
            if fd_given.is_none() {
                // SAFETY: ours.
                unsafe { libc::close(fd) };
            }
            return Err(os_error(vm, e, None));
        }
    }
    f.st.set(st);
    let name = crate::objects::str::intern("name");
    crate::attr::instance_set(vm, obj, &name, Some(file))?;
    if appending {
        // SAFETY: open descriptor. A failure (pipe) is ignored as CPython does.
        unsafe { libc::lseek(fd, 0, libc::SEEK_END) };
    }
    let _ = &mut created;
    let _ = &mut appending;
    Ok(())
}

/// `os.fspath(p)` as bytes (str paths in UTF-8 with surrogateescape).
pub(crate) fn fspath(vm: &mut Vm, p: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = p.downcast_ref::<StrObject>() {
        return encode_fs(vm, s);
    }
    if let Some(b) = p.downcast_ref::<BytesObject>() {
        return Ok(b.data().to_vec());
    }
    if let Some(r) = vm.call_special(p, "__fspath__", &[])? {
        if let Some(s) = r.downcast_ref::<StrObject>() {
            return encode_fs(vm, s);
        }
        if let Some(b) = r.downcast_ref::<BytesObject>() {
            return Ok(b.data().to_vec());
        }
        let msg = format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            vm.type_name(p),
            vm.type_name(&r)
        );
        return Err(vm.type_error(msg));
    }
    let msg = format!("expected str, bytes or os.PathLike object, not {}", vm.type_name(p));
    Err(vm.type_error(msg))
}

fn encode_fs(vm: &mut Vm, s: &StrObject) -> PyResult<Vec<u8>> {
    let cps = codec::str_cps(s);
    codec::encode(vm, codec::Native::Utf8, "surrogateescape", &cps)
}

fn fileio_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    // CPython names the class literally, subclasses included.
    let tn = "_io.FileIO";
    let Some(s) = state(v) else {
        return Ok(new_str(&format!("<{tn}>")));
    };
    if s.fd < 0 {
        return Ok(new_str(&format!("<{tn} [closed]>")));
    }
    let mode = v.native_ref::<FileIO>().map_or("rb", |f| f.mode_string());
    let closefd = if s.closefd { "True" } else { "False" };
    let name = vm.lookup_attr(v, &crate::objects::str::intern("name"))?;
    let text = match name {
        None => format!("<{tn} fd={} mode='{mode}' closefd={closefd}>", s.fd),
        Some(n) => {
            if !vm.repr_enter(v) {
                let msg = format!("reentrant call inside {tn}.__repr__");
                return Err(vm.new_error(ExcKind::RuntimeError, msg));
            }
            let r = vm.repr_string(&n);
            vm.repr_leave(v);
            format!("<{tn} name={} mode='{mode}' closefd={closefd}>", r?)
        }
    };
    Ok(new_str(&text))
}

fn fileio_mode(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_str(v.native_ref::<FileIO>().map_or("rb", |f| f.mode_string())))
}

fn check_readable(vm: &mut Vm, f: &FileIO) -> PyResult<i32> {
    let fd = open_fd(vm, f)?;
    if !f.st.get().readable {
        return Err(unsupported(vm, "File not open for reading"));
    }
    Ok(fd)
}

fn check_writable(vm: &mut Vm, f: &FileIO) -> PyResult<i32> {
    let fd = open_fd(vm, f)?;
    if !f.st.get().writable {
        return Err(unsupported(vm, "File not open for writing"));
    }
    Ok(fd)
}

/// One `read(2)`, retried on EINTR; `Ok(None)` for EAGAIN.
pub(crate) fn read_fd(vm: &mut Vm, fd: i32, n: usize) -> PyResult<Option<Vec<u8>>> {
    let mut buf: Vec<u8> = Vec::new();
    if buf.try_reserve_exact(n).is_err() {
        return Err(vm.new_error(ExcKind::MemoryError, ""));
    }
    loop {
        // SAFETY: the capacity holds n bytes; read(2) initializes the first r,
        // and only those become part of the vector. (No zero-fill: a huge
        // read on a short file touches only what it reads.)
        // The GIL is released around the read; errno is read before taking it back.
        let ptr = buf.as_mut_ptr() as usize;
        let (r, e) = vm.allow_threads(|| {
            let r = unsafe { libc::read(fd, ptr as *mut libc::c_void, n) };
            (r, last_errno())
        });
        if r >= 0 {
            unsafe { buf.set_len(r as usize) };
            if buf.capacity() > 2 * buf.len() + 4096 {
                buf.shrink_to_fit();
            }
            return Ok(Some(buf));
        }
        if e == libc::EAGAIN {
            return Ok(None);
        }
        if e != libc::EINTR {
            return Err(os_error(vm, e, None));
        }
    }
}

/// One `write(2)`, retried on EINTR; `Ok(None)` for EAGAIN.
pub(crate) fn write_fd(vm: &mut Vm, fd: i32, data: &[u8]) -> PyResult<Option<usize>> {
    loop {
        // SAFETY: data is a valid slice.
        let r = unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, data.len()) };
        if r >= 0 {
            return Ok(Some(r as usize));
        }
        let e = last_errno();
        if e == libc::EAGAIN {
            return Ok(None);
        }
        if e != libc::EINTR {
            return Err(os_error(vm, e, None));
        }
    }
}

fn fileio_read(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "read", args, kw, &["self", "size"], 2, 1)?;
    let (_, f) = this(vm, args)?;
    let fd = check_readable(vm, f)?;
    let n = size_arg(vm, a[1].as_ref())?;
    if n < 0 {
        return readall(vm, fd);
    }
    match read_fd(vm, fd, n as usize)? {
        Some(b) => Ok(new_bytes(&b)),
        None => Ok(none()),
    }
}

fn readall(vm: &mut Vm, fd: i32) -> PyResult<Value> {
    // Size the buffer from the file size when known, as CPython does.
    // SAFETY: fstat/lseek on an open descriptor.
    let mut sb: libc::stat = unsafe { std::mem::zeroed() };
    let mut hint = 0usize;
    if unsafe { libc::fstat(fd, &mut sb) } == 0 {
        let pos = unsafe { libc::lseek(fd, 0, libc::SEEK_CUR) };
        if pos >= 0 && sb.st_size >= pos {
            hint = (sb.st_size - pos) as usize + 1;
        }
    }
    let mut out: Vec<u8> = Vec::with_capacity(hint.min(1 << 30));
    loop {
        let chunk = (out.capacity() - out.len()).max(DEFAULT_BUFFER_SIZE);
        match read_fd(vm, fd, chunk)? {
            None => {
                if out.is_empty() {
                    return Ok(none());
                }
                break;
            }
            Some(b) if b.is_empty() => break,
            Some(b) => out.extend_from_slice(&b),
        }
    }
    Ok(new_bytes(&out))
}

fn fileio_readall(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (_, f) = this(vm, args)?;
    let fd = open_fd(vm, f)?;
    readall(vm, fd)
}

fn fileio_readinto(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [_, buf] = ArgSpec::exact::<2>(vm, "readinto", args, 1)?;
    let (_, f) = this(vm, args)?;
    let fd = check_readable(vm, f)?;
    let n = writable_len(vm, &buf)?;
    match read_fd(vm, fd, n)? {
        Some(b) => {
            store_into(vm, &buf, &b)?;
            Ok(Value::int(b.len() as i64))
        }
        None => Ok(none()),
    }
}

fn fileio_write(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [_, data] = ArgSpec::exact::<2>(vm, "write", args, 1)?;
    let (_, f) = this(vm, args)?;
    let fd = check_writable(vm, f)?;
    let b = bytes_like(vm, &data)?;
    match write_fd(vm, fd, bytes_data(&b))? {
        Some(n) => Ok(Value::int(n as i64)),
        None => Ok(none()),
    }
}

fn lseek(vm: &mut Vm, fd: i32, pos: i64, whence: i32) -> PyResult<i64> {
    // SAFETY: plain syscall.
    let r = unsafe { libc::lseek(fd, pos as libc::off_t, whence) };
    if r < 0 {
        let e = last_errno();
        return Err(os_error(vm, e, None));
    }
    Ok(r as i64)
}

fn fileio_seek(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "seek", args, kw, &["self", "pos", "whence"], 3, 2)?;
    let (_, f) = this(vm, args)?;
    let fd = open_fd(vm, f)?;
    let pos = a[1].clone().unwrap_or_else(none);
    if crate::objects::float::as_float(&pos).is_some() {
        return Err(vm.type_error("an integer is required"));
    }
    let pos = vm.index_i64(&pos)?;
    let whence = match &a[2] {
        None => 0,
        Some(w) => int_arg(vm, w)? as i32,
    };
    Ok(Value::int(lseek(vm, fd, pos, whence)?))
}

fn fileio_tell(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (_, f) = this(vm, args)?;
    let fd = open_fd(vm, f)?;
    Ok(Value::int(lseek(vm, fd, 0, libc::SEEK_CUR)?))
}

fn fileio_truncate(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "truncate", args, kw, &["self", "size"], 2, 1)?;
    let (_, f) = this(vm, args)?;
    let fd = check_writable(vm, f)?;
    let size = match given(&a, 1) {
        None => lseek(vm, fd, 0, libc::SEEK_CUR)?,
        Some(v) => int_arg(vm, v)?,
    };
    // SAFETY: plain syscall.
    if unsafe { libc::ftruncate(fd, size as libc::off_t) } != 0 {
        let e = last_errno();
        return Err(os_error(vm, e, None));
    }
    Ok(Value::int(size))
}

fn fileio_close(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (s, f) = this(vm, args)?;
    let s = s.clone();
    // The base close (flush, mark closed) first, as CPython's FileIO.close.
    let base = iobase_close(vm, &[s.clone()], None);
    let mut st = f.st.get();
    let mut err = None;
    if st.fd >= 0 {
        if st.closefd {
            // SAFETY: our descriptor.
            if unsafe { libc::close(st.fd) } != 0 {
                err = Some(last_errno());
            }
        }
        st.fd = -1;
        f.st.set(st);
    }
    base?;
    if let Some(e) = err {
        return Err(os_error(vm, e, None));
    }
    Ok(none())
}

fn fileio_seekable(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (_, f) = this(vm, args)?;
    let fd = open_fd(vm, f)?;
    let mut st = f.st.get();
    if st.seekable < 0 {
        // SAFETY: plain syscall.
        st.seekable = i8::from(unsafe { libc::lseek(fd, 0, libc::SEEK_CUR) } >= 0);
        f.st.set(st);
    }
    Ok(Value::bool(st.seekable == 1))
}

fn fileio_readable(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (_, f) = this(vm, args)?;
    open_fd(vm, f)?;
    Ok(Value::bool(f.st.get().readable))
}

fn fileio_writable(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (_, f) = this(vm, args)?;
    open_fd(vm, f)?;
    Ok(Value::bool(f.st.get().writable))
}

fn fileio_fileno(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (_, f) = this(vm, args)?;
    Ok(Value::int(open_fd(vm, f)? as i64))
}

fn fileio_isatty(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (_, f) = this(vm, args)?;
    let fd = open_fd(vm, f)?;
    // SAFETY: plain syscall.
    Ok(Value::bool(unsafe { libc::isatty(fd) } == 1))
}

/// A FileIO over an already open descriptor (the standard streams).
pub(crate) fn fileio_for_fd(vm: &mut Vm, fd: i32, readable: bool, name: &str) -> Value {
    init_types();
    let f = new_fileio_state();
    f.st.set(State {
        fd,
        readable,
        writable: !readable,
        appending: false,
        created: false,
        closefd: false,
        seekable: -1,
        blksize: DEFAULT_BUFFER_SIZE as i64,
    });
    let Some(t) = FILEIO.get() else {
        return none();
    };
    let v = new_native(t, f);
    let key = crate::objects::str::intern("name");
    let _ = crate::attr::instance_set(vm, &v, &key, Some(new_str(name)));
    v
}
