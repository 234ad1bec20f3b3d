//! Differential tests: every repr here is compared with what `python3.11` itself
//! prints for the same value, at test time (no stored expectations that could drift).
//! Inputs come from a fixed-seed generator, so a failure reproduces.
//! Without `python3.11` on PATH the tests say so and pass.

use pyrite_repr::{bytes_repr, complex_repr, float_repr, str_repr};
use std::io::Write;
use std::process::{Command, Stdio};

/// Runs `script` under python3.11 with `input` on stdin; its stdout split on `\n`.
/// `None` when python3.11 is not installed.
fn python_lines(script: &str, input: &str) -> Option<Vec<String>> {
    let mut child =
        match Command::new("python3.11").args(["-c", script]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn() {
            Ok(child) => child,
            Err(_) => {
                eprintln!("python3.11 not found: skipping the differential check");
                return None;
            }
        };
    let mut stdin = child.stdin.take().expect("piped stdin");
    let input = input.to_owned();
    // Write from another thread: python's output could fill the pipe before it has read everything.
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().expect("python3.11 runs");
    writer.join().expect("writer thread").expect("write to python3.11");
    assert!(output.status.success(), "python3.11 failed: {:?}", output.status);
    let text = String::from_utf8(output.stdout).expect("python3.11 prints UTF-8");
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    if lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    Some(lines)
}

/// xorshift64*: a small deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn interesting_floats() -> Vec<f64> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut values = vec![
        0.0,
        -0.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        -f64::NAN,
        f64::MAX,
        f64::MIN,
        f64::MIN_POSITIVE,
        f64::EPSILON,
        5e-324,
        -5e-324,
        2f64.powi(53),
        2f64.powi(53) + 2.0,
        2f64.powi(54),
        1e16 - 2.0,
        1e16,
        1e16 + 2.0,
        1e-4,
        1e-5,
        0.00009999999999999999,
    ];
    // Powers of ten and their neighbours: where the layout switches and digits are fewest.
    for e in -325..=310 {
        let x: f64 = format!("1e{}", e).parse().unwrap();
        for delta in [-1i64, 0, 1] {
            let bits = (x.to_bits() as i64 + delta) as u64;
            let y = f64::from_bits(bits);
            values.push(y);
            values.push(-y);
        }
    }
    // Powers of two (the asymmetric rounding interval) and neighbours.
    for e in -1074..=1023 {
        let x = 2f64.powi(e);
        values.push(x);
        values.push(f64::from_bits(x.to_bits() + 1));
        values.push(f64::from_bits(x.to_bits().wrapping_sub(1)));
    }
    // Uniformly random bit patterns (NaNs with payloads and subnormals included).
    // PYRITE_FLOAT_SAMPLES raises the count for a longer soak.
    let samples = std::env::var("PYRITE_FLOAT_SAMPLES").ok().and_then(|s| s.parse().ok()).unwrap_or(200_000);
    for _ in 0..samples {
        values.push(f64::from_bits(rng.next()));
    }
    // Short decimals: few significant digits at every scale.
    for _ in 0..100_000 {
        let width = 1 + rng.below(17) as u32;
        let digits = rng.below(10u64.pow(width));
        let exponent = rng.below(660) as i64 - 340;
        let x: f64 = format!("{}e{}", digits, exponent).parse().unwrap();
        values.push(if rng.below(2) == 0 { x } else { -x });
    }
    // Integers and simple fractions, the common case in source code.
    for i in 0..20_000u64 {
        values.push(i as f64);
        values.push(i as f64 / 10.0);
        values.push(i as f64 / 1000.0);
        values.push(rng.below(1 << 60) as f64);
    }
    // Subnormals.
    for _ in 0..10_000 {
        values.push(f64::from_bits(rng.below(1 << 52)));
    }
    values
}

#[test]
fn float_repr_matches_python() {
    let values = interesting_floats();
    let input: String = values.iter().map(|x| format!("{}\n", x.to_bits())).collect();
    let script = "import sys, struct\n\
        out = [repr(struct.unpack('<d', struct.pack('<Q', int(l)))[0]) for l in sys.stdin]\n\
        sys.stdout.write('\\n'.join(out) + '\\n')";
    let Some(expected) = python_lines(script, &input) else { return };
    assert_eq!(expected.len(), values.len());
    let mut failures = 0;
    for (x, want) in values.iter().zip(&expected) {
        let got = float_repr(*x);
        if &got != want {
            failures += 1;
            if failures <= 20 {
                eprintln!("bits {:#018x}: python {} pyrite {}", x.to_bits(), want, got);
            }
        }
    }
    assert_eq!(failures, 0, "{} of {} float reprs differ", failures, values.len());
}

#[test]
fn complex_repr_matches_python() {
    let mut rng = Rng(0x1234_5678_9ABC_DEF1);
    let specials =
        [0.0, -0.0, 1.0, -1.0, 0.5, 1e16, 1e-5, 1e300, f64::INFINITY, f64::NEG_INFINITY, f64::NAN, -f64::NAN];
    let mut pairs = Vec::new();
    for &a in &specials {
        for &b in &specials {
            pairs.push((a, b));
        }
    }
    for _ in 0..20_000 {
        let pick = |rng: &mut Rng| match rng.below(3) {
            0 => specials[rng.below(specials.len() as u64) as usize],
            1 => f64::from_bits(rng.next()),
            _ => (rng.below(2000) as f64 - 1000.0) / 8.0,
        };
        let a = pick(&mut rng);
        let b = pick(&mut rng);
        pairs.push((a, b));
    }
    let input: String = pairs.iter().map(|(a, b)| format!("{} {}\n", a.to_bits(), b.to_bits())).collect();
    let script = "import sys, struct\n\
        f = lambda s: struct.unpack('<d', struct.pack('<Q', int(s)))[0]\n\
        out = [repr(complex(f(a), f(b))) for a, b in (l.split() for l in sys.stdin)]\n\
        sys.stdout.write('\\n'.join(out) + '\\n')";
    let Some(expected) = python_lines(script, &input) else { return };
    assert_eq!(expected.len(), pairs.len());
    for ((a, b), want) in pairs.iter().zip(&expected) {
        assert_eq!(&complex_repr(*a, *b), want, "complex({:?}, {:?})", a, b);
    }
}

#[test]
fn str_repr_of_every_code_point_matches_python() {
    let script = "import sys\n\
        sys.stdout.buffer.write('\\n'.join(repr(chr(c)) for c in range(0x110000)).encode() + b'\\n')";
    let Some(expected) = python_lines(script, "") else { return };
    assert_eq!(expected.len(), 0x110000);
    for (cp, want) in (0u32..).zip(&expected) {
        assert_eq!(&str_repr([cp]), want, "repr(chr({:#x}))", cp);
    }
}

#[test]
fn str_repr_of_random_strings_matches_python() {
    let mut rng = Rng(0xDEAD_BEEF_CAFE_F00D);
    let mut strings: Vec<Vec<u32>> = vec![vec![], vec![0x27], vec![0x22], vec![0x27, 0x22], vec![0x5C, 0x27]];
    for _ in 0..5_000 {
        let len = rng.below(12);
        let s = (0..len)
            .map(|_| match rng.below(6) {
                0 => [0x27, 0x22, 0x5C, 0x0A, 0x09, 0x0D, 0x00][rng.below(7) as usize],
                1 => rng.below(0x80) as u32,
                2 => rng.below(0x100) as u32,
                3 => rng.below(0x10000) as u32,
                4 => 0xD800 + rng.below(0x800) as u32,
                _ => rng.below(0x110000) as u32,
            })
            .collect();
        strings.push(s);
    }
    let input: String =
        strings.iter().map(|s| s.iter().map(|c| c.to_string()).collect::<Vec<_>>().join(" ") + "\n").collect();
    let script = "import sys\n\
        out = [repr(''.join(chr(int(c)) for c in l.split())) for l in sys.stdin]\n\
        sys.stdout.buffer.write('\\n'.join(out).encode() + b'\\n')";
    let Some(expected) = python_lines(script, &input) else { return };
    assert_eq!(expected.len(), strings.len());
    for (s, want) in strings.iter().zip(&expected) {
        assert_eq!(&str_repr(s.iter().copied()), want, "code points {:x?}", s);
    }
}

#[test]
fn bytes_repr_matches_python() {
    let mut rng = Rng(0x0BAD_5EED_0BAD_5EED);
    let mut samples: Vec<Vec<u8>> = (0..=255u8).map(|b| vec![b]).collect();
    samples.push(vec![]);
    samples.push(b"'\"".to_vec());
    for _ in 0..5_000 {
        let len = rng.below(10);
        samples.push(
            (0..len)
                .map(|_| if rng.below(3) == 0 { b"'\"\\"[rng.below(3) as usize] } else { rng.below(256) as u8 })
                .collect(),
        );
    }
    let input: String =
        samples.iter().map(|b| b.iter().map(|x| format!("{:02x}", x)).collect::<String>() + "\n").collect();
    let script = "import sys\n\
        out = [repr(bytes.fromhex(l.strip())) for l in sys.stdin]\n\
        sys.stdout.write('\\n'.join(out) + '\\n')";
    let Some(expected) = python_lines(script, &input) else { return };
    assert_eq!(expected.len(), samples.len());
    for (b, want) in samples.iter().zip(&expected) {
        assert_eq!(&bytes_repr(b), want, "bytes {:x?}", b);
    }
}

#[test]
fn unicode_predicates_match_python() {
    use pyrite_repr::unicode::*;
    let script = "import sys\n\
        m = ['isspace', 'isalpha', 'isdecimal', 'isdigit', 'isnumeric', 'islower', 'isupper', 'isprintable']\n\
        sys.stdout.write('\\n'.join(''.join('1' if getattr(chr(c), n)() else '0' for n in m) for c in range(0x110000)) + '\\n')";
    let Some(expected) = python_lines(script, "") else { return };
    assert_eq!(expected.len(), 0x110000);
    let predicates: [fn(u32) -> bool; 8] =
        [is_space, is_alpha, is_decimal, is_digit, is_numeric, is_lower, is_upper, is_printable];
    for (cp, want) in (0u32..).zip(&expected) {
        let got: String = predicates.iter().map(|p| if p(cp) { '1' } else { '0' }).collect();
        assert_eq!(&got, want, "properties of {:#x}", cp);
    }
}
