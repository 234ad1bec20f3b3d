//! Struct sequences (CPython's `PyStructSequence`): named tuples written in
//! Rust, such as `os.stat_result`, `time.struct_time` and `sys.flags`.
//!
//! An instance is a tuple (of the struct sequence's type) holding the visible
//! fields; fields past `n_sequence_fields` (`st_atime` as a float,
//! `tm_zone`, ...) are not part of the tuple, so they live in the instance's
//! attribute storage. Every field is read through a read-only descriptor.

use crate::args::split_kwargs;
use crate::exception::{ExcKind, PyResult};
use crate::modules::{init_native_type, NativeType};
use crate::object::LayoutKind;
use crate::objects::dict::DictObject;
use crate::objects::native::{new_native, NativeData};
use crate::objects::singletons::none;
use crate::objects::str::{intern, new_str};
use crate::objects::tuple::{new_tuple, new_tuple_typed, TupleObject};
use crate::typeinit::{add_method, set_attr};
use crate::typeobj::{type_flags, type_of, KwNames, StaticType, TypeObject, TUPLE_TYPE};
use crate::value::Value;
use crate::vm::Vm;

/// The shape of a struct sequence type.
pub struct StructSeqDesc {
    /// Module part of the name (`os` for `os.stat_result`).
    pub module: &'static str,
    pub name: &'static str,
    /// Field names; an empty name is an unnamed field (visible only by
    /// index, as `os.stat_result[7]`, the integer atime).
    pub fields: &'static [&'static str],
    /// How many leading fields are in the tuple.
    pub n_visible: usize,
    /// (hidden field, visible field): a hidden field left None at creation
    /// takes the visible one's value (`st_atime` from the integer `[7]`).
    pub copy_missing: &'static [(usize, usize)],
}

/// The read-only descriptor of one field.
struct FieldDescr {
    index: usize,
    name: &'static str,
    /// The struct sequence type's full name, for the repr.
    owner: String,
    hidden: bool,
}

impl NativeData for FieldDescr {}

static FIELD_DESCR_TYPE: NativeType = NativeType::new();

fn field_get(vm: &mut Vm, descr: &Value, obj: Option<&Value>, _owner: &Value) -> PyResult<Value> {
    let Some(f) = descr.native_ref::<FieldDescr>() else {
        return Err(vm.type_error("descriptor expected"));
    };
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(descr.clone());
    };
    if f.hidden {
        return Ok(crate::attr::instance_get(obj, &intern(f.name)).unwrap_or_else(none));
    }
    match obj.downcast_ref::<TupleObject>().and_then(|t| t.get(f.index)) {
        Some(v) => Ok(v.clone()),
        None => {
            let msg = format!(
                "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                f.name,
                f.owner,
                vm.type_name(obj)
            );
            Err(vm.type_error(msg))
        }
    }
}

fn field_set(vm: &mut Vm, _descr: &Value, _obj: &Value, _value: Option<Value>) -> PyResult<()> {
    Err(vm.new_error(ExcKind::AttributeError, "readonly attribute"))
}

fn field_repr(vm: &mut Vm, descr: &Value) -> PyResult<Value> {
    let Some(f) = descr.native_ref::<FieldDescr>() else {
        return Err(vm.type_error("descriptor expected"));
    };
    Ok(new_str(&format!("<member '{}' of '{}' objects>", f.name, f.owner)))
}

fn field_descr_type() -> &'static TypeObject {
    FIELD_DESCR_TYPE.get_or_init(|st| {
        init_native_type(
            st,
            "builtins",
            "member_descriptor",
            LayoutKind::Native,
            &crate::typeobj::OBJECT_TYPE,
            0,
            |s| {
                s.descr_get = Some(field_get);
                s.descr_set = Some(field_set);
                s.repr = Some(field_repr);
                s.new = None;
            },
        );
    })
}

/// The description of a struct sequence type, found by its type object.
/// Types register here when they are built (a handful per process).
static REGISTRY: crate::gil::GilCell<Vec<(usize, &'static StructSeqDesc)>> = crate::gil::GilCell::new(Vec::new());

fn desc_of(t: &TypeObject) -> Option<&'static StructSeqDesc> {
    // SAFETY: GIL held; the borrow ends before returning.
    let reg = unsafe { REGISTRY.get_mut() };
    let mut cur = Some(t);
    // Subclasses of a struct sequence use their base's description.
    while let Some(ty) = cur {
        let key = ty as *const TypeObject as usize;
        if let Some((_, d)) = reg.iter().find(|(k, _)| *k == key) {
            return Some(d);
        }
        cur = ty.base();
    }
    None
}

fn full_name(d: &StructSeqDesc) -> String {
    // A type of module `builtins` is named without it (CPython's tp_name).
    if d.module == "builtins" {
        return d.name.to_string();
    }
    format!("{}.{}", d.module, d.name)
}

/// Builds the type (once per process) from `desc`.
pub fn structseq_type(slot: &'static NativeType, desc: &'static StructSeqDesc) -> &'static TypeObject {
    slot.get_or_init(|st: &'static StaticType| {
        let hidden = desc.fields.len() > desc.n_visible;
        let flags = if hidden { type_flags::HAS_DICT } else { 0 } | type_flags::TUPLE_SUBCLASS;
        let t = init_native_type(st, desc.module, desc.name, LayoutKind::Tuple, &TUPLE_TYPE, flags, |s| {
            s.new = Some(structseq_new);
            s.repr = Some(structseq_repr);
        });
        // SAFETY: GIL held, no other borrow of the registry is live.
        unsafe { REGISTRY.get_mut() }.push((t as *const TypeObject as usize, desc));
        let dtype = field_descr_type();
        let owner = full_name(desc);
        for (i, name) in desc.fields.iter().enumerate() {
            if name.is_empty() {
                continue;
            }
            let d = new_native(
                dtype,
                FieldDescr {
                    index: i,
                    name,
                    owner: owner.clone(),
                    hidden: i >= desc.n_visible,
                },
            );
            set_attr(t, name, d);
        }
        set_attr(t, "n_sequence_fields", Value::int(desc.n_visible as i64));
        set_attr(t, "n_fields", Value::int(desc.fields.len() as i64));
        let unnamed = desc.fields.iter().filter(|f| f.is_empty()).count();
        set_attr(t, "n_unnamed_fields", Value::int(unnamed as i64));
        let visible: Vec<Value> = desc.fields[..desc.n_visible]
            .iter()
            .filter(|f| !f.is_empty())
            .map(|f| new_str(f))
            .collect();
        set_attr(t, "__match_args__", new_tuple(visible));
        add_method(st, "__reduce__", structseq_reduce);
    })
}

/// A new instance: `values` holds every field, visible ones first; missing
/// trailing fields are None.
pub fn new_structseq(vm: &mut Vm, ty: &'static TypeObject, mut values: Vec<Value>) -> Value {
    let Some(desc) = desc_of(ty) else {
        return new_tuple(values);
    };
    values.resize_with(desc.fields.len().max(values.len()), none);
    let hidden = values.split_off(desc.n_visible.min(values.len()));
    let obj = new_tuple_typed(ty, values.into_iter());
    for (name, v) in desc.fields[desc.n_visible..].iter().zip(hidden) {
        set_hidden(vm, &obj, name, v);
    }
    obj
}

fn set_hidden(vm: &mut Vm, obj: &Value, name: &str, v: Value) {
    // A str key on a fresh instance: no Python code runs, nothing can fail.
    let _ = crate::attr::instance_set(vm, obj, &intern(name), Some(v));
}

fn structseq_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let Some(t) = cls.downcast_ref::<TypeObject>() else {
        return Err(vm.type_error("structseq.__new__(X): X is not a type object"));
    };
    let Some(desc) = desc_of(t) else {
        return Err(vm.type_error("not a struct sequence type"));
    };
    let (pos, kw) = split_kwargs(args, kwnames);
    let mut seq = pos.first().cloned();
    let mut dict = pos.get(1).cloned();
    for (k, v) in kw {
        match crate::objects::str::display_lossy(k).as_str() {
            "sequence" if seq.is_none() => seq = Some(v.clone()),
            "dict" if dict.is_none() => dict = Some(v.clone()),
            other => {
                let msg = format!("'{other}' is an invalid keyword argument for {}()", t.name_string());
                return Err(vm.type_error(msg));
            }
        }
    }
    if pos.len() > 2 {
        let msg = format!("{}() takes at most 2 arguments ({} given)", t.name_string(), pos.len());
        return Err(vm.type_error(msg));
    }
    let Some(seq) = seq else {
        let msg = format!("{}() missing required argument 'sequence' (pos 1)", t.name_string());
        return Err(vm.type_error(msg));
    };
    let items = vm.collect(&seq).map_err(|_| vm.type_error("constructor requires a sequence"))?;
    let (min, max) = (desc.n_visible, desc.fields.len());
    let name = full_name(desc);
    if items.len() < min {
        let msg = if min == max {
            format!("{name}() takes a {min}-sequence ({}-sequence given)", items.len())
        } else {
            format!("{name}() takes an at least {min}-sequence ({}-sequence given)", items.len())
        };
        return Err(vm.type_error(msg));
    }
    if items.len() > max {
        let msg = if min == max {
            format!("{name}() takes a {max}-sequence ({}-sequence given)", items.len())
        } else {
            format!("{name}() takes an at most {max}-sequence ({}-sequence given)", items.len())
        };
        return Err(vm.type_error(msg));
    }
    let dict = dict.filter(|d| !d.is_none());
    if let Some(d) = &dict {
        if d.downcast_ref::<DictObject>().is_none() {
            let msg = format!("{name}() takes a dict as second arg, if any");
            return Err(vm.type_error(msg));
        }
    }
    let mut values = items;
    for f in &desc.fields[values.len()..] {
        let v = match dict.as_ref().and_then(|d| d.downcast_ref::<DictObject>()) {
            Some(d) => d.get_item(vm, &new_str(f))?.unwrap_or_else(none),
            None => none(),
        };
        values.push(v);
    }
    for &(dst, src) in desc.copy_missing {
        if values.get(dst).is_some_and(|v| v.is_none()) {
            if let Some(v) = values.get(src).cloned() {
                values[dst] = v;
            }
        }
    }
    let hidden = values.split_off(min);
    let obj = new_tuple_typed(t, values.into_iter());
    for (f, v) in desc.fields[min..].iter().zip(hidden) {
        set_hidden(vm, &obj, f, v);
    }
    Ok(obj)
}

fn structseq_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = type_of(v);
    let Some(desc) = desc_of(t) else {
        return Err(vm.type_error("not a struct sequence"));
    };
    let items: Vec<Value> = v
        .downcast_ref::<TupleObject>()
        .map(|t| t.items().to_vec())
        .unwrap_or_default();
    let mut out = format!("{}(", full_name(desc));
    // As CPython, the i-th item is shown under the i-th *named* field.
    let named = desc.fields.iter().filter(|f| !f.is_empty());
    for (i, (name, item)) in named.zip(items.iter()).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(name);
        out.push('=');
        out.push_str(&vm.repr_string(item)?);
    }
    out.push(')');
    Ok(new_str(&out))
}

fn structseq_reduce(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let Some(obj) = args.first() else {
        return Err(vm.type_error("__reduce__ needs an instance"));
    };
    let t = type_of(obj);
    let Some(desc) = desc_of(t) else {
        return Err(vm.type_error("not a struct sequence"));
    };
    let items: Vec<Value> = obj
        .downcast_ref::<TupleObject>()
        .map(|t| t.items().to_vec())
        .unwrap_or_default();
    let hidden = DictObject::new_value();
    if let Some(d) = hidden.downcast_ref::<DictObject>() {
        for f in &desc.fields[desc.n_visible..] {
            let v = crate::attr::instance_get(obj, &intern(f)).unwrap_or_else(none);
            d.insert_str_key(f, v);
        }
    }
    Ok(new_tuple(vec![
        t.as_value(),
        new_tuple(vec![new_tuple(items), hidden]),
    ]))
}
