//! `cmath`: CPython's `Modules/cmathmodule.c` in Rust: the same formulas
//! for finite arguments, the same C99 Annex G special-value tables for
//! infinities and NaNs, the same "math domain error"/"math range error".

use crate::args::check_no_kwargs;
use crate::exception::{ExcKind, PyResult};
use crate::modules::math::{domain_error, range_error, to_f64};
use crate::modules::ModuleBuilder;
use crate::objects::complex::{as_complex, new_complex, C64};
use crate::objects::tuple::new_tuple;
use crate::typeobj::{type_of, KwNames};
use crate::value::Value;
use crate::vm::Vm;
use std::f64::consts::{LN_2, PI};

extern "C" {
    fn asinh(x: f64) -> f64;
    fn log1p(x: f64) -> f64;
}

const P14: f64 = 0.25 * PI;
const P12: f64 = 0.5 * PI;
const P34: f64 = 0.75 * PI;
const INF: f64 = f64::INFINITY;
const N: f64 = f64::NAN;
/// CPython's placeholder for table entries finite arguments never reach.
const U: f64 = -9.5426319407711027e33;
const LN10: f64 = std::f64::consts::LN_10;
const LARGE_DOUBLE: f64 = f64::MAX / 4.0;
const DBL_MIN: f64 = f64::MIN_POSITIVE;
const SCALE_UP: i32 = 2 * (53 / 2) + 1;
const SCALE_DOWN: i32 = -(SCALE_UP + 1) / 2;

fn sqrt_large_double() -> f64 {
    LARGE_DOUBLE.sqrt()
}

fn log_large_double() -> f64 {
    LARGE_DOUBLE.ln()
}

fn sqrt_dbl_min() -> f64 {
    DBL_MIN.sqrt()
}

include!("cmath_tables.rs");

/// Errors a function reports (CPython's errno).
#[derive(Clone, Copy, PartialEq)]
enum Errno {
    Ok,
    Dom,
    Range,
}

type Res = (C64, Errno);

fn special_type(d: f64) -> usize {
    if d.is_finite() {
        if d != 0.0 {
            if d.is_sign_positive() {
                4
            } else {
                1
            }
        } else if d.is_sign_positive() {
            3
        } else {
            2
        }
    } else if d.is_nan() {
        6
    } else if d.is_sign_positive() {
        5
    } else {
        0
    }
}

fn special(z: C64, table: &[[(f64, f64); 7]; 7]) -> Option<Res> {
    if z.re.is_finite() && z.im.is_finite() {
        return None;
    }
    let (re, im) = table[special_type(z.re)][special_type(z.im)];
    Some((C64::new(re, im), Errno::Ok))
}

fn ldexp(x: f64, e: i32) -> f64 {
    x * 2f64.powi(e)
}

fn c_sqrt(z: C64) -> Res {
    if let Some(r) = special(z, &SQRT_SV) {
        return r;
    }
    if z.re == 0.0 && z.im == 0.0 {
        return (C64::new(0.0, z.im), Errno::Ok);
    }
    let (mut ax, ay) = (z.re.abs(), z.im.abs());
    let s = if ax < DBL_MIN && ay < DBL_MIN && (ax > 0.0 || ay > 0.0) {
        ax = ldexp(ax, SCALE_UP);
        ldexp((ax + ax.hypot(ldexp(ay, SCALE_UP))).sqrt(), SCALE_DOWN)
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    let r = if z.re >= 0.0 {
        C64::new(s, d.copysign(z.im))
    } else {
        C64::new(d, s.copysign(z.im))
    };
    (r, Errno::Ok)
}

fn c_acos(z: C64) -> Res {
    if let Some(r) = special(z, &ACOS_SV) {
        return r;
    }
    let r = if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        let re = z.im.abs().atan2(z.re);
        let l = (z.re / 2.0).hypot(z.im / 2.0).ln() + LN_2 * 2.0;
        let im = if z.re < 0.0 { -l.copysign(z.im) } else { l.copysign(-z.im) };
        C64::new(re, im)
    } else {
        let s1 = c_sqrt(C64::new(1.0 - z.re, -z.im)).0;
        let s2 = c_sqrt(C64::new(1.0 + z.re, z.im)).0;
        C64::new(2.0 * s1.re.atan2(s2.re), unsafe { asinh(s2.re * s1.im - s2.im * s1.re) })
    };
    (r, Errno::Ok)
}

fn c_acosh(z: C64) -> Res {
    if let Some(r) = special(z, &ACOSH_SV) {
        return r;
    }
    let r = if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        C64::new((z.re / 2.0).hypot(z.im / 2.0).ln() + LN_2 * 2.0, z.im.atan2(z.re))
    } else {
        let s1 = c_sqrt(C64::new(z.re - 1.0, z.im)).0;
        let s2 = c_sqrt(C64::new(z.re + 1.0, z.im)).0;
        C64::new(unsafe { asinh(s1.re * s2.re + s1.im * s2.im) }, 2.0 * s1.im.atan2(s2.re))
    };
    (r, Errno::Ok)
}

fn c_asinh(z: C64) -> Res {
    if let Some(r) = special(z, &ASINH_SV) {
        return r;
    }
    let r = if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        let l = (z.re / 2.0).hypot(z.im / 2.0).ln() + LN_2 * 2.0;
        let re = if z.im >= 0.0 { l.copysign(z.re) } else { -l.copysign(-z.re) };
        C64::new(re, z.im.atan2(z.re.abs()))
    } else {
        let s1 = c_sqrt(C64::new(1.0 + z.im, -z.re)).0;
        let s2 = c_sqrt(C64::new(1.0 - z.im, z.re)).0;
        C64::new(
            unsafe { asinh(s1.re * s2.im - s2.re * s1.im) },
            z.im.atan2(s1.re * s2.re - s1.im * s2.im),
        )
    };
    (r, Errno::Ok)
}

fn c_asin(z: C64) -> Res {
    let (s, e) = c_asinh(C64::new(-z.im, z.re));
    (C64::new(s.im, -s.re), e)
}

fn c_atanh(z: C64) -> Res {
    if let Some(r) = special(z, &ATANH_SV) {
        return r;
    }
    if z.re < 0.0 {
        let (r, e) = c_atanh(C64::new(-z.re, -z.im));
        return (C64::new(-r.re, -r.im), e);
    }
    let ay = z.im.abs();
    if z.re > sqrt_large_double() || ay > sqrt_large_double() {
        let h = (z.re / 2.0).hypot(z.im / 2.0);
        return (C64::new(z.re / 4.0 / h / h, -(PI / 2.0).copysign(-z.im)), Errno::Ok);
    }
    if z.re == 1.0 && ay < sqrt_dbl_min() {
        if ay == 0.0 {
            return (C64::new(INF, z.im), Errno::Dom);
        }
        let re = -(ay.sqrt() / ay.hypot(2.0).sqrt()).ln();
        return (C64::new(re, (2.0f64.atan2(-ay) / 2.0).copysign(z.im)), Errno::Ok);
    }
    let l = unsafe { log1p(4.0 * z.re / ((1.0 - z.re) * (1.0 - z.re) + ay * ay)) };
    let re = l / 4.0;
    let im = -(-2.0 * z.im).atan2((1.0 - z.re) * (1.0 + z.re) - ay * ay) / 2.0;
    (C64::new(re, im), Errno::Ok)
}

fn c_atan(z: C64) -> Res {
    let (s, e) = c_atanh(C64::new(-z.im, z.re));
    (C64::new(s.im, -s.re), e)
}

/// cosh, sinh and exp share their handling of infinite real parts.
fn c_cosh(z: C64) -> Res {
    if !z.re.is_finite() || !z.im.is_finite() {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            if z.re > 0.0 {
                C64::new(INF.copysign(z.im.cos()), INF.copysign(z.im.sin()))
            } else {
                C64::new(INF.copysign(z.im.cos()), -INF.copysign(z.im.sin()))
            }
        } else {
            let (a, b) = COSH_SV[special_type(z.re)][special_type(z.im)];
            C64::new(a, b)
        };
        let e = if z.im.is_infinite() && !z.re.is_nan() { Errno::Dom } else { Errno::Ok };
        return (r, e);
    }
    let r = if z.re.abs() > log_large_double() {
        let x1 = z.re - 1.0f64.copysign(z.re);
        C64::new(
            z.im.cos() * x1.cosh() * std::f64::consts::E,
            z.im.sin() * x1.sinh() * std::f64::consts::E,
        )
    } else {
        C64::new(z.im.cos() * z.re.cosh(), z.im.sin() * z.re.sinh())
    };
    let e = if r.re.is_infinite() || r.im.is_infinite() { Errno::Range } else { Errno::Ok };
    (r, e)
}

fn c_sinh(z: C64) -> Res {
    if !z.re.is_finite() || !z.im.is_finite() {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            if z.re > 0.0 {
                C64::new(INF.copysign(z.im.cos()), INF.copysign(z.im.sin()))
            } else {
                C64::new(-INF.copysign(z.im.cos()), INF.copysign(z.im.sin()))
            }
        } else {
            let (a, b) = SINH_SV[special_type(z.re)][special_type(z.im)];
            C64::new(a, b)
        };
        let e = if z.im.is_infinite() && !z.re.is_nan() { Errno::Dom } else { Errno::Ok };
        return (r, e);
    }
    let r = if z.re.abs() > log_large_double() {
        let x1 = z.re - 1.0f64.copysign(z.re);
        C64::new(
            z.im.cos() * x1.sinh() * std::f64::consts::E,
            z.im.sin() * x1.cosh() * std::f64::consts::E,
        )
    } else {
        C64::new(z.im.cos() * z.re.sinh(), z.im.sin() * z.re.cosh())
    };
    let e = if r.re.is_infinite() || r.im.is_infinite() { Errno::Range } else { Errno::Ok };
    (r, e)
}

fn c_exp(z: C64) -> Res {
    if !z.re.is_finite() || !z.im.is_finite() {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            if z.re > 0.0 {
                C64::new(INF.copysign(z.im.cos()), INF.copysign(z.im.sin()))
            } else {
                C64::new(0.0f64.copysign(z.im.cos()), 0.0f64.copysign(z.im.sin()))
            }
        } else {
            let (a, b) = EXP_SV[special_type(z.re)][special_type(z.im)];
            C64::new(a, b)
        };
        let e = if z.im.is_infinite() && (z.re.is_finite() || (z.re.is_infinite() && z.re > 0.0)) {
            Errno::Dom
        } else {
            Errno::Ok
        };
        return (r, e);
    }
    let r = if z.re > log_large_double() {
        let l = (z.re - 1.0).exp();
        C64::new(l * z.im.cos() * std::f64::consts::E, l * z.im.sin() * std::f64::consts::E)
    } else {
        let l = z.re.exp();
        C64::new(l * z.im.cos(), l * z.im.sin())
    };
    let e = if r.re.is_infinite() || r.im.is_infinite() { Errno::Range } else { Errno::Ok };
    (r, e)
}

fn c_tanh(z: C64) -> Res {
    if !z.re.is_finite() || !z.im.is_finite() {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let im = 0.0f64.copysign(2.0 * z.im.sin() * z.im.cos());
            C64::new(if z.re > 0.0 { 1.0 } else { -1.0 }, im)
        } else {
            let (a, b) = TANH_SV[special_type(z.re)][special_type(z.im)];
            C64::new(a, b)
        };
        let e = if z.im.is_infinite() && z.re.is_finite() { Errno::Dom } else { Errno::Ok };
        return (r, e);
    }
    let r = if z.re.abs() > log_large_double() {
        C64::new(
            1.0f64.copysign(z.re),
            4.0 * z.im.sin() * z.im.cos() * (-2.0 * z.re.abs()).exp(),
        )
    } else {
        let tx = z.re.tanh();
        let ty = z.im.tan();
        let cx = 1.0 / z.re.cosh();
        let txty = tx * ty;
        let denom = 1.0 + txty * txty;
        C64::new(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
    };
    (r, Errno::Ok)
}

fn c_cos(z: C64) -> Res {
    c_cosh(C64::new(-z.im, z.re))
}

fn c_sin(z: C64) -> Res {
    let (s, e) = c_sinh(C64::new(-z.im, z.re));
    (C64::new(s.im, -s.re), e)
}

fn c_tan(z: C64) -> Res {
    let (s, e) = c_tanh(C64::new(-z.im, z.re));
    (C64::new(s.im, -s.re), e)
}

fn c_log(z: C64) -> Res {
    if let Some(r) = special(z, &LOG_SV) {
        return r;
    }
    let (ax, ay) = (z.re.abs(), z.im.abs());
    let re = if ax > LARGE_DOUBLE || ay > LARGE_DOUBLE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN_2
    } else if ax < DBL_MIN && ay < DBL_MIN {
        if ax > 0.0 || ay > 0.0 {
            ldexp(ax, 53).hypot(ldexp(ay, 53)).ln() - 53.0 * LN_2
        } else {
            return (C64::new(-INF, z.im.atan2(z.re)), Errno::Dom);
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let am = if ax > ay { ax } else { ay };
            let an = if ax > ay { ay } else { ax };
            let l = unsafe { log1p((am - 1.0) * (am + 1.0) + an * an) };
            l / 2.0
        } else {
            h.ln()
        }
    };
    (C64::new(re, z.im.atan2(z.re)), Errno::Ok)
}

fn c_log10(z: C64) -> Res {
    let (r, e) = c_log(z);
    (C64::new(r.re / LN10, r.im / LN10), e)
}

/// `PyComplex_AsCComplex`: complex, `__complex__`, then a real number.
fn to_c64(vm: &mut Vm, v: &Value) -> PyResult<C64> {
    if let Some((re, im)) = as_complex(v) {
        return Ok(C64::new(re, im));
    }
    if let Some(m) = type_of(v).lookup_str(vm, "__complex__") {
        let r = vm.call_unbound(&m, v, &[])?;
        return match as_complex(&r) {
            Some((re, im)) => Ok(C64::new(re, im)),
            None => {
                let msg = format!("__complex__ returned non-complex (type {})", vm.type_name(&r));
                Err(vm.type_error(msg))
            }
        };
    }
    Ok(C64::new(to_f64(vm, v)?, 0.0))
}

fn one_arg(vm: &mut Vm, name: &str, args: &[Value], kw: KwNames) -> PyResult<C64> {
    check_no_kwargs(vm, name, kw)?;
    if args.len() != 1 {
        let msg = format!("cmath.{name}() takes exactly one argument ({} given)", args.len());
        return Err(vm.type_error(msg));
    }
    to_c64(vm, &args[0])
}

fn finish(vm: &mut Vm, r: Res) -> PyResult<Value> {
    match r.1 {
        Errno::Ok => Ok(new_complex(r.0.re, r.0.im)),
        Errno::Dom => Err(domain_error(vm)),
        Errno::Range => Err(range_error(vm)),
    }
}

macro_rules! cfunc {
    ($name:ident, $pyname:expr, $f:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
            let z = one_arg(vm, $pyname, args, kw)?;
            let r = $f(z);
            finish(vm, r)
        }
    };
}

cfunc!(m_acos, "acos", c_acos);
cfunc!(m_acosh, "acosh", c_acosh);
cfunc!(m_asin, "asin", c_asin);
cfunc!(m_asinh, "asinh", c_asinh);
cfunc!(m_atan, "atan", c_atan);
cfunc!(m_atanh, "atanh", c_atanh);
cfunc!(m_cos, "cos", c_cos);
cfunc!(m_cosh, "cosh", c_cosh);
cfunc!(m_exp, "exp", c_exp);
cfunc!(m_log10, "log10", c_log10);
cfunc!(m_sin, "sin", c_sin);
cfunc!(m_sinh, "sinh", c_sinh);
cfunc!(m_sqrt, "sqrt", c_sqrt);
cfunc!(m_tan, "tan", c_tan);
cfunc!(m_tanh, "tanh", c_tanh);

fn m_log(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "log", kw)?;
    if args.is_empty() || args.len() > 2 {
        let msg = if args.is_empty() {
            "log expected at least 1 argument, got 0".to_string()
        } else {
            format!("log expected at most 2 arguments, got {}", args.len())
        };
        return Err(vm.type_error(msg));
    }
    let x = to_c64(vm, &args[0])?;
    let (mut r, mut e) = c_log(x);
    if let Some(b) = args.get(1) {
        let y = to_c64(vm, b)?;
        // As in CPython, the base's log decides errno (the first is overwritten).
        let (ly, e2) = c_log(y);
        e = e2;
        match r.div(ly) {
            Ok(q) => r = q,
            Err(_) => e = Errno::Dom,
        }
    }
    finish(vm, (r, e))
}

/// atan2 with C99's signed-zero and infinity rules, on a complex.
fn c_atan2(z: C64) -> f64 {
    if z.re.is_nan() || z.im.is_nan() {
        return f64::NAN;
    }
    if z.im.is_infinite() {
        if z.re.is_infinite() {
            return if z.re.is_sign_positive() { P14.copysign(z.im) } else { P34.copysign(z.im) };
        }
        return P12.copysign(z.im);
    }
    if z.re.is_infinite() || z.im == 0.0 {
        return if z.re.is_sign_positive() { 0.0f64.copysign(z.im) } else { PI.copysign(z.im) };
    }
    z.im.atan2(z.re)
}

fn m_phase(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let z = one_arg(vm, "phase", args, kw)?;
    Ok(Value::float(c_atan2(z)))
}

fn m_polar(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let z = one_arg(vm, "polar", args, kw)?;
    let r = match z.abs() {
        Ok(r) => r,
        Err(_) => return Err(range_error(vm)),
    };
    Ok(new_tuple(vec![Value::float(r), Value::float(c_atan2(z))]))
}

fn m_rect(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "rect", kw)?;
    if args.len() != 2 {
        let msg = format!("rect expected 2 arguments, got {}", args.len());
        return Err(vm.type_error(msg));
    }
    let r = to_f64(vm, &args[0])?;
    let phi = to_f64(vm, &args[1])?;
    let (z, e) = if !r.is_finite() || !phi.is_finite() {
        let z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            if r > 0.0 {
                C64::new(INF.copysign(phi.cos()), INF.copysign(phi.sin()))
            } else {
                C64::new(-INF.copysign(phi.cos()), -INF.copysign(phi.sin()))
            }
        } else {
            let (a, b) = RECT_SV[special_type(r)][special_type(phi)];
            C64::new(a, b)
        };
        let e = if r != 0.0 && !r.is_nan() && phi.is_infinite() { Errno::Dom } else { Errno::Ok };
        (z, e)
    } else if phi == 0.0 {
        (C64::new(r, r * phi), Errno::Ok)
    } else {
        (C64::new(r * phi.cos(), r * phi.sin()), Errno::Ok)
    };
    finish(vm, (z, e))
}

fn m_isfinite(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let z = one_arg(vm, "isfinite", args, kw)?;
    Ok(Value::bool(z.re.is_finite() && z.im.is_finite()))
}

fn m_isnan(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let z = one_arg(vm, "isnan", args, kw)?;
    Ok(Value::bool(z.re.is_nan() || z.im.is_nan()))
}

fn m_isinf(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let z = one_arg(vm, "isinf", args, kw)?;
    Ok(Value::bool(z.re.is_infinite() || z.im.is_infinite()))
}

fn m_isclose(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = crate::args::ArgSpec::parse(vm, "isclose", args, kw, &["a", "b", "rel_tol", "abs_tol"], 2, 2)?;
    let x = to_c64(vm, a[0].as_ref().unwrap_or(&Value::int(0)))?;
    let y = to_c64(vm, a[1].as_ref().unwrap_or(&Value::int(0)))?;
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
    if x.re == y.re && x.im == y.im {
        return Ok(Value::bool(true));
    }
    if x.re.is_infinite() || x.im.is_infinite() || y.re.is_infinite() || y.im.is_infinite() {
        return Ok(Value::bool(false));
    }
    let diff = x.sub(y).abs().unwrap_or(f64::INFINITY);
    let ax = x.abs().unwrap_or(f64::INFINITY);
    let ay = y.abs().unwrap_or(f64::INFINITY);
    Ok(Value::bool(
        (diff <= rel_tol * ay) || (diff <= rel_tol * ax) || diff <= abs_tol,
    ))
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("cmath");
    m.doc("This module provides access to mathematical functions for complex\nnumbers.");
    m.functions(&[
        ("acos", m_acos),
        ("acosh", m_acosh),
        ("asin", m_asin),
        ("asinh", m_asinh),
        ("atan", m_atan),
        ("atanh", m_atanh),
        ("cos", m_cos),
        ("cosh", m_cosh),
        ("exp", m_exp),
        ("isclose", m_isclose),
        ("isfinite", m_isfinite),
        ("isinf", m_isinf),
        ("isnan", m_isnan),
        ("log", m_log),
        ("log10", m_log10),
        ("phase", m_phase),
        ("polar", m_polar),
        ("rect", m_rect),
        ("sin", m_sin),
        ("sinh", m_sinh),
        ("sqrt", m_sqrt),
        ("tan", m_tan),
        ("tanh", m_tanh),
    ]);
    m.value("pi", Value::float(PI));
    m.value("e", Value::float(std::f64::consts::E));
    m.value("tau", Value::float(std::f64::consts::TAU));
    m.value("inf", Value::float(INF));
    m.value("infj", new_complex(0.0, INF));
    m.value("nan", Value::float(N));
    m.value("nanj", new_complex(0.0, N));
    let _ = (U, ExcKind::ValueError);
    Ok(m.finish())
}
