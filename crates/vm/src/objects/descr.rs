//! Descriptors and builtin callables: builtin functions, method descriptors
//! of builtin types, slot wrappers (`int.__add__`) and their bound form,
//! getset descriptors, property, staticmethod and classmethod.

use crate::exception::PyResult;
use crate::object::{alloc_object, LayoutKind, ObjHeader, PyPayload};
use crate::typeobj::{
    BinaryFn, BoolFn, CallFn, CompareOp, ContainsFn, DescrGetFn, DescrSetFn, GetAttrFn, HashFn, InitFn, IterNextFn,
    LenFn, NativeFn, RichCmpFn, SetAttrFn, SetItemFn, TypeObject, UnaryFn, BUILTIN_FUNCTION_TYPE, GETSET_DESCR_TYPE,
    METHOD_WRAPPER_TYPE, SLOT_WRAPPER_TYPE,
};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::UnsafeCell;

/// `builtin_function_or_method`: a native function, possibly bound to `self_`.
#[repr(C)]
pub struct BuiltinFunction {
    pub(crate) header: ObjHeader,
    pub(crate) name: &'static str,
    pub(crate) func: NativeFn,
    /// NULL for a plain function; else passed as the first argument.
    pub(crate) self_: Value,
    /// `__module__` for module-level functions (e.g. "builtins").
    pub(crate) module: Option<&'static str>,
    /// Whether a call counts toward the recursion limit: CPython checks it
    /// for METH_O builtins even once specialized, not for METH_FASTCALL ones.
    pub(crate) counts_recursion: std::cell::Cell<bool>,
}

unsafe impl PyPayload for BuiltinFunction {
    const KIND: LayoutKind = LayoutKind::BuiltinFunction;
}

pub fn new_builtin_function(name: &'static str, func: NativeFn, module: Option<&'static str>) -> Value {
    alloc_object(
        BUILTIN_FUNCTION_TYPE.get(),
        BuiltinFunction {
            header: ObjHeader::new(std::ptr::null()),
            name,
            func,
            self_: Value::NULL,
            module,
            counts_recursion: std::cell::Cell::new(false),
        },
    )
}

pub fn new_bound_builtin(name: &'static str, func: NativeFn, self_: Value) -> Value {
    alloc_object(
        BUILTIN_FUNCTION_TYPE.get(),
        BuiltinFunction {
            header: ObjHeader::new(std::ptr::null()),
            name,
            func,
            self_,
            module: None,
            counts_recursion: std::cell::Cell::new(false),
        },
    )
}

/// `method_descriptor` (and `classmethod_descriptor` with another type):
/// a native method in a builtin type's dict, called with self first.
#[repr(C)]
pub struct MethodDescr {
    pub(crate) header: ObjHeader,
    pub(crate) name: &'static str,
    pub(crate) func: NativeFn,
    pub(crate) owner: *const TypeObject,
}

unsafe impl PyPayload for MethodDescr {
    const KIND: LayoutKind = LayoutKind::MethodDescr;
}

pub fn new_method_descr(ty: &TypeObject, name: &'static str, func: NativeFn, owner: *const TypeObject) -> Value {
    alloc_object(
        ty,
        MethodDescr {
            header: ObjHeader::new(std::ptr::null()),
            name,
            func,
            owner,
        },
    )
}

impl MethodDescr {
    pub fn owner(&self) -> &TypeObject {
        // SAFETY: owners are static builtin types.
        unsafe { &*self.owner }
    }
}

/// The native function behind a slot wrapper.
#[derive(Clone, Copy)]
pub enum SlotFn {
    Unary(UnaryFn),
    Binary(BinaryFn),
    /// `__radd__`: the slot called with operands swapped.
    BinaryR(BinaryFn),
    Hash(HashFn),
    RichCmp(RichCmpFn, CompareOp),
    Call(CallFn),
    Init(InitFn),
    IterNext(IterNextFn),
    Len(LenFn),
    Bool(BoolFn),
    GetItem(BinaryFn),
    SetItem(SetItemFn),
    DelItem(SetItemFn),
    Contains(ContainsFn),
    GetAttr(GetAttrFn),
    SetAttr(SetAttrFn),
    DelAttr(SetAttrFn),
    DescrGet(DescrGetFn),
    DescrSet(DescrSetFn),
    DescrDelete(DescrSetFn),
}

/// `wrapper_descriptor`: `int.__add__` and friends.
#[repr(C)]
pub struct SlotWrapper {
    pub(crate) header: ObjHeader,
    pub(crate) name: &'static str,
    pub(crate) owner: *const TypeObject,
    pub(crate) slot: SlotFn,
}

unsafe impl PyPayload for SlotWrapper {
    const KIND: LayoutKind = LayoutKind::SlotWrapper;
}

impl SlotWrapper {
    pub fn owner(&self) -> &TypeObject {
        // SAFETY: owners are static builtin types.
        unsafe { &*self.owner }
    }
}

pub fn new_slot_wrapper(name: &'static str, owner: *const TypeObject, slot: SlotFn) -> Value {
    alloc_object(
        SLOT_WRAPPER_TYPE.get(),
        SlotWrapper {
            header: ObjHeader::new(std::ptr::null()),
            name,
            owner,
            slot,
        },
    )
}

/// `method-wrapper`: a slot wrapper bound to an instance (`(1).__add__`).
#[repr(C)]
pub struct MethodWrapper {
    pub(crate) header: ObjHeader,
    pub(crate) descr: Value,
    pub(crate) self_: Value,
}

unsafe impl PyPayload for MethodWrapper {
    const KIND: LayoutKind = LayoutKind::MethodWrapper;
}

pub fn new_method_wrapper(descr: Value, self_: Value) -> Value {
    alloc_object(
        METHOD_WRAPPER_TYPE.get(),
        MethodWrapper {
            header: ObjHeader::new(std::ptr::null()),
            descr,
            self_,
        },
    )
}

pub type GetterFn = fn(&mut Vm, &Value) -> PyResult<Value>;
pub type SetterFn = fn(&mut Vm, &Value, Option<Value>) -> PyResult<()>;

/// `getset_descriptor`: a computed attribute of a builtin type.
#[repr(C)]
pub struct GetSetDescr {
    pub(crate) header: ObjHeader,
    pub(crate) name: &'static str,
    pub(crate) owner: *const TypeObject,
    pub(crate) get: GetterFn,
    pub(crate) set: Option<SetterFn>,
}

unsafe impl PyPayload for GetSetDescr {
    const KIND: LayoutKind = LayoutKind::GetSetDescr;
}

impl GetSetDescr {
    pub fn owner(&self) -> &TypeObject {
        // SAFETY: owners are static builtin types.
        unsafe { &*self.owner }
    }
}

pub fn new_getset(name: &'static str, owner: *const TypeObject, get: GetterFn, set: Option<SetterFn>) -> Value {
    alloc_object(
        GETSET_DESCR_TYPE.get(),
        GetSetDescr {
            header: ObjHeader::new(std::ptr::null()),
            name,
            owner,
            get,
            set,
        },
    )
}

/// `property`.
#[repr(C)]
pub struct Property {
    pub(crate) header: ObjHeader,
    pub(crate) fget: UnsafeCell<Value>,
    pub(crate) fset: UnsafeCell<Value>,
    pub(crate) fdel: UnsafeCell<Value>,
    pub(crate) doc: UnsafeCell<Value>,
    /// The attribute name given by `__set_name__` (None until then); the
    /// error messages name the property with it.
    pub(crate) name: UnsafeCell<Value>,
    /// The doc came from the getter's `__doc__` (a copy made by `.getter()`
    /// then takes the new getter's doc instead of keeping this one).
    pub(crate) getter_doc: std::cell::Cell<bool>,
}

unsafe impl PyPayload for Property {
    const KIND: LayoutKind = LayoutKind::Property;
}

impl Property {
    pub fn field(cell: &UnsafeCell<Value>) -> Value {
        // SAFETY: read by clone.
        unsafe { (*cell.get()).clone() }
    }
}

pub fn new_property(ty: &TypeObject, fget: Value, fset: Value, fdel: Value, doc: Value) -> Value {
    alloc_object(
        ty,
        Property {
            header: ObjHeader::new(std::ptr::null()),
            fget: UnsafeCell::new(fget),
            fset: UnsafeCell::new(fset),
            fdel: UnsafeCell::new(fdel),
            doc: UnsafeCell::new(doc),
            name: UnsafeCell::new(crate::objects::singletons::none()),
            getter_doc: std::cell::Cell::new(false),
        },
    )
}

/// `staticmethod` and `classmethod`: a wrapped callable.
#[repr(C)]
pub struct FuncWrapper {
    pub(crate) header: ObjHeader,
    pub(crate) callable: UnsafeCell<Value>,
}

unsafe impl PyPayload for FuncWrapper {
    const KIND: LayoutKind = LayoutKind::StaticMethod;
}

impl FuncWrapper {
    pub fn callable(&self) -> Value {
        // SAFETY: read by clone.
        unsafe { (*self.callable.get()).clone() }
    }
}

pub fn new_func_wrapper(ty: &TypeObject, callable: Value) -> Value {
    // classmethod shares staticmethod's struct; the layout check compares kinds,
    // so both types use the StaticMethod kind for allocation.
    alloc_object(
        ty,
        FuncWrapper {
            header: ObjHeader::new(std::ptr::null()),
            callable: UnsafeCell::new(callable),
        },
    )
}

/// The wrapped callable of a staticmethod or classmethod object.
pub fn func_wrapper_of(v: &Value) -> Option<&FuncWrapper> {
    v.downcast_ref::<FuncWrapper>()
}

/// `member_descriptor`: a `__slots__` entry, whose value lives in the
/// instance's attribute storage, or a field of a builtin object that CPython
/// exposes as a struct member (`function.__globals__`, `slice.start`).
#[repr(C)]
pub struct MemberDescr {
    pub(crate) header: ObjHeader,
    pub(crate) name: Value,
    pub(crate) owner: *const TypeObject,
    /// Index in the instance's slot values (`__slots__` entries only).
    pub(crate) index: usize,
    /// The accessors of a builtin type's member; None for a `__slots__` entry.
    pub(crate) native: Option<NativeMember>,
}

/// How a builtin member reads and writes its field; no setter means
/// CPython's READONLY flag.
#[derive(Clone, Copy)]
pub struct NativeMember {
    pub get: GetterFn,
    pub set: Option<SetterFn>,
}

unsafe impl PyPayload for MemberDescr {
    const KIND: LayoutKind = LayoutKind::MemberDescr;
}

impl MemberDescr {
    pub fn owner(&self) -> &TypeObject {
        // SAFETY: the owning class keeps its dict (holding this descriptor)
        // alive; builtin owners are static.
        unsafe { &*self.owner }
    }

    /// The slot index of a `__slots__` entry; None for a builtin member.
    pub fn slot(&self) -> Option<usize> {
        self.native.is_none().then_some(self.index)
    }
}

pub fn new_member_descr(name: Value, owner: *const TypeObject, index: usize) -> Value {
    alloc_member(name, owner, index, None)
}

fn alloc_member(name: Value, owner: *const TypeObject, index: usize, native: Option<NativeMember>) -> Value {
    alloc_object(
        crate::typeobj::MEMBER_DESCR_TYPE.get(),
        MemberDescr { header: ObjHeader::new(std::ptr::null()), name, owner, index, native },
    )
}

/// A builtin type's member descriptor.
pub fn new_native_member(name: Value, owner: *const TypeObject, member: NativeMember) -> Value {
    alloc_member(name, owner, 0, Some(member))
}
