//! Slots and methods of `bytes` and `bytearray` (one implementation for
//! both: methods read `self` as a byte slice and build their result with the
//! type of `self`), the bytes/bytearray iterators, and the set-up of
//! `memoryview` (its methods live in `types::memoryview_ty`).
//!
//! Borrowing rule: a bytearray's bytes are read only after every argument
//! has been converted (conversions can run Python code that resizes it).

use crate::args::{check_no_kwargs, ArgSpec};
use crate::exception::{ExcKind, PyResult};
use crate::objects::bytearray::{
    new_bytearray, new_bytearray_typed, ByteArrayObject, BYTEARRAY_ITER_TYPE, BYTEARRAY_TYPE, BYTES_ITER_TYPE,
};
use crate::objects::bytes::{new_bytes, new_bytes_typed, BytesObject};
use crate::objects::int::as_int;
use crate::objects::iter::{new_seq_iter, SeqIter};
use crate::objects::list::new_list;
use crate::objects::memoryview::{bytes_like, require_bytes_like};
use crate::objects::singletons::{none, not_implemented};
use crate::objects::slice::SliceObject;
use crate::objects::str::{new_str, normalize_index, StrObject};
use crate::objects::tuple::{new_tuple, TupleObject};
use crate::typeinit::{add_classmethod, add_method, add_staticmethod};
use crate::typeobj::*;
use crate::types::str_ty::{repeat_count, slice_indices};
use crate::value::Value;
use crate::vm::Vm;

// ---- helpers ----

/// The bytes of a bytes or bytearray `self` (method descriptors check the
/// owner type before calling, so anything else cannot reach here).
fn data_of(v: &Value) -> &[u8] {
    if let Some(b) = v.downcast_ref::<BytesObject>() {
        b.data()
    } else if let Some(b) = v.downcast_ref::<ByteArrayObject>() {
        b.data()
    } else {
        &[]
    }
}

fn is_bytearray(v: &Value) -> bool {
    v.downcast_ref::<ByteArrayObject>().is_some()
}

/// A result of `self`'s kind: bytearray for bytearrays, exact bytes otherwise.
fn wrap(like: &Value, data: Vec<u8>) -> Value {
    if is_bytearray(like) {
        new_bytearray(data)
    } else {
        new_bytes(&data)
    }
}

fn kind_name(v: &Value) -> &'static str {
    if is_bytearray(v) {
        "bytearray"
    } else {
        "bytes"
    }
}

pub fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// An `int` in range(256), with CPython's messages.
fn byte_value(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    let i = crate::objects::int::index_ssize(vm, v).map_err(|e| {
        if e.is_instance(ExcKind::OverflowError) {
            vm.value_error("byte must be in range(0, 256)")
        } else {
            e
        }
    })?;
    if !(0..256).contains(&i) {
        return Err(vm.value_error("byte must be in range(0, 256)"));
    }
    Ok(i as u8)
}

fn is_index(v: &Value) -> bool {
    as_int(v).is_some() || type_of(v).slots().index.is_some()
}

/// The needle of find/count/index/`in`: an int byte or a bytes-like object.
fn needle(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if is_index(v) {
        return Ok(vec![byte_value(vm, v)?]);
    }
    match bytes_like(vm, v)? {
        Some(b) => Ok(b.into_owned()),
        None => {
            let msg = format!("argument should be integer or bytes-like object, not '{}'", vm.type_name(v));
            Err(vm.type_error(msg))
        }
    }
}

fn owned_bytes_like(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    Ok(require_bytes_like(vm, v)?.into_owned())
}

/// Optional start/end arguments (slice semantics, None allowed).
fn opt_slice_index(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => {
            if !is_index(v) {
                return Err(vm.type_error("slice indices must be integers or None or have an __index__ method"));
            }
            let i = vm.index(v)?;
            Ok(Some(match as_int(&i).and_then(|x| x.to_i64()) {
                Some(x) => x,
                None if as_int(&i).is_some_and(|x| x.is_negative()) => i64::MIN / 2,
                None => i64::MAX / 2,
            }))
        }
    }
}

/// start/end normalized against `len` as CPython's ADJUST_INDICES (end may
/// stay below start: callers treat that as "not found").
fn adjust(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let l = len as i64;
    let norm = |x: i64| -> i64 {
        if x < 0 {
            (x + l).max(0)
        } else {
            x.min(l)
        }
    };
    let s = start.map_or(0, |x| if x < 0 { (x + l).max(0) } else { x });
    let e = end.map_or(l, norm);
    (s as usize, e.max(0) as usize)
}

pub fn find_sub(hay: &[u8], needle: &[u8], start: usize, end: usize) -> Option<usize> {
    if start > hay.len() || end < start || end - start < needle.len() {
        return None;
    }
    let h = &hay[start..end];
    if needle.is_empty() {
        return Some(start);
    }
    // memchr's memmem is linear in the worst case (a windowed compare is O(len * needle)).
    if needle.len() == 1 {
        return memchr::memchr(needle[0], h).map(|i| i + start);
    }
    memchr::memmem::find(h, needle).map(|i| i + start)
}

pub fn rfind_sub(hay: &[u8], needle: &[u8], start: usize, end: usize) -> Option<usize> {
    if start > hay.len() || end < start || end - start < needle.len() {
        return None;
    }
    let h = &hay[start..end];
    if needle.is_empty() {
        return Some(end);
    }
    if needle.len() == 1 {
        return memchr::memrchr(needle[0], h).map(|i| i + start);
    }
    memchr::memmem::rfind(h, needle).map(|i| i + start)
}

fn count_sub(hay: &[u8], needle: &[u8], start: usize, end: usize, limit: usize) -> usize {
    if start > hay.len() || end < start || end - start < needle.len() {
        return 0;
    }
    if needle.is_empty() {
        return (end - start + 1).min(limit);
    }
    // find_iter yields non-overlapping matches, as count() counts them.
    memchr::memmem::find_iter(&hay[start..end], needle).take(limit).count()
}

fn find_common(vm: &mut Vm, args: &[Value], name: &str, reverse: bool) -> PyResult<Option<usize>> {
    arg_count(vm, name, args, 1, 3)?;
    let sub = needle(vm, &args[1])?;
    let start = opt_slice_index(vm, args.get(2))?;
    let end = opt_slice_index(vm, args.get(3))?;
    let data = data_of(&args[0]);
    let (s, e) = adjust(start, end, data.len());
    Ok(if reverse {
        rfind_sub(data, &sub, s, e)
    } else {
        find_sub(data, &sub, s, e)
    })
}

fn b_find(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "find", kw)?;
    Ok(Value::int(find_common(vm, args, "find", false)?.map_or(-1, |i| i as i64)))
}

fn b_rfind(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "rfind", kw)?;
    Ok(Value::int(find_common(vm, args, "rfind", true)?.map_or(-1, |i| i as i64)))
}

fn b_index(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "index", kw)?;
    match find_common(vm, args, "index", false)? {
        Some(i) => Ok(Value::int(i as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}

fn b_rindex(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "rindex", kw)?;
    match find_common(vm, args, "rindex", true)? {
        Some(i) => Ok(Value::int(i as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}

fn b_count(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "count", kw)?;
    arg_count(vm, "count", args, 1, 3)?;
    let sub = needle(vm, &args[1])?;
    let start = opt_slice_index(vm, args.get(2))?;
    let end = opt_slice_index(vm, args.get(3))?;
    let data = data_of(&args[0]);
    let (s, e) = adjust(start, end, data.len());
    Ok(Value::int(count_sub(data, &sub, s, e, usize::MAX) as i64))
}

fn starts_ends(vm: &mut Vm, args: &[Value], name: &str, ends: bool) -> PyResult<Value> {
    arg_count(vm, name, args, 1, 3)?;
    let start = opt_slice_index(vm, args.get(2))?;
    let end = opt_slice_index(vm, args.get(3))?;
    let check = |vm: &mut Vm, this: &Value, c: &[u8]| -> bool {
        let _ = vm;
        let data = data_of(this);
        let (s, e) = adjust(start, end, data.len());
        if s > data.len() || e < s || e - s < c.len() {
            return false;
        }
        if ends {
            &data[e - c.len()..e] == c
        } else {
            &data[s..s + c.len()] == c
        }
    };
    if let Some(t) = args[1].downcast_ref::<TupleObject>() {
        // Items are tried in order; a bad item after a match is never looked at.
        for item in t.items().to_vec() {
            match bytes_like(vm, &item)? {
                Some(b) => {
                    let b = b.into_owned();
                    if check(vm, &args[0], &b) {
                        return Ok(Value::bool(true));
                    }
                }
                None => {
                    let msg = format!("a bytes-like object is required, not '{}'", vm.type_name(&item));
                    return Err(vm.type_error(msg));
                }
            }
        }
        return Ok(Value::bool(false));
    }
    match bytes_like(vm, &args[1])? {
        Some(b) => {
            let b = b.into_owned();
            Ok(Value::bool(check(vm, &args[0], &b)))
        }
        None => {
            let msg = format!(
                "{name} first arg must be bytes or a tuple of bytes, not {}",
                vm.type_name(&args[1])
            );
            Err(vm.type_error(msg))
        }
    }
}

/// CPython's getargs messages for the find family ("find() takes at least 1 argument (0 given)").
pub(crate) fn arg_count(vm: &mut Vm, name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len().saturating_sub(1);
    if n < min {
        let msg = format!(
            "{name}() takes at least {min} argument{} ({n} given)",
            if min == 1 { "" } else { "s" }
        );
        return Err(vm.type_error(msg));
    }
    if n > max {
        return Err(vm.type_error(format!("{name}() takes at most {max} arguments ({n} given)")));
    }
    Ok(())
}

fn b_startswith(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "startswith", kw)?;
    starts_ends(vm, args, "startswith", false)
}

fn b_endswith(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "endswith", kw)?;
    starts_ends(vm, args, "endswith", true)
}

fn str_param(vm: &mut Vm, fname: &str, pname: &str, v: &Option<Value>, default: &str) -> PyResult<String> {
    match v {
        None => Ok(default.to_string()),
        Some(s) => match s.downcast_ref::<StrObject>() {
            Some(so) => Ok(so.to_string_lossy()),
            None => {
                let msg = format!("{fname}() argument '{pname}' must be str, not {}", vm.type_name(s));
                Err(vm.type_error(msg))
            }
        },
    }
}

fn b_decode(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "decode", &args[1..], kw, &["encoding", "errors"], 2, 0)?;
    let enc = str_param(vm, "decode", "encoding", &a[0], "utf-8")?;
    let errors = str_param(vm, "decode", "errors", &a[1], "strict")?;
    if let Some(b) = args[0].downcast_ref::<BytesObject>() {
        // Immutable: no copy needed even if the codec runs Python code.
        return crate::modules::_codecs::decode(vm, b.data(), &enc, &errors);
    }
    let data = data_of(&args[0]).to_vec();
    crate::modules::_codecs::decode(vm, &data, &enc, &errors)
}

fn b_join(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "join", kw)?;
    let [this, iterable] = ArgSpec::exact::<2>(vm, "join", args, 1)?;
    let items = match vm.collect(&iterable) {
        Ok(items) => items,
        Err(e) if e.is_instance(ExcKind::TypeError) && vm.iter(&iterable).is_err() => {
            return Err(vm.type_error("can only join an iterable"));
        }
        Err(e) => return Err(e),
    };
    let mut parts: Vec<Vec<u8>> = Vec::with_capacity(items.len());
    for (i, it) in items.iter().enumerate() {
        match bytes_like(vm, it)? {
            Some(b) => parts.push(b.into_owned()),
            None => {
                let msg = format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    vm.type_name(it)
                );
                return Err(vm.type_error(msg));
            }
        }
    }
    let sep = data_of(&this);
    let mut out = Vec::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(sep);
        }
        out.extend_from_slice(p);
    }
    Ok(wrap(&this, out))
}

fn maxsplit_arg(vm: &mut Vm, v: &Option<Value>) -> PyResult<i64> {
    match v {
        None => Ok(-1),
        Some(v) => vm.index_i64(v),
    }
}

fn split_impl(vm: &mut Vm, args: &[Value], kw: KwNames, name: &str, reverse: bool) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, name, &args[1..], kw, &["sep", "maxsplit"], 2, 0)?;
    let sep = match &a[0] {
        Some(s) if !s.is_none() => Some(owned_bytes_like(vm, s)?),
        _ => None,
    };
    let maxsplit = maxsplit_arg(vm, &a[1])?;
    let limit = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let this = &args[0];
    let data = data_of(this);
    let mut parts: Vec<&[u8]> = Vec::new();
    match sep {
        Some(sep) => {
            if sep.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            if !reverse {
                let mut i = 0;
                while parts.len() < limit {
                    match find_sub(data, &sep, i, data.len()) {
                        Some(p) => {
                            parts.push(&data[i..p]);
                            i = p + sep.len();
                        }
                        None => break,
                    }
                }
                parts.push(&data[i..]);
            } else {
                let mut end = data.len();
                while parts.len() < limit {
                    match rfind_sub(data, &sep, 0, end) {
                        Some(p) => {
                            parts.push(&data[p + sep.len()..end]);
                            end = p;
                        }
                        None => break,
                    }
                }
                parts.push(&data[..end]);
                parts.reverse();
            }
        }
        None => {
            if !reverse {
                let mut i = 0;
                let n = data.len();
                loop {
                    while i < n && is_ascii_space(data[i]) {
                        i += 1;
                    }
                    if i == n {
                        break;
                    }
                    if parts.len() == limit {
                        parts.push(&data[i..n]);
                        break;
                    }
                    let s = i;
                    while i < n && !is_ascii_space(data[i]) {
                        i += 1;
                    }
                    parts.push(&data[s..i]);
                }
            } else {
                let mut e = data.len();
                loop {
                    while e > 0 && is_ascii_space(data[e - 1]) {
                        e -= 1;
                    }
                    if e == 0 {
                        break;
                    }
                    if parts.len() == limit {
                        parts.push(&data[..e]);
                        break;
                    }
                    let stop = e;
                    while e > 0 && !is_ascii_space(data[e - 1]) {
                        e -= 1;
                    }
                    parts.push(&data[e..stop]);
                }
                parts.reverse();
            }
        }
    }
    let ba = is_bytearray(this);
    let items: Vec<Value> = parts
        .into_iter()
        .map(|p| if ba { new_bytearray(p.to_vec()) } else { new_bytes(p) })
        .collect();
    Ok(new_list(items))
}

fn b_split(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    split_impl(vm, args, kw, "split", false)
}

fn b_rsplit(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    split_impl(vm, args, kw, "rsplit", true)
}

fn strip_impl(vm: &mut Vm, args: &[Value], kw: KwNames, name: &str, left: bool, right: bool) -> PyResult<Value> {
    check_no_kwargs(vm, name, kw)?;
    ArgSpec::range(vm, name, args, 1, 0, 1)?;
    let chars = match args.get(1) {
        Some(c) if !c.is_none() => Some(owned_bytes_like(vm, c)?),
        _ => None,
    };
    let this = &args[0];
    let data = data_of(this);
    let strip = |b: u8| match &chars {
        Some(c) => c.contains(&b),
        None => is_ascii_space(b),
    };
    let mut s = 0;
    let mut e = data.len();
    if left {
        while s < e && strip(data[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && strip(data[e - 1]) {
            e -= 1;
        }
    }
    if s == 0 && e == data.len() && crate::typeobj::is_exact(this, &BYTES_TYPE) {
        return Ok(this.clone());
    }
    Ok(wrap(this, data[s..e].to_vec()))
}

fn b_strip(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    strip_impl(vm, args, kw, "strip", true, true)
}

fn b_lstrip(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    strip_impl(vm, args, kw, "lstrip", true, false)
}

fn b_rstrip(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    strip_impl(vm, args, kw, "rstrip", false, true)
}

fn map_bytes(args: &[Value], f: impl Fn(&[u8]) -> Vec<u8>) -> Value {
    let this = &args[0];
    wrap(this, f(data_of(this)))
}

fn b_lower(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    ArgSpec::range(vm, "lower", args, 1, 0, 0)?;
    check_no_kwargs(vm, "lower", kw)?;
    Ok(map_bytes(args, |d| d.to_ascii_lowercase()))
}

fn b_upper(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    ArgSpec::range(vm, "upper", args, 1, 0, 0)?;
    check_no_kwargs(vm, "upper", kw)?;
    Ok(map_bytes(args, |d| d.to_ascii_uppercase()))
}

fn b_swapcase(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    ArgSpec::range(vm, "swapcase", args, 1, 0, 0)?;
    check_no_kwargs(vm, "swapcase", kw)?;
    Ok(map_bytes(args, |d| {
        d.iter()
            .map(|&b| {
                if b.is_ascii_lowercase() {
                    b.to_ascii_uppercase()
                } else {
                    b.to_ascii_lowercase()
                }
            })
            .collect()
    }))
}

fn b_capitalize(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    ArgSpec::range(vm, "capitalize", args, 1, 0, 0)?;
    check_no_kwargs(vm, "capitalize", kw)?;
    Ok(map_bytes(args, |d| {
        d.iter()
            .enumerate()
            .map(|(i, &b)| if i == 0 { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() })
            .collect()
    }))
}

fn b_title(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    ArgSpec::range(vm, "title", args, 1, 0, 0)?;
    check_no_kwargs(vm, "title", kw)?;
    Ok(map_bytes(args, |d| {
        let mut prev_cased = false;
        d.iter()
            .map(|&b| {
                let r = if b.is_ascii_alphabetic() {
                    if prev_cased {
                        b.to_ascii_lowercase()
                    } else {
                        b.to_ascii_uppercase()
                    }
                } else {
                    b
                };
                prev_cased = b.is_ascii_alphabetic();
                r
            })
            .collect()
    }))
}

fn pred(vm: &mut Vm, args: &[Value], name: &str, f: impl Fn(&[u8]) -> bool) -> PyResult<Value> {
    ArgSpec::range(vm, name, args, 1, 0, 0)?;
    Ok(Value::bool(f(data_of(&args[0]))))
}

fn b_isalnum(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    pred(vm, args, "isalnum", |d| !d.is_empty() && d.iter().all(|b| b.is_ascii_alphanumeric()))
}
fn b_isalpha(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    pred(vm, args, "isalpha", |d| !d.is_empty() && d.iter().all(|b| b.is_ascii_alphabetic()))
}
fn b_isascii(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    pred(vm, args, "isascii", |d| d.is_ascii())
}
fn b_isdigit(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    pred(vm, args, "isdigit", |d| !d.is_empty() && d.iter().all(|b| b.is_ascii_digit()))
}
fn b_isspace(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    pred(vm, args, "isspace", |d| !d.is_empty() && d.iter().all(|&b| is_ascii_space(b)))
}
fn b_islower(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    pred(vm, args, "islower", |d| {
        d.iter().any(|b| b.is_ascii_lowercase()) && !d.iter().any(|b| b.is_ascii_uppercase())
    })
}
fn b_isupper(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    pred(vm, args, "isupper", |d| {
        d.iter().any(|b| b.is_ascii_uppercase()) && !d.iter().any(|b| b.is_ascii_lowercase())
    })
}
fn b_istitle(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    pred(vm, args, "istitle", |d| {
        let mut cased = false;
        let mut prev_cased = false;
        for &b in d {
            if b.is_ascii_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else if b.is_ascii_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else {
                prev_cased = false;
            }
        }
        cased
    })
}

fn fill_arg(vm: &mut Vm, fname: &str, v: Option<&Value>) -> PyResult<u8> {
    let Some(v) = v else { return Ok(b' ') };
    let single = if let Some(b) = v.downcast_ref::<BytesObject>() {
        (b.len() == 1).then(|| b.data()[0])
    } else if let Some(b) = v.downcast_ref::<ByteArrayObject>() {
        (b.len() == 1).then(|| b.data()[0])
    } else {
        None
    };
    match single {
        Some(c) => Ok(c),
        None => {
            let msg = format!(
                "{fname}() argument 2 must be a byte string of length 1, not {}",
                vm.type_name(v)
            );
            Err(vm.type_error(msg))
        }
    }
}

fn width_arg(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let w = vm.index_i64(v)?;
    Ok(w.max(0) as usize)
}

fn pad(vm: &mut Vm, args: &[Value], kw: KwNames, name: &str, how: u8) -> PyResult<Value> {
    check_no_kwargs(vm, name, kw)?;
    ArgSpec::range(vm, name, args, 1, 1, 2)?;
    let width = width_arg(vm, &args[1])?;
    let fill = fill_arg(vm, name, args.get(2))?;
    let this = &args[0];
    let data = data_of(this);
    if data.len() >= width {
        if crate::typeobj::is_exact(this, &BYTES_TYPE) {
            return Ok(this.clone());
        }
        return Ok(wrap(this, data.to_vec()));
    }
    crate::object::check_allocation(vm, width as u128)?;
    let total = width - data.len();
    let left = match how {
        b'l' => 0,
        b'r' => total,
        // CPython's center: the odd extra goes left when width is odd.
        _ => total / 2 + (total & width & 1),
    };
    let mut out = Vec::with_capacity(width);
    out.resize(left, fill);
    out.extend_from_slice(data);
    out.resize(width, fill);
    Ok(wrap(this, out))
}

fn b_center(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    pad(vm, args, kw, "center", b'c')
}
fn b_ljust(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    pad(vm, args, kw, "ljust", b'l')
}
fn b_rjust(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    pad(vm, args, kw, "rjust", b'r')
}

fn b_zfill(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "zfill", kw)?;
    let [this, w] = ArgSpec::exact::<2>(vm, "zfill", args, 1)?;
    let width = width_arg(vm, &w)?;
    let data = data_of(&this);
    if data.len() >= width {
        return Ok(wrap(&this, data.to_vec()));
    }
    crate::object::check_allocation(vm, width as u128)?;
    let fill = width - data.len();
    let mut out = Vec::with_capacity(width);
    let (sign, rest) = match data.first() {
        Some(&c @ (b'+' | b'-')) => (Some(c), &data[1..]),
        _ => (None, data),
    };
    out.extend(sign);
    out.resize(out.len() + fill, b'0');
    out.extend_from_slice(rest);
    Ok(wrap(&this, out))
}

fn b_expandtabs(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "expandtabs", &args[1..], kw, &["tabsize"], 1, 0)?;
    let tab = match &a[0] {
        Some(v) => vm.index_i64(v)?,
        None => 8,
    };
    let data = data_of(&args[0]);
    let mut out = Vec::with_capacity(data.len());
    let mut col: i64 = 0;
    for &b in data {
        match b {
            b'\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    out.resize(out.len() + n as usize, b' ');
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(b);
                col = 0;
            }
            _ => {
                out.push(b);
                col += 1;
            }
        }
    }
    Ok(wrap(&args[0], out))
}

fn b_splitlines(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "splitlines", &args[1..], kw, &["keepends"], 1, 0)?;
    let keep = match &a[0] {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    let this = &args[0];
    let data = data_of(this);
    let mut parts: Vec<&[u8]> = Vec::new();
    let mut i = 0;
    let n = data.len();
    while i < n {
        let s = i;
        while i < n && data[i] != b'\n' && data[i] != b'\r' {
            i += 1;
        }
        let mut eol = i;
        if i < n {
            if data[i] == b'\r' && i + 1 < n && data[i + 1] == b'\n' {
                i += 2;
            } else {
                i += 1;
            }
            if keep {
                eol = i;
            }
        }
        parts.push(&data[s..eol]);
    }
    let ba = is_bytearray(this);
    Ok(new_list(
        parts
            .into_iter()
            .map(|p| if ba { new_bytearray(p.to_vec()) } else { new_bytes(p) })
            .collect(),
    ))
}

fn partition_impl(vm: &mut Vm, args: &[Value], kw: KwNames, name: &str, reverse: bool) -> PyResult<Value> {
    check_no_kwargs(vm, name, kw)?;
    let [this, sepv] = ArgSpec::exact::<2>(vm, name, args, 1)?;
    let sep = owned_bytes_like(vm, &sepv)?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let data = data_of(&this);
    let found = if reverse {
        rfind_sub(data, &sep, 0, data.len())
    } else {
        find_sub(data, &sep, 0, data.len())
    };
    let mk = |d: &[u8]| wrap(&this, d.to_vec());
    let parts = match found {
        Some(p) => vec![mk(&data[..p]), mk(&sep), mk(&data[p + sep.len()..])],
        None if reverse => vec![mk(b""), mk(b""), mk(data)],
        None => vec![mk(data), mk(b""), mk(b"")],
    };
    Ok(new_tuple(parts))
}

fn b_partition(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    partition_impl(vm, args, kw, "partition", false)
}
fn b_rpartition(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    partition_impl(vm, args, kw, "rpartition", true)
}

fn b_replace(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "replace", kw)?;
    ArgSpec::range(vm, "replace", args, 1, 2, 3)?;
    let old = owned_bytes_like(vm, &args[1])?;
    let new = owned_bytes_like(vm, &args[2])?;
    let count = match args.get(3) {
        Some(v) => vm.index_i64(v)?,
        None => -1,
    };
    let limit = if count < 0 { usize::MAX } else { count as usize };
    let data = data_of(&args[0]);
    let mut out = Vec::with_capacity(data.len());
    if old.is_empty() {
        let mut n = 0;
        for (i, &b) in data.iter().enumerate() {
            if n < limit {
                out.extend_from_slice(&new);
                n += 1;
            }
            out.push(b);
            let _ = i;
        }
        if n < limit {
            out.extend_from_slice(&new);
        }
        return Ok(wrap(&args[0], out));
    }
    let mut i = 0;
    let mut n = 0;
    while n < limit {
        match find_sub(data, &old, i, data.len()) {
            Some(p) => {
                out.extend_from_slice(&data[i..p]);
                out.extend_from_slice(&new);
                i = p + old.len();
                n += 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&data[i..]);
    Ok(wrap(&args[0], out))
}

fn b_removeprefix(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "removeprefix", kw)?;
    let [this, p] = ArgSpec::exact::<2>(vm, "removeprefix", args, 1)?;
    let p = owned_bytes_like(vm, &p)?;
    let data = data_of(&this);
    match data.strip_prefix(p.as_slice()) {
        Some(rest) if !p.is_empty() => Ok(wrap(&this, rest.to_vec())),
        _ if crate::typeobj::is_exact(&this, &BYTES_TYPE) => Ok(this.clone()),
        _ => Ok(wrap(&this, data.to_vec())),
    }
}

fn b_removesuffix(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "removesuffix", kw)?;
    let [this, p] = ArgSpec::exact::<2>(vm, "removesuffix", args, 1)?;
    let p = owned_bytes_like(vm, &p)?;
    let data = data_of(&this);
    match data.strip_suffix(p.as_slice()) {
        Some(rest) if !p.is_empty() => Ok(wrap(&this, rest.to_vec())),
        _ if crate::typeobj::is_exact(&this, &BYTES_TYPE) => Ok(this.clone()),
        _ => Ok(wrap(&this, data.to_vec())),
    }
}

fn b_translate(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "translate", &args[1..], kw, &["table", "delete"], 2, 1)?;
    let table = match &a[0] {
        Some(t) if !t.is_none() => {
            let t = owned_bytes_like(vm, t)?;
            if t.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
        _ => None,
    };
    let delete = match &a[1] {
        Some(d) => owned_bytes_like(vm, d)?,
        None => Vec::new(),
    };
    let mut del = [false; 256];
    for &b in &delete {
        del[b as usize] = true;
    }
    let data = data_of(&args[0]);
    let out: Vec<u8> = data
        .iter()
        .filter(|&&b| !del[b as usize])
        .map(|&b| table.as_ref().map_or(b, |t| t[b as usize]))
        .collect();
    Ok(wrap(&args[0], out))
}

fn b_maketrans(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "maketrans", kw)?;
    let [from, to] = ArgSpec::exact::<2>(vm, "maketrans", args, 0)?;
    let from = owned_bytes_like(vm, &from)?;
    let to = owned_bytes_like(vm, &to)?;
    if from.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (f, t) in from.iter().zip(to.iter()) {
        table[*f as usize] = *t;
    }
    Ok(new_bytes(&table))
}

/// `hex([sep[, bytes_per_sep]])` shared with memoryview.
pub fn hex_with_sep(vm: &mut Vm, data: &[u8], sep: Option<&Value>, per: Option<&Value>) -> PyResult<Value> {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let sep_byte = match sep {
        None => None,
        Some(s) => {
            let n = vm.len(s)?;
            if n != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            let c = if let Some(so) = s.downcast_ref::<StrObject>() {
                so.get(0)
            } else if let Some(b) = bytes_like(vm, s)? {
                b.first().copied().unwrap_or(0) as u32
            } else {
                return Err(vm.type_error("sep must be str or bytes."));
            };
            if c > 127 {
                return Err(vm.value_error("sep must be ASCII."));
            }
            Some(c as u8)
        }
    };
    let per = match per {
        Some(p) => vm.index_i64(p)?,
        None => 1,
    };
    let mut out = Vec::with_capacity(data.len() * 3);
    let group = per.unsigned_abs() as usize;
    match sep_byte {
        Some(sep) if group > 0 && data.len() > group => {
            // Groups are counted from the right for a positive count, from the left for a negative one.
            let n = data.len();
            for (i, &b) in data.iter().enumerate() {
                let boundary = if per > 0 { (n - i) % group == 0 } else { i % group == 0 };
                if i > 0 && boundary {
                    out.push(sep);
                }
                out.push(DIGITS[(b >> 4) as usize]);
                out.push(DIGITS[(b & 15) as usize]);
            }
        }
        _ => {
            for &b in data {
                out.push(DIGITS[(b >> 4) as usize]);
                out.push(DIGITS[(b & 15) as usize]);
            }
        }
    }
    // Only ASCII bytes were written.
    Ok(new_str(std::str::from_utf8(&out).unwrap_or("")))
}

fn b_hex(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "hex", &args[1..], kw, &["sep", "bytes_per_sep"], 2, 0)?;
    let data = data_of(&args[0]).to_vec();
    hex_with_sep(vm, &data, a[0].as_ref(), a[1].as_ref())
}

fn hex_digit(c: u32) -> Option<u8> {
    char::from_u32(c).and_then(|c| c.to_digit(16)).map(|d| d as u8)
}

fn parse_fromhex(vm: &mut Vm, s: &StrObject) -> PyResult<Vec<u8>> {
    let cps: Vec<u32> = s.code_points().collect();
    let mut out = Vec::with_capacity(cps.len() / 2);
    let mut i = 0;
    let n = cps.len();
    let is_space = |c: u32| c < 128 && is_ascii_space(c as u8);
    while i < n {
        if is_space(cps[i]) {
            i += 1;
            continue;
        }
        let Some(hi) = hex_digit(cps[i]) else {
            return Err(vm.value_error(format!("non-hexadecimal number found in fromhex() arg at position {i}")));
        };
        let Some(lo) = cps.get(i + 1).copied().and_then(hex_digit) else {
            return Err(vm.value_error(format!(
                "non-hexadecimal number found in fromhex() arg at position {}",
                i + 1
            )));
        };
        out.push(hi * 16 + lo);
        i += 2;
    }
    Ok(out)
}

fn b_fromhex(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "fromhex", kw)?;
    let [cls, s] = ArgSpec::exact::<2>(vm, "fromhex", args, 1)?;
    let Some(so) = s.downcast_ref::<StrObject>() else {
        let msg = format!("fromhex() argument must be str, not {}", vm.type_name(&s));
        return Err(vm.type_error(msg));
    };
    let data = parse_fromhex(vm, so)?;
    let is_ba = cls.is(&BYTEARRAY_TYPE.get().as_value());
    if cls.is(&BYTES_TYPE.get().as_value()) {
        return Ok(new_bytes(&data));
    }
    if is_ba {
        return Ok(new_bytearray(data));
    }
    // A subclass: cls(result), as CPython does.
    let base_is_ba = cls
        .downcast_ref::<TypeObject>()
        .is_some_and(|t| t.is_subtype(BYTEARRAY_TYPE.get()));
    let v = if base_is_ba { new_bytearray(data) } else { new_bytes(&data) };
    vm.call(&cls, &[v], None)
}

fn b_getnewargs(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    ArgSpec::range(vm, "__getnewargs__", args, 1, 0, 0)?;
    Ok(new_tuple(vec![new_bytes(data_of(&args[0]))]))
}

fn b_bytes_dunder(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    ArgSpec::range(vm, "__bytes__", args, 1, 0, 0)?;
    if crate::typeobj::is_exact(&args[0], &BYTES_TYPE) {
        return Ok(args[0].clone());
    }
    Ok(new_bytes(data_of(&args[0])))
}

// ---- slots shared by bytes and bytearray ----

fn b_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let data = data_of(v);
    if is_bytearray(v) {
        // bytearray's repr escapes every single quote, whichever quote it uses.
        let quote = if data.contains(&b'\'') && !data.contains(&b'"') { '"' } else { '\'' };
        let mut body = String::with_capacity(data.len() + 3);
        body.push('b');
        body.push(quote);
        for &c in data {
            match c {
                b'\'' | b'\\' => {
                    body.push('\\');
                    body.push(c as char);
                }
                b'\t' => body.push_str("\\t"),
                b'\n' => body.push_str("\\n"),
                b'\r' => body.push_str("\\r"),
                0x20..=0x7e => body.push(c as char),
                _ => body.push_str(&format!("\\x{c:02x}")),
            }
        }
        body.push(quote);
        let name = type_of(v).name_string();
        return Ok(new_str(&format!("{name}({body})")));
    }
    Ok(new_str(&pyrite_repr::bytes_repr(data)))
}

fn b_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(data_of(v).len())
}

fn bytes_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    Ok(v.downcast_ref::<BytesObject>().map_or(0, |b| b.hash()))
}

fn unhashable(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let msg = format!("unhashable type: '{}'", vm.type_name(v));
    Err(vm.type_error(msg))
}

fn bytes_richcompare(_vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast_ref::<BytesObject>(), b.downcast_ref::<BytesObject>()) else {
        return Ok(not_implemented());
    };
    Ok(Value::bool(op.test(x.data().cmp(y.data()))))
}

fn bytearray_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    // Any bytes-like operand compares by content; others are not comparable.
    let Some(x) = bytes_like(vm, a)? else {
        return Ok(not_implemented());
    };
    let x = x.into_owned();
    let Some(y) = bytes_like(vm, b)? else {
        return Ok(not_implemented());
    };
    Ok(Value::bool(op.test(x.as_slice().cmp(&y))))
}

fn b_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    if let Some(i) = key.as_small_int() {
        let data = data_of(v);
        return match normalize_index(i, data.len()) {
            Some(ix) => Ok(Value::int(data[ix] as i64)),
            None => Err(index_error(vm, v)),
        };
    }
    if let Some(sl) = key.downcast_ref::<SliceObject>() {
        let len = data_of(v).len();
        let (start, _stop, step, n) = slice_indices(vm, sl, len)?;
        let data = data_of(v);
        let out: Vec<u8> = if step == 1 {
            data.get(start as usize..start as usize + n).map(|s| s.to_vec()).unwrap_or_default()
        } else {
            (0..n)
                .filter_map(|k| data.get((start + k as i64 * step) as usize).copied())
                .collect()
        };
        if n == len && step == 1 && crate::typeobj::is_exact(v, &BYTES_TYPE) {
            return Ok(v.clone());
        }
        return Ok(wrap(v, out));
    }
    if !is_index(key) {
        let what = if is_bytearray(v) { "bytearray" } else { "byte" };
        let msg = format!("{what} indices must be integers or slices, not {}", vm.type_name(key));
        return Err(vm.type_error(msg));
    }
    let i = vm.index_i64(key)?;
    let data = data_of(v);
    match normalize_index(i, data.len()) {
        Some(ix) => Ok(Value::int(data[ix] as i64)),
        None => Err(index_error(vm, v)),
    }
}

fn index_error(vm: &mut Vm, v: &Value) -> crate::exception::PyErr {
    if is_bytearray(v) {
        vm.new_error(ExcKind::IndexError, "bytearray index out of range")
    } else {
        vm.new_error(ExcKind::IndexError, "index out of range")
    }
}

fn b_concat(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let Some(y) = bytes_like(vm, b).ok().flatten() else {
        let msg = format!("can't concat {} to {}", vm.type_name(b), kind_name(a));
        return Err(vm.type_error(msg));
    };
    let y = y.into_owned();
    let x = data_of(a);
    let mut out = Vec::with_capacity(x.len() + y.len());
    out.extend_from_slice(x);
    out.extend_from_slice(&y);
    Ok(wrap(a, out))
}

/// `data * k`, or MemoryError when the result cannot be allocated (never an
/// abort: the size is checked against the machine and the allocation is
/// fallible).
fn repeat_bytes(vm: &mut Vm, data: &[u8], k: usize) -> PyResult<Vec<u8>> {
    let Some(total) = data.len().checked_mul(k) else {
        return Err(vm.new_error(ExcKind::MemoryError, ""));
    };
    if crate::object::allocation_exceeds_memory(total as u128) {
        return Err(vm.new_error(ExcKind::MemoryError, ""));
    }
    let mut out: Vec<u8> = Vec::new();
    if out.try_reserve_exact(total).is_err() {
        return Err(vm.new_error(ExcKind::MemoryError, ""));
    }
    for _ in 0..k {
        out.extend_from_slice(data);
    }
    Ok(out)
}

fn b_repeat(vm: &mut Vm, a: &Value, n: &Value) -> PyResult<Value> {
    let k = repeat_count(vm, n)?;
    if k == 1 && crate::typeobj::is_exact(a, &BYTES_TYPE) {
        return Ok(a.clone());
    }
    let out = repeat_bytes(vm, data_of(a), k)?;
    Ok(wrap(a, out))
}

fn b_contains(vm: &mut Vm, v: &Value, x: &Value) -> PyResult<bool> {
    let sub = if is_index(x) {
        vec![byte_value(vm, x)?]
    } else {
        owned_bytes_like(vm, x)?
    };
    let data = data_of(v);
    Ok(find_sub(data, &sub, 0, data.len()).is_some())
}

fn b_mod(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if a.downcast_ref::<BytesObject>().is_none() && a.downcast_ref::<ByteArrayObject>().is_none() {
        return Ok(not_implemented());
    }
    let fmt = data_of(a).to_vec();
    let out = crate::types::printf::bytes_percent_format(vm, &fmt, b)?;
    Ok(wrap(a, out))
}

fn bytes_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_seq_iter(BYTES_ITER_TYPE.get(), v.clone()))
}

fn bytearray_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_seq_iter(BYTEARRAY_ITER_TYPE.get(), v.clone()))
}

fn byte_iter_next(_vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let Some(si) = it.downcast_ref::<SeqIter>() else {
        return Ok(None);
    };
    let seq = si.seq();
    let i = si.index.get();
    match data_of(&seq).get(i) {
        Some(&b) if !seq.is_null() => {
            si.index.set(i + 1);
            Ok(Some(Value::int(b as i64)))
        }
        _ => {
            si.finish();
            Ok(None)
        }
    }
}

fn byte_iter_length_hint(_vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let Some(si) = args.first().and_then(|v| v.downcast_ref::<SeqIter>()) else {
        return Ok(Value::int(0));
    };
    let seq = si.seq();
    if seq.is_null() {
        return Ok(Value::int(0));
    }
    Ok(Value::int(data_of(&seq).len().saturating_sub(si.index.get()) as i64))
}

// ---- construction ----

/// The bytes of `bytes(x)` / `bytearray(x)` for a non-str, non-int source:
/// a buffer, or an iterable of ints in range(256).
fn bytes_from_source(vm: &mut Vm, x: &Value, target: &str) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(vm, x)? {
        return Ok(b.into_owned());
    }
    if x.downcast_ref::<StrObject>().is_some() {
        let msg = format!("cannot convert '{}' object to {target}", vm.type_name(x));
        return Err(vm.type_error(msg));
    }
    let it = match vm.iter(x) {
        Ok(it) => it,
        Err(e) if e.is_instance(ExcKind::TypeError) => {
            let msg = format!("cannot convert '{}' object to {target}", vm.type_name(x));
            return Err(vm.type_error(msg));
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(item) = vm.next(&it)? {
        let v = crate::objects::int::index_ssize(vm, &item).map_err(|e| {
            if e.is_instance(ExcKind::OverflowError) {
                vm.value_error(if target == "bytes" {
                    "bytes must be in range(0, 256)"
                } else {
                    "byte must be in range(0, 256)"
                })
            } else {
                e
            }
        })?;
        if !(0..256).contains(&v) {
            return Err(vm.value_error(if target == "bytes" {
                "bytes must be in range(0, 256)"
            } else {
                "byte must be in range(0, 256)"
            }));
        }
        out.push(v as u8);
    }
    Ok(out)
}

fn count_from_index(vm: &mut Vm, x: &Value) -> PyResult<usize> {
    let k = vm.index(x)?;
    match as_int(&k).and_then(|i| i.to_i64()) {
        Some(k) if k < 0 => Err(vm.value_error("negative count")),
        Some(k) if k < (1 << 40) => Ok(k as usize),
        Some(_) => Err(vm.new_error(ExcKind::MemoryError, "")),
        None if as_int(&k).is_some_and(|i| i.is_negative()) => Err(vm.value_error("negative count")),
        None => Err(vm.new_error(
            ExcKind::OverflowError,
            format!("cannot fit '{}' into an index-sized integer", vm.type_name(x)),
        )),
    }
}

/// Common argument checks of bytes()/bytearray(): the data, or None when a
/// str source with an encoding was given (encoded by the caller).
fn construct_data(vm: &mut Vm, a: &[Option<Value>], target: &str) -> PyResult<Vec<u8>> {
    // The argument clinic checks that encoding and errors are str first.
    str_param(vm, target, "encoding", &a[1], "utf-8")?;
    str_param(vm, target, "errors", &a[2], "strict")?;
    let Some(x) = &a[0] else {
        if a[1].is_some() {
            return Err(vm.type_error("encoding without a string argument"));
        }
        if a[2].is_some() {
            return Err(vm.type_error("errors without a string argument"));
        }
        return Ok(Vec::new());
    };
    if let Some(enc) = &a[1] {
        if x.downcast_ref::<StrObject>().is_none() {
            return Err(vm.type_error("encoding without a string argument"));
        }
        let enc = str_param(vm, target, "encoding", &Some(enc.clone()), "utf-8")?;
        let errors = str_param(vm, target, "errors", &a[2], "strict")?;
        let r = crate::modules::_codecs::encode(vm, x, &enc, &errors)?;
        return Ok(data_of(&r).to_vec());
    }
    if a[2].is_some() {
        if x.downcast_ref::<StrObject>().is_none() {
            return Err(vm.type_error("errors without a string argument"));
        }
        return Err(vm.type_error("string argument without an encoding"));
    }
    if target == "bytes" {
        if let Some(r) = vm.call_special(x, "__bytes__", &[])? {
            if r.downcast_ref::<BytesObject>().is_none() {
                let msg = format!("__bytes__ returned non-bytes (type {})", vm.type_name(&r));
                return Err(vm.type_error(msg));
            }
            return Ok(data_of(&r).to_vec());
        }
    }
    if x.downcast_ref::<StrObject>().is_some() {
        return Err(vm.type_error("string argument without an encoding"));
    }
    if is_index(x) {
        let n = count_from_index(vm, x)?;
        crate::object::check_allocation(vm, n as u128)?;
        return Ok(vec![0u8; n]);
    }
    bytes_from_source(vm, x, target)
}

fn bytes_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "bytes", args, kwnames, &["source", "encoding", "errors"], 3, 0)?;
    let ty = cls.downcast_ref::<TypeObject>().unwrap_or(BYTES_TYPE.get());
    // bytes(b) of an exact bytes is b itself.
    if let (Some(x), None, None) = (&a[0], &a[1], &a[2]) {
        if crate::typeobj::is_exact(x, &BYTES_TYPE) && std::ptr::eq(ty, BYTES_TYPE.get()) {
            return Ok(x.clone());
        }
    }
    let data = construct_data(vm, &a, "bytes")?;
    Ok(new_bytes_typed(ty, data.into_boxed_slice()))
}

fn bytearray_new(_vm: &mut Vm, cls: &Value, _args: &[Value], _kwnames: KwNames) -> PyResult<Value> {
    let ty = cls.downcast_ref::<TypeObject>().unwrap_or(BYTEARRAY_TYPE.get());
    Ok(new_bytearray_typed(ty, Vec::new()))
}

fn bytearray_init(vm: &mut Vm, obj: &Value, args: &[Value], kwnames: KwNames) -> PyResult<()> {
    let a = ArgSpec::parse(vm, "bytearray", args, kwnames, &["source", "encoding", "errors"], 3, 0)?;
    let data = construct_data(vm, &a, "bytearray")?;
    let Some(ba) = obj.downcast_ref::<ByteArrayObject>() else {
        return Ok(());
    };
    check_resizable(vm, ba)?;
    *ba.vec_mut() = data;
    Ok(())
}

// ---- bytearray mutators ----

fn ba_of(v: &Value) -> Option<&ByteArrayObject> {
    v.downcast_ref::<ByteArrayObject>()
}

fn check_resizable(vm: &mut Vm, ba: &ByteArrayObject) -> PyResult<()> {
    if ba.exports() > 0 {
        return Err(vm.new_error(
            ExcKind::BufferError,
            "Existing exports of data: object cannot be re-sized",
        ));
    }
    Ok(())
}

fn ba_self<'a>(vm: &mut Vm, args: &'a [Value], name: &str) -> PyResult<&'a ByteArrayObject> {
    match args.first().and_then(ba_of) {
        Some(b) => Ok(b),
        None => Err(vm.type_error(format!("descriptor '{name}' requires a 'bytearray' object"))),
    }
}

fn ba_append(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "append", kw)?;
    let [this, item] = ArgSpec::exact::<2>(vm, "append", args, 1)?;
    let b = byte_value(vm, &item)?;
    let ba = ba_self(vm, args, "append")?;
    check_resizable(vm, ba)?;
    ba.vec_mut().push(b);
    drop(this);
    Ok(none())
}

fn ba_extend(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "extend", kw)?;
    let [_this, src] = ArgSpec::exact::<2>(vm, "extend", args, 1)?;
    let data = match bytes_like(vm, &src)? {
        Some(b) => b.into_owned(),
        None => {
            if src.downcast_ref::<StrObject>().is_none() && vm.iter(&src).is_err() {
                let msg = format!("can't extend bytearray with {}", vm.type_name(&src));
                return Err(vm.type_error(msg));
            }
            let items = vm.collect(&src)?;
            let mut out = Vec::with_capacity(items.len());
            for it in items {
                out.push(byte_value(vm, &it)?);
            }
            out
        }
    };
    let ba = ba_self(vm, args, "extend")?;
    check_resizable(vm, ba)?;
    ba.vec_mut().extend_from_slice(&data);
    Ok(none())
}

fn ba_insert(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "insert", kw)?;
    let [_this, idx, item] = ArgSpec::exact::<3>(vm, "insert", args, 1)?;
    let i = vm.index_i64(&idx)?;
    let b = byte_value(vm, &item)?;
    let ba = ba_self(vm, args, "insert")?;
    check_resizable(vm, ba)?;
    let n = ba.len() as i64;
    let pos = if i < 0 { (i + n).max(0) } else { i.min(n) };
    ba.vec_mut().insert(pos as usize, b);
    Ok(none())
}

fn ba_pop(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "pop", kw)?;
    ArgSpec::range(vm, "pop", args, 1, 0, 1)?;
    let i = match args.get(1) {
        Some(v) => vm.index_i64(v)?,
        None => -1,
    };
    let ba = ba_self(vm, args, "pop")?;
    if ba.is_empty() {
        return Err(vm.new_error(ExcKind::IndexError, "pop from empty bytearray"));
    }
    let Some(ix) = normalize_index(i, ba.len()) else {
        return Err(vm.new_error(ExcKind::IndexError, "pop index out of range"));
    };
    check_resizable(vm, ba)?;
    let b = ba.vec_mut().remove(ix);
    Ok(Value::int(b as i64))
}

fn ba_remove(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "remove", kw)?;
    let [_this, item] = ArgSpec::exact::<2>(vm, "remove", args, 1)?;
    let b = byte_value(vm, &item)?;
    let ba = ba_self(vm, args, "remove")?;
    let Some(ix) = ba.data().iter().position(|&x| x == b) else {
        return Err(vm.value_error("value not found in bytearray"));
    };
    check_resizable(vm, ba)?;
    ba.vec_mut().remove(ix);
    Ok(none())
}

fn ba_reverse(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "reverse", kw)?;
    ArgSpec::range(vm, "reverse", args, 1, 0, 0)?;
    let ba = ba_self(vm, args, "reverse")?;
    ba.data_mut().reverse();
    Ok(none())
}

fn ba_clear(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "clear", kw)?;
    ArgSpec::range(vm, "clear", args, 1, 0, 0)?;
    let ba = ba_self(vm, args, "clear")?;
    check_resizable(vm, ba)?;
    ba.vec_mut().clear();
    Ok(none())
}

fn ba_copy(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "copy", kw)?;
    ArgSpec::range(vm, "copy", args, 1, 0, 0)?;
    let ba = ba_self(vm, args, "copy")?;
    Ok(new_bytearray(ba.data().to_vec()))
}

fn ba_iadd(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let Some(ba) = ba_of(a) else {
        return Ok(not_implemented());
    };
    let Some(y) = bytes_like(vm, b)? else {
        let msg = format!("can't concat {} to {}", vm.type_name(b), vm.type_name(a));
        return Err(vm.type_error(msg));
    };
    let y = y.into_owned();
    check_resizable(vm, ba)?;
    ba.vec_mut().extend_from_slice(&y);
    Ok(a.clone())
}

fn ba_imul(vm: &mut Vm, a: &Value, n: &Value) -> PyResult<Value> {
    let Some(ba) = ba_of(a) else {
        return Ok(not_implemented());
    };
    if !is_index(n) {
        return Ok(not_implemented());
    }
    let k = repeat_count(vm, n)?;
    check_resizable(vm, ba)?;
    let rep = repeat_bytes(vm, ba.data(), k)?;
    *ba.vec_mut() = rep;
    Ok(a.clone())
}

/// The bytes assigned to a bytearray slice.
fn assigned_bytes(vm: &mut Vm, target: &Value, v: &Value) -> PyResult<Vec<u8>> {
    if v.is(target) {
        return Ok(data_of(target).to_vec());
    }
    if let Some(b) = bytes_like(vm, v)? {
        return Ok(b.into_owned());
    }
    let bad = || "can assign only bytes, buffers, or iterables of ints in range(0, 256)";
    if v.downcast_ref::<StrObject>().is_some() || is_index(v) {
        return Err(vm.type_error(bad()));
    }
    let items = match vm.collect(v) {
        Ok(items) => items,
        Err(e) if e.is_instance(ExcKind::TypeError) => return Err(vm.type_error(bad())),
        Err(e) => return Err(e),
    };
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        out.push(byte_value(vm, &it)?);
    }
    Ok(out)
}

fn ba_setitem(vm: &mut Vm, v: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(ba) = ba_of(v) else { return Ok(()) };
    if let Some(sl) = key.downcast_ref::<SliceObject>() {
        let new = match &value {
            Some(val) => Some(assigned_bytes(vm, v, val)?),
            None => None,
        };
        let (start, stop, step, n) = slice_indices(vm, sl, ba.len())?;
        match new {
            None => {
                if n == 0 {
                    return Ok(());
                }
                check_resizable(vm, ba)?;
                if step == 1 {
                    // Clamped: __index__ of the bounds may have shrunk the array.
                    let len = ba.len();
                    let end = (start as usize + n).min(len);
                    if start == 0 {
                        ba.delete_front(end);
                    } else {
                        ba.vec_mut().drain((start as usize).min(end)..end);
                    }
                } else {
                    let mut drop_ix: Vec<usize> = (0..n).map(|k| (start + k as i64 * step) as usize).collect();
                    drop_ix.sort_unstable();
                    let old = std::mem::take(ba.vec_mut());
                    let kept: Vec<u8> = old
                        .into_iter()
                        .enumerate()
                        .filter(|(i, _)| drop_ix.binary_search(i).is_err())
                        .map(|(_, b)| b)
                        .collect();
                    *ba.vec_mut() = kept;
                }
            }
            Some(new) => {
                if step == 1 {
                    let len = ba.len();
                    let stop = (stop.max(start) as usize).min(len);
                    let start = (start as usize).min(stop);
                    if new.len() != stop - start {
                        check_resizable(vm, ba)?;
                    }
                    ba.vec_mut().splice(start..stop, new);
                } else {
                    if new.len() != n {
                        return Err(vm.value_error(format!(
                            "attempt to assign bytes of size {} to extended slice of size {}",
                            new.len(),
                            n
                        )));
                    }
                    let data = ba.data_mut();
                    for (k, b) in new.into_iter().enumerate() {
                        if let Some(slot) = data.get_mut((start + k as i64 * step) as usize) {
                            *slot = b;
                        }
                    }
                }
            }
        }
        return Ok(());
    }
    if !is_index(key) {
        let msg = format!("bytearray indices must be integers or slices, not {}", vm.type_name(key));
        return Err(vm.type_error(msg));
    }
    let i = vm.index_i64(key)?;
    let b = match &value {
        Some(val) => Some(byte_value(vm, val)?),
        None => None,
    };
    let Some(ix) = normalize_index(i, ba.len()) else {
        return Err(vm.new_error(ExcKind::IndexError, "bytearray index out of range"));
    };
    match b {
        Some(b) => ba.data_mut()[ix] = b,
        None => {
            check_resizable(vm, ba)?;
            if ix == 0 {
                ba.delete_front(1);
            } else {
                ba.vec_mut().remove(ix);
            }
        }
    }
    Ok(())
}

fn ba_alloc(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let ba = ba_self(vm, args, "__alloc__")?;
    Ok(Value::int(ba.capacity() as i64 + 1))
}

fn ba_reduce_ex(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let ba = ba_self(vm, args, "__reduce_ex__")?;
    let data = ba.data().to_vec();
    let cls = type_of(&args[0]).as_value();
    // (cls, (latin-1 str, 'latin-1'), state) as CPython's protocol < 3 form.
    let cps: Vec<u32> = data.iter().map(|&b| b as u32).collect();
    let s = crate::objects::str::new_str_from_cps(&cps);
    let state = crate::attr::instance_dict(&args[0]).unwrap_or_else(none);
    let _ = vm;
    Ok(new_tuple(vec![cls, new_tuple(vec![s, new_str("latin-1")]), state]))
}

pub(crate) fn init() {
    let common: &[(&'static str, NativeFn)] = &[
        ("find", b_find),
        ("rfind", b_rfind),
        ("index", b_index),
        ("rindex", b_rindex),
        ("count", b_count),
        ("startswith", b_startswith),
        ("endswith", b_endswith),
        ("decode", b_decode),
        ("join", b_join),
        ("split", b_split),
        ("rsplit", b_rsplit),
        ("strip", b_strip),
        ("lstrip", b_lstrip),
        ("rstrip", b_rstrip),
        ("lower", b_lower),
        ("upper", b_upper),
        ("swapcase", b_swapcase),
        ("capitalize", b_capitalize),
        ("title", b_title),
        ("isalnum", b_isalnum),
        ("isalpha", b_isalpha),
        ("isascii", b_isascii),
        ("isdigit", b_isdigit),
        ("isspace", b_isspace),
        ("islower", b_islower),
        ("isupper", b_isupper),
        ("istitle", b_istitle),
        ("center", b_center),
        ("ljust", b_ljust),
        ("rjust", b_rjust),
        ("zfill", b_zfill),
        ("expandtabs", b_expandtabs),
        ("splitlines", b_splitlines),
        ("partition", b_partition),
        ("rpartition", b_rpartition),
        ("replace", b_replace),
        ("removeprefix", b_removeprefix),
        ("removesuffix", b_removesuffix),
        ("translate", b_translate),
        ("hex", b_hex),
    ];

    let s = BYTES_TYPE.get().slots_mut();
    s.repr = Some(b_repr);
    s.hash = Some(bytes_hash);
    s.len = Some(b_len);
    s.richcompare = Some(bytes_richcompare);
    s.getitem = Some(b_getitem);
    s.concat = Some(b_concat);
    s.repeat = Some(b_repeat);
    s.contains = Some(b_contains);
    s.iter = Some(bytes_iter);
    s.new = Some(bytes_new);
    s.nb[nb::REMAINDER] = Some(b_mod);
    for (name, f) in common {
        add_method(&BYTES_TYPE, name, *f);
    }
    add_method(&BYTES_TYPE, "__getnewargs__", b_getnewargs);
    add_method(&BYTES_TYPE, "__bytes__", b_bytes_dunder);
    add_classmethod(&BYTES_TYPE, "fromhex", b_fromhex);
    add_staticmethod(&BYTES_TYPE, "maketrans", b_maketrans);

    // bytearray and the iterators are set up here, outside the static table.
    // SAFETY: start-up, once, before any instance exists.
    unsafe {
        BYTEARRAY_TYPE.init(
            crate::object::LayoutKind::ByteArray,
            // Not a sequence for `match` (as str and bytes): no SEQUENCE flag.
            type_flags::BASETYPE | type_flags::MATCH_SELF,
            Some(&OBJECT_TYPE),
        )
    };
    crate::typeinit::finish_static(BYTEARRAY_TYPE.get(), "bytearray");
    let s = BYTEARRAY_TYPE.get().slots_mut();
    *s = *OBJECT_TYPE.get().slots();
    s.repr = Some(b_repr);
    s.str = None;
    s.hash = Some(unhashable);
    s.len = Some(b_len);
    s.richcompare = Some(bytearray_richcompare);
    s.getitem = Some(b_getitem);
    s.setitem = Some(ba_setitem);
    s.concat = Some(b_concat);
    s.repeat = Some(b_repeat);
    s.contains = Some(b_contains);
    s.iter = Some(bytearray_iter);
    s.new = Some(bytearray_new);
    s.init = Some(bytearray_init);
    s.nb[nb::REMAINDER] = Some(b_mod);
    s.nb[NB_INPLACE + nb::ADD] = Some(ba_iadd);
    s.nb[NB_INPLACE + nb::MULTIPLY] = Some(ba_imul);
    for (name, f) in common {
        add_method(&BYTEARRAY_TYPE, name, *f);
    }
    let ba_methods: &[(&'static str, NativeFn)] = &[
        ("append", ba_append),
        ("extend", ba_extend),
        ("insert", ba_insert),
        ("pop", ba_pop),
        ("remove", ba_remove),
        ("reverse", ba_reverse),
        ("clear", ba_clear),
        ("copy", ba_copy),
        ("__alloc__", ba_alloc),
        ("__reduce_ex__", ba_reduce_ex),
    ];
    for (name, f) in ba_methods {
        add_method(&BYTEARRAY_TYPE, name, *f);
    }
    add_classmethod(&BYTEARRAY_TYPE, "fromhex", b_fromhex);
    add_staticmethod(&BYTEARRAY_TYPE, "maketrans", b_maketrans);
    crate::typeinit::set_attr(BYTEARRAY_TYPE.get(), "__hash__", none());
    crate::typeinit::add_slot_wrappers(BYTEARRAY_TYPE.get());

    for (st, name) in [
        (&BYTES_ITER_TYPE, "bytes_iterator"),
        (&BYTEARRAY_ITER_TYPE, "bytearray_iterator"),
    ] {
        // SAFETY: start-up, once.
        unsafe { st.init(crate::object::LayoutKind::SeqIter, 0, Some(&OBJECT_TYPE)) };
        crate::typeinit::finish_static(st.get(), name);
        let s = st.get().slots_mut();
        *s = *OBJECT_TYPE.get().slots();
        s.iter = Some(|_vm, v| Ok(v.clone()));
        s.iternext = Some(byte_iter_next);
        s.new = None;
        s.init = None;
        add_method(st, "__length_hint__", byte_iter_length_hint);
        add_method(st, "__reduce__", crate::types::seq::seq_iter_reduce);
        add_method(st, "__setstate__", crate::types::seq::seq_iter_setstate);
        crate::typeinit::add_slot_wrappers(st.get());
    }

    crate::types::memoryview_ty::init();
    crate::modules::_codecs::init_unicode_errors();
}
