//! `zlib`: compression with the real zlib library (through libz-sys, which
//! links the system libz as CPython does, or builds its bundled copy where
//! there is none), so that compressed bytes are the very ones CPython
//! produces. Streams are `zlib.Compress` / `zlib.Decompress` objects.

use super::binascii::{clinic_parse, crc32_update, new_exception_class, no_kwargs, no_positional, raise_in};
use crate::args::ArgSpec;
use crate::exception::{ExcKind, PyErr, PyResult};
use crate::gil::GilCell;
use crate::modules::itertools::make_type;
use crate::modules::{ModuleBuilder, NativeType};
use crate::objects::bytes::{new_bytes, new_bytes_from_vec};
use crate::objects::int::as_int;
use crate::objects::memoryview::{bytes_like, require_bytes_like};
use crate::objects::native::{new_native, NativeData};
use crate::objects::str::new_str;
use crate::typeinit::{add_getset_to, add_method_to};
use crate::typeobj::{KwNames, TypeObject};
use crate::value::Value;
use crate::vm::Vm;
use libz_sys as z;
use std::cell::{Cell, RefCell};
use std::ffi::{c_int, CStr};

const DEF_BUF_SIZE: usize = 16 * 1024;
const DEF_MEM_LEVEL: c_int = 8;
const MAX_WBITS: c_int = 15;

static ERROR: GilCell<Option<Value>> = GilCell::new(None);

fn zerror(vm: &mut Vm, msg: &str) -> PyErr {
    raise_in(vm, &ERROR, msg)
}

unsafe extern "C" fn z_alloc(_opaque: z::voidpf, items: z::uInt, size: z::uInt) -> z::voidpf {
    libc::calloc(items as usize, size as usize)
}

unsafe extern "C" fn z_free(_opaque: z::voidpf, ptr: z::voidpf) {
    libc::free(ptr)
}

/// A z_stream at a fixed address (zlib's state points back at it), ended
/// when dropped if still initialised.
struct Stream {
    strm: Box<z::z_stream>,
    deflating: bool,
    initialised: bool,
}

impl Stream {
    fn new(deflating: bool) -> Stream {
        let strm = Box::new(z::z_stream {
            next_in: std::ptr::null_mut(),
            avail_in: 0,
            total_in: 0,
            next_out: std::ptr::null_mut(),
            avail_out: 0,
            total_out: 0,
            msg: std::ptr::null_mut(),
            state: std::ptr::null_mut(),
            zalloc: z_alloc,
            zfree: z_free,
            opaque: std::ptr::null_mut(),
            data_type: 0,
            adler: 0,
            reserved: 0,
        });
        Stream {
            strm,
            deflating,
            initialised: false,
        }
    }

    fn deflate_init(&mut self, level: i64, method: i64, wbits: i64, mem_level: i64, strategy: i64) -> c_int {
        // SAFETY: a fresh stream with allocators set; zlib checks the values.
        let err = unsafe {
            z::deflateInit2_(
                &mut *self.strm,
                level as c_int,
                method as c_int,
                wbits as c_int,
                mem_level as c_int,
                strategy as c_int,
                z::zlibVersion(),
                std::mem::size_of::<z::z_stream>() as c_int,
            )
        };
        self.initialised = err == z::Z_OK;
        err
    }

    fn inflate_init(&mut self, wbits: i64) -> c_int {
        // SAFETY: as in deflate_init.
        let err = unsafe {
            z::inflateInit2_(
                &mut *self.strm,
                wbits as c_int,
                z::zlibVersion(),
                std::mem::size_of::<z::z_stream>() as c_int,
            )
        };
        self.initialised = err == z::Z_OK;
        err
    }

    /// Ends the stream (deflateEnd/inflateEnd), returning zlib's code.
    fn end(&mut self) -> c_int {
        self.initialised = false;
        // SAFETY: zlib checks the state (an ended stream gives Z_STREAM_ERROR).
        unsafe {
            if self.deflating {
                z::deflateEnd(&mut *self.strm)
            } else {
                z::inflateEnd(&mut *self.strm)
            }
        }
    }

    /// The stream's message, if zlib set one.
    fn msg(&self) -> Option<String> {
        let p = self.strm.msg;
        if p.is_null() {
            return None;
        }
        // SAFETY: zlib's messages are static NUL-terminated strings.
        Some(unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
    }

    /// One deflate/inflate call on `input[..]` writing into `out`'s spare
    /// room (at most `limit` bytes in all). Returns zlib's code and how much
    /// input it consumed.
    fn step(&mut self, input: &[u8], out: &mut OutBuf, flush: c_int) -> Result<(c_int, usize), OutOfMemory> {
        let avail_in = input.len().min(u32::MAX as usize);
        self.strm.next_in = input.as_ptr() as *mut u8;
        self.strm.avail_in = avail_in as z::uInt;
        let room = out.room()?;
        let start = out.buf.len();
        // SAFETY: `room` bytes of spare capacity were reserved past `start`.
        self.strm.next_out = unsafe { out.buf.as_mut_ptr().add(start) };
        self.strm.avail_out = room as z::uInt;
        // SAFETY: the stream's buffers point at live memory of the given
        // sizes; zlib rejects an uninitialised or ended stream by itself.
        let err = unsafe {
            if self.deflating {
                z::deflate(&mut *self.strm, flush)
            } else {
                z::inflate(&mut *self.strm, flush)
            }
        };
        let written = room - self.strm.avail_out as usize;
        // SAFETY: zlib wrote `written` bytes into the reserved room.
        unsafe { out.buf.set_len(start + written) };
        out.wrote(written);
        let consumed = avail_in - self.strm.avail_in as usize;
        self.strm.next_in = std::ptr::null_mut();
        self.strm.avail_in = 0;
        Ok((err, consumed))
    }
}

impl Drop for Stream {
    fn drop(&mut self) {
        if self.initialised {
            self.end();
        }
    }
}

/// The output buffer could not grow.
struct OutOfMemory;

fn no_memory(vm: &mut Vm, _: OutOfMemory) -> PyErr {
    vm.new_error(ExcKind::MemoryError, "Unable to allocate output buffer.")
}

/// CPython's output block sizes (pycore_blocks_output_buffer.h). They
/// matter: level-0 deflate sizes its stored blocks by the output room.
const BLOCK_SIZES: [usize; 17] = [
    32 << 10,
    64 << 10,
    256 << 10,
    1 << 20,
    4 << 20,
    8 << 20,
    16 << 20,
    16 << 20,
    32 << 20,
    32 << 20,
    32 << 20,
    32 << 20,
    64 << 20,
    64 << 20,
    128 << 20,
    128 << 20,
    256 << 20,
];

/// Output gathered from zlib in CPython's blocks (one contiguous Vec here,
/// but zlib is offered the same room at each call), up to an optional limit.
struct OutBuf {
    buf: Vec<u8>,
    /// Blocks handed out so far.
    blocks: usize,
    /// Room left in the current block.
    block_left: usize,
    limit: Option<usize>,
}

impl OutBuf {
    /// `_BlocksOutputBuffer_InitAndGrow`: a first block of 32 KiB (less
    /// under a smaller limit).
    fn new(limit: Option<usize>) -> OutBuf {
        let first = limit.map_or(BLOCK_SIZES[0], |l| l.min(BLOCK_SIZES[0]));
        OutBuf::with_first_block(first, limit)
    }

    /// `_BlocksOutputBuffer_InitWithSize`: a first block of `size`.
    fn with_size(size: usize) -> OutBuf {
        OutBuf::with_first_block(size, None)
    }

    fn with_first_block(size: usize, limit: Option<usize>) -> OutBuf {
        OutBuf {
            buf: Vec::new(),
            blocks: 1,
            block_left: size,
            limit,
        }
    }

    fn full(&self) -> bool {
        self.limit == Some(self.buf.len())
    }

    /// The room offered to the next call: what is left of the current
    /// block, or a new block when it is full.
    fn room(&mut self) -> Result<usize, OutOfMemory> {
        if self.block_left == 0 {
            let mut size = BLOCK_SIZES[self.blocks.min(BLOCK_SIZES.len() - 1)];
            if let Some(l) = self.limit {
                size = size.min(l.saturating_sub(self.buf.len()));
            }
            self.blocks += 1;
            self.block_left = size;
        }
        // zlib counts room in a C unsigned int.
        let room = self.block_left.min(u32::MAX as usize);
        self.buf.try_reserve(room).map_err(|_| OutOfMemory)?;
        Ok(room)
    }

    /// Accounts `written` bytes that zlib put in the room.
    fn wrote(&mut self, written: usize) {
        self.block_left -= written;
    }
}

/// `zlib.error` from a zlib code, as CPython's zlib_error words it.
fn zlib_error(vm: &mut Vm, s: &Stream, err: c_int, what: &str) -> PyErr {
    let zmsg = if err == z::Z_VERSION_ERROR {
        Some("library version mismatch".to_string())
    } else {
        s.msg().or_else(|| {
            match err {
                z::Z_BUF_ERROR => Some("incomplete or truncated stream"),
                z::Z_STREAM_ERROR => Some("inconsistent stream state"),
                z::Z_DATA_ERROR => Some("invalid input data"),
                _ => None,
            }
            .map(String::from)
        })
    };
    let msg = match zmsg {
        Some(m) => format!("Error {err} {what}: {}", m.chars().take(200).collect::<String>()),
        None => format!("Error {err} {what}"),
    };
    zerror(vm, &msg)
}

/// Argument Clinic's `int` converter (`__index__`, C int range).
fn c_int_arg(vm: &mut Vm, v: &Option<Value>, default: i64) -> PyResult<i64> {
    let Some(v) = v else { return Ok(default) };
    let i = vm.index(v)?;
    match as_int(&i).and_then(|i| i.to_i64()) {
        Some(n) if i32::try_from(n).is_ok() => Ok(n),
        _ => Err(vm.new_error(ExcKind::OverflowError, "Python int too large to convert to C int")),
    }
}

/// Argument Clinic's `Py_ssize_t` converter.
fn ssize_arg(vm: &mut Vm, v: &Option<Value>, default: i64) -> PyResult<i64> {
    let Some(v) = v else { return Ok(default) };
    vm.index_i64(v)
}

/// `unsigned_int(bitwise=True)`: any int, masked to 32 bits.
fn u32_mask(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    let i = vm.index(v)?;
    Ok(match as_int(&i) {
        Some(crate::objects::int::IntView::Small(n)) => n as u32,
        Some(crate::objects::int::IntView::Big(b)) => {
            let m: num_bigint::BigInt = b & num_bigint::BigInt::from(u32::MAX);
            u32::try_from(m).unwrap_or(0)
        }
        None => 0,
    })
}

// ---- one-shot functions ----

fn compress(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = clinic_parse(vm, "compress", args, kw, &["", "level", "wbits"], 3, 1, false)?;
    let Some(d) = &a[0] else { return Err(vm.type_error("missing data")) };
    let level = c_int_arg(vm, &a[1], z::Z_DEFAULT_COMPRESSION as i64)?;
    let wbits = c_int_arg(vm, &a[2], MAX_WBITS as i64)?;
    let data = require_bytes_like(vm, d)?;
    let mut s = Stream::new(true);
    match s.deflate_init(level, z::Z_DEFLATED as i64, wbits, DEF_MEM_LEVEL as i64, 0) {
        z::Z_OK => {}
        z::Z_MEM_ERROR => return Err(vm.new_error(ExcKind::MemoryError, "Out of memory while compressing data")),
        z::Z_STREAM_ERROR => return Err(zerror(vm, "Bad compression level")),
        err => return Err(zlib_error(vm, &s, err, "while compressing data")),
    }
    let mut out = OutBuf::new(None);
    let mut input: &[u8] = &data;
    loop {
        let last_chunk = input.len() <= u32::MAX as usize;
        let flush = if last_chunk { z::Z_FINISH } else { z::Z_NO_FLUSH };
        let (err, used) = s.step(input, &mut out, flush).map_err(|e| no_memory(vm, e))?;
        input = &input[used..];
        if err == z::Z_STREAM_ERROR {
            return Err(zlib_error(vm, &s, err, "while compressing data"));
        }
        if err == z::Z_STREAM_END {
            break;
        }
    }
    match s.end() {
        z::Z_OK => Ok(new_bytes_from_vec(out.buf)),
        err => Err(zlib_error(vm, &s, err, "while finishing compression")),
    }
}

fn decompress(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = clinic_parse(vm, "decompress", args, kw, &["", "wbits", "bufsize"], 3, 1, false)?;
    let Some(d) = &a[0] else { return Err(vm.type_error("missing data")) };
    let wbits = c_int_arg(vm, &a[1], MAX_WBITS as i64)?;
    let bufsize = ssize_arg(vm, &a[2], DEF_BUF_SIZE as i64)?;
    if bufsize < 0 {
        return Err(vm.value_error("bufsize must be non-negative"));
    }
    let data = require_bytes_like(vm, d)?;
    let mut s = Stream::new(false);
    match s.inflate_init(wbits) {
        z::Z_OK => {}
        z::Z_MEM_ERROR => return Err(vm.new_error(ExcKind::MemoryError, "Out of memory while decompressing data")),
        err => {
            s.end();
            return Err(zlib_error(vm, &s, err, "while preparing to decompress data"));
        }
    }
    let mut out = OutBuf::with_size((bufsize as usize).max(1));
    let mut input: &[u8] = &data;
    let mut err;
    loop {
        let flush = if input.len() <= u32::MAX as usize { z::Z_FINISH } else { z::Z_NO_FLUSH };
        loop {
            let (e, used) = s.step(input, &mut out, flush).map_err(|e| no_memory(vm, e))?;
            err = e;
            input = &input[used..];
            match err {
                z::Z_OK | z::Z_BUF_ERROR | z::Z_STREAM_END => {}
                z::Z_MEM_ERROR => {
                    return Err(vm.new_error(ExcKind::MemoryError, "Out of memory while decompressing data"));
                }
                _ => return Err(zlib_error(vm, &s, err, "while decompressing data")),
            }
            if s.strm.avail_out != 0 {
                break;
            }
        }
        if err == z::Z_STREAM_END || input.is_empty() {
            break;
        }
    }
    if err != z::Z_STREAM_END {
        return Err(zlib_error(vm, &s, err, "while decompressing data"));
    }
    match s.end() {
        z::Z_OK => Ok(new_bytes_from_vec(out.buf)),
        err => Err(zlib_error(vm, &s, err, "while finishing decompression")),
    }
}

fn checksum(vm: &mut Vm, args: &[Value], kw: KwNames, name: &str, default: u32) -> PyResult<(Vec<u8>, u32)> {
    no_kwargs(vm, &format!("zlib.{name}"), kw)?;
    ArgSpec::range(vm, name, args, 0, 1, 2)?;
    let data = require_bytes_like(vm, &args[0])?.into_owned();
    let start = match args.get(1) {
        Some(v) => u32_mask(vm, v)?,
        None => default,
    };
    Ok((data, start))
}

fn crc32(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (data, start) = checksum(vm, args, kw, "crc32", 0)?;
    Ok(Value::int(crc32_update(start, &data) as i64))
}

fn adler32(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (data, start) = checksum(vm, args, kw, "adler32", 1)?;
    let mut sum = start as z::uLong;
    for chunk in data.chunks(1 << 30) {
        // SAFETY: the pointer and length describe `chunk`.
        sum = unsafe { z::adler32(sum, chunk.as_ptr(), chunk.len() as z::uInt) };
    }
    Ok(Value::int(sum as u32 as i64))
}

// ---- stream objects ----

struct CompressState {
    stream: RefCell<Stream>,
}

impl NativeData for CompressState {}

struct DecompressState {
    stream: RefCell<Stream>,
    unused_data: RefCell<Value>,
    unconsumed_tail: RefCell<Value>,
    eof: Cell<bool>,
    zdict: Option<Value>,
}

impl NativeData for DecompressState {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(z) = &self.zdict {
            visit(z);
        }
    }
}

static COMPRESS: NativeType = NativeType::new();
static DECOMPRESS: NativeType = NativeType::new();

fn no_new(vm: &mut Vm, cls: &Value, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let name = cls.downcast_ref::<TypeObject>().map(|t| t.name_string()).unwrap_or_default();
    Err(vm.type_error(format!("cannot create 'zlib.{name}' instances")))
}

fn compress_type() -> &'static TypeObject {
    if let Some(t) = COMPRESS.get() {
        return t;
    }
    let t = make_type(&COMPRESS, "zlib", "Compress", false, |s| s.new = Some(no_new));
    add_method_to(t, "compress", comp_compress);
    add_method_to(t, "flush", comp_flush);
    add_method_to(t, "copy", comp_copy);
    add_method_to(t, "__copy__", comp_dunder_copy);
    add_method_to(t, "__deepcopy__", comp_deepcopy);
    t
}

fn decompress_type() -> &'static TypeObject {
    if let Some(t) = DECOMPRESS.get() {
        return t;
    }
    let t = make_type(&DECOMPRESS, "zlib", "Decompress", false, |s| s.new = Some(no_new));
    add_method_to(t, "decompress", decomp_decompress);
    add_method_to(t, "flush", decomp_flush);
    add_method_to(t, "copy", decomp_copy);
    add_method_to(t, "__copy__", decomp_dunder_copy);
    add_method_to(t, "__deepcopy__", decomp_deepcopy);
    add_getset_to(t, "unused_data", decomp_unused_data, None);
    add_getset_to(t, "unconsumed_tail", decomp_unconsumed_tail, None);
    add_getset_to(t, "eof", decomp_eof, None);
    t
}

fn compressobj(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let names = ["level", "method", "wbits", "memLevel", "strategy", "zdict"];
    let a = ArgSpec::parse(vm, "compressobj", args, kw, &names, 6, 0)?;
    let level = c_int_arg(vm, &a[0], z::Z_DEFAULT_COMPRESSION as i64)?;
    let method = c_int_arg(vm, &a[1], z::Z_DEFLATED as i64)?;
    let wbits = c_int_arg(vm, &a[2], MAX_WBITS as i64)?;
    let mem_level = c_int_arg(vm, &a[3], DEF_MEM_LEVEL as i64)?;
    let strategy = c_int_arg(vm, &a[4], 0)?;
    let zdict = match &a[5] {
        Some(z) => Some(require_bytes_like(vm, z)?.into_owned()),
        None => None,
    };
    if zdict.as_ref().is_some_and(|d| d.len() > u32::MAX as usize) {
        return Err(vm.new_error(ExcKind::OverflowError, "zdict length does not fit in an unsigned int"));
    }
    let mut s = Stream::new(true);
    match s.deflate_init(level, method, wbits, mem_level, strategy) {
        z::Z_OK => {}
        z::Z_MEM_ERROR => {
            return Err(vm.new_error(ExcKind::MemoryError, "Can't allocate memory for compression object"))
        }
        z::Z_STREAM_ERROR => return Err(vm.value_error("Invalid initialization option")),
        err => return Err(zlib_error(vm, &s, err, "while creating compression object")),
    }
    if let Some(d) = &zdict {
        // SAFETY: an initialised deflate stream; `d` lives for the call.
        let err = unsafe { z::deflateSetDictionary(&mut *s.strm, d.as_ptr(), d.len() as z::uInt) };
        match err {
            z::Z_OK => {}
            z::Z_STREAM_ERROR => return Err(vm.value_error("Invalid dictionary")),
            _ => return Err(vm.value_error("deflateSetDictionary()")),
        }
    }
    Ok(new_native(compress_type(), CompressState { stream: RefCell::new(s) }))
}

fn decompressobj(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "decompressobj", args, kw, &["wbits", "zdict"], 2, 0)?;
    let wbits = c_int_arg(vm, &a[0], MAX_WBITS as i64)?;
    let zdict = a[1].clone();
    if let Some(z) = &zdict {
        if bytes_like(vm, z)?.is_none() {
            return Err(vm.type_error("zdict argument must support the buffer protocol"));
        }
    }
    let mut s = Stream::new(false);
    match s.inflate_init(wbits) {
        z::Z_OK => {}
        z::Z_STREAM_ERROR => return Err(vm.value_error("Invalid initialization option")),
        z::Z_MEM_ERROR => {
            return Err(vm.new_error(ExcKind::MemoryError, "Can't allocate memory for decompression object"))
        }
        err => return Err(zlib_error(vm, &s, err, "while creating decompression object")),
    }
    // A raw stream has no header asking for the dictionary: set it now.
    if let (Some(z), true) = (&zdict, wbits < 0) {
        set_inflate_zdict(vm, &mut s, z)?;
    }
    Ok(new_native(
        decompress_type(),
        DecompressState {
            stream: RefCell::new(s),
            unused_data: RefCell::new(new_bytes(b"")),
            unconsumed_tail: RefCell::new(new_bytes(b"")),
            eof: Cell::new(false),
            zdict,
        },
    ))
}

fn set_inflate_zdict(vm: &mut Vm, s: &mut Stream, zdict: &Value) -> PyResult<()> {
    let d = require_bytes_like(vm, zdict)?.into_owned();
    if d.len() > u32::MAX as usize {
        return Err(vm.new_error(ExcKind::OverflowError, "zdict length does not fit in an unsigned int"));
    }
    // SAFETY: `d` lives for the call; zlib checks the stream's state.
    let err = unsafe { z::inflateSetDictionary(&mut *s.strm, d.as_ptr(), d.len() as z::uInt) };
    if err != z::Z_OK {
        return Err(zlib_error(vm, s, err, "while setting zdict"));
    }
    Ok(())
}

fn comp_self<'a>(vm: &mut Vm, args: &'a [Value]) -> PyResult<&'a CompressState> {
    crate::modules::itertools::self_arg::<CompressState>(vm, args, "zlib.Compress").map(|(_, s)| s)
}

fn decomp_self<'a>(vm: &mut Vm, args: &'a [Value]) -> PyResult<&'a DecompressState> {
    crate::modules::itertools::self_arg::<DecompressState>(vm, args, "zlib.Decompress").map(|(_, s)| s)
}

fn comp_compress(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let st = comp_self(vm, args)?;
    let a = clinic_parse(vm, "compress", &args[1..], kw, &[""], 1, 1, true)?;
    let Some(d) = a.into_iter().next().flatten() else { return Err(vm.type_error("missing data")) };
    let data = require_bytes_like(vm, &d)?;
    let mut s = st.stream.borrow_mut();
    let mut out = OutBuf::new(None);
    let mut input: &[u8] = &data;
    loop {
        let (err, used) = s.step(input, &mut out, z::Z_NO_FLUSH).map_err(|e| no_memory(vm, e))?;
        input = &input[used..];
        if err == z::Z_STREAM_ERROR {
            let e = zlib_error(vm, &s, err, "while compressing data");
            return Err(e);
        }
        // Done when zlib left output room unused and took all the input.
        if s.strm.avail_out != 0 && input.is_empty() {
            break;
        }
    }
    Ok(new_bytes_from_vec(out.buf))
}

fn comp_flush(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let st = comp_self(vm, args)?;
    let a = ArgSpec::parse(vm, "flush", &args[1..], kw, &[""], 1, 0)?;
    let mode = c_int_arg(vm, &a[0], z::Z_FINISH as i64)? as c_int;
    if mode == z::Z_NO_FLUSH {
        return Ok(new_bytes(b""));
    }
    let mut s = st.stream.borrow_mut();
    let mut out = OutBuf::new(None);
    let mut err;
    loop {
        err = s.step(&[], &mut out, mode).map_err(|e| no_memory(vm, e))?.0;
        if err == z::Z_STREAM_ERROR {
            return Err(zlib_error(vm, &s, err, "while flushing"));
        }
        if s.strm.avail_out != 0 {
            break;
        }
    }
    if err == z::Z_STREAM_END && mode == z::Z_FINISH {
        let e = s.end();
        if e != z::Z_OK {
            return Err(zlib_error(vm, &s, e, "while finishing compression"));
        }
    } else if err != z::Z_OK && err != z::Z_BUF_ERROR {
        return Err(zlib_error(vm, &s, err, "while flushing"));
    }
    Ok(new_bytes_from_vec(out.buf))
}

fn comp_copy(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let st = comp_self(vm, args)?;
    no_positional(vm, "copy", &args[1..], kw)?;
    let copy = copy_stream(vm, &mut st.stream.borrow_mut(), "compression")?;
    Ok(new_native(compress_type(), CompressState { stream: RefCell::new(copy) }))
}

fn comp_deepcopy(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    comp_self(vm, args)?;
    clinic_parse(vm, "__deepcopy__", &args[1..], kw, &[""], 1, 1, true)?;
    comp_copy(vm, &args[..1], None)
}

fn comp_dunder_copy(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    comp_self(vm, args)?;
    no_positional(vm, "__copy__", &args[1..], kw)?;
    comp_copy(vm, &args[..1], None)
}

/// deflateCopy/inflateCopy into a new stream.
fn copy_stream(vm: &mut Vm, s: &mut Stream, what: &str) -> PyResult<Stream> {
    let mut copy = Stream::new(s.deflating);
    // SAFETY: `copy` is fresh; zlib checks the source's state.
    let err = unsafe {
        if s.deflating {
            z::deflateCopy(&mut *copy.strm, &mut *s.strm)
        } else {
            z::inflateCopy(&mut *copy.strm, &mut *s.strm)
        }
    };
    match err {
        z::Z_OK => {
            copy.initialised = true;
            Ok(copy)
        }
        z::Z_STREAM_ERROR => Err(vm.value_error("Inconsistent stream state")),
        z::Z_MEM_ERROR => {
            let msg = format!("Can't allocate memory for {what} object");
            Err(vm.new_error(ExcKind::MemoryError, msg))
        }
        err => Err(zlib_error(vm, s, err, &format!("while copying {what} object"))),
    }
}

/// After a decompress or flush call: input past the end of the stream
/// goes to `unused_data`, input not yet consumed to `unconsumed_tail`.
fn save_unconsumed(st: &DecompressState, rest: &[u8], err: c_int) {
    let mut rest_pending = !rest.is_empty();
    if err == z::Z_STREAM_END && rest_pending {
        let mut unused = st
            .unused_data
            .borrow()
            .downcast_ref::<crate::objects::bytes::BytesObject>()
            .map(|b| b.data().to_vec())
            .unwrap_or_default();
        unused.extend_from_slice(rest);
        st.unused_data.replace(new_bytes_from_vec(unused));
        rest_pending = false;
    }
    let tail_nonempty = st
        .unconsumed_tail
        .borrow()
        .downcast_ref::<crate::objects::bytes::BytesObject>()
        .is_some_and(|b| !b.data().is_empty());
    if rest_pending || tail_nonempty {
        // As CPython: the tail is what follows the consumed input, even
        // when that same input just went to unused_data.
        st.unconsumed_tail.replace(new_bytes(rest));
    }
}

/// The inflate loop of Decompress.decompress and .flush: returns the output
/// and zlib's last code, having saved the unconsumed input.
fn inflate_loop(
    vm: &mut Vm,
    st: &DecompressState,
    data: &[u8],
    mut out: OutBuf,
    finish: bool,
) -> PyResult<(Vec<u8>, c_int)> {
    let mut s = st.stream.borrow_mut();
    let mut input = data;
    let mut err = z::Z_OK;
    'outer: loop {
        let last = input.len() <= u32::MAX as usize;
        let flush = if !finish {
            z::Z_SYNC_FLUSH
        } else if last {
            z::Z_FINISH
        } else {
            z::Z_NO_FLUSH
        };
        loop {
            if out.full() {
                break 'outer;
            }
            let (e, used) = s.step(input, &mut out, flush).map_err(|e| no_memory(vm, e))?;
            err = e;
            input = &input[used..];
            match err {
                z::Z_OK | z::Z_BUF_ERROR | z::Z_STREAM_END => {}
                z::Z_NEED_DICT if st.zdict.is_some() => {
                    if let Some(zd) = &st.zdict {
                        set_inflate_zdict(vm, &mut s, zd)?;
                    }
                    continue;
                }
                _ => break 'outer,
            }
            if s.strm.avail_out != 0 {
                break;
            }
        }
        if err == z::Z_STREAM_END || input.is_empty() {
            break;
        }
    }
    drop(s);
    save_unconsumed(st, input, err);
    Ok((out.buf, err))
}

fn decomp_decompress(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let st = decomp_self(vm, args)?;
    let a = clinic_parse(vm, "decompress", &args[1..], kw, &["", "max_length"], 2, 1, false)?;
    let Some(d) = &a[0] else { return Err(vm.type_error("missing data")) };
    let data = require_bytes_like(vm, d)?.into_owned();
    let max_length = ssize_arg(vm, &a[1], 0)?;
    if max_length < 0 {
        return Err(vm.value_error("max_length must be non-negative"));
    }
    let limit = if max_length == 0 { None } else { Some(max_length as usize) };
    let out = OutBuf::new(limit);
    let (buf, err) = inflate_loop(vm, st, &data, out, false)?;
    if err == z::Z_STREAM_END {
        st.eof.set(true);
    } else if err != z::Z_OK && err != z::Z_BUF_ERROR {
        let s = st.stream.borrow();
        let e = zlib_error(vm, &s, err, "while decompressing data");
        return Err(e);
    }
    Ok(new_bytes_from_vec(buf))
}

fn decomp_flush(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let st = decomp_self(vm, args)?;
    let a = ArgSpec::parse(vm, "flush", &args[1..], kw, &[""], 1, 0)?;
    let length = ssize_arg(vm, &a[0], DEF_BUF_SIZE as i64)?;
    if length <= 0 {
        return Err(vm.value_error("length must be greater than zero"));
    }
    let tail = st
        .unconsumed_tail
        .borrow()
        .downcast_ref::<crate::objects::bytes::BytesObject>()
        .map(|b| b.data().to_vec())
        .unwrap_or_default();
    let out = OutBuf::with_size(length as usize);
    let (buf, err) = inflate_loop(vm, st, &tail, out, true)?;
    if err == z::Z_STREAM_END {
        st.eof.set(true);
        let mut s = st.stream.borrow_mut();
        let e = s.end();
        if e != z::Z_OK {
            let e = zlib_error(vm, &s, e, "while finishing decompression");
            return Err(e);
        }
    }
    Ok(new_bytes_from_vec(buf))
}

fn decomp_copy(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let st = decomp_self(vm, args)?;
    no_positional(vm, "copy", &args[1..], kw)?;
    let copy = copy_stream(vm, &mut st.stream.borrow_mut(), "decompression")?;
    Ok(new_native(
        decompress_type(),
        DecompressState {
            stream: RefCell::new(copy),
            unused_data: RefCell::new(st.unused_data.borrow().clone()),
            unconsumed_tail: RefCell::new(st.unconsumed_tail.borrow().clone()),
            eof: Cell::new(st.eof.get()),
            zdict: st.zdict.clone(),
        },
    ))
}

fn decomp_deepcopy(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    decomp_self(vm, args)?;
    clinic_parse(vm, "__deepcopy__", &args[1..], kw, &[""], 1, 1, true)?;
    decomp_copy(vm, &args[..1], None)
}

fn decomp_dunder_copy(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    decomp_self(vm, args)?;
    no_positional(vm, "__copy__", &args[1..], kw)?;
    decomp_copy(vm, &args[..1], None)
}

fn decomp_getter<'a>(vm: &mut Vm, me: &'a Value) -> PyResult<&'a DecompressState> {
    crate::modules::itertools::state::<DecompressState>(vm, me, "zlib.Decompress")
}

fn decomp_unused_data(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    Ok(decomp_getter(vm, me)?.unused_data.borrow().clone())
}

fn decomp_unconsumed_tail(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    Ok(decomp_getter(vm, me)?.unconsumed_tail.borrow().clone())
}

fn decomp_eof(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    Ok(Value::bool(decomp_getter(vm, me)?.eof.get()))
}

/// The linked library's version (`zlibVersion()`).
fn runtime_version() -> String {
    // SAFETY: zlibVersion returns a static NUL-terminated string.
    unsafe { CStr::from_ptr(z::zlibVersion()) }.to_string_lossy().into_owned()
}

pub(crate) fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("zlib");
    m.doc(
        "The functions in this module allow compression and decompression using the\n\
zlib library, which is based on GNU zip.\n\n\
adler32(string[, start]) -- Compute an Adler-32 checksum.\n\
compress(data[, level]) -- Compress data, with compression level 0-9 or -1.\n\
compressobj([level[, ...]]) -- Return a compressor object.\n\
crc32(string[, start]) -- Compute a CRC-32 checksum.\n\
decompress(string,[wbits],[bufsize]) -- Decompresses a compressed string.\n\
decompressobj([wbits[, zdict]]) -- Return a decompressor object.\n\n\
'wbits' is window buffer size and container format.\n\
Compressor objects support compress() and flush() methods; decompressor\n\
objects support decompress() and flush().",
    );
    // SAFETY: GIL held; the borrow ends before any Python code runs.
    let existing = unsafe { ERROR.get_mut() }.clone();
    let err = match existing {
        Some(e) => e,
        None => {
            let e = new_exception_class(vm, "zlib", "error", ExcKind::Exception)?;
            // SAFETY: as above.
            *unsafe { ERROR.get_mut() } = Some(e.clone());
            e
        }
    };
    m.value("error", err);
    compress_type();
    decompress_type();
    m.functions(&[
        ("adler32", adler32),
        ("compress", compress),
        ("compressobj", compressobj),
        ("crc32", crc32),
        ("decompress", decompress),
        ("decompressobj", decompressobj),
    ]);
    for (name, v) in [
        ("DEFLATED", z::Z_DEFLATED),
        ("DEF_BUF_SIZE", DEF_BUF_SIZE as c_int),
        ("DEF_MEM_LEVEL", DEF_MEM_LEVEL),
        ("MAX_WBITS", MAX_WBITS),
        ("Z_BEST_COMPRESSION", z::Z_BEST_COMPRESSION),
        ("Z_BEST_SPEED", z::Z_BEST_SPEED),
        ("Z_BLOCK", z::Z_BLOCK),
        ("Z_DEFAULT_COMPRESSION", z::Z_DEFAULT_COMPRESSION),
        ("Z_DEFAULT_STRATEGY", z::Z_DEFAULT_STRATEGY),
        ("Z_FILTERED", z::Z_FILTERED),
        ("Z_FINISH", z::Z_FINISH),
        ("Z_FIXED", z::Z_FIXED),
        ("Z_FULL_FLUSH", z::Z_FULL_FLUSH),
        ("Z_HUFFMAN_ONLY", z::Z_HUFFMAN_ONLY),
        ("Z_NO_COMPRESSION", z::Z_NO_COMPRESSION),
        ("Z_NO_FLUSH", z::Z_NO_FLUSH),
        ("Z_PARTIAL_FLUSH", z::Z_PARTIAL_FLUSH),
        ("Z_RLE", z::Z_RLE),
        ("Z_SYNC_FLUSH", z::Z_SYNC_FLUSH),
        ("Z_TREES", z::Z_TREES),
    ] {
        m.int(name, v as i64);
    }
    // Linked against the system zlib, the header and the library agree.
    let version = runtime_version();
    m.value("ZLIB_VERSION", new_str(&version));
    m.value("ZLIB_RUNTIME_VERSION", new_str(&version));
    m.str("__version__", "1.0");
    Ok(m.finish())
}
