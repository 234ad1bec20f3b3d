//! CPython 3.11's bytecode as pyrite's compiler emits it and its VM runs it.
//!
//! `co_code` is 3.11's: two bytes per code unit (opcode, oparg) with the inline
//! CACHE units each specializable instruction is followed by; the location table
//! (`co_linetable`) and exception table (`co_exceptiontable`) use 3.11's
//! encodings, so `dis`, `inspect` and `traceback` from CPython's `Lib/` read them
//! unchanged.

pub mod code;
pub mod exception_table;
pub mod locations;
pub mod serialize;
mod opcode_table;

pub use opcode_table::{
    op, DEOPTIMIZE, HASCOMPARE, HASCONST, HASFREE, HASJABS, HASJREL, HASLOCAL, HASNAME, HAVE_ARGUMENT,
    INLINE_CACHE_ENTRIES, NB_OPS, OPNAMES,
};

/// Number of CACHE code units that follow `opcode`.
pub fn cache_entries(opcode: u8) -> usize {
    INLINE_CACHE_ENTRIES[opcode as usize] as usize
}

/// The unspecialized opcode of `opcode` (itself when it is not a specialized form).
pub fn deoptimize(opcode: u8) -> u8 {
    DEOPTIMIZE[opcode as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_matches_cpython_3_11() {
        assert_eq!(op::LOAD_CONST, 100);
        assert_eq!(op::BINARY_OP, 122);
        assert_eq!(op::PRECALL, 166);
        assert_eq!(cache_entries(op::LOAD_GLOBAL), 5);
        assert_eq!(cache_entries(op::LOAD_METHOD), 10);
        assert_eq!(cache_entries(op::BINARY_OP_ADD_INT), 1);
        assert_eq!(deoptimize(op::LOAD_ATTR_INSTANCE_VALUE), op::LOAD_ATTR);
        assert_eq!(OPNAMES[op::RESUME as usize], "RESUME");
    }
}
