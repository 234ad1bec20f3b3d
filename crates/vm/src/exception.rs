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
    /// The next level (NULL: none); writable from Python (`tb_next`).
    next: UnsafeCell<Value>,
    /// The frame's code.
    pub(crate) code: Value,
    /// The frame object (NULL for levels made without one).
    pub(crate) frame: Value,
    /// `tb_lasti` as CPython keeps it: the byte offset of the instruction
    /// that was running (any C int when given to the constructor).
    pub(crate) lasti: i32,
    /// `tb_lineno` given to the constructor; None (or -1 given): from
    /// `code` and `lasti`, when asked for (as CPython 3.11.7 does).
    pub(crate) lineno: Option<i32>,
}

impl TracebackObject {
    /// The running instruction in code units (None for a negative `tb_lasti`).
    pub(crate) fn code_unit(&self) -> Option<u32> {
        u32::try_from(self.lasti / 2).ok()
    }

    /// `tb_lineno`: the given line, else the running instruction's (-1 when
    /// it has none, as CPython's PyCode_Addr2Line answers).
    pub(crate) fn line(&self) -> i32 {
        if let Some(l) = self.lineno {
            return l;
        }
        let code = self.code.downcast_ref::<crate::objects::code::CodeObj>();
        match (code, self.code_unit()) {
            (Some(c), Some(unit)) => c.line_of(unit).and_then(|l| i32::try_from(l).ok()).unwrap_or(-1),
            (Some(c), None) => c.firstlineno as i32,
            _ => -1,
        }
    }

    /// The next level, borrowed (for the cycle collector's traversal).
    pub(crate) fn next_ref(&self) -> &Value {
        // SAFETY: read only; `tb_next` is replaced by `set_next`, not while borrowed.
        unsafe { &*self.next.get() }
    }
}

unsafe impl PyPayload for TracebackObject {
    const KIND: LayoutKind = LayoutKind::Traceback;
}

impl TracebackObject {
    /// The next level (NULL when none).
    pub fn next(&self) -> Value {
        read(&self.next)
    }
    pub fn set_next(&self, v: Value) {
        write(&self.next, v)
    }
}

/// A traceback level for the instruction at code unit `lasti` of `code`.
pub fn new_traceback(next: Value, frame: Value, code: Value, lasti: u32) -> Value {
    let lasti = i32::try_from(lasti.saturating_mul(2)).unwrap_or(i32::MAX);
    new_traceback_with_line(next, frame, code, lasti, None)
}

/// A traceback level with `tb_lasti` (a byte offset) and `tb_lineno` as given.
pub fn new_traceback_with_line(next: Value, frame: Value, code: Value, lasti: i32, lineno: Option<i32>) -> Value {
    alloc_object(
        TRACEBACK_TYPE.get(),
        TracebackObject {
            header: ObjHeader::new(std::ptr::null()),
            next: UnsafeCell::new(next),
            code,
            frame,
            lasti,
            lineno,
        },
    )
}

// ---- the traceback type ----

use crate::objects::singletons::none;
use crate::typeobj::KwNames;
use crate::vm::Vm;

fn tb_of(v: &Value) -> Option<&TracebackObject> {
    v.downcast_ref::<TracebackObject>()
}

fn tb_next_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(tb_of(v).map(|t| t.next()).filter(|n| !n.is_null()).unwrap_or_else(none))
}

/// `tb.tb_next = x`: another traceback or None, never forming a loop.
fn tb_next_set(vm: &mut Vm, v: &Value, new: Option<Value>) -> PyResult<()> {
    let Some(new) = new else {
        return Err(vm.type_error("can't delete tb_next attribute"));
    };
    let new = if new.is_none() { Value::NULL } else { new };
    if !new.is_null() && tb_of(&new).is_none() {
        let msg = format!("expected traceback object, got '{}'", vm.type_name(&new));
        return Err(vm.type_error(msg));
    }
    let mut cursor = new.clone();
    while let Some(t) = tb_of(&cursor) {
        if cursor.is(v) {
            return Err(vm.value_error("traceback loop detected"));
        }
        cursor = t.next();
    }
    if let Some(t) = tb_of(v) {
        t.set_next(new);
    }
    Ok(())
}

/// `tb_lineno`: None when the instruction has no line.
fn tb_lineno_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(tb_of(v).map(|t| t.line()).filter(|&l| l != -1).map_or_else(none, |l| Value::int(l as i64)))
}

fn tb_lasti_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(tb_of(v).map_or_else(none, |t| Value::int(t.lasti as i64)))
}

fn tb_frame_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(tb_of(v).map(|t| t.frame.clone()).filter(|f| !f.is_null()).unwrap_or_else(none))
}

fn readonly_member(vm: &mut Vm, _v: &Value, _new: Option<Value>) -> PyResult<()> {
    Err(vm.new_error(ExcKind::AttributeError, "readonly attribute"))
}

/// `types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)`.
fn tb_new(vm: &mut Vm, _cls: &Value, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let names = ["tb_next", "tb_frame", "tb_lasti", "tb_lineno"];
    let a = crate::args::ArgSpec::parse(vm, "TracebackType", args, kw, &names, 4, 0)?;
    for (i, name) in names.iter().enumerate() {
        if a[i].is_none() {
            let msg = format!("TracebackType() missing required argument '{name}' (pos {})", i + 1);
            return Err(vm.type_error(msg));
        }
    }
    let get = |i: usize| a[i].clone().unwrap_or_else(none);
    let (next, frame) = (get(0), get(1));
    if frame.native_ref::<crate::frame::FrameData>().is_none() {
        let msg = format!("TracebackType() argument 'tb_frame' must be frame, not {}", vm.type_name(&frame));
        return Err(vm.type_error(msg));
    }
    // Argument Clinic's `int` converter: C ints, kept as given.
    let lasti = vm.c_int(&get(2))?;
    let lineno = vm.c_int(&get(3))?;
    let next = if next.is_none() { Value::NULL } else { next };
    if !next.is_null() && tb_of(&next).is_none() {
        let msg = format!("expected traceback object or None, got '{}'", vm.type_name(&next));
        return Err(vm.type_error(msg));
    }
    let code = vm.getattr_str(&frame, "f_code")?;
    let lineno = if lineno == -1 { None } else { Some(lineno) };
    Ok(new_traceback_with_line(next, frame, code, lasti, lineno))
}

pub(crate) fn init_traceback_type() {
    use crate::typeinit::add_getset;
    add_getset(&TRACEBACK_TYPE, "tb_next", tb_next_get, Some(tb_next_set));
    add_getset(&TRACEBACK_TYPE, "tb_lineno", tb_lineno_get, None);
    // Read-only members in CPython (their message differs from a getset's).
    add_getset(&TRACEBACK_TYPE, "tb_lasti", tb_lasti_get, Some(readonly_member));
    add_getset(&TRACEBACK_TYPE, "tb_frame", tb_frame_get, Some(readonly_member));
    TRACEBACK_TYPE.get().slots_mut().new = Some(tb_new);
}
