//! `_sha1`: the builtin SHA-1 that hashlib uses when OpenSSL's `_hashlib` is absent.

use super::hash_common::{hash_type, new_plain, string_arg, Algo, HashKind};
use crate::exception::PyResult;
use crate::modules::{ModuleBuilder, NativeType};
use crate::typeobj::KwNames;
use crate::value::Value;
use crate::vm::Vm;
use sha3::digest::Digest;

static SHA1_TYPE: NativeType = NativeType::new();
static SHA1: HashKind = HashKind {
    module: "_sha1",
    name: "sha1",
    block_size: 64,
    digest_size: 20,
    sha3_suffix: None,
    copy_with_defining_class: true,
    ty: &SHA1_TYPE,
};

fn sha1_new(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let data = string_arg(vm, "sha1", args, kw)?;
    new_plain(vm, &SHA1, Algo::Sha1(sha1::Sha1::new()), data.as_ref())
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_sha1");
    m.value("SHA1Type", hash_type(&SHA1, None, |_| {}).as_value());
    m.function("sha1", sha1_new);
    Ok(m.finish())
}
