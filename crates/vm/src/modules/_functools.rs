//! `_functools`: reduce, partial, cmp_to_key and the lru_cache wrapper that
//! Lib/functools.py builds on.

use crate::args::{split_kwargs, ArgSpec};
use crate::attr::instance_dict;
use crate::exception::{ExcKind, PyResult};
use crate::modules::itertools::{cls_type, positional, self_arg, state, Slot};
use crate::modules::{init_native_type, ModuleBuilder, NativeType};
use crate::object::LayoutKind;
use crate::objects::dict::DictObject;
use crate::objects::function::new_bound_method;
use crate::objects::native::{new_native, NativeData};
use crate::objects::singletons::{none, not_implemented};
use crate::objects::str::{display_lossy, new_str};
use crate::objects::tuple::{new_tuple, TupleObject};
use crate::typeinit::{add_getset_to, add_method_to, set_attr};
use crate::typeobj::{type_flags, type_of, CompareOp, KwNames, TypeObject, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};

static PARTIAL: NativeType = NativeType::new();
static KEY_WRAPPER: NativeType = NativeType::new();
static LRU_WRAPPER: NativeType = NativeType::new();

// --- reduce ----------------------------------------------------------------

fn reduce(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = positional(vm, "reduce", args, kwnames, 2, 3)?;
    let it = match vm.iter(&a[1]) {
        Ok(it) => it,
        Err(e) if e.is_instance(ExcKind::TypeError) => {
            return Err(vm.type_error("reduce() arg 2 must support iteration"));
        }
        Err(e) => return Err(e),
    };
    let mut acc = a.get(2).cloned();
    while let Some(v) = vm.next(&it)? {
        acc = Some(match acc {
            None => v,
            Some(x) => vm.call(&a[0], &[x, v], None)?,
        });
    }
    match acc {
        Some(x) => Ok(x),
        None => Err(vm.type_error("reduce() of empty iterable with no initial value")),
    }
}

// --- partial ---------------------------------------------------------------

struct Partial {
    func: RefCell<Value>,
    args: RefCell<Value>,
    /// A dict.
    keywords: RefCell<Value>,
}

impl NativeData for Partial {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for c in [&self.func, &self.args, &self.keywords] {
            if let Ok(v) = c.try_borrow() {
                visit(&v);
            }
        }
    }
}

fn dict_ref(v: &Value) -> Option<&DictObject> {
    v.downcast_ref::<DictObject>()
}

fn is_callable(v: &Value) -> bool {
    type_of(v).slots().call.is_some()
}

fn partial_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let (pos, kw) = split_kwargs(args, kwnames);
    let Some(first) = pos.first() else {
        return Err(vm.type_error("type 'partial' takes at least one argument"));
    };
    let mut func = first.clone();
    let mut pargs: Vec<Value> = Vec::new();
    let keywords = DictObject::new_value();
    // Flatten partial(partial(f, a), b) into partial(f, a, b) when the inner
    // one is a plain partial without instance attributes.
    if let Some(inner) = func.native_ref::<Partial>() {
        let plain = instance_dict(&func).map_or(true, |d| dict_ref(&d).map_or(true, |d| d.is_empty()));
        if plain && type_of(&func).slots().call.map(|f| f as usize) == partial_type().slots().call.map(|f| f as usize) {
            let f = inner.func.borrow().clone();
            let ia = inner.args.borrow().clone();
            let ik = inner.keywords.borrow().clone();
            if let Some(t) = ia.downcast_ref::<TupleObject>() {
                pargs.extend(t.items().iter().cloned());
            }
            if let (Some(dst), Some(src)) = (dict_ref(&keywords), dict_ref(&ik)) {
                dst.update_from(vm, src)?;
            }
            func = f;
        }
    }
    if !is_callable(&func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    pargs.extend(pos[1..].iter().cloned());
    if let Some(d) = dict_ref(&keywords) {
        for (k, v) in kw {
            d.set_item(vm, k.clone(), v.clone())?;
        }
    }
    Ok(new_native(
        cls_type(cls, partial_type()),
        Partial {
            func: RefCell::new(func),
            args: RefCell::new(new_tuple(pargs)),
            keywords: RefCell::new(keywords),
        },
    ))
}

fn partial_call(vm: &mut Vm, me: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let p = state::<Partial>(vm, me, "functools.partial")?;
    let func = p.func.borrow().clone();
    let stored = p.args.borrow().clone();
    let keywords = p.keywords.borrow().clone();
    let (pos, kw) = split_kwargs(args, kwnames);
    let mut all: Vec<Value> = Vec::new();
    if let Some(t) = stored.downcast_ref::<TupleObject>() {
        all.extend(t.items().iter().cloned());
    }
    all.extend(pos.iter().cloned());
    let kd = dict_ref(&keywords);
    if kd.map_or(true, |d| d.is_empty()) {
        // No stored keywords: pass the call's keywords through unchanged.
        if kw.is_empty() {
            return vm.call(&func, &all, None);
        }
        all.extend(kw.iter().map(|(_, v)| (*v).clone()));
        return vm.call(&func, &all, kwnames);
    }
    // Stored keywords, overridden by the call's.
    let merged = match kd {
        Some(d) => d.copy_value(),
        None => DictObject::new_value(),
    };
    if let Some(m) = dict_ref(&merged) {
        for (k, v) in &kw {
            m.set_item(vm, (*k).clone(), (*v).clone())?;
        }
    }
    let mut names = Vec::new();
    if let Some(m) = dict_ref(&merged) {
        for (k, v) in m.items() {
            names.push(k);
            all.push(v);
        }
    }
    let names = new_tuple(names);
    vm.call(&func, &all, Some(&names))
}

fn partial_repr(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let p = state::<Partial>(vm, me, "functools.partial")?;
    // CPython prints tp_name: "functools.partial", or a subclass's bare name.
    let t = type_of(me);
    let name = if t.is_heap_type() { display_lossy(t.name()) } else { vm.type_name(me) };
    if !vm.repr_enter(me) {
        return Ok(new_str("..."));
    }
    let r = (|| -> PyResult<String> {
        let func = p.func.borrow().clone();
        let args = p.args.borrow().clone();
        let kws = p.keywords.borrow().clone();
        let mut out = format!("{name}({}", vm.repr_string(&func)?);
        if let Some(t) = args.downcast_ref::<TupleObject>() {
            for a in t.items().to_vec() {
                out.push_str(", ");
                out.push_str(&vm.repr_string(&a)?);
            }
        }
        if let Some(d) = dict_ref(&kws) {
            for (k, v) in d.items() {
                out.push_str(", ");
                out.push_str(&vm.str_string(&k)?);
                out.push('=');
                out.push_str(&vm.repr_string(&v)?);
            }
        }
        out.push(')');
        Ok(out)
    })();
    vm.repr_leave(me);
    Ok(new_str(&r?))
}

fn partial_func(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    Ok(state::<Partial>(vm, me, "functools.partial")?.func.borrow().clone())
}
fn partial_args(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    Ok(state::<Partial>(vm, me, "functools.partial")?.args.borrow().clone())
}
fn partial_keywords(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    Ok(state::<Partial>(vm, me, "functools.partial")?.keywords.borrow().clone())
}

fn partial_reduce(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (me, p) = self_arg::<Partial>(vm, args, "functools.partial")?;
    let func = p.func.borrow().clone();
    let st = new_tuple(vec![
        func.clone(),
        p.args.borrow().clone(),
        p.keywords.borrow().clone(),
        instance_dict(me)
            .filter(|d| dict_ref(d).is_some_and(|d| !d.is_empty()))
            .unwrap_or_else(none),
    ]);
    Ok(new_tuple(vec![type_of(me).as_value(), new_tuple(vec![func]), st]))
}

fn partial_setstate(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (me, p) = self_arg::<Partial>(vm, args, "functools.partial")?;
    let st = args.get(1).cloned().unwrap_or_else(none);
    let items = match st.downcast_ref::<TupleObject>() {
        Some(t) if t.len() == 4 => t.items().to_vec(),
        _ => return Err(vm.type_error("invalid partial state")),
    };
    if !is_callable(&items[0])
        || items[1].downcast_ref::<TupleObject>().is_none()
        || !(items[2].is_none() || dict_ref(&items[2]).is_some())
    {
        return Err(vm.type_error("invalid partial state"));
    }
    let kw = if items[2].is_none() {
        DictObject::new_value()
    } else {
        items[2].clone()
    };
    *p.func.borrow_mut() = items[0].clone();
    *p.args.borrow_mut() = new_tuple(items[1].downcast_ref::<TupleObject>().map_or(Vec::new(), |t| t.items().to_vec()));
    *p.keywords.borrow_mut() = kw;
    if !items[3].is_none() {
        crate::attr::set_instance_dict(me, items[3].clone());
    }
    Ok(none())
}

fn class_getitem(_vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let cls = args.first().cloned().unwrap_or_else(none);
    let item = args.get(1).cloned().unwrap_or_else(none);
    Ok(crate::types::generic_alias::new_generic_alias(cls, &item))
}

fn partial_type() -> &'static TypeObject {
    PARTIAL.get_or_init(|st| {
        let t = init_native_type(
            st,
            "functools",
            "partial",
            LayoutKind::Native,
            &OBJECT_TYPE,
            type_flags::BASETYPE | type_flags::HAS_DICT,
            |s| {
                s.new = Some(partial_new);
                s.call = Some(partial_call);
                s.repr = Some(partial_repr);
            },
        );
        add_getset_to(t, "func", partial_func, None);
        add_getset_to(t, "args", partial_args, None);
        add_getset_to(t, "keywords", partial_keywords, None);
        add_method_to(t, "__reduce__", partial_reduce);
        add_method_to(t, "__setstate__", partial_setstate);
        let cg = crate::objects::descr::new_method_descr(
            crate::typeobj::CLASSMETHOD_DESCR_TYPE.get(),
            "__class_getitem__",
            class_getitem,
            t,
        );
        set_attr(t, "__class_getitem__", cg);
        set_attr(t, "__dict__", crate::types::object_ty::dict_descriptor());
    })
}

// --- cmp_to_key ------------------------------------------------------------

struct KeyWrapper {
    cmp: Value,
    obj: Slot,
}

impl NativeData for KeyWrapper {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.cmp);
        self.obj.visit(visit);
    }
}

fn cmp_to_key(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "cmp_to_key", args, kwnames, &["mycmp"], 1, 1)?;
    Ok(new_native(
        key_wrapper_type(),
        KeyWrapper {
            cmp: a[0].clone().unwrap_or_else(none),
            obj: Slot::default(),
        },
    ))
}

fn key_call(vm: &mut Vm, me: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let k = state::<KeyWrapper>(vm, me, "functools.KeyWrapper")?;
    if args.len() > 1 {
        let msg = format!("K() takes at most 1 argument ({} given)", args.len());
        return Err(vm.type_error(msg));
    }
    let a = ArgSpec::parse(vm, "K", args, kwnames, &["obj"], 1, 1)?;
    Ok(new_native(
        key_wrapper_type(),
        KeyWrapper {
            cmp: k.cmp.clone(),
            obj: Slot::new(a[0].clone()),
        },
    ))
}

fn key_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let Some(ka) = a.native_ref::<KeyWrapper>() else {
        return Ok(not_implemented());
    };
    let Some(kb) = b.native_ref::<KeyWrapper>() else {
        return Err(vm.type_error("other argument must be K instance"));
    };
    let (Some(x), Some(y)) = (ka.obj.get(), kb.obj.get()) else {
        return Err(vm.new_error(ExcKind::AttributeError, "object"));
    };
    let r = vm.call(&ka.cmp, &[x, y], None)?;
    vm.compare(&r, &Value::int(0), op)
}

fn key_obj(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let k = state::<KeyWrapper>(vm, me, "functools.KeyWrapper")?;
    // An unset T_OBJECT member reads as None.
    Ok(k.obj.get().unwrap_or_else(none))
}

fn key_wrapper_type() -> &'static TypeObject {
    KEY_WRAPPER.get_or_init(|st| {
        let t = init_native_type(st, "functools", "KeyWrapper", LayoutKind::Native, &OBJECT_TYPE, 0, |s| {
            s.call = Some(key_call);
            s.richcompare = Some(key_richcompare);
            s.hash = None;
            s.new = None;
        });
        add_getset_to(t, "obj", key_obj, None);
        set_attr(t, "__hash__", none());
    })
}

// --- _lru_cache_wrapper ----------------------------------------------------

struct LruCache {
    func: Value,
    /// None: unbounded; Some(0): no caching.
    maxsize: Option<usize>,
    typed: bool,
    cache_info_type: Value,
    /// A dict whose insertion order is the recency order (oldest first).
    cache: Value,
    hits: Cell<u64>,
    misses: Cell<u64>,
    kwd_mark: Value,
}

impl NativeData for LruCache {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
        visit(&self.cache_info_type);
        visit(&self.cache);
    }
    fn clear(&self) {
        if let Some(d) = dict_ref(&self.cache) {
            d.clear();
        }
    }
}

fn lru_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(
        vm,
        "_lru_cache_wrapper",
        args,
        kwnames,
        &["user_function", "maxsize", "typed", "cache_info_type"],
        4,
        4,
    )?;
    let func = a[0].clone().unwrap_or_else(none);
    if !is_callable(&func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let maxsize_v = a[1].clone().unwrap_or_else(none);
    let maxsize = if maxsize_v.is_none() {
        None
    } else if crate::objects::int::as_int(&maxsize_v).is_some() {
        let iv = crate::objects::int::as_int(&maxsize_v);
        Some(match iv.and_then(|i| i.to_i64()) {
            Some(n) => n.max(0) as usize,
            None if iv.is_some_and(|i| i.is_negative()) => 0,
            None => usize::MAX,
        })
    } else {
        return Err(vm.type_error("maxsize should be integer or None"));
    };
    let typed_v = a[2].clone().unwrap_or_else(none);
    let typed = vm.is_true(&typed_v)?;
    let kwd_mark = vm.call0(&OBJECT_TYPE.get().as_value())?;
    Ok(new_native(
        cls_type(cls, lru_type()),
        LruCache {
            func,
            maxsize,
            typed,
            cache_info_type: a[3].clone().unwrap_or_else(none),
            cache: DictObject::new_value(),
            hits: Cell::new(0),
            misses: Cell::new(0),
            kwd_mark,
        },
    ))
}

/// The cache key: the positional args, a marker and the keyword pairs, and
/// with `typed` the argument types; a lone exact int or str is its own key.
fn make_key(c: &LruCache, args: &[Value], kwnames: KwNames) -> Value {
    let (pos, kw) = split_kwargs(args, kwnames);
    if !c.typed && kw.is_empty() {
        if pos.len() == 1 {
            let k = &pos[0];
            if k.is_small_int()
                || crate::typeobj::is_exact(k, &crate::typeobj::INT_TYPE)
                || crate::typeobj::is_exact(k, &crate::typeobj::STR_TYPE)
            {
                return k.clone();
            }
        }
        return new_tuple(pos.to_vec());
    }
    let mut key: Vec<Value> = pos.to_vec();
    if !kw.is_empty() {
        key.push(c.kwd_mark.clone());
        for (k, v) in &kw {
            key.push((*k).clone());
            key.push((*v).clone());
        }
    }
    if c.typed {
        for v in pos {
            key.push(type_of(v).as_value());
        }
        for (_, v) in &kw {
            key.push(type_of(v).as_value());
        }
    }
    new_tuple(key)
}

fn lru_call(vm: &mut Vm, me: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let c = state::<LruCache>(vm, me, "functools._lru_cache_wrapper")?;
    if c.maxsize == Some(0) {
        c.misses.set(c.misses.get() + 1);
        return vm.call(&c.func, args, kwnames);
    }
    let key = make_key(c, args, kwnames);
    let hash = vm.hash(&key)?;
    let Some(cache) = dict_ref(&c.cache) else {
        return vm.call(&c.func, args, kwnames);
    };
    if let Some(v) = cache.get_item_hashed(vm, &key, hash)? {
        c.hits.set(c.hits.get() + 1);
        if c.maxsize.is_some() {
            // Most recently used goes last.
            cache.del_item(vm, &key)?;
            cache.set_item_hashed(vm, key, hash, v.clone())?;
        }
        return Ok(v);
    }
    c.misses.set(c.misses.get() + 1);
    let result = vm.call(&c.func, args, kwnames)?;
    // The call may have filled this key (recursion) or cleared the cache.
    if cache.get_item_hashed(vm, &key, hash)?.is_some() {
        return Ok(result);
    }
    if let Some(max) = c.maxsize {
        while cache.len() >= max {
            let Some((_, oldest, _)) = cache.next_entry(0) else { break };
            cache.del_item(vm, &oldest)?;
        }
    }
    cache.set_item_hashed(vm, key, hash, result.clone())?;
    Ok(result)
}

fn lru_cache_info(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (_, c) = self_arg::<LruCache>(vm, args, "functools._lru_cache_wrapper")?;
    let maxsize = match c.maxsize {
        None => none(),
        Some(n) => Value::int(n.min(i64::MAX as usize) as i64),
    };
    let currsize = dict_ref(&c.cache).map_or(0, |d| d.len());
    let info_type = c.cache_info_type.clone();
    let vals = [
        Value::int(c.hits.get() as i64),
        Value::int(c.misses.get() as i64),
        maxsize,
        Value::int(currsize as i64),
    ];
    vm.call(&info_type, &vals, None)
}

fn lru_cache_clear(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (_, c) = self_arg::<LruCache>(vm, args, "functools._lru_cache_wrapper")?;
    c.hits.set(0);
    c.misses.set(0);
    if let Some(d) = dict_ref(&c.cache) {
        // Values are dropped after the table is emptied (finalizers may run Python).
        let old = d.items();
        d.clear();
        drop(old);
    }
    Ok(none())
}

fn lru_descr_get(_vm: &mut Vm, me: &Value, obj: Option<&Value>, _owner: &Value) -> PyResult<Value> {
    match obj {
        Some(o) if !o.is_none() => Ok(new_bound_method(me.clone(), o.clone())),
        _ => Ok(me.clone()),
    }
}

fn lru_reduce(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let me = args.first().cloned().unwrap_or_else(none);
    vm.getattr_str(&me, "__qualname__")
}

fn lru_copy(_vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    Ok(args.first().cloned().unwrap_or_else(none))
}

fn lru_type() -> &'static TypeObject {
    LRU_WRAPPER.get_or_init(|st| {
        let t = init_native_type(
            st,
            "functools",
            "_lru_cache_wrapper",
            LayoutKind::Native,
            &OBJECT_TYPE,
            type_flags::BASETYPE | type_flags::HAS_DICT | type_flags::METHOD_DESCRIPTOR,
            |s| {
                s.new = Some(lru_new);
                s.call = Some(lru_call);
                s.descr_get = Some(lru_descr_get);
            },
        );
        add_method_to(t, "cache_info", lru_cache_info);
        add_method_to(t, "cache_clear", lru_cache_clear);
        add_method_to(t, "__reduce__", lru_reduce);
        add_method_to(t, "__copy__", lru_copy);
        add_method_to(t, "__deepcopy__", lru_copy);
        set_attr(t, "__dict__", crate::types::object_ty::dict_descriptor());
    })
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_functools");
    m.doc("Tools that operate on functions.");
    m.function("reduce", reduce);
    m.function("cmp_to_key", cmp_to_key);
    m.type_(partial_type());
    m.type_(key_wrapper_type());
    m.type_(lru_type());
    Ok(m.finish())
}
