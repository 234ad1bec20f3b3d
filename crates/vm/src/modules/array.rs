//! `array`: typed arrays of numbers (and of `wchar_t` characters, typecode
//! 'u'), as CPython's Modules/arraymodule.c: every typecode, the sequence
//! protocol with slices, the methods, pickling through
//! `_array_reconstructor`, and the buffer protocol (registered with
//! `memoryview`'s provider list) so memoryview, bytes() and struct read it.
//!
//! Items are stored as native-endian machine values in one `Vec<u8>`; a
//! value is converted (with CPython's range errors) before any borrow is
//! taken, so no borrow is held while Python code runs.

use crate::args::check_no_kwargs;
use crate::exception::{ExcKind, PyErr, PyResult};
use crate::modules::itertools::{positional, self_arg, state};
use crate::modules::{init_native_type, ModuleBuilder, NativeType};
use crate::object::LayoutKind;
use crate::objects::bytes::{new_bytes, BytesObject};
use crate::objects::bytearray::ByteArrayObject;
use crate::objects::float::as_float;
use crate::objects::int::{as_int, IntView};
use crate::objects::list::{new_list, ListObject};
use crate::objects::memoryview::{register_buffer_provider, RawBuffer};
use crate::objects::native::{new_native, NativeData};
use crate::objects::singletons::{none, not_implemented};
use crate::objects::slice::SliceObject;
use crate::objects::str::{new_str, new_str_from_cps, StrObject};
use crate::objects::tuple::{new_tuple, TupleObject};
use crate::typeinit::{add_getset_to, add_method_to, set_attr};
use crate::typeobj::{nb, type_flags, type_of, CompareOp, KwNames, TypeObject, NB_INPLACE, OBJECT_TYPE};
use crate::types::str_ty::slice_indices;
use crate::value::Value;
use crate::vm::Vm;
use num_traits::ToPrimitive;
use std::cell::{Cell, RefCell};

static ARRAY: NativeType = NativeType::new();
static ARRAY_ITER: NativeType = NativeType::new();

const TYPECODES: &str = "bBuhHiIlLqQfd";

/// A typecode: its letter, item size, and how values convert.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Code(u8);

impl Code {
    fn from_char(c: u32) -> Option<Code> {
        if c < 128 && TYPECODES.as_bytes().contains(&(c as u8)) {
            Some(Code(c as u8))
        } else {
            None
        }
    }

    fn size(self) -> usize {
        match self.0 {
            b'b' | b'B' => 1,
            b'h' | b'H' => 2,
            b'i' | b'I' | b'f' | b'u' => 4,
            _ => 8,
        }
    }

    fn letter(self) -> char {
        self.0 as char
    }

    /// The struct-module format of the buffer.
    fn format(self) -> &'static str {
        match self.0 {
            b'b' => "b",
            b'B' => "B",
            b'u' => "u",
            b'h' => "h",
            b'H' => "H",
            b'i' => "i",
            b'I' => "I",
            b'l' => "l",
            b'L' => "L",
            b'q' => "q",
            b'Q' => "Q",
            b'f' => "f",
            _ => "d",
        }
    }

    /// CPython's machine format code on this (little-endian, LP64) machine.
    fn mformat(self) -> i64 {
        match self.0 {
            b'b' => 1,
            b'B' => 0,
            b'u' => 20,
            b'h' => 4,
            b'H' => 2,
            b'i' => 8,
            b'I' => 6,
            b'l' | b'q' => 12,
            b'L' | b'Q' => 10,
            b'f' => 14,
            _ => 16,
        }
    }

    /// Decodes one item (exactly `size` bytes).
    fn load(self, vm: &mut Vm, b: &[u8]) -> PyResult<Value> {
        let mut w = [0u8; 8];
        w[..b.len().min(8)].copy_from_slice(&b[..b.len().min(8)]);
        Ok(match self.0 {
            b'b' => Value::int(w[0] as i8 as i64),
            b'B' => Value::int(w[0] as i64),
            b'h' => Value::int(i16::from_ne_bytes([w[0], w[1]]) as i64),
            b'H' => Value::int(u16::from_ne_bytes([w[0], w[1]]) as i64),
            b'i' => Value::int(i32::from_ne_bytes([w[0], w[1], w[2], w[3]]) as i64),
            b'I' => Value::int(u32::from_ne_bytes([w[0], w[1], w[2], w[3]]) as i64),
            b'l' | b'q' => Value::int(i64::from_ne_bytes(w)),
            b'L' | b'Q' => crate::objects::int::int_from_u64(u64::from_ne_bytes(w)),
            b'f' => Value::float(f32::from_ne_bytes([w[0], w[1], w[2], w[3]]) as f64),
            b'd' => Value::float(f64::from_ne_bytes(w)),
            _ => {
                let cp = u32::from_ne_bytes([w[0], w[1], w[2], w[3]]);
                if cp > 0x10FFFF {
                    let msg = format!("character U+{cp:x} is not in range [U+0000; U+10ffff]");
                    return Err(vm.value_error(msg));
                }
                crate::objects::str::new_char(cp)
            }
        })
    }

    /// Converts a value to one item's bytes, with CPython's errors.
    fn store(self, vm: &mut Vm, v: &Value) -> PyResult<[u8; 8]> {
        let mut out = [0u8; 8];
        match self.0 {
            b'f' | b'd' => {
                let f = real(vm, v)?;
                if self.0 == b'f' {
                    out[..4].copy_from_slice(&(f as f32).to_ne_bytes());
                } else {
                    out.copy_from_slice(&f.to_ne_bytes());
                }
            }
            b'u' => {
                let cp = match v.downcast_ref::<StrObject>() {
                    Some(s) if s.len() == 1 => s.get(0),
                    _ => return Err(vm.type_error("array item must be unicode character")),
                };
                out[..4].copy_from_slice(&cp.to_ne_bytes());
            }
            b'q' | b'Q' | b'I' | b'L' => {
                let iv = vm.index(v)?;
                let Some(i) = as_int(&iv) else {
                    return Err(vm.type_error("an integer is required"));
                };
                let neg = i.is_negative();
                let big = i.to_bigint();
                match self.0 {
                    b'q' => match big.to_i64() {
                        Some(x) => out = x.to_ne_bytes(),
                        None => return Err(overflow(vm, "int too big to convert")),
                    },
                    b'Q' => {
                        if neg {
                            return Err(overflow(vm, "can't convert negative int to unsigned"));
                        }
                        match big.to_u64() {
                            Some(x) => out = x.to_ne_bytes(),
                            None => return Err(overflow(vm, "int too big to convert")),
                        }
                    }
                    _ => {
                        if neg {
                            return Err(overflow(vm, "can't convert negative value to unsigned int"));
                        }
                        let Some(x) = big.to_u64() else {
                            return Err(overflow(vm, "Python int too large to convert to C unsigned long"));
                        };
                        if self.0 == b'I' {
                            if x > u32::MAX as u64 {
                                return Err(overflow(vm, "unsigned int is greater than maximum"));
                            }
                            out[..4].copy_from_slice(&(x as u32).to_ne_bytes());
                        } else {
                            out = x.to_ne_bytes();
                        }
                    }
                }
            }
            _ => {
                // The signed paths go through a C long first.
                let iv = vm.index(v)?;
                let x = match as_int(&iv).and_then(|i| i.to_i64()) {
                    Some(x) => x,
                    None => return Err(overflow(vm, "Python int too large to convert to C long")),
                };
                let range = |vm: &mut Vm, lo: i64, hi: i64, what: &str| -> PyResult<()> {
                    if x < lo {
                        Err(overflow(vm, &format!("{what} is less than minimum")))
                    } else if x > hi {
                        Err(overflow(vm, &format!("{what} is greater than maximum")))
                    } else {
                        Ok(())
                    }
                };
                match self.0 {
                    b'b' => {
                        range(vm, i16::MIN as i64, i16::MAX as i64, "signed short integer")?;
                        range(vm, -128, 127, "signed char")?;
                        out[0] = x as i8 as u8;
                    }
                    b'B' => {
                        range(vm, 0, 255, "unsigned byte integer")?;
                        out[0] = x as u8;
                    }
                    b'h' => {
                        range(vm, i16::MIN as i64, i16::MAX as i64, "signed short integer")?;
                        out[..2].copy_from_slice(&(x as i16).to_ne_bytes());
                    }
                    b'H' => {
                        range(vm, i32::MIN as i64, i32::MAX as i64, "signed integer")?;
                        range(vm, 0, 65535, "unsigned short")?;
                        out[..2].copy_from_slice(&(x as u16).to_ne_bytes());
                    }
                    b'i' => {
                        range(vm, i32::MIN as i64, i32::MAX as i64, "signed integer")?;
                        out[..4].copy_from_slice(&(x as i32).to_ne_bytes());
                    }
                    _ => out = x.to_ne_bytes(),
                }
            }
        }
        Ok(out)
    }
}

fn overflow(vm: &mut Vm, msg: &str) -> PyErr {
    vm.new_error(ExcKind::OverflowError, msg)
}

/// A float from a real number (float, int, `__float__`/`__index__`).
fn real(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = as_float(v) {
        return Ok(f);
    }
    if let Some(i) = as_int(v) {
        return match i {
            IntView::Small(n) => Ok(n as f64),
            IntView::Big(_) => i
                .to_f64()
                .map_err(|_| overflow(vm, "int too large to convert to float")),
        };
    }
    let has = |vm: &mut Vm, name: &str| vm.getattr_str(&type_of(v).as_value(), name).is_ok();
    if has(vm, "__float__") || has(vm, "__index__") {
        let f = vm.call1(&crate::typeobj::FLOAT_TYPE.get().as_value(), v.clone())?;
        if let Some(x) = as_float(&f) {
            return Ok(x);
        }
    }
    let msg = format!("must be real number, not {}", vm.type_name(v));
    Err(vm.type_error(msg))
}

pub(crate) struct ArrayData {
    code: Code,
    data: RefCell<Vec<u8>>,
    /// Live memoryviews and other exports (resizing is refused meanwhile).
    exports: Cell<usize>,
}

impl NativeData for ArrayData {}

impl ArrayData {
    fn len(&self) -> usize {
        self.data.borrow().len() / self.code.size()
    }

    fn item(&self, vm: &mut Vm, i: usize) -> PyResult<Value> {
        let n = self.code.size();
        let bytes: [u8; 8] = {
            let d = self.data.borrow();
            let mut w = [0u8; 8];
            match d.get(i * n..i * n + n) {
                Some(s) => w[..n].copy_from_slice(s),
                None => return Err(vm.new_error(ExcKind::IndexError, "array index out of range")),
            }
            w
        };
        self.code.load(vm, &bytes[..n])
    }

    fn items(&self, vm: &mut Vm) -> PyResult<Vec<Value>> {
        let n = self.len();
        let mut out = Vec::with_capacity(n);
        for i in 0..n {
            out.push(self.item(vm, i)?);
        }
        Ok(out)
    }

    fn check_resize(&self, vm: &mut Vm) -> PyResult<()> {
        if self.exports.get() > 0 {
            return Err(vm.new_error(ExcKind::BufferError, "cannot resize an array that is exporting buffers"));
        }
        Ok(())
    }

    fn push_raw(&self, raw: &[u8; 8]) {
        let n = self.code.size();
        self.data.borrow_mut().extend_from_slice(&raw[..n]);
    }
}

fn arr<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a ArrayData> {
    state::<ArrayData>(vm, v, "array.array")
}

fn array_type() -> &'static TypeObject {
    ARRAY.get_or_init(|st| {
        let t = init_native_type(
            st,
            "array",
            "array",
            LayoutKind::Native,
            &OBJECT_TYPE,
            type_flags::BASETYPE | type_flags::SEQUENCE,
            |s| {
                s.new = Some(array_new);
                s.repr = Some(array_repr);
                s.len = Some(array_len);
                s.iter = Some(array_iter);
                s.getitem = Some(array_getitem);
                s.setitem = Some(array_setitem);
                s.contains = Some(array_contains);
                s.richcompare = Some(array_richcompare);
                s.hash = None;
                s.concat = Some(array_concat);
                s.repeat = Some(array_repeat);
                s.nb[nb::ADD + NB_INPLACE] = Some(array_iadd);
                s.nb[nb::MULTIPLY + NB_INPLACE] = Some(array_imul);
            },
        );
        for (name, f) in [
            ("append", array_append as crate::typeobj::NativeFn),
            ("buffer_info", array_buffer_info),
            ("byteswap", array_byteswap),
            ("count", array_count),
            ("extend", array_extend),
            ("frombytes", array_frombytes),
            ("fromfile", array_fromfile),
            ("fromlist", array_fromlist),
            ("fromunicode", array_fromunicode),
            ("index", array_index),
            ("insert", array_insert),
            ("pop", array_pop),
            ("remove", array_remove),
            ("reverse", array_reverse),
            ("tobytes", array_tobytes),
            ("tofile", array_tofile),
            ("tolist", array_tolist),
            ("tounicode", array_tounicode),
            ("__copy__", array_copy),
            ("__deepcopy__", array_deepcopy),
            ("__reduce_ex__", array_reduce_ex),
            ("__sizeof__", array_sizeof),
        ] {
            add_method_to(t, name, f);
        }
        add_getset_to(t, "typecode", |vm, me| Ok(new_str(&arr(vm, me)?.code.letter().to_string())), None);
        add_getset_to(t, "itemsize", |vm, me| Ok(Value::int(arr(vm, me)?.code.size() as i64)), None);
        set_attr(t, "__hash__", none());
        register_buffer_provider(array_buffer);
        crate::objects::memoryview::register_export_hook(array_export);
    })
}

fn array_buffer(v: &Value) -> Option<RawBuffer> {
    let a = v.native_ref::<ArrayData>()?;
    // SAFETY: the pointer is used by the caller before Python code runs
    // (the memoryview contract); no borrow is held here.
    let d = unsafe { &mut *a.data.as_ptr() };
    Some(RawBuffer {
        ptr: d.as_mut_ptr(),
        len: d.len(),
        readonly: false,
        format: a.code.format(),
        itemsize: a.code.size(),
    })
}

fn array_export(v: &Value, starting: bool) -> bool {
    let Some(a) = v.native_ref::<ArrayData>() else { return false };
    let n = a.exports.get();
    a.exports.set(if starting { n.saturating_add(1) } else { n.saturating_sub(1) });
    true
}

fn new_array(ty: &TypeObject, code: Code, data: Vec<u8>) -> Value {
    new_native(
        ty,
        ArrayData {
            code,
            data: RefCell::new(data),
            exports: Cell::new(0),
        },
    )
}

fn bad_typecode(vm: &mut Vm) -> PyErr {
    vm.value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
}

fn array_new(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let ty = cls.downcast_ref::<TypeObject>().unwrap_or(array_type());
    if std::ptr::eq(ty, array_type()) {
        check_no_kwargs(vm, "array.array", kwnames)?;
    }
    let (args, _) = crate::args::split_kwargs(args, kwnames);
    if args.is_empty() || args.len() > 2 {
        let msg = if args.is_empty() {
            "array() takes at least 1 argument (0 given)".to_string()
        } else {
            format!("array() takes at most 2 arguments ({} given)", args.len())
        };
        return Err(vm.type_error(msg));
    }
    let code = match args[0].downcast_ref::<StrObject>() {
        Some(s) if s.len() == 1 => match Code::from_char(s.get(0)) {
            Some(c) => c,
            None => return Err(bad_typecode(vm)),
        },
        _ => {
            let what = if args[0].downcast_ref::<StrObject>().is_some() {
                "str".to_string()
            } else {
                vm.type_name(&args[0])
            };
            let msg = format!("array() argument 1 must be a unicode character, not {what}");
            return Err(vm.type_error(msg));
        }
    };
    let me = new_array(ty, code, Vec::new());
    let Some(init) = args.get(1) else {
        return Ok(me);
    };
    let a = arr(vm, &me)?;
    if let Some(s) = init.downcast_ref::<StrObject>() {
        if code.0 != b'u' {
            let msg = format!("cannot use a str to initialize an array with typecode '{}'", code.letter());
            return Err(vm.type_error(msg));
        }
        let mut d = a.data.borrow_mut();
        for cp in s.code_points() {
            d.extend_from_slice(&cp.to_ne_bytes());
        }
        drop(d);
        return Ok(me);
    }
    if let Some(other) = init.native_ref::<ArrayData>() {
        if other.code.0 == b'u' && code.0 != b'u' {
            let msg = format!(
                "cannot use a unicode array to initialize an array with typecode '{}'",
                code.letter()
            );
            return Err(vm.type_error(msg));
        }
    }
    if init.downcast_ref::<BytesObject>().is_some() || init.downcast_ref::<ByteArrayObject>().is_some() {
        frombytes(vm, a, init)?;
        return Ok(me);
    }
    if init.downcast_ref::<ListObject>().is_some() || init.downcast_ref::<TupleObject>().is_some() {
        let items = seq_items(init);
        let mut raw = Vec::with_capacity(items.len() * code.size());
        for v in &items {
            raw.extend_from_slice(&code.store(vm, v)?[..code.size()]);
        }
        *a.data.borrow_mut() = raw;
        return Ok(me);
    }
    if init.native_ref::<ArrayData>().is_some_and(|other| other.code != code) {
        // An array of another kind is converted item by item.
        let iter = vm.iter(init)?;
        while let Some(v) = vm.next(&iter)? {
            let raw = a.code.store(vm, &v)?;
            a.push_raw(&raw);
        }
        return Ok(me);
    }
    extend_iter(vm, a, init)?;
    Ok(me)
}

fn seq_items(v: &Value) -> Vec<Value> {
    if let Some(l) = v.downcast_ref::<ListObject>() {
        return l.to_vec();
    }
    v.downcast_ref::<TupleObject>().map(|t| t.items().to_vec()).unwrap_or_default()
}

fn extend_iter(vm: &mut Vm, a: &ArrayData, it: &Value) -> PyResult<()> {
    if let Some(other) = it.native_ref::<ArrayData>() {
        if other.code != a.code {
            return Err(vm.type_error("can only extend with array of same kind"));
        }
        let add = other.data.borrow().clone();
        if !add.is_empty() {
            a.check_resize(vm)?;
        }
        a.data.borrow_mut().extend_from_slice(&add);
        return Ok(());
    }
    let iter = vm.iter(it)?;
    while let Some(v) = vm.next(&iter)? {
        let raw = a.code.store(vm, &v)?;
        a.check_resize(vm)?;
        a.push_raw(&raw);
    }
    Ok(())
}

fn frombytes(vm: &mut Vm, a: &ArrayData, b: &Value) -> PyResult<()> {
    let data = match crate::objects::memoryview::bytes_like(vm, b)? {
        Some(d) => d.into_owned(),
        None => {
            let msg = format!("a bytes-like object is required, not '{}'", vm.type_name(b));
            return Err(vm.type_error(msg));
        }
    };
    if data.len() % a.code.size() != 0 {
        return Err(vm.value_error("bytes length not a multiple of item size"));
    }
    if !data.is_empty() {
        a.check_resize(vm)?;
    }
    a.data.borrow_mut().extend_from_slice(&data);
    Ok(())
}

fn array_repr(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let a = arr(vm, me)?;
    let name = crate::objects::str::display_lossy(type_of(me).name());
    let code = a.code.letter();
    if a.len() == 0 {
        return Ok(new_str(&format!("{name}('{code}')")));
    }
    let inner = if code == 'u' {
        let s = tounicode(vm, a)?;
        vm.repr_string(&s)?
    } else {
        let l = new_list(a.items(vm)?);
        vm.repr_string(&l)?
    };
    Ok(new_str(&format!("{name}('{code}', {inner})")))
}

fn tounicode(vm: &mut Vm, a: &ArrayData) -> PyResult<Value> {
    let d = a.data.borrow().clone();
    let mut cps = Vec::with_capacity(d.len() / 4);
    for c in d.chunks_exact(4) {
        let cp = u32::from_ne_bytes([c[0], c[1], c[2], c[3]]);
        if cp > 0x10FFFF {
            let msg = format!("character U+{cp:x} is not in range [U+0000; U+10ffff]");
            return Err(vm.value_error(msg));
        }
        cps.push(cp);
    }
    Ok(new_str_from_cps(&cps))
}

fn array_len(vm: &mut Vm, me: &Value) -> PyResult<usize> {
    Ok(arr(vm, me)?.len())
}

fn index_of(vm: &mut Vm, key: &Value, len: usize, msg: &str) -> PyResult<usize> {
    let iv = match vm.index(key) {
        Ok(v) => v,
        Err(e) if e.is_instance(ExcKind::TypeError) => return Err(vm.type_error("array indices must be integers")),
        Err(e) => return Err(e),
    };
    let i = match as_int(&iv).and_then(|i| i.to_i64()) {
        Some(i) => i,
        None => {
            let m = format!("cannot fit '{}' into an index-sized integer", vm.type_name(key));
            return Err(vm.new_error(ExcKind::IndexError, m));
        }
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.new_error(ExcKind::IndexError, msg));
    }
    Ok(j as usize)
}

fn array_getitem(vm: &mut Vm, me: &Value, key: &Value) -> PyResult<Value> {
    let a = arr(vm, me)?;
    if let Some(sl) = key.downcast_ref::<SliceObject>() {
        let (start, _stop, step, n) = slice_indices(vm, sl, a.len())?;
        let size = a.code.size();
        let d = a.data.borrow();
        let mut out = Vec::with_capacity(n * size);
        for k in 0..n {
            let i = (start + k as i64 * step) as usize;
            // `__index__` of the slice bounds may have shrunk the array.
            if let Some(item) = d.get(i * size..i * size + size) {
                out.extend_from_slice(item);
            }
        }
        drop(d);
        return Ok(new_array(array_type_of(me), a.code, out));
    }
    let i = index_of(vm, key, a.len(), "array index out of range")?;
    a.item(vm, i)
}

/// Slices keep the exact array type of CPython (`array.array`, even for subclasses).
fn array_type_of(_me: &Value) -> &'static TypeObject {
    array_type()
}

fn array_setitem(vm: &mut Vm, me: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let a = arr(vm, me)?;
    let size = a.code.size();
    if let Some(sl) = key.downcast_ref::<SliceObject>() {
        let (start, stop, step, n) = slice_indices(vm, sl, a.len())?;
        let new: Vec<u8> = match &value {
            None => Vec::new(),
            Some(v) => match v.native_ref::<ArrayData>() {
                Some(o) if o.code == a.code => o.data.borrow().clone(),
                Some(_) => return Err(vm.type_error("bad argument type for built-in operation")),
                None => {
                    let msg = format!("can only assign array (not \"{}\") to array slice", vm.type_name(v));
                    return Err(vm.type_error(msg));
                }
            },
        };
        let m = new.len() / size;
        if step == 1 {
            let stop = stop.max(start) as usize;
            let start = start as usize;
            if m != stop - start {
                a.check_resize(vm)?;
            }
            let mut d = a.data.borrow_mut();
            // `__index__` of the slice bounds may have shrunk the array.
            let end = d.len();
            d.splice((start * size).min(end)..(stop * size).min(end), new);
            return Ok(());
        }
        if value.is_none() {
            if n > 0 {
                a.check_resize(vm)?;
            }
            let mut idx: Vec<usize> = (0..n).map(|k| (start + k as i64 * step) as usize).collect();
            idx.sort_unstable();
            let mut d = a.data.borrow_mut();
            let old = std::mem::take(&mut *d);
            let mut next = idx.iter().peekable();
            for (i, item) in old.chunks_exact(size).enumerate() {
                if next.peek() == Some(&&i) {
                    next.next();
                    continue;
                }
                d.extend_from_slice(item);
            }
            return Ok(());
        }
        if m != n {
            let msg = format!("attempt to assign array of size {m} to extended slice of size {n}");
            return Err(vm.value_error(msg));
        }
        let mut d = a.data.borrow_mut();
        for k in 0..n {
            let i = (start + k as i64 * step) as usize;
            if let (Some(dst), Some(src)) = (d.get_mut(i * size..i * size + size), new.get(k * size..k * size + size)) {
                dst.copy_from_slice(src);
            }
        }
        return Ok(());
    }
    let len = a.len();
    match value {
        Some(v) => {
            let i = index_of(vm, key, len, "array assignment index out of range")?;
            let raw = a.code.store(vm, &v)?;
            let mut d = a.data.borrow_mut();
            if let Some(slot) = d.get_mut(i * size..i * size + size) {
                slot.copy_from_slice(&raw[..size]);
            }
        }
        None => {
            let i = index_of(vm, key, len, "array assignment index out of range")?;
            a.check_resize(vm)?;
            a.data.borrow_mut().drain(i * size..i * size + size);
        }
    }
    Ok(())
}

fn array_contains(vm: &mut Vm, me: &Value, x: &Value) -> PyResult<bool> {
    let a = arr(vm, me)?;
    let mut i = 0;
    while i < a.len() {
        let v = a.item(vm, i)?;
        if vm.rich_eq_bool(&v, x)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

fn array_richcompare(vm: &mut Vm, x: &Value, y: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(a), Some(b)) = (x.native_ref::<ArrayData>(), y.native_ref::<ArrayData>()) else {
        return Ok(not_implemented());
    };
    let (la, lb) = (a.len(), b.len());
    if (op == CompareOp::Eq || op == CompareOp::Ne) && la != lb {
        return Ok(Value::bool(op == CompareOp::Ne));
    }
    let mut i = 0;
    while i < a.len().min(b.len()) {
        let (va, vb) = (a.item(vm, i)?, b.item(vm, i)?);
        // Items are compared as fresh objects (no identity shortcut), so
        // that NaN items differ as in CPython.
        let eq = vm.compare(&va, &vb, CompareOp::Eq)?;
        if !vm.is_true(&eq)? {
            return match op {
                CompareOp::Eq => Ok(Value::bool(false)),
                CompareOp::Ne => Ok(Value::bool(true)),
                _ => vm.compare(&va, &vb, op),
            };
        }
        i += 1;
    }
    Ok(Value::bool(op.test(a.len().cmp(&b.len()))))
}

fn array_concat(vm: &mut Vm, x: &Value, y: &Value) -> PyResult<Value> {
    let a = arr(vm, x)?;
    let Some(b) = y.native_ref::<ArrayData>() else {
        let msg = format!("can only append array (not \"{}\") to array", vm.type_name(y));
        return Err(vm.type_error(msg));
    };
    if a.code != b.code {
        return Err(vm.type_error("bad argument type for built-in operation"));
    }
    let mut d = a.data.borrow().clone();
    d.extend_from_slice(&b.data.borrow());
    Ok(new_array(array_type(), a.code, d))
}

fn repeat_count(vm: &mut Vm, n: &Value) -> PyResult<usize> {
    let iv = vm.index(n)?;
    match as_int(&iv) {
        Some(i) if i.is_negative() => Ok(0),
        Some(i) => match i.to_i64() {
            Some(k) => Ok(k as usize),
            None => Err(vm.new_error(ExcKind::MemoryError, "")),
        },
        None => Ok(0),
    }
}

fn repeated(vm: &mut Vm, d: &[u8], n: usize) -> PyResult<Vec<u8>> {
    match d.len().checked_mul(n) {
        Some(total) if total < isize::MAX as usize / 2 => Ok(d.repeat(n)),
        _ => Err(vm.new_error(ExcKind::MemoryError, "")),
    }
}

fn array_repeat(vm: &mut Vm, x: &Value, n: &Value) -> PyResult<Value> {
    let a = arr(vm, x)?;
    let k = repeat_count(vm, n)?;
    let d = a.data.borrow().clone();
    let r = repeated(vm, &d, k)?;
    Ok(new_array(array_type(), a.code, r))
}

fn array_iadd(vm: &mut Vm, x: &Value, y: &Value) -> PyResult<Value> {
    let a = arr(vm, x)?;
    if y.native_ref::<ArrayData>().is_none() {
        let msg = format!("can only extend array with array (not \"{}\")", vm.type_name(y));
        return Err(vm.type_error(msg));
    }
    extend_iter(vm, a, y)?;
    Ok(x.clone())
}

fn array_imul(vm: &mut Vm, x: &Value, n: &Value) -> PyResult<Value> {
    let a = arr(vm, x)?;
    let k = repeat_count(vm, n)?;
    if k != 1 && a.len() > 0 {
        a.check_resize(vm)?;
    }
    let d = a.data.borrow().clone();
    let r = repeated(vm, &d, k)?;
    *a.data.borrow_mut() = r;
    Ok(x.clone())
}

// --- methods -----------------------------------------------------------------

fn one_arg<'a>(vm: &mut Vm, name: &str, args: &'a [Value], kw: KwNames) -> PyResult<(&'a Value, &'a ArrayData, &'a Value)> {
    check_no_kwargs(vm, name, kw)?;
    let (me, a) = self_arg::<ArrayData>(vm, args, "array.array")?;
    if args.len() != 2 {
        let msg = format!("array.{name}() takes exactly one argument ({} given)", args.len() - 1);
        return Err(vm.type_error(msg));
    }
    Ok((me, a, &args[1]))
}

fn no_arg<'a>(vm: &mut Vm, name: &str, args: &'a [Value], kw: KwNames) -> PyResult<(&'a Value, &'a ArrayData)> {
    check_no_kwargs(vm, name, kw)?;
    let (me, a) = self_arg::<ArrayData>(vm, args, "array.array")?;
    if args.len() != 1 {
        let msg = format!("array.{name}() takes no arguments ({} given)", args.len() - 1);
        return Err(vm.type_error(msg));
    }
    Ok((me, a))
}

fn array_append(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (_, a, v) = one_arg(vm, "append", args, kw)?;
    let raw = a.code.store(vm, v)?;
    a.check_resize(vm)?;
    a.push_raw(&raw);
    Ok(none())
}

fn array_buffer_info(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (_, a) = no_arg(vm, "buffer_info", args, kw)?;
    let ptr = a.data.borrow().as_ptr() as usize;
    Ok(new_tuple(vec![
        crate::objects::int::int_from_u64(ptr as u64),
        Value::int(a.len() as i64),
    ]))
}

fn array_byteswap(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (_, a) = no_arg(vm, "byteswap", args, kw)?;
    let size = a.code.size();
    for item in a.data.borrow_mut().chunks_exact_mut(size) {
        item.reverse();
    }
    Ok(none())
}

fn array_count(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (_, a, x) = one_arg(vm, "count", args, kw)?;
    let mut n = 0;
    let mut i = 0;
    while i < a.len() {
        let v = a.item(vm, i)?;
        if vm.rich_eq_bool(&v, x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::int(n))
}

fn array_extend(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (_, a, it) = one_arg(vm, "extend", args, kw)?;
    extend_iter(vm, a, it)?;
    Ok(none())
}

fn array_frombytes(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (_, a, b) = one_arg(vm, "frombytes", args, kw)?;
    frombytes(vm, a, b)?;
    Ok(none())
}

fn array_fromfile(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "fromfile", kw)?;
    let (_, a) = self_arg::<ArrayData>(vm, args, "array.array")?;
    if args.len() != 3 {
        let msg = format!("fromfile expected 2 arguments, got {}", args.len() - 1);
        return Err(vm.type_error(msg));
    }
    let n = vm.index(&args[2])?;
    let n = as_int(&n).and_then(|i| i.to_i64()).unwrap_or(i64::MAX);
    if n < 0 {
        return Err(vm.value_error("negative count"));
    }
    let size = a.code.size() as i64;
    let Some(nbytes) = n.checked_mul(size) else {
        return Err(vm.new_error(ExcKind::MemoryError, ""));
    };
    let b = vm.call_method(&args[1], "read", &[Value::int(nbytes)])?;
    let Some(bo) = b.downcast_ref::<BytesObject>() else {
        return Err(vm.type_error("read() didn't return bytes"));
    };
    let got = bo.data().len();
    let whole = got - got % size as usize;
    if whole > 0 {
        a.check_resize(vm)?;
    }
    a.data.borrow_mut().extend_from_slice(&bo.data()[..whole]);
    if (got as i64) != nbytes {
        return Err(vm.new_error(ExcKind::EOFError, "read() didn't return enough bytes"));
    }
    Ok(none())
}

fn array_fromlist(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (_, a, l) = one_arg(vm, "fromlist", args, kw)?;
    if l.downcast_ref::<ListObject>().is_none() {
        return Err(vm.type_error("arg must be list"));
    }
    let items = seq_items(l);
    let size = a.code.size();
    let mut raw = Vec::with_capacity(items.len() * size);
    for v in &items {
        raw.extend_from_slice(&a.code.store(vm, v)?[..size]);
    }
    if !raw.is_empty() {
        a.check_resize(vm)?;
    }
    a.data.borrow_mut().extend_from_slice(&raw);
    Ok(none())
}

fn array_fromunicode(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (_, a, s) = one_arg(vm, "fromunicode", args, kw)?;
    let Some(so) = s.downcast_ref::<StrObject>() else {
        let msg = format!("fromunicode() argument must be str, not {}", vm.type_name(s));
        return Err(vm.type_error(msg));
    };
    if a.code.0 != b'u' {
        return Err(vm.value_error("fromunicode() may only be called on unicode type arrays"));
    }
    if so.len() > 0 {
        a.check_resize(vm)?;
    }
    let mut d = a.data.borrow_mut();
    for cp in so.code_points() {
        d.extend_from_slice(&cp.to_ne_bytes());
    }
    Ok(none())
}

fn array_index(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "index", kw)?;
    let (_, a) = self_arg::<ArrayData>(vm, args, "array.array")?;
    if args.len() < 2 || args.len() > 4 {
        let msg = if args.len() < 2 {
            format!("index expected at least 1 argument, got {}", args.len() - 1)
        } else {
            format!("index expected at most 3 arguments, got {}", args.len() - 1)
        };
        return Err(vm.type_error(msg));
    }
    let bound = |vm: &mut Vm, v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None => Ok(default),
            Some(v) => {
                let iv = vm.index(v)?;
                Ok(match as_int(&iv) {
                    Some(i) => i.to_i64().unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX }),
                    None => default,
                })
            }
        }
    };
    let len = a.len() as i64;
    let mut start = bound(vm, args.get(2), 0)?;
    let mut stop = bound(vm, args.get(3), i64::MAX)?;
    if start < 0 {
        start = (start + len).max(0);
    }
    if stop < 0 {
        stop = (stop + len).max(0);
    }
    let mut i = start;
    while i < stop && i < a.len() as i64 {
        let v = a.item(vm, i as usize)?;
        if vm.rich_eq_bool(&v, &args[1])? {
            return Ok(Value::int(i));
        }
        i += 1;
    }
    Err(vm.value_error("array.index(x): x not in array"))
}

fn array_insert(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "insert", kw)?;
    if args.len() != 3 {
        let msg = format!("insert expected 2 arguments, got {}", args.len().saturating_sub(1));
        return Err(vm.type_error(msg));
    }
    let (_, a) = self_arg::<ArrayData>(vm, args, "array.array")?;
    let iv = vm.index(&args[1])?;
    let i = as_int(&iv).map(|i| i.to_i64().unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX })).unwrap_or(0);
    let raw = a.code.store(vm, &args[2])?;
    a.check_resize(vm)?;
    let len = a.len() as i64;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
    let size = a.code.size();
    a.data.borrow_mut().splice(at * size..at * size, raw[..size].iter().copied());
    Ok(none())
}

fn array_pop(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "pop", kw)?;
    let (_, a) = self_arg::<ArrayData>(vm, args, "array.array")?;
    if args.len() > 2 {
        let msg = format!("pop expected at most 1 argument, got {}", args.len() - 1);
        return Err(vm.type_error(msg));
    }
    let i = match args.get(1) {
        Some(v) => {
            let iv = vm.index(v)?;
            as_int(&iv).and_then(|i| i.to_i64()).unwrap_or(i64::MAX)
        }
        None => -1,
    };
    let len = a.len() as i64;
    if len == 0 {
        return Err(vm.new_error(ExcKind::IndexError, "pop from empty array"));
    }
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(vm.new_error(ExcKind::IndexError, "pop index out of range"));
    }
    let v = a.item(vm, j as usize)?;
    a.check_resize(vm)?;
    let size = a.code.size();
    let j = j as usize;
    a.data.borrow_mut().drain(j * size..j * size + size);
    Ok(v)
}

fn array_remove(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (_, a, x) = one_arg(vm, "remove", args, kw)?;
    let mut i = 0;
    while i < a.len() {
        let v = a.item(vm, i)?;
        if vm.rich_eq_bool(&v, x)? {
            a.check_resize(vm)?;
            let size = a.code.size();
            let mut d = a.data.borrow_mut();
            if i * size + size <= d.len() {
                d.drain(i * size..i * size + size);
            }
            return Ok(none());
        }
        i += 1;
    }
    Err(vm.value_error("array.remove(x): x not in array"))
}

fn array_reverse(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (_, a) = no_arg(vm, "reverse", args, kw)?;
    let size = a.code.size();
    let mut d = a.data.borrow_mut();
    let items: Vec<u8> = d.chunks_exact(size).rev().flatten().copied().collect();
    *d = items;
    Ok(none())
}

fn array_tobytes(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (_, a) = no_arg(vm, "tobytes", args, kw)?;
    let d = a.data.borrow().clone();
    Ok(new_bytes(&d))
}

fn array_tofile(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (_, a, f) = one_arg(vm, "tofile", args, kw)?;
    let d = a.data.borrow().clone();
    // Written in blocks, as CPython does, so a file sees the same calls.
    const BLOCK: usize = 64 * 1024;
    for chunk in d.chunks(BLOCK) {
        vm.call_method(f, "write", &[new_bytes(chunk)])?;
    }
    Ok(none())
}

fn array_tolist(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (_, a) = no_arg(vm, "tolist", args, kw)?;
    Ok(new_list(a.items(vm)?))
}

fn array_tounicode(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (_, a) = no_arg(vm, "tounicode", args, kw)?;
    if a.code.0 != b'u' {
        return Err(vm.value_error("tounicode() may only be called on unicode type arrays"));
    }
    tounicode(vm, a)
}

fn array_copy(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (_, a) = no_arg(vm, "__copy__", args, kw)?;
    let d = a.data.borrow().clone();
    Ok(new_array(array_type(), a.code, d))
}

fn array_deepcopy(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (_, a, _memo) = one_arg(vm, "__deepcopy__", args, kw)?;
    let d = a.data.borrow().clone();
    Ok(new_array(array_type(), a.code, d))
}

fn array_sizeof(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (_, a) = no_arg(vm, "__sizeof__", args, kw)?;
    Ok(Value::int(64 + a.data.borrow().capacity() as i64))
}

fn array_reduce_ex(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (me, a, proto) = one_arg(vm, "__reduce_ex__", args, kw)?;
    let Some(p) = as_int(proto).and_then(|i| i.to_i64()) else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(proto));
        return Err(vm.type_error(msg));
    };
    let dict = match crate::attr::instance_dict(me) {
        Some(d) => d,
        None => none(),
    };
    let cls = type_of(me).as_value();
    let code = new_str(&a.code.letter().to_string());
    if p < 3 {
        let l = new_list(a.items(vm)?);
        return Ok(new_tuple(vec![cls, new_tuple(vec![code, l]), dict]));
    }
    let module = vm.import_absolute("array")?;
    let recon = vm.getattr_str(&module, "_array_reconstructor")?;
    let bytes = new_bytes(&a.data.borrow().clone());
    Ok(new_tuple(vec![
        recon,
        new_tuple(vec![cls, code, Value::int(a.code.mformat()), bytes]),
        dict,
    ]))
}

// --- _array_reconstructor ------------------------------------------------------

/// (item size, signed, big-endian, kind) of a machine format code; kind is
/// 'i' for integers, 'f' for IEEE floats, 'u' for UTF-16/32.
fn mformat_desc(code: i64) -> Option<(usize, bool, bool, char)> {
    Some(match code {
        0 => (1, false, false, 'i'),
        1 => (1, true, false, 'i'),
        2..=13 => {
            let k = code - 2;
            let size = [2, 4, 8][(k / 4) as usize];
            (size, k % 4 >= 2, k % 2 == 1, 'i')
        }
        14 => (4, true, false, 'f'),
        15 => (4, true, true, 'f'),
        16 => (8, true, false, 'f'),
        17 => (8, true, true, 'f'),
        18 => (2, false, false, 'u'),
        19 => (2, false, true, 'u'),
        20 => (4, false, false, 'u'),
        21 => (4, false, true, 'u'),
        _ => return None,
    })
}

fn array_reconstructor(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = positional(vm, "_array_reconstructor", args, kw, 4, 4)?;
    let Some(ty) = a[0].downcast_ref::<TypeObject>() else {
        let msg = format!("first argument must be a type object, not {}", vm.type_name(&a[0]));
        return Err(vm.type_error(msg));
    };
    if !ty.is_subtype(array_type()) {
        let msg = format!("{} is not a subtype of array.array", crate::objects::str::display_lossy(ty.name()));
        return Err(vm.type_error(msg));
    }
    let code = match a[1].downcast_ref::<StrObject>() {
        Some(s) if s.len() == 1 => s.get(0),
        _ => {
            let msg = format!(
                "_array_reconstructor() argument 2 must be a unicode character, not {}",
                vm.type_name(&a[1])
            );
            return Err(vm.type_error(msg));
        }
    };
    let Some(code) = Code::from_char(code) else {
        return Err(vm.value_error("second argument must be a valid type code"));
    };
    let mf = vm.index(&a[2])?;
    let Some(mf) = as_int(&mf).and_then(|i| i.to_i64()).filter(|m| i32::try_from(*m).is_ok()) else {
        return Err(vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C int"));
    };
    if !(0..=21).contains(&mf) {
        return Err(vm.value_error("third argument must be a valid machine format code."));
    }
    let Some(bo) = a[3].downcast_ref::<BytesObject>() else {
        let msg = format!("fourth argument should be bytes, not {}", vm.type_name(&a[3]));
        return Err(vm.type_error(msg));
    };
    let data = bo.data().to_vec();
    let desc = mformat_desc(mf);
    let (Some((size, signed, big, kind)), false) = (desc, mf == code.mformat()) else {
        if data.len() % code.size() != 0 {
            return Err(vm.value_error("bytes length not a multiple of item size"));
        }
        return Ok(new_array(ty, code, data));
    };
    let mut code = code;
    if kind == 'i' {
        // The last integer typecode of that size and signedness (CPython's choice).
        for c in TYPECODES.bytes().map(Code) {
            let int_like = !matches!(c.0, b'u' | b'f' | b'd');
            let c_signed = matches!(c.0, b'b' | b'h' | b'i' | b'l' | b'q');
            if int_like && c.size() == size && c_signed == signed {
                code = c;
            }
        }
    }
    if data.len() % size != 0 {
        return Err(vm.value_error("string length not a multiple of item size"));
    }
    let mut items = Vec::new();
    for c in data.chunks_exact(size) {
        let mut b = c.to_vec();
        if big {
            b.reverse();
        }
        let mut w = [0u8; 8];
        w[..size].copy_from_slice(&b);
        let v = match kind {
            'f' if size == 4 => Value::float(f32::from_le_bytes([w[0], w[1], w[2], w[3]]) as f64),
            'f' => Value::float(f64::from_le_bytes(w)),
            'u' if size == 2 => {
                // UTF-16 units: pairs are joined below.
                Value::int(u16::from_le_bytes([w[0], w[1]]) as i64)
            }
            'u' => crate::objects::str::new_char(u32::from_le_bytes([w[0], w[1], w[2], w[3]]).min(0x10FFFF)),
            _ => {
                let u = u64::from_le_bytes(w);
                if signed && size < 8 && (u >> (size * 8 - 1)) & 1 == 1 {
                    Value::int((u | (!0u64 << (size * 8))) as i64)
                } else if signed {
                    Value::int(u as i64)
                } else {
                    crate::objects::int::int_from_u64(u)
                }
            }
        };
        items.push(v);
    }
    if kind == 'u' && size == 2 {
        let units: Vec<u16> = items.iter().filter_map(|v| v.as_small_int()).map(|i| i as u16).collect();
        let s: Vec<u32> = char::decode_utf16(units.iter().copied())
            .map(|r| r.map(|c| c as u32).unwrap_or_else(|e| e.unpaired_surrogate() as u32))
            .collect();
        items = s.into_iter().map(crate::objects::str::new_char).collect();
    }
    let me = new_array(ty, code, Vec::new());
    if let Some(ad) = me.native_ref::<ArrayData>() {
        let mut raw = Vec::with_capacity(items.len() * code.size());
        for v in &items {
            raw.extend_from_slice(&code.store(vm, v)?[..code.size()]);
        }
        *ad.data.borrow_mut() = raw;
    }
    Ok(me)
}

// --- iteration ---------------------------------------------------------------

struct ArrayIter {
    array: RefCell<Option<Value>>,
    index: Cell<usize>,
}

impl NativeData for ArrayIter {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(a) = self.array.try_borrow() {
            if let Some(v) = a.as_ref() {
                visit(v);
            }
        }
    }
    fn clear(&self) {
        if let Ok(mut a) = self.array.try_borrow_mut() {
            *a = None;
        }
    }
}

fn array_iter(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    arr(vm, me)?;
    Ok(new_native(
        array_iter_type(),
        ArrayIter {
            array: RefCell::new(Some(me.clone())),
            index: Cell::new(0),
        },
    ))
}

fn array_iter_next(vm: &mut Vm, me: &Value) -> PyResult<Option<Value>> {
    let it = state::<ArrayIter>(vm, me, "arrayiterator")?;
    let Some(a) = it.array.borrow().clone() else {
        return Ok(None);
    };
    let Some(ad) = a.native_ref::<ArrayData>() else {
        return Ok(None);
    };
    let i = it.index.get();
    if i >= ad.len() {
        *it.array.borrow_mut() = None;
        return Ok(None);
    }
    it.index.set(i + 1);
    ad.item(vm, i).map(Some)
}

fn array_iter_reduce(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (_, it) = self_arg::<ArrayIter>(vm, args, "arrayiterator")?;
    let b = vm.builtins_dict().get_str_key("iter").unwrap_or_else(none);
    match it.array.borrow().clone() {
        Some(a) => Ok(new_tuple(vec![b, new_tuple(vec![a]), Value::int(it.index.get() as i64)])),
        None => Ok(new_tuple(vec![b, new_tuple(vec![new_array(array_type(), Code(b'b'), Vec::new())])])),
    }
}

fn array_iter_setstate(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let (_, it) = self_arg::<ArrayIter>(vm, args, "arrayiterator")?;
    let v = args.get(1).cloned().unwrap_or_else(none);
    let iv = vm.index(&v)?;
    let mut i = as_int(&iv).and_then(|i| i.to_i64()).unwrap_or(0);
    if i < 0 {
        i = 0;
    }
    let len = it.array.borrow().as_ref().and_then(|a| a.native_ref::<ArrayData>().map(|d| d.len())).unwrap_or(0);
    it.index.set((i as usize).min(len));
    Ok(none())
}

fn array_iter_type() -> &'static TypeObject {
    ARRAY_ITER.get_or_init(|st| {
        let t = init_native_type(st, "array", "arrayiterator", LayoutKind::Native, &OBJECT_TYPE, 0, |s| {
            s.iter = Some(crate::modules::itertools::self_iter);
            s.iternext = Some(array_iter_next);
            s.new = None;
        });
        add_method_to(t, "__reduce__", array_iter_reduce);
        add_method_to(t, "__setstate__", array_iter_setstate);
    })
}

pub(crate) fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("array");
    m.doc("This module defines an object type which can efficiently represent\nan array of basic values: characters, integers, floating point\nnumbers.  Arrays are sequence types and behave very much like lists,\nexcept that the type of objects stored in them is constrained.\n");
    m.type_(array_type());
    m.value("ArrayType", array_type().as_value());
    m.str("typecodes", TYPECODES);
    m.function("_array_reconstructor", array_reconstructor);
    let _ = array_iter_type();
    // Arrays are mutable sequences to `collections.abc`, as CPython registers them.
    let abc = vm.import_absolute("collections.abc")?;
    let mutable_sequence = vm.getattr_str(&abc, "MutableSequence")?;
    let register = vm.getattr_str(&mutable_sequence, "register")?;
    vm.call1(&register, array_type().as_value())?;
    Ok(m.finish())
}
