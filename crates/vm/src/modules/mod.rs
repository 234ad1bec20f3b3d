//! The native modules: what CPython writes in C, pyrite writes in Rust under
//! the same module names, one file per module named as the module.
//!
//! `import` consults [`find`] before it searches `sys.path` (CPython's
//! BuiltinImporter comes first in `sys.meta_path` too), and
//! `sys.builtin_module_names` lists [`MODULES`].
//!
//! To add a module `_foo`: write `modules/_foo.rs` with
//! `pub(crate) fn init(vm: &mut Vm) -> PyResult<Value>` (build it with
//! [`ModuleBuilder`]), add `mod _foo;` below and a line to [`MODULES`].
//! Types a module defines are [`NativeType`]s whose instances are usually
//! `objects::native::NativeObject`s.

use crate::exception::PyResult;
use crate::object::LayoutKind;
use crate::objects::descr::new_builtin_function;
use crate::objects::dict::DictObject;
use crate::objects::module::{new_module, ModuleObject};
use crate::objects::str::new_str;
use crate::typeobj::{NativeFn, Slots, StaticType, TypeObject};
use crate::value::Value;
use crate::vm::Vm;
use std::sync::Once;

mod _ast;
mod _asyncio;
mod _bisect;
mod _blake2;
pub(crate) mod _codecs;
mod _contextvars;
mod _collections;
mod _csv;
mod _datetime;
mod _functools;
mod _heapq;
mod _imp;
pub(crate) mod _io;
mod _json;
mod _lsprof;
mod _locale;
mod _md5;
mod _opcode;
mod _operator;
mod _posixsubprocess;
mod _random;
mod _sha1;
mod _sha256;
mod _sha3;
mod _sha512;
pub(crate) mod _signal;
mod _socket;
mod _sre;
mod _string;
mod _struct;
mod _testcapi;
mod _testinternalcapi;
mod _tracemalloc;
pub(crate) mod _thread;
mod _uuid;
mod _warnings;
pub(crate) mod _weakref;
pub(crate) mod array;
pub(crate) mod atexit;
mod binascii;
mod cmath;
mod fcntl;
pub(crate) mod errno;
pub(crate) mod gc;
mod grp;
mod hash_common;
mod itertools;
mod marshal;
mod math;
mod mmap;
pub(crate) mod posix;
mod pwd;
mod pyexpat;
mod resource;
pub(crate) mod select;
pub(crate) mod structseq;
mod termios;
pub(crate) mod time;
mod unicodedata;
mod zlib;

/// A native module: its name and the function that builds it (called once
/// per interpreter, at its first import).
pub(crate) struct ModuleDef {
    pub name: &'static str,
    pub init: fn(&mut Vm) -> PyResult<Value>,
}

/// Every native module, besides `builtins` and `sys` which exist from start-up.
pub(crate) const MODULES: &[ModuleDef] = &[
    ModuleDef { name: "_ast", init: _ast::init },
    ModuleDef { name: "_asyncio", init: _asyncio::init },
    ModuleDef { name: "_bisect", init: _bisect::init },
    ModuleDef { name: "_blake2", init: _blake2::init },
    ModuleDef { name: "_codecs", init: _codecs::init },
    ModuleDef { name: "_collections", init: _collections::init },
    ModuleDef { name: "_contextvars", init: _contextvars::init },
    ModuleDef { name: "_csv", init: _csv::init },
    ModuleDef { name: "_datetime", init: _datetime::init },
    ModuleDef { name: "_functools", init: _functools::init },
    ModuleDef { name: "_heapq", init: _heapq::init },
    ModuleDef { name: "_imp", init: _imp::init },
    ModuleDef { name: "_io", init: _io::init },
    ModuleDef { name: "_json", init: _json::init },
    ModuleDef { name: "_lsprof", init: _lsprof::init },
    ModuleDef { name: "_locale", init: _locale::init },
    ModuleDef { name: "_md5", init: _md5::init },
    ModuleDef { name: "_opcode", init: _opcode::init },
    ModuleDef { name: "_operator", init: _operator::init },
    ModuleDef { name: "_posixsubprocess", init: _posixsubprocess::init },
    ModuleDef { name: "_random", init: _random::init },
    ModuleDef { name: "_sha1", init: _sha1::init },
    ModuleDef { name: "_sha256", init: _sha256::init },
    ModuleDef { name: "_sha3", init: _sha3::init },
    ModuleDef { name: "_sha512", init: _sha512::init },
    ModuleDef { name: "_signal", init: _signal::init },
    ModuleDef { name: "_socket", init: _socket::init },
    ModuleDef { name: "_sre", init: _sre::init },
    ModuleDef { name: "_string", init: _string::init },
    ModuleDef { name: "_struct", init: _struct::init },
    ModuleDef { name: "_testcapi", init: _testcapi::init },
    ModuleDef { name: "_testinternalcapi", init: _testinternalcapi::init },
    ModuleDef { name: "_thread", init: _thread::init },
    ModuleDef { name: "_uuid", init: _uuid::init },
    ModuleDef { name: "_tracemalloc", init: _tracemalloc::init },
    ModuleDef { name: "_warnings", init: _warnings::init },
    ModuleDef { name: "_weakref", init: _weakref::init },
    ModuleDef { name: "array", init: array::init },
    ModuleDef { name: "atexit", init: atexit::init },
    ModuleDef { name: "binascii", init: binascii::init },
    ModuleDef { name: "cmath", init: cmath::init },
    ModuleDef { name: "errno", init: errno::init },
    ModuleDef { name: "fcntl", init: fcntl::init },
    ModuleDef { name: "gc", init: gc::init },
    ModuleDef { name: "grp", init: grp::init },
    ModuleDef { name: "itertools", init: itertools::init },
    ModuleDef { name: "marshal", init: marshal::init },
    ModuleDef { name: "math", init: math::init },
    ModuleDef { name: "mmap", init: mmap::init },
    ModuleDef { name: "posix", init: posix::init },
    ModuleDef { name: "pwd", init: pwd::init },
    ModuleDef { name: "pyexpat", init: pyexpat::init },
    ModuleDef { name: "resource", init: resource::init },
    ModuleDef { name: "select", init: select::init },
    ModuleDef { name: "termios", init: termios::init },
    ModuleDef { name: "time", init: time::init },
    ModuleDef { name: "unicodedata", init: unicodedata::init },
    ModuleDef { name: "zlib", init: zlib::init },
];

/// The native module called `name`, if there is one.
pub(crate) fn find(name: &str) -> Option<&'static ModuleDef> {
    MODULES.iter().find(|m| m.name == name)
}

/// `sys.builtin_module_names`: sorted, as CPython's.
pub(crate) fn builtin_module_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = MODULES.iter().map(|m| m.name).collect();
    names.extend(["builtins", "sys"]);
    names.sort_unstable();
    names
}

/// Builds a module object: functions, constants, types.
pub struct ModuleBuilder {
    name: &'static str,
    module: Value,
    dict: Value,
}

impl ModuleBuilder {
    pub fn new(name: &'static str) -> ModuleBuilder {
        let module = new_module(name);
        let dict = module
            .downcast_ref::<ModuleObject>()
            .map(|m| m.dict_value())
            .unwrap_or_else(DictObject::new_value);
        let builder = ModuleBuilder { name, module, dict };
        builder.value("__doc__", crate::docstrings::module_doc(name));
        builder
    }

    pub fn dict(&self) -> &DictObject {
        // Invariant: `dict` is the module's dict, created as a dict.
        match self.dict.downcast_ref::<DictObject>() {
            Some(d) => d,
            None => unreachable!("module dict is a dict"),
        }
    }

    /// A builtin function whose `__module__` is this module.
    pub fn function(&self, name: &'static str, f: NativeFn) -> &Self {
        self.dict().insert_str_key(name, new_builtin_function(name, f, Some(self.name)));
        self
    }

    pub fn functions(&self, fs: &[(&'static str, NativeFn)]) -> &Self {
        for (name, f) in fs {
            self.function(name, *f);
        }
        self
    }

    pub fn value(&self, name: &str, v: Value) -> &Self {
        self.dict().insert_str_key(name, v);
        self
    }

    pub fn int(&self, name: &str, v: i64) -> &Self {
        self.value(name, Value::int(v))
    }

    pub fn str(&self, name: &str, v: &str) -> &Self {
        self.value(name, new_str(v))
    }

    pub fn doc(&self, doc: &str) -> &Self {
        self.str("__doc__", doc)
    }

    /// Puts a type in the module under its own name.
    pub fn type_(&self, t: &'static TypeObject) -> &Self {
        self.dict().insert_str_key(&t.name_string(), t.as_value());
        self
    }

    pub fn finish(self) -> Value {
        self.module
    }
}

/// A type defined by a native module, built on first use and then shared by
/// every interpreter of the process (as CPython's static types).
pub struct NativeType {
    st: StaticType,
    once: Once,
}

// SAFETY: built once under `Once`, then only read, under the GIL.
unsafe impl Sync for NativeType {}

impl NativeType {
    pub const fn new() -> NativeType {
        NativeType {
            st: StaticType::new(),
            once: Once::new(),
        }
    }

    /// The type, built by `build` (given the storage to initialize, typically
    /// with [`init_native_type`]) the first time it is asked for.
    pub fn get_or_init(&'static self, build: impl FnOnce(&'static StaticType)) -> &'static TypeObject {
        self.once.call_once(|| build(&self.st));
        self.st.get()
    }

    /// The type if it was built already.
    pub fn get(&'static self) -> Option<&'static TypeObject> {
        if self.once.is_completed() {
            Some(self.st.get())
        } else {
            None
        }
    }

    /// The storage, to name this type as the base of another native type.
    pub fn storage(&'static self) -> &'static StaticType {
        &self.st
    }
}

impl Default for NativeType {
    fn default() -> Self {
        NativeType::new()
    }
}

/// Fills in a native type: `module.name`, its base (its slots inherited),
/// `configure` to set its own slots, then the `__dunder__` wrappers for them.
/// Methods and getsets are added afterwards with `typeinit::add_method` and
/// friends. `flags` are `typeobj::type_flags` (BASETYPE to allow subclassing).
pub fn init_native_type(
    st: &'static StaticType,
    module: &str,
    name: &str,
    layout: LayoutKind,
    base: &'static StaticType,
    flags: u32,
    configure: impl FnOnce(&mut Slots),
) -> &'static TypeObject {
    // SAFETY: called once per type (NativeType's Once), under the GIL.
    unsafe { st.init(layout, flags, Some(base)) };
    let t = st.get();
    crate::typeinit::finish_static(t, name);
    crate::typeinit::inherit_slots(t);
    configure(t.slots_mut());
    crate::typeinit::add_slot_wrappers(t);
    crate::typeinit::set_attr(t, "__module__", new_str(module));
    crate::docstrings::set_type_doc(t);
    t
}
