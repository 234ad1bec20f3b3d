//! Type objects: name, bases, C3 MRO, attribute dict, version tag, flags, and
//! the slots that give the dunder protocol's fast paths (so `a + b` on builtin
//! types never looks up `__add__` in a dict).
//!
//! Builtin types live in statics (their addresses are link-time constants, so
//! an exact-type check is a compare with an immediate) and are filled in once
//! by [`init_builtin_types`]. Classes made by `class` statements are heap
//! objects of the same struct.

use crate::exception::PyResult;
use crate::gil::GilCell;
use crate::instance::SharedKeys;
use crate::object::{LayoutKind, ObjHeader, PyPayload, IMMORTAL_REFCOUNT};
use crate::objects::dict::DictObject;
use crate::objects::tuple::TupleObject;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, UnsafeCell};
use std::mem::MaybeUninit;
use std::ptr::NonNull;

pub mod type_flags {
    /// Made by a class statement or `type(...)`; refcounted, mutable.
    pub const HEAPTYPE: u32 = 1 << 0;
    /// May be subclassed.
    pub const BASETYPE: u32 = 1 << 1;
    /// Instances carry a pre-header with attribute storage (`__dict__`).
    pub const HAS_DICT: u32 = 1 << 2;
    /// Instances are unbound methods: `LOAD_METHOD` may skip binding them.
    pub const METHOD_DESCRIPTOR: u32 = 1 << 3;
    /// Attributes of the type itself cannot be set (builtin types).
    pub const IMMUTABLE: u32 = 1 << 4;
    /// Subclass markers for fast `isinstance` on the core types.
    pub const INT_SUBCLASS: u32 = 1 << 8;
    pub const TUPLE_SUBCLASS: u32 = 1 << 9;
    pub const LIST_SUBCLASS: u32 = 1 << 10;
    pub const BYTES_SUBCLASS: u32 = 1 << 11;
    pub const STR_SUBCLASS: u32 = 1 << 12;
    pub const DICT_SUBCLASS: u32 = 1 << 13;
    pub const BASE_EXC_SUBCLASS: u32 = 1 << 14;
    pub const TYPE_SUBCLASS: u32 = 1 << 15;
    pub const SUBCLASS_MASK: u32 = 0xff << 8;
    /// The class defines `__getattribute__` or `__getattr__` in Python.
    pub const PY_GETATTR: u32 = 1 << 16;
    /// Abstract methods present (instantiation refused).
    pub const IS_ABSTRACT: u32 = 1 << 17;
    /// The class (or a base) defines `__del__`.
    pub const HAS_FINALIZER: u32 = 1 << 18;
    /// `match` treats instances as mappings / sequences (Py_TPFLAGS_MAPPING/SEQUENCE).
    pub const MAPPING: u32 = 1 << 19;
    pub const SEQUENCE: u32 = 1 << 20;
    /// A class pattern `C(x)` binds the subject itself (int, str, list, ...).
    pub const MATCH_SELF: u32 = 1 << 21;
    /// Instances take only `__slots__` attributes (no `__dict__`).
    pub const NO_DICT: u32 = 1 << 22;
    /// Flags a class statement's new type inherits from its base.
    pub const INHERITED: u32 = SUBCLASS_MASK | MAPPING | SEQUENCE | MATCH_SELF;
}

/// The six rich comparisons, numbered as `COMPARE_OP`'s oparg.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareOp {
    pub fn from_oparg(arg: u32) -> Option<CompareOp> {
        Some(match arg {
            0 => CompareOp::Lt,
            1 => CompareOp::Le,
            2 => CompareOp::Eq,
            3 => CompareOp::Ne,
            4 => CompareOp::Gt,
            5 => CompareOp::Ge,
            _ => return None,
        })
    }

    /// The operation with operands exchanged (`a < b` is `b > a`).
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Eq => CompareOp::Eq,
            CompareOp::Ne => CompareOp::Ne,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
        }
    }

    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }

    pub fn dunder(self) -> &'static str {
        ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][self as usize]
    }

    /// Applies the comparison to an ordering.
    pub fn test(self, ord: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            CompareOp::Lt => ord == Less,
            CompareOp::Le => ord != Greater,
            CompareOp::Eq => ord == Equal,
            CompareOp::Ne => ord != Equal,
            CompareOp::Gt => ord == Greater,
            CompareOp::Ge => ord != Less,
        }
    }
}

/// Keyword names of a call: a tuple of str, or NULL-free absence.
pub type KwNames<'a> = Option<&'a Value>;

pub type UnaryFn = fn(&mut Vm, &Value) -> PyResult<Value>;
pub type BinaryFn = fn(&mut Vm, &Value, &Value) -> PyResult<Value>;
pub type TernaryFn = fn(&mut Vm, &Value, &Value, &Value) -> PyResult<Value>;
pub type HashFn = fn(&mut Vm, &Value) -> PyResult<i64>;
pub type RichCmpFn = fn(&mut Vm, &Value, &Value, CompareOp) -> PyResult<Value>;
/// `Ok(None)`: no such attribute (the caller raises AttributeError).
pub type GetAttrFn = fn(&mut Vm, &Value, &Value) -> PyResult<Option<Value>>;
/// `None` value: delete.
pub type SetAttrFn = fn(&mut Vm, &Value, &Value, Option<Value>) -> PyResult<()>;
/// (descriptor, instance or None for class access, owner type)
pub type DescrGetFn = fn(&mut Vm, &Value, Option<&Value>, &Value) -> PyResult<Value>;
pub type DescrSetFn = fn(&mut Vm, &Value, &Value, Option<Value>) -> PyResult<()>;
pub type CallFn = fn(&mut Vm, &Value, &[Value], KwNames) -> PyResult<Value>;
/// `Ok(None)`: exhausted (no StopIteration object is made).
pub type IterNextFn = fn(&mut Vm, &Value) -> PyResult<Option<Value>>;
pub type LenFn = fn(&mut Vm, &Value) -> PyResult<usize>;
pub type BoolFn = fn(&mut Vm, &Value) -> PyResult<bool>;
pub type SetItemFn = fn(&mut Vm, &Value, &Value, Option<Value>) -> PyResult<()>;
pub type ContainsFn = fn(&mut Vm, &Value, &Value) -> PyResult<bool>;
/// (class, args, kwnames)
pub type NewFn = fn(&mut Vm, &Value, &[Value], KwNames) -> PyResult<Value>;
pub type InitFn = fn(&mut Vm, &Value, &[Value], KwNames) -> PyResult<()>;
/// A builtin function or method: positional args (self first for methods),
/// then the values of keyword args named by `kwnames`.
pub type NativeFn = fn(&mut Vm, &[Value], KwNames) -> PyResult<Value>;

/// Number of `BINARY_OP` opargs (13 binary operators and their in-place forms).
pub const NB_SLOTS: usize = 26;
/// Offset of the in-place operators in `Slots::nb`.
pub const NB_INPLACE: usize = 13;

pub mod nb {
    pub const ADD: usize = 0;
    pub const AND: usize = 1;
    pub const FLOOR_DIVIDE: usize = 2;
    pub const LSHIFT: usize = 3;
    pub const MATRIX_MULTIPLY: usize = 4;
    pub const MULTIPLY: usize = 5;
    pub const REMAINDER: usize = 6;
    pub const OR: usize = 7;
    pub const POWER: usize = 8;
    pub const RSHIFT: usize = 9;
    pub const SUBTRACT: usize = 10;
    pub const TRUE_DIVIDE: usize = 11;
    pub const XOR: usize = 12;
    /// Operator symbols as error messages show them.
    pub const SYMBOLS: [&str; 13] = ["+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"];
    pub const DUNDERS: [&str; 13] = [
        "__add__",
        "__and__",
        "__floordiv__",
        "__lshift__",
        "__matmul__",
        "__mul__",
        "__mod__",
        "__or__",
        "__pow__",
        "__rshift__",
        "__sub__",
        "__truediv__",
        "__xor__",
    ];
    pub const RDUNDERS: [&str; 13] = [
        "__radd__",
        "__rand__",
        "__rfloordiv__",
        "__rlshift__",
        "__rmatmul__",
        "__rmul__",
        "__rmod__",
        "__ror__",
        "__rpow__",
        "__rrshift__",
        "__rsub__",
        "__rtruediv__",
        "__rxor__",
    ];
    pub const IDUNDERS: [&str; 13] = [
        "__iadd__",
        "__iand__",
        "__ifloordiv__",
        "__ilshift__",
        "__imatmul__",
        "__imul__",
        "__imod__",
        "__ior__",
        "__ipow__",
        "__irshift__",
        "__isub__",
        "__itruediv__",
        "__ixor__",
    ];
}

/// The dunder protocol's fast paths. `None` means the type does not support
/// the operation (CPython's NULL slot).
#[derive(Clone, Copy)]
pub struct Slots {
    pub repr: Option<UnaryFn>,
    pub str: Option<UnaryFn>,
    pub hash: Option<HashFn>,
    pub richcompare: Option<RichCmpFn>,
    pub getattro: GetAttrFn,
    pub setattro: Option<SetAttrFn>,
    pub descr_get: Option<DescrGetFn>,
    pub descr_set: Option<DescrSetFn>,
    pub call: Option<CallFn>,
    pub iter: Option<UnaryFn>,
    pub iternext: Option<IterNextFn>,
    pub bool: Option<BoolFn>,
    pub len: Option<LenFn>,
    pub getitem: Option<BinaryFn>,
    pub setitem: Option<SetItemFn>,
    pub contains: Option<ContainsFn>,
    /// Sequence concatenation, tried after the number slots fail for `+`.
    pub concat: Option<BinaryFn>,
    /// Sequence repetition `(seq, count)`, tried after the number slots fail for `*`.
    pub repeat: Option<BinaryFn>,
    pub new: Option<NewFn>,
    pub init: Option<InitFn>,
    /// Indexed by `BINARY_OP`'s oparg.
    pub nb: [Option<BinaryFn>; NB_SLOTS],
    pub neg: Option<UnaryFn>,
    pub pos: Option<UnaryFn>,
    pub invert: Option<UnaryFn>,
    pub abs: Option<UnaryFn>,
    pub index: Option<UnaryFn>,
    pub int: Option<UnaryFn>,
    pub float: Option<UnaryFn>,
}

impl Slots {
    pub const EMPTY: Slots = Slots {
        repr: None,
        str: None,
        hash: None,
        richcompare: None,
        getattro: crate::attr::generic_getattr,
        setattro: None,
        descr_get: None,
        descr_set: None,
        call: None,
        iter: None,
        iternext: None,
        bool: None,
        len: None,
        getitem: None,
        setitem: None,
        contains: None,
        concat: None,
        repeat: None,
        new: None,
        init: None,
        nb: [None; NB_SLOTS],
        neg: None,
        pos: None,
        invert: None,
        abs: None,
        index: None,
        int: None,
        float: None,
    };
}

#[repr(C)]
pub struct TypeObject {
    pub header: ObjHeader,
    pub layout: LayoutKind,
    pub flags: Cell<u32>,
    /// Non-zero while valid; changes whenever the type or a base changes.
    pub(crate) version_tag: Cell<u32>,
    pub(crate) name: UnsafeCell<Value>,
    pub(crate) qualname: UnsafeCell<Value>,
    /// `tp_base`: the base whose layout this type extends (NULL for object).
    pub(crate) base: Cell<*const TypeObject>,
    pub(crate) bases: UnsafeCell<Value>,
    pub(crate) mro: UnsafeCell<Value>,
    pub(crate) dict: UnsafeCell<Value>,
    pub(crate) slots: UnsafeCell<Slots>,
    /// Direct subclasses (not owning), for version-tag invalidation.
    pub(crate) subclasses: UnsafeCell<Vec<*const TypeObject>>,
    /// Attribute names shared by the instances' inline attribute arrays.
    pub(crate) shared_keys: UnsafeCell<SharedKeys>,
    /// Number of `__slots__` values instances carry (this class and its bases).
    pub(crate) nslots: Cell<u32>,
}

unsafe impl PyPayload for TypeObject {
    const KIND: LayoutKind = LayoutKind::Type;
}

impl Drop for TypeObject {
    fn drop(&mut self) {
        // Forget this type in its bases' subclass lists.
        let me = self as *const TypeObject;
        if let Some(bases) = self.bases.get_mut().downcast_ref::<TupleObject>() {
            for b in bases.items() {
                if let Some(bt) = b.downcast_ref::<TypeObject>() {
                    // SAFETY: no other borrow of the subclass list is live (GIL held, no Python code runs here).
                    unsafe { (*bt.subclasses.get()).retain(|&s| s != me) };
                }
            }
        }
    }
}

impl TypeObject {
    #[inline(always)]
    pub fn slots(&self) -> &Slots {
        // SAFETY: slots are only replaced by `set_slots`, never while a
        // reference from here is live (callers copy the fn pointer out).
        unsafe { &*self.slots.get() }
    }

    pub(crate) fn set_slots(&self, s: Slots) {
        // SAFETY: see `slots`.
        unsafe { *self.slots.get() = s };
    }

    #[allow(clippy::mut_from_ref)]
    pub(crate) fn slots_mut(&self) -> &mut Slots {
        // SAFETY: used only while building a type, before any caller holds `slots()`.
        unsafe { &mut *self.slots.get() }
    }

    /// `__name__`.
    pub fn name(&self) -> &Value {
        // SAFETY: replaced only by `set_name`, which no caller overlaps with.
        unsafe { &*self.name.get() }
    }

    pub fn name_string(&self) -> String {
        crate::objects::str::display_lossy(self.name())
    }

    /// The name messages and descriptor reprs give, as CPython's tp_name:
    /// types of native modules are `module.Name` (`collections.deque`).
    pub fn tp_name(&self) -> String {
        if !self.is_heap_type() {
            if let Some(m) = crate::types::object_ty::type_module_name(self).filter(|m| m != "builtins") {
                return format!("{m}.{}", self.name_string());
            }
        }
        self.name_string()
    }

    pub fn qualname(&self) -> &Value {
        // SAFETY: as `name`.
        unsafe { &*self.qualname.get() }
    }

    pub fn dict(&self) -> &DictObject {
        // SAFETY: the dict is set at creation and never replaced; it is always a dict.
        unsafe { (*self.dict.get()).downcast_ref::<DictObject>().unwrap_unchecked() }
    }

    pub fn dict_value(&self) -> Value {
        unsafe { (*self.dict.get()).clone() }
    }

    /// The MRO as a tuple of types.
    pub fn mro(&self) -> &TupleObject {
        // SAFETY: replaced only by `set_mro` (under the GIL, between uses).
        unsafe { (*self.mro.get()).downcast_ref::<TupleObject>().unwrap_unchecked() }
    }

    pub fn mro_value(&self) -> Value {
        unsafe { (*self.mro.get()).clone() }
    }

    pub fn bases_value(&self) -> Value {
        unsafe { (*self.bases.get()).clone() }
    }

    pub fn base(&self) -> Option<&TypeObject> {
        let b = self.base.get();
        if b.is_null() {
            None
        } else {
            // SAFETY: a type keeps its bases alive through `bases`/`mro`.
            Some(unsafe { &*b })
        }
    }

    pub fn has_flag(&self, f: u32) -> bool {
        self.flags.get() & f != 0
    }

    pub fn is_heap_type(&self) -> bool {
        self.has_flag(type_flags::HEAPTYPE)
    }

    pub fn as_value(&self) -> Value {
        Value::from_borrowed_ptr(NonNull::from(&self.header))
    }

    /// `issubclass(self, other)` by the MRO.
    pub fn is_subtype(&self, other: &TypeObject) -> bool {
        if std::ptr::eq(self, other) {
            return true;
        }
        let op = other as *const TypeObject;
        self.mro()
            .items()
            .iter()
            .any(|t| t.ptr_unchecked() as *const TypeObject == op)
    }

    /// The type's current version tag, assigning a fresh one if invalid;
    /// 0 once the tag space is exhausted (then nothing is cached).
    pub fn version_tag(&self) -> u32 {
        let v = self.version_tag.get();
        if v != 0 {
            return v;
        }
        // A valid tag requires valid tags on every base (as CPython's
        // assign_version_tag): `modified()` stops at subclasses whose tag is
        // already invalid, so a tagged type below an untagged one would keep
        // a stale tag.
        // The bases, not the MRO: a metaclass's mro() may put the class
        // anywhere in it, while bases never form a cycle. (Static types
        // without a bases tuple use their base chain.)
        // SAFETY: bases are replaced only between uses, under the GIL.
        let bases = unsafe { (*self.bases.get()).downcast_ref::<TupleObject>() };
        match bases {
            Some(bases) => {
                for b in bases.items() {
                    let Some(b) = b.downcast_ref::<TypeObject>() else { continue };
                    if b.version_tag.get() == 0 && b.version_tag() == 0 {
                        return 0;
                    }
                }
            }
            None => {
                if let Some(b) = self.base() {
                    if b.version_tag.get() == 0 && b.version_tag() == 0 {
                        return 0;
                    }
                }
            }
        }
        // SAFETY: GIL held.
        let next = unsafe { NEXT_VERSION_TAG.get_mut() };
        if *next == u32::MAX {
            return 0;
        }
        *next += 1;
        self.version_tag.set(*next);
        *next
    }

    /// Invalidates the version tag of this type and every subclass.
    pub(crate) fn modified(&self) {
        let mut todo: Vec<*const TypeObject> = vec![self];
        while let Some(t) = todo.pop() {
            // SAFETY: subclasses are removed from the list before they die.
            let t = unsafe { &*t };
            if t.version_tag.get() == 0 && !std::ptr::eq(t, self) {
                continue;
            }
            t.version_tag.set(0);
            unsafe { todo.extend((*t.subclasses.get()).iter().copied()) };
        }
    }

    /// Looks `name` (an interned or at least exact str) up along the MRO,
    /// without calling descriptors. Cached by version tag.
    pub fn lookup(&self, name: &Value) -> Option<Value> {
        let version = self.version_tag();
        let nbits = name.bits();
        let slot = ((version as u64 ^ (nbits >> 3)) as usize) & (METHOD_CACHE_SIZE - 1);
        // SAFETY: GIL held; the entry is not borrowed across calls.
        let cache = unsafe { METHOD_CACHE.get_mut() };
        let e = &cache[slot];
        if version != 0 && e.version == version && e.name.bits() == nbits {
            return if e.value == ABSENT {
                None
            } else {
                Some(unsafe { borrowed_bits(e.value) })
            };
        }
        let found = self.lookup_uncached(name);
        if version != 0 {
            let e = &mut cache[slot];
            e.version = version;
            // The cache keeps the name alive so that its address cannot be reused.
            let old = std::mem::replace(&mut e.name, name.clone());
            e.value = found.as_ref().map_or(ABSENT, |v| v.bits());
            drop(old);
        }
        found
    }

    pub fn lookup_uncached(&self, name: &Value) -> Option<Value> {
        for t in self.mro().items() {
            // SAFETY: the MRO holds types only.
            let t = unsafe { &*(t.ptr_unchecked() as *const TypeObject) };
            if let Some(v) = t.dict().get_str(name) {
                return Some(v);
            }
        }
        None
    }

    pub fn lookup_str(&self, vm: &mut Vm, name: &str) -> Option<Value> {
        let n = vm.intern(name);
        self.lookup(&n)
    }
}

/// A new reference from raw bits of a value the cache holds borrowed.
unsafe fn borrowed_bits(bits: u64) -> Value {
    let v = Value::from_raw_bits(bits);
    let r = v.clone();
    std::mem::forget(v);
    r
}

const METHOD_CACHE_SIZE: usize = 4096;

/// Method-cache marker for "not found": NULL's bits, which no attribute value
/// can have (0 would be the float 0.0).
const ABSENT: u64 = crate::value::NULL_BITS;

struct CacheEntry {
    version: u32,
    name: Value,
    /// Borrowed: valid while the version tag is (mutations change the tag).
    value: u64,
}

static METHOD_CACHE: GilCell<Vec<CacheEntry>> = GilCell::new(Vec::new());
static NEXT_VERSION_TAG: GilCell<u32> = GilCell::new(0);

pub(crate) fn init_method_cache() {
    // SAFETY: called once at start-up with the GIL held.
    let cache = unsafe { METHOD_CACHE.get_mut() };
    if cache.is_empty() {
        cache.extend((0..METHOD_CACHE_SIZE).map(|_| CacheEntry {
            version: 0,
            name: Value::NULL,
            value: ABSENT,
        }));
    }
}

/// Storage of a builtin type.
pub struct StaticType(UnsafeCell<MaybeUninit<TypeObject>>);

// SAFETY: used under the GIL only.
unsafe impl Sync for StaticType {}

impl StaticType {
    pub const fn new() -> StaticType {
        StaticType(UnsafeCell::new(MaybeUninit::uninit()))
    }

    /// The type. Every `Vm` initializes all static types before any use.
    #[inline(always)]
    pub fn get(&'static self) -> &'static TypeObject {
        // SAFETY: initialized by `init_builtin_types` before any Vm exists.
        unsafe { &*(self.0.get() as *const TypeObject) }
    }

    #[inline(always)]
    pub fn ptr(&'static self) -> *const TypeObject {
        self.0.get() as *const TypeObject
    }

    /// The address, usable in static initializers.
    pub const fn ptr_const(&'static self) -> *const TypeObject {
        self.0.get() as *const TypeObject
    }

    /// Writes the type's fixed part (names, dict and MRO come later).
    pub(crate) unsafe fn init(&'static self, layout: LayoutKind, flags: u32, base: Option<&'static StaticType>) {
        let t = TypeObject {
            header: ObjHeader::immortal(TYPE_TYPE.ptr()),
            layout,
            flags: Cell::new(flags | type_flags::IMMUTABLE),
            version_tag: Cell::new(0),
            name: UnsafeCell::new(Value::NULL),
            qualname: UnsafeCell::new(Value::NULL),
            base: Cell::new(base.map_or(std::ptr::null(), |b| b.ptr())),
            bases: UnsafeCell::new(Value::NULL),
            mro: UnsafeCell::new(Value::NULL),
            dict: UnsafeCell::new(Value::NULL),
            slots: UnsafeCell::new(Slots::EMPTY),
            subclasses: UnsafeCell::new(Vec::new()),
            shared_keys: UnsafeCell::new(SharedKeys::default()),
            nslots: Cell::new(0),
        };
        std::ptr::write(self.0.get() as *mut TypeObject, t);
    }
}

impl Default for StaticType {
    fn default() -> Self {
        StaticType::new()
    }
}

macro_rules! static_types {
    ($($name:ident),* $(,)?) => {
        $(pub static $name: StaticType = StaticType::new();)*
    };
}

static_types!(
    OBJECT_TYPE,
    TYPE_TYPE,
    INT_TYPE,
    BOOL_TYPE,
    FLOAT_TYPE,
    COMPLEX_TYPE,
    STR_TYPE,
    BYTES_TYPE,
    TUPLE_TYPE,
    LIST_TYPE,
    DICT_TYPE,
    NONE_TYPE,
    NOTIMPLEMENTED_TYPE,
    ELLIPSIS_TYPE,
    FUNCTION_TYPE,
    METHOD_TYPE,
    CODE_TYPE,
    MODULE_TYPE,
    CELL_TYPE,
    BUILTIN_FUNCTION_TYPE,
    METHOD_DESCR_TYPE,
    CLASSMETHOD_DESCR_TYPE,
    SLOT_WRAPPER_TYPE,
    METHOD_WRAPPER_TYPE,
    GETSET_DESCR_TYPE,
    PROPERTY_TYPE,
    STATICMETHOD_TYPE,
    CLASSMETHOD_TYPE,
    RANGE_TYPE,
    RANGE_ITER_TYPE,
    SLICE_TYPE,
    SUPER_TYPE,
    LIST_ITER_TYPE,
    TUPLE_ITER_TYPE,
    STR_ITER_TYPE,
    SEQ_ITER_TYPE,
    DICT_KEYITER_TYPE,
    DICT_VALUEITER_TYPE,
    DICT_ITEMITER_TYPE,
    DICT_REVKEYITER_TYPE,
    DICT_REVVALUEITER_TYPE,
    DICT_REVITEMITER_TYPE,
    DICT_KEYS_TYPE,
    DICT_VALUES_TYPE,
    DICT_ITEMS_TYPE,
    TRACEBACK_TYPE,
    GENERATOR_TYPE,
    SET_TYPE,
    FROZENSET_TYPE,
    MEMBER_DESCR_TYPE,
    GENERIC_ALIAS_TYPE,
);

/// `type(v)` as a reference.
#[inline(always)]
pub fn type_of(v: &Value) -> &TypeObject {
    if v.is_ptr() {
        // SAFETY: live object; its type outlives it.
        unsafe { &*(*v.ptr_unchecked()).ty.get() }
    } else if v.is_small_int() {
        INT_TYPE.get()
    } else if v.is_float() {
        FLOAT_TYPE.get()
    } else {
        // NULL never reaches Python-visible code; treat it as None defensively.
        NONE_TYPE.get()
    }
}

/// `type(v) is t` (exact).
#[inline(always)]
pub fn is_exact(v: &Value, t: &'static StaticType) -> bool {
    std::ptr::eq(type_of(v), t.ptr())
}

pub fn isinstance_type(v: &Value, t: &TypeObject) -> bool {
    type_of(v).is_subtype(t)
}

/// Sets refcount of static objects to immortal (for objects made at init).
pub(crate) fn make_immortal(v: &Value) {
    if let Some(h) = v.header() {
        h.refcount.set(IMMORTAL_REFCOUNT);
    }
}

/// C3 linearization of `bases` for a new type `this`.
/// Err(message) when no consistent order exists.
pub(crate) fn c3_mro(this: &Value, bases: &[Value]) -> Result<Vec<Value>, String> {
    let mut seqs: Vec<Vec<Value>> = Vec::new();
    for b in bases {
        let bt = type_of_type(b);
        seqs.push(bt.mro().items().to_vec());
    }
    seqs.push(bases.to_vec());
    let mut result = vec![this.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(result);
        }
        let mut candidate = None;
        for s in &seqs {
            let head = &s[0];
            let in_tail = seqs.iter().any(|t| t[1..].iter().any(|x| x.is(head)));
            if !in_tail {
                candidate = Some(head.clone());
                break;
            }
        }
        let Some(c) = candidate else {
            // The heads still to merge, each once, as CPython's set_mro_error lists them.
            let mut heads: Vec<Value> = Vec::new();
            for s in &seqs {
                if !heads.iter().any(|h| h.is(&s[0])) {
                    heads.push(s[0].clone());
                }
            }
            let names: Vec<String> = heads.iter().map(|b| type_of_type(b).name_string()).collect();
            return Err(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            ));
        };
        for s in seqs.iter_mut() {
            if s[0].is(&c) {
                s.remove(0);
            }
        }
        result.push(c);
    }
}

/// The value as a type; callers only pass values known to be types.
pub(crate) fn type_of_type(v: &Value) -> &TypeObject {
    match v.downcast_ref::<TypeObject>() {
        Some(t) => t,
        None => OBJECT_TYPE.get(),
    }
}

pub use crate::typeinit::init_builtin_types;
