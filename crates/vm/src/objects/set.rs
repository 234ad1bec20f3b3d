//! `set` and `frozenset`: CPython 3.11's open-addressing table (linear
//! probes of 9 then perturbed jumps, dummies on delete, resize at 60% fill to
//! 4x the used count), so that iteration order matches CPython's. A key's
//! `__eq__` may run Python code and mutate the set: lookups then restart, and
//! no borrow of the table is held across the call.

use crate::exception::PyResult;
use crate::object::{alloc_object, LayoutKind, ObjHeader, PyPayload};
use crate::objects::str::StrObject;
use crate::typeobj::{is_exact, TypeObject, FROZENSET_TYPE, SET_TYPE, STR_TYPE};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, UnsafeCell};

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
pub struct SetEntry {
    /// NULL for an unused slot (hash 0) or a dummy (hash -1).
    pub key: Value,
    pub hash: i64,
}

impl SetEntry {
    const UNUSED: SetEntry = SetEntry {
        key: Value::NULL,
        hash: 0,
    };

    fn is_unused(&self) -> bool {
        self.key.is_null() && self.hash == 0
    }

    fn is_dummy(&self) -> bool {
        self.key.is_null() && self.hash == -1
    }

    fn is_active(&self) -> bool {
        !self.key.is_null()
    }
}

pub struct SetTable {
    table: Vec<SetEntry>,
    /// Active plus dummy entries.
    fill: usize,
    /// Active entries.
    used: usize,
    /// Where `pop` continues.
    finger: usize,
}

impl SetTable {
    fn new() -> SetTable {
        SetTable {
            table: vec![SetEntry::UNUSED; MINSIZE],
            fill: 0,
            used: 0,
            finger: 0,
        }
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    fn insert_clean(table: &mut [SetEntry], key: Value, hash: i64) {
        let mask = table.len() - 1;
        let mut perturb = hash as u64;
        let mut i = hash as u64 as usize & mask;
        loop {
            if table[i].key.is_null() {
                table[i] = SetEntry { key, hash };
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if table[i + j].key.is_null() {
                        table[i + j] = SetEntry { key, hash };
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        if newsize == self.table.len() && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.table, vec![SetEntry::UNUSED; newsize]);
        self.fill = self.used;
        for e in old {
            if e.is_active() {
                SetTable::insert_clean(&mut self.table, e.key, e.hash);
            }
        }
    }
}

#[repr(C)]
pub struct SetObject {
    pub(crate) header: ObjHeader,
    inner: UnsafeCell<SetTable>,
    /// frozenset's cached hash (-1 until computed).
    pub(crate) hash: Cell<i64>,
}

unsafe impl PyPayload for SetObject {
    const KIND: LayoutKind = LayoutKind::Set;
}

pub fn new_set_typed(ty: &TypeObject) -> Value {
    alloc_object(
        ty,
        SetObject {
            header: ObjHeader::new(std::ptr::null()),
            inner: UnsafeCell::new(SetTable::new()),
            hash: Cell::new(-1),
        },
    )
}

pub fn new_set() -> Value {
    new_set_typed(SET_TYPE.get())
}

pub fn new_frozenset() -> Value {
    new_set_typed(FROZENSET_TYPE.get())
}

/// Where a probe for a key ended.
enum Found {
    Active(usize),
    /// Not present; the first free slot on the probe path (dummy or unused).
    Absent {
        slot: usize,
        unused: bool,
    },
    Restart,
}

/// Equality decided without Python code, when possible.
fn quick_eq(a: &Value, b: &Value) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    if is_exact(a, &STR_TYPE) && is_exact(b, &STR_TYPE) {
        let (x, y) = (a.downcast_ref::<StrObject>()?, b.downcast_ref::<StrObject>()?);
        return Some(x.eq_str(y));
    }
    if a.is_small_int() && b.is_small_int() {
        return Some(false);
    }
    None
}

impl SetObject {
    fn t(&self) -> &SetTable {
        // SAFETY: borrows never outlive a method and never span Python code.
        unsafe { &*self.inner.get() }
    }

    #[allow(clippy::mut_from_ref)]
    fn t_mut(&self) -> &mut SetTable {
        // SAFETY: as `t`.
        unsafe { &mut *self.inner.get() }
    }

    pub fn len(&self) -> usize {
        self.t().used
    }

    /// Slots in the hash table (CPython's `mask + 1`).
    pub fn table_size(&self) -> usize {
        self.t().table.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// One probe pass for `key` (CPython's set_lookkey / set_add_entry walk).
    fn probe(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<Found> {
        let tbl_ptr = self.t().table.as_ptr();
        let mut mask = self.t().mask();
        let mut perturb = hash as u64;
        let mut i = hash as u64 as usize & mask;
        let mut freeslot: Option<usize> = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                let (ekey, ehash) = {
                    let e = &self.t().table[j];
                    if e.is_unused() {
                        return Ok(match freeslot {
                            Some(s) => Found::Absent { slot: s, unused: false },
                            None => Found::Absent { slot: j, unused: true },
                        });
                    }
                    if e.is_dummy() {
                        if freeslot.is_none() {
                            freeslot = Some(j);
                        }
                        continue;
                    }
                    (e.key.clone(), e.hash)
                };
                if ehash == hash {
                    let eq = match quick_eq(&ekey, key) {
                        Some(b) => b,
                        None => {
                            let r = vm.rich_eq_bool(&ekey, key)?;
                            let t = self.t();
                            if t.table.as_ptr() != tbl_ptr || !t.table.get(j).is_some_and(|e| e.key.is(&ekey)) {
                                return Ok(Found::Restart);
                            }
                            mask = t.mask();
                            r
                        }
                    };
                    if eq {
                        return Ok(Found::Active(j));
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    fn find(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<Found> {
        loop {
            match self.probe(vm, key, hash)? {
                Found::Restart => continue,
                f => return Ok(f),
            }
        }
    }

    pub fn add_hashed(&self, vm: &mut Vm, key: Value, hash: i64) -> PyResult<()> {
        match self.find(vm, &key, hash)? {
            Found::Active(_) | Found::Restart => Ok(()),
            Found::Absent { slot, unused } => {
                let t = self.t_mut();
                t.table[slot] = SetEntry { key, hash };
                t.used += 1;
                if unused {
                    t.fill += 1;
                    if t.fill * 5 >= t.mask() * 3 {
                        let minused = if t.used > 50000 { t.used * 2 } else { t.used * 4 };
                        t.resize(minused);
                    }
                }
                Ok(())
            }
        }
    }

    pub fn add(&self, vm: &mut Vm, key: Value) -> PyResult<()> {
        let hash = vm.hash(&key)?;
        self.add_hashed(vm, key, hash)
    }

    pub fn contains_hashed(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<bool> {
        Ok(matches!(self.find(vm, key, hash)?, Found::Active(_)))
    }

    pub fn contains(&self, vm: &mut Vm, key: &Value) -> PyResult<bool> {
        let hash = vm.hash(key)?;
        self.contains_hashed(vm, key, hash)
    }

    /// Removes `key`; true when it was present.
    pub fn discard_hashed(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<bool> {
        match self.find(vm, key, hash)? {
            Found::Active(j) => {
                let t = self.t_mut();
                let old = std::mem::replace(
                    &mut t.table[j],
                    SetEntry {
                        key: Value::NULL,
                        hash: -1,
                    },
                );
                t.used -= 1;
                drop(old);
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    pub fn discard(&self, vm: &mut Vm, key: &Value) -> PyResult<bool> {
        let hash = vm.hash(key)?;
        self.discard_hashed(vm, key, hash)
    }

    /// Active entries in table order (key, hash).
    pub fn entries(&self) -> Vec<(Value, i64)> {
        self.t()
            .table
            .iter()
            .filter(|e| e.is_active())
            .map(|e| (e.key.clone(), e.hash))
            .collect()
    }

    pub fn keys(&self) -> Vec<Value> {
        self.t()
            .table
            .iter()
            .filter(|e| e.is_active())
            .map(|e| e.key.clone())
            .collect()
    }

    /// The active entry at or after table index `pos`.
    pub fn next_entry(&self, mut pos: usize) -> Option<(usize, Value)> {
        let t = self.t();
        while pos < t.table.len() {
            let e = &t.table[pos];
            if e.is_active() {
                return Some((pos, e.key.clone()));
            }
            pos += 1;
        }
        None
    }

    pub fn clear(&self) {
        let old = std::mem::replace(self.t_mut(), SetTable::new());
        drop(old);
    }

    pub fn pop(&self) -> Option<Value> {
        let t = self.t_mut();
        if t.used == 0 {
            return None;
        }
        let mask = t.mask();
        let mut i = t.finger & mask;
        while !t.table[i].is_active() {
            i = if i >= mask { 0 } else { i + 1 };
        }
        let old = std::mem::replace(
            &mut t.table[i],
            SetEntry {
                key: Value::NULL,
                hash: -1,
            },
        );
        t.used -= 1;
        t.finger = i + 1;
        Some(old.key)
    }

    /// `set_merge`: adds every entry of another set.
    pub fn merge(&self, vm: &mut Vm, other: &SetObject) -> PyResult<()> {
        if std::ptr::eq(self, other) || other.is_empty() {
            return Ok(());
        }
        {
            let (t, o) = (self.t_mut(), other.t());
            if (t.fill + o.used) * 5 >= t.mask() * 3 {
                t.resize((t.used + o.used) * 2);
            }
        }
        let (t, o) = (self.t_mut(), other.t());
        if t.fill == 0 && t.mask() == o.mask() && o.fill == o.used {
            for (dst, src) in t.table.iter_mut().zip(o.table.iter()) {
                if src.is_active() {
                    *dst = src.clone();
                }
            }
            t.fill = o.fill;
            t.used = o.used;
            return Ok(());
        }
        if t.fill == 0 {
            t.fill = o.used;
            t.used = o.used;
            for e in o.table.iter() {
                if e.is_active() {
                    SetTable::insert_clean(&mut t.table, e.key.clone(), e.hash);
                }
            }
            return Ok(());
        }
        for (k, h) in other.entries() {
            self.add_hashed(vm, k, h)?;
        }
        Ok(())
    }

    /// Pre-sizes for adding `n` keys (as set_update_internal does for dicts).
    pub fn reserve_for(&self, n: usize) {
        let t = self.t_mut();
        if (t.fill + n) * 5 >= t.mask() * 3 {
            t.resize((t.used + n) * 2);
        }
    }

    /// frozenset's hash (CPython's frozenset_hash over the whole table).
    pub fn frozen_hash(&self) -> i64 {
        let cached = self.hash.get();
        if cached != -1 {
            return cached;
        }
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let t = self.t();
        let mut hash: u64 = 0;
        for e in &t.table {
            hash ^= shuffle(e.hash as u64);
        }
        if (t.table.len() - t.fill) & 1 == 1 {
            hash ^= shuffle(0);
        }
        if (t.fill - t.used) & 1 == 1 {
            hash ^= shuffle(-1i64 as u64);
        }
        hash ^= (t.used as u64 + 1).wrapping_mul(1927868237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
        let h = if hash == u64::MAX { 590923713 } else { hash as i64 };
        self.hash.set(h);
        h
    }
}

/// Iterator over a set (checks for size changes as CPython does).
pub struct SetIterState;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_matches_cpython_for_small_ints() {
        let mut vm = Vm::new_for_tests();
        let s = new_set();
        let so = s.downcast_ref::<SetObject>().unwrap();
        for i in [5, 3, 17, 9, 1, 33, 8] {
            so.add(&mut vm, Value::int(i)).unwrap();
        }
        // python3.11 -c "print(list({5, 3, 17, 9, 1, 33, 8}))"
        let got: Vec<i64> = so.keys().iter().map(|k| k.as_small_int().unwrap()).collect();
        assert_eq!(got, vec![1, 33, 3, 5, 8, 9, 17]);
        assert!(so.discard(&mut vm, &Value::int(33)).unwrap());
        assert_eq!(so.len(), 6);
    }
}
