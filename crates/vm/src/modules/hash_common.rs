//! What the builtin hash modules (`_md5`, `_sha1`, `_sha256`, `_sha512`,
//! `_sha3`, `_blake2`) share: one hash object layout over every algorithm,
//! its methods (`update`, `digest`, `hexdigest`, `copy`) and attributes
//! (`name`, `digest_size`, `block_size`), and CPython's buffer checks.
//!
//! The algorithms come from RustCrypto (md-5, sha1, sha2, sha3) and from
//! blake2b_simd/blake2s_simd, whose parameter blocks cover every BLAKE2
//! keyword hashlib accepts.

use crate::args::{check_no_kwargs, ArgSpec};
use crate::exception::{ExcKind, PyResult};
use crate::modules::{init_native_type, NativeType};
use crate::object::LayoutKind;
use crate::objects::bytes::new_bytes_from_vec;
use crate::objects::int::as_int;
use crate::objects::native::{new_native, NativeData};
use crate::objects::str::{new_str, StrObject};
use crate::typeinit::{add_getset_to, add_method_to};
use crate::typeobj::{type_of, KwNames, TypeObject, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::Vm;
use sha3::digest::{Digest, ExtendableOutput, Update, XofReader};
use std::borrow::Cow;
use std::cell::RefCell;

/// The running state of one algorithm.
#[derive(Clone)]
pub(crate) enum Algo {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
    Sha3_224(sha3::Sha3_224),
    Sha3_256(sha3::Sha3_256),
    Sha3_384(sha3::Sha3_384),
    Sha3_512(sha3::Sha3_512),
    Shake128(sha3::Shake128),
    Shake256(sha3::Shake256),
    Blake2b(blake2b_simd::State),
    Blake2s(blake2s_simd::State),
}

impl Algo {
    fn update(&mut self, data: &[u8]) {
        match self {
            Algo::Md5(h) => Digest::update(h, data),
            Algo::Sha1(h) => Digest::update(h, data),
            Algo::Sha224(h) => Digest::update(h, data),
            Algo::Sha256(h) => Digest::update(h, data),
            Algo::Sha384(h) => Digest::update(h, data),
            Algo::Sha512(h) => Digest::update(h, data),
            Algo::Sha3_224(h) => Digest::update(h, data),
            Algo::Sha3_256(h) => Digest::update(h, data),
            Algo::Sha3_384(h) => Digest::update(h, data),
            Algo::Sha3_512(h) => Digest::update(h, data),
            Algo::Shake128(h) => Update::update(h, data),
            Algo::Shake256(h) => Update::update(h, data),
            Algo::Blake2b(h) => {
                h.update(data);
            }
            Algo::Blake2s(h) => {
                h.update(data);
            }
        }
    }

    /// The digest of what was fed so far (the state itself goes on);
    /// `xof_len` is the output length of the SHAKE algorithms.
    fn digest(&self, xof_len: usize) -> Vec<u8> {
        fn fixed<D: Digest + Clone>(h: &D) -> Vec<u8> {
            h.clone().finalize().to_vec()
        }
        fn xof<X: ExtendableOutput + Clone>(h: &X, len: usize) -> Vec<u8> {
            let mut out = vec![0u8; len];
            h.clone().finalize_xof().read(&mut out);
            out
        }
        match self {
            Algo::Md5(h) => fixed(h),
            Algo::Sha1(h) => fixed(h),
            Algo::Sha224(h) => fixed(h),
            Algo::Sha256(h) => fixed(h),
            Algo::Sha384(h) => fixed(h),
            Algo::Sha512(h) => fixed(h),
            Algo::Sha3_224(h) => fixed(h),
            Algo::Sha3_256(h) => fixed(h),
            Algo::Sha3_384(h) => fixed(h),
            Algo::Sha3_512(h) => fixed(h),
            Algo::Shake128(h) => xof(h, xof_len),
            Algo::Shake256(h) => xof(h, xof_len),
            Algo::Blake2b(h) => h.finalize().as_bytes().to_vec(),
            Algo::Blake2s(h) => h.finalize().as_bytes().to_vec(),
        }
    }
}

/// What a hash type tells about its algorithm.
pub(crate) struct HashKind {
    /// The module that defines the type (`_sha256`).
    pub module: &'static str,
    /// The type's name, also the hash's `name` (`sha224`).
    pub name: &'static str,
    pub block_size: usize,
    /// The digest size (0 for SHAKE, whose length `digest()` takes).
    pub digest_size: usize,
    /// SHA-3 family: the `_capacity_bits`, `_rate_bits`, `_suffix` attributes.
    pub sha3_suffix: Option<u8>,
    /// `copy()` rejects arguments with "copy() takes no arguments" (the
    /// MD5/SHA-1/SHA-2 objects, whose copy takes CPython's defining class).
    pub copy_with_defining_class: bool,
    pub ty: &'static NativeType,
}

impl HashKind {
    fn is_xof(&self) -> bool {
        self.sha3_suffix == Some(0x1f)
    }
}

/// A hash object's state.
pub(crate) struct HashState {
    kind: &'static HashKind,
    /// Fixed per object: BLAKE2 chooses it when the object is made.
    digest_size: usize,
    algo: RefCell<Algo>,
}

impl NativeData for HashState {}

/// The hash type of `kind`, built on first use. `new` is the type's
/// constructor for the kinds that have one.
pub(crate) fn hash_type(
    kind: &'static HashKind,
    new: Option<crate::typeobj::NewFn>,
    configure: impl FnOnce(&'static TypeObject),
) -> &'static TypeObject {
    kind.ty.get_or_init(|st| {
        let t = init_native_type(st, kind.module, kind.name, LayoutKind::Native, &OBJECT_TYPE, 0, |s| {
            s.new = Some(new.unwrap_or(no_new));
        });
        add_method_to(t, "update", hash_update);
        add_method_to(t, "digest", hash_digest);
        add_method_to(t, "hexdigest", hash_hexdigest);
        add_method_to(t, "copy", hash_copy);
        add_getset_to(t, "name", hash_name, None);
        add_getset_to(t, "digest_size", hash_digest_size, None);
        add_getset_to(t, "block_size", hash_block_size, None);
        if kind.sha3_suffix.is_some() {
            add_getset_to(t, "_capacity_bits", sha3_capacity_bits, None);
            add_getset_to(t, "_rate_bits", sha3_rate_bits, None);
            add_getset_to(t, "_suffix", sha3_suffix, None);
        }
        configure(t);
    })
}

/// `__new__` of the types that only the module's function makes.
fn no_new(vm: &mut Vm, cls: &Value, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let name = match cls.downcast_ref::<TypeObject>() {
        Some(t) => {
            let module = crate::types::object_ty::type_module_name(t).unwrap_or_default();
            format!("{module}.{}", t.name_string())
        }
        None => String::from("?"),
    };
    Err(vm.type_error(format!("cannot create '{name}' instances")))
}

/// A new hash object of `kind` (of type `ty`, which is `kind`'s type or,
/// for BLAKE2, possibly a subclass), fed `data` if given.
pub(crate) fn new_hash(
    vm: &mut Vm,
    kind: &'static HashKind,
    ty: &TypeObject,
    mut algo: Algo,
    digest_size: usize,
    data: Option<&Value>,
) -> PyResult<Value> {
    if let Some(d) = data {
        let bytes = hash_buffer(vm, d)?;
        algo.update(&bytes);
    }
    Ok(new_native(
        ty,
        HashState {
            kind,
            digest_size,
            algo: RefCell::new(algo),
        },
    ))
}

/// A new hash object of `kind`'s own type.
pub(crate) fn new_plain(vm: &mut Vm, kind: &'static HashKind, algo: Algo, data: Option<&Value>) -> PyResult<Value> {
    let ty = hash_type(kind, None, |_| {});
    new_hash(vm, kind, ty, algo, kind.digest_size, data)
}

/// The bytes of a hashed argument, with hashlib's messages (hashlib.h).
pub(crate) fn hash_buffer<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<Cow<'a, [u8]>> {
    if v.downcast_ref::<StrObject>().is_some() {
        return Err(vm.type_error("Strings must be encoded before hashing"));
    }
    // A multi-dimensional view is hashed as its bytes: a simple-buffer
    // request of a contiguous memoryview is one-dimensional.
    match crate::objects::memoryview::bytes_like(vm, v)? {
        Some(b) => Ok(b),
        None => Err(vm.type_error("object supporting the buffer API required")),
    }
}

fn method_self<'a>(vm: &mut Vm, args: &'a [Value], method: &str) -> PyResult<(&'a HashState, String)> {
    let Some(me) = args.first() else {
        return Err(vm.type_error(format!("descriptor '{method}' needs an argument")));
    };
    match me.native_ref::<HashState>() {
        Some(st) => Ok((st, format!("{}.{method}", st.kind.name))),
        None => {
            let msg = format!("descriptor '{method}' requires a hash object but received a '{}'", vm.type_name(me));
            Err(vm.type_error(msg))
        }
    }
}

fn getter_state<'a>(vm: &mut Vm, me: &'a Value) -> PyResult<&'a HashState> {
    match me.native_ref::<HashState>() {
        Some(st) => Ok(st),
        None => {
            let msg = format!("descriptor requires a hash object but received a '{}'", vm.type_name(me));
            Err(vm.type_error(msg))
        }
    }
}

fn hash_update(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (st, fname) = method_self(vm, args, "update")?;
    check_no_kwargs(vm, &fname, kw)?;
    let [_, data] = ArgSpec::exact::<2>(vm, &fname, args, 1)?;
    let bytes = hash_buffer(vm, &data)?;
    // No Python code runs while the state is borrowed.
    st.algo.borrow_mut().update(&bytes);
    Ok(crate::objects::singletons::none())
}

/// The digest of `args[0]`'s state: no argument, or SHAKE's length.
fn digest_of(vm: &mut Vm, args: &[Value], kw: KwNames, method: &str) -> PyResult<Vec<u8>> {
    let (st, fname) = method_self(vm, args, method)?;
    check_no_kwargs(vm, &fname, kw)?;
    if !st.kind.is_xof() {
        ArgSpec::exact::<1>(vm, &fname, args, 1)?;
        return Ok(st.algo.borrow().digest(0));
    }
    let [_, length] = ArgSpec::exact::<2>(vm, &fname, args, 1)?;
    let len = unsigned_long(vm, &length)?;
    if len >= 1 << 29 {
        return Err(vm.value_error("length is too large"));
    }
    // Invariant: len < 2**29, so it fits a usize.
    Ok(st.algo.borrow().digest(len as usize))
}

/// Argument Clinic's `unsigned_long` converter (no `__index__`).
fn unsigned_long(vm: &mut Vm, v: &Value) -> PyResult<u64> {
    match as_int(v) {
        Some(i) if i.is_negative() => Err(vm.value_error("value must be positive")),
        Some(i) => match i.to_bigint().try_into() {
            Ok(u) => Ok(u),
            Err(_) => Err(vm.new_error(
                ExcKind::OverflowError,
                "Python int too large to convert to C unsigned long",
            )),
        },
        None => Err(vm.type_error("an integer is required")),
    }
}

fn hash_digest(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let d = digest_of(vm, args, kw, "digest")?;
    Ok(new_bytes_from_vec(d))
}

fn hash_hexdigest(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let d = digest_of(vm, args, kw, "hexdigest")?;
    Ok(new_str(&hex_lower(&d)))
}

/// Lower-case hex digits of `data`.
pub(crate) fn hex_lower(data: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(data.len() * 2);
    for &b in data {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

fn hash_copy(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (st, fname) = method_self(vm, args, "copy")?;
    if st.kind.copy_with_defining_class {
        // Argument Clinic's `defining_class` methods word it so (and, in
        // 3.11, let keyword arguments pass unnoticed).
        let nkw = kw
            .and_then(|k| k.downcast_ref::<crate::objects::tuple::TupleObject>())
            .map_or(0, |t| t.len());
        if args.len() > 1 + nkw {
            return Err(vm.type_error("copy() takes no arguments"));
        }
    } else {
        check_no_kwargs(vm, &fname, kw)?;
        ArgSpec::exact::<1>(vm, &fname, args, 1)?;
    }
    let algo = st.algo.borrow().clone();
    Ok(new_native(
        type_of(&args[0]),
        HashState {
            kind: st.kind,
            digest_size: st.digest_size,
            algo: RefCell::new(algo),
        },
    ))
}

fn hash_name(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    Ok(new_str(getter_state(vm, me)?.kind.name))
}

fn hash_digest_size(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    Ok(Value::int(getter_state(vm, me)?.digest_size as i64))
}

fn hash_block_size(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    Ok(Value::int(getter_state(vm, me)?.kind.block_size as i64))
}

/// Keccak's capacity: 1600 bits less the rate (the block size).
fn sha3_capacity_bits(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let st = getter_state(vm, me)?;
    Ok(Value::int(1600 - 8 * st.kind.block_size as i64))
}

fn sha3_rate_bits(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    Ok(Value::int(8 * getter_state(vm, me)?.kind.block_size as i64))
}

fn sha3_suffix(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let st = getter_state(vm, me)?;
    Ok(new_bytes_from_vec(vec![st.kind.sha3_suffix.unwrap_or(0)]))
}

/// `usedforsecurity` and the data of the `_md5.md5(string=b'', *,
/// usedforsecurity=True)`-style module functions.
pub(crate) fn string_arg(vm: &mut Vm, fname: &str, args: &[Value], kw: KwNames) -> PyResult<Option<Value>> {
    let mut a = ArgSpec::parse(vm, fname, args, kw, &["string", "usedforsecurity"], 1, 0)?;
    if let Some(u) = a[1].take() {
        vm.is_true(&u)?;
    }
    Ok(a[0].take())
}

/// The `(data=b'', /, *, usedforsecurity=True)` arguments of the `_sha3` types.
pub(crate) fn data_arg(vm: &mut Vm, fname: &str, args: &[Value], kw: KwNames) -> PyResult<Option<Value>> {
    // The empty name cannot be given as a keyword: `data` is positional-only.
    let mut a = ArgSpec::parse(vm, fname, args, kw, &["", "usedforsecurity"], 1, 0)?;
    if let Some(u) = a[1].take() {
        vm.is_true(&u)?;
    }
    Ok(a[0].take())
}
