//! Module objects: a namespace dict and a name.

use crate::object::{alloc_object, LayoutKind, ObjHeader, PyPayload};
use crate::objects::dict::DictObject;
use crate::typeobj::MODULE_TYPE;
use crate::value::Value;

#[repr(C)]
pub struct ModuleObject {
    pub(crate) header: ObjHeader,
    pub(crate) dict: Value,
}

unsafe impl PyPayload for ModuleObject {
    const KIND: LayoutKind = LayoutKind::Module;
}

impl ModuleObject {
    pub fn dict(&self) -> &DictObject {
        // SAFETY: set to a dict at creation, never replaced.
        unsafe { self.dict.downcast_ref::<DictObject>().unwrap_unchecked() }
    }

    pub fn dict_value(&self) -> Value {
        self.dict.clone()
    }
}

/// A module named `name` with `__name__`, `__doc__`, `__package__`,
/// `__loader__` and `__spec__` set as CPython's module_init_dict does.
pub fn new_module(name: &str) -> Value {
    let m = new_empty_module(MODULE_TYPE.get());
    if let Some(mo) = m.downcast_ref::<ModuleObject>() {
        init_module_dict(mo.dict(), crate::objects::str::new_str(name), crate::objects::singletons::none());
    }
    m
}

/// `module.__new__(ty)`: an instance of `ty` (module or a subclass) with an empty namespace;
/// `__init__` fills it.
pub fn new_empty_module(ty: &crate::typeobj::TypeObject) -> Value {
    alloc_object(
        ty,
        ModuleObject {
            header: ObjHeader::new(std::ptr::null()),
            dict: DictObject::new_value(),
        },
    )
}

/// The names `module.__init__` sets (CPython's module_init_dict).
pub fn init_module_dict(dict: &DictObject, name: Value, doc: Value) {
    let none = crate::objects::singletons::none;
    dict.insert_str_key("__name__", name);
    dict.insert_str_key("__doc__", doc);
    dict.insert_str_key("__package__", none());
    dict.insert_str_key("__loader__", none());
    dict.insert_str_key("__spec__", none());
}
