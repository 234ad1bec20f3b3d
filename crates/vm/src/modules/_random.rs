//! `_random`: the Mersenne Twister (MT19937) exactly as CPython seeds and
//! draws from it, so that `random.seed(42); random.random()` gives CPython's
//! numbers. Lib/random.py builds everything else on `random()`,
//! `getrandbits()`, `seed()`, `getstate()` and `setstate()`.

use crate::args::check_no_kwargs;
use crate::exception::{ExcKind, PyResult};
use crate::modules::itertools::{positional, self_arg, state};
use crate::modules::{init_native_type, ModuleBuilder, NativeType};
use crate::object::LayoutKind;
use crate::objects::int::{as_int, int_from_big, IntView};
use crate::objects::native::{new_native, NativeData};
use crate::objects::singletons::none;
use crate::objects::tuple::{new_tuple, TupleObject};
use crate::typeinit::add_method_to;
use crate::typeobj::{type_flags, KwNames, TypeObject, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::{BigInt, BigUint, Sign};
use std::cell::RefCell;

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The generator state: 624 words and the position of the next one.
#[derive(Clone)]
pub(crate) struct Mt {
    state: [u32; N],
    index: usize,
}

impl Mt {
    fn new() -> Mt {
        let mut m = Mt { state: [0; N], index: N + 1 };
        m.init_genrand(19_650_218);
        m
    }

    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32.wrapping_mul(prev ^ (prev >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// Seeds from a key of 32-bit words (the reference init_by_array).
    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        let klen = key.len().max(1);
        let mut k = N.max(klen);
        while k > 0 {
            let prev = mt[i - 1];
            let kj = key.get(j).copied().unwrap_or(0);
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(kj)
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= klen {
                j = 0;
            }
            k -= 1;
        }
        k = N - 1;
        while k > 0 {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            k -= 1;
        }
        mt[0] = 0x8000_0000;
        self.index = N;
    }

    pub(crate) fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            let mt = &mut self.state;
            let mag = |y: u32| if y & 1 != 0 { MATRIX_A } else { 0 };
            for kk in 0..N - M {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag(y);
            }
            for kk in N - M..N - 1 {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag(y);
            }
            let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag(y);
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits.
    pub(crate) fn next_f64(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }
}

struct RandomState(RefCell<Mt>);

impl NativeData for RandomState {}

static RANDOM: NativeType = NativeType::new();

fn random_type() -> &'static TypeObject {
    RANDOM.get_or_init(|st| {
        let t = init_native_type(
            st,
            "_random",
            "Random",
            LayoutKind::Native,
            &OBJECT_TYPE,
            type_flags::BASETYPE,
            |s| {
                s.new = Some(random_new);
                s.init = Some(random_init);
            },
        );
        add_method_to(t, "random", random_random);
        add_method_to(t, "seed", random_seed);
        add_method_to(t, "getstate", random_getstate);
        add_method_to(t, "setstate", random_setstate);
        add_method_to(t, "getrandbits", random_getrandbits);
    })
}

fn random_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let t = cls
        .downcast_ref::<TypeObject>()
        .filter(|t| t.layout == LayoutKind::Native)
        .unwrap_or(random_type());
    if std::ptr::eq(t, random_type()) {
        check_no_kwargs(vm, "Random", kwnames)?;
    }
    let _ = args;
    Ok(new_native(t, RandomState(RefCell::new(Mt::new()))))
}

fn random_init(vm: &mut Vm, me: &Value, args: &[Value], kwnames: KwNames) -> PyResult<()> {
    let is_base_init = crate::typeobj::type_of(me).slots().init.map(|f| f as usize) == Some(random_init as *const () as usize);
    if is_base_init {
        check_no_kwargs(vm, "Random", kwnames)?;
    }
    let npos = args.len() - kwnames.and_then(|k| k.downcast_ref::<TupleObject>()).map_or(0, |t| t.len());
    if npos > 1 {
        return Err(vm.type_error("Random() requires 0 or 1 argument"));
    }
    let st = state::<RandomState>(vm, me, "_random.Random")?;
    seed_with(vm, st, args.first().filter(|_| npos == 1))
}

fn urandom_key() -> Vec<u32> {
    use std::io::Read;
    let mut buf = [0u8; N * 4];
    let ok = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf)).is_ok();
    if !ok {
        // As CPython's fallback: time and pid.
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        return vec![t as u32, (t >> 32) as u32, std::process::id()];
    }
    buf.chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

fn seed_with(vm: &mut Vm, st: &RandomState, arg: Option<&Value>) -> PyResult<()> {
    let key: Vec<u32> = match arg {
        None => urandom_key(),
        Some(a) if a.is_none() => urandom_key(),
        Some(a) => {
            let magnitude: BigUint = match as_int(a) {
                Some(IntView::Small(i)) => BigUint::from(i.unsigned_abs()),
                Some(IntView::Big(b)) => b.magnitude().clone(),
                None => {
                    // Other objects seed from their hash, as a size_t.
                    let h = vm.hash(a)?;
                    BigUint::from(h as u64)
                }
            };
            let mut words = magnitude.to_u32_digits();
            if words.is_empty() {
                words.push(0);
            }
            words
        }
    };
    st.0.borrow_mut().init_by_array(&key);
    Ok(())
}

fn random_seed(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "seed", args, kw, 1, 2)?;
    let st = state::<RandomState>(vm, &a[0], "_random.Random")?;
    seed_with(vm, st, a.get(1))?;
    Ok(none())
}

fn random_random(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (_, st) = self_arg::<RandomState>(vm, args, "_random.Random")?;
    if args.len() > 1 || kw.is_some() {
        let n = args.len() - 1;
        return Err(vm.type_error(format!("Random.random() takes no arguments ({n} given)")));
    }
    let f = st.0.borrow_mut().next_f64();
    Ok(Value::float(f))
}

fn random_getrandbits(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "getrandbits", args, kw, 2, 2)?;
    let st = state::<RandomState>(vm, &a[0], "_random.Random")?;
    if a[1].is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let k = vm.index(&a[1])?;
    let k = match as_int(&k).and_then(|i| i.to_i64()) {
        Some(k) if k <= i32::MAX as i64 && k >= i32::MIN as i64 => k,
        _ => {
            return Err(vm.new_error(
                ExcKind::OverflowError,
                "Python int too large to convert to C int",
            ))
        }
    };
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(Value::int(0));
    }
    let mut mt = st.0.borrow_mut();
    if k <= 32 {
        return Ok(Value::int((mt.next_u32() >> (32 - k)) as i64));
    }
    let words = ((k - 1) / 32 + 1) as usize;
    let mut out = Vec::with_capacity(words);
    let mut left = k;
    for _ in 0..words {
        let mut r = mt.next_u32();
        if left < 32 {
            r >>= 32 - left;
        }
        out.push(r);
        left -= 32;
    }
    drop(mt);
    Ok(int_from_big(BigInt::from_biguint(Sign::Plus, BigUint::new(out))))
}

fn random_getstate(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "getstate", args, kw, 1, 1)?;
    let st = state::<RandomState>(vm, &a[0], "_random.Random")?;
    let mt = st.0.borrow();
    let mut items: Vec<Value> = mt.state.iter().map(|&w| Value::int(w as i64)).collect();
    items.push(Value::int(mt.index as i64));
    Ok(new_tuple(items))
}

fn random_setstate(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "setstate", args, kw, 2, 2)?;
    let st = state::<RandomState>(vm, &a[0], "_random.Random")?;
    let Some(t) = a[1].downcast_ref::<TupleObject>() else {
        return Err(vm.type_error("state vector must be a tuple"));
    };
    if t.len() != N + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut new_state = [0u32; N];
    for (i, v) in t.items().iter().take(N).enumerate() {
        let Some(iv) = as_int(v) else {
            return Err(vm.type_error("an integer is required"));
        };
        if iv.is_negative() {
            return Err(vm.new_error(
                ExcKind::OverflowError,
                "can't convert negative value to unsigned int",
            ));
        }
        let big = iv.to_bigint();
        let digits = big.magnitude().to_u64_digits();
        if digits.len() > 1 {
            return Err(vm.new_error(
                ExcKind::OverflowError,
                "Python int too large to convert to C unsigned long",
            ));
        }
        new_state[i] = digits.first().copied().unwrap_or(0) as u32;
    }
    let idx_v = &t.items()[N];
    let Some(idx) = as_int(idx_v).map(|i| i.to_i64()) else {
        return Err(vm.type_error("an integer is required"));
    };
    let idx = match idx {
        Some(i) if (0..=N as i64).contains(&i) => i as usize,
        Some(_) => return Err(vm.value_error("invalid state")),
        None => {
            return Err(vm.new_error(
                ExcKind::OverflowError,
                "Python int too large to convert to C long",
            ))
        }
    };
    let mut mt = st.0.borrow_mut();
    mt.state = new_state;
    mt.index = idx;
    Ok(none())
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_random");
    m.doc("Module implements the Mersenne Twister random number generator.");
    m.type_(random_type());
    Ok(m.finish())
}

#[cfg(test)]
mod tests {
    use super::Mt;

    #[test]
    fn matches_cpython_seed_42() {
        // random.seed(42) seeds with the key [42]; random.random() is then
        // 0.6394267984578837 in CPython.
        let mut m = Mt::new();
        m.init_by_array(&[42]);
        assert_eq!(m.next_f64(), 0.6394267984578837);
    }
}
