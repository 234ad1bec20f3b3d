//! `super` objects.

use crate::object::{LayoutKind, ObjHeader, PyPayload};
use crate::value::Value;
use std::cell::UnsafeCell;

#[repr(C)]
pub struct SuperObject {
    pub(crate) header: ObjHeader,
    /// The class whose MRO successor is searched.
    pub(crate) ty: UnsafeCell<Value>,
    /// The bound instance or class (NULL when unbound).
    pub(crate) obj: UnsafeCell<Value>,
    /// The type used for the MRO (type(obj) or obj itself for a class).
    pub(crate) obj_type: UnsafeCell<Value>,
}

impl SuperObject {
    pub fn ty(&self) -> Value {
        // SAFETY: fields are read by clone and only written by `set`.
        unsafe { (*self.ty.get()).clone() }
    }
    pub fn obj(&self) -> Value {
        unsafe { (*self.obj.get()).clone() }
    }
    pub fn obj_type(&self) -> Value {
        unsafe { (*self.obj_type.get()).clone() }
    }
    pub fn set(&self, ty: Value, obj: Value, obj_type: Value) {
        let old = unsafe {
            (
                std::mem::replace(&mut *self.ty.get(), ty),
                std::mem::replace(&mut *self.obj.get(), obj),
                std::mem::replace(&mut *self.obj_type.get(), obj_type),
            )
        };
        drop(old);
    }
}

unsafe impl PyPayload for SuperObject {
    const KIND: LayoutKind = LayoutKind::Super;
}
