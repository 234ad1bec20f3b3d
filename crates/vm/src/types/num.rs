//! Slots and methods of int, bool and float.

use crate::args::{check_no_kwargs, ArgSpec};
use crate::exception::{ExcKind, PyResult};
use crate::format::{format_float_typed, format_int_typed, parse_spec_for};
use crate::objects::float::{as_float, cmp_int_float, float_binop, float_operand, new_float_subclass, parse_float};
use crate::objects::int::{as_int, int_binop, int_from_big, int_to_decimal, new_int_subclass, parse_int, IntView};
use crate::objects::singletons::not_implemented;
use crate::objects::str::StrObject;
use crate::objects::tuple::new_tuple;
use crate::typeinit::{add_getset, add_method};
use crate::typeobj::*;
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::{FromPrimitive, Signed, ToPrimitive, Zero};

fn int_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(i) = as_int(v) else {
        return Ok(not_implemented());
    };
    let s = int_to_decimal(vm, i)?;
    Ok(vm.new_str(&s))
}

fn int_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    Ok(as_int(v).map_or(0, |i| i.hash()))
}

fn int_richcompare(_vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let Some(x) = as_int(a) else {
        return Ok(not_implemented());
    };
    if let Some(y) = as_int(b) {
        return Ok(Value::bool(op.test(x.cmp(y))));
    }
    Ok(not_implemented())
}

/// int's number slots (both operands must be ints, else NotImplemented).
fn int_nb<const OP: usize>(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_int(a), as_int(b)) else {
        return Ok(not_implemented());
    };
    int_binop(vm, OP, x, y)
}

fn int_bool(_vm: &mut Vm, v: &Value) -> PyResult<bool> {
    Ok(as_int(v).is_some_and(|i| !i.is_zero()))
}

fn int_neg(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(match as_int(v) {
        Some(IntView::Small(i)) => Value::int(-i),
        Some(IntView::Big(b)) => int_from_big(-b),
        None => not_implemented(),
    })
}

fn int_pos(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(match as_int(v) {
        Some(IntView::Small(i)) => Value::int(i),
        Some(IntView::Big(b)) => int_from_big(b.clone()),
        None => not_implemented(),
    })
}

fn int_invert(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(match as_int(v) {
        Some(IntView::Small(i)) => Value::int(!i),
        Some(IntView::Big(b)) => int_from_big(-b - 1),
        None => not_implemented(),
    })
}

fn int_abs(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(match as_int(v) {
        Some(IntView::Small(i)) => Value::int(i.abs()),
        Some(IntView::Big(b)) => int_from_big(b.abs()),
        None => not_implemented(),
    })
}

fn int_float(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match as_int(v).map(|i| i.to_f64()) {
        Some(Ok(f)) => Ok(Value::float(f)),
        _ => Err(vm.new_error(ExcKind::OverflowError, "int too large to convert to float")),
    }
}

/// `int(x=0, base=10)`.
fn int_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    // `x` is positional-only (the argument count is checked first).
    let (pos, kw) = crate::args::split_kwargs(args, kwnames);
    if pos.len() + kw.len() <= 2 && kw.iter().any(|(k, _)| crate::objects::str::display_lossy(k) == "x") {
        return Err(vm.type_error("'x' is an invalid keyword argument for int()"));
    }
    let a = ArgSpec::parse(vm, "int", args, kwnames, &["x", "base"], 2, 0)?;
    let value = match (&a[0], &a[1]) {
        (None, None) => Value::int(0),
        (None, Some(_)) => return Err(vm.type_error("int() missing string argument")),
        (Some(x), None) => int_from_object(vm, x)?,
        (Some(x), Some(b)) => {
            let base = crate::objects::int::index_clamped(vm, b)?;
            if base != 0 && !(2..=36).contains(&base) {
                return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            let text = match x.downcast_ref::<StrObject>() {
                Some(s) => s.to_string_lossy(),
                None => match x.downcast_ref::<crate::objects::bytes::BytesObject>() {
                    Some(b) => String::from_utf8_lossy(b.data()).into_owned(),
                    None => match x.downcast_ref::<crate::objects::bytearray::ByteArrayObject>() {
                        Some(b) => String::from_utf8_lossy(b.data()).into_owned(),
                        None => return Err(vm.type_error("int() can't convert non-string with explicit base")),
                    },
                },
            };
            parse_int_or_error(vm, x, &text, base as u32)?
        }
    };
    let Some(t) = cls.downcast_ref::<TypeObject>() else {
        return Ok(value);
    };
    if std::ptr::eq(t, INT_TYPE.get()) {
        return Ok(value);
    }
    match as_int(&value) {
        Some(iv) => Ok(new_int_subclass(t, iv)),
        None => Ok(value),
    }
}

fn parse_int_or_error(vm: &mut Vm, original: &Value, text: &str, base: u32) -> PyResult<Value> {
    // The digit limit is checked before parsing, on the digits written
    // (leading zeros count), for bases that are not powers of two.
    let limit = vm.int_max_str_digits;
    if limit > 0 {
        let t = text.trim_start().trim_start_matches(['+', '-']);
        let lower = t.get(..2).map(str::to_ascii_lowercase);
        let prefixed = matches!(lower.as_deref(), Some("0x" | "0o" | "0b"));
        let eff = if base == 0 { if prefixed { 2 } else { 10 } } else { base };
        if !eff.is_power_of_two() {
            let run = t.chars().take_while(|&c| c == '_' || c.to_digit(eff).is_some());
            let (digits, doubled) = run.fold((0usize, (false, ' ')), |(n, (d, prev)), c| {
                (n + usize::from(c != '_'), (d || (c == '_' && prev == '_'), c))
            });
            if digits > limit && !doubled.0 {
                return Err(vm.value_error(format!(
                    "Exceeds the limit ({limit} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
                )));
            }
        }
    }
    match parse_int(text, base) {
        Some(b) => Ok(int_from_big(b)),
        None => {
            let r = vm.repr_string(original)?;
            Err(vm.value_error(format!("invalid literal for int() with base {base}: {r}")))
        }
    }
}

/// The result of `__int__`/`__index__` as an exact int: another type is a
/// TypeError, an int subclass a DeprecationWarning (CPython 3.11).
pub(crate) fn exact_int_result(vm: &mut Vm, r: Value, dunder: &str) -> PyResult<Value> {
    if r.is_small_int() || is_exact(&r, &INT_TYPE) {
        return Ok(r);
    }
    let Some(i) = as_int(&r) else {
        let msg = format!("{dunder} returned non-int (type {})", vm.type_name(&r));
        return Err(vm.type_error(msg));
    };
    let exact = match i {
        IntView::Small(s) => Value::int(s),
        IntView::Big(b) => int_from_big(b.clone()),
    };
    let msg = format!(
        "{dunder} returned non-int (type {}).  The ability to return an instance of a strict subclass of int is deprecated, and may be removed in a future version of Python.",
        vm.type_name(&r)
    );
    crate::builtins::warn(vm, ExcKind::DeprecationWarning, &msg, 1)?;
    Ok(exact)
}

/// `int(x)` for one argument (CPython's `PyNumber_Long`).
pub fn int_from_object(vm: &mut Vm, x: &Value) -> PyResult<Value> {
    if x.is_small_int() || is_exact(x, &INT_TYPE) {
        return Ok(x.clone());
    }
    if let (Some(f), true) = (as_float(x), is_exact(x, &FLOAT_TYPE) || x.is_float()) {
        return float_to_int(vm, f);
    }
    let t = type_of(x);
    if let Some(f) = t.slots().int {
        let r = f(vm, x)?;
        return exact_int_result(vm, r, "__int__");
    }
    if t.slots().index.is_some() {
        let r = vm.index(x)?;
        return exact_int_result(vm, r, "__index__");
    }
    if let Some(r) = vm.call_special(x, "__trunc__", &[])? {
        crate::builtins::warn(vm, ExcKind::DeprecationWarning, "The delegation of int() to __trunc__ is deprecated.", 1)?;
        if r.is_small_int() || is_exact(&r, &INT_TYPE) {
            return Ok(r);
        }
        if let Some(i) = as_int(&r) {
            // An int subclass is copied silently (no deprecation here).
            return Ok(match i {
                IntView::Small(s) => Value::int(s),
                IntView::Big(b) => int_from_big(b.clone()),
            });
        }
        if type_of(&r).slots().index.is_none() {
            let msg = format!("__trunc__ returned non-Integral (type {})", vm.type_name(&r));
            return Err(vm.type_error(msg));
        }
        let i = vm.index(&r)?;
        return exact_int_result(vm, i, "__index__");
    }
    if let Some(s) = x.downcast_ref::<StrObject>() {
        let text = s.to_string_lossy();
        return parse_int_or_error(vm, x, &text, 10);
    }
    // bytes, bytearray and any other buffer (memoryview, array).
    if let Some(data) = crate::objects::memoryview::bytes_like(vm, x)? {
        let text = String::from_utf8_lossy(&data).into_owned();
        let shown = if x.downcast_ref::<crate::objects::bytes::BytesObject>().is_some()
            || x.downcast_ref::<crate::objects::bytearray::ByteArrayObject>().is_some()
        {
            x.clone()
        } else {
            // CPython names a copy of the buffer's bytes in the message.
            crate::objects::bytes::new_bytes(&data)
        };
        return parse_int_or_error(vm, &shown, &text, 10);
    }
    let msg = format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        vm.type_name(x)
    );
    Err(vm.type_error(msg))
}

pub fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.new_error(ExcKind::OverflowError, "cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.0e15 {
        return Ok(Value::int(t as i64));
    }
    Ok(int_from_big(BigInt::from_f64(t).unwrap_or_default()))
}

fn int_format(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "__format__", kwnames)?;
    let [v, spec] = ArgSpec::exact::<2>(vm, "int.__format__", args, 1)?;
    let Some(spec_s) = spec.downcast_ref::<StrObject>().map(|s| s.to_string_lossy()) else {
        let msg = format!("__format__() argument must be str, not {}", vm.type_name(&spec));
        return Err(vm.type_error(msg));
    };
    if spec_s.is_empty() {
        return vm.str(&v);
    }
    let Some(iv) = as_int(&v) else {
        return Err(vm.type_error("descriptor '__format__' requires a 'int' object"));
    };
    let tname = type_of(&v).name_string();
    let spec = parse_spec_for(vm, &spec_s, &tname)?;
    let s = format_int_typed(vm, iv, &spec, &tname)?;
    Ok(vm.new_str(&s))
}

fn int_bit_length(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [v] = ArgSpec::exact::<1>(vm, "bit_length", args, 1)?;
    let n = match as_int(&v) {
        Some(IntView::Small(i)) => 64 - i.unsigned_abs().leading_zeros() as u64,
        Some(IntView::Big(b)) => b.bits(),
        None => 0,
    };
    Ok(Value::int(n as i64))
}

fn int_bit_count(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [v] = ArgSpec::exact::<1>(vm, "bit_count", args, 1)?;
    let n = match as_int(&v) {
        Some(IntView::Small(i)) => i.unsigned_abs().count_ones() as u64,
        Some(IntView::Big(b)) => b.magnitude().iter_u64_digits().map(|d| d.count_ones() as u64).sum(),
        None => 0,
    };
    Ok(Value::int(n as i64))
}

/// The `byteorder` argument of to_bytes/from_bytes: true for little-endian.
fn byteorder_is_little(vm: &mut Vm, v: Option<&Value>) -> PyResult<bool> {
    let Some(v) = v else { return Ok(false) };
    let Some(s) = v.downcast_ref::<StrObject>() else {
        let msg = format!("to_bytes() argument 'byteorder' must be str, not {}", vm.type_name(v));
        return Err(vm.type_error(msg));
    };
    match s.to_string_lossy().as_str() {
        "big" => Ok(false),
        "little" => Ok(true),
        _ => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn int_to_bytes(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "to_bytes", &args[1..], kw, &["length", "byteorder", "signed"], 2, 0)?;
    let value = as_int(&args[0]).map(|i| i.to_bigint()).unwrap_or_default();
    let length = match &a[0] {
        Some(l) => vm.index_i64(l)?,
        None => 1,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let little = byteorder_is_little(vm, a[1].as_ref())?;
    let signed = match &a[2] {
        Some(s) => vm.is_true(s)?,
        None => false,
    };
    if !signed && value.is_negative() {
        return Err(vm.new_error(ExcKind::OverflowError, "can't convert negative int to unsigned"));
    }
    let length = length as usize;
    let mut bytes = if signed { value.to_signed_bytes_le() } else { value.to_bytes_le().1 };
    if value.is_zero() {
        bytes.clear();
    }
    // Two's complement bytes may carry one redundant sign byte; drop it.
    if signed && bytes.len() > length {
        let fill = if value.is_negative() { 0xFF } else { 0 };
        while bytes.len() > length && bytes.last() == Some(&fill) {
            let top_sign = bytes.len() >= 2 && (bytes[bytes.len() - 2] & 0x80 != 0) == value.is_negative();
            if !top_sign {
                break;
            }
            bytes.pop();
        }
    }
    if bytes.len() > length {
        return Err(vm.new_error(ExcKind::OverflowError, "int too big to convert"));
    }
    let fill = if signed && value.is_negative() { 0xFF } else { 0 };
    if bytes.try_reserve_exact(length - bytes.len()).is_err() {
        return Err(vm.new_error(ExcKind::MemoryError, ""));
    }
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    Ok(crate::objects::bytes::new_bytes(&bytes))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)` (a classmethod).
fn int_from_bytes(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "from_bytes", &args[1..], kw, &["bytes", "byteorder", "signed"], 2, 1)?;
    let Some(src) = a[0].clone() else { return Ok(Value::int(0)) };
    // PyObject_Bytes, not bytes(): an int is not a size here.
    let int_without_bytes = as_int(&src).is_some() && type_of(&src).lookup_str(vm, "__bytes__").is_none();
    if src.downcast_ref::<StrObject>().is_some() || int_without_bytes {
        return Err(vm.type_error(format!("cannot convert '{}' object to bytes", vm.type_name(&src))));
    }
    let bytes_v = if src.downcast_ref::<crate::objects::bytes::BytesObject>().is_some() {
        src
    } else {
        let bt = BYTES_TYPE.get().as_value();
        vm.call1(&bt, src)?
    };
    let mut data = bytes_v
        .downcast_ref::<crate::objects::bytes::BytesObject>()
        .map(|b| b.data().to_vec())
        .unwrap_or_default();
    let little = byteorder_is_little(vm, a[1].as_ref())?;
    let signed = match &a[2] {
        Some(s) => vm.is_true(s)?,
        None => false,
    };
    if !little {
        data.reverse();
    }
    let n = if signed {
        BigInt::from_signed_bytes_le(&data)
    } else {
        BigInt::from_bytes_le(num_bigint::Sign::Plus, &data)
    };
    let r = int_from_big(n);
    match args.first() {
        Some(cls) if !cls.is(&INT_TYPE.get().as_value()) => vm.call1(cls, r),
        _ => Ok(r),
    }
}

fn int_conjugate(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [v] = ArgSpec::exact::<1>(vm, "conjugate", args, 1)?;
    int_pos(vm, &v)
}

fn int_self(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    int_pos(vm, v)
}

fn int_zero(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(Value::int(0))
}

fn int_one(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(Value::int(1))
}

fn int_index_method(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [v] = ArgSpec::exact::<1>(vm, "__index__", args, 1)?;
    int_pos(vm, &v)
}

fn int_round(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    ArgSpec::range(vm, "__round__", args, 1, 0, 1)?;
    let v = args[0].clone();
    let nd = match args.get(1) {
        None => return int_pos(vm, &v),
        Some(n) if n.is_none() => return int_pos(vm, &v),
        Some(n) => crate::objects::int::index_clamped(vm, n)?,
    };
    if nd >= 0 {
        return int_pos(vm, &v);
    }
    // Round half to even at 10**(-nd); 0 once that exceeds twice |x|.
    let x = as_int(&v).map(|i| i.to_bigint()).unwrap_or_default();
    let digits = x.bits() as f64 * std::f64::consts::LOG10_2 + 2.0;
    let Some(p) = u32::try_from(nd.unsigned_abs()).ok().filter(|&p| (p as f64) <= digits) else {
        return Ok(Value::int(0));
    };
    let m = num_traits::pow::Pow::pow(BigInt::from(10), p);
    use num_integer::Integer;
    let (q, r) = x.div_mod_floor(&m);
    let twice: BigInt = &r * 2;
    let q = match twice.cmp(&m) {
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal if q.is_odd() => q + 1,
        _ => q,
    };
    Ok(int_from_big(q * m))
}

fn int_getnewargs(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [v] = ArgSpec::exact::<1>(vm, "__getnewargs__", args, 1)?;
    let i = int_pos(vm, &v)?;
    Ok(new_tuple(vec![i]))
}

fn int_as_integer_ratio(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [v] = ArgSpec::exact::<1>(vm, "as_integer_ratio", args, 1)?;
    let i = int_pos(vm, &v)?;
    Ok(new_tuple(vec![i, Value::int(1)]))
}

fn int_trunc_method(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [v] = ArgSpec::exact::<1>(vm, "__trunc__", args, 1)?;
    int_pos(vm, &v)
}

/// `divmod(a, b)` of two ints; NotImplemented for other operands.
pub(crate) fn int_divmod_values(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_int(a), as_int(b)) else {
        return Ok(not_implemented());
    };
    let q = int_binop(vm, nb::FLOOR_DIVIDE, x, y)?;
    let (Some(x), Some(y)) = (as_int(a), as_int(b)) else {
        return Ok(not_implemented());
    };
    let r = int_binop(vm, nb::REMAINDER, x, y)?;
    Ok(new_tuple(vec![q, r]))
}

/// `__divmod__`/`__rdivmod__` slot wrappers (CPython's nb_divmod, which
/// pyrite's `divmod()` reaches by name).
fn add_divmod_wrappers(t: &'static StaticType, f: BinaryFn) {
    use crate::objects::descr::{new_slot_wrapper, SlotFn};
    crate::typeinit::set_attr(t.get(), "__divmod__", new_slot_wrapper("__divmod__", t.ptr(), SlotFn::Binary(f)));
    crate::typeinit::set_attr(t.get(), "__rdivmod__", new_slot_wrapper("__rdivmod__", t.ptr(), SlotFn::BinaryR(f)));
}

// ---- bool ----

fn bool_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(crate::objects::str::intern(if v.is_true_obj() {
        "True"
    } else {
        "False"
    }))
}

fn bool_new(vm: &mut Vm, _cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "bool", kwnames)?;
    ArgSpec::range(vm, "bool", args, 0, 0, 1)?;
    match args.first() {
        None => Ok(Value::bool(false)),
        Some(x) => {
            let b = vm.is_true(x)?;
            Ok(Value::bool(b))
        }
    }
}

/// `&`, `|`, `^` on two bools give a bool; otherwise int's operation.
fn bool_logic<const OP: usize>(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let ab = a.is_true_obj() || a.is_false_obj();
    let bb = b.is_true_obj() || b.is_false_obj();
    if ab && bb {
        let (x, y) = (a.is_true_obj(), b.is_true_obj());
        return Ok(Value::bool(match OP {
            nb::AND => x & y,
            nb::OR => x | y,
            _ => x ^ y,
        }));
    }
    int_nb::<OP>(vm, a, b)
}

// ---- float ----

fn float_repr_slot(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = as_float(v).unwrap_or(0.0);
    Ok(crate::objects::str::new_str(&crate::objects::float::float_repr(f)))
}

fn float_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let f = as_float(v).unwrap_or(0.0);
    // A NaN hashes by identity, as object.__hash__ does.
    let identity = v.as_ptr().map_or(v.bits(), |p| p.as_ptr() as u64);
    Ok(crate::hash::hash_f64(f, identity))
}

fn float_richcompare(_vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let Some(x) = as_float(a) else {
        return Ok(not_implemented());
    };
    let ord = if let Some(y) = as_float(b) {
        x.partial_cmp(&y)
    } else if let Some(i) = as_int(b) {
        cmp_int_float(i, x).map(|o| o.reverse())
    } else {
        return Ok(not_implemented());
    };
    Ok(Value::bool(match ord {
        Some(o) => op.test(o),
        None => op == CompareOp::Ne,
    }))
}

fn float_nb<const OP: usize>(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if as_float(a).is_none() && as_float(b).is_none() {
        return Ok(not_implemented());
    }
    let Some(x) = float_operand(vm, a)? else {
        return Ok(not_implemented());
    };
    let Some(y) = float_operand(vm, b)? else {
        return Ok(not_implemented());
    };
    float_binop(vm, OP, x, y)
}

fn float_bool(_vm: &mut Vm, v: &Value) -> PyResult<bool> {
    Ok(as_float(v).is_some_and(|f| f != 0.0))
}

fn float_neg(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::float(-as_float(v).unwrap_or(0.0)))
}

fn float_pos(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::float(as_float(v).unwrap_or(0.0)))
}

fn float_abs(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::float(as_float(v).unwrap_or(0.0).abs()))
}

fn float_int(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    float_to_int(vm, as_float(v).unwrap_or(0.0))
}

/// `float(x=0.0)`.
fn float_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let t = cls.downcast_ref::<TypeObject>().unwrap_or(FLOAT_TYPE.get());
    // A subclass with its own __init__ may take keywords (ignored here).
    if super::inherits_method(vm, t, FLOAT_TYPE.get(), "__init__") {
        check_no_kwargs(vm, "float", kwnames)?;
    }
    let (args, _) = crate::args::split_kwargs(args, kwnames);
    ArgSpec::range(vm, "float", args, 0, 0, 1)?;
    let f = match args.first() {
        None => 0.0,
        Some(x) => float_from_object(vm, x)?,
    };
    match cls.downcast_ref::<TypeObject>() {
        Some(t) if !std::ptr::eq(t, FLOAT_TYPE.get()) => Ok(new_float_subclass(t, f)),
        _ => Ok(Value::float(f)),
    }
}

pub fn float_from_object(vm: &mut Vm, x: &Value) -> PyResult<f64> {
    if let (Some(f), true) = (as_float(x), x.is_float() || is_exact(x, &FLOAT_TYPE)) {
        return Ok(f);
    }
    if let (Some(i), true) = (as_int(x), x.is_small_int() || is_exact(x, &INT_TYPE)) {
        return i
            .to_f64()
            .map_err(|_| vm.new_error(ExcKind::OverflowError, "int too large to convert to float"));
    }
    if is_exact(x, &STR_TYPE) {
        return float_from_text(vm, x);
    }
    let t = type_of(x);
    if let Some(f) = t.slots().float {
        let r = f(vm, x)?;
        let Some(value) = as_float(&r) else {
            let msg = format!("{}.__float__ returned non-float (type {})", t.name_string(), vm.type_name(&r));
            return Err(vm.type_error(msg));
        };
        if !r.is_float() && !is_exact(&r, &FLOAT_TYPE) {
            let msg = format!(
                "{}.__float__ returned non-float (type {}).  The ability to return an instance of a strict subclass of float is deprecated, and may be removed in a future version of Python.",
                t.name_string(),
                vm.type_name(&r)
            );
            crate::builtins::warn(vm, ExcKind::DeprecationWarning, &msg, 1)?;
        }
        return Ok(value);
    }
    if t.slots().index.is_some() {
        let i = vm.index(x)?;
        return match as_int(&i) {
            Some(iv) => iv
                .to_f64()
                .map_err(|_| vm.new_error(ExcKind::OverflowError, "int too large to convert to float")),
            None => Ok(0.0),
        };
    }
    if let Some(f) = as_float(x) {
        return Ok(f);
    }
    float_from_text(vm, x)
}

/// `PyFloat_FromString`: a str, bytes-like object or buffer holding a float.
fn float_from_text(vm: &mut Vm, x: &Value) -> PyResult<f64> {
    let text = if let Some(s) = x.downcast_ref::<StrObject>() {
        Some(crate::objects::float::ascii_numeric_text(s.code_points()))
    } else {
        let ascii = |data: &[u8]| -> String { data.iter().map(|&c| if c < 128 { c as char } else { '?' }).collect() };
        crate::objects::memoryview::bytes_like(vm, x)?.map(|d| ascii(&d))
    };
    let Some(text) = text else {
        let msg = format!("float() argument must be a string or a real number, not '{}'", vm.type_name(x));
        return Err(vm.type_error(msg));
    };
    match parse_float(&text) {
        Some(f) => Ok(f),
        None => {
            let shown = if x.downcast_ref::<StrObject>().is_some()
                || x.downcast_ref::<crate::objects::bytes::BytesObject>().is_some()
                || x.downcast_ref::<crate::objects::bytearray::ByteArrayObject>().is_some()
            {
                x.clone()
            } else {
                let data = crate::objects::memoryview::bytes_like(vm, x)?.map(|d| d.into_owned()).unwrap_or_default();
                crate::objects::bytes::new_bytes(&data)
            };
            let r = vm.repr_string(&shown)?;
            Err(vm.value_error(format!("could not convert string to float: {r}")))
        }
    }
}

fn float_format(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "__format__", kwnames)?;
    let [v, spec] = ArgSpec::exact::<2>(vm, "float.__format__", args, 1)?;
    let Some(spec_s) = spec.downcast_ref::<StrObject>().map(|s| s.to_string_lossy()) else {
        let msg = format!("__format__() argument must be str, not {}", vm.type_name(&spec));
        return Err(vm.type_error(msg));
    };
    if spec_s.is_empty() {
        return vm.str(&v);
    }
    let tname = type_of(&v).name_string();
    let spec = parse_spec_for(vm, &spec_s, &tname)?;
    let s = format_float_typed(vm, as_float(&v).unwrap_or(0.0), &spec, &tname)?;
    Ok(vm.new_str(&s))
}

fn float_hex_method(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [v] = ArgSpec::exact::<1>(vm, "hex", args, 1)?;
    let s = crate::objects::float::float_hex(as_float(&v).unwrap_or(0.0));
    Ok(vm.new_str(&s))
}

/// `float.fromhex(string)` (a classmethod: a subclass gets `cls(value)`).
fn float_fromhex_method(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [cls, text] = ArgSpec::exact::<2>(vm, "fromhex", args, 1)?;
    let Some(s) = text.downcast_ref::<StrObject>() else {
        return Err(vm.type_error("bad argument type for built-in operation"));
    };
    // The text as UTF-8 (no digit conversion: '０' is invalid here).
    let t = s.to_string_lossy();
    let f = match crate::objects::float::float_fromhex(&t) {
        Ok(f) => f,
        Err(crate::objects::float::FromHexError::Overflow) => {
            return Err(vm.new_error(
                ExcKind::OverflowError,
                "hexadecimal value too large to represent as a float",
            ))
        }
        Err(crate::objects::float::FromHexError::Invalid) => {
            return Err(vm.value_error("invalid hexadecimal floating-point string"))
        }
    };
    if cls.is(&FLOAT_TYPE.get().as_value()) {
        return Ok(Value::float(f));
    }
    vm.call1(&cls, Value::float(f))
}

fn float_getformat(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [_cls, typestr] = ArgSpec::exact::<2>(vm, "__getformat__", args, 1)?;
    let Some(s) = typestr.downcast_ref::<StrObject>() else {
        let msg = format!("__getformat__() argument must be str, not {}", vm.type_name(&typestr));
        return Err(vm.type_error(msg));
    };
    match s.to_string_lossy().as_str() {
        "double" | "float" => Ok(vm.new_str("IEEE, little-endian")),
        _ => Err(vm.value_error("__getformat__() argument 1 must be 'double' or 'float'")),
    }
}

fn float_is_integer(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [v] = ArgSpec::exact::<1>(vm, "is_integer", args, 1)?;
    let f = as_float(&v).unwrap_or(0.0);
    Ok(Value::bool(f.is_finite() && f.fract() == 0.0))
}

fn float_as_integer_ratio(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [v] = ArgSpec::exact::<1>(vm, "as_integer_ratio", args, 1)?;
    let f = as_float(&v).unwrap_or(0.0);
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(vm.new_error(ExcKind::OverflowError, "cannot convert Infinity to integer ratio"));
    }
    let (num, den) = crate::objects::float::float_ratio(f);
    Ok(new_tuple(vec![int_from_big(num), int_from_big(den)]))
}

fn float_round(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    ArgSpec::range(vm, "__round__", args, 1, 0, 1)?;
    let f = as_float(&args[0]).unwrap_or(0.0);
    match args.get(1).filter(|n| !n.is_none()) {
        None => {
            let r = f.round_ties_even();
            float_to_int(vm, r)
        }
        Some(n) => {
            // ndigits is clamped to the C ssize_t range, as PyNumber_AsSsize_t(o, NULL).
            let i = vm.index(n)?;
            let nd = match as_int(&i) {
                Some(IntView::Small(k)) => k,
                Some(IntView::Big(b)) => {
                    if b.is_negative() {
                        i64::MIN
                    } else {
                        i64::MAX
                    }
                }
                None => 0,
            };
            let r = round_float_digits(f, nd);
            if r.is_infinite() && f.is_finite() {
                return Err(vm.new_error(ExcKind::OverflowError, "rounded value too large to represent"));
            }
            Ok(Value::float(r))
        }
    }
}

/// `round(x, ndigits)`: x rounded half-to-even at 10**-ndigits on its exact
/// binary value (CPython's dtoa mode 3), read back correctly rounded.
pub fn round_float_digits(x: f64, nd: i64) -> f64 {
    // CPython's NDIGITS_MAX and NDIGITS_MIN for IEEE doubles.
    if nd > 323 {
        return x;
    }
    if nd < -308 {
        return 0.0 * x;
    }
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    if nd >= 0 {
        let s = format!("{:.*}", nd as usize, x);
        return s.parse::<f64>().unwrap_or(x);
    }
    // Digits before the point of |x|, from its exact e-form exponent.
    let e_form = format!("{:e}", x.abs());
    let exp: i64 = e_form.split('e').nth(1).and_then(|e| e.parse().ok()).unwrap_or(0);
    let keep = exp + 1 + nd; // significant digits kept
    if keep <= 0 {
        // |x| < 10**-nd: the result is 0 or 10**-nd (ties go to even, 0).
        if keep < 0 {
            return 0.0 * x;
        }
        let unit = format!("1e{}", -nd).parse::<f64>().unwrap_or(f64::INFINITY);
        // |x| and half a unit share their leading decimal position here:
        // compare x's exact digits with 5000...
        let exact = format!("{:.*e}", 800, x.abs());
        let mant: Vec<u8> = exact
            .bytes()
            .take_while(|&b| b != b'e')
            .filter(|b| b.is_ascii_digit())
            .collect();
        let above = match mant.first() {
            Some(&d) if d > b'5' => true,
            Some(&b'5') => mant[1..].iter().any(|&d| d != b'0'),
            _ => false,
        };
        return if above { unit.copysign(x) } else { 0.0 * x };
    }
    let s = format!("{:.*e}", (keep - 1) as usize, x);
    s.parse::<f64>().unwrap_or(x)
}

fn float_trunc(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [v] = ArgSpec::exact::<1>(vm, "__trunc__", args, 1)?;
    float_int(vm, &v)
}

/// `divmod(a, b)` with float or int operands, one a float; NotImplemented
/// for other operands.
pub(crate) fn float_divmod_values(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (Some(x), Some(y)) = (float_operand(vm, a)?, float_operand(vm, b)?) else {
        return Ok(not_implemented());
    };
    if y == 0.0 {
        return Err(vm.new_error(ExcKind::ZeroDivisionError, "float divmod()"));
    }
    let (q, r) = crate::objects::float::float_divmod(x, y);
    Ok(new_tuple(vec![Value::float(q), Value::float(r)]))
}


fn float_floor(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [v] = ArgSpec::exact::<1>(vm, "__floor__", args, 1)?;
    float_to_int(vm, as_float(&v).unwrap_or(0.0).floor())
}

fn float_ceil(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [v] = ArgSpec::exact::<1>(vm, "__ceil__", args, 1)?;
    float_to_int(vm, as_float(&v).unwrap_or(0.0).ceil())
}

fn float_real(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::float(as_float(v).unwrap_or(0.0)))
}

fn float_imag(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(Value::float(0.0))
}

fn float_conjugate(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [v] = ArgSpec::exact::<1>(vm, "conjugate", args, 1)?;
    Ok(Value::float(as_float(&v).unwrap_or(0.0)))
}

fn float_getnewargs(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [v] = ArgSpec::exact::<1>(vm, "__getnewargs__", args, 1)?;
    Ok(new_tuple(vec![Value::float(as_float(&v).unwrap_or(0.0))]))
}

pub(crate) fn init() {
    let s = INT_TYPE.get().slots_mut();
    s.repr = Some(int_repr);
    s.hash = Some(int_hash);
    s.richcompare = Some(int_richcompare);
    s.bool = Some(int_bool);
    s.neg = Some(int_neg);
    s.pos = Some(int_pos);
    s.invert = Some(int_invert);
    s.abs = Some(int_abs);
    s.index = Some(int_pos);
    s.int = Some(int_pos);
    s.float = Some(int_float);
    s.new = Some(int_new);
    s.nb[nb::ADD] = Some(int_nb::<{ nb::ADD }>);
    s.nb[nb::AND] = Some(int_nb::<{ nb::AND }>);
    s.nb[nb::FLOOR_DIVIDE] = Some(int_nb::<{ nb::FLOOR_DIVIDE }>);
    s.nb[nb::LSHIFT] = Some(int_nb::<{ nb::LSHIFT }>);
    s.nb[nb::MULTIPLY] = Some(int_nb::<{ nb::MULTIPLY }>);
    s.nb[nb::REMAINDER] = Some(int_nb::<{ nb::REMAINDER }>);
    s.nb[nb::OR] = Some(int_nb::<{ nb::OR }>);
    s.nb[nb::POWER] = Some(int_nb::<{ nb::POWER }>);
    s.nb[nb::RSHIFT] = Some(int_nb::<{ nb::RSHIFT }>);
    s.nb[nb::SUBTRACT] = Some(int_nb::<{ nb::SUBTRACT }>);
    s.nb[nb::TRUE_DIVIDE] = Some(int_nb::<{ nb::TRUE_DIVIDE }>);
    s.nb[nb::XOR] = Some(int_nb::<{ nb::XOR }>);
    add_method(&INT_TYPE, "__format__", int_format);
    add_divmod_wrappers(&INT_TYPE, int_divmod_values);
    add_method(&INT_TYPE, "bit_length", int_bit_length);
    add_method(&INT_TYPE, "bit_count", int_bit_count);
    add_method(&INT_TYPE, "to_bytes", int_to_bytes);
    crate::typeinit::add_classmethod(&INT_TYPE, "from_bytes", int_from_bytes);
    add_method(&INT_TYPE, "conjugate", int_conjugate);
    add_method(&INT_TYPE, "__round__", int_round);
    add_method(&INT_TYPE, "__trunc__", int_trunc_method);
    add_method(&INT_TYPE, "__floor__", int_trunc_method);
    add_method(&INT_TYPE, "__ceil__", int_trunc_method);
    add_method(&INT_TYPE, "__getnewargs__", int_getnewargs);
    add_method(&INT_TYPE, "as_integer_ratio", int_as_integer_ratio);
    let _ = int_index_method;
    add_getset(&INT_TYPE, "real", int_self, None);
    add_getset(&INT_TYPE, "imag", int_zero, None);
    add_getset(&INT_TYPE, "numerator", int_self, None);
    add_getset(&INT_TYPE, "denominator", int_one, None);

    let s = BOOL_TYPE.get().slots_mut();
    s.repr = Some(bool_repr);
    s.new = Some(bool_new);
    s.nb[nb::AND] = Some(bool_logic::<{ nb::AND }>);
    s.nb[nb::OR] = Some(bool_logic::<{ nb::OR }>);
    s.nb[nb::XOR] = Some(bool_logic::<{ nb::XOR }>);

    let s = FLOAT_TYPE.get().slots_mut();
    s.repr = Some(float_repr_slot);
    s.hash = Some(float_hash);
    s.richcompare = Some(float_richcompare);
    s.bool = Some(float_bool);
    s.neg = Some(float_neg);
    s.pos = Some(float_pos);
    s.abs = Some(float_abs);
    s.int = Some(float_int);
    s.float = Some(float_pos);
    s.new = Some(float_new);
    s.nb[nb::ADD] = Some(float_nb::<{ nb::ADD }>);
    s.nb[nb::SUBTRACT] = Some(float_nb::<{ nb::SUBTRACT }>);
    s.nb[nb::MULTIPLY] = Some(float_nb::<{ nb::MULTIPLY }>);
    s.nb[nb::TRUE_DIVIDE] = Some(float_nb::<{ nb::TRUE_DIVIDE }>);
    s.nb[nb::FLOOR_DIVIDE] = Some(float_nb::<{ nb::FLOOR_DIVIDE }>);
    s.nb[nb::REMAINDER] = Some(float_nb::<{ nb::REMAINDER }>);
    s.nb[nb::POWER] = Some(float_nb::<{ nb::POWER }>);
    add_method(&FLOAT_TYPE, "__format__", float_format);
    add_divmod_wrappers(&FLOAT_TYPE, float_divmod_values);
    add_method(&FLOAT_TYPE, "is_integer", float_is_integer);
    add_method(&FLOAT_TYPE, "hex", float_hex_method);
    crate::typeinit::add_classmethod(&FLOAT_TYPE, "fromhex", float_fromhex_method);
    crate::typeinit::add_classmethod(&FLOAT_TYPE, "__getformat__", float_getformat);
    add_method(&FLOAT_TYPE, "as_integer_ratio", float_as_integer_ratio);
    add_method(&FLOAT_TYPE, "__round__", float_round);
    add_method(&FLOAT_TYPE, "__trunc__", float_trunc);
    add_method(&FLOAT_TYPE, "__floor__", float_floor);
    add_method(&FLOAT_TYPE, "__ceil__", float_ceil);
    add_method(&FLOAT_TYPE, "conjugate", float_conjugate);
    add_method(&FLOAT_TYPE, "__getnewargs__", float_getnewargs);
    add_getset(&FLOAT_TYPE, "real", float_real, None);
    add_getset(&FLOAT_TYPE, "imag", float_imag, None);
    let _ = (
        ToPrimitive::to_i64 as fn(&BigInt) -> Option<i64>,
        Signed::abs as fn(&BigInt) -> BigInt,
    );
}

#[cfg(test)]
mod tests {
    use super::round_float_digits;

    #[test]
    fn rounding_to_digits() {
        assert_eq!(round_float_digits(2.675, 2), 2.67);
        assert_eq!(round_float_digits(0.125, 2), 0.12);
        assert_eq!(round_float_digits(1234.5678, -2), 1200.0);
        assert_eq!(round_float_digits(-0.5, 0), -0.0);
    }
}
