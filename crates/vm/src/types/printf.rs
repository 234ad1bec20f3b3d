//! `str % args` (printf-style) and `str.format`.

use crate::args::split_kwargs;
use crate::exception::{ExcKind, PyResult};
use crate::format::{format_float, format_int, Spec};
use crate::objects::dict::DictObject;
use crate::objects::float::as_float;
use crate::objects::int::as_int;
use crate::objects::str::{display_lossy, new_str, new_str_from_cps, StrBuilder, StrObject};
use crate::objects::tuple::TupleObject;
use crate::typeobj::{type_of, KwNames, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

pub fn percent_format(vm: &mut Vm, fmt: &StrObject, args: &Value) -> PyResult<Value> {
    if let Some(r) = percent_fast(vm, fmt, args) {
        return r;
    }
    let cps: Vec<u32> = fmt.code_points().collect();
    let out = percent_core(vm, &cps, args, false)?;
    let mut b = StrBuilder::new();
    for c in out {
        b.push_cp(c);
    }
    Ok(b.finish())
}

/// `bytes % args` (PEP 461): the same machine over bytes, with %b/%s taking
/// bytes-like objects (or `__bytes__`) and %c a byte.
pub fn bytes_percent_format(vm: &mut Vm, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    let cps: Vec<u32> = fmt.iter().map(|&b| b as u32).collect();
    let out = percent_core(vm, &cps, args, true)?;
    // Every piece produced in bytes mode is Latin-1 (bytes) or ASCII text.
    Ok(out.into_iter().map(|c| c as u8).collect())
}

/// The bytes of a `%s`/`%b` argument, as Latin-1 text.
fn bytes_arg_text(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(b) = crate::objects::memoryview::bytes_like(vm, v)? {
        return Ok(b.iter().map(|&x| x as char).collect());
    }
    if let Some(r) = vm.call_special(v, "__bytes__", &[])? {
        match r.downcast_ref::<crate::objects::bytes::BytesObject>() {
            Some(b) => return Ok(b.data().iter().map(|&x| x as char).collect()),
            None => {
                let msg = format!("__bytes__ returned non-bytes (type {})", vm.type_name(&r));
                return Err(vm.type_error(msg));
            }
        }
    }
    let msg = format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        vm.type_name(v)
    );
    Err(vm.type_error(msg))
}

fn percent_core(vm: &mut Vm, cps: &[u32], args: &Value, bytes_mode: bool) -> PyResult<Vec<u32>> {
    let tuple_items: Option<Vec<Value>> = args.downcast_ref::<TupleObject>().map(|t| t.items().to_vec());
    let is_textlike = if bytes_mode {
        args.downcast_ref::<crate::objects::bytes::BytesObject>().is_some()
            || args.downcast_ref::<crate::objects::bytearray::ByteArrayObject>().is_some()
    } else {
        args.downcast_ref::<StrObject>().is_some()
    };
    let is_mapping = tuple_items.is_none() && !is_textlike && type_of(args).slots().getitem.is_some();
    let items: Vec<Value> = tuple_items.clone().unwrap_or_else(|| vec![args.clone()]);
    let mut next = 0usize;
    let mut used_mapping = false;
    let mut out: Vec<u32> = Vec::with_capacity(cps.len());
    let mut i = 0;
    let n = cps.len();
    let ch = |i: usize| cps.get(i).copied().and_then(char::from_u32).unwrap_or('\0');
    while i < n {
        if cps[i] != '%' as u32 {
            out.push(cps[i]);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        // Only "%%" itself is a literal percent: after flags, a width or a
        // key, '%' is an unsupported conversion like any other.
        if ch(i) == '%' {
            out.push('%' as u32);
            i += 1;
            continue;
        }
        let mut arg: Option<Value> = None;
        if ch(i) == '(' {
            let mut depth = 1;
            let kstart = i + 1;
            i += 1;
            while i < n && depth > 0 {
                match ch(i) {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return Err(vm.value_error("incomplete format key"));
            }
            if !is_mapping {
                return Err(vm.type_error("format requires a mapping"));
            }
            let key = if bytes_mode {
                let kb: Vec<u8> = cps[kstart..i - 1].iter().map(|&c| c as u8).collect();
                crate::objects::bytes::new_bytes(&kb)
            } else {
                crate::objects::str::new_str_from_cps(&cps[kstart..i - 1])
            };
            arg = Some(vm.getitem(args, &key)?);
            used_mapping = true;
        }
        let mut spec = Spec::default();
        loop {
            match ch(i) {
                '-' => spec.align = Some('<'),
                '+' => spec.sign = Some('+'),
                ' ' => {
                    if spec.sign.is_none() {
                        spec.sign = Some(' ')
                    }
                }
                '#' => spec.alternate = true,
                '0' => spec.zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut take_arg = |vm: &mut Vm| -> PyResult<Value> {
            match items.get(next) {
                Some(v) if !is_mapping || tuple_items.is_some() => {
                    next += 1;
                    Ok(v.clone())
                }
                _ => Err(vm.type_error("not enough arguments for format string")),
            }
        };
        if ch(i) == '*' {
            let w = take_arg(vm)?;
            let w = star_arg(vm, &w, isize::MAX as i64, "ssize_t")?;
            if w < 0 {
                spec.align = Some('<');
            }
            spec.width = Some(w.unsigned_abs() as usize);
            i += 1;
        } else if ch(i).is_ascii_digit() {
            let mut width: usize = 0;
            while let Some(d) = ch(i).to_digit(10) {
                width = match width.checked_mul(10).and_then(|w| w.checked_add(d as usize)) {
                    Some(w) if w <= isize::MAX as usize => w,
                    _ => return Err(vm.value_error("width too big")),
                };
                i += 1;
            }
            spec.width = Some(width);
        }
        if ch(i) == '.' {
            i += 1;
            if ch(i) == '*' {
                let p = take_arg(vm)?;
                spec.precision = Some(star_arg(vm, &p, i32::MAX as i64, "int")?.max(0) as usize);
                i += 1;
            } else {
                let mut prec: usize = 0;
                while let Some(d) = ch(i).to_digit(10) {
                    prec = prec * 10 + d as usize;
                    if prec > i32::MAX as usize {
                        return Err(vm.value_error(if bytes_mode { "prec too big" } else { "precision too big" }));
                    }
                    i += 1;
                }
                spec.precision = Some(prec);
            }
        }
        // Padding to an impossible width is a MemoryError, not an abort.
        if out.try_reserve(spec.width.unwrap_or(0)).is_err() {
            return Err(vm.new_error_noargs(ExcKind::MemoryError));
        }
        while matches!(ch(i), 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= n {
            return Err(vm.value_error("incomplete format"));
        }
        let conv = ch(i);
        i += 1;
        let v = match arg.take() {
            Some(v) => v,
            None => {
                if is_mapping && tuple_items.is_none() {
                    // A lone mapping argument serves one unkeyed conversion.
                    if next > 0 {
                        return Err(vm.type_error("not enough arguments for format string"));
                    }
                    next += 1;
                    args.clone()
                } else {
                    take_arg(vm)?
                }
            }
        };
        if spec.zero && spec.align.is_none() {
            spec.fill = Some('0');
            spec.align = Some('=');
        }
        // Text conversions of str formatting work on code points, so that lone surrogates
        // (which a Rust String cannot hold) come through as they are.
        if !bytes_mode && matches!(conv, 's' | 'r' | 'a' | 'c') {
            let piece = match conv {
                's' => vm.str(&v)?,
                'r' => vm.repr(&v)?,
                'a' => crate::builtins::ascii_of(vm, &v)?,
                _ => char_conversion(vm, &v)?,
            };
            let cps: Vec<u32> = match piece.downcast_ref::<StrObject>() {
                Some(text) => text.code_points().collect(),
                None => Vec::new(),
            };
            // %c ignores the precision.
            let keep = if conv == 'c' { cps.len() } else { spec.precision.map_or(cps.len(), |p| p.min(cps.len())) };
            let pad = spec.width.unwrap_or(0).saturating_sub(keep);
            let left = spec.align == Some('<');
            if !left {
                out.extend(std::iter::repeat(' ' as u32).take(pad));
            }
            out.extend_from_slice(&cps[..keep]);
            if left {
                out.extend(std::iter::repeat(' ' as u32).take(pad));
            }
            continue;
        }
        let text = match conv {
            's' | 'r' | 'a' | 'b' if conv != 'b' || bytes_mode => {
                let s = match conv {
                    's' | 'b' if bytes_mode => bytes_arg_text(vm, &v)?,
                    's' => vm.str_string(&v)?,
                    'r' if bytes_mode => {
                        let a = crate::builtins::ascii_of(vm, &v)?;
                        display_lossy(&a)
                    }
                    'r' => vm.repr_string(&v)?,
                    _ => {
                        let a = crate::builtins::ascii_of(vm, &v)?;
                        display_lossy(&a)
                    }
                };
                let body: String = match spec.precision {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                };
                let mut sp = spec.clone();
                sp.fill = None;
                // `%05s` pads with spaces: the 0 flag is for numbers only.
                sp.zero = false;
                if sp.align == Some('=') {
                    sp.align = None;
                }
                sp.precision = None;
                sp.sign = None;
                crate::format::format_str(
                    vm,
                    &body,
                    &Spec {
                        align: Some(sp.align.unwrap_or('>')),
                        ..sp
                    },
                )?
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let iv = if let (Some(f), true) = (as_float(&v), matches!(conv, 'd' | 'i' | 'u')) {
                    crate::types::num::float_to_int(vm, f)?
                } else if as_int(&v).is_some() {
                    v.clone()
                } else if type_of(&v).slots().index.is_some()
                    || (type_of(&v).slots().int.is_some() && matches!(conv, 'd' | 'i' | 'u'))
                {
                    crate::types::num::int_from_object(vm, &v)?
                } else {
                    let msg = if matches!(conv, 'x' | 'X' | 'o') {
                        format!("%{conv} format: an integer is required, not {}", vm.type_name(&v))
                    } else {
                        format!("%{conv} format: a real number is required, not {}", vm.type_name(&v))
                    };
                    return Err(vm.type_error(msg));
                };
                let mut sp = spec.clone();
                sp.ty = Some(match conv {
                    'x' => 'x',
                    'X' => 'X',
                    'o' => 'o',
                    _ => 'd',
                });
                let prec = sp.precision.take();
                if prec.is_some_and(|p| p > i32::MAX as usize - 3) {
                    return Err(vm.new_error(ExcKind::OverflowError, "precision too large"));
                }
                let iv = as_int(&iv).ok_or_else(|| vm.type_error("integer required"))?;
                let mut s = format_int(
                    vm,
                    iv,
                    &Spec {
                        width: None,
                        fill: None,
                        align: None,
                        ..sp.clone()
                    },
                )?;
                if let Some(p) = prec {
                    let sign_len = usize::from(s.starts_with(['-', '+', ' ']));
                    let prefixed = s[sign_len..].starts_with("0x")
                        || s[sign_len..].starts_with("0X")
                        || s[sign_len..].starts_with("0o");
                    // The zeros go after the sign and the 0x/0o prefix.
                    let pos = sign_len + if prefixed { 2 } else { 0 };
                    let digits = s.len() - pos;
                    if digits < p {
                        s.insert_str(pos, &"0".repeat(p - digits));
                    }
                }
                pad_to(&s, &sp)
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let f = match as_float(&v) {
                    Some(f) => f,
                    None => match as_int(&v) {
                        Some(i) => i
                            .to_f64()
                            .map_err(|_| vm.new_error(ExcKind::OverflowError, "int too large to convert to float"))?,
                        None => {
                            if type_of(&v).slots().float.is_some() || type_of(&v).slots().index.is_some() {
                                crate::types::num::float_from_object(vm, &v)?
                            } else {
                                let msg = if bytes_mode {
                                    format!("float argument required, not {}", vm.type_name(&v))
                                } else {
                                    format!("must be real number, not {}", vm.type_name(&v))
                                };
                                return Err(vm.type_error(msg));
                            }
                        }
                    },
                };
                let mut sp = spec.clone();
                sp.ty = Some(conv);
                if sp.precision.is_none() {
                    sp.precision = Some(6);
                }
                format_float(vm, f, &sp)?
            }
            'c' if bytes_mode => {
                let byte = if let Some(b) = v
                    .downcast_ref::<crate::objects::bytes::BytesObject>()
                    .map(|b| b.data().to_vec())
                    .or_else(|| {
                        v.downcast_ref::<crate::objects::bytearray::ByteArrayObject>()
                            .map(|b| b.data().to_vec())
                    })
                    .filter(|b| b.len() == 1)
                {
                    b[0]
                } else if as_int(&v).is_some() || type_of(&v).slots().index.is_some() {
                    let i = vm.index(&v)?;
                    match as_int(&i).and_then(|i| i.to_i64()).filter(|c| (0..256).contains(c)) {
                        Some(c) => c as u8,
                        None => return Err(vm.new_error(ExcKind::OverflowError, "%c arg not in range(256)")),
                    }
                } else {
                    return Err(vm.type_error("%c requires an integer in range(256) or a single byte"));
                };
                pad_to(&(byte as char).to_string(), &spec)
            }
            _ => {
                let idx = i - 1;
                return Err(vm.value_error(format!(
                    "unsupported format character '{}' (0x{:x}) at index {}",
                    conv, conv as u32, idx
                )));
            }
        };
        let _ = start;
        out.extend(text.chars().map(|c| c as u32));
    }
    let leftover = if bytes_mode {
        "not all arguments converted during bytes formatting"
    } else {
        "not all arguments converted during string formatting"
    };
    if !used_mapping && tuple_items.is_some() && next < items.len() {
        return Err(vm.type_error(leftover));
    }
    if !used_mapping && tuple_items.is_none() && !is_mapping && next == 0 {
        return Err(vm.type_error(leftover));
    }
    Ok(out)
}

/// A `*` width or precision: an int (not merely an index) that fits a C
/// `ssize_t` or `int`, as CPython converts it.
fn star_arg(vm: &mut Vm, v: &Value, max: i64, c_type: &str) -> PyResult<i64> {
    let Some(i) = as_int(v) else {
        return Err(vm.type_error("* wants int"));
    };
    match i.to_i64().filter(|n| *n <= max && *n >= -max - 1) {
        Some(n) => Ok(n),
        None => Err(vm.new_error(
            ExcKind::OverflowError,
            format!("Python int too large to convert to C {c_type}"),
        )),
    }
}

/// The one-character str `%c` makes of `v`: a str of length 1, or an int below 0x110000
/// (surrogates included, as CPython).
fn char_conversion(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if v.downcast_ref::<StrObject>().is_some_and(|s| s.len() == 1) {
        return Ok(v.clone());
    }
    match as_int(v) {
        Some(i) => match i.to_i64().filter(|c| (0..=0x10FFFF).contains(c)) {
            Some(c) => Ok(new_str_from_cps(&[c as u32])),
            None => Err(vm.new_error(ExcKind::OverflowError, "%c arg not in range(0x110000)")),
        },
        None => Err(vm.type_error("%c requires int or char")),
    }
}

fn pad_to(s: &str, spec: &Spec) -> String {
    let w = spec.width.unwrap_or(0);
    let len = s.chars().count();
    if len >= w {
        return s.to_string();
    }
    let n = w - len;
    if spec.align == Some('<') {
        return format!("{s}{}", " ".repeat(n));
    }
    if spec.fill == Some('0') {
        let (sign, rest) = match s.chars().next() {
            Some(c @ ('-' | '+' | ' ')) => (c.to_string(), &s[1..]),
            _ => (String::new(), s),
        };
        let (prefix, rest) = if rest.starts_with("0x") || rest.starts_with("0X") || rest.starts_with("0o") {
            rest.split_at(2)
        } else {
            ("", rest)
        };
        return format!("{sign}{prefix}{}{rest}", "0".repeat(n));
    }
    format!("{}{s}", " ".repeat(n))
}

/// `str.format_map(mapping)`.
pub fn str_format_map(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "format_map", kwnames)?;
    let [s, mapping] = crate::args::ArgSpec::exact::<2>(vm, "format_map", args, 1)?;
    let Some(fmt) = s.downcast_ref::<StrObject>() else {
        return Err(vm.type_error("descriptor 'format_map' requires a 'str' object"));
    };
    let cps: Vec<u32> = fmt.code_points().collect();
    let mut auto = AutoNumber::Unknown;
    format_with(vm, &cps, &[], &mapping, &mut auto, 2)
}

/// `str.format(*args, **kwargs)`.
pub fn str_format(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let (pos, kw) = split_kwargs(args, kwnames);
    let Some(fmt) = pos.first().and_then(|v| v.downcast_ref::<StrObject>()) else {
        return Err(vm.type_error("descriptor 'format' requires a 'str' object"));
    };
    let pos = &pos[1..];
    let kwd = DictObject::new_value();
    if let Some(d) = kwd.downcast_ref::<DictObject>() {
        for (k, v) in &kw {
            d.set_item(vm, (*k).clone(), (*v).clone())?;
        }
    }
    let cps: Vec<u32> = fmt.code_points().collect();
    let mut auto = AutoNumber::Unknown;
    let r = format_with(vm, &cps, pos, &kwd, &mut auto, 2)?;
    Ok(r)
}

#[derive(PartialEq)]
enum AutoNumber {
    Unknown,
    Auto(usize),
    Manual,
}

fn format_with(
    vm: &mut Vm,
    cps: &[u32],
    pos: &[Value],
    kw: &Value,
    auto: &mut AutoNumber,
    depth: u32,
) -> PyResult<Value> {
    if depth == 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let mut out = StrBuilder::new();
    let n = cps.len();
    let mut i = 0;
    let c = |i: usize| cps.get(i).copied().unwrap_or(0);
    while i < n {
        let ch = c(i);
        if ch == '}' as u32 {
            if c(i + 1) == '}' as u32 {
                out.push_cp(ch);
                i += 2;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string"));
        }
        if ch != '{' as u32 {
            out.push_cp(ch);
            i += 1;
            continue;
        }
        if c(i + 1) == '{' as u32 {
            out.push_cp(ch);
            i += 2;
            continue;
        }
        // A replacement field: find its end, honouring nested braces.
        let start = i + 1;
        let mut depth_b = 1;
        let mut j = start;
        while j < n {
            if c(j) == '{' as u32 {
                depth_b += 1;
            } else if c(j) == '}' as u32 {
                depth_b -= 1;
                if depth_b == 0 {
                    break;
                }
            }
            j += 1;
        }
        if j >= n {
            return Err(vm.value_error(if depth_b > 1 {
                "unmatched '{' in format spec"
            } else {
                "Single '{' encountered in format string"
            }));
        }
        let field = &cps[start..j];
        i = j + 1;
        // Split field into name, conversion, spec (the spec starts at the first ':' outside brackets).
        let mut k = 0;
        let mut in_bracket = false;
        while k < field.len() {
            let x = field[k];
            if x == '[' as u32 {
                in_bracket = true;
            } else if x == ']' as u32 {
                in_bracket = false;
            } else if !in_bracket && (x == '!' as u32 || x == ':' as u32) {
                break;
            }
            k += 1;
        }
        let name = &field[..k];
        let mut conversion = None;
        let mut spec: &[u32] = &[];
        if k < field.len() && field[k] == '!' as u32 {
            if k + 1 >= field.len() {
                return Err(vm.value_error("end of string while looking for conversion specifier"));
            }
            conversion = Some(field[k + 1]);
            if k + 2 < field.len() && field[k + 2] != ':' as u32 {
                return Err(vm.value_error("expected ':' after conversion specifier"));
            }
            if k + 2 < field.len() {
                spec = &field[k + 3..];
            }
        } else if k < field.len() {
            spec = &field[k + 1..];
        }
        let value = resolve_field(vm, name, pos, kw, auto)?;
        let value = match conversion.and_then(char::from_u32) {
            None => value,
            Some('s') => vm.str(&value)?,
            Some('r') => vm.repr(&value)?,
            Some('a') => crate::builtins::ascii_of(vm, &value)?,
            Some(x) => return Err(vm.value_error(format!("Unknown conversion specifier {x}"))),
        };
        // Only a spec holding '{' is itself expanded (and counts against the depth).
        let spec_v = if spec.contains(&('{' as u32)) {
            format_with(vm, spec, pos, kw, auto, depth - 1)?
        } else {
            new_str_from_cps(spec)
        };
        let r = crate::builtins::format(vm, &value, &spec_v)?;
        if let Some(s) = r.downcast_ref::<StrObject>() {
            out.push_strobj(s);
        }
    }
    Ok(out.finish())
}

fn resolve_field(vm: &mut Vm, name: &[u32], pos: &[Value], kw: &Value, auto: &mut AutoNumber) -> PyResult<Value> {
    let text: String = name.iter().filter_map(|&c| char::from_u32(c)).collect();
    let first_end = text.find(['.', '[']).unwrap_or(text.len());
    let (head, mut rest) = text.split_at(first_end);
    let mut obj = if head.is_empty() {
        let idx = match auto {
            AutoNumber::Manual => {
                return Err(vm.value_error("cannot switch from manual field specification to automatic field numbering"))
            }
            AutoNumber::Unknown => 0,
            AutoNumber::Auto(n) => *n,
        };
        *auto = AutoNumber::Auto(idx + 1);
        match pos.get(idx) {
            Some(v) => v.clone(),
            None => {
                return Err(vm.new_error(
                    ExcKind::IndexError,
                    format!("Replacement index {idx} out of range for positional args tuple"),
                ))
            }
        }
    } else if let Ok(idx) = head.parse::<usize>() {
        if let AutoNumber::Auto(_) = auto {
            return Err(vm.value_error("cannot switch from automatic field numbering to manual field specification"));
        }
        *auto = AutoNumber::Manual;
        match pos.get(idx) {
            Some(v) => v.clone(),
            None => {
                return Err(vm.new_error(
                    ExcKind::IndexError,
                    format!("Replacement index {idx} out of range for positional args tuple"),
                ))
            }
        }
    } else {
        let key = new_str(head);
        // format_map passes any mapping: look it up with __getitem__
        // (so dict subclasses' __missing__ applies).
        if !crate::typeobj::is_exact(kw, &crate::typeobj::DICT_TYPE) {
            vm.getitem(kw, &key)?
        } else {
            match kw.downcast_ref::<DictObject>().and_then(|d| d.get_str(&key)) {
                Some(v) => v,
                None => {
                    let e = crate::exception::new_exception(
                        crate::exception::exc_type(ExcKind::KeyError),
                        crate::objects::tuple::new_tuple(vec![key]),
                    );
                    return Err(crate::exception::PyErr::new(e));
                }
            }
        }
    };
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            let attr = vm.intern(&r[..end]);
            obj = vm.getattr(&obj, &attr)?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let Some(end) = r.find(']') else {
                return Err(vm.value_error("Missing ']' in format string"));
            };
            let key_text = &r[..end];
            let key = match key_text.parse::<i64>() {
                Ok(i) => Value::int(i),
                Err(_) => new_str(key_text),
            };
            obj = vm.getitem(&obj, &key)?;
            rest = &r[end + 1..];
        } else {
            return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    let _ = TypeObject::has_flag;
    Ok(obj)
}


/// One conversion of the `str % args` fast path.
struct FastConv {
    left: bool,
    zero: bool,
    sign: Option<u8>,
    width: usize,
    precision: Option<usize>,
    conv: u8,
}

/// Parses the specifiers of an ASCII format string that the fast path
/// handles: `%s %r %d %i %f` with the flags `- 0 + space`, a literal width
/// and precision, and `%%`. None when anything else appears.
fn fast_specs(fmt: &[u8]) -> Option<Vec<FastConv>> {
    let mut specs = Vec::new();
    let mut i = 0;
    while i < fmt.len() {
        if fmt[i] != b'%' {
            i += 1;
            continue;
        }
        i += 1;
        // Only "%%" right after the '%' is a literal percent; after flags, a width or a
        // precision CPython takes an argument first, then rejects the '%' (general path).
        if fmt.get(i) == Some(&b'%') {
            i += 1;
            continue;
        }
        let mut c = FastConv { left: false, zero: false, sign: None, width: 0, precision: None, conv: 0 };
        while let Some(&f) = fmt.get(i) {
            match f {
                b'-' => c.left = true,
                b'0' => c.zero = true,
                b'+' => c.sign = Some(b'+'),
                b' ' => c.sign = c.sign.or(Some(b' ')),
                _ => break,
            }
            i += 1;
        }
        let mut digits = 0;
        while let Some(d) = fmt.get(i).filter(|d| d.is_ascii_digit()) {
            c.width = c.width * 10 + (d - b'0') as usize;
            i += 1;
            digits += 1;
        }
        if fmt.get(i) == Some(&b'.') {
            i += 1;
            let mut p = 0;
            while let Some(d) = fmt.get(i).filter(|d| d.is_ascii_digit()) {
                p = p * 10 + (d - b'0') as usize;
                i += 1;
                digits += 1;
            }
            c.precision = Some(p);
        }
        if digits > 6 {
            return None;
        }
        c.conv = *fmt.get(i)?;
        i += 1;
        match c.conv {
            b's' | b'r' | b'd' | b'i' | b'f' => specs.push(c),
            _ => return None,
        }
    }
    Some(specs)
}

/// `str % args` for the common cases, built in one pass over an ASCII
/// format: None (nothing done yet) when the format or an argument needs the
/// general machine. Every argument is checked before any Python code runs,
/// so falling back never converts an argument twice.
fn percent_fast(vm: &mut Vm, fmt: &StrObject, args: &Value) -> Option<PyResult<Value>> {
    let text = fmt.as_ascii_str()?.as_bytes();
    let single;
    let items: &[Value] = match args.downcast_ref::<TupleObject>() {
        Some(t) => t.items(),
        None => {
            // A mapping argument (anything with __getitem__ but a str) takes
            // the general path.
            if !(args.is_small_int() || args.is_float() || crate::typeobj::is_exact(args, &crate::typeobj::STR_TYPE))
                && type_of(args).slots().getitem.is_some()
            {
                return None;
            }
            single = [args.clone()];
            &single
        }
    };
    let specs = fast_specs(text)?;
    if specs.len() != items.len() {
        return None;
    }
    for (c, v) in specs.iter().zip(items) {
        let ok = match c.conv {
            b'd' | b'i' => v.is_small_int() && c.precision.is_none(),
            b'f' => v.as_float().map_or(v.is_small_int(), f64::is_finite),
            _ => true,
        };
        if !ok {
            return None;
        }
    }
    Some(percent_fast_build(vm, text, &specs, items))
}

fn percent_fast_build(vm: &mut Vm, text: &[u8], specs: &[FastConv], items: &[Value]) -> PyResult<Value> {
    let mut out = StrBuilder::new();
    let mut next = 0;
    let mut i = 0;
    let mut num = String::new();
    while i < text.len() {
        let lit_end = text[i..].iter().position(|&b| b == b'%').map_or(text.len(), |k| i + k);
        if lit_end > i {
            // SAFETY: an ASCII run of the format.
            out.push_str(unsafe { std::str::from_utf8_unchecked(&text[i..lit_end]) });
        }
        if lit_end >= text.len() {
            break;
        }
        // Skip the specifier the parse above accepted.
        let mut j = lit_end + 1;
        while j < text.len() && !matches!(text[j], b's' | b'r' | b'd' | b'i' | b'f' | b'%') {
            j += 1;
        }
        i = j + 1;
        if text.get(j) == Some(&b'%') {
            out.push_cp('%' as u32);
            continue;
        }
        let (Some(c), Some(v)) = (specs.get(next), items.get(next)) else { break };
        next += 1;
        match c.conv {
            b's' | b'r' => {
                let s = if c.conv == b'r' {
                    vm.repr(v)?
                } else if crate::typeobj::is_exact(v, &crate::typeobj::STR_TYPE) {
                    v.clone()
                } else {
                    vm.str(v)?
                };
                let Some(so) = s.downcast_ref::<StrObject>() else { continue };
                let shown = c.precision.map_or(so.len(), |p| p.min(so.len()));
                let pad = c.width.saturating_sub(shown);
                if !c.left {
                    push_spaces(&mut out, pad);
                }
                if shown == so.len() {
                    out.push_strobj(so);
                } else {
                    for k in 0..shown {
                        out.push_cp(so.get(k));
                    }
                }
                if c.left {
                    push_spaces(&mut out, pad);
                }
            }
            _ => {
                use std::fmt::Write;
                num.clear();
                let negative = if let Some(n) = v.as_small_int() {
                    if c.conv == b'f' {
                        num.push_str(&crate::format::double_to_string(n as f64, 'f', c.precision.unwrap_or(6), false, false, false));
                        if let Some(rest) = num.strip_prefix('-') {
                            num = rest.to_string();
                            true
                        } else {
                            false
                        }
                    } else {
                        let _ = write!(num, "{}", n.unsigned_abs());
                        n < 0
                    }
                } else {
                    let x = v.as_float().unwrap_or(0.0);
                    num.push_str(&crate::format::double_to_string(x, 'f', c.precision.unwrap_or(6), false, false, false));
                    match num.strip_prefix('-') {
                        Some(rest) => {
                            num = rest.to_string();
                            true
                        }
                        None => false,
                    }
                };
                let sign = if negative { Some(b'-') } else { c.sign };
                let body = num.len() + usize::from(sign.is_some());
                let pad = c.width.saturating_sub(body);
                if !c.left && !c.zero {
                    push_spaces(&mut out, pad);
                }
                if let Some(sg) = sign {
                    out.push_cp(sg as u32);
                }
                if !c.left && c.zero {
                    for _ in 0..pad {
                        out.push_cp('0' as u32);
                    }
                }
                out.push_str(&num);
                if c.left {
                    push_spaces(&mut out, pad);
                }
            }
        }
    }
    Ok(out.finish())
}

fn push_spaces(out: &mut StrBuilder, n: usize) {
    for _ in 0..n {
        out.push_cp(' ' as u32);
    }
}
