//! `_json`: the accelerators Lib/json uses when they exist — `scanstring`,
//! the scanner type (`make_scanner`), the encoder type (`make_encoder`),
//! `encode_basestring_ascii` and `encode_basestring` — with CPython's
//! behaviour, error positions and messages (Modules/_json.c).
//!
//! The scanner reads the code units of the input string directly (one
//! monomorphized parser per PEP 393 width), builds lists from a `Vec` and
//! dicts with already-hashed keys, and keeps repeated object keys in a
//! per-call memo keyed by their raw code units (CPython's `memo` dict), so a
//! key seen before costs neither an allocation nor a hash. The encoder
//! writes its whole output into one buffer.

use crate::args::ArgSpec;
use crate::exception::{ExcKind, PyErr, PyResult};
use crate::modules::itertools::{cls_type, state};
use crate::modules::{init_native_type, ModuleBuilder, NativeType};
use crate::object::LayoutKind;
use crate::objects::descr::BuiltinFunction;
use crate::objects::dict::DictObject;
use crate::objects::float::as_float;
use crate::objects::generator::stop_iteration_with;
use crate::objects::int::{as_int, int_from_big, int_to_decimal, parse_int, IntView};
use crate::objects::list::{new_list, ListObject};
use crate::objects::native::{new_native, NativeData};
use crate::objects::singletons::none;
use crate::objects::str::{new_str, new_str_from_cps, substring, StrObject};
use crate::objects::tuple::{new_tuple, TupleObject};
use crate::typeinit::add_getset_to;
use crate::typeobj::{is_exact, type_of, KwNames, TypeObject, DICT_TYPE, FLOAT_TYPE, INT_TYPE, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

static SCANNER: NativeType = NativeType::new();
static ENCODER: NativeType = NativeType::new();

// --- reading code units ------------------------------------------------------

/// The code units of a string of one PEP 393 width.
trait Units: Copy {
    fn len(self) -> usize;
    /// The code point at `i` (< len).
    fn at(self, i: usize) -> u32;
    /// The code point at `i`, or 0 past the end (0 matches nothing the
    /// scanner looks for).
    #[inline(always)]
    fn get(self, i: usize) -> u32 {
        if i < self.len() {
            self.at(i)
        } else {
            0
        }
    }
}

#[derive(Clone, Copy)]
struct U1<'a>(&'a [u8]);
#[derive(Clone, Copy)]
struct U2<'a>(&'a [u8]);
#[derive(Clone, Copy)]
struct U4<'a>(&'a [u8]);

impl Units for U1<'_> {
    #[inline(always)]
    fn len(self) -> usize {
        self.0.len()
    }
    #[inline(always)]
    fn at(self, i: usize) -> u32 {
        self.0[i] as u32
    }
}

impl Units for U2<'_> {
    #[inline(always)]
    fn len(self) -> usize {
        self.0.len() / 2
    }
    #[inline(always)]
    fn at(self, i: usize) -> u32 {
        u16::from_ne_bytes([self.0[2 * i], self.0[2 * i + 1]]) as u32
    }
}

impl Units for U4<'_> {
    #[inline(always)]
    fn len(self) -> usize {
        self.0.len() / 4
    }
    #[inline(always)]
    fn at(self, i: usize) -> u32 {
        u32::from_ne_bytes([self.0[4 * i], self.0[4 * i + 1], self.0[4 * i + 2], self.0[4 * i + 3]])
    }
}

#[inline(always)]
fn is_ws(c: u32) -> bool {
    matches!(c, 0x20 | 0x09 | 0x0A | 0x0D)
}

/// `json.decoder.JSONDecodeError(msg, doc, pos)`, raised.
fn decode_error(vm: &mut Vm, msg: &str, doc: &Value, pos: impl TryInto<i64>) -> PyErr {
    let pos: i64 = pos.try_into().unwrap_or(i64::MAX);
    let made = (|| -> PyResult<Value> {
        let module = vm.import_absolute("json.decoder")?;
        let cls = vm.getattr_str(&module, "JSONDecodeError")?;
        vm.call(&cls, &[new_str(msg), doc.clone(), Value::int(pos)], None)
    })();
    match made {
        Ok(exc) => PyErr::new(exc),
        Err(e) => e,
    }
}

fn stop_at(vm: &mut Vm, idx: usize) -> PyErr {
    stop_iteration_with(vm, Value::int(idx as i64))
}

fn hex_digit(c: u32) -> Option<u32> {
    match c {
        0x30..=0x39 => Some(c - 0x30),
        0x61..=0x66 => Some(c - 0x61 + 10),
        0x41..=0x46 => Some(c - 0x41 + 10),
        _ => None,
    }
}

/// The string starting after the quote at `end - 1`; returns it and the
/// index after the closing quote. `cps` is scratch space for escapes.
/// `raw` receives the unescaped span when the string has no escapes (for
/// the key memo).
fn scan_string<U: Units>(
    vm: &mut Vm,
    doc: &Value,
    text: U,
    end: usize,
    strict: bool,
    cps: &mut Vec<u32>,
) -> PyResult<(Option<Value>, usize, usize)> {
    let len = text.len();
    let begin = end as i64 - 1;
    let mut end = end;
    let mut escaped = false;
    cps.clear();
    loop {
        // Find the end of the string or the next escape.
        let mut next = end;
        let mut c = 0;
        while next < len {
            let d = text.at(next);
            if d == '"' as u32 || d == '\\' as u32 {
                c = d;
                break;
            }
            if d <= 0x1f && strict {
                return Err(decode_error(vm, "Invalid control character at", doc, next));
            }
            next += 1;
        }
        if next >= len {
            return Err(decode_error(vm, "Unterminated string starting at", doc, begin));
        }
        if c == '"' as u32 && !escaped {
            // No escapes: the caller takes the span [end, next) as is.
            return Ok((None, end, next + 1));
        }
        cps.extend((end..next).map(|i| text.at(i)));
        next += 1;
        if c == '"' as u32 {
            return Ok((Some(new_str_from_cps(cps)), 0, next));
        }
        escaped = true;
        if next == len {
            return Err(decode_error(vm, "Unterminated string starting at", doc, begin));
        }
        let c = text.at(next);
        let out = if c != 'u' as u32 {
            end = next + 1;
            match char::from_u32(c) {
                Some('"') => '"' as u32,
                Some('\\') => '\\' as u32,
                Some('/') => '/' as u32,
                Some('b') => 8,
                Some('f') => 12,
                Some('n') => 10,
                Some('r') => 13,
                Some('t') => 9,
                _ => return Err(decode_error(vm, "Invalid \\escape", doc, end - 2)),
            }
        } else {
            next += 1;
            end = next + 4;
            if end >= len {
                return Err(decode_error(vm, "Invalid \\uXXXX escape", doc, next - 1));
            }
            let mut u = 0;
            for i in next..end {
                match hex_digit(text.at(i)) {
                    Some(d) => u = (u << 4) | d,
                    None => return Err(decode_error(vm, "Invalid \\uXXXX escape", doc, end - 5)),
                }
            }
            // A high surrogate followed by "\u" and a low one makes a pair.
            if (0xD800..0xDC00).contains(&u)
                && end + 6 < len
                && text.at(end) == '\\' as u32
                && text.at(end + 1) == 'u' as u32
            {
                let mut u2 = 0;
                for i in end + 2..end + 6 {
                    match hex_digit(text.at(i)) {
                        Some(d) => u2 = (u2 << 4) | d,
                        None => return Err(decode_error(vm, "Invalid \\uXXXX escape", doc, end + 1)),
                    }
                }
                if (0xDC00..0xE000).contains(&u2) {
                    u = 0x10000 + (((u - 0xD800) << 10) | (u2 - 0xDC00));
                    end += 6;
                }
            }
            u
        };
        cps.push(out);
    }
}

// --- the scanner -----------------------------------------------------------

struct Scanner {
    strict: bool,
    object_hook: RefCell<Value>,
    object_pairs_hook: RefCell<Value>,
    parse_float: RefCell<Value>,
    parse_int: RefCell<Value>,
    parse_constant: RefCell<Value>,
}

impl NativeData for Scanner {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for c in self.cells() {
            if let Ok(v) = c.try_borrow() {
                visit(&v);
            }
        }
    }
    fn clear(&self) {
        for c in self.cells() {
            if let Ok(mut v) = c.try_borrow_mut() {
                *v = none();
            }
        }
    }
}

impl Scanner {
    fn cells(&self) -> [&RefCell<Value>; 5] {
        [
            &self.object_hook,
            &self.object_pairs_hook,
            &self.parse_float,
            &self.parse_int,
            &self.parse_constant,
        ]
    }
}

/// FxHash: a fast hash for the memo's short keys (no DoS concern: the memo
/// lives for one call).
#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// One `scan_once` call: the options copied out of the scanner, the memo.
struct Parse<'a, U: Units> {
    doc: &'a Value,
    doc_str: &'a StrObject,
    text: U,
    strict: bool,
    object_hook: Value,
    object_pairs_hook: Value,
    parse_float: Option<Value>,
    parse_int: Option<Value>,
    parse_constant: Value,
    /// Object keys seen so far, by their raw code units.
    memo: HashMap<Box<[u8]>, Value, BuildHasherDefault<FxHasher>>,
    cps: Vec<u32>,
    /// Bytes per code unit of the input.
    width: usize,
}

impl<'a, U: Units> Parse<'a, U> {
    #[inline(always)]
    fn skip_ws(&self, mut i: usize) -> usize {
        let len = self.text.len();
        while i < len && is_ws(self.text.at(i)) {
            i += 1;
        }
        i
    }

    /// A string value (or key, with `memoize`) whose opening quote is at `idx - 1`.
    fn string(&mut self, vm: &mut Vm, idx: usize, memoize: bool) -> PyResult<(Value, usize)> {
        let (made, start, next) = scan_string(vm, self.doc, self.text, idx, self.strict, &mut self.cps)?;
        if let Some(v) = made {
            return Ok((v, next));
        }
        let n = next - 1 - start;
        if !memoize {
            return Ok((substring(self.doc_str, start, n), next));
        }
        let raw = &self.doc_str.data()[start * self.width..(next - 1) * self.width];
        if let Some(v) = self.memo.get(raw) {
            return Ok((v.clone(), next));
        }
        let v = substring(self.doc_str, start, n);
        if let Some(s) = v.downcast_ref::<StrObject>() {
            s.hash();
        }
        self.memo.insert(raw.into(), v.clone());
        Ok((v, next))
    }

    fn value(&mut self, vm: &mut Vm, idx: usize) -> PyResult<(Value, usize)> {
        let t = self.text;
        let len = t.len();
        if idx >= len {
            return Err(stop_at(vm, idx));
        }
        let lit = |s: &str| s.bytes().enumerate().all(|(k, b)| t.get(idx + k) == b as u32);
        match t.at(idx) {
            0x22 => return self.string(vm, idx + 1, false),
            0x7B => {
                vm.enter_recursion(" while decoding a JSON object from a unicode string")?;
                let r = self.object(vm, idx + 1);
                vm.leave_recursion();
                return r;
            }
            0x5B => {
                vm.enter_recursion(" while decoding a JSON array from a unicode string")?;
                let r = self.array(vm, idx + 1);
                vm.leave_recursion();
                return r;
            }
            0x6E if lit("null") => return Ok((none(), idx + 4)),
            0x74 if lit("true") => return Ok((Value::bool(true), idx + 4)),
            0x66 if lit("false") => return Ok((Value::bool(false), idx + 5)),
            0x4E if lit("NaN") => return self.constant(vm, "NaN", idx),
            0x49 if lit("Infinity") => return self.constant(vm, "Infinity", idx),
            0x2D if lit("-Infinity") => return self.constant(vm, "-Infinity", idx),
            _ => {}
        }
        self.number(vm, idx)
    }

    fn constant(&mut self, vm: &mut Vm, name: &str, idx: usize) -> PyResult<(Value, usize)> {
        let f = self.parse_constant.clone();
        let v = vm.call1(&f, vm.intern(name))?;
        Ok((v, idx + name.len()))
    }

    fn object(&mut self, vm: &mut Vm, idx: usize) -> PyResult<(Value, usize)> {
        let t = self.text;
        let pairs_hook = !self.object_pairs_hook.is_none();
        let mut pairs: Vec<Value> = Vec::new();
        let dict = if pairs_hook { none() } else { DictObject::new_value() };
        let mut idx = self.skip_ws(idx);
        if t.get(idx) != '}' as u32 {
            loop {
                if t.get(idx) != '"' as u32 {
                    return Err(decode_error(
                        vm,
                        "Expecting property name enclosed in double quotes",
                        self.doc,
                        idx,
                    ));
                }
                let (key, next) = self.string(vm, idx + 1, true)?;
                idx = self.skip_ws(next);
                if t.get(idx) != ':' as u32 {
                    return Err(decode_error(vm, "Expecting ':' delimiter", self.doc, idx));
                }
                idx = self.skip_ws(idx + 1);
                let (val, next) = self.value(vm, idx)?;
                if pairs_hook {
                    pairs.push(new_tuple(vec![key, val]));
                } else if let Some(d) = dict.downcast_ref::<DictObject>() {
                    // Keys are exact strs made here: no Python code runs.
                    d.insert_str(&key, val);
                }
                idx = self.skip_ws(next);
                if t.get(idx) == '}' as u32 {
                    break;
                }
                if t.get(idx) != ',' as u32 {
                    return Err(decode_error(vm, "Expecting ',' delimiter", self.doc, idx));
                }
                idx = self.skip_ws(idx + 1);
            }
        }
        let next = idx + 1;
        if pairs_hook {
            let hook = self.object_pairs_hook.clone();
            return Ok((vm.call1(&hook, new_list(pairs))?, next));
        }
        if !self.object_hook.is_none() {
            let hook = self.object_hook.clone();
            return Ok((vm.call1(&hook, dict)?, next));
        }
        Ok((dict, next))
    }

    fn array(&mut self, vm: &mut Vm, idx: usize) -> PyResult<(Value, usize)> {
        let t = self.text;
        let mut items: Vec<Value> = Vec::new();
        let mut idx = self.skip_ws(idx);
        if t.get(idx) != ']' as u32 {
            loop {
                let (val, next) = self.value(vm, idx)?;
                items.push(val);
                idx = self.skip_ws(next);
                if t.get(idx) == ']' as u32 {
                    break;
                }
                if t.get(idx) != ',' as u32 {
                    return Err(decode_error(vm, "Expecting ',' delimiter", self.doc, idx));
                }
                idx = self.skip_ws(idx + 1);
            }
        }
        Ok((new_list(items), idx + 1))
    }

    fn number(&mut self, vm: &mut Vm, start: usize) -> PyResult<(Value, usize)> {
        let t = self.text;
        let len = t.len();
        let digit = |i: usize| (0x30..=0x39).contains(&t.get(i));
        let mut idx = start;
        if t.get(idx) == '-' as u32 {
            idx += 1;
            if idx >= len {
                return Err(stop_at(vm, start));
            }
        }
        let c = t.get(idx);
        if (0x31..=0x39).contains(&c) {
            idx += 1;
            while digit(idx) {
                idx += 1;
            }
        } else if c == '0' as u32 {
            idx += 1;
        } else {
            return Err(stop_at(vm, start));
        }
        let mut is_float = false;
        if idx + 1 < len && t.at(idx) == '.' as u32 && digit(idx + 1) {
            is_float = true;
            idx += 2;
            while digit(idx) {
                idx += 1;
            }
        }
        if idx + 1 < len && (t.at(idx) == 'e' as u32 || t.at(idx) == 'E' as u32) {
            let e_start = idx;
            idx += 1;
            if idx + 1 < len && (t.at(idx) == '-' as u32 || t.at(idx) == '+' as u32) {
                idx += 1;
            }
            while digit(idx) {
                idx += 1;
            }
            if digit(idx - 1) {
                is_float = true;
            } else {
                idx = e_start;
            }
        }
        let custom = if is_float { &self.parse_float } else { &self.parse_int };
        if let Some(f) = custom.clone() {
            let s = substring(self.doc_str, start, idx - start);
            return Ok((vm.call1(&f, s)?, idx));
        }
        // The span is ASCII digits, signs, '.', 'e'/'E'.
        let mut buf = [0u8; 32];
        let n = idx - start;
        let mut long = Vec::new();
        let bytes: &[u8] = if n <= buf.len() {
            for (k, b) in buf.iter_mut().enumerate().take(n) {
                *b = t.at(start + k) as u8;
            }
            &buf[..n]
        } else {
            long.extend((start..idx).map(|i| t.at(i) as u8));
            &long
        };
        // SAFETY: ASCII bytes.
        let text = unsafe { std::str::from_utf8_unchecked(bytes) };
        if is_float {
            return match text.parse::<f64>() {
                Ok(f) => Ok((Value::float(f), idx)),
                Err(_) => Err(vm.value_error(format!("could not convert string to float: '{text}'"))),
            };
        }
        if n <= 18 {
            if let Ok(i) = text.parse::<i64>() {
                return Ok((Value::int(i), idx));
            }
        }
        let limit = vm.int_max_str_digits;
        let digits = n - usize::from(text.starts_with('-'));
        if limit > 0 && digits > limit {
            return Err(vm.value_error(format!(
                "Exceeds the limit ({limit} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
            )));
        }
        match parse_int(text, 10) {
            Some(b) => Ok((int_from_big(b), idx)),
            None => Err(vm.value_error(format!("invalid literal for int() with base 10: '{text}'"))),
        }
    }
}

fn run_scan<U: Units>(vm: &mut Vm, sc: &Scanner, doc: &Value, s: &StrObject, text: U, idx: usize) -> PyResult<Value> {
    let float_t = FLOAT_TYPE.get().as_value();
    let int_t = INT_TYPE.get().as_value();
    let pf = sc.parse_float.borrow().clone();
    let pi = sc.parse_int.borrow().clone();
    let mut p = Parse {
        doc,
        doc_str: s,
        text,
        strict: sc.strict,
        object_hook: sc.object_hook.borrow().clone(),
        object_pairs_hook: sc.object_pairs_hook.borrow().clone(),
        parse_float: if pf.is(&float_t) { None } else { Some(pf) },
        parse_int: if pi.is(&int_t) { None } else { Some(pi) },
        parse_constant: sc.parse_constant.borrow().clone(),
        memo: HashMap::default(),
        cps: Vec::new(),
        width: s.kind() as usize,
    };
    let (v, next) = p.value(vm, idx)?;
    Ok(new_tuple(vec![v, Value::int(next as i64)]))
}

fn not_a_string(vm: &mut Vm, v: &Value) -> PyErr {
    let msg = format!("first argument must be a string, not {}", vm.type_name(v));
    vm.type_error(msg)
}

/// A `Py_ssize_t` argument ("n" format).
fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let iv = vm.index(v)?;
    match as_int(&iv).and_then(|i| i.to_i64()) {
        Some(i) => Ok(i),
        None => Err(vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C ssize_t")),
    }
}

fn scanner_call(vm: &mut Vm, me: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let sc = state::<Scanner>(vm, me, "_json.Scanner")?;
    let a = ArgSpec::parse(vm, "scan_once", args, kwnames, &["string", "idx"], 2, 2)?;
    let doc = a[0].clone().unwrap_or_else(none);
    let idx_v = a[1].clone().unwrap_or_else(none);
    let idx = ssize_arg(vm, &idx_v)?;
    let Some(s) = doc.downcast_ref::<StrObject>() else {
        return Err(not_a_string(vm, &doc));
    };
    if idx < 0 {
        return Err(vm.value_error("idx cannot be negative"));
    }
    let idx = idx as usize;
    match s.kind() {
        1 => run_scan(vm, sc, &doc, s, U1(s.data()), idx),
        2 => run_scan(vm, sc, &doc, s, U2(s.data()), idx),
        _ => run_scan(vm, sc, &doc, s, U4(s.data()), idx),
    }
}

fn scanner_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "make_scanner", args, kwnames, &["context"], 1, 1)?;
    let ctx = a[0].clone().unwrap_or_else(none);
    let strict_v = vm.getattr_str(&ctx, "strict")?;
    let strict = vm.is_true(&strict_v)?;
    let object_hook = vm.getattr_str(&ctx, "object_hook")?;
    let object_pairs_hook = vm.getattr_str(&ctx, "object_pairs_hook")?;
    let parse_float = vm.getattr_str(&ctx, "parse_float")?;
    let parse_int = vm.getattr_str(&ctx, "parse_int")?;
    let parse_constant = vm.getattr_str(&ctx, "parse_constant")?;
    Ok(new_native(
        cls_type(cls, scanner_type()),
        Scanner {
            strict,
            object_hook: RefCell::new(object_hook),
            object_pairs_hook: RefCell::new(object_pairs_hook),
            parse_float: RefCell::new(parse_float),
            parse_int: RefCell::new(parse_int),
            parse_constant: RefCell::new(parse_constant),
        },
    ))
}

fn scanner_type() -> &'static TypeObject {
    SCANNER.get_or_init(|st| {
        let t = init_native_type(st, "_json", "Scanner", LayoutKind::Native, &OBJECT_TYPE, 0, |s| {
            s.new = Some(scanner_new);
            s.call = Some(scanner_call);
        });
        add_getset_to(t, "strict", |vm, me| Ok(Value::bool(state::<Scanner>(vm, me, "_json.Scanner")?.strict)), None);
        add_getset_to(t, "object_hook", |vm, me| Ok(state::<Scanner>(vm, me, "_json.Scanner")?.object_hook.borrow().clone()), None);
        add_getset_to(t, "object_pairs_hook", |vm, me| Ok(state::<Scanner>(vm, me, "_json.Scanner")?.object_pairs_hook.borrow().clone()), None);
        add_getset_to(t, "parse_float", |vm, me| Ok(state::<Scanner>(vm, me, "_json.Scanner")?.parse_float.borrow().clone()), None);
        add_getset_to(t, "parse_int", |vm, me| Ok(state::<Scanner>(vm, me, "_json.Scanner")?.parse_int.borrow().clone()), None);
        add_getset_to(t, "parse_constant", |vm, me| Ok(state::<Scanner>(vm, me, "_json.Scanner")?.parse_constant.borrow().clone()), None);
    })
}

fn py_scanstring(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "scanstring", kwnames)?;
    if args.len() < 2 || args.len() > 3 {
        let msg = if args.len() < 2 {
            format!("scanstring expected at least 2 arguments, got {}", args.len())
        } else {
            format!("scanstring expected at most 3 arguments, got {}", args.len())
        };
        return Err(vm.type_error(msg));
    }
    let doc = args[0].clone();
    let end = ssize_arg(vm, &args[1])?;
    let strict = match args.get(2) {
        Some(v) => {
            if v.is_float() {
                return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
            }
            vm.index_i64(v)? != 0
        }
        None => true,
    };
    let Some(s) = doc.downcast_ref::<StrObject>() else {
        return Err(not_a_string(vm, &doc));
    };
    if end < 0 || end as usize > s.len() {
        return Err(vm.value_error("end is out of bounds"));
    }
    let end = end as usize;
    let mut cps = Vec::new();
    let (made, start, next) = match s.kind() {
        1 => scan_string(vm, &doc, U1(s.data()), end, strict, &mut cps)?,
        2 => scan_string(vm, &doc, U2(s.data()), end, strict, &mut cps)?,
        _ => scan_string(vm, &doc, U4(s.data()), end, strict, &mut cps)?,
    };
    let v = match made {
        Some(v) => v,
        None => substring(s, start, next - 1 - start),
    };
    Ok(new_tuple(vec![v, Value::int(next as i64)]))
}

// --- string escaping ---------------------------------------------------------

/// The encoder's output: UTF-8 until a lone surrogate must be written, then
/// code points.
struct Out {
    text: String,
    wide: Option<Vec<u32>>,
}

impl Out {
    fn new() -> Out {
        Out { text: String::with_capacity(256), wide: None }
    }

    #[inline]
    fn push_ascii(&mut self, s: &str) {
        match &mut self.wide {
            None => self.text.push_str(s),
            Some(w) => w.extend(s.bytes().map(|b| b as u32)),
        }
    }

    #[inline]
    fn push_byte(&mut self, b: u8) {
        match &mut self.wide {
            None => self.text.push(b as char),
            Some(w) => w.push(b as u32),
        }
    }

    fn push_cp(&mut self, cp: u32) {
        if let Some(w) = &mut self.wide {
            w.push(cp);
            return;
        }
        match char::from_u32(cp) {
            Some(c) => self.text.push(c),
            None => {
                let mut w: Vec<u32> = self.text.chars().map(|c| c as u32).collect();
                w.push(cp);
                self.wide = Some(w);
            }
        }
    }

    fn push_strobj(&mut self, s: &StrObject) {
        if let Some(a) = s.as_ascii_str() {
            self.push_ascii(a);
        } else {
            for cp in s.code_points() {
                self.push_cp(cp);
            }
        }
    }

    fn finish(self) -> Value {
        match self.wide {
            Some(w) => new_str_from_cps(&w),
            None => new_str(&self.text),
        }
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

fn push_u_escape(out: &mut Out, c: u32) {
    out.push_ascii("\\u");
    for shift in [12, 8, 4, 0] {
        out.push_byte(HEX[((c >> shift) & 0xF) as usize]);
    }
}

/// Appends the JSON string literal for `s`: ASCII only when `ascii`.
fn escape_into(out: &mut Out, s: &StrObject, ascii: bool) {
    out.push_byte(b'"');
    if s.kind() == 1 {
        // Copy runs of plain ASCII in one go.
        let d = s.data();
        let mut run = 0;
        for (i, &b) in d.iter().enumerate() {
            let escape = b < 0x20 || b == b'"' || b == b'\\' || (ascii && b >= 0x7F);
            if !escape && b < 0x80 {
                continue;
            }
            if run < i {
                // SAFETY: the run holds ASCII bytes only.
                out.push_ascii(unsafe { std::str::from_utf8_unchecked(&d[run..i]) });
            }
            run = i + 1;
            if escape {
                escape_char(out, b as u32, ascii);
            } else {
                out.push_cp(b as u32);
            }
        }
        if run < d.len() {
            // SAFETY: as above.
            out.push_ascii(unsafe { std::str::from_utf8_unchecked(&d[run..]) });
        }
    } else {
        for c in s.code_points() {
            let needs = c < 0x20 || c == '"' as u32 || c == '\\' as u32 || (ascii && c >= 0x7F);
            if needs {
                escape_char(out, c, ascii);
            } else {
                out.push_cp(c);
            }
        }
    }
    out.push_byte(b'"');
}

fn escape_char(out: &mut Out, c: u32, ascii: bool) {
    match c {
        0x5C => out.push_ascii("\\\\"),
        0x22 => out.push_ascii("\\\""),
        0x08 => out.push_ascii("\\b"),
        0x0C => out.push_ascii("\\f"),
        0x0A => out.push_ascii("\\n"),
        0x0D => out.push_ascii("\\r"),
        0x09 => out.push_ascii("\\t"),
        _ if c >= 0x10000 && ascii => {
            let v = c - 0x10000;
            push_u_escape(out, 0xD800 | ((v >> 10) & 0x3FF));
            push_u_escape(out, 0xDC00 | (v & 0x3FF));
        }
        _ => push_u_escape(out, c),
    }
}

fn encode_str(s: &StrObject, ascii: bool) -> Value {
    let mut out = Out { text: String::with_capacity(s.len() + 2), wide: None };
    escape_into(&mut out, s, ascii);
    out.finish()
}

fn encode_basestring_ascii(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::exact::<1>(vm, "encode_basestring_ascii", args, 0)?;
    crate::args::check_no_kwargs(vm, "encode_basestring_ascii", kwnames)?;
    match a[0].downcast_ref::<StrObject>() {
        Some(s) => Ok(encode_str(s, true)),
        None => Err(not_a_string(vm, &a[0])),
    }
}

fn encode_basestring(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::exact::<1>(vm, "encode_basestring", args, 0)?;
    crate::args::check_no_kwargs(vm, "encode_basestring", kwnames)?;
    match a[0].downcast_ref::<StrObject>() {
        Some(s) => Ok(encode_str(s, false)),
        None => Err(not_a_string(vm, &a[0])),
    }
}

// --- the encoder -------------------------------------------------------------

struct Encoder {
    markers: RefCell<Value>,
    default: RefCell<Value>,
    encoder: RefCell<Value>,
    indent: RefCell<Value>,
    key_separator: RefCell<Value>,
    item_separator: RefCell<Value>,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
    /// `Some(ascii)` when `encoder` is one of this module's escapers.
    fast: Option<bool>,
}

impl Encoder {
    fn cells(&self) -> [&RefCell<Value>; 6] {
        [
            &self.markers,
            &self.default,
            &self.encoder,
            &self.indent,
            &self.key_separator,
            &self.item_separator,
        ]
    }
}

impl NativeData for Encoder {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for c in self.cells() {
            if let Ok(v) = c.try_borrow() {
                visit(&v);
            }
        }
    }
    fn clear(&self) {
        for c in self.cells() {
            if let Ok(mut v) = c.try_borrow_mut() {
                *v = none();
            }
        }
    }
}

/// One encoder call: the options copied out, the containers being encoded.
struct Encode {
    check_circular: bool,
    default: Value,
    encoder: Value,
    key_sep: Value,
    item_sep: Value,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
    fast: Option<bool>,
    /// Addresses of the containers (and defaulted objects) open right now.
    open: Vec<u64>,
    out: Out,
}

impl Encode {
    fn enter(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<bool> {
        if !self.check_circular {
            return Ok(false);
        }
        let id = obj.bits();
        if self.open.contains(&id) {
            return Err(vm.value_error("Circular reference detected"));
        }
        self.open.push(id);
        Ok(true)
    }

    fn leave(&mut self, marked: bool, obj: &Value) {
        if marked {
            let id = obj.bits();
            if let Some(pos) = self.open.iter().rposition(|&x| x == id) {
                self.open.remove(pos);
            }
        }
    }

    fn float(&mut self, vm: &mut Vm, f: f64) -> PyResult<()> {
        if !f.is_finite() {
            if !self.allow_nan {
                return Err(vm.value_error("Out of range float values are not JSON compliant"));
            }
            self.out.push_ascii(if f > 0.0 {
                "Infinity"
            } else if f < 0.0 {
                "-Infinity"
            } else {
                "NaN"
            });
            return Ok(());
        }
        match &mut self.out.wide {
            None => pyrite_repr::write_float_repr(&mut self.out.text, f),
            Some(_) => {
                let s = pyrite_repr::float_repr(f);
                self.out.push_ascii(&s);
            }
        }
        Ok(())
    }

    fn int(&mut self, vm: &mut Vm, i: IntView) -> PyResult<()> {
        match (i, &mut self.out.wide) {
            (IntView::Small(n), None) => pyrite_repr::push_decimal_i64(&mut self.out.text, n),
            _ => {
                let s = int_to_decimal(vm, i)?;
                self.out.push_ascii(&s);
            }
        }
        Ok(())
    }

    fn string(&mut self, vm: &mut Vm, v: &Value, s: &StrObject) -> PyResult<()> {
        if let Some(ascii) = self.fast {
            escape_into(&mut self.out, s, ascii);
            return Ok(());
        }
        let enc = self.encoder.clone();
        let r = vm.call1(&enc, v.clone())?;
        match r.downcast_ref::<StrObject>() {
            Some(rs) => {
                self.out.push_strobj(rs);
                Ok(())
            }
            None => {
                let msg = format!("encoder() must return a string, not {}", vm.type_name(&r));
                Err(vm.type_error(msg))
            }
        }
    }

    fn sep(&mut self, item: bool) {
        let v = if item { &self.item_sep } else { &self.key_sep };
        if let Some(s) = v.downcast_ref::<StrObject>() {
            // Cannot borrow self.out while v borrows self: copy the pointer.
            let s: *const StrObject = s;
            // SAFETY: the separator Value is kept alive by `self` meanwhile.
            self.out.push_strobj(unsafe { &*s });
        }
    }

    fn obj(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<()> {
        if obj.is_none() {
            self.out.push_ascii("null");
            return Ok(());
        }
        if obj.is_true_obj() {
            self.out.push_ascii("true");
            return Ok(());
        }
        if obj.is_false_obj() {
            self.out.push_ascii("false");
            return Ok(());
        }
        if let Some(f) = obj.as_float() {
            return self.float(vm, f);
        }
        if let Some(s) = obj.downcast_ref::<StrObject>() {
            return self.string(vm, obj, s);
        }
        if let Some(i) = as_int(obj) {
            return self.int(vm, i);
        }
        if let Some(f) = as_float(obj) {
            return self.float(vm, f);
        }
        if obj.downcast_ref::<ListObject>().is_some() || obj.downcast_ref::<TupleObject>().is_some() {
            vm.enter_recursion(" while encoding a JSON object")?;
            let r = self.list(vm, obj);
            vm.leave_recursion();
            return r;
        }
        if obj.downcast_ref::<DictObject>().is_some() {
            vm.enter_recursion(" while encoding a JSON object")?;
            let r = self.dict(vm, obj);
            vm.leave_recursion();
            return r;
        }
        let marked = self.enter(vm, obj)?;
        let d = self.default.clone();
        let newobj = vm.call1(&d, obj.clone())?;
        vm.enter_recursion(" while encoding a JSON object")?;
        let r = self.obj(vm, &newobj);
        vm.leave_recursion();
        r?;
        self.leave(marked, obj);
        Ok(())
    }

    fn list(&mut self, vm: &mut Vm, seq: &Value) -> PyResult<()> {
        let len = |seq: &Value| match seq.downcast_ref::<ListObject>() {
            Some(l) => l.len(),
            None => seq.downcast_ref::<TupleObject>().map_or(0, |t| t.len()),
        };
        let item = |seq: &Value, i: usize| match seq.downcast_ref::<ListObject>() {
            Some(l) => l.get(i),
            None => seq.downcast_ref::<TupleObject>().and_then(|t| t.get(i).cloned()),
        };
        if len(seq) == 0 {
            self.out.push_ascii("[]");
            return Ok(());
        }
        let marked = self.enter(vm, seq)?;
        self.out.push_byte(b'[');
        // The list may change while encoding (default() can mutate it):
        // its length is read again at each step, as CPython does.
        let mut i = 0;
        while let Some(v) = item(seq, i) {
            if i > 0 {
                self.sep(true);
            }
            self.obj(vm, &v)?;
            i += 1;
        }
        self.leave(marked, seq);
        self.out.push_byte(b']');
        Ok(())
    }

    fn dict(&mut self, vm: &mut Vm, dct: &Value) -> PyResult<()> {
        let Some(d) = dct.downcast_ref::<DictObject>() else {
            return Ok(());
        };
        if d.is_empty() {
            self.out.push_ascii("{}");
            return Ok(());
        }
        let marked = self.enter(vm, dct)?;
        self.out.push_byte(b'{');
        // PyMapping_Items: a snapshot of an exact dict, `items()` of a subclass.
        let items: Vec<(Value, Value)> = if is_exact(dct, &DICT_TYPE) && !self.sort_keys {
            d.items()
        } else {
            let list = if is_exact(dct, &DICT_TYPE) {
                new_list(d.items().into_iter().map(|(k, v)| new_tuple(vec![k, v])).collect())
            } else {
                let it = vm.call_method(dct, "items", &[])?;
                let l = vm.call1(&crate::typeobj::LIST_TYPE.get().as_value(), it)?;
                if l.downcast_ref::<ListObject>().is_none() {
                    return Err(vm.type_error("items must return a list"));
                }
                l
            };
            if self.sort_keys {
                vm.call_method(&list, "sort", &[])?;
            }
            let mut pairs = Vec::new();
            let entries = list.downcast_ref::<ListObject>().map(|l| l.to_vec()).unwrap_or_default();
            for e in entries {
                match e.downcast_ref::<TupleObject>() {
                    Some(t) if t.len() == 2 => pairs.push((t.items()[0].clone(), t.items()[1].clone())),
                    _ => return Err(vm.value_error("items must return 2-tuples")),
                }
            }
            pairs
        };
        let mut first = true;
        for (key, value) in items {
            let kstr: Value = if key.downcast_ref::<StrObject>().is_some() {
                key
            } else if key.is_none() || key.is_true_obj() || key.is_false_obj() {
                new_str(if key.is_none() {
                    "null"
                } else if key.is_true_obj() {
                    "true"
                } else {
                    "false"
                })
            } else if let Some(f) = as_float(&key).filter(|_| as_int(&key).is_none()) {
                let saved = std::mem::replace(&mut self.out, Out::new());
                let r = self.float(vm, f);
                let o = std::mem::replace(&mut self.out, saved);
                r?;
                o.finish()
            } else if let Some(i) = as_int(&key) {
                new_str(&int_to_decimal(vm, i)?)
            } else if self.skipkeys {
                continue;
            } else {
                let msg = format!("keys must be str, int, float, bool or None, not {}", vm.type_name(&key));
                return Err(vm.type_error(msg));
            };
            if !first {
                self.sep(true);
            }
            first = false;
            if let Some(s) = kstr.downcast_ref::<StrObject>() {
                self.string(vm, &kstr, s)?;
            }
            self.sep(false);
            self.obj(vm, &value)?;
        }
        self.leave(marked, dct);
        self.out.push_byte(b'}');
        Ok(())
    }
}

fn encoder_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    const NAMES: [&str; 9] = [
        "markers",
        "default",
        "encoder",
        "indent",
        "key_separator",
        "item_separator",
        "sort_keys",
        "skipkeys",
        "allow_nan",
    ];
    let a = ArgSpec::parse(vm, "make_encoder", args, kwnames, &NAMES, 9, 9)?;
    let a: Vec<Value> = a.into_iter().map(|v| v.unwrap_or_else(none)).collect();
    for i in [4, 5] {
        if a[i].downcast_ref::<StrObject>().is_none() {
            let msg = format!("make_encoder() argument {} must be str, not {}", i + 1, vm.type_name(&a[i]));
            return Err(vm.type_error(msg));
        }
    }
    let sort_keys = vm.is_true(&a[6])?;
    let skipkeys = vm.is_true(&a[7])?;
    let allow_nan = vm.is_true(&a[8])?;
    if !a[0].is_none() && a[0].downcast_ref::<DictObject>().is_none() {
        let msg = format!("make_encoder() argument 1 must be dict or None, not {}", vm.type_name(&a[0]));
        return Err(vm.type_error(msg));
    }
    let fast = a[2].downcast_ref::<BuiltinFunction>().and_then(|f| {
        if f.func as *const () == encode_basestring_ascii as *const () {
            Some(true)
        } else if f.func as *const () == encode_basestring as *const () {
            Some(false)
        } else {
            None
        }
    });
    Ok(new_native(
        cls_type(cls, encoder_type()),
        Encoder {
            markers: RefCell::new(a[0].clone()),
            default: RefCell::new(a[1].clone()),
            encoder: RefCell::new(a[2].clone()),
            indent: RefCell::new(a[3].clone()),
            key_separator: RefCell::new(a[4].clone()),
            item_separator: RefCell::new(a[5].clone()),
            sort_keys,
            skipkeys,
            allow_nan,
            fast,
        },
    ))
}

fn encoder_call(vm: &mut Vm, me: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let e = state::<Encoder>(vm, me, "_json.Encoder")?;
    let a = ArgSpec::parse(vm, "_iterencode", args, kwnames, &["obj", "_current_indent_level"], 2, 2)?;
    let obj = a[0].clone().unwrap_or_else(none);
    let level = a[1].clone().unwrap_or_else(none);
    ssize_arg(vm, &level)?;
    let mut enc = Encode {
        check_circular: !e.markers.borrow().is_none(),
        default: e.default.borrow().clone(),
        encoder: e.encoder.borrow().clone(),
        key_sep: e.key_separator.borrow().clone(),
        item_sep: e.item_separator.borrow().clone(),
        sort_keys: e.sort_keys,
        skipkeys: e.skipkeys,
        allow_nan: e.allow_nan,
        fast: e.fast,
        open: Vec::new(),
        out: Out::new(),
    };
    enc.obj(vm, &obj)?;
    Ok(new_list(vec![enc.out.finish()]))
}

fn encoder_type() -> &'static TypeObject {
    ENCODER.get_or_init(|st| {
        let t = init_native_type(st, "_json", "Encoder", LayoutKind::Native, &OBJECT_TYPE, 0, |s| {
            s.new = Some(encoder_new);
            s.call = Some(encoder_call);
        });
        const W: &str = "_json.Encoder";
        add_getset_to(t, "markers", |vm, me| Ok(state::<Encoder>(vm, me, W)?.markers.borrow().clone()), None);
        add_getset_to(t, "default", |vm, me| Ok(state::<Encoder>(vm, me, W)?.default.borrow().clone()), None);
        add_getset_to(t, "encoder", |vm, me| Ok(state::<Encoder>(vm, me, W)?.encoder.borrow().clone()), None);
        add_getset_to(t, "indent", |vm, me| Ok(state::<Encoder>(vm, me, W)?.indent.borrow().clone()), None);
        add_getset_to(t, "key_separator", |vm, me| Ok(state::<Encoder>(vm, me, W)?.key_separator.borrow().clone()), None);
        add_getset_to(t, "item_separator", |vm, me| Ok(state::<Encoder>(vm, me, W)?.item_separator.borrow().clone()), None);
        add_getset_to(t, "sort_keys", |vm, me| Ok(Value::bool(state::<Encoder>(vm, me, W)?.sort_keys)), None);
        add_getset_to(t, "skipkeys", |vm, me| Ok(Value::bool(state::<Encoder>(vm, me, W)?.skipkeys)), None);
    })
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_json");
    m.doc("json speedups\n");
    m.functions(&[
        ("encode_basestring_ascii", encode_basestring_ascii),
        ("encode_basestring", encode_basestring),
        ("scanstring", py_scanstring),
    ]);
    m.value("make_scanner", scanner_type().as_value());
    m.value("make_encoder", encoder_type().as_value());
    let _ = type_of;
    Ok(m.finish())
}
