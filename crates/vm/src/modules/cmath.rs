//! `cmath` (placeholder filled in below).
use crate::exception::PyResult;
use crate::value::Value;
use crate::vm::Vm;

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    Ok(crate::modules::ModuleBuilder::new("cmath").finish())
}
