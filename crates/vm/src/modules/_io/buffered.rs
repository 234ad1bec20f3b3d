//! BufferedReader, BufferedWriter, BufferedRandom (one implementation with
//! a read buffer and a write buffer) and BufferedRWPair (a reader and a
//! writer side by side). The raw stream is called through its methods, so
//! any RawIOBase works; FileIO raws are written to directly when the
//! object is freed with data still buffered.

use super::*;
use std::cell::{Cell, RefCell};

pub(crate) static BUFFERED_READER: NativeType = NativeType::new();
pub(crate) static BUFFERED_WRITER: NativeType = NativeType::new();
pub(crate) static BUFFERED_RANDOM: NativeType = NativeType::new();
pub(crate) static BUFFERED_RWPAIR: NativeType = NativeType::new();

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Reader,
    Writer,
    Random,
}

pub(crate) struct Buffered {
    kind: Kind,
    raw: RefCell<Value>,
    ok: Cell<bool>,
    detached: Cell<bool>,
    buffer_size: Cell<usize>,
    /// Read-ahead bytes; `rpos` of them were consumed.
    rbuf: RefCell<Vec<u8>>,
    rpos: Cell<usize>,
    /// Bytes written but not yet passed to the raw stream.
    wbuf: RefCell<Vec<u8>>,
    /// 1 or 2 when this is sys.stdout's / sys.stderr's buffer: writes go
    /// through the VM's own stdout buffer so that print() stays in order.
    std_fd: Cell<i32>,
}

impl NativeData for Buffered {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(r) = self.raw.try_borrow() {
            visit(&r);
        }
    }
}

impl Drop for Buffered {
    fn drop(&mut self) {
        // Data still buffered when a file is dropped unclosed is written, as
        // CPython's finalizer closes (and so flushes) it.
        let w = self.wbuf.get_mut();
        if w.is_empty() || self.detached.get() {
            return;
        }
        if let Some(f) = self.raw.get_mut().native_ref::<super::fileio::FileIO>() {
            let fd = f.fd();
            let mut data: &[u8] = w;
            while fd >= 0 && !data.is_empty() {
                // SAFETY: valid slice; the descriptor belongs to the raw FileIO, alive here.
                let r = unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, data.len()) };
                if r <= 0 {
                    break;
                }
                data = &data[r as usize..];
            }
        }
    }
}

pub(crate) fn init_types() {
    let common: &[(&'static str, NativeFn)] = &[
        ("seek", buf_seek),
        ("tell", buf_tell),
        ("truncate", buf_truncate),
        ("flush", buf_flush),
        ("close", buf_close),
        ("detach", buf_detach),
        ("seekable", |vm, a, _| raw_call(vm, a, "seekable")),
        ("readable", |vm, a, _| raw_call(vm, a, "readable")),
        ("writable", |vm, a, _| raw_call(vm, a, "writable")),
        ("fileno", |vm, a, _| raw_call(vm, a, "fileno")),
        ("isatty", |vm, a, _| raw_call(vm, a, "isatty")),
        ("_dealloc_warn", |_, _, _| Ok(none())),
    ];
    let reading: &[(&'static str, NativeFn)] = &[
        ("read", buf_read),
        ("read1", buf_read1),
        ("peek", buf_peek),
        ("readinto", buf_readinto),
        ("readinto1", buf_readinto1),
        ("readline", buf_readline),
    ];
    let writing: &[(&'static str, NativeFn)] = &[("write", buf_write)];
    let getsets: &[(&'static str, crate::objects::descr::GetterFn, Option<crate::objects::descr::SetterFn>)] = &[
        ("raw", buf_raw_get, None),
        ("closed", |vm, v| raw_attr(vm, v, "closed"), None),
        ("name", |vm, v| raw_attr(vm, v, "name"), None),
        ("mode", |vm, v| raw_attr(vm, v, "mode"), None),
    ];
    let mut rm: Vec<(&'static str, NativeFn)> = common.to_vec();
    rm.extend_from_slice(reading);
    let mut wm: Vec<(&'static str, NativeFn)> = common.to_vec();
    wm.extend_from_slice(writing);
    let mut xm = rm.clone();
    xm.extend_from_slice(writing);
    let conf = |s: &mut Slots, new: crate::typeobj::NewFn| {
        s.new = Some(new);
        s.init = Some(buf_init);
        s.repr = Some(buf_repr);
        s.iternext = Some(buf_iternext);
    };
    make_type(&BUFFERED_READER, "BufferedReader", BUFFEREDIOBASE.storage(), |s| conf(s, reader_new), &rm, getsets);
    make_type(&BUFFERED_WRITER, "BufferedWriter", BUFFEREDIOBASE.storage(), |s| conf(s, writer_new), &wm, getsets);
    make_type(&BUFFERED_RANDOM, "BufferedRandom", BUFFEREDIOBASE.storage(), |s| conf(s, random_new), &xm, getsets);
    make_type(
        &BUFFERED_RWPAIR,
        "BufferedRWPair",
        BUFFEREDIOBASE.storage(),
        |s| {
            s.new = Some(pair_new);
            s.init = Some(pair_init);
        },
        &[
            ("read", |vm, a, k| pair_fwd(vm, a, k, true, "read")),
            ("peek", |vm, a, k| pair_fwd(vm, a, k, true, "peek")),
            ("read1", |vm, a, k| pair_fwd(vm, a, k, true, "read1")),
            ("readinto", |vm, a, k| pair_fwd(vm, a, k, true, "readinto")),
            ("readinto1", |vm, a, k| pair_fwd(vm, a, k, true, "readinto1")),
            ("readline", |vm, a, k| pair_fwd(vm, a, k, true, "readline")),
            ("readable", |vm, a, k| pair_fwd(vm, a, k, true, "readable")),
            ("write", |vm, a, k| pair_fwd(vm, a, k, false, "write")),
            ("flush", |vm, a, k| pair_fwd(vm, a, k, false, "flush")),
            ("writable", |vm, a, k| pair_fwd(vm, a, k, false, "writable")),
            ("isatty", pair_isatty),
            ("close", pair_close),
        ],
        &[("closed", |vm, v| {
            let w = pair_side(vm, v, false)?;
            vm.getattr_str(&w, "closed")
        }, None)],
    );
}

fn new_buffered(vm: &mut Vm, cls: &Value, kind: Kind) -> PyResult<Value> {
    let t = cls_type(vm, cls)?;
    Ok(new_native(
        t,
        Buffered {
            kind,
            raw: RefCell::new(none()),
            ok: Cell::new(false),
            detached: Cell::new(false),
            buffer_size: Cell::new(DEFAULT_BUFFER_SIZE),
            rbuf: RefCell::new(Vec::new()),
            rpos: Cell::new(0),
            wbuf: RefCell::new(Vec::new()),
            std_fd: Cell::new(0),
        },
    ))
}

fn reader_new(vm: &mut Vm, cls: &Value, _a: &[Value], _k: KwNames) -> PyResult<Value> {
    new_buffered(vm, cls, Kind::Reader)
}
fn writer_new(vm: &mut Vm, cls: &Value, _a: &[Value], _k: KwNames) -> PyResult<Value> {
    new_buffered(vm, cls, Kind::Writer)
}
fn random_new(vm: &mut Vm, cls: &Value, _a: &[Value], _k: KwNames) -> PyResult<Value> {
    new_buffered(vm, cls, Kind::Random)
}

impl Buffered {
    fn can_read(&self) -> bool {
        self.kind != Kind::Writer
    }
    fn can_write(&self) -> bool {
        self.kind != Kind::Reader
    }
    fn raw(&self) -> Value {
        self.raw.borrow().clone()
    }
    fn available(&self) -> usize {
        self.rbuf.borrow().len().saturating_sub(self.rpos.get())
    }
    fn take_read(&self, n: usize) -> Vec<u8> {
        let r = self.rbuf.borrow();
        let p = self.rpos.get();
        let n = n.min(r.len().saturating_sub(p));
        let out = r[p..p + n].to_vec();
        self.rpos.set(p + n);
        out
    }
    fn clear_read(&self) {
        self.rbuf.borrow_mut().clear();
        self.rpos.set(0);
    }
}

fn type_label(kind: Kind) -> &'static str {
    match kind {
        Kind::Reader => "BufferedReader",
        Kind::Writer => "BufferedWriter",
        Kind::Random => "BufferedRandom",
    }
}

fn this<'a>(vm: &mut Vm, args: &'a [Value]) -> PyResult<(&'a Value, &'a Buffered)> {
    match args.first().and_then(|s| s.native_ref::<Buffered>().map(|b| (s, b))) {
        Some(x) => Ok(x),
        None => Err(vm.type_error("descriptor requires a buffered I/O object")),
    }
}

/// The object is initialized and attached.
fn check_init(vm: &mut Vm, b: &Buffered) -> PyResult<()> {
    if !b.ok.get() {
        if b.detached.get() {
            return Err(vm.value_error("raw stream has been detached"));
        }
        return Err(vm.value_error("I/O operation on uninitialized object"));
    }
    Ok(())
}

fn check_closed_msg(vm: &mut Vm, b: &Buffered, msg: &str) -> PyResult<()> {
    let raw = b.raw();
    if is_closed(vm, &raw)? {
        // Buffered data still there after close is not an error (CPython's CHECK_CLOSED).
        if b.available() > 0 {
            return Ok(());
        }
        return Err(vm.value_error(msg));
    }
    Ok(())
}

fn buf_init(vm: &mut Vm, obj: &Value, args: &[Value], kw: KwNames) -> PyResult<()> {
    let Some(b) = obj.native_ref::<Buffered>() else {
        return Err(vm.type_error("not a buffered object"));
    };
    let name = type_label(b.kind);
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(obj.clone());
    full.extend_from_slice(args);
    let a = ArgSpec::parse(vm, name, &full, kw, &["self", "raw", "buffer_size"], 3, 2)?;
    b.ok.set(false);
    b.detached.set(false);
    let raw = a[1].clone().unwrap_or_else(none);
    if b.can_read() {
        let r = vm.call_method(&raw, "readable", &[])?;
        if !vm.is_true(&r)? {
            return Err(unsupported(vm, "File or stream is not readable."));
        }
    }
    if b.can_write() {
        let r = vm.call_method(&raw, "writable", &[])?;
        if !vm.is_true(&r)? {
            return Err(unsupported(vm, "File or stream is not writable."));
        }
    }
    if b.kind == Kind::Random {
        let r = vm.call_method(&raw, "seekable", &[])?;
        if !vm.is_true(&r)? {
            return Err(unsupported(vm, "File or stream is not seekable."));
        }
    }
    let size = match given(&a, 2) {
        None => DEFAULT_BUFFER_SIZE as i64,
        Some(v) => int_arg(vm, v)?,
    };
    if size <= 0 {
        return Err(vm.value_error("buffer size must be strictly positive"));
    }
    b.buffer_size.set(size as usize);
    *b.raw.borrow_mut() = raw;
    b.clear_read();
    b.wbuf.borrow_mut().clear();
    b.ok.set(true);
    Ok(())
}

fn buf_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let tn = tp_name(v);
    let name = match vm.lookup_attr(v, &crate::objects::str::intern("name")) {
        Ok(n) => n,
        Err(e) if e.is_instance(ExcKind::ValueError) => None,
        Err(e) => return Err(e),
    };
    match name {
        None => Ok(new_str(&format!("<{tn}>"))),
        Some(n) => {
            if !vm.repr_enter(v) {
                let msg = format!("reentrant call inside {tn}.__repr__");
                return Err(vm.new_error(ExcKind::RuntimeError, msg));
            }
            let r = vm.repr_string(&n);
            vm.repr_leave(v);
            Ok(new_str(&format!("<{tn} name={}>", r?)))
        }
    }
}

fn buf_raw_get(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(b) = v.native_ref::<Buffered>() else {
        return Err(vm.type_error("not a buffered object"));
    };
    // A member in CPython: None once detached.
    if b.detached.get() {
        return Ok(none());
    }
    Ok(b.raw())
}

fn raw_attr(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Value> {
    let Some(b) = v.native_ref::<Buffered>() else {
        return Err(vm.type_error("not a buffered object"));
    };
    check_init(vm, b)?;
    let raw = b.raw();
    vm.getattr_str(&raw, name)
}

fn raw_call(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> {
    let (_, b) = this(vm, args)?;
    check_init(vm, b)?;
    let raw = b.raw();
    vm.call_method(&raw, name, &[])
}

/// Writes the whole write buffer to the raw stream.
fn flush_writes(vm: &mut Vm, b: &Buffered) -> PyResult<()> {
    if b.wbuf.borrow().is_empty() {
        return Ok(());
    }
    let std_fd = b.std_fd.get();
    if std_fd != 0 {
        let data = std::mem::take(&mut *b.wbuf.borrow_mut());
        if std_fd == 1 {
            vm.write_stdout_binary(&data);
        } else {
            vm.write_stderr(&data);
        }
        return Ok(());
    }
    // If reads ran ahead, put the raw position back where the writes go.
    rewind_read_ahead(vm, b)?;
    let raw = b.raw();
    loop {
        let chunk = {
            let w = b.wbuf.borrow();
            if w.is_empty() {
                break;
            }
            new_bytes(&w)
        };
        let n = vm.call_method(&raw, "write", &[chunk])?;
        if n.is_none() {
            return Err(vm.new_error(ExcKind::BlockingIOError, "write could not complete without blocking"));
        }
        let n = vm.index_i64(&n)?;
        let mut w = b.wbuf.borrow_mut();
        if n < 0 || n as usize > w.len() {
            drop(w);
            let msg = format!("raw write() returned invalid length {n} (should have been between 0 and {})", b.wbuf.borrow().len());
            return Err(vm.new_error(ExcKind::OSError, msg));
        }
        w.drain(..n as usize);
    }
    Ok(())
}

/// Drops unread read-ahead, seeking the raw stream back over it.
fn rewind_read_ahead(vm: &mut Vm, b: &Buffered) -> PyResult<()> {
    let ahead = b.available();
    b.clear_read();
    if ahead > 0 {
        let raw = b.raw();
        vm.call_method(&raw, "seek", &[Value::int(-(ahead as i64)), Value::int(1)])?;
    }
    Ok(())
}

/// One raw read of up to `n` bytes: `None` when it would block.
fn raw_read(vm: &mut Vm, b: &Buffered, n: usize) -> PyResult<Option<Vec<u8>>> {
    let raw = b.raw();
    if let Some(f) = raw.native_ref::<super::fileio::FileIO>() {
        if super::fileio::FILEIO.get().is_some_and(|t| std::ptr::eq(type_of(&raw), t)) {
            let fd = f.fd();
            if fd >= 0 {
                return super::fileio::read_fd(vm, fd, n);
            }
        }
    }
    let r = vm.call_method(&raw, "read", &[Value::int(n as i64)])?;
    if r.is_none() {
        return Ok(None);
    }
    match r.downcast_ref::<BytesObject>() {
        Some(x) => {
            if x.len() > n {
                let msg = format!("raw read() returned invalid length {} (should have been between 0 and {n})", x.len());
                return Err(vm.new_error(ExcKind::OSError, msg));
            }
            Ok(Some(x.data().to_vec()))
        }
        None => Err(vm.type_error("read() should return bytes")),
    }
}

/// Refills the read buffer with one raw read; false at EOF or would-block.
fn fill(vm: &mut Vm, b: &Buffered) -> PyResult<Option<bool>> {
    let n = b.buffer_size.get();
    match raw_read(vm, b, n)? {
        None => Ok(None),
        Some(d) => {
            if d.is_empty() {
                return Ok(Some(false));
            }
            let mut r = b.rbuf.borrow_mut();
            let p = b.rpos.get();
            let consumed = p.min(r.len());
            r.drain(..consumed);
            r.extend_from_slice(&d);
            b.rpos.set(0);
            Ok(Some(true))
        }
    }
}

fn prepare_read(vm: &mut Vm, b: &Buffered) -> PyResult<()> {
    prepare_read_as(vm, b, "read")
}

/// Checks before a read operation `what` (named in the closed-file message).
fn prepare_read_as(vm: &mut Vm, b: &Buffered, what: &str) -> PyResult<()> {
    check_init(vm, b)?;
    if !b.can_read() {
        return Err(unsupported(vm, "read"));
    }
    check_closed_msg(vm, b, &format!("{what} of closed file"))?;
    if b.kind == Kind::Random && !b.wbuf.borrow().is_empty() {
        flush_writes(vm, b)?;
    }
    Ok(())
}

/// `read(n)`: up to n bytes, fewer only at EOF (None if nothing and blocking).
pub(crate) fn read_n(vm: &mut Vm, b: &Buffered, n: i64) -> PyResult<Value> {
    if n < 0 {
        let mut out = b.take_read(usize::MAX);
        let raw = b.raw();
        loop {
            let r = match vm.lookup_attr(&raw, &crate::objects::str::intern("readall"))? {
                Some(f) => vm.call0(&f)?,
                None => vm.call_method(&raw, "read", &[])?,
            };
            if r.is_none() {
                if out.is_empty() {
                    return Ok(none());
                }
                break;
            }
            let Some(x) = r.downcast_ref::<BytesObject>() else {
                return Err(vm.type_error("readall() should return bytes"));
            };
            out.extend_from_slice(x.data());
            break;
        }
        return Ok(new_bytes(&out));
    }
    let n = n as usize;
    if b.available() >= n {
        return Ok(new_bytes(&b.take_read(n)));
    }
    let mut out = b.take_read(n);
    while out.len() < n {
        let want = n - out.len();
        if want >= b.buffer_size.get() {
            match raw_read(vm, b, want)? {
                None => {
                    if out.is_empty() {
                        return Ok(none());
                    }
                    break;
                }
                Some(d) if d.is_empty() => break,
                Some(d) => out.extend_from_slice(&d),
            }
            continue;
        }
        match fill(vm, b)? {
            None => {
                if out.is_empty() {
                    return Ok(none());
                }
                break;
            }
            Some(false) => break,
            Some(true) => out.extend(b.take_read(want)),
        }
    }
    Ok(new_bytes(&out))
}

fn buf_read(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "read", args, kw, &["self", "size"], 2, 1)?;
    let (_, b) = this(vm, args)?;
    let n = size_arg(vm, a[1].as_ref())?;
    if n < -1 {
        return Err(vm.value_error("read length must be non-negative or -1"));
    }
    prepare_read(vm, b)?;
    read_n(vm, b, n)
}

fn read1_n(vm: &mut Vm, b: &Buffered, n: i64) -> PyResult<Vec<u8>> {
    let n = if n < 0 { b.buffer_size.get() } else { n as usize };
    if n == 0 {
        return Ok(Vec::new());
    }
    if b.available() > 0 {
        return Ok(b.take_read(n));
    }
    if n > b.buffer_size.get() {
        return Ok(raw_read(vm, b, n)?.unwrap_or_default());
    }
    fill(vm, b)?;
    Ok(b.take_read(n))
}

fn buf_read1(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "read1", args, kw, &["self", "size"], 2, 1)?;
    let (_, b) = this(vm, args)?;
    let n = size_arg(vm, a[1].as_ref())?;
    prepare_read(vm, b)?;
    let d = read1_n(vm, b, n)?;
    Ok(new_bytes(&d))
}

fn buf_peek(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let _ = ArgSpec::parse(vm, "peek", args, kw, &["self", "size"], 2, 1)?;
    let (_, b) = this(vm, args)?;
    prepare_read_as(vm, b, "peek")?;
    if b.available() == 0 {
        fill(vm, b)?;
    }
    let r = b.rbuf.borrow();
    let p = b.rpos.get().min(r.len());
    Ok(new_bytes(&r[p..]))
}

fn readinto_common(vm: &mut Vm, args: &[Value], one: bool) -> PyResult<Value> {
    let [_, buf] = ArgSpec::exact::<2>(vm, if one { "readinto1" } else { "readinto" }, args, 1)?;
    let (_, b) = this(vm, args)?;
    prepare_read_as(vm, b, "readinto")?;
    let n = writable_len(vm, &buf)?;
    let data = if one {
        read1_n(vm, b, n as i64)?
    } else {
        let v = read_n(vm, b, n as i64)?;
        if v.is_none() {
            return Ok(v);
        }
        bytes_data(&v).to_vec()
    };
    store_into(vm, &buf, &data)?;
    Ok(Value::int(data.len() as i64))
}

fn buf_readinto(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    readinto_common(vm, args, false)
}

fn buf_readinto1(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    readinto_common(vm, args, true)
}

pub(crate) fn readline_limit(vm: &mut Vm, b: &Buffered, limit: i64) -> PyResult<Vec<u8>> {
    let mut out: Vec<u8> = Vec::new();
    loop {
        {
            let r = b.rbuf.borrow();
            let p = b.rpos.get().min(r.len());
            let avail = &r[p..];
            let room = if limit < 0 { usize::MAX } else { (limit as usize).saturating_sub(out.len()) };
            let scan = &avail[..avail.len().min(room)];
            if let Some(i) = scan.iter().position(|&c| c == b'\n') {
                out.extend_from_slice(&scan[..=i]);
                b.rpos.set(p + i + 1);
                return Ok(out);
            }
            out.extend_from_slice(scan);
            b.rpos.set(p + scan.len());
            if limit >= 0 && out.len() >= limit as usize {
                return Ok(out);
            }
        }
        match fill(vm, b)? {
            Some(true) => {}
            _ => return Ok(out),
        }
    }
}

fn buf_readline(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "readline", args, kw, &["self", "size"], 2, 1)?;
    let (_, b) = this(vm, args)?;
    let limit = size_arg(vm, a[1].as_ref())?;
    prepare_read_as(vm, b, "readline")?;
    let line = readline_limit(vm, b, limit)?;
    Ok(new_bytes(&line))
}

fn buf_iternext(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let line = match v.native_ref::<Buffered>() {
        Some(b) if crate::typeobj::is_exact(v, BUFFERED_READER.storage()) || b.can_read() && b.kind != Kind::Writer => {
            if !is_exact_native(v) {
                vm.call_method(v, "readline", &[])?
            } else {
                prepare_read_as(vm, b, "readline")?;
                new_bytes(&readline_limit(vm, b, -1)?)
            }
        }
        _ => vm.call_method(v, "readline", &[])?,
    };
    if vm.len(&line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line))
}

fn is_exact_native(v: &Value) -> bool {
    !type_of(v).has_flag(type_flags::HEAPTYPE)
}

/// Appends to the write buffer, flushing when it is full.
pub(crate) fn write_bytes(vm: &mut Vm, b: &Buffered, data: &[u8]) -> PyResult<()> {
    check_init(vm, b)?;
    if b.std_fd.get() == 0 {
        check_closed_msg(vm, b, "write to closed file")?;
        if b.kind == Kind::Random && b.available() > 0 {
            rewind_read_ahead(vm, b)?;
        }
    }
    match b.std_fd.get() {
        1 => {
            vm.write_stdout_binary(data);
            return Ok(());
        }
        2 => {
            vm.write_stderr(data);
            return Ok(());
        }
        _ => {}
    }
    // As CPython: data that fits is buffered; otherwise the buffer is
    // flushed, and what still does not fit goes straight to the raw stream.
    let size = b.buffer_size.get();
    if b.wbuf.borrow().len() + data.len() <= size {
        b.wbuf.borrow_mut().extend_from_slice(data);
        return Ok(());
    }
    flush_writes(vm, b)?;
    if data.len() <= size {
        b.wbuf.borrow_mut().extend_from_slice(data);
        return Ok(());
    }
    b.wbuf.borrow_mut().extend_from_slice(data);
    flush_writes(vm, b)?;
    Ok(())
}

fn buf_write(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [_, data] = ArgSpec::exact::<2>(vm, "write", args, 1)?;
    let (_, b) = this(vm, args)?;
    if !b.can_write() {
        return Err(unsupported(vm, "write"));
    }
    let d = bytes_like(vm, &data)?;
    let d = bytes_data(&d);
    write_bytes(vm, b, d)?;
    Ok(Value::int(d.len() as i64))
}

pub(crate) fn flush(vm: &mut Vm, b: &Buffered) -> PyResult<()> {
    check_init(vm, b)?;
    match b.std_fd.get() {
        1 => {
            vm.flush_stdout_binary();
            return Ok(());
        }
        2 => return Ok(()),
        _ => {}
    }
    check_closed_msg(vm, b, "flush of closed file")?;
    if b.can_write() {
        flush_writes(vm, b)?;
    }
    Ok(())
}

fn buf_flush(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (_, b) = this(vm, args)?;
    if b.kind == Kind::Reader {
        // BufferedReader.flush is the raw stream's.
        check_init(vm, b)?;
        let raw = b.raw();
        return vm.call_method(&raw, "flush", &[]);
    }
    flush(vm, b)?;
    Ok(none())
}

fn buf_seek(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "seek", args, kw, &["self", "target", "whence"], 3, 2)?;
    let (_, b) = this(vm, args)?;
    check_init(vm, b)?;
    let target = a[1].clone().unwrap_or_else(none);
    if crate::objects::int::as_int(&target).is_none() {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(&target));
        return Err(vm.type_error(msg));
    }
    let mut target = vm.index_i64(&target)?;
    let whence = match &a[2] {
        None => 0,
        Some(w) => int_arg(vm, w)?,
    };
    // SEEK_DATA (3) and SEEK_HOLE (4) pass through on Linux, as in CPython.
    let max_whence = if cfg!(target_os = "linux") { 4 } else { 2 };
    if !(0..=max_whence).contains(&whence) {
        return Err(vm.value_error(format!("whence value {whence} unsupported")));
    }
    check_closed_msg(vm, b, "seek of closed file")?;
    let raw = b.raw();
    let r = vm.call_method(&raw, "seekable", &[])?;
    if !vm.is_true(&r)? {
        return Err(unsupported(vm, "File or stream is not seekable."));
    }
    flush_writes(vm, b)?;
    if whence == 1 {
        target -= b.available() as i64;
    }
    let _ = &mut target;
    b.clear_read();
    vm.call_method(&raw, "seek", &[Value::int(target), Value::int(whence)])
}

fn buf_tell(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (_, b) = this(vm, args)?;
    check_init(vm, b)?;
    let raw = b.raw();
    let pos = vm.call_method(&raw, "tell", &[])?;
    let pos = vm.index_i64(&pos)?;
    if pos < 0 {
        return Err(vm.new_error(ExcKind::OSError, format!("Raw stream returned invalid position {pos}")));
    }
    let p = pos - b.available() as i64 + b.wbuf.borrow().len() as i64;
    Ok(Value::int(p.max(0)))
}

fn buf_truncate(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "truncate", args, kw, &["self", "pos"], 2, 1)?;
    let (s, b) = this(vm, args)?;
    check_init(vm, b)?;
    check_closed_msg(vm, b, "truncate of closed file")?;
    if !b.can_write() {
        return Err(unsupported(vm, "truncate"));
    }
    let pos = match given(&a, 1) {
        Some(p) => p.clone(),
        None => buf_tell(vm, std::slice::from_ref(s), None)?,
    };
    flush_writes(vm, b)?;
    rewind_read_ahead(vm, b)?;
    let raw = b.raw();
    vm.call_method(&raw, "truncate", &[pos])
}

fn buf_close(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (_, b) = this(vm, args)?;
    check_init(vm, b)?;
    let raw = b.raw();
    if is_closed(vm, &raw)? {
        return Ok(none());
    }
    let flushed = if b.can_write() { flush(vm, b) } else { Ok(()) };
    let closed = vm.call_method(&raw, "close", &[]);
    b.clear_read();
    flushed?;
    closed?;
    Ok(none())
}

fn buf_detach(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (_, b) = this(vm, args)?;
    check_init(vm, b)?;
    if b.can_write() {
        flush(vm, b)?;
    }
    let raw = b.raw();
    b.ok.set(false);
    b.detached.set(true);
    Ok(raw)
}

/// Marks `buffer` as the buffer of the standard stream `fd` (1 or 2).
pub(crate) fn new_std_writer(vm: &mut Vm, raw: Value, fd: i32) -> PyResult<Value> {
    init_types();
    let Some(t) = BUFFERED_WRITER.get() else {
        return Ok(none());
    };
    let w = new_buffered(vm, &t.as_value(), Kind::Writer)?;
    if let Some(b) = w.native_ref::<Buffered>() {
        *b.raw.borrow_mut() = raw;
        b.ok.set(true);
        b.std_fd.set(fd);
    }
    Ok(w)
}

pub(crate) fn new_std_reader(vm: &mut Vm, raw: Value) -> PyResult<Value> {
    init_types();
    let Some(t) = BUFFERED_READER.get() else {
        return Ok(none());
    };
    let r = new_buffered(vm, &t.as_value(), Kind::Reader)?;
    if let Some(b) = r.native_ref::<Buffered>() {
        *b.raw.borrow_mut() = raw;
        b.ok.set(true);
    }
    Ok(r)
}

/// Whether `v` is a plain (not subclassed) buffered object, so that
/// TextIOWrapper may call it without method lookups.
pub(crate) fn exact_buffered(v: &Value) -> Option<&Buffered> {
    if !is_exact_native(v) {
        return None;
    }
    v.native_ref::<Buffered>()
}

impl Buffered {
    /// Whether the raw stream is closed, when it is a plain FileIO (no call needed).
    pub(crate) fn native_closed(&self) -> Option<bool> {
        let raw = self.raw.try_borrow().ok()?;
        if !self.ok.get() || !is_exact_native(&raw) {
            return None;
        }
        raw.native_ref::<super::fileio::FileIO>().map(|f| f.fd() < 0)
    }
    /// Takes bytes into the write buffer without any call (a TextIOWrapper
    /// being freed hands its pending text down).
    pub(crate) fn absorb(&self, data: &[u8]) {
        if let Ok(mut w) = self.wbuf.try_borrow_mut() {
            w.extend_from_slice(data);
        }
    }
    pub(crate) fn is_writer(&self) -> bool {
        self.can_write()
    }
    pub(crate) fn is_reader(&self) -> bool {
        self.can_read()
    }
    pub(crate) fn std_fd(&self) -> i32 {
        self.std_fd.get()
    }
}

pub(crate) fn read_chunk(vm: &mut Vm, b: &Buffered, n: usize) -> PyResult<Vec<u8>> {
    prepare_read(vm, b)?;
    read1_n(vm, b, n as i64)
}

// ---------------------------------------------------------------- BufferedRWPair

struct Pair {
    reader: RefCell<Value>,
    writer: RefCell<Value>,
}

impl NativeData for Pair {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(r) = self.reader.try_borrow() {
            visit(&r);
        }
        if let Ok(w) = self.writer.try_borrow() {
            visit(&w);
        }
    }
}

fn pair_new(vm: &mut Vm, cls: &Value, _a: &[Value], _k: KwNames) -> PyResult<Value> {
    let t = cls_type(vm, cls)?;
    Ok(new_native(
        t,
        Pair {
            reader: RefCell::new(none()),
            writer: RefCell::new(none()),
        },
    ))
}

fn pair_init(vm: &mut Vm, obj: &Value, args: &[Value], kw: KwNames) -> PyResult<()> {
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(obj.clone());
    full.extend_from_slice(args);
    let a = ArgSpec::parse(vm, "BufferedRWPair", &full, kw, &["self", "reader", "writer", "buffer_size"], 4, 3)?;
    let size = a[3].clone().unwrap_or_else(|| Value::int(DEFAULT_BUFFER_SIZE as i64));
    let rt = BUFFERED_READER.get().map(|t| t.as_value()).unwrap_or_else(none);
    let wt = BUFFERED_WRITER.get().map(|t| t.as_value()).unwrap_or_else(none);
    let r = vm.call(&rt, &[a[1].clone().unwrap_or_else(none), size.clone()], None)?;
    let w = vm.call(&wt, &[a[2].clone().unwrap_or_else(none), size], None)?;
    if let Some(p) = obj.native_ref::<Pair>() {
        *p.reader.borrow_mut() = r;
        *p.writer.borrow_mut() = w;
    }
    Ok(())
}

fn pair_side(vm: &mut Vm, v: &Value, reader: bool) -> PyResult<Value> {
    let Some(p) = v.native_ref::<Pair>() else {
        return Err(vm.type_error("not a BufferedRWPair"));
    };
    let side = if reader { p.reader.borrow().clone() } else { p.writer.borrow().clone() };
    if side.is_none() {
        return Err(vm.value_error("I/O operation on uninitialized object"));
    }
    Ok(side)
}

fn pair_fwd(vm: &mut Vm, args: &[Value], kw: KwNames, reader: bool, name: &str) -> PyResult<Value> {
    let s = self_of(vm, args)?;
    let side = pair_side(vm, &s, reader)?;
    let m = vm.getattr_str(&side, name)?;
    vm.call(&m, &args[1..], kw)
}

fn pair_isatty(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let s = self_of(vm, args)?;
    let w = pair_side(vm, &s, false)?;
    let r = vm.call_method(&w, "isatty", &[])?;
    if vm.is_true(&r)? {
        return Ok(r);
    }
    let rd = pair_side(vm, &s, true)?;
    vm.call_method(&rd, "isatty", &[])
}

fn pair_close(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let s = self_of(vm, args)?;
    let w = pair_side(vm, &s, false)?;
    let r = pair_side(vm, &s, true)?;
    let first = vm.call_method(&w, "close", &[]);
    let second = vm.call_method(&r, "close", &[]);
    first?;
    second
}
