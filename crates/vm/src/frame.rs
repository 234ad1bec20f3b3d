//! Frames live on the VM's own stack: a frame record in `Vm::frames` plus a
//! contiguous run of value slots (locals, cells, free variables, then the
//! value stack) in the data stack. The data stack is a list of chunks that
//! never move, so the dispatch loop can keep raw pointers into a frame's slots.

use crate::objects::code::CodeObj;
use crate::objects::dict::DictObject;
use crate::value::Value;
use std::mem::MaybeUninit;
use std::ptr::NonNull;

/// Slots per data-stack chunk (frames larger than this get a chunk of their own).
const CHUNK_SLOTS: usize = 1 << 16;

struct Chunk {
    slots: Box<[MaybeUninit<Value>]>,
    /// The previous chunk's top when this chunk was entered, restored when
    /// the frame at this chunk's base gives its slots back.
    prev_top: *mut Value,
}

/// The frames' slots. Allocation is strictly LIFO (frames are popped in the
/// reverse order of their pushes), so a frame's slots are given back by its
/// base pointer alone, as CPython's data-stack chunks do: a base below the
/// top of the current chunk becomes the new top, and the base of the current
/// chunk (only the first frame placed in a chunk starts there) means going
/// back to the previous chunk.
pub struct DataStack {
    /// Raw slots: a frame's variables are initialized when it is pushed, its
    /// value stack only up to its depth.
    chunks: Vec<Chunk>,
    /// Index of the chunk in use.
    current: usize,
    /// First free slot of the current chunk.
    top: *mut Value,
    /// One past the current chunk's last slot.
    limit: *mut Value,
    /// The current chunk's first slot.
    base: *mut Value,
}

impl DataStack {
    pub fn new() -> DataStack {
        let mut slots = Box::new_uninit_slice(CHUNK_SLOTS);
        let range = slots.as_mut_ptr_range();
        let (base, limit) = (range.start as *mut Value, range.end as *mut Value);
        DataStack {
            chunks: vec![Chunk {
                slots,
                prev_top: std::ptr::null_mut(),
            }],
            current: 0,
            top: base,
            limit,
            base,
        }
    }

    /// Reserves `n` slots, the first `n_init` set to NULL, and returns their
    /// base (which `release` takes back).
    #[inline]
    pub fn alloc(&mut self, n: usize, n_init: usize) -> *mut Value {
        let room = (self.limit as usize - self.top as usize) / std::mem::size_of::<Value>();
        let base = if n <= room { self.top } else { self.new_chunk(n) };
        for i in 0..n_init.min(n) {
            // SAFETY: inside the chunk; the slot holds no live value.
            unsafe { base.add(i).write(Value::NULL) };
        }
        // SAFETY: `n` slots from `base` are inside the chunk.
        self.top = unsafe { base.add(n) };
        base
    }

    /// Moves to the next chunk (reusing it when big enough) and returns its base.
    #[cold]
    fn new_chunk(&mut self, n: usize) -> *mut Value {
        let next = self.current + 1;
        if self.chunks.get(next).is_some_and(|c| c.slots.len() < n) {
            self.chunks.truncate(next);
        }
        if self.chunks.len() <= next {
            let slots = Box::new_uninit_slice(n.max(CHUNK_SLOTS));
            self.chunks.push(Chunk {
                slots,
                prev_top: std::ptr::null_mut(),
            });
        }
        let prev_top = self.top;
        // Invariant: `next` < len (pushed or kept above).
        let chunk = &mut self.chunks[next];
        chunk.prev_top = prev_top;
        let range = chunk.slots.as_mut_ptr_range();
        self.current = next;
        self.base = range.start as *mut Value;
        self.limit = range.end as *mut Value;
        self.base
    }

    /// Gives back the slots of the most recent allocation, which start at
    /// `base` (their values must have been dropped already).
    #[inline(always)]
    pub fn release(&mut self, base: *mut Value) {
        if base == self.base {
            self.leave_chunk();
        } else {
            self.top = base;
        }
    }

    /// The first frame of the current chunk went: back to the previous chunk
    /// (the first chunk just becomes empty).
    #[cold]
    fn leave_chunk(&mut self) {
        match self.current.checked_sub(1) {
            None => self.top = self.base,
            Some(prev) => {
                self.top = self.chunks[self.current].prev_top;
                let range = self.chunks[prev].slots.as_mut_ptr_range();
                self.current = prev;
                self.base = range.start as *mut Value;
                self.limit = range.end as *mut Value;
            }
        }
    }
}

impl Default for DataStack {
    fn default() -> Self {
        DataStack::new()
    }
}

/// `Frame::flags` bits. The kinds are one-hot and exclusive: they say what
/// `Frame::extra` holds.
pub(crate) mod frame_flags {
    /// `extra` is the locals mapping (module and class bodies, exec).
    pub const LOCALS: u8 = 1;
    /// `extra` is the generator whose storage holds the frame's slots.
    pub const GENERATOR: u8 = 2;
    /// `extra` is the new instance of a class call made in the dispatch loop,
    /// for an `__init__` frame: its return hands it to the caller. Such a
    /// frame also holds one extra recursion level, the class call's.
    pub const INIT_SELF: u8 = 4;
    /// Entered from Rust: when it returns, the dispatch loop returns to its caller.
    pub const ENTRY: u8 = 8;
    /// The frame holds one counted reference to each of its code, globals and
    /// builtins (frames without a function, and frames whose function's
    /// `__code__` was replaced while they ran); dropped by `Frame`'s `Drop`.
    pub const OWNS_REFS: u8 = 16;
    /// A function whose code was not compiled as a function body
    /// (`FunctionType(compile(...), g)`): its locals are its globals.
    pub const GLOBALS_AS_LOCALS: u8 = 32;
}
use frame_flags as ff;

/// A frame record: 72 bytes, as CPython 3.11's `_PyInterpreterFrame`.
pub struct Frame {
    /// The code being run; kept alive by `func` or by `OWNS_REFS`.
    pub(crate) code: *const CodeObj,
    /// The globals dict; kept alive by `func` or by `OWNS_REFS`.
    pub(crate) globals: *const DictObject,
    /// The builtins dict; kept alive by `func` or by `OWNS_REFS`.
    pub(crate) builtins: *const DictObject,
    /// The function being run (NULL for module, class-body and exec code).
    pub(crate) func: Value,
    /// The locals mapping, the generator or the `__init__` instance, as the
    /// kind bit of `flags` says (NULL for none); read through the accessors.
    extra: Value,
    /// Base of the frame's slots: `nlocalsplus` variables, then the value stack.
    pub(crate) localsplus: *mut Value,
    /// Its frame object, once one was asked for (NULL until then).
    pub(crate) frame_obj: Value,
    /// Value-stack depth while the frame is not running (at most the code's
    /// `stacksize`, a u32).
    pub(crate) stack_depth: u32,
    /// Offset (code units) of the instruction running or last run.
    pub(crate) lasti: u32,
    /// Offset of the next instruction to run when the frame resumes.
    pub(crate) resume_at: u32,
    /// `frame_flags` bits.
    pub(crate) flags: u8,
    /// For an operator method's frame pushed by BINARY_OP: the oparg + 1
    /// (0 otherwise). Its caller still holds the two operands; the return
    /// pops them, and a NotImplemented result becomes the TypeError.
    pub(crate) ret_binop: u8,
}

impl Frame {
    /// A record for slots at `localsplus`; `extra` is what `flags`' kind bit says.
    #[inline(always)]
    pub(crate) fn new(
        code: *const CodeObj,
        globals: *const DictObject,
        builtins: *const DictObject,
        func: Value,
        extra: Value,
        localsplus: *mut Value,
        flags: u8,
    ) -> Frame {
        Frame {
            code,
            globals,
            builtins,
            func,
            extra,
            localsplus,
            frame_obj: Value::NULL,
            stack_depth: 0,
            lasti: 0,
            resume_at: 0,
            flags,
            ret_binop: 0,
        }
    }

    #[inline(always)]
    pub(crate) fn code(&self) -> &CodeObj {
        // SAFETY: kept alive by `func` or `OWNS_REFS` for the frame's life.
        unsafe { &*self.code }
    }

    pub(crate) fn code_value(&self) -> Value {
        Value::from_borrowed_ptr(NonNull::from(&self.code().header))
    }

    #[inline(always)]
    pub(crate) fn globals(&self) -> &DictObject {
        // SAFETY: as `code`.
        unsafe { &*self.globals }
    }

    pub(crate) fn globals_value(&self) -> Value {
        Value::from_borrowed_ptr(NonNull::from(&self.globals().header))
    }

    #[inline(always)]
    pub(crate) fn builtins(&self) -> &DictObject {
        // SAFETY: as `code`.
        unsafe { &*self.builtins }
    }

    pub(crate) fn builtins_value(&self) -> Value {
        Value::from_borrowed_ptr(NonNull::from(&self.builtins().header))
    }

    #[inline(always)]
    pub(crate) fn is_entry(&self) -> bool {
        self.flags & ff::ENTRY != 0
    }

    pub(crate) fn set_entry(&mut self, entry: bool) {
        self.flags = (self.flags & !ff::ENTRY) | if entry { ff::ENTRY } else { 0 };
    }

    /// The locals mapping of module and class bodies (NULL in functions).
    pub(crate) fn locals(&self) -> Value {
        if self.flags & ff::LOCALS != 0 {
            self.extra.clone()
        } else if self.flags & ff::GLOBALS_AS_LOCALS != 0 {
            self.globals_value()
        } else {
            Value::NULL
        }
    }

    /// The generator whose storage holds this frame's slots.
    #[inline(always)]
    pub(crate) fn generator(&self) -> Option<&Value> {
        (self.flags & ff::GENERATOR != 0).then_some(&self.extra)
    }

    /// An `__init__` frame pushed by a class call gets the new instance.
    /// Only for a function frame just pushed (its `extra` is unused).
    pub(crate) fn set_init_self(&mut self, obj: Value) {
        debug_assert!(self.flags & (ff::LOCALS | ff::GENERATOR | ff::INIT_SELF) == 0);
        let old = std::mem::replace(&mut self.extra, obj);
        self.flags |= ff::INIT_SELF;
        drop(old);
    }

    /// Moves out the instance of an `__init__` frame (NULL for other frames);
    /// the frame no longer counts the class call's recursion level.
    #[inline(always)]
    pub(crate) fn take_init_self(&mut self) -> Value {
        if self.flags & ff::INIT_SELF != 0 {
            self.flags &= !ff::INIT_SELF;
            self.extra.take()
        } else {
            Value::NULL
        }
    }

    /// Makes the frame hold its own references to its code, globals and
    /// builtins (no-op when it does already).
    pub(crate) fn own_refs(&mut self) {
        if self.flags & ff::OWNS_REFS == 0 {
            for v in [self.code_value(), self.globals_value(), self.builtins_value()] {
                let _ = v.into_raw_bits();
            }
            self.flags |= ff::OWNS_REFS;
        }
    }

    /// Where `extra` is, for moving it out of a record that is then forgotten.
    #[inline(always)]
    pub(crate) fn extra_ptr(&self) -> *const Value {
        &self.extra
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

impl Drop for Frame {
    fn drop(&mut self) {
        if self.flags & ff::OWNS_REFS != 0 {
            // The references `own_refs` (or the push) took; the objects stay
            // alive until these drops.
            let owned = [
                Value::from_owned_ptr(NonNull::from(&self.code().header)),
                Value::from_owned_ptr(NonNull::from(&self.globals().header)),
                Value::from_owned_ptr(NonNull::from(&self.builtins().header)),
            ];
            self.flags &= !ff::OWNS_REFS;
            drop(owned);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// CPython 3.11's `_PyInterpreterFrame` is 72 bytes on 64-bit builds
    /// (f_func, f_globals, f_builtins, f_locals, f_code, frame_obj, previous,
    /// prev_instr, stacktop, is_entry, owner); ours is no bigger.
    #[test]
    fn frame_record_is_as_compact_as_cpythons() {
        assert!(std::mem::size_of::<Frame>() <= 72, "{}", std::mem::size_of::<Frame>());
    }

    /// Slots are given back by base pointer, across chunk boundaries too.
    #[test]
    fn data_stack_releases_by_base_across_chunks() {
        let mut s = DataStack::new();
        let a = s.alloc(10, 10);
        let b = s.alloc(CHUNK_SLOTS - 8, 0); // does not fit: a second chunk
        assert_ne!(unsafe { a.add(10) }, b);
        let c = s.alloc(5, 5);
        assert_eq!(c, unsafe { b.add(CHUNK_SLOTS - 8) });
        s.release(c);
        s.release(b);
        // Back in the first chunk, just after `a`.
        let d = s.alloc(3, 3);
        assert_eq!(d, unsafe { a.add(10) });
        s.release(d);
        s.release(a);
        assert_eq!(s.alloc(1, 1), a);
        // An empty frame at the very start of the first chunk, a frame in
        // a chunk of its own above it.
        let mut e = DataStack::new();
        let z = e.alloc(0, 0);
        let big = e.alloc(CHUNK_SLOTS + 1, 0);
        e.release(big);
        e.release(z);
        let y = e.alloc(4, 4);
        assert_eq!(y, z);
        e.release(y);
        assert_eq!(e.alloc(4, 4), y);
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
        let genv = f.generator();
        let gen = genv
            .and_then(|g| g.downcast_ref::<GeneratorObject>())
            .map_or(std::ptr::null(), |g| g as *const _);
        let obj = new_native(
            frame_type(),
            FrameData {
                code: f.code_value(),
                globals: f.globals_value(),
                builtins: f.builtins_value(),
                live: Cell::new(Some(fi)),
                locals: RefCell::new(f.locals()),
                saved: RefCell::new(Vec::new()),
                lasti: Cell::new(f.lasti),
                back: RefCell::new(Value::NULL),
                generator: Cell::new(gen),
                trace: RefCell::new(Value::NULL),
                trace_lines: Cell::new(true),
                trace_opcodes: Cell::new(false),
            },
        );
        // SAFETY: `gen` is the frame's generator, which the record keeps alive.
        if let Some(g) = unsafe { gen.as_ref() } {
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
        let is_generator = f.generator().is_some();
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
                let locals = self.frames[len - 1].locals();
                if !locals.is_null() {
                    return locals;
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
