//! `_csv`: the CSV reader and writer, dialects and their registry, as
//! CPython's Modules/_csv.c, so that Lib/csv.py (DictReader, DictWriter,
//! Sniffer) runs unchanged. Messages and the reader's state machine follow
//! CPython, including `csv.Error` for malformed input and the field limit.

use crate::args::{split_kwargs, ArgSpec};
use crate::exception::{ExcKind, PyErr, PyResult};
use crate::gil::GilCell;
use crate::modules::itertools::{self_arg, self_iter, state};
use crate::modules::{init_native_type, ModuleBuilder, NativeType};
use crate::object::LayoutKind;
use crate::objects::dict::DictObject;
use crate::objects::int::as_int;
use crate::objects::list::new_list;
use crate::objects::native::{new_native, NativeData};
use crate::objects::singletons::none;
use crate::objects::str::{new_char, new_str, new_str_from_cps, StrObject};
use crate::objects::tuple::new_tuple;
use crate::typeinit::{add_getset_to, add_method_to};
use crate::typeobj::{is_exact, type_flags, type_of, KwNames, TypeObject, INT_TYPE, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};

static DIALECT: NativeType = NativeType::new();
static READER: NativeType = NativeType::new();
static WRITER: NativeType = NativeType::new();

/// `_csv.Error`, the registry dict, made at the first import (process-wide).
static ERROR: GilCell<Option<Value>> = GilCell::new(None);
static DIALECTS: GilCell<Option<Value>> = GilCell::new(None);
static FIELD_LIMIT: GilCell<i64> = GilCell::new(128 * 1024);

const QUOTE_MINIMAL: i64 = 0;
const QUOTE_ALL: i64 = 1;
const QUOTE_NONNUMERIC: i64 = 2;
const QUOTE_NONE: i64 = 3;

fn csv_error(vm: &mut Vm, msg: impl AsRef<str>) -> PyErr {
    // SAFETY: GIL held; the borrow ends here.
    let cls = unsafe { ERROR.get_mut() }.clone();
    match cls {
        Some(c) => match vm.call(&c, &[new_str(msg.as_ref())], None) {
            Ok(e) => PyErr::new(e),
            Err(e) => e,
        },
        None => vm.new_error(ExcKind::Exception, msg),
    }
}

fn registry() -> Value {
    // SAFETY: GIL held; the borrow ends here.
    unsafe { DIALECTS.get_mut() }.get_or_insert_with(DictObject::new_value).clone()
}

fn field_limit() -> i64 {
    // SAFETY: GIL held.
    unsafe { *FIELD_LIMIT.get_mut() }
}

// --- Dialect -----------------------------------------------------------------

struct Dialect {
    delimiter: u32,
    quotechar: Option<u32>,
    escapechar: Option<u32>,
    doublequote: bool,
    skipinitialspace: bool,
    strict: bool,
    quoting: i64,
    /// A str.
    lineterminator: Value,
}

impl NativeData for Dialect {}

fn char_of(vm: &mut Vm, name: &str, v: &Value, allow_none: bool) -> PyResult<Option<u32>> {
    if allow_none && v.is_none() {
        return Ok(None);
    }
    let Some(s) = v.downcast_ref::<StrObject>() else {
        let msg = if allow_none {
            format!("\"{name}\" must be string or None, not {}", vm.type_name(v))
        } else {
            format!("\"{name}\" must be string, not {}", vm.type_name(v))
        };
        return Err(vm.type_error(msg));
    };
    if s.len() != 1 {
        return Err(vm.type_error(format!("\"{name}\" must be a 1-character string")));
    }
    Ok(Some(s.get(0)))
}

const DIALECT_KWS: [&str; 9] = [
    "dialect",
    "delimiter",
    "doublequote",
    "escapechar",
    "lineterminator",
    "quotechar",
    "quoting",
    "skipinitialspace",
    "strict",
];

fn dialect_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let (pos, kw) = split_kwargs(args, kwnames);
    if pos.len() + kw.len() > 9 {
        let msg = format!("function takes at most 9 arguments ({} given)", pos.len() + kw.len());
        return Err(vm.type_error(msg));
    }
    let mut p: Vec<Option<Value>> = vec![None; 9];
    for (i, v) in pos.iter().enumerate() {
        p[i] = Some(v.clone());
    }
    for (k, v) in kw {
        let name = crate::objects::str::display_lossy(k);
        match DIALECT_KWS.iter().position(|n| *n == name) {
            Some(i) if p[i].is_none() => p[i] = Some(v.clone()),
            Some(i) => {
                let msg = format!("argument for function given by name ('{}') and position ({})", DIALECT_KWS[i], i + 1);
                return Err(vm.type_error(msg));
            }
            None => {
                let msg = format!("'{name}' is an invalid keyword argument for this function");
                return Err(vm.type_error(msg));
            }
        }
    }
    make_dialect(vm, cls, p)
}

fn make_dialect(vm: &mut Vm, cls: &Value, mut p: Vec<Option<Value>>) -> PyResult<Value> {
    let ty = cls
        .downcast_ref::<TypeObject>()
        .filter(|t| t.layout == LayoutKind::Native)
        .unwrap_or(dialect_type());
    let mut base = p[0].take();
    if let Some(d) = &base {
        if d.downcast_ref::<StrObject>().is_some() {
            base = Some(lookup_dialect(vm, d)?);
        }
    }
    if let Some(d) = &base {
        if d.native_ref::<Dialect>().is_some() && p[1..].iter().all(|v| v.is_none()) {
            return Ok(d.clone());
        }
        for (i, name) in DIALECT_KWS.iter().enumerate().skip(1) {
            if p[i].is_none() {
                // Missing attributes fall back to the defaults.
                p[i] = vm.getattr_str(d, name).ok();
            }
        }
    }
    let delimiter = match &p[1] {
        Some(v) => char_of(vm, "delimiter", v, false)?,
        None => Some(',' as u32),
    };
    let doublequote = match &p[2] {
        Some(v) => vm.is_true(v)?,
        None => true,
    };
    let escapechar = match &p[3] {
        Some(v) => char_of(vm, "escapechar", v, true)?,
        None => None,
    };
    let lineterminator = match &p[4] {
        None => Some(new_str("\r\n")),
        Some(v) if v.is_none() => None,
        Some(v) if v.downcast_ref::<StrObject>().is_some() => Some(v.clone()),
        Some(_) => return Err(vm.type_error("\"lineterminator\" must be a string")),
    };
    let quotechar = match &p[5] {
        Some(v) => char_of(vm, "quotechar", v, true)?,
        None => Some('"' as u32),
    };
    let mut quoting = match &p[6] {
        None => QUOTE_MINIMAL,
        Some(v) => {
            if !is_exact(v, &INT_TYPE) {
                return Err(vm.type_error("\"quoting\" must be an integer"));
            }
            match as_int(v).and_then(|i| i.to_i64()).filter(|i| i32::try_from(*i).is_ok()) {
                Some(i) => i,
                None => {
                    return Err(vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C int"))
                }
            }
        }
    };
    let skipinitialspace = match &p[7] {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    let strict = match &p[8] {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    if !(QUOTE_MINIMAL..=QUOTE_NONE).contains(&quoting) {
        return Err(vm.type_error("bad \"quoting\" value"));
    }
    let Some(delimiter) = delimiter else {
        return Err(vm.type_error("\"delimiter\" must be a 1-character string"));
    };
    if p[5].as_ref().is_some_and(|v| v.is_none()) && p[6].is_none() {
        quoting = QUOTE_NONE;
    }
    if quoting != QUOTE_NONE && quotechar.is_none() {
        return Err(vm.type_error("quotechar must be set if quoting enabled"));
    }
    let Some(lineterminator) = lineterminator else {
        return Err(vm.type_error("lineterminator must be set"));
    };
    Ok(new_native(
        ty,
        Dialect {
            delimiter,
            quotechar,
            escapechar,
            doublequote,
            skipinitialspace,
            strict,
            quoting,
            lineterminator,
        },
    ))
}

fn lookup_dialect(vm: &mut Vm, name: &Value) -> PyResult<Value> {
    let reg = registry();
    let found = match reg.downcast_ref::<DictObject>() {
        Some(d) => d.get_item(vm, name)?,
        None => None,
    };
    found.ok_or_else(|| csv_error(vm, "unknown dialect"))
}

/// The dialect for a reader or writer: `Dialect(dialect, **kwargs)`.
fn call_dialect(vm: &mut Vm, dialect: Option<&Value>, kw: &[(&Value, &Value)]) -> PyResult<Value> {
    let mut p: Vec<Option<Value>> = vec![None; 9];
    p[0] = dialect.cloned();
    for (k, v) in kw {
        let name = crate::objects::str::display_lossy(k);
        match DIALECT_KWS.iter().position(|n| *n == name) {
            Some(i) if i > 0 || p[0].is_none() => p[i] = Some((*v).clone()),
            Some(_) => {
                return Err(vm.type_error("argument for function given by name ('dialect') and position (1)"))
            }
            None => {
                let msg = format!("'{name}' is an invalid keyword argument for this function");
                return Err(vm.type_error(msg));
            }
        }
    }
    make_dialect(vm, &dialect_type().as_value(), p)
}

fn dia<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Dialect> {
    state::<Dialect>(vm, v, "_csv.Dialect")
}

fn opt_char(c: Option<u32>) -> Value {
    c.map_or_else(none, new_char)
}

fn dialect_reduce(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let me = args.first().cloned().unwrap_or_else(none);
    let _ = vm;
    let name = crate::objects::str::display_lossy(type_of(&me).name());
    Err(vm.type_error(format!("cannot pickle '{name}' instances")))
}

fn dialect_type() -> &'static TypeObject {
    DIALECT.get_or_init(|st| {
        let t = init_native_type(st, "_csv", "Dialect", LayoutKind::Native, &OBJECT_TYPE, type_flags::BASETYPE, |s| {
            s.new = Some(dialect_new);
        });
        add_getset_to(t, "delimiter", |vm, me| Ok(new_char(dia(vm, me)?.delimiter)), None);
        add_getset_to(t, "escapechar", |vm, me| Ok(opt_char(dia(vm, me)?.escapechar)), None);
        add_getset_to(t, "quotechar", |vm, me| Ok(opt_char(dia(vm, me)?.quotechar)), None);
        add_getset_to(t, "lineterminator", |vm, me| Ok(dia(vm, me)?.lineterminator.clone()), None);
        add_getset_to(t, "quoting", |vm, me| Ok(Value::int(dia(vm, me)?.quoting)), None);
        add_getset_to(t, "doublequote", |vm, me| Ok(Value::bool(dia(vm, me)?.doublequote)), None);
        add_getset_to(t, "skipinitialspace", |vm, me| Ok(Value::bool(dia(vm, me)?.skipinitialspace)), None);
        add_getset_to(t, "strict", |vm, me| Ok(Value::bool(dia(vm, me)?.strict)), None);
        add_method_to(t, "__reduce__", dialect_reduce);
        add_method_to(t, "__reduce_ex__", dialect_reduce);
    })
}

// --- reader ------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum St {
    StartRecord,
    StartField,
    EscapedChar,
    InField,
    InQuotedField,
    EscapeInQuotedField,
    QuoteInQuotedField,
    EatCrnl,
    AfterEscapedCrnl,
}

struct Parser {
    state: St,
    field: Vec<u32>,
    numeric: bool,
    fields: Vec<Value>,
}

struct Reader {
    dialect: Value,
    input: Value,
    line_num: Cell<i64>,
    parser: RefCell<Parser>,
}

impl NativeData for Reader {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.dialect);
        visit(&self.input);
    }
}

/// End of line marker fed after each line (not a code point).
const EOL: u32 = u32::MAX;

impl Parser {
    fn save_field(&mut self, vm: &mut Vm) -> PyResult<()> {
        let s = new_str_from_cps(&self.field);
        self.field.clear();
        let v = if self.numeric {
            self.numeric = false;
            vm.call1(&crate::typeobj::FLOAT_TYPE.get().as_value(), s)?
        } else {
            s
        };
        self.fields.push(v);
        Ok(())
    }

    fn add_char(&mut self, vm: &mut Vm, c: u32) -> PyResult<()> {
        let limit = field_limit();
        if self.field.len() as i64 >= limit {
            return Err(csv_error(vm, format!("field larger than field limit ({limit})")));
        }
        self.field.push(c);
        Ok(())
    }

    fn process(&mut self, vm: &mut Vm, d: &Dialect, c: u32) -> PyResult<()> {
        let nl = c == '\n' as u32 || c == '\r' as u32;
        let is_quote = |c: u32| d.quoting != QUOTE_NONE && Some(c) == d.quotechar;
        let is_escape = |c: u32| c != EOL && Some(c) == d.escapechar;
        let mut state = self.state;
        if state == St::StartRecord {
            if c == EOL {
                return Ok(());
            }
            if nl {
                self.state = St::EatCrnl;
                return Ok(());
            }
            state = St::StartField;
        }
        if state == St::AfterEscapedCrnl {
            if c == EOL {
                return Ok(());
            }
            state = St::InField;
        }
        match state {
            St::StartField => {
                if nl || c == EOL {
                    self.save_field(vm)?;
                    self.state = if c == EOL { St::StartRecord } else { St::EatCrnl };
                } else if is_quote(c) {
                    self.state = St::InQuotedField;
                } else if is_escape(c) {
                    self.state = St::EscapedChar;
                } else if c == ' ' as u32 && d.skipinitialspace {
                    self.state = St::StartField;
                } else if c == d.delimiter {
                    self.save_field(vm)?;
                    self.state = St::StartField;
                } else {
                    if d.quoting == QUOTE_NONNUMERIC {
                        self.numeric = true;
                    }
                    self.add_char(vm, c)?;
                    self.state = St::InField;
                }
            }
            St::EscapedChar => {
                if nl {
                    self.add_char(vm, c)?;
                    self.state = St::AfterEscapedCrnl;
                } else {
                    self.add_char(vm, if c == EOL { '\n' as u32 } else { c })?;
                    self.state = St::InField;
                }
            }
            St::InField => {
                if nl || c == EOL {
                    self.save_field(vm)?;
                    self.state = if c == EOL { St::StartRecord } else { St::EatCrnl };
                } else if is_escape(c) {
                    self.state = St::EscapedChar;
                } else if c == d.delimiter {
                    self.save_field(vm)?;
                    self.state = St::StartField;
                } else {
                    self.add_char(vm, c)?;
                    self.state = St::InField;
                }
            }
            St::InQuotedField => {
                if c == EOL {
                } else if is_escape(c) {
                    self.state = St::EscapeInQuotedField;
                } else if is_quote(c) {
                    self.state = if d.doublequote { St::QuoteInQuotedField } else { St::InField };
                } else {
                    self.add_char(vm, c)?;
                }
            }
            St::EscapeInQuotedField => {
                self.add_char(vm, if c == EOL { '\n' as u32 } else { c })?;
                self.state = St::InQuotedField;
            }
            St::QuoteInQuotedField => {
                if is_quote(c) {
                    self.add_char(vm, c)?;
                    self.state = St::InQuotedField;
                } else if c == d.delimiter {
                    self.save_field(vm)?;
                    self.state = St::StartField;
                } else if nl || c == EOL {
                    self.save_field(vm)?;
                    self.state = if c == EOL { St::StartRecord } else { St::EatCrnl };
                } else if !d.strict {
                    self.add_char(vm, c)?;
                    self.state = St::InField;
                } else {
                    let delim = char::from_u32(d.delimiter).unwrap_or('?');
                    let quote = d.quotechar.and_then(char::from_u32).unwrap_or('?');
                    return Err(csv_error(vm, format!("'{delim}' expected after '{quote}'")));
                }
            }
            St::EatCrnl => {
                if nl {
                } else if c == EOL {
                    self.state = St::StartRecord;
                } else {
                    return Err(csv_error(
                        vm,
                        "new-line character seen in unquoted field - do you need to open the file in universal-newline mode?",
                    ));
                }
            }
            St::StartRecord | St::AfterEscapedCrnl => {}
        }
        Ok(())
    }
}

fn reader_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let r = state::<Reader>(vm, me, "_csv.reader")?;
    let Some(d) = r.dialect.native_ref::<Dialect>() else {
        return Ok(None);
    };
    // The parser lives outside the reader while Python code may run (the
    // input iterator): re-entrant calls see a fresh parser.
    let mut p = std::mem::replace(
        &mut *r.parser.borrow_mut(),
        Parser { state: St::StartRecord, field: Vec::new(), numeric: false, fields: Vec::new() },
    );
    p.state = St::StartRecord;
    p.field.clear();
    p.numeric = false;
    p.fields = Vec::new();
    let result = (|| -> PyResult<Option<Value>> {
        loop {
            let line = match vm.next(&r.input)? {
                Some(l) => l,
                None => {
                    if !p.field.is_empty() || p.state == St::InQuotedField {
                        if d.strict {
                            return Err(csv_error(vm, "unexpected end of data"));
                        }
                        p.save_field(vm)?;
                        break;
                    }
                    return Ok(None);
                }
            };
            let Some(s) = line.downcast_ref::<StrObject>() else {
                let msg = format!(
                    "iterator should return strings, not {} (the file should be opened in text mode)",
                    vm.type_name(&line)
                );
                return Err(csv_error(vm, msg));
            };
            r.line_num.set(r.line_num.get() + 1);
            for c in s.code_points() {
                p.process(vm, d, c)?;
            }
            p.process(vm, d, EOL)?;
            if p.state == St::StartRecord {
                break;
            }
        }
        Ok(Some(new_list(std::mem::take(&mut p.fields))))
    })();
    *r.parser.borrow_mut() = p;
    result
}

fn csv_reader(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let (pos, kw) = split_kwargs(args, kwnames);
    if pos.is_empty() || pos.len() > 2 {
        let msg = if pos.is_empty() {
            format!(" expected at least 1 argument, got {}", pos.len())
        } else {
            format!(" expected at most 2 arguments, got {}", pos.len())
        };
        return Err(vm.type_error(msg));
    }
    let input = vm.iter(&pos[0])?;
    let dialect = call_dialect(vm, pos.get(1), &kw)?;
    Ok(new_native(
        reader_type(),
        Reader {
            dialect,
            input,
            line_num: Cell::new(0),
            parser: RefCell::new(Parser { state: St::StartRecord, field: Vec::new(), numeric: false, fields: Vec::new() }),
        },
    ))
}

fn reader_type() -> &'static TypeObject {
    READER.get_or_init(|st| {
        let t = init_native_type(st, "_csv", "reader", LayoutKind::Native, &OBJECT_TYPE, 0, |s| {
            s.iter = Some(self_iter);
            s.iternext = Some(reader_next);
            s.new = None;
        });
        add_getset_to(t, "dialect", |vm, me| Ok(state::<Reader>(vm, me, "_csv.reader")?.dialect.clone()), None);
        add_getset_to(t, "line_num", |vm, me| Ok(Value::int(state::<Reader>(vm, me, "_csv.reader")?.line_num.get())), None);
    })
}

// --- writer ------------------------------------------------------------------

struct Writer {
    dialect: Value,
    write: Value,
}

impl NativeData for Writer {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.dialect);
        visit(&self.write);
    }
}

/// Appends one field to `rec` (quoting or escaping as the dialect says).
fn append_field(vm: &mut Vm, d: &Dialect, rec: &mut Vec<u32>, nfields: &mut usize, field: Option<&StrObject>, mut quoted: bool) -> PyResult<()> {
    let term: Vec<u32> = d
        .lineterminator
        .downcast_ref::<StrObject>()
        .map(|s| s.code_points().collect())
        .unwrap_or_default();
    let mut body: Vec<u32> = Vec::new();
    if let Some(f) = field {
        for c in f.code_points() {
            let special = c == d.delimiter || Some(c) == d.escapechar || Some(c) == d.quotechar || term.contains(&c);
            if special {
                let mut want_escape = false;
                if d.quoting == QUOTE_NONE {
                    want_escape = true;
                } else {
                    if Some(c) == d.quotechar {
                        if d.doublequote {
                            body.push(c);
                        } else {
                            want_escape = true;
                        }
                    } else if Some(c) == d.escapechar {
                        want_escape = true;
                    }
                    if !want_escape {
                        quoted = true;
                    }
                }
                if want_escape {
                    let Some(esc) = d.escapechar else {
                        return Err(csv_error(vm, "need to escape, but no escapechar set"));
                    };
                    body.push(esc);
                }
            }
            body.push(c);
        }
    }
    if *nfields > 0 {
        rec.push(d.delimiter);
    }
    let q = d.quotechar.unwrap_or('"' as u32);
    if quoted {
        rec.push(q);
    }
    rec.extend_from_slice(&body);
    if quoted {
        rec.push(q);
    }
    *nfields += 1;
    Ok(())
}

fn is_number(v: &Value) -> bool {
    // PyNumber_Check: __index__, __int__, __float__ or complex.
    if as_int(v).is_some() || crate::objects::float::as_float(v).is_some() {
        return true;
    }
    let s = type_of(v).slots();
    s.index.is_some() || s.int.is_some() || s.float.is_some() || v.downcast_ref::<crate::objects::complex::ComplexObject>().is_some()
}

fn writerow_impl(vm: &mut Vm, w: &Writer, row: &Value) -> PyResult<Value> {
    let Some(d) = w.dialect.native_ref::<Dialect>() else {
        return Ok(none());
    };
    let it = match vm.iter(row) {
        Ok(it) => it,
        Err(e) if e.is_instance(ExcKind::TypeError) => {
            let msg = format!("iterable expected, not {}", vm.type_name(row));
            return Err(csv_error(vm, msg));
        }
        Err(e) => return Err(e),
    };
    let mut rec: Vec<u32> = Vec::new();
    let mut nfields = 0usize;
    while let Some(field) = vm.next(&it)? {
        let quoted = match d.quoting {
            QUOTE_NONNUMERIC => !is_number(&field),
            QUOTE_ALL => true,
            _ => false,
        };
        if field.downcast_ref::<StrObject>().is_some() {
            append_field(vm, d, &mut rec, &mut nfields, field.downcast_ref::<StrObject>(), quoted)?;
        } else if field.is_none() {
            append_field(vm, d, &mut rec, &mut nfields, None, quoted)?;
        } else {
            let s = vm.str(&field)?;
            append_field(vm, d, &mut rec, &mut nfields, s.downcast_ref::<StrObject>(), quoted)?;
        }
    }
    if nfields == 1 && rec.is_empty() {
        if d.quoting == QUOTE_NONE {
            return Err(csv_error(vm, "single empty field record must be quoted"));
        }
        nfields = 0;
        append_field(vm, d, &mut rec, &mut nfields, None, true)?;
    }
    if let Some(t) = d.lineterminator.downcast_ref::<StrObject>() {
        rec.extend(t.code_points());
    }
    let line = new_str_from_cps(&rec);
    vm.call1(&w.write, line)
}

fn writer_writerow(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "writerow", kw)?;
    let (_, w) = self_arg::<Writer>(vm, args, "_csv.writer")?;
    if args.len() != 2 {
        let msg = format!("_csv.writer.writerow() takes exactly one argument ({} given)", args.len() - 1);
        return Err(vm.type_error(msg));
    }
    writerow_impl(vm, w, &args[1])
}

fn writer_writerows(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "writerows", kw)?;
    let (_, w) = self_arg::<Writer>(vm, args, "_csv.writer")?;
    if args.len() != 2 {
        let msg = format!("_csv.writer.writerows() takes exactly one argument ({} given)", args.len() - 1);
        return Err(vm.type_error(msg));
    }
    let rows = vm.iter(&args[1])?;
    while let Some(row) = vm.next(&rows)? {
        writerow_impl(vm, w, &row)?;
    }
    Ok(none())
}

fn csv_writer(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let (pos, kw) = split_kwargs(args, kwnames);
    if pos.is_empty() || pos.len() > 2 {
        let msg = if pos.is_empty() {
            format!(" expected at least 1 argument, got {}", pos.len())
        } else {
            format!(" expected at most 2 arguments, got {}", pos.len())
        };
        return Err(vm.type_error(msg));
    }
    let write = match vm.getattr_str(&pos[0], "write") {
        Ok(w) if type_of(&w).slots().call.is_some() => w,
        Err(e) if !e.is_instance(ExcKind::AttributeError) => return Err(e),
        _ => return Err(vm.type_error("argument 1 must have a \"write\" method")),
    };
    let dialect = call_dialect(vm, pos.get(1), &kw)?;
    Ok(new_native(writer_type(), Writer { dialect, write }))
}

fn writer_type() -> &'static TypeObject {
    WRITER.get_or_init(|st| {
        let t = init_native_type(st, "_csv", "writer", LayoutKind::Native, &OBJECT_TYPE, 0, |s| {
            s.new = None;
        });
        add_method_to(t, "writerow", writer_writerow);
        add_method_to(t, "writerows", writer_writerows);
        add_getset_to(t, "dialect", |vm, me| Ok(state::<Writer>(vm, me, "_csv.writer")?.dialect.clone()), None);
    })
}

// --- registry and limits -------------------------------------------------------

fn register_dialect(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let (pos, kw) = split_kwargs(args, kwnames);
    if pos.is_empty() || pos.len() > 2 {
        let msg = if pos.is_empty() {
            format!(" expected at least 1 argument, got {}", pos.len())
        } else {
            format!(" expected at most 2 arguments, got {}", pos.len())
        };
        return Err(vm.type_error(msg));
    }
    if pos[0].downcast_ref::<StrObject>().is_none() {
        return Err(vm.type_error("dialect name must be a string"));
    }
    let d = call_dialect(vm, pos.get(1), &kw)?;
    let reg = registry();
    if let Some(r) = reg.downcast_ref::<DictObject>() {
        r.set_item(vm, pos[0].clone(), d)?;
    }
    Ok(none())
}

fn unregister_dialect(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "unregister_dialect", args, kwnames, &["name"], 1, 1)?;
    let name = a[0].clone().unwrap_or_else(none);
    let reg = registry();
    let removed = match reg.downcast_ref::<DictObject>() {
        Some(r) => r.del_item(vm, &name)?,
        None => None,
    };
    match removed {
        Some(_) => Ok(none()),
        None => Err(csv_error(vm, "unknown dialect")),
    }
}

fn get_dialect(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "get_dialect", args, kwnames, &["name"], 1, 1)?;
    let name = a[0].clone().unwrap_or_else(none);
    lookup_dialect(vm, &name)
}

fn list_dialects(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "list_dialects", kwnames)?;
    if !args.is_empty() {
        let msg = format!("list_dialects() takes no arguments ({} given)", args.len());
        return Err(vm.type_error(msg));
    }
    let reg = registry();
    Ok(new_list(reg.downcast_ref::<DictObject>().map(|d| d.keys()).unwrap_or_default()))
}

fn field_size_limit(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "field_size_limit", args, kwnames, &["new_limit"], 1, 0)?;
    let old = field_limit();
    if let Some(v) = &a[0] {
        if !is_exact(v, &INT_TYPE) {
            return Err(vm.type_error("limit must be an integer"));
        }
        let Some(n) = as_int(v).and_then(|i| i.to_i64()) else {
            return Err(vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C long"));
        };
        // SAFETY: GIL held.
        unsafe { *FIELD_LIMIT.get_mut() = n };
    }
    Ok(Value::int(old))
}

pub(crate) fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_csv");
    m.str("__version__", "1.0");
    m.int("QUOTE_MINIMAL", QUOTE_MINIMAL);
    m.int("QUOTE_ALL", QUOTE_ALL);
    m.int("QUOTE_NONNUMERIC", QUOTE_NONNUMERIC);
    m.int("QUOTE_NONE", QUOTE_NONE);
    // SAFETY: GIL held; nothing else borrows the cell now.
    let existing = unsafe { ERROR.get_mut() }.clone();
    let err = match existing {
        Some(e) => e,
        None => {
            let ns = DictObject::new_value();
            if let Some(d) = ns.downcast_ref::<DictObject>() {
                d.insert_str_key("__module__", new_str("_csv"));
            }
            let bases = new_tuple(vec![crate::exception::exc_type_value(ExcKind::Exception)]);
            let type_t = crate::typeobj::TYPE_TYPE.get().as_value();
            let e = vm.call(&type_t, &[new_str("Error"), bases, ns], None)?;
            // SAFETY: as above.
            unsafe { *ERROR.get_mut() = Some(e.clone()) };
            e
        }
    };
    m.value("Error", err);
    m.value("_dialects", registry());
    m.type_(dialect_type());
    m.value("Reader", reader_type().as_value());
    m.value("Writer", writer_type().as_value());
    m.functions(&[
        ("reader", csv_reader),
        ("writer", csv_writer),
        ("register_dialect", register_dialect),
        ("unregister_dialect", unregister_dialect),
        ("get_dialect", get_dialect),
        ("list_dialects", list_dialects),
        ("field_size_limit", field_size_limit),
    ]);
    Ok(m.finish())
}
