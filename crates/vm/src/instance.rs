//! Attribute storage of instances (hidden-class style).
//!
//! Each class keeps an append-only list of attribute names, its shared keys.
//! An instance stores its attribute values in an array indexed by that list,
//! so once an attribute load has been specialized it is a type-version guard
//! plus an index. Insertion order per instance (what `__dict__` shows) is kept
//! only when it differs from key order. When the keys are full, or when
//! `__dict__` is asked for, the instance switches to an ordinary dict.

use crate::objects::dict::DictObject;
use crate::objects::str::str_eq;
use crate::value::Value;

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

/// Lives in the object's pre-header.
#[derive(Default)]
pub struct InstanceAttrs {
    /// Values by shared-key index; NULL where unset.
    pub(crate) values: Vec<Value>,
    /// Insertion order of key indices, once it differs from index order.
    pub(crate) order: Option<Box<Vec<u8>>>,
    /// The materialized `__dict__`; when set, `values` is unused.
    pub(crate) dict: Value,
    /// `__slots__` values by slot index (NULL when unset), allocated on first use.
    pub(crate) slots: Option<Box<[Value]>>,
}

impl InstanceAttrs {
    pub fn slot(&self, i: usize) -> Option<Value> {
        self.slots.as_ref()?.get(i).filter(|v| !v.is_null()).cloned()
    }

    /// Stores (or clears, with NULL) slot `i` of `n`; returns the old value.
    pub fn set_slot(&mut self, i: usize, n: usize, v: Value) -> Value {
        let s = self
            .slots
            .get_or_insert_with(|| (0..n.max(i + 1)).map(|_| Value::NULL).collect());
        match s.get_mut(i) {
            Some(slot) => std::mem::replace(slot, v),
            None => v,
        }
    }

    pub fn has_dict(&self) -> bool {
        !self.dict.is_null()
    }

    pub fn get(&self, idx: usize) -> Option<Value> {
        match self.values.get(idx) {
            Some(v) if !v.is_null() => Some(v.clone()),
            _ => None,
        }
    }

    /// Stores at `idx` and returns the old value (to be dropped by the caller
    /// after every borrow has ended: dropping may run Python code).
    pub fn set(&mut self, idx: usize, v: Value) -> Value {
        if idx >= self.values.len() {
            self.values.resize_with(idx + 1, || Value::NULL);
        }
        let was_absent = self.values[idx].is_null();
        if was_absent {
            let max_present = self.values.iter().rposition(|x| !x.is_null());
            match &mut self.order {
                Some(order) => order.push(idx as u8),
                None => {
                    if max_present.is_some_and(|m| m > idx) {
                        let mut order: Vec<u8> = (0..self.values.len())
                            .filter(|&i| !self.values[i].is_null())
                            .map(|i| i as u8)
                            .collect();
                        order.push(idx as u8);
                        self.order = Some(Box::new(order));
                    }
                }
            }
        }
        std::mem::replace(&mut self.values[idx], v)
    }

    /// Removes the value at `idx`; `None` when it was not set.
    pub fn remove(&mut self, idx: usize) -> Option<Value> {
        let slot = self.values.get_mut(idx)?;
        if slot.is_null() {
            return None;
        }
        let old = slot.take();
        if let Some(order) = &mut self.order {
            order.retain(|&i| i as usize != idx);
        }
        Some(old)
    }

    /// Key indices in insertion order.
    pub fn order(&self) -> Vec<usize> {
        match &self.order {
            Some(o) => o.iter().map(|&i| i as usize).collect(),
            None => (0..self.values.len()).filter(|&i| !self.values[i].is_null()).collect(),
        }
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
                let v = self.values[idx].take();
                dict.insert_str(name, v);
            }
        }
        self.values = Vec::new();
        self.order = None;
        self.dict = d.clone();
        d
    }
}
