//! The compiled-code cache: a module's code object is kept beside its source
//! in `__pycache__/NAME.pyrite-311.pyc`, in pyrite's own format
//! (`pyrite_bytecode::serialize`), so that importing a large module does not
//! parse and compile it again on every run.
//!
//! A cache file is used only when its header matches the source file's size
//! and modification time (nanoseconds) and the pyrite executable that wrote
//! it (its size and modification time: a rebuilt pyrite may compile
//! differently). Anything else, a damaged file included, is a miss: the
//! source is compiled and the file rewritten (atomically, through a temporary
//! file renamed into place), unless `sys.dont_write_bytecode` is set. Failing
//! to write (a read-only folder) is silent, as in CPython.

use crate::value::Value;
use crate::vm::Vm;
use crate::exception::PyResult;
use pyrite_bytecode::code::CodeObject;
use pyrite_bytecode::serialize;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::OnceLock;
use std::time::UNIX_EPOCH;

/// `sys.implementation.cache_tag`.
pub const CACHE_TAG: &str = "pyrite-311";

const MAGIC: &[u8; 8] = b"pyrite\0c";
/// Magic, format version, a reserved word, then the four numbers of a [`Stamp`].
const HEADER_LEN: usize = 8 + 4 + 4 + 4 * 8;

/// What a cache file must match: the source file and the executable.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Stamp {
    source_mtime_ns: u64,
    source_size: u64,
    exe_mtime_ns: u64,
    exe_size: u64,
}

fn mtime_ns(meta: &std::fs::Metadata) -> Option<u64> {
    let since = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    u64::try_from(since.as_nanos()).ok()
}

/// The running executable's size and modification time, read once.
fn exe_identity() -> Option<(u64, u64)> {
    static IDENTITY: OnceLock<Option<(u64, u64)>> = OnceLock::new();
    *IDENTITY.get_or_init(|| {
        let meta = std::fs::metadata(std::env::current_exe().ok()?).ok()?;
        Some((mtime_ns(&meta)?, meta.len()))
    })
}

impl Stamp {
    fn of(source: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(source).ok()?;
        let (exe_mtime_ns, exe_size) = exe_identity()?;
        Some(Stamp { source_mtime_ns: mtime_ns(&meta)?, source_size: meta.len(), exe_mtime_ns, exe_size })
    }

    fn header(&self) -> Vec<u8> {
        let mut h = Vec::with_capacity(HEADER_LEN);
        h.extend_from_slice(MAGIC);
        h.extend_from_slice(&serialize::FORMAT_VERSION.to_le_bytes());
        h.extend_from_slice(&0u32.to_le_bytes());
        for n in [self.source_mtime_ns, self.source_size, self.exe_mtime_ns, self.exe_size] {
            h.extend_from_slice(&n.to_le_bytes());
        }
        h
    }
}

/// `importlib.util.cache_from_source` with pyrite's tag: `DIR/__pycache__/STEM.pyrite-311.pyc`.
pub fn cache_path(source: &Path) -> Option<PathBuf> {
    let stem = source.file_name()?.to_str()?.strip_suffix(".py")?;
    let dir = source.parent()?;
    // `-O`/`-OO` code is kept apart, as CPython's `.opt-N.pyc` (SHARED: cli).
    let opt = match crate::config::current().optimize_level() {
        0 => String::new(),
        n => format!(".opt-{n}"),
    };
    Some(dir.join("__pycache__").join(format!("{stem}.{CACHE_TAG}{opt}.pyc")))
}

fn load(cache: &Path, stamp: &Stamp, filename: &str) -> Option<CodeObject> {
    let data = std::fs::read(cache).ok()?;
    let (header, body) = data.split_at_checked(HEADER_LEN)?;
    if header != stamp.header().as_slice() {
        return None;
    }
    let code = serialize::decode_code(body)?;
    // The same file reached by another path (a symlink, a relative sys.path
    // entry) must show the path it was imported by, so that is a miss too.
    (&*code.filename == filename).then_some(code)
}

fn store(cache: &Path, stamp: &Stamp, code: &CodeObject) {
    let Some(dir) = cache.parent() else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let mut data = stamp.header();
    data.extend_from_slice(&serialize::encode_code(code));
    let tmp = cache.with_extension(format!("pyc.{}", std::process::id()));
    if std::fs::write(&tmp, &data).is_ok() && std::fs::rename(&tmp, cache).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

impl Vm {
    /// The module code object of the source file `path` (shown as `filename`),
    /// from the cache when it is current, else compiled (and cached). Errors
    /// are those of reading and compiling the source.
    pub(crate) fn compile_module_file(&mut self, path: &Path, filename: &str) -> PyResult<Value> {
        let stamp = Stamp::of(path);
        let cache = stamp.and_then(|_| cache_path(path));
        if let (Some(stamp), Some(cache)) = (&stamp, &cache) {
            if let Some(code) = load(cache, stamp, filename) {
                return self.load_code(Rc::new(code));
            }
        }
        let bytes = self.read_source_file(path, filename)?;
        let code = self.compile_module_code(&bytes, filename)?;
        if let (Some(stamp), Some(cache)) = (&stamp, &cache) {
            let dont_write = match crate::sysmodule::sys_attr(self, "dont_write_bytecode") {
                Some(flag) => self.is_true(&flag)?,
                None => false,
            };
            // A source changed while it was being read must not be cached under the old stamp.
            if !dont_write && Stamp::of(path).as_ref() == Some(stamp) {
                store(cache, stamp, &code);
            }
        }
        self.load_code(code)
    }
}
