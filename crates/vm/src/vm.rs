//! The interpreter state a thread runs Python code with.

use crate::exception::{exc_type, new_exception_msg, ExcKind, ExceptionObject, PyErr, PyResult};
use crate::frame::{DataStack, Frame};
use crate::gil::{self, GilGuard};
use crate::hash::{self, HashSeed};
use crate::objects::code::{new_code, CodeObj};
use crate::objects::dict::DictObject;
use crate::objects::module::{new_module, ModuleObject};
use crate::typeobj::type_of;
use crate::value::Value;
use pyrite_bytecode::code::CodeObject;
use std::io::Write;
use std::rc::Rc;
use std::sync::Once;

/// CPython's default `sys.getrecursionlimit()`.
pub const DEFAULT_RECURSION_LIMIT: usize = 1000;
/// CPython's default `sys.get_int_max_str_digits()`.
pub const DEFAULT_INT_MAX_STR_DIGITS: usize = 4300;

pub struct Vm {
    pub(crate) frames: Vec<Frame>,
    pub(crate) stack: DataStack,
    /// Python frames plus counted native re-entries.
    pub(crate) depth: usize,
    pub recursion_limit: usize,
    /// The exception being handled by the innermost exception-state owner
    /// (the running generator, else the thread), NULL when none. CPython's
    /// `tstate->exc_info->exc_value`.
    pub(crate) exc_info: Value,
    /// The outer owners' handled exceptions, innermost last: a resumed generator
    /// pushes its resumer's state here (CPython's `_PyErr_StackItem` chain).
    pub(crate) exc_outer: Vec<Value>,
    /// Bits of an exception whose `__context__` is already settled (it escaped a
    /// generator, or was thrown into one): the frame it surfaces in next must not
    /// chain it again. Cleared at the next exception unwind, whichever it is.
    pub(crate) context_settled: u64,
    /// This thread's current `contextvars.Context`, NULL until first used.
    pub(crate) context: Value,
    pub(crate) builtins: Value,
    pub(crate) builtins_dict: Value,
    /// `sys.modules`.
    pub(crate) modules: Value,
    pub int_max_str_digits: usize,
    /// Whether adaptive instructions may specialize (`-X nospecialize` clears it).
    pub specialize: bool,
    /// Set by YIELD_VALUE so that the generator's resumer knows it suspended.
    pub(crate) yielded: bool,
    /// Containers whose repr is being computed (for `[...]`).
    repr_stack: Vec<u64>,
    /// Whether this is the interpreter's main thread (signal handlers run
    /// only there, and it waits for the other threads at exit).
    pub(crate) main_thread: bool,
    /// `sys.settrace` / `sys.setprofile` hooks of this thread.
    pub(crate) hooks: crate::tracing::TraceState,
    // Declared last: dropped after every value above.
    _gil: GilGuard,
}

static RUNTIME_INIT: Once = Once::new();

/// The interpreter-wide parts of a [`Vm`] a new thread starts from.
pub(crate) struct ThreadShared {
    builtins: Value,
    builtins_dict: Value,
    modules: Value,
    recursion_limit: usize,
    int_max_str_digits: usize,
    specialize: bool,
}

impl Vm {
    /// A new interpreter; takes the GIL for its whole life. The hash key comes
    /// from `PYTHONHASHSEED` as in CPython.
    pub fn new() -> Result<Vm, String> {
        // `-E`/`-I` ignore PYTHONHASHSEED too (config.rs).
        let seed = if crate::config::current().use_environment { hash::seed_from_env()? } else { HashSeed::Random };
        let mut vm = Vm::with_seed(seed);
        if let Ok(n) = usize::try_from(crate::config::current().int_max_str_digits) {
            vm.int_max_str_digits = n;
            pyrite_syntax::strings::set_int_max_str_digits(n);
        }
        Ok(vm)
    }

    /// An interpreter with `PYTHONHASHSEED=0`, for tests.
    pub fn new_for_tests() -> Vm {
        Vm::with_seed(HashSeed::Fixed(0))
    }

    fn with_seed(seed: HashSeed) -> Vm {
        let guard = gil::acquire();
        hash::init(seed);
        RUNTIME_INIT.call_once(|| {
            crate::typeobj::init_method_cache();
            crate::typeinit::init_builtin_types();
        });
        let mut vm = Vm {
            frames: Vec::with_capacity(64),
            stack: DataStack::new(),
            depth: 0,
            recursion_limit: DEFAULT_RECURSION_LIMIT,
            exc_info: Value::NULL,
            exc_outer: Vec::new(),
            context_settled: 0,
            context: Value::NULL,
            builtins: Value::NULL,
            builtins_dict: Value::NULL,
            modules: DictObject::new_value(),
            int_max_str_digits: DEFAULT_INT_MAX_STR_DIGITS,
            specialize: true,
            yielded: false,
            hooks: Default::default(),
            repr_stack: Vec::new(),
            main_thread: true,
            _gil: guard,
        };
        let b = crate::builtins::make_builtins_module(&mut vm);
        vm.builtins_dict = b
            .downcast_ref::<ModuleObject>()
            .map(|m| m.dict_value())
            .unwrap_or_else(DictObject::new_value);
        vm.builtins = b;
        let argv: Vec<String> = std::env::args().skip(1).collect();
        crate::sysmodule::make_sys_module(&mut vm, &argv);
        crate::import::init_sys_path(&mut vm, None);
        crate::modules::_signal::init_process_signals();
        vm
    }

    /// The state a new thread of this interpreter runs with: its own frames
    /// and exception state, the interpreter's builtins and `sys.modules`.
    /// `guard` is the GIL, taken by the new thread.
    pub(crate) fn for_thread(guard: GilGuard, shared: &ThreadShared) -> Vm {
        Vm {
            frames: Vec::with_capacity(16),
            stack: DataStack::new(),
            depth: 0,
            recursion_limit: shared.recursion_limit,
            exc_info: Value::NULL,
            exc_outer: Vec::new(),
            context_settled: 0,
            context: Value::NULL,
            builtins: shared.builtins.clone(),
            builtins_dict: shared.builtins_dict.clone(),
            modules: shared.modules.clone(),
            int_max_str_digits: shared.int_max_str_digits,
            specialize: shared.specialize,
            yielded: false,
            hooks: Default::default(),
            repr_stack: Vec::new(),
            main_thread: false,
            _gil: guard,
        }
    }

    /// What [`Vm::for_thread`] needs from the starting thread.
    pub(crate) fn thread_shared(&self) -> ThreadShared {
        ThreadShared {
            builtins: self.builtins.clone(),
            builtins_dict: self.builtins_dict.clone(),
            modules: self.modules.clone(),
            recursion_limit: self.recursion_limit,
            int_max_str_digits: self.int_max_str_digits,
            specialize: self.specialize,
        }
    }

    /// Runs `blocking` (a sleep, a wait, blocking I/O) with the GIL released so
    /// that other threads run meanwhile. `blocking` must not touch any Python
    /// object: another thread may be changing it.
    pub fn allow_threads<R>(&mut self, blocking: impl FnOnce() -> R) -> R {
        gil::release();
        let result = blocking();
        gil::take();
        result
    }

    pub fn new_error(&mut self, kind: ExcKind, msg: impl AsRef<str>) -> PyErr {
        PyErr::new(new_exception_msg(kind, msg.as_ref()))
    }

    pub fn type_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        self.new_error(ExcKind::TypeError, msg)
    }

    pub fn value_error(&mut self, msg: impl AsRef<str>) -> PyErr {
        self.new_error(ExcKind::ValueError, msg)
    }

    /// `'name' object ...`: the type name of a value for messages.
    pub fn type_name(&self, v: &Value) -> String {
        type_of(v).tp_name()
    }

    pub fn builtins_dict(&self) -> &DictObject {
        // SAFETY: set to a dict during construction.
        self.builtins_dict.downcast_ref::<DictObject>().expect("builtins dict")
    }

    /// sys.stdout's buffers, shared by every thread as the one sys.stdout object is.
    pub(crate) fn stdout_buffers(&mut self) -> &mut StdoutBuffers {
        // SAFETY: `&mut self` means this thread holds the GIL, and no
        // StdoutBuffers method calls back into Python.
        unsafe { STDOUT.get_mut() }
    }

    /// sys.stdout's text layer (see [`StdoutBuffers::write_text`]).
    pub fn write_stdout(&mut self, bytes: &[u8]) {
        self.stdout_buffers().write_text(bytes);
    }

    /// sys.stdout.buffer.write (see [`StdoutBuffers::write_binary`]).
    pub fn write_stdout_binary(&mut self, data: &[u8]) {
        self.stdout_buffers().write_binary(data);
    }

    /// sys.stdout.buffer.flush: the binary layer only.
    pub fn flush_stdout_binary(&mut self) {
        self.stdout_buffers().flush_binary();
    }

    /// sys.stdout.flush: both layers.
    pub fn flush_stdout(&mut self) {
        let out = self.stdout_buffers();
        out.flush_text();
        out.flush_binary();
    }

    /// sys.stderr's output, written at once. Pending stdout stays pending,
    /// as in CPython (on a terminal stdout is line-buffered anyway).
    pub fn write_stderr(&mut self, bytes: &[u8]) {
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(bytes);
        let _ = err.flush();
    }

    /// Loads a compiled module-level code object.
    pub fn load_code(&mut self, code: Rc<CodeObject>) -> PyResult<Value> {
        new_code(self, code).map_err(|m| self.new_error(ExcKind::SystemError, m))
    }

    /// A fresh `__main__`-style module dict with `__builtins__` set.
    pub fn new_module_globals(&mut self, name: &str) -> Value {
        let m = new_module(name);
        let d = m
            .downcast_ref::<ModuleObject>()
            .map(|m| m.dict_value())
            .unwrap_or_else(DictObject::new_value);
        if let Some(dict) = d.downcast_ref::<DictObject>() {
            // CPython's `__main__` starts with an empty `__annotations__` (pylifecycle's
            // add_main_module), placed before `__builtins__`.
            if name == "__main__" {
                dict.insert_str_key("__annotations__", DictObject::new_value());
            }
            dict.insert_str_key("__builtins__", self.builtins.clone());
        }
        if let Some(mods) = self.modules.downcast_ref::<DictObject>() {
            mods.insert_str_key(name, m);
        }
        d
    }

    /// Runs module-level code with `globals` as its namespace.
    pub fn run_module_code(&mut self, code: &Value, globals: &Value) -> PyResult<Value> {
        if code.downcast_ref::<CodeObj>().is_none() {
            return Err(self.type_error("expected a code object"));
        }
        let builtins = self.builtins_dict.clone();
        self.run_code_with_locals(code.clone(), globals.clone(), builtins, globals.clone(), Value::NULL)
    }

    /// Compiles nothing: runs `code` (module-level) as the file's `__main__`
    /// and prints an uncaught exception as CPython does. Returns the exit status.
    pub fn run_main(&mut self, code: Rc<CodeObject>) -> i32 {
        let globals = self.main_globals(&code.filename);
        let result = self.exec_main(code, &globals);
        self.finish_main(&globals, result)
    }

    /// `sys.path` for the program `filename` and the `__main__` namespace it
    /// runs in (`__file__` set unless the name is `<string>`, `<stdin>`, ...).
    pub fn main_globals(&mut self, filename: &str) -> Value {
        crate::import::init_sys_path(self, Some(filename));
        let globals = self.new_module_globals("__main__");
        // `-c` code ("<string>") has no file.
        if !filename.starts_with('<') {
            if let Some(g) = globals.downcast_ref::<DictObject>() {
                g.insert_str_key("__file__", crate::objects::str::new_str(filename));
            }
        }
        globals
    }

    /// `pyrite -m NAME`: `runpy._run_module_as_main(NAME)`, which runs the
    /// module (or a package's `__main__`) in `__main__`'s namespace with
    /// sys.argv[0] its full path, as CPython's -m does.
    pub fn run_module_as_main(&mut self, name: &str) -> i32 {
        crate::import::init_sys_path_for_module(self);
        let globals = self.new_module_globals("__main__");
        let result = self.import_absolute("runpy").and_then(|runpy| {
            let run = self.getattr_str(&runpy, "_run_module_as_main")?;
            self.call(&run, &[crate::objects::str::new_str(name)], None)
        });
        self.run_pending_finalizers();
        self.finish_main(&globals, result)
    }

    /// Runs module-level `code` in the `__main__` namespace `globals`.
    pub fn exec_main(&mut self, code: Rc<CodeObject>, globals: &Value) -> PyResult<Value> {
        let result = self.load_code(code).and_then(|c| self.run_module_code(&c, globals));
        self.run_pending_finalizers();
        result
    }

    /// The end of the main program: an uncaught exception printed (its exit
    /// status), atexit, teardown of `__main__`, the streams flushed.
    pub fn finish_main(&mut self, globals: &Value, result: PyResult<Value>) -> i32 {
        let interrupted = matches!(&result, Err(e) if e.is_instance(ExcKind::KeyboardInterrupt));
        let status = match result {
            Ok(_) => 0,
            Err(e) => self.handle_uncaught(e),
        };
        crate::modules::_thread::wait_for_thread_shutdown(self);
        crate::modules::atexit::at_interpreter_exit(self);
        // Daemon threads still running stop at their next GIL request.
        gil::finalize();
        // Module teardown: a last collection (gc.rs) finalizes what only the
        // namespace reaches; then the namespace goes away, running remaining
        // finalizers, and cycles it held are collected.
        crate::gc::collect_at_exit(self, globals);
        if let Some(g) = globals.downcast_ref::<DictObject>() {
            let items = g.items();
            g.clear();
            drop(items);
        }
        self.run_pending_finalizers();
        crate::gc::collect(self, 2);
        self.run_pending_finalizers();
        crate::modules::_io::flush_std_files(self);
        self.flush_stdout();
        if interrupted {
            // As CPython: after the traceback, die of SIGINT so that the
            // parent sees the interrupt.
            crate::modules::_signal::exit_by_sigint();
        }
        status
    }

    /// Runs the Python handlers of signals that arrived (`PyErr_CheckSignals`):
    /// Ctrl-C gives KeyboardInterrupt here.
    pub fn check_signals(&mut self) -> PyResult<()> {
        crate::modules::_signal::run_pending_handlers(self)
    }

    /// Flushes sys.stdout and sys.stderr (the interactive loop's `flush_io`).
    pub fn flush_std_files(&mut self) {
        crate::modules::_io::flush_std_files(self);
        self.flush_stdout();
    }

    /// `SystemExit` gives the exit status; anything else is printed with its
    /// traceback and gives 1.
    pub fn handle_uncaught(&mut self, e: PyErr) -> i32 {
        if e.is_instance(ExcKind::SystemExit) {
            return self.system_exit_status(&e);
        }
        crate::sysmodule::report_uncaught(self, &e)
    }

    /// The exit status for an uncaught SystemExit (pythonrun.c's
    /// _Py_HandleSystemExit): its `code` None is 0, an int is itself (as a C
    /// long, -1 when it does not fit), anything else is printed and gives 1.
    pub(crate) fn system_exit_status(&mut self, e: &PyErr) -> i32 {
        let key = self.intern("code");
        let code = match crate::attr::instance_get(&e.exc, &key) {
            Some(c) => Some(c),
            None => e.exc.downcast_ref::<ExceptionObject>().and_then(|x| {
                x.args()
                    .downcast_ref::<crate::objects::tuple::TupleObject>()
                    .and_then(|t| if t.len() == 1 { t.get(0).cloned() } else { None })
            }),
        };
        match code {
            None => 0,
            Some(c) if c.is_none() => 0,
            Some(c) => match crate::objects::int::as_int(&c) {
                Some(i) => i.to_i64().map(|i| i as i32).unwrap_or(-1),
                None => {
                    self.flush_stdout();
                    let text = self.str_string(&c).unwrap_or_default();
                    self.write_stderr(format!("{text}\n").as_bytes());
                    1
                }
            },
        }
    }

    /// Runs the `__del__` of objects that were freed; their exceptions are
    /// reported as "Exception ignored in: ..." and otherwise ignored.
    /// The exception being handled as `sys.exc_info()` sees it: the innermost
    /// owner's, else the nearest outer one's (CPython's `_PyErr_GetTopmostException`).
    pub(crate) fn handled_exception(&self) -> Value {
        if !self.exc_info.is_null() && !self.exc_info.is_none() {
            return self.exc_info.clone();
        }
        for v in self.exc_outer.iter().rev() {
            if !v.is_null() && !v.is_none() {
                return v.clone();
            }
        }
        Value::NULL
    }

    pub fn run_pending_finalizers(&mut self) {
        loop {
            // Weakref callbacks and a due collection (gc.rs) wait for this safe point too.
            crate::gc::run_due(self);
            let due = crate::object::take_pending_finalizers();
            if due.is_empty() {
                return;
            }
            for obj in due {
                let saved = self.exc_info.clone();
                if crate::objects::generator::is_generator(&obj) {
                    if let Err(e) = self.gen_finalize(&obj) {
                        crate::sysmodule::write_unraisable(self, &obj, &e);
                    }
                    self.exc_info = saved;
                    drop(obj);
                    continue;
                }
                if let Err(e) = self.call_special(&obj, "__del__", &[]) {
                    let what = crate::typeobj::type_of(&obj).lookup_str(self, "__del__");
                    crate::sysmodule::write_unraisable(self, &what.unwrap_or(Value::NULL), &e);
                }
                crate::gc::mark_finalized(&obj);
                self.exc_info = saved;
                drop(obj);
            }
        }
    }

    /// Writes "Traceback (most recent call last): ..." and the exception line to stderr.
    pub fn print_exception(&mut self, e: &PyErr) {
        crate::traceback::display_exception(self, &e.exc);
    }

    /// Marks `v` as being repr'd; false when it already is (recursion).
    pub fn repr_enter(&mut self, v: &Value) -> bool {
        if self.repr_stack.contains(&v.bits()) {
            return false;
        }
        self.repr_stack.push(v.bits());
        true
    }

    pub fn repr_leave(&mut self, v: &Value) {
        if let Some(i) = self.repr_stack.iter().rposition(|&b| b == v.bits()) {
            self.repr_stack.remove(i);
        }
    }

    /// The exception type object for `kind`, as a value.
    pub fn exc_type_value(&self, kind: ExcKind) -> Value {
        exc_type(kind).as_value()
    }
}

impl Drop for Vm {
    fn drop(&mut self) {
        self.flush_stdout();
    }
}

/// TextIOWrapper's default `_CHUNK_SIZE`.
const STDOUT_TEXT_CHUNK: usize = 8192;

/// sys.stdout's two buffers, as CPython's: the TextIOWrapper's pending
/// encoded text (print() appends here directly) and the BufferedWriter below
/// it (what `sys.stdout.buffer.write` fills).
pub(crate) struct StdoutBuffers {
    text: Vec<u8>,
    binary: Vec<u8>,
    /// The BufferedWriter's size; 0 when unbuffered (`buffer` is the FileIO).
    pub binary_size: usize,
    /// sys.stdout.line_buffering and write_through (set by `_io`).
    pub line_buffered: bool,
    pub write_through: bool,
}

static STDOUT: gil::GilCell<StdoutBuffers> = gil::GilCell::new(StdoutBuffers {
    text: Vec::new(),
    binary: Vec::new(),
    binary_size: 8192,
    line_buffered: false,
    write_through: false,
});

impl StdoutBuffers {
    /// TextIOWrapper.write's policy for the encoded `bytes`: pending up to a
    /// chunk, passed down on a full chunk, on a newline when line-buffered, at
    /// once with write_through.
    fn write_text(&mut self, bytes: &[u8]) {
        let needflush = self.line_buffered && bytes.iter().any(|&b| b == b'\n' || b == b'\r');
        if !self.text.is_empty() && self.text.len() + bytes.len() > STDOUT_TEXT_CHUNK {
            self.flush_text();
        }
        self.text.extend_from_slice(bytes);
        if self.text.len() >= STDOUT_TEXT_CHUNK || needflush || self.write_through {
            self.flush_text();
        }
        if needflush {
            self.flush_binary();
        }
    }

    /// Passes the text layer's pending bytes to the binary layer.
    fn flush_text(&mut self) {
        if self.text.is_empty() {
            return;
        }
        let data = std::mem::take(&mut self.text);
        self.write_binary(&data);
        // Keep the allocation.
        self.text = data;
        self.text.clear();
    }

    /// BufferedWriter's policy: data that fits is kept; otherwise the buffer
    /// goes out first, and data larger than the buffer is written directly.
    fn write_binary(&mut self, data: &[u8]) {
        let size = self.binary_size;
        if size > 0 && self.binary.len() + data.len() <= size {
            self.binary.extend_from_slice(data);
            return;
        }
        self.flush_binary();
        if size > 0 && data.len() <= size {
            self.binary.extend_from_slice(data);
        } else {
            write_all_fd1(data);
        }
    }

    fn flush_binary(&mut self) {
        if !self.binary.is_empty() {
            write_all_fd1(&self.binary);
            self.binary.clear();
        }
    }
}

fn write_all_fd1(data: &[u8]) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(data);
    let _ = out.flush();
}

