//! The pyrite virtual machine: NaN-boxed values, the object model (types with
//! slots, version tags and shared-key instance layouts), CPython 3.11's
//! bytecode executed directly with frames on the VM's own stack, and the
//! builtins.
//!
//! Layering: [`value`] (8-byte values) -> [`object`] (heap header, allocation
//! through the type) -> [`typeobj`] (types, MRO, slots, method cache) ->
//! [`objects`] (the builtin kinds' data) -> [`types`] (their slots and
//! methods) -> [`ops`] (the abstract protocol) -> [`eval`] (the dispatch loop).

pub mod args;
pub mod attr;
pub mod builtins;
pub mod call;
pub mod eval;
pub mod exception;
pub mod format;
pub mod frame;
pub mod gil;
pub mod hash;
pub mod instance;
pub mod object;
pub mod objects;
pub mod ops;
pub mod slots;
pub mod sysmodule;
#[cfg(test)]
mod tests;
pub mod traceback;
pub mod typeinit;
pub mod typeobj;
pub mod types;
pub mod value;
pub mod vm;

pub use exception::{ExcKind, PyErr, PyResult};
pub use value::Value;
pub use vm::Vm;
