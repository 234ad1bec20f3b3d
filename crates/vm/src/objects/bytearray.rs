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
    /// Bytes at the front of `data` already deleted: `del b[:k]` only moves
    /// this (CPython's `ob_start`), so consuming a buffer from the front is
    /// linear overall. Zero whenever `vec_mut` hands out the vector.
    start: Cell<usize>,
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
            start: Cell::new(0),
        },
    )
}

impl ByteArrayObject {
    /// The bytes. The caller must not run Python code while holding the slice.
    #[inline(always)]
    pub fn data(&self) -> &[u8] {
        // SAFETY: no &mut borrow outlives a method of this type.
        let v = unsafe { &*self.data.get() };
        v.get(self.start.get()..).unwrap_or(&[])
    }

    /// Mutable access for in-place changes that keep the length.
    /// The caller ends the borrow before running any Python code.
    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    pub fn data_mut(&self) -> &mut [u8] {
        // SAFETY: as above; the length does not change through a slice.
        let v = unsafe { &mut *self.data.get() };
        v.get_mut(self.start.get()..).unwrap_or(&mut [])
    }

    /// The vector, for resizing; callers check `exports()` first (moving the
    /// live bytes to the front here is then safe: no buffer points into them).
    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    pub fn vec_mut(&self) -> &mut Vec<u8> {
        // SAFETY: as above.
        let v = unsafe { &mut *self.data.get() };
        let start = self.start.replace(0);
        if start > 0 {
            v.drain(..start.min(v.len()));
        }
        v
    }

    /// Deletes the first `k` bytes (at most all); callers check `exports()` first.
    /// Amortized O(1): the storage is compacted only once the deleted front
    /// outgrows the live bytes.
    pub fn delete_front(&self, k: usize) {
        let k = k.min(self.len());
        self.start.set(self.start.get() + k);
        if self.start.get() > self.len() {
            self.vec_mut();
        }
    }

    /// Allocated bytes, the deleted front included (CPython's `ob_alloc`).
    pub fn capacity(&self) -> usize {
        // SAFETY: as above.
        unsafe { (*self.data.get()).capacity() }
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
        unsafe { (*self.data.get()).as_mut_ptr().add(self.start.get()) }
    }
}
