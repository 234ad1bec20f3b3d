//! `tuple`: items stored inline after the header.

use crate::gil::GilCell;
use crate::object::{alloc_raw, LayoutKind, ObjHeader, PyPayload};
use crate::typeobj::{TypeObject, TUPLE_TYPE};
use crate::value::Value;

#[repr(C)]
pub struct TupleObject {
    header: ObjHeader,
    len: usize,
    // `len` Values follow.
}

unsafe impl PyPayload for TupleObject {
    const KIND: LayoutKind = LayoutKind::Tuple;
}

const HEAD: usize = std::mem::size_of::<TupleObject>();

impl TupleObject {
    pub(crate) unsafe fn alloc_size_of(p: *const TupleObject) -> usize {
        HEAD + (*p).len * std::mem::size_of::<Value>()
    }

    /// Releases the items last to first, as CPython's tupledealloc does.
    pub(crate) unsafe fn drop_items(p: *mut TupleObject) {
        let items = (p as *mut u8).add(HEAD) as *mut Value;
        for i in (0..(*p).len).rev() {
            std::ptr::drop_in_place(items.add(i));
        }
    }

    #[inline(always)]
    pub fn items(&self) -> &[Value] {
        // SAFETY: `len` initialized Values follow the struct; tuples are immutable.
        unsafe {
            std::slice::from_raw_parts(
                (self as *const TupleObject as *const u8).add(HEAD) as *const Value,
                self.len,
            )
        }
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn get(&self, i: usize) -> Option<&Value> {
        self.items().get(i)
    }
}

static EMPTY: GilCell<Value> = GilCell::new(Value::NULL);

/// A tuple of type `ty` from an iterator of exactly `len` values.
pub fn new_tuple_typed(ty: &TypeObject, items: impl ExactSizeIterator<Item = Value>) -> Value {
    let len = items.len();
    let size = HEAD + len * std::mem::size_of::<Value>();
    // SAFETY: Tuple layout; all `len` items are written before use (an
    // iterator yielding fewer is padded with None).
    unsafe {
        let p = alloc_raw(ty, size);
        let t = p.as_ptr() as *mut TupleObject;
        std::ptr::addr_of_mut!((*t).len).write(len);
        let base = (t as *mut u8).add(HEAD) as *mut Value;
        let mut n = 0;
        for v in items.take(len) {
            base.add(n).write(v);
            n += 1;
        }
        while n < len {
            base.add(n).write(crate::objects::singletons::none());
            n += 1;
        }
        Value::from_owned_ptr(p)
    }
}

pub fn new_tuple(items: Vec<Value>) -> Value {
    if items.is_empty() {
        return empty_tuple();
    }
    new_tuple_typed(TUPLE_TYPE.get(), items.into_iter())
}

pub fn new_tuple_from_slice(items: &[Value]) -> Value {
    if items.is_empty() {
        return empty_tuple();
    }
    new_tuple_typed(TUPLE_TYPE.get(), items.iter().cloned())
}

/// The shared `()`.
pub fn empty_tuple() -> Value {
    // SAFETY: GIL held.
    let e = unsafe { EMPTY.get_mut() };
    if e.is_null() {
        *e = new_tuple_typed(TUPLE_TYPE.get(), std::iter::empty());
        crate::typeobj::make_immortal(e);
    }
    e.clone()
}
