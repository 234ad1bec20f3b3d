//! `termios`: POSIX tty control (tcgetattr, tcsetattr, tcsendbreak, tcdrain,
//! tcflush, tcflow, tcgetwinsize, tcsetwinsize) and the Linux constants
//! CPython exports, as Modules/termios.c. Failures raise `termios.error`
//! with (errno, strerror) arguments.

use crate::args::{check_no_kwargs, ArgSpec};
use crate::exception::{ExcKind, PyErr, PyResult};
use crate::gil::GilCell;
use crate::modules::binascii::new_exception_class;
use crate::modules::posix::fileno_of;
use crate::modules::ModuleBuilder;
use crate::objects::bytes::{new_bytes, BytesObject};
use crate::objects::int::as_int;
use crate::objects::list::{new_list, ListObject};
use crate::objects::singletons::none;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::typeobj::KwNames;
use crate::value::Value;
use crate::vm::Vm;

/// `termios.error`, made at the first import.
static ERROR: GilCell<Option<Value>> = GilCell::new(None);

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// `termios.error(errno, strerror)` for the current errno.
fn termios_error(vm: &mut Vm) -> PyErr {
    let code = errno();
    // SAFETY: GIL held; the borrow ends before any Python code runs.
    let cls = unsafe { ERROR.get_mut() }.clone();
    let args = [Value::int(code as i64), new_str(&crate::types::exc::strerror_text(code))];
    match cls {
        Some(c) => match vm.call(&c, &args, None) {
            Ok(e) => PyErr::new(e),
            Err(e) => e,
        },
        None => crate::types::exc::os_error(vm, code, None, None),
    }
}


/// Runs a tty call with the GIL released; -1 becomes termios.error.
fn tty_call(vm: &mut Vm, call: impl FnOnce() -> libc::c_int) -> PyResult<()> {
    if vm.allow_threads(call) == -1 {
        return Err(termios_error(vm));
    }
    Ok(())
}

fn get_mode(vm: &mut Vm, fd: i32) -> PyResult<libc::termios> {
    // SAFETY: plain data filled by the call.
    let mut mode: libc::termios = unsafe { std::mem::zeroed() };
    let p: *mut libc::termios = &mut mode;
    // SAFETY: p points at `mode`, alive across the call.
    tty_call(vm, || unsafe { libc::tcgetattr(fd, p) })?;
    Ok(mode)
}

fn termios_tcgetattr(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "termios.tcgetattr", kw)?;
    let [f] = ArgSpec::exact::<1>(vm, "termios.tcgetattr", args, 0)?;
    let fd = fileno_of(vm, &f)?;
    let mode = get_mode(vm, fd)?;
    // SAFETY: reads the speeds out of an initialized struct.
    let (ispeed, ospeed) = unsafe { (libc::cfgetispeed(&mode), libc::cfgetospeed(&mode)) };
    let mut cc: Vec<Value> = mode.c_cc.iter().map(|&c| new_bytes(&[c])).collect();
    // VMIN and VTIME may share slots with VEOF and VEOL: they are counts
    // only in noncanonical mode.
    if mode.c_lflag & libc::ICANON == 0 {
        for slot in [libc::VMIN, libc::VTIME] {
            if let Some(c) = mode.c_cc.get(slot) {
                cc[slot] = Value::int(*c as i64);
            }
        }
    }
    Ok(new_list(vec![
        Value::int(mode.c_iflag as i64),
        Value::int(mode.c_oflag as i64),
        Value::int(mode.c_cflag as i64),
        Value::int(mode.c_lflag as i64),
        Value::int(ispeed as i64),
        Value::int(ospeed as i64),
        new_list(cc),
    ]))
}

fn termios_tcsetattr(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "tcsetattr", kw)?;
    let [f, when, attrs] = ArgSpec::exact::<3>(vm, "tcsetattr", args, 0)?;
    let fd = fileno_of(vm, &f)?;
    let when = vm.c_int(&when)?;
    let items = match attrs.downcast_ref::<ListObject>() {
        Some(l) if l.len() == 7 => l.to_vec(),
        _ => return Err(vm.type_error("tcsetattr, arg 3: must be 7 element list")),
    };
    // The current mode first, to keep any fields the list does not carry.
    let mut mode = get_mode(vm, fd)?;
    let mut flags = [0i64; 6];
    for (slot, item) in flags.iter_mut().zip(&items) {
        *slot = vm.arg_c_long(item)?;
    }
    mode.c_iflag = flags[0] as libc::tcflag_t;
    mode.c_oflag = flags[1] as libc::tcflag_t;
    mode.c_cflag = flags[2] as libc::tcflag_t;
    mode.c_lflag = flags[3] as libc::tcflag_t;
    let (ispeed, ospeed) = (flags[4] as libc::speed_t, flags[5] as libc::speed_t);
    let cc = match items.get(6).and_then(|v| v.downcast_ref::<ListObject>()) {
        Some(l) if l.len() == libc::NCCS => l.to_vec(),
        _ => {
            let msg = format!("tcsetattr: attributes[6] must be {} element list", libc::NCCS);
            return Err(vm.type_error(msg));
        }
    };
    for (slot, v) in mode.c_cc.iter_mut().zip(&cc) {
        if let Some(b) = v.downcast_ref::<BytesObject>().filter(|b| b.data().len() == 1) {
            *slot = b.data()[0];
        } else if as_int(v).is_some() {
            *slot = vm.arg_c_long(v)? as libc::cc_t;
        } else {
            return Err(vm.type_error("tcsetattr: elements of attributes must be characters or integers"));
        }
    }
    // SAFETY: `mode` is initialized and outlives the calls.
    unsafe {
        if libc::cfsetispeed(&mut mode, ispeed) == -1 || libc::cfsetospeed(&mut mode, ospeed) == -1 {
            return Err(termios_error(vm));
        }
    }
    let p: *const libc::termios = &mode;
    // SAFETY: p points at `mode`, alive across the call.
    tty_call(vm, || unsafe { libc::tcsetattr(fd, when, p) })?;
    Ok(none())
}

/// The (fd, int) functions: tcsendbreak, tcflush, tcflow.
fn fd_and_int(vm: &mut Vm, fname: &str, args: &[Value], kw: KwNames, call: fn(i32, i32) -> libc::c_int) -> PyResult<Value> {
    check_no_kwargs(vm, fname, kw)?;
    let [f, n] = ArgSpec::exact::<2>(vm, fname, args, 0)?;
    let fd = fileno_of(vm, &f)?;
    let n = vm.c_int(&n)?;
    tty_call(vm, || call(fd, n))?;
    Ok(none())
}

fn termios_tcsendbreak(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    // SAFETY: plain syscall.
    fd_and_int(vm, "tcsendbreak", args, kw, |fd, n| unsafe { libc::tcsendbreak(fd, n) })
}

fn termios_tcflush(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    // SAFETY: plain syscall.
    fd_and_int(vm, "tcflush", args, kw, |fd, n| unsafe { libc::tcflush(fd, n) })
}

fn termios_tcflow(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    // SAFETY: plain syscall.
    fd_and_int(vm, "tcflow", args, kw, |fd, n| unsafe { libc::tcflow(fd, n) })
}

fn termios_tcdrain(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "termios.tcdrain", kw)?;
    let [f] = ArgSpec::exact::<1>(vm, "termios.tcdrain", args, 0)?;
    let fd = fileno_of(vm, &f)?;
    // SAFETY: plain syscall.
    tty_call(vm, || unsafe { libc::tcdrain(fd) })?;
    Ok(none())
}

fn get_winsize(vm: &mut Vm, fd: i32) -> PyResult<libc::winsize> {
    // SAFETY: plain data filled by the ioctl.
    let mut w: libc::winsize = unsafe { std::mem::zeroed() };
    let p: *mut libc::winsize = &mut w;
    // SAFETY: p points at `w`, alive across the call.
    tty_call(vm, || unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, p) })?;
    Ok(w)
}

fn termios_tcgetwinsize(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "termios.tcgetwinsize", kw)?;
    let [f] = ArgSpec::exact::<1>(vm, "termios.tcgetwinsize", args, 0)?;
    let fd = fileno_of(vm, &f)?;
    let w = get_winsize(vm, fd)?;
    Ok(new_tuple(vec![Value::int(w.ws_row as i64), Value::int(w.ws_col as i64)]))
}

fn termios_tcsetwinsize(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    check_no_kwargs(vm, "tcsetwinsize", kw)?;
    let [f, size] = ArgSpec::exact::<2>(vm, "tcsetwinsize", args, 0)?;
    let fd = fileno_of(vm, &f)?;
    let not_pair = || "tcsetwinsize, arg 2: must be a two-item sequence";
    if !crate::types::exc_group::is_sequence(&size) {
        return Err(vm.type_error(not_pair()));
    }
    let n = match vm.len(&size) {
        Ok(n) => n,
        Err(_) => return Err(vm.type_error(not_pair())),
    };
    if n != 2 {
        return Err(vm.type_error(not_pair()));
    }
    let rows = vm.getitem(&size, &Value::int(0))?;
    let rows = vm.arg_c_long(&rows)?;
    let cols = vm.getitem(&size, &Value::int(1))?;
    let cols = vm.arg_c_long(&cols)?;
    let mut w = get_winsize(vm, fd)?;
    let (Ok(r), Ok(c)) = (u16::try_from(rows), u16::try_from(cols)) else {
        return Err(vm.new_error(ExcKind::OverflowError, "winsize value(s) out of range."));
    };
    w.ws_row = r;
    w.ws_col = c;
    let p: *const libc::winsize = &w;
    // SAFETY: p points at `w`, alive across the call.
    tty_call(vm, || unsafe { libc::ioctl(fd, libc::TIOCSWINSZ, p) })?;
    Ok(none())
}

pub(crate) fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("termios");
    m.functions(&[
        ("tcgetattr", termios_tcgetattr),
        ("tcsetattr", termios_tcsetattr),
        ("tcsendbreak", termios_tcsendbreak),
        ("tcdrain", termios_tcdrain),
        ("tcflush", termios_tcflush),
        ("tcflow", termios_tcflow),
        ("tcgetwinsize", termios_tcgetwinsize),
        ("tcsetwinsize", termios_tcsetwinsize),
    ]);
    let error = new_exception_class(vm, "termios", "error", ExcKind::Exception)?;
    // SAFETY: GIL held; no other borrow is live.
    unsafe { *ERROR.get_mut() = Some(error.clone()) };
    m.value("error", error);
    for (name, v) in CONSTANTS {
        m.int(name, *v);
    }
    Ok(m.finish())
}

/// The constants CPython's termios exports on Linux, from libc where it
/// names them; the rest (control characters, line disciplines, packet-mode
/// bits, ioctl size fields) are Linux's fixed values.
const CONSTANTS: &[(&str, i64)] = &[
    ("B0", libc::B0 as i64),
    ("B1000000", libc::B1000000 as i64),
    ("B110", libc::B110 as i64),
    ("B115200", libc::B115200 as i64),
    ("B1152000", libc::B1152000 as i64),
    ("B1200", libc::B1200 as i64),
    ("B134", libc::B134 as i64),
    ("B150", libc::B150 as i64),
    ("B1500000", libc::B1500000 as i64),
    ("B1800", libc::B1800 as i64),
    ("B19200", libc::B19200 as i64),
    ("B200", libc::B200 as i64),
    ("B2000000", libc::B2000000 as i64),
    ("B230400", libc::B230400 as i64),
    ("B2400", libc::B2400 as i64),
    ("B2500000", libc::B2500000 as i64),
    ("B300", libc::B300 as i64),
    ("B3000000", libc::B3000000 as i64),
    ("B3500000", libc::B3500000 as i64),
    ("B38400", libc::B38400 as i64),
    ("B4000000", libc::B4000000 as i64),
    ("B460800", libc::B460800 as i64),
    ("B4800", libc::B4800 as i64),
    ("B50", libc::B50 as i64),
    ("B500000", libc::B500000 as i64),
    ("B57600", libc::B57600 as i64),
    ("B576000", libc::B576000 as i64),
    ("B600", libc::B600 as i64),
    ("B75", libc::B75 as i64),
    ("B921600", libc::B921600 as i64),
    ("B9600", libc::B9600 as i64),
    ("BRKINT", libc::BRKINT as i64),
    ("BS0", libc::BS0 as i64),
    ("BS1", libc::BS1 as i64),
    ("BSDLY", libc::BSDLY as i64),
    ("CBAUD", libc::CBAUD as i64),
    ("CBAUDEX", libc::CBAUDEX as i64),
    ("CDSUSP", 25),
    ("CEOF", 4),
    ("CEOL", 0),
    ("CEOT", 4),
    ("CERASE", 127),
    ("CFLUSH", 15),
    ("CIBAUD", libc::CIBAUD as i64),
    ("CINTR", 3),
    ("CKILL", 21),
    ("CLNEXT", 22),
    ("CLOCAL", libc::CLOCAL as i64),
    ("CQUIT", 28),
    ("CR0", libc::CR0 as i64),
    ("CR1", libc::CR1 as i64),
    ("CR2", libc::CR2 as i64),
    ("CR3", libc::CR3 as i64),
    ("CRDLY", libc::CRDLY as i64),
    ("CREAD", libc::CREAD as i64),
    ("CRPRNT", 18),
    ("CRTSCTS", libc::CRTSCTS as i64),
    ("CS5", libc::CS5 as i64),
    ("CS6", libc::CS6 as i64),
    ("CS7", libc::CS7 as i64),
    ("CS8", libc::CS8 as i64),
    ("CSIZE", libc::CSIZE as i64),
    ("CSTART", 17),
    ("CSTOP", 19),
    ("CSTOPB", libc::CSTOPB as i64),
    ("CSUSP", 26),
    ("CWERASE", 23),
    ("ECHO", libc::ECHO as i64),
    ("ECHOCTL", libc::ECHOCTL as i64),
    ("ECHOE", libc::ECHOE as i64),
    ("ECHOK", libc::ECHOK as i64),
    ("ECHOKE", libc::ECHOKE as i64),
    ("ECHONL", libc::ECHONL as i64),
    ("ECHOPRT", libc::ECHOPRT as i64),
    ("EXTA", libc::EXTA as i64),
    ("EXTB", libc::EXTB as i64),
    ("FF0", libc::FF0 as i64),
    ("FF1", libc::FF1 as i64),
    ("FFDLY", libc::FFDLY as i64),
    ("FIOASYNC", libc::FIOASYNC as i64),
    ("FIOCLEX", libc::FIOCLEX as i64),
    ("FIONBIO", libc::FIONBIO as i64),
    ("FIONCLEX", libc::FIONCLEX as i64),
    ("FIONREAD", libc::FIONREAD as i64),
    ("FLUSHO", libc::FLUSHO as i64),
    ("HUPCL", libc::HUPCL as i64),
    ("ICANON", libc::ICANON as i64),
    ("ICRNL", libc::ICRNL as i64),
    ("IEXTEN", libc::IEXTEN as i64),
    ("IGNBRK", libc::IGNBRK as i64),
    ("IGNCR", libc::IGNCR as i64),
    ("IGNPAR", libc::IGNPAR as i64),
    ("IMAXBEL", libc::IMAXBEL as i64),
    ("INLCR", libc::INLCR as i64),
    ("INPCK", libc::INPCK as i64),
    ("IOCSIZE_MASK", 1073676288),
    ("IOCSIZE_SHIFT", 16),
    ("ISIG", libc::ISIG as i64),
    ("ISTRIP", libc::ISTRIP as i64),
    ("IUCLC", libc::IUCLC as i64),
    ("IXANY", libc::IXANY as i64),
    ("IXOFF", libc::IXOFF as i64),
    ("IXON", libc::IXON as i64),
    ("NCC", 8),
    ("NCCS", libc::NCCS as i64),
    ("NL0", libc::NL0 as i64),
    ("NL1", libc::NL1 as i64),
    ("NLDLY", libc::NLDLY as i64),
    ("NOFLSH", libc::NOFLSH as i64),
    ("N_MOUSE", 2),
    ("N_PPP", 3),
    ("N_SLIP", 1),
    ("N_STRIP", 4),
    ("N_TTY", 0),
    ("OCRNL", libc::OCRNL as i64),
    ("OFDEL", libc::OFDEL as i64),
    ("OFILL", libc::OFILL as i64),
    ("OLCUC", libc::OLCUC as i64),
    ("ONLCR", libc::ONLCR as i64),
    ("ONLRET", libc::ONLRET as i64),
    ("ONOCR", libc::ONOCR as i64),
    ("OPOST", libc::OPOST as i64),
    ("PARENB", libc::PARENB as i64),
    ("PARMRK", libc::PARMRK as i64),
    ("PARODD", libc::PARODD as i64),
    ("PENDIN", libc::PENDIN as i64),
    ("TAB0", libc::TAB0 as i64),
    ("TAB1", libc::TAB1 as i64),
    ("TAB2", libc::TAB2 as i64),
    ("TAB3", libc::TAB3 as i64),
    ("TABDLY", libc::TABDLY as i64),
    ("TCFLSH", libc::TCFLSH as i64),
    ("TCGETA", libc::TCGETA as i64),
    ("TCGETS", libc::TCGETS as i64),
    ("TCIFLUSH", libc::TCIFLUSH as i64),
    ("TCIOFF", libc::TCIOFF as i64),
    ("TCIOFLUSH", libc::TCIOFLUSH as i64),
    ("TCION", libc::TCION as i64),
    ("TCOFLUSH", libc::TCOFLUSH as i64),
    ("TCOOFF", libc::TCOOFF as i64),
    ("TCOON", libc::TCOON as i64),
    ("TCSADRAIN", libc::TCSADRAIN as i64),
    ("TCSAFLUSH", libc::TCSAFLUSH as i64),
    ("TCSANOW", libc::TCSANOW as i64),
    ("TCSBRK", libc::TCSBRK as i64),
    ("TCSBRKP", libc::TCSBRKP as i64),
    ("TCSETA", libc::TCSETA as i64),
    ("TCSETAF", libc::TCSETAF as i64),
    ("TCSETAW", libc::TCSETAW as i64),
    ("TCSETS", libc::TCSETS as i64),
    ("TCSETSF", libc::TCSETSF as i64),
    ("TCSETSW", libc::TCSETSW as i64),
    ("TCXONC", libc::TCXONC as i64),
    ("TIOCCONS", libc::TIOCCONS as i64),
    ("TIOCEXCL", libc::TIOCEXCL as i64),
    ("TIOCGETD", libc::TIOCGETD as i64),
    ("TIOCGICOUNT", libc::TIOCGICOUNT as i64),
    ("TIOCGLCKTRMIOS", libc::TIOCGLCKTRMIOS as i64),
    ("TIOCGPGRP", libc::TIOCGPGRP as i64),
    ("TIOCGSERIAL", libc::TIOCGSERIAL as i64),
    ("TIOCGSOFTCAR", libc::TIOCGSOFTCAR as i64),
    ("TIOCGWINSZ", libc::TIOCGWINSZ as i64),
    ("TIOCINQ", libc::TIOCINQ as i64),
    ("TIOCLINUX", libc::TIOCLINUX as i64),
    ("TIOCMBIC", libc::TIOCMBIC as i64),
    ("TIOCMBIS", libc::TIOCMBIS as i64),
    ("TIOCMGET", libc::TIOCMGET as i64),
    ("TIOCMIWAIT", libc::TIOCMIWAIT as i64),
    ("TIOCMSET", libc::TIOCMSET as i64),
    ("TIOCM_CAR", libc::TIOCM_CAR as i64),
    ("TIOCM_CD", libc::TIOCM_CD as i64),
    ("TIOCM_CTS", libc::TIOCM_CTS as i64),
    ("TIOCM_DSR", libc::TIOCM_DSR as i64),
    ("TIOCM_DTR", libc::TIOCM_DTR as i64),
    ("TIOCM_LE", libc::TIOCM_LE as i64),
    ("TIOCM_RI", libc::TIOCM_RI as i64),
    ("TIOCM_RNG", libc::TIOCM_RNG as i64),
    ("TIOCM_RTS", libc::TIOCM_RTS as i64),
    ("TIOCM_SR", libc::TIOCM_SR as i64),
    ("TIOCM_ST", libc::TIOCM_ST as i64),
    ("TIOCNOTTY", libc::TIOCNOTTY as i64),
    ("TIOCNXCL", libc::TIOCNXCL as i64),
    ("TIOCOUTQ", libc::TIOCOUTQ as i64),
    ("TIOCPKT", libc::TIOCPKT as i64),
    ("TIOCPKT_DATA", 0),
    ("TIOCPKT_DOSTOP", 32),
    ("TIOCPKT_FLUSHREAD", 1),
    ("TIOCPKT_FLUSHWRITE", 2),
    ("TIOCPKT_NOSTOP", 16),
    ("TIOCPKT_START", 8),
    ("TIOCPKT_STOP", 4),
    ("TIOCSCTTY", libc::TIOCSCTTY as i64),
    ("TIOCSERCONFIG", libc::TIOCSERCONFIG as i64),
    ("TIOCSERGETLSR", libc::TIOCSERGETLSR as i64),
    ("TIOCSERGETMULTI", libc::TIOCSERGETMULTI as i64),
    ("TIOCSERGSTRUCT", libc::TIOCSERGSTRUCT as i64),
    ("TIOCSERGWILD", libc::TIOCSERGWILD as i64),
    ("TIOCSERSETMULTI", libc::TIOCSERSETMULTI as i64),
    ("TIOCSERSWILD", libc::TIOCSERSWILD as i64),
    ("TIOCSER_TEMT", 1),
    ("TIOCSETD", libc::TIOCSETD as i64),
    ("TIOCSLCKTRMIOS", libc::TIOCSLCKTRMIOS as i64),
    ("TIOCSPGRP", libc::TIOCSPGRP as i64),
    ("TIOCSSERIAL", libc::TIOCSSERIAL as i64),
    ("TIOCSSOFTCAR", libc::TIOCSSOFTCAR as i64),
    ("TIOCSTI", libc::TIOCSTI as i64),
    ("TIOCSWINSZ", libc::TIOCSWINSZ as i64),
    ("TOSTOP", libc::TOSTOP as i64),
    ("VDISCARD", libc::VDISCARD as i64),
    ("VEOF", libc::VEOF as i64),
    ("VEOL", libc::VEOL as i64),
    ("VEOL2", libc::VEOL2 as i64),
    ("VERASE", libc::VERASE as i64),
    ("VINTR", libc::VINTR as i64),
    ("VKILL", libc::VKILL as i64),
    ("VLNEXT", libc::VLNEXT as i64),
    ("VMIN", libc::VMIN as i64),
    ("VQUIT", libc::VQUIT as i64),
    ("VREPRINT", libc::VREPRINT as i64),
    ("VSTART", libc::VSTART as i64),
    ("VSTOP", libc::VSTOP as i64),
    ("VSUSP", libc::VSUSP as i64),
    ("VSWTC", libc::VSWTC as i64),
    ("VSWTCH", 7),
    ("VT0", libc::VT0 as i64),
    ("VT1", libc::VT1 as i64),
    ("VTDLY", libc::VTDLY as i64),
    ("VTIME", libc::VTIME as i64),
    ("VWERASE", libc::VWERASE as i64),
    ("XCASE", libc::XCASE as i64),
    ("XTABS", libc::XTABS as i64),
];
