//! `TextIOWrapper` (text over a buffered binary stream) and
//! `IncrementalNewlineDecoder`.
//!
//! Text written is encoded and handed to the buffer at once (the text layer
//! keeps nothing pending), so `f.buffer` always sees the writes in order.
//! Reading decodes chunks of `_CHUNK_SIZE` bytes; `tell()` gives CPython's
//! opaque cookie: a plain byte position whenever the decoder state allows
//! (always for the native codecs), else position + newline flag + chars to
//! skip packed above bit 64.

use super::buffered::exact_buffered;
use super::codec::{self, Native};
use super::*;
use std::cell::{Cell, RefCell};

pub(crate) static TEXTIOWRAPPER: NativeType = NativeType::new();
pub(crate) static NEWLINE_DECODER: NativeType = NativeType::new();

const SEEN_CR: u8 = 1;
const SEEN_LF: u8 = 2;
const SEEN_CRLF: u8 = 4;
const CR: u32 = b'\r' as u32;
const LF: u32 = b'\n' as u32;

enum Codec {
    Native(Native),
    /// Incremental codecs of the registry (either may be absent).
    Registry { decoder: Option<Value>, encoder: Option<Value> },
}

pub(crate) struct Text {
    ok: Cell<bool>,
    detached: Cell<bool>,
    buffer: RefCell<Value>,
    encoding: RefCell<String>,
    errors: RefCell<String>,
    codec: RefCell<Codec>,
    readable: Cell<bool>,
    writable: Cell<bool>,
    readuniversal: Cell<bool>,
    readtranslate: Cell<bool>,
    /// The line ending readline looks for when not universal.
    readnl: RefCell<Vec<u32>>,
    /// What '\n' becomes on write (None: unchanged).
    writenl: RefCell<Option<Vec<u32>>>,
    line_buffering: Cell<bool>,
    write_through: Cell<bool>,
    decoded: RefCell<Vec<u32>>,
    dpos: Cell<usize>,
    /// Undecoded bytes of a character split between chunks (native codecs).
    pending: RefCell<Vec<u8>>,
    pendingcr: Cell<bool>,
    seennl: Cell<u8>,
    /// (newline flag, bytes fed since) at the start of `decoded`.
    snapshot: RefCell<Option<(bool, Vec<u8>)>>,
    seekable: Cell<bool>,
    telling: Cell<bool>,
    chunk_size: Cell<usize>,
    /// 1 for sys.stdout, 2 for sys.stderr as made at start-up (sys.stdout's
    /// pending text lives in the Vm, where print() appends it).
    std_fd: Cell<i32>,
    /// Encoded text not yet passed to the buffer (CPython's pending_bytes).
    wpending: RefCell<Vec<u8>>,
}

impl Drop for Text {
    fn drop(&mut self) {
        // CPython's finalizer flushes; without calling Python, a plain
        // buffered writer below takes the pending bytes into its own buffer
        // (which it writes out when freed in turn).
        let p = self.wpending.get_mut();
        if p.is_empty() {
            return;
        }
        let b = self.buffer.get_mut();
        if let Some(bf) = exact_buffered(b) {
            if bf.is_writer() && bf.std_fd() == 0 {
                bf.absorb(p);
            }
        }
    }
}

impl NativeData for Text {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(b) = self.buffer.try_borrow() {
            visit(&b);
        }
        if let Ok(c) = self.codec.try_borrow() {
            if let Codec::Registry { decoder, encoder } = &*c {
                if let Some(d) = decoder {
                    visit(d);
                }
                if let Some(e) = encoder {
                    visit(e);
                }
            }
        }
    }
}

pub(crate) fn init_types() {
    make_type(
        &TEXTIOWRAPPER,
        "TextIOWrapper",
        TEXTIOBASE.storage(),
        |s| {
            s.new = Some(text_new);
            s.init = Some(text_init);
            s.repr = Some(text_repr);
            s.iternext = Some(text_iternext);
        },
        &[
            ("read", text_read),
            ("readline", text_readline),
            ("write", text_write),
            ("flush", text_flush),
            ("close", text_close),
            ("detach", text_detach),
            ("seek", text_seek),
            ("tell", text_tell),
            ("truncate", text_truncate),
            ("fileno", |vm, a, _| buffer_call(vm, a, "fileno")),
            ("isatty", |vm, a, _| buffer_call(vm, a, "isatty")),
            ("readable", |vm, a, _| buffer_call(vm, a, "readable")),
            ("writable", |vm, a, _| buffer_call(vm, a, "writable")),
            ("seekable", |vm, a, _| buffer_call(vm, a, "seekable")),
            ("reconfigure", text_reconfigure),
        ],
        &[
            // Members in CPython: readable after detach (buffer then None).
            ("encoding", |vm, v| Ok(new_str(&text_of(vm, v)?.encoding.borrow())), None),
            ("errors", |vm, v| Ok(new_str(&text_of(vm, v)?.errors.borrow())), None),
            ("line_buffering", |vm, v| Ok(Value::bool(text_of(vm, v)?.line_buffering.get())), None),
            ("write_through", |vm, v| Ok(Value::bool(text_of(vm, v)?.write_through.get())), None),
            ("buffer", |vm, v| {
                let t = text_of(vm, v)?;
                Ok(if t.detached.get() { none() } else { t.buffer.borrow().clone() })
            }, None),
            ("closed", |vm, v| buffer_attr(vm, v, "closed"), None),
            ("name", |vm, v| buffer_attr(vm, v, "name"), None),
            ("newlines", |vm, v| Ok(newlines_value(attached(vm, v)?.seennl.get())), None),
            ("_CHUNK_SIZE", chunk_get, Some(chunk_set)),
        ],
    );
    make_type(
        &NEWLINE_DECODER,
        "IncrementalNewlineDecoder",
        &crate::typeobj::OBJECT_TYPE,
        |s| {
            s.new = Some(nld_new);
            s.init = Some(nld_init);
        },
        &[
            ("decode", nld_decode),
            ("getstate", nld_getstate),
            ("setstate", nld_setstate),
            ("reset", nld_reset),
        ],
        &[("newlines", |vm, v| Ok(newlines_value(nld(vm, v)?.seennl.get())), None)],
    );
}

fn newlines_value(seen: u8) -> Value {
    let names: Vec<Value> = [(SEEN_CR, "\r"), (SEEN_LF, "\n"), (SEEN_CRLF, "\r\n")]
        .iter()
        .filter(|(bit, _)| seen & bit != 0)
        .map(|(_, s)| new_str(s))
        .collect();
    match names.len() {
        0 => none(),
        1 => names.into_iter().next().unwrap_or_else(none),
        _ => new_tuple(names),
    }
}

/// Universal-newline processing of freshly decoded text: a trailing '\r'
/// waits for the next chunk (it may start with '\n'); newline kinds are
/// recorded; with `translate`, "\r\n" and "\r" become "\n".
fn process_newlines(pendingcr: &Cell<bool>, seennl: &Cell<u8>, mut cps: Vec<u32>, translate: bool, final_: bool) -> Vec<u32> {
    if pendingcr.get() && (final_ || !cps.is_empty()) {
        cps.insert(0, CR);
        pendingcr.set(false);
    }
    if !final_ && cps.last() == Some(&CR) {
        cps.pop();
        pendingcr.set(true);
    }
    if !cps.iter().any(|&c| c == CR || c == LF) {
        return cps;
    }
    let mut seen = seennl.get();
    let mut out = if translate { Vec::with_capacity(cps.len()) } else { Vec::new() };
    let mut i = 0;
    while i < cps.len() {
        let c = cps[i];
        if c == CR {
            if cps.get(i + 1) == Some(&LF) {
                seen |= SEEN_CRLF;
                if translate {
                    out.push(LF);
                } else {
                    out.push(CR);
                    out.push(LF);
                }
                i += 2;
                continue;
            }
            seen |= SEEN_CR;
            out.push(if translate { LF } else { CR });
        } else {
            if c == LF {
                seen |= SEEN_LF;
            }
            out.push(c);
        }
        i += 1;
    }
    seennl.set(seen);
    out
}

fn text_new(vm: &mut Vm, cls: &Value, _a: &[Value], _k: KwNames) -> PyResult<Value> {
    let t = cls_type(vm, cls)?;
    Ok(new_native(t, empty_text()))
}

fn empty_text() -> Text {
    Text {
        ok: Cell::new(false),
        detached: Cell::new(false),
        buffer: RefCell::new(none()),
        encoding: RefCell::new(String::new()),
        errors: RefCell::new(String::new()),
        codec: RefCell::new(Codec::Native(Native::Utf8)),
        readable: Cell::new(false),
        writable: Cell::new(false),
        readuniversal: Cell::new(true),
        readtranslate: Cell::new(true),
        readnl: RefCell::new(vec![LF]),
        writenl: RefCell::new(None),
        line_buffering: Cell::new(false),
        write_through: Cell::new(false),
        decoded: RefCell::new(Vec::new()),
        dpos: Cell::new(0),
        pending: RefCell::new(Vec::new()),
        pendingcr: Cell::new(false),
        seennl: Cell::new(0),
        snapshot: RefCell::new(None),
        seekable: Cell::new(false),
        telling: Cell::new(false),
        chunk_size: Cell::new(8192),
        std_fd: Cell::new(0),
        wpending: RefCell::new(Vec::new()),
    }
}

fn opt_str(vm: &mut Vm, v: Option<&Value>, what: &str) -> PyResult<Option<String>> {
    match v {
        None => Ok(None),
        Some(x) if x.is_none() => Ok(None),
        Some(x) => match x.downcast_ref::<StrObject>() {
            Some(s) => {
                if s.code_points().any(|c| c == 0) {
                    return Err(vm.value_error("embedded null character"));
                }
                Ok(Some(s.to_string_lossy()))
            }
            None => {
                let msg = format!("TextIOWrapper() argument '{what}' must be str or None, not {}", vm.type_name(x));
                Err(vm.type_error(msg))
            }
        },
    }
}

fn set_newline(vm: &mut Vm, t: &Text, newline: Option<&str>) -> PyResult<()> {
    if let Some(nl) = newline {
        if !matches!(nl, "" | "\n" | "\r" | "\r\n") {
            return Err(vm.value_error(format!("illegal newline value: {nl}")));
        }
    }
    t.readuniversal.set(matches!(newline, None | Some("")));
    t.readtranslate.set(newline.is_none());
    *t.readnl.borrow_mut() = match newline {
        Some(nl) if !nl.is_empty() => nl.chars().map(|c| c as u32).collect(),
        _ => vec![LF],
    };
    *t.writenl.borrow_mut() = match newline {
        Some("\r") => Some(vec![CR]),
        Some("\r\n") => Some(vec![CR, LF]),
        _ => None,
    };
    Ok(())
}

/// Sets up the codec for `encoding`/`errors` given what the buffer can do.
fn set_codec(vm: &mut Vm, t: &Text, encoding: &str, errors: &str) -> PyResult<()> {
    let c = match codec::native_codec(encoding) {
        Some(n) => Codec::Native(n),
        None => {
            codec::registry_lookup(vm, encoding)?;
            let decoder = if t.readable.get() {
                Some(codec::registry_incremental(vm, "getincrementaldecoder", encoding, errors)?)
            } else {
                None
            };
            let encoder = if t.writable.get() {
                Some(codec::registry_incremental(vm, "getincrementalencoder", encoding, errors)?)
            } else {
                None
            };
            Codec::Registry { decoder, encoder }
        }
    };
    *t.codec.borrow_mut() = c;
    *t.encoding.borrow_mut() = encoding.to_string();
    *t.errors.borrow_mut() = errors.to_string();
    Ok(())
}

fn text_init(vm: &mut Vm, obj: &Value, args: &[Value], kw: KwNames) -> PyResult<()> {
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(obj.clone());
    full.extend_from_slice(args);
    let a = ArgSpec::parse(
        vm,
        "TextIOWrapper",
        &full,
        kw,
        &["self", "buffer", "encoding", "errors", "newline", "line_buffering", "write_through"],
        7,
        2,
    )?;
    let Some(t) = obj.native_ref::<Text>() else {
        return Err(vm.type_error("TextIOWrapper.__init__ on a non-TextIOWrapper"));
    };
    t.ok.set(false);
    t.detached.set(false);
    let buffer = a[1].clone().unwrap_or_else(none);
    let encoding = opt_str(vm, a[2].as_ref(), "encoding")?;
    let errors = opt_str(vm, a[3].as_ref(), "errors")?;
    let newline = opt_str(vm, a[4].as_ref(), "newline")?;
    let line_buffering = match &a[5] {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    let write_through = match &a[6] {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    set_newline(vm, t, newline.as_deref())?;
    let encoding = match encoding.as_deref() {
        None | Some("locale") => "UTF-8".to_string(),
        Some(e) => e.to_string(),
    };
    let errors = errors.unwrap_or_else(|| "strict".to_string());
    let r = vm.call_method(&buffer, "readable", &[])?;
    t.readable.set(vm.is_true(&r)?);
    let w = vm.call_method(&buffer, "writable", &[])?;
    t.writable.set(vm.is_true(&w)?);
    set_codec(vm, t, &encoding, &errors)?;
    let s = vm.call_method(&buffer, "seekable", &[])?;
    let seekable = vm.is_true(&s)?;
    t.seekable.set(seekable);
    t.telling.set(seekable);
    t.line_buffering.set(line_buffering);
    t.write_through.set(write_through);
    t.decoded.borrow_mut().clear();
    t.dpos.set(0);
    t.pending.borrow_mut().clear();
    t.pendingcr.set(false);
    *t.snapshot.borrow_mut() = None;
    *t.buffer.borrow_mut() = buffer;
    t.ok.set(true);
    Ok(())
}

fn text_of(vm: &mut Vm, v: &Value) -> PyResult<&'static Text> {
    match v.native_ref::<Text>() {
        // SAFETY: the reference lives as long as `v`, which the caller holds
        // for the whole call; 'static only spares lifetime plumbing here.
        Some(t) => Ok(unsafe { &*(t as *const Text) }),
        None => Err(vm.type_error("descriptor requires a '_io.TextIOWrapper' object")),
    }
}

/// The wrapper, initialized and not detached.
fn attached(vm: &mut Vm, v: &Value) -> PyResult<&'static Text> {
    let t = text_of(vm, v)?;
    if !t.ok.get() {
        if t.detached.get() {
            return Err(vm.value_error("underlying buffer has been detached"));
        }
        return Err(vm.value_error("I/O operation on uninitialized object"));
    }
    Ok(t)
}

fn this(vm: &mut Vm, args: &[Value]) -> PyResult<(Value, &'static Text)> {
    let s = self_of(vm, args)?;
    let t = attached(vm, &s)?;
    Ok((s, t))
}

fn buffer_attr(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Value> {
    let t = attached(vm, v)?;
    let b = t.buffer.borrow().clone();
    vm.getattr_str(&b, name)
}

fn buffer_call(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> {
    let (_, t) = this(vm, args)?;
    let b = t.buffer.borrow().clone();
    vm.call_method(&b, name, &[])
}

fn chunk_get(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::int(attached(vm, v)?.chunk_size.get() as i64))
}

fn chunk_set(vm: &mut Vm, v: &Value, val: Option<Value>) -> PyResult<()> {
    let t = attached(vm, v)?;
    let Some(val) = val else {
        return Err(vm.new_error(ExcKind::AttributeError, "cannot delete attribute"));
    };
    let n = vm.index_i64(&val)?;
    if n <= 0 {
        return Err(vm.value_error("a strictly positive integer is required"));
    }
    t.chunk_size.set(n as usize);
    Ok(())
}

fn text_closed(vm: &mut Vm, t: &Text) -> PyResult<bool> {
    let b = t.buffer.borrow().clone();
    // Plain buffered files and FileIO answer without attribute calls.
    if let Some(bf) = exact_buffered(&b) {
        if let Some(c) = bf.native_closed() {
            return Ok(c);
        }
    } else if !type_of(&b).has_flag(type_flags::HEAPTYPE) {
        if let Some(f) = b.native_ref::<super::fileio::FileIO>() {
            return Ok(f.fd() < 0);
        }
    }
    is_closed(vm, &b)
}

fn check_closed(vm: &mut Vm, t: &Text) -> PyResult<()> {
    if text_closed(vm, t)? {
        return Err(closed_error(vm));
    }
    Ok(())
}

fn text_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    // CPython names the class literally, subclasses included.
    let tn = "_io.TextIOWrapper";
    let Some(t) = v.native_ref::<Text>() else {
        return Ok(new_str(&format!("<{tn}>")));
    };
    if !t.ok.get() {
        return Ok(new_str(&format!("<{tn}>")));
    }
    if !vm.repr_enter(v) {
        let msg = format!("reentrant call inside {tn}.__repr__");
        return Err(vm.new_error(ExcKind::RuntimeError, msg));
    }
    let result = (|| -> PyResult<String> {
        let mut s = format!("<{tn}");
        for attr in ["name", "mode"] {
            match vm.lookup_attr(v, &crate::objects::str::intern(attr)) {
                Ok(Some(x)) => {
                    let r = vm.repr_string(&x)?;
                    s.push_str(&format!(" {attr}={r}"));
                }
                Ok(None) => {}
                Err(e) if e.is_instance(ExcKind::ValueError) => {}
                Err(e) => return Err(e),
            }
        }
        let enc = new_str(&t.encoding.borrow());
        let r = vm.repr_string(&enc)?;
        s.push_str(&format!(" encoding={r}>"));
        Ok(s)
    })();
    vm.repr_leave(v);
    Ok(new_str(&result?))
}

// ------------------------------------------------------------------ reading

/// Decodes bytes read from the buffer (newline processing included).
fn decode_bytes(vm: &mut Vm, t: &Text, input: &[u8], final_: bool) -> PyResult<Vec<u32>> {
    let cps = {
        let native = match &*t.codec.borrow() {
            Codec::Native(n) => Some(*n),
            Codec::Registry { .. } => None,
        };
        match native {
            Some(n) => {
                let errors = t.errors.borrow().clone();
                let mut data = std::mem::take(&mut *t.pending.borrow_mut());
                data.extend_from_slice(input);
                let (cps, used) = codec::decode(vm, n, &errors, &data, final_)?;
                *t.pending.borrow_mut() = data[used..].to_vec();
                cps
            }
            None => {
                let dec = match &*t.codec.borrow() {
                    Codec::Registry { decoder: Some(d), .. } => d.clone(),
                    _ => return Err(unsupported(vm, "not readable")),
                };
                codec::registry_decode(vm, &dec, input, final_)?
            }
        }
    };
    if t.readuniversal.get() {
        Ok(process_newlines(&t.pendingcr, &t.seennl, cps, t.readtranslate.get(), final_))
    } else {
        Ok(cps)
    }
}

fn buffer_read_bytes(vm: &mut Vm, t: &Text, n: Option<usize>) -> PyResult<Vec<u8>> {
    let b = t.buffer.borrow().clone();
    if let (Some(bf), Some(n)) = (exact_buffered(&b), n) {
        if bf.is_reader() {
            return super::buffered::read_chunk(vm, bf, n);
        }
    }
    let r = match n {
        Some(n) => match vm.lookup_attr(&b, &crate::objects::str::intern("read1"))? {
            Some(f) => vm.call1(&f, Value::int(n as i64))?,
            None => vm.call_method(&b, "read", &[Value::int(n as i64)])?,
        },
        None => vm.call_method(&b, "read", &[])?,
    };
    if r.is_none() {
        return Ok(Vec::new());
    }
    match r.downcast_ref::<BytesObject>() {
        Some(x) => Ok(x.data().to_vec()),
        None => {
            let what = if n.is_some() { "read1" } else { "read" };
            let msg = format!("underlying {what}() should have returned a bytes-like object, not '{}'", vm.type_name(&r));
            Err(vm.type_error(msg))
        }
    }
}

/// Reads and decodes the next chunk, replacing the (consumed) decoded
/// chars; false at end of file.
fn read_chunk(vm: &mut Vm, t: &Text) -> PyResult<bool> {
    let before = (t.pendingcr.get(), t.pending.borrow().clone());
    let input = buffer_read_bytes(vm, t, Some(t.chunk_size.get()))?;
    let eof = input.is_empty();
    let cps = decode_bytes(vm, t, &input, eof)?;
    let mut snap = before.1;
    snap.extend_from_slice(&input);
    *t.snapshot.borrow_mut() = Some((before.0, snap));
    *t.decoded.borrow_mut() = cps;
    t.dpos.set(0);
    Ok(!eof)
}

fn take_decoded(t: &Text, n: usize) -> Vec<u32> {
    let d = t.decoded.borrow();
    let p = t.dpos.get().min(d.len());
    let k = n.min(d.len() - p);
    t.dpos.set(p + k);
    d[p..p + k].to_vec()
}

fn check_readable(vm: &mut Vm, t: &Text) -> PyResult<()> {
    check_closed(vm, t)?;
    let has_decoder = match &*t.codec.borrow() {
        Codec::Native(_) => t.readable.get(),
        Codec::Registry { decoder, .. } => decoder.is_some(),
    };
    if !has_decoder {
        return Err(unsupported(vm, "not readable"));
    }
    writeflush(vm, t)
}

/// Passes the pending encoded text to the buffer.
fn writeflush(vm: &mut Vm, t: &Text) -> PyResult<()> {
    if t.wpending.borrow().is_empty() {
        return Ok(());
    }
    let data = std::mem::take(&mut *t.wpending.borrow_mut());
    buffer_write(vm, t, &data)
}

/// sys.stdout as made at start-up, writing into the Vm's buffers.
fn is_std_stdout(t: &Text) -> bool {
    is_std_stream(t, 1)
}

fn is_std_stream(t: &Text, fd: i32) -> bool {
    if t.std_fd.get() != fd || !t.ok.get() {
        return false;
    }
    let b = t.buffer.borrow();
    exact_buffered(&b).is_some_and(|bf| bf.std_fd() == fd)
        || b.native_ref::<super::fileio::FileIO>().is_some_and(|f| f.fd() == fd)
}

fn text_read(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "read", args, kw, &["self", "size"], 2, 1)?;
    let (_, t) = this(vm, args)?;
    let n = size_arg(vm, a[1].as_ref())?;
    check_readable(vm, t)?;
    if n < 0 {
        let rest = take_decoded(t, usize::MAX);
        let input = buffer_read_bytes(vm, t, None)?;
        let more = decode_bytes(vm, t, &input, true)?;
        *t.snapshot.borrow_mut() = None;
        t.decoded.borrow_mut().clear();
        t.dpos.set(0);
        let mut out = rest;
        out.extend(more);
        return Ok(crate::objects::str::new_str_from_cps(&out));
    }
    let n = n as usize;
    let mut out = take_decoded(t, n);
    while out.len() < n {
        let more = read_chunk(vm, t)?;
        out.extend(take_decoded(t, n - out.len()));
        if !more {
            break;
        }
    }
    Ok(crate::objects::str::new_str_from_cps(&out))
}

/// Index just past the line ending in `line[start..]`, if there is one.
fn find_line_end(t: &Text, line: &[u32], start: usize) -> Option<usize> {
    if t.readtranslate.get() {
        return line[start..].iter().position(|&c| c == LF).map(|i| start + i + 1);
    }
    if t.readuniversal.get() {
        for i in start..line.len() {
            match line[i] {
                LF => return Some(i + 1),
                CR => {
                    if line.get(i + 1) == Some(&LF) {
                        return Some(i + 2);
                    }
                    return Some(i + 1);
                }
                _ => {}
            }
        }
        return None;
    }
    let nl = t.readnl.borrow();
    if nl.len() == 1 {
        return line[start..].iter().position(|&c| c == nl[0]).map(|i| start + i + 1);
    }
    let k = nl.len();
    (start..line.len().saturating_sub(k - 1)).find(|&i| line[i..i + k] == nl[..]).map(|i| i + k)
}

fn readline_cps(vm: &mut Vm, t: &Text, limit: i64) -> PyResult<Vec<u32>> {
    let mut line = take_decoded(t, usize::MAX);
    let mut start = 0;
    loop {
        if let Some(end) = find_line_end(t, &line, start) {
            let end = if limit >= 0 { end.min(limit as usize) } else { end };
            give_back(t, line.len() - end);
            line.truncate(end);
            return Ok(line);
        }
        if limit >= 0 && line.len() >= limit as usize {
            give_back(t, line.len() - limit as usize);
            line.truncate(limit as usize);
            return Ok(line);
        }
        start = line.len().saturating_sub(t.readnl.borrow().len().max(1) - 1);
        let more = read_chunk(vm, t)?;
        line.extend(take_decoded(t, usize::MAX));
        if !more {
            if let Some(end) = find_line_end(t, &line, start) {
                let end = if limit >= 0 { end.min(limit as usize) } else { end };
                give_back(t, line.len() - end);
                line.truncate(end);
            } else if limit >= 0 && line.len() > limit as usize {
                give_back(t, line.len() - limit as usize);
                line.truncate(limit as usize);
            }
            return Ok(line);
        }
    }
}

/// Un-consumes the last `n` chars taken (they are a suffix of `decoded`).
fn give_back(t: &Text, n: usize) {
    t.dpos.set(t.dpos.get().saturating_sub(n));
}

fn text_readline(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "readline", args, kw, &["self", "size"], 2, 1)?;
    let (_, t) = this(vm, args)?;
    let limit = match given(&a, 1) {
        None => -1,
        Some(v) => {
            if crate::objects::int::as_int(v).is_none() {
                let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(v));
                return Err(vm.type_error(msg));
            }
            vm.index_i64(v)?
        }
    };
    check_readable(vm, t)?;
    let line = readline_cps(vm, t, limit)?;
    Ok(crate::objects::str::new_str_from_cps(&line))
}

fn text_iternext(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let t = attached(vm, v)?;
    t.telling.set(false);
    let line = if type_of(v).has_flag(type_flags::HEAPTYPE) {
        let l = vm.call_method(v, "readline", &[])?;
        if l.downcast_ref::<StrObject>().is_none() {
            let msg = format!("readline() should have returned a str object, not '{}'", vm.type_name(&l));
            return Err(vm.new_error(ExcKind::OSError, msg));
        }
        l
    } else {
        check_readable(vm, t)?;
        crate::objects::str::new_str_from_cps(&readline_cps(vm, t, -1)?)
    };
    if line.downcast_ref::<StrObject>().is_some_and(|s| s.is_empty()) {
        *t.snapshot.borrow_mut() = None;
        t.telling.set(t.seekable.get());
        return Ok(None);
    }
    Ok(Some(line))
}

// ------------------------------------------------------------------ writing

fn encode_text(vm: &mut Vm, t: &Text, s: &StrObject, cps: Option<&[u32]>) -> PyResult<Vec<u8>> {
    let native = match &*t.codec.borrow() {
        Codec::Native(n) => Some(*n),
        Codec::Registry { .. } => None,
    };
    match native {
        Some(Native::Utf8) if cps.is_none() => {
            if s.is_ascii() {
                return Ok(s.data().to_vec());
            }
            if s.to_utf8().is_some() {
                return Ok(s.to_generalized_utf8());
            }
            let errors = t.errors.borrow().clone();
            codec::encode(vm, Native::Utf8, &errors, &codec::str_cps(s))
        }
        Some(n) => {
            let errors = t.errors.borrow().clone();
            let owned;
            let cps = match cps {
                Some(c) => c,
                None => {
                    owned = codec::str_cps(s);
                    &owned
                }
            };
            codec::encode(vm, n, &errors, cps)
        }
        None => {
            let enc = match &*t.codec.borrow() {
                Codec::Registry { encoder: Some(e), .. } => e.clone(),
                _ => return Err(unsupported(vm, "not writable")),
            };
            let owned;
            let cps = match cps {
                Some(c) => c,
                None => {
                    owned = codec::str_cps(s);
                    &owned
                }
            };
            codec::registry_encode(vm, &enc, cps)
        }
    }
}

fn buffer_write(vm: &mut Vm, t: &Text, data: &[u8]) -> PyResult<()> {
    let b = t.buffer.borrow().clone();
    if let Some(bf) = exact_buffered(&b) {
        if bf.is_writer() {
            return super::buffered::write_bytes(vm, bf, data);
        }
    }
    vm.call_method(&b, "write", &[new_bytes(data)])?;
    Ok(())
}

fn text_write(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [_, text] = ArgSpec::exact::<2>(vm, "write", args, 1)?;
    let (_, t) = this(vm, args)?;
    let Some(s) = text.downcast_ref::<StrObject>() else {
        let msg = format!("write() argument must be str, not {}", vm.type_name(&text));
        return Err(vm.type_error(msg));
    };
    // sys.stdout's hot path: ASCII text straight into the Vm's text buffer.
    if s.is_ascii() && t.writenl.borrow().is_none() && is_std_stdout(t) && t.decoded.borrow().is_empty() {
        let native_utf8 = matches!(&*t.codec.borrow(), Codec::Native(Native::Utf8));
        if native_utf8 && !text_closed(vm, t)? {
            vm.write_stdout(s.data());
            return Ok(Value::int(s.len() as i64));
        }
    }
    check_closed(vm, t)?;
    let has_encoder = match &*t.codec.borrow() {
        Codec::Native(_) => t.writable.get(),
        Codec::Registry { encoder, .. } => encoder.is_some(),
    };
    if !has_encoder {
        return Err(unsupported(vm, "not writable"));
    }
    let has_lf = s.code_points().any(|c| c == LF);
    let writenl = t.writenl.borrow().clone();
    let translated: Option<Vec<u32>> = match (&writenl, has_lf) {
        (Some(nl), true) => {
            let mut out = Vec::with_capacity(s.len() + 8);
            for c in s.code_points() {
                if c == LF {
                    out.extend_from_slice(nl);
                } else {
                    out.push(c);
                }
            }
            Some(out)
        }
        _ => None,
    };
    let needflush = t.line_buffering.get() && (has_lf || s.code_points().any(|c| c == CR));
    let data = encode_text(vm, t, s, translated.as_deref())?;
    // Writing discards read-ahead, as CPython's does.
    if t.snapshot.borrow().is_some() || !t.decoded.borrow().is_empty() {
        t.decoded.borrow_mut().clear();
        t.dpos.set(0);
        *t.snapshot.borrow_mut() = None;
        reset_decoder(vm, t)?;
    }
    if is_std_stdout(t) {
        // The Vm applies the same pending/line-buffering policy.
        vm.write_stdout(&data);
        return Ok(Value::int(s.len() as i64));
    }
    if is_std_stream(t, 2) {
        // sys.stderr goes out at once, so that tracebacks and other
        // messages the VM writes directly stay in order with it.
        vm.write_stderr(&data);
        return Ok(Value::int(s.len() as i64));
    }
    let chunk = t.chunk_size.get();
    let full = {
        let p = t.wpending.borrow();
        !p.is_empty() && p.len() + data.len() > chunk
    };
    if full {
        writeflush(vm, t)?;
    }
    t.wpending.borrow_mut().extend_from_slice(&data);
    if t.wpending.borrow().len() >= chunk || needflush || t.write_through.get() {
        writeflush(vm, t)?;
    }
    if needflush {
        let b = t.buffer.borrow().clone();
        if let Some(bf) = exact_buffered(&b) {
            super::buffered::flush(vm, bf)?;
        } else {
            vm.call_method(&b, "flush", &[])?;
        }
    }
    Ok(Value::int(s.len() as i64))
}

/// TextIOWrapper.flush's work: pending text down, then the buffer's flush.
fn flush_buffer(vm: &mut Vm, t: &Text) -> PyResult<()> {
    if is_std_stdout(t) {
        vm.flush_stdout();
        return Ok(());
    }
    writeflush(vm, t)?;
    let b = t.buffer.borrow().clone();
    if let Some(bf) = exact_buffered(&b) {
        return super::buffered::flush(vm, bf);
    }
    vm.call_method(&b, "flush", &[])?;
    Ok(())
}

fn reset_decoder(vm: &mut Vm, t: &Text) -> PyResult<()> {
    t.pending.borrow_mut().clear();
    t.pendingcr.set(false);
    let dec = match &*t.codec.borrow() {
        Codec::Registry { decoder: Some(d), .. } => Some(d.clone()),
        _ => None,
    };
    if let Some(d) = dec {
        vm.call_method(&d, "reset", &[])?;
    }
    Ok(())
}

fn text_flush(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (_, t) = this(vm, args)?;
    check_closed(vm, t)?;
    t.telling.set(t.seekable.get());
    flush_buffer(vm, t)?;
    Ok(none())
}

fn text_close(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (s, t) = this(vm, args)?;
    if text_closed(vm, t)? {
        return Ok(none());
    }
    let flushed = vm.call_method(&s, "flush", &[]);
    let b = t.buffer.borrow().clone();
    let closed = vm.call_method(&b, "close", &[]);
    flushed?;
    closed?;
    Ok(none())
}

fn text_detach(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (s, t) = this(vm, args)?;
    vm.call_method(&s, "flush", &[])?;
    let b = t.buffer.borrow().clone();
    t.ok.set(false);
    t.detached.set(true);
    Ok(b)
}


// ------------------------------------------------------------------ tell/seek

fn cookie_value(start: i64, pendingcr: bool, skip: usize) -> Value {
    if !pendingcr && skip == 0 {
        return Value::int(start);
    }
    use num_bigint::BigInt;
    let c = BigInt::from(start) + (BigInt::from(pendingcr as u8) << 64) + (BigInt::from(skip) << 65);
    crate::objects::int::int_from_big(c)
}

fn text_tell(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (_, t) = this(vm, args)?;
    check_closed(vm, t)?;
    if !t.seekable.get() {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    if !t.telling.get() {
        return Err(vm.new_error(ExcKind::OSError, "telling position disabled by next() call"));
    }
    flush_buffer(vm, t)?;
    let b = t.buffer.borrow().clone();
    let pos = vm.call_method(&b, "tell", &[])?;
    let pos = vm.index_i64(&pos)?;
    let snap = t.snapshot.borrow().clone();
    let Some((pcr, input)) = snap else {
        return Ok(Value::int(pos));
    };
    let start = pos - input.len() as i64;
    let skip = t.dpos.get();
    if skip == 0 {
        return Ok(if pcr { Value::int(start - 1) } else { Value::int(start) });
    }
    let native = match &*t.codec.borrow() {
        Codec::Native(n) => Some(*n),
        Codec::Registry { .. } => None,
    };
    let Some(n) = native else {
        return Ok(cookie_value(start, pcr, skip));
    };
    // Bytes of `input` behind the first `skip` decoded chars.
    let mut used = 0usize;
    let mut chars = 0usize;
    if pcr {
        // The held-back '\r' was before `start`; with "\r\n" it takes the '\n' along.
        chars = 1;
        if t.readtranslate.get() && input.first() == Some(&b'\n') {
            used = 1;
        }
    }
    while chars < skip && used < input.len() {
        if t.readtranslate.get() && input[used] == b'\r' && input.get(used + 1) == Some(&b'\n') {
            used += 2;
        } else {
            used += codec::utf8_prefix_len(n, &input[used..], 1).max(1);
        }
        chars += 1;
    }
    Ok(Value::int(start + used as i64))
}

fn text_seek(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "seek", args, kw, &["self", "cookie", "whence"], 3, 2)?;
    let (s, t) = this(vm, args)?;
    let mut cookie = a[1].clone().unwrap_or_else(none);
    let whence = match &a[2] {
        None => 0,
        Some(w) => int_arg(vm, w)?,
    };
    check_closed(vm, t)?;
    if !t.seekable.get() {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    let is_zero = |v: &Value| crate::objects::int::as_int(v).and_then(|i| i.to_i64()) == Some(0);
    let b = t.buffer.borrow().clone();
    match whence {
        1 => {
            if !is_zero(&cookie) {
                return Err(unsupported(vm, "can't do nonzero cur-relative seeks"));
            }
            cookie = text_tell(vm, std::slice::from_ref(&s), None)?;
        }
        2 => {
            if !is_zero(&cookie) {
                return Err(unsupported(vm, "can't do nonzero end-relative seeks"));
            }
            vm.call_method(&s, "flush", &[])?;
            t.decoded.borrow_mut().clear();
            t.dpos.set(0);
            *t.snapshot.borrow_mut() = None;
            reset_decoder(vm, t)?;
            return vm.call_method(&b, "seek", &[Value::int(0), Value::int(2)]);
        }
        0 => {}
        w => return Err(vm.value_error(format!("invalid whence ({w}, should be 0, 1 or 2)"))),
    }
    let Some(ci) = crate::objects::int::as_int(&cookie) else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(&cookie));
        return Err(vm.type_error(msg));
    };
    let big = ci.to_bigint();
    use num_bigint::{BigInt, Sign};
    if big.sign() == Sign::Minus {
        let r = vm.repr_string(&cookie)?;
        return Err(vm.value_error(format!("negative seek position {r}")));
    }
    let mask = (BigInt::from(1u8) << 64) - 1;
    let start: i64 = (&big & &mask).try_into().unwrap_or(i64::MAX);
    let pcr = ((&big >> 64u32) & BigInt::from(1u8)) == BigInt::from(1u8);
    let skip: usize = (&big >> 65u32).try_into().unwrap_or(usize::MAX);
    vm.call_method(&s, "flush", &[])?;
    vm.call_method(&b, "seek", &[Value::int(start)])?;
    t.decoded.borrow_mut().clear();
    t.dpos.set(0);
    reset_decoder(vm, t)?;
    t.pendingcr.set(pcr);
    *t.snapshot.borrow_mut() = Some((pcr, Vec::new()));
    if skip > 0 {
        let input = buffer_read_bytes(vm, t, Some(t.chunk_size.get()))?;
        let eof = input.is_empty();
        let cps = decode_bytes(vm, t, &input, eof)?;
        *t.snapshot.borrow_mut() = Some((pcr, input));
        if cps.len() < skip {
            return Err(vm.new_error(ExcKind::OSError, "can't restore logical file position"));
        }
        *t.decoded.borrow_mut() = cps;
        t.dpos.set(skip);
    }
    Ok(cookie)
}

fn text_truncate(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "truncate", args, kw, &["self", "pos"], 2, 1)?;
    let (s, t) = this(vm, args)?;
    vm.call_method(&s, "flush", &[])?;
    let pos = match given(&a, 1) {
        Some(p) => p.clone(),
        None => vm.call_method(&s, "tell", &[])?,
    };
    let b = t.buffer.borrow().clone();
    vm.call_method(&b, "truncate", &[pos])
}

fn text_reconfigure(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(
        vm,
        "reconfigure",
        args,
        kw,
        &["self", "encoding", "errors", "newline", "line_buffering", "write_through"],
        1,
        1,
    )?;
    let (s, t) = this(vm, args)?;
    let encoding = opt_str(vm, a[1].as_ref(), "encoding")?;
    let errors = opt_str(vm, a[2].as_ref(), "errors")?;
    let newline_given = a[3].as_ref().is_some_and(|v| !v.is(&crate::objects::singletons::ellipsis()));
    let newline = if newline_given { opt_str(vm, a[3].as_ref(), "newline")? } else { None };
    let started = t.snapshot.borrow().is_some() || !t.decoded.borrow().is_empty();
    if started && (encoding.is_some() || newline_given) {
        return Err(unsupported(
            vm,
            "It is not possible to set the encoding or newline of stream after the first read",
        ));
    }
    let line_buffering = match given(&a, 4) {
        Some(v) => Some(vm.is_true(v)?),
        None => None,
    };
    let write_through = match given(&a, 5) {
        Some(v) => Some(vm.is_true(v)?),
        None => None,
    };
    vm.call_method(&s, "flush", &[])?;
    if encoding.is_some() || errors.is_some() {
        let enc = match encoding.as_deref() {
            Some("locale") => "UTF-8".to_string(),
            Some(e) => e.to_string(),
            None => t.encoding.borrow().clone(),
        };
        let err = match (&encoding, errors) {
            (_, Some(e)) => e,
            (Some(_), None) => "strict".to_string(),
            (None, None) => t.errors.borrow().clone(),
        };
        set_codec(vm, t, &enc, &err)?;
    }
    if newline_given {
        set_newline(vm, t, newline.as_deref())?;
    }
    if let Some(lb) = line_buffering {
        t.line_buffering.set(lb);
    }
    if let Some(wt) = write_through {
        t.write_through.set(wt);
    }
    if is_std_stdout(t) {
        vm.stdout_buffers().line_buffered = t.line_buffering.get();
        vm.stdout_buffers().write_through = t.write_through.get();
    }
    Ok(none())
}

// ------------------------------------------------------------------ std streams

/// A TextIOWrapper made at start-up for a standard stream.
pub(crate) fn new_std_text(
    vm: &mut Vm,
    buffer: Value,
    fd: i32,
    errors: &str,
    line_buffering: bool,
    write_through: bool,
) -> PyResult<Value> {
    init_types();
    let Some(ty) = TEXTIOWRAPPER.get() else {
        return Ok(none());
    };
    let v = new_native(ty, empty_text());
    if let Some(t) = v.native_ref::<Text>() {
        t.readable.set(fd == 0);
        t.writable.set(fd != 0);
        *t.encoding.borrow_mut() = "utf-8".to_string();
        *t.errors.borrow_mut() = errors.to_string();
        t.line_buffering.set(line_buffering);
        t.write_through.set(write_through);
        // SAFETY: plain syscall on a standard descriptor.
        let seekable = unsafe { libc::lseek(fd, 0, libc::SEEK_CUR) } >= 0;
        t.seekable.set(seekable);
        t.telling.set(seekable);
        t.std_fd.set(if fd == 0 { 0 } else { fd });
        *t.buffer.borrow_mut() = buffer;
        t.ok.set(true);
    }
    let mode = crate::objects::str::intern("mode");
    crate::attr::instance_set(vm, &v, &mode, Some(new_str(if fd == 0 { "r" } else { "w" })))?;
    Ok(v)
}

/// print()'s fast path: `v` is the start-up sys.stdout, still writing
/// UTF-8 straight to the VM's stdout buffer. Returns its error handler.
pub(crate) fn fast_stdout_errors(v: &Value) -> Option<bool> {
    if type_of(v).has_flag(type_flags::HEAPTYPE) {
        return None;
    }
    let t = v.native_ref::<Text>()?;
    if t.std_fd.get() != 1 || !t.ok.get() || t.writenl.borrow().is_some() {
        return None;
    }
    if !matches!(&*t.codec.borrow(), Codec::Native(Native::Utf8)) {
        return None;
    }
    if !is_std_stdout(t) {
        return None;
    }
    match t.errors.borrow().as_str() {
        "strict" => Some(false),
        "surrogateescape" => Some(true),
        _ => None,
    }
}


// ------------------------------------------------------------------ IncrementalNewlineDecoder

struct NlDecoder {
    decoder: RefCell<Value>,
    translate: Cell<bool>,
    pendingcr: Cell<bool>,
    seennl: Cell<u8>,
    ok: Cell<bool>,
}

impl NativeData for NlDecoder {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(d) = self.decoder.try_borrow() {
            visit(&d);
        }
    }
}

fn nld(vm: &mut Vm, v: &Value) -> PyResult<&'static NlDecoder> {
    match v.native_ref::<NlDecoder>() {
        Some(d) if d.ok.get() => Ok(unsafe { &*(d as *const NlDecoder) }),
        // SAFETY (above): the caller holds `v` for the whole call.
        Some(_) => Err(vm.value_error("IncrementalNewlineDecoder.__init__() not called")),
        None => Err(vm.type_error("descriptor requires an IncrementalNewlineDecoder")),
    }
}

fn nld_new(vm: &mut Vm, cls: &Value, _a: &[Value], _k: KwNames) -> PyResult<Value> {
    let t = cls_type(vm, cls)?;
    Ok(new_native(
        t,
        NlDecoder {
            decoder: RefCell::new(none()),
            translate: Cell::new(false),
            pendingcr: Cell::new(false),
            seennl: Cell::new(0),
            ok: Cell::new(false),
        },
    ))
}

fn nld_init(vm: &mut Vm, obj: &Value, args: &[Value], kw: KwNames) -> PyResult<()> {
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(obj.clone());
    full.extend_from_slice(args);
    let a = ArgSpec::parse(vm, "IncrementalNewlineDecoder", &full, kw, &["self", "decoder", "translate", "errors"], 4, 3)?;
    let Some(d) = obj.native_ref::<NlDecoder>() else {
        return Err(vm.type_error("not an IncrementalNewlineDecoder"));
    };
    *d.decoder.borrow_mut() = a[1].clone().unwrap_or_else(none);
    let tr = a[2].clone().unwrap_or_else(none);
    d.translate.set(vm.is_true(&tr)?);
    d.pendingcr.set(false);
    d.seennl.set(0);
    d.ok.set(true);
    Ok(())
}

fn nld_decode(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "decode", args, kw, &["self", "input", "final"], 3, 2)?;
    let s = self_of(vm, args)?;
    let d = nld(vm, &s)?;
    let input = a[1].clone().unwrap_or_else(none);
    let final_ = match &a[2] {
        Some(f) => vm.is_true(f)?,
        None => false,
    };
    let inner = d.decoder.borrow().clone();
    let out = if inner.is_none() {
        input
    } else {
        vm.call_method(&inner, "decode", &[input, Value::bool(final_)])?
    };
    let Some(so) = out.downcast_ref::<StrObject>() else {
        let msg = format!("decoder should return a string result, not '{}'", vm.type_name(&out));
        return Err(vm.type_error(msg));
    };
    let cps = codec::str_cps(so);
    let r = process_newlines(&d.pendingcr, &d.seennl, cps, d.translate.get(), final_);
    Ok(crate::objects::str::new_str_from_cps(&r))
}

fn nld_getstate(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let s = self_of(vm, args)?;
    let d = nld(vm, &s)?;
    let inner = d.decoder.borrow().clone();
    let (buf, mut flag) = if inner.is_none() {
        (new_bytes(b""), 0i64)
    } else {
        let st = vm.call_method(&inner, "getstate", &[])?;
        let items = match st.downcast_ref::<crate::objects::tuple::TupleObject>() {
            Some(t) if t.len() == 2 => t.items().to_vec(),
            _ => return Err(vm.type_error("illegal decoder state")),
        };
        let f = vm.index_i64(&items[1])?;
        (items[0].clone(), f)
    };
    flag = (flag << 1) | d.pendingcr.get() as i64;
    Ok(new_tuple(vec![buf, Value::int(flag)]))
}

fn nld_setstate(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [s, state] = ArgSpec::exact::<2>(vm, "setstate", args, 1)?;
    let d = nld(vm, &s)?;
    let items = match state.downcast_ref::<crate::objects::tuple::TupleObject>() {
        Some(t) if t.len() == 2 => t.items().to_vec(),
        _ => return Err(vm.type_error("state argument must be a tuple")),
    };
    let flag = vm.index_i64(&items[1])?;
    d.pendingcr.set(flag & 1 != 0);
    let inner = d.decoder.borrow().clone();
    if !inner.is_none() {
        vm.call_method(&inner, "setstate", &[new_tuple(vec![items[0].clone(), Value::int(flag >> 1)])])?;
    }
    Ok(none())
}

fn nld_reset(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let s = self_of(vm, args)?;
    let d = nld(vm, &s)?;
    d.seennl.set(0);
    d.pendingcr.set(false);
    let inner = d.decoder.borrow().clone();
    if !inner.is_none() {
        vm.call_method(&inner, "reset", &[])?;
    }
    Ok(none())
}
