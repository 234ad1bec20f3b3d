//! `unicodedata` for Unicode 14.0.0 (python3.11's version): character
//! properties, decompositions, numeric values, names (Hangul syllables and
//! CJK ideographs computed), `lookup` with aliases and named sequences, and
//! the four normalization forms.
//!
//! The tables are `unicodedata_data.bin`, generated from python3.11's own
//! `unicodedata` by tools/gen_unicodedata.py (its docstring describes the
//! layout); they are parsed once, on first use.
//!
//! `ucd_3_2_0` answers with the 14.0.0 data (CPython applies the 3.2.0
//! differences: unassigned code points and a few changed properties); this is
//! an approximation.

use crate::args::check_no_kwargs;
use crate::exception::{ExcKind, PyResult};
use crate::modules::{init_native_type, ModuleBuilder, NativeType};
use crate::object::LayoutKind;
use crate::objects::bytes::BytesObject;
use crate::objects::native::{new_native, NativeData};
use crate::objects::str::{new_str, new_str_from_cps, StrObject};
use crate::typeinit::{add_getset_to, add_method_to};
use crate::typeobj::{KwNames, TypeObject, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::Vm;
use std::collections::HashMap;
use std::sync::OnceLock;

static DATA: &[u8] = include_bytes!("unicodedata_data.bin");
static TABLES: OnceLock<Option<Tables>> = OnceLock::new();
static UCD: NativeType = NativeType::new();

struct Tables {
    cats: Vec<&'static str>,
    bidis: Vec<&'static str>,
    eaws: Vec<&'static str>,
    records: Vec<[u8; 5]>,
    index: Vec<u16>,
    blocks: &'static [u8],
    decomp: Vec<(u32, &'static str)>,
    numeric: Vec<(u32, i8, i8, &'static str)>,
    comps: HashMap<(u32, u32), u32>,
    words: Vec<&'static str>,
    /// (code point, offset of its word ids in DATA, word count), sorted.
    names: Vec<(u32, usize, u8)>,
    ranges: Vec<(u32, u32, &'static str)>,
    aliases: Vec<(u32, &'static str)>,
    seqs: Vec<(&'static str, Vec<u32>)>,
    /// Upper-cased name, alias or sequence name -> code points (built on the
    /// first `lookup`).
    by_name: OnceLock<HashMap<String, Vec<u32>>>,
}

struct Reader {
    at: usize,
}

impl Reader {
    fn take(&mut self, n: usize) -> Option<&'static [u8]> {
        let s = DATA.get(self.at..self.at + n)?;
        self.at += n;
        Some(s)
    }
    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }
    fn u16(&mut self) -> Option<u16> {
        self.take(2).map(|b| u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Option<u32> {
        self.take(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn text(&mut self, n: usize) -> Option<&'static str> {
        std::str::from_utf8(self.take(n)?).ok()
    }
    fn text8(&mut self) -> Option<&'static str> {
        let n = self.u8()? as usize;
        self.text(n)
    }
}

impl Tables {
    fn parse() -> Option<Tables> {
        let mut r = Reader { at: 0 };
        let mut strings = || -> Option<Vec<&'static str>> {
            let n = r.u8()?;
            (0..n).map(|_| r.text8()).collect()
        };
        let cats = strings()?;
        let bidis = strings()?;
        let eaws = strings()?;
        let nrec = r.u16()?;
        let mut records = Vec::with_capacity(nrec as usize);
        for _ in 0..nrec {
            let b = r.take(5)?;
            records.push([b[0], b[1], b[2], b[3], b[4]]);
        }
        let index: Vec<u16> = (0..0x110000 / 128).map(|_| r.u16()).collect::<Option<_>>()?;
        let nblocks = r.u16()? as usize;
        let blocks = r.take(nblocks * 128)?;
        let n = r.u32()?;
        let mut decomp = Vec::with_capacity(n as usize);
        for _ in 0..n {
            let cp = r.u32()?;
            let len = r.u16()? as usize;
            decomp.push((cp, r.text(len)?));
        }
        let n = r.u32()?;
        let mut numeric = Vec::with_capacity(n as usize);
        for _ in 0..n {
            let cp = r.u32()?;
            let de = r.u8()? as i8;
            let di = r.u8()? as i8;
            numeric.push((cp, de, di, r.text8()?));
        }
        let n = r.u32()?;
        let mut comps = HashMap::with_capacity(n as usize);
        for _ in 0..n {
            let (a, b, c) = (r.u32()?, r.u32()?, r.u32()?);
            comps.insert((a, b), c);
        }
        let n = r.u16()?;
        let words: Vec<&'static str> = (0..n).map(|_| r.text8()).collect::<Option<_>>()?;
        let n = r.u32()?;
        let mut names = Vec::with_capacity(n as usize);
        for _ in 0..n {
            let cp = r.u32()?;
            let k = r.u8()?;
            names.push((cp, r.at, k));
            r.take(2 * k as usize)?;
        }
        let n = r.u16()?;
        let mut ranges = Vec::new();
        for _ in 0..n {
            ranges.push((r.u32()?, r.u32()?, r.text8()?));
        }
        let n = r.u16()?;
        let mut aliases = Vec::new();
        for _ in 0..n {
            aliases.push((r.u32()?, r.text8()?));
        }
        let n = r.u16()?;
        let mut seqs = Vec::new();
        for _ in 0..n {
            let name = r.text8()?;
            let k = r.u8()?;
            let cps: Vec<u32> = (0..k).map(|_| r.u32()).collect::<Option<_>>()?;
            seqs.push((name, cps));
        }
        Some(Tables {
            cats,
            bidis,
            eaws,
            records,
            index,
            blocks,
            decomp,
            numeric,
            comps,
            words,
            names,
            ranges,
            aliases,
            seqs,
            by_name: OnceLock::new(),
        })
    }

    fn record(&self, cp: u32) -> [u8; 5] {
        let block = self.index.get((cp >> 7) as usize).copied().unwrap_or(0) as usize;
        let rec = self.blocks.get(block * 128 + (cp & 127) as usize).copied().unwrap_or(0);
        self.records.get(rec as usize).copied().unwrap_or([0; 5])
    }

    fn combining(&self, cp: u32) -> u8 {
        self.record(cp)[2]
    }

    fn decomposition(&self, cp: u32) -> Option<&'static str> {
        self.decomp
            .binary_search_by_key(&cp, |e| e.0)
            .ok()
            .map(|i| self.decomp[i].1)
    }

    fn numeric_entry(&self, cp: u32) -> Option<(i8, i8, &'static str)> {
        self.numeric
            .binary_search_by_key(&cp, |e| e.0)
            .ok()
            .map(|i| (self.numeric[i].1, self.numeric[i].2, self.numeric[i].3))
    }

    fn name(&self, cp: u32) -> Option<String> {
        if (SBASE..SBASE + SCOUNT).contains(&cp) {
            let s = cp - SBASE;
            let (l, v, t) = (s / NCOUNT, (s % NCOUNT) / TCOUNT, s % TCOUNT);
            return Some(format!(
                "HANGUL SYLLABLE {}{}{}",
                JAMO_L[l as usize], JAMO_V[v as usize], JAMO_T[t as usize]
            ));
        }
        if let Some(&(_, _, prefix)) = self.ranges.iter().find(|r| r.0 <= cp && cp <= r.1) {
            return Some(format!("{prefix}{cp:04X}"));
        }
        let i = self.names.binary_search_by_key(&cp, |e| e.0).ok()?;
        let (_, at, k) = self.names[i];
        let mut out = String::new();
        for j in 0..k as usize {
            let b = DATA.get(at + 2 * j..at + 2 * j + 2)?;
            let w = self.words.get(u16::from_le_bytes([b[0], b[1]]) as usize)?;
            if j > 0 {
                out.push(' ');
            }
            out.push_str(w);
        }
        Some(out)
    }

    fn by_name(&self) -> &HashMap<String, Vec<u32>> {
        self.by_name.get_or_init(|| {
            let mut m = HashMap::with_capacity(self.names.len() + 2000);
            for &(cp, _, _) in &self.names {
                if let Some(n) = self.name(cp) {
                    m.insert(n, vec![cp]);
                }
            }
            for &(cp, a) in &self.aliases {
                m.insert(a.to_string(), vec![cp]);
            }
            for (n, cps) in &self.seqs {
                m.insert(n.to_string(), cps.clone());
            }
            m
        })
    }

    /// CPython's `_getcode`: Hangul and CJK unified names are parsed (case
    /// sensitively), everything else is looked up ignoring ASCII case.
    fn lookup(&self, name: &str) -> Option<Vec<u32>> {
        if let Some(rest) = name.strip_prefix("HANGUL SYLLABLE ") {
            return hangul_from_name(rest).map(|c| vec![c]);
        }
        if let Some(hex) = name.strip_prefix("CJK UNIFIED IDEOGRAPH-") {
            if hex.is_empty() || !hex.bytes().all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b)) {
                return None;
            }
            let v = u32::from_str_radix(hex, 16).ok()?;
            let unified = self
                .ranges
                .iter()
                .any(|r| r.2 == "CJK UNIFIED IDEOGRAPH-" && r.0 <= v && v <= r.1);
            return if unified { Some(vec![v]) } else { None };
        }
        let upper = name.to_ascii_uppercase();
        if let Some(cps) = self.by_name().get(&upper) {
            return Some(cps.clone());
        }
        // Other names spelled prefix + hex (compatibility ideographs, ...).
        for &(lo, hi, prefix) in &self.ranges {
            if prefix == "CJK UNIFIED IDEOGRAPH-" {
                continue;
            }
            if let Some(hex) = upper.strip_prefix(prefix) {
                if let Ok(v) = u32::from_str_radix(hex, 16) {
                    if lo <= v && v <= hi && format!("{v:04X}") == hex {
                        return Some(vec![v]);
                    }
                }
            }
        }
        None
    }
}

const SBASE: u32 = 0xAC00;
const LBASE: u32 = 0x1100;
const VBASE: u32 = 0x1161;
const TBASE: u32 = 0x11A7;
const LCOUNT: u32 = 19;
const VCOUNT: u32 = 21;
const TCOUNT: u32 = 28;
const NCOUNT: u32 = VCOUNT * TCOUNT;
const SCOUNT: u32 = LCOUNT * NCOUNT;

const JAMO_L: [&str; 19] = ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"];
const JAMO_V: [&str; 21] = [
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I",
];
const JAMO_T: [&str; 28] = [
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J",
    "C", "K", "T", "P", "H",
];

/// The longest jamo short name at the start of `s` (CPython's find_syllable).
fn longest(s: &str, table: &[&str]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for (i, j) in table.iter().enumerate() {
        if s.starts_with(j) && best.map_or(true, |(_, len)| j.len() > len) {
            best = Some((i, j.len()));
        }
    }
    best
}

fn hangul_from_name(s: &str) -> Option<u32> {
    let (l, n1) = longest(s, &JAMO_L)?;
    let (v, n2) = longest(&s[n1..], &JAMO_V)?;
    let (t, n3) = longest(&s[n1 + n2..], &JAMO_T)?;
    if n1 + n2 + n3 != s.len() {
        return None;
    }
    Some(SBASE + (l as u32 * VCOUNT + v as u32) * TCOUNT + t as u32)
}

fn tables(vm: &mut Vm) -> PyResult<&'static Tables> {
    match TABLES.get_or_init(Tables::parse) {
        Some(t) => Ok(t),
        None => Err(vm.new_error(ExcKind::SystemError, "unicodedata tables are corrupt")),
    }
}

// --- normalization -------------------------------------------------------------

fn decompose(t: &Tables, s: impl Iterator<Item = u32>, compat: bool) -> Vec<u32> {
    let mut out = Vec::new();
    let mut stack: Vec<u32> = Vec::new();
    for cp in s {
        stack.push(cp);
        while let Some(c) = stack.pop() {
            if (SBASE..SBASE + SCOUNT).contains(&c) {
                let si = c - SBASE;
                out.push(LBASE + si / NCOUNT);
                out.push(VBASE + (si % NCOUNT) / TCOUNT);
                if si % TCOUNT != 0 {
                    out.push(TBASE + si % TCOUNT);
                }
                continue;
            }
            match t.decomposition(c) {
                Some(d) if compat || !d.starts_with('<') => {
                    let parts = d.split(' ').filter(|p| !p.starts_with('<'));
                    let cps: Vec<u32> = parts.filter_map(|p| u32::from_str_radix(p, 16).ok()).collect();
                    stack.extend(cps.into_iter().rev());
                }
                _ => out.push(c),
            }
        }
    }
    // Canonical ordering: stable sort of each run of non-starters.
    let mut i = 0;
    while i < out.len() {
        if t.combining(out[i]) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < out.len() && t.combining(out[i]) != 0 {
            i += 1;
        }
        out[start..i].sort_by_key(|&c| t.combining(c));
    }
    out
}

fn compose(t: &Tables, s: Vec<u32>) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::with_capacity(s.len());
    let mut starter: Option<usize> = None;
    // Combining class of the last character kept after the starter (the
    // highest one, the text being canonically ordered); -1 when none.
    let mut last_cc: i32 = -1;
    for c in s {
        let cc = t.combining(c) as i32;
        if let Some(si) = starter {
            let st = out[si];
            let adjacent = si + 1 == out.len();
            if adjacent && (LBASE..LBASE + LCOUNT).contains(&st) && (VBASE..VBASE + VCOUNT).contains(&c) {
                out[si] = SBASE + ((st - LBASE) * VCOUNT + (c - VBASE)) * TCOUNT;
                continue;
            }
            if adjacent
                && (SBASE..SBASE + SCOUNT).contains(&st)
                && (st - SBASE) % TCOUNT == 0
                && (TBASE + 1..TBASE + TCOUNT).contains(&c)
            {
                out[si] = st + (c - TBASE);
                continue;
            }
            let blocked = !adjacent && (last_cc >= cc || last_cc == 0);
            if !blocked {
                if let Some(&comp) = t.comps.get(&(st, c)) {
                    out[si] = comp;
                    continue;
                }
            }
        }
        if cc == 0 {
            starter = Some(out.len());
            last_cc = -1;
        } else {
            last_cc = cc;
        }
        out.push(c);
    }
    out
}

fn normalize_cps(t: &Tables, form: &str, s: &StrObject) -> Option<Vec<u32>> {
    let (compat, comp) = match form {
        "NFC" => (false, true),
        "NFD" => (false, false),
        "NFKC" => (true, true),
        "NFKD" => (true, false),
        _ => return None,
    };
    let d = decompose(t, s.code_points(), compat);
    Some(if comp { compose(t, d) } else { d })
}

// --- functions -----------------------------------------------------------------

/// The one-character argument of the property functions.
fn char_arg(vm: &mut Vm, fname: &str, args: &[Value], min: usize, max: usize) -> PyResult<u32> {
    if args.len() < min || args.len() > max {
        let msg = if max == 1 {
            format!("unicodedata.{fname}() takes exactly one argument ({} given)", args.len())
        } else if args.len() < min {
            format!("{fname} expected at least {min} argument{}, got {}", if min == 1 { "" } else { "s" }, args.len())
        } else {
            format!("{fname} expected at most {max} arguments, got {}", args.len())
        };
        return Err(vm.type_error(msg));
    }
    match args[0].downcast_ref::<StrObject>() {
        Some(s) if s.len() == 1 => Ok(s.get(0)),
        _ => {
            let msg = format!("{fname}() argument must be a unicode character, not {}", vm.type_name(&args[0]));
            Err(vm.type_error(msg))
        }
    }
}

/// Module functions get their arguments as is; UCD methods drop `self`.
fn own_args(args: &[Value], method: bool) -> &[Value] {
    if method && !args.is_empty() {
        &args[1..]
    } else {
        args
    }
}

macro_rules! both {
    ($imp:ident, $f:ident, $m:ident) => {
        fn $f(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
            $imp(vm, own_args(args, false), kw)
        }
        fn $m(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
            $imp(vm, own_args(args, true), kw)
        }
    };
}

fn category(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "category", kw)?;
    let cp = char_arg(vm, "category", args, 1, 1)?;
    let t = tables(vm)?;
    Ok(new_str(t.cats.get(t.record(cp)[0] as usize).copied().unwrap_or("Cn")))
}

fn bidirectional(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "bidirectional", kw)?;
    let cp = char_arg(vm, "bidirectional", args, 1, 1)?;
    let t = tables(vm)?;
    Ok(new_str(t.bidis.get(t.record(cp)[1] as usize).copied().unwrap_or("")))
}

fn combining(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "combining", kw)?;
    let cp = char_arg(vm, "combining", args, 1, 1)?;
    let t = tables(vm)?;
    Ok(Value::int(t.combining(cp) as i64))
}

fn east_asian_width(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "east_asian_width", kw)?;
    let cp = char_arg(vm, "east_asian_width", args, 1, 1)?;
    let t = tables(vm)?;
    Ok(new_str(t.eaws.get(t.record(cp)[3] as usize).copied().unwrap_or("N")))
}

fn mirrored(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "mirrored", kw)?;
    let cp = char_arg(vm, "mirrored", args, 1, 1)?;
    let t = tables(vm)?;
    Ok(Value::int(t.record(cp)[4] as i64))
}

fn decomposition(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "decomposition", kw)?;
    let cp = char_arg(vm, "decomposition", args, 1, 1)?;
    let t = tables(vm)?;
    Ok(new_str(t.decomposition(cp).unwrap_or("")))
}

fn number(vm: &mut Vm, args: &[Value], kw: KwNames, which: usize) -> PyResult<Value> {
    let fname = ["decimal", "digit", "numeric"][which];
    check_no_kwargs(vm, fname, kw)?;
    let cp = char_arg(vm, fname, args, 1, 2)?;
    let t = tables(vm)?;
    let found = t.numeric_entry(cp).and_then(|(de, di, text)| match which {
        0 if de >= 0 => Some(Value::int(de as i64)),
        1 if di >= 0 => Some(Value::int(di as i64)),
        2 => {
            let (n, d) = text.split_once('/').unwrap_or((text, "1"));
            let n: f64 = n.parse().ok()?;
            let d: f64 = d.parse().ok()?;
            Some(Value::float(n / d))
        }
        _ => None,
    });
    match (found, args.get(1)) {
        (Some(v), _) => Ok(v),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(vm.value_error(["not a decimal", "not a digit", "not a numeric character"][which])),
    }
}

fn decimal(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    number(vm, args, kw, 0)
}

fn digit(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    number(vm, args, kw, 1)
}

fn numeric(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    number(vm, args, kw, 2)
}

fn name(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "name", kw)?;
    let cp = char_arg(vm, "name", args, 1, 2)?;
    let t = tables(vm)?;
    match (t.name(cp), args.get(1)) {
        (Some(n), _) => Ok(new_str(&n)),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(vm.value_error("no such name")),
    }
}

fn lookup(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "lookup", kw)?;
    if args.len() != 1 {
        let msg = format!("unicodedata.lookup() takes exactly one argument ({} given)", args.len());
        return Err(vm.type_error(msg));
    }
    let text: String = if let Some(s) = args[0].downcast_ref::<StrObject>() {
        s.to_string_lossy()
    } else if let Some(b) = args[0].downcast_ref::<BytesObject>() {
        String::from_utf8_lossy(b.data()).into_owned()
    } else {
        let msg = format!("lookup() argument must be str or read-only bytes-like object, not {}", vm.type_name(&args[0]));
        return Err(vm.type_error(msg));
    };
    if text.chars().count() > 256 {
        return Err(vm.new_error(ExcKind::KeyError, "name too long"));
    }
    let t = tables(vm)?;
    match t.lookup(&text) {
        Some(cps) => Ok(new_str_from_cps(&cps)),
        None => {
            let msg = format!("undefined character name '{text}'");
            Err(vm.new_error(ExcKind::KeyError, msg))
        }
    }
}

fn form_and_str<'a>(vm: &mut Vm, fname: &str, args: &'a [Value]) -> PyResult<(String, &'a StrObject)> {
    if args.len() != 2 {
        let msg = format!("{fname} expected 2 arguments, got {}", args.len());
        return Err(vm.type_error(msg));
    }
    let Some(form) = args[0].downcast_ref::<StrObject>() else {
        let msg = format!("{fname}() argument 1 must be str, not {}", vm.type_name(&args[0]));
        return Err(vm.type_error(msg));
    };
    let Some(s) = args[1].downcast_ref::<StrObject>() else {
        let msg = format!("{fname}() argument 2 must be str, not {}", vm.type_name(&args[1]));
        return Err(vm.type_error(msg));
    };
    Ok((form.to_string_lossy(), s))
}

fn normalize(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "normalize", kw)?;
    let (form, s) = form_and_str(vm, "normalize", args)?;
    let t = tables(vm)?;
    match normalize_cps(t, &form, s) {
        Some(cps) => {
            if cps.len() == s.len() && cps.iter().copied().eq(s.code_points()) {
                return Ok(args[1].clone());
            }
            Ok(new_str_from_cps(&cps))
        }
        None => Err(vm.value_error("invalid normalization form")),
    }
}

fn is_normalized(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "is_normalized", kw)?;
    let (form, s) = form_and_str(vm, "is_normalized", args)?;
    let t = tables(vm)?;
    match normalize_cps(t, &form, s) {
        Some(cps) => Ok(Value::bool(cps.len() == s.len() && cps.iter().copied().eq(s.code_points()))),
        None => Err(vm.value_error("invalid normalization form")),
    }
}

both!(category, m_category, u_category);
both!(bidirectional, m_bidirectional, u_bidirectional);
both!(combining, m_combining, u_combining);
both!(east_asian_width, m_east_asian_width, u_east_asian_width);
both!(mirrored, m_mirrored, u_mirrored);
both!(decomposition, m_decomposition, u_decomposition);
both!(decimal, m_decimal, u_decimal);
both!(digit, m_digit, u_digit);
both!(numeric, m_numeric, u_numeric);
both!(name, m_name, u_name);
both!(lookup, m_lookup, u_lookup);
both!(normalize, m_normalize, u_normalize);
both!(is_normalized, m_is_normalized, u_is_normalized);

struct Ucd {
    version: &'static str,
}

impl NativeData for Ucd {}

fn ucd_new(vm: &mut Vm, _cls: &Value, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    Err(vm.type_error("cannot create 'unicodedata.UCD' instances"))
}

fn ucd_type() -> &'static TypeObject {
    UCD.get_or_init(|st| {
        let t = init_native_type(st, "unicodedata", "UCD", LayoutKind::Native, &OBJECT_TYPE, 0, |s| {
            s.new = Some(ucd_new);
        });
        for (n, f) in [
            ("category", u_category as crate::typeobj::NativeFn),
            ("bidirectional", u_bidirectional),
            ("combining", u_combining),
            ("east_asian_width", u_east_asian_width),
            ("mirrored", u_mirrored),
            ("decomposition", u_decomposition),
            ("decimal", u_decimal),
            ("digit", u_digit),
            ("numeric", u_numeric),
            ("name", u_name),
            ("lookup", u_lookup),
            ("normalize", u_normalize),
            ("is_normalized", u_is_normalized),
        ] {
            add_method_to(t, n, f);
        }
        add_getset_to(
            t,
            "unidata_version",
            |_vm, me| Ok(new_str(me.native_ref::<Ucd>().map_or("14.0.0", |u| u.version))),
            None,
        );
    })
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("unicodedata");
    m.doc("This module provides access to the Unicode Character Database which\ndefines character properties for all Unicode characters. The data in\nthis database is based on the UnicodeData.txt file version\n14.0.0 which is publicly available from ftp://ftp.unicode.org/.\n\nThe module uses the same names and symbols as defined by the\nUnicodeData File Format 14.0.0.");
    m.str("unidata_version", "14.0.0");
    m.functions(&[
        ("category", m_category),
        ("bidirectional", m_bidirectional),
        ("combining", m_combining),
        ("east_asian_width", m_east_asian_width),
        ("mirrored", m_mirrored),
        ("decomposition", m_decomposition),
        ("decimal", m_decimal),
        ("digit", m_digit),
        ("numeric", m_numeric),
        ("name", m_name),
        ("lookup", m_lookup),
        ("normalize", m_normalize),
        ("is_normalized", m_is_normalized),
    ]);
    m.type_(ucd_type());
    m.value("ucd_3_2_0", new_native(ucd_type(), Ucd { version: "3.2.0" }));
    Ok(m.finish())
}
