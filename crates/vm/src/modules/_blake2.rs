//! `_blake2`: BLAKE2b and BLAKE2s with the whole parameter block (key, salt,
//! personalization and the tree-hashing fields), on blake2b_simd/blake2s_simd.

use super::hash_common::{hash_type, new_hash, Algo, HashKind};
use crate::args::ArgSpec;
use crate::exception::{ExcKind, PyResult};
use crate::modules::{ModuleBuilder, NativeType};
use crate::objects::int::as_int;
use crate::objects::memoryview::require_bytes_like;
use crate::typeinit::set_attr;
use crate::typeobj::{KwNames, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

static BLAKE2B_TYPE: NativeType = NativeType::new();
static BLAKE2B: HashKind = HashKind {
    module: "_blake2",
    name: "blake2b",
    block_size: 128,
    digest_size: 64,
    sha3_suffix: None,
    copy_with_defining_class: false,
    ty: &BLAKE2B_TYPE,
};
static BLAKE2S_TYPE: NativeType = NativeType::new();
static BLAKE2S: HashKind = HashKind {
    module: "_blake2",
    name: "blake2s",
    block_size: 64,
    digest_size: 32,
    sha3_suffix: None,
    copy_with_defining_class: false,
    ty: &BLAKE2S_TYPE,
};

/// The limits of one variant.
struct Limits {
    max_digest: usize,
    max_key: usize,
    salt: usize,
    person: usize,
    /// BLAKE2s keeps node_offset in 48 bits.
    max_node_offset: u64,
}

const LIMITS_B: Limits = Limits {
    max_digest: 64,
    max_key: 64,
    salt: 16,
    person: 16,
    max_node_offset: u64::MAX,
};
const LIMITS_S: Limits = Limits {
    max_digest: 32,
    max_key: 32,
    salt: 8,
    person: 8,
    max_node_offset: (1 << 48) - 1,
};

const PARAMS: [&str; 13] = [
    "",
    "digest_size",
    "key",
    "salt",
    "person",
    "fanout",
    "depth",
    "leaf_size",
    "node_offset",
    "node_depth",
    "inner_size",
    "last_node",
    "usedforsecurity",
];

/// Argument Clinic's `int` converter (`__index__`, C int range).
fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let i = vm.index(v)?;
    match as_int(&i).and_then(|i| i.to_i64()) {
        Some(n) if i32::try_from(n).is_ok() => Ok(n),
        _ => Err(vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C int")),
    }
}

/// Argument Clinic's `unsigned_long` / `unsigned_long_long` converters.
fn c_unsigned(vm: &mut Vm, v: &Value, too_big: &str) -> PyResult<u64> {
    match as_int(v) {
        Some(i) if i.is_negative() => Err(vm.value_error("value must be positive")),
        Some(i) => match i.to_bigint().try_into() {
            Ok(u) => Ok(u),
            Err(_) => Err(vm.new_error(ExcKind::OverflowError, too_big)),
        },
        None => Err(vm.type_error("an integer is required")),
    }
}

/// The converted keyword arguments, before their ranges are checked.
struct Blake2Args {
    digest_size: i64,
    key: Vec<u8>,
    salt: Vec<u8>,
    person: Vec<u8>,
    fanout: i64,
    depth: i64,
    leaf_size: u64,
    node_offset: u64,
    node_depth: i64,
    inner_size: i64,
    last_node: bool,
}

fn blake2_new(vm: &mut Vm, cls: &Value, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let is_s = cls
        .downcast_ref::<TypeObject>()
        .zip(BLAKE2S_TYPE.get())
        .is_some_and(|(a, b)| std::ptr::eq(a, b));
    let (kind, lim) = if is_s { (&BLAKE2S, &LIMITS_S) } else { (&BLAKE2B, &LIMITS_B) };
    let a = ArgSpec::parse(vm, kind.name, args, kw, &PARAMS, 1, 0)?;
    // Conversions in parameter order, as Argument Clinic does them.
    let mut p = Blake2Args {
        digest_size: lim.max_digest as i64,
        key: Vec::new(),
        salt: Vec::new(),
        person: Vec::new(),
        fanout: 1,
        depth: 1,
        leaf_size: 0,
        node_offset: 0,
        node_depth: 0,
        inner_size: 0,
        last_node: false,
    };
    if let Some(v) = &a[1] {
        p.digest_size = c_int(vm, v)?;
    }
    for (i, slot) in [(2, &mut p.key), (3, &mut p.salt), (4, &mut p.person)] {
        if let Some(v) = &a[i] {
            *slot = require_bytes_like(vm, v)?.into_owned();
        }
    }
    if let Some(v) = &a[5] {
        p.fanout = c_int(vm, v)?;
    }
    if let Some(v) = &a[6] {
        p.depth = c_int(vm, v)?;
    }
    if let Some(v) = &a[7] {
        p.leaf_size = c_unsigned(vm, v, "Python int too large to convert to C unsigned long")?;
    }
    if let Some(v) = &a[8] {
        p.node_offset = c_unsigned(vm, v, "int too big to convert")?;
    }
    if let Some(v) = &a[9] {
        p.node_depth = c_int(vm, v)?;
    }
    if let Some(v) = &a[10] {
        p.inner_size = c_int(vm, v)?;
    }
    if let Some(v) = &a[11] {
        p.last_node = vm.is_true(v)?;
    }
    if let Some(v) = &a[12] {
        vm.is_true(v)?;
    }
    let algo = make_state(vm, is_s, lim, &p)?;
    let ty = hash_type(kind, Some(blake2_new), |_| {});
    // Invariant: make_state checked 1 <= digest_size <= max_digest.
    new_hash(vm, kind, ty, algo, p.digest_size as usize, a[0].as_ref())
}

/// Checks the parameters as CPython does (same order, same messages) and
/// builds the state.
fn make_state(vm: &mut Vm, is_s: bool, lim: &Limits, p: &Blake2Args) -> PyResult<Algo> {
    if p.digest_size <= 0 || p.digest_size > lim.max_digest as i64 {
        let msg = format!("digest_size must be between 1 and {} bytes", lim.max_digest);
        return Err(vm.value_error(msg));
    }
    if p.salt.len() > lim.salt {
        return Err(vm.value_error(format!("maximum salt length is {} bytes", lim.salt)));
    }
    if p.person.len() > lim.person {
        return Err(vm.value_error(format!("maximum person length is {} bytes", lim.person)));
    }
    if !(0..=255).contains(&p.fanout) {
        return Err(vm.value_error("fanout must be between 0 and 255"));
    }
    if !(1..=255).contains(&p.depth) {
        return Err(vm.value_error("depth must be between 1 and 255"));
    }
    let Ok(leaf_size) = u32::try_from(p.leaf_size) else {
        return Err(vm.new_error(ExcKind::OverflowError, "leaf_size is too large"));
    };
    if p.node_offset > lim.max_node_offset {
        return Err(vm.new_error(ExcKind::OverflowError, "node_offset is too large"));
    }
    if !(0..=255).contains(&p.node_depth) {
        return Err(vm.value_error("node_depth must be between 0 and 255"));
    }
    if p.inner_size < 0 || p.inner_size > lim.max_digest as i64 {
        let msg = format!("inner_size must be between 0 and is {}", lim.max_digest);
        return Err(vm.value_error(msg));
    }
    if p.key.len() > lim.max_key {
        return Err(vm.value_error(format!("maximum key length is {} bytes", lim.max_key)));
    }
    // Invariant: every value below was range-checked above, so the
    // crates' parameter assertions hold.
    let (ds, fanout, depth, node_depth, inner) = (
        p.digest_size as usize,
        p.fanout as u8,
        p.depth as u8,
        p.node_depth as u8,
        p.inner_size as usize,
    );
    Ok(if is_s {
        let mut params = blake2s_simd::Params::new();
        params
            .hash_length(ds)
            .key(&p.key)
            .salt(&p.salt)
            .personal(&p.person)
            .fanout(fanout)
            .max_depth(depth)
            .max_leaf_length(leaf_size)
            .node_offset(p.node_offset)
            .node_depth(node_depth)
            .inner_hash_length(inner)
            .last_node(p.last_node);
        Algo::Blake2s(params.to_state())
    } else {
        let mut params = blake2b_simd::Params::new();
        params
            .hash_length(ds)
            .key(&p.key)
            .salt(&p.salt)
            .personal(&p.person)
            .fanout(fanout)
            .max_depth(depth)
            .max_leaf_length(leaf_size)
            .node_offset(p.node_offset)
            .node_depth(node_depth)
            .inner_hash_length(inner)
            .last_node(p.last_node);
        Algo::Blake2b(params.to_state())
    })
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_blake2");
    for (kind, lim, prefix) in [(&BLAKE2B, &LIMITS_B, "BLAKE2B"), (&BLAKE2S, &LIMITS_S, "BLAKE2S")] {
        let t = hash_type(kind, Some(blake2_new), |t| {
            set_attr(t, "SALT_SIZE", Value::int(lim.salt as i64));
            set_attr(t, "PERSON_SIZE", Value::int(lim.person as i64));
            set_attr(t, "MAX_KEY_SIZE", Value::int(lim.max_key as i64));
            set_attr(t, "MAX_DIGEST_SIZE", Value::int(lim.max_digest as i64));
        });
        m.value(kind.name, t.as_value());
        m.int(&format!("{prefix}_MAX_DIGEST_SIZE"), lim.max_digest as i64);
        m.int(&format!("{prefix}_MAX_KEY_SIZE"), lim.max_key as i64);
        m.int(&format!("{prefix}_PERSON_SIZE"), lim.person as i64);
        m.int(&format!("{prefix}_SALT_SIZE"), lim.salt as i64);
    }
    Ok(m.finish())
}
