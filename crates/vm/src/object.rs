//! Heap objects: the common header, allocation and deallocation through the
//! object's type, the optional pre-header of instances that have attributes,
//! and typed references.
//!
//! Every heap object is a `#[repr(C)]` struct that starts with [`ObjHeader`].
//! Which struct an object is, is given by its type's [`LayoutKind`]; a subclass
//! of a builtin type (`class L(list)`) has the builtin's layout, so the
//! builtin's methods work on its instances unchanged. Objects whose type gives
//! them a `__dict__` carry a [`PreHeader`] just *before* the header (as CPython
//! 3.11's managed dicts do), so attribute storage sits at a fixed negative
//! offset whatever the size of the object itself.

use crate::gil::GilCell;
use crate::instance::InstanceAttrs;
use crate::typeobj::{type_flags, TypeObject};
use crate::value::Value;
use std::alloc::Layout;
use std::cell::{Cell, UnsafeCell};
use std::marker::PhantomData;
use std::ptr::NonNull;

#[repr(C)]
pub struct ObjHeader {
    /// 32 bits are plenty (a count of 2^32 would need 32 GiB of references)
    /// and leave room for the collector's word in the same 8 bytes.
    pub(crate) refcount: Cell<u32>,
    /// The cycle collector's word (`gc.rs`): generation and index in its
    /// tracking table, weakref and finalized flags; 0 for untracked objects
    /// without weakrefs.
    pub(crate) gc: Cell<u32>,
    pub(crate) ty: Cell<*const TypeObject>,
}

/// Refcount of statically allocated objects: never reaches zero.
pub const IMMORTAL_REFCOUNT: u32 = 1 << 30;

impl ObjHeader {
    pub(crate) fn new(ty: *const TypeObject) -> ObjHeader {
        ObjHeader {
            refcount: Cell::new(1),
            gc: Cell::new(0),
            ty: Cell::new(ty),
        }
    }

    pub(crate) const fn immortal(ty: *const TypeObject) -> ObjHeader {
        ObjHeader {
            refcount: Cell::new(IMMORTAL_REFCOUNT),
            gc: Cell::new(0),
            ty: Cell::new(ty),
        }
    }
}

/// Which builtin struct an object is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LayoutKind {
    /// Just the header (instances of `object`, None, NotImplemented, ...).
    Object,
    Int,
    Float,
    Complex,
    Str,
    Bytes,
    Tuple,
    List,
    Dict,
    Type,
    Function,
    BoundMethod,
    Code,
    Module,
    Cell,
    BuiltinFunction,
    MethodDescr,
    SlotWrapper,
    MethodWrapper,
    GetSetDescr,
    Property,
    StaticMethod,
    ClassMethod,
    Exception,
    Traceback,
    Range,
    Slice,
    Super,
    /// Iterators over the builtin sequences and mappings.
    SeqIter,
    RangeIter,
    DictIter,
    /// enumerate, zip, map, filter, reversed, callable_iterator.
    NativeIter,
    Generator,
    Set,
    MemberDescr,
    /// Objects of native modules (`objects::native::NativeObject`).
    Native,
    ByteArray,
    MemoryView,
}

/// Whether an allocation of `bytes` cannot succeed: more than the machine's
/// RAM and swap together (what Linux's overcommit heuristic refuses, so
/// where CPython's malloc fails and it raises MemoryError). Callers raise
/// MemoryError instead of letting the allocator abort the process.
/// MemoryError (as CPython raises it) when `bytes` cannot be allocated here.
pub(crate) fn check_allocation(vm: &mut crate::vm::Vm, bytes: u128) -> crate::exception::PyResult<()> {
    if allocation_exceeds_memory(bytes) {
        return Err(vm.new_error(crate::exception::ExcKind::MemoryError, ""));
    }
    Ok(())
}

pub fn allocation_exceeds_memory(bytes: u128) -> bool {
    if bytes > isize::MAX as u128 {
        return true;
    }
    // Small requests are the common case (zfill, padding, repetition on hot
    // paths): no machine pyrite runs on has less than this, so skip the query.
    if bytes <= 1 << 26 {
        return false;
    }
    bytes > machine_memory()
}

/// RAM plus swap in bytes, asked of the kernel once (sysinfo is a system call).
fn machine_memory() -> u128 {
    static TOTAL: std::sync::OnceLock<u128> = std::sync::OnceLock::new();
    *TOTAL.get_or_init(|| {
        // SAFETY: sysinfo fills the zeroed struct it is given.
        let mut info: libc::sysinfo = unsafe { std::mem::zeroed() };
        if unsafe { libc::sysinfo(&mut info) } != 0 {
            return 1u128 << 40;
        }
        let unit = u128::from(info.mem_unit.max(1));
        (info.totalram as u128 + info.totalswap as u128) * unit
    })
}

/// A Rust struct that is the layout of some Python objects.
///
/// # Safety
/// The struct is `#[repr(C)]`, starts with an `ObjHeader`, and every type whose
/// `layout` is `KIND` allocates its instances as this struct.
pub unsafe trait PyPayload: Sized {
    const KIND: LayoutKind;
}

/// Attribute storage of objects with a `__dict__`, placed before the header:
/// two words (values pointer, materialized dict), so a plain instance is 32
/// bytes plus its values block (and 8 bytes in the collector's table).
/// CPython 3.11's is 56 bytes (16 GC links, 16 pre-header: dict and values
/// pointers, 16 object header, 8 weakref list) plus its values array. A class
/// whose instances have no `__dict__` (only `__slots__`) has no pre-header;
/// `__slots__` values sit before it (`instance::slot_ptr`), one word each, as
/// CPython stores them inline in the object. The finalized bit lives in the
/// header's collector word (`gc::FINALIZED_FLAG`).
#[repr(C)]
pub struct PreHeader {
    pub(crate) attrs: UnsafeCell<InstanceAttrs>,
}

const PRE: usize = std::mem::size_of::<PreHeader>();

/// Bytes before the header of an object of `ty`: the pre-header and the
/// `__slots__` values.
#[inline(always)]
pub(crate) fn pre_size(ty: &TypeObject) -> usize {
    let flags = ty.flags.get();
    if flags & type_flags::HAS_DICT == 0 {
        return 0;
    }
    crate::instance::fixed_pre_size(flags) + ty.nslots.get() as usize * std::mem::size_of::<Value>()
}

#[inline(always)]
pub(crate) unsafe fn incref(p: NonNull<ObjHeader>) {
    let rc = &(*p.as_ptr()).refcount;
    rc.set(rc.get() + 1);
}

#[inline(always)]
pub(crate) unsafe fn decref(p: NonNull<ObjHeader>) {
    let rc = &(*p.as_ptr()).refcount;
    let n = rc.get() - 1;
    rc.set(n);
    if n == 0 {
        dealloc(p);
    }
}

/// Deallocation nesting beyond which objects are queued instead of freed at
/// once, so that dropping a million-deep nested list cannot overflow the Rust
/// stack (CPython's "trashcan").
const TRASHCAN_DEPTH: usize = 64;

struct Trashcan {
    depth: usize,
    pending: Vec<NonNull<ObjHeader>>,
}

static TRASHCAN: GilCell<Trashcan> = GilCell::new(Trashcan {
    depth: 0,
    pending: Vec::new(),
});

#[inline(never)]
pub(crate) unsafe fn dealloc(p: NonNull<ObjHeader>) {
    let can = TRASHCAN.as_ptr();
    if (*can).depth >= TRASHCAN_DEPTH {
        (*can).pending.push(p);
        return;
    }
    (*can).depth += 1;
    dealloc_now(p);
    (*can).depth -= 1;
    if (*can).depth == 0 {
        while let Some(q) = (*can).pending.pop() {
            (*can).depth += 1;
            dealloc_now(q);
            (*can).depth -= 1;
        }
    }
}

/// Objects whose `__del__` is due, each holding one reference (GIL-protected).
static PENDING_FINALIZERS: GilCell<Vec<NonNull<ObjHeader>>> = GilCell::new(Vec::new());
/// Set when `PENDING_FINALIZERS` is non-empty, when weakref callbacks are
/// queued, or when a collection is due; checked between instructions.
pub(crate) static FINALIZERS_DUE: GilCell<bool> = GilCell::new(false);

/// Takes the objects whose `__del__` must run now (each with one reference).
pub(crate) fn take_pending_finalizers() -> Vec<Value> {
    // SAFETY: GIL held.
    unsafe {
        *FINALIZERS_DUE.get_mut() = false;
        std::mem::take(PENDING_FINALIZERS.get_mut())
            .into_iter()
            .map(Value::from_owned_ptr)
            .collect()
    }
}



/// Frees the object through its type: the payload's fields are dropped, then
/// the pre-header's attributes, then the memory, and last the type's reference.
/// An instance whose class defines `__del__` is first queued (kept alive) so
/// that the VM runs the finalizer at the next instruction boundary, once.
unsafe fn dealloc_now(p: NonNull<ObjHeader>) {
    let ty = (*p.as_ptr()).ty.get();
    let flags = (*ty).flags.get();
    // A suspended generator is closed first (its `finally` blocks and `with`
    // exits run), as CPython's generator finalizer does; closing leaves it
    // Finished, so the second release frees it.
    if matches!((*ty).layout, LayoutKind::Generator) {
        let gen = &*(p.as_ptr() as *const crate::objects::generator::GeneratorObject);
        // An un-awaited coroutine warns from its finalizer (finalizing marks it Finished).
        let state = gen.state.get();
        if state == crate::objects::generator::GenState::Suspended
            || (state == crate::objects::generator::GenState::Created && gen.is_coroutine())
        {
            (*p.as_ptr()).refcount.set(1);
            PENDING_FINALIZERS.get_mut().push(p);
            *FINALIZERS_DUE.get_mut() = true;
            return;
        }
    }
    if flags & type_flags::HAS_FINALIZER != 0 && flags & type_flags::HAS_DICT != 0 {
        // The runner marks it finalized once `__del__` returned (as
        // CPython's PyObject_CallFinalizer): it holds a reference meanwhile,
        // so the object cannot come back here before that.
        if (*p.as_ptr()).gc.get() & crate::gc::FINALIZED_FLAG == 0 {
            (*p.as_ptr()).refcount.set(1);
            PENDING_FINALIZERS.get_mut().push(p);
            *FINALIZERS_DUE.get_mut() = true;
            return;
        }
    }
    let gc_word = (*p.as_ptr()).gc.get();
    if gc_word != 0 {
        // Untrack, and clear the weak references (their callbacks are queued).
        crate::gc::forget(p, gc_word);
    }
    let kind = (*ty).layout;
    let pre = pre_size(&*ty);
    let size = payload_size(kind, p.as_ptr());
    // Keep the object alive (refcount 1) while its fields are dropped, so that
    // nothing reached from them can free it a second time.
    (*p.as_ptr()).refcount.set(1);
    drop_payload(kind, p.as_ptr());
    if pre != 0 {
        drop_pre_header(p.as_ptr(), &*ty);
    }
    let base = (p.as_ptr() as *mut u8).sub(pre);
    let total = size + pre;
    // Invariant: this is the size `alloc_raw` used for the same type and size.
    free_block(base, total);
    // Instances hold a reference to their type (static types are immortal).
    decref(NonNull::new_unchecked(ty as *mut ObjHeader));
}

/// Small blocks are recycled through per-size free lists (as CPython's
/// pymalloc does for objects), which spares the system allocator the
/// allocate/free churn of short-lived objects.
const SMALL_LIMIT: usize = 512;
const SIZE_CLASSES: usize = SMALL_LIMIT / 8;
/// Blocks kept per size class before further frees go back to the system.
const FREE_LIST_CAP: usize = 1 << 14;

struct FreeLists {
    heads: [*mut u8; SIZE_CLASSES],
    counts: [usize; SIZE_CLASSES],
}

static FREE_LISTS: GilCell<FreeLists> = GilCell::new(FreeLists {
    heads: [std::ptr::null_mut(); SIZE_CLASSES],
    counts: [0; SIZE_CLASSES],
});

/// Allocation sizes are multiples of 8 (the free lists' classes).
#[inline(always)]
pub(crate) fn round_size(total: usize) -> usize {
    (total + 7) & !7
}

/// A block of at least `total` bytes, 8-aligned.
///
/// # Safety
/// GIL held; the block is released with `free_block(p, total)`.
#[inline]
pub(crate) unsafe fn alloc_block(total: usize) -> *mut u8 {
    let size = round_size(total.max(8));
    if size <= SMALL_LIMIT {
        let lists = FREE_LISTS.get_mut();
        let class = size / 8 - 1;
        let head = lists.heads[class];
        if !head.is_null() {
            // The first word of a free block links to the next one.
            lists.heads[class] = *(head as *mut *mut u8);
            lists.counts[class] -= 1;
            return head;
        }
    }
    let layout = match Layout::from_size_align(size, 8) {
        Ok(l) => l,
        Err(_) => std::alloc::handle_alloc_error(Layout::new::<u64>()),
    };
    let mem = std::alloc::alloc(layout);
    if mem.is_null() {
        std::alloc::handle_alloc_error(layout);
    }
    mem
}

/// Releases a block from `alloc_block(total)`.
///
/// # Safety
/// `p` came from `alloc_block` (or `realloc_block`) with the same `total`.
#[inline]
pub(crate) unsafe fn free_block(p: *mut u8, total: usize) {
    let size = round_size(total.max(8));
    if size <= SMALL_LIMIT {
        let lists = FREE_LISTS.get_mut();
        let class = size / 8 - 1;
        if lists.counts[class] < FREE_LIST_CAP {
            *(p as *mut *mut u8) = lists.heads[class];
            lists.heads[class] = p;
            lists.counts[class] += 1;
            return;
        }
    }
    std::alloc::dealloc(p, Layout::from_size_align_unchecked(size, 8));
}

/// Resizes a block from `alloc_block(old_total)` to hold `new_total` bytes.
///
/// # Safety
/// As `free_block`; the contents up to the smaller size are kept.
pub(crate) unsafe fn realloc_block(p: *mut u8, old_total: usize, new_total: usize) -> *mut u8 {
    let (old, new) = (round_size(old_total.max(8)), round_size(new_total.max(8)));
    if old == new {
        return p;
    }
    if old <= SMALL_LIMIT || new <= SMALL_LIMIT {
        let q = alloc_block(new_total);
        std::ptr::copy_nonoverlapping(p, q, old.min(new));
        free_block(p, old_total);
        return q;
    }
    let q = std::alloc::realloc(p, Layout::from_size_align_unchecked(old, 8), new);
    if q.is_null() {
        std::alloc::handle_alloc_error(Layout::from_size_align_unchecked(new, 8));
    }
    q
}

/// Heap objects allocated so far (for tests and statistics).
static ALLOCATIONS: GilCell<u64> = GilCell::new(0);

/// Number of heap objects allocated since start-up.
pub fn allocation_count() -> u64 {
    // SAFETY: GIL held by the caller (any Vm user).
    unsafe { *ALLOCATIONS.get_mut() }
}

/// Allocates `size` bytes for an object of `ty` (plus its pre-header when the
/// type has one), with the header initialized. The payload after the header is
/// uninitialized: the caller writes it before the object is used.
pub(crate) unsafe fn alloc_raw(ty: &TypeObject, size: usize) -> NonNull<ObjHeader> {
    let pre = pre_size(ty);
    let total = size + pre;
    *ALLOCATIONS.get_mut() += 1;
    let mem = alloc_block(total);
    let obj = mem.add(pre) as *mut ObjHeader;
    if pre != 0 {
        // `__slots__` values (unset), then the pre-header words.
        let nslots = ty.nslots.get() as usize;
        let slots = obj as *mut u8;
        let fixed = crate::instance::fixed_pre_size(ty.flags.get());
        for i in 0..nslots {
            std::ptr::write(slots.sub(fixed + (i + 1) * 8) as *mut Value, Value::NULL);
        }
        if fixed == PRE {
            std::ptr::write(
                slots.sub(PRE) as *mut PreHeader,
                PreHeader {
                    attrs: UnsafeCell::new(InstanceAttrs::default()),
                },
            );
        }
    }
    incref(NonNull::from(&ty.header));
    std::ptr::write(obj, ObjHeader::new(ty));
    let p = NonNull::new_unchecked(obj);
    // Instances of classes are tracked even without attributes (CPython's
    // heap types all have Py_TPFLAGS_HAVE_GC).
    if ty.flags.get() & type_flags::HAS_DICT != 0 || crate::gc::is_container_kind(ty.layout) {
        crate::gc::track_new(p);
    }
    p
}

/// Drops what the pre-header words and `__slots__` values of `p` hold.
///
/// # Safety
/// `p` is an object of `ty` being freed, with `pre_size(ty) != 0`.
unsafe fn drop_pre_header(p: *mut ObjHeader, ty: &TypeObject) {
    if let Some(pre) = pre_header_of(p, ty) {
        std::ptr::drop_in_place(pre as *const PreHeader as *mut PreHeader);
    }
    for i in 0..ty.nslots.get() as usize {
        if let Some(slot) = crate::instance::slot_ptr(p, ty, i) {
            std::ptr::drop_in_place(slot);
        }
    }
}

/// Allocates a fixed-size object of `ty`, whose layout must be `T`'s.
/// `payload.header` is overwritten with the real header.
pub(crate) fn alloc_object<T: PyPayload>(ty: &TypeObject, payload: T) -> Value {
    debug_assert_eq!(ty.layout, T::KIND);
    // SAFETY: `T` is the layout of `ty`'s instances (PyPayload contract); the
    // header written by alloc_raw is kept by copying it into the payload.
    unsafe {
        let p = alloc_raw(ty, std::mem::size_of::<T>());
        let header = std::ptr::read(p.as_ptr());
        let obj = p.as_ptr() as *mut T;
        std::ptr::write(obj, payload);
        std::ptr::write(p.as_ptr(), header);
        Value::from_owned_ptr(p)
    }
}

/// The pre-header of an object whose type has `HAS_DICT` and not `NO_DICT`.
#[inline(always)]
pub(crate) unsafe fn pre_header<'a>(p: *const ObjHeader) -> &'a PreHeader {
    &*((p as *const u8).sub(PRE) as *const PreHeader)
}

/// The pre-header of `p` when its type `ty` gives it attribute storage.
#[inline(always)]
pub(crate) unsafe fn pre_header_of<'a>(p: *const ObjHeader, ty: &TypeObject) -> Option<&'a PreHeader> {
    let flags = ty.flags.get();
    if flags & (type_flags::HAS_DICT | type_flags::NO_DICT) == type_flags::HAS_DICT {
        Some(pre_header(p))
    } else {
        None
    }
}

/// Bytes allocated for the object itself (without pre-header).
unsafe fn payload_size(kind: LayoutKind, p: *const ObjHeader) -> usize {
    use crate::objects::*;
    use std::mem::size_of;
    match kind {
        LayoutKind::Object => size_of::<ObjHeader>(),
        LayoutKind::Int => size_of::<int::IntObject>(),
        LayoutKind::Float => size_of::<float::FloatObject>(),
        LayoutKind::Complex => size_of::<complex::ComplexObject>(),
        LayoutKind::Str => str::StrObject::alloc_size_of(p as *const str::StrObject),
        LayoutKind::Bytes => size_of::<bytes::BytesObject>(),
        LayoutKind::Tuple => tuple::TupleObject::alloc_size_of(p as *const tuple::TupleObject),
        LayoutKind::List => size_of::<list::ListObject>(),
        LayoutKind::Dict => size_of::<dict::DictObject>(),
        LayoutKind::Type => size_of::<TypeObject>(),
        LayoutKind::Function => size_of::<function::FunctionObject>(),
        LayoutKind::BoundMethod => size_of::<function::BoundMethod>(),
        LayoutKind::Code => size_of::<code::CodeObj>(),
        LayoutKind::Module => size_of::<module::ModuleObject>(),
        LayoutKind::Cell => size_of::<cell::CellObject>(),
        LayoutKind::BuiltinFunction => size_of::<descr::BuiltinFunction>(),
        LayoutKind::MethodDescr => size_of::<descr::MethodDescr>(),
        LayoutKind::SlotWrapper => size_of::<descr::SlotWrapper>(),
        LayoutKind::MethodWrapper => size_of::<descr::MethodWrapper>(),
        LayoutKind::GetSetDescr => size_of::<descr::GetSetDescr>(),
        LayoutKind::Property => size_of::<descr::Property>(),
        LayoutKind::StaticMethod | LayoutKind::ClassMethod => size_of::<descr::FuncWrapper>(),
        LayoutKind::Exception => size_of::<exception::ExceptionObject>(),
        LayoutKind::Traceback => size_of::<exception::TracebackObject>(),
        LayoutKind::Range => size_of::<range::RangeObject>(),
        LayoutKind::Slice => size_of::<slice::SliceObject>(),
        LayoutKind::Super => size_of::<superobj::SuperObject>(),
        LayoutKind::SeqIter => size_of::<iter::SeqIter>(),
        LayoutKind::RangeIter => size_of::<range::RangeIter>(),
        LayoutKind::DictIter => size_of::<dict::DictIter>(),
        LayoutKind::NativeIter => size_of::<iter::NativeIter>(),
        LayoutKind::Generator => size_of::<generator::GeneratorObject>(),
        LayoutKind::Set => size_of::<set::SetObject>(),
        LayoutKind::MemberDescr => size_of::<descr::MemberDescr>(),
        LayoutKind::Native => native::NativeObject::alloc_size_of(p as *const native::NativeObject),
        LayoutKind::ByteArray => size_of::<bytearray::ByteArrayObject>(),
        LayoutKind::MemoryView => size_of::<memoryview::MemoryViewObject>(),
    }
}

/// Drops the fields of the payload (the header has nothing to drop).
unsafe fn drop_payload(kind: LayoutKind, p: *mut ObjHeader) {
    use crate::objects::*;
    use std::ptr::drop_in_place;
    match kind {
        LayoutKind::Object | LayoutKind::Float | LayoutKind::Complex => {}
        LayoutKind::Int => drop_in_place(p as *mut int::IntObject),
        LayoutKind::Str => {} // code units are plain bytes
        LayoutKind::Bytes => drop_in_place(p as *mut bytes::BytesObject),
        LayoutKind::Tuple => tuple::TupleObject::drop_items(p as *mut tuple::TupleObject),
        LayoutKind::List => drop_in_place(p as *mut list::ListObject),
        LayoutKind::Dict => drop_in_place(p as *mut dict::DictObject),
        LayoutKind::Type => drop_in_place(p as *mut TypeObject),
        LayoutKind::Function => drop_in_place(p as *mut function::FunctionObject),
        LayoutKind::BoundMethod => drop_in_place(p as *mut function::BoundMethod),
        LayoutKind::Code => drop_in_place(p as *mut code::CodeObj),
        LayoutKind::Module => drop_in_place(p as *mut module::ModuleObject),
        LayoutKind::Cell => drop_in_place(p as *mut cell::CellObject),
        LayoutKind::BuiltinFunction => drop_in_place(p as *mut descr::BuiltinFunction),
        LayoutKind::MethodDescr => drop_in_place(p as *mut descr::MethodDescr),
        LayoutKind::SlotWrapper => drop_in_place(p as *mut descr::SlotWrapper),
        LayoutKind::MethodWrapper => drop_in_place(p as *mut descr::MethodWrapper),
        LayoutKind::GetSetDescr => drop_in_place(p as *mut descr::GetSetDescr),
        LayoutKind::Property => drop_in_place(p as *mut descr::Property),
        LayoutKind::StaticMethod | LayoutKind::ClassMethod => drop_in_place(p as *mut descr::FuncWrapper),
        LayoutKind::Exception => drop_in_place(p as *mut exception::ExceptionObject),
        LayoutKind::Traceback => drop_in_place(p as *mut exception::TracebackObject),
        LayoutKind::Range => drop_in_place(p as *mut range::RangeObject),
        LayoutKind::Slice => drop_in_place(p as *mut slice::SliceObject),
        LayoutKind::Super => drop_in_place(p as *mut superobj::SuperObject),
        LayoutKind::SeqIter => drop_in_place(p as *mut iter::SeqIter),
        LayoutKind::RangeIter => drop_in_place(p as *mut range::RangeIter),
        LayoutKind::DictIter => drop_in_place(p as *mut dict::DictIter),
        LayoutKind::NativeIter => drop_in_place(p as *mut iter::NativeIter),
        LayoutKind::Generator => drop_in_place(p as *mut generator::GeneratorObject),
        LayoutKind::Set => drop_in_place(p as *mut set::SetObject),
        LayoutKind::MemberDescr => drop_in_place(p as *mut descr::MemberDescr),
        LayoutKind::Native => native::NativeObject::drop_data(p as *mut native::NativeObject),
        LayoutKind::ByteArray => drop_in_place(p as *mut bytearray::ByteArrayObject),
        LayoutKind::MemoryView => drop_in_place(p as *mut memoryview::MemoryViewObject),
    }
}

/// An owned, typed reference to a heap object of layout `T`.
#[repr(transparent)]
pub struct PyRef<T: PyPayload> {
    ptr: NonNull<T>,
    _marker: PhantomData<*const T>,
}

impl<T: PyPayload> PyRef<T> {
    /// # Safety
    /// `p` points to a live object of layout `T` and the caller gives up one reference.
    pub(crate) unsafe fn from_owned(p: NonNull<T>) -> PyRef<T> {
        PyRef {
            ptr: p,
            _marker: PhantomData,
        }
    }

    pub fn as_value(&self) -> Value {
        Value::from_borrowed_ptr(self.ptr.cast())
    }

    pub fn into_value(self) -> Value {
        let p = self.ptr.cast();
        std::mem::forget(self);
        Value::from_owned_ptr(p)
    }

    pub fn as_ptr(&self) -> *const T {
        self.ptr.as_ptr()
    }

    pub fn ptr_eq(&self, other: &PyRef<T>) -> bool {
        self.ptr == other.ptr
    }
}

impl<T: PyPayload> Clone for PyRef<T> {
    fn clone(&self) -> Self {
        // SAFETY: a PyRef always refers to a live object.
        unsafe { incref(self.ptr.cast()) };
        PyRef {
            ptr: self.ptr,
            _marker: PhantomData,
        }
    }
}

impl<T: PyPayload> Drop for PyRef<T> {
    fn drop(&mut self) {
        // SAFETY: a PyRef owns one reference.
        unsafe { decref(self.ptr.cast()) };
    }
}

impl<T: PyPayload> std::ops::Deref for PyRef<T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: the object lives at least as long as this reference.
        unsafe { self.ptr.as_ref() }
    }
}

impl Value {
    /// The object's header, for pointer values.
    #[inline(always)]
    pub(crate) fn header(&self) -> Option<&ObjHeader> {
        // SAFETY: a pointer Value refers to a live object for as long as it lives.
        self.as_ptr().map(|p| unsafe { &*p.as_ptr() })
    }

    /// The object as layout `T`, if its type has that layout.
    #[inline(always)]
    pub fn downcast_ref<T: PyPayload>(&self) -> Option<&T> {
        let h = self.header()?;
        // SAFETY: types are live while their instances are.
        if unsafe { (*h.ty.get()).layout } == T::KIND {
            Some(unsafe { &*(h as *const ObjHeader as *const T) })
        } else {
            None
        }
    }

    /// A typed reference to the object, if its type has layout `T`.
    pub fn downcast<T: PyPayload>(&self) -> Option<PyRef<T>> {
        let r = self.downcast_ref::<T>()?;
        let p = NonNull::from(r);
        // SAFETY: live object of layout T; the new PyRef owns a new reference.
        unsafe {
            incref(p.cast());
            Some(PyRef::from_owned(p))
        }
    }

    /// The pre-header of an object whose type gives it a `__dict__`.
    #[inline(always)]
    pub(crate) fn pre_header(&self) -> Option<&PreHeader> {
        let h = self.header()?;
        // SAFETY: the flags say the pre-header was allocated.
        unsafe { pre_header_of(h, &*h.ty.get()) }
    }
}

/// A value's owned refcount, for tests and `sys.getrefcount`.
pub fn refcount(v: &Value) -> Option<usize> {
    v.header().map(|h| h.refcount.get() as usize)
}

#[cfg(test)]
mod layout_tests {
    /// Two words before the header: values pointer and dict. A plain
    /// instance is 32 bytes (CPython 3.11: 56 with its GC links).
    #[test]
    fn pre_header_is_two_words() {
        assert_eq!(super::PRE, 16);
        assert_eq!(super::PRE + std::mem::size_of::<super::ObjHeader>(), 32);
    }
}
