//! Code objects as the compiler produces them: every `co_*` attribute of
//! CPython 3.11 that a program can read, with constants still in compile-time
//! form (the VM turns them into objects when it loads the code).

use num_bigint::BigInt;
use pyrite_syntax::pystr::PyStr;
use std::rc::Rc;

/// `co_flags` bits (`Include/cpython/code.h`).
pub mod flags {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
    pub const NOFREE: u32 = 0x0040;
    pub const COROUTINE: u32 = 0x0080;
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    pub const ASYNC_GENERATOR: u32 = 0x0200;
}

/// Kinds of `co_localsplusnames` entries (`co_localspluskinds`).
pub mod local_kind {
    pub const ARG_VAR: u8 = 0x04;
    pub const ARG_KW: u8 = 0x08;
    pub const ARG_POS: u8 = 0x02;
    pub const LOCAL: u8 = 0x20;
    pub const CELL: u8 = 0x40;
    pub const FREE: u8 = 0x80;
}

/// A constant in `co_consts`.
#[derive(Clone, Debug, PartialEq)]
pub enum ConstValue {
    None,
    Bool(bool),
    Ellipsis,
    Int(i64),
    BigInt(Rc<BigInt>),
    Float(f64),
    Complex { real: f64, imag: f64 },
    Str(Rc<PyStr>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[ConstValue]>),
    FrozenSet(Rc<[ConstValue]>),
    Code(Rc<CodeObject>),
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct CodeObject {
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub stacksize: u32,
    pub firstlineno: u32,
    /// `co_code`: (opcode, oparg) byte pairs, CACHE units included.
    pub code: Vec<u8>,
    pub consts: Vec<ConstValue>,
    pub names: Vec<Rc<str>>,
    pub localsplusnames: Vec<Rc<str>>,
    pub localspluskinds: Vec<u8>,
    pub filename: Rc<str>,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    /// `co_linetable` in 3.11's format (see [`crate::locations`]).
    pub linetable: Vec<u8>,
    /// `co_exceptiontable` in 3.11's format (see [`crate::exception_table`]).
    pub exceptiontable: Vec<u8>,
}
