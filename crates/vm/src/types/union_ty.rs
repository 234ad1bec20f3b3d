//! `types.UnionType`: what `int | str` evaluates to (PEP 604), as CPython
//! 3.11's Objects/unionobject.c: `type.__or__`, GenericAlias and unions
//! themselves combine into a flat, de-duplicated union; a single member
//! collapses to itself; `isinstance`/`issubclass` accept unions.

use crate::exception::PyResult;
use crate::modules::{init_native_type, NativeType};
use crate::object::LayoutKind;
use crate::objects::native::{new_native, NativeData};
use crate::objects::singletons::{none, not_implemented};
use crate::objects::str::new_str;
use crate::objects::tuple::{new_tuple, TupleObject};
use crate::typeinit::{add_getset_to, add_method_to};
use crate::typeobj::{is_exact, CompareOp, KwNames, TypeObject, GENERIC_ALIAS_TYPE, NONE_TYPE, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::Vm;

struct Union {
    /// The member types, a tuple.
    args: Value,
}

impl NativeData for Union {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.args);
    }
}

static UNION_TYPE: NativeType = NativeType::new();

fn union_type() -> &'static TypeObject {
    UNION_TYPE.get_or_init(|st| {
        let t = init_native_type(st, "types", "UnionType", LayoutKind::Native, &OBJECT_TYPE, 0, |s| {
            s.repr = Some(union_repr);
            s.hash = Some(union_hash);
            s.richcompare = Some(union_richcompare);
            s.nb[crate::typeobj::nb::OR] = Some(union_or);
            s.getitem = Some(union_getitem);
            s.new = None;
        });
        add_getset_to(t, "__args__", union_args, None);
        add_getset_to(t, "__parameters__", union_parameters, None);
        add_method_to(t, "__instancecheck__", union_instancecheck);
        add_method_to(t, "__subclasscheck__", union_subclasscheck);
    });
    // Invariant: built just above.
    match UNION_TYPE.get() {
        Some(t) => t,
        None => unreachable!("UnionType is built by get_or_init"),
    }
}

fn is_union(v: &Value) -> bool {
    v.native_ref::<Union>().is_some()
}

fn args_of(v: &Value) -> Vec<Value> {
    v.native_ref::<Union>()
        .and_then(|u| u.args.downcast_ref::<TupleObject>().map(|t| t.items().to_vec()))
        .unwrap_or_default()
}

/// None, a class, a generic alias or a union (CPython's is_unionable).
fn is_unionable(v: &Value) -> bool {
    v.is_none() || v.downcast_ref::<TypeObject>().is_some() || is_generic_alias(v) || is_union(v)
}

/// A `types.GenericAlias`, or an instance of a subclass (`_CallableGenericAlias`).
fn is_generic_alias(v: &Value) -> bool {
    crate::typeobj::type_of(v).is_subtype(GENERIC_ALIAS_TYPE.get())
}

/// `a | b` for the types, aliases and unions: NotImplemented otherwise.
pub(crate) fn union_or(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if !is_unionable(a) || !is_unionable(b) {
        return Ok(not_implemented());
    }
    let mut members: Vec<Value> = Vec::new();
    for side in [a, b] {
        let items = if is_union(side) { args_of(side) } else { vec![side.clone()] };
        for item in items {
            let item = if item.is_none() { NONE_TYPE.get().as_value() } else { item };
            // De-duplicate: identical members, or equal generic aliases.
            let mut dup = false;
            for m in &members {
                if m.is(&item) || (is_generic_alias(m) && is_generic_alias(&item) && vm.rich_eq_bool(m, &item)?) {
                    dup = true;
                    break;
                }
            }
            if !dup {
                members.push(item);
            }
        }
    }
    if members.len() == 1 {
        return Ok(members.pop().unwrap_or_else(none));
    }
    Ok(new_native(union_type(), Union { args: new_tuple(members) }))
}

fn repr_item(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if v.is(&NONE_TYPE.get().as_value()) {
        return Ok("None".into());
    }
    if let Some(t) = v.downcast_ref::<TypeObject>() {
        if !is_exact(v, &GENERIC_ALIAS_TYPE) {
            let qual = crate::objects::str::display_lossy(t.qualname());
            return Ok(match crate::types::object_ty::type_module_name(t).as_deref() {
                Some("builtins") | None => qual,
                Some(m) => format!("{m}.{qual}"),
            });
        }
    }
    vm.repr_string(v)
}

fn union_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let mut parts = Vec::new();
    for a in args_of(v) {
        parts.push(repr_item(vm, &a)?);
    }
    Ok(new_str(&parts.join(" | ")))
}

/// `(int | T)[str]`: the members with type variables substituted, or-ed
/// together again (CPython's union_getitem).
fn union_getitem(vm: &mut Vm, v: &Value, item: &Value) -> PyResult<Value> {
    let args = args_of(v);
    let params = crate::types::generic_alias::collect_parameters(vm, &args)?;
    let newargs = crate::types::generic_alias::subs_parameters(vm, v, &args, &params, item)?;
    let items = newargs.downcast_ref::<TupleObject>().map(|t| t.items().to_vec()).unwrap_or_default();
    let Some((first, rest)) = items.split_first() else {
        return Ok(new_native(union_type(), Union { args: new_tuple(Vec::new()) }));
    };
    let mut result = first.clone();
    for arg in rest {
        result = vm.binary_op(crate::typeobj::nb::OR, &result, arg)?;
    }
    Ok(result)
}

fn union_args(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.native_ref::<Union>().map(|u| u.args.clone()).unwrap_or_else(none))
}

/// Type variables among the members (and inside generic-alias members).
fn union_parameters(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    crate::types::generic_alias::collect_parameters(vm, &args_of(v))
}

fn frozenset_of(vm: &mut Vm, items: &[Value]) -> PyResult<Value> {
    let set = crate::objects::set::new_frozenset();
    if let Some(s) = set.downcast_ref::<crate::objects::set::SetObject>() {
        for item in items {
            s.add(vm, item.clone())?;
        }
    }
    Ok(set)
}

fn union_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let set = frozenset_of(vm, &args_of(v))?;
    vm.hash(&set)
}

fn union_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if !is_union(b) || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let sa = frozenset_of(vm, &args_of(a))?;
    let sb = frozenset_of(vm, &args_of(b))?;
    let eq = vm.rich_eq_bool(&sa, &sb)?;
    Ok(Value::bool(eq == (op == CompareOp::Eq)))
}

/// The members, checked in order (CPython treats a union as the tuple of
/// its args): a parameterized generic raises only when it is reached, from
/// its own `__instancecheck__`/`__subclasscheck__`.
fn check_members(_vm: &mut Vm, v: &Value, _fname: &str) -> PyResult<Vec<Value>> {
    Ok(args_of(v))
}

fn union_instancecheck(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [this, obj] = crate::args::ArgSpec::exact::<2>(vm, "__instancecheck__", args, 1)?;
    for m in check_members(vm, &this, "isinstance")? {
        if crate::builtins::isinstance(vm, &obj, &m)? {
            return Ok(Value::bool(true));
        }
    }
    Ok(Value::bool(false))
}

fn union_subclasscheck(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [this, cls] = crate::args::ArgSpec::exact::<2>(vm, "__subclasscheck__", args, 1)?;
    for m in check_members(vm, &this, "issubclass")? {
        if crate::builtins::issubclass(vm, &cls, &m)? {
            return Ok(Value::bool(true));
        }
    }
    Ok(Value::bool(false))
}

/// `type.__or__`/`__ror__` and GenericAlias's `|` (start-up).
pub(crate) fn init() {
    crate::typeobj::TYPE_TYPE.get().slots_mut().nb[crate::typeobj::nb::OR] = Some(union_or);
    GENERIC_ALIAS_TYPE.get().slots_mut().nb[crate::typeobj::nb::OR] = Some(union_or);
}
