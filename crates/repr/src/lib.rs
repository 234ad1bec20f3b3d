//! CPython 3.11's `repr` algorithms for the built-in scalar types, shared by the
//! AST printer (`ast.dump`) and the VM.
//!
//! - [`float_repr`] / [`complex_repr`]: shortest round-tripping digits laid out by
//!   CPython's rules (`1e+16`, `1e-05`, `0.0001`, `-0.0`, `inf`, `(1+2j)`, `-0j`).
//! - [`str_repr`]: quote choice and escapes by CPython 3.11's `str.isprintable`
//!   (Unicode 14.0), lone surrogates included; takes code points so any string
//!   representation can use it.
//! - [`bytes_repr`]: `b'...'` with `\xNN` escapes.
//!
//! Every function has a `write_*` form that appends to a caller's `String`, so a
//! printer can build its whole output in one buffer. Integers need nothing here:
//! `num_bigint`'s decimal `to_string` is Python's `repr(int)`; [`push_decimal_i64`]
//! is a fast path for machine-sized ints.

mod float;
mod text;
pub mod unicode;
#[rustfmt::skip]
mod unicode_tables;

pub use float::{
    complex_repr, float_repr, push_decimal_i64, push_decimal_u32, push_decimal_u64, write_complex_repr, write_float_r,
    write_float_repr, ReprFlags, ShortestDecimal,
};
pub use text::{bytes_repr, str_repr, str_repr_of, write_bytes_repr, write_str_repr, write_str_repr_of};
