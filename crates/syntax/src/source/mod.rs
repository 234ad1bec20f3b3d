//! Source decoding: UTF-8 BOM, PEP 263 encoding declarations, and the
//! SyntaxErrors CPython gives for undecodable source.
//!
//! This follows CPython 3.11 reading a file (`python3.11 FILE`,
//! `tok_underflow_file`): lines are read one by one; the first two may carry a
//! coding cookie; without a BOM or cookie every line must be UTF-8. Such an
//! error arises only when the tokenizer reads the bad line, so
//! [`decode_file`] returns the text before it together with the error, for
//! the tokenizer to raise at the right moment (see
//! [`DecodedSource::tokenize_options`]).

mod codecs;

#[cfg(test)]
mod tests;

use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::tokenizer::TokenizeOptions;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Bytes a text stream decodes at a time: where a codec error lies relative
/// to these chunks decides how CPython reports it.
const CHUNK_SIZE: usize = 8192;

/// How a codec module of the `encodings` package decodes.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Codec {
    Utf8,
    Latin1,
    Ascii,
    /// A single-byte charmap codec; 0xFFFE marks undefined bytes.
    Table(&'static [u16; 256]),
    /// A bytes-to-bytes or str-to-str codec (rot13, hex, ...): `io.open`
    /// refuses it.
    NotText,
    /// A codec pyrite does not implement (CJK multibyte codecs, UTF-16/32,
    /// UTF-7, the escape codecs, ...): reported as an encoding problem.
    Unsupported,
}

/// A source's text as CPython's tokenizer reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodedSource {
    /// The decoded text (up to a line that could not be decoded).
    pub text: String,
    /// CPython's `tok->encoding`: "utf-8" after a BOM, else the declared
    /// encoding as the cookie names it (normalized for utf-8/latin-1).
    pub encoding: Option<String>,
    /// The error CPython raises when the tokenizer reads the line after
    /// `text`.
    pub error_at_end: Option<SyntaxError>,
    /// Whether pegen takes error texts from the file (see
    /// [`TokenizeOptions::text_from_file`]): true from [`decode_file`];
    /// [`decode_bytes`] leaves it false, callers compiling the bytes of an
    /// existing file (importlib does) set it.
    pub text_from_file: bool,
    /// The bytes began with a UTF-8 BOM (kept in the file's first line when
    /// it serves as an error text).
    pub bom: bool,
}

impl DecodedSource {
    /// Options for [`crate::tokenizer::tokenize_with`] that reproduce the
    /// file tokenizer: columns of pegen-raised errors are converted to
    /// characters only when an encoding was declared.
    pub fn tokenize_options(&self) -> TokenizeOptions {
        TokenizeOptions {
            exec_input: true,
            columns_as_chars: self.encoding.is_some(),
            error_at_end: self.error_at_end.clone(),
            text_from_file: self.text_from_file,
            bom: self.bom,
        }
    }
}

/// Decodes a source file's bytes to text as CPython's tokenizer does; any
/// decoding error is returned, even one CPython would meet only after an
/// earlier tokenizer error (use [`decode_file`] to keep that order).
pub fn decode_source(bytes: &[u8], filename: &str) -> Result<String, SyntaxError> {
    let decoded = decode_file(bytes, filename)?;
    match decoded.error_at_end {
        Some(err) => Err(err),
        None => Ok(decoded.text),
    }
}

/// A SyntaxError without location (CPython leaves lineno etc. None).
fn error_without_location(msg: String) -> SyntaxError {
    SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg,
        lineno: 0,
        offset: 0,
        end_lineno: 0,
        end_offset: 0,
        text: None,
    }
}

/// Decodes a source file as CPython's file tokenizer reads it. `Err` is for
/// errors CPython raises before reading any token (BOM and cookie problems);
/// an undecodable later line gives `Ok` with `error_at_end`.
pub fn decode_file(bytes: &[u8], filename: &str) -> Result<DecodedSource, SyntaxError> {
    let bom = bytes.starts_with(BOM);
    let (rest, mut encoding) = match bytes.strip_prefix(BOM) {
        Some(rest) => (rest, Some("utf-8".to_string())),
        None => (bytes, None),
    };
    let mut text = String::with_capacity(rest.len());
    let mut pos = 0;
    let mut lineno = 0u32;
    // Lines 1 and 2 may declare the encoding; line 2 only if line 1 is blank
    // or a comment.
    let mut seeking_cookie = true;
    while seeking_cookie && lineno < 2 && pos < rest.len() {
        let (content_end, next) = line_end(rest, pos);
        let content = &rest[pos..content_end];
        lineno += 1;
        match coding_spec(content) {
            Some(cs) => {
                seeking_cookie = false;
                match &encoding {
                    None => {
                        text.push_str(&String::from_utf8_lossy(&rest[pos..next]));
                        if cs != "utf-8" {
                            return decode_with_codec(rest, next, text, cs);
                        }
                        encoding = Some(cs);
                    }
                    Some(bom_encoding) => {
                        if *bom_encoding != cs {
                            return Err(error_without_location(format!("encoding problem: {} with BOM", cs)));
                        }
                        text.push_str(&String::from_utf8_lossy(&rest[pos..next]));
                    }
                }
            }
            None => {
                if has_code(content) {
                    seeking_cookie = false;
                }
                if encoding.is_none() {
                    let error = check_utf8_line(&rest[pos..next], lineno, filename, &mut text);
                    if error.is_some() || text.ends_with('\0') {
                        // Tokenization cannot go past this line.
                        return Ok(DecodedSource { text, encoding, error_at_end: error, text_from_file: true, bom });
                    }
                } else {
                    text.push_str(&String::from_utf8_lossy(&rest[pos..next]));
                }
            }
        }
        pos = next;
    }
    let remaining = &rest[pos..];
    if encoding.is_some() {
        // Declared UTF-8 lines are handed to the tokenizer unchecked.
        // TODO: CPython then fails only where a token (not a comment) holds
        // the bad bytes; pyrite replaces them with U+FFFD.
        text.push_str(&String::from_utf8_lossy(remaining));
        return Ok(DecodedSource { text, encoding, error_at_end: None, text_from_file: true, bom });
    }
    match std::str::from_utf8(remaining) {
        Ok(s) => text.push_str(s),
        Err(e) => {
            let bad = e.valid_up_to();
            // Lines before the bad one are fine; report it at its line.
            let valid = &remaining[..bad];
            let line_start = valid.iter().rposition(|&b| b == b'\n' || b == b'\r').map_or(0, |i| i + 1);
            let head = &remaining[..line_start];
            // Invariant: `head` is a prefix of the valid part.
            text.push_str(std::str::from_utf8(head).unwrap_or_default());
            lineno += count_lines(head);
            let (_, next) = line_end(remaining, line_start);
            let error = check_utf8_line(&remaining[line_start..next], lineno + 1, filename, &mut text);
            return Ok(DecodedSource { text, encoding, error_at_end: error, text_from_file: true, bom });
        }
    }
    Ok(DecodedSource { text, encoding, error_at_end: None, text_from_file: true, bom })
}

/// Number of line ends (`\n`, `\r\n`, lone `\r`) in `bytes`.
fn count_lines(bytes: &[u8]) -> u32 {
    let mut n = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => n += 1,
            b'\r' => {
                n += 1;
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    n
}

/// The end of the line starting at `pos`: (end of its content, start of the
/// next line). Lines end at `\n`, `\r\n` or a lone `\r`.
fn line_end(bytes: &[u8], pos: usize) -> (usize, usize) {
    let rest = &bytes[pos..];
    match rest.iter().position(|&b| b == b'\n' || b == b'\r') {
        None => (bytes.len(), bytes.len()),
        Some(i) => {
            let end = pos + i;
            if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
                (end, end + 2)
            } else {
                (end, end + 1)
            }
        }
    }
}

/// `ensure_utf8` for one line (with its line end): appends it to `text` when
/// it is valid UTF-8 up to its first NUL, else returns CPython's error. A
/// line with a NUL is kept up to that NUL, which the tokenizer refuses.
fn check_utf8_line(line: &[u8], lineno: u32, filename: &str, text: &mut String) -> Option<SyntaxError> {
    match std::str::from_utf8(line) {
        Ok(s) => {
            text.push_str(s);
            None
        }
        Err(e) => {
            let bad = e.valid_up_to();
            if let Some(nul) = line[..bad].iter().position(|&b| b == 0) {
                // Invariant: bytes before `bad` are valid UTF-8.
                text.push_str(std::str::from_utf8(&line[..=nul]).unwrap_or_default());
                return None;
            }
            Some(error_without_location(format!(
                "Non-UTF-8 code starting with '\\x{:02x}' in file {} on line {}, but no encoding declared; \
                 see https://peps.python.org/pep-0263/ for details",
                line[bad], filename, lineno
            )))
        }
    }
}

/// Whether a line without cookie holds anything but blanks and a comment
/// (then no cookie is looked for on the next line).
fn has_code(content: &[u8]) -> bool {
    for &b in content {
        if b == b'#' || b == 0 {
            return false;
        }
        if b != b' ' && b != b'\t' && b != 0x0c {
            return true;
        }
    }
    false
}

/// `get_coding_spec`: the encoding a comment line declares, as CPython
/// names it. `content` is the line without its line end.
fn coding_spec(content: &[u8]) -> Option<String> {
    // CPython scans the C string of the line including its "\n".
    let size = content.iter().position(|&b| b == 0).unwrap_or(content.len()) + 1;
    let mut line = Vec::with_capacity(size);
    line.extend_from_slice(&content[..size - 1]);
    line.push(b'\n');
    let limit = size.saturating_sub(6);
    let mut i = 0;
    while i < limit {
        if line[i] == b'#' {
            break;
        }
        if line[i] != b' ' && line[i] != b'\t' && line[i] != 0x0c {
            return None;
        }
        i += 1;
    }
    while i < limit {
        if line[i..].starts_with(b"coding") {
            let mut t = i + 6;
            if line.get(t) == Some(&b':') || line.get(t) == Some(&b'=') {
                t += 1;
                while matches!(line.get(t), Some(b' ' | b'\t')) {
                    t += 1;
                }
                let begin = t;
                while matches!(line.get(t), Some(&c) if c.is_ascii_alphanumeric() || c == b'-' || c == b'_' || c == b'.')
                {
                    t += 1;
                }
                if begin < t {
                    // Invariant: the name is ASCII.
                    let name = String::from_utf8_lossy(&line[begin..t]).into_owned();
                    return Some(normal_name(name));
                }
            }
        }
        i += 1;
    }
    None
}

/// `get_normal_name`: spellings of utf-8 and latin-1 (judged on their first
/// 12 characters) become "utf-8" and "iso-8859-1"; other names stay as
/// written.
fn normal_name(name: String) -> String {
    let buf: String = name
        .chars()
        .take(12)
        .map(|c| if c == '_' { '-' } else { c.to_ascii_lowercase() })
        .collect();
    if buf == "utf-8" || buf.starts_with("utf-8-") {
        "utf-8".into()
    } else if buf == "latin-1"
        || buf == "iso-8859-1"
        || buf == "iso-latin-1"
        || buf.starts_with("latin-1-")
        || buf.starts_with("iso-8859-1-")
        || buf.starts_with("iso-latin-1-")
    {
        "iso-8859-1".into()
    } else {
        name
    }
}

/// `codecs.lookup` for a text encoding: the codec module a name denotes.
fn lookup_codec(name: &str) -> Option<Codec> {
    // Lower-case; runs of characters other than letters, digits and '.'
    // become one '_' (none at the start or end).
    let mut norm = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if punct && !norm.is_empty() {
                norm.push('_');
            }
            norm.push(c.to_ascii_lowercase());
            punct = false;
        } else {
            punct = true;
        }
    }
    let alias = |key: &str| {
        codecs::ALIASES.binary_search_by(|&(a, _)| a.cmp(key)).ok().map(|i| codecs::ALIASES[i].1)
    };
    let aliased = alias(&norm).or_else(|| alias(&norm.replace('.', "_")));
    let candidates = aliased.into_iter().chain(std::iter::once(norm.as_str()));
    for module in candidates {
        if module.is_empty() || module.contains('.') {
            continue;
        }
        if let Ok(i) = codecs::MODULES.binary_search_by(|&(m, _)| m.cmp(module)) {
            return Some(codecs::MODULES[i].1);
        }
    }
    None
}

/// A byte a codec cannot decode: its offset and the reason CPython gives.
struct DecodeFailure {
    at: usize,
    codec_name: &'static str,
    reason: &'static str,
}

/// Decodes `bytes` with `codec` into `out`, stopping at the first failure.
fn decode_bytes_with(codec: Codec, bytes: &[u8], out: &mut String) -> Result<(), DecodeFailure> {
    match codec {
        Codec::Utf8 => match std::str::from_utf8(bytes) {
            Ok(s) => {
                out.push_str(s);
                Ok(())
            }
            Err(e) => {
                let at = e.valid_up_to();
                out.push_str(std::str::from_utf8(&bytes[..at]).unwrap_or_default());
                let first = bytes[at];
                let reason = match e.error_len() {
                    None => "unexpected end of data",
                    Some(_) if (0x80..0xC2).contains(&first) || first >= 0xF5 => "invalid start byte",
                    Some(_) => "invalid continuation byte",
                };
                Err(DecodeFailure { at, codec_name: "utf-8", reason })
            }
        },
        Codec::Latin1 => {
            out.extend(bytes.iter().map(|&b| b as char));
            Ok(())
        }
        Codec::Ascii => {
            for (i, &b) in bytes.iter().enumerate() {
                if b >= 0x80 {
                    return Err(DecodeFailure { at: i, codec_name: "ascii", reason: "ordinal not in range(128)" });
                }
                out.push(b as char);
            }
            Ok(())
        }
        Codec::Table(table) => {
            for (i, &b) in bytes.iter().enumerate() {
                match char::from_u32(table[b as usize] as u32) {
                    Some(c) if c != '\u{FFFE}' => out.push(c),
                    _ => {
                        return Err(DecodeFailure {
                            at: i,
                            codec_name: "charmap",
                            reason: "character maps to <undefined>",
                        })
                    }
                }
            }
            Ok(())
        }
        Codec::NotText | Codec::Unsupported => Ok(()),
    }
}

/// The lines after a cookie line naming `cs` (other than utf-8), starting at
/// `start` (just after the cookie line): CPython reads them through a text
/// stream of that codec, which first decodes a chunk starting one byte
/// before them.
fn decode_with_codec(rest: &[u8], start: usize, mut text: String, cs: String) -> Result<DecodedSource, SyntaxError> {
    // Only reached without a BOM.
    let bom = false;
    let problem = |cs: &str| error_without_location(format!("encoding problem: {}", cs));
    let codec = match lookup_codec(&cs) {
        Some(c @ (Codec::Utf8 | Codec::Latin1 | Codec::Ascii | Codec::Table(_))) => c,
        _ => return Err(problem(&cs)),
    };
    let lineno_before = count_lines(&rest[..start]);
    let mut decoded = String::with_capacity(rest.len() - start);
    let failure = match decode_bytes_with(codec, &rest[start..], &mut decoded) {
        Ok(()) => {
            text.push_str(&decoded);
            return Ok(DecodedSource { text, encoding: Some(cs), error_at_end: None, text_from_file: true, bom });
        }
        Err(f) => f,
    };
    let chunk_origin = start.saturating_sub(1);
    let bad = start + failure.at;
    let chunk = (bad - chunk_origin) / CHUNK_SIZE;
    if chunk == 0 {
        return Err(problem(&cs));
    }
    // The stream fails when a line needs the bad chunk: the line holding
    // the chunk's first byte. The lines before it were read.
    let chunk_start = chunk_origin + chunk * CHUNK_SIZE;
    let mut line_start = start;
    let mut lineno = lineno_before;
    let mut last_line = String::new();
    loop {
        let (_, next) = line_end(rest, line_start);
        if next > chunk_start || next >= rest.len() {
            break;
        }
        last_line.clear();
        // Invariant: these bytes precede the failure, so they decode.
        let _ = decode_bytes_with(codec, &rest[line_start..next], &mut last_line);
        text.push_str(&last_line);
        lineno += 1;
        line_start = next;
    }
    let msg = format!(
        "(unicode error) '{}' codec can't decode byte 0x{:02x} in position {}: {}",
        failure.codec_name,
        rest[bad],
        bad - chunk_start,
        failure.reason
    );
    let mut line_text = last_line.replace("\r\n", "\n");
    if line_text.ends_with('\r') {
        line_text.pop();
        line_text.push('\n');
    }
    let error = SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg,
        lineno,
        offset: 0,
        end_lineno: lineno,
        end_offset: -1,
        text: Some(line_text),
    };
    Ok(DecodedSource { text, encoding: Some(cs), error_at_end: Some(error), text_from_file: true, bom })
}

/// The SyntaxError CPython makes of an exception raised while setting up the
/// tokenizer for a string (`_PyPegen_raise_tokenizer_init_error`): lineno 0,
/// offset -1, no text.
fn init_error(msg: String) -> SyntaxError {
    SyntaxError { lineno: 0, offset: -1, ..error_without_location(msg) }
}

/// Decodes source bytes given to `compile()`/`exec()` (and by importlib for
/// modules) as CPython's string tokenizer does (`decode_str`): a BOM or a
/// cookie on line 1 or 2 names the encoding and the whole text is decoded
/// at once; without them the bytes are taken as UTF-8 unchecked (pyrite
/// replaces invalid sequences with U+FFFD). Errors have no location.
pub fn decode_bytes(bytes: &[u8]) -> Result<DecodedSource, SyntaxError> {
    let (rest, bom) = match bytes.strip_prefix(BOM) {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    // Lines 1 and 2 as `decode_str` sees them: only lines ending in a
    // newline (the final one is added to exec input anyway).
    let (end1, next1) = line_end(rest, 0);
    let mut cookie = None;
    if next1 > end1 || next1 == rest.len() {
        cookie = coding_spec(&rest[..end1]);
        if cookie.is_none() && !has_code(&rest[..end1]) && next1 < rest.len() {
            let (end2, _) = line_end(rest, next1);
            cookie = coding_spec(&rest[next1..end2]);
        }
    }
    let encoding = match (&cookie, bom) {
        (Some(cs), true) if cs != "utf-8" => {
            return Err(init_error(format!("encoding problem: {} with BOM", cs)));
        }
        (Some(cs), _) => Some(cs.clone()),
        (None, true) => Some("utf-8".to_string()),
        (None, false) => None,
    };
    let text = match cookie.as_deref() {
        Some(cs) if cs != "utf-8" => {
            let codec = match lookup_codec(cs) {
                None => return Err(init_error(format!("unknown encoding: {}", cs))),
                Some(Codec::NotText) => {
                    return Err(init_error(format!(
                        "'{}' is not a text encoding; use codecs.decode() to handle arbitrary codecs",
                        cs
                    )))
                }
                Some(Codec::Unsupported) => return Err(init_error(format!("encoding problem: {}", cs))),
                Some(c) => c,
            };
            // Positions in the codec's message count the text after newline
            // translation.
            let translated = translate_newlines(rest);
            let mut out = String::with_capacity(translated.len());
            if let Err(f) = decode_bytes_with(codec, &translated, &mut out) {
                return Err(init_error(format!(
                    "'{}' codec can't decode byte 0x{:02x} in position {}: {}",
                    f.codec_name, translated[f.at], f.at, f.reason
                )));
            }
            out
        }
        _ => String::from_utf8_lossy(rest).into_owned(),
    };
    Ok(DecodedSource { text, encoding, error_at_end: None, text_from_file: false, bom })
}

/// `\r\n` and lone `\r` as `\n`.
fn translate_newlines(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\r' {
            out.push(b'\n');
            if bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
        } else {
            out.push(bytes[i]);
        }
        i += 1;
    }
    out
}
