//! `range` and its iterator.

use crate::object::{alloc_object, LayoutKind, ObjHeader, PyPayload};
use crate::typeobj::{RANGE_ITER_TYPE, RANGE_TYPE};
use crate::value::Value;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use std::cell::Cell;

/// A range. When start, stop and step all fit in i64 they live in the
/// machine fields (`big` is None) and `len` is exact; otherwise `big` holds
/// them and the machine fields are unused.
#[repr(C)]
pub struct RangeObject {
    pub(crate) header: ObjHeader,
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: u64,
    pub big: Option<Box<BigRange>>,
}

/// The bounds of a range beyond 64 bits, and its length.
pub struct BigRange {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
    pub len: BigInt,
}

/// Number of items of range(start, stop, step) for any sizes (step != 0).
pub fn range_len_big(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    use num_integer::Integer;
    let (lo, hi, st) = if step.is_positive() {
        (start, stop, step.clone())
    } else {
        (stop, start, -step)
    };
    if lo >= hi {
        return BigInt::zero();
    }
    let diff: BigInt = hi - lo - 1u32;
    diff.div_floor(&st) + 1u32
}

/// A range from bounds of any size (step != 0), machine-sized when they fit.
pub fn new_range_big(start: BigInt, stop: BigInt, step: BigInt) -> Value {
    if let (Some(a), Some(b), Some(c)) = (start.to_i64(), stop.to_i64(), step.to_i64()) {
        return new_range(a, b, c);
    }
    let len = range_len_big(&start, &stop, &step);
    alloc_object(
        RANGE_TYPE.get(),
        RangeObject {
            header: ObjHeader::new(std::ptr::null()),
            start: 0,
            stop: 0,
            step: 1,
            len: 0,
            big: Some(Box::new(BigRange { start, stop, step, len })),
        },
    )
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
            big: None,
        },
    )
}

impl RangeObject {
    /// Item `i` of a machine-sized range (`i < len`).
    pub fn item(&self, i: u64) -> i64 {
        (self.start as i128 + self.step as i128 * i as i128) as i64
    }

    /// (start, stop, step, len) as big ints, whichever form the range has.
    pub fn parts(&self) -> (BigInt, BigInt, BigInt, BigInt) {
        match &self.big {
            Some(b) => (b.start.clone(), b.stop.clone(), b.step.clone(), b.len.clone()),
            None => (
                BigInt::from(self.start),
                BigInt::from(self.stop),
                BigInt::from(self.step),
                BigInt::from(self.len),
            ),
        }
    }
}

#[repr(C)]
pub struct RangeIter {
    pub(crate) header: ObjHeader,
    pub(crate) next: Cell<i64>,
    pub(crate) step: i64,
    pub(crate) remaining: Cell<u64>,
    /// The first item and the item count, for `__reduce__`/`__setstate__`.
    pub(crate) start: i64,
    pub(crate) len: u64,
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
            start: r.start,
            len: r.len,
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
