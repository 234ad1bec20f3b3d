//! Character classes and case mappings as `_sre` sees them: the ASCII ones
//! (the default for bytes patterns), the C-locale ones (`re.LOCALE`), and the
//! Unicode ones, which answer as CPython 3.11's `str` methods do.

use pyrite_repr::unicode;

pub const CATEGORY_DIGIT: u32 = 0;
pub const CATEGORY_NOT_DIGIT: u32 = 1;
pub const CATEGORY_SPACE: u32 = 2;
pub const CATEGORY_NOT_SPACE: u32 = 3;
pub const CATEGORY_WORD: u32 = 4;
pub const CATEGORY_NOT_WORD: u32 = 5;
pub const CATEGORY_LINEBREAK: u32 = 6;
pub const CATEGORY_NOT_LINEBREAK: u32 = 7;
pub const CATEGORY_LOC_WORD: u32 = 8;
pub const CATEGORY_LOC_NOT_WORD: u32 = 9;
pub const CATEGORY_UNI_DIGIT: u32 = 10;
pub const CATEGORY_UNI_NOT_DIGIT: u32 = 11;
pub const CATEGORY_UNI_SPACE: u32 = 12;
pub const CATEGORY_UNI_NOT_SPACE: u32 = 13;
pub const CATEGORY_UNI_WORD: u32 = 14;
pub const CATEGORY_UNI_NOT_WORD: u32 = 15;
pub const CATEGORY_UNI_LINEBREAK: u32 = 16;
pub const CATEGORY_UNI_NOT_LINEBREAK: u32 = 17;

#[inline]
pub fn is_digit(ch: u32) -> bool {
    (b'0' as u32..=b'9' as u32).contains(&ch)
}

#[inline]
pub fn is_space(ch: u32) -> bool {
    matches!(ch, 0x09..=0x0d | 0x20)
}

#[inline]
pub fn is_linebreak(ch: u32) -> bool {
    ch == b'\n' as u32
}

#[inline]
pub fn is_word(ch: u32) -> bool {
    ch < 128 && ((ch as u8).is_ascii_alphanumeric() || ch == b'_' as u32)
}

/// The C locale's `isalnum` (pyrite runs with the "C" LC_CTYPE).
#[inline]
pub fn is_loc_word(ch: u32) -> bool {
    is_word(ch)
}

#[inline]
pub fn uni_is_digit(ch: u32) -> bool {
    if ch < 128 {
        return is_digit(ch);
    }
    unicode::is_decimal(ch)
}

#[inline]
pub fn uni_is_space(ch: u32) -> bool {
    if ch < 128 {
        return matches!(ch, 0x09..=0x0d | 0x1c..=0x20);
    }
    unicode::is_space(ch)
}

#[inline]
pub fn uni_is_linebreak(ch: u32) -> bool {
    matches!(ch, 0x0a..=0x0d | 0x1c..=0x1e | 0x85 | 0x2028 | 0x2029)
}

/// `str.isalnum()` of one character: alpha, decimal, digit or numeric.
#[inline]
pub fn uni_is_alnum(ch: u32) -> bool {
    if ch < 128 {
        return (ch as u8).is_ascii_alphanumeric();
    }
    unicode::is_alpha(ch) || unicode::is_decimal(ch) || unicode::is_digit(ch) || unicode::is_numeric(ch)
}

#[inline]
pub fn uni_is_word(ch: u32) -> bool {
    uni_is_alnum(ch) || ch == b'_' as u32
}

pub fn category(cat: u32, ch: u32) -> bool {
    match cat {
        CATEGORY_DIGIT => is_digit(ch),
        CATEGORY_NOT_DIGIT => !is_digit(ch),
        CATEGORY_SPACE => is_space(ch),
        CATEGORY_NOT_SPACE => !is_space(ch),
        CATEGORY_WORD => is_word(ch),
        CATEGORY_NOT_WORD => !is_word(ch),
        CATEGORY_LINEBREAK => is_linebreak(ch),
        CATEGORY_NOT_LINEBREAK => !is_linebreak(ch),
        CATEGORY_LOC_WORD => is_loc_word(ch),
        CATEGORY_LOC_NOT_WORD => !is_loc_word(ch),
        CATEGORY_UNI_DIGIT => uni_is_digit(ch),
        CATEGORY_UNI_NOT_DIGIT => !uni_is_digit(ch),
        CATEGORY_UNI_SPACE => uni_is_space(ch),
        CATEGORY_UNI_NOT_SPACE => !uni_is_space(ch),
        CATEGORY_UNI_WORD => uni_is_word(ch),
        CATEGORY_UNI_NOT_WORD => !uni_is_word(ch),
        CATEGORY_UNI_LINEBREAK => uni_is_linebreak(ch),
        CATEGORY_UNI_NOT_LINEBREAK => !uni_is_linebreak(ch),
        _ => false,
    }
}

#[inline]
pub fn lower_ascii(ch: u32) -> u32 {
    if (b'A' as u32..=b'Z' as u32).contains(&ch) {
        ch + 32
    } else {
        ch
    }
}

#[inline]
pub fn upper_ascii(ch: u32) -> u32 {
    if (b'a' as u32..=b'z' as u32).contains(&ch) {
        ch - 32
    } else {
        ch
    }
}

/// `tolower` of the C locale.
#[inline]
pub fn lower_locale(ch: u32) -> u32 {
    lower_ascii(ch)
}

#[inline]
pub fn upper_locale(ch: u32) -> u32 {
    upper_ascii(ch)
}

/// Characters that Rust's (newer) Unicode tables give a case mapping that
/// Unicode 14.0, which CPython 3.11 uses, does not have.
fn cased_after_unicode_14(ch: u32) -> bool {
    matches!(
        ch,
        0x19b | 0x264 | 0x1c89 | 0x1c8a | 0xa7cb..=0xa7cd | 0xa7ce..=0xa7cf | 0xa7d2..=0xa7d5 | 0xa7da..=0xa7dc
            | 0x10d50..=0x10d65 | 0x10d70..=0x10d85 | 0x16ea0..=0x16eb8 | 0x16ebb..=0x16ed3
    )
}

/// CPython's `_PyUnicode_ToLowercase`: the simple lowercase mapping, or for
/// characters with a special (multi-character) mapping its first character.
pub fn lower_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return lower_ascii(ch);
    }
    if cased_after_unicode_14(ch) {
        return ch;
    }
    match char::from_u32(ch).and_then(|c| c.to_lowercase().next()) {
        Some(l) => l as u32,
        None => ch, // lone surrogates have no case
    }
}

/// CPython's `_PyUnicode_ToUppercase`, likewise (`ß` gives `S`).
pub fn upper_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return upper_ascii(ch);
    }
    if cased_after_unicode_14(ch) {
        return ch;
    }
    match char::from_u32(ch).and_then(|c| c.to_uppercase().next()) {
        Some(u) => u as u32,
        None => ch,
    }
}

pub fn unicode_iscased(ch: u32) -> bool {
    ch != lower_unicode(ch) || ch != upper_unicode(ch)
}

pub fn ascii_iscased(ch: u32) -> bool {
    ch < 128 && (ch as u8).is_ascii_alphabetic()
}

pub fn ascii_tolower(ch: u32) -> u32 {
    lower_ascii(ch)
}

/// `LITERAL_LOC_IGNORE`: `ch` equals `pattern` up to the locale's case.
#[inline]
pub fn char_loc_ignore(pattern: u32, ch: u32) -> bool {
    ch == pattern || lower_locale(ch) == pattern || upper_locale(ch) == pattern
}
