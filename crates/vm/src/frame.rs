//! Frames live on the VM's own stack: a frame record in `Vm::frames` plus a
//! contiguous run of value slots (locals, cells, free variables, then the
//! value stack) in the data stack. The data stack is a list of chunks that
//! never move, so the dispatch loop can keep raw pointers into a frame's slots.

use crate::objects::code::CodeObj;
use crate::objects::dict::DictObject;
use crate::value::Value;
use std::mem::MaybeUninit;

/// Slots per data-stack chunk (frames larger than this get a chunk of their own).
const CHUNK_SLOTS: usize = 1 << 16;

pub struct DataStack {
    /// Raw slots: a frame's variables are initialized when it is pushed, its
    /// value stack only up to its depth.
    chunks: Vec<Box<[MaybeUninit<Value>]>>,
    /// Index of the chunk in use.
    current: usize,
    /// First free slot of the current chunk.
    top: usize,
}

/// Where a frame's slots were taken from, to give them back.
#[derive(Clone, Copy)]
pub struct StackMark {
    chunk: usize,
    top: usize,
}

impl DataStack {
    pub fn new() -> DataStack {
        DataStack {
            chunks: Vec::new(),
            current: 0,
            top: 0,
        }
    }

    /// Reserves `n` slots, the first `n_init` set to NULL. Returns their base
    /// and the mark to release them.
    #[inline]
    pub fn alloc(&mut self, n: usize, n_init: usize) -> (*mut Value, StackMark) {
        let mark = StackMark {
            chunk: self.current,
            top: self.top,
        };
        let base = match self.chunks.get_mut(self.current) {
            Some(c) if self.top + n <= c.len() => {
                // SAFETY: top + n is within the chunk.
                unsafe { c.as_mut_ptr().add(self.top) as *mut Value }
            }
            _ => self.new_chunk(n),
        };
        for i in 0..n_init.min(n) {
            // SAFETY: inside the chunk; the slot holds no live value.
            unsafe { base.add(i).write(Value::NULL) };
        }
        self.top += n;
        (base, mark)
    }

    /// Moves to the next chunk (reusing it when big enough) and returns its base.
    #[cold]
    fn new_chunk(&mut self, n: usize) -> *mut Value {
        let next = if self.chunks.is_empty() { 0 } else { self.current + 1 };
        let size = n.max(CHUNK_SLOTS);
        if self.chunks.len() > next && self.chunks[next].len() < n {
            self.chunks.truncate(next);
        }
        if self.chunks.len() <= next {
            self.chunks.push((0..size).map(|_| MaybeUninit::uninit()).collect());
        }
        self.current = next;
        self.top = 0;
        self.chunks[next].as_mut_ptr() as *mut Value
    }

    /// The current position, for frames that take no slots.
    pub fn mark(&self) -> StackMark {
        StackMark {
            chunk: self.current,
            top: self.top,
        }
    }

    /// Gives back the slots of the most recent allocation (their values must
    /// have been dropped already).
    pub fn release(&mut self, mark: StackMark) {
        self.current = mark.chunk;
        self.top = mark.top;
    }
}

impl Default for DataStack {
    fn default() -> Self {
        DataStack::new()
    }
}

pub struct Frame {
    /// The code being run; kept alive by `func` or `owned`.
    pub(crate) code: *const CodeObj,
    /// The globals dict; kept alive by `func` or `owned`.
    pub(crate) globals: *const DictObject,
    /// The builtins dict; kept alive by `func` or `owned`.
    pub(crate) builtins: *const DictObject,
    /// The function being run (NULL for module, class-body and exec code).
    pub(crate) func: Value,
    /// Owned code, globals and builtins of frames without a function (held, never read).
    #[allow(dead_code)]
    pub(crate) owned: Option<Box<[Value; 3]>>,
    /// The locals mapping of module and class bodies (NULL in functions).
    pub(crate) locals: Value,
    /// The generator whose storage holds this frame's slots (NULL otherwise).
    pub(crate) generator: Value,
    /// Base of the frame's slots: `nlocalsplus` variables, then the value stack.
    pub(crate) localsplus: *mut Value,
    /// Value-stack depth while the frame is not running.
    pub(crate) stack_depth: usize,
    /// Offset (code units) of the instruction running or last run.
    pub(crate) lasti: u32,
    /// Offset of the next instruction to run when the frame resumes.
    pub(crate) resume_at: u32,
    pub(crate) mark: StackMark,
    /// Its frame object, once one was asked for (NULL until then).
    pub(crate) frame_obj: Value,
    /// Entered from Rust: when it returns, the dispatch loop returns to its caller.
    pub(crate) is_entry: bool,
    /// For an `__init__` frame pushed by a class call in the dispatch loop:
    /// the new instance, which its return hands to the caller (NULL otherwise).
    /// Such a frame also holds one extra recursion level, the class call's.
    pub(crate) init_self: Value,
    /// For an operator method's frame pushed by BINARY_OP: the oparg + 1
    /// (0 otherwise). Its caller still holds the two operands; the return
    /// pops them, and a NotImplemented result becomes the TypeError.
    pub(crate) ret_binop: u8,
}

impl Frame {
    #[inline(always)]
    pub(crate) fn code(&self) -> &CodeObj {
        // SAFETY: kept alive by `func` or `owned` for the frame's life.
        unsafe { &*self.code }
    }

    pub(crate) fn code_value(&self) -> Value {
        Value::from_borrowed_ptr(std::ptr::NonNull::from(&self.code().header))
    }

    #[inline(always)]
    pub(crate) fn globals(&self) -> &DictObject {
        // SAFETY: as `code`.
        unsafe { &*self.globals }
    }

    pub(crate) fn globals_value(&self) -> Value {
        Value::from_borrowed_ptr(std::ptr::NonNull::from(&self.globals().header))
    }

    #[inline(always)]
    pub(crate) fn builtins(&self) -> &DictObject {
        // SAFETY: as `code`.
        unsafe { &*self.builtins }
    }

    pub(crate) fn builtins_value(&self) -> Value {
        Value::from_borrowed_ptr(std::ptr::NonNull::from(&self.builtins().header))
    }

    /// Drops the first `upto` slots (variables, then the live part of the stack).
    ///
    /// # Safety
    /// Those slots hold initialized values, which are not used afterwards.
    pub(crate) unsafe fn clear_slots(&mut self, upto: usize) {
        for i in 0..upto {
            let v = self.localsplus.add(i).read();
            drop(v);
        }
    }
}

// ---- frame objects ----
//
// A frame object (`sys._getframe()`, `tb_frame`, `gi_frame`) is made only
// when asked for and cached in the frame record, so that the same running
// frame always gives the same object. While its frame is on the stack the
// object reads it there (`live`); when the frame leaves the stack, the object
// keeps a copy of the variables, its last instruction and its caller
// (CPython's `take_ownership`), unless nobody else holds the object.

use crate::args::ArgSpec;
use crate::exception::{ExcKind, PyResult};
use crate::modules::{init_native_type, NativeType};
use crate::objects::cell::CellObject;
use crate::objects::generator::{GenState, GeneratorObject};
use crate::objects::native::{new_native, NativeData};
use crate::objects::singletons::none;
use crate::typeinit::{add_getset_to, add_method_to};
use crate::typeobj::{KwNames, TypeObject, OBJECT_TYPE};
use crate::vm::Vm;
use std::cell::{Cell, RefCell};

pub struct FrameData {
    code: Value,
    globals: Value,
    builtins: Value,
    /// Index in `Vm::frames` while the frame is on the stack.
    live: Cell<Option<usize>>,
    /// Module and class bodies: their locals mapping. Functions: the
    /// `f_locals` snapshot dict, made on first use and refreshed on each.
    locals: RefCell<Value>,
    /// The variables (cells as cells) once the frame left the stack.
    saved: RefCell<Vec<Value>>,
    lasti: Cell<u32>,
    /// The caller, once the frame left the stack (NULL: none).
    back: RefCell<Value>,
    /// The generator running this frame (NULL otherwise); not owned, the
    /// generator clears it when it goes away.
    generator: Cell<*const GeneratorObject>,
    trace: RefCell<Value>,
    trace_lines: Cell<bool>,
    trace_opcodes: Cell<bool>,
}

impl NativeData for FrameData {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.code);
        visit(&self.globals);
        visit(&self.builtins);
        visit(&self.locals.borrow());
        for v in self.saved.borrow().iter() {
            visit(v);
        }
        visit(&self.back.borrow());
        visit(&self.trace.borrow());
    }
    fn clear(&self) {
        let old = (
            self.locals.replace(Value::NULL),
            std::mem::take(&mut *self.saved.borrow_mut()),
            self.back.replace(Value::NULL),
            self.trace.replace(Value::NULL),
        );
        drop(old);
    }
}

static FRAME_TYPE: NativeType = NativeType::new();

/// `types.FrameType`.
pub fn frame_type() -> &'static TypeObject {
    FRAME_TYPE.get_or_init(|st| {
        init_native_type(st, "builtins", "frame", crate::object::LayoutKind::Native, &OBJECT_TYPE, 0, |s| {
            s.repr = Some(frame_repr);
        });
        let t = st.get();
        let getters: &[(&'static str, crate::objects::descr::GetterFn)] = &[
            ("f_code", |_vm, f| Ok(data(f).map_or_else(none, |d| d.code.clone()))),
            ("f_globals", |_vm, f| Ok(data(f).map_or_else(none, |d| d.globals.clone()))),
            ("f_builtins", |_vm, f| Ok(data(f).map_or_else(none, |d| d.builtins.clone()))),
            ("f_locals", frame_f_locals),
            ("f_back", frame_f_back),
            ("f_lineno", frame_f_lineno),
            ("f_lasti", frame_f_lasti),
        ];
        for (name, get) in getters {
            add_getset_to(t, name, *get, None);
        }
        add_getset_to(t, "f_trace", frame_f_trace, Some(frame_set_trace));
        add_getset_to(t, "f_trace_lines", frame_f_trace_lines, Some(frame_set_trace_lines));
        add_getset_to(t, "f_trace_opcodes", frame_f_trace_opcodes, Some(frame_set_trace_opcodes));
        add_method_to(t, "clear", frame_clear);
    })
}

fn data(f: &Value) -> Option<&FrameData> {
    f.native_ref::<FrameData>()
}

/// `frame.f_globals` of a frame object.
pub(crate) fn frame_globals(f: &Value) -> Option<Value> {
    data(f).map(|d| d.globals.clone()).filter(|g| !g.is_null())
}

impl Vm {
    /// The frame object of `self.frames[fi]`, made on first use.
    pub(crate) fn frame_object(&mut self, fi: usize) -> Value {
        let Some(f) = self.frames.get(fi) else {
            return none();
        };
        if !f.frame_obj.is_null() {
            return f.frame_obj.clone();
        }
        let gen = f.generator.downcast_ref::<GeneratorObject>().map_or(std::ptr::null(), |g| g as *const _);
        let obj = new_native(
            frame_type(),
            FrameData {
                code: f.code_value(),
                globals: f.globals_value(),
                builtins: f.builtins_value(),
                live: Cell::new(Some(fi)),
                locals: RefCell::new(f.locals.clone()),
                saved: RefCell::new(Vec::new()),
                lasti: Cell::new(f.lasti),
                back: RefCell::new(Value::NULL),
                generator: Cell::new(gen),
                trace: RefCell::new(Value::NULL),
                trace_lines: Cell::new(true),
                trace_opcodes: Cell::new(false),
            },
        );
        if let Some(g) = f.generator.downcast_ref::<GeneratorObject>() {
            g.set_frame_object(obj.clone());
        }
        if let Some(f) = self.frames.get_mut(fi) {
            f.frame_obj = obj.clone();
        }
        obj
    }

    /// Called as frame `f` leaves the stack (it was `self.frames[len]`): its
    /// frame object keeps what it needs to stay readable.
    pub(crate) fn detach_frame_object(&mut self, f: &Frame) {
        let obj = f.frame_obj.clone();
        let Some(d) = data(&obj) else { return };
        d.live.set(None);
        d.lasti.set(f.lasti);
        // Only the record and `obj` hold it: nobody can look at it any more.
        let is_generator = !f.generator.is_null();
        if !is_generator && crate::object::refcount(&obj).is_some_and(|n| n <= 2) {
            return;
        }
        // A generator that yielded keeps its variables; read them there.
        if is_generator && self.yielded {
            return;
        }
        let n = f.code().nlocalsplus();
        // SAFETY: the frame's variables are still initialized (called before
        // its slots are cleared or handed back).
        let vars: Vec<Value> = (0..n).map(|i| unsafe { (*f.localsplus.add(i)).clone() }).collect();
        let old = d.saved.replace(vars);
        drop(old);
        if !is_generator {
            // The caller, if any, is now the top frame.
            let back = match self.frames.len() {
                0 => Value::NULL,
                len => self.frame_object(len - 1),
            };
            let old = d.back.replace(back);
            drop(old);
        }
    }

    /// A generator's frame object (made while suspended) runs again at `fi`.
    pub(crate) fn attach_frame_object(&mut self, fi: usize, obj: &Value) {
        if let Some(d) = data(obj) {
            d.live.set(Some(fi));
        }
        if let Some(f) = self.frames.get_mut(fi) {
            f.frame_obj = obj.clone();
        }
    }

    /// The locals of the current frame as `locals()` gives them.
    pub(crate) fn current_frame_locals(&mut self) -> Value {
        match self.frames.len() {
            0 => crate::objects::dict::DictObject::new_value(),
            len => {
                if !self.frames[len - 1].locals.is_null() {
                    return self.frames[len - 1].locals.clone();
                }
                let obj = self.frame_object(len - 1);
                frame_locals_of(self, &obj)
            }
        }
    }
}

/// Variables of a frame object's frame: live slots or the saved copy.
fn frame_variables(vm: &Vm, d: &FrameData) -> Vec<Value> {
    if let Some(fi) = d.live.get() {
        if let Some(f) = vm.frames.get(fi) {
            let n = f.code().nlocalsplus();
            // SAFETY: a live frame's variables are initialized.
            return (0..n).map(|i| unsafe { (*f.localsplus.add(i)).clone() }).collect();
        }
    }
    if let Some(g) = unsafe { d.generator.get().as_ref() } {
        if g.state.get() == GenState::Suspended || g.state.get() == GenState::Created {
            return g.variables();
        }
    }
    d.saved.borrow().clone()
}

/// `frame.f_locals`: a module or class body's mapping, or for a function a
/// dict refreshed from its variables (`PyFrame_FastToLocals`): unbound
/// variables are removed from it, other keys stay.
fn frame_locals_of(vm: &mut Vm, obj: &Value) -> Value {
    let Some(d) = data(obj) else { return none() };
    let current = d.locals.borrow().clone();
    let code = d.code.clone();
    let Some(c) = code.downcast_ref::<crate::objects::code::CodeObj>() else {
        return none();
    };
    if !current.is_null() && c.flags & pyrite_bytecode::code::flags::OPTIMIZED == 0 {
        return current;
    }
    let dict_v = if current.is_null() {
        let nd = crate::objects::dict::DictObject::new_value();
        let old = d.locals.replace(nd.clone());
        drop(old);
        nd
    } else {
        current
    };
    let vars = frame_variables(vm, d);
    if let Some(dict) = dict_v.downcast_ref::<crate::objects::dict::DictObject>() {
        for (i, name) in c.localsplusnames.iter().enumerate() {
            let kind = c.localspluskinds.get(i).copied().unwrap_or(0);
            let mut v = vars.get(i).cloned().unwrap_or(Value::NULL);
            if kind & 0xC0 != 0 {
                if let Some(cell) = v.downcast_ref::<CellObject>() {
                    v = cell.get().unwrap_or(Value::NULL);
                }
            }
            // Free variables of a class body are its own business (CO_OPTIMIZED only).
            if v.is_null() {
                let old = dict.del_str(name);
                drop(old);
            } else {
                dict.insert_str(name, v);
            }
        }
    }
    let _ = vm;
    dict_v
}

fn frame_f_locals(vm: &mut Vm, f: &Value) -> PyResult<Value> {
    Ok(frame_locals_of(vm, f))
}

fn frame_f_back(vm: &mut Vm, f: &Value) -> PyResult<Value> {
    let Some(d) = data(f) else { return Ok(none()) };
    if let Some(fi) = d.live.get() {
        // A suspended generator's frame has no caller; a running one's is below it.
        return Ok(match fi.checked_sub(1) {
            Some(prev) if vm.frames.get(fi).is_some_and(|fr| fr.frame_obj.is(f)) => vm.frame_object(prev),
            _ => none(),
        });
    }
    let back = d.back.borrow().clone();
    Ok(if back.is_null() { none() } else { back })
}

fn current_lasti(vm: &Vm, d: &FrameData) -> u32 {
    match d.live.get().and_then(|fi| vm.frames.get(fi)) {
        Some(f) => f.lasti,
        None => match unsafe { d.generator.get().as_ref() } {
            Some(g) => g.lasti.get(),
            None => d.lasti.get(),
        },
    }
}

fn frame_line(vm: &Vm, d: &FrameData) -> Option<u32> {
    let c = d.code.downcast_ref::<crate::objects::code::CodeObj>()?;
    let lasti = current_lasti(vm, d);
    c.line_of(lasti)
}

fn frame_f_lineno(vm: &mut Vm, f: &Value) -> PyResult<Value> {
    let Some(d) = data(f) else { return Ok(none()) };
    Ok(frame_line(vm, d).map_or_else(none, |l| Value::int(l as i64)))
}

fn frame_f_lasti(vm: &mut Vm, f: &Value) -> PyResult<Value> {
    let Some(d) = data(f) else { return Ok(none()) };
    Ok(Value::int(current_lasti(vm, d) as i64 * 2))
}

fn frame_f_trace(_vm: &mut Vm, f: &Value) -> PyResult<Value> {
    let t = data(f).map_or(Value::NULL, |d| d.trace.borrow().clone());
    Ok(if t.is_null() { none() } else { t })
}

fn frame_set_trace(_vm: &mut Vm, f: &Value, v: Option<Value>) -> PyResult<()> {
    if let Some(d) = data(f) {
        let v = v.filter(|v| !v.is_none()).unwrap_or(Value::NULL);
        let old = d.trace.replace(v);
        drop(old);
    }
    Ok(())
}

fn bool_attr(vm: &mut Vm, v: Option<Value>, name: &str) -> PyResult<bool> {
    match v {
        Some(v) if v.is_true_obj() => Ok(true),
        Some(v) if v.is_false_obj() => Ok(false),
        Some(_) => Err(vm.type_error("attribute value type must be bool")),
        None => Err(vm.type_error(format!("can't delete {name} attribute"))),
    }
}

fn frame_f_trace_lines(_vm: &mut Vm, f: &Value) -> PyResult<Value> {
    Ok(Value::bool(data(f).is_some_and(|d| d.trace_lines.get())))
}

fn frame_set_trace_lines(vm: &mut Vm, f: &Value, v: Option<Value>) -> PyResult<()> {
    let b = bool_attr(vm, v, "f_trace_lines")?;
    if let Some(d) = data(f) {
        d.trace_lines.set(b);
    }
    Ok(())
}

fn frame_f_trace_opcodes(_vm: &mut Vm, f: &Value) -> PyResult<Value> {
    Ok(Value::bool(data(f).is_some_and(|d| d.trace_opcodes.get())))
}

fn frame_set_trace_opcodes(vm: &mut Vm, f: &Value, v: Option<Value>) -> PyResult<()> {
    let b = bool_attr(vm, v, "f_trace_opcodes")?;
    if let Some(d) = data(f) {
        d.trace_opcodes.set(b);
    }
    Ok(())
}

/// `frame.clear()`: drops the variables of a finished frame; a suspended
/// generator's frame closes the generator; a running frame refuses.
fn frame_clear(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [f] = ArgSpec::exact::<1>(vm, "clear", args, 1)?;
    let Some(d) = data(&f) else { return Ok(none()) };
    if let Some(g) = unsafe { d.generator.get().as_ref() } {
        match g.state.get() {
            GenState::Running => return Err(vm.new_error(ExcKind::RuntimeError, "cannot clear an executing frame")),
            GenState::Suspended | GenState::Created => {
                // The generator's finalizer: what goes wrong is reported, not raised.
                let genv = g.as_value();
                if let Err(e) = vm.gen_finalize_once(&genv) {
                    crate::sysmodule::write_unraisable(vm, &genv, &e);
                }
            }
            GenState::Finished => {}
        }
    } else if d.live.get().is_some() {
        return Err(vm.new_error(ExcKind::RuntimeError, "cannot clear an executing frame"));
    }
    let old = (
        std::mem::take(&mut *d.saved.borrow_mut()),
        d.trace.replace(Value::NULL),
    );
    drop(old);
    let locals = d.locals.borrow().clone();
    let optimized = d
        .code
        .downcast_ref::<crate::objects::code::CodeObj>()
        .is_some_and(|c| c.flags & pyrite_bytecode::code::flags::OPTIMIZED != 0);
    if optimized {
        let old = d.locals.replace(Value::NULL);
        drop(old);
    }
    drop(locals);
    Ok(none())
}

fn frame_repr(vm: &mut Vm, f: &Value) -> PyResult<Value> {
    let Some(d) = data(f) else { return Ok(none()) };
    let (file, name) = match d.code.downcast_ref::<crate::objects::code::CodeObj>() {
        Some(c) => (
            crate::objects::str::display_lossy(&c.filename),
            crate::objects::str::display_lossy(&c.name),
        ),
        None => (String::new(), String::new()),
    };
    let line = frame_line(vm, d).map_or(-1, |l| l as i64);
    let addr = f.as_ptr().map_or(0, |p| p.as_ptr() as u64);
    let mut file_repr = String::new();
    pyrite_repr::write_str_repr_of(&mut file_repr, &file);
    Ok(vm.new_str(&format!("<frame at {addr:#x}, file {file_repr}, line {line}, code {name}>")))
}

/// A frame object for a generator that is not running (`gi_frame`).
pub(crate) fn suspended_generator_frame(gen: &GeneratorObject) -> Value {
    let f = gen.func();
    let code = gen.code.clone();
    let obj = new_native(
        frame_type(),
        FrameData {
            code,
            globals: f.globals.clone(),
            builtins: f.builtins.clone(),
            live: Cell::new(None),
            locals: RefCell::new(Value::NULL),
            saved: RefCell::new(Vec::new()),
            lasti: Cell::new(gen.lasti.get()),
            back: RefCell::new(Value::NULL),
            generator: Cell::new(gen as *const _),
            trace: RefCell::new(Value::NULL),
            trace_lines: Cell::new(true),
            trace_opcodes: Cell::new(false),
        },
    );
    gen.set_frame_object(obj.clone());
    obj
}

/// The generator behind a frame object goes away: the object keeps a copy
/// of the variables.
pub(crate) fn generator_gone(obj: &Value, vars: Vec<Value>, lasti: u32) {
    if let Some(d) = data(obj) {
        d.generator.set(std::ptr::null());
        d.live.set(None);
        d.lasti.set(lasti);
        let old = d.saved.replace(vars);
        drop(old);
    }
}

/// `sys._getframe([depth])`.
pub(crate) fn sys_getframe(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    ArgSpec::range(vm, "_getframe", args, 0, 0, 1)?;
    let depth = match args.first() {
        Some(d) => vm.index_i64(d)?,
        None => 0,
    };
    let depth = depth.max(0) as usize;
    match vm.frames.len().checked_sub(1 + depth) {
        Some(fi) => Ok(vm.frame_object(fi)),
        None => Err(vm.value_error("call stack is not deep enough")),
    }
}

/// `frame.f_trace` of a frame object (NULL: none), for `tracing.rs`.
pub(crate) fn frame_trace(f: &Value) -> Value {
    data(f).map_or(Value::NULL, |d| d.trace.borrow().clone())
}

/// Sets `frame.f_trace` (NULL: none).
pub(crate) fn set_frame_trace(f: &Value, v: Value) {
    if let Some(d) = data(f) {
        let old = d.trace.replace(v);
        drop(old);
    }
}

/// `frame.f_trace_lines` of a frame object.
pub(crate) fn frame_trace_lines(f: &Value) -> bool {
    data(f).is_some_and(|d| d.trace_lines.get())
}

/// `frame.f_trace_opcodes` of a frame object.
pub(crate) fn frame_trace_opcodes(f: &Value) -> bool {
    data(f).is_some_and(|d| d.trace_opcodes.get())
}
