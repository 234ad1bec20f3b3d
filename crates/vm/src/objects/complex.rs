//! `complex`: a heap object holding two doubles, and its arithmetic as
//! CPython's `Objects/complexobject.c` computes it.

use crate::object::{alloc_object, LayoutKind, ObjHeader, PyPayload};
use crate::typeobj::{TypeObject, COMPLEX_TYPE};
use crate::value::Value;

#[repr(C)]
pub struct ComplexObject {
    pub(crate) header: ObjHeader,
    pub re: f64,
    pub im: f64,
}

unsafe impl PyPayload for ComplexObject {
    const KIND: LayoutKind = LayoutKind::Complex;
}

pub fn new_complex(re: f64, im: f64) -> Value {
    new_complex_typed(COMPLEX_TYPE.get(), re, im)
}

pub fn new_complex_typed(ty: &TypeObject, re: f64, im: f64) -> Value {
    alloc_object(
        ty,
        ComplexObject {
            header: ObjHeader::new(std::ptr::null()),
            re,
            im,
        },
    )
}

/// The parts of a complex (or complex subclass) instance.
#[inline]
pub fn as_complex(v: &Value) -> Option<(f64, f64)> {
    v.downcast_ref::<ComplexObject>().map(|c| (c.re, c.im))
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct C64 {
    pub re: f64,
    pub im: f64,
}

/// Why a complex operation failed (CPython signals these through errno).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CErr {
    /// EDOM: division by zero, 0 to a negative or complex power.
    Domain,
    /// ERANGE: the result overflowed.
    Range,
}

impl C64 {
    pub const fn new(re: f64, im: f64) -> C64 {
        C64 { re, im }
    }

    pub fn add(self, o: C64) -> C64 {
        C64::new(self.re + o.re, self.im + o.im)
    }

    pub fn sub(self, o: C64) -> C64 {
        C64::new(self.re - o.re, self.im - o.im)
    }

    pub fn mul(self, o: C64) -> C64 {
        C64::new(self.re * o.re - self.im * o.im, self.re * o.im + self.im * o.re)
    }

    /// Smith's algorithm, as `_Py_c_quot` (Err on a zero divisor).
    pub fn div(self, b: C64) -> Result<C64, CErr> {
        let (abs_br, abs_bi) = (b.re.abs(), b.im.abs());
        if abs_br >= abs_bi {
            if abs_br == 0.0 {
                return Err(CErr::Domain);
            }
            let ratio = b.im / b.re;
            let denom = b.re + b.im * ratio;
            Ok(C64::new(
                (self.re + self.im * ratio) / denom,
                (self.im - self.re * ratio) / denom,
            ))
        } else if abs_bi >= abs_br {
            let ratio = b.re / b.im;
            let denom = b.re * ratio + b.im;
            Ok(C64::new(
                (self.re * ratio + self.im) / denom,
                (self.im * ratio - self.re) / denom,
            ))
        } else {
            // At least one NaN among the divisor's parts.
            Ok(C64::new(f64::NAN, f64::NAN))
        }
    }

    /// `_Py_c_abs`: infinities win over NaNs; Err when a finite value overflows.
    pub fn abs(self) -> Result<f64, CErr> {
        if !self.re.is_finite() || !self.im.is_finite() {
            if self.re.is_infinite() || self.im.is_infinite() {
                return Ok(f64::INFINITY);
            }
            return Ok(f64::NAN);
        }
        let r = self.re.hypot(self.im);
        if r.is_infinite() {
            Err(CErr::Range)
        } else {
            Ok(r)
        }
    }

    fn pow_general(self, b: C64) -> Result<C64, CErr> {
        if b.re == 0.0 && b.im == 0.0 {
            return Ok(C64::new(1.0, 0.0));
        }
        if self.re == 0.0 && self.im == 0.0 {
            if b.im != 0.0 || b.re < 0.0 {
                return Err(CErr::Domain);
            }
            return Ok(C64::new(0.0, 0.0));
        }
        let vabs = self.re.hypot(self.im);
        let mut len = vabs.powf(b.re);
        let at = self.im.atan2(self.re);
        let mut phase = at * b.re;
        if b.im != 0.0 {
            len /= (at * b.im).exp();
            phase += b.im * vabs.ln();
        }
        Ok(C64::new(len * phase.cos(), len * phase.sin()))
    }

    fn powu(self, mut n: u64) -> C64 {
        let mut r = C64::new(1.0, 0.0);
        let mut p = self;
        while n > 0 {
            if n & 1 == 1 {
                r = r.mul(p);
            }
            n >>= 1;
            if n > 0 {
                p = p.mul(p);
            }
        }
        r
    }

    /// `complex.__pow__`: small integral exponents by repeated
    /// multiplication, others through polar form; Err(Range) when the
    /// result has an infinite part.
    pub fn pow(self, b: C64) -> Result<C64, CErr> {
        let r = if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 {
            let n = b.re as i64;
            if n >= 0 {
                Ok(self.powu(n as u64))
            } else {
                C64::new(1.0, 0.0).div(self.powu(n.unsigned_abs()))
            }
        } else {
            self.pow_general(b)
        }?;
        if r.re.is_infinite() || r.im.is_infinite() {
            return Err(CErr::Range);
        }
        Ok(r)
    }
}

/// `hash(complex)`: hash(real) + 1000003 * hash(imag), -1 mapped to -2.
pub fn complex_hash(re: f64, im: f64, identity: u64) -> i64 {
    let hr = crate::hash::hash_f64(re, identity) as u64;
    let hi = crate::hash::hash_f64(im, identity) as u64;
    let combined = hr.wrapping_add(1000003u64.wrapping_mul(hi)) as i64;
    crate::hash::fix(combined)
}

/// Parses `complex(s)` text (already ASCII-transformed, underscores
/// removed): `[(] <float> | <float>j | <float><signed-float>j [)]` and the
/// legacy forms `<sign>j`, `j`, `<float><sign>j`, with surrounding spaces.
pub fn parse_complex(text: &str) -> Option<(f64, f64)> {
    let b = text.as_bytes();
    let mut i = 0;
    let skip_ws = |i: &mut usize| {
        while *i < b.len() && b[*i].is_ascii_whitespace() {
            *i += 1;
        }
    };
    skip_ws(&mut i);
    let bracket = i < b.len() && b[i] == b'(';
    if bracket {
        i += 1;
        skip_ws(&mut i);
    }
    let (mut x, mut y) = (0.0, 0.0);
    let is_j = |i: usize| i < b.len() && (b[i] == b'j' || b[i] == b'J');
    match crate::objects::float::parse_float_prefix(&b[i..]) {
        Some((z, n)) => {
            i += n;
            if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
                x = z;
                match crate::objects::float::parse_float_prefix(&b[i..]) {
                    Some((w, m)) => {
                        y = w;
                        i += m;
                    }
                    None => {
                        y = if b[i] == b'+' { 1.0 } else { -1.0 };
                        i += 1;
                    }
                }
                if !is_j(i) {
                    return None;
                }
                i += 1;
            } else if is_j(i) {
                i += 1;
                y = z;
            } else {
                x = z;
            }
        }
        None => {
            if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
                y = if b[i] == b'+' { 1.0 } else { -1.0 };
                i += 1;
            } else {
                y = 1.0;
            }
            if !is_j(i) {
                return None;
            }
            i += 1;
        }
    }
    skip_ws(&mut i);
    if bracket {
        if i >= b.len() || b[i] != b')' {
            return None;
        }
        i += 1;
        skip_ws(&mut i);
    }
    if i != b.len() {
        return None;
    }
    Some((x, y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_forms() {
        assert_eq!(parse_complex("1+2j"), Some((1.0, 2.0)));
        assert_eq!(parse_complex(" ( -3.5J ) "), Some((0.0, -3.5)));
        assert_eq!(parse_complex("j"), Some((0.0, 1.0)));
        assert_eq!(parse_complex("-j"), Some((0.0, -1.0)));
        assert_eq!(parse_complex("2-j"), Some((2.0, -1.0)));
        assert_eq!(parse_complex("1e3"), Some((1000.0, 0.0)));
        assert_eq!(parse_complex("1+"), None);
        assert_eq!(parse_complex("(1+2j"), None);
        assert_eq!(parse_complex("1 + 2j"), None);
        assert_eq!(parse_complex(""), None);
    }

    #[test]
    fn arithmetic() {
        let a = C64::new(3.0, 4.0);
        assert_eq!(a.abs(), Ok(5.0));
        assert_eq!(a.div(C64::new(0.0, 0.0)), Err(CErr::Domain));
        assert_eq!(C64::new(0.0, 1.0).pow(C64::new(2.0, 0.0)), Ok(C64::new(-1.0, 0.0)));
        assert_eq!(C64::new(0.0, 0.0).pow(C64::new(-1.0, 0.0)), Err(CErr::Domain));
        assert_eq!(C64::new(1e200, 0.0).pow(C64::new(2.0, 0.0)), Err(CErr::Range));
    }
}
