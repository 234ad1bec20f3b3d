//! pyrite's own binary form of a code object tree, for the compiled-code cache
//! (never CPython's marshal/.pyc format).
//!
//! Integers are LEB128 varints (signed ones zigzag-encoded), floats their eight
//! little-endian bytes, byte strings a length then the bytes. Every `Rc<str>`
//! (names, file names) goes through a table so that a name shared by many code
//! objects is stored and loaded once: `0` then the text adds an entry, `n > 0`
//! refers to entry `n - 1`. Decoding checks every length and tag and returns
//! `None` on anything malformed, so a damaged cache file only costs a recompile.

use crate::code::{CodeObject, ConstValue};
use num_bigint::{BigInt, Sign};
use pyrite_syntax::pystr::PyStr;
use std::collections::HashMap;
use std::rc::Rc;

/// Bumped whenever the layout below changes.
pub const FORMAT_VERSION: u32 = 1;

/// Nesting of code objects and constant tuples a decoder accepts; the compiler
/// never produces more than its own nesting limit allows.
const MAX_DEPTH: usize = 4000;

/// `code` and everything it contains, as bytes.
pub fn encode_code(code: &CodeObject) -> Vec<u8> {
    let mut encoder = Encoder { out: Vec::with_capacity(4096), names: HashMap::new() };
    encoder.code(code);
    encoder.out
}

/// The code object tree [`encode_code`] wrote, or None if `bytes` is not one.
pub fn decode_code(bytes: &[u8]) -> Option<CodeObject> {
    let mut decoder = Decoder { input: bytes, names: Vec::new(), depth: 0 };
    let code = decoder.code()?;
    decoder.input.is_empty().then_some(code)
}

mod tag {
    pub const NONE: u8 = 0;
    pub const FALSE: u8 = 1;
    pub const TRUE: u8 = 2;
    pub const ELLIPSIS: u8 = 3;
    pub const INT: u8 = 4;
    pub const BIG_INT: u8 = 5;
    pub const FLOAT: u8 = 6;
    pub const COMPLEX: u8 = 7;
    pub const STR: u8 = 8;
    pub const BYTES: u8 = 9;
    pub const TUPLE: u8 = 10;
    pub const FROZEN_SET: u8 = 11;
    pub const CODE: u8 = 12;
}

struct Encoder<'a> {
    out: Vec<u8>,
    names: HashMap<&'a str, usize>,
}

impl<'a> Encoder<'a> {
    fn uint(&mut self, mut n: u64) {
        loop {
            let byte = (n & 0x7F) as u8;
            n >>= 7;
            if n == 0 {
                self.out.push(byte);
                return;
            }
            self.out.push(byte | 0x80);
        }
    }

    fn int(&mut self, n: i64) {
        self.uint(((n << 1) ^ (n >> 63)) as u64);
    }

    fn bytes(&mut self, b: &[u8]) {
        self.uint(b.len() as u64);
        self.out.extend_from_slice(b);
    }

    fn float(&mut self, f: f64) {
        self.out.extend_from_slice(&f.to_le_bytes());
    }

    fn name(&mut self, name: &'a Rc<str>) {
        if let Some(&index) = self.names.get(&**name) {
            self.uint(index as u64 + 1);
        } else {
            self.names.insert(name, self.names.len());
            self.uint(0);
            self.bytes(name.as_bytes());
        }
    }

    fn names(&mut self, names: &'a [Rc<str>]) {
        self.uint(names.len() as u64);
        for name in names {
            self.name(name);
        }
    }

    fn code(&mut self, code: &'a CodeObject) {
        for n in [code.argcount, code.posonlyargcount, code.kwonlyargcount, code.flags, code.stacksize, code.firstlineno] {
            self.uint(n as u64);
        }
        self.bytes(&code.code);
        self.uint(code.consts.len() as u64);
        for c in &code.consts {
            self.constant(c);
        }
        self.names(&code.names);
        self.names(&code.localsplusnames);
        self.bytes(&code.localspluskinds);
        self.name(&code.filename);
        self.name(&code.name);
        self.name(&code.qualname);
        self.bytes(&code.linetable);
        self.bytes(&code.exceptiontable);
    }

    fn constant(&mut self, c: &'a ConstValue) {
        match c {
            ConstValue::None => self.out.push(tag::NONE),
            ConstValue::Bool(false) => self.out.push(tag::FALSE),
            ConstValue::Bool(true) => self.out.push(tag::TRUE),
            ConstValue::Ellipsis => self.out.push(tag::ELLIPSIS),
            ConstValue::Int(n) => {
                self.out.push(tag::INT);
                self.int(*n);
            }
            ConstValue::BigInt(n) => {
                self.out.push(tag::BIG_INT);
                self.out.push(matches!(n.sign(), Sign::Minus) as u8);
                self.bytes(&n.magnitude().to_bytes_le());
            }
            ConstValue::Float(f) => {
                self.out.push(tag::FLOAT);
                self.float(*f);
            }
            ConstValue::Complex { real, imag } => {
                self.out.push(tag::COMPLEX);
                self.float(*real);
                self.float(*imag);
            }
            ConstValue::Str(s) => {
                self.out.push(tag::STR);
                self.bytes(s.as_bytes());
            }
            ConstValue::Bytes(b) => {
                self.out.push(tag::BYTES);
                self.bytes(b);
            }
            ConstValue::Tuple(items) | ConstValue::FrozenSet(items) => {
                self.out.push(if matches!(c, ConstValue::Tuple(_)) { tag::TUPLE } else { tag::FROZEN_SET });
                self.uint(items.len() as u64);
                for item in items.iter() {
                    self.constant(item);
                }
            }
            ConstValue::Code(code) => {
                self.out.push(tag::CODE);
                self.code(code);
            }
        }
    }
}

struct Decoder<'a> {
    input: &'a [u8],
    names: Vec<Rc<str>>,
    depth: usize,
}

impl Decoder<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (&first, rest) = self.input.split_first()?;
        self.input = rest;
        Some(first)
    }

    fn uint(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            n |= ((byte & 0x7F) as u64).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.uint()?).ok()
    }

    fn int(&mut self) -> Option<i64> {
        let z = self.uint()?;
        Some((z >> 1) as i64 ^ -((z & 1) as i64))
    }

    /// A length, checked against what is left so that a corrupt count cannot
    /// make the decoder reserve memory the input could never fill.
    fn len(&mut self) -> Option<usize> {
        let n = usize::try_from(self.uint()?).ok()?;
        (n <= self.input.len()).then_some(n)
    }

    fn bytes(&mut self) -> Option<&[u8]> {
        let n = self.len()?;
        let (taken, rest) = self.input.split_at(n);
        self.input = rest;
        Some(taken)
    }

    fn float(&mut self) -> Option<f64> {
        let (taken, rest) = self.input.split_first_chunk::<8>()?;
        self.input = rest;
        Some(f64::from_le_bytes(*taken))
    }

    fn name(&mut self) -> Option<Rc<str>> {
        match usize::try_from(self.uint()?).ok()? {
            0 => {
                let text: Rc<str> = Rc::from(std::str::from_utf8(self.bytes()?).ok()?);
                self.names.push(text.clone());
                Some(text)
            }
            n => self.names.get(n - 1).cloned(),
        }
    }

    fn names(&mut self) -> Option<Vec<Rc<str>>> {
        let n = self.len()?;
        (0..n).map(|_| self.name()).collect()
    }

    fn code(&mut self) -> Option<CodeObject> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let code = CodeObject {
            argcount: self.u32()?,
            posonlyargcount: self.u32()?,
            kwonlyargcount: self.u32()?,
            flags: self.u32()?,
            stacksize: self.u32()?,
            firstlineno: self.u32()?,
            code: self.bytes()?.to_vec(),
            consts: {
                let n = self.len()?;
                (0..n).map(|_| self.constant()).collect::<Option<Vec<_>>>()?
            },
            names: self.names()?,
            localsplusnames: self.names()?,
            localspluskinds: self.bytes()?.to_vec(),
            filename: self.name()?,
            name: self.name()?,
            qualname: self.name()?,
            linetable: self.bytes()?.to_vec(),
            exceptiontable: self.bytes()?.to_vec(),
        };
        self.depth -= 1;
        // The VM indexes localspluskinds by local slot.
        (code.localsplusnames.len() == code.localspluskinds.len() && code.code.len() % 2 == 0).then_some(code)
    }

    fn constant(&mut self) -> Option<ConstValue> {
        Some(match self.byte()? {
            tag::NONE => ConstValue::None,
            tag::FALSE => ConstValue::Bool(false),
            tag::TRUE => ConstValue::Bool(true),
            tag::ELLIPSIS => ConstValue::Ellipsis,
            tag::INT => ConstValue::Int(self.int()?),
            tag::BIG_INT => {
                let sign = if self.byte()? == 1 { Sign::Minus } else { Sign::Plus };
                ConstValue::BigInt(Rc::new(BigInt::from_bytes_le(sign, self.bytes()?)))
            }
            tag::FLOAT => ConstValue::Float(self.float()?),
            tag::COMPLEX => ConstValue::Complex { real: self.float()?, imag: self.float()? },
            tag::STR => ConstValue::Str(Rc::new(PyStr::from_generalized_utf8(self.bytes()?)?)),
            tag::BYTES => ConstValue::Bytes(Rc::from(self.bytes()?)),
            t @ (tag::TUPLE | tag::FROZEN_SET) => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return None;
                }
                let n = self.len()?;
                let items: Rc<[ConstValue]> = (0..n).map(|_| self.constant()).collect::<Option<Vec<_>>>()?.into();
                self.depth -= 1;
                if t == tag::TUPLE {
                    ConstValue::Tuple(items)
                } else {
                    ConstValue::FrozenSet(items)
                }
            }
            tag::CODE => ConstValue::Code(Rc::new(self.code()?)),
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> CodeObject {
        let filename: Rc<str> = Rc::from("mod.py");
        let mut surrogate = PyStr::from("a");
        surrogate.push_code_point(0xD800);
        let inner = CodeObject {
            argcount: 2,
            flags: 3,
            code: vec![151, 0, 100, 1],
            consts: vec![ConstValue::None, ConstValue::Str(Rc::new(surrogate))],
            localsplusnames: vec![Rc::from("x"), Rc::from("y")],
            localspluskinds: vec![0x22, 0x22],
            filename: filename.clone(),
            name: Rc::from("f"),
            qualname: Rc::from("C.f"),
            ..Default::default()
        };
        CodeObject {
            firstlineno: 1,
            code: vec![151, 0, 100, 0, 83, 0],
            consts: vec![
                ConstValue::Int(-5),
                ConstValue::Int(i64::MAX),
                ConstValue::BigInt(Rc::new(BigInt::from(-7) * BigInt::from(u64::MAX))),
                ConstValue::Float(-0.0),
                ConstValue::Complex { real: 1.5, imag: f64::INFINITY },
                ConstValue::Bytes(Rc::from(&b"\x00\xff"[..])),
                ConstValue::Tuple(Rc::from(vec![ConstValue::Bool(true), ConstValue::Ellipsis])),
                ConstValue::FrozenSet(Rc::from(vec![ConstValue::Bool(false)])),
                ConstValue::Code(Rc::new(inner)),
            ],
            names: vec![Rc::from("print"), Rc::from("print")],
            filename,
            name: Rc::from("<module>"),
            qualname: Rc::from("<module>"),
            linetable: vec![1, 2, 3],
            exceptiontable: vec![4],
            ..Default::default()
        }
    }

    #[test]
    fn round_trip() {
        let code = sample();
        let bytes = encode_code(&code);
        assert_eq!(decode_code(&bytes), Some(code));
    }

    #[test]
    fn damaged_input_is_rejected_not_a_panic() {
        let bytes = encode_code(&sample());
        for cut in 0..bytes.len() {
            assert_eq!(decode_code(&bytes[..cut]), None);
        }
        for i in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[i] ^= 0xA5;
            let _ = decode_code(&damaged);
        }
        assert_eq!(decode_code(&[0xFF; 20]), None);
    }
}
