//! `_testinternalcapi`: the part of CPython's internal test module that
//! Lib/test asks about the interpreter itself. `get_config()` reports the
//! settings pyrite has: code objects always carry column positions
//! (`code_debug_ranges`, which `test.support.requires_debug_ranges` checks).
//! `get_recursion_depth()` is the depth the recursion limit is checked
//! against (`test.support.infinite_recursion` sets limits relative to it).

use crate::args::{check_no_kwargs, ArgSpec};
use crate::exception::PyResult;
use crate::modules::ModuleBuilder;
use crate::objects::dict::DictObject;
use crate::typeobj::KwNames;
use crate::value::Value;
use crate::vm::Vm;

fn get_config(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "get_config", kw)?;
    ArgSpec::exact::<0>(vm, "get_config", args, 0)?;
    let config = DictObject::new_value();
    if let Some(d) = config.downcast_ref::<DictObject>() {
        d.insert_str_key("code_debug_ranges", Value::bool(true));
    }
    Ok(config)
}

fn get_recursion_depth(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "get_recursion_depth", kw)?;
    ArgSpec::exact::<0>(vm, "get_recursion_depth", args, 0)?;
    Ok(Value::int(vm.depth as i64))
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_testinternalcapi");
    m.functions(&[("get_config", get_config), ("get_recursion_depth", get_recursion_depth)]);
    Ok(m.finish())
}
