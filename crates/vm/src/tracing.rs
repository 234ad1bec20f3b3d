//! `sys.settrace` and `sys.setprofile`: the events CPython 3.11's ceval
//! reports to a thread's trace and profile functions ('call', 'line',
//! 'return', 'exception', 'opcode'; 'c_call', 'c_return', 'c_exception' for
//! profilers), which debuggers (pdb, bdb), coverage tools and profilers
//! (`profile`) are built on.
//!
//! Cost when nobody traces: the dispatch loop tests one process-wide count
//! ([`any_hooked`]) per instruction. When some thread has a hook, every
//! instruction goes through [`Vm::trace_instruction`], which reports the
//! events and runs the instruction in its unspecialized form (as 3.11's
//! DO_TRACING does), so calls of builtins always reach the generic call path
//! that reports 'c_call'.

use crate::exception::{PyErr, PyResult};
use crate::objects::str::intern;
use crate::objects::tuple::new_tuple;
use crate::objects::singletons::none;
use crate::typeobj::type_of;
use crate::value::Value;
use crate::vm::Vm;
use pyrite_bytecode::op;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Threads whose trace or profile function is set.
static HOOKED_THREADS: AtomicUsize = AtomicUsize::new(0);

/// Whether some thread traces or profiles (the dispatch loop's per-instruction test).
#[inline(always)]
pub(crate) fn any_hooked() -> bool {
    HOOKED_THREADS.load(Ordering::Relaxed) != 0
}

/// A thread's hooks (CPython's `tstate->c_tracefunc`/`c_profilefunc`).
#[derive(Default)]
pub(crate) struct TraceState {
    /// The global trace function (NULL: none). Its result for a 'call' event
    /// becomes the frame's local trace function (`f_trace`).
    pub(crate) trace: Value,
    /// The profile function (NULL: none), or the object a native profiler
    /// (`_lsprof`) reports from `sys.getprofile()`.
    pub(crate) profile: Value,
    /// A native profiler's callback, which gets the events instead of
    /// `profile` being called.
    pub(crate) native_profiler: Option<NativeProfiler>,
    /// Nesting of running hooks: no events are reported from inside one.
    pub(crate) busy: u32,
}

impl TraceState {
    fn hooked(&self) -> bool {
        !self.trace.is_null() || !self.profile.is_null()
    }
}

impl Drop for TraceState {
    fn drop(&mut self) {
        if self.hooked() {
            HOOKED_THREADS.fetch_sub(1, Ordering::Relaxed);
        }
    }
}

/// A profiler written in Rust: (vm, its object, event, the code object for
/// 'call'/'return', the builtin for the 'c_' events).
pub(crate) type NativeProfiler = fn(&mut Vm, &Value, &str, &Value);

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hook {
    Trace,
    Profile,
}

impl Vm {
    /// `sys.settrace(f)` / `sys.setprofile(f)` for this thread (NULL: off).
    pub(crate) fn set_hook(&mut self, which: Hook, f: Value) {
        let was = self.hooks.hooked();
        let old = match which {
            Hook::Trace => std::mem::replace(&mut self.hooks.trace, f),
            Hook::Profile => {
                self.hooks.native_profiler = None;
                std::mem::replace(&mut self.hooks.profile, f)
            }
        };
        match (was, self.hooks.hooked()) {
            (false, true) => {
                HOOKED_THREADS.fetch_add(1, Ordering::Relaxed);
            }
            (true, false) => {
                HOOKED_THREADS.fetch_sub(1, Ordering::Relaxed);
            }
            _ => {}
        }
        drop(old);
    }

    /// Installs a native profiler (`_lsprof.Profiler.enable`): `obj` is what
    /// `sys.getprofile()` then returns.
    pub(crate) fn set_native_profiler(&mut self, obj: Value, callback: NativeProfiler) {
        self.set_hook(Hook::Profile, obj);
        self.hooks.native_profiler = Some(callback);
    }

    pub(crate) fn hook(&self, which: Hook) -> Value {
        match which {
            Hook::Trace => self.hooks.trace.clone(),
            Hook::Profile => self.hooks.profile.clone(),
        }
    }

    /// `sys.call_tracing(f, args)`: calls `f` with events reported even from
    /// inside a hook (debuggers run nested debuggers through it).
    pub(crate) fn call_tracing(&mut self, f: &Value, args: &[Value]) -> PyResult<Value> {
        let saved = std::mem::replace(&mut self.hooks.busy, 0);
        let r = self.call(f, args, None);
        self.hooks.busy = saved;
        r
    }

    fn reporting(&self) -> bool {
        self.hooks.busy == 0 && self.hooks.hooked()
    }

    /// Runs before the instruction at `instr_start` of frame `fi` (whose
    /// stack depth is stored) while some thread is hooked: reports 'call' at
    /// a RESUME, 'line' when a new line starts or a loop jumps back, 'opcode'
    /// when the frame asks for it. Returns the opcode to run: the
    /// unspecialized form of `opcode` while this thread reports.
    #[cold]
    #[inline(never)]
    pub(crate) fn trace_instruction(&mut self, fi: usize, instr_start: usize, opcode: u8) -> PyResult<u8> {
        if !self.reporting() {
            return Ok(opcode);
        }
        let base = pyrite_bytecode::deoptimize(opcode);
        let Some(frame) = self.frames.get_mut(fi) else {
            return Ok(base);
        };
        let prev = frame.lasti;
        frame.lasti = instr_start as u32;
        // SAFETY: the frame keeps its code alive.
        let code = unsafe { &*frame.code };
        let info = code.trace_info();
        let at = instr_start as u32;
        if at < info.first_traceable {
            return Ok(base);
        }
        if base == op::RESUME {
            self.trace_call_event(fi)?;
            return Ok(base);
        }
        if self.hooks.trace.is_null() {
            return Ok(base);
        }
        // Only frames with a local trace function get line events, and such
        // a frame has its frame object.
        let fobj = self.frames[fi].frame_obj.clone();
        if fobj.is_null() || crate::frame::frame_trace(&fobj).is_null() {
            return Ok(base);
        }
        let line = info.line_at(at);
        let last_line = if prev <= info.first_traceable { -1 } else { info.line_at(prev) };
        let mut result = Ok(());
        if line != -1 && crate::frame::frame_trace_lines(&fobj) {
            let prev_op = code.units().get(prev as usize).map_or(0, |u| (u & 0xff) as u8);
            let jumped_back = at < prev && pyrite_bytecode::deoptimize(prev_op) != op::SEND;
            if line != last_line || jumped_back {
                result = self.trace_event(fi, "line", none());
            }
        }
        if result.is_ok() && crate::frame::frame_trace_opcodes(&fobj) {
            result = self.trace_event(fi, "opcode", none());
        }
        result.map(|()| base)
    }

    /// 'call' to the trace and profile functions as frame `fi` starts or resumes.
    pub(crate) fn trace_call_event(&mut self, fi: usize) -> PyResult<()> {
        if !self.reporting() {
            return Ok(());
        }
        self.trace_event(fi, "call", none())?;
        self.profile_event(fi, "call", none())
    }

    /// 'return' as frame `fi` returns or yields `value` (an error from a hook
    /// replaces the return).
    pub(crate) fn trace_return(&mut self, fi: usize, value: &Value) -> PyResult<()> {
        if !self.reporting() {
            return Ok(());
        }
        self.trace_event(fi, "return", value.clone())?;
        self.profile_event(fi, "return", value.clone())
    }

    /// 'return' (with None) as an exception leaves frame `fi`; errors from
    /// the hooks are dropped, the exception being already on its way.
    pub(crate) fn trace_unwind_exit(&mut self, fi: usize) {
        if !self.reporting() {
            return;
        }
        let _ = self.trace_event(fi, "return", none());
        let _ = self.profile_event(fi, "return", none());
    }

    /// 'exception' as `err` is raised in, or reaches, frame `fi`. An error
    /// from the trace function replaces `err`.
    pub(crate) fn trace_exception(&mut self, fi: usize, err: PyErr) -> PyErr {
        if !self.reporting() || self.hooks.trace.is_null() {
            return err;
        }
        let exc = err.exc.clone();
        let ty = type_of(&exc).as_value();
        let tb = exc
            .downcast_ref::<crate::exception::ExceptionObject>()
            .map_or_else(none, |e| e.traceback());
        let arg = new_tuple(vec![ty, exc, tb]);
        match self.trace_event(fi, "exception", arg) {
            Ok(()) => err,
            Err(e) => e,
        }
    }

    /// Calls the trace hook for `what` as CPython's `trace_trampoline`:
    /// 'call' goes to the global function, whose result (unless None) becomes
    /// the frame's `f_trace`; other events go to `f_trace`, which a non-None
    /// result replaces. A hook that raises turns tracing off.
    fn trace_event(&mut self, fi: usize, what: &str, arg: Value) -> PyResult<()> {
        if self.hooks.trace.is_null() || self.hooks.busy != 0 {
            return Ok(());
        }
        let frame = self.frame_object(fi);
        let callback = if what == "call" { self.hooks.trace.clone() } else { crate::frame::frame_trace(&frame) };
        if callback.is_null() {
            return Ok(());
        }
        match self.call_hook(&callback, &frame, what, arg) {
            Ok(r) => {
                if !r.is_none() {
                    crate::frame::set_frame_trace(&frame, r);
                }
                Ok(())
            }
            Err(e) => {
                self.set_hook(Hook::Trace, Value::NULL);
                crate::frame::set_frame_trace(&frame, Value::NULL);
                Err(e)
            }
        }
    }

    fn profile_event(&mut self, fi: usize, what: &str, arg: Value) -> PyResult<()> {
        if self.hooks.profile.is_null() || self.hooks.busy != 0 {
            return Ok(());
        }
        if let Some(native) = self.hooks.native_profiler {
            let obj = self.hooks.profile.clone();
            let subject = if what.starts_with("c_") { arg } else { self.frames[fi].code_value() };
            self.hooks.busy += 1;
            native(self, &obj, what, &subject);
            self.hooks.busy -= 1;
            return Ok(());
        }
        let frame = self.frame_object(fi);
        let profile = self.hooks.profile.clone();
        match self.call_hook(&profile, &frame, what, arg) {
            Ok(_) => Ok(()),
            Err(e) => {
                self.set_hook(Hook::Profile, Value::NULL);
                Err(e)
            }
        }
    }

    fn call_hook(&mut self, hook: &Value, frame: &Value, what: &str, arg: Value) -> PyResult<Value> {
        self.hooks.busy += 1;
        // The exception being handled stays as it was for the code traced.
        let r = self.call(hook, &[frame.clone(), intern(what), arg], None);
        self.hooks.busy -= 1;
        r
    }

    /// A call from frame `fi` of a callable that is not a Python function,
    /// with 'c_call', 'c_return' / 'c_exception' reported to the profile
    /// function when the callable is a builtin function (or a method
    /// descriptor called with its object, reported bound to it).
    pub(crate) fn call_profiled(
        &mut self,
        fi: usize,
        callable: &Value,
        args: &[Value],
        kwnames: Option<&Value>,
    ) -> PyResult<Value> {
        self.profile_c_call(fi, callable, args.first(), |vm| vm.call(callable, args, kwnames))
    }

    /// Runs `call` (a call of `callable` whose first argument is `first`)
    /// with the 'c_' profile events around it, as `call_profiled`.
    pub(crate) fn profile_c_call(
        &mut self,
        fi: usize,
        callable: &Value,
        first: Option<&Value>,
        call: impl FnOnce(&mut Vm) -> PyResult<Value>,
    ) -> PyResult<Value> {
        if !self.reporting() || self.hooks.profile.is_null() {
            return call(self);
        }
        use crate::typeobj::{is_exact, BUILTIN_FUNCTION_TYPE, METHOD_DESCR_TYPE};
        let reported = if is_exact(callable, &BUILTIN_FUNCTION_TYPE) {
            callable.clone()
        } else if let (true, Some(obj)) = (is_exact(callable, &METHOD_DESCR_TYPE), first) {
            let owner_type = type_of(obj).as_value();
            match self.bind_descriptor(callable, Some(obj), &owner_type) {
                Ok(bound) => bound,
                Err(_) => return call(self),
            }
        } else {
            return call(self);
        };
        self.profile_event(fi, "c_call", reported.clone())?;
        let r = call(self);
        if self.hooks.profile.is_null() {
            return r;
        }
        match r {
            Ok(v) => {
                self.profile_event(fi, "c_return", reported)?;
                Ok(v)
            }
            Err(e) => {
                let _ = self.profile_event(fi, "c_exception", reported);
                Err(e)
            }
        }
    }
}

/// What tracing needs of a code object, computed on first use: the line of
/// every code unit and where tracing starts (its first RESUME: the cell and
/// free-variable set-up before it is not traced).
pub struct TraceInfo {
    lines: Box<[i32]>,
    pub first_traceable: u32,
}

impl TraceInfo {
    pub(crate) fn new(code: &crate::objects::code::CodeObj) -> TraceInfo {
        let units = code.units();
        let positions = pyrite_bytecode::locations::decode(&code.linetable, code.firstlineno);
        let lines = (0..units.len())
            .map(|i| positions.get(i).and_then(|p| p.lineno).map_or(-1, |l| l as i32))
            .collect();
        let first_traceable = units
            .iter()
            .position(|u| pyrite_bytecode::deoptimize((u & 0xff) as u8) == op::RESUME)
            .unwrap_or(0) as u32;
        TraceInfo { lines, first_traceable }
    }

    /// The line of the instruction at `offset` (-1: none).
    pub fn line_at(&self, offset: u32) -> i32 {
        self.lines.get(offset as usize).copied().unwrap_or(-1)
    }
}
