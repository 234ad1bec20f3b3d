//! The cycle collector, on top of reference counting (CPython's gcmodule.c
//! algorithm, with its own bookkeeping).
//!
//! # Tracking
//!
//! Container objects (see [`is_container_kind`], plus every object whose type
//! gives it a pre-header: instances of classes, functions, exceptions) are
//! *tracked*: their address sits in the table of their generation. The header
//! word `ObjHeader::gc` (32 bits, next to the 32-bit refcount, so no object
//! grows) says where: bits 0..28 the index in the table, bits 28..31 the
//! generation code (0 untracked, 1..=3 generations 0..=2, 4 permanent, 5
//! unreachable during a collection), bit 31 "has weak references". A table is
//! a `Vec` of addresses: tracking appends (8 bytes per tracked object, against
//! CPython's 16-byte GC head), untracking leaves a hole that the next
//! collection squeezes
//! out (or `push_to`, before the table would grow, when holes are the
//! majority), so a table keeps allocation order, which is the order CPython
//! finalizes garbage in.
//!
//! # Collecting generation `g`
//!
//! Younger tables are appended to `g`'s; each object's refcount is copied to a
//! scratch array, every reference from one collected object to another is
//! subtracted, the objects still above zero are referenced from outside and
//! everything they reach survives; survivors move to the next generation
//! (tuples of atomic values stop being tracked). The rest is garbage: it is
//! held (one reference each), weak references to it are cleared (callbacks of
//! weakrefs that are not garbage themselves run), `__del__` runs once per
//! object (PEP 442), objects that a finalizer resurrected (found by the same
//! subtraction over the garbage) are spared, the others are cleared (lists,
//! dicts, instance attributes, cells, ... drop their contents), and dropping
//! the holds frees them.
//!
//! Collection runs only at the dispatch loop's safe points (where pending
//! `__del__` calls run), never inside an allocation, so no Rust borrow of an
//! object's interior can be live while objects are cleared.

use crate::gil::GilCell;
use crate::object::{pre_header_of, LayoutKind, ObjHeader, FINALIZERS_DUE};
use crate::objects::native::NativeObject;
use crate::typeobj::{type_flags, TypeObject};
use crate::value::Value;
use crate::vm::Vm;
use std::collections::HashMap;
use std::ptr::NonNull;

const INDEX_MASK: u32 = (1 << 27) - 1;
/// `__del__` already ran for the object (kept across tracking changes).
pub(crate) const FINALIZED_FLAG: u32 = 1 << 27;
const GEN_SHIFT: u32 = 28;
const GEN_MASK: u32 = 7 << GEN_SHIFT;
/// The object has weak references (listed in `GcState::weakrefs`).
pub(crate) const WEAKREFS_FLAG: u32 = 1 << 31;
/// The bits of the word that are not the tracking place.
const KEEP_FLAGS: u32 = WEAKREFS_FLAG | FINALIZED_FLAG;
const NUM_GENERATIONS: usize = 3;
const PERMANENT: usize = 3;
/// Generation code of garbage being processed (held by the collector).
const CODE_UNREACHABLE: u32 = 5;

pub const DEBUG_STATS: i64 = 1;
pub const DEBUG_COLLECTABLE: i64 = 2;
pub const DEBUG_UNCOLLECTABLE: i64 = 4;
pub const DEBUG_SAVEALL: i64 = 32;
pub const DEBUG_LEAK: i64 = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

#[derive(Default)]
struct Table {
    /// Addresses in tracking order; null where an object was untracked.
    slots: Vec<*mut ObjHeader>,
    live: usize,
}

#[derive(Clone, Copy, Default)]
pub(crate) struct GenStats {
    pub collections: i64,
    pub collected: i64,
    pub uncollectable: i64,
}

pub(crate) struct GcState {
    tables: [Table; 4],
    /// CPython's counts: generation 0 counts allocations minus deallocations
    /// of tracked objects, the others count collections of the one below.
    pub(crate) count: [i64; NUM_GENERATIONS],
    pub(crate) threshold: [i64; NUM_GENERATIONS],
    pub(crate) enabled: bool,
    collecting: bool,
    /// An automatic collection waits for the next safe point.
    due: bool,
    pub(crate) debug: i64,
    pub(crate) stats: [GenStats; NUM_GENERATIONS],
    long_lived_total: usize,
    long_lived_pending: usize,
    /// Weak reference objects (not owned) of each referent, by address.
    weakrefs: Option<HashMap<usize, Vec<*const ObjHeader>>>,
    /// Weakrefs whose referent died, with their callbacks, to be called at the
    /// next safe point (each holds a reference).
    pending_callbacks: Vec<(Value, Value)>,
    /// `gc.garbage` and `gc.callbacks`, set when the module is made.
    pub(crate) garbage_list: Value,
    pub(crate) callbacks_list: Value,
}

static STATE: GilCell<GcState> = GilCell::new(GcState {
    tables: [Table { slots: Vec::new(), live: 0 }, Table { slots: Vec::new(), live: 0 }, Table { slots: Vec::new(), live: 0 }, Table { slots: Vec::new(), live: 0 }],
    count: [0; NUM_GENERATIONS],
    threshold: [700, 10, 10],
    enabled: true,
    collecting: false,
    due: false,
    debug: 0,
    stats: [GenStats { collections: 0, collected: 0, uncollectable: 0 }; NUM_GENERATIONS],
    long_lived_total: 0,
    long_lived_pending: 0,
    weakrefs: None,
    pending_callbacks: Vec::new(),
    garbage_list: Value::NULL,
    callbacks_list: Value::NULL,
});

/// The collector's state.
///
/// # Safety
/// GIL held; the reference is not kept across anything that can reach the
/// collector again (allocation, deallocation, Python code).
#[allow(clippy::mut_from_ref)]
pub(crate) unsafe fn state() -> &'static mut GcState {
    STATE.get_mut()
}

/// Whether objects of this layout can hold references (CPython's GC types).
#[inline(always)]
pub(crate) fn is_container_kind(k: LayoutKind) -> bool {
    use LayoutKind::*;
    matches!(
        k,
        Tuple
            | List
            | Dict
            | Type
            | Function
            | BoundMethod
            | Module
            | Cell
            | BuiltinFunction
            | MethodDescr
            | SlotWrapper
            | MethodWrapper
            | GetSetDescr
            | Property
            | StaticMethod
            | ClassMethod
            | Exception
            | Traceback
            | Slice
            | Super
            | SeqIter
            | DictIter
            | NativeIter
            | Generator
            | Set
            | MemberDescr
            | Native
    )
}

#[inline(always)]
fn gen_code(word: u32) -> u32 {
    (word & GEN_MASK) >> GEN_SHIFT
}

/// Appends `p` to table `t` and records its place in its header.
#[inline]
unsafe fn push_to(st: &mut GcState, t: usize, p: *mut ObjHeader) {
    let table = &st.tables[t];
    let mut idx = table.slots.len();
    // Before the table grows, squeeze out the holes if they are the majority
    // (amortized: at least half the entries go).
    if idx == table.slots.capacity() && table.live * 2 < idx {
        compact(st, t);
        idx = st.tables[t].slots.len();
    }
    if idx > INDEX_MASK as usize {
        compact(st, t);
        idx = st.tables[t].slots.len();
        if idx > INDEX_MASK as usize {
            // 2^27 live objects in one generation: leave this one untracked
            // (it can then only be freed by reference counting).
            let h = &(*p).gc;
            h.set(h.get() & KEEP_FLAGS);
            return;
        }
    }
    let table = &mut st.tables[t];
    table.slots.push(p);
    table.live += 1;
    let h = &(*p).gc;
    h.set((h.get() & KEEP_FLAGS) | ((t as u32 + 1) << GEN_SHIFT) | idx as u32);
}

/// Drops the holes of table `t`, renumbering the objects.
unsafe fn compact(st: &mut GcState, t: usize) {
    let table = &mut st.tables[t];
    table.slots.retain(|p| !p.is_null());
    let code = (t as u32 + 1) << GEN_SHIFT;
    for (i, &p) in table.slots.iter().enumerate() {
        let h = &(*p).gc;
        h.set((h.get() & KEEP_FLAGS) | code | i as u32);
    }
    table.live = table.slots.len();
}

/// Starts tracking a new object (called by `alloc_raw`).
///
/// # Safety
/// `p` is a freshly allocated object, GIL held.
#[inline]
pub(crate) unsafe fn track_new(p: NonNull<ObjHeader>) {
    let st = STATE.get_mut();
    push_to(st, 0, p.as_ptr());
    st.count[0] += 1;
    if st.count[0] > st.threshold[0] {
        maybe_due(st);
    }
}

#[cold]
fn maybe_due(st: &mut GcState) {
    if st.threshold[0] != 0 && st.enabled && !st.due && !st.collecting {
        st.due = true;
        // SAFETY: GIL held.
        unsafe { *FINALIZERS_DUE.get_mut() = true };
    }
}

/// Stops tracking `p` and clears its weak references (called on dealloc).
///
/// # Safety
/// `p` is being freed; `word` is its gc word (non-zero).
#[inline]
pub(crate) unsafe fn forget(p: NonNull<ObjHeader>, word: u32) {
    untrack_word(STATE.get_mut(), p.as_ptr(), word);
    if word & WEAKREFS_FLAG != 0 {
        clear_weakrefs(STATE.get_mut(), p.as_ptr(), true);
    }
}

/// Leaves a hole in the table (`push_to` squeezes holes out).
#[inline]
unsafe fn untrack_word(st: &mut GcState, p: *mut ObjHeader, word: u32) {
    let code = gen_code(word);
    if (1..=4).contains(&code) {
        let t = code as usize - 1;
        let idx = (word & INDEX_MASK) as usize;
        if let Some(table) = st.tables.get_mut(t) {
            if let Some(slot) = table.slots.get_mut(idx) {
                if *slot == p {
                    *slot = std::ptr::null_mut();
                    table.live -= 1;
                }
            }
        }
        if t == 0 && st.count[0] > 0 {
            st.count[0] -= 1;
        }
    }
    (*p).gc.set(word & KEEP_FLAGS);
}

/// Whether `v` is tracked (`gc.is_tracked`): dicts count as tracked only
/// once they hold a value that may be, as CPython's lazily tracked dicts.
pub(crate) fn is_tracked(v: &Value) -> bool {
    let Some(h) = v.header() else { return false };
    if gen_code(h.gc.get()) == 0 {
        return false;
    }
    if let Some(d) = v.downcast_ref::<crate::objects::dict::DictObject>() {
        let mut pos = 0;
        while let Some((next, k, val)) = d.next_entry(pos) {
            if may_be_tracked(&k) || may_be_tracked(&val) {
                return true;
            }
            pos = next + 1;
        }
        return false;
    }
    true
}

fn may_be_tracked(v: &Value) -> bool {
    v.header().is_some_and(|h| gen_code(h.gc.get()) != 0)
}

/// Calls `visit` with every object `p` holds a reference to (`tp_traverse`).
/// Only owned references are visited: the collector subtracts them from
/// refcounts.
///
/// # Safety
/// `p` is a live, fully initialized object; GIL held; no Python code runs.
pub(crate) unsafe fn traverse(p: *const ObjHeader, visit: &mut dyn FnMut(*mut ObjHeader)) {
    use crate::objects::*;
    let ty = &*(*p).ty.get();
    if ty.flags.get() & type_flags::HEAPTYPE != 0 {
        // Every object owns a reference to its type.
        visit(&ty.header as *const ObjHeader as *mut ObjHeader);
    }
    let mut v = |val: &Value| {
        if let Some(q) = val.as_ptr() {
            visit(q.as_ptr())
        }
    };
    if ty.flags.get() & type_flags::HAS_DICT != 0 {
        if let Some(pre) = pre_header_of(p, ty) {
            (*pre.attrs.get()).for_each_value(&mut v);
        }
        for i in 0..ty.nslots.get() as usize {
            if let Some(slot) = crate::instance::slot_ptr(p, ty, i) {
                v(&*slot);
            }
        }
    }
    match ty.layout {
        LayoutKind::Tuple => (*(p as *const tuple::TupleObject)).items().iter().for_each(&mut v),
        LayoutKind::List => (*(p as *const list::ListObject)).with_items(|items| items.iter().for_each(&mut v)),
        LayoutKind::Dict => {
            let d = &*(p as *const dict::DictObject);
            let mut pos = 0;
            while let Some((next, k, val)) = d.next_entry(pos) {
                // Exact str keys can never be part of a cycle; CPython skips them too.
                if !crate::typeobj::is_exact(&k, &crate::typeobj::STR_TYPE) {
                    v(&k);
                }
                v(&val);
                pos = next + 1;
            }
        }
        LayoutKind::Set => {
            let s = &*(p as *const set::SetObject);
            let mut pos = 0;
            while let Some((next, k)) = s.next_entry(pos) {
                v(&k);
                pos = next + 1;
            }
        }
        LayoutKind::Type => {
            let t = &*(p as *const TypeObject);
            v(&*t.name.get());
            v(&*t.qualname.get());
            v(&*t.bases.get());
            v(&*t.mro.get());
            v(&*t.dict.get());
        }
        LayoutKind::Function => {
            let f = &*(p as *const function::FunctionObject);
            v(&*f.code.get());
            v(&f.globals);
            v(&f.builtins);
            v(&*f.name.get());
            v(&*f.qualname.get());
            v(&*f.defaults.get());
            v(&*f.kwdefaults.get());
            v(&f.closure);
            v(&*f.doc.get());
            v(&*f.module.get());
            v(&*f.annotations.get());
        }
        LayoutKind::BoundMethod => {
            let m = &*(p as *const function::BoundMethod);
            v(&m.func);
            v(&m.self_);
        }
        LayoutKind::Module => v(&(*(p as *const module::ModuleObject)).dict),
        LayoutKind::Cell => {
            if let Some(x) = (*(p as *const cell::CellObject)).get() {
                v(&x);
            }
        }
        LayoutKind::BuiltinFunction => v(&(*(p as *const descr::BuiltinFunction)).self_),
        LayoutKind::MethodWrapper => {
            let m = &*(p as *const descr::MethodWrapper);
            v(&m.descr);
            v(&m.self_);
        }
        LayoutKind::Property => {
            let pr = &*(p as *const descr::Property);
            for f in [&pr.fget, &pr.fset, &pr.fdel, &pr.doc, &pr.name] {
                v(&*f.get());
            }
        }
        LayoutKind::StaticMethod | LayoutKind::ClassMethod => v(&*(*(p as *const descr::FuncWrapper)).callable.get()),
        LayoutKind::MemberDescr => v(&(*(p as *const descr::MemberDescr)).name),
        LayoutKind::Exception => {
            let e = &*(p as *const crate::exception::ExceptionObject);
            for f in [&e.args, &e.traceback, &e.cause, &e.context, &e.group] {
                v(&*f.get());
            }
        }
        LayoutKind::Traceback => {
            let t = &*(p as *const crate::exception::TracebackObject);
            v(&t.next_ref());
            v(&t.code);
            v(&t.frame);
        }
        LayoutKind::Slice => {
            let s = &*(p as *const slice::SliceObject);
            v(&s.start);
            v(&s.stop);
            v(&s.step);
        }
        LayoutKind::Super => {
            let s = &*(p as *const superobj::SuperObject);
            for f in [&s.ty, &s.obj, &s.obj_type] {
                v(&*f.get());
            }
        }
        LayoutKind::SeqIter => v(&*(*(p as *const iter::SeqIter)).seq.get()),
        LayoutKind::DictIter => v(&*(*(p as *const dict::DictIter)).dict.get()),
        LayoutKind::NativeIter => {
            let it = &*(p as *const iter::NativeIter);
            v(&*it.a.get());
            v(&it.b);
            it.items.iter().for_each(&mut v);
        }
        LayoutKind::Generator => {
            let g = &*(p as *const generator::GeneratorObject);
            v(&g.func);
            v(&g.code);
            // A running generator's slots belong to its frame on the VM's
            // stack (a root); they are read only while it is not running.
            if g.state.get() != generator::GenState::Running {
                (*g.storage.get()).iter().for_each(&mut v);
            }
            v(&*g.exc_state.get());
            v(&*g.name.get());
            v(&*g.qualname.get());
            v(&*g.frame_obj.get());
            v(&*g.origin_or_finalizer.get());
        }
        LayoutKind::Native => (*(p as *const NativeObject)).data().traverse(&mut |x| v(x)),
        LayoutKind::Object
        | LayoutKind::Int
        | LayoutKind::Float
        | LayoutKind::Complex
        | LayoutKind::Str
        | LayoutKind::Bytes
        | LayoutKind::Code
        | LayoutKind::MethodDescr
        | LayoutKind::SlotWrapper
        | LayoutKind::GetSetDescr
        | LayoutKind::Range
        | LayoutKind::RangeIter
        // A memoryview holds its exporter (a bytes-like object, never part of
        // a cycle through the view): left untracked.
        | LayoutKind::ByteArray
        | LayoutKind::MemoryView => {}
    }
}

/// Drops the references of garbage object `obj` that can be part of a cycle
/// (`tp_clear`). The old values are dropped after each field is reset.
unsafe fn clear(obj: &Value) {
    use crate::objects::*;
    let Some(p) = obj.as_ptr() else { return };
    let p = p.as_ptr() as *const ObjHeader;
    let ty = &*(*p).ty.get();
    if ty.flags.get() & type_flags::HAS_DICT != 0 {
        if let Some(pre) = pre_header_of(p, ty) {
            let old = std::mem::take(&mut *pre.attrs.get());
            drop(old);
        }
        for i in 0..ty.nslots.get() as usize {
            if let Some(slot) = crate::instance::slot_ptr(p, ty, i) {
                let old = std::mem::replace(&mut *slot, Value::NULL);
                drop(old);
            }
        }
    }
    match ty.layout {
        LayoutKind::List => (*(p as *const list::ListObject)).clear(),
        LayoutKind::Dict => (*(p as *const dict::DictObject)).clear(),
        LayoutKind::Set => (*(p as *const set::SetObject)).clear(),
        LayoutKind::Cell => drop((*(p as *const cell::CellObject)).set(Value::NULL)),
        LayoutKind::Type => {
            let t = &*(p as *const TypeObject);
            t.modified();
            // The MRO must stay a tuple of types (lookups assume it): keep
            // only `object`, which is immortal.
            let object_only = tuple::new_tuple(vec![crate::typeobj::OBJECT_TYPE.get().as_value()]);
            let old = std::mem::replace(&mut *t.mro.get(), object_only);
            drop(old);
            if let Some(d) = (*t.dict.get()).downcast_ref::<dict::DictObject>() {
                d.clear();
            }
        }
        LayoutKind::Function => {
            let f = &*(p as *const function::FunctionObject);
            for field in [&f.defaults, &f.kwdefaults, &f.annotations] {
                let old = std::mem::replace(&mut *field.get(), Value::NULL);
                drop(old);
            }
            f.version.set(0);
        }
        LayoutKind::Property => {
            let pr = &*(p as *const descr::Property);
            for field in [&pr.fget, &pr.fset, &pr.fdel, &pr.doc] {
                let old = std::mem::replace(&mut *field.get(), singletons::none());
                drop(old);
            }
        }
        LayoutKind::StaticMethod | LayoutKind::ClassMethod => {
            let w = &*(p as *const descr::FuncWrapper);
            let old = std::mem::replace(&mut *w.callable.get(), singletons::none());
            drop(old);
        }
        LayoutKind::Exception => {
            let e = &*(p as *const crate::exception::ExceptionObject);
            for field in [&e.traceback, &e.cause, &e.context] {
                let old = std::mem::replace(&mut *field.get(), Value::NULL);
                drop(old);
            }
            let old = std::mem::replace(&mut *e.args.get(), tuple::new_tuple(Vec::new()));
            drop(old);
        }
        LayoutKind::SeqIter => {
            let it = &*(p as *const iter::SeqIter);
            let old = std::mem::replace(&mut *it.seq.get(), Value::NULL);
            drop(old);
        }
        LayoutKind::Generator => {
            let g = &*(p as *const generator::GeneratorObject);
            if matches!(g.state.get(), generator::GenState::Created | generator::GenState::Finished) {
                g.state.set(generator::GenState::Finished);
                generator::clear_storage(g);
            }
        }
        LayoutKind::Native => (*(p as *const NativeObject)).data().clear(),
        _ => {}
    }
}

/// Tracks `p` in generation `gen` (for re-tracking garbage that survives).
unsafe fn retrack(st: &mut GcState, p: *mut ObjHeader, gen: usize) {
    push_to(st, gen, p);
}

/// Whether `v` can never take part in a cycle (for untracking tuples).
fn is_atomic(v: &Value) -> bool {
    !may_be_tracked(v)
}

/// Collects generation `gen` (0..=2) and the younger ones; returns the number
/// of unreachable objects found, as CPython's `gc_collect_main`.
pub(crate) fn collect(vm: &mut Vm, gen: usize) -> i64 {
    collect_holding(vm, gen, &[])
}

/// At exit, as CPython's finalization: a full collection, then `__main__`
/// leaves `sys.modules` and a full collection runs as if the caller's reference to the main module's
/// globals did not exist, so the namespace and what only it reaches are
/// finalized in creation order (CPython's gc list order). What survives is
/// left to the caller's explicit teardown.
pub(crate) fn collect_at_exit(vm: &mut Vm, main_globals: &Value) {
    // CPython collects once while `__main__` is still alive.
    collect(vm, NUM_GENERATIONS - 1);
    if let Some(m) = vm.modules_dict() {
        m.del_str(&crate::objects::str::intern("__main__"));
    }
    collect_holding(vm, NUM_GENERATIONS - 1, std::slice::from_ref(main_globals));
}

/// `collect`, with one reference to each of `held` not counted as a root.
fn collect_holding(vm: &mut Vm, gen: usize, held: &[Value]) -> i64 {
    let gen = gen.min(NUM_GENERATIONS - 1);
    // SAFETY: GIL held; the state reference is renewed after each call that
    // may run Python code or free objects.
    unsafe {
        let st = STATE.get_mut();
        if st.collecting {
            return 0;
        }
        st.collecting = true;
        if st.debug & DEBUG_STATS != 0 {
            let msg = format!(
                "gc: collecting generation {gen}...\ngc: objects in each generation: {} {} {}\ngc: objects in permanent generation: {}\n",
                st.tables[0].live, st.tables[1].live, st.tables[2].live, st.tables[3].live
            );
            vm.write_stderr(msg.as_bytes());
        }
        let st = STATE.get_mut();
        if gen + 1 < NUM_GENERATIONS {
            st.count[gen + 1] += 1;
        }
        for c in st.count.iter_mut().take(gen + 1) {
            *c = 0;
        }
        // Merge the younger generations into `gen`, in order.
        for young in 0..gen {
            let slots = std::mem::take(&mut st.tables[young].slots);
            st.tables[young].live = 0;
            for p in slots.into_iter().filter(|p| !p.is_null()) {
                push_to(st, gen, p);
            }
        }
        compact(st, gen);
        let objs = std::mem::take(&mut st.tables[gen].slots);
        st.tables[gen].live = 0;
        let code = (gen as u32 + 1) << GEN_SHIFT;
        let held: Vec<*mut ObjHeader> = held.iter().filter_map(|v| v.as_ptr().map(|p| p.as_ptr())).collect();
        let reachable = find_reachable(&objs, code, &held);
        // Survivors move on (to the next generation, or stay in the oldest).
        let old = (gen + 1).min(NUM_GENERATIONS - 1);
        let mut garbage: Vec<Value> = Vec::new();
        let mut survivors = 0usize;
        for (i, &p) in objs.iter().enumerate() {
            if reachable[i] {
                let is_atomic_tuple = (*(*p).ty.get()).layout == LayoutKind::Tuple
                    && (*(p as *const crate::objects::tuple::TupleObject)).items().iter().all(is_atomic);
                if is_atomic_tuple {
                    let h = &(*p).gc;
                    h.set(h.get() & KEEP_FLAGS);
                } else {
                    push_to(st, old, p);
                    survivors += 1;
                }
            } else {
                // Held from here on; marked as garbage under collection.
                let v = Value::from_borrowed_ptr(NonNull::new_unchecked(p));
                let h = &(*p).gc;
                h.set((h.get() & KEEP_FLAGS) | (CODE_UNREACHABLE << GEN_SHIFT) | garbage.len() as u32);
                garbage.push(v);
            }
        }
        if gen == NUM_GENERATIONS - 1 {
            st.long_lived_pending = 0;
            st.long_lived_total = st.tables[old].live;
        } else if gen == NUM_GENERATIONS - 2 {
            st.long_lived_pending += survivors;
        }
        drop(objs);
        let collected = process_garbage(vm, garbage, old);
        let st = STATE.get_mut();
        let stats = &mut st.stats[gen];
        stats.collections += 1;
        stats.collected += collected;
        if st.debug & DEBUG_STATS != 0 {
            let msg = format!("gc: done, {collected} unreachable, 0 uncollectable, 0.0000s elapsed\n");
            vm.write_stderr(msg.as_bytes());
        }
        STATE.get_mut().collecting = false;
        collected
    }
}

/// For each object of `objs` (all tracked with generation code `code`),
/// whether it is reachable from outside the set.
unsafe fn find_reachable(objs: &[*mut ObjHeader], code: u32, held: &[*mut ObjHeader]) -> Vec<bool> {
    let in_set = |q: *mut ObjHeader| -> Option<usize> {
        let w = (*q).gc.get();
        if w & GEN_MASK == code {
            Some((w & INDEX_MASK) as usize)
        } else {
            None
        }
    };
    let mut refs: Vec<i64> = objs.iter().map(|&p| (*p).refcount.get() as i64).collect();
    for &h in held {
        if let Some(j) = in_set(h) {
            if let Some(r) = refs.get_mut(j) {
                *r -= 1;
            }
        }
    }
    for &p in objs {
        traverse(p, &mut |q| {
            if let Some(j) = in_set(q) {
                if let Some(r) = refs.get_mut(j) {
                    *r -= 1;
                }
            }
        });
    }
    let mut reachable = vec![false; objs.len()];
    let mut stack: Vec<usize> = Vec::new();
    for (i, &r) in refs.iter().enumerate() {
        if r > 0 {
            reachable[i] = true;
            stack.push(i);
        }
    }
    while let Some(i) = stack.pop() {
        traverse(objs[i], &mut |q| {
            if let Some(j) = in_set(q) {
                if j < reachable.len() && !reachable[j] {
                    reachable[j] = true;
                    stack.push(j);
                }
            }
        });
    }
    reachable
}

/// Weakrefs, finalizers, resurrection, clearing: everything after the
/// garbage is known. Returns CPython's count of collected objects.
unsafe fn process_garbage(vm: &mut Vm, garbage: Vec<Value>, old: usize) -> i64 {
    if garbage.is_empty() {
        return 0;
    }
    let st = STATE.get_mut();
    if st.debug & DEBUG_COLLECTABLE != 0 {
        let mut msg = String::new();
        for g in &garbage {
            let t = crate::typeobj::type_of(g);
            msg.push_str(&format!("gc: collectable <{} {:#x}>\n", t.name_string(), g.bits() & ((1 << 48) - 1)));
        }
        vm.write_stderr(msg.as_bytes());
    }
    // Weak references to garbage are cleared; the callbacks of those that are
    // not garbage themselves are called.
    let mut callbacks: Vec<(Value, Value)> = Vec::new();
    let mut unused: Vec<(Value, Value)> = Vec::new();
    for g in &garbage {
        if let Some(h) = g.header() {
            if h.gc.get() & WEAKREFS_FLAG != 0 {
                for (wr, cb) in take_weakrefs(STATE.get_mut(), h as *const ObjHeader as *mut ObjHeader) {
                    let wr_is_garbage = wr.header().is_some_and(|wh| gen_code(wh.gc.get()) == CODE_UNREACHABLE);
                    if !wr.is_null() && !wr_is_garbage && !cb.is_null() && !cb.is_none() {
                        callbacks.push((wr, cb));
                    } else {
                        unused.push((wr, cb));
                    }
                }
            }
        }
    }
    drop(unused);
    let mut collected = 0i64;
    for (wr, cb) in callbacks {
        if let Err(e) = vm.call(&cb, std::slice::from_ref(&wr), None) {
            report_unraisable(vm, &cb, &e);
        }
        drop(cb);
        if crate::object::refcount(&wr) == Some(1) {
            collected += 1;
        }
        drop(wr);
    }
    // Finalizers, once per object (PEP 442).
    for g in &garbage {
        finalize(vm, g);
    }
    // Objects a finalizer made reachable again survive, with all they reach.
    let mut ptrs: Vec<*mut ObjHeader> = garbage.iter().map(|g| g.ptr_unchecked()).collect();
    let live_code = CODE_UNREACHABLE << GEN_SHIFT;
    let resurrected = {
        // The collector's own hold is one reference each.
        let mut refs: Vec<i64> = ptrs.iter().map(|&p| (*p).refcount.get() as i64 - 1).collect();
        let idx = |q: *mut ObjHeader| -> Option<usize> {
            let w = (*q).gc.get();
            (w & GEN_MASK == live_code).then_some((w & INDEX_MASK) as usize)
        };
        for &p in &ptrs {
            traverse(p, &mut |q| {
                if let Some(j) = idx(q) {
                    if let Some(r) = refs.get_mut(j) {
                        *r -= 1;
                    }
                }
            });
        }
        let mut alive = vec![false; ptrs.len()];
        let mut stack: Vec<usize> = (0..ptrs.len()).filter(|&i| refs[i] > 0).collect();
        for &i in &stack {
            alive[i] = true;
        }
        while let Some(i) = stack.pop() {
            traverse(ptrs[i], &mut |q| {
                if let Some(j) = idx(q) {
                    if j < alive.len() && !alive[j] {
                        alive[j] = true;
                        stack.push(j);
                    }
                }
            });
        }
        alive
    };
    // Finalizers may also have broken cycles (a closed generator drops its
    // frame): what is no longer in or below a cycle would have been freed by
    // reference counting during finalization in CPython, so it is neither
    // counted nor cleared. Peel such objects off, from the roots down.
    let in_cycles = {
        let idx = |q: *mut ObjHeader| -> Option<usize> {
            let w = (*q).gc.get();
            (w & GEN_MASK == live_code).then_some((w & INDEX_MASK) as usize)
        };
        let mut refs_in: Vec<i64> = vec![0; ptrs.len()];
        for (i, &p) in ptrs.iter().enumerate() {
            if !resurrected[i] {
                traverse(p, &mut |q| {
                    if let Some(j) = idx(q) {
                        if let Some(r) = refs_in.get_mut(j) {
                            *r += 1;
                        }
                    }
                });
            }
        }
        let mut kept = vec![true; ptrs.len()];
        let mut stack: Vec<usize> = (0..ptrs.len()).filter(|&i| !resurrected[i] && refs_in[i] == 0).collect();
        while let Some(i) = stack.pop() {
            kept[i] = false;
            traverse(ptrs[i], &mut |q| {
                if let Some(j) = idx(q) {
                    if let Some(r) = refs_in.get_mut(j) {
                        *r -= 1;
                        if *r == 0 && !resurrected[j] {
                            stack.push(j);
                        }
                    }
                }
            });
        }
        kept
    };
    // Everything is tracked again (in the old generation) before the holds
    // go: what the clearing frees is then untracked as usual.
    let st = STATE.get_mut();
    for &p in &ptrs {
        let h = &(*p).gc;
        h.set(h.get() & KEEP_FLAGS);
        retrack(st, p, old);
    }
    ptrs.clear();
    let save_all = st.debug & DEBUG_SAVEALL != 0;
    let garbage_list = st.garbage_list.clone();
    let mut final_garbage: Vec<Value> = Vec::new();
    let mut freed_early: Vec<Value> = Vec::new();
    for ((g, alive), cyclic) in garbage.into_iter().zip(resurrected).zip(in_cycles) {
        if cyclic && !alive {
            final_garbage.push(g);
        } else if !alive {
            freed_early.push(g);
        }
    }
    // Released in peeling order, roots first, as the refcount cascade would.
    drop(freed_early);
    collected += final_garbage.len() as i64;
    if save_all {
        if let Some(l) = garbage_list.downcast_ref::<crate::objects::list::ListObject>() {
            for g in &final_garbage {
                l.push(g.clone());
            }
        }
    } else {
        for g in &final_garbage {
            clear(g);
        }
    }
    drop(final_garbage);
    collected
}

/// Runs the finalizer of garbage object `g` if it has one and it has not run.
unsafe fn finalize(vm: &mut Vm, g: &Value) {
    let ty = crate::typeobj::type_of(g);
    let flags = ty.flags.get();
    if flags & type_flags::HAS_FINALIZER != 0 && flags & type_flags::HAS_DICT != 0 {
        let Some(h) = g.header() else { return };
        if h.gc.get() & FINALIZED_FLAG != 0 {
            return;
        }
        h.gc.set(h.gc.get() | FINALIZED_FLAG);
        let saved = vm.exc_info.clone();
        if let Err(e) = vm.call_special(g, "__del__", &[]) {
            let del = crate::typeobj::type_of(g).lookup_str(vm, "__del__").unwrap_or(Value::NULL);
            report_unraisable(vm, &del, &e);
        }
        vm.exc_info = saved;
    } else if ty.layout == LayoutKind::Generator {
        let saved = vm.exc_info.clone();
        // The full generator finalizer: async-generator hooks, un-awaited coroutine warning.
        if let Err(e) = vm.gen_finalize(g) {
            report_unraisable(vm, g, &e);
        }
        vm.exc_info = saved;
    }
}

/// "Exception ignored in: <obj>" and the traceback, as `PyErr_WriteUnraisable`.
pub(crate) fn report_unraisable(vm: &mut Vm, obj: &Value, e: &crate::exception::PyErr) {
    crate::sysmodule::write_unraisable(vm, obj, e);
}

/// Runs what waits for a safe point: queued weakref callbacks, then an
/// automatic collection if one is due.
pub(crate) fn run_due(vm: &mut Vm) {
    // SAFETY: GIL held; the state is re-borrowed after each call.
    unsafe {
        loop {
            let cbs = std::mem::take(&mut STATE.get_mut().pending_callbacks);
            if cbs.is_empty() {
                break;
            }
            for (wr, cb) in cbs {
                if let Err(e) = vm.call(&cb, std::slice::from_ref(&wr), None) {
                    report_unraisable(vm, &cb, &e);
                }
            }
        }
        let st = STATE.get_mut();
        if st.due {
            st.due = false;
            if st.enabled && !st.collecting {
                collect_generations(vm);
            }
        }
    }
}

/// An automatic collection: the oldest generation over its threshold.
fn collect_generations(vm: &mut Vm) {
    // SAFETY: GIL held.
    let st = unsafe { STATE.get_mut() };
    for g in (0..NUM_GENERATIONS).rev() {
        if st.count[g] > st.threshold[g] {
            if g == NUM_GENERATIONS - 1 && st.long_lived_pending < st.long_lived_total / 4 {
                continue;
            }
            collect_with_callbacks(vm, g);
            break;
        }
    }
}

/// A collection with `gc.callbacks` called before ("start") and after ("stop").
/// The callbacks run as part of the collection (CPython's `collecting` is set):
/// what they allocate triggers no nested collection, and a `gc.collect()` they
/// make returns 0.
pub(crate) fn collect_with_callbacks(vm: &mut Vm, gen: usize) -> i64 {
    // SAFETY: GIL held; the state is re-borrowed after each call.
    unsafe {
        if STATE.get_mut().collecting {
            return 0;
        }
        STATE.get_mut().collecting = true;
        invoke_callbacks(vm, "start", gen, 0, 0);
        // `collect` sets and clears the flag itself.
        STATE.get_mut().collecting = false;
        let n = collect(vm, gen);
        STATE.get_mut().collecting = true;
        invoke_callbacks(vm, "stop", gen, n, 0);
        STATE.get_mut().collecting = false;
        n
    }
}

fn invoke_callbacks(vm: &mut Vm, phase: &str, gen: usize, collected: i64, uncollectable: i64) {
    // SAFETY: GIL held.
    let list = unsafe { STATE.get_mut().callbacks_list.clone() };
    let Some(l) = list.downcast_ref::<crate::objects::list::ListObject>() else { return };
    if l.is_empty() {
        return;
    }
    let info = crate::objects::dict::DictObject::new_value();
    if let Some(d) = info.downcast_ref::<crate::objects::dict::DictObject>() {
        d.insert_str_key("generation", Value::int(gen as i64));
        d.insert_str_key("collected", Value::int(collected));
        d.insert_str_key("uncollectable", Value::int(uncollectable));
    }
    let phase = crate::objects::str::new_str(phase);
    for cb in l.to_vec() {
        if let Err(e) = vm.call(&cb, &[phase.clone(), info.clone()], None) {
            report_unraisable(vm, &cb, &e);
        }
    }
}

// ---- weak reference lists ----

/// Registers weakref object `wr` (not owned) as referring to `target`, at
/// position `pos` of its list.
pub(crate) fn add_weakref(target: &Value, wr: &Value, pos: usize) {
    let (Some(t), Some(w)) = (target.header(), wr.header()) else { return };
    // SAFETY: GIL held.
    let st = unsafe { STATE.get_mut() };
    let list = st
        .weakrefs
        .get_or_insert_with(HashMap::new)
        .entry(t as *const ObjHeader as usize)
        .or_default();
    let wp = w as *const ObjHeader;
    list.insert(pos.min(list.len()), wp);
    t.gc.set(t.gc.get() | WEAKREFS_FLAG);
}

/// Unregisters weakref object `wr` from `target`'s list (the weakref dies first).
pub(crate) fn remove_weakref(target: *const ObjHeader, wr: *const ObjHeader) {
    // SAFETY: GIL held.
    let st = unsafe { STATE.get_mut() };
    let Some(map) = st.weakrefs.as_mut() else { return };
    let key = target as usize;
    if let Some(list) = map.get_mut(&key) {
        list.retain(|&w| w != wr);
        if list.is_empty() {
            map.remove(&key);
            // SAFETY: the referent is alive while it has weakrefs registered.
            unsafe { (*target).gc.set((*target).gc.get() & !WEAKREFS_FLAG) };
        }
    }
}

/// The weakref objects (new references) of `target`, oldest first.
pub(crate) fn weakrefs_of(target: &Value) -> Vec<Value> {
    let Some(t) = target.header() else { return Vec::new() };
    if t.gc.get() & WEAKREFS_FLAG == 0 {
        return Vec::new();
    }
    // SAFETY: GIL held; the listed weakrefs are alive (they unregister on drop).
    unsafe {
        let st = STATE.get_mut();
        st.weakrefs
            .as_ref()
            .and_then(|m| m.get(&(t as *const ObjHeader as usize)))
            .map(|l| l.iter().map(|&w| Value::from_borrowed_ptr(NonNull::new_unchecked(w as *mut ObjHeader))).collect())
            .unwrap_or_default()
    }
}

/// Kills every weakref to `p` and returns them with their callbacks, in list
/// order (the order CPython calls them in).
unsafe fn take_weakrefs(st: &mut GcState, p: *mut ObjHeader) -> Vec<(Value, Value)> {
    (*p).gc.set((*p).gc.get() & !WEAKREFS_FLAG);
    let Some(list) = st.weakrefs.as_mut().and_then(|m| m.remove(&(p as usize))) else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(list.len());
    for &w in list.iter() {
        // A weakref whose count already reached zero is being freed (queued
        // by the deallocation trashcan): it is killed in place, without a
        // reference that would free it a second time, and its callback is
        // not called (it comes back with a NULL weakref).
        let dying = (*w).refcount.get() == 0;
        let wr = Value::from_borrowed_ptr(NonNull::new_unchecked(w as *mut ObjHeader));
        let cb = match wr.downcast_ref::<NativeObject>() {
            Some(n) => crate::modules::_weakref::kill(n.data()),
            None => Value::NULL,
        };
        if dying {
            std::mem::forget(wr);
            (*w).refcount.set(0);
            out.push((Value::NULL, cb));
        } else {
            out.push((wr, cb));
        }
    }
    out
}

/// Called when `p` dies: its weakrefs stop referring to it and their
/// callbacks are queued for the next safe point.
unsafe fn clear_weakrefs(st: &mut GcState, p: *mut ObjHeader, queue: bool) {
    let killed = take_weakrefs(st, p);
    let mut unused = Vec::new();
    for (wr, cb) in killed {
        if queue && !wr.is_null() && !cb.is_null() && !cb.is_none() {
            STATE.get_mut().pending_callbacks.push((wr, cb));
            *FINALIZERS_DUE.get_mut() = true;
        } else {
            unused.push((wr, cb));
        }
    }
    // Dropped once the state is no longer borrowed: freeing a weakref
    // reaches the collector (the referent's list is gone already).
    drop(unused);
}

// ---- introspection for the gc module ----

/// Every tracked object (new references), generation `gen` or all.
pub(crate) fn objects(gen: Option<usize>) -> Vec<Value> {
    // SAFETY: GIL held; tracked objects are alive.
    unsafe {
        let st = STATE.get_mut();
        let mut out = Vec::new();
        for (t, table) in st.tables.iter().enumerate() {
            if gen.is_some_and(|g| g != t) || (gen.is_none() && t == PERMANENT) {
                continue;
            }
            for &p in table.slots.iter().filter(|p| !p.is_null()) {
                out.push(Value::from_borrowed_ptr(NonNull::new_unchecked(p)));
            }
        }
        out
    }
}

/// The objects `v` refers to (`gc.get_referents`).
pub(crate) fn referents(v: &Value) -> Vec<Value> {
    let Some(h) = v.header() else { return Vec::new() };
    // Only container objects are traversed, as CPython's GC types.
    let ty = crate::typeobj::type_of(v);
    if !(is_container_kind(ty.layout) || ty.flags.get() & type_flags::HAS_DICT != 0) {
        return Vec::new();
    }
    let mut out = Vec::new();
    // SAFETY: live object; no Python code runs while traversing.
    unsafe {
        traverse(h as *const ObjHeader, &mut |q| {
            out.push(Value::from_borrowed_ptr(NonNull::new_unchecked(q)));
        });
    }
    out
}

/// Tracked objects that refer to any of `targets` (`gc.get_referrers`).
pub(crate) fn referrers(targets: &[Value]) -> Vec<Value> {
    let wanted: Vec<*mut ObjHeader> = targets.iter().filter_map(|t| t.as_ptr().map(|p| p.as_ptr())).collect();
    let mut out = Vec::new();
    for obj in objects(None) {
        let mut hit = false;
        // SAFETY: live object, no Python code runs.
        unsafe {
            traverse(obj.ptr_unchecked(), &mut |q| {
                if wanted.contains(&q) {
                    hit = true;
                }
            });
        }
        if hit {
            out.push(obj);
        }
    }
    out
}

/// `gc.freeze()`: everything tracked moves to the permanent generation.
pub(crate) fn freeze() {
    // SAFETY: GIL held.
    unsafe {
        let st = STATE.get_mut();
        for g in 0..NUM_GENERATIONS {
            let slots = std::mem::take(&mut st.tables[g].slots);
            st.tables[g].live = 0;
            for p in slots.into_iter().filter(|p| !p.is_null()) {
                push_to(st, PERMANENT, p);
            }
            st.count[g] = 0;
        }
    }
}

/// `gc.unfreeze()`: the permanent generation goes back to the oldest.
pub(crate) fn unfreeze() {
    // SAFETY: GIL held.
    unsafe {
        let st = STATE.get_mut();
        let slots = std::mem::take(&mut st.tables[PERMANENT].slots);
        st.tables[PERMANENT].live = 0;
        for p in slots.into_iter().filter(|p| !p.is_null()) {
            push_to(st, NUM_GENERATIONS - 1, p);
        }
    }
}

pub(crate) fn freeze_count() -> usize {
    // SAFETY: GIL held.
    unsafe { STATE.get_mut().tables[PERMANENT].live }
}

/// Records that `__del__` ran for `v` (it will not run again).
pub(crate) fn mark_finalized(v: &Value) {
    if let Some(h) = v.header() {
        h.gc.set(h.gc.get() | FINALIZED_FLAG);
    }
}

/// Whether `__del__` already ran for `v` (`gc.is_finalized`).
pub(crate) fn is_finalized(v: &Value) -> bool {
    v.header().is_some_and(|h| h.gc.get() & FINALIZED_FLAG != 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::list::{new_list, ListObject};

    /// The flags kept across tracking changes never overlap the place.
    #[test]
    fn gc_word_fields_are_disjoint() {
        assert_eq!(INDEX_MASK & (GEN_MASK | KEEP_FLAGS), 0);
        assert_eq!(GEN_MASK & KEEP_FLAGS, 0);
        assert_eq!(FINALIZED_FLAG & WEAKREFS_FLAG, 0);
        assert!(CODE_UNREACHABLE << GEN_SHIFT <= GEN_MASK);
    }

    #[test]
    fn list_cycle_is_collected() {
        let mut vm = Vm::new_for_tests();
        collect(&mut vm, 2);
        let a = new_list(Vec::new());
        let b = new_list(vec![a.clone()]);
        a.downcast_ref::<ListObject>().unwrap().push(b.clone());
        let keep = new_list(Vec::new());
        keep.downcast_ref::<ListObject>().unwrap().push(keep.clone());
        assert!(is_tracked(&a));
        drop((a, b));
        assert_eq!(collect(&mut vm, 2), 2);
        // A cycle still referenced from outside survives.
        assert_eq!(collect(&mut vm, 2), 0);
        assert_eq!(keep.downcast_ref::<ListObject>().unwrap().len(), 1);
        keep.downcast_ref::<ListObject>().unwrap().clear();
    }

    #[test]
    fn atomic_tuples_are_untracked_by_a_collection() {
        let mut vm = Vm::new_for_tests();
        let t = crate::objects::tuple::new_tuple(vec![Value::int(1), Value::int(2)]);
        let u = crate::objects::tuple::new_tuple(vec![new_list(Vec::new())]);
        assert!(is_tracked(&t) && is_tracked(&u));
        collect(&mut vm, 0);
        assert!(!is_tracked(&t));
        assert!(is_tracked(&u));
    }

    #[test]
    fn freed_objects_leave_the_tables() {
        let mut vm = Vm::new_for_tests();
        collect(&mut vm, 2);
        let live_before: usize = unsafe { state().tables.iter().map(|t| t.live).sum() };
        let lists: Vec<Value> = (0..5000).map(|_| new_list(Vec::new())).collect();
        let live_mid: usize = unsafe { state().tables.iter().map(|t| t.live).sum() };
        assert_eq!(live_mid, live_before + 5000);
        drop(lists);
        let st = unsafe { state() };
        let live_after: usize = st.tables.iter().map(|t| t.live).sum();
        assert_eq!(live_after, live_before);
        // Holes are squeezed out before the table grows again.
        let cap = st.tables[0].slots.capacity();
        let more: Vec<Value> = (0..cap + 1).map(|_| new_list(Vec::new())).collect();
        let st = unsafe { state() };
        assert!(st.tables[0].slots.len() <= live_before + more.len() + cap / 2 + 1);
        drop(more);
    }

    #[test]
    fn dict_cycle_with_garbage_value() {
        let mut vm = Vm::new_for_tests();
        collect(&mut vm, 2);
        let d = crate::objects::dict::DictObject::new_value();
        let inner = new_list(vec![d.clone()]);
        d.downcast_ref::<crate::objects::dict::DictObject>().unwrap().insert_str_key("x", inner);
        assert!(is_tracked(&d));
        drop(d);
        assert_eq!(collect(&mut vm, 0), 2);
    }

    #[test]
    fn referents_of_a_list() {
        let _vm = Vm::new_for_tests();
        let inner = new_list(Vec::new());
        let l = new_list(vec![inner.clone(), Value::int(3)]);
        let r = referents(&l);
        assert_eq!(r.len(), 1);
        assert!(r[0].is(&inner));
        assert_eq!(referrers(&[inner.clone()]).iter().filter(|x| x.is(&l)).count(), 1);
    }
}
