//! `_testinternalcapi`: the introspection helpers of CPython's internal test
//! module that `Lib/test` relies on, answered from pyrite's own state:
//! `get_config()` (the start-up configuration, as `PyConfig` names its
//! fields; `test.support.requires_debug_ranges` reads `code_debug_ranges`)
//! and `get_recursion_depth()` (what `test.support.get_recursion_depth` and
//! RecursionError tests count with). Only the configuration fields pyrite
//! really has are present; CPython-only details (its GC header size, its
//! frame-evaluation hooks) are left out, so code asking for them gets an
//! AttributeError rather than a made-up answer.

use crate::args::{check_no_kwargs, ArgSpec};
use crate::exception::PyResult;
use crate::modules::ModuleBuilder;
use crate::objects::dict::DictObject;
use crate::objects::list::new_list;
use crate::objects::str::new_str;
use crate::typeobj::KwNames;
use crate::value::Value;
use crate::vm::Vm;

/// `get_config()`: a new dict of the configuration's fields (flags as 0/1
/// ints, as `PyConfig` keeps them).
fn get_config(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "get_config", kw)?;
    ArgSpec::range(vm, "get_config", args, 0, 0, 0)?;
    let cfg = crate::config::current();
    let flag = |b: bool| Value::int(b as i64);
    let d = DictObject::new_value();
    if let Some(dict) = d.downcast_ref::<DictObject>() {
        let ints: [(&str, Value); 18] = [
            ("use_environment", flag(cfg.use_environment)),
            ("isolated", flag(cfg.isolated)),
            ("parser_debug", Value::int(cfg.parser_debug)),
            ("inspect", Value::int(cfg.inspect)),
            ("interactive", Value::int(cfg.interactive)),
            ("optimization_level", Value::int(cfg.optimize)),
            ("write_bytecode", flag(!cfg.dont_write_bytecode)),
            ("user_site_directory", flag(!cfg.no_user_site)),
            ("site_import", flag(!cfg.no_site)),
            ("verbose", Value::int(cfg.verbose)),
            ("bytes_warning", Value::int(cfg.bytes_warning)),
            ("quiet", Value::int(cfg.quiet)),
            ("buffered_stdio", flag(!cfg.unbuffered)),
            ("safe_path", flag(cfg.safe_path)),
            ("dev_mode", flag(cfg.dev_mode)),
            ("warn_default_encoding", Value::int(cfg.warn_default_encoding)),
            ("code_debug_ranges", flag(cfg.code_debug_ranges())),
            ("skip_source_first_line", flag(false)),
        ];
        for (name, v) in ints {
            dict.insert_str_key(name, v);
        }
        dict.insert_str_key("warnoptions", new_list(cfg.warnoptions().iter().map(|w| new_str(w)).collect()));
        dict.insert_str_key("xoptions", new_list(cfg.xoptions.iter().map(|x| new_str(x)).collect()));
    }
    Ok(d)
}

/// `get_recursion_depth()`: how deep the caller is in the recursion count
/// that RecursionError is raised against (1 at a module's top level).
fn get_recursion_depth(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "get_recursion_depth", kw)?;
    ArgSpec::range(vm, "get_recursion_depth", args, 0, 0, 0)?;
    Ok(Value::int(vm.depth as i64))
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_testinternalcapi");
    m.functions(&[("get_config", get_config), ("get_recursion_depth", get_recursion_depth)]);
    Ok(m.finish())
}
