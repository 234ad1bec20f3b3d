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

/// Specialized forms pyrite runs beyond 3.11's, on opcode numbers 3.11
/// leaves unused. They exist only in the running code units: `co_code`
/// never holds them and `_co_code_adaptive` shows them as the adaptive form
/// of their family (what 3.11 shows at such a site).
pub mod internal {
    /// BINARY_OP on two small ints, for the operators without a 3.11 form
    /// (`&`, `|`, `^`, `<<`, `>>`, `//`, `%`, `/`).
    pub const BINARY_OP_INT_OTHER: u8 = 200;
    /// BINARY_OP `+ - * /` on two floats or a float and a small int (and `/`
    /// on two floats).
    pub const BINARY_OP_FLOAT_MIXED: u8 = 201;
    /// BINARY_OP on two instances of one class whose operator method is a
    /// Python function: its frame is pushed by the dispatch loop.
    pub const BINARY_OP_PY_METHOD: u8 = 202;
    /// LOAD_ATTR of a plain class attribute on a class (`Cls.CONST`), guarded
    /// by the class's version tag (3.12's LOAD_ATTR_CLASS).
    pub const LOAD_ATTR_CLASS: u8 = 203;
    /// LOAD_ATTR of a plain class attribute through an instance
    /// (`self.CONST`): the type's version tag, and the instance has no
    /// attribute of that name.
    pub const LOAD_ATTR_CLASS_VIA_INSTANCE: u8 = 204;
    /// LOAD_ATTR of a `property` whose getter is a Python function: its
    /// frame is pushed by the dispatch loop (3.12's LOAD_ATTR_PROPERTY).
    pub const LOAD_ATTR_PROPERTY: u8 = 205;
    /// FOR_ITER over a generator: its frame is resumed by the dispatch loop
    /// (3.12's FOR_ITER_GEN).
    pub const FOR_ITER_GEN: u8 = 206;

    /// The names `-X specstats` gives the internal forms.
    pub fn name(opcode: u8) -> Option<&'static str> {
        Some(match opcode {
            BINARY_OP_INT_OTHER => "BINARY_OP_INT_OTHER",
            BINARY_OP_FLOAT_MIXED => "BINARY_OP_FLOAT_MIXED",
            BINARY_OP_PY_METHOD => "BINARY_OP_PY_METHOD",
            LOAD_ATTR_CLASS => "LOAD_ATTR_CLASS",
            LOAD_ATTR_CLASS_VIA_INSTANCE => "LOAD_ATTR_CLASS_VIA_INSTANCE",
            LOAD_ATTR_PROPERTY => "LOAD_ATTR_PROPERTY",
            FOR_ITER_GEN => "FOR_ITER_GEN",
            _ => return None,
        })
    }

    /// The base opcode of an internal form.
    pub fn base(opcode: u8) -> Option<u8> {
        match opcode {
            BINARY_OP_INT_OTHER | BINARY_OP_FLOAT_MIXED | BINARY_OP_PY_METHOD => Some(super::op::BINARY_OP),
            LOAD_ATTR_CLASS | LOAD_ATTR_CLASS_VIA_INSTANCE | LOAD_ATTR_PROPERTY => Some(super::op::LOAD_ATTR),
            FOR_ITER_GEN => Some(super::op::FOR_ITER),
            _ => None,
        }
    }

    /// The opcode `_co_code_adaptive` shows for `opcode`.
    pub fn shown(opcode: u8) -> u8 {
        match opcode {
            BINARY_OP_INT_OTHER | BINARY_OP_FLOAT_MIXED | BINARY_OP_PY_METHOD => super::op::BINARY_OP_ADAPTIVE,
            // 3.11 has no such forms: its `dis` can only name them as the
            // adaptive instruction (FOR_ITER has no specialized forms in 3.11).
            LOAD_ATTR_CLASS | LOAD_ATTR_CLASS_VIA_INSTANCE | LOAD_ATTR_PROPERTY => super::op::LOAD_ATTR_ADAPTIVE,
            FOR_ITER_GEN => super::op::FOR_ITER,
            _ => opcode,
        }
    }
}

/// Number of CACHE code units that follow `opcode`.
pub fn cache_entries(opcode: u8) -> usize {
    let opcode = internal::base(opcode).unwrap_or(opcode);
    INLINE_CACHE_ENTRIES[opcode as usize] as usize
}

/// The unspecialized opcode of `opcode` (itself when it is not a specialized form).
pub fn deoptimize(opcode: u8) -> u8 {
    internal::base(opcode).unwrap_or(DEOPTIMIZE[opcode as usize])
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
