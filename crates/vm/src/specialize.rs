//! PEP 659: the specializing adaptive interpreter's decisions and bookkeeping.
//!
//! Code runs CPython 3.11's bytecode with its inline CACHE units. A generic
//! (adaptive) instruction keeps a back-off counter in its first cache unit;
//! when the counter runs out, the instruction is looked at with the operands
//! of that moment and, if a specialized form fits, rewritten in place to it
//! (3.11's own specialized opcode numbers, so `dis(adaptive=True)` names
//! them) with what its guard needs stored in the following cache units. A
//! specialized instruction whose guard fails runs the generic path for that
//! execution (a miss) and counts down a miss counter in the first unit; when
//! that runs out it is rewritten back to the generic form (a deopt), whose
//! counter then backs off exponentially before the next attempt.
//!
//! Guards: type version tags (any change to a type or its bases gives it a
//! new tag), dict keys versions (any key added or removed gives a new one),
//! and the shared-keys index of instance attributes (append-only per class).

use crate::gil::GilCell;
use pyrite_bytecode::op;

/// The families of specializable instructions, as `-X specstats` lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    LoadGlobal,
    LoadAttr,
    LoadMethod,
    StoreAttr,
    BinaryOp,
    CompareOp,
    BinarySubscr,
    StoreSubscr,
    UnpackSequence,
    Precall,
    Call,
    ForIter,
}

const NFAMILIES: usize = 12;

impl Family {
    pub const ALL: [Family; NFAMILIES] = [
        Family::LoadGlobal,
        Family::LoadAttr,
        Family::LoadMethod,
        Family::StoreAttr,
        Family::BinaryOp,
        Family::CompareOp,
        Family::BinarySubscr,
        Family::StoreSubscr,
        Family::UnpackSequence,
        Family::Precall,
        Family::Call,
        Family::ForIter,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Family::LoadGlobal => "LOAD_GLOBAL",
            Family::LoadAttr => "LOAD_ATTR",
            Family::LoadMethod => "LOAD_METHOD",
            Family::StoreAttr => "STORE_ATTR",
            Family::BinaryOp => "BINARY_OP",
            Family::CompareOp => "COMPARE_OP",
            Family::BinarySubscr => "BINARY_SUBSCR",
            Family::StoreSubscr => "STORE_SUBSCR",
            Family::UnpackSequence => "UNPACK_SEQUENCE",
            Family::Precall => "PRECALL",
            Family::Call => "CALL",
            Family::ForIter => "FOR_ITER",
        }
    }
}

/// Counts of one family over the whole run.
#[derive(Clone, Copy, Default, Debug)]
pub struct FamilyStats {
    /// Specialization attempts (the back-off counter ran out).
    pub attempts: u64,
    /// Attempts that rewrote the instruction.
    pub successes: u64,
    /// Executions of a specialized form whose guard held.
    pub hits: u64,
    /// Executions of a specialized form whose guard failed.
    pub misses: u64,
    /// Specialized forms rewritten back to the generic one.
    pub deopts: u64,
    /// Executions of the generic form (not specialized at that moment).
    pub generic: u64,
}

static STATS: GilCell<[FamilyStats; NFAMILIES]> = GilCell::new([FamilyStats {
    attempts: 0,
    successes: 0,
    hits: 0,
    misses: 0,
    deopts: 0,
    generic: 0,
}; NFAMILIES]);

/// The statistics of `family` (GIL held by the caller, as for every VM call).
#[inline(always)]
pub fn stats(family: Family) -> &'static mut FamilyStats {
    // SAFETY: GIL held; no reference is kept across calls.
    unsafe { &mut STATS.get_mut()[family as usize] }
}

static FORM_HITS: GilCell<[u64; 256]> = GilCell::new([0; 256]);

/// Hits and generic executions are counted only under `-X specstats`:
/// counting every execution costs the dispatch loop a few percent.
static COUNT_EXECUTIONS: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Turns on the counting of hits and generic executions (`-X specstats`).
pub fn count_executions() {
    COUNT_EXECUTIONS.store(true, std::sync::atomic::Ordering::Relaxed);
}

#[inline(always)]
fn counting() -> bool {
    COUNT_EXECUTIONS.load(std::sync::atomic::Ordering::Relaxed)
}

/// Counts one execution of `family`'s generic form (under `-X specstats`).
#[inline(always)]
pub fn generic(family: Family) {
    if counting() {
        stats(family).generic += 1;
    }
}

/// Counts a hit of the specialized form `opcode` of `family` (the report
/// lists the forms' hits by name after the families').
#[inline(always)]
pub fn hit(family: Family, opcode: u8) {
    if !counting() {
        return;
    }
    stats(family).hits += 1;
    // SAFETY: GIL held; no reference is kept.
    unsafe { FORM_HITS.get_mut()[opcode as usize] += 1 };
}

/// Misses a specialized instruction tolerates before it is deoptimized.
pub const MISS_COUNTER_START: u16 = 53;
/// Back-off counters: low 12 bits count down, high 4 bits hold the exponent.
const BACKOFF_BITS: u16 = 12;
const MAX_BACKOFF_EXPONENT: u16 = 12;

/// The next back-off counter after a failed attempt or a deopt.
pub fn backoff(counter: u16) -> u16 {
    let exponent = ((counter >> BACKOFF_BITS) + 1).min(MAX_BACKOFF_EXPONENT);
    (exponent << BACKOFF_BITS) | ((1u16 << exponent) - 1)
}

/// Counts one execution of a generic instruction; true when it is time to
/// try specializing it.
///
/// # Safety
/// `cache` points to the instruction's first CACHE unit.
#[inline(always)]
pub unsafe fn adaptive_due(cache: *mut u16) -> bool {
    let c = *cache;
    if c & ((1 << BACKOFF_BITS) - 1) == 0 {
        return true;
    }
    *cache = c - 1;
    false
}

/// Records a failed attempt: the counter backs off.
///
/// # Safety
/// As `adaptive_due`.
pub unsafe fn attempt_failed(cache: *mut u16) {
    *cache = backoff(*cache);
}

/// Sets the opcode of the instruction at `instr`, keeping its oparg (for
/// FOR_ITER, which has no cache; the others go through `rewrite`).
///
/// # Safety
/// `instr` is an instruction's code unit.
#[inline]
pub unsafe fn set_opcode(instr: *mut u16, opcode: u8) {
    *instr = (*instr & 0xff00) | opcode as u16;
}

/// Rewrites the instruction at `instr` to `opcode` (keeping its oparg) and
/// arms its miss counter.
///
/// # Safety
/// `instr` is the instruction's code unit, followed by its CACHE units.
pub unsafe fn rewrite(instr: *mut u16, opcode: u8) {
    set_opcode(instr, opcode);
    // The back-off exponent stays in the high bits, so that a site that keeps
    // deoptimizing (a polymorphic one) waits longer each time.
    let counter = instr.add(1);
    *counter = (*counter & !((1 << BACKOFF_BITS) - 1)) | MISS_COUNTER_START;
}

/// Counts a miss of the specialized instruction at `instr`; after too many,
/// rewrites it back to its generic form. Returns true when it deoptimized.
///
/// # Safety
/// As `rewrite`.
#[inline]
pub unsafe fn miss(instr: *mut u16, family: Family) -> bool {
    stats(family).misses += 1;
    let counter = instr.add(1);
    if *counter & ((1 << BACKOFF_BITS) - 1) > 1 {
        *counter -= 1;
        return false;
    }
    stats(family).deopts += 1;
    set_opcode(instr, pyrite_bytecode::deoptimize((*instr & 0xff) as u8));
    *counter = backoff(*counter);
    true
}

/// Reads a 32-bit value stored in two cache units.
///
/// # Safety
/// `p` and `p + 1` are cache units of the current instruction.
#[inline(always)]
pub unsafe fn read_u32(p: *const u16) -> u32 {
    (*p as u32) | ((*p.add(1) as u32) << 16)
}

/// # Safety
/// As `read_u32`.
#[inline(always)]
pub unsafe fn write_u32(p: *mut u16, v: u32) {
    *p = v as u16;
    *p.add(1) = (v >> 16) as u16;
}

/// Reads a 64-bit value stored in four cache units.
///
/// # Safety
/// `p..p + 4` are cache units of the current instruction.
#[inline(always)]
pub unsafe fn read_u64(p: *const u16) -> u64 {
    (read_u32(p) as u64) | ((read_u32(p.add(2)) as u64) << 32)
}

/// # Safety
/// As `read_u64`.
#[inline(always)]
pub unsafe fn write_u64(p: *mut u16, v: u64) {
    write_u32(p, v as u32);
    write_u32(p.add(2), (v >> 32) as u32);
}

/// The family a (generic or specialized) opcode belongs to.
pub fn family_of(opcode: u8) -> Option<Family> {
    match pyrite_bytecode::deoptimize(opcode) {
        op::LOAD_GLOBAL => Some(Family::LoadGlobal),
        op::LOAD_ATTR => Some(Family::LoadAttr),
        op::LOAD_METHOD => Some(Family::LoadMethod),
        op::STORE_ATTR => Some(Family::StoreAttr),
        op::BINARY_OP => Some(Family::BinaryOp),
        op::COMPARE_OP => Some(Family::CompareOp),
        op::BINARY_SUBSCR => Some(Family::BinarySubscr),
        op::STORE_SUBSCR => Some(Family::StoreSubscr),
        op::UNPACK_SEQUENCE => Some(Family::UnpackSequence),
        op::PRECALL => Some(Family::Precall),
        op::CALL => Some(Family::Call),
        op::FOR_ITER => Some(Family::ForIter),
        _ => None,
    }
}

/// The `-X specstats` report, one line per family.
pub fn report() -> String {
    let mut out = String::from("pyrite specialization statistics\n");
    out.push_str(&format!(
        "{:<14} {:>10} {:>10} {:>12} {:>10} {:>8} {:>12} {:>7}\n",
        "family", "attempts", "successes", "hits", "misses", "deopts", "generic", "hit%"
    ));
    for f in Family::ALL {
        let s = *stats(f);
        let total = s.hits + s.misses + s.generic;
        let pct = if total == 0 { 0.0 } else { 100.0 * s.hits as f64 / total as f64 };
        out.push_str(&format!(
            "{:<14} {:>10} {:>10} {:>12} {:>10} {:>8} {:>12} {:>6.1}%\n",
            f.name(),
            s.attempts,
            s.successes,
            s.hits,
            s.misses,
            s.deopts,
            s.generic,
            pct
        ));
    }
    // SAFETY: GIL held; read only.
    let forms = unsafe { FORM_HITS.get_mut() };
    let mut header = false;
    for (opcode, &hits) in forms.iter().enumerate() {
        if hits == 0 {
            continue;
        }
        let opcode = opcode as u8;
        let name = pyrite_bytecode::internal::name(opcode).unwrap_or(pyrite_bytecode::OPNAMES[opcode as usize]);
        if !header {
            out.push_str("\nspecialized forms (hits; * beyond 3.11's opcodes)\n");
            header = true;
        }
        let mark = if pyrite_bytecode::internal::base(opcode).is_some() { "*" } else { "" };
        out.push_str(&format!("{:<32} {hits:>12}\n", format!("{name}{mark}")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_exponentially_and_saturates() {
        let a = backoff(0);
        assert_eq!(a & 0xfff, 1);
        let b = backoff(a);
        assert_eq!(b & 0xfff, 3);
        let mut c = b;
        for _ in 0..20 {
            c = backoff(c);
        }
        assert_eq!(c >> 12, MAX_BACKOFF_EXPONENT);
        assert_eq!(c & 0xfff, (1 << MAX_BACKOFF_EXPONENT) - 1);
    }

    #[test]
    fn cache_words_round_trip() {
        let mut units = [0u16; 4];
        unsafe {
            write_u64(units.as_mut_ptr(), 0x0123_4567_89ab_cdef);
            assert_eq!(read_u64(units.as_ptr()), 0x0123_4567_89ab_cdef);
            write_u32(units.as_mut_ptr(), 0xdead_beef);
            assert_eq!(read_u32(units.as_ptr()), 0xdead_beef);
        }
    }
}

// ---------------------------------------------------------------------------
// The decisions: which specialized form fits the operands seen now.
// Each writes its guard data into the cache units and rewrites the
// instruction, or backs off. `instr` points to the instruction's own unit.

use crate::attr::generic_getattr;
use crate::objects::dict::DictObject;
use crate::objects::module::ModuleObject;
use crate::typeobj::{is_exact, type_flags, type_of, MODULE_TYPE};
use crate::value::Value;

/// Specialized LOAD_GLOBAL cache: [counter, index, globals keys version (2),
/// builtins keys version (1: 16 bits; versions that do not fit are refused,
/// and versions are never reused, so comparing 16 bits is exact)].
///
/// # Safety
/// `instr` is a LOAD_GLOBAL followed by its 5 cache units.
pub(crate) unsafe fn load_global(instr: *mut u16, globals: &DictObject, builtins: &DictObject, name: &Value) {
    let st = stats(Family::LoadGlobal);
    st.attempts += 1;
    let cache = instr.add(1);
    if let Some(ix) = globals.index_of_str(name) {
        let version = globals.keys_version();
        if version != 0 && ix <= u16::MAX as usize {
            *cache.add(1) = ix as u16;
            write_u32(cache.add(2), version);
            rewrite(instr, op::LOAD_GLOBAL_MODULE);
            st.successes += 1;
            return;
        }
    } else if let Some(ix) = builtins.index_of_str(name) {
        let gversion = globals.keys_version();
        let bversion = builtins.keys_version();
        if gversion != 0 && bversion != 0 && bversion <= u16::MAX as u32 && ix <= u16::MAX as usize {
            *cache.add(1) = ix as u16;
            write_u32(cache.add(2), gversion);
            *cache.add(4) = bversion as u16;
            rewrite(instr, op::LOAD_GLOBAL_BUILTIN);
            st.successes += 1;
            return;
        }
    }
    attempt_failed(cache);
}

/// Whether attribute loads on `obj` go through `object.__getattribute__`
/// with instance values (no `__getattr__`/`__getattribute__` override).
fn generic_attribute_access(obj: &Value) -> bool {
    type_of(obj).slots().getattro as usize == generic_getattr as *const () as usize
}

/// For an exact module: the keys version and entry index of `name` in its
/// dict, when both fit the cache (the guard data of the *_MODULE forms).
fn module_entry(owner: &Value, name: &Value) -> Option<(u32, u16)> {
    if !is_exact(owner, &MODULE_TYPE) {
        return None;
    }
    let d = owner.downcast_ref::<ModuleObject>()?.dict();
    let ix = d.index_of_str(name)?;
    let version = d.keys_version();
    (version != 0 && ix <= u16::MAX as usize).then_some((version, ix as u16))
}

/// Specialized LOAD_ATTR cache: [counter, type version or dict keys version
/// (2), index].
///
/// # Safety
/// `instr` is a LOAD_ATTR followed by its 4 cache units.
pub(crate) unsafe fn load_attr(instr: *mut u16, owner: &Value, name: &Value) {
    let st = stats(Family::LoadAttr);
    st.attempts += 1;
    let cache = instr.add(1);
    if is_exact(owner, &MODULE_TYPE) {
        match module_entry(owner, name) {
            Some((version, ix)) => {
                write_u32(cache.add(1), version);
                *cache.add(3) = ix;
                rewrite(instr, op::LOAD_ATTR_MODULE);
                st.successes += 1;
            }
            None => attempt_failed(cache),
        }
        return;
    }
    if let Some(ix) = instance_value_index(owner, name) {
        let version = type_of(owner).version_tag();
        if version != 0 && ix <= u16::MAX as usize {
            write_u32(cache.add(1), version);
            *cache.add(3) = ix as u16;
            rewrite(instr, op::LOAD_ATTR_INSTANCE_VALUE);
            st.successes += 1;
            return;
        }
    }
    if let Some(ix) = slot_index(owner, name) {
        let version = type_of(owner).version_tag();
        if version != 0 {
            write_u32(cache.add(1), version);
            *cache.add(3) = ix;
            rewrite(instr, op::LOAD_ATTR_SLOT);
            st.successes += 1;
            return;
        }
    }
    if load_attr_class_forms(instr, owner, name) {
        st.successes += 1;
        return;
    }
    attempt_failed(cache);
}

/// The `__slots__` index of `name` when `owner.name` resolves to a slot
/// member descriptor of the instance's type through generic attribute access.
fn slot_index(owner: &Value, name: &Value) -> Option<u16> {
    use crate::objects::descr::MemberDescr;
    use crate::typeobj::MEMBER_DESCR_TYPE;
    if !generic_attribute_access(owner) {
        return None;
    }
    let ty = type_of(owner);
    let d = ty.lookup(name)?;
    if !is_exact(&d, &MEMBER_DESCR_TYPE) {
        return None;
    }
    let m = d.downcast_ref::<MemberDescr>()?;
    if !ty.is_subtype(m.owner()) {
        return None;
    }
    u16::try_from(m.slot()?).ok()
}

/// Slot `ix` of the instance when its type still has `version`.
#[inline(always)]
pub(crate) fn slot_value(owner: &Value, version: u32, ix: usize) -> Option<Value> {
    if type_of(owner).version_tag.get() != version {
        return None;
    }
    crate::instance::slot_get(owner, ix)
}

/// Stores `v` in slot `ix` when the instance's type still has `version`;
/// gives `v` back otherwise.
#[inline(always)]
pub(crate) fn store_slot_value(owner: &Value, version: u32, ix: usize, v: Value) -> Result<(), Value> {
    let ty = type_of(owner);
    if ty.version_tag.get() != version {
        return Err(v);
    }
    let old = crate::instance::slot_replace(owner, ix, v)?;
    drop(old);
    Ok(())
}

/// The shared-keys index of `name` when `owner.name` is found among the
/// instance's own values (no data descriptor on the type shadows it).
fn instance_value_index(owner: &Value, name: &Value) -> Option<usize> {
    if !generic_attribute_access(owner) {
        return None;
    }
    let pre = owner.pre_header()?;
    let ty = type_of(owner);
    if let Some(d) = ty.lookup(name) {
        if type_of(&d).slots().descr_set.is_some() {
            return None;
        }
    }
    // SAFETY: read only for this check; no Python code runs meanwhile.
    let attrs = unsafe { &*pre.attrs.get() };
    if attrs.has_dict() {
        return None;
    }
    let keys = unsafe { &*ty.shared_keys.get() };
    let ix = keys.index_of(name)?;
    attrs.get(ix).map(|_| ix)
}

/// The instance value at shared-keys index `ix` when the guard holds: the
/// type still has `version` (an instance with a materialized dict has no
/// values, so it misses too).
#[inline(always)]
pub(crate) fn instance_value(owner: &Value, version: u32, ix: usize) -> Option<Value> {
    let ty = type_of(owner);
    if ty.version_tag.get() != version {
        return None;
    }
    // SAFETY: the version vouches for the type, whose instances have a
    // pre-header with values (checked when specialized; a type's layout
    // flags never change). Read only; no Python code runs meanwhile.
    unsafe { (*values_pre_header(owner).attrs.get()).get(ix) }
}

/// The pre-header of `owner`, whose type was seen to have one.
///
/// # Safety
/// `owner` is an object whose type has `HAS_DICT` and not `NO_DICT`.
#[inline(always)]
unsafe fn values_pre_header(owner: &Value) -> &crate::object::PreHeader {
    debug_assert!(owner.pre_header().is_some());
    crate::object::pre_header(owner.ptr_unchecked())
}

/// Specialized STORE_ATTR cache: [counter, type version (2), index].
///
/// # Safety
/// `instr` is a STORE_ATTR followed by its 4 cache units.
pub(crate) unsafe fn store_attr(instr: *mut u16, owner: &Value, name: &Value) {
    let st = stats(Family::StoreAttr);
    st.attempts += 1;
    let cache = instr.add(1);
    let ty = type_of(owner);
    let generic_set = ty.slots().setattro.map(|f| f as usize) == Some(crate::attr::generic_setattr as *const () as usize);
    let ix = (|| {
        if !generic_set || ty.has_flag(type_flags::NO_DICT) {
            return None;
        }
        let pre = owner.pre_header()?;
        if let Some(d) = ty.lookup(name) {
            if type_of(&d).slots().descr_set.is_some() {
                return None;
            }
        }
        let attrs = &*pre.attrs.get();
        if attrs.has_dict() {
            return None;
        }
        (*ty.shared_keys.get()).index_of(name)
    })();
    if let Some(ix) = ix {
        let version = ty.version_tag();
        if version != 0 && ix <= u16::MAX as usize {
            write_u32(cache.add(1), version);
            *cache.add(3) = ix as u16;
            rewrite(instr, op::STORE_ATTR_INSTANCE_VALUE);
            st.successes += 1;
            return;
        }
    }
    let generic_slot_set = generic_set && {
        let d = ty.lookup(name);
        d.is_some_and(|d| is_exact(&d, &crate::typeobj::MEMBER_DESCR_TYPE))
    };
    if let Some(ix) = slot_index(owner, name).filter(|_| generic_slot_set) {
        let version = ty.version_tag();
        if version != 0 {
            write_u32(cache.add(1), version);
            *cache.add(3) = ix;
            rewrite(instr, op::STORE_ATTR_SLOT);
            st.successes += 1;
            return;
        }
    }
    attempt_failed(cache);
}

/// Stores `v` at shared-keys index `ix` when the guard holds; gives `v`
/// back otherwise.
#[inline(always)]
pub(crate) fn store_instance_value(owner: &Value, version: u32, ix: usize, v: Value) -> Result<(), Value> {
    let ty = type_of(owner);
    if ty.version_tag.get() != version {
        return Err(v);
    }
    // SAFETY: as instance_value; the old value is dropped after the borrow
    // ends; shared keys are not changed while borrowed.
    let old = unsafe { (*values_pre_header(owner).attrs.get()).store(ix, v, &*ty.shared_keys.get())? };
    drop(old);
    Ok(())
}

/// Specialized LOAD_METHOD cache: [counter, type version or dict keys
/// version (2), index, shared-keys length (2), method object (4)].
///
/// # Safety
/// `instr` is a LOAD_METHOD followed by its 10 cache units.
pub(crate) unsafe fn load_method(instr: *mut u16, owner: &Value, name: &Value) {
    let st = stats(Family::LoadMethod);
    st.attempts += 1;
    let cache = instr.add(1);
    if is_exact(owner, &MODULE_TYPE) {
        match module_entry(owner, name) {
            Some((version, ix)) => {
                write_u32(cache.add(1), version);
                *cache.add(3) = ix;
                rewrite(instr, op::LOAD_METHOD_MODULE);
                st.successes += 1;
            }
            None => attempt_failed(cache),
        }
        return;
    }
    let ty = type_of(owner);
    let method = if generic_attribute_access(owner) { ty.lookup(name) } else { None };
    let Some(method) = method.filter(|m| type_of(m).has_flag(type_flags::METHOD_DESCRIPTOR)) else {
        attempt_failed(cache);
        return;
    };
    let version = ty.version_tag();
    if version == 0 {
        attempt_failed(cache);
        return;
    }
    match owner.pre_header() {
        None => {
            write_u32(cache.add(1), version);
            write_u64(cache.add(5), method.ptr_unchecked() as u64);
            rewrite(instr, op::LOAD_METHOD_NO_DICT);
            st.successes += 1;
        }
        Some(pre) => {
            let attrs = &*pre.attrs.get();
            let keys = &*ty.shared_keys.get();
            if attrs.has_dict() || keys.index_of(name).is_some() {
                attempt_failed(cache);
                return;
            }
            write_u32(cache.add(1), version);
            write_u32(cache.add(3), keys.names.len() as u32);
            write_u64(cache.add(5), method.ptr_unchecked() as u64);
            rewrite(instr, op::LOAD_METHOD_WITH_VALUES);
            st.successes += 1;
        }
    }
}

/// The cached method of a LOAD_METHOD_NO_DICT / _WITH_VALUES when its guard
/// holds: same type version, and (with values) the instance has no dict and
/// its class's shared keys did not grow (so the name is still not an
/// instance attribute).
///
/// # Safety
/// `cache` is the instruction's first cache unit.
#[inline(always)]
pub(crate) unsafe fn cached_method(owner: &Value, cache: *const u16, with_values: bool) -> Option<Value> {
    let ty = type_of(owner);
    if ty.version_tag.get() != read_u32(cache.add(1)) {
        return None;
    }
    if with_values {
        // The version vouches for the pre-header (seen when specialized).
        let pre = values_pre_header(owner);
        if (*pre.attrs.get()).has_dict() {
            return None;
        }
        if (*ty.shared_keys.get()).names.len() as u32 != read_u32(cache.add(3)) {
            return None;
        }
    }
    let p = read_u64(cache.add(5)) as *mut crate::object::ObjHeader;
    // The type's version vouches that its dict still holds this method.
    Some(Value::from_borrowed_ptr(std::ptr::NonNull::new(p)?))
}

static OPERATOR_NAMES: GilCell<Option<Vec<Value>>> = GilCell::new(None);

/// The Python function `lhs op rhs` calls for a (non in-place) BINARY_OP
/// oparg, when a frame pushed by the dispatch loop can run it: both
/// operands of one class (so no reflected method is tried first), the
/// method found on that class a plain function of (self, other), and no
/// sequence fallback (`concat`/`repeat` slots) to try on NotImplemented.
pub(crate) fn operator_method(oparg: usize, lhs: &Value, rhs: &Value) -> Option<Value> {
    use pyrite_bytecode::code::flags as co_flags;
    const NAMES: [&str; 13] = [
        "__add__", "__and__", "__floordiv__", "__lshift__", "__matmul__", "__mul__", "__mod__", "__or__", "__pow__",
        "__rshift__", "__sub__", "__truediv__", "__xor__",
    ];
    let ty = type_of(lhs);
    if !std::ptr::eq(ty, type_of(rhs)) || !ty.has_flag(type_flags::HEAPTYPE) || ty.version_tag.get() == 0 {
        return None;
    }
    if ty.slots().concat.is_some() || ty.slots().repeat.is_some() {
        return None;
    }
    // SAFETY: GIL held; interning runs no Python code.
    let names = unsafe { OPERATOR_NAMES.get_mut() }
        .get_or_insert_with(|| NAMES.iter().map(|n| crate::objects::str::intern(n)).collect());
    let name = names.get(oparg)?.clone();
    let m = ty.lookup(&name)?;
    if !is_exact(&m, &FUNCTION_TYPE) {
        return None;
    }
    let f = m.downcast_ref::<FunctionObject>()?;
    let special = co_flags::GENERATOR | co_flags::COROUTINE | co_flags::ITERABLE_COROUTINE | co_flags::ASYNC_GENERATOR;
    if f.code().flags & special != 0 || !simple_positional(f, 2) {
        return None;
    }
    Some(m)
}

/// Two operands that are floats or small ints, at least one a float.
#[inline(always)]
pub(crate) fn mixed_numbers(a: &Value, b: &Value) -> bool {
    (a.is_float() || a.is_small_int()) && (b.is_float() || b.is_small_int()) && (a.is_float() || b.is_float())
}

/// Specialized BINARY_OP forms by the operand types seen now.
///
/// # Safety
/// `instr` is a BINARY_OP followed by its cache unit.
pub(crate) unsafe fn binary_op(instr: *mut u16, oparg: u32, lhs: &Value, rhs: &Value, next_is_store_fast_of_lhs: bool) {
    use crate::objects::str::StrObject;
    use crate::typeobj::STR_TYPE;
    let st = stats(Family::BinaryOp);
    st.attempts += 1;
    let ints = lhs.is_small_int() && rhs.is_small_int();
    let floats = lhs.is_float() && rhs.is_float();
    let strs = is_exact(lhs, &STR_TYPE) && is_exact(rhs, &STR_TYPE) && lhs.downcast_ref::<StrObject>().is_some();
    // Opargs: 0 +, 5 *, 10 -, 13 +=, 18 *=, 23 -=.
    let form = match oparg {
        0 | 13 if ints => Some(op::BINARY_OP_ADD_INT),
        0 | 13 if floats => Some(op::BINARY_OP_ADD_FLOAT),
        13 if strs && next_is_store_fast_of_lhs => Some(op::BINARY_OP_INPLACE_ADD_UNICODE),
        0 | 13 if strs => Some(op::BINARY_OP_ADD_UNICODE),
        5 | 18 if ints => Some(op::BINARY_OP_MULTIPLY_INT),
        5 | 18 if floats => Some(op::BINARY_OP_MULTIPLY_FLOAT),
        10 | 23 if ints => Some(op::BINARY_OP_SUBTRACT_INT),
        10 | 23 if floats => Some(op::BINARY_OP_SUBTRACT_FLOAT),
        // `& // << % | >> / ^` and their in-place forms on two small ints.
        1 | 2 | 3 | 6 | 7 | 9 | 11 | 12 | 14 | 15 | 16 | 19 | 20 | 22 | 24 | 25 if ints => {
            Some(pyrite_bytecode::internal::BINARY_OP_INT_OTHER)
        }
        // `+ * - /` (and in place) on floats, or a float and a small int.
        0 | 5 | 10 | 11 | 13 | 18 | 23 | 24 if mixed_numbers(lhs, rhs) => {
            Some(pyrite_bytecode::internal::BINARY_OP_FLOAT_MIXED)
        }
        0..=12 if operator_method(oparg as usize, lhs, rhs).is_some() => {
            Some(pyrite_bytecode::internal::BINARY_OP_PY_METHOD)
        }
        _ => None,
    };
    match form {
        Some(f) => {
            rewrite(instr, f);
            st.successes += 1;
        }
        None => attempt_failed(instr.add(1)),
    }
}

// ---------------------------------------------------------------------------
// Polymorphic instance-attribute sites.
//
// A method of a base class reads `self.x` on instances of several subclasses;
// each subclass has its own type version and its own shared keys, so a
// monomorphic cache entry misses on every other type. When the guard of an
// *_INSTANCE_VALUE / LOAD_METHOD_WITH_VALUES form fails, the site asks this
// table, keyed by (type version, name), for the answer it would have cached
// for that type: the shared-keys index of the name and whether a plain load
// or store of it goes straight to the instance values. An entry stays valid
// while the type keeps its version (any change to the type or its bases
// gives a new one) because shared keys are append-only; "not a key" answers
// also record the keys' length, since the keys may grow.

use crate::typeobj::TypeObject;

const ATTR_INDEX_SIZE: usize = 2048;
const NOT_A_KEY: u32 = u32::MAX;

struct AttrIndexEntry {
    version: u32,
    /// Kept alive so that its address is not reused by another name.
    name: Value,
    /// Shared-keys index, or NOT_A_KEY.
    ix: u32,
    /// The keys' length when `ix` is NOT_A_KEY.
    keys_len: u32,
    /// `obj.name` reads the instance value (generic getattr, no data descriptor).
    load_ok: bool,
    /// `obj.name = v` writes the instance value (generic setattr, no data descriptor).
    store_ok: bool,
}

static ATTR_INDEX: GilCell<Vec<AttrIndexEntry>> = GilCell::new(Vec::new());

/// The (type version, name) answer for `ty`, computed on a table miss.
/// None when the type has no version tag.
fn attr_index_entry(ty: &TypeObject, name: &Value) -> Option<&'static AttrIndexEntry> {
    let version = ty.version_tag.get();
    if version == 0 {
        return None;
    }
    let nbits = name.bits();
    let slot = ((version as u64).wrapping_mul(0x9E37_79B9) ^ (nbits >> 4)) as usize & (ATTR_INDEX_SIZE - 1);
    // SAFETY: GIL held; entries are replaced only here, and callers do not
    // keep the reference across anything that may call back in here.
    let table = unsafe { ATTR_INDEX.get_mut() };
    if table.is_empty() {
        table.resize_with(ATTR_INDEX_SIZE, || AttrIndexEntry {
            version: 0,
            name: Value::NULL,
            ix: NOT_A_KEY,
            keys_len: 0,
            load_ok: false,
            store_ok: false,
        });
    }
    let hit = {
        let e = &table[slot];
        // A "not a key" answer holds only while the keys did not grow.
        e.version == version
            && e.name.bits() == nbits
            // SAFETY: read only.
            && (e.ix != NOT_A_KEY || e.keys_len == unsafe { (*ty.shared_keys.get()).names.len() } as u32)
    };
    if !hit {
        // `lookup` goes through the method cache and runs no Python code.
        let descr = ty.lookup(name);
        let data_descr = descr.as_ref().is_some_and(|d| type_of(d).slots().descr_set.is_some());
        let generic_get = ty.slots().getattro as usize == generic_getattr as *const () as usize;
        let generic_set = ty.slots().setattro.map(|f| f as usize) == Some(crate::attr::generic_setattr as *const () as usize);
        // SAFETY: read only; no Python code runs meanwhile.
        let keys = unsafe { &*ty.shared_keys.get() };
        let ix = keys.index_of(name).map_or(NOT_A_KEY, |i| i as u32);
        let e = &mut table[slot];
        e.version = version;
        let old = std::mem::replace(&mut e.name, name.clone());
        e.ix = ix;
        e.keys_len = keys.names.len() as u32;
        e.load_ok = generic_get && !data_descr;
        e.store_ok = generic_set && !data_descr && !ty.has_flag(type_flags::NO_DICT);
        drop(old);
    }
    Some(&table[slot])
}

/// `owner.name` read from the instance values through the (type version,
/// name) table; None when that is not how the load resolves right now.
pub(crate) fn poly_instance_value(owner: &Value, name: &Value) -> Option<Value> {
    let pre = owner.pre_header()?;
    let e = attr_index_entry(type_of(owner), name)?;
    if !e.load_ok || e.ix == NOT_A_KEY {
        return None;
    }
    let ix = e.ix as usize;
    // SAFETY: read only; no Python code runs meanwhile.
    let attrs = unsafe { &*pre.attrs.get() };
    if attrs.has_dict() {
        return None;
    }
    attrs.get(ix)
}

/// `owner.name = v` written to the instance values through the table; gives
/// `v` back when the store does not resolve that way.
pub(crate) fn poly_store_instance_value(owner: &Value, name: &Value, v: Value) -> Result<(), Value> {
    let Some(pre) = owner.pre_header() else { return Err(v) };
    let Some(e) = attr_index_entry(type_of(owner), name) else { return Err(v) };
    if !e.store_ok || e.ix == NOT_A_KEY {
        return Err(v);
    }
    let ix = e.ix as usize;
    // SAFETY: the old value is dropped after the borrow ends; shared keys
    // are not changed while borrowed.
    let old = unsafe { (*pre.attrs.get()).store(ix, v, &*type_of(owner).shared_keys.get())? };
    drop(old);
    Ok(())
}

/// The method `owner.name` when it is a method descriptor found on the type
/// and not shadowed by an instance value (the LOAD_METHOD_WITH_VALUES rule,
/// for any type).
pub(crate) fn poly_method(owner: &Value, name: &Value) -> Option<Value> {
    let pre = owner.pre_header()?;
    let ty = type_of(owner);
    let e = attr_index_entry(ty, name)?;
    if !e.load_ok {
        return None;
    }
    // SAFETY: read only; no Python code runs meanwhile.
    let attrs = unsafe { &*pre.attrs.get() };
    if attrs.has_dict() {
        return None;
    }
    if e.ix != NOT_A_KEY && attrs.get(e.ix as usize).is_some() {
        return None;
    }
    ty.lookup(name).filter(|m| type_of(m).has_flag(type_flags::METHOD_DESCRIPTOR))
}

// ---------------------------------------------------------------------------
// COMPARE_OP, BINARY_SUBSCR, STORE_SUBSCR, UNPACK_SEQUENCE, PRECALL, CALL.

use crate::objects::descr::{BuiltinFunction, MethodDescr};
use crate::objects::function::FunctionObject;
use crate::typeobj::{
    BUILTIN_FUNCTION_TYPE, DICT_TYPE, FUNCTION_TYPE, LIST_TYPE, METHOD_DESCR_TYPE, METHOD_TYPE, STR_TYPE,
    TUPLE_TYPE, TYPE_TYPE,
};

fn finish(st: &mut FamilyStats, instr: *mut u16, form: Option<u8>) {
    // SAFETY: callers pass an instruction followed by its cache units.
    unsafe {
        match form {
            Some(f) => {
                rewrite(instr, f);
                st.successes += 1;
            }
            None => attempt_failed(instr.add(1)),
        }
    }
}

/// Whether `opcode` is one of the conditional jumps a COMPARE_OP_*_JUMP
/// form absorbs.
pub fn is_bool_jump(opcode: u8) -> bool {
    matches!(
        opcode,
        op::POP_JUMP_FORWARD_IF_FALSE
            | op::POP_JUMP_FORWARD_IF_TRUE
            | op::POP_JUMP_BACKWARD_IF_FALSE
            | op::POP_JUMP_BACKWARD_IF_TRUE
    )
}

/// COMPARE_OP followed by a conditional jump, on two small ints, two floats
/// or (for `==`/`!=`) two exact strs: the compare and the jump fused.
///
/// # Safety
/// `instr` is a COMPARE_OP followed by its 2 cache units.
pub(crate) unsafe fn compare_op(instr: *mut u16, oparg: u32, lhs: &Value, rhs: &Value, next_opcode: u8) {
    let st = stats(Family::CompareOp);
    st.attempts += 1;
    let form = if !is_bool_jump(next_opcode) {
        None
    } else if lhs.is_small_int() && rhs.is_small_int() {
        Some(op::COMPARE_OP_INT_JUMP)
    } else if lhs.is_float() && rhs.is_float() {
        Some(op::COMPARE_OP_FLOAT_JUMP)
    } else if (oparg == 2 || oparg == 3) && is_exact(lhs, &STR_TYPE) && is_exact(rhs, &STR_TYPE) {
        Some(op::COMPARE_OP_STR_JUMP)
    } else {
        None
    };
    finish(st, instr, form);
}

static GETITEM_NAME: GilCell<Option<Value>> = GilCell::new(None);
static INIT_NAME: GilCell<Option<Value>> = GilCell::new(None);

/// The interned `text`, looked up once and kept in `slot`.
fn interned(slot: &'static GilCell<Option<Value>>, text: &str) -> Value {
    // SAFETY: GIL held; interning runs no Python code.
    unsafe { slot.get_mut() }.get_or_insert_with(|| crate::objects::str::intern(text)).clone()
}

/// For a class call `cls(*args)` with `nargs` positional arguments: the
/// class's Python `__init__` and its `__new__` slot, when the call can
/// allocate through that slot and run `__init__` in a frame pushed by the
/// dispatch loop (metaclass exactly `type`, `__new__` inherited from
/// `object`, `__init__` a plain function whose parameters the arguments
/// fill, defaults included, and not a generator or coroutine).
pub(crate) fn python_init_target(cls: &Value, nargs: usize) -> Option<(Value, crate::typeobj::NewFn)> {
    use pyrite_bytecode::code::flags as co_flags;
    if !is_exact(cls, &TYPE_TYPE) {
        return None;
    }
    let t = cls.downcast_ref::<crate::typeobj::TypeObject>()?;
    let newf = t.slots().new?;
    let object_new = crate::typeobj::OBJECT_TYPE.get().slots().new?;
    if newf as usize != object_new as usize || t.slots().init.is_none() {
        return None;
    }
    let init = t.lookup(&interned(&INIT_NAME, "__init__"))?;
    if !is_exact(&init, &FUNCTION_TYPE) {
        return None;
    }
    let f = init.downcast_ref::<FunctionObject>()?;
    let special = co_flags::GENERATOR | co_flags::COROUTINE | co_flags::ITERABLE_COROUTINE | co_flags::ASYNC_GENERATOR;
    if f.code().flags & special != 0 {
        return None;
    }
    if !simple_positional(f, nargs + 1) && defaults_fill(f, nargs + 1).is_none() {
        return None;
    }
    Some((init, newf))
}

/// The Python `__getitem__` of `container`'s class when a subscript can
/// call it directly: a plain function taking exactly (self, key).
pub(crate) fn python_getitem(container: &Value) -> Option<Value> {
    let ty = type_of(container);
    if ty.version_tag.get() == 0 {
        return None;
    }
    let f = ty.lookup(&interned(&GETITEM_NAME, "__getitem__"))?;
    if !is_exact(&f, &FUNCTION_TYPE) {
        return None;
    }
    let fo = f.downcast_ref::<FunctionObject>()?;
    simple_positional(fo, 2).then_some(f)
}

/// Whether `f` takes exactly `nargs` positional arguments with no `*args`,
/// `**kwargs` or keyword-only parameters (arguments move straight into its
/// first slots).
#[inline(always)]
pub(crate) fn simple_positional(f: &FunctionObject, nargs: usize) -> bool {
    use pyrite_bytecode::code::flags as co_flags;
    let c = f.code();
    c.flags & (co_flags::VARARGS | co_flags::VARKEYWORDS) == 0 && c.kwonlyargcount == 0 && c.argcount as usize == nargs
}

/// BINARY_SUBSCR cache: [counter, type version (2), unused].
///
/// # Safety
/// `instr` is a BINARY_SUBSCR followed by its 4 cache units.
pub(crate) unsafe fn binary_subscr(instr: *mut u16, container: &Value, sub: &Value) {
    let st = stats(Family::BinarySubscr);
    st.attempts += 1;
    let form = if is_exact(container, &LIST_TYPE) && sub.is_small_int() {
        Some(op::BINARY_SUBSCR_LIST_INT)
    } else if is_exact(container, &TUPLE_TYPE) && sub.is_small_int() {
        Some(op::BINARY_SUBSCR_TUPLE_INT)
    } else if is_exact(container, &DICT_TYPE) {
        Some(op::BINARY_SUBSCR_DICT)
    } else if python_getitem(container).is_some() {
        write_u32(instr.add(2), type_of(container).version_tag());
        Some(op::BINARY_SUBSCR_GETITEM)
    } else {
        None
    };
    finish(st, instr, form);
}

/// # Safety
/// `instr` is a STORE_SUBSCR followed by its cache unit.
pub(crate) unsafe fn store_subscr(instr: *mut u16, container: &Value, sub: &Value) {
    let st = stats(Family::StoreSubscr);
    st.attempts += 1;
    let form = if is_exact(container, &LIST_TYPE) && sub.is_small_int() {
        Some(op::STORE_SUBSCR_LIST_INT)
    } else if is_exact(container, &DICT_TYPE) {
        Some(op::STORE_SUBSCR_DICT)
    } else {
        None
    };
    finish(st, instr, form);
}

/// # Safety
/// `instr` is an UNPACK_SEQUENCE followed by its cache unit.
pub(crate) unsafe fn unpack_sequence(instr: *mut u16, seq: &Value, n: usize) {
    use crate::objects::list::ListObject;
    use crate::objects::tuple::TupleObject;
    let st = stats(Family::UnpackSequence);
    st.attempts += 1;
    let tuple_len = if is_exact(seq, &TUPLE_TYPE) { seq.downcast_ref::<TupleObject>().map(|t| t.len()) } else { None };
    let list_len = if is_exact(seq, &LIST_TYPE) { seq.downcast_ref::<ListObject>().map(|l| l.len()) } else { None };
    let form = match (tuple_len, list_len) {
        (Some(2), _) if n == 2 => Some(op::UNPACK_SEQUENCE_TWO_TUPLE),
        (Some(k), _) if k == n => Some(op::UNPACK_SEQUENCE_TUPLE),
        (_, Some(k)) if k == n => Some(op::UNPACK_SEQUENCE_LIST),
        _ => None,
    };
    finish(st, instr, form);
}

/// Whether `v` is the type object `t` itself.
#[inline(always)]
pub(crate) fn is_the_type(v: &Value, t: &'static crate::typeobj::StaticType) -> bool {
    v.is_ptr() && std::ptr::eq(v.ptr_unchecked() as *const u8, t.ptr() as *const u8)
}

/// The native functions some PRECALL forms recognise, by address.
pub(crate) fn is_native(f: crate::typeobj::NativeFn, target: crate::typeobj::NativeFn) -> bool {
    f as usize == target as usize
}

/// PRECALL forms by the callable seen now. `x` and `y` are the two stack
/// entries below the `n` arguments (NULL and the callable, or a method and
/// its self). Forms other than BOUND_METHOD and PYFUNC perform the call
/// themselves and skip the CALL that follows (checked here to follow).
///
/// # Safety
/// `instr` is a PRECALL followed by its cache unit and then the CALL.
pub(crate) unsafe fn precall(instr: *mut u16, n: usize, x: &Value, y: &Value, has_kw: bool) {
    let st = stats(Family::Precall);
    st.attempts += 1;
    let call = *instr.add(2);
    if (call & 0xff) as u8 != op::CALL || (call >> 8) as usize != n {
        finish(st, instr, None);
        return;
    }
    let is_meth = !x.is_null();
    let callable = if is_meth { x } else { y };
    let total = n + usize::from(is_meth);
    let form = if !is_meth && is_exact(y, &METHOD_TYPE) {
        Some(op::PRECALL_BOUND_METHOD)
    } else if is_exact(callable, &FUNCTION_TYPE) {
        Some(op::PRECALL_PYFUNC)
    } else if is_exact(callable, &BUILTIN_FUNCTION_TYPE) {
        let b = callable.downcast_ref::<BuiltinFunction>();
        let self_null = b.is_some_and(|b| b.self_.is_null());
        let func = b.map(|b| b.func);
        if has_kw {
            Some(op::PRECALL_BUILTIN_FAST_WITH_KEYWORDS)
        } else if !is_meth && self_null && total == 1 && func.is_some_and(|f| is_native(f, crate::builtins::len)) {
            Some(op::PRECALL_NO_KW_LEN)
        } else if !is_meth
            && self_null
            && total == 2
            && func.is_some_and(|f| is_native(f, crate::builtins::isinstance_builtin))
        {
            Some(op::PRECALL_NO_KW_ISINSTANCE)
        } else if is_meth && !self_null {
            None
        } else if total == 1 {
            Some(op::PRECALL_NO_KW_BUILTIN_O)
        } else {
            Some(op::PRECALL_NO_KW_BUILTIN_FAST)
        }
    } else if is_exact(callable, &METHOD_DESCR_TYPE) && total >= 1 {
        let md = callable.downcast_ref::<MethodDescr>();
        if has_kw {
            Some(op::PRECALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS)
        } else if total == 2 && md.is_some_and(|m| is_native(m.func, crate::types::seq::list_append)) {
            Some(op::PRECALL_NO_KW_LIST_APPEND)
        } else if total == 1 {
            Some(op::PRECALL_NO_KW_METHOD_DESCRIPTOR_NOARGS)
        } else if total == 2 {
            Some(op::PRECALL_NO_KW_METHOD_DESCRIPTOR_O)
        } else {
            Some(op::PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST)
        }
    } else if has_kw || is_meth || total != 1 {
        if !has_kw && callable.downcast_ref::<crate::typeobj::TypeObject>().is_some() {
            Some(op::PRECALL_BUILTIN_CLASS)
        } else {
            None
        }
    } else if is_the_type(callable, &TYPE_TYPE) {
        Some(op::PRECALL_NO_KW_TYPE_1)
    } else if is_the_type(callable, &STR_TYPE) {
        Some(op::PRECALL_NO_KW_STR_1)
    } else if is_the_type(callable, &TUPLE_TYPE) {
        Some(op::PRECALL_NO_KW_TUPLE_1)
    } else if callable.downcast_ref::<crate::typeobj::TypeObject>().is_some() {
        Some(op::PRECALL_BUILTIN_CLASS)
    } else {
        None
    };
    finish(st, instr, form);
}

/// CALL of a Python function: exact arguments, or fewer with defaults.
///
/// # Safety
/// `instr` is a CALL followed by its 4 cache units.
pub(crate) unsafe fn call(instr: *mut u16, callable: &Value, nargs: usize, has_kw: bool) {
    let st = stats(Family::Call);
    st.attempts += 1;
    let form = match callable.downcast_ref::<FunctionObject>() {
        Some(f) if !has_kw && is_exact(callable, &FUNCTION_TYPE) => {
            if simple_positional(f, nargs) {
                Some(op::CALL_PY_EXACT_ARGS)
            } else if defaults_fill(f, nargs).is_some() {
                Some(op::CALL_PY_WITH_DEFAULTS)
            } else {
                None
            }
        }
        _ => None,
    };
    finish(st, instr, form);
}

/// For a call of `f` with `nargs` positional arguments that its defaults
/// complete: the defaults tuple and the index of the first default used.
#[inline(always)]
pub(crate) fn defaults_fill(f: &FunctionObject, nargs: usize) -> Option<(&crate::objects::tuple::TupleObject, usize)> {
    use pyrite_bytecode::code::flags as co_flags;
    let c = f.code();
    if c.flags & (co_flags::VARARGS | co_flags::VARKEYWORDS) != 0 || c.kwonlyargcount != 0 {
        return None;
    }
    let argc = c.argcount as usize;
    let d = f.defaults().downcast_ref::<crate::objects::tuple::TupleObject>()?;
    let nd = d.len();
    if nargs >= argc || nargs + nd < argc {
        return None;
    }
    Some((d, nargs + nd - argc))
}

// ---------------------------------------------------------------------------
// LOAD_ATTR of class attributes and properties.
//
// Their guard data does not fit LOAD_ATTR's four cache units (3.11 has no
// such forms; 3.12 grew the cache for them), so the cache holds the type
// version and the index of an entry of this side table, which holds the
// rest. An entry belongs to one instruction (its address), which reuses it
// when it specializes again; entries are never freed, so the table is
// bounded by the number of sites, and a full table refuses to specialize.

use crate::objects::descr::Property;
use crate::typeobj::PROPERTY_TYPE;

struct ClassAttrEntry {
    /// The instruction that owns the entry.
    site: usize,
    /// The type version the entry was made for (the cache holds it too).
    version: u32,
    /// LOAD_ATTR_CLASS_VIA_INSTANCE: the length of the class's shared keys
    /// when the name was not among them (they only grow; a longer list may
    /// have gained the name, so the guard fails).
    keys_len: u32,
    /// The attribute (the property object for LOAD_ATTR_PROPERTY), held
    /// borrowed: while the type keeps `version`, its MRO dicts hold it.
    bits: u64,
}

static CLASS_ATTRS: GilCell<Vec<ClassAttrEntry>> = GilCell::new(Vec::new());
const MAX_CLASS_ATTR_ENTRIES: usize = u16::MAX as usize;

/// Fills (or allocates) the side-table entry of `instr` and writes the
/// cache: [counter, version (2), entry index]. False when the table is full.
///
/// # Safety
/// `instr` is a LOAD_ATTR followed by its 4 cache units.
unsafe fn set_class_attr_entry(instr: *mut u16, version: u32, keys_len: u32, value: &Value) -> bool {
    let table = CLASS_ATTRS.get_mut();
    let cache = instr.add(1);
    let site = instr as usize;
    let old = *cache.add(3) as usize;
    let ix = match table.get(old) {
        Some(e) if e.site == site => old,
        _ if table.len() < MAX_CLASS_ATTR_ENTRIES => {
            table.push(ClassAttrEntry { site, version: 0, keys_len: 0, bits: 0 });
            table.len() - 1
        }
        _ => return false,
    };
    table[ix] = ClassAttrEntry { site, version, keys_len, bits: value.bits() };
    write_u32(cache.add(1), version);
    *cache.add(3) = ix as u16;
    true
}

/// The entry of a LOAD_ATTR_CLASS / _CLASS_VIA_INSTANCE / _PROPERTY site
/// whose type (`ty`) still has the version the site was specialized for.
///
/// # Safety
/// `cache` is the instruction's first cache unit.
#[inline(always)]
unsafe fn class_attr_entry(ty: &TypeObject, cache: *const u16) -> Option<&'static ClassAttrEntry> {
    let version = read_u32(cache.add(1));
    if ty.version_tag.get() != version {
        return None;
    }
    let e = CLASS_ATTRS.get_mut().get(*cache.add(3) as usize)?;
    (e.version == version).then_some(e)
}

/// A class attribute a specialized load may hand out as it is: found on the
/// type and not a descriptor (nothing to bind or call).
fn plain_class_attr(ty: &TypeObject, name: &Value) -> Option<Value> {
    let v = ty.lookup(name)?;
    type_of(&v).slots().descr_get.is_none().then_some(v)
}

/// LOAD_ATTR_CLASS (`Cls.name` on a class whose metaclass is `type`, the
/// name a plain attribute of its MRO and not of `type` itself),
/// LOAD_ATTR_CLASS_VIA_INSTANCE (`obj.name` found on the class only) and
/// LOAD_ATTR_PROPERTY (`obj.name` a `property` whose getter is a Python
/// function of one parameter). Returns whether it specialized.
///
/// # Safety
/// `instr` is a LOAD_ATTR followed by its 4 cache units.
unsafe fn load_attr_class_forms(instr: *mut u16, owner: &Value, name: &Value) -> bool {
    if is_exact(owner, &TYPE_TYPE) {
        let Some(cls) = owner.downcast_ref::<TypeObject>() else { return false };
        // `type`'s own attributes (`__name__`, `mro`, ...) come first or bind:
        // `type` is immutable, so this answer never changes.
        if TYPE_TYPE.get().lookup(name).is_some() {
            return false;
        }
        let version = cls.version_tag();
        let Some(v) = plain_class_attr(cls, name) else { return false };
        if version == 0 || !set_class_attr_entry(instr, version, 0, &v) {
            return false;
        }
        rewrite(instr, pyrite_bytecode::internal::LOAD_ATTR_CLASS);
        return true;
    }
    if !generic_attribute_access(owner) {
        return false;
    }
    let ty = type_of(owner);
    let version = ty.version_tag();
    if version == 0 {
        return false;
    }
    let Some(attr) = ty.lookup(name) else { return false };
    if is_exact(&attr, &PROPERTY_TYPE) {
        if property_getter(&attr).is_none() || !set_class_attr_entry(instr, version, 0, &attr) {
            return false;
        }
        rewrite(instr, pyrite_bytecode::internal::LOAD_ATTR_PROPERTY);
        return true;
    }
    if type_of(&attr).slots().descr_get.is_some() {
        return false;
    }
    // The instance must not have an attribute of that name, now or later
    // (the keys' length is the guard for "later").
    let keys_len = match owner.pre_header() {
        None => 0,
        Some(pre) => {
            let attrs = &*pre.attrs.get();
            let keys = &*ty.shared_keys.get();
            if attrs.has_dict() || keys.index_of(name).is_some() {
                return false;
            }
            keys.names.len() as u32
        }
    };
    if !set_class_attr_entry(instr, version, keys_len, &attr) {
        return false;
    }
    rewrite(instr, pyrite_bytecode::internal::LOAD_ATTR_CLASS_VIA_INSTANCE);
    true
}

/// LOAD_ATTR_CLASS: the attribute when `owner` is still a class of the
/// cached version.
///
/// # Safety
/// `cache` is the instruction's first cache unit.
#[inline(always)]
pub(crate) unsafe fn class_attr(owner: &Value, cache: *const u16) -> Option<Value> {
    if !is_exact(owner, &TYPE_TYPE) {
        return None;
    }
    let cls = &*(owner.ptr_unchecked() as *const TypeObject);
    let e = class_attr_entry(cls, cache)?;
    Some(borrowed_value(e.bits))
}

/// LOAD_ATTR_CLASS_VIA_INSTANCE: the class attribute when the instance's
/// type has the cached version and the instance has no dict and no value
/// of that name (its class's keys did not grow).
///
/// # Safety
/// `cache` is the instruction's first cache unit.
#[inline(always)]
pub(crate) unsafe fn class_attr_via_instance(owner: &Value, cache: *const u16) -> Option<Value> {
    let ty = type_of(owner);
    let e = class_attr_entry(ty, cache)?;
    if let Some(pre) = owner.pre_header() {
        if (*pre.attrs.get()).has_dict() || (*ty.shared_keys.get()).names.len() as u32 != e.keys_len {
            return None;
        }
    }
    Some(borrowed_value(e.bits))
}

/// LOAD_ATTR_PROPERTY: the getter to run in a pushed frame when the
/// instance's type has the cached version (so the attribute is still that
/// property, and the type's getattribute the generic one) and the
/// property's getter is still a Python function of one parameter.
///
/// # Safety
/// `cache` is the instruction's first cache unit.
#[inline(always)]
pub(crate) unsafe fn property_fget(owner: &Value, cache: *const u16) -> Option<Value> {
    let e = class_attr_entry(type_of(owner), cache)?;
    let prop = Value::from_raw_bits(e.bits);
    let r = property_getter(&prop);
    std::mem::forget(prop);
    r
}

/// The getter of the property `prop` when a pushed frame can run it: a plain
/// Python function (not a generator or coroutine) of exactly one parameter.
fn property_getter(prop: &Value) -> Option<Value> {
    use pyrite_bytecode::code::flags as co_flags;
    let p = prop.downcast_ref::<Property>()?;
    // SAFETY: cloned out; the cell is written only by property.__init__.
    let fget = unsafe { (*p.fget.get()).clone() };
    if !is_exact(&fget, &FUNCTION_TYPE) {
        return None;
    }
    let f = fget.downcast_ref::<FunctionObject>()?;
    let special = co_flags::GENERATOR | co_flags::COROUTINE | co_flags::ITERABLE_COROUTINE | co_flags::ASYNC_GENERATOR;
    if f.code().flags & special != 0 || !simple_positional(f, 1) {
        return None;
    }
    Some(fget)
}

/// A new reference to the value whose bits a cache holds borrowed.
#[inline(always)]
unsafe fn borrowed_value(bits: u64) -> Value {
    let v = Value::from_raw_bits(bits);
    let r = v.clone();
    std::mem::forget(v);
    r
}
