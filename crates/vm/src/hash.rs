//! CPython 3.11's hash functions: SipHash-1-3 for str and bytes with the key
//! derived from `PYTHONHASHSEED` as CPython derives it, and the numeric hash
//! (reduction modulo the Mersenne prime 2**61 - 1) shared by int and float.

use crate::gil::GilCell;
use siphasher::sip::SipHasher13;
use std::hash::Hasher;

pub const MODULUS_BITS: u32 = 61;
pub const MODULUS: u64 = (1 << MODULUS_BITS) - 1;
pub const HASH_INF: i64 = 314159;
/// `sys.hash_info.imag`.
pub const HASH_IMAG: i64 = 1000003;

struct Secret {
    k0: u64,
    k1: u64,
}

static SECRET: GilCell<Secret> = GilCell::new(Secret { k0: 0, k1: 0 });

/// How the key was chosen, for `sys.flags.hash_randomization`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HashSeed {
    Random,
    Fixed(u32),
}

/// Reads `PYTHONHASHSEED` as CPython does: unset or "random" randomizes,
/// an integer in 0..=4294967295 fixes the key (0 disables randomization).
pub fn seed_from_env() -> Result<HashSeed, String> {
    match std::env::var("PYTHONHASHSEED") {
        Err(_) => Ok(HashSeed::Random),
        Ok(s) if s.is_empty() || s == "random" => Ok(HashSeed::Random),
        Ok(s) => match s.parse::<u64>() {
            Ok(n) if n <= u32::MAX as u64 => Ok(HashSeed::Fixed(n as u32)),
            _ => Err("PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]".into()),
        },
    }
}

/// The 24-byte secret of CPython (`_Py_HashSecret_t`); SipHash uses the first 16.
fn secret_bytes(seed: HashSeed) -> [u8; 24] {
    let mut buf = [0u8; 24];
    match seed {
        HashSeed::Fixed(0) => {}
        HashSeed::Fixed(x0) => {
            // CPython's linear congruential generator (bootstrap_hash.c).
            let mut x = x0;
            for b in buf.iter_mut() {
                x = x.wrapping_mul(214013).wrapping_add(2531011);
                *b = ((x >> 16) & 0xff) as u8;
            }
        }
        HashSeed::Random => {
            use std::io::Read;
            let ok = std::fs::File::open("/dev/urandom")
                .and_then(|mut f| f.read_exact(&mut buf))
                .is_ok();
            if !ok {
                // No urandom: fall back to time and address entropy.
                let t = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos() as u64)
                    .unwrap_or(0);
                let a = &buf as *const _ as u64;
                buf[..8].copy_from_slice(&t.to_le_bytes());
                buf[8..16].copy_from_slice(&(a ^ t.rotate_left(17)).to_le_bytes());
            }
        }
    }
    buf
}

pub fn init(seed: HashSeed) {
    let b = secret_bytes(seed);
    let mut k0 = [0u8; 8];
    let mut k1 = [0u8; 8];
    k0.copy_from_slice(&b[..8]);
    k1.copy_from_slice(&b[8..16]);
    // SAFETY: GIL held at start-up.
    let s = unsafe { SECRET.get_mut() };
    s.k0 = u64::from_le_bytes(k0);
    s.k1 = u64::from_le_bytes(k1);
}

/// `_Py_HashBytes`: the hash of a buffer (str hashes its PEP 393 code units).
pub fn hash_bytes(data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    // SAFETY: GIL held; read only.
    let s = unsafe { SECRET.get_mut() };
    let mut h = SipHasher13::new_with_keys(s.k0, s.k1);
    h.write(data);
    fix(h.finish() as i64)
}

/// -1 is reserved for errors in CPython's C API, so it never is a hash.
#[inline(always)]
pub fn fix(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Hash of an int that fits in i64.
#[inline(always)]
pub fn hash_i64(i: i64) -> i64 {
    let m = MODULUS as i64;
    if i > -m && i < m {
        return fix(i);
    }
    let r = (i.unsigned_abs() % MODULUS) as i64;
    fix(if i < 0 { -r } else { r })
}

/// Hash of a big int from its magnitude digits (little-endian u64 words).
pub fn hash_bigint(negative: bool, words_le: &[u64]) -> i64 {
    // Horner's rule on 64-bit words modulo 2**61 - 1 (2**64 = 8 mod M).
    let mut acc: u128 = 0;
    for &w in words_le.iter().rev() {
        acc = (acc * ((1u128 << 64) % MODULUS as u128) + (w as u128 % MODULUS as u128)) % MODULUS as u128;
    }
    let r = acc as i64;
    fix(if negative { -r } else { r })
}

/// `_Py_HashDouble` for finite values and infinities; NaN hashes by identity
/// in CPython, for which `nan_identity` stands in.
pub fn hash_f64(v: f64, nan_identity: u64) -> i64 {
    if !v.is_finite() {
        if v.is_infinite() {
            return if v > 0.0 { HASH_INF } else { -HASH_INF };
        }
        // As `object.__hash__` (`pointer_hash`) hashes the same identity.
        return fix(nan_identity.rotate_right(4) as i64);
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (MODULUS_BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let bits = MODULUS_BITS as i32;
    let e = if e >= 0 { e % bits } else { bits - 1 - ((-1 - e) % bits) };
    x = ((x << e) & MODULUS) | (x >> (bits - e));
    let x = (x as i64).wrapping_mul(sign);
    fix(x)
}

/// `frexp`: v = m * 2**e with 0.5 <= |m| < 1 (m = 0 for v = 0).
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(v * f64::from_bits(0x4350_0000_0000_0000)); // 2**54
        return (m, e - 54);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022u64 << 52));
    (m, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn siphash13_matches_cpython_with_seed_0() {
        let _g = crate::gil::acquire();
        init(HashSeed::Fixed(0));
        // PYTHONHASHSEED=0 python3.11 -c "print(hash('abc'), hash('a'*20))"
        assert_eq!(hash_bytes(b"abc"), -4594863902769663758);
        assert_eq!(hash_bytes(&[b'a'; 20]), 3291541819775287794);
        // 'Ābc' is stored with two bytes per code point (PEP 393 UCS-2, little-endian).
        assert_eq!(hash_bytes(&[0x00, 0x01, b'b', 0, b'c', 0]), 2818048648587933916);
        init(HashSeed::Fixed(1));
        assert_eq!(hash_bytes(b"abc"), -4667308735975688587);
        init(HashSeed::Fixed(0));
    }

    #[test]
    fn numeric_hashes() {
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(1 << 61), 1);
        assert_eq!(hash_i64(-(1 << 61)), -2);
        assert_eq!(hash_f64(1.5, 0), 1152921504606846977);
        assert_eq!(hash_f64(-1.0, 0), -2);
        assert_eq!(hash_f64(2.0, 0), 2);
        assert_eq!(hash_f64(1e300, 0), 1224995262755759164);
        assert_eq!(hash_f64(5e-324, 0), 16777216);
        assert_eq!(hash_f64(1e-300, 0), 482449582752280463);
        assert_eq!(hash_bigint(false, &[0, 1]), 8); // 2**64
                                                    // 2**100 + 12345
        assert_eq!(hash_bigint(false, &[12345, 1 << 36]), 549755826233);
    }
}
