//! None, NotImplemented, Ellipsis, True and False: statically allocated,
//! immortal objects, so `x is None` compares with a link-time address.

use crate::object::{ObjHeader, PyPayload};
use crate::objects::int::{IntObject, IntRepr};
use crate::typeobj::{BOOL_TYPE, ELLIPSIS_TYPE, NONE_TYPE, NOTIMPLEMENTED_TYPE};
use crate::value::Value;
use std::ptr::NonNull;

#[repr(transparent)]
pub struct StaticObject<T>(T);

// SAFETY: touched only under the GIL.
unsafe impl<T> Sync for StaticObject<T> {}

impl<T: PyPayload> StaticObject<T> {
    #[inline(always)]
    fn value(&'static self) -> Value {
        Value::from_borrowed_ptr(NonNull::from(&self.0).cast())
    }
}

impl StaticObject<ObjHeader> {
    #[inline(always)]
    fn header_value(&'static self) -> Value {
        Value::from_borrowed_ptr(NonNull::from(&self.0))
    }
}

pub static NONE: StaticObject<ObjHeader> = StaticObject(ObjHeader::immortal(NONE_TYPE.ptr_const()));
pub static NOT_IMPLEMENTED: StaticObject<ObjHeader> =
    StaticObject(ObjHeader::immortal(NOTIMPLEMENTED_TYPE.ptr_const()));
pub static ELLIPSIS: StaticObject<ObjHeader> = StaticObject(ObjHeader::immortal(ELLIPSIS_TYPE.ptr_const()));
pub static TRUE: StaticObject<IntObject> = StaticObject(IntObject {
    header: ObjHeader::immortal(BOOL_TYPE.ptr_const()),
    value: IntRepr::Small(1),
});
pub static FALSE: StaticObject<IntObject> = StaticObject(IntObject {
    header: ObjHeader::immortal(BOOL_TYPE.ptr_const()),
    value: IntRepr::Small(0),
});

#[inline(always)]
pub fn none() -> Value {
    NONE.header_value()
}

#[inline(always)]
pub fn not_implemented() -> Value {
    NOT_IMPLEMENTED.header_value()
}

#[inline(always)]
pub fn ellipsis() -> Value {
    ELLIPSIS.header_value()
}

#[inline(always)]
pub fn true_value() -> Value {
    TRUE.value()
}

#[inline(always)]
pub fn false_value() -> Value {
    FALSE.value()
}

#[inline(always)]
fn addr_of<T>(s: &'static StaticObject<T>) -> u64 {
    s as *const StaticObject<T> as u64
}

impl Value {
    #[inline(always)]
    pub fn none() -> Value {
        none()
    }

    #[inline(always)]
    pub fn is_none(&self) -> bool {
        self.as_ptr().is_some_and(|p| p.as_ptr() as u64 == addr_of(&NONE))
    }

    #[inline(always)]
    pub fn is_not_implemented(&self) -> bool {
        self.as_ptr()
            .is_some_and(|p| p.as_ptr() as u64 == addr_of(&NOT_IMPLEMENTED))
    }

    #[inline(always)]
    pub fn is_true_obj(&self) -> bool {
        self.as_ptr().is_some_and(|p| p.as_ptr() as u64 == addr_of(&TRUE))
    }

    #[inline(always)]
    pub fn is_false_obj(&self) -> bool {
        self.as_ptr().is_some_and(|p| p.as_ptr() as u64 == addr_of(&FALSE))
    }
}
