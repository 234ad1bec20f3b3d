//! Python semantics of the constant values the AST optimizer folds
//! (`Python/ast_opt.c`), shared by the checks after it and by the compiler:
//! arithmetic on int/float/complex/bool with CPython's size guards, str,
//! bytes and tuple concatenation and repetition, indexing, truth value,
//! equality as a set sees it, type names and `repr`.
//!
//! Every operation returns `None` where CPython's would raise or where the
//! optimizer's guards refuse to fold: the node is then left alone. Results are
//! the exact values CPython computes (correctly rounded int-to-float
//! conversions and divisions, its `pow` special cases), since the compiler
//! stores them in `co_consts`.

use crate::ast::{Constant, Operator, UnaryOp};
use crate::pystr::PyStr;
use num_bigint::{BigInt, Sign};
use num_traits::{One, Signed, ToPrimitive, Zero};

/// ast_opt.c's guards against building huge constants.
const MAX_INT_SIZE: u64 = 128; // bits
const MAX_COLLECTION_SIZE: i64 = 256; // items
const MAX_STR_SIZE: i64 = 4096; // characters or bytes
const MAX_TOTAL_ITEMS: i64 = 1024; // including those of nested tuples

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
        Constant::FrozenSet(_) => "frozenset",
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

/// Python's truth value of a constant.
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
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
    }
}

/// An int constant, small or big as the AST stores it.
pub fn int_const(v: BigInt) -> Constant {
    match v.to_i64() {
        Some(i) => Constant::Int(i),
        None => Constant::BigInt(Box::new(v)),
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
        _ => as_int(c).map(Num::Int),
    }
}

fn from_num(n: Num) -> Constant {
    match n {
        Num::Int(i) => int_const(i),
        Num::Float(f) => Constant::Float(f),
        Num::Complex(real, imag) => Constant::Complex { real, imag },
    }
}

// ---- unary and binary operators ---------------------------------------------

/// `op v` as ast_opt.c's `fold_unaryop` computes it, or None where Python raises.
pub fn unaryop(op: UnaryOp, v: &Constant) -> Option<Constant> {
    match op {
        UnaryOp::Not => Some(Constant::Bool(!is_true(v))),
        UnaryOp::Invert => Some(int_const(-as_int(v)? - 1)),
        UnaryOp::UAdd => Some(from_num(as_num(v)?)),
        UnaryOp::USub => Some(match as_num(v)? {
            Num::Int(i) => int_const(-i),
            Num::Float(f) => Constant::Float(-f),
            Num::Complex(r, i) => Constant::Complex { real: -r, imag: -i },
        }),
    }
}

/// `a op b` as ast_opt.c's `fold_binop` computes it (with its size guards),
/// or None where the optimizer leaves the operation alone. (The rewrite of
/// `'%s' % (x,)` into an f-string is the folder's, not this.)
pub fn binop(op: Operator, a: &Constant, b: &Constant) -> Option<Constant> {
    // The bitwise operators on two bools give a bool.
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
        Operator::Add => {
            if let Some(c) = concat(a, b) {
                return Some(c);
            }
        }
        // `safe_mod`: no %-formatting of str or bytes at compile time.
        Operator::Mod if matches!(a, Constant::Str(_) | Constant::Bytes(_)) => return None,
        _ => {}
    }
    numeric_binop(op, &as_num(a)?, &as_num(b)?).map(from_num)
}

fn concat(a: &Constant, b: &Constant) -> Option<Constant> {
    Some(match (a, b) {
        (Constant::Str(x), Constant::Str(y)) => {
            let mut s = x.clone();
            s.push_pystr(y);
            Constant::Str(s)
        }
        (Constant::Bytes(x), Constant::Bytes(y)) => Constant::Bytes([x.as_slice(), y].concat()),
        (Constant::Tuple(x), Constant::Tuple(y)) => Constant::Tuple([x.as_slice(), y].concat()),
        _ => return None,
    })
}

/// The length of a str, bytes or tuple (the sequences `*` repeats).
fn seq_len(c: &Constant) -> Option<usize> {
    match c {
        Constant::Str(s) => Some(s.len_code_points()),
        Constant::Bytes(b) => Some(b.len()),
        Constant::Tuple(t) => Some(t.len()),
        _ => None,
    }
}

/// `check_complexity`: `limit` minus the items of nested tuples and frozensets.
fn check_complexity(c: &Constant, mut limit: i64) -> i64 {
    if let Constant::Tuple(items) | Constant::FrozenSet(items) = c {
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

/// `safe_multiply`: numbers multiply with the int size guard; a sequence
/// times an int (either order) repeats with the length guards.
fn safe_multiply(a: &Constant, b: &Constant) -> Option<Constant> {
    let (count, seq) = match (as_int(a), as_int(b)) {
        (Some(n), _) if seq_len(b).is_some() => (n, b),
        (_, Some(n)) if seq_len(a).is_some() => (n, a),
        _ => return numeric_binop(Operator::Mult, &as_num(a)?, &as_num(b)?).map(from_num),
    };
    let size = seq_len(seq)?;
    // A count beyond Py_ssize_t raises OverflowError, even for an empty sequence.
    let n = count.to_i64()?;
    if size == 0 {
        return Some(seq.clone());
    }
    let is_tuple = matches!(seq, Constant::Tuple(_));
    let max = if is_tuple { MAX_COLLECTION_SIZE } else { MAX_STR_SIZE };
    if n < 0 || n > max / size as i64 {
        return None;
    }
    if is_tuple && n > 0 && check_complexity(seq, MAX_TOTAL_ITEMS / n) < 0 {
        return None;
    }
    // The guards bound the result to a few thousand items.
    let n = n as usize;
    Some(match seq {
        Constant::Str(s) => {
            let mut out = PyStr::new();
            for _ in 0..n {
                out.push_pystr(s);
            }
            Constant::Str(out)
        }
        Constant::Bytes(b) => Constant::Bytes(b.repeat(n)),
        Constant::Tuple(t) => Constant::Tuple(t.iter().cycle().take(t.len() * n).cloned().collect()),
        _ => return None,
    })
}

fn numeric_binop(op: Operator, a: &Num, b: &Num) -> Option<Num> {
    use Operator::*;
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => int_binop(op, x, y),
        (Num::Complex(..), _) | (_, Num::Complex(..)) => {
            let (x, y) = (to_complex(a)?, to_complex(b)?);
            let (r, i) = match op {
                Add => (x.0 + y.0, x.1 + y.1),
                Sub => (x.0 - y.0, x.1 - y.1),
                Mult => c_prod(x, y),
                Div => c_quot(x, y)?,
                Pow => return complex_pow(x, y),
                _ => return None,
            };
            Some(Num::Complex(r, i))
        }
        _ => {
            let (x, y) = (to_float(a)?, to_float(b)?);
            Some(Num::Float(match op {
                Add => x + y,
                Sub => x - y,
                Mult => x * y,
                Div if y == 0.0 => return None,
                Div => x / y,
                FloorDiv => float_divmod(x, y)?.0,
                Mod => float_divmod(x, y)?.1,
                Pow => return float_pow(x, y),
                _ => return None,
            }))
        }
    }
}

/// Python's floor division and modulo; None for a zero divisor.
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
        Div => return int_truediv(x, y).map(Num::Float),
        FloorDiv => floor_divmod(x, y)?.0,
        Mod => floor_divmod(x, y)?.1,
        Pow => {
            if y.sign() == Sign::Minus {
                // int ** negative int is float ** float.
                return float_pow(int_to_f64(x)?, int_to_f64(y)?);
            }
            if y.is_zero() {
                BigInt::one()
            } else if x.is_zero() {
                // Unguarded: 0 ** (10**30) folds to 0.
                BigInt::zero()
            } else {
                // `safe_power`; an exponent beyond size_t does not fold.
                let wbits = y.to_u64()?;
                if x.bits() > MAX_INT_SIZE / wbits {
                    return None;
                }
                // Here wbits <= 128, as x has at least one bit.
                num_traits::pow(x.clone(), wbits as usize)
            }
        }
        LShift => {
            if y.sign() == Sign::Minus {
                return None;
            }
            if x.is_zero() || y.is_zero() {
                x.clone()
            } else {
                // `safe_lshift`.
                let wbits = y.to_u64()?;
                if wbits > MAX_INT_SIZE || x.bits() > MAX_INT_SIZE - wbits {
                    return None;
                }
                x << wbits
            }
        }
        RShift => {
            if y.sign() == Sign::Minus {
                return None;
            }
            match y.to_u64() {
                // Rounds toward negative infinity: -x >> s is -((x - 1) >> s) - 1.
                Some(s) if s < x.bits() => {
                    if x.sign() == Sign::Minus {
                        -((-x - 1u32) >> s) - 1u32
                    } else {
                        x >> s
                    }
                }
                // Every bit shifted out (however large the count).
                _ => BigInt::from(if x.sign() == Sign::Minus { -1 } else { 0 }),
            }
        }
        BitAnd => x & y,
        BitOr => x | y,
        BitXor => x ^ y,
        MatMult => return None,
    };
    Some(Num::Int(r))
}

// ---- int to float ---------------------------------------------------------

/// Correctly rounded int -> float (`PyLong_AsDouble`); None on overflow.
pub fn int_to_f64(v: &BigInt) -> Option<f64> {
    let mag = v.magnitude();
    let bits = mag.bits();
    let f = if bits <= 64 {
        mag.to_u64()? as f64
    } else {
        // The top 64 bits with a sticky bit for the rest round once, correctly.
        let shift = bits - 64;
        let top = (mag >> shift).to_u64()?;
        let sticky = mag.trailing_zeros().unwrap_or(0) < shift;
        ldexp((top | sticky as u64) as f64, shift as i64)
    };
    if f.is_infinite() {
        return None;
    }
    Some(if v.sign() == Sign::Minus { -f } else { f })
}

/// `x * 2**exp`, in steps that stay exact for normal results.
fn ldexp(mut x: f64, mut exp: i64) -> f64 {
    while exp > 1000 {
        x *= 2f64.powi(1000);
        exp -= 1000;
    }
    while exp < -1000 {
        x *= 2f64.powi(-1000);
        exp += 1000;
    }
    x * 2f64.powi(exp as i32)
}

/// `q * 2**exp` (q > 0, `sticky` for nonzero bits already discarded below q)
/// rounded to nearest-even, subnormals included; None on overflow.
fn round_to_f64(q: &BigInt, exp: i64, sticky: bool) -> Option<f64> {
    let qbits = q.bits() as i64;
    // The exponent of the leading bit.
    let lead = qbits - 1 + exp;
    if lead > 1023 {
        return None;
    }
    // The significant bits the result can hold.
    let prec = if lead >= -1022 { 53 } else { 53 - (-1022 - lead) };
    if prec <= 0 {
        // Below the smallest subnormal (2**-1074): 0 or that subnormal.
        if lead < -1075 {
            return Some(0.0);
        }
        // lead == -1075: the value is in [2**-1075, 2**-1074); exactly half rounds to even (0).
        let is_half = q.trailing_zeros().is_none_or(|tz| tz as i64 == qbits - 1) && !sticky;
        return Some(if is_half { 0.0 } else { 5e-324 });
    }
    let drop = qbits - prec;
    let (mant, new_exp) = if drop > 0 {
        let drop = drop as u64;
        let mut mant = q >> drop;
        let low = q - (&mant << drop);
        let half = BigInt::one() << (drop - 1);
        let round_up = match low.cmp(&half) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Less => false,
            std::cmp::Ordering::Equal => sticky || mant.bit(0),
        };
        if round_up {
            mant += 1u32;
        }
        (mant, exp + drop as i64)
    } else {
        (q.clone(), exp)
    };
    // At most 54 bits: exact.
    let r = ldexp(mant.to_u64()? as f64, new_exp);
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
        let (num, den) = if shift >= 0 { (&ua << shift as u64, ub) } else { (ua, &ub << (-shift) as u64) };
        let (q, r) = floor_divmod(&num, &den)?;
        round_to_f64(&q, -shift, !r.is_zero())?
    };
    Some(if negate { -r } else { r })
}

// ---- float and complex ------------------------------------------------------

fn to_float(n: &Num) -> Option<f64> {
    match n {
        Num::Int(i) => int_to_f64(i),
        Num::Float(f) => Some(*f),
        Num::Complex(..) => None,
    }
}

fn to_complex(n: &Num) -> Option<Cx> {
    match n {
        Num::Complex(r, i) => Some((*r, *i)),
        other => Some((to_float(other)?, 0.0)),
    }
}

/// CPython's `float_divmod`: (floor quotient, remainder with the divisor's sign).
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

/// CPython's `float_pow`, special cases included; a negative base with a
/// fractional exponent gives a complex result.
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
        return Some(Num::Float(match (iw > 0.0, odd) {
            (true, true) => iv,
            (true, false) => iv.abs(),
            (false, true) => 0f64.copysign(iv),
            (false, false) => 0.0,
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

/// `_Py_c_quot` (Smith's algorithm); None for division by zero.
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
        // A NaN part.
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

/// CPython's `complex_pow`: small integral exponents multiply (`c_powi`),
/// others go through polar form; None for 0 to a negative or complex
/// power and on overflow.
fn complex_pow(a: Cx, b: Cx) -> Option<Num> {
    let p = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n > 0 {
            c_powu(a, n)
        } else {
            // 1 / x**-n; a zero base divides by zero.
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

// ---- indexing, equality, repr -----------------------------------------------

/// `value[index]` for a str, bytes or tuple constant and an int index, or None.
pub fn subscript(value: &Constant, index: &Constant) -> Option<Constant> {
    let i = as_int(index)?.to_i64()?;
    let len = seq_len(value)? as i64;
    let i = if i < 0 { i + len } else { i };
    if i < 0 || i >= len {
        return None;
    }
    let i = i as usize;
    Some(match value {
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

/// Python's `==` between constants, which for these types also means equal
/// hashes: whether a set holding `a` finds `b` already present (1 == 1.0 ==
/// True, -0.0 == 0.0, (1,) == (1.0,); a NaN equals nothing).
pub fn py_eq(a: &Constant, b: &Constant) -> bool {
    if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
        return num_eq(&x, &y);
    }
    match (a, b) {
        (Constant::None, Constant::None) | (Constant::Ellipsis, Constant::Ellipsis) => true,
        (Constant::Str(x), Constant::Str(y)) => x == y,
        (Constant::Bytes(x), Constant::Bytes(y)) => x == y,
        (Constant::Tuple(x), Constant::Tuple(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| py_eq(p, q)),
        // Frozensets hold distinct items: equal when each item of one is in the other.
        (Constant::FrozenSet(x), Constant::FrozenSet(y)) => {
            x.len() == y.len() && x.iter().all(|p| y.iter().any(|q| py_eq(p, q)))
        }
        _ => false,
    }
}

fn num_eq(x: &Num, y: &Num) -> bool {
    match (x, y) {
        (Num::Int(a), Num::Int(b)) => a == b,
        (Num::Int(i), Num::Float(f)) | (Num::Float(f), Num::Int(i)) => int_float_eq(i, *f),
        (Num::Float(a), Num::Float(b)) => a == b,
        (Num::Complex(r1, i1), Num::Complex(r2, i2)) => r1 == r2 && i1 == i2,
        (Num::Complex(r, i), other) | (other, Num::Complex(r, i)) => *i == 0.0 && num_eq(&Num::Float(*r), other),
    }
}

fn int_float_eq(i: &BigInt, f: f64) -> bool {
    if !f.is_finite() || f.fract() != 0.0 {
        return false;
    }
    // Both integral: compare exactly, through the float's integer value.
    int_to_f64(i) == Some(f) && float_to_int(f).is_some_and(|fi| &fi == i)
}

/// The exact integer value of an integral float.
fn float_to_int(f: f64) -> Option<BigInt> {
    if !f.is_finite() {
        return None;
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (mant, e) = if exp == 0 { (frac, -1074) } else { (frac | (1 << 52), exp - 1075) };
    let m = BigInt::from(mant);
    let v = if e >= 0 { m << e as u64 } else { m >> (-e) as u64 };
    Some(if f < 0.0 { -v } else { v })
}

/// Python's `repr` of a constant (a frozenset's items in insertion order:
/// see `dump`).
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
        Constant::FrozenSet(items) if items.is_empty() => "frozenset()".into(),
        Constant::FrozenSet(items) => {
            let parts: Vec<String> = items.iter().map(repr).collect();
            format!("frozenset({{{}}})", parts.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(i: i64) -> Constant {
        Constant::Int(i)
    }

    fn big(s: &str) -> Constant {
        int_const(s.parse().unwrap())
    }

    fn s(text: &str) -> Constant {
        Constant::Str(text.into())
    }

    // Expected values are python3.11's, and None where its optimizer does not fold.

    #[test]
    fn size_guards() {
        assert!(binop(Operator::Pow, &int(2), &int(64)).is_some());
        assert!(binop(Operator::Pow, &int(2), &int(100)).is_none());
        assert!(binop(Operator::Pow, &int(2), &int(200)).is_none());
        assert!(binop(Operator::Mult, &Constant::Tuple(vec![int(1)]), &int(300)).is_none());
        assert!(binop(Operator::Mult, &s("ab"), &int(-1)).is_none());
        assert!(binop(Operator::Mult, &s("ab"), &int(2049)).is_none());
        assert_eq!(binop(Operator::Mult, &int(2), &s("ab")), Some(s("abab")));
        assert!(binop(Operator::LShift, &int(1), &int(128)).is_none());
        assert_eq!(binop(Operator::LShift, &int(1), &int(127)), Some(big("170141183460469231731687303715884105728")));
        // The nested items of a tuple count against MAX_TOTAL_ITEMS.
        let nested = Constant::Tuple(vec![Constant::Tuple(vec![int(1); 10]); 10]);
        assert!(binop(Operator::Mult, &nested, &int(10)).is_none());
        assert!(binop(Operator::Mult, &nested, &int(9)).is_some());
    }

    #[test]
    fn unguarded_corners() {
        let huge = big("1000000000000000000000000000000");
        assert_eq!(binop(Operator::Pow, &int(0), &huge), Some(int(0)));
        assert_eq!(binop(Operator::LShift, &int(0), &huge), Some(int(0)));
        assert_eq!(binop(Operator::RShift, &int(-1), &huge), Some(int(-1)));
        assert_eq!(binop(Operator::RShift, &int(5), &huge), Some(int(0)));
        assert_eq!(binop(Operator::RShift, &int(-7), &int(1)), Some(int(-4)));
        assert_eq!(binop(Operator::RShift, &int(-8), &int(3)), Some(int(-1)));
        assert!(binop(Operator::Pow, &int(1), &huge).is_none());
        // Repeating an empty sequence: any count that fits Py_ssize_t.
        assert_eq!(binop(Operator::Mult, &s(""), &big("4611686018427387904")), Some(s("")));
        assert!(binop(Operator::Mult, &s(""), &huge).is_none());
        assert_eq!(binop(Operator::Mult, &Constant::Tuple(vec![]), &int(-5)), Some(Constant::Tuple(vec![])));
    }

    #[test]
    fn arithmetic() {
        assert_eq!(binop(Operator::FloorDiv, &int(-7), &int(2)), Some(int(-4)));
        assert_eq!(binop(Operator::Mod, &int(-7), &int(2)), Some(int(1)));
        assert_eq!(binop(Operator::Pow, &int(2), &int(-1)), Some(Constant::Float(0.5)));
        assert_eq!(binop(Operator::Div, &int(0), &int(-5)).map(|c| format!("{:?}", c)), Some("Float(-0.0)".into()));
        assert_eq!(binop(Operator::Mod, &Constant::Float(7.5), &Constant::Float(-2.0)), Some(Constant::Float(-0.5)));
        assert_eq!(binop(Operator::BitAnd, &Constant::Bool(true), &Constant::Bool(true)), Some(Constant::Bool(true)));
        assert_eq!(binop(Operator::Sub, &Constant::Bool(true), &Constant::Bool(true)), Some(int(0)));
        assert!(binop(Operator::Div, &int(1), &int(0)).is_none());
        assert!(binop(Operator::Mod, &s("%s"), &int(1)).is_none());
        assert!(binop(Operator::MatMult, &int(1), &int(1)).is_none());
        assert_eq!(unaryop(UnaryOp::Invert, &Constant::Bool(true)), Some(int(-2)));
        assert_eq!(unaryop(UnaryOp::Not, &Constant::Tuple(vec![])), Some(Constant::Bool(true)));
        assert!(unaryop(UnaryOp::USub, &s("a")).is_none());
        let e30: BigInt = "1000000000000000000000000000000".parse().unwrap();
        assert_eq!(int_truediv(&e30, &BigInt::from(3)), Some(3.333333333333333e+29));
        assert_eq!(int_truediv(&(BigInt::from(1) << 1100u32), &(BigInt::from(1) << 1000u32)), Some(1.2676506002282294e+30));
        // (2**53 + 1) rounds to even.
        assert_eq!(int_to_f64(&BigInt::from(9007199254740993u64)), Some(9007199254740992.0));
        match binop(Operator::Pow, &int(-8), &Constant::Float(0.5)) {
            Some(Constant::Complex { real, imag }) => {
                assert_eq!(real, 1.7319121124709868e-16);
                assert_eq!(imag, 2.8284271247461903);
            }
            other => panic!("{:?}", other),
        }
    }

    #[test]
    fn subscripts() {
        assert_eq!(subscript(&s("abc"), &int(-1)), Some(s("c")));
        assert_eq!(subscript(&s("abc"), &Constant::Bool(true)), Some(s("b")));
        assert_eq!(subscript(&Constant::Bytes(b"ab".to_vec()), &int(0)), Some(int(97)));
        assert_eq!(subscript(&Constant::Tuple(vec![int(1), int(2)]), &int(1)), Some(int(2)));
        assert!(subscript(&s("abc"), &int(3)).is_none());
        assert!(subscript(&s("abc"), &Constant::Float(0.0)).is_none());
    }

    #[test]
    fn equality_as_sets_see_it() {
        assert!(py_eq(&int(1), &Constant::Bool(true)));
        assert!(py_eq(&int(1), &Constant::Float(1.0)));
        assert!(py_eq(&Constant::Float(-0.0), &int(0)));
        assert!(!py_eq(&s("1"), &int(1)));
        assert!(py_eq(&Constant::Complex { real: 2.0, imag: 0.0 }, &int(2)));
        let c = Constant::Complex { real: 1.0, imag: 2.0 };
        assert!(py_eq(&c, &c.clone()));
        assert!(!py_eq(&Constant::Float(f64::NAN), &Constant::Float(f64::NAN)));
        assert!(py_eq(&Constant::Tuple(vec![int(1)]), &Constant::Tuple(vec![Constant::Float(1.0)])));
        assert!(py_eq(&big("9007199254740992"), &Constant::Float(9007199254740992.0)));
        assert!(!py_eq(&big("9007199254740993"), &Constant::Float(9007199254740992.0)));
    }

    #[test]
    fn reprs() {
        assert_eq!(repr(&s("it's")), "\"it's\"");
        assert_eq!(repr(&Constant::Bytes(b"a\x00'".to_vec())), "b\"a\\x00'\"");
        assert_eq!(repr(&Constant::Tuple(vec![int(1)])), "(1,)");
        assert_eq!(repr(&Constant::FrozenSet(vec![])), "frozenset()");
        assert_eq!(repr(&Constant::FrozenSet(vec![int(1), int(2)])), "frozenset({1, 2})");
        assert_eq!(type_name(&Constant::FrozenSet(vec![])), "frozenset");
    }
}
