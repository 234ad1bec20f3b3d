//! The buffer protocol and `memoryview`.
//!
//! Buffer protocol: [`raw_buffer`] gives the memory of a bytes-like object
//! (bytes, bytearray, a memoryview's exporter, and any type registered with
//! [`register_buffer_provider`], such as `array.array` later) as a pointer,
//! length, writability and item format. [`bytes_like`] gives the contents of
//! any bytes-like object (memoryviews included) as a byte slice; every API
//! that takes "a bytes-like object" goes through it.
//!
//! A memoryview keeps its exporter (`obj`) and describes the part it sees:
//! byte offset, shape, strides (in bytes), item size and format. It never
//! holds a pointer: each access asks the exporter for its memory again.
//! Views over a bytearray count as exports, which forbid resizing it, so
//! offsets stay valid.

use crate::exception::{ExcKind, PyResult};
use crate::gil::GilCell;
use crate::object::{alloc_object, LayoutKind, ObjHeader, PyPayload};
use crate::objects::bytearray::ByteArrayObject;
use crate::objects::bytes::BytesObject;
use crate::typeobj::StaticType;
use crate::value::Value;
use crate::vm::Vm;
use std::borrow::Cow;
use std::cell::{Cell, UnsafeCell};

pub static MEMORYVIEW_TYPE: StaticType = StaticType::new();

/// The memory of an exporter, valid until Python code runs or the exporter
/// is resized (views prevent the latter through the export count).
#[derive(Clone, Copy)]
pub struct RawBuffer {
    pub ptr: *mut u8,
    /// In bytes, whatever the item size.
    pub len: usize,
    pub readonly: bool,
    /// struct-module format of the items ("B" for byte strings).
    pub format: &'static str,
    pub itemsize: usize,
}

/// A function giving the buffer of the objects of some native type.
pub type BufferProvider = fn(&Value) -> Option<RawBuffer>;

static PROVIDERS: GilCell<Vec<BufferProvider>> = GilCell::new(Vec::new());

/// Makes the objects `provider` recognizes bytes-like (for native modules
/// such as `array`). Their export counting is the provider's business.
pub fn register_buffer_provider(provider: BufferProvider) {
    // SAFETY: GIL held by the caller; no reference is kept.
    unsafe { PROVIDERS.get_mut().push(provider) };
}

/// Told when a view of an object starts (`true`) or stops (`false`)
/// exporting it; returns whether it recognized the object. Exporters that
/// refuse resizing while exported (BytesIO's buffer) count here.
pub type ExportHook = fn(&Value, bool) -> bool;

static EXPORT_HOOKS: GilCell<Vec<ExportHook>> = GilCell::new(Vec::new());

pub fn register_export_hook(hook: ExportHook) {
    // SAFETY: GIL held by the caller; no reference is kept.
    unsafe { EXPORT_HOOKS.get_mut().push(hook) };
}

/// Counts an export of `obj` starting or ending.
fn note_export(obj: &Value, starting: bool) {
    if let Some(ba) = obj.downcast_ref::<ByteArrayObject>() {
        if starting {
            ba.add_export();
        } else {
            ba.remove_export();
        }
        return;
    }
    if !obj.is_ptr() {
        return;
    }
    // SAFETY: GIL held; the list is only read here.
    let hooks = unsafe { EXPORT_HOOKS.get_mut().clone() };
    for h in hooks {
        if h(obj, starting) {
            return;
        }
    }
}

/// The memory an exporter (not a memoryview) offers.
pub fn raw_buffer(v: &Value) -> Option<RawBuffer> {
    if let Some(b) = v.downcast_ref::<BytesObject>() {
        let d = b.data();
        return Some(RawBuffer {
            ptr: d.as_ptr() as *mut u8,
            len: d.len(),
            readonly: true,
            format: "B",
            itemsize: 1,
        });
    }
    if let Some(b) = v.downcast_ref::<ByteArrayObject>() {
        return Some(RawBuffer {
            ptr: b.as_mut_ptr(),
            len: b.len(),
            readonly: false,
            format: "B",
            itemsize: 1,
        });
    }
    if !v.is_ptr() {
        return None;
    }
    // SAFETY: GIL held; the list is only read here.
    let providers = unsafe { PROVIDERS.get_mut().clone() };
    providers.into_iter().find_map(|p| p(v))
}

/// Whether `v` supports the buffer protocol.
pub fn is_bytes_like(v: &Value) -> bool {
    v.downcast_ref::<MemoryViewObject>().is_some() || raw_buffer(v).is_some()
}

/// The bytes of a bytes-like object; `Ok(None)` if `v` is not one. A
/// released memoryview is an error. The caller must not run Python code
/// while holding a borrowed result.
pub fn bytes_like<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<Option<Cow<'a, [u8]>>> {
    if let Some(b) = v.downcast_ref::<BytesObject>() {
        return Ok(Some(Cow::Borrowed(b.data())));
    }
    if let Some(b) = v.downcast_ref::<ByteArrayObject>() {
        return Ok(Some(Cow::Borrowed(b.data())));
    }
    if let Some(m) = v.downcast_ref::<MemoryViewObject>() {
        return m.to_bytes(vm).map(Some);
    }
    Ok(raw_buffer(v).map(|rb| {
        // SAFETY: the provider vouches for ptr/len while no Python code runs.
        Cow::Borrowed(unsafe { std::slice::from_raw_parts(rb.ptr, rb.len) })
    }))
}

/// `bytes_like`, with CPython's "a bytes-like object is required" otherwise.
pub fn require_bytes_like<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<Cow<'a, [u8]>> {
    match bytes_like(vm, v)? {
        Some(b) => Ok(b),
        None => {
            let msg = format!("a bytes-like object is required, not '{}'", vm.type_name(v));
            Err(vm.type_error(msg))
        }
    }
}

#[repr(C)]
pub struct MemoryViewObject {
    pub(crate) header: ObjHeader,
    /// The exporter (never itself a memoryview).
    obj: UnsafeCell<Value>,
    released: Cell<bool>,
    /// Byte offset of the first item in the exporter's memory.
    pub(crate) offset: usize,
    pub(crate) itemsize: usize,
    pub(crate) format: Box<str>,
    pub(crate) readonly: bool,
    pub(crate) shape: Box<[usize]>,
    pub(crate) strides: Box<[isize]>,
    hash: Cell<i64>,
}

// SAFETY: repr(C), starts with the header; MEMORYVIEW_TYPE has this layout.
unsafe impl PyPayload for MemoryViewObject {
    const KIND: LayoutKind = LayoutKind::MemoryView;
}

impl Drop for MemoryViewObject {
    fn drop(&mut self) {
        self.unregister();
    }
}

/// The parts of a view (what `memoryview(...)`, slicing and `cast` decide).
pub struct ViewSpec {
    pub offset: usize,
    pub itemsize: usize,
    pub format: Box<str>,
    pub readonly: bool,
    pub shape: Box<[usize]>,
    pub strides: Box<[isize]>,
}

/// A new view of `obj` (an exporter); registers the export.
pub fn new_memoryview(obj: Value, spec: ViewSpec) -> Value {
    note_export(&obj, true);
    alloc_object(
        MEMORYVIEW_TYPE.get(),
        MemoryViewObject {
            header: ObjHeader::new(std::ptr::null()),
            obj: UnsafeCell::new(obj),
            released: Cell::new(false),
            offset: spec.offset,
            itemsize: spec.itemsize,
            format: spec.format,
            readonly: spec.readonly,
            shape: spec.shape,
            strides: spec.strides,
            hash: Cell::new(-1),
        },
    )
}

/// `memoryview(obj)`.
pub fn memoryview_of(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    if let Some(m) = obj.downcast_ref::<MemoryViewObject>() {
        m.check_released(vm)?;
        let spec = ViewSpec {
            offset: m.offset,
            itemsize: m.itemsize,
            format: m.format.clone(),
            readonly: m.readonly,
            shape: m.shape.clone(),
            strides: m.strides.clone(),
        };
        return Ok(new_memoryview(m.obj(), spec));
    }
    let Some(rb) = raw_buffer(obj) else {
        let msg = format!("memoryview: a bytes-like object is required, not '{}'", vm.type_name(obj));
        return Err(vm.type_error(msg));
    };
    let itemsize = rb.itemsize.max(1);
    let spec = ViewSpec {
        offset: 0,
        itemsize,
        format: rb.format.into(),
        readonly: rb.readonly,
        shape: vec![rb.len / itemsize].into(),
        strides: vec![itemsize as isize].into(),
    };
    Ok(new_memoryview(obj.clone(), spec))
}

impl MemoryViewObject {
    pub fn obj(&self) -> Value {
        // SAFETY: read by clone; never replaced.
        unsafe { (*self.obj.get()).clone() }
    }

    pub fn is_released(&self) -> bool {
        self.released.get()
    }

    fn unregister(&self) {
        if !self.released.replace(true) {
            // SAFETY: read only.
            let obj = unsafe { &*self.obj.get() };
            note_export(obj, false);
        }
    }

    /// `release()`: idempotent.
    pub fn release(&self) {
        self.unregister();
    }

    pub fn check_released(&self, vm: &mut Vm) -> PyResult<()> {
        if self.released.get() {
            return Err(vm.value_error("operation forbidden on released memoryview object"));
        }
        Ok(())
    }

    pub fn ndim(&self) -> usize {
        self.shape.len()
    }

    /// Number of items.
    pub fn item_count(&self) -> usize {
        self.shape.iter().product()
    }

    pub fn nbytes(&self) -> usize {
        self.item_count() * self.itemsize
    }

    /// Items follow each other without gaps in C order.
    pub fn is_c_contiguous(&self) -> bool {
        let mut expect = self.itemsize as isize;
        for (n, s) in self.shape.iter().zip(self.strides.iter()).rev() {
            if *n > 1 && *s != expect {
                return false;
            }
            expect *= *n as isize;
        }
        true
    }

    /// The exporter's memory, checked to still cover this view (an exporter
    /// from a provider could have shrunk).
    pub fn base(&self, vm: &mut Vm) -> PyResult<RawBuffer> {
        self.check_released(vm)?;
        // SAFETY: read only.
        let obj = unsafe { &*self.obj.get() };
        let Some(rb) = raw_buffer(obj) else {
            return Err(vm.value_error("operation forbidden on released memoryview object"));
        };
        if self.item_count() > 0 {
            let (lo, hi) = self.byte_extent();
            if lo < 0 || hi as usize > rb.len {
                return Err(vm.new_error(ExcKind::BufferError, "memoryview: underlying buffer has shrunk"));
            }
        }
        Ok(rb)
    }

    /// Lowest and one-past-highest byte offsets the view touches (non-empty view).
    fn byte_extent(&self) -> (isize, isize) {
        let mut lo = self.offset as isize;
        let mut hi = self.offset as isize;
        for (n, s) in self.shape.iter().zip(self.strides.iter()) {
            let span = (*n as isize - 1) * s;
            if span < 0 {
                lo += span;
            } else {
                hi += span;
            }
        }
        (lo, hi + self.itemsize as isize)
    }

    /// Byte offsets of every item in C order.
    pub fn item_offsets(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.item_count());
        let mut idx = vec![0usize; self.ndim()];
        if self.item_count() == 0 {
            return out;
        }
        loop {
            let mut off = self.offset as isize;
            for (i, s) in idx.iter().zip(self.strides.iter()) {
                off += *i as isize * s;
            }
            out.push(off as usize);
            // Odometer increment over the shape, last dimension fastest.
            let mut d = self.ndim();
            loop {
                if d == 0 {
                    return out;
                }
                d -= 1;
                idx[d] += 1;
                if idx[d] < self.shape[d] {
                    break;
                }
                idx[d] = 0;
            }
        }
    }

    /// The viewed bytes in C order (`tobytes()`).
    pub fn to_bytes(&self, vm: &mut Vm) -> PyResult<Cow<'_, [u8]>> {
        let rb = self.base(vm)?;
        // SAFETY: `base` checked the extent against the exporter's length.
        let mem = unsafe { std::slice::from_raw_parts(rb.ptr as *const u8, rb.len) };
        if self.item_count() == 0 {
            return Ok(Cow::Borrowed(&[]));
        }
        if self.is_c_contiguous() {
            let n = self.nbytes();
            return Ok(Cow::Borrowed(mem.get(self.offset..self.offset + n).unwrap_or(&[])));
        }
        let mut out = Vec::with_capacity(self.nbytes());
        for off in self.item_offsets() {
            out.extend_from_slice(mem.get(off..off + self.itemsize).unwrap_or(&[]));
        }
        Ok(Cow::Owned(out))
    }

    pub(crate) fn cached_hash(&self) -> &Cell<i64> {
        &self.hash
    }
}

/// A parsed struct-style native format: its code letter and size.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct ItemFormat {
    pub code: u8,
    pub size: usize,
}

/// Native single-item formats memoryview can unpack ('@' prefix allowed).
pub fn parse_format(fmt: &str) -> Option<ItemFormat> {
    let f = fmt.strip_prefix('@').unwrap_or(fmt);
    let b = f.as_bytes();
    if b.len() != 1 {
        return None;
    }
    let size = match b[0] {
        b'c' | b'b' | b'B' | b'?' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'd' | b'P' => 8,
        _ => return None,
    };
    Some(ItemFormat { code: b[0], size })
}

/// An unpacked item, for comparisons without allocating Python objects.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Scalar {
    Int(i128),
    Float(f64),
    Bool(bool),
    Byte(u8),
}

fn read_le<const N: usize>(b: &[u8]) -> [u8; N] {
    let mut a = [0u8; N];
    for (d, s) in a.iter_mut().zip(b) {
        *d = *s;
    }
    a
}

/// Unpacks one item (`b` holds at least `fmt.size` bytes; native order).
pub fn unpack_scalar(fmt: ItemFormat, b: &[u8]) -> Scalar {
    match fmt.code {
        b'B' => Scalar::Int(b.first().copied().unwrap_or(0) as i128),
        b'b' => Scalar::Int(b.first().copied().unwrap_or(0) as i8 as i128),
        b'c' => Scalar::Byte(b.first().copied().unwrap_or(0)),
        b'?' => Scalar::Bool(b.first().copied().unwrap_or(0) != 0),
        b'h' => Scalar::Int(i16::from_ne_bytes(read_le(b)) as i128),
        b'H' => Scalar::Int(u16::from_ne_bytes(read_le(b)) as i128),
        b'i' => Scalar::Int(i32::from_ne_bytes(read_le(b)) as i128),
        b'I' => Scalar::Int(u32::from_ne_bytes(read_le(b)) as i128),
        b'l' | b'q' | b'n' => Scalar::Int(i64::from_ne_bytes(read_le(b)) as i128),
        b'L' | b'Q' | b'N' | b'P' => Scalar::Int(u64::from_ne_bytes(read_le(b)) as i128),
        b'f' => Scalar::Float(f32::from_ne_bytes(read_le(b)) as f64),
        _ => Scalar::Float(f64::from_ne_bytes(read_le(b))),
    }
}

pub fn scalar_to_value(s: Scalar) -> Value {
    match s {
        Scalar::Int(i) => match i64::try_from(i) {
            Ok(v) => Value::int(v),
            Err(_) => crate::objects::int::int_from_u64(i as u64),
        },
        Scalar::Float(f) => Value::float(f),
        Scalar::Bool(b) => Value::bool(b),
        Scalar::Byte(c) => crate::objects::bytes::new_bytes(&[c]),
    }
}

/// Packs `item` as one item of `fmt` into `out` (CPython's pack_single).
pub fn pack_scalar(vm: &mut Vm, fmt: ItemFormat, fmt_text: &str, item: &Value, out: &mut [u8]) -> PyResult<()> {
    let type_err = |vm: &mut Vm| vm.type_error(format!("memoryview: invalid type for format '{fmt_text}'"));
    let value_err = |vm: &mut Vm| vm.value_error(format!("memoryview: invalid value for format '{fmt_text}'"));
    let mut bytes: Vec<u8> = Vec::with_capacity(8);
    match fmt.code {
        b'c' => {
            let Some(b) = item.downcast_ref::<BytesObject>() else {
                return Err(type_err(vm));
            };
            if b.len() != 1 {
                return Err(value_err(vm));
            }
            bytes.push(b.data()[0]);
        }
        b'?' => {
            let t = vm.is_true(item)?;
            bytes.push(t as u8);
        }
        b'f' | b'd' => {
            let numeric = crate::objects::float::as_float(item).is_some()
                || crate::objects::int::as_int(item).is_some()
                || crate::typeobj::type_of(item).slots().float.is_some()
                || crate::typeobj::type_of(item).slots().index.is_some();
            if !numeric {
                return Err(type_err(vm));
            }
            let f = match crate::types::num::float_from_object(vm, item) {
                Ok(f) => f,
                Err(e) if e.is_instance(ExcKind::TypeError) => return Err(type_err(vm)),
                Err(e) => return Err(e),
            };
            if fmt.code == b'f' {
                bytes.extend_from_slice(&(f as f32).to_ne_bytes());
            } else {
                bytes.extend_from_slice(&f.to_ne_bytes());
            }
        }
        code => {
            if crate::objects::int::as_int(item).is_none()
                && crate::typeobj::type_of(item).slots().index.is_none()
            {
                return Err(type_err(vm));
            }
            let iv = vm.index(item)?;
            let Some(big) = crate::objects::int::bigint_of(&iv) else {
                return Err(type_err(vm));
            };
            let v: i128 = match i128::try_from(big) {
                Ok(v) => v,
                Err(_) => return Err(value_err(vm)),
            };
            let (lo, hi): (i128, i128) = match code {
                b'b' => (i8::MIN as i128, i8::MAX as i128),
                b'B' => (0, u8::MAX as i128),
                b'h' => (i16::MIN as i128, i16::MAX as i128),
                b'H' => (0, u16::MAX as i128),
                b'i' => (i32::MIN as i128, i32::MAX as i128),
                b'I' => (0, u32::MAX as i128),
                b'l' | b'q' | b'n' => (i64::MIN as i128, i64::MAX as i128),
                _ => (0, u64::MAX as i128),
            };
            if v < lo || v > hi {
                return Err(value_err(vm));
            }
            let le = (v as u64).to_ne_bytes();
            bytes.extend_from_slice(&le[..fmt.size]);
            if cfg!(target_endian = "big") {
                bytes.clear();
                bytes.extend_from_slice(&le[8 - fmt.size..]);
            }
        }
    }
    for (d, s) in out.iter_mut().zip(bytes.iter()) {
        *d = *s;
    }
    Ok(())
}
