//! `_sha3`: SHA3-224..512 and SHAKE-128/256, whose types are their own
//! constructors (`_sha3.sha3_256(data=b'', /, *, usedforsecurity=True)`).

use super::hash_common::{data_arg, hash_type, new_hash, Algo, HashKind};
use crate::exception::PyResult;
use crate::modules::{ModuleBuilder, NativeType};
use crate::objects::str::new_str;
use crate::typeobj::{KwNames, TypeObject};
use crate::value::Value;
use crate::vm::Vm;
use sha3::digest::Digest;

macro_rules! sha3_kind {
    ($ty:ident, $kind:ident, $name:literal, $block:literal, $digest:literal, $suffix:literal) => {
        static $ty: NativeType = NativeType::new();
        static $kind: HashKind = HashKind {
            module: "_sha3",
            name: $name,
            block_size: $block,
            digest_size: $digest,
            sha3_suffix: Some($suffix),
            copy_with_defining_class: false,
            ty: &$ty,
        };
    };
}

sha3_kind!(SHA3_224_TYPE, SHA3_224, "sha3_224", 144, 28, 0x06);
sha3_kind!(SHA3_256_TYPE, SHA3_256, "sha3_256", 136, 32, 0x06);
sha3_kind!(SHA3_384_TYPE, SHA3_384, "sha3_384", 104, 48, 0x06);
sha3_kind!(SHA3_512_TYPE, SHA3_512, "sha3_512", 72, 64, 0x06);
sha3_kind!(SHAKE_128_TYPE, SHAKE_128, "shake_128", 168, 0, 0x1f);
sha3_kind!(SHAKE_256_TYPE, SHAKE_256, "shake_256", 136, 0, 0x1f);

/// The kind whose type is `cls` (the types are not subclassable).
fn kind_of(cls: &Value) -> &'static HashKind {
    let kinds: [&'static HashKind; 6] = [&SHA3_224, &SHA3_256, &SHA3_384, &SHA3_512, &SHAKE_128, &SHAKE_256];
    let t = cls.downcast_ref::<TypeObject>();
    kinds
        .into_iter()
        .find(|k| k.ty.get().zip(t).is_some_and(|(a, b)| std::ptr::eq(a, b)))
        .unwrap_or(&SHA3_256)
}

fn sha3_new(vm: &mut Vm, cls: &Value, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let kind = kind_of(cls);
    // CPython's SHA-3 types share one constructor, which names itself so.
    let data = data_arg(vm, "sha3_224", args, kw)?;
    let algo = match kind.name {
        "sha3_224" => Algo::Sha3_224(sha3::Sha3_224::new()),
        "sha3_256" => Algo::Sha3_256(sha3::Sha3_256::new()),
        "sha3_384" => Algo::Sha3_384(sha3::Sha3_384::new()),
        "sha3_512" => Algo::Sha3_512(sha3::Sha3_512::new()),
        "shake_128" => Algo::Shake128(sha3::Shake128::default()),
        _ => Algo::Shake256(sha3::Shake256::default()),
    };
    let ty = hash_type(kind, Some(sha3_new), |_| {});
    new_hash(vm, kind, ty, algo, kind.digest_size, data.as_ref())
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_sha3");
    for kind in [&SHA3_224, &SHA3_256, &SHA3_384, &SHA3_512, &SHAKE_128, &SHAKE_256] {
        m.value(kind.name, hash_type(kind, Some(sha3_new), |_| {}).as_value());
    }
    m.value("implementation", new_str("tiny_sha3"));
    m.int("keccakopt", 0);
    Ok(m.finish())
}
