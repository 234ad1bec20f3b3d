//! `_md5`: the builtin MD5 that hashlib uses when OpenSSL's `_hashlib` is absent.

use super::hash_common::{hash_type, new_plain, string_arg, Algo, HashKind};
use crate::exception::PyResult;
use crate::modules::{ModuleBuilder, NativeType};
use crate::typeobj::KwNames;
use crate::value::Value;
use crate::vm::Vm;
use sha3::digest::Digest;

static MD5_TYPE: NativeType = NativeType::new();
static MD5: HashKind = HashKind {
    module: "_md5",
    name: "md5",
    block_size: 64,
    digest_size: 16,
    sha3_suffix: None,
    copy_with_defining_class: true,
    ty: &MD5_TYPE,
};

fn md5_new(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let data = string_arg(vm, "md5", args, kw)?;
    new_plain(vm, &MD5, Algo::Md5(md5::Md5::new()), data.as_ref())
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_md5");
    m.value("MD5Type", hash_type(&MD5, None, |_| {}).as_value());
    m.function("md5", md5_new);
    Ok(m.finish())
}
