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
    /// The exception being handled (`sys.exc_info()`), NULL when none.
    pub(crate) exc_info: Value,
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
    /// sys.stdout's two buffers, as CPython's: the TextIOWrapper's pending
    /// encoded text (print() appends here directly) and the BufferedWriter
    /// below it (what `sys.stdout.buffer.write` fills).
    stdout: Vec<u8>,
    stdout_bin: Vec<u8>,
    /// The BufferedWriter's size; 0 when unbuffered (`buffer` is the FileIO).
    pub(crate) stdout_bin_size: usize,
    /// sys.stdout.line_buffering and write_through (set by `_io`).
    pub(crate) stdout_line_buffered: bool,
    pub(crate) stdout_write_through: bool,
    // Declared last: dropped after every value above.
    _gil: GilGuard,
}

static RUNTIME_INIT: Once = Once::new();

impl Vm {
    /// A new interpreter; takes the GIL for its whole life. The hash key comes
    /// from `PYTHONHASHSEED` as in CPython.
    pub fn new() -> Result<Vm, String> {
        let seed = hash::seed_from_env()?;
        Ok(Vm::with_seed(seed))
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
            builtins: Value::NULL,
            builtins_dict: Value::NULL,
            modules: DictObject::new_value(),
            int_max_str_digits: DEFAULT_INT_MAX_STR_DIGITS,
            specialize: true,
            yielded: false,
            repr_stack: Vec::new(),
            stdout: Vec::with_capacity(STDOUT_TEXT_CHUNK),
            stdout_bin: Vec::new(),
            stdout_bin_size: 8192,
            stdout_line_buffered: false,
            stdout_write_through: false,
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
        let t = type_of(v);
        // Types of native modules are `module.Name` in messages, as CPython's tp_name.
        if !t.is_heap_type() {
            if let Some(m) = crate::types::object_ty::type_module_name(t).filter(|m| m != "builtins") {
                return format!("{m}.{}", t.name_string());
            }
        }
        t.name_string()
    }

    pub fn builtins_dict(&self) -> &DictObject {
        // SAFETY: set to a dict during construction.
        self.builtins_dict.downcast_ref::<DictObject>().expect("builtins dict")
    }

    /// sys.stdout's text layer: TextIOWrapper.write's policy for the
    /// encoded `bytes` (pending up to a chunk, passed down on a full chunk,
    /// on a newline when line-buffered, at once with write_through).
    pub fn write_stdout(&mut self, bytes: &[u8]) {
        let needflush = self.stdout_line_buffered && bytes.iter().any(|&b| b == b'\n' || b == b'\r');
        if !self.stdout.is_empty() && self.stdout.len() + bytes.len() > STDOUT_TEXT_CHUNK {
            self.flush_stdout_text();
        }
        self.stdout.extend_from_slice(bytes);
        if self.stdout.len() >= STDOUT_TEXT_CHUNK || needflush || self.stdout_write_through {
            self.flush_stdout_text();
        }
        if needflush {
            self.flush_stdout_binary();
        }
    }

    /// Passes the text layer's pending bytes to the binary layer.
    fn flush_stdout_text(&mut self) {
        if self.stdout.is_empty() {
            return;
        }
        let data = std::mem::take(&mut self.stdout);
        self.write_stdout_binary(&data);
        // Keep the allocation.
        self.stdout = data;
        self.stdout.clear();
    }

    /// sys.stdout.buffer.write: BufferedWriter's policy (data that fits is
    /// kept; otherwise the buffer goes out first, and data larger than the
    /// buffer is written directly).
    pub fn write_stdout_binary(&mut self, data: &[u8]) {
        let size = self.stdout_bin_size;
        if size > 0 && self.stdout_bin.len() + data.len() <= size {
            self.stdout_bin.extend_from_slice(data);
            return;
        }
        self.flush_stdout_binary();
        if size > 0 && data.len() <= size {
            self.stdout_bin.extend_from_slice(data);
        } else {
            write_all_fd1(data);
        }
    }

    /// sys.stdout.buffer.flush: the binary layer only.
    pub fn flush_stdout_binary(&mut self) {
        if !self.stdout_bin.is_empty() {
            write_all_fd1(&self.stdout_bin);
            self.stdout_bin.clear();
        }
    }

    /// sys.stdout.flush: both layers.
    pub fn flush_stdout(&mut self) {
        self.flush_stdout_text();
        self.flush_stdout_binary();
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
        crate::import::init_sys_path(self, Some(&code.filename));
        let globals = self.new_module_globals("__main__");
        // `-c` code ("<string>") has no file.
        if !code.filename.starts_with('<') {
            if let Some(g) = globals.downcast_ref::<DictObject>() {
                g.insert_str_key("__file__", crate::objects::str::new_str(&code.filename));
            }
        }
        let result = self.load_code(code).and_then(|c| self.run_module_code(&c, &globals));
        self.run_pending_finalizers();
        let interrupted = matches!(&result, Err(e) if e.is_instance(ExcKind::KeyboardInterrupt));
        let status = match result {
            Ok(_) => 0,
            Err(e) => self.handle_uncaught(e),
        };
        crate::modules::atexit::at_interpreter_exit(self);
        // Module teardown: a last collection (gc.rs) finalizes what only the
        // namespace reaches; then the namespace goes away, running remaining
        // finalizers, and cycles it held are collected.
        crate::gc::collect_at_exit(self, &globals);
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
                self.exc_info = saved;
                drop(obj);
            }
        }
    }

    /// Writes "Traceback (most recent call last): ..." and the exception line to stderr.
    pub fn print_exception(&mut self, e: &PyErr) {
        let text = crate::traceback::format_exception(self, &e.exc);
        self.write_stderr(text.as_bytes());
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

fn write_all_fd1(data: &[u8]) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(data);
    let _ = out.flush();
}

