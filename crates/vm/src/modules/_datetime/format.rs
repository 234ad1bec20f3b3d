//! Text in and out: isoformat, ctime, utcoffset formatting, the ISO 8601
//! parsers behind `fromisoformat`, and strftime (which preprocesses %z, %Z
//! and %f and hands the rest to `time.strftime`, as CPython's C module does).

use super::delta::{as_delta, Delta};
use super::{weekday, Moment};
use crate::exception::PyResult;
use crate::objects::str::{as_str_obj, new_str};
use crate::objects::tuple::new_tuple;
use crate::value::Value;
use crate::vm::Vm;

const DAY_NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTH_NAMES: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

pub(super) fn ctime(m: &Moment) -> String {
    let (y, mo, d) = m.ymd();
    let wd = weekday(y, mo, d) as usize;
    format!(
        "{} {} {:2} {:02}:{:02}:{:02} {:04}",
        DAY_NAMES[wd % 7],
        MONTH_NAMES[(mo as usize).saturating_sub(1) % 12],
        d,
        m.hour,
        m.minute,
        m.second,
        y
    )
}

pub(super) fn iso_date(m: &Moment) -> String {
    format!("{:04}-{:02}-{:02}", m.year, m.month, m.day)
}

#[derive(Clone, Copy)]
pub(super) enum Timespec {
    Auto,
    Hours,
    Minutes,
    Seconds,
    Milliseconds,
    Microseconds,
}

pub(super) fn parse_timespec(vm: &mut Vm, v: Option<&Value>) -> PyResult<Timespec> {
    let Some(v) = v else {
        return Ok(Timespec::Auto);
    };
    let Some(s) = as_str_obj(v) else {
        let msg = format!("isoformat() argument 2 must be str, not {}", vm.type_name(v));
        return Err(vm.type_error(msg));
    };
    Ok(match s.to_string_lossy().as_str() {
        "auto" => Timespec::Auto,
        "hours" => Timespec::Hours,
        "minutes" => Timespec::Minutes,
        "seconds" => Timespec::Seconds,
        "milliseconds" => Timespec::Milliseconds,
        "microseconds" => Timespec::Microseconds,
        _ => return Err(vm.value_error("Unknown timespec value")),
    })
}

pub(super) fn iso_time(m: &Moment, spec: Timespec) -> String {
    let (h, mi, s, us) = (m.hour, m.minute, m.second, m.us);
    let spec = match spec {
        Timespec::Auto if us != 0 => Timespec::Microseconds,
        Timespec::Auto => Timespec::Seconds,
        other => other,
    };
    match spec {
        Timespec::Hours => format!("{h:02}"),
        Timespec::Minutes => format!("{h:02}:{mi:02}"),
        Timespec::Seconds | Timespec::Auto => format!("{h:02}:{mi:02}:{s:02}"),
        Timespec::Milliseconds => format!("{h:02}:{mi:02}:{s:02}.{:03}", us / 1000),
        Timespec::Microseconds => format!("{h:02}:{mi:02}:{s:02}.{us:06}"),
    }
}

/// `+HH:MM[:SS[.ffffff]]` of an offset (with `sep` between the parts).
pub(super) fn offset_text(offset: Delta, sep: &str) -> String {
    let mut off = offset;
    let sign = if off.days < 0 {
        off = Delta::from_us_unchecked(-off.total_us()).unwrap_or(off);
        '-'
    } else {
        '+'
    };
    let secs = off.days as i64 * 86_400 + off.secs as i64;
    let (h, rem) = (secs / 3600, secs % 3600);
    let (mi, s) = (rem / 60, rem % 60);
    if off.us != 0 {
        format!("{sign}{h:02}{sep}{mi:02}{sep}{s:02}.{:06}", off.us)
    } else if s != 0 {
        format!("{sign}{h:02}{sep}{mi:02}{sep}{s:02}")
    } else {
        format!("{sign}{h:02}{sep}{mi:02}")
    }
}

/// The utcoffset text of `tz` at `arg` ("" when naive or the offset is None).
pub(super) fn format_utcoffset(vm: &mut Vm, tz: &Value, arg: &Value, sep: &str) -> PyResult<String> {
    if tz.is_none() {
        return Ok(String::new());
    }
    let off = super::tz::call_utcoffset(vm, tz, arg)?;
    Ok(match off.as_ref().and_then(as_delta) {
        Some(d) => offset_text(d, sep),
        None => String::new(),
    })
}

// ---------------------------------------------------------------------------
// ISO 8601 parsing (the formats CPython 3.11 accepts). The byte accessor
// reads 0 past the end, as the C parser reads its terminating NUL.

struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn at(&self, i: usize) -> u8 {
        self.0.get(i).copied().unwrap_or(0)
    }

    /// `n` digits from `pos` into `var`; None if a non-digit is met.
    fn digits(&self, pos: usize, n: usize, var: &mut i32) -> Option<usize> {
        for i in 0..n {
            let c = self.at(pos + i);
            if !c.is_ascii_digit() {
                return None;
            }
            *var = *var * 10 + (c - b'0') as i32;
        }
        Some(pos + n)
    }
}

/// The date part (first `len` bytes): Ok((y, m, d)) or Err(()).
pub(super) fn parse_iso_date(s: &[u8], len: usize) -> Result<(i32, i32, i32), ()> {
    let b = Bytes(s);
    let (mut year, mut month, mut day) = (0, 0, 0);
    let mut p = b.digits(0, 4, &mut year).ok_or(())?;
    let uses_sep = b.at(p) == b'-';
    if uses_sep {
        p += 1;
    }
    if b.at(p) == b'W' {
        p += 1;
        let (mut week, mut wd) = (0, 0);
        p = b.digits(p, 2, &mut week).ok_or(())?;
        if p < len {
            if uses_sep {
                let c = b.at(p);
                p += 1;
                if c != b'-' {
                    return Err(());
                }
            }
            b.digits(p, 1, &mut wd).ok_or(())?;
        } else {
            wd = 1;
        }
        return super::iso_to_ymd(year, week, wd).map_err(|_| ());
    }
    p = b.digits(p, 2, &mut month).ok_or(())?;
    if uses_sep {
        let c = b.at(p);
        p += 1;
        if c != b'-' {
            return Err(());
        }
    }
    b.digits(p, 2, &mut day).ok_or(())?;
    Ok((year, month, day))
}

/// `[HH[:?MM[:?SS[.ffffff]]]]` between `start` and `end`: Ok(trailing
/// garbage?) with the fields, or Err on malformed input.
fn parse_hh_mm_ss_ff(b: &Bytes, start: usize, end: usize, vals: &mut [i32; 4]) -> Result<bool, ()> {
    *vals = [0; 4];
    let mut p = start;
    let mut has_sep = true;
    let mut i = 0;
    while i < 3 {
        let mut v = 0;
        p = b.digits(p, 2, &mut v).ok_or(())?;
        vals[i] = v;
        let c = b.at(p);
        p += 1;
        if i == 0 {
            has_sep = c == b':';
        }
        if p >= end {
            return Ok(c != 0);
        } else if has_sep && c == b':' {
            i += 1;
            continue;
        } else if c == b'.' || c == b',' {
            break;
        } else if !has_sep {
            p -= 1;
        } else {
            return Err(());
        }
        i += 1;
    }
    let remains = end.saturating_sub(p);
    let to_parse = remains.min(6);
    let mut us = 0;
    p = b.digits(p, to_parse, &mut us).ok_or(())?;
    const CORRECTION: [i32; 5] = [100_000, 10_000, 1_000, 100, 10];
    if (1..6).contains(&to_parse) {
        us *= CORRECTION[to_parse - 1];
    }
    vals[3] = us;
    while b.at(p).is_ascii_digit() {
        p += 1;
    }
    Ok(b.at(p) != 0)
}

/// Parsed time: fields, and the UTC offset (seconds, microseconds) if given.
pub(super) struct IsoTime {
    pub fields: [i32; 4],
    pub offset: Option<(i32, i32)>,
}

pub(super) fn parse_iso_time(s: &[u8]) -> Result<IsoTime, ()> {
    let b = Bytes(s);
    let end = s.len();
    let mut tzpos = 0;
    loop {
        let c = b.at(tzpos);
        if c == b'Z' || c == b'+' || c == b'-' {
            break;
        }
        tzpos += 1;
        if tzpos >= end {
            break;
        }
    }
    let mut fields = [0; 4];
    let rv = parse_hh_mm_ss_ff(&b, 0, tzpos, &mut fields)?;
    if tzpos >= end {
        return if rv { Err(()) } else { Ok(IsoTime { fields, offset: None }) };
    }
    if b.at(tzpos) == b'Z' {
        return if b.at(tzpos + 1) != 0 { Err(()) } else { Ok(IsoTime { fields, offset: Some((0, 0)) }) };
    }
    let sign = if b.at(tzpos) == b'-' { -1 } else { 1 };
    let mut tz = [0; 4];
    let rv = parse_hh_mm_ss_ff(&b, tzpos + 1, end, &mut tz)?;
    if rv {
        return Err(());
    }
    let secs = sign * (tz[0] * 3600 + tz[1] * 60 + tz[2]);
    Ok(IsoTime { fields, offset: Some((secs, sign * tz[3])) })
}

/// Where the date ends in a datetime string (CPython's separator search).
pub(super) fn find_datetime_separator(s: &[u8]) -> Option<usize> {
    let b = Bytes(s);
    let len = s.len();
    if len == 7 {
        return Some(7);
    }
    if b.at(4) == b'-' {
        if b.at(5) == b'W' {
            if len < 8 {
                return None;
            }
            if len > 8 && b.at(8) == b'-' {
                if len == 9 {
                    return None;
                }
                if len > 10 && b.at(10).is_ascii_digit() {
                    return Some(8);
                }
                return Some(10);
            }
            return Some(8);
        }
        return Some(10);
    }
    if b.at(4) == b'W' {
        let mut idx = 7;
        while idx < len && b.at(idx).is_ascii_digit() {
            idx += 1;
        }
        if idx < 9 {
            return Some(idx);
        }
        return Some(if idx % 2 == 0 { 7 } else { 8 });
    }
    Some(8)
}

// ---------------------------------------------------------------------------
// strftime.

/// `time.struct_time((y, m, d, hh, mm, ss, wday, yday, dst))`.
pub(super) fn build_struct_time(vm: &mut Vm, y: i32, m: i32, d: i32, hh: i32, mm: i32, ss: i32, dst: i32) -> PyResult<Value> {
    let time = vm.import_absolute("time")?;
    let st = vm.getattr_str(&time, "struct_time")?;
    let yday = super::ymd_to_ord(y, m, d) - super::ymd_to_ord(y, 1, 1) + 1;
    let items = [y, m, d, hh, mm, ss, weekday(y, m, d), yday, dst];
    let tuple = new_tuple(items.iter().map(|&i| Value::int(i as i64)).collect());
    vm.call1(&st, tuple)
}

/// A tzname with `%` doubled, through its own `replace` for str subclasses
/// (as CPython calls it).
fn escape_tzname(vm: &mut Vm, name: &Value) -> PyResult<String> {
    let r = if std::ptr::eq(crate::typeobj::type_of(name), crate::typeobj::STR_TYPE.get()) {
        name.clone()
    } else {
        vm.call_method(name, "replace", &[new_str("%"), new_str("%%")])?
    };
    let Some(s) = as_str_obj(&r) else {
        return Err(vm.type_error("tzname.replace() did not return a string"));
    };
    let text = utf8_or_error(vm, s)?;
    Ok(if r.is(name) { text.replace('%', "%%") } else { text })
}

/// UTF-8 of a str, or the UnicodeEncodeError CPython's PyUnicode_AsUTF8 gives
/// for a lone surrogate.
fn utf8_or_error(vm: &mut Vm, s: &crate::objects::str::StrObject) -> PyResult<String> {
    if let Some(t) = s.to_utf8() {
        return Ok(t.into_owned());
    }
    let (pos, cp) = s.code_points().enumerate().find(|(_, c)| (0xD800..0xE000).contains(c)).unwrap_or((0, 0xD800));
    let msg = format!("'utf-8' codec can't encode character '\\u{cp:04x}' in position {pos}: surrogates not allowed");
    Err(vm.new_error(crate::exception::ExcKind::UnicodeEncodeError, msg))
}

/// The format with %z, %Z and %f replaced, then `time.strftime(fmt, tt)`.
/// `tz` is the object's tzinfo (None for dates), `us` its microseconds.
pub(super) fn wrap_strftime(vm: &mut Vm, tz: &Value, us: u32, format: &Value, timetuple: Value, tzarg: &Value) -> PyResult<Value> {
    let Some(f) = as_str_obj(format) else {
        let msg = format!("strftime() argument 1 must be str, not {}", vm.type_name(format));
        return Err(vm.type_error(msg));
    };
    let text = utf8_or_error(vm, f)?;
    let bytes = text.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len() + 8);
    let mut z: Option<String> = None;
    let mut big_z: Option<String> = None;
    let mut i = 0;
    // The C code stops at an embedded NUL.
    let end = bytes.iter().position(|&c| c == 0).unwrap_or(bytes.len());
    while i < end {
        let c = bytes[i];
        if c != b'%' || i + 1 >= end {
            out.push(c);
            i += 1;
            continue;
        }
        let next = bytes[i + 1];
        i += 2;
        match next {
            b'z' => {
                if z.is_none() {
                    z = Some(format_utcoffset(vm, tz, tzarg, "")?);
                }
                out.extend_from_slice(z.as_deref().unwrap_or("").as_bytes());
            }
            b'Z' => {
                if big_z.is_none() {
                    let mut s = String::new();
                    if !tz.is_none() {
                        if let Some(name) = super::tz::call_tzname(vm, tz, tzarg)? {
                            s = escape_tzname(vm, &name)?;
                        }
                    }
                    big_z = Some(s);
                }
                out.extend_from_slice(big_z.as_deref().unwrap_or("").as_bytes());
            }
            b'f' => out.extend_from_slice(format!("{us:06}").as_bytes()),
            _ => {
                out.push(b'%');
                out.push(next);
            }
        }
    }
    let newfmt = new_str(&String::from_utf8_lossy(&out));
    let time = vm.import_absolute("time")?;
    let strftime = vm.getattr_str(&time, "strftime")?;
    vm.call(&strftime, &[newfmt, timetuple], None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates() {
        assert_eq!(parse_iso_date(b"2023-12-31", 10), Ok((2023, 12, 31)));
        assert_eq!(parse_iso_date(b"20231231", 8), Ok((2023, 12, 31)));
        assert_eq!(parse_iso_date(b"2020-W01-1", 10), Ok((2019, 12, 30)));
        assert!(parse_iso_date(b"2023-1231", 9).is_err());
    }

    #[test]
    fn iso_times() {
        let t = parse_iso_time(b"04:23:01.000384").unwrap();
        assert_eq!(t.fields, [4, 23, 1, 384]);
        assert!(t.offset.is_none());
        let t = parse_iso_time(b"04:23+05:30").unwrap();
        assert_eq!(t.fields, [4, 23, 0, 0]);
        assert_eq!(t.offset, Some((19_800, 0)));
        assert!(parse_iso_time(b"04:23:01x").is_err());
    }

    #[test]
    fn offsets() {
        assert_eq!(offset_text(Delta { days: -1, secs: 68_400, us: 0 }, ":"), "-05:00");
        assert_eq!(offset_text(Delta { days: 0, secs: 19_801, us: 5 }, ""), "+053001.000005");
    }
}
