//! `_opcode`: `stack_effect`, which `dis.stack_effect` re-exports. The answers come from the
//! compiler's own table, the one it computes frame stack sizes with.

use crate::args::{split_kwargs, ArgSpec};
use crate::exception::{ExcKind, PyResult};
use crate::objects::int::as_int;
use crate::modules::ModuleBuilder;
use crate::objects::singletons::{false_value, true_value};
use crate::typeobj::KwNames;
use crate::value::Value;
use crate::vm::Vm;
use pyrite_bytecode::HAVE_ARGUMENT;
use pyrite_compiler::cfg::{pseudo, stack_effect as compiler_stack_effect};

/// `stack_effect(opcode, oparg=None, /, *, jump=None)`. Opcodes as 3.11's `dis` numbers them:
/// the compiler's pseudo-instructions are -1 (SETUP_FINALLY) down to -10 (POP_JUMP_IF_NOT_NONE).
fn stack_effect(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    if split_kwargs(args, kw).0.is_empty() {
        return Err(vm.type_error("stack_effect() takes at least 1 positional argument (0 given)"));
    }
    // Empty names: the first two are positional-only, so no keyword can name them.
    let p = ArgSpec::parse(vm, "stack_effect", args, kw, &["", "", "jump"], 2, 1)?;
    let opcode = match &p[0] {
        Some(v) => vm.c_int(v)?,
        None => 0,
    };
    let takes_arg = opcode >= HAVE_ARGUMENT as i32;
    let oparg = match p[1].as_ref().filter(|v| !v.is_none()) {
        Some(_) if !takes_arg => {
            return Err(vm.value_error("stack_effect: opcode does not permit oparg but oparg was specified"))
        }
        Some(v) => c_long_truncated(vm, v)?,
        None if takes_arg => {
            return Err(vm.value_error("stack_effect: opcode requires oparg but oparg was not specified"))
        }
        None => 0,
    };
    let jump = match &p[2] {
        None => -1,
        Some(v) if v.is_none() => -1,
        Some(v) if v.is(&true_value()) => 1,
        Some(v) if v.is(&false_value()) => 0,
        Some(_) => return Err(vm.value_error("stack_effect: jump must be False, True or None")),
    };
    let compiler_opcode = match opcode {
        -10..=-1 => Some((pseudo::SETUP_FINALLY as i32 - 1 - opcode) as u16),
        // Above 240 CPython reserves the numbers for specialized and instrumented forms.
        0..=240 => Some(opcode as u16),
        _ => None,
    };
    match compiler_opcode.and_then(|op| compiler_stack_effect(op, oparg, jump)) {
        Some(effect) => Ok(Value::int(effect as i64)),
        None => Err(vm.value_error("invalid opcode or oparg")),
    }
}

/// `(int)PyLong_AsLong(v)`, as 3.11's `_opcode` converts the oparg: C long range checked,
/// then cut to a C int.
fn c_long_truncated(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    if v.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let iv = vm.index(v)?;
    match as_int(&iv).and_then(|i| i.to_i64()) {
        Some(n) => Ok(n as i32),
        None => Err(vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C long")),
    }
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_opcode");
    m.doc("Opcode support module.");
    m.functions(&[("stack_effect", stack_effect)]);
    Ok(m.finish())
}
