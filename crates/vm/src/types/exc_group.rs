//! PEP 654: `BaseExceptionGroup` and `ExceptionGroup` (construction rules,
//! `split`, `subgroup`, `derive`), and the two helpers behind `except*`:
//! matching a raised exception against a clause (CHECK_EG_MATCH) and
//! building what is re-raised after the clauses ran (PREP_RERAISE_STAR).

use crate::args::split_kwargs;
use crate::exception::{exc_type, new_exception, ExcKind, ExceptionObject, PyResult};
use crate::objects::list::ListObject;
use crate::objects::singletons::none;
use crate::objects::str::StrObject;
use crate::objects::tuple::{new_tuple, TupleObject};
use crate::typeinit::{add_getset_to, add_method_to};
use crate::typeobj::{type_of, KwNames, TypeObject};
use crate::value::Value;
use crate::vm::Vm;
use std::collections::HashSet;

fn is_group(v: &Value) -> bool {
    type_of(v).is_subtype(exc_type(ExcKind::BaseExceptionGroup))
}

/// PySequence_Check: has `__getitem__` and is not a dict.
pub(crate) fn is_sequence(v: &Value) -> bool {
    let t = type_of(v);
    t.slots().getitem.is_some() && !t.has_flag(crate::typeobj::type_flags::DICT_SUBCLASS)
}

fn is_exception(v: &Value) -> bool {
    v.downcast_ref::<ExceptionObject>().is_some()
}

/// The `(message, exceptions)` pair of a group (None, () for a group whose
/// `__new__` was bypassed).
fn parts(v: &Value) -> (Value, Vec<Value>) {
    let g = v.downcast_ref::<ExceptionObject>().map(|e| e.group()).unwrap_or(Value::NULL);
    match g.downcast_ref::<TupleObject>() {
        Some(t) if t.len() == 2 => {
            let msg = t.get(0).cloned().unwrap_or_else(none);
            let excs = t
                .get(1)
                .and_then(|e| e.downcast_ref::<TupleObject>().map(|t| t.items().to_vec()))
                .unwrap_or_default();
            (msg, excs)
        }
        _ => (none(), Vec::new()),
    }
}

fn group_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let Some(mut t) = cls.downcast_ref::<TypeObject>() else {
        return Err(vm.type_error("BaseExceptionGroup.__new__(X): X is not a type object"));
    };
    // Keywords are refused by __init__, naming the class finally chosen.
    let (pos, _) = split_kwargs(args, kwnames);
    if pos.len() != 2 {
        let msg = format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            pos.len()
        );
        return Err(vm.type_error(msg));
    }
    let (message, exceptions) = (&pos[0], &pos[1]);
    if message.downcast_ref::<StrObject>().is_none() {
        let msg = format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            vm.type_name(message)
        );
        return Err(vm.type_error(msg));
    }
    if !is_sequence(exceptions) {
        return Err(vm.type_error("second argument (exceptions) must be a sequence"));
    }
    let excs = vm.collect(exceptions)?;
    if excs.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let exception = exc_type(ExcKind::Exception);
    let mut nested_base_exceptions = false;
    for (i, e) in excs.iter().enumerate() {
        if !is_exception(e) {
            let msg = format!("Item {i} of second argument (exceptions) is not an exception");
            return Err(vm.value_error(msg));
        }
        if !type_of(e).is_subtype(exception) {
            nested_base_exceptions = true;
        }
    }
    let base_group = exc_type(ExcKind::BaseExceptionGroup);
    let group = exc_type(ExcKind::ExceptionGroup);
    if std::ptr::eq(t, base_group) {
        if !nested_base_exceptions {
            t = group;
        }
    } else if std::ptr::eq(t, group) {
        if nested_base_exceptions {
            return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if nested_base_exceptions && t.is_subtype(exception) {
        let msg = format!("Cannot nest BaseExceptions in '{}'", t.name_string());
        return Err(vm.type_error(msg));
    }
    let obj = new_exception(t, new_tuple(vec![message.clone(), exceptions.clone()]));
    if let Some(e) = obj.downcast_ref::<ExceptionObject>() {
        e.set_group(new_tuple(vec![message.clone(), new_tuple(excs)]));
    }
    Ok(obj)
}

fn group_init(vm: &mut Vm, obj: &Value, args: &[Value], kwnames: KwNames) -> PyResult<()> {
    let (pos, kw) = split_kwargs(args, kwnames);
    if !kw.is_empty() {
        let msg = format!("{}() takes no keyword arguments", type_of(obj).name_string());
        return Err(vm.type_error(msg));
    }
    if let Some(e) = obj.downcast_ref::<ExceptionObject>() {
        e.set_args(new_tuple(pos.to_vec()));
    }
    Ok(())
}

fn group_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (msg, excs) = parts(v);
    let msg = vm.str(&msg)?;
    let n = excs.len();
    let text = format!(
        "{} ({} sub-exception{})",
        crate::objects::str::display_lossy(&msg),
        n,
        if n > 1 { "s" } else { "" }
    );
    Ok(vm.new_str(&text))
}

fn message_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(parts(v).0)
}

fn exceptions_get(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_tuple(parts(v).1))
}

/// `message` and `exceptions` are read-only members in CPython.
fn readonly_set(vm: &mut Vm, _v: &Value, _new: Option<Value>) -> PyResult<()> {
    Err(vm.new_error(ExcKind::AttributeError, "readonly attribute"))
}

fn derive(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [this, excs] = crate::args::ArgSpec::exact::<2>(vm, "derive", args, 1)?;
    let (msg, _) = parts(&this);
    vm.call(
        &exc_type(ExcKind::BaseExceptionGroup).as_value(),
        &[msg, excs],
        None,
    )
}

/// What `split`/`subgroup` match leaves against.
enum Matcher {
    /// An exception class or a tuple of them.
    Type(Value),
    /// A callable called with each exception.
    Predicate(Value),
    /// Exactly these objects (by identity): used by `except*` to find which
    /// leaves the handlers re-raised.
    Leaves(HashSet<u64>),
}

fn matcher_of(vm: &mut Vm, v: &Value) -> PyResult<Matcher> {
    let is_exc_class = |x: &Value| {
        x.downcast_ref::<TypeObject>()
            .is_some_and(|t| t.is_subtype(exc_type(ExcKind::BaseException)))
    };
    if v.downcast_ref::<TypeObject>().is_none() && type_of(v).slots().call.is_some() {
        return Ok(Matcher::Predicate(v.clone()));
    }
    if is_exc_class(v) {
        return Ok(Matcher::Type(v.clone()));
    }
    if let Some(t) = v.downcast_ref::<TupleObject>() {
        if t.items().iter().all(is_exc_class) {
            return Ok(Matcher::Type(v.clone()));
        }
    }
    Err(vm.type_error("expected a function, exception type or tuple of exception types"))
}

/// `isinstance(exc, classes)` for an exception class or tuple of them.
fn matches_type(exc: &Value, classes: &Value) -> bool {
    let t = type_of(exc);
    let is = |c: &Value| c.downcast_ref::<TypeObject>().is_some_and(|c| t.is_subtype(c));
    match classes.downcast_ref::<TupleObject>() {
        Some(tuple) => tuple.items().iter().any(is),
        None => is(classes),
    }
}

fn matches(vm: &mut Vm, exc: &Value, m: &Matcher) -> PyResult<bool> {
    match m {
        Matcher::Type(classes) => Ok(matches_type(exc, classes)),
        Matcher::Predicate(f) => {
            let r = vm.call(f, &[exc.clone()], None)?;
            vm.is_true(&r)
        }
        Matcher::Leaves(ids) => Ok(ids.contains(&exc.bits())),
    }
}

/// A group like `orig` holding `excs`, made by `orig.derive` and given
/// `orig`'s traceback, cause, context and a copy of its notes.
fn subset(vm: &mut Vm, orig: &Value, excs: Vec<Value>) -> PyResult<Option<Value>> {
    if excs.is_empty() {
        return Ok(None);
    }
    let list = crate::objects::list::new_list(excs);
    let eg = vm.call_method(orig, "derive", &[list])?;
    if !is_group(&eg) {
        return Err(vm.type_error("derive must return an instance of BaseExceptionGroup"));
    }
    if let (Some(o), Some(e)) = (orig.downcast_ref::<ExceptionObject>(), eg.downcast_ref::<ExceptionObject>()) {
        let tb = o.traceback();
        if !tb.is_null() {
            e.set_traceback(tb);
        }
        e.set_context(o.context());
        e.set_cause(o.cause());
        // PyException_SetCause always sets __suppress_context__, even to
        // copy an absent cause: the parts never show their context.
        e.suppress_context.set(true);
    }
    let notes_name = vm.intern("__notes__");
    if let Some(notes) = vm.lookup_attr(orig, &notes_name)? {
        if is_sequence(&notes) {
            let copy = crate::objects::list::new_list(vm.collect(&notes)?);
            vm.setattr(&eg, &notes_name, copy)?;
        }
    }
    Ok(Some(eg))
}

/// Splits `exc` into the part matching `m` and (if asked) the rest, as
/// CPython's exceptiongroup_split_recursive: a matching exception or group is
/// taken whole, a group is otherwise split leaf by leaf and rebuilt with
/// `derive`.
fn split_recursive(vm: &mut Vm, exc: &Value, m: &Matcher, want_rest: bool) -> PyResult<(Option<Value>, Option<Value>)> {
    if matches(vm, exc, m)? {
        return Ok((Some(exc.clone()), None));
    }
    if !is_group(exc) {
        return Ok((None, want_rest.then(|| exc.clone())));
    }
    vm.enter_recursion(" in exceptiongroup_split_recursive")?;
    let result = (|| {
        let (_, excs) = parts(exc);
        let (mut matched, mut rest) = (Vec::new(), Vec::new());
        for e in &excs {
            let (mt, rs) = split_recursive(vm, e, m, want_rest)?;
            matched.extend(mt);
            rest.extend(rs);
        }
        let matched = subset(vm, exc, matched)?;
        let rest = if want_rest { subset(vm, exc, rest)? } else { None };
        Ok((matched, rest))
    })();
    vm.leave_recursion();
    result
}

fn split(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [this, cond] = crate::args::ArgSpec::exact::<2>(vm, "split", args, 1)?;
    let m = matcher_of(vm, &cond)?;
    let (matched, rest) = split_recursive(vm, &this, &m, true)?;
    Ok(new_tuple(vec![matched.unwrap_or_else(none), rest.unwrap_or_else(none)]))
}

fn subgroup(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [this, cond] = crate::args::ArgSpec::exact::<2>(vm, "subgroup", args, 1)?;
    let m = matcher_of(vm, &cond)?;
    let (matched, _) = split_recursive(vm, &this, &m, false)?;
    Ok(matched.unwrap_or_else(none))
}

/// `except* T`: rejects T that is not an exception class or is a group class.
pub(crate) fn check_except_star_type(vm: &mut Vm, classes: &Value) -> PyResult<()> {
    let items = match classes.downcast_ref::<TupleObject>() {
        Some(t) => t.items().to_vec(),
        None => vec![classes.clone()],
    };
    let base = exc_type(ExcKind::BaseException);
    let group = exc_type(ExcKind::BaseExceptionGroup);
    let as_type = |v: &Value| v.downcast_ref::<TypeObject>().map(|t| (t.is_subtype(base), t.is_subtype(group)));
    if !items.iter().all(|c| as_type(c).is_some_and(|(exc, _)| exc)) {
        return Err(vm.type_error("catching classes that do not inherit from BaseException is not allowed"));
    }
    if items.iter().any(|c| as_type(c).is_some_and(|(_, g)| g)) {
        return Err(vm.type_error("catching ExceptionGroup with except* is not allowed. Use except instead."));
    }
    Ok(())
}

/// CHECK_EG_MATCH: `(match, rest)` of the raised `exc` for an `except*`
/// clause; match is None when nothing matched. A bare exception that matches
/// is wrapped in a new ExceptionGroup("", [exc]).
pub(crate) fn except_star_match(vm: &mut Vm, exc: &Value, classes: &Value) -> PyResult<(Value, Value)> {
    if exc.is_none() {
        return Ok((none(), none()));
    }
    if matches_type(exc, classes) {
        if is_group(exc) {
            return Ok((exc.clone(), none()));
        }
        // 3.11 gives the wrapper no traceback of its own.
        let wrapped = vm.call(
            &exc_type(ExcKind::BaseExceptionGroup).as_value(),
            &[vm.new_str(""), new_tuple(vec![exc.clone()])],
            None,
        )?;
        return Ok((wrapped, none()));
    }
    if is_group(exc) {
        let pair = vm.call_method(exc, "split", &[classes.clone()])?;
        let tname = type_of(exc).name_string();
        let Some(t) = pair.downcast_ref::<TupleObject>().filter(|_| crate::typeobj::is_exact(&pair, &crate::typeobj::TUPLE_TYPE)) else {
            let msg = format!("{tname}.split must return a tuple, not {}", vm.type_name(&pair));
            return Err(vm.type_error(msg));
        };
        if t.len() != 2 {
            let msg = format!("{tname}.split must return a 2-tuple, got tuple of size {}", t.len());
            return Err(vm.type_error(msg));
        }
        return Ok((t.get(0).cloned().unwrap_or_else(none), t.get(1).cloned().unwrap_or_else(none)));
    }
    Ok((none(), none()))
}

fn collect_leaf_ids(exc: &Value, ids: &mut HashSet<u64>) {
    // Iterative: groups can nest arbitrarily deep.
    let mut stack = vec![exc.clone()];
    while let Some(e) = stack.pop() {
        if e.is_none() {
            continue;
        }
        if is_group(&e) {
            stack.extend(parts(&e).1);
        } else {
            ids.insert(e.bits());
        }
    }
}

/// Whether `a` is `b` re-raised (or a split of it): same traceback, cause and
/// context objects. (CPython 3.11 also compares a `notes` field that is
/// never set, `__notes__` living in the instance dict: notes do not count.)
fn same_metadata(a: &Value, b: &Value) -> bool {
    let (Some(x), Some(y)) = (a.downcast_ref::<ExceptionObject>(), b.downcast_ref::<ExceptionObject>()) else {
        return false;
    };
    x.traceback().bits() == y.traceback().bits()
        && x.cause().bits() == y.cause().bits()
        && x.context().bits() == y.context().bits()
}

/// PREP_RERAISE_STAR: after the `except*` clauses ran, `raised` holds for
/// each clause what it raised or re-raised (or None). Re-raised leaves are
/// gathered back into a split of `orig` keeping its structure; exceptions
/// raised anew join them in a new ExceptionGroup("", ...).
pub(crate) fn prep_reraise_star(vm: &mut Vm, orig: &Value, raised: &Value) -> PyResult<Value> {
    let excs = match raised.downcast_ref::<ListObject>() {
        Some(l) => l.to_vec(),
        None => return Err(vm.new_error(ExcKind::SystemError, "PREP_RERAISE_STAR expects a list")),
    };
    if excs.is_empty() {
        return Ok(none());
    }
    if !is_group(orig) {
        // A bare exception was wrapped: at most one clause ran.
        return Ok(excs[0].clone());
    }
    let (mut new_raised, mut reraised) = (Vec::new(), Vec::new());
    for e in excs.into_iter().filter(|e| !e.is_none()) {
        if same_metadata(&e, orig) {
            reraised.push(e);
        } else {
            new_raised.push(e);
        }
    }
    let mut ids = HashSet::new();
    for e in &reraised {
        collect_leaf_ids(e, &mut ids);
    }
    let reraised_group = if ids.is_empty() {
        None
    } else {
        split_recursive(vm, orig, &Matcher::Leaves(ids), false)?.0
    };
    if new_raised.is_empty() {
        return Ok(reraised_group.unwrap_or_else(none));
    }
    new_raised.extend(reraised_group);
    if new_raised.len() == 1 {
        return Ok(new_raised.pop().unwrap_or_else(none));
    }
    vm.call(
        &exc_type(ExcKind::BaseExceptionGroup).as_value(),
        &[vm.new_str(""), crate::objects::list::new_list(new_raised)],
        None,
    )
}

/// The sub-exceptions of a group (empty for other exceptions), for the
/// traceback printer.
pub(crate) fn group_exceptions(v: &Value) -> Option<Vec<Value>> {
    if is_group(v) {
        Some(parts(v).1)
    } else {
        None
    }
}

pub(crate) fn init() {
    let base_group = exc_type(ExcKind::BaseExceptionGroup);
    let group = exc_type(ExcKind::ExceptionGroup);
    // ExceptionGroup(BaseExceptionGroup, Exception): two bases, so its MRO
    // is not the single-parent chain the exception table builds.
    let exception = exc_type(ExcKind::Exception);
    let mro = vec![
        group.as_value(),
        base_group.as_value(),
        exception.as_value(),
        exc_type(ExcKind::BaseException).as_value(),
        crate::typeobj::OBJECT_TYPE.get().as_value(),
    ];
    // SAFETY: start-up, under the GIL, before any lookup cached these.
    unsafe {
        *group.bases.get() = new_tuple(vec![base_group.as_value(), exception.as_value()]);
        *group.mro.get() = new_tuple(mro);
        (*exception.subclasses.get()).push(group);
    }
    let s = base_group.slots_mut();
    s.new = Some(group_new);
    s.init = Some(group_init);
    s.str = Some(group_str);
    add_getset_to(base_group, "message", message_get, Some(readonly_set));
    add_getset_to(base_group, "exceptions", exceptions_get, Some(readonly_set));
    add_method_to(base_group, "derive", derive);
    add_method_to(base_group, "split", split);
    add_method_to(base_group, "subgroup", subgroup);
}
