//! Cells: the boxes closures share variables through.

use crate::object::{alloc_object, LayoutKind, ObjHeader, PyPayload};
use crate::typeobj::CELL_TYPE;
use crate::value::Value;
use std::cell::UnsafeCell;

#[repr(C)]
pub struct CellObject {
    pub(crate) header: ObjHeader,
    /// NULL when empty.
    value: UnsafeCell<Value>,
}

unsafe impl PyPayload for CellObject {
    const KIND: LayoutKind = LayoutKind::Cell;
}

pub fn new_cell(v: Value) -> Value {
    alloc_object(
        CELL_TYPE.get(),
        CellObject {
            header: ObjHeader::new(std::ptr::null()),
            value: UnsafeCell::new(v),
        },
    )
}

impl CellObject {
    /// The contents, or None when empty.
    pub fn get(&self) -> Option<Value> {
        // SAFETY: read by clone; writes replace then drop outside the borrow.
        let v = unsafe { &*self.value.get() };
        if v.is_null() {
            None
        } else {
            Some(v.clone())
        }
    }

    /// Replaces the contents (NULL empties); returns the old value for the caller to drop.
    pub fn set(&self, v: Value) -> Value {
        unsafe { std::mem::replace(&mut *self.value.get(), v) }
    }
}
