//! Slots and methods of str (and bytes' basics).

use crate::args::{check_no_kwargs, ArgSpec};
use crate::exception::{ExcKind, PyResult};
use crate::format::{format_str, parse_spec};
use crate::objects::int::as_int;
use crate::objects::iter::{new_seq_iter, SeqIter};
use crate::objects::list::new_list;
use crate::objects::singletons::not_implemented;
use crate::objects::slice::{adjust_indices, SliceObject};
use crate::objects::str::{
    concat, new_char, new_str, new_str_from_cps, new_str_from_cps_typed, normalize_index, repeat, substring,
    StrBuilder, StrObject,
};
use crate::objects::tuple::{new_tuple, TupleObject};
use crate::typeinit::{add_method, add_staticmethod};
use crate::typeobj::*;
use crate::value::Value;
use crate::vm::Vm;

fn s_of(v: &Value) -> &StrObject {
    // Slots of str are only reached with a str (or subclass) self: slot
    // wrappers and method descriptors check the owner type first.
    match v.downcast_ref::<StrObject>() {
        Some(s) => s,
        None => empty_str(),
    }
}

fn empty_str() -> &'static StrObject {
    static EMPTY: crate::gil::GilCell<Option<Value>> = crate::gil::GilCell::new(None);
    // SAFETY: GIL held; the value is immortal once made.
    let slot = unsafe { EMPTY.get_mut() };
    let v = slot.get_or_insert_with(|| {
        let v = new_str("");
        crate::typeobj::make_immortal(&v);
        v
    });
    let p = v.downcast_ref::<StrObject>().map(|s| s as *const StrObject);
    // SAFETY: an immortal str lives for the rest of the process.
    unsafe { &*p.unwrap_or(std::ptr::null()) }
}

/// Python's whitespace for str.split/strip (`Py_UNICODE_ISSPACE`).
pub fn is_space(cp: u32) -> bool {
    matches!(cp, 0x09..=0x0D | 0x1C..=0x20 | 0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000)
}

fn str_arg<'a>(vm: &mut Vm, v: &'a Value, what: &str) -> PyResult<&'a StrObject> {
    match v.downcast_ref::<StrObject>() {
        Some(s) => Ok(s),
        None => {
            let msg = format!("{what} must be str, not {}", vm.type_name(v));
            Err(vm.type_error(msg))
        }
    }
}

fn str_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_str(&pyrite_repr::str_repr(s_of(v).code_points())))
}

fn str_str(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if is_exact(v, &STR_TYPE) {
        return Ok(v.clone());
    }
    let cps: Vec<u32> = s_of(v).code_points().collect();
    Ok(new_str_from_cps(&cps))
}

fn str_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    Ok(s_of(v).hash())
}

fn str_richcompare(_vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast_ref::<StrObject>(), b.downcast_ref::<StrObject>()) else {
        return Ok(not_implemented());
    };
    Ok(Value::bool(match op {
        CompareOp::Eq => x.eq_str(y),
        CompareOp::Ne => !x.eq_str(y),
        _ => op.test(x.cmp_str(y)),
    }))
}

fn str_concat(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let x = s_of(a);
    let Some(y) = b.downcast_ref::<StrObject>() else {
        let msg = format!("can only concatenate str (not \"{}\") to str", vm.type_name(b));
        return Err(vm.type_error(msg));
    };
    if y.is_empty() && is_exact(a, &STR_TYPE) {
        return Ok(a.clone());
    }
    if x.is_empty() && is_exact(b, &STR_TYPE) {
        return Ok(b.clone());
    }
    Ok(concat(&[x, y]))
}

/// `seq * n` count argument: an index, with CPython's message otherwise.
pub fn repeat_count(vm: &mut Vm, n: &Value) -> PyResult<usize> {
    if as_int(n).is_none() && type_of(n).slots().index.is_none() {
        let msg = format!("can't multiply sequence by non-int of type '{}'", vm.type_name(n));
        return Err(vm.type_error(msg));
    }
    let i = vm.index(n)?;
    match as_int(&i).and_then(|i| i.to_i64()) {
        Some(k) if k <= 0 => Ok(0),
        // Callers check the resulting size (MemoryError, as CPython's malloc).
        Some(k) => Ok(k as usize),
        _ => {
            // CPython names the operand's own type (an `__index__` class, not 'int').
            let msg = format!("cannot fit '{}' into an index-sized integer", vm.type_name(n));
            Err(vm.new_error(ExcKind::OverflowError, msg))
        }
    }
}

fn str_repeat(vm: &mut Vm, a: &Value, n: &Value) -> PyResult<Value> {
    let k = repeat_count(vm, n)?;
    let s = s_of(a);
    if crate::object::allocation_exceeds_memory(s.data().len() as u128 * k as u128) {
        return Err(vm.new_error(ExcKind::MemoryError, ""));
    }
    if k == 1 && is_exact(a, &STR_TYPE) {
        return Ok(a.clone());
    }
    Ok(repeat(s, k))
}

/// Indices of a slice object for a sequence of `len` items.
pub fn slice_indices(vm: &mut Vm, sl: &SliceObject, len: usize) -> PyResult<(i64, i64, i64, usize)> {
    // Fast path: bounds that are None or small ints.
    let small = |v: &Value| -> Option<Option<i64>> {
        if v.is_none() {
            Some(None)
        } else {
            v.as_small_int().map(Some)
        }
    };
    if let (Some(start), Some(stop), Some(step)) = (small(&sl.start), small(&sl.stop), small(&sl.step)) {
        let step = step.unwrap_or(1);
        if step != 0 {
            return Ok(adjust_indices(start, stop, step, len));
        }
    }
    let get = |vm: &mut Vm, v: &Value| -> PyResult<Option<i64>> {
        if v.is_none() {
            return Ok(None);
        }
        if as_int(v).is_none() && type_of(v).slots().index.is_none() {
            return Err(vm.type_error("slice indices must be integers or None or have an __index__ method"));
        }
        let i = vm.index(v)?;
        Ok(Some(match as_int(&i).and_then(|x| x.to_i64()) {
            Some(x) => x,
            None => {
                if as_int(&i).is_some_and(|x| x.is_negative()) {
                    i64::MIN / 2
                } else {
                    i64::MAX / 2
                }
            }
        }))
    };
    let step = get(vm, &sl.step)?.unwrap_or(1);
    if step == 0 {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let start = get(vm, &sl.start)?;
    let stop = get(vm, &sl.stop)?;
    Ok(adjust_indices(start, stop, step, len))
}

/// The `n` code points `start, start+step, ...` of `v` (a str), as
/// `adjust_indices` computed them for its length.
pub(crate) fn str_slice(v: &Value, start: i64, step: i64, n: usize) -> Value {
    let s = s_of(v);
    if step == 1 {
        if n == s.len() && is_exact(v, &STR_TYPE) {
            return v.clone();
        }
        if n == 0 {
            return new_str("");
        }
        return substring(s, start as usize, n);
    }
    if let Some(text) = s.as_ascii_str() {
        let bytes = text.as_bytes();
        let picked: Vec<u8> = (0..n).map(|k| bytes[(start + k as i64 * step) as usize]).collect();
        // SAFETY: bytes taken from ASCII text.
        return new_str(unsafe { std::str::from_utf8_unchecked(&picked) });
    }
    let cps: Vec<u32> = (0..n).map(|k| s.get((start + k as i64 * step) as usize)).collect();
    new_str_from_cps(&cps)
}

fn str_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let s = s_of(v);
    if let Some(sl) = key.downcast_ref::<SliceObject>() {
        let (start, _stop, step, n) = slice_indices(vm, sl, s.len())?;
        return Ok(str_slice(v, start, step, n));
    }
    if as_int(key).is_none() && type_of(key).slots().index.is_none() {
        let msg = format!("string indices must be integers, not '{}'", vm.type_name(key));
        return Err(vm.type_error(msg));
    }
    let i = vm.index_i64(key)?;
    match normalize_index(i, s.len()) {
        Some(ix) => Ok(new_char(s.get(ix))),
        None => Err(vm.new_error(ExcKind::IndexError, "string index out of range")),
    }
}

fn str_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(s_of(v).len())
}

/// Code-point index of `needle` in `hay[start..end]`.
pub fn find_cps(hay: &StrObject, needle: &StrObject, start: usize, end: usize) -> Option<usize> {
    if hay.kind() == 1 && needle.kind() == 1 {
        // One-shot search: skip building an owned finder.
        let end = end.min(hay.len());
        if start > end || end - start < needle.len() {
            return None;
        }
        return memfind(&hay.data()[start..end], needle.data()).map(|i| i + start);
    }
    StrFinder::new(needle, false).find(hay, start, end)
}

fn memfind(h: &[u8], n: &[u8]) -> Option<usize> {
    memchr::memmem::find(h, n)
}

pub fn rfind_cps(hay: &StrObject, needle: &StrObject, start: usize, end: usize) -> Option<usize> {
    StrFinder::new(needle, true).find(hay, start, end)
}

fn str_contains(vm: &mut Vm, v: &Value, item: &Value) -> PyResult<bool> {
    let s = s_of(v);
    let Some(n) = item.downcast_ref::<StrObject>() else {
        let msg = format!(
            "'in <string>' requires string as left operand, not {}",
            vm.type_name(item)
        );
        return Err(vm.type_error(msg));
    };
    Ok(find_cps(s, n, 0, s.len()).is_some())
}

fn str_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_seq_iter(STR_ITER_TYPE.get(), v.clone()))
}

fn str_iter_next(_vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let Some(si) = it.downcast_ref::<SeqIter>() else {
        return Ok(None);
    };
    let seq = si.seq();
    let Some(s) = seq.downcast_ref::<StrObject>() else {
        return Ok(None);
    };
    let i = si.index.get();
    if i < s.len() {
        si.index.set(i + 1);
        Ok(Some(new_char(s.get(i))))
    } else {
        si.finish();
        Ok(None)
    }
}

/// `str(object='')` / `str(bytes, encoding, errors)`.
fn str_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "str", args, kwnames, &["object", "encoding", "errors"], 3, 0)?;
    let v = match (&a[0], &a[1], &a[2]) {
        (None, None, None) => new_str(""),
        (Some(o), None, None) => vm.str(o)?,
        (o, _, _) => {
            let o = o.clone().unwrap_or_else(|| crate::objects::bytes::new_bytes(b""));
            let mut names = [String::from("utf-8"), String::from("strict")];
            for (i, (v, what)) in [&a[1], &a[2]].into_iter().zip(["encoding", "errors"]).enumerate() {
                if let Some(v) = v {
                    match v.downcast_ref::<StrObject>() {
                        Some(s) => names[i] = s.to_string_lossy(),
                        None => {
                            let msg = format!("str() argument '{what}' must be str, not {}", vm.type_name(v));
                            return Err(vm.type_error(msg));
                        }
                    }
                }
            }
            if o.downcast_ref::<StrObject>().is_some() {
                return Err(vm.type_error("decoding str is not supported"));
            }
            let data = match crate::objects::memoryview::bytes_like(vm, &o)? {
                Some(b) => b.into_owned(),
                None => {
                    let msg = format!("decoding to str: need a bytes-like object, {} found", vm.type_name(&o));
                    return Err(vm.type_error(msg));
                }
            };
            crate::modules::_codecs::decode(vm, &data, &names[0], &names[1])?
        }
    };
    match cls.downcast_ref::<TypeObject>() {
        Some(t) if !std::ptr::eq(t, STR_TYPE.get()) => {
            let cps: Vec<u32> = s_of(&v).code_points().collect();
            Ok(new_str_from_cps_typed(t, &cps))
        }
        _ => Ok(v),
    }
}

pub fn decode_utf8(vm: &mut Vm, data: &[u8]) -> PyResult<Value> {
    match std::str::from_utf8(data) {
        Ok(s) => Ok(new_str(s)),
        Err(e) => {
            let pos = e.valid_up_to();
            let msg = format!(
                "'utf-8' codec can't decode byte 0x{:02x} in position {}: {}",
                data[pos],
                pos,
                if e.error_len().is_none() {
                    "unexpected end of data"
                } else {
                    "invalid start byte"
                }
            );
            Err(vm.new_error(ExcKind::UnicodeDecodeError, msg))
        }
    }
}

fn str_mod(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if a.downcast_ref::<StrObject>().is_none() {
        return Ok(not_implemented());
    }
    crate::types::printf::percent_format(vm, s_of(a), b)
}

// ---- methods ----

fn self_str<'a>(args: &'a [Value]) -> &'a StrObject {
    s_of(&args[0])
}

/// Optional start/end arguments of find/count/startswith (slice semantics).
fn range_args(vm: &mut Vm, args: &[Value], from: usize, len: usize) -> PyResult<(usize, usize)> {
    let get = |vm: &mut Vm, i: usize| -> PyResult<Option<i64>> {
        match args.get(i) {
            None => Ok(None),
            Some(v) if v.is_none() => Ok(None),
            Some(v) => {
                // `_PyEval_SliceIndex`'s check and message.
                if as_int(v).is_none() && type_of(v).slots().index.is_none() {
                    return Err(vm.type_error("slice indices must be integers or None or have an __index__ method"));
                }
                crate::objects::int::index_clamped(vm, v).map(Some)
            }
        }
    };
    let start = get(vm, from)?;
    let end = get(vm, from + 1)?;
    let l = len as i64;
    let norm = |x: i64| -> usize {
        let y = if x < 0 { x.saturating_add(l).max(0) } else { x.min(l) };
        y as usize
    };
    // As ADJUST_INDICES: a start past the end stays there (callers then
    // find nothing, not even the empty string).
    let start = match start {
        Some(x) if x > l => x as usize,
        Some(x) => norm(x),
        None => 0,
    };
    Ok((start, end.map_or(len, norm)))
}

fn str_find_impl(vm: &mut Vm, args: &[Value], name: &str, reverse: bool) -> PyResult<Option<usize>> {
    crate::types::bytes_ty::arg_count(vm, name, args, 1, 3)?;
    let s = self_str(args);
    let sub = str_arg(vm, &args[1], "must be str")?;
    let (start, end) = range_args(vm, args, 2, s.len())?;
    if start > end || start > s.len() {
        return Ok(None);
    }
    Ok(if reverse {
        rfind_cps(s, sub, start, end)
    } else {
        find_cps(s, sub, start, end)
    })
}

fn str_find(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "find", kw)?;
    Ok(Value::int(
        str_find_impl(vm, args, "find", false)?.map_or(-1, |i| i as i64),
    ))
}

fn str_rfind(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "rfind", kw)?;
    Ok(Value::int(
        str_find_impl(vm, args, "rfind", true)?.map_or(-1, |i| i as i64),
    ))
}

fn str_index(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "index", kw)?;
    match str_find_impl(vm, args, "index", false)? {
        Some(i) => Ok(Value::int(i as i64)),
        None => Err(vm.value_error("substring not found")),
    }
}

fn str_rindex(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "rindex", kw)?;
    match str_find_impl(vm, args, "rindex", true)? {
        Some(i) => Ok(Value::int(i as i64)),
        None => Err(vm.value_error("substring not found")),
    }
}

fn str_count(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "count", kw)?;
    crate::types::bytes_ty::arg_count(vm, "count", args, 1, 3)?;
    let s = self_str(args);
    let sub = str_arg(vm, &args[1], "must be str")?;
    let (start, end) = range_args(vm, args, 2, s.len())?;
    if start > end {
        return Ok(Value::int(0));
    }
    if sub.is_empty() {
        return Ok(Value::int((end - start + 1) as i64));
    }
    let n = crate::types::str_search::count(&StrFinder::new(sub, false), s, start, end);
    Ok(Value::int(n as i64))
}

fn prefix_check(vm: &mut Vm, args: &[Value], name: &str, suffix: bool) -> PyResult<Value> {
    crate::types::bytes_ty::arg_count(vm, name, args, 1, 3)?;
    let s = self_str(args);
    let (start, end) = range_args(vm, args, 2, s.len())?;
    let test = |p: &StrObject| -> bool {
        if start > s.len() || start > end || end - start < p.len() {
            return p.is_empty() && start <= s.len() && start <= end;
        }
        let off = if suffix { end - p.len() } else { start };
        if s.kind() == p.kind() {
            // Same width: compare the stored units at once.
            let k = s.kind() as usize;
            return s.data()[off * k..(off + p.len()) * k] == *p.data();
        }
        (0..p.len()).all(|k| s.get(off + k) == p.get(k))
    };
    let arg = &args[1];
    if let Some(t) = arg.downcast_ref::<TupleObject>() {
        for item in t.items() {
            let p = str_arg(vm, item, &format!("tuple for {name} must only contain str, not")).map_err(|_| {
                vm.type_error(format!(
                    "tuple for {name} must only contain str, not {}",
                    vm.type_name(item)
                ))
            })?;
            if test(p) {
                return Ok(Value::bool(true));
            }
        }
        return Ok(Value::bool(false));
    }
    match arg.downcast_ref::<StrObject>() {
        Some(p) => Ok(Value::bool(test(p))),
        None => {
            let msg = format!(
                "{name} first arg must be str or a tuple of str, not {}",
                vm.type_name(arg)
            );
            Err(vm.type_error(msg))
        }
    }
}

fn str_startswith(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "startswith", kw)?;
    prefix_check(vm, args, "startswith", false)
}

fn str_endswith(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "endswith", kw)?;
    prefix_check(vm, args, "endswith", true)
}

fn str_join(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "join", kw)?;
    let [sep, iterable] = ArgSpec::exact::<2>(vm, "join", args, 1)?;
    // PySequence_Fast: a TypeError from iter() becomes "can only join an iterable".
    let iterator = match vm.iter(&iterable) {
        Ok(it) => it,
        Err(e) if e.is_instance(ExcKind::TypeError) => return Err(vm.type_error("can only join an iterable")),
        Err(e) => return Err(e),
    };
    let items = vm.collect(&iterator)?;
    let sep_s = s_of(&sep);
    let mut parts: Vec<&StrObject> = Vec::with_capacity(items.len() * 2);
    for (i, it) in items.iter().enumerate() {
        let Some(s) = it.downcast_ref::<StrObject>() else {
            let msg = format!("sequence item {i}: expected str instance, {} found", vm.type_name(it));
            return Err(vm.type_error(msg));
        };
        if i > 0 && !sep_s.is_empty() {
            parts.push(sep_s);
        }
        parts.push(s);
    }
    if items.len() == 1 && is_exact(&items[0], &STR_TYPE) {
        return Ok(items[0].clone());
    }
    Ok(concat(&parts))
}

fn split_impl(vm: &mut Vm, args: &[Value], kw: KwNames, name: &str, right: bool) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, name, &args[1..], kw, &["sep", "maxsplit"], 2, 0)?;
    let s = self_str(args);
    let maxsplit = match &a[1] {
        Some(m) => vm.index_i64(m)?,
        None => -1,
    };
    let maxsplit = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    if !right && s.is_ascii() {
        if let Some(out) = split_ascii(s, a[0].as_ref().filter(|v| !v.is_none()), maxsplit) {
            return Ok(new_list(out));
        }
    }
    let cps: Vec<u32> = s.code_points().collect();
    let mut out: Vec<Value> = Vec::new();
    match a[0].as_ref().filter(|v| !v.is_none()) {
        None => {
            // Runs of whitespace separate; leading/trailing whitespace ignored.
            if !right {
                let mut i = 0;
                let n = cps.len();
                let mut splits = 0;
                loop {
                    while i < n && is_space(cps[i]) {
                        i += 1;
                    }
                    if i >= n {
                        break;
                    }
                    if splits >= maxsplit {
                        // The remainder keeps its trailing whitespace.
                        out.push(new_str_from_cps(&cps[i..n]));
                        break;
                    }
                    let start = i;
                    while i < n && !is_space(cps[i]) {
                        i += 1;
                    }
                    out.push(new_str_from_cps(&cps[start..i]));
                    splits += 1;
                }
            } else {
                let mut end = cps.len();
                let mut splits = 0;
                loop {
                    while end > 0 && is_space(cps[end - 1]) {
                        end -= 1;
                    }
                    if end == 0 {
                        break;
                    }
                    if splits >= maxsplit {
                        // The remainder keeps its leading whitespace.
                        out.push(new_str_from_cps(&cps[..end]));
                        break;
                    }
                    let stop = end;
                    while end > 0 && !is_space(cps[end - 1]) {
                        end -= 1;
                    }
                    out.push(new_str_from_cps(&cps[end..stop]));
                    splits += 1;
                }
                out.reverse();
            }
        }
        Some(sepv) => {
            let sep = str_arg(vm, sepv, "must be str or None")
                .map_err(|_| vm.type_error(format!("must be str or None, not {}", vm.type_name(sepv))))?;
            if sep.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            let m = sep.len();
            let finder = StrFinder::new(sep, right);
            if !right {
                let mut start = 0;
                let mut splits = 0;
                while splits < maxsplit {
                    let Some(i) = finder.find(s, start, cps.len()) else { break };
                    out.push(new_str_from_cps(&cps[start..i]));
                    start = i + m;
                    splits += 1;
                }
                out.push(new_str_from_cps(&cps[start..]));
            } else {
                let mut end = cps.len();
                let mut splits = 0;
                while splits < maxsplit {
                    let Some(i) = finder.find(s, 0, end) else { break };
                    out.push(new_str_from_cps(&cps[i + m..end]));
                    end = i;
                    splits += 1;
                }
                out.push(new_str_from_cps(&cps[..end]));
                out.reverse();
            }
        }
    }
    Ok(new_list(out))
}

/// `str.split` of ASCII text by bytes, the parts cut straight out of it; None
/// when the separator is not a non-empty ASCII str (the general path
/// handles and reports those).
fn split_ascii(s: &StrObject, sep: Option<&Value>, maxsplit: usize) -> Option<Vec<Value>> {
    let bytes = s.data();
    let n = bytes.len();
    let mut out = Vec::new();
    match sep {
        None => {
            let mut i = 0;
            let mut splits = 0;
            loop {
                while i < n && is_space(bytes[i] as u32) {
                    i += 1;
                }
                if i >= n {
                    break;
                }
                if splits >= maxsplit {
                    out.push(substring(s, i, n - i));
                    break;
                }
                let start = i;
                while i < n && !is_space(bytes[i] as u32) {
                    i += 1;
                }
                out.push(substring(s, start, i - start));
                splits += 1;
            }
        }
        Some(sepv) => {
            let sep = sepv.downcast_ref::<StrObject>().filter(|p| p.is_ascii() && !p.is_empty())?;
            let pat = sep.data();
            let mut start = 0;
            let mut splits = 0;
            while splits < maxsplit {
                let Some(k) = memfind(&bytes[start..], pat) else { break };
                out.push(substring(s, start, k));
                start += k + pat.len();
                splits += 1;
            }
            out.push(substring(s, start, n - start));
        }
    }
    Some(out)
}

fn str_split(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    split_impl(vm, args, kw, "split", false)
}

fn str_rsplit(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    split_impl(vm, args, kw, "rsplit", true)
}

fn strip_impl(vm: &mut Vm, args: &[Value], name: &str, left: bool, right: bool) -> PyResult<Value> {
    ArgSpec::range(vm, name, args, 1, 0, 1)?;
    let s = self_str(args);
    let chars: Option<Vec<u32>> = match args.get(1).filter(|v| !v.is_none()) {
        None => None,
        Some(c) => Some(
            str_arg(vm, c, "strip arg")
                .map_err(|_| vm.type_error(format!("{name} arg must be None or str")))?
                .code_points()
                .collect(),
        ),
    };
    let strip = |cp: u32| match &chars {
        None => is_space(cp),
        Some(set) => set.contains(&cp),
    };
    let mut start = 0;
    let mut end = s.len();
    if left {
        while start < end && strip(s.get(start)) {
            start += 1;
        }
    }
    if right {
        while end > start && strip(s.get(end - 1)) {
            end -= 1;
        }
    }
    if start == 0 && end == s.len() && is_exact(&args[0], &STR_TYPE) {
        return Ok(args[0].clone());
    }
    Ok(substring(s, start, end - start))
}

fn str_strip(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "strip", kw)?;
    strip_impl(vm, args, "strip", true, true)
}

fn str_lstrip(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "lstrip", kw)?;
    strip_impl(vm, args, "lstrip", true, false)
}

fn str_rstrip(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "rstrip", kw)?;
    strip_impl(vm, args, "rstrip", false, true)
}

use super::str_unicode as uni;
use super::str_search::StrFinder;

/// A str mapped code point by code point through the python3.11 tables;
/// `f` gets all code points and the index (for context such as final sigma).
fn map_cps(args: &[Value], f: impl Fn(&[u32], usize, &mut Vec<u32>)) -> Value {
    let cps: Vec<u32> = self_str(args).code_points().collect();
    let mut out = Vec::with_capacity(cps.len());
    for i in 0..cps.len() {
        f(&cps, i, &mut out);
    }
    new_str_from_cps(&out)
}

/// Case mapping of ASCII text byte by byte (no allocation beyond the result).
fn map_ascii(s: &StrObject, f: impl Fn(&mut [u8])) -> Option<Value> {
    let text = s.as_ascii_str()?;
    let mut bytes = text.as_bytes().to_vec();
    f(&mut bytes);
    // SAFETY: ASCII case mapping keeps ASCII bytes ASCII.
    Some(new_str(unsafe { std::str::from_utf8_unchecked(&bytes) }))
}

fn str_upper(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "str.upper", args, kw)?;
    if let Some(ascii) = self_str(args).as_ascii_str() {
        return Ok(new_str(&ascii.to_ascii_uppercase()));
    }
    Ok(map_cps(args, |cps, i, out| uni::push_upper(cps[i], out)))
}

fn str_lower(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "str.lower", args, kw)?;
    if let Some(ascii) = self_str(args).as_ascii_str() {
        return Ok(new_str(&ascii.to_ascii_lowercase()));
    }
    Ok(map_cps(args, uni::push_lower_at))
}

/// Full case folding (ß -> ss, ς -> σ, ...).
fn str_casefold(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "str.casefold", args, kw)?;
    Ok(map_cps(args, |cps, i, out| uni::push_fold(cps[i], out)))
}

fn str_swapcase(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "str.swapcase", args, kw)?;
    Ok(map_cps(args, |cps, i, out| {
        let c = cps[i];
        if uni::is_upper(c) {
            uni::push_lower_at(cps, i, out)
        } else if uni::is_lower(c) {
            uni::push_upper(c, out)
        } else {
            out.push(c)
        }
    }))
}

/// First character in titlecase, the rest lowercased.
fn str_capitalize(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "str.capitalize", args, kw)?;
    Ok(map_cps(args, |cps, i, out| {
        if i == 0 {
            uni::push_title(cps[0], out)
        } else {
            uni::push_lower_at(cps, i, out)
        }
    }))
}

/// Titlecase after an uncased character, lowercase after a cased one.
fn str_title(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "str.title", args, kw)?;
    let ascii_title = |bytes: &mut [u8]| {
        let mut prev_cased = false;
        for b in bytes {
            if prev_cased {
                b.make_ascii_lowercase();
            } else {
                b.make_ascii_uppercase();
            }
            prev_cased = b.is_ascii_alphabetic();
        }
    };
    if let Some(v) = map_ascii(self_str(args), ascii_title) {
        return Ok(v);
    }
    Ok(map_cps(args, |cps, i, out| {
        if i > 0 && uni::is_cased(cps[i - 1]) {
            uni::push_lower_at(cps, i, out)
        } else {
            uni::push_title(cps[i], out)
        }
    }))
}

fn char_test(vm: &mut Vm, args: &[Value], kw: KwNames, name: &str, f: impl Fn(u32) -> bool) -> PyResult<Value> {
    if args.len() > 1 || kw.is_some() {
        crate::args::no_args(vm, &format!("str.{name}"), args, kw)?;
    }
    let s = self_str(args);
    Ok(Value::bool(!s.is_empty() && s.code_points().all(&f)))
}

fn str_isdigit(vm: &mut Vm, a: &[Value], k: KwNames) -> PyResult<Value> {
    char_test(vm, a, k, "isdigit", uni::is_digit)
}

fn str_isdecimal(vm: &mut Vm, a: &[Value], k: KwNames) -> PyResult<Value> {
    char_test(vm, a, k, "isdecimal", uni::is_decimal)
}

fn str_isnumeric(vm: &mut Vm, a: &[Value], k: KwNames) -> PyResult<Value> {
    char_test(vm, a, k, "isnumeric", uni::is_numeric)
}

fn str_isalpha(vm: &mut Vm, a: &[Value], k: KwNames) -> PyResult<Value> {
    char_test(vm, a, k, "isalpha", uni::is_alpha)
}

fn str_isalnum(vm: &mut Vm, a: &[Value], k: KwNames) -> PyResult<Value> {
    char_test(vm, a, k, "isalnum", uni::is_alnum)
}

fn str_isspace(vm: &mut Vm, a: &[Value], k: KwNames) -> PyResult<Value> {
    char_test(vm, a, k, "isspace", is_space)
}

fn str_isascii(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "str.isascii", args, kw)?;
    Ok(Value::bool(self_str(args).is_ascii() || self_str(args).is_empty()))
}

/// `str.isupper()`: no lowercase or titlecase character, at least one uppercase.
fn str_isupper(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "str.isupper", args, kw)?;
    let mut cased = false;
    for c in self_str(args).code_points() {
        if uni::is_lower(c) || uni::is_titlecase(c) {
            return Ok(Value::bool(false));
        }
        cased |= uni::is_upper(c);
    }
    Ok(Value::bool(cased))
}

/// `str.islower()`: no uppercase or titlecase character, at least one lowercase.
fn str_islower(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "str.islower", args, kw)?;
    let mut cased = false;
    for c in self_str(args).code_points() {
        if uni::is_upper(c) || uni::is_titlecase(c) {
            return Ok(Value::bool(false));
        }
        cased |= uni::is_lower(c);
    }
    Ok(Value::bool(cased))
}

/// `str.istitle()`: upper/titlecase only after uncased characters, lowercase
/// only after cased ones, and at least one cased character.
fn str_istitle(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "str.istitle", args, kw)?;
    let mut cased = false;
    let mut prev_cased = false;
    for c in self_str(args).code_points() {
        if uni::is_upper(c) || uni::is_titlecase(c) {
            if prev_cased {
                return Ok(Value::bool(false));
            }
            prev_cased = true;
            cased = true;
        } else if uni::is_lower(c) {
            if !prev_cased {
                return Ok(Value::bool(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::bool(cased))
}

/// `str.isprintable()`: every code point is printable as repr() judges it
/// (the empty string is printable).
fn str_isprintable(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "str.isprintable", args, kw)?;
    let s = self_str(args);
    Ok(Value::bool(s.code_points().all(pyrite_repr::unicode::is_printable)))
}

fn str_isidentifier(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "str.isidentifier", args, kw)?;
    let s = self_str(args);
    // CPython checks XID_Start then XID_Continue on the code points as they are
    // (no NFKC here, unlike the tokenizer); lone surrogates are neither.
    use pyrite_syntax::tokenizer::{is_xid_continue, is_xid_start};
    let mut it = s.code_points().map(char::from_u32);
    let ok = match it.next() {
        Some(Some(c)) if is_xid_start(c) => it.all(|c| c.is_some_and(is_xid_continue)),
        _ => false,
    };
    Ok(Value::bool(ok))
}

fn str_replace(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "replace", kw)?;
    ArgSpec::range(vm, "replace", args, 1, 2, 3)?;
    let s = self_str(args);
    let old = str_arg(vm, &args[1], "replace() argument 1")?;
    let new = str_arg(vm, &args[2], "replace() argument 2")?;
    let count = match args.get(3) {
        Some(c) => vm.index_i64(c)?,
        None => -1,
    };
    let mut remaining = if count < 0 { usize::MAX } else { count as usize };
    if let (Some(text), Some(pat), Some(rep)) = (s.as_ascii_str(), old.as_ascii_str(), new.as_ascii_str()) {
        if !pat.is_empty() {
            let (text, pat) = (text.as_bytes(), pat.as_bytes());
            let mut out: Vec<u8> = Vec::new();
            let mut start = 0;
            while remaining > 0 {
                let Some(k) = memfind(&text[start..], pat) else { break };
                if out.is_empty() {
                    out.reserve(text.len());
                }
                out.extend_from_slice(&text[start..start + k]);
                out.extend_from_slice(rep.as_bytes());
                start += k + pat.len();
                remaining -= 1;
            }
            if start == 0 && is_exact(&args[0], &STR_TYPE) {
                // Nothing replaced: the string itself, as CPython gives.
                return Ok(args[0].clone());
            }
            out.extend_from_slice(&text[start..]);
            // SAFETY: ASCII pieces.
            return Ok(new_str(unsafe { std::str::from_utf8_unchecked(&out) }));
        }
    }
    let cps: Vec<u32> = s.code_points().collect();
    let oc: Vec<u32> = old.code_points().collect();
    let nc: Vec<u32> = new.code_points().collect();
    let mut out: Vec<u32> = Vec::with_capacity(cps.len());
    if oc.is_empty() {
        // Insert `new` between every character (and at both ends).
        for (i, &c) in cps.iter().enumerate() {
            if remaining > 0 {
                out.extend(&nc);
                remaining -= 1;
            }
            out.push(c);
            let _ = i;
        }
        if remaining > 0 {
            out.extend(&nc);
        }
        return Ok(new_str_from_cps(&out));
    }
    let finder = StrFinder::new(old, false);
    let mut i = 0;
    while remaining > 0 {
        let Some(at) = finder.find(s, i, cps.len()) else { break };
        out.extend_from_slice(&cps[i..at]);
        out.extend(&nc);
        i = at + oc.len();
        remaining -= 1;
    }
    out.extend_from_slice(&cps[i..]);
    Ok(new_str_from_cps(&out))
}

fn pad_impl(vm: &mut Vm, args: &[Value], name: &str, mode: char) -> PyResult<Value> {
    ArgSpec::range(vm, name, args, 1, 1, 2)?;
    let s = self_str(args);
    let width = vm.index_i64(&args[1])?;
    let fill = match args.get(2) {
        None => ' ' as u32,
        Some(f) => {
            let fs = f.downcast_ref::<StrObject>().filter(|x| x.len() == 1);
            match fs {
                Some(x) => x.get(0),
                None => return Err(vm.type_error("The fill character must be exactly one character long")),
            }
        }
    };
    let len = s.len() as i64;
    if width <= len {
        if is_exact(&args[0], &STR_TYPE) {
            return Ok(args[0].clone());
        }
        return Ok(substring(s, 0, s.len()));
    }
    crate::object::check_allocation(vm, width as u128 * 4)?;
    let total = (width - len) as usize;
    let (left, right) = match mode {
        '<' => (0, total),
        '>' => (total, 0),
        _ => {
            // CPython's centering puts the odd pad on the left when width is odd.
            let left = total / 2 + (total & width as usize & 1);
            (left, total - left)
        }
    };
    let mut out: Vec<u32> = Vec::with_capacity(width as usize);
    out.extend(std::iter::repeat(fill).take(left));
    out.extend(s.code_points());
    out.extend(std::iter::repeat(fill).take(right));
    Ok(new_str_from_cps(&out))
}

fn str_ljust(vm: &mut Vm, a: &[Value], k: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "ljust", k)?;
    pad_impl(vm, a, "ljust", '<')
}

fn str_rjust(vm: &mut Vm, a: &[Value], k: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "rjust", k)?;
    pad_impl(vm, a, "rjust", '>')
}

fn str_center(vm: &mut Vm, a: &[Value], k: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "center", k)?;
    pad_impl(vm, a, "center", '^')
}

fn str_zfill(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "zfill", kw)?;
    let [sv, w] = ArgSpec::exact::<2>(vm, "zfill", args, 1)?;
    let s = s_of(&sv);
    let width = vm.index_i64(&w)?;
    let len = s.len() as i64;
    if width <= len {
        return Ok(substring(s, 0, s.len()));
    }
    crate::object::check_allocation(vm, width as u128 * 4)?;
    let mut cps: Vec<u32> = s.code_points().collect();
    let fill = (width - len) as usize;
    let at = usize::from(matches!(cps.first(), Some(&0x2B) | Some(&0x2D)));
    cps.splice(at..at, std::iter::repeat(0x30).take(fill));
    Ok(new_str_from_cps(&cps))
}

fn partition_impl(vm: &mut Vm, args: &[Value], name: &str, right: bool) -> PyResult<Value> {
    let [sv, sepv] = ArgSpec::exact::<2>(vm, name, args, 1)?;
    let s = s_of(&sv);
    let sep = str_arg(vm, &sepv, "must be str")?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let found = if right {
        rfind_cps(s, sep, 0, s.len())
    } else {
        find_cps(s, sep, 0, s.len())
    };
    let empty = new_str("");
    Ok(match found {
        Some(i) => new_tuple(vec![
            substring(s, 0, i),
            sepv.clone(),
            substring(s, i + sep.len(), s.len() - i - sep.len()),
        ]),
        None if right => new_tuple(vec![empty.clone(), empty, sv.clone()]),
        None => new_tuple(vec![sv.clone(), empty.clone(), empty]),
    })
}

fn str_partition(vm: &mut Vm, a: &[Value], k: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "partition", k)?;
    partition_impl(vm, a, "partition", false)
}

fn str_rpartition(vm: &mut Vm, a: &[Value], k: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "rpartition", k)?;
    partition_impl(vm, a, "rpartition", true)
}

fn str_splitlines(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "splitlines", &args[1..], kw, &["keepends"], 1, 0)?;
    let keep = match &a[0] {
        Some(k) => vm.is_true(k)?,
        None => false,
    };
    let s = self_str(args);
    let cps: Vec<u32> = s.code_points().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut start = 0;
    while i < cps.len() {
        let c = cps[i];
        let is_break = matches!(
            c,
            0x0A | 0x0B | 0x0C | 0x0D | 0x1C | 0x1D | 0x1E | 0x85 | 0x2028 | 0x2029
        );
        if is_break {
            let mut end = i + 1;
            if c == 0x0D && cps.get(i + 1) == Some(&0x0A) {
                end += 1;
            }
            out.push(new_str_from_cps(&cps[start..if keep { end } else { i }]));
            i = end;
            start = end;
        } else {
            i += 1;
        }
    }
    if start < cps.len() {
        out.push(new_str_from_cps(&cps[start..]));
    }
    Ok(new_list(out))
}

fn str_encode(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "encode", &args[1..], kw, &["encoding", "errors"], 2, 0)?;
    let mut names = [String::from("utf-8"), String::from("strict")];
    for (i, (v, what)) in a.iter().zip(["encoding", "errors"]).enumerate() {
        if let Some(v) = v {
            match v.downcast_ref::<StrObject>() {
                Some(s) => names[i] = s.to_string_lossy(),
                None => {
                    let msg = format!("encode() argument '{what}' must be str, not {}", vm.type_name(v));
                    return Err(vm.type_error(msg));
                }
            }
        }
    }
    crate::modules::_codecs::encode(vm, &args[0], &names[0], &names[1])
}

fn str_format_method(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::format::str_format(vm, args, kw)
}

fn str_format_dunder(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "__format__", kw)?;
    let [v, spec] = ArgSpec::exact::<2>(vm, "str.__format__", args, 1)?;
    let spec_s = spec
        .downcast_ref::<StrObject>()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    let s = s_of(&v);
    if spec_s.is_empty() {
        return vm.str(&v);
    }
    let parsed = parse_spec(vm, &spec_s)?;
    let text = s.to_string_lossy();
    let out = format_str(vm, &text, &parsed)?;
    Ok(new_str(&out))
}

fn str_removeprefix(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "removeprefix", kw)?;
    let [sv, p] = ArgSpec::exact::<2>(vm, "removeprefix", args, 1)?;
    let s = s_of(&sv);
    let p = str_arg(vm, &p, "removeprefix() argument")?;
    if p.len() <= s.len() && (0..p.len()).all(|k| s.get(k) == p.get(k)) {
        return Ok(substring(s, p.len(), s.len() - p.len()));
    }
    Ok(substring(s, 0, s.len()))
}

fn str_removesuffix(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "removesuffix", kw)?;
    let [sv, p] = ArgSpec::exact::<2>(vm, "removesuffix", args, 1)?;
    let s = s_of(&sv);
    let p = str_arg(vm, &p, "removesuffix() argument")?;
    let off = s.len().wrapping_sub(p.len());
    if !p.is_empty() && p.len() <= s.len() && (0..p.len()).all(|k| s.get(off + k) == p.get(k)) {
        return Ok(substring(s, 0, off));
    }
    Ok(substring(s, 0, s.len()))
}

fn str_expandtabs(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "expandtabs", &args[1..], kw, &["tabsize"], 1, 0)?;
    let tab = match &a[0] {
        Some(t) => vm.index_i64(t)?,
        None => 8,
    };
    // tabsize is a C int in CPython.
    if tab > i32::MAX as i64 || tab < i32::MIN as i64 {
        return Err(vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C int"));
    }
    let s = self_str(args);
    let mut out = Vec::new();
    let mut col: i64 = 0;
    for cp in s.code_points() {
        if cp == 9 {
            if tab > 0 {
                let n = tab - col % tab;
                crate::object::check_allocation(vm, (out.len() as u128 + n as u128) * 4)?;
                out.extend(std::iter::repeat(0x20).take(n as usize));
                col += n;
            }
        } else {
            out.push(cp);
            col = if cp == 10 || cp == 13 { 0 } else { col + 1 };
        }
    }
    Ok(new_str_from_cps(&out))
}

/// `str.maketrans(x[, y[, z]])`: a dict from code points to replacements.
fn str_maketrans(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "maketrans", kw)?;
    crate::args::ArgSpec::range(vm, "maketrans", args, 0, 1, 3)?;
    let out = crate::objects::dict::DictObject::new_value();
    let Some(d) = out.downcast_ref::<crate::objects::dict::DictObject>() else {
        return Ok(out);
    };
    if args.len() == 1 {
        let Some(src) = args[0].downcast_ref::<crate::objects::dict::DictObject>() else {
            return Err(vm.type_error("if you give only one argument to maketrans it must be a dict"));
        };
        for (k, v) in src.items() {
            let key = if let Some(ks) = k.downcast_ref::<StrObject>() {
                let cps: Vec<u32> = ks.code_points().collect();
                if cps.len() != 1 {
                    return Err(vm.value_error("string keys in translate table must be of length 1"));
                }
                Value::int(cps[0] as i64)
            } else if crate::objects::int::as_int(&k).is_some() {
                k
            } else {
                return Err(vm.type_error("keys in translate table must be strings or integers"));
            };
            d.set_item(vm, key, v)?;
        }
        return Ok(out);
    }
    let (Some(x), Some(y)) = (args[0].downcast_ref::<StrObject>(), args[1].downcast_ref::<StrObject>()) else {
        return Err(vm.type_error("maketrans() arguments must be str"));
    };
    let xs: Vec<u32> = x.code_points().collect();
    let ys: Vec<u32> = y.code_points().collect();
    if xs.len() != ys.len() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in xs.iter().zip(ys.iter()) {
        d.set_item(vm, Value::int(*a as i64), Value::int(*b as i64))?;
    }
    if let Some(zv) = args.get(2) {
        let Some(z) = zv.downcast_ref::<StrObject>() else {
            return Err(vm.type_error("maketrans() argument 3 must be str"));
        };
        for c in z.code_points() {
            d.set_item(vm, Value::int(c as i64), crate::objects::singletons::none())?;
        }
    }
    Ok(out)
}

/// `str.translate(table)`: each code point looked up with `table[cp]`;
/// LookupError keeps it, None drops it, an int or str replaces it.
fn str_translate(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "translate", kw)?;
    let [_, table] = crate::args::ArgSpec::exact::<2>(vm, "translate", args, 1)?;
    let s = self_str(args);
    let cps: Vec<u32> = s.code_points().collect();
    let mut out = StrBuilder::new();
    for cp in cps {
        match vm.getitem(&table, &Value::int(cp as i64)) {
            Ok(v) if v.is_none() => {}
            Ok(v) => {
                if let Some(rs) = v.downcast_ref::<StrObject>() {
                    out.push_strobj(rs);
                } else if let Some(n) = crate::objects::int::as_int(&v) {
                    let n = n.to_i64().filter(|n| (0..=0x10FFFF).contains(n));
                    match n {
                        Some(n) => out.push_cp(n as u32),
                        None => return Err(vm.value_error("character mapping must be in range(0x110000)")),
                    }
                } else {
                    return Err(vm.type_error("character mapping must return integer, None or str"));
                }
            }
            Err(e) if e.is_instance(ExcKind::LookupError) => out.push_cp(cp),
            Err(e) => return Err(e),
        }
    }
    Ok(out.finish())
}

fn str_getnewargs(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [v] = ArgSpec::exact::<1>(vm, "__getnewargs__", args, 1)?;
    let cps: Vec<u32> = s_of(&v).code_points().collect();
    Ok(new_tuple(vec![new_str_from_cps(&cps)]))
}

pub(crate) fn init() {
    let s = STR_TYPE.get().slots_mut();
    s.repr = Some(str_repr);
    s.str = Some(str_str);
    s.hash = Some(str_hash);
    s.richcompare = Some(str_richcompare);
    s.concat = Some(str_concat);
    s.repeat = Some(str_repeat);
    s.getitem = Some(str_getitem);
    s.len = Some(str_len);
    s.contains = Some(str_contains);
    s.iter = Some(str_iter);
    s.new = Some(str_new);
    s.nb[nb::REMAINDER] = Some(str_mod);
    let methods: &[(&'static str, NativeFn)] = &[
        ("find", str_find),
        ("rfind", str_rfind),
        ("index", str_index),
        ("rindex", str_rindex),
        ("count", str_count),
        ("startswith", str_startswith),
        ("endswith", str_endswith),
        ("join", str_join),
        ("split", str_split),
        ("rsplit", str_rsplit),
        ("strip", str_strip),
        ("lstrip", str_lstrip),
        ("rstrip", str_rstrip),
        ("upper", str_upper),
        ("lower", str_lower),
        ("casefold", str_casefold),
        ("swapcase", str_swapcase),
        ("capitalize", str_capitalize),
        ("title", str_title),
        ("isdigit", str_isdigit),
        ("isdecimal", str_isdecimal),
        ("isnumeric", str_isnumeric),
        ("isalpha", str_isalpha),
        ("isalnum", str_isalnum),
        ("isspace", str_isspace),
        ("isascii", str_isascii),
        ("isupper", str_isupper),
        ("istitle", str_istitle),
        ("isprintable", str_isprintable),
        ("translate", str_translate),
        ("islower", str_islower),
        ("isidentifier", str_isidentifier),
        ("replace", str_replace),
        ("ljust", str_ljust),
        ("rjust", str_rjust),
        ("center", str_center),
        ("zfill", str_zfill),
        ("partition", str_partition),
        ("rpartition", str_rpartition),
        ("splitlines", str_splitlines),
        ("encode", str_encode),
        ("format", str_format_method),
        ("format_map", crate::format::str_format_map),
        ("__format__", str_format_dunder),
        ("removeprefix", str_removeprefix),
        ("removesuffix", str_removesuffix),
        ("expandtabs", str_expandtabs),
        ("__getnewargs__", str_getnewargs),
    ];
    for (name, f) in methods {
        add_method(&STR_TYPE, name, *f);
    }
    add_staticmethod(&STR_TYPE, "maketrans", str_maketrans);

    let s = STR_ITER_TYPE.get().slots_mut();
    s.iter = Some(|_vm, v| Ok(v.clone()));
    s.iternext = Some(str_iter_next);

}
