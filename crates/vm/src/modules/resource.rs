//! `resource`: process resource usage and limits (getrusage, getrlimit,
//! setrlimit, prlimit, getpagesize), as CPython's Modules/resource.c.
//! `resource.error` is OSError.

use crate::args::{check_no_kwargs, ArgSpec};
use crate::exception::{exc_type_value, ExcKind, PyResult};
use crate::modules::structseq::{new_structseq, structseq_type, StructSeqDesc};
use crate::modules::{ModuleBuilder, NativeType};
use crate::objects::singletons::none;
use crate::objects::tuple::new_tuple;
use crate::typeobj::{KwNames, TypeObject};
use crate::types::exc::last_os_error;
use crate::value::Value;
use crate::vm::Vm;

static RUSAGE_TYPE: NativeType = NativeType::new();
static RUSAGE_DESC: StructSeqDesc = StructSeqDesc {
    module: "resource",
    name: "struct_rusage",
    fields: &[
        "ru_utime", "ru_stime", "ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt", "ru_majflt", "ru_nswap",
        "ru_inblock", "ru_oublock", "ru_msgsnd", "ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw",
    ],
    n_visible: 16,
    copy_missing: &[],
};

fn rusage_type() -> &'static TypeObject {
    structseq_type(&RUSAGE_TYPE, &RUSAGE_DESC)
}

/// Linux's RLIM_NLIMITS: one past the last RLIMIT_* (RLIMIT_RTTIME).
const RLIM_NLIMITS: i32 = libc::RLIMIT_RTTIME as i32 + 1;

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

fn seconds(t: libc::timeval) -> Value {
    Value::float(t.tv_sec as f64 + t.tv_usec as f64 * 1e-6)
}

fn resource_getrusage(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "resource.getrusage", kw)?;
    let [who] = ArgSpec::exact::<1>(vm, "resource.getrusage", args, 0)?;
    let who = vm.c_int(&who)?;
    // SAFETY: plain data filled by the call.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(who, &mut ru) } == -1 {
        if errno() == libc::EINVAL {
            return Err(vm.value_error("invalid who parameter"));
        }
        return Err(last_os_error(vm, None, None));
    }
    let counts = [
        ru.ru_maxrss,
        ru.ru_ixrss,
        ru.ru_idrss,
        ru.ru_isrss,
        ru.ru_minflt,
        ru.ru_majflt,
        ru.ru_nswap,
        ru.ru_inblock,
        ru.ru_oublock,
        ru.ru_msgsnd,
        ru.ru_msgrcv,
        ru.ru_nsignals,
        ru.ru_nvcsw,
        ru.ru_nivcsw,
    ];
    let mut values = vec![seconds(ru.ru_utime), seconds(ru.ru_stime)];
    values.extend(counts.iter().map(|&n| Value::int(n as i64)));
    Ok(new_structseq(vm, rusage_type(), values))
}

/// A resource number checked against the known limits.
fn resource_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let r = vm.c_int(v)?;
    if !(0..RLIM_NLIMITS).contains(&r) {
        return Err(vm.value_error("invalid resource specified"));
    }
    Ok(r)
}

/// The (soft, hard) pair as CPython gives it: C longs, RLIM_INFINITY as -1.
fn rlimit_value(rl: &libc::rlimit) -> Value {
    new_tuple(vec![Value::int(rl.rlim_cur as i64), Value::int(rl.rlim_max as i64)])
}


/// A limits argument: any sequence of two integers; negative values wrap
/// (so -1 is RLIM_INFINITY), as the C cast does.
fn limits_arg(vm: &mut Vm, v: &Value) -> PyResult<libc::rlimit> {
    let items = vm.collect(v)?;
    let [cur, max] = items.as_slice() else {
        return Err(vm.value_error("expected a tuple of 2 integers"));
    };
    let cur = vm.arg_c_long(cur)? as libc::rlim_t;
    let max = vm.arg_c_long(max)? as libc::rlim_t;
    Ok(libc::rlimit { rlim_cur: cur, rlim_max: max })
}

fn resource_getrlimit(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "resource.getrlimit", kw)?;
    let [r] = ArgSpec::exact::<1>(vm, "resource.getrlimit", args, 0)?;
    let r = resource_arg(vm, &r)?;
    // SAFETY: plain data filled by the call.
    let mut rl: libc::rlimit = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrlimit(r as _, &mut rl) } == -1 {
        return Err(last_os_error(vm, None, None));
    }
    Ok(rlimit_value(&rl))
}

fn resource_setrlimit(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "setrlimit", kw)?;
    let [r, limits] = ArgSpec::exact::<2>(vm, "setrlimit", args, 0)?;
    let r = resource_arg(vm, &r)?;
    let rl = limits_arg(vm, &limits)?;
    // SAFETY: rl is initialized.
    if unsafe { libc::setrlimit(r as _, &rl) } == -1 {
        return Err(match errno() {
            libc::EINVAL => vm.value_error("current limit exceeds maximum limit"),
            libc::EPERM => vm.value_error("not allowed to raise maximum limit"),
            _ => last_os_error(vm, None, None),
        });
    }
    Ok(none())
}

fn resource_prlimit(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "resource.prlimit", kw)?;
    if !(2..=3).contains(&args.len()) {
        return Err(vm.type_error("resource.prlimit requires 2 to 3 arguments"));
    }
    let pid = vm.arg_c_int(&args[0])?;
    let r = resource_arg(vm, &args[1])?;
    let new = match args.get(2) {
        Some(l) => Some(limits_arg(vm, l)?),
        None => None,
    };
    // SAFETY: plain data filled by the call.
    let mut old: libc::rlimit = unsafe { std::mem::zeroed() };
    let new_ptr = new.as_ref().map_or(std::ptr::null(), |n| n as *const libc::rlimit);
    // SAFETY: new_ptr is null or points at `new`, alive across the call.
    if unsafe { libc::prlimit(pid, r as _, new_ptr, &mut old) } == -1 {
        if errno() == libc::EINVAL {
            return Err(vm.value_error("current limit exceeds maximum limit"));
        }
        return Err(last_os_error(vm, None, None));
    }
    Ok(rlimit_value(&old))
}

fn resource_getpagesize(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "resource.getpagesize", kw)?;
    ArgSpec::range(vm, "resource.getpagesize", args, 0, 0, 0)?;
    // SAFETY: sysconf has no preconditions.
    Ok(Value::int(unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as i64))
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("resource");
    m.functions(&[
        ("getrusage", resource_getrusage),
        ("getrlimit", resource_getrlimit),
        ("setrlimit", resource_setrlimit),
        ("prlimit", resource_prlimit),
        ("getpagesize", resource_getpagesize),
    ]);
    m.value("error", exc_type_value(ExcKind::OSError));
    m.type_(rusage_type());
    let consts: &[(&str, i64)] = &[
        ("RLIMIT_CPU", libc::RLIMIT_CPU as i64),
        ("RLIMIT_FSIZE", libc::RLIMIT_FSIZE as i64),
        ("RLIMIT_DATA", libc::RLIMIT_DATA as i64),
        ("RLIMIT_STACK", libc::RLIMIT_STACK as i64),
        ("RLIMIT_CORE", libc::RLIMIT_CORE as i64),
        ("RLIMIT_NOFILE", libc::RLIMIT_NOFILE as i64),
        // Linux's old name for RLIMIT_NOFILE.
        ("RLIMIT_OFILE", libc::RLIMIT_NOFILE as i64),
        ("RLIMIT_AS", libc::RLIMIT_AS as i64),
        ("RLIMIT_RSS", libc::RLIMIT_RSS as i64),
        ("RLIMIT_NPROC", libc::RLIMIT_NPROC as i64),
        ("RLIMIT_MEMLOCK", libc::RLIMIT_MEMLOCK as i64),
        ("RLIMIT_MSGQUEUE", libc::RLIMIT_MSGQUEUE as i64),
        ("RLIMIT_NICE", libc::RLIMIT_NICE as i64),
        ("RLIMIT_RTPRIO", libc::RLIMIT_RTPRIO as i64),
        ("RLIMIT_RTTIME", libc::RLIMIT_RTTIME as i64),
        ("RLIMIT_SIGPENDING", libc::RLIMIT_SIGPENDING as i64),
        ("RUSAGE_SELF", libc::RUSAGE_SELF as i64),
        ("RUSAGE_CHILDREN", libc::RUSAGE_CHILDREN as i64),
        ("RUSAGE_THREAD", libc::RUSAGE_THREAD as i64),
        // A C long long: all bits set reads -1.
        ("RLIM_INFINITY", libc::RLIM_INFINITY as i64),
    ];
    for (name, v) in consts {
        m.int(name, *v);
    }
    Ok(m.finish())
}
