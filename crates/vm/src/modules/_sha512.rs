//! `_sha512`: the builtin SHA-384 and SHA-512 that hashlib uses when
//! OpenSSL's `_hashlib` is absent (and that random.seed uses directly).

use super::hash_common::{hash_type, new_plain, string_arg, Algo, HashKind};
use crate::exception::PyResult;
use crate::modules::{ModuleBuilder, NativeType};
use crate::typeobj::KwNames;
use crate::value::Value;
use crate::vm::Vm;
use sha3::digest::Digest;

static SHA384_TYPE: NativeType = NativeType::new();
static SHA384: HashKind = HashKind {
    module: "_sha512",
    name: "sha384",
    block_size: 128,
    digest_size: 48,
    sha3_suffix: None,
    copy_with_defining_class: true,
    ty: &SHA384_TYPE,
};
static SHA512_TYPE: NativeType = NativeType::new();
static SHA512: HashKind = HashKind {
    module: "_sha512",
    name: "sha512",
    block_size: 128,
    digest_size: 64,
    sha3_suffix: None,
    copy_with_defining_class: true,
    ty: &SHA512_TYPE,
};

fn sha384_new(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let data = string_arg(vm, "sha384", args, kw)?;
    new_plain(vm, &SHA384, Algo::Sha384(sha2::Sha384::new()), data.as_ref())
}

fn sha512_new(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let data = string_arg(vm, "sha512", args, kw)?;
    new_plain(vm, &SHA512, Algo::Sha512(sha2::Sha512::new()), data.as_ref())
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_sha512");
    hash_type(&SHA384, None, |_| {});
    // CPython 3.11 registers both types under this one name, the SHA-512
    // type last.
    m.value("SHA384Type", hash_type(&SHA512, None, |_| {}).as_value());
    m.function("sha384", sha384_new);
    m.function("sha512", sha512_new);
    Ok(m.finish())
}
