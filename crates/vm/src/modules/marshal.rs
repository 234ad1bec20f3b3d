//! `marshal`: CPython 3.11's serialisation format for the values a code
//! object's constants can hold (None, bools, ints, floats, complexes, str,
//! bytes, tuples, lists, dicts, sets, frozensets, StopIteration, Ellipsis),
//! versions 0 to 4, with references (version 3+) given to objects that are
//! shared, as CPython gives them to objects with more than one reference.
//! pyrite's code objects run pyrite's own bytecode form and are not marshalled:
//! `dumps(code)` raises ValueError as for any unmarshallable object.

use crate::args::ArgSpec;
use crate::exception::{ExcKind, PyErr, PyResult};
use crate::modules::ModuleBuilder;
use crate::objects::bytes::{new_bytes, new_bytes_from_vec, BytesObject};
use crate::objects::complex::new_complex;
use crate::objects::dict::DictObject;
use crate::objects::int::{as_int, int_from_big, IntView};
use crate::objects::list::{new_list, ListObject};
use crate::objects::set::{new_frozenset, new_set, SetObject};
use crate::objects::singletons::{ellipsis, none};
use crate::objects::str::{new_str_from_cps, StrObject};
use crate::objects::tuple::{new_tuple, TupleObject};
use crate::typeobj::{is_exact, KwNames};
use crate::typeobj::{
    BYTES_TYPE, COMPLEX_TYPE, DICT_TYPE, FLOAT_TYPE, FROZENSET_TYPE, INT_TYPE, LIST_TYPE, SET_TYPE, STR_TYPE,
    TUPLE_TYPE,
};
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::BigInt;
use std::collections::HashMap;

/// `marshal.version`: the default format.
const VERSION: i64 = 4;
/// CPython's MAX_MARSHAL_STACK_DEPTH.
const MAX_DEPTH: usize = 2000;
const FLAG_REF: u8 = 0x80;

mod tag {
    pub const NULL: u8 = b'0';
    pub const NONE: u8 = b'N';
    pub const FALSE: u8 = b'F';
    pub const TRUE: u8 = b'T';
    pub const STOPITER: u8 = b'S';
    pub const ELLIPSIS: u8 = b'.';
    pub const INT: u8 = b'i';
    pub const LONG: u8 = b'l';
    pub const FLOAT: u8 = b'f';
    pub const BINARY_FLOAT: u8 = b'g';
    pub const COMPLEX: u8 = b'x';
    pub const BINARY_COMPLEX: u8 = b'y';
    pub const STRING: u8 = b's';
    pub const INTERNED: u8 = b't';
    pub const REF: u8 = b'r';
    pub const TUPLE: u8 = b'(';
    pub const LIST: u8 = b'[';
    pub const DICT: u8 = b'{';
    pub const CODE: u8 = b'c';
    pub const UNICODE: u8 = b'u';
    pub const SET: u8 = b'<';
    pub const FROZENSET: u8 = b'>';
    pub const ASCII: u8 = b'a';
    pub const ASCII_INTERNED: u8 = b'A';
    pub const SMALL_TUPLE: u8 = b')';
    pub const SHORT_ASCII: u8 = b'z';
    pub const SHORT_ASCII_INTERNED: u8 = b'Z';
}

enum WriteError {
    Unmarshallable,
    TooDeep,
    Py(PyErr),
}

struct Writer {
    out: Vec<u8>,
    version: i64,
    depth: usize,
    /// Identity of a shared object -> its reference index (version 3+).
    refs: HashMap<u64, u32>,
}

/// The identity marshal's reference table uses: the object's address, or
/// for unboxed ints and floats their bits (CPython shares equal small ints
/// and a code object's equal constants, which is what this mirrors).
fn identity(v: &Value) -> u64 {
    v.bits()
}

/// Whether CPython would see more than one reference to `v` (unboxed
/// values stand for shared constants and cached small ints).
/// `extra` counts the references marshal itself holds (its copies of a
/// container's items, its parsed arguments).
fn is_shared(v: &Value, extra: usize) -> bool {
    crate::object::refcount(v).map_or(true, |n| n.saturating_sub(extra) > 1)
}

fn is_interned(v: &Value) -> bool {
    crate::object::refcount(v).is_some_and(|n| n >= crate::object::IMMORTAL_REFCOUNT as usize)
}

impl Writer {
    fn byte(&mut self, b: u8) {
        self.out.push(b);
    }
    fn long(&mut self, x: i32) {
        self.out.extend_from_slice(&x.to_le_bytes());
    }
    fn size(&mut self, n: usize) -> Result<(), WriteError> {
        // CPython refuses sizes above 2**31 - 1 as unmarshallable.
        let n = i32::try_from(n).map_err(|_| WriteError::Unmarshallable)?;
        self.long(n);
        Ok(())
    }
    fn pstring(&mut self, data: &[u8]) -> Result<(), WriteError> {
        self.size(data.len())?;
        self.out.extend_from_slice(data);
        Ok(())
    }

    /// Writes a reference when `v` was written before; otherwise records it
    /// and returns the flag to or into its type byte.
    fn try_ref(&mut self, v: &Value, extra: usize) -> Option<u8> {
        if self.version < 3 || !is_shared(v, extra) {
            return Some(0);
        }
        let id = identity(v);
        if let Some(&i) = self.refs.get(&id) {
            self.byte(tag::REF);
            self.long(i as i32);
            return None;
        }
        let i = self.refs.len() as u32;
        self.refs.insert(id, i);
        Some(FLAG_REF)
    }

    /// Writes `v`, of which marshal holds `extra` references of its own.
    fn object(&mut self, vm: &mut Vm, v: &Value, extra: usize) -> Result<(), WriteError> {
        self.depth += 1;
        let r = self.object_inner(vm, v, extra);
        self.depth -= 1;
        r
    }

    fn object_inner(&mut self, vm: &mut Vm, v: &Value, extra: usize) -> Result<(), WriteError> {
        if self.depth > MAX_DEPTH {
            return Err(WriteError::TooDeep);
        }
        if v.is_none() {
            self.byte(tag::NONE);
            return Ok(());
        }
        if v.is(&ellipsis()) {
            self.byte(tag::ELLIPSIS);
            return Ok(());
        }
        if v.is(&crate::exception::exc_type_value(ExcKind::StopIteration)) {
            self.byte(tag::STOPITER);
            return Ok(());
        }
        if crate::objects::int::is_bool(v) && is_exact(v, &crate::typeobj::BOOL_TYPE) {
            self.byte(if matches!(as_int(v), Some(IntView::Small(1))) { tag::TRUE } else { tag::FALSE });
            return Ok(());
        }
        let Some(flag) = self.try_ref(v, extra) else {
            return Ok(());
        };
        self.complex_object(vm, v, flag)
    }

    fn complex_object(&mut self, vm: &mut Vm, v: &Value, flag: u8) -> Result<(), WriteError> {
        if is_exact(v, &INT_TYPE) {
            let Some(iv) = as_int(v) else {
                return Err(WriteError::Unmarshallable);
            };
            match iv {
                IntView::Small(i) if i32::try_from(i).is_ok() => {
                    self.byte(tag::INT | flag);
                    self.long(i as i32);
                }
                IntView::Small(i) => self.write_long(&BigInt::from(i), flag)?,
                IntView::Big(b) => {
                    let b = b.clone();
                    self.write_long(&b, flag)?
                }
            }
        } else if is_exact(v, &FLOAT_TYPE) {
            let f = crate::objects::float::as_float(v).unwrap_or(0.0);
            if self.version > 1 {
                self.byte(tag::BINARY_FLOAT | flag);
                self.out.extend_from_slice(&f.to_le_bytes());
            } else {
                self.byte(tag::FLOAT | flag);
                self.float_str(f);
            }
        } else if is_exact(v, &COMPLEX_TYPE) {
            let (re, im) = crate::objects::complex::as_complex(v).unwrap_or((0.0, 0.0));
            if self.version > 1 {
                self.byte(tag::BINARY_COMPLEX | flag);
                self.out.extend_from_slice(&re.to_le_bytes());
                self.out.extend_from_slice(&im.to_le_bytes());
            } else {
                self.byte(tag::COMPLEX | flag);
                self.float_str(re);
                self.float_str(im);
            }
        } else if is_exact(v, &BYTES_TYPE) {
            let data = v.downcast_ref::<BytesObject>().map(|b| b.data().to_vec()).unwrap_or_default();
            self.byte(tag::STRING | flag);
            self.pstring(&data)?;
        } else if is_exact(v, &STR_TYPE) {
            let Some(s) = v.downcast_ref::<StrObject>() else {
                return Err(WriteError::Unmarshallable);
            };
            let interned = is_interned(v);
            if self.version >= 4 && s.is_ascii() {
                let data = s.to_generalized_utf8();
                if data.len() < 256 {
                    self.byte(if interned { tag::SHORT_ASCII_INTERNED } else { tag::SHORT_ASCII } | flag);
                    self.byte(data.len() as u8);
                    self.out.extend_from_slice(&data);
                } else {
                    self.byte(if interned { tag::ASCII_INTERNED } else { tag::ASCII } | flag);
                    self.pstring(&data)?;
                }
            } else {
                // UTF-8 with lone surrogates kept ("surrogatepass").
                let data = s.to_generalized_utf8();
                let t = if interned && self.version >= 3 { tag::INTERNED } else { tag::UNICODE };
                self.byte(t | flag);
                self.pstring(&data)?;
            }
        } else if is_exact(v, &TUPLE_TYPE) {
            let items = v.downcast_ref::<TupleObject>().map(|t| t.items().to_vec()).unwrap_or_default();
            if self.version >= 4 && items.len() < 256 {
                self.byte(tag::SMALL_TUPLE | flag);
                self.byte(items.len() as u8);
            } else {
                self.byte(tag::TUPLE | flag);
                self.size(items.len())?;
            }
            for it in &items {
                self.object(vm, it, 1)?;
            }
        } else if is_exact(v, &LIST_TYPE) {
            let items = v.downcast_ref::<ListObject>().map(|l| l.to_vec()).unwrap_or_default();
            self.byte(tag::LIST | flag);
            self.size(items.len())?;
            for it in &items {
                self.object(vm, it, 1)?;
            }
        } else if is_exact(v, &DICT_TYPE) {
            let items = v.downcast_ref::<DictObject>().map(|d| d.items()).unwrap_or_default();
            self.byte(tag::DICT | flag);
            for (k, val) in &items {
                self.object(vm, k, 1)?;
                self.object(vm, val, 1)?;
            }
            self.byte(tag::NULL);
        } else if is_exact(v, &SET_TYPE) || is_exact(v, &FROZENSET_TYPE) {
            let entries = v.downcast_ref::<SetObject>().map(|s| s.entries()).unwrap_or_default();
            self.byte(if is_exact(v, &FROZENSET_TYPE) { tag::FROZENSET } else { tag::SET } | flag);
            self.size(entries.len())?;
            // Sorted by each element's own dump, for reproducible output (bpo-37596).
            let mut keyed = Vec::with_capacity(entries.len());
            for (item, _) in entries {
                let dump = dumps_bytes(vm, &item, self.version, 1).map_err(|_| WriteError::Unmarshallable)?;
                keyed.push((dump, item));
            }
            keyed.sort_by(|a, b| a.0.cmp(&b.0));
            for (_, item) in &keyed {
                self.object(vm, item, 1)?;
            }
        } else if v.downcast_ref::<crate::objects::code::CodeObj>().is_some() {
            return Err(WriteError::Unmarshallable);
        } else if let Some(data) = buffer_of(vm, v).map_err(WriteError::Py)? {
            self.byte(tag::STRING | flag);
            self.pstring(&data)?;
        } else {
            return Err(WriteError::Unmarshallable);
        }
        Ok(())
    }

    /// An int beyond 32 bits: its magnitude in 15-bit digits, least first,
    /// the digit count signed as the int.
    fn write_long(&mut self, b: &BigInt, flag: u8) -> Result<(), WriteError> {
        use num_bigint::Sign;
        let (sign, mag) = b.to_u32_digits();
        let mut digits: Vec<u16> = Vec::new();
        let mut acc: u64 = 0;
        let mut bits: u32 = 0;
        for d in mag {
            acc |= (d as u64) << bits;
            bits += 32;
            while bits >= 15 {
                digits.push((acc & 0x7fff) as u16);
                acc >>= 15;
                bits -= 15;
            }
        }
        while bits > 0 {
            digits.push((acc & 0x7fff) as u16);
            acc >>= 15;
            bits = bits.saturating_sub(15);
        }
        while digits.last() == Some(&0) {
            digits.pop();
        }
        self.byte(tag::LONG | flag);
        let n = i32::try_from(digits.len()).map_err(|_| WriteError::Unmarshallable)?;
        self.long(if sign == Sign::Minus { -n } else { n });
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
        Ok(())
    }

    /// Version 0/1 floats: a length byte and `%.17g` text.
    fn float_str(&mut self, f: f64) {
        let s = format_g17(f);
        self.byte(s.len() as u8);
        self.out.extend_from_slice(s.as_bytes());
    }
}

/// C's `%.17g` with CPython's spellings of the special values.
fn format_g17(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let e_form = format!("{:.16e}", f);
    let (mant, exp) = e_form.split_once('e').unwrap_or((&e_form, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if (-4..17).contains(&exp) {
        let decimals = (16 - exp).max(0) as usize;
        let s = format!("{:.*}", decimals, f);
        strip_fraction_zeros(&s)
    } else {
        let m = strip_fraction_zeros(mant);
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{m}e{sign}{:02}", exp.abs())
    }
}

fn strip_fraction_zeros(s: &str) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s.to_string()
    }
}

/// The bytes of an object exporting a buffer (bytearray, memoryview, ...).
fn buffer_of(vm: &mut Vm, v: &Value) -> PyResult<Option<Vec<u8>>> {
    Ok(crate::objects::memoryview::bytes_like(vm, v)?.map(|c| c.into_owned()))
}

fn dumps_bytes(vm: &mut Vm, v: &Value, version: i64, extra: usize) -> Result<Vec<u8>, WriteError> {
    let mut w = Writer {
        out: Vec::new(),
        version,
        depth: 0,
        refs: HashMap::new(),
    };
    w.object(vm, v, extra)?;
    Ok(w.out)
}

fn write_error(vm: &mut Vm, e: WriteError) -> PyErr {
    match e {
        WriteError::Unmarshallable => vm.value_error("unmarshallable object"),
        WriteError::TooDeep => vm.value_error("object too deeply nested to marshal"),
        WriteError::Py(e) => e,
    }
}

/// Where `load`/`loads` read from.
enum Input<'a> {
    Bytes(&'a [u8]),
    File(Value),
}

struct Reader<'a> {
    input: Input<'a>,
    pos: usize,
    depth: usize,
    refs: Vec<Option<Value>>,
}

impl<'a> Reader<'a> {
    fn take(&mut self, vm: &mut Vm, n: usize) -> PyResult<Vec<u8>> {
        match &self.input {
            Input::Bytes(b) => {
                if b.len() - self.pos < n {
                    return Err(vm.new_error(ExcKind::EOFError, "marshal data too short"));
                }
                let out = b[self.pos..self.pos + n].to_vec();
                self.pos += n;
                Ok(out)
            }
            Input::File(f) => {
                let f = f.clone();
                let data = vm.call_method(&f, "read", &[Value::int(n as i64)])?;
                let Some(b) = data.downcast_ref::<BytesObject>() else {
                    let msg = format!("file.read() returned not bytes but {}", vm.type_name(&data));
                    return Err(vm.type_error(msg));
                };
                let got = b.data().len();
                if got > n {
                    let msg = format!("read() returned too much data: {n} bytes requested, {got} returned");
                    return Err(vm.value_error(msg));
                }
                if got < n {
                    return Err(vm.new_error(ExcKind::EOFError, "EOF read where not expected"));
                }
                Ok(b.data().to_vec())
            }
        }
    }

    /// The next type byte, None at the end of the input.
    fn type_byte(&mut self, vm: &mut Vm) -> PyResult<Option<u8>> {
        match &self.input {
            Input::Bytes(b) => {
                let c = b.get(self.pos).copied();
                if c.is_some() {
                    self.pos += 1;
                }
                Ok(c)
            }
            Input::File(f) => {
                let f = f.clone();
                let data = vm.call_method(&f, "read", &[Value::int(1)])?;
                let Some(b) = data.downcast_ref::<BytesObject>() else {
                    let msg = format!("file.read() returned not bytes but {}", vm.type_name(&data));
                    return Err(vm.type_error(msg));
                };
                Ok(b.data().first().copied())
            }
        }
    }

    fn i32(&mut self, vm: &mut Vm) -> PyResult<i32> {
        let b = self.take(vm, 4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn f64(&mut self, vm: &mut Vm) -> PyResult<f64> {
        let b = self.take(vm, 8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(&b);
        Ok(f64::from_le_bytes(a))
    }

    fn float_str(&mut self, vm: &mut Vm) -> PyResult<f64> {
        let n = self.take(vm, 1)?[0] as usize;
        let text = self.take(vm, n)?;
        let text = String::from_utf8_lossy(&text).into_owned();
        match crate::objects::float::parse_float(text.trim()) {
            Some(f) => Ok(f),
            None => {
                let msg = format!("could not convert string to float: '{text}'");
                Err(vm.value_error(msg))
            }
        }
    }

    /// A size field: non-negative, else `what`'s out-of-range error.
    fn size(&mut self, vm: &mut Vm, what: &str) -> PyResult<usize> {
        let n = self.i32(vm)?;
        if n < 0 {
            return Err(vm.value_error(format!("bad marshal data ({what} size out of range)")));
        }
        Ok(n as usize)
    }

    fn object(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(code) = self.type_byte(vm)? else {
            return Err(vm.new_error(ExcKind::EOFError, "EOF read where object expected"));
        };
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            return Err(vm.value_error("recursion limit exceeded"));
        }
        let r = self.object_of(vm, code);
        self.depth -= 1;
        r
    }

    /// An object that must not be NULL, with CPython's message naming the container.
    fn item(&mut self, vm: &mut Vm, container: &str) -> PyResult<Value> {
        match self.object(vm)? {
            Some(v) => Ok(v),
            None => Err(vm.type_error(format!("NULL object in marshal data for {container}"))),
        }
    }

    fn reserve_ref(&mut self, flag: bool) -> Option<usize> {
        flag.then(|| {
            self.refs.push(None);
            self.refs.len() - 1
        })
    }

    fn set_ref(&mut self, slot: Option<usize>, v: &Value) {
        if let Some(i) = slot {
            if let Some(s) = self.refs.get_mut(i) {
                *s = Some(v.clone());
            }
        }
    }

    fn object_of(&mut self, vm: &mut Vm, code: u8) -> PyResult<Option<Value>> {
        let flag = code & FLAG_REF != 0;
        let t = code & !FLAG_REF;
        let simple = |v: Value| Ok(Some(v));
        let v = match t {
            tag::NULL => return Ok(None),
            tag::NONE => return simple(none()),
            tag::STOPITER => return simple(crate::exception::exc_type_value(ExcKind::StopIteration)),
            tag::ELLIPSIS => return simple(ellipsis()),
            tag::FALSE => return simple(Value::bool(false)),
            tag::TRUE => return simple(Value::bool(true)),
            tag::INT => Value::int(self.i32(vm)? as i64),
            tag::LONG => self.read_long(vm)?,
            tag::FLOAT => Value::float(self.float_str(vm)?),
            tag::BINARY_FLOAT => Value::float(self.f64(vm)?),
            tag::COMPLEX => {
                let re = self.float_str(vm)?;
                let im = self.float_str(vm)?;
                new_complex(re, im)
            }
            tag::BINARY_COMPLEX => {
                let re = self.f64(vm)?;
                let im = self.f64(vm)?;
                new_complex(re, im)
            }
            tag::STRING => {
                let n = self.i32(vm)?;
                if n < 0 {
                    return Err(vm.value_error("bad marshal data (bytes object size out of range)"));
                }
                new_bytes_from_vec(self.take(vm, n as usize)?)
            }
            tag::ASCII | tag::ASCII_INTERNED | tag::SHORT_ASCII | tag::SHORT_ASCII_INTERNED => {
                let n = if t == tag::SHORT_ASCII || t == tag::SHORT_ASCII_INTERNED {
                    self.take(vm, 1)?[0] as usize
                } else {
                    let n = self.i32(vm)?;
                    if n < 0 {
                        return Err(vm.value_error("bad marshal data (string size out of range)"));
                    }
                    n as usize
                };
                let data = self.take(vm, n)?;
                // Latin-1 decoding, as CPython reads these.
                let cps: Vec<u32> = data.iter().map(|&b| b as u32).collect();
                let s = new_str_from_cps(&cps);
                if t == tag::ASCII_INTERNED || t == tag::SHORT_ASCII_INTERNED {
                    crate::objects::str::intern_value(&s)
                } else {
                    s
                }
            }
            tag::UNICODE | tag::INTERNED => {
                let n = self.i32(vm)?;
                if n < 0 {
                    return Err(vm.value_error("bad marshal data (string size out of range)"));
                }
                let data = self.take(vm, n as usize)?;
                let s = decode_surrogatepass(vm, &data)?;
                if t == tag::INTERNED {
                    crate::objects::str::intern_value(&s)
                } else {
                    s
                }
            }
            tag::TUPLE | tag::SMALL_TUPLE => {
                let n = if t == tag::SMALL_TUPLE {
                    self.take(vm, 1)?[0] as usize
                } else {
                    self.size(vm, "tuple")?
                };
                // A tuple's slot is filled once it is complete: a reference
                // to it from inside reads as the invalid reference CPython's NULL gives.
                let slot = self.reserve_ref(flag);
                let mut items = Vec::with_capacity(n.min(1 << 16));
                for _ in 0..n {
                    items.push(self.item(vm, "tuple")?);
                }
                let v = new_tuple(items);
                self.set_ref(slot, &v);
                return Ok(Some(v));
            }
            tag::LIST => {
                let n = self.size(vm, "list")?;
                let v = new_list(Vec::with_capacity(n.min(1 << 16)));
                let slot = self.reserve_ref(flag);
                self.set_ref(slot, &v);
                for _ in 0..n {
                    let it = self.item(vm, "list")?;
                    if let Some(l) = v.downcast_ref::<ListObject>() {
                        l.push(it);
                    }
                }
                return Ok(Some(v));
            }
            tag::DICT => {
                let v = DictObject::new_value();
                let slot = self.reserve_ref(flag);
                self.set_ref(slot, &v);
                loop {
                    let Some(k) = self.object(vm)? else { break };
                    let Some(val) = self.object(vm)? else { break };
                    if let Some(d) = v.downcast_ref::<DictObject>() {
                        d.set_item(vm, k, val)?;
                    }
                }
                return Ok(Some(v));
            }
            tag::SET | tag::FROZENSET => {
                let n = self.size(vm, "set")?;
                let v = if t == tag::SET { new_set() } else { new_frozenset() };
                // A frozenset's slot, like a tuple's, is filled when complete.
                let slot = self.reserve_ref(flag);
                if t == tag::SET {
                    self.set_ref(slot, &v);
                }
                for _ in 0..n {
                    let it = self.item(vm, "set")?;
                    if let Some(s) = v.downcast_ref::<SetObject>() {
                        s.add(vm, it)?;
                    }
                }
                if t == tag::FROZENSET {
                    self.set_ref(slot, &v);
                }
                return Ok(Some(v));
            }
            tag::REF => {
                let n = self.i32(vm)?;
                let got = usize::try_from(n).ok().and_then(|i| self.refs.get(i).cloned().flatten());
                return match got {
                    Some(v) => Ok(Some(v)),
                    None => Err(vm.value_error("bad marshal data (invalid reference)")),
                };
            }
            tag::CODE => {
                return Err(vm.value_error("bad marshal data (pyrite cannot load code objects)"));
            }
            _ => return Err(vm.value_error("bad marshal data (unknown type code)")),
        };
        if flag {
            self.refs.push(Some(v.clone()));
        }
        Ok(Some(v))
    }

    fn read_long(&mut self, vm: &mut Vm) -> PyResult<Value> {
        let n = self.i32(vm)?;
        if n == 0 {
            return Ok(Value::int(0));
        }
        if n == i32::MIN {
            return Err(vm.value_error("bad marshal data (long size out of range)"));
        }
        let count = n.unsigned_abs() as usize;
        let mut mag = BigInt::from(0);
        let mut digits = Vec::with_capacity(count.min(1 << 16));
        for _ in 0..count {
            let b = self.take(vm, 2)?;
            let d = i16::from_le_bytes([b[0], b[1]]);
            if !(0..=0x7fff).contains(&d) {
                return Err(vm.value_error("bad marshal data (digit out of range in long)"));
            }
            digits.push(d as u32);
        }
        if digits.last() == Some(&0) {
            return Err(vm.value_error("bad marshal data (unnormalized long data)"));
        }
        for d in digits.iter().rev() {
            mag = (mag << 15u32) + BigInt::from(*d);
        }
        if n < 0 {
            mag = -mag;
        }
        Ok(int_from_big(mag))
    }
}

/// UTF-8 that may carry encoded lone surrogates, as `surrogatepass` reads it.
fn decode_surrogatepass(vm: &mut Vm, data: &[u8]) -> PyResult<Value> {
    let mut cps = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        let (len, init) = match b {
            0x00..=0x7f => (1, b as u32),
            0xc2..=0xdf => (2, (b & 0x1f) as u32),
            0xe0..=0xef => (3, (b & 0x0f) as u32),
            0xf0..=0xf4 => (4, (b & 0x07) as u32),
            _ => return Err(bad_utf8(vm, data, i, i + 1)),
        };
        if i + len > data.len() {
            return Err(bad_utf8(vm, data, i, data.len()));
        }
        let mut cp = init;
        for k in 1..len {
            let c = data[i + k];
            if c & 0xc0 != 0x80 {
                return Err(bad_utf8(vm, data, i, i + k));
            }
            cp = (cp << 6) | (c & 0x3f) as u32;
        }
        let min = [0, 0, 0x80, 0x800, 0x10000][len];
        if cp < min || cp > 0x10ffff {
            return Err(bad_utf8(vm, data, i, i + 1));
        }
        cps.push(cp);
        i += len;
    }
    Ok(new_str_from_cps(&cps))
}

fn bad_utf8(vm: &mut Vm, _data: &[u8], start: usize, end: usize) -> PyErr {
    let msg = format!("'utf-8' codec can't decode bytes in position {start}-{}: invalid data", end.saturating_sub(1));
    vm.new_error(ExcKind::UnicodeDecodeError, &msg)
}

fn version_arg(vm: &mut Vm, v: &Option<Value>) -> PyResult<i64> {
    match v {
        None => Ok(VERSION),
        Some(v) => {
            if as_int(v).is_none() {
                let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(v));
                return Err(vm.type_error(msg));
            }
            vm.index_i64(v)
        }
    }
}

fn dumps(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "dumps", args, kw, &["", "", "allow_code"], 2, 1)?;
    let value = a[0].clone().unwrap_or_else(none);
    let version = version_arg(vm, &a[1])?;
    match dumps_bytes(vm, &value, version, 1) {
        Ok(b) => Ok(new_bytes_from_vec(b)),
        Err(e) => Err(write_error(vm, e)),
    }
}

fn dump(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "dump", kw)?;
    ArgSpec::range(vm, "dump", args, 0, 2, 3)?;
    let version = version_arg(vm, &args.get(2).cloned())?;
    let data = match dumps_bytes(vm, &args[0], version, 0) {
        Ok(b) => new_bytes_from_vec(b),
        Err(e) => return Err(write_error(vm, e)),
    };
    vm.call_method(&args[1], "write", &[data])?;
    Ok(none())
}

fn loads(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "loads", kw)?;
    let [data] = ArgSpec::exact::<1>(vm, "loads", args, 0)?;
    let Some(bytes) = crate::objects::memoryview::bytes_like(vm, &data)? else {
        let msg = format!("a bytes-like object is required, not '{}'", vm.type_name(&data));
        return Err(vm.type_error(msg));
    };
    let bytes = bytes.into_owned();
    let mut r = Reader {
        input: Input::Bytes(&bytes),
        pos: 0,
        depth: 0,
        refs: Vec::new(),
    };
    match r.object(vm)? {
        Some(v) => Ok(v),
        None => Err(vm.type_error("NULL object in marshal data for object")),
    }
}

fn load(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "load", kw)?;
    let [file] = ArgSpec::exact::<1>(vm, "load", args, 0)?;
    // CPython first reads zero bytes to check the file gives bytes.
    let probe = vm.call_method(&file, "read", &[Value::int(0)])?;
    if probe.downcast_ref::<BytesObject>().is_none() {
        let msg = format!("file.read() returned not bytes but {}", vm.type_name(&probe));
        return Err(vm.type_error(msg));
    }
    let mut r = Reader {
        input: Input::File(file),
        pos: 0,
        depth: 0,
        refs: Vec::new(),
    };
    match r.object(vm)? {
        Some(v) => Ok(v),
        None => Err(vm.type_error("NULL object in marshal data for object")),
    }
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("marshal");
    m.functions(&[("dump", dump), ("load", load), ("dumps", dumps), ("loads", loads)]);
    m.int("version", VERSION);
    let _ = new_bytes(b"");
    Ok(m.finish())
}

#[cfg(test)]
mod tests {
    use super::format_g17;

    #[test]
    fn g17_matches_c() {
        assert_eq!(format_g17(1.5), "1.5");
        assert_eq!(format_g17(0.1), "0.10000000000000001");
        assert_eq!(format_g17(1e20), "1e+20");
        assert_eq!(format_g17(-2.5e-7), "-2.4999999999999999e-07");
        assert_eq!(format_g17(0.0), "0");
        assert_eq!(format_g17(f64::INFINITY), "inf");
    }
}
