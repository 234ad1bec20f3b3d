//! python3.11's Unicode 14.0 character data for the str methods (case
//! mappings with their multi-character forms, and the character classes of
//! isalpha/isdigit/...), generated from python3.11 by tools/gen_str_unicode.py.

#[path = "str_unicode_data.rs"]
mod data;

fn in_ranges(table: &[(u32, u32)], c: u32) -> bool {
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Appends `c` mapped by `table` (itself when it has no mapping).
fn push_mapped(table: &[(u32, u32)], c: u32, out: &mut Vec<u32>) {
    match table.binary_search_by_key(&c, |&(k, _)| k) {
        Ok(i) => {
            let v = table[i].1;
            if v & 0x8000_0000 == 0 {
                out.push(v);
            } else {
                let len = ((v >> 16) & 0xFF) as usize;
                let at = (v & 0xFFFF) as usize;
                // The generator keeps every (offset, len) inside MULTI.
                out.extend(data::MULTI.get(at..at + len).unwrap_or(&[]).iter().copied());
            }
        }
        Err(_) => out.push(c),
    }
}

pub fn push_upper(c: u32, out: &mut Vec<u32>) {
    push_mapped(&data::UPPER, c, out)
}

pub fn push_lower(c: u32, out: &mut Vec<u32>) {
    push_mapped(&data::LOWER, c, out)
}

pub fn push_title(c: u32, out: &mut Vec<u32>) {
    push_mapped(&data::TITLE, c, out)
}

pub fn push_fold(c: u32, out: &mut Vec<u32>) {
    push_mapped(&data::FOLD, c, out)
}

pub fn is_alpha(c: u32) -> bool {
    in_ranges(&data::ALPHA, c)
}

pub fn is_decimal(c: u32) -> bool {
    in_ranges(&data::DECIMAL, c)
}

pub fn is_digit(c: u32) -> bool {
    in_ranges(&data::DIGIT, c)
}

pub fn is_numeric(c: u32) -> bool {
    in_ranges(&data::NUMERIC, c)
}

pub fn is_alnum(c: u32) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}

pub fn is_lower(c: u32) -> bool {
    in_ranges(&data::LOWERCASE, c)
}

pub fn is_upper(c: u32) -> bool {
    in_ranges(&data::UPPERCASE, c)
}

pub fn is_titlecase(c: u32) -> bool {
    in_ranges(&data::TITLECASE, c)
}

pub fn is_cased(c: u32) -> bool {
    is_lower(c) || is_upper(c) || is_titlecase(c)
}

pub fn is_case_ignorable(c: u32) -> bool {
    in_ranges(&data::CASE_IGNORABLE, c)
}

/// Lowercase of `cps[i]`, with capital sigma's final form decided by its
/// neighbours as CPython's `handle_capital_sigma` does.
pub fn push_lower_at(cps: &[u32], i: usize, out: &mut Vec<u32>) {
    let c = cps[i];
    if c != 0x3A3 {
        return push_lower(c, out);
    }
    let before = cps[..i].iter().rev().find(|&&x| !is_case_ignorable(x));
    let mut final_sigma = before.is_some_and(|&x| is_cased(x));
    if final_sigma {
        let after = cps[i + 1..].iter().find(|&&x| !is_case_ignorable(x));
        final_sigma = after.is_none_or(|&x| !is_cased(x));
    }
    out.push(if final_sigma { 0x3C2 } else { 0x3C3 });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(f: fn(u32, &mut Vec<u32>), c: char) -> String {
        let mut out = Vec::new();
        f(c as u32, &mut out);
        out.into_iter().filter_map(char::from_u32).collect()
    }

    #[test]
    fn mappings_like_python() {
        assert_eq!(map(push_upper, 'ß'), "SS");
        assert_eq!(map(push_title, 'ß'), "Ss");
        assert_eq!(map(push_title, 'ﬁ'), "Fi");
        assert_eq!(map(push_lower, 'A'), "a");
        assert_eq!(map(push_fold, 'ς'), "σ");
        assert_eq!(map(push_upper, '1'), "1");
        assert!(is_titlecase('ǅ' as u32) && !is_upper('ǅ' as u32));
        assert!(is_decimal(0x1D7F6) && is_digit('²' as u32) && !is_decimal('²' as u32));
        assert!(is_alpha('ª' as u32) && !is_alpha('1' as u32));
    }

    #[test]
    fn final_sigma() {
        let mut out = Vec::new();
        let s: Vec<u32> = "AΣ".chars().map(|c| c as u32).collect();
        push_lower_at(&s, 1, &mut out);
        assert_eq!(out, vec![0x3C2]);
        out.clear();
        let s: Vec<u32> = "ΣA".chars().map(|c| c as u32).collect();
        push_lower_at(&s, 0, &mut out);
        assert_eq!(out, vec![0x3C3]);
    }
}
