//! `time`: clocks, sleeping, and calendar conversion through the C library
//! (`gmtime_r`, `localtime_r`, `mktime`, `strftime`), as CPython does.

use crate::args::{check_no_kwargs, ArgSpec};
use crate::exception::{ExcKind, PyResult};
use crate::modules::structseq::{new_structseq, structseq_type, StructSeqDesc};
use crate::modules::{ModuleBuilder, NativeType};
use crate::objects::singletons::none;
use crate::objects::str::{new_str, StrObject};
use crate::objects::tuple::{new_tuple, TupleObject};
use crate::typeobj::{KwNames, NativeFn, TypeObject};
use crate::value::Value;
use crate::vm::Vm;
use std::ffi::CString;

static STRUCT_TIME_TYPE: NativeType = NativeType::new();
static STRUCT_TIME_DESC: StructSeqDesc = StructSeqDesc {
    module: "time",
    name: "struct_time",
    fields: &[
        "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst", "tm_zone",
        "tm_gmtoff",
    ],
    n_visible: 9,
    copy_missing: &[],
};

fn struct_time_type() -> &'static TypeObject {
    structseq_type(&STRUCT_TIME_TYPE, &STRUCT_TIME_DESC)
}

fn clock_ns(clock: libc::clockid_t) -> i128 {
    // SAFETY: plain data filled by the call; the clocks used always exist on Linux.
    let mut ts: libc::timespec = unsafe { std::mem::zeroed() };
    unsafe { libc::clock_gettime(clock, &mut ts) };
    ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128
}

fn ns_to_value(ns: i128) -> Value {
    match i64::try_from(ns) {
        Ok(n) => Value::int(n),
        Err(_) => crate::objects::int::int_from_big(num_bigint::BigInt::from(ns)),
    }
}

fn ns_to_secs(ns: i128) -> Value {
    Value::float(ns as f64 * 1e-9)
}

macro_rules! clock_fns {
    ($secs:ident, $ns:ident, $name:expr, $clock:expr) => {
        fn $secs(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
            check_no_kwargs(vm, $name, kw)?;
            ArgSpec::range(vm, $name, args, 0, 0, 0)?;
            Ok(ns_to_secs(clock_ns($clock)))
        }
        fn $ns(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
            check_no_kwargs(vm, concat!($name, "_ns"), kw)?;
            ArgSpec::range(vm, concat!($name, "_ns"), args, 0, 0, 0)?;
            Ok(ns_to_value(clock_ns($clock)))
        }
    };
}

clock_fns!(time_time, time_time_ns, "time", libc::CLOCK_REALTIME);
clock_fns!(time_monotonic, time_monotonic_ns, "monotonic", libc::CLOCK_MONOTONIC);
clock_fns!(time_perf_counter, time_perf_counter_ns, "perf_counter", libc::CLOCK_MONOTONIC);
clock_fns!(time_process_time, time_process_time_ns, "process_time", libc::CLOCK_PROCESS_CPUTIME_ID);
clock_fns!(time_thread_time, time_thread_time_ns, "thread_time", libc::CLOCK_THREAD_CPUTIME_ID);

/// A number of seconds (int or float) as a float, with CPython's TypeError.
fn seconds_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(i) = crate::objects::int::as_int(v) {
        return i
            .to_f64()
            .map_err(|_| vm.new_error(ExcKind::OverflowError, "timestamp too large to convert to C _PyTime_t"));
    }
    if let Some(f) = crate::objects::float::as_float(v) {
        return Ok(f);
    }
    match crate::objects::float::float_operand(vm, v)? {
        Some(f) => Ok(f),
        None => {
            let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(v));
            Err(vm.type_error(msg))
        }
    }
}

fn time_sleep(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "sleep", kw)?;
    let [secs] = ArgSpec::exact::<1>(vm, "sleep", args, 0)?;
    let secs = seconds_arg(vm, &secs)?;
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    if secs > 9.2e9 {
        return Err(vm.new_error(ExcKind::OverflowError, "timestamp too large to convert to C _PyTime_t"));
    }
    if secs == 0.0 {
        // sleep(0) is how a thread lets the others run.
        if crate::gil::others_waiting() {
            crate::gil::yield_to_waiting();
        }
        crate::modules::_signal::run_pending_handlers(vm)?;
        return Ok(none());
    }
    let deadline = clock_ns(libc::CLOCK_MONOTONIC) + (secs * 1e9) as i128;
    loop {
        let left = deadline - clock_ns(libc::CLOCK_MONOTONIC);
        if left <= 0 {
            break;
        }
        let ts = libc::timespec {
            tv_sec: (left / 1_000_000_000) as libc::time_t,
            tv_nsec: (left % 1_000_000_000) as libc::c_long,
        };
        // SAFETY: plain syscall; interrupted sleeps are resumed below (PEP 475).
        let rc = vm.allow_threads(|| unsafe { libc::nanosleep(&ts, std::ptr::null_mut()) });
        if rc == 0 {
            break;
        }
        crate::modules::_signal::run_pending_handlers(vm)?;
    }
    // A signal that arrived just as the sleep ended is handled now.
    crate::modules::_signal::run_pending_handlers(vm)?;
    Ok(none())
}

// --- calendar conversions ------------------------------------------------------------

fn tm_to_struct(vm: &mut Vm, tm: &libc::tm) -> Value {
    let zone = if tm.tm_zone.is_null() {
        none()
    } else {
        // SAFETY: tm_zone points to a NUL-terminated static or tzdata string.
        let s = unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }.to_string_lossy().into_owned();
        new_str(&s)
    };
    let values = vec![
        Value::int(tm.tm_year as i64 + 1900),
        Value::int(tm.tm_mon as i64 + 1),
        Value::int(tm.tm_mday as i64),
        Value::int(tm.tm_hour as i64),
        Value::int(tm.tm_min as i64),
        Value::int(tm.tm_sec as i64),
        Value::int((tm.tm_wday as i64 + 6) % 7),
        Value::int(tm.tm_yday as i64 + 1),
        Value::int(tm.tm_isdst as i64),
        zone,
        Value::int(tm.tm_gmtoff),
    ];
    new_structseq(vm, struct_time_type(), values)
}

/// `secs` argument of gmtime/localtime/ctime: None means now; floats are floored.
fn time_t_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<libc::time_t> {
    let Some(v) = v.filter(|v| !v.is_none()) else {
        return Ok((clock_ns(libc::CLOCK_REALTIME) / 1_000_000_000) as libc::time_t);
    };
    if let Some(i) = crate::objects::int::as_int(v) {
        return i
            .to_i64()
            .ok_or_else(|| vm.new_error(ExcKind::OverflowError, "timestamp out of range for platform time_t"));
    }
    let f = match crate::objects::float::as_float(v) {
        Some(f) => f,
        None => {
            let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(v));
            return Err(vm.type_error(msg));
        }
    };
    if f.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    let fl = f.floor();
    if !(-9.2e18..9.2e18).contains(&fl) {
        return Err(vm.new_error(ExcKind::OverflowError, "timestamp out of range for platform time_t"));
    }
    Ok(fl as libc::time_t)
}

fn time_gmtime(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "gmtime", kw)?;
    ArgSpec::range(vm, "gmtime", args, 0, 0, 1)?;
    let t = time_t_arg(vm, args.first())?;
    // SAFETY: plain data filled by the call.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    if unsafe { libc::gmtime_r(&t, &mut tm) }.is_null() {
        return Err(crate::types::exc::last_os_error(vm, None, None));
    }
    Ok(tm_to_struct(vm, &tm))
}

fn local_tm(vm: &mut Vm, t: libc::time_t) -> PyResult<libc::tm> {
    // SAFETY: plain data filled by the call.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    if unsafe { libc::localtime_r(&t, &mut tm) }.is_null() {
        // CPython reports any failure (EOVERFLOW for a year beyond int) as OSError.
        let e = std::io::Error::last_os_error().raw_os_error().filter(|&e| e != 0).unwrap_or(libc::EINVAL);
        return Err(crate::types::exc::os_error(vm, e, None, None));
    }
    Ok(tm)
}

fn time_localtime(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "localtime", kw)?;
    ArgSpec::range(vm, "localtime", args, 0, 0, 1)?;
    let t = time_t_arg(vm, args.first())?;
    let tm = local_tm(vm, t)?;
    Ok(tm_to_struct(vm, &tm))
}

/// A struct_time or 9-tuple as a C `tm` (plus the zone name to keep alive).
fn tm_from_arg(vm: &mut Vm, fname: &str, v: &Value) -> PyResult<(libc::tm, Option<CString>)> {
    let Some(t) = v.downcast_ref::<TupleObject>() else {
        return Err(vm.type_error("Tuple or struct_time argument required"));
    };
    if t.len() != 9 {
        let msg = format!("{fname}(): illegal time tuple argument");
        return Err(vm.type_error(msg));
    }
    let items = t.items().to_vec();
    let mut f = [0i64; 9];
    for (i, it) in items.iter().enumerate() {
        if crate::objects::float::as_float(it).is_some() && crate::objects::int::as_int(it).is_none() {
            return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
        }
        let iv = vm.index(it)?;
        f[i] = match crate::objects::int::as_int(&iv).and_then(|n| n.to_i64()) {
            Some(n) => n,
            None => return Err(vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C long")),
        };
        // Each field is a C int, as CPython's "i" conversions require.
        if f[i] > i32::MAX as i64 {
            return Err(vm.new_error(ExcKind::OverflowError, "signed integer is greater than maximum"));
        }
        if f[i] < i32::MIN as i64 {
            return Err(vm.new_error(ExcKind::OverflowError, "signed integer is less than minimum"));
        }
    }
    if f[0] < i32::MIN as i64 + 1900 {
        return Err(vm.new_error(ExcKind::OverflowError, "year out of range"));
    }
    // SAFETY: plain data.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    tm.tm_year = (f[0] - 1900) as i32;
    tm.tm_mon = (f[1] - 1) as i32;
    tm.tm_mday = f[2] as i32;
    tm.tm_hour = f[3] as i32;
    tm.tm_min = f[4] as i32;
    tm.tm_sec = f[5] as i32;
    tm.tm_wday = ((f[6] + 1) % 7) as i32;
    tm.tm_yday = (f[7] - 1) as i32;
    tm.tm_isdst = f[8] as i32;
    let mut zone = None;
    if crate::typeobj::type_of(v).is_subtype(struct_time_type()) {
        let z = crate::attr::instance_get(v, &crate::objects::str::intern("tm_zone"));
        if let Some(s) = z.as_ref().and_then(|z| z.downcast_ref::<StrObject>()) {
            zone = CString::new(s.to_string_lossy()).ok();
        }
        let off = crate::attr::instance_get(v, &crate::objects::str::intern("tm_gmtoff"));
        if let Some(o) = off.and_then(|o| o.as_small_int()) {
            tm.tm_gmtoff = o;
        }
    }
    if let Some(z) = &zone {
        tm.tm_zone = z.as_ptr();
    }
    Ok((tm, zone))
}

/// CPython's `checktm`: range checks after the strftime/asctime normalization.
fn check_tm(vm: &mut Vm, tm: &mut libc::tm) -> PyResult<()> {
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    } else if !(0..=11).contains(&tm.tm_mon) {
        return Err(vm.value_error("month out of range"));
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    } else if !(0..=31).contains(&tm.tm_mday) {
        return Err(vm.value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.tm_hour) {
        return Err(vm.value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.tm_min) {
        return Err(vm.value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return Err(vm.value_error("seconds out of range"));
    }
    if tm.tm_wday < 0 {
        return Err(vm.value_error("day of week out of range"));
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    } else if !(0..=365).contains(&tm.tm_yday) {
        return Err(vm.value_error("day of year out of range"));
    }
    Ok(())
}

fn now_local(vm: &mut Vm) -> PyResult<libc::tm> {
    let t = (clock_ns(libc::CLOCK_REALTIME) / 1_000_000_000) as libc::time_t;
    local_tm(vm, t)
}

fn time_strftime(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "strftime", kw)?;
    ArgSpec::range(vm, "strftime", args, 0, 1, 2)?;
    let Some(fmt) = args[0].downcast_ref::<StrObject>() else {
        let msg = format!("strftime() argument 1 must be str, not {}", vm.type_name(&args[0]));
        return Err(vm.type_error(msg));
    };
    let (mut tm, _zone) = match args.get(1) {
        Some(t) => {
            let (mut tm, z) = tm_from_arg(vm, "strftime", t)?;
            check_tm(vm, &mut tm)?;
            // CPython normalizes isdst to -1, 0 or 1.
            tm.tm_isdst = tm.tm_isdst.clamp(-1, 1);
            (tm, z)
        }
        None => (now_local(vm)?, None),
    };
    let fmt_bytes = crate::modules::posix::fs_encode(vm, fmt)?;
    if fmt_bytes.contains(&0) {
        return Err(vm.value_error("embedded null character"));
    }
    if fmt_bytes.is_empty() {
        return Ok(new_str(""));
    }
    let cfmt = CString::new(fmt_bytes.clone()).map_err(|_| vm.value_error("embedded null character"))?;
    let mut size = 1024usize;
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: `buf` is writable for `size` bytes; `tm` and `cfmt` are valid.
        let n = unsafe { libc::strftime(buf.as_mut_ptr() as *mut libc::c_char, size, cfmt.as_ptr(), &mut tm) };
        if n > 0 || size >= 256 * fmt_bytes.len() {
            buf.truncate(n);
            return Ok(crate::modules::posix::fs_decode(&buf));
        }
        size *= 2;
    }
}

fn time_strptime(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "strptime", kw)?;
    ArgSpec::range(vm, "strptime", args, 0, 1, 2)?;
    let m = vm.import_absolute("_strptime")?;
    let f = vm.getattr_str(&m, "_strptime_time")?;
    vm.call(&f, args, None)
}

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn asctime_text(tm: &libc::tm) -> String {
    format!(
        "{} {}{:>3} {:02}:{:02}:{:02} {}",
        DAYS.get(tm.tm_wday as usize).unwrap_or(&"???"),
        MONTHS.get(tm.tm_mon as usize).unwrap_or(&"???"),
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        1900 + tm.tm_year as i64
    )
}

fn time_asctime(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "asctime", kw)?;
    ArgSpec::range(vm, "asctime", args, 0, 0, 1)?;
    let tm = match args.first() {
        Some(t) => {
            let (mut tm, _) = tm_from_arg(vm, "asctime", t)?;
            check_tm(vm, &mut tm)?;
            tm
        }
        None => now_local(vm)?,
    };
    Ok(new_str(&asctime_text(&tm)))
}

fn time_ctime(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "ctime", kw)?;
    ArgSpec::range(vm, "ctime", args, 0, 0, 1)?;
    let t = time_t_arg(vm, args.first())?;
    let tm = local_tm(vm, t)?;
    Ok(new_str(&asctime_text(&tm)))
}

fn time_mktime(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "mktime", kw)?;
    let [t] = ArgSpec::exact::<1>(vm, "mktime", args, 0)?;
    let (mut tm, _zone) = tm_from_arg(vm, "mktime", &t)?;
    // A sentinel to tell a real -1 (1969-12-31 23:59:59) from failure.
    tm.tm_wday = -1;
    // SAFETY: `tm` is valid; mktime normalizes it in place.
    let r = unsafe { libc::mktime(&mut tm) };
    if r == -1 && tm.tm_wday == -1 {
        return Err(vm.new_error(ExcKind::OverflowError, "mktime argument out of range"));
    }
    Ok(Value::float(r as f64))
}

fn time_get_clock_info(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "get_clock_info", kw)?;
    let [name] = ArgSpec::exact::<1>(vm, "get_clock_info", args, 0)?;
    let Some(n) = name.downcast_ref::<StrObject>() else {
        let msg = format!("get_clock_info() argument 1 must be str, not {}", vm.type_name(&name));
        return Err(vm.type_error(msg));
    };
    let (imp, clock, monotonic, adjustable) = match n.to_string_lossy().as_str() {
        "time" => ("clock_gettime(CLOCK_REALTIME)", libc::CLOCK_REALTIME, false, true),
        "monotonic" | "perf_counter" => ("clock_gettime(CLOCK_MONOTONIC)", libc::CLOCK_MONOTONIC, true, false),
        "process_time" => (
            "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)",
            libc::CLOCK_PROCESS_CPUTIME_ID,
            true,
            false,
        ),
        "thread_time" => (
            "clock_gettime(CLOCK_THREAD_CPUTIME_ID)",
            libc::CLOCK_THREAD_CPUTIME_ID,
            true,
            false,
        ),
        _ => return Err(vm.value_error("unknown clock")),
    };
    // SAFETY: plain data.
    let mut res: libc::timespec = unsafe { std::mem::zeroed() };
    unsafe { libc::clock_getres(clock, &mut res) };
    let resolution = res.tv_sec as f64 + res.tv_nsec as f64 * 1e-9;
    crate::sysmodule::new_namespace(
        vm,
        &[
            ("implementation", new_str(imp)),
            ("monotonic", Value::bool(monotonic)),
            ("adjustable", Value::bool(adjustable)),
            ("resolution", Value::float(resolution)),
        ],
    )
}

fn clock_id_arg(vm: &mut Vm, v: &Value) -> PyResult<libc::clockid_t> {
    Ok(vm.index_i64(v)? as libc::clockid_t)
}

fn time_clock_gettime(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "clock_gettime", kw)?;
    let [c] = ArgSpec::exact::<1>(vm, "clock_gettime", args, 0)?;
    let c = clock_id_arg(vm, &c)?;
    // SAFETY: plain data.
    let mut ts: libc::timespec = unsafe { std::mem::zeroed() };
    if unsafe { libc::clock_gettime(c, &mut ts) } != 0 {
        return Err(crate::types::exc::last_os_error(vm, None, None));
    }
    Ok(Value::float(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9))
}

fn time_clock_gettime_ns(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "clock_gettime_ns", kw)?;
    let [c] = ArgSpec::exact::<1>(vm, "clock_gettime_ns", args, 0)?;
    let c = clock_id_arg(vm, &c)?;
    // SAFETY: plain data.
    let mut ts: libc::timespec = unsafe { std::mem::zeroed() };
    if unsafe { libc::clock_gettime(c, &mut ts) } != 0 {
        return Err(crate::types::exc::last_os_error(vm, None, None));
    }
    Ok(ns_to_value(ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128))
}

fn set_clock(vm: &mut Vm, clock: libc::clockid_t, ns: i128) -> PyResult<Value> {
    let ts = libc::timespec {
        tv_sec: ns.div_euclid(1_000_000_000) as libc::time_t,
        tv_nsec: ns.rem_euclid(1_000_000_000) as libc::c_long,
    };
    // SAFETY: plain syscall on a filled-in timespec.
    if unsafe { libc::clock_settime(clock, &ts) } != 0 {
        return Err(crate::types::exc::last_os_error(vm, None, None));
    }
    Ok(none())
}

fn time_clock_settime(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "clock_settime", kw)?;
    let [c, t] = ArgSpec::exact::<2>(vm, "clock_settime", args, 0)?;
    let c = clock_id_arg(vm, &c)?;
    let secs = seconds_arg(vm, &t)?;
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if secs.abs() > 9.2e9 {
        return Err(vm.new_error(ExcKind::OverflowError, "timestamp too large to convert to C _PyTime_t"));
    }
    set_clock(vm, c, (secs * 1e9) as i128)
}

fn time_clock_settime_ns(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "clock_settime_ns", kw)?;
    let [c, t] = ArgSpec::exact::<2>(vm, "clock_settime_ns", args, 0)?;
    let c = clock_id_arg(vm, &c)?;
    let Some(ns) = crate::objects::int::as_int(&t) else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(&t));
        return Err(vm.type_error(msg));
    };
    let ns = ns
        .to_i64()
        .ok_or_else(|| vm.new_error(ExcKind::OverflowError, "timestamp too large to convert to C _PyTime_t"))?;
    set_clock(vm, c, ns as i128)
}

/// The CPU-time clock of a thread, given its `threading.get_ident()`.
fn time_pthread_getcpuclockid(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "pthread_getcpuclockid", kw)?;
    let [id] = ArgSpec::exact::<1>(vm, "pthread_getcpuclockid", args, 0)?;
    let id = crate::objects::int::as_int(&id).and_then(|i| u64::try_from(i.to_bigint()).ok());
    let Some(id) = id else {
        return Err(vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C unsigned long"));
    };
    let mut clock: libc::clockid_t = 0;
    // SAFETY: `id` is a pthread_t as `threading.get_ident()` gives it; a
    // stale one is the caller's error, as in CPython.
    let err = unsafe { libc::pthread_getcpuclockid(id as libc::pthread_t, &mut clock) };
    if err != 0 {
        return Err(crate::types::exc::os_error(vm, err, None, None));
    }
    Ok(Value::int(clock as i64))
}

fn time_clock_getres(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "clock_getres", kw)?;
    let [c] = ArgSpec::exact::<1>(vm, "clock_getres", args, 0)?;
    let c = clock_id_arg(vm, &c)?;
    // SAFETY: plain data.
    let mut ts: libc::timespec = unsafe { std::mem::zeroed() };
    if unsafe { libc::clock_getres(c, &mut ts) } != 0 {
        return Err(crate::types::exc::last_os_error(vm, None, None));
    }
    Ok(Value::float(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9))
}

/// timezone, altzone, daylight, tzname from January and July of this year,
/// as CPython's `init_timezone`.
fn zone_info(vm: &mut Vm) -> PyResult<(i64, i64, bool, String, String)> {
    let now = now_local(vm)?;
    let year_start = {
        // SAFETY: plain data.
        let mut tm: libc::tm = unsafe { std::mem::zeroed() };
        tm.tm_year = now.tm_year;
        tm.tm_mday = 1;
        tm.tm_isdst = -1;
        unsafe { libc::timegm(&mut tm) }
    };
    let jan = local_tm(vm, year_start)?;
    let jul = local_tm(vm, year_start + (31 + 28 + 31 + 30 + 31 + 30) * 86400)?;
    let name = |tm: &libc::tm| {
        if tm.tm_zone.is_null() {
            String::new()
        } else {
            // SAFETY: NUL-terminated zone abbreviation.
            unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }.to_string_lossy().into_owned()
        }
    };
    let (janzone, julzone) = (-jan.tm_gmtoff, -jul.tm_gmtoff);
    let (janname, julname) = (name(&jan), name(&jul));
    Ok(if janzone < julzone {
        // Southern hemisphere: DST in January.
        (julzone, janzone, janzone != julzone, julname, janname)
    } else {
        (janzone, julzone, janzone != julzone, janname, julname)
    })
}

fn set_zone_attrs(vm: &mut Vm, dict: &crate::objects::dict::DictObject) -> PyResult<()> {
    let (tz, alt, daylight, std_name, dst_name) = zone_info(vm)?;
    dict.insert_str_key("timezone", Value::int(tz));
    dict.insert_str_key("altzone", Value::int(alt));
    dict.insert_str_key("daylight", Value::int(daylight as i64));
    dict.insert_str_key("tzname", new_tuple(vec![new_str(&std_name), new_str(&dst_name)]));
    Ok(())
}

extern "C" {
    fn tzset();
}

fn time_tzset(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "tzset", kw)?;
    ArgSpec::range(vm, "tzset", args, 0, 0, 0)?;
    // SAFETY: re-reads TZ; no other thread uses the C time functions meanwhile (GIL).
    unsafe { tzset() };
    let module = vm
        .modules_dict()
        .and_then(|d| d.get_str_key("time"))
        .and_then(|m| m.downcast_ref::<crate::objects::module::ModuleObject>().map(|m| m.dict_value()));
    if let Some(d) = module {
        if let Some(dd) = d.downcast_ref::<crate::objects::dict::DictObject>() {
            set_zone_attrs(vm, dd)?;
        }
    }
    Ok(none())
}

pub(crate) fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("time");
    m.doc("This module provides various functions to manipulate time values.");
    let funcs: &[(&'static str, NativeFn)] = &[
        ("time", time_time),
        ("time_ns", time_time_ns),
        ("monotonic", time_monotonic),
        ("monotonic_ns", time_monotonic_ns),
        ("perf_counter", time_perf_counter),
        ("perf_counter_ns", time_perf_counter_ns),
        ("process_time", time_process_time),
        ("process_time_ns", time_process_time_ns),
        ("thread_time", time_thread_time),
        ("thread_time_ns", time_thread_time_ns),
        ("sleep", time_sleep),
        ("gmtime", time_gmtime),
        ("localtime", time_localtime),
        ("mktime", time_mktime),
        ("strftime", time_strftime),
        ("strptime", time_strptime),
        ("asctime", time_asctime),
        ("ctime", time_ctime),
        ("get_clock_info", time_get_clock_info),
        ("clock_gettime", time_clock_gettime),
        ("clock_gettime_ns", time_clock_gettime_ns),
        ("clock_getres", time_clock_getres),
        ("clock_settime", time_clock_settime),
        ("clock_settime_ns", time_clock_settime_ns),
        ("pthread_getcpuclockid", time_pthread_getcpuclockid),
        ("tzset", time_tzset),
    ];
    m.functions(funcs);
    m.type_(struct_time_type());
    for (name, v) in [
        ("CLOCK_REALTIME", libc::CLOCK_REALTIME),
        ("CLOCK_MONOTONIC", libc::CLOCK_MONOTONIC),
        ("CLOCK_MONOTONIC_RAW", libc::CLOCK_MONOTONIC_RAW),
        ("CLOCK_PROCESS_CPUTIME_ID", libc::CLOCK_PROCESS_CPUTIME_ID),
        ("CLOCK_THREAD_CPUTIME_ID", libc::CLOCK_THREAD_CPUTIME_ID),
        ("CLOCK_BOOTTIME", libc::CLOCK_BOOTTIME),
        ("CLOCK_TAI", libc::CLOCK_TAI),
    ] {
        m.int(name, v as i64);
    }
    m.int("_STRUCT_TM_ITEMS", 11);
    set_zone_attrs(vm, m.dict())?;
    Ok(m.finish())
}
