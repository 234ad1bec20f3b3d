//! Generators. `RETURN_GENERATOR` moves the new frame's slots into the
//! generator object; each resumption pushes a frame whose slots point into
//! that storage and runs it until `YIELD_VALUE` or `RETURN_VALUE`. As in
//! CPython 3.11, resuming goes through the Rust-level entry point (counted
//! like any re-entry), so `for` over a generator nests one dispatch loop.

use crate::exception::{exc_type, ExcKind, ExceptionObject, PyErr, PyResult};
use crate::object::{alloc_object, LayoutKind, ObjHeader, PyPayload};
use crate::objects::function::FunctionObject;
use crate::objects::singletons::none;
use pyrite_bytecode::op;
use crate::typeobj::GENERATOR_TYPE;
use crate::value::Value;
use crate::vm::Vm;
use crate::args::ArgSpec;
use crate::objects::str::display_lossy;
use crate::typeinit::{add_getset, add_method};
use crate::typeobj::{type_of, type_of_type, KwNames, TypeObject};
use std::cell::{Cell, UnsafeCell};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Finished,
}

#[repr(C)]
pub struct GeneratorObject {
    pub(crate) header: ObjHeader,
    /// The generator function (keeps code, globals and builtins alive).
    pub(crate) func: Value,
    /// The code it runs (the function's `__code__` when it was made: a later
    /// `__code__` assignment does not change a generator that exists).
    pub(crate) code: Value,
    /// The frame's slots: variables, then the value stack. Slots above the
    /// saved stack depth are NULL whenever the generator is not running.
    pub(crate) storage: UnsafeCell<Box<[Value]>>,
    pub(crate) stack_depth: Cell<u32>,
    pub(crate) resume_at: Cell<u32>,
    pub(crate) lasti: Cell<u32>,
    pub(crate) state: Cell<GenState>,
    /// The exception being handled inside the generator while suspended.
    pub(crate) exc_state: UnsafeCell<Value>,
    /// Async generators: the firstiter hook has run.
    pub(crate) hooks_inited: Cell<bool>,
    /// Async generators: an asend/athrow awaitable is driving it (`ag_running`).
    pub(crate) ag_running_async: Cell<bool>,
    /// Async generators: aclose() began, or it ended (the finalizer hook is then not called).
    pub(crate) ag_closed: Cell<bool>,
    pub(crate) name: UnsafeCell<Value>,
    pub(crate) qualname: UnsafeCell<Value>,
    /// Its frame object, once asked for (NULL until then).
    pub(crate) frame_obj: UnsafeCell<Value>,
    /// A coroutine: its `cr_origin` tuple when origin tracking was on at its
    /// creation; an async generator: the finalizer hook in force when it was
    /// first iterated. NULL otherwise.
    pub(crate) origin_or_finalizer: UnsafeCell<Value>,
}

impl Drop for GeneratorObject {
    fn drop(&mut self) {
        let obj = self.frame_obj.get_mut().take();
        if !obj.is_null() {
            // The frame object may outlive us: it keeps the variables.
            let vars = self.variables();
            crate::frame::generator_gone(&obj, vars, self.lasti.get());
        }
    }
}

unsafe impl PyPayload for GeneratorObject {
    const KIND: LayoutKind = LayoutKind::Generator;
}

impl GeneratorObject {
    /// Made by an `async def` (CO_COROUTINE).
    pub fn is_coroutine(&self) -> bool {
        self.code().flags & CO_COROUTINE != 0
    }

    /// Made by an `async def` with `yield` (CO_ASYNC_GENERATOR).
    pub fn is_async_generator(&self) -> bool {
        self.code().flags & crate::objects::async_generator::CO_ASYNC_GENERATOR != 0
    }

    /// "generator", "coroutine" or "async generator", as messages name it.
    pub(crate) fn kind_name(&self) -> &'static str {
        if self.is_coroutine() {
            "coroutine"
        } else if self.is_async_generator() {
            "async generator"
        } else {
            "generator"
        }
    }

    /// An async generator whose finalization goes to the finalizer hook.
    fn hooked_finalizer(&self) -> bool {
        self.is_async_generator() && !self.ag_closed.get() && !self.origin_or_finalizer().is_null()
    }

    pub(crate) fn origin_or_finalizer(&self) -> Value {
        // SAFETY: only cloned; replaced outside any borrow.
        unsafe { (*self.origin_or_finalizer.get()).clone() }
    }

    pub(crate) fn set_origin_or_finalizer(&self, v: Value) {
        // SAFETY: no reference into the cell is alive.
        let old = unsafe { std::mem::replace(&mut *self.origin_or_finalizer.get(), v) };
        drop(old);
    }

    pub fn func(&self) -> &FunctionObject {
        // SAFETY: set to a function at creation.
        unsafe { self.func.downcast_ref::<FunctionObject>().unwrap_unchecked() }
    }

    pub fn code(&self) -> &crate::objects::code::CodeObj {
        // SAFETY: set to a code object at creation, never replaced.
        unsafe { self.code.downcast_ref::<crate::objects::code::CodeObj>().unwrap_unchecked() }
    }

    pub(crate) fn storage_ptr(&self) -> *mut Value {
        // SAFETY: the box is never reallocated.
        unsafe { (&mut *self.storage.get()).as_mut_ptr() }
    }

    pub fn name(&self) -> Value {
        unsafe { (*self.name.get()).clone() }
    }

    pub fn qualname(&self) -> Value {
        unsafe { (*self.qualname.get()).clone() }
    }

    pub fn as_value(&self) -> Value {
        Value::from_borrowed_ptr(std::ptr::NonNull::from(&self.header))
    }

    /// The frame object, if one was made (NULL otherwise).
    pub(crate) fn frame_object(&self) -> Value {
        // SAFETY: only cloned; written by `set_frame_object` outside any borrow.
        unsafe { (*self.frame_obj.get()).clone() }
    }

    pub(crate) fn set_frame_object(&self, obj: Value) {
        // SAFETY: no reference into the cell is alive.
        let old = unsafe { std::mem::replace(&mut *self.frame_obj.get(), obj) };
        drop(old);
    }

    /// A copy of the frame's variables (while not running).
    pub(crate) fn variables(&self) -> Vec<Value> {
        let n = self.code().nlocalsplus();
        // SAFETY: not running; the first `n` slots are the variables.
        unsafe { (*self.storage.get()).iter().take(n).cloned().collect() }
    }
}

/// A generator holding `storage` (already filled from the creating frame,
/// which runs `code`, a code object, and is the top frame of `vm`).
pub fn new_generator(vm: &Vm, func: Value, code: Value, storage: Box<[Value]>, resume_at: u32) -> Value {
    let (name, qualname) = match func.downcast_ref::<FunctionObject>() {
        Some(f) => (f.name().clone(), f.qualname().clone()),
        None => (none(), none()),
    };
    let is_coro = func
        .downcast_ref::<FunctionObject>()
        .is_some_and(|f| f.code().flags & CO_COROUTINE != 0);
    let is_async_gen = func
        .downcast_ref::<FunctionObject>()
        .is_some_and(|f| f.code().flags & crate::objects::async_generator::CO_ASYNC_GENERATOR != 0);
    let ty = if is_coro {
        coroutine_type()
    } else if is_async_gen {
        crate::objects::async_generator::async_generator_type()
    } else {
        GENERATOR_TYPE.get()
    };
    let origin = if is_coro { coroutine_origin(vm) } else { Value::NULL };
    alloc_object(
        ty,
        GeneratorObject {
            header: ObjHeader::new(std::ptr::null()),
            func,
            code,
            storage: UnsafeCell::new(storage),
            stack_depth: Cell::new(0),
            resume_at: Cell::new(resume_at),
            lasti: Cell::new(resume_at.saturating_sub(1)),
            state: Cell::new(GenState::Created),
            exc_state: UnsafeCell::new(Value::NULL),
            hooks_inited: Cell::new(false),
            ag_running_async: Cell::new(false),
            ag_closed: Cell::new(false),
            name: UnsafeCell::new(name),
            qualname: UnsafeCell::new(qualname),
            frame_obj: UnsafeCell::new(Value::NULL),
            origin_or_finalizer: UnsafeCell::new(origin),
        },
    )
}

/// `cr_origin` of a coroutine being made: (filename, line, function name) of
/// up to `sys.get_coroutine_origin_tracking_depth()` frames, innermost first,
/// starting with the caller of the coroutine function (whose own frame is on
/// top). NULL when tracking is off.
fn coroutine_origin(vm: &Vm) -> Value {
    let depth = crate::sysmodule::coroutine_origin_tracking_depth();
    if depth <= 0 {
        return Value::NULL;
    }
    let callers = vm.frames.len().saturating_sub(1);
    let items: Vec<Value> = vm.frames[..callers]
        .iter()
        .rev()
        .take(usize::try_from(depth).unwrap_or(usize::MAX))
        .map(|f| {
            let code = f.code();
            let line = code.line_of(f.lasti).map_or(-1, i64::from);
            crate::objects::tuple::new_tuple(vec![code.filename.clone(), Value::int(line), code.name.clone()])
        })
        .collect();
    crate::objects::tuple::new_tuple(items)
}

/// What a resumption ended with.
pub enum GenResult {
    Yield(Value),
    Return(Value),
}

impl Vm {
    /// `gen.send(value)` (or `gen.throw(exc)` when `exc` is given, delegated
    /// to the subiterator of a `yield from`): runs the generator until it
    /// yields, returns or raises.
    pub fn gen_send(&mut self, genv: &Value, value: Value, exc: Option<PyErr>) -> PyResult<GenResult> {
        match exc {
            Some(e) => self.gen_throw(genv, &[e.exc.clone()], true),
            None => self.gen_resume(genv, value, None),
        }
    }

    /// Resumes the generator's own frame with `value` as the result of its
    /// suspended yield, or raises `exc` there.
    fn gen_resume(&mut self, genv: &Value, value: Value, exc: Option<PyErr>) -> PyResult<GenResult> {
        let Some(gen) = genv.downcast_ref::<GeneratorObject>() else {
            return Err(self.type_error("not a generator"));
        };
        let coro = gen.is_coroutine();
        let kind = gen.kind_name();
        match gen.state.get() {
            GenState::Running => return Err(self.value_error(format!("{kind} already executing"))),
            GenState::Finished => {
                // An exhausted coroutine refuses both send() and throw() (close()
                // never gets here); an exhausted generator re-raises what was
                // thrown, or ends the iteration again.
                return match exc {
                    _ if coro => Err(self.new_error(ExcKind::RuntimeError, "cannot reuse already awaited coroutine")),
                    Some(e) => Err(e),
                    None => Ok(GenResult::Return(none())),
                };
            }
            GenState::Created if exc.is_none() && !value.is_none() => {
                return Err(self.type_error(format!("can't send non-None value to a just-started {kind}")));
            }
            _ => {}
        }
        let base = self.push_generator_frame(genv, gen)?;
        let depth = gen.stack_depth.get();
        let nlocals = gen.code().nlocalsplus();
        if exc.is_none() {
            // The sent value is the result of the suspended yield (or popped by
            // the POP_TOP after RETURN_GENERATOR).
            // SAFETY: the slot is inside the storage and NULL (above the depth).
            unsafe {
                let slot = base.add(nlocals + depth as usize);
                let old = std::mem::replace(&mut *slot, value);
                drop(old);
            }
            if let Some(f) = self.frames.last_mut() {
                f.stack_depth = depth + 1;
            }
        } else if let Some(f) = self.frames.last_mut() {
            f.stack_depth = depth;
        }
        gen.state.set(GenState::Running);
        // The generator owns an exception state of its own while it runs, linked
        // in front of its resumer's (sys.exc_info() falls back along the chain).
        let own = unsafe { (*gen.exc_state.get()).take() };
        let outer = std::mem::replace(&mut self.exc_info, own);
        self.exc_outer.push(outer);
        if let Some(e) = &exc {
            // A thrown exception is chained only when the generator itself is
            // handling one, never to its resumer's (CPython's `_PyErr_ChainStackItem`).
            if !self.exc_info.is_null() && !self.exc_info.is_none() {
                self.set_exception_context(e);
            }
            self.context_settled = e.exc.bits();
        }
        self.yielded = false;
        let thrown = exc.as_ref().map(|e| e.exc.bits());
        let r = self.run_frame_with(exc);
        let yielded = std::mem::replace(&mut self.yielded, false);
        if r.is_ok() && thrown.is_some_and(|bits| bits == self.context_settled) {
            // The thrown exception was handled inside: once freed, its address
            // may be reused by an exception that must still be chained.
            self.context_settled = 0;
        }
        // Invariant: the push above is the top of `exc_outer` again (every resume pops its own).
        let outer = self.exc_outer.pop().unwrap_or(Value::NULL);
        let after = std::mem::replace(&mut self.exc_info, outer);
        match r {
            Ok(v) if yielded => {
                gen.state.set(GenState::Suspended);
                unsafe { *gen.exc_state.get() = after };
                Ok(GenResult::Yield(v))
            }
            Ok(v) => {
                gen.state.set(GenState::Finished);
                Ok(GenResult::Return(v))
            }
            Err(e) => {
                gen.state.set(GenState::Finished);
                // Chained where it was raised; the resumer's frame must not chain it again.
                self.context_settled = e.exc.bits();
                let escaped = if e.is_instance(ExcKind::StopIteration) {
                    Some("StopIteration")
                } else if gen.is_async_generator() && e.is_instance(ExcKind::StopAsyncIteration) {
                    Some("StopAsyncIteration")
                } else {
                    None
                };
                if let Some(what) = escaped {
                    // PEP 479 (and PEP 525 for async generators).
                    let re = self.new_error(ExcKind::RuntimeError, format!("{kind} raised {what}"));
                    if let Some(ro) = re.exc.downcast_ref::<ExceptionObject>() {
                        ro.set_cause(e.exc.clone());
                        ro.set_context(e.exc.clone());
                        ro.suppress_context.set(true);
                    }
                    self.context_settled = re.exc.bits();
                    return Err(re);
                }
                Err(e)
            }
        }
    }

    /// FOR_ITER_GEN: pushes the frame of the (created or suspended, not
    /// running) generator for the calling dispatch loop to run, as
    /// `gen_resume` does with None sent; not an entry frame, so its yield
    /// and its return go back to the loop's own frame (`gen_inline_*`).
    pub(crate) fn gen_resume_inline(&mut self, genv: &Value, gen: &GeneratorObject) -> PyResult<()> {
        let base = self.push_generator_frame(genv, gen)?;
        let depth = gen.stack_depth.get();
        let nlocals = gen.code().nlocalsplus();
        // SAFETY: the slot is inside the storage and NULL (above the depth).
        unsafe {
            let slot = base.add(nlocals + depth as usize);
            let old = std::mem::replace(&mut *slot, none());
            drop(old);
        }
        if let Some(f) = self.frames.last_mut() {
            f.stack_depth = depth + 1;
            f.set_entry(false);
        }
        gen.state.set(GenState::Running);
        let own = unsafe { (*gen.exc_state.get()).take() };
        let outer = std::mem::replace(&mut self.exc_info, own);
        self.exc_outer.push(outer);
        Ok(())
    }

    /// The frame `gen_resume_inline` pushed yielded (and was popped).
    pub(crate) fn gen_inline_suspended(&mut self, gen: &GeneratorObject) {
        let outer = self.exc_outer.pop().unwrap_or(Value::NULL);
        let after = std::mem::replace(&mut self.exc_info, outer);
        gen.state.set(GenState::Suspended);
        // SAFETY: taken (NULL) while the frame ran; no borrow is alive.
        let old = unsafe { std::mem::replace(&mut *gen.exc_state.get(), after) };
        drop(old);
    }

    /// The frame `gen_resume_inline` pushed returned (and was popped).
    pub(crate) fn gen_inline_finished(&mut self, gen: &GeneratorObject) {
        let outer = self.exc_outer.pop().unwrap_or(Value::NULL);
        let after = std::mem::replace(&mut self.exc_info, outer);
        gen.state.set(GenState::Finished);
        drop(after);
    }

    /// The frame `gen_resume_inline` pushed raised `e` (and was popped):
    /// what the loop's frame sees (PEP 479 turns StopIteration into
    /// RuntimeError), as `gen_resume` answers.
    pub(crate) fn gen_inline_raised(&mut self, gen: &GeneratorObject, e: PyErr) -> PyErr {
        self.gen_inline_finished(gen);
        self.context_settled = e.exc.bits();
        if e.is_instance(ExcKind::StopIteration) {
            let re = self.new_error(ExcKind::RuntimeError, "generator raised StopIteration");
            if let Some(ro) = re.exc.downcast_ref::<ExceptionObject>() {
                ro.set_cause(e.exc.clone());
                ro.set_context(e.exc.clone());
                ro.suppress_context.set(true);
            }
            self.context_settled = re.exc.bits();
            return re;
        }
        e
    }

    /// `next(gen)`: the next yielded value, or None when it returned.
    pub fn gen_next(&mut self, genv: &Value) -> PyResult<Option<Value>> {
        if genv
            .downcast_ref::<GeneratorObject>()
            .is_some_and(|g| g.state.get() == GenState::Finished && !g.is_coroutine())
        {
            return Ok(None);
        }
        match self.gen_send(genv, none(), None)? {
            GenResult::Yield(v) => Ok(Some(v)),
            GenResult::Return(_) => Ok(None),
        }
    }

    /// `gen.close()`: closes a `yield from` subiterator first, then raises
    /// GeneratorExit (or the subiterator's close error) in the generator.
    pub fn gen_close(&mut self, genv: &Value) -> PyResult<()> {
        let Some(gen) = genv.downcast_ref::<GeneratorObject>() else {
            return Ok(());
        };
        match gen.state.get() {
            GenState::Created => {
                gen.state.set(GenState::Finished);
                clear_storage(gen);
                return Ok(());
            }
            GenState::Finished => return Ok(()),
            _ => {}
        }
        let mut exc = None;
        if let Some(yf) = gen_yield_from(gen) {
            let state = gen.state.get();
            gen.state.set(GenState::Running);
            let r = self.close_iter(&yf);
            gen.state.set(state);
            if let Err(e) = r {
                exc = Some(e);
            }
        }
        let exc = exc.unwrap_or_else(|| PyErr::new(crate::exception::new_exception_noargs(ExcKind::GeneratorExit)));
        match self.gen_resume(genv, none(), Some(exc)) {
            Ok(GenResult::Yield(_)) => {
                let msg = format!("{} ignored GeneratorExit", gen.kind_name());
                Err(self.new_error(ExcKind::RuntimeError, msg))
            }
            Ok(GenResult::Return(_)) => Ok(()),
            Err(e) if e.is_instance(ExcKind::GeneratorExit) || e.is_instance(ExcKind::StopIteration) => {
                // Swallowed here: its "context settled" mark must not outlive it.
                if self.context_settled == e.exc.bits() {
                    self.context_settled = 0;
                }
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    /// Closes a generator that is being freed; it never runs again, even if
    /// it ignored GeneratorExit (CPython finalizes an object only once).
    pub fn gen_finalize(&mut self, genv: &Value) -> PyResult<()> {
        let hooked = genv.downcast_ref::<GeneratorObject>().is_some_and(|g| g.hooked_finalizer());
        let r = self.gen_finalize_once(genv);
        if let Some(gen) = genv.downcast_ref::<GeneratorObject>() {
            // An async generator the finalizer hook kept (to run its aclose()
            // later) stays as it is; otherwise it is done for.
            let kept = hooked && crate::object::refcount(genv).is_some_and(|n| n > 1);
            if gen.state.get() == GenState::Suspended && !kept {
                gen.state.set(GenState::Finished);
                clear_storage(gen);
            }
        }
        r
    }

    /// CPython's `_PyGen_Finalize` (also what `frame.clear()` does to a
    /// generator's frame): an async generator an event loop saw goes to the
    /// finalizer hook it was first iterated under (PEP 525), an un-awaited
    /// coroutine warns, anything else unfinished is closed.
    pub(crate) fn gen_finalize_once(&mut self, genv: &Value) -> PyResult<()> {
        let Some(g) = genv.downcast_ref::<GeneratorObject>() else { return Ok(()) };
        if g.state.get() == GenState::Finished {
            return Ok(());
        }
        if g.hooked_finalizer() {
            // Called once: CPython finalizes an object only once.
            let finalizer = g.origin_or_finalizer();
            g.set_origin_or_finalizer(Value::NULL);
            return self.call(&finalizer, &[genv.clone()], None).map(|_| ());
        }
        if g.is_coroutine() && g.state.get() == GenState::Created {
            // Finished first: the object is freed once the warning is out.
            g.state.set(GenState::Finished);
            self.warn_unawaited_coroutine(genv);
            clear_storage(g);
            return Ok(());
        }
        self.gen_close(genv)
    }

    /// "RuntimeWarning: coroutine '...' was never awaited" (with where it was
    /// created when origin tracking was on), issued where the finalizer runs;
    /// never raises (CPython's `_PyErr_WarnUnawaitedCoroutine`): first through
    /// `warnings._warn_unawaited_coroutine`, which formats `cr_origin`; if that
    /// is gone or fails, a plain warning.
    fn warn_unawaited_coroutine(&mut self, coro: &Value) {
        let Ok(warnings) = self.import_absolute("warnings") else {
            return; // shutting down: nothing can be shown
        };
        let mut warned = false;
        let hook = match self.lookup_attr(&warnings, &self.intern("_warn_unawaited_coroutine")) {
            Ok(h) => h,
            Err(e) => {
                crate::sysmodule::write_unraisable(self, coro, &e);
                None
            }
        };
        if let Some(hook) = hook {
            match self.call1(&hook, coro.clone()) {
                Ok(_) => warned = true,
                // The warning turned into an error by a filter: it was issued.
                Err(e) => {
                    warned = e.is_instance(ExcKind::RuntimeWarning);
                    crate::sysmodule::write_unraisable(self, coro, &e);
                }
            }
        }
        if warned {
            return;
        }
        let qualname = coro
            .downcast_ref::<GeneratorObject>()
            .map(|g| g.qualname())
            .filter(|q| !q.is_null())
            .map(|q| self.str_string(&q).unwrap_or_default())
            .unwrap_or_default();
        let msg = crate::objects::str::new_str(&format!("coroutine '{qualname}' was never awaited"));
        let category = exc_type(ExcKind::RuntimeWarning).as_value();
        // stacklevel 1: a native call adds no frame, so this names the running Python line.
        let r = match self.getattr_str(&warnings, "warn") {
            Ok(warn) => self.call(&warn, &[msg, category, Value::int(1), coro.clone()], None),
            Err(e) => Err(e),
        };
        if let Err(e) = r {
            crate::sysmodule::write_unraisable(self, coro, &e);
        }
    }

    /// Closes the subiterator of a `yield from` (`gen_close_iter`): a
    /// generator's close(), else the object's own `close` method if it has one.
    fn close_iter(&mut self, yf: &Value) -> PyResult<()> {
        if gen_of(yf).is_some_and(|g| !g.is_async_generator()) {
            return self.gen_close(yf);
        }
        let name = self.intern("close");
        match self.lookup_attr(yf, &name) {
            Ok(Some(meth)) => {
                self.call0(&meth)?;
            }
            Ok(None) => {}
            Err(e) => crate::sysmodule::write_unraisable(self, yf, &e),
        }
        Ok(())
    }

    /// The exception `throw(typ[, val[, tb]])` raises, normalized as CPython's
    /// `_gen_throw` does. `Err`: the arguments are refused (raised to the
    /// caller); `Ok`: the exception to raise in the generator, which is the
    /// error of instantiating `typ` when that fails.
    pub fn throw_exception(vm: &mut Vm, args: &[Value]) -> PyResult<PyErr> {
        let typ = args.first().cloned().unwrap_or_else(none);
        let val = args.get(1).filter(|v| !v.is_none()).cloned();
        let tb = args.get(2).filter(|v| !v.is_none()).cloned();
        if let Some(t) = &tb {
            if t.downcast_ref::<crate::exception::TracebackObject>().is_none() {
                return Err(vm.type_error("throw() third argument must be a traceback object"));
            }
        }
        let base = exc_type(ExcKind::BaseException);
        let exc = if typ.downcast_ref::<TypeObject>().is_some_and(|t| t.is_subtype(base)) {
            let made = match val {
                Some(v) if type_of(&v).is_subtype(type_of_type(&typ)) => Ok(v),
                Some(v) => match v.downcast_ref::<crate::objects::tuple::TupleObject>() {
                    Some(t) => {
                        let items = t.items().to_vec();
                        vm.call(&typ, &items, None)
                    }
                    None => vm.call1(&typ, v),
                },
                None => vm.call0(&typ),
            };
            match made {
                Ok(exc) if type_of(&exc).is_subtype(base) => exc,
                Ok(exc) => {
                    let msg = format!(
                        "calling {} should have returned an instance of BaseException, not {}",
                        vm.repr_string(&typ)?,
                        vm.type_name(&exc)
                    );
                    return Ok(vm.type_error(msg));
                }
                Err(e) => return Ok(e),
            }
        } else if type_of(&typ).is_subtype(base) {
            if val.is_some() {
                return Err(vm.type_error("instance exception may not have a separate value"));
            }
            typ.clone()
        } else {
            let msg = format!(
                "exceptions must be classes or instances deriving from BaseException, not {}",
                vm.type_name(&typ)
            );
            return Err(vm.type_error(msg));
        };
        if let (Some(t), Some(e)) = (tb, exc.downcast_ref::<ExceptionObject>()) {
            e.set_traceback(t);
        }
        Ok(PyErr::new(exc))
    }

    /// `gen.throw(typ[, val[, tb]])` (`_gen_throw`), `args` as given: a
    /// generator suspended in `yield from` passes them on to its subiterator
    /// (another generator's throw, or the object's own `throw` method); when
    /// that finishes (returns or raises), the generator resumes after its
    /// `yield from` with the result or the exception. Otherwise the exception
    /// is made from the arguments and raised where the generator stands.
    /// `close_on_genexit`: GeneratorExit closes the subiterator instead (not
    /// for async generators, which may await while closing).
    pub fn gen_throw(&mut self, genv: &Value, args: &[Value], close_on_genexit: bool) -> PyResult<GenResult> {
        let Some(gen) = genv.downcast_ref::<GeneratorObject>() else {
            return Err(self.type_error("not a generator"));
        };
        if let Some(yf) = gen_yield_from(gen) {
            let state = gen.state.get();
            let typ = args.first().cloned().unwrap_or_else(none);
            if close_on_genexit && exception_matches(&typ, ExcKind::GeneratorExit) {
                gen.state.set(GenState::Running);
                let r = self.close_iter(&yf);
                gen.state.set(state);
                if let Err(e) = r {
                    return self.gen_resume(genv, none(), Some(e));
                }
            } else {
                let ret = if gen_of(&yf).is_some_and(|g| !g.is_async_generator()) {
                    gen.state.set(GenState::Running);
                    let r = self.with_frame_linked(genv, gen, |vm| vm.gen_throw(&yf, args, close_on_genexit));
                    gen.state.set(state);
                    r
                } else {
                    let name = self.intern("throw");
                    match self.lookup_attr(&yf, &name)? {
                        None => return self.throw_here(genv, args),
                        Some(meth) => {
                            gen.state.set(GenState::Running);
                            let r = self.call(&meth, args, None);
                            gen.state.set(state);
                            r.map(GenResult::Yield)
                        }
                    }
                };
                return match ret {
                    Ok(GenResult::Yield(v)) => Ok(GenResult::Yield(v)),
                    Ok(GenResult::Return(v)) => {
                        leave_yield_from(gen);
                        self.gen_resume(genv, v, None)
                    }
                    Err(e) if e.is_instance(ExcKind::StopIteration) => {
                        leave_yield_from(gen);
                        let v = crate::attr::instance_get(&e.exc, &self.intern("value")).unwrap_or_else(none);
                        self.gen_resume(genv, v, None)
                    }
                    Err(e) => {
                        leave_yield_from(gen);
                        self.gen_resume(genv, none(), Some(e))
                    }
                };
            }
        }
        self.throw_here(genv, args)
    }

    /// Raises the exception `throw()` was given where the generator stands.
    fn throw_here(&mut self, genv: &Value, args: &[Value]) -> PyResult<GenResult> {
        let err = Vm::throw_exception(self, args)?;
        self.gen_resume(genv, none(), Some(err))
    }

    /// Runs `f` with the suspended frame of `gen` linked on the frame stack,
    /// so that the frames `f` runs see it as their caller (CPython links the
    /// delegating generator's frame while throwing into its subiterator).
    fn with_frame_linked<R>(&mut self, genv: &Value, gen: &GeneratorObject, f: impl FnOnce(&mut Vm) -> R) -> R {
        let linked = self.push_generator_frame(genv, gen).is_ok();
        let r = f(self);
        if linked {
            // Popped as a frame that yielded: its state goes back unchanged.
            let yielded = std::mem::replace(&mut self.yielded, true);
            self.pop_frame();
            self.yielded = yielded;
        }
        r
    }
}

/// Whether `typ` (an exception class or instance, as given to throw()) is
/// or derives from the builtin exception `kind`.
fn exception_matches(typ: &Value, kind: ExcKind) -> bool {
    let target = exc_type(kind);
    match typ.downcast_ref::<TypeObject>() {
        Some(t) => t.is_subtype(target),
        None => type_of(typ).is_subtype(target),
    }
}

/// The iterator a generator suspended in `yield from` delegates to
/// (`_PyGen_yf`): the top of its stack when it will resume at a `RESUME`
/// whose oparg marks a `yield from`/`await`.
pub fn gen_yield_from(gen: &GeneratorObject) -> Option<Value> {
    if gen.state.get() != GenState::Suspended {
        return None;
    }
    let code = gen.code();
    // SAFETY: the units are only rewritten in place; we read one.
    let units = unsafe { &*code.units.get() };
    let word = *units.get(gen.resume_at.get() as usize)?;
    let opcode = (word & 0xff) as u8;
    if !(opcode == op::RESUME || opcode == op::RESUME_QUICK) || (word >> 8) < 2 {
        return None;
    }
    let depth = gen.stack_depth.get() as usize;
    let top = (code.nlocalsplus() + depth).checked_sub(1)?;
    // SAFETY: not running, so nobody else touches the storage now.
    let storage = unsafe { &*gen.storage.get() };
    storage.get(top).filter(|v| !v.is_null()).cloned()
}

/// After its subiterator finished, moves a generator past its `yield from`
/// loop: the subiterator is popped and the generator will resume at the
/// target of the loop's SEND (where SEND would have jumped on return).
fn leave_yield_from(gen: &GeneratorObject) {
    let code = gen.code();
    // SAFETY: see `gen_yield_from`.
    let units = unsafe { &*code.units.get() };
    // Suspended at the YIELD_VALUE that follows the SEND.
    let Some(send_at) = (gen.lasti.get() as usize).checked_sub(1) else {
        return;
    };
    let Some(&word) = units.get(send_at) else { return };
    if (word & 0xff) as u8 != op::SEND {
        return;
    }
    let mut oparg = (word >> 8) as usize;
    let mut shift = 8;
    let mut k = send_at;
    while k > 0 && (units[k - 1] & 0xff) as u8 == op::EXTENDED_ARG {
        k -= 1;
        oparg |= ((units[k] >> 8) as usize) << shift;
        shift += 8;
    }
    let target = send_at + 1 + oparg;
    let depth = gen.stack_depth.get();
    if depth == 0 || target > units.len() {
        return;
    }
    let top = code.nlocalsplus() + depth as usize - 1;
    // SAFETY: not running; the slot holds the subiterator, taken out and dropped.
    let yf = unsafe { (&mut *gen.storage.get()).get_mut(top).map(|v| v.take()) };
    gen.stack_depth.set(depth - 1);
    gen.resume_at.set(target as u32);
    gen.lasti.set(target.saturating_sub(1) as u32);
    drop(yf);
}

/// Drops every slot of a generator that will not run again.
/// Empties a generator that finished (or never ran): its variables, and its
/// frame object, which a finished generator no longer reports (`gi_frame` is
/// None) and which must not keep the variables it saved tied to the
/// generator (as CPython's completed frame no longer belongs to it).
pub(crate) fn clear_storage(gen: &GeneratorObject) {
    // SAFETY: the generator is not running; values are taken out before dropping.
    let old: Vec<Value> = unsafe { (*gen.storage.get()).iter_mut().map(|v| v.take()).collect() };
    let frame_obj = gen.frame_object();
    if !frame_obj.is_null() {
        // The frame object keeps what it saved; it only stops being ours.
        gen.set_frame_object(Value::NULL);
    }
    drop(frame_obj);
    drop(old);
}

pub fn is_generator(v: &Value) -> bool {
    v.downcast_ref::<GeneratorObject>().is_some()
}

pub fn stop_iteration_with(vm: &mut Vm, value: Value) -> PyErr {
    let e = crate::exception::new_exception(
        exc_type(ExcKind::StopIteration),
        crate::objects::tuple::new_tuple(vec![value.clone()]),
    );
    if let Some(d) = crate::attr::instance_dict(&e) {
        if let Some(dd) = d.downcast_ref::<crate::objects::dict::DictObject>() {
            dd.insert_str_key("value", value);
        }
    }
    let _ = vm;
    PyErr::new(e)
}

// ---- the generator type ----

fn gen_of(v: &Value) -> Option<&GeneratorObject> {
    v.downcast_ref::<GeneratorObject>()
}

fn gen_iternext(vm: &mut Vm, g: &Value) -> PyResult<Option<Value>> {
    vm.gen_next(g)
}

fn addr(v: &Value) -> u64 {
    v.as_ptr().map_or(0, |p| p.as_ptr() as u64)
}

fn gen_repr(vm: &mut Vm, g: &Value) -> PyResult<Value> {
    let q = gen_of(g).map(|x| display_lossy(&x.qualname())).unwrap_or_default();
    Ok(vm.new_str(&format!("<generator object {} at {:#x}>", q, addr(g))))
}

fn gen_send_method(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [g, v] = ArgSpec::exact::<2>(vm, "send", args, 1)?;
    match vm.gen_send(&g, v, None)? {
        GenResult::Yield(x) => Ok(x),
        GenResult::Return(x) => {
            if x.is_none() {
                Err(vm.new_error_noargs(ExcKind::StopIteration))
            } else {
                Err(stop_iteration_with(vm, x))
            }
        }
    }
}

fn gen_throw(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    ArgSpec::range(vm, "throw", args, 1, 1, 3)?;
    let g = args[0].clone();
    match vm.gen_throw(&g, &args[1..], true)? {
        GenResult::Yield(x) => Ok(x),
        GenResult::Return(x) => {
            if x.is_none() {
                Err(vm.new_error_noargs(ExcKind::StopIteration))
            } else {
                Err(stop_iteration_with(vm, x))
            }
        }
    }
}

fn gen_close_method(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [g] = ArgSpec::exact::<1>(vm, "close", args, 1)?;
    vm.gen_close(&g)?;
    Ok(none())
}

pub(crate) fn gen_name(_vm: &mut Vm, g: &Value) -> PyResult<Value> {
    Ok(gen_of(g).map_or_else(none, |x| x.name()))
}

pub(crate) fn gen_qualname(_vm: &mut Vm, g: &Value) -> PyResult<Value> {
    Ok(gen_of(g).map_or_else(none, |x| x.qualname()))
}

pub(crate) fn gen_running(_vm: &mut Vm, g: &Value) -> PyResult<Value> {
    Ok(Value::bool(gen_of(g).is_some_and(|x| {
        x.state.get() == GenState::Running
    })))
}

fn gen_suspended(_vm: &mut Vm, g: &Value) -> PyResult<Value> {
    Ok(Value::bool(gen_of(g).is_some_and(|x| {
        x.state.get() == GenState::Suspended
    })))
}

pub(crate) fn gen_code(_vm: &mut Vm, g: &Value) -> PyResult<Value> {
    Ok(gen_of(g).map_or_else(none, |x| x.code.clone()))
}

/// Sets `__name__`/`__qualname__` (strings only, as CPython).
fn set_name_cell(vm: &mut Vm, g: &Value, v: Option<Value>, which: &str) -> PyResult<()> {
    let Some(v) = v.filter(|v| v.downcast_ref::<crate::objects::str::StrObject>().is_some()) else {
        return Err(vm.type_error(format!("{which} must be set to a string object")));
    };
    if let Some(gen) = gen_of(g) {
        let cell = if which == "__name__" { &gen.name } else { &gen.qualname };
        // SAFETY: nothing borrows the cell across this replacement.
        let old = unsafe { std::mem::replace(&mut *cell.get(), v) };
        drop(old);
    }
    Ok(())
}

pub(crate) fn gen_name_set(vm: &mut Vm, g: &Value, v: Option<Value>) -> PyResult<()> {
    set_name_cell(vm, g, v, "__name__")
}

pub(crate) fn gen_qualname_set(vm: &mut Vm, g: &Value, v: Option<Value>) -> PyResult<()> {
    set_name_cell(vm, g, v, "__qualname__")
}

pub(crate) fn gen_frame_get(vm: &mut Vm, g: &Value) -> PyResult<Value> {
    let Some(gen) = gen_of(g) else { return Ok(none()) };
    if gen.state.get() == GenState::Finished {
        return Ok(none());
    }
    let existing = gen.frame_object();
    if !existing.is_null() {
        return Ok(existing);
    }
    if gen.state.get() == GenState::Running {
        // Running: its frame is on the stack.
        if let Some(fi) = vm.frames.iter().rposition(|f| f.generator().is_some_and(|fg| fg.is(g))) {
            return Ok(vm.frame_object(fi));
        }
    }
    Ok(crate::frame::suspended_generator_frame(gen))
}

pub(crate) fn gen_yieldfrom_get(_vm: &mut Vm, g: &Value) -> PyResult<Value> {
    Ok(gen_of(g).and_then(gen_yield_from).unwrap_or_else(none))
}

pub(crate) fn init_type() {
    let s = GENERATOR_TYPE.get().slots_mut();
    s.iter = Some(|_vm, v| Ok(v.clone()));
    s.iternext = Some(gen_iternext);
    s.repr = Some(gen_repr);
    add_method(&GENERATOR_TYPE, "send", gen_send_method);
    add_method(&GENERATOR_TYPE, "throw", gen_throw);
    add_method(&GENERATOR_TYPE, "close", gen_close_method);
    add_getset(&GENERATOR_TYPE, "__name__", gen_name, Some(gen_name_set));
    add_getset(&GENERATOR_TYPE, "__qualname__", gen_qualname, Some(gen_qualname_set));
    add_getset(&GENERATOR_TYPE, "gi_running", gen_running, None);
    add_getset(&GENERATOR_TYPE, "gi_suspended", gen_suspended, None);
    add_getset(&GENERATOR_TYPE, "gi_code", gen_code, None);
    add_getset(&GENERATOR_TYPE, "gi_frame", gen_frame_get, None);
    add_getset(&GENERATOR_TYPE, "gi_yieldfrom", gen_yieldfrom_get, None);
}

// ---- coroutines ----
//
// A coroutine is a generator object of type `coroutine`: same layout and
// resumption machinery; it is awaitable (`__await__`) instead of iterable.

pub const CO_COROUTINE: u32 = 0x80;
pub const CO_ITERABLE_COROUTINE: u32 = 0x100;

static COROUTINE_TYPE: crate::modules::NativeType = crate::modules::NativeType::new();
static CORO_WRAPPER_TYPE: crate::modules::NativeType = crate::modules::NativeType::new();

pub fn coroutine_type() -> &'static TypeObject {
    COROUTINE_TYPE.get_or_init(|st| {
        let t = crate::modules::init_native_type(
            st,
            "builtins",
            "coroutine",
            LayoutKind::Generator,
            &crate::typeobj::OBJECT_TYPE,
            0,
            |s| {
                s.repr = Some(coro_repr);
                s.iter = None;
                s.iternext = None;
            },
        );
        use crate::typeinit::{add_getset_to, add_method_to};
        add_method_to(t, "send", gen_send_method);
        add_method_to(t, "throw", gen_throw);
        add_method_to(t, "close", gen_close_method);
        add_method_to(t, "__await__", coro_await);
        add_getset_to(t, "__name__", gen_name, Some(gen_name_set));
        add_getset_to(t, "__qualname__", gen_qualname, Some(gen_qualname_set));
        add_getset_to(t, "cr_running", gen_running, None);
        add_getset_to(t, "cr_suspended", gen_suspended, None);
        add_getset_to(t, "cr_code", gen_code, None);
        add_getset_to(t, "cr_frame", gen_frame_get, None);
        add_getset_to(t, "cr_await", gen_yieldfrom_get, None);
        add_getset_to(t, "cr_origin", |_vm, g| {
            let origin = gen_of(g).map_or(Value::NULL, |x| x.origin_or_finalizer());
            Ok(if origin.is_null() { none() } else { origin })
        }, None);
    })
}

fn coro_repr(vm: &mut Vm, g: &Value) -> PyResult<Value> {
    let q = gen_of(g).map(|x| display_lossy(&x.qualname())).unwrap_or_default();
    Ok(vm.new_str(&format!("<coroutine object {} at {:#x}>", q, addr(g))))
}

pub fn is_coroutine(v: &Value) -> bool {
    gen_of(v).is_some_and(|g| g.is_coroutine())
}

/// `coroutine.__await__()`: an iterator driving the coroutine.
struct CoroWrapper(Value);

impl crate::objects::native::NativeData for CoroWrapper {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.0);
    }
}

fn coro_wrapper_type() -> &'static TypeObject {
    CORO_WRAPPER_TYPE.get_or_init(|st| {
        let t = crate::modules::init_native_type(
            st,
            "builtins",
            "coroutine_wrapper",
            LayoutKind::Native,
            &crate::typeobj::OBJECT_TYPE,
            0,
            |s| {
                s.iter = Some(|_vm, v| Ok(v.clone()));
                // The coroutine's return value travels in StopIteration.
                s.iternext = Some(|vm, v| match v.native_ref::<CoroWrapper>() {
                    Some(w) => {
                        let c = w.0.clone();
                        match vm.gen_send(&c, none(), None)? {
                            GenResult::Yield(x) => Ok(Some(x)),
                            GenResult::Return(x) if x.is_none() => Ok(None),
                            GenResult::Return(x) => Err(stop_iteration_with(vm, x)),
                        }
                    }
                    None => Ok(None),
                });
            },
        );
        use crate::typeinit::add_method_to;
        add_method_to(t, "send", |vm, args, kw| wrapper_forward(vm, args, kw, gen_send_method));
        add_method_to(t, "throw", |vm, args, kw| wrapper_forward(vm, args, kw, gen_throw));
        add_method_to(t, "close", |vm, args, kw| wrapper_forward(vm, args, kw, gen_close_method));
    })
}

fn wrapper_forward(vm: &mut Vm, args: &[Value], kw: KwNames, f: fn(&mut Vm, &[Value], KwNames) -> PyResult<Value>) -> PyResult<Value> {
    let Some(w) = args.first().and_then(|a| a.native_ref::<CoroWrapper>()) else {
        return Err(vm.type_error("descriptor requires a 'coroutine_wrapper' object"));
    };
    let mut a = args.to_vec();
    a[0] = w.0.clone();
    f(vm, &a, kw)
}

fn coro_await(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [c] = ArgSpec::exact::<1>(vm, "__await__", args, 1)?;
    Ok(crate::objects::native::new_native(coro_wrapper_type(), CoroWrapper(c)))
}

impl Vm {
    /// `GET_AWAITABLE`: the iterator an `await` drives (CPython's
    /// `_PyCoro_GetAwaitableIter` plus the 'async with' messages).
    pub(crate) fn get_awaitable(&mut self, v: &Value, where_: u32) -> PyResult<Value> {
        if let Some(g) = gen_of(v) {
            if g.is_coroutine() && gen_yield_from(g).is_some() {
                return Err(self.new_error(ExcKind::RuntimeError, "coroutine is being awaited already"));
            }
        }
        self.awaitable_iter(v, where_)
    }

    /// The iterator an awaitable gives (`_PyCoro_GetAwaitableIter`): a
    /// coroutine (or `types.coroutine` generator) itself, else what its
    /// `__await__` returns, which must be an iterator.
    fn awaitable_iter(&mut self, v: &Value, where_: u32) -> PyResult<Value> {
        if is_awaitable_generator(v) {
            return Ok(v.clone());
        }
        let t = type_of(v);
        let Some(meth) = t.lookup_str(self, "__await__") else {
            let tn = t.name_string();
            let msg = match where_ {
                1 => format!("'async with' received an object from __aenter__ that does not implement __await__: {tn}"),
                2 => format!("'async with' received an object from __aexit__ that does not implement __await__: {tn}"),
                _ => format!("object {tn} can't be used in 'await' expression"),
            };
            return Err(self.type_error(msg));
        };
        let r = self.call_unbound(&meth, v, &[])?;
        if is_awaitable_generator(&r) {
            return Err(self.type_error("__await__() returned a coroutine"));
        }
        if type_of(&r).slots().iternext.is_none() {
            let msg = format!("__await__() returned non-iterator of type '{}'", self.type_name(&r));
            return Err(self.type_error(msg));
        }
        Ok(r)
    }

    /// `BEFORE_ASYNC_WITH`: (bound __aexit__, the result of __aenter__()).
    pub(crate) fn before_async_with(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let t = type_of(mgr);
        let Some(enter) = t.lookup_str(self, "__aenter__") else {
            let msg = format!("'{}' object does not support the asynchronous context manager protocol", t.name_string());
            return Err(self.type_error(msg));
        };
        let Some(exit) = t.lookup_str(self, "__aexit__") else {
            let msg = format!(
                "'{}' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
                t.name_string()
            );
            return Err(self.type_error(msg));
        };
        let owner = t.as_value();
        let exit_bound = self.bind_descriptor(&exit, Some(mgr), &owner)?;
        let res = self.call_unbound(&enter, mgr, &[])?;
        Ok((exit_bound, res))
    }

    /// `GET_AITER`: `type(obj).__aiter__(obj)`, checked to have `__anext__`.
    pub(crate) fn get_aiter(&mut self, obj: &Value) -> PyResult<Value> {
        let t = type_of(obj);
        let Some(f) = t.lookup_str(self, "__aiter__") else {
            let msg = format!("'async for' requires an object with __aiter__ method, got {}", t.name_string());
            return Err(self.type_error(msg));
        };
        let it = self.call_unbound(&f, obj, &[])?;
        if type_of(&it).lookup_str(self, "__anext__").is_none() {
            let msg = format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                self.type_name(&it)
            );
            return Err(self.type_error(msg));
        }
        Ok(it)
    }

    /// `GET_ANEXT`: the awaitable of `type(aiter).__anext__(aiter)`.
    pub(crate) fn get_anext(&mut self, aiter: &Value) -> PyResult<Value> {
        let t = type_of(aiter);
        let Some(f) = t.lookup_str(self, "__anext__") else {
            let msg = format!("'async for' requires an iterator with __anext__ method, got {}", t.name_string());
            return Err(self.type_error(msg));
        };
        let next = self.call_unbound(&f, aiter, &[])?;
        // Whatever failed (a bad object, or its __await__ raising) becomes the cause.
        match self.awaitable_iter(&next, 0) {
            Ok(a) => Ok(a),
            Err(e) => {
                let msg = format!("'async for' received an invalid object from __anext__: {}", self.type_name(&next));
                let err = self.type_error(msg);
                if let Some(o) = err.exc.downcast_ref::<ExceptionObject>() {
                    o.set_cause(e.exc.clone());
                    o.set_context(e.exc.clone());
                }
                Err(err)
            }
        }
    }
}

/// A coroutine, or a generator made by a `types.coroutine` function: awaited
/// directly, with no `__await__` call.
fn is_awaitable_generator(v: &Value) -> bool {
    gen_of(v).is_some_and(|g| g.is_coroutine() || g.code().flags & CO_ITERABLE_COROUTINE != 0)
}

// ---- aiter() / anext() ----

/// `aiter(obj)`.
pub(crate) fn builtin_aiter(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "aiter", kw)?;
    let [obj] = ArgSpec::exact::<1>(vm, "aiter", args, 0)?;
    let t = type_of(&obj);
    let Some(f) = t.lookup_str(vm, "__aiter__") else {
        let msg = format!("'{}' object is not an async iterable", t.name_string());
        return Err(vm.type_error(msg));
    };
    let it = vm.call_unbound(&f, &obj, &[])?;
    if type_of(&it).lookup_str(vm, "__anext__").is_none() {
        let msg = format!("aiter() returned not an async iterator of type '{}'", vm.type_name(&it));
        return Err(vm.type_error(msg));
    }
    Ok(it)
}

/// `anext(aiterator[, default])`.
pub(crate) fn builtin_anext(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "anext", kw)?;
    ArgSpec::range(vm, "anext", args, 0, 1, 2)?;
    let t = type_of(&args[0]);
    let Some(f) = t.lookup_str(vm, "__anext__") else {
        let msg = format!("'{}' object is not an async iterator", t.name_string());
        return Err(vm.type_error(msg));
    };
    let awaitable = vm.call_unbound(&f, &args[0], &[])?;
    let Some(default) = args.get(1) else {
        return Ok(awaitable);
    };
    Ok(crate::objects::native::new_native(
        anext_awaitable_type(),
        AnextAwaitable {
            wrapped: awaitable,
            default: default.clone(),
            it: std::cell::RefCell::new(None),
        },
    ))
}

/// What `anext(it, default)` returns: awaits `it.__anext__()`, and turns its
/// StopAsyncIteration into the default value.
struct AnextAwaitable {
    wrapped: Value,
    default: Value,
    /// The awaited iterator, once the first step asked for it.
    it: std::cell::RefCell<Option<Value>>,
}

impl AnextAwaitable {
    fn iter(&self) -> Option<Value> {
        self.it.borrow().clone()
    }
    fn set_iter(&self, v: Option<Value>) {
        let old = self.it.replace(v);
        drop(old);
    }
}

impl crate::objects::native::NativeData for AnextAwaitable {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.wrapped);
        visit(&self.default);
        if let Ok(it) = self.it.try_borrow() {
            if let Some(v) = &*it {
                visit(v);
            }
        }
    }
    fn clear(&self) {
        self.set_iter(None);
    }
}

/// `__next__` of an awaitable stepper (anext_awaitable, async_generator_asend,
/// ...): a step's bare StopIteration ends the iteration; one carrying a value
/// stays an exception, so that the awaiting `yield from` receives the value.
pub(crate) fn step_as_iternext(vm: &mut Vm, r: PyResult<Value>) -> PyResult<Option<Value>> {
    match r {
        Ok(x) => Ok(Some(x)),
        Err(e) if e.is_instance(ExcKind::StopIteration) => {
            let val = crate::attr::instance_get(&e.exc, &vm.intern("value")).unwrap_or_else(none);
            if val.is_none() {
                Ok(None)
            } else {
                Err(e)
            }
        }
        Err(e) => Err(e),
    }
}

/// `__await__` of an object that is its own iterator.
pub(crate) fn await_returns_self(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let [me] = ArgSpec::exact::<1>(vm, "__await__", args, 1)?;
    Ok(me)
}

static ANEXT_AWAITABLE_TYPE: crate::modules::NativeType = crate::modules::NativeType::new();

fn anext_awaitable_type() -> &'static TypeObject {
    ANEXT_AWAITABLE_TYPE.get_or_init(|st| {
        let t = crate::modules::init_native_type(
            st,
            "builtins",
            "anext_awaitable",
            LayoutKind::Native,
            &crate::typeobj::OBJECT_TYPE,
            0,
            |s| {
                s.iter = Some(|_vm, v| Ok(v.clone()));
                s.iternext = Some(|vm, v| {
                    let r = anext_step(vm, v, none(), None);
                    step_as_iternext(vm, r)
                });
            },
        );
        use crate::typeinit::add_method_to;
        add_method_to(t, "__await__", await_returns_self);
        add_method_to(t, "send", |vm, args, _kw| {
            let [me, v] = ArgSpec::exact::<2>(vm, "send", args, 1)?;
            anext_step(vm, &me, v, None)
        });
        add_method_to(t, "throw", |vm, args, _kw| {
            ArgSpec::range(vm, "throw", args, 1, 1, 3)?;
            let err = Vm::throw_exception(vm, &args[1..])?;
            anext_step(vm, &args[0], none(), Some(err))
        });
        add_method_to(t, "close", |vm, args, _kw| {
            let [me] = ArgSpec::exact::<1>(vm, "close", args, 1)?;
            if let Some(it) = me.native_ref::<AnextAwaitable>().and_then(|a| a.iter()) {
                if is_generator(&it) {
                    vm.gen_close(&it)?;
                } else if let Some(c) = vm.lookup_attr(&it, &vm.intern("close"))? {
                    vm.call0(&c)?;
                }
            }
            Ok(none())
        });
    })
}

/// One step of an anext_awaitable: send `v` (or throw `exc`) into the awaited iterator.
fn anext_step(vm: &mut Vm, me: &Value, v: Value, exc: Option<PyErr>) -> PyResult<Value> {
    let Some(a) = me.native_ref::<AnextAwaitable>() else {
        return Err(vm.type_error("descriptor requires an 'anext_awaitable' object"));
    };
    let it = match a.iter() {
        Some(it) => it,
        None => {
            let it = vm.awaitable_iter(&a.wrapped, 0)?;
            a.set_iter(Some(it.clone()));
            it
        }
    };
    let r = if is_generator(&it) {
        match vm.gen_send(&it, v, exc) {
            Ok(GenResult::Yield(x)) => Ok(x),
            Ok(GenResult::Return(x)) => Err(stop_iteration_with(vm, x)),
            Err(e) => Err(e),
        }
    } else if let Some(e) = exc {
        let throw = vm.intern("throw");
        match vm.lookup_attr(&it, &throw)? {
            Some(t) => vm.call1(&t, e.exc.clone()),
            None => Err(e),
        }
    } else if v.is_none() {
        match vm.next(&it) {
            Ok(Some(x)) => Ok(x),
            Ok(None) => Err(vm.new_error_noargs(ExcKind::StopIteration)),
            Err(e) => Err(e),
        }
    } else {
        vm.call_method(&it, "send", &[v])
    };
    match r {
        Err(e) if e.is_instance(ExcKind::StopAsyncIteration) => Err(stop_iteration_with(vm, a.default.clone())),
        other => other,
    }
}
