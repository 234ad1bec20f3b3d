//! Calling Python functions: binding arguments into a new frame's slots as
//! CPython 3.11's `initialize_locals` does (same checks, same messages), and
//! pushing frames on the VM's own stack.

use crate::exception::{ExcKind, PyErr, PyResult};
use crate::frame::{frame_flags as ff, Frame};
use crate::objects::code::CodeObj;
use crate::objects::dict::DictObject;
use crate::objects::function::FunctionObject;
use crate::objects::generator::GeneratorObject;
use crate::objects::str::{display_lossy, str_eq};
use crate::objects::tuple::{empty_tuple, new_tuple, TupleObject};
use crate::typeobj::KwNames;
use crate::value::Value;
use crate::vm::Vm;
use pyrite_bytecode::code::flags;

impl Vm {
    /// Pushes a frame for module, class-body or exec code; variables start NULL.
    pub(crate) fn push_frame(
        &mut self,
        code: &Value,
        func: Value,
        globals: Value,
        builtins: Value,
        locals: Value,
        is_entry: bool,
    ) -> PyResult<*mut Value> {
        let (Some(c), Some(g), Some(b)) = (
            code.downcast_ref::<CodeObj>(),
            globals.downcast_ref::<DictObject>(),
            builtins.downcast_ref::<DictObject>(),
        ) else {
            return Err(self.new_error(
                ExcKind::SystemError,
                "frame needs a code object, a globals dict and a builtins dict",
            ));
        };
        let (c, g, b) = (c as *const CodeObj, g as *const DictObject, b as *const DictObject);
        let fl = ff::LOCALS | if is_entry { ff::ENTRY } else { 0 };
        self.push_frame_raw(c, g, b, func, locals, fl)?;
        // The frame holds code, globals and builtins itself (references
        // handed over; `Frame`'s drop gives them back).
        for v in [code.clone(), globals, builtins] {
            let _ = v.into_raw_bits();
        }
        let top = self.frames.len() - 1;
        self.frames[top].flags |= ff::OWNS_REFS;
        Ok(self.frames[top].localsplus)
    }

    /// Pushes a frame for a call of the Python function `func` (which keeps
    /// the code, globals and builtins alive).
    #[inline]
    pub(crate) fn push_function_frame(&mut self, func: Value, is_entry: bool) -> PyResult<*mut Value> {
        let Some(f) = func.downcast_ref::<FunctionObject>() else {
            return Err(self.new_error(ExcKind::SystemError, "not a function"));
        };
        let code = f.code();
        // Code not compiled as a function body (`FunctionType(compile(...), g)`) runs with
        // its globals as locals, as `_PyFunction_Vectorcall` does.
        let fl = if code.flags & flags::OPTIMIZED == 0 { ff::GLOBALS_AS_LOCALS } else { 0 }
            | if is_entry { ff::ENTRY } else { 0 };
        let c = code as *const CodeObj;
        let (g, b) = (
            f.globals_dict() as *const DictObject,
            f.builtins_dict() as *const DictObject,
        );
        self.push_frame_raw(c, g, b, func, Value::NULL, fl)
    }

    #[inline]
    fn push_frame_raw(
        &mut self,
        code: *const CodeObj,
        globals: *const DictObject,
        builtins: *const DictObject,
        func: Value,
        extra: Value,
        flags: u8,
    ) -> PyResult<*mut Value> {
        if self.depth >= self.recursion_limit {
            return Err(self.new_error(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        self.depth += 1;
        // SAFETY: `code` is kept alive by `func` or by the caller.
        let c = unsafe { &*code };
        let base = self.stack.alloc(c.frame_size(), c.nlocalsplus());
        self.frames.reserve(1);
        let len = self.frames.len();
        // SAFETY: room reserved above; the record is written whole before
        // the length covers it. Written in place rather than pushed: a
        // record built on the Rust stack and copied costs store-forwarding
        // stalls on every call.
        unsafe {
            self.frames
                .as_mut_ptr()
                .add(len)
                .write(Frame::new(code, globals, builtins, func, extra, base, flags));
            self.frames.set_len(len + 1);
        }
        Ok(base)
    }

    /// Pushes the frame of a suspended (or new) generator: its slots are the
    /// generator's own storage (no data-stack slots).
    pub(crate) fn push_generator_frame(&mut self, genv: &Value, gen: &GeneratorObject) -> PyResult<*mut Value> {
        if self.depth >= self.recursion_limit {
            return Err(self.new_error(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        self.depth += 1;
        let f = gen.func();
        let base = gen.storage_ptr();
        self.frames.reserve(1);
        let len = self.frames.len();
        // SAFETY: room reserved above; written in place as in `push_frame_raw`
        // (a record built on the Rust stack and copied stalls store forwarding).
        unsafe {
            let slot = self.frames.as_mut_ptr().add(len);
            slot.write(Frame::new(
                gen.code() as *const CodeObj,
                f.globals_dict() as *const DictObject,
                f.builtins_dict() as *const DictObject,
                gen.func.clone(),
                genv.clone(),
                base,
                ff::GENERATOR | ff::ENTRY,
            ));
            (*slot).stack_depth = gen.stack_depth.get();
            (*slot).lasti = gen.lasti.get();
            (*slot).resume_at = gen.resume_at.get();
            self.frames.set_len(len + 1);
        }
        // SAFETY: only tested for NULL (no clone unless there is one).
        let has_obj = unsafe { !(*gen.frame_obj.get()).is_null() };
        let obj = if has_obj { gen.frame_object() } else { Value::NULL };
        if !obj.is_null() {
            let fi = self.frames.len() - 1;
            self.attach_frame_object(fi, &obj);
        }
        Ok(base)
    }

    /// Pops the top frame, dropping whatever its slots still hold. A
    /// generator's frame that yielded keeps its slots in the generator.
    #[inline]
    pub(crate) fn pop_frame(&mut self) {
        let Some(last) = self.frames.len().checked_sub(1) else { return };
        let top = &self.frames[last];
        let fl = top.flags;
        if top.frame_obj.is_null() && fl & (ff::GENERATOR | ff::OWNS_REFS) == 0 {
            // The common case, field by field (moving the whole record out
            // would read it in wide loads over the narrow stores just made
            // to it, a store-forwarding stall on every return).
            let live = top.code().nlocalsplus() + top.stack_depth as usize;
            let base = top.localsplus;
            // SAFETY: the owned fields are moved out once and the record is
            // then forgotten (its frame object is NULL, it owns no references
            // of its own, its other fields own nothing), before any value is
            // dropped.
            let held = unsafe {
                let held = (std::ptr::read(&top.func), std::ptr::read(top.extra_ptr()));
                self.frames.set_len(last);
                held
            };
            // SAFETY: variables and the first `stack_depth` stack slots are live.
            unsafe { clear_slots_at(base, live) };
            self.stack.release(base);
            self.depth -= 1 + usize::from(fl & ff::INIT_SELF != 0);
            drop(held);
            return;
        }
        if top.frame_obj.is_null() && fl & ff::GENERATOR != 0 {
            // A generator's frame without a frame object, field by field as
            // above (this runs at every yield). Generator frames never own
            // references (their generator holds code and function).
            debug_assert!(fl & ff::OWNS_REFS == 0);
            let live = top.code().nlocalsplus() + top.stack_depth as usize;
            let (depth, resume_at, lasti) = (top.stack_depth, top.resume_at, top.lasti);
            // SAFETY: the owned fields are moved out once and the record
            // forgotten (its frame object is NULL, it owns no references,
            // other fields own nothing).
            let held = unsafe {
                let held = (std::ptr::read(&top.func), std::ptr::read(top.extra_ptr()));
                self.frames.set_len(last);
                held
            };
            if let Some(gen) = held.1.downcast_ref::<GeneratorObject>() {
                // SAFETY: the storage backs this frame; slots past `live` hold
                // stale bits of popped values, which must not be dropped.
                unsafe {
                    let storage = &mut *gen.storage.get();
                    for slot in storage.iter_mut().skip(live) {
                        std::ptr::write(slot, Value::NULL);
                    }
                }
                if self.yielded {
                    gen.stack_depth.set(depth);
                    gen.resume_at.set(resume_at);
                    gen.lasti.set(lasti);
                } else {
                    crate::objects::generator::clear_storage(gen);
                }
            }
            self.depth -= 1;
            drop(held);
            return;
        }
        if let Some(mut f) = self.frames.pop() {
            if !f.frame_obj.is_null() {
                self.detach_frame_object(&f);
            }
            let nlocals = f.code().nlocalsplus();
            let live = nlocals + f.stack_depth as usize;
            if let Some(gen) = f.generator().and_then(|g| g.downcast_ref::<GeneratorObject>()) {
                // SAFETY: the storage backs this frame; slots past `live` hold
                // stale bits of popped values, which must not be dropped.
                unsafe {
                    let storage = &mut *gen.storage.get();
                    for slot in storage.iter_mut().skip(live) {
                        std::ptr::write(slot, Value::NULL);
                    }
                }
                if self.yielded {
                    gen.stack_depth.set(f.stack_depth);
                    gen.resume_at.set(f.resume_at);
                    gen.lasti.set(f.lasti);
                } else {
                    crate::objects::generator::clear_storage(gen);
                }
                self.depth -= 1;
                return;
            }
            // SAFETY: variables and the first `stack_depth` stack slots are live.
            unsafe { f.clear_slots(live) };
            self.stack.release(f.localsplus);
            self.depth -= 1 + usize::from(f.flags & ff::INIT_SELF != 0);
            // `f` drops here: its function, extra value and owned references.
        }
    }

    /// Calls a Python function from Rust and runs it to completion.
    pub fn call_python(&mut self, func: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
        let Some(f) = func.downcast_ref::<FunctionObject>() else {
            return Err(self.type_error("not a function"));
        };
        let base = self.push_function_frame(func.clone(), true)?;
        if let Err(e) = self.bind_args(f, args, kwnames, base) {
            self.pop_frame();
            return Err(e);
        }
        self.run_frame()
    }

    /// Runs a code object (module or class body) with an explicit locals mapping.
    pub fn run_code_with_locals(
        &mut self,
        code: Value,
        globals: Value,
        builtins: Value,
        locals: Value,
        func: Value,
    ) -> PyResult<Value> {
        self.push_frame(&code, func, globals, builtins, locals, true)?;
        self.run_frame()
    }

    /// Fills `dest` (the new frame's first slots) from the call's arguments.
    pub(crate) fn bind_args(
        &mut self,
        f: &FunctionObject,
        args: &[Value],
        kwnames: KwNames,
        dest: *mut Value,
    ) -> PyResult<()> {
        let co = f.code();
        let kwcount = kwnames
            .and_then(|k| k.downcast_ref::<TupleObject>())
            .map_or(0, |t| t.len());
        let argcount = args.len() - kwcount;
        let co_argcount = co.argcount as usize;
        let total_args = co_argcount + co.kwonlyargcount as usize;
        let slot = |i: usize| -> &mut Value {
            // SAFETY: i < nlocalsplus, inside the frame's slots.
            unsafe { &mut *dest.add(i) }
        };
        let kwdict = if co.flags & flags::VARKEYWORDS != 0 {
            let d = DictObject::new_value();
            let i = total_args + usize::from(co.flags & flags::VARARGS != 0);
            *slot(i) = d.clone();
            Some(d)
        } else {
            None
        };
        let n = argcount.min(co_argcount);
        for (j, a) in args.iter().take(n).enumerate() {
            *slot(j) = a.clone();
        }
        if co.flags & flags::VARARGS != 0 {
            *slot(total_args) = if argcount == n {
                empty_tuple()
            } else {
                new_tuple(args[n..argcount].to_vec())
            };
        }
        if let Some(kw) = kwnames.and_then(|k| k.downcast_ref::<TupleObject>()) {
            for (i, keyword) in kw.items().iter().enumerate() {
                let value = args[argcount + i].clone();
                let names = &co.localsplusnames;
                let posonly = co.posonlyargcount as usize;
                let mut found = (posonly..total_args).find(|&j| names[j].is(keyword));
                if found.is_none() {
                    found = (posonly..total_args).find(|&j| str_eq(&names[j], keyword));
                }
                match found {
                    None => match &kwdict {
                        Some(d) => {
                            if let Some(d) = d.downcast_ref::<DictObject>() {
                                d.set_item(self, keyword.clone(), value)?;
                            }
                        }
                        None => {
                            let qn = display_lossy(f.qualname());
                            if posonly > 0 {
                                let conflicts: Vec<String> = kw
                                    .items()
                                    .iter()
                                    .filter(|k| names[..posonly].iter().any(|p| str_eq(p, k)))
                                    .map(display_lossy)
                                    .collect();
                                if !conflicts.is_empty() {
                                    return Err(self.type_error(format!(
                                        "{qn}() got some positional-only arguments passed as keyword arguments: '{}'",
                                        conflicts.join(", ")
                                    )));
                                }
                            }
                            let kn = display_lossy(keyword);
                            return Err(self.type_error(format!("{qn}() got an unexpected keyword argument '{kn}'")));
                        }
                    },
                    Some(j) => {
                        if !slot(j).is_null() {
                            let qn = display_lossy(f.qualname());
                            let kn = display_lossy(keyword);
                            return Err(self.type_error(format!("{qn}() got multiple values for argument '{kn}'")));
                        }
                        *slot(j) = value;
                    }
                }
            }
        }
        if argcount > co_argcount && co.flags & flags::VARARGS == 0 {
            return Err(self.too_many_positional(f, co, argcount, dest));
        }
        if argcount < co_argcount {
            let defaults = f.defaults().clone();
            let defs: &[Value] = defaults.downcast_ref::<TupleObject>().map_or(&[], |t| t.items());
            let defcount = defs.len();
            let m = co_argcount.saturating_sub(defcount);
            let missing = (argcount..m).filter(|&i| slot(i).is_null()).count();
            if missing > 0 {
                return Err(self.missing_arguments(f, co, missing, Some(defcount), dest));
            }
            let start = n.saturating_sub(m);
            for (i, d) in defs.iter().enumerate().skip(start) {
                if slot(m + i).is_null() {
                    *slot(m + i) = d.clone();
                }
            }
        }
        if co.kwonlyargcount > 0 {
            let mut missing = 0;
            let kwdefaults = f.kwdefaults().clone();
            for i in co_argcount..total_args {
                if !slot(i).is_null() {
                    continue;
                }
                if let Some(kd) = kwdefaults.downcast_ref::<DictObject>() {
                    if let Some(d) = kd.get_item(self, &co.localsplusnames[i])? {
                        *slot(i) = d;
                        continue;
                    }
                }
                missing += 1;
            }
            if missing > 0 {
                return Err(self.missing_arguments(f, co, missing, None, dest));
            }
        }
        Ok(())
    }

    fn missing_arguments(
        &mut self,
        f: &FunctionObject,
        co: &CodeObj,
        missing: usize,
        defcount: Option<usize>,
        dest: *mut Value,
    ) -> PyErr {
        let (kind, start, end) = match defcount {
            Some(d) => ("positional", 0, co.argcount as usize - d.min(co.argcount as usize)),
            None => (
                "keyword-only",
                co.argcount as usize,
                (co.argcount + co.kwonlyargcount) as usize,
            ),
        };
        let mut names = Vec::new();
        for i in start..end {
            // SAFETY: i < nlocalsplus.
            if unsafe { (*dest.add(i)).is_null() } {
                names.push(pyrite_repr::str_repr_of(&display_lossy(&co.localsplusnames[i])));
            }
        }
        let len = names.len();
        let name_str = match len {
            1 => names[0].clone(),
            2 => format!("{} and {}", names[0], names[1]),
            _ => {
                let head = names[..len - 2].join(", ");
                format!("{}, {}, and {}", head, names[len - 2], names[len - 1])
            }
        };
        let _ = missing;
        let qn = display_lossy(f.qualname());
        self.type_error(format!(
            "{qn}() missing {len} required {kind} argument{}: {name_str}",
            if len == 1 { "" } else { "s" }
        ))
    }

    fn too_many_positional(&mut self, f: &FunctionObject, co: &CodeObj, given: usize, dest: *mut Value) -> PyErr {
        let co_argcount = co.argcount as usize;
        let kwonly_given = (co_argcount..co_argcount + co.kwonlyargcount as usize)
            // SAFETY: inside the frame's slots.
            .filter(|&i| unsafe { !(*dest.add(i)).is_null() })
            .count();
        let defcount = f.defaults().downcast_ref::<TupleObject>().map_or(0, |t| t.len());
        let (sig, plural) = if defcount > 0 {
            (format!("from {} to {}", co_argcount - defcount, co_argcount), true)
        } else {
            (co_argcount.to_string(), co_argcount != 1)
        };
        let kwonly_sig = if kwonly_given > 0 {
            format!(
                " positional argument{} (and {} keyword-only argument{})",
                if given != 1 { "s" } else { "" },
                kwonly_given,
                if kwonly_given != 1 { "s" } else { "" }
            )
        } else {
            String::new()
        };
        let qn = display_lossy(f.qualname());
        self.type_error(format!(
            "{qn}() takes {sig} positional argument{} but {given}{kwonly_sig} {} given",
            if plural { "s" } else { "" },
            if given == 1 && kwonly_given == 0 { "was" } else { "were" }
        ))
    }
}

/// Drops the first `upto` values from `base`.
///
/// # Safety
/// Those slots hold initialized values, which are not used afterwards.
#[inline(always)]
unsafe fn clear_slots_at(base: *mut Value, upto: usize) {
    for i in 0..upto {
        let v = base.add(i).read();
        drop(v);
    }
}
