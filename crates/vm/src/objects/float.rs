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
        // A negative base to a fractional power gives a complex result.
        let r = crate::objects::complex::C64::new(a, 0.0).pow(crate::objects::complex::C64::new(b, 0.0));
        return match r {
            Ok(c) => Ok(crate::objects::complex::new_complex(c.re, c.im)),
            Err(_) => Err(vm.new_error(ExcKind::OverflowError, "complex exponentiation")),
        };
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

/// The longest float literal at the start of `b` (as CPython's
/// `PyOS_string_to_double` without an end check): optional sign, then
/// `inf`/`infinity`/`nan` in any case, or digits with an optional point and
/// exponent. Returns the value and the number of bytes read.
pub fn parse_float_prefix(b: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    let neg = match b.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    let word = |w: &str, at: usize| b.len() >= at + w.len() && b[at..at + w.len()].eq_ignore_ascii_case(w.as_bytes());
    if word("inf", i) {
        let n = if word("infinity", i) { i + 8 } else { i + 3 };
        return Some((if neg { f64::NEG_INFINITY } else { f64::INFINITY }, n));
    }
    if word("nan", i) {
        return Some((if neg { -f64::NAN } else { f64::NAN }, i + 3));
    }
    let digits_start = i;
    let mut ndigits = 0;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
        ndigits += 1;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
            ndigits += 1;
        }
    }
    if ndigits == 0 {
        return None;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        let exp_start = j;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j > exp_start {
            i = j;
        }
    }
    // Invariant: b[digits_start..i] is ASCII digits, '.', 'e', signs.
    let text = std::str::from_utf8(&b[digits_start..i]).ok()?;
    let v: f64 = match text.parse() {
        Ok(v) => v,
        // Rust refuses exponents beyond i64 range only in pathological
        // cases; the value then is 0 or inf by the exponent's sign.
        Err(_) => {
            if text.contains("e-") || text.contains("E-") {
                0.0
            } else {
                f64::INFINITY
            }
        }
    };
    Some((if neg { -v } else { v }, i))
}

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: Unicode spaces
/// become ' ', Unicode decimal digits their ASCII digit, other non-ASCII '?'.
pub fn ascii_numeric_text(cps: impl Iterator<Item = u32>) -> String {
    cps.map(|cp| {
        if cp < 128 {
            cp as u8 as char
        } else if pyrite_repr::unicode::is_space(cp) {
            ' '
        } else if pyrite_repr::unicode::is_decimal(cp) {
            // Decimal digits come in aligned runs of ten starting at zero.
            let mut start = cp;
            while start > 0 && pyrite_repr::unicode::is_decimal(start - 1) && cp - (start - 1) < 60 {
                start -= 1;
            }
            char::from(b'0' + ((cp - start) % 10) as u8)
        } else {
            '?'
        }
    })
    .collect()
}

/// Removes underscores placed between digits (`_Py_string_to_number_with_underscores`);
/// None when one is misplaced.
pub fn strip_number_underscores(text: &str) -> Option<std::borrow::Cow<'_, str>> {
    if !text.contains('_') {
        return Some(std::borrow::Cow::Borrowed(text));
    }
    let mut out = String::with_capacity(text.len());
    let mut prev = '\0';
    for c in text.chars() {
        if c == '_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == '_' && !c.is_ascii_digit() {
                return None;
            }
            out.push(c);
        }
        prev = c;
    }
    if prev == '_' {
        return None;
    }
    Some(std::borrow::Cow::Owned(out))
}

/// `float(s)` parsing of ASCII-transformed text: surrounding whitespace,
/// underscores between digits, one float literal.
pub fn parse_float(text: &str) -> Option<f64> {
    let clean = strip_number_underscores(text)?;
    let t = clean.trim_matches(|c: char| c.is_ascii_whitespace());
    if t.contains('\0') {
        return None;
    }
    match parse_float_prefix(t.as_bytes()) {
        Some((v, n)) if n == t.len() => Some(v),
        _ => None,
    }
}

/// `float.hex()`: `[-]0x1.<13 hex digits>p<exp>`, subnormals as `0x0.…p-1022`.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7FF) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if biased == 0 { (0, -1022) } else { (1, biased - 1023) };
    let esign = if exp < 0 { '-' } else { '+' };
    format!("{sign}0x{lead}.{frac:013x}p{esign}{}", exp.abs())
}

/// Why `float.fromhex` failed.
pub enum FromHexError {
    Invalid,
    Overflow,
}

/// `float.fromhex(s)`, correctly rounded (half to even), as CPython's.
pub fn float_fromhex(text: &str) -> Result<f64, FromHexError> {
    use FromHexError::*;
    // Py_ISSPACE: the ASCII whitespace, vertical tab included.
    let b = text.trim_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']).as_bytes();
    let mut i = 0;
    let neg = match b.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    let signed = |v: f64| if neg { -v } else { v };
    let rest = &b[i..];
    let word = |w: &str| rest.eq_ignore_ascii_case(w.as_bytes());
    if word("inf") || word("infinity") {
        return Ok(signed(f64::INFINITY));
    }
    if word("nan") {
        return Ok(signed(f64::NAN));
    }
    if rest.len() >= 2 && rest[0] == b'0' && (rest[1] == b'x' || rest[1] == b'X') {
        i += 2;
    }
    // Hex digits before and after the point.
    let mut digits: Vec<u8> = Vec::new();
    let mut int_digits = 0i64;
    let start = i;
    while i < b.len() && b[i].is_ascii_hexdigit() {
        digits.push((b[i] as char).to_digit(16).unwrap_or(0) as u8);
        i += 1;
    }
    int_digits += (i - start) as i64;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && b[i].is_ascii_hexdigit() {
            digits.push((b[i] as char).to_digit(16).unwrap_or(0) as u8);
            i += 1;
        }
    }
    if digits.is_empty() {
        return Err(Invalid);
    }
    let mut exp: i64 = 0;
    if i < b.len() && (b[i] == b'p' || b[i] == b'P') {
        i += 1;
        let eneg = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let es = i;
        while i < b.len() && b[i].is_ascii_digit() {
            // Saturate: such exponents only decide between 0 and overflow.
            exp = (exp * 10 + (b[i] - b'0') as i64).min(1 << 40);
            i += 1;
        }
        if i == es {
            return Err(Invalid);
        }
        if eneg {
            exp = -exp;
        }
    }
    if i != b.len() {
        return Err(Invalid);
    }
    // Drop leading zero digits.
    let lead = digits.iter().take_while(|&&d| d == 0).count();
    let digits = &digits[lead..];
    int_digits -= lead as i64;
    if digits.is_empty() {
        return Ok(signed(0.0));
    }
    // value = 0.D1D2... (hex) * 16**int_digits * 2**exp
    // Top bit position (value in [2**(top-1), 2**top)).
    let first_bits = 8 - digits[0].leading_zeros() as i64; // 1..=4
    let top = (int_digits - 1) * 4 + first_bits + exp;
    if top > 1024 {
        return Err(Overflow);
    }
    if top < -1074 - 1 {
        return Ok(signed(0.0));
    }
    // Number of significant bits to keep.
    let keep = if top - 1 >= -1022 { 53 } else { 53 - (-1022 - (top - 1)) };
    if keep <= 0 {
        // Only the rounding of a value below half the smallest subnormal
        // (or exactly half: to even, which is zero) remains.
        let exactly_half = keep == 0
            && digits[0] == (1 << (first_bits - 1))
            && digits[1..].iter().all(|&d| d == 0);
        if keep == 0 && !exactly_half {
            return Ok(signed(f64::from_bits(1)));
        }
        return Ok(signed(0.0));
    }
    // Collect bits from the top, then round half to even on the rest.
    let total_bits = digits.len() as i64 * 4 - (4 - first_bits);
    let bit = |k: i64| -> u64 {
        // k-th bit from the top (0-based) of the digit string.
        let pos = k + (4 - first_bits);
        let d = digits[(pos / 4) as usize];
        ((d >> (3 - pos % 4)) & 1) as u64
    };
    let mut mant: u64 = 0;
    for k in 0..keep {
        mant = (mant << 1) | if k < total_bits { bit(k) } else { 0 };
    }
    if keep < total_bits {
        let half = bit(keep) == 1;
        let rest_nonzero = (keep + 1..total_bits).any(|k| bit(k) == 1);
        if half && (rest_nonzero || mant & 1 == 1) {
            mant += 1;
        }
    }
    // value = mant * 2**(top - keep), exact once scaled in two steps.
    let e2 = top - keep;
    let v = if e2 >= -1022 {
        mant as f64 * 2f64.powi(e2 as i32)
    } else {
        mant as f64 * 2f64.powi((e2 + 200) as i32) * 2f64.powi(-200)
    };
    if v.is_infinite() {
        return Err(Overflow);
    }
    Ok(signed(v))
}

/// `float.as_integer_ratio()` of a finite float: (numerator, denominator) in lowest terms.
pub fn float_ratio(f: f64) -> (BigInt, BigInt) {
    if f == 0.0 {
        return (BigInt::from(0), BigInt::from(1));
    }
    let bits = f.to_bits();
    let biased = ((bits >> 52) & 0x7FF) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mut mant, mut exp) = if biased == 0 { (frac, -1074) } else { (frac | (1u64 << 52), biased - 1075) };
    let tz = mant.trailing_zeros() as i64;
    mant >>= tz;
    exp += tz;
    let mut num = BigInt::from(mant);
    if f < 0.0 {
        num = -num;
    }
    if exp >= 0 {
        (num << exp as usize, BigInt::from(1))
    } else {
        (num, BigInt::from(1) << (-exp) as usize)
    }
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
