//! The format-spec mini-language (`format(x, spec)`, f-strings, str.format)
//! for int, float and str, as CPython's `Python/formatter_unicode.c`.

use crate::exception::PyResult;
use crate::objects::int::IntView;
use crate::vm::Vm;

#[derive(Debug, Clone, Default)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub no_neg_zero: bool,
    pub alternate: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

pub fn parse_spec(vm: &mut Vm, spec: &str) -> PyResult<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut s = Spec::default();
    let mut i = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = Some(chars[0]);
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        s.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == 'z' {
        s.no_neg_zero = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        s.alternate = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        s.zero = true;
        if s.fill.is_none() {
            s.fill = Some('0');
        }
        if s.align.is_none() {
            s.align = Some('=');
        }
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        let w: String = chars[start..i].iter().collect();
        s.width = Some(
            w.parse()
                .map_err(|_| vm.value_error("Too many decimal digits in format string"))?,
        );
    }
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        s.grouping = Some(chars[i]);
        i += 1;
        if i < chars.len() && matches!(chars[i], ',' | '_') {
            return Err(vm.value_error("Cannot specify both ',' and '_'."));
        }
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err(vm.value_error("Format specifier missing precision"));
        }
        let p: String = chars[start..i].iter().collect();
        s.precision = Some(
            p.parse()
                .map_err(|_| vm.value_error("Too many decimal digits in format string"))?,
        );
    }
    if chars.len() - i > 1 {
        return Err(vm.value_error("Invalid format specifier"));
    }
    if i < chars.len() {
        s.ty = Some(chars[i]);
    }
    Ok(s)
}

fn unknown_code(vm: &mut Vm, code: char, tname: &str) -> crate::exception::PyErr {
    vm.value_error(format!("Unknown format code '{code}' for object of type '{tname}'"))
}

/// Inserts `sep` every `every` digits from the right of `digits`.
fn group(digits: &str, sep: char, every: usize) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / every);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i) % every == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Pads `sign + body` to the width with fill and alignment (`default_align` when none given).
fn pad(spec: &Spec, sign: &str, body: &str, default_align: char) -> String {
    let len = sign.chars().count() + body.chars().count();
    let width = spec.width.unwrap_or(0);
    if len >= width {
        return format!("{sign}{body}");
    }
    let fill = spec.fill.unwrap_or(' ');
    let n = width - len;
    let fills = |k: usize| std::iter::repeat(fill).take(k).collect::<String>();
    match spec.align.unwrap_or(default_align) {
        '<' => format!("{sign}{body}{}", fills(n)),
        '^' => format!("{}{sign}{body}{}", fills(n / 2), fills(n - n / 2)),
        '=' => format!("{sign}{}{body}", fills(n)),
        _ => format!("{}{sign}{body}", fills(n)),
    }
}

fn sign_str(spec: &Spec, negative: bool) -> &'static str {
    if negative {
        "-"
    } else {
        match spec.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

pub fn format_str(vm: &mut Vm, s: &str, spec: &Spec) -> PyResult<String> {
    match spec.ty {
        None | Some('s') => {}
        Some(c) => return Err(unknown_code(vm, c, "str")),
    }
    if spec.sign.is_some() {
        return Err(vm.value_error("Sign not allowed in string format specifier"));
    }
    if spec.alternate {
        return Err(vm.value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if spec.align == Some('=') {
        return Err(vm.value_error("'=' alignment not allowed in string format specifier"));
    }
    let body: String = match spec.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad(spec, "", &body, '<'))
}

pub fn format_int(vm: &mut Vm, v: IntView, spec: &Spec) -> PyResult<String> {
    let ty = spec.ty.unwrap_or('d');
    if matches!(ty, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        let f = v.to_f64().map_err(|_| {
            vm.new_error(
                crate::exception::ExcKind::OverflowError,
                "int too large to convert to float",
            )
        })?;
        return format_float(vm, f, spec);
    }
    if spec.precision.is_some() {
        return Err(vm.value_error("Precision not allowed in integer format specifier"));
    }
    let big = v.to_bigint();
    let negative = big.sign() == num_bigint::Sign::Minus;
    let mag = big.magnitude();
    let (digits, prefix, every) = match ty {
        'd' | 'n' => (mag.to_str_radix(10), "", 3),
        'x' => (mag.to_str_radix(16), "0x", 4),
        'X' => (mag.to_str_radix(16).to_uppercase(), "0X", 4),
        'o' => (mag.to_str_radix(8), "0o", 4),
        'b' => (mag.to_str_radix(2), "0b", 4),
        'c' => {
            if spec.sign.is_some() {
                return Err(vm.value_error("Sign not allowed with integer format specifier 'c'"));
            }
            let cp = v.to_i64().filter(|c| (0..=0x10FFFF).contains(c));
            let Some(cp) = cp else {
                return Err(vm.new_error(
                    crate::exception::ExcKind::OverflowError,
                    "%c arg not in range(0x110000)",
                ));
            };
            let c = char::from_u32(cp as u32).unwrap_or('\u{FFFD}');
            return Ok(pad(spec, "", &c.to_string(), '>'));
        }
        c => return Err(unknown_code(vm, c, "int")),
    };
    if let Some(g) = spec.grouping {
        if g == ',' && ty != 'd' {
            return Err(vm.value_error(format!("Cannot specify ',' with '{ty}'.")));
        }
    }
    let sign = sign_str(spec, negative);
    let prefix = if spec.alternate { prefix } else { "" };
    let sign_prefix = format!("{sign}{prefix}");
    let body = match spec.grouping {
        Some(sep) => {
            // Zero padding also gets grouped, as CPython does.
            if spec.align == Some('=') && spec.fill == Some('0') {
                let width = spec.width.unwrap_or(0).saturating_sub(sign_prefix.len());
                let mut d = digits.clone();
                while group(&d, sep, every).len() < width {
                    d.insert(0, '0');
                }
                group(&d, sep, every)
            } else {
                group(&digits, sep, every)
            }
        }
        None => digits,
    };
    Ok(pad(spec, &sign_prefix, &body, '>'))
}

/// Python-style exponent: `e+05`.
fn fix_exponent(s: &str, upper: bool) -> String {
    let Some(pos) = s.find('e') else { return s.to_string() };
    let (mant, exp) = s.split_at(pos);
    let exp = &exp[1..];
    let (esign, edigits) = match exp.strip_prefix('-') {
        Some(d) => ('-', d),
        None => ('+', exp),
    };
    let e = if upper { 'E' } else { 'e' };
    format!("{mant}{e}{esign}{:0>2}", edigits)
}

fn strip_trailing_zeros(s: &str) -> String {
    let (mant, exp) = match s.find(['e', 'E']) {
        Some(p) => s.split_at(p),
        None => (s, ""),
    };
    if !mant.contains('.') {
        return s.to_string();
    }
    let m = mant.trim_end_matches('0').trim_end_matches('.');
    format!("{m}{exp}")
}

/// The digits of |x| (finite) in format `ty` with precision `prec`.
fn float_body(x: f64, ty: char, prec: usize, alternate: bool, add_dot_0: bool) -> String {
    let upper = ty.is_ascii_uppercase();
    let s = match ty.to_ascii_lowercase() {
        'f' => {
            let s = format!("{:.*}", prec, x);
            if alternate && prec == 0 {
                format!("{s}.")
            } else {
                s
            }
        }
        'e' => {
            let s = format!("{:.*e}", prec, x);
            let s = if alternate && prec == 0 {
                s.replacen('e', ".e", 1)
            } else {
                s
            };
            fix_exponent(&s, upper)
        }
        'g' => {
            let p = if prec == 0 { 1 } else { prec };
            let e_form = format!("{:.*e}", p - 1, x);
            let exp: i32 = e_form.split('e').nth(1).and_then(|e| e.parse().ok()).unwrap_or(0);
            // With no presentation type (add_dot_0) the fixed form must leave
            // room for the ".0", so exponent form starts one digit earlier.
            let fixed_limit = p as i64 - i64::from(add_dot_0);
            let s = if -4 <= exp && (exp as i64) < fixed_limit {
                format!("{:.*}", (p as i64 - 1 - exp as i64).max(0) as usize, x)
            } else {
                fix_exponent(&e_form, upper)
            };
            let mut s = if alternate { s } else { strip_trailing_zeros(&s) };
            if alternate && !s.contains('.') {
                // '#' keeps the point (and trailing zeros).
                if let Some(p) = s.find(['e', 'E']) {
                    s.insert(p, '.');
                } else {
                    s.push('.');
                }
            }
            if add_dot_0 && !s.contains(['.', 'e', 'E']) {
                s.push_str(".0");
            }
            s
        }
        _ => pyrite_repr::float_repr(x),
    };
    if upper {
        s.to_uppercase()
    } else {
        s
    }
}

pub fn format_float(vm: &mut Vm, x: f64, spec: &Spec) -> PyResult<String> {
    let ty = spec.ty;
    if let Some(c) = ty {
        if !matches!(c, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') {
            return Err(unknown_code(vm, c, "float"));
        }
    }
    let mut negative = x.is_sign_negative() && !x.is_nan();
    let mut ax = x.abs();
    let percent = ty == Some('%');
    if percent {
        ax *= 100.0;
    }
    let body = if x.is_nan() || x.is_infinite() {
        let s = if x.is_nan() { "nan" } else { "inf" };
        if matches!(ty, Some('E' | 'F' | 'G')) {
            s.to_uppercase()
        } else {
            s.to_string()
        }
    } else {
        match ty {
            None => match spec.precision {
                None => pyrite_repr::float_repr(ax),
                Some(p) => float_body(ax, 'g', p, spec.alternate, true),
            },
            Some('n') => float_body(ax, 'g', spec.precision.unwrap_or(6), spec.alternate, false),
            Some('%') => float_body(ax, 'f', spec.precision.unwrap_or(6), spec.alternate, false),
            Some(c) => float_body(ax, c, spec.precision.unwrap_or(6), spec.alternate, false),
        }
    };
    if spec.no_neg_zero
        && negative
        && body
            .chars()
            .all(|c| matches!(c, '0' | '.' | 'e' | 'E' | '+' | '-' | '%'))
    {
        negative = false;
    }
    let mut body = body;
    if let Some(sep) = spec.grouping {
        let end = body.find(['.', 'e', 'E']).unwrap_or(body.len());
        let (int_part, rest) = body.split_at(end);
        if int_part.chars().all(|c| c.is_ascii_digit()) {
            let mut ip = int_part.to_string();
            if spec.align == Some('=') && spec.fill == Some('0') {
                let width = spec
                    .width
                    .unwrap_or(0)
                    .saturating_sub(rest.len() + usize::from(negative || spec.sign.is_some()) + usize::from(percent));
                while group(&ip, sep, 3).len() < width {
                    ip.insert(0, '0');
                }
            }
            body = format!("{}{}", group(&ip, sep, 3), rest);
        }
    }
    if percent {
        body.push('%');
    }
    Ok(pad(spec, sign_str(spec, negative), &body, '>'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vm::Vm;

    fn f(vm: &mut Vm, x: f64, s: &str) -> String {
        let spec = parse_spec(vm, s).unwrap();
        format_float(vm, x, &spec).unwrap()
    }

    fn i(vm: &mut Vm, x: i64, s: &str) -> String {
        let spec = parse_spec(vm, s).unwrap();
        format_int(vm, IntView::Small(x), &spec).unwrap()
    }

    #[test]
    fn floats_as_cpython() {
        let mut vm = Vm::new_for_tests();
        assert_eq!(f(&mut vm, 1234567.891, ","), "1,234,567.891");
        assert_eq!(f(&mut vm, 1e16, "10"), "     1e+16");
        assert_eq!(f(&mut vm, 1.0, ".3"), "1.0");
        assert_eq!(f(&mut vm, 123456.0, ".3"), "1.23e+05");
        assert_eq!(f(&mut vm, 100000.0, "g"), "100000");
        assert_eq!(f(&mut vm, 1000000.0, "g"), "1e+06");
        assert_eq!(f(&mut vm, 0.00001, "g"), "1e-05");
        assert_eq!(f(&mut vm, 1.0, "#g"), "1.00000");
        assert_eq!(f(&mut vm, 2.5, ".0f"), "2");
        assert_eq!(f(&mut vm, 3.5, ".0f"), "4");
        assert_eq!(f(&mut vm, f64::INFINITY, "10.2f"), "       inf");
        assert_eq!(f(&mut vm, -0.0, ".1f"), "-0.0");
        assert_eq!(f(&mut vm, 12.5, "%"), "1250.000000%");
        assert_eq!(f(&mut vm, 0.5, ".0%"), "50%");
        assert_eq!(f(&mut vm, 1e100, ".2e"), "1.00e+100");
        assert_eq!(f(&mut vm, -5.0, "08.2f"), "-0005.00");
        assert_eq!(f(&mut vm, 9.999, ".2g"), "10");
        assert_eq!(f(&mut vm, 0.0, "g"), "0");
        assert_eq!(f(&mut vm, 123.0, ".2"), "1.2e+02");
    }

    #[test]
    fn ints_as_cpython() {
        let mut vm = Vm::new_for_tests();
        assert_eq!(i(&mut vm, 12, "+05d"), "+0012");
        assert_eq!(i(&mut vm, -12, "=+8"), "-     12");
        assert_eq!(i(&mut vm, 255, "#x"), "0xff");
        assert_eq!(i(&mut vm, 255, "#010b"), "0b11111111");
        assert_eq!(i(&mut vm, 1234567, "_"), "1_234_567");
        assert_eq!(i(&mut vm, 1234567, "_x"), "12_d687");
        assert_eq!(i(&mut vm, 65, "c"), "A");
        assert_eq!(i(&mut vm, 3, "e"), "3.000000e+00");
    }
}
