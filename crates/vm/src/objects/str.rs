//! `str`: code points stored as in PEP 393, with 1, 2 or 4 bytes per code
//! point chosen by the largest one, inline after the header. `len` and
//! indexing are O(1); the hash (SipHash-1-3 over the stored code units, as
//! CPython computes it) is cached. Lone surrogates are ordinary code points.

use crate::gil::GilCell;
use crate::hash;
use crate::object::{alloc_raw, LayoutKind, ObjHeader, PyPayload};
use crate::typeobj::{type_of, TypeObject, STR_TYPE};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;
use std::collections::HashMap;

#[repr(C)]
pub struct StrObject {
    header: ObjHeader,
    /// -1 until computed.
    hash: Cell<i64>,
    /// Length in code points.
    len: usize,
    /// Bytes per code point: 1, 2 or 4.
    kind: u8,
    ascii: bool,
    // The code units follow the struct.
}

unsafe impl PyPayload for StrObject {
    const KIND: LayoutKind = LayoutKind::Str;
}

const HEAD: usize = std::mem::size_of::<StrObject>();

impl StrObject {
    pub(crate) unsafe fn alloc_size_of(p: *const StrObject) -> usize {
        HEAD + (*p).len * (*p).kind as usize
    }

    /// Allocates an uninitialized string of `ty` and returns it with its data buffer.
    fn alloc(ty: &TypeObject, len: usize, kind: u8, ascii: bool) -> (Value, *mut u8) {
        let size = match len.checked_mul(kind as usize).and_then(|n| n.checked_add(HEAD)) {
            Some(s) if s < isize::MAX as usize / 2 => s,
            _ => std::alloc::handle_alloc_error(std::alloc::Layout::new::<u64>()),
        };
        // SAFETY: Str layout; fields written before use.
        unsafe {
            let p = alloc_raw(ty, size);
            let s = p.as_ptr() as *mut StrObject;
            std::ptr::addr_of_mut!((*s).hash).write(Cell::new(-1));
            std::ptr::addr_of_mut!((*s).len).write(len);
            std::ptr::addr_of_mut!((*s).kind).write(kind);
            std::ptr::addr_of_mut!((*s).ascii).write(ascii);
            let data = (s as *mut u8).add(HEAD);
            (Value::from_owned_ptr(p), data)
        }
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    #[inline(always)]
    pub fn kind(&self) -> u8 {
        self.kind
    }

    pub fn is_ascii(&self) -> bool {
        self.ascii
    }

    /// The stored code units (native-endian 1/2/4-byte units).
    #[inline(always)]
    pub fn data(&self) -> &[u8] {
        // SAFETY: `len * kind` bytes follow the struct (see `alloc`).
        unsafe {
            std::slice::from_raw_parts(
                (self as *const StrObject as *const u8).add(HEAD),
                self.len * self.kind as usize,
            )
        }
    }

    /// Code point at `i` (< len).
    #[inline(always)]
    pub fn get(&self, i: usize) -> u32 {
        let d = self.data();
        match self.kind {
            1 => d[i] as u32,
            2 => u16::from_ne_bytes([d[2 * i], d[2 * i + 1]]) as u32,
            _ => u32::from_ne_bytes([d[4 * i], d[4 * i + 1], d[4 * i + 2], d[4 * i + 3]]),
        }
    }

    pub fn code_points(&self) -> impl Iterator<Item = u32> + '_ {
        (0..self.len).map(move |i| self.get(i))
    }

    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = hash::hash_bytes(self.data());
        self.hash.set(h);
        h
    }

    /// The text as UTF-8; `None` when it holds a lone surrogate.
    pub fn to_utf8(&self) -> Option<std::borrow::Cow<'_, str>> {
        if self.ascii {
            // SAFETY: ASCII bytes are UTF-8.
            return Some(std::borrow::Cow::Borrowed(unsafe {
                std::str::from_utf8_unchecked(self.data())
            }));
        }
        let mut s = String::with_capacity(self.len * 2);
        for cp in self.code_points() {
            s.push(char::from_u32(cp)?);
        }
        Some(std::borrow::Cow::Owned(s))
    }

    /// UTF-8 with surrogates replaced by U+FFFD, for messages.
    pub fn to_string_lossy(&self) -> String {
        self.code_points()
            .map(|cp| char::from_u32(cp).unwrap_or('\u{FFFD}'))
            .collect()
    }

    /// UTF-8 with lone surrogates encoded as three bytes each (for output with
    /// the `surrogateescape`-like writers and `PyStr`).
    pub fn to_generalized_utf8(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.len);
        for cp in self.code_points() {
            push_generalized_utf8(&mut out, cp);
        }
        out
    }

    pub fn eq_str(&self, other: &StrObject) -> bool {
        std::ptr::eq(self, other) || (self.len == other.len && self.kind == other.kind && self.data() == other.data())
    }

    pub fn cmp_str(&self, other: &StrObject) -> std::cmp::Ordering {
        if self.kind == 1 && other.kind == 1 {
            return self.data().cmp(other.data());
        }
        self.code_points().cmp(other.code_points())
    }

    pub fn as_ascii_str(&self) -> Option<&str> {
        if self.ascii {
            // SAFETY: ASCII.
            Some(unsafe { std::str::from_utf8_unchecked(self.data()) })
        } else {
            None
        }
    }
}

pub(crate) fn push_generalized_utf8(out: &mut Vec<u8>, cp: u32) {
    if let Some(c) = char::from_u32(cp) {
        let mut buf = [0u8; 4];
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    } else {
        out.push(0xE0 | (cp >> 12) as u8);
        out.push(0x80 | ((cp >> 6) & 0x3F) as u8);
        out.push(0x80 | (cp & 0x3F) as u8);
    }
}

fn kind_for(max: u32) -> u8 {
    if max < 0x100 {
        1
    } else if max < 0x10000 {
        2
    } else {
        4
    }
}

/// Writes code points into a buffer of the given kind.
unsafe fn write_cps(data: *mut u8, kind: u8, cps: impl Iterator<Item = u32>) {
    let mut i = 0;
    for cp in cps {
        match kind {
            1 => *data.add(i) = cp as u8,
            2 => std::ptr::copy_nonoverlapping((cp as u16).to_ne_bytes().as_ptr(), data.add(2 * i), 2),
            _ => std::ptr::copy_nonoverlapping(cp.to_ne_bytes().as_ptr(), data.add(4 * i), 4),
        }
        i += 1;
    }
}

/// A new exact `str` from UTF-8 text.
pub fn new_str(s: &str) -> Value {
    if s.is_ascii() {
        let (v, data) = StrObject::alloc(STR_TYPE.get(), s.len(), 1, true);
        // SAFETY: buffer of s.len() bytes.
        unsafe { std::ptr::copy_nonoverlapping(s.as_ptr(), data, s.len()) };
        return v;
    }
    let mut max = 0u32;
    let mut n = 0usize;
    for c in s.chars() {
        max = max.max(c as u32);
        n += 1;
    }
    let kind = kind_for(max);
    let (v, data) = StrObject::alloc(STR_TYPE.get(), n, kind, false);
    // SAFETY: buffer of n * kind bytes.
    unsafe { write_cps(data, kind, s.chars().map(|c| c as u32)) };
    v
}

/// A new `str` of type `ty` from code points (all <= 0x10FFFF).
pub fn new_str_from_cps_typed(ty: &TypeObject, cps: &[u32]) -> Value {
    let max = cps.iter().copied().max().unwrap_or(0);
    let kind = kind_for(max);
    let (v, data) = StrObject::alloc(ty, cps.len(), kind, max < 0x80);
    // SAFETY: buffer of len * kind bytes.
    unsafe { write_cps(data, kind, cps.iter().copied()) };
    v
}

pub fn new_str_from_cps(cps: &[u32]) -> Value {
    new_str_from_cps_typed(STR_TYPE.get(), cps)
}

/// A one-code-point string (Latin-1 ones are cached like CPython's).
pub fn new_char(cp: u32) -> Value {
    if cp < 256 {
        // SAFETY: GIL held.
        let cache = unsafe { CHAR_CACHE.get_mut() };
        if cache.is_empty() {
            for c in 0..256u32 {
                let v = new_str_from_cps(&[c]);
                crate::typeobj::make_immortal(&v);
                cache.push(v);
            }
        }
        return cache[cp as usize].clone();
    }
    new_str_from_cps(&[cp])
}

static CHAR_CACHE: GilCell<Vec<Value>> = GilCell::new(Vec::new());

/// A substring `[start, start+len)` by code points.
pub fn substring(s: &StrObject, start: usize, len: usize) -> Value {
    if len == 1 {
        return new_char(s.get(start));
    }
    let kind = s.kind;
    let k = kind as usize;
    let bytes = &s.data()[start * k..(start + len) * k];
    if s.ascii {
        let (v, data) = StrObject::alloc(STR_TYPE.get(), len, 1, true);
        // SAFETY: ASCII text is one byte per code point; the buffer holds len bytes.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), data, len) };
        return v;
    }
    let max = (start..start + len).map(|i| s.get(i)).max().unwrap_or(0);
    let newkind = kind_for(max);
    if newkind == kind {
        let (v, data) = StrObject::alloc(STR_TYPE.get(), len, kind, max < 0x80);
        // SAFETY: same kind, same byte count.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), data, bytes.len()) };
        v
    } else {
        let (v, data) = StrObject::alloc(STR_TYPE.get(), len, newkind, max < 0x80);
        // SAFETY: buffer of len * newkind bytes.
        unsafe { write_cps(data, newkind, (start..start + len).map(|i| s.get(i))) };
        v
    }
}

/// Concatenation of string parts.
pub fn concat(parts: &[&StrObject]) -> Value {
    let len: usize = parts.iter().map(|p| p.len).sum();
    let kind = parts.iter().map(|p| p.kind).max().unwrap_or(1);
    let ascii = parts.iter().all(|p| p.ascii);
    let (v, data) = StrObject::alloc(STR_TYPE.get(), len, kind, ascii);
    let mut off = 0;
    for p in parts {
        if p.kind == kind {
            // SAFETY: data has room for all parts at this kind.
            unsafe { std::ptr::copy_nonoverlapping(p.data().as_ptr(), data.add(off), p.data().len()) };
        } else {
            unsafe { write_cps(data.add(off), kind, p.code_points()) };
        }
        off += p.len * kind as usize;
    }
    v
}

/// `lhs + rhs` reusing `lhs`'s memory when this is its only reference (the
/// `s += t` loop idiom, as CPython's in-place unicode concatenation).
pub fn append(lhs: Value, rhs: &StrObject) -> Value {
    let Some(l) = lhs.downcast_ref::<StrObject>() else {
        return lhs;
    };
    let unique =
        crate::object::refcount(&lhs) == Some(1) && std::ptr::eq(crate::typeobj::type_of(&lhs), STR_TYPE.ptr());
    if !unique || rhs.kind > l.kind || rhs.is_empty() {
        return concat(&[l, rhs]);
    }
    let (old_len, kind) = (l.len, l.kind as usize);
    let new_len = old_len + rhs.len;
    let old_size = HEAD + old_len * kind;
    let new_size = HEAD + new_len * kind;
    let p = lhs.into_raw_bits();
    // SAFETY: the only reference, of exact type str (no pre-header), whose
    // block was allocated for `old_size` bytes.
    unsafe {
        let v = Value::from_raw_bits(p);
        let obj = v.ptr_unchecked() as *mut u8;
        std::mem::forget(v);
        let newp = crate::object::realloc_block(obj, old_size, new_size);
        let so = newp as *mut StrObject;
        let data = newp.add(HEAD);
        if rhs.kind as usize == kind {
            std::ptr::copy_nonoverlapping(rhs.data().as_ptr(), data.add(old_len * kind), rhs.data().len());
        } else {
            write_cps(data.add(old_len * kind), kind as u8, rhs.code_points());
        }
        (*so).len = new_len;
        (*so).hash.set(-1);
        (*so).ascii = (*so).ascii && rhs.ascii;
        Value::from_owned_ptr(std::ptr::NonNull::new_unchecked(newp as *mut ObjHeader))
    }
}

pub fn repeat(s: &StrObject, n: usize) -> Value {
    let len = s.len * n;
    let (v, data) = StrObject::alloc(STR_TYPE.get(), len, s.kind, s.ascii);
    let chunk = s.data();
    for i in 0..n {
        // SAFETY: n copies of the data fit.
        unsafe { std::ptr::copy_nonoverlapping(chunk.as_ptr(), data.add(i * chunk.len()), chunk.len()) };
    }
    v
}

/// Collects code points into a new string.
#[derive(Default)]
pub struct StrBuilder {
    cps: Vec<u32>,
    ascii_bytes: Vec<u8>,
    all_ascii: bool,
}

impl StrBuilder {
    pub fn new() -> StrBuilder {
        StrBuilder {
            cps: Vec::new(),
            ascii_bytes: Vec::new(),
            all_ascii: true,
        }
    }

    pub fn push_str(&mut self, s: &str) {
        if self.all_ascii && s.is_ascii() {
            self.ascii_bytes.extend_from_slice(s.as_bytes());
        } else {
            self.to_cps();
            self.cps.extend(s.chars().map(|c| c as u32));
        }
    }

    pub fn push_cp(&mut self, cp: u32) {
        if self.all_ascii && cp < 0x80 {
            self.ascii_bytes.push(cp as u8);
        } else {
            self.to_cps();
            self.cps.push(cp);
        }
    }

    pub fn push_strobj(&mut self, s: &StrObject) {
        if self.all_ascii && s.ascii {
            self.ascii_bytes.extend_from_slice(s.data());
        } else {
            self.to_cps();
            self.cps.extend(s.code_points());
        }
    }

    fn to_cps(&mut self) {
        if self.all_ascii {
            self.all_ascii = false;
            self.cps.extend(self.ascii_bytes.drain(..).map(|b| b as u32));
        }
    }

    pub fn finish(self) -> Value {
        if self.all_ascii {
            // SAFETY: only ASCII bytes were pushed.
            new_str(unsafe { std::str::from_utf8_unchecked(&self.ascii_bytes) })
        } else {
            new_str_from_cps(&self.cps)
        }
    }
}

/// Two values that are both `str` (any subclass) and equal.
pub fn str_eq(a: &Value, b: &Value) -> bool {
    if a.is(b) {
        return true;
    }
    match (a.downcast_ref::<StrObject>(), b.downcast_ref::<StrObject>()) {
        (Some(x), Some(y)) => x.eq_str(y),
        _ => false,
    }
}

/// The string's text for messages (surrogates replaced); "" for non-str.
pub fn display_lossy(v: &Value) -> String {
    v.downcast_ref::<StrObject>()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default()
}

/// The interning table: one object per distinct identifier-like text.
static INTERNED: GilCell<Option<HashMap<String, Value>>> = GilCell::new(None);

pub fn intern(s: &str) -> Value {
    // SAFETY: GIL held; no Python code runs while the table is borrowed.
    let table = unsafe { INTERNED.get_mut() }.get_or_insert_with(HashMap::new);
    if let Some(v) = table.get(s) {
        return v.clone();
    }
    let v = new_str(s);
    crate::typeobj::make_immortal(&v);
    table.insert(s.to_string(), v.clone());
    v
}

/// The interned copy of an exact str value (itself when it cannot be interned).
pub fn intern_value(v: &Value) -> Value {
    if let Some(s) = v.downcast_ref::<StrObject>() {
        if std::ptr::eq(type_of(v), STR_TYPE.ptr()) {
            if let Some(text) = s.to_utf8() {
                return intern(&text);
            }
        }
    }
    v.clone()
}

/// `str(v)` text of a str value for the VM's own use.
pub fn as_str_obj(v: &Value) -> Option<&StrObject> {
    v.downcast_ref::<StrObject>()
}

impl Vm {
    pub fn new_str(&self, s: &str) -> Value {
        new_str(s)
    }

    pub fn intern(&self, s: &str) -> Value {
        intern(s)
    }
}

/// Index normalization shared by sequences: `i` may be negative.
pub fn normalize_index(i: i64, len: usize) -> Option<usize> {
    let len = len as i64;
    let j = if i < 0 { i + len } else { i };
    if j >= 0 && j < len {
        Some(j as usize)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_hash() {
        let vm = Vm::new_for_tests();
        let a = new_str("abc");
        let s = a.downcast_ref::<StrObject>().unwrap();
        assert_eq!((s.len(), s.kind(), s.is_ascii()), (3, 1, true));
        assert_eq!(s.hash(), -4594863902769663758);
        let b = new_str("\u{100}bc");
        let t = b.downcast_ref::<StrObject>().unwrap();
        assert_eq!((t.len(), t.kind()), (3, 2));
        assert_eq!(t.hash(), 2818048648587933916);
        let c = new_str("a\u{1F600}");
        let u = c.downcast_ref::<StrObject>().unwrap();
        assert_eq!((u.len(), u.kind(), u.get(1)), (2, 4, 0x1F600));
        let d = new_str_from_cps(&[0xD800, 0x41]);
        let w = d.downcast_ref::<StrObject>().unwrap();
        assert_eq!((w.len(), w.kind(), w.to_utf8().is_none()), (2, 2, true));
        let e = concat(&[s, t]);
        assert_eq!(
            e.downcast_ref::<StrObject>().unwrap().to_utf8().unwrap(),
            "abc\u{100}bc"
        );
        assert!(intern("spam").is(&intern("spam")));
        drop(vm);
    }
}
