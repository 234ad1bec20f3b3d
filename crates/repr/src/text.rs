//! `repr(str)` and `repr(bytes)` as CPython 3.11 prints them.

use crate::unicode::is_printable;

/// Appends Python's `repr(s)` for the string whose code points are `code_points`.
///
/// The quote is `'` unless the text contains `'` and no `"`; inside, the quote
/// character and `\` are escaped, `\t \n \r` get their short escapes, other
/// characters that are not printable (CPython 3.11's `str.isprintable`, Unicode
/// 14.0) become `\xNN`, `\uNNNN` or `\UNNNNNNNN`, lone surrogates included.
///
/// Takes any iterator of code points (one pass, no `Clone` needed), so that every
/// string representation (Rust `&str`, the parser's `PyStr`, the VM's strings) can
/// use it. Values above U+10FFFF are written as `\U` escapes rather than rejected.
pub fn write_str_repr<I: IntoIterator<Item = u32>>(out: &mut String, code_points: I) {
    let open = out.len();
    // The quote is decided after the scan: `'` for now, patched below when needed.
    out.push('\'');
    let mut has_single = false;
    let mut has_double = false;
    for cp in code_points {
        match cp {
            0x27 => {
                has_single = true;
                out.push('\'');
            }
            0x22 => {
                has_double = true;
                out.push('"');
            }
            0x5C => out.push_str("\\\\"),
            0x09 => out.push_str("\\t"),
            0x0A => out.push_str("\\n"),
            0x0D => out.push_str("\\r"),
            0x20..=0x7E => out.push(cp as u8 as char),
            0x00..=0x1F | 0x7F => push_hex_escape(out, 'x', cp, 2),
            _ => match char::from_u32(cp) {
                Some(c) if is_printable(cp) => out.push(c),
                _ if cp <= 0xFF => push_hex_escape(out, 'x', cp, 2),
                _ if cp <= 0xFFFF => push_hex_escape(out, 'u', cp, 4),
                _ => push_hex_escape(out, 'U', cp, 8),
            },
        }
    }
    match (has_single, has_double) {
        (true, false) => {
            out.replace_range(open..open + 1, "\"");
            out.push('"');
        }
        (true, true) => {
            // Only the input's own `'` characters can be in the body (no escape
            // produces one), so escaping every `'` after the opening quote is exact.
            let body = out.split_off(open + 1);
            for c in body.chars() {
                if c == '\'' {
                    out.push_str("\\'");
                } else {
                    out.push(c);
                }
            }
            out.push('\'');
        }
        _ => out.push('\''),
    }
}

/// Python's `repr(s)` for the string whose code points are `code_points`.
pub fn str_repr<I: IntoIterator<Item = u32>>(code_points: I) -> String {
    let code_points = code_points.into_iter();
    let mut out = String::with_capacity(code_points.size_hint().0 + 2);
    write_str_repr(&mut out, code_points);
    out
}

/// Appends Python's `repr(s)` for a Rust string.
pub fn write_str_repr_of(out: &mut String, s: &str) {
    // Fast path for the common case (identifiers, plain ASCII text): nothing to escape.
    if s.bytes().all(|b| (0x20..0x7F).contains(&b) && b != b'\'' && b != b'\\') {
        out.reserve(s.len() + 2);
        out.push('\'');
        out.push_str(s);
        out.push('\'');
        return;
    }
    write_str_repr(out, s.chars().map(u32::from));
}

/// Python's `repr(s)` for a Rust string.
pub fn str_repr_of(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    write_str_repr_of(&mut out, s);
    out
}

/// Appends Python's `repr(b)` for a bytes object: `b'...'`, the quote chosen as for
/// `str`, `\t \n \r \\` and the quote escaped, other bytes outside 0x20..0x7E as `\xNN`.
pub fn write_bytes_repr(out: &mut String, bytes: &[u8]) {
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') { b'"' } else { b'\'' };
    out.reserve(bytes.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &b in bytes {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if b == quote => {
                out.push('\\');
                out.push(b as char);
            }
            0x20..=0x7E => out.push(b as char),
            _ => push_hex_escape(out, 'x', b as u32, 2),
        }
    }
    out.push(quote as char);
}

/// Python's `repr(b)` for a bytes object.
pub fn bytes_repr(bytes: &[u8]) -> String {
    let mut out = String::new();
    write_bytes_repr(&mut out, bytes);
    out
}

/// Appends `\` + `letter` + `value` in `width` lowercase hex digits.
fn push_hex_escape(out: &mut String, letter: char, value: u32, width: u32) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('\\');
    out.push(letter);
    for shift in (0..width).rev() {
        out.push(HEX[((value >> (4 * shift)) & 0xF) as usize] as char);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes() {
        assert_eq!(str_repr_of(""), "''");
        assert_eq!(str_repr_of("abc"), "'abc'");
        assert_eq!(str_repr_of("it's"), "\"it's\"");
        assert_eq!(str_repr_of("say \"hi\""), "'say \"hi\"'");
        assert_eq!(str_repr_of("'\""), "'\\'\"'");
        assert_eq!(str_repr_of("a'b\"c'\u{e9}"), "'a\\'b\"c\\'\u{e9}'");
    }

    #[test]
    fn escapes() {
        assert_eq!(str_repr_of("\t\n\r\\\0\x1f\x7f"), "'\\t\\n\\r\\\\\\x00\\x1f\\x7f'");
        assert_eq!(str_repr_of("\u{80}\u{a0}\u{a1}\u{ad}"), "'\\x80\\xa0\u{a1}\\xad'");
        assert_eq!(str_repr_of("\u{2028}\u{200b}\u{e000}\u{fffe}"), "'\\u2028\\u200b\\ue000\\ufffe'");
        assert_eq!(str_repr_of("\u{e0001}\u{10ffff}\u{1f600}"), "'\\U000e0001\\U0010ffff\u{1f600}'");
        assert_eq!(str_repr([0xD800, 0x61, 0xDFFF]), "'\\ud800a\\udfff'");
        assert_eq!(str_repr_of("\u{3000} \u{e9}\u{4e2d}"), "'\\u3000 \u{e9}\u{4e2d}'");
    }

    #[test]
    fn bytes() {
        assert_eq!(bytes_repr(b""), "b''");
        assert_eq!(bytes_repr(b"it's"), "b\"it's\"");
        assert_eq!(bytes_repr(b"'\""), "b'\\'\"'");
        assert_eq!(bytes_repr(b"\t\n\r\\\x00\x7f\x80\xff~ "), "b'\\t\\n\\r\\\\\\x00\\x7f\\x80\\xff~ '");
    }
}
