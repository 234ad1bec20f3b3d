//! `co_linetable`: CPython 3.11's location table (`Objects/locations.md`), written
//! with the same choice of entry forms as CPython's assembler so the bytes match,
//! and read back as `co_positions()` gives them.

/// The source range of one instruction; `None` parts are unknown, as in
/// `co_positions()` (a `lineno` of `None` means "no location": an artificial
/// instruction).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub lineno: Option<u32>,
    pub end_lineno: Option<u32>,
    pub col: Option<u32>,
    pub end_col: Option<u32>,
}

const SHORT0: u8 = 0;
const ONE_LINE0: u8 = 10;
const NO_COLUMNS: u8 = 13;
const LONG: u8 = 14;
const NONE: u8 = 15;

fn write_varint(out: &mut Vec<u8>, mut val: u32) {
    while val >= 64 {
        out.push(64 | (val & 63) as u8);
        val >>= 6;
    }
    out.push(val as u8);
}

fn write_signed_varint(out: &mut Vec<u8>, val: i64) {
    let folded = if val < 0 { ((-val) << 1) | 1 } else { val << 1 };
    write_varint(out, folded as u32);
}

fn entry_start(out: &mut Vec<u8>, code: u8, length: usize) {
    out.push(0x80 | (code << 3) | (length as u8 - 1));
}

/// Builds a location table entry by entry, as the assembler emits instructions.
pub struct LineTableWriter {
    out: Vec<u8>,
    /// The line the next delta is taken from (`a_lineno`).
    prev_line: i64,
}

impl LineTableWriter {
    pub fn new(firstlineno: u32) -> LineTableWriter {
        LineTableWriter { out: Vec::new(), prev_line: firstlineno as i64 }
    }

    /// Records one instruction of `size` code units (CACHE units included).
    pub fn emit(&mut self, pos: Position, mut size: usize) {
        while size > 8 {
            self.entry(pos, 8);
            size -= 8;
        }
        if size > 0 {
            self.entry(pos, size);
        }
    }

    fn entry(&mut self, pos: Position, len: usize) {
        let Some(line) = pos.lineno else {
            entry_start(&mut self.out, NONE, len);
            return;
        };
        let line = line as i64;
        let line_delta = line - self.prev_line;
        let end_line = pos.end_lineno.map(|l| l as i64);
        match (pos.col, pos.end_col) {
            (Some(col), Some(end_col)) if end_line == Some(line) => {
                let (col, end_col) = (col as i64, end_col as i64);
                if line_delta == 0 && col < 80 && end_col - col < 16 && end_col >= col {
                    entry_start(&mut self.out, SHORT0 + (col >> 3) as u8, len);
                    self.out.push((((col & 7) << 4) | (end_col - col)) as u8);
                    return;
                }
                if (0..3).contains(&line_delta) && col < 128 && end_col < 128 {
                    entry_start(&mut self.out, ONE_LINE0 + line_delta as u8, len);
                    self.out.push(col as u8);
                    self.out.push(end_col as u8);
                    self.prev_line = line;
                    return;
                }
            }
            (Some(_), Some(_)) => {}
            _ if end_line.is_none() || end_line == Some(line) => {
                entry_start(&mut self.out, NO_COLUMNS, len);
                write_signed_varint(&mut self.out, line_delta);
                self.prev_line = line;
                return;
            }
            _ => {}
        }
        entry_start(&mut self.out, LONG, len);
        write_signed_varint(&mut self.out, line_delta);
        write_varint(&mut self.out, (end_line.unwrap_or(line) - line).max(0) as u32);
        write_varint(&mut self.out, pos.col.map_or(0, |c| c + 1));
        write_varint(&mut self.out, pos.end_col.map_or(0, |c| c + 1));
        self.prev_line = line;
    }

    pub fn finish(self) -> Vec<u8> {
        self.out
    }
}

/// The table with every entry's columns dropped, as CPython's
/// `remove_column_info` does to each new code object under
/// `-X no_debug_ranges`: the same entries and lengths, each one line-only.
pub fn remove_column_info(table: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(table.len());
    let mut i = 0;
    while let Some(&first) = table.get(i) {
        let code = (first >> 3) & 15;
        let len = (first & 7) as usize + 1;
        if code == NONE {
            out.push(first);
        } else {
            let line_delta = match code {
                ONE_LINE0..=12 => (code - ONE_LINE0) as i64,
                NO_COLUMNS | LONG => {
                    let (mut val, mut shift) = (0i64, 0);
                    for &b in table.get(i + 1..).unwrap_or(&[]) {
                        val |= ((b & 63) as i64) << shift;
                        shift += 6;
                        if b & 64 == 0 || shift > 60 {
                            break;
                        }
                    }
                    if val & 1 == 1 { -(val >> 1) } else { val >> 1 }
                }
                _ => 0, // the short forms stay on the previous line
            };
            entry_start(&mut out, NO_COLUMNS, len);
            write_signed_varint(&mut out, line_delta);
        }
        i += 1;
        while table.get(i).is_some_and(|b| b & 128 == 0) {
            i += 1;
        }
    }
    out
}

/// Decodes a location table into one position per code unit (`co_positions()`).
pub fn decode(table: &[u8], firstlineno: u32) -> Vec<Position> {
    let mut positions = Vec::new();
    let mut bytes = table.iter().copied().peekable();
    let mut line = firstlineno as i64;
    let read_varint = |it: &mut std::iter::Peekable<std::iter::Copied<std::slice::Iter<u8>>>| -> i64 {
        let mut val: i64 = 0;
        let mut shift = 0;
        while let Some(b) = it.next() {
            val |= ((b & 63) as i64) << shift;
            shift += 6;
            if b & 64 == 0 || shift > 60 {
                break;
            }
        }
        val
    };
    while let Some(first) = bytes.next() {
        let code = (first >> 3) & 15;
        let len = (first & 7) as usize + 1;
        let pos = match code {
            NONE => Position::default(),
            NO_COLUMNS => {
                let v = read_varint(&mut bytes);
                line += if v & 1 == 1 { -(v >> 1) } else { v >> 1 };
                Position { lineno: Some(line as u32), end_lineno: Some(line as u32), col: None, end_col: None }
            }
            LONG => {
                let v = read_varint(&mut bytes);
                line += if v & 1 == 1 { -(v >> 1) } else { v >> 1 };
                let end = line + read_varint(&mut bytes);
                let col = read_varint(&mut bytes);
                let end_col = read_varint(&mut bytes);
                Position {
                    lineno: Some(line as u32),
                    end_lineno: Some(end as u32),
                    col: (col > 0).then(|| (col - 1) as u32),
                    end_col: (end_col > 0).then(|| (end_col - 1) as u32),
                }
            }
            ONE_LINE0..=12 => {
                line += (code - ONE_LINE0) as i64;
                let col = bytes.next().unwrap_or(0) as u32;
                let end_col = bytes.next().unwrap_or(0) as u32;
                Position { lineno: Some(line as u32), end_lineno: Some(line as u32), col: Some(col), end_col: Some(end_col) }
            }
            _ => {
                let second = bytes.next().unwrap_or(0) as u32;
                let col = (code as u32) * 8 + ((second >> 4) & 7);
                Position { lineno: Some(line as u32), end_lineno: Some(line as u32), col: Some(col), end_col: Some(col + (second & 15)) }
            }
        };
        positions.extend(std::iter::repeat(pos).take(len));
    }
    positions
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: u32, col: u32, end_line: u32, end_col: u32) -> Position {
        Position { lineno: Some(line), end_lineno: Some(end_line), col: Some(col), end_col: Some(end_col) }
    }

    #[test]
    fn encodes_like_cpython() {
        // `compile('x = 1', 'f', 'exec')` in python3.11: RESUME at (0, 1, 0, 0),
        // LOAD_CONST at (1, 1, 4, 5), then STORE_NAME, LOAD_CONST, RETURN_VALUE
        // at (1, 1, 0, 1).
        let mut w = LineTableWriter::new(1);
        w.emit(at(0, 0, 1, 0), 1);
        w.emit(at(1, 4, 1, 5), 1);
        for _ in 0..3 {
            w.emit(at(1, 0, 1, 1), 1);
        }
        let table = w.finish();
        assert_eq!(table, b"\xf0\x03\x01\x01\x01\xd8\x04\x05\x80\x01\x80\x01\x80\x01".to_vec());
        let decoded = decode(&table, 1);
        assert_eq!(decoded.len(), 5);
        assert_eq!(decoded[1], at(1, 4, 1, 5));
        assert_eq!(decoded[0], at(0, 0, 1, 0));
        assert_eq!(decoded[4], at(1, 0, 1, 1));
    }
}
