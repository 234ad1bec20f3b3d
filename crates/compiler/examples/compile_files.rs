//! Parses and compiles the files named on the command line (or listed, one per
//! line, on stdin with `-`) and prints the seconds spent parsing and compiling,
//! excluding file reads: `PARSE_SECONDS COMPILE_SECONDS FILES FAILURES`.
//! Compare with python3.11 by bench/compile_stdlib.py.

use std::io::BufRead;
use std::time::{Duration, Instant};

fn main() {
    let mut paths: Vec<String> = std::env::args().skip(1).collect();
    if paths == ["-"] {
        paths = std::io::stdin().lock().lines().map_while(Result::ok).collect();
    }
    let sources: Vec<(String, Vec<u8>)> =
        paths.into_iter().filter_map(|p| std::fs::read(&p).ok().map(|b| (p, b))).collect();
    let worker = std::thread::Builder::new().stack_size(256 << 20).spawn(move || {
        let mut parse = Duration::ZERO;
        let mut compile = Duration::ZERO;
        let mut failures = 0;
        for (path, bytes) in &sources {
            let t0 = Instant::now();
            let parsed = pyrite_syntax::source::decode_source(bytes, path)
                .and_then(|text| pyrite_syntax::parse(&text, pyrite_syntax::Mode::Exec));
            let t1 = Instant::now();
            parse += t1 - t0;
            match parsed {
                Ok(p) => {
                    let ok = pyrite_compiler::compile(&p.module, path, pyrite_compiler::Mode::Exec, 0).is_ok();
                    compile += t1.elapsed();
                    failures += usize::from(!ok);
                }
                Err(_) => failures += 1,
            }
        }
        (parse.as_secs_f64(), compile.as_secs_f64(), sources.len(), failures)
    });
    if let Ok(Ok((p, c, files, failures))) = worker.map(|w| w.join()) {
        println!("{p:.6} {c:.6} {files} {failures}");
    }
}
