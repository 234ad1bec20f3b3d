//! Compiles a Python file with pyrite and prints the code object tree in the
//! canonical text form of tools/compiler_dump_reference.py, for comparison
//! with python3.11.
//!
//! Usage: dump_code [--ast AST_FILE] [--mode exec|eval|single] [--optimize N] [--flags N] FILE...
//!
//! `--flags` takes `compile()`'s flags: CO_FUTURE_* bits and PyCF_ALLOW_TOP_LEVEL_AWAIT (0x2000).
//!
//! With `--ast`, the tree comes from tools/compiler_ast_export.py's output
//! instead of pyrite's parser (FILE still names the code objects' filename).
//! With `--batch LIST OUTDIR`, LIST holds lines `SOURCE AST_FILE` (AST_FILE
//! `-` to use pyrite's parser), and each dump is written to OUTDIR/<n>.txt
//! (errors to OUTDIR/<n>.err).

mod ast_text;

use pyrite_compiler::dump::dump_code;
use pyrite_compiler::{compile_with_flags, CompileFlags, Mode};

fn run_one(path: &str, ast_file: Option<&str>, mode: Mode, optimize: u8, flags: CompileFlags) -> Result<String, String> {
    let module = match ast_file.filter(|a| *a != "-") {
        Some(a) => {
            let text = std::fs::read_to_string(a).map_err(|e| format!("{}: {}", a, e))?;
            ast_text::read_module(&text)?
        }
        None => {
            let bytes = std::fs::read(path).map_err(|e| format!("{}: {}", path, e))?;
            let text = pyrite_syntax::source::decode_source(&bytes, path).map_err(|e| e.display(path))?;
            let pmode = match mode {
                Mode::Exec => pyrite_syntax::Mode::Exec,
                Mode::Eval => pyrite_syntax::Mode::Eval,
                Mode::Single => pyrite_syntax::Mode::Single,
            };
            let parsed = std::panic::catch_unwind(|| pyrite_syntax::parse(&text, pmode))
                .map_err(|_| "pyrite's parser is not available; use --ast".to_string())?;
            parsed.map_err(|e| e.display(path))?.module
        }
    };
    let co = compile_with_flags(&module, path, mode, optimize, flags).map_err(|e| e.display(path))?;
    let mut out = String::new();
    dump_code(&co, &mut out);
    std::mem::forget(module);
    Ok(out)
}

fn main() {
    let child = std::thread::Builder::new().stack_size(512 << 20).spawn(real_main).expect("thread");
    let code = child.join().unwrap_or(101);
    std::process::exit(code);
}

fn real_main() -> i32 {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut mode = Mode::Exec;
    let mut optimize = 0;
    let mut ast_file: Option<String> = None;
    let mut batch: Option<(String, String)> = None;
    let mut flags = CompileFlags::default();
    let mut files = Vec::new();
    while !args.is_empty() {
        let a = args.remove(0);
        match a.as_str() {
            "--ast" if !args.is_empty() => ast_file = Some(args.remove(0)),
            "--mode" if !args.is_empty() => {
                mode = match args.remove(0).as_str() {
                    "eval" => Mode::Eval,
                    "single" => Mode::Single,
                    _ => Mode::Exec,
                }
            }
            "--optimize" if !args.is_empty() => optimize = args.remove(0).parse().unwrap_or(0),
            "--flags" if !args.is_empty() => {
                let v = args.remove(0);
                let n = match v.strip_prefix("0x") {
                    Some(h) => u32::from_str_radix(h, 16).unwrap_or(0),
                    None => v.parse().unwrap_or(0),
                };
                flags.future = n & pyrite_compiler::PYCF_MASK;
                flags.allow_top_level_await = n & 0x2000 != 0;
            }
            "--batch" if args.len() >= 2 => {
                let list = args.remove(0);
                let dir = args.remove(0);
                batch = Some((list, dir));
            }
            _ => files.push(a),
        }
    }
    if let Some((list, dir)) = batch {
        let Ok(text) = std::fs::read_to_string(&list) else {
            eprintln!("cannot read {}", list);
            return 2;
        };
        for (n, line) in text.lines().enumerate() {
            let Some((src, ast)) = line.split_once(' ') else { continue };
            let result = std::panic::catch_unwind(|| run_one(src, Some(ast), mode, optimize, flags));
            let (ext, body) = match result {
                Ok(Ok(s)) => ("txt", s),
                Ok(Err(e)) => ("err", e),
                Err(_) => ("err", "panic".to_string()),
            };
            let _ = std::fs::write(format!("{}/{}.{}", dir, n, ext), body);
        }
        return 0;
    }
    let mut status = 0;
    for f in &files {
        match run_one(f, ast_file.as_deref(), mode, optimize, flags) {
            Ok(s) => print!("{}", s),
            Err(e) => {
                eprint!("{}", e);
                if !e.ends_with('\n') {
                    eprintln!();
                }
                status = 1;
            }
        }
    }
    status
}
