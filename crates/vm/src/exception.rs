//! Exceptions: the `PyErr` that native code propagates with `?`, the builtin
//! exception hierarchy of CPython 3.11, exception objects and tracebacks.

use crate::gil::GilCell;
use crate::object::{alloc_object, LayoutKind, ObjHeader, PyPayload};
use crate::objects::tuple::{empty_tuple, new_tuple};
use crate::typeobj::{type_of, TypeObject, TRACEBACK_TYPE};
use crate::value::Value;
use std::cell::{Cell, UnsafeCell};

/// A raised exception on its way up: holds the exception instance.
pub struct PyErr {
    pub(crate) exc: Value,
}

impl PyErr {
    pub fn new(exc: Value) -> PyErr {
        PyErr { exc }
    }

    pub fn value(&self) -> &Value {
        &self.exc
    }

    pub fn into_value(self) -> Value {
        self.exc
    }

    pub fn is_instance(&self, kind: ExcKind) -> bool {
        type_of(&self.exc).is_subtype(exc_type(kind))
    }
}

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let t = type_of(&self.exc).name_string();
        let msg = self
            .exc
            .downcast_ref::<ExceptionObject>()
            .and_then(|e| {
                e.args()
                    .downcast_ref::<crate::objects::tuple::TupleObject>()
                    .and_then(|t| t.get(0).map(crate::objects::str::display_lossy))
            })
            .unwrap_or_default();
        write!(f, "{t}: {msg}")
    }
}

pub type PyResult<T> = Result<T, PyErr>;

macro_rules! exc_kinds {
    ($($name:ident : $parent:ident),* $(,)?) => {
        /// The builtin exception classes.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[allow(clippy::enum_variant_names)]
        pub enum ExcKind { BaseException, $($name),* }

        impl ExcKind {
            pub const ALL: &'static [ExcKind] = &[ExcKind::BaseException, $(ExcKind::$name),*];

            pub fn name(self) -> &'static str {
                match self { ExcKind::BaseException => "BaseException", $(ExcKind::$name => stringify!($name)),* }
            }

            pub fn parent(self) -> Option<ExcKind> {
                match self { ExcKind::BaseException => None, $(ExcKind::$name => Some(ExcKind::$parent)),* }
            }
        }
    };
}

exc_kinds!(
    BaseExceptionGroup: BaseException,
    GeneratorExit: BaseException,
    KeyboardInterrupt: BaseException,
    SystemExit: BaseException,
    Exception: BaseException,
    ArithmeticError: Exception,
    FloatingPointError: ArithmeticError,
    OverflowError: ArithmeticError,
    ZeroDivisionError: ArithmeticError,
    AssertionError: Exception,
    AttributeError: Exception,
    BufferError: Exception,
    EOFError: Exception,
    ExceptionGroup: BaseExceptionGroup,
    ImportError: Exception,
    ModuleNotFoundError: ImportError,
    LookupError: Exception,
    IndexError: LookupError,
    KeyError: LookupError,
    MemoryError: Exception,
    NameError: Exception,
    UnboundLocalError: NameError,
    OSError: Exception,
    BlockingIOError: OSError,
    ChildProcessError: OSError,
    ConnectionError: OSError,
    BrokenPipeError: ConnectionError,
    ConnectionAbortedError: ConnectionError,
    ConnectionRefusedError: ConnectionError,
    ConnectionResetError: ConnectionError,
    FileExistsError: OSError,
    FileNotFoundError: OSError,
    InterruptedError: OSError,
    IsADirectoryError: OSError,
    NotADirectoryError: OSError,
    PermissionError: OSError,
    ProcessLookupError: OSError,
    TimeoutError: OSError,
    ReferenceError: Exception,
    RuntimeError: Exception,
    NotImplementedError: RuntimeError,
    RecursionError: RuntimeError,
    StopAsyncIteration: Exception,
    StopIteration: Exception,
    SyntaxError: Exception,
    IndentationError: SyntaxError,
    TabError: IndentationError,
    SystemError: Exception,
    TypeError: Exception,
    ValueError: Exception,
    UnicodeError: ValueError,
    UnicodeDecodeError: UnicodeError,
    UnicodeEncodeError: UnicodeError,
    UnicodeTranslateError: UnicodeError,
    Warning: Exception,
    BytesWarning: Warning,
    DeprecationWarning: Warning,
    EncodingWarning: Warning,
    FutureWarning: Warning,
    ImportWarning: Warning,
    PendingDeprecationWarning: Warning,
    ResourceWarning: Warning,
    RuntimeWarning: Warning,
    SyntaxWarning: Warning,
    UnicodeWarning: Warning,
    UserWarning: Warning,
);

/// The exception classes, indexed by `ExcKind as usize`; filled at start-up.
pub(crate) static EXC_TYPES: GilCell<Vec<Value>> = GilCell::new(Vec::new());

pub fn exc_type(kind: ExcKind) -> &'static TypeObject {
    // SAFETY: filled once at start-up; the types are immortal.
    let table = unsafe { EXC_TYPES.get_mut() };
    let v = &table[kind as usize];
    // SAFETY: every entry is a type object.
    unsafe { &*(v.ptr_unchecked() as *const TypeObject) }
}

pub fn exc_type_value(kind: ExcKind) -> Value {
    exc_type(kind).as_value()
}

/// `BaseException` instances (and those of every subclass).
#[repr(C)]
pub struct ExceptionObject {
    pub(crate) header: ObjHeader,
    pub(crate) args: UnsafeCell<Value>,
    pub(crate) traceback: UnsafeCell<Value>,
    pub(crate) cause: UnsafeCell<Value>,
    pub(crate) context: UnsafeCell<Value>,
    pub(crate) suppress_context: Cell<bool>,
    /// For exception groups: the `(message, exceptions)` tuple (NULL otherwise),
    /// kept apart from `args` which user code may reassign.
    pub(crate) group: UnsafeCell<Value>,
}

unsafe impl PyPayload for ExceptionObject {
    const KIND: LayoutKind = LayoutKind::Exception;
}

fn read(cell: &UnsafeCell<Value>) -> Value {
    // SAFETY: fields are read by clone and written by `write`.
    unsafe { (*cell.get()).clone() }
}

fn write(cell: &UnsafeCell<Value>, v: Value) {
    let old = unsafe { std::mem::replace(&mut *cell.get(), v) };
    drop(old);
}

impl ExceptionObject {
    pub fn args(&self) -> Value {
        read(&self.args)
    }
    pub fn set_args(&self, v: Value) {
        write(&self.args, v)
    }
    /// `__traceback__` (NULL when none).
    pub fn traceback(&self) -> Value {
        read(&self.traceback)
    }
    pub fn set_traceback(&self, v: Value) {
        write(&self.traceback, v)
    }
    pub fn cause(&self) -> Value {
        read(&self.cause)
    }
    pub fn set_cause(&self, v: Value) {
        write(&self.cause, v)
    }
    pub fn context(&self) -> Value {
        read(&self.context)
    }
    pub fn set_context(&self, v: Value) {
        write(&self.context, v)
    }
    /// `(message, exceptions)` of an exception group, NULL for other exceptions.
    pub fn group(&self) -> Value {
        read(&self.group)
    }
    pub fn set_group(&self, v: Value) {
        write(&self.group, v)
    }
}

/// A new exception instance of `ty` with the given args tuple.
pub fn new_exception(ty: &TypeObject, args: Value) -> Value {
    alloc_object(
        ty,
        ExceptionObject {
            header: ObjHeader::new(std::ptr::null()),
            args: UnsafeCell::new(args),
            traceback: UnsafeCell::new(Value::NULL),
            cause: UnsafeCell::new(Value::NULL),
            context: UnsafeCell::new(Value::NULL),
            suppress_context: Cell::new(false),
            group: UnsafeCell::new(Value::NULL),
        },
    )
}

pub fn new_exception_msg(kind: ExcKind, msg: &str) -> Value {
    new_exception(exc_type(kind), new_tuple(vec![crate::objects::str::new_str(msg)]))
}

pub fn new_exception_noargs(kind: ExcKind) -> Value {
    new_exception(exc_type(kind), empty_tuple())
}

/// One level of a traceback: where the exception passed through a frame.
#[repr(C)]
pub struct TracebackObject {
    pub(crate) header: ObjHeader,
    pub(crate) next: Value,
    /// The frame's code (frame objects come later, materialized lazily).
    pub(crate) code: Value,
    /// Offset in code units of the instruction that was running.
    pub(crate) lasti: u32,
}

unsafe impl PyPayload for TracebackObject {
    const KIND: LayoutKind = LayoutKind::Traceback;
}

pub fn new_traceback(next: Value, code: Value, lasti: u32) -> Value {
    alloc_object(
        TRACEBACK_TYPE.get(),
        TracebackObject {
            header: ObjHeader::new(std::ptr::null()),
            next,
            code,
            lasti,
        },
    )
}
