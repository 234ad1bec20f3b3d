//! `_operator`: the operator module's functions and its three callable
//! types (itemgetter, attrgetter, methodcaller), which `sorted(key=...)`
//! and friends call in hot loops.

use crate::args::{check_no_kwargs, split_kwargs};
use crate::exception::{ExcKind, PyResult};
use crate::modules::itertools::{check_positional, positional, self_arg, state};
use crate::modules::{init_native_type, ModuleBuilder, NativeType};
use crate::object::LayoutKind;
use crate::objects::bytes::BytesObject;
use crate::objects::int::as_int;
use crate::objects::list::ListObject;
use crate::objects::native::{new_native, NativeData};
use crate::objects::singletons::none;
use crate::objects::str::{new_str, StrObject};
use crate::objects::tuple::{new_tuple, TupleObject};
use crate::typeinit::add_method_to;
use crate::typeobj::{nb, type_flags, type_of, CompareOp, KwNames, NativeFn, TypeObject, NB_INPLACE, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::Vm;

fn two<'a>(vm: &mut Vm, name: &str, args: &'a [Value], kw: KwNames) -> PyResult<&'a [Value]> {
    positional(vm, name, args, kw, 2, 2)
}

macro_rules! binops {
    ($($fname:ident => $pyname:literal, $op:expr;)*) => {
        $(fn $fname(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
            let a = two(vm, $pyname, args, kw)?;
            vm.binary_op($op, &a[0], &a[1])
        })*
        const BINOPS: &[(&str, NativeFn)] = &[$(($pyname, $fname as NativeFn)),*];
    };
}

binops! {
    op_add => "add", nb::ADD;
    op_and => "and_", nb::AND;
    op_floordiv => "floordiv", nb::FLOOR_DIVIDE;
    op_lshift => "lshift", nb::LSHIFT;
    op_matmul => "matmul", nb::MATRIX_MULTIPLY;
    op_mul => "mul", nb::MULTIPLY;
    op_mod => "mod", nb::REMAINDER;
    op_or => "or_", nb::OR;
    op_pow => "pow", nb::POWER;
    op_rshift => "rshift", nb::RSHIFT;
    op_sub => "sub", nb::SUBTRACT;
    op_truediv => "truediv", nb::TRUE_DIVIDE;
    op_xor => "xor", nb::XOR;
    op_iadd => "iadd", NB_INPLACE + nb::ADD;
    op_iand => "iand", NB_INPLACE + nb::AND;
    op_ifloordiv => "ifloordiv", NB_INPLACE + nb::FLOOR_DIVIDE;
    op_ilshift => "ilshift", NB_INPLACE + nb::LSHIFT;
    op_imatmul => "imatmul", NB_INPLACE + nb::MATRIX_MULTIPLY;
    op_imul => "imul", NB_INPLACE + nb::MULTIPLY;
    op_imod => "imod", NB_INPLACE + nb::REMAINDER;
    op_ior => "ior", NB_INPLACE + nb::OR;
    op_ipow => "ipow", NB_INPLACE + nb::POWER;
    op_irshift => "irshift", NB_INPLACE + nb::RSHIFT;
    op_isub => "isub", NB_INPLACE + nb::SUBTRACT;
    op_itruediv => "itruediv", NB_INPLACE + nb::TRUE_DIVIDE;
    op_ixor => "ixor", NB_INPLACE + nb::XOR;
}

macro_rules! cmpops {
    ($($fname:ident => $pyname:literal, $op:expr;)*) => {
        $(fn $fname(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
            let a = two(vm, $pyname, args, kw)?;
            vm.compare(&a[0], &a[1], $op)
        })*
        const CMPOPS: &[(&str, NativeFn)] = &[$(($pyname, $fname as NativeFn)),*];
    };
}

cmpops! {
    op_lt => "lt", CompareOp::Lt;
    op_le => "le", CompareOp::Le;
    op_eq => "eq", CompareOp::Eq;
    op_ne => "ne", CompareOp::Ne;
    op_gt => "gt", CompareOp::Gt;
    op_ge => "ge", CompareOp::Ge;
}

fn unary(vm: &mut Vm, name: &str, args: &[Value], kw: KwNames, which: u8) -> PyResult<Value> {
    let a = positional(vm, name, args, kw, 1, 1)?;
    let v = &a[0];
    if let Some(i) = v.as_small_int() {
        match which {
            b'-' => return Ok(Value::int(-i)),
            b'+' => return Ok(v.clone()),
            b'~' => return Ok(Value::int(!i)),
            _ => return Ok(Value::int(i.abs())),
        }
    }
    let s = type_of(v).slots();
    let (slot, msg) = match which {
        b'-' => (s.neg, "bad operand type for unary -"),
        b'+' => (s.pos, "bad operand type for unary +"),
        b'~' => (s.invert, "bad operand type for unary ~"),
        _ => (s.abs, "bad operand type for abs()"),
    };
    match slot {
        Some(f) => f(vm, v),
        None => {
            let m = format!("{msg}: '{}'", vm.type_name(v));
            Err(vm.type_error(m))
        }
    }
}

fn op_neg(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    unary(vm, "neg", args, kw, b'-')
}
fn op_pos(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    unary(vm, "pos", args, kw, b'+')
}
fn op_inv(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    unary(vm, "inv", args, kw, b'~')
}
fn op_invert(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    unary(vm, "invert", args, kw, b'~')
}
fn op_abs(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    unary(vm, "abs", args, kw, b'a')
}

fn op_not(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "not_", args, kw, 1, 1)?;
    Ok(Value::bool(!vm.is_true(&a[0])?))
}
fn op_truth(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "truth", args, kw, 1, 1)?;
    Ok(Value::bool(vm.is_true(&a[0])?))
}
fn op_is(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = two(vm, "is_", args, kw)?;
    Ok(Value::bool(a[0].is(&a[1])))
}
fn op_is_not(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = two(vm, "is_not", args, kw)?;
    Ok(Value::bool(!a[0].is(&a[1])))
}
/// `operator.call(obj, /, *args, **kwargs)` (new in 3.11).
fn op_call(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let npos = args.len() - kw.and_then(|k| k.downcast_ref::<TupleObject>()).map_or(0, |t| t.len());
    if npos == 0 {
        return Err(vm.type_error("call expected at least 1 argument, got 0"));
    }
    vm.call(&args[0], &args[1..], kw)
}

fn op_index(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "index", args, kw, 1, 1)?;
    vm.index(&a[0])
}
fn op_contains(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = two(vm, "contains", args, kw)?;
    Ok(Value::bool(vm.contains(&a[0], &a[1])?))
}
fn op_getitem(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = two(vm, "getitem", args, kw)?;
    vm.getitem(&a[0], &a[1])
}
fn op_setitem(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "setitem", args, kw, 3, 3)?;
    vm.setitem(&a[0], &a[1], a[2].clone())?;
    Ok(none())
}
fn op_delitem(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = two(vm, "delitem", args, kw)?;
    vm.delitem(&a[0], &a[1])?;
    Ok(none())
}

fn is_sequence(v: &Value) -> bool {
    let t = type_of(v);
    t.slots().getitem.is_some() && t.slots().contains.is_some()
        || v.downcast_ref::<StrObject>().is_some()
        || v.downcast_ref::<BytesObject>().is_some()
        || v.downcast_ref::<ListObject>().is_some()
        || v.downcast_ref::<TupleObject>().is_some()
        || t.slots().concat.is_some()
}

fn concat_common(vm: &mut Vm, name: &str, args: &[Value], kw: KwNames, op: usize) -> PyResult<Value> {
    let a = two(vm, name, args, kw)?;
    if !is_sequence(&a[0]) {
        let msg = format!("'{}' object can't be concatenated", vm.type_name(&a[0]));
        return Err(vm.type_error(msg));
    }
    vm.binary_op(op, &a[0], &a[1])
}
fn op_concat(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    concat_common(vm, "concat", args, kw, nb::ADD)
}
fn op_iconcat(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    concat_common(vm, "iconcat", args, kw, NB_INPLACE + nb::ADD)
}

/// Walks `seq`, stopping where `f` says; identity counts as equality.
fn search(vm: &mut Vm, seq: &Value, x: &Value, mut f: impl FnMut(usize) -> bool) -> PyResult<Option<usize>> {
    let it = vm.iter(seq)?;
    let mut i = 0;
    while let Some(v) = vm.next(&it)? {
        if (v.is(x) || vm.compare_bool(&v, x, CompareOp::Eq)?) && f(i) {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}
fn op_count_of(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = two(vm, "countOf", args, kw)?;
    let mut n = 0i64;
    search(vm, &a[0], &a[1], |_| {
        n += 1;
        false
    })?;
    Ok(Value::int(n))
}
fn op_index_of(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = two(vm, "indexOf", args, kw)?;
    match search(vm, &a[0], &a[1], |_| true)? {
        Some(i) => Ok(Value::int(i as i64)),
        None => Err(vm.value_error("sequence.index(x): x not in sequence")),
    }
}

fn op_length_hint(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "length_hint", args, kw, 1, 2)?;
    let obj = &a[0];
    let default = match a.get(1) {
        Some(d) => {
            if !crate::typeobj::is_exact(d, &crate::typeobj::INT_TYPE) && !d.is_small_int() {
                let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(d));
                return Err(vm.type_error(msg));
            }
            vm.index_i64(d)?
        }
        None => 0,
    };
    if type_of(obj).slots().len.is_some() {
        match vm.len(obj) {
            Ok(n) => return Ok(Value::int(n as i64)),
            Err(e) if e.is_instance(ExcKind::TypeError) => {}
            Err(e) => return Err(e),
        }
    }
    let r = match vm.call_special(obj, "__length_hint__", &[]) {
        Ok(Some(r)) => r,
        Ok(None) => return Ok(Value::int(default)),
        Err(e) if e.is_instance(ExcKind::TypeError) => return Ok(Value::int(default)),
        Err(e) => return Err(e),
    };
    if r.is_not_implemented() {
        return Ok(Value::int(default));
    }
    let Some(n) = as_int(&r) else {
        let msg = format!("__length_hint__ must be an integer, not {}", vm.type_name(&r));
        return Err(vm.type_error(msg));
    };
    let Some(n) = n.to_i64() else {
        return Err(vm.new_error(
            ExcKind::OverflowError,
            "cannot fit 'int' into an index-sized integer",
        ));
    };
    if n < 0 {
        return Err(vm.value_error("__length_hint__() should return >= 0"));
    }
    Ok(Value::int(n))
}

fn compare_digest(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = two(vm, "_compare_digest", args, kw)?;
    let (x, y) = (&a[0], &a[1]);
    let bytes_of = |v: &Value| -> Option<Vec<u8>> {
        if let Some(b) = v.downcast_ref::<BytesObject>() {
            return Some(b.data().to_vec());
        }
        None
    };
    let (xs, ys) = match (x.downcast_ref::<StrObject>(), y.downcast_ref::<StrObject>()) {
        (Some(s1), Some(s2)) => {
            if !s1.is_ascii() || !s2.is_ascii() {
                return Err(vm.type_error("comparing strings with non-ASCII characters is not supported"));
            }
            (s1.data().to_vec(), s2.data().to_vec())
        }
        // Otherwise both must be buffers.
        _ => {
            if bytes_of(x).is_none() && bytes_of(y).is_none() {
                let msg = format!(
                    "unsupported operand types(s) or combination of types: '{}' and '{}'",
                    vm.type_name(x),
                    vm.type_name(y)
                );
                return Err(vm.type_error(msg));
            }
            let Some(p) = bytes_of(x) else {
                let msg = format!("a bytes-like object is required, not '{}'", vm.type_name(x));
                return Err(vm.type_error(msg));
            };
            let Some(q) = bytes_of(y) else {
                let msg = format!("a bytes-like object is required, not '{}'", vm.type_name(y));
                return Err(vm.type_error(msg));
            };
            (p, q)
        }
    };
    // Constant time in the length of the second argument.
    let mut diff = (xs.len() != ys.len()) as u8;
    let left: &[u8] = if xs.len() == ys.len() { &xs } else { &ys };
    for (p, q) in left.iter().zip(&ys) {
        diff |= p ^ q;
    }
    Ok(Value::bool(diff == 0))
}

// --- itemgetter / attrgetter / methodcaller -------------------------------

static ITEMGETTER: NativeType = NativeType::new();
static ATTRGETTER: NativeType = NativeType::new();
static METHODCALLER: NativeType = NativeType::new();

struct ItemGetter {
    items: Vec<Value>,
}

impl NativeData for ItemGetter {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.items.iter().for_each(|v| visit(v));
    }
}

fn itemgetter_new(vm: &mut Vm, cls: &Value, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "itemgetter", kw)?;
    if args.is_empty() {
        check_positional(vm, "itemgetter", 0, 1, 1)?;
    }
    let ty = crate::modules::itertools::cls_type(cls, itemgetter_type());
    Ok(new_native(ty, ItemGetter { items: args.to_vec() }))
}

#[inline]
fn get_one(vm: &mut Vm, obj: &Value, key: &Value) -> PyResult<Value> {
    // Fast path: list or tuple indexed by a small non-negative int.
    if let Some(i) = key.as_small_int() {
        if i >= 0 {
            if let Some(l) = obj.downcast_ref::<ListObject>() {
                if let Some(v) = l.get(i as usize) {
                    return Ok(v);
                }
            } else if let Some(t) = obj.downcast_ref::<TupleObject>() {
                if let Some(v) = t.get(i as usize) {
                    return Ok(v.clone());
                }
            }
        }
    }
    vm.getitem(obj, key)
}

fn itemgetter_call(vm: &mut Vm, me: &Value, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "itemgetter", kw)?;
    check_positional(vm, "itemgetter", args.len(), 1, 1)?;
    let g = state::<ItemGetter>(vm, me, "operator.itemgetter")?;
    let obj = &args[0];
    if g.items.len() == 1 {
        return get_one(vm, obj, &g.items[0]);
    }
    let mut out = Vec::with_capacity(g.items.len());
    for k in &g.items {
        out.push(get_one(vm, obj, k)?);
    }
    Ok(new_tuple(out))
}

fn getter_repr(vm: &mut Vm, me: &Value, parts: Vec<String>) -> PyResult<Value> {
    let name = vm.type_name(me);
    let name = if type_of(me).is_heap_type() { type_of(me).name_string() } else { name };
    Ok(new_str(&format!("{name}({})", parts.join(", "))))
}

fn itemgetter_repr(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let g = state::<ItemGetter>(vm, me, "operator.itemgetter")?;
    if !vm.repr_enter(me) {
        let name = vm.type_name(me);
        return Ok(new_str(&format!("{name}(...)")));
    }
    let mut parts = Vec::new();
    let mut err = None;
    for k in &g.items {
        match vm.repr_string(k) {
            Ok(s) => parts.push(s),
            Err(e) => {
                err = Some(e);
                break;
            }
        }
    }
    vm.repr_leave(me);
    if let Some(e) = err {
        return Err(e);
    }
    getter_repr(vm, me, parts)
}

fn itemgetter_reduce(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (me, g) = self_arg::<ItemGetter>(vm, args, "operator.itemgetter")?;
    Ok(new_tuple(vec![type_of(me).as_value(), new_tuple(g.items.clone())]))
}

fn itemgetter_type() -> &'static TypeObject {
    ITEMGETTER.get_or_init(|st| {
        let t = init_native_type(st, "operator", "itemgetter", LayoutKind::Native, &OBJECT_TYPE, 0, |s| {
            s.new = Some(itemgetter_new);
            s.call = Some(itemgetter_call);
            s.repr = Some(itemgetter_repr);
        });
        add_method_to(t, "__reduce__", itemgetter_reduce);
    })
}

struct AttrGetter {
    /// Each attribute as its dotted parts (interned strs).
    attrs: Vec<Vec<Value>>,
    /// The names as given, for repr/reduce.
    names: Vec<Value>,
}

impl NativeData for AttrGetter {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.names.iter().for_each(|v| visit(v));
        self.attrs.iter().flatten().for_each(|v| visit(v));
    }
}

fn attrgetter_new(vm: &mut Vm, cls: &Value, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "attrgetter", kw)?;
    if args.is_empty() {
        check_positional(vm, "attrgetter", 0, 1, 1)?;
    }
    let mut attrs = Vec::with_capacity(args.len());
    for a in args {
        let Some(s) = a.downcast_ref::<StrObject>() else {
            return Err(vm.type_error("attribute name must be a string"));
        };
        let text = s.to_string_lossy();
        attrs.push(text.split('.').map(|p| vm.intern(p)).collect());
    }
    let ty = crate::modules::itertools::cls_type(cls, attrgetter_type());
    Ok(new_native(
        ty,
        AttrGetter {
            attrs,
            names: args.to_vec(),
        },
    ))
}

fn attrgetter_call(vm: &mut Vm, me: &Value, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "attrgetter", kw)?;
    check_positional(vm, "attrgetter", args.len(), 1, 1)?;
    let g = state::<AttrGetter>(vm, me, "operator.attrgetter")?;
    let mut out = Vec::with_capacity(g.attrs.len());
    for parts in &g.attrs {
        let mut v = args[0].clone();
        for p in parts {
            v = vm.getattr(&v, p)?;
        }
        if g.attrs.len() == 1 {
            return Ok(v);
        }
        out.push(v);
    }
    Ok(new_tuple(out))
}

fn attrgetter_repr(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let g = state::<AttrGetter>(vm, me, "operator.attrgetter")?;
    let mut parts = Vec::new();
    for n in &g.names {
        parts.push(vm.repr_string(n)?);
    }
    getter_repr(vm, me, parts)
}

fn attrgetter_reduce(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (me, g) = self_arg::<AttrGetter>(vm, args, "operator.attrgetter")?;
    Ok(new_tuple(vec![type_of(me).as_value(), new_tuple(g.names.clone())]))
}

fn attrgetter_type() -> &'static TypeObject {
    ATTRGETTER.get_or_init(|st| {
        let t = init_native_type(st, "operator", "attrgetter", LayoutKind::Native, &OBJECT_TYPE, 0, |s| {
            s.new = Some(attrgetter_new);
            s.call = Some(attrgetter_call);
            s.repr = Some(attrgetter_repr);
        });
        add_method_to(t, "__reduce__", attrgetter_reduce);
    })
}

struct MethodCaller {
    name: Value,
    args: Vec<Value>,
    kwnames: Vec<Value>,
    kwvalues: Vec<Value>,
}

impl NativeData for MethodCaller {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.name);
        self.args.iter().chain(&self.kwvalues).for_each(|v| visit(v));
    }
}

fn methodcaller_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let (pos, kw) = split_kwargs(args, kwnames);
    let Some(name) = pos.first() else {
        return Err(vm.type_error("methodcaller needs at least one argument, the method name"));
    };
    if name.downcast_ref::<StrObject>().is_none() {
        return Err(vm.type_error("method name must be a string"));
    }
    let name = crate::objects::str::intern_value(name);
    let ty = crate::modules::itertools::cls_type(cls, methodcaller_type());
    Ok(new_native(
        ty,
        MethodCaller {
            name,
            args: pos[1..].to_vec(),
            kwnames: kw.iter().map(|(k, _)| (*k).clone()).collect(),
            kwvalues: kw.iter().map(|(_, v)| (*v).clone()).collect(),
        },
    ))
}

fn methodcaller_call(vm: &mut Vm, me: &Value, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "methodcaller", kw)?;
    check_positional(vm, "methodcaller", args.len(), 1, 1)?;
    let m = state::<MethodCaller>(vm, me, "operator.methodcaller")?;
    let method = vm.getattr(&args[0], &m.name)?;
    if m.kwnames.is_empty() {
        return vm.call(&method, &m.args, None);
    }
    let mut all = m.args.clone();
    all.extend(m.kwvalues.iter().cloned());
    let names = new_tuple(m.kwnames.clone());
    vm.call(&method, &all, Some(&names))
}

fn methodcaller_repr(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let m = state::<MethodCaller>(vm, me, "operator.methodcaller")?;
    let mut parts = vec![vm.repr_string(&m.name)?];
    for a in &m.args {
        parts.push(vm.repr_string(a)?);
    }
    for (k, v) in m.kwnames.iter().zip(&m.kwvalues) {
        let k = crate::objects::str::display_lossy(k);
        parts.push(format!("{k}={}", vm.repr_string(v)?));
    }
    getter_repr(vm, me, parts)
}

fn methodcaller_reduce(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (me, m) = self_arg::<MethodCaller>(vm, args, "operator.methodcaller")?;
    let cls = type_of(me).as_value();
    if m.kwnames.is_empty() {
        let mut a = vec![m.name.clone()];
        a.extend(m.args.iter().cloned());
        return Ok(new_tuple(vec![cls, new_tuple(a)]));
    }
    // partial(methodcaller, name, **kwargs)(*args), as CPython.
    let functools = vm.import_absolute("functools")?;
    let partial = vm.getattr_str(&functools, "partial")?;
    let mut pargs = vec![cls, m.name.clone()];
    pargs.extend(m.kwvalues.iter().cloned());
    let names = new_tuple(m.kwnames.clone());
    let p = vm.call(&partial, &pargs, Some(&names))?;
    Ok(new_tuple(vec![p, new_tuple(m.args.clone())]))
}

fn methodcaller_type() -> &'static TypeObject {
    METHODCALLER.get_or_init(|st| {
        let t = init_native_type(st, "operator", "methodcaller", LayoutKind::Native, &OBJECT_TYPE, 0, |s| {
            s.new = Some(methodcaller_new);
            s.call = Some(methodcaller_call);
            s.repr = Some(methodcaller_repr);
        });
        add_method_to(t, "__reduce__", methodcaller_reduce);
    })
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_operator");
    m.doc("Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names are those\nused for special methods; variants without leading and trailing\n'__' are also provided for convenience.");
    m.functions(BINOPS);
    m.functions(CMPOPS);
    m.functions(&[
        ("neg", op_neg),
        ("pos", op_pos),
        ("inv", op_inv),
        ("invert", op_invert),
        ("abs", op_abs),
        ("not_", op_not),
        ("truth", op_truth),
        ("is_", op_is),
        ("is_not", op_is_not),
        ("index", op_index),
        ("call", op_call),
        ("contains", op_contains),
        ("getitem", op_getitem),
        ("setitem", op_setitem),
        ("delitem", op_delitem),
        ("concat", op_concat),
        ("iconcat", op_iconcat),
        ("countOf", op_count_of),
        ("indexOf", op_index_of),
        ("length_hint", op_length_hint),
        ("_compare_digest", compare_digest),
    ]);
    m.type_(itemgetter_type());
    m.type_(attrgetter_type());
    m.type_(methodcaller_type());
    let _ = type_flags::BASETYPE;
    Ok(m.finish())
}
