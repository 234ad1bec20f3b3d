//! `gc`: the interface to the cycle collector (`crate::gc`).

use crate::args::ArgSpec;
use crate::exception::PyResult;
use crate::gc as collector;
use crate::modules::ModuleBuilder;
use crate::objects::dict::DictObject;
use crate::objects::list::new_list;
use crate::objects::singletons::none;
use crate::objects::tuple::new_tuple;
use crate::typeobj::KwNames;
use crate::value::Value;
use crate::vm::Vm;

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("gc");
    m.doc("This module provides access to the garbage collector for reference cycles.\n\nenable() -- Enable automatic garbage collection.\ndisable() -- Disable automatic garbage collection.\nisenabled() -- Returns true if automatic collection is enabled.\ncollect() -- Do a full collection right now.\nget_count() -- Return the current collection counts.\nget_stats() -- Return list of dictionaries containing per-generation stats.\nset_debug() -- Set debugging flags.\nget_debug() -- Get debugging flags.\nset_threshold() -- Set the collection thresholds.\nget_threshold() -- Return the current the collection thresholds.\nget_objects() -- Return a list of all objects tracked by the collector.\nis_tracked() -- Returns true if a given object is tracked.\nis_finalized() -- Returns true if a given object has been already finalized.\nget_referrers() -- Return the list of objects that refer to an object.\nget_referents() -- Return the list of objects that an object refers to.\nfreeze() -- Freeze all tracked objects and ignore them for future collections.\nunfreeze() -- Unfreeze all objects in the permanent generation.\nget_freeze_count() -- Return the number of objects in the permanent generation.\n");
    m.functions(&[
        ("collect", collect),
        ("enable", enable),
        ("disable", disable),
        ("isenabled", isenabled),
        ("get_count", get_count),
        ("get_threshold", get_threshold),
        ("set_threshold", set_threshold),
        ("get_debug", get_debug),
        ("set_debug", set_debug),
        ("get_stats", get_stats),
        ("is_tracked", is_tracked),
        ("is_finalized", is_finalized),
        ("get_referrers", get_referrers),
        ("get_referents", get_referents),
        ("get_objects", get_objects),
        ("freeze", freeze),
        ("unfreeze", unfreeze),
        ("get_freeze_count", get_freeze_count),
    ]);
    m.int("DEBUG_STATS", collector::DEBUG_STATS)
        .int("DEBUG_COLLECTABLE", collector::DEBUG_COLLECTABLE)
        .int("DEBUG_UNCOLLECTABLE", collector::DEBUG_UNCOLLECTABLE)
        .int("DEBUG_SAVEALL", collector::DEBUG_SAVEALL)
        .int("DEBUG_LEAK", collector::DEBUG_LEAK);
    // SAFETY: GIL held; the lists live as long as the process (the collector
    // keeps them), as CPython's interpreter-wide gc state.
    let st = unsafe { collector::state() };
    if st.garbage_list.is_null() {
        st.garbage_list = new_list(Vec::new());
        st.callbacks_list = new_list(Vec::new());
    }
    let (garbage, callbacks) = (st.garbage_list.clone(), st.callbacks_list.clone());
    m.value("garbage", garbage).value("callbacks", callbacks);
    Ok(m.finish())
}

fn bool_value(b: bool) -> Value {
    if b {
        crate::objects::singletons::true_value()
    } else {
        crate::objects::singletons::false_value()
    }
}

/// CPython's message for a one-parameter function given more.
fn at_most_one(vm: &mut Vm, fname: &str, args: &[Value], kwnames: KwNames) -> PyResult<()> {
    if args.len() > 1 {
        let nkw = kwnames
            .and_then(|k| k.downcast_ref::<crate::objects::tuple::TupleObject>().map(|t| t.len()))
            .unwrap_or(0);
        if args.len() - nkw > 1 || nkw == 0 {
            return Err(vm.type_error(format!("{fname}() takes at most 1 argument ({} given)", args.len())));
        }
    }
    Ok(())
}

fn collect(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    at_most_one(vm, "collect", args, kwnames)?;
    let a = ArgSpec::parse(vm, "collect", args, kwnames, &["generation"], 1, 0)?;
    let gen = match &a[0] {
        Some(g) => vm.index_i64(g)?,
        None => 2,
    };
    if !(0..=2).contains(&gen) {
        return Err(vm.value_error("invalid generation"));
    }
    Ok(Value::int(collector::collect_with_callbacks(vm, gen as usize)))
}

fn enable(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    ArgSpec::exact::<0>(vm, "gc.enable", args, 0)?;
    // SAFETY: GIL held.
    unsafe { collector::state().enabled = true };
    Ok(none())
}

fn disable(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    ArgSpec::exact::<0>(vm, "gc.disable", args, 0)?;
    // SAFETY: GIL held.
    unsafe { collector::state().enabled = false };
    Ok(none())
}

fn isenabled(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    ArgSpec::exact::<0>(vm, "gc.isenabled", args, 0)?;
    // SAFETY: GIL held.
    Ok(bool_value(unsafe { collector::state().enabled }))
}

fn get_count(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    ArgSpec::exact::<0>(vm, "gc.get_count", args, 0)?;
    // SAFETY: GIL held.
    let c = unsafe { collector::state().count };
    Ok(new_tuple(c.iter().map(|&n| Value::int(n)).collect()))
}

fn get_threshold(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    ArgSpec::exact::<0>(vm, "gc.get_threshold", args, 0)?;
    // SAFETY: GIL held.
    let t = unsafe { collector::state().threshold };
    Ok(new_tuple(t.iter().map(|&n| Value::int(n)).collect()))
}

fn set_threshold(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "set_threshold", kwnames)?;
    if args.is_empty() || args.len() > 3 {
        let msg = if args.is_empty() {
            "set_threshold() takes at least 1 argument (0 given)".to_string()
        } else {
            format!("set_threshold() takes at most 3 arguments ({} given)", args.len())
        };
        return Err(vm.type_error(msg));
    }
    let mut vals = Vec::with_capacity(args.len());
    for a in args {
        if a.is_float() {
            return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
        }
        let n = vm.index_i64(a)?;
        if n > i32::MAX as i64 || n < i32::MIN as i64 {
            let msg = if n > 0 {
                "signed integer is greater than maximum"
            } else {
                "signed integer is less than minimum"
            };
            return Err(vm.new_error(crate::exception::ExcKind::OverflowError, msg));
        }
        vals.push(n);
    }
    // SAFETY: GIL held.
    let st = unsafe { collector::state() };
    for (i, n) in vals.into_iter().enumerate() {
        st.threshold[i] = n;
    }
    Ok(none())
}

fn get_debug(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    ArgSpec::exact::<0>(vm, "gc.get_debug", args, 0)?;
    // SAFETY: GIL held.
    Ok(Value::int(unsafe { collector::state().debug }))
}

fn set_debug(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [flags] = ArgSpec::exact::<1>(vm, "gc.set_debug", args, 0)?;
    if flags.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.index_i64(&flags)?;
    // SAFETY: GIL held.
    unsafe { collector::state().debug = n };
    Ok(none())
}

fn get_stats(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    ArgSpec::exact::<0>(vm, "gc.get_stats", args, 0)?;
    // SAFETY: GIL held.
    let stats = unsafe { collector::state().stats };
    let mut out = Vec::new();
    for s in stats {
        let d = DictObject::new_value();
        if let Some(dd) = d.downcast_ref::<DictObject>() {
            dd.insert_str_key("collections", Value::int(s.collections));
            dd.insert_str_key("collected", Value::int(s.collected));
            dd.insert_str_key("uncollectable", Value::int(s.uncollectable));
        }
        out.push(d);
    }
    Ok(new_list(out))
}

fn is_tracked(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [obj] = ArgSpec::exact::<1>(vm, "gc.is_tracked", args, 0)?;
    Ok(bool_value(collector::is_tracked(&obj)))
}

fn is_finalized(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [obj] = ArgSpec::exact::<1>(vm, "gc.is_finalized", args, 0)?;
    Ok(bool_value(collector::is_finalized(&obj)))
}

fn get_referrers(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "get_referrers", kwnames)?;
    Ok(new_list(collector::referrers(args)))
}

fn get_referents(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "get_referents", kwnames)?;
    let mut out = Vec::new();
    for a in args {
        out.extend(collector::referents(a));
    }
    Ok(new_list(out))
}

fn get_objects(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    at_most_one(vm, "get_objects", args, kwnames)?;
    let a = ArgSpec::parse(vm, "get_objects", args, kwnames, &["generation"], 1, 0)?;
    let gen = match &a[0] {
        Some(g) if !g.is_none() => {
            let n = vm.index_i64(g)?;
            if n >= 3 {
                return Err(vm.value_error("generation parameter must be less than the number of available generations (3)"));
            }
            if n < -1 {
                return Err(vm.value_error("generation parameter cannot be negative"));
            }
            (n >= 0).then_some(n as usize)
        }
        _ => None,
    };
    Ok(new_list(collector::objects(gen)))
}

fn freeze(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    ArgSpec::exact::<0>(vm, "gc.freeze", args, 0)?;
    collector::freeze();
    Ok(none())
}

fn unfreeze(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    ArgSpec::exact::<0>(vm, "gc.unfreeze", args, 0)?;
    collector::unfreeze();
    Ok(none())
}

fn get_freeze_count(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    ArgSpec::exact::<0>(vm, "gc.get_freeze_count", args, 0)?;
    Ok(Value::int(collector::freeze_count() as i64))
}
