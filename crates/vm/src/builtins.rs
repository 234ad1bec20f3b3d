//! The `builtins` module.

use crate::args::{check_no_kwargs, split_kwargs, ArgSpec};
use crate::exception::{exc_type_value, ExcKind, ExceptionObject, PyErr, PyResult};
use crate::objects::cell::CellObject;
use crate::objects::descr::new_builtin_function;
use crate::objects::dict::DictObject;
use crate::objects::function::FunctionObject;
use crate::objects::int::{as_int, int_from_big, IntView};
use crate::objects::iter::NativeIter;
use crate::objects::list::{new_list, ListObject};
use crate::objects::module::{new_module, ModuleObject};
use crate::objects::singletons::{ellipsis, none, not_implemented};
use crate::objects::str::{display_lossy, new_char, new_str, StrObject};
use crate::objects::tuple::{new_tuple, TupleObject};
use crate::typeobj::*;
use crate::value::Value;
use crate::vm::Vm;

pub mod compile;

fn print(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let (pos, kw) = split_kwargs(args, kwnames);
    let mut sep: Option<Value> = None;
    let mut end: Option<Value> = None;
    let mut file: Option<Value> = None;
    let mut flush = false;
    for (k, v) in kw {
        match display_lossy(k).as_str() {
            "sep" => sep = Some(v.clone()),
            "end" => end = Some(v.clone()),
            "file" => file = Some(v.clone()),
            "flush" => flush = vm.is_true(v)?,
            other => return Err(vm.type_error(format!("'{other}' is an invalid keyword argument for print()"))),
        }
    }
    let text_of = |vm: &mut Vm, v: Option<Value>, what: &str, default: &str| -> PyResult<String> {
        match v {
            None => Ok(default.to_string()),
            Some(x) if x.is_none() => Ok(default.to_string()),
            Some(x) => match x.downcast_ref::<StrObject>() {
                Some(s) => Ok(s.to_string_lossy()),
                None => {
                    let msg = format!("{what} must be None or a string, not {}", vm.type_name(&x));
                    Err(vm.type_error(msg))
                }
            },
        }
    };
    let sep = text_of(vm, sep, "sep", " ")?;
    let end = text_of(vm, end, "end", "\n")?;
    let mut file = file.filter(|f| !f.is_none());
    // The start-up sys.stdout is written straight into the VM's buffer.
    let mut surrogateescape = false;
    match &file {
        Some(f) => {
            if let Some(esc) = crate::modules::_io::textio::fast_stdout_errors(f) {
                surrogateescape = esc;
                file = None;
            }
        }
        None => {
            // print() writes to sys.stdout, which a program may replace.
            let out = sys_stream(vm, "stdout");
            match out {
                Some(o) if o.is_none() => return Ok(none()),
                Some(o) => match crate::modules::_io::textio::fast_stdout_errors(&o) {
                    Some(esc) => surrogateescape = esc,
                    None => file = Some(o),
                },
                None => return Err(vm.new_error(ExcKind::RuntimeError, "lost sys.stdout")),
            }
        }
    }
    if let Some(f) = file {
        // A Python file object gets each piece through its own write() call.
        let write = vm.getattr_str(&f, "write")?;
        let sep_v = new_str(&sep);
        for (i, a) in pos.iter().enumerate() {
            if i > 0 {
                vm.call1(&write, sep_v.clone())?;
            }
            let s = vm.str(a)?;
            vm.call1(&write, s)?;
        }
        vm.call1(&write, new_str(&end))?;
        if flush {
            vm.call_method(&f, "flush", &[])?;
        }
        return Ok(none());
    }
    // Piece by piece, as CPython's print calls write(): where the text
    // layer's chunk boundaries fall is visible next to sys.stdout.buffer.
    for (i, a) in pos.iter().enumerate() {
        if i > 0 {
            vm.write_stdout(sep.as_bytes());
        }
        let s = vm.str(a)?;
        if let Some(so) = s.downcast_ref::<StrObject>() {
            if so.is_ascii() {
                vm.write_stdout(so.data());
                continue;
            }
            if surrogateescape && so.to_utf8().is_none() {
                let cps: Vec<u32> = so.code_points().collect();
                let bytes = crate::modules::_io::codec::encode(vm, crate::modules::_io::codec::Native::Utf8, "surrogateescape", &cps)?;
                vm.write_stdout(&bytes);
                continue;
            }
            if so.to_utf8().is_none() {
                let pos = so
                    .code_points()
                    .position(|c| (0xD800..0xE000).contains(&c))
                    .unwrap_or(0);
                return Err(vm.new_error(
                    ExcKind::UnicodeEncodeError,
                    format!(
                        "'utf-8' codec can't encode character '\\u{:04x}' in position {}: surrogates not allowed",
                        so.get(pos),
                        pos
                    ),
                ));
            }
            vm.write_stdout(&so.to_generalized_utf8());
        }
    }
    vm.write_stdout(end.as_bytes());
    if flush {
        vm.flush_stdout();
    }
    Ok(none())
}

pub(crate) fn len(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "len", kw)?;
    let [x] = ArgSpec::exact::<1>(vm, "len", args, 0)?;
    let n = vm.len(&x)?;
    Ok(Value::int(n as i64))
}

fn repr(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "repr", kw)?;
    let [x] = ArgSpec::exact::<1>(vm, "repr", args, 0)?;
    vm.repr(&x)
}

/// `ascii(x)`: repr with non-ASCII characters escaped.
pub fn ascii_of(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = vm.repr(v)?;
    let Some(s) = r.downcast_ref::<StrObject>() else {
        return Ok(r);
    };
    if s.is_ascii() {
        return Ok(r.clone());
    }
    let mut out = String::with_capacity(s.len());
    for cp in s.code_points() {
        if cp < 0x80 {
            out.push(cp as u8 as char);
        } else if cp < 0x100 {
            out.push_str(&format!("\\x{cp:02x}"));
        } else if cp < 0x10000 {
            out.push_str(&format!("\\u{cp:04x}"));
        } else {
            out.push_str(&format!("\\U{cp:08x}"));
        }
    }
    Ok(new_str(&out))
}

fn ascii(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "ascii", kw)?;
    let [x] = ArgSpec::exact::<1>(vm, "ascii", args, 0)?;
    ascii_of(vm, &x)
}

/// `format(value, spec)`: `type(value).__format__(value, spec)`.
pub fn format(vm: &mut Vm, v: &Value, spec: &Value) -> PyResult<Value> {
    let r = match vm.call_special(v, "__format__", std::slice::from_ref(spec))? {
        Some(r) => r,
        None => return Err(vm.type_error("object has no __format__")),
    };
    if r.downcast_ref::<StrObject>().is_none() {
        let msg = format!("__format__ must return a str, not {}", vm.type_name(&r));
        return Err(vm.type_error(msg));
    }
    Ok(r)
}

fn format_builtin(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "format", kw)?;
    ArgSpec::range(vm, "format", args, 0, 1, 2)?;
    let spec = args.get(1).cloned().unwrap_or_else(|| new_str(""));
    if spec.downcast_ref::<StrObject>().is_none() {
        let msg = format!("format() argument 2 must be str, not {}", vm.type_name(&spec));
        return Err(vm.type_error(msg));
    }
    format(vm, &args[0], &spec)
}

/// `cls.__bases__` when it is a tuple (CPython's abstract_get_bases): None
/// when missing or not a tuple; errors other than AttributeError propagate.
fn abstract_bases(vm: &mut Vm, cls: &Value) -> PyResult<Option<Value>> {
    let bases = vm.lookup_attr(cls, &vm.intern("__bases__"))?;
    Ok(bases.filter(|b| b.downcast_ref::<TupleObject>().is_some()))
}

/// Whether `cls` is reachable from `derived` through `__bases__`, for
/// class-like objects that are not types.
fn abstract_issubclass(vm: &mut Vm, derived: &Value, cls: &Value) -> PyResult<bool> {
    let mut derived = derived.clone();
    // Single inheritance is followed by a loop, not by recursion.
    let bases = loop {
        if derived.is(cls) {
            return Ok(true);
        }
        let Some(bases) = abstract_bases(vm, &derived)? else {
            return Ok(false);
        };
        let items = bases.downcast_ref::<TupleObject>().map(|t| t.items().to_vec()).unwrap_or_default();
        match items.len() {
            0 => return Ok(false),
            1 => derived = items[0].clone(),
            _ => break items,
        }
    };
    vm.enter_recursion(" in __issubclass__")?;
    let mut r = Ok(false);
    for base in &bases {
        r = abstract_issubclass(vm, base, cls);
        if !matches!(r, Ok(false)) {
            break;
        }
    }
    vm.leave_recursion();
    r
}

/// A TypeError with `msg` unless `cls` has a tuple `__bases__`.
fn check_class(vm: &mut Vm, cls: &Value, msg: &str) -> PyResult<()> {
    match abstract_bases(vm, cls)? {
        Some(_) => Ok(()),
        None => Err(vm.type_error(msg)),
    }
}

/// `type.__instancecheck__`: the type's own test, also honouring a
/// `__class__` that differs from the real type (proxies).
pub fn real_isinstance(vm: &mut Vm, inst: &Value, cls: &Value) -> PyResult<bool> {
    if let Some(t) = cls.downcast_ref::<TypeObject>() {
        if type_of(inst).is_subtype(t) {
            return Ok(true);
        }
        let Some(icls) = vm.lookup_attr(inst, &vm.intern("__class__"))? else {
            return Ok(false);
        };
        if icls.is(&type_of(inst).as_value()) {
            return Ok(false);
        }
        return Ok(icls.downcast_ref::<TypeObject>().is_some_and(|ic| ic.is_subtype(t)));
    }
    check_class(vm, cls, "isinstance() arg 2 must be a type, a tuple of types, or a union")?;
    match vm.lookup_attr(inst, &vm.intern("__class__"))? {
        Some(icls) => abstract_issubclass(vm, &icls, cls),
        None => Ok(false),
    }
}

/// `type.__subclasscheck__`.
pub fn real_issubclass(vm: &mut Vm, derived: &Value, cls: &Value) -> PyResult<bool> {
    if let (Some(d), Some(c)) = (derived.downcast_ref::<TypeObject>(), cls.downcast_ref::<TypeObject>()) {
        return Ok(d.is_subtype(c));
    }
    check_class(vm, derived, "issubclass() arg 1 must be a class")?;
    // (Unions never get here: their own __subclasscheck__ answers.)
    check_class(vm, cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union")?;
    abstract_issubclass(vm, derived, cls)
}

/// `isinstance(obj, cls)` with `__instancecheck__` and tuples.
pub fn isinstance(vm: &mut Vm, obj: &Value, cls: &Value) -> PyResult<bool> {
    if type_of(obj).as_value().is(cls) {
        return Ok(true);
    }
    if is_exact(cls, &TYPE_TYPE) {
        return real_isinstance(vm, obj, cls);
    }
    if let Some(tup) = cls.downcast_ref::<TupleObject>() {
        let items = tup.items().to_vec();
        vm.enter_recursion(" in __instancecheck__")?;
        let mut r = Ok(false);
        for c in &items {
            r = isinstance(vm, obj, c);
            if !matches!(r, Ok(false)) {
                break;
            }
        }
        vm.leave_recursion();
        return r;
    }
    if let Some(check) = type_of(cls).lookup_str(vm, "__instancecheck__") {
        vm.enter_recursion(" in __instancecheck__")?;
        let r = vm.call_unbound(&check, cls, std::slice::from_ref(obj));
        vm.leave_recursion();
        return vm.is_true(&r?);
    }
    real_isinstance(vm, obj, cls)
}

pub(crate) fn isinstance_builtin(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "isinstance", kw)?;
    let [obj, cls] = ArgSpec::exact::<2>(vm, "isinstance", args, 0)?;
    Ok(Value::bool(isinstance(vm, &obj, &cls)?))
}

/// `issubclass(sub, cls)` with `__subclasscheck__` and tuples.
pub fn issubclass(vm: &mut Vm, sub: &Value, cls: &Value) -> PyResult<bool> {
    if is_exact(cls, &TYPE_TYPE) {
        if sub.is(cls) {
            return Ok(true);
        }
        return real_issubclass(vm, sub, cls);
    }
    if let Some(tup) = cls.downcast_ref::<TupleObject>() {
        let items = tup.items().to_vec();
        vm.enter_recursion(" in __subclasscheck__")?;
        let mut r = Ok(false);
        for c in &items {
            r = issubclass(vm, sub, c);
            if !matches!(r, Ok(false)) {
                break;
            }
        }
        vm.leave_recursion();
        return r;
    }
    if let Some(check) = type_of(cls).lookup_str(vm, "__subclasscheck__") {
        vm.enter_recursion(" in __subclasscheck__")?;
        let r = vm.call_unbound(&check, cls, std::slice::from_ref(sub));
        vm.leave_recursion();
        return vm.is_true(&r?);
    }
    real_issubclass(vm, sub, cls)
}

fn issubclass_builtin(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "issubclass", kw)?;
    let [sub, cls] = ArgSpec::exact::<2>(vm, "issubclass", args, 0)?;
    Ok(Value::bool(issubclass(vm, &sub, &cls)?))
}

fn hash(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "hash", kw)?;
    let [x] = ArgSpec::exact::<1>(vm, "hash", args, 0)?;
    Ok(Value::int(vm.hash(&x)?))
}

fn id(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "id", kw)?;
    let [x] = ArgSpec::exact::<1>(vm, "id", args, 0)?;
    let a = x.as_ptr().map_or(x.bits(), |p| p.as_ptr() as u64);
    Ok(crate::objects::int::int_from_u64(a))
}

fn abs(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "abs", kw)?;
    let [x] = ArgSpec::exact::<1>(vm, "abs", args, 0)?;
    if let Some(i) = x.as_small_int() {
        return Ok(Value::int(i.abs()));
    }
    match type_of(&x).slots().abs {
        Some(f) => f(vm, &x),
        None => {
            let msg = format!("bad operand type for abs(): '{}'", vm.type_name(&x));
            Err(vm.type_error(msg))
        }
    }
}

fn minmax(vm: &mut Vm, args: &[Value], kwnames: KwNames, name: &str, op: CompareOp) -> PyResult<Value> {
    let (pos, kw) = split_kwargs(args, kwnames);
    if pos.is_empty() {
        return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    // Keywords are parsed as "|$OO:min": the count is checked before the names.
    if kw.len() > 2 {
        return Err(vm.type_error(format!("{name}() takes at most 2 keyword arguments ({} given)", kw.len())));
    }
    let mut key: Option<Value> = None;
    let mut default: Option<Value> = None;
    for (k, v) in kw {
        match display_lossy(k).as_str() {
            "key" => key = Some(v.clone()).filter(|k| !k.is_none()),
            "default" => default = Some(v.clone()),
            other => return Err(vm.type_error(format!("'{other}' is an invalid keyword argument for {name}()"))),
        }
    }
    let items = match pos.len() {
        0 => return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => vm.collect(&pos[0])?,
        _ => {
            if default.is_some() {
                return Err(vm.type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            pos.to_vec()
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for it in items {
        let k = match &key {
            Some(f) => vm.call1(f, it.clone())?,
            None => it.clone(),
        };
        best = match best {
            None => Some((k, it)),
            Some((bk, bv)) => {
                if vm.compare_bool(&k, &bk, op)? {
                    Some((k, it))
                } else {
                    Some((bk, bv))
                }
            }
        };
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(format!("{name}() arg is an empty sequence"))),
        },
    }
}

fn min(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    minmax(vm, args, kw, "min", CompareOp::Lt)
}

fn max(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    minmax(vm, args, kw, "max", CompareOp::Gt)
}

fn sum(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "sum", args, kwnames, &["iterable", "start"], 2, 1)?;
    let iterable = a[0].clone().unwrap_or_else(none);
    let start = a[1].clone().unwrap_or_else(|| Value::int(0));
    if start.downcast_ref::<StrObject>().is_some() {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if start.downcast_ref::<crate::objects::bytes::BytesObject>().is_some() {
        return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
    }
    if start.downcast_ref::<crate::objects::bytearray::ByteArrayObject>().is_some() {
        return Err(vm.type_error("sum() can't sum bytearray [use b''.join(seq) instead]"));
    }
    let it = vm.iter(&iterable)?;
    let mut acc = start;
    while let Some(x) = vm.next(&it)? {
        acc = match (acc.as_small_int(), x.as_small_int()) {
            (Some(p), Some(q)) => Value::int(p + q),
            _ => match (acc.as_float(), x.as_float()) {
                (Some(p), Some(q)) => Value::float(p + q),
                _ => vm.binary_op(nb::ADD, &acc, &x)?,
            },
        };
    }
    Ok(acc)
}

fn sorted(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let (pos, kw) = split_kwargs(args, kwnames);
    if pos.len() != 1 {
        let msg = format!("sorted expected 1 argument, got {}", pos.len());
        return Err(vm.type_error(msg));
    }
    let items = vm.collect_sized(&pos[0])?;
    let l = new_list(items);
    let mut margs = vec![l.clone()];
    let mut names = Vec::new();
    for (k, v) in kw {
        names.push(k.clone());
        margs.push(v.clone());
    }
    let kwt = if names.is_empty() { None } else { Some(new_tuple(names)) };
    crate::types::seq::list_sort(vm, &margs, kwt.as_ref())?;
    Ok(l)
}

fn callable(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "callable", kw)?;
    let [x] = ArgSpec::exact::<1>(vm, "callable", args, 0)?;
    Ok(Value::bool(type_of(&x).slots().call.is_some()))
}

fn chr_(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "chr", kw)?;
    let [x] = ArgSpec::exact::<1>(vm, "chr", args, 0)?;
    if as_int(&x).is_none() && type_of(&x).slots().index.is_none() {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(&x));
        return Err(vm.type_error(msg));
    }
    let i = vm.index(&x)?;
    match as_int(&i).and_then(|v| v.to_i64()) {
        Some(c) if (0..=0x10FFFF).contains(&c) => Ok(new_char(c as u32)),
        Some(_) => Err(vm.value_error("chr() arg not in range(0x110000)")),
        None => Err(vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C int")),
    }
}

fn ord(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "ord", kw)?;
    let [x] = ArgSpec::exact::<1>(vm, "ord", args, 0)?;
    if let Some(s) = x.downcast_ref::<StrObject>() {
        if s.len() == 1 {
            return Ok(Value::int(s.get(0) as i64));
        }
        let msg = format!("ord() expected a character, but string of length {} found", s.len());
        return Err(vm.type_error(msg));
    }
    if let Some(b) = x.downcast_ref::<crate::objects::bytes::BytesObject>() {
        if b.len() == 1 {
            return Ok(Value::int(b.data()[0] as i64));
        }
        let msg = format!("ord() expected a character, but string of length {} found", b.len());
        return Err(vm.type_error(msg));
    }
    let msg = format!("ord() expected string of length 1, but {} found", vm.type_name(&x));
    Err(vm.type_error(msg))
}

fn radix(vm: &mut Vm, args: &[Value], kw: KwNames, name: &str, base: u32, prefix: &str) -> PyResult<Value> {
    check_no_kwargs(vm, name, kw)?;
    let [x] = ArgSpec::exact::<1>(vm, name, args, 0)?;
    if let Some(i) = x.as_small_int() {
        let m = i.unsigned_abs();
        let digits = match base {
            16 => format!("{m:x}"),
            8 => format!("{m:o}"),
            _ => format!("{m:b}"),
        };
        let sign = if i < 0 { "-" } else { "" };
        return Ok(new_str(&format!("{sign}{prefix}{digits}")));
    }
    if as_int(&x).is_none() && type_of(&x).slots().index.is_none() {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(&x));
        return Err(vm.type_error(msg));
    }
    let i = vm.index(&x)?;
    let b = as_int(&i).map(|v| v.to_bigint()).unwrap_or_default();
    let neg = b.sign() == num_bigint::Sign::Minus;
    let s = format!(
        "{}{}{}",
        if neg { "-" } else { "" },
        prefix,
        b.magnitude().to_str_radix(base)
    );
    Ok(new_str(&s))
}

fn hex(vm: &mut Vm, a: &[Value], k: KwNames) -> PyResult<Value> {
    radix(vm, a, k, "hex", 16, "0x")
}

fn oct(vm: &mut Vm, a: &[Value], k: KwNames) -> PyResult<Value> {
    radix(vm, a, k, "oct", 8, "0o")
}

fn bin(vm: &mut Vm, a: &[Value], k: KwNames) -> PyResult<Value> {
    radix(vm, a, k, "bin", 2, "0b")
}

fn divmod(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "divmod", kw)?;
    let [a, b] = ArgSpec::exact::<2>(vm, "divmod", args, 0)?;
    // Exact ints and floats need no method lookup.
    let plain = |v: &Value| is_exact(v, &INT_TYPE) || is_exact(v, &FLOAT_TYPE);
    if plain(&a) && plain(&b) {
        let r = if is_exact(&a, &INT_TYPE) && is_exact(&b, &INT_TYPE) {
            crate::types::num::int_divmod_values(vm, &a, &b)?
        } else {
            crate::types::num::float_divmod_values(vm, &a, &b)?
        };
        if !r.is_not_implemented() {
            return Ok(r);
        }
    }
    // CPython's binary_op1: the right operand goes first when its type is a
    // subclass of the left's that overrides the reflected method.
    let (ta, tb) = (type_of(&a), type_of(&b));
    let distinct = !std::ptr::eq(ta, tb);
    let right_first = distinct && tb.is_subtype(ta) && {
        let mine = tb.lookup_str(vm, "__rdivmod__");
        let theirs = ta.lookup_str(vm, "__rdivmod__");
        match (mine, theirs) {
            (Some(m), Some(t)) => !m.is(&t),
            (m, _) => m.is_some(),
        }
    };
    if right_first {
        if let Some(r) = vm.call_special(&b, "__rdivmod__", std::slice::from_ref(&a))? {
            if !r.is_not_implemented() {
                return Ok(r);
            }
        }
    }
    if let Some(r) = vm.call_special(&a, "__divmod__", std::slice::from_ref(&b))? {
        if !r.is_not_implemented() {
            return Ok(r);
        }
    }
    if distinct && !right_first {
        if let Some(r) = vm.call_special(&b, "__rdivmod__", std::slice::from_ref(&a))? {
            if !r.is_not_implemented() {
                return Ok(r);
            }
        }
    }
    let msg = format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        vm.type_name(&a),
        vm.type_name(&b)
    );
    Err(vm.type_error(msg))
}

fn pow(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "pow", args, kwnames, &["base", "exp", "mod"], 3, 2)?;
    let base = a[0].clone().unwrap_or_else(none);
    let exp = a[1].clone().unwrap_or_else(none);
    match a[2].clone().filter(|m| !m.is_none()) {
        None => vm.binary_op(nb::POWER, &base, &exp),
        Some(m) => {
            use crate::objects::complex::as_complex;
            if as_complex(&base).is_some() || as_complex(&exp).is_some() {
                return Err(vm.value_error("complex modulo"));
            }
            let (Some(b), Some(e), Some(md)) = (as_int(&base), as_int(&exp), as_int(&m)) else {
                return ternary_pow_fallback(vm, &base, &exp, &m);
            };
            if md.is_zero() {
                return Err(vm.value_error("pow() 3rd argument cannot be 0"));
            }
            let mut bb = b.to_bigint();
            let mut eb = e.to_bigint();
            let mb = md.to_bigint();
            use num_traits::Signed;
            if eb.is_negative() {
                // Modular inverse.
                let inv = mod_inverse(&bb, &mb.abs());
                let Some(inv) = inv else {
                    return Err(vm.value_error("base is not invertible for the given modulus"));
                };
                bb = inv;
                eb = -eb;
            }
            let mabs = mb.abs();
            let mut r = bb.modpow(&eb, &mabs);
            use num_traits::Zero;
            if mb.is_negative() && !r.is_zero() {
                r -= &mabs;
            }
            if !mb.is_negative() && r.is_negative() {
                r += &mabs;
            }
            Ok(int_from_big(r))
        }
    }
}

/// Three-argument pow() when not all operands are ints (CPython's
/// ternary_op): a class's own `__pow__(exp, mod)` is called; float refuses a
/// modulus; anything else is an unsupported operand.
fn ternary_pow_fallback(vm: &mut Vm, base: &Value, exp: &Value, m: &Value) -> PyResult<Value> {
    let numeric = |v: &Value| as_int(v).is_some() || crate::objects::float::as_float(v).is_some();
    let base_type = type_of(base);
    if base_type.is_heap_type() {
        if let Some(f) = base_type.lookup_str(vm, "__pow__") {
            let r = vm.call_unbound(&f, base, &[exp.clone(), m.clone()])?;
            if !r.is_not_implemented() {
                return Ok(r);
            }
        }
    }
    let is_float = |v: &Value| crate::objects::float::as_float(v).is_some() && as_int(v).is_none();
    // float's pow slot is tried for the modulus too (ternary_op tries all three).
    if (is_float(base) || is_float(exp) || is_float(m)) && numeric(base) && numeric(exp) {
        return Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"));
    }
    let msg = format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        vm.type_name(base),
        vm.type_name(exp),
        vm.type_name(m)
    );
    Err(vm.type_error(msg))
}

fn mod_inverse(a: &num_bigint::BigInt, m: &num_bigint::BigInt) -> Option<num_bigint::BigInt> {
    use num_integer::Integer;
    use num_traits::{One, Zero};
    let e = a.mod_floor(m).extended_gcd(m);
    if !e.gcd.is_one() {
        return None;
    }
    let _ = num_bigint::BigInt::zero();
    Some(e.x.mod_floor(m))
}

fn round(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "round", args, kwnames, &["number", "ndigits"], 2, 1)?;
    let number = a[0].clone().unwrap_or_else(none);
    let t = type_of(&number);
    let Some(r) = t.lookup_str(vm, "__round__") else {
        let msg = format!("type {} doesn't define __round__ method", t.name_string());
        return Err(vm.type_error(msg));
    };
    match a[1].clone().filter(|n| !n.is_none()) {
        None => vm.call_unbound(&r, &number, &[]),
        Some(n) => vm.call_unbound(&r, &number, &[n]),
    }
}

fn any(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "any", kw)?;
    let [x] = ArgSpec::exact::<1>(vm, "any", args, 0)?;
    let it = vm.iter(&x)?;
    while let Some(v) = vm.next(&it)? {
        if vm.is_true(&v)? {
            return Ok(Value::bool(true));
        }
    }
    Ok(Value::bool(false))
}

fn all(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "all", kw)?;
    let [x] = ArgSpec::exact::<1>(vm, "all", args, 0)?;
    let it = vm.iter(&x)?;
    while let Some(v) = vm.next(&it)? {
        if !vm.is_true(&v)? {
            return Ok(Value::bool(false));
        }
    }
    Ok(Value::bool(true))
}

fn iter(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "iter", kw)?;
    ArgSpec::range(vm, "iter", args, 0, 1, 2)?;
    if args.len() == 2 {
        if type_of(&args[0]).slots().call.is_none() {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        return Ok(NativeIter::new(
            &CALLABLE_ITER_TYPE,
            args[0].clone(),
            args[1].clone(),
            Vec::new(),
            0,
        ));
    }
    vm.iter(&args[0])
}

fn next(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "next", kw)?;
    ArgSpec::range(vm, "next", args, 0, 1, 2)?;
    let it = &args[0];
    if type_of(it).slots().iternext.is_none() {
        let msg = format!("'{}' object is not an iterator", vm.type_name(it));
        return Err(vm.type_error(msg));
    }
    // A generator's return value travels in StopIteration.value, which the
    // iteration slot (Ok(None) when exhausted) cannot carry.
    if crate::objects::generator::is_generator(it) && args.len() == 1 {
        return match vm.gen_send(it, none(), None)? {
            crate::objects::generator::GenResult::Yield(v) => Ok(v),
            crate::objects::generator::GenResult::Return(v) if v.is_none() => {
                Err(vm.new_error_noargs(ExcKind::StopIteration))
            }
            crate::objects::generator::GenResult::Return(v) => {
                Err(crate::objects::generator::stop_iteration_with(vm, v))
            }
        };
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.new_error_noargs(ExcKind::StopIteration)),
        },
    }
}

fn attr_name(vm: &mut Vm, name: &Value, fname: &str) -> PyResult<Value> {
    if name.downcast_ref::<StrObject>().is_none() {
        let msg = if fname == "getattr" || fname == "hasattr" || fname == "setattr" || fname == "delattr" {
            format!("attribute name must be string, not '{}'", vm.type_name(name))
        } else {
            format!("{fname}(): attribute name must be string")
        };
        return Err(vm.type_error(msg));
    }
    Ok(crate::objects::str::intern_value(name))
}

fn getattr(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "getattr", kw)?;
    ArgSpec::range(vm, "getattr", args, 0, 2, 3)?;
    let name = attr_name(vm, &args[1], "getattr")?;
    match args.get(2) {
        None => vm.getattr(&args[0], &name),
        Some(d) => Ok(vm.lookup_attr(&args[0], &name)?.unwrap_or_else(|| d.clone())),
    }
}

fn setattr(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "setattr", kw)?;
    let [o, n, v] = ArgSpec::exact::<3>(vm, "setattr", args, 0)?;
    let name = attr_name(vm, &n, "setattr")?;
    vm.setattr(&o, &name, v)?;
    Ok(none())
}

fn delattr(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "delattr", kw)?;
    let [o, n] = ArgSpec::exact::<2>(vm, "delattr", args, 0)?;
    let name = attr_name(vm, &n, "delattr")?;
    vm.delattr(&o, &name)?;
    Ok(none())
}

fn hasattr(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "hasattr", kw)?;
    let [o, n] = ArgSpec::exact::<2>(vm, "hasattr", args, 0)?;
    let name = attr_name(vm, &n, "hasattr")?;
    Ok(Value::bool(vm.lookup_attr(&o, &name)?.is_some()))
}

/// The current Python frame's locals: a module or class body's mapping, or
/// a function frame's `f_locals` dict (the same dict each time, refreshed).
pub fn frame_locals(vm: &mut Vm) -> Value {
    vm.current_frame_locals()
}

fn locals(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "locals", kw)?;
    ArgSpec::range(vm, "locals", args, 0, 0, 0)?;
    Ok(frame_locals(vm))
}

fn globals(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "globals", kw)?;
    ArgSpec::range(vm, "globals", args, 0, 0, 0)?;
    Ok(vm
        .frames
        .last()
        .map(|f| f.globals_value())
        .unwrap_or_else(DictObject::new_value))
}

fn vars(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "vars", kw)?;
    ArgSpec::range(vm, "vars", args, 0, 0, 1)?;
    match args.first() {
        None => Ok(frame_locals(vm)),
        Some(o) => match vm.lookup_attr(o, &vm.intern("__dict__"))? {
            Some(d) => Ok(d),
            None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
        },
    }
}

fn dir(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "dir", kw)?;
    ArgSpec::range(vm, "dir", args, 0, 0, 1)?;
    let names = match args.first() {
        None => {
            // PyMapping_Keys: a non-dict locals mapping (exec's) is asked for keys().
            let l = frame_locals(vm);
            if l.downcast_ref::<DictObject>().is_some() {
                vm.collect(&l)?
            } else {
                let keys = vm.call_method(&l, "keys", &[])?;
                vm.collect(&keys)?
            }
        }
        // `type(o).__dir__(o)`: object's, type's and module's own, or the class's.
        Some(o) => match vm.call_special(o, "__dir__", &[])? {
            Some(r) => vm.collect(&r)?,
            None => return Err(vm.type_error("object does not provide __dir__")),
        },
    };
    let l = new_list(names);
    crate::types::seq::list_sort(vm, &[l.clone()], None)?;
    Ok(l)
}

fn exit(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "exit", kw)?;
    let e = vm.call(&exc_type_value(ExcKind::SystemExit), args, None)?;
    Err(PyErr::new(e))
}

/// `sys.<name>` as it is now (None when sys or the attribute is gone).
fn sys_stream(vm: &mut Vm, name: &str) -> Option<Value> {
    let sys = vm.modules.downcast_ref::<DictObject>().and_then(|m| m.get_str_key("sys"))?;
    sys.downcast_ref::<ModuleObject>().and_then(|m| m.dict().get_str_key(name))
}

fn input(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "input", kw)?;
    ArgSpec::range(vm, "input", args, 0, 0, 1)?;
    let stdin = sys_stream(vm, "stdin").filter(|v| !v.is_none());
    let Some(stdin) = stdin else {
        return Err(vm.new_error(ExcKind::RuntimeError, "input(): lost sys.stdin"));
    };
    let stdout = sys_stream(vm, "stdout").filter(|v| !v.is_none());
    let Some(stdout) = stdout else {
        return Err(vm.new_error(ExcKind::RuntimeError, "input(): lost sys.stdout"));
    };
    if let Some(err) = sys_stream(vm, "stderr").filter(|v| !v.is_none()) {
        let _ = vm.call_method(&err, "flush", &[]);
    }
    if let Some(p) = args.first() {
        let s = vm.str(p)?;
        vm.call_method(&stdout, "write", &[s])?;
    }
    vm.call_method(&stdout, "flush", &[])?;
    let line = vm.call_method(&stdin, "readline", &[])?;
    let Some(l) = line.downcast_ref::<StrObject>() else {
        return Err(vm.type_error("object.readline() returned non-string"));
    };
    if l.is_empty() {
        return Err(vm.new_error(ExcKind::EOFError, "EOF when reading a line"));
    }
    let n = l.len();
    if l.get(n - 1) == b'\n' as u32 {
        return Ok(crate::objects::str::substring(l, 0, n - 1));
    }
    Ok(line.clone())
}

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
fn build_class(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let (pos, kw) = split_kwargs(args, kwnames);
    if pos.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let func = pos[0].clone();
    let Some(f) = func.downcast_ref::<FunctionObject>() else {
        return Err(vm.type_error("__build_class__: func must be a function"));
    };
    let name = pos[1].clone();
    if name.downcast_ref::<StrObject>().is_none() {
        return Err(vm.type_error("__build_class__: name is not a string"));
    }
    let orig_bases: Vec<Value> = pos[2..].to_vec();
    // PEP 560: non-type bases may supply replacements.
    let mut bases: Vec<Value> = Vec::with_capacity(orig_bases.len());
    let mut changed = false;
    for b in &orig_bases {
        if b.downcast_ref::<TypeObject>().is_some() {
            bases.push(b.clone());
            continue;
        }
        match vm.lookup_attr(b, &vm.intern("__mro_entries__"))? {
            Some(me) => {
                let r = vm.call1(&me, new_tuple(orig_bases.clone()))?;
                let Some(t) = r.downcast_ref::<TupleObject>() else {
                    return Err(vm.type_error("__mro_entries__ must return a tuple"));
                };
                bases.extend(t.items().iter().cloned());
                changed = true;
            }
            None => bases.push(b.clone()),
        }
    }
    let mut meta: Option<Value> = None;
    let mut rest: Vec<(Value, Value)> = Vec::new();
    for (k, v) in kw {
        if display_lossy(k) == "metaclass" {
            meta = Some(v.clone());
        } else {
            rest.push((k.clone(), v.clone()));
        }
    }
    let is_class = meta.as_ref().is_none_or(|m| m.downcast_ref::<TypeObject>().is_some());
    let meta = match meta {
        Some(m) => m,
        None => match bases.first() {
            Some(b) => type_of(b).as_value(),
            None => TYPE_TYPE.get().as_value(),
        },
    };
    let meta = if is_class {
        crate::types::object_ty::calculate_metaclass(vm, &meta, &bases)?
    } else {
        meta
    };
    let bases_t = new_tuple(bases.clone());
    let (kwvals, kwnames_v): (Vec<Value>, Vec<Value>) = rest.iter().map(|(k, v)| (v.clone(), k.clone())).unzip();
    let kwt = if kwnames_v.is_empty() {
        None
    } else {
        Some(new_tuple(kwnames_v.clone()))
    };
    let ns = match vm.lookup_attr(&meta, &vm.intern("__prepare__"))? {
        Some(prep) => {
            let mut a = vec![name.clone(), bases_t.clone()];
            a.extend(kwvals.iter().cloned());
            vm.call(&prep, &a, kwt.as_ref())?
        }
        None => DictObject::new_value(),
    };
    if type_of(&ns).slots().getitem.is_none() {
        let mn = meta
            .downcast_ref::<TypeObject>()
            .map(|t| t.name_string())
            .unwrap_or_else(|| "<metaclass>".into());
        let msg = format!("{}.__prepare__() must return a mapping, not {}", mn, vm.type_name(&ns));
        return Err(vm.type_error(msg));
    }
    let code = f.code_value();
    let cell = vm.run_code_with_locals(code, f.globals.clone(), f.builtins.clone(), ns.clone(), func.clone())?;
    if changed {
        vm.setitem(&ns, &vm.intern("__orig_bases__"), new_tuple(orig_bases))?;
    }
    let mut a = vec![name, bases_t, ns];
    a.extend(kwvals);
    let cls = vm.call(&meta, &a, kwt.as_ref())?;
    // The class body's `__class__` cell must hold the new class: a
    // metaclass that did not pass `__classcell__` on left it empty.
    if let Some(c) = cell.downcast_ref::<CellObject>() {
        if cls.downcast_ref::<TypeObject>().is_some() {
            match c.get() {
                Some(v) if v.is(&cls) => {}
                Some(v) => {
                    let msg = format!(
                        "__class__ set to {} defining {} as {}",
                        vm.repr_string(&v)?,
                        vm.repr_string(&pos[1])?,
                        vm.repr_string(&cls)?
                    );
                    return Err(vm.type_error(msg));
                }
                None => {
                    let msg = format!(
                        "__class__ not set defining {} as {}. Was __classcell__ propagated to type.__new__?",
                        vm.repr_string(&pos[1])?,
                        vm.repr_string(&cls)?
                    );
                    return Err(vm.new_error(ExcKind::RuntimeError, msg));
                }
            }
        }
    }
    Ok(cls)
}

fn import(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    crate::import::builtin_import(vm, args, kwnames)
}

/// `warnings.warn(msg, category, stacklevel)` from native code (stack level
/// 1 is the Python code that called the native function).
pub(crate) fn warn(vm: &mut Vm, category: ExcKind, msg: &str, stacklevel: i64) -> PyResult<()> {
    let module = vm.import_absolute("warnings")?;
    let f = vm.getattr_str(&module, "warn")?;
    vm.call(&f, &[new_str(msg), exc_type_value(category), Value::int(stacklevel)], None)?;
    Ok(())
}

/// `breakpoint(*args, **kws)`: calls `sys.breakpointhook`.
fn breakpoint(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let Some(hook) = crate::sysmodule::sys_attr(vm, "breakpointhook") else {
        return Err(vm.new_error(ExcKind::RuntimeError, "lost sys.breakpointhook"));
    };
    vm.call(&hook, args, kw)
}

/// `sys.breakpointhook(*args, **kws)`: the callable named by
/// $PYTHONBREAKPOINT (default `pdb.set_trace`; "0" disables), called with
/// the arguments; an unimportable name is a RuntimeWarning.
pub(crate) fn sys_breakpointhook(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let env = std::env::var("PYTHONBREAKPOINT").unwrap_or_default();
    let hookname = if env.is_empty() { "pdb.set_trace" } else { env.as_str() };
    if hookname == "0" {
        return Ok(none());
    }
    let (modulepath, attrname) = match hookname.rsplit_once('.') {
        Some((m, a)) => (m, a),
        None => ("builtins", hookname),
    };
    // A leading dot names no importable module.
    let importable = !modulepath.is_empty() && !modulepath.starts_with('.');
    let imported = if importable {
        vm.import_absolute(modulepath)
    } else {
        Err(vm.new_error(ExcKind::ImportError, "relative name"))
    };
    let hook = match imported {
        Ok(module) => match vm.getattr_str(&module, attrname) {
            Ok(h) => Some(h),
            Err(e) if e.is_instance(ExcKind::AttributeError) => None,
            Err(e) => return Err(e),
        },
        Err(e) if e.is_instance(ExcKind::ImportError) => None,
        Err(e) => return Err(e),
    };
    match hook {
        Some(h) => vm.call(&h, args, kw),
        None => {
            let msg = format!("Ignoring unimportable $PYTHONBREAKPOINT: \"{env}\"");
            warn(vm, ExcKind::RuntimeWarning, &msg, 1)?;
            Ok(none())
        }
    }
}

/// A builtin looked up by name when needed, as `_PyEval_GetBuiltin` does:
/// iterators' `__reduce__` name `builtins.iter` (an ordinary dict lookup,
/// which may run a key's `__eq__`). AttributeError when it is gone.
pub(crate) fn get_builtin(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let key = vm.intern(name);
    let builtins = vm.builtins_dict.clone();
    let found = match builtins.downcast_ref::<DictObject>() {
        Some(d) => d.get_item(vm, &key)?,
        None => None,
    };
    match found {
        Some(v) => Ok(v),
        None => Err(vm.new_error(ExcKind::AttributeError, name)),
    }
}

pub(crate) static ENUMERATE_TYPE: StaticType = StaticType::new();
pub(crate) static ZIP_TYPE: StaticType = StaticType::new();
pub(crate) static MAP_TYPE: StaticType = StaticType::new();
pub(crate) static FILTER_TYPE: StaticType = StaticType::new();
pub(crate) static REVERSED_TYPE: StaticType = StaticType::new();
pub(crate) static CALLABLE_ITER_TYPE: StaticType = StaticType::new();
/// `list.__reversed__()`: the reversed iterator, named and pickled as CPython's.
pub(crate) static LIST_REVITER_TYPE: StaticType = StaticType::new();

pub(crate) fn new_list_reverse_iter(list: Value, len: usize) -> Value {
    NativeIter::new(&LIST_REVITER_TYPE, list, Value::NULL, Vec::new(), len as i64)
}

fn list_reviter_reduce(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "list_reverseiterator.__reduce__", args, kw)?;
    let it = native_iter_of(args);
    let seq = it.map_or(Value::NULL, |it| it.a());
    if let (Some(it), false) = (it, seq.is_null()) {
        let reversed = get_builtin(vm, "reversed")?;
        return Ok(new_tuple(vec![reversed, new_tuple(vec![seq]), Value::int(it.n.get() - 1)]));
    }
    let iter = get_builtin(vm, "iter")?;
    Ok(new_tuple(vec![iter, new_tuple(vec![new_list(Vec::new())])]))
}

fn enumerate_new(vm: &mut Vm, _cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "enumerate", args, kwnames, &["iterable", "start"], 2, 1)?;
    let it = vm.iter(a[0].as_ref().unwrap_or(&none()))?;
    let start = match &a[1] {
        Some(s) => {
            if as_int(s).is_none() {
                let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(s));
                return Err(vm.type_error(msg));
            }
            vm.index_i64(s)?
        }
        None => 0,
    };
    Ok(NativeIter::new(&ENUMERATE_TYPE, it, Value::NULL, Vec::new(), start))
}

fn enumerate_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let Some(n) = it.downcast_ref::<NativeIter>() else {
        return Ok(None);
    };
    let inner = n.a();
    match vm.next(&inner)? {
        Some(v) => {
            let i = n.n.get();
            n.n.set(i + 1);
            Ok(Some(new_tuple(vec![Value::int(i), v])))
        }
        None => Ok(None),
    }
}

fn zip_new(vm: &mut Vm, _cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let (pos, kw) = split_kwargs(args, kwnames);
    let mut strict = false;
    for (k, v) in kw {
        if display_lossy(k) == "strict" {
            strict = vm.is_true(v)?;
        } else {
            return Err(vm.type_error(format!(
                "'{}' is an invalid keyword argument for zip()",
                display_lossy(k)
            )));
        }
    }
    let mut iters = Vec::with_capacity(pos.len());
    for p in pos {
        iters.push(vm.iter(p)?);
    }
    Ok(NativeIter::new(
        &ZIP_TYPE,
        Value::NULL,
        Value::NULL,
        iters,
        i64::from(strict),
    ))
}

fn zip_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let Some(z) = it.downcast_ref::<NativeIter>() else {
        return Ok(None);
    };
    let iters = z.items.to_vec();
    if iters.is_empty() {
        return Ok(None);
    }
    let strict = z.n.get() != 0;
    let mut out = Vec::with_capacity(iters.len());
    for (i, inner) in iters.iter().enumerate() {
        match vm.next(inner)? {
            Some(v) => out.push(v),
            None => {
                if strict {
                    if i > 0 {
                        let plural = if i == 1 { " " } else { "s 1-" };
                        return Err(vm.value_error(format!(
                            "zip() argument {} is shorter than argument{}{}",
                            i + 1,
                            plural,
                            i
                        )));
                    }
                    for (j, other) in iters.iter().enumerate().skip(1) {
                        if vm.next(other)?.is_some() {
                            let plural = if j == 1 { " " } else { "s 1-" };
                            return Err(vm.value_error(format!(
                                "zip() argument {} is longer than argument{}{}",
                                j + 1,
                                plural,
                                j
                            )));
                        }
                    }
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(new_tuple(out)))
}

fn map_new(vm: &mut Vm, _cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "map", kwnames)?;
    if args.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::with_capacity(args.len() - 1);
    for p in &args[1..] {
        iters.push(vm.iter(p)?);
    }
    Ok(NativeIter::new(&MAP_TYPE, args[0].clone(), Value::NULL, iters, 0))
}

fn map_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let Some(m) = it.downcast_ref::<NativeIter>() else {
        return Ok(None);
    };
    let f = m.a();
    let iters = m.items.to_vec();
    let mut vals = Vec::with_capacity(iters.len());
    for inner in &iters {
        match vm.next(inner)? {
            Some(v) => vals.push(v),
            None => return Ok(None),
        }
    }
    vm.call(&f, &vals, None).map(Some)
}

fn filter_new(vm: &mut Vm, _cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "filter", kwnames)?;
    let [f, seq] = ArgSpec::exact::<2>(vm, "filter", args, 0)?;
    let it = vm.iter(&seq)?;
    Ok(NativeIter::new(&FILTER_TYPE, f, it, Vec::new(), 0))
}

fn filter_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let Some(fl) = it.downcast_ref::<NativeIter>() else {
        return Ok(None);
    };
    let f = fl.a();
    let inner = fl.b.clone();
    while let Some(v) = vm.next(&inner)? {
        let keep = if f.is_none() {
            vm.is_true(&v)?
        } else {
            let r = vm.call1(&f, v.clone())?;
            vm.is_true(&r)?
        };
        if keep {
            return Ok(Some(v));
        }
    }
    Ok(None)
}

fn reversed_new(vm: &mut Vm, _cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "reversed", kwnames)?;
    let [seq] = ArgSpec::exact::<1>(vm, "reversed", args, 0)?;
    if let Some(r) = vm.call_special(&seq, "__reversed__", &[])? {
        return Ok(r);
    }
    let t = type_of(&seq);
    if t.slots().getitem.is_none() || t.slots().len.is_none() || seq.downcast_ref::<DictObject>().is_some() {
        let msg = format!("'{}' object is not reversible", t.name_string());
        return Err(vm.type_error(msg));
    }
    let n = vm.len(&seq)?;
    Ok(NativeIter::new(&REVERSED_TYPE, seq, Value::NULL, Vec::new(), n as i64))
}

fn reversed_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let Some(r) = it.downcast_ref::<NativeIter>() else {
        return Ok(None);
    };
    let i = r.n.get();
    let seq = r.a();
    if i <= 0 || seq.is_null() {
        r.release_a();
        return Ok(None);
    }
    r.n.set(i - 1);
    if let Some(l) = seq.downcast_ref::<ListObject>() {
        return Ok(l.get((i - 1) as usize).or_else(|| {
            r.n.set(0);
            r.release_a();
            None
        }));
    }
    match vm.getitem(&seq, &Value::int(i - 1)) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is_instance(ExcKind::IndexError) || e.is_instance(ExcKind::StopIteration) => {
            r.n.set(0);
            r.release_a();
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

// ---- pickling support of the iterator types (CPython's __reduce__ forms) ----

fn native_iter_of<'a>(args: &'a [Value]) -> Option<&'a NativeIter> {
    args.first().and_then(|v| v.downcast_ref::<NativeIter>())
}

fn type_value_of(args: &[Value]) -> Value {
    args.first().map_or_else(none, |v| type_of(v).as_value())
}

fn enumerate_reduce(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "enumerate.__reduce__", args, kw)?;
    let Some(it) = native_iter_of(args) else { return Ok(none()) };
    Ok(new_tuple(vec![type_value_of(args), new_tuple(vec![it.a(), Value::int(it.n.get())])]))
}

fn zip_reduce(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "zip.__reduce__", args, kw)?;
    let Some(it) = native_iter_of(args) else { return Ok(none()) };
    let mut out = vec![type_value_of(args), new_tuple(it.items.to_vec())];
    if it.n.get() != 0 {
        out.push(Value::bool(true));
    }
    Ok(new_tuple(out))
}

fn zip_setstate(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "__setstate__", kw)?;
    let [z, state] = ArgSpec::exact::<2>(vm, "__setstate__", args, 1)?;
    let strict = vm.is_true(&state)?;
    if let Some(it) = z.downcast_ref::<NativeIter>() {
        it.n.set(i64::from(strict));
    }
    Ok(none())
}

fn map_reduce(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "map.__reduce__", args, kw)?;
    let Some(it) = native_iter_of(args) else { return Ok(none()) };
    let mut call_args = vec![it.a()];
    call_args.extend(it.items.iter().cloned());
    Ok(new_tuple(vec![type_value_of(args), new_tuple(call_args)]))
}

fn filter_reduce(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "filter.__reduce__", args, kw)?;
    let Some(it) = native_iter_of(args) else { return Ok(none()) };
    Ok(new_tuple(vec![type_value_of(args), new_tuple(vec![it.a(), it.b.clone()])]))
}

fn reversed_reduce(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "reversed.__reduce__", args, kw)?;
    let Some(it) = native_iter_of(args) else { return Ok(none()) };
    let seq = it.a();
    if seq.is_null() {
        return Ok(new_tuple(vec![type_value_of(args), new_tuple(vec![new_tuple(Vec::new())])]));
    }
    // `n` counts the items left: the next index is one less.
    Ok(new_tuple(vec![type_value_of(args), new_tuple(vec![seq]), Value::int(it.n.get() - 1)]))
}

fn reversed_setstate(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "__setstate__", kw)?;
    let [r, state] = ArgSpec::exact::<2>(vm, "__setstate__", args, 1)?;
    let index = ssize_arg(vm, &state)?;
    let Some(it) = r.downcast_ref::<NativeIter>() else { return Ok(none()) };
    let seq = it.a();
    if !seq.is_null() {
        // Clipped to the sequence as it is now, as CPython does.
        let n = vm.len(&seq)? as i64;
        it.n.set(index.clamp(-1, n - 1) + 1);
    }
    Ok(none())
}

fn callable_iter_reduce(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "callable_iterator.__reduce__", args, kw)?;
    let iter = get_builtin(vm, "iter")?;
    let Some(it) = native_iter_of(args) else { return Ok(none()) };
    if it.n.get() != 0 {
        return Ok(new_tuple(vec![iter, new_tuple(vec![new_tuple(Vec::new())])]));
    }
    Ok(new_tuple(vec![iter, new_tuple(vec![it.a(), it.b.clone()])]))
}

fn reversed_length_hint(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "reversed.__length_hint__", args, kw)?;
    let Some(it) = native_iter_of(args) else { return Ok(Value::int(0)) };
    let seq = it.a();
    if seq.is_null() {
        return Ok(Value::int(0));
    }
    // Items left; 0 once the sequence shrank below the position.
    let n = it.n.get();
    Ok(Value::int(if (vm.len(&seq)? as i64) < n { 0 } else { n.max(0) }))
}

/// `PyLong_AsSsize_t` of an iterator's `__setstate__` argument.
pub(crate) fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let Some(i) = as_int(v) else {
        return Err(vm.type_error("an integer is required"));
    };
    match i.to_i64() {
        Some(n) => Ok(n),
        None => Err(vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C ssize_t")),
    }
}

fn callable_iter_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let Some(c) = it.downcast_ref::<NativeIter>() else {
        return Ok(None);
    };
    if c.n.get() != 0 {
        return Ok(None);
    }
    let f = c.a();
    let sentinel = c.b.clone();
    let v = match vm.call0(&f) {
        Ok(v) => v,
        Err(e) if e.is_instance(ExcKind::StopIteration) => {
            c.n.set(1);
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    if vm.rich_eq_bool(&v, &sentinel)? {
        c.n.set(1);
        return Ok(None);
    }
    Ok(Some(v))
}

fn self_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

/// Registers the iterator types of this module (called with the other builtin types).
pub(crate) fn init_types() {
    use crate::object::LayoutKind;
    for (st, name, next, new) in [
        (
            &ENUMERATE_TYPE,
            "enumerate",
            enumerate_next as IterNextFn,
            Some(enumerate_new as NewFn),
        ),
        (&ZIP_TYPE, "zip", zip_next, Some(zip_new)),
        (&MAP_TYPE, "map", map_next, Some(map_new)),
        (&FILTER_TYPE, "filter", filter_next, Some(filter_new)),
        (&REVERSED_TYPE, "reversed", reversed_next, Some(reversed_new)),
        (&CALLABLE_ITER_TYPE, "callable_iterator", callable_iter_next, None),
        (&LIST_REVITER_TYPE, "list_reverseiterator", reversed_next, None),
    ] {
        // SAFETY: start-up, once.
        unsafe { st.init(LayoutKind::NativeIter, type_flags::BASETYPE, Some(&OBJECT_TYPE)) };
        crate::typeinit::finish_static(st.get(), name);
        let s = st.get().slots_mut();
        *s = *OBJECT_TYPE.get().slots();
        s.iter = Some(self_iter);
        s.iternext = Some(next);
        s.new = new;
        s.init = None;
        crate::typeinit::add_slot_wrappers(st.get());
    }
    use crate::typeinit::add_method;
    add_method(&ENUMERATE_TYPE, "__reduce__", enumerate_reduce);
    add_method(&ZIP_TYPE, "__reduce__", zip_reduce);
    add_method(&ZIP_TYPE, "__setstate__", zip_setstate);
    add_method(&MAP_TYPE, "__reduce__", map_reduce);
    add_method(&FILTER_TYPE, "__reduce__", filter_reduce);
    add_method(&REVERSED_TYPE, "__reduce__", reversed_reduce);
    add_method(&REVERSED_TYPE, "__setstate__", reversed_setstate);
    add_method(&CALLABLE_ITER_TYPE, "__reduce__", callable_iter_reduce);
    add_method(&LIST_REVITER_TYPE, "__reduce__", list_reviter_reduce);
    add_method(&LIST_REVITER_TYPE, "__setstate__", reversed_setstate);
    add_method(&LIST_REVITER_TYPE, "__length_hint__", reversed_length_hint);
    add_method(&REVERSED_TYPE, "__length_hint__", reversed_length_hint);
}

pub fn make_builtins_module(vm: &mut Vm) -> Value {
    let m = new_module("builtins");
    let Some(d) = m.downcast_ref::<ModuleObject>().map(|m| m.dict_value()) else {
        return m;
    };
    let Some(dict) = d.downcast_ref::<DictObject>() else {
        return m;
    };
    dict.insert_str_key("__doc__", new_str("Built-in functions, exceptions, and other objects.\n\nNoteworthy: None is the `nil' object; Ellipsis represents `...' in slices."));
    let funcs: &[(&'static str, NativeFn)] = &[
        ("print", print),
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("format", format_builtin),
        ("isinstance", isinstance_builtin),
        ("issubclass", issubclass_builtin),
        ("hash", hash),
        ("id", id),
        ("abs", abs),
        ("min", min),
        ("max", max),
        ("sum", sum),
        ("sorted", sorted),
        ("callable", callable),
        ("chr", chr_),
        ("ord", ord),
        ("hex", hex),
        ("oct", oct),
        ("bin", bin),
        ("divmod", divmod),
        ("pow", pow),
        ("round", round),
        ("any", any),
        ("all", all),
        ("iter", iter),
        ("next", next),
        ("aiter", crate::objects::generator::builtin_aiter),
        ("anext", crate::objects::generator::builtin_anext),
        ("getattr", getattr),
        ("setattr", setattr),
        ("delattr", delattr),
        ("hasattr", hasattr),
        ("locals", locals),
        ("globals", globals),
        ("vars", vars),
        ("dir", dir),
        ("input", input),
        ("breakpoint", breakpoint),
        ("open", crate::modules::_io::builtin_open),
        ("__build_class__", build_class),
        ("__import__", import),
        ("compile", compile::compile),
        ("eval", compile::eval),
        ("exec", compile::exec),
    ];
    // METH_O builtins in CPython: their calls count toward the recursion limit.
    const METH_O: &[&str] = &[
        "repr", "abs", "ascii", "callable", "chr", "hash", "hex", "id", "oct", "ord", "bin",
    ];
    for (name, f) in funcs {
        let b = new_builtin_function(name, *f, Some("builtins"));
        if METH_O.contains(name) {
            if let Some(bf) = b.downcast_ref::<crate::objects::descr::BuiltinFunction>() {
                bf.counts_recursion.set(true);
            }
        }
        dict.insert_str_key(name, b);
    }
    // `exit`/`quit` come from site in CPython; scripts can use them.
    dict.insert_str_key("exit", new_builtin_function("exit", exit, Some("builtins")));
    dict.insert_str_key("quit", new_builtin_function("quit", exit, Some("builtins")));
    let types: &[(&str, &'static StaticType)] = &[
        ("object", &OBJECT_TYPE),
        ("type", &TYPE_TYPE),
        ("int", &INT_TYPE),
        ("bool", &BOOL_TYPE),
        ("float", &FLOAT_TYPE),
        ("complex", &COMPLEX_TYPE),
        ("str", &STR_TYPE),
        ("bytes", &BYTES_TYPE),
        ("bytearray", &crate::objects::bytearray::BYTEARRAY_TYPE),
        ("memoryview", &crate::objects::memoryview::MEMORYVIEW_TYPE),
        ("tuple", &TUPLE_TYPE),
        ("list", &LIST_TYPE),
        ("dict", &DICT_TYPE),
        ("set", &SET_TYPE),
        ("frozenset", &FROZENSET_TYPE),
        ("range", &RANGE_TYPE),
        ("slice", &SLICE_TYPE),
        ("super", &SUPER_TYPE),
        ("property", &PROPERTY_TYPE),
        ("staticmethod", &STATICMETHOD_TYPE),
        ("classmethod", &CLASSMETHOD_TYPE),
        ("enumerate", &ENUMERATE_TYPE),
        ("zip", &ZIP_TYPE),
        ("map", &MAP_TYPE),
        ("filter", &FILTER_TYPE),
        ("reversed", &REVERSED_TYPE),
    ];
    for (name, t) in types {
        dict.insert_str_key(name, t.get().as_value());
    }
    for kind in ExcKind::ALL {
        dict.insert_str_key(kind.name(), exc_type_value(*kind));
    }
    dict.insert_str_key("EnvironmentError", exc_type_value(ExcKind::OSError));
    dict.insert_str_key("IOError", exc_type_value(ExcKind::OSError));
    dict.insert_str_key("None", none());
    dict.insert_str_key("Ellipsis", ellipsis());
    dict.insert_str_key("NotImplemented", not_implemented());
    dict.insert_str_key("True", Value::bool(true));
    dict.insert_str_key("False", Value::bool(false));
    dict.insert_str_key("__debug__", Value::bool(crate::config::current().optimize == 0));
    // CPython's insertion order: observable in `builtins.__dict__`, and it
    // breaks NameError suggestion ties ('st' suggests 'set', before 'str').
    const ORDER: &str = "__name__ __doc__ __package__ __loader__ __spec__ __build_class__ __import__ abs all any ascii bin breakpoint callable chr compile delattr dir divmod eval exec format getattr globals hasattr hash hex id input isinstance issubclass iter aiter len locals max min next anext oct ord pow print repr round setattr sorted sum vars None Ellipsis NotImplemented False True bool memoryview bytearray bytes classmethod complex dict enumerate filter float frozenset property int list map object range reversed set slice staticmethod str super tuple type zip __debug__ BaseException BaseExceptionGroup Exception GeneratorExit KeyboardInterrupt SystemExit ArithmeticError AssertionError AttributeError BufferError EOFError ImportError LookupError MemoryError NameError OSError ReferenceError RuntimeError StopAsyncIteration StopIteration SyntaxError SystemError TypeError ValueError Warning FloatingPointError OverflowError ZeroDivisionError BytesWarning DeprecationWarning EncodingWarning FutureWarning ImportWarning PendingDeprecationWarning ResourceWarning RuntimeWarning SyntaxWarning UnicodeWarning UserWarning BlockingIOError ChildProcessError ConnectionError FileExistsError FileNotFoundError InterruptedError IsADirectoryError NotADirectoryError PermissionError ProcessLookupError TimeoutError IndentationError IndexError KeyError ModuleNotFoundError NotImplementedError RecursionError UnboundLocalError UnicodeError BrokenPipeError ConnectionAbortedError ConnectionRefusedError ConnectionResetError TabError UnicodeDecodeError UnicodeEncodeError UnicodeTranslateError ExceptionGroup EnvironmentError IOError open quit exit";
    for name in ORDER.split(' ') {
        let key = vm.intern(name);
        if let Some(v) = dict.del_str(&key) {
            dict.insert_str(&key, v);
        }
    }
    if let Some(mods) = vm.modules.downcast_ref::<DictObject>() {
        mods.insert_str_key("builtins", m.clone());
    }
    let _ = (
        IntView::Small(0),
        ExceptionObject::args as fn(&ExceptionObject) -> Value,
    );
    m
}
