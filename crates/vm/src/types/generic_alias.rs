//! `types.GenericAlias`: what `list[int]` and the other builtin generics
//! evaluate to (annotations at module and class level are evaluated). It
//! reuses the `SeqIter` layout: `seq` holds the tuple `(origin, args)`.

use crate::exception::PyResult;
use crate::objects::iter::{new_seq_iter, SeqIter};
use crate::objects::singletons::none;
use crate::objects::str::StrObject;
use crate::objects::tuple::{new_tuple, TupleObject};
use crate::typeinit::add_getset;
use crate::typeobj::*;
use crate::value::Value;
use crate::vm::Vm;

/// The builtin classes that CPython 3.11 makes subscriptable through
/// `__class_getitem__` returning a GenericAlias.
pub(crate) fn is_builtin_generic(t: &TypeObject) -> bool {
    [&LIST_TYPE, &DICT_TYPE, &TUPLE_TYPE, &SET_TYPE, &FROZENSET_TYPE, &TYPE_TYPE]
        .iter()
        .any(|s| std::ptr::eq(s.ptr(), t))
        || t.is_subtype(crate::exception::exc_type(crate::exception::ExcKind::BaseExceptionGroup))
}

/// `origin[key]`: a tuple key gives several arguments.
pub(crate) fn new_generic_alias(origin: Value, key: &Value) -> Value {
    let args = if is_exact(key, &TUPLE_TYPE) {
        key.clone()
    } else {
        new_tuple(vec![key.clone()])
    };
    new_seq_iter(GENERIC_ALIAS_TYPE.get(), new_tuple(vec![origin, args]))
}

/// A new alias `origin[*args]` (args a tuple), starred (`*tuple[int]`) or not.
fn new_alias(origin: Value, args: Value, starred: bool) -> Value {
    let mut parts = vec![origin, args];
    if starred {
        parts.push(Value::bool(true));
    }
    new_seq_iter(GENERIC_ALIAS_TYPE.get(), new_tuple(parts))
}

/// Whether the alias is the unpacked form `*alias` (its `__unpacked__`).
fn is_starred(v: &Value) -> bool {
    let pair = v.downcast_ref::<SeqIter>().map(|s| s.seq()).unwrap_or_else(none);
    pair.downcast_ref::<TupleObject>().is_some_and(|t| t.len() > 2)
}

/// The args tuple itself.
fn args_value(v: &Value) -> Value {
    let pair = v.downcast_ref::<SeqIter>().map(|s| s.seq()).unwrap_or_else(none);
    pair.downcast_ref::<TupleObject>()
        .and_then(|t| t.items().get(1).cloned())
        .unwrap_or_else(|| new_tuple(Vec::new()))
}

/// `(origin, args)` of an alias.
fn parts(v: &Value) -> (Value, Vec<Value>) {
    let pair = v.downcast_ref::<SeqIter>().map(|s| s.seq()).unwrap_or_else(none);
    let items = pair.downcast_ref::<TupleObject>().map(|t| t.items().to_vec()).unwrap_or_default();
    let origin = items.first().cloned().unwrap_or_else(none);
    let args = items
        .get(1)
        .and_then(|a| a.downcast_ref::<TupleObject>().map(|t| t.items().to_vec()))
        .unwrap_or_default();
    (origin, args)
}

/// One item of the repr, as CPython's ga_repr_item: `...`, another alias,
/// a class as `module.qualname` (bare for builtins), else `repr()`.
fn repr_item(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if is_exact(v, &ELLIPSIS_TYPE) {
        return Ok("...".to_string());
    }
    if is_exact(v, &GENERIC_ALIAS_TYPE) {
        return alias_repr_string(vm, v);
    }
    if v.downcast_ref::<TypeObject>().is_some() {
        let qual = vm.getattr_str(v, "__qualname__")?;
        let module = vm.getattr_str(v, "__module__")?;
        let qual = qual.downcast_ref::<StrObject>().map(|s| s.to_string_lossy()).unwrap_or_default();
        return Ok(match module.downcast_ref::<StrObject>() {
            Some(m) if m.to_string_lossy() != "builtins" => format!("{}.{}", m.to_string_lossy(), qual),
            _ => qual,
        });
    }
    let r = vm.repr(v)?;
    Ok(r.downcast_ref::<StrObject>().map(|s| s.to_string_lossy()).unwrap_or_default())
}

fn alias_repr_string(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let (origin, args) = parts(v);
    let mut out = if is_starred(v) { "*".to_string() } else { String::new() };
    out.push_str(&repr_item(vm, &origin)?);
    out.push('[');
    if args.is_empty() {
        out.push_str("()");
    }
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr_item(vm, a)?);
    }
    out.push(']');
    Ok(out)
}

fn alias_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let s = alias_repr_string(vm, v)?;
    Ok(crate::objects::str::new_str(&s))
}

/// Calling an alias calls its origin (`list[int]()` is `[]`) and records
/// the alias on the result as `__orig_class__` where it can.
fn alias_call(vm: &mut Vm, v: &Value, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (origin, _) = parts(v);
    let obj = vm.call(&origin, args, kw)?;
    let name = vm.intern("__orig_class__");
    if let Err(e) = vm.setattr(&obj, &name, v.clone()) {
        if !e.is_instance(crate::exception::ExcKind::AttributeError) && !e.is_instance(crate::exception::ExcKind::TypeError) {
            return Err(e);
        }
    }
    Ok(obj)
}

fn alias_unpacked(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::bool(is_starred(v)))
}

/// `*tuple[int, str]` gives its args; anything else None.
fn alias_unpacked_tuple_args(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (origin, _) = parts(v);
    if is_starred(v) && origin.is(&TUPLE_TYPE.get().as_value()) {
        return Ok(args_value(v));
    }
    Ok(none())
}

/// `generic_alias_iterator`: yields its alias once, starred.
struct AliasIter {
    alias: std::cell::RefCell<Option<Value>>,
}

impl crate::objects::native::NativeData for AliasIter {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(a) = self.alias.borrow().as_ref() {
            visit(a);
        }
    }
    fn clear(&self) {
        let old = self.alias.borrow_mut().take();
        drop(old);
    }
}

static ALIAS_ITER_TYPE: crate::modules::NativeType = crate::modules::NativeType::new();

fn alias_iter_type() -> &'static TypeObject {
    ALIAS_ITER_TYPE.get_or_init(|st| {
        let t = crate::modules::init_native_type(
            st,
            "builtins",
            "generic_alias_iterator",
            crate::object::LayoutKind::Native,
            &OBJECT_TYPE,
            0,
            |s| {
                s.iter = Some(|_vm, v| Ok(v.clone()));
                s.iternext = Some(alias_iter_next);
            },
        );
        crate::typeinit::add_method_to(t, "__reduce__", alias_iter_reduce);
    })
}

fn alias_iter_next(_vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let Some(state) = it.native_ref::<AliasIter>() else { return Ok(None) };
    let alias = state.alias.borrow_mut().take();
    Ok(alias.map(|a| new_alias(parts(&a).0, args_value(&a), true)))
}

/// `(iter, (alias,))`, or an exhausted iterator's `(iter, ((),))`.
fn alias_iter_reduce(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [this] = crate::args::ArgSpec::exact::<1>(vm, "__reduce__", args, 1)?;
    let alias = this.native_ref::<AliasIter>().and_then(|s| s.alias.borrow().clone());
    let iter = builtin(vm, "iter")?;
    let source = alias.unwrap_or_else(|| new_tuple(Vec::new()));
    Ok(new_tuple(vec![iter, new_tuple(vec![source])]))
}

/// `iter(alias)` yields the one starred alias (`*tuple[int]`).
fn alias_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let data = AliasIter { alias: std::cell::RefCell::new(Some(v.clone())) };
    Ok(crate::objects::native::new_native(alias_iter_type(), data))
}

/// `alias[item]`: the type variables among the args replaced.
fn alias_getitem(vm: &mut Vm, v: &Value, item: &Value) -> PyResult<Value> {
    let (origin, args) = parts(v);
    let params = collect_parameters(vm, &args)?;
    let newargs = subs_parameters(vm, v, &args, &params, item)?;
    Ok(new_alias(origin, newargs, is_starred(v)))
}

/// `__reduce__`: rebuilt from origin and args; a starred alias as
/// `next(iter(alias))`.
fn alias_reduce(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [this] = crate::args::ArgSpec::exact::<1>(vm, "__reduce__", args, 1)?;
    let (origin, _) = parts(&this);
    if is_starred(&this) {
        let plain = new_alias(origin, args_value(&this), false);
        let it = alias_iter(vm, &plain)?;
        let next = builtin(vm, "next")?;
        return Ok(new_tuple(vec![next, new_tuple(vec![it])]));
    }
    Ok(new_tuple(vec![
        type_of(&this).as_value(),
        new_tuple(vec![origin, args_value(&this)]),
    ]))
}

/// `dir(alias)`: the origin's names and the alias's own.
fn alias_dir(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [this] = crate::args::ArgSpec::exact::<1>(vm, "__dir__", args, 1)?;
    let (origin, _) = parts(&this);
    let dir = builtin(vm, "dir")?;
    let listing = vm.call1(&dir, origin)?;
    let mut names = vm.collect(&listing)?;
    for own in OWN_ATTRIBUTES {
        let key = crate::objects::str::new_str(own);
        let mut present = false;
        for n in &names {
            if vm.rich_eq_bool(n, &key)? {
                present = true;
                break;
            }
        }
        if !present {
            names.push(key);
        }
    }
    Ok(crate::objects::list::new_list(names))
}

/// A function of the builtins module.
fn builtin(vm: &mut Vm, name: &str) -> PyResult<Value> {
    match vm.builtins_dict().get_str_key(name) {
        Some(f) => Ok(f),
        None => Err(vm.new_error(crate::exception::ExcKind::AttributeError, name.to_string())),
    }
}

fn tuple_items(v: &Value) -> Option<Vec<Value>> {
    if is_exact(v, &TUPLE_TYPE) || type_of(v).is_subtype(TUPLE_TYPE.get()) {
        return v.downcast_ref::<TupleObject>().map(|t| t.items().to_vec());
    }
    None
}

/// The args of an unpacked tuple type among subscript items (CPython's
/// _unpacked_tuple_args): `*tuple[int, str]` gives `(int, str)`.
fn unpacked_tuple_args(vm: &mut Vm, arg: &Value) -> PyResult<Option<Value>> {
    if is_exact(arg, &GENERIC_ALIAS_TYPE) && is_starred(arg) && parts(arg).0.is(&TUPLE_TYPE.get().as_value()) {
        return Ok(Some(args_value(arg)));
    }
    match vm.lookup_attr(arg, &vm.intern("__typing_unpacked_tuple_args__"))? {
        Some(r) if !r.is_none() => Ok(Some(r)),
        _ => Ok(None),
    }
}

/// Subscript items with unpacked fixed-length tuples spliced in
/// (CPython's _unpack_args).
fn unpack_args(vm: &mut Vm, item: &Value) -> PyResult<Vec<Value>> {
    let items = tuple_items(item).unwrap_or_else(|| vec![item.clone()]);
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        if it.downcast_ref::<TypeObject>().is_none() {
            if let Some(sub) = unpacked_tuple_args(vm, &it)? {
                if let Some(subitems) = tuple_items(&sub) {
                    let ends_with_ellipsis = subitems.last().is_some_and(|l| is_exact(l, &ELLIPSIS_TYPE));
                    if !ends_with_ellipsis {
                        out.extend(subitems);
                        continue;
                    }
                }
            }
        }
        out.push(it);
    }
    Ok(out)
}

/// `obj` with the type variables `params` replaced by `argitems`, when it is
/// itself generic (CPython's subs_tvars).
fn subs_tvars(vm: &mut Vm, obj: &Value, params: &[Value], argitems: &[Value]) -> PyResult<Value> {
    let Some(sub) = vm.lookup_attr(obj, &vm.intern("__parameters__"))? else {
        return Ok(obj.clone());
    };
    let Some(subparams) = tuple_items(&sub).filter(|p| !p.is_empty()) else {
        return Ok(obj.clone());
    };
    let mut subargs = Vec::with_capacity(subparams.len());
    for arg in subparams {
        if let Some(i) = params.iter().position(|p| p.is(&arg)) {
            let replacement = argitems.get(i).cloned().unwrap_or_else(none);
            // A TypeVarTuple (iterable param) substituted by a tuple splices it in.
            if type_of(&params[i]).slots().iter.is_some() {
                if let Some(items) = tuple_items(&replacement) {
                    subargs.extend(items);
                    continue;
                }
            }
            subargs.push(replacement);
        } else {
            subargs.push(arg);
        }
    }
    vm.getitem(obj, &new_tuple(subargs))
}

/// The args of `alias[item]` (CPython's _Py_subs_parameters): each type
/// variable in `args` replaced through its `__typing_subst__`, nested
/// generics substituted recursively.
pub(crate) fn subs_parameters(
    vm: &mut Vm,
    alias: &Value,
    args: &[Value],
    params: &Value,
    item: &Value,
) -> PyResult<Value> {
    let params = tuple_items(params).unwrap_or_default();
    if params.is_empty() {
        let msg = format!("{} is not a generic class", vm.repr_string(alias)?);
        return Err(vm.type_error(msg));
    }
    let mut item = new_tuple(unpack_args(vm, item)?);
    for p in &params {
        let Some(prepare) = vm.lookup_attr(p, &vm.intern("__typing_prepare_subst__"))? else {
            continue;
        };
        if prepare.is_none() {
            continue;
        }
        item = vm.call(&prepare, &[alias.clone(), item.clone()], None)?;
    }
    let argitems = tuple_items(&item).unwrap_or_else(|| vec![item.clone()]);
    if argitems.len() != params.len() {
        let msg = format!(
            "Too {} arguments for {}; actual {}, expected {}",
            if argitems.len() > params.len() { "many" } else { "few" },
            vm.repr_string(alias)?,
            argitems.len(),
            params.len()
        );
        return Err(vm.type_error(msg));
    }
    let mut newargs = Vec::with_capacity(args.len());
    for arg in args {
        if arg.downcast_ref::<TypeObject>().is_some() {
            newargs.push(arg.clone());
            continue;
        }
        let unpack = match vm.lookup_attr(arg, &vm.intern("__typing_is_unpacked_typevartuple__"))? {
            Some(flag) => vm.is_true(&flag)?,
            None => false,
        };
        let replaced = match vm.lookup_attr(arg, &vm.intern("__typing_subst__"))? {
            Some(subst) => {
                let i = params.iter().position(|p| p.is(arg)).unwrap_or(0);
                let replacement = argitems.get(i).cloned().unwrap_or_else(none);
                vm.call1(&subst, replacement)?
            }
            None => subs_tvars(vm, arg, &params, &argitems)?,
        };
        if unpack {
            match tuple_items(&replaced) {
                Some(items) => newargs.extend(items),
                None => newargs.push(replaced),
            }
        } else {
            newargs.push(replaced);
        }
    }
    Ok(new_tuple(newargs))
}

fn alias_origin(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(parts(v).0)
}

fn alias_args(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(args_value(v))
}

/// `GenericAlias(origin, args)`, also for subclasses (`_collections_abc`'s
/// `_CallableGenericAlias`).
fn alias_new(vm: &mut Vm, cls: &Value, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let Some(t) = cls.downcast_ref::<TypeObject>() else {
        return Err(vm.type_error("GenericAlias.__new__(X): X is not a type object"));
    };
    if kw.is_some_and(|k| k.downcast_ref::<TupleObject>().is_some_and(|t| t.len() > 0)) {
        return Err(vm.type_error("GenericAlias() takes no keyword arguments"));
    }
    if args.len() != 2 {
        let msg = format!("GenericAlias expected 2 arguments, got {}", args.len());
        return Err(vm.type_error(msg));
    }
    let params = if is_exact(&args[1], &TUPLE_TYPE) { args[1].clone() } else { new_tuple(vec![args[1].clone()]) };
    Ok(new_seq_iter(t, new_tuple(vec![args[0].clone(), params])))
}

/// Names a GenericAlias answers itself; every other attribute is the origin's
/// (CPython's ga_getattro).
const OWN_ATTRIBUTES: &[&str] = &[
    "__class__",
    "__origin__",
    "__args__",
    "__unpacked__",
    "__parameters__",
    "__typing_unpacked_tuple_args__",
    "__mro_entries__",
    "__reduce_ex__",
    "__reduce__",
    "__copy__",
    "__deepcopy__",
];

fn alias_getattro(vm: &mut Vm, v: &Value, name: &Value) -> PyResult<Option<Value>> {
    if let Some(n) = name.downcast_ref::<StrObject>() {
        let n = n.to_string_lossy();
        if !OWN_ATTRIBUTES.contains(&n.as_str()) {
            let (origin, _) = parts(v);
            return vm.lookup_attr(&origin, name);
        }
    }
    crate::attr::generic_getattr(vm, v, name)
}

/// Type variables among `args` (CPython's _Py_make_parameters): objects
/// with `__typing_subst__`, and the `__parameters__` of nested generics.
pub(crate) fn collect_parameters(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let mut params: Vec<Value> = Vec::new();
    for a in args {
        if a.downcast_ref::<TypeObject>().is_some() {
            continue;
        }
        let subst = vm.intern("__typing_subst__");
        if vm.lookup_attr(a, &subst)?.is_some() {
            if !params.iter().any(|p| p.is(a)) {
                params.push(a.clone());
            }
            continue;
        }
        let key = vm.intern("__parameters__");
        if let Some(ps) = vm.lookup_attr(a, &key)? {
            if let Some(t) = ps.downcast_ref::<TupleObject>() {
                for p in t.items() {
                    if !params.iter().any(|q| q.is(p)) {
                        params.push(p.clone());
                    }
                }
            }
        }
    }
    Ok(new_tuple(params))
}

fn alias_parameters(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    collect_parameters(vm, &parts(v).1)
}

fn alias_mro_entries(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [this, _bases] = crate::args::ArgSpec::exact::<2>(vm, "__mro_entries__", args, 1)?;
    Ok(new_tuple(vec![parts(&this).0]))
}

fn is_alias(v: &Value) -> bool {
    type_of(v).is_subtype(GENERIC_ALIAS_TYPE.get())
}

fn alias_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if !is_alias(b) || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(crate::objects::singletons::not_implemented());
    }
    let (oa, aa) = parts(a);
    let (ob, ab) = parts(b);
    let eq = is_starred(a) == is_starred(b)
        && vm.rich_eq_bool(&oa, &ob)?
        && vm.rich_eq_bool(&new_tuple(aa), &new_tuple(ab))?;
    Ok(Value::bool(eq == (op == CompareOp::Eq)))
}

fn alias_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let (o, a) = parts(v);
    Ok(vm.hash(&o)? ^ vm.hash(&new_tuple(a))?)
}

fn alias_instancecheck(vm: &mut Vm, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    Err(vm.type_error("isinstance() argument 2 cannot be a parameterized generic"))
}

fn alias_subclasscheck(vm: &mut Vm, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    Err(vm.type_error("issubclass() argument 2 cannot be a parameterized generic"))
}

/// `cls.__class_getitem__(item)`: `GenericAlias(cls, item)`.
fn class_getitem(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "__class_getitem__", kw)?;
    let [cls, key] = crate::args::ArgSpec::exact::<2>(vm, "__class_getitem__", args, 1)?;
    Ok(new_generic_alias(cls, &key))
}

/// The builtin classes whose `__class_getitem__` CPython 3.11 defines (their
/// subclasses inherit it); `type[...]` is special-cased by subscription.
pub(crate) fn add_class_getitems() {
    for st in [&LIST_TYPE, &DICT_TYPE, &TUPLE_TYPE, &SET_TYPE, &FROZENSET_TYPE, &crate::builtins::ENUMERATE_TYPE] {
        crate::typeinit::add_classmethod(st, "__class_getitem__", class_getitem);
    }
}

pub(crate) fn init() {
    crate::typeinit::add_method(&GENERIC_ALIAS_TYPE, "__instancecheck__", alias_instancecheck);
    crate::typeinit::add_method(&GENERIC_ALIAS_TYPE, "__subclasscheck__", alias_subclasscheck);
    let s = GENERIC_ALIAS_TYPE.get().slots_mut();
    s.repr = Some(alias_repr);
    s.call = Some(alias_call);
    s.new = Some(alias_new);
    s.getattro = alias_getattro;
    s.richcompare = Some(alias_richcompare);
    s.hash = Some(alias_hash);
    s.getitem = Some(alias_getitem);
    // `types.GenericAlias` (pickle finds the class there).
    GENERIC_ALIAS_TYPE.get().dict().insert_str_key("__module__", crate::objects::str::new_str("types"));
    s.iter = Some(alias_iter);
    add_getset(&GENERIC_ALIAS_TYPE, "__unpacked__", alias_unpacked, None);
    add_getset(&GENERIC_ALIAS_TYPE, "__typing_unpacked_tuple_args__", alias_unpacked_tuple_args, None);
    crate::typeinit::add_method(&GENERIC_ALIAS_TYPE, "__reduce__", alias_reduce);
    crate::typeinit::add_method(&GENERIC_ALIAS_TYPE, "__dir__", alias_dir);
    add_getset(&GENERIC_ALIAS_TYPE, "__parameters__", alias_parameters, None);
    crate::typeinit::add_method(&GENERIC_ALIAS_TYPE, "__mro_entries__", alias_mro_entries);
    add_getset(&GENERIC_ALIAS_TYPE, "__origin__", alias_origin, None);
    add_getset(&GENERIC_ALIAS_TYPE, "__args__", alias_args, None);
}
