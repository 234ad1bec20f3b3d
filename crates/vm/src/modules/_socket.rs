//! `_socket`: BSD sockets over libc, as CPython's Modules/socketmodule.c,
//! for Lib/socket.py (which subclasses `_socket.socket`) and asyncio.
//!
//! A socket with a timeout (`settimeout(t)`, t > 0) keeps its fd in
//! non-blocking mode and waits with poll() between attempts, as CPython's
//! `sock_call`; `None` means blocking, `0.0` non-blocking. Interrupted calls
//! are retried after signal handlers ran (PEP 475).
//!
//! Addresses: AF_INET `(host, port)`, AF_INET6 `(host, port, flowinfo,
//! scope_id)`, AF_UNIX a path (str or bytes; bytes starting with NUL for
//! Linux's abstract namespace). Host names other than numeric addresses go
//! through the system resolver.

use crate::args::{check_no_kwargs, ArgSpec};
use crate::exception::{ExcKind, PyErr, PyResult};
use crate::gil::GilCell;
use crate::modules::posix::{fs_encode, fspath_value};
use crate::modules::select::fileno_of;
use crate::modules::{init_native_type, ModuleBuilder, NativeType};
use crate::object::LayoutKind;
use crate::objects::bytearray::ByteArrayObject;
use crate::objects::bytes::{new_bytes, new_bytes_from_vec, BytesObject};
use crate::objects::int::as_int;
use crate::objects::list::new_list;
use crate::objects::memoryview::require_bytes_like;
use crate::objects::native::{new_native, NativeData};
use crate::objects::singletons::{false_value, none, true_value};
use crate::objects::str::StrObject;
use crate::objects::tuple::{new_tuple, TupleObject};
use crate::typeinit::{add_getset_to, add_method_to};
use crate::typeobj::{type_flags, KwNames, TypeObject, OBJECT_TYPE};
use crate::types::exc::os_error;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;
use std::time::Instant;

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

// --- errors --------------------------------------------------------------------------

static GAIERROR: GilCell<Option<Value>> = GilCell::new(None);
static HERROR: GilCell<Option<Value>> = GilCell::new(None);

fn class_in(cell: &GilCell<Option<Value>>) -> Value {
    // SAFETY: GIL held; set once at module init.
    unsafe { cell.get_mut() }.clone().unwrap_or_else(|| crate::exception::exc_type_value(ExcKind::OSError))
}

fn gai_error(vm: &mut Vm, code: i32) -> PyErr {
    if code == libc::EAI_SYSTEM {
        return os_error(vm, errno(), None, None);
    }
    // SAFETY: gai_strerror returns a static NUL-terminated string.
    let msg = unsafe { std::ffi::CStr::from_ptr(libc::gai_strerror(code)) }.to_string_lossy().into_owned();
    let cls = class_in(&GAIERROR);
    let args = [Value::int(code as i64), vm.new_str(&msg)];
    match vm.call(&cls, &args, None) {
        Ok(e) => PyErr::new(e),
        Err(e) => e,
    }
}

fn timeout_error(vm: &mut Vm) -> PyErr {
    vm.new_error(ExcKind::TimeoutError, "timed out")
}

fn os_err(vm: &mut Vm) -> PyErr {
    os_error(vm, errno(), None, None)
}

// --- the socket object ---------------------------------------------------------------

struct Sock {
    fd: Cell<i32>,
    family: Cell<i32>,
    ty: Cell<i32>,
    proto: Cell<i32>,
    /// Seconds; negative: blocking (None).
    timeout: Cell<f64>,
}

impl NativeData for Sock {}

impl Drop for Sock {
    fn drop(&mut self) {
        let fd = self.fd.replace(-1);
        if fd >= 0 {
            // SAFETY: the socket owns its fd.
            unsafe { libc::close(fd) };
        }
    }
}

/// `socket.setdefaulttimeout`: negative for None.
static DEFAULT_TIMEOUT: GilCell<f64> = GilCell::new(-1.0);

fn default_timeout() -> f64 {
    // SAFETY: GIL held; a plain copy.
    unsafe { *DEFAULT_TIMEOUT.get_mut() }
}

static SOCKET: NativeType = NativeType::new();

fn socket_type() -> &'static TypeObject {
    SOCKET.get_or_init(|st| {
        let t = init_native_type(st, "_socket", "socket", LayoutKind::Native, &OBJECT_TYPE, type_flags::BASETYPE, |s| {
            s.new = Some(sock_new);
            s.init = Some(sock_init);
            s.repr = Some(sock_repr);
        });
        let methods: &[(&'static str, crate::typeobj::NativeFn)] = &[
            ("_accept", sock_accept),
            ("bind", sock_bind),
            ("close", sock_close),
            ("connect", sock_connect),
            ("connect_ex", sock_connect_ex),
            ("detach", sock_detach),
            ("fileno", sock_fileno),
            ("getpeername", sock_getpeername),
            ("getsockname", sock_getsockname),
            ("getsockopt", sock_getsockopt),
            ("setsockopt", sock_setsockopt),
            ("gettimeout", sock_gettimeout),
            ("settimeout", sock_settimeout),
            ("setblocking", sock_setblocking),
            ("getblocking", sock_getblocking),
            ("listen", sock_listen),
            ("recv", sock_recv),
            ("recv_into", sock_recv_into),
            ("recvfrom", sock_recvfrom),
            ("recvfrom_into", sock_recvfrom_into),
            ("send", sock_send),
            ("sendall", sock_sendall),
            ("sendto", sock_sendto),
            ("shutdown", sock_shutdown),
        ];
        for (name, f) in methods {
            add_method_to(t, name, *f);
        }
        add_getset_to(t, "family", |vm, me| Ok(Value::int(sock_of(vm, me)?.family.get() as i64)), None);
        add_getset_to(t, "type", |vm, me| Ok(Value::int(sock_of(vm, me)?.ty.get() as i64)), None);
        add_getset_to(t, "proto", |vm, me| Ok(Value::int(sock_of(vm, me)?.proto.get() as i64)), None);
        add_getset_to(t, "timeout", |vm, me| Ok(timeout_value(sock_of(vm, me)?.timeout.get())), None);
    })
}

fn timeout_value(t: f64) -> Value {
    if t < 0.0 {
        none()
    } else {
        Value::float(t)
    }
}

fn sock_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Sock> {
    match v.native_ref::<Sock>() {
        Some(s) => Ok(s),
        None => {
            let msg = format!("descriptor requires a '_socket.socket' object but received a '{}'", vm.type_name(v));
            Err(vm.type_error(msg))
        }
    }
}

fn self_sock<'a>(vm: &mut Vm, args: &'a [Value]) -> PyResult<&'a Sock> {
    match args.first() {
        Some(me) => sock_of(vm, me),
        None => Err(vm.type_error("descriptor needs an argument")),
    }
}

fn new_sock_state(fd: i32, family: i32, ty: i32, proto: i32) -> Sock {
    Sock {
        fd: Cell::new(fd),
        family: Cell::new(family),
        ty: Cell::new(ty),
        proto: Cell::new(proto),
        timeout: Cell::new(-1.0),
    }
}

fn sock_new(_vm: &mut Vm, cls: &Value, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let t = crate::modules::itertools::cls_type(cls, socket_type());
    Ok(new_native(t, new_sock_state(-1, libc::AF_INET, libc::SOCK_STREAM, 0)))
}

fn set_nonblocking(fd: i32, nonblocking: bool) -> bool {
    // SAFETY: fcntl on an fd number.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags < 0 {
            return false;
        }
        let want = if nonblocking { flags | libc::O_NONBLOCK } else { flags & !libc::O_NONBLOCK };
        want == flags || libc::fcntl(fd, libc::F_SETFL, want) == 0
    }
}

/// Applies a timeout to a socket: the fd blocks only for `None`.
fn apply_timeout(vm: &mut Vm, s: &Sock, t: f64) -> PyResult<()> {
    s.timeout.set(t);
    let fd = s.fd.get();
    if fd >= 0 && !set_nonblocking(fd, t >= 0.0) {
        return Err(os_err(vm));
    }
    Ok(())
}

fn int_opt(vm: &mut Vm, v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(x) if x.is_none() => Ok(default),
        Some(x) => {
            if x.is_float() {
                return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
            }
            vm.index_i64(x)
        }
    }
}

fn getsockopt_int(fd: i32, level: i32, opt: i32) -> Option<i32> {
    let mut v: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: v and len live across the call.
    let rc = unsafe { libc::getsockopt(fd, level, opt, &mut v as *mut _ as *mut libc::c_void, &mut len) };
    (rc == 0).then_some(v)
}

fn sock_init(vm: &mut Vm, me: &Value, args: &[Value], kwnames: KwNames) -> PyResult<()> {
    let a = ArgSpec::parse(vm, "socket", args, kwnames, &["family", "type", "proto", "fileno"], 4, 0)?;
    let s = sock_of(vm, me)?;
    let mut family = int_opt(vm, a[0].as_ref(), -1)?;
    let mut ty = int_opt(vm, a[1].as_ref(), -1)?;
    let mut proto = int_opt(vm, a[2].as_ref(), -1)?;
    let fd = match a[3].as_ref().filter(|v| !v.is_none()) {
        Some(f) => {
            if f.is_float() {
                return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
            }
            let n = vm.index_i64(f)?;
            if n < 0 {
                return Err(vm.value_error("negative file descriptor"));
            }
            let fd = i32::try_from(n).map_err(|_| vm.new_error(ExcKind::OverflowError, "file descriptor out of range"))?;
            // The fd's own family/type/protocol fill in what was not given.
            if family == -1 {
                family = match getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_DOMAIN) {
                    Some(v) => v as i64,
                    None => return Err(os_err(vm)),
                };
            }
            if ty == -1 {
                ty = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_TYPE).map_or(libc::SOCK_STREAM as i64, |v| v as i64);
            }
            if proto == -1 {
                proto = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_PROTOCOL).map_or(0, |v| v as i64);
            }
            fd
        }
        None => {
            if family == -1 {
                family = libc::AF_INET as i64;
            }
            if ty == -1 {
                ty = libc::SOCK_STREAM as i64;
            }
            if proto == -1 {
                proto = 0;
            }
            // SAFETY: plain syscall.
            let fd = unsafe { libc::socket(family as i32, ty as i32 | libc::SOCK_CLOEXEC, proto as i32) };
            if fd < 0 {
                return Err(os_err(vm));
            }
            fd
        }
    };
    let old = s.fd.replace(fd);
    if old >= 0 && old != fd {
        // SAFETY: re-initialising a socket drops its previous fd.
        unsafe { libc::close(old) };
    }
    s.family.set(family as i32);
    s.ty.set((ty as i32) & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC));
    s.proto.set(proto as i32);
    let t = if ty as i32 & libc::SOCK_NONBLOCK != 0 { 0.0 } else { default_timeout() };
    s.timeout.set(t);
    if t >= 0.0 && !set_nonblocking(fd, true) {
        return Err(os_err(vm));
    }
    Ok(())
}

fn sock_repr(vm: &mut Vm, me: &Value) -> PyResult<Value> {
    let s = sock_of(vm, me)?;
    let text = format!(
        "<socket object, fd={}, family={}, type={}, proto={}>",
        s.fd.get(),
        s.family.get(),
        s.ty.get(),
        s.proto.get()
    );
    Ok(vm.new_str(&text))
}

/// Waits until the fd is ready (for a socket with a timeout); Ok(false) on timeout.
fn wait_ready(vm: &mut Vm, fd: i32, writing: bool, deadline: Instant) -> PyResult<bool> {
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let ms = left.as_nanos().div_ceil(1_000_000).min(i32::MAX as u128) as i32;
        let events = if writing { libc::POLLOUT } else { libc::POLLIN };
        // Other threads run during the wait.
        let (n, err) = vm.allow_threads(|| {
            let mut p = libc::pollfd { fd, events, revents: 0 };
            // SAFETY: p lives across the call.
            let n = unsafe { libc::poll(&mut p, 1, ms) };
            (n, errno())
        });
        if n > 0 {
            return Ok(true);
        }
        if n == 0 {
            return Ok(false);
        }
        if err != libc::EINTR {
            return Err(os_error(vm, err, None, None));
        }
        crate::modules::_signal::run_pending_handlers(vm)?;
    }
}

/// Runs a socket call as CPython's `sock_call`: retried after EINTR, and
/// for a socket with a timeout, after waiting for readiness.
fn sock_call(vm: &mut Vm, s: &Sock, writing: bool, mut f: impl FnMut(i32) -> isize) -> PyResult<isize> {
    let timeout = s.timeout.get();
    let deadline = (timeout > 0.0).then(|| Instant::now() + std::time::Duration::from_secs_f64(timeout.min(1e9)));
    loop {
        let fd = s.fd.get();
        if fd < 0 {
            return Err(os_error(vm, libc::EBADF, None, None));
        }
        // A blocking socket (no timeout) waits inside the call: other threads run
        // meanwhile. errno is read before the GIL is taken back.
        let (rc, e) = if timeout < 0.0 {
            vm.allow_threads(|| {
                let rc = f(fd);
                (rc, if rc < 0 { errno() } else { 0 })
            })
        } else {
            let rc = f(fd);
            (rc, if rc < 0 { errno() } else { 0 })
        };
        if rc >= 0 {
            return Ok(rc);
        }
        if e == libc::EINTR {
            crate::modules::_signal::run_pending_handlers(vm)?;
            continue;
        }
        if let Some(d) = deadline {
            if e == libc::EAGAIN || e == libc::EWOULDBLOCK {
                if !wait_ready(vm, fd, writing, d)? {
                    return Err(timeout_error(vm));
                }
                continue;
            }
        }
        return Err(os_error(vm, e, None, None));
    }
}

// --- addresses -----------------------------------------------------------------------

/// A socket address for the C calls.
struct SockAddr {
    storage: libc::sockaddr_storage,
    len: libc::socklen_t,
}

impl SockAddr {
    fn empty() -> SockAddr {
        SockAddr {
            // SAFETY: sockaddr_storage is plain data.
            storage: unsafe { std::mem::zeroed() },
            len: std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t,
        }
    }
    fn ptr(&self) -> *const libc::sockaddr {
        &self.storage as *const _ as *const libc::sockaddr
    }
    fn mut_ptr(&mut self) -> *mut libc::sockaddr {
        &mut self.storage as *mut _ as *mut libc::sockaddr
    }
}

fn host_string(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<String> {
    if let Some(s) = v.downcast_ref::<StrObject>() {
        return match s.to_utf8() {
            Some(t) => Ok(t.into_owned()),
            None => Err(vm.new_error(ExcKind::UnicodeError, "label empty or too long")),
        };
    }
    if let Some(b) = v.downcast_ref::<BytesObject>() {
        return Ok(String::from_utf8_lossy(b.data()).into_owned());
    }
    if let Some(b) = v.downcast_ref::<ByteArrayObject>() {
        return Ok(String::from_utf8_lossy(b.data()).into_owned());
    }
    let msg = format!("{fname}: str, bytes or bytearray expected, not {}", vm.type_name(v));
    Err(vm.type_error(msg))
}

/// Resolves a host name for `family` into `out`'s address part (CPython's setipaddr).
fn resolve_host(vm: &mut Vm, host: &str, family: i32) -> PyResult<SockAddr> {
    let mut out = SockAddr::empty();
    if host.is_empty() || host == "<broadcast>" {
        if family == libc::AF_INET6 {
            let sa = out.mut_ptr() as *mut libc::sockaddr_in6;
            // SAFETY: storage is large enough for sockaddr_in6.
            unsafe { (*sa).sin6_family = libc::AF_INET6 as libc::sa_family_t };
            out.len = std::mem::size_of::<libc::sockaddr_in6>() as libc::socklen_t;
            return Ok(out);
        }
        let sa = out.mut_ptr() as *mut libc::sockaddr_in;
        let addr = if host.is_empty() { libc::INADDR_ANY } else { libc::INADDR_BROADCAST };
        // SAFETY: storage is large enough for sockaddr_in.
        unsafe {
            (*sa).sin_family = libc::AF_INET as libc::sa_family_t;
            (*sa).sin_addr.s_addr = addr.to_be();
        }
        out.len = std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t;
        return Ok(out);
    }
    if family == libc::AF_INET || family == libc::AF_UNSPEC {
        if let Ok(ip) = host.parse::<std::net::Ipv4Addr>() {
            let sa = out.mut_ptr() as *mut libc::sockaddr_in;
            // SAFETY: storage is large enough for sockaddr_in.
            unsafe {
                (*sa).sin_family = libc::AF_INET as libc::sa_family_t;
                (*sa).sin_addr.s_addr = u32::from_ne_bytes(ip.octets());
            }
            out.len = std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t;
            return Ok(out);
        }
    }
    if family == libc::AF_INET6 || family == libc::AF_UNSPEC {
        if let Ok(ip) = host.parse::<std::net::Ipv6Addr>() {
            let sa = out.mut_ptr() as *mut libc::sockaddr_in6;
            // SAFETY: storage is large enough for sockaddr_in6.
            unsafe {
                (*sa).sin6_family = libc::AF_INET6 as libc::sa_family_t;
                (*sa).sin6_addr.s6_addr = ip.octets();
            }
            out.len = std::mem::size_of::<libc::sockaddr_in6>() as libc::socklen_t;
            return Ok(out);
        }
    }
    let Ok(c) = std::ffi::CString::new(host) else {
        return Err(vm.type_error("host name must not contain null character"));
    };
    // SAFETY: addrinfo is plain data; hints zeroed except the family.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = family;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: the result list is freed below.
    let rc = unsafe { libc::getaddrinfo(c.as_ptr(), std::ptr::null(), &hints, &mut res) };
    if rc != 0 {
        return Err(gai_error(vm, rc));
    }
    // SAFETY: on success res points to at least one entry.
    unsafe {
        let ai = &*res;
        let n = (ai.ai_addrlen as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
        std::ptr::copy_nonoverlapping(ai.ai_addr as *const u8, out.mut_ptr() as *mut u8, n);
        out.len = n as libc::socklen_t;
        libc::freeaddrinfo(res);
    }
    Ok(out)
}

fn port_arg(vm: &mut Vm, v: &Value, caller: &str) -> PyResult<u16> {
    if as_int(v).is_none() {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(v));
        return Err(vm.type_error(msg));
    }
    let n = vm.index_i64(v)?;
    if !(0..=65535).contains(&n) {
        return Err(vm.new_error(ExcKind::OverflowError, format!("{caller}(): port must be 0-65535.")));
    }
    Ok(n as u16)
}

/// CPython's getsockaddrarg: a Python address for `family` as a C one.
fn sockaddr_arg(vm: &mut Vm, family: i32, addr: &Value, caller: &str) -> PyResult<SockAddr> {
    match family {
        libc::AF_UNIX => {
            let path: Vec<u8> = match fspath_value(vm, addr)? {
                Some(p) => {
                    if let Some(s) = p.downcast_ref::<StrObject>() {
                        fs_encode(vm, s)?
                    } else if let Some(b) = p.downcast_ref::<BytesObject>() {
                        b.data().to_vec()
                    } else {
                        Vec::new()
                    }
                }
                None => match crate::objects::memoryview::bytes_like(vm, addr)? {
                    Some(b) => b.into_owned(),
                    None => {
                        let msg = format!("{caller}(): AF_UNIX address must be str or bytes, not {}", vm.type_name(addr));
                        return Err(vm.type_error(msg));
                    }
                },
            };
            let mut out = SockAddr::empty();
            let sa = out.mut_ptr() as *mut libc::sockaddr_un;
            // SAFETY: storage is large enough for sockaddr_un.
            let cap = unsafe { (*sa).sun_path.len() };
            if path.len() >= cap + usize::from(path.first() == Some(&0)) {
                return Err(vm.new_error(ExcKind::OSError, "AF_UNIX path too long"));
            }
            // SAFETY: path fits in sun_path (checked above).
            unsafe {
                (*sa).sun_family = libc::AF_UNIX as libc::sa_family_t;
                for (i, b) in path.iter().enumerate() {
                    (*sa).sun_path[i] = *b as libc::c_char;
                }
            }
            let base = std::mem::size_of::<libc::sa_family_t>();
            out.len = (base + path.len() + usize::from(path.first() != Some(&0))) as libc::socklen_t;
            Ok(out)
        }
        libc::AF_INET | libc::AF_INET6 => {
            let Some(t) = addr.downcast_ref::<TupleObject>() else {
                let fam = if family == libc::AF_INET { "AF_INET" } else { "AF_INET6" };
                let msg = format!("{caller}(): {fam} address must be tuple, not {}", vm.type_name(addr));
                return Err(vm.type_error(msg));
            };
            let items = t.items().to_vec();
            let ok_len = if family == libc::AF_INET { items.len() == 2 } else { (2..=4).contains(&items.len()) };
            if !ok_len {
                let msg = if family == libc::AF_INET {
                    "AF_INET address must be a pair (host, port)".to_string()
                } else {
                    "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])".to_string()
                };
                return Err(vm.type_error(msg));
            }
            let host = host_string(vm, &items[0], "str, bytes or bytearray expected")
                .map_err(|_| {
                    let msg = format!("str, bytes or bytearray expected, not {}", vm.type_name(&items[0]));
                    vm.type_error(msg)
                })?;
            let port = port_arg(vm, &items[1], caller)?;
            let mut out = resolve_host(vm, &host, family)?;
            if family == libc::AF_INET {
                let sa = out.mut_ptr() as *mut libc::sockaddr_in;
                // SAFETY: resolve_host filled an AF_INET address.
                unsafe { (*sa).sin_port = port.to_be() };
            } else {
                let flowinfo = int_opt(vm, items.get(2), 0)?;
                let scope_id = int_opt(vm, items.get(3), 0)?;
                if !(0..=0xfffff).contains(&flowinfo) {
                    return Err(vm.new_error(ExcKind::OverflowError, format!("{caller}(): flowinfo must be 0-1048575.")));
                }
                let sa = out.mut_ptr() as *mut libc::sockaddr_in6;
                // SAFETY: resolve_host filled an AF_INET6 address.
                unsafe {
                    (*sa).sin6_port = port.to_be();
                    (*sa).sin6_flowinfo = (flowinfo as u32).to_be();
                    (*sa).sin6_scope_id = scope_id as u32;
                }
            }
            Ok(out)
        }
        _ => Err(vm.new_error(ExcKind::OSError, format!("{caller}(): bad family"))),
    }
}

/// The text form of a packed IPv4 (4 bytes) or IPv6 (16 bytes) address.
fn ip_string(family: i32, src: *const libc::c_void) -> String {
    // SAFETY: callers pass a pointer to an in_addr / in6_addr (or as many bytes).
    unsafe {
        if family == libc::AF_INET {
            let b = std::slice::from_raw_parts(src as *const u8, 4);
            std::net::Ipv4Addr::new(b[0], b[1], b[2], b[3]).to_string()
        } else {
            let mut o = [0u8; 16];
            o.copy_from_slice(std::slice::from_raw_parts(src as *const u8, 16));
            std::net::Ipv6Addr::from(o).to_string()
        }
    }
}

/// CPython's makesockaddr: a C address as the Python value.
fn sockaddr_value(vm: &mut Vm, a: &SockAddr) -> Value {
    if a.len == 0 {
        return none();
    }
    let family = a.storage.ss_family as i32;
    match family {
        libc::AF_INET => {
            // SAFETY: the family says it is a sockaddr_in.
            let sa = unsafe { &*(a.ptr() as *const libc::sockaddr_in) };
            let ip = ip_string(family, &sa.sin_addr as *const _ as *const libc::c_void);
            new_tuple(vec![vm.new_str(&ip), Value::int(u16::from_be(sa.sin_port) as i64)])
        }
        libc::AF_INET6 => {
            // SAFETY: the family says it is a sockaddr_in6.
            let sa = unsafe { &*(a.ptr() as *const libc::sockaddr_in6) };
            let ip = ip_string(family, &sa.sin6_addr as *const _ as *const libc::c_void);
            new_tuple(vec![
                vm.new_str(&ip),
                Value::int(u16::from_be(sa.sin6_port) as i64),
                Value::int(u32::from_be(sa.sin6_flowinfo) as i64),
                Value::int(sa.sin6_scope_id as i64),
            ])
        }
        libc::AF_UNIX => {
            // SAFETY: the family says it is a sockaddr_un.
            let sa = unsafe { &*(a.ptr() as *const libc::sockaddr_un) };
            let base = std::mem::size_of::<libc::sa_family_t>();
            let n = (a.len as usize).saturating_sub(base).min(sa.sun_path.len());
            let raw: Vec<u8> = sa.sun_path[..n].iter().map(|&c| c as u8).collect();
            if raw.first() == Some(&0) {
                return new_bytes(&raw);
            }
            let end = raw.iter().position(|&b| b == 0).unwrap_or(raw.len());
            crate::modules::posix::fs_decode(&raw[..end])
        }
        _ => new_tuple(vec![Value::int(family as i64), new_bytes(&[])]),
    }
}

// --- socket methods ------------------------------------------------------------------

fn sock_fileno(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    Ok(Value::int(self_sock(vm, args)?.fd.get() as i64))
}

fn sock_close(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let s = self_sock(vm, args)?;
    let fd = s.fd.replace(-1);
    if fd >= 0 {
        // SAFETY: the socket owned this fd.
        let rc = unsafe { libc::close(fd) };
        // ECONNRESET on close is not an error (as CPython).
        if rc < 0 && errno() != libc::ECONNRESET {
            return Err(os_err(vm));
        }
    }
    Ok(none())
}

fn sock_detach(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let s = self_sock(vm, args)?;
    Ok(Value::int(s.fd.replace(-1) as i64))
}

fn sock_bind(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "bind", kw)?;
    let [me, addr] = ArgSpec::exact::<2>(vm, "socket.bind", args, 1)?;
    let s = sock_of(vm, &me)?;
    let a = sockaddr_arg(vm, s.family.get(), &addr, "bind")?;
    // SAFETY: a holds a valid address of a.len bytes.
    if unsafe { libc::bind(s.fd.get(), a.ptr(), a.len) } < 0 {
        return Err(os_err(vm));
    }
    Ok(none())
}

fn sock_listen(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "listen", kw)?;
    ArgSpec::range(vm, "listen", args, 1, 0, 1)?;
    let s = self_sock(vm, args)?;
    let backlog = int_opt(vm, args.get(1), libc::SOMAXCONN.min(128) as i64)?.max(0);
    // SAFETY: plain syscall.
    if unsafe { libc::listen(s.fd.get(), backlog.min(i32::MAX as i64) as i32) } < 0 {
        return Err(os_err(vm));
    }
    Ok(none())
}

fn sock_accept(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let s = self_sock(vm, args)?;
    let mut addr = SockAddr::empty();
    let fd = sock_call(vm, s, false, |fd| {
        addr.len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        // SAFETY: addr has room for any address.
        unsafe { libc::accept4(fd, addr.mut_ptr(), &mut addr.len, libc::SOCK_CLOEXEC) as isize }
    })?;
    let a = sockaddr_value(vm, &addr);
    Ok(new_tuple(vec![Value::int(fd as i64), a]))
}

/// connect(): Ok(0) or the errno (CPython's internal_connect).
fn do_connect(vm: &mut Vm, s: &Sock, addr: &Value, raise: bool) -> PyResult<i32> {
    let a = sockaddr_arg(vm, s.family.get(), addr, "connect")?;
    let fd = s.fd.get();
    if fd < 0 {
        return if raise { Err(os_error(vm, libc::EBADF, None, None)) } else { Ok(libc::EBADF) };
    }
    let timeout = s.timeout.get();
    // SAFETY: a holds a valid address.
    let attempt = || {
        let rc = unsafe { libc::connect(fd, a.ptr(), a.len) };
        if rc == 0 { 0 } else { errno() }
    };
    // A blocking connect lets other threads run while it waits.
    let mut err = if timeout < 0.0 { vm.allow_threads(attempt) } else { attempt() };
    let wait = (err == libc::EINTR) || (err == libc::EINPROGRESS && timeout > 0.0);
    if wait {
        if err == libc::EINTR {
            crate::modules::_signal::run_pending_handlers(vm)?;
        }
        if err == libc::EINTR && timeout == 0.0 {
            err = libc::EWOULDBLOCK;
        } else {
            let deadline = Instant::now()
                + std::time::Duration::from_secs_f64(if timeout > 0.0 { timeout.min(1e9) } else { 1e9 });
            if !wait_ready(vm, fd, true, deadline)? {
                if raise {
                    return Err(timeout_error(vm));
                }
                return Ok(libc::EWOULDBLOCK);
            }
            err = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_ERROR).unwrap_or_else(errno);
        }
    }
    if err != 0 && raise {
        return Err(os_error(vm, err, None, None));
    }
    Ok(err)
}

fn sock_connect(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "connect", kw)?;
    let [me, addr] = ArgSpec::exact::<2>(vm, "socket.connect", args, 1)?;
    let s = sock_of(vm, &me)?;
    do_connect(vm, s, &addr, true)?;
    Ok(none())
}

fn sock_connect_ex(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "connect_ex", kw)?;
    let [me, addr] = ArgSpec::exact::<2>(vm, "socket.connect_ex", args, 1)?;
    let s = sock_of(vm, &me)?;
    Ok(Value::int(do_connect(vm, s, &addr, false)? as i64))
}

fn name_call(vm: &mut Vm, args: &[Value], peer: bool) -> PyResult<Value> {
    let s = self_sock(vm, args)?;
    let mut a = SockAddr::empty();
    // SAFETY: a has room for any address.
    let rc = unsafe {
        if peer {
            libc::getpeername(s.fd.get(), a.mut_ptr(), &mut a.len)
        } else {
            libc::getsockname(s.fd.get(), a.mut_ptr(), &mut a.len)
        }
    };
    if rc < 0 {
        return Err(os_err(vm));
    }
    if a.len == 0 && s.family.get() == libc::AF_UNIX {
        return Ok(vm.new_str(""));
    }
    Ok(sockaddr_value(vm, &a))
}

fn sock_getpeername(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    name_call(vm, args, true)
}

fn sock_getsockname(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    name_call(vm, args, false)
}

fn sock_setsockopt(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "setsockopt", kw)?;
    ArgSpec::range(vm, "setsockopt", args, 1, 3, 4)?;
    let s = self_sock(vm, args)?;
    let level = int_opt(vm, Some(&args[1]), 0)? as i32;
    let opt = int_opt(vm, Some(&args[2]), 0)? as i32;
    let value = &args[3];
    let rc = if let Some(n) = as_int(value).map(|_| ()).and(Some(())).filter(|_| !value.is_none()) {
        let _ = n;
        let v = vm.index_i64(value)? as libc::c_int;
        // SAFETY: v lives across the call.
        unsafe {
            libc::setsockopt(s.fd.get(), level, opt, &v as *const _ as *const libc::c_void, std::mem::size_of::<libc::c_int>() as libc::socklen_t)
        }
    } else if value.is_none() {
        let len = int_opt(vm, args.get(4), 0)?;
        // SAFETY: a NULL option value with the given length, as CPython allows.
        unsafe { libc::setsockopt(s.fd.get(), level, opt, std::ptr::null(), len as libc::socklen_t) }
    } else {
        let data = require_bytes_like(vm, value)?.into_owned();
        // SAFETY: data lives across the call.
        unsafe { libc::setsockopt(s.fd.get(), level, opt, data.as_ptr() as *const libc::c_void, data.len() as libc::socklen_t) }
    };
    if rc < 0 {
        return Err(os_err(vm));
    }
    Ok(none())
}

fn sock_getsockopt(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "getsockopt", kw)?;
    ArgSpec::range(vm, "getsockopt", args, 1, 2, 3)?;
    let s = self_sock(vm, args)?;
    let level = int_opt(vm, Some(&args[1]), 0)? as i32;
    let opt = int_opt(vm, Some(&args[2]), 0)? as i32;
    match args.get(3) {
        None => match getsockopt_int(s.fd.get(), level, opt) {
            Some(v) => Ok(Value::int(v as i64)),
            None => Err(os_err(vm)),
        },
        Some(b) => {
            let n = int_opt(vm, Some(b), 0)?;
            if !(1..=1024).contains(&n) {
                return Err(vm.new_error(ExcKind::OSError, "getsockopt buflen out of range"));
            }
            let mut buf = vec![0u8; n as usize];
            let mut len = n as libc::socklen_t;
            // SAFETY: buf has len bytes.
            let rc = unsafe { libc::getsockopt(s.fd.get(), level, opt, buf.as_mut_ptr() as *mut libc::c_void, &mut len) };
            if rc < 0 {
                return Err(os_err(vm));
            }
            buf.truncate(len as usize);
            Ok(new_bytes_from_vec(buf))
        }
    }
}

/// A timeout argument: None, or non-negative seconds.
fn timeout_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if v.is_none() {
        return Ok(-1.0);
    }
    let t = if let Some(f) = v.as_float() {
        f
    } else if as_int(v).is_some() {
        crate::modules::math::to_f64(vm, v)?
    } else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(v));
        return Err(vm.type_error(msg));
    };
    if t.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if t < 0.0 {
        return Err(vm.value_error("Timeout value out of range"));
    }
    Ok(t)
}

fn sock_settimeout(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "settimeout", kw)?;
    let [me, t] = ArgSpec::exact::<2>(vm, "socket.settimeout", args, 1)?;
    let s = sock_of(vm, &me)?;
    let t = timeout_arg(vm, &t)?;
    apply_timeout(vm, s, t)?;
    Ok(none())
}

fn sock_gettimeout(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    Ok(timeout_value(self_sock(vm, args)?.timeout.get()))
}

fn sock_setblocking(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "setblocking", kw)?;
    let [me, flag] = ArgSpec::exact::<2>(vm, "socket.setblocking", args, 1)?;
    let s = sock_of(vm, &me)?;
    let blocking = vm.is_true(&flag)?;
    apply_timeout(vm, s, if blocking { -1.0 } else { 0.0 })?;
    Ok(none())
}

fn sock_getblocking(vm: &mut Vm, args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let s = self_sock(vm, args)?;
    Ok(if s.timeout.get() == 0.0 { false_value() } else { true_value() })
}

fn bufsize_arg(vm: &mut Vm, v: Option<&Value>, what: &str) -> PyResult<usize> {
    let n = int_opt(vm, v, 0)?;
    if n < 0 {
        return Err(vm.value_error(format!("negative buffersize in {what}")));
    }
    Ok(n as usize)
}

fn sock_recv(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "recv", kw)?;
    ArgSpec::range(vm, "recv", args, 1, 1, 2)?;
    let s = self_sock(vm, args)?;
    let n = bufsize_arg(vm, args.get(1), "recv")?;
    let flags = int_opt(vm, args.get(2), 0)? as i32;
    // Uninitialised room: asyncio asks for 256 KiB per read and zeroing it would
    // dominate; the kernel writes the bytes that are kept.
    let mut buf: Vec<u8> = Vec::with_capacity(n);
    // SAFETY: buf has room for n bytes.
    let got = sock_call(vm, s, false, |fd| unsafe { libc::recv(fd, buf.as_mut_ptr() as *mut libc::c_void, n, flags) })?;
    // SAFETY: recv initialised the first `got` (<= n) bytes.
    unsafe { buf.set_len((got as usize).min(n)) };
    Ok(new_bytes(&buf))
}

fn sock_recvfrom(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "recvfrom", kw)?;
    ArgSpec::range(vm, "recvfrom", args, 1, 1, 2)?;
    let s = self_sock(vm, args)?;
    let n = bufsize_arg(vm, args.get(1), "recvfrom")?;
    let flags = int_opt(vm, args.get(2), 0)? as i32;
    let mut buf: Vec<u8> = Vec::with_capacity(n);
    let mut addr = SockAddr::empty();
    let got = sock_call(vm, s, false, |fd| {
        addr.len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        // SAFETY: buf has n bytes, addr room for any address.
        unsafe { libc::recvfrom(fd, buf.as_mut_ptr() as *mut libc::c_void, n, flags, addr.mut_ptr(), &mut addr.len) }
    })?;
    // SAFETY: recvfrom initialised the first `got` (<= n) bytes.
    unsafe { buf.set_len((got as usize).min(n)) };
    let a = sockaddr_value(vm, &addr);
    Ok(new_tuple(vec![new_bytes(&buf), a]))
}

/// The writable memory of a buffer argument (bytearray, writable memoryview, array).
fn writable_buffer(vm: &mut Vm, fname: &str, v: &Value) -> PyResult<(*mut u8, usize)> {
    if let Some(m) = v.downcast_ref::<crate::objects::memoryview::MemoryViewObject>() {
        if !m.readonly && m.is_c_contiguous() {
            let rb = m.base(vm)?;
            if rb.readonly {
                let msg = format!("{fname}() argument 1 must be read-write bytes-like object, not memoryview");
                return Err(vm.type_error(msg));
            }
            // SAFETY: base() checked that the view lies within the exporter's memory.
            return Ok((unsafe { rb.ptr.add(m.offset) }, m.nbytes()));
        }
    } else if let Some(rb) = crate::objects::memoryview::raw_buffer(v) {
        if !rb.readonly {
            return Ok((rb.ptr, rb.len));
        }
    }
    let msg = format!("{fname}() argument 1 must be read-write bytes-like object, not {}", vm.type_name(v));
    Err(vm.type_error(msg))
}

fn recv_into_common(vm: &mut Vm, args: &[Value], kw: KwNames, from: bool) -> PyResult<Value> {
    let name = if from { "recvfrom_into" } else { "recv_into" };
    let rest = &args[1.min(args.len())..];
    let a = ArgSpec::parse(vm, name, rest, kw, &["buffer", "nbytes", "flags"], 3, 1)?;
    let s = self_sock(vm, args)?;
    let buffer = a[0].clone().unwrap_or_else(none);
    let (ptr, cap) = writable_buffer(vm, name, &buffer)?;
    let nbytes = int_opt(vm, a[1].as_ref(), 0)?;
    if nbytes < 0 {
        return Err(vm.value_error(format!("negative buffersize in {name}")));
    }
    let n = if nbytes == 0 { cap } else { nbytes as usize };
    if n > cap {
        return Err(vm.value_error(format!("buffer too small for requested bytes")));
    }
    let flags = int_opt(vm, a[2].as_ref(), 0)? as i32;
    let mut addr = SockAddr::empty();
    let got = sock_call(vm, s, false, |fd| {
        addr.len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        // SAFETY: ptr/cap describe the buffer's memory, held by `buffer`; no
        // Python code runs between getting it and this call.
        unsafe { libc::recvfrom(fd, ptr as *mut libc::c_void, n, flags, addr.mut_ptr(), &mut addr.len) }
    })?;
    if from {
        let a = sockaddr_value(vm, &addr);
        return Ok(new_tuple(vec![Value::int(got as i64), a]));
    }
    Ok(Value::int(got as i64))
}

fn sock_recv_into(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    recv_into_common(vm, args, kw, false)
}

fn sock_recvfrom_into(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    recv_into_common(vm, args, kw, true)
}

fn sock_send(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "send", kw)?;
    ArgSpec::range(vm, "send", args, 1, 1, 2)?;
    let s = self_sock(vm, args)?;
    let data = require_bytes_like(vm, &args[1])?.into_owned();
    let flags = int_opt(vm, args.get(2), 0)? as i32 | libc::MSG_NOSIGNAL;
    // SAFETY: data lives across the call.
    let n = sock_call(vm, s, true, |fd| unsafe { libc::send(fd, data.as_ptr() as *const libc::c_void, data.len(), flags) })?;
    Ok(Value::int(n as i64))
}

fn sock_sendall(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "sendall", kw)?;
    ArgSpec::range(vm, "sendall", args, 1, 1, 2)?;
    let s = self_sock(vm, args)?;
    let data = require_bytes_like(vm, &args[1])?.into_owned();
    let flags = int_opt(vm, args.get(2), 0)? as i32 | libc::MSG_NOSIGNAL;
    let mut off = 0;
    while off < data.len() {
        let rest = &data[off..];
        // SAFETY: rest lives across the call.
        let n = sock_call(vm, s, true, |fd| unsafe { libc::send(fd, rest.as_ptr() as *const libc::c_void, rest.len(), flags) })?;
        off += n as usize;
        crate::modules::_signal::run_pending_handlers(vm)?;
    }
    Ok(none())
}

fn sock_sendto(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "sendto", kw)?;
    ArgSpec::range(vm, "sendto", args, 1, 2, 3)?;
    let s = self_sock(vm, args)?;
    let (flags, addr) = if args.len() == 4 { (int_opt(vm, Some(&args[2]), 0)? as i32, &args[3]) } else { (0, &args[2]) };
    let data = require_bytes_like(vm, &args[1])?.into_owned();
    let a = sockaddr_arg(vm, s.family.get(), addr, "sendto")?;
    let flags = flags | libc::MSG_NOSIGNAL;
    // SAFETY: data and a live across the call.
    let n = sock_call(vm, s, true, |fd| unsafe { libc::sendto(fd, data.as_ptr() as *const libc::c_void, data.len(), flags, a.ptr(), a.len) })?;
    Ok(Value::int(n as i64))
}

fn sock_shutdown(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "shutdown", kw)?;
    let [me, how] = ArgSpec::exact::<2>(vm, "socket.shutdown", args, 1)?;
    let s = sock_of(vm, &me)?;
    let how = int_opt(vm, Some(&how), 0)? as i32;
    // SAFETY: plain syscall.
    if unsafe { libc::shutdown(s.fd.get(), how) } < 0 {
        return Err(os_err(vm));
    }
    Ok(none())
}

// --- module functions ----------------------------------------------------------------

fn new_socket_value(fd: i32, family: i32, ty: i32, proto: i32) -> Value {
    let s = new_sock_state(fd, family, ty, proto);
    let t = default_timeout();
    s.timeout.set(t);
    if t >= 0.0 {
        set_nonblocking(fd, true);
    }
    new_native(socket_type(), s)
}

fn socket_socketpair(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "socketpair", kw)?;
    ArgSpec::range(vm, "socketpair", args, 0, 0, 3)?;
    let family = int_opt(vm, args.first(), libc::AF_UNIX as i64)? as i32;
    let ty = int_opt(vm, args.get(1), libc::SOCK_STREAM as i64)? as i32;
    let proto = int_opt(vm, args.get(2), 0)? as i32;
    let mut fds = [0i32; 2];
    // SAFETY: fds has room for two fds.
    if unsafe { libc::socketpair(family, ty | libc::SOCK_CLOEXEC, proto, fds.as_mut_ptr()) } < 0 {
        return Err(os_err(vm));
    }
    let ty = ty & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC);
    Ok(new_tuple(vec![new_socket_value(fds[0], family, ty, proto), new_socket_value(fds[1], family, ty, proto)]))
}

fn socket_close(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "close", kw)?;
    let [fd] = ArgSpec::exact::<1>(vm, "close", args, 0)?;
    let fd = fileno_of(vm, &fd)?;
    // SAFETY: closing an fd the caller gave.
    if unsafe { libc::close(fd) } < 0 && errno() != libc::ECONNRESET {
        return Err(os_err(vm));
    }
    Ok(none())
}

fn socket_dup(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "dup", kw)?;
    let [fd] = ArgSpec::exact::<1>(vm, "dup", args, 0)?;
    let fd = fileno_of(vm, &fd)?;
    // SAFETY: plain syscall.
    let new = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if new < 0 {
        return Err(os_err(vm));
    }
    Ok(Value::int(new as i64))
}

fn socket_getdefaulttimeout(_vm: &mut Vm, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    Ok(timeout_value(default_timeout()))
}

fn socket_setdefaulttimeout(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "setdefaulttimeout", kw)?;
    let [t] = ArgSpec::exact::<1>(vm, "setdefaulttimeout", args, 0)?;
    let t = timeout_arg(vm, &t)?;
    // SAFETY: GIL held; a plain store.
    unsafe { *DEFAULT_TIMEOUT.get_mut() = t };
    Ok(none())
}

fn socket_gethostname(vm: &mut Vm, _args: &[Value], _kw: KwNames) -> PyResult<Value> {
    let mut buf = [0 as libc::c_char; 1024];
    // SAFETY: buf has room for the name and its NUL.
    if unsafe { libc::gethostname(buf.as_mut_ptr(), buf.len() - 1) } < 0 {
        return Err(os_err(vm));
    }
    // SAFETY: gethostname wrote a NUL-terminated name (the last byte stays 0).
    let s = unsafe { std::ffi::CStr::from_ptr(buf.as_ptr()) };
    Ok(crate::modules::posix::fs_decode(s.to_bytes()))
}

fn socket_gethostbyname(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "gethostbyname", kw)?;
    let [h] = ArgSpec::exact::<1>(vm, "gethostbyname", args, 0)?;
    let host = host_string(vm, &h, "gethostbyname() argument 1")?;
    let a = resolve_host(vm, &host, libc::AF_INET)?;
    // SAFETY: resolve_host gave an AF_INET address.
    let sa = unsafe { &*(a.ptr() as *const libc::sockaddr_in) };
    Ok(vm.new_str(&ip_string(libc::AF_INET, &sa.sin_addr as *const _ as *const libc::c_void)))
}

fn socket_getaddrinfo(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let a = ArgSpec::parse(vm, "getaddrinfo", args, kw, &["host", "port", "family", "type", "proto", "flags"], 6, 2)?;
    let host = a[0].clone().unwrap_or_else(none);
    let port = a[1].clone().unwrap_or_else(none);
    let host_c = if host.is_none() {
        None
    } else if let Some(s) = host.downcast_ref::<StrObject>() {
        // IDNA for ASCII names is the identity.
        Some(s.to_string_lossy())
    } else if let Some(b) = host.downcast_ref::<BytesObject>() {
        Some(String::from_utf8_lossy(b.data()).into_owned())
    } else {
        return Err(vm.type_error("getaddrinfo() argument 1 must be string or None"));
    };
    let port_c = if port.is_none() {
        None
    } else if as_int(&port).is_some() {
        Some(vm.index_i64(&port)?.to_string())
    } else if let Some(s) = port.downcast_ref::<StrObject>() {
        Some(s.to_string_lossy())
    } else if let Some(b) = port.downcast_ref::<BytesObject>() {
        Some(String::from_utf8_lossy(b.data()).into_owned())
    } else {
        return Err(vm.new_error(ExcKind::OSError, "Int or String expected"));
    };
    let family = int_opt(vm, a[2].as_ref(), 0)? as i32;
    let socktype = int_opt(vm, a[3].as_ref(), 0)? as i32;
    let proto = int_opt(vm, a[4].as_ref(), 0)? as i32;
    let flags = int_opt(vm, a[5].as_ref(), 0)? as i32;
    let hc = match host_c.map(std::ffi::CString::new) {
        Some(Ok(c)) => Some(c),
        Some(Err(_)) => return Err(vm.value_error("embedded null character")),
        None => None,
    };
    let pc = match port_c.map(std::ffi::CString::new) {
        Some(Ok(c)) => Some(c),
        Some(Err(_)) => return Err(vm.value_error("embedded null character")),
        None => None,
    };
    // SAFETY: addrinfo is plain data.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = family;
    hints.ai_socktype = socktype;
    hints.ai_protocol = proto;
    hints.ai_flags = flags;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: the C strings outlive the call; the list is freed below.
    let rc = unsafe {
        libc::getaddrinfo(
            hc.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
            pc.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
            &hints,
            &mut res,
        )
    };
    if rc != 0 {
        return Err(gai_error(vm, rc));
    }
    let mut out = Vec::new();
    let mut p = res;
    while !p.is_null() {
        // SAFETY: p walks the list getaddrinfo returned.
        let ai = unsafe { &*p };
        let mut addr = SockAddr::empty();
        let n = (ai.ai_addrlen as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
        // SAFETY: ai_addr has ai_addrlen bytes.
        unsafe { std::ptr::copy_nonoverlapping(ai.ai_addr as *const u8, addr.mut_ptr() as *mut u8, n) };
        addr.len = n as libc::socklen_t;
        let canon = if ai.ai_canonname.is_null() {
            String::new()
        } else {
            // SAFETY: a NUL-terminated name from the resolver.
            unsafe { std::ffi::CStr::from_ptr(ai.ai_canonname) }.to_string_lossy().into_owned()
        };
        let sa = sockaddr_value(vm, &addr);
        out.push(new_tuple(vec![
            Value::int(ai.ai_family as i64),
            Value::int(ai.ai_socktype as i64),
            Value::int(ai.ai_protocol as i64),
            vm.new_str(&canon),
            sa,
        ]));
        p = ai.ai_next;
    }
    // SAFETY: res came from getaddrinfo.
    unsafe { libc::freeaddrinfo(res) };
    Ok(new_list(out))
}

fn socket_getnameinfo(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "getnameinfo", kw)?;
    let [sa, flags] = ArgSpec::exact::<2>(vm, "getnameinfo", args, 0)?;
    let Some(t) = sa.downcast_ref::<TupleObject>() else {
        return Err(vm.type_error("getnameinfo() argument 1 must be a tuple"));
    };
    let items = t.items().to_vec();
    if !(2..=4).contains(&items.len()) {
        return Err(vm.type_error("getnameinfo(): illegal sockaddr argument"));
    }
    let flags = int_opt(vm, Some(&flags), 0)? as i32;
    let host = host_string(vm, &items[0], "getnameinfo() argument 1")?;
    let family = if host.contains(':') { libc::AF_INET6 } else { libc::AF_INET };
    let addr = sockaddr_arg(vm, family, &sa, "getnameinfo")?;
    let mut hbuf = [0 as libc::c_char; 1025];
    let mut sbuf = [0 as libc::c_char; 32];
    // SAFETY: the buffers have the given sizes.
    let rc = unsafe {
        libc::getnameinfo(addr.ptr(), addr.len, hbuf.as_mut_ptr(), hbuf.len() as libc::socklen_t, sbuf.as_mut_ptr(), sbuf.len() as libc::socklen_t, flags)
    };
    if rc != 0 {
        return Err(gai_error(vm, rc));
    }
    // SAFETY: getnameinfo wrote NUL-terminated strings.
    let (h, s) = unsafe { (std::ffi::CStr::from_ptr(hbuf.as_ptr()), std::ffi::CStr::from_ptr(sbuf.as_ptr())) };
    let (h, s) = (h.to_string_lossy().into_owned(), s.to_string_lossy().into_owned());
    Ok(new_tuple(vec![vm.new_str(&h), vm.new_str(&s)]))
}

fn socket_inet_aton(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "inet_aton", kw)?;
    let [s] = ArgSpec::exact::<1>(vm, "inet_aton", args, 0)?;
    let Some(text) = s.downcast_ref::<StrObject>().map(|x| x.to_string_lossy()) else {
        let msg = format!("inet_aton() argument 1 must be str, not {}", vm.type_name(&s));
        return Err(vm.type_error(msg));
    };
    let Ok(c) = std::ffi::CString::new(text) else {
        return Err(vm.value_error("embedded null character"));
    };
    let mut addr = libc::in_addr { s_addr: 0 };
    extern "C" {
        fn inet_aton(cp: *const libc::c_char, inp: *mut libc::in_addr) -> libc::c_int;
    }
    // SAFETY: c is NUL-terminated; addr lives across the call.
    if unsafe { inet_aton(c.as_ptr(), &mut addr) } == 0 {
        return Err(vm.new_error(ExcKind::OSError, "illegal IP address string passed to inet_aton"));
    }
    Ok(new_bytes(&addr.s_addr.to_ne_bytes()))
}

fn socket_inet_ntoa(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "inet_ntoa", kw)?;
    let [b] = ArgSpec::exact::<1>(vm, "inet_ntoa", args, 0)?;
    let data = require_bytes_like(vm, &b)?.into_owned();
    if data.len() != 4 {
        return Err(vm.new_error(ExcKind::OSError, "packed IP wrong length for inet_ntoa"));
    }
    Ok(vm.new_str(&format!("{}.{}.{}.{}", data[0], data[1], data[2], data[3])))
}

fn socket_inet_pton(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "inet_pton", kw)?;
    let [fam, s] = ArgSpec::exact::<2>(vm, "inet_pton", args, 0)?;
    let family = int_opt(vm, Some(&fam), 0)? as i32;
    let Some(text) = s.downcast_ref::<StrObject>().map(|x| x.to_string_lossy()) else {
        let msg = format!("inet_pton() argument 2 must be str, not {}", vm.type_name(&s));
        return Err(vm.type_error(msg));
    };
    match family {
        libc::AF_INET => match text.parse::<std::net::Ipv4Addr>() {
            Ok(ip) => Ok(new_bytes(&ip.octets())),
            Err(_) => Err(vm.new_error(ExcKind::OSError, "illegal IP address string passed to inet_pton")),
        },
        libc::AF_INET6 => match text.parse::<std::net::Ipv6Addr>() {
            Ok(ip) => Ok(new_bytes(&ip.octets())),
            Err(_) => Err(vm.new_error(ExcKind::OSError, "illegal IP address string passed to inet_pton")),
        },
        _ => Err(os_error(vm, libc::EAFNOSUPPORT, None, None)),
    }
}

fn socket_inet_ntop(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "inet_ntop", kw)?;
    let [fam, b] = ArgSpec::exact::<2>(vm, "inet_ntop", args, 0)?;
    let family = int_opt(vm, Some(&fam), 0)? as i32;
    let data = require_bytes_like(vm, &b)?.into_owned();
    match family {
        libc::AF_INET => {
            if data.len() != 4 {
                return Err(vm.value_error("invalid length of packed IP address string"));
            }
            Ok(vm.new_str(&ip_string(family, data.as_ptr() as *const libc::c_void)))
        }
        libc::AF_INET6 => {
            if data.len() != 16 {
                return Err(vm.value_error("invalid length of packed IP address string"));
            }
            Ok(vm.new_str(&ip_string(family, data.as_ptr() as *const libc::c_void)))
        }
        _ => Err(vm.value_error(format!("unknown address family {family}"))),
    }
}

fn swap_arg(vm: &mut Vm, args: &[Value], kw: KwNames, name: &str, bits: u32) -> PyResult<u64> {
    check_no_kwargs(vm, name, kw)?;
    let [x] = ArgSpec::exact::<1>(vm, name, args, 0)?;
    if as_int(&x).is_none() {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_name(&x));
        return Err(vm.type_error(msg));
    }
    let n = vm.index_i64(&x).map_err(|_| {
        vm.new_error(ExcKind::OverflowError, format!("{name}: Python int too large to convert to C {bits}-bit unsigned integer"))
    })?;
    if n < 0 {
        let msg = format!("{name}: can't convert negative Python int to C {bits}-bit unsigned integer");
        return Err(vm.new_error(ExcKind::OverflowError, msg));
    }
    if (n as u64) >> bits != 0 {
        let msg = format!("{name}: Python int too large to convert to C {bits}-bit unsigned integer");
        return Err(vm.new_error(ExcKind::OverflowError, msg));
    }
    Ok(n as u64)
}

fn socket_htons(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    Ok(Value::int((swap_arg(vm, args, kw, "htons", 16)? as u16).to_be() as i64))
}

fn socket_ntohs(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    Ok(Value::int(u16::from_be(swap_arg(vm, args, kw, "ntohs", 16)? as u16) as i64))
}

fn socket_htonl(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    Ok(Value::int((swap_arg(vm, args, kw, "htonl", 32)? as u32).to_be() as i64))
}

fn socket_ntohl(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    Ok(Value::int(u32::from_be(swap_arg(vm, args, kw, "ntohl", 32)? as u32) as i64))
}

/// Socket constants with Linux's values.
const CONSTANTS: &[(&str, i64)] = &[
    ("AF_ALG", 38),
    ("AF_APPLETALK", 5),
    ("AF_ASH", 18),
    ("AF_ATMPVC", 8),
    ("AF_ATMSVC", 20),
    ("AF_AX25", 3),
    ("AF_BRIDGE", 7),
    ("AF_CAN", 29),
    ("AF_DECnet", 12),
    ("AF_ECONET", 19),
    ("AF_INET", 2),
    ("AF_INET6", 10),
    ("AF_IPX", 4),
    ("AF_IRDA", 23),
    ("AF_KEY", 15),
    ("AF_LLC", 26),
    ("AF_NETBEUI", 13),
    ("AF_NETLINK", 16),
    ("AF_NETROM", 6),
    ("AF_PACKET", 17),
    ("AF_PPPOX", 24),
    ("AF_QIPCRTR", 42),
    ("AF_RDS", 21),
    ("AF_ROSE", 11),
    ("AF_ROUTE", 16),
    ("AF_SECURITY", 14),
    ("AF_SNA", 22),
    ("AF_TIPC", 30),
    ("AF_UNIX", 1),
    ("AF_UNSPEC", 0),
    ("AF_VSOCK", 40),
    ("AF_WANPIPE", 25),
    ("AF_X25", 9),
    ("AI_ADDRCONFIG", 32),
    ("AI_ALL", 16),
    ("AI_CANONNAME", 2),
    ("AI_NUMERICHOST", 4),
    ("AI_NUMERICSERV", 1024),
    ("AI_PASSIVE", 1),
    ("AI_V4MAPPED", 8),
    ("ALG_OP_DECRYPT", 0),
    ("ALG_OP_ENCRYPT", 1),
    ("ALG_OP_SIGN", 2),
    ("ALG_OP_VERIFY", 3),
    ("ALG_SET_AEAD_ASSOCLEN", 4),
    ("ALG_SET_AEAD_AUTHSIZE", 5),
    ("ALG_SET_IV", 2),
    ("ALG_SET_KEY", 1),
    ("ALG_SET_OP", 3),
    ("ALG_SET_PUBKEY", 6),
    ("CAN_BCM", 2),
    ("CAN_BCM_CAN_FD_FRAME", 2048),
    ("CAN_BCM_RX_ANNOUNCE_RESUME", 256),
    ("CAN_BCM_RX_CHANGED", 12),
    ("CAN_BCM_RX_CHECK_DLC", 64),
    ("CAN_BCM_RX_DELETE", 6),
    ("CAN_BCM_RX_FILTER_ID", 32),
    ("CAN_BCM_RX_NO_AUTOTIMER", 128),
    ("CAN_BCM_RX_READ", 7),
    ("CAN_BCM_RX_RTR_FRAME", 1024),
    ("CAN_BCM_RX_SETUP", 5),
    ("CAN_BCM_RX_STATUS", 10),
    ("CAN_BCM_RX_TIMEOUT", 11),
    ("CAN_BCM_SETTIMER", 1),
    ("CAN_BCM_STARTTIMER", 2),
    ("CAN_BCM_TX_ANNOUNCE", 8),
    ("CAN_BCM_TX_COUNTEVT", 4),
    ("CAN_BCM_TX_CP_CAN_ID", 16),
    ("CAN_BCM_TX_DELETE", 2),
    ("CAN_BCM_TX_EXPIRED", 9),
    ("CAN_BCM_TX_READ", 3),
    ("CAN_BCM_TX_RESET_MULTI_IDX", 512),
    ("CAN_BCM_TX_SEND", 4),
    ("CAN_BCM_TX_SETUP", 1),
    ("CAN_BCM_TX_STATUS", 8),
    ("CAN_EFF_FLAG", 2147483648),
    ("CAN_EFF_MASK", 536870911),
    ("CAN_ERR_FLAG", 536870912),
    ("CAN_ERR_MASK", 536870911),
    ("CAN_ISOTP", 6),
    ("CAN_J1939", 7),
    ("CAN_RAW", 1),
    ("CAN_RAW_FD_FRAMES", 5),
    ("CAN_RAW_FILTER", 1),
    ("CAN_RAW_JOIN_FILTERS", 6),
    ("CAN_RAW_LOOPBACK", 3),
    ("CAN_RAW_RECV_OWN_MSGS", 4),
    ("CAN_RTR_FLAG", 1073741824),
    ("CAN_SFF_MASK", 2047),
    ("EAI_ADDRFAMILY", -9),
    ("EAI_AGAIN", -3),
    ("EAI_BADFLAGS", -1),
    ("EAI_FAIL", -4),
    ("EAI_FAMILY", -6),
    ("EAI_MEMORY", -10),
    ("EAI_NODATA", -5),
    ("EAI_NONAME", -2),
    ("EAI_OVERFLOW", -12),
    ("EAI_SERVICE", -8),
    ("EAI_SOCKTYPE", -7),
    ("EAI_SYSTEM", -11),
    ("INADDR_ALLHOSTS_GROUP", 3758096385),
    ("INADDR_ANY", 0),
    ("INADDR_BROADCAST", 4294967295),
    ("INADDR_LOOPBACK", 2130706433),
    ("INADDR_MAX_LOCAL_GROUP", 3758096639),
    ("INADDR_NONE", 4294967295),
    ("INADDR_UNSPEC_GROUP", 3758096384),
    ("IOCTL_VM_SOCKETS_GET_LOCAL_CID", 1977),
    ("IPPORT_RESERVED", 1024),
    ("IPPORT_USERRESERVED", 5000),
    ("IPPROTO_AH", 51),
    ("IPPROTO_DSTOPTS", 60),
    ("IPPROTO_EGP", 8),
    ("IPPROTO_ESP", 50),
    ("IPPROTO_FRAGMENT", 44),
    ("IPPROTO_GRE", 47),
    ("IPPROTO_HOPOPTS", 0),
    ("IPPROTO_ICMP", 1),
    ("IPPROTO_ICMPV6", 58),
    ("IPPROTO_IDP", 22),
    ("IPPROTO_IGMP", 2),
    ("IPPROTO_IP", 0),
    ("IPPROTO_IPIP", 4),
    ("IPPROTO_IPV6", 41),
    ("IPPROTO_MPTCP", 262),
    ("IPPROTO_NONE", 59),
    ("IPPROTO_PIM", 103),
    ("IPPROTO_PUP", 12),
    ("IPPROTO_RAW", 255),
    ("IPPROTO_ROUTING", 43),
    ("IPPROTO_RSVP", 46),
    ("IPPROTO_SCTP", 132),
    ("IPPROTO_TCP", 6),
    ("IPPROTO_TP", 29),
    ("IPPROTO_UDP", 17),
    ("IPPROTO_UDPLITE", 136),
    ("IPV6_CHECKSUM", 7),
    ("IPV6_DONTFRAG", 62),
    ("IPV6_DSTOPTS", 59),
    ("IPV6_HOPLIMIT", 52),
    ("IPV6_HOPOPTS", 54),
    ("IPV6_JOIN_GROUP", 20),
    ("IPV6_LEAVE_GROUP", 21),
    ("IPV6_MULTICAST_HOPS", 18),
    ("IPV6_MULTICAST_IF", 17),
    ("IPV6_MULTICAST_LOOP", 19),
    ("IPV6_NEXTHOP", 9),
    ("IPV6_PATHMTU", 61),
    ("IPV6_PKTINFO", 50),
    ("IPV6_RECVDSTOPTS", 58),
    ("IPV6_RECVHOPLIMIT", 51),
    ("IPV6_RECVHOPOPTS", 53),
    ("IPV6_RECVPATHMTU", 60),
    ("IPV6_RECVPKTINFO", 49),
    ("IPV6_RECVRTHDR", 56),
    ("IPV6_RECVTCLASS", 66),
    ("IPV6_RTHDR", 57),
    ("IPV6_RTHDRDSTOPTS", 55),
    ("IPV6_RTHDR_TYPE_0", 0),
    ("IPV6_TCLASS", 67),
    ("IPV6_UNICAST_HOPS", 16),
    ("IPV6_V6ONLY", 26),
    ("IP_ADD_MEMBERSHIP", 35),
    ("IP_BIND_ADDRESS_NO_PORT", 24),
    ("IP_DEFAULT_MULTICAST_LOOP", 1),
    ("IP_DEFAULT_MULTICAST_TTL", 1),
    ("IP_DROP_MEMBERSHIP", 36),
    ("IP_HDRINCL", 3),
    ("IP_MAX_MEMBERSHIPS", 20),
    ("IP_MULTICAST_IF", 32),
    ("IP_MULTICAST_LOOP", 34),
    ("IP_MULTICAST_TTL", 33),
    ("IP_OPTIONS", 4),
    ("IP_RECVOPTS", 6),
    ("IP_RECVRETOPTS", 7),
    ("IP_RECVTOS", 13),
    ("IP_RETOPTS", 7),
    ("IP_TOS", 1),
    ("IP_TRANSPARENT", 19),
    ("IP_TTL", 2),
    ("J1939_EE_INFO_NONE", 0),
    ("J1939_EE_INFO_TX_ABORT", 1),
    ("J1939_FILTER_MAX", 512),
    ("J1939_IDLE_ADDR", 254),
    ("J1939_MAX_UNICAST_ADDR", 253),
    ("J1939_NLA_BYTES_ACKED", 1),
    ("J1939_NLA_PAD", 0),
    ("J1939_NO_ADDR", 255),
    ("J1939_NO_NAME", 0),
    ("J1939_NO_PGN", 262144),
    ("J1939_PGN_ADDRESS_CLAIMED", 60928),
    ("J1939_PGN_ADDRESS_COMMANDED", 65240),
    ("J1939_PGN_MAX", 262143),
    ("J1939_PGN_PDU1_MAX", 261888),
    ("J1939_PGN_REQUEST", 59904),
    ("MSG_CMSG_CLOEXEC", 1073741824),
    ("MSG_CONFIRM", 2048),
    ("MSG_CTRUNC", 8),
    ("MSG_DONTROUTE", 4),
    ("MSG_DONTWAIT", 64),
    ("MSG_EOR", 128),
    ("MSG_ERRQUEUE", 8192),
    ("MSG_FASTOPEN", 536870912),
    ("MSG_MORE", 32768),
    ("MSG_NOSIGNAL", 16384),
    ("MSG_OOB", 1),
    ("MSG_PEEK", 2),
    ("MSG_TRUNC", 32),
    ("MSG_WAITALL", 256),
    ("NETLINK_CRYPTO", 21),
    ("NETLINK_DNRTMSG", 14),
    ("NETLINK_FIREWALL", 3),
    ("NETLINK_IP6_FW", 13),
    ("NETLINK_NFLOG", 5),
    ("NETLINK_ROUTE", 0),
    ("NETLINK_USERSOCK", 2),
    ("NETLINK_XFRM", 6),
    ("NI_DGRAM", 16),
    ("NI_MAXHOST", 1025),
    ("NI_MAXSERV", 32),
    ("NI_NAMEREQD", 8),
    ("NI_NOFQDN", 4),
    ("NI_NUMERICHOST", 1),
    ("NI_NUMERICSERV", 2),
    ("PACKET_BROADCAST", 1),
    ("PACKET_FASTROUTE", 6),
    ("PACKET_HOST", 0),
    ("PACKET_LOOPBACK", 5),
    ("PACKET_MULTICAST", 2),
    ("PACKET_OTHERHOST", 3),
    ("PACKET_OUTGOING", 4),
    ("PF_CAN", 29),
    ("PF_PACKET", 17),
    ("PF_RDS", 21),
    ("SCM_CREDENTIALS", 2),
    ("SCM_J1939_DEST_ADDR", 1),
    ("SCM_J1939_DEST_NAME", 2),
    ("SCM_J1939_ERRQUEUE", 4),
    ("SCM_J1939_PRIO", 3),
    ("SCM_RIGHTS", 1),
    ("SHUT_RD", 0),
    ("SHUT_RDWR", 2),
    ("SHUT_WR", 1),
    ("SOCK_CLOEXEC", 524288),
    ("SOCK_DGRAM", 2),
    ("SOCK_NONBLOCK", 2048),
    ("SOCK_RAW", 3),
    ("SOCK_RDM", 4),
    ("SOCK_SEQPACKET", 5),
    ("SOCK_STREAM", 1),
    ("SOL_ALG", 279),
    ("SOL_CAN_BASE", 100),
    ("SOL_CAN_RAW", 101),
    ("SOL_IP", 0),
    ("SOL_RDS", 276),
    ("SOL_SOCKET", 1),
    ("SOL_TCP", 6),
    ("SOL_TIPC", 271),
    ("SOL_UDP", 17),
    ("SOMAXCONN", 4096),
    ("SO_ACCEPTCONN", 30),
    ("SO_BINDTODEVICE", 25),
    ("SO_BROADCAST", 6),
    ("SO_DEBUG", 1),
    ("SO_DOMAIN", 39),
    ("SO_DONTROUTE", 5),
    ("SO_ERROR", 4),
    ("SO_INCOMING_CPU", 49),
    ("SO_J1939_ERRQUEUE", 4),
    ("SO_J1939_FILTER", 1),
    ("SO_J1939_PROMISC", 2),
    ("SO_J1939_SEND_PRIO", 3),
    ("SO_KEEPALIVE", 9),
    ("SO_LINGER", 13),
    ("SO_MARK", 36),
    ("SO_OOBINLINE", 10),
    ("SO_PASSCRED", 16),
    ("SO_PASSSEC", 34),
    ("SO_PEERCRED", 17),
    ("SO_PEERSEC", 31),
    ("SO_PRIORITY", 12),
    ("SO_PROTOCOL", 38),
    ("SO_RCVBUF", 8),
    ("SO_RCVLOWAT", 18),
    ("SO_RCVTIMEO", 20),
    ("SO_REUSEADDR", 2),
    ("SO_REUSEPORT", 15),
    ("SO_SNDBUF", 7),
    ("SO_SNDLOWAT", 19),
    ("SO_SNDTIMEO", 21),
    ("SO_TYPE", 3),
    ("SO_VM_SOCKETS_BUFFER_MAX_SIZE", 2),
    ("SO_VM_SOCKETS_BUFFER_MIN_SIZE", 1),
    ("SO_VM_SOCKETS_BUFFER_SIZE", 0),
    ("TCP_CONGESTION", 13),
    ("TCP_CORK", 3),
    ("TCP_DEFER_ACCEPT", 9),
    ("TCP_FASTOPEN", 23),
    ("TCP_INFO", 11),
    ("TCP_KEEPCNT", 6),
    ("TCP_KEEPIDLE", 4),
    ("TCP_KEEPINTVL", 5),
    ("TCP_LINGER2", 8),
    ("TCP_MAXSEG", 2),
    ("TCP_NODELAY", 1),
    ("TCP_NOTSENT_LOWAT", 25),
    ("TCP_QUICKACK", 12),
    ("TCP_SYNCNT", 7),
    ("TCP_USER_TIMEOUT", 18),
    ("TCP_WINDOW_CLAMP", 10),
    ("TIPC_ADDR_ID", 3),
    ("TIPC_ADDR_NAME", 2),
    ("TIPC_ADDR_NAMESEQ", 1),
    ("TIPC_CFG_SRV", 0),
    ("TIPC_CLUSTER_SCOPE", 2),
    ("TIPC_CONN_TIMEOUT", 130),
    ("TIPC_CRITICAL_IMPORTANCE", 3),
    ("TIPC_DEST_DROPPABLE", 129),
    ("TIPC_HIGH_IMPORTANCE", 2),
    ("TIPC_IMPORTANCE", 127),
    ("TIPC_LOW_IMPORTANCE", 0),
    ("TIPC_MEDIUM_IMPORTANCE", 1),
    ("TIPC_NODE_SCOPE", 3),
    ("TIPC_PUBLISHED", 1),
    ("TIPC_SRC_DROPPABLE", 128),
    ("TIPC_SUBSCR_TIMEOUT", 3),
    ("TIPC_SUB_CANCEL", 4),
    ("TIPC_SUB_PORTS", 1),
    ("TIPC_SUB_SERVICE", 2),
    ("TIPC_TOP_SRV", 1),
    ("TIPC_WAIT_FOREVER", -1),
    ("TIPC_WITHDRAWN", 2),
    ("TIPC_ZONE_SCOPE", 1),
    ("UDPLITE_RECV_CSCOV", 11),
    ("UDPLITE_SEND_CSCOV", 10),
    ("VMADDR_CID_ANY", 4294967295),
    ("VMADDR_CID_HOST", 2),
    ("VMADDR_PORT_ANY", 4294967295),
    ("VM_SOCKETS_INVALID_VERSION", 4294967295),
];

pub(crate) fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_socket");
    m.doc("Implementation module for socket operations.\n\nSee the socket module for documentation.");
    let t = socket_type();
    m.type_(t);
    m.value("SocketType", t.as_value());
    let oserror = crate::exception::exc_type_value(ExcKind::OSError);
    m.value("error", oserror.clone());
    m.value("timeout", crate::exception::exc_type_value(ExcKind::TimeoutError));
    // socket.gaierror and socket.herror: OSError subclasses made here.
    let type_type = crate::typeobj::TYPE_TYPE.get().as_value();
    for (name, cell) in [("gaierror", &GAIERROR), ("herror", &HERROR)] {
        let ns = crate::objects::dict::DictObject::new_value();
        if let Some(d) = ns.downcast_ref::<crate::objects::dict::DictObject>() {
            d.insert_str_key("__module__", vm.new_str("socket"));
        }
        let cls = vm.call(&type_type, &[vm.new_str(name), new_tuple(vec![oserror.clone()]), ns], None)?;
        // SAFETY: GIL held; set once per module creation.
        unsafe { *cell.get_mut() = Some(cls.clone()) };
        m.value(name, cls);
    }
    m.functions(&[
        ("socketpair", socket_socketpair),
        ("close", socket_close),
        ("dup", socket_dup),
        ("getdefaulttimeout", socket_getdefaulttimeout),
        ("setdefaulttimeout", socket_setdefaulttimeout),
        ("gethostname", socket_gethostname),
        ("gethostbyname", socket_gethostbyname),
        ("getaddrinfo", socket_getaddrinfo),
        ("getnameinfo", socket_getnameinfo),
        ("inet_aton", socket_inet_aton),
        ("inet_ntoa", socket_inet_ntoa),
        ("inet_pton", socket_inet_pton),
        ("inet_ntop", socket_inet_ntop),
        ("htons", socket_htons),
        ("ntohs", socket_ntohs),
        ("htonl", socket_htonl),
        ("ntohl", socket_ntohl),
    ]);
    m.value("has_ipv6", true_value());
    for (name, v) in CONSTANTS {
        m.int(name, *v);
    }
    Ok(m.finish())
}
