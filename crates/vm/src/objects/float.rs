//! `float`: exact-type floats are inline `Value`s; a heap object exists only
//! for instances of float subclasses.

use crate::exception::{ExcKind, PyResult};
use crate::object::{alloc_object, LayoutKind, ObjHeader, PyPayload};
use crate::objects::int::{as_int, IntView};
use crate::typeobj::{nb, TypeObject};
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::FromPrimitive;
use std::cmp::Ordering;

#[repr(C)]
pub struct FloatObject {
    pub(crate) header: ObjHeader,
    pub(crate) value: f64,
}

unsafe impl PyPayload for FloatObject {
    const KIND: LayoutKind = LayoutKind::Float;
}

pub fn new_float_subclass(ty: &TypeObject, f: f64) -> Value {
    alloc_object(
        ty,
        FloatObject {
            header: ObjHeader::new(std::ptr::null()),
            value: f,
        },
    )
}

/// The value of a float or float-subclass instance.
#[inline(always)]
pub fn as_float(v: &Value) -> Option<f64> {
    if let Some(f) = v.as_float() {
        return Some(f);
    }
    v.downcast_ref::<FloatObject>().map(|o| o.value)
}

/// A float operand: a float, or an int converted exactly (OverflowError when too big).
pub fn float_operand(vm: &mut Vm, v: &Value) -> PyResult<Option<f64>> {
    if let Some(f) = as_float(v) {
        return Ok(Some(f));
    }
    match as_int(v) {
        Some(i) => match i.to_f64() {
            Ok(f) => Ok(Some(f)),
            Err(()) => Err(vm.new_error(ExcKind::OverflowError, "int too large to convert to float")),
        },
        None => Ok(None),
    }
}

pub fn float_binop(vm: &mut Vm, op: usize, a: f64, b: f64) -> PyResult<Value> {
    Ok(Value::float(match op {
        nb::ADD => a + b,
        nb::SUBTRACT => a - b,
        nb::MULTIPLY => a * b,
        nb::TRUE_DIVIDE => {
            if b == 0.0 {
                return Err(vm.new_error(ExcKind::ZeroDivisionError, "float division by zero"));
            }
            a / b
        }
        nb::FLOOR_DIVIDE => {
            if b == 0.0 {
                return Err(vm.new_error(ExcKind::ZeroDivisionError, "float floor division by zero"));
            }
            float_divmod(a, b).0
        }
        nb::REMAINDER => {
            if b == 0.0 {
                return Err(vm.new_error(ExcKind::ZeroDivisionError, "float modulo"));
            }
            float_mod(a, b)
        }
        nb::POWER => return float_pow(vm, a, b),
        _ => return Ok(crate::objects::singletons::not_implemented()),
    }))
}

pub fn float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    }
}

/// (floor quotient, modulo) as CPython's float divmod (divisor non-zero).
pub fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let fd = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(a / b)
    };
    (fd, m)
}

fn is_odd_integer(x: f64) -> bool {
    x.fract() == 0.0 && (x % 2.0).abs() == 1.0
}

/// `a ** b` for floats with CPython's special cases.
pub fn float_pow(vm: &mut Vm, a: f64, b: f64) -> PyResult<Value> {
    if b == 0.0 {
        return Ok(Value::float(1.0));
    }
    if a.is_nan() {
        return Ok(Value::float(a));
    }
    if b.is_nan() {
        return Ok(Value::float(if a == 1.0 { 1.0 } else { b }));
    }
    if b.is_infinite() {
        let av = a.abs();
        return Ok(Value::float(if av == 1.0 {
            1.0
        } else if (b > 0.0) == (av > 1.0) {
            f64::INFINITY
        } else {
            0.0
        }));
    }
    if a.is_infinite() {
        let odd = is_odd_integer(b);
        return Ok(Value::float(if a > 0.0 {
            if b > 0.0 {
                f64::INFINITY
            } else {
                0.0
            }
        } else if b > 0.0 {
            if odd {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            }
        } else if odd {
            -0.0
        } else {
            0.0
        }));
    }
    if a == 0.0 {
        if b < 0.0 {
            return Err(vm.new_error(ExcKind::ZeroDivisionError, "0.0 cannot be raised to a negative power"));
        }
        return Ok(Value::float(if is_odd_integer(b) { a } else { 0.0 }));
    }
    if a < 0.0 && b.fract() != 0.0 {
        // The result is complex; pyrite has no complex type yet.
        return Err(vm.new_error(ExcKind::ValueError, "math domain error"));
    }
    if a == 1.0 {
        return Ok(Value::float(1.0));
    }
    let r = a.powf(b);
    if r.is_infinite() {
        return Err(vm.new_error(ExcKind::OverflowError, "(34, 'Numerical result out of range')"));
    }
    Ok(Value::float(r))
}

/// Exact comparison of an int with a float (None when the float is NaN).
pub fn cmp_int_float(i: IntView, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if let IntView::Small(s) = i {
        // |s| < 2**47 converts exactly.
        return (s as f64).partial_cmp(&f);
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    let fl = f.floor();
    let fb = BigInt::from_f64(fl)?;
    let ib = i.to_bigint();
    match ib.cmp(&fb) {
        Ordering::Equal => Some(if f > fl { Ordering::Less } else { Ordering::Equal }),
        o => Some(o),
    }
}

pub fn float_repr(f: f64) -> String {
    pyrite_repr::float_repr(f)
}

/// `float(s)` parsing: Python's accepted spellings (underscores between digits, inf/nan words).
pub fn parse_float(text: &str) -> Option<f64> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let (neg, body) = match t.as_bytes()[0] {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let v = match lower.as_str() {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => {
            if body.starts_with('_') || body.ends_with('_') || body.contains("__") {
                return None;
            }
            let bytes = body.as_bytes();
            for (k, &c) in bytes.iter().enumerate() {
                if c == b'_' {
                    let ok =
                        k > 0 && bytes[k - 1].is_ascii_digit() && bytes.get(k + 1).is_some_and(|d| d.is_ascii_digit());
                    if !ok {
                        return None;
                    }
                } else if !(c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-')) {
                    return None;
                }
            }
            let clean: String = body.chars().filter(|&c| c != '_').collect();
            clean.parse::<f64>().ok()?
        }
    };
    Some(if neg { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn divmod_signs() {
        assert_eq!(float_divmod(7.5, 2.0), (3.0, 1.5));
        assert_eq!(float_mod(-7.5, 2.0), 0.5);
        assert_eq!(float_divmod(-7.0, 2.0).0, -4.0);
        assert!(float_mod(0.0, -2.0).is_sign_negative());
    }

    #[test]
    fn int_float_comparison_is_exact() {
        let big = BigInt::from(1u64 << 53) + 1;
        assert_eq!(
            cmp_int_float(IntView::Big(&big), 9007199254740992.0),
            Some(Ordering::Greater)
        );
        assert_eq!(cmp_int_float(IntView::Small(3), 3.5), Some(Ordering::Less));
        assert_eq!(cmp_int_float(IntView::Small(3), f64::NAN), None);
    }

    #[test]
    fn parse() {
        assert_eq!(parse_float(" 1_0.5 "), Some(10.5));
        assert_eq!(parse_float("-inf"), Some(f64::NEG_INFINITY));
        assert_eq!(parse_float("1__0"), None);
        assert_eq!(parse_float("abc"), None);
    }
}
