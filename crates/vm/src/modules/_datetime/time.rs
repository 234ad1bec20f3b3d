//! `datetime.time`: a time of day with an optional tzinfo.

use super::delta::{cmp_result, delta_hash_of, Delta};
use super::format as fmt;
use super::tz::{call_dst, call_tzname, call_utcoffset, check_tzinfo, tzinfo_type, utcoffset_delta};
use super::{c_int, check_time, cls_type, opt_int, parse_args, parse_args_ints, Moment, US_PER_SECOND};
use crate::args::ArgSpec;
use crate::exception::PyResult;
use crate::modules::{init_native_type, NativeType};
use crate::object::LayoutKind;
use crate::objects::native::new_native;
use crate::objects::singletons::{none, not_implemented};
use crate::objects::str::{as_str_obj, new_str};
use crate::objects::tuple::{new_tuple, TupleObject};
use crate::typeinit::{add_getset_to, add_method_to, set_attr};
use crate::typeobj::{type_flags, type_of, CompareOp, KwNames, TypeObject, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::Vm;

static TIME: NativeType = NativeType::new();

pub(super) fn time_type() -> &'static TypeObject {
    TIME.get_or_init(|st| {
        let t = init_native_type(st, "datetime", "time", LayoutKind::Native, &OBJECT_TYPE, type_flags::BASETYPE, |s| {
            s.new = Some(time_new);
            s.repr = Some(time_repr);
            s.str = Some(time_str);
            s.hash = Some(time_hash);
            s.richcompare = Some(time_richcompare);
        });
        add_getset_to(t, "hour", |vm, v| Ok(Value::int(m(vm, v)?.hour as i64)), None);
        add_getset_to(t, "minute", |vm, v| Ok(Value::int(m(vm, v)?.minute as i64)), None);
        add_getset_to(t, "second", |vm, v| Ok(Value::int(m(vm, v)?.second as i64)), None);
        add_getset_to(t, "microsecond", |vm, v| Ok(Value::int(m(vm, v)?.us as i64)), None);
        add_getset_to(t, "fold", |vm, v| Ok(Value::int(m(vm, v)?.fold as i64)), None);
        add_getset_to(t, "tzinfo", |vm, v| Ok(m(vm, v)?.tz()), None);
        crate::typeinit::add_classmethod(TIME.storage(), "fromisoformat", time_fromisoformat);
        add_method_to(t, "isoformat", time_isoformat);
        add_method_to(t, "strftime", time_strftime);
        add_method_to(t, "__format__", time_format);
        add_method_to(t, "utcoffset", |vm, a, kw| {
            super::noargs(vm, "time.utcoffset", a, kw)?;
            let (_, mo) = me(vm, a)?;
            Ok(call_utcoffset(vm, &mo.tz(), &none())?.unwrap_or_else(none))
        });
        add_method_to(t, "dst", |vm, a, kw| {
            super::noargs(vm, "time.dst", a, kw)?;
            let (_, mo) = me(vm, a)?;
            Ok(call_dst(vm, &mo.tz(), &none())?.unwrap_or_else(none))
        });
        add_method_to(t, "tzname", |vm, a, kw| {
            super::noargs(vm, "time.tzname", a, kw)?;
            let (_, mo) = me(vm, a)?;
            Ok(call_tzname(vm, &mo.tz(), &none())?.unwrap_or_else(none))
        });
        add_method_to(t, "replace", time_replace);
        add_method_to(t, "__reduce_ex__", time_reduce_ex);
        add_method_to(t, "__reduce__", time_reduce);
    })
}

pub(super) fn add_class_constants(_vm: &mut Vm) -> PyResult<()> {
    let t = time_type();
    set_attr(t, "min", new_time(0, 0, 0, 0, none(), 0));
    set_attr(t, "max", new_time(23, 59, 59, 999_999, none(), 0));
    set_attr(t, "resolution", super::delta::new_delta(Delta { days: 0, secs: 0, us: 1 }));
    Ok(())
}

pub(super) fn new_time(h: i32, mi: i32, s: i32, us: i32, tz: Value, fold: i32) -> Value {
    new_native(time_type(), Moment::time(h, mi, s, us, tz, fold))
}

fn m<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Moment> {
    match v.native_ref::<Moment>() {
        Some(x) => Ok(x),
        None => {
            let msg = format!("descriptor requires a 'datetime.time' object but received a '{}'", vm.type_name(v));
            Err(vm.type_error(msg))
        }
    }
}

fn me<'a>(vm: &mut Vm, args: &'a [Value]) -> PyResult<(&'a Value, &'a Moment)> {
    let Some(v) = args.first() else {
        return Err(vm.type_error("descriptor of 'datetime.time' object needs an argument"));
    };
    Ok((v, m(vm, v)?))
}

fn is_time(v: &Value) -> bool {
    type_of(v).is_subtype(time_type())
}

fn alloc_time(vm: &mut Vm, ty: &TypeObject, f: [i32; 4], tz: Value, fold: i32) -> PyResult<Value> {
    check_time(vm, f[0], f[1], f[2], f[3], fold)?;
    check_tzinfo(vm, &tz)?;
    Ok(new_native(ty, Moment::time(f[0], f[1], f[2], f[3], tz, fold)))
}

fn time_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let ty = match cls_type(cls) {
        Some(t) if t.is_subtype(time_type()) => t,
        _ => time_type(),
    };
    let nkw = kwnames.and_then(|k| k.downcast_ref::<TupleObject>()).map_or(0, |t| t.len());
    let npos = args.len() - nkw;
    if (1..=2).contains(&args.len()) && nkw == 0 {
        if let Some(b) = super::date::state_bytes(&args[0]) {
            if b.len() == 6 && (b[0] & 0x7F) < 24 {
                let tz = args.get(1).cloned().unwrap_or_else(none);
                if !tz.is_none() && !type_of(&tz).is_subtype(tzinfo_type()) {
                    return Err(vm.type_error("bad tzinfo state arg"));
                }
                let us = (b[3] as i32) << 16 | (b[4] as i32) << 8 | b[5] as i32;
                let fold = i32::from(b[0] & 0x80 != 0);
                return Ok(new_native(ty, Moment::time((b[0] & 0x7F) as i32, b[1] as i32, b[2] as i32, us, tz, fold)));
            }
        }
    }
    if npos > 5 {
        return Err(vm.type_error(format!("function takes at most 5 positional arguments ({npos} given)")));
    }
    let names = ["hour", "minute", "second", "microsecond", "tzinfo", "fold"];
    let a = parse_args_ints(vm, None, args, kwnames, &names, 0, 4)?;
    let mut f = [0i32; 4];
    for i in 0..4 {
        f[i] = opt_int(vm, &a[i], 0)?;
    }
    let tz = a[4].clone().unwrap_or_else(none);
    let fold = opt_int(vm, &a[5], 0)?;
    alloc_time(vm, ty, f, tz, fold)
}

fn time_fromisoformat(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "fromisoformat", kw)?;
    let [cls, s] = ArgSpec::exact::<2>(vm, "fromisoformat", args, 1)?;
    let Some(so) = as_str_obj(&s) else {
        return Err(vm.type_error("fromisoformat: argument must be str"));
    };
    let invalid = |vm: &mut Vm| match vm.repr_string(&s) {
        Ok(r) => vm.value_error(format!("Invalid isoformat string: {r}")),
        Err(e) => e,
    };
    if so.code_points().any(|c| (0xD800..0xE000).contains(&c)) {
        return Err(invalid(vm));
    }
    let mut b = Vec::with_capacity(so.len());
    for cp in so.code_points() {
        crate::objects::str::push_generalized_utf8(&mut b, cp);
    }
    let body = if b.first() == Some(&b'T') { &b[1..] } else { &b[..] };
    let Ok(t) = fmt::parse_iso_time(body) else {
        return Err(invalid(vm));
    };
    let tz = super::date::iso_offset_tz(vm, t.offset)?;
    let f = t.fields;
    if cls.is(&time_type().as_value()) {
        return alloc_time(vm, time_type(), f, tz, 0);
    }
    let args: Vec<Value> = f.iter().map(|&i| Value::int(i as i64)).chain(std::iter::once(tz)).collect();
    vm.call(&cls, &args, None)
}

fn time_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let mo = m(vm, v)?;
    let name = vm.type_name(v);
    let mut s = if mo.us != 0 {
        format!("{name}({}, {}, {}, {}", mo.hour, mo.minute, mo.second, mo.us)
    } else if mo.second != 0 {
        format!("{name}({}, {}, {}", mo.hour, mo.minute, mo.second)
    } else {
        format!("{name}({}, {}", mo.hour, mo.minute)
    };
    let tz = mo.tz();
    if !tz.is_none() {
        s.push_str(", tzinfo=");
        s.push_str(&vm.repr_string(&tz)?);
    }
    if mo.fold != 0 {
        s.push_str(", fold=1");
    }
    s.push(')');
    Ok(new_str(&s))
}

fn time_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    vm.call_method(v, "isoformat", &[])
}

fn time_isoformat(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (_, mo) = me(vm, args)?;
    let a = parse_args(vm, Some("isoformat"), &args[1..], kw, &["timespec"], 0)?;
    let spec = match &a[0] {
        None => fmt::Timespec::Auto,
        Some(v) => {
            if as_str_obj(v).is_none() {
                let msg = format!("isoformat() argument 1 must be str, not {}", vm.type_name(v));
                return Err(vm.type_error(msg));
            }
            fmt::parse_timespec(vm, Some(v))?
        }
    };
    let mut s = fmt::iso_time(mo, spec);
    s.push_str(&fmt::format_utcoffset(vm, &mo.tz(), &none(), ":")?);
    Ok(new_str(&s))
}

fn time_strftime(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (_, mo) = me(vm, args)?;
    let a = parse_args(vm, Some("strftime"), &args[1..], kw, &["format"], 1)?;
    let format = a[0].clone().unwrap_or_else(none);
    if as_str_obj(&format).is_none() {
        let msg = format!("strftime() argument 1 must be str, not {}", vm.type_name(&format));
        return Err(vm.type_error(msg));
    }
    let items = [1900, 1, 1, mo.hour as i64, mo.minute as i64, mo.second as i64, 0, 1, -1];
    let tt = new_tuple(items.iter().map(|&i| Value::int(i)).collect());
    fmt::wrap_strftime(vm, &mo.tz(), mo.us, &format, tt, &none())
}

fn time_format(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [me_v, spec] = ArgSpec::exact::<2>(vm, "__format__", args, 1)?;
    let Some(s) = as_str_obj(&spec) else {
        let msg = format!("__format__() argument 1 must be str, not {}", vm.type_name(&spec));
        return Err(vm.type_error(msg));
    };
    if s.is_empty() {
        return vm.str(&me_v);
    }
    vm.call_method(&me_v, "strftime", &[spec])
}

/// The utcoffset of a time, from its fold-0 twin (hash and comparison).
fn offset_of(vm: &mut Vm, mo: &Moment) -> PyResult<Option<Delta>> {
    let tz = mo.tz();
    if tz.is_none() {
        return Ok(None);
    }
    utcoffset_delta(vm, &tz, &none())
}

fn time_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let mo = m(vm, v)?;
    match offset_of(vm, mo)? {
        None => Ok(crate::hash::hash_bytes(&mo.time_bytes(false))),
        Some(off) => {
            let local = mo.day_seconds() as i128 * US_PER_SECOND as i128 + mo.us as i128;
            let d = Delta::from_us_unchecked(local - off.total_us()).unwrap_or(Delta::ZERO);
            delta_hash_of(vm, d)
        }
    }
}

fn key(mo: &Moment) -> (u8, u8, u8, u32) {
    (mo.hour, mo.minute, mo.second, mo.us)
}

fn time_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if !is_time(a) || !is_time(b) {
        return Ok(not_implemented());
    }
    let (Some(x), Some(y)) = (a.native_ref::<Moment>(), b.native_ref::<Moment>()) else {
        return Ok(not_implemented());
    };
    if x.tz().is(&y.tz()) {
        return Ok(cmp_result(key(x).cmp(&key(y)), op));
    }
    let ox = offset_of(vm, x)?;
    let oy = offset_of(vm, y)?;
    if ox == oy {
        return Ok(cmp_result(key(x).cmp(&key(y)), op));
    }
    match (ox, oy) {
        (Some(dx), Some(dy)) => {
            // CPython compares whole seconds of the offsets, then microseconds.
            let sx = x.day_seconds() as i64 - (dx.days as i64 * 86_400 + dx.secs as i64);
            let sy = y.day_seconds() as i64 - (dy.days as i64 * 86_400 + dy.secs as i64);
            let ord = sx.cmp(&sy).then((x.us as i64).cmp(&(y.us as i64)));
            Ok(cmp_result(ord, op))
        }
        _ => match op {
            CompareOp::Eq => Ok(Value::bool(false)),
            CompareOp::Ne => Ok(Value::bool(true)),
            _ => Err(vm.type_error("can't compare offset-naive and offset-aware times")),
        },
    }
}

fn time_replace(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (me_v, mo) = me(vm, args)?;
    let rest = &args[1..];
    let nkw = kw.and_then(|k| k.downcast_ref::<TupleObject>()).map_or(0, |t| t.len());
    let npos = rest.len() - nkw;
    if npos > 5 {
        return Err(vm.type_error(format!("replace() takes at most 5 positional arguments ({npos} given)")));
    }
    let names = ["hour", "minute", "second", "microsecond", "tzinfo", "fold"];
    let a = parse_args(vm, Some("replace"), rest, kw, &names, 0)?;
    let cur = [mo.hour as i32, mo.minute as i32, mo.second as i32, mo.us as i32];
    let mut f = [0i32; 4];
    for i in 0..4 {
        f[i] = opt_int(vm, &a[i], cur[i])?;
    }
    let tz = a[4].clone().unwrap_or_else(|| mo.tz());
    let fold = opt_int(vm, &a[5], mo.fold as i32)?;
    alloc_time(vm, type_of(me_v), f, tz, fold)
}

fn time_reduce_ex(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [me_v, proto] = ArgSpec::exact::<2>(vm, "__reduce_ex__", args, 1)?;
    let proto = c_int(vm, &proto)? as i64;
    let mo = m(vm, &me_v)?;
    Ok(super::reduce_with_tz(&me_v, &mo.time_bytes(proto > 3), mo.tz()))
}

fn time_reduce(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    super::noargs(vm, "time.__reduce__", args, _kw)?;
    let (me_v, mo) = me(vm, args)?;
    Ok(super::reduce_with_tz(me_v, &mo.time_bytes(false), mo.tz()))
}
