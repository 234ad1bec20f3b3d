//! Attribute access: `object.__getattribute__`/`__setattr__` over the
//! instance's shared-key values (or its dict) and the type's descriptors,
//! `type.__getattribute__` with metatype descriptors, and modules.

use crate::exception::{ExcKind, PyResult};
use crate::objects::dict::DictObject;
use crate::objects::module::ModuleObject;
use crate::objects::str::StrObject;
use crate::typeobj::{type_flags, type_of, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

/// The instance's own attribute `name`, from its values or dict.
pub fn instance_get(obj: &Value, name: &Value) -> Option<Value> {
    let pre = obj.pre_header()?;
    // SAFETY: borrowed only for this lookup (str keys: no Python code runs).
    let attrs = unsafe { &*pre.attrs.get() };
    if attrs.has_dict() {
        return attrs.dict.downcast_ref::<DictObject>()?.get_str(name);
    }
    let ty = type_of(obj);
    // SAFETY: shared keys are only appended to, never while borrowed.
    let keys = unsafe { &*ty.shared_keys.get() };
    let idx = keys.index_of(name)?;
    attrs.get(idx)
}

/// Sets (or with `None` deletes) the instance's own attribute. Returns
/// whether the attribute existed before (so a delete of a missing one is false).
pub fn instance_set(vm: &mut Vm, obj: &Value, name: &Value, value: Option<Value>) -> PyResult<bool> {
    let Some(pre) = obj.pre_header() else { return Ok(false) };
    let attrs_ptr = pre.attrs.get();
    // SAFETY: the borrow ends before any value is dropped or Python code runs.
    let has_dict = unsafe { (*attrs_ptr).has_dict() };
    let is_str_name = name.downcast_ref::<StrObject>().is_some();
    if !has_dict && is_str_name {
        let ty = type_of(obj);
        let keys = unsafe { &mut *ty.shared_keys.get() };
        let idx = match &value {
            Some(_) => keys.index_or_insert(name),
            None => keys.index_of(name),
        };
        if let Some(idx) = idx {
            let old = unsafe {
                match value {
                    Some(v) => Some((*attrs_ptr).set(idx, v, keys)),
                    None => (*attrs_ptr).remove(idx),
                }
            };
            let existed = old.as_ref().is_some_and(|o| !o.is_null());
            drop(old);
            return Ok(existed);
        }
        if value.is_none() {
            return Ok(false);
        }
        // Keys full: switch this instance to a dict.
        unsafe { (*attrs_ptr).materialize(keys) };
    }
    let dict = unsafe {
        if !(*attrs_ptr).has_dict() {
            let keys = &*type_of(obj).shared_keys.get();
            (*attrs_ptr).materialize(keys);
        }
        (*attrs_ptr).dict.clone()
    };
    let Some(d) = dict.downcast_ref::<DictObject>() else {
        return Ok(false);
    };
    match value {
        Some(v) => {
            d.set_item(vm, name.clone(), v)?;
            Ok(true)
        }
        None => Ok(d.del_item(vm, name)?.is_some()),
    }
}

/// `obj.__dict__`, materializing it from the shared-key values.
pub fn instance_dict(obj: &Value) -> Option<Value> {
    let pre = obj.pre_header()?;
    let ty = type_of(obj);
    // SAFETY: no Python code runs while these are borrowed.
    unsafe {
        let keys = &*ty.shared_keys.get();
        Some((*pre.attrs.get()).materialize(keys))
    }
}

/// Replaces `obj.__dict__`.
pub fn set_instance_dict(obj: &Value, d: Value) -> bool {
    let Some(pre) = obj.pre_header() else { return false };
    // SAFETY: the old values and dict are dropped after the borrow ends.
    let old = unsafe {
        let attrs = &mut *pre.attrs.get();
        let mut fresh = crate::instance::InstanceAttrs::default();
        fresh.dict = d;
        std::mem::replace(attrs, fresh)
    };
    drop(old);
    true
}

/// `object.__getattribute__`: data descriptors on the type, then the
/// instance's attributes, then other class attributes.
pub fn generic_getattr(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
    getattr_with_instance_dict(vm, obj, name, |obj, name| instance_get(obj, name))
}

/// `object.__getattribute__`'s order (data descriptors of the type, the instance's own
/// attributes as `instance` finds them, then other class attributes) for objects that keep
/// their attributes elsewhere, as modules do.
fn getattr_with_instance_dict(
    vm: &mut Vm,
    obj: &Value,
    name: &Value,
    instance: impl FnOnce(&Value, &Value) -> Option<Value>,
) -> PyResult<Option<Value>> {
    let ty = type_of(obj);
    let descr = ty.lookup(name);
    if let Some(d) = &descr {
        let dt = type_of(d);
        let slots = dt.slots();
        if let (Some(get), Some(_)) = (slots.descr_get, slots.descr_set) {
            let owner = ty.as_value();
            return get(vm, d, Some(obj), &owner).map(Some);
        }
    }
    if let Some(v) = instance(obj, name) {
        return Ok(Some(v));
    }
    if let Some(d) = descr {
        if let Some(get) = type_of(&d).slots().descr_get {
            let owner = ty.as_value();
            return get(vm, &d, Some(obj), &owner).map(Some);
        }
        return Ok(Some(d));
    }
    Ok(None)
}

/// `object.__setattr__`.
pub fn generic_setattr(vm: &mut Vm, obj: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    if name.downcast_ref::<StrObject>().is_none() {
        let msg = format!("attribute name must be string, not '{}'", vm.type_name(name));
        return Err(vm.type_error(msg));
    }
    let ty = type_of(obj);
    if let Some(d) = ty.lookup(name) {
        if let Some(set) = type_of(&d).slots().descr_set {
            return set(vm, &d, obj, value);
        }
    }
    // No attribute storage (or only `__slots__`, data descriptors handled
    // above): a class attribute is read-only, anything else missing.
    if obj.pre_header().is_none() || ty.has_flag(type_flags::NO_DICT) {
        let tn = vm.type_name(obj);
        let n = crate::objects::str::display_lossy(name);
        let msg = if ty.lookup(name).is_some() {
            format!("'{tn}' object attribute '{n}' is read-only")
        } else {
            format!("'{tn}' object has no attribute '{n}'")
        };
        return Err(vm.new_error(ExcKind::AttributeError, msg));
    }
    let deleting = value.is_none();
    let existed = instance_set(vm, obj, name, value)?;
    if deleting && !existed {
        return Err(vm.attribute_error(obj, name));
    }
    Ok(())
}

/// `type.__getattribute__`: metatype data descriptors, then the type's own
/// MRO (descriptors bound with no instance), then other metatype attributes.
pub fn type_getattr(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
    let meta = type_of(obj);
    let meta_attr = meta.lookup(name);
    if let Some(d) = &meta_attr {
        let slots = type_of(d).slots();
        if let (Some(get), Some(_)) = (slots.descr_get, slots.descr_set) {
            let owner = meta.as_value();
            return get(vm, d, Some(obj), &owner).map(Some);
        }
    }
    let Some(t) = obj.downcast_ref::<TypeObject>() else {
        return Ok(None);
    };
    if let Some(attr) = t.lookup(name) {
        if let Some(get) = type_of(&attr).slots().descr_get {
            return get(vm, &attr, None, obj).map(Some);
        }
        return Ok(Some(attr));
    }
    if let Some(d) = meta_attr {
        if let Some(get) = type_of(&d).slots().descr_get {
            let owner = meta.as_value();
            return get(vm, &d, Some(obj), &owner).map(Some);
        }
        return Ok(Some(d));
    }
    Ok(None)
}

/// `type.__setattr__`: refuses builtin types, updates slots for dunders and
/// invalidates version tags.
pub fn type_setattr(vm: &mut Vm, obj: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(t) = obj.downcast_ref::<TypeObject>() else {
        return Ok(());
    };
    if name.downcast_ref::<StrObject>().is_none() {
        let msg = format!("attribute name must be string, not '{}'", vm.type_name(name));
        return Err(vm.type_error(msg));
    }
    if t.has_flag(type_flags::IMMUTABLE) {
        let msg = format!(
            "cannot set '{}' attribute of immutable type '{}'",
            crate::objects::str::display_lossy(name),
            t.name_string()
        );
        return Err(vm.type_error(msg));
    }
    // Data descriptors on the metatype (e.g. __name__, __doc__) take precedence.
    let meta = type_of(obj);
    if let Some(d) = meta.lookup(name) {
        if let Some(set) = type_of(&d).slots().descr_set {
            return set(vm, &d, obj, value);
        }
    }
    let name = crate::objects::str::intern_value(name);
    let deleting = value.is_none();
    let removed = match value {
        Some(v) => {
            t.dict().set_item(vm, name.clone(), v)?;
            true
        }
        None => t.dict().del_item(vm, &name)?.is_some(),
    };
    t.modified();
    if deleting && !removed {
        return Err(vm.attribute_error(obj, &name));
    }
    let n = crate::objects::str::display_lossy(&name);
    if n.starts_with("__") && n.ends_with("__") {
        crate::slots::update_slots_recursive(t);
    }
    Ok(())
}

/// Module attribute access: the type's descriptors, then the module dict,
/// then the module's `__getattr__`.
pub fn module_getattr(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
    let Some(m) = obj.downcast_ref::<ModuleObject>() else {
        return generic_getattr(vm, obj, name);
    };
    // The module's namespace is its instance dict: `m.__doc__` is the module's, not ModuleType's.
    let found = getattr_with_instance_dict(vm, obj, name, |obj, name| {
        obj.downcast_ref::<ModuleObject>().and_then(|m| m.dict().get_str(name))
    })?;
    if found.is_some() {
        return Ok(found);
    }
    if let Some(v) = crate::import::lazy_sys_attr(vm, m, name)? {
        return Ok(Some(v));
    }
    if let Some(getattr) = m.dict().get_str_key("__getattr__") {
        return vm.call1(&getattr, name.clone()).map(Some);
    }
    Ok(None)
}

pub fn module_setattr(vm: &mut Vm, obj: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(m) = obj.downcast_ref::<ModuleObject>() else {
        return Ok(());
    };
    if let Some(d) = type_of(obj).lookup(name) {
        if let Some(set) = type_of(&d).slots().descr_set {
            return set(vm, &d, obj, value);
        }
    }
    match value {
        Some(v) => m.dict().set_item(vm, name.clone(), v),
        None => {
            if m.dict().del_item(vm, name)?.is_none() {
                return Err(vm.attribute_error(obj, name));
            }
            Ok(())
        }
    }
}

/// `LOAD_METHOD`: `(method, Some(self))` when the attribute is a method
/// descriptor found on the type and not shadowed, else `(attribute, None)`.
pub fn load_method(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<(Value, Option<Value>)> {
    let ty = type_of(obj);
    let getattro = ty.slots().getattro;
    if getattro as usize == generic_getattr as *const () as usize {
        if let Some(d) = ty.lookup(name) {
            let dt = type_of(&d);
            if dt.has_flag(type_flags::METHOD_DESCRIPTOR) {
                if instance_get(obj, name).is_none() {
                    return Ok((d, Some(obj.clone())));
                }
            }
        }
    }
    Ok((vm.getattr(obj, name)?, None))
}
