//! Objects of the native (Rust) modules: one layout for all of them.
//!
//! A native module's type (`collections.deque`, `re.Pattern`, `_io.FileIO`,
//! ...) keeps its state in a Rust value implementing [`NativeData`], boxed in
//! a [`NativeObject`]. This spares every module a new `LayoutKind` and keeps
//! `object.rs` free of module knowledge; the cycle collector reaches the
//! values such an object holds through `traverse`/`clear`.
//!
//! Interior mutability is the implementor's: methods get `&self`, and no
//! borrow of a `RefCell` may be held across a call back into Python.

use crate::object::{alloc_object, LayoutKind, ObjHeader, PyPayload};
use crate::typeobj::TypeObject;
use crate::value::Value;
use std::any::Any;

/// The state of a native object.
pub trait NativeData: Any {
    /// Visits every `Value` this object holds a reference to (cycle collector).
    fn traverse(&self, _visit: &mut dyn FnMut(&Value)) {}
    /// Drops the references that could form a cycle (cycle collector).
    fn clear(&self) {}
}

#[repr(C)]
pub struct NativeObject {
    header: ObjHeader,
    data: Box<dyn NativeData>,
}

// SAFETY: repr(C), starts with the header; types of layout Native allocate this.
unsafe impl PyPayload for NativeObject {
    const KIND: LayoutKind = LayoutKind::Native;
}

impl NativeObject {
    pub fn data(&self) -> &dyn NativeData {
        &*self.data
    }
}

/// A new instance of `ty` (whose layout must be `Native`) holding `data`.
pub fn new_native<T: NativeData>(ty: &TypeObject, data: T) -> Value {
    debug_assert!(ty.layout == LayoutKind::Native);
    alloc_object(
        ty,
        NativeObject {
            header: ObjHeader::new(std::ptr::null()),
            data: Box::new(data),
        },
    )
}

impl Value {
    /// The native state of type `T`, if this is a native object holding one
    /// (instances of Python subclasses of native types included).
    pub fn native_ref<T: NativeData>(&self) -> Option<&T> {
        let obj = self.downcast_ref::<NativeObject>()?;
        let any: &dyn Any = &*obj.data;
        any.downcast_ref::<T>()
    }
}
