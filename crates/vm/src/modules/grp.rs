//! `grp`: the group database (getgrgid, getgrnam, getgrall) over libc's
//! reentrant lookups, as CPython's Modules/grpmodule.c. Entries are
//! `grp.struct_group` struct sequences.

use crate::args::{check_no_kwargs, split_kwargs, ArgSpec};
use crate::exception::{ExcKind, PyResult};
use crate::modules::pwd::{c_field, id_arg, id_text, id_value, lookup_r, name_arg};
use crate::modules::structseq::{new_structseq, structseq_type, StructSeqDesc};
use crate::modules::{ModuleBuilder, NativeType};
use crate::objects::list::new_list;
use crate::objects::str::str_eq;
use crate::typeobj::{KwNames, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

static GROUP_TYPE: NativeType = NativeType::new();
static GROUP_DESC: StructSeqDesc = StructSeqDesc {
    module: "grp",
    name: "struct_group",
    fields: &["gr_name", "gr_passwd", "gr_gid", "gr_mem"],
    n_visible: 4,
    copy_missing: &[],
};

fn group_type() -> &'static TypeObject {
    structseq_type(&GROUP_TYPE, &GROUP_DESC)
}

fn make_entry(vm: &mut Vm, g: &libc::group) -> Value {
    let mut members = Vec::new();
    let mut p = g.gr_mem;
    // SAFETY: gr_mem is a null-terminated array of C strings (or null).
    unsafe {
        while !p.is_null() && !(*p).is_null() {
            members.push(c_field(*p));
            p = p.add(1);
        }
    }
    // SAFETY: the strings of an entry filled by getgr*_r / getgrent.
    let values = unsafe { vec![c_field(g.gr_name), c_field(g.gr_passwd), id_value(g.gr_gid), new_list(members)] };
    new_structseq(vm, group_type(), values)
}

/// One lookup by `getgrgid_r`/`getgrnam_r` (`call(grp, buf, len, result)`).
fn lookup_group(
    vm: &mut Vm,
    call: impl Fn(*mut libc::group, *mut libc::c_char, usize, *mut *mut libc::group) -> libc::c_int,
) -> PyResult<Option<Value>> {
    // SAFETY: plain data, filled by the call.
    let mut grp: libc::group = unsafe { std::mem::zeroed() };
    lookup_r(
        vm,
        libc::_SC_GETGR_R_SIZE_MAX,
        &mut grp,
        |grp, buf, len| {
            let mut result: *mut libc::group = std::ptr::null_mut();
            let status = call(grp, buf, len, &mut result);
            (status, status == 0 && !result.is_null())
        },
        make_entry,
    )
}

/// The single argument of getgrgid(id)/getgrnam(name), positional or by
/// keyword, with Argument Clinic's messages (a missing argument is reported
/// before an unknown keyword).
fn one_arg(vm: &mut Vm, fname: &str, param: &str, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (pos, kws) = split_kwargs(args, kw);
    let total = pos.len() + kws.len();
    if total > 1 {
        return Err(vm.type_error(format!("{fname}() takes at most 1 argument ({total} given)")));
    }
    if let Some(v) = pos.first() {
        return Ok(v.clone());
    }
    let key = vm.intern(param);
    if let Some((k, v)) = kws.first() {
        if str_eq(&key, k) {
            return Ok((*v).clone());
        }
    }
    Err(vm.type_error(format!("{fname}() missing required argument '{param}' (pos 1)")))
}

fn grp_getgrgid(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let v = one_arg(vm, "getgrgid", "id", args, kw)?;
    let gid = id_arg(vm, &v, "gid")?;
    // SAFETY: the pointers come from lookup_group and are valid for the call.
    let entry = lookup_group(vm, |grp, buf, len, res| unsafe { libc::getgrgid_r(gid, grp, buf, len, res) })?;
    match entry {
        Some(e) => Ok(e),
        None => Err(vm.new_error(ExcKind::KeyError, format!("getgrgid(): gid not found: {}", id_text(gid)))),
    }
}

fn grp_getgrnam(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let v = one_arg(vm, "getgrnam", "name", args, kw)?;
    let name = name_arg(vm, &v, "getgrnam() argument 'name'")?;
    // SAFETY: the pointers come from lookup_group and are valid for the call.
    let entry = lookup_group(vm, |grp, buf, len, res| unsafe { libc::getgrnam_r(name.as_ptr(), grp, buf, len, res) })?;
    match entry {
        Some(e) => Ok(e),
        None => {
            let r = vm.repr_string(&v)?;
            Err(vm.new_error(ExcKind::KeyError, format!("getgrnam(): name not found: {r}")))
        }
    }
}

/// getgrent is not reentrant: the GIL serializes its users in this process.
fn grp_getgrall(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "grp.getgrall", kw)?;
    ArgSpec::range(vm, "grp.getgrall", args, 0, 0, 0)?;
    let mut out = Vec::new();
    // SAFETY: setgrent/getgrent/endgrent under the GIL; each entry is
    // converted before the next call overwrites it.
    unsafe {
        libc::setgrent();
        loop {
            let g = libc::getgrent();
            if g.is_null() {
                break;
            }
            out.push(make_entry(vm, &*g));
        }
        libc::endgrent();
    }
    Ok(new_list(out))
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("grp");
    m.functions(&[("getgrgid", grp_getgrgid), ("getgrnam", grp_getgrnam), ("getgrall", grp_getgrall)]);
    m.type_(group_type());
    Ok(m.finish())
}
