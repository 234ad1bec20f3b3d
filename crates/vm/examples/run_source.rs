//! Test driver: compiles a Python file with pyrite's own front end and
//! compiler, then runs it on the VM as `__main__` (an end-to-end check of
//! the whole pipeline before the `pyrite` binary wires it up).
//!
//! Usage: run_source FILE.py
//! Syntax errors are reported only briefly; the pyrite binary prints them as CPython does.

use std::rc::Rc;

fn run(path: &str) -> Result<i32, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let abs = std::fs::canonicalize(path).map_err(|e| format!("{path}: {e}"))?;
    let filename = abs.to_string_lossy().into_owned();
    let text = pyrite_syntax::source::decode_source(&bytes, &filename).map_err(|e| format!("{e:?}"))?;
    let parsed = pyrite_syntax::parse(&text, pyrite_syntax::Mode::Exec).map_err(|e| format!("{e:?}"))?;
    pyrite_syntax::semantic::check(&parsed.module, &text).map_err(|e| format!("{e:?}"))?;
    let code = pyrite_compiler::compile(&parsed.module, &filename, pyrite_compiler::Mode::Exec, 0)
        .map_err(|e| format!("{e:?}"))?;
    let mut vm = pyrite_vm::Vm::new()?;
    Ok(vm.run_main(Rc::clone(&code)))
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: run_source FILE.py");
        std::process::exit(2);
    };
    let child = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || run(&path));
    let status = match child.map(|h| h.join()) {
        Ok(Ok(Ok(code))) => code,
        Ok(Ok(Err(msg))) => {
            eprintln!("run_source: {msg}");
            2
        }
        _ => {
            eprintln!("run_source: the VM thread failed");
            70
        }
    };
    std::process::exit(status);
}
