//! `_struct`: packing Python values into C structs and back, with CPython
//! 3.11's formats, sizes, alignment and (quirky, table-dependent) messages.
//!
//! A format is compiled once into a [`Layout`] (codes with their offsets);
//! the module functions keep a small cache of layouts by format, as CPython
//! keeps one of Struct objects.

use crate::args::ArgSpec;
use crate::exception::{ExcKind, PyErr, PyResult};
use crate::gil::GilCell;
use crate::modules::itertools::{cls_type, self_arg, state};
use crate::modules::{init_native_type, ModuleBuilder, NativeType};
use crate::object::LayoutKind;
use crate::objects::bytes::{new_bytes, BytesObject};
use crate::objects::int::{as_int, int_from_big, IntView};
use crate::objects::native::{new_native, NativeData};
use crate::objects::singletons::none;
use crate::objects::str::{new_str, StrObject};
use crate::objects::tuple::new_tuple;
use crate::typeinit::{add_getset_to, add_method_to};
use crate::typeobj::{type_flags, type_of, KwNames, TypeObject, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::BigInt;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Order {
    /// '@': native order, sizes and alignment.
    Native,
    /// '=' and '<' on this (little-endian) machine: standard sizes.
    Little,
    /// '>' and '!'.
    Big,
}

#[derive(Clone, Copy, Debug)]
struct Code {
    ch: u8,
    count: usize,
    offset: usize,
    size: usize,
}

struct Layout {
    order: Order,
    codes: Vec<Code>,
    size: usize,
    /// Number of values packed / unpacked.
    items: usize,
    /// The format as given (str).
    format: Value,
}

fn item_size(ch: u8, order: Order) -> Option<usize> {
    let native = order == Order::Native;
    Some(match ch {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    })
}

fn struct_error(vm: &mut Vm, msg: impl AsRef<str>) -> PyErr {
    let cls = error_class(vm);
    match cls {
        Some(c) => match vm.call(&c, &[new_str(msg.as_ref())], None) {
            Ok(e) => PyErr::new(e),
            Err(e) => e,
        },
        None => vm.value_error(msg),
    }
}

/// `struct.error`, made at the module's first import (process-wide, never freed).
static ERROR: GilCell<Option<Value>> = GilCell::new(None);
/// Compiled formats of the module-level functions.
static CACHE: GilCell<Option<HashMap<Vec<u8>, Rc<Layout>>>> = GilCell::new(None);

fn error_class(_vm: &mut Vm) -> Option<Value> {
    // SAFETY: GIL held; the borrow ends before any Python code runs.
    unsafe { ERROR.get_mut() }.clone()
}

fn cache() -> &'static mut HashMap<Vec<u8>, Rc<Layout>> {
    // SAFETY: GIL held; callers keep the borrow only for a lookup or insert.
    unsafe { CACHE.get_mut() }.get_or_insert_with(HashMap::new)
}

/// Compiles a format (the bytes of a str or bytes object).
fn compile(vm: &mut Vm, fmt: &[u8], format: Value) -> PyResult<Layout> {
    // The format is a C string in CPython.
    if fmt.contains(&0) {
        return Err(struct_error(vm, "embedded null character"));
    }
    let (order, body) = match fmt.first() {
        Some(b'@') => (Order::Native, &fmt[1..]),
        Some(b'=') | Some(b'<') => (Order::Little, &fmt[1..]),
        Some(b'>') | Some(b'!') => (Order::Big, &fmt[1..]),
        _ => (Order::Native, fmt),
    };
    let mut codes = Vec::new();
    let mut size: usize = 0;
    let mut items = 0usize;
    let mut i = 0;
    let too_long = |vm: &mut Vm| struct_error(vm, "total struct size too long");
    while i < body.len() {
        let c = body[i];
        i += 1;
        if c.is_ascii_whitespace() {
            continue;
        }
        let (count, ch) = if c.is_ascii_digit() {
            let mut num: usize = (c - b'0') as usize;
            loop {
                let Some(&d) = body.get(i) else {
                    return Err(struct_error(vm, "repeat count given without format specifier"));
                };
                i += 1;
                if !d.is_ascii_digit() {
                    break (num, d);
                }
                num = match num.checked_mul(10).and_then(|n| n.checked_add((d - b'0') as usize)) {
                    Some(n) if n <= isize::MAX as usize => n,
                    _ => return Err(too_long(vm)),
                };
            }
        } else {
            (1, c)
        };
        let Some(isz) = item_size(ch, order) else {
            return Err(struct_error(vm, "bad char in struct format"));
        };
        match ch {
            b's' | b'p' => items += 1,
            b'x' => {}
            _ => items += count,
        }
        if order == Order::Native && !matches!(ch, b's' | b'p' | b'x' | b'c' | b'b' | b'B' | b'?') {
            // Native alignment: each item starts at a multiple of its size.
            size = match size.checked_add(isz - 1) {
                Some(s) => s / isz * isz,
                None => return Err(too_long(vm)),
            };
        }
        let total = match count.checked_mul(isz).and_then(|t| t.checked_add(size)) {
            Some(t) if t <= isize::MAX as usize => t,
            _ => return Err(too_long(vm)),
        };
        codes.push(Code {
            ch,
            count,
            offset: size,
            size: isz,
        });
        size = total;
    }
    Ok(Layout {
        order,
        codes,
        size,
        items,
        format,
    })
}

/// The format argument's text, with CPython's TypeError otherwise.
fn format_bytes(vm: &mut Vm, f: &Value, who: &str) -> PyResult<(Vec<u8>, Value)> {
    if let Some(s) = f.downcast_ref::<StrObject>() {
        let bytes: Vec<u8> = match s.to_utf8() {
            Some(t) => t.as_bytes().to_vec(),
            None => return Err(struct_error(vm, "bad char in struct format")),
        };
        return Ok((bytes, f.clone()));
    }
    if let Some(b) = f.downcast_ref::<BytesObject>() {
        let text = String::from_utf8_lossy(b.data()).into_owned();
        return Ok((b.data().to_vec(), new_str(&text)));
    }
    let msg = format!("{who}() argument 1 must be a str or bytes object, not {}", vm.type_name(f));
    Err(vm.type_error(msg))
}

fn cached_layout(vm: &mut Vm, f: &Value) -> PyResult<Rc<Layout>> {
    if let Some(s) = f.native_ref::<StructState>() {
        return Ok(s.layout.borrow().clone());
    }
    let (key, format) = format_bytes(vm, f, "Struct")?;
    if let Some(l) = cache().get(&key).cloned() {
        return Ok(l);
    }
    let l = Rc::new(compile(vm, &key, format)?);
    let c = cache();
    if c.len() >= 100 {
        // Dropping layouts frees only str formats: no Python code runs.
        c.clear();
    }
    c.insert(key, l.clone());
    Ok(l)
}

// --- packing ---------------------------------------------------------------

/// The integer value of an argument (int or `__index__`); None when it is
/// beyond i128, which is out of every format's range.
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<Option<i128>> {
    let iv = if as_int(v).is_some() {
        v.clone()
    } else if type_of(v).slots().index.is_some() {
        vm.index(v)?
    } else {
        return Err(struct_error(vm, "required argument is not an integer"));
    };
    Ok(match as_int(&iv) {
        Some(IntView::Small(i)) => Some(i as i128),
        Some(IntView::Big(b)) => i128::try_from(b).ok(),
        None => None,
    })
}

enum Get {
    /// PyLong_AsLong: beyond i64 is "argument out of range".
    Signed,
    /// PyLong_AsUnsignedLong: negative or beyond u64 is "argument out of range".
    Unsigned,
    /// _PyLong_AsByteArray: beyond the type is "int too large to convert".
    ByteArray,
}

fn pack_int(vm: &mut Vm, ch: u8, order: Order, size: usize, v: &Value, out: &mut [u8]) -> PyResult<()> {
    let n = int_arg(vm, v)?;
    let native_like = order != Order::Big;
    let get = match ch {
        b'b' | b'B' | b'h' | b'i' | b'l' | b'n' => Get::Signed,
        b'H' if native_like => Get::Signed,
        b'q' if native_like => Get::Signed,
        b'Q' if native_like => Get::Unsigned,
        b'q' | b'Q' | b'P' => Get::ByteArray,
        _ => Get::Unsigned,
    };
    let (lo, hi): (i128, i128) = match ch {
        b'b' => (-128, 127),
        b'B' => (0, 255),
        b'h' => (-32768, 32767),
        b'H' => (0, 65535),
        b'i' => (i32::MIN as i128, i32::MAX as i128),
        b'I' => (0, u32::MAX as i128),
        b'l' if size == 4 => (i32::MIN as i128, i32::MAX as i128),
        b'L' if size == 4 => (0, u32::MAX as i128),
        b'l' | b'q' | b'n' => (i64::MIN as i128, i64::MAX as i128),
        b'P' => (i64::MIN as i128, u64::MAX as i128),
        _ => (0, u64::MAX as i128),
    };
    let x = match (get, n) {
        (Get::Signed, Some(x)) if x >= i64::MIN as i128 && x <= i64::MAX as i128 => x,
        (Get::Unsigned, Some(x)) if x >= 0 && x <= u64::MAX as i128 => x,
        (Get::ByteArray, Some(x)) if x >= lo && x <= hi => x,
        (Get::ByteArray, _) => return Err(struct_error(vm, "int too large to convert")),
        _ => return Err(struct_error(vm, "argument out of range")),
    };
    if x < lo || x > hi {
        let msg = match (ch, order) {
            (b'b', _) => "byte format requires -128 <= number <= 127".to_string(),
            (b'B', _) => "ubyte format requires 0 <= number <= 255".to_string(),
            (b'h', o) if o != Order::Big => "short format requires -32768 <= number <= 32767".to_string(),
            (b'H', o) if o != Order::Big => "ushort format requires 0 <= number <= 65535".to_string(),
            _ => format!("'{}' format requires {lo} <= number <= {hi}", ch as char),
        };
        return Err(struct_error(vm, msg));
    }
    let bytes = (x as u128).to_le_bytes();
    let dst = &mut out[..size];
    dst.copy_from_slice(&bytes[..size]);
    if order == Order::Big {
        dst.reverse();
    }
    Ok(())
}

fn float_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = v.as_float() {
        return Ok(f);
    }
    if let Some(f) = crate::objects::float::as_float(v) {
        return Ok(f);
    }
    if let Some(i) = as_int(v) {
        return match i.to_f64() {
            Ok(f) => Ok(f),
            Err(()) => Err(vm.new_error(ExcKind::OverflowError, "int too large to convert to float")),
        };
    }
    for name in ["__float__", "__index__"] {
        if let Some(r) = vm.call_special(v, name, &[])? {
            if let Some(f) = crate::objects::float::as_float(&r) {
                return Ok(f);
            }
            if let Some(i) = as_int(&r) {
                if let Ok(f) = i.to_f64() {
                    return Ok(f);
                }
            }
        }
    }
    Err(struct_error(vm, "required argument is not a float"))
}

/// IEEE 754 half precision, rounding half to even (PyFloat_Pack2).
pub(crate) fn pack_half(x: f64) -> Option<u16> {
    let sign = (x.is_sign_negative() as u16) << 15;
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Some(sign | 0x7c00);
    }
    let a = x.abs();
    if a == 0.0 {
        return Some(sign);
    }
    // a = f * 2**e with f in [1, 2).
    let mut e = a.log2().floor() as i32;
    let mut f = a / 2f64.powi(e);
    if f >= 2.0 {
        f /= 2.0;
        e += 1;
    } else if f < 1.0 {
        f *= 2.0;
        e -= 1;
    }
    if e >= 16 {
        return None;
    }
    let mut exp: i32;
    if e < -25 {
        f = 0.0;
        exp = 0;
    } else if e < -14 {
        f *= 2f64.powi(14 + e);
        exp = 0;
    } else {
        exp = e + 15;
        f -= 1.0;
    }
    f *= 1024.0;
    let mut bits = f as u32;
    let rem = f - bits as f64;
    if rem > 0.5 || (rem == 0.5 && bits % 2 == 1) {
        bits += 1;
        if bits == 1024 {
            bits = 0;
            exp += 1;
            if exp == 31 {
                return None;
            }
        }
    }
    Some(sign | ((exp as u16) << 10) | bits as u16)
}

pub(crate) fn unpack_half(h: u16) -> f64 {
    let sign = h >> 15 != 0;
    let e = ((h >> 10) & 0x1f) as i32;
    let f = (h & 0x3ff) as f64;
    let x = if e == 0x1f {
        if f == 0.0 {
            f64::INFINITY
        } else {
            f64::NAN
        }
    } else if e == 0 {
        f / 1024.0 * 2f64.powi(-14)
    } else {
        (1.0 + f / 1024.0) * 2f64.powi(e - 15)
    };
    if sign {
        -x
    } else {
        x
    }
}

fn put(order: Order, bytes_le: &[u8], out: &mut [u8]) {
    out[..bytes_le.len()].copy_from_slice(bytes_le);
    if order == Order::Big {
        out[..bytes_le.len()].reverse();
    }
}

fn pack_one(vm: &mut Vm, l: &Layout, c: &Code, v: &Value, out: &mut [u8]) -> PyResult<()> {
    match c.ch {
        b'?' => {
            out[0] = vm.is_true(v)? as u8;
        }
        b'c' => match v.downcast_ref::<BytesObject>() {
            Some(b) if b.len() == 1 => out[0] = b.data()[0],
            _ => return Err(struct_error(vm, "char format requires a bytes object of length 1")),
        },
        b'e' => {
            let x = float_arg(vm, v)?;
            let Some(h) = pack_half(x) else {
                return Err(vm.new_error(ExcKind::OverflowError, "float too large to pack with e format"));
            };
            put(l.order, &h.to_le_bytes(), out);
        }
        b'f' => {
            let x = float_arg(vm, v)?;
            let y = x as f32;
            if y.is_infinite() && x.is_finite() {
                return Err(vm.new_error(ExcKind::OverflowError, "float too large to pack with f format"));
            }
            put(l.order, &y.to_le_bytes(), out);
        }
        b'd' => {
            let x = float_arg(vm, v)?;
            put(l.order, &x.to_le_bytes(), out);
        }
        ch => pack_int(vm, ch, l.order, c.size, v, out)?,
    }
    Ok(())
}

fn pack_values(vm: &mut Vm, l: &Layout, values: &[Value], out: &mut [u8], who: &str) -> PyResult<()> {
    if values.len() != l.items {
        return Err(struct_error(
            vm,
            format!("{who} expected {} items for packing (got {})", l.items, values.len()),
        ));
    }
    let mut vi = values.iter();
    for c in &l.codes {
        match c.ch {
            b'x' => {}
            b's' | b'p' => {
                let Some(v) = vi.next() else { break };
                let data: &[u8] = match v.downcast_ref::<BytesObject>() {
                    Some(b) => b.data(),
                    None => {
                        let msg = format!("argument for '{}' must be a bytes object", c.ch as char);
                        return Err(struct_error(vm, msg));
                    }
                };
                let dst = &mut out[c.offset..c.offset + c.count];
                if c.ch == b's' {
                    let n = data.len().min(c.count);
                    dst[..n].copy_from_slice(&data[..n]);
                } else if c.count > 0 {
                    // The whole field is filled; the length byte saturates at 255.
                    let n = data.len().min(c.count - 1);
                    dst[1..1 + n].copy_from_slice(&data[..n]);
                    dst[0] = n.min(255) as u8;
                }
            }
            _ => {
                for k in 0..c.count {
                    let Some(v) = vi.next() else { break };
                    let off = c.offset + k * c.size;
                    pack_one(vm, l, c, v, &mut out[off..off + c.size])?;
                }
            }
        }
    }
    Ok(())
}

fn unpack_values(l: &Layout, data: &[u8]) -> Value {
    let mut out = Vec::with_capacity(l.items);
    let get = |off: usize, size: usize| -> [u8; 8] {
        let mut b = [0u8; 8];
        b[..size].copy_from_slice(&data[off..off + size]);
        if l.order == Order::Big {
            b[..size].reverse();
        }
        b
    };
    for c in &l.codes {
        match c.ch {
            b'x' => {}
            b's' => out.push(new_bytes(&data[c.offset..c.offset + c.count])),
            b'p' => {
                if c.count == 0 {
                    out.push(new_bytes(&[]));
                } else {
                    let n = (data[c.offset] as usize).min(c.count - 1);
                    out.push(new_bytes(&data[c.offset + 1..c.offset + 1 + n]));
                }
            }
            ch => {
                for k in 0..c.count {
                    let off = c.offset + k * c.size;
                    let b = get(off, c.size);
                    let v = match ch {
                        b'?' => Value::bool(b[0] != 0),
                        b'c' => new_bytes(&b[..1]),
                        b'e' => Value::float(unpack_half(u16::from_le_bytes([b[0], b[1]]))),
                        b'f' => Value::float(f32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f64),
                        b'd' => Value::float(f64::from_le_bytes(b)),
                        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
                            // Sign-extend from the item size.
                            let raw = u64::from_le_bytes(b);
                            let shift = 64 - 8 * c.size as u32;
                            Value::int(((raw << shift) as i64) >> shift)
                        }
                        _ => {
                            let raw = u64::from_le_bytes(b);
                            if raw <= i64::MAX as u64 {
                                Value::int(raw as i64)
                            } else {
                                int_from_big(BigInt::from(raw))
                            }
                        }
                    };
                    out.push(v);
                }
            }
        }
    }
    new_tuple(out)
}

/// The bytes of a readable buffer argument.
fn buffer_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = v.downcast_ref::<BytesObject>() {
        return Ok(b.data().to_vec());
    }
    if let Some(data) = crate::objects::memoryview::bytes_like(vm, v)? {
        return Ok(data.into_owned());
    }
    let msg = format!("a bytes-like object is required, not '{}'", vm.type_name(v));
    Err(vm.type_error(msg))
}

fn do_pack(vm: &mut Vm, l: &Layout, values: &[Value]) -> PyResult<Value> {
    let mut out = vec![0u8; l.size];
    pack_values(vm, l, values, &mut out, "pack")?;
    Ok(new_bytes(&out))
}

fn do_unpack(vm: &mut Vm, l: &Layout, buf: &Value) -> PyResult<Value> {
    let data = buffer_bytes(vm, buf)?;
    if data.len() != l.size {
        return Err(struct_error(vm, format!("unpack requires a buffer of {} bytes", l.size)));
    }
    Ok(unpack_values(l, &data))
}

fn offset_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    match v {
        None => Ok(0),
        Some(v) => {
            if v.is_float() {
                return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
            }
            vm.index_i64(v)
        }
    }
}

fn do_unpack_from(vm: &mut Vm, l: &Layout, buf: &Value, offset: i64) -> PyResult<Value> {
    let data = buffer_bytes(vm, buf)?;
    let len = data.len() as i64;
    let mut off = offset;
    let size = l.size as i64;
    if off < 0 {
        if off + size > 0 {
            return Err(struct_error(vm, format!("not enough data to unpack {size} bytes at offset {off}")));
        }
        if off + len < 0 {
            return Err(struct_error(vm, format!("offset {offset} out of range for {len}-byte buffer")));
        }
        off += len;
    }
    if len - off < size {
        // CPython adds them as size_t.
        let need = (size as u64).wrapping_add(off as u64);
        return Err(struct_error(
            vm,
            format!(
                "unpack_from requires a buffer of at least {need} bytes for unpacking {size} bytes at offset {off} (actual buffer size is {len})"
            ),
        ));
    }
    let start = off as usize;
    Ok(unpack_values(l, &data[start..start + l.size]))
}

fn do_pack_into(vm: &mut Vm, l: &Layout, args: &[Value]) -> PyResult<Value> {
    let Some(buf) = args.first() else {
        return Err(struct_error(vm, "pack_into expected buffer argument"));
    };
    let Some(off_v) = args.get(1) else {
        return Err(struct_error(vm, "pack_into expected offset argument"));
    };
    let values = &args[2..];
    if values.len() != l.items {
        return Err(struct_error(
            vm,
            format!("pack_into expected {} items for packing (got {})", l.items, values.len()),
        ));
    }
    let Some((_, len)) = writable_region(vm, buf)? else {
        let msg = format!("argument must be read-write bytes-like object, not {}", vm.type_name(buf));
        return Err(vm.type_error(msg));
    };
    let len = len as i64;
    let mut off = offset_arg(vm, Some(off_v))?;
    let size = l.size as i64;
    if off < 0 {
        if off + size > 0 {
            return Err(struct_error(vm, format!("no space to pack {size} bytes at offset {off}")));
        }
        if off + len < 0 {
            return Err(struct_error(vm, format!("offset {off} out of range for {len}-byte buffer")));
        }
        off += len;
    }
    if len - off < size {
        // CPython adds them as size_t.
        let need = (size as u64).wrapping_add(off as u64);
        return Err(struct_error(
            vm,
            format!(
                "pack_into requires a buffer of at least {need} bytes for packing {size} bytes at offset {off} (actual buffer size is {len})"
            ),
        ));
    }
    let mut out = vec![0u8; l.size];
    pack_values(vm, l, values, &mut out, "pack_into")?;
    // Packing may have run Python code (`__index__`) that resized the buffer:
    // look it up again.
    match writable_region(vm, buf)? {
        Some((ptr, now)) if now as i64 - off >= size => {
            // SAFETY: `ptr` addresses `now` writable bytes and off + size <= now.
            unsafe { std::ptr::copy_nonoverlapping(out.as_ptr(), ptr.add(off as usize), out.len()) };
            Ok(none())
        }
        _ => Err(vm.new_error(ExcKind::BufferError, "pack_into buffer was resized while packing")),
    }
}

/// The writable memory of a buffer object (bytearray, writable memoryview,
/// array, ...): its address and length in bytes; None when it has none.
fn writable_region(vm: &mut Vm, v: &Value) -> PyResult<Option<(*mut u8, usize)>> {
    if let Some(m) = v.downcast_ref::<crate::objects::memoryview::MemoryViewObject>() {
        if m.readonly || !m.is_c_contiguous() {
            return Ok(None);
        }
        let rb = m.base(vm)?;
        if rb.readonly {
            return Ok(None);
        }
        // SAFETY: base() checked that the view lies within the exporter's memory.
        return Ok(Some((unsafe { rb.ptr.add(m.offset) }, m.nbytes())));
    }
    Ok(crate::objects::memoryview::raw_buffer(v)
        .filter(|rb| !rb.readonly)
        .map(|rb| (rb.ptr, rb.len)))
}

// --- Struct objects ----------------------------------------------------------

struct StructState {
    layout: RefCell<Rc<Layout>>,
}

impl NativeData for StructState {}

static STRUCT: NativeType = NativeType::new();
static UNPACK_ITER: NativeType = NativeType::new();

fn struct_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "Struct", args, kwnames, &["format"], 1, 1)?;
    let f = a[0].clone().unwrap_or_else(none);
    let (key, format) = format_bytes(vm, &f, "Struct")?;
    let l = Rc::new(compile(vm, &key, format)?);
    Ok(new_native(
        cls_type(cls, struct_type()),
        StructState {
            layout: RefCell::new(l),
        },
    ))
}

fn struct_init(_vm: &mut Vm, _me: &Value, _args: &[Value], _kw: KwNames) -> PyResult<()> {
    Ok(())
}

fn me_layout(vm: &mut Vm, args: &[Value]) -> PyResult<Rc<Layout>> {
    let (_, s) = self_arg::<StructState>(vm, args, "_struct.Struct")?;
    Ok(s.layout.borrow().clone())
}

fn s_pack(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "pack", kw)?;
    let l = me_layout(vm, args)?;
    do_pack(vm, &l, &args[1..])
}

fn s_unpack(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = crate::modules::itertools::positional(vm, "unpack", args, kw, 2, 2)?;
    let l = me_layout(vm, a)?;
    do_unpack(vm, &l, &a[1])
}

fn s_unpack_from(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let l = me_layout(vm, args)?;
    let p = ArgSpec::parse(vm, "unpack_from", &args[1..], kw, &["buffer", "offset"], 2, 1)?;
    let off = offset_arg(vm, p[1].as_ref())?;
    do_unpack_from(vm, &l, p[0].as_ref().unwrap_or(&none()), off)
}

fn s_pack_into(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "pack_into", kw)?;
    let l = me_layout(vm, args)?;
    do_pack_into(vm, &l, &args[1..])
}

fn s_iter_unpack(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = crate::modules::itertools::positional(vm, "iter_unpack", args, kw, 2, 2)?;
    let l = me_layout(vm, a)?;
    make_unpack_iter(vm, l, &a[1])
}

fn s_format(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    Ok(state::<StructState>(vm, me, "_struct.Struct")?.layout.borrow().format.clone())
}

fn s_size(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    Ok(Value::int(state::<StructState>(vm, me, "_struct.Struct")?.layout.borrow().size as i64))
}

fn struct_type() -> &'static TypeObject {
    STRUCT.get_or_init(|st| {
        let t = init_native_type(st, "_struct", "Struct", LayoutKind::Native, &OBJECT_TYPE, type_flags::BASETYPE, |s| {
            s.new = Some(struct_new);
            s.init = Some(struct_init);
        });
        add_method_to(t, "pack", s_pack);
        add_method_to(t, "unpack", s_unpack);
        add_method_to(t, "unpack_from", s_unpack_from);
        add_method_to(t, "pack_into", s_pack_into);
        add_method_to(t, "iter_unpack", s_iter_unpack);
        add_getset_to(t, "format", s_format, None);
        add_getset_to(t, "size", s_size, None);
    })
}

struct UnpackIter {
    layout: Rc<Layout>,
    data: Vec<u8>,
    pos: Cell<usize>,
}

impl NativeData for UnpackIter {}

fn make_unpack_iter(vm: &mut Vm, l: Rc<Layout>, buf: &Value) -> PyResult<Value> {
    if l.size == 0 {
        return Err(struct_error(vm, "cannot iteratively unpack with a struct of length 0"));
    }
    let data = buffer_bytes(vm, buf)?;
    if data.len() % l.size != 0 {
        return Err(struct_error(
            vm,
            format!("iterative unpacking requires a buffer of a multiple of {} bytes", l.size),
        ));
    }
    Ok(new_native(
        unpack_iter_type(),
        UnpackIter {
            layout: l,
            data,
            pos: Cell::new(0),
        },
    ))
}

fn unpack_iter_next(_vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let Some(it) = me.native_ref::<UnpackIter>() else { return Ok(None) };
    let p = it.pos.get();
    let size = it.layout.size;
    if p + size > it.data.len() {
        return Ok(None);
    }
    it.pos.set(p + size);
    Ok(Some(unpack_values(&it.layout, &it.data[p..p + size])))
}

fn unpack_iter_length_hint(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (_, it) = self_arg::<UnpackIter>(vm, args, "_struct.unpack_iterator")?;
    let left = (it.data.len() - it.pos.get().min(it.data.len())) / it.layout.size.max(1);
    Ok(Value::int(left as i64))
}

fn unpack_iter_type() -> &'static TypeObject {
    UNPACK_ITER.get_or_init(|st| {
        let t = init_native_type(st, "_struct", "unpack_iterator", LayoutKind::Native, &OBJECT_TYPE, 0, |s| {
            s.new = None;
            s.iter = Some(crate::modules::itertools::self_iter);
            s.iternext = Some(unpack_iter_next);
        });
        add_method_to(t, "__length_hint__", unpack_iter_length_hint);
    })
}

// --- module functions --------------------------------------------------------

fn need_format<'a>(vm: &mut Vm, name: &str, args: &'a [Value], min: usize) -> PyResult<&'a Value> {
    let _ = (name, min);
    match args.first() {
        Some(f) => Ok(f),
        None => Err(vm.type_error("missing format argument")),
    }
}

fn m_pack(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "pack", kw)?;
    let f = need_format(vm, "pack", args, 1)?;
    let l = cached_layout(vm, f)?;
    do_pack(vm, &l, &args[1..])
}

fn m_unpack(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = crate::modules::itertools::positional(vm, "unpack", args, kw, 2, 2)?;
    let l = cached_layout(vm, &a[0])?;
    do_unpack(vm, &l, &a[1])
}

fn m_calcsize(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = crate::modules::itertools::positional(vm, "calcsize", args, kw, 1, 1)?;
    let l = cached_layout(vm, &a[0])?;
    Ok(Value::int(l.size as i64))
}

fn m_pack_into(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "pack_into", kw)?;
    let f = need_format(vm, "pack_into", args, 1)?;
    let l = cached_layout(vm, f)?;
    do_pack_into(vm, &l, &args[1..])
}

fn m_unpack_from(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let p = ArgSpec::parse(vm, "unpack_from", args, kw, &["format", "buffer", "offset"], 3, 2)?;
    let l = cached_layout(vm, p[0].as_ref().unwrap_or(&none()))?;
    let off = offset_arg(vm, p[2].as_ref())?;
    do_unpack_from(vm, &l, p[1].as_ref().unwrap_or(&none()), off)
}

fn m_iter_unpack(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = crate::modules::itertools::positional(vm, "iter_unpack", args, kw, 2, 2)?;
    let l = cached_layout(vm, &a[0])?;
    make_unpack_iter(vm, l, &a[1])
}

fn m_clearcache(_vm: &mut Vm, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    cache().clear();
    Ok(none())
}

pub(crate) fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_struct");
    // struct.error: a plain Exception subclass living in module "struct".
    let ns = crate::objects::dict::DictObject::new_value();
    if let Some(d) = ns.downcast_ref::<crate::objects::dict::DictObject>() {
        d.insert_str_key("__module__", new_str("struct"));
    }
    let bases = new_tuple(vec![crate::exception::exc_type_value(ExcKind::Exception)]);
    let type_t = crate::typeobj::TYPE_TYPE.get().as_value();
    let err = vm.call(&type_t, &[new_str("error"), bases, ns], None)?;
    // SAFETY: GIL held; nothing else borrows the cell now.
    let slot = unsafe { ERROR.get_mut() };
    if slot.is_none() {
        *slot = Some(err.clone());
    }
    let err = slot.clone().unwrap_or(err);
    m.value("error", err);
    m.type_(struct_type());
    m.functions(&[
        ("pack", m_pack),
        ("unpack", m_unpack),
        ("calcsize", m_calcsize),
        ("pack_into", m_pack_into),
        ("unpack_from", m_unpack_from),
        ("iter_unpack", m_iter_unpack),
        ("_clearcache", m_clearcache),
    ]);
    Ok(m.finish())
}

#[cfg(test)]
mod tests {
    use super::{pack_half, unpack_half};

    #[test]
    fn half_floats_round_trip() {
        assert_eq!(pack_half(1.0), Some(0x3c00));
        assert_eq!(pack_half(65519.0), Some(0x7bff));
        assert_eq!(pack_half(65520.0), None);
        assert_eq!(pack_half(1e-8), Some(0));
        assert_eq!(unpack_half(0x3c00), 1.0);
        assert_eq!(unpack_half(0xc000), -2.0);
    }
}
