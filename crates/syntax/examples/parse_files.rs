//! Parses the files named on the command line (or listed, one per line, on stdin
//! with `-`) and prints the seconds spent decoding, tokenizing and parsing them,
//! excluding file reads. Used by bench/parse_stdlib.py.

use std::io::BufRead;
use std::time::Instant;

fn main() {
    let mut paths: Vec<String> = std::env::args().skip(1).collect();
    if paths == ["-"] {
        paths = std::io::stdin().lock().lines().map_while(Result::ok).collect();
    }
    let sources: Vec<(String, Vec<u8>)> =
        paths.into_iter().filter_map(|p| std::fs::read(&p).ok().map(|b| (p, b))).collect();
    let worker = std::thread::Builder::new().stack_size(256 << 20).spawn(move || {
        let start = Instant::now();
        let mut failures = 0;
        for (path, bytes) in &sources {
            let ok = pyrite_syntax::source::decode_source(bytes, path)
                .and_then(|text| pyrite_syntax::parse(&text, pyrite_syntax::Mode::Exec))
                .is_ok();
            failures += usize::from(!ok);
        }
        (start.elapsed().as_secs_f64(), sources.len(), failures)
    });
    if let Ok(Ok((seconds, files, failures))) = worker.map(|w| w.join()) {
        println!("{seconds:.6} {files} {failures}");
    }
}
