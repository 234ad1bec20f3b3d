//! Parses and compiles the files named on the command line (or listed, one per
//! line, on stdin with `-`) and prints the seconds spent parsing and compiling,
//! excluding file reads: `PARSE_SECONDS COMPILE_SECONDS FILES FAILURES`.
//! With `--phases` first, also prints the time of each compiler pass to stderr.
//! Compare with python3.11 by bench/compile_stdlib.py.

use std::io::BufRead;
use std::time::{Duration, Instant};

fn main() {
    let mut paths: Vec<String> = std::env::args().skip(1).collect();
    let breakdown = paths.first().is_some_and(|a| a == "--phases");
    if breakdown {
        paths.remove(0);
    }
    if paths == ["-"] {
        paths = std::io::stdin().lock().lines().map_while(Result::ok).collect();
    }
    let sources: Vec<(String, Vec<u8>)> =
        paths.into_iter().filter_map(|p| std::fs::read(&p).ok().map(|b| (p, b))).collect();
    let worker = std::thread::Builder::new().stack_size(256 << 20).spawn(move || {
        let mut parse = Duration::ZERO;
        let mut compile = Duration::ZERO;
        let mut failures = 0;
        let mut phases = [Duration::ZERO; 4];
        for (path, bytes) in &sources {
            let t0 = Instant::now();
            let parsed = pyrite_syntax::source::decode_source(bytes, path)
                .and_then(|text| pyrite_syntax::parse(&text, pyrite_syntax::Mode::Exec));
            let t1 = Instant::now();
            parse += t1 - t0;
            match parsed {
                Ok(p) => {
                    if breakdown {
                        let a = Instant::now();
                        let mut tree = p.module.clone();
                        let b = Instant::now();
                        let options = pyrite_syntax::semantic::fold::FoldOptions::default();
                        let ok1 = pyrite_syntax::semantic::fold::fold_in_place(&mut tree, options).is_ok();
                        let c = Instant::now();
                        let st = pyrite_compiler::symtable::build(&tree, false);
                        let d = Instant::now();
                        let ok = ok1
                            && st.is_ok_and(|st| {
                                let opts = pyrite_compiler::codegen::CompileOptions {
                                    optimize: 0,
                                    interactive: false,
                                    future_flags: pyrite_compiler::future_features(&tree),
                                    top_level_await: false,
                                };
                                pyrite_compiler::codegen::compile_module(&tree, &st, path, opts).is_ok()
                            });
                        let e = Instant::now();
                        phases[0] += b - a;
                        phases[1] += c - b;
                        phases[2] += d - c;
                        phases[3] += e - d;
                        compile += t1.elapsed();
                        failures += usize::from(!ok);
                    } else {
                        let ok = pyrite_compiler::compile(&p.module, path, pyrite_compiler::Mode::Exec, 0).is_ok();
                        compile += t1.elapsed();
                        failures += usize::from(!ok);
                    }
                }
                Err(_) => failures += 1,
            }
        }
        if breakdown {
            eprintln!(
                "clone {:.3}s fold {:.3}s symtable {:.3}s codegen+assemble {:.3}s",
                phases[0].as_secs_f64(),
                phases[1].as_secs_f64(),
                phases[2].as_secs_f64(),
                phases[3].as_secs_f64()
            );
        }
        (parse.as_secs_f64(), compile.as_secs_f64(), sources.len(), failures)
    });
    if let Ok(Ok((p, c, files, failures))) = worker.map(|w| w.join()) {
        println!("{p:.6} {c:.6} {files} {failures}");
    }
}
