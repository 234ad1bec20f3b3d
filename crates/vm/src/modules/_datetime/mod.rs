//! `_datetime`: the C-accelerated datetime types (date, time, datetime,
//! timedelta, tzinfo, timezone) that Lib/datetime.py imports with
//! `from _datetime import *`, with CPython's messages, reprs and rules.
//!
//! One Rust state type, [`Moment`], holds the fields of a date, a time or a
//! datetime; which of the three an object is comes from its type. Calendar
//! arithmetic is plain integer code on proleptic Gregorian ordinals.

mod date;
mod delta;
mod format;
mod time;
mod tz;

use crate::args::split_kwargs;
use crate::exception::{ExcKind, PyResult};
use crate::modules::ModuleBuilder;
use crate::objects::int::as_int;
use crate::objects::native::NativeData;
use crate::objects::singletons::none;
use crate::objects::str::{display_lossy, str_eq};
use crate::typeobj::{type_of, KwNames, TypeObject};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;

pub(super) const MINYEAR: i32 = 1;
pub(super) const MAXYEAR: i32 = 9999;
/// Ordinal of 9999-12-31.
pub(super) const MAX_ORDINAL: i32 = 3_652_059;
pub(super) const MAX_DELTA_DAYS: i64 = 999_999_999;
pub(super) const US_PER_SECOND: i64 = 1_000_000;
pub(super) const US_PER_DAY: i64 = 86_400 * US_PER_SECOND;
/// Seconds from 0001-01-01 to 1970-01-01 (utc_to_seconds of the epoch).
pub(super) const EPOCH_SECONDS: i64 = 719_163 * 86_400;

/// The fields of a date, a time or a datetime (which one is the type's).
pub(crate) struct Moment {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    pub fold: u8,
    pub us: u32,
    /// The tzinfo, None when naive (always None for dates).
    tz: RefCell<Value>,
}

impl NativeData for Moment {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(t) = self.tz.try_borrow() {
            visit(&t);
        }
    }
    fn clear(&self) {
        if let Ok(mut t) = self.tz.try_borrow_mut() {
            *t = none();
        }
    }
}

impl Moment {
    pub fn date(year: i32, month: i32, day: i32) -> Moment {
        Moment::new(year, month, day, 0, 0, 0, 0, none(), 0)
    }

    #[allow(clippy::too_many_arguments)]
    pub fn new(year: i32, month: i32, day: i32, hour: i32, minute: i32, second: i32, us: i32, tz: Value, fold: i32) -> Moment {
        Moment {
            year: year as u16,
            month: month as u8,
            day: day as u8,
            hour: hour as u8,
            minute: minute as u8,
            second: second as u8,
            fold: fold as u8,
            us: us as u32,
            tz: RefCell::new(tz),
        }
    }

    pub fn time(hour: i32, minute: i32, second: i32, us: i32, tz: Value, fold: i32) -> Moment {
        Moment::new(1900, 1, 1, hour, minute, second, us, tz, fold)
    }

    pub fn tz(&self) -> Value {
        self.tz.borrow().clone()
    }

    pub fn ymd(&self) -> (i32, i32, i32) {
        (self.year as i32, self.month as i32, self.day as i32)
    }

    pub fn ordinal(&self) -> i32 {
        ymd_to_ord(self.year as i32, self.month as i32, self.day as i32)
    }

    /// Seconds into the day.
    pub fn day_seconds(&self) -> i32 {
        self.hour as i32 * 3600 + self.minute as i32 * 60 + self.second as i32
    }

    /// The state bytes CPython pickles (and hashes for naive values).
    pub fn date_bytes(&self) -> [u8; 4] {
        [(self.year >> 8) as u8, self.year as u8, self.month, self.day]
    }

    pub fn time_bytes(&self, with_fold: bool) -> [u8; 6] {
        let hour = if with_fold && self.fold != 0 { self.hour | 0x80 } else { self.hour };
        [hour, self.minute, self.second, (self.us >> 16) as u8, (self.us >> 8) as u8, self.us as u8]
    }

    pub fn datetime_bytes(&self, with_fold: bool) -> [u8; 10] {
        let month = if with_fold && self.fold != 0 { self.month | 0x80 } else { self.month };
        let d = self.date_bytes();
        let t = self.time_bytes(false);
        [d[0], d[1], month, d[3], t[0], t[1], t[2], t[3], t[4], t[5]]
    }
}

// ---------------------------------------------------------------------------
// Calendar arithmetic (proleptic Gregorian, ordinal 1 is 0001-01-01).

const DAYS_IN_MONTH: [i32; 13] = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DAYS_BEFORE_MONTH: [i32; 13] = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

pub(super) fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Days in `month` (1..=12) of `year`.
pub(super) fn days_in_month(year: i32, month: i32) -> i32 {
    if month == 2 && is_leap(year) {
        29
    } else {
        DAYS_IN_MONTH[month.clamp(1, 12) as usize]
    }
}

fn days_before_month(year: i32, month: i32) -> i32 {
    let m = month.clamp(1, 12);
    DAYS_BEFORE_MONTH[m as usize] + i32::from(m > 2 && is_leap(year))
}

fn days_before_year(year: i32) -> i32 {
    let y = year - 1;
    y * 365 + y / 4 - y / 100 + y / 400
}

pub(super) fn ymd_to_ord(year: i32, month: i32, day: i32) -> i32 {
    days_before_year(year) + days_before_month(year, month) + day
}

/// The (year, month, day) of an ordinal (1 ..= MAX_ORDINAL).
pub(super) fn ord_to_ymd(ordinal: i32) -> (i32, i32, i32) {
    const DI400Y: i32 = 146_097;
    const DI100Y: i32 = 36_524;
    const DI4Y: i32 = 1_461;
    let mut n = ordinal - 1;
    let n400 = n.div_euclid(DI400Y);
    n = n.rem_euclid(DI400Y);
    let mut year = n400 * 400 + 1;
    let n100 = n / DI100Y;
    n %= DI100Y;
    let n4 = n / DI4Y;
    n %= DI4Y;
    let n1 = n / 365;
    n %= 365;
    year += n100 * 100 + n4 * 4 + n1;
    if n1 == 4 || n100 == 4 {
        return (year - 1, 12, 31);
    }
    let leap = n1 == 3 && (n4 != 24 || n100 == 3);
    let mut month = (n + 50) >> 5;
    let mut preceding = DAYS_BEFORE_MONTH[month as usize] + i32::from(month > 2 && leap);
    if preceding > n {
        month -= 1;
        preceding -= DAYS_IN_MONTH[month as usize] + i32::from(month == 2 && leap);
    }
    (year, month, n - preceding + 1)
}

/// Monday is 0.
pub(super) fn weekday(year: i32, month: i32, day: i32) -> i32 {
    (ymd_to_ord(year, month, day) + 6) % 7
}

/// Ordinal of the Monday starting ISO week 1 of `year`.
pub(super) fn iso_week1_monday(year: i32) -> i32 {
    let first = ymd_to_ord(year, 1, 1);
    let first_weekday = (first + 6) % 7;
    let mut monday = first - first_weekday;
    if first_weekday > 3 {
        monday += 7;
    }
    monday
}

/// (year, week, weekday) of a date, ISO 8601.
pub(super) fn iso_calendar(year: i32, month: i32, day: i32) -> (i32, i32, i32) {
    let mut iso_year = year;
    let ordinal = ymd_to_ord(year, month, day);
    let mut week1 = iso_week1_monday(iso_year);
    let mut week = (ordinal - week1).div_euclid(7);
    if week < 0 {
        iso_year -= 1;
        week1 = iso_week1_monday(iso_year);
        week = (ordinal - week1).div_euclid(7);
    } else if week >= 52 && ordinal >= iso_week1_monday(iso_year + 1) {
        iso_year += 1;
        week = 0;
    }
    let wd = (ordinal - week1).rem_euclid(7);
    (iso_year, week + 1, wd + 1)
}

/// The date of an ISO (year, week, day); errors carry CPython's messages.
pub(super) fn iso_to_ymd(year: i32, week: i32, day: i32) -> Result<(i32, i32, i32), String> {
    if !(MINYEAR..=MAXYEAR).contains(&year) {
        return Err(format!("Year is out of range: {year}"));
    }
    if week <= 0 || week >= 53 {
        let long_year = {
            let first_weekday = (ymd_to_ord(year, 1, 1) + 6) % 7;
            first_weekday == 3 || (first_weekday == 2 && is_leap(year))
        };
        if !(week == 53 && long_year) {
            return Err(format!("Invalid week: {week}"));
        }
    }
    if day <= 0 || day >= 8 {
        return Err(format!("Invalid day: {day} (range is [1, 7])"));
    }
    // Out-of-range results are reported by the date constructor.
    Ok(ord_to_ymd(iso_week1_monday(year) + (week - 1) * 7 + (day - 1)))
}

// ---------------------------------------------------------------------------
// Argument checks with CPython's messages.

pub(super) fn check_date(vm: &mut Vm, year: i32, month: i32, day: i32) -> PyResult<()> {
    if !(MINYEAR..=MAXYEAR).contains(&year) {
        return Err(vm.value_error(format!("year {year} is out of range")));
    }
    if !(1..=12).contains(&month) {
        return Err(vm.value_error("month must be in 1..12"));
    }
    if day < 1 || day > days_in_month(year, month) {
        return Err(vm.value_error("day is out of range for month"));
    }
    Ok(())
}

pub(super) fn check_time(vm: &mut Vm, hour: i32, minute: i32, second: i32, us: i32, fold: i32) -> PyResult<()> {
    if !(0..=23).contains(&hour) {
        return Err(vm.value_error("hour must be in 0..23"));
    }
    if !(0..=59).contains(&minute) {
        return Err(vm.value_error("minute must be in 0..59"));
    }
    if !(0..=59).contains(&second) {
        return Err(vm.value_error("second must be in 0..59"));
    }
    if !(0..=999_999).contains(&us) {
        return Err(vm.value_error("microsecond must be in 0..999999"));
    }
    if fold != 0 && fold != 1 {
        return Err(vm.value_error("fold must be either 0 or 1"));
    }
    Ok(())
}

/// An `int` argument as PyArg_Parse's "i" reads it (through `__index__`).
pub(super) fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    if let Some(i) = v.as_small_int() {
        return narrow_int(vm, i);
    }
    if v.is_float() || crate::objects::float::as_float(v).is_some() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = vm.index(v)?;
    match as_int(&i).and_then(|i| i.to_i64()) {
        Some(i) => narrow_int(vm, i),
        None => Err(vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C long")),
    }
}

fn narrow_int(vm: &mut Vm, i: i64) -> PyResult<i32> {
    if i > i32::MAX as i64 {
        Err(vm.new_error(ExcKind::OverflowError, "signed integer is greater than maximum"))
    } else if i < i32::MIN as i64 {
        Err(vm.new_error(ExcKind::OverflowError, "signed integer is less than minimum"))
    } else {
        Ok(i as i32)
    }
}

/// PyArg_ParseTupleAndKeywords: `names` filled from positional then keyword
/// arguments; the first `required` must be given. `fname` None reads as
/// "function" in messages, as for a format without ":name".
pub(super) fn parse_args(
    vm: &mut Vm,
    fname: Option<&str>,
    args: &[Value],
    kwnames: KwNames,
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    parse_args_ints(vm, fname, args, kwnames, names, required, 0)
}

/// [`parse_args`] whose first `n_ints` parameters are C ints, checked in
/// parameter order as getargs converts them (a bad type before a missing
/// argument is reported first).
pub(super) fn parse_args_ints(
    vm: &mut Vm,
    fname: Option<&str>,
    args: &[Value],
    kwnames: KwNames,
    names: &[&str],
    required: usize,
    n_ints: usize,
) -> PyResult<Vec<Option<Value>>> {
    let (pos, kw) = split_kwargs(args, kwnames);
    let (label, parens) = match fname {
        Some(f) => (f, "()"),
        None => ("function", ""),
    };
    let given = pos.len() + kw.len();
    if given > names.len() {
        let msg = format!(
            "{label}{parens} takes at most {} {}argument{} ({given} given)",
            names.len(),
            if pos.is_empty() && !kw.is_empty() { "keyword " } else { "" },
            if names.len() == 1 { "" } else { "s" },
        );
        return Err(vm.type_error(msg));
    }
    let mut out: Vec<Option<Value>> = vec![None; names.len()];
    for (i, v) in pos.iter().enumerate() {
        out[i] = Some(v.clone());
    }
    let mut used = 0;
    for (i, name) in names.iter().enumerate() {
        let key = vm.intern(name);
        let found = kw.iter().find(|(k, _)| str_eq(k, &key));
        if let Some((_, v)) = found {
            used += 1;
            if i < pos.len() {
                let msg = format!("argument for {label}{parens} given by name ('{name}') and position ({})", i + 1);
                return Err(vm.type_error(msg));
            }
            out[i] = Some((*v).clone());
        } else if i >= pos.len() && i < required {
            // getargs converts the arguments before this one first.
            for v in out.iter().take(i.min(n_ints)).flatten() {
                c_int(vm, v)?;
            }
            let msg = format!("{label}{parens} missing required argument '{name}' (pos {})", i + 1);
            return Err(vm.type_error(msg));
        }
    }
    if used < kw.len() {
        for (k, _) in &kw {
            if !names.iter().any(|n| str_eq(&vm.intern(n), k)) {
                let target = match fname {
                    Some(f) => format!("{f}()"),
                    None => "this function".to_string(),
                };
                let msg = format!("'{}' is an invalid keyword argument for {target}", display_lossy(k));
                return Err(vm.type_error(msg));
            }
        }
    }
    Ok(out)
}

/// A method without arguments (METH_NOARGS): `name` is `type.method`.
/// `(type(obj), (state_bytes,))`, or `(type(obj), (state_bytes, tzinfo))` when
/// it has one: what `__reduce__` of datetime and time return.
pub(super) fn reduce_with_tz(obj: &Value, state: &[u8], tz: Value) -> Value {
    let b = crate::objects::bytes::new_bytes(state);
    let state = if tz.is_none() { crate::objects::tuple::new_tuple(vec![b]) } else { crate::objects::tuple::new_tuple(vec![b, tz]) };
    crate::objects::tuple::new_tuple(vec![type_of(obj).as_value(), state])
}

pub(super) fn noargs(vm: &mut Vm, name: &str, args: &[Value], kwnames: KwNames) -> PyResult<()> {
    crate::args::check_no_kwargs(vm, name, kwnames)?;
    if args.len() != 1 {
        let n = args.len().saturating_sub(1);
        return Err(vm.type_error(format!("{name}() takes no arguments ({n} given)")));
    }
    Ok(())
}

/// An optional int argument (default `dflt`).
pub(super) fn opt_int(vm: &mut Vm, v: &Option<Value>, dflt: i32) -> PyResult<i32> {
    match v {
        Some(v) => c_int(vm, v),
        None => Ok(dflt),
    }
}

/// The type object a class method was called on.
pub(super) fn cls_type(v: &Value) -> Option<&TypeObject> {
    v.downcast_ref::<TypeObject>()
}

pub(super) fn is_instance(v: &Value, t: &TypeObject) -> bool {
    type_of(v).is_subtype(t)
}

/// The name a repr starts with: the full `datetime.x` for the module's own
/// types, the class name for subclasses (CPython's tp_name).
pub(super) fn repr_type_name(vm: &Vm, v: &Value) -> String {
    vm.type_name(v)
}

pub(crate) fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_datetime");
    m.doc("Fast implementation of the datetime type.");
    m.int("MINYEAR", MINYEAR as i64);
    m.int("MAXYEAR", MAXYEAR as i64);
    m.type_(delta::delta_type());
    m.type_(date::date_type());
    m.type_(date::datetime_type());
    m.type_(time::time_type());
    m.type_(tz::tzinfo_type());
    m.type_(tz::timezone_type());
    delta::add_class_constants();
    date::add_class_constants(vm)?;
    time::add_class_constants(vm)?;
    tz::add_class_constants(vm)?;
    m.value("UTC", tz::utc());
    let _ = date::isocal_type();
    Ok(m.finish())
}
