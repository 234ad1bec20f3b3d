//! `_string`: the parsers behind `string.Formatter` (CPython's
//! `formatter_parser` and `formatter_field_name_split`), sharing the
//! `str.format` field grammar of `crate::format`.

use crate::args::{check_no_kwargs, ArgSpec};
use crate::exception::{ExcKind, PyResult};
use crate::format::{split_field_name, FieldAccess, FieldFirst, MarkupIter};
use crate::modules::{init_native_type, ModuleBuilder, NativeType};
use crate::object::LayoutKind;
use crate::objects::native::{new_native, NativeData};
use crate::objects::singletons::none;
use crate::objects::str::{new_str_from_cps, StrObject};
use crate::objects::tuple::new_tuple;
use crate::typeobj::{KwNames, TypeObject, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;
use std::collections::VecDeque;

/// An iterator over precomputed items that raises a ValueError after them
/// when the parse stopped at an error (CPython parses lazily, so the items
/// before the error are seen first).
struct ParsedIter {
    items: RefCell<VecDeque<Result<Value, String>>>,
}

impl NativeData for ParsedIter {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for v in self.items.borrow().iter().flatten() {
            visit(v);
        }
    }

    fn clear(&self) {
        self.items.borrow_mut().clear();
    }
}

static FORMATTER_ITER: NativeType = NativeType::new();
static FIELDNAME_ITER: NativeType = NativeType::new();

fn self_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

fn parsed_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(it) = v.native_ref::<ParsedIter>() else {
        return Ok(None);
    };
    let next = it.items.borrow_mut().pop_front();
    match next {
        Some(Ok(x)) => Ok(Some(x)),
        Some(Err(msg)) => Err(vm.new_error(ExcKind::ValueError, msg)),
        None => Ok(None),
    }
}

fn iter_type(storage: &'static NativeType, name: &'static str) -> &'static TypeObject {
    storage.get_or_init(|st| {
        init_native_type(st, "_string", name, LayoutKind::Native, &OBJECT_TYPE, 0, |s| {
            s.iter = Some(self_iter);
            s.iternext = Some(parsed_next);
        });
    })
}

fn str_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u32>> {
    match v.downcast_ref::<StrObject>() {
        Some(s) => Ok(s.code_points().collect()),
        None => {
            let msg = format!("expected str, got {}", vm.type_name(v));
            Err(vm.type_error(msg))
        }
    }
}

fn opt_str(cps: Option<&[u32]>) -> Value {
    match cps {
        Some(c) => new_str_from_cps(c),
        None => none(),
    }
}

/// `formatter_parser(s)`: (literal, field_name, format_spec, conversion) tuples.
fn formatter_parser(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "formatter_parser", kw)?;
    let [s] = ArgSpec::exact::<1>(vm, "formatter_parser", args, 0)?;
    let cps = str_arg(vm, &s)?;
    // Like CPython's iterator, parsing resumes after an error.
    let mut items = VecDeque::new();
    let mut it = MarkupIter::new(&cps);
    loop {
        match it.next_piece() {
            Ok(Some(p)) => {
                let t = match p.field {
                    Some(f) => new_tuple(vec![
                        new_str_from_cps(&p.literal),
                        new_str_from_cps(&f.name),
                        new_str_from_cps(&f.spec),
                        match f.conversion {
                            Some(c) => new_str_from_cps(&[c]),
                            None => none(),
                        },
                    ]),
                    None => new_tuple(vec![new_str_from_cps(&p.literal), none(), none(), none()]),
                };
                items.push_back(Ok(t));
            }
            Ok(None) => break,
            Err(msg) => items.push_back(Err(msg.to_string())),
        }
    }
    let ty = iter_type(&FORMATTER_ITER, "formatteriterator");
    Ok(new_native(
        ty,
        ParsedIter {
            items: RefCell::new(items),
        },
    ))
}

/// `formatter_field_name_split(name)`: (first, iterator of (is_attr, key)).
fn formatter_field_name_split(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "formatter_field_name_split", kw)?;
    let [s] = ArgSpec::exact::<1>(vm, "formatter_field_name_split", args, 0)?;
    let cps = str_arg(vm, &s)?;
    let (first, rest, err) = split_field_name(vm, &cps)?;
    let first = match first {
        FieldFirst::Index(i) => Value::int(i as i64),
        FieldFirst::Name(n) => opt_str(Some(&n)),
    };
    let mut items: VecDeque<Result<Value, String>> = rest
        .into_iter()
        .map(|a| {
            Ok(match a {
                FieldAccess::Attr(n) => new_tuple(vec![Value::bool(true), new_str_from_cps(&n)]),
                FieldAccess::Index(i) => new_tuple(vec![Value::bool(false), Value::int(i as i64)]),
                FieldAccess::Key(k) => new_tuple(vec![Value::bool(false), new_str_from_cps(&k)]),
            })
        })
        .collect();
    if let Some(e) = err {
        items.push_back(Err(e.to_string()));
    }
    let ty = iter_type(&FIELDNAME_ITER, "fieldnameiterator");
    let it = new_native(
        ty,
        ParsedIter {
            items: RefCell::new(items),
        },
    );
    Ok(new_tuple(vec![first, it]))
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_string");
    m.doc("string helper module");
    m.functions(&[
        ("formatter_parser", formatter_parser),
        ("formatter_field_name_split", formatter_field_name_split),
    ]);
    Ok(m.finish())
}
