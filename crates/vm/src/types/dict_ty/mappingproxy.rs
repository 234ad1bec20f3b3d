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
            },
        );
        let t = st.get();
        let _ = t;
        for (name, f) in [
            ("keys", proxy_keys as crate::typeobj::NativeFn),
            ("values", proxy_values),
            ("items", proxy_items),
            ("copy", proxy_copy),
            ("get", proxy_get),
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
