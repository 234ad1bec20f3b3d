//! `mappingproxy`: a read-only view of a mapping (what `dict_keys.mapping`
//! returns). Reads go to the underlying mapping; there are no writes.

use crate::args::ArgSpec;
use crate::exception::PyResult;
use crate::modules::{init_native_type, NativeType};
use crate::objects::native::{new_native, NativeData};
use crate::objects::singletons::not_implemented;
use crate::typeinit::add_method;
use crate::typeobj::{CompareOp, KwNames, TypeObject, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::Vm;

struct MappingProxy {
    mapping: Value,
}

impl NativeData for MappingProxy {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.mapping);
    }
}

static MAPPINGPROXY_TYPE: NativeType = NativeType::new();

fn proxy_type() -> &'static TypeObject {
    MAPPINGPROXY_TYPE.get_or_init(|st| {
        init_native_type(
            st,
            "builtins",
            "mappingproxy",
            crate::object::LayoutKind::Native,
            &OBJECT_TYPE,
            0,
            |s| {
                s.getitem = Some(|vm, p, k| {
                    let m = mapping_of(p);
                    vm.getitem(&m, k)
                });
                s.len = Some(|vm, p| {
                    let m = mapping_of(p);
                    vm.len(&m)
                });
                s.iter = Some(|vm, p| {
                    let m = mapping_of(p);
                    vm.iter(&m)
                });
                s.contains = Some(|vm, p, k| {
                    let m = mapping_of(p);
                    vm.contains(&m, k)
                });
                s.repr = Some(|vm, p| {
                    let m = mapping_of(p);
                    let inner = vm.repr_string(&m)?;
                    Ok(vm.new_str(&format!("mappingproxy({inner})")))
                });
                s.str = Some(|vm, p| {
                    let m = mapping_of(p);
                    vm.str(&m)
                });
                s.richcompare = Some(proxy_richcompare);
                s.new = Some(proxy_new);
                s.hash = None;
                s.nb[crate::typeobj::nb::OR] = Some(proxy_or);
                s.nb[crate::typeobj::NB_INPLACE + crate::typeobj::nb::OR] = Some(proxy_ior);
            },
        );
        let t = st.get();
        crate::typeinit::set_attr(t, "__hash__", crate::objects::singletons::none());
        let cg = crate::objects::descr::new_method_descr(
            crate::typeobj::CLASSMETHOD_DESCR_TYPE.get(),
            "__class_getitem__",
            proxy_class_getitem,
            t,
        );
        crate::typeinit::set_attr(t, "__class_getitem__", cg);
        for (name, f) in [
            ("keys", proxy_keys as crate::typeobj::NativeFn),
            ("values", proxy_values),
            ("items", proxy_items),
            ("copy", proxy_copy),
            ("get", proxy_get),
            ("__reversed__", proxy_reversed),
        ] {
            add_method(st, name, f);
        }
    })
}

fn mapping_of(p: &Value) -> Value {
    p.native_ref::<MappingProxy>()
        .map(|m| m.mapping.clone())
        .unwrap_or_else(crate::objects::singletons::none)
}

/// A read-only proxy of `mapping`.
pub fn new_mappingproxy(mapping: Value) -> Value {
    new_native(proxy_type(), MappingProxy { mapping })
}

fn proxy_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if a.native_ref::<MappingProxy>().is_none() {
        return Ok(not_implemented());
    }
    let m = mapping_of(a);
    vm.compare(&m, b, op)
}

fn call_on_mapping(vm: &mut Vm, fname: &str, args: &[Value], extra: usize) -> PyResult<Value> {
    ArgSpec::range(vm, fname, args, 1, 0, extra)?;
    let m = mapping_of(&args[0]);
    vm.call_method(&m, fname, &args[1..])
}

fn proxy_keys(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    call_on_mapping(vm, "keys", args, 0)
}

fn proxy_values(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    call_on_mapping(vm, "values", args, 0)
}

fn proxy_items(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    call_on_mapping(vm, "items", args, 0)
}

fn proxy_copy(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    call_on_mapping(vm, "copy", args, 0)
}

fn proxy_get(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    if args.len() < 2 {
        ArgSpec::range(vm, "get", args, 1, 1, 2)?;
    }
    call_on_mapping(vm, "get", args, 2)
}

/// `types.MappingProxyType(mapping)`: any mapping but a list or tuple.
fn proxy_new(vm: &mut Vm, _cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let parsed = ArgSpec::parse(vm, "mappingproxy", args, kwnames, &["mapping"], 1, 1)?;
    let mapping = parsed.into_iter().next().flatten().unwrap_or_else(crate::objects::singletons::none);
    let t = crate::typeobj::type_of(&mapping);
    let is_sequence = t.has_flag(crate::typeobj::type_flags::LIST_SUBCLASS | crate::typeobj::type_flags::TUPLE_SUBCLASS);
    if t.slots().getitem.is_none() || is_sequence {
        let msg = format!("mappingproxy() argument must be a mapping, not {}", vm.type_name(&mapping));
        return Err(vm.type_error(msg));
    }
    Ok(new_mappingproxy(mapping))
}

/// `proxy | other` (either side): the underlying mappings or'ed, so a dict results.
fn proxy_or(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let unwrap = |v: &Value| if v.native_ref::<MappingProxy>().is_some() { mapping_of(v) } else { v.clone() };
    let (a, b) = (unwrap(a), unwrap(b));
    vm.binary_op(crate::typeobj::nb::OR, &a, &b)
}

fn proxy_ior(vm: &mut Vm, _a: &Value, _b: &Value) -> PyResult<Value> {
    Err(vm.type_error("'|=' is not supported by mappingproxy; use '|' instead"))
}

fn proxy_reversed(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    ArgSpec::range(vm, "__reversed__", args, 1, 0, 0)?;
    let m = mapping_of(&args[0]);
    vm.call_method(&m, "__reversed__", &[])
}

fn proxy_class_getitem(_vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let cls = args.first().cloned().unwrap_or_else(crate::objects::singletons::none);
    let item = args.get(1).cloned().unwrap_or_else(crate::objects::singletons::none);
    Ok(crate::types::generic_alias::new_generic_alias(cls, &item))
}
