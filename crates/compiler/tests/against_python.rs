//! Compiles every file of tests/corpus with pyrite (its own parser included)
//! and compares the canonical dump with python3.11's
//! (tools/compiler_dump_reference.py). A first line `# compile: mode=M
//! optimize=N` selects the mode and optimization level. Skipped when
//! python3.11 is not installed.

use pyrite_compiler::{compile, compile_with_flags, dump::dump_code, CompileFlags, Mode};
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn options(src: &str) -> (String, u8, u32) {
    let mut mode = "exec".to_string();
    let mut optimize = 0;
    let mut flags = 0;
    if let Some(rest) = src.lines().next().and_then(|l| l.strip_prefix("# compile:")) {
        for part in rest.split_whitespace() {
            if let Some(m) = part.strip_prefix("mode=") {
                mode = m.to_string();
            } else if let Some(o) = part.strip_prefix("optimize=") {
                optimize = o.parse().unwrap_or(0);
            } else if let Some(f) = part.strip_prefix("flags=0x") {
                flags = u32::from_str_radix(f, 16).unwrap_or(0);
            }
        }
    }
    (mode, optimize, flags)
}

fn pyrite_dump(path: &Path, src: &str, mode: &str, optimize: u8, flags: u32) -> String {
    let (pmode, cmode) = match mode {
        "eval" => (pyrite_syntax::Mode::Eval, Mode::Eval),
        "single" => (pyrite_syntax::Mode::Single, Mode::Single),
        _ => (pyrite_syntax::Mode::Exec, Mode::Exec),
    };
    let parsed = pyrite_syntax::parse(src, pmode).unwrap_or_else(|e| panic!("{}: {}", path.display(), e.msg));
    let name = path.to_string_lossy();
    let cflags = CompileFlags { future: flags & pyrite_compiler::PYCF_MASK, allow_top_level_await: flags & 0x2000 != 0 };
    let co = compile_with_flags(&parsed.module, &name, cmode, optimize, cflags)
        .unwrap_or_else(|e| panic!("{}: {}", name, e.msg));
    let mut out = String::new();
    dump_code(&co, &mut out);
    out
}

fn reference_dump(path: &Path, mode: &str, optimize: u8, flags: u32) -> Option<String> {
    let tool = repo_root().join("tools/compiler_dump_reference.py");
    let out = Command::new("python3.11")
        .arg(tool)
        .arg(path)
        .args(["--mode", mode, "--optimize", &optimize.to_string(), "--flags", &flags.to_string()])
        .output()
        .ok()?;
    if !out.status.success() {
        panic!("reference dump failed for {}: {}", path.display(), String::from_utf8_lossy(&out.stderr));
    }
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn corpus_matches_python() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    let mut failures = Vec::new();
    for path in files {
        let src = std::fs::read_to_string(&path).expect("read corpus file");
        let (mode, optimize, flags) = options(&src);
        let Some(expected) = reference_dump(&path, &mode, optimize, flags) else {
            eprintln!("python3.11 not available: skipping");
            return;
        };
        let p = path.clone();
        let m = mode.clone();
        let got = std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn(move || pyrite_dump(&p, &src, &m, optimize, flags))
            .expect("thread")
            .join()
            .expect("compile thread");
        if got != expected {
            let first = expected.lines().zip(got.lines()).position(|(a, b)| a != b).unwrap_or(0);
            let show = |s: &str| s.lines().skip(first.saturating_sub(3)).take(8).collect::<Vec<_>>().join("\n");
            failures.push(format!("{}:\n--- python3.11\n{}\n--- pyrite\n{}", path.display(), show(&expected), show(&got)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The deepest trees the recursion limit lets through compile within a
/// thread of `stack` bytes (measured: see the test below).
fn compile_deep(src: String, stack: usize) -> bool {
    std::thread::Builder::new()
        .stack_size(stack)
        .spawn(move || {
            let parsed = pyrite_syntax::parse(&src, pyrite_syntax::Mode::Exec).expect("parse");
            let ok = compile(&parsed.module, "deep", Mode::Exec, 0).is_ok();
            std::mem::forget(parsed);
            ok
        })
        .expect("thread")
        .join()
        .unwrap_or(false)
}

#[test]
fn deep_trees_fit_in_a_modest_stack() {
    let n = 2990;
    let cases = [
        format!("x = {}", vec!["a"; n].join("+")),
        format!("x = a{}", ".b".repeat(n - 10)),
        format!("x = f{}", "()".repeat(n - 10)),
        format!("x = {}a", "not ".repeat(n - 10)),
        format!("x = a{}", "[0]".repeat(n - 10)),
        format!("x = {}", vec!["a"; n].join(" if b else ")),
    ];
    for src in cases {
        assert!(compile_deep(src, 8 << 20), "deep tree overflowed 8 MiB");
    }
}
