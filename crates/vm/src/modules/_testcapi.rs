//! `_testcapi`: the few functions of CPython's C-API test module whose meaning
//! does not depend on CPython's C internals, answered by pyrite's own
//! machinery, so that `Lib/test` can check pyrite's behaviour with them:
//!
//! - `exception_print(exc)`: PyErr_Display, the interpreter's own report of
//!   an uncaught exception (crate::traceback), written to `sys.stderr`;
//! - `traceback_print(tb, file)`: PyTraceBack_Print, the interpreter's own
//!   "Traceback (most recent call last):" and entries, written to `file`;
//! - `raise_exception(cls, n)`: PyErr_SetObject with the args `(0, .., n-1)`;
//! - `raise_memoryerror()`: PyErr_NoMemory;
//! - `make_exception_with_doc(name, doc, base, dict)`: PyErr_NewExceptionWithDoc,
//!   and `error`, the class PyErr_NewException made for the module;
//! - `float_pack(size, x, le)` / `float_unpack(data, le)`: PyFloat_Pack2/4/8
//!   and PyFloat_Unpack2/4/8, the IEEE formats struct's `e`, `f`, `d` use;
//! - `awaitType(x)`: an awaitable whose `__await__` returns `x` (tp_await);
//! - the limits (`INT_MAX`, `PY_SSIZE_T_MAX`, `FLT_MAX`, ...) of the
//!   platform's C types, which pyrite's conversions to C types check against
//!   as CPython's do.
//!
//! What only makes sense inside CPython (reference counts, allocator hooks
//! such as `set_nomemory`, the legacy Unicode representation, its object
//! layouts) is left out: a test that needs it gets an AttributeError or an
//! ImportError rather than a made-up answer.

use crate::exception::{exc_type, exc_type_value, ExcKind, PyErr, PyResult};
use crate::modules::ModuleBuilder;
use crate::objects::dict::DictObject;
use crate::objects::str::{new_str, StrObject};
use crate::objects::tuple::{new_tuple, TupleObject};
use crate::typeobj::{type_of, KwNames, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

/// PyArg_ParseTuple's count check for a METH_VARARGS function taking
/// exactly `n` positional arguments (keywords are refused first).
fn exact_args<'a>(vm: &mut Vm, fname: &str, args: &'a [Value], kw: KwNames, n: usize) -> PyResult<&'a [Value]> {
    crate::args::check_no_kwargs(vm, fname, kw)?;
    if args.len() != n {
        let msg = format!(
            "{fname}() takes exactly {n} argument{} ({} given)",
            if n == 1 { "" } else { "s" },
            args.len()
        );
        return Err(vm.type_error(msg));
    }
    Ok(args)
}

/// The `s` format unit: a str without NUL characters, as UTF-8.
fn c_string(vm: &mut Vm, fname: &str, position: usize, v: &Value) -> PyResult<String> {
    let Some(s) = v.downcast_ref::<StrObject>() else {
        let msg = format!("{fname}() argument {position} must be str, not {}", vm.type_name(v));
        return Err(vm.type_error(msg));
    };
    let text = s.to_string_lossy();
    if text.contains('\0') {
        return Err(vm.value_error("embedded null character"));
    }
    Ok(text)
}

/// `exception_print(value)`: PyErr_Display of `value` (with its own
/// traceback) on `sys.stderr`; a value that is no exception is reported as
/// CPython reports it ("TypeError: print_exception(): Exception expected ...").
fn exception_print(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let args = exact_args(vm, "exception_print", args, kw, 1)?;
    crate::traceback::display_exception(vm, &args[0]);
    Ok(Value::none())
}

/// `traceback_print(tb, file)`: PyTraceBack_Print of `tb` to `file`.
fn traceback_print(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let args = exact_args(vm, "traceback_print", args, kw, 2)?;
    crate::traceback::print_traceback(vm, &args[0], &args[1])?;
    Ok(Value::none())
}

/// `raise_exception(cls, n)`: raises `cls(0, 1, ..., n-1)` (PyErr_SetObject
/// with an args tuple); a `cls` that is not an exception class is a SystemError.
fn raise_exception(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let args = exact_args(vm, "raise_exception", args, kw, 2)?;
    let (cls, count) = (&args[0], &args[1]);
    let count = vm.arg_c_int(count)?;
    let is_exception_class = cls
        .downcast_ref::<TypeObject>()
        .is_some_and(|t| t.is_subtype(exc_type(ExcKind::BaseException)));
    if !is_exception_class {
        let msg = format!("_PyErr_SetObject: exception {} is not a BaseException subclass", vm.repr_string(cls)?);
        return Err(vm.new_error(ExcKind::SystemError, msg));
    }
    // PyTuple_New of a negative size is a bad internal call.
    let Ok(count) = usize::try_from(count) else {
        return Err(bad_internal_call(vm));
    };
    let exc_args: Vec<Value> = (0..count as i64).map(Value::int).collect();
    let exc = vm.call(cls, &exc_args, None)?;
    if !type_of(&exc).is_subtype(exc_type(ExcKind::BaseException)) {
        let msg = format!(
            "calling {} should have returned an instance of BaseException, not {}",
            vm.repr_string(cls)?,
            vm.repr_string(&type_of(&exc).as_value())?
        );
        return Err(vm.type_error(msg));
    }
    Err(PyErr::new(exc))
}

/// PyErr_BadInternalCall (CPython names the C file and line; pyrite has none).
fn bad_internal_call(vm: &mut Vm) -> PyErr {
    vm.new_error(ExcKind::SystemError, "bad argument to internal function")
}

/// `raise_memoryerror()`: PyErr_NoMemory, a MemoryError without arguments.
fn raise_memoryerror(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "_testcapi.raise_memoryerror", kw)?;
    if !args.is_empty() {
        let msg = format!("_testcapi.raise_memoryerror() takes no arguments ({} given)", args.len());
        return Err(vm.type_error(msg));
    }
    Err(PyErr::new(crate::exception::new_exception_noargs(ExcKind::MemoryError)))
}

/// PyErr_NewException: a class `name` ("module.class": the part before the
/// last dot becomes `__module__` unless `dict` has one) deriving from `base`
/// (a class or a tuple of them; Exception when None), with `dict` as its
/// namespace (a new dict when None; a given dict receives `__module__`).
fn new_exception_class(vm: &mut Vm, name: &str, base: Option<Value>, dict: Option<Value>) -> PyResult<Value> {
    let Some(dot) = name.rfind('.') else {
        return Err(vm.new_error(ExcKind::SystemError, "PyErr_NewException: name must be module.class"));
    };
    let dict = dict.unwrap_or_else(DictObject::new_value);
    let Some(d) = dict.downcast_ref::<DictObject>() else {
        return Err(bad_internal_call(vm));
    };
    let module_key = vm.intern("__module__");
    if d.get_item(vm, &module_key)?.is_none() {
        d.set_item(vm, module_key, new_str(&name[..dot]))?;
    }
    let base = base.unwrap_or_else(|| exc_type_value(ExcKind::Exception));
    let bases = if base.downcast_ref::<TupleObject>().is_some() { base } else { new_tuple(vec![base]) };
    let type_type = crate::typeobj::TYPE_TYPE.get().as_value();
    vm.call(&type_type, &[new_str(&name[dot + 1..]), bases, dict], None)
}

/// `make_exception_with_doc(name, doc=None, base=None, dict=None)`:
/// PyErr_NewExceptionWithDoc, which puts `doc` in the namespace as `__doc__`.
fn make_exception_with_doc(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    const FNAME: &str = "make_exception_with_doc";
    let a = crate::args::ArgSpec::parse(vm, FNAME, args, kw, &["name", "doc", "base", "dict"], 4, 1)?;
    let name = match &a[0] {
        Some(v) => c_string(vm, FNAME, 1, v)?,
        None => return Err(vm.type_error("make_exception_with_doc() missing required argument 'name' (pos 1)")),
    };
    let doc = match &a[1] {
        Some(v) => Some(c_string(vm, FNAME, 2, v)?),
        None => None,
    };
    let dict = a[3].clone().unwrap_or_else(DictObject::new_value);
    if let Some(doc) = doc {
        let Some(d) = dict.downcast_ref::<DictObject>() else {
            return Err(bad_internal_call(vm));
        };
        let key = vm.intern("__doc__");
        d.set_item(vm, key, new_str(&doc))?;
    }
    new_exception_class(vm, &name, a[2].clone(), Some(dict))
}

/// PyArg_ParseTuple's count check for a format without a function name.
fn exact_unnamed_args<'a>(vm: &mut Vm, args: &'a [Value], kw: KwNames, n: usize) -> PyResult<&'a [Value]> {
    crate::args::check_no_kwargs(vm, "function", kw)?;
    if args.len() != n {
        let msg = format!("function takes exactly {n} arguments ({} given)", args.len());
        return Err(vm.type_error(msg));
    }
    Ok(args)
}

/// `float_pack(size, x, le)`: PyFloat_Pack2/4/8, the IEEE 754 half, single
/// or double of `x` in little-endian order when `le` is non-zero.
fn float_pack(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let args = exact_unnamed_args(vm, args, kw, 3)?;
    let size = vm.arg_c_int(&args[0])?;
    let x = super::math::to_f64(vm, &args[1])?;
    let little = vm.arg_c_int(&args[2])? != 0;
    let mut data = match size {
        2 => match super::_struct::pack_half(x) {
            Some(h) => h.to_le_bytes().to_vec(),
            None => return Err(vm.new_error(ExcKind::OverflowError, "float too large to pack with e format")),
        },
        4 => {
            let single = x as f32;
            if single.is_infinite() && x.is_finite() {
                return Err(vm.new_error(ExcKind::OverflowError, "float too large to pack with f format"));
            }
            single.to_le_bytes().to_vec()
        }
        8 => x.to_le_bytes().to_vec(),
        _ => return Err(vm.value_error("size must 2, 4 or 8")),
    };
    if !little {
        data.reverse();
    }
    Ok(crate::objects::bytes::new_bytes_from_vec(data))
}

/// `float_unpack(data, le)`: PyFloat_Unpack2/4/8 of 2, 4 or 8 bytes.
fn float_unpack(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let args = exact_unnamed_args(vm, args, kw, 2)?;
    // The `y#` format unit: bytes only (other buffers may be writable).
    let Some(bytes) = args[0].downcast_ref::<crate::objects::bytes::BytesObject>() else {
        let msg = if crate::objects::memoryview::is_bytes_like(&args[0]) {
            format!("argument 1 must be read-only bytes-like object, not {}", vm.type_name(&args[0]))
        } else {
            format!("a bytes-like object is required, not '{}'", vm.type_name(&args[0]))
        };
        return Err(vm.type_error(msg));
    };
    let mut data = bytes.data().to_vec();
    let little = vm.arg_c_int(&args[1])? != 0;
    if !little {
        data.reverse();
    }
    let x = match data[..] {
        [a, b] => super::_struct::unpack_half(u16::from_le_bytes([a, b])),
        [a, b, c, d] => f32::from_le_bytes([a, b, c, d]) as f64,
        [a, b, c, d, e, f, g, h] => f64::from_le_bytes([a, b, c, d, e, f, g, h]),
        _ => return Err(vm.value_error("data length must 2, 4 or 8 bytes")),
    };
    Ok(Value::float(x))
}

/// `awaitType(x)`: an object whose tp_await (`__await__`) returns `x` as
/// it is, for the checks `await` makes of what `__await__` returns.
struct AwaitObject(Value);

impl crate::objects::native::NativeData for AwaitObject {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.0);
    }
}

static AWAIT_TYPE: crate::modules::NativeType = crate::modules::NativeType::new();

fn await_type() -> &'static TypeObject {
    AWAIT_TYPE.get_or_init(|st| {
        let t = crate::modules::init_native_type(
            st,
            "builtins",
            "awaitType",
            crate::object::LayoutKind::Native,
            &crate::typeobj::OBJECT_TYPE,
            0,
            |s| {
                s.new = Some(|vm, _cls, args, kw| {
                    crate::args::check_no_kwargs(vm, "awaitObject", kw)?;
                    // PyArg_UnpackTuple's message.
                    let [arg] = args else {
                        let msg = format!("awaitObject expected 1 argument, got {}", args.len());
                        return Err(vm.type_error(msg));
                    };
                    Ok(crate::objects::native::new_native(await_type(), AwaitObject(arg.clone())))
                });
            },
        );
        crate::typeinit::add_method_to(t, "__await__", |vm, args, _kw| {
            let [me] = crate::args::ArgSpec::exact::<1>(vm, "__await__", args, 1)?;
            match me.native_ref::<AwaitObject>() {
                Some(a) => Ok(a.0.clone()),
                None => Err(vm.type_error("descriptor '__await__' requires a 'awaitType' object")),
            }
        });
    })
}

pub(crate) fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_testcapi");
    m.type_(await_type());
    m.functions(&[
        ("exception_print", exception_print),
        ("traceback_print", traceback_print),
        ("raise_exception", raise_exception),
        ("raise_memoryerror", raise_memoryerror),
        ("make_exception_with_doc", make_exception_with_doc),
        ("float_pack", float_pack),
        ("float_unpack", float_unpack),
    ]);
    let error = new_exception_class(vm, "_testcapi.error", None, None)?;
    m.value("error", error);
    // The limits of the C types on this platform (LP64: long is 64 bits).
    let ints: [(&str, i128); 17] = [
        ("CHAR_MAX", libc::c_char::MAX as i128),
        ("CHAR_MIN", libc::c_char::MIN as i128),
        ("UCHAR_MAX", u8::MAX as i128),
        ("SHRT_MAX", i16::MAX as i128),
        ("SHRT_MIN", i16::MIN as i128),
        ("USHRT_MAX", u16::MAX as i128),
        ("INT_MAX", i32::MAX as i128),
        ("INT_MIN", i32::MIN as i128),
        ("UINT_MAX", u32::MAX as i128),
        ("LONG_MAX", libc::c_long::MAX as i128),
        ("LONG_MIN", libc::c_long::MIN as i128),
        ("ULONG_MAX", libc::c_ulong::MAX as i128),
        ("PY_SSIZE_T_MAX", isize::MAX as i128),
        ("PY_SSIZE_T_MIN", isize::MIN as i128),
        ("LLONG_MAX", libc::c_longlong::MAX as i128),
        ("LLONG_MIN", libc::c_longlong::MIN as i128),
        ("ULLONG_MAX", libc::c_ulonglong::MAX as i128),
    ];
    for (name, v) in ints {
        m.value(name, crate::objects::int::int_from_big(v.into()));
    }
    m.value("FLT_MAX", Value::float(f32::MAX as f64));
    m.value("FLT_MIN", Value::float(f32::MIN_POSITIVE as f64));
    m.value("DBL_MAX", Value::float(f64::MAX));
    m.value("DBL_MIN", Value::float(f64::MIN_POSITIVE));
    Ok(m.finish())
}
