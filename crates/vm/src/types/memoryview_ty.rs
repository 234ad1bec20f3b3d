//! Slots, attributes and methods of `memoryview` (the object and the buffer
//! protocol are in `objects::memoryview`).

use crate::args::{check_no_kwargs, ArgSpec};
use crate::exception::{ExcKind, PyResult};
use crate::objects::bytearray::ByteArrayObject;
use crate::objects::bytes::{new_bytes, BytesObject};
use crate::objects::int::as_int;
use crate::objects::list::new_list;
use crate::objects::memoryview::{
    bytes_like, memoryview_of, new_memoryview, pack_scalar, parse_format, scalar_to_value, unpack_scalar,
    ItemFormat, MemoryViewObject, Scalar, ViewSpec, MEMORYVIEW_TYPE,
};
use crate::objects::singletons::{none, not_implemented};
use crate::objects::slice::SliceObject;
use crate::objects::str::{new_str, StrObject};
use crate::objects::tuple::{new_tuple, TupleObject};
use crate::typeinit::{add_getset, add_method};
use crate::typeobj::*;
use crate::types::str_ty::slice_indices;
use crate::value::Value;
use crate::vm::Vm;

fn mv_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a MemoryViewObject> {
    match v.downcast_ref::<MemoryViewObject>() {
        Some(m) => Ok(m),
        None => Err(vm.type_error("descriptor requires a 'memoryview' object")),
    }
}

/// A live (not released) view.
fn live<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a MemoryViewObject> {
    let m = mv_of(vm, v)?;
    m.check_released(vm)?;
    Ok(m)
}

fn item_format(vm: &mut Vm, m: &MemoryViewObject) -> PyResult<ItemFormat> {
    match parse_format(&m.format) {
        Some(f) => Ok(f),
        None => Err(vm.new_error(
            ExcKind::NotImplementedError,
            format!("memoryview: format {} not supported", m.format),
        )),
    }
}

/// The exporter's memory as a slice covering the whole exporter.
fn memory<'a>(vm: &mut Vm, m: &'a MemoryViewObject) -> PyResult<&'a mut [u8]> {
    let rb = m.base(vm)?;
    // SAFETY: `base` checked the view's extent; the slice is used before any
    // Python code runs (callers convert values first).
    Ok(unsafe { std::slice::from_raw_parts_mut(rb.ptr, rb.len) })
}

fn unpack_all(vm: &mut Vm, m: &MemoryViewObject) -> PyResult<Vec<Scalar>> {
    let fmt = item_format(vm, m)?;
    let offsets = m.item_offsets();
    let mem = memory(vm, m)?;
    Ok(offsets
        .into_iter()
        .map(|off| unpack_scalar(fmt, mem.get(off..off + fmt.size).unwrap_or(&[])))
        .collect())
}

fn mv_new(vm: &mut Vm, _cls: &Value, args: &[Value], kwnames: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "memoryview", args, kwnames, &["object"], 1, 1)?;
    let obj = a[0].clone().unwrap_or_else(none);
    memoryview_of(vm, &obj)
}

fn mv_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let addr = v.as_ptr().map_or(0, |p| p.as_ptr() as usize);
    let released = v.downcast_ref::<MemoryViewObject>().is_some_and(|m| m.is_released());
    let text = if released {
        format!("<released memory at {addr:#x}>")
    } else {
        format!("<memory at {addr:#x}>")
    };
    Ok(new_str(&text))
}

fn mv_len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let m = live(vm, v)?;
    // A 0-dim view has length 1, as in CPython.
    Ok(m.shape.first().copied().unwrap_or(1))
}

fn mv_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    // A hash computed before release() stays available after it.
    if let Some(h) = v.downcast_ref::<MemoryViewObject>().map(|m| m.cached_hash().get()) {
        if h != -1 {
            return Ok(h);
        }
    }
    let m = live(vm, v)?;
    if !m.readonly {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    if !matches!(m.format.as_ref(), "B" | "b" | "c") {
        return Err(vm.value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
    }
    let data = m.to_bytes(vm)?;
    let h = crate::hash::hash_bytes(&data);
    m.cached_hash().set(h);
    Ok(h)
}

/// Byte offset of the item at `index` along the first dimension.
fn first_dim_offset(vm: &mut Vm, m: &MemoryViewObject, key: &Value) -> PyResult<usize> {
    let i = vm.index_i64(key)?;
    let n = m.shape[0] as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.new_error(ExcKind::IndexError, "index out of bounds on dimension 1"));
    }
    Ok((m.offset as isize + j as isize * m.strides[0]) as usize)
}

/// A tuple key: all indices (an item), all slices (multi-dimensional
/// slicing, not implemented by CPython either), or an invalid key.
fn check_tuple_key(vm: &mut Vm, t: &TupleObject, assigning: bool) -> PyResult<()> {
    if t.items().iter().all(is_index) {
        return Ok(());
    }
    if !t.is_empty() && t.items().iter().all(|k| k.downcast_ref::<SliceObject>().is_some()) {
        let msg = if assigning {
            "memoryview slice assignments are currently restricted to ndim = 1"
        } else {
            "multi-dimensional slicing is not implemented"
        };
        return Err(vm.new_error(ExcKind::NotImplementedError, msg));
    }
    Err(vm.type_error("memoryview: invalid slice key"))
}

fn tuple_offset(vm: &mut Vm, m: &MemoryViewObject, t: &TupleObject) -> PyResult<usize> {
    if t.len() != m.ndim() {
        if t.len() < m.ndim() {
            return Err(vm.new_error(
                ExcKind::NotImplementedError,
                "sub-views are not implemented",
            ));
        }
        let msg = format!("cannot index {}-dimension view with {}-element tuple", m.ndim(), t.len());
        return Err(vm.type_error(msg));
    }
    let mut off = m.offset as isize;
    for (d, k) in t.items().to_vec().iter().enumerate() {
        if !is_index(k) {
            return Err(vm.type_error("memoryview: invalid slice key"));
        }
        let i = vm.index_i64(k)?;
        let n = m.shape[d] as i64;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            let msg = format!("index out of bounds on dimension {}", d + 1);
            return Err(vm.new_error(ExcKind::IndexError, msg));
        }
        off += j as isize * m.strides[d];
    }
    Ok(off as usize)
}

fn is_index(v: &Value) -> bool {
    as_int(v).is_some() || type_of(v).slots().index.is_some()
}

fn read_item(vm: &mut Vm, m: &MemoryViewObject, off: usize) -> PyResult<Value> {
    let fmt = item_format(vm, m)?;
    let mem = memory(vm, m)?;
    let s = unpack_scalar(fmt, mem.get(off..off + fmt.size).unwrap_or(&[]));
    Ok(scalar_to_value(s))
}

fn sliced_spec(m: &MemoryViewObject, start: i64, step: i64, n: usize) -> ViewSpec {
    let mut shape = m.shape.to_vec();
    let mut strides = m.strides.to_vec();
    let offset = if n == 0 {
        m.offset
    } else {
        (m.offset as isize + start as isize * m.strides[0]) as usize
    };
    shape[0] = n;
    strides[0] = m.strides[0] * step as isize;
    ViewSpec {
        offset,
        itemsize: m.itemsize,
        format: m.format.clone(),
        readonly: m.readonly,
        shape: shape.into(),
        strides: strides.into(),
    }
}

fn mv_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let m = live(vm, v)?;
    if m.ndim() == 0 {
        if key.is(&crate::objects::singletons::ellipsis()) {
            return Ok(v.clone());
        }
        if key.downcast_ref::<TupleObject>().is_some_and(|t| t.is_empty()) {
            return read_item(vm, m, m.offset);
        }
        return Err(vm.type_error("invalid indexing of 0-dim memory"));
    }
    if let Some(sl) = key.downcast_ref::<SliceObject>() {
        let (start, _stop, step, n) = slice_indices(vm, sl, m.shape[0])?;
        let spec = sliced_spec(m, start, step, n);
        return Ok(new_memoryview(m.obj(), spec));
    }
    if let Some(t) = key.downcast_ref::<TupleObject>() {
        check_tuple_key(vm, t, false)?;
        let off = tuple_offset(vm, m, t)?;
        return read_item(vm, m, off);
    }
    if key.is(&crate::objects::singletons::ellipsis()) {
        return Ok(v.clone());
    }
    if !is_index(key) {
        return Err(vm.type_error("memoryview: invalid slice key"));
    }
    if m.ndim() > 1 {
        return Err(vm.new_error(
            ExcKind::NotImplementedError,
            "multi-dimensional sub-views are not implemented",
        ));
    }
    let off = first_dim_offset(vm, m, key)?;
    read_item(vm, m, off)
}

fn mv_setitem(vm: &mut Vm, v: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let m = live(vm, v)?;
    if m.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    let Some(value) = value else {
        return Err(vm.type_error("cannot delete memory"));
    };
    let fmt = item_format(vm, m)?;
    if m.ndim() == 0 {
        let is_empty_tuple = key.downcast_ref::<TupleObject>().is_some_and(|t| t.is_empty());
        if !(is_empty_tuple || key.is(&crate::objects::singletons::ellipsis())) {
            return Err(vm.type_error("invalid indexing of 0-dim memory"));
        }
        let mut buf = [0u8; 8];
        pack_scalar(vm, fmt, &m.format, &value, &mut buf[..fmt.size])?;
        let mem = memory(vm, m)?;
        mem[m.offset..m.offset + fmt.size].copy_from_slice(&buf[..fmt.size]);
        return Ok(());
    }
    if let Some(sl) = key.downcast_ref::<SliceObject>() {
        if m.ndim() != 1 {
            return Err(vm.new_error(
                ExcKind::NotImplementedError,
                "memoryview slice assignments are currently restricted to ndim = 1",
            ));
        }
        let (start, _stop, step, n) = slice_indices(vm, sl, m.shape[0])?;
        // The source must be a buffer with the same item format and length.
        let src_view = memoryview_of(vm, &value)?;
        let Some(src) = src_view.downcast_ref::<MemoryViewObject>() else {
            return Ok(());
        };
        let same_format = parse_format(&src.format) == Some(fmt);
        if !same_format || src.ndim() != 1 || src.shape[0] != n {
            src.release();
            return Err(vm.value_error("memoryview assignment: lvalue and rvalue have different structures"));
        }
        let data = src.to_bytes(vm)?.into_owned();
        src.release();
        let mem = memory(vm, m)?;
        for k in 0..n {
            let off = (m.offset as isize + (start + k as i64 * step) as isize * m.strides[0]) as usize;
            let chunk = &data[k * fmt.size..(k + 1) * fmt.size];
            if let Some(dst) = mem.get_mut(off..off + fmt.size) {
                dst.copy_from_slice(chunk);
            }
        }
        return Ok(());
    }
    let off = if let Some(t) = key.downcast_ref::<TupleObject>() {
        check_tuple_key(vm, t, true)?;
        tuple_offset(vm, m, t)?
    } else {
        if !is_index(key) {
            return Err(vm.type_error("memoryview: invalid slice key"));
        }
        if m.ndim() > 1 {
            return Err(vm.new_error(ExcKind::NotImplementedError, "sub-views are not implemented"));
        }
        first_dim_offset(vm, m, key)?
    };
    let mut buf = [0u8; 8];
    pack_scalar(vm, fmt, &m.format, &value, &mut buf[..fmt.size])?;
    // Packing may have run Python code (__index__): check the view again.
    let m = live(vm, v)?;
    let mem = memory(vm, m)?;
    if let Some(dst) = mem.get_mut(off..off + fmt.size) {
        dst.copy_from_slice(&buf[..fmt.size]);
    }
    Ok(())
}

fn mv_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let eq = mv_equal(vm, a, b)?;
    match eq {
        None => Ok(not_implemented()),
        Some(e) => Ok(Value::bool(if op == CompareOp::Eq { e } else { !e })),
    }
}

/// `a == b` for a memoryview and a bytes-like object: same shape and equal
/// unpacked items. `None`: b is not comparable.
fn mv_equal(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<bool>> {
    let Some(ma) = a.downcast_ref::<MemoryViewObject>() else {
        return Ok(None);
    };
    if a.is(b) {
        return Ok(Some(true));
    }
    if ma.is_released() {
        return Ok(Some(false));
    }
    let (shape_b, items_b) = if let Some(mb) = b.downcast_ref::<MemoryViewObject>() {
        if mb.is_released() {
            return Ok(Some(false));
        }
        (mb.shape.to_vec(), unpack_all(vm, mb)?)
    } else {
        let Some(data) = bytes_like(vm, b)? else {
            return Ok(None);
        };
        let fmt = ItemFormat { code: b'B', size: 1 };
        let items: Vec<Scalar> = data.iter().map(|x| unpack_scalar(fmt, std::slice::from_ref(x))).collect();
        (vec![items.len()], items)
    };
    if ma.shape.to_vec() != shape_b {
        return Ok(Some(false));
    }
    let items_a = unpack_all(vm, ma)?;
    let num = |s: &Scalar| -> Option<f64> {
        match s {
            Scalar::Int(i) => Some(*i as f64),
            Scalar::Float(f) => Some(*f),
            Scalar::Bool(b) => Some(*b as u8 as f64),
            Scalar::Byte(_) => None,
        }
    };
    let equal = items_a.iter().zip(items_b.iter()).all(|(x, y)| match (x, y) {
        (Scalar::Int(p), Scalar::Int(q)) => p == q,
        (Scalar::Byte(p), Scalar::Byte(q)) => p == q,
        (Scalar::Byte(_), _) | (_, Scalar::Byte(_)) => false,
        _ => num(x) == num(y),
    });
    Ok(Some(equal))
}

fn mv_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = live(vm, v)?;
    if m.ndim() == 0 {
        return Err(vm.type_error("invalid indexing of 0-dim memory"));
    }
    if m.ndim() > 1 {
        return Err(vm.new_error(
            ExcKind::NotImplementedError,
            "multi-dimensional sub-views are not implemented",
        ));
    }
    Ok(crate::objects::iter::new_seq_iter(SEQ_ITER_TYPE.get(), v.clone()))
}

// ---- methods ----

fn mv_tobytes(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "tobytes", &args[1..], kw, &["order"], 1, 0)?;
    if let Some(o) = &a[0] {
        if !o.is_none() {
            let ok = o
                .downcast_ref::<StrObject>()
                .map(|s| s.to_string_lossy())
                .is_some_and(|s| matches!(s.as_str(), "C" | "F" | "A"));
            if !ok {
                return Err(vm.value_error("order must be 'C', 'F' or 'A'"));
            }
        }
    }
    let m = live(vm, &args[0])?;
    let data = m.to_bytes(vm)?;
    Ok(new_bytes(&data))
}

fn mv_tolist(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "tolist", kw)?;
    ArgSpec::range(vm, "tolist", args, 1, 0, 0)?;
    let m = live(vm, &args[0])?;
    let items = unpack_all(vm, m)?;
    if m.ndim() == 0 {
        return Ok(items.first().map(|s| scalar_to_value(*s)).unwrap_or_else(none));
    }
    // Nest the flat C-order items by the shape, innermost first.
    let mut level: Vec<Value> = items.into_iter().map(scalar_to_value).collect();
    for &n in m.shape.iter().rev() {
        if n == 0 {
            level = Vec::new();
            continue;
        }
        let mut next = Vec::with_capacity(level.len() / n.max(1));
        let mut chunk = Vec::with_capacity(n);
        for v in level {
            chunk.push(v);
            if chunk.len() == n {
                next.push(new_list(std::mem::take(&mut chunk)));
            }
        }
        level = next;
    }
    Ok(level.into_iter().next().unwrap_or_else(|| new_list(Vec::new())))
}

fn mv_hex(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "hex", &args[1..], kw, &["sep", "bytes_per_sep"], 2, 0)?;
    let m = live(vm, &args[0])?;
    let data = m.to_bytes(vm)?.into_owned();
    crate::types::bytes_ty::hex_with_sep(vm, &data, a[0].as_ref(), a[1].as_ref())
}

fn mv_release(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "release", kw)?;
    ArgSpec::range(vm, "release", args, 1, 0, 0)?;
    mv_of(vm, &args[0])?.release();
    Ok(none())
}

fn mv_enter(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    ArgSpec::range(vm, "__enter__", args, 1, 0, 0)?;
    live(vm, &args[0])?;
    Ok(args[0].clone())
}

fn mv_exit(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    mv_of(vm, &args[0])?.release();
    Ok(none())
}

fn mv_toreadonly(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    ArgSpec::range(vm, "toreadonly", args, 1, 0, 0)?;
    let m = live(vm, &args[0])?;
    let spec = ViewSpec {
        offset: m.offset,
        itemsize: m.itemsize,
        format: m.format.clone(),
        readonly: true,
        shape: m.shape.clone(),
        strides: m.strides.clone(),
    };
    Ok(new_memoryview(m.obj(), spec))
}

fn mv_cast(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "cast", &args[1..], kw, &["format", "shape"], 2, 1)?;
    let m = live(vm, &args[0])?;
    let fmt_v = a[0].clone().unwrap_or_else(none);
    let Some(fmt_s) = fmt_v.downcast_ref::<StrObject>() else {
        let msg = format!("cast() argument 'format' must be str, not {}", vm.type_name(&fmt_v));
        return Err(vm.type_error(msg));
    };
    let fmt_text = fmt_s.to_string_lossy();
    if !m.is_c_contiguous() {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let shape_arg: Option<Vec<Value>> = match &a[1] {
        None => None,
        Some(s) => {
            if let Some(t) = s.downcast_ref::<TupleObject>() {
                Some(t.items().to_vec())
            } else if let Some(l) = s.downcast_ref::<crate::objects::list::ListObject>() {
                Some(l.to_vec())
            } else {
                return Err(vm.type_error("shape must be a list or a tuple"));
            }
        }
    };
    if m.shape.iter().any(|&n| n == 0) || m.strides.iter().any(|&s| s == 0) {
        return Err(vm.type_error("memoryview: cannot cast view with zeros in shape or strides"));
    }
    let Some(dest) = parse_format(&fmt_text) else {
        return Err(vm.value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    let byte_fmt = |f: &str| matches!(f.strip_prefix('@').unwrap_or(f), "B" | "b" | "c");
    if !byte_fmt(&m.format) && !byte_fmt(&fmt_text) {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let nbytes = m.nbytes();
    let shape: Vec<usize> = match shape_arg {
        None => {
            if m.ndim() > 1 {
                // ND -> 1D is fine; only 1D <-> ND changes are allowed.
            }
            if nbytes % dest.size != 0 {
                return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
            }
            vec![nbytes / dest.size]
        }
        Some(items) => {
            if items.len() > 64 {
                return Err(vm.value_error("memoryview: number of dimensions must not exceed 64"));
            }
            if m.ndim() != 1 && items.len() != 1 {
                return Err(vm.type_error("memoryview: cast must be 1D -> ND or ND -> 1D"));
            }
            let mut shape = Vec::with_capacity(items.len());
            let mut product: usize = 1;
            for it in &items {
                let Some(n) = as_int(it).and_then(|i| i.to_i64()) else {
                    return Err(vm.type_error("memoryview.cast(): elements of shape must be integers"));
                };
                if n <= 0 {
                    return Err(vm.value_error("memoryview.cast(): elements of shape must be integers > 0"));
                }
                product = match product.checked_mul(n as usize) {
                    Some(p) => p,
                    None => return Err(vm.value_error("memoryview.cast(): product(shape) > SSIZE_MAX")),
                };
                shape.push(n as usize);
            }
            if product.checked_mul(dest.size) != Some(nbytes) {
                return Err(vm.type_error("memoryview: product(shape) * itemsize != buffer size"));
            }
            shape
        }
    };
    let mut strides = vec![0isize; shape.len()];
    let mut acc = dest.size as isize;
    for (s, n) in strides.iter_mut().zip(shape.iter()).rev() {
        *s = acc;
        acc *= *n as isize;
    }
    let spec = ViewSpec {
        offset: m.offset,
        itemsize: dest.size,
        format: fmt_text.into(),
        readonly: m.readonly,
        shape: shape.into(),
        strides: strides.into(),
    };
    Ok(new_memoryview(m.obj(), spec))
}

// ---- attributes ----

fn g_obj(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(live(vm, v)?.obj())
}
fn g_nbytes(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::int(live(vm, v)?.nbytes() as i64))
}
fn g_readonly(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::bool(live(vm, v)?.readonly))
}
fn g_itemsize(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::int(live(vm, v)?.itemsize as i64))
}
fn g_format(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_str(&live(vm, v)?.format))
}
fn g_ndim(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::int(live(vm, v)?.ndim() as i64))
}
fn g_shape(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = live(vm, v)?;
    Ok(new_tuple(m.shape.iter().map(|&n| Value::int(n as i64)).collect()))
}
fn g_strides(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = live(vm, v)?;
    Ok(new_tuple(m.strides.iter().map(|&n| Value::int(n as i64)).collect()))
}
fn g_suboffsets(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    live(vm, v)?;
    Ok(new_tuple(Vec::new()))
}
fn g_c_contiguous(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::bool(live(vm, v)?.is_c_contiguous()))
}
fn g_f_contiguous(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = live(vm, v)?;
    // 1-D contiguous views are both C and Fortran contiguous.
    Ok(Value::bool(m.ndim() <= 1 && m.is_c_contiguous()))
}
fn g_contiguous(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::bool(live(vm, v)?.is_c_contiguous()))
}

pub(crate) fn init() {
    // SAFETY: start-up, once, before any instance exists.
    unsafe {
        MEMORYVIEW_TYPE.init(
            crate::object::LayoutKind::MemoryView,
            type_flags::SEQUENCE,
            Some(&OBJECT_TYPE),
        )
    };
    crate::typeinit::finish_static(MEMORYVIEW_TYPE.get(), "memoryview");
    let s = MEMORYVIEW_TYPE.get().slots_mut();
    *s = *OBJECT_TYPE.get().slots();
    s.repr = Some(mv_repr);
    s.str = None;
    s.hash = Some(mv_hash);
    s.len = Some(mv_len);
    s.richcompare = Some(mv_richcompare);
    s.getitem = Some(mv_getitem);
    s.setitem = Some(mv_setitem);
    s.iter = Some(mv_iter);
    s.new = Some(mv_new);
    s.init = None;
    let methods: &[(&'static str, NativeFn)] = &[
        ("tobytes", mv_tobytes),
        ("tolist", mv_tolist),
        ("hex", mv_hex),
        ("release", mv_release),
        ("toreadonly", mv_toreadonly),
        ("cast", mv_cast),
        ("__enter__", mv_enter),
        ("__exit__", mv_exit),
    ];
    for (name, f) in methods {
        add_method(&MEMORYVIEW_TYPE, name, *f);
    }
    let getters: &[(&'static str, crate::objects::descr::GetterFn)] = &[
        ("obj", g_obj),
        ("nbytes", g_nbytes),
        ("readonly", g_readonly),
        ("itemsize", g_itemsize),
        ("format", g_format),
        ("ndim", g_ndim),
        ("shape", g_shape),
        ("strides", g_strides),
        ("suboffsets", g_suboffsets),
        ("c_contiguous", g_c_contiguous),
        ("f_contiguous", g_f_contiguous),
        ("contiguous", g_contiguous),
    ];
    for (name, g) in getters {
        add_getset(&MEMORYVIEW_TYPE, name, *g, None);
    }
    crate::typeinit::add_slot_wrappers(MEMORYVIEW_TYPE.get());
    let _ = (BytesObject::len, ByteArrayObject::len);
}
