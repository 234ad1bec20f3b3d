//! The `pyrite` command: `pyrite [options] script.py [args]`, as `python3.11`.

mod cli;

use pyrite_syntax::{dump, semantic, source, Mode, SyntaxError};
use std::io::Write;
use std::process::ExitCode;

/// The front end and the interpreter recurse on deep input; they run on a thread
/// whose stack is large enough for every depth limit pyrite enforces.
const MAIN_STACK_SIZE: usize = 256 * 1024 * 1024;

const USAGE: &str = "usage: pyrite [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let worker = std::thread::Builder::new().stack_size(MAIN_STACK_SIZE).spawn(move || run(&args));
    match worker.map(|handle| handle.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => ExitCode::from(120),
    }
}

fn run(args: &[String]) -> u8 {
    let opts = match cli::parse_args(args) {
        Ok(opts) => opts,
        Err(cli::UsageError(msg)) => {
            eprint!("{}\n{}Try `pyrite -h' for more information.\n", msg, USAGE);
            return 2;
        }
    };
    if opts.show_version {
        println!("Python 3.11.7 (pyrite {})", env!("CARGO_PKG_VERSION"));
        return 0;
    }
    if opts.show_help {
        print!("{}", USAGE);
        return 0;
    }
    if let Some(name) = &opts.module {
        return run_module(name, &opts);
    }
    // The program: `-c cmd` (named "<string>", sys.argv[0] '-c') or a script file.
    let (bytes, display_name, argv0) = if let Some(cmd) = &opts.command {
        (cmd.as_bytes().to_vec(), "<string>".to_string(), "-c".to_string())
    } else {
        let Some(script) = opts.script.as_deref() else {
            eprintln!("pyrite: the interactive prompt is not available yet; give a script or -c");
            return 2;
        };
        // CPython 3.11 reports the main script by its absolute path.
        let display_name = std::path::absolute(script)
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_else(|_| script.to_string());
        match std::fs::read(script) {
            Ok(bytes) => (bytes, display_name, script.to_string()),
            Err(err) => {
                eprintln!("pyrite: can't open file '{}': {}", display_name, describe_io_error(&err));
                return 2;
            }
        }
    };
    if opts.has_x("dump-ast") {
        // Mirrors `ast.dump(ast.parse(open(f, 'rb').read(), f), include_attributes=True)`.
        return match front_end(&bytes, &display_name, false) {
            Ok(module) => {
                let mut out = dump::dump(&module, true);
                out.push('\n');
                let _ = std::io::stdout().write_all(out.as_bytes());
                0
            }
            Err(err) => report_syntax_error(&err, &display_name),
        };
    }
    let module = match front_end(&bytes, &display_name, true) {
        Ok(module) => module,
        Err(err) => return report_syntax_error(&err, &display_name),
    };
    let code = match pyrite_compiler::compile(&module, &display_name, pyrite_compiler::Mode::Exec, 0) {
        Ok(code) => code,
        Err(err) => return report_syntax_error(&err, &display_name),
    };
    drop(module);
    let mut vm = match pyrite_vm::Vm::new() {
        Ok(vm) => vm,
        Err(msg) => {
            eprintln!("pyrite: {}", msg);
            return 1;
        }
    };
    // `sys.argv` is the script as given and its arguments, never pyrite's own options.
    let mut argv = Vec::with_capacity(1 + opts.script_args.len());
    argv.push(argv0);
    argv.extend(opts.script_args.iter().cloned());
    vm.set_argv(&argv);
    vm.specialize = !opts.has_x("nospecialize");
    let status = vm.run_main(code);
    if opts.has_x("specstats") {
        let _ = std::io::stderr().write_all(pyrite_vm::specialize::report().as_bytes());
    }
    // Exit statuses above 255 wrap as the OS reports them.
    status as u8
}

/// `-m NAME`: runpy finds the module and runs it as `__main__`; sys.argv[0]
/// is '-m' until runpy replaces it with the module's path.
fn run_module(name: &str, opts: &cli::Options) -> u8 {
    let mut vm = match pyrite_vm::Vm::new() {
        Ok(vm) => vm,
        Err(msg) => {
            eprintln!("pyrite: {}", msg);
            return 1;
        }
    };
    let mut argv = Vec::with_capacity(1 + opts.script_args.len());
    argv.push("-m".to_string());
    argv.extend(opts.script_args.iter().cloned());
    vm.set_argv(&argv);
    vm.specialize = !opts.has_x("nospecialize");
    let status = vm.run_module_as_main(name);
    if opts.has_x("specstats") {
        let _ = std::io::stderr().write_all(pyrite_vm::specialize::report().as_bytes());
    }
    status as u8
}

/// Source bytes to a checked AST, with the compile-time checks CPython makes
/// before running a module when `check` is set (`ast.parse` skips them).
/// Warnings emitted before an error are printed, as CPython prints them.
fn front_end(bytes: &[u8], filename: &str, check: bool) -> Result<pyrite_syntax::ast::Mod, SyntaxError> {
    // As `python3.11 FILE` reads it: line by line (a late decoding error comes
    // after earlier tokenizer errors), error texts from the file, byte columns
    // unless an encoding is declared.
    let decoded = source::decode_file(bytes, filename)?;
    let tokens = pyrite_syntax::tokenizer::tokenize_with(&decoded.text, &decoded.tokenize_options());
    let (parsed, mut warnings) = pyrite_syntax::parser::parse_tokens(&decoded.text, tokens, Mode::Exec);
    let text = decoded.text;
    let result = parsed.and_then(|module| {
        if check {
            let checked = semantic::check_all(&module, &text);
            warnings.extend(checked.warnings);
            if let Some(err) = checked.error {
                return Err(err);
            }
        }
        Ok(module)
    });
    print_warnings(&warnings, filename, &text);
    result
}

/// Compile-time warnings as the default `warnings` filters show them: SyntaxWarning
/// always, DeprecationWarning never outside `__main__`-attributed code.
fn print_warnings(warnings: &[pyrite_syntax::CompileWarning], filename: &str, text: &str) {
    use pyrite_syntax::WarningCategory;
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
