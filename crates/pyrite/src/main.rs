//! The `pyrite` command: python3.11's command line (`Modules/main.c`):
//! `pyrite [option] ... [-c cmd | -m mod | file | -] [arg] ...`.

mod cli;
mod help;
mod repl;

use cli::{Help, Options, Program};
use pyrite_syntax::{dump, semantic, source, Mode, SyntaxError};
use pyrite_vm::objects::dict::DictObject;
use pyrite_vm::objects::str::new_str;
use pyrite_vm::{ExcKind, PyErr, PyResult, Value, Vm};
use std::io::{Read, Write};
use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: SplitAllocator = SplitAllocator;

/// The process allocator: mimalloc for small blocks (Rust-side temporaries,
/// strings and vectors, are allocated and freed at a high rate, and glibc's
/// free path dominated profiles), the system allocator for large ones, so
/// that an impossible request (`bytes(10**12)`) fails as CPython's malloc
/// does (mimalloc reserves address space without the kernel's overcommit
/// check) and big buffers go back to the system when freed.
struct SplitAllocator;

/// Blocks of this size and more come from the system allocator. The size in
/// the layout given back to `dealloc`/`realloc` says where a block came from.
const LARGE_BLOCK: usize = 1 << 20;

// SAFETY: every block is released by the allocator that made it, chosen by
// the same size test on the layout the caller passes back.
unsafe impl std::alloc::GlobalAlloc for SplitAllocator {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.size() >= LARGE_BLOCK {
            std::alloc::System.alloc(layout)
        } else {
            mimalloc::MiMalloc.alloc(layout)
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.size() >= LARGE_BLOCK {
            std::alloc::System.alloc_zeroed(layout)
        } else {
            mimalloc::MiMalloc.alloc_zeroed(layout)
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        if layout.size() >= LARGE_BLOCK {
            std::alloc::System.dealloc(ptr, layout)
        } else {
            mimalloc::MiMalloc.dealloc(ptr, layout)
        }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        let old_large = layout.size() >= LARGE_BLOCK;
        let new_large = new_size >= LARGE_BLOCK;
        if old_large == new_large {
            return if old_large {
                std::alloc::System.realloc(ptr, layout, new_size)
            } else {
                mimalloc::MiMalloc.realloc(ptr, layout, new_size)
            };
        }
        // Crossing the boundary: move the block between the allocators.
        let new_layout = std::alloc::Layout::from_size_align_unchecked(new_size, layout.align());
        let new_ptr = self.alloc(new_layout);
        if !new_ptr.is_null() {
            std::ptr::copy_nonoverlapping(ptr, new_ptr, layout.size().min(new_size));
            self.dealloc(ptr, layout);
        }
        new_ptr
    }
}

/// Transparent huge pages off for this process, before any allocation (an
/// `.init_array` entry of higher priority than the allocator's constructor):
/// with THP "always", the allocator's aligned arenas fault in 2 MiB pages
/// and a small script's peak RSS more than doubles.
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array.00099"]
static DISABLE_THP: extern "C" fn() = disable_thp;

#[cfg(target_os = "linux")]
extern "C" fn disable_thp() {
    // SAFETY: prctl with integer arguments only; failure changes nothing.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// The front end and the interpreter recurse on deep input; they run on a thread
/// whose stack is large enough for every depth limit pyrite enforces.
const MAIN_STACK_SIZE: usize = 256 * 1024 * 1024;

fn main() -> ExitCode {
    // Arguments that are not UTF-8 are taken lossily rather than aborting.
    let mut all = std::env::args_os().map(|a| a.to_string_lossy().into_owned());
    let program_name = all.next().unwrap_or_else(|| "pyrite".to_string());
    let args: Vec<String> = all.collect();
    let worker = std::thread::Builder::new().stack_size(MAIN_STACK_SIZE).spawn(move || run(&program_name, &args));
    match worker.map(|handle| handle.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => ExitCode::from(120),
    }
}

/// What a program run ended with, before the interactive prompt (`-i`) and teardown.
struct Started {
    vm: Vm,
    globals: Value,
    result: PyResult<Value>,
}

fn run(program_name: &str, args: &[String]) -> u8 {
    let opts = match cli::parse_args(args) {
        Ok(opts) => opts,
        Err(cli::CliError::Usage(msg)) => {
            // CPython's text names "python" here whatever the program is called.
            let mut text = msg;
            text.push(b'\n');
            text.extend_from_slice(help::usage_line(program_name).as_bytes());
            text.extend_from_slice(b"Try `python -h' for more information.\n");
            let _ = std::io::stderr().write_all(&text);
            return 2;
        }
        Err(cli::CliError::Fatal(text)) => {
            let _ = std::io::stderr().write_all(text.as_bytes());
            return 1;
        }
    };
    if let Some(which) = opts.help {
        let text = match which {
            Help::Usage => format!("{}{}", help::usage_line(program_name), help::OPTIONS),
            Help::Env => help::ENV_VARS.to_string(),
            Help::XOptions => help::XOPTIONS.to_string(),
            Help::All => help::complete_usage(program_name),
        };
        let _ = std::io::stdout().write_all(text.as_bytes());
        return 0;
    }
    if opts.version > 0 {
        let version = if opts.version >= 2 { pyrite_vm::sysmodule::VERSION } else { "3.11.7" };
        println!("Python {version}");
        return 0;
    }
    pyrite_vm::config::set(opts.config.clone());
    let config = pyrite_vm::config::current();
    let stdin_is_interactive = stdin_is_tty() || config.interactive > 0;
    // `python3.11 -i < file` greets as at a terminal; a program given never does.
    if config.quiet == 0 && (config.verbose > 0 || (opts.program == Program::Stdin && stdin_is_interactive)) {
        let mut banner = format!("Python {} on linux\n", pyrite_vm::sysmodule::VERSION);
        if !config.no_site {
            banner.push_str("Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n");
        }
        let _ = std::io::stderr().write_all(banner.as_bytes());
    }
    if opts.has_x("dump-ast") {
        // Mirrors `ast.dump(ast.parse(open(f, 'rb').read(), f), include_attributes=True)`.
        let (bytes, display_name) = match read_program(&opts, program_name) {
            Ok(found) => found,
            Err(status) => return status,
        };
        let (result, warnings, text) = front_end(&bytes, &display_name, false);
        let plain: Vec<_> = warnings.into_iter().map(|w| w.warning).collect();
        print_warnings(&plain, &display_name, &text);
        return match result {
            Ok(module) => {
                let mut out = dump::dump(&module, true);
                out.push('\n');
                let _ = std::io::stdout().write_all(out.as_bytes());
                0
            }
            Err(err) => report_syntax_error(&err, &display_name),
        };
    }
    // As CPython: the interpreter (site, the warnings options) is set up
    // before the program is read and compiled.
    let Some(mut vm) = new_vm(&opts) else { return 1 };
    if opts.has_x("specstats") {
        pyrite_vm::specialize::count_executions();
    }
    if let Program::Module(name) = &opts.program {
        // runpy finds the module and runs it as `__main__`; sys.argv[0] is
        // '-m' until runpy replaces it with the module's path.
        let status = vm.run_module_as_main(name);
        if opts.has_x("specstats") {
            let _ = std::io::stderr().write_all(pyrite_vm::specialize::report().as_bytes());
        }
        return exit_status(status);
    }
    if opts.program == Program::Stdin && stdin_is_interactive {
        // Only the prompt: `pymain_run_stdin` with an interactive stdin.
        let globals = vm.main_globals("<stdin>");
        run_startup_file(&mut vm, &globals);
        let status = repl::interactive_loop(&mut vm, &globals);
        return end_after_prompt(&mut vm, &globals, status);
    }
    let (bytes, display_name) = match read_program(&opts, program_name) {
        Ok(found) => found,
        Err(status) => return status,
    };
    let (result, warnings, text) = front_end(&bytes, &display_name, true);
    let compiled = emit_warnings(&mut vm, &warnings, &display_name, &text).and_then(|()| {
        result.and_then(|module| {
            pyrite_compiler::compile(&module, &display_name, pyrite_compiler::Mode::Exec, config.optimize_level())
                .map_err(|e| without_program_text(e, &display_name))
        })
    });
    let code = match compiled {
        Ok(code) => code,
        Err(err) => {
            let status = report_syntax_error(&err, &display_name);
            if !wants_inspect(config.inspect > 0, stdin_is_interactive) {
                return status;
            }
            // `-i`: the prompt still comes, in an empty `__main__`.
            let globals = vm.main_globals(&display_name);
            let status = repl::interactive_loop(&mut vm, &globals);
            return end_after_prompt(&mut vm, &globals, status);
        }
    };
    let globals = vm.main_globals(&display_name);
    // CPython's PyRun_SimpleFile names a program from stdin `<stdin>` in
    // `__file__` too (`-c` gets none), and removes `__file__` and
    // `__cached__` once the program is done.
    let has_file = !matches!(opts.program, Program::Command(_));
    if has_file {
        if let Some(g) = globals.downcast_ref::<DictObject>() {
            g.insert_str_key("__file__", new_str(&display_name));
            g.insert_str_key("__cached__", Value::none());
        }
    }
    let result = vm.exec_main(code, &globals);
    if has_file {
        if let Some(g) = globals.downcast_ref::<DictObject>() {
            for name in ["__file__", "__cached__"] {
                drop(g.del_str(&new_str(name)));
            }
        }
    }
    let mut started = Started { vm, globals, result };
    let status = after_program(&mut started, config.inspect > 0, stdin_is_interactive);
    if opts.has_x("specstats") {
        let _ = std::io::stderr().write_all(pyrite_vm::specialize::report().as_bytes());
    }
    status
}

/// The end of a program (`pymain_run_python` then `pymain_repl`). With the
/// inspect flag (`-i`, PYTHONINSPECT at start) an uncaught exception,
/// SystemExit included, is printed and gives status 1; the prompt follows
/// when stdin is interactive (or -i) and the flag is set, by then perhaps
/// through PYTHONINSPECT set by the program.
fn after_program(started: &mut Started, inspect: bool, stdin_is_interactive: bool) -> u8 {
    let Started { vm, globals, result } = started;
    let result = std::mem::replace(result, Ok(pyrite_vm::objects::singletons::none()));
    let (result, status) = match result {
        Err(e) if inspect => {
            // CPython's _Py_HandleSystemExit does not exit under the inspect
            // flag: the exception is printed like any other.
            vm.flush_stdout();
            repl::print_error(vm, &e);
            (Ok(pyrite_vm::objects::singletons::none()), 1)
        }
        // Without the flag SystemExit ends the process at once.
        Err(e) if is_system_exit(&e) => return exit_status(vm.finish_main(globals, Err(e))),
        other => (other, 0),
    };
    if !wants_inspect(inspect, stdin_is_interactive) {
        let end = vm.finish_main(globals, result);
        return exit_status(if status != 0 { status } else { end });
    }
    if let Err(e) = result {
        vm.flush_stdout();
        repl::print_error(vm, &e);
    }
    let status = repl::interactive_loop(vm, globals);
    end_after_prompt(vm, globals, status)
}

/// Teardown after the interactive loop ended with `status` (EOF: 0, or
/// the SystemExit that ended it).
fn end_after_prompt(vm: &mut Vm, globals: &Value, status: i32) -> u8 {
    let end = vm.finish_main(globals, Ok(pyrite_vm::objects::singletons::none()));
    exit_status(if status != 0 { status } else { end })
}

/// Whether the prompt follows the program: `-i`, or PYTHONINSPECT in the
/// environment by the end of the program (read then, as CPython does).
fn wants_inspect(inspect: bool, stdin_is_interactive: bool) -> bool {
    let env_inspect = pyrite_vm::config::current().use_environment && pyrite_vm::config::env_var("PYTHONINSPECT").is_some();
    (inspect || env_inspect) && stdin_is_interactive
}

fn stdin_is_tty() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal()
}

/// Exit statuses above 255 wrap as the OS reports them.
fn exit_status(status: i32) -> u8 {
    status as u8
}

/// The interpreter, with `sys.argv` and the start-up work of `site` and of
/// the warnings options done. None (after a message) when it cannot start.
fn new_vm(opts: &Options) -> Option<Vm> {
    let mut vm = match Vm::new() {
        Ok(vm) => vm,
        Err(msg) => {
            eprintln!("pyrite: {}", msg);
            return None;
        }
    };
    vm.set_argv(&opts.argv);
    vm.specialize = !opts.has_x("nospecialize");
    let config = pyrite_vm::config::current();
    if config.no_site {
        // Without `site`, exit() and quit() do not exist.
        let _ = exec_snippet(&mut vm, "import builtins\ndel builtins.exit, builtins.quit\n");
    } else {
        // What `site` puts in builtins. Without a standard library the
        // native exit() and quit() stay.
        let _ = exec_snippet(&mut vm, SITE_BUILTINS);
    }
    if !config.warnoptions().is_empty() {
        // As CPython: the warnings module reads sys.warnoptions when imported.
        if let Err(e) = exec_snippet(&mut vm, "import warnings\n") {
            vm.print_exception(&e);
        }
    }
    Some(vm)
}

/// `site.setquit()` and `sethelper()`. (`setcopyright()` is left out: its
/// `_Printer` imports os, which would slow every start.)
const SITE_BUILTINS: &str = "\
import builtins, _sitebuiltins
builtins.exit = _sitebuiltins.Quitter('exit', 'Ctrl-D (i.e. EOF)')
builtins.quit = _sitebuiltins.Quitter('quit', 'Ctrl-D (i.e. EOF)')
builtins.help = _sitebuiltins._Helper()
";

/// Runs start-up Python code in a namespace of its own.
fn exec_snippet(vm: &mut Vm, src: &str) -> PyResult<()> {
    let module = pyrite_syntax::parse(src, Mode::Exec)
        .map_err(|e| vm.syntax_error_to_exc(&e, "<pyrite startup>"))?
        .module;
    let code = pyrite_compiler::compile(&module, "<pyrite startup>", pyrite_compiler::Mode::Exec, 0)
        .map_err(|e| vm.syntax_error_to_exc(&e, "<pyrite startup>"))?;
    let globals = DictObject::new_value();
    let builtins = vm.import_absolute("builtins")?;
    if let Some(g) = globals.downcast_ref::<DictObject>() {
        g.insert_str_key("__builtins__", builtins);
    }
    let code = vm.load_code(code)?;
    vm.run_module_code(&code, &globals)?;
    Ok(())
}

/// PYTHONSTARTUP, run in `__main__` before the first prompt.
fn run_startup_file(vm: &mut Vm, globals: &Value) {
    let config = pyrite_vm::config::current();
    let Some(path) = pyrite_vm::config::env_var("PYTHONSTARTUP").filter(|_| config.use_environment) else {
        return;
    };
    let result = (|| -> PyResult<()> {
        let compile = vm.import_absolute("builtins").and_then(|b| vm.getattr_str(&b, "compile"))?;
        let open = vm.import_absolute("builtins").and_then(|b| vm.getattr_str(&b, "open"))?;
        let file = vm.call(&open, &[new_str(&path), new_str("rb")], None)?;
        let src = vm.call_method(&file, "read", &[])?;
        vm.call_method(&file, "close", &[])?;
        let code = vm.call(&compile, &[src, new_str(&path), new_str("exec")], None)?;
        vm.run_module_code(&code, globals)?;
        Ok(())
    })();
    if let Err(e) = result {
        if e.is_instance(ExcKind::OSError) {
            let _ = std::io::stderr().write_all(b"Could not open PYTHONSTARTUP\n");
        }
        repl::print_error(vm, &e);
    }
    vm.flush_std_files();
}

/// The script's bytes and the name it runs under (its absolute path, as
/// CPython 3.11 reports it), or the exit status after CPython's message.
fn read_script(program_name: &str, script: &str) -> Result<(Vec<u8>, String), u8> {
    let absolute = std::path::absolute(script)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| script.to_string());
    let path = std::path::Path::new(script);
    if path.is_dir() {
        // A folder runs its __main__.py.
        let main = path.join("__main__.py");
        return match std::fs::read(&main) {
            Ok(bytes) => {
                let name = std::path::absolute(&main).map(|p| p.to_string_lossy().into_owned()).unwrap_or(absolute);
                Ok((bytes, name))
            }
            Err(_) => {
                // runpy's message, which names sys.executable.
                let executable = std::env::current_exe()
                    .map(|p| p.to_string_lossy().into_owned())
                    .unwrap_or_else(|_| program_name.to_string());
                eprintln!("{executable}: can't find '__main__' module in '{absolute}'");
                Err(1)
            }
        };
    }
    match std::fs::read(script) {
        Ok(bytes) => Ok((bytes, absolute)),
        Err(err) => {
            eprintln!("{program_name}: can't open file '{}': {}", absolute, describe_io_error(&err));
            Err(2)
        }
    }
}

/// `-x`: the first line is skipped, its line number kept.
fn skip_first_line(bytes: Vec<u8>) -> Vec<u8> {
    match bytes.iter().position(|&b| b == b'\n') {
        Some(nl) => bytes[nl..].to_vec(),
        None => Vec::new(),
    }
}

/// The program's source and the name it runs under, or the exit status
/// after CPython's message.
fn read_program(opts: &Options, program_name: &str) -> Result<(Vec<u8>, String), u8> {
    match &opts.program {
        Program::Command(cmd) => Ok((cmd.as_bytes().to_vec(), "<string>".to_string())),
        Program::Stdin | Program::Module(_) => {
            let mut bytes = Vec::new();
            if let Err(err) = std::io::stdin().lock().read_to_end(&mut bytes) {
                eprintln!("{program_name}: can't read <stdin>: {}", describe_io_error(&err));
                return Err(1);
            }
            Ok((bytes, "<stdin>".to_string()))
        }
        Program::File(script) => {
            let (bytes, name) = read_script(program_name, script)?;
            // `-x` applies to a script file only.
            Ok((if opts.skip_first_line { skip_first_line(bytes) } else { bytes }, name))
        }
    }
}

/// Source bytes to a checked AST, with the compile-time checks CPython makes
/// before running a module when `check` is set (`ast.parse` skips them).
/// Also the compile-time warnings met (before the error, if any) and the
/// decoded text.
fn front_end(bytes: &[u8], filename: &str, check: bool) -> (Result<pyrite_syntax::ast::Mod, SyntaxError>, Vec<Warning>, String) {
    // As `python3.11 FILE` reads it: line by line (a late decoding error comes
    // after earlier tokenizer errors), error texts from the file, byte columns
    // unless an encoding is declared.
    let decoded = match source::decode_file(bytes, filename) {
        Ok(decoded) => decoded,
        Err(err) => return (Err(err), Vec::new(), String::new()),
    };
    let tokens = pyrite_syntax::tokenizer::tokenize_with(&decoded.text, &decoded.tokenize_options());
    // The errors the tokenizer's warnings become under `-W error`.
    let sites: Vec<(pyrite_syntax::CompileWarning, SyntaxError)> =
        tokens.warnings.iter().cloned().zip(tokens.warning_sites.iter().map(|s| s.error.clone())).collect();
    let (parsed, mut warnings) = pyrite_syntax::parser::parse_tokens(&decoded.text, tokens, Mode::Exec);
    let text = decoded.text;
    let result = parsed.and_then(|module| {
        if check {
            let checked = semantic::check_all(&module, &text);
            warnings.extend(checked.warnings);
            if let Some(err) = checked.error {
                return Err(without_program_text(err, filename));
            }
        }
        Ok(module)
    });
    let warnings = warnings
        .into_iter()
        .map(|w| {
            let as_error = sites.iter().find(|(site, _)| *site == w).map(|(_, e)| e.clone()).or_else(|| {
                // A compiler-phase warning's error takes its text from the file.
                w.as_error.as_deref().cloned().map(|mut e| {
                    if e.text.is_none() && !filename.starts_with('<') {
                        e.text = text.split_inclusive('\n').nth(e.lineno.saturating_sub(1) as usize).map(str::to_string);
                    }
                    e
                })
            });
            Warning { warning: w, as_error }
        })
        .collect();
    (result, warnings, text)
}

/// A compiler-phase error takes its `text` from the file named `filename`
/// (`PyErr_ProgramTextObject`): none for "<string>" and "<stdin>".
fn without_program_text(mut e: SyntaxError, filename: &str) -> SyntaxError {
    if e.kind.is_syntax_error() && filename.starts_with('<') {
        e.text = None;
    }
    e
}

/// A compile-time warning, with the SyntaxError it becomes when it is
/// raised as an error, where the tokenizer knows it.
struct Warning {
    warning: pyrite_syntax::CompileWarning,
    as_error: Option<SyntaxError>,
}

/// Issues the compile-time warnings of the main program. Without warnings
/// options the default filters apply (printed natively); with them, through
/// `warnings.warn_explicit` as CPython's compiler does, and a warning the
/// filters make an error fails the compilation with a SyntaxError.
fn emit_warnings(vm: &mut Vm, warnings: &[Warning], filename: &str, text: &str) -> Result<(), SyntaxError> {
    if warnings.is_empty() {
        return Ok(());
    }
    if pyrite_vm::config::current().warnoptions().is_empty() {
        let plain: Vec<_> = warnings.iter().map(|w| w.warning.clone()).collect();
        print_warnings(&plain, filename, text);
        return Ok(());
    }
    for w in warnings {
        let category = match w.warning.category {
            pyrite_syntax::WarningCategory::SyntaxWarning => "SyntaxWarning",
            pyrite_syntax::WarningCategory::DeprecationWarning => "DeprecationWarning",
        };
        let issued = (|| -> PyResult<()> {
            let module = vm.import_absolute("warnings")?;
            let warn_explicit = vm.getattr_str(&module, "warn_explicit")?;
            let builtins = vm.import_absolute("builtins")?;
            let cls = vm.getattr_str(&builtins, category)?;
            let args = [new_str(&w.warning.msg), cls, new_str(filename), Value::int(w.warning.lineno as i64)];
            vm.call(&warn_explicit, &args, None)?;
            Ok(())
        })();
        if let Err(e) = issued {
            let kind = match w.warning.category {
                pyrite_syntax::WarningCategory::SyntaxWarning => ExcKind::SyntaxWarning,
                pyrite_syntax::WarningCategory::DeprecationWarning => ExcKind::DeprecationWarning,
            };
            if !e.is_instance(kind) {
                vm.print_exception(&e);
                continue;
            }
            vm.flush_stdout();
            return Err(w.as_error.clone().unwrap_or_else(|| SyntaxError {
                kind: pyrite_syntax::SyntaxErrorKind::SyntaxError,
                msg: w.warning.msg.clone(),
                lineno: w.warning.lineno,
                offset: 0,
                end_lineno: 0,
                end_offset: 0,
                text: None,
            }));
        }
    }
    Ok(())
}

/// Compile-time warnings as the default `warnings` filters show them: SyntaxWarning
/// always, DeprecationWarning never outside `__main__`-attributed code.
/// The source line shown is the file's (linecache's): none for `-c` and stdin.
fn print_warnings(warnings: &[pyrite_syntax::CompileWarning], filename: &str, text: &str) {
    use pyrite_syntax::WarningCategory;
    let text = if filename.starts_with('<') { "" } else { text };
    let mut err = std::io::stderr().lock();
    for w in warnings {
        if w.category != WarningCategory::SyntaxWarning {
            continue;
        }
        let _ = writeln!(err, "{}:{}: SyntaxWarning: {}", filename, w.lineno, w.msg);
        if let Some(line) = text.lines().nth(w.lineno.saturating_sub(1) as usize) {
            let line = line.trim();
            if !line.is_empty() {
                let _ = writeln!(err, "  {}", line);
            }
        }
    }
}

fn report_syntax_error(err: &SyntaxError, filename: &str) -> u8 {
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().write_all(err.display(filename).as_bytes());
    1
}

/// `[Errno N] Message` as CPython words an OSError.
fn describe_io_error(err: &std::io::Error) -> String {
    match err.raw_os_error() {
        Some(code) => {
            let full = std::io::Error::from_raw_os_error(code).to_string();
            // Rust appends " (os error N)" to strerror's text.
            let msg = full.rsplit_once(" (os error").map(|(m, _)| m.to_string()).unwrap_or(full);
            format!("[Errno {}] {}", code, msg)
        }
        None => err.to_string(),
    }
}

/// Used by the interactive loop too.
pub(crate) fn is_system_exit(e: &PyErr) -> bool {
    e.is_instance(ExcKind::SystemExit)
}
