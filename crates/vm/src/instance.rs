//! Attribute storage of instances (hidden-class style).
//!
//! Each class keeps an append-only list of attribute names, its shared keys.
//! An instance stores its attribute values in a block indexed by that list,
//! so once an attribute load has been specialized it is a type-version guard
//! plus an index. Insertion order per instance (what `__dict__` shows) is kept
//! only when it differs from key order. When the keys are full, or when
//! `__dict__` is asked for, the instance switches to an ordinary dict.
//!
//! `__slots__` values are not kept here: they sit in the object's own
//! allocation, before the pre-header (see `object.rs` and [`slot_ptr`]).

use crate::object::{alloc_block, free_block, ObjHeader};
use crate::objects::dict::DictObject;
use crate::objects::str::str_eq;
use crate::typeobj::{type_flags, TypeObject};
use crate::value::Value;
use std::ptr::NonNull;

/// Most attributes a class shares before instances fall back to dicts (CPython's limit too).
pub const SHARED_KEYS_MAX: usize = 30;

#[derive(Default)]
pub struct SharedKeys {
    pub(crate) names: Vec<Value>,
}

impl SharedKeys {
    pub fn index_of(&self, name: &Value) -> Option<usize> {
        if let Some(i) = self.names.iter().position(|n| n.is(name)) {
            return Some(i);
        }
        self.names.iter().position(|n| str_eq(n, name))
    }

    /// The index of `name`, adding it when there is room.
    pub fn index_or_insert(&mut self, name: &Value) -> Option<usize> {
        if let Some(i) = self.index_of(name) {
            return Some(i);
        }
        if self.names.len() >= SHARED_KEYS_MAX {
            return None;
        }
        self.names.push(name.clone());
        Some(self.names.len() - 1)
    }
}

/// The first word of a values block. The block holds `cap` values after it
/// and, once `ordered`, `cap` order bytes (key indices in insertion order,
/// `order_len` of them in use) after the values: CPython's `_PyDictValues`
/// keeps its order bytes in a prefix the same way.
#[repr(C, align(8))]
pub(crate) struct ValuesHead {
    cap: u8,
    ordered: bool,
    order_len: u8,
}

/// The block of instances that have no values yet: capacity 0, never
/// written (every store first grows into a block of its own) nor freed.
static EMPTY_VALUES: ValuesHead = ValuesHead {
    cap: 0,
    ordered: false,
    order_len: 0,
};

const HEAD: usize = std::mem::size_of::<ValuesHead>();

fn block_size(cap: usize, ordered: bool) -> usize {
    HEAD + cap * std::mem::size_of::<Value>() + if ordered { (cap + 7) & !7 } else { 0 }
}

/// Lives in the object's pre-header: one thin pointer to the values block
/// and the materialized dict (16 bytes; CPython's pre-header is the same two
/// pointers).
pub struct InstanceAttrs {
    values: NonNull<ValuesHead>,
    /// The materialized `__dict__`; when set, the values block is empty.
    pub(crate) dict: Value,
}

impl Default for InstanceAttrs {
    fn default() -> Self {
        InstanceAttrs {
            values: NonNull::from(&EMPTY_VALUES),
            dict: Value::NULL,
        }
    }
}

impl Drop for InstanceAttrs {
    fn drop(&mut self) {
        self.drop_values();
    }
}

impl InstanceAttrs {
    #[inline(always)]
    fn head(&self) -> &ValuesHead {
        // SAFETY: `values` is EMPTY_VALUES or a live block owned by self.
        unsafe { self.values.as_ref() }
    }

    /// The values (NULL where unset).
    #[inline(always)]
    fn values(&self) -> &[Value] {
        // SAFETY: the block holds `cap` initialized values after its head.
        unsafe {
            std::slice::from_raw_parts((self.values.as_ptr() as *const u8).add(HEAD) as *const Value, self.head().cap as usize)
        }
    }

    fn values_mut(&mut self) -> &mut [Value] {
        if self.head().cap == 0 {
            // EMPTY_VALUES (or an equally empty block) is never written.
            return &mut [];
        }
        // SAFETY: as `values`, and the block is our own.
        unsafe {
            std::slice::from_raw_parts_mut((self.values.as_ptr() as *mut u8).add(HEAD) as *mut Value, self.head().cap as usize)
        }
    }

    /// The order bytes in use (empty unless the block is `ordered`).
    fn order_bytes(&self) -> &[u8] {
        let h = self.head();
        if !h.ordered {
            return &[];
        }
        // SAFETY: an ordered block has `cap` order bytes after its values.
        unsafe {
            let p = (self.values.as_ptr() as *const u8).add(HEAD + h.cap as usize * 8);
            std::slice::from_raw_parts(p, h.order_len as usize)
        }
    }

    /// The whole order area (`cap` bytes; empty unless ordered).
    fn order_area_mut(&mut self) -> &mut [u8] {
        let (cap, ordered) = (self.head().cap as usize, self.head().ordered);
        if !ordered {
            return &mut [];
        }
        // SAFETY: as `order_bytes`; the area holds `cap` bytes.
        unsafe {
            let p = (self.values.as_ptr() as *mut u8).add(HEAD + cap * 8);
            std::slice::from_raw_parts_mut(p, cap)
        }
    }

    /// Every value slot (NULL ones included), for the collector.
    pub(crate) fn for_each_value(&self, mut f: impl FnMut(&Value)) {
        self.values().iter().for_each(&mut f);
        f(&self.dict);
    }

    /// Frees the values block; the values are dropped after the block is
    /// detached (dropping may free other objects, never this one's storage).
    fn drop_values(&mut self) {
        let cap = self.head().cap as usize;
        if cap == 0 {
            return;
        }
        let ordered = self.head().ordered;
        let block = std::mem::replace(&mut self.values, NonNull::from(&EMPTY_VALUES));
        // SAFETY: the block was allocated by `grow` with this size and is no
        // longer reachable from self.
        unsafe {
            let vals = (block.as_ptr() as *mut u8).add(HEAD) as *mut Value;
            for i in 0..cap {
                std::ptr::drop_in_place(vals.add(i));
            }
            free_block(block.as_ptr() as *mut u8, block_size(cap, ordered));
        }
    }

    /// Replaces the block by one of capacity `cap` (at least the current
    /// one), ordered when `ordered`; values and order bytes are moved over.
    #[cold]
    fn grow(&mut self, cap: usize, ordered: bool) {
        let old_cap = self.head().cap as usize;
        let old_ordered = self.head().ordered;
        let order_len = self.head().order_len;
        let cap = cap.clamp(old_cap, u8::MAX as usize);
        // SAFETY: a fresh block of the computed size: head, `cap` values
        // (moved or NULL), then `cap` order bytes when ordered.
        unsafe {
            let block = alloc_block(block_size(cap, ordered)) as *mut ValuesHead;
            std::ptr::write(
                block,
                ValuesHead {
                    cap: cap as u8,
                    ordered,
                    order_len: if old_ordered { order_len } else { 0 },
                },
            );
            let vals = (block as *mut u8).add(HEAD) as *mut Value;
            let old_vals = (self.values.as_ptr() as *const u8).add(HEAD) as *const Value;
            std::ptr::copy_nonoverlapping(old_vals, vals, old_cap);
            for i in old_cap..cap {
                std::ptr::write(vals.add(i), Value::NULL);
            }
            if ordered {
                let to = (vals as *mut u8).add(cap * 8);
                std::ptr::write_bytes(to, 0, cap);
                if old_ordered {
                    let from = (old_vals as *const u8).add(old_cap * 8);
                    std::ptr::copy_nonoverlapping(from, to, order_len as usize);
                }
            }
            if old_cap != 0 {
                free_block(self.values.as_ptr() as *mut u8, block_size(old_cap, old_ordered));
            }
            self.values = NonNull::new_unchecked(block);
        }
    }

    pub fn has_dict(&self) -> bool {
        !self.dict.is_null()
    }

    #[inline(always)]
    pub fn get(&self, idx: usize) -> Option<Value> {
        match self.values().get(idx) {
            Some(v) if !v.is_null() => Some(v.clone()),
            _ => None,
        }
    }

    /// Stores at `idx` and returns the old value (to be dropped by the caller
    /// after every borrow has ended: dropping may run Python code). `keys`
    /// are the class's shared keys: a new block gets room for all of them,
    /// as later instances of the class will most likely set them all.
    #[inline(always)]
    pub fn set(&mut self, idx: usize, v: Value, keys: &SharedKeys) -> Value {
        if let Some(slot) = self.values_mut().get_mut(idx) {
            if !slot.is_null() {
                return std::mem::replace(slot, v);
            }
        }
        self.set_absent(idx, v, keys)
    }

    /// `set` for specialized stores: gives `v` back when the instance has
    /// switched to a dict.
    #[inline(always)]
    pub fn store(&mut self, idx: usize, v: Value, keys: &SharedKeys) -> Result<Value, Value> {
        if let Some(slot) = self.values_mut().get_mut(idx) {
            if !slot.is_null() {
                return Ok(std::mem::replace(slot, v));
            }
        }
        if self.has_dict() {
            return Err(v);
        }
        Ok(self.set_absent(idx, v, keys))
    }

    /// `set` of an index that has no value: records the insertion order.
    #[inline(never)]
    fn set_absent(&mut self, idx: usize, v: Value, keys: &SharedKeys) -> Value {
        if idx >= self.head().cap as usize {
            if idx >= u8::MAX as usize {
                // Unreachable with SHARED_KEYS_MAX keys; refuse rather than corrupt.
                return v;
            }
            self.grow(keys.names.len().max(idx + 1), self.head().ordered);
        }
        let out_of_order = !self.head().ordered && self.values().iter().skip(idx + 1).any(|x| !x.is_null());
        if out_of_order {
            // The order so far is index order; from now on it is recorded.
            let present: Vec<u8> = (0..self.values().len())
                .filter(|&i| !self.values()[i].is_null())
                .map(|i| i as u8)
                .collect();
            let cap = self.head().cap as usize;
            self.grow(cap, true);
            self.order_area_mut()[..present.len()].copy_from_slice(&present);
            // SAFETY: values is now a block of our own.
            unsafe { (*self.values.as_ptr()).order_len = present.len() as u8 };
        }
        if self.head().ordered {
            let n = self.head().order_len as usize;
            if let Some(b) = self.order_area_mut().get_mut(n) {
                *b = idx as u8;
                // SAFETY: an ordered block is our own.
                unsafe { (*self.values.as_ptr()).order_len += 1 };
            }
        }
        match self.values_mut().get_mut(idx) {
            Some(slot) => std::mem::replace(slot, v),
            None => v,
        }
    }

    /// Removes the value at `idx`; `None` when it was not set.
    pub fn remove(&mut self, idx: usize) -> Option<Value> {
        let slot = self.values_mut().get_mut(idx)?;
        if slot.is_null() {
            return None;
        }
        let old = slot.take();
        if self.head().ordered {
            let n = self.head().order_len as usize;
            let area = self.order_area_mut();
            if let Some(pos) = area[..n].iter().position(|&i| i as usize == idx) {
                area.copy_within(pos + 1..n, pos);
                // SAFETY: an ordered block is our own.
                unsafe { (*self.values.as_ptr()).order_len -= 1 };
            }
        }
        Some(old)
    }

    /// Key indices in insertion order.
    pub fn order(&self) -> Vec<usize> {
        if self.head().ordered {
            return self.order_bytes().iter().map(|&i| i as usize).collect();
        }
        (0..self.values().len()).filter(|&i| !self.values()[i].is_null()).collect()
    }

    /// Moves the values into a new dict (in insertion order) and switches to it.
    pub(crate) fn materialize(&mut self, keys: &SharedKeys) -> Value {
        if self.has_dict() {
            return self.dict.clone();
        }
        let d = DictObject::new_value();
        let dict = d.downcast_ref::<DictObject>();
        for idx in self.order() {
            if let (Some(dict), Some(name)) = (dict, keys.names.get(idx)) {
                if let Some(slot) = self.values_mut().get_mut(idx) {
                    let v = slot.take();
                    dict.insert_str(name, v);
                }
            }
        }
        // Only NULLs are left: nothing here can run Python code.
        self.drop_values();
        self.dict = d.clone();
        d
    }
}

/// Bytes of the pre-header (values pointer and dict; none for a class
/// without `__dict__`) before an object whose type has `flags`, not
/// counting its `__slots__` values.
#[inline(always)]
pub(crate) fn fixed_pre_size(flags: u32) -> usize {
    if flags & (type_flags::HAS_DICT | type_flags::NO_DICT) == type_flags::HAS_DICT {
        std::mem::size_of::<crate::object::PreHeader>()
    } else {
        0
    }
}

/// Where `__slots__` value `i` of an object of `ty` lives: slot values sit
/// just before the pre-header, slot 0 nearest, so a slot's place
/// depends only on whether the class has a `__dict__` (as CPython puts
/// them at fixed offsets inside the object).
///
/// # Safety
/// `p` is a live object whose type is `ty`.
#[inline(always)]
pub(crate) unsafe fn slot_ptr(p: *const ObjHeader, ty: &TypeObject, i: usize) -> Option<*mut Value> {
    if i >= ty.nslots.get() as usize {
        return None;
    }
    let off = fixed_pre_size(ty.flags.get()) + (i + 1) * std::mem::size_of::<Value>();
    Some((p as *mut u8).sub(off) as *mut Value)
}

/// `__slots__` value `i` of `obj` (None when unset).
#[inline(always)]
pub(crate) fn slot_get(obj: &Value, i: usize) -> Option<Value> {
    let h = obj.header()?;
    // SAFETY: types are live while their instances are; slot_ptr checks the index.
    unsafe {
        let p = slot_ptr(h, &*h.ty.get(), i)?;
        let v = &*p;
        (!v.is_null()).then(|| v.clone())
    }
}

/// Stores (or clears, with NULL) `__slots__` value `i` of `obj`; the old
/// value (NULL when unset) is returned to be dropped by the caller. Err
/// gives `v` back when the object has no slot `i`.
#[inline(always)]
pub(crate) fn slot_replace(obj: &Value, i: usize, v: Value) -> Result<Value, Value> {
    let Some(h) = obj.header() else { return Err(v) };
    // SAFETY: as slot_get; no borrow of the slot outlives this call.
    unsafe {
        match slot_ptr(h, &*h.ty.get(), i) {
            Some(p) => Ok(std::mem::replace(&mut *p, v)),
            None => Err(v),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values are 8 bytes; the head is one word.
    #[test]
    fn values_head_is_one_word() {
        assert_eq!(HEAD, 8);
        assert_eq!(std::mem::size_of::<InstanceAttrs>(), 16);
        assert_eq!(block_size(3, false), 32);
        assert_eq!(block_size(3, true), 40);
    }
}
