//! Argument checking for native functions, with CPython's messages.

use crate::exception::PyResult;
use crate::objects::str::str_eq;
use crate::objects::tuple::TupleObject;
use crate::typeobj::KwNames;
use crate::value::Value;
use crate::vm::Vm;

/// Positional arguments and (name, value) keyword pairs of a vectorcall.
pub fn split_kwargs<'a>(args: &'a [Value], kwnames: KwNames<'a>) -> (&'a [Value], Vec<(&'a Value, &'a Value)>) {
    let names: &[Value] = kwnames
        .and_then(|k| k.downcast_ref::<TupleObject>())
        .map_or(&[], |t| t.items());
    let npos = args.len() - names.len().min(args.len());
    let kw = names.iter().zip(&args[npos..]).collect();
    (&args[..npos], kw)
}

pub fn check_no_kwargs(vm: &mut Vm, fname: &str, kwnames: KwNames) -> PyResult<()> {
    if kwnames
        .and_then(|k| k.downcast_ref::<TupleObject>())
        .is_some_and(|t| !t.is_empty())
    {
        return Err(vm.type_error(format!("{fname}() takes no keyword arguments")));
    }
    Ok(())
}

pub struct ArgSpec;

impl ArgSpec {
    /// Exactly `N` arguments; `implicit` leading ones (self) are not counted in messages.
    pub fn exact<const N: usize>(vm: &mut Vm, fname: &str, args: &[Value], implicit: usize) -> PyResult<[Value; N]> {
        if args.len() != N {
            let want = N - implicit;
            let given = args.len().saturating_sub(implicit);
            let msg = match want {
                0 => format!("{fname}() takes no arguments ({given} given)"),
                1 => format!("{fname}() takes exactly one argument ({given} given)"),
                _ => format!("{fname} expected {want} arguments, got {given}"),
            };
            return Err(vm.type_error(msg));
        }
        Ok(std::array::from_fn(|i| args[i].clone()))
    }

    /// Between `min` and `max` positional arguments (after `implicit` ones).
    pub fn range(vm: &mut Vm, fname: &str, args: &[Value], implicit: usize, min: usize, max: usize) -> PyResult<()> {
        let n = args.len().saturating_sub(implicit);
        if n < min {
            let msg = if min == 1 && max == 1 {
                format!("{fname}() takes exactly one argument ({n} given)")
            } else {
                format!(
                    "{fname} expected at least {min} argument{}, got {n}",
                    if min == 1 { "" } else { "s" }
                )
            };
            return Err(vm.type_error(msg));
        }
        if n > max {
            let msg = match max {
                0 => format!("{fname}() takes no arguments ({n} given)"),
                1 if min == 1 => format!("{fname}() takes exactly one argument ({n} given)"),
                _ => format!(
                    "{fname} expected at most {max} argument{}, got {n}",
                    if max == 1 { "" } else { "s" }
                ),
            };
            return Err(vm.type_error(msg));
        }
        Ok(())
    }

    /// Named parameters filled from positional and keyword arguments:
    /// `names[i]` may be given positionally when `i < max_pos`.
    pub fn parse(
        vm: &mut Vm,
        fname: &str,
        args: &[Value],
        kwnames: KwNames,
        names: &[&str],
        max_pos: usize,
        required: usize,
    ) -> PyResult<Vec<Option<Value>>> {
        let (pos, kw) = split_kwargs(args, kwnames);
        // Argument Clinic counts all arguments first (_PyArg_UnpackKeywords).
        if pos.len() + kw.len() > names.len() {
            let msg = format!(
                "{fname}() takes at most {} {}argument{} ({} given)",
                names.len(),
                if pos.is_empty() { "keyword " } else { "" },
                if names.len() == 1 { "" } else { "s" },
                pos.len() + kw.len()
            );
            return Err(vm.type_error(msg));
        }
        if pos.len() > max_pos {
            let msg = if max_pos == 0 {
                format!("{fname}() takes no positional arguments")
            } else {
                format!(
                    "{fname}() takes at most {max_pos} positional argument{} ({} given)",
                    if max_pos == 1 { "" } else { "s" },
                    pos.len()
                )
            };
            return Err(vm.type_error(msg));
        }
        let mut out: Vec<Option<Value>> = vec![None; names.len()];
        for (i, v) in pos.iter().enumerate() {
            out[i] = Some(v.clone());
        }
        for (k, v) in kw {
            let Some(i) = names.iter().position(|n| str_eq(&vm.intern(n), k)) else {
                let msg = format!(
                    "'{}' is an invalid keyword argument for {fname}()",
                    crate::objects::str::display_lossy(k)
                );
                return Err(vm.type_error(msg));
            };
            if out[i].is_some() {
                let msg = format!(
                    "argument for {fname}() given by name ('{}') and position ({})",
                    names[i],
                    i + 1
                );
                return Err(vm.type_error(msg));
            }
            out[i] = Some(v.clone());
        }
        for (i, o) in out.iter().enumerate().take(required) {
            if o.is_none() {
                let msg = if i < max_pos {
                    format!("{fname}() missing required argument '{}' (pos {})", names[i], i + 1)
                } else {
                    format!("{fname}() missing required keyword argument '{}'", names[i])
                };
                return Err(vm.type_error(msg));
            }
        }
        Ok(out)
    }
}

/// A METH_NOARGS method: `args` is just self. `qualname` is "type.method",
/// as CPython names the method in these messages.
pub fn no_args(vm: &mut Vm, qualname: &str, args: &[Value], kwnames: KwNames) -> PyResult<()> {
    if kwnames
        .and_then(|k| k.downcast_ref::<TupleObject>())
        .is_some_and(|t| !t.is_empty())
    {
        return Err(vm.type_error(format!("{qualname}() takes no keyword arguments")));
    }
    if args.len() > 1 {
        return Err(vm.type_error(format!("{qualname}() takes no arguments ({} given)", args.len() - 1)));
    }
    Ok(())
}
