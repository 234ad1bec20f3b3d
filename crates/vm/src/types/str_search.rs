//! Substring search over `str` code points in linear time whatever the
//! strings' widths. One-byte text with a one-byte needle goes to `memchr`'s
//! memmem (Two-Way plus SIMD); wider text uses Knuth-Morris-Pratt on the code
//! points as stored, so `s.find(t)`, `count`, `replace` and `split` never
//! degrade to O(len(s) * len(t)) on 2- or 4-byte strings. A finder is built
//! once per needle and reused by the loops (count, replace, split).

use crate::objects::str::StrObject;
use memchr::memmem;

pub struct StrFinder {
    reverse: bool,
    needle_len: usize,
    /// Both one-byte: the needle's bytes searched with memmem.
    bytes: Option<Vec<u8>>,
    forward: Option<memmem::Finder<'static>>,
    backward: Option<memmem::FinderRev<'static>>,
    /// Otherwise: code points (reversed for a backward search) and the KMP failure table.
    pat: Vec<u32>,
    fail: Vec<usize>,
}

impl StrFinder {
    /// A finder of `needle`; `reverse` finds the last occurrence instead of the first.
    pub fn new(needle: &StrObject, reverse: bool) -> StrFinder {
        let needle_len = needle.len();
        if needle.kind() == 1 {
            let b = needle.data().to_vec();
            let (forward, backward) = if reverse {
                (None, Some(memmem::FinderRev::new(&b).into_owned()))
            } else {
                (Some(memmem::Finder::new(&b).into_owned()), None)
            };
            // The code points are only needed when the text is wider.
            let pat: Vec<u32> = if reverse {
                b.iter().rev().map(|&c| c as u32).collect()
            } else {
                b.iter().map(|&c| c as u32).collect()
            };
            let fail = failure_table(&pat);
            return StrFinder { reverse, needle_len, bytes: Some(b), forward, backward, pat, fail };
        }
        let mut pat: Vec<u32> = needle.code_points().collect();
        if reverse {
            pat.reverse();
        }
        let fail = failure_table(&pat);
        StrFinder { reverse, needle_len, bytes: None, forward: None, backward: None, pat, fail }
    }

    pub fn needle_len(&self) -> usize {
        self.needle_len
    }

    /// Code-point index of the first (or, reversed, the last) occurrence lying
    /// wholly inside `hay[start..end]`.
    pub fn find(&self, hay: &StrObject, start: usize, end: usize) -> Option<usize> {
        let n = self.needle_len;
        let end = end.min(hay.len());
        if start > end || end - start < n {
            return None;
        }
        if n == 0 {
            return Some(if self.reverse { end } else { start });
        }
        let data = hay.data();
        if hay.kind() == 1 && self.bytes.is_some() {
            let h = &data[start..end];
            return if let Some(f) = &self.forward {
                f.find(h).map(|i| i + start)
            } else {
                self.backward.as_ref().and_then(|f| f.rfind(h)).map(|i| i + start)
            };
        }
        match hay.kind() {
            1 => self.kmp(&data[start..end], start),
            2 => self.kmp_units(data[2 * start..2 * end].chunks_exact(2).map(|c| u16::from_ne_bytes([c[0], c[1]]) as u32), start, end),
            _ => self.kmp_units(
                data[4 * start..4 * end].chunks_exact(4).map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]])),
                start,
                end,
            ),
        }
    }

    fn kmp(&self, h: &[u8], start: usize) -> Option<usize> {
        self.kmp_units(h.iter().map(|&b| b as u32), start, start + h.len())
    }

    fn kmp_units(&self, units: impl DoubleEndedIterator<Item = u32> + ExactSizeIterator, start: usize, end: usize) -> Option<usize> {
        debug_assert_eq!(units.len(), end - start);
        if self.reverse {
            self.kmp_scan(units.rev()).map(|i| end - 1 - i)
        } else {
            self.kmp_scan(units).map(|i| start + i + 1 - self.pat.len())
        }
    }

    /// Knuth-Morris-Pratt: the position in `text` where the first full match of `pat` ends.
    /// For a reversed search text and pattern are both reversed, so the match end
    /// found is the original match start.
    fn kmp_scan(&self, text: impl Iterator<Item = u32>) -> Option<usize> {
        let pat = &self.pat;
        let mut k = 0;
        for (i, c) in text.enumerate() {
            while k > 0 && pat[k] != c {
                k = self.fail[k - 1];
            }
            if pat[k] == c {
                k += 1;
                if k == pat.len() {
                    return Some(i);
                }
            }
        }
        None
    }
}

/// `fail[i]`: length of the longest proper border of `pat[..=i]`.
fn failure_table(pat: &[u32]) -> Vec<usize> {
    let mut fail = vec![0; pat.len()];
    let mut k = 0;
    for i in 1..pat.len() {
        while k > 0 && pat[i] != pat[k] {
            k = fail[k - 1];
        }
        if pat[i] == pat[k] {
            k += 1;
        }
        fail[i] = k;
    }
    fail
}

/// Number of non-overlapping occurrences of the finder's needle in `hay[start..end]`
/// (the needle is not empty).
pub fn count(f: &StrFinder, hay: &StrObject, start: usize, end: usize) -> usize {
    let end = end.min(hay.len());
    if start > end {
        return 0;
    }
    if let (1, Some(fw)) = (hay.kind(), &f.forward) {
        return fw.find_iter(&hay.data()[start..end]).count();
    }
    let mut n = 0;
    let mut pos = start;
    while let Some(i) = f.find(hay, pos, end) {
        n += 1;
        pos = i + f.needle_len.max(1);
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::str::new_str;

    fn naive(h: &[char], n: &[char], rev: bool) -> Option<usize> {
        if n.len() > h.len() {
            return None;
        }
        let mut it: Box<dyn Iterator<Item = usize>> =
            if rev { Box::new((0..=h.len() - n.len()).rev()) } else { Box::new(0..=h.len() - n.len()) };
        it.find(|&i| h[i..i + n.len()] == *n)
    }

    #[test]
    fn agrees_with_naive_search_in_all_widths() {
        let alphabets = ["ab", "a\u{e9}", "a\u{4e00}", "\u{4e00}\u{1f600}", "ab\u{1f600}"];
        for hay_ab in alphabets {
            for pat_ab in alphabets {
                let hc: Vec<char> = hay_ab.chars().collect();
                let pc: Vec<char> = pat_ab.chars().collect();
                for seed in 0u32..60 {
                    let hay: String = (0..(seed % 13 + 3)).map(|i| hc[((seed >> (i % 5)) ^ i) as usize % 2]).collect();
                    let pat: String = (0..(seed % 4 + 1)).map(|i| pc[((seed * 7 + i) >> 1) as usize % 2]).collect();
                    let hv = new_str(&hay);
                    let pv = new_str(&pat);
                    let (h, p) = (hv.downcast_ref::<StrObject>().unwrap(), pv.downcast_ref::<StrObject>().unwrap());
                    let hch: Vec<char> = hay.chars().collect();
                    let pch: Vec<char> = pat.chars().collect();
                    for rev in [false, true] {
                        let f = StrFinder::new(p, rev);
                        assert_eq!(f.find(h, 0, h.len()), naive(&hch, &pch, rev), "{hay:?} {pat:?} {rev}");
                        if h.len() > 2 {
                            let sub = &hch[1..h.len() - 1];
                            assert_eq!(
                                f.find(h, 1, h.len() - 1),
                                naive(sub, &pch, rev).map(|i| i + 1),
                                "{hay:?} {pat:?} {rev} window"
                            );
                        }
                    }
                }
            }
        }
    }
}
