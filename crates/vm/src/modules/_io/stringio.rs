//! `_io.StringIO`: an in-memory text stream of code points.

use super::*;
use std::cell::{Cell, RefCell};

pub(crate) static STRINGIO: NativeType = NativeType::new();

const CR: u32 = b'\r' as u32;
const LF: u32 = b'\n' as u32;

struct StringIO {
    ok: Cell<bool>,
    closed: Cell<bool>,
    buf: RefCell<Vec<u32>>,
    pos: Cell<usize>,
    readuniversal: Cell<bool>,
    readtranslate: Cell<bool>,
    readnl: RefCell<Vec<u32>>,
    writenl: RefCell<Option<Vec<u32>>>,
    pendingcr: Cell<bool>,
    seennl: Cell<u8>,
}

impl NativeData for StringIO {}

pub(crate) fn init_type() {
    make_type(
        &STRINGIO,
        "StringIO",
        TEXTIOBASE.storage(),
        |s| {
            s.new = Some(sio_new);
            s.init = Some(sio_init);
            s.iternext = Some(sio_iternext);
        },
        &[
            ("getvalue", sio_getvalue),
            ("read", sio_read),
            ("readline", sio_readline),
            ("write", sio_write),
            ("seek", sio_seek),
            ("tell", sio_tell),
            ("truncate", sio_truncate),
            ("close", sio_close),
            ("readable", sio_true),
            ("writable", sio_true),
            ("seekable", sio_true),
        ],
        &[
            ("closed", |vm, v| Ok(Value::bool(get(vm, v)?.closed.get())), None),
            ("line_buffering", |vm, v| {
                open_state(vm, v)?;
                Ok(Value::bool(false))
            }, None),
            ("newlines", sio_newlines, None),
        ],
    );
}

fn sio_new(vm: &mut Vm, cls: &Value, _a: &[Value], _k: KwNames) -> PyResult<Value> {
    let t = cls_type(vm, cls)?;
    Ok(new_native(
        t,
        StringIO {
            ok: Cell::new(false),
            closed: Cell::new(false),
            buf: RefCell::new(Vec::new()),
            pos: Cell::new(0),
            readuniversal: Cell::new(false),
            readtranslate: Cell::new(false),
            readnl: RefCell::new(vec![LF]),
            writenl: RefCell::new(None),
            pendingcr: Cell::new(false),
            seennl: Cell::new(0),
        },
    ))
}

fn get<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a StringIO> {
    match v.native_ref::<StringIO>() {
        Some(s) if s.ok.get() => Ok(s),
        Some(_) => Err(vm.value_error("I/O operation on uninitialized object")),
        None => Err(vm.type_error("descriptor requires a '_io.StringIO' object")),
    }
}

fn open_state<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a StringIO> {
    let s = get(vm, v)?;
    if s.closed.get() {
        return Err(vm.value_error("I/O operation on closed file"));
    }
    Ok(s)
}

fn this<'a>(vm: &mut Vm, args: &'a [Value]) -> PyResult<&'a StringIO> {
    match args.first() {
        Some(v) => open_state(vm, v),
        None => Err(vm.type_error("descriptor needs an argument")),
    }
}

fn sio_init(vm: &mut Vm, obj: &Value, args: &[Value], kw: KwNames) -> PyResult<()> {
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(obj.clone());
    full.extend_from_slice(args);
    let a = ArgSpec::parse(vm, "StringIO", &full, kw, &["self", "initial_value", "newline"], 3, 1)?;
    let Some(s) = obj.native_ref::<StringIO>() else {
        return Err(vm.type_error("not a StringIO"));
    };
    let newline: Option<Vec<u32>> = match &a[2] {
        None => Some(vec![LF]),
        Some(v) if v.is_none() => None,
        Some(v) => match v.downcast_ref::<StrObject>() {
            Some(x) => Some(x.code_points().collect()),
            None => {
                let msg = format!("newline must be str or None, not {}", vm.type_name(v));
                return Err(vm.type_error(msg));
            }
        },
    };
    if let Some(nl) = &newline {
        if !matches!(nl.as_slice(), [] | [LF] | [CR] | [CR, LF]) {
            let r = vm.repr_string(a[2].as_ref().unwrap_or(&none()))?;
            return Err(vm.value_error(format!("illegal newline value: {r}")));
        }
    }
    let initial = match given(&a, 1) {
        None => None,
        Some(v) => match v.downcast_ref::<StrObject>() {
            Some(x) => Some(super::codec::str_cps(x)),
            None => {
                let msg = format!("initial_value must be str or None, not {}", vm.type_name(v));
                return Err(vm.type_error(msg));
            }
        },
    };
    s.readuniversal.set(matches!(newline.as_deref(), None | Some([])));
    s.readtranslate.set(newline.is_none());
    *s.readnl.borrow_mut() = match &newline {
        Some(nl) if !nl.is_empty() => nl.clone(),
        _ => vec![LF],
    };
    *s.writenl.borrow_mut() = match newline.as_deref() {
        Some([CR]) => Some(vec![CR]),
        Some([CR, LF]) => Some(vec![CR, LF]),
        _ => None,
    };
    s.buf.borrow_mut().clear();
    s.pos.set(0);
    s.closed.set(false);
    s.pendingcr.set(false);
    s.seennl.set(0);
    s.ok.set(true);
    if let Some(init) = initial {
        if write_cps(s, init).is_none() {
            return Err(vm.new_error(ExcKind::MemoryError, ""));
        }
        s.pos.set(0);
    }
    Ok(())
}

/// Newline translation on write, then the write at the current position.
/// None when the buffer cannot grow that far (MemoryError).
fn write_cps(s: &StringIO, mut cps: Vec<u32>) -> Option<usize> {
    let n = cps.len();
    if s.readuniversal.get() {
        // CPython feeds writes through an IncrementalNewlineDecoder(final=True).
        let mut seen = s.seennl.get();
        let translate = s.readtranslate.get();
        let mut out = Vec::with_capacity(cps.len());
        let mut i = 0;
        while i < cps.len() {
            let c = cps[i];
            if c == CR && cps.get(i + 1) == Some(&LF) {
                seen |= 4;
                if translate {
                    out.push(LF);
                } else {
                    out.extend_from_slice(&[CR, LF]);
                }
                i += 2;
                continue;
            }
            if c == CR {
                seen |= 1;
                out.push(if translate { LF } else { CR });
            } else {
                if c == LF {
                    seen |= 2;
                }
                out.push(c);
            }
            i += 1;
        }
        s.seennl.set(seen);
        cps = out;
    }
    if let Some(nl) = &*s.writenl.borrow() {
        if cps.contains(&LF) {
            let mut out = Vec::with_capacity(cps.len() + 8);
            for c in cps {
                if c == LF {
                    out.extend_from_slice(nl);
                } else {
                    out.push(c);
                }
            }
            cps = out;
        }
    }
    let mut buf = s.buf.borrow_mut();
    let pos = s.pos.get();
    let need = pos.saturating_add(cps.len()).saturating_sub(buf.len());
    if need > 0 && buf.try_reserve(need).is_err() {
        return None;
    }
    if pos > buf.len() {
        buf.resize(pos, 0);
    }
    let end = pos + cps.len();
    let overlap = end.min(buf.len()) - pos;
    buf[pos..pos + overlap].copy_from_slice(&cps[..overlap]);
    buf.extend_from_slice(&cps[overlap..]);
    s.pos.set(end);
    Some(n)
}

fn sio_getvalue(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let s = this(vm, args)?;
    Ok(crate::objects::str::new_str_from_cps(&s.buf.borrow()))
}

fn sio_read(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "read", args, kw, &["self", "size"], 2, 1)?;
    let n = size_arg(vm, a[1].as_ref())?;
    let s = this(vm, args)?;
    let buf = s.buf.borrow();
    let pos = s.pos.get().min(buf.len());
    let end = if n < 0 { buf.len() } else { pos.saturating_add(n as usize).min(buf.len()) };
    s.pos.set(s.pos.get().max(end));
    Ok(crate::objects::str::new_str_from_cps(&buf[pos..end]))
}

fn readline_cps(s: &StringIO, limit: i64) -> Vec<u32> {
    let buf = s.buf.borrow();
    let pos = s.pos.get();
    if pos >= buf.len() {
        return Vec::new();
    }
    let rest = &buf[pos..];
    let rest = if limit >= 0 { &rest[..rest.len().min(limit as usize)] } else { rest };
    let end = if s.readtranslate.get() {
        rest.iter().position(|&c| c == LF).map(|i| i + 1)
    } else if s.readuniversal.get() {
        rest.iter().position(|&c| c == LF || c == CR).map(|i| {
            if rest[i] == CR && rest.get(i + 1) == Some(&LF) {
                i + 2
            } else {
                i + 1
            }
        })
    } else {
        let nl = s.readnl.borrow();
        let k = nl.len();
        (0..rest.len().saturating_sub(k - 1)).find(|&i| rest[i..i + k] == nl[..]).map(|i| i + k)
    };
    let end = end.unwrap_or(rest.len());
    s.pos.set(pos + end);
    rest[..end].to_vec()
}

fn sio_readline(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "readline", args, kw, &["self", "size"], 2, 1)?;
    let n = size_arg(vm, a[1].as_ref())?;
    let s = this(vm, args)?;
    Ok(crate::objects::str::new_str_from_cps(&readline_cps(s, n)))
}

fn sio_iternext(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let line = if type_of(v).has_flag(type_flags::HEAPTYPE) {
        let l = vm.call_method(v, "readline", &[])?;
        if l.downcast_ref::<StrObject>().is_none() {
            let msg = format!("readline() should have returned a str object, not '{}'", vm.type_name(&l));
            return Err(vm.new_error(ExcKind::OSError, msg));
        }
        l
    } else {
        let s = open_state(vm, v)?;
        crate::objects::str::new_str_from_cps(&readline_cps(s, -1))
    };
    if line.downcast_ref::<StrObject>().is_some_and(|x| x.is_empty()) {
        return Ok(None);
    }
    Ok(Some(line))
}

fn sio_write(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [_, text] = ArgSpec::exact::<2>(vm, "write", args, 1)?;
    let Some(t) = text.downcast_ref::<StrObject>() else {
        let msg = format!("string argument expected, got '{}'", vm.type_name(&text));
        return Err(vm.type_error(msg));
    };
    let s = this(vm, args)?;
    if t.is_empty() {
        return Ok(Value::int(0));
    }
    let Some(n) = write_cps(s, super::codec::str_cps(t)) else {
        return Err(vm.new_error(ExcKind::MemoryError, ""));
    };
    Ok(Value::int(n as i64))
}

fn sio_seek(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "seek", args, kw, &["self", "pos", "whence"], 3, 2)?;
    let pos = a[1].clone().unwrap_or_else(none);
    let pos = int_arg(vm, &pos)?;
    let whence = match &a[2] {
        None => 0,
        Some(w) => int_arg(vm, w)?,
    };
    let s = this(vm, args)?;
    if !(0..=2).contains(&whence) {
        return Err(vm.value_error(format!("Invalid whence ({whence}, should be 0, 1 or 2)")));
    }
    if pos < 0 && whence == 0 {
        return Err(vm.value_error(format!("Negative seek position {pos}")));
    }
    if whence != 0 && pos != 0 {
        return Err(vm.new_error(ExcKind::OSError, "Can't do nonzero cur-relative seeks"));
    }
    let newpos = match whence {
        0 => pos as usize,
        1 => s.pos.get(),
        _ => s.buf.borrow().len(),
    };
    s.pos.set(newpos);
    Ok(Value::int(newpos as i64))
}

fn sio_tell(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let s = this(vm, args)?;
    Ok(Value::int(s.pos.get() as i64))
}

fn sio_truncate(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "truncate", args, kw, &["self", "pos"], 2, 1)?;
    let size = match given(&a, 1) {
        None => None,
        Some(v) => Some(int_arg(vm, v)?),
    };
    let s = this(vm, args)?;
    let size = size.unwrap_or(s.pos.get() as i64);
    if size < 0 {
        return Err(vm.value_error(format!("Negative size value {size}")));
    }
    let mut buf = s.buf.borrow_mut();
    if (size as usize) < buf.len() {
        buf.truncate(size as usize);
    }
    Ok(Value::int(size))
}

fn sio_close(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let Some(v) = args.first() else {
        return Err(vm.type_error("descriptor needs an argument"));
    };
    let s = get(vm, v)?;
    s.closed.set(true);
    s.buf.borrow_mut().clear();
    s.buf.borrow_mut().shrink_to_fit();
    Ok(none())
}

fn sio_true(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    this(vm, args)?;
    Ok(Value::bool(true))
}

fn sio_newlines(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let s = open_state(vm, v)?;
    if !s.readuniversal.get() {
        return Ok(none());
    }
    let seen = s.seennl.get();
    let names: Vec<Value> = [(1u8, "\r"), (2, "\n"), (4, "\r\n")]
        .iter()
        .filter(|(b, _)| seen & b != 0)
        .map(|(_, n)| new_str(n))
        .collect();
    Ok(match names.len() {
        0 => none(),
        1 => names.into_iter().next().unwrap_or_else(none),
        _ => new_tuple(names),
    })
}
