//! `repr(float)` and `repr(complex)` as CPython 3.11 prints them.
//!
//! CPython (with its default `float_repr_style == 'short'`) asks David Gay's
//! `dtoa` in mode 0 for the shortest digit string that reads back as the same
//! double, then lays those digits out by its own rules (`format_float_short`
//! with format code `'r'`). Here the `ryu` crate supplies the shortest digits
//! (the same digits: shortest, and among equally short candidates the one
//! nearest the exact value) and this module applies CPython's layout rules.

/// The shortest decimal that round-trips to a finite double.
///
/// The value is `±0.D1D2…Dn × 10^decpt`, the convention of `dtoa`: `digits`
/// never has leading or trailing zeros, except that zero itself is the single
/// digit `0` with `decpt == 1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShortestDecimal {
    /// True when the sign bit is set (also for `-0.0`).
    pub negative: bool,
    digits: [u8; 17],
    len: u8,
    /// Position of the decimal point relative to the first digit.
    pub decpt: i32,
}

impl ShortestDecimal {
    /// The decimal form of a finite `x`; `None` for infinities and NaNs.
    pub fn new(x: f64) -> Option<ShortestDecimal> {
        if !x.is_finite() {
            return None;
        }
        let mut buffer = ryu::Buffer::new();
        Some(Self::parse_ryu(buffer.format_finite(x)))
    }

    /// ASCII digits `b'0'..=b'9'`, at most 17 of them.
    pub fn digits(&self) -> &[u8] {
        &self.digits[..self.len as usize]
    }

    /// Reads ryu's output (`-1.25e-7`, `1e16`, `0.001`, `123.0`) back into digits and a
    /// decimal point position; ryu's own choice of layout does not matter here.
    fn parse_ryu(text: &str) -> ShortestDecimal {
        let bytes = text.as_bytes();
        let (negative, rest) = match bytes.split_first() {
            Some((b'-', rest)) => (true, rest),
            _ => (false, bytes),
        };
        let (mantissa, exponent) = match rest.iter().position(|&b| b == b'e' || b == b'E') {
            Some(at) => (&rest[..at], parse_exponent(&rest[at + 1..])),
            None => (rest, 0),
        };
        let mut digits = [0u8; 17];
        let mut len = 0usize;
        let mut integer_digits: i32 = 0; // digits before the '.', leading zeros included
        let mut seen_point = false;
        let mut leading_zeros: i32 = 0; // zeros skipped before the first nonzero digit
        for &b in mantissa {
            match b {
                b'.' => seen_point = true,
                b'0'..=b'9' => {
                    if !seen_point {
                        integer_digits += 1;
                    }
                    if len == 0 && b == b'0' {
                        leading_zeros += 1;
                    } else if len < digits.len() {
                        digits[len] = b;
                        len += 1;
                    }
                }
                _ => {}
            }
        }
        while len > 0 && digits[len - 1] == b'0' {
            len -= 1;
        }
        if len == 0 {
            digits[0] = b'0';
            return ShortestDecimal { negative, digits, len: 1, decpt: 1 };
        }
        ShortestDecimal { negative, digits, len: len as u8, decpt: integer_digits - leading_zeros + exponent }
    }
}

fn parse_exponent(text: &[u8]) -> i32 {
    let (negative, digits) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, text),
    };
    // A double's decimal exponent has at most three digits, so this cannot overflow.
    let magnitude = digits.iter().filter(|d| d.is_ascii_digit()).fold(0i32, |acc, &d| acc * 10 + (d - b'0') as i32);
    if negative {
        -magnitude
    } else {
        magnitude
    }
}

/// Layout options of CPython's `PyOS_double_to_string` with format code `'r'`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReprFlags {
    /// Write `+` before non-negative numbers (`Py_DTSF_SIGN`), as for a complex's imaginary part.
    pub always_sign: bool,
    /// Write `.0` after an integral value not in exponent form (`Py_DTSF_ADD_DOT_0`), as `repr(float)` does.
    pub add_dot_0: bool,
}

/// Appends `x` formatted as CPython's `PyOS_double_to_string(x, 'r', 0, flags)`:
/// shortest round-tripping digits, exponent form when the decimal exponent is
/// below -4 or at least 16, `inf`/`nan` (a NaN's sign is ignored).
pub fn write_float_r(out: &mut String, x: f64, flags: ReprFlags) {
    let decimal = match ShortestDecimal::new(x) {
        Some(decimal) => decimal,
        None => {
            if x.is_nan() {
                out.push_str(if flags.always_sign { "+nan" } else { "nan" });
            } else if x < 0.0 {
                out.push_str("-inf");
            } else {
                out.push_str(if flags.always_sign { "+inf" } else { "inf" });
            }
            return;
        }
    };
    if decimal.negative {
        out.push('-');
    } else if flags.always_sign {
        out.push('+');
    }
    let digits = decimal.digits();
    let use_exponent = decimal.decpt <= -4 || decimal.decpt > 16;
    // Within the fixed-notation range decpt is in -3..=16, so the casts below are lossless.
    let point = if use_exponent { 1 } else { decimal.decpt };
    if point <= 0 {
        out.push_str("0.");
        push_zeros(out, (-point) as usize);
        push_ascii(out, digits);
    } else {
        let point = point as usize;
        if point < digits.len() {
            push_ascii(out, &digits[..point]);
            out.push('.');
            push_ascii(out, &digits[point..]);
        } else {
            push_ascii(out, digits);
            push_zeros(out, point - digits.len());
            if flags.add_dot_0 && !use_exponent {
                out.push_str(".0");
            }
        }
    }
    if use_exponent {
        let exponent = decimal.decpt - 1;
        out.push('e');
        out.push(if exponent < 0 { '-' } else { '+' });
        let magnitude = exponent.unsigned_abs();
        if magnitude < 10 {
            out.push('0');
        }
        push_decimal_u32(out, magnitude);
    }
}

/// Appends Python's `repr(x)` for a float.
pub fn write_float_repr(out: &mut String, x: f64) {
    write_float_r(out, x, ReprFlags { always_sign: false, add_dot_0: true });
}

/// Python's `repr(x)` (and `str(x)`) for a float: `1.0`, `0.1`, `1e+16`, `1e-05`, `-0.0`, `inf`, `nan`.
pub fn float_repr(x: f64) -> String {
    let mut out = String::with_capacity(24);
    write_float_repr(&mut out, x);
    out
}

/// Appends Python's `repr(complex(real, imag))`.
pub fn write_complex_repr(out: &mut String, real: f64, imag: f64) {
    // A real part of +0.0 (not -0.0) is left out together with the parentheses.
    if real == 0.0 && real.is_sign_positive() {
        write_float_r(out, imag, ReprFlags::default());
        out.push('j');
    } else {
        out.push('(');
        write_float_r(out, real, ReprFlags::default());
        write_float_r(out, imag, ReprFlags { always_sign: true, add_dot_0: false });
        out.push_str("j)");
    }
}

/// Python's `repr(complex(real, imag))`: `1j`, `(1+2j)`, `-0j`, `(-0-0j)`, `infj`, `(nan+nanj)`.
pub fn complex_repr(real: f64, imag: f64) -> String {
    let mut out = String::with_capacity(48);
    write_complex_repr(&mut out, real, imag);
    out
}

fn push_ascii(out: &mut String, ascii: &[u8]) {
    for &b in ascii {
        out.push(b as char);
    }
}

fn push_zeros(out: &mut String, count: usize) {
    for _ in 0..count {
        out.push('0');
    }
}

/// Appends `n` in decimal without going through `fmt`.
pub fn push_decimal_u32(out: &mut String, n: u32) {
    push_decimal_u64(out, n as u64);
}

/// Appends `n` in decimal without going through `fmt`.
pub fn push_decimal_u64(out: &mut String, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    push_ascii(out, &buf[at..]);
}

/// Appends `n` in decimal (Python's `repr(int)` for a machine-sized int).
pub fn push_decimal_i64(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    push_decimal_u64(out, n.unsigned_abs());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_layout() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (100.0, "100.0"),
            (0.1, "0.1"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (9999999999999998.0, "9999999999999998.0"),
            (2e16 + 8.0, "2.000000000000001e+16"),
            (1.5e300, "1.5e+300"),
            (-1.5e-300, "-1.5e-300"),
            (5e-324, "5e-324"),
            (f64::MAX, "1.7976931348623157e+308"),
            (f64::MIN_POSITIVE, "2.2250738585072014e-308"),
            (123.456, "123.456"),
            (0.3, "0.3"),
            (1.0 / 3.0, "0.3333333333333333"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-f64::NAN, "nan"),
            (1e22, "1e+22"),
            (1e-7, "1e-07"),
            (12345678901234567890.0, "1.2345678901234567e+19"),
        ];
        for &(x, expected) in cases {
            assert_eq!(float_repr(x), expected, "repr of {:e}", x);
        }
    }

    #[test]
    fn complex_layout() {
        let nan = f64::NAN;
        let inf = f64::INFINITY;
        let cases: &[(f64, f64, &str)] = &[
            (0.0, 1.0, "1j"),
            (1.0, 2.0, "(1+2j)"),
            (0.0, -0.0, "-0j"),
            (0.0, 0.0, "0j"),
            (-0.0, -0.0, "(-0-0j)"),
            (-0.0, 0.0, "(-0+0j)"),
            (0.0, inf, "infj"),
            (0.0, nan, "nanj"),
            (nan, nan, "(nan+nanj)"),
            (1.0, -inf, "(1-infj)"),
            (1.5, 1e16, "(1.5+1e+16j)"),
            (0.0, 1e-5, "1e-05j"),
            (-1.0, -nan, "(-1+nanj)"),
        ];
        for &(re, im, expected) in cases {
            assert_eq!(complex_repr(re, im), expected);
        }
    }

    #[test]
    fn decimal_ints() {
        let mut out = String::new();
        push_decimal_i64(&mut out, i64::MIN);
        out.push(' ');
        push_decimal_i64(&mut out, 0);
        out.push(' ');
        push_decimal_u64(&mut out, u64::MAX);
        assert_eq!(out, "-9223372036854775808 0 18446744073709551615");
    }
}
