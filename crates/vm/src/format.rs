//! The format-spec mini-language (`format(x, spec)`, f-strings, str.format)
//! for int, float, complex and str, as CPython's `Python/formatter_unicode.c`,
//! and the `str.format` engine with its field parser (CPython's
//! `Objects/stringlib/unicode_format.h`), shared with the `_string` module.

use crate::exception::{ExcKind, PyErr, PyResult};
use crate::objects::int::IntView;
use crate::value::Value;
use crate::vm::Vm;

/// A parsed format spec. `None` fields were not given; the formatter of each
/// type supplies its defaults (fill ' ', align '<' for str and '>' for
/// numbers, '=' when `zero` was given without an alignment).
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

fn too_many_digits(vm: &mut Vm) -> PyErr {
    vm.value_error("Too many decimal digits in format string")
}

/// Reads decimal digits at `*i`; `Ok(None)` when there are none.
fn read_integer(vm: &mut Vm, chars: &[char], i: &mut usize) -> PyResult<Option<usize>> {
    let start = *i;
    let mut acc: usize = 0;
    while let Some(d) = chars.get(*i).and_then(|c| c.to_digit(10)) {
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|&a| a <= isize::MAX as usize)
            .ok_or_else(|| too_many_digits(vm))?;
        *i += 1;
    }
    Ok(if *i > start { Some(acc) } else { None })
}

fn invalid_separator(vm: &mut Vm, sep: char, ty: char) -> PyErr {
    let msg = if (ty as u32) > 32 && (ty as u32) < 128 {
        format!("Cannot specify '{sep}' with '{ty}'.")
    } else {
        format!("Cannot specify '{sep}' with '\\x{:x}'.", ty as u32)
    };
    vm.value_error(msg)
}

/// Parses a spec for an object of type `type_name` (named in the
/// "Invalid format specifier" message), validating what does not depend on
/// the type, in CPython's order.
pub fn parse_spec_for(vm: &mut Vm, spec: &str, type_name: &str) -> PyResult<Spec> {
    // Specs are short: keep their characters on the stack.
    let mut stack = ['\0'; 24];
    let heap: Vec<char>;
    let chars: &[char] = if spec.len() <= stack.len() {
        let mut n = 0;
        for c in spec.chars() {
            stack[n] = c;
            n += 1;
        }
        &stack[..n]
    } else {
        heap = spec.chars().collect();
        &heap
    };
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
    if s.fill.is_none() && i < chars.len() && chars[i] == '0' {
        s.zero = true;
        i += 1;
    }
    s.width = read_integer(vm, chars, &mut i)?;
    // A width no machine can pad to fails as CPython's allocation does.
    if let Some(w) = s.width {
        crate::object::check_allocation(vm, w as u128)?;
    }
    if i < chars.len() && chars[i] == ',' {
        s.grouping = Some(',');
        i += 1;
    }
    if i < chars.len() && chars[i] == '_' {
        if s.grouping.is_some() {
            return Err(vm.value_error("Cannot specify both ',' and '_'."));
        }
        s.grouping = Some('_');
        i += 1;
    }
    if i < chars.len() && chars[i] == ',' && s.grouping == Some('_') {
        return Err(vm.value_error("Cannot specify both ',' and '_'."));
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        match read_integer(vm, chars, &mut i)? {
            Some(p) => s.precision = Some(p),
            None => return Err(vm.value_error("Format specifier missing precision")),
        }
    }
    if chars.len() - i > 1 {
        return Err(vm.value_error(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    if i < chars.len() {
        s.ty = Some(chars[i]);
    }
    if let Some(sep) = s.grouping {
        match s.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if sep == '_' => {}
            Some(t) => return Err(invalid_separator(vm, sep, t)),
        }
    }
    Ok(s)
}

/// `parse_spec_for` for str specs (kept for callers that format strings).
pub fn parse_spec(vm: &mut Vm, spec: &str) -> PyResult<Spec> {
    let s = parse_spec_for(vm, spec, "str")?;
    // str's default presentation type 's' takes part in the separator check.
    if let (Some(sep), None) = (s.grouping, s.ty) {
        return Err(invalid_separator(vm, sep, 's'));
    }
    Ok(s)
}

fn unknown_code(vm: &mut Vm, code: char, tname: &str) -> PyErr {
    let msg = if (code as u32) > 32 && (code as u32) < 128 {
        format!("Unknown format code '{code}' for object of type '{tname}'")
    } else {
        format!("Unknown format code '\\x{:x}' for object of type '{tname}'", code as u32)
    };
    vm.value_error(msg)
}

/// Fill character and alignment after CPython's defaults.
fn fill_align(spec: &Spec, default_align: char) -> (char, char) {
    let fill = spec.fill.unwrap_or(if spec.zero { '0' } else { ' ' });
    let align = spec
        .align
        .unwrap_or(if spec.zero && default_align == '>' { '=' } else { default_align });
    (fill, align)
}

fn push_fill(out: &mut String, fill: char, n: usize) {
    out.extend(std::iter::repeat(fill).take(n));
}

/// Pads `body` (already laid out, `len` chars) to the spec's width.
fn pad_plain(spec: &Spec, body: &str, len: usize, default_align: char) -> String {
    let width = spec.width.unwrap_or(0);
    if len >= width {
        return body.to_string();
    }
    let (fill, align) = fill_align(spec, default_align);
    let n = width - len;
    let mut out = String::with_capacity(body.len() + n * fill.len_utf8());
    let (left, right) = match align {
        '<' => (0, n),
        '^' => (n / 2, n - n / 2),
        _ => (n, 0),
    };
    push_fill(&mut out, fill, left);
    out.push_str(body);
    push_fill(&mut out, fill, right);
    out
}

/// Digits with separators every `every` from the right, padded with leading
/// zeros (themselves grouped) to at least `min_width` characters.
fn group_digits(digits: &str, sep: Option<(char, usize)>, min_width: usize) -> String {
    let Some((sep, every)) = sep else {
        let mut out = String::new();
        push_fill(&mut out, '0', min_width.saturating_sub(digits.len()));
        out.push_str(digits);
        return out;
    };
    let grouped_len = |d: usize| if d == 0 { 0 } else { d + (d - 1) / every };
    let mut n = digits.len();
    while grouped_len(n) < min_width {
        n += 1;
    }
    let mut out = String::with_capacity(grouped_len(n));
    for k in 0..n {
        if k > 0 && (n - k) % every == 0 {
            out.push(sep);
        }
        let zeros = n - digits.len();
        out.push(if k < zeros { '0' } else { digits.as_bytes()[k - zeros] as char });
    }
    out
}

/// CPython's calc_number_widths + fill_number: `[sign][prefix][digits][remainder]`
/// where only `digits` is grouped, padded to the width.
fn layout_number(
    spec: &Spec,
    sign: &str,
    prefix: &str,
    digits: &str,
    remainder: &str,
    sep: Option<(char, usize)>,
) -> String {
    let (fill, align) = fill_align(spec, '>');
    let width = spec.width.unwrap_or(0);
    let fixed = sign.len() + prefix.len() + remainder.chars().count();
    let min_width = if fill == '0' && align == '=' && !digits.is_empty() {
        width.saturating_sub(fixed)
    } else {
        0
    };
    let grouped = if digits.is_empty() { String::new() } else { group_digits(digits, sep, min_width) };
    let total = fixed + grouped.len();
    let pad = width.saturating_sub(total);
    let mut out = String::with_capacity(total + pad);
    let (left, middle, right) = match align {
        '<' => (0, 0, pad),
        '^' => (pad / 2, 0, pad - pad / 2),
        '=' => (0, pad, 0),
        _ => (pad, 0, 0),
    };
    push_fill(&mut out, fill, left);
    out.push_str(sign);
    out.push_str(prefix);
    push_fill(&mut out, fill, middle);
    out.push_str(&grouped);
    out.push_str(remainder);
    push_fill(&mut out, fill, right);
    out
}

fn sign_str(spec_sign: Option<char>, negative: bool) -> &'static str {
    if negative {
        "-"
    } else {
        match spec_sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

/// `format(str, spec)` after parsing.
pub fn format_str(vm: &mut Vm, s: &str, spec: &Spec) -> PyResult<String> {
    match spec.ty {
        None | Some('s') => {}
        Some(c) => return Err(unknown_code(vm, c, "str")),
    }
    match spec.sign {
        Some(' ') => return Err(vm.value_error("Space not allowed in string format specifier")),
        Some(_) => return Err(vm.value_error("Sign not allowed in string format specifier")),
        None => {}
    }
    if spec.no_neg_zero {
        return Err(vm.value_error("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if spec.alternate {
        return Err(vm.value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if spec.align == Some('=') {
        return Err(vm.value_error("'=' alignment not allowed in string format specifier"));
    }
    let (body, len) = match spec.precision {
        Some(p) => {
            let end = s.char_indices().nth(p).map_or(s.len(), |(k, _)| k);
            let t = &s[..end];
            (t, t.chars().count())
        }
        None => (s, s.chars().count()),
    };
    Ok(pad_plain(spec, body, len, '<'))
}

/// `format(int, spec)` after parsing (`type_name` for error messages).
pub fn format_int_typed(vm: &mut Vm, v: IntView, spec: &Spec, type_name: &str) -> PyResult<String> {
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = v
                .to_f64()
                .map_err(|_| vm.new_error(ExcKind::OverflowError, "int too large to convert to float"))?;
            return format_float_typed(vm, f, spec, "float");
        }
        c => return Err(unknown_code(vm, c, type_name)),
    }
    if spec.precision.is_some() {
        return Err(vm.value_error("Precision not allowed in integer format specifier"));
    }
    if spec.no_neg_zero {
        return Err(vm.value_error("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(vm.value_error("Sign not allowed with integer format specifier 'c'"));
        }
        if spec.alternate {
            return Err(vm.value_error("Alternate form (#) not allowed with integer format specifier 'c'"));
        }
        let Some(cp) = v.to_i64().filter(|c| (0..=0x10FFFF).contains(c)) else {
            if v.to_i64().is_none() {
                return Err(vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C long"));
            }
            return Err(vm.new_error(ExcKind::OverflowError, "%c arg not in range(0x110000)"));
        };
        // Lone surrogates cannot live in a Rust String; they show as U+FFFD here.
        let c = char::from_u32(cp as u32).unwrap_or('\u{FFFD}');
        let mut buf = [0u8; 4];
        return Ok(layout_number(spec, "", "", "", c.encode_utf8(&mut buf), None));
    }
    let (negative, digits) = match v {
        IntView::Small(i) => {
            let m = i.unsigned_abs();
            (
                i < 0,
                match ty {
                    'x' => format!("{m:x}"),
                    'X' => format!("{m:X}"),
                    'o' => format!("{m:o}"),
                    'b' => format!("{m:b}"),
                    _ => m.to_string(),
                },
            )
        }
        IntView::Big(b) => {
            if matches!(ty, 'd' | 'n') {
                // The digit limit applies to decimal output only.
                let s = crate::objects::int::int_to_decimal(vm, v)?;
                (b.sign() == num_bigint::Sign::Minus, s.trim_start_matches('-').to_string())
            } else {
                let m = b.magnitude();
                let s = match ty {
                    'x' => m.to_str_radix(16),
                    'X' => m.to_str_radix(16).to_uppercase(),
                    'o' => m.to_str_radix(8),
                    _ => m.to_str_radix(2),
                };
                (b.sign() == num_bigint::Sign::Minus, s)
            }
        }
    };
    let prefix = if spec.alternate {
        match ty {
            'x' => "0x",
            'X' => "0X",
            'o' => "0o",
            'b' => "0b",
            _ => "",
        }
    } else {
        ""
    };
    let sep = spec
        .grouping
        .map(|g| (g, if matches!(ty, 'x' | 'X' | 'o' | 'b') { 4 } else { 3 }));
    Ok(layout_number(spec, sign_str(spec.sign, negative), prefix, &digits, "", sep))
}

pub fn format_int(vm: &mut Vm, v: IntView, spec: &Spec) -> PyResult<String> {
    format_int_typed(vm, v, spec, "int")
}

/// Python-style exponent of Rust's `{:e}` output: `e+05`.
fn fix_exponent(s: &str, upper: bool) -> String {
    let Some(pos) = s.find('e') else { return s.to_string() };
    let (mant, exp) = s.split_at(pos);
    let exp = &exp[1..];
    let (esign, edigits) = match exp.strip_prefix('-') {
        Some(d) => ('-', d),
        None => ('+', exp),
    };
    let e = if upper { 'E' } else { 'e' };
    format!("{mant}{e}{esign}{edigits:0>2}")
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

/// Makes sure the mantissa has a decimal point (the '#' alternate form).
fn ensure_point(s: &mut String) {
    let end = s.find(['e', 'E']).unwrap_or(s.len());
    if !s[..end].contains('.') {
        s.insert(end, '.');
    }
}

/// `ax` (finite, >= 0) with `prec` decimals when that needs no rounding: a
/// value n / 2^m with m <= prec has exactly m decimals (n * 5^m / 10^m).
/// Money-like values (x.5, x.25) take this path instead of the general
/// correctly-rounded formatter, whose exact fallback is slow.
fn exact_fixed(ax: f64, prec: usize) -> Option<String> {
    use std::fmt::Write;
    if prec > 20 || !(ax < 9007199254740992.0) {
        return None;
    }
    let mut scaled = ax;
    let mut m = 0;
    while scaled.fract() != 0.0 {
        if m == prec {
            return None;
        }
        // Doubling is exact for a finite double below 2^53.
        scaled *= 2.0;
        m += 1;
    }
    if scaled >= 9.2e18 {
        return None;
    }
    // n < 2^63 and 5^m <= 5^20 < 2^47: the product fits in u128.
    let n = scaled as u128 * 5u128.pow(m as u32);
    let unit = 10u128.pow(m as u32);
    let mut out = String::with_capacity(24 + prec);
    let _ = write!(out, "{}", n / unit);
    if prec > 0 {
        out.push('.');
        if m > 0 {
            let _ = write!(out, "{:0width$}", n % unit, width = m);
        }
        out.extend(std::iter::repeat('0').take(prec - m));
    }
    Some(out)
}

/// CPython's `PyOS_double_to_string(x, ty, prec, flags)` for `ty` in
/// e E f F g G r: the sign (only '-'), digits, point, exponent.
pub fn double_to_string(x: f64, ty: char, prec: usize, alt: bool, add_dot_0: bool, no_neg_0: bool) -> String {
    let upper = matches!(ty, 'E' | 'F' | 'G');
    if !x.is_finite() {
        let s = if x.is_nan() {
            "nan"
        } else if x > 0.0 {
            "inf"
        } else {
            "-inf"
        };
        return if upper { s.to_uppercase() } else { s.to_string() };
    }
    let neg = x.is_sign_negative();
    let ax = x.abs();
    let mut body = match ty.to_ascii_lowercase() {
        'f' => {
            let mut s = exact_fixed(ax, prec).unwrap_or_else(|| format!("{ax:.prec$}"));
            if alt && prec == 0 {
                s.push('.');
            }
            s
        }
        'e' => {
            let mut s = fix_exponent(&format!("{ax:.prec$e}"), upper);
            if alt && prec == 0 {
                ensure_point(&mut s);
            }
            s
        }
        'g' => {
            let p = prec.max(1);
            let e_form = format!("{:.*e}", p - 1, ax);
            let exp: i64 = e_form.split('e').nth(1).and_then(|e| e.parse().ok()).unwrap_or(0);
            let fixed_limit = p as i64 - i64::from(add_dot_0);
            let s = if -4 <= exp && exp < fixed_limit {
                format!("{:.*}", (p as i64 - 1 - exp).max(0) as usize, ax)
            } else {
                fix_exponent(&e_form, upper)
            };
            let mut s = if alt { s } else { strip_trailing_zeros(&s) };
            if alt {
                ensure_point(&mut s);
            }
            if add_dot_0 && !s.contains(['.', 'e', 'E']) {
                s.push_str(".0");
            }
            s
        }
        _ => {
            let mut s = String::new();
            pyrite_repr::write_float_r(
                &mut s,
                ax,
                pyrite_repr::ReprFlags {
                    always_sign: false,
                    add_dot_0,
                },
            );
            if alt {
                ensure_point(&mut s);
            }
            s
        }
    };
    if upper && ty != 'r' {
        body = body.to_uppercase();
    }
    let zero = body.bytes().take_while(|b| !matches!(b, b'e' | b'E')).all(|b| matches!(b, b'0' | b'.'));
    if neg && !(no_neg_0 && zero) {
        body.insert(0, '-');
    }
    body
}

/// Splits a number's text (no sign) into leading digits and the rest.
fn split_digits(s: &str) -> (&str, &str) {
    let end = s.bytes().position(|b| !b.is_ascii_digit()).unwrap_or(s.len());
    s.split_at(end)
}

fn precision_i32(vm: &mut Vm, spec: &Spec) -> PyResult<Option<usize>> {
    match spec.precision {
        Some(p) if p > i32::MAX as usize => Err(vm.value_error("precision too big")),
        p => Ok(p),
    }
}

/// `format(float, spec)` after parsing.
pub fn format_float_typed(vm: &mut Vm, x: f64, spec: &Spec, type_name: &str) -> PyResult<String> {
    let mut ty = match spec.ty {
        None => 'r',
        Some(c @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) => c,
        Some('n') => 'g',
        Some(c) => return Err(unknown_code(vm, c, type_name)),
    };
    let precision = precision_i32(vm, spec)?;
    let add_dot_0 = spec.ty.is_none();
    let mut val = x;
    let percent = ty == '%';
    if percent {
        ty = 'f';
        val *= 100.0;
    }
    let prec = match precision {
        None => {
            if ty == 'r' {
                0
            } else {
                6
            }
        }
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    let mut text = double_to_string(val, ty, prec, spec.alternate, add_dot_0, spec.no_neg_zero);
    if percent {
        text.push('%');
    }
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let (digits, rest) = split_digits(unsigned);
    let sep = spec.grouping.map(|g| (g, 3));
    Ok(layout_number(spec, sign_str(spec.sign, negative), "", digits, rest, sep))
}

pub fn format_float(vm: &mut Vm, x: f64, spec: &Spec) -> PyResult<String> {
    format_float_typed(vm, x, spec, "float")
}

/// `format(complex, spec)` after parsing.
pub fn format_complex_typed(vm: &mut Vm, re: f64, im: f64, spec: &Spec, type_name: &str) -> PyResult<String> {
    let mut ty = match spec.ty {
        None => 'r',
        Some(c @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G')) => c,
        Some('n') => 'g',
        Some(c) => return Err(unknown_code(vm, c, type_name)),
    };
    let precision = precision_i32(vm, spec)?;
    if spec.zero || spec.fill == Some('0') {
        return Err(vm.value_error("Zero padding is not allowed in complex format specifier"));
    }
    if spec.align == Some('=') {
        return Err(vm.value_error("'=' alignment flag is not allowed in complex format specifier"));
    }
    let mut skip_re = false;
    let mut parens = false;
    if spec.ty.is_none() {
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            parens = true;
        }
    }
    let prec = match precision {
        None => {
            if ty == 'r' {
                0
            } else {
                6
            }
        }
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    let re_text = double_to_string(re, ty, prec, spec.alternate, false, spec.no_neg_zero);
    let im_text = double_to_string(im, ty, prec, spec.alternate, false, spec.no_neg_zero);
    let sep = spec.grouping.map(|g| (g, 3));
    let part = |text: &str, sign_opt: Option<char>| {
        let (negative, unsigned) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (digits, rest) = split_digits(unsigned);
        let plain = Spec {
            width: None,
            fill: None,
            align: Some('<'),
            zero: false,
            ..spec.clone()
        };
        layout_number(&plain, sign_str(sign_opt, negative), "", digits, rest, sep)
    };
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&part(&re_text, spec.sign));
    }
    body.push_str(&part(&im_text, if skip_re { spec.sign } else { Some('+') }));
    body.push('j');
    if parens {
        body.push(')');
    }
    let len = body.chars().count();
    Ok(pad_plain(spec, &body, len, '>'))
}

// ---- str.format ----

/// One piece of a format string: literal text, then maybe a replacement field.
pub struct MarkupPiece {
    pub literal: Vec<u32>,
    pub field: Option<Field>,
}

pub struct Field {
    pub name: Vec<u32>,
    pub conversion: Option<u32>,
    pub spec: Vec<u32>,
    pub spec_needs_expanding: bool,
}

const fn cp(c: char) -> u32 {
    c as u32
}

/// CPython's MarkupIterator: walks a format string piece by piece.
pub struct MarkupIter<'a> {
    s: &'a [u32],
    pos: usize,
}

impl<'a> MarkupIter<'a> {
    pub fn new(s: &'a [u32]) -> MarkupIter<'a> {
        MarkupIter { s, pos: 0 }
    }

    /// The next piece; `Ok(None)` at the end; Err(message) for a ValueError.
    pub fn next_piece(&mut self) -> Result<Option<MarkupPiece>, &'static str> {
        let s = self.s;
        if self.pos >= s.len() {
            return Ok(None);
        }
        let start = self.pos;
        let mut c = 0;
        let mut markup_follows = false;
        while self.pos < s.len() {
            c = s[self.pos];
            self.pos += 1;
            if c == cp('{') || c == cp('}') {
                markup_follows = true;
                break;
            }
        }
        let at_end = self.pos >= s.len();
        let mut len = self.pos - start;
        if c == cp('}') && markup_follows && (at_end || s[self.pos] != c) {
            return Err("Single '}' encountered in format string");
        }
        if at_end && c == cp('{') && markup_follows {
            return Err("Single '{' encountered in format string");
        }
        if !at_end && markup_follows {
            if s[self.pos] == c {
                // An escaped brace: the literal keeps one, no field follows.
                self.pos += 1;
                markup_follows = false;
            } else {
                len -= 1;
            }
        }
        let literal = s[start..start + len].to_vec();
        if !markup_follows {
            return Ok(Some(MarkupPiece { literal, field: None }));
        }
        let field = self.parse_field()?;
        Ok(Some(MarkupPiece {
            literal,
            field: Some(field),
        }))
    }

    fn parse_field(&mut self) -> Result<Field, &'static str> {
        let s = self.s;
        let name_start = self.pos;
        let mut c = 0;
        while self.pos < s.len() {
            c = s[self.pos];
            self.pos += 1;
            if c == cp('{') {
                return Err("unexpected '{' in field name");
            }
            if c == cp('[') {
                while self.pos < s.len() && s[self.pos] != cp(']') {
                    self.pos += 1;
                }
                continue;
            }
            if c == cp('}') || c == cp(':') || c == cp('!') {
                break;
            }
        }
        let ended_on = if self.pos > name_start { c } else { 0 };
        let terminator_seen = ended_on == cp('}') || ended_on == cp(':') || ended_on == cp('!');
        let name_end = if terminator_seen { self.pos - 1 } else { self.pos };
        let name = s[name_start..name_end].to_vec();
        if ended_on == cp('!') || ended_on == cp(':') {
            let mut conversion = None;
            if ended_on == cp('!') {
                if self.pos >= s.len() {
                    return Err("end of string while looking for conversion specifier");
                }
                conversion = Some(s[self.pos]);
                self.pos += 1;
                if self.pos < s.len() {
                    let c2 = s[self.pos];
                    self.pos += 1;
                    if c2 == cp('}') {
                        return Ok(Field {
                            name,
                            conversion,
                            spec: Vec::new(),
                            spec_needs_expanding: false,
                        });
                    }
                    if c2 != cp(':') {
                        return Err("expected ':' after conversion specifier");
                    }
                }
            }
            let spec_start = self.pos;
            let mut count = 1;
            let mut expand = false;
            while self.pos < s.len() {
                let c3 = s[self.pos];
                self.pos += 1;
                if c3 == cp('{') {
                    expand = true;
                    count += 1;
                } else if c3 == cp('}') {
                    count -= 1;
                    if count == 0 {
                        return Ok(Field {
                            name,
                            conversion,
                            spec: s[spec_start..self.pos - 1].to_vec(),
                            spec_needs_expanding: expand,
                        });
                    }
                }
            }
            return Err("unmatched '{' in format spec");
        }
        if ended_on != cp('}') {
            return Err("expected '}' before end of string");
        }
        Ok(Field {
            name,
            conversion: None,
            spec: Vec::new(),
            spec_needs_expanding: false,
        })
    }
}

/// One step of a field name after its first part: `.attr` or `[key]`.
pub enum FieldAccess {
    Attr(Vec<u32>),
    Index(usize),
    Key(Vec<u32>),
}

/// A field name's first part: an index when it is all decimal digits.
pub enum FieldFirst {
    Index(usize),
    Name(Vec<u32>),
}

fn decimal_value(vm: &mut Vm, s: &[u32]) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for &c in s {
        let Some(d) = char::from_u32(c).and_then(|c| c.to_digit(10)) else {
            return Ok(None);
        };
        acc = match acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|&a| a <= isize::MAX as usize)
        {
            Some(a) => a,
            None => return Err(too_many_digits(vm)),
        };
    }
    Ok(Some(acc))
}

/// Splits a field name as CPython's field_name_split + FieldNameIterator.
/// The rest's errors come back as `Err` at the position they occur, after
/// the accesses before them (`formatter_field_name_split` yields lazily).
pub fn split_field_name(
    vm: &mut Vm,
    name: &[u32],
) -> PyResult<(FieldFirst, Vec<FieldAccess>, Option<&'static str>)> {
    let first_end = name
        .iter()
        .position(|&c| c == cp('.') || c == cp('['))
        .unwrap_or(name.len());
    let first = &name[..first_end];
    let first = match decimal_value(vm, first)? {
        Some(i) => FieldFirst::Index(i),
        None => FieldFirst::Name(first.to_vec()),
    };
    let mut rest = Vec::new();
    let mut i = first_end;
    while i < name.len() {
        let c = name[i];
        i += 1;
        let piece = if c == cp('.') {
            let start = i;
            while i < name.len() && name[i] != cp('.') && name[i] != cp('[') {
                i += 1;
            }
            FieldAccess::Attr(name[start..i].to_vec())
        } else if c == cp('[') {
            let start = i;
            while i < name.len() && name[i] != cp(']') {
                i += 1;
            }
            if i >= name.len() {
                return Ok((first, rest, Some("Missing ']' in format string")));
            }
            let key = &name[start..i];
            i += 1;
            match decimal_value(vm, key)? {
                Some(n) => FieldAccess::Index(n),
                None => FieldAccess::Key(key.to_vec()),
            }
        } else {
            return Ok((
                first,
                rest,
                Some("Only '.' or '[' may follow ']' in format field specifier"),
            ));
        };
        let empty = match &piece {
            FieldAccess::Attr(a) | FieldAccess::Key(a) => a.is_empty(),
            FieldAccess::Index(_) => false,
        };
        if empty {
            return Ok((first, rest, Some("Empty attribute in format string")));
        }
        rest.push(piece);
    }
    Ok((first, rest, None))
}

#[derive(PartialEq, Clone, Copy)]
enum AutoState {
    Init,
    Auto,
    Manual,
}

struct AutoNumber {
    state: AutoState,
    next: usize,
}

fn cps_to_str(cps: &[u32]) -> Value {
    crate::objects::str::new_str_from_cps(cps)
}

fn get_field_object(
    vm: &mut Vm,
    name: &[u32],
    args: Option<&[Value]>,
    kwargs: Option<&Value>,
    auto: &mut AutoNumber,
) -> PyResult<Value> {
    let (first, rest, err) = split_field_name(vm, name)?;
    let name_empty = matches!(&first, FieldFirst::Name(n) if n.is_empty());
    let numeric = name_empty || matches!(first, FieldFirst::Index(_));
    if auto.state == AutoState::Init && numeric {
        auto.state = if name_empty { AutoState::Auto } else { AutoState::Manual };
    }
    if numeric {
        if auto.state == AutoState::Manual && name_empty {
            return Err(
                vm.value_error("cannot switch from manual field specification to automatic field numbering")
            );
        }
        if auto.state == AutoState::Auto && !name_empty {
            return Err(
                vm.value_error("cannot switch from automatic field numbering to manual field specification")
            );
        }
    }
    let index = match &first {
        FieldFirst::Index(i) => Some(*i),
        FieldFirst::Name(_) if name_empty => {
            let i = auto.next;
            auto.next += 1;
            Some(i)
        }
        FieldFirst::Name(_) => None,
    };
    let mut obj = match (index, &first) {
        (Some(i), _) => {
            let Some(args) = args else {
                return Err(vm.value_error("Format string contains positional fields"));
            };
            match args.get(i) {
                Some(v) => v.clone(),
                None => {
                    return Err(vm.new_error(
                        ExcKind::IndexError,
                        format!("Replacement index {i} out of range for positional args tuple"),
                    ))
                }
            }
        }
        (None, FieldFirst::Name(n)) => {
            let key = cps_to_str(n);
            match kwargs {
                Some(kw) => vm.getitem(kw, &key)?,
                None => {
                    let e = crate::exception::new_exception(
                        crate::exception::exc_type(ExcKind::KeyError),
                        crate::objects::tuple::new_tuple(vec![key]),
                    );
                    return Err(PyErr::new(e));
                }
            }
        }
        (None, FieldFirst::Index(_)) => unreachable!("an index field always has an index"),
    };
    for access in rest {
        obj = match access {
            FieldAccess::Attr(a) => {
                let name = cps_to_str(&a);
                vm.getattr(&obj, &name)?
            }
            FieldAccess::Index(i) => vm.getitem(&obj, &Value::int(i as i64))?,
            FieldAccess::Key(k) => {
                let key = cps_to_str(&k);
                vm.getitem(&obj, &key)?
            }
        };
    }
    if let Some(msg) = err {
        return Err(vm.value_error(msg));
    }
    Ok(obj)
}

fn conversion_error(vm: &mut Vm, c: u32) -> PyErr {
    let msg = if c > 32 && c < 127 {
        format!("Unknown conversion specifier {}", char::from_u32(c).unwrap_or('?'))
    } else {
        format!("Unknown conversion specifier \\x{c:x}")
    };
    vm.value_error(msg)
}

/// `obj.__format__(spec)` with the builtin types formatted directly.
pub fn format_object(vm: &mut Vm, obj: &Value, spec: &Value) -> PyResult<Value> {
    if let Some(r) = format_exact_builtin(vm, obj, spec) {
        return r;
    }
    crate::builtins::format(vm, obj, spec)
}

/// `format(obj, spec)` for an exact small int, float or str and a str spec,
/// without looking `__format__` up (their `__format__` cannot be replaced):
/// f-strings and `str.format` spend most of their time here. `None` for any
/// other object, which goes through `__format__`.
pub fn format_exact_builtin(vm: &mut Vm, obj: &Value, spec: &Value) -> Option<PyResult<Value>> {
    use crate::objects::str::{new_str, StrObject};
    let spec_obj = spec.downcast_ref::<StrObject>()?;
    let is_str = crate::typeobj::is_exact(obj, &crate::typeobj::STR_TYPE);
    if !(obj.is_small_int() || obj.is_float() || is_str) {
        return None;
    }
    if spec_obj.is_empty() {
        return Some(if is_str { Ok(obj.clone()) } else { vm.str(obj) });
    }
    let spec_text = spec_obj.to_string_lossy();
    let result = (|| {
        if let Some(i) = obj.as_small_int() {
            let parsed = parse_spec_for(vm, &spec_text, "int")?;
            format_int_typed(vm, IntView::Small(i), &parsed, "int")
        } else if let Some(x) = obj.as_float() {
            let parsed = parse_spec_for(vm, &spec_text, "float")?;
            format_float_typed(vm, x, &parsed, "float")
        } else {
            let parsed = parse_spec(vm, &spec_text)?;
            let s = obj.downcast_ref::<StrObject>().map(|s| s.to_string_lossy()).unwrap_or_default();
            format_str(vm, &s, &parsed)
        }
    })();
    Some(result.map(|text| new_str(&text)))
}

fn build_string(
    vm: &mut Vm,
    input: &[u32],
    args: Option<&[Value]>,
    kwargs: Option<&Value>,
    depth: i32,
    auto: &mut AutoNumber,
) -> PyResult<Value> {
    if depth <= 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let mut out = crate::objects::str::StrBuilder::new();
    let mut it = MarkupIter::new(input);
    loop {
        let piece = match it.next_piece() {
            Ok(Some(p)) => p,
            Ok(None) => break,
            Err(msg) => return Err(vm.value_error(msg)),
        };
        for &c in &piece.literal {
            out.push_cp(c);
        }
        let Some(field) = piece.field else { continue };
        let mut obj = get_field_object(vm, &field.name, args, kwargs, auto)?;
        if let Some(c) = field.conversion {
            obj = match char::from_u32(c) {
                Some('r') => vm.repr(&obj)?,
                Some('s') => vm.str(&obj)?,
                Some('a') => crate::builtins::ascii_of(vm, &obj)?,
                _ => return Err(conversion_error(vm, c)),
            };
        }
        let spec = if field.spec_needs_expanding {
            build_string(vm, &field.spec, args, kwargs, depth - 1, auto)?
        } else {
            cps_to_str(&field.spec)
        };
        let r = format_object(vm, &obj, &spec)?;
        if let Some(s) = r.downcast_ref::<crate::objects::str::StrObject>() {
            out.push_strobj(s);
        }
    }
    Ok(out.finish())
}

/// `str.format(*args, **kwargs)`.
pub fn str_format(vm: &mut Vm, args: &[Value], kwnames: crate::typeobj::KwNames) -> PyResult<Value> {
    use crate::objects::dict::DictObject;
    let (pos, kw) = crate::args::split_kwargs(args, kwnames);
    let Some(fmt) = pos.first().and_then(|v| v.downcast_ref::<crate::objects::str::StrObject>()) else {
        return Err(vm.type_error("descriptor 'format' requires a 'str' object"));
    };
    let cps: Vec<u32> = fmt.code_points().collect();
    let kwd = if kw.is_empty() {
        None
    } else {
        let d = DictObject::new_value();
        if let Some(dd) = d.downcast_ref::<DictObject>() {
            for (k, v) in &kw {
                dd.set_item(vm, (*k).clone(), (*v).clone())?;
            }
        }
        Some(d)
    };
    let mut auto = AutoNumber {
        state: AutoState::Init,
        next: 0,
    };
    build_string(vm, &cps, Some(&pos[1..]), kwd.as_ref(), 2, &mut auto)
}

/// `str.format_map(mapping)`.
pub fn str_format_map(vm: &mut Vm, args: &[Value], kwnames: crate::typeobj::KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "format_map", kwnames)?;
    let [s, mapping] = crate::args::ArgSpec::exact::<2>(vm, "format_map", args, 1)?;
    let Some(fmt) = s.downcast_ref::<crate::objects::str::StrObject>() else {
        return Err(vm.type_error("descriptor 'format_map' requires a 'str' object"));
    };
    let cps: Vec<u32> = fmt.code_points().collect();
    let mut auto = AutoNumber {
        state: AutoState::Init,
        next: 0,
    };
    build_string(vm, &cps, None, Some(&mapping), 2, &mut auto)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vm::Vm;

    fn f(vm: &mut Vm, x: f64, s: &str) -> String {
        let spec = parse_spec_for(vm, s, "float").unwrap();
        format_float(vm, x, &spec).unwrap()
    }

    fn i(vm: &mut Vm, x: i64, s: &str) -> String {
        let spec = parse_spec_for(vm, s, "int").unwrap();
        format_int(vm, IntView::Small(x), &spec).unwrap()
    }

    fn c(vm: &mut Vm, re: f64, im: f64, s: &str) -> String {
        let spec = parse_spec_for(vm, s, "complex").unwrap();
        format_complex_typed(vm, re, im, &spec, "complex").unwrap()
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
        assert_eq!(f(&mut vm, f64::INFINITY, "010"), "0000000inf");
        assert_eq!(f(&mut vm, -0.0, ".1f"), "-0.0");
        assert_eq!(f(&mut vm, -0.0, "z.1f"), "0.0");
        assert_eq!(f(&mut vm, 12.5, "%"), "1250.000000%");
        assert_eq!(f(&mut vm, 0.5, ".0%"), "50%");
        assert_eq!(f(&mut vm, 1e100, ".2e"), "1.00e+100");
        assert_eq!(f(&mut vm, -5.0, "08.2f"), "-0005.00");
        assert_eq!(f(&mut vm, 9.999, ".2g"), "10");
        assert_eq!(f(&mut vm, 0.0, "g"), "0");
        assert_eq!(f(&mut vm, 123.0, ".2"), "1.2e+02");
        assert_eq!(f(&mut vm, 1e16, "#"), "1.e+16");
        assert_eq!(f(&mut vm, -1234.5, "012,.1f"), "-0,001,234.5");
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
        assert_eq!(i(&mut vm, 1234, "08,"), "0,001,234");
        assert_eq!(i(&mut vm, 65, "c"), "A");
        assert_eq!(i(&mut vm, 3, "e"), "3.000000e+00");
    }

    #[test]
    fn complex_as_cpython() {
        let mut vm = Vm::new_for_tests();
        assert_eq!(c(&mut vm, 1.0, 2.0, "10"), "    (1+2j)");
        assert_eq!(c(&mut vm, 0.0, 1.0, ""), "1j");
        assert_eq!(c(&mut vm, 1.0, 2.0, ".2f"), "1.00+2.00j");
        assert_eq!(c(&mut vm, 1.0, 2.0, "+"), "(+1+2j)");
        assert_eq!(c(&mut vm, 0.0, 3.0, "+.1f"), "+0.0+3.0j");
        assert_eq!(c(&mut vm, 1.0, 2.0, "#"), "(1.+2.j)");
        assert_eq!(c(&mut vm, 1234.0, 5678.0, ","), "(1,234+5,678j)");
        assert_eq!(c(&mut vm, -0.0, -0.0, "z"), "(0+0j)");
    }

    #[test]
    fn markup() {
        let s: Vec<u32> = "a{0!r:>{1}}b}}".chars().map(|c| c as u32).collect();
        let mut it = MarkupIter::new(&s);
        let p = it.next_piece().unwrap().unwrap();
        assert_eq!(p.literal, vec!['a' as u32]);
        let f = p.field.unwrap();
        assert_eq!(f.conversion, Some('r' as u32));
        assert!(f.spec_needs_expanding);
        let p = it.next_piece().unwrap().unwrap();
        assert_eq!(p.literal, vec!['b' as u32, '}' as u32]);
        assert!(it.next_piece().unwrap().is_none());
        let s: Vec<u32> = "{0".chars().map(|c| c as u32).collect();
        assert_eq!(
            MarkupIter::new(&s).next_piece().err(),
            Some("expected '}' before end of string")
        );
    }
}
