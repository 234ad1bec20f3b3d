//! `_uuid`: time-based (version 1) UUIDs for `Lib/uuid.py`, as CPython's
//! C module gets them from libuuid's `uuid_generate_time_safe`.
//!
//! The node is the first network interface's hardware address (as libuuid
//! reads it), or a random one with the multicast bit set when there is none
//! (RFC 4122 section 4.5). The clock sequence is random per process and the
//! timestamp never repeats within it. Like libuuid without its `uuidd`
//! daemon, the result is reported as not generated safely (-1) for
//! multiprocessing uses.

use crate::args::ArgSpec;
use crate::exception::PyResult;
use crate::modules::ModuleBuilder;
use crate::objects::bytes::new_bytes;
use crate::objects::tuple::new_tuple;
use crate::typeobj::KwNames;
use crate::value::Value;
use crate::vm::Vm;
use std::sync::Mutex;

/// 100-ns intervals between the Gregorian reform (1582-10-15) and the Unix epoch.
const GREGORIAN_OFFSET: u64 = 0x01b2_1dd2_1381_4000;

struct Generator {
    node: u64,
    clock_seq: u16,
    last_timestamp: u64,
}

static GENERATOR: Mutex<Option<Generator>> = Mutex::new(None);

fn random_u64() -> u64 {
    let mut buf = [0u8; 8];
    // SAFETY: the buffer is valid for its length.
    let n = unsafe { libc::getrandom(buf.as_mut_ptr() as *mut libc::c_void, buf.len(), 0) };
    if n != buf.len() as isize {
        // No entropy source: the clock still makes the value vary.
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        return t ^ (u64::from(std::process::id()) << 32);
    }
    u64::from_ne_bytes(buf)
}

/// The hardware address of the first interface (by name) that has a
/// non-zero one, as `/sys/class/net` lists them; loopback has none.
fn hardware_node() -> Option<u64> {
    let mut names: Vec<_> = std::fs::read_dir("/sys/class/net")
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.file_name()))
        .collect();
    names.sort();
    for name in names {
        let path = std::path::Path::new("/sys/class/net").join(&name).join("address");
        let Ok(text) = std::fs::read_to_string(path) else { continue };
        let hex: String = text.trim().split(':').collect();
        if hex.len() != 12 {
            continue;
        }
        if let Ok(node) = u64::from_str_radix(&hex, 16) {
            if node != 0 {
                return Some(node);
            }
        }
    }
    None
}

fn next_uuid() -> [u8; 16] {
    let mut guard = GENERATOR.lock().unwrap_or_else(|e| e.into_inner());
    let gen = guard.get_or_insert_with(|| Generator {
        node: hardware_node().unwrap_or_else(|| (random_u64() & 0xffff_ffff_ffff) | (1 << 40)),
        clock_seq: (random_u64() & 0x3fff) as u16,
        last_timestamp: 0,
    });
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| (d.as_nanos() / 100) as u64);
    let mut timestamp = now.wrapping_add(GREGORIAN_OFFSET);
    if timestamp <= gen.last_timestamp {
        timestamp = gen.last_timestamp + 1;
    }
    gen.last_timestamp = timestamp;
    let time_low = (timestamp & 0xffff_ffff) as u32;
    let time_mid = ((timestamp >> 32) & 0xffff) as u16;
    let time_hi_version = (((timestamp >> 48) & 0x0fff) as u16) | 0x1000;
    let mut out = [0u8; 16];
    out[0..4].copy_from_slice(&time_low.to_be_bytes());
    out[4..6].copy_from_slice(&time_mid.to_be_bytes());
    out[6..8].copy_from_slice(&time_hi_version.to_be_bytes());
    out[8] = ((gen.clock_seq >> 8) as u8 & 0x3f) | 0x80;
    out[9] = (gen.clock_seq & 0xff) as u8;
    out[10..16].copy_from_slice(&gen.node.to_be_bytes()[2..8]);
    out
}

fn generate_time_safe(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    crate::args::check_no_kwargs(vm, "_uuid.generate_time_safe", kw)?;
    ArgSpec::exact::<0>(vm, "_uuid.generate_time_safe", args, 0)?;
    let bytes = next_uuid();
    Ok(new_tuple(vec![new_bytes(&bytes), Value::int(-1)]))
}

pub(crate) fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = ModuleBuilder::new("_uuid");
    m.function("generate_time_safe", generate_time_safe);
    m.int("has_uuid_generate_time_safe", 1);
    Ok(m.finish())
}
