//! `_codecs`: the codec registry, the error handler registry, and the native
//! codecs that `Lib/encodings/*.py` call (utf-8/16/32, latin-1, ascii,
//! charmap, escape, unicode_escape, raw_unicode_escape), with CPython's
//! error handlers and UnicodeError messages.
//!
//! `str.encode` / `bytes.decode` come through [`encode`] / [`decode`]: the
//! common codecs run natively here; any other name goes through the registry
//! (which imports `encodings` on first use, as CPython's start-up does).
//!
//! The registries live in process-wide cells (CPython keeps them per
//! interpreter; pyrite runs one interpreter per process).

use crate::args::ArgSpec;
use crate::exception::{exc_type, exc_type_value, ExcKind, PyErr, PyResult};
use crate::gil::GilCell;
use crate::modules::ModuleBuilder;
use crate::objects::bytearray::ByteArrayObject;
use crate::objects::bytes::{new_bytes, BytesObject};
use crate::objects::dict::DictObject;
use crate::objects::int::as_int;
use crate::objects::memoryview::{bytes_like, require_bytes_like};
use crate::objects::singletons::none;
use crate::objects::str::{display_lossy, intern, new_str, new_str_from_cps, StrObject};
use crate::objects::tuple::{new_tuple, TupleObject};
use crate::typeobj::{type_of, KwNames};
use crate::value::Value;
use crate::vm::Vm;

// ---- registries ----

struct Registry {
    search: Vec<Value>,
    cache: Value,
    errors: Value,
}

static REGISTRY: GilCell<Option<Registry>> = GilCell::new(None);

fn registry() -> &'static mut Registry {
    // SAFETY: GIL held by every caller; callers copy out Values before
    // running Python code.
    unsafe {
        let r = REGISTRY.get_mut();
        if r.is_none() {
            *r = Some(Registry {
                search: Vec::new(),
                cache: DictObject::new_value(),
                errors: DictObject::new_value(),
            });
        }
        match r {
            Some(r) => r,
            None => unreachable!("registry initialized above"),
        }
    }
}

fn dict(v: &Value) -> &DictObject {
    match v.downcast_ref::<DictObject>() {
        Some(d) => d,
        None => unreachable!("registry tables are dicts"),
    }
}

/// CPython's `_Py_normalize_encoding`: lower-case, runs of punctuation
/// (other than '.') become one '_', leading punctuation dropped.
pub fn normalize_encoding(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            punct = false;
            out.push(c.to_ascii_lowercase());
        } else {
            punct = true;
        }
    }
    out
}

/// `codecs.lookup(name)`: the CodecInfo from the search functions (cached).
pub fn lookup(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let key = intern(&normalize_encoding(name));
    let cache = registry().cache.clone();
    if let Some(v) = dict(&cache).get_item(vm, &key)? {
        return Ok(v);
    }
    if registry().search.is_empty() {
        vm.import_absolute("encodings")?;
    }
    let funcs = registry().search.clone();
    if funcs.is_empty() {
        return Err(vm.new_error(
            ExcKind::LookupError,
            "no codec search functions registered: can't find encoding",
        ));
    }
    for f in funcs {
        let r = vm.call(&f, &[key.clone()], None)?;
        if r.is_none() {
            continue;
        }
        if r.downcast_ref::<TupleObject>().is_none_or(|t| t.len() != 4) {
            return Err(vm.type_error("codec search functions must return 4-tuples"));
        }
        dict(&cache).set_item(vm, key, r.clone())?;
        return Ok(r);
    }
    Err(vm.new_error(ExcKind::LookupError, format!("unknown encoding: {name}")))
}

/// The codec for `str.encode`/`bytes.decode`: refuses non-text codecs.
fn lookup_text(vm: &mut Vm, name: &str, alternate: &str) -> PyResult<Value> {
    let info = lookup(vm, name)?;
    if let Some(flag) = vm.lookup_attr(&info, &intern("_is_text_encoding"))? {
        if !vm.is_true(&flag)? {
            return Err(vm.new_error(
                ExcKind::LookupError,
                format!("'{name}' is not a text encoding; use {alternate} to handle arbitrary codecs"),
            ));
        }
    }
    Ok(info)
}

const BUILTIN_HANDLERS: [&str; 8] = [
    "strict",
    "ignore",
    "replace",
    "backslashreplace",
    "xmlcharrefreplace",
    "namereplace",
    "surrogateescape",
    "surrogatepass",
];

/// `codecs.lookup_error(name)`.
pub fn lookup_error(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let errs = registry().errors.clone();
    if let Some(h) = dict(&errs).get_item(vm, &new_str(name))? {
        return Ok(h);
    }
    if let Some(i) = BUILTIN_HANDLERS.iter().position(|h| *h == name) {
        let f = crate::objects::descr::new_builtin_function(HANDLER_NAMES[i], HANDLER_FNS[i], Some("_codecs"));
        dict(&errs).set_item(vm, new_str(name), f.clone())?;
        return Ok(f);
    }
    Err(vm.new_error(
        ExcKind::LookupError,
        format!("unknown error handler name '{name}'"),
    ))
}

// ---- UnicodeError objects ----

fn set_exc_attr(obj: &Value, name: &str, v: Value) {
    if let Some(d) = crate::attr::instance_dict(obj) {
        if let Some(dd) = d.downcast_ref::<DictObject>() {
            dd.insert_str_key(name, v);
        }
    }
}

fn get_exc_attr(obj: &Value, name: &str) -> Option<Value> {
    crate::attr::instance_get(obj, &intern(name))
}

fn unicode_error_init(vm: &mut Vm, obj: &Value, args: &[Value], kwnames: KwNames) -> PyResult<()> {
    if let Some(base_init) = exc_type(ExcKind::BaseException).slots().init {
        base_init(vm, obj, args, kwnames)?;
    }
    let t = type_of(obj);
    let (kind, obj_kind) = if t.is_subtype(exc_type(ExcKind::UnicodeEncodeError)) {
        (ExcKind::UnicodeEncodeError, "str")
    } else if t.is_subtype(exc_type(ExcKind::UnicodeDecodeError)) {
        (ExcKind::UnicodeDecodeError, "bytes")
    } else if t.is_subtype(exc_type(ExcKind::UnicodeTranslateError)) {
        (ExcKind::UnicodeTranslateError, "str")
    } else {
        return Ok(());
    };
    let (pos, _) = crate::args::split_kwargs(args, kwnames);
    let want = if kind == ExcKind::UnicodeTranslateError { 4 } else { 5 };
    if pos.len() != want {
        return Err(vm.type_error(format!(
            "function takes exactly {want} arguments ({} given)",
            pos.len()
        )));
    }
    let mut i = 0;
    let mut arg = |vm: &mut Vm, what: &str| -> PyResult<Value> {
        let v = pos[i].clone();
        i += 1;
        let ok = match what {
            "str" => v.downcast_ref::<StrObject>().is_some(),
            _ => true,
        };
        if !ok {
            return Err(vm.type_error(format!(
                "argument {i} must be {what}, not {}",
                vm.type_name(&v)
            )));
        }
        Ok(v)
    };
    let encoding = if kind != ExcKind::UnicodeTranslateError { Some(arg(vm, "str")?) } else { None };
    let object = if obj_kind == "bytes" {
        let v = arg(vm, "bytes-like")?;
        match bytes_like(vm, &v)? {
            Some(b) => new_bytes(&b),
            None => {
                let msg = format!("a bytes-like object is required, not '{}'", vm.type_name(&v));
                return Err(vm.type_error(msg));
            }
        }
    } else {
        arg(vm, "str")?
    };
    let start = arg(vm, "int")?;
    let start = vm.index(&start)?;
    let end = arg(vm, "int")?;
    let end = vm.index(&end)?;
    let reason = arg(vm, "str")?;
    set_exc_attr(obj, "encoding", encoding.unwrap_or_else(none));
    set_exc_attr(obj, "object", object);
    set_exc_attr(obj, "start", start);
    set_exc_attr(obj, "end", end);
    set_exc_attr(obj, "reason", reason);
    Ok(())
}

fn unicode_error_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = type_of(v);
    let (Some(object), Some(start), Some(end), Some(reason)) = (
        get_exc_attr(v, "object"),
        get_exc_attr(v, "start"),
        get_exc_attr(v, "end"),
        get_exc_attr(v, "reason"),
    ) else {
        return Ok(new_str(""));
    };
    let start = vm.index_i64(&start)?;
    let end = vm.index_i64(&end)?;
    let reason = vm.str_string(&reason)?;
    let encoding = match get_exc_attr(v, "encoding") {
        Some(e) if !e.is_none() => vm.str_string(&e)?,
        _ => String::new(),
    };
    let text = if t.is_subtype(exc_type(ExcKind::UnicodeDecodeError)) {
        let data = bytes_like(vm, &object)?.map(|b| b.into_owned()).unwrap_or_default();
        if start >= 0 && (start as usize) < data.len() && end == start + 1 {
            format!(
                "'{encoding}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
                data[start as usize]
            )
        } else {
            format!(
                "'{encoding}' codec can't decode bytes in position {start}-{}: {reason}",
                end - 1
            )
        }
    } else {
        let s = object.downcast_ref::<StrObject>();
        let len = s.map_or(0, |s| s.len());
        let translate = t.is_subtype(exc_type(ExcKind::UnicodeTranslateError));
        let what = if translate {
            "can't translate".to_string()
        } else {
            format!("'{encoding}' codec can't encode")
        };
        if let (Some(s), true) = (s, start >= 0 && (start as usize) < len && end == start + 1) {
            let c = s.get(start as usize);
            let ch = if c <= 0xff {
                format!("\\x{c:02x}")
            } else if c <= 0xffff {
                format!("\\u{c:04x}")
            } else {
                format!("\\U{c:08x}")
            };
            format!("{what} character '{ch}' in position {start}: {reason}")
        } else {
            format!("{what} characters in position {start}-{}: {reason}", end - 1)
        }
    };
    Ok(new_str(&text))
}

/// Gives the three UnicodeError subclasses their `__init__` and `__str__`.
pub(crate) fn init_unicode_errors() {
    for kind in [
        ExcKind::UnicodeEncodeError,
        ExcKind::UnicodeDecodeError,
        ExcKind::UnicodeTranslateError,
    ] {
        let t = exc_type(kind);
        let s = t.slots_mut();
        s.init = Some(unicode_error_init);
        s.str = Some(unicode_error_str);
        for a in ["encoding", "object", "start", "end", "reason"] {
            t.dict().insert_str_key(a, none());
        }
    }
}

fn make_encode_error(vm: &mut Vm, encoding: &str, s: &Value, start: usize, end: usize, reason: &str) -> PyResult<Value> {
    let args = [
        new_str(encoding),
        s.clone(),
        Value::int(start as i64),
        Value::int(end as i64),
        new_str(reason),
    ];
    vm.call(&exc_type_value(ExcKind::UnicodeEncodeError), &args, None)
}

fn make_decode_error(
    vm: &mut Vm,
    encoding: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> PyResult<Value> {
    let args = [
        new_str(encoding),
        new_bytes(data),
        Value::int(start as i64),
        Value::int(end as i64),
        new_str(reason),
    ];
    vm.call(&exc_type_value(ExcKind::UnicodeDecodeError), &args, None)
}

// ---- error handling ----

#[derive(Clone)]
enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    NameReplace,
    SurrogateEscape,
    SurrogatePass,
    Custom(Value),
}

/// The handler for `errors`, resolved when the first error happens (an
/// unknown name is only an error then, as in CPython).
fn resolve_handler(vm: &mut Vm, errors: &str) -> PyResult<Handler> {
    // A registered override of a builtin name wins.
    let errs = registry().errors.clone();
    let custom = dict(&errs).get_item(vm, &new_str(errors))?;
    if let Some(f) = custom {
        let builtin = f
            .downcast_ref::<crate::objects::descr::BuiltinFunction>()
            .is_some_and(|_| BUILTIN_HANDLERS.contains(&errors));
        if !builtin {
            return Ok(Handler::Custom(f));
        }
    }
    Ok(match errors {
        "strict" => Handler::Strict,
        "ignore" => Handler::Ignore,
        "replace" => Handler::Replace,
        "backslashreplace" => Handler::BackslashReplace,
        "xmlcharrefreplace" => Handler::XmlCharRefReplace,
        "namereplace" => Handler::NameReplace,
        "surrogateescape" => Handler::SurrogateEscape,
        "surrogatepass" => Handler::SurrogatePass,
        _ => Handler::Custom(lookup_error(vm, errors)?),
    })
}

/// Calls a Python error handler; gives (replacement, new position).
fn call_custom(vm: &mut Vm, f: &Value, exc: &Value, len: usize, encoding: bool) -> PyResult<(Value, usize)> {
    let r = vm.call(f, std::slice::from_ref(exc), None)?;
    let bad = || {
        if encoding {
            "encoding error handler must return (str/bytes, int) tuple"
        } else {
            "decoding error handler must return (str, int) tuple"
        }
    };
    let Some(t) = r.downcast_ref::<TupleObject>().filter(|t| t.len() == 2) else {
        return Err(vm.type_error(bad()));
    };
    let rep = t.items()[0].clone();
    let pos = t.items()[1].clone();
    let rep_ok = rep.downcast_ref::<StrObject>().is_some()
        || (encoding && rep.downcast_ref::<BytesObject>().is_some());
    if !rep_ok || as_int(&pos).is_none() {
        return Err(vm.type_error(bad()));
    }
    let p = vm.index_i64(&pos)?;
    let n = len as i64;
    let q = if p < 0 { p + n } else { p };
    if q < 0 || q > n {
        return Err(vm.new_error(
            ExcKind::IndexError,
            format!("position {p} from error handler out of bounds"),
        ));
    }
    Ok((rep, q as usize))
}

fn push_backslash_escape(out: &mut Vec<u32>, c: u32) {
    let s = if c <= 0xff {
        format!("\\x{c:02x}")
    } else if c <= 0xffff {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    };
    out.extend(s.chars().map(|c| c as u32));
}

// ---- encoders ----

#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    Utf8,
    Ascii,
    Latin1,
    Utf16 { le: bool, bom: bool },
    Utf32 { le: bool, bom: bool },
}

impl Unit {
    fn name(self) -> &'static str {
        match self {
            Unit::Utf8 => "utf-8",
            Unit::Ascii => "ascii",
            Unit::Latin1 => "latin-1",
            Unit::Utf16 { bom: true, .. } => "utf-16",
            Unit::Utf16 { le: true, .. } => "utf-16-le",
            Unit::Utf16 { .. } => "utf-16-be",
            Unit::Utf32 { bom: true, .. } => "utf-32",
            Unit::Utf32 { le: true, .. } => "utf-32-le",
            Unit::Utf32 { .. } => "utf-32-be",
        }
    }

    fn reason(self) -> &'static str {
        match self {
            Unit::Ascii => "ordinal not in range(128)",
            Unit::Latin1 => "ordinal not in range(256)",
            _ => "surrogates not allowed",
        }
    }

    fn is_utf(self) -> bool {
        !matches!(self, Unit::Ascii | Unit::Latin1)
    }

    fn can_encode(self, c: u32) -> bool {
        match self {
            Unit::Ascii => c < 0x80,
            Unit::Latin1 => c < 0x100,
            _ => !(0xD800..0xE000).contains(&c),
        }
    }

    /// Appends `c` (already checked, or a surrogate passed through).
    fn push(self, c: u32, out: &mut Vec<u8>) {
        match self {
            Unit::Ascii | Unit::Latin1 => out.push(c as u8),
            Unit::Utf8 => crate::objects::str::push_generalized_utf8(out, c),
            Unit::Utf16 { le, .. } => {
                let mut put = |u: u16| {
                    if le {
                        out.extend_from_slice(&u.to_le_bytes())
                    } else {
                        out.extend_from_slice(&u.to_be_bytes())
                    }
                };
                if c >= 0x10000 {
                    let v = c - 0x10000;
                    put(0xD800 | (v >> 10) as u16);
                    put(0xDC00 | (v & 0x3FF) as u16);
                } else {
                    put(c as u16);
                }
            }
            Unit::Utf32 { le, .. } => {
                if le {
                    out.extend_from_slice(&c.to_le_bytes())
                } else {
                    out.extend_from_slice(&c.to_be_bytes())
                }
            }
        }
    }
}

/// How one code point is encoded by a codec: the built-in units, or a
/// charmap (a mapping code point -> int / bytes / None).
enum Target<'a> {
    Unit(Unit),
    Charmap(&'a Value),
}

impl Target<'_> {
    fn name(&self) -> &'static str {
        match self {
            Target::Unit(u) => u.name(),
            Target::Charmap(_) => "charmap",
        }
    }

    fn reason(&self) -> &'static str {
        match self {
            Target::Unit(u) => u.reason(),
            Target::Charmap(_) => "character maps to <undefined>",
        }
    }

    /// Encodes `c` into `out`; false when the codec cannot.
    fn encode(&self, vm: &mut Vm, c: u32, out: &mut Vec<u8>) -> PyResult<bool> {
        match self {
            Target::Unit(u) => {
                if u.can_encode(c) {
                    u.push(c, out);
                    Ok(true)
                } else {
                    Ok(false)
                }
            }
            Target::Charmap(map) => charmap_encode_one(vm, map, c, out),
        }
    }
}

fn charmap_encode_one(vm: &mut Vm, map: &Value, c: u32, out: &mut Vec<u8>) -> PyResult<bool> {
    let r = match vm.getitem(map, &Value::int(c as i64)) {
        Ok(r) => r,
        Err(e) if e.is_instance(ExcKind::LookupError) => return Ok(false),
        Err(e) => return Err(e),
    };
    if r.is_none() {
        return Ok(false);
    }
    if let Some(i) = as_int(&r) {
        match i.to_i64().filter(|v| (0..256).contains(v)) {
            Some(v) => out.push(v as u8),
            None => return Err(vm.type_error("character mapping must be in range(256)")),
        }
        return Ok(true);
    }
    if let Some(b) = r.downcast_ref::<BytesObject>() {
        out.extend_from_slice(b.data());
        return Ok(true);
    }
    Err(vm.type_error("character mapping must return integer, bytes or None, not str"))
}

/// Encodes the code points of `s` with error handling.
fn encode_cps(vm: &mut Vm, s: &Value, target: &Target, errors: &str) -> PyResult<Vec<u8>> {
    let Some(so) = s.downcast_ref::<StrObject>() else {
        return Err(vm.type_error("expected str"));
    };
    let cps: Vec<u32> = so.code_points().collect();
    let mut out = Vec::with_capacity(cps.len());
    if let Target::Unit(u) = target {
        match u {
            Unit::Utf16 { bom: true, .. } => u.push(0xFEFF, &mut out),
            Unit::Utf32 { bom: true, .. } => u.push(0xFEFF, &mut out),
            _ => {}
        }
        // Fast path: everything encodable.
        if cps.iter().all(|&c| u.can_encode(c)) {
            for &c in &cps {
                u.push(c, &mut out);
            }
            return Ok(out);
        }
    }
    let n = cps.len();
    let mut handler: Option<Handler> = None;
    let mut i = 0;
    while i < n {
        if target.encode(vm, cps[i], &mut out)? {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        // UTF-16/32 report each surrogate alone; the others a whole run.
        let single = matches!(target, Target::Unit(Unit::Utf16 { .. } | Unit::Utf32 { .. }));
        let mut probe = Vec::new();
        while !single && j < n && !target.encode(vm, cps[j], &mut probe)? {
            j += 1;
        }
        let h = match &handler {
            Some(h) => h.clone(),
            None => {
                let h = resolve_handler(vm, errors)?;
                handler = Some(h.clone());
                h
            }
        };
        let raise = |vm: &mut Vm, a: usize, b: usize| -> PyErr {
            match make_encode_error(vm, target.name(), s, a, b, target.reason()) {
                Ok(e) => PyErr::new(e),
                Err(e) => e,
            }
        };
        let mut rep: Vec<u32> = Vec::new();
        match h {
            Handler::Strict => return Err(raise(vm, i, j)),
            Handler::Ignore => {}
            Handler::Replace => rep.extend(std::iter::repeat('?' as u32).take(j - i)),
            Handler::BackslashReplace | Handler::NameReplace => {
                for &c in &cps[i..j] {
                    push_backslash_escape(&mut rep, c);
                }
            }
            Handler::XmlCharRefReplace => {
                for &c in &cps[i..j] {
                    rep.extend(format!("&#{c};").chars().map(|c| c as u32));
                }
            }
            Handler::SurrogateEscape => {
                for (k, &c) in cps[i..j].iter().enumerate() {
                    if !(0xDC80..=0xDCFF).contains(&c) {
                        let _ = k;
                        return Err(raise(vm, i, j));
                    }
                    out.push((c - 0xDC00) as u8);
                }
            }
            Handler::SurrogatePass => {
                let Target::Unit(u) = target else {
                    return Err(raise(vm, i, j));
                };
                if !u.is_utf() {
                    return Err(raise(vm, i, j));
                }
                for (k, &c) in cps[i..j].iter().enumerate() {
                    if !(0xD800..0xE000).contains(&c) {
                        return Err(raise(vm, i + k, i + k + 1));
                    }
                    u.push(c, &mut out);
                }
            }
            Handler::Custom(f) => {
                let exc = make_encode_error(vm, target.name(), s, i, j, target.reason())?;
                let (r, newpos) = call_custom(vm, &f, &exc, n, true)?;
                if let Some(b) = r.downcast_ref::<BytesObject>() {
                    out.extend_from_slice(b.data());
                } else if let Some(rs) = r.downcast_ref::<StrObject>() {
                    for (k, c) in rs.code_points().enumerate() {
                        if !target.encode(vm, c, &mut out)? {
                            let _ = k;
                            return Err(raise(vm, i, j));
                        }
                    }
                }
                i = newpos;
                continue;
            }
        }
        for c in rep {
            if !target.encode(vm, c, &mut out)? {
                return Err(raise(vm, i, j));
            }
        }
        i = j;
    }
    Ok(out)
}

// ---- decoders ----

/// Shared state of a decode: the input, the error policy, the output.
struct Decoder<'a> {
    name: &'static str,
    data: &'a [u8],
    errors: &'a str,
    handler: Option<Handler>,
    out: Vec<u32>,
}

impl<'a> Decoder<'a> {
    fn new(name: &'static str, data: &'a [u8], errors: &'a str) -> Decoder<'a> {
        Decoder {
            name,
            data,
            errors,
            handler: None,
            out: Vec::with_capacity(data.len()),
        }
    }

    fn handler(&mut self, vm: &mut Vm) -> PyResult<Handler> {
        if let Some(h) = &self.handler {
            return Ok(h.clone());
        }
        let h = resolve_handler(vm, self.errors)?;
        self.handler = Some(h.clone());
        Ok(h)
    }

    fn raise(&self, vm: &mut Vm, start: usize, end: usize, reason: &str) -> PyErr {
        match make_decode_error(vm, self.name, self.data, start, end, reason) {
            Ok(e) => PyErr::new(e),
            Err(e) => e,
        }
    }

    /// Handles the undecodable bytes `start..end`; gives where to go on.
    /// (surrogatepass is each codec's business before calling this.)
    fn error(&mut self, vm: &mut Vm, start: usize, end: usize, reason: &str) -> PyResult<usize> {
        match self.handler(vm)? {
            Handler::Strict | Handler::SurrogatePass => Err(self.raise(vm, start, end, reason)),
            Handler::Ignore => Ok(end),
            Handler::Replace => {
                self.out.push(0xFFFD);
                Ok(end)
            }
            Handler::BackslashReplace => {
                for &b in &self.data[start..end] {
                    push_backslash_escape(&mut self.out, b as u32);
                }
                Ok(end)
            }
            Handler::SurrogateEscape => {
                let bytes = &self.data[start..end];
                if bytes.iter().any(|&b| b < 128) {
                    return Err(self.raise(vm, start, end, reason));
                }
                self.out.extend(bytes.iter().map(|&b| 0xDC00 + b as u32));
                Ok(end)
            }
            Handler::XmlCharRefReplace | Handler::NameReplace => Err(vm.type_error(
                "don't know how to handle UnicodeDecodeError in error callback",
            )),
            Handler::Custom(f) => {
                let exc = make_decode_error(vm, self.name, self.data, start, end, reason)?;
                let (r, newpos) = call_custom(vm, &f, &exc, self.data.len(), false)?;
                if let Some(rs) = r.downcast_ref::<StrObject>() {
                    self.out.extend(rs.code_points());
                }
                Ok(newpos)
            }
        }
    }

    fn surrogatepass(&mut self, vm: &mut Vm) -> PyResult<bool> {
        Ok(matches!(self.handler(vm)?, Handler::SurrogatePass))
    }

    fn finish(self) -> Value {
        new_str_from_cps(&self.out)
    }
}

/// UTF-8; gives the text and the number of bytes consumed (an incomplete
/// sequence at the end is left when not `final`).
fn decode_utf8(vm: &mut Vm, data: &[u8], errors: &str, final_: bool) -> PyResult<(Value, usize)> {
    if let Ok(s) = std::str::from_utf8(data) {
        return Ok((new_str(s), data.len()));
    }
    let mut d = Decoder::new("utf-8", data, errors);
    let mut pos = 0;
    while pos < data.len() {
        match std::str::from_utf8(&data[pos..]) {
            Ok(s) => {
                d.out.extend(s.chars().map(|c| c as u32));
                pos = data.len();
            }
            Err(e) => {
                let good = e.valid_up_to();
                // The prefix is valid UTF-8 (checked just above).
                if let Ok(s) = std::str::from_utf8(&data[pos..pos + good]) {
                    d.out.extend(s.chars().map(|c| c as u32));
                }
                pos += good;
                match e.error_len() {
                    None => {
                        if !final_ {
                            break;
                        }
                        pos = d.error(vm, pos, data.len(), "unexpected end of data")?;
                    }
                    Some(n) => {
                        let lead = data[pos];
                        // An encoded surrogate (ED A0..BF 80..BF) under surrogatepass.
                        if lead == 0xED
                            && data.get(pos + 1).is_some_and(|b| (0xA0..=0xBF).contains(b))
                            && data.get(pos + 2).is_some_and(|b| (0x80..=0xBF).contains(b))
                            && d.surrogatepass(vm)?
                        {
                            let c = 0xD000 | ((data[pos + 1] as u32 & 0x3F) << 6) | (data[pos + 2] as u32 & 0x3F);
                            d.out.push(c);
                            pos += 3;
                            continue;
                        }
                        let reason = if (0xC2..=0xF4).contains(&lead) {
                            "invalid continuation byte"
                        } else {
                            "invalid start byte"
                        };
                        pos = d.error(vm, pos, pos + n, reason)?;
                    }
                }
            }
        }
    }
    Ok((d.finish(), pos))
}

fn decode_ascii(vm: &mut Vm, data: &[u8], errors: &str) -> PyResult<Value> {
    if data.is_ascii() {
        // ASCII is valid UTF-8.
        return Ok(new_str(std::str::from_utf8(data).unwrap_or("")));
    }
    let mut d = Decoder::new("ascii", data, errors);
    let mut pos = 0;
    while pos < data.len() {
        let b = data[pos];
        if b < 0x80 {
            d.out.push(b as u32);
            pos += 1;
        } else {
            pos = d.error(vm, pos, pos + 1, "ordinal not in range(128)")?;
        }
    }
    Ok(d.finish())
}

fn decode_latin1(data: &[u8]) -> Value {
    if data.is_ascii() {
        // ASCII is valid UTF-8.
        return new_str(std::str::from_utf8(data).unwrap_or(""));
    }
    let cps: Vec<u32> = data.iter().map(|&b| b as u32).collect();
    new_str_from_cps(&cps)
}

/// UTF-16. `order`: 0 detects a BOM (little-endian without one), -1 little,
/// 1 big. Gives (text, consumed, detected order).
fn decode_utf16(vm: &mut Vm, data: &[u8], errors: &str, mut order: i32, final_: bool) -> PyResult<(Value, usize, i32)> {
    let mut d = Decoder::new("utf-16-le", data, errors);
    let mut pos = 0;
    if order == 0 && data.len() >= 2 {
        match (data[0], data[1]) {
            (0xFF, 0xFE) => {
                order = -1;
                pos = 2;
            }
            (0xFE, 0xFF) => {
                order = 1;
                pos = 2;
            }
            _ => {}
        }
    }
    let le = order <= 0;
    // Errors name the byte order actually used, as CPython's decoder does.
    d.name = if le { "utf-16-le" } else { "utf-16-be" };
    let unit = |i: usize| -> u16 {
        let pair = [data[i], data[i + 1]];
        if le {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    };
    while pos < data.len() {
        if data.len() - pos < 2 {
            if !final_ {
                break;
            }
            pos = d.error(vm, pos, data.len(), "truncated data")?;
            continue;
        }
        let u = unit(pos) as u32;
        if !(0xD800..0xE000).contains(&u) {
            d.out.push(u);
            pos += 2;
            continue;
        }
        if u >= 0xDC00 {
            if d.surrogatepass(vm)? {
                d.out.push(u);
                pos += 2;
                continue;
            }
            pos = d.error(vm, pos, pos + 2, "illegal encoding")?;
            continue;
        }
        if data.len() - pos < 4 {
            if !final_ {
                break;
            }
            if d.surrogatepass(vm)? && data.len() - pos >= 2 {
                d.out.push(u);
                pos += 2;
                continue;
            }
            pos = d.error(vm, pos, data.len(), "unexpected end of data")?;
            continue;
        }
        let u2 = unit(pos + 2) as u32;
        if (0xDC00..0xE000).contains(&u2) {
            d.out.push(0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00));
            pos += 4;
        } else if d.surrogatepass(vm)? {
            d.out.push(u);
            pos += 2;
        } else {
            pos = d.error(vm, pos, pos + 2, "illegal UTF-16 surrogate")?;
        }
    }
    Ok((d.finish(), pos, order))
}

fn decode_utf32(vm: &mut Vm, data: &[u8], errors: &str, mut order: i32, final_: bool) -> PyResult<(Value, usize, i32)> {
    let mut d = Decoder::new("utf-32-le", data, errors);
    let mut pos = 0;
    if order == 0 && data.len() >= 4 {
        if data[..4] == [0xFF, 0xFE, 0, 0] {
            order = -1;
            pos = 4;
        } else if data[..4] == [0, 0, 0xFE, 0xFF] {
            order = 1;
            pos = 4;
        }
    }
    let le = order <= 0;
    d.name = if le { "utf-32-le" } else { "utf-32-be" };
    while pos < data.len() {
        if data.len() - pos < 4 {
            if !final_ {
                break;
            }
            pos = d.error(vm, pos, data.len(), "truncated data")?;
            continue;
        }
        let quad = [data[pos], data[pos + 1], data[pos + 2], data[pos + 3]];
        let c = if le { u32::from_le_bytes(quad) } else { u32::from_be_bytes(quad) };
        if c > 0x10FFFF {
            pos = d.error(vm, pos, pos + 4, "code point not in range(0x110000)")?;
        } else if (0xD800..0xE000).contains(&c) && !d.surrogatepass(vm)? {
            pos = d.error(vm, pos, pos + 4, "code point in surrogate code point range(0xd800, 0xe000)")?;
        } else {
            d.out.push(c);
            pos += 4;
        }
    }
    Ok((d.finish(), pos, order))
}

fn charmap_decode_impl(vm: &mut Vm, data: &[u8], errors: &str, mapping: &Value) -> PyResult<Value> {
    if mapping.is_none() {
        return Ok(decode_latin1(data));
    }
    let table: Option<Vec<u32>> = mapping
        .downcast_ref::<StrObject>()
        .map(|s| s.code_points().collect());
    let mut d = Decoder::new("charmap", data, errors);
    let mut pos = 0;
    while pos < data.len() {
        let b = data[pos];
        let mapped: Option<Vec<u32>> = match &table {
            Some(t) => t.get(b as usize).copied().filter(|&c| c != 0xFFFE).map(|c| vec![c]),
            None => match vm.getitem(mapping, &Value::int(b as i64)) {
                Ok(r) if r.is_none() => None,
                Ok(r) => {
                    if let Some(i) = as_int(&r) {
                        match i.to_i64().filter(|v| (0..0x110000).contains(v)) {
                            Some(c) if c == 0xFFFE => None,
                            Some(c) => Some(vec![c as u32]),
                            None => return Err(vm.type_error("character mapping must be in range(0x110000)")),
                        }
                    } else if let Some(s) = r.downcast_ref::<StrObject>() {
                        let cps: Vec<u32> = s.code_points().collect();
                        if cps == [0xFFFE] {
                            None
                        } else {
                            Some(cps)
                        }
                    } else {
                        return Err(vm.type_error("character mapping must return integer, None or str"));
                    }
                }
                Err(e) if e.is_instance(ExcKind::LookupError) => None,
                Err(e) => return Err(e),
            },
        };
        match mapped {
            Some(cps) => {
                d.out.extend(cps);
                pos += 1;
            }
            None => pos = d.error(vm, pos, pos + 1, "character maps to <undefined>")?,
        }
    }
    Ok(d.finish())
}

// ---- escape codecs ----

fn escape_encode_bytes(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    for &b in data {
        match b {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\'' => out.extend_from_slice(b"\\'"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x20..=0x7e => out.push(b),
            _ => out.extend_from_slice(format!("\\x{b:02x}").as_bytes()),
        }
    }
    out
}

fn escape_decode_bytes(vm: &mut Vm, data: &[u8]) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    let n = data.len();
    while i < n {
        let b = data[i];
        if b != b'\\' {
            out.push(b);
            i += 1;
            continue;
        }
        i += 1;
        if i >= n {
            return Err(vm.value_error("Trailing \\ in string"));
        }
        let c = data[i];
        i += 1;
        match c {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b't' => out.push(b'\t'),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b'v' => out.push(11),
            b'a' => out.push(7),
            b'0'..=b'7' => {
                let mut v = (c - b'0') as u32;
                for _ in 0..2 {
                    match data.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push((v & 0xff) as u8);
            }
            b'x' => {
                let h = data.get(i).and_then(|&x| (x as char).to_digit(16));
                let l = data.get(i + 1).and_then(|&x| (x as char).to_digit(16));
                match (h, l) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => {
                        return Err(vm.value_error(format!("invalid \\x escape at position {}", i - 2)));
                    }
                }
            }
            _ => {
                out.push(b'\\');
                out.push(c);
            }
        }
    }
    Ok(out)
}

fn unicode_escape_encode_cps(s: &StrObject, raw: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.code_points() {
        if raw {
            if c < 0x100 {
                out.push(c as u8);
            } else if c < 0x10000 {
                out.extend_from_slice(format!("\\u{c:04x}").as_bytes());
            } else {
                out.extend_from_slice(format!("\\U{c:08x}").as_bytes());
            }
            continue;
        }
        match c {
            0x5c => out.extend_from_slice(b"\\\\"),
            0x09 => out.extend_from_slice(b"\\t"),
            0x0a => out.extend_from_slice(b"\\n"),
            0x0d => out.extend_from_slice(b"\\r"),
            0x20..=0x7e => out.push(c as u8),
            _ if c < 0x100 => out.extend_from_slice(format!("\\x{c:02x}").as_bytes()),
            _ if c < 0x10000 => out.extend_from_slice(format!("\\u{c:04x}").as_bytes()),
            _ => out.extend_from_slice(format!("\\U{c:08x}").as_bytes()),
        }
    }
    out
}

/// unicode_escape / raw_unicode_escape decoding; gives (text, consumed).
fn unicode_escape_decode_impl(vm: &mut Vm, data: &[u8], errors: &str, raw: bool, final_: bool) -> PyResult<(Value, usize)> {
    let name = if raw { "rawunicodeescape" } else { "unicodeescape" };
    let mut d = Decoder::new(name, data, errors);
    let n = data.len();
    let mut i = 0;
    while i < n {
        let b = data[i];
        if b != b'\\' {
            d.out.push(b as u32);
            i += 1;
            continue;
        }
        let start = i;
        if raw {
            // Only \u and \U preceded by an odd number of backslashes escape.
            let c = data.get(i + 1).copied();
            if !matches!(c, Some(b'u') | Some(b'U')) {
                d.out.push(b'\\' as u32);
                i += 1;
                if let Some(c) = c {
                    if c == b'\\' {
                        d.out.push(b'\\' as u32);
                        i += 1;
                    }
                }
                continue;
            }
        }
        if i + 1 >= n {
            if !final_ {
                break;
            }
            i = d.error(vm, start, n, "\\ at end of string")?;
            continue;
        }
        let c = data[i + 1];
        i += 2;
        let simple = match c {
            b'\n' if !raw => Some(None),
            b'\\' => Some(Some(b'\\' as u32)),
            b'\'' => Some(Some(b'\'' as u32)),
            b'"' => Some(Some(b'"' as u32)),
            b'b' => Some(Some(8)),
            b'f' => Some(Some(12)),
            b't' => Some(Some(9)),
            b'n' => Some(Some(10)),
            b'r' => Some(Some(13)),
            b'v' => Some(Some(11)),
            b'a' => Some(Some(7)),
            _ => None,
        };
        if let Some(v) = simple {
            d.out.extend(v);
            continue;
        }
        if (b'0'..=b'7').contains(&c) {
            let mut v = (c - b'0') as u32;
            for _ in 0..2 {
                match data.get(i) {
                    Some(&x @ b'0'..=b'7') => {
                        v = v * 8 + (x - b'0') as u32;
                        i += 1;
                    }
                    _ => break,
                }
            }
            d.out.push(v);
            continue;
        }
        let (digits, what) = match c {
            b'x' => (2, "truncated \\xXX escape"),
            b'u' => (4, "truncated \\uXXXX escape"),
            b'U' => (8, "truncated \\UXXXXXXXX escape"),
            b'N' => {
                i = d.error(vm, start, n.min(i + 1).max(i), "malformed \\N character escape")?;
                continue;
            }
            _ => {
                d.out.push(b'\\' as u32);
                d.out.push(c as u32);
                continue;
            }
        };
        let mut v: u32 = 0;
        let mut k = 0;
        while k < digits {
            match data.get(i + k).and_then(|&x| (x as char).to_digit(16)) {
                Some(h) => v = v * 16 + h,
                None => break,
            }
            k += 1;
        }
        if k < digits {
            if !final_ && i + k >= n {
                i = start;
                break;
            }
            i = d.error(vm, start, i + k, what)?;
            continue;
        }
        i += k;
        if v > 0x10FFFF {
            i = d.error(vm, start, i, "illegal Unicode character")?;
            continue;
        }
        d.out.push(v);
    }
    let consumed = i.min(n);
    Ok((d.finish(), consumed))
}

// ---- the entry points of str.encode / bytes.decode ----

/// The native codec behind a normalized name, if any.
fn native_unit(norm: &str) -> Option<Unit> {
    Some(match norm {
        "utf_8" | "utf8" => Unit::Utf8,
        "ascii" | "us_ascii" => Unit::Ascii,
        "latin1" | "latin_1" | "iso_8859_1" | "iso8859_1" => Unit::Latin1,
        "utf_16" | "utf16" => Unit::Utf16 { le: true, bom: true },
        "utf_16_le" | "utf_16le" => Unit::Utf16 { le: true, bom: false },
        "utf_16_be" | "utf_16be" => Unit::Utf16 { le: false, bom: false },
        "utf_32" | "utf32" => Unit::Utf32 { le: true, bom: true },
        "utf_32_le" | "utf_32le" => Unit::Utf32 { le: true, bom: false },
        "utf_32_be" | "utf_32be" => Unit::Utf32 { le: false, bom: false },
        _ => return None,
    })
}

/// The native codec of `name` without normalizing (no allocation) for the
/// usual spellings, else after CPython's normalization.
fn native_unit_of(name: &str) -> Option<Unit> {
    match name {
        "utf-8" | "utf8" | "UTF-8" => Some(Unit::Utf8),
        "ascii" => Some(Unit::Ascii),
        "latin-1" | "latin1" => Some(Unit::Latin1),
        _ => native_unit(&normalize_encoding(name)),
    }
}

/// `str.encode(encoding, errors)`.
pub fn encode(vm: &mut Vm, s: &Value, encoding: &str, errors: &str) -> PyResult<Value> {
    if let Some(u) = native_unit_of(encoding) {
        if let Some(so) = s.downcast_ref::<StrObject>() {
            // One-byte storage is Latin-1: ASCII text is its own encoding in
            // the ASCII-compatible codecs, and Latin-1 text in latin-1.
            let direct = match u {
                Unit::Utf8 | Unit::Ascii => so.is_ascii(),
                Unit::Latin1 => so.kind() == 1,
                _ => false,
            };
            if direct {
                return Ok(new_bytes(so.data()));
            }
        }
        if u == Unit::Utf8 {
            if let Some(so) = s.downcast_ref::<StrObject>() {
                if so.kind() == 1 {
                    // Latin-1 storage: each byte is one or two UTF-8 bytes.
                    let d = so.data();
                    let mut out = Vec::with_capacity(d.len() + d.iter().filter(|&&b| b >= 0x80).count());
                    for &b in d {
                        if b < 0x80 {
                            out.push(b);
                        } else {
                            out.push(0xC0 | (b >> 6));
                            out.push(0x80 | (b & 0x3F));
                        }
                    }
                    return Ok(crate::objects::bytes::new_bytes_from_vec(out));
                }
                if let Some(t) = so.to_utf8() {
                    return Ok(new_bytes(t.as_bytes()));
                }
            }
        }
        let out = encode_cps(vm, s, &Target::Unit(u), errors)?;
        return Ok(crate::objects::bytes::new_bytes_from_vec(out));
    }
    let info = lookup_text(vm, encoding, "codecs.encode()")?;
    let encoder = vm.getitem(&info, &Value::int(0))?;
    let r = vm.call(&encoder, &[s.clone(), new_str(errors)], None)?;
    let Some(t) = r.downcast_ref::<TupleObject>().filter(|t| t.len() == 2) else {
        return Err(vm.type_error("encoder must return a tuple (object, integer)"));
    };
    let v = t.items()[0].clone();
    if v.downcast_ref::<BytesObject>().is_some() {
        return Ok(v);
    }
    if let Some(ba) = v.downcast_ref::<ByteArrayObject>() {
        return Ok(new_bytes(ba.data()));
    }
    let msg = format!(
        "'{encoding}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
        vm.type_name(&v)
    );
    Err(vm.type_error(msg))
}

/// `bytes.decode(encoding, errors)`.
pub fn decode(vm: &mut Vm, data: &[u8], encoding: &str, errors: &str) -> PyResult<Value> {
    if let Some(u) = native_unit_of(encoding) {
        return Ok(match u {
            Unit::Utf8 => decode_utf8(vm, data, errors, true)?.0,
            Unit::Ascii => decode_ascii(vm, data, errors)?,
            Unit::Latin1 => decode_latin1(data),
            Unit::Utf16 { le, bom } => {
                let order = if bom { 0 } else if le { -1 } else { 1 };
                decode_utf16(vm, data, errors, order, true)?.0
            }
            Unit::Utf32 { le, bom } => {
                let order = if bom { 0 } else if le { -1 } else { 1 };
                decode_utf32(vm, data, errors, order, true)?.0
            }
        });
    }
    let info = lookup_text(vm, encoding, "codecs.decode()")?;
    let decoder = vm.getitem(&info, &Value::int(1))?;
    // Decoders get a memoryview of the data, as from CPython's PyUnicode_Decode.
    let view = crate::objects::memoryview::memoryview_of(vm, &new_bytes(data))?;
    let r = vm.call(&decoder, &[view, new_str(errors)], None)?;
    let Some(t) = r.downcast_ref::<TupleObject>().filter(|t| t.len() == 2) else {
        return Err(vm.type_error("decoder must return a tuple (object,integer)"));
    };
    let v = t.items()[0].clone();
    if v.downcast_ref::<StrObject>().is_none() {
        let msg = format!(
            "'{encoding}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
            vm.type_name(&v)
        );
        return Err(vm.type_error(msg));
    }
    Ok(v)
}

// ---- module functions ----

fn errors_arg(vm: &mut Vm, v: &Option<Value>) -> PyResult<String> {
    match v {
        None => Ok("strict".into()),
        Some(v) if v.is_none() => Ok("strict".into()),
        Some(v) => match v.downcast_ref::<StrObject>() {
            Some(s) => Ok(s.to_string_lossy()),
            None => {
                let msg = format!("argument 2 must be str or None, not {}", vm.type_name(v));
                Err(vm.type_error(msg))
            }
        },
    }
}

fn str_arg(vm: &mut Vm, fname: &str, v: &Option<Value>) -> PyResult<Value> {
    match v {
        Some(s) if s.downcast_ref::<StrObject>().is_some() => Ok(s.clone()),
        Some(s) => {
            let msg = format!("{fname}() argument 1 must be str, not {}", vm.type_name(s));
            Err(vm.type_error(msg))
        }
        None => Err(vm.type_error(format!("{fname}() missing required argument 'str' (pos 1)"))),
    }
}

fn final_arg(vm: &mut Vm, v: &Option<Value>) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(v) => vm.is_true(v),
    }
}

fn str_len(v: &Value) -> i64 {
    v.downcast_ref::<StrObject>().map_or(0, |s| s.len() as i64)
}

fn pair(a: Value, n: usize) -> Value {
    new_tuple(vec![a, Value::int(n as i64)])
}

fn unit_encode(vm: &mut Vm, args: &[Value], kw: KwNames, fname: &str, unit: Unit) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, fname, args, kw, &["str", "errors"], 2, 1)?;
    let s = str_arg(vm, fname, &a[0])?;
    let errors = errors_arg(vm, &a[1])?;
    let out = encode_cps(vm, &s, &Target::Unit(unit), &errors)?;
    Ok(new_tuple(vec![new_bytes(&out), Value::int(str_len(&s))]))
}

macro_rules! encoder_fn {
    ($name:ident, $py:expr, $unit:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
            unit_encode(vm, args, kw, $py, $unit)
        }
    };
}

encoder_fn!(utf_8_encode, "utf_8_encode", Unit::Utf8);
encoder_fn!(ascii_encode, "ascii_encode", Unit::Ascii);
encoder_fn!(latin_1_encode, "latin_1_encode", Unit::Latin1);
encoder_fn!(utf_16_le_encode, "utf_16_le_encode", Unit::Utf16 { le: true, bom: false });
encoder_fn!(utf_16_be_encode, "utf_16_be_encode", Unit::Utf16 { le: false, bom: false });
encoder_fn!(utf_32_le_encode, "utf_32_le_encode", Unit::Utf32 { le: true, bom: false });
encoder_fn!(utf_32_be_encode, "utf_32_be_encode", Unit::Utf32 { le: false, bom: false });

fn byteorder_encode(vm: &mut Vm, args: &[Value], kw: KwNames, fname: &str, sixteen: bool) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, fname, args, kw, &["str", "errors", "byteorder"], 3, 1)?;
    let s = str_arg(vm, fname, &a[0])?;
    let errors = errors_arg(vm, &a[1])?;
    let order = match &a[2] {
        Some(v) => vm.index_i64(v)?,
        None => 0,
    };
    let (le, bom) = match order {
        0 => (true, true),
        o if o < 0 => (true, false),
        _ => (false, false),
    };
    let unit = if sixteen { Unit::Utf16 { le, bom } } else { Unit::Utf32 { le, bom } };
    let out = encode_cps(vm, &s, &Target::Unit(unit), &errors)?;
    Ok(new_tuple(vec![new_bytes(&out), Value::int(str_len(&s))]))
}

fn utf_16_encode(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    byteorder_encode(vm, args, kw, "utf_16_encode", true)
}

fn utf_32_encode(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    byteorder_encode(vm, args, kw, "utf_32_encode", false)
}

/// Parses (data, errors=None, final=False) of a decoder function.
fn decode_args(vm: &mut Vm, args: &[Value], kw: KwNames, fname: &str) -> PyResult<(Vec<u8>, String, bool)> {
    let a = ArgSpec::parse(vm, fname, args, kw, &["data", "errors", "final"], 3, 1)?;
    let dv = a[0].clone().unwrap_or_else(none);
    let data = require_bytes_like(vm, &dv)?.into_owned();
    let errors = errors_arg(vm, &a[1])?;
    let final_ = final_arg(vm, &a[2])?;
    Ok((data, errors, final_))
}

fn utf_8_decode(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (data, errors, final_) = decode_args(vm, args, kw, "utf_8_decode")?;
    let (s, n) = decode_utf8(vm, &data, &errors, final_)?;
    Ok(pair(s, n))
}

fn ascii_decode(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (data, errors, _) = decode_args(vm, args, kw, "ascii_decode")?;
    let s = decode_ascii(vm, &data, &errors)?;
    Ok(pair(s, data.len()))
}

fn latin_1_decode(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (data, _, _) = decode_args(vm, args, kw, "latin_1_decode")?;
    Ok(pair(decode_latin1(&data), data.len()))
}

macro_rules! ordered_decoder_fn {
    ($name:ident, $py:expr, $f:ident, $order:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
            let (data, errors, final_) = decode_args(vm, args, kw, $py)?;
            let (s, n, _) = $f(vm, &data, &errors, $order, final_)?;
            Ok(pair(s, n))
        }
    };
}

ordered_decoder_fn!(utf_16_decode, "utf_16_decode", decode_utf16, 0);
ordered_decoder_fn!(utf_16_le_decode, "utf_16_le_decode", decode_utf16, -1);
ordered_decoder_fn!(utf_16_be_decode, "utf_16_be_decode", decode_utf16, 1);
ordered_decoder_fn!(utf_32_decode, "utf_32_decode", decode_utf32, 0);
ordered_decoder_fn!(utf_32_le_decode, "utf_32_le_decode", decode_utf32, -1);
ordered_decoder_fn!(utf_32_be_decode, "utf_32_be_decode", decode_utf32, 1);

fn ex_decode(vm: &mut Vm, args: &[Value], kw: KwNames, fname: &str, sixteen: bool) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, fname, args, kw, &["data", "errors", "byteorder", "final"], 4, 1)?;
    let dv = a[0].clone().unwrap_or_else(none);
    let data = require_bytes_like(vm, &dv)?.into_owned();
    let errors = errors_arg(vm, &a[1])?;
    let order = match &a[2] {
        Some(v) => vm.index_i64(v)?.signum() as i32,
        None => 0,
    };
    let final_ = final_arg(vm, &a[3])?;
    let (s, n, detected) = if sixteen {
        decode_utf16(vm, &data, &errors, order, final_)?
    } else {
        decode_utf32(vm, &data, &errors, order, final_)?
    };
    // Without a BOM (and with too little data to hold one) the order stays undecided.
    let reported = if order == 0 && n == 0 { 0 } else { detected };
    Ok(new_tuple(vec![s, Value::int(n as i64), Value::int(reported as i64)]))
}

fn utf_16_ex_decode(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    ex_decode(vm, args, kw, "utf_16_ex_decode", true)
}

fn utf_32_ex_decode(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    ex_decode(vm, args, kw, "utf_32_ex_decode", false)
}

fn charmap_encode(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "charmap_encode", args, kw, &["str", "errors", "mapping"], 3, 1)?;
    let s = str_arg(vm, "charmap_encode", &a[0])?;
    let errors = errors_arg(vm, &a[1])?;
    let mapping = a[2].clone().unwrap_or_else(none);
    let out = if mapping.is_none() {
        encode_cps(vm, &s, &Target::Unit(Unit::Latin1), &errors)?
    } else {
        encode_cps(vm, &s, &Target::Charmap(&mapping), &errors)?
    };
    Ok(new_tuple(vec![new_bytes(&out), Value::int(str_len(&s))]))
}

fn charmap_decode(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "charmap_decode", args, kw, &["data", "errors", "mapping"], 3, 1)?;
    let dv = a[0].clone().unwrap_or_else(none);
    let data = require_bytes_like(vm, &dv)?.into_owned();
    let errors = errors_arg(vm, &a[1])?;
    let mapping = a[2].clone().unwrap_or_else(none);
    let s = charmap_decode_impl(vm, &data, &errors, &mapping)?;
    Ok(pair(s, data.len()))
}

/// `charmap_build(decoding_table)`: the inverse mapping as a dict.
fn charmap_build(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "charmap_build", kw)?;
    let [m] = ArgSpec::exact::<1>(vm, "charmap_build", args, 0)?;
    let Some(s) = m.downcast_ref::<StrObject>() else {
        let msg = format!("charmap_build() argument must be str, not {}", vm.type_name(&m));
        return Err(vm.type_error(msg));
    };
    let cps: Vec<u32> = s.code_points().collect();
    let d = DictObject::new_value();
    for (i, c) in cps.iter().enumerate() {
        if *c == 0xFFFE {
            continue;
        }
        dict(&d).set_item(vm, Value::int(*c as i64), Value::int(i as i64))?;
    }
    Ok(d)
}

fn escape_encode(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "escape_encode", args, kw, &["data", "errors"], 2, 1)?;
    let dv = a[0].clone().unwrap_or_else(none);
    let Some(b) = dv.downcast_ref::<BytesObject>() else {
        let msg = format!("escape_encode() argument 1 must be bytes, not {}", vm.type_name(&dv));
        return Err(vm.type_error(msg));
    };
    let out = escape_encode_bytes(b.data());
    Ok(pair(new_bytes(&out), b.len()))
}

fn escape_decode(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "escape_decode", args, kw, &["data", "errors"], 2, 1)?;
    let dv = a[0].clone().unwrap_or_else(none);
    let data = match dv.downcast_ref::<StrObject>() {
        Some(s) => s.to_generalized_utf8(),
        None => require_bytes_like(vm, &dv)?.into_owned(),
    };
    let out = escape_decode_bytes(vm, &data)?;
    Ok(pair(new_bytes(&out), data.len()))
}

fn escape_str_or_buffer(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match v.downcast_ref::<StrObject>() {
        Some(s) => Ok(s.to_generalized_utf8()),
        None => Ok(require_bytes_like(vm, v)?.into_owned()),
    }
}

fn unicode_escape_encode(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "unicode_escape_encode", args, kw, &["str", "errors"], 2, 1)?;
    let s = str_arg(vm, "unicode_escape_encode", &a[0])?;
    let out = s.downcast_ref::<StrObject>().map(|so| unicode_escape_encode_cps(so, false)).unwrap_or_default();
    Ok(new_tuple(vec![new_bytes(&out), Value::int(str_len(&s))]))
}

fn raw_unicode_escape_encode(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "raw_unicode_escape_encode", args, kw, &["str", "errors"], 2, 1)?;
    let s = str_arg(vm, "raw_unicode_escape_encode", &a[0])?;
    let out = s.downcast_ref::<StrObject>().map(|so| unicode_escape_encode_cps(so, true)).unwrap_or_default();
    Ok(new_tuple(vec![new_bytes(&out), Value::int(str_len(&s))]))
}

fn escape_decoder(vm: &mut Vm, args: &[Value], kw: KwNames, fname: &str, raw: bool) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, fname, args, kw, &["data", "errors", "final"], 3, 1)?;
    let dv = a[0].clone().unwrap_or_else(none);
    let data = escape_str_or_buffer(vm, &dv)?;
    let errors = errors_arg(vm, &a[1])?;
    let final_ = match &a[2] {
        None => true,
        Some(v) => vm.is_true(v)?,
    };
    let (s, n) = unicode_escape_decode_impl(vm, &data, &errors, raw, final_)?;
    Ok(pair(s, n))
}

fn unicode_escape_decode(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    escape_decoder(vm, args, kw, "unicode_escape_decode", false)
}

fn raw_unicode_escape_decode(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    escape_decoder(vm, args, kw, "raw_unicode_escape_decode", true)
}

fn readbuffer_encode(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "readbuffer_encode", args, kw, &["data", "errors"], 2, 1)?;
    let dv = a[0].clone().unwrap_or_else(none);
    let data = escape_str_or_buffer(vm, &dv)?;
    Ok(pair(new_bytes(&data), data.len()))
}

fn register(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "register", kw)?;
    let [f] = ArgSpec::exact::<1>(vm, "register", args, 0)?;
    if type_of(&f).slots().call.is_none() {
        return Err(vm.type_error("argument must be callable"));
    }
    registry().search.push(f);
    Ok(none())
}

fn unregister(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "unregister", kw)?;
    let [f] = ArgSpec::exact::<1>(vm, "unregister", args, 0)?;
    let r = registry();
    if let Some(i) = r.search.iter().position(|x| x.is(&f)) {
        r.search.remove(i);
        let cache = r.cache.clone();
        dict(&cache).clear();
    }
    Ok(none())
}

fn name_arg(vm: &mut Vm, fname: &str, v: &Value) -> PyResult<String> {
    match v.downcast_ref::<StrObject>() {
        Some(s) => Ok(s.to_string_lossy()),
        None => {
            let msg = format!("{fname}() argument must be str, not {}", vm.type_name(v));
            Err(vm.type_error(msg))
        }
    }
}

fn lookup_fn(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "lookup", kw)?;
    let [e] = ArgSpec::exact::<1>(vm, "lookup", args, 0)?;
    let name = name_arg(vm, "lookup", &e)?;
    lookup(vm, &name)
}

fn forget_codec(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [e] = ArgSpec::exact::<1>(vm, "_forget_codec", args, 0)?;
    let name = name_arg(vm, "_forget_codec", &e)?;
    let key = new_str(&normalize_encoding(&name));
    let cache = registry().cache.clone();
    let _ = dict(&cache).del_item(vm, &key);
    Ok(none())
}

/// `codecs.encode(obj, encoding='utf-8', errors='strict')`: any codec.
fn encode_fn(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "encode", args, kw, &["obj", "encoding", "errors"], 3, 1)?;
    let obj = a[0].clone().unwrap_or_else(none);
    let enc = match &a[1] {
        Some(v) => name_arg(vm, "encode", v)?,
        None => "utf-8".into(),
    };
    let errors = errors_arg(vm, &a[2])?;
    let info = lookup(vm, &enc)?;
    let f = vm.getitem(&info, &Value::int(0))?;
    let r = vm
        .call(&f, &[obj, new_str(&errors)], None)
        .map_err(|e| wrap_codec_error(vm, e, "encoding", &enc))?;
    match r.downcast_ref::<TupleObject>().filter(|t| t.len() == 2) {
        Some(t) => Ok(t.items()[0].clone()),
        None => Err(vm.type_error("encoder must return a tuple (object, integer)")),
    }
}

fn decode_fn(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "decode", args, kw, &["obj", "encoding", "errors"], 3, 1)?;
    let obj = a[0].clone().unwrap_or_else(none);
    let enc = match &a[1] {
        Some(v) => name_arg(vm, "decode", v)?,
        None => "utf-8".into(),
    };
    let errors = errors_arg(vm, &a[2])?;
    let info = lookup(vm, &enc)?;
    let f = vm.getitem(&info, &Value::int(1))?;
    let r = vm
        .call(&f, &[obj, new_str(&errors)], None)
        .map_err(|e| wrap_codec_error(vm, e, "decoding", &enc))?;
    match r.downcast_ref::<TupleObject>().filter(|t| t.len() == 2) {
        Some(t) => Ok(t.items()[0].clone()),
        None => Err(vm.type_error("decoder must return a tuple (object,integer)")),
    }
}

/// CPython's `_PyErr_TrySetFromCause`: an exception of a plain type (no
/// own `__init__`/`__new__`, no attributes) is replaced by one of the same
/// type saying which codec failed, chained to the original.
fn wrap_codec_error(vm: &mut Vm, e: PyErr, operation: &str, encoding: &str) -> PyErr {
    let exc = e.value().clone();
    let t = type_of(&exc);
    let base = exc_type(ExcKind::BaseException).slots();
    let plain = !t.is_heap_type()
        && t.slots().init.map(|f| f as usize) == base.init.map(|f| f as usize)
        && t.slots().new.map(|f| f as usize) == base.new.map(|f| f as usize);
    let has_attrs = crate::attr::instance_dict(&exc)
        .and_then(|d| d.downcast_ref::<DictObject>().map(|d| !d.items().is_empty()))
        .unwrap_or(false);
    if !plain || has_attrs {
        return e;
    }
    let text = match vm.str_string(&exc) {
        Ok(t) => t,
        Err(_) => return e,
    };
    let msg = format!("{operation} with '{encoding}' codec failed ({}: {text})", t.name_string());
    let new = crate::exception::new_exception(t, new_tuple(vec![new_str(&msg)]));
    if let Some(eo) = new.downcast_ref::<crate::exception::ExceptionObject>() {
        eo.set_cause(exc.clone());
        eo.suppress_context.set(true);
    }
    PyErr::new(new)
}

fn register_error(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "register_error", kw)?;
    let [name, f] = ArgSpec::exact::<2>(vm, "register_error", args, 0)?;
    let name = name_arg(vm, "register_error", &name)?;
    if type_of(&f).slots().call.is_none() {
        return Err(vm.type_error("handler must be callable"));
    }
    let errs = registry().errors.clone();
    dict(&errs).set_item(vm, new_str(&name), f)?;
    Ok(none())
}

fn lookup_error_fn(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "lookup_error", kw)?;
    let [name] = ArgSpec::exact::<1>(vm, "lookup_error", args, 0)?;
    let name = name_arg(vm, "lookup_error", &name)?;
    lookup_error(vm, &name)
}

// ---- the builtin error handlers as Python-callable functions ----

struct ErrInfo {
    kind: ExcKind,
    start: usize,
    end: usize,
    object: Value,
}

fn err_info(vm: &mut Vm, args: &[Value], fname: &str) -> PyResult<ErrInfo> {
    let [exc] = ArgSpec::exact::<1>(vm, fname, args, 0)?;
    let t = type_of(&exc);
    let kind = [
        ExcKind::UnicodeEncodeError,
        ExcKind::UnicodeDecodeError,
        ExcKind::UnicodeTranslateError,
    ]
    .into_iter()
    .find(|k| t.is_subtype(exc_type(*k)));
    let Some(kind) = kind else {
        let msg = format!("don't know how to handle {} in error callback", vm.type_name(&exc));
        return Err(vm.type_error(msg));
    };
    let get = |vm: &mut Vm, name: &str| -> PyResult<Value> { vm.getattr_str(&exc, name) };
    let start = get(vm, "start")?;
    let end = get(vm, "end")?;
    let object = get(vm, "object")?;
    let start = vm.index_i64(&start)?.max(0) as usize;
    let end = vm.index_i64(&end)?.max(0) as usize;
    Ok(ErrInfo { kind, start, end, object })
}

fn wrong_exc(vm: &mut Vm, args: &[Value]) -> PyErr {
    let msg = format!(
        "don't know how to handle {} in error callback",
        args.first().map(|e| vm.type_name(e)).unwrap_or_default()
    );
    vm.type_error(msg)
}

fn obj_cps(v: &Value) -> Vec<u32> {
    v.downcast_ref::<StrObject>().map(|s| s.code_points().collect()).unwrap_or_default()
}

fn strict_errors(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [exc] = ArgSpec::exact::<1>(vm, "strict_errors", args, 0)?;
    if !type_of(&exc).is_subtype(exc_type(ExcKind::BaseException)) {
        return Err(vm.type_error("codec must pass exception instance"));
    }
    Err(PyErr::new(exc))
}

fn ignore_errors(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let e = err_info(vm, args, "ignore_errors")?;
    Ok(pair(new_str(""), e.end))
}

fn replace_errors(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let e = err_info(vm, args, "replace_errors")?;
    let n = e.end.saturating_sub(e.start);
    let rep = match e.kind {
        ExcKind::UnicodeEncodeError => "?".repeat(n),
        ExcKind::UnicodeDecodeError => "\u{FFFD}".into(),
        _ => "\u{FFFD}".repeat(n),
    };
    Ok(pair(new_str(&rep), e.end))
}

fn backslashreplace_errors(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let e = err_info(vm, args, "backslashreplace_errors")?;
    let mut out = Vec::new();
    if e.kind == ExcKind::UnicodeDecodeError {
        let data = bytes_like(vm, &e.object)?.map(|b| b.into_owned()).unwrap_or_default();
        for &b in data.get(e.start..e.end.min(data.len())).unwrap_or(&[]) {
            push_backslash_escape(&mut out, b as u32);
        }
    } else {
        let cps = obj_cps(&e.object);
        for &c in cps.get(e.start..e.end.min(cps.len())).unwrap_or(&[]) {
            push_backslash_escape(&mut out, c);
        }
    }
    Ok(pair(new_str_from_cps(&out), e.end))
}

fn xmlcharrefreplace_errors(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let e = err_info(vm, args, "xmlcharrefreplace_errors")?;
    if e.kind != ExcKind::UnicodeEncodeError {
        return Err(wrong_exc(vm, args));
    }
    let cps = obj_cps(&e.object);
    let mut out = String::new();
    for &c in cps.get(e.start..e.end.min(cps.len())).unwrap_or(&[]) {
        out.push_str(&format!("&#{c};"));
    }
    Ok(pair(new_str(&out), e.end))
}

fn namereplace_errors(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let e = err_info(vm, args, "namereplace_errors")?;
    if e.kind != ExcKind::UnicodeEncodeError {
        return Err(wrong_exc(vm, args));
    }
    let cps = obj_cps(&e.object);
    let mut out = Vec::new();
    for &c in cps.get(e.start..e.end.min(cps.len())).unwrap_or(&[]) {
        push_backslash_escape(&mut out, c);
    }
    Ok(pair(new_str_from_cps(&out), e.end))
}

fn surrogateescape_errors(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let e = err_info(vm, args, "surrogateescape_errors")?;
    match e.kind {
        ExcKind::UnicodeDecodeError => {
            let data = bytes_like(vm, &e.object)?.map(|b| b.into_owned()).unwrap_or_default();
            let mut out = Vec::new();
            for &b in data.get(e.start..e.end.min(data.len()).min(e.start + 4)).unwrap_or(&[]) {
                if b < 128 {
                    break;
                }
                out.push(0xDC00 + b as u32);
            }
            if out.is_empty() {
                return Err(PyErr::new(args[0].clone()));
            }
            let end = e.start + out.len();
            Ok(pair(new_str_from_cps(&out), end))
        }
        ExcKind::UnicodeEncodeError => {
            let cps = obj_cps(&e.object);
            let mut out = Vec::new();
            for &c in cps.get(e.start..e.end.min(cps.len())).unwrap_or(&[]) {
                if !(0xDC80..=0xDCFF).contains(&c) {
                    return Err(PyErr::new(args[0].clone()));
                }
                out.push((c - 0xDC00) as u8);
            }
            Ok(pair(new_bytes(&out), e.end))
        }
        _ => Err(wrong_exc(vm, args)),
    }
}

fn surrogatepass_errors(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let e = err_info(vm, args, "surrogatepass_errors")?;
    if e.kind != ExcKind::UnicodeEncodeError {
        return Err(PyErr::new(args[0].clone()));
    }
    let cps = obj_cps(&e.object);
    let mut out = Vec::new();
    for &c in cps.get(e.start..e.end.min(cps.len())).unwrap_or(&[]) {
        if !(0xD800..0xE000).contains(&c) {
            return Err(PyErr::new(args[0].clone()));
        }
        crate::objects::str::push_generalized_utf8(&mut out, c);
    }
    Ok(pair(new_bytes(&out), e.end))
}

// ---- UTF-7 (RFC 2152, with CPython's choices: set O and whitespace direct) ----

/// 0: direct, 1: optional direct (set O), 2: whitespace, 3: special.
const UTF7_CATEGORY: [u8; 128] = [
    3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 3, 3, 2, 3, 3, //
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, //
    2, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 3, 0, 0, 0, 0, //
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, //
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, //
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 1, 1, 1, //
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, //
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 3, 3, //
];

const BASE64_CHARS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn utf7_encode_direct(c: u32) -> bool {
    c > 0 && c < 128 && UTF7_CATEGORY[c as usize] != 3
}

fn is_base64(c: u32) -> bool {
    c < 128 && (c as u8).is_ascii_alphanumeric() || c == '+' as u32 || c == '/' as u32
}

fn from_base64(c: u8) -> u32 {
    match c {
        b'A'..=b'Z' => (c - b'A') as u32,
        b'a'..=b'z' => (c - b'a') as u32 + 26,
        b'0'..=b'9' => (c - b'0') as u32 + 52,
        b'+' => 62,
        _ => 63,
    }
}

fn utf7_encode_cps(cps: impl Iterator<Item = u32>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut in_shift = false;
    let mut bits: u32 = 0;
    let mut buf: u64 = 0;
    let push_units = |out: &mut Vec<u8>, bits: &mut u32, buf: &mut u64, unit: u32| {
        *bits += 16;
        *buf = (*buf << 16) | unit as u64;
        while *bits >= 6 {
            out.push(BASE64_CHARS[((*buf >> (*bits - 6)) & 0x3f) as usize]);
            *bits -= 6;
        }
        *buf &= (1u64 << *bits) - 1;
    };
    for c in cps {
        if in_shift {
            if utf7_encode_direct(c) {
                if bits > 0 {
                    out.push(BASE64_CHARS[((buf << (6 - bits)) & 0x3f) as usize]);
                    buf = 0;
                    bits = 0;
                }
                in_shift = false;
                if is_base64(c) || c == '-' as u32 {
                    out.push(b'-');
                }
                out.push(c as u8);
                continue;
            }
        } else if c == '+' as u32 {
            out.extend_from_slice(b"+-");
            continue;
        } else if utf7_encode_direct(c) {
            out.push(c as u8);
            continue;
        } else {
            out.push(b'+');
            in_shift = true;
        }
        if c >= 0x10000 {
            let v = c - 0x10000;
            push_units(&mut out, &mut bits, &mut buf, 0xD800 | (v >> 10));
            push_units(&mut out, &mut bits, &mut buf, 0xDC00 | (v & 0x3FF));
        } else {
            push_units(&mut out, &mut bits, &mut buf, c);
        }
    }
    if bits > 0 {
        out.push(BASE64_CHARS[((buf << (6 - bits)) & 0x3f) as usize]);
    }
    if in_shift {
        out.push(b'-');
    }
    out
}

fn decode_utf7(vm: &mut Vm, data: &[u8], errors: &str, final_: bool) -> PyResult<(Value, usize)> {
    let mut d = Decoder::new("utf7", data, errors);
    let direct = |c: u8| c < 128 && c != b'+';
    let mut in_shift = false;
    let mut bits: u32 = 0;
    let mut buf: u64 = 0;
    let mut surrogate: u32 = 0;
    let mut shift_start = 0usize;
    let mut shift_out_start = 0usize;
    let mut s = 0usize;
    let n = data.len();
    while s < n {
        let ch = data[s];
        if in_shift {
            if is_base64(ch as u32) {
                buf = (buf << 6) | from_base64(ch) as u64;
                bits += 6;
                s += 1;
                if bits >= 16 {
                    let out = ((buf >> (bits - 16)) & 0xffff) as u32;
                    bits -= 16;
                    buf &= (1u64 << bits) - 1;
                    if surrogate != 0 {
                        if (0xDC00..0xE000).contains(&out) {
                            d.out.push(0x10000 + ((surrogate - 0xD800) << 10) + (out - 0xDC00));
                            surrogate = 0;
                            continue;
                        }
                        d.out.push(surrogate);
                        surrogate = 0;
                    }
                    if (0xD800..0xDC00).contains(&out) {
                        surrogate = out;
                    } else {
                        d.out.push(out);
                    }
                }
                continue;
            }
            in_shift = false;
            let mut err: Option<&str> = None;
            if bits > 0 {
                if bits >= 6 {
                    err = Some("partial character in shift sequence");
                } else if buf != 0 {
                    err = Some("non-zero padding bits in shift sequence");
                }
            }
            if let Some(msg) = err {
                s += 1;
                s = d.error(vm, shift_start, s, msg)?;
                continue;
            }
            if surrogate != 0 && direct(ch) {
                d.out.push(surrogate);
            }
            surrogate = 0;
            if ch == b'-' {
                s += 1;
            }
        } else if ch == b'+' {
            shift_start = s;
            s += 1;
            if s < n && data[s] == b'-' {
                s += 1;
                d.out.push('+' as u32);
            } else if s < n && !is_base64(data[s] as u32) {
                s += 1;
                s = d.error(vm, shift_start, s, "ill-formed sequence")?;
            } else {
                in_shift = true;
                surrogate = 0;
                shift_out_start = d.out.len();
                bits = 0;
                buf = 0;
            }
        } else if direct(ch) {
            s += 1;
            d.out.push(ch as u32);
        } else {
            let start = s;
            s += 1;
            s = d.error(vm, start, s, "unexpected special character")?;
        }
    }
    if in_shift && final_ && (surrogate != 0 || bits >= 6 || (bits > 0 && buf != 0)) {
        d.error(vm, shift_start, n, "unterminated shift sequence")?;
        in_shift = false;
    }
    let mut consumed = s;
    if in_shift && !final_ {
        consumed = shift_start;
        d.out.truncate(shift_out_start);
    }
    Ok((d.finish(), consumed))
}

fn utf_7_encode(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "utf_7_encode", args, kw, &["str", "errors"], 2, 1)?;
    let s = str_arg(vm, "utf_7_encode", &a[0])?;
    let out = s.downcast_ref::<StrObject>().map(|so| utf7_encode_cps(so.code_points())).unwrap_or_default();
    Ok(new_tuple(vec![new_bytes(&out), Value::int(str_len(&s))]))
}

fn utf_7_decode(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (data, errors, final_) = decode_args(vm, args, kw, "utf_7_decode")?;
    let (s, n) = decode_utf7(vm, &data, &errors, final_)?;
    Ok(pair(s, n))
}

const HANDLER_NAMES: [&str; 8] = [
    "strict_errors",
    "ignore_errors",
    "replace_errors",
    "backslashreplace_errors",
    "xmlcharrefreplace_errors",
    "namereplace_errors",
    "surrogateescape_errors",
    "surrogatepass_errors",
];

const HANDLER_FNS: [crate::typeobj::NativeFn; 8] = [
    strict_errors,
    ignore_errors,
    replace_errors,
    backslashreplace_errors,
    xmlcharrefreplace_errors,
    namereplace_errors,
    surrogateescape_errors,
    surrogatepass_errors,
];

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_codecs");
    m.functions(&[
        ("register", register),
        ("unregister", unregister),
        ("lookup", lookup_fn),
        ("encode", encode_fn),
        ("decode", decode_fn),
        ("_forget_codec", forget_codec),
        ("register_error", register_error),
        ("lookup_error", lookup_error_fn),
        ("utf_7_encode", utf_7_encode),
        ("utf_7_decode", utf_7_decode),
        ("utf_8_encode", utf_8_encode),
        ("utf_8_decode", utf_8_decode),
        ("ascii_encode", ascii_encode),
        ("ascii_decode", ascii_decode),
        ("latin_1_encode", latin_1_encode),
        ("latin_1_decode", latin_1_decode),
        ("utf_16_encode", utf_16_encode),
        ("utf_16_decode", utf_16_decode),
        ("utf_16_le_encode", utf_16_le_encode),
        ("utf_16_le_decode", utf_16_le_decode),
        ("utf_16_be_encode", utf_16_be_encode),
        ("utf_16_be_decode", utf_16_be_decode),
        ("utf_16_ex_decode", utf_16_ex_decode),
        ("utf_32_encode", utf_32_encode),
        ("utf_32_decode", utf_32_decode),
        ("utf_32_le_encode", utf_32_le_encode),
        ("utf_32_le_decode", utf_32_le_decode),
        ("utf_32_be_encode", utf_32_be_encode),
        ("utf_32_be_decode", utf_32_be_decode),
        ("utf_32_ex_decode", utf_32_ex_decode),
        ("charmap_encode", charmap_encode),
        ("charmap_decode", charmap_decode),
        ("charmap_build", charmap_build),
        ("escape_encode", escape_encode),
        ("escape_decode", escape_decode),
        ("unicode_escape_encode", unicode_escape_encode),
        ("unicode_escape_decode", unicode_escape_decode),
        ("raw_unicode_escape_encode", raw_unicode_escape_encode),
        ("raw_unicode_escape_decode", raw_unicode_escape_decode),
        ("readbuffer_encode", readbuffer_encode),
    ]);
    let _ = display_lossy;
    Ok(m.finish())
}

#[cfg(test)]
mod tests {
    use super::normalize_encoding;

    #[test]
    fn normalizes_like_cpython() {
        assert_eq!(normalize_encoding("UTF-8"), "utf_8");
        assert_eq!(normalize_encoding("  Latin 1 "), "latin_1");
        assert_eq!(normalize_encoding("iso8859-1"), "iso8859_1");
        assert_eq!(normalize_encoding("utf--16..le"), "utf_16..le");
    }
}
