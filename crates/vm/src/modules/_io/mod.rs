//! `_io`: the classes behind `io` and `open`, as CPython's Modules/_io.
//!
//! One file per class family: `fileio.rs` (FileIO), `buffered.rs`
//! (BufferedReader/Writer/Random/RWPair), `textio.rs` (TextIOWrapper,
//! IncrementalNewlineDecoder and the native codecs), `stringio.rs`,
//! `bytesio.rs`. This file has the abstract bases (`_IOBase`, `_RawIOBase`,
//! `_BufferedIOBase`, `_TextIOBase`, whose methods work in terms of the
//! subclass's own read/write/readline as CPython's do), `open`, and the
//! helpers they share.

pub(crate) mod buffered;
pub(crate) mod bytesio;
pub(crate) mod codec;
pub(crate) mod fileio;
pub(crate) mod stringio;
pub(crate) mod textio;

use crate::args::{check_no_kwargs, ArgSpec};
use crate::exception::{exc_type_value, ExcKind, PyErr, PyResult};
use crate::gil::GilCell;
use crate::object::LayoutKind;
use crate::objects::bytes::{new_bytes, BytesObject};
use crate::objects::dict::DictObject;
use crate::objects::list::new_list;
use crate::objects::native::{new_native, NativeData};
use crate::objects::singletons::none;
use crate::objects::str::{new_str, StrObject};
use crate::objects::tuple::new_tuple;
use crate::typeobj::{type_flags, type_of, KwNames, NativeFn, Slots, StaticType, TypeObject};
use crate::value::Value;
use crate::vm::Vm;
use super::{init_native_type, ModuleBuilder, NativeType};

pub(crate) const DEFAULT_BUFFER_SIZE: usize = 8192;

pub(crate) static IOBASE: NativeType = NativeType::new();
pub(crate) static RAWIOBASE: NativeType = NativeType::new();
pub(crate) static BUFFEREDIOBASE: NativeType = NativeType::new();
pub(crate) static TEXTIOBASE: NativeType = NativeType::new();

/// State of the abstract bases: none (a pure-Python subclass keeps its
/// `closed` flag in its `__dict__`, as CPython's `__IOBase_closed`).
pub(crate) struct BaseData;
impl NativeData for BaseData {}

/// Flags every `_io` type gets: subclassable, with a `__dict__`.
pub(crate) const IO_FLAGS: u32 = type_flags::BASETYPE | type_flags::HAS_DICT;

/// Declares a native `_io` type with its methods and getsets.
pub(crate) fn make_type(
    nt: &'static NativeType,
    name: &str,
    base: &'static StaticType,
    configure: impl FnOnce(&mut Slots),
    methods: &[(&'static str, NativeFn)],
    getsets: &[(&'static str, crate::objects::descr::GetterFn, Option<crate::objects::descr::SetterFn>)],
) -> &'static TypeObject {
    nt.get_or_init(|st| {
        init_native_type(st, "_io", name, LayoutKind::Native, base, IO_FLAGS, |s| {
            s.setattro = Some(crate::attr::generic_setattr);
            configure(s)
        });
        for (n, f) in methods {
            crate::typeinit::add_method(st, n, *f);
        }
        for (n, g, s) in getsets {
            crate::typeinit::add_getset(st, n, *g, *s);
        }
    })
}

fn base_new(vm: &mut Vm, cls: &Value, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let t = cls_type(vm, cls)?;
    Ok(new_native(t, BaseData))
}

pub(crate) fn cls_type<'a>(vm: &mut Vm, cls: &'a Value) -> PyResult<&'a TypeObject> {
    match cls.downcast_ref::<TypeObject>() {
        Some(t) => Ok(t),
        None => Err(vm.type_error("__new__ argument must be a type")),
    }
}

/// Builds every `_io` type (idempotent).
pub(crate) fn init_types() {
    let object = &crate::typeobj::OBJECT_TYPE;
    make_type(
        &IOBASE,
        "_IOBase",
        object,
        |s| {
            s.new = Some(base_new);
            s.iter = Some(iobase_iter);
            s.iternext = Some(iobase_iternext);
        },
        &[
            ("seek", iobase_seek),
            ("tell", iobase_tell),
            ("truncate", iobase_truncate),
            ("flush", iobase_flush),
            ("close", iobase_close),
            ("seekable", iobase_false),
            ("readable", iobase_false),
            ("writable", iobase_false),
            ("_checkClosed", iobase_check_closed),
            ("_checkSeekable", iobase_check_seekable),
            ("_checkReadable", iobase_check_readable),
            ("_checkWritable", iobase_check_writable),
            ("fileno", iobase_fileno),
            ("isatty", iobase_isatty),
            ("__enter__", iobase_enter),
            ("__exit__", iobase_exit),
            ("readline", iobase_readline),
            ("readlines", iobase_readlines),
            ("writelines", iobase_writelines),
        ],
        &[("closed", iobase_closed_get, None), ("__dict__", dict_get, None)],
    );
    make_type(
        &RAWIOBASE,
        "_RawIOBase",
        IOBASE.storage(),
        |_| {},
        &[("read", rawiobase_read), ("readall", rawiobase_readall), ("readinto", rawiobase_readinto), ("write", rawiobase_write)],
        &[],
    );
    make_type(
        &BUFFEREDIOBASE,
        "_BufferedIOBase",
        IOBASE.storage(),
        |_| {},
        &[
            ("detach", |vm, _a, _k| Err(unsupported(vm, "detach"))),
            ("read", |vm, _a, _k| Err(unsupported(vm, "read"))),
            ("read1", |vm, _a, _k| Err(unsupported(vm, "read1"))),
            ("write", |vm, _a, _k| Err(unsupported(vm, "write"))),
            ("readinto", bufiobase_readinto),
            ("readinto1", bufiobase_readinto1),
        ],
        &[],
    );
    make_type(
        &TEXTIOBASE,
        "_TextIOBase",
        IOBASE.storage(),
        |_| {},
        &[
            ("detach", |vm, _a, _k| Err(unsupported(vm, "detach"))),
            ("read", |vm, _a, _k| Err(unsupported(vm, "read"))),
            ("readline", |vm, _a, _k| Err(unsupported(vm, "readline"))),
            ("write", |vm, _a, _k| Err(unsupported(vm, "write"))),
        ],
        &[
            ("encoding", |_, _| Ok(none()), None),
            ("newlines", |_, _| Ok(none()), None),
            ("errors", |_, _| Ok(none()), None),
        ],
    );
    fileio::init_type();
    bytesio::init_type();
    stringio::init_type();
    buffered::init_types();
    textio::init_types();
}

pub(crate) fn init(vm: &mut Vm) -> PyResult<Value> {
    init_types();
    let b = ModuleBuilder::new("_io");
    b.doc("The io module provides the Python interfaces to stream handling.");
    b.int("DEFAULT_BUFFER_SIZE", DEFAULT_BUFFER_SIZE as i64);
    let unsupported = unsupported_type(vm)?;
    b.value("UnsupportedOperation", unsupported);
    b.value("BlockingIOError", exc_type_value(ExcKind::BlockingIOError));
    for nt in [
        &IOBASE,
        &RAWIOBASE,
        &BUFFEREDIOBASE,
        &TEXTIOBASE,
        &fileio::FILEIO,
        &bytesio::BYTESIO,
        &stringio::STRINGIO,
        &buffered::BUFFERED_READER,
        &buffered::BUFFERED_WRITER,
        &buffered::BUFFERED_RANDOM,
        &buffered::BUFFERED_RWPAIR,
        &textio::TEXTIOWRAPPER,
        &textio::NEWLINE_DECODER,
    ] {
        if let Some(t) = nt.get() {
            b.type_(t);
        }
    }
    // `io.open is open`, as in CPython.
    match vm.builtins_dict().get_str_key("open") {
        Some(f) => b.value("open", f),
        None => b.function("open", open),
    };
    b.functions(&[("open_code", open_code), ("text_encoding", text_encoding)]);
    Ok(b.finish())
}

// ---------------------------------------------------------------- helpers

static UNSUPPORTED: GilCell<Option<Value>> = GilCell::new(None);

/// `io.UnsupportedOperation`, a subclass of both OSError and ValueError
/// (made once with `type()`, since native types have a single base).
pub(crate) fn unsupported_type(vm: &mut Vm) -> PyResult<Value> {
    // SAFETY: GIL held; the reference is not kept across the call below.
    if let Some(t) = unsafe { UNSUPPORTED.get_mut() }.clone() {
        return Ok(t);
    }
    let ns = DictObject::new_value();
    if let Some(d) = ns.downcast_ref::<DictObject>() {
        d.insert_str_key("__module__", new_str("io"));
    }
    let bases = new_tuple(vec![exc_type_value(ExcKind::OSError), exc_type_value(ExcKind::ValueError)]);
    let meta = crate::typeobj::TYPE_TYPE.get().as_value();
    let t = vm.call(&meta, &[new_str("UnsupportedOperation"), bases, ns], None)?;
    // SAFETY: GIL held.
    unsafe { *UNSUPPORTED.get_mut() = Some(t.clone()) };
    Ok(t)
}

/// `UnsupportedOperation(msg)`.
pub(crate) fn unsupported(vm: &mut Vm, msg: &str) -> PyErr {
    match unsupported_type(vm).and_then(|t| vm.call1(&t, new_str(msg))) {
        Ok(e) => PyErr::new(e),
        Err(e) => e,
    }
}

/// "I/O operation on closed file." (FileIO says it without the period).
pub(crate) fn closed_error(vm: &mut Vm) -> PyErr {
    vm.value_error("I/O operation on closed file.")
}

/// The OSError (subclass) for `errno`, as CPython's PyErr_SetFromErrnoWithFilenameObject.
pub(crate) fn os_error(vm: &mut Vm, errno: i32, filename: Option<&Value>) -> PyErr {
    let msg = strerror(errno);
    let mut args = vec![Value::int(errno as i64), new_str(&msg)];
    if let Some(f) = filename {
        args.push(f.clone());
    }
    match vm.call(&exc_type_value(ExcKind::OSError), &args, None) {
        Ok(e) => PyErr::new(e),
        Err(e) => e,
    }
}

pub(crate) fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

pub(crate) fn strerror(errno: i32) -> String {
    // SAFETY: strerror returns a valid C string (static or thread-local).
    unsafe {
        let p = libc::strerror(errno);
        if p.is_null() {
            return format!("Unknown error {errno}");
        }
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    }
}

/// The type's name as CPython's `tp_name` (`_io.FileIO`, or a class's own name).
pub(crate) fn tp_name(v: &Value) -> String {
    let t = type_of(v);
    if t.has_flag(type_flags::HEAPTYPE) {
        t.name_string()
    } else {
        format!("_io.{}", t.name_string())
    }
}

/// `a[i]` unless missing or None.
pub(crate) fn given(a: &[Option<Value>], i: usize) -> Option<&Value> {
    a.get(i).and_then(|v| v.as_ref()).filter(|v| !v.is_none())
}

/// A size argument: None or missing is -1 (CPython's _Py_convert_optional_to_ssize_t).
pub(crate) fn size_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    match v {
        None => Ok(-1),
        Some(x) if x.is_none() => Ok(-1),
        Some(x) => {
            if crate::objects::int::as_int(x).is_none() && type_of(x).slots().index.is_none() {
                let msg = format!("argument should be integer or None, not '{}'", vm.type_name(x));
                return Err(vm.type_error(msg));
            }
            vm.index_i64(x)
        }
    }
}

/// An integer argument (`seek`'s position, `whence`).
pub(crate) fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if crate::objects::float::as_float(v).is_some() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    vm.index_i64(v)
}

/// The bytes of a bytes-like object; other objects get CPython's TypeError.
pub(crate) fn bytes_like(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if v.downcast_ref::<BytesObject>().is_some() {
        return Ok(v.clone());
    }
    if let Some(data) = crate::objects::memoryview::bytes_like(vm, v)? {
        return Ok(new_bytes(&data));
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")))
}

pub(crate) fn bytes_data(v: &Value) -> &[u8] {
    v.downcast_ref::<BytesObject>().map_or(&[], |b| b.data())
}

/// Stores `data` at the start of the writable buffer `buf` (`buf[:n] = data`).
pub(crate) fn store_into(vm: &mut Vm, buf: &Value, data: &[u8]) -> PyResult<()> {
    let n = data.len() as i64;
    let sl = crate::objects::slice::new_slice(Value::int(0), Value::int(n), none());
    vm.setitem(buf, &sl, new_bytes(data))
}

pub(crate) fn writable_len(vm: &mut Vm, buf: &Value) -> PyResult<usize> {
    if buf.downcast_ref::<BytesObject>().is_some() || buf.downcast_ref::<StrObject>().is_some() {
        let msg = format!(
            "readinto() argument must be read-write bytes-like object, not {}",
            vm.type_name(buf)
        );
        return Err(vm.type_error(msg));
    }
    vm.len(buf)
}

/// `obj.closed`, through the attribute so that subclasses' overrides count.
pub(crate) fn is_closed(vm: &mut Vm, obj: &Value) -> PyResult<bool> {
    let c = vm.getattr_str(obj, "closed")?;
    vm.is_true(&c)
}

fn check_closed(vm: &mut Vm, obj: &Value) -> PyResult<()> {
    if is_closed(vm, obj)? {
        return Err(closed_error(vm));
    }
    Ok(())
}

fn self_of(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    match args.first() {
        Some(s) => Ok(s.clone()),
        None => Err(vm.type_error("descriptor needs an argument")),
    }
}

// ---------------------------------------------------------------- _IOBase

fn iobase_closed_flag(obj: &Value) -> bool {
    crate::attr::instance_get(obj, &crate::objects::str::intern("__IOBase_closed"))
        .is_some_and(|v| v.is_true_obj())
}

fn iobase_closed_get(_vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    Ok(Value::bool(iobase_closed_flag(obj)))
}

fn dict_get(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    let d = crate::objects::str::intern("__dict__");
    match crate::attr::generic_getattr(vm, obj, &d)? {
        Some(v) => Ok(v),
        None => Ok(DictObject::new_value()),
    }
}

fn iobase_seek(vm: &mut Vm, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    Err(unsupported(vm, "seek"))
}

fn iobase_tell(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let s = self_of(vm, args)?;
    vm.call_method(&s, "seek", &[Value::int(0), Value::int(1)])
}

fn iobase_truncate(vm: &mut Vm, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    Err(unsupported(vm, "truncate"))
}

fn iobase_flush(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let s = self_of(vm, args)?;
    if iobase_closed_flag(&s) {
        return Err(closed_error(vm));
    }
    Ok(none())
}

fn iobase_close(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let s = self_of(vm, args)?;
    if iobase_closed_flag(&s) {
        return Ok(none());
    }
    let r = vm.call_method(&s, "flush", &[]);
    let name = crate::objects::str::intern("__IOBase_closed");
    crate::attr::instance_set(vm, &s, &name, Some(Value::bool(true)))?;
    r.map(|_| none())
}

fn iobase_false(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let _ = self_of(vm, args)?;
    Ok(Value::bool(false))
}

fn iobase_check_closed(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let s = self_of(vm, args)?;
    check_closed(vm, &s)?;
    Ok(none())
}

fn check_capability(vm: &mut Vm, args: &[Value], method: &str, msg: &str) -> PyResult<Value> {
    let s = self_of(vm, args)?;
    let r = vm.call_method(&s, method, &[])?;
    if !r.is_true_obj() {
        return Err(unsupported(vm, msg));
    }
    Ok(r)
}

fn iobase_check_seekable(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    check_capability(vm, args, "seekable", "File or stream is not seekable.")
}

fn iobase_check_readable(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    check_capability(vm, args, "readable", "File or stream is not readable.")
}

fn iobase_check_writable(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    check_capability(vm, args, "writable", "File or stream is not writable.")
}

fn iobase_fileno(vm: &mut Vm, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    Err(unsupported(vm, "fileno"))
}

fn iobase_isatty(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let s = self_of(vm, args)?;
    check_closed(vm, &s)?;
    Ok(Value::bool(false))
}

fn iobase_enter(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let s = self_of(vm, args)?;
    check_closed(vm, &s)?;
    Ok(s)
}

fn iobase_exit(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let s = self_of(vm, args)?;
    vm.call_method(&s, "close", &[])
}

fn iobase_iter(vm: &mut Vm, s: &Value) -> PyResult<Value> {
    check_closed(vm, s)?;
    Ok(s.clone())
}

fn iobase_iternext(vm: &mut Vm, s: &Value) -> PyResult<Option<Value>> {
    let line = vm.call_method(s, "readline", &[])?;
    if vm.len(&line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line))
}

/// `IOBase.readline(size=-1)`: bytes up to a newline, read through `peek`
/// when the object has it and one byte at a time otherwise.
fn iobase_readline(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "readline", args, kw, &["self", "size"], 2, 1)?;
    let s = self_of(vm, args)?;
    let limit = size_arg(vm, a[1].as_ref())?;
    let peek = vm.lookup_attr(&s, &crate::objects::str::intern("peek"))?;
    let mut out: Vec<u8> = Vec::new();
    while limit < 0 || (out.len() as i64) < limit {
        let mut nreadahead = 1usize;
        if let Some(p) = &peek {
            let ahead = vm.call1(p, Value::int(1))?;
            let Some(b) = ahead.downcast_ref::<BytesObject>() else {
                let msg = format!("peek() should have returned a bytes object, not '{}'", vm.type_name(&ahead));
                return Err(vm.new_error(ExcKind::OSError, msg));
            };
            let d = b.data();
            if !d.is_empty() {
                let mut n = match d.iter().position(|&c| c == b'\n') {
                    Some(i) => i + 1,
                    None => d.len(),
                };
                if limit >= 0 {
                    n = n.min((limit as usize).saturating_sub(out.len()));
                }
                nreadahead = n.max(1);
            }
        }
        let chunk = vm.call_method(&s, "read", &[Value::int(nreadahead as i64)])?;
        if chunk.is_none() {
            break;
        }
        let Some(b) = chunk.downcast_ref::<BytesObject>() else {
            let msg = format!("read() should have returned a bytes object, not '{}'", vm.type_name(&chunk));
            return Err(vm.new_error(ExcKind::OSError, msg));
        };
        if b.is_empty() {
            break;
        }
        out.extend_from_slice(b.data());
        if out.last() == Some(&b'\n') {
            break;
        }
    }
    Ok(new_bytes(&out))
}

fn iobase_readlines(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "readlines", args, kw, &["self", "hint"], 2, 1)?;
    let s = self_of(vm, args)?;
    let hint = size_arg(vm, a[1].as_ref())?;
    let it = vm.iter(&s)?;
    let mut lines = Vec::new();
    let mut total = 0usize;
    while let Some(line) = vm.next(&it)? {
        if hint > 0 {
            total += vm.len(&line)?;
        }
        lines.push(line);
        if hint > 0 && total >= hint as usize {
            break;
        }
    }
    Ok(new_list(lines))
}

fn iobase_writelines(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "writelines", kw)?;
    let [s, lines] = ArgSpec::exact::<2>(vm, "writelines", args, 1)?;
    check_closed(vm, &s)?;
    let it = vm.iter(&lines)?;
    while let Some(line) = vm.next(&it)? {
        vm.call_method(&s, "write", &[line])?;
    }
    Ok(none())
}

// ---------------------------------------------------------------- _RawIOBase

fn rawiobase_read(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "read", args, kw, &["self", "size"], 2, 1)?;
    let s = self_of(vm, args)?;
    let n = size_arg(vm, a[1].as_ref())?;
    if n < 0 {
        return vm.call_method(&s, "readall", &[]);
    }
    let bytearray = vm
        .builtins_dict()
        .get_str_key("bytearray")
        .ok_or_else(|| vm.new_error(ExcKind::NotImplementedError, "bytearray is not available"))?;
    let buf = vm.call1(&bytearray, Value::int(n))?;
    let got = vm.call_method(&s, "readinto", &[buf.clone()])?;
    if got.is_none() {
        return Ok(got);
    }
    let got = vm.index_i64(&got)?;
    if got < 0 || got > n {
        return Err(vm.value_error(format!("readinto returned {got} outside buffer size {n}")));
    }
    let bytes_t = crate::typeobj::BYTES_TYPE.get().as_value();
    let all = vm.call1(&bytes_t, buf)?;
    // readinto may have resized the buffer: never slice past its end.
    let data = bytes_data(&all);
    Ok(new_bytes(data.get(..got as usize).unwrap_or(data)))
}

fn rawiobase_readall(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let s = self_of(vm, args)?;
    let mut out = Vec::new();
    loop {
        let chunk = vm.call_method(&s, "read", &[Value::int(DEFAULT_BUFFER_SIZE as i64)])?;
        if chunk.is_none() {
            if out.is_empty() {
                return Ok(chunk);
            }
            break;
        }
        let Some(b) = chunk.downcast_ref::<BytesObject>() else {
            return Err(vm.type_error("read() should return bytes"));
        };
        if b.is_empty() {
            break;
        }
        out.extend_from_slice(b.data());
    }
    Ok(new_bytes(&out))
}

fn rawiobase_readinto(vm: &mut Vm, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    Err(vm.new_error(ExcKind::NotImplementedError, ""))
}

fn rawiobase_write(vm: &mut Vm, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    Err(vm.new_error(ExcKind::NotImplementedError, ""))
}

// ---------------------------------------------------------------- _BufferedIOBase

fn bufiobase_readinto_generic(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<Value> {
    let [s, buf] = ArgSpec::exact::<2>(vm, method, args, 1)?;
    let n = writable_len(vm, &buf)?;
    let data = vm.call_method(&s, if method == "readinto" { "read" } else { "read1" }, &[Value::int(n as i64)])?;
    let Some(b) = data.downcast_ref::<BytesObject>() else {
        return Err(vm.type_error("read() should return bytes"));
    };
    let d = b.data().to_vec();
    if d.len() > n {
        let msg = format!("read() returned too much data: {n} bytes requested, {} returned", d.len());
        return Err(vm.value_error(msg));
    }
    store_into(vm, &buf, &d)?;
    Ok(Value::int(d.len() as i64))
}

fn bufiobase_readinto(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    bufiobase_readinto_generic(vm, args, "readinto")
}

fn bufiobase_readinto1(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    bufiobase_readinto_generic(vm, args, "readinto1")
}

// ---------------------------------------------------------------- open

struct Mode {
    creating: bool,
    reading: bool,
    writing: bool,
    appending: bool,
    updating: bool,
    text: bool,
    binary: bool,
}

fn parse_open_mode(vm: &mut Vm, mode: &str) -> PyResult<Mode> {
    let mut m = Mode {
        creating: false,
        reading: false,
        writing: false,
        appending: false,
        updating: false,
        text: false,
        binary: false,
    };
    let invalid = |vm: &mut Vm| vm.value_error(format!("invalid mode: '{mode}'"));
    let mut seen = String::new();
    for c in mode.chars() {
        if !"xrwabt+".contains(c) || seen.contains(c) {
            return Err(invalid(vm));
        }
        seen.push(c);
        match c {
            'x' => m.creating = true,
            'r' => m.reading = true,
            'w' => m.writing = true,
            'a' => m.appending = true,
            '+' => m.updating = true,
            't' => m.text = true,
            'b' => m.binary = true,
            _ => {}
        }
    }
    if m.text && m.binary {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    let n = [m.creating, m.reading, m.writing, m.appending].iter().filter(|&&b| b).count();
    if n > 1 {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    Ok(m)
}

fn str_arg(vm: &mut Vm, v: Option<&Value>, fname: &str, argname: &str, pos: usize) -> PyResult<Option<String>> {
    match v {
        None => Ok(None),
        Some(x) if x.is_none() => Ok(None),
        Some(x) => match x.downcast_ref::<StrObject>() {
            Some(s) => Ok(Some(s.to_string_lossy())),
            None => {
                let _ = pos;
                let msg = format!("{fname}() argument '{argname}' must be str or None, not {}", vm.type_name(x));
                Err(vm.type_error(msg))
            }
        },
    }
}

fn open(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(
        vm,
        "open",
        args,
        kw,
        &["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"],
        8,
        1,
    )?;
    let file = a[0].clone().unwrap_or_else(none);
    let mode_v = a[1].clone();
    let mode = match &mode_v {
        None => "r".to_string(),
        Some(m) => match m.downcast_ref::<StrObject>() {
            Some(s) => s.to_string_lossy(),
            None => {
                let msg = format!("open() argument 'mode' must be str, not {}", vm.type_name(m));
                return Err(vm.type_error(msg));
            }
        },
    };
    let buffering = match &a[2] {
        None => -1,
        Some(b) => {
            if crate::objects::float::as_float(b).is_some() {
                return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
            }
            vm.index_i64(b)?
        }
    };
    let encoding = str_arg(vm, a[3].as_ref(), "open", "encoding", 4)?;
    let errors = str_arg(vm, a[4].as_ref(), "open", "errors", 5)?;
    let newline = str_arg(vm, a[5].as_ref(), "open", "newline", 6)?;
    let closefd = match &a[6] {
        None => true,
        Some(c) => vm.is_true(c)?,
    };
    let opener = a[7].clone().unwrap_or_else(none);

    let is_int = crate::objects::int::as_int(&file).is_some();
    if !is_int
        && file.downcast_ref::<StrObject>().is_none()
        && file.downcast_ref::<BytesObject>().is_none()
        && vm.lookup_special(&file, "__fspath__")?.is_none()
    {
        let msg = format!("expected str, bytes or os.PathLike object, not {}", vm.type_name(&file));
        return Err(vm.type_error(msg));
    }
    let m = parse_open_mode(vm, &mode)?;
    if m.binary {
        if encoding.is_some() {
            return Err(vm.value_error("binary mode doesn't take an encoding argument"));
        }
        if errors.is_some() {
            return Err(vm.value_error("binary mode doesn't take an errors argument"));
        }
        if newline.is_some() {
            return Err(vm.value_error("binary mode doesn't take a newline argument"));
        }
    }
    if m.binary && buffering == 1 {
        // CPython warns (RuntimeWarning) and uses the default buffer size.
    }
    let mut rawmode = String::new();
    if m.creating {
        rawmode.push('x');
    }
    if m.reading {
        rawmode.push('r');
    }
    if m.writing {
        rawmode.push('w');
    }
    if m.appending {
        rawmode.push('a');
    }
    if m.updating {
        rawmode.push('+');
    }
    let fileio_t = fileio::FILEIO.get().map(|t| t.as_value()).unwrap_or_else(none);
    let raw = vm.call(
        &fileio_t,
        &[file, new_str(&rawmode), Value::bool(closefd), opener],
        None,
    )?;
    let result = open_layers(vm, &raw, &m, &mode, buffering, encoding, errors, newline);
    if result.is_err() {
        let _ = vm.call_method(&raw, "close", &[]);
    }
    result
}

#[allow(clippy::too_many_arguments)]
fn open_layers(
    vm: &mut Vm,
    raw: &Value,
    m: &Mode,
    mode: &str,
    mut buffering: i64,
    encoding: Option<String>,
    errors: Option<String>,
    newline: Option<String>,
) -> PyResult<Value> {
    let mut line_buffering = false;
    let isatty = if buffering == 1 || buffering < 0 {
        let r = vm.call_method(raw, "isatty", &[])?;
        vm.is_true(&r)?
    } else {
        false
    };
    if buffering == 1 || (buffering < 0 && isatty) {
        buffering = -1;
        line_buffering = true;
    }
    if buffering < 0 {
        buffering = raw
            .native_ref::<fileio::FileIO>()
            .map(|f| f.blksize())
            .filter(|&b| b > 1)
            .unwrap_or(DEFAULT_BUFFER_SIZE as i64);
    }
    if buffering == 0 {
        if m.binary {
            return Ok(raw.clone());
        }
        return Err(vm.value_error("can't have unbuffered text I/O"));
    }
    let bt = if m.updating {
        &buffered::BUFFERED_RANDOM
    } else if m.creating || m.writing || m.appending {
        &buffered::BUFFERED_WRITER
    } else {
        &buffered::BUFFERED_READER
    };
    let bt = bt.get().map(|t| t.as_value()).unwrap_or_else(none);
    let buffer = vm.call(&bt, &[raw.clone(), Value::int(buffering)], None)?;
    if m.binary {
        return Ok(buffer);
    }
    let opt = |s: Option<String>| s.map(|x| new_str(&x)).unwrap_or_else(none);
    let tt = textio::TEXTIOWRAPPER.get().map(|t| t.as_value()).unwrap_or_else(none);
    let wrapper = vm.call(
        &tt,
        &[buffer.clone(), opt(encoding), opt(errors), opt(newline), Value::bool(line_buffering)],
        None,
    );
    let wrapper = match wrapper {
        Ok(w) => w,
        Err(e) => {
            let _ = vm.call_method(&buffer, "close", &[]);
            return Err(e);
        }
    };
    let mode_name = crate::objects::str::intern("mode");
    vm.setattr(&wrapper, &mode_name, new_str(mode))?;
    Ok(wrapper)
}

fn open_code(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "open_code", args, kw, &["path"], 1, 1)?;
    let path = a[0].clone().unwrap_or_else(none);
    if path.downcast_ref::<StrObject>().is_none() {
        let msg = format!("open_code() argument 'path' must be str, not {}", vm.type_name(&path));
        return Err(vm.type_error(msg));
    }
    let open_f = crate::objects::descr::new_builtin_function("open", open, Some("_io"));
    vm.call(&open_f, &[path, new_str("rb")], None)
}

fn text_encoding(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "text_encoding", args, kw, &["encoding", "stacklevel"], 2, 1)?;
    match &a[0] {
        Some(e) if !e.is_none() => Ok(e.clone()),
        _ => Ok(new_str("locale")),
    }
}

/// `builtins.open`.
pub(crate) fn builtin_open(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    init_types();
    open(vm, args, kw)
}

// ---------------------------------------------------------------- standard streams

/// sys.stdin, sys.stdout and sys.stderr as CPython makes them: TextIOWrapper
/// over BufferedReader/BufferedWriter over FileIO(0/1/2), UTF-8 with
/// surrogateescape (backslashreplace for stderr); stdout line-buffered on a
/// terminal, stderr always; with PYTHONUNBUFFERED the writers sit directly
/// on the FileIO with write_through. Output still goes through the VM's
/// stdout buffer, which print() fills directly.
pub(crate) fn make_std_streams(vm: &mut Vm) -> PyResult<[Value; 3]> {
    init_types();
    // `-u` or PYTHONUNBUFFERED (config.rs).
    let unbuffered = crate::config::current().unbuffered;
    let in_raw = fileio::fileio_for_fd(vm, 0, true, "<stdin>");
    let in_buf = buffered::new_std_reader(vm, in_raw)?;
    let stdin = textio::new_std_text(vm, in_buf, 0, "surrogateescape", false, false)?;
    let out_raw = fileio::fileio_for_fd(vm, 1, false, "<stdout>");
    let out_buf = if unbuffered { out_raw } else { buffered::new_std_writer(vm, out_raw, 1)? };
    // SAFETY: plain syscall.
    let tty = unsafe { libc::isatty(1) } == 1;
    let stdout = textio::new_std_text(vm, out_buf, 1, "surrogateescape", tty && !unbuffered, unbuffered)?;
    vm.stdout_buffers().line_buffered = tty && !unbuffered;
    vm.stdout_buffers().write_through = unbuffered;
    vm.stdout_buffers().binary_size = if unbuffered {
        0
    } else {
        // open()'s choice: the descriptor's block size.
        // SAFETY: fstat into a zeroed buffer.
        let mut sb: libc::stat = unsafe { std::mem::zeroed() };
        if unsafe { libc::fstat(1, &mut sb) } == 0 && sb.st_blksize > 1 {
            sb.st_blksize as usize
        } else {
            DEFAULT_BUFFER_SIZE
        }
    };
    let err_raw = fileio::fileio_for_fd(vm, 2, false, "<stderr>");
    let err_buf = if unbuffered { err_raw } else { buffered::new_std_writer(vm, err_raw, 2)? };
    let stderr = textio::new_std_text(vm, err_buf, 2, "backslashreplace", !unbuffered, unbuffered)?;
    Ok([stdin, stdout, stderr])
}

/// Flushes sys.stdout and sys.stderr at exit, as CPython's flush_std_files;
/// a failure is reported as "Exception ignored".
pub(crate) fn flush_std_files(vm: &mut Vm) {
    let sys = vm
        .modules
        .downcast_ref::<DictObject>()
        .and_then(|m| m.get_str_key("sys"))
        .and_then(|s| s.downcast_ref::<crate::objects::module::ModuleObject>().map(|m| m.dict_value()));
    let Some(d) = sys else { return };
    for name in ["stdout", "stderr"] {
        let f = d.downcast_ref::<DictObject>().and_then(|d| d.get_str_key(name));
        let Some(f) = f else { continue };
        if f.is_none() {
            continue;
        }
        if textio::fast_stdout_errors(&f).is_some() {
            continue;
        }
        match is_closed(vm, &f) {
            Ok(false) => {}
            _ => continue,
        }
        if let Err(e) = vm.call_method(&f, "flush", &[]) {
            vm.write_stderr(format!("Exception ignored in: {}\n", if name == "stdout" { "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>" } else { "<_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'>" }).as_bytes());
            vm.print_exception(&e);
        }
    }
}
