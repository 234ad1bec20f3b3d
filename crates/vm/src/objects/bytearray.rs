//! `bytearray`: a mutable byte string. The bytes sit in an `UnsafeCell`;
//! no borrow of them is held while Python code can run (methods convert
//! their arguments first). `exports` counts live memoryviews over the data:
//! while it is non-zero the vector must not be resized (its storage could
//! move under a view), which the resizing methods check.

use crate::object::{alloc_object, LayoutKind, ObjHeader, PyPayload};
use crate::typeobj::{StaticType, TypeObject};
use crate::value::Value;
use std::cell::{Cell, UnsafeCell};

pub static BYTEARRAY_TYPE: StaticType = StaticType::new();
pub static BYTEARRAY_ITER_TYPE: StaticType = StaticType::new();
pub static BYTES_ITER_TYPE: StaticType = StaticType::new();

#[repr(C)]
pub struct ByteArrayObject {
    pub(crate) header: ObjHeader,
    data: UnsafeCell<Vec<u8>>,
    exports: Cell<usize>,
}

// SAFETY: repr(C), starts with the header; BYTEARRAY_TYPE has this layout.
unsafe impl PyPayload for ByteArrayObject {
    const KIND: LayoutKind = LayoutKind::ByteArray;
}

pub fn new_bytearray(data: Vec<u8>) -> Value {
    new_bytearray_typed(BYTEARRAY_TYPE.get(), data)
}

pub fn new_bytearray_typed(ty: &TypeObject, data: Vec<u8>) -> Value {
    alloc_object(
        ty,
        ByteArrayObject {
            header: ObjHeader::new(std::ptr::null()),
            data: UnsafeCell::new(data),
            exports: Cell::new(0),
        },
    )
}

impl ByteArrayObject {
    /// The bytes. The caller must not run Python code while holding the slice.
    #[inline(always)]
    pub fn data(&self) -> &[u8] {
        // SAFETY: no &mut borrow outlives a method of this type.
        unsafe { &*self.data.get() }
    }

    /// Mutable access for in-place changes that keep the length.
    /// The caller ends the borrow before running any Python code.
    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    pub fn data_mut(&self) -> &mut [u8] {
        // SAFETY: as above; the length does not change through a slice.
        unsafe { (&mut *self.data.get()).as_mut_slice() }
    }

    /// The vector, for resizing; callers check `exports()` first.
    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    pub fn vec_mut(&self) -> &mut Vec<u8> {
        // SAFETY: as above.
        unsafe { &mut *self.data.get() }
    }

    pub fn len(&self) -> usize {
        self.data().len()
    }

    pub fn is_empty(&self) -> bool {
        self.data().is_empty()
    }

    pub fn exports(&self) -> usize {
        self.exports.get()
    }

    pub(crate) fn add_export(&self) {
        self.exports.set(self.exports.get() + 1);
    }

    pub(crate) fn remove_export(&self) {
        self.exports.set(self.exports.get().saturating_sub(1));
    }

    /// Raw pointer to the storage (valid while no resize happens).
    pub(crate) fn as_mut_ptr(&self) -> *mut u8 {
        // SAFETY: pointer only; see `data_mut`.
        unsafe { (*self.data.get()).as_mut_ptr() }
    }
}
