//! Per-code-point Unicode properties as CPython 3.11 (Unicode 14.0) answers them.
//! The tables are generated from python3.11 itself by `tools/gen_unicode_tables.py`.

pub use crate::unicode_tables::{ALPHA, DECIMAL, DIGIT, LOWER, NUMERIC, PRINTABLE, SPACE, UPPER};

/// Whether `cp` lies in one of `ranges` (sorted, disjoint, inclusive), by binary search.
pub fn in_ranges(ranges: &[(u32, u32)], cp: u32) -> bool {
    // The first range whose end is >= cp is the only one that can hold it.
    let at = ranges.partition_point(|&(_, last)| last < cp);
    matches!(ranges.get(at), Some(&(first, _)) if first <= cp)
}

/// CPython 3.11's `chr(cp).isprintable()`: false for categories Cc, Cf, Cs, Co,
/// Cn, Zl, Zp and Zs except the ASCII space.
pub fn is_printable(cp: u32) -> bool {
    if cp < 0x7F {
        return cp >= 0x20;
    }
    in_ranges(PRINTABLE, cp)
}

/// CPython 3.11's `chr(cp).isspace()`.
pub fn is_space(cp: u32) -> bool {
    in_ranges(SPACE, cp)
}

/// CPython 3.11's `chr(cp).isalpha()`.
pub fn is_alpha(cp: u32) -> bool {
    in_ranges(ALPHA, cp)
}

/// CPython 3.11's `chr(cp).isdecimal()`.
pub fn is_decimal(cp: u32) -> bool {
    in_ranges(DECIMAL, cp)
}

/// CPython 3.11's `chr(cp).isdigit()`.
pub fn is_digit(cp: u32) -> bool {
    in_ranges(DIGIT, cp)
}

/// CPython 3.11's `chr(cp).isnumeric()`.
pub fn is_numeric(cp: u32) -> bool {
    in_ranges(NUMERIC, cp)
}

/// CPython 3.11's `chr(cp).islower()`.
pub fn is_lower(cp: u32) -> bool {
    in_ranges(LOWER, cp)
}

/// CPython 3.11's `chr(cp).isupper()`.
pub fn is_upper(cp: u32) -> bool {
    in_ranges(UPPER, cp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert!(is_printable(b' ' as u32) && is_printable(b'~' as u32));
        assert!(!is_printable(0x7F) && !is_printable(0xA0) && !is_printable(0xAD));
        assert!(is_printable(0xA1) && is_printable(0x4E2D) && is_printable(0x1F600));
        assert!(!is_printable(0xD800) && !is_printable(0x10FFFF) && !is_printable(0x110000));
        assert!(is_space(0x3000) && !is_space(0x200B));
        assert!(is_decimal(0x0660) && is_digit(0xB2) && !is_decimal(0xB2) && is_numeric(0x2155));
        assert!(is_alpha(0xE9) && is_lower(0xE9) && is_upper(0xC9));
    }
}
