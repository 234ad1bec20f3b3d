//! Compiles a Python file with pyrite and prints the code object tree in the
//! canonical text form of tools/compiler_dump_reference.py, for comparison
//! with python3.11.
//!
//! Usage: dump_code [--ast AST_FILE] [--mode exec|eval|single] [--optimize N] FILE...
//!
//! With `--ast`, the tree comes from tools/compiler_ast_export.py's output
//! instead of pyrite's parser (FILE still names the code objects' filename).
//! With `--batch LIST OUTDIR`, LIST holds lines `SOURCE AST_FILE` (AST_FILE
//! `-` to use pyrite's parser), and each dump is written to OUTDIR/<n>.txt
//! (errors to OUTDIR/<n>.err).

mod ast_text;

use pyrite_bytecode::code::{local_kind, CodeObject, ConstValue};
use pyrite_bytecode::{cache_entries, exception_table, locations, OPNAMES};
use pyrite_compiler::{compile, Mode};
use std::fmt::Write;

fn str_repr(out: &mut String, cps: impl Iterator<Item = u32>) {
    out.push('\'');
    for cp in cps {
        if (0x20..0x7f).contains(&cp) && cp != '\\' as u32 && cp != '\'' as u32 {
            out.push(cp as u8 as char);
        } else {
            let _ = write!(out, "\\u{{{:x}}}", cp);
        }
    }
    out.push('\'');
}

fn name_repr(n: &str) -> String {
    let mut s = String::new();
    str_repr(&mut s, n.chars().map(|c| c as u32));
    s
}

fn const_repr(c: &ConstValue) -> String {
    match c {
        ConstValue::None => "None".into(),
        ConstValue::Bool(true) => "True".into(),
        ConstValue::Bool(false) => "False".into(),
        ConstValue::Ellipsis => "Ellipsis".into(),
        ConstValue::Int(i) => i.to_string(),
        ConstValue::BigInt(b) => b.to_string(),
        ConstValue::Float(f) => format!("f:{:016x}", f.to_bits()),
        ConstValue::Complex { real, imag } => format!("c:{:016x}:{:016x}", real.to_bits(), imag.to_bits()),
        ConstValue::Str(s) => {
            let mut out = String::new();
            str_repr(&mut out, s.code_points());
            out
        }
        ConstValue::Bytes(b) => {
            let mut out = String::from("b'");
            for x in b.iter() {
                let _ = write!(out, "{:02x}", x);
            }
            out.push('\'');
            out
        }
        ConstValue::Tuple(t) => {
            let mut out = String::from("(");
            for x in t.iter() {
                out.push_str(&const_repr(x));
                out.push_str(", ");
            }
            out.push(')');
            out
        }
        ConstValue::FrozenSet(t) => {
            let mut items: Vec<String> = t.iter().map(const_repr).collect();
            items.sort();
            format!("frozenset({{{}}})", items.join(", "))
        }
        ConstValue::Code(c) => format!("<code {}>", c.qualname),
    }
}

fn opt(v: Option<u32>) -> String {
    v.map_or("-".to_string(), |x| x.to_string())
}

fn dump_code(co: &CodeObject, out: &mut String) {
    let _ = writeln!(out, "code {}", name_repr(&co.qualname));
    let _ = writeln!(out, "  name {}", name_repr(&co.name));
    let _ = writeln!(out, "  argcount {} posonly {} kwonly {}", co.argcount, co.posonlyargcount, co.kwonlyargcount);
    let _ = writeln!(out, "  flags 0x{:x}", co.flags);
    let _ = writeln!(out, "  stacksize {}", co.stacksize);
    let _ = writeln!(out, "  firstlineno {}", co.firstlineno);
    let join = |names: Vec<String>| names.join(" ");
    let _ = writeln!(out, "  names {}", join(co.names.iter().map(|n| name_repr(n)).collect()));
    let by_kind = |k: u8| -> Vec<String> {
        co.localsplusnames
            .iter()
            .zip(co.localspluskinds.iter())
            .filter(|(_, kind)| **kind & k != 0)
            .map(|(n, _)| name_repr(n))
            .collect()
    };
    let _ = writeln!(out, "  varnames {}", join(by_kind(local_kind::LOCAL)));
    let _ = writeln!(out, "  cellvars {}", join(by_kind(local_kind::CELL)));
    let _ = writeln!(out, "  freevars {}", join(by_kind(local_kind::FREE)));
    let _ = writeln!(out, "  localsplus {}", join(co.localsplusnames.iter().map(|n| name_repr(n)).collect()));
    let _ = writeln!(out, "  consts");
    for (i, c) in co.consts.iter().enumerate() {
        let _ = writeln!(out, "    {} {}", i, const_repr(c));
    }
    let _ = writeln!(out, "  code");
    let positions = locations::decode(&co.linetable, co.firstlineno);
    let code = &co.code;
    let mut i = 0;
    while i + 1 < code.len() {
        let (opcode, arg) = (code[i], code[i + 1]);
        let n = 2 * (1 + cache_entries(opcode));
        let end = (i + n).min(code.len());
        let raw: String = code[i..end].iter().map(|b| format!("{:02x}", b)).collect();
        let p = positions.get(i / 2).copied().unwrap_or_default();
        let pos = format!("({},{},{},{})", opt(p.lineno), opt(p.end_lineno), opt(p.col), opt(p.end_col));
        let _ = writeln!(out, "    {:4} {:<24} {:3}  {} {}", i, OPNAMES[opcode as usize], arg, pos, raw);
        i += n;
    }
    let hex = |b: &[u8]| b.iter().map(|x| format!("{:02x}", x)).collect::<String>();
    let _ = writeln!(out, "  linetable {}", hex(&co.linetable));
    let _ = writeln!(out, "  exceptiontable {}", hex(&co.exceptiontable));
    for e in exception_table::decode(&co.exceptiontable) {
        let _ = writeln!(
            out,
            "    {}-{}->{} depth={}{}",
            e.start,
            e.end,
            e.target,
            e.depth,
            if e.push_lasti { " lasti" } else { "" }
        );
    }
    for c in &co.consts {
        if let ConstValue::Code(inner) = c {
            dump_code(inner, out);
        }
    }
}

fn run_one(path: &str, ast_file: Option<&str>, mode: Mode, optimize: u8) -> Result<String, String> {
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
    let co = compile(&module, path, mode, optimize).map_err(|e| e.display(path))?;
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
            let result = std::panic::catch_unwind(|| run_one(src, Some(ast), mode, optimize));
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
        match run_one(f, ast_file.as_deref(), mode, optimize) {
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
