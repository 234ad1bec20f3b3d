//! The interactive loop (`PyRun_InteractiveLoopFlags` in `Python/pythonrun.c`):
//! statements read from stdin after the `sys.ps1` prompt, continued after
//! `sys.ps2`, compiled in 'single' mode (expression values go to
//! sys.displayhook) and run in `__main__`; errors are printed and the loop
//! goes on; end of input ends it. Prompts go to stderr, as CPython's
//! `PyOS_StdioReadline` writes them; a plain line reader serves terminals too.
//!
//! CPython's parser pulls lines from its interactive tokenizer as it needs
//! them. pyrite's front end works on whole texts, so the reader decides
//! after each line whether the statement is complete ([`classify`]): a text
//! that parses is complete unless it is a compound statement (those end at
//! an empty line, as the interactive tokenizer turns it into NEWLINE); a text
//! that fails is incomplete when the failure depends on what would follow
//! (checked by parsing it again with a line appended).

use pyrite_syntax::ast::{Mod, Stmt, StmtKind};
use pyrite_syntax::tokenizer::{tokenize_with, TokenizeOptions};
use pyrite_syntax::{Mode, SyntaxError};
use pyrite_vm::objects::str::new_str;
use pyrite_vm::{ExcKind, PyErr, PyResult, Value, Vm};
use std::io::Write;

/// Runs the loop on `globals` (`__main__`'s namespace) until end of input or
/// SystemExit; returns the exit status (0 at end of input).
pub fn interactive_loop(vm: &mut Vm, globals: &Value) -> i32 {
    set_default_prompts(vm);
    // Taken once: the session may rebind builtins.compile.
    let compile = vm.import_absolute("builtins").and_then(|b| vm.getattr_str(&b, "compile"));
    let compile = match compile {
        Ok(c) => c,
        Err(e) => {
            print_error(vm, &e);
            return 1;
        }
    };
    let mut future_flags = 0;
    loop {
        let (ps1, ps2) = prompts(vm);
        let text = match read_statement(vm, &ps1, &ps2) {
            Read::Eof => return 0,
            Read::Empty => continue,
            Read::Interrupted(e) => {
                // Ctrl-C at a prompt: the input so far is dropped.
                print_error(vm, &e);
                continue;
            }
            Read::Statement(text) => text,
        };
        let result = compile_and_run(vm, &compile, &text, globals, &mut future_flags);
        vm.run_pending_finalizers();
        if let Err(e) = result {
            if crate::is_system_exit(&e) {
                return vm.handle_uncaught(e);
            }
            vm.flush_stdout();
            print_error(vm, &e);
        }
        vm.flush_std_files();
    }
}

/// sys.ps1 and sys.ps2 get CPython's defaults when they are missing.
fn set_default_prompts(vm: &mut Vm) {
    let Ok(sys) = vm.import_absolute("sys") else { return };
    for (name, default) in [("ps1", ">>> "), ("ps2", "... ")] {
        if vm.getattr_str(&sys, name).is_err() {
            let _ = vm.setattr(&sys, &new_str(name), new_str(default));
        }
    }
}

/// `str(sys.ps1)` and `str(sys.ps2)` now; a prompt that is missing or whose
/// str() fails is empty.
fn prompts(vm: &mut Vm) -> (String, String) {
    let Ok(sys) = vm.import_absolute("sys") else { return (String::new(), String::new()) };
    let mut get = |name: &str| -> String {
        vm.getattr_str(&sys, name).and_then(|p| vm.str_string(&p)).unwrap_or_default()
    };
    (get("ps1"), get("ps2"))
}

/// Compiles a statement as 'single' with the `from __future__` features of
/// the statements before it (CPython's loop keeps one PyCompilerFlags), and runs it.
fn compile_and_run(vm: &mut Vm, compile: &Value, text: &str, globals: &Value, future_flags: &mut i64) -> PyResult<Value> {
    let args = [new_str(text), new_str("<stdin>"), new_str("single"), Value::int(*future_flags)];
    let code = vm.call(compile, &args, None)?;
    let co_flags = vm.getattr_str(&code, "co_flags")?;
    if let Ok(bits) = vm.index_i64(&co_flags) {
        *future_flags |= bits & pyrite_compiler::PYCF_MASK as i64;
    }
    vm.run_module_code(&code, globals)
}

/// `PyErr_Print`: sys.last_type/last_value/last_traceback are set and
/// sys.excepthook prints the exception (pyrite's own printing if the hook
/// is gone or fails).
pub fn print_error(vm: &mut Vm, e: &PyErr) {
    let exc = e.value().clone();
    let printed = (|| -> PyResult<()> {
        let sys = vm.import_absolute("sys")?;
        let ty = vm.getattr_str(&exc, "__class__")?;
        let tb = vm.getattr_str(&exc, "__traceback__")?;
        vm.setattr(&sys, &new_str("last_type"), ty.clone())?;
        vm.setattr(&sys, &new_str("last_value"), exc.clone())?;
        vm.setattr(&sys, &new_str("last_traceback"), tb.clone())?;
        let hook = vm.getattr_str(&sys, "excepthook")?;
        vm.call(&hook, &[ty, exc.clone(), tb], None)?;
        Ok(())
    })();
    if let Err(hook_error) = printed {
        if hook_error.is_instance(ExcKind::SystemExit) {
            // Not worth a second traceback: the original one is printed below.
        }
        vm.print_exception(e);
    }
}

/// What one read brought.
enum Read {
    Eof,
    /// A blank or comment-only first line: nothing to run.
    Empty,
    Statement(String),
    /// A signal handler raised (KeyboardInterrupt) while waiting for input.
    Interrupted(PyErr),
}

/// Reads one statement, prompting with `ps1` then `ps2`. At end of input the
/// tokenizer writes a newline to stderr (CPython's `tok_underflow_interactive`)
/// and the lines read so far form the statement.
fn read_statement(vm: &mut Vm, ps1: &str, ps2: &str) -> Read {
    let mut text = String::new();
    let mut lines = 0;
    loop {
        let line = match read_line(vm, if lines == 0 { ps1 } else { ps2 }) {
            Line::Text(line) => line,
            Line::Eof => {
                write_stderr(b"\n");
                return if lines == 0 { Read::Eof } else { Read::Statement(text) };
            }
            Line::Interrupted(e) => {
                write_stderr(b"\n");
                return Read::Interrupted(e);
            }
        };
        lines += 1;
        text.push_str(&line);
        // A last line without its newline: the tokenizer asks for more.
        if !line.ends_with('\n') {
            continue;
        }
        if lines == 1 && is_blank(&line) {
            return Read::Empty;
        }
        if lines > 1 && (line == "\n" || line == "\r\n") && !inside_open_token(&text) {
            return Read::Statement(text);
        }
        match classify_with_probe(&text) {
            (Status::Incomplete, _) => {}
            (_, Some(closed)) => return Read::Statement(closed),
            (_, None) => return Read::Statement(text),
        }
    }
}

enum Line {
    Text(String),
    Eof,
    Interrupted(PyErr),
}

/// One line from descriptor 0, read a byte at a time: nothing past the line
/// is taken, so that `input()` and `sys.stdin` read what follows, as with
/// CPython's prompt. A signal while waiting runs its Python handler; one that
/// raises interrupts the read.
fn read_line(vm: &mut Vm, prompt: &str) -> Line {
    use std::io::Read;
    use std::os::fd::FromRawFd;
    write_stderr(prompt.as_bytes());
    // SAFETY: descriptor 0 stays open for the process; ManuallyDrop keeps
    // this File from closing it.
    let mut stdin = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(0) });
    let mut buf = Vec::new();
    let mut byte = [0u8; 1];
    loop {
        match stdin.read(&mut byte) {
            Ok(0) => break,
            Ok(_) => {
                buf.push(byte[0]);
                if byte[0] == b'\n' {
                    break;
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
                if let Err(e) = vm.check_signals() {
                    return Line::Interrupted(e);
                }
            }
            Err(_) => break,
        }
    }
    if buf.is_empty() {
        return Line::Eof;
    }
    Line::Text(String::from_utf8_lossy(&buf).into_owned())
}

fn write_stderr(bytes: &[u8]) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(bytes);
    let _ = err.flush();
}

/// A first line with nothing but blanks or a comment: the interactive
/// tokenizer makes it a lone NEWLINE.
fn is_blank(line: &str) -> bool {
    let t = line.trim_start_matches([' ', '\t', '\x0c']);
    t.is_empty() || t.starts_with('#') || t == "\n" || t == "\r\n"
}

/// Whether the text ends inside brackets or a triple-quoted string, where an
/// empty line is only part of the statement.
fn inside_open_token(text: &str) -> bool {
    open_brackets(text).is_some()
}

#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Status {
    Complete,
    Incomplete,
    Error,
}

fn parse_single(text: &str) -> Result<Mod, SyntaxError> {
    let tokens = tokenize_with(text, &TokenizeOptions { exec_input: false, ..Default::default() });
    pyrite_syntax::parser::parse_tokens(text, tokens, Mode::Single).0
}

/// Whether the lines read so far (each with its newline) make a statement.
#[cfg(test)]
pub(crate) fn classify(text: &str) -> Status {
    classify_with_probe(text).0
}

/// [`classify`], and for an error met inside open brackets the text that
/// reports it (CPython's parser sees the error before the end of input,
/// where a whole-text parse would only report the unclosed bracket).
pub(crate) fn classify_with_probe(text: &str) -> (Status, Option<String>) {
    let open = open_brackets(text);
    if let Some(closers) = open {
        if closers.is_empty() {
            // Inside a triple-quoted string.
            return (Status::Incomplete, None);
        }
        // Close the brackets on a line of their own, once right away and once
        // after an operand: an error before that line that both meet is the
        // text's own.
        let lines = text.matches('\n').count() as u32;
        let closed = format!("{text}{closers}\n");
        let continued = format!("{text}0{closers}\n");
        return match (parse_single(&closed), parse_single(&continued)) {
            (Err(e), Err(again)) if e == again && e.lineno > 0 && e.lineno <= lines => (Status::Error, Some(closed)),
            _ => (Status::Incomplete, None),
        };
    }
    match parse_single(text) {
        Ok(Mod::Interactive { body }) if body.first().is_some_and(is_compound) => (Status::Incomplete, None),
        Ok(_) => (Status::Complete, None),
        Err(error) => {
            // An error that moves when a line is added came from the end of
            // the input: more lines are needed.
            let probe = format!("{text}pass\n");
            match parse_single(&probe) {
                Err(again) if again == error => (Status::Error, None),
                _ => (Status::Incomplete, None),
            }
        }
    }
}

/// At the end of `text`: None outside brackets and strings, the closing
/// brackets (innermost first) when inside brackets, "" inside a
/// triple-quoted string.
fn open_brackets(text: &str) -> Option<String> {
    let tokens = tokenize_with(text, &TokenizeOptions { exec_input: false, ..Default::default() });
    if tokens.error.as_ref().is_some_and(|e| e.msg.starts_with("unterminated triple-quoted string")) {
        return Some(String::new());
    }
    if tokens.open_brackets_at_eof.is_empty() {
        return None;
    }
    Some(
        tokens
            .open_brackets_at_eof
            .iter()
            .rev()
            .map(|b| match b.ch {
                '(' => ')',
                '[' => ']',
                _ => '}',
            })
            .collect(),
    )
}

fn is_compound(stmt: &Stmt) -> bool {
    matches!(
        stmt.kind,
        StmtKind::FunctionDef { .. }
            | StmtKind::AsyncFunctionDef { .. }
            | StmtKind::ClassDef { .. }
            | StmtKind::For { .. }
            | StmtKind::AsyncFor { .. }
            | StmtKind::While { .. }
            | StmtKind::If { .. }
            | StmtKind::With { .. }
            | StmtKind::AsyncWith { .. }
            | StmtKind::Match { .. }
            | StmtKind::Try { .. }
            | StmtKind::TryStar { .. }
    )
}

#[cfg(test)]
mod tests {
    use super::{classify, inside_open_token, Status};

    fn on_big_stack(f: impl FnOnce() + Send + 'static) {
        std::thread::Builder::new().stack_size(64 << 20).spawn(f).unwrap().join().unwrap();
    }

    #[test]
    fn statements_and_continuations() {
        on_big_stack(|| {
            assert_eq!(classify("x = 1\n"), Status::Complete);
            assert_eq!(classify("x = (1,\n"), Status::Incomplete);
            assert_eq!(classify("if x:\n"), Status::Incomplete);
            assert_eq!(classify("if x:\n  y\n"), Status::Incomplete);
            assert_eq!(classify("@d\n"), Status::Incomplete);
            assert_eq!(classify("\"\"\"a\n"), Status::Incomplete);
            assert_eq!(classify("1 + \\\n"), Status::Incomplete);
            assert_eq!(classify("try:\n  pass\n"), Status::Incomplete);
            assert_eq!(classify("def f(:\n"), Status::Error);
            assert_eq!(classify("x = \n"), Status::Error);
            assert_eq!(classify("  x\n"), Status::Error);
            assert_eq!(classify("def f(:\n"), Status::Error);
            assert_eq!(classify("x = (1 +\n 2\nprint(x)\n"), Status::Error);
            assert_eq!(classify("x = [1 +\n"), Status::Incomplete);
            assert_eq!(classify("f(a,\n"), Status::Incomplete);
            assert_eq!(classify("{'a':\n"), Status::Incomplete);
            assert!(inside_open_token("x = [\n\n"));
            assert!(inside_open_token("x = (1,\n\n"));
            assert!(!inside_open_token("if x:\n  y\n\n"));
        });
    }
}
