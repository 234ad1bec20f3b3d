//! The matching engine: runs the opcode lists `Lib/re/_compiler.py` makes
//! (MAGIC 20220615) against a subject of 1-, 2- or 4-byte code units.
//!
//! Backtracking never recurses on the Rust stack: a sub-match ("call") pushes
//! a [`Frame`] on the engine's own stack and the same loop continues; when a
//! sub-match ends, its result goes back to the frame below, which resumes at
//! the point named by its [`Resume`]. So a long subject or a catastrophic
//! pattern costs heap, never a stack overflow. The semantics (when marks are
//! saved and restored, zero-width protection of repeats, `must_advance`)
//! follow CPython's sre so that every match, group and span comes out the same.
//!
//! Code words are read through [`Engine::c`], which answers FAILURE past the
//! end, so a malformed code list fails to match instead of panicking.

use super::chars::*;

pub const MAGIC: u32 = 20220615;
pub const MAXREPEAT: u32 = u32::MAX;
pub const MAXGROUPS: u32 = 1073741823;

pub const FAILURE: u32 = 0;
pub const SUCCESS: u32 = 1;
pub const ANY: u32 = 2;
pub const ANY_ALL: u32 = 3;
pub const ASSERT: u32 = 4;
pub const ASSERT_NOT: u32 = 5;
pub const AT: u32 = 6;
pub const BRANCH: u32 = 7;
pub const CATEGORY: u32 = 8;
pub const CHARSET: u32 = 9;
pub const BIGCHARSET: u32 = 10;
pub const GROUPREF: u32 = 11;
pub const GROUPREF_EXISTS: u32 = 12;
pub const IN: u32 = 13;
pub const INFO: u32 = 14;
pub const JUMP: u32 = 15;
pub const LITERAL: u32 = 16;
pub const MARK: u32 = 17;
pub const MAX_UNTIL: u32 = 18;
pub const MIN_UNTIL: u32 = 19;
pub const NOT_LITERAL: u32 = 20;
pub const NEGATE: u32 = 21;
pub const RANGE: u32 = 22;
pub const REPEAT: u32 = 23;
pub const REPEAT_ONE: u32 = 24;
#[allow(dead_code)] // only in the parser's output
pub const SUBPATTERN: u32 = 25;
pub const MIN_REPEAT_ONE: u32 = 26;
pub const ATOMIC_GROUP: u32 = 27;
pub const POSSESSIVE_REPEAT: u32 = 28;
pub const POSSESSIVE_REPEAT_ONE: u32 = 29;
pub const GROUPREF_IGNORE: u32 = 30;
pub const IN_IGNORE: u32 = 31;
pub const LITERAL_IGNORE: u32 = 32;
pub const NOT_LITERAL_IGNORE: u32 = 33;
pub const GROUPREF_LOC_IGNORE: u32 = 34;
pub const IN_LOC_IGNORE: u32 = 35;
pub const LITERAL_LOC_IGNORE: u32 = 36;
pub const NOT_LITERAL_LOC_IGNORE: u32 = 37;
pub const GROUPREF_UNI_IGNORE: u32 = 38;
pub const IN_UNI_IGNORE: u32 = 39;
pub const LITERAL_UNI_IGNORE: u32 = 40;
pub const NOT_LITERAL_UNI_IGNORE: u32 = 41;
pub const RANGE_UNI_IGNORE: u32 = 42;

pub const AT_BEGINNING: u32 = 0;
pub const AT_BEGINNING_LINE: u32 = 1;
pub const AT_BEGINNING_STRING: u32 = 2;
pub const AT_BOUNDARY: u32 = 3;
pub const AT_NON_BOUNDARY: u32 = 4;
pub const AT_END: u32 = 5;
pub const AT_END_LINE: u32 = 6;
pub const AT_END_STRING: u32 = 7;
pub const AT_LOC_BOUNDARY: u32 = 8;
pub const AT_LOC_NON_BOUNDARY: u32 = 9;
pub const AT_UNI_BOUNDARY: u32 = 10;
pub const AT_UNI_NON_BOUNDARY: u32 = 11;

pub const INFO_PREFIX: u32 = 1;
pub const INFO_LITERAL: u32 = 2;
pub const INFO_CHARSET: u32 = 4;

/// Unset mark.
pub const NO_MARK: usize = usize::MAX;
const NO_REPEAT: usize = usize::MAX;

/// What went wrong inside the engine (never a mismatch: that is `Ok(false)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SreError {
    /// An opcode the engine does not know, or a malformed code list.
    Illegal,
    /// MAX_UNTIL/MIN_UNTIL without a REPEAT.
    State,
    /// A group ended before it started (CPython 3.11 reports this too).
    WrongSpan,
}

/// A subject: code units read as code points.
pub trait Text: Copy {
    fn len(self) -> usize;
    fn at(self, i: usize) -> u32;
}

impl Text for &[u8] {
    #[inline(always)]
    fn len(self) -> usize {
        <[u8]>::len(self)
    }
    #[inline(always)]
    fn at(self, i: usize) -> u32 {
        self[i] as u32
    }
}

impl Text for &[u16] {
    #[inline(always)]
    fn len(self) -> usize {
        <[u16]>::len(self)
    }
    #[inline(always)]
    fn at(self, i: usize) -> u32 {
        self[i] as u32
    }
}

impl Text for &[u32] {
    #[inline(always)]
    fn len(self) -> usize {
        <[u32]>::len(self)
    }
    #[inline(always)]
    fn at(self, i: usize) -> u32 {
        self[i]
    }
}

/// Answers of a one-character test for the code points below 256.
type ByteTable = [bool; 256];

/// A compiled pattern: its code, and tables computed from it once that
/// spare the matching loops the interpretation of character sets.
///
/// Every table holds exactly what the code's own test answers (it is
/// computed by that test), so the tables change speed, never results: a
/// table made for a misread op of a malformed code list is simply never
/// consulted by the engine, which only looks one up at an op it executes.
pub struct Program {
    pub code: Vec<u32>,
    /// 1 + index in `tables` of the table of the IN-family op at each code
    /// index, 0 for none (empty when the code has no such op).
    table_at: Vec<u32>,
    tables: Vec<Box<ByteTable>>,
    /// The INFO block's charset ("the first character is one of").
    info_table: Option<Box<ByteTable>>,
    /// For a search without INFO prefix or charset: whether an attempt can
    /// succeed at a position holding this character (`may_start`).
    start_table: Option<Box<ByteTable>>,
}

/// Code walking steps allowed per code word when looking for IN ops (a
/// malformed code list must not make the walk run long).
const WALK_STEPS_PER_WORD: usize = 4;

impl Program {
    pub fn new(code: Vec<u32>) -> Program {
        let mut prog = Program {
            code,
            table_at: Vec::new(),
            tables: Vec::new(),
            info_table: None,
            start_table: None,
        };
        let code = &prog.code[..];
        // Ops with the same set and case folding share a table (`\d` used
        // twelve times is computed once).
        let mut seen: Vec<(&[u32], u32)> = Vec::new();
        for pc in in_ops(code) {
            let set_end = (pc + 1 + cw(code, pc + 1) as usize).min(code.len());
            let key = code.get(pc..set_end).unwrap_or(&[]);
            // Only a set whose test reads nothing outside it can be shared.
            let shareable = set_is_self_contained(code, pc + 2, set_end);
            let k = match seen.iter().find(|(other, _)| shareable && *other == key) {
                Some(&(_, k)) => k,
                None => {
                    let mut table = Box::new([false; 256]);
                    for ch in 0..256u32 {
                        table[ch as usize] = match_one(code, pc, ch).unwrap_or(false);
                    }
                    prog.tables.push(table);
                    let k = prog.tables.len() as u32;
                    if shareable && seen.len() < 64 {
                        seen.push((key, k));
                    }
                    k
                }
            };
            if prog.table_at.is_empty() {
                prog.table_at = vec![0; code.len()];
            }
            prog.table_at[pc] = k;
        }
        let body = if cw(code, 0) == INFO {
            let flags = cw(code, 2);
            if flags & INFO_PREFIX == 0 && flags & INFO_CHARSET != 0 {
                prog.info_table = Some(byte_table(|ch| charset(code, 5, ch)));
            }
            (flags & (INFO_PREFIX | INFO_CHARSET) == 0).then(|| 1 + cw(code, 1) as usize)
        } else {
            Some(0)
        };
        if let Some(pc) = body {
            if let Some(t) = start_table(code, pc) {
                prog.start_table = Some(t);
            }
        }
        prog
    }
}

/// Whether the set at `start` is a plain list of items ending with the
/// FAILURE at `end - 1`, so that testing it reads only `start..end`.
fn set_is_self_contained(code: &[u32], start: usize, end: usize) -> bool {
    let mut i = start;
    while i < end {
        i += match cw(code, i) {
            FAILURE => return i + 1 == end && end <= code.len(),
            NEGATE => 1,
            LITERAL | CATEGORY => 2,
            RANGE | RANGE_UNI_IGNORE => 3,
            CHARSET => 9,
            _ => return false,
        };
    }
    false
}

fn byte_table(test: impl Fn(u32) -> bool) -> Box<ByteTable> {
    let mut table = Box::new([false; 256]);
    for ch in 0..256u32 {
        table[ch as usize] = test(ch);
    }
    table
}

/// Code word `i`, FAILURE past the end.
#[inline(always)]
fn cw(code: &[u32], i: usize) -> u32 {
    match code.get(i) {
        Some(&w) => w,
        None => FAILURE,
    }
}

/// Code indexes of the IN-family ops of `code`, found by walking its
/// structure (skips of BRANCH alternatives, repeat bodies, assertions).
fn in_ops(code: &[u32]) -> Vec<usize> {
    let mut found = Vec::new();
    let mut work = vec![(0usize, code.len())];
    let mut steps = code.len().saturating_mul(WALK_STEPS_PER_WORD) + 16;
    while let Some((mut pc, end)) = work.pop() {
        while pc < end && steps > 0 {
            steps -= 1;
            let skip = cw(code, pc + 1) as usize;
            pc = match cw(code, pc) {
                FAILURE | SUCCESS | ANY | ANY_ALL | MAX_UNTIL | MIN_UNTIL => pc + 1,
                AT | LITERAL | NOT_LITERAL | CATEGORY | MARK | GROUPREF | GROUPREF_IGNORE
                | GROUPREF_UNI_IGNORE | GROUPREF_LOC_IGNORE | LITERAL_IGNORE | LITERAL_UNI_IGNORE
                | LITERAL_LOC_IGNORE | NOT_LITERAL_IGNORE | NOT_LITERAL_UNI_IGNORE
                | NOT_LITERAL_LOC_IGNORE => pc + 2,
                IN | IN_IGNORE | IN_UNI_IGNORE | IN_LOC_IGNORE => {
                    found.push(pc);
                    pc + 1 + skip
                }
                INFO | JUMP => pc + 1 + skip,
                GROUPREF_EXISTS => pc + 3,
                BRANCH => {
                    // <BRANCH> <skip> alternative <JUMP> ... <0>
                    let mut alt = pc + 1;
                    while steps > 0 && alt < end && cw(code, alt) != 0 {
                        steps -= 1;
                        let n = cw(code, alt) as usize;
                        work.push((alt + 1, alt + n));
                        alt += n;
                    }
                    alt + 1
                }
                REPEAT_ONE | MIN_REPEAT_ONE | POSSESSIVE_REPEAT_ONE | REPEAT | POSSESSIVE_REPEAT => {
                    work.push((pc + 4, pc + 1 + skip));
                    pc + 1 + skip
                }
                ASSERT | ASSERT_NOT => {
                    work.push((pc + 3, pc + 1 + skip));
                    pc + 1 + skip
                }
                ATOMIC_GROUP => {
                    work.push((pc + 2, pc + 1 + skip));
                    pc + 1 + skip
                }
                _ => break,
            };
            if skip == 0 && pc > end {
                break;
            }
        }
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// The table of `may_start` for the pattern at `pc`, when its first item
/// restricts the first character (None when any character may start).
fn start_table(code: &[u32], mut pc: usize) -> Option<Box<ByteTable>> {
    while cw(code, pc) == MARK {
        pc += 2;
    }
    if cw(code, pc) != BRANCH {
        first_char_item(code, pc)?;
        return Some(byte_table(|ch| first_char_ok(code, pc, ch)));
    }
    let mut alts = Vec::new();
    let mut alt = pc + 1;
    while cw(code, alt) != 0 && alts.len() < 256 {
        let mut op = alt + 1;
        while cw(code, op) == MARK {
            op += 2;
        }
        first_char_item(code, op)?;
        alts.push(op);
        alt += cw(code, alt) as usize;
    }
    if cw(code, alt) != 0 {
        return None;
    }
    Some(byte_table(|ch| alts.iter().any(|&op| first_char_ok(code, op, ch))))
}

/// The one-character item that the first character must match when the
/// pattern at `pc` starts with one (or with a repeat of one at least once).
fn first_char_item(code: &[u32], pc: usize) -> Option<usize> {
    match cw(code, pc) {
        LITERAL | NOT_LITERAL | ANY | ANY_ALL | IN | IN_IGNORE | IN_UNI_IGNORE | IN_LOC_IGNORE
        | LITERAL_IGNORE | LITERAL_UNI_IGNORE | LITERAL_LOC_IGNORE | NOT_LITERAL_IGNORE
        | NOT_LITERAL_UNI_IGNORE | NOT_LITERAL_LOC_IGNORE | CATEGORY => Some(pc),
        REPEAT_ONE | MIN_REPEAT_ONE | POSSESSIVE_REPEAT_ONE if cw(code, pc + 2) > 0 => Some(pc + 4),
        _ => None,
    }
}

/// Whether `ch` can be the first character of the item at `pc` (true when
/// the item does not restrict it).
fn first_char_ok(code: &[u32], pc: usize, ch: u32) -> bool {
    match first_char_item(code, pc) {
        Some(item) => match_one(code, item, ch).unwrap_or(true),
        None => true,
    }
}

/// Whether `ch` is in the set starting at code index `i`.
fn charset(code: &[u32], mut i: usize, ch: u32) -> bool {
    let c = |i: usize| cw(code, i);
    let mut ok = true;
    loop {
        match c(i) {
            FAILURE => return !ok,
            LITERAL => {
                if ch == c(i + 1) {
                    return ok;
                }
                i += 2;
            }
            CATEGORY => {
                if category(c(i + 1), ch) {
                    return ok;
                }
                i += 2;
            }
            CHARSET => {
                if ch < 256 && c(i + 1 + (ch / 32) as usize) & (1u32 << (ch & 31)) != 0 {
                    return ok;
                }
                i += 1 + 8;
            }
            RANGE => {
                if c(i + 1) <= ch && ch <= c(i + 2) {
                    return ok;
                }
                i += 3;
            }
            RANGE_UNI_IGNORE => {
                let (lo, hi) = (c(i + 1), c(i + 2));
                if lo <= ch && ch <= hi {
                    return ok;
                }
                let up = upper_unicode(ch);
                if lo <= up && up <= hi {
                    return ok;
                }
                i += 3;
            }
            NEGATE => {
                ok = !ok;
                i += 1;
            }
            BIGCHARSET => {
                // <BIGCHARSET> <count> <256 block numbers as bytes> <blocks>
                let count = c(i + 1) as usize;
                let map = i + 2;
                let blocks = map + 64;
                if ch < 0x10000 {
                    let hi = (ch >> 8) as usize;
                    let block = c(map + hi / 4).to_ne_bytes()[hi % 4] as usize;
                    let bit = block * 256 + (ch & 255) as usize;
                    if c(blocks + bit / 32) & (1u32 << (ch & 31)) != 0 {
                        return ok;
                    }
                }
                i = blocks + count * 8;
            }
            _ => return false,
        }
    }
}

fn charset_loc_ignore(code: &[u32], i: usize, ch: u32) -> bool {
    let lo = lower_locale(ch);
    if charset(code, i, lo) {
        return true;
    }
    let up = upper_locale(ch);
    up != lo && charset(code, i, up)
}

/// Whether the one-character op at `pc` matches `ch` (by interpretation).
fn match_one(code: &[u32], pc: usize, ch: u32) -> Result<bool, SreError> {
    let arg = cw(code, pc + 1);
    Ok(match cw(code, pc) {
        LITERAL => ch == arg,
        NOT_LITERAL => ch != arg,
        ANY => !is_linebreak(ch),
        ANY_ALL => true,
        IN => charset(code, pc + 2, ch),
        IN_IGNORE => charset(code, pc + 2, lower_ascii(ch)),
        IN_UNI_IGNORE => charset(code, pc + 2, lower_unicode(ch)),
        IN_LOC_IGNORE => charset_loc_ignore(code, pc + 2, ch),
        LITERAL_IGNORE => lower_ascii(ch) == arg,
        LITERAL_UNI_IGNORE => lower_unicode(ch) == arg,
        LITERAL_LOC_IGNORE => char_loc_ignore(arg, ch),
        NOT_LITERAL_IGNORE => lower_ascii(ch) != arg,
        NOT_LITERAL_UNI_IGNORE => lower_unicode(ch) != arg,
        NOT_LITERAL_LOC_IGNORE => !char_loc_ignore(arg, ch),
        CATEGORY => category(arg, ch),
        _ => return Err(SreError::Illegal),
    })
}

/// A REPEAT in progress (MAX_UNTIL/MIN_UNTIL count its iterations here).
struct Repeat {
    count: isize,
    /// Code index of the REPEAT's `skip` word (`min`, `max`, body follow).
    pc: usize,
    prev: usize,
    /// Where the last iteration started: an iteration that matches the empty
    /// string at the same place ends the loop.
    last_ptr: usize,
}

/// Where a frame goes on when the sub-match it started returns.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Resume {
    None,
    Branch,
    RepeatOne,
    RepeatOneLiteral,
    MinRepeatOne,
    Repeat,
    MaxUntil1,
    MaxUntil2,
    MaxUntil3,
    MinUntil1,
    MinUntil2,
    MinUntil3,
    Possessive1,
    Possessive2,
    Atomic,
    Assert,
    AssertNot,
}

#[derive(Clone, Copy)]
struct Frame {
    resume: Resume,
    toplevel: bool,
    /// Code index the resumption needs (the op's first argument, or for
    /// BRANCH the next alternative).
    pc: usize,
    /// Subject position at the op.
    ptr: usize,
    count: isize,
    lastmark: isize,
    lastindex: isize,
    rep: usize,
    /// A saved `last_ptr`, the position of the last possessive iteration, or
    /// the literal that must follow a REPEAT_ONE.
    aux: usize,
    marks_pushed: bool,
}

impl Frame {
    fn new(toplevel: bool) -> Frame {
        Frame {
            resume: Resume::None,
            toplevel,
            pc: 0,
            ptr: 0,
            count: 0,
            lastmark: -1,
            lastindex: -1,
            rep: NO_REPEAT,
            aux: 0,
            marks_pushed: false,
        }
    }
}

enum Action {
    /// Run the newest frame from this code index, at `self.ptr`.
    Enter(usize),
    /// Continue running the newest frame.
    Resume(usize, usize),
    /// The newest frame is done with this result.
    Return(bool),
}

/// The growable parts of an engine, kept for the next one.
#[derive(Default)]
struct Buffers {
    marks: Vec<usize>,
    stack: Vec<Frame>,
    repeats: Vec<Repeat>,
    mark_stack: Vec<usize>,
}

/// Spare buffers (engines run with the GIL held: a GIL cell, not a
/// thread-local, whose access costs every match a lookup).
static POOL: crate::gil::GilCell<Vec<Buffers>> = crate::gil::GilCell::new(Vec::new());

/// Buffers larger than this (a huge backtracking run) are not kept.
const POOL_KEEP: usize = 1 << 16;

impl<T: Text> Drop for Engine<'_, T> {
    fn drop(&mut self) {
        if self.stack.capacity() > POOL_KEEP || self.mark_stack.capacity() > POOL_KEEP {
            return;
        }
        let b = Buffers {
            marks: std::mem::take(&mut self.marks),
            stack: std::mem::take(&mut self.stack),
            repeats: std::mem::take(&mut self.repeats),
            mark_stack: std::mem::take(&mut self.mark_stack),
        };
        // SAFETY: GIL held; no reference into the pool outlives this statement.
        let pool = unsafe { POOL.get_mut() };
        if pool.len() < 4 {
            pool.push(b);
        }
    }
}

pub struct Engine<'a, T: Text> {
    code: &'a [u32],
    prog: &'a Program,
    pub text: T,
    /// Start of the current match attempt.
    pub start: usize,
    pub end: usize,
    /// End of the match (after success), and the position sub-matches start at.
    pub ptr: usize,
    pub marks: Vec<usize>,
    pub lastmark: isize,
    pub lastindex: isize,
    pub match_all: bool,
    pub must_advance: bool,
    repeats: Vec<Repeat>,
    repeat: usize,
    stack: Vec<Frame>,
    mark_stack: Vec<usize>,
}

impl<'a, T: Text> Engine<'a, T> {
    /// `start`/`end` are already clamped to `0..=text.len()`.
    pub fn new(prog: &'a Program, text: T, groups: usize, start: usize, end: usize) -> Self {
        // Buffers of an earlier engine, so that a match allocates nothing here.
        // SAFETY: GIL held; the buffers are moved out.
        let mut b = unsafe { POOL.get_mut() }.pop().unwrap_or_default();
        b.marks.clear();
        b.marks.resize(groups * 2, NO_MARK);
        b.stack.clear();
        b.repeats.clear();
        b.mark_stack.clear();
        Engine {
            code: &prog.code,
            prog,
            text,
            start,
            end,
            ptr: start,
            marks: b.marks,
            lastmark: -1,
            lastindex: -1,
            match_all: false,
            must_advance: false,
            repeats: b.repeats,
            repeat: NO_REPEAT,
            stack: b.stack,
            mark_stack: b.mark_stack,
        }
    }

    /// Forgets the groups of the previous attempt.
    pub fn reset(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
        self.repeat = NO_REPEAT;
        self.repeats.clear();
        self.mark_stack.clear();
    }

    /// The span of group `g` (1-based) if it took part in the match.
    pub fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        let i = (g - 1) * 2;
        if (i + 1) as isize > self.lastmark {
            return None;
        }
        let (s, e) = (*self.marks.get(i)?, *self.marks.get(i + 1)?);
        if s == NO_MARK || e == NO_MARK {
            return None;
        }
        Some((s, e))
    }

    #[inline(always)]
    fn c(&self, i: usize) -> u32 {
        match self.code.get(i) {
            Some(&w) => w,
            None => FAILURE,
        }
    }

    #[inline(always)]
    fn cu(&self, i: usize) -> usize {
        self.c(i) as usize
    }

    // ---- character tests ----

    fn at(&self, ptr: usize, at: u32) -> bool {
        let text = self.text;
        let end = self.end;
        let boundary = |word: fn(u32) -> bool| -> Option<bool> {
            if end == 0 {
                return None;
            }
            let that = ptr > 0 && word(text.at(ptr - 1));
            let this = ptr < end && word(text.at(ptr));
            Some(this != that)
        };
        match at {
            AT_BEGINNING | AT_BEGINNING_STRING => ptr == 0,
            AT_BEGINNING_LINE => ptr == 0 || is_linebreak(text.at(ptr - 1)),
            AT_END => ptr == end || (ptr + 1 == end && is_linebreak(text.at(ptr))),
            AT_END_LINE => ptr == end || (ptr < text.len() && is_linebreak(text.at(ptr))),
            AT_END_STRING => ptr == end,
            AT_BOUNDARY => boundary(is_word) == Some(true),
            AT_NON_BOUNDARY => boundary(is_word) == Some(false),
            AT_LOC_BOUNDARY => boundary(is_loc_word) == Some(true),
            AT_LOC_NON_BOUNDARY => boundary(is_loc_word) == Some(false),
            AT_UNI_BOUNDARY => boundary(uni_is_word) == Some(true),
            AT_UNI_NON_BOUNDARY => boundary(uni_is_word) == Some(false),
            _ => false,
        }
    }

    /// The table of the IN-family op at `pc`, if it has one.
    #[inline(always)]
    fn table(&self, pc: usize) -> Option<&'a ByteTable> {
        let prog: &'a Program = self.prog;
        match prog.table_at.get(pc) {
            Some(&k) if k != 0 => prog.tables.get(k as usize - 1).map(|t| &**t),
            _ => None,
        }
    }

    /// Whether the one-character op at `pc` matches `ch`.
    #[inline]
    fn match_one(&self, pc: usize, ch: u32) -> Result<bool, SreError> {
        if ch < 256 {
            if let Some(t) = self.table(pc) {
                return Ok(t[ch as usize]);
            }
        }
        match_one(self.code, pc, ch)
    }

    /// How many times (up to `maxcount`) the one-character item at `pc`
    /// matches from `ptr` on.
    fn count(&self, pc: usize, ptr: usize, maxcount: u32) -> Result<usize, SreError> {
        if ptr >= self.end {
            return Ok(0);
        }
        let mut end = self.end;
        if maxcount != MAXREPEAT && (maxcount as usize) < end - ptr {
            end = ptr + maxcount as usize;
        }
        let text = self.text;
        let mut p = ptr;
        if let Some(t) = self.table(pc) {
            while p < end {
                let ch = text.at(p);
                let ok = if ch < 256 { t[ch as usize] } else { match_one(self.code, pc, ch)? };
                if !ok {
                    break;
                }
                p += 1;
            }
            return Ok(p - ptr);
        }
        match self.c(pc) {
            IN => {
                while p < end && charset(self.code, pc + 2, text.at(p)) {
                    p += 1;
                }
            }
            ANY => {
                while p < end && !is_linebreak(text.at(p)) {
                    p += 1;
                }
            }
            ANY_ALL => p = end,
            LITERAL => {
                let c = self.c(pc + 1);
                while p < end && text.at(p) == c {
                    p += 1;
                }
            }
            NOT_LITERAL => {
                let c = self.c(pc + 1);
                while p < end && text.at(p) != c {
                    p += 1;
                }
            }
            _ => {
                while p < end && self.match_one(pc, text.at(p))? {
                    p += 1;
                }
            }
        }
        Ok(p - ptr)
    }

    // ---- marks ----

    fn set_mark(&mut self, i: usize, ptr: usize) -> Result<(), SreError> {
        if i >= self.marks.len() {
            return Err(SreError::Illegal);
        }
        if i & 1 == 1 {
            self.lastindex = (i / 2 + 1) as isize;
        }
        if i as isize > self.lastmark {
            // Marks between the old and new last one were not reached.
            let from = (self.lastmark + 1) as usize;
            for m in &mut self.marks[from..i] {
                *m = NO_MARK;
            }
            self.lastmark = i as isize;
        }
        self.marks[i] = ptr;
        Ok(())
    }

    fn mark_push(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            self.mark_stack.extend_from_slice(&self.marks[..n]);
        }
    }

    /// Restores the marks saved by the matching `mark_push`, keeping them saved.
    fn mark_pop_keep(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let base = self.mark_stack.len() - n;
            self.marks[..n].copy_from_slice(&self.mark_stack[base..]);
        }
    }

    fn mark_pop(&mut self, lastmark: isize) {
        self.mark_pop_keep(lastmark);
        self.mark_pop_discard(lastmark);
    }

    fn mark_pop_discard(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let len = self.mark_stack.len() - n;
            self.mark_stack.truncate(len);
        }
    }

    fn group_bounds(&self, g: usize) -> Option<(usize, usize)> {
        let i = g * 2;
        if i as isize >= self.lastmark {
            return None;
        }
        let (p, e) = (*self.marks.get(i)?, *self.marks.get(i + 1)?);
        if p == NO_MARK || e == NO_MARK || e < p {
            return None;
        }
        Some((p, e))
    }

    // ---- the frame stack ----

    #[inline(always)]
    fn top(&mut self) -> &mut Frame {
        // Invariant: `run` keeps at least one frame while it executes.
        let n = self.stack.len() - 1;
        &mut self.stack[n]
    }

    /// Starts a sub-match at `pc` (from `self.ptr`); the current frame must
    /// have its `resume` set.
    fn call(&mut self, pc: usize, toplevel: bool) -> Action {
        self.stack.push(Frame::new(toplevel));
        Action::Enter(pc)
    }

    fn save_lastmark(&mut self) {
        let (lm, li) = (self.lastmark, self.lastindex);
        let f = self.top();
        f.lastmark = lm;
        f.lastindex = li;
    }

    fn restore_lastmark(&mut self) {
        let f = *self.top();
        self.lastmark = f.lastmark;
        self.lastindex = f.lastindex;
    }

    /// Runs the pattern at `pc0` from `self.ptr`: true if it matched, with
    /// `self.ptr` at the end of the match.
    pub fn run(&mut self, pc0: usize, toplevel: bool) -> Result<bool, SreError> {
        self.stack.clear();
        self.stack.push(Frame::new(toplevel));
        let mut action = Action::Enter(pc0);
        loop {
            action = match action {
                Action::Enter(mut pc) => {
                    let ptr = self.ptr;
                    if self.c(pc) == INFO {
                        // <INFO> <skip> <flags> <min> ...: too few characters left?
                        let min = self.cu(pc + 3);
                        if min != 0 && self.end.saturating_sub(ptr) < min {
                            action = Action::Return(false);
                            continue;
                        }
                        pc += self.cu(pc + 1) + 1;
                    }
                    self.exec(pc, ptr)?
                }
                Action::Resume(pc, ptr) => self.exec(pc, ptr)?,
                Action::Return(ret) => {
                    self.stack.pop();
                    if self.stack.is_empty() {
                        return Ok(ret);
                    }
                    self.resume(ret)?
                }
            }
        }
    }

    /// Executes ops of the newest frame until it returns or starts a sub-match.
    fn exec(&mut self, mut pc: usize, mut ptr: usize) -> Result<Action, SreError> {
        let text = self.text;
        let end = self.end;
        let toplevel = self.top().toplevel;
        macro_rules! fail {
            () => {
                return Ok(Action::Return(false))
            };
        }
        loop {
            let op = self.c(pc);
            pc += 1;
            match op {
                MARK => {
                    self.set_mark(self.cu(pc), ptr)?;
                    pc += 1;
                }
                LITERAL => {
                    if ptr >= end || text.at(ptr) != self.c(pc) {
                        fail!();
                    }
                    pc += 1;
                    ptr += 1;
                }
                NOT_LITERAL => {
                    if ptr >= end || text.at(ptr) == self.c(pc) {
                        fail!();
                    }
                    pc += 1;
                    ptr += 1;
                }
                SUCCESS => {
                    if toplevel
                        && ((self.match_all && ptr != end) || (self.must_advance && ptr == self.start))
                    {
                        fail!();
                    }
                    self.ptr = ptr;
                    return Ok(Action::Return(true));
                }
                AT => {
                    if !self.at(ptr, self.c(pc)) {
                        fail!();
                    }
                    pc += 1;
                }
                CATEGORY => {
                    if ptr >= end || !category(self.c(pc), text.at(ptr)) {
                        fail!();
                    }
                    pc += 1;
                    ptr += 1;
                }
                ANY => {
                    if ptr >= end || is_linebreak(text.at(ptr)) {
                        fail!();
                    }
                    ptr += 1;
                }
                ANY_ALL => {
                    if ptr >= end {
                        fail!();
                    }
                    ptr += 1;
                }
                IN | IN_IGNORE | IN_UNI_IGNORE | IN_LOC_IGNORE => {
                    if ptr >= end || !self.match_one(pc - 1, text.at(ptr))? {
                        fail!();
                    }
                    pc += self.cu(pc);
                    ptr += 1;
                }
                LITERAL_IGNORE | LITERAL_UNI_IGNORE | LITERAL_LOC_IGNORE | NOT_LITERAL_IGNORE
                | NOT_LITERAL_UNI_IGNORE | NOT_LITERAL_LOC_IGNORE => {
                    if ptr >= end || !self.match_one(pc - 1, text.at(ptr))? {
                        fail!();
                    }
                    pc += 1;
                    ptr += 1;
                }
                JUMP | INFO => {
                    pc += self.cu(pc);
                }
                BRANCH => {
                    // <BRANCH> <skip> alternative <JUMP> ... <0>
                    self.save_lastmark();
                    let pushed = self.repeat != NO_REPEAT;
                    let lm = self.lastmark;
                    if pushed {
                        self.mark_push(lm);
                    }
                    let f = self.top();
                    f.marks_pushed = pushed;
                    f.pc = pc;
                    f.ptr = ptr;
                    f.resume = Resume::Branch;
                    return Ok(self.branch_next());
                }
                REPEAT_ONE => {
                    // <REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail
                    let min = self.cu(pc + 1);
                    if min > end.saturating_sub(ptr) {
                        fail!();
                    }
                    let count = self.count(pc + 3, ptr, self.c(pc + 2))?;
                    if count < min {
                        fail!();
                    }
                    let tail = pc + self.cu(pc);
                    let here = ptr + count;
                    if self.c(tail) == SUCCESS
                        && here == end
                        && !(toplevel && self.must_advance && here == self.start)
                    {
                        self.ptr = here;
                        return Ok(Action::Return(true));
                    }
                    self.save_lastmark();
                    let pushed = self.repeat != NO_REPEAT;
                    let lm = self.lastmark;
                    if pushed {
                        self.mark_push(lm);
                    }
                    let literal = self.c(tail) == LITERAL;
                    let chr = self.cu(tail + 1);
                    let f = self.top();
                    f.marks_pushed = pushed;
                    f.pc = pc;
                    f.ptr = ptr;
                    f.count = count as isize;
                    if literal {
                        f.resume = Resume::RepeatOneLiteral;
                        f.aux = chr;
                    } else {
                        f.resume = Resume::RepeatOne;
                    }
                    return Ok(self.repeat_one_next());
                }
                MIN_REPEAT_ONE => {
                    let min = self.cu(pc + 1);
                    if min > end.saturating_sub(ptr) {
                        fail!();
                    }
                    let mut count = 0;
                    if min != 0 {
                        count = self.count(pc + 3, ptr, min as u32)?;
                        if count < min {
                            fail!();
                        }
                    }
                    let here = ptr + count;
                    let tail = pc + self.cu(pc);
                    if self.c(tail) == SUCCESS
                        && !(toplevel
                            && ((self.match_all && here != end) || (self.must_advance && here == self.start)))
                    {
                        self.ptr = here;
                        return Ok(Action::Return(true));
                    }
                    self.save_lastmark();
                    let pushed = self.repeat != NO_REPEAT;
                    let lm = self.lastmark;
                    if pushed {
                        self.mark_push(lm);
                    }
                    let f = self.top();
                    f.marks_pushed = pushed;
                    f.pc = pc;
                    f.ptr = ptr;
                    f.count = count as isize;
                    f.resume = Resume::MinRepeatOne;
                    return Ok(self.min_repeat_one_next());
                }
                POSSESSIVE_REPEAT_ONE => {
                    let min = self.cu(pc + 1);
                    if min > end.saturating_sub(ptr) {
                        fail!();
                    }
                    let count = self.count(pc + 3, ptr, self.c(pc + 2))?;
                    if count < min {
                        fail!();
                    }
                    ptr += count;
                    pc += self.cu(pc);
                    if self.c(pc) == SUCCESS && ptr == end && !(toplevel && self.must_advance && ptr == self.start) {
                        self.ptr = ptr;
                        return Ok(Action::Return(true));
                    }
                }
                REPEAT => {
                    // <REPEAT> <skip> <min> <max> item <MAX_UNTIL|MIN_UNTIL> tail
                    let idx = self.repeats.len();
                    self.repeats.push(Repeat {
                        count: -1,
                        pc,
                        prev: self.repeat,
                        last_ptr: NO_MARK,
                    });
                    self.repeat = idx;
                    self.ptr = ptr;
                    let f = self.top();
                    f.rep = idx;
                    f.pc = pc;
                    f.ptr = ptr;
                    f.resume = Resume::Repeat;
                    let next = pc + self.cu(pc);
                    return Ok(self.call(next, toplevel));
                }
                MAX_UNTIL | MIN_UNTIL => {
                    let rep = self.repeat;
                    if rep == NO_REPEAT {
                        return Err(SreError::State);
                    }
                    self.ptr = ptr;
                    let count = self.repeats[rep].count + 1;
                    let rpc = self.repeats[rep].pc;
                    {
                        let f = self.top();
                        f.rep = rep;
                        f.pc = pc;
                        f.ptr = ptr;
                        f.count = count;
                    }
                    if count < self.cu(rpc + 1) as isize {
                        // Not enough iterations yet.
                        self.repeats[rep].count = count;
                        self.top().resume = if op == MAX_UNTIL { Resume::MaxUntil1 } else { Resume::MinUntil1 };
                        return Ok(self.call(rpc + 3, toplevel));
                    }
                    if op == MAX_UNTIL {
                        return Ok(self.max_until_more());
                    }
                    return Ok(self.min_until_tail());
                }
                POSSESSIVE_REPEAT => {
                    // <POSSESSIVE_REPEAT> <skip> <min> <max> item <SUCCESS> tail
                    // CPython 3.11 runs the body outside any repeat context,
                    // so alternatives inside do not save marks (which shows
                    // in odd group spans, and is reproduced here).
                    self.ptr = ptr;
                    let f = self.top();
                    f.pc = pc;
                    f.ptr = ptr;
                    f.count = 0;
                    f.aux = NO_MARK;
                    return Ok(self.possessive_next());
                }
                ATOMIC_GROUP => {
                    // <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail
                    self.ptr = ptr;
                    let f = self.top();
                    f.pc = pc;
                    f.ptr = ptr;
                    f.resume = Resume::Atomic;
                    return Ok(self.call(pc + 1, false));
                }
                GROUPREF | GROUPREF_IGNORE | GROUPREF_UNI_IGNORE | GROUPREF_LOC_IGNORE => {
                    let Some((mut p, e)) = self.group_bounds(self.cu(pc)) else {
                        fail!();
                    };
                    let fold: fn(u32) -> u32 = match op {
                        GROUPREF => |c| c,
                        GROUPREF_IGNORE => lower_ascii,
                        GROUPREF_UNI_IGNORE => lower_unicode,
                        _ => lower_locale,
                    };
                    while p < e {
                        if ptr >= end || fold(text.at(ptr)) != fold(text.at(p)) {
                            fail!();
                        }
                        p += 1;
                        ptr += 1;
                    }
                    pc += 1;
                }
                GROUPREF_EXISTS => {
                    // <GROUPREF_EXISTS> <group> <skip> yes <JUMP> no
                    if self.group_bounds(self.cu(pc)).is_none() {
                        pc += self.cu(pc + 1);
                    } else {
                        pc += 2;
                    }
                }
                ASSERT => {
                    // <ASSERT> <skip> <back> pattern
                    let back = self.cu(pc + 1);
                    if ptr < back {
                        fail!();
                    }
                    self.ptr = ptr - back;
                    let f = self.top();
                    f.pc = pc;
                    f.ptr = ptr;
                    f.resume = Resume::Assert;
                    return Ok(self.call(pc + 2, false));
                }
                ASSERT_NOT => {
                    let back = self.cu(pc + 1);
                    if ptr >= back {
                        self.ptr = ptr - back;
                        self.save_lastmark();
                        let pushed = self.repeat != NO_REPEAT;
                        let lm = self.lastmark;
                        if pushed {
                            self.mark_push(lm);
                        }
                        let f = self.top();
                        f.marks_pushed = pushed;
                        f.pc = pc;
                        f.ptr = ptr;
                        f.resume = Resume::AssertNot;
                        return Ok(self.call(pc + 2, false));
                    }
                    pc += self.cu(pc);
                }
                FAILURE => fail!(),
                _ => return Err(SreError::Illegal),
            }
        }
    }

    /// BRANCH: tries the alternative at the frame's `pc` or a later one.
    fn branch_next(&mut self) -> Action {
        let f = *self.top();
        let mut alt = f.pc;
        let ptr = f.ptr;
        while self.c(alt) != 0 {
            // An alternative whose first character cannot match is skipped
            // without a sub-match; the marks it sets first are still set
            // (and then restored) as running it would do, since a stale
            // mark can show in the result.
            let mut op = alt + 1;
            while self.c(op) == MARK {
                op += 2;
            }
            if !self.first_char_may_match(op, ptr) {
                if op != alt + 1 {
                    let mut m = alt + 1;
                    while m < op {
                        if self.set_mark(self.cu(m + 1), ptr).is_err() {
                            break;
                        }
                        m += 2;
                    }
                    if f.marks_pushed {
                        self.mark_pop_keep(f.lastmark);
                    }
                    self.restore_lastmark();
                }
                alt += self.cu(alt);
                continue;
            }
            self.ptr = ptr;
            self.top().pc = alt + self.cu(alt);
            return self.call(alt + 1, f.toplevel);
        }
        if f.marks_pushed {
            self.mark_pop_discard(f.lastmark);
        }
        Action::Return(false)
    }

    /// False when the item at `pc` needs a first character that the one at
    /// `ptr` (or the end of the subject) cannot be.
    fn first_char_may_match(&self, pc: usize, ptr: usize) -> bool {
        let Some(item) = first_char_item(self.code, pc) else {
            return true;
        };
        if ptr >= self.end {
            return false;
        }
        self.match_one(item, self.text.at(ptr)).unwrap_or(true)
    }

    fn repeat_one_next(&mut self) -> Action {
        let f = *self.top();
        let min = self.cu(f.pc + 1) as isize;
        let mut count = f.count;
        if f.resume == Resume::RepeatOneLiteral {
            // The tail starts with a literal: skip positions it cannot match.
            let chr = f.aux as u32;
            while count >= min {
                let p = f.ptr + count as usize;
                if p < self.end && self.text.at(p) == chr {
                    break;
                }
                count -= 1;
            }
        }
        if count < min {
            if f.marks_pushed {
                self.mark_pop_discard(f.lastmark);
            }
            return Action::Return(false);
        }
        self.top().count = count;
        self.ptr = f.ptr + count as usize;
        let tail = f.pc + self.cu(f.pc);
        self.call(tail, f.toplevel)
    }

    fn min_repeat_one_next(&mut self) -> Action {
        let f = *self.top();
        let max = self.c(f.pc + 2);
        if max == MAXREPEAT || f.count <= max as isize {
            self.ptr = f.ptr + f.count as usize;
            let tail = f.pc + self.cu(f.pc);
            return self.call(tail, f.toplevel);
        }
        if f.marks_pushed {
            self.mark_pop_discard(f.lastmark);
        }
        Action::Return(false)
    }

    /// MAX_UNTIL with at least `min` iterations: try one more, else the tail.
    fn max_until_more(&mut self) -> Action {
        let f = *self.top();
        let rep = f.rep;
        let rpc = self.repeats[rep].pc;
        let max = self.c(rpc + 2);
        if (f.count < max as isize || max == MAXREPEAT) && self.ptr != self.repeats[rep].last_ptr {
            self.repeats[rep].count = f.count;
            self.save_lastmark();
            let lm = self.lastmark;
            self.mark_push(lm);
            let saved = self.repeats[rep].last_ptr;
            self.repeats[rep].last_ptr = self.ptr;
            let fr = self.top();
            fr.aux = saved;
            fr.resume = Resume::MaxUntil2;
            return self.call(rpc + 3, f.toplevel);
        }
        self.max_until_tail()
    }

    fn max_until_tail(&mut self) -> Action {
        let f = *self.top();
        self.repeat = self.repeats[f.rep].prev;
        self.top().resume = Resume::MaxUntil3;
        self.call(f.pc, f.toplevel)
    }

    /// MIN_UNTIL with at least `min` iterations: try the tail first.
    fn min_until_tail(&mut self) -> Action {
        let f = *self.top();
        self.repeat = self.repeats[f.rep].prev;
        self.save_lastmark();
        let pushed = self.repeat != NO_REPEAT;
        let lm = self.lastmark;
        if pushed {
            self.mark_push(lm);
        }
        let fr = self.top();
        fr.marks_pushed = pushed;
        fr.resume = Resume::MinUntil2;
        self.call(f.pc, f.toplevel)
    }

    fn possessive_next(&mut self) -> Action {
        let f = *self.top();
        let min = self.cu(f.pc + 1) as isize;
        let max = self.c(f.pc + 2);
        if f.count < min {
            self.top().resume = Resume::Possessive1;
            return self.call(f.pc + 3, false);
        }
        if (f.count < max as isize || max == MAXREPEAT) && self.ptr != f.aux {
            self.save_lastmark();
            let lm = self.lastmark;
            self.mark_push(lm);
            let p = self.ptr;
            let fr = self.top();
            fr.aux = p;
            fr.resume = Resume::Possessive2;
            return self.call(f.pc + 3, false);
        }
        self.possessive_done()
    }

    fn possessive_done(&mut self) -> Action {
        let f = *self.top();
        Action::Resume(f.pc + self.cu(f.pc) + 1, self.ptr)
    }

    /// The newest frame's sub-match returned `ret`: go on where it left off.
    fn resume(&mut self, ret: bool) -> Result<Action, SreError> {
        let f = *self.top();
        Ok(match f.resume {
            Resume::None => return Err(SreError::State),
            Resume::Branch => {
                if ret {
                    if f.marks_pushed {
                        self.mark_pop_discard(f.lastmark);
                    }
                    return Ok(Action::Return(true));
                }
                if f.marks_pushed {
                    self.mark_pop_keep(f.lastmark);
                }
                self.restore_lastmark();
                self.branch_next()
            }
            Resume::RepeatOne | Resume::RepeatOneLiteral => {
                if ret {
                    if f.marks_pushed {
                        self.mark_pop_discard(f.lastmark);
                    }
                    return Ok(Action::Return(true));
                }
                if f.marks_pushed {
                    self.mark_pop_keep(f.lastmark);
                }
                self.restore_lastmark();
                self.top().count -= 1;
                self.repeat_one_next()
            }
            Resume::MinRepeatOne => {
                if ret {
                    if f.marks_pushed {
                        self.mark_pop_discard(f.lastmark);
                    }
                    return Ok(Action::Return(true));
                }
                if f.marks_pushed {
                    self.mark_pop_keep(f.lastmark);
                }
                self.restore_lastmark();
                let p = f.ptr + f.count as usize;
                if self.count(f.pc + 3, p, 1)? == 0 {
                    if f.marks_pushed {
                        self.mark_pop_discard(f.lastmark);
                    }
                    return Ok(Action::Return(false));
                }
                self.top().count += 1;
                self.min_repeat_one_next()
            }
            Resume::Repeat => {
                self.repeat = self.repeats[f.rep].prev;
                self.repeats.truncate(f.rep);
                Action::Return(ret)
            }
            Resume::MaxUntil1 | Resume::MinUntil1 => {
                if ret {
                    return Ok(Action::Return(true));
                }
                self.repeats[f.rep].count = f.count - 1;
                self.ptr = f.ptr;
                Action::Return(false)
            }
            Resume::MaxUntil2 => {
                self.repeats[f.rep].last_ptr = f.aux;
                if ret {
                    self.mark_pop_discard(f.lastmark);
                    return Ok(Action::Return(true));
                }
                self.mark_pop(f.lastmark);
                self.restore_lastmark();
                self.repeats[f.rep].count = f.count - 1;
                self.ptr = f.ptr;
                self.max_until_tail()
            }
            Resume::MaxUntil3 => {
                self.repeat = f.rep;
                if ret {
                    return Ok(Action::Return(true));
                }
                self.ptr = f.ptr;
                Action::Return(false)
            }
            Resume::MinUntil2 => {
                self.repeat = f.rep;
                if ret {
                    if f.marks_pushed {
                        self.mark_pop_discard(f.lastmark);
                    }
                    return Ok(Action::Return(true));
                }
                if f.marks_pushed {
                    self.mark_pop(f.lastmark);
                }
                self.restore_lastmark();
                self.ptr = f.ptr;
                let rpc = self.repeats[f.rep].pc;
                let max = self.c(rpc + 2);
                if (f.count >= max as isize && max != MAXREPEAT) || self.ptr == self.repeats[f.rep].last_ptr {
                    return Ok(Action::Return(false));
                }
                self.repeats[f.rep].count = f.count;
                let saved = self.repeats[f.rep].last_ptr;
                self.repeats[f.rep].last_ptr = self.ptr;
                let fr = self.top();
                fr.aux = saved;
                fr.resume = Resume::MinUntil3;
                self.call(rpc + 3, f.toplevel)
            }
            Resume::MinUntil3 => {
                self.repeats[f.rep].last_ptr = f.aux;
                if ret {
                    return Ok(Action::Return(true));
                }
                self.repeats[f.rep].count = f.count - 1;
                self.ptr = f.ptr;
                Action::Return(false)
            }
            Resume::Possessive1 => {
                if ret {
                    self.top().count += 1;
                    self.top().aux = NO_MARK;
                    return Ok(self.possessive_next());
                }
                self.ptr = f.ptr;
                Action::Return(false)
            }
            Resume::Possessive2 => {
                if ret {
                    self.mark_pop_discard(f.lastmark);
                    self.top().count += 1;
                    return Ok(self.possessive_next());
                }
                self.mark_pop(f.lastmark);
                self.restore_lastmark();
                // Back to where the failed iteration started.
                self.ptr = f.aux;
                self.possessive_done()
            }
            Resume::Atomic => {
                if !ret {
                    self.ptr = f.ptr;
                    return Ok(Action::Return(false));
                }
                Action::Resume(f.pc + self.cu(f.pc), self.ptr)
            }
            Resume::Assert => {
                if !ret {
                    return Ok(Action::Return(false));
                }
                Action::Resume(f.pc + self.cu(f.pc), f.ptr)
            }
            Resume::AssertNot => {
                if ret {
                    if f.marks_pushed {
                        self.mark_pop_discard(f.lastmark);
                    }
                    return Ok(Action::Return(false));
                }
                if f.marks_pushed {
                    self.mark_pop(f.lastmark);
                }
                self.restore_lastmark();
                Action::Resume(f.pc + self.cu(f.pc), f.ptr)
            }
        })
    }

    /// `pattern.match` from `self.start`.
    pub fn match_here(&mut self) -> Result<bool, SreError> {
        self.ptr = self.start;
        self.run(0, true)
    }

    /// `pattern.search` from `self.start`: on success `self.start`/`self.ptr`
    /// delimit the match.
    pub fn search(&mut self) -> Result<bool, SreError> {
        let mut ptr = self.start;
        let mut end = self.end;
        if ptr > end {
            return Ok(false);
        }
        let mut pc = 0;
        let mut flags = 0;
        let mut prefix_len = 0usize;
        let mut prefix_skip = 0usize;
        let mut prefix = 0usize;
        let mut charset = None;
        if self.c(0) == INFO {
            // <INFO> <skip> <flags> <min> <max> <prefix or charset>
            flags = self.c(2);
            let min = self.cu(3);
            if min != 0 && end - ptr < min {
                return Ok(false);
            }
            if min > 1 {
                // The last possible start leaves room for `min` characters.
                end -= min - 1;
                if end <= ptr {
                    end = ptr;
                }
            }
            if flags & INFO_PREFIX != 0 {
                prefix_len = self.cu(5);
                prefix_skip = self.cu(6);
                prefix = 7;
            } else if flags & INFO_CHARSET != 0 {
                charset = Some(5);
            }
            pc = 1 + self.cu(1);
        }
        let text = self.text;

        if prefix_len == 1 {
            let c = self.c(prefix);
            let end = self.end;
            self.must_advance = false;
            while ptr < end {
                while text.at(ptr) != c {
                    ptr += 1;
                    if ptr >= end {
                        return Ok(false);
                    }
                }
                self.start = ptr;
                self.ptr = ptr + prefix_skip;
                if flags & INFO_LITERAL != 0 {
                    return Ok(true);
                }
                if self.run(pc + 2 * prefix_skip, false)? {
                    return Ok(true);
                }
                ptr += 1;
                self.reset();
            }
            return Ok(false);
        }

        if prefix_len > 1 {
            // Knuth-Morris-Pratt with the overlap table after the prefix.
            let overlap = prefix + prefix_len - 1;
            let end = self.end;
            if prefix_len > end - ptr {
                return Ok(false);
            }
            let c0 = self.c(prefix);
            while ptr < end {
                loop {
                    let x = text.at(ptr);
                    ptr += 1;
                    if x == c0 {
                        break;
                    }
                    if ptr >= end {
                        return Ok(false);
                    }
                }
                if ptr >= end {
                    return Ok(false);
                }
                let mut i = 1usize;
                self.must_advance = false;
                loop {
                    if text.at(ptr) == self.c(prefix + i) {
                        i += 1;
                        if i != prefix_len {
                            ptr += 1;
                            if ptr >= end {
                                return Ok(false);
                            }
                            continue;
                        }
                        self.start = ptr + 1 - prefix_len;
                        self.ptr = ptr + 1 + prefix_skip - prefix_len;
                        if flags & INFO_LITERAL != 0 {
                            return Ok(true);
                        }
                        if self.run(pc + 2 * prefix_skip, false)? {
                            return Ok(true);
                        }
                        ptr += 1;
                        if ptr >= end {
                            return Ok(false);
                        }
                        self.reset();
                    }
                    i = self.cu(overlap + i);
                    if i == 0 {
                        break;
                    }
                }
            }
            return Ok(false);
        }

        if let Some(set) = charset {
            let end = self.end;
            let table = self.prog.info_table.as_deref();
            let in_set = |ch: u32| match table {
                Some(t) if ch < 256 => t[ch as usize],
                _ => self::charset(self.code, set, ch),
            };
            self.must_advance = false;
            loop {
                while ptr < end && !in_set(text.at(ptr)) {
                    ptr += 1;
                }
                if ptr >= end {
                    return Ok(false);
                }
                self.start = ptr;
                self.ptr = ptr;
                if self.run(pc, false)? {
                    return Ok(true);
                }
                ptr += 1;
                self.reset();
            }
        }

        self.start = ptr;
        self.ptr = ptr;
        let mut status = self.run(pc, true)?;
        self.must_advance = false;
        if !status && self.c(pc) == AT && matches!(self.c(pc + 1), AT_BEGINNING | AT_BEGINNING_STRING) {
            self.start = end;
            self.ptr = end;
            return Ok(false);
        }
        // `^` in MULTILINE mode first: only a line start can match.
        let line_starts_only = {
            let mut p = pc;
            while self.c(p) == MARK {
                p += 2;
            }
            self.c(p) == AT && self.c(p + 1) == AT_BEGINNING_LINE
        };
        let start_table = if line_starts_only { None } else { self.prog.start_table.as_deref() };
        while !status && ptr < end {
            ptr += 1;
            if line_starts_only {
                while ptr < end && text.at(ptr - 1) != '\n' as u32 {
                    ptr += 1;
                }
            }
            if let Some(t) = start_table {
                // Positions whose character cannot start a match.
                while ptr < end {
                    let ch = text.at(ptr);
                    if ch >= 256 || t[ch as usize] {
                        break;
                    }
                    ptr += 1;
                }
            }
            if !self.may_start(pc, ptr) {
                continue;
            }
            self.reset();
            self.start = ptr;
            self.ptr = ptr;
            status = self.run(pc, false)?;
        }
        Ok(status)
    }

    /// False when the pattern at `pc` certainly cannot match at `ptr`: it
    /// starts with a one-character item (or a branch of such) that the
    /// character there fails. Spares the search loop a full attempt.
    fn may_start(&self, mut pc: usize, ptr: usize) -> bool {
        while self.c(pc) == MARK {
            pc += 2;
        }
        if self.c(pc) != BRANCH {
            return self.first_char_may_match(pc, ptr);
        }
        let mut alt = pc + 1;
        while self.c(alt) != 0 {
            let mut op = alt + 1;
            while self.c(op) == MARK {
                op += 2;
            }
            if self.first_char_may_match(op, ptr) {
                return true;
            }
            alt += self.cu(alt);
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(?:ab|a)*c`, as `re._compiler` emits it.
    const AB_STAR_C: &[u32] = &[
        14, 4, 0, 1, MAXREPEAT, 23, 15, 0, MAXREPEAT, 16, 97, 7, 5, 16, 98, 15, 5, 3, 15, 2, 0, 18, 16, 99, 1,
    ];
    /// `(a+)(b)?`
    const GROUPS: &[u32] = &[
        14, 4, 0, 1, MAXREPEAT, 17, 0, 24, 6, 1, MAXREPEAT, 16, 97, 1, 17, 1, 23, 9, 0, 1, 17, 2, 16, 98, 17, 3, 18, 1,
    ];
    /// `x*+x`
    const POSSESSIVE: &[u32] = &[14, 4, 0, 1, MAXREPEAT, 29, 6, 0, MAXREPEAT, 16, 120, 1, 16, 120, 1];
    /// `(?<=a)b`
    const LOOKBEHIND: &[u32] = &[14, 4, 0, 1, 1, 4, 5, 1, 16, 97, 1, 16, 98, 1];

    fn search(code: &[u32], text: &[u8], groups: usize) -> Option<(usize, usize, Vec<Option<(usize, usize)>>)> {
        let prog = Program::new(code.to_vec());
        let mut e = Engine::new(&prog, text, groups, 0, text.len());
        if e.search().ok()? {
            let spans = (1..=groups).map(|g| e.group_span(g)).collect();
            Some((e.start, e.ptr, spans))
        } else {
            None
        }
    }

    #[test]
    fn long_subject_needs_no_rust_stack() {
        // One frame per iteration of the repeat: 300k of them on the heap.
        let mut text = b"ab".repeat(150_000);
        text.push(b'c');
        assert_eq!(search(AB_STAR_C, &text, 0).map(|m| (m.0, m.1)), Some((0, text.len())));
        text.pop();
        assert_eq!(search(AB_STAR_C, &text[..2000], 0), None);
    }

    #[test]
    fn groups_and_optional_group() {
        assert_eq!(search(GROUPS, b"xaab", 2), Some((1, 4, vec![Some((1, 3)), Some((3, 4))])));
        assert_eq!(search(GROUPS, b"xaa", 2), Some((1, 3, vec![Some((1, 3)), None])));
        assert_eq!(search(GROUPS, b"xyz", 2), None);
    }

    #[test]
    fn possessive_and_lookbehind() {
        assert_eq!(search(POSSESSIVE, b"xxx", 0), None);
        assert_eq!(search(LOOKBEHIND, b"bab", 0).map(|m| (m.0, m.1)), Some((2, 3)));
        let wide: Vec<u32> = "ëab".chars().map(|c| c as u32).collect();
        let prog = Program::new(LOOKBEHIND.to_vec());
        let mut e = Engine::new(&prog, &wide[..], 0, 0, wide.len());
        assert_eq!(e.search(), Ok(true));
        assert_eq!((e.start, e.ptr), (2, 3));
    }

    #[test]
    fn malformed_code_fails_without_panicking() {
        for code in [&[][..], &[14][..], &[24, 100, 0][..], &[7, 3, 16][..], &[17, 9, 1][..], &[12, 5, 99][..]] {
            let prog = Program::new(code.to_vec());
            let mut e = Engine::new(&prog, &b"abc"[..], 1, 0, 3);
            let _ = e.search();
            let mut e = Engine::new(&prog, &b"abc"[..], 1, 0, 3);
            let _ = e.match_here();
        }
    }
}
