//! `_contextvars`: ContextVar, Token and Context (PEP 567), as CPython's
//! Python/context.c, which Lib/contextvars.py re-exports and asyncio,
//! decimal and others use.
//!
//! A Context maps ContextVars to values and is immutable from the outside:
//! `ContextVar.set` replaces the current context's mapping with a new one.
//! The mapping is a vector shared through `Rc` and copied on write, so that
//! `copy_context()` (called for every asyncio callback and task) is O(1);
//! programs hold few variables, so lookups scan it by identity.
//!
//! The current context belongs to the thread state; pyrite runs Python on
//! one thread today, so one GIL-guarded cell holds it (made on first use,
//! as CPython's `context_get`).

use crate::args::{check_no_kwargs, split_kwargs, ArgSpec};
use crate::exception::{exc_type, new_exception, ExcKind, PyErr, PyResult};
use crate::gil::GilCell;
use crate::modules::itertools::Slot;
use crate::modules::{init_native_type, ModuleBuilder, NativeType};
use crate::object::LayoutKind;
use crate::objects::list::new_list;
use crate::objects::native::{new_native, NativeData};
use crate::objects::singletons::{false_value, none, not_implemented, true_value};
use crate::objects::str::StrObject;
use crate::objects::tuple::new_tuple;
use crate::typeinit::{add_getset_to, add_method_to, set_attr};
use crate::typeobj::{CompareOp, KwNames, TypeObject, OBJECT_TYPE};
use crate::types::dict_ty::key_error;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

fn address(v: &Value) -> u64 {
    v.as_ptr().map_or(v.bits(), |p| p.as_ptr() as u64)
}

type Vars = Rc<Vec<(Value, Value)>>;

fn lookup(vars: &[(Value, Value)], var: &Value) -> Option<Value> {
    vars.iter().find(|(k, _)| k.is(var)).map(|(_, v)| v.clone())
}

// --- Context -------------------------------------------------------------------------

struct Context {
    vars: RefCell<Vars>,
    entered: Cell<bool>,
    /// The context that was current when this one was entered.
    prev: Slot,
}

impl NativeData for Context {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(vars) = self.vars.try_borrow() {
            for (k, v) in vars.iter() {
                visit(k);
                visit(v);
            }
        }
        self.prev.visit(visit);
    }
    fn clear(&self) {
        let old = self.vars.replace(Rc::new(Vec::new()));
        drop(old);
        self.prev.set(None);
    }
}

static CONTEXT: NativeType = NativeType::new();

fn context_type() -> &'static TypeObject {
    CONTEXT.get_or_init(|st| {
        let t = init_native_type(st, "_contextvars", "Context", LayoutKind::Native, &OBJECT_TYPE, 0, |s| {
            s.new = Some(context_new);
            s.getitem = Some(context_getitem);
            s.contains = Some(context_contains);
            s.len = Some(context_len);
            s.iter = Some(context_iter);
            s.richcompare = Some(context_richcompare);
            s.hash = Some(unhashable);
        });
        add_method_to(t, "run", context_run);
        add_method_to(t, "copy", context_copy);
        add_method_to(t, "get", context_get_method);
        add_method_to(t, "keys", context_keys);
        add_method_to(t, "values", context_values);
        add_method_to(t, "items", context_items);
        set_attr(t, "__hash__", none());
    })
}

fn unhashable(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let msg = format!("unhashable type: '{}'", vm.type_name(v));
    Err(vm.type_error(msg))
}

fn new_context(vars: Vars) -> Value {
    new_native(
        context_type(),
        Context {
            vars: RefCell::new(vars),
            entered: Cell::new(false),
            prev: Slot::new(None),
        },
    )
}

/// The current thread's context (kept in its `Vm`: each OS thread starts with an
/// empty one, as in CPython), made on first use.
pub(crate) fn current_context(vm: &mut Vm) -> Value {
    if vm.context.is_null() {
        vm.context = new_context(Rc::new(Vec::new()));
    }
    vm.context.clone()
}

fn set_current(vm: &mut Vm, ctx: Option<Value>) {
    let old = std::mem::replace(&mut vm.context, ctx.unwrap_or(Value::NULL));
    drop(old);
}

fn ctx_of(v: &Value) -> &Context {
    // Invariant: the callers pass the current context or a checked Context.
    match v.native_ref::<Context>() {
        Some(c) => c,
        None => unreachable!("a Context"),
    }
}

fn context_arg<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Context> {
    match v.native_ref::<Context>() {
        Some(c) => Ok(c),
        None => {
            let msg = format!(
                "descriptor requires a '_contextvars.Context' object but received a '{}'",
                vm.type_name(v)
            );
            Err(vm.type_error(msg))
        }
    }
}

fn context_new(vm: &mut Vm, _cls: &Value, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    if !args.is_empty() {
        return Err(vm.type_error("Context() does not accept any arguments"));
    }
    Ok(new_context(Rc::new(Vec::new())))
}

fn check_var_key(vm: &mut Vm, key: &Value) -> PyResult<()> {
    if key.native_ref::<Var>().is_none() {
        let msg = format!("a ContextVar key was expected, got {}", vm.repr_string(key)?);
        return Err(vm.type_error(msg));
    }
    Ok(())
}

fn context_getitem(vm: &mut Vm, me: &Value, key: &Value) -> PyResult<Value> {
    check_var_key(vm, key)?;
    let found = lookup(&context_arg(vm, me)?.vars.borrow(), key);
    found.ok_or_else(|| key_error(key.clone()))
}

fn context_contains(vm: &mut Vm, me: &Value, key: &Value) -> PyResult<bool> {
    check_var_key(vm, key)?;
    let found = lookup(&context_arg(vm, me)?.vars.borrow(), key);
    Ok(found.is_some())
}

fn context_len(vm: &mut Vm, me: &Value) -> PyResult<usize> {
    Ok(context_arg(vm, me)?.vars.borrow().len())
}

fn snapshot(vm: &mut Vm, me: &Value) -> PyResult<Vars> {
    Ok(context_arg(vm, me)?.vars.borrow().clone())
}

fn context_iter(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let vars = snapshot(vm, me)?;
    let keys = new_list(vars.iter().map(|(k, _)| k.clone()).collect());
    vm.iter(&keys)
}

fn context_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.native_ref::<Context>(), b.native_ref::<Context>()) else {
        return Ok(not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let (xs, ys) = (x.vars.borrow().clone(), y.vars.borrow().clone());
    let mut equal = xs.len() == ys.len();
    if equal {
        for (k, v) in xs.iter() {
            match lookup(&ys, k) {
                Some(w) if vm.rich_eq_bool(v, &w)? => {}
                _ => {
                    equal = false;
                    break;
                }
            }
        }
    }
    let result = if op == CompareOp::Eq { equal } else { !equal };
    Ok(if result { true_value() } else { false_value() })
}

fn enter(vm: &mut Vm, ctx: &Value) -> PyResult<()> {
    let c = ctx_of(ctx);
    if c.entered.get() {
        let msg = format!("cannot enter context: {} is already entered", vm.repr_string(ctx)?);
        return Err(vm.new_error(ExcKind::RuntimeError, msg));
    }
    c.prev.set(Some(current_context(vm)));
    c.entered.set(true);
    set_current(vm, Some(ctx.clone()));
    Ok(())
}

fn exit(vm: &mut Vm, ctx: &Value) {
    let c = ctx_of(ctx);
    let prev = c.prev.take();
    c.entered.set(false);
    set_current(vm, prev);
}

fn context_run(vm: &mut Vm, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let Some(me) = args.first() else {
        return Err(vm.type_error("descriptor 'run' of '_contextvars.Context' object needs an argument"));
    };
    context_arg(vm, me)?;
    let (pos, _) = split_kwargs(args, kwnames);
    if pos.len() < 2 {
        return Err(vm.type_error("run() missing 1 required positional argument"));
    }
    enter(vm, me)?;
    let result = vm.call(&args[1], &args[2..], kwnames);
    exit(vm, me);
    result
}

fn context_copy(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let [me] = ArgSpec::exact::<1>(vm, "Context.copy", args, 1)?;
    check_no_kwargs(vm, "copy", kw)?;
    Ok(new_context(snapshot(vm, &me)?))
}

fn context_get_method(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "get", kw)?;
    ArgSpec::range(vm, "get", args, 1, 1, 2)?;
    let me = &args[0];
    context_arg(vm, me)?;
    let key = &args[1];
    check_var_key(vm, key)?;
    let found = lookup(&ctx_of(me).vars.borrow(), key);
    Ok(found.unwrap_or_else(|| args.get(2).cloned().unwrap_or_else(none)))
}

fn context_view(vm: &mut Vm, args: &[Value], kw: KwNames, name: &str, f: fn(&(Value, Value)) -> Value) -> PyResult<Value> {
    let [me] = ArgSpec::exact::<1>(vm, &format!("Context.{name}"), args, 1)?;
    check_no_kwargs(vm, name, kw)?;
    let vars = snapshot(vm, &me)?;
    Ok(new_list(vars.iter().map(f).collect()))
}

fn context_keys(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    context_view(vm, args, kw, "keys", |(k, _)| k.clone())
}

fn context_values(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    context_view(vm, args, kw, "values", |(_, v)| v.clone())
}

fn context_items(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    context_view(vm, args, kw, "items", |(k, v)| new_tuple(vec![k.clone(), v.clone()]))
}

fn copy_context(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    ArgSpec::exact::<0>(vm, "copy_context", args, 0)?;
    check_no_kwargs(vm, "copy_context", kw)?;
    let cur = current_context(vm);
    let vars = ctx_of(&cur).vars.borrow().clone();
    Ok(new_context(vars))
}

// --- ContextVar ----------------------------------------------------------------------

struct Var {
    name: Value,
    default: Option<Value>,
    hash: Cell<i64>,
}

impl NativeData for Var {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.name);
        if let Some(d) = &self.default {
            visit(d);
        }
    }
}

static CONTEXT_VAR: NativeType = NativeType::new();

fn context_var_type() -> &'static TypeObject {
    CONTEXT_VAR.get_or_init(|st| {
        let t = init_native_type(st, "_contextvars", "ContextVar", LayoutKind::Native, &OBJECT_TYPE, 0, |s| {
            s.new = Some(var_new);
            s.repr = Some(var_repr);
            s.hash = Some(var_hash);
        });
        add_method_to(t, "get", var_get);
        add_method_to(t, "set", var_set);
        add_method_to(t, "reset", var_reset);
        add_getset_to(t, "name", var_name, None);
        let cg = crate::objects::descr::new_method_descr(
            crate::typeobj::CLASSMETHOD_DESCR_TYPE.get(),
            "__class_getitem__",
            class_getitem,
            t,
        );
        set_attr(t, "__class_getitem__", cg);
    })
}

fn class_getitem(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [cls, item] = ArgSpec::exact::<2>(vm, "__class_getitem__", args, 1)?;
    Ok(crate::types::generic_alias::new_generic_alias(cls, &item))
}

fn var_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Var> {
    match v.native_ref::<Var>() {
        Some(x) => Ok(x),
        None => Err(vm.type_error("an instance of ContextVar was expected")),
    }
}

fn var_new(vm: &mut Vm, _cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let (pos, kw) = split_kwargs(args, kwnames);
    if pos.len() + kw.len() > 2 {
        let msg = format!("ContextVar() takes at most 2 arguments ({} given)", pos.len() + kw.len());
        return Err(vm.type_error(msg));
    }
    if pos.len() != 1 {
        let msg = if pos.is_empty() {
            "ContextVar() takes exactly 1 positional argument (0 given)".to_string()
        } else {
            format!("ContextVar() takes at most 1 positional argument ({} given)", pos.len())
        };
        return Err(vm.type_error(msg));
    }
    let mut default = None;
    for (k, v) in kw {
        let is_default = k.downcast_ref::<StrObject>().and_then(|s| s.to_utf8()).is_some_and(|s| s == "default");
        if !is_default {
            let msg = format!(
                "'{}' is an invalid keyword argument for ContextVar()",
                crate::objects::str::display_lossy(k)
            );
            return Err(vm.type_error(msg));
        }
        default = Some(v.clone());
    }
    let name = pos[0].clone();
    if name.downcast_ref::<StrObject>().is_none() {
        return Err(vm.type_error("context variable name must be a str"));
    }
    let name_hash = vm.hash(&name)?;
    let var = new_native(context_var_type(), Var { name, default, hash: Cell::new(0) });
    // CPython: the object's address mixed with the name's hash, never -1.
    let addr = address(&var) as i64;
    let mut h = ((addr >> 4) | (addr << 60)) ^ name_hash;
    if h == -1 {
        h = -2;
    }
    if let Some(obj) = var.native_ref::<Var>() {
        obj.hash.set(h);
    }
    Ok(var)
}

fn var_hash(vm: &mut Vm, me: &Value) -> PyResult<i64> {
    Ok(var_of(vm, me)?.hash.get())
}

fn var_repr(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let v = var_of(vm, me)?;
    let (name, default) = (v.name.clone(), v.default.clone());
    let mut s = format!("<ContextVar name={}", vm.repr_string(&name)?);
    if let Some(d) = default {
        s.push_str(" default=");
        s.push_str(&vm.repr_string(&d)?);
    }
    s.push_str(&format!(" at {:#x}>", address(me)));
    Ok(vm.new_str(&s))
}

fn var_name(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    Ok(var_of(vm, me)?.name.clone())
}

/// The variable's value in the current context, if it has one.
fn var_lookup(vm: &mut Vm, var: &Value) -> Option<Value> {
    let cur = current_context(vm);
    let found = lookup(&ctx_of(&cur).vars.borrow(), var);
    found
}

fn var_get(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "get", kw)?;
    ArgSpec::range(vm, "get", args, 1, 0, 1)?;
    let me = &args[0];
    let v = var_of(vm, me)?;
    if let Some(x) = var_lookup(vm, me) {
        return Ok(x);
    }
    if let Some(d) = args.get(1) {
        return Ok(d.clone());
    }
    if let Some(d) = &v.default {
        return Ok(d.clone());
    }
    Err(PyErr::new(new_exception(exc_type(ExcKind::LookupError), new_tuple(vec![me.clone()]))))
}

/// Sets (`Some`) or removes (`None`) the variable in the current context.
fn write_var(vm: &mut Vm, var: &Value, value: Option<Value>) {
    let cur = current_context(vm);
    let c = ctx_of(&cur);
    let old = {
        let mut vars = c.vars.borrow_mut();
        let map = Rc::make_mut(&mut vars);
        let pos = map.iter().position(|(k, _)| k.is(var));
        match (pos, value) {
            (Some(i), Some(v)) => Some(std::mem::replace(&mut map[i].1, v)),
            (Some(i), None) => Some(map.remove(i).1),
            (None, Some(v)) => {
                map.push((var.clone(), v));
                None
            }
            (None, None) => None,
        }
    };
    // Dropped once the borrow is released: a finalizer may run Python.
    drop(old);
}

fn var_set(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "set", kw)?;
    let [me, value] = ArgSpec::exact::<2>(vm, "ContextVar.set", args, 1)?;
    var_of(vm, &me)?;
    let old = var_lookup(vm, &me);
    let token = new_native(
        token_type(),
        Token {
            ctx: current_context(vm),
            var: me.clone(),
            old,
            used: Cell::new(false),
        },
    );
    write_var(vm, &me, Some(value));
    Ok(token)
}

fn var_reset(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "reset", kw)?;
    let [me, tok] = ArgSpec::exact::<2>(vm, "ContextVar.reset", args, 1)?;
    var_of(vm, &me)?;
    let Some(t) = tok.native_ref::<Token>() else {
        let msg = format!("expected an instance of Token, got {}", vm.repr_string(&tok)?);
        return Err(vm.type_error(msg));
    };
    if t.used.get() {
        let msg = format!("{} has already been used once", vm.repr_string(&tok)?);
        return Err(vm.new_error(ExcKind::RuntimeError, msg));
    }
    if !t.var.is(&me) {
        let msg = format!("{} was created by a different ContextVar", vm.repr_string(&tok)?);
        return Err(vm.value_error(msg));
    }
    if !t.ctx.is(&current_context(vm)) {
        let msg = format!("{} was created in a different Context", vm.repr_string(&tok)?);
        return Err(vm.value_error(msg));
    }
    t.used.set(true);
    write_var(vm, &me, t.old.clone());
    Ok(none())
}

// --- Token ---------------------------------------------------------------------------

struct Token {
    ctx: Value,
    var: Value,
    /// The variable's value before the `set` (None: it had none).
    old: Option<Value>,
    used: Cell<bool>,
}

impl NativeData for Token {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.ctx);
        visit(&self.var);
        if let Some(o) = &self.old {
            visit(o);
        }
    }
}

static TOKEN: NativeType = NativeType::new();
static TOKEN_MISSING: NativeType = NativeType::new();
static MISSING: GilCell<Option<Value>> = GilCell::new(None);

fn token_type() -> &'static TypeObject {
    TOKEN.get_or_init(|st| {
        let t = init_native_type(st, "_contextvars", "Token", LayoutKind::Native, &OBJECT_TYPE, 0, |s| {
            s.new = Some(token_new);
            s.repr = Some(token_repr);
        });
        add_getset_to(t, "var", token_var, None);
        add_getset_to(t, "old_value", token_old_value, None);
        set_attr(t, "MISSING", missing());
        let cg = crate::objects::descr::new_method_descr(
            crate::typeobj::CLASSMETHOD_DESCR_TYPE.get(),
            "__class_getitem__",
            class_getitem,
            t,
        );
        set_attr(t, "__class_getitem__", cg);
    })
}

struct Missing;
impl NativeData for Missing {}

/// `Token.MISSING`: the old value of a variable that had none.
fn missing() -> Value {
    // SAFETY: GIL held; no Python code runs while the cell is borrowed.
    let cell = unsafe { MISSING.get_mut() };
    cell.get_or_insert_with(|| {
        let t = TOKEN_MISSING.get_or_init(|st| {
            init_native_type(st, "_contextvars", "Token.MISSING", LayoutKind::Native, &OBJECT_TYPE, 0, |s| {
                s.repr = Some(|vm, _| Ok(vm.new_str("<Token.MISSING>")));
            });
        });
        new_native(t, Missing)
    })
    .clone()
}

fn token_new(vm: &mut Vm, _cls: &Value, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    Err(vm.new_error(ExcKind::RuntimeError, "Tokens can only be created by ContextVars"))
}

fn token_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Token> {
    match v.native_ref::<Token>() {
        Some(t) => Ok(t),
        None => Err(vm.type_error("an instance of Token was expected")),
    }
}

fn token_repr(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let t = token_of(vm, me)?;
    let used = if t.used.get() { " used" } else { "" };
    let var = t.var.clone();
    let s = format!("<Token{used} var={} at {:#x}>", vm.repr_string(&var)?, address(me));
    Ok(vm.new_str(&s))
}

fn token_var(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    Ok(token_of(vm, me)?.var.clone())
}

fn token_old_value(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    Ok(token_of(vm, me)?.old.clone().unwrap_or_else(missing))
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_contextvars");
    m.doc("Context Variables");
    m.type_(context_type());
    m.type_(context_var_type());
    m.type_(token_type());
    m.function("copy_context", copy_context);
    Ok(m.finish())
}
