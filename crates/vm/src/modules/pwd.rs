//! `pwd`: the password database (getpwuid, getpwnam, getpwall) over libc's
//! reentrant lookups, as CPython's Modules/pwdmodule.c. Entries are
//! `pwd.struct_passwd` struct sequences.

use crate::args::{check_no_kwargs, ArgSpec};
use crate::exception::{ExcKind, PyErr, PyResult};
use crate::modules::posix::{fs_decode, fs_encode};
use crate::modules::structseq::{new_structseq, structseq_type, StructSeqDesc};
use crate::modules::{ModuleBuilder, NativeType};
use crate::objects::int::{as_int, int_from_u64};
use crate::objects::list::new_list;
use crate::objects::singletons::none;
use crate::objects::str::StrObject;
use crate::typeobj::{KwNames, TypeObject};
use crate::value::Value;
use crate::vm::Vm;
use std::ffi::{CStr, CString};


static PASSWD_TYPE: NativeType = NativeType::new();
static PASSWD_DESC: StructSeqDesc = StructSeqDesc {
    module: "pwd",
    name: "struct_passwd",
    fields: &["pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell"],
    n_visible: 7,
    copy_missing: &[],
};

fn passwd_type() -> &'static TypeObject {
    structseq_type(&PASSWD_TYPE, &PASSWD_DESC)
}

/// Why a uid/gid argument was refused by [`id_converter`].
pub(crate) enum IdError {
    /// Not an integer at all (TypeError already made).
    Type(PyErr),
    /// "uid is less than minimum".
    Underflow,
    /// "uid is greater than maximum".
    Overflow,
}

/// CPython's `_Py_Uid_Converter` / `_Py_Gid_Converter`: an integer through
/// `__index__` that fits `uid_t`, -1 standing for `(uid_t)-1`. `what` is
/// "uid" or "gid" for the TypeError.
pub(crate) fn id_converter(vm: &mut Vm, v: &Value, what: &str) -> Result<u32, IdError> {
    let iv = match vm.index(v) {
        Ok(iv) => iv,
        Err(_) => {
            let msg = format!("{what} should be integer, not {}", vm.type_name(v));
            return Err(IdError::Type(vm.type_error(msg)));
        }
    };
    let Some(n) = as_int(&iv) else {
        return Err(IdError::Overflow);
    };
    match n.to_i64() {
        Some(-1) => Ok(u32::MAX),
        // A C long that is negative, or does not fit uid_t, is "less than minimum"
        // (CPython's truncation check lands there too).
        Some(i) => u32::try_from(i).map_err(|_| IdError::Underflow),
        None if n.is_negative() => Err(IdError::Underflow),
        None => Err(IdError::Overflow),
    }
}

/// [`id_converter`] with CPython's OverflowError messages.
pub(crate) fn id_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<u32> {
    id_converter(vm, v, what).map_err(|e| match e {
        IdError::Type(e) => e,
        IdError::Underflow => vm.new_error(ExcKind::OverflowError, format!("{what} is less than minimum")),
        IdError::Overflow => vm.new_error(ExcKind::OverflowError, format!("{what} is greater than maximum")),
    })
}

/// `_PyLong_FromUid`: `(uid_t)-1` shows as -1.
pub(crate) fn id_value(id: u32) -> Value {
    if id == u32::MAX {
        Value::int(-1)
    } else {
        int_from_u64(id as u64)
    }
}

/// A C string field as str (None for a null pointer).
///
/// SAFETY: `p` is null or a NUL-terminated string.
pub(crate) unsafe fn c_field(p: *const libc::c_char) -> Value {
    if p.is_null() {
        return none();
    }
    fs_decode(CStr::from_ptr(p).to_bytes())
}

/// The str argument of getpwnam/getgrnam, encoded for the C call.
pub(crate) fn name_arg(vm: &mut Vm, v: &Value, prefix: &str) -> PyResult<CString> {
    let Some(s) = v.downcast_ref::<StrObject>() else {
        let msg = format!("{prefix} must be str, not {}", vm.type_name(v));
        return Err(vm.type_error(msg));
    };
    let bytes = fs_encode(vm, s)?;
    CString::new(bytes).map_err(|_| vm.value_error("embedded null byte"))
}

/// Runs a `get*_r` lookup into `entry` with a buffer that grows while the
/// call says ERANGE (`call(entry, buf, len)` gives the status and whether an
/// entry was found), then `convert`s the entry while its strings (which point
/// into the buffer) are alive. None when there is no such entry.
pub(crate) fn lookup_r<T>(
    vm: &mut Vm,
    sc_name: libc::c_int,
    entry: &mut T,
    call: impl Fn(&mut T, *mut libc::c_char, usize) -> (libc::c_int, bool),
    convert: impl FnOnce(&mut Vm, &T) -> Value,
) -> PyResult<Option<Value>> {
    // SAFETY: sysconf has no preconditions.
    let hint = unsafe { libc::sysconf(sc_name) };
    let mut size = if hint > 0 { hint as usize } else { 1024 };
    loop {
        let mut buf: Vec<libc::c_char> = vec![0; size];
        let (status, found) = vm.allow_threads(|| call(entry, buf.as_mut_ptr(), buf.len()));
        if found {
            let v = convert(vm, entry);
            drop(buf);
            return Ok(Some(v));
        }
        if status != libc::ERANGE {
            return Ok(None);
        }
        if size > (isize::MAX as usize) >> 1 {
            return Err(vm.new_error_noargs(ExcKind::MemoryError));
        }
        size <<= 1;
    }
}

/// `id` as `_PyLong_FromUid` prints it.
pub(crate) fn id_text(id: u32) -> String {
    if id == u32::MAX {
        "-1".to_string()
    } else {
        id.to_string()
    }
}

fn make_entry(vm: &mut Vm, p: &libc::passwd) -> Value {
    // SAFETY: the strings of an entry filled by getpw*_r / getpwent.
    let values = unsafe {
        vec![
            c_field(p.pw_name),
            c_field(p.pw_passwd),
            id_value(p.pw_uid),
            id_value(p.pw_gid),
            c_field(p.pw_gecos),
            c_field(p.pw_dir),
            c_field(p.pw_shell),
        ]
    };
    new_structseq(vm, passwd_type(), values)
}

/// One lookup by `getpwuid_r`/`getpwnam_r` (`call(pwd, buf, len, result)`).
fn lookup_passwd(
    vm: &mut Vm,
    call: impl Fn(*mut libc::passwd, *mut libc::c_char, usize, *mut *mut libc::passwd) -> libc::c_int,
) -> PyResult<Option<Value>> {
    // SAFETY: plain data, filled by the call.
    let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
    lookup_r(
        vm,
        libc::_SC_GETPW_R_SIZE_MAX,
        &mut pwd,
        |pwd, buf, len| {
            let mut result: *mut libc::passwd = std::ptr::null_mut();
            let status = call(pwd, buf, len, &mut result);
            (status, status == 0 && !result.is_null())
        },
        make_entry,
    )
}

fn pwd_getpwuid(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "pwd.getpwuid", kw)?;
    let [v] = ArgSpec::exact::<1>(vm, "pwd.getpwuid", args, 0)?;
    let uid = match id_converter(vm, &v, "uid") {
        Ok(u) => u,
        Err(IdError::Type(e)) => return Err(e),
        Err(_) => return Err(vm.new_error(ExcKind::KeyError, "getpwuid(): uid not found")),
    };
    // SAFETY: the pointers come from lookup_passwd and are valid for the call.
    let entry = lookup_passwd(vm, |pwd, buf, len, res| unsafe { libc::getpwuid_r(uid, pwd, buf, len, res) })?;
    match entry {
        Some(e) => Ok(e),
        None => {
            Err(vm.new_error(ExcKind::KeyError, format!("getpwuid(): uid not found: {}", id_text(uid))))
        }
    }
}

fn pwd_getpwnam(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "pwd.getpwnam", kw)?;
    let [v] = ArgSpec::exact::<1>(vm, "pwd.getpwnam", args, 0)?;
    let name = name_arg(vm, &v, "getpwnam() argument")?;
    // SAFETY: the pointers come from lookup_passwd and are valid for the call.
    let entry = lookup_passwd(vm, |pwd, buf, len, res| unsafe { libc::getpwnam_r(name.as_ptr(), pwd, buf, len, res) })?;
    match entry {
        Some(e) => Ok(e),
        None => {
            let r = vm.repr_string(&v)?;
            Err(vm.new_error(ExcKind::KeyError, format!("getpwnam(): name not found: {r}")))
        }
    }
}

/// getpwent is not reentrant: the GIL serializes its users in this process.
fn pwd_getpwall(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "pwd.getpwall", kw)?;
    ArgSpec::range(vm, "pwd.getpwall", args, 0, 0, 0)?;
    let mut out = Vec::new();
    // SAFETY: setpwent/getpwent/endpwent under the GIL; each entry is
    // converted before the next call overwrites it.
    unsafe {
        libc::setpwent();
        loop {
            let p = libc::getpwent();
            if p.is_null() {
                break;
            }
            out.push(make_entry(vm, &*p));
        }
        libc::endpwent();
    }
    Ok(new_list(out))
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("pwd");
    m.functions(&[("getpwuid", pwd_getpwuid), ("getpwnam", pwd_getpwnam), ("getpwall", pwd_getpwall)]);
    m.type_(passwd_type());
    Ok(m.finish())
}
