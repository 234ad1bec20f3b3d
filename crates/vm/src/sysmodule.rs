//! A first `sys` module: the parts the VM itself owns (recursion limit,
//! exception state, int digit limit, modules). The full module comes with the
//! native-modules work.

use crate::args::{check_no_kwargs, ArgSpec};
use crate::exception::{ExcKind, ExceptionObject, PyErr, PyResult};
use crate::objects::descr::new_builtin_function;
use crate::objects::dict::DictObject;
use crate::objects::list::new_list;
use crate::objects::module::{new_module, ModuleObject};
use crate::objects::singletons::none;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::typeobj::{type_of, KwNames, NativeFn};
use crate::value::Value;
use crate::vm::Vm;

fn getrecursionlimit(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "getrecursionlimit", kw)?;
    ArgSpec::range(vm, "getrecursionlimit", args, 0, 0, 0)?;
    Ok(Value::int(vm.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "setrecursionlimit", kw)?;
    let [n] = ArgSpec::exact::<1>(vm, "setrecursionlimit", args, 0)?;
    // Argument Clinic's `int`: past C int range is an OverflowError.
    let n = vm.c_int(&n)?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    if (n as usize) <= vm.depth {
        let msg = format!(
            "cannot set the recursion limit to {n} at the recursion depth {}: the limit is too low",
            vm.depth
        );
        return Err(vm.new_error(ExcKind::RecursionError, msg));
    }
    vm.recursion_limit = n as usize;
    Ok(none())
}

fn exc_info(vm: &mut Vm, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let e = vm.handled_exception();
    if e.is_null() || e.is_none() {
        return Ok(new_tuple(vec![none(), none(), none()]));
    }
    let tb = e
        .downcast_ref::<ExceptionObject>()
        .map(|x| x.traceback())
        .filter(|t| !t.is_null())
        .unwrap_or_else(none);
    Ok(new_tuple(vec![type_of(&e).as_value(), e.clone(), tb]))
}

fn exception(vm: &mut Vm, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let e = vm.handled_exception();
    Ok(if e.is_null() { none() } else { e })
}

fn get_int_max_str_digits(vm: &mut Vm, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    Ok(Value::int(vm.int_max_str_digits as i64))
}

fn set_int_max_str_digits(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "set_int_max_str_digits", args, kwnames, &["maxdigits"], 1, 1)?;
    let n = vm.index_i64(a[0].as_ref().unwrap_or(&none()))?;
    if n != 0 && n < 640 {
        return Err(vm.value_error("maxdigits must be 0 or larger than 640"));
    }
    vm.int_max_str_digits = n as usize;
    pyrite_syntax::strings::set_int_max_str_digits(n as usize);
    Ok(none())
}

fn getrefcount(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [x] = ArgSpec::exact::<1>(vm, "getrefcount", args, 0)?;
    let n = crate::object::refcount(&x).unwrap_or(1 << 30);
    Ok(Value::int(n.min(1 << 40) as i64))
}

fn intern(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [s] = ArgSpec::exact::<1>(vm, "intern", args, 0)?;
    if !crate::typeobj::is_exact(&s, &crate::typeobj::STR_TYPE) {
        let msg = format!("intern() argument must be str, not {}", vm.type_name(&s));
        return Err(vm.type_error(msg));
    }
    Ok(crate::objects::str::intern_value(&s))
}

fn exit(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "exit", kw)?;
    if args.len() > 1 {
        return Err(vm.type_error(format!("exit expected at most 1 argument, got {}", args.len())));
    }
    // As PyErr_SetObject: None means no arguments, a tuple is the arguments.
    let status = args.first().filter(|s| !s.is_none());
    let exc_args = match status {
        None => Vec::new(),
        Some(s) => match s.downcast_ref::<crate::objects::tuple::TupleObject>() {
            Some(t) => t.items().to_vec(),
            None => vec![s.clone()],
        },
    };
    let e = vm.call(&crate::exception::exc_type_value(ExcKind::SystemExit), &exc_args, None)?;
    Err(PyErr::new(e))
}

impl Vm {
    /// Sets `sys.argv` (the CLI passes the script path and its arguments).
    pub fn set_argv(&mut self, argv: &[String]) {
        let list = new_list(argv.iter().map(|a| new_str(a)).collect());
        if let Some(sys) = self.modules.downcast_ref::<DictObject>().and_then(|m| m.get_str_key("sys")) {
            if let Some(m) = sys.downcast_ref::<ModuleObject>() {
                m.dict().insert_str_key("argv", list);
            }
        }
    }
}

/// `PRINT_EXPR` (interactive and 'single' code): hands the value to sys.displayhook.
pub(crate) fn call_displayhook(vm: &mut Vm, value: Value) -> PyResult<()> {
    let Some(hook) = sys_attr(vm, "displayhook") else {
        return Err(vm.new_error(ExcKind::RuntimeError, "lost sys.displayhook"));
    };
    vm.call1(&hook, value)?;
    Ok(())
}

// --- async generator hooks (PEP 525) ---------------------------------------------

/// `sys.set_asyncgen_hooks` state: (firstiter, finalizer), NULL when unset.
static ASYNCGEN_HOOKS: crate::gil::GilCell<(Value, Value)> = crate::gil::GilCell::new((Value::NULL, Value::NULL));

/// The hooks for a new async generator: (firstiter, finalizer), None when unset.
pub(crate) fn asyncgen_hooks() -> (Value, Value) {
    // SAFETY: GIL held; values cloned out.
    let (a, b) = unsafe { ASYNCGEN_HOOKS.get_mut() }.clone();
    let or_none = |v: Value| if v.is_null() { none() } else { v };
    (or_none(a), or_none(b))
}

static ASYNCGEN_HOOKS_TYPE: crate::modules::NativeType = crate::modules::NativeType::new();
static ASYNCGEN_HOOKS_DESC: crate::modules::structseq::StructSeqDesc = crate::modules::structseq::StructSeqDesc {
    module: "builtins",
    name: "asyncgen_hooks",
    fields: &["firstiter", "finalizer"],
    n_visible: 2,
    copy_missing: &[],
};

fn get_asyncgen_hooks(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "get_asyncgen_hooks", kw)?;
    ArgSpec::range(vm, "get_asyncgen_hooks", args, 0, 0, 0)?;
    let (a, b) = asyncgen_hooks();
    let t = crate::modules::structseq::structseq_type(&ASYNCGEN_HOOKS_TYPE, &ASYNCGEN_HOOKS_DESC);
    Ok(crate::modules::structseq::new_structseq(vm, t, vec![a, b]))
}

fn set_asyncgen_hooks(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "set_asyncgen_hooks", args, kw, &["firstiter", "finalizer"], 2, 0)?;
    let mut new = asyncgen_hooks();
    // Checked first, both: neither is set if one is not callable (as CPython).
    for (i, what) in [(1usize, "finalizer"), (0, "firstiter")] {
        if let Some(v) = &a[i] {
            if !v.is_none() && type_of(v).slots().call.is_none() {
                let msg = format!("callable {what} expected, got {}", vm.type_name(v));
                return Err(vm.type_error(msg));
            }
        }
    }
    if let Some(v) = &a[0] {
        new.0 = v.clone();
    }
    if let Some(v) = &a[1] {
        new.1 = v.clone();
    }
    let to_slot = |v: Value| if v.is_none() { Value::NULL } else { v };
    // SAFETY: GIL held; the old values are dropped after the store.
    let old = std::mem::replace(unsafe { ASYNCGEN_HOOKS.get_mut() }, (to_slot(new.0), to_slot(new.1)));
    drop(old);
    Ok(none())
}

/// `sys.set_coroutine_origin_tracking_depth`: how many frames a new coroutine
/// records as its `cr_origin` (asyncio's debug mode sets it).
static CORO_ORIGIN_DEPTH: crate::gil::GilCell<i64> = crate::gil::GilCell::new(0);

pub(crate) fn coroutine_origin_tracking_depth() -> i64 {
    // SAFETY: GIL held; a plain copy.
    unsafe { *CORO_ORIGIN_DEPTH.get_mut() }
}

fn get_coroutine_origin_tracking_depth(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "get_coroutine_origin_tracking_depth", kw)?;
    ArgSpec::range(vm, "get_coroutine_origin_tracking_depth", args, 0, 0, 0)?;
    // SAFETY: GIL held; a plain copy.
    Ok(Value::int(unsafe { *CORO_ORIGIN_DEPTH.get_mut() }))
}

fn set_coroutine_origin_tracking_depth(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "set_coroutine_origin_tracking_depth", args, kw, &["depth"], 1, 1)?;
    let depth = a[0].clone().unwrap_or_else(none);
    if crate::objects::float::as_float(&depth).is_some() && crate::objects::int::as_int(&depth).is_none() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.index_i64(&depth)?;
    if n < 0 {
        return Err(vm.value_error("depth must be >= 0"));
    }
    // SAFETY: GIL held; a plain store.
    unsafe { *CORO_ORIGIN_DEPTH.get_mut() = n };
    Ok(none())
}

pub fn make_sys_module(vm: &mut Vm, argv: &[String]) -> Value {
    let m = new_module("sys");
    let Some(d) = m.downcast_ref::<ModuleObject>().map(|m| m.dict_value()) else {
        return m;
    };
    let Some(dict) = d.downcast_ref::<DictObject>() else {
        return m;
    };
    dict.insert_str_key("__doc__", crate::docstrings::module_doc("sys"));
    let funcs: &[(&'static str, NativeFn)] = &[
        ("getrecursionlimit", getrecursionlimit),
        ("setrecursionlimit", setrecursionlimit),
        ("exc_info", exc_info),
        ("exception", exception),
        ("get_int_max_str_digits", get_int_max_str_digits),
        ("set_int_max_str_digits", set_int_max_str_digits),
        ("getrefcount", getrefcount),
        ("intern", intern),
        ("exit", exit),
        ("_getframe", crate::frame::sys_getframe),
        ("get_asyncgen_hooks", get_asyncgen_hooks),
        ("set_asyncgen_hooks", set_asyncgen_hooks),
        ("get_coroutine_origin_tracking_depth", get_coroutine_origin_tracking_depth),
        ("set_coroutine_origin_tracking_depth", set_coroutine_origin_tracking_depth),
    ];
    for (name, f) in funcs {
        dict.insert_str_key(name, new_builtin_function(name, *f, Some("sys")));
    }
    // The standard streams are `_io` objects (modules/_io).
    if let Ok([stdin, stdout, stderr]) = crate::modules::_io::make_std_streams(vm) {
        for (name, v) in [("stdin", stdin), ("stdout", stdout), ("stderr", stderr)] {
            dict.insert_str_key(name, v.clone());
            dict.insert_str_key(&format!("__{name}__"), v);
        }
    }
    dict.insert_str_key("maxsize", Value::int(i64::MAX));
    dict.insert_str_key(
        "byteorder",
        new_str(if cfg!(target_endian = "little") {
            "little"
        } else {
            "big"
        }),
    );
    dict.insert_str_key(
        "platform",
        new_str(if cfg!(target_os = "linux") {
            "linux"
        } else {
            std::env::consts::OS
        }),
    );
    dict.insert_str_key("argv", new_list(argv.iter().map(|a| new_str(a)).collect()));
    dict.insert_str_key("modules", vm.modules.clone());
    dict.insert_str_key("hexversion", Value::int(0x030B07F0));
    dict.insert_str_key(
        "builtin_module_names",
        new_tuple(
            crate::modules::builtin_module_names()
                .into_iter()
                .map(new_str)
                .collect(),
        ),
    );
    add_interpreter_info(vm, dict);
    if let Some(mods) = vm.modules.downcast_ref::<DictObject>() {
        mods.insert_str_key("sys", m.clone());
    }
    m
}

// ---------------------------------------------------------------------------
// The rest of `sys`: interpreter description, hooks, limits.

use crate::modules::structseq::{new_structseq, structseq_type, StructSeqDesc};
use crate::modules::NativeType;
use crate::tracing::Hook;

/// State `sys` keeps for the process (only touched under the GIL).
struct SysState {
    switch_interval: f64,
    audit_hooks: Vec<Value>,
}

static SYS_STATE: crate::gil::GilCell<SysState> = crate::gil::GilCell::new(SysState {
    switch_interval: 0.005,
    audit_hooks: Vec::new(),
});

fn sys_state() -> &'static mut SysState {
    // SAFETY: GIL held by every caller (native functions); callers copy values
    // out and never keep the reference across a call into Python.
    unsafe { SYS_STATE.get_mut() }
}

static VERSION_INFO_TYPE: NativeType = NativeType::new();
static VERSION_INFO_DESC: StructSeqDesc = StructSeqDesc {
    module: "sys",
    name: "version_info",
    fields: &["major", "minor", "micro", "releaselevel", "serial"],
    n_visible: 5,
    copy_missing: &[],
};
static FLAGS_TYPE: NativeType = NativeType::new();
static FLAGS_DESC: StructSeqDesc = StructSeqDesc {
    module: "sys",
    name: "flags",
    fields: &[
        "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site",
        "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated",
        "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits",
    ],
    n_visible: 18,
    copy_missing: &[],
};
static FLOAT_INFO_TYPE: NativeType = NativeType::new();
static FLOAT_INFO_DESC: StructSeqDesc = StructSeqDesc {
    module: "sys",
    name: "float_info",
    fields: &[
        "max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix",
        "rounds",
    ],
    n_visible: 11,
    copy_missing: &[],
};
static INT_INFO_TYPE: NativeType = NativeType::new();
static INT_INFO_DESC: StructSeqDesc = StructSeqDesc {
    module: "sys",
    name: "int_info",
    fields: &["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"],
    n_visible: 4,
    copy_missing: &[],
};
static HASH_INFO_TYPE: NativeType = NativeType::new();
static HASH_INFO_DESC: StructSeqDesc = StructSeqDesc {
    module: "sys",
    name: "hash_info",
    fields: &["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"],
    n_visible: 9,
    copy_missing: &[],
};
static UNRAISABLE_ARGS_TYPE: NativeType = NativeType::new();
static UNRAISABLE_ARGS_DESC: StructSeqDesc = StructSeqDesc {
    // CPython's tp_name has no module part.
    module: "builtins",
    name: "UnraisableHookArgs",
    fields: &["exc_type", "exc_value", "exc_traceback", "err_msg", "object"],
    n_visible: 5,
    copy_missing: &[],
};
static THREAD_INFO_TYPE: NativeType = NativeType::new();
static THREAD_INFO_DESC: StructSeqDesc = StructSeqDesc {
    module: "sys",
    name: "thread_info",
    fields: &["name", "lock", "version"],
    n_visible: 3,
    copy_missing: &[],
};

/// `sys.stdlib_module_names`: CPython 3.11's list.
const STDLIB_MODULE_NAMES: &[&str] = &[
    "__future__", "_abc", "_aix_support", "_ast", "_asyncio", "_bisect", "_blake2",
    "_bootsubprocess", "_bz2", "_codecs", "_codecs_cn", "_codecs_hk", "_codecs_iso2022",
    "_codecs_jp", "_codecs_kr", "_codecs_tw", "_collections", "_collections_abc",
    "_compat_pickle", "_compression", "_contextvars", "_crypt", "_csv", "_ctypes", "_curses",
    "_curses_panel", "_datetime", "_dbm", "_decimal", "_elementtree", "_frozen_importlib",
    "_frozen_importlib_external", "_functools", "_gdbm", "_hashlib", "_heapq", "_imp", "_io",
    "_json", "_locale", "_lsprof", "_lzma", "_markupbase", "_md5", "_msi", "_multibytecodec",
    "_multiprocessing", "_opcode", "_operator", "_osx_support", "_overlapped", "_pickle",
    "_posixshmem", "_posixsubprocess", "_py_abc", "_pydecimal", "_pyio", "_queue", "_random",
    "_scproxy", "_sha1", "_sha256", "_sha3", "_sha512", "_signal", "_sitebuiltins", "_socket",
    "_sqlite3", "_sre", "_ssl", "_stat", "_statistics", "_string", "_strptime", "_struct",
    "_symtable", "_thread", "_threading_local", "_tkinter", "_tokenize", "_tracemalloc",
    "_typing", "_uuid", "_warnings", "_weakref", "_weakrefset", "_winapi", "_zoneinfo", "abc",
    "aifc", "antigravity", "argparse", "array", "ast", "asynchat", "asyncio", "asyncore",
    "atexit", "audioop", "base64", "bdb", "binascii", "bisect", "builtins", "bz2", "cProfile",
    "calendar", "cgi", "cgitb", "chunk", "cmath", "cmd", "code", "codecs", "codeop",
    "collections", "colorsys", "compileall", "concurrent", "configparser", "contextlib",
    "contextvars", "copy", "copyreg", "crypt", "csv", "ctypes", "curses", "dataclasses",
    "datetime", "dbm", "decimal", "difflib", "dis", "distutils", "doctest", "email",
    "encodings", "ensurepip", "enum", "errno", "faulthandler", "fcntl", "filecmp", "fileinput",
    "fnmatch", "fractions", "ftplib", "functools", "gc", "genericpath", "getopt", "getpass",
    "gettext", "glob", "graphlib", "grp", "gzip", "hashlib", "heapq", "hmac", "html", "http",
    "idlelib", "imaplib", "imghdr", "imp", "importlib", "inspect", "io", "ipaddress",
    "itertools", "json", "keyword", "lib2to3", "linecache", "locale", "logging", "lzma",
    "mailbox", "mailcap", "marshal", "math", "mimetypes", "mmap", "modulefinder", "msilib",
    "msvcrt", "multiprocessing", "netrc", "nis", "nntplib", "nt", "ntpath", "nturl2path",
    "numbers", "opcode", "operator", "optparse", "os", "ossaudiodev", "pathlib", "pdb",
    "pickle", "pickletools", "pipes", "pkgutil", "platform", "plistlib", "poplib", "posix",
    "posixpath", "pprint", "profile", "pstats", "pty", "pwd", "py_compile", "pyclbr", "pydoc",
    "pydoc_data", "pyexpat", "queue", "quopri", "random", "re", "readline", "reprlib",
    "resource", "rlcompleter", "runpy", "sched", "secrets", "select", "selectors", "shelve",
    "shlex", "shutil", "signal", "site", "smtpd", "smtplib", "sndhdr", "socket",
    "socketserver", "spwd", "sqlite3", "sre_compile", "sre_constants", "sre_parse", "ssl",
    "stat", "statistics", "string", "stringprep", "struct", "subprocess", "sunau", "symtable",
    "sys", "sysconfig", "syslog", "tabnanny", "tarfile", "telnetlib", "tempfile", "termios",
    "textwrap", "this", "threading", "time", "timeit", "tkinter", "token", "tokenize",
    "tomllib", "trace", "traceback", "tracemalloc", "tty", "turtle", "turtledemo", "types",
    "typing", "unicodedata", "unittest", "urllib", "uu", "uuid", "venv", "warnings", "wave",
    "weakref", "webbrowser", "winreg", "winsound", "wsgiref", "xdrlib", "xml", "xmlrpc",
    "zipapp", "zipfile", "zipimport", "zlib", "zoneinfo",
];

pub const VERSION: &str = concat!(
    "3.11.7 (main, Jan  1 2024, 00:00:00) [pyrite ",
    env!("CARGO_PKG_VERSION"),
    " (Rust)]"
);

const COPYRIGHT: &str = "Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.\n\nCopyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\nCopyright (c) 1995-2001 Corporation for National Research Initiatives.\nAll Rights Reserved.\n\nCopyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\nAll Rights Reserved.";

// --- types.SimpleNamespace ---------------------------------------------------

static NAMESPACE_TYPE: NativeType = NativeType::new();

/// `types.SimpleNamespace` (also the type of `sys.implementation`).
pub(crate) fn simple_namespace_type() -> &'static crate::typeobj::TypeObject {
    use crate::typeobj::{type_flags, OBJECT_TYPE};
    NAMESPACE_TYPE.get_or_init(|st| {
        crate::modules::init_native_type(
            st,
            "types",
            "SimpleNamespace",
            crate::object::LayoutKind::Object,
            &OBJECT_TYPE,
            type_flags::BASETYPE | type_flags::HAS_DICT,
            |s| {
                s.new = Some(namespace_new);
                s.init = Some(namespace_init);
                s.repr = Some(namespace_repr);
                s.richcompare = Some(namespace_richcompare);
                s.hash = None;
            },
        );
        crate::typeinit::add_method(st, "__reduce__", namespace_reduce);
        crate::typeinit::set_attr(st.get(), "__hash__", none());
        crate::typeinit::set_attr(st.get(), "__dict__", crate::types::object_ty::dict_descriptor());
    })
}

fn namespace_new(vm: &mut Vm, cls: &Value, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let Some(t) = cls.downcast_ref::<crate::typeobj::TypeObject>() else {
        return Err(vm.type_error("SimpleNamespace.__new__(X): X is not a type object"));
    };
    if t.layout != crate::object::LayoutKind::Object {
        return Err(vm.type_error("SimpleNamespace.__new__(X): X is not a SimpleNamespace subtype"));
    }
    // SAFETY: Object layout is just the header, which alloc_raw initializes.
    let p = unsafe { crate::object::alloc_raw(t, std::mem::size_of::<crate::object::ObjHeader>()) };
    Ok(Value::from_owned_ptr(p))
}

fn namespace_init(vm: &mut Vm, obj: &Value, args: &[Value], kwnames: KwNames) -> PyResult<()> {
    let (pos, kw) = crate::args::split_kwargs(args, kwnames);
    if !pos.is_empty() {
        return Err(vm.type_error("no positional arguments expected"));
    }
    for (k, v) in kw {
        vm.setattr(obj, k, v.clone())?;
    }
    Ok(())
}

/// A new `SimpleNamespace` with the given attributes.
pub(crate) fn new_namespace(vm: &mut Vm, attrs: &[(&str, Value)]) -> PyResult<Value> {
    let t = simple_namespace_type();
    let ns = namespace_new(vm, &t.as_value(), &[], None)?;
    for (k, v) in attrs {
        let key = vm.intern(k);
        vm.setattr(&ns, &key, v.clone())?;
    }
    Ok(ns)
}

fn namespace_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = type_of(v);
    let name = if std::ptr::eq(t, simple_namespace_type()) {
        "namespace".to_string()
    } else {
        t.name_string()
    };
    if !vm.repr_enter(v) {
        return Ok(new_str(&format!("{name}(...)")));
    }
    let result = (|| {
        let mut out = format!("{name}(");
        if let Some(d) = crate::attr::instance_dict(v) {
            if let Some(dd) = d.downcast_ref::<DictObject>() {
                let mut first = true;
                for (k, val) in dd.items() {
                    if k.downcast_ref::<crate::objects::str::StrObject>().is_none() {
                        continue;
                    }
                    if !first {
                        out.push_str(", ");
                    }
                    first = false;
                    out.push_str(&crate::objects::str::display_lossy(&k));
                    out.push('=');
                    out.push_str(&vm.repr_string(&val)?);
                }
            }
        }
        out.push(')');
        Ok(new_str(&out))
    })();
    vm.repr_leave(v);
    result
}

fn namespace_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: crate::typeobj::CompareOp) -> PyResult<Value> {
    use crate::typeobj::CompareOp;
    let ns = simple_namespace_type();
    let both = type_of(a).is_subtype(ns) && type_of(b).is_subtype(ns);
    if !both || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(crate::objects::singletons::not_implemented());
    }
    let da = crate::attr::instance_dict(a).unwrap_or_else(DictObject::new_value);
    let db = crate::attr::instance_dict(b).unwrap_or_else(DictObject::new_value);
    vm.compare(&da, &db, op)
}

fn namespace_reduce(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [obj] = ArgSpec::exact::<1>(vm, "__reduce__", args, 1)?;
    let d = crate::attr::instance_dict(&obj).unwrap_or_else(DictObject::new_value);
    Ok(new_tuple(vec![type_of(&obj).as_value(), new_tuple(vec![]), d]))
}

// --- functions -----------------------------------------------------------------

fn getdefaultencoding(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "getdefaultencoding", kw)?;
    ArgSpec::range(vm, "getdefaultencoding", args, 0, 0, 0)?;
    Ok(new_str("utf-8"))
}

fn getfilesystemencoding(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "getfilesystemencoding", kw)?;
    ArgSpec::range(vm, "getfilesystemencoding", args, 0, 0, 0)?;
    Ok(new_str("utf-8"))
}

fn getfilesystemencodeerrors(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "getfilesystemencodeerrors", kw)?;
    ArgSpec::range(vm, "getfilesystemencodeerrors", args, 0, 0, 0)?;
    Ok(new_str("surrogateescape"))
}

fn getswitchinterval(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "getswitchinterval", kw)?;
    ArgSpec::range(vm, "getswitchinterval", args, 0, 0, 0)?;
    Ok(Value::float(sys_state().switch_interval))
}

fn setswitchinterval(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "setswitchinterval", kw)?;
    let [v] = ArgSpec::exact::<1>(vm, "setswitchinterval", args, 0)?;
    let f = match crate::objects::float::float_operand(vm, &v)? {
        Some(f) => f,
        None => {
            let msg = format!("must be real number, not {}", vm.type_name(&v));
            return Err(vm.type_error(msg));
        }
    };
    if f.is_nan() || f <= 0.0 {
        return Err(vm.value_error("switch interval must be strictly positive"));
    }
    sys_state().switch_interval = f;
    Ok(none())
}

fn getsizeof(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "getsizeof", args, kwnames, &["object", "default"], 2, 1)?;
    let obj = a[0].clone().unwrap_or_else(none);
    let sized = match vm.lookup_special(&obj, "__sizeof__")? {
        Some(m) => Some(vm.call0(&m)),
        None => None,
    };
    let size = match sized {
        Some(Ok(v)) => v,
        Some(Err(e)) => match &a[1] {
            Some(d) if e.is_instance(ExcKind::TypeError) => return Ok(d.clone()),
            _ => return Err(e),
        },
        None => match &a[1] {
            Some(d) => return Ok(d.clone()),
            None => {
                let msg = format!("Type {} doesn't define __sizeof__", vm.type_name(&obj));
                return Err(vm.type_error(msg));
            }
        },
    };
    let n = vm.index_i64(&size)?;
    if n < 0 {
        return Err(vm.value_error("__sizeof__() should return >= 0"));
    }
    // CPython's _PyType_PreHeaderSize: the GC header of collected types and
    // the managed-dict pointers before the object.
    use crate::types::type_ty::{cpython_flags, type_layout};
    let flags = type_layout(type_of(&obj)).flags;
    let gc_header = if flags & cpython_flags::HAVE_GC != 0 { 16 } else { 0 };
    let dict_pointers = if flags & cpython_flags::MANAGED_DICT != 0 { 16 } else { 0 };
    Ok(Value::int(n + gc_header + dict_pointers))
}

fn displayhook(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "displayhook", kw)?;
    let [v] = ArgSpec::exact::<1>(vm, "displayhook", args, 0)?;
    if v.is_none() {
        return Ok(none());
    }
    let builtins = vm.builtins_dict.clone();
    if let Some(b) = builtins.downcast_ref::<DictObject>() {
        b.insert_str_key("_", none());
    }
    let text = vm.repr_string(&v)?;
    let out = crate::sysmodule::sys_attr(vm, "stdout");
    match out {
        Some(s) if !s.is_none() => {
            vm.call_method(&s, "write", &[new_str(&text)])?;
            vm.call_method(&s, "write", &[new_str("\n")])?;
        }
        _ => return Err(vm.new_error(ExcKind::RuntimeError, "lost sys.stdout")),
    }
    if let Some(b) = builtins.downcast_ref::<DictObject>() {
        b.insert_str_key("_", v);
    }
    Ok(none())
}

fn excepthook(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "excepthook", kw)?;
    let [_t, value, tb] = ArgSpec::exact::<3>(vm, "excepthook", args, 0)?;
    // As _PyErr_Display: an exception without a traceback is shown with the one given.
    if let Some(e) = value.downcast_ref::<ExceptionObject>() {
        let cur = e.traceback();
        if (cur.is_null() || cur.is_none()) && tb.downcast_ref::<crate::exception::TracebackObject>().is_some() {
            e.set_traceback(tb.clone());
        }
    }
    vm.flush_stdout();
    crate::traceback::display_exception(vm, &value);
    Ok(none())
}

/// An uncaught exception at the top level (pythonrun.c's _PyErr_PrintEx):
/// sets `sys.last_type/last_value/last_traceback` and hands the exception to
/// `sys.excepthook`; a failing hook is reported with the original exception.
/// Returns the exit status (1, or a SystemExit's raised by the hook).
pub(crate) fn report_uncaught(vm: &mut Vm, e: &PyErr) -> i32 {
    let exc = e.exc.clone();
    let exc_type = type_of(&exc).as_value();
    let tb = exc.downcast_ref::<ExceptionObject>().map_or_else(none, |x| x.traceback());
    let tb = if tb.is_null() { none() } else { tb };
    if let Some(m) = vm.modules.downcast_ref::<DictObject>().and_then(|m| m.get_str_key("sys")) {
        if let Some(m) = m.downcast_ref::<ModuleObject>() {
            m.dict().insert_str_key("last_type", exc_type.clone());
            m.dict().insert_str_key("last_value", exc.clone());
            m.dict().insert_str_key("last_traceback", tb.clone());
        }
    }
    let Some(hook) = sys_attr(vm, "excepthook") else {
        vm.flush_stdout();
        vm.write_stderr(b"sys.excepthook is missing\n");
        vm.print_exception(e);
        return 1;
    };
    if let Err(hook_err) = vm.call(&hook, &[exc_type, exc, tb], None) {
        if hook_err.is_instance(ExcKind::SystemExit) {
            return vm.system_exit_status(&hook_err);
        }
        vm.flush_stdout();
        vm.write_stderr(b"Error in sys.excepthook:\n");
        vm.print_exception(&hook_err);
        vm.write_stderr(b"\nOriginal exception was:\n");
        vm.print_exception(e);
    }
    1
}

/// An exception that cannot be raised (from `__del__`, a finalizer, a
/// generator's close), as PyErr_WriteUnraisable: handed to
/// `sys.unraisablehook` with the object it happened in (NULL for none).
pub(crate) fn write_unraisable(vm: &mut Vm, obj: &Value, e: &PyErr) {
    let exc = e.exc.clone();
    let mut tb = exc.downcast_ref::<ExceptionObject>().map_or_else(none, |x| x.traceback());
    if tb.is_null() || tb.is_none() {
        // Raised by native code with no Python frame in between: the traceback
        // names where the interpreter stands (as CPython's `_PyTraceBack_FromFrame`).
        if let Some(fi) = vm.frames.len().checked_sub(1) {
            let lasti = vm.frames[fi].lasti;
            let code = vm.frames[fi].code_value();
            let frame = vm.frame_object(fi);
            tb = crate::exception::new_traceback(Value::NULL, frame, code, lasti);
            if let Some(x) = exc.downcast_ref::<ExceptionObject>() {
                x.set_traceback(tb.clone());
            }
        }
    }
    let tb = if tb.is_null() { none() } else { tb };
    let object = if obj.is_null() { none() } else { obj.clone() };
    let Some(hook) = sys_attr(vm, "unraisablehook").filter(|h| !h.is_none()) else {
        print_unraisable(vm, &object, &none(), e);
        return;
    };
    let args_type = structseq_type(&UNRAISABLE_ARGS_TYPE, &UNRAISABLE_ARGS_DESC);
    let args = new_structseq(vm, args_type, vec![type_of(&exc).as_value(), exc, tb, none(), object.clone()]);
    if let Err(hook_err) = vm.call(&hook, &[args], None) {
        // The hook's own failure is reported by the default printer.
        let err_msg = new_str("Exception ignored in sys.unraisablehook");
        print_unraisable(vm, &hook, &err_msg, &hook_err);
    }
}

/// The default `sys.unraisablehook` output: "Exception ignored in: <obj>"
/// (or the given message) and the exception with its traceback.
fn print_unraisable(vm: &mut Vm, object: &Value, err_msg: &Value, e: &PyErr) {
    let msg = if err_msg.is_none() { None } else { Some(vm.str_string(err_msg).unwrap_or_default()) };
    let header = if !object.is_none() {
        let desc = vm.repr_string(object).unwrap_or_else(|_| "<object repr() failed>".to_string());
        format!("{}: {desc}\n", msg.as_deref().unwrap_or("Exception ignored in"))
    } else {
        msg.map(|m| format!("{m}:\n")).unwrap_or_default()
    };
    vm.flush_stdout();
    vm.write_stderr(header.as_bytes());
    vm.print_exception(e);
}

fn unraisablehook(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "unraisablehook", kw)?;
    let [unraisable] = ArgSpec::exact::<1>(vm, "unraisablehook", args, 0)?;
    let field = |vm: &mut Vm, name: &str| vm.getattr_str(&unraisable, name);
    let exc = field(vm, "exc_value")?;
    let err_msg = field(vm, "err_msg")?;
    let object = field(vm, "object")?;
    if exc.is_none() {
        return Ok(none());
    }
    print_unraisable(vm, &object, &err_msg, &PyErr::new(exc));
    Ok(none())
}

/// An attribute of the `sys` module, if set.
pub(crate) fn sys_attr(vm: &mut Vm, name: &str) -> Option<Value> {
    let sys = vm.modules.downcast_ref::<DictObject>()?.get_str_key("sys")?;
    let m = sys.downcast_ref::<ModuleObject>()?;
    m.dict().get_str_key(name)
}

fn is_finalizing(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "is_finalizing", kw)?;
    ArgSpec::range(vm, "is_finalizing", args, 0, 0, 0)?;
    Ok(Value::bool(crate::modules::atexit::finalizing()))
}

fn audit(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "audit", kwnames)?;
    let Some(event) = args.first() else {
        return Err(vm.type_error("audit() missing 1 required positional argument: 'event'"));
    };
    if event.downcast_ref::<crate::objects::str::StrObject>().is_none() {
        let msg = format!("expected str for argument 'event', not {}", vm.type_name(event));
        return Err(vm.type_error(msg));
    }
    let hooks = sys_state().audit_hooks.clone();
    if hooks.is_empty() {
        return Ok(none());
    }
    let rest = new_tuple(args[1..].to_vec());
    for h in hooks {
        vm.call(&h, &[event.clone(), rest.clone()], None)?;
    }
    Ok(none())
}

fn addaudithook(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "addaudithook", args, kwnames, &["hook"], 1, 1)?;
    let hook = a[0].clone().unwrap_or_else(none);
    sys_state().audit_hooks.push(hook);
    Ok(none())
}

fn call_tracing(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "call_tracing", kw)?;
    let [f, a] = ArgSpec::exact::<2>(vm, "call_tracing", args, 0)?;
    let Some(t) = a.downcast_ref::<crate::objects::tuple::TupleObject>() else {
        let msg = format!("call_tracing() argument 2 must be tuple, not {}", vm.type_name(&a));
        return Err(vm.type_error(msg));
    };
    let items = t.items().to_vec();
    vm.call_tracing(&f, &items)
}

fn settrace(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "settrace", kw)?;
    let [f] = ArgSpec::exact::<1>(vm, "settrace", args, 0)?;
    vm.set_hook(Hook::Trace, if f.is_none() { Value::NULL } else { f });
    Ok(none())
}

fn gettrace(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "gettrace", kw)?;
    ArgSpec::range(vm, "gettrace", args, 0, 0, 0)?;
    let t = vm.hook(Hook::Trace);
    Ok(if t.is_null() { none() } else { t })
}

fn setprofile(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "setprofile", kw)?;
    let [f] = ArgSpec::exact::<1>(vm, "setprofile", args, 0)?;
    vm.set_hook(Hook::Profile, if f.is_none() { Value::NULL } else { f });
    Ok(none())
}

fn getprofile(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "getprofile", kw)?;
    ArgSpec::range(vm, "getprofile", args, 0, 0, 0)?;
    let t = vm.hook(Hook::Profile);
    Ok(if t.is_null() { none() } else { t })
}

fn getallocatedblocks(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "getallocatedblocks", kw)?;
    ArgSpec::range(vm, "getallocatedblocks", args, 0, 0, 0)?;
    Ok(Value::int(0))
}

/// Fills in the parts of `sys` that describe the interpreter and its hooks.
fn add_interpreter_info(vm: &mut Vm, dict: &DictObject) {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("getdefaultencoding", getdefaultencoding),
        ("getfilesystemencoding", getfilesystemencoding),
        ("getfilesystemencodeerrors", getfilesystemencodeerrors),
        ("getswitchinterval", getswitchinterval),
        ("setswitchinterval", setswitchinterval),
        ("getsizeof", getsizeof),
        ("displayhook", displayhook),
        ("excepthook", excepthook),
        ("unraisablehook", unraisablehook),
        ("is_finalizing", is_finalizing),
        ("audit", audit),
        ("addaudithook", addaudithook),
        ("call_tracing", call_tracing),
        ("settrace", settrace),
        ("gettrace", gettrace),
        ("setprofile", setprofile),
        ("getprofile", getprofile),
        ("getallocatedblocks", getallocatedblocks),
    ];
    for (name, f) in funcs {
        dict.insert_str_key(name, new_builtin_function(name, *f, Some("sys")));
    }
    dict.insert_str_key(
        "breakpointhook",
        new_builtin_function("breakpointhook", crate::builtins::sys_breakpointhook, Some("sys")),
    );
    for (alias, name) in [
        ("__breakpointhook__", "breakpointhook"),
        ("__displayhook__", "displayhook"),
        ("__excepthook__", "excepthook"),
        ("__unraisablehook__", "unraisablehook"),
    ] {
        if let Some(f) = dict.get_str_key(name) {
            dict.insert_str_key(alias, f);
        }
    }
    let vi_type = structseq_type(&VERSION_INFO_TYPE, &VERSION_INFO_DESC);
    let version_info = new_structseq(
        vm,
        vi_type,
        vec![Value::int(3), Value::int(11), Value::int(7), new_str("final"), Value::int(0)],
    );
    dict.insert_str_key("version_info", version_info.clone());
    dict.insert_str_key("version", new_str(VERSION));
    dict.insert_str_key("api_version", Value::int(1013));
    dict.insert_str_key("copyright", new_str(COPYRIGHT));
    dict.insert_str_key("abiflags", new_str(""));
    dict.insert_str_key("float_repr_style", new_str("short"));
    dict.insert_str_key("maxunicode", Value::int(0x10FFFF));
    dict.insert_str_key("platlibdir", new_str("lib"));
    // `-X pycache_prefix=PATH`, else PYTHONPYCACHEPREFIX.
    let config = crate::config::current();
    let pycache_prefix = config
        .xoption("pycache_prefix")
        .map(str::to_string)
        .or_else(|| config.use_environment.then(|| crate::config::env_var("PYTHONPYCACHEPREFIX")).flatten())
        .filter(|p| !p.is_empty());
    dict.insert_str_key("pycache_prefix", pycache_prefix.map(|p| new_str(&p)).unwrap_or_else(none));
    dict.insert_str_key("_framework", new_str(""));
    dict.insert_str_key(
        "_git",
        new_tuple(vec![new_str("pyrite"), new_str(""), new_str("")]),
    );
    let implementation = new_namespace(
        vm,
        &[
            ("name", new_str("pyrite")),
            ("cache_tag", new_str(crate::code_cache::CACHE_TAG)),
            ("version", version_info),
            ("hexversion", Value::int(0x030B07F0)),
            ("_multiarch", new_str("x86_64-linux-gnu")),
        ],
    )
    .unwrap_or_else(|_| none());
    dict.insert_str_key("implementation", implementation);

    // The command line and environment, as the `pyrite` binary set them (config.rs).
    let cfg = crate::config::current();
    let dont_write = cfg.dont_write_bytecode;
    dict.insert_str_key("dont_write_bytecode", Value::bool(dont_write));
    let hash_random = match std::env::var("PYTHONHASHSEED") {
        Ok(v) if cfg.use_environment && v != "random" && !v.is_empty() => 0,
        _ => 1,
    };
    let flags_type = structseq_type(&FLAGS_TYPE, &FLAGS_DESC);
    let flags = new_structseq(
        vm,
        flags_type,
        vec![
            Value::int(cfg.parser_debug),
            Value::int(cfg.inspect),
            Value::int(cfg.interactive),
            Value::int(cfg.optimize),
            Value::int(dont_write as i64),
            Value::int(cfg.no_user_site as i64),
            Value::int(cfg.no_site as i64),
            Value::int(!cfg.use_environment as i64),
            Value::int(cfg.verbose),
            Value::int(cfg.bytes_warning),
            Value::int(cfg.quiet),
            Value::int(hash_random),
            Value::int(cfg.isolated as i64),
            Value::bool(cfg.dev_mode),
            Value::int(cfg.utf8_mode),
            Value::int(cfg.warn_default_encoding),
            Value::bool(cfg.safe_path),
            Value::int(cfg.int_max_str_digits),
        ],
    );
    dict.insert_str_key("flags", flags);
    let fi_type = structseq_type(&FLOAT_INFO_TYPE, &FLOAT_INFO_DESC);
    let float_info = new_structseq(
        vm,
        fi_type,
        vec![
            Value::float(f64::MAX),
            Value::int(f64::MAX_EXP as i64),
            Value::int(f64::MAX_10_EXP as i64),
            Value::float(f64::MIN_POSITIVE),
            Value::int(f64::MIN_EXP as i64),
            Value::int(f64::MIN_10_EXP as i64),
            Value::int(f64::DIGITS as i64),
            Value::int(f64::MANTISSA_DIGITS as i64),
            Value::float(f64::EPSILON),
            Value::int(2),
            Value::int(1),
        ],
    );
    dict.insert_str_key("float_info", float_info);
    let ii_type = structseq_type(&INT_INFO_TYPE, &INT_INFO_DESC);
    let int_info = new_structseq(
        vm,
        ii_type,
        vec![Value::int(30), Value::int(4), Value::int(4300), Value::int(640)],
    );
    dict.insert_str_key("int_info", int_info);
    let hi_type = structseq_type(&HASH_INFO_TYPE, &HASH_INFO_DESC);
    let hash_info = new_structseq(
        vm,
        hi_type,
        vec![
            Value::int(64),
            Value::int((1i64 << 61) - 1),
            Value::int(314159),
            Value::int(0),
            Value::int(1000003),
            new_str("siphash13"),
            Value::int(64),
            Value::int(128),
            Value::int(0),
        ],
    );
    dict.insert_str_key("hash_info", hash_info);
    let ti_type = structseq_type(&THREAD_INFO_TYPE, &THREAD_INFO_DESC);
    let thread_info = new_structseq(
        vm,
        ti_type,
        vec![new_str("pthread"), new_str("mutex+cond"), none()],
    );
    dict.insert_str_key("thread_info", thread_info);

    let names = crate::objects::set::new_frozenset();
    if let Some(s) = names.downcast_ref::<crate::objects::set::SetObject>() {
        for n in STDLIB_MODULE_NAMES {
            let _ = s.add(vm, new_str(n));
        }
    }
    dict.insert_str_key("stdlib_module_names", names);

    let exe = std::env::current_exe()
        .ok()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    dict.insert_str_key("executable", new_str(&exe));
    dict.insert_str_key("_base_executable", new_str(&exe));
    let prefix = crate::import::find_stdlib()
        .found
        .and_then(|p| p.parent().and_then(|q| q.parent()).map(|q| q.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "/usr".to_string());
    for k in ["prefix", "base_prefix", "exec_prefix", "base_exec_prefix"] {
        dict.insert_str_key(k, new_str(&prefix));
    }
    dict.insert_str_key("warnoptions", new_list(cfg.warnoptions().iter().map(|w| new_str(w)).collect()));
    // `-X name=value` maps name to the string, a bare `-X name` to True.
    let xoptions = DictObject::new_value();
    if let Some(x) = xoptions.downcast_ref::<DictObject>() {
        for opt in &cfg.xoptions {
            match opt.split_once('=') {
                Some((k, v)) => x.insert_str_key(k, new_str(v)),
                None => x.insert_str_key(opt, Value::bool(true)),
            }
        }
    }
    dict.insert_str_key("_xoptions", xoptions);
    let orig: Vec<Value> = std::env::args().map(|a| new_str(&a)).collect();
    dict.insert_str_key("orig_argv", new_list(orig));
    // meta_path, path_hooks and path_importer_cache appear when first asked
    // for (import::lazy_sys_attr), with importlib's bootstrap loaded then.
}
