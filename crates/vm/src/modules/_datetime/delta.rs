//! `datetime.timedelta`: (days, seconds, microseconds), normalized so that
//! 0 <= seconds < 86400 and 0 <= microseconds < 10**6.

use super::{parse_args, repr_type_name, MAX_DELTA_DAYS, US_PER_DAY, US_PER_SECOND};
use crate::exception::{ExcKind, PyResult};
use crate::modules::{init_native_type, NativeType};
use crate::object::LayoutKind;
use crate::objects::float::{as_float, float_ratio};
use crate::objects::int::{as_int, int_from_big, int_true_divide, IntView};
use crate::objects::native::{new_native, NativeData};
use crate::objects::singletons::not_implemented;
use crate::objects::tuple::new_tuple;
use crate::typeinit::{add_getset_to, add_method_to, set_attr};
use crate::typeobj::{nb, type_flags, type_of, CompareOp, KwNames, TypeObject, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub(crate) struct Delta {
    pub days: i32,
    pub secs: i32,
    pub us: i32,
}

impl NativeData for Delta {}

impl Delta {
    pub const ZERO: Delta = Delta { days: 0, secs: 0, us: 0 };

    pub fn total_us(self) -> i128 {
        self.days as i128 * US_PER_DAY as i128 + self.secs as i128 * US_PER_SECOND as i128 + self.us as i128
    }

    /// The normalized delta of `us` microseconds, without the range check.
    pub fn from_us_unchecked(us: i128) -> Option<Delta> {
        // 64-bit division when it fits (the common case; i128 division is a
        // library call).
        if let Ok(small) = i64::try_from(us) {
            let days = i32::try_from(small.div_euclid(US_PER_DAY)).ok()?;
            let rest = small.rem_euclid(US_PER_DAY);
            return Some(Delta {
                days,
                secs: (rest / US_PER_SECOND) as i32,
                us: (rest % US_PER_SECOND) as i32,
            });
        }
        let days = us.div_euclid(US_PER_DAY as i128);
        let rest = us.rem_euclid(US_PER_DAY as i128) as i64;
        let days = i32::try_from(days).ok()?;
        Some(Delta {
            days,
            secs: (rest / US_PER_SECOND) as i32,
            us: (rest % US_PER_SECOND) as i32,
        })
    }

    pub fn is_zero(self) -> bool {
        self == Delta::ZERO
    }
}

/// The delta of `us` microseconds, or CPython's OverflowError.
pub(super) fn delta_from_us(vm: &mut Vm, us: i128) -> PyResult<Delta> {
    match Delta::from_us_unchecked(us) {
        Some(d) => check_days(vm, d),
        None => Err(vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C int")),
    }
}

fn check_days(vm: &mut Vm, d: Delta) -> PyResult<Delta> {
    if (d.days as i64).abs() > MAX_DELTA_DAYS {
        let msg = format!("days={}; must have magnitude <= {MAX_DELTA_DAYS}", d.days);
        return Err(vm.new_error(ExcKind::OverflowError, msg));
    }
    Ok(d)
}

static DELTA: NativeType = NativeType::new();

pub(super) fn delta_type() -> &'static TypeObject {
    DELTA.get_or_init(|st| {
        let t = init_native_type(st, "datetime", "timedelta", LayoutKind::Native, &OBJECT_TYPE, type_flags::BASETYPE, |s| {
            s.new = Some(delta_new);
            s.repr = Some(delta_repr);
            s.str = Some(delta_str);
            s.hash = Some(delta_hash);
            s.richcompare = Some(delta_richcompare);
            s.bool = Some(delta_bool);
            s.neg = Some(delta_neg);
            s.pos = Some(delta_pos);
            s.abs = Some(delta_abs);
            s.nb[nb::ADD] = Some(delta_add);
            s.nb[nb::SUBTRACT] = Some(delta_sub);
            s.nb[nb::MULTIPLY] = Some(delta_mul);
            s.nb[nb::TRUE_DIVIDE] = Some(delta_truediv);
            s.nb[nb::FLOOR_DIVIDE] = Some(delta_floordiv);
            s.nb[nb::REMAINDER] = Some(delta_mod);
        });
        add_getset_to(t, "days", |_, v| Ok(Value::int(get(v).days as i64)), None);
        add_getset_to(t, "seconds", |_, v| Ok(Value::int(get(v).secs as i64)), None);
        add_getset_to(t, "microseconds", |_, v| Ok(Value::int(get(v).us as i64)), None);
        add_method_to(t, "total_seconds", delta_total_seconds);
        add_method_to(t, "__reduce__", delta_reduce);
        add_method_to(t, "__divmod__", delta_divmod);
        add_method_to(t, "__rdivmod__", delta_rdivmod);
    })
}

pub(super) fn add_class_constants() {
    let t = delta_type();
    set_attr(t, "min", new_delta(Delta { days: -999_999_999, secs: 0, us: 0 }));
    set_attr(t, "max", new_delta(Delta { days: 999_999_999, secs: 86_399, us: 999_999 }));
    set_attr(t, "resolution", new_delta(Delta { days: 0, secs: 0, us: 1 }));
}

/// The delta held by `v` (zero for an object that holds none: only reached
/// through descriptors that checked the type).
fn get(v: &Value) -> Delta {
    v.native_ref::<Delta>().copied().unwrap_or(Delta::ZERO)
}

/// The delta of a timedelta instance.
pub(crate) fn as_delta(v: &Value) -> Option<Delta> {
    if type_of(v).is_subtype(delta_type()) {
        v.native_ref::<Delta>().copied()
    } else {
        None
    }
}

pub(crate) fn new_delta(d: Delta) -> Value {
    new_native(delta_type(), d)
}

/// A delta from day/second/microsecond parts (normalizing, range-checked).
pub(super) fn make_delta(vm: &mut Vm, days: i64, secs: i64, us: i64) -> PyResult<Delta> {
    let total = days as i128 * US_PER_DAY as i128 + secs as i128 * US_PER_SECOND as i128 + us as i128;
    delta_from_us(vm, total)
}

// ---------------------------------------------------------------------------
// Construction.

const COMPONENTS: [(&str, i64); 7] = [
    ("microseconds", 1),
    ("milliseconds", 1_000),
    ("seconds", 1_000_000),
    ("minutes", 60_000_000),
    ("hours", 3_600_000_000),
    ("days", 86_400_000_000),
    ("weeks", 604_800_000_000),
];

fn too_large(vm: &mut Vm) -> crate::exception::PyErr {
    vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C int")
}

/// Adds `num * factor` microseconds to `sofar`; the fractional microseconds
/// of a float go to `leftover` (rounded once at the end, as CPython does).
fn accum(vm: &mut Vm, tag: &str, sofar: i128, num: &Value, factor: i64, leftover: &mut f64) -> PyResult<i128> {
    if let Some(i) = as_int(num) {
        let n: i128 = match i {
            IntView::Small(s) => s as i128,
            IntView::Big(b) => b.to_i128().ok_or_else(|| too_large(vm))?,
        };
        return n
            .checked_mul(factor as i128)
            .and_then(|p| p.checked_add(sofar))
            .ok_or_else(|| too_large(vm));
    }
    if let Some(f) = as_float(num) {
        if f.is_infinite() {
            return Err(vm.new_error(ExcKind::OverflowError, "cannot convert float infinity to integer"));
        }
        if f.is_nan() {
            return Err(vm.value_error("cannot convert float NaN to integer"));
        }
        let int_part = f.trunc();
        let frac = f - int_part;
        if int_part.abs() > 1e36 {
            return Err(too_large(vm));
        }
        let sum = (int_part as i128)
            .checked_mul(factor as i128)
            .and_then(|p| p.checked_add(sofar))
            .ok_or_else(|| too_large(vm))?;
        if frac == 0.0 {
            return Ok(sum);
        }
        let scaled = factor as f64 * frac;
        let whole = scaled.trunc();
        *leftover += scaled - whole;
        return sum.checked_add(whole as i128).ok_or_else(|| too_large(vm));
    }
    let msg = format!("unsupported type for timedelta {tag} component: {}", vm.type_name(num));
    Err(vm.type_error(msg))
}

fn delta_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let names = ["days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"];
    let a = parse_args(vm, Some("__new__"), args, kwnames, &names, 0)?;
    let mut total: i128 = 0;
    let mut leftover = 0.0f64;
    // CPython accumulates from the smallest unit up; the order shows in
    // which component's type error is reported first.
    for (tag, factor) in COMPONENTS {
        let idx = names.iter().position(|n| *n == tag).unwrap_or(0);
        if let Some(v) = &a[idx] {
            total = accum(vm, tag, total, v, factor, &mut leftover)?;
        }
    }
    if leftover != 0.0 {
        let mut whole = leftover.round();
        if (whole - leftover).abs() == 0.5 {
            // Exactly halfway: round to even, taking the integer part's parity.
            let odd = (total & 1) as f64;
            whole = 2.0 * ((leftover + odd) * 0.5).round() - odd;
        }
        total = total.checked_add(whole as i128).ok_or_else(|| too_large(vm))?;
    }
    let d = delta_from_us(vm, total)?;
    let t = super::cls_type(cls).filter(|t| t.is_subtype(delta_type())).unwrap_or(delta_type());
    Ok(new_native(t, d))
}

// ---------------------------------------------------------------------------
// Text.

fn delta_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = get(v);
    let mut parts: Vec<String> = Vec::with_capacity(3);
    if d.days != 0 {
        parts.push(format!("days={}", d.days));
    }
    if d.secs != 0 {
        parts.push(format!("seconds={}", d.secs));
    }
    if d.us != 0 {
        parts.push(format!("microseconds={}", d.us));
    }
    let body = if parts.is_empty() { "0".to_string() } else { parts.join(", ") };
    Ok(vm.new_str(&format!("{}({body})", repr_type_name(vm, v))))
}

pub(super) fn delta_text(d: Delta) -> String {
    let mut s = String::new();
    if d.days != 0 {
        let plural = if d.days == 1 || d.days == -1 { "" } else { "s" };
        s.push_str(&format!("{} day{plural}, ", d.days));
    }
    let (h, rem) = (d.secs / 3600, d.secs % 3600);
    s.push_str(&format!("{}:{:02}:{:02}", h, rem / 60, rem % 60));
    if d.us != 0 {
        s.push_str(&format!(".{:06}", d.us));
    }
    s
}

fn delta_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(vm.new_str(&delta_text(get(v))))
}

// ---------------------------------------------------------------------------
// Comparison and hashing.

pub(super) fn delta_hash_of(vm: &mut Vm, d: Delta) -> PyResult<i64> {
    let t = new_tuple(vec![Value::int(d.days as i64), Value::int(d.secs as i64), Value::int(d.us as i64)]);
    vm.hash(&t)
}

fn delta_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    delta_hash_of(vm, get(v))
}

pub(super) fn cmp_result(ord: std::cmp::Ordering, op: CompareOp) -> Value {
    use std::cmp::Ordering::*;
    Value::bool(match op {
        CompareOp::Lt => ord == Less,
        CompareOp::Le => ord != Greater,
        CompareOp::Eq => ord == Equal,
        CompareOp::Ne => ord != Equal,
        CompareOp::Gt => ord == Greater,
        CompareOp::Ge => ord != Less,
    })
}

fn delta_richcompare(_vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    match (as_delta(a), as_delta(b)) {
        (Some(x), Some(y)) => Ok(cmp_result(x.cmp(&y), op)),
        _ => Ok(not_implemented()),
    }
}

fn delta_bool(_vm: &mut Vm, v: &Value) -> PyResult<bool> {
    Ok(!get(v).is_zero())
}

// ---------------------------------------------------------------------------
// Arithmetic (results are always exact timedeltas, as CPython's).

fn delta_neg(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = delta_from_us(vm, -get(v).total_us())?;
    Ok(new_delta(d))
}

fn delta_pos(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_delta(get(v)))
}

fn delta_abs(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if get(v).days < 0 {
        delta_neg(vm, v)
    } else {
        delta_pos(vm, v)
    }
}

fn delta_add(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    match (as_delta(a), as_delta(b)) {
        (Some(x), Some(y)) => {
            let d = add_deltas(vm, x, y)?;
            Ok(new_delta(d))
        }
        _ => Ok(not_implemented()),
    }
}

/// `x + y` without going through microseconds (the fast path of the loop
/// `t += step`).
pub(super) fn add_deltas(vm: &mut Vm, x: Delta, y: Delta) -> PyResult<Delta> {
    // Both operands are normalized: 0 <= us < 10**6, 0 <= secs < 86400.
    let mut us = x.us + y.us;
    let mut secs = x.secs + y.secs;
    let mut days = x.days as i64 + y.days as i64;
    if us >= US_PER_SECOND as i32 {
        us -= US_PER_SECOND as i32;
        secs += 1;
    }
    if secs >= 86_400 {
        secs -= 86_400;
        days += 1;
    }
    if days.abs() > MAX_DELTA_DAYS {
        let msg = format!("days={days}; must have magnitude <= {MAX_DELTA_DAYS}");
        return Err(vm.new_error(ExcKind::OverflowError, msg));
    }
    Ok(Delta { days: days as i32, secs, us })
}

fn delta_sub(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    match (as_delta(a), as_delta(b)) {
        (Some(x), Some(y)) => {
            let d = add_deltas(vm, x, negated(y))?;
            Ok(new_delta(d))
        }
        _ => Ok(not_implemented()),
    }
}

/// `-d` with the parts kept normalized (days may reach 10**9 here; the
/// sum's range check catches it).
fn negated(d: Delta) -> Delta {
    let (mut days, mut secs, mut us) = (-(d.days as i64), -(d.secs as i64), -(d.us as i64));
    if us < 0 {
        us += US_PER_SECOND;
        secs -= 1;
    }
    if secs < 0 {
        secs += 86_400;
        days -= 1;
    }
    // |days| <= 10**9 fits an i32.
    Delta { days: days as i32, secs: secs as i32, us: us as i32 }
}

/// An int operand (not a float), as i128 when it fits.
enum IntArg {
    Fits(i128),
    Huge,
}

fn int_arg(v: &Value) -> Option<IntArg> {
    match as_int(v)? {
        IntView::Small(s) => Some(IntArg::Fits(s as i128)),
        IntView::Big(b) => Some(b.to_i128().map_or(IntArg::Huge, IntArg::Fits)),
    }
}

fn big_to_delta(vm: &mut Vm, us: &BigInt) -> PyResult<Value> {
    let us = us.to_i128().ok_or_else(|| too_large(vm))?;
    let d = delta_from_us(vm, us)?;
    Ok(new_delta(d))
}

/// Round-half-even `a / b` (b != 0), CPython's _PyLong_DivmodNear.
fn divide_nearest_big(a: &BigInt, b: &BigInt) -> BigInt {
    use num_integer::Integer;
    // a/b = q + r/b with r/b in [0, 1) (r has b's sign).
    let (q, r) = a.div_mod_floor(b);
    let twice: BigInt = (&r * BigInt::from(2)).abs();
    let babs = b.abs();
    if twice > babs || (twice == babs && q.is_odd()) {
        q + 1
    } else {
        q
    }
}

fn divide_nearest(a: i128, b: i128) -> i128 {
    let q = floor_div(a, b);
    let r = a - q * b;
    let twice = r.unsigned_abs() * 2;
    let babs = b.unsigned_abs();
    if twice > babs || (twice == babs && q & 1 == 1) {
        q + 1
    } else {
        q
    }
}

/// Python's floor division (b != 0).
fn floor_div(a: i128, b: i128) -> i128 {
    let q = a / b;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

fn delta_mul(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (d, other) = match (as_delta(a), as_delta(b)) {
        (Some(d), None) => (d, b),
        (None, Some(d)) => (d, a),
        _ => return Ok(not_implemented()),
    };
    if let Some(n) = int_arg(other) {
        return match n {
            IntArg::Fits(n) => match d.total_us().checked_mul(n) {
                Some(us) => {
                    let r = delta_from_us(vm, us)?;
                    Ok(new_delta(r))
                }
                None => Err(too_large(vm)),
            },
            IntArg::Huge if d.is_zero() => Ok(new_delta(Delta::ZERO)),
            IntArg::Huge => Err(too_large(vm)),
        };
    }
    if let Some(f) = as_float(other) {
        let (num, den) = float_ratio_of(vm, other, f)?;
        let us = BigInt::from(d.total_us()) * num;
        return big_to_delta(vm, &divide_nearest_big(&us, &den));
    }
    Ok(not_implemented())
}

/// `v.as_integer_ratio()`: computed for exact floats, called (and its result
/// checked as CPython does) for float subclasses.
fn float_ratio_of(vm: &mut Vm, v: &Value, f: f64) -> PyResult<(BigInt, BigInt)> {
    if std::ptr::eq(type_of(v), crate::typeobj::FLOAT_TYPE.get()) {
        return float_ratio_checked(vm, f);
    }
    let r = vm.call_method(v, "as_integer_ratio", &[])?;
    let Some(t) = r.downcast_ref::<crate::objects::tuple::TupleObject>() else {
        let msg = format!("unexpected return type from as_integer_ratio(): expected tuple, got '{}'", vm.type_name(&r));
        return Err(vm.type_error(msg));
    };
    if t.len() != 2 {
        return Err(vm.value_error("as_integer_ratio() must return a 2-tuple"));
    }
    let items = t.items();
    let num = crate::objects::int::bigint_of(&items[0]);
    let den = crate::objects::int::bigint_of(&items[1]);
    match (num, den) {
        (Some(n), Some(d)) => Ok((n, d)),
        _ => Err(vm.type_error("as_integer_ratio() must return a tuple of ints")),
    }
}

fn float_ratio_checked(vm: &mut Vm, f: f64) -> PyResult<(BigInt, BigInt)> {
    if f.is_infinite() {
        return Err(vm.new_error(ExcKind::OverflowError, "cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    Ok(float_ratio(f))
}

fn zero_division(vm: &mut Vm, msg: &str) -> crate::exception::PyErr {
    vm.new_error(ExcKind::ZeroDivisionError, msg)
}

fn int_value(i: i128) -> Value {
    match i64::try_from(i) {
        Ok(s) => Value::int(s),
        Err(_) => int_from_big(BigInt::from(i)),
    }
}

fn delta_truediv(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let Some(d) = as_delta(a) else {
        return Ok(not_implemented());
    };
    if let Some(e) = as_delta(b) {
        let (x, y) = (d.total_us(), e.total_us());
        if y == 0 {
            return Err(zero_division(vm, "division by zero"));
        }
        const EXACT: i128 = 1 << 53;
        if x.abs() <= EXACT && y.abs() <= EXACT {
            return Ok(Value::float(x as f64 / y as f64));
        }
        let (bx, by) = (BigInt::from(x), BigInt::from(y));
        return int_true_divide(vm, IntView::Big(&bx), IntView::Big(&by));
    }
    if let Some(n) = int_arg(b) {
        return match n {
            IntArg::Fits(0) => Err(zero_division(vm, "integer division or modulo by zero")),
            IntArg::Fits(n) => {
                let r = delta_from_us(vm, divide_nearest(d.total_us(), n))?;
                Ok(new_delta(r))
            }
            IntArg::Huge => Ok(new_delta(Delta::ZERO)),
        };
    }
    if let Some(f) = as_float(b) {
        let (num, den) = float_ratio_of(vm, b, f)?;
        if num.is_zero() {
            return Err(zero_division(vm, "integer division or modulo by zero"));
        }
        let us = BigInt::from(d.total_us()) * den;
        return big_to_delta(vm, &divide_nearest_big(&us, &num));
    }
    Ok(not_implemented())
}

fn delta_floordiv(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let Some(d) = as_delta(a) else {
        return Ok(not_implemented());
    };
    if let Some(e) = as_delta(b) {
        let y = e.total_us();
        if y == 0 {
            return Err(zero_division(vm, "integer division or modulo by zero"));
        }
        return Ok(int_value(floor_div(d.total_us(), y)));
    }
    if let Some(n) = int_arg(b) {
        return match n {
            IntArg::Fits(0) => Err(zero_division(vm, "integer division or modulo by zero")),
            IntArg::Fits(n) => {
                let x = d.total_us();
                let r = delta_from_us(vm, floor_div(x, n))?;
                Ok(new_delta(r))
            }
            IntArg::Huge => {
                let x = d.total_us();
                let neg = as_int(b).is_some_and(|i| matches!(i, IntView::Big(b) if b.is_negative()));
                // |x| < |n|: floor is 0 or -1 depending on the signs.
                let q = if x == 0 || (x > 0) != neg { 0 } else { -1 };
                let r = delta_from_us(vm, q)?;
                Ok(new_delta(r))
            }
        };
    }
    Ok(not_implemented())
}

fn py_mod(x: i128, y: i128) -> i128 {
    let r = x % y;
    if r != 0 && ((r < 0) != (y < 0)) {
        r + y
    } else {
        r
    }
}

fn delta_mod(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    match (as_delta(a), as_delta(b)) {
        (Some(x), Some(y)) => {
            let y = y.total_us();
            if y == 0 {
                return Err(zero_division(vm, "integer modulo by zero"));
            }
            let r = delta_from_us(vm, py_mod(x.total_us(), y))?;
            Ok(new_delta(r))
        }
        _ => Ok(not_implemented()),
    }
}

fn divmod_values(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    match (as_delta(a), as_delta(b)) {
        (Some(x), Some(y)) => {
            let (x, y) = (x.total_us(), y.total_us());
            if y == 0 {
                return Err(zero_division(vm, "integer division or modulo by zero"));
            }
            let r = py_mod(x, y);
            let q = (x - r) / y;
            let rd = delta_from_us(vm, r)?;
            Ok(new_tuple(vec![int_value(q), new_delta(rd)]))
        }
        _ => Ok(not_implemented()),
    }
}

fn delta_divmod(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [a, b] = crate::args::ArgSpec::exact::<2>(vm, "__divmod__", args, 1)?;
    divmod_values(vm, &a, &b)
}

fn delta_rdivmod(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [a, b] = crate::args::ArgSpec::exact::<2>(vm, "__rdivmod__", args, 1)?;
    divmod_values(vm, &b, &a)
}

fn delta_total_seconds(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    super::noargs(vm, "timedelta.total_seconds", args, _kw)?;
    let me = args[0].clone();
    let us = get(&me).total_us();
    if us.abs() <= 1 << 53 {
        return Ok(Value::float(us as f64 / 1e6));
    }
    let (bx, by) = (BigInt::from(us), BigInt::from(US_PER_SECOND));
    int_true_divide(vm, IntView::Big(&bx), IntView::Big(&by))
}

fn delta_reduce(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    super::noargs(vm, "timedelta.__reduce__", args, _kw)?;
    let me = args[0].clone();
    let d = get(&me);
    let state = new_tuple(vec![Value::int(d.days as i64), Value::int(d.secs as i64), Value::int(d.us as i64)]);
    Ok(new_tuple(vec![type_of(&me).as_value(), state]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rounds_half_to_even() {
        assert_eq!(divide_nearest(5, 2), 2);
        assert_eq!(divide_nearest(7, 2), 4);
        assert_eq!(divide_nearest(-5, 2), -2);
        assert_eq!(divide_nearest(-7, 2), -4);
        assert_eq!(divide_nearest(5, -2), -2);
        assert_eq!(divide_nearest(7, -2), -4);
        assert_eq!(divide_nearest(10, 3), 3);
        assert_eq!(divide_nearest(11, 3), 4);
        assert_eq!(divide_nearest(-11, 3), -4);
        assert_eq!(divide_nearest(11, -3), -4);
        let big = |a: i64, b: i64| divide_nearest_big(&BigInt::from(a), &BigInt::from(b)).to_i64().unwrap();
        for (a, b) in [(5, 2), (7, 2), (-5, 2), (-7, 2), (5, -2), (7, -2), (11, -3), (-11, -3), (10, 3)] {
            assert_eq!(big(a, b) as i128, divide_nearest(a as i128, b as i128), "{a}/{b}");
        }
    }

    #[test]
    fn normalizes_negative() {
        let d = Delta::from_us_unchecked(-1).unwrap();
        assert_eq!(d, Delta { days: -1, secs: 86_399, us: 999_999 });
        let x = Delta { days: 3, secs: 5, us: 7 };
        assert_eq!(negated(x), Delta::from_us_unchecked(-x.total_us()).unwrap());
        assert_eq!(negated(Delta::ZERO), Delta::ZERO);
        let big = Delta::from_us_unchecked(1i128 << 80);
        assert!(big.is_none() || big.unwrap().days > 0);
    }
}
