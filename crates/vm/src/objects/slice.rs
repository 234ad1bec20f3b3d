//! `slice` objects and index computation for sequences.

use crate::object::{alloc_object, LayoutKind, ObjHeader, PyPayload};
use crate::typeobj::SLICE_TYPE;
use crate::value::Value;

#[repr(C)]
pub struct SliceObject {
    pub(crate) header: ObjHeader,
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

unsafe impl PyPayload for SliceObject {
    const KIND: LayoutKind = LayoutKind::Slice;
}

pub fn new_slice(start: Value, stop: Value, step: Value) -> Value {
    alloc_object(
        SLICE_TYPE.get(),
        SliceObject {
            header: ObjHeader::new(std::ptr::null()),
            start,
            stop,
            step,
        },
    )
}

/// `slice.indices(len)`: (start, stop, step, slicelength) with Python's clamping.
pub fn adjust_indices(start: Option<i64>, stop: Option<i64>, step: i64, len: usize) -> (i64, i64, i64, usize) {
    let len = len as i64;
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let clamp = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(x) if x < 0 => (x + len).max(lower),
            Some(x) => x.min(upper),
        }
    };
    let start = clamp(start, if step < 0 { upper } else { lower });
    let stop = clamp(stop, if step < 0 { lower } else { upper });
    let n = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    (start, stop, step, n as usize)
}
