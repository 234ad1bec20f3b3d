//! libFuzzer target over the whole front end: decoding, tokenizing, parsing in
//! every mode, the post-parse checks and the AST printer must never panic,
//! hang or overflow on any bytes. Run (from the repository root):
//!     cargo fuzz run front_end -s none -- -max_total_time=600
#![no_main]

use libfuzzer_sys::fuzz_target;
use pyrite_syntax::{dump, parse, semantic, source, Mode};

fuzz_target!(|data: &[u8]| {
    // The binary gives the front end a 256 MiB stack; libFuzzer's main thread
    // has less, so run on a thread of the same size.
    let data = data.to_vec();
    let worker = std::thread::Builder::new().stack_size(256 << 20).spawn(move || {
        if let Ok(text) = source::decode_source(&data, "<fuzz>") {
            for mode in [Mode::Exec, Mode::Eval, Mode::Single, Mode::FuncType] {
                if let Ok(parsed) = parse(&text, mode) {
                    let _ = semantic::check_all(&parsed.module, &text);
                    let _ = dump::dump(&parsed.module, true);
                }
            }
        }
    });
    if let Ok(handle) = worker {
        if handle.join().is_err() {
            panic!("the front end panicked");
        }
    }
});
