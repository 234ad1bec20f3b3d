//! `range` and its iterator.

use crate::object::{alloc_object, LayoutKind, ObjHeader, PyPayload};
use crate::typeobj::{RANGE_ITER_TYPE, RANGE_TYPE};
use crate::value::Value;
use std::cell::Cell;

/// Ranges whose bounds fit in i64 (others are refused with OverflowError for now).
#[repr(C)]
pub struct RangeObject {
    pub(crate) header: ObjHeader,
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: u64,
}

unsafe impl PyPayload for RangeObject {
    const KIND: LayoutKind = LayoutKind::Range;
}

/// Number of items of range(start, stop, step), step != 0.
pub fn range_len(start: i64, stop: i64, step: i64) -> u64 {
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    let n = if step > 0 {
        if start < stop {
            (stop - start - 1) / step + 1
        } else {
            0
        }
    } else if start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    n as u64
}

pub fn new_range(start: i64, stop: i64, step: i64) -> Value {
    let len = range_len(start, stop, step);
    alloc_object(
        RANGE_TYPE.get(),
        RangeObject {
            header: ObjHeader::new(std::ptr::null()),
            start,
            stop,
            step,
            len,
        },
    )
}

impl RangeObject {
    pub fn item(&self, i: u64) -> i64 {
        (self.start as i128 + self.step as i128 * i as i128) as i64
    }
}

#[repr(C)]
pub struct RangeIter {
    pub(crate) header: ObjHeader,
    pub(crate) next: Cell<i64>,
    pub(crate) step: i64,
    pub(crate) remaining: Cell<u64>,
}

unsafe impl PyPayload for RangeIter {
    const KIND: LayoutKind = LayoutKind::RangeIter;
}

pub fn new_range_iter(r: &RangeObject) -> Value {
    alloc_object(
        RANGE_ITER_TYPE.get(),
        RangeIter {
            header: ObjHeader::new(std::ptr::null()),
            next: Cell::new(r.start),
            step: r.step,
            remaining: Cell::new(r.len),
        },
    )
}

impl RangeIter {
    #[inline(always)]
    pub fn next_i64(&self) -> Option<i64> {
        let r = self.remaining.get();
        if r == 0 {
            return None;
        }
        self.remaining.set(r - 1);
        let v = self.next.get();
        // Wrapping: the value after the last item is never used.
        self.next.set(v.wrapping_add(self.step));
        Some(v)
    }
}
