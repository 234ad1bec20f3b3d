//! Slots and methods of `complex`.

use crate::args::{check_no_kwargs, ArgSpec};
use crate::exception::{ExcKind, PyResult};
use crate::objects::complex::{as_complex, complex_hash, new_complex, new_complex_typed, parse_complex, CErr, C64};
use crate::objects::float::{as_float, ascii_numeric_text, cmp_int_float, strip_number_underscores};
use crate::objects::int::as_int;
use crate::objects::singletons::not_implemented;
use crate::objects::str::StrObject;
use crate::objects::tuple::new_tuple;
use crate::typeinit::{add_getset, add_method};
use crate::typeobj::*;
use crate::value::Value;
use crate::vm::Vm;

fn parts(v: &Value) -> (f64, f64) {
    as_complex(v).unwrap_or((0.0, 0.0))
}

fn complex_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (re, im) = parts(v);
    Ok(crate::objects::str::new_str(&pyrite_repr::complex_repr(re, im)))
}

fn complex_hash_slot(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let (re, im) = parts(v);
    Ok(complex_hash(re, im, v.bits()))
}

/// A complex operand: complex, float, or int (OverflowError when too big).
fn operand(vm: &mut Vm, v: &Value) -> PyResult<Option<C64>> {
    if let Some((re, im)) = as_complex(v) {
        return Ok(Some(C64::new(re, im)));
    }
    Ok(crate::objects::float::float_operand(vm, v)?.map(|f| C64::new(f, 0.0)))
}

fn complex_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let Some((re, im)) = as_complex(a) else {
        return Ok(not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let equal = if let Some(i) = as_int(b) {
        im == 0.0 && cmp_int_float(i, re) == Some(std::cmp::Ordering::Equal)
    } else if let Some(f) = as_float(b) {
        re == f && im == 0.0
    } else if let Some((bre, bim)) = as_complex(b) {
        re == bre && im == bim
    } else {
        return Ok(not_implemented());
    };
    let _ = vm;
    Ok(Value::bool(equal == (op == CompareOp::Eq)))
}

fn complex_nb<const OP: usize>(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let Some(x) = operand(vm, a)? else {
        return Ok(not_implemented());
    };
    let Some(y) = operand(vm, b)? else {
        return Ok(not_implemented());
    };
    let r = match OP {
        nb::ADD => x.add(y),
        nb::SUBTRACT => x.sub(y),
        nb::MULTIPLY => x.mul(y),
        nb::TRUE_DIVIDE => match x.div(y) {
            Ok(r) => r,
            Err(_) => return Err(vm.new_error(ExcKind::ZeroDivisionError, "complex division by zero")),
        },
        nb::POWER => match x.pow(y) {
            Ok(r) => r,
            Err(CErr::Domain) => {
                return Err(vm.new_error(ExcKind::ZeroDivisionError, "0.0 to a negative or complex power"))
            }
            Err(CErr::Range) => return Err(vm.new_error(ExcKind::OverflowError, "complex exponentiation")),
        },
        _ => return Ok(not_implemented()),
    };
    Ok(new_complex(r.re, r.im))
}

fn complex_bool(_vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let (re, im) = parts(v);
    Ok(re != 0.0 || im != 0.0)
}

fn complex_neg(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (re, im) = parts(v);
    Ok(new_complex(-re, -im))
}

fn complex_pos(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if is_exact(v, &COMPLEX_TYPE) {
        return Ok(v.clone());
    }
    let (re, im) = parts(v);
    Ok(new_complex(re, im))
}

fn complex_abs(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (re, im) = parts(v);
    match C64::new(re, im).abs() {
        Ok(r) => Ok(Value::float(r)),
        Err(_) => Err(vm.new_error(ExcKind::OverflowError, "absolute value too large")),
    }
}

fn complex_real(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::float(parts(v).0))
}

fn complex_imag(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::float(parts(v).1))
}

fn complex_conjugate(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [v] = ArgSpec::exact::<1>(vm, "conjugate", args, 1)?;
    let (re, im) = parts(&v);
    Ok(new_complex(re, -im))
}

fn complex_complex(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [v] = ArgSpec::exact::<1>(vm, "__complex__", args, 1)?;
    complex_pos(vm, &v)
}

fn complex_getnewargs(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [v] = ArgSpec::exact::<1>(vm, "__getnewargs__", args, 1)?;
    let (re, im) = parts(&v);
    Ok(new_tuple(vec![Value::float(re), Value::float(im)]))
}

fn complex_format(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "__format__", kwnames)?;
    let [v, spec] = ArgSpec::exact::<2>(vm, "complex.__format__", args, 1)?;
    let Some(spec_s) = spec.downcast_ref::<StrObject>().map(|s| s.to_string_lossy()) else {
        let msg = format!("__format__() argument must be str, not {}", vm.type_name(&spec));
        return Err(vm.type_error(msg));
    };
    if spec_s.is_empty() {
        return vm.str(&v);
    }
    let tname = type_of(&v).name_string();
    let parsed = crate::format::parse_spec_for(vm, &spec_s, &tname)?;
    let (re, im) = parts(&v);
    let s = crate::format::format_complex_typed(vm, re, im, &parsed, &tname)?;
    Ok(vm.new_str(&s))
}

/// Whether CPython would see `v` as a number for complex(): it has
/// `__float__` or `__index__`, or is a complex.
fn is_number(v: &Value) -> bool {
    let s = type_of(v).slots();
    s.float.is_some() || s.index.is_some() || as_complex(v).is_some()
}

fn complex_from_string(vm: &mut Vm, ty: &TypeObject, v: &Value, s: &StrObject) -> PyResult<Value> {
    let text = ascii_numeric_text(s.code_points());
    // With underscores, an embedded NUL ends the text early (CPython's C string).
    let has_underscore = text.contains('_');
    let Some(clean) = strip_number_underscores(&text).filter(|_| !(has_underscore && text.contains('\0'))) else {
        let r = vm.repr_string(v)?;
        return Err(vm.value_error(format!("could not convert string to complex: {r}")));
    };
    match parse_complex(&clean) {
        Some((re, im)) => Ok(new_complex_typed(ty, re, im)),
        None => Err(vm.value_error("complex() arg is a malformed string")),
    }
}

/// `complex(real=0, imag=0)`.
fn complex_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let npos = crate::args::split_kwargs(args, kwnames).0.len();
    if npos > 2 {
        return Err(vm.type_error(format!("complex() takes at most 2 arguments ({npos} given)")));
    }
    let a = ArgSpec::parse(vm, "complex", args, kwnames, &["real", "imag"], 2, 0)?;
    let ty: &TypeObject = match cls.downcast_ref::<TypeObject>() {
        Some(t) => t,
        None => COMPLEX_TYPE.get(),
    };
    let exact_type = std::ptr::eq(ty, COMPLEX_TYPE.get());
    let r = a[0].clone().unwrap_or_else(|| Value::int(0));
    let i = a[1].clone();
    if i.is_none() && exact_type && is_exact(&r, &COMPLEX_TYPE) {
        return Ok(r);
    }
    if let Some(s) = r.downcast_ref::<StrObject>() {
        if i.is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        return complex_from_string(vm, ty, &r, s);
    }
    if let Some(iv) = &i {
        if iv.downcast_ref::<StrObject>().is_some() {
            return Err(vm.type_error("complex() second arg can't be a string"));
        }
    }
    // __complex__ first, then the number protocol.
    let mut r = r;
    if let Some(m) = type_of(&r).lookup_str(vm, "__complex__") {
        let res = vm.call_unbound(&m, &r, &[])?;
        if as_complex(&res).is_none() {
            let msg = format!("__complex__ returned non-complex (type {})", vm.type_name(&res));
            return Err(vm.type_error(msg));
        }
        r = res;
    }
    if !is_number(&r) {
        let msg = format!(
            "complex() first argument must be a string or a number, not '{}'",
            vm.type_name(&r)
        );
        return Err(vm.type_error(msg));
    }
    if let Some(iv) = &i {
        if !is_number(iv) {
            let msg = format!("complex() second argument must be a number, not '{}'", vm.type_name(iv));
            return Err(vm.type_error(msg));
        }
    }
    let (cr, cr_is_complex) = match as_complex(&r) {
        Some((re, im)) => (C64::new(re, im), true),
        None => (C64::new(crate::types::num::float_from_object(vm, &r)?, 0.0), false),
    };
    let (ci, ci_is_complex) = match &i {
        None => (C64::new(cr.im, 0.0), false),
        Some(iv) => match as_complex(iv) {
            Some((re, im)) => (C64::new(re, im), true),
            None => (C64::new(crate::types::num::float_from_object(vm, iv)?, 0.0), false),
        },
    };
    let mut real = cr.re;
    let mut imag = ci.re;
    if ci_is_complex {
        real -= ci.im;
    }
    if cr_is_complex && i.is_some() {
        imag += cr.im;
    }
    Ok(new_complex_typed(ty, real, imag))
}

pub(crate) fn init() {
    let s = COMPLEX_TYPE.get().slots_mut();
    s.repr = Some(complex_repr);
    s.hash = Some(complex_hash_slot);
    s.richcompare = Some(complex_richcompare);
    s.bool = Some(complex_bool);
    s.neg = Some(complex_neg);
    s.pos = Some(complex_pos);
    s.abs = Some(complex_abs);
    s.new = Some(complex_new);
    s.nb[nb::ADD] = Some(complex_nb::<{ nb::ADD }>);
    s.nb[nb::SUBTRACT] = Some(complex_nb::<{ nb::SUBTRACT }>);
    s.nb[nb::MULTIPLY] = Some(complex_nb::<{ nb::MULTIPLY }>);
    s.nb[nb::TRUE_DIVIDE] = Some(complex_nb::<{ nb::TRUE_DIVIDE }>);
    s.nb[nb::POWER] = Some(complex_nb::<{ nb::POWER }>);
    add_method(&COMPLEX_TYPE, "conjugate", complex_conjugate);
    add_method(&COMPLEX_TYPE, "__complex__", complex_complex);
    add_method(&COMPLEX_TYPE, "__getnewargs__", complex_getnewargs);
    add_method(&COMPLEX_TYPE, "__format__", complex_format);
    add_getset(&COMPLEX_TYPE, "real", complex_real, None);
    add_getset(&COMPLEX_TYPE, "imag", complex_imag, None);
}
