//! Parser unit tests: trees and errors checked against python3.11's output.
use super::*;

fn run<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    // The parser relies on a large stack for deep input, as the binary gives it.
    std::thread::Builder::new().stack_size(256 << 20).spawn(f).unwrap().join().unwrap()
}

#[test]
fn parses_simple_module() {
    let r = run(|| parse("x = 1\n", Mode::Exec).map(|p| p.module));
    assert!(matches!(r, Ok(Mod::Module { ref body, .. }) if body.len() == 1));
}

#[test]
#[ignore]
fn show_tokens() {
    for src in ["x + ", "x + \n", "expr = "] {
        let options = crate::tokenizer::TokenizeOptions { exec_input: false, ..Default::default() };
        let t = crate::tokenizer::tokenize_with(src, &options);
        for tok in &t.tokens {
            eprintln!("{:?} {} {} {} {}", tok.kind, tok.lineno, tok.col, tok.end_lineno, tok.end_col);
        }
        eprintln!("--");
    }
}

#[test]
#[ignore]
fn show_tokens_single() {
    for src in ["def f():\n  continue"] {
        let options = crate::tokenizer::TokenizeOptions { exec_input: false, ..Default::default() };
        let t = crate::tokenizer::tokenize_with(src, &options);
        for tok in &t.tokens {
            eprintln!("{:?} {} {} {} {}", tok.kind, tok.lineno, tok.col, tok.end_lineno, tok.end_col);
        }
        eprintln!("--");
    }
}
