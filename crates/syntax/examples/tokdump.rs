//! Debugging aid: prints the tokens of each file given (or of stdin) one per
//! line as `KIND lineno col end_lineno end_col start end`, then the error.
//! With `--quiet`, prints only files whose tokenization fails.
use pyrite_syntax::source::decode_file;
use pyrite_syntax::tokenizer::{tokenize_with, TokenizeOptions, Tokens};
use std::io::Read;

fn main() {
    let mut quiet = false;
    let mut errors = false;
    let mut string_mode = false;
    let mut files = Vec::new();
    for a in std::env::args().skip(1) {
        if a == "--string" {
            // As compile(str): no decoding, texts from the buffer.
            string_mode = true;
        } else if a == "--errors" {
            errors = true;
        } else if a == "--quiet" {
            quiet = true;
        } else {
            files.push(a);
        }
    }
    let mut inputs = Vec::new();
    if files.is_empty() {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s).expect("stdin");
        inputs.push(("<stdin>".to_string(), s.into_bytes()));
    } else {
        for f in files {
            let bytes = std::fs::read(&f).expect("read");
            inputs.push((f, bytes));
        }
    }
    let t0 = std::time::Instant::now();
    let mut total = 0;
    for (name, src) in &inputs {
        let toks = if string_mode {
            tokenize_with(&String::from_utf8_lossy(src), &TokenizeOptions::default())
        } else {
            match decode_file(src, name) {
            Ok(decoded) => tokenize_with(&decoded.text, &decoded.tokenize_options()),
            Err(e) => Tokens { error: Some(e), error_raised_by_tokenizer: true, ..Tokens::default() },
            }
        };
        total += toks.tokens.len();
        if errors {
            // One line per input: the error's attributes, tab-separated.
            match &toks.error {
                Some(e) => println!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    e.kind.name(),
                    e.msg,
                    e.lineno,
                    e.offset,
                    e.end_lineno,
                    e.end_offset,
                    e.text.as_deref().map_or("None".to_string(), |t| format!("Some({})", json(t))),
                    toks.error_raised_by_tokenizer
                ),
                None => println!("OK\t{:?}", toks.open_brackets_at_eof.iter().map(|b| (b.ch, b.lineno, b.col)).collect::<Vec<_>>()),
            }
            continue;
        }
        if quiet {
            if let Some(e) = &toks.error {
                println!("{}: {:?}", name, e);
            }
            continue;
        }
        if inputs.len() > 1 {
            println!("FILE {}", name);
        }
        for t in &toks.tokens {
            println!("{:?} {} {} {} {} {} {}", t.kind, t.lineno, t.col, t.end_lineno, t.end_col, t.start, t.end);
        }
        for w in &toks.warnings {
            println!("WARNING {:?}", w);
        }
        if let Some(e) = &toks.error {
            println!("ERROR {:?} raised={}", e, toks.error_raised_by_tokenizer);
        }
        for b in &toks.open_brackets_at_eof {
            println!("OPEN {:?}", b);
        }
    }
    if quiet {
        eprintln!("{} files, {} tokens, {:?}", inputs.len(), total, t0.elapsed());
    }
}

/// A string as Python's `json.dumps(s, ensure_ascii=False)` writes it.
fn json(s: &str) -> String {
    let mut out = String::from("\"");
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
