//! `math`: CPython's `Modules/mathmodule.c` in Rust, with its special-value
//! rules and messages ("math domain error", "math range error").

use crate::args::{check_no_kwargs, split_kwargs, ArgSpec};
use crate::exception::{ExcKind, PyErr, PyResult};
use crate::modules::ModuleBuilder;
use crate::objects::float::as_float;
use crate::objects::int::{as_int, int_from_big, IntView};
use crate::objects::tuple::{new_tuple, TupleObject};
use crate::typeobj::{is_exact, nb, type_of, KwNames, FLOAT_TYPE};
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

// libm functions CPython calls directly (Rust's own versions of some of
// these are computed differently, so they could differ in the last bit).
extern "C" {
    fn erf(x: f64) -> f64;
    fn erfc(x: f64) -> f64;
    fn asinh(x: f64) -> f64;
    fn acosh(x: f64) -> f64;
    fn atanh(x: f64) -> f64;
    fn expm1(x: f64) -> f64;
    fn log1p(x: f64) -> f64;
    fn cbrt(x: f64) -> f64;
    fn exp2(x: f64) -> f64;
    fn nextafter(x: f64, y: f64) -> f64;
    fn fmod(x: f64, y: f64) -> f64;
}

/// glibc's cbrt (what CPython calls): the statically linked math support
/// code can provide a different `cbrt`, so look it up in libm itself.
fn libm_cbrt(x: f64) -> f64 {
    use std::sync::OnceLock;
    static CBRT: OnceLock<Option<unsafe extern "C" fn(f64) -> f64>> = OnceLock::new();
    let f = CBRT.get_or_init(|| {
        // SAFETY: dlopen/dlsym with NUL-terminated names; the symbol has cbrt's C signature.
        unsafe {
            let h = libc::dlopen(b"libm.so.6\0".as_ptr() as *const libc::c_char, libc::RTLD_LAZY);
            if h.is_null() {
                return None;
            }
            let p = libc::dlsym(h, b"cbrt\0".as_ptr() as *const libc::c_char);
            if p.is_null() {
                None
            } else {
                Some(std::mem::transmute::<*mut libc::c_void, unsafe extern "C" fn(f64) -> f64>(p))
            }
        }
    });
    match f {
        // SAFETY: a C function taking and returning a double.
        Some(f) => unsafe { f(x) },
        None => unsafe { cbrt(x) },
    }
}

pub(crate) fn domain_error(vm: &mut Vm) -> PyErr {
    vm.value_error("math domain error")
}

pub(crate) fn range_error(vm: &mut Vm) -> PyErr {
    vm.new_error(ExcKind::OverflowError, "math range error")
}

/// `PyFloat_AsDouble`: floats, ints, `__float__`, then `__index__`.
pub(crate) fn to_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = v.as_float() {
        return Ok(f);
    }
    if let Some(i) = as_int(v) {
        return i
            .to_f64()
            .map_err(|_| vm.new_error(ExcKind::OverflowError, "int too large to convert to float"));
    }
    if let Some(f) = as_float(v) {
        return Ok(f);
    }
    let t = type_of(v);
    if let Some(f) = t.slots().float {
        let r = f(vm, v)?;
        return match as_float(&r) {
            Some(x) => Ok(x),
            None => {
                let msg = format!(
                    "{}.__float__ returned non-float (type {})",
                    t.name_string(),
                    vm.type_name(&r)
                );
                Err(vm.type_error(msg))
            }
        };
    }
    if t.slots().index.is_some() {
        let i = vm.index(v)?;
        return to_f64(vm, &i);
    }
    let msg = format!("must be real number, not {}", vm.type_name(v));
    Err(vm.type_error(msg))
}

fn one_arg(vm: &mut Vm, name: &str, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, name, kw)?;
    if args.len() != 1 {
        let msg = format!("math.{name}() takes exactly one argument ({} given)", args.len());
        return Err(vm.type_error(msg));
    }
    Ok(args[0].clone())
}

fn two_args(vm: &mut Vm, name: &str, args: &[Value], kw: KwNames) -> PyResult<[Value; 2]> {
    check_no_kwargs(vm, name, kw)?;
    if args.len() != 2 {
        let msg = format!("{name} expected 2 arguments, got {}", args.len());
        return Err(vm.type_error(msg));
    }
    Ok([args[0].clone(), args[1].clone()])
}

/// math_1: NaN from non-NaN is a domain error; inf from finite is a range
/// error when the function can overflow, else a domain error (a pole).
fn math_1(vm: &mut Vm, name: &str, args: &[Value], kw: KwNames, f: fn(f64) -> f64, can_overflow: bool) -> PyResult<Value> {
    let x = one_arg(vm, name, args, kw)?;
    let x = to_f64(vm, &x)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range_error(vm) } else { domain_error(vm) });
    }
    Ok(Value::float(r))
}

/// Errors a function reports itself (CPython's errno), for math_1a.
enum MathErr {
    Domain,
    Range,
}

fn math_1a(vm: &mut Vm, name: &str, args: &[Value], kw: KwNames, f: fn(f64) -> Result<f64, MathErr>) -> PyResult<Value> {
    let x = one_arg(vm, name, args, kw)?;
    let x = to_f64(vm, &x)?;
    match f(x) {
        Ok(r) => Ok(Value::float(r)),
        Err(MathErr::Domain) => Err(domain_error(vm)),
        // is_error: a small result after ERANGE is an underflow, not an error.
        Err(MathErr::Range) => Err(range_error(vm)),
    }
}

fn math_2(vm: &mut Vm, name: &str, args: &[Value], kw: KwNames, f: fn(f64, f64) -> f64) -> PyResult<Value> {
    let [a, b] = two_args(vm, name, args, kw)?;
    let x = to_f64(vm, &a)?;
    let y = to_f64(vm, &b)?;
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error(vm));
    }
    Ok(Value::float(r))
}

macro_rules! func1 {
    ($name:ident, $pyname:expr, $f:expr, $over:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
            math_1(vm, $pyname, args, kw, $f, $over)
        }
    };
}

func1!(m_acos, "acos", f64::acos, false);
func1!(m_acosh, "acosh", |x| unsafe { acosh(x) }, false);
func1!(m_asin, "asin", f64::asin, false);
func1!(m_asinh, "asinh", |x| unsafe { asinh(x) }, false);
func1!(m_atan, "atan", f64::atan, false);
func1!(m_atanh, "atanh", |x| unsafe { atanh(x) }, false);
func1!(m_cbrt, "cbrt", libm_cbrt, false);
func1!(m_cos, "cos", f64::cos, false);
func1!(m_cosh, "cosh", f64::cosh, true);
func1!(m_exp, "exp", f64::exp, true);
func1!(m_exp2, "exp2", |x| unsafe { exp2(x) }, true);
func1!(m_expm1, "expm1", |x| unsafe { expm1(x) }, true);
func1!(m_fabs, "fabs", f64::abs, false);
func1!(m_log1p, "log1p", |x| unsafe { log1p(x) }, false);
func1!(m_sin, "sin", f64::sin, false);
func1!(m_sinh, "sinh", f64::sinh, true);
func1!(m_sqrt, "sqrt", f64::sqrt, false);
func1!(m_tan, "tan", f64::tan, false);
func1!(m_tanh, "tanh", f64::tanh, false);

fn m_erf(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    math_1a(vm, "erf", args, kw, |x| Ok(unsafe { erf(x) }))
}

fn m_erfc(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    math_1a(vm, "erfc", args, kw, |x| Ok(unsafe { erfc(x) }))
}

fn m_gamma(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    math_1a(vm, "gamma", args, kw, tgamma)
}

fn m_lgamma(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    math_1a(vm, "lgamma", args, kw, lgamma)
}

fn atan2_special(y: f64, x: f64) -> f64 {
    use std::f64::consts::PI;
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if y.is_infinite() {
        if x.is_infinite() {
            return if x.is_sign_positive() {
                (0.25 * PI).copysign(y)
            } else {
                (0.75 * PI).copysign(y)
            };
        }
        return (0.5 * PI).copysign(y);
    }
    if x.is_infinite() || y == 0.0 {
        return if x.is_sign_positive() { 0.0f64.copysign(y) } else { PI.copysign(y) };
    }
    y.atan2(x)
}

/// IEEE remainder: x - n*y with n the nearest integer to x/y, ties to even.
pub(crate) fn remainder_f64(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let (absx, absy) = (x.abs(), y.abs());
        let m = unsafe { fmod(absx, absy) };
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * unsafe { fmod(0.5 * (absx - m), absy) }
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

fn m_atan2(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    math_2(vm, "atan2", args, kw, atan2_special)
}

fn m_copysign(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    math_2(vm, "copysign", args, kw, f64::copysign)
}

fn m_remainder(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    math_2(vm, "remainder", args, kw, remainder_f64)
}

fn m_fmod(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let [a, b] = two_args(vm, "fmod", args, kw)?;
    let x = to_f64(vm, &a)?;
    let y = to_f64(vm, &b)?;
    // fmod(x, +-inf) is x for finite x.
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::float(x));
    }
    let r = unsafe { fmod(x, y) };
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    Ok(Value::float(r))
}

fn m_pow(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let [a, b] = two_args(vm, "pow", args, kw)?;
    let x = to_f64(vm, &a)?;
    let y = to_f64(vm, &b)?;
    let r = if !x.is_finite() || !y.is_finite() {
        if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && unsafe { fmod(y.abs(), 2.0) } == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            f64::INFINITY
        } else {
            0.0
        }
    } else {
        let r = x.powf(y);
        if r.is_nan() {
            return Err(domain_error(vm));
        }
        if r.is_infinite() {
            return Err(if x == 0.0 { domain_error(vm) } else { range_error(vm) });
        }
        r
    };
    Ok(Value::float(r))
}

// ---- gamma and lgamma (CPython's Lanczos approximation) ----

const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];

fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// sin(pi * x) for finite x, exact at integers and half-integers.
fn sinpi(x: f64) -> f64 {
    use std::f64::consts::PI;
    let y = unsafe { fmod(x.abs(), 2.0) };
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

fn tgamma(x: f64) -> Result<f64, MathErr> {
    use std::f64::consts::PI;
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return Ok(x);
        }
        return Err(MathErr::Domain);
    }
    if x == 0.0 {
        return Err(MathErr::Domain);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(MathErr::Domain);
        }
        if x <= 23.0 {
            return Ok(GAMMA_INTEGRAL[x as usize - 1]);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() { Err(MathErr::Range) } else { Ok(r) };
    }
    if absx > 200.0 {
        if x < 0.0 {
            return Ok(0.0 / sinpi(x));
        }
        return Err(MathErr::Range);
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let r = if x < 0.0 {
        let mut r = -PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
        r
    } else {
        let mut r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
        r
    };
    if r.is_infinite() {
        return Err(MathErr::Range);
    }
    Ok(r)
}

fn lgamma(x: f64) -> Result<f64, MathErr> {
    const LOGPI: f64 = 1.144_729_885_849_400_174_143_427_351_353_058_711_647;
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return Err(MathErr::Domain);
        }
        return Ok(0.0);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-absx.ln());
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = LOGPI - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() {
        return Err(MathErr::Range);
    }
    Ok(r)
}

// ---- rounding ----

fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    crate::types::num::float_to_int(vm, f)
}

fn rounding(vm: &mut Vm, name: &str, dunder: &str, args: &[Value], kw: KwNames, f: fn(f64) -> f64) -> PyResult<Value> {
    let x = one_arg(vm, name, args, kw)?;
    if is_exact(&x, &FLOAT_TYPE) {
        return float_to_int(vm, f(as_float(&x).unwrap_or(0.0)));
    }
    if let Some(m) = type_of(&x).lookup_str(vm, dunder) {
        return vm.call_unbound(&m, &x, &[]);
    }
    let v = to_f64(vm, &x)?;
    float_to_int(vm, f(v))
}

fn m_ceil(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    rounding(vm, "ceil", "__ceil__", args, kw, f64::ceil)
}

fn m_floor(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    rounding(vm, "floor", "__floor__", args, kw, f64::floor)
}

fn m_trunc(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let x = one_arg(vm, "trunc", args, kw)?;
    if is_exact(&x, &FLOAT_TYPE) {
        return float_to_int(vm, as_float(&x).unwrap_or(0.0).trunc());
    }
    match type_of(&x).lookup_str(vm, "__trunc__") {
        Some(m) => vm.call_unbound(&m, &x, &[]),
        None => {
            let msg = format!("type {} doesn't define __trunc__ method", type_of(&x).name_string());
            Err(vm.type_error(msg))
        }
    }
}

// ---- integer functions ----

fn index_big(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    let i = vm.index(v)?;
    Ok(as_int(&i).map(|iv| iv.to_bigint()).unwrap_or_default())
}

/// The product lo * (lo+1) * ... * hi by splitting (fast for big ranges).
fn range_product(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        let mut acc = BigInt::from(lo);
        for k in lo + 1..=hi {
            acc *= k;
        }
        return acc;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid + 1, hi)
}

fn m_factorial(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let x = one_arg(vm, "factorial", args, kw)?;
    let n = index_big(vm, &x)?;
    let Some(n) = n.to_i64() else {
        if n.is_negative() {
            return Err(vm.value_error("factorial() not defined for negative values"));
        }
        return Err(vm.new_error(
            ExcKind::OverflowError,
            format!("factorial() argument should not exceed {}", i64::MAX),
        ));
    };
    if n < 0 {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    if n > 50_000_000 {
        return Err(vm.new_error(ExcKind::MemoryError, ""));
    }
    Ok(int_from_big(range_product(1, n.max(1) as u64)))
}

fn m_gcd(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "gcd", kw)?;
    let mut acc = BigInt::zero();
    for a in args {
        let b = index_big(vm, a)?;
        acc = acc.gcd(&b);
    }
    Ok(int_from_big(acc))
}

fn m_lcm(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "lcm", kw)?;
    let mut acc = BigInt::one();
    for a in args {
        let b = index_big(vm, a)?;
        if acc.is_zero() {
            continue;
        }
        acc = if b.is_zero() { BigInt::zero() } else { acc.lcm(&b) };
    }
    Ok(int_from_big(acc.abs()))
}

fn m_isqrt(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let x = one_arg(vm, "isqrt", args, kw)?;
    let n = index_big(vm, &x)?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(int_from_big(n.sqrt()))
}

fn comb_perm_args(vm: &mut Vm, n: &Value, k: &Value) -> PyResult<(BigInt, BigInt)> {
    let n = index_big(vm, n)?;
    let k = index_big(vm, k)?;
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

/// n * (n-1) * ... * (n-k+1) for k small enough to count.
fn falling_product(n: &BigInt, k: u64) -> BigInt {
    fn go(n: &BigInt, lo: u64, hi: u64) -> BigInt {
        // Product of (n - j) for j in lo..hi.
        if hi - lo <= 8 {
            let mut acc = BigInt::one();
            for j in lo..hi {
                acc *= n - j;
            }
            return acc;
        }
        let mid = lo + (hi - lo) / 2;
        go(n, lo, mid) * go(n, mid, hi)
    }
    go(n, 0, k)
}

fn m_perm(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "perm", kw)?;
    ArgSpec::range(vm, "perm", args, 0, 1, 2)?;
    let k = match args.get(1) {
        None => return m_factorial(vm, &args[..1], None),
        Some(k) if k.is_none() => return m_factorial(vm, &args[..1], None),
        Some(k) => k.clone(),
    };
    let (n, k) = comb_perm_args(vm, &args[0], &k)?;
    if k > n {
        return Ok(Value::int(0));
    }
    let Some(kk) = k.to_i64() else {
        return Err(vm.new_error(ExcKind::OverflowError, format!("k must not exceed {}", i64::MAX)));
    };
    if kk > 50_000_000 {
        return Err(vm.new_error(ExcKind::MemoryError, ""));
    }
    Ok(int_from_big(falling_product(&n, kk as u64)))
}

fn m_comb(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let [n, k] = two_args(vm, "comb", args, kw)?;
    let (n, k) = comb_perm_args(vm, &n, &k)?;
    if k > n {
        return Ok(Value::int(0));
    }
    let other = &n - &k;
    let k = if other < k { other } else { k };
    let Some(kk) = k.to_i64() else {
        return Err(vm.new_error(
            ExcKind::OverflowError,
            format!("min(n - k, k) must not exceed {}", i64::MAX),
        ));
    };
    if kk > 50_000_000 {
        return Err(vm.new_error(ExcKind::MemoryError, ""));
    }
    let num = falling_product(&n, kk as u64);
    let den = range_product(1, (kk as u64).max(1));
    Ok(int_from_big(num / den))
}

// ---- sums, products, norms ----

fn m_fsum(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let seq = one_arg(vm, "fsum", args, kw)?;
    let it = vm.iter(&seq)?;
    let mut partials: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    while let Some(item) = vm.next(&it)? {
        let mut x = to_f64(vm, &item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // A nan or inf among the summands, or an intermediate overflow.
                if xsave.is_finite() {
                    return Err(vm.new_error(ExcKind::OverflowError, "intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(Value::float(special_sum));
    }
    let mut hi = 0.0;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Round half-even correctly when the rest of the partials push
        // the exact sum off the halfway point.
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::float(hi))
}

/// 2**e exactly, for e in the range of doubles (subnormals included).
fn pow2(e: i32) -> f64 {
    if e >= -1022 {
        f64::from_bits(((e + 1023).clamp(1, 2046) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (e + 1074).clamp(0, 51))
    }
}

/// CPython's vector_norm: sqrt of the sum of squares with extended precision.
fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134217729.0;
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = crate::hash::frexp(max);
    let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0f64, 0.0f64, 0.0f64, 0.0f64);
    if max_e >= -1023 {
        let scale = pow2(-max_e);
        for &v in vec {
            let x = v * scale;
            let t = x * T27;
            let hi = t - (t - x);
            let lo = x - hi;
            let x = hi * hi;
            let old = csum;
            csum += x;
            frac1 += (old - csum) + x;
            let x = 2.0 * hi * lo;
            let old = csum;
            csum += x;
            frac2 += (old - csum) + x;
            frac3 += lo * lo;
        }
        let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
        let x = h;
        let t = x * T27;
        let hi = t - (t - x);
        let lo = x - hi;
        let x = -hi * hi;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
        let x = -2.0 * hi * lo;
        let old = csum;
        csum += x;
        frac2 += (old - csum) + x;
        let x = -lo * lo;
        let old = csum;
        csum += x;
        frac3 += (old - csum) + x;
        let x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    for &v in vec {
        let x = v / max;
        let x = x * x;
        let old = csum;
        csum += x;
        frac1 += (old - csum) + x;
    }
    max * (csum - 1.0 + frac1).sqrt()
}

fn m_hypot(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "hypot", kw)?;
    let mut vec = Vec::with_capacity(args.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for a in args {
        let x = to_f64(vm, a)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        vec.push(x);
    }
    Ok(Value::float(vector_norm(&vec, max, found_nan)))
}

fn as_tuple_items(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    if let Some(t) = v.downcast_ref::<TupleObject>() {
        return Ok(t.items().to_vec());
    }
    let it = vm.iter(v)?;
    let mut out = Vec::new();
    while let Some(x) = vm.next(&it)? {
        out.push(x);
    }
    Ok(out)
}

fn m_dist(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let [p, q] = two_args(vm, "dist", args, kw)?;
    let p = as_tuple_items(vm, &p)?;
    let q = as_tuple_items(vm, &q)?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut vec = Vec::with_capacity(p.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for (a, b) in p.iter().zip(q.iter()) {
        let x = to_f64(vm, a)?;
        let y = to_f64(vm, b)?;
        let d = (x - y).abs();
        found_nan |= d.is_nan();
        if d > max {
            max = d;
        }
        vec.push(d);
    }
    Ok(Value::float(vector_norm(&vec, max, found_nan)))
}

fn m_prod(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    // prod(iterable, /, *, start=1)
    let (pos, kws) = split_kwargs(args, kw);
    if pos.len() != 1 {
        let msg = format!("prod() takes exactly 1 positional argument ({} given)", pos.len());
        return Err(vm.type_error(msg));
    }
    let mut start = None;
    for (k, v) in kws {
        let name = crate::objects::str::display_lossy(k);
        if name != "start" {
            return Err(vm.type_error(format!("'{name}' is an invalid keyword argument for prod()")));
        }
        start = Some(v.clone());
    }
    let mut acc = start.unwrap_or_else(|| Value::int(1));
    let it = vm.iter(&pos[0])?;
    while let Some(x) = vm.next(&it)? {
        acc = vm.binary_op(nb::MULTIPLY, &acc, &x)?;
    }
    Ok(acc)
}

// ---- logarithms ----

/// log of an int of any size (huge ones through their binary exponent),
/// or math_1 on anything else.
fn loghelper(vm: &mut Vm, arg: &Value, f: fn(f64) -> Result<f64, MathErr>) -> PyResult<f64> {
    if let Some(i) = as_int(arg) {
        if i.is_negative() || i.is_zero() {
            return Err(domain_error(vm));
        }
        return match i.to_f64() {
            Ok(x) => f(x).or_else(|_| Err(domain_error(vm))),
            Err(()) => {
                let b = i.to_bigint();
                let bits = b.bits();
                // x = m * 2**e with m in [0.5, 1): keep the top 64 bits for m.
                let shift = bits.saturating_sub(64);
                let top = (&b >> shift).to_f64().unwrap_or(0.0);
                let (m, e) = crate::hash::frexp(top);
                let e = e as f64 + shift as f64;
                let fm = f(m).or_else(|_| Err(domain_error(vm)))?;
                let f2 = f(2.0).or_else(|_| Err(domain_error(vm)))?;
                Ok(fm + f2 * e)
            }
        };
    }
    let x = to_f64(vm, arg)?;
    match f(x) {
        Ok(r) => {
            if r.is_nan() && !x.is_nan() {
                return Err(domain_error(vm));
            }
            if r.is_infinite() && x.is_finite() {
                return Err(domain_error(vm));
            }
            Ok(r)
        }
        Err(_) => Err(domain_error(vm)),
    }
}

fn ln_checked(x: f64) -> Result<f64, MathErr> {
    if x.is_finite() {
        if x > 0.0 {
            return Ok(x.ln());
        }
        return Err(MathErr::Domain);
    }
    if x.is_nan() || x > 0.0 {
        return Ok(x);
    }
    Err(MathErr::Domain)
}

fn log2_checked(x: f64) -> Result<f64, MathErr> {
    ln_checked(x).map(|_| x.log2())
}

fn log10_checked(x: f64) -> Result<f64, MathErr> {
    ln_checked(x).map(|_| x.log10())
}

fn m_log(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "log", kw)?;
    if args.is_empty() || args.len() > 2 {
        return Err(vm.type_error("math.log requires 1 to 2 arguments"));
    }
    let num = loghelper(vm, &args[0], ln_checked)?;
    let Some(base) = args.get(1) else {
        return Ok(Value::float(num));
    };
    let den = loghelper(vm, base, ln_checked)?;
    crate::objects::float::float_binop(vm, nb::TRUE_DIVIDE, num, den)
}

fn m_log2(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let x = one_arg(vm, "log2", args, kw)?;
    Ok(Value::float(loghelper(vm, &x, log2_checked)?))
}

fn m_log10(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let x = one_arg(vm, "log10", args, kw)?;
    Ok(Value::float(loghelper(vm, &x, log10_checked)?))
}

// ---- float decomposition ----

fn m_frexp(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let x = one_arg(vm, "frexp", args, kw)?;
    let x = to_f64(vm, &x)?;
    if x.is_nan() || x.is_infinite() || x == 0.0 {
        return Ok(new_tuple(vec![Value::float(x), Value::int(0)]));
    }
    let (m, e) = crate::hash::frexp(x);
    Ok(new_tuple(vec![Value::float(m), Value::int(e as i64)]))
}

fn m_ldexp(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let [xv, iv] = two_args(vm, "ldexp", args, kw)?;
    let x = to_f64(vm, &xv)?;
    let Some(i) = as_int(&iv) else {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    };
    // Exponents beyond any double's range saturate.
    let e = match i {
        IntView::Small(e) => e,
        IntView::Big(b) => {
            if b.is_negative() {
                i64::MIN
            } else {
                i64::MAX
            }
        }
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::float(x));
    }
    let e = e.clamp(-2200, 2200) as i32;
    // Scale in steps so that intermediate results neither overflow nor
    // round twice in the subnormal range.
    let r = if e >= 0 {
        let mut r = x;
        let mut left = e;
        while left > 0 {
            let step = left.min(1000);
            r *= 2f64.powi(step);
            left -= step;
        }
        r
    } else {
        let (m, fe) = crate::hash::frexp(x);
        let total = fe as i64 + e as i64;
        if total < -1074 - 1 {
            0.0f64.copysign(x)
        } else if total >= -1021 {
            m * 2f64.powi(total as i32)
        } else {
            // Subnormal result: one correctly rounded scaling.
            let exact = m * 2f64.powi(total as i32 + 1000);
            exact * 2f64.powi(-1000)
        }
    };
    if r.is_infinite() {
        return Err(range_error(vm));
    }
    Ok(Value::float(r))
}

fn m_modf(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let x = one_arg(vm, "modf", args, kw)?;
    let x = to_f64(vm, &x)?;
    if x.is_infinite() {
        return Ok(new_tuple(vec![Value::float(0.0f64.copysign(x)), Value::float(x)]));
    }
    if x.is_nan() {
        return Ok(new_tuple(vec![Value::float(x), Value::float(x)]));
    }
    let ip = x.trunc();
    Ok(new_tuple(vec![Value::float((x - ip).copysign(x)), Value::float(ip)]))
}

fn m_degrees(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let x = one_arg(vm, "degrees", args, kw)?;
    let x = to_f64(vm, &x)?;
    Ok(Value::float(x * (180.0 / std::f64::consts::PI)))
}

fn m_radians(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let x = one_arg(vm, "radians", args, kw)?;
    let x = to_f64(vm, &x)?;
    Ok(Value::float(x * (std::f64::consts::PI / 180.0)))
}

fn m_isfinite(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let x = one_arg(vm, "isfinite", args, kw)?;
    Ok(Value::bool(to_f64(vm, &x)?.is_finite()))
}

fn m_isinf(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let x = one_arg(vm, "isinf", args, kw)?;
    Ok(Value::bool(to_f64(vm, &x)?.is_infinite()))
}

fn m_isnan(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let x = one_arg(vm, "isnan", args, kw)?;
    Ok(Value::bool(to_f64(vm, &x)?.is_nan()))
}

fn m_isclose(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "isclose", args, kw, &["a", "b", "rel_tol", "abs_tol"], 2, 2)?;
    let x = to_f64(vm, a[0].as_ref().unwrap_or(&Value::int(0)))?;
    let y = to_f64(vm, a[1].as_ref().unwrap_or(&Value::int(0)))?;
    let rel_tol = match &a[2] {
        Some(v) => to_f64(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match &a[3] {
        Some(v) => to_f64(vm, v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::bool(false));
    }
    let diff = (y - x).abs();
    Ok(Value::bool(
        (diff <= (rel_tol * y).abs()) || (diff <= (rel_tol * x).abs()) || diff <= abs_tol,
    ))
}

fn m_nextafter(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let [a, b] = two_args(vm, "nextafter", args, kw)?;
    let x = to_f64(vm, &a)?;
    let y = to_f64(vm, &b)?;
    Ok(Value::float(unsafe { nextafter(x, y) }))
}

fn m_ulp(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let x = one_arg(vm, "ulp", args, kw)?;
    let x = to_f64(vm, &x)?;
    if x.is_nan() {
        return Ok(Value::float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(Value::float(x));
    }
    let x2 = unsafe { nextafter(x, f64::INFINITY) };
    if x2.is_infinite() {
        // x is the largest positive representable float.
        let below = unsafe { nextafter(x, -f64::INFINITY) };
        return Ok(Value::float(x - below));
    }
    Ok(Value::float(x2 - x))
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("math");
    m.doc("This module provides access to the mathematical functions\ndefined by the C standard.");
    m.functions(&[
        ("acos", m_acos),
        ("acosh", m_acosh),
        ("asin", m_asin),
        ("asinh", m_asinh),
        ("atan", m_atan),
        ("atan2", m_atan2),
        ("atanh", m_atanh),
        ("cbrt", m_cbrt),
        ("ceil", m_ceil),
        ("comb", m_comb),
        ("copysign", m_copysign),
        ("cos", m_cos),
        ("cosh", m_cosh),
        ("degrees", m_degrees),
        ("dist", m_dist),
        ("erf", m_erf),
        ("erfc", m_erfc),
        ("exp", m_exp),
        ("exp2", m_exp2),
        ("expm1", m_expm1),
        ("fabs", m_fabs),
        ("factorial", m_factorial),
        ("floor", m_floor),
        ("fmod", m_fmod),
        ("frexp", m_frexp),
        ("fsum", m_fsum),
        ("gamma", m_gamma),
        ("gcd", m_gcd),
        ("hypot", m_hypot),
        ("isclose", m_isclose),
        ("isfinite", m_isfinite),
        ("isinf", m_isinf),
        ("isnan", m_isnan),
        ("isqrt", m_isqrt),
        ("lcm", m_lcm),
        ("ldexp", m_ldexp),
        ("lgamma", m_lgamma),
        ("log", m_log),
        ("log10", m_log10),
        ("log1p", m_log1p),
        ("log2", m_log2),
        ("modf", m_modf),
        ("nextafter", m_nextafter),
        ("perm", m_perm),
        ("pow", m_pow),
        ("prod", m_prod),
        ("radians", m_radians),
        ("remainder", m_remainder),
        ("sin", m_sin),
        ("sinh", m_sinh),
        ("sqrt", m_sqrt),
        ("tan", m_tan),
        ("tanh", m_tanh),
        ("trunc", m_trunc),
        ("ulp", m_ulp),
    ]);
    m.value("pi", Value::float(std::f64::consts::PI));
    m.value("e", Value::float(std::f64::consts::E));
    m.value("tau", Value::float(std::f64::consts::TAU));
    m.value("inf", Value::float(f64::INFINITY));
    m.value("nan", Value::float(f64::NAN));
    Ok(m.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gamma_values() {
        assert_eq!(tgamma(5.0).ok(), Some(24.0));
        assert!(tgamma(0.0).is_err());
        assert!(tgamma(-2.0).is_err());
        assert_eq!(lgamma(1.0).ok(), Some(0.0));
        assert!((tgamma(0.5).ok().unwrap_or(0.0) - std::f64::consts::PI.sqrt()).abs() < 1e-15);
    }

    #[test]
    fn norms_and_remainders() {
        assert_eq!(vector_norm(&[3.0, 4.0], 4.0, false), 5.0);
        assert_eq!(remainder_f64(5.0, 2.0), 1.0);
        assert_eq!(remainder_f64(7.0, 2.0), -1.0);
        assert_eq!(range_product(1, 20).to_string(), "2432902008176640000");
    }
}
