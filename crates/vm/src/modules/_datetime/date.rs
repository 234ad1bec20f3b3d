//! `datetime.date` and its subclass `datetime.datetime`.

use super::delta::{as_delta, cmp_result, delta_from_us, delta_hash_of, new_delta, Delta};
use super::format as fmt;
use super::time::{new_time, time_type};
use super::tz::{self, call_dst, call_tzname, call_utcoffset, check_tzinfo, utc, utcoffset_delta};
use super::{
    c_int, check_date, check_time, cls_type, is_instance, iso_calendar, iso_to_ymd, opt_int, ord_to_ymd, parse_args, parse_args_ints,
    Moment, EPOCH_SECONDS, MAX_ORDINAL, US_PER_SECOND,
};
use crate::args::ArgSpec;
use crate::exception::{ExcKind, PyResult};
use crate::modules::structseq::{new_structseq, structseq_type, StructSeqDesc};
use crate::modules::{init_native_type, NativeType};
use crate::object::LayoutKind;
use crate::objects::bytes::{new_bytes, BytesObject};
use crate::objects::int::as_int;
use crate::objects::native::new_native;
use crate::objects::singletons::{none, not_implemented};
use crate::objects::str::{as_str_obj, new_str};
use crate::objects::tuple::new_tuple;
use crate::typeinit::{add_getset_to, add_method_to, set_attr};
use crate::typeobj::{nb, type_flags, type_of, CompareOp, KwNames, TypeObject, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::Vm;

static DATE: NativeType = NativeType::new();
static DATETIME: NativeType = NativeType::new();
static ISOCAL: NativeType = NativeType::new();
static ISOCAL_DESC: StructSeqDesc = StructSeqDesc {
    module: "datetime",
    name: "IsoCalendarDate",
    fields: &["year", "week", "weekday"],
    n_visible: 3,
    copy_missing: &[],
};

pub(super) fn isocal_type() -> &'static TypeObject {
    let first = ISOCAL.get().is_none();
    let t = structseq_type(&ISOCAL, &ISOCAL_DESC);
    if first {
        add_method_to(t, "__reduce__", isocal_reduce);
    }
    t
}

fn isocal_reduce(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [me] = ArgSpec::exact::<1>(vm, "__reduce__", args, 1)?;
    let items = vm.collect(&me)?;
    let tuple_type = crate::typeobj::TUPLE_TYPE.get().as_value();
    Ok(new_tuple(vec![tuple_type, new_tuple(vec![new_tuple(items)])]))
}

pub(super) fn date_type() -> &'static TypeObject {
    DATE.get_or_init(|st| {
        let t = init_native_type(st, "datetime", "date", LayoutKind::Native, &OBJECT_TYPE, type_flags::BASETYPE, |s| {
            s.new = Some(date_new);
            s.repr = Some(date_repr);
            s.str = Some(date_str);
            s.hash = Some(date_hash);
            s.richcompare = Some(date_richcompare);
            s.nb[nb::ADD] = Some(date_add);
            s.nb[nb::SUBTRACT] = Some(date_sub);
        });
        add_getset_to(t, "year", |vm, v| Ok(Value::int(m(vm, v)?.year as i64)), None);
        add_getset_to(t, "month", |vm, v| Ok(Value::int(m(vm, v)?.month as i64)), None);
        add_getset_to(t, "day", |vm, v| Ok(Value::int(m(vm, v)?.day as i64)), None);
        let cm = |name: &'static str, f| crate::typeinit::add_classmethod(DATE.storage(), name, f);
        cm("today", date_today);
        cm("fromtimestamp", date_fromtimestamp);
        cm("fromordinal", date_fromordinal);
        cm("fromisoformat", date_fromisoformat);
        cm("fromisocalendar", date_fromisocalendar);
        add_method_to(t, "ctime", date_ctime);
        add_method_to(t, "strftime", date_strftime);
        add_method_to(t, "__format__", date_format);
        add_method_to(t, "timetuple", date_timetuple);
        add_method_to(t, "isocalendar", date_isocalendar);
        add_method_to(t, "isoformat", date_isoformat);
        add_method_to(t, "isoweekday", |vm, a, kw| {
            super::noargs(vm, "date.isoweekday", a, kw)?;
            let (_, me) = me(vm, a)?;
            let (y, mo, d) = me.ymd();
            Ok(Value::int(super::weekday(y, mo, d) as i64 + 1))
        });
        add_method_to(t, "weekday", |vm, a, kw| {
            super::noargs(vm, "date.weekday", a, kw)?;
            let (_, me) = me(vm, a)?;
            let (y, mo, d) = me.ymd();
            Ok(Value::int(super::weekday(y, mo, d) as i64))
        });
        add_method_to(t, "toordinal", |vm, a, kw| {
            super::noargs(vm, "date.toordinal", a, kw)?;
            let (_, me) = me(vm, a)?;
            Ok(Value::int(me.ordinal() as i64))
        });
        add_method_to(t, "replace", date_replace);
        add_method_to(t, "__reduce__", date_reduce);
    })
}

pub(super) fn datetime_type() -> &'static TypeObject {
    DATETIME.get_or_init(|st| {
        let _ = date_type();
        let t = init_native_type(st, "datetime", "datetime", LayoutKind::Native, DATE.storage(), type_flags::BASETYPE, |s| {
            s.new = Some(datetime_new);
            s.repr = Some(datetime_repr);
            s.str = Some(datetime_str);
            s.hash = Some(datetime_hash);
            s.richcompare = Some(datetime_richcompare);
            s.nb[nb::ADD] = Some(datetime_add);
            s.nb[nb::SUBTRACT] = Some(datetime_sub);
        });
        add_getset_to(t, "hour", |vm, v| Ok(Value::int(m(vm, v)?.hour as i64)), None);
        add_getset_to(t, "minute", |vm, v| Ok(Value::int(m(vm, v)?.minute as i64)), None);
        add_getset_to(t, "second", |vm, v| Ok(Value::int(m(vm, v)?.second as i64)), None);
        add_getset_to(t, "microsecond", |vm, v| Ok(Value::int(m(vm, v)?.us as i64)), None);
        add_getset_to(t, "fold", |vm, v| Ok(Value::int(m(vm, v)?.fold as i64)), None);
        add_getset_to(t, "tzinfo", |vm, v| Ok(m(vm, v)?.tz()), None);
        let cm = |name: &'static str, f| crate::typeinit::add_classmethod(DATETIME.storage(), name, f);
        cm("now", datetime_now);
        cm("utcnow", datetime_utcnow);
        cm("fromtimestamp", datetime_fromtimestamp);
        cm("utcfromtimestamp", datetime_utcfromtimestamp);
        cm("strptime", datetime_strptime);
        cm("combine", datetime_combine);
        cm("fromisoformat", datetime_fromisoformat);
        add_method_to(t, "date", |vm, a, kw| {
            super::noargs(vm, "datetime.date", a, kw)?;
            let (_, me) = me(vm, a)?;
            Ok(new_native(date_type(), Moment::date(me.year as i32, me.month as i32, me.day as i32)))
        });
        add_method_to(t, "time", |vm, a, kw| {
            super::noargs(vm, "datetime.time", a, kw)?;
            let (_, me) = me(vm, a)?;
            Ok(new_time(me.hour as i32, me.minute as i32, me.second as i32, me.us as i32, none(), me.fold as i32))
        });
        add_method_to(t, "timetz", |vm, a, kw| {
            super::noargs(vm, "datetime.timetz", a, kw)?;
            let (_, me) = me(vm, a)?;
            Ok(new_time(me.hour as i32, me.minute as i32, me.second as i32, me.us as i32, me.tz(), me.fold as i32))
        });
        add_method_to(t, "ctime", date_ctime);
        add_method_to(t, "timetuple", datetime_timetuple);
        add_method_to(t, "utctimetuple", datetime_utctimetuple);
        add_method_to(t, "timestamp", datetime_timestamp);
        add_method_to(t, "isoformat", datetime_isoformat);
        add_method_to(t, "astimezone", datetime_astimezone);
        add_method_to(t, "replace", datetime_replace);
        add_method_to(t, "utcoffset", |vm, a, kw| {
            super::noargs(vm, "datetime.utcoffset", a, kw)?;
            let (me, mo) = me(vm, a)?;
            Ok(call_utcoffset(vm, &mo.tz(), me)?.unwrap_or_else(none))
        });
        add_method_to(t, "dst", |vm, a, kw| {
            super::noargs(vm, "datetime.dst", a, kw)?;
            let (me, mo) = me(vm, a)?;
            Ok(call_dst(vm, &mo.tz(), me)?.unwrap_or_else(none))
        });
        add_method_to(t, "tzname", |vm, a, kw| {
            super::noargs(vm, "datetime.tzname", a, kw)?;
            let (me, mo) = me(vm, a)?;
            Ok(call_tzname(vm, &mo.tz(), me)?.unwrap_or_else(none))
        });
        add_method_to(t, "__reduce_ex__", datetime_reduce_ex);
        add_method_to(t, "__reduce__", datetime_reduce);
    })
}

pub(super) fn add_class_constants(_vm: &mut Vm) -> PyResult<()> {
    let d = date_type();
    set_attr(d, "min", new_native(d, Moment::date(1, 1, 1)));
    set_attr(d, "max", new_native(d, Moment::date(9999, 12, 31)));
    set_attr(d, "resolution", new_delta(Delta { days: 1, secs: 0, us: 0 }));
    let t = datetime_type();
    set_attr(t, "min", new_native(t, Moment::new(1, 1, 1, 0, 0, 0, 0, none(), 0)));
    set_attr(t, "max", new_native(t, Moment::new(9999, 12, 31, 23, 59, 59, 999_999, none(), 0)));
    set_attr(t, "resolution", new_delta(Delta { days: 0, secs: 0, us: 1 }));
    Ok(())
}

pub(super) fn is_datetime(v: &Value) -> bool {
    type_of(v).is_subtype(datetime_type())
}

pub(super) fn is_date(v: &Value) -> bool {
    type_of(v).is_subtype(date_type())
}

/// The fields of a date or datetime (getters).
fn m<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Moment> {
    match v.native_ref::<Moment>() {
        Some(x) => Ok(x),
        None => {
            let msg = format!("descriptor requires a 'datetime.date' object but received a '{}'", vm.type_name(v));
            Err(vm.type_error(msg))
        }
    }
}

/// `self` of a method.
fn me<'a>(vm: &mut Vm, args: &'a [Value]) -> PyResult<(&'a Value, &'a Moment)> {
    let Some(v) = args.first() else {
        return Err(vm.type_error("descriptor of 'datetime.date' object needs an argument"));
    };
    Ok((v, m(vm, v)?))
}

fn moment_of(v: &Value) -> Option<&Moment> {
    if is_date(v) {
        v.native_ref::<Moment>()
    } else {
        None
    }
}

fn out_of_range(vm: &mut Vm) -> crate::exception::PyErr {
    vm.new_error(ExcKind::OverflowError, "date value out of range")
}

// ---------------------------------------------------------------------------
// Constructors.

/// A date of class `cls`: the native types directly, subclasses by calling
/// `cls(year, month, day)` (CPython's new_date_subclass_ex).
pub(super) fn new_date_of(vm: &mut Vm, cls: &Value, y: i32, mo: i32, d: i32) -> PyResult<Value> {
    if cls.is(&date_type().as_value()) {
        check_date(vm, y, mo, d)?;
        return Ok(new_native(date_type(), Moment::date(y, mo, d)));
    }
    if cls.is(&datetime_type().as_value()) {
        check_date(vm, y, mo, d)?;
        return Ok(new_native(datetime_type(), Moment::new(y, mo, d, 0, 0, 0, 0, none(), 0)));
    }
    let args = [Value::int(y as i64), Value::int(mo as i64), Value::int(d as i64)];
    vm.call(cls, &args, None)
}

/// A datetime of class `cls` (subclasses called with the fields and tzinfo;
/// the fold only reaches the exact type, as in CPython).
#[allow(clippy::too_many_arguments)]
pub(super) fn new_datetime_of(
    vm: &mut Vm,
    cls: &Value,
    f: [i32; 7],
    tz: Value,
    fold: i32,
) -> PyResult<Value> {
    if cls.is(&datetime_type().as_value()) {
        return alloc_datetime(vm, datetime_type(), f, tz, fold);
    }
    let mut args: Vec<Value> = f.iter().map(|&i| Value::int(i as i64)).collect();
    args.push(tz);
    vm.call(cls, &args, None)
}

/// A datetime instance of type `ty` after CPython's field checks.
fn alloc_datetime(vm: &mut Vm, ty: &TypeObject, f: [i32; 7], tz: Value, fold: i32) -> PyResult<Value> {
    check_date(vm, f[0], f[1], f[2])?;
    check_time(vm, f[3], f[4], f[5], f[6], fold)?;
    check_tzinfo(vm, &tz)?;
    Ok(new_native(ty, Moment::new(f[0], f[1], f[2], f[3], f[4], f[5], f[6], tz, fold)))
}

fn fields(mo: &Moment) -> [i32; 7] {
    [
        mo.year as i32,
        mo.month as i32,
        mo.day as i32,
        mo.hour as i32,
        mo.minute as i32,
        mo.second as i32,
        mo.us as i32,
    ]
}

/// The subclass type given to `__new__` (falling back to `base`).
fn new_type<'a>(cls: &'a Value, base: &'static TypeObject) -> &'a TypeObject {
    match cls_type(cls) {
        Some(t) if t.is_subtype(base) => t,
        _ => base,
    }
}

/// Pickle state: bytes (or a latin-1 str, from Python 2 pickles).
pub(super) fn state_bytes(v: &Value) -> Option<Vec<u8>> {
    if let Some(b) = v.downcast_ref::<BytesObject>() {
        return Some(b.data().to_vec());
    }
    let s = as_str_obj(v)?;
    s.code_points().map(|c| u8::try_from(c).ok()).collect()
}

fn date_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let ty = new_type(cls, date_type());
    let nkw = kwnames.and_then(|k| k.downcast_ref::<crate::objects::tuple::TupleObject>()).map_or(0, |t| t.len());
    if args.len() == 1 && nkw == 0 {
        if let Some(b) = state_bytes(&args[0]) {
            if b.len() == 4 && (1..=12).contains(&(b[2] & 0x7F)) {
                let y = (b[0] as i32) << 8 | b[1] as i32;
                return Ok(new_native(ty, Moment::date(y, b[2] as i32, b[3] as i32)));
            }
            if as_str_obj(&args[0]).is_some() && b.len() == 4 {
                return Err(vm.value_error("Failed to encode latin1 string when unpickling a date object. pickle.load(data, encoding='latin1') is assumed."));
            }
        }
    }
    let a = parse_args_ints(vm, None, args, kwnames, &["year", "month", "day"], 3, 3)?;
    let y = opt_int(vm, &a[0], 1)?;
    let mo = opt_int(vm, &a[1], 1)?;
    let d = opt_int(vm, &a[2], 1)?;
    check_date(vm, y, mo, d)?;
    Ok(new_native(ty, Moment::date(y, mo, d)))
}

fn datetime_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let ty = new_type(cls, datetime_type());
    let nkw = kwnames.and_then(|k| k.downcast_ref::<crate::objects::tuple::TupleObject>()).map_or(0, |t| t.len());
    let npos = args.len() - nkw;
    if (1..=2).contains(&args.len()) && nkw == 0 {
        if let Some(b) = state_bytes(&args[0]) {
            if b.len() == 10 && (1..=12).contains(&(b[2] & 0x7F)) {
                let tz = args.get(1).cloned().unwrap_or_else(none);
                if !tz.is_none() && !type_of(&tz).is_subtype(tz::tzinfo_type()) {
                    return Err(vm.type_error("bad tzinfo state arg"));
                }
                let y = (b[0] as i32) << 8 | b[1] as i32;
                let fold = i32::from(b[2] & 0x80 != 0);
                let us = (b[7] as i32) << 16 | (b[8] as i32) << 8 | b[9] as i32;
                let mo = Moment::new(y, (b[2] & 0x7F) as i32, b[3] as i32, b[4] as i32, b[5] as i32, b[6] as i32, us, tz, fold);
                return Ok(new_native(ty, mo));
            }
        }
    }
    if npos > 8 {
        return Err(vm.type_error(format!("function takes at most 8 positional arguments ({npos} given)")));
    }
    let names = ["year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold"];
    let a = parse_args_ints(vm, None, args, kwnames, &names, 3, 7)?;
    let mut f = [0i32; 7];
    for i in 0..7 {
        f[i] = opt_int(vm, &a[i], 0)?;
    }
    let tz = a[7].clone().unwrap_or_else(none);
    let fold = opt_int(vm, &a[8], 0)?;
    alloc_datetime(vm, ty, f, tz, fold)
}

// ---------------------------------------------------------------------------
// Class methods.

/// The current time as (seconds, microseconds) since the epoch (floor).
fn now_parts() -> (i64, i32) {
    let d = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
    match d {
        Ok(d) => (d.as_secs() as i64, d.subsec_micros() as i32),
        Err(e) => {
            let back = e.duration();
            let us = back.as_micros() as i64;
            (-(us + 999_999) / 1_000_000, ((1_000_000 - us % 1_000_000) % 1_000_000) as i32)
        }
    }
}

fn date_today(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    super::noargs(vm, "date.today", args, kw)?;
    let (s, us) = now_parts();
    let t = Value::float(s as f64 + us as f64 / 1e6);
    vm.call_method(&args[0], "fromtimestamp", &[t])
}

const TIME_T_RANGE: f64 = 9.223_372_036_854_776e18;

fn time_t_overflow(vm: &mut Vm) -> crate::exception::PyErr {
    vm.new_error(ExcKind::OverflowError, "timestamp out of range for platform time_t")
}

/// A timestamp as (seconds, microseconds); floats rounded half-even to the
/// microsecond (`floor` to the second instead when `whole_seconds`).
fn timestamp_parts(vm: &mut Vm, v: &Value, whole_seconds: bool) -> PyResult<(i64, i32)> {
    if let Some(f) = crate::objects::float::as_float(v) {
        if f.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        if whole_seconds {
            let fl = f.floor();
            if !(-TIME_T_RANGE..TIME_T_RANGE).contains(&fl) {
                return Err(time_t_overflow(vm));
            }
            return Ok((fl as i64, 0));
        }
        let mut int_part = f.trunc();
        let mut frac = round_half_even((f - int_part) * 1e6);
        if frac >= 1e6 {
            frac -= 1e6;
            int_part += 1.0;
        } else if frac < 0.0 {
            frac += 1e6;
            int_part -= 1.0;
        }
        if !(-TIME_T_RANGE..TIME_T_RANGE).contains(&int_part) {
            return Err(time_t_overflow(vm));
        }
        return Ok((int_part as i64, frac as i32));
    }
    let i = vm.index(v)?;
    match as_int(&i).and_then(|i| i.to_i64()) {
        Some(s) => Ok((s, 0)),
        None => Err(time_t_overflow(vm)),
    }
}

fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (r - x).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
}

/// Broken-down UTC time of a timestamp (gmtime).
fn gmtime(vm: &mut Vm, t: i64) -> PyResult<(i64, i32, i32, i32, i32, i32)> {
    let days = t.div_euclid(86_400);
    let secs = t.rem_euclid(86_400) as i32;
    let ordinal = days + 719_163;
    if ordinal.abs() > 1_000_000_000 {
        return Err(time_t_overflow(vm));
    }
    let (y, mo, d) = ord_to_ymd(ordinal as i32);
    Ok((y as i64, mo, d, secs / 3600, secs % 3600 / 60, secs % 60))
}

fn date_fromtimestamp(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "fromtimestamp", kw)?;
    let [cls, ts] = ArgSpec::exact::<2>(vm, "fromtimestamp", args, 1)?;
    let (s, _) = timestamp_parts(vm, &ts, true)?;
    let (y, mo, d, ..) = tz::localtime(vm, s)?;
    let y = year_i32(vm, y)?;
    new_date_of(vm, &cls, y, mo, d)
}

fn year_i32(vm: &mut Vm, y: i64) -> PyResult<i32> {
    i32::try_from(y).map_err(|_| vm.value_error(format!("year {y} is out of range")))
}

fn date_fromordinal(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "fromordinal", kw)?;
    let [cls, n] = ArgSpec::exact::<2>(vm, "fromordinal", args, 1)?;
    let n = c_int(vm, &n)?;
    if n < 1 {
        return Err(vm.value_error("ordinal must be >= 1"));
    }
    let (y, mo, d) = ord_to_ymd(n);
    new_date_of(vm, &cls, y, mo, d)
}

fn iso_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    let Some(s) = as_str_obj(v) else {
        return Err(vm.type_error("fromisoformat: argument must be str"));
    };
    let mut out = Vec::with_capacity(s.len());
    for cp in s.code_points() {
        crate::objects::str::push_generalized_utf8(&mut out, cp);
    }
    Ok(out)
}

fn invalid_iso(vm: &mut Vm, v: &Value) -> crate::exception::PyErr {
    match vm.repr_string(v) {
        Ok(r) => vm.value_error(format!("Invalid isoformat string: {r}")),
        Err(e) => e,
    }
}

fn has_surrogate(v: &Value) -> bool {
    as_str_obj(v).is_some_and(|s| s.code_points().any(|c| (0xD800..0xE000).contains(&c)))
}

fn date_fromisoformat(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "fromisoformat", kw)?;
    let [cls, s] = ArgSpec::exact::<2>(vm, "fromisoformat", args, 1)?;
    let b = iso_arg(vm, &s)?;
    if has_surrogate(&s) || !matches!(b.len(), 7 | 8 | 10) {
        return Err(invalid_iso(vm, &s));
    }
    let Ok((y, mo, d)) = fmt::parse_iso_date(&b, b.len()) else {
        return Err(invalid_iso(vm, &s));
    };
    new_date_of(vm, &cls, y, mo, d)
}

fn date_fromisocalendar(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let Some(cls) = args.first().cloned() else {
        return Err(vm.type_error("fromisocalendar needs a class"));
    };
    let a = parse_args(vm, Some("fromisocalendar"), &args[1..], kw, &["year", "week", "day"], 3)?;
    let mut vals = [0i32; 3];
    for (i, v) in a.iter().enumerate() {
        vals[i] = match opt_int(vm, v, 0) {
            Ok(x) => x,
            Err(e) if e.is_instance(ExcKind::OverflowError) => {
                return Err(vm.value_error("ISO calendar component out of range"));
            }
            Err(e) => return Err(e),
        };
    }
    let [y, w, d] = vals;
    match iso_to_ymd(y, w, d) {
        Ok((y, mo, d)) => new_date_of(vm, &cls, y, mo, d),
        Err(msg) => Err(vm.value_error(msg)),
    }
}

// ---------------------------------------------------------------------------
// date methods.

fn date_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let mo = m(vm, v)?;
    Ok(new_str(&format!("{}({}, {}, {})", vm.type_name(v), mo.year, mo.month, mo.day)))
}

fn date_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if std::ptr::eq(type_of(v), date_type()) {
        return Ok(new_str(&fmt::iso_date(m(vm, v)?)));
    }
    vm.call_method(v, "isoformat", &[])
}

fn date_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    Ok(crate::hash::hash_bytes(&m(vm, v)?.date_bytes()))
}

fn date_key(mo: &Moment) -> (u16, u8, u8) {
    (mo.year, mo.month, mo.day)
}

fn date_richcompare(_vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    match (moment_of(a), moment_of(b)) {
        (Some(x), Some(y)) => Ok(cmp_result(date_key(x).cmp(&date_key(y)), op)),
        _ => Ok(not_implemented()),
    }
}

/// The date `days` days after `mo`, of `mo`'s class.
fn date_plus_days(vm: &mut Vm, v: &Value, mo: &Moment, days: i64) -> PyResult<Value> {
    let ordinal = mo.ordinal() as i64 + days;
    if !(1..=MAX_ORDINAL as i64).contains(&ordinal) {
        return Err(out_of_range(vm));
    }
    let (y, mon, d) = ord_to_ymd(ordinal as i32);
    if std::ptr::eq(type_of(v), date_type()) {
        return Ok(new_native(date_type(), Moment::date(y, mon, d)));
    }
    new_date_of(vm, &type_of(v).as_value(), y, mon, d)
}

fn date_add(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if is_datetime(a) || is_datetime(b) {
        return Ok(not_implemented());
    }
    if let (Some(mo), Some(d)) = (moment_of(a), as_delta(b)) {
        return date_plus_days(vm, a, mo, d.days as i64);
    }
    if let (Some(d), Some(mo)) = (as_delta(a), moment_of(b)) {
        return date_plus_days(vm, b, mo, d.days as i64);
    }
    Ok(not_implemented())
}

fn date_sub(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if is_datetime(a) || is_datetime(b) {
        return Ok(not_implemented());
    }
    let Some(x) = moment_of(a) else {
        return Ok(not_implemented());
    };
    if let Some(y) = moment_of(b) {
        let days = x.ordinal() - y.ordinal();
        return Ok(new_delta(Delta { days, secs: 0, us: 0 }));
    }
    if let Some(d) = as_delta(b) {
        return date_plus_days(vm, a, x, -(d.days as i64));
    }
    Ok(not_implemented())
}

fn date_ctime(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    super::noargs(vm, "date.ctime", args, _kw)?;
    let (_, mo) = me(vm, args)?;
    Ok(new_str(&fmt::ctime(mo)))
}

fn date_strftime(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (me_v, mo) = me(vm, args)?;
    let a = parse_args(vm, Some("strftime"), &args[1..], kw, &["format"], 1)?;
    let format = a[0].clone().unwrap_or_else(none);
    if as_str_obj(&format).is_none() {
        let msg = format!("strftime() argument 1 must be str, not {}", vm.type_name(&format));
        return Err(vm.type_error(msg));
    }
    let tt = vm.call_method(me_v, "timetuple", &[])?;
    let (tzv, us) = if is_datetime(me_v) { (mo.tz(), mo.us) } else { (none(), 0) };
    fmt::wrap_strftime(vm, &tzv, us, &format, tt, me_v)
}

fn date_format(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
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

fn date_timetuple(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    super::noargs(vm, "date.timetuple", args, _kw)?;
    let (_, mo) = me(vm, args)?;
    let (y, mon, d) = mo.ymd();
    fmt::build_struct_time(vm, y, mon, d, 0, 0, 0, -1)
}

fn date_isocalendar(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    super::noargs(vm, "date.isocalendar", args, _kw)?;
    let (_, mo) = me(vm, args)?;
    let (y, mon, d) = mo.ymd();
    let (iy, w, wd) = iso_calendar(y, mon, d);
    let vals = vec![Value::int(iy as i64), Value::int(w as i64), Value::int(wd as i64)];
    Ok(new_structseq(vm, isocal_type(), vals))
}

fn date_isoformat(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    super::noargs(vm, "date.isoformat", args, kw)?;
    let (_, mo) = me(vm, args)?;
    Ok(new_str(&fmt::iso_date(mo)))
}

fn date_replace(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (me_v, mo) = me(vm, args)?;
    let a = parse_args(vm, Some("replace"), &args[1..], kw, &["year", "month", "day"], 0)?;
    let y = opt_int(vm, &a[0], mo.year as i32)?;
    let mon = opt_int(vm, &a[1], mo.month as i32)?;
    let d = opt_int(vm, &a[2], mo.day as i32)?;
    check_date(vm, y, mon, d)?;
    let ty = type_of(me_v);
    if is_datetime(me_v) {
        // date.replace on a datetime: the type's constructor, time kept at zero.
        return alloc_datetime(vm, ty, [y, mon, d, 0, 0, 0, 0], none(), 0);
    }
    Ok(new_native(ty, Moment::date(y, mon, d)))
}

fn date_reduce(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    super::noargs(vm, "date.__reduce__", args, _kw)?;
    let (me_v, mo) = me(vm, args)?;
    let state = new_tuple(vec![new_bytes(&mo.date_bytes())]);
    Ok(new_tuple(vec![type_of(me_v).as_value(), state]))
}

// ---------------------------------------------------------------------------
// datetime class methods.

/// CPython's datetime_from_timet_and_us: local or UTC broken-down time of a
/// timestamp as an instance of `cls` (with fold detection for local time).
fn datetime_from_timet(vm: &mut Vm, cls: &Value, local: bool, t: i64, us: i32, tzv: Value) -> PyResult<Value> {
    let (y, mo, d, hh, mi, ss) = if local {
        let (y, mo, d, hh, mi, ss, _, _) = tz::localtime(vm, t)?;
        (y, mo, d, hh, mi, ss)
    } else {
        gmtime(vm, t)?
    };
    let ss = ss.min(59);
    let year = year_i32(vm, y)?;
    let mut fold = 0;
    if tzv.is_none() && local {
        const MAX_FOLD: i64 = 24 * 3600;
        let result_seconds = tz::utc_to_seconds(vm, y, mo, d, hh, mi, ss)?;
        let probe = tz::local_seconds(vm, EPOCH_SECONDS + t - MAX_FOLD)?;
        let transition = result_seconds - probe - MAX_FOLD;
        if transition < 0 {
            let probe = tz::local_seconds(vm, EPOCH_SECONDS + t + transition)?;
            if probe == result_seconds {
                fold = 1;
            }
        }
    }
    new_datetime_of(vm, cls, [year, mo, d, hh, mi, ss, us], tzv, fold)
}

fn datetime_now(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let cls = args.first().cloned().unwrap_or_else(none);
    let a = parse_args(vm, Some("now"), args.get(1..).unwrap_or(&[]), kw, &["tz"], 0)?;
    let tzv = a[0].clone().unwrap_or_else(none);
    check_tzinfo(vm, &tzv)?;
    let (s, us) = now_parts();
    let r = datetime_from_timet(vm, &cls, tzv.is_none(), s, us, tzv.clone())?;
    if tzv.is_none() {
        return Ok(r);
    }
    vm.call_method(&tzv, "fromutc", &[r])
}

fn datetime_utcnow(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    super::noargs(vm, "datetime.utcnow", args, kw)?;
    let cls = args[0].clone();
    let (s, us) = now_parts();
    datetime_from_timet(vm, &cls, false, s, us, none())
}

fn datetime_fromtimestamp(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let cls = args.first().cloned().unwrap_or_else(none);
    let a = parse_args(vm, Some("fromtimestamp"), args.get(1..).unwrap_or(&[]), kw, &["timestamp", "tz"], 1)?;
    let ts = a[0].clone().unwrap_or_else(none);
    let tzv = a[1].clone().unwrap_or_else(none);
    check_tzinfo(vm, &tzv)?;
    let (s, us) = timestamp_parts(vm, &ts, false)?;
    let r = datetime_from_timet(vm, &cls, tzv.is_none(), s, us, tzv.clone())?;
    if tzv.is_none() {
        return Ok(r);
    }
    vm.call_method(&tzv, "fromutc", &[r])
}

fn datetime_utcfromtimestamp(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "utcfromtimestamp", kw)?;
    let [cls, ts] = ArgSpec::exact::<2>(vm, "utcfromtimestamp", args, 1)?;
    let (s, us) = timestamp_parts(vm, &ts, false)?;
    datetime_from_timet(vm, &cls, false, s, us, none())
}

fn datetime_strptime(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "strptime", kw)?;
    let [cls, string, format] = ArgSpec::exact::<3>(vm, "strptime", args, 1)?;
    for (i, v) in [&string, &format].into_iter().enumerate() {
        if as_str_obj(v).is_none() {
            let msg = format!("strptime() argument {} must be str, not {}", i + 1, vm.type_name(v));
            return Err(vm.type_error(msg));
        }
    }
    let module = vm.import_absolute("_strptime")?;
    let f = vm.getattr_str(&module, "_strptime_datetime")?;
    vm.call(&f, &[cls, string, format], None)
}

fn datetime_combine(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let cls = args.first().cloned().unwrap_or_else(none);
    let a = parse_args(vm, Some("combine"), args.get(1..).unwrap_or(&[]), kw, &["date", "time", "tzinfo"], 2)?;
    let d = a[0].clone().unwrap_or_else(none);
    let t = a[1].clone().unwrap_or_else(none);
    let Some(dm) = moment_of(&d) else {
        let msg = format!("combine() argument 1 must be datetime.date, not {}", vm.type_name(&d));
        return Err(vm.type_error(msg));
    };
    let tm = match t.native_ref::<Moment>() {
        Some(tm) if is_instance(&t, time_type()) => tm,
        _ => {
            let msg = format!("combine() argument 2 must be datetime.time, not {}", vm.type_name(&t));
            return Err(vm.type_error(msg));
        }
    };
    let tzv = match &a[2] {
        Some(z) => z.clone(),
        None => tm.tz(),
    };
    let f = [
        dm.year as i32,
        dm.month as i32,
        dm.day as i32,
        tm.hour as i32,
        tm.minute as i32,
        tm.second as i32,
        tm.us as i32,
    ];
    new_datetime_of(vm, &cls, f, tzv, tm.fold as i32)
}

/// The tzinfo of a parsed UTC offset: timezone.utc for zero, else a timezone.
pub(super) fn iso_offset_tz(vm: &mut Vm, offset: Option<(i32, i32)>) -> PyResult<Value> {
    match offset {
        None => Ok(none()),
        // CPython: zero whole seconds means UTC, whatever the microseconds.
        Some((0, _)) => Ok(utc()),
        Some((secs, us)) => {
            let d = super::delta::make_delta(vm, 0, secs as i64, us as i64)?;
            tz::new_timezone(vm, d, None)
        }
    }
}

fn datetime_fromisoformat(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "fromisoformat", kw)?;
    let [cls, s] = ArgSpec::exact::<2>(vm, "fromisoformat", args, 1)?;
    let Some(so) = as_str_obj(&s) else {
        return Err(vm.type_error("fromisoformat: argument must be str"));
    };
    if so.len() < 7 {
        return Err(invalid_iso(vm, &s));
    }
    // A surrogate is allowed only as the separator (position 7, 8 or 10).
    let mut cps: Vec<u32> = so.code_points().collect();
    for pos in [7usize, 8, 10] {
        if pos > cps.len() {
            break;
        }
        if cps.get(pos).is_some_and(|c| (0xD800..0xE000).contains(c)) {
            cps[pos] = 'T' as u32;
            break;
        }
    }
    if cps.iter().any(|c| (0xD800..0xE000).contains(c)) {
        return Err(invalid_iso(vm, &s));
    }
    let mut b = Vec::with_capacity(cps.len());
    for cp in &cps {
        crate::objects::str::push_generalized_utf8(&mut b, *cp);
    }
    let Some(sep) = fmt::find_datetime_separator(&b) else {
        return Err(invalid_iso(vm, &s));
    };
    let Ok((y, mo, d)) = fmt::parse_iso_date(&b, sep) else {
        return Err(invalid_iso(vm, &s));
    };
    let mut tf = [0i32; 4];
    let mut offset = None;
    if b.len() > sep {
        let lead = b.get(sep).copied().unwrap_or(0);
        let width = if lead & 0x80 == 0 {
            1
        } else {
            match lead & 0xF0 {
                0xE0 => 3,
                0xF0 => 4,
                _ => 2,
            }
        };
        let rest = b.get(sep + width..).unwrap_or(&[]);
        match fmt::parse_iso_time(rest) {
            Ok(t) => {
                tf = t.fields;
                offset = t.offset;
            }
            Err(()) => return Err(invalid_iso(vm, &s)),
        }
    }
    let tzv = iso_offset_tz(vm, offset)?;
    new_datetime_of(vm, &cls, [y, mo, d, tf[0], tf[1], tf[2], tf[3]], tzv, 0)
}

// ---------------------------------------------------------------------------
// datetime methods.

fn datetime_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let mo = m(vm, v)?;
    let name = vm.type_name(v);
    let mut s = if mo.us != 0 {
        format!(
            "{name}({}, {}, {}, {}, {}, {}, {}",
            mo.year, mo.month, mo.day, mo.hour, mo.minute, mo.second, mo.us
        )
    } else if mo.second != 0 {
        format!("{name}({}, {}, {}, {}, {}, {}", mo.year, mo.month, mo.day, mo.hour, mo.minute, mo.second)
    } else {
        format!("{name}({}, {}, {}, {}, {}", mo.year, mo.month, mo.day, mo.hour, mo.minute)
    };
    if mo.fold != 0 {
        s.push_str(", fold=1");
    }
    let tzv = mo.tz();
    if !tzv.is_none() {
        s.push_str(", tzinfo=");
        s.push_str(&vm.repr_string(&tzv)?);
    }
    s.push(')');
    Ok(new_str(&s))
}

fn datetime_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    vm.call_method(v, "isoformat", &[new_str(" ")])
}

/// The utcoffset used by hashing and comparison: that of the fold-0 twin.
fn offset_fold0(vm: &mut Vm, v: &Value, mo: &Moment) -> PyResult<Option<Delta>> {
    let tzv = mo.tz();
    if tzv.is_none() {
        return Ok(None);
    }
    if mo.fold == 0 {
        return utcoffset_delta(vm, &tzv, v);
    }
    let twin = new_native(datetime_type(), Moment::new(
        mo.year as i32, mo.month as i32, mo.day as i32, mo.hour as i32, mo.minute as i32, mo.second as i32, mo.us as i32, tzv.clone(), 0,
    ));
    utcoffset_delta(vm, &tzv, &twin)
}

fn datetime_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let mo = m(vm, v)?;
    match offset_fold0(vm, v, mo)? {
        None => Ok(crate::hash::hash_bytes(&mo.datetime_bytes(false))),
        Some(off) => {
            let local = Delta::from_us_unchecked(
                mo.ordinal() as i128 * super::US_PER_DAY as i128
                    + mo.day_seconds() as i128 * US_PER_SECOND as i128
                    + mo.us as i128,
            )
            .unwrap_or(Delta::ZERO);
            let d = Delta::from_us_unchecked(local.total_us() - off.total_us()).unwrap_or(Delta::ZERO);
            delta_hash_of(vm, d)
        }
    }
}

fn dt_key(mo: &Moment) -> (u16, u8, u8, u8, u8, u8, u32) {
    (mo.year, mo.month, mo.day, mo.hour, mo.minute, mo.second, mo.us)
}

/// Microseconds since 0001-01-01 of the fields (no offset applied).
fn local_us(mo: &Moment) -> i128 {
    (mo.ordinal() as i128 * 86_400 + mo.day_seconds() as i128) * US_PER_SECOND as i128 + mo.us as i128
}

/// utcoffset() of `v` with its fold flipped (PEP 495 comparison rule).
fn flip_fold_offset(vm: &mut Vm, v: &Value, mo: &Moment) -> PyResult<Option<Delta>> {
    let tzv = mo.tz();
    let twin = new_native(datetime_type(), Moment::new(
        mo.year as i32, mo.month as i32, mo.day as i32, mo.hour as i32, mo.minute as i32, mo.second as i32, mo.us as i32, tzv.clone(), 1 - mo.fold as i32,
    ));
    let _ = v;
    utcoffset_delta(vm, &tzv, &twin)
}

/// Whether equal-looking aware datetimes are unequal because one falls in
/// a fold whose two offsets differ (pep495_eq_exception).
fn pep495_exception(vm: &mut Vm, a: &Value, x: &Moment, ox: Option<Delta>, b: &Value, y: &Moment, oy: Option<Delta>) -> PyResult<bool> {
    if flip_fold_offset(vm, a, x)? != ox {
        return Ok(true);
    }
    Ok(flip_fold_offset(vm, b, y)? != oy)
}

fn datetime_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let Some(x) = moment_of(a).filter(|_| is_datetime(a)) else {
        return Ok(not_implemented());
    };
    if !is_datetime(b) {
        if is_date(b) {
            return match op {
                CompareOp::Eq => Ok(Value::bool(false)),
                CompareOp::Ne => Ok(Value::bool(true)),
                _ => {
                    let msg = format!("can't compare {} to {}", vm.type_name(a), vm.type_name(b));
                    Err(vm.type_error(msg))
                }
            };
        }
        return Ok(not_implemented());
    }
    let Some(y) = b.native_ref::<Moment>() else {
        return Ok(not_implemented());
    };
    let (tx, ty) = (x.tz(), y.tz());
    if tx.is(&ty) {
        return Ok(cmp_result(dt_key(x).cmp(&dt_key(y)), op));
    }
    let ox = utcoffset_delta(vm, &tx, a)?;
    let oy = utcoffset_delta(vm, &ty, b)?;
    let eq_op = matches!(op, CompareOp::Eq | CompareOp::Ne);
    if ox == oy {
        let mut ord = dt_key(x).cmp(&dt_key(y));
        if eq_op && ord.is_eq() && pep495_exception(vm, a, x, ox, b, y, oy)? {
            ord = std::cmp::Ordering::Less;
        }
        return Ok(cmp_result(ord, op));
    }
    match (ox, oy) {
        (Some(dx), Some(dy)) => {
            let diff = (local_us(x) - dx.total_us()) - (local_us(y) - dy.total_us());
            let mut ord = diff.cmp(&0);
            if eq_op && ord.is_eq() && pep495_exception(vm, a, x, ox, b, y, oy)? {
                ord = std::cmp::Ordering::Less;
            }
            Ok(cmp_result(ord, op))
        }
        _ => match op {
            CompareOp::Eq => Ok(Value::bool(false)),
            CompareOp::Ne => Ok(Value::bool(true)),
            _ => Err(vm.type_error("can't compare offset-naive and offset-aware datetimes")),
        },
    }
}

/// Fields of `mo` moved by `factor * delta`, or the OverflowError. Part by
/// part in 64-bit integers (no overflow: |days| stays below 2 * 10**9).
fn shifted_fields(vm: &mut Vm, mo: &Moment, delta: Delta, factor: i64) -> PyResult<[i32; 7]> {
    let mut us = mo.us as i64 + factor * delta.us as i64;
    let mut secs = mo.day_seconds() as i64 + factor * delta.secs as i64;
    let mut days = mo.ordinal() as i64 + factor * delta.days as i64;
    secs += us.div_euclid(US_PER_SECOND);
    us = us.rem_euclid(US_PER_SECOND);
    days += secs.div_euclid(86_400);
    secs = secs.rem_euclid(86_400);
    if !(1..=MAX_ORDINAL as i64).contains(&days) {
        return Err(out_of_range(vm));
    }
    let (y, mon, d) = ord_to_ymd(days as i32);
    Ok([y, mon, d, (secs / 3600) as i32, (secs % 3600 / 60) as i32, (secs % 60) as i32, us as i32])
}

/// `dt + factor * delta`, of dt's class, tzinfo kept, fold dropped.
pub(super) fn add_delta_to_datetime(vm: &mut Vm, dt: &Value, delta: Delta, factor: i64) -> PyResult<Value> {
    let Some(mo) = dt.native_ref::<Moment>() else {
        return Err(vm.type_error("datetime expected"));
    };
    let f = shifted_fields(vm, mo, delta, factor)?;
    let cls = type_of(dt);
    if std::ptr::eq(cls, datetime_type()) {
        return Ok(new_native(datetime_type(), Moment::new(f[0], f[1], f[2], f[3], f[4], f[5], f[6], mo.tz(), 0)));
    }
    new_datetime_of(vm, &cls.as_value(), f, mo.tz(), 0)
}

fn datetime_add(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if is_datetime(a) {
        if let Some(d) = as_delta(b) {
            return add_delta_to_datetime(vm, a, d, 1);
        }
    } else if let Some(d) = as_delta(a) {
        if is_datetime(b) {
            return add_delta_to_datetime(vm, b, d, 1);
        }
    }
    Ok(not_implemented())
}

fn datetime_sub(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if !is_datetime(a) {
        return Ok(not_implemented());
    }
    let Some(x) = a.native_ref::<Moment>() else {
        return Ok(not_implemented());
    };
    if let Some(d) = as_delta(b) {
        return add_delta_to_datetime(vm, a, d, -1);
    }
    if !is_datetime(b) {
        return Ok(not_implemented());
    }
    let Some(y) = b.native_ref::<Moment>() else {
        return Ok(not_implemented());
    };
    let (tx, ty) = (x.tz(), y.tz());
    let (ox, oy) = if tx.is(&ty) {
        (None, None)
    } else {
        let ox = utcoffset_delta(vm, &tx, a)?;
        let oy = utcoffset_delta(vm, &ty, b)?;
        if ox.is_some() != oy.is_some() {
            return Err(vm.type_error("can't subtract offset-naive and offset-aware datetimes"));
        }
        (ox, oy)
    };
    let mut us = local_us(x) - local_us(y);
    if let (Some(dx), Some(dy)) = (ox, oy) {
        if dx != dy {
            us -= dx.total_us() - dy.total_us();
        }
    }
    let d = delta_from_us(vm, us)?;
    Ok(new_delta(d))
}

fn datetime_timetuple(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    super::noargs(vm, "datetime.timetuple", args, _kw)?;
    let (me_v, mo) = me(vm, args)?;
    let tzv = mo.tz();
    let mut dst = -1;
    if !tzv.is_none() {
        if let Some(d) = call_dst(vm, &tzv, me_v)?.as_ref().and_then(as_delta) {
            dst = i32::from(!d.is_zero());
        }
    }
    let f = fields(mo);
    fmt::build_struct_time(vm, f[0], f[1], f[2], f[3], f[4], f[5], dst)
}

fn datetime_utctimetuple(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    super::noargs(vm, "datetime.utctimetuple", args, _kw)?;
    let (me_v, mo) = me(vm, args)?;
    let tzv = mo.tz();
    let mut f = fields(mo);
    if !tzv.is_none() {
        if let Some(off) = utcoffset_delta(vm, &tzv, me_v)? {
            f = shifted_fields(vm, mo, off, -1)?;
        }
    }
    fmt::build_struct_time(vm, f[0], f[1], f[2], f[3], f[4], f[5], 0)
}

fn datetime_timestamp(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    super::noargs(vm, "datetime.timestamp", args, _kw)?;
    let (me_v, mo) = me(vm, args)?;
    let tzv = mo.tz();
    if !tzv.is_none() {
        let Some(off) = utcoffset_delta(vm, &tzv, me_v)? else {
            return Err(vm.type_error("can't subtract offset-naive and offset-aware datetimes"));
        };
        let us = local_us(mo) - off.total_us() - EPOCH_SECONDS as i128 * US_PER_SECOND as i128;
        let d = delta_from_us(vm, us)?;
        return Ok(Value::float(d.total_us() as f64 / 1e6));
    }
    let (y, mon, d) = mo.ymd();
    let secs = tz::local_to_seconds(vm, y, mon, d, mo.hour as i32, mo.minute as i32, mo.second as i32, mo.fold != 0)?;
    Ok(Value::float((secs - EPOCH_SECONDS) as f64 + mo.us as f64 / 1e6))
}

fn datetime_isoformat(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (me_v, mo) = me(vm, args)?;
    let a = parse_args(vm, Some("isoformat"), &args[1..], kw, &["sep", "timespec"], 0)?;
    let sep: u32 = match &a[0] {
        None => 'T' as u32,
        Some(v) => match as_str_obj(v) {
            Some(s) if s.len() == 1 => s.get(0),
            _ => {
                let msg = format!("isoformat() argument 1 must be a unicode character, not {}", vm.type_name(v));
                return Err(vm.type_error(msg));
            }
        },
    };
    let spec = fmt::parse_timespec(vm, a[1].as_ref())?;
    let time = fmt::iso_time(mo, spec);
    let off = fmt::format_utcoffset(vm, &mo.tz(), me_v, ":")?;
    let date = fmt::iso_date(mo);
    if let Some(c) = char::from_u32(sep) {
        return Ok(new_str(&format!("{date}{c}{time}{off}")));
    }
    // A lone surrogate separator: the text is built from code points.
    let cps: Vec<u32> = date.chars().map(|c| c as u32).chain(std::iter::once(sep)).chain(time.chars().chain(off.chars()).map(|c| c as u32)).collect();
    Ok(crate::objects::str::new_str_from_cps(&cps))
}

fn datetime_astimezone(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (me_v, mo) = me(vm, args)?;
    let a = parse_args(vm, Some("astimezone"), &args[1..], kw, &["tz"], 0)?;
    let target = a[0].clone().unwrap_or_else(none);
    check_tzinfo(vm, &target)?;
    let mut self_tz = mo.tz();
    if self_tz.is_none() {
        self_tz = tz::local_timezone_from_local(vm, mo)?;
    }
    let offset = loop {
        if self_tz.is(&target) {
            return Ok(me_v.clone());
        }
        match call_utcoffset(vm, &self_tz, me_v)? {
            // A tzinfo without an offset: treated as naive (local time),
            // whose timezone always has one.
            None => self_tz = tz::local_timezone_from_local(vm, mo)?,
            Some(off) => match as_delta(&off) {
                Some(d) => break d,
                None => {
                    let msg = format!("utcoffset() returned {}, expected timedelta or None", vm.type_name(&off));
                    return Err(vm.type_error(msg));
                }
            },
        }
    };
    let f = shifted_fields(vm, mo, offset, -1)?;
    let cls = type_of(me_v);
    let result = if std::ptr::eq(cls, datetime_type()) {
        new_native(datetime_type(), Moment::new(f[0], f[1], f[2], f[3], f[4], f[5], f[6], utc(), 0))
    } else {
        new_datetime_of(vm, &cls.as_value(), f, mo.tz(), 0)?
    };
    let target = if target.is_none() {
        match result.native_ref::<Moment>() {
            Some(rm) => tz::local_timezone_of_utc(vm, rm)?,
            None => return Err(vm.type_error("datetime expected")),
        }
    } else {
        target
    };
    if let Some(rm) = result.native_ref::<Moment>() {
        *rm.tz.borrow_mut() = target.clone();
    }
    vm.call_method(&target, "fromutc", &[result])
}

fn datetime_replace(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (me_v, mo) = me(vm, args)?;
    let rest = &args[1..];
    let nkw = kw.and_then(|k| k.downcast_ref::<crate::objects::tuple::TupleObject>()).map_or(0, |t| t.len());
    let npos = rest.len() - nkw;
    if npos > 8 {
        return Err(vm.type_error(format!("replace() takes at most 8 positional arguments ({npos} given)")));
    }
    let names = ["year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold"];
    let a = parse_args(vm, Some("replace"), rest, kw, &names, 0)?;
    let cur = fields(mo);
    let mut f = [0i32; 7];
    for i in 0..7 {
        f[i] = opt_int(vm, &a[i], cur[i])?;
    }
    let tzv = a[7].clone().unwrap_or_else(|| mo.tz());
    let fold = opt_int(vm, &a[8], mo.fold as i32)?;
    alloc_datetime(vm, type_of(me_v), f, tzv, fold)
}

fn datetime_reduce_ex(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [me_v, proto] = ArgSpec::exact::<2>(vm, "__reduce_ex__", args, 1)?;
    let proto = c_int(vm, &proto)? as i64;
    let mo = m(vm, &me_v)?;
    Ok(super::reduce_with_tz(&me_v, &mo.datetime_bytes(proto > 3), mo.tz()))
}

fn datetime_reduce(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    super::noargs(vm, "datetime.__reduce__", args, _kw)?;
    let (me_v, mo) = me(vm, args)?;
    Ok(super::reduce_with_tz(me_v, &mo.datetime_bytes(false), mo.tz()))
}
