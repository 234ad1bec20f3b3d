//! Frames live on the VM's own stack: a frame record in `Vm::frames` plus a
//! contiguous run of value slots (locals, cells, free variables, then the
//! value stack) in the data stack. The data stack is a list of chunks that
//! never move, so the dispatch loop can keep raw pointers into a frame's slots.

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
        DataStack { chunks: Vec::new(), current: 0, top: 0 }
    }

    /// Reserves `n` slots, the first `n_init` set to NULL. Returns their base
    /// and the mark to release them.
    pub fn alloc(&mut self, n: usize, n_init: usize) -> (*mut Value, StackMark) {
        let mark = StackMark { chunk: self.current, top: self.top };
        let fits = self.chunks.get(self.current).is_some_and(|c| self.top + n <= c.len());
        if !fits {
            // Move to the next chunk (reusing it when it is big enough).
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
        }
        let chunk = &mut self.chunks[self.current];
        let base = chunk[self.top..].as_mut_ptr() as *mut Value;
        for i in 0..n_init.min(n) {
            // SAFETY: inside the chunk; the slot holds no live value.
            unsafe { base.add(i).write(Value::NULL) };
        }
        self.top += n;
        (base, mark)
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
    /// The code object (a `CodeObj`).
    pub(crate) code: Value,
    /// The function being run (NULL for module and exec code).
    pub(crate) func: Value,
    pub(crate) globals: Value,
    pub(crate) builtins: Value,
    /// The locals mapping of module and class bodies (NULL in functions).
    pub(crate) locals: Value,
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
