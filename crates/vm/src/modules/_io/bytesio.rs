//! `_io.BytesIO`: an in-memory binary stream.

use super::*;
use std::cell::{Cell, RefCell};

pub(crate) static BYTESIO: NativeType = NativeType::new();

struct BytesIO {
    closed: Cell<bool>,
    buf: RefCell<Vec<u8>>,
    pos: Cell<usize>,
    /// Live memoryviews from `getbuffer()`: while any exists, the buffer may
    /// not change size or be replaced (their pointer must stay valid).
    exports: Cell<usize>,
}

impl NativeData for BytesIO {}

/// What `getbuffer()`'s memoryview exports: the BytesIO's own storage
/// (CPython's `_io._BytesIOBuffer`), so that BytesIO itself is not bytes-like.
struct BytesIOBuffer {
    source: Value,
}

impl NativeData for BytesIOBuffer {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.source);
    }
}

static BYTESIO_BUFFER: NativeType = NativeType::new();

fn buffer_type() -> &'static TypeObject {
    BYTESIO_BUFFER.get_or_init(|st| {
        init_native_type(st, "_io", "_BytesIOBuffer", LayoutKind::Native, &crate::typeobj::OBJECT_TYPE, 0, |_| {});
    })
}

fn buffer_source(v: &Value) -> Option<&BytesIO> {
    v.native_ref::<BytesIOBuffer>()?.source.native_ref::<BytesIO>()
}

/// The buffer protocol for `_BytesIOBuffer`: the BytesIO's bytes, writable.
fn provide_buffer(v: &Value) -> Option<crate::objects::memoryview::RawBuffer> {
    let s = buffer_source(v)?;
    // SAFETY: no borrow is taken; the vector is neither resized nor replaced
    // while exported (every such operation checks `exports` first).
    let buf = unsafe { &mut *s.buf.as_ptr() };
    Some(crate::objects::memoryview::RawBuffer {
        ptr: buf.as_mut_ptr(),
        len: buf.len(),
        readonly: false,
        format: "B",
        itemsize: 1,
    })
}

fn count_export(v: &Value, starting: bool) -> bool {
    let Some(s) = buffer_source(v) else { return false };
    let n = s.exports.get();
    s.exports.set(if starting { n + 1 } else { n.saturating_sub(1) });
    true
}

/// BufferError while `getbuffer()` views exist, for operations that could
/// resize or drop the buffer (CPython's CHECK_EXPORTS).
fn check_exports(vm: &mut Vm, s: &BytesIO) -> PyResult<()> {
    if s.exports.get() > 0 {
        return Err(vm.new_error(ExcKind::BufferError, "Existing exports of data: object cannot be re-sized"));
    }
    Ok(())
}

pub(crate) fn init_type() {
    crate::objects::memoryview::register_buffer_provider(provide_buffer);
    crate::objects::memoryview::register_export_hook(count_export);
    make_type(
        &BYTESIO,
        "BytesIO",
        BUFFEREDIOBASE.storage(),
        |s| {
            s.new = Some(bio_new);
            s.init = Some(bio_init);
            s.iternext = Some(bio_iternext);
        },
        &[
            ("getvalue", bio_getvalue),
            ("read", bio_read),
            ("read1", bio_read),
            ("readline", bio_readline),
            ("readlines", bio_readlines),
            ("readinto", bio_readinto),
            ("readinto1", bio_readinto),
            ("write", bio_write),
            ("writelines", bio_writelines),
            ("seek", bio_seek),
            ("tell", bio_tell),
            ("truncate", bio_truncate),
            ("close", bio_close),
            ("flush", |vm, a, _| {
                this(vm, a)?;
                Ok(none())
            }),
            ("isatty", |vm, a, _| {
                this(vm, a)?;
                Ok(Value::bool(false))
            }),
            ("readable", bio_true),
            ("writable", bio_true),
            ("seekable", bio_true),
            ("getbuffer", bio_getbuffer),
        ],
        &[("closed", |vm, v| Ok(Value::bool(get(vm, v)?.closed.get())), None)],
    );
}

fn bio_new(vm: &mut Vm, cls: &Value, _a: &[Value], _k: KwNames) -> PyResult<Value> {
    let t = cls_type(vm, cls)?;
    Ok(new_native(
        t,
        BytesIO {
            closed: Cell::new(false),
            buf: RefCell::new(Vec::new()),
            pos: Cell::new(0),
            exports: Cell::new(0),
        },
    ))
}

fn get<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a BytesIO> {
    match v.native_ref::<BytesIO>() {
        Some(s) => Ok(s),
        None => Err(vm.type_error("descriptor requires a '_io.BytesIO' object")),
    }
}

fn this<'a>(vm: &mut Vm, args: &'a [Value]) -> PyResult<&'a BytesIO> {
    let Some(v) = args.first() else {
        return Err(vm.type_error("descriptor needs an argument"));
    };
    let s = get(vm, v)?;
    if s.closed.get() {
        return Err(closed_error(vm));
    }
    Ok(s)
}

fn bio_init(vm: &mut Vm, obj: &Value, args: &[Value], kw: KwNames) -> PyResult<()> {
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(obj.clone());
    full.extend_from_slice(args);
    let a = ArgSpec::parse(vm, "BytesIO", &full, kw, &["self", "initial_bytes"], 2, 1)?;
    let s = get(vm, obj)?;
    s.pos.set(0);
    check_exports(vm, s)?;
    let data = match given(&a, 1) {
        None => Vec::new(),
        Some(v) => {
            let b = bytes_like(vm, v)?;
            bytes_data(&b).to_vec()
        }
    };
    *s.buf.borrow_mut() = data;
    s.pos.set(0);
    s.closed.set(false);
    Ok(())
}

fn bio_getvalue(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let s = this(vm, args)?;
    Ok(new_bytes(&s.buf.borrow()))
}

fn take(s: &BytesIO, n: i64) -> Vec<u8> {
    let buf = s.buf.borrow();
    let pos = s.pos.get().min(buf.len());
    let end = if n < 0 { buf.len() } else { pos.saturating_add(n as usize).min(buf.len()) };
    s.pos.set(s.pos.get().max(end));
    buf[pos..end].to_vec()
}

fn bio_read(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "read", args, kw, &["self", "size"], 2, 1)?;
    let n = size_arg(vm, a[1].as_ref())?;
    let s = this(vm, args)?;
    Ok(new_bytes(&take(s, n)))
}

fn line(s: &BytesIO, limit: i64) -> Vec<u8> {
    let buf = s.buf.borrow();
    let pos = s.pos.get();
    if pos >= buf.len() {
        return Vec::new();
    }
    let rest = &buf[pos..];
    let rest = if limit >= 0 { &rest[..rest.len().min(limit as usize)] } else { rest };
    let end = rest.iter().position(|&c| c == b'\n').map_or(rest.len(), |i| i + 1);
    s.pos.set(pos + end);
    rest[..end].to_vec()
}

fn bio_readline(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "readline", args, kw, &["self", "size"], 2, 1)?;
    let n = size_arg(vm, a[1].as_ref())?;
    let s = this(vm, args)?;
    Ok(new_bytes(&line(s, n)))
}

fn bio_readlines(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "readlines", args, kw, &["self", "size"], 2, 1)?;
    let hint = size_arg(vm, a[1].as_ref())?;
    let s = this(vm, args)?;
    let mut out = Vec::new();
    let mut total = 0usize;
    loop {
        let l = line(s, -1);
        if l.is_empty() {
            break;
        }
        total += l.len();
        out.push(new_bytes(&l));
        if hint > 0 && total >= hint as usize {
            break;
        }
    }
    Ok(crate::objects::list::new_list(out))
}

fn bio_iternext(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let l = if type_of(v).has_flag(type_flags::HEAPTYPE) {
        vm.call_method(v, "readline", &[])?
    } else {
        let s = get(vm, v)?;
        if s.closed.get() {
            return Err(closed_error(vm));
        }
        new_bytes(&line(s, -1))
    };
    if vm.len(&l)? == 0 {
        return Ok(None);
    }
    Ok(Some(l))
}

fn bio_readinto(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [_, buf] = ArgSpec::exact::<2>(vm, "readinto", args, 1)?;
    this(vm, args)?;
    let n = writable_len(vm, &buf)?;
    let data = {
        let s = this(vm, args)?;
        take(s, n as i64)
    };
    store_into(vm, &buf, &data)?;
    Ok(Value::int(data.len() as i64))
}

fn write_data(vm: &mut Vm, s: &BytesIO, data: &[u8]) -> PyResult<()> {
    let mut buf = s.buf.borrow_mut();
    let pos = s.pos.get();
    // A write far past the end (after a huge seek) must not abort the process.
    let need = pos.saturating_add(data.len()).saturating_sub(buf.len());
    if need > 0 && buf.try_reserve(need).is_err() {
        drop(buf);
        return Err(vm.new_error(ExcKind::MemoryError, ""));
    }
    if pos > buf.len() {
        buf.resize(pos, 0);
    }
    let end = pos + data.len();
    let overlap = end.min(buf.len()) - pos;
    buf[pos..pos + overlap].copy_from_slice(&data[..overlap]);
    buf.extend_from_slice(&data[overlap..]);
    s.pos.set(end);
    Ok(())
}

fn bio_write(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [_, data] = ArgSpec::exact::<2>(vm, "write", args, 1)?;
    let s = this(vm, args)?;
    check_exports(vm, s)?;
    let b = bytes_like(vm, &data)?;
    let d = bytes_data(&b);
    let s = this(vm, args)?;
    if !d.is_empty() {
        write_data(vm, s, d)?;
    }
    Ok(Value::int(d.len() as i64))
}

fn bio_writelines(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [_, lines] = ArgSpec::exact::<2>(vm, "writelines", args, 1)?;
    this(vm, args)?;
    let it = vm.iter(&lines)?;
    while let Some(l) = vm.next(&it)? {
        let s = this(vm, args)?;
        check_exports(vm, s)?;
        let b = bytes_like(vm, &l)?;
        let s = this(vm, args)?;
        write_data(vm, s, bytes_data(&b))?;
    }
    Ok(none())
}

fn bio_seek(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "seek", args, kw, &["self", "pos", "whence"], 3, 2)?;
    let pos = a[1].clone().unwrap_or_else(none);
    let pos = int_arg(vm, &pos)?;
    let whence = match &a[2] {
        None => 0,
        Some(w) => int_arg(vm, w)?,
    };
    let s = this(vm, args)?;
    if pos < 0 && whence == 0 {
        return Err(vm.value_error(format!("negative seek value {pos}")));
    }
    let base = match whence {
        0 => 0,
        1 => s.pos.get() as i64,
        2 => s.buf.borrow().len() as i64,
        w => return Err(vm.value_error(format!("invalid whence ({w}, should be 0, 1 or 2)"))),
    };
    let newpos = base.saturating_add(pos).max(0);
    s.pos.set(newpos as usize);
    Ok(Value::int(newpos))
}

fn bio_tell(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let s = this(vm, args)?;
    Ok(Value::int(s.pos.get() as i64))
}

fn bio_truncate(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "truncate", args, kw, &["self", "size"], 2, 1)?;
    let size = match given(&a, 1) {
        None => None,
        Some(v) => Some(int_arg(vm, v)?),
    };
    let s = this(vm, args)?;
    check_exports(vm, s)?;
    let size = size.unwrap_or(s.pos.get() as i64);
    if size < 0 {
        return Err(vm.value_error(format!("negative size value {size}")));
    }
    let mut buf = s.buf.borrow_mut();
    if (size as usize) < buf.len() {
        buf.truncate(size as usize);
    }
    Ok(Value::int(size))
}

fn bio_close(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let Some(v) = args.first() else {
        return Err(vm.type_error("descriptor needs an argument"));
    };
    let s = get(vm, v)?;
    check_exports(vm, s)?;
    s.closed.set(true);
    *s.buf.borrow_mut() = Vec::new();
    Ok(none())
}

fn bio_true(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    this(vm, args)?;
    Ok(Value::bool(true))
}

/// `getbuffer()`: a writable memoryview of the contents, sharing them.
fn bio_getbuffer(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    this(vm, args)?;
    let exporter = new_native(buffer_type(), BytesIOBuffer { source: args[0].clone() });
    crate::objects::memoryview::memoryview_of(vm, &exporter)
}
