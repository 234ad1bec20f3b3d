//! Mutation fuzzing of the whole front end: every input, however broken, must
//! give an AST or an error — never a panic, a hang or a stack overflow.
//!
//! Seeds are the test corpora under tests/syntax/ plus a few stdlib-like
//! snippets; each round applies random byte- and line-level mutations. The run
//! is deterministic (fixed seed) so that a failure reproduces; set
//! PYRITE_FUZZ_ROUNDS to run longer.

use std::panic;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// xorshift64*: a tiny deterministic generator, enough to drive mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Fragments that exercise the tokenizer's and parser's special cases.
const FRAGMENTS: &[&str] = &[
    "(", ")", "[", "]", "{", "}", ":", ",", ";", "\n", "\t", "    ", "\\\n", "#", "'", "\"", "'''", "\"\"\"",
    "f'", "f\"{", "}", "{x!r:>{w}}", "rb'", "\\N{", "\\x", "\\u12", "0x", "1_", "1e", "1j", ".", "...", "=", "==",
    ":=", "->", "**", "*", "@", "lambda", "yield", "await", "async", "def", "class", "if", "else", "elif", "for",
    "while", "try", "except*", "finally", "with", "match", "case", "_", "return", "del", "global", "nonlocal",
    "import", "from", "as", "not", "in", "is", "€", "\u{a0}", "\u{0}", "\r", "\x0c", "𝔘", "$", "?", "!",
];

const SNIPPETS: &[&str] = &[
    "def f(a, /, b=1, *args, c, d=2, **kw) -> int:\n    return a + b\n",
    "class C(B, metaclass=M):\n    x: int = 1\n    def m(self): yield from g()\n",
    "match p:\n    case Point(x=0, y=0) | [1, *rest] | {'k': v, **kw}:\n        pass\n    case _ if x:\n        pass\n",
    "try:\n    pass\nexcept* (A, B) as e:\n    raise\nelse:\n    pass\nfinally:\n    pass\n",
    "x = [i async for i in aiter() if await i]\nprint(f'{x!r:>{width}} {y=}')\n",
    "async def f():\n    async with a as b, c:\n        await d\n",
    "lambda x, *y, **z: (x, *y, {**z})\n",
    "a[1:2, ::3, ...] = b @ c ** -d // e\n",
];

fn corpus() -> Vec<Vec<u8>> {
    let mut seeds: Vec<Vec<u8>> = SNIPPETS.iter().map(|s| s.as_bytes().to_vec()).collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/syntax");
    let mut stack: Vec<PathBuf> = vec![root];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "py") {
                if let Ok(bytes) = std::fs::read(&path) {
                    if bytes.len() < 20_000 {
                        seeds.push(bytes);
                    }
                }
            }
        }
    }
    seeds.sort();
    seeds
}

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let len = out.len();
        let at = rng.below(len + 1);
        match rng.below(6) {
            0 if len > 0 => {
                let end = (at + 1 + rng.below(8)).min(len);
                out.drain(at.min(end)..end);
            }
            1 | 2 => {
                let frag = FRAGMENTS[rng.below(FRAGMENTS.len())].as_bytes();
                out.splice(at..at, frag.iter().copied());
            }
            3 if len > 0 => {
                let end = (at + 1 + rng.below(16)).min(len);
                let start = at.min(end);
                let copy = out[start..end].to_vec();
                out.splice(end..end, copy);
            }
            4 => {
                let byte = rng.next() as u8;
                out.insert(at, byte);
            }
            _ if len > 0 => {
                // Swap two lines: breaks indentation and block structure.
                let lines: Vec<&[u8]> = out.split(|&b| b == b'\n').collect();
                if lines.len() > 2 {
                    let (i, j) = (rng.below(lines.len()), rng.below(lines.len()));
                    let mut lines: Vec<Vec<u8>> = lines.iter().map(|l| l.to_vec()).collect();
                    lines.swap(i, j);
                    out = lines.join(&b'\n');
                }
            }
            _ => {}
        }
    }
    out
}

fn front_end(bytes: &[u8]) {
    if let Ok(text) = pyrite_syntax::source::decode_source(bytes, "<fuzz>") {
        for mode in [pyrite_syntax::Mode::Exec, pyrite_syntax::Mode::Eval, pyrite_syntax::Mode::Single] {
            if let Ok(parsed) = pyrite_syntax::parse(&text, mode) {
                let _ = pyrite_syntax::semantic::check(&parsed.module, &text);
                let _ = pyrite_syntax::dump::dump(&parsed.module, true);
            }
        }
    }
}

#[test]
fn mutated_sources_never_panic() {
    let rounds: usize = std::env::var("PYRITE_FUZZ_ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(100_000);
    let seeds = corpus();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let worker = std::thread::Builder::new().stack_size(256 << 20).spawn(move || {
        for round in 0..rounds {
            let seed = &seeds[rng.below(seeds.len())];
            let input = mutate(&mut rng, seed);
            let start = Instant::now();
            let outcome = panic::catch_unwind(|| front_end(&input));
            if outcome.is_err() {
                panic!("round {round}: the front end panicked on {:?}", String::from_utf8_lossy(&input));
            }
            assert!(
                start.elapsed() < Duration::from_secs(5),
                "round {round}: took {:?} on {:?}",
                start.elapsed(),
                String::from_utf8_lossy(&input)
            );
        }
    });
    let result = worker.map(|w| w.join());
    assert!(matches!(result, Ok(Ok(()))), "fuzzing failed (see the panic above)");
}
