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
    /// Entered from Rust: when it returns, the dispatch loop returns to its caller.
    pub(crate) is_entry: bool,
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
