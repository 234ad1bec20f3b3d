//! `_sre`: the regular expression engine under CPython's `Lib/re/`.
//!
//! `re._compiler` turns a pattern into opcodes and hands them to
//! `_sre.compile`, which makes a `re.Pattern`; its methods run the engine
//! ([`engine`]) over a `str` (1-, 2- or 4-byte code units, read in place) or a
//! `bytes` subject and build `re.Match` objects. Template expansion for
//! `sub` and `Match.expand` stays in Python (`re._subx`, `re._expand`), as
//! in CPython.

mod chars;
mod engine;

use std::borrow::Cow;
use std::cell::{Cell, RefCell};

use crate::args::{check_no_kwargs, ArgSpec};
use crate::exception::{ExcKind, PyResult};
use crate::modules::{init_native_type, ModuleBuilder, NativeType};
use crate::object::LayoutKind;
use crate::objects::bytes::{new_bytes, BytesObject};
use crate::objects::dict::DictObject;
use crate::objects::list::{new_list, ListObject};
use crate::objects::native::{new_native, NativeData};
use crate::objects::singletons::{none, not_implemented};
use crate::objects::str::{new_str, substring, StrBuilder, StrObject};
use crate::objects::tuple::{new_tuple, TupleObject};
use crate::typeinit::{add_classmethod, add_getset, add_method};
use crate::typeobj::{is_exact, type_of, CompareOp, KwNames, TypeObject, BYTES_TYPE, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::Vm;

use engine::{Engine, Program, SreError, Text};

const FLAG_TEMPLATE: i64 = 1;
const FLAG_IGNORECASE: i64 = 2;
const FLAG_LOCALE: i64 = 4;
const FLAG_MULTILINE: i64 = 8;
const FLAG_DOTALL: i64 = 16;
const FLAG_UNICODE: i64 = 32;
const FLAG_VERBOSE: i64 = 64;
const FLAG_DEBUG: i64 = 128;
const FLAG_ASCII: i64 = 256;

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_sre");
    m.int("MAGIC", engine::MAGIC as i64)
        .int("CODESIZE", 4)
        .int("MAXREPEAT", engine::MAXREPEAT as i64)
        .int("MAXGROUPS", engine::MAXGROUPS as i64)
        .str("copyright", " SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ")
        .functions(&[
            ("compile", sre_compile),
            ("getcodesize", sre_getcodesize),
            ("ascii_iscased", sre_ascii_iscased),
            ("unicode_iscased", sre_unicode_iscased),
            ("ascii_tolower", sre_ascii_tolower),
            ("unicode_tolower", sre_unicode_tolower),
        ]);
    pattern_type();
    match_type();
    scanner_type();
    Ok(m.finish())
}

// ---------------------------------------------------------------------------
// Module functions

fn sre_getcodesize(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "getcodesize", kw)?;
    ArgSpec::exact::<0>(vm, "getcodesize", args, 0)?;
    Ok(Value::int(4))
}

/// The one `int` argument of the case helpers, as a C `int`.
fn char_arg(vm: &mut Vm, fname: &str, args: &[Value], kw: KwNames) -> PyResult<i64> {
    check_no_kwargs(vm, fname, kw)?;
    let [ch] = ArgSpec::exact::<1>(vm, fname, args, 0)?;
    if crate::objects::int::as_int(&ch).is_none() {
        if type_of(&ch).slots().index.is_none() {
            let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(&ch));
            return Err(vm.type_error(msg));
        }
    }
    let i = vm.index(&ch)?;
    match crate::objects::int::as_int(&i).and_then(|v| v.to_i64()) {
        Some(v) if (i32::MIN as i64..=i32::MAX as i64).contains(&v) => Ok(v),
        Some(v) if v > 0 => Err(vm.new_error(ExcKind::OverflowError, "signed integer is greater than maximum")),
        Some(_) => Err(vm.new_error(ExcKind::OverflowError, "signed integer is less than minimum")),
        None => Err(vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C long")),
    }
}

/// The C `int` argument as the engine's unsigned code, as C converts it.
fn as_code(ch: i64) -> u32 {
    ch as u32
}

/// An engine code back as the C `int` the helpers return.
fn code_to_int(c: u32) -> Value {
    Value::int(c as i32 as i64)
}

fn sre_ascii_iscased(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let ch = char_arg(vm, "ascii_iscased", args, kw)?;
    Ok(Value::bool(chars::ascii_iscased(as_code(ch))))
}

fn sre_unicode_iscased(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let ch = char_arg(vm, "unicode_iscased", args, kw)?;
    Ok(Value::bool(chars::unicode_iscased(as_code(ch))))
}

fn sre_ascii_tolower(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let ch = char_arg(vm, "ascii_tolower", args, kw)?;
    Ok(code_to_int(chars::ascii_tolower(as_code(ch))))
}

fn sre_unicode_tolower(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let ch = char_arg(vm, "unicode_tolower", args, kw)?;
    Ok(code_to_int(chars::lower_unicode(as_code(ch))))
}

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
fn sre_compile(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(
        vm,
        "compile",
        args,
        kw,
        &["pattern", "flags", "code", "groups", "groupindex", "indexgroup"],
        6,
        6,
    )?;
    let [pattern, flags, code, groups, groupindex, indexgroup] = [0, 1, 2, 3, 4, 5].map(|i| a[i].clone().unwrap_or_else(none));
    let flags = int_arg(vm, &flags)?;
    let Some(code_list) = code.downcast_ref::<ListObject>() else {
        let msg = format!("compile() argument 'code' must be list, not {}", vm.type_name(&code));
        return Err(vm.type_error(msg));
    };
    let groups = ssize_arg(vm, &groups)?;
    if groupindex.downcast_ref::<DictObject>().is_none() {
        let msg = format!("compile() argument 'groupindex' must be dict, not {}", vm.type_name(&groupindex));
        return Err(vm.type_error(msg));
    }
    if indexgroup.downcast_ref::<TupleObject>().is_none() {
        let msg = format!("compile() argument 'indexgroup' must be tuple, not {}", vm.type_name(&indexgroup));
        return Err(vm.type_error(msg));
    }
    let items = code_list.to_vec();
    let mut words = Vec::with_capacity(items.len());
    for item in &items {
        let v = match crate::objects::int::as_int(item) {
            Some(i) => i.to_i64(),
            None => {
                let msg = format!("an integer is required (got type {})", vm.type_name(item));
                return Err(vm.type_error(msg));
            }
        };
        match v {
            Some(v) if (0..=u32::MAX as i64).contains(&v) => words.push(v as u32),
            Some(v) if v < 0 => {
                return Err(vm.new_error(
                    ExcKind::OverflowError,
                    "can't convert negative value to unsigned int",
                ))
            }
            _ => {
                return Err(vm.new_error(
                    ExcKind::OverflowError,
                    "regular expression code size limit exceeded",
                ))
            }
        }
    }
    let isbytes = if pattern.is_none() {
        -1
    } else if pattern.downcast_ref::<StrObject>().is_some() {
        0
    } else if pattern.downcast_ref::<BytesObject>().is_some() {
        1
    } else {
        let msg = format!("expected string or bytes-like object, got '{}'", vm.type_name(&pattern));
        return Err(vm.type_error(msg));
    };
    if groups < 0 || groups as u64 > engine::MAXGROUPS as u64 || words.last() != Some(&engine::SUCCESS) {
        return Err(vm.new_error(ExcKind::RuntimeError, "invalid SRE code"));
    }
    let has_names = groupindex.downcast_ref::<DictObject>().is_some_and(|d| !d.is_empty());
    let data = PatternData {
        prog: Program::new(words),
        pattern,
        flags,
        groups: groups as usize,
        groupindex: if has_names { Some(groupindex) } else { None },
        indexgroup: if has_names { Some(indexgroup) } else { None },
        isbytes,
    };
    Ok(new_native(pattern_type(), data))
}

/// Arguments of a method whose parameters are all positional-or-keyword,
/// with argument clinic's messages.
fn clinic_args(
    vm: &mut Vm,
    fname: &str,
    args: &[Value],
    kw: KwNames,
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    if kw.is_none() && (required..=names.len()).contains(&args.len()) {
        // Positional arguments only, as many as allowed: nothing to check.
        let mut out: Vec<Option<Value>> = args.iter().cloned().map(Some).collect();
        out.resize(names.len(), None);
        return Ok(out);
    }
    let nkw = kw.and_then(|k| k.downcast_ref::<TupleObject>()).map_or(0, |t| t.len());
    let npos = args.len().saturating_sub(nkw);
    let max = names.len();
    if args.len() > max {
        let msg = format!(
            "{fname}() takes at most {max} {}argument{} ({} given)",
            if npos == 0 { "keyword " } else { "" },
            if max == 1 { "" } else { "s" },
            args.len()
        );
        return Err(vm.type_error(msg));
    }
    ArgSpec::parse(vm, fname, args, kw, names, max, required)
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let i = vm.index(v)?;
    match crate::objects::int::as_int(&i).and_then(|x| x.to_i64()) {
        Some(x) => Ok(x),
        None => Err(vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C long")),
    }
}

/// A `Py_ssize_t` argument, as argument clinic converts it.
fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if crate::objects::int::as_int(v).is_none() && type_of(v).slots().index.is_none() {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(v));
        return Err(vm.type_error(msg));
    }
    let i = vm.index(v)?;
    match crate::objects::int::as_int(&i).and_then(|x| x.to_i64()) {
        Some(x) => Ok(x),
        None => Err(vm.new_error(
            ExcKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        )),
    }
}

// ---------------------------------------------------------------------------
// Subjects

/// The code units of a subject, read in place when their alignment allows.
enum Units<'a> {
    U8(Cow<'a, [u8]>),
    U16(Cow<'a, [u16]>),
    U32(Cow<'a, [u32]>),
}

struct Subject<'a> {
    units: Units<'a>,
    isbytes: bool,
    len: usize,
}

fn get_subject<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<Subject<'a>> {
    if let Some(s) = v.downcast_ref::<StrObject>() {
        let data = s.data();
        let units = match s.kind() {
            1 => Units::U8(Cow::Borrowed(data)),
            2 => {
                // SAFETY: any bit pattern is a valid u16; align_to only
                // yields the aligned middle part.
                let (pre, mid, post) = unsafe { data.align_to::<u16>() };
                if pre.is_empty() && post.is_empty() {
                    Units::U16(Cow::Borrowed(mid))
                } else {
                    Units::U16(Cow::Owned(data.chunks_exact(2).map(|c| u16::from_ne_bytes([c[0], c[1]])).collect()))
                }
            }
            _ => {
                // SAFETY: as above, for u32.
                let (pre, mid, post) = unsafe { data.align_to::<u32>() };
                if pre.is_empty() && post.is_empty() {
                    Units::U32(Cow::Borrowed(mid))
                } else {
                    Units::U32(Cow::Owned(
                        data.chunks_exact(4).map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]])).collect(),
                    ))
                }
            }
        };
        return Ok(Subject { units, isbytes: false, len: s.len() });
    }
    if let Some(b) = v.downcast_ref::<BytesObject>() {
        return Ok(Subject { units: Units::U8(Cow::Borrowed(b.data())), isbytes: true, len: b.len() });
    }
    // Other bytes-like objects (bytearray, memoryview, array) are matched on
    // a copy: the engine's results are bytes either way.
    if let Some(data) = crate::objects::memoryview::bytes_like(vm, v)? {
        let len = data.len();
        return Ok(Subject { units: Units::U8(Cow::Owned(data.into_owned())), isbytes: true, len });
    }
    let msg = format!("expected string or bytes-like object, got '{}'", vm.type_name(v));
    Err(vm.type_error(msg))
}

/// Runs `$body` with `$t` bound to the subject's units as a `Text`.
macro_rules! with_text {
    ($units:expr, |$t:ident| $body:expr) => {
        match $units {
            Units::U8(s) => {
                let $t: &[u8] = &s[..];
                $body
            }
            Units::U16(s) => {
                let $t: &[u16] = &s[..];
                $body
            }
            Units::U32(s) => {
                let $t: &[u32] = &s[..];
                $body
            }
        }
    };
}

thread_local! {
    /// The empty results, shared as CPython shares its empty str and bytes.
    static EMPTY_STR: Value = crate::objects::str::intern("");
    static EMPTY_BYTES: Value = {
        let v = new_bytes(b"");
        crate::typeobj::make_immortal(&v);
        v
    };
}

fn empty_str() -> Value {
    EMPTY_STR.with(|v| v.clone())
}

fn empty_bytes() -> Value {
    EMPTY_BYTES.with(|v| v.clone())
}

/// `string[i:j]` as the engine's results are returned: `str` for a str
/// subject (even of a subclass), `bytes` for a bytes-like one.
fn getslice(string: &Value, isbytes: bool, i: usize, j: usize) -> Value {
    if isbytes {
        if let Some(b) = string.downcast_ref::<BytesObject>() {
            let data = b.data();
            let (i, j) = (i.min(data.len()), j.min(data.len()));
            if i == 0 && j == data.len() && is_exact(string, &BYTES_TYPE) {
                return string.clone();
            }
            if j <= i {
                return empty_bytes();
            }
            return new_bytes(&data[i..j]);
        }
        // Another bytes-like subject: its current contents, as CPython reads
        // the buffer again for each group.
        if let Some(data) = current_buffer(string) {
            let (i, j) = (i.min(data.len()), j.min(data.len()));
            if j > i {
                return new_bytes(&data[i..j]);
            }
        }
        return empty_bytes();
    }
    match string.downcast_ref::<StrObject>() {
        Some(s) => {
            let (i, j) = (i.min(s.len()), j.min(s.len()));
            if j <= i {
                return empty_str();
            }
            substring(s, i, j - i)
        }
        None => empty_str(),
    }
}

/// A copy of the contents of a non-bytes bytes-like object (None when it has
/// none now, e.g. a released memoryview).
fn current_buffer(v: &Value) -> Option<Vec<u8>> {
    use crate::objects::memoryview::{raw_buffer, MemoryViewObject};
    let (rb, start, n) = match v.downcast_ref::<MemoryViewObject>() {
        Some(m) => {
            if m.is_released() || !m.is_c_contiguous() {
                return None;
            }
            (raw_buffer(&m.obj())?, m.offset, m.nbytes())
        }
        None => {
            let rb = raw_buffer(v)?;
            (rb, 0, rb.len)
        }
    };
    if start.checked_add(n)? > rb.len {
        return None;
    }
    // SAFETY: the exporter's memory is valid for rb.len bytes while no
    // Python code runs; the range was checked against it.
    Some(unsafe { std::slice::from_raw_parts(rb.ptr.add(start), n) }.to_vec())
}

fn engine_error(vm: &mut Vm, e: SreError) -> crate::exception::PyErr {
    match e {
        SreError::WrongSpan => vm.new_error(
            ExcKind::SystemError,
            "The span of capturing group is wrong, please report a bug for the re module.",
        ),
        SreError::Illegal | SreError::State => {
            vm.new_error(ExcKind::RuntimeError, "internal error in regular expression engine")
        }
    }
}

fn clamp(i: i64, len: usize) -> usize {
    if i < 0 {
        0
    } else if i as u64 > len as u64 {
        len
    } else {
        i as usize
    }
}

// ---------------------------------------------------------------------------
// Pattern

pub(crate) struct PatternData {
    prog: Program,
    /// The source pattern (str, bytes or None).
    pattern: Value,
    flags: i64,
    groups: usize,
    /// Name -> group number (a dict), None without named groups.
    groupindex: Option<Value>,
    /// Group number -> name (a tuple), None without named groups.
    indexgroup: Option<Value>,
    /// 1 for bytes patterns, 0 for str, -1 when built without a source.
    isbytes: i8,
}

impl NativeData for PatternData {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.pattern);
        if let Some(g) = &self.groupindex {
            visit(g);
        }
        if let Some(g) = &self.indexgroup {
            visit(g);
        }
    }
}

static PATTERN_TYPE: NativeType = NativeType::new();
static MATCH_TYPE: NativeType = NativeType::new();
static SCANNER_TYPE: NativeType = NativeType::new();

fn pattern_type() -> &'static TypeObject {
    PATTERN_TYPE.get_or_init(|st| {
        init_native_type(st, "re", "Pattern", LayoutKind::Native, &OBJECT_TYPE, 0, |s| {
            s.repr = Some(pattern_repr);
            s.richcompare = Some(pattern_richcompare);
            s.hash = Some(pattern_hash);
            s.new = Some(no_instances);
        });
        add_method(st, "match", pattern_match);
        add_method(st, "fullmatch", pattern_fullmatch);
        add_method(st, "search", pattern_search);
        add_method(st, "findall", pattern_findall);
        add_method(st, "finditer", pattern_finditer);
        add_method(st, "scanner", pattern_scanner);
        add_method(st, "split", pattern_split);
        add_method(st, "sub", pattern_sub);
        add_method(st, "subn", pattern_subn);
        add_method(st, "__copy__", return_self);
        add_method(st, "__deepcopy__", return_self_deep);
        add_classmethod(st, "__class_getitem__", class_getitem);
        add_getset(st, "pattern", |vm, v| Ok(pat(vm, v)?.pattern.clone()), None);
        add_getset(st, "flags", |vm, v| Ok(Value::int(pat(vm, v)?.flags)), None);
        add_getset(st, "groups", |vm, v| Ok(Value::int(pat(vm, v)?.groups as i64)), None);
        add_getset(st, "groupindex", pattern_groupindex, None);
    })
}

/// Pattern, Match and Scanner objects come only from `_sre`.
fn no_instances(vm: &mut Vm, cls: &Value, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let name = match cls.downcast_ref::<TypeObject>() {
        Some(t) => match crate::types::object_ty::type_module_name(t) {
            Some(m) => format!("{m}.{}", t.name_string()),
            None => t.name_string(),
        },
        None => String::from("?"),
    };
    Err(vm.type_error(format!("cannot create '{name}' instances")))
}

fn pat<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PatternData> {
    match v.native_ref::<PatternData>() {
        Some(p) => Ok(p),
        None => Err(vm.type_error("descriptor requires a 're.Pattern' object")),
    }
}

fn return_self(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "__copy__", kw)?;
    ArgSpec::exact::<1>(vm, "__copy__", args, 1)?;
    Ok(args[0].clone())
}

fn return_self_deep(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "__deepcopy__", kw)?;
    ArgSpec::exact::<2>(vm, "__deepcopy__", args, 1)?;
    Ok(args[0].clone())
}

fn class_getitem(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "__class_getitem__", kw)?;
    let [cls, key] = ArgSpec::exact::<2>(vm, "__class_getitem__", args, 1)?;
    Ok(crate::types::generic_alias::new_generic_alias(cls, &key))
}

fn pattern_groupindex(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let p = pat(vm, v)?;
    // A read-only view of the names (a fresh empty dict when there are none).
    Ok(match &p.groupindex {
        Some(g) => crate::types::dict_ty::mappingproxy::new_mappingproxy(g.clone()),
        None => DictObject::new_value(),
    })
}

/// `(string, pos, endpos)` of match/search/findall/...
fn string_pos_endpos(vm: &mut Vm, fname: &str, args: &[Value], kw: KwNames) -> PyResult<(Value, i64, i64)> {
    if let ([_, string], None) = (args, kw) {
        // The common `p.match(s)`: nothing to parse.
        return Ok((string.clone(), 0, i64::MAX));
    }
    let a = clinic_args(vm, fname, &args[1..], kw, &["string", "pos", "endpos"], 1)?;
    let string = a[0].clone().unwrap_or_else(none);
    let pos = match &a[1] {
        Some(v) => ssize_arg(vm, v)?,
        None => 0,
    };
    let endpos = match &a[2] {
        Some(v) => ssize_arg(vm, v)?,
        None => i64::MAX,
    };
    Ok((string, pos, endpos))
}

fn check_kind(vm: &mut Vm, p: &PatternData, subject: &Subject) -> PyResult<()> {
    if subject.isbytes && p.isbytes == 0 {
        return Err(vm.type_error("cannot use a string pattern on a bytes-like object"));
    }
    if !subject.isbytes && p.isbytes > 0 {
        return Err(vm.type_error("cannot use a bytes pattern on a string-like object"));
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Match,
    FullMatch,
    Search,
}

/// Group spans of a match, `[2g]`/`[2g+1]` for group g (group 0 the whole
/// match), -1 for groups that did not take part. Kept inline (as u32, the
/// subject being shorter than 4G code units) up to 15 groups, the usual case,
/// so that a match costs no extra allocation.
enum Marks {
    Inline { len: u8, buf: [u32; INLINE_MARKS] },
    Heap(Box<[isize]>),
}

const INLINE_MARKS: usize = 32;
/// An inline mark of a group that did not take part.
const INLINE_NONE: u32 = u32::MAX;

impl Marks {
    /// Whether a group of the engine's match ended before it started.
    fn check<T: Text>(eng: &Engine<T>, groups: usize) -> Result<(), SreError> {
        match (1..=groups).any(|g| eng.group_span(g).is_some_and(|(s, e)| s > e)) {
            true => Err(SreError::WrongSpan),
            false => Ok(()),
        }
    }

    /// The spans of the engine's match (its groups `1..=groups`), built in
    /// place (infallible, so that no Result moves the buffer around).
    #[inline(always)]
    fn of<T: Text>(eng: &Engine<T>, groups: usize) -> Marks {
        let n = 2 * (groups + 1);
        // Positions are at most the subject's length.
        if n <= INLINE_MARKS && eng.text.len() < INLINE_NONE as usize {
            let mut buf = [INLINE_NONE; INLINE_MARKS];
            buf[0] = eng.start as u32;
            buf[1] = eng.ptr as u32;
            for g in 1..=groups {
                if let Some((s, e)) = eng.group_span(g) {
                    buf[2 * g] = s as u32;
                    buf[2 * g + 1] = e as u32;
                }
            }
            return Marks::Inline { len: n as u8, buf };
        }
        let mut m = vec![-1isize; n];
        m[0] = eng.start as isize;
        m[1] = eng.ptr as isize;
        for g in 1..=groups {
            if let Some((s, e)) = eng.group_span(g) {
                m[2 * g] = s as isize;
                m[2 * g + 1] = e as isize;
            }
        }
        Marks::Heap(m.into_boxed_slice())
    }

    fn len(&self) -> usize {
        match self {
            Marks::Inline { len, .. } => *len as usize,
            Marks::Heap(v) => v.len(),
        }
    }

    /// Mark `i`, -1 when unset. Invariant: `i < len()`.
    #[inline]
    fn get(&self, i: usize) -> isize {
        match self {
            Marks::Inline { buf, .. } => match buf[i] {
                INLINE_NONE => -1,
                v => v as isize,
            },
            Marks::Heap(v) => v[i],
        }
    }
}

fn run_once<T: Text>(p: &PatternData, text: T, pos: usize, endpos: usize, mode: Mode) -> Result<Option<Engine<'_, T>>, SreError> {
    let mut eng = Engine::new(&p.prog, text, p.groups, pos, endpos);
    let ok = match mode {
        Mode::Match => eng.match_here()?,
        Mode::FullMatch => {
            eng.match_all = true;
            eng.match_here()?
        }
        Mode::Search => eng.search()?,
    };
    Ok(if ok { Some(eng) } else { None })
}

/// The `re.Match` of the engine's match.
fn new_match<T: Text>(
    eng: &Engine<T>,
    groups: usize,
    pattern: &Value,
    string: &Value,
    pos: usize,
    endpos: usize,
) -> Result<Value, SreError> {
    Marks::check(eng, groups)?;
    Ok(new_native(
        match_type(),
        MatchData {
            pattern: pattern.clone(),
            string: string.clone(),
            marks: Marks::of(eng, groups),
            lastindex: eng.lastindex,
            pos,
            endpos,
            regs: RefCell::new(None),
        },
    ))
}

fn pattern_run(vm: &mut Vm, args: &[Value], kw: KwNames, fname: &str, mode: Mode) -> PyResult<Value> {
    let (string, pos, endpos) = string_pos_endpos(vm, fname, args, kw)?;
    let this = &args[0];
    let p = pat(vm, this)?;
    let subject = get_subject(vm, &string)?;
    check_kind(vm, p, &subject)?;
    let (pos, endpos) = (clamp(pos, subject.len), clamp(endpos, subject.len));
    let r = with_text!(&subject.units, |t| match run_once(p, t, pos, endpos, mode) {
        Ok(Some(eng)) => new_match(&eng, p.groups, this, &string, pos, endpos),
        Ok(None) => Ok(none()),
        Err(e) => Err(e),
    });
    r.map_err(|e| engine_error(vm, e))
}

fn pattern_match(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    pattern_run(vm, args, kw, "match", Mode::Match)
}

fn pattern_fullmatch(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    pattern_run(vm, args, kw, "fullmatch", Mode::FullMatch)
}

fn pattern_search(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    pattern_run(vm, args, kw, "search", Mode::Search)
}

/// Successive non-overlapping searches, as findall/split/sub make them.
struct Scan<'a, T: Text> {
    eng: Engine<'a, T>,
}

impl<'a, T: Text> Scan<'a, T> {
    fn new(p: &'a PatternData, text: T, pos: usize, endpos: usize) -> Self {
        Scan { eng: Engine::new(&p.prog, text, p.groups, pos, endpos) }
    }

    /// The next match (the engine then holds its spans), or None.
    fn next(&mut self) -> Result<bool, SreError> {
        let eng = &mut self.eng;
        if eng.start > eng.end {
            return Ok(false);
        }
        eng.reset();
        eng.ptr = eng.start;
        eng.search()
    }

    /// Moves past the current match; an empty match forces the next one to
    /// advance.
    fn advance(&mut self) {
        let eng = &mut self.eng;
        eng.must_advance = eng.ptr == eng.start;
        eng.start = eng.ptr;
    }
}

fn group_slice<T: Text>(eng: &Engine<T>, string: &Value, isbytes: bool, g: usize, empty: bool) -> Result<Value, SreError> {
    Ok(match eng.group_span(g) {
        Some((s, e)) if s > e => return Err(SreError::WrongSpan),
        Some((s, e)) => getslice(string, isbytes, s, e),
        None if empty => getslice(string, isbytes, 0, 0),
        None => none(),
    })
}

fn findall_impl<T: Text>(p: &PatternData, text: T, string: &Value, isbytes: bool, pos: usize, endpos: usize) -> Result<Vec<Value>, SreError> {
    let mut out = Vec::new();
    let mut scan = Scan::new(p, text, pos, endpos);
    while scan.next()? {
        let eng = &scan.eng;
        let item = match p.groups {
            0 => getslice(string, isbytes, eng.start, eng.ptr),
            1 => group_slice(eng, string, isbytes, 1, true)?,
            n => new_tuple((1..=n).map(|g| group_slice(eng, string, isbytes, g, true)).collect::<Result<_, _>>()?),
        };
        out.push(item);
        scan.advance();
    }
    Ok(out)
}

fn pattern_findall(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (string, pos, endpos) = string_pos_endpos(vm, "findall", args, kw)?;
    let p = pat(vm, &args[0])?;
    let subject = get_subject(vm, &string)?;
    check_kind(vm, p, &subject)?;
    let (pos, endpos) = (clamp(pos, subject.len), clamp(endpos, subject.len));
    let isbytes = subject.isbytes;
    match with_text!(&subject.units, |t| findall_impl(p, t, &string, isbytes, pos, endpos)) {
        Ok(items) => Ok(new_list(items)),
        Err(e) => Err(engine_error(vm, e)),
    }
}

fn make_scanner(vm: &mut Vm, this: &Value, string: Value, pos: i64, endpos: i64) -> PyResult<Value> {
    let p = pat(vm, this)?;
    let subject = get_subject(vm, &string)?;
    check_kind(vm, p, &subject)?;
    let (pos, endpos) = (clamp(pos, subject.len), clamp(endpos, subject.len));
    Ok(new_native(
        scanner_type(),
        ScannerData {
            pattern: this.clone(),
            string,
            pos,
            endpos,
            start: Cell::new(Some(pos)),
            must_advance: Cell::new(false),
            executing: Cell::new(false),
        },
    ))
}

fn pattern_scanner(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (string, pos, endpos) = string_pos_endpos(vm, "scanner", args, kw)?;
    make_scanner(vm, &args[0], string, pos, endpos)
}

fn pattern_finditer(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (string, pos, endpos) = string_pos_endpos(vm, "finditer", args, kw)?;
    let scanner = make_scanner(vm, &args[0], string, pos, endpos)?;
    let search = vm.getattr_str(&scanner, "search")?;
    Ok(crate::objects::iter::NativeIter::new(
        &crate::builtins::CALLABLE_ITER_TYPE,
        search,
        none(),
        Vec::new(),
        0,
    ))
}

fn split_impl<T: Text>(p: &PatternData, text: T, string: &Value, isbytes: bool, len: usize, maxsplit: i64) -> Result<Vec<Value>, SreError> {
    let mut out = Vec::new();
    let mut scan = Scan::new(p, text, 0, len);
    let mut n = 0i64;
    let mut last = 0usize;
    while maxsplit == 0 || n < maxsplit {
        if !scan.next()? {
            break;
        }
        let eng = &scan.eng;
        out.push(getslice(string, isbytes, last, eng.start));
        for g in 1..=p.groups {
            out.push(group_slice(eng, string, isbytes, g, false)?);
        }
        n += 1;
        scan.advance();
        last = scan.eng.start;
    }
    out.push(getslice(string, isbytes, last, len));
    Ok(out)
}

fn pattern_split(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = clinic_args(vm, "split", &args[1..], kw, &["string", "maxsplit"], 1)?;
    let string = a[0].clone().unwrap_or_else(none);
    let maxsplit = match &a[1] {
        Some(v) => ssize_arg(vm, v)?,
        None => 0,
    };
    let p = pat(vm, &args[0])?;
    let subject = get_subject(vm, &string)?;
    check_kind(vm, p, &subject)?;
    let (isbytes, len) = (subject.isbytes, subject.len);
    match with_text!(&subject.units, |t| split_impl(p, t, &string, isbytes, len, maxsplit)) {
        Ok(items) => Ok(new_list(items)),
        Err(e) => Err(engine_error(vm, e)),
    }
}

/// What replaces each match in sub/subn.
enum Filter {
    Literal(Value),
    Call(Value),
    /// A template with group references, expanded here as `re._subx`'s
    /// filter would expand it.
    Template(Vec<TemplatePiece>),
}

enum TemplatePiece {
    Literal(Value),
    Group(usize),
}

/// The str of a function attribute cell, if it is one.
fn str_value_is(v: &Value, text: &str) -> bool {
    v.downcast_ref::<StrObject>().is_some_and(|s| s.len() == text.len() && s.to_string_lossy() == text)
}

/// The pieces of a template, when `filter` is the unaltered filter function
/// that `re._subx` makes (`_parser.expand_template(template, match)` with the
/// compiled template as its default) and the template is well formed for
/// `groups` groups and a subject of this kind. None otherwise: the filter
/// is then called (and raises what it raises).
fn template_pieces(filter: &Value, groups: usize, isbytes: bool) -> Option<Vec<TemplatePiece>> {
    use crate::objects::function::FunctionObject;
    let f = filter.downcast_ref::<FunctionObject>()?;
    // SAFETY: GIL held; the cells are only read here, nothing runs meanwhile.
    let (qualname, module, defaults) = unsafe { (&*f.qualname.get(), &*f.module.get(), &*f.defaults.get()) };
    if !str_value_is(qualname, "_subx.<locals>.filter") || !str_value_is(module, "re") {
        return None;
    }
    // The module's `_parser.expand_template` must be the stdlib's own.
    let parser = f.globals.downcast_ref::<DictObject>()?.get_str_key("_parser")?;
    let expand = parser
        .downcast_ref::<crate::objects::module::ModuleObject>()?
        .dict()
        .get_str_key("expand_template")?;
    let ef = expand.downcast_ref::<FunctionObject>()?;
    // SAFETY: as above.
    let (eq, em) = unsafe { (&*ef.qualname.get(), &*ef.module.get()) };
    if !str_value_is(eq, "expand_template") || !str_value_is(em, "re._parser") {
        return None;
    }
    let template = defaults.downcast_ref::<TupleObject>()?.get(0)?.clone();
    let parts = template.downcast_ref::<TupleObject>()?;
    let (group_list, literal_list) = (parts.get(0)?, parts.get(1)?);
    if parts.len() != 2 {
        return None;
    }
    let literals = literal_list.downcast_ref::<ListObject>()?.to_vec();
    let mut slots: Vec<Option<TemplatePiece>> = Vec::with_capacity(literals.len());
    for lit in literals {
        slots.push(if lit.is_none() {
            None
        } else if (!isbytes && is_exact(&lit, &crate::typeobj::STR_TYPE)) || (isbytes && is_exact(&lit, &BYTES_TYPE)) {
            Some(TemplatePiece::Literal(lit))
        } else {
            return None;
        });
    }
    for entry in group_list.downcast_ref::<ListObject>()?.to_vec() {
        let pair = entry.downcast_ref::<TupleObject>()?;
        if pair.len() != 2 {
            return None;
        }
        let index = crate::objects::int::as_int(pair.get(0)?)?.to_i64()?;
        let group = crate::objects::int::as_int(pair.get(1)?)?.to_i64()?;
        if index < 0 || group < 0 || group as u64 > groups as u64 {
            return None;
        }
        *slots.get_mut(index as usize)? = Some(TemplatePiece::Group(group as usize));
    }
    // A slot left None would make the join fail: the filter reports it.
    slots.into_iter().collect()
}

fn sub_impl<T: Text>(
    vm: &mut Vm,
    this: &Value,
    p: &PatternData,
    text: T,
    string: &Value,
    isbytes: bool,
    len: usize,
    filter: &Filter,
    count: i64,
) -> PyResult<(Vec<Value>, i64)> {
    let mut pieces = Vec::new();
    let mut scan = Scan::new(p, text, 0, len);
    let mut n = 0i64;
    let mut i = 0usize;
    while count == 0 || n < count {
        match scan.next() {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(engine_error(vm, e)),
        }
        let (b, e) = (scan.eng.start, scan.eng.ptr);
        if i < b {
            pieces.push(getslice(string, isbytes, i, b));
        }
        let item = match filter {
            Filter::Literal(v) => v.clone(),
            Filter::Template(template) => {
                for piece in template {
                    match piece {
                        TemplatePiece::Literal(v) => pieces.push(v.clone()),
                        TemplatePiece::Group(0) => pieces.push(getslice(string, isbytes, b, e)),
                        TemplatePiece::Group(g) => {
                            if let Some((s, e)) = scan.eng.group_span(*g) {
                                if s > e {
                                    return Err(engine_error(vm, SreError::WrongSpan));
                                }
                                pieces.push(getslice(string, isbytes, s, e));
                            }
                        }
                    }
                }
                none()
            }
            Filter::Call(func) => {
                let m = new_match(&scan.eng, p.groups, this, string, 0, len).map_err(|e| engine_error(vm, e))?;
                vm.call1(func, m)?
            }
        };
        if !item.is_none() {
            pieces.push(item);
        }
        i = e;
        n += 1;
        scan.advance();
    }
    if i < len {
        pieces.push(getslice(string, isbytes, i, len));
    }
    Ok((pieces, n))
}

fn join_pieces(vm: &mut Vm, pieces: Vec<Value>, isbytes: bool) -> PyResult<Value> {
    if isbytes {
        let mut out = Vec::new();
        for (k, piece) in pieces.iter().enumerate() {
            if let Some(b) = piece.downcast_ref::<BytesObject>() {
                out.extend_from_slice(b.data());
                continue;
            }
            // Other bytes-like pieces (a filter's bytearray) join as bytes.
            match crate::objects::memoryview::bytes_like(vm, piece)? {
                Some(data) => out.extend_from_slice(&data),
                None => {
                    let msg = format!(
                        "sequence item {k}: expected a bytes-like object, {} found",
                        vm.type_name(piece)
                    );
                    return Err(vm.type_error(msg));
                }
            }
        }
        return Ok(new_bytes(&out));
    }
    if pieces.len() == 1 && is_exact(&pieces[0], &crate::typeobj::STR_TYPE) {
        return Ok(pieces[0].clone());
    }
    let mut b = StrBuilder::new();
    for (k, piece) in pieces.iter().enumerate() {
        match piece.downcast_ref::<StrObject>() {
            Some(s) => b.push_strobj(s),
            None => {
                let msg = format!("sequence item {k}: expected str instance, {} found", vm.type_name(piece));
                return Err(vm.type_error(msg));
            }
        }
    }
    Ok(b.finish())
}

fn pattern_subx(vm: &mut Vm, args: &[Value], kw: KwNames, fname: &str, subn: bool) -> PyResult<Value> {
    let a = clinic_args(vm, fname, &args[1..], kw, &["repl", "string", "count"], 2)?;
    let mut repl = a[0].clone().unwrap_or_else(none);
    let string = a[1].clone().unwrap_or_else(none);
    let count = match &a[2] {
        Some(v) => ssize_arg(vm, v)?,
        None => 0,
    };
    let this = args[0].clone();
    pat(vm, &this)?;
    let filter = if type_of(&repl).slots().call.is_some() {
        Filter::Call(repl)
    } else {
        let literal = if let Some(s) = repl.downcast_ref::<StrObject>() {
            !s.code_points().any(|c| c == '\\' as u32)
        } else if let Some(b) = repl.downcast_ref::<BytesObject>() {
            !b.data().contains(&b'\\')
        } else if let Some(data) = crate::objects::memoryview::bytes_like(vm, &repl)? {
            // Another bytes-like template without escapes is used as bytes.
            if data.contains(&b'\\') {
                false
            } else {
                let b = new_bytes(&data);
                drop(data);
                repl = b;
                true
            }
        } else {
            false
        };
        if literal {
            Filter::Literal(repl)
        } else {
            let re = vm.import_absolute("re")?;
            let subx = vm.getattr_str(&re, "_subx")?;
            let f = vm.call(&subx, &[this.clone(), repl], None)?;
            if type_of(&f).slots().call.is_some() {
                let isbytes = if is_exact(&string, &crate::typeobj::STR_TYPE) {
                    Some(false)
                } else if is_exact(&string, &BYTES_TYPE) {
                    Some(true)
                } else {
                    None
                };
                let native = match (isbytes, this.native_ref::<PatternData>()) {
                    (Some(isbytes), Some(p)) => template_pieces(&f, p.groups, isbytes),
                    _ => None,
                };
                match native {
                    Some(pieces) => Filter::Template(pieces),
                    None => Filter::Call(f),
                }
            } else {
                Filter::Literal(f)
            }
        }
    };
    let p = pat(vm, &this)?;
    let subject = get_subject(vm, &string)?;
    check_kind(vm, p, &subject)?;
    let (isbytes, len) = (subject.isbytes, subject.len);
    let (pieces, n) = with_text!(&subject.units, |t| sub_impl(vm, &this, p, t, &string, isbytes, len, &filter, count))?;
    let result = if pieces.is_empty() {
        getslice(&string, isbytes, 0, 0)
    } else {
        join_pieces(vm, pieces, isbytes)?
    };
    if subn {
        Ok(new_tuple(vec![result, Value::int(n)]))
    } else {
        Ok(result)
    }
}

fn pattern_sub(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    pattern_subx(vm, args, kw, "sub", false)
}

fn pattern_subn(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    pattern_subx(vm, args, kw, "subn", true)
}

/// `repr(obj)` cut to `limit` characters, as `%.<limit>R` formats it.
fn repr_limited(vm: &mut Vm, v: &Value, limit: usize) -> PyResult<String> {
    let r = vm.repr_string(v)?;
    Ok(match r.char_indices().nth(limit) {
        Some((cut, _)) => r[..cut].to_string(),
        None => r,
    })
}

fn pattern_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let p = pat(vm, v)?;
    const NAMES: [(&str, i64); 9] = [
        ("re.TEMPLATE", FLAG_TEMPLATE),
        ("re.IGNORECASE", FLAG_IGNORECASE),
        ("re.LOCALE", FLAG_LOCALE),
        ("re.MULTILINE", FLAG_MULTILINE),
        ("re.DOTALL", FLAG_DOTALL),
        ("re.UNICODE", FLAG_UNICODE),
        ("re.VERBOSE", FLAG_VERBOSE),
        ("re.DEBUG", FLAG_DEBUG),
        ("re.ASCII", FLAG_ASCII),
    ];
    let mut flags = p.flags;
    // re.UNICODE is the default of str patterns: not shown.
    if p.isbytes == 0 && flags & (FLAG_LOCALE | FLAG_UNICODE | FLAG_ASCII) == FLAG_UNICODE {
        flags &= !FLAG_UNICODE;
    }
    let mut items: Vec<String> = Vec::new();
    for (name, bit) in NAMES {
        if flags & bit != 0 {
            items.push(name.to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        items.push(format!("0x{:x}", flags as u32));
    }
    let source = p.pattern.clone();
    let r = repr_limited(vm, &source, 200)?;
    Ok(new_str(&if items.is_empty() {
        format!("re.compile({r})")
    } else {
        format!("re.compile({r}, {})", items.join("|"))
    }))
}

fn pattern_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let (Some(x), Some(y)) = (a.native_ref::<PatternData>(), b.native_ref::<PatternData>()) else {
        return Ok(not_implemented());
    };
    let eq = if a.is(b) {
        true
    } else if x.flags != y.flags || x.isbytes != y.isbytes || x.prog.code != y.prog.code {
        false
    } else {
        let (pa, pb) = (x.pattern.clone(), y.pattern.clone());
        vm.rich_eq_bool(&pa, &pb)?
    };
    Ok(Value::bool(if op == CompareOp::Eq { eq } else { !eq }))
}

fn pattern_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let p = pat(vm, v)?;
    let source = p.pattern.clone();
    let mut h = vm.hash(&source)?;
    let bytes: Vec<u8> = p.prog.code.iter().flat_map(|w| w.to_ne_bytes()).collect();
    h ^= crate::hash::hash_bytes(&bytes);
    h ^= p.flags;
    h ^= p.isbytes as i64;
    h ^= p.prog.code.len() as i64;
    Ok(if h == -1 { -2 } else { h })
}

// ---------------------------------------------------------------------------
// Match

pub(crate) struct MatchData {
    pattern: Value,
    string: Value,
    marks: Marks,
    lastindex: isize,
    pos: usize,
    endpos: usize,
    regs: RefCell<Option<Value>>,
}

impl NativeData for MatchData {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.pattern);
        visit(&self.string);
        if let Some(r) = &*self.regs.borrow() {
            visit(r);
        }
    }
    fn clear(&self) {
        self.regs.replace(None);
    }
}

fn match_type() -> &'static TypeObject {
    MATCH_TYPE.get_or_init(|st| {
        init_native_type(st, "re", "Match", LayoutKind::Native, &OBJECT_TYPE, 0, |s| {
            s.repr = Some(match_repr);
            s.getitem = Some(match_getitem);
            s.new = Some(no_instances);
        });
        add_method(st, "group", match_group);
        add_method(st, "groups", match_groups);
        add_method(st, "groupdict", match_groupdict);
        add_method(st, "start", match_start);
        add_method(st, "end", match_end);
        add_method(st, "span", match_span);
        add_method(st, "expand", match_expand);
        add_method(st, "__copy__", return_self);
        add_method(st, "__deepcopy__", return_self_deep);
        add_classmethod(st, "__class_getitem__", class_getitem);
        add_getset(st, "string", |vm, v| Ok(mat(vm, v)?.string.clone()), None);
        add_getset(st, "re", |vm, v| Ok(mat(vm, v)?.pattern.clone()), None);
        add_getset(st, "pos", |vm, v| Ok(Value::int(mat(vm, v)?.pos as i64)), None);
        add_getset(st, "endpos", |vm, v| Ok(Value::int(mat(vm, v)?.endpos as i64)), None);
        add_getset(st, "lastindex", match_lastindex, None);
        add_getset(st, "lastgroup", match_lastgroup, None);
        add_getset(st, "regs", match_regs, None);
    })
}

fn mat<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a MatchData> {
    match v.native_ref::<MatchData>() {
        Some(m) => Ok(m),
        None => Err(vm.type_error("descriptor requires a 're.Match' object")),
    }
}

impl MatchData {
    fn ngroups(&self) -> usize {
        self.marks.len() / 2
    }

    /// Invariant: `g < ngroups()` (callers check it with `group_index`).
    fn span_of(&self, g: usize) -> (isize, isize) {
        (self.marks.get(2 * g), self.marks.get(2 * g + 1))
    }

    fn isbytes(&self) -> bool {
        self.string.downcast_ref::<StrObject>().is_none()
    }

    fn slice(&self, g: usize, default: &Value) -> Value {
        let (s, e) = self.span_of(g);
        if s < 0 {
            return default.clone();
        }
        getslice(&self.string, self.isbytes(), s as usize, e as usize)
    }
}

/// The group number `index` names (an int, or a name of the pattern).
fn group_index(vm: &mut Vm, m: &MatchData, index: &Value) -> PyResult<usize> {
    let n = m.ngroups();
    let i: Option<i64> = if crate::objects::int::as_int(index).is_some() || type_of(index).slots().index.is_some() {
        let iv = vm.index(index)?;
        // Out of range either way: huge values clip as PyNumber_AsSsize_t does.
        Some(crate::objects::int::as_int(&iv).and_then(|x| x.to_i64()).unwrap_or(-1))
    } else {
        let p = m.pattern.native_ref::<PatternData>();
        match p.and_then(|p| p.groupindex.clone()) {
            Some(gi) => {
                let d = gi.downcast_ref::<DictObject>();
                let found = match d {
                    Some(d) => d.get_item(vm, index)?,
                    None => None,
                };
                found.and_then(|v| crate::objects::int::as_int(&v).and_then(|x| x.to_i64()))
            }
            None => None,
        }
    };
    match i {
        Some(i) if i >= 0 && (i as u64) < n as u64 => Ok(i as usize),
        _ => Err(vm.new_error(ExcKind::IndexError, "no such group")),
    }
}

fn match_group(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "group", kw)?;
    let m = mat(vm, &args[0])?;
    let nothing = none();
    match args.len() {
        1 => Ok(m.slice(0, &nothing)),
        2 => {
            let g = group_index(vm, m, &args[1])?;
            Ok(m.slice(g, &nothing))
        }
        _ => {
            let mut items = Vec::with_capacity(args.len() - 1);
            for a in &args[1..] {
                let g = group_index(vm, m, a)?;
                items.push(m.slice(g, &nothing));
            }
            Ok(new_tuple(items))
        }
    }
}

fn match_getitem(vm: &mut Vm, this: &Value, key: &Value) -> PyResult<Value> {
    let m = mat(vm, this)?;
    let g = group_index(vm, m, key)?;
    Ok(m.slice(g, &none()))
}

fn default_arg(vm: &mut Vm, fname: &str, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = clinic_args(vm, fname, &args[1..], kw, &["default"], 0)?;
    Ok(a[0].clone().unwrap_or_else(none))
}

fn match_groups(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let default = default_arg(vm, "groups", args, kw)?;
    let m = mat(vm, &args[0])?;
    Ok(new_tuple((1..m.ngroups()).map(|g| m.slice(g, &default)).collect()))
}

fn match_groupdict(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let default = default_arg(vm, "groupdict", args, kw)?;
    let m = mat(vm, &args[0])?;
    let result = DictObject::new_value();
    let gi = m.pattern.native_ref::<PatternData>().and_then(|p| p.groupindex.clone());
    let Some(gi) = gi else {
        return Ok(result);
    };
    let entries = gi.downcast_ref::<DictObject>().map(|d| d.items()).unwrap_or_default();
    for (key, _) in entries {
        let g = group_index(vm, m, &key)?;
        let v = m.slice(g, &default);
        if let Some(d) = result.downcast_ref::<DictObject>() {
            d.set_item(vm, key, v)?;
        }
    }
    Ok(result)
}

fn group_arg(vm: &mut Vm, fname: &str, args: &[Value], kw: KwNames) -> PyResult<usize> {
    check_no_kwargs(vm, fname, kw)?;
    ArgSpec::range(vm, fname, args, 1, 0, 1)?;
    let m = mat(vm, &args[0])?;
    match args.get(1) {
        Some(g) => group_index(vm, m, g),
        None => Ok(0),
    }
}

fn match_start(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let g = group_arg(vm, "start", args, kw)?;
    let m = mat(vm, &args[0])?;
    Ok(Value::int(m.span_of(g).0 as i64))
}

fn match_end(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let g = group_arg(vm, "end", args, kw)?;
    let m = mat(vm, &args[0])?;
    Ok(Value::int(m.span_of(g).1 as i64))
}

fn span_tuple(s: (isize, isize)) -> Value {
    new_tuple(vec![Value::int(s.0 as i64), Value::int(s.1 as i64)])
}

fn match_span(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let g = group_arg(vm, "span", args, kw)?;
    let m = mat(vm, &args[0])?;
    Ok(span_tuple(m.span_of(g)))
}

fn match_regs(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = mat(vm, v)?;
    if let Some(r) = &*m.regs.borrow() {
        return Ok(r.clone());
    }
    let regs = new_tuple((0..m.ngroups()).map(|g| span_tuple(m.span_of(g))).collect());
    m.regs.replace(Some(regs.clone()));
    Ok(regs)
}

fn match_lastindex(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = mat(vm, v)?;
    Ok(if m.lastindex >= 0 { Value::int(m.lastindex as i64) } else { none() })
}

fn match_lastgroup(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = mat(vm, v)?;
    let ig = m.pattern.native_ref::<PatternData>().and_then(|p| p.indexgroup.clone());
    if let (Some(ig), true) = (ig, m.lastindex >= 0) {
        if let Some(name) = ig.downcast_ref::<TupleObject>().and_then(|t| t.get(m.lastindex as usize)) {
            return Ok(name.clone());
        }
    }
    Ok(none())
}

fn match_expand(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = clinic_args(vm, "expand", &args[1..], kw, &["template"], 1)?;
    let template = a[0].clone().unwrap_or_else(none);
    let m = mat(vm, &args[0])?;
    let pattern = m.pattern.clone();
    let re = vm.import_absolute("re")?;
    let expand = vm.getattr_str(&re, "_expand")?;
    vm.call(&expand, &[pattern, args[0].clone(), template], None)
}

fn match_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = mat(vm, v)?;
    let g0 = m.slice(0, &none());
    let (s, e) = m.span_of(0);
    let r = repr_limited(vm, &g0, 50)?;
    Ok(new_str(&format!("<re.Match object; span=({s}, {e}), match={r}>")))
}

// ---------------------------------------------------------------------------
// Scanner

pub(crate) struct ScannerData {
    pattern: Value,
    string: Value,
    pos: usize,
    endpos: usize,
    /// Where the next attempt starts; None once exhausted.
    start: Cell<Option<usize>>,
    must_advance: Cell<bool>,
    executing: Cell<bool>,
}

impl NativeData for ScannerData {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.pattern);
        visit(&self.string);
    }
}

fn scanner_type() -> &'static TypeObject {
    SCANNER_TYPE.get_or_init(|st| {
        init_native_type(st, "_sre", "SRE_Scanner", LayoutKind::Native, &OBJECT_TYPE, 0, |s| {
            s.new = Some(no_instances);
        });
        add_method(st, "match", scanner_match);
        add_method(st, "search", scanner_search);
        add_getset(
            st,
            "pattern",
            |vm, v| match v.native_ref::<ScannerData>() {
                Some(s) => Ok(s.pattern.clone()),
                None => Err(vm.type_error("descriptor requires a '_sre.SRE_Scanner' object")),
            },
            None,
        );
    })
}

fn scanner_step(vm: &mut Vm, args: &[Value], kw: KwNames, fname: &str, mode: Mode) -> PyResult<Value> {
    check_no_kwargs(vm, fname, kw)?;
    ArgSpec::exact::<1>(vm, fname, args, 1)?;
    let Some(sc) = args[0].native_ref::<ScannerData>() else {
        return Err(vm.type_error("descriptor requires a '_sre.SRE_Scanner' object"));
    };
    let Some(start) = sc.start.get() else {
        return Ok(none());
    };
    if sc.executing.get() {
        return Err(vm.value_error("regular expression scanner already executing"));
    }
    let Some(p) = sc.pattern.native_ref::<PatternData>() else {
        return Ok(none());
    };
    let subject = get_subject(vm, &sc.string)?;
    let (pos, endpos) = (sc.pos, sc.endpos);
    let must_advance = sc.must_advance.get();
    let r = with_text!(&subject.units, |t| {
        let mut eng = Engine::new(&p.prog, t, p.groups, start, endpos);
        eng.must_advance = must_advance;
        let ok = if mode == Mode::Search {
            if start > endpos {
                Ok(false)
            } else {
                eng.search()
            }
        } else {
            eng.match_here()
        };
        match ok {
            Ok(true) => new_match(&eng, p.groups, &sc.pattern, &sc.string, pos, endpos).map(|m| Some((m, eng.start, eng.ptr))),
            Ok(false) => Ok(None),
            Err(e) => Err(e),
        }
    });
    match r {
        Err(e) => Err(engine_error(vm, e)),
        Ok(None) => {
            sc.start.set(None);
            Ok(none())
        }
        Ok(Some((m, s, e))) => {
            sc.must_advance.set(e == s);
            sc.start.set(Some(e));
            Ok(m)
        }
    }
}

fn scanner_match(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    scanner_step(vm, args, kw, "match", Mode::Match)
}

fn scanner_search(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    scanner_step(vm, args, kw, "search", Mode::Search)
}
