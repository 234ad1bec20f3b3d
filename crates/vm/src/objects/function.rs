//! Python functions and bound methods.

use crate::object::{alloc_object, LayoutKind, ObjHeader, PyPayload};
use crate::objects::code::CodeObj;
use crate::typeobj::{FUNCTION_TYPE, METHOD_TYPE};
use crate::value::Value;
use std::cell::{Cell, UnsafeCell};

#[repr(C)]
pub struct FunctionObject {
    pub(crate) header: ObjHeader,
    /// Always a code object; replaced only by `set_code` (`__code__ = ...`).
    pub(crate) code: UnsafeCell<Value>,
    pub(crate) globals: Value,
    pub(crate) builtins: Value,
    pub(crate) name: UnsafeCell<Value>,
    pub(crate) qualname: UnsafeCell<Value>,
    /// Tuple of positional defaults, or NULL.
    pub(crate) defaults: UnsafeCell<Value>,
    /// Dict of keyword-only defaults, or NULL.
    pub(crate) kwdefaults: UnsafeCell<Value>,
    /// Tuple of cells, or NULL.
    pub(crate) closure: Value,
    pub(crate) doc: UnsafeCell<Value>,
    pub(crate) module: UnsafeCell<Value>,
    pub(crate) annotations: UnsafeCell<Value>,
    /// Changes when code or defaults change (for call specialization).
    pub(crate) version: Cell<u32>,
}

unsafe impl PyPayload for FunctionObject {
    const KIND: LayoutKind = LayoutKind::Function;
}

impl FunctionObject {
    #[inline(always)]
    pub fn code(&self) -> &CodeObj {
        // SAFETY: `code` always holds a code object (checked by `new_function*`
        // callers and `set_code`); a frame running it keeps its own reference
        // once it is replaced (see `set_code`).
        unsafe { (*self.code.get()).downcast_ref::<CodeObj>().unwrap_unchecked() }
    }

    /// `__code__` as a value.
    pub fn code_value(&self) -> Value {
        // SAFETY: only cloned; written by `set_code` outside any borrow.
        unsafe { (*self.code.get()).clone() }
    }

    /// `__globals__` as a dict.
    #[inline(always)]
    pub fn globals_dict(&self) -> &crate::objects::dict::DictObject {
        // SAFETY: functions are only made with dict globals (see `new_function_with_closure`).
        unsafe {
            self.globals
                .downcast_ref::<crate::objects::dict::DictObject>()
                .unwrap_unchecked()
        }
    }

    /// `__builtins__` as a dict.
    #[inline(always)]
    pub fn builtins_dict(&self) -> &crate::objects::dict::DictObject {
        // SAFETY: as `globals_dict`.
        unsafe {
            self.builtins
                .downcast_ref::<crate::objects::dict::DictObject>()
                .unwrap_unchecked()
        }
    }

    pub fn defaults(&self) -> &Value {
        unsafe { &*self.defaults.get() }
    }

    pub fn kwdefaults(&self) -> &Value {
        unsafe { &*self.kwdefaults.get() }
    }

    pub fn name(&self) -> &Value {
        unsafe { &*self.name.get() }
    }

    pub fn qualname(&self) -> &Value {
        unsafe { &*self.qualname.get() }
    }

    /// `__code__ = code` (a code object whose free variables match the
    /// closure; the caller checks). Frames still running the old code take
    /// their own reference to it first, since they no longer reach it through
    /// the function (generators, running or not, hold their code themselves).
    pub(crate) fn set_code(&self, vm: &mut crate::vm::Vm, code: Value) {
        let old_ptr = self.code() as *const CodeObj;
        for f in vm.frames.iter_mut() {
            if std::ptr::eq(f.code, old_ptr) && f.generator().is_none() {
                f.own_refs();
            }
        }
        // SAFETY: no reference into the cell is live (`code()` borrows end above).
        let old = unsafe { std::mem::replace(&mut *self.code.get(), code) };
        // Call sites specialized for this function must re-check it.
        self.version.set(0);
        drop(old);
    }

    pub fn set_field(cell: &UnsafeCell<Value>, v: Value) {
        // SAFETY: fields are only read by clone; the old value is dropped after the write.
        let old = unsafe { std::mem::replace(&mut *cell.get(), v) };
        drop(old);
    }
}

/// A function from a code object (MAKE_FUNCTION without extras).
pub fn new_function(code: Value, globals: Value, builtins: Value, qualname: Value) -> Value {
    new_function_with_closure(code, globals, builtins, qualname, Value::NULL)
}

/// A function with its closure cells (a tuple, or NULL). `code` must be a
/// code object and `globals`/`builtins` dicts (replaced by empty dicts otherwise).
pub fn new_function_with_closure(
    code: Value,
    globals: Value,
    builtins: Value,
    qualname: Value,
    closure: Value,
) -> Value {
    use crate::objects::dict::DictObject;
    let globals = if globals.downcast_ref::<DictObject>().is_some() {
        globals
    } else {
        DictObject::new_value()
    };
    let builtins = if builtins.downcast_ref::<DictObject>().is_some() {
        builtins
    } else {
        DictObject::new_value()
    };
    let (name, doc) = match code.downcast_ref::<CodeObj>() {
        Some(c) => {
            // The docstring is the first constant when it is a str.
            let doc = match c.consts.first() {
                Some(d) if d.downcast_ref::<crate::objects::str::StrObject>().is_some() && has_docstring(c) => {
                    d.clone()
                }
                _ => crate::objects::singletons::none(),
            };
            (c.name.clone(), doc)
        }
        None => (crate::objects::singletons::none(), crate::objects::singletons::none()),
    };
    let module = match globals.downcast_ref::<crate::objects::dict::DictObject>() {
        Some(g) => g
            .get_str_key("__name__")
            .unwrap_or_else(crate::objects::singletons::none),
        None => crate::objects::singletons::none(),
    };
    alloc_object(
        FUNCTION_TYPE.get(),
        FunctionObject {
            header: ObjHeader::new(std::ptr::null()),
            code: UnsafeCell::new(code),
            globals,
            builtins,
            name: UnsafeCell::new(name),
            qualname: UnsafeCell::new(qualname),
            defaults: UnsafeCell::new(Value::NULL),
            kwdefaults: UnsafeCell::new(Value::NULL),
            closure,
            doc: UnsafeCell::new(doc),
            module: UnsafeCell::new(module),
            annotations: UnsafeCell::new(Value::NULL),
            version: Cell::new(0),
        },
    )
}

/// Whether the compiler stored a docstring as `co_consts[0]`: in 3.11 a
/// function's first constant is its docstring exactly when it is a str,
/// except for lambdas, comprehensions and class bodies.
fn has_docstring(c: &CodeObj) -> bool {
    let n = crate::objects::str::display_lossy(&c.name);
    !(n == "<lambda>" || n.starts_with('<'))
}

#[repr(C)]
pub struct BoundMethod {
    pub(crate) header: ObjHeader,
    pub(crate) func: Value,
    pub(crate) self_: Value,
}

unsafe impl PyPayload for BoundMethod {
    const KIND: LayoutKind = LayoutKind::BoundMethod;
}

pub fn new_bound_method(func: Value, self_: Value) -> Value {
    alloc_object(
        METHOD_TYPE.get(),
        BoundMethod {
            header: ObjHeader::new(std::ptr::null()),
            func,
            self_,
        },
    )
}
