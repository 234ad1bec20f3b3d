//! `binascii`: conversions between binary data and ASCII encodings (hex,
//! base64, quoted-printable, uuencode) and the CRC-32/CRC-CCITT checksums
//! that base64, quopri, uu, email and zipfile build on.

use crate::args::ArgSpec;
use crate::exception::{ExcKind, PyErr, PyResult};
use crate::gil::GilCell;
use crate::modules::ModuleBuilder;
use crate::objects::bytes::new_bytes_from_vec;
use crate::objects::memoryview::{bytes_like, require_bytes_like};
use crate::objects::str::{new_str, StrObject};
use crate::objects::tuple::new_tuple;
use crate::typeobj::KwNames;
use crate::value::Value;
use crate::vm::Vm;
use std::borrow::Cow;

/// `binascii.Error` and `binascii.Incomplete`, made at the first import.
static ERROR: GilCell<Option<Value>> = GilCell::new(None);
static INCOMPLETE: GilCell<Option<Value>> = GilCell::new(None);

/// A new exception class `module.name` deriving from `base`.
pub(crate) fn new_exception_class(vm: &mut Vm, module: &str, name: &str, base: ExcKind) -> PyResult<Value> {
    let ns = crate::objects::dict::DictObject::new_value();
    if let Some(d) = ns.downcast_ref::<crate::objects::dict::DictObject>() {
        d.insert_str_key("__module__", new_str(module));
    }
    let bases = new_tuple(vec![crate::exception::exc_type_value(base)]);
    let type_t = crate::typeobj::TYPE_TYPE.get().as_value();
    vm.call(&type_t, &[new_str(name), bases, ns], None)
}

/// An instance of the exception class in `cell` (ValueError before the
/// module's first import, which cannot happen for its own functions).
pub(crate) fn raise_in(vm: &mut Vm, cell: &'static GilCell<Option<Value>>, msg: &str) -> PyErr {
    // SAFETY: GIL held; the borrow ends before any Python code runs.
    let cls = unsafe { cell.get_mut() }.clone();
    match cls {
        Some(c) => match vm.call(&c, &[new_str(msg)], None) {
            Ok(e) => PyErr::new(e),
            Err(e) => e,
        },
        None => vm.value_error(msg),
    }
}

fn error(vm: &mut Vm, msg: &str) -> PyErr {
    raise_in(vm, &ERROR, msg)
}

/// The argument of the a2b functions: a bytes-like object or an ASCII str.
fn ascii_data<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<Cow<'a, [u8]>> {
    if let Some(s) = v.downcast_ref::<StrObject>() {
        if !s.is_ascii() {
            return Err(vm.value_error("string argument should contain only ASCII characters"));
        }
        return Ok(Cow::Owned(s.to_string_lossy().into_bytes()));
    }
    match bytes_like(vm, v)? {
        Some(b) => Ok(b),
        None => {
            let msg = format!(
                "argument should be bytes, buffer or ASCII string, not '{}'",
                vm.type_name(v)
            );
            Err(vm.type_error(msg))
        }
    }
}

/// Argument Clinic's check of the required positional-only parameters
/// (`exact` when no other positional parameter follows them).
pub(crate) fn require_positional(vm: &mut Vm, fname: &str, args: &[Value], kw: KwNames, n: usize, exact: bool) -> PyResult<()> {
    let nkw = kw
        .and_then(|k| k.downcast_ref::<crate::objects::tuple::TupleObject>())
        .map_or(0, |t| t.len());
    let npos = args.len().saturating_sub(nkw);
    if npos < n || (exact && npos > n) {
        let msg = format!(
            "{fname}() takes {} {n} positional argument{} ({npos} given)",
            if exact { "exactly" } else { "at least" },
            if n == 1 { "" } else { "s" }
        );
        return Err(vm.type_error(msg));
    }
    Ok(())
}

/// Argument Clinic's parsing for functions whose first `posonly`
/// parameters are positional-only and required, in its order of checks.
pub(crate) fn clinic_parse(
    vm: &mut Vm,
    fname: &str,
    args: &[Value],
    kw: KwNames,
    names: &[&str],
    max_pos: usize,
    posonly: usize,
    exact: bool,
) -> PyResult<Vec<Option<Value>>> {
    if args.len() > names.len() {
        // ArgSpec words the "takes at most" error.
        return ArgSpec::parse(vm, fname, args, kw, names, max_pos, 0);
    }
    require_positional(vm, fname, args, kw, posonly, exact)?;
    ArgSpec::parse(vm, fname, args, kw, names, max_pos, posonly)
}

/// Positional count of the no-argument `defining_class` methods (keyword
/// arguments pass unnoticed in 3.11's Argument Clinic).
pub(crate) fn no_positional(vm: &mut Vm, fname: &str, args: &[Value], kw: KwNames) -> PyResult<()> {
    let nkw = kw
        .and_then(|k| k.downcast_ref::<crate::objects::tuple::TupleObject>())
        .map_or(0, |t| t.len());
    if args.len() > nkw {
        return Err(vm.type_error(format!("{fname}() takes no arguments")));
    }
    Ok(())
}

/// "module.f() takes no keyword arguments", as CPython words it for
/// positional-only functions.
pub(crate) fn no_kwargs(vm: &mut Vm, qualified: &str, kw: KwNames) -> PyResult<()> {
    crate::args::check_no_kwargs(vm, qualified, kw)
}

fn flag(vm: &mut Vm, v: &Option<Value>) -> PyResult<bool> {
    match v {
        Some(v) => vm.is_true(v),
        None => Ok(false),
    }
}

/// `unsigned_int(bitwise=True)`: any int, masked to 32 bits.
fn u32_mask(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    let i = vm.index(v)?;
    match crate::objects::int::as_int(&i) {
        Some(crate::objects::int::IntView::Small(n)) => Ok(n as u32),
        Some(crate::objects::int::IntView::Big(b)) => {
            let m: num_bigint::BigInt = b & num_bigint::BigInt::from(u32::MAX);
            Ok(u32::try_from(m).unwrap_or(0))
        }
        None => Ok(0),
    }
}

// ---- hex ----

const HEX_LOWER: &[u8; 16] = b"0123456789abcdef";

fn b2a_hex(vm: &mut Vm, args: &[Value], kw: KwNames, fname: &str) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, fname, args, kw, &["data", "sep", "bytes_per_sep"], 3, 1)?;
    let Some(d) = &a[0] else { return Err(vm.type_error("missing data")) };
    if a[1].is_none() {
        // The common case, straight into the result's bytes.
        let data = require_bytes_like(vm, d)?;
        let mut out = Vec::with_capacity(data.len() * 2);
        for &b in data.iter() {
            out.push(HEX_LOWER[(b >> 4) as usize]);
            out.push(HEX_LOWER[(b & 15) as usize]);
        }
        if let Some(per) = &a[2] {
            // Still converted (a C int), though without a separator it is unused.
            let i = vm.index(per)?;
            if crate::objects::int::as_int(&i).and_then(|i| i.to_i64()).and_then(|n| i32::try_from(n).ok()).is_none() {
                return Err(vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C int"));
            }
        }
        return Ok(new_bytes_from_vec(out));
    }
    let data = require_bytes_like(vm, d)?.into_owned();
    let s = crate::types::bytes_ty::hex_with_sep(vm, &data, a[1].as_ref(), a[2].as_ref())?;
    // Only ASCII: hex digits and an ASCII separator.
    let text = s.downcast_ref::<StrObject>().map(|s| s.to_string_lossy()).unwrap_or_default();
    Ok(new_bytes_from_vec(text.into_bytes()))
}

fn hexlify(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    b2a_hex(vm, args, kw, "hexlify")
}

fn b2a_hex_fn(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    b2a_hex(vm, args, kw, "b2a_hex")
}

fn hex_value(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

fn a2b_hex(vm: &mut Vm, args: &[Value], kw: KwNames, fname: &str) -> PyResult<Value> {
    no_kwargs(vm, &format!("binascii.{fname}"), kw)?;
    let [v] = ArgSpec::exact::<1>(vm, &format!("binascii.{fname}"), args, 0)?;
    let data = ascii_data(vm, &v)?;
    if data.len() % 2 != 0 {
        return Err(error(vm, "Odd-length string"));
    }
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks_exact(2) {
        match (hex_value(pair[0]), hex_value(pair[1])) {
            (Some(hi), Some(lo)) => out.push(hi << 4 | lo),
            _ => return Err(error(vm, "Non-hexadecimal digit found")),
        }
    }
    Ok(new_bytes_from_vec(out))
}

fn unhexlify(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    a2b_hex(vm, args, kw, "unhexlify")
}

fn a2b_hex_fn(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    a2b_hex(vm, args, kw, "a2b_hex")
}

// ---- base64 ----

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64_value(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

fn a2b_base64(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = clinic_parse(vm, "a2b_base64", args, kw, &["", "strict_mode"], 1, 1, true)?;
    let Some(v) = &a[0] else { return Err(vm.type_error("missing data")) };
    let strict = flag(vm, &a[1])?;
    let data = ascii_data(vm, v)?;
    match decode_base64(&data, strict) {
        Ok(out) => Ok(new_bytes_from_vec(out)),
        Err(msg) => Err(error(vm, &msg)),
    }
}

/// Base64 decoding as binascii does it: without `strict`, characters
/// outside the alphabet are skipped and decoding stops at the padding that
/// completes a quad.
fn decode_base64(data: &[u8], strict: bool) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 3);
    if strict && data.first() == Some(&b'=') {
        return Err("Leading padding not allowed".into());
    }
    let (mut quad_pos, mut left, mut pads) = (0u8, 0u8, 0usize);
    let mut padding_started = false;
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            if quad_pos >= 2 {
                pads += 1;
                if quad_pos as usize + pads >= 4 {
                    if strict && i + 1 < data.len() {
                        return Err("Excess data after padding".into());
                    }
                    return Ok(out);
                }
            }
            continue;
        }
        let Some(v) = b64_value(c) else {
            if strict {
                return Err("Only base64 data is allowed".into());
            }
            continue;
        };
        if strict && padding_started {
            return Err("Discontinuous padding not allowed".into());
        }
        pads = 0;
        match quad_pos {
            0 => {
                quad_pos = 1;
                left = v;
            }
            1 => {
                quad_pos = 2;
                out.push(left << 2 | v >> 4);
                left = v & 0x0f;
            }
            2 => {
                quad_pos = 3;
                out.push(left << 4 | v >> 2);
                left = v & 0x03;
            }
            _ => {
                quad_pos = 0;
                out.push(left << 6 | v);
                left = 0;
            }
        }
    }
    match quad_pos {
        0 => Ok(out),
        1 => Err(format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
            out.len() / 3 * 4 + 1
        )),
        _ => Err("Incorrect padding".into()),
    }
}

fn b2a_base64(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = clinic_parse(vm, "b2a_base64", args, kw, &["", "newline"], 1, 1, true)?;
    let Some(v) = &a[0] else { return Err(vm.type_error("missing data")) };
    let newline = match &a[1] {
        Some(n) => vm.is_true(n)?,
        None => true,
    };
    let data = require_bytes_like(vm, v)?;
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    let mut chunks = data.chunks_exact(3);
    for c in &mut chunks {
        let n = (c[0] as u32) << 16 | (c[1] as u32) << 8 | c[2] as u32;
        for shift in [18, 12, 6, 0] {
            out.push(B64[(n >> shift & 63) as usize]);
        }
    }
    match *chunks.remainder() {
        [a] => {
            out.push(B64[(a >> 2) as usize]);
            out.push(B64[((a & 3) << 4) as usize]);
            out.extend_from_slice(b"==");
        }
        [a, b] => {
            out.push(B64[(a >> 2) as usize]);
            out.push(B64[((a & 3) << 4 | b >> 4) as usize]);
            out.push(B64[((b & 15) << 2) as usize]);
            out.push(b'=');
        }
        _ => {}
    }
    if newline {
        out.push(b'\n');
    }
    Ok(new_bytes_from_vec(out))
}

// ---- uuencode ----

fn a2b_uu(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    no_kwargs(vm, "binascii.a2b_uu", kw)?;
    let [v] = ArgSpec::exact::<1>(vm, "binascii.a2b_uu", args, 0)?;
    let data = ascii_data(vm, &v)?;
    match decode_uu(&data) {
        Ok(out) => Ok(new_bytes_from_vec(out)),
        Err(msg) => Err(error(vm, msg)),
    }
}

fn decode_uu(data: &[u8]) -> Result<Vec<u8>, &'static str> {
    // The first character holds the length; an empty line reads as NUL,
    // as in CPython (whose buffers end with a NUL).
    let first = data.first().copied().unwrap_or(0);
    let mut bin_len = (first.wrapping_sub(b' ') & 0o77) as usize;
    let rest = data.get(1..).unwrap_or(&[]);
    let mut out = Vec::with_capacity(bin_len);
    let (mut left, mut bits) = (0u32, 0u32);
    let mut pos = 0;
    while bin_len > 0 {
        let c = rest.get(pos).copied();
        pos += 1;
        let v = match c {
            None | Some(b'\n') | Some(b'\r') => 0,
            Some(c) if !(b' '..=b' ' + 64).contains(&c) => return Err("Illegal char"),
            Some(c) => (c - b' ') & 0o77,
        };
        left = (left << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((left >> bits) as u8);
            left &= (1 << bits) - 1;
            bin_len -= 1;
        }
    }
    for &c in rest.get(pos..).unwrap_or(&[]) {
        if !matches!(c, b' ' | b'`' | b'\n' | b'\r') {
            return Err("Trailing garbage");
        }
    }
    Ok(out)
}

fn b2a_uu(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = clinic_parse(vm, "b2a_uu", args, kw, &["", "backtick"], 1, 1, true)?;
    let Some(v) = &a[0] else { return Err(vm.type_error("missing data")) };
    let backtick = flag(vm, &a[1])?;
    let data = require_bytes_like(vm, v)?.into_owned();
    if data.len() > 45 {
        return Err(error(vm, "At most 45 bytes at once"));
    }
    let enc = |c: u8| if backtick && c == 0 { b'`' } else { c + b' ' };
    let mut out = Vec::with_capacity(2 + data.len().div_ceil(3) * 4);
    out.push(enc(data.len() as u8));
    for chunk in data.chunks(3) {
        let b = |i: usize| chunk.get(i).copied().unwrap_or(0) as u32;
        let n = b(0) << 16 | b(1) << 8 | b(2);
        for shift in [18, 12, 6, 0] {
            out.push(enc((n >> shift & 63) as u8));
        }
    }
    out.push(b'\n');
    Ok(new_bytes_from_vec(out))
}

// ---- quoted-printable ----

fn a2b_qp(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "a2b_qp", args, kw, &["data", "header"], 2, 1)?;
    let Some(v) = &a[0] else { return Err(vm.type_error("missing data")) };
    let header = flag(vm, &a[1])?;
    let data = ascii_data(vm, v)?;
    Ok(new_bytes_from_vec(decode_qp(&data, header)))
}

fn decode_qp(data: &[u8], header: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if c == b'=' {
            i += 1;
            let Some(&next) = data.get(i) else { break };
            if next == b'\n' || next == b'\r' {
                // A soft line break: skip to past the end of the line.
                if next != b'\n' {
                    while i < data.len() && data[i] != b'\n' {
                        i += 1;
                    }
                }
                if i < data.len() {
                    i += 1;
                }
            } else if next == b'=' {
                out.push(b'=');
                i += 1;
            } else if let (Some(hi), Some(lo)) = (hex_value(next), data.get(i + 1).and_then(|&c| hex_value(c))) {
                out.push(hi << 4 | lo);
                i += 2;
            } else {
                out.push(b'=');
            }
        } else if header && c == b'_' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

const QP_MAXLINESIZE: usize = 76;

fn b2a_qp(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "b2a_qp", args, kw, &["data", "quotetabs", "istext", "header"], 4, 1)?;
    let Some(v) = &a[0] else { return Err(vm.type_error("missing data")) };
    let data = require_bytes_like(vm, v)?.into_owned();
    let quotetabs = flag(vm, &a[1])?;
    let istext = match &a[2] {
        Some(x) => vm.is_true(x)?,
        None => true,
    };
    let header = flag(vm, &a[3])?;
    Ok(new_bytes_from_vec(encode_qp(&data, quotetabs, istext, header)))
}

fn push_hex_upper(out: &mut Vec<u8>, c: u8) {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    out.push(DIGITS[(c >> 4) as usize]);
    out.push(DIGITS[(c & 15) as usize]);
}

fn encode_qp(data: &[u8], quotetabs: bool, istext: bool, header: bool) -> Vec<u8> {
    // The line ending of the first line decides the soft breaks' one.
    let crlf = data
        .iter()
        .position(|&c| c == b'\n')
        .is_some_and(|p| p > 0 && data[p - 1] == b'\r');
    let soft_break = |out: &mut Vec<u8>| {
        out.push(b'=');
        if crlf {
            out.push(b'\r');
        }
        out.push(b'\n');
    };
    let mut out = Vec::with_capacity(data.len() * 2);
    let mut linelen = 0usize;
    let n = data.len();
    let mut i = 0;
    while i < n {
        let c = data[i];
        let next = data.get(i + 1).copied();
        let must_quote = c > 126
            || c == b'='
            || (header && c == b'_')
            || (c == b'.' && linelen == 0 && matches!(next, None | Some(b'\n') | Some(b'\r') | Some(0)))
            || (!istext && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && next.is_none())
            || (c < 33 && c != b'\r' && c != b'\n' && (quotetabs || (c != b'\t' && c != b' ')));
        if must_quote {
            if linelen + 3 >= QP_MAXLINESIZE {
                soft_break(&mut out);
                linelen = 0;
            }
            out.push(b'=');
            push_hex_upper(&mut out, c);
            i += 1;
            linelen += 3;
        } else if istext && (c == b'\n' || (c == b'\r' && next == Some(b'\n'))) {
            linelen = 0;
            // Whitespace at the end of a line is quoted.
            if let Some(&last) = out.last() {
                if last == b' ' || last == b'\t' {
                    out.pop();
                    out.push(b'=');
                    push_hex_upper(&mut out, last);
                }
            }
            if crlf {
                out.push(b'\r');
            }
            out.push(b'\n');
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if next.is_some() && next != Some(b'\n') && linelen + 1 >= QP_MAXLINESIZE {
                soft_break(&mut out);
                linelen = 0;
            }
            linelen += 1;
            out.push(if header && c == b' ' { b'_' } else { c });
            i += 1;
        }
    }
    out
}

// ---- checksums ----

/// The CRC-CCITT (XMODEM) table of `crc_hqx`.
const CRC_HQX_TABLE: [u16; 256] = {
    let mut t = [0u16; 256];
    let mut i = 0;
    while i < 256 {
        let mut crc = (i as u16) << 8;
        let mut bit = 0;
        while bit < 8 {
            crc = if crc & 0x8000 != 0 { (crc << 1) ^ 0x1021 } else { crc << 1 };
            bit += 1;
        }
        t[i] = crc;
        i += 1;
    }
    t
};

fn crc_hqx(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    no_kwargs(vm, "binascii.crc_hqx", kw)?;
    let [d, c] = ArgSpec::exact::<2>(vm, "crc_hqx", args, 0)?;
    let data = require_bytes_like(vm, &d)?.into_owned();
    let mut crc = (u32_mask(vm, &c)? & 0xffff) as u16;
    for &b in data.iter() {
        crc = (crc << 8) ^ CRC_HQX_TABLE[((crc >> 8) as u8 ^ b) as usize];
    }
    Ok(Value::int(crc as i64))
}

/// zlib's CRC-32 of `data` continuing from `crc`.
pub(crate) fn crc32_update(crc: u32, data: &[u8]) -> u32 {
    let mut crc = crc as libz_sys::uLong;
    // zlib takes lengths as a C unsigned int.
    for chunk in data.chunks(1 << 30) {
        // SAFETY: the pointer and length describe `chunk`, alive for the call.
        crc = unsafe { libz_sys::crc32(crc, chunk.as_ptr(), chunk.len() as libz_sys::uInt) };
    }
    crc as u32
}

fn crc32(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    no_kwargs(vm, "binascii.crc32", kw)?;
    ArgSpec::range(vm, "crc32", args, 0, 1, 2)?;
    let data = require_bytes_like(vm, &args[0])?.into_owned();
    let start = match args.get(1) {
        Some(c) => u32_mask(vm, c)?,
        None => 0,
    };
    Ok(Value::int(crc32_update(start, &data) as i64))
}

pub(crate) fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("binascii");
    m.doc("Conversion between binary data and ASCII");
    for (cell, name, base) in [
        (&ERROR, "Error", ExcKind::ValueError),
        (&INCOMPLETE, "Incomplete", ExcKind::Exception),
    ] {
        // SAFETY: GIL held; the borrow ends before any Python code runs.
        let existing = unsafe { cell.get_mut() }.clone();
        let cls = match existing {
            Some(c) => c,
            None => {
                let c = new_exception_class(vm, "binascii", name, base)?;
                // SAFETY: as above.
                *unsafe { cell.get_mut() } = Some(c.clone());
                c
            }
        };
        m.value(name, cls);
    }
    m.functions(&[
        ("a2b_base64", a2b_base64),
        ("a2b_hex", a2b_hex_fn),
        ("a2b_qp", a2b_qp),
        ("a2b_uu", a2b_uu),
        ("b2a_base64", b2a_base64),
        ("b2a_hex", b2a_hex_fn),
        ("b2a_qp", b2a_qp),
        ("b2a_uu", b2a_uu),
        ("crc32", crc32),
        ("crc_hqx", crc_hqx),
        ("hexlify", hexlify),
        ("unhexlify", unhexlify),
    ]);
    Ok(m.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trip_and_errors() {
        assert_eq!(decode_base64(b"aGVsbG8=", false).unwrap(), b"hello");
        assert_eq!(decode_base64(b"aGV\nsbG8=junk", false).unwrap(), b"hello");
        assert!(decode_base64(b"aGVsbG8", false).is_err());
        assert!(decode_base64(b"=aGVs", true).is_err());
    }

    #[test]
    fn qp_and_uu() {
        assert_eq!(encode_qp(b"a=b \n", false, true, false), b"a=3Db=20\n");
        assert_eq!(decode_qp(b"a=3Db=\nc", false), b"a=bc");
        assert_eq!(decode_uu(b"#86)C\n").unwrap(), b"abc");
        assert_eq!(CRC_HQX_TABLE[1], 0x1021);
    }
}
