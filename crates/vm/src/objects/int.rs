//! `int` and `bool`. Ints in ±2**47 are inline `Value`s; larger ones are heap
//! objects holding a `BigInt`. Heap int objects also carry instances of int
//! subclasses (bool's True and False included), whose value may be small.

use crate::exception::{ExcKind, PyResult};
use crate::hash;
use crate::object::{alloc_object, LayoutKind, ObjHeader, PyPayload};
use crate::typeobj::{type_of, TypeObject, BOOL_TYPE, INT_TYPE};
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};
use std::cmp::Ordering;

pub enum IntRepr {
    Small(i64),
    Big(BigInt),
}

#[repr(C)]
pub struct IntObject {
    pub(crate) header: ObjHeader,
    pub(crate) value: IntRepr,
}

unsafe impl PyPayload for IntObject {
    const KIND: LayoutKind = LayoutKind::Int;
}

/// An int's value, borrowed.
#[derive(Clone, Copy)]
pub enum IntView<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntView<'_> {
    pub fn to_bigint(self) -> BigInt {
        match self {
            IntView::Small(i) => BigInt::from(i),
            IntView::Big(b) => b.clone(),
        }
    }

    pub fn to_i64(self) -> Option<i64> {
        match self {
            IntView::Small(i) => Some(i),
            IntView::Big(b) => b.to_i64(),
        }
    }

    pub fn is_negative(self) -> bool {
        match self {
            IntView::Small(i) => i < 0,
            IntView::Big(b) => b.is_negative(),
        }
    }

    pub fn is_zero(self) -> bool {
        match self {
            IntView::Small(i) => i == 0,
            IntView::Big(b) => b.is_zero(),
        }
    }

    pub fn cmp(self, other: IntView) -> Ordering {
        match (self, other) {
            (IntView::Small(a), IntView::Small(b)) => a.cmp(&b),
            (a, b) => a.to_bigint().cmp(&b.to_bigint()),
        }
    }

    pub fn hash(self) -> i64 {
        match self {
            IntView::Small(i) => hash::hash_i64(i),
            IntView::Big(b) => {
                let (sign, words) = b.to_u64_digits();
                hash::hash_bigint(sign == Sign::Minus, &words)
            }
        }
    }

    /// Exact conversion with round-half-even; Err on overflow.
    pub fn to_f64(self) -> Result<f64, ()> {
        match self {
            IntView::Small(i) => Ok(i as f64),
            IntView::Big(b) => {
                let f = b.to_f64().unwrap_or(f64::INFINITY);
                if f.is_finite() {
                    Ok(f)
                } else {
                    Err(())
                }
            }
        }
    }
}

impl Value {
    /// An int of any i64 value.
    #[inline(always)]
    pub fn int(i: i64) -> Value {
        match Value::small_int(i) {
            Some(v) => v,
            None => new_big(BigInt::from(i)),
        }
    }

    pub fn bool(b: bool) -> Value {
        if b {
            crate::objects::singletons::true_value()
        } else {
            crate::objects::singletons::false_value()
        }
    }
}

fn new_big(b: BigInt) -> Value {
    alloc_object(
        INT_TYPE.get(),
        IntObject {
            header: ObjHeader::new(std::ptr::null()),
            value: IntRepr::Big(b),
        },
    )
}

/// An exact int from a BigInt, inline when it fits.
pub fn int_from_big(b: BigInt) -> Value {
    if let Some(i) = b.to_i64() {
        if let Some(v) = Value::small_int(i) {
            return v;
        }
    }
    new_big(b)
}

/// An instance of the int subclass `ty` with value `v`.
pub fn new_int_subclass(ty: &TypeObject, v: IntView) -> Value {
    let value = match v {
        IntView::Small(i) => IntRepr::Small(i),
        IntView::Big(b) => IntRepr::Big(b.clone()),
    };
    alloc_object(
        ty,
        IntObject {
            header: ObjHeader::new(std::ptr::null()),
            value,
        },
    )
}

pub fn int_from_u64(u: u64) -> Value {
    if u <= crate::value::SMALL_INT_MAX as u64 {
        Value::small_int_unchecked(u as i64)
    } else {
        new_big(BigInt::from(u))
    }
}

/// The value of an int (or int subclass, bool included).
#[inline(always)]
pub fn as_int(v: &Value) -> Option<IntView<'_>> {
    if let Some(i) = v.as_small_int() {
        return Some(IntView::Small(i));
    }
    let o = v.downcast_ref::<IntObject>()?;
    Some(match &o.value {
        IntRepr::Small(i) => IntView::Small(*i),
        IntRepr::Big(b) => IntView::Big(b),
    })
}

fn from_i128(x: i128) -> Value {
    match i64::try_from(x) {
        Ok(i) => Value::int(i),
        Err(_) => new_big(BigInt::from(x)),
    }
}

fn zero_div(vm: &mut Vm, msg: &str) -> crate::exception::PyErr {
    vm.new_error(ExcKind::ZeroDivisionError, msg)
}

/// Floor division and modulo with Python's signs (divisor non-zero).
fn floor_divmod_i64(a: i64, b: i64) -> (i128, i128) {
    let (a, b) = (a as i128, b as i128);
    let mut q = a / b;
    let mut r = a % b;
    if r != 0 && ((r < 0) != (b < 0)) {
        q -= 1;
        r += b;
    }
    (q, r)
}

fn floor_divmod_big(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    use num_integer::Integer;
    a.div_mod_floor(b)
}

/// Binary arithmetic on two ints by `BINARY_OP` index (0..13).
pub fn int_binop(vm: &mut Vm, op: usize, a: IntView, b: IntView) -> PyResult<Value> {
    use crate::typeobj::nb;
    if let (IntView::Small(x), IntView::Small(y)) = (a, b) {
        let (x128, y128) = (x as i128, y as i128);
        return Ok(match op {
            nb::ADD => from_i128(x128 + y128),
            nb::SUBTRACT => from_i128(x128 - y128),
            nb::MULTIPLY => from_i128(x128 * y128),
            nb::AND => Value::int(x & y),
            nb::OR => Value::int(x | y),
            nb::XOR => Value::int(x ^ y),
            nb::FLOOR_DIVIDE => {
                if y == 0 {
                    return Err(zero_div(vm, "integer division or modulo by zero"));
                }
                from_i128(floor_divmod_i64(x, y).0)
            }
            nb::REMAINDER => {
                if y == 0 {
                    return Err(zero_div(vm, "integer modulo by zero"));
                }
                from_i128(floor_divmod_i64(x, y).1)
            }
            nb::TRUE_DIVIDE => return int_true_divide(vm, a, b),
            nb::LSHIFT => {
                if y < 0 {
                    return Err(vm.new_error(ExcKind::ValueError, "negative shift count"));
                }
                if x == 0 {
                    return Ok(Value::int(0));
                }
                if y < 64 {
                    let r = (x as i128) << y;
                    if r >> y == x as i128 {
                        return Ok(from_i128(r));
                    }
                }
                return shift_big(vm, a.to_bigint(), y, true);
            }
            nb::RSHIFT => {
                if y < 0 {
                    return Err(vm.new_error(ExcKind::ValueError, "negative shift count"));
                }
                Value::int(if y >= 64 {
                    if x < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    x >> y
                })
            }
            nb::POWER => return int_pow(vm, a, b),
            _ => Value::NULL,
        })
        .and_then(|v| {
            if v.is_null() {
                Ok(crate::objects::singletons::not_implemented())
            } else {
                Ok(v)
            }
        });
    }
    let (x, y) = (a.to_bigint(), b.to_bigint());
    Ok(match op {
        nb::ADD => int_from_big(x + y),
        nb::SUBTRACT => int_from_big(x - y),
        nb::MULTIPLY => int_from_big(x * y),
        nb::AND => int_from_big(x & y),
        nb::OR => int_from_big(x | y),
        nb::XOR => int_from_big(x ^ y),
        nb::FLOOR_DIVIDE | nb::REMAINDER => {
            if y.is_zero() {
                let msg = if op == nb::REMAINDER {
                    "integer modulo by zero"
                } else {
                    "integer division or modulo by zero"
                };
                return Err(zero_div(vm, msg));
            }
            let (q, r) = floor_divmod_big(&x, &y);
            int_from_big(if op == nb::REMAINDER { r } else { q })
        }
        nb::TRUE_DIVIDE => return int_true_divide(vm, a, b),
        nb::LSHIFT | nb::RSHIFT => {
            if y.is_negative() {
                return Err(vm.new_error(ExcKind::ValueError, "negative shift count"));
            }
            match y.to_i64() {
                Some(s) => return shift_big(vm, x, s, op == nb::LSHIFT),
                None => {
                    if op == nb::RSHIFT || x.is_zero() {
                        Value::int(if x.is_negative() && op == nb::RSHIFT { -1 } else { 0 })
                    } else {
                        return Err(vm.new_error(ExcKind::OverflowError, "too many digits in integer"));
                    }
                }
            }
        }
        nb::POWER => return int_pow(vm, a, b),
        _ => crate::objects::singletons::not_implemented(),
    })
}

fn shift_big(vm: &mut Vm, x: BigInt, s: i64, left: bool) -> PyResult<Value> {
    if left {
        if s > (1 << 40) {
            return Err(vm.new_error(ExcKind::OverflowError, "too many digits in integer"));
        }
        Ok(int_from_big(x << s as usize))
    } else {
        // Python's >> floors: num-bigint's Shr on negative BigInt rounds toward -inf.
        Ok(int_from_big(x >> s as usize))
    }
}

fn int_pow(vm: &mut Vm, a: IntView, b: IntView) -> PyResult<Value> {
    if b.is_negative() {
        // Negative exponent: float result.
        let x = a
            .to_f64()
            .map_err(|_| vm.new_error(ExcKind::OverflowError, "int too large to convert to float"))?;
        let y = b
            .to_f64()
            .map_err(|_| vm.new_error(ExcKind::OverflowError, "int too large to convert to float"))?;
        return crate::objects::float::float_pow(vm, x, y);
    }
    if let (IntView::Small(x), IntView::Small(y)) = (a, b) {
        if let Ok(e) = u32::try_from(y) {
            if let Some(r) = x.checked_pow(e) {
                return Ok(Value::int(r));
            }
        }
    }
    let base = a.to_bigint();
    let Some(e) = b.to_i64().and_then(|e| u32::try_from(e).ok()) else {
        // Only 0, 1 and -1 survive a gigantic exponent.
        let bi = a.to_bigint();
        if bi.is_zero() || bi == BigInt::from(1) {
            return Ok(int_from_big(bi));
        }
        if bi == BigInt::from(-1) {
            let odd = b.to_bigint() % 2 != BigInt::zero();
            return Ok(Value::int(if odd { -1 } else { 1 }));
        }
        return Err(vm.new_error(ExcKind::MemoryError, ""));
    };
    Ok(int_from_big(num_traits::pow::Pow::pow(&base, e)))
}

/// `a / b` for ints, correctly rounded as CPython's long_true_divide.
pub fn int_true_divide(vm: &mut Vm, a: IntView, b: IntView) -> PyResult<Value> {
    if b.is_zero() {
        return Err(zero_div(vm, "division by zero"));
    }
    const EXACT: i64 = 1 << 53;
    if let (IntView::Small(x), IntView::Small(y)) = (a, b) {
        if x.abs() <= EXACT && y.abs() <= EXACT {
            return Ok(Value::float(x as f64 / y as f64));
        }
    }
    let (x, y) = (a.to_bigint(), b.to_bigint());
    let negative = x.is_negative() != y.is_negative();
    let (x, y) = (x.abs(), y.abs());
    if x.is_zero() {
        return Ok(Value::float(if negative { -0.0 } else { 0.0 }));
    }
    // Scale so that the integer quotient has 55 significant bits (2 guard
    // bits), remember whether anything was lost (sticky bit), then round once.
    let shift = 55 - (x.bits() as i64 - y.bits() as i64);
    let (num, den) = if shift >= 0 {
        (&x << shift as usize, y.clone())
    } else {
        (x.clone(), &y << (-shift) as usize)
    };
    use num_integer::Integer;
    let (q, r) = num.div_rem(&den);
    let mut q = q.to_u64().unwrap_or(u64::MAX);
    if !r.is_zero() {
        q |= 1;
    }
    // value = q * 2**-shift; convert q (<= 2**56) exactly to the nearest double
    // at the right exponent, handling subnormals by rounding at the target precision.
    let qbits = 64 - q.leading_zeros() as i64;
    let exp = qbits - shift; // value in [2**(exp-1), 2**exp)
    if exp > 1024 {
        return Err(vm.new_error(ExcKind::OverflowError, "integer division result too large for a float"));
    }
    // Number of significand bits available at this exponent.
    let prec = if exp - 1 >= -1022 {
        53
    } else {
        (53 - (-1022 - (exp - 1))).max(0)
    };
    let drop = qbits - prec;
    let mut m = q;
    let mut e2 = -shift;
    if drop > 0 {
        let half = 1u64 << (drop - 1);
        let rem = q & ((1u64 << drop) - 1);
        m = q >> drop;
        if rem > half || (rem == half && m & 1 == 1) {
            m += 1;
        }
        e2 += drop;
    }
    let f = (m as f64) * 2f64.powi(e2.clamp(-1100, 1100) as i32);
    let f = if e2 < -1000 {
        (m as f64) * 2f64.powi((e2 + 100) as i32) * 2f64.powi(-100)
    } else {
        f
    };
    if f.is_infinite() {
        return Err(vm.new_error(ExcKind::OverflowError, "integer division result too large for a float"));
    }
    Ok(Value::float(if negative { -f } else { f }))
}

/// Decimal text of an int, refusing more digits than CPython's default limit.
pub fn int_to_decimal(vm: &mut Vm, v: IntView) -> PyResult<String> {
    match v {
        IntView::Small(i) => Ok(i.to_string()),
        IntView::Big(b) => {
            let limit = vm.int_max_str_digits;
            // Cheap pre-check: bits * log10(2) underestimates the digit count.
            if limit > 0 && (b.bits() as f64 * std::f64::consts::LOG10_2) as usize > limit + 1 {
                return Err(max_digits_error(vm, limit));
            }
            let s = b.to_string();
            let digits = s.len() - usize::from(b.is_negative());
            if limit > 0 && digits > limit {
                return Err(max_digits_error(vm, limit));
            }
            Ok(s)
        }
    }
}

fn max_digits_error(vm: &mut Vm, limit: usize) -> crate::exception::PyErr {
    vm.new_error(
        ExcKind::ValueError,
        format!(
            "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        ),
    )
}

/// Parses an int literal as `int(s, base)` accepts it (whitespace, sign,
/// underscores between digits, prefixes when base is 0 or matches).
pub fn parse_int(text: &str, base: u32) -> Option<BigInt> {
    let t = text.trim_matches(|c: char| c.is_whitespace());
    let (neg, mut t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let mut base = base;
    let lower = t.to_ascii_lowercase();
    let prefixed = |p: &str| lower.starts_with(p);
    if base == 0 {
        if prefixed("0x") {
            base = 16;
            t = &t[2..];
        } else if prefixed("0o") {
            base = 8;
            t = &t[2..];
        } else if prefixed("0b") {
            base = 2;
            t = &t[2..];
        } else {
            base = 10;
            // "010" is not allowed in base 0 unless all zeros.
            let digits: String = t.chars().filter(|&c| c != '_').collect();
            if digits.len() > 1 && digits.starts_with('0') && digits.chars().any(|c| c != '0') {
                return None;
            }
        }
        if t.starts_with('_') {
            t = &t[1..];
        }
    } else if (base == 16 && prefixed("0x")) || (base == 8 && prefixed("0o")) || (base == 2 && prefixed("0b")) {
        t = &t[2..];
        if t.starts_with('_') {
            t = &t[1..];
        }
    }
    if t.is_empty() || t.starts_with('_') || t.ends_with('_') || t.contains("__") {
        return None;
    }
    let mut digits = Vec::with_capacity(t.len());
    for c in t.chars() {
        if c == '_' {
            continue;
        }
        let d = c.to_digit(36).or_else(|| unicode_decimal(c))?;
        if d >= base {
            return None;
        }
        digits.push(d as u8);
    }
    let mag = BigInt::from_radix_be(Sign::Plus, &digits, base)?;
    Some(if neg { -mag } else { mag })
}

/// Non-ASCII decimal digits (Unicode category Nd) that int() accepts.
fn unicode_decimal(c: char) -> Option<u32> {
    let cp = c as u32;
    // Common Nd blocks laid out as runs of ten.
    const STARTS: [u32; 12] = [
        0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xFF10, 0x1D7CE,
    ];
    for s in STARTS {
        if cp >= s && cp < s + 10 {
            return Some(cp - s);
        }
    }
    None
}

/// `index(v)`-style extraction of an i64 for sizes and indices.
pub fn as_index_i64(v: &Value) -> Option<Result<i64, ()>> {
    as_int(v).map(|iv| iv.to_i64().ok_or(()))
}

pub fn is_bool(v: &Value) -> bool {
    std::ptr::eq(type_of(v), BOOL_TYPE.ptr())
}

pub fn bigint_of(v: &Value) -> Option<BigInt> {
    as_int(v).map(|i| i.to_bigint())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeobj::nb;

    #[test]
    fn small_and_big_arithmetic() {
        let mut vm = Vm::new_for_tests();
        let big = int_binop(&mut vm, nb::MULTIPLY, IntView::Small(1 << 40), IntView::Small(1 << 40)).unwrap();
        assert!(!big.is_small_int());
        let back = int_binop(
            &mut vm,
            nb::FLOOR_DIVIDE,
            as_int(&big).unwrap(),
            IntView::Small(1 << 40),
        )
        .unwrap();
        assert_eq!(back.as_small_int(), Some(1 << 40));
        let r = int_binop(&mut vm, nb::REMAINDER, IntView::Small(-7), IntView::Small(2)).unwrap();
        assert_eq!(r.as_small_int(), Some(1));
        let q = int_binop(&mut vm, nb::FLOOR_DIVIDE, IntView::Small(-7), IntView::Small(2)).unwrap();
        assert_eq!(q.as_small_int(), Some(-4));
        assert!(int_binop(&mut vm, nb::FLOOR_DIVIDE, IntView::Small(1), IntView::Small(0)).is_err());
        let s = int_binop(&mut vm, nb::LSHIFT, IntView::Small(1), IntView::Small(100)).unwrap();
        assert_eq!(
            int_to_decimal(&mut vm, as_int(&s).unwrap()).unwrap(),
            "1267650600228229401496703205376"
        );
        let p = int_binop(&mut vm, nb::POWER, IntView::Small(3), IntView::Small(50)).unwrap();
        assert_eq!(
            int_to_decimal(&mut vm, as_int(&p).unwrap()).unwrap(),
            "717897987691852588770249"
        );
    }

    #[test]
    fn true_division_is_correctly_rounded() {
        let mut vm = Vm::new_for_tests();
        let b = BigInt::from(10).pow(30u32);
        let v = int_true_divide(&mut vm, IntView::Big(&b), IntView::Small(3)).unwrap();
        assert_eq!(v.as_float(), Some(3.333333333333333e+29));
        let big = BigInt::from(10).pow(400u32);
        assert!(int_true_divide(&mut vm, IntView::Big(&big), IntView::Small(3)).is_err());
        let v = int_true_divide(&mut vm, IntView::Small(1), IntView::Big(&big)).unwrap();
        assert_eq!(v.as_float(), Some(0.0));
        let n = (BigInt::from(1) << 60) + 1;
        let v = int_true_divide(&mut vm, IntView::Big(&n), IntView::Small(1)).unwrap();
        assert_eq!(v.as_float(), Some(1152921504606846976.0));
    }

    #[test]
    fn parse() {
        assert_eq!(parse_int("  -0x1F", 16), Some(BigInt::from(-31)));
        assert_eq!(parse_int("1_000", 10), Some(BigInt::from(1000)));
        assert_eq!(parse_int("12x", 10), None);
        assert_eq!(parse_int("010", 0), None);
        assert_eq!(parse_int("000", 0), Some(BigInt::from(0)));
        assert_eq!(parse_int("_1", 10), None);
    }
}

/// `__index__` as a C `Py_ssize_t` argument (Argument Clinic,
/// `PyNumber_AsSsize_t(v, OverflowError)`): OverflowError when it does not fit.
pub fn index_ssize(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let i = vm.index(v)?;
    match as_int(&i).and_then(|i| i.to_i64()) {
        Some(n) => Ok(n),
        None => Err(vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C ssize_t")),
    }
}

/// `__index__` clamped to the `Py_ssize_t` range, as slice bounds and the
/// start/end arguments of find/index/count are (`_PyEval_SliceIndex`).
pub fn index_clamped(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let i = vm.index(v)?;
    Ok(match as_int(&i) {
        Some(IntView::Small(n)) => n,
        Some(IntView::Big(b)) => b.to_i64().unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX }),
        None => 0,
    })
}
