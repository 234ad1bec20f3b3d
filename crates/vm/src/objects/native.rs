//! Objects of the native (Rust) modules: one layout for all of them.
//!
//! A native module's type (`collections.deque`, `re.Pattern`, `_io.FileIO`,
//! ...) keeps its state in a Rust value implementing [`NativeData`], stored
//! inline in the object's own block right after a [`NativeObject`] (header
//! plus a pointer to a per-type [`DataVTable`]): one allocation per object, as
//! CPython's C structs have. Data aligned beyond the blocks' 8 bytes (hash
//! states) is placed at the next suitably aligned address of a block made that
//! much larger. This spares every module a new `LayoutKind` and
//! keeps `object.rs` free of module knowledge; the cycle collector reaches the
//! values such an object holds through `traverse`/`clear`.
//!
//! Interior mutability is the implementor's: methods get `&self`, and no
//! borrow of a `RefCell` may be held across a call back into Python.

use crate::object::{alloc_raw, LayoutKind, ObjHeader, PyPayload};
use crate::typeobj::TypeObject;
use crate::value::Value;
use std::any::{Any, TypeId};
use std::mem::{align_of, size_of};

/// The state of a native object.
pub trait NativeData: Any {
    /// Visits every `Value` this object holds a reference to (cycle collector).
    fn traverse(&self, _visit: &mut dyn FnMut(&Value)) {}
    /// Drops the references that could form a cycle (cycle collector).
    fn clear(&self) {}
}

/// What the object must know of the Rust type of its data: one static table
/// per type, made at compile time by [`vtable_of`].
struct DataVTable {
    type_id: TypeId,
    /// `size_of` the data.
    size: usize,
    /// `align_of` the data.
    align: usize,
    /// The data as a trait object, from its address.
    as_dyn: unsafe fn(*const u8) -> *const dyn NativeData,
    /// Drops the data in place.
    drop: unsafe fn(*mut u8),
}

/// The fixed part of a native object; its data follows at [`DATA_OFFSET`].
///
/// Invariant: every object of layout `Native` is allocated by [`new_native`]
/// as one block of `block_size(vtable)` bytes (plus the pre-header of
/// instances of Python subclasses, before the header), with a live value of
/// the vtable's type at `data_address(obj, vtable.align)` until `drop_data`
/// runs. The block never moves, so references into the data live as long as
/// the object.
#[repr(C)]
pub struct NativeObject {
    header: ObjHeader,
    vtable: &'static DataVTable,
}

/// Where the data starts: right after the fixed part, which is a multiple of
/// 8 bytes, so data of alignment up to 8 (what blocks get) sits aligned there.
const DATA_OFFSET: usize = size_of::<NativeObject>();
const BLOCK_ALIGN: usize = 8;
const _: () = assert!(DATA_OFFSET % BLOCK_ALIGN == 0);

/// The address of the data of the object at `obj` (8-aligned): DATA_OFFSET
/// on, rounded up to the data's alignment `align` (a power of two).
#[inline(always)]
fn data_address(obj: usize, align: usize) -> usize {
    (obj + DATA_OFFSET + align - 1) & !(align - 1)
}

/// Bytes of the block of an object with data of `size` and `align`: room
/// for the largest padding `data_address` can add to an 8-aligned address.
#[inline(always)]
const fn block_size(size: usize, align: usize) -> usize {
    DATA_OFFSET + size + if align > BLOCK_ALIGN { align - BLOCK_ALIGN } else { 0 }
}

// SAFETY: repr(C), starts with the header; types of layout Native allocate
// this (followed by the data) through `new_native`, never `alloc_object`.
unsafe impl PyPayload for NativeObject {
    const KIND: LayoutKind = LayoutKind::Native;
}

/// The static vtable of data type `T`.
fn vtable_of<T: NativeData>() -> &'static DataVTable {
    unsafe fn as_dyn<T: NativeData>(p: *const u8) -> *const dyn NativeData {
        p as *const T as *const dyn NativeData
    }
    unsafe fn drop_data<T: NativeData>(p: *mut u8) {
        std::ptr::drop_in_place(p as *mut T)
    }
    const {
        &DataVTable {
            type_id: TypeId::of::<T>(),
            size: size_of::<T>(),
            align: align_of::<T>(),
            as_dyn: as_dyn::<T>,
            drop: drop_data::<T>,
        }
    }
}

impl NativeObject {
    /// The data's address, given its alignment (`align_of` the data).
    #[inline(always)]
    fn data_ptr(&self, align: usize) -> *const u8 {
        data_address(self as *const NativeObject as usize, align) as *const u8
    }

    pub fn data(&self) -> &dyn NativeData {
        // SAFETY: the vtable is that of the data's type, which is live while
        // the object is (struct invariant).
        unsafe { &*(self.vtable.as_dyn)(self.data_ptr(self.vtable.align)) }
    }

    /// The data as `T`, if it is one.
    #[inline(always)]
    fn data_as<T: NativeData>(&self) -> Option<&T> {
        if self.vtable.type_id == TypeId::of::<T>() {
            // SAFETY: the data is a live `T` (same type id, struct invariant).
            Some(unsafe { &*(self.data_ptr(align_of::<T>()) as *const T) })
        } else {
            None
        }
    }

    /// Bytes of the object's block without pre-header (what `new_native`
    /// gave `alloc_raw`).
    ///
    /// # Safety
    /// `p` is a live native object.
    pub(crate) unsafe fn alloc_size_of(p: *const NativeObject) -> usize {
        let vt = (*p).vtable;
        block_size(vt.size, vt.align)
    }

    /// Drops the data in place (the block is freed by the caller).
    ///
    /// # Safety
    /// `p` is a native object being freed; nothing uses its data afterwards.
    pub(crate) unsafe fn drop_data(p: *mut NativeObject) {
        let vt = (*p).vtable;
        (vt.drop)((*p).data_ptr(vt.align) as *mut u8);
    }
}

/// A new instance of `ty` (whose layout must be `Native`) holding `data`.
#[inline]
pub fn new_native<T: NativeData>(ty: &TypeObject, data: T) -> Value {
    debug_assert!(ty.layout == LayoutKind::Native);
    let align = align_of::<T>();
    // SAFETY: alloc_raw gives an 8-aligned block of the size asked with the
    // header initialized; the data's address plus its size stays inside it
    // (block_size); the vtable and the data are written before the object is
    // used (struct invariant).
    unsafe {
        let p = alloc_raw(ty, block_size(size_of::<T>(), align));
        let obj = p.as_ptr() as *mut NativeObject;
        std::ptr::addr_of_mut!((*obj).vtable).write(vtable_of::<T>());
        ((*obj).data_ptr(align) as *mut T).write(data);
        Value::from_owned_ptr(p)
    }
}

impl Value {
    /// The native state of type `T`, if this is a native object holding one
    /// (instances of Python subclasses of native types included).
    #[inline]
    pub fn native_ref<T: NativeData>(&self) -> Option<&T> {
        self.downcast_ref::<NativeObject>()?.data_as::<T>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_fits_its_block_at_every_alignment() {
        assert_eq!(DATA_OFFSET, size_of::<ObjHeader>() + size_of::<usize>());
        for align in [1usize, 2, 4, 8, 16, 32, 64] {
            for obj in (0..256usize).step_by(8).map(|k| 4096 + k) {
                let data = data_address(obj, align);
                assert_eq!(data % align, 0);
                assert!(data >= obj + DATA_OFFSET);
                assert!(data + 24 <= obj + block_size(24, align));
                if align <= 8 {
                    assert_eq!(data, obj + DATA_OFFSET);
                }
            }
        }
    }
}
