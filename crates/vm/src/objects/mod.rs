//! The builtin object kinds.

pub mod bytearray;
pub mod bytes;
pub mod cell;
pub mod code;
pub mod complex;
pub mod descr;
pub mod dict;
pub mod float;
pub mod function;
pub mod async_generator;
pub mod generator;
pub mod int;
pub mod iter;
pub mod list;
pub mod memoryview;
pub mod module;
pub mod native;
pub mod range;
pub mod set;
pub mod singletons;
pub mod slice;
pub mod str;
pub mod superobj;
pub mod tuple;

pub use crate::exception;
