//! Backslash escapes of str and bytes literals: CPython's `unicodeescape`
//! codec as `decode_unicode_with_escapes` drives it, and `_PyBytes_DecodeEscape`.

use super::unicode_names;
use crate::pystr::PyStr;

/// Why decoding failed; becomes the SyntaxError "(unicode error) ..." or
/// "(value error) ..." that CPython derives from the codec's exception.
#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// A UnicodeDecodeError of the `unicodeescape` codec. `start..end` are
    /// offsets into the buffer CPython hands the codec (see [`codec_offset`]).
    UnicodeEscape { start: usize, end: usize, reason: &'static str },
    /// A ValueError of the bytes decoder.
    Value(String),
}

impl DecodeError {
    /// The SyntaxError message CPython gives.
    pub fn message(&self) -> String {
        match self {
            DecodeError::UnicodeEscape { start, end, reason } => {
                if *end == start + 1 {
                    // The byte at `start` is always the escape's backslash.
                    format!("(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position {start}: {reason}")
                } else {
                    format!(
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{}: {reason}",
                        end.saturating_sub(1)
                    )
                }
            }
            DecodeError::Value(msg) => format!("(value error) {msg}"),
        }
    }
}

/// The first escape that Python does not know (kept as is in the value), for
/// the DeprecationWarning.
#[derive(Debug, PartialEq, Eq, Clone)]
pub enum InvalidEscape {
    /// `\` followed by a character that starts no escape.
    Char(char),
    /// A three-digit octal escape above `\377`.
    Octal([u8; 3]),
}

impl InvalidEscape {
    pub fn message(&self) -> String {
        match self {
            InvalidEscape::Char(c) => format!("invalid escape sequence '\\{c}'"),
            InvalidEscape::Octal(digits) => {
                format!("invalid octal escape sequence '\\{}'", String::from_utf8_lossy(digits))
            }
        }
    }
}

/// Decodes the body of a non-raw str literal (or a literal piece of an f-string).
///
/// CPython first rewrites every non-ASCII character as a `\UXXXXXXXX` escape (and a
/// backslash before one, or at the very end, as `\u005c`) and then runs the
/// `unicodeescape` codec over the result; the values are the same as decoding the
/// text directly, which is what this does, but error positions count in that
/// rewritten buffer.
pub fn decode_str(body: &str) -> Result<(PyStr, Option<InvalidEscape>), DecodeError> {
    let bytes = body.as_bytes();
    let mut out = PyStr::new();
    let mut first_invalid = None;
    let mut i = 0;
    while i < bytes.len() {
        let Some(off) = bytes[i..].iter().position(|&b| b == b'\\') else {
            out.push_str(&body[i..]);
            break;
        };
        // `i` and the backslash are ASCII positions, so both are char boundaries.
        let backslash = i + off;
        out.push_str(&body[i..backslash]);
        i = backslash + 1;
        let Some(&c) = bytes.get(i) else {
            out.push('\\');
            break;
        };
        if !c.is_ascii() {
            // The rewrite turned this backslash into `\u005c`: a plain backslash.
            out.push('\\');
            continue;
        }
        i += 1;
        let error = |end: usize, reason: &'static str| DecodeError::UnicodeEscape {
            start: codec_offset(bytes, backslash),
            end: codec_offset(bytes, end),
            reason,
        };
        match c {
            b'\n' => {}
            b'\\' => out.push('\\'),
            b'\'' => out.push('\''),
            b'"' => out.push('"'),
            b'b' => out.push('\x08'),
            b'f' => out.push('\x0c'),
            b't' => out.push('\t'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b'v' => out.push('\x0b'),
            b'a' => out.push('\x07'),
            b'0'..=b'7' => {
                let (value, len) = octal(&bytes[i - 1..]);
                i += len - 1;
                if value > 0o377 && first_invalid.is_none() {
                    first_invalid = Some(InvalidEscape::Octal([bytes[i - 3], bytes[i - 2], bytes[i - 1]]));
                }
                out.push_code_point(value);
            }
            b'x' | b'u' | b'U' => {
                let (count, reason) = match c {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut value: u32 = 0;
                for _ in 0..count {
                    let Some(&d) = bytes.get(i) else {
                        return Err(error(bytes.len(), reason));
                    };
                    let Some(digit) = (d as char).to_digit(16) else {
                        return Err(error(i, reason));
                    };
                    value = (value << 4) | digit;
                    i += 1;
                }
                if !out.push_code_point(value) {
                    return Err(error(i, "illegal Unicode character"));
                }
            }
            b'N' => {
                const MALFORMED: &str = "malformed \\N character escape";
                match bytes.get(i) {
                    None => return Err(error(bytes.len(), MALFORMED)),
                    Some(b'{') => {}
                    Some(_) => return Err(error(i, MALFORMED)),
                }
                let name_start = i + 1;
                let Some(len) = bytes[name_start..].iter().position(|&b| b == b'}') else {
                    return Err(error(bytes.len(), MALFORMED));
                };
                let name_end = name_start + len;
                if len == 0 {
                    return Err(error(name_end, MALFORMED));
                }
                i = name_end + 1;
                match unicode_names::lookup(&bytes[name_start..name_end]) {
                    Some(cp) => {
                        out.push_code_point(cp);
                    }
                    None => return Err(error(i, "unknown Unicode character name")),
                }
            }
            other => {
                if first_invalid.is_none() {
                    first_invalid = Some(InvalidEscape::Char(other as char));
                }
                out.push('\\');
                out.push(other as char);
            }
        }
    }
    Ok((out, first_invalid))
}

/// Decodes the body of a non-raw bytes literal (already checked to be ASCII).
pub fn decode_bytes(body: &[u8]) -> Result<(Vec<u8>, Option<InvalidEscape>), DecodeError> {
    let mut out = Vec::with_capacity(body.len());
    let mut first_invalid = None;
    let mut i = 0;
    while i < body.len() {
        let Some(off) = body[i..].iter().position(|&b| b == b'\\') else {
            out.extend_from_slice(&body[i..]);
            break;
        };
        let backslash = i + off;
        out.extend_from_slice(&body[i..backslash]);
        i = backslash + 1;
        let Some(&c) = body.get(i) else {
            return Err(DecodeError::Value("Trailing \\ in string".to_string()));
        };
        i += 1;
        match c {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0c),
            b't' => out.push(b'\t'),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b'v' => out.push(0x0b),
            b'a' => out.push(0x07),
            b'0'..=b'7' => {
                let (value, len) = octal(&body[i - 1..]);
                i += len - 1;
                if value > 0o377 && first_invalid.is_none() {
                    first_invalid = Some(InvalidEscape::Octal([body[i - 3], body[i - 2], body[i - 1]]));
                }
                // CPython stores the value in a byte: `\777` is b'\xff'.
                out.push(value as u8);
            }
            b'x' => {
                let hex = |k: usize| body.get(k).and_then(|&d| (d as char).to_digit(16));
                match (hex(i), hex(i + 1)) {
                    (Some(hi), Some(lo)) => {
                        out.push((hi * 16 + lo) as u8);
                        i += 2;
                    }
                    _ => return Err(DecodeError::Value(format!("invalid \\x escape at position {backslash}"))),
                }
            }
            other => {
                if first_invalid.is_none() {
                    first_invalid = Some(InvalidEscape::Char(other as char));
                }
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    Ok((out, first_invalid))
}

/// An octal escape's value and length: up to three digits, `digits[0]` being one.
fn octal(digits: &[u8]) -> (u32, usize) {
    let mut value = 0;
    let mut len = 0;
    while len < 3 {
        match digits.get(len) {
            Some(&d @ b'0'..=b'7') => value = value * 8 + (d - b'0') as u32,
            _ => break,
        }
        len += 1;
    }
    (value, len)
}

/// The offset that byte `pos` of a literal body has in the buffer CPython's
/// `decode_unicode_with_escapes` builds: every non-ASCII character takes ten bytes
/// (`\UXXXXXXXX`), a backslash before one or at the end takes six (`\u005c`), an
/// escape's backslash and next ASCII character are copied as they are.
fn codec_offset(body: &[u8], pos: usize) -> usize {
    let mut offset = 0;
    let mut k = 0;
    while k < pos && k < body.len() {
        let b = body[k];
        if b == b'\\' {
            match body.get(k + 1) {
                Some(next) if next.is_ascii() => {
                    offset += if k + 1 < pos { 2 } else { 1 };
                    k += 2;
                }
                _ => {
                    offset += 6;
                    k += 1;
                }
            }
        } else if b.is_ascii() {
            offset += 1;
            k += 1;
        } else {
            offset += 10;
            k += utf8_len(b);
        }
    }
    offset
}

fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(body: &str) -> String {
        let (value, _) = decode_str(body).unwrap();
        value.as_str().unwrap().to_string()
    }

    fn err(body: &str) -> String {
        decode_str(body).unwrap_err().message()
    }

    #[test]
    fn simple_escapes() {
        assert_eq!(s(r#"a\nb\tc\\d\'\"\a\b\f\v\r"#), "a\nb\tc\\d'\"\x07\x08\x0c\x0b\r");
        assert_eq!(s("a\\\nb"), "ab");
        assert_eq!(s(r"\x41\u00e9\U0001F600\101\0\12"), "Aé😀A\0\n");
        assert_eq!(s(r"\N{LATIN SMALL LETTER A}\N{bullet}"), "a•");
        assert_eq!(s("\\ä"), "\\ä");
        assert_eq!(s("ä\\"), "ä\\");
        assert_eq!(s(r"\777"), "\u{1ff}");
        let (v, _) = decode_str(r"\ud800x").unwrap();
        assert_eq!(v.code_points().collect::<Vec<_>>(), vec![0xD800, 0x78]);
    }

    #[test]
    fn invalid_escapes() {
        assert_eq!(decode_str(r"\d\q").unwrap().1, Some(InvalidEscape::Char('d')));
        assert_eq!(s(r"\d"), "\\d");
        assert_eq!(decode_str(r"\400\d").unwrap().1.unwrap().message(), "invalid octal escape sequence '\\400'");
        assert_eq!(decode_str(r"\377").unwrap().1, None);
        assert_eq!(decode_str(r"\d").unwrap().1.unwrap().message(), "invalid escape sequence '\\d'");
    }

    #[test]
    fn errors() {
        assert_eq!(
            err(r"\x4"),
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape"
        );
        assert_eq!(
            err("ä\\x4"),
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 10-12: truncated \\xXX escape"
        );
        assert_eq!(
            err("\\xä"),
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\xXX escape"
        );
        assert_eq!(
            err(r"\N{foo}"),
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: unknown Unicode character name"
        );
        assert_eq!(err(r"\N"), "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N character escape");
        assert_eq!(err(r"\N{"), "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: malformed \\N character escape");
        assert_eq!(err(r"\N{}"), "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: malformed \\N character escape");
        assert_eq!(err(r"\Nx"), "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N character escape");
        assert_eq!(
            err(r"ab\U00110000"),
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 2-11: illegal Unicode character"
        );
    }

    #[test]
    fn bytes() {
        let (v, inv) = decode_bytes(br"\x41\777\d\n\0").unwrap();
        assert_eq!(v, b"A\xff\\d\n\0");
        assert_eq!(inv, Some(InvalidEscape::Octal(*b"777")));
        assert_eq!(decode_bytes(br"ab\x4").unwrap_err().message(), "(value error) invalid \\x escape at position 2");
        assert_eq!(decode_bytes(br"\xg0").unwrap_err().message(), "(value error) invalid \\x escape at position 0");
    }
}
