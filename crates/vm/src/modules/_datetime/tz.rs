//! `datetime.tzinfo` (the abstract base) and `datetime.timezone` (fixed
//! offsets, `timezone.utc`), and the calls into a tzinfo that the other
//! types make, with CPython's checks on what those calls return.

use super::date::{add_delta_to_datetime, is_datetime};
use super::delta::{as_delta, cmp_result, delta_hash_of, new_delta, Delta};
use super::{parse_args, Moment, EPOCH_SECONDS};
use crate::args::ArgSpec;
use crate::exception::{ExcKind, PyResult};
use crate::modules::{init_native_type, NativeType};
use crate::object::LayoutKind;
use crate::objects::native::{new_native, NativeData};
use crate::objects::singletons::{none, not_implemented};
use crate::objects::str::{as_str_obj, new_str};
use crate::objects::tuple::{empty_tuple, new_tuple};
use crate::typeinit::{add_method_to, set_attr};
use crate::typeobj::{type_flags, type_of, CompareOp, KwNames, TypeObject, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::Vm;

/// State of `tzinfo` instances (Python subclasses included): none.
struct TzInfoBase;
impl NativeData for TzInfoBase {}

/// A fixed-offset timezone.
pub(super) struct Timezone {
    offset: Delta,
    /// The offset as a timedelta object (returned by utcoffset()).
    offset_value: Value,
    name: Option<Value>,
}

impl NativeData for Timezone {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.offset_value);
        if let Some(n) = &self.name {
            visit(n);
        }
    }
}

static TZINFO: NativeType = NativeType::new();
static TIMEZONE: NativeType = NativeType::new();

pub(super) fn tzinfo_type() -> &'static TypeObject {
    TZINFO.get_or_init(|st| {
        let t = init_native_type(st, "datetime", "tzinfo", LayoutKind::Native, &OBJECT_TYPE, type_flags::BASETYPE, |s| {
            s.new = Some(tzinfo_new);
        });
        add_method_to(t, "tzname", |vm, a, _| abstract_method(vm, a, "tzname"));
        add_method_to(t, "utcoffset", |vm, a, _| abstract_method(vm, a, "utcoffset"));
        add_method_to(t, "dst", |vm, a, _| abstract_method(vm, a, "dst"));
        add_method_to(t, "fromutc", tzinfo_fromutc);
        add_method_to(t, "__reduce__", tzinfo_reduce);
    })
}

pub(super) fn timezone_type() -> &'static TypeObject {
    TIMEZONE.get_or_init(|st| {
        let base = tzinfo_type();
        let _ = base;
        let t = init_native_type(st, "datetime", "timezone", LayoutKind::Native, TZINFO.storage(), 0, |s| {
            s.new = Some(timezone_new);
            s.repr = Some(timezone_repr);
            s.str = Some(timezone_str);
            s.hash = Some(timezone_hash);
            s.richcompare = Some(timezone_richcompare);
        });
        add_method_to(t, "tzname", timezone_tzname);
        add_method_to(t, "utcoffset", timezone_utcoffset);
        add_method_to(t, "dst", timezone_dst);
        add_method_to(t, "fromutc", timezone_fromutc);
        add_method_to(t, "__getinitargs__", timezone_getinitargs);
    })
}

/// `timezone.utc`: one object for the whole process (every thread sees the
/// same one, as `is` comparisons require).
static UTC: crate::gil::GilCell<Option<Value>> = crate::gil::GilCell::new(None);

pub(super) fn utc() -> Value {
    // SAFETY: under the GIL; no Python code runs while the cell is borrowed
    // (making a timezone only allocates).
    let cell = unsafe { UTC.get_mut() };
    cell.get_or_insert_with(|| make_timezone(Delta::ZERO, None)).clone()
}

fn make_timezone(offset: Delta, name: Option<Value>) -> Value {
    new_native(timezone_type(), Timezone { offset, offset_value: new_delta(offset), name })
}

pub(super) fn add_class_constants(_vm: &mut Vm) -> PyResult<()> {
    let t = timezone_type();
    set_attr(t, "utc", utc());
    let span = 23 * 3600 + 59 * 60;
    set_attr(t, "min", make_timezone(Delta { days: -1, secs: 86_400 - span, us: 0 }, None));
    set_attr(t, "max", make_timezone(Delta { days: 0, secs: span, us: 0 }, None));
    Ok(())
}

/// A timezone of `offset` (timezone.utc for a zero offset without name),
/// after CPython's range check.
pub(super) fn new_timezone(vm: &mut Vm, offset: Delta, name: Option<Value>) -> PyResult<Value> {
    if name.is_none() && offset.is_zero() {
        return Ok(utc());
    }
    if (offset.days == -1 && offset.secs == 0 && offset.us < 1) || offset.days < -1 || offset.days >= 1 {
        let r = vm.repr_string(&new_delta(offset))?;
        let msg = format!(
            "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not {r}."
        );
        return Err(vm.value_error(msg));
    }
    Ok(make_timezone(offset, name))
}

fn tzinfo_new(_vm: &mut Vm, cls: &Value, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let t = super::cls_type(cls).filter(|t| t.is_subtype(tzinfo_type())).unwrap_or(tzinfo_type());
    Ok(new_native(t, TzInfoBase))
}

fn abstract_method(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> {
    ArgSpec::exact::<2>(vm, name, args, 1)?;
    Err(vm.new_error(ExcKind::NotImplementedError, format!("a tzinfo subclass must implement {name}()")))
}

fn tzinfo_fromutc(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [me, dt] = ArgSpec::exact::<2>(vm, "fromutc", args, 1)?;
    let Some(m) = moment_of_datetime(&dt) else {
        return Err(vm.type_error("fromutc: argument must be a datetime"));
    };
    if !m.tz().is(&me) {
        return Err(vm.value_error("fromutc: dt.tzinfo is not self"));
    }
    let Some(off) = call_utcoffset(vm, &me, &dt)?.as_ref().and_then(as_delta) else {
        return Err(vm.value_error("fromutc: non-None utcoffset() result required"));
    };
    let Some(dst) = call_dst(vm, &me, &dt)?.as_ref().and_then(as_delta) else {
        return Err(vm.value_error("fromutc: non-None dst() result required"));
    };
    let delta = super::delta::delta_from_us(vm, off.total_us() - dst.total_us())?;
    let mut result = add_delta_to_datetime(vm, &dt, delta, 1)?;
    let dst2 = call_dst(vm, &me, &result)?;
    let Some(dst2) = dst2.as_ref().and_then(as_delta) else {
        return Err(vm.value_error("fromutc: tz.dst() gave inconsistent results; cannot convert"));
    };
    if !dst2.is_zero() {
        result = add_delta_to_datetime(vm, &result, dst2, 1)?;
    }
    Ok(result)
}

fn tzinfo_reduce(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [me] = ArgSpec::exact::<1>(vm, "__reduce__", args, 1)?;
    let initargs = match vm.lookup_attr(&me, &vm.intern("__getinitargs__"))? {
        Some(f) => vm.call0(&f)?,
        None => empty_tuple(),
    };
    let state = vm.call_method(&me, "__getstate__", &[])?;
    Ok(new_tuple(vec![type_of(&me).as_value(), initargs, state]))
}

fn moment_of_datetime(v: &Value) -> Option<&Moment> {
    if is_datetime(v) {
        v.native_ref::<Moment>()
    } else {
        None
    }
}

// ---------------------------------------------------------------------------
// timezone

fn timezone_new(vm: &mut Vm, _cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = parse_args(vm, Some("timezone"), args, kwnames, &["offset", "name"], 1)?;
    let offset_arg = a[0].clone().unwrap_or_else(none);
    let Some(offset) = as_delta(&offset_arg) else {
        let msg = format!("timezone() argument 1 must be datetime.timedelta, not {}", vm.type_name(&offset_arg));
        return Err(vm.type_error(msg));
    };
    let name = match &a[1] {
        Some(n) if as_str_obj(n).is_some() => Some(n.clone()),
        Some(n) => {
            let msg = format!("timezone() argument 2 must be str, not {}", vm.type_name(n));
            return Err(vm.type_error(msg));
        }
        None => None,
    };
    new_timezone(vm, offset, name)
}

fn tzdata(v: &Value) -> Option<&Timezone> {
    v.native_ref::<Timezone>()
}

fn timezone_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(tz) = tzdata(v) else {
        return Ok(new_str("<timezone>"));
    };
    let tname = vm.type_name(v);
    if v.is(&utc()) {
        return Ok(new_str(&format!("{tname}.utc")));
    }
    let off = vm.repr_string(&tz.offset_value)?;
    Ok(new_str(&match &tz.name {
        Some(n) => {
            let n = vm.repr_string(n)?;
            format!("{tname}({off}, {n})")
        }
        None => format!("{tname}({off})"),
    }))
}

fn timezone_name_value(tz: &Timezone, is_utc: bool) -> Value {
    if let Some(n) = &tz.name {
        return n.clone();
    }
    if is_utc || tz.offset.is_zero() {
        return new_str("UTC");
    }
    new_str(&format!("UTC{}", super::format::offset_text(tz.offset, ":")))
}

fn timezone_str(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match tzdata(v) {
        Some(tz) => Ok(timezone_name_value(tz, v.is(&utc()))),
        None => Ok(new_str("")),
    }
}

fn timezone_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let off = tzdata(v).map_or(Delta::ZERO, |t| t.offset);
    delta_hash_of(vm, off)
}

fn timezone_richcompare(_vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    match (tzdata(a), tzdata(b)) {
        (Some(x), Some(y)) => Ok(cmp_result(x.offset.cmp(&y.offset), op)),
        _ => Ok(not_implemented()),
    }
}

/// The `dt` argument of timezone methods: a datetime or None.
fn check_dt_arg(vm: &mut Vm, dt: &Value, what: &str) -> PyResult<()> {
    if dt.is_none() || is_datetime(dt) {
        return Ok(());
    }
    let msg = format!("{what}(dt) argument must be a datetime instance or None, not {}", vm.type_name(dt));
    Err(vm.type_error(msg))
}

fn self_tz<'a>(vm: &mut Vm, args: &'a [Value], name: &str) -> PyResult<(&'a Timezone, Value)> {
    let [me, dt] = ArgSpec::exact::<2>(vm, name, args, 1)?;
    let Some(tz) = tzdata(&args[0]) else {
        return Err(vm.type_error("descriptor requires a 'datetime.timezone' object"));
    };
    let _ = me;
    Ok((tz, dt))
}

fn timezone_tzname(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (tz, dt) = self_tz(vm, args, "tzname")?;
    check_dt_arg(vm, &dt, "tzname")?;
    Ok(timezone_name_value(tz, args[0].is(&utc())))
}

fn timezone_utcoffset(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (tz, dt) = self_tz(vm, args, "utcoffset")?;
    check_dt_arg(vm, &dt, "utcoffset")?;
    Ok(tz.offset_value.clone())
}

fn timezone_dst(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (_tz, dt) = self_tz(vm, args, "dst")?;
    check_dt_arg(vm, &dt, "dst")?;
    Ok(none())
}

fn timezone_fromutc(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (tz, dt) = self_tz(vm, args, "fromutc")?;
    let Some(m) = moment_of_datetime(&dt) else {
        return Err(vm.type_error("fromutc: argument must be a datetime"));
    };
    if !m.tz().is(&args[0]) {
        return Err(vm.value_error("fromutc: dt.tzinfo is not self"));
    }
    add_delta_to_datetime(vm, &dt, tz.offset, 1)
}

fn timezone_getinitargs(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [me] = ArgSpec::exact::<1>(vm, "__getinitargs__", args, 1)?;
    let Some(tz) = tzdata(&me) else {
        return Ok(empty_tuple());
    };
    Ok(match &tz.name {
        Some(n) => new_tuple(vec![tz.offset_value.clone(), n.clone()]),
        None => new_tuple(vec![tz.offset_value.clone()]),
    })
}

// ---------------------------------------------------------------------------
// Calls into a tzinfo.

/// `tzinfo.<name>(arg)`, checked to be None or a timedelta strictly within
/// a day. `Ok(None)` when the tzinfo is None or the result is None.
fn call_offset_method(vm: &mut Vm, tz: &Value, arg: &Value, name: &str) -> PyResult<Option<Value>> {
    if tz.is_none() {
        return Ok(None);
    }
    if let Some(t) = tzdata(tz) {
        // timezone cannot be subclassed: its answers are known.
        return Ok(if name == "utcoffset" { Some(t.offset_value.clone()) } else { None });
    }
    let r = vm.call_method(tz, name, std::slice::from_ref(arg))?;
    if r.is_none() {
        return Ok(None);
    }
    match as_delta(&r) {
        Some(d) => {
            if (d.days == -1 && d.secs == 0 && d.us < 1) || d.days < -1 || d.days >= 1 {
                return Err(vm.value_error(
                    "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).",
                ));
            }
            Ok(Some(r))
        }
        None => {
            let msg = format!("tzinfo.{name}() must return None or timedelta, not '{}'", vm.type_name(&r));
            Err(vm.type_error(msg))
        }
    }
}

pub(super) fn call_utcoffset(vm: &mut Vm, tz: &Value, arg: &Value) -> PyResult<Option<Value>> {
    call_offset_method(vm, tz, arg, "utcoffset")
}

pub(super) fn call_dst(vm: &mut Vm, tz: &Value, arg: &Value) -> PyResult<Option<Value>> {
    call_offset_method(vm, tz, arg, "dst")
}

/// The utcoffset as a Delta (None when naive).
pub(super) fn utcoffset_delta(vm: &mut Vm, tz: &Value, arg: &Value) -> PyResult<Option<Delta>> {
    if let Some(t) = tzdata(tz) {
        return Ok(Some(t.offset));
    }
    Ok(call_utcoffset(vm, tz, arg)?.as_ref().and_then(as_delta))
}

pub(super) fn call_tzname(vm: &mut Vm, tz: &Value, arg: &Value) -> PyResult<Option<Value>> {
    if tz.is_none() {
        return Ok(None);
    }
    if let Some(t) = tzdata(tz) {
        return Ok(Some(timezone_name_value(t, tz.is(&utc()))));
    }
    let r = vm.call_method(tz, "tzname", std::slice::from_ref(arg))?;
    if r.is_none() || as_str_obj(&r).is_some() {
        return Ok(if r.is_none() { None } else { Some(r) });
    }
    let msg = format!("tzinfo.tzname() must return None or a string, not '{}'", vm.type_name(&r));
    Err(vm.type_error(msg))
}

/// The tzinfo argument check of the constructors.
pub(super) fn check_tzinfo(vm: &mut Vm, tz: &Value) -> PyResult<()> {
    if tz.is_none() || type_of(tz).is_subtype(tzinfo_type()) {
        return Ok(());
    }
    let msg = format!("tzinfo argument must be None or of a tzinfo subclass, not type '{}'", vm.type_name(tz));
    Err(vm.type_error(msg))
}

// ---------------------------------------------------------------------------
// Local time (libc).

/// `localtime_r(t)`: (year, month, day, hour, minute, second, gmtoff, zone).
pub(super) fn localtime(vm: &mut Vm, t: i64) -> PyResult<(i64, i32, i32, i32, i32, i32, i64, String)> {
    let tt = t as libc::time_t;
    // SAFETY: tm is plain data; localtime_r writes it and returns null on failure.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    let ok = unsafe { !libc::localtime_r(&tt, &mut tm).is_null() };
    if !ok || t as libc::time_t as i64 != t {
        let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EOVERFLOW);
        let err = std::io::Error::from_raw_os_error(if errno == 0 { libc::EINVAL } else { errno });
        return Err(vm.new_error(ExcKind::OSError, format!("[Errno {}] {}", err.raw_os_error().unwrap_or(0), strip_os(&err))));
    }
    let zone = if tm.tm_zone.is_null() {
        String::new()
    } else {
        // SAFETY: tm_zone points to a NUL-terminated static string.
        unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }.to_string_lossy().into_owned()
    };
    Ok((
        tm.tm_year as i64 + 1900,
        tm.tm_mon + 1,
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        tm.tm_gmtoff as i64,
        zone,
    ))
}

fn strip_os(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// CPython's `local(u)`: seconds since 0001-01-01 of local time at UTC second `u`.
pub(super) fn local_seconds(vm: &mut Vm, u: i64) -> PyResult<i64> {
    let (y, mo, d, h, mi, s, _, _) = localtime(vm, u - EPOCH_SECONDS)?;
    utc_to_seconds(vm, y, mo, d, h, mi, s)
}

pub(super) fn utc_to_seconds(vm: &mut Vm, y: i64, mo: i32, d: i32, h: i32, mi: i32, s: i32) -> PyResult<i64> {
    if !(super::MINYEAR as i64..=super::MAXYEAR as i64).contains(&y) {
        return Err(vm.value_error(format!("year {y} is out of range")));
    }
    let ord = super::ymd_to_ord(y as i32, mo, d) as i64;
    Ok(((ord * 24 + h as i64) * 60 + mi as i64) * 60 + s as i64)
}

/// UTC seconds (since 0001-01-01) of a local wall time, honouring `fold`.
pub(super) fn local_to_seconds(vm: &mut Vm, y: i32, mo: i32, d: i32, h: i32, mi: i32, s: i32, fold: bool) -> PyResult<i64> {
    const MAX_FOLD: i64 = 24 * 3600;
    let t1 = utc_to_seconds(vm, y as i64, mo, d, h, mi, s)?;
    let lt = local_seconds(vm, t1)?;
    let a = lt - t1;
    let u1 = t1 - a;
    let t2 = local_seconds(vm, u1)?;
    let b;
    if t2 == t1 {
        let u2 = if fold { u1 + MAX_FOLD } else { u1 - MAX_FOLD };
        let lt = local_seconds(vm, u2)?;
        b = lt - u2;
        if a == b {
            return Ok(u1);
        }
    } else {
        b = t2 - u1;
    }
    let u2 = t1 - b;
    let t2 = local_seconds(vm, u2)?;
    if t2 == t1 {
        return Ok(u2);
    }
    let t3 = local_seconds(vm, u1)?;
    if t3 == t1 {
        return Ok(u1);
    }
    // In the gap: the later or the earlier solution.
    Ok(if fold { u1.min(u2) } else { u1.max(u2) })
}

/// `timezone(timedelta(seconds=gmtoff), zone)` of local time at a timestamp.
pub(super) fn local_timezone_from_timestamp(vm: &mut Vm, ts: i64) -> PyResult<Value> {
    let (_, _, _, _, _, _, gmtoff, zone) = localtime(vm, ts)?;
    let off = super::delta::make_delta(vm, 0, gmtoff, 0)?;
    let name = new_str(&zone);
    new_timezone(vm, off, Some(name))
}

/// The local timezone for a UTC datetime's moment.
pub(super) fn local_timezone_of_utc(vm: &mut Vm, m: &Moment) -> PyResult<Value> {
    let secs = (m.ordinal() as i64 * 86_400 + m.day_seconds() as i64) - EPOCH_SECONDS;
    local_timezone_from_timestamp(vm, secs)
}

/// The local timezone for a naive (local) datetime.
pub(super) fn local_timezone_from_local(vm: &mut Vm, m: &Moment) -> PyResult<Value> {
    let (y, mo, d) = m.ymd();
    let secs = local_to_seconds(vm, y, mo, d, m.hour as i32, m.minute as i32, m.second as i32, m.fold != 0)?;
    local_timezone_from_timestamp(vm, secs - EPOCH_SECONDS)
}

