//! Python semantics of the constant values the AST optimizer folds
//! (`Python/ast_opt.c`): arithmetic with CPython's size guards, truth values,
//! type names, equality as a `set` sees it, and `repr`.
//!
//! Every operation returns `None` where CPython's would raise (the optimizer then
//! leaves the node unfolded), so only the *kind* of result must be right in
//! exotic corners; types and "did it fold" are what later checks observe.

use crate::ast::{Constant, Operator, UnaryOp};
use crate::pystr::PyStr;
use num_bigint::{BigInt, Sign};
use num_traits::{One, ToPrimitive, Zero};

/// ast_opt.c's guards against building huge constants.
const MAX_INT_SIZE: u64 = 128;
const MAX_COLLECTION_SIZE: i64 = 256;
const MAX_STR_SIZE: i64 = 4096;
const MAX_TOTAL_ITEMS: i64 = 1024;

/// The Python type name of a constant, as `type(v).__name__`.
pub fn type_name(c: &Constant) -> &'static str {
    match c {
        Constant::None => "NoneType",
        Constant::Bool(_) => "bool",
        Constant::Ellipsis => "ellipsis",
        Constant::Int(_) | Constant::BigInt(_) => "int",
        Constant::Float(_) => "float",
        Constant::Complex { .. } => "complex",
        Constant::Str(_) => "str",
        Constant::Bytes(_) => "bytes",
        Constant::Tuple(_) => "tuple",
    }
}

/// `None`, `True`, `False` and `...`: the constants `is` may be used with.
pub fn is_named_singleton(c: &Constant) -> bool {
    matches!(c, Constant::None | Constant::Bool(_) | Constant::Ellipsis)
}

/// int or bool (`PyLong_Check`).
pub fn is_int_like(c: &Constant) -> bool {
    matches!(c, Constant::Int(_) | Constant::BigInt(_) | Constant::Bool(_))
}

fn as_bigint(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Int(i) => Some(BigInt::from(*i)),
        Constant::BigInt(b) => Some((**b).clone()),
        Constant::Bool(b) => Some(BigInt::from(*b as i64)),
        _ => None,
    }
}

fn from_bigint(b: BigInt) -> Constant {
    match b.to_i64() {
        Some(i) => Constant::Int(i),
        None => Constant::BigInt(Box::new(b)),
    }
}

pub fn truthy(c: &Constant) -> bool {
    match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Ellipsis => true,
        Constant::Int(i) => *i != 0,
        Constant::BigInt(b) => !b.is_zero(),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) => !t.is_empty(),
    }
}

/// A number, widened as Python's binary operators widen their operands.
#[derive(Clone, Debug)]
enum Num {
    Int(BigInt),
    Float(f64),
    Complex(f64, f64),
}

fn as_num(c: &Constant) -> Option<Num> {
    match c {
        Constant::Float(f) => Some(Num::Float(*f)),
        Constant::Complex { real, imag } => Some(Num::Complex(*real, *imag)),
        _ => as_bigint(c).map(Num::Int),
    }
}

/// int -> float conversion; None where CPython raises OverflowError.
fn int_to_f64(i: &BigInt) -> Option<f64> {
    let f = i.to_f64()?;
    if f.is_finite() {
        Some(f)
    } else {
        None
    }
}

fn num_to_f64(n: &Num) -> Option<f64> {
    match n {
        Num::Int(i) => int_to_f64(i),
        Num::Float(f) => Some(*f),
        Num::Complex(..) => None,
    }
}

fn num_to_complex(n: &Num) -> Option<(f64, f64)> {
    match n {
        Num::Complex(r, i) => Some((*r, *i)),
        other => num_to_f64(other).map(|f| (f, 0.0)),
    }
}

fn num_const(n: Num) -> Constant {
    match n {
        Num::Int(i) => from_bigint(i),
        Num::Float(f) => Constant::Float(f),
        Num::Complex(r, i) => Constant::Complex { real: r, imag: i },
    }
}

/// `v` folded by a unary operator, or None where Python raises.
pub fn unary(op: UnaryOp, v: &Constant) -> Option<Constant> {
    if op == UnaryOp::Not {
        return Some(Constant::Bool(!truthy(v)));
    }
    let n = match v {
        Constant::Int(_) | Constant::BigInt(_) | Constant::Bool(_) | Constant::Float(_) | Constant::Complex { .. } => as_num(v)?,
        _ => return None,
    };
    Some(num_const(match (op, n) {
        (UnaryOp::UAdd, n) => n,
        (UnaryOp::USub, Num::Int(i)) => Num::Int(-i),
        (UnaryOp::USub, Num::Float(f)) => Num::Float(-f),
        (UnaryOp::USub, Num::Complex(r, i)) => Num::Complex(-r, -i),
        (UnaryOp::Invert, Num::Int(i)) => Num::Int(-i - 1),
        _ => return None,
    }))
}

fn num_bits(i: &BigInt) -> u64 {
    i.bits()
}

fn seq_len(c: &Constant) -> Option<i64> {
    match c {
        Constant::Str(s) => Some(s.len_code_points() as i64),
        Constant::Bytes(b) => Some(b.len() as i64),
        Constant::Tuple(t) => Some(t.len() as i64),
        _ => None,
    }
}

/// ast_opt.c's `check_complexity`: `limit` minus the items of nested tuples.
fn check_complexity(c: &Constant, mut limit: i64) -> i64 {
    if let Constant::Tuple(items) = c {
        limit -= items.len() as i64;
        for item in items {
            if limit < 0 {
                break;
            }
            limit = check_complexity(item, limit);
        }
    }
    limit
}

fn repeat(seq: &Constant, n: i64) -> Option<Constant> {
    let n = n.max(0) as usize;
    Some(match seq {
        Constant::Str(s) => {
            let mut out = PyStr::new();
            for _ in 0..n {
                out.push_pystr(s);
            }
            Constant::Str(out)
        }
        Constant::Bytes(b) => Constant::Bytes(b.repeat(n)),
        Constant::Tuple(t) => {
            let mut out = Vec::with_capacity(t.len().saturating_mul(n));
            for _ in 0..n {
                out.extend(t.iter().cloned());
            }
            Constant::Tuple(out)
        }
        _ => return None,
    })
}

/// `safe_multiply` for a sequence and an int count.
fn safe_repeat(count: &BigInt, seq: &Constant) -> Option<Constant> {
    let size = seq_len(seq)?;
    let n = count.to_i64()?;
    if size > 0 {
        let max = if matches!(seq, Constant::Tuple(_)) { MAX_COLLECTION_SIZE } else { MAX_STR_SIZE };
        if n < 0 || n > max / size {
            return None;
        }
        if matches!(seq, Constant::Tuple(_)) && n > 0 && check_complexity(seq, MAX_TOTAL_ITEMS / n) < 0 {
            return None;
        }
    }
    repeat(seq, n)
}

fn concat(l: &Constant, r: &Constant) -> Option<Constant> {
    Some(match (l, r) {
        (Constant::Str(a), Constant::Str(b)) => {
            let mut out = a.clone();
            out.push_pystr(b);
            Constant::Str(out)
        }
        (Constant::Bytes(a), Constant::Bytes(b)) => {
            let mut out = a.clone();
            out.extend_from_slice(b);
            Constant::Bytes(out)
        }
        (Constant::Tuple(a), Constant::Tuple(b)) => {
            let mut out = a.clone();
            out.extend(b.iter().cloned());
            Constant::Tuple(out)
        }
        _ => return None,
    })
}

/// `l op r` as ast_opt.c's `fold_binop` computes it (with its size guards), or
/// None where the optimizer leaves the operation alone.
pub fn binary(op: Operator, l: &Constant, r: &Constant) -> Option<Constant> {
    // Bitwise operators on two bools stay bool.
    if let (Constant::Bool(a), Constant::Bool(b)) = (l, r) {
        match op {
            Operator::BitAnd => return Some(Constant::Bool(*a & *b)),
            Operator::BitOr => return Some(Constant::Bool(*a | *b)),
            Operator::BitXor => return Some(Constant::Bool(*a ^ *b)),
            _ => {}
        }
    }
    match op {
        Operator::Add => {
            if let Some(c) = concat(l, r) {
                return Some(c);
            }
        }
        Operator::Mult => {
            if let (Some(n), true) = (as_bigint(l), seq_len(r).is_some()) {
                return safe_repeat(&n, r);
            }
            if let (Some(n), true) = (as_bigint(r), seq_len(l).is_some()) {
                return safe_repeat(&n, l);
            }
        }
        Operator::MatMult => return None,
        Operator::Mod => {
            // safe_mod: no %-formatting of str/bytes at compile time.
            if matches!(l, Constant::Str(_) | Constant::Bytes(_)) {
                return None;
            }
        }
        _ => {}
    }
    let (a, b) = (as_num(l)?, as_num(r)?);
    numeric(op, a, b).map(num_const)
}

fn numeric(op: Operator, a: Num, b: Num) -> Option<Num> {
    if let (Num::Int(x), Num::Int(y)) = (&a, &b) {
        return int_op(op, x, y);
    }
    if matches!(a, Num::Complex(..)) || matches!(b, Num::Complex(..)) {
        return complex_op(op, num_to_complex(&a)?, num_to_complex(&b)?);
    }
    float_op(op, num_to_f64(&a)?, num_to_f64(&b)?)
}

fn floor_divmod(x: &BigInt, y: &BigInt) -> Option<(BigInt, BigInt)> {
    if y.is_zero() {
        return None;
    }
    let (mut q, mut r) = (x / y, x % y);
    if !r.is_zero() && (r.sign() == Sign::Minus) != (y.sign() == Sign::Minus) {
        q -= 1;
        r += y;
    }
    Some((q, r))
}

fn int_op(op: Operator, x: &BigInt, y: &BigInt) -> Option<Num> {
    Some(Num::Int(match op {
        Operator::Add => x + y,
        Operator::Sub => x - y,
        Operator::Mult => {
            if !x.is_zero() && !y.is_zero() && num_bits(x) + num_bits(y) > MAX_INT_SIZE {
                return None;
            }
            x * y
        }
        Operator::Div => return int_true_divide(x, y).map(Num::Float),
        Operator::FloorDiv => floor_divmod(x, y)?.0,
        Operator::Mod => floor_divmod(x, y)?.1,
        Operator::Pow => {
            if y.sign() == Sign::Minus {
                // int ** negative int is float power.
                return float_op(Operator::Pow, int_to_f64(x)?, int_to_f64(y)?);
            }
            if !x.is_zero() && y.sign() == Sign::Plus {
                let wbits = y.to_u64()?;
                if num_bits(x) > MAX_INT_SIZE / wbits {
                    return None;
                }
            }
            let e = y.to_u32()?;
            num_traits::pow::pow(x.clone(), e as usize)
        }
        Operator::LShift => {
            if y.sign() == Sign::Minus {
                return None;
            }
            if !x.is_zero() && !y.is_zero() {
                let wbits = y.to_u64()?;
                if wbits > MAX_INT_SIZE || num_bits(x) > MAX_INT_SIZE - wbits {
                    return None;
                }
            }
            x << y.to_usize().unwrap_or(0)
        }
        Operator::RShift => {
            if y.sign() == Sign::Minus {
                return None;
            }
            match y.to_usize() {
                Some(s) if s < 1 << 24 => floor_shift_right(x, s),
                _ => {
                    if x.sign() == Sign::Minus {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                }
            }
        }
        Operator::BitOr => x | y,
        Operator::BitXor => x ^ y,
        Operator::BitAnd => x & y,
        Operator::MatMult => return None,
    }))
}

/// Python's `>>` rounds toward negative infinity.
fn floor_shift_right(x: &BigInt, s: usize) -> BigInt {
    let d = BigInt::one() << s;
    floor_divmod(x, &d).map(|(q, _)| q).unwrap_or_default()
}

fn int_true_divide(x: &BigInt, y: &BigInt) -> Option<f64> {
    if y.is_zero() {
        return None;
    }
    const EXACT: i64 = 1 << 53;
    if let (Some(a), Some(b)) = (x.to_i64(), y.to_i64()) {
        if a.abs() <= EXACT && b.abs() <= EXACT {
            return Some(a as f64 / b as f64);
        }
    }
    let r = int_to_f64(x)? / int_to_f64(y)?;
    if r.is_finite() {
        Some(r)
    } else {
        None
    }
}

/// CPython's `float_divmod`.
fn float_divmod(vx: f64, wx: f64) -> Option<(f64, f64)> {
    if wx == 0.0 {
        return None;
    }
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    Some((floordiv, m))
}

fn float_op(op: Operator, a: f64, b: f64) -> Option<Num> {
    Some(Num::Float(match op {
        Operator::Add => a + b,
        Operator::Sub => a - b,
        Operator::Mult => a * b,
        Operator::Div => {
            if b == 0.0 {
                return None;
            }
            a / b
        }
        Operator::FloorDiv => float_divmod(a, b)?.0,
        Operator::Mod => float_divmod(a, b)?.1,
        Operator::Pow => return float_pow(a, b),
        _ => return None,
    }))
}

/// CPython's `float_pow`, whose negative base with a fractional exponent
/// gives a complex result.
fn float_pow(iv: f64, iw: f64) -> Option<Num> {
    if iw == 0.0 {
        return Some(Num::Float(1.0));
    }
    if iv.is_nan() || iw.is_nan() {
        return Some(Num::Float(if iv == 1.0 { 1.0 } else { f64::NAN }));
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return None;
        }
        return Some(Num::Float(iv.powf(iw)));
    }
    if iv < 0.0 && iw.is_finite() && iw != iw.floor() {
        return complex_pow((iv, 0.0), (iw, 0.0)).map(|(r, i)| Num::Complex(r, i));
    }
    let r = iv.powf(iw);
    if r.is_infinite() && iv.is_finite() && iw.is_finite() {
        return None;
    }
    Some(Num::Float(r))
}

fn complex_div(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    let (ar, ai) = a;
    let (br, bi) = b;
    if br == 0.0 && bi == 0.0 {
        return None;
    }
    // Smith's algorithm, as _Py_c_quot.
    let (abs_br, abs_bi) = (br.abs(), bi.abs());
    if abs_br >= abs_bi {
        let ratio = bi / br;
        let denom = br + bi * ratio;
        Some(((ar + ai * ratio) / denom, (ai - ar * ratio) / denom))
    } else {
        let ratio = br / bi;
        let denom = br * ratio + bi;
        Some(((ar * ratio + ai) / denom, (ai * ratio - ar) / denom))
    }
}

fn complex_mul(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

fn complex_pow(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    if b == (0.0, 0.0) {
        return Some((1.0, 0.0));
    }
    if a == (0.0, 0.0) {
        if b.1 != 0.0 || b.0 < 0.0 {
            return None;
        }
        return Some((0.0, 0.0));
    }
    // Small integral exponents multiply, as c_powi does.
    if b.1 == 0.0 && b.0 == b.0.trunc() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        let mut result = (1.0, 0.0);
        let mut base = a;
        let mut e = n.unsigned_abs();
        while e > 0 {
            if e & 1 == 1 {
                result = complex_mul(result, base);
            }
            base = complex_mul(base, base);
            e >>= 1;
        }
        return if n < 0 { complex_div((1.0, 0.0), result) } else { Some(result) };
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    let r = (len * phase.cos(), len * phase.sin());
    if r.0.is_finite() && r.1.is_finite() {
        Some(r)
    } else {
        None
    }
}

fn complex_op(op: Operator, a: (f64, f64), b: (f64, f64)) -> Option<Num> {
    let (r, i) = match op {
        Operator::Add => (a.0 + b.0, a.1 + b.1),
        Operator::Sub => (a.0 - b.0, a.1 - b.1),
        Operator::Mult => complex_mul(a, b),
        Operator::Div => complex_div(a, b)?,
        Operator::Pow => complex_pow(a, b)?,
        _ => return None,
    };
    Some(Num::Complex(r, i))
}

/// `v[idx]` for constant sequences indexed by an int, or None.
pub fn subscript(v: &Constant, idx: &Constant) -> Option<Constant> {
    let i = as_bigint(idx)?.to_i64()?;
    let len = seq_len(v)?;
    let i = if i < 0 { i + len } else { i };
    if i < 0 || i >= len {
        return None;
    }
    let i = i as usize;
    Some(match v {
        Constant::Str(s) => {
            let mut out = PyStr::new();
            out.push_code_point(s.code_points().nth(i)?);
            Constant::Str(out)
        }
        Constant::Bytes(b) => Constant::Int(*b.get(i)? as i64),
        Constant::Tuple(t) => t.get(i)?.clone(),
        _ => return None,
    })
}

/// Whether a Python set holding `a` would consider `b` already present
/// (equal values of equal hash): 1 == 1.0 == True, -0.0 == 0.0, ...
pub fn set_equal(a: &Constant, b: &Constant) -> bool {
    match (a, b) {
        (Constant::None, Constant::None) | (Constant::Ellipsis, Constant::Ellipsis) => true,
        (Constant::Str(x), Constant::Str(y)) => x == y,
        (Constant::Bytes(x), Constant::Bytes(y)) => x == y,
        (Constant::Tuple(x), Constant::Tuple(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| set_equal(p, q)),
        _ => match (as_num(a), as_num(b)) {
            (Some(x), Some(y)) => num_equal(&x, &y),
            _ => false,
        },
    }
}

fn num_equal(x: &Num, y: &Num) -> bool {
    match (x, y) {
        (Num::Int(a), Num::Int(b)) => a == b,
        (Num::Int(a), Num::Float(f)) | (Num::Float(f), Num::Int(a)) => float_equals_int(*f, a),
        (Num::Float(a), Num::Float(b)) => a == b,
        (Num::Complex(r, i), other) | (other, Num::Complex(r, i)) => {
            if let Num::Complex(r2, i2) = other {
                return r == r2 && i == i2;
            }
            *i == 0.0 && num_equal(&Num::Float(*r), other)
        }
    }
}

fn float_equals_int(f: f64, i: &BigInt) -> bool {
    if !f.is_finite() || f != f.trunc() {
        return false;
    }
    match BigInt::try_from(f as i128) {
        Ok(b) if f.abs() < 1e38 => &b == i,
        _ => int_to_f64(i) == Some(f) && {
            // Both huge: compare exactly through the float's integer value.
            let (mantissa, exponent) = decompose(f);
            let exact = if exponent >= 0 { BigInt::from(mantissa) << exponent as usize } else { BigInt::from(mantissa) >> (-exponent) as usize };
            &exact == i
        },
    }
}

/// f = mantissa * 2**exponent with an integral mantissa.
fn decompose(f: f64) -> (i64, i32) {
    let bits = f.to_bits();
    let sign = if bits >> 63 == 1 { -1 } else { 1 };
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = (bits & ((1u64 << 52) - 1)) as i64;
    if exp == 0 {
        (sign * frac, -1074)
    } else {
        (sign * (frac | (1i64 << 52)), exp - 1075)
    }
}

/// Python's `repr` of a constant.
pub fn repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(true) => "True".into(),
        Constant::Bool(false) => "False".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(b) => b.to_string(),
        Constant::Float(f) => pyrite_repr::float_repr(*f),
        Constant::Complex { real, imag } => pyrite_repr::complex_repr(*real, *imag),
        Constant::Str(s) => pyrite_repr::str_repr(s.code_points()),
        Constant::Bytes(b) => pyrite_repr::bytes_repr(b),
        Constant::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
    }
}



#[cfg(test)]
mod tests {
    use super::*;

    fn int(i: i64) -> Constant {
        Constant::Int(i)
    }

    #[test]
    fn folding_respects_size_guards() {
        assert!(binary(Operator::Pow, &int(2), &int(64)).is_some());
        assert!(binary(Operator::Pow, &int(2), &int(100)).is_none());
        assert!(binary(Operator::Pow, &int(2), &int(200)).is_none());
        assert!(binary(Operator::Mult, &Constant::Tuple(vec![int(1)]), &int(300)).is_none());
        assert!(binary(Operator::Mult, &Constant::Str("ab".into()), &int(-1)).is_none());
        assert!(binary(Operator::Div, &int(1), &int(0)).is_none());
        assert_eq!(binary(Operator::BitAnd, &Constant::Bool(true), &Constant::Bool(false)), Some(Constant::Bool(false)));
        assert_eq!(binary(Operator::FloorDiv, &int(-7), &int(2)), Some(int(-4)));
        assert_eq!(binary(Operator::Mod, &int(-7), &int(2)), Some(int(1)));
        assert!(matches!(binary(Operator::Pow, &Constant::Float(-1.0), &Constant::Float(0.5)), Some(Constant::Complex { .. })));
        assert_eq!(binary(Operator::Pow, &int(2), &int(-1)), Some(Constant::Float(0.5)));
    }

    #[test]
    fn set_equality_crosses_numeric_types() {
        assert!(set_equal(&int(1), &Constant::Bool(true)));
        assert!(set_equal(&int(1), &Constant::Float(1.0)));
        assert!(set_equal(&Constant::Float(-0.0), &int(0)));
        assert!(!set_equal(&Constant::Str("1".into()), &int(1)));
        assert!(set_equal(&Constant::Complex { real: 2.0, imag: 0.0 }, &int(2)));
    }

    #[test]
    fn reprs() {
        assert_eq!(repr(&Constant::Str("it's".into())), "\"it's\"");
        assert_eq!(repr(&Constant::Bytes(b"a\x00'".to_vec())), "b\"a\\x00'\"");
        assert_eq!(repr(&Constant::Tuple(vec![int(1)])), "(1,)");
    }
}
