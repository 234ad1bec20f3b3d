//! Python's semantics for the operations the AST optimizer folds at compile
//! time (`Python/ast_opt.c`): arithmetic on int/float/complex/bool, sequence
//! concatenation and repetition, indexing, truth value. Every function returns
//! `None` where CPython's operation would raise (the optimizer then leaves the
//! expression alone) or where ast_opt.c's size guards refuse to fold.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use pyrite_syntax::ast::{Constant, Operator, UnaryOp};
use pyrite_syntax::pystr::PyStr;

const MAX_INT_SIZE: u64 = 128; // bits
const MAX_COLLECTION_SIZE: i64 = 256; // items
const MAX_STR_SIZE: i64 = 4096; // characters
const MAX_TOTAL_ITEMS: i64 = 1024; // including nested collections

#[derive(Clone, Debug)]
enum Num {
    Int(BigInt),
    Float(f64),
    Complex(f64, f64),
}

fn as_num(c: &Constant) -> Option<Num> {
    match c {
        Constant::Bool(b) => Some(Num::Int(BigInt::from(*b as i64))),
        Constant::Int(i) => Some(Num::Int(BigInt::from(*i))),
        Constant::BigInt(b) => Some(Num::Int((**b).clone())),
        Constant::Float(f) => Some(Num::Float(*f)),
        Constant::Complex { real, imag } => Some(Num::Complex(*real, *imag)),
        _ => None,
    }
}

fn as_int(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Bool(b) => Some(BigInt::from(*b as i64)),
        Constant::Int(i) => Some(BigInt::from(*i)),
        Constant::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

pub fn int_const(v: BigInt) -> Constant {
    match v.to_i64() {
        Some(i) => Constant::Int(i),
        None => Constant::BigInt(Box::new(v)),
    }
}

fn from_num(n: Num) -> Constant {
    match n {
        Num::Int(i) => int_const(i),
        Num::Float(f) => Constant::Float(f),
        Num::Complex(real, imag) => Constant::Complex { real, imag },
    }
}

/// Correctly rounded int -> float (`PyLong_AsDouble`); `None` on overflow.
pub fn int_to_f64(v: &BigInt) -> Option<f64> {
    let neg = v.sign() == Sign::Minus;
    let mag = v.magnitude();
    let bits = mag.bits();
    let f = if bits <= 64 {
        mag.to_u64().unwrap_or(0) as f64
    } else {
        let shift = bits - 64;
        let top = (mag >> shift).to_u64().unwrap_or(0);
        let sticky = (mag.trailing_zeros().unwrap_or(0)) < shift;
        let top = top | sticky as u64;
        ldexp(top as f64, shift as i64)
    };
    if f.is_infinite() {
        return None;
    }
    Some(if neg { -f } else { f })
}

fn ldexp(x: f64, exp: i64) -> f64 {
    let mut x = x;
    let mut e = exp;
    // Scale in steps that stay exact for normal results.
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    x * 2f64.powi(e as i32)
}

/// Rounds `q` (with `sticky` for nonzero discarded bits) to a float times 2**exp,
/// correctly rounded to nearest-even with subnormals handled; None on overflow.
fn round_to_f64(q: &BigInt, exp: i64, sticky: bool) -> Option<f64> {
    // value = q * 2**exp, q > 0
    let qbits = q.bits() as i64;
    // exponent of the leading bit
    let lead = qbits - 1 + exp;
    if lead > 1023 {
        return None;
    }
    // Number of significant bits the result can hold.
    let prec = if lead >= -1022 { 53 } else { 53 - (-1022 - lead) };
    if prec <= 0 {
        // Below half the smallest subnormal (or exactly/above): handle by rounding.
        let half_exp = -1075; // 2**-1075 is half of the smallest subnormal
        if lead < half_exp {
            return Some(0.0);
        }
        // lead == -1075: value in [2**-1075, 2**-1074)
        let is_half = q.trailing_zeros().is_none_or(|tz| tz as i64 == qbits - 1) && !sticky;
        return Some(if is_half { 0.0 } else { 5e-324 });
    }
    let drop = qbits - prec;
    let (mant, new_exp) = if drop > 0 {
        let mant = q >> (drop as u64);
        let rem_mask_bits = drop as u64;
        let low = q - (&mant << rem_mask_bits);
        let half = BigInt::one() << (rem_mask_bits - 1);
        let mut m = mant;
        let round_up = match low.cmp(&half) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Less => false,
            std::cmp::Ordering::Equal => sticky || m.is_odd(),
        };
        if round_up {
            m += 1;
        }
        (m, exp + drop)
    } else {
        (q.clone(), exp)
    };
    let m = mant.to_u64()? as f64; // at most 54 bits: exact
    let r = ldexp(m, new_exp);
    if r.is_infinite() {
        return None;
    }
    Some(r)
}

/// `a / b` for ints, correctly rounded (`long_true_divide`).
fn int_truediv(a: &BigInt, b: &BigInt) -> Option<f64> {
    if b.is_zero() {
        return None;
    }
    let negate = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    let (ua, ub) = (a.abs(), b.abs());
    let r = if ua.is_zero() {
        0.0
    } else if ua.bits() <= 53 && ub.bits() <= 53 {
        ua.to_u64()? as f64 / ub.to_u64()? as f64
    } else {
        // Scale so that the quotient has at least 55 bits.
        let shift = 55 + ub.bits() as i64 - ua.bits() as i64;
        let (num, den) = if shift >= 0 { (&ua << shift as u64, ub.clone()) } else { (ua.clone(), &ub << (-shift) as u64) };
        let (q, r) = num.div_rem(&den);
        round_to_f64(&q, -shift, !r.is_zero())?
    };
    Some(if negate { -r } else { r })
}

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
        m = 0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut fd = div.floor();
        if div - fd > 0.5 {
            fd += 1.0;
        }
        fd
    } else {
        0f64.copysign(vx / wx)
    };
    Some((floordiv, m))
}

fn is_odd_integer(x: f64) -> bool {
    x % 2.0 == 1.0 || x % 2.0 == -1.0
}

fn float_pow(iv: f64, iw: f64) -> Option<Num> {
    if iw == 0.0 {
        return Some(Num::Float(1.0));
    }
    if iv.is_nan() {
        return Some(Num::Float(iv));
    }
    if iw.is_nan() {
        return Some(Num::Float(if iv == 1.0 { 1.0 } else { iw }));
    }
    if iw.is_infinite() {
        let av = iv.abs();
        return Some(Num::Float(if av == 1.0 {
            1.0
        } else if (iw > 0.0) == (av > 1.0) {
            iw.abs()
        } else {
            0.0
        }));
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Some(Num::Float(if iw > 0.0 {
            if odd {
                iv
            } else {
                iv.abs()
            }
        } else if odd {
            0f64.copysign(iv)
        } else {
            0.0
        }));
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return None;
        }
        return Some(Num::Float(if is_odd_integer(iw) { iv } else { 0.0 }));
    }
    let mut iv = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return complex_pow((iv, 0.0), (iw, 0.0));
        }
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if iv == 1.0 {
        return Some(Num::Float(if negate { -1.0 } else { 1.0 }));
    }
    let ix = iv.powf(iw);
    if ix.is_infinite() {
        return None;
    }
    Some(Num::Float(if negate { -ix } else { ix }))
}

type Cx = (f64, f64);

fn c_prod(a: Cx, b: Cx) -> Cx {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `_Py_c_quot`; None for division by zero.
fn c_quot(a: Cx, b: Cx) -> Option<Cx> {
    let abs_breal = b.0.abs();
    let abs_bimag = b.1.abs();
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bimag >= abs_breal {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

fn c_powu(x: Cx, n: i64) -> Cx {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

fn complex_pow(a: Cx, b: Cx) -> Option<Num> {
    let p = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n > 0 {
            c_powu(a, n)
        } else {
            // 1 / x**-n; a zero base gives EDOM.
            c_quot((1.0, 0.0), c_powu(a, -n))?
        }
    } else if b.0 == 0.0 && b.1 == 0.0 {
        (1.0, 0.0)
    } else if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return None;
        }
        (0.0, 0.0)
    } else {
        let vabs = a.0.hypot(a.1);
        let mut len = vabs.powf(b.0);
        let at = a.1.atan2(a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= (at * b.1).exp();
            phase += b.1 * vabs.ln();
        }
        (len * phase.cos(), len * phase.sin())
    };
    if p.0.is_infinite() || p.1.is_infinite() {
        return None;
    }
    Some(Num::Complex(p.0, p.1))
}

fn to_float(n: &Num) -> Option<f64> {
    match n {
        Num::Int(i) => int_to_f64(i),
        Num::Float(f) => Some(*f),
        Num::Complex(..) => None,
    }
}

fn to_complex(n: &Num) -> Option<Cx> {
    match n {
        Num::Int(i) => Some((int_to_f64(i)?, 0.0)),
        Num::Float(f) => Some((*f, 0.0)),
        Num::Complex(r, i) => Some((*r, *i)),
    }
}

fn numeric_binop(op: Operator, a: &Num, b: &Num) -> Option<Num> {
    use Operator::*;
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => int_binop(op, x, y),
        (Num::Complex(..), _) | (_, Num::Complex(..)) => {
            let (x, y) = (to_complex(a)?, to_complex(b)?);
            match op {
                Add => Some(Num::Complex(x.0 + y.0, x.1 + y.1)),
                Sub => Some(Num::Complex(x.0 - y.0, x.1 - y.1)),
                Mult => {
                    let p = c_prod(x, y);
                    Some(Num::Complex(p.0, p.1))
                }
                Div => {
                    let q = c_quot(x, y)?;
                    Some(Num::Complex(q.0, q.1))
                }
                Pow => complex_pow(x, y),
                _ => None,
            }
        }
        _ => {
            let (x, y) = (to_float(a)?, to_float(b)?);
            match op {
                Add => Some(Num::Float(x + y)),
                Sub => Some(Num::Float(x - y)),
                Mult => Some(Num::Float(x * y)),
                Div => {
                    if y == 0.0 {
                        None
                    } else {
                        Some(Num::Float(x / y))
                    }
                }
                FloorDiv => Some(Num::Float(float_divmod(x, y)?.0)),
                Mod => Some(Num::Float(float_divmod(x, y)?.1)),
                Pow => float_pow(x, y),
                _ => None,
            }
        }
    }
}

fn int_binop(op: Operator, x: &BigInt, y: &BigInt) -> Option<Num> {
    use Operator::*;
    let r = match op {
        Add => x + y,
        Sub => x - y,
        Mult => {
            if !x.is_zero() && !y.is_zero() && x.bits() + y.bits() > MAX_INT_SIZE {
                return None;
            }
            x * y
        }
        Div => return Some(Num::Float(int_truediv(x, y)?)),
        FloorDiv => {
            if y.is_zero() {
                return None;
            }
            x.div_floor(y)
        }
        Mod => {
            if y.is_zero() {
                return None;
            }
            x.mod_floor(y)
        }
        Pow => {
            if y.sign() == Sign::Minus {
                // int ** negative int is float ** float.
                return float_pow(int_to_f64(x)?, int_to_f64(y)?);
            }
            if !x.is_zero() && !y.is_zero() {
                let wbits = y.to_u64()?;
                if x.bits() > MAX_INT_SIZE / wbits {
                    return None;
                }
            }
            let e = y.to_u32()?;
            num_traits::pow::Pow::pow(x, e)
        }
        LShift => {
            if y.sign() == Sign::Minus {
                return None;
            }
            if !x.is_zero() && !y.is_zero() {
                let wbits = y.to_u64()?;
                if wbits > MAX_INT_SIZE || x.bits() > MAX_INT_SIZE - wbits {
                    return None;
                }
            }
            let s = y.to_u64()?;
            x << s
        }
        RShift => {
            if y.sign() == Sign::Minus {
                return None;
            }
            match y.to_u64() {
                Some(s) if s < u64::from(u32::MAX) => {
                    // Arithmetic shift rounds toward negative infinity.
                    if x.sign() == Sign::Minus {
                        let d = BigInt::one() << s;
                        x.div_floor(&d)
                    } else {
                        x >> s
                    }
                }
                _ => {
                    if x.sign() == Sign::Minus {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                }
            }
        }
        BitAnd => x & y,
        BitOr => x | y,
        BitXor => x ^ y,
        MatMult => return None,
    };
    Some(Num::Int(r))
}

/// Total items of nested tuples/frozensets, as `check_complexity`.
fn check_complexity(c: &Constant, limit: i64) -> i64 {
    match c {
        Constant::Tuple(items) => {
            let mut limit = limit - items.len() as i64;
            for item in items {
                if limit < 0 {
                    break;
                }
                limit = check_complexity(item, limit);
            }
            limit
        }
        _ => limit,
    }
}

fn repeat_count(n: &BigInt, size: usize, max: i64) -> Option<usize> {
    // PyLong_AsLong overflow counts as negative: no folding.
    let n = n.to_i64()?;
    if n < 0 || n > max / size as i64 {
        return None;
    }
    Some(n as usize)
}

fn safe_multiply(a: &Constant, b: &Constant) -> Option<Constant> {
    // Sequence * int in either order.
    let (seq, n) = match (a, b) {
        (Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_), _) => (a, as_int(b)?),
        (_, Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_)) => (b, as_int(a)?),
        _ => {
            let (x, y) = (as_num(a)?, as_num(b)?);
            return numeric_binop(Operator::Mult, &x, &y).map(from_num);
        }
    };
    match seq {
        Constant::Str(s) => {
            let size = s.len_code_points();
            let count = if size == 0 { 0 } else { repeat_count(&n, size, MAX_STR_SIZE)? };
            let mut out = PyStr::new();
            for _ in 0..count {
                out.push_pystr(s);
            }
            Some(Constant::Str(out))
        }
        Constant::Bytes(s) => {
            let count = if s.is_empty() { 0 } else { repeat_count(&n, s.len(), MAX_STR_SIZE)? };
            Some(Constant::Bytes(s.repeat(count)))
        }
        Constant::Tuple(items) => {
            let count = if items.is_empty() {
                0
            } else {
                let count = repeat_count(&n, items.len(), MAX_COLLECTION_SIZE)?;
                if count > 0 && check_complexity(seq, MAX_TOTAL_ITEMS / count as i64) < 0 {
                    return None;
                }
                count
            };
            let mut out = Vec::with_capacity(items.len() * count);
            for _ in 0..count {
                out.extend(items.iter().cloned());
            }
            Some(Constant::Tuple(out))
        }
        _ => None,
    }
}

/// Folds `a op b` (`fold_binop` without the `%`-format rewrite).
pub fn binop(op: Operator, a: &Constant, b: &Constant) -> Option<Constant> {
    // bool op bool stays bool for the bitwise operators.
    if let (Constant::Bool(x), Constant::Bool(y)) = (a, b) {
        match op {
            Operator::BitAnd => return Some(Constant::Bool(x & y)),
            Operator::BitOr => return Some(Constant::Bool(x | y)),
            Operator::BitXor => return Some(Constant::Bool(x ^ y)),
            _ => {}
        }
    }
    match op {
        Operator::Mult => return safe_multiply(a, b),
        Operator::Add => match (a, b) {
            (Constant::Str(x), Constant::Str(y)) => {
                let mut s = x.clone();
                s.push_pystr(y);
                return Some(Constant::Str(s));
            }
            (Constant::Bytes(x), Constant::Bytes(y)) => {
                let mut s = x.clone();
                s.extend_from_slice(y);
                return Some(Constant::Bytes(s));
            }
            (Constant::Tuple(x), Constant::Tuple(y)) => {
                let mut s = x.clone();
                s.extend(y.iter().cloned());
                return Some(Constant::Tuple(s));
            }
            _ => {}
        },
        _ => {}
    }
    let (x, y) = (as_num(a)?, as_num(b)?);
    numeric_binop(op, &x, &y).map(from_num)
}

/// Python truth value of a constant.
pub fn is_true(c: &Constant) -> bool {
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

pub fn unaryop(op: UnaryOp, c: &Constant) -> Option<Constant> {
    match op {
        UnaryOp::Not => Some(Constant::Bool(!is_true(c))),
        UnaryOp::Invert => Some(int_const(-(as_int(c)?) - 1)),
        UnaryOp::UAdd => Some(from_num(as_num(c)?)),
        UnaryOp::USub => Some(match as_num(c)? {
            Num::Int(i) => int_const(-i),
            Num::Float(f) => Constant::Float(-f),
            Num::Complex(r, i) => Constant::Complex { real: -r, imag: -i },
        }),
    }
}

/// `value[index]` for a str, bytes or tuple constant and an int index.
pub fn subscript(value: &Constant, index: &Constant) -> Option<Constant> {
    let i = as_int(index)?.to_i64()?;
    let resolve = |len: usize| -> Option<usize> {
        let idx = if i < 0 { i + len as i64 } else { i };
        if idx < 0 || idx >= len as i64 {
            None
        } else {
            Some(idx as usize)
        }
    };
    match value {
        Constant::Str(s) => {
            let cps: Vec<u32> = s.code_points().collect();
            let k = resolve(cps.len())?;
            let mut out = PyStr::new();
            out.push_code_point(cps[k]);
            Some(Constant::Str(out))
        }
        Constant::Bytes(b) => Some(Constant::Int(b[resolve(b.len())?] as i64)),
        Constant::Tuple(t) => Some(t[resolve(t.len())?].clone()),
        _ => None,
    }
}

/// Python `==` between constants, for frozenset de-duplication.
pub fn py_eq(a: &Constant, b: &Constant) -> bool {
    if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
        return match (x, y) {
            (Num::Int(x), Num::Int(y)) => x == y,
            (Num::Int(i), Num::Float(f)) | (Num::Float(f), Num::Int(i)) => int_float_eq(&i, f),
            (Num::Float(x), Num::Float(y)) => x == y,
            (Num::Complex(r, i), other) | (other, Num::Complex(r, i)) => {
                if i != 0.0 {
                    return false;
                }
                match other {
                    Num::Int(n) => int_float_eq(&n, r),
                    Num::Float(f) => f == r,
                    Num::Complex(r2, i2) => r == r2 && i2 == 0.0,
                }
            }
        };
    }
    match (a, b) {
        (Constant::None, Constant::None) | (Constant::Ellipsis, Constant::Ellipsis) => true,
        (Constant::Str(x), Constant::Str(y)) => x == y,
        (Constant::Bytes(x), Constant::Bytes(y)) => x == y,
        (Constant::Tuple(x), Constant::Tuple(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| py_eq(p, q)),
        _ => false,
    }
}

fn int_float_eq(i: &BigInt, f: f64) -> bool {
    if !f.is_finite() || f.fract() != 0.0 {
        return false;
    }
    match int_to_f64(i) {
        Some(g) if g == f => {
            // Exact comparison: the float is an integer; compare as ints.
            float_to_int(f).is_some_and(|fi| &fi == i)
        }
        _ => false,
    }
}

fn float_to_int(f: f64) -> Option<BigInt> {
    if !f.is_finite() {
        return None;
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = if exp == 0 { (bits & ((1 << 52) - 1)) << 1 } else { (bits & ((1 << 52) - 1)) | (1 << 52) };
    let e = exp - 1075;
    let m = BigInt::from(mant);
    let v = if e >= 0 { m << e as u64 } else { m >> (-e) as u64 };
    Some(if f < 0.0 { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(i: i64) -> Constant {
        Constant::Int(i)
    }

    #[test]
    fn arithmetic_matches_python() {
        assert_eq!(binop(Operator::FloorDiv, &int(-7), &int(2)), Some(int(-4)));
        assert_eq!(binop(Operator::Mod, &int(-7), &int(2)), Some(int(1)));
        assert_eq!(binop(Operator::Pow, &int(2), &int(-1)), Some(Constant::Float(0.5)));
        assert_eq!(binop(Operator::Div, &int(0), &int(-5)).map(|c| format!("{:?}", c)), Some("Float(-0.0)".into()));
        assert_eq!(binop(Operator::Mod, &Constant::Float(7.5), &Constant::Float(-2.0)), Some(Constant::Float(-0.5)));
        assert_eq!(binop(Operator::BitAnd, &Constant::Bool(true), &Constant::Bool(true)), Some(Constant::Bool(true)));
        assert_eq!(binop(Operator::Pow, &int(2), &int(200)), None);
        assert_eq!(binop(Operator::Mult, &Constant::Str("ab".into()), &int(-1)), None);
        assert_eq!(unaryop(UnaryOp::Invert, &Constant::Bool(true)), Some(int(-2)));
        let big = BigInt::from(10).pow(30u32);
        assert_eq!(int_truediv(&big, &BigInt::from(3)), Some(3.333333333333333e+29));
        assert_eq!(int_truediv(&(BigInt::from(1) << 1100u32), &(BigInt::from(1) << 1000u32)), Some(1.2676506002282294e+30));
        match binop(Operator::Pow, &int(-8), &Constant::Float(0.5)) {
            Some(Constant::Complex { real, imag }) => {
                assert_eq!(real, 1.7319121124709868e-16);
                assert_eq!(imag, 2.8284271247461903);
            }
            other => panic!("{:?}", other),
        }
    }

    #[test]
    fn equality_for_sets() {
        assert!(py_eq(&int(1), &Constant::Float(1.0)));
        assert!(py_eq(&Constant::Bool(true), &int(1)));
        assert!(!py_eq(&Constant::Str("1".into()), &int(1)));
        assert!(py_eq(&Constant::Complex { real: 2.0, imag: 0.0 }, &int(2)));
    }
}
