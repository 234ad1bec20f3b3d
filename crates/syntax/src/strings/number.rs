//! NUMBER token values: `parsenumber` of CPython's `Parser/pegen.c`.

use std::borrow::Cow;

use num_bigint::BigInt;

use crate::ast::Constant;

use std::sync::atomic::{AtomicUsize, Ordering};

/// `sys.get_int_max_str_digits()` as the interpreter last set it (CPython's
/// default 4300, the CVE-2020-10735 limit; 0 for no limit): decimal int
/// literals with more digits are rejected.
static INT_MAX_STR_DIGITS: AtomicUsize = AtomicUsize::new(4300);

/// Called by the interpreter at start-up and by `sys.set_int_max_str_digits`.
pub fn set_int_max_str_digits(limit: usize) {
    INT_MAX_STR_DIGITS.store(limit, Ordering::Relaxed);
}

/// See [`crate::strings::parse_number`].
pub fn parse_number(text: &str) -> Result<Constant, String> {
    // Underscores only separate digits; CPython drops them before converting.
    let digits: Cow<str> = if text.contains('_') { Cow::Owned(text.replace('_', "")) } else { Cow::Borrowed(text) };
    let s = digits.as_ref();
    let bytes = s.as_bytes();
    let Some(&last) = bytes.last() else {
        return Err("invalid number literal".to_string());
    };
    if last == b'j' || last == b'J' {
        let imag = parse_float(&s[..s.len() - 1])?;
        return Ok(Constant::Complex { real: 0.0, imag });
    }
    if bytes[0] == b'0' && bytes.len() > 1 {
        let radix = match bytes[1] {
            b'x' | b'X' => Some(16),
            b'o' | b'O' => Some(8),
            b'b' | b'B' => Some(2),
            _ => None,
        };
        if let Some(radix) = radix {
            return parse_int(&s[2..], radix);
        }
        // Only zeros may follow a leading zero in an int ("00"); anything else
        // ("0.5", "00e1") is a float.
        if bytes.iter().all(|&b| b == b'0') {
            return Ok(Constant::Int(0));
        }
        return parse_float(s).map(Constant::Float);
    }
    if bytes.iter().all(u8::is_ascii_digit) {
        let limit = INT_MAX_STR_DIGITS.load(Ordering::Relaxed);
        if limit != 0 && bytes.len() > limit {
            return Err(format!(
                "Exceeds the limit ({limit} digits) for integer string conversion: value has {} digits; \
                 use sys.set_int_max_str_digits() to increase the limit",
                bytes.len()
            ));
        }
        return parse_int(s, 10);
    }
    parse_float(s).map(Constant::Float)
}

fn parse_int(digits: &str, radix: u32) -> Result<Constant, String> {
    let mut value: i64 = 0;
    for b in digits.bytes() {
        let d = (b as char).to_digit(radix).ok_or_else(|| format!("invalid digit in number literal {digits:?}"))?;
        match value.checked_mul(radix as i64).and_then(|v| v.checked_add(d as i64)) {
            Some(v) => value = v,
            None => {
                return BigInt::parse_bytes(digits.as_bytes(), radix)
                    .map(|big| Constant::BigInt(Box::new(big)))
                    .ok_or_else(|| format!("invalid number literal {digits:?}"));
            }
        }
    }
    Ok(Constant::Int(value))
}

/// Correctly rounded, as CPython's `_Py_dg_strtod`; out-of-range values give
/// infinity or zero, never an error.
fn parse_float(s: &str) -> Result<f64, String> {
    s.parse::<f64>().map_err(|_| format!("invalid number literal {s:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(s: &str) -> i64 {
        match parse_number(s) {
            Ok(Constant::Int(v)) => v,
            other => panic!("{s}: {other:?}"),
        }
    }

    fn float(s: &str) -> f64 {
        match parse_number(s) {
            Ok(Constant::Float(v)) => v,
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn ints() {
        assert_eq!(int("0"), 0);
        assert_eq!(int("00"), 0);
        assert_eq!(int("0_0"), 0);
        assert_eq!(int("123"), 123);
        assert_eq!(int("1_000_000"), 1_000_000);
        assert_eq!(int("0x_fF"), 255);
        assert_eq!(int("0O17"), 15);
        assert_eq!(int("0b1_01"), 5);
        assert_eq!(int("9223372036854775807"), i64::MAX);
        match parse_number("9223372036854775808") {
            Ok(Constant::BigInt(b)) => assert_eq!(b.to_string(), "9223372036854775808"),
            other => panic!("{other:?}"),
        }
        match parse_number("0xffffffffffffffffff") {
            Ok(Constant::BigInt(b)) => assert_eq!(b.to_string(), "4722366482869645213695"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn floats_and_imaginary() {
        assert_eq!(float("1.5"), 1.5);
        assert_eq!(float("1."), 1.0);
        assert_eq!(float(".5"), 0.5);
        assert_eq!(float("0.5"), 0.5);
        assert_eq!(float("00.5"), 0.5);
        assert_eq!(float("0e0"), 0.0);
        assert_eq!(float("1_0.2_5e1_0"), 10.25e10);
        assert_eq!(float("1e500"), f64::INFINITY);
        assert_eq!(float("1e-500"), 0.0);
        assert_eq!(float("0.1"), 0.1);
        assert_eq!(float("2.2250738585072011e-308"), 2.225073858507201e-308);
        assert_eq!(parse_number("1j"), Ok(Constant::Complex { real: 0.0, imag: 1.0 }));
        assert_eq!(parse_number("0J"), Ok(Constant::Complex { real: 0.0, imag: 0.0 }));
        assert_eq!(parse_number("1.5e3j"), Ok(Constant::Complex { real: 0.0, imag: 1500.0 }));
        assert_eq!(parse_number("1_0j"), Ok(Constant::Complex { real: 0.0, imag: 10.0 }));
    }

    #[test]
    fn digit_limit() {
        assert!(matches!(parse_number(&"1".repeat(4300)), Ok(Constant::BigInt(_))));
        let err = parse_number(&"1".repeat(4301)).unwrap_err();
        assert_eq!(
            err,
            "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use \
             sys.set_int_max_str_digits() to increase the limit"
        );
        // Other forms are not limited.
        assert!(parse_number(&"0".repeat(5000)).is_ok());
        assert!(parse_number(&format!("0x{}", "f".repeat(5000))).is_ok());
        assert!(parse_number(&format!("{}.0", "1".repeat(5000))).is_ok());
        assert!(parse_number(&format!("{}j", "1".repeat(5000))).is_ok());
    }
}
