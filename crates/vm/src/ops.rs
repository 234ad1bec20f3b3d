//! The abstract object protocol (CPython's `Objects/abstract.c` and
//! `object.c`): hashing, truth, rich comparison, binary operators with
//! reflected operands, subscripting, iteration, calls and attributes, each
//! going through the type's slots.

use crate::exception::{ExcKind, PyErr, PyResult};
use crate::hash;
use crate::objects::function::FunctionObject;
use crate::objects::iter::new_seq_iter;
use crate::objects::singletons::not_implemented;
use crate::objects::str::StrObject;
use crate::typeobj::{is_exact, nb, type_of, CompareOp, KwNames, TypeObject, NB_INPLACE, SEQ_ITER_TYPE, STR_TYPE};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        if let Some(i) = v.as_small_int() {
            return Ok(hash::hash_i64(i));
        }
        if let Some(f) = v.as_float() {
            return Ok(hash::hash_f64(f, v.bits()));
        }
        if is_exact(v, &STR_TYPE) {
            if let Some(s) = v.downcast_ref::<StrObject>() {
                return Ok(s.hash());
            }
        }
        match type_of(v).slots().hash {
            Some(f) => f(self, v),
            None => {
                let msg = format!("unhashable type: '{}'", self.type_name(v));
                Err(self.type_error(msg))
            }
        }
    }

    /// `repr(v)` as a str value.
    pub fn repr(&mut self, v: &Value) -> PyResult<Value> {
        match type_of(v).slots().repr {
            Some(f) => {
                self.enter_recursion(" while getting the repr of an object")?;
                let r = f(self, v);
                self.leave_recursion();
                let r = r?;
                if r.downcast_ref::<StrObject>().is_none() {
                    let msg = format!("__repr__ returned non-string (type {})", self.type_name(&r));
                    return Err(self.type_error(msg));
                }
                Ok(r)
            }
            None => Ok(self.new_str(&crate::types::object_ty::default_repr(v))),
        }
    }

    /// `str(v)` as a str value.
    pub fn str(&mut self, v: &Value) -> PyResult<Value> {
        if is_exact(v, &STR_TYPE) {
            return Ok(v.clone());
        }
        match type_of(v).slots().str {
            Some(f) => {
                let r = f(self, v)?;
                if r.downcast_ref::<StrObject>().is_none() {
                    let msg = format!("__str__ returned non-string (type {})", self.type_name(&r));
                    return Err(self.type_error(msg));
                }
                Ok(r)
            }
            None => self.repr(v),
        }
    }

    pub fn repr_string(&mut self, v: &Value) -> PyResult<String> {
        let r = self.repr(v)?;
        Ok(crate::objects::str::display_lossy(&r))
    }

    pub fn str_string(&mut self, v: &Value) -> PyResult<String> {
        let r = self.str(v)?;
        Ok(crate::objects::str::display_lossy(&r))
    }

    /// Truth value (`bool(v)`).
    #[inline]
    pub fn is_true(&mut self, v: &Value) -> PyResult<bool> {
        if v.is_true_obj() {
            return Ok(true);
        }
        if v.is_false_obj() || v.is_none() {
            return Ok(false);
        }
        if let Some(i) = v.as_small_int() {
            return Ok(i != 0);
        }
        if let Some(f) = v.as_float() {
            return Ok(f != 0.0);
        }
        let slots = type_of(v).slots();
        if let Some(f) = slots.bool {
            return f(self, v);
        }
        if let Some(f) = slots.len {
            return Ok(f(self, v)? != 0);
        }
        Ok(true)
    }

    /// `a <op> b` for `BINARY_OP`'s oparg (0..26).
    pub fn binary_op(&mut self, op: usize, a: &Value, b: &Value) -> PyResult<Value> {
        if op >= NB_INPLACE {
            if let Some(f) = type_of(a).slots().nb[op] {
                let r = f(self, a, b)?;
                if !r.is_not_implemented() {
                    return Ok(r);
                }
            }
            return self.binary_op_base(op - NB_INPLACE, a, b, true);
        }
        self.binary_op_base(op, a, b, false)
    }

    fn binary_op_base(&mut self, op: usize, a: &Value, b: &Value, inplace: bool) -> PyResult<Value> {
        let r = self.binary_op1(op, a, b)?;
        if !r.is_not_implemented() {
            return Ok(r);
        }
        // Sequence fallbacks: concatenation and repetition.
        let (ta, tb) = (type_of(a), type_of(b));
        if op == nb::ADD {
            if let Some(f) = ta.slots().concat {
                return f(self, a, b);
            }
        } else if op == nb::MULTIPLY {
            if let Some(f) = ta.slots().repeat {
                return f(self, a, b);
            }
            // PyNumber_InPlaceMultiply only repeats the right operand when the
            // left one's type has no sequence methods at all (heap types and
            // containers such as dict or set have some, without repeat).
            let left_is_sequence_like = ta.is_heap_type() || ta.slots().contains.is_some() || ta.slots().concat.is_some();
            if let Some(f) = tb.slots().repeat.filter(|_| !(inplace && left_is_sequence_like)) {
                return f(self, b, a);
            }
        }
        let sym = nb::SYMBOLS[op];
        let msg = if op == nb::POWER && !inplace {
            format!(
                "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
                self.type_name(a),
                self.type_name(b)
            )
        } else {
            format!(
                "unsupported operand type(s) for {}{}: '{}' and '{}'",
                sym,
                if inplace { "=" } else { "" },
                self.type_name(a),
                self.type_name(b)
            )
        };
        Err(self.type_error(msg))
    }

    /// CPython's binary_op1: the left slot, the right one, subclass first.
    pub fn binary_op1(&mut self, op: usize, a: &Value, b: &Value) -> PyResult<Value> {
        let ta = type_of(a);
        let tb = type_of(b);
        let slota = ta.slots().nb[op];
        let mut slotb = if std::ptr::eq(ta, tb) { None } else { tb.slots().nb[op] };
        if let (Some(fa), Some(fb)) = (slota, slotb) {
            if fa as usize == fb as usize {
                slotb = None;
            }
        }
        if let Some(fa) = slota {
            if let Some(fb) = slotb {
                if tb.is_subtype(ta) {
                    let r = fb(self, a, b)?;
                    if !r.is_not_implemented() {
                        return Ok(r);
                    }
                    slotb = None;
                }
            }
            let r = fa(self, a, b)?;
            if !r.is_not_implemented() {
                return Ok(r);
            }
        }
        if let Some(fb) = slotb {
            return fb(self, a, b);
        }
        Ok(not_implemented())
    }

    /// Rich comparison with reflection (`do_richcompare`).
    pub fn compare(&mut self, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
        self.enter_recursion(" in comparison")?;
        let r = self.compare_inner(a, b, op);
        self.leave_recursion();
        r
    }

    fn compare_inner(&mut self, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
        let ta = type_of(a);
        let tb = type_of(b);
        let mut checked_reverse = false;
        if !std::ptr::eq(ta, tb) && tb.is_subtype(ta) {
            if let Some(f) = tb.slots().richcompare {
                checked_reverse = true;
                let r = f(self, b, a, op.swapped())?;
                if !r.is_not_implemented() {
                    return Ok(r);
                }
            }
        }
        if let Some(f) = ta.slots().richcompare {
            let r = f(self, a, b, op)?;
            if !r.is_not_implemented() {
                return Ok(r);
            }
        }
        if !checked_reverse {
            if let Some(f) = tb.slots().richcompare {
                let r = f(self, b, a, op.swapped())?;
                if !r.is_not_implemented() {
                    return Ok(r);
                }
            }
        }
        match op {
            CompareOp::Eq => Ok(Value::bool(a.is(b))),
            CompareOp::Ne => Ok(Value::bool(!a.is(b))),
            _ => {
                let msg = format!(
                    "'{}' not supported between instances of '{}' and '{}'",
                    op.symbol(),
                    self.type_name(a),
                    self.type_name(b)
                );
                Err(self.type_error(msg))
            }
        }
    }

    pub fn compare_bool(&mut self, a: &Value, b: &Value, op: CompareOp) -> PyResult<bool> {
        let r = self.compare(a, b, op)?;
        self.is_true(&r)
    }

    /// `a == b` as containers test it: identity first.
    pub fn rich_eq_bool(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if a.is(b) {
            return Ok(true);
        }
        self.compare_bool(a, b, CompareOp::Eq)
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        if let Some(f) = type_of(container).slots().contains {
            return f(self, container, item);
        }
        let slots = type_of(container).slots();
        if slots.iter.is_none() && slots.getitem.is_none() {
            let msg = format!("argument of type '{}' is not iterable", self.type_name(container));
            return Err(self.type_error(msg));
        }
        let it = self.iter(container)?;
        while let Some(x) = self.next(&it)? {
            if self.rich_eq_bool(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    pub fn getitem(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        if let Some(f) = type_of(obj).slots().getitem {
            return f(self, obj, key);
        }
        if let Some(t) = obj.downcast_ref::<TypeObject>() {
            if let Some(cg) = t.lookup_str(self, "__class_getitem__") {
                let bound = self.bind_descriptor(&cg, Some(obj), &t.as_value())?;
                return self.call(&bound, std::slice::from_ref(key), None);
            }
            if crate::types::generic_alias::is_builtin_generic(t) {
                return Ok(crate::types::generic_alias::new_generic_alias(obj.clone(), key));
            }
            let msg = format!("type '{}' is not subscriptable", t.name_string());
            return Err(self.type_error(msg));
        }
        let msg = format!("'{}' object is not subscriptable", self.type_name(obj));
        Err(self.type_error(msg))
    }

    pub fn setitem(&mut self, obj: &Value, key: &Value, value: Value) -> PyResult<()> {
        match type_of(obj).slots().setitem {
            Some(f) => f(self, obj, key, Some(value)),
            None => {
                let msg = format!("'{}' object does not support item assignment", self.type_name(obj));
                Err(self.type_error(msg))
            }
        }
    }

    pub fn delitem(&mut self, obj: &Value, key: &Value) -> PyResult<()> {
        match type_of(obj).slots().setitem {
            Some(f) => f(self, obj, key, None),
            None => {
                // CPython words it by the path taken: PySequence_DelItem for an
                // index into a type with sequence methods, PyObject_DelItem otherwise.
                let t = type_of(obj);
                let s = t.slots();
                let sequence_like = t.is_heap_type()
                    || s.getitem.is_some()
                    || s.len.is_some()
                    || s.contains.is_some()
                    || s.concat.is_some()
                    || s.repeat.is_some();
                let is_index = key.is_small_int() || type_of(key).slots().index.is_some();
                let verb = if sequence_like && is_index { "doesn't" } else { "does not" };
                let msg = format!("'{}' object {verb} support item deletion", self.type_name(obj));
                Err(self.type_error(msg))
            }
        }
    }

    /// `iter(v)`.
    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        let t = type_of(v);
        if let Some(f) = t.slots().iter {
            let it = f(self, v)?;
            if type_of(&it).slots().iternext.is_none() {
                let msg = format!("iter() returned non-iterator of type '{}'", self.type_name(&it));
                return Err(self.type_error(msg));
            }
            return Ok(it);
        }
        if t.slots().getitem.is_some() && t.lookup_str(self, "__getitem__").is_some() {
            return Ok(new_seq_iter(SEQ_ITER_TYPE.get(), v.clone()));
        }
        let msg = format!("'{}' object is not iterable", t.name_string());
        Err(self.type_error(msg))
    }

    /// `next(it)`; `Ok(None)` when exhausted.
    #[inline]
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match type_of(it).slots().iternext {
            Some(f) => f(self, it),
            None => {
                let msg = format!("'{}' object is not an iterator", self.type_name(it));
                Err(self.type_error(msg))
            }
        }
    }

    /// Every item of an iterable.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        if let Some(t) = v.downcast_ref::<crate::objects::tuple::TupleObject>() {
            if is_exact(v, &crate::typeobj::TUPLE_TYPE) {
                return Ok(t.items().to_vec());
            }
        }
        if let Some(l) = v.downcast_ref::<crate::objects::list::ListObject>() {
            if is_exact(v, &crate::typeobj::LIST_TYPE) {
                return Ok(l.to_vec());
            }
        }
        let it = self.iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    /// CPython's PyObject_LengthHint: `len(v)` if it has one (a TypeError
    /// from it ignored), else `v.__length_hint__()` (NotImplemented or a
    /// TypeError give `default`).
    pub fn length_hint(&mut self, v: &Value, default: usize) -> PyResult<usize> {
        if type_of(v).slots().len.is_some() {
            match self.len(v) {
                Ok(n) => return Ok(n),
                Err(e) if e.is_instance(ExcKind::TypeError) => {}
                Err(e) => return Err(e),
            }
        }
        let r = match self.call_special(v, "__length_hint__", &[]) {
            Ok(Some(r)) => r,
            Ok(None) => return Ok(default),
            Err(e) if e.is_instance(ExcKind::TypeError) => return Ok(default),
            Err(e) => return Err(e),
        };
        if r.is_not_implemented() {
            return Ok(default);
        }
        let Some(n) = crate::objects::int::as_int(&r) else {
            let msg = format!("__length_hint__ must be an integer, not {}", self.type_name(&r));
            return Err(self.type_error(msg));
        };
        let Some(n) = n.to_i64() else {
            return Err(self.new_error(ExcKind::OverflowError, "Python int too large to convert to C ssize_t"));
        };
        if n < 0 {
            return Err(self.value_error("__length_hint__() should return >= 0"));
        }
        Ok(n as usize)
    }

    /// Every item of an iterable, with room reserved up front for as many as
    /// its length hint promises, as `list()`, `list.extend`, `tuple()` and
    /// `sorted()` do in CPython: an impossible promise is a MemoryError
    /// before any item is read, not an endless growth.
    pub fn collect_sized(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        if is_exact(v, &crate::typeobj::TUPLE_TYPE) || is_exact(v, &crate::typeobj::LIST_TYPE) {
            return self.collect(v);
        }
        let it = self.iter(v)?;
        let hint = self.length_hint(v, 8)?;
        let bytes = (hint as u128) * std::mem::size_of::<Value>() as u128;
        crate::object::check_allocation(self, bytes)?;
        let mut out: Vec<Value> = Vec::new();
        if out.try_reserve_exact(hint).is_err() {
            return Err(self.new_error(ExcKind::MemoryError, ""));
        }
        while let Some(x) = self.next(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        match type_of(v).slots().len {
            Some(f) => f(self, v),
            None => {
                let msg = format!("object of type '{}' has no len()", self.type_name(v));
                Err(self.type_error(msg))
            }
        }
    }

    /// Calls any callable with positional args followed by keyword values.
    pub fn call(&mut self, callable: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
        if callable.downcast_ref::<FunctionObject>().is_some() {
            return self.call_python(callable, args, kwnames);
        }
        // Which calls count toward the recursion limit follows CPython 3.11
        // in its specialized steady state: vectorcall builtins (except METH_O
        // ones), method descriptors and bound methods do not; tp_call does.
        let counted = match callable.downcast_ref::<crate::objects::descr::BuiltinFunction>() {
            Some(b) => b.counts_recursion.get(),
            None => {
                callable.downcast_ref::<crate::objects::descr::MethodDescr>().is_none()
                    && callable
                        .downcast_ref::<crate::objects::function::BoundMethod>()
                        .is_none()
                    && !callable.downcast_ref::<TypeObject>().is_some_and(type_call_is_vectorcall)
            }
        };
        if !counted {
            if let Some(f) = type_of(callable).slots().call {
                return f(self, callable, args, kwnames);
            }
        }
        match type_of(callable).slots().call {
            Some(f) => {
                self.enter_recursion(" while calling a Python object")?;
                let r = f(self, callable, args, kwnames);
                self.leave_recursion();
                r
            }
            None => {
                let msg = format!("'{}' object is not callable", self.type_name(callable));
                Err(self.type_error(msg))
            }
        }
    }

    pub fn call0(&mut self, callable: &Value) -> PyResult<Value> {
        self.call(callable, &[], None)
    }

    pub fn call1(&mut self, callable: &Value, a: Value) -> PyResult<Value> {
        self.call(callable, &[a], None)
    }

    /// Counts one level of native recursion (CPython's Py_EnterRecursiveCall).
    #[inline]
    pub fn enter_recursion(&mut self, context: &str) -> PyResult<()> {
        self.depth += 1;
        if self.depth > self.recursion_limit {
            self.depth -= 1;
            return Err(self.new_error(
                ExcKind::RecursionError,
                format!("maximum recursion depth exceeded{context}"),
            ));
        }
        Ok(())
    }

    #[inline]
    pub fn leave_recursion(&mut self) {
        self.depth -= 1;
    }

    /// `getattr(obj, name)`; AttributeError when missing.
    pub fn getattr(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        match (type_of(obj).slots().getattro)(self, obj, name) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Err(self.attribute_error(obj, name)),
            Err(e) => {
                // As PyObject_GetAttr: an AttributeError from `__getattr__` or a
                // property gets the failed lookup's name and object (for the
                // "Did you mean" suggestion) unless it already has them.
                if e.is_instance(ExcKind::AttributeError) {
                    crate::types::exc::set_attribute_error_context_if_unset(&e, obj, name);
                }
                Err(e)
            }
        }
    }

    pub fn getattr_str(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        let n = self.intern(name);
        self.getattr(obj, &n)
    }

    /// `getattr(obj, name, None)`-like: `Ok(None)` when missing (an
    /// AttributeError raised by `__getattr__` counts as missing).
    pub fn lookup_attr(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        match (type_of(obj).slots().getattro)(self, obj, name) {
            Ok(v) => Ok(v),
            Err(e) if e.is_instance(ExcKind::AttributeError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub fn attribute_error(&mut self, obj: &Value, name: &Value) -> PyErr {
        let n = crate::objects::str::display_lossy(name);
        let msg = if let Some(t) = obj.downcast_ref::<TypeObject>() {
            format!("type object '{}' has no attribute '{}'", t.name_string(), n)
        } else if let Some(m) = obj.downcast_ref::<crate::objects::module::ModuleObject>() {
            let mname = m
                .dict()
                .get_str_key("__name__")
                .map(|v| crate::objects::str::display_lossy(&v));
            match mname {
                Some(mn) if self.module_initializing(obj) => format!(
                    "partially initialized module '{mn}' has no attribute '{n}' (most likely due to a circular import)"
                ),
                Some(mn) => format!("module '{mn}' has no attribute '{n}'"),
                None => format!("module has no attribute '{n}'"),
            }
        } else {
            format!("'{}' object has no attribute '{}'", self.type_name(obj), n)
        };
        let e = self.new_error(ExcKind::AttributeError, msg);
        crate::types::exc::set_attribute_error_context(self, &e, obj, name);
        e
    }

    pub fn setattr(&mut self, obj: &Value, name: &Value, value: Value) -> PyResult<()> {
        match type_of(obj).slots().setattro {
            Some(f) => f(self, obj, name, Some(value)),
            None => Err(self.no_setattr_error(obj, name, false)),
        }
    }

    pub fn delattr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        match type_of(obj).slots().setattro {
            Some(f) => f(self, obj, name, None),
            None => Err(self.no_setattr_error(obj, name, true)),
        }
    }

    fn no_setattr_error(&mut self, obj: &Value, name: &Value, del: bool) -> PyErr {
        let t = self.type_name(obj);
        let n = crate::objects::str::display_lossy(name);
        let msg = if type_of(obj).lookup(name).is_some() {
            format!("'{t}' object attribute '{n}' is read-only")
        } else {
            format!("'{t}' object has no attribute '{n}'")
        };
        let _ = del;
        self.new_error(ExcKind::AttributeError, msg)
    }

    /// Binds a descriptor found on a type: `descr.__get__(obj, owner)`.
    pub fn bind_descriptor(&mut self, descr: &Value, obj: Option<&Value>, owner: &Value) -> PyResult<Value> {
        match type_of(descr).slots().descr_get {
            Some(f) => f(self, descr, obj, owner),
            None => Ok(descr.clone()),
        }
    }

    /// Looks a special method up on the type (not the instance) and binds it.
    pub fn lookup_special(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let t = type_of(obj);
        let Some(d) = t.lookup_str(self, name) else {
            return Ok(None);
        };
        let owner = t.as_value();
        Ok(Some(self.bind_descriptor(&d, Some(obj), &owner)?))
    }

    /// Calls `type(obj).<name>(obj, *args)`; `Ok(None)` when the type lacks it.
    pub fn call_special(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
        let t = type_of(obj);
        let Some(d) = t.lookup_str(self, name) else {
            return Ok(None);
        };
        self.call_unbound(&d, obj, args).map(Some)
    }

    /// Calls a descriptor found on the type with `obj` bound as self, without
    /// creating a bound method when the descriptor is a plain function.
    pub fn call_unbound(&mut self, descr: &Value, obj: &Value, args: &[Value]) -> PyResult<Value> {
        if descr.downcast_ref::<FunctionObject>().is_some()
            || type_of(descr).has_flag(crate::typeobj::type_flags::METHOD_DESCRIPTOR)
        {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(obj.clone());
            full.extend_from_slice(args);
            return self.call(descr, &full, None);
        }
        let owner = type_of(obj).as_value();
        let bound = self.bind_descriptor(descr, Some(obj), &owner)?;
        self.call(&bound, args, None)
    }

    /// `obj.name(*args)`.
    pub fn call_method(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let m = self.getattr_str(obj, name)?;
        self.call(&m, args, None)
    }

    /// `operator.index(v)` as an i64, with CPython's messages.
    pub fn index_i64(&mut self, v: &Value) -> PyResult<i64> {
        let iv = self.index(v)?;
        match crate::objects::int::as_int(&iv).and_then(|i| i.to_i64()) {
            Some(i) => Ok(i),
            None => {
                let msg = format!("cannot fit '{}' into an index-sized integer", self.type_name(v));
                Err(self.new_error(ExcKind::IndexError, msg))
            }
        }
    }

    /// Argument Clinic's `int` converter (`_PyLong_AsInt` over `__index__`): floats refused,
    /// anything outside C int range an OverflowError.
    pub fn c_int(&mut self, v: &Value) -> PyResult<i32> {
        if v.is_float() {
            return Err(self.type_error("'float' object cannot be interpreted as an integer"));
        }
        let iv = self.index(v)?;
        match crate::objects::int::as_int(&iv).and_then(|i| i.to_i64()).and_then(|n| i32::try_from(n).ok()) {
            Some(n) => Ok(n),
            None => Err(self.new_error(ExcKind::OverflowError, "Python int too large to convert to C int")),
        }
    }

    /// `PyLong_AsLong` over `__index__` (PyArg_Parse's `l` format): floats refused, a
    /// value past C long an OverflowError.
    pub fn arg_c_long(&mut self, v: &Value) -> PyResult<i64> {
        if v.is_float() {
            return Err(self.type_error("'float' object cannot be interpreted as an integer"));
        }
        let iv = self.index(v)?;
        crate::objects::int::as_int(&iv)
            .and_then(|i| i.to_i64())
            .ok_or_else(|| self.new_error(ExcKind::OverflowError, "Python int too large to convert to C long"))
    }

    /// `PyArg_Parse`'s `i` format (a C int through `__index__`): floats refused, a value past
    /// C long an OverflowError, then CPython's "signed integer is greater than maximum" and
    /// "... less than minimum" outside C int range.
    pub fn arg_c_int(&mut self, v: &Value) -> PyResult<i32> {
        let n = self.arg_c_long(v)?;
        i32::try_from(n).map_err(|_| {
            let msg = if n > 0 { "signed integer is greater than maximum" } else { "signed integer is less than minimum" };
            self.new_error(ExcKind::OverflowError, msg)
        })
    }

    /// `operator.index(v)`.
    pub fn index(&mut self, v: &Value) -> PyResult<Value> {
        if crate::objects::int::as_int(v).is_some() {
            if v.is_small_int() || is_exact(v, &crate::typeobj::INT_TYPE) {
                return Ok(v.clone());
            }
            if let Some(i) = crate::objects::int::as_int(v) {
                return Ok(match i {
                    crate::objects::int::IntView::Small(s) => Value::int(s),
                    crate::objects::int::IntView::Big(b) => crate::objects::int::int_from_big(b.clone()),
                });
            }
        }
        match type_of(v).slots().index {
            Some(f) => {
                let r = f(self, v)?;
                // __index__ must give an int; an int subclass is deprecated.
                crate::types::num::exact_int_result(self, r, "__index__")
            }
            None => {
                let msg = format!("'{}' object cannot be interpreted as an integer", self.type_name(v));
                Err(self.type_error(msg))
            }
        }
    }

    /// Builds the exception for an unbound local or missing global/name.
    pub fn name_error(&mut self, name: &Value) -> PyErr {
        let n = crate::objects::str::display_lossy(name);
        let e = self.new_error(ExcKind::NameError, format!("name '{n}' is not defined"));
        crate::types::exc::set_name_error_name(self, &e, name);
        e
    }
}

/// The builtin types CPython 3.11 calls through their own `tp_vectorcall`
/// (list, dict, map, ...): such a call is not counted toward the recursion
/// limit, while calling any other class (`type_call` through
/// `_PyObject_MakeTpCall`) is. Subclasses do not inherit it.
fn type_call_is_vectorcall(t: &TypeObject) -> bool {
    use crate::builtins::{ENUMERATE_TYPE, FILTER_TYPE, MAP_TYPE, REVERSED_TYPE};
    use crate::typeobj::{
        BOOL_TYPE, DICT_TYPE, FLOAT_TYPE, FROZENSET_TYPE, LIST_TYPE, RANGE_TYPE, SET_TYPE, SUPER_TYPE, TUPLE_TYPE,
        TYPE_TYPE,
    };
    [
        &TYPE_TYPE, &SUPER_TYPE, &TUPLE_TYPE, &LIST_TYPE, &DICT_TYPE, &SET_TYPE, &FROZENSET_TYPE, &RANGE_TYPE,
        &FLOAT_TYPE, &BOOL_TYPE, &ENUMERATE_TYPE, &REVERSED_TYPE, &FILTER_TYPE, &MAP_TYPE,
    ]
    .iter()
    .any(|st| std::ptr::eq(st.ptr(), t))
}
