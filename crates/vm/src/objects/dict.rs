//! `dict`: CPython's compact ordered layout. A hash index table (1, 2, 4 or 8
//! bytes per slot by table size) points into an insertion-ordered entry
//! array; probing, the usable fraction (2/3), the growth rule (3 * used) and
//! presizing follow CPython 3.11. The keys object carries a version (assigned
//! on demand, cleared when a key is added or removed) for `LOAD_GLOBAL` caches.
//!
//! Lookups may call a key's `__eq__`, which may mutate the dict: the lookup
//! then notices that the table or the entry changed and starts over, and no
//! borrow of the table is held across the call.

use crate::exception::{ExcKind, PyResult};
use crate::gil::GilCell;
use crate::object::{alloc_object, LayoutKind, ObjHeader, PyPayload};
use crate::objects::str::StrObject;
use crate::typeobj::{is_exact, TypeObject, DICT_TYPE, STR_TYPE};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, UnsafeCell};

const LOG_MINSIZE: u8 = 3;
const EMPTY: i64 = -1;
const DUMMY: i64 = -2;
/// Largest table `_PyDict_NewPresized` makes up front.
const LOG_MAX_PRESIZE: u8 = 17;

enum Indices {
    I8(Box<[i8]>),
    I16(Box<[i16]>),
    I32(Box<[i32]>),
    I64(Box<[i64]>),
}

impl Indices {
    fn new(log2: u8) -> Indices {
        let n = 1usize << log2;
        if log2 < 8 {
            Indices::I8(vec![-1; n].into_boxed_slice())
        } else if log2 < 16 {
            Indices::I16(vec![-1; n].into_boxed_slice())
        } else if log2 < 32 {
            Indices::I32(vec![-1; n].into_boxed_slice())
        } else {
            Indices::I64(vec![-1; n].into_boxed_slice())
        }
    }

    #[inline(always)]
    fn get(&self, i: usize) -> i64 {
        match self {
            Indices::I8(v) => v[i] as i64,
            Indices::I16(v) => v[i] as i64,
            Indices::I32(v) => v[i] as i64,
            Indices::I64(v) => v[i],
        }
    }

    #[inline(always)]
    fn set(&mut self, i: usize, ix: i64) {
        match self {
            Indices::I8(v) => v[i] = ix as i8,
            Indices::I16(v) => v[i] = ix as i16,
            Indices::I32(v) => v[i] = ix as i32,
            Indices::I64(v) => v[i] = ix,
        }
    }
}

pub struct Entry {
    pub hash: i64,
    /// NULL for a deleted entry.
    pub key: Value,
    pub value: Value,
}

pub struct DictKeys {
    log2_size: u8,
    indices: Indices,
    entries: Vec<Entry>,
    /// Entries that may still be appended before a resize.
    usable: usize,
    /// Every key is an exact str (lookups with a str need no Python code).
    all_str: bool,
    version: Cell<u32>,
}

fn usable_fraction(size: usize) -> usize {
    (size << 1) / 3
}

fn calculate_log2_keysize(minsize: usize) -> u8 {
    let mut log2 = LOG_MINSIZE;
    while (1usize << log2) < minsize {
        log2 += 1;
    }
    log2
}

impl DictKeys {
    fn new(log2: u8) -> DictKeys {
        let size = 1usize << log2;
        DictKeys {
            log2_size: log2,
            indices: Indices::new(log2),
            entries: Vec::with_capacity(usable_fraction(size)),
            usable: usable_fraction(size),
            all_str: true,
            version: Cell::new(0),
        }
    }

    #[inline(always)]
    fn mask(&self) -> usize {
        (1usize << self.log2_size) - 1
    }

    /// Index slot of the first EMPTY or DUMMY on the probe path of `hash`.
    /// Index slot pointing at entry `ix` along the probe path of `hash`.
    fn slot_of_entry(&self, ix: usize, hash: i64) -> Option<usize> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let cur = self.indices.get(i);
            if cur == ix as i64 {
                return Some(i);
            }
            if cur == EMPTY {
                return None;
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
    }

    fn find_empty_slot(&self, hash: i64) -> usize {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if self.indices.get(i) < 0 {
                return i;
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
    }

    /// Probe for an identical key or an equal exact str; never runs Python code.
    /// Returns Ok(entry index) / Err(()) "not decidable without __eq__" is
    /// signalled by `None` from the caller's point of view.
    fn lookup_str(&self, key: &StrObject, key_bits: u64, hash: i64) -> Option<usize> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.indices.get(i);
            if ix == EMPTY {
                return None;
            }
            if ix >= 0 {
                let e = &self.entries[ix as usize];
                if e.key.bits() == key_bits {
                    return Some(ix as usize);
                }
                if e.hash == hash {
                    if let Some(k) = e.key.downcast_ref::<StrObject>() {
                        if k.eq_str(key) {
                            return Some(ix as usize);
                        }
                    }
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
    }
}

pub(crate) struct DictInner {
    /// `None` until the first insertion (CPython shares an empty keys object).
    keys: Option<Box<DictKeys>>,
    used: usize,
}

#[repr(C)]
pub struct DictObject {
    pub(crate) header: ObjHeader,
    inner: UnsafeCell<DictInner>,
}

unsafe impl PyPayload for DictObject {
    const KIND: LayoutKind = LayoutKind::Dict;
}

static NEXT_KEYS_VERSION: GilCell<u32> = GilCell::new(0);

/// Outcome of comparing a probed key with the wanted one.
enum Probe {
    Found(usize),
    NotFound,
    /// The dict changed during `__eq__`: start again.
    Restart,
}

impl DictObject {
    pub fn new_value() -> Value {
        Self::new_typed(DICT_TYPE.get(), 0)
    }

    /// A dict with room for `n` items without resizing (`_PyDict_NewPresized`).
    pub fn with_capacity(n: usize) -> Value {
        Self::new_typed(DICT_TYPE.get(), n)
    }

    pub fn new_typed(ty: &TypeObject, presize: usize) -> Value {
        let keys = if presize > usable_fraction(1 << LOG_MINSIZE) {
            let log2 = calculate_log2_keysize((presize * 3 + 1) / 2).min(LOG_MAX_PRESIZE);
            Some(Box::new(DictKeys::new(log2)))
        } else {
            None
        };
        alloc_object(
            ty,
            DictObject {
                header: ObjHeader::new(std::ptr::null()),
                inner: UnsafeCell::new(DictInner { keys, used: 0 }),
            },
        )
    }

    #[inline(always)]
    fn inner(&self) -> &DictInner {
        // SAFETY: mutations happen only inside methods of this type, which
        // never call out to Python while holding the borrow.
        unsafe { &*self.inner.get() }
    }

    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    fn inner_mut(&self) -> &mut DictInner {
        // SAFETY: as `inner`.
        unsafe { &mut *self.inner.get() }
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        self.inner().used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes CPython's keys object of this table would take
    /// (`_PyDict_KeysSize`): header, index array, usable entries (16 bytes
    /// for all-str keys, else 24). 0 while the dict shares the empty keys.
    pub fn keys_sizeof(&self) -> usize {
        let Some(keys) = self.inner().keys.as_ref() else { return 0 };
        let index_bytes = match keys.indices {
            Indices::I8(_) => 1,
            Indices::I16(_) => 2,
            Indices::I32(_) => 4,
            Indices::I64(_) => 8,
        };
        let size = 1usize << keys.log2_size;
        let entry = if keys.all_str { 16 } else { 24 };
        32 + size * index_bytes + usable_fraction(size) * entry
    }

    /// Lookup of an exact str key: no Python code can run.
    #[inline]
    pub fn get_str(&self, key: &Value) -> Option<Value> {
        let s = key.downcast_ref::<StrObject>()?;
        let keys = self.inner().keys.as_ref()?;
        let ix = keys.lookup_str(s, key.bits(), s.hash())?;
        let v = &keys.entries[ix].value;
        if v.is_null() {
            None
        } else {
            Some(v.clone())
        }
    }

    /// Inserts with an exact str key (no Python code can run).
    pub fn insert_str(&self, key: &Value, value: Value) {
        let Some(s) = key.downcast_ref::<StrObject>() else {
            return;
        };
        let hash = s.hash();
        if let Some(keys) = self.inner().keys.as_ref() {
            if let Some(ix) = keys.lookup_str(s, key.bits(), hash) {
                let old = {
                    let keys = self.inner_mut().keys.as_mut().map(|k| &mut k.entries[ix]);
                    keys.map(|e| std::mem::replace(&mut e.value, value))
                };
                drop(old);
                return;
            }
        }
        self.insert_new(hash, key.clone(), value);
    }

    pub fn insert_str_key(&self, key: &str, value: Value) {
        let k = crate::objects::str::intern(key);
        self.insert_str(&k, value);
    }

    pub fn get_str_key(&self, key: &str) -> Option<Value> {
        let k = crate::objects::str::intern(key);
        self.get_str(&k)
    }

    /// Appends a new entry (the key is known to be absent).
    fn insert_new(&self, hash: i64, key: Value, value: Value) {
        let inner = self.inner_mut();
        if inner.keys.is_none() {
            inner.keys = Some(Box::new(DictKeys::new(LOG_MINSIZE)));
        }
        if inner.keys.as_ref().is_some_and(|k| k.usable == 0) {
            let log2 = calculate_log2_keysize(inner.used * 3);
            Self::resize(inner, log2);
        }
        let is_str = is_exact(&key, &STR_TYPE);
        // Invariant: keys exists and has a usable entry after the resize above.
        let Some(keys) = inner.keys.as_mut() else { return };
        let slot = keys.find_empty_slot(hash);
        let ix = keys.entries.len();
        keys.indices.set(slot, ix as i64);
        keys.entries.push(Entry { hash, key, value });
        keys.usable -= 1;
        keys.all_str &= is_str;
        keys.version.set(0);
        inner.used += 1;
    }

    fn resize(inner: &mut DictInner, log2: u8) {
        let mut newkeys = Box::new(DictKeys::new(log2));
        if let Some(old) = inner.keys.take() {
            let mut all_str = true;
            for e in old.entries.into_iter() {
                if e.value.is_null() {
                    continue;
                }
                let slot = newkeys.find_empty_slot(e.hash);
                newkeys.indices.set(slot, newkeys.entries.len() as i64);
                all_str &= is_exact(&e.key, &STR_TYPE);
                newkeys.entries.push(e);
            }
            newkeys.usable -= newkeys.entries.len();
            newkeys.all_str = all_str;
        }
        inner.keys = Some(newkeys);
    }

    /// One probe pass; may call `__eq__`.
    fn probe(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<Probe> {
        let keys_ptr = match self.inner().keys.as_ref() {
            Some(k) => &**k as *const DictKeys,
            None => return Ok(Probe::NotFound),
        };
        if let Some(s) = key.downcast_ref::<StrObject>() {
            // SAFETY: keys_ptr is the live keys object (no call in between).
            let keys = unsafe { &*keys_ptr };
            if keys.all_str && is_exact(key, &STR_TYPE) {
                return Ok(match keys.lookup_str(s, key.bits(), hash) {
                    Some(ix) => Probe::Found(ix),
                    None => Probe::NotFound,
                });
            }
        }
        // SAFETY: re-read through keys_ptr only while no Python code ran since it was taken.
        let mask = unsafe { (*keys_ptr).mask() };
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let (ix, ekey, ehash) = {
                let keys = unsafe { &*keys_ptr };
                let ix = keys.indices.get(i);
                if ix == EMPTY {
                    return Ok(Probe::NotFound);
                }
                if ix >= 0 {
                    let e = &keys.entries[ix as usize];
                    (ix, e.key.clone(), e.hash)
                } else {
                    (ix, Value::NULL, 0)
                }
            };
            if ix >= 0 {
                if ekey.is(key) {
                    return Ok(Probe::Found(ix as usize));
                }
                if ehash == hash {
                    let eq = match quick_eq(&ekey, key) {
                        Some(b) => b,
                        None => {
                            let r = vm.rich_eq_bool(&ekey, key)?;
                            // Did __eq__ change the dict under us?
                            let same_table =
                                self.inner().keys.as_ref().map(|k| &**k as *const DictKeys) == Some(keys_ptr);
                            if !same_table {
                                return Ok(Probe::Restart);
                            }
                            let keys = unsafe { &*keys_ptr };
                            if !keys.entries.get(ix as usize).is_some_and(|e| e.key.is(&ekey)) {
                                return Ok(Probe::Restart);
                            }
                            r
                        }
                    };
                    if eq {
                        return Ok(Probe::Found(ix as usize));
                    }
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
    }

    fn find(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<Option<usize>> {
        loop {
            match self.probe(vm, key, hash)? {
                Probe::Found(ix) => return Ok(Some(ix)),
                Probe::NotFound => return Ok(None),
                Probe::Restart => continue,
            }
        }
    }

    pub fn get_item_hashed(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<Option<Value>> {
        Ok(self.find(vm, key, hash)?.and_then(|ix| self.entry_value(ix)))
    }

    /// `d.get(key)`; Err when hashing or comparing raises.
    pub fn get_item(&self, vm: &mut Vm, key: &Value) -> PyResult<Option<Value>> {
        let hash = vm.hash(key)?;
        self.get_item_hashed(vm, key, hash)
    }

    pub fn set_item(&self, vm: &mut Vm, key: Value, value: Value) -> PyResult<()> {
        let hash = vm.hash(&key)?;
        self.set_item_hashed(vm, key, hash, value)
    }

    pub fn set_item_hashed(&self, vm: &mut Vm, key: Value, hash: i64, value: Value) -> PyResult<()> {
        match self.find(vm, &key, hash)? {
            Some(ix) => {
                let old = self
                    .inner_mut()
                    .keys
                    .as_mut()
                    .map(|k| std::mem::replace(&mut k.entries[ix].value, value));
                drop(old);
            }
            None => self.insert_new(hash, key, value),
        }
        Ok(())
    }

    /// `setdefault`: the value of `key`, or `default` inserted, with a
    /// single lookup (one `__eq__` per colliding key, as CPython).
    pub fn setdefault_hashed(&self, vm: &mut Vm, key: Value, hash: i64, default: Value) -> PyResult<Value> {
        if let Some(ix) = self.find(vm, &key, hash)? {
            let found = self.inner().keys.as_ref().and_then(|k| k.entries.get(ix)).map(|e| e.value.clone());
            if let Some(v) = found.filter(|v| !v.is_null()) {
                return Ok(v);
            }
            // The entry went away while `__eq__` ran: insert afresh.
            return self.set_item_hashed(vm, key, hash, default.clone()).map(|_| default);
        }
        self.insert_new(hash, key, default.clone());
        Ok(default)
    }

    /// Removes `key`; returns its value, or None when absent.
    pub fn del_item(&self, vm: &mut Vm, key: &Value) -> PyResult<Option<Value>> {
        let hash = vm.hash(key)?;
        let Some(ix) = self.find(vm, key, hash)? else {
            return Ok(None);
        };
        Ok(self.remove_entry(ix, hash))
    }

    pub fn del_str(&self, key: &Value) -> Option<Value> {
        let s = key.downcast_ref::<StrObject>()?;
        let hash = s.hash();
        let ix = self.inner().keys.as_ref()?.lookup_str(s, key.bits(), hash)?;
        self.remove_entry(ix, hash)
    }

    fn remove_entry(&self, ix: usize, hash: i64) -> Option<Value> {
        let inner = self.inner_mut();
        let keys = inner.keys.as_mut()?;
        let slot = keys.slot_of_entry(ix, hash)?;
        keys.indices.set(slot, DUMMY);
        let e = &mut keys.entries[ix];
        let old_key = e.key.take();
        let old_value = e.value.take();
        keys.version.set(0);
        inner.used -= 1;
        drop(old_key);
        Some(old_value)
    }

    /// `popitem`: removes the last live entry and returns (key, value). As in
    /// CPython the entry array is cut back to that entry, so that trailing
    /// deleted entries are skipped once and popping everything is linear.
    pub fn pop_last(&self) -> Option<(Value, Value)> {
        let inner = self.inner_mut();
        let keys = inner.keys.as_mut()?;
        let ix = keys.entries.iter().rposition(|e| !e.value.is_null())?;
        let slot = keys.slot_of_entry(ix, keys.entries[ix].hash)?;
        keys.indices.set(slot, DUMMY);
        let key = keys.entries[ix].key.take();
        let value = keys.entries[ix].value.take();
        // Only deleted (NULL) entries remain at `ix..`: dropping them runs no code.
        keys.entries.truncate(ix);
        keys.version.set(0);
        inner.used -= 1;
        Some((key, value))
    }

    fn entry_value(&self, ix: usize) -> Option<Value> {
        let v = &self.inner().keys.as_ref()?.entries.get(ix)?.value;
        if v.is_null() {
            None
        } else {
            Some(v.clone())
        }
    }

    /// Entry count including deleted ones (the iteration bound).
    pub fn entries_len(&self) -> usize {
        self.inner().keys.as_ref().map_or(0, |k| k.entries.len())
    }

    /// The live entry at or after `pos`: (index, key, value).
    pub fn next_entry(&self, mut pos: usize) -> Option<(usize, Value, Value)> {
        let keys = self.inner().keys.as_ref()?;
        while pos < keys.entries.len() {
            let e = &keys.entries[pos];
            if !e.value.is_null() {
                return Some((pos, e.key.clone(), e.value.clone()));
            }
            pos += 1;
        }
        None
    }

    /// The last live entry before `end` (an entry index, clamped to the table): (index, key, value).
    pub fn prev_entry(&self, end: usize) -> Option<(usize, Value, Value)> {
        let keys = self.inner().keys.as_ref()?;
        let mut pos = end.min(keys.entries.len());
        while pos > 0 {
            pos -= 1;
            let e = &keys.entries[pos];
            if !e.value.is_null() {
                return Some((pos, e.key.clone(), e.value.clone()));
            }
        }
        None
    }

    /// The live entry at or after `pos`, with its stored hash.
    pub fn next_entry_hashed(&self, mut pos: usize) -> Option<(usize, Value, Value, i64)> {
        let keys = self.inner().keys.as_ref()?;
        while pos < keys.entries.len() {
            let e = &keys.entries[pos];
            if !e.value.is_null() {
                return Some((pos, e.key.clone(), e.value.clone(), e.hash));
            }
            pos += 1;
        }
        None
    }

    pub fn items(&self) -> Vec<(Value, Value)> {
        let mut out = Vec::with_capacity(self.len());
        if let Some(keys) = self.inner().keys.as_ref() {
            for e in &keys.entries {
                if !e.value.is_null() {
                    out.push((e.key.clone(), e.value.clone()));
                }
            }
        }
        out
    }

    /// Keys with their stored hashes, in order.
    pub fn keys_with_hash(&self) -> Vec<(Value, i64)> {
        let mut out = Vec::with_capacity(self.len());
        if let Some(keys) = self.inner().keys.as_ref() {
            for e in &keys.entries {
                if !e.value.is_null() {
                    out.push((e.key.clone(), e.hash));
                }
            }
        }
        out
    }

    pub fn keys(&self) -> Vec<Value> {
        self.items().into_iter().map(|(k, _)| k).collect()
    }

    pub fn clear(&self) {
        let inner = self.inner_mut();
        let old = inner.keys.take();
        inner.used = 0;
        drop(old);
    }

    /// The keys version as it is now, without assigning one (0: none).
    #[inline(always)]
    pub fn current_keys_version(&self) -> u32 {
        self.inner().keys.as_ref().map_or(0, |k| k.version.get())
    }

    /// The keys version for caches (0: none available).
    pub fn keys_version(&self) -> u32 {
        let Some(keys) = self.inner().keys.as_ref() else {
            return 0;
        };
        let v = keys.version.get();
        if v != 0 {
            return v;
        }
        // SAFETY: GIL held.
        let next = unsafe { NEXT_KEYS_VERSION.get_mut() };
        if *next == u32::MAX {
            return 0;
        }
        *next += 1;
        keys.version.set(*next);
        *next
    }

    /// The value at entry `ix` if the keys version still is `version`.
    #[inline(always)]
    pub fn cached_get(&self, version: u32, ix: usize) -> Option<Value> {
        let keys = self.inner().keys.as_ref()?;
        if keys.version.get() != version {
            return None;
        }
        let v = &keys.entries.get(ix)?.value;
        if v.is_null() {
            None
        } else {
            Some(v.clone())
        }
    }

    /// Entry index of an exact str key (for caches).
    pub fn index_of_str(&self, key: &Value) -> Option<usize> {
        let s = key.downcast_ref::<StrObject>()?;
        self.inner().keys.as_ref()?.lookup_str(s, key.bits(), s.hash())
    }

    /// Copies every item of `other` in (`dict.update` with a dict).
    /// `self.update(other)` for a dict `other`: its stored hashes are reused
    /// (keys are not hashed again), and a change of `other` by a key's
    /// `__eq__` is a RuntimeError, as in CPython's dict_merge.
    pub fn update_from(&self, vm: &mut Vm, other: &DictObject) -> PyResult<()> {
        let n = other.entries_len();
        let mut pos = 0;
        while let Some((ix, k, v, hash)) = other.next_entry_hashed(pos) {
            self.set_item_hashed(vm, k, hash, v)?;
            if other.entries_len() != n {
                return Err(vm.new_error(ExcKind::RuntimeError, "dict mutated during update"));
            }
            pos = ix + 1;
        }
        Ok(())
    }

    /// `dict.copy()`: the items in order, with their stored hashes.
    pub fn copy_value(&self) -> Value {
        let d = DictObject::with_capacity(self.len());
        if let Some(nd) = d.downcast_ref::<DictObject>() {
            let mut pos = 0;
            while let Some((ix, k, v, hash)) = self.next_entry_hashed(pos) {
                nd.insert_new(hash, k, v);
                pos = ix + 1;
            }
        }
        d
    }
}

/// Equality decided without Python code, when the types allow it.
fn quick_eq(a: &Value, b: &Value) -> Option<bool> {
    if is_exact(a, &STR_TYPE) && is_exact(b, &STR_TYPE) {
        return Some(crate::objects::str::str_eq(a, b));
    }
    if a.is_small_int() && b.is_small_int() {
        return Some(a.is(b));
    }
    None
}

/// Iterator over a dict's keys, values or items.
#[repr(C)]
pub struct DictIter {
    pub(crate) header: ObjHeader,
    /// The dict; NULL once exhausted (CPython drops it then).
    pub(crate) dict: std::cell::UnsafeCell<Value>,
    pub(crate) pos: Cell<usize>,
    /// `used` when the iterator was made; -1 once a size change was seen.
    pub(crate) used: Cell<isize>,
    pub(crate) remaining: Cell<usize>,
}

unsafe impl PyPayload for DictIter {
    const KIND: LayoutKind = LayoutKind::DictIter;
}

pub fn new_dict_iter(ty: &TypeObject, dict: Value) -> Value {
    let len = dict.downcast_ref::<DictObject>().map_or(0, |d| d.len());
    alloc_object(
        ty,
        DictIter {
            header: ObjHeader::new(std::ptr::null()),
            dict: std::cell::UnsafeCell::new(dict),
            pos: Cell::new(0),
            used: Cell::new(len as isize),
            remaining: Cell::new(len),
        },
    )
}

/// Next (key, value) of a dict iterator, with CPython's mutation errors.
impl DictIter {
    pub fn dict(&self) -> Value {
        // SAFETY: read by clone; only `release` writes, never during a read.
        unsafe { (*self.dict.get()).clone() }
    }

    fn release(&self) {
        let old = unsafe { std::mem::replace(&mut *self.dict.get(), Value::NULL) };
        drop(old);
    }
}

/// The dict an iterator walks (None once exhausted), after CPython's size check.
fn checked_dict<'a>(vm: &mut Vm, it: &DictIter, dict: &'a Value) -> PyResult<Option<&'a DictObject>> {
    let Some(d) = dict.downcast_ref::<DictObject>() else {
        return Ok(None);
    };
    if it.used.get() != d.len() as isize {
        it.used.set(-1);
        return Err(vm.new_error(ExcKind::RuntimeError, "dictionary changed size during iteration"));
    }
    Ok(Some(d))
}

pub fn dict_iter_next(vm: &mut Vm, it: &DictIter) -> PyResult<Option<(Value, Value)>> {
    let dict = it.dict();
    let Some(d) = checked_dict(vm, it, &dict)? else {
        return Ok(None);
    };
    match d.next_entry(it.pos.get()) {
        None => {
            it.pos.set(usize::MAX);
            it.release();
            Ok(None)
        }
        Some((ix, k, v)) => {
            if it.remaining.get() == 0 {
                return Err(vm.new_error(ExcKind::RuntimeError, "dictionary keys changed during iteration"));
            }
            it.pos.set(ix + 1);
            it.remaining.set(it.remaining.get() - 1);
            Ok(Some((k, v)))
        }
    }
}

/// A reversed dict iterator over `dict`: `pos` is one past the next entry to look at.
pub fn new_dict_rev_iter(ty: &TypeObject, dict: Value) -> Value {
    let end = dict.downcast_ref::<DictObject>().map_or(0, |d| d.entries_len());
    let it = new_dict_iter(ty, dict);
    if let Some(di) = it.downcast_ref::<DictIter>() {
        di.pos.set(end);
    }
    it
}

/// Next (key, value) of a reversed dict iterator: CPython checks only the size.
pub fn dict_rev_iter_next(vm: &mut Vm, it: &DictIter) -> PyResult<Option<(Value, Value)>> {
    let dict = it.dict();
    let Some(d) = checked_dict(vm, it, &dict)? else {
        return Ok(None);
    };
    match d.prev_entry(it.pos.get()) {
        None => {
            it.pos.set(0);
            it.release();
            Ok(None)
        }
        Some((ix, k, v)) => {
            it.pos.set(ix);
            it.remaining.set(it.remaining.get().saturating_sub(1));
            Ok(Some((k, v)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insertion_order_resize_and_delete() {
        let mut vm = Vm::new_for_tests();
        let d = DictObject::new_value();
        let dict = d.downcast_ref::<DictObject>().unwrap();
        for i in 0..100 {
            dict.set_item(&mut vm, Value::int(i * 7), Value::int(i)).unwrap();
        }
        assert_eq!(dict.len(), 100);
        for i in (0..100).step_by(2) {
            assert!(dict.del_item(&mut vm, &Value::int(i * 7)).unwrap().is_some());
        }
        assert_eq!(dict.len(), 50);
        let keys: Vec<i64> = dict.keys().iter().map(|k| k.as_small_int().unwrap()).collect();
        let want: Vec<i64> = (0..100).filter(|i| i % 2 == 1).map(|i| i * 7).collect();
        assert_eq!(keys, want);
        assert_eq!(
            dict.get_item(&mut vm, &Value::int(7))
                .unwrap()
                .and_then(|v| v.as_small_int()),
            Some(1)
        );
        assert!(dict.get_item(&mut vm, &Value::int(0)).unwrap().is_none());
        // Re-inserting a deleted key appends it at the end.
        dict.set_item(&mut vm, Value::int(0), Value::int(-1)).unwrap();
        assert_eq!(dict.keys().last().and_then(|k| k.as_small_int()), Some(0));
    }

    #[test]
    fn str_keys_and_versions() {
        let vm = Vm::new_for_tests();
        let d = DictObject::new_value();
        let dict = d.downcast_ref::<DictObject>().unwrap();
        let k = vm.new_str("x");
        dict.insert_str(&k, Value::int(1));
        let v1 = dict.keys_version();
        assert_ne!(v1, 0);
        let ix = dict.index_of_str(&k).unwrap();
        assert_eq!(dict.cached_get(v1, ix).and_then(|v| v.as_small_int()), Some(1));
        dict.insert_str(&k, Value::int(2)); // value change keeps the version
        assert_eq!(dict.keys_version(), v1);
        dict.insert_str(&vm.new_str("y"), Value::int(3)); // new key changes it
        assert_ne!(dict.keys_version(), v1);
        // A different str object with the same text finds the entry.
        assert_eq!(dict.get_str(&vm.new_str("x")).and_then(|v| v.as_small_int()), Some(2));
    }

    #[test]
    fn sizes_follow_cpython() {
        assert_eq!(calculate_log2_keysize(0), 3);
        assert_eq!(calculate_log2_keysize(9), 4);
        assert_eq!(usable_fraction(8), 5);
    }
}
