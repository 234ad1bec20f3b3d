//! Iterators over builtin sequences (list, tuple, str) and the generic
//! `__getitem__`-based iterator.

use crate::object::{alloc_object, LayoutKind, ObjHeader, PyPayload};
use crate::typeobj::TypeObject;
use crate::value::Value;
use std::cell::{Cell, UnsafeCell};

#[repr(C)]
pub struct SeqIter {
    pub(crate) header: ObjHeader,
    /// The sequence; NULL once exhausted (as CPython drops it).
    pub(crate) seq: UnsafeCell<Value>,
    pub(crate) index: Cell<usize>,
}

unsafe impl PyPayload for SeqIter {
    const KIND: LayoutKind = LayoutKind::SeqIter;
}

pub fn new_seq_iter(ty: &TypeObject, seq: Value) -> Value {
    alloc_object(
        ty,
        SeqIter {
            header: ObjHeader::new(std::ptr::null()),
            seq: UnsafeCell::new(seq),
            index: Cell::new(0),
        },
    )
}

impl SeqIter {
    pub fn seq(&self) -> Value {
        // SAFETY: read by clone.
        unsafe { (*self.seq.get()).clone() }
    }

    /// The next item of a list or tuple iterator, read in place (no sequence reference taken);
    /// None, and the sequence released, at the end.
    #[inline]
    pub fn next_item(&self) -> Option<Value> {
        let i = self.index.get();
        // SAFETY: read only; no Python code runs before the borrow ends.
        let seq = unsafe { &*self.seq.get() };
        let item = if let Some(l) = seq.downcast_ref::<crate::objects::list::ListObject>() {
            l.get(i)
        } else if let Some(t) = seq.downcast_ref::<crate::objects::tuple::TupleObject>() {
            t.get(i).cloned()
        } else {
            None
        };
        match item {
            Some(v) => {
                self.index.set(i + 1);
                Some(v)
            }
            None => {
                self.finish();
                None
            }
        }
    }

    /// Marks the iterator exhausted, releasing the sequence.
    pub fn finish(&self) {
        let old = unsafe { std::mem::replace(&mut *self.seq.get(), Value::NULL) };
        drop(old);
    }
}

/// The state of builtin iterator types written in Rust (enumerate, zip, map,
/// filter, reversed, callable_iterator): fields are only read by clone or
/// through `Cell`, so no borrow outlives a call into Python.
#[repr(C)]
pub struct NativeIter {
    pub(crate) header: ObjHeader,
    /// The iterated object or function; NULL once released (an exhausted
    /// set or reversed iterator drops its sequence, as CPython does).
    pub(crate) a: UnsafeCell<Value>,
    pub(crate) b: Value,
    pub(crate) items: Box<[Value]>,
    pub(crate) n: Cell<i64>,
}

unsafe impl PyPayload for NativeIter {
    const KIND: LayoutKind = LayoutKind::NativeIter;
}

impl NativeIter {
    pub fn a(&self) -> Value {
        // SAFETY: read by clone; only `release_a` writes, never during a read.
        unsafe { (*self.a.get()).clone() }
    }

    /// Drops the iterated object (the iterator is exhausted).
    pub fn release_a(&self) {
        let old = unsafe { std::mem::replace(&mut *self.a.get(), Value::NULL) };
        drop(old);
    }

    pub fn new(ty: &'static crate::typeobj::StaticType, a: Value, b: Value, items: Vec<Value>, n: i64) -> Value {
        alloc_object(
            ty.get(),
            NativeIter {
                header: ObjHeader::new(std::ptr::null()),
                a: UnsafeCell::new(a),
                b,
                items: items.into_boxed_slice(),
                n: Cell::new(n),
            },
        )
    }
}
