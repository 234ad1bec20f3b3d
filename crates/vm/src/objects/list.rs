//! `list`. The item vector sits in an `UnsafeCell`; every method here takes
//! or gives values by clone and never holds the borrow while Python code could
//! run (replaced values are dropped after the borrow ends, since a drop can
//! run `__del__`).

use crate::object::{alloc_object, LayoutKind, ObjHeader, PyPayload};
use crate::typeobj::{TypeObject, LIST_TYPE};
use crate::value::Value;
use std::cell::UnsafeCell;

#[repr(C)]
pub struct ListObject {
    pub(crate) header: ObjHeader,
    items: UnsafeCell<Vec<Value>>,
}

unsafe impl PyPayload for ListObject {
    const KIND: LayoutKind = LayoutKind::List;
}

impl Drop for ListObject {
    /// Items are released last to first, as CPython's list_dealloc does
    /// (observable through `__del__`).
    fn drop(&mut self) {
        let items = self.items.get_mut();
        while let Some(v) = items.pop() {
            drop(v);
        }
    }
}

pub fn new_list(items: Vec<Value>) -> Value {
    new_list_typed(LIST_TYPE.get(), items)
}

pub fn new_list_typed(ty: &TypeObject, items: Vec<Value>) -> Value {
    alloc_object(
        ty,
        ListObject {
            header: ObjHeader::new(std::ptr::null()),
            items: UnsafeCell::new(items),
        },
    )
}

impl ListObject {
    #[inline(always)]
    fn vec(&self) -> &Vec<Value> {
        // SAFETY: no &mut borrow outlives a method of this type.
        unsafe { &*self.items.get() }
    }

    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    fn vec_mut(&self) -> &mut Vec<Value> {
        // SAFETY: callers end the borrow before running any Python code.
        unsafe { &mut *self.items.get() }
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        self.vec().len()
    }

    pub fn is_empty(&self) -> bool {
        self.vec().is_empty()
    }

    /// Item slots allocated (`list.__sizeof__` counts them).
    pub fn capacity(&self) -> usize {
        self.vec().capacity()
    }

    #[inline(always)]
    pub fn get(&self, i: usize) -> Option<Value> {
        self.vec().get(i).cloned()
    }

    /// Replaces item `i` (< len); returns false when out of range.
    pub fn set(&self, i: usize, v: Value) -> bool {
        let old = match self.vec_mut().get_mut(i) {
            Some(slot) => std::mem::replace(slot, v),
            None => return false,
        };
        drop(old);
        true
    }

    #[inline(always)]
    pub fn push(&self, v: Value) {
        self.vec_mut().push(v);
    }

    pub fn pop(&self) -> Option<Value> {
        self.vec_mut().pop()
    }

    pub fn insert(&self, i: usize, v: Value) {
        let vec = self.vec_mut();
        let i = i.min(vec.len());
        vec.insert(i, v);
    }

    pub fn remove(&self, i: usize) -> Option<Value> {
        let vec = self.vec_mut();
        if i < vec.len() {
            Some(vec.remove(i))
        } else {
            None
        }
    }

    /// A snapshot of the items (new references).
    pub fn to_vec(&self) -> Vec<Value> {
        self.vec().clone()
    }

    pub fn extend(&self, items: impl IntoIterator<Item = Value>) {
        // Collect first: the iterator must not run while the vector is borrowed.
        let items: Vec<Value> = items.into_iter().collect();
        self.vec_mut().extend(items);
    }

    /// Swaps the contents for `items`, returning the old ones (drop them later).
    pub fn replace_all(&self, items: Vec<Value>) -> Vec<Value> {
        std::mem::replace(self.vec_mut(), items)
    }

    pub fn clear(&self) {
        // Released last to first, as CPython's list.clear does.
        let mut old = self.replace_all(Vec::new());
        while let Some(v) = old.pop() {
            drop(v);
        }
    }

    pub fn reverse(&self) {
        self.vec_mut().reverse();
    }

    /// Replaces `start..end` by `items`; returns the removed values.
    pub fn splice(&self, start: usize, end: usize, items: Vec<Value>) -> Vec<Value> {
        let vec = self.vec_mut();
        let end = end.min(vec.len());
        let start = start.min(end);
        if end - start == items.len() {
            // Same length (`a[i:j] = b[j-1:i-1:-1]` style): swap in place.
            let mut items = items;
            for (slot, new) in vec[start..end].iter_mut().zip(items.iter_mut()) {
                std::mem::swap(slot, new);
            }
            return items;
        }
        vec.splice(start..end, items).collect()
    }

    /// Runs `f` over the items without letting it run Python code.
    pub fn with_items<R>(&self, f: impl FnOnce(&[Value]) -> R) -> R {
        f(self.vec())
    }
}
