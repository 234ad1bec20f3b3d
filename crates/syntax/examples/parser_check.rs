//! Parser check: for each file named on stdin (one per line), prints
//! `=== PATH` then either CPython's `ast.dump(..., include_attributes=True)`
//! form of pyrite's tree or `ERROR kind|msg|lineno|offset|end_lineno|end_offset|text`.
//! tools/parser_check.py prints the same for python3.11 and compares.
//! Sources are decoded as UTF-8 (files in other encodings are skipped by the script).

use std::io::{BufRead, Write};

fn main() {
    let paths: Vec<String> = std::io::stdin().lock().lines().map_while(Result::ok).collect();
    let mode = match std::env::args().nth(1).as_deref() {
        Some("eval") => pyrite_syntax::Mode::Eval,
        Some("single") => pyrite_syntax::Mode::Single,
        Some("func_type") => pyrite_syntax::Mode::FuncType,
        _ => pyrite_syntax::Mode::Exec,
    };
    let worker = std::thread::Builder::new().stack_size(256 << 20).spawn(move || {
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        let mut total = 0.0;
        for path in &paths {
            let Ok(bytes) = std::fs::read(path) else { continue };
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let start = std::time::Instant::now();
            let (r, warnings) = if std::env::var_os("PARSER_CHECK_AS_FILES").is_some() {
                pyrite_syntax::parser::parse_file_with_warnings(&text)
            } else {
                pyrite_syntax::parser::parse_with_warnings(&text, mode)
            };
            total += start.elapsed().as_secs_f64();
            let _ = writeln!(out, "=== {}", path);
            for w in &warnings {
                let category = match w.category {
                    pyrite_syntax::WarningCategory::SyntaxWarning => "SyntaxWarning",
                    pyrite_syntax::WarningCategory::DeprecationWarning => "DeprecationWarning",
                };
                let _ = writeln!(out, "WARN {}|{}|{}", category, w.msg, w.lineno);
            }
            match r {
                Ok(module) => {
                    if std::env::var_os("PARSER_CHECK_NO_DUMP").is_none() {
                        let _ = writeln!(out, "{}", pyrite_syntax::dump::dump(&module, true));
                    }
                }
                Err(e) => {
                    let _ = writeln!(
                        out,
                        "ERROR {}|{}|{}|{}|{}|{}|{}",
                        e.kind.name(),
                        e.msg,
                        e.lineno,
                        e.offset,
                        e.end_lineno,
                        e.end_offset,
                        match &e.text {
                            Some(t) => json_string(t),
                            None => "null".to_string(),
                        }
                    );
                }
            }
        }
        let mut tok_total = 0.0;
        for path in &paths {
            let Ok(bytes) = std::fs::read(path) else { continue };
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let start = std::time::Instant::now();
            let t = pyrite_syntax::tokenizer::tokenize(&text);
            tok_total += start.elapsed().as_secs_f64();
            std::hint::black_box(t);
        }
        eprintln!("parse time: {:.3}s (tokenizing alone: {:.3}s)", total, tok_total);
    });
    if let Ok(w) = worker {
        let _ = w.join();
    }
}

fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x0c' => out.push_str("\\f"),
            '\x08' => out.push_str("\\b"),
            c if (c as u32) > 0xFFFF => {
                let v = c as u32 - 0x10000;
                out.push_str(&format!("\\u{:04x}\\u{:04x}", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF)));
            }
            c if (c as u32) < 0x20 || !c.is_ascii() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
