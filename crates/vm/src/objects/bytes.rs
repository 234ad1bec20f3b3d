//! `bytes`: an immutable byte string with a cached hash (equal to the hash
//! of the str with the same Latin-1 code units, as in CPython).

use crate::hash;
use crate::object::{alloc_object, LayoutKind, ObjHeader, PyPayload};
use crate::typeobj::{TypeObject, BYTES_TYPE};
use crate::value::Value;
use std::cell::Cell;

#[repr(C)]
pub struct BytesObject {
    pub(crate) header: ObjHeader,
    hash: Cell<i64>,
    data: Box<[u8]>,
}

unsafe impl PyPayload for BytesObject {
    const KIND: LayoutKind = LayoutKind::Bytes;
}

pub fn new_bytes(data: &[u8]) -> Value {
    new_bytes_typed(BYTES_TYPE.get(), data.into())
}

/// A bytes object taking over `data` (no copy when it has no spare capacity).
pub fn new_bytes_from_vec(data: Vec<u8>) -> Value {
    new_bytes_typed(BYTES_TYPE.get(), data.into_boxed_slice())
}

pub fn new_bytes_typed(ty: &TypeObject, data: Box<[u8]>) -> Value {
    alloc_object(
        ty,
        BytesObject {
            header: ObjHeader::new(std::ptr::null()),
            hash: Cell::new(-1),
            data,
        },
    )
}

impl BytesObject {
    pub fn data(&self) -> &[u8] {
        &self.data
    }

    pub fn len(&self) -> usize {
        self.data.len()
    }

    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = hash::hash_bytes(&self.data);
        self.hash.set(h);
        h
    }
}
