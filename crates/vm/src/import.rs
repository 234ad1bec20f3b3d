//! The import system, natively: `sys.path` as CPython builds it, a path
//! finder for `.py` modules, regular packages (`__init__.py`) and namespace
//! packages, `sys.modules` caching (partially initialised modules visible
//! during circular imports), relative imports, `from x import y` falling back
//! to submodules, `import *`, and CPython's error messages.
//!
//! Modules are compiled with pyrite's own front end and compiler (through
//! the compiled-code cache). Native modules come first, then the modules
//! CPython freezes (`<frozen NAME>` code). The real importlib bootstrap is
//! loaded on first need and takes over only when the program changes
//! `sys.meta_path` or `sys.path_hooks` (see docs/architecture.md).

use crate::args::ArgSpec;
use crate::exception::{exc_type_value, ExcKind, PyErr, PyResult};
use crate::objects::dict::DictObject;
use crate::objects::list::{new_list, ListObject};
use crate::objects::module::{new_module, ModuleObject};
use crate::objects::singletons::none;
use crate::objects::str::{display_lossy, new_str, StrObject};
use crate::objects::tuple::new_tuple;
use crate::typeobj::KwNames;
use crate::value::Value;
use crate::vm::Vm;
use pyrite_bytecode::code::CodeObject;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// The folder holding CPython 3.11's `Lib/`, and every place looked at.
pub struct StdlibSearch {
    pub found: Option<PathBuf>,
    pub searched: Vec<PathBuf>,
}

/// A stdlib folder is recognised by its `os.py` (what CPython's getpath looks for).
fn is_stdlib_dir(dir: &Path) -> bool {
    dir.join("os.py").is_file()
}

/// The prefix of the `python3.11` found on `PATH` (`<prefix>/bin/python3.11`).
fn python_on_path_prefix() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        let exe = dir.join("python3.11");
        if exe.is_file() {
            let real = std::fs::canonicalize(&exe).unwrap_or(exe);
            return real.parent()?.parent().map(Path::to_path_buf);
        }
    }
    None
}

/// `PYRITE_STDLIB` first, then the usual install locations.
pub fn find_stdlib() -> StdlibSearch {
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(v) = std::env::var_os("PYRITE_STDLIB") {
        if !v.is_empty() {
            candidates.push(PathBuf::from(v));
        }
    }
    candidates.push(PathBuf::from("/usr/lib/python3.11"));
    candidates.push(PathBuf::from("/usr/local/lib/python3.11"));
    if let Some(prefix) = python_on_path_prefix() {
        candidates.push(prefix.join("lib").join("python3.11"));
    }
    let mut searched = Vec::new();
    for c in candidates {
        let ok = is_stdlib_dir(&c);
        searched.push(c.clone());
        if ok {
            return StdlibSearch {
                found: Some(c),
                searched,
            };
        }
    }
    StdlibSearch { found: None, searched }
}

/// The note printed (once) when an import misses and no stdlib was found.
pub fn stdlib_missing_message(search: &StdlibSearch) -> String {
    let mut msg =
        String::from("pyrite: CPython 3.11's standard library (a folder holding os.py) was not found; searched:\n");
    for p in &search.searched {
        msg.push_str(&format!("  {}\n", p.display()));
    }
    msg.push_str("Set PYRITE_STDLIB to that folder, e.g. PYRITE_STDLIB=$(python3.11 -c \"import sysconfig; print(sysconfig.get_path('stdlib'))\")\n");
    msg
}

/// `sys.path` as CPython 3.11 builds it: the script's folder (symlinks
/// resolved), `PYTHONPATH`, the stdlib zip, the stdlib, `lib-dynload`, then
/// the installation's `site-packages` when it exists.
pub fn compute_sys_path(script: Option<&str>, stdlib: Option<&Path>) -> Vec<String> {
    let mut path = Vec::new();
    let config = crate::config::current();
    match script {
        // `-P`/`-I`/PYTHONSAFEPATH: nothing in front of the library; the
        // loop below skips `path[0]`, so a placeholder stands there until the end.
        _ if config.safe_path => path.push(String::new()),
        Some(s) => {
            let p = Path::new(s);
            let real = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
            let dir = real
                .parent()
                .map(|d| d.to_string_lossy().into_owned())
                .unwrap_or_default();
            path.push(dir);
        }
        None => path.push(String::new()),
    }
    // The rest is made absolute and freed of duplicates, as `site` does
    // before the script's folder is put first.
    let mut rest: Vec<String> = Vec::new();
    let cwd = std::env::current_dir()
        .map(|d| d.to_string_lossy().into_owned())
        .unwrap_or_default();
    // An empty PYTHONPATH counts as unset.
    let pythonpath = if config.use_environment { std::env::var_os("PYTHONPATH") } else { None };
    if let Some(pp) = pythonpath.filter(|v| !v.is_empty()) {
        for entry in std::env::split_paths(&pp) {
            rest.push(abspath(&entry.to_string_lossy(), &cwd));
        }
    }
    if let Some(lib) = stdlib {
        let lib = abspath(&lib.to_string_lossy(), &cwd);
        if let Some((parent, _)) = lib.rsplit_once('/') {
            rest.push(format!("{parent}/python311.zip"));
        }
        rest.push(lib.clone());
        rest.push(format!("{lib}/lib-dynload"));
        let site = format!("{lib}/site-packages");
        // `site` adds it; `-S` skips site.
        if !config.no_site && Path::new(&site).is_dir() {
            rest.push(site);
        }
    }
    for entry in rest {
        if !path[1..].contains(&entry) {
            path.push(entry);
        }
    }
    if config.safe_path {
        path.remove(0);
    }
    path
}

/// `os.path.abspath`: joined to `cwd` when relative, then `..` and `.`
/// resolved lexically (symlinks are not followed).
fn abspath(p: &str, cwd: &str) -> String {
    let joined = if p.starts_with('/') {
        p.to_string()
    } else {
        format!("{cwd}/{p}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    // POSIX keeps a leading `//` as distinct from `/`.
    let root = if joined.starts_with("//") && !joined.starts_with("///") {
        "//"
    } else {
        "/"
    };
    format!("{root}{}", parts.join("/"))
}

/// The modules CPython 3.11 freezes (`_imp._frozen_module_names()` less
/// its test modules), with the module each is the code of.
pub(crate) const FROZEN_MODULES: &[(&str, &str)] = &[
    ("_frozen_importlib", "importlib._bootstrap"),
    ("_frozen_importlib_external", "importlib._bootstrap_external"),
    ("zipimport", "zipimport"),
    ("abc", "abc"),
    ("codecs", "codecs"),
    ("io", "io"),
    ("_collections_abc", "_collections_abc"),
    ("_sitebuiltins", "_sitebuiltins"),
    ("genericpath", "genericpath"),
    ("ntpath", "ntpath"),
    ("posixpath", "posixpath"),
    ("os.path", "posixpath"),
    ("os", "os"),
    ("site", "site"),
    ("stat", "stat"),
    ("importlib.util", "importlib.util"),
    ("importlib.machinery", "importlib.machinery"),
    ("runpy", "runpy"),
];

/// `(name, origname)` when `name` is a frozen module.
pub(crate) fn frozen_entry(name: &str) -> Option<(&'static str, &'static str)> {
    FROZEN_MODULES.iter().find(|(n, _)| *n == name).copied()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum BootState {
    NotLoaded,
    Loading,
    Loaded,
}

/// Run once the two bootstrap modules have executed: sets importlib up as
/// CPython's start-up does, gives the modules imported so far importlib's
/// specs and loaders, and returns the default finders and path hooks.
const BOOTSTRAP_GLUE: &str = r#"
def install(sys, _imp, mini, _bootstrap, _external, padding):
    saved = {}
    for attr in ('meta_path', 'path_hooks', 'path_importer_cache'):
        if attr in sys.__dict__:
            saved[attr] = sys.__dict__[attr]
    sys.meta_path = []
    sys.path_hooks = []
    sys.path_importer_cache = {}
    module_type = type(sys)
    sources = []
    for name, module in list(sys.modules.items()):
        if not isinstance(module, module_type):
            continue
        spec = module.__dict__.get('__spec__')
        if type(spec) is not mini:
            continue
        if spec.origin == 'built-in':
            module.__spec__ = None
        else:
            sources.append((name, module, spec))
    _bootstrap._install(sys, _imp)
    _bootstrap._install_external_importers()
    # pyrite neither reads nor writes CPython's .pyc files: get_code compiles
    # the source (its call to source_to_code on CPython's line number).
    ns = {}
    exec(compile('\n' * padding + 'def get_code(self, fullname):\n'
                 '    source_path = self.get_filename(fullname)\n'
                 '    return self.source_to_code(self.get_data(source_path), source_path)\n',
                 '<frozen importlib._bootstrap_external>', 'exec'), _external.__dict__, ns)
    get_code = ns['get_code']
    get_code.__qualname__ = 'SourceLoader.get_code'
    _external.SourceLoader.get_code = get_code
    import zipimport
    sys.path_hooks.insert(0, zipimport.zipimporter)
    for name, module, spec in sources:
        path = module.__dict__.get('__path__')
        if spec.origin == 'frozen':
            loader = _bootstrap.FrozenImporter
            new = loader.find_spec(spec.name)
            if new is None:
                continue
        elif spec.origin is None:
            loader = _external.NamespaceLoader(name, path, _external.PathFinder._get_spec)
            new = _bootstrap.ModuleSpec(name, loader, is_package=True)
            new.submodule_search_locations = path
        else:
            loader = _external.SourceFileLoader(name, spec.origin)
            new = _external.spec_from_file_location(name, spec.origin, loader=loader,
                                                    submodule_search_locations=path)
            new.cached = spec.cached
        if spec.__dict__.get('_initializing'):
            new._initializing = True
        module.__spec__ = new
        module.__loader__ = loader
    defaults = [*sys.meta_path, *sys.path_hooks]
    for attr, value in saved.items():
        setattr(sys, attr, value)
    return defaults
"#;

/// What CPython's import statement does to an error coming out of
/// importlib: an ImportError loses every importlib frame, any other error
/// the chunks of importlib frames that end in `_call_with_frames_removed`.
fn remove_importlib_frames(err: &PyErr) {
    use crate::exception::{ExceptionObject, TracebackObject};
    use crate::objects::code::CodeObj;
    let Some(exc) = err.exc.downcast_ref::<ExceptionObject>() else {
        return;
    };
    let always_trim = err.is_instance(ExcKind::ImportError);
    let mut nodes = Vec::new();
    let mut tb = exc.traceback();
    while let Some(t) = tb.downcast_ref::<TracebackObject>() {
        let next = t.next();
        nodes.push(tb.clone());
        tb = next;
    }
    let text = |v: &Value| if v.downcast_ref::<StrObject>().is_some() { display_lossy(v) } else { String::new() };
    let mut keep = vec![true; nodes.len()];
    let mut chunk_start = 0;
    let mut in_importlib = false;
    for (i, node) in nodes.iter().enumerate() {
        let Some(code) = node.downcast_ref::<TracebackObject>().and_then(|t| t.code.downcast_ref::<CodeObj>()) else {
            in_importlib = false;
            continue;
        };
        let filename = text(&code.filename);
        let now = filename == "<frozen importlib._bootstrap>" || filename == "<frozen importlib._bootstrap_external>";
        if now && !in_importlib {
            chunk_start = i;
        }
        in_importlib = now;
        if in_importlib && (always_trim || text(&code.name) == "_call_with_frames_removed") {
            for k in keep.iter_mut().take(i + 1).skip(chunk_start) {
                *k = false;
            }
        }
    }
    if keep.iter().all(|k| *k) {
        return;
    }
    let kept: Vec<&Value> = nodes.iter().zip(&keep).filter(|(_, k)| **k).map(|(n, _)| n).collect();
    for (i, node) in kept.iter().enumerate() {
        if let Some(t) = node.downcast_ref::<TracebackObject>() {
            t.set_next(kept.get(i + 1).map(|v| (*v).clone()).unwrap_or(Value::NULL));
        }
    }
    exc.set_traceback(kept.first().map(|v| (*v).clone()).unwrap_or(Value::NULL));
}

/// Blank lines to put before pyrite's `SourceLoader.get_code` so that its
/// `source_to_code` call sits on the line CPython's does (for tracebacks).
fn get_code_padding(external_source: &str) -> usize {
    let mut in_get_code = false;
    for (i, line) in external_source.lines().enumerate() {
        let t = line.trim_start();
        if t.starts_with("def get_code(self, fullname):") {
            in_get_code = true;
        } else if in_get_code && t.starts_with("code_object = self.source_to_code(") {
            return (i + 1).saturating_sub(3);
        }
    }
    0
}

/// `sys.meta_path`, `sys.path_hooks` and `sys.path_importer_cache` exist
/// once importlib's bootstrap is loaded; asking `sys` for one of them loads
/// it (start-up stays free of it). Called on a miss in `sys`'s dict.
pub fn lazy_sys_attr(vm: &mut Vm, module: &ModuleObject, name: &Value) -> PyResult<Option<Value>> {
    let Some(n) = name.downcast_ref::<StrObject>().and_then(|s| s.to_utf8()) else {
        return Ok(None);
    };
    if !matches!(&*n, "meta_path" | "path_hooks" | "path_importer_cache")
        || BOOT_STATE.with(|s| s.get()) != BootState::NotLoaded
    {
        return Ok(None);
    }
    let is_sys = module
        .dict()
        .get_str_key("__name__")
        .is_some_and(|v| v.downcast_ref::<StrObject>().is_some() && display_lossy(&v) == "sys");
    if !is_sys {
        return Ok(None);
    }
    vm.ensure_bootstrap()?;
    Ok(module.dict().get_str(name))
}

thread_local! {
    static BOOT_STATE: std::cell::Cell<BootState> = const { std::cell::Cell::new(BootState::NotLoaded) };
    /// The stand-in bootstrap's globals (kept for the thread's life: never dropped,
    /// as the interpreter may be gone when the thread ends).
    static MINI_SPEC: std::cell::RefCell<Option<std::mem::ManuallyDrop<Value>>> = const { std::cell::RefCell::new(None) };
    /// BuiltinImporter, FrozenImporter, PathFinder, zipimporter and the
    /// FileFinder path hook, as installed: while sys.meta_path and
    /// sys.path_hooks hold exactly these, imports take the native path.
    static DEFAULT_FINDERS: std::cell::RefCell<Option<std::mem::ManuallyDrop<Vec<Value>>>> = const { std::cell::RefCell::new(None) };
    /// The stdlib search, done once per thread (one Vm per thread).
    static STDLIB: std::cell::RefCell<Option<std::rc::Rc<StdlibSearch>>> = const { std::cell::RefCell::new(None) };
    static MISSING_NOTE_SHOWN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn stdlib_search() -> std::rc::Rc<StdlibSearch> {
    STDLIB.with(|s| {
        s.borrow_mut()
            .get_or_insert_with(|| std::rc::Rc::new(find_stdlib()))
            .clone()
    })
}

/// Sets `sys.path` for running `script` (None: no script, path[0] is '').
pub fn init_sys_path(vm: &mut Vm, script: Option<&str>) {
    let search = stdlib_search();
    let entries = compute_sys_path(script, search.found.as_deref());
    let list = new_list(entries.iter().map(|e| new_str(e)).collect());
    if let Some(sys) = vm.modules_dict().and_then(|d| d.get_str_key("sys")) {
        if let Some(m) = sys.downcast_ref::<ModuleObject>() {
            m.dict().insert_str_key("path", list);
            let dir = search.found.as_ref().map(|d| d.to_string_lossy().into_owned());
            m.dict().insert_str_key("_stdlib_dir", str_or_none(dir.as_deref()));
        }
    }
}

/// `sys.path` for `-m`: as for `-c`, but the first entry is the current
/// folder's full path.
pub fn init_sys_path_for_module(vm: &mut Vm) {
    init_sys_path(vm, None);
    let cwd = std::env::current_dir()
        .map(|d| d.to_string_lossy().into_owned())
        .unwrap_or_default();
    if let Some(sys) = vm.modules_dict().and_then(|d| d.get_str_key("sys")) {
        if let Some(path) = sys
            .downcast_ref::<ModuleObject>()
            .and_then(|m| m.dict().get_str_key("path"))
        {
            if let Some(l) = path.downcast_ref::<ListObject>() {
                let _ = l.set(0, new_str(&cwd));
            }
        }
    }
}

/// The `__spec__` objects' class, written in Python so that attribute access,
/// `repr` and `parent` behave as `importlib`'s `ModuleSpec`.
const SPEC_SOURCE: &str = "\
class ModuleSpec:
    def __init__(self, name, loader, *, origin=None, loader_state=None, is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._set_fileattr = False
        self._cached = None

    def __repr__(self):
        parts = [f'name={self.name!r}', f'loader={self.loader!r}']
        if self.origin is not None:
            parts.append(f'origin={self.origin!r}')
        if self.submodule_search_locations is not None:
            parts.append(f'submodule_search_locations={self.submodule_search_locations}')
        return f'{self.__class__.__name__}(' + ', '.join(parts) + ')'

    @property
    def parent(self):
        if self.submodule_search_locations is None:
            return self.name.rpartition('.')[0]
        return self.name

    @property
    def has_location(self):
        return self._set_fileattr

    @property
    def cached(self):
        return self._cached


# Place-holders for the loaders, replaced by importlib's own when it loads.
class BuiltinImporter:
    _ORIGIN = 'built-in'


class FrozenImporter:
    _ORIGIN = 'frozen'


class SourceFileLoader:
    __module__ = '_frozen_importlib_external'

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def get_filename(self, name=None):
        return self.path

    def get_data(self, path):
        with open(path, 'rb') as file:
            return file.read()

    def get_source(self, fullname):
        import tokenize
        with tokenize.open(self.path) as file:
            return file.read()

    def is_package(self, fullname):
        return self.path.rpartition('/')[2] == '__init__.py'


class NamespaceLoader:
    __module__ = '_frozen_importlib_external'

    def __init__(self, name, path, path_finder):
        self._path = path
";

/// Where a module's code comes from.
enum Found {
    /// `file` is a `.py` file; `package_dir` is set for `__init__.py`.
    Source {
        file: PathBuf,
        package_dir: Option<PathBuf>,
    },
    /// A namespace package spread over these folders.
    Namespace(Vec<String>),
    /// A C extension module, which pyrite cannot load.
    Extension(PathBuf),
    /// A module CPython 3.11 freezes: run from this stdlib file under the
    /// code file name `<frozen ORIGNAME>`.
    Frozen(PathBuf),
}

/// CPython's extension-module suffixes, tried before `.py` as its FileFinder does.
pub(crate) fn extension_suffixes() -> [String; 3] {
    [
        format!(
            ".cpython-311-{}-{}-gnu.so",
            std::env::consts::ARCH,
            std::env::consts::OS
        ),
        ".abi3.so".to_string(),
        ".so".to_string(),
    ]
}

/// Whether `path` is one of the reference CPython build's own C modules (in
/// the stdlib's `lib-dynload`, such as `_hashlib` or `_ssl`). pyrite's build
/// does not have that module, so importing it fails as it does under a
/// CPython built without it: ModuleNotFoundError, which the stdlib's
/// optional-accelerator imports and `test` skips expect.
pub(crate) fn is_reference_build_extension(path: &Path) -> bool {
    let Some(lib) = stdlib_search().found.clone() else {
        return false;
    };
    path.parent().map_or(false, |dir| dir == lib.join("lib-dynload"))
}

/// The first of `stem` + an extension suffix, then `stem.py`, that is a file in `dir`.
fn find_file(dir: &Path, stem: &str) -> Option<(PathBuf, bool)> {
    for suffix in extension_suffixes() {
        let f = dir.join(format!("{stem}{suffix}"));
        if f.is_file() {
            return Some((f, true));
        }
    }
    let f = dir.join(format!("{stem}.py"));
    f.is_file().then_some((f, false))
}

/// The path-based finder: in each entry, `<name>/__init__.py` (a package),
/// then `<name>.py`; a bare `<name>/` folder is remembered as a namespace
/// portion and used only when no entry has the module.
fn find_in_path(entries: &[String], tail: &str) -> Option<Found> {
    let mut portions = Vec::new();
    for entry in entries {
        let base = if entry.is_empty() {
            match std::env::current_dir() {
                Ok(d) => d,
                Err(_) => continue,
            }
        } else {
            PathBuf::from(entry)
        };
        if !base.is_dir() {
            continue;
        }
        let pkg = base.join(tail);
        if pkg.is_dir() {
            match find_file(&pkg, "__init__") {
                Some((f, true)) => return Some(Found::Extension(f)),
                Some((init, false)) => {
                    return Some(Found::Source {
                        file: init,
                        package_dir: Some(pkg),
                    })
                }
                None => {}
            }
        }
        match find_file(&base, tail) {
            Some((f, true)) => return Some(Found::Extension(f)),
            Some((file, false)) => {
                return Some(Found::Source {
                    file,
                    package_dir: None,
                })
            }
            None => {}
        }
        if pkg.is_dir() {
            portions.push(pkg.to_string_lossy().into_owned());
        }
    }
    if portions.is_empty() {
        None
    } else {
        Some(Found::Namespace(portions))
    }
}

/// `__pycache__/<name>.cpython-311.pyc` next to a source file, as `__cached__`.
fn cache_path(file: &Path) -> Option<String> {
    let dir = file.parent()?;
    let stem = file.file_stem()?.to_string_lossy();
    Some(
        dir.join("__pycache__")
            .join(format!("{stem}.cpython-311.pyc"))
            .to_string_lossy()
            .into_owned(),
    )
}

fn set_raw_attr(obj: &Value, name: &str, v: Value) {
    if let Some(d) = crate::attr::instance_dict(obj) {
        if let Some(dd) = d.downcast_ref::<DictObject>() {
            dd.insert_str_key(name, v);
        }
    }
}

fn str_or_none(s: Option<&str>) -> Value {
    s.map(new_str).unwrap_or_else(none)
}

impl Vm {
    pub(crate) fn modules_dict(&self) -> Option<&DictObject> {
        self.modules.downcast_ref::<DictObject>()
    }

    pub(crate) fn sys_modules_get(&self, name: &str) -> Option<Value> {
        self.modules_dict().and_then(|d| d.get_str_key(name))
    }

    /// `'name'` as `repr()` quotes it.
    fn quoted(&mut self, s: &str) -> String {
        self.repr_string(&new_str(s)).unwrap_or_else(|_| format!("'{s}'"))
    }

    /// An ImportError (or subclass) with its `name` and `path` attributes.
    pub fn import_error(&mut self, kind: ExcKind, msg: String, name: Option<&str>, path: Option<&str>) -> PyErr {
        let e = self.new_error(kind, &msg);
        set_raw_attr(&e.exc, "msg", new_str(&msg));
        set_raw_attr(&e.exc, "name", str_or_none(name));
        set_raw_attr(&e.exc, "path", str_or_none(path));
        e
    }

    pub(crate) fn module_not_found(&mut self, name: &str) -> PyErr {
        if let Some(search) = STDLIB.with(|s| s.borrow().clone()) {
            if search.found.is_none() && !MISSING_NOTE_SHOWN.with(|c| c.replace(true)) {
                let note = stdlib_missing_message(&search);
                self.write_stderr(note.as_bytes());
            }
        }
        let msg = format!("No module named {}", self.quoted(name));
        self.import_error(ExcKind::ModuleNotFoundError, msg, Some(name), None)
    }

    /// The stand-in `ModuleSpec` class used until the real bootstrap is
    /// loaded (its module is named `_frozen_importlib` as CPython's class is,
    /// but is not entered in `sys.modules`).
    fn mini_spec_class(&mut self) -> PyResult<Value> {
        self.mini_attr("ModuleSpec")
    }

    /// A class of the stand-in bootstrap (ModuleSpec and the loaders'
    /// place-holders), made on first use.
    fn mini_attr(&mut self, attr: &str) -> PyResult<Value> {
        let globals = match MINI_SPEC.with(|c| c.borrow().as_ref().map(|v| (**v).clone())) {
            Some(g) => g,
            None => {
                let globals = DictObject::new_value();
                if let Some(g) = globals.downcast_ref::<DictObject>() {
                    g.insert_str_key("__name__", new_str("_frozen_importlib"));
                    g.insert_str_key("__builtins__", self.builtins_dict.clone());
                }
                let code = self.compile_module_source(SPEC_SOURCE.as_bytes(), "<frozen importlib._bootstrap>")?;
                self.run_module_code(&code, &globals)?;
                MINI_SPEC.with(|c| *c.borrow_mut() = Some(std::mem::ManuallyDrop::new(globals.clone())));
                globals
            }
        };
        globals
            .downcast_ref::<DictObject>()
            .and_then(|d| d.get_str_key(attr))
            .ok_or_else(|| self.new_error(ExcKind::SystemError, "stand-in bootstrap class missing"))
    }

    /// Source bytes to a module code object; a front-end or compiler error
    /// becomes the SyntaxError (or IndentationError, ...) CPython raises.
    pub fn compile_module_source(&mut self, bytes: &[u8], filename: &str) -> PyResult<Value> {
        let code = self.compile_module_code(bytes, filename)?;
        self.load_code(code)
    }

    /// A source file's bytes; failing to read it is the OSError CPython raises.
    pub(crate) fn read_source_file(&mut self, file: &Path, filename: &str) -> PyResult<Vec<u8>> {
        std::fs::read(file).map_err(|e| {
            let msg = format!("[Errno {}] {}: {}", e.raw_os_error().unwrap_or(0), e, self.quoted(filename));
            self.new_error(ExcKind::OSError, msg)
        })
    }

    /// [`Vm::compile_module_source`] before the code becomes a Python object.
    pub(crate) fn compile_module_code(&mut self, bytes: &[u8], filename: &str) -> PyResult<Rc<CodeObject>> {
        use pyrite_syntax::{semantic, source};
        let front = (|| {
            // importlib compiles a module from its bytes: the string tokenizer's
            // decoding and errors, not the file tokenizer's.
            if bytes.contains(&0) {
                return Err(pyrite_syntax::SyntaxError {
                    kind: pyrite_syntax::SyntaxErrorKind::SyntaxError,
                    msg: "source code string cannot contain null bytes".into(),
                    lineno: 0,
                    offset: 0,
                    end_lineno: 0,
                    end_offset: 0,
                    text: None,
                });
            }
            let decoded = source::decode_bytes(bytes)?;
            let tokens = pyrite_syntax::tokenizer::tokenize_with(&decoded.text, &decoded.tokenize_options());
            let (parsed, mut warnings) =
                pyrite_syntax::parser::parse_tokens(&decoded.text, tokens, pyrite_syntax::Mode::Exec);
            let result = parsed.and_then(|module| {
                let checked = semantic::check_all(&module, &decoded.text);
                warnings.extend(checked.warnings);
                match checked.error {
                    Some(err) => Err(err),
                    None => Ok(module),
                }
            });
            Ok((result, warnings, decoded.text))
        })();
        let (result, warnings, _text) = match front {
            Ok(t) => t,
            Err(e) => return Err(self.syntax_error_to_exc(&e, filename)),
        };
        self.issue_syntax_warnings(&warnings, filename)?;
        let module = result.map_err(|e| self.syntax_error_to_exc(&e, filename))?;
        let optimize = crate::config::current().optimize_level();
        pyrite_compiler::compile(&module, filename, pyrite_compiler::Mode::Exec, optimize)
            .map_err(|e| self.syntax_error_to_exc(&e, filename))
    }

    /// Issues compile-time warnings through `_warnings.warn_explicit`, as CPython's
    /// parser and compiler do (no module, no registry), so that the filters,
    /// `-W` options and `warnings.catch_warnings` apply. A warning the filters
    /// turn into an error fails the compilation with the SyntaxError CPython
    /// raises in its place; any other exception from issuing it propagates.
    pub(crate) fn issue_syntax_warnings(&mut self, warnings: &[pyrite_syntax::CompileWarning], filename: &str) -> PyResult<()> {
        if warnings.is_empty() {
            return Ok(());
        }
        let module = self.import_absolute("_warnings")?;
        let warn_explicit = self.getattr_str(&module, "warn_explicit")?;
        for w in warnings {
            let kind = match w.category {
                pyrite_syntax::WarningCategory::SyntaxWarning => ExcKind::SyntaxWarning,
                pyrite_syntax::WarningCategory::DeprecationWarning => ExcKind::DeprecationWarning,
            };
            let args = [
                new_str(&w.msg),
                crate::exception::exc_type_value(kind),
                new_str(filename),
                Value::int(w.lineno as i64),
            ];
            let Err(e) = self.call(&warn_explicit, &args, None) else { continue };
            if !e.is_instance(kind) {
                return Err(e);
            }
            let mut error = match &w.as_error {
                Some(error) => (**error).clone(),
                None => pyrite_syntax::SyntaxError {
                    kind: pyrite_syntax::SyntaxErrorKind::SyntaxError,
                    msg: w.msg.clone(),
                    lineno: w.lineno,
                    offset: 0,
                    end_lineno: 0,
                    end_offset: 0,
                    text: None,
                },
            };
            if error.text.is_none() {
                error.text = crate::builtins::compile::program_text(filename, error.lineno);
            }
            return Err(self.syntax_error_to_exc(&error, filename));
        }
        Ok(())
    }

    /// The exception instance for a front-end error, with SyntaxError's
    /// location attributes.
    pub fn syntax_error_to_exc(&mut self, err: &pyrite_syntax::SyntaxError, filename: &str) -> PyErr {
        use pyrite_syntax::SyntaxErrorKind as K;
        let kind = match err.kind {
            K::SyntaxError => ExcKind::SyntaxError,
            K::IndentationError => ExcKind::IndentationError,
            K::TabError => ExcKind::TabError,
            K::MemoryError => ExcKind::MemoryError,
            K::RecursionError => ExcKind::RecursionError,
            K::ValueError => ExcKind::ValueError,
        };
        if !err.kind.is_syntax_error() {
            return self.new_error(kind, &err.msg);
        }
        if err.lineno == 0 {
            // No location: only `msg`, the other attributes None.
            let e = self.new_error(kind, &err.msg);
            set_raw_attr(&e.exc, "msg", new_str(&err.msg));
            for attr in ["filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"] {
                set_raw_attr(&e.exc, attr, none());
            }
            return e;
        }
        let text = err.text.as_deref().map(new_str).unwrap_or_else(none);
        let lineno = Value::int(err.lineno as i64);
        let offset = Value::int(err.offset);
        let end_lineno = Value::int(err.end_lineno as i64);
        let end_offset = Value::int(err.end_offset);
        let details = new_tuple(vec![
            new_str(filename),
            lineno.clone(),
            offset.clone(),
            text.clone(),
            end_lineno.clone(),
            end_offset.clone(),
        ]);
        let ty = exc_type_value(kind);
        let e = match self.call(&ty, &[new_str(&err.msg), details], None) {
            Ok(v) => PyErr::new(v),
            Err(e) => return e,
        };
        set_raw_attr(&e.exc, "msg", new_str(&err.msg));
        set_raw_attr(&e.exc, "filename", new_str(filename));
        set_raw_attr(&e.exc, "lineno", lineno);
        set_raw_attr(&e.exc, "offset", offset);
        set_raw_attr(&e.exc, "text", text);
        set_raw_attr(&e.exc, "end_lineno", end_lineno);
        set_raw_attr(&e.exc, "end_offset", end_offset);
        set_raw_attr(&e.exc, "print_file_and_line", none());
        e
    }

    /// The absolute name of a relative import, from the importing module's
    /// `__package__`, `__spec__.parent` or `__name__`.
    fn resolve_relative(&mut self, name: &str, globals: &Value, level: i64) -> PyResult<String> {
        let Some(g) = globals.downcast_ref::<DictObject>() else {
            return Err(self.type_error("globals must be a dict"));
        };
        let package = g.get_str_key("__package__").filter(|p| !p.is_none());
        let spec = g.get_str_key("__spec__").filter(|s| !s.is_none());
        let package = if let Some(p) = package {
            if p.downcast_ref::<StrObject>().is_none() {
                return Err(self.type_error("package must be a string"));
            }
            display_lossy(&p)
        } else if let Some(s) = spec {
            let parent = self.getattr_str(&s, "parent")?;
            if parent.downcast_ref::<StrObject>().is_none() {
                return Err(self.type_error("__spec__.parent must be a string"));
            }
            display_lossy(&parent)
        } else {
            let Some(n) = g.get_str_key("__name__") else {
                return Err(self.new_error(ExcKind::KeyError, "'__name__' not in globals"));
            };
            if n.downcast_ref::<StrObject>().is_none() {
                return Err(self.type_error("__name__ must be a string"));
            }
            let n = display_lossy(&n);
            if g.get_str_key("__path__").is_some() {
                n
            } else {
                n.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default()
            }
        };
        if package.is_empty() {
            return Err(self.import_error(
                ExcKind::ImportError,
                "attempted relative import with no known parent package".into(),
                None,
                None,
            ));
        }
        let mut base = package.as_str();
        for _ in 1..level {
            match base.rfind('.') {
                Some(i) => base = &base[..i],
                None => {
                    return Err(self.import_error(
                        ExcKind::ImportError,
                        "attempted relative import beyond top-level package".into(),
                        None,
                        None,
                    ))
                }
            }
        }
        Ok(if name.is_empty() {
            base.to_string()
        } else {
            format!("{base}.{name}")
        })
    }

    /// `import name` by absolute name: `sys.modules`, else find and load
    /// (parents first).
    pub fn import_absolute(&mut self, name: &str) -> PyResult<Value> {
        if name.is_empty() {
            return Err(self.value_error("Empty module name"));
        }
        match self.sys_modules_get(name) {
            Some(m) if m.is_none() => {
                let msg = format!("import of {name} halted; None in sys.modules");
                Err(self.import_error(ExcKind::ModuleNotFoundError, msg, Some(name), None))
            }
            Some(m) => Ok(m),
            None => self.find_and_load(name),
        }
    }

    fn find_and_load(&mut self, name: &str) -> PyResult<Value> {
        if name == "_frozen_importlib" || name == "_frozen_importlib_external" {
            self.ensure_bootstrap()?;
            if let Some(m) = self.sys_modules_get(name) {
                return Ok(m);
            }
        }
        if let Some(find_and_load) = self.python_finders()? {
            // A finder or path hook of the program's own: importlib decides.
            let import = self.builtins_dict.downcast_ref::<DictObject>().and_then(|d| d.get_str_key("__import__"));
            let import = import.unwrap_or_else(none);
            return self
                .call(&find_and_load, &[new_str(name), import], None)
                .map_err(|e| {
                    remove_importlib_frames(&e);
                    e
                });
        }
        if let Some(def) = crate::modules::find(name) {
            return self.load_native(def);
        }
        let (parent, tail) = match name.rsplit_once('.') {
            Some((p, t)) => (Some(p), t),
            None => (None, name),
        };
        let mut parent_module = None;
        let entries: Vec<String> = match parent {
            Some(p) => {
                if self.sys_modules_get(p).is_none() {
                    self.import_absolute(p)?;
                }
                // Importing the parent may have imported this module.
                if let Some(m) = self.sys_modules_get(name) {
                    return Ok(m);
                }
                let pm = self.sys_modules_get(p).unwrap_or_else(none);
                let path = self.lookup_attr(&pm, &self.intern("__path__"))?;
                parent_module = Some(pm);
                let Some(path) = path else {
                    let msg = format!(
                        "No module named {}; {} is not a package",
                        self.quoted(name),
                        self.quoted(p)
                    );
                    return Err(self.import_error(ExcKind::ModuleNotFoundError, msg, Some(name), None));
                };
                self.path_entries(&path)?
            }
            None => {
                let sys = self.sys_modules_get("sys");
                let path = match sys {
                    Some(s) => self.lookup_attr(&s, &self.intern("path"))?,
                    None => None,
                };
                match path {
                    Some(p) => self.path_entries(&p)?,
                    None => Vec::new(),
                }
            }
        };
        // FrozenImporter comes before PathFinder: a frozen stdlib module
        // wins over a file of the same name on sys.path.
        let found = match frozen_entry(name).and_then(|(_, orig)| self.frozen_source(orig)) {
            Some(file) => Found::Frozen(file),
            None => match find_in_path(&entries, tail) {
                Some(f) => f,
                None => return Err(self.module_not_found(name)),
            },
        };
        let module = self.load_found(name, found)?;
        if let Some(pm) = parent_module {
            let key = self.new_str(tail);
            if let Err(e) = self.setattr(&pm, &key, module.clone()) {
                if !e.is_instance(ExcKind::AttributeError) {
                    return Err(e);
                }
            }
        }
        Ok(module)
    }

    /// Builds a native module and enters it in `sys.modules`, with the
    /// `__spec__` CPython's BuiltinImporter gives (origin 'built-in').
    fn load_native(&mut self, def: &crate::modules::ModuleDef) -> PyResult<Value> {
        let module = (def.init)(self)?;
        let loader = match self.bootstrap_attr("BuiltinImporter") {
            Some(l) => l,
            None => self.mini_attr("BuiltinImporter")?,
        };
        let spec = self.new_spec(def.name, loader.clone(), Some("built-in"), false)?;
        if let Some(m) = module.downcast_ref::<ModuleObject>() {
            m.dict().insert_str_key("__spec__", spec);
            m.dict().insert_str_key("__loader__", loader);
        }
        if let Some(d) = self.modules_dict() {
            d.insert_str_key(def.name, module.clone());
        }
        Ok(module)
    }

    /// A `ModuleSpec`: importlib's once its bootstrap is loaded, the stand-in before.
    fn new_spec(&mut self, name: &str, loader: Value, origin: Option<&str>, is_package: bool) -> PyResult<Value> {
        let cls = match self.bootstrap_attr("ModuleSpec") {
            Some(c) => c,
            None => self.mini_spec_class()?,
        };
        let kw = new_tuple(vec![new_str("origin"), new_str("is_package")]);
        self.call(
            &cls,
            &[new_str(name), loader, str_or_none(origin), Value::bool(is_package)],
            Some(&kw),
        )
    }

    /// An attribute of the loaded `_frozen_importlib` (None before the bootstrap).
    fn bootstrap_attr(&self, attr: &str) -> Option<Value> {
        if BOOT_STATE.with(|s| s.get()) == BootState::NotLoaded {
            return None;
        }
        self.sys_modules_get("_frozen_importlib")?
            .downcast_ref::<ModuleObject>()?
            .dict()
            .get_str_key(attr)
    }

    fn external_attr(&self, attr: &str) -> Option<Value> {
        if BOOT_STATE.with(|s| s.get()) == BootState::NotLoaded {
            return None;
        }
        self.sys_modules_get("_frozen_importlib_external")?
            .downcast_ref::<ModuleObject>()?
            .dict()
            .get_str_key(attr)
    }

    /// The str entries of `sys.path` or a package's `__path__`.
    fn path_entries(&mut self, path: &Value) -> PyResult<Vec<String>> {
        let items = if let Some(l) = path.downcast_ref::<ListObject>() {
            l.to_vec()
        } else {
            self.collect(path)?
        };
        Ok(items
            .iter()
            .filter(|v| v.downcast_ref::<StrObject>().is_some())
            .map(display_lossy)
            .collect())
    }

    fn load_found(&mut self, name: &str, found: Found) -> PyResult<Value> {
        if let Found::Extension(path) = &found {
            if is_reference_build_extension(path) {
                return Err(self.module_not_found(name));
            }
            let path = path.to_string_lossy().into_owned();
            let msg = format!(
                "pyrite cannot load C extension modules: {} ({})",
                self.quoted(name),
                path
            );
            return Err(self.import_error(ExcKind::ImportError, msg, Some(name), Some(&path)));
        }
        let frozen = matches!(found, Found::Frozen(_));
        let (origin, is_package, search_locations, file) = match &found {
            Found::Source { file, package_dir } => {
                let locs = package_dir.as_ref().map(|d| vec![d.to_string_lossy().into_owned()]);
                (
                    Some(file.to_string_lossy().into_owned()),
                    package_dir.is_some(),
                    locs,
                    Some(file.clone()),
                )
            }
            Found::Frozen(file) => (Some("frozen".to_string()), false, None, Some(file.clone())),
            Found::Namespace(portions) => (None, true, Some(portions.clone()), None),
            Found::Extension(_) => {
                return Err(self.new_error(ExcKind::SystemError, "extension module reached the loader"))
            }
        };
        let loader = match &found {
            Found::Frozen(_) => match self.bootstrap_attr("FrozenImporter") {
                Some(l) => l,
                None => self.mini_attr("FrozenImporter")?,
            },
            Found::Source { file, .. } => {
                let cls = match self.external_attr("SourceFileLoader") {
                    Some(c) => c,
                    None => self.mini_attr("SourceFileLoader")?,
                };
                let path = new_str(&file.to_string_lossy());
                self.call(&cls, &[new_str(name), path], None)?
            }
            Found::Namespace(portions) => {
                let path = new_list(portions.iter().map(|p| new_str(p)).collect());
                match (self.external_attr("NamespaceLoader"), self.external_attr("PathFinder")) {
                    (Some(cls), Some(finder)) => {
                        let get_spec = self.getattr_str(&finder, "_get_spec")?;
                        self.call(&cls, &[new_str(name), path, get_spec], None)?
                    }
                    _ => {
                        let cls = self.mini_attr("NamespaceLoader")?;
                        self.call(&cls, &[new_str(name), path, none()], None)?
                    }
                }
            }
            Found::Extension(_) => none(),
        };
        let spec = self.new_spec(name, loader.clone(), origin.as_deref(), is_package)?;
        let module = new_module(name);
        let Some(dict) = module.downcast_ref::<ModuleObject>().map(|m| m.dict_value()) else {
            return Err(self.new_error(ExcKind::SystemError, "module without a dict"));
        };
        let Some(d) = dict.downcast_ref::<DictObject>() else {
            return Err(self.new_error(ExcKind::SystemError, "module without a dict"));
        };
        let package = if is_package {
            name.to_string()
        } else {
            name.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default()
        };
        d.insert_str_key("__package__", new_str(&package));
        d.insert_str_key("__loader__", loader);
        d.insert_str_key("__spec__", spec.clone());
        if file.is_none() {
            // A namespace package: CPython sets `__file__` (None) before `__path__`.
            d.insert_str_key("__file__", none());
        }
        if let Some(locs) = &search_locations {
            let l = new_list(locs.iter().map(|s| new_str(s)).collect());
            self.setattr(&spec, &self.intern("submodule_search_locations"), l.clone())?;
            d.insert_str_key("__path__", l);
        }
        if let Some(f) = &file {
            let path = f.to_string_lossy().into_owned();
            if frozen {
                // FrozenImporter's loader_state; `__file__` but no `__cached__`.
                let origname = frozen_entry(name).map(|(_, o)| o).unwrap_or(name);
                let state = crate::sysmodule::new_namespace(
                    self,
                    &[("filename", new_str(&path)), ("origname", new_str(origname))],
                )?;
                set_raw_attr(&spec, "loader_state", state);
                d.insert_str_key("__file__", new_str(&path));
            } else {
                set_raw_attr(&spec, "_set_fileattr", Value::bool(true));
                d.insert_str_key("__file__", new_str(&path));
                let cached = str_or_none(cache_path(f).as_deref());
                set_raw_attr(&spec, "_cached", cached.clone());
                d.insert_str_key("__cached__", cached);
            }
        }
        if let Some(m) = self.modules_dict() {
            m.insert_str_key(name, module.clone());
        }
        let Some(file) = file else {
            // A namespace package has no code to run.
            return Ok(module);
        };
        set_raw_attr(&spec, "_initializing", Value::bool(true));
        let result = if frozen {
            let origname = frozen_entry(name).map(|(_, o)| o).unwrap_or(name);
            self.exec_file_as(&file, &format!("<frozen {origname}>"), &dict)
        } else {
            self.exec_source_file(&file, &dict)
        };
        set_raw_attr(&spec, "_initializing", Value::bool(false));
        // The bootstrap, loaded meanwhile, may have replaced the spec.
        if let Some(current) = d.get_str_key("__spec__") {
            if !current.is(&spec) && !current.is_none() {
                let _ = self.setattr(&current, &self.intern("_initializing"), Value::bool(false));
            }
        }
        if let Err(e) = result {
            if let Some(m) = self.modules_dict() {
                m.del_str(&new_str(name));
            }
            return Err(e);
        }
        // The module may have replaced itself in sys.modules.
        Ok(self.sys_modules_get(name).unwrap_or(module))
    }

    /// `<stdlib>/<origname as a path>.py`, when there is a stdlib and the file.
    fn frozen_source(&self, origname: &str) -> Option<PathBuf> {
        let dir = self.stdlib_dir()?;
        let f = dir.join(format!("{}.py", origname.replace('.', "/")));
        f.is_file().then_some(f)
    }

    /// The stdlib folder found at start-up (`sys._stdlib_dir`).
    pub(crate) fn stdlib_dir(&self) -> Option<PathBuf> {
        stdlib_search().found.clone()
    }

    /// The code object of a frozen module (None when `name` is not frozen),
    /// named `<frozen ORIGNAME>` as CPython's frozen code is.
    pub(crate) fn frozen_code(&mut self, name: &str) -> PyResult<Option<Value>> {
        let Some((_, origname)) = frozen_entry(name) else {
            return Ok(None);
        };
        let Some(file) = self.frozen_source(origname) else {
            return Ok(None);
        };
        self.compile_module_file(&file, &format!("<frozen {origname}>")).map(Some)
    }

    /// Runs `file`'s source, compiled under `filename`, in `globals`.
    fn exec_file_as(&mut self, file: &Path, filename: &str, globals: &Value) -> PyResult<()> {
        let code = self.compile_module_file(file, filename)?;
        if let Some(g) = globals.downcast_ref::<DictObject>() {
            if g.get_str_key("__builtins__").is_none() {
                g.insert_str_key("__builtins__", self.builtins_dict.clone());
            }
        }
        self.run_module_code(&code, globals)?;
        Ok(())
    }

    /// Whether an import must go through importlib's Python machinery: the
    /// program changed `sys.meta_path` or `sys.path_hooks` (or touched them
    /// before the bootstrap was loaded). Returns `_frozen_importlib._find_and_load`.
    fn python_finders(&mut self) -> PyResult<Option<Value>> {
        let Some(sys) = self.sys_modules_get("sys") else {
            return Ok(None);
        };
        let Some(sysd) = sys.downcast_ref::<ModuleObject>().map(|m| m.dict_value()) else {
            return Ok(None);
        };
        let Some(sysd) = sysd.downcast_ref::<DictObject>() else {
            return Ok(None);
        };
        match BOOT_STATE.with(|s| s.get()) {
            BootState::Loading => return Ok(None),
            BootState::NotLoaded => {
                // The lists appear in sys only when the program asks for them.
                if ["meta_path", "path_hooks", "path_importer_cache"]
                    .iter()
                    .all(|k| sysd.get_str_key(k).is_none())
                {
                    return Ok(None);
                }
                self.ensure_bootstrap()?;
            }
            BootState::Loaded => {}
        }
        let same = |list: Option<Value>, expected: &[Value]| -> bool {
            let Some(list) = list else { return false };
            let Some(l) = list.downcast_ref::<ListObject>() else {
                return false;
            };
            let items = l.to_vec();
            items.len() == expected.len() && items.iter().zip(expected).all(|(a, b)| a.is(b))
        };
        let defaults = DEFAULT_FINDERS.with(|d| d.borrow().as_ref().map(|v| (**v).clone()));
        let Some(defaults) = defaults else {
            return Ok(None);
        };
        if defaults.len() == 5
            && same(sysd.get_str_key("meta_path"), &defaults[..3])
            && same(sysd.get_str_key("path_hooks"), &defaults[3..])
        {
            return Ok(None);
        }
        Ok(self.bootstrap_attr("_find_and_load"))
    }

    /// Loads the real `importlib._bootstrap` and `_bootstrap_external` as
    /// `_frozen_importlib` / `_frozen_importlib_external` and installs them
    /// as CPython's start-up does (`_install`, `_install_external_importers`,
    /// zipimport's path hook). Done once, on first need: importing
    /// importlib, or touching `sys.meta_path`, `sys.path_hooks` or
    /// `sys.path_importer_cache`.
    pub fn ensure_bootstrap(&mut self) -> PyResult<()> {
        if BOOT_STATE.with(|s| s.get()) != BootState::NotLoaded {
            return Ok(());
        }
        BOOT_STATE.with(|s| s.set(BootState::Loading));
        let result = self.load_bootstrap();
        if let Err(e) = result {
            BOOT_STATE.with(|s| s.set(BootState::NotLoaded));
            if let Some(d) = self.modules_dict() {
                d.del_str(&new_str("_frozen_importlib"));
                d.del_str(&new_str("_frozen_importlib_external"));
            }
            return Err(e);
        }
        Ok(())
    }

    fn load_bootstrap(&mut self) -> PyResult<()> {
        let mut modules = Vec::new();
        for (name, origname) in [
            ("_frozen_importlib", "importlib._bootstrap"),
            ("_frozen_importlib_external", "importlib._bootstrap_external"),
        ] {
            let Some(file) = self.frozen_source(origname) else {
                return Err(self.module_not_found(name));
            };
            let module = new_module(name);
            let Some(dict) = module.downcast_ref::<ModuleObject>().map(|m| m.dict_value()) else {
                return Err(self.new_error(ExcKind::SystemError, "module without a dict"));
            };
            if let Some(d) = dict.downcast_ref::<DictObject>() {
                // What FrozenImporter._fix_up_module reads to set `__file__`.
                d.insert_str_key("__origname__", new_str(origname));
            }
            if let Some(d) = self.modules_dict() {
                d.insert_str_key(name, module.clone());
            }
            self.exec_file_as(&file, &format!("<frozen {origname}>"), &dict)?;
            modules.push((module, file));
        }
        let glue = DictObject::new_value();
        if let Some(g) = glue.downcast_ref::<DictObject>() {
            g.insert_str_key("__name__", new_str("_frozen_importlib"));
            g.insert_str_key("__builtins__", self.builtins_dict.clone());
        }
        let code = self.compile_module_source(BOOTSTRAP_GLUE.as_bytes(), "<pyrite importlib setup>")?;
        self.run_module_code(&code, &glue)?;
        let install = glue
            .downcast_ref::<DictObject>()
            .and_then(|g| g.get_str_key("install"))
            .ok_or_else(|| self.new_error(ExcKind::SystemError, "bootstrap glue missing"))?;
        let sys = self.sys_modules_get("sys").unwrap_or_else(none);
        let imp = self.import_absolute("_imp")?;
        let mini = self.mini_spec_class()?;
        let external_source = std::fs::read_to_string(&modules[1].1).unwrap_or_default();
        let padding = get_code_padding(&external_source);
        let defaults = self.call(
            &install,
            &[sys, imp, mini, modules[0].0.clone(), modules[1].0.clone(), Value::int(padding as i64)],
            None,
        )?;
        let defaults = self.collect(&defaults)?;
        DEFAULT_FINDERS.with(|d| *d.borrow_mut() = Some(std::mem::ManuallyDrop::new(defaults)));
        BOOT_STATE.with(|s| s.set(BootState::Loaded));
        Ok(())
    }

    fn exec_source_file(&mut self, file: &Path, globals: &Value) -> PyResult<()> {
        let filename = file.to_string_lossy().into_owned();
        let code = self.compile_module_file(file, &filename)?;
        if let Some(g) = globals.downcast_ref::<DictObject>() {
            if g.get_str_key("__builtins__").is_none() {
                g.insert_str_key("__builtins__", self.builtins_dict.clone());
            }
        }
        self.run_module_code(&code, globals)?;
        Ok(())
    }

    /// `__import__(name, globals, locals, fromlist, level)`, the work of
    /// `IMPORT_NAME`: what the import statement binds.
    pub fn import_module_level(
        &mut self,
        name: &Value,
        globals: &Value,
        fromlist: &Value,
        level: i64,
    ) -> PyResult<Value> {
        if name.downcast_ref::<StrObject>().is_none() {
            let msg = "module name must be a string";
            return Err(self.type_error(msg));
        }
        if level < 0 {
            return Err(self.value_error("level must be >= 0"));
        }
        let name = display_lossy(name);
        let abs_name = if level > 0 {
            self.resolve_relative(&name, globals, level)?
        } else {
            if name.is_empty() {
                return Err(self.value_error("Empty module name"));
            }
            name.clone()
        };
        let module = self.import_absolute(&abs_name)?;
        let has_from = !fromlist.is_none() && self.is_true(fromlist)?;
        if !has_from {
            if level == 0 || !name.is_empty() {
                match name.find('.') {
                    None => Ok(module),
                    Some(dot) if level == 0 => self.import_absolute(&name[..dot]),
                    Some(dot) => {
                        let cut_off = name.len() - dot;
                        let keep = &abs_name[..abs_name.len() - cut_off];
                        match self.sys_modules_get(keep) {
                            Some(m) => Ok(m),
                            None => {
                                let msg = format!("{} not in sys.modules as expected", self.quoted(keep));
                                Err(self.new_error(ExcKind::KeyError, msg))
                            }
                        }
                    }
                }
            } else {
                Ok(module)
            }
        } else if self.lookup_attr(&module, &self.intern("__path__"))?.is_some() {
            self.handle_fromlist(&module, fromlist, false)?;
            Ok(module)
        } else {
            Ok(module)
        }
    }

    /// `from package import a, b`: names the package lacks are tried as submodules.
    fn handle_fromlist(&mut self, module: &Value, fromlist: &Value, recursive: bool) -> PyResult<()> {
        let items = self.collect(fromlist)?;
        for x in items {
            if x.downcast_ref::<StrObject>().is_none() {
                let where_ = if recursive {
                    let n = self.getattr_str(module, "__name__")?;
                    format!("{}.__all__", self.str_string(&n)?)
                } else {
                    "``from list''".to_string()
                };
                let msg = format!("Item in {} must be str, not {}", where_, self.type_name(&x));
                return Err(self.type_error(msg));
            }
            let xs = display_lossy(&x);
            if xs == "*" {
                if !recursive {
                    if let Some(all) = self.lookup_attr(module, &self.intern("__all__"))? {
                        self.handle_fromlist(module, &all, true)?;
                    }
                }
                continue;
            }
            if self.lookup_attr(module, &x)?.is_some() {
                continue;
            }
            let n = self.getattr_str(module, "__name__")?;
            let from_name = format!("{}.{}", self.str_string(&n)?, xs);
            if let Err(e) = self.import_absolute(&from_name) {
                if e.is_instance(ExcKind::ModuleNotFoundError) {
                    let ename = crate::attr::instance_get(&e.exc, &self.intern("name"));
                    let same = ename
                        .is_some_and(|v| v.downcast_ref::<StrObject>().is_some() && display_lossy(&v) == from_name);
                    let halted = self.sys_modules_get(&from_name).is_some_and(|m| m.is_none());
                    if same && !halted {
                        continue;
                    }
                }
                return Err(e);
            }
        }
        Ok(())
    }

    /// `IMPORT_FROM`: the attribute, else the submodule in `sys.modules`,
    /// else CPython's "cannot import name" error.
    pub fn import_from_module(&mut self, module: &Value, name: &Value) -> PyResult<Value> {
        match self.lookup_attr(module, name) {
            Ok(Some(v)) => return Ok(v),
            Ok(None) => {}
            Err(e) if e.is_instance(ExcKind::AttributeError) => {}
            Err(e) => return Err(e),
        }
        let pkgname = self.lookup_attr(module, &self.intern("__name__")).ok().flatten();
        let pkgname = pkgname
            .filter(|n| n.downcast_ref::<StrObject>().is_some())
            .map(|n| display_lossy(&n));
        let Some(pkgname) = pkgname else {
            let msg = format!(
                "cannot import name {} from {}",
                self.quoted(&display_lossy(name)),
                "'<unknown module name>'"
            );
            return Err(self.import_error(ExcKind::ImportError, msg, None, None));
        };
        let full = format!("{}.{}", pkgname, display_lossy(name));
        if let Some(m) = self.sys_modules_get(&full) {
            return Ok(m);
        }
        let file = match self.lookup_attr(module, &self.intern("__file__")) {
            Ok(Some(f)) if f.downcast_ref::<StrObject>().is_some() => Some(display_lossy(&f)),
            _ => None,
        };
        let qname = self.quoted(&display_lossy(name));
        let qpkg = self.quoted(&pkgname);
        let msg = if self.module_initializing(module) {
            format!(
                "cannot import name {} from partially initialized module {} (most likely due to a circular import) ({})",
                qname,
                qpkg,
                file.as_deref().unwrap_or("unknown location")
            )
        } else {
            match &file {
                Some(f) => format!("cannot import name {qname} from {qpkg} ({f})"),
                None => format!("cannot import name {qname} from {qpkg} (unknown location)"),
            }
        };
        Err(self.import_error(ExcKind::ImportError, msg, Some(&pkgname), file.as_deref()))
    }

    /// `module.__spec__._initializing`: the module is still running its body.
    pub fn module_initializing(&mut self, module: &Value) -> bool {
        let Some(spec) = self.lookup_attr(module, &self.intern("__spec__")).ok().flatten() else {
            return false;
        };
        match self.lookup_attr(&spec, &self.intern("_initializing")) {
            Ok(Some(v)) => self.is_true(&v).unwrap_or(false),
            _ => false,
        }
    }

    /// `IMPORT_STAR`: binds the module's `__all__` (or its public names) in `locals`.
    pub fn import_star(&mut self, module: &Value, locals: &Value) -> PyResult<()> {
        let (names, skip_private) = match self.lookup_attr(module, &self.intern("__all__"))? {
            Some(all) => (self.collect(&all)?, false),
            None => match self.lookup_attr(module, &self.intern("__dict__"))? {
                Some(d) => {
                    let keys = match d.downcast_ref::<DictObject>() {
                        Some(dd) => dd.keys(),
                        None => {
                            let k = self.call_method(&d, "keys", &[])?;
                            self.collect(&k)?
                        }
                    };
                    (keys, true)
                }
                None => {
                    return Err(self.import_error(
                        ExcKind::ImportError,
                        "from-import-* object has no __dict__ and no __all__".into(),
                        None,
                        None,
                    ))
                }
            },
        };
        for n in names {
            if n.downcast_ref::<StrObject>().is_none() {
                let modname = match self.lookup_attr(module, &self.intern("__name__")) {
                    Ok(Some(m)) if m.downcast_ref::<StrObject>().is_some() => display_lossy(&m),
                    _ => "<unknown module name>".to_string(),
                };
                let msg = if skip_private {
                    format!("Key in {}.__dict__ must be str, not {}", modname, self.type_name(&n))
                } else {
                    format!("Item in {}.__all__ must be str, not {}", modname, self.type_name(&n))
                };
                return Err(self.type_error(msg));
            }
            if skip_private && display_lossy(&n).starts_with('_') {
                continue;
            }
            let v = self.getattr(module, &n)?;
            if let Some(d) = locals.downcast_ref::<DictObject>() {
                d.set_item(self, n, v)?;
            } else {
                self.setitem(locals, &n, v)?;
            }
        }
        Ok(())
    }
}

/// Whether `f` is the original `builtins.__import__` (IMPORT_NAME then skips the call).
pub fn is_builtin_import(f: &Value) -> bool {
    f.downcast_ref::<crate::objects::descr::BuiltinFunction>()
        .is_some_and(|b| b.name == "__import__" && b.module == Some("builtins") && b.self_.is_null())
}

/// `builtins.__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
pub fn builtin_import(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    const NAMES: [&str; 5] = ["name", "globals", "locals", "fromlist", "level"];
    // PyArg_ParseTupleAndKeywords's wording, which __import__ keeps.
    if args.len() > NAMES.len() {
        let msg = format!("__import__() takes at most 5 arguments ({} given)", args.len());
        return Err(vm.type_error(msg));
    }
    if let Some(names) = kw.and_then(|k| k.downcast_ref::<crate::objects::tuple::TupleObject>()) {
        for k in names.items() {
            let k = display_lossy(k);
            if !NAMES.contains(&k.as_str()) {
                return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for __import__()")));
            }
        }
    }
    let a = ArgSpec::parse(vm, "__import__", args, kw, &NAMES, 5, 1)?;
    let name = a[0].clone().unwrap_or_else(none);
    let globals = a[1].clone().unwrap_or_else(none);
    let fromlist = a[3].clone().unwrap_or_else(|| new_tuple(Vec::new()));
    let level = match &a[4] {
        Some(l) => vm.index_i64(l)?,
        None => 0,
    };
    vm.import_module_level(&name, &globals, &fromlist, level)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sys_path_order() {
        let dir = std::env::temp_dir().join(format!("pyrite_imp_{}", std::process::id()));
        let lib = dir.join("lib").join("python3.11");
        let _ = std::fs::create_dir_all(lib.join("site-packages"));
        let script = dir.join("main.py");
        let _ = std::fs::write(&script, "");
        let p = compute_sys_path(script.to_str(), Some(&lib));
        let real_dir = std::fs::canonicalize(&dir).unwrap_or(dir.clone());
        assert_eq!(p.first().map(String::as_str), real_dir.to_str());
        let n = p.len();
        assert!(n >= 5);
        assert!(p[n - 4].ends_with("python311.zip"));
        assert!(p[n - 1].ends_with("site-packages"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn abspath_is_lexical() {
        assert_eq!(abspath("rel", "/tmp/x"), "/tmp/x/rel");
        assert_eq!(abspath("", "/tmp/x"), "/tmp/x");
        assert_eq!(abspath("/abs/x/../y/./", "/c"), "/abs/y");
        assert_eq!(abspath("/../..", "/c"), "/");
        assert_eq!(abspath("//net/a", "/c"), "//net/a");
    }

    #[test]
    fn finder_prefers_packages_and_collects_namespaces() {
        let dir = std::env::temp_dir().join(format!("pyrite_find_{}", std::process::id()));
        let a = dir.join("a");
        let b = dir.join("b");
        let _ = std::fs::create_dir_all(a.join("pkg"));
        let _ = std::fs::create_dir_all(b.join("ns"));
        let _ = std::fs::create_dir_all(a.join("ns"));
        let _ = std::fs::write(a.join("pkg").join("__init__.py"), "");
        let _ = std::fs::write(b.join("pkg.py"), "");
        let entries = vec![a.to_string_lossy().into_owned(), b.to_string_lossy().into_owned()];
        match find_in_path(&entries, "pkg") {
            Some(Found::Source {
                package_dir: Some(_), ..
            }) => {}
            _ => panic!("package not found first"),
        }
        match find_in_path(&entries, "ns") {
            Some(Found::Namespace(p)) => assert_eq!(p.len(), 2),
            _ => panic!("namespace package not found"),
        }
        assert!(find_in_path(&entries, "missing").is_none());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn syntax_errors_become_exceptions() {
        let mut vm = Vm::new_for_tests();
        let Err(e) = vm.compile_module_source(b"x = 1\ndef f(:\n", "/somewhere/m.py") else {
            panic!("bad source compiled");
        };
        assert!(e.is_instance(ExcKind::SyntaxError));
        assert_eq!(
            vm.str_string(&e.exc).ok().as_deref(),
            Some("invalid syntax (m.py, line 2)")
        );
        let Err(e) = vm.compile_module_source(b"if x:\npass\n", "m.py") else {
            panic!("bad indentation compiled");
        };
        assert!(e.is_instance(ExcKind::IndentationError));
    }

    #[test]
    fn missing_modules_raise_module_not_found() {
        let mut vm = Vm::new_for_tests();
        let name = new_str("_pyrite_surely_missing_module");
        let globals = DictObject::new_value();
        let Err(e) = vm.import_module_level(&name, &globals, &none(), 0) else {
            panic!("imported a missing module");
        };
        assert!(e.is_instance(ExcKind::ModuleNotFoundError));
        assert_eq!(
            vm.str_string(&e.exc).ok().as_deref(),
            Some("No module named '_pyrite_surely_missing_module'")
        );
        let Err(e) = vm.import_module_level(&new_str("x"), &globals, &none(), 1) else {
            panic!("relative import without a package");
        };
        assert!(e.is_instance(ExcKind::KeyError));
    }

    #[test]
    fn missing_stdlib_message_names_places() {
        let s = StdlibSearch {
            found: None,
            searched: vec![PathBuf::from("/nowhere/python3.11")],
        };
        let m = stdlib_missing_message(&s);
        assert!(m.contains("/nowhere/python3.11"));
        assert!(m.contains("PYRITE_STDLIB"));
    }
}
