//! `co_exceptiontable`: CPython 3.11's zero-cost exception table
//! (`Objects/exception_handling_notes.txt`). Offsets and sizes count code units.

/// One protected range: instructions `start..end` jump to `target` on an
/// exception, with the value stack cut to `depth` (plus the offset of the
/// raising instruction pushed first when `push_lasti`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub push_lasti: bool,
}

const CONTINUATION: u8 = 64;
const START_MARK: u8 = 128;

/// Writes one value in 6-bit groups, most significant first; `mark` flags the
/// first byte of an entry.
fn write_item(out: &mut Vec<u8>, value: u32, mut mark: u8) {
    for shift in [24u32, 18, 12, 6] {
        if value >= 1 << shift {
            out.push(((value >> shift) & 0x3f) as u8 | CONTINUATION | mark);
            mark = 0;
        }
    }
    out.push((value & 0x3f) as u8 | mark);
}

pub fn encode(entries: &[Entry]) -> Vec<u8> {
    let mut out = Vec::new();
    for e in entries {
        write_item(&mut out, e.start, START_MARK);
        write_item(&mut out, e.end - e.start, 0);
        write_item(&mut out, e.target, 0);
        write_item(&mut out, (e.depth << 1) | e.push_lasti as u32, 0);
    }
    out
}

pub fn decode(table: &[u8]) -> Vec<Entry> {
    let mut entries = Vec::new();
    let mut pos = 0;
    let read = |pos: &mut usize| -> Option<u32> {
        let mut b = *table.get(*pos)?;
        *pos += 1;
        let mut val = (b & 63) as u32;
        while b & CONTINUATION != 0 {
            b = *table.get(*pos)?;
            *pos += 1;
            val = (val << 6) | (b & 63) as u32;
        }
        Some(val)
    };
    while pos < table.len() {
        let (Some(start), Some(size), Some(target), Some(dl)) = (read(&mut pos), read(&mut pos), read(&mut pos), read(&mut pos))
        else {
            break;
        };
        entries.push(Entry { start, end: start + size, target, depth: dl >> 1, push_lasti: dl & 1 == 1 });
    }
    entries
}

/// The handler covering the instruction at `offset`, found as CPython does.
pub fn find_handler(table: &[u8], offset: u32) -> Option<Entry> {
    decode(table).into_iter().find(|e| e.start <= offset && offset < e.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_example_round_trips() {
        let e = Entry { start: 20, end: 28, target: 100, depth: 3, push_lasti: false };
        let bytes = encode(&[e]);
        assert_eq!(bytes, vec![148, 8, 65, 36, 6]);
        assert_eq!(decode(&bytes), vec![e]);
        assert_eq!(find_handler(&bytes, 27), Some(e));
        assert_eq!(find_handler(&bytes, 28), None);
    }
}
