//! `_lsprof`: the deterministic profiler behind `cProfile`. A `Profiler`
//! installs itself as the thread's native profile hook (tracing.rs), times
//! each Python function (keyed by its code object) and, unless told not to,
//! each builtin (keyed by its native function), per caller too, and reports
//! the totals from `getstats()` as CPython's `profiler_entry` /
//! `profiler_subentry` struct sequences.

use crate::args::ArgSpec;
use crate::exception::PyResult;
use crate::modules::itertools::{self_arg, state};
use crate::modules::structseq::{new_structseq, structseq_type, StructSeqDesc};
use crate::modules::{init_native_type, ModuleBuilder, NativeType};
use crate::object::LayoutKind;
use crate::objects::descr::BuiltinFunction;
use crate::objects::list::new_list;
use crate::objects::module::ModuleObject;
use crate::objects::native::{new_native, NativeData};
use crate::objects::singletons::none;
use crate::objects::str::new_str;
use crate::typeinit::add_method_to;
use crate::typeobj::{type_flags, type_of, KwNames, TypeObject, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;
use std::collections::HashMap;

/// What an entry is keyed by: a code object's address, or a builtin's
/// native function and name (CPython keys builtins by their PyMethodDef).
type Key = (usize, usize);

/// One profiled function.
struct Entry {
    /// The code object, or a builtin's description ("<built-in method builtins.len>").
    user_obj: Value,
    total: i64,
    inline: i64,
    calls: i64,
    recursive_calls: i64,
    recursion_level: i64,
    /// Per callee: its entry index and the counts of calls from this entry.
    callees: Vec<SubEntry>,
    callee_index: HashMap<usize, usize>,
}

struct SubEntry {
    entry: usize,
    total: i64,
    inline: i64,
    calls: i64,
    recursive_calls: i64,
    recursion_level: i64,
}

/// A call in progress.
struct Context {
    entry: usize,
    start: i64,
    /// Time spent in its profiled callees.
    in_callees: i64,
}

#[derive(Default)]
struct State {
    entries: Vec<Entry>,
    index: HashMap<Key, usize>,
    stack: Vec<Context>,
    subcalls: bool,
    builtins: bool,
    enabled: bool,
    /// A user timer (None: the monotonic clock, in nanoseconds).
    timer: Option<Value>,
    /// The timer's unit in seconds when it returns integers (0: it returns
    /// float seconds).
    time_unit: f64,
}

struct Profiler {
    state: RefCell<State>,
}

impl NativeData for Profiler {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(st) = self.state.try_borrow() {
            for e in &st.entries {
                visit(&e.user_obj);
            }
            if let Some(t) = &st.timer {
                visit(t);
            }
        }
    }
    fn clear(&self) {
        if let Ok(mut st) = self.state.try_borrow_mut() {
            let old = (std::mem::take(&mut st.entries), st.timer.take());
            st.index.clear();
            st.stack.clear();
            drop(old);
        }
    }
}

static PROFILER_TYPE: NativeType = NativeType::new();
static ENTRY_TYPE: NativeType = NativeType::new();
static SUBENTRY_TYPE: NativeType = NativeType::new();

static ENTRY_DESC: StructSeqDesc = StructSeqDesc {
    module: "_lsprof",
    name: "profiler_entry",
    fields: &["code", "callcount", "reccallcount", "totaltime", "inlinetime", "calls"],
    n_visible: 6,
    copy_missing: &[],
};

static SUBENTRY_DESC: StructSeqDesc = StructSeqDesc {
    module: "_lsprof",
    name: "profiler_subentry",
    fields: &["code", "callcount", "reccallcount", "totaltime", "inlinetime"],
    n_visible: 5,
    copy_missing: &[],
};

fn profiler_type() -> &'static TypeObject {
    PROFILER_TYPE.get_or_init(|st| {
        let t = init_native_type(st, "_lsprof", "Profiler", LayoutKind::Native, &OBJECT_TYPE, type_flags::BASETYPE, |s| {
            s.new = Some(profiler_new);
            s.init = Some(profiler_init);
        });
        add_method_to(t, "getstats", profiler_getstats);
        add_method_to(t, "enable", profiler_enable);
        add_method_to(t, "disable", profiler_disable);
        add_method_to(t, "clear", profiler_clear);
    })
}

fn profiler_new(_vm: &mut Vm, cls: &Value, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let t = cls
        .downcast_ref::<TypeObject>()
        .filter(|t| t.layout == LayoutKind::Native)
        .unwrap_or(profiler_type());
    let st = State { subcalls: true, builtins: true, ..State::default() };
    Ok(new_native(t, Profiler { state: RefCell::new(st) }))
}

const WHAT: &str = "_lsprof.Profiler";

/// An `int` flag as PyArg's "i" reads it (None: not given).
fn flag(vm: &mut Vm, v: &Option<Value>) -> PyResult<Option<bool>> {
    match v {
        None => Ok(None),
        Some(v) => Ok(Some(vm.index_i64(v)? != 0)),
    }
}

fn profiler_init(vm: &mut Vm, me: &Value, args: &[Value], kw: KwNames) -> PyResult<()> {
    let a = ArgSpec::parse(vm, "Profiler", args, kw, &["timer", "timeunit", "subcalls", "builtins"], 4, 0)?;
    let unit = match &a[1] {
        Some(v) => crate::modules::math::to_f64(vm, v)?,
        None => 0.0,
    };
    let subcalls = flag(vm, &a[2])?;
    let builtins = flag(vm, &a[3])?;
    let p = state::<Profiler>(vm, me, WHAT)?;
    let mut st = p.state.borrow_mut();
    st.subcalls = subcalls.unwrap_or(true);
    st.builtins = builtins.unwrap_or(true);
    st.time_unit = unit;
    let old = std::mem::replace(&mut st.timer, a[0].clone().filter(|t| !t.is_none()));
    drop(st);
    drop(old);
    Ok(())
}

fn profiler_enable(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (me, _) = self_arg::<Profiler>(vm, args, WHAT)?;
    let me = me.clone();
    let a = ArgSpec::parse(vm, "enable", &args[1..], kw, &["subcalls", "builtins"], 2, 0)?;
    let subcalls = flag(vm, &a[0])?;
    let builtins = flag(vm, &a[1])?;
    let p = state::<Profiler>(vm, &me, WHAT)?;
    {
        let mut st = p.state.borrow_mut();
        if let Some(s) = subcalls {
            st.subcalls = s;
        }
        if let Some(b) = builtins {
            st.builtins = b;
        }
        st.enabled = true;
    }
    vm.set_native_profiler(me.clone(), profiler_event);
    Ok(none())
}

fn profiler_disable(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "disable", &args[1..], kw)?;
    let (_, p) = self_arg::<Profiler>(vm, args, WHAT)?;
    // Whichever profiler is installed is removed, as CPython's disable().
    vm.set_hook(crate::tracing::Hook::Profile, Value::NULL);
    p.state.borrow_mut().enabled = false;
    // Calls still open are closed now, as if they returned.
    let now = now(vm, p);
    let mut st = p.state.borrow_mut();
    while let Some(ctx) = st.stack.pop() {
        let entry = ctx.entry;
        stop(&mut st, ctx, entry, now);
    }
    Ok(none())
}

fn profiler_clear(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "clear", &args[1..], kw)?;
    let (_, p) = self_arg::<Profiler>(vm, args, WHAT)?;
    let mut st = p.state.borrow_mut();
    let old = std::mem::take(&mut st.entries);
    st.index.clear();
    st.stack.clear();
    drop(st);
    drop(old);
    Ok(none())
}

fn profiler_getstats(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::no_args(vm, "getstats", &args[1..], kw)?;
    let (_, p) = self_arg::<Profiler>(vm, args, WHAT)?;
    // Snapshot first: building the results allocates, which may collect.
    let (rows, factor) = {
        let st = p.state.borrow();
        let factor = if st.timer.is_none() || st.time_unit == 0.0 { 1e-9 } else { st.time_unit };
        let rows: Vec<(Value, [i64; 4], Option<Vec<(Value, [i64; 4])>>)> = st
            .entries
            .iter()
            .filter(|e| e.calls > 0)
            .map(|e| {
                let subs = (!e.callees.is_empty()).then(|| {
                    e.callees
                        .iter()
                        .map(|s| {
                            let callee = st.entries.get(s.entry).map_or_else(none, |c| c.user_obj.clone());
                            (callee, [s.calls, s.recursive_calls, s.total, s.inline])
                        })
                        .collect()
                });
                (e.user_obj.clone(), [e.calls, e.recursive_calls, e.total, e.inline], subs)
            })
            .collect();
        (rows, factor)
    };
    let entry_type = structseq_type(&ENTRY_TYPE, &ENTRY_DESC);
    let sub_type = structseq_type(&SUBENTRY_TYPE, &SUBENTRY_DESC);
    let mut out = Vec::with_capacity(rows.len());
    for (obj, [calls, rec, total, inline], subs) in rows {
        let calls_value = match subs {
            None => none(),
            Some(subs) => {
                let items = subs
                    .into_iter()
                    .map(|(callee, [c, r, t, i])| {
                        new_structseq(vm, sub_type, counts(callee, c, r, t as f64 * factor, i as f64 * factor))
                    })
                    .collect();
                new_list(items)
            }
        };
        let mut values = counts(obj, calls, rec, total as f64 * factor, inline as f64 * factor);
        values.push(calls_value);
        out.push(new_structseq(vm, entry_type, values));
    }
    Ok(new_list(out))
}

fn counts(obj: Value, calls: i64, rec: i64, total: f64, inline: f64) -> Vec<Value> {
    vec![obj, Value::int(calls), Value::int(rec), Value::float(total), Value::float(inline)]
}

/// The timer's reading: nanoseconds of the monotonic clock, or the user
/// timer's value (integer units, or float seconds turned into nanoseconds).
/// A failing user timer is reported as unraisable and reads 0, as CPython.
fn now(vm: &mut Vm, p: &Profiler) -> i64 {
    let (timer, unit) = {
        let st = p.state.borrow();
        (st.timer.clone(), st.time_unit)
    };
    let Some(timer) = timer else {
        return monotonic_ns();
    };
    let reading = vm.call(&timer, &[], None).and_then(|v| {
        if unit > 0.0 {
            vm.index_i64(&v)
        } else {
            crate::modules::math::to_f64(vm, &v).map(|s| (s * 1e9).floor() as i64)
        }
    });
    match reading {
        Ok(t) => t,
        Err(e) => {
            crate::sysmodule::write_unraisable(vm, &timer, &e);
            0
        }
    }
}

fn monotonic_ns() -> i64 {
    // SAFETY: plain data filled by the call; CLOCK_MONOTONIC always exists on Linux.
    let mut ts: libc::timespec = unsafe { std::mem::zeroed() };
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec * 1_000_000_000 + ts.tv_nsec
}

/// The native profile hook (tracing.rs): 'call'/'return' of Python frames
/// (`subject` is the code object), 'c_call'/'c_return'/'c_exception' of
/// builtins (`subject` is the builtin function).
fn profiler_event(vm: &mut Vm, obj: &Value, what: &str, subject: &Value) {
    let Some(p) = obj.native_ref::<Profiler>() else { return };
    let (key, entering) = match what {
        "call" | "return" => ((subject.bits() as usize, 0), what == "call"),
        "c_call" | "c_return" | "c_exception" => {
            if !p.state.borrow().builtins {
                return;
            }
            let Some(b) = subject.downcast_ref::<BuiltinFunction>() else { return };
            ((b.func as usize, b.name.as_ptr() as usize), what == "c_call")
        }
        _ => return,
    };
    if entering {
        let known = p.state.borrow().index.get(&key).copied();
        let entry = match known {
            Some(i) => i,
            None => {
                // Described once, when first seen (a builtin's description is a repr).
                let label = if what == "c_call" { builtin_label(vm, subject) } else { subject.clone() };
                let mut st = p.state.borrow_mut();
                st.entries.push(Entry {
                    user_obj: label,
                    total: 0,
                    inline: 0,
                    calls: 0,
                    recursive_calls: 0,
                    recursion_level: 0,
                    callees: Vec::new(),
                    callee_index: HashMap::new(),
                });
                let i = st.entries.len() - 1;
                st.index.insert(key, i);
                i
            }
        };
        let t0 = now(vm, p);
        start(&mut p.state.borrow_mut(), entry, t0);
    } else {
        let t1 = now(vm, p);
        let mut st = p.state.borrow_mut();
        let Some(ctx) = st.stack.pop() else { return };
        // The time goes to the function returning (CPython's ptrace_leave_call);
        // an unknown one just closes the open call.
        if let Some(entry) = st.index.get(&key).copied() {
            stop(&mut st, ctx, entry, t1);
        }
    }
}

/// A call of `entry` begins (CPython's initContext).
fn start(st: &mut State, entry: usize, t0: i64) {
    let caller = st.stack.last().map(|c| c.entry);
    if let Some(e) = st.entries.get_mut(entry) {
        e.recursion_level += 1;
    }
    if let (true, Some(caller)) = (st.subcalls, caller) {
        if let Some(sub) = sub_entry(st, caller, entry) {
            sub.recursion_level += 1;
        }
    }
    st.stack.push(Context { entry, start: t0, in_callees: 0 });
}

/// A call ends (CPython's Stop): its time goes to its entry, to its caller's
/// callee time, and to the caller's per-callee record.
fn stop(st: &mut State, ctx: Context, entry: usize, t1: i64) {
    let total = t1 - ctx.start;
    let inline = total - ctx.in_callees;
    let caller = st.stack.last_mut().map(|c| {
        c.in_callees += total;
        c.entry
    });
    if let Some(e) = st.entries.get_mut(entry) {
        e.recursion_level -= 1;
        if e.recursion_level == 0 {
            e.total += total;
        } else {
            e.recursive_calls += 1;
        }
        e.inline += inline;
        e.calls += 1;
    }
    if let (true, Some(caller)) = (st.subcalls, caller) {
        if let Some(sub) = sub_entry(st, caller, entry) {
            sub.recursion_level -= 1;
            if sub.recursion_level == 0 {
                sub.total += total;
            } else {
                sub.recursive_calls += 1;
            }
            sub.inline += inline;
            sub.calls += 1;
        }
    }
}

/// The record of `caller`'s calls of `callee`, made on first use.
fn sub_entry(st: &mut State, caller: usize, callee: usize) -> Option<&mut SubEntry> {
    let e = st.entries.get_mut(caller)?;
    let i = match e.callee_index.get(&callee) {
        Some(&i) => i,
        None => {
            e.callees.push(SubEntry {
                entry: callee,
                total: 0,
                inline: 0,
                calls: 0,
                recursive_calls: 0,
                recursion_level: 0,
            });
            e.callee_index.insert(callee, e.callees.len() - 1);
            e.callees.len() - 1
        }
    };
    e.callees.get_mut(i)
}

/// How a builtin is named in the statistics (CPython's normalizeUserObj):
/// `repr(type(self).name)` for a method ("<method 'append' of 'list'
/// objects>"), else "<built-in method module.name>".
fn builtin_label(vm: &mut Vm, f: &Value) -> Value {
    let Some(b) = f.downcast_ref::<BuiltinFunction>() else {
        return f.clone();
    };
    let self_is_module = b.self_.downcast_ref::<ModuleObject>().is_some();
    if !b.self_.is_null() && !self_is_module {
        let attr = type_of(&b.self_).lookup(&vm.intern(b.name));
        if let Some(attr) = attr {
            if let Ok(r) = vm.repr(&attr) {
                return r;
            }
        }
    }
    let text = match b.module {
        Some(m) => format!("<built-in method {m}.{}>", b.name),
        None => format!("<built-in method {}>", b.name),
    };
    new_str(&text)
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_lsprof");
    m.doc("Fast profiler");
    m.type_(profiler_type());
    m.type_(structseq_type(&ENTRY_TYPE, &ENTRY_DESC));
    m.type_(structseq_type(&SUBENTRY_TYPE, &SUBENTRY_DESC));
    Ok(m.finish())
}
