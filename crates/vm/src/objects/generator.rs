//! Generators. `RETURN_GENERATOR` moves the new frame's slots into the
//! generator object; each resumption pushes a frame whose slots point into
//! that storage and runs it until `YIELD_VALUE` or `RETURN_VALUE`. As in
//! CPython 3.11, resuming goes through the Rust-level entry point (counted
//! like any re-entry), so `for` over a generator nests one dispatch loop.

use crate::exception::{exc_type, ExcKind, ExceptionObject, PyErr, PyResult};
use crate::object::{alloc_object, LayoutKind, ObjHeader, PyPayload};
use crate::objects::function::FunctionObject;
use crate::objects::singletons::none;
use crate::typeobj::GENERATOR_TYPE;
use crate::value::Value;
use crate::vm::Vm;
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
    /// The frame's slots: variables, then the value stack. Slots above the
    /// saved stack depth are NULL whenever the generator is not running.
    pub(crate) storage: UnsafeCell<Box<[Value]>>,
    pub(crate) stack_depth: Cell<usize>,
    pub(crate) resume_at: Cell<u32>,
    pub(crate) lasti: Cell<u32>,
    pub(crate) state: Cell<GenState>,
    /// The exception being handled inside the generator while suspended.
    pub(crate) exc_state: UnsafeCell<Value>,
    pub(crate) name: UnsafeCell<Value>,
    pub(crate) qualname: UnsafeCell<Value>,
}

unsafe impl PyPayload for GeneratorObject {
    const KIND: LayoutKind = LayoutKind::Generator;
}

impl GeneratorObject {
    pub fn func(&self) -> &FunctionObject {
        // SAFETY: set to a function at creation.
        unsafe { self.func.downcast_ref::<FunctionObject>().unwrap_unchecked() }
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
}

/// A generator holding `storage` (already filled from the creating frame).
pub fn new_generator(func: Value, storage: Box<[Value]>, resume_at: u32) -> Value {
    let (name, qualname) = match func.downcast_ref::<FunctionObject>() {
        Some(f) => (f.name().clone(), f.qualname().clone()),
        None => (none(), none()),
    };
    alloc_object(
        GENERATOR_TYPE.get(),
        GeneratorObject {
            header: ObjHeader::new(std::ptr::null()),
            func,
            storage: UnsafeCell::new(storage),
            stack_depth: Cell::new(0),
            resume_at: Cell::new(resume_at),
            lasti: Cell::new(resume_at.saturating_sub(1)),
            state: Cell::new(GenState::Created),
            exc_state: UnsafeCell::new(Value::NULL),
            name: UnsafeCell::new(name),
            qualname: UnsafeCell::new(qualname),
        },
    )
}

/// What a resumption ended with.
pub enum GenResult {
    Yield(Value),
    Return(Value),
}

impl Vm {
    /// `gen.send(value)` (or `throw` when `exc` is given): runs the generator
    /// until it yields, returns or raises.
    pub fn gen_send(&mut self, genv: &Value, value: Value, exc: Option<PyErr>) -> PyResult<GenResult> {
        let Some(gen) = genv.downcast_ref::<GeneratorObject>() else {
            return Err(self.type_error("not a generator"));
        };
        match gen.state.get() {
            GenState::Running => return Err(self.value_error("generator already executing")),
            GenState::Finished => {
                return match exc {
                    Some(e) => Err(e),
                    None => Err(self.new_error_noargs(ExcKind::StopIteration)),
                };
            }
            GenState::Created if exc.is_none() && !value.is_none() => {
                return Err(self.type_error("can't send non-None value to a just-started generator"));
            }
            _ => {}
        }
        let base = self.push_generator_frame(genv, gen)?;
        let depth = gen.stack_depth.get();
        let nlocals = gen.func().code().nlocalsplus();
        if exc.is_none() {
            // The sent value is the result of the suspended yield (or popped by
            // the POP_TOP after RETURN_GENERATOR).
            // SAFETY: the slot is inside the storage and NULL (above the depth).
            unsafe {
                let slot = base.add(nlocals + depth);
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
        // The generator's own handled exception, if it was suspended in a handler.
        let saved_exc = self.exc_info.clone();
        let own = unsafe { (*gen.exc_state.get()).take() };
        if !own.is_null() {
            self.exc_info = own;
        }
        self.yielded = false;
        let r = self.run_frame_with(exc);
        let yielded = std::mem::replace(&mut self.yielded, false);
        let after = std::mem::replace(&mut self.exc_info, saved_exc.clone());
        match r {
            Ok(v) if yielded => {
                gen.state.set(GenState::Suspended);
                if !after.is(&saved_exc) {
                    unsafe { *gen.exc_state.get() = after };
                }
                Ok(GenResult::Yield(v))
            }
            Ok(v) => {
                gen.state.set(GenState::Finished);
                Ok(GenResult::Return(v))
            }
            Err(e) => {
                gen.state.set(GenState::Finished);
                if e.is_instance(ExcKind::StopIteration) {
                    // PEP 479.
                    let re = self.new_error(ExcKind::RuntimeError, "generator raised StopIteration");
                    if let Some(ro) = re.exc.downcast_ref::<ExceptionObject>() {
                        ro.set_cause(e.exc.clone());
                        ro.set_context(e.exc.clone());
                        ro.suppress_context.set(true);
                    }
                    return Err(re);
                }
                Err(e)
            }
        }
    }

    /// `next(gen)`: the next yielded value, or None when it returned.
    pub fn gen_next(&mut self, genv: &Value) -> PyResult<Option<Value>> {
        if genv
            .downcast_ref::<GeneratorObject>()
            .is_some_and(|g| g.state.get() == GenState::Finished)
        {
            return Ok(None);
        }
        match self.gen_send(genv, none(), None)? {
            GenResult::Yield(v) => Ok(Some(v)),
            GenResult::Return(_) => Ok(None),
        }
    }

    /// `gen.close()`.
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
        let exit = PyErr::new(crate::exception::new_exception_noargs(ExcKind::GeneratorExit));
        match self.gen_send(genv, none(), Some(exit)) {
            Ok(GenResult::Yield(_)) => Err(self.new_error(ExcKind::RuntimeError, "generator ignored GeneratorExit")),
            Ok(GenResult::Return(_)) => Ok(()),
            Err(e) if e.is_instance(ExcKind::GeneratorExit) || e.is_instance(ExcKind::StopIteration) => Ok(()),
            Err(e) => Err(e),
        }
    }
}

/// Drops every slot of a generator that will not run again.
pub(crate) fn clear_storage(gen: &GeneratorObject) {
    // SAFETY: the generator is not running; values are taken out before dropping.
    let old: Vec<Value> = unsafe { (*gen.storage.get()).iter_mut().map(|v| v.take()).collect() };
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
