//! `_warnings`: the native entry points of the warnings machinery.
//!
//! CPython's `_warnings` keeps the filters in C; `Lib/warnings.py` falls back
//! to its own pure-Python filters when `_warnings` lacks them, and that is
//! what pyrite uses: this module offers `warn` and `warn_explicit` (which
//! `importlib._bootstrap` calls) and hands them to `warnings.py`, so the text
//! printed is CPython's. A native function adds no frame, so `stacklevel`
//! counts from the same Python caller as CPython's C `warn` does.

use crate::args::ArgSpec;
use crate::exception::PyResult;
use crate::modules::ModuleBuilder;
use crate::objects::singletons::none;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::typeobj::KwNames;
use crate::value::Value;
use crate::vm::Vm;

/// `warnings.<name>`, the pure-Python implementation.
fn python_impl(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let module = vm.import_absolute("warnings")?;
    vm.getattr_str(&module, name)
}

/// Calls `warnings.<name>` with the arguments given by keyword, as parsed.
fn forward(vm: &mut Vm, name: &str, names: &[&str], parsed: Vec<Option<Value>>) -> PyResult<Value> {
    let f = python_impl(vm, name)?;
    let mut args = Vec::new();
    let mut kw = Vec::new();
    for (n, v) in names.iter().zip(parsed) {
        if let Some(v) = v {
            args.push(v);
            kw.push(new_str(n));
        }
    }
    let kwnames = new_tuple(kw);
    vm.call(&f, &args, Some(&kwnames))
}

fn warn(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    const NAMES: [&str; 4] = ["message", "category", "stacklevel", "source"];
    let a = ArgSpec::parse(vm, "warn", args, kw, &NAMES, 4, 1)?;
    forward(vm, "warn", &NAMES, a)
}

fn warn_explicit(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    const NAMES: [&str; 8] = [
        "message", "category", "filename", "lineno", "module", "registry", "module_globals", "source",
    ];
    let a = ArgSpec::parse(vm, "warn_explicit", args, kw, &NAMES, 8, 4)?;
    forward(vm, "warn_explicit", &NAMES, a)
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_warnings");
    m.doc("_warnings provides basic warning filtering support.\nIt is a helper module to speed up interpreter start-up.");
    m.functions(&[("warn", warn), ("warn_explicit", warn_explicit)]);
    let _ = none();
    Ok(m.finish())
}
