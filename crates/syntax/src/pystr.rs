//! A Python `str` value as the parser produces it: any sequence of code points,
//! lone surrogates included (`"\ud800"` is a valid literal), which Rust's `String`
//! cannot hold.
//!
//! Stored as "generalized UTF-8": ordinary UTF-8, except that each surrogate code
//! point (U+D800..U+DFFF) is encoded on its own in the three-byte form. Two
//! surrogates are never merged, so `"\ud83d\ude00"` and `"😀"` stay distinct, as
//! they are in Python. When no surrogate is present the bytes are valid UTF-8 and
//! [`PyStr::as_str`] is free.

#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PyStr {
    bytes: Vec<u8>,
    has_surrogates: bool,
}

impl PyStr {
    pub fn new() -> PyStr {
        PyStr::default()
    }

    pub fn push_str(&mut self, s: &str) {
        self.bytes.extend_from_slice(s.as_bytes());
    }

    pub fn push(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.bytes.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }

    /// Appends any code point up to U+10FFFF, surrogates included.
    /// Returns false (and appends nothing) for values above U+10FFFF.
    pub fn push_code_point(&mut self, cp: u32) -> bool {
        if let Some(c) = char::from_u32(cp) {
            self.push(c);
            true
        } else if (0xD800..=0xDFFF).contains(&cp) {
            self.bytes.push(0xE0 | (cp >> 12) as u8);
            self.bytes.push(0x80 | ((cp >> 6) & 0x3F) as u8);
            self.bytes.push(0x80 | (cp & 0x3F) as u8);
            self.has_surrogates = true;
            true
        } else {
            false
        }
    }

    pub fn push_pystr(&mut self, other: &PyStr) {
        self.bytes.extend_from_slice(&other.bytes);
        self.has_surrogates |= other.has_surrogates;
    }

    /// The text as `&str` when it holds no lone surrogate.
    pub fn as_str(&self) -> Option<&str> {
        if self.has_surrogates {
            None
        } else {
            // Invariant: without surrogates the buffer only ever received UTF-8.
            std::str::from_utf8(&self.bytes).ok()
        }
    }

    /// The generalized-UTF-8 bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// A string from generalized-UTF-8 bytes (as [`PyStr::as_bytes`] gives
    /// them), or None when they are not well formed.
    pub fn from_generalized_utf8(bytes: &[u8]) -> Option<PyStr> {
        if std::str::from_utf8(bytes).is_ok() {
            return Some(PyStr { bytes: bytes.to_vec(), has_surrogates: false });
        }
        let mut out = PyStr::new();
        let mut rest = bytes;
        while !rest.is_empty() {
            match std::str::from_utf8(rest) {
                Ok(valid) => {
                    out.push_str(valid);
                    break;
                }
                Err(err) => {
                    let (valid, tail) = rest.split_at(err.valid_up_to());
                    // Invariant: `valid_up_to` marks the end of a valid UTF-8 prefix.
                    out.push_str(std::str::from_utf8(valid).ok()?);
                    // The only sequences UTF-8 rejects that this encoding allows
                    // are lone surrogates: ED A0..BF 80..BF.
                    match tail {
                        [0xED, b1 @ 0xA0..=0xBF, b2 @ 0x80..=0xBF, ..] => {
                            let cp = 0xD000 | ((*b1 as u32 & 0x3F) << 6) | (*b2 as u32 & 0x3F);
                            out.push_code_point(cp);
                            rest = &tail[3..];
                        }
                        _ => return None,
                    }
                }
            }
        }
        Some(out)
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    pub fn has_surrogates(&self) -> bool {
        self.has_surrogates
    }

    /// The code points, surrogates included.
    pub fn code_points(&self) -> CodePoints<'_> {
        CodePoints { bytes: &self.bytes, pos: 0 }
    }

    /// Number of code points (Python's `len`).
    pub fn len_code_points(&self) -> usize {
        self.bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
    }
}

impl From<&str> for PyStr {
    fn from(s: &str) -> PyStr {
        PyStr { bytes: s.as_bytes().to_vec(), has_surrogates: false }
    }
}

impl From<String> for PyStr {
    fn from(s: String) -> PyStr {
        PyStr { bytes: s.into_bytes(), has_surrogates: false }
    }
}

impl std::fmt::Debug for PyStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.as_str() {
            Some(s) => write!(f, "{:?}", s),
            None => {
                write!(f, "\"")?;
                for cp in self.code_points() {
                    match char::from_u32(cp) {
                        Some(c) => write!(f, "{}", c.escape_debug())?,
                        None => write!(f, "\\u{{{:x}}}", cp)?,
                    }
                }
                write!(f, "\"")
            }
        }
    }
}

pub struct CodePoints<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Iterator for CodePoints<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let b = &self.bytes[self.pos..];
        let first = *b.first()?;
        let (len, init) = match first {
            0x00..=0x7F => (1, first as u32),
            0xC0..=0xDF => (2, (first & 0x1F) as u32),
            0xE0..=0xEF => (3, (first & 0x0F) as u32),
            _ => (4, (first & 0x07) as u32),
        };
        let len = len.min(b.len());
        let cp = b[1..len].iter().fold(init, |acc, &c| (acc << 6) | (c & 0x3F) as u32);
        self.pos += len;
        Some(cp)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surrogates_round_trip() {
        let mut s = PyStr::from("a");
        assert!(s.push_code_point(0xD83D));
        assert!(s.push_code_point(0xDE00));
        s.push('😀');
        assert_eq!(s.code_points().collect::<Vec<_>>(), vec![0x61, 0xD83D, 0xDE00, 0x1F600]);
        assert_eq!(s.len_code_points(), 4);
        assert!(s.as_str().is_none());
        assert!(!s.push_code_point(0x110000));
    }
}
