//! The codecs TextIOWrapper runs natively (UTF-8, Latin-1, ASCII, with the
//! usual error handlers) and the calls to the codec registry for the others.

use crate::exception::{ExcKind, PyErr, PyResult};
use crate::objects::bytes::{new_bytes, BytesObject};
use crate::objects::str::{new_str, new_str_from_cps, StrObject};
use crate::value::Value;
use crate::vm::Vm;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Native {
    Utf8,
    Latin1,
    Ascii,
}

impl Native {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Native::Utf8 => "utf-8",
            Native::Latin1 => "latin-1",
            Native::Ascii => "ascii",
        }
    }

    fn limit(self) -> u32 {
        match self {
            Native::Utf8 => 0x110000,
            Native::Latin1 => 0x100,
            Native::Ascii => 0x80,
        }
    }
}

/// The native codec for an encoding name, after Python's normalization.
pub(crate) fn native_codec(name: &str) -> Option<Native> {
    let n: String = name
        .trim()
        .chars()
        .map(|c| if c == '_' || c == ' ' { '-' } else { c.to_ascii_lowercase() })
        .collect();
    match n.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Some(Native::Utf8),
        "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "iso-ir-100" | "csisolatin1" => {
            Some(Native::Latin1)
        }
        "ascii" | "us-ascii" | "646" | "us" | "ansi-x3.4-1968" | "iso646-us" | "cp367" | "csascii" => Some(Native::Ascii),
        _ => None,
    }
}

fn unknown_handler(vm: &mut Vm, errors: &str) -> PyErr {
    vm.new_error(ExcKind::LookupError, format!("unknown error handler name '{errors}'"))
}

fn escape_cp(cp: u32) -> String {
    if cp < 0x100 {
        format!("\\x{cp:02x}")
    } else if cp < 0x10000 {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    }
}

/// Encodes code points; the error handler applies to each run of
/// unencodable characters, as CPython's encoders do.
pub(crate) fn encode(vm: &mut Vm, codec: Native, errors: &str, cps: &[u32]) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(cps.len());
    let limit = codec.limit();
    let bad = |c: u32| c >= limit || (codec == Native::Utf8 && (0xD800..0xE000).contains(&c));
    let mut i = 0;
    while i < cps.len() {
        let c = cps[i];
        if !bad(c) {
            match codec {
                Native::Utf8 => crate::objects::str::push_generalized_utf8(&mut out, c),
                _ => out.push(c as u8),
            }
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < cps.len() && bad(cps[end]) {
            end += 1;
        }
        match errors {
            "strict" => {}
            "ignore" => {
                i = end;
                continue;
            }
            "replace" => {
                out.extend(std::iter::repeat(b'?').take(end - i));
                i = end;
                continue;
            }
            "backslashreplace" => {
                for &c in &cps[i..end] {
                    out.extend_from_slice(escape_cp(c).as_bytes());
                }
                i = end;
                continue;
            }
            "xmlcharrefreplace" => {
                for &c in &cps[i..end] {
                    out.extend_from_slice(format!("&#{c};").as_bytes());
                }
                i = end;
                continue;
            }
            "surrogateescape" => {
                // Only U+DC80..U+DCFF stand for bytes; others fail as strict.
                let mut j = i;
                while j < end && (0xDC80..0xDD00).contains(&cps[j]) {
                    out.push((cps[j] - 0xDC00) as u8);
                    j += 1;
                }
                if j > i {
                    i = j;
                    continue;
                }
                end = i + 1;
                while end < cps.len() && bad(cps[end]) && !(0xDC80..0xDD00).contains(&cps[end]) {
                    end += 1;
                }
            }
            "surrogatepass" if codec == Native::Utf8 => {
                let mut j = i;
                while j < end && (0xD800..0xE000).contains(&cps[j]) {
                    crate::objects::str::push_generalized_utf8(&mut out, cps[j]);
                    j += 1;
                }
                if j > i {
                    i = j;
                    continue;
                }
            }
            "surrogatepass" => {}
            other => return Err(unknown_handler(vm, other)),
        }
        let reason = match codec {
            Native::Utf8 => "surrogates not allowed",
            Native::Latin1 => "ordinal not in range(256)",
            Native::Ascii => "ordinal not in range(128)",
        };
        // The error object carries encoding, object, start, end and reason
        // (its str() is built from them), as _codecs raises it.
        let text = crate::objects::str::new_str_from_cps(cps);
        let e = crate::modules::_codecs::make_encode_error(vm, codec.name(), &text, i, end, reason)?;
        return Err(crate::exception::PyErr::new(e));
    }
    Ok(out)
}

/// Length of a valid UTF-8 sequence at the start of `b`, or the error:
/// (bytes in the invalid range, reason); `None` reason-less means the
/// input ends inside a sequence that may still complete.
enum Step {
    Char(u32, usize),
    Invalid(usize, &'static str),
    Incomplete,
}

fn utf8_step(b: &[u8]) -> Step {
    let c0 = b[0];
    if c0 < 0x80 {
        return Step::Char(c0 as u32, 1);
    }
    let (len, lo, hi, init) = match c0 {
        0xC2..=0xDF => (2, 0x80, 0xBF, (c0 & 0x1F) as u32),
        0xE0 => (3, 0xA0, 0xBF, (c0 & 0x0F) as u32),
        0xED => (3, 0x80, 0x9F, (c0 & 0x0F) as u32),
        0xE1..=0xEC | 0xEE..=0xEF => (3, 0x80, 0xBF, (c0 & 0x0F) as u32),
        0xF0 => (4, 0x90, 0xBF, (c0 & 0x07) as u32),
        0xF1..=0xF3 => (4, 0x80, 0xBF, (c0 & 0x07) as u32),
        0xF4 => (4, 0x80, 0x8F, (c0 & 0x07) as u32),
        _ => return Step::Invalid(1, "invalid start byte"),
    };
    let mut cp = init;
    for k in 1..len {
        let Some(&c) = b.get(k) else {
            return Step::Incomplete;
        };
        let (l, h) = if k == 1 { (lo, hi) } else { (0x80, 0xBF) };
        if c < l || c > h {
            return Step::Invalid(k, "invalid continuation byte");
        }
        cp = (cp << 6) | (c & 0x3F) as u32;
    }
    Step::Char(cp, len)
}

/// Decodes `input`; returns the code points and how many bytes were used
/// (fewer than all only when `!final` and the input ends inside a character).
pub(crate) fn decode(vm: &mut Vm, codec: Native, errors: &str, input: &[u8], final_: bool) -> PyResult<(Vec<u32>, usize)> {
    let mut out: Vec<u32> = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        let (bad_len, reason) = match codec {
            Native::Latin1 => {
                out.push(input[i] as u32);
                i += 1;
                continue;
            }
            Native::Ascii => {
                if input[i] < 0x80 {
                    out.push(input[i] as u32);
                    i += 1;
                    continue;
                }
                (1, "ordinal not in range(128)")
            }
            Native::Utf8 => {
                // Fast run of ASCII.
                if input[i] < 0x80 {
                    out.push(input[i] as u32);
                    i += 1;
                    continue;
                }
                match utf8_step(&input[i..]) {
                    Step::Char(c, n) => {
                        out.push(c);
                        i += n;
                        continue;
                    }
                    Step::Incomplete if !final_ => return Ok((out, i)),
                    Step::Incomplete => (input.len() - i, "unexpected end of data"),
                    Step::Invalid(n, r) => (n, r),
                }
            }
        };
        let end = i + bad_len;
        match errors {
            "strict" => {}
            "ignore" => {
                i = end;
                continue;
            }
            "replace" => {
                out.push(0xFFFD);
                i = end;
                continue;
            }
            "surrogateescape" => {
                let mut j = i;
                while j < end && input[j] >= 0x80 {
                    out.push(0xDC00 + input[j] as u32);
                    j += 1;
                }
                if j == end {
                    i = end;
                    continue;
                }
            }
            "backslashreplace" => {
                for &b in &input[i..end] {
                    out.extend(format!("\\x{b:02x}").chars().map(|c| c as u32));
                }
                i = end;
                continue;
            }
            "surrogatepass" if codec == Native::Utf8 && input.len() - i >= 3 && input[i] == 0xED => {
                let (b1, b2) = (input[i + 1], input[i + 2]);
                if (0xA0..=0xBF).contains(&b1) && (0x80..=0xBF).contains(&b2) {
                    out.push(0xD000 | ((b1 as u32 & 0x3F) << 6) | (b2 as u32 & 0x3F));
                    i += 3;
                    continue;
                }
            }
            "surrogatepass" | "xmlcharrefreplace" => {}
            other => return Err(unknown_handler(vm, other)),
        }
        let e = crate::modules::_codecs::make_decode_error(vm, codec.name(), input, i, end, reason)?;
        return Err(crate::exception::PyErr::new(e));
    }
    Ok((out, i))
}

/// Bytes of `input` (starting with an empty decoder) that decode to the
/// first `nchars` characters, or None if they end inside a character.
pub(crate) fn utf8_prefix_len(codec: Native, input: &[u8], nchars: usize) -> usize {
    match codec {
        Native::Latin1 | Native::Ascii => nchars.min(input.len()),
        Native::Utf8 => {
            let mut i = 0;
            let mut n = 0;
            while n < nchars && i < input.len() {
                i += match utf8_step(&input[i..]) {
                    Step::Char(_, k) => k,
                    Step::Invalid(k, _) => k,
                    Step::Incomplete => input.len() - i,
                };
                n += 1;
            }
            i
        }
    }
}

pub(crate) fn str_cps(s: &StrObject) -> Vec<u32> {
    s.code_points().collect()
}

// -------------------------------------------------------------- registry codecs

/// `codecs.<func>(encoding)(errors)`: an incremental codec of the registry.
pub(crate) fn registry_incremental(vm: &mut Vm, func: &str, encoding: &str, errors: &str) -> PyResult<Value> {
    let codecs = import_codecs(vm, encoding)?;
    let f = vm.getattr_str(&codecs, func)?;
    let factory = vm.call1(&f, new_str(encoding))?;
    vm.call1(&factory, new_str(errors))
}

/// Checks that the registry knows `encoding` (LookupError otherwise).
pub(crate) fn registry_lookup(vm: &mut Vm, encoding: &str) -> PyResult<()> {
    let codecs = import_codecs(vm, encoding)?;
    vm.call_method(&codecs, "lookup", &[new_str(encoding)])?;
    Ok(())
}

fn import_codecs(vm: &mut Vm, encoding: &str) -> PyResult<Value> {
    let name = new_str("codecs");
    let nothing = crate::objects::singletons::none();
    match vm.import_module_level(&name, &nothing, &nothing, 0) {
        Ok(m) => Ok(m),
        Err(_) => Err(vm.new_error(ExcKind::LookupError, format!("unknown encoding: {encoding}"))),
    }
}

/// `decoder.decode(input, final)` returning the code points.
pub(crate) fn registry_decode(vm: &mut Vm, decoder: &Value, input: &[u8], final_: bool) -> PyResult<Vec<u32>> {
    let r = vm.call_method(decoder, "decode", &[new_bytes(input), Value::bool(final_)])?;
    match r.downcast_ref::<StrObject>() {
        Some(s) => Ok(str_cps(s)),
        None => {
            let msg = format!("decoder should return a string result, not '{}'", vm.type_name(&r));
            Err(vm.type_error(msg))
        }
    }
}

pub(crate) fn registry_encode(vm: &mut Vm, encoder: &Value, cps: &[u32]) -> PyResult<Vec<u8>> {
    let r = vm.call_method(encoder, "encode", &[new_str_from_cps(cps)])?;
    match r.downcast_ref::<BytesObject>() {
        Some(b) => Ok(b.data().to_vec()),
        None => {
            let msg = format!("encoder should return a bytes object, not '{}'", vm.type_name(&r));
            Err(vm.type_error(msg))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cps(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    #[test]
    fn utf8_decode_incremental_and_errors() {
        let mut vm = Vm::new_for_tests();
        // A character split across chunks waits for its tail.
        let (out, used) = decode(&mut vm, Native::Utf8, "strict", b"a\xc3", false).unwrap_or_default();
        assert_eq!((out, used), (cps("a"), 1));
        let (out, used) = decode(&mut vm, Native::Utf8, "strict", b"\xc3\xa9", false).unwrap_or_default();
        assert_eq!((out, used), (cps("é"), 2));
        // Error ranges as CPython's: one byte for a bad start, the valid prefix otherwise.
        let (out, _) = decode(&mut vm, Native::Utf8, "replace", b"\xff\xe4\xb8x\xed\xa0\x80", true).unwrap_or_default();
        assert_eq!(out, vec![0xFFFD, 0xFFFD, b'x' as u32, 0xFFFD, 0xFFFD, 0xFFFD]);
        let (out, _) = decode(&mut vm, Native::Utf8, "surrogateescape", b"\xffz", true).unwrap_or_default();
        assert_eq!(out, vec![0xDCFF, b'z' as u32]);
        assert!(decode(&mut vm, Native::Utf8, "strict", b"\xe4\xb8", true).is_err());
        assert!(decode(&mut vm, Native::Ascii, "strict", b"\x80", true).is_err());
        let (out, _) = decode(&mut vm, Native::Latin1, "strict", b"\xe9", true).unwrap_or_default();
        assert_eq!(out, vec![0xE9]);
    }

    #[test]
    fn encode_with_handlers() {
        let mut vm = Vm::new_for_tests();
        let s = cps("aé€");
        assert_eq!(encode(&mut vm, Native::Ascii, "replace", &s).unwrap_or_default(), b"a??");
        assert_eq!(encode(&mut vm, Native::Latin1, "backslashreplace", &s).unwrap_or_default(), b"a\xe9\\u20ac");
        assert_eq!(encode(&mut vm, Native::Ascii, "xmlcharrefreplace", &s).unwrap_or_default(), b"a&#233;&#8364;");
        assert_eq!(encode(&mut vm, Native::Utf8, "surrogateescape", &[0xDC80, 0x41]).unwrap_or_default(), b"\x80A");
        assert!(encode(&mut vm, Native::Utf8, "strict", &[0xD800]).is_err());
        assert!(encode(&mut vm, Native::Utf8, "bogus", &[0xD800]).is_err());
    }

    #[test]
    fn codec_names() {
        assert_eq!(native_codec("UTF-8"), Some(Native::Utf8));
        assert_eq!(native_codec("utf_8"), Some(Native::Utf8));
        assert_eq!(native_codec("Latin-1"), Some(Native::Latin1));
        assert_eq!(native_codec("US-ASCII"), Some(Native::Ascii));
        assert_eq!(native_codec("utf-16"), None);
    }
}
