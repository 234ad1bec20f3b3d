//! The pyrite virtual machine: NaN-boxed values, the object model (types with
//! slots, version tags and shared-key instance layouts), CPython 3.11's
//! bytecode executed directly with frames on the VM's own stack, and the
//! builtins.
//!
//! # Layers
//!
//! - [`value`]: `Value`, 8 bytes. Floats are stored as themselves (NaNs
//!   canonicalized, sign kept), ints in ±2**47 inline, everything else is a
//!   48-bit pointer to a refcounted heap object; `Clone`/`Drop` do the counting.
//! - [`object`]: every heap object is a `#[repr(C)]` struct starting with
//!   `ObjHeader { refcount, type }`; the type's `LayoutKind` says which struct.
//!   Objects of classes with a `__dict__` carry a three-word `PreHeader`
//!   *before* the header holding their attributes (a pointer to values in the
//!   class's shared-key order, or a materialized dict); `__slots__` values sit
//!   before that, one word each (a slots-only class keeps just the finalized
//!   word between them and the header). Allocation and freeing
//!   go through the type (size-class free lists for small blocks); deep
//!   structures are freed iteratively; `__del__` is queued and run at the next
//!   call, return or loop back-edge.
//! - [`typeobj`]: `TypeObject` (name, bases, C3 MRO, dict, version tag,
//!   flags, `Slots`). Builtin types are statics (`INT_TYPE.get()`), so exact
//!   type checks compare with a constant address. `TypeObject::lookup` is the
//!   MRO lookup behind a global method cache keyed by version tag.
//! - [`objects`]: the data of each builtin kind (int, float, str in PEP 393
//!   form, bytes, tuple, list, dict in CPython's compact layout, set with
//!   CPython's table, function, code, generator, module, cell, descriptors,
//!   exceptions in [`exception`]).
//! - [`types`]: the slots and methods of the builtin types; [`slots`]: the
//!   trampolines that give classes written in Python their slots.
//! - [`ops`]: the abstract protocol on [`Vm`] (`binary_op` with reflected
//!   operands, `compare`, `hash`, `repr`, `getattr`, `call`, `iter`/`next`, ...).
//! - [`eval`]: the dispatch loop over `co_code` (inline CACHE units kept in
//!   place), exception-table unwinding, Python-to-Python calls without Rust
//!   recursion; [`call`]: argument binding and frame push/pop; [`frame`]: the
//!   chunked data stack.
//! - [`builtins`], [`sysmodule`]: the `builtins` module and a first `sys`.
//! - [`import`]: the import system (`sys.path`, the path finder for `.py`
//!   modules and packages, `sys.modules`, relative imports, CPython's errors).
//! - [`traceback`]: uncaught exceptions printed as CPython does (carets and
//!   `~~^~~` anchors included).
//!
//! # Conventions
//!
//! - Fallible operations return `PyResult<T>` (`Err(PyErr)` holds the
//!   exception instance); `vm.new_error(ExcKind::TypeError, msg)` makes one.
//! - Native functions and methods are `NativeFn = fn(&mut Vm, &[Value],
//!   KwNames) -> PyResult<Value>`: positional arguments (self first for
//!   methods), then the values of the keyword arguments named by `kwnames`
//!   (a tuple of str), as CPython's vectorcall. Register them with
//!   `typeinit::add_method` (types) or in `builtins::make_builtins_module`.
//! - Iteration slots return `Ok(None)` when exhausted (no StopIteration is
//!   made); attribute slots return `Ok(None)` for "missing".
//! - No borrow of an object's interior (`UnsafeCell`) is held across a call
//!   that can run Python code, and replaced values are dropped only after the
//!   mutation is complete (a drop can run `__del__`).
//! - One `Vm` holds the GIL (`gil`) for its whole life; `Value` is `!Send`.
//!
//! # Testing
//!
//! `tools/vm_export_code.py` exports the code objects python3.11 compiles;
//! `examples/run_exported.rs` runs them, `examples/run_source.rs` runs a file
//! through pyrite's own parser and compiler; `tools/vm_compare.py` compares
//! either with python3.11 (stdout, stderr, exit status) on the programs in
//! the repository's `tests/core` (which the test runner also runs through the
//! `pyrite` binary); `bench/run.py` times the
//! programs in the repository's `bench/` against python3.11.

pub mod args;
pub mod attr;
pub mod builtins;
pub mod config;
pub mod docstrings;
pub mod call;
pub mod code_cache;
pub mod eval;
pub mod exception;
pub mod format;
pub mod frame;
pub mod gc;
pub mod gil;
pub mod hash;
pub mod import;
pub mod instance;
pub mod modules;
pub mod object;
pub mod objects;
pub mod ops;
pub mod slots;
pub mod specialize;
pub mod suggestions;
pub mod sysmodule;
#[cfg(test)]
mod tests;
pub mod traceback;
pub mod tracing;
pub mod typeinit;
pub mod typeobj;
pub mod types;
pub mod value;
pub mod vm;

pub use exception::{ExcKind, PyErr, PyResult};
pub use value::Value;
pub use vm::Vm;
