//! `_sha256`: the builtin SHA-224 and SHA-256 that hashlib uses when
//! OpenSSL's `_hashlib` is absent.

use super::hash_common::{hash_type, new_plain, string_arg, Algo, HashKind};
use crate::exception::PyResult;
use crate::modules::{ModuleBuilder, NativeType};
use crate::typeobj::KwNames;
use crate::value::Value;
use crate::vm::Vm;
use sha3::digest::Digest;

static SHA224_TYPE: NativeType = NativeType::new();
static SHA224: HashKind = HashKind {
    module: "_sha256",
    name: "sha224",
    block_size: 64,
    digest_size: 28,
    sha3_suffix: None,
    copy_with_defining_class: true,
    ty: &SHA224_TYPE,
};
static SHA256_TYPE: NativeType = NativeType::new();
static SHA256: HashKind = HashKind {
    module: "_sha256",
    name: "sha256",
    block_size: 64,
    digest_size: 32,
    sha3_suffix: None,
    copy_with_defining_class: true,
    ty: &SHA256_TYPE,
};

fn sha224_new(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let data = string_arg(vm, "sha224", args, kw)?;
    new_plain(vm, &SHA224, Algo::Sha224(sha2::Sha224::new()), data.as_ref())
}

fn sha256_new(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let data = string_arg(vm, "sha256", args, kw)?;
    new_plain(vm, &SHA256, Algo::Sha256(sha2::Sha256::new()), data.as_ref())
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_sha256");
    m.value("SHA224Type", hash_type(&SHA224, None, |_| {}).as_value());
    m.value("SHA256Type", hash_type(&SHA256, None, |_| {}).as_value());
    m.function("sha224", sha224_new);
    m.function("sha256", sha256_new);
    Ok(m.finish())
}
