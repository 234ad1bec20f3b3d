//! `_locale`: the C library's locale support behind `Lib/locale.py`
//! (setlocale, localeconv, nl_langinfo, strcoll, strxfrm, the gettext
//! bindings), over libc as CPython's C module is.
//!
//! CPython sets LC_CTYPE from the environment at start-up, coercing the
//! legacy "C"/"POSIX" locale to a UTF-8 one (PEP 538); pyrite does the same
//! when this module is first imported, so that a query gives the same answer.

use crate::args::{check_no_kwargs, ArgSpec};
use crate::exception::{ExcKind, PyErr, PyResult};
use crate::gil::GilCell;
use crate::modules::binascii::{new_exception_class, raise_in};
use crate::modules::ModuleBuilder;
use crate::objects::dict::DictObject;
use crate::objects::list::new_list;
use crate::objects::singletons::none;
use crate::objects::str::{new_str, StrObject};
use crate::typeobj::KwNames;
use crate::value::Value;
use crate::vm::Vm;
use std::ffi::{CStr, CString};

/// `locale.Error`, made at the first import.
static ERROR: GilCell<Option<Value>> = GilCell::new(None);

fn locale_error(vm: &mut Vm, msg: &str) -> PyErr {
    raise_in(vm, &ERROR, msg)
}

/// Text from the C library (in the locale's encoding; UTF-8 or ASCII in
/// practice), undecodable bytes kept as surrogate escapes would be in CPython.
fn c_text(p: *const libc::c_char) -> Value {
    if p.is_null() {
        return new_str("");
    }
    // SAFETY: a NUL-terminated string owned by the C library, read at once.
    let bytes = unsafe { CStr::from_ptr(p) }.to_bytes();
    new_str(&String::from_utf8_lossy(bytes))
}


/// A str argument as a C string ("embedded null character" otherwise).
fn c_string_arg(vm: &mut Vm, fname: &str, argnum: usize, v: &Value) -> PyResult<CString> {
    let Some(s) = v.downcast_ref::<StrObject>() else {
        let msg = format!("{fname}() argument {argnum} must be str, not {}", vm.type_name(v));
        return Err(vm.type_error(msg));
    };
    let text = s.to_string_lossy();
    CString::new(text).map_err(|_| vm.value_error("embedded null character"))
}

fn setlocale(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "setlocale", kw)?;
    ArgSpec::range(vm, "setlocale", args, 0, 1, 2)?;
    let category = vm.arg_c_int(&args[0])?;
    match args.get(1).filter(|v| !v.is_none()) {
        Some(loc) => {
            let Some(s) = loc.downcast_ref::<StrObject>() else {
                let msg = format!("setlocale() argument 2 must be str or None, not {}", vm.type_name(loc));
                return Err(vm.type_error(msg));
            };
            let Ok(c) = CString::new(s.to_string_lossy()) else {
                return Err(vm.value_error("embedded null character"));
            };
            // SAFETY: plain call with a NUL-terminated string, under the GIL.
            let result = unsafe { libc::setlocale(category, c.as_ptr()) };
            if result.is_null() {
                return Err(locale_error(vm, "unsupported locale setting"));
            }
            Ok(c_text(result))
        }
        None => {
            // SAFETY: a query.
            let result = unsafe { libc::setlocale(category, std::ptr::null()) };
            if result.is_null() {
                return Err(locale_error(vm, "locale query failed"));
            }
            Ok(c_text(result))
        }
    }
}

/// `lconv` grouping strings as lists: each group size, then the 0 (repeat
/// the last) or CHAR_MAX (no more grouping) that ends it; empty: [].
fn grouping(p: *const libc::c_char) -> Value {
    if p.is_null() {
        return new_list(Vec::new());
    }
    // SAFETY: a NUL-terminated string owned by the C library.
    let bytes = unsafe { CStr::from_ptr(p) }.to_bytes();
    let mut items = Vec::new();
    for &b in bytes {
        let n = b as libc::c_char as i64;
        items.push(Value::int(n));
        if n == libc::c_char::MAX as i64 {
            return new_list(items);
        }
    }
    if !items.is_empty() {
        items.push(Value::int(0));
    }
    new_list(items)
}

fn localeconv(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "localeconv", kw)?;
    ArgSpec::exact::<0>(vm, "localeconv", args, 0)?;
    // SAFETY: the returned struct is owned by the C library and read here,
    // before any other locale call (the GIL is held).
    let lc = unsafe { &*libc::localeconv() };
    let d = DictObject::new_value();
    let Some(dict) = d.downcast_ref::<DictObject>() else { return Ok(d) };
    for (key, p) in [
        ("int_curr_symbol", lc.int_curr_symbol),
        ("currency_symbol", lc.currency_symbol),
        ("mon_decimal_point", lc.mon_decimal_point),
        ("mon_thousands_sep", lc.mon_thousands_sep),
    ] {
        dict.insert_str_key(key, c_text(p));
    }
    dict.insert_str_key("mon_grouping", grouping(lc.mon_grouping));
    dict.insert_str_key("positive_sign", c_text(lc.positive_sign));
    dict.insert_str_key("negative_sign", c_text(lc.negative_sign));
    for (key, v) in [
        ("int_frac_digits", lc.int_frac_digits),
        ("frac_digits", lc.frac_digits),
        ("p_cs_precedes", lc.p_cs_precedes),
        ("p_sep_by_space", lc.p_sep_by_space),
        ("n_cs_precedes", lc.n_cs_precedes),
        ("n_sep_by_space", lc.n_sep_by_space),
        ("p_sign_posn", lc.p_sign_posn),
        ("n_sign_posn", lc.n_sign_posn),
    ] {
        dict.insert_str_key(key, Value::int(v as i64));
    }
    dict.insert_str_key("decimal_point", c_text(lc.decimal_point));
    dict.insert_str_key("thousands_sep", c_text(lc.thousands_sep));
    dict.insert_str_key("grouping", grouping(lc.grouping));
    Ok(d)
}

/// The `nl_langinfo` items CPython offers, by name.
const LANGINFO: &[(&str, libc::nl_item)] = &[
    ("RADIXCHAR", libc::RADIXCHAR),
    ("THOUSEP", libc::THOUSEP),
    ("CRNCYSTR", libc::CRNCYSTR),
    ("CODESET", libc::CODESET),
    ("D_T_FMT", libc::D_T_FMT),
    ("D_FMT", libc::D_FMT),
    ("T_FMT", libc::T_FMT),
    ("AM_STR", libc::AM_STR),
    ("PM_STR", libc::PM_STR),
    ("DAY_1", libc::DAY_1),
    ("DAY_2", libc::DAY_2),
    ("DAY_3", libc::DAY_3),
    ("DAY_4", libc::DAY_4),
    ("DAY_5", libc::DAY_5),
    ("DAY_6", libc::DAY_6),
    ("DAY_7", libc::DAY_7),
    ("ABDAY_1", libc::ABDAY_1),
    ("ABDAY_2", libc::ABDAY_2),
    ("ABDAY_3", libc::ABDAY_3),
    ("ABDAY_4", libc::ABDAY_4),
    ("ABDAY_5", libc::ABDAY_5),
    ("ABDAY_6", libc::ABDAY_6),
    ("ABDAY_7", libc::ABDAY_7),
    ("MON_1", libc::MON_1),
    ("MON_2", libc::MON_2),
    ("MON_3", libc::MON_3),
    ("MON_4", libc::MON_4),
    ("MON_5", libc::MON_5),
    ("MON_6", libc::MON_6),
    ("MON_7", libc::MON_7),
    ("MON_8", libc::MON_8),
    ("MON_9", libc::MON_9),
    ("MON_10", libc::MON_10),
    ("MON_11", libc::MON_11),
    ("MON_12", libc::MON_12),
    ("ABMON_1", libc::ABMON_1),
    ("ABMON_2", libc::ABMON_2),
    ("ABMON_3", libc::ABMON_3),
    ("ABMON_4", libc::ABMON_4),
    ("ABMON_5", libc::ABMON_5),
    ("ABMON_6", libc::ABMON_6),
    ("ABMON_7", libc::ABMON_7),
    ("ABMON_8", libc::ABMON_8),
    ("ABMON_9", libc::ABMON_9),
    ("ABMON_10", libc::ABMON_10),
    ("ABMON_11", libc::ABMON_11),
    ("ABMON_12", libc::ABMON_12),
    ("T_FMT_AMPM", libc::T_FMT_AMPM),
    ("ERA", libc::ERA),
    ("ERA_D_FMT", libc::ERA_D_FMT),
    ("ERA_D_T_FMT", libc::ERA_D_T_FMT),
    ("ERA_T_FMT", libc::ERA_T_FMT),
    ("ALT_DIGITS", libc::ALT_DIGITS),
    ("YESEXPR", libc::YESEXPR),
    ("NOEXPR", libc::NOEXPR),
    // glibc's date(1) format (_NL_DATE_FMT).
    ("_DATE_FMT", 0x2006C),
];

fn nl_langinfo(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "nl_langinfo", kw)?;
    let [key] = ArgSpec::exact::<1>(vm, "nl_langinfo", args, 0)?;
    let key = vm.arg_c_int(&key)?;
    if !LANGINFO.iter().any(|&(_, item)| item == key) {
        return Err(vm.value_error("unsupported langinfo constant"));
    }
    // SAFETY: a known item; the result is read at once.
    let p = unsafe { libc::nl_langinfo(key) };
    Ok(c_text(p))
}

/// A str as the C library's wide characters (NUL-terminated).
fn wide(vm: &mut Vm, fname: &str, argnum: usize, v: &Value) -> PyResult<Vec<libc::wchar_t>> {
    let Some(s) = v.downcast_ref::<StrObject>() else {
        let msg = format!("{fname}() argument {argnum} must be str, not {}", vm.type_name(v));
        return Err(vm.type_error(msg));
    };
    let mut out: Vec<libc::wchar_t> = s.code_points().map(|c| c as libc::wchar_t).collect();
    if out.contains(&0) {
        return Err(vm.value_error("embedded null character"));
    }
    out.push(0);
    Ok(out)
}

extern "C" {
    fn wcscoll(a: *const libc::wchar_t, b: *const libc::wchar_t) -> libc::c_int;
    fn wcsxfrm(dest: *mut libc::wchar_t, src: *const libc::wchar_t, n: libc::size_t) -> libc::size_t;
    fn gettext(msgid: *const libc::c_char) -> *mut libc::c_char;
    fn dgettext(domain: *const libc::c_char, msgid: *const libc::c_char) -> *mut libc::c_char;
    fn dcgettext(domain: *const libc::c_char, msgid: *const libc::c_char, category: libc::c_int) -> *mut libc::c_char;
    fn textdomain(domain: *const libc::c_char) -> *mut libc::c_char;
    fn bindtextdomain(domain: *const libc::c_char, dir: *const libc::c_char) -> *mut libc::c_char;
    fn bind_textdomain_codeset(domain: *const libc::c_char, codeset: *const libc::c_char) -> *mut libc::c_char;
}

fn strcoll(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "strcoll", kw)?;
    let [a, b] = ArgSpec::exact::<2>(vm, "strcoll", args, 0)?;
    let a = wide(vm, "strcoll", 1, &a)?;
    let b = wide(vm, "strcoll", 2, &b)?;
    // SAFETY: both NUL-terminated.
    let r = unsafe { wcscoll(a.as_ptr(), b.as_ptr()) } as i64;
    // In the C locale wcscoll is wcscmp, whose magnitude glibc leaves to
    // the code path the buffers' alignment picks; CPython's allocations get
    // -1/1 there, so the sign is what is stable.
    Ok(Value::int(if collate_is_c() { r.signum() } else { r }))
}

/// Whether LC_COLLATE is the C (POSIX) locale.
fn collate_is_c() -> bool {
    // SAFETY: a query (NULL locale) returns a NUL-terminated string owned by libc.
    let name = unsafe { libc::setlocale(libc::LC_COLLATE, std::ptr::null()) };
    if name.is_null() {
        return true;
    }
    let name = unsafe { std::ffi::CStr::from_ptr(name) }.to_bytes();
    name == b"C" || name == b"POSIX"
}

fn strxfrm(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "strxfrm", kw)?;
    let [s] = ArgSpec::exact::<1>(vm, "strxfrm", args, 0)?;
    let src = wide(vm, "strxfrm", 1, &s)?;
    let mut buf: Vec<libc::wchar_t> = vec![0; src.len() + 1];
    // SAFETY: `buf` has room for buf.len() wide characters; `src` ends in NUL.
    let mut n = unsafe { wcsxfrm(buf.as_mut_ptr(), src.as_ptr(), buf.len()) };
    if n >= buf.len() {
        buf = vec![0; n + 1];
        // SAFETY: as above, with the size the first call asked for.
        n = unsafe { wcsxfrm(buf.as_mut_ptr(), src.as_ptr(), buf.len()) };
    }
    let cps: Vec<u32> = buf[..n.min(buf.len())].iter().map(|&c| c as u32).collect();
    Ok(crate::objects::str::new_str_from_cps(&cps))
}

fn getencoding(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "getencoding", kw)?;
    ArgSpec::exact::<0>(vm, "getencoding", args, 0)?;
    // SAFETY: a query, read at once.
    let p = unsafe { libc::nl_langinfo(libc::CODESET) };
    let codeset = if p.is_null() {
        String::new()
    } else {
        // SAFETY: NUL-terminated, owned by the C library.
        unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
    };
    // An empty CODESET means UTF-8 in CPython's eyes; ASCII ("ANSI_X3.4-1968")
    // is reported as such.
    Ok(new_str(if codeset.is_empty() { "UTF-8" } else { &codeset }))
}

/// An optional str argument as a C string (None: NULL).
fn opt_c_string(vm: &mut Vm, fname: &str, argnum: usize, v: Option<&Value>) -> PyResult<Option<CString>> {
    match v.filter(|v| !v.is_none()) {
        Some(v) => c_string_arg(vm, fname, argnum, v).map(Some),
        None => Ok(None),
    }
}

fn ptr_of(c: &Option<CString>) -> *const libc::c_char {
    c.as_ref().map_or(std::ptr::null(), |c| c.as_ptr())
}

fn gettext_fn(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "gettext", kw)?;
    let [msg] = ArgSpec::exact::<1>(vm, "gettext", args, 0)?;
    let m = c_string_arg(vm, "gettext", 1, &msg)?;
    // SAFETY: NUL-terminated; the result is read at once.
    Ok(c_text(unsafe { gettext(m.as_ptr()) }))
}

fn dgettext_fn(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "dgettext", kw)?;
    let [domain, msg] = ArgSpec::exact::<2>(vm, "dgettext", args, 0)?;
    let d = opt_c_string(vm, "dgettext", 1, Some(&domain))?;
    let m = c_string_arg(vm, "dgettext", 2, &msg)?;
    // SAFETY: as above.
    Ok(c_text(unsafe { dgettext(ptr_of(&d), m.as_ptr()) }))
}

fn dcgettext_fn(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "dcgettext", kw)?;
    let [domain, msg, category] = ArgSpec::exact::<3>(vm, "dcgettext", args, 0)?;
    let d = opt_c_string(vm, "dcgettext", 1, Some(&domain))?;
    let m = c_string_arg(vm, "dcgettext", 2, &msg)?;
    let c = vm.arg_c_int(&category)?;
    // SAFETY: as above.
    Ok(c_text(unsafe { dcgettext(ptr_of(&d), m.as_ptr(), c) }))
}

fn textdomain_fn(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "textdomain", kw)?;
    let [domain] = ArgSpec::exact::<1>(vm, "textdomain", args, 0)?;
    let d = opt_c_string(vm, "textdomain", 1, Some(&domain))?;
    // SAFETY: NULL or NUL-terminated.
    let r = unsafe { textdomain(ptr_of(&d)) };
    if r.is_null() {
        return Err(crate::types::exc::last_os_error(vm, None, None));
    }
    Ok(c_text(r))
}

fn bindtextdomain_fn(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "bindtextdomain", kw)?;
    let [domain, dir] = ArgSpec::exact::<2>(vm, "bindtextdomain", args, 0)?;
    let d = c_string_arg(vm, "bindtextdomain", 1, &domain)?;
    if d.as_bytes().is_empty() {
        return Err(vm.value_error("empty string"));
    }
    let dir = match dir.is_none() {
        true => None,
        false => {
            let os = vm.import_absolute("os")?;
            let fsencode = vm.getattr_str(&os, "fsencode")?;
            let b = vm.call1(&fsencode, dir.clone())?;
            let bytes = crate::objects::memoryview::require_bytes_like(vm, &b)?.into_owned();
            Some(CString::new(bytes).map_err(|_| vm.value_error("embedded null byte"))?)
        }
    };
    // SAFETY: NUL-terminated or NULL.
    let r = unsafe { bindtextdomain(d.as_ptr(), ptr_of(&dir)) };
    if r.is_null() {
        return Err(crate::types::exc::last_os_error(vm, None, None));
    }
    Ok(c_text(r))
}

fn bind_textdomain_codeset_fn(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "bind_textdomain_codeset", kw)?;
    let [domain, codeset] = ArgSpec::exact::<2>(vm, "bind_textdomain_codeset", args, 0)?;
    let d = c_string_arg(vm, "bind_textdomain_codeset", 1, &domain)?;
    let c = opt_c_string(vm, "bind_textdomain_codeset", 2, Some(&codeset))?;
    // SAFETY: NUL-terminated or NULL.
    let r = unsafe { bind_textdomain_codeset(d.as_ptr(), ptr_of(&c)) };
    if r.is_null() {
        return Ok(none());
    }
    Ok(c_text(r))
}

/// LC_CTYPE from the environment, the legacy C locale coerced to UTF-8
/// unless PYTHONCOERCECLOCALE=0 (PEP 538), as CPython's start-up leaves it.
fn init_ctype() {
    // SAFETY: setlocale under the GIL, with NUL-terminated strings.
    unsafe {
        let current = libc::setlocale(libc::LC_CTYPE, c"".as_ptr());
        let legacy = current.is_null() || matches!(CStr::from_ptr(current).to_bytes(), b"C" | b"POSIX");
        let coerce = std::env::var_os("PYTHONCOERCECLOCALE").map_or(true, |v| v != "0");
        if legacy && coerce && std::env::var_os("LC_ALL").map_or(true, |v| v.is_empty()) {
            for target in [c"C.UTF-8", c"C.utf8", c"UTF-8"] {
                if !libc::setlocale(libc::LC_CTYPE, target.as_ptr()).is_null() {
                    break;
                }
            }
        }
    }
}

pub(crate) fn init(vm: &mut Vm) -> PyResult<Value> {
    static CTYPE_SET: std::sync::Once = std::sync::Once::new();
    CTYPE_SET.call_once(init_ctype);
    let m = ModuleBuilder::new("_locale");
    m.doc("Support for POSIX locales.");
    // SAFETY: GIL held; the borrow ends before any Python code runs.
    let existing = unsafe { ERROR.get_mut() }.clone();
    let error = match existing {
        Some(c) => c,
        None => {
            let c = new_exception_class(vm, "locale", "Error", ExcKind::Exception)?;
            // SAFETY: as above.
            *unsafe { ERROR.get_mut() } = Some(c.clone());
            c
        }
    };
    m.value("Error", error);
    m.functions(&[
        ("setlocale", setlocale),
        ("localeconv", localeconv),
        ("nl_langinfo", nl_langinfo),
        ("strcoll", strcoll),
        ("strxfrm", strxfrm),
        ("getencoding", getencoding),
        ("gettext", gettext_fn),
        ("dgettext", dgettext_fn),
        ("dcgettext", dcgettext_fn),
        ("textdomain", textdomain_fn),
        ("bindtextdomain", bindtextdomain_fn),
        ("bind_textdomain_codeset", bind_textdomain_codeset_fn),
    ]);
    for (name, v) in [
        ("LC_CTYPE", libc::LC_CTYPE),
        ("LC_COLLATE", libc::LC_COLLATE),
        ("LC_TIME", libc::LC_TIME),
        ("LC_MONETARY", libc::LC_MONETARY),
        ("LC_NUMERIC", libc::LC_NUMERIC),
        ("LC_ALL", libc::LC_ALL),
        ("LC_MESSAGES", libc::LC_MESSAGES),
    ] {
        m.int(name, v as i64);
    }
    m.int("CHAR_MAX", libc::c_char::MAX as i64);
    for &(name, item) in LANGINFO {
        m.int(name, item as i64);
    }
    Ok(m.finish())
}
