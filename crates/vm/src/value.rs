//! `Value`: every Python value in 8 bytes (NaN boxing).
//!
//! Bit layout of the 64-bit word:
//! - a float is stored as its own IEEE-754 bits. NaNs are canonicalized on the
//!   way in (`0x7FF8_0000_0000_0000`, or `0xFFF8_0000_0000_0000` when the sign is
//!   set), so the rest of the negative quiet-NaN space is free for tags;
//! - `0xFFF9` in the top 16 bits: a pointer to a heap object (48-bit address);
//! - `0xFFFA`: a small int, 48-bit two's complement in the low bits;
//! - `0xFFFB_0000_0000_0000`: NULL, the VM's "no value" (an unbound local, the
//!   NULL that `PUSH_NULL` pushes). Never visible to Python code.
//!
//! A pointer `Value` owns one reference: `Clone` increments the object's
//! refcount, `Drop` decrements it and deallocates at zero. Ints and floats carry
//! no reference, so arithmetic on them never touches the heap.

use crate::object::{self, ObjHeader};
use std::marker::PhantomData;
use std::ptr::NonNull;

const TAG_PTR: u64 = 0xFFF9 << 48;
const TAG_INT: u64 = 0xFFFA << 48;
pub(crate) const NULL_BITS: u64 = 0xFFFB << 48;
const PAYLOAD_MASK: u64 = (1 << 48) - 1;
/// Every bit pattern at or above this is a tag, never a float.
const FIRST_TAG: u64 = TAG_PTR;
const CANONICAL_NAN: u64 = 0x7FF8_0000_0000_0000;
const CANONICAL_NEG_NAN: u64 = 0xFFF8_0000_0000_0000;

/// Smallest int stored inline.
pub const SMALL_INT_MIN: i64 = -(1 << 47);
/// Largest int stored inline.
pub const SMALL_INT_MAX: i64 = (1 << 47) - 1;

#[repr(transparent)]
pub struct Value {
    bits: u64,
    /// Refcounts are not atomic: a `Value` must stay on the thread holding the GIL.
    _not_send: PhantomData<*const ()>,
}

impl Value {
    /// The VM-internal "no value".
    pub const NULL: Value = Value {
        bits: NULL_BITS,
        _not_send: PhantomData,
    };

    #[inline(always)]
    const fn from_bits(bits: u64) -> Value {
        Value {
            bits,
            _not_send: PhantomData,
        }
    }

    /// The raw word; equal bits mean the same value for `is` purposes.
    #[inline(always)]
    pub fn bits(&self) -> u64 {
        self.bits
    }

    #[inline(always)]
    pub fn float(f: f64) -> Value {
        if f.is_nan() {
            Value::from_bits(if f.is_sign_negative() {
                CANONICAL_NEG_NAN
            } else {
                CANONICAL_NAN
            })
        } else {
            Value::from_bits(f.to_bits())
        }
    }

    /// An inline int, if `i` fits in 48 bits. Use `Value::int` (int.rs) for any i64.
    #[inline(always)]
    pub fn small_int(i: i64) -> Option<Value> {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i) {
            Some(Value::from_bits(TAG_INT | (i as u64 & PAYLOAD_MASK)))
        } else {
            None
        }
    }

    /// An inline int from a value the caller knows fits (e.g. a length < 2^47).
    #[inline(always)]
    pub(crate) fn small_int_unchecked(i: i64) -> Value {
        debug_assert!((SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i));
        Value::from_bits(TAG_INT | (i as u64 & PAYLOAD_MASK))
    }

    /// Wraps an owned reference (the refcount already counts this `Value`).
    #[inline(always)]
    pub(crate) fn from_owned_ptr(p: NonNull<ObjHeader>) -> Value {
        let addr = p.as_ptr() as u64;
        debug_assert!(addr & !PAYLOAD_MASK == 0, "heap address above 48 bits");
        Value::from_bits(TAG_PTR | addr)
    }

    /// A new reference to the object at `p` (increments its refcount).
    #[inline(always)]
    pub(crate) fn from_borrowed_ptr(p: NonNull<ObjHeader>) -> Value {
        // SAFETY: callers pass a live object.
        unsafe { object::incref(p) };
        Value::from_owned_ptr(p)
    }

    #[inline(always)]
    pub fn is_float(&self) -> bool {
        self.bits < FIRST_TAG
    }

    #[inline(always)]
    pub fn is_small_int(&self) -> bool {
        self.bits >> 48 == TAG_INT >> 48
    }

    #[inline(always)]
    pub fn is_ptr(&self) -> bool {
        self.bits >> 48 == TAG_PTR >> 48
    }

    #[inline(always)]
    pub fn is_null(&self) -> bool {
        self.bits == NULL_BITS
    }

    #[inline(always)]
    pub fn as_float(&self) -> Option<f64> {
        if self.is_float() {
            Some(f64::from_bits(self.bits))
        } else {
            None
        }
    }

    /// The float, for a value known to be one (`is_float`).
    #[inline(always)]
    pub fn float_unchecked(&self) -> f64 {
        debug_assert!(self.is_float());
        f64::from_bits(self.bits)
    }

    #[inline(always)]
    pub fn as_small_int(&self) -> Option<i64> {
        if self.is_small_int() {
            Some(self.small_int_unchecked_value())
        } else {
            None
        }
    }

    /// The int, for a value known to be a small int.
    #[inline(always)]
    pub fn small_int_unchecked_value(&self) -> i64 {
        ((self.bits << 16) as i64) >> 16
    }

    #[inline(always)]
    pub fn as_ptr(&self) -> Option<NonNull<ObjHeader>> {
        if self.is_ptr() {
            NonNull::new((self.bits & PAYLOAD_MASK) as *mut ObjHeader)
        } else {
            None
        }
    }

    /// The object pointer, for a value known to be a pointer.
    #[inline(always)]
    pub(crate) fn ptr_unchecked(&self) -> *mut ObjHeader {
        debug_assert!(self.is_ptr());
        (self.bits & PAYLOAD_MASK) as *mut ObjHeader
    }

    /// `a is b`.
    #[inline(always)]
    pub fn is(&self, other: &Value) -> bool {
        self.bits == other.bits
    }

    /// Gives up ownership without decrementing (pair with `from_raw_bits`).
    #[inline(always)]
    pub(crate) fn into_raw_bits(self) -> u64 {
        let b = self.bits;
        std::mem::forget(self);
        b
    }

    /// # Safety
    /// `bits` must come from `into_raw_bits` (ownership is taken back).
    #[inline(always)]
    pub(crate) unsafe fn from_raw_bits(bits: u64) -> Value {
        Value::from_bits(bits)
    }

    /// Moves the value out, leaving NULL behind.
    #[inline(always)]
    pub fn take(&mut self) -> Value {
        std::mem::replace(self, Value::NULL)
    }
}

impl Default for Value {
    /// NULL: "no value".
    fn default() -> Value {
        Value::NULL
    }
}

impl Clone for Value {
    #[inline(always)]
    fn clone(&self) -> Value {
        if self.is_ptr() {
            // SAFETY: a pointer Value always refers to a live object.
            unsafe { object::incref(NonNull::new_unchecked(self.ptr_unchecked())) };
        }
        Value::from_bits(self.bits)
    }
}

impl Drop for Value {
    #[inline(always)]
    fn drop(&mut self) {
        if self.is_ptr() {
            // SAFETY: this Value owns one reference to a live object.
            unsafe { object::decref(NonNull::new_unchecked(self.ptr_unchecked())) };
        }
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(x) = self.as_float() {
            write!(f, "Value::float({x:?})")
        } else if let Some(i) = self.as_small_int() {
            write!(f, "Value::int({i})")
        } else if self.is_null() {
            write!(f, "Value::NULL")
        } else {
            write!(f, "Value::ptr({:#x})", self.bits & PAYLOAD_MASK)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_round_trip() {
        for f in [
            0.0,
            -0.0,
            1.5,
            -1e300,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MIN_POSITIVE,
            5e-324,
        ] {
            let v = Value::float(f);
            assert!(v.is_float() && !v.is_ptr() && !v.is_small_int() && !v.is_null());
            assert_eq!(v.as_float().unwrap().to_bits(), f.to_bits());
        }
    }

    #[test]
    fn nans_are_canonicalized_keeping_sign() {
        let weird_neg_nan = f64::from_bits(0xFFF9_0000_0000_1234);
        let weird_pos_nan = f64::from_bits(0x7FF0_0000_0000_0001);
        let v = Value::float(weird_neg_nan);
        assert!(v.is_float());
        assert!(v.as_float().unwrap().is_nan() && v.as_float().unwrap().is_sign_negative());
        let w = Value::float(weird_pos_nan);
        assert!(w.is_float() && w.as_float().unwrap().is_nan() && w.as_float().unwrap().is_sign_positive());
        assert_eq!(Value::float(f64::NAN).bits(), CANONICAL_NAN);
        assert_eq!(Value::float(-f64::NAN).bits(), CANONICAL_NEG_NAN);
    }

    #[test]
    fn small_ints() {
        for i in [0, 1, -1, 42, SMALL_INT_MIN, SMALL_INT_MAX, -123456789] {
            let v = Value::small_int(i).unwrap();
            assert!(v.is_small_int() && !v.is_float() && !v.is_ptr());
            assert_eq!(v.as_small_int(), Some(i));
        }
        assert!(Value::small_int(SMALL_INT_MAX + 1).is_none());
        assert!(Value::small_int(SMALL_INT_MIN - 1).is_none());
        assert!(Value::small_int(i64::MAX).is_none());
    }

    #[test]
    fn null_is_distinct() {
        assert!(Value::NULL.is_null());
        assert!(!Value::NULL.is_float() && !Value::NULL.is_ptr() && !Value::NULL.is_small_int());
        assert_eq!(std::mem::size_of::<Value>(), 8);
    }
}
