//! `compile`, `eval` and `exec`: the front end the import system uses
//! (`pyrite_syntax` + `pyrite_compiler`), fed from a `str`, `bytes` or code
//! object with the argument checks and messages of CPython 3.11's
//! `bltinmodule.c`, and run in a frame whose globals, builtins and locals
//! mapping are the caller's choice.

use crate::args::{split_kwargs, ArgSpec};
use crate::exception::{ExcKind, PyErr, PyResult};
use crate::objects::bytes::BytesObject;
use crate::objects::cell::CellObject;
use crate::objects::code::CodeObj;
use crate::objects::dict::DictObject;
use crate::objects::module::ModuleObject;
use crate::objects::singletons::none;
use crate::objects::str::{display_lossy, new_str, StrObject};
use crate::objects::tuple::{new_tuple, TupleObject};
use crate::typeobj::{is_exact, type_of, KwNames};
use crate::value::Value;
use crate::vm::Vm;
use pyrite_syntax::ast;
use std::cell::Cell;

/// `ast.PyCF_*` flags (`Include/cpython/compile.h`).
pub mod pycf {
    pub const SOURCE_IS_UTF8: u32 = 0x0100;
    pub const DONT_IMPLY_DEDENT: u32 = 0x0200;
    pub const ONLY_AST: u32 = 0x0400;
    pub const IGNORE_COOKIE: u32 = 0x0800;
    pub const TYPE_COMMENTS: u32 = 0x1000;
    pub const ALLOW_TOP_LEVEL_AWAIT: u32 = 0x2000;
    pub const ALLOW_INCOMPLETE_INPUT: u32 = 0x4000;
    /// Flags that change what compile() does rather than the code's features.
    pub const COMPILE_MASK: u32 =
        ONLY_AST | ALLOW_TOP_LEVEL_AWAIT | TYPE_COMMENTS | DONT_IMPLY_DEDENT | ALLOW_INCOMPLETE_INPUT;
    /// `CO_NESTED`, still accepted for compatibility.
    pub const MASK_OBSOLETE: u32 = 0x0010;
}

/// Converts a parsed tree to `_ast` node objects (`compile(..., PyCF_ONLY_AST)`).
pub type AstToPython = fn(&mut Vm, &ast::Mod) -> PyResult<Value>;
/// Converts `_ast` node objects back to a tree (`compile(node, ...)`), for `mode`.
pub type AstFromPython = fn(&mut Vm, &Value, pyrite_syntax::Mode) -> PyResult<ast::Mod>;

thread_local! {
    static AST_HOOKS: Cell<Option<(AstToPython, AstFromPython)>> = const { Cell::new(None) };
}

/// Called by the `_ast` module when it is initialized: compile() then
/// returns and accepts AST objects through these conversions.
pub fn set_ast_hooks(to_python: AstToPython, from_python: AstFromPython) {
    AST_HOOKS.with(|h| h.set(Some((to_python, from_python))));
}

/// The `_ast` conversions, importing `_ast` first so that it can register them.
fn ast_hooks(vm: &mut Vm) -> PyResult<(AstToPython, AstFromPython)> {
    if let Some(h) = AST_HOOKS.with(|h| h.get()) {
        return Ok(h);
    }
    let _ = vm.import_absolute("_ast");
    match AST_HOOKS.with(|h| h.get()) {
        Some(h) => Ok(h),
        None => Err(vm.new_error(
            ExcKind::NotImplementedError,
            "compile(): AST objects are not supported yet (pyrite has no _ast module)",
        )),
    }
}

/// Whether `v` is an `_ast.AST` instance (only possible once `_ast` is loaded).
fn is_ast_object(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let Some(module) = vm.modules.downcast_ref::<DictObject>().and_then(|m| m.get_str_key("_ast")) else {
        return Ok(false);
    };
    let Some(ast_type) = module.downcast_ref::<ModuleObject>().and_then(|m| m.dict().get_str_key("AST")) else {
        return Ok(false);
    };
    crate::builtins::isinstance(vm, v, &ast_type)
}

/// Source text handed to the front end.
enum Source {
    /// A `str`, already UTF-8 (its coding cookie is ignored, as CPython's PyCF_IGNORE_COOKIE).
    Text(String),
    /// `bytes`: decoded by the front end, honouring a BOM or coding cookie.
    Bytes(Vec<u8>),
}

impl Source {
    /// Drops leading spaces and tabs (eval() does this before compiling).
    fn strip_leading_blanks(self) -> Source {
        let blank = |b: &u8| *b == b' ' || *b == b'\t';
        match self {
            Source::Text(s) => Source::Text(s.trim_start_matches([' ', '\t']).to_string()),
            Source::Bytes(b) => {
                let start = b.iter().position(|c| !blank(c)).unwrap_or(b.len());
                Source::Bytes(b[start..].to_vec())
            }
        }
    }
}

/// `_Py_SourceAsString`: the bytes of a str or bytes source, or the TypeError
/// naming `funcname` and what it accepts.
fn source_of(vm: &mut Vm, v: &Value, funcname: &str, what: &str) -> PyResult<Source> {
    let src = if let Some(s) = v.downcast_ref::<StrObject>() {
        match s.to_utf8() {
            Some(text) => Source::Text(text.into_owned()),
            None => {
                // Lone surrogates: the codec raises CPython's UnicodeEncodeError.
                crate::modules::_codecs::encode(vm, v, "utf-8", "strict")?;
                return Err(vm.new_error(ExcKind::SystemError, "str with surrogates encoded as UTF-8"));
            }
        }
    } else if let Some(b) = v.downcast_ref::<BytesObject>() {
        Source::Bytes(b.data().to_vec())
    } else if let Some(b) = crate::objects::memoryview::bytes_like(vm, v)? {
        // Any other bytes-like object (bytearray, memoryview): its bytes.
        Source::Bytes(b.into_owned())
    } else {
        let msg = format!("{funcname}() arg 1 must be a {what} object");
        return Err(vm.type_error(msg));
    };
    let has_nul = match &src {
        Source::Text(s) => s.as_bytes().contains(&0),
        Source::Bytes(b) => b.contains(&0),
    };
    if has_nul {
        let err = no_location_error("source code string cannot contain null bytes");
        return Err(vm.syntax_error_to_exc(&err, ""));
    }
    Ok(src)
}

/// The errors of the passes after parsing (symtable, compiler) take their
/// `text` as CPython's PyErr_ProgramText does: line `lineno` read back from
/// the file named `filename`, None when there is no such file or line
/// (`compile(src, "<string>", ...)`) or it is not UTF-8.
fn with_text_from_file(mut err: pyrite_syntax::SyntaxError, filename: &str) -> pyrite_syntax::SyntaxError {
    err.text = program_text(filename, err.lineno);
    err
}

pub(crate) fn program_text(filename: &str, lineno: u32) -> Option<String> {
    if lineno == 0 || filename.is_empty() {
        return None;
    }
    let bytes = std::fs::read(filename).ok()?;
    let mut lines = bytes.split_inclusive(|&b| b == b'\n');
    let line = lines.nth(lineno as usize - 1)?;
    // Universal newlines: a `\r\n` or lone `\r` ending reads as `\n`.
    let mut line = std::str::from_utf8(line).ok()?.to_string();
    if line.ends_with("\r\n") {
        line.truncate(line.len() - 2);
        line.push('\n');
    }
    Some(line)
}

fn no_location_error(msg: &str) -> pyrite_syntax::SyntaxError {
    pyrite_syntax::SyntaxError {
        kind: pyrite_syntax::SyntaxErrorKind::SyntaxError,
        msg: msg.into(),
        lineno: 0,
        offset: 0,
        end_lineno: 0,
        end_offset: 0,
        text: None,
    }
}

/// The `CO_FUTURE_*` flags of the calling code, which compile(), eval() and
/// exec() inherit (`PyEval_MergeCompilerFlags`).
fn inherited_future_flags(vm: &Vm) -> u32 {
    vm.frames
        .last()
        .map_or(0, |f| f.code().flags & pyrite_compiler::PYCF_MASK)
}

/// What the front end produced.
enum Compiled {
    Code(Value),
    Ast(Value),
}

impl Vm {
    /// Parses, checks and compiles `src` as `mode` (or only parses it, for
    /// PyCF_ONLY_AST).
    fn compile_source(
        &mut self,
        src: Source,
        filename: &str,
        mode: pyrite_syntax::Mode,
        flags: u32,
        optimize: u8,
    ) -> PyResult<Compiled> {
        use pyrite_syntax::{semantic, source, tokenizer};
        let exec_input = mode == pyrite_syntax::Mode::Exec;
        let front = match src {
            Source::Text(text) => {
                let opts = tokenizer::TokenizeOptions {
                    exec_input,
                    columns_as_chars: true,
                    ..Default::default()
                };
                Ok((text, opts))
            }
            Source::Bytes(bytes) => source::decode_bytes(&bytes).map(|decoded| {
                let mut opts = decoded.tokenize_options();
                opts.exec_input = exec_input;
                (decoded.text, opts)
            }),
        };
        let (text, opts) = front.map_err(|e| {
            if e.lineno == 0 && e.kind == pyrite_syntax::SyntaxErrorKind::SyntaxError {
                self.line_zero_syntax_error(&e.msg, filename, true)
            } else {
                self.syntax_error_to_exc(&e, filename)
            }
        })?;
        let tokens = tokenizer::tokenize_with(&text, &opts);
        let (parsed, mut warnings) = pyrite_syntax::parser::parse_tokens(&text, tokens, mode);
        let module = match parsed {
            Ok(m) => m,
            Err(e) => {
                self.issue_syntax_warnings(&warnings, filename)?;
                if e.lineno == 0 && e.msg == "invalid syntax" && e.kind == pyrite_syntax::SyntaxErrorKind::SyntaxError {
                    return Err(self.line_zero_syntax_error(&e.msg, filename, false));
                }
                // For 'exec' input the parser too reads the line back from
                // the named file first, then falls back to the source.
                let mut e = e;
                if exec_input {
                    if let Some(line) = program_text(filename, e.lineno) {
                        e.text = Some(line);
                    }
                }
                return Err(self.syntax_error_to_exc(&e, filename));
            }
        };
        if flags & pycf::ONLY_AST != 0 {
            self.issue_syntax_warnings(&warnings, filename)?;
            let (to_python, _) = ast_hooks(self)?;
            return to_python(self, &module).map(Compiled::Ast);
        }
        let checked = semantic::check_all(&module, &text);
        warnings.extend(checked.warnings);
        self.issue_syntax_warnings(&warnings, filename)?;
        if let Some(e) = checked.error {
            return Err(self.syntax_error_to_exc(&with_text_from_file(e, filename), filename));
        }
        self.compile_tree(&module, filename, mode, flags, optimize).map(Compiled::Code)
    }

    /// A SyntaxError located at line 0: the parser's error for input
    /// without any token (`eval('')`: offset 0, empty text, end position 0)
    /// or a source decoding error (offset -1, no text, no end position).
    fn line_zero_syntax_error(&mut self, msg: &str, filename: &str, decoding: bool) -> PyErr {
        let zero = Value::int(0);
        let (offset, text) = if decoding { (Value::int(-1), none()) } else { (zero.clone(), new_str("")) };
        let mut details = vec![new_str(filename), zero.clone(), offset.clone(), text.clone()];
        if !decoding {
            details.extend([zero.clone(), zero.clone()]);
        }
        let ty = crate::exception::exc_type_value(ExcKind::SyntaxError);
        let e = match self.call(&ty, &[new_str(msg), new_tuple(details)], None) {
            Ok(v) => v,
            Err(e) => return e,
        };
        let dict = crate::attr::instance_dict(&e);
        if let Some(d) = dict.as_ref().and_then(|d| d.downcast_ref::<DictObject>()) {
            d.insert_str_key("msg", new_str(msg));
            d.insert_str_key("filename", new_str(filename));
            d.insert_str_key("lineno", zero.clone());
            d.insert_str_key("offset", offset);
            d.insert_str_key("text", text);
            let end = if decoding { none() } else { zero.clone() };
            d.insert_str_key("end_lineno", end.clone());
            d.insert_str_key("end_offset", end);
            d.insert_str_key("print_file_and_line", none());
        }
        PyErr::new(e)
    }

    fn compile_tree(
        &mut self,
        module: &ast::Mod,
        filename: &str,
        mode: pyrite_syntax::Mode,
        flags: u32,
        optimize: u8,
    ) -> PyResult<Value> {
        let cmode = match mode {
            pyrite_syntax::Mode::Eval => pyrite_compiler::Mode::Eval,
            pyrite_syntax::Mode::Single => pyrite_compiler::Mode::Single,
            _ => pyrite_compiler::Mode::Exec,
        };
        let cflags = pyrite_compiler::CompileFlags {
            future: flags & pyrite_compiler::PYCF_MASK,
            allow_top_level_await: flags & pycf::ALLOW_TOP_LEVEL_AWAIT != 0,
        };
        let code = pyrite_compiler::compile_with_flags(module, filename, cmode, optimize, cflags)
            .map_err(|e| self.syntax_error_to_exc(&with_text_from_file(e, filename), filename))?;
        self.load_code(code)
    }

    /// Runs a code object with explicit namespaces (the end of eval/exec).
    fn run_code_in(&mut self, code: &Value, globals: &Value, locals: &Value) -> PyResult<Value> {
        let builtins = builtins_for_globals(self, globals)?;
        self.run_code_with_locals(code.clone(), globals.clone(), builtins, locals.clone(), Value::NULL)
    }
}

/// The builtins a frame running with `globals` uses: `globals['__builtins__']`
/// (a module stands for its dict), inserted from the caller's builtins when missing.
fn builtins_for_globals(vm: &mut Vm, globals: &Value) -> PyResult<Value> {
    if let Some(g) = globals.downcast_ref::<DictObject>() {
        if g.get_str_key("__builtins__").is_none() {
            g.insert_str_key("__builtins__", current_builtins(vm));
        }
    }
    Ok(builtins_from_globals(vm, globals))
}

/// `_PyEval_BuiltinsFromGlobals`: `globals['__builtins__']` as a dict (a module stands for its
/// dict), the current frame's builtins when it has none.
pub(crate) fn builtins_from_globals(vm: &mut Vm, globals: &Value) -> Value {
    let found = globals.downcast_ref::<DictObject>().and_then(|g| g.get_str_key("__builtins__"));
    match found {
        Some(b) => match b.downcast_ref::<ModuleObject>() {
            Some(m) => m.dict_value(),
            None if b.downcast_ref::<DictObject>().is_some() => b,
            // A non-dict `__builtins__` (CPython would index it as a mapping): the
            // interpreter's builtins.
            None => vm.builtins_dict.clone(),
        },
        None => current_builtins(vm),
    }
}

/// `PyEval_GetBuiltins()`: the running frame's builtins dict.
fn current_builtins(vm: &Vm) -> Value {
    vm.frames.last().map(|f| f.builtins_value()).unwrap_or_else(|| vm.builtins_dict.clone())
}

fn is_mapping(v: &Value) -> bool {
    let t = type_of(v);
    t.slots().getitem.is_some() || v.downcast_ref::<DictObject>().is_some()
}

/// The caller's globals and locals (eval/exec without explicit namespaces).
fn caller_namespaces(vm: &mut Vm) -> (Value, Value) {
    let globals = vm.frames.last().map(|f| f.globals_value());
    match globals {
        Some(g) => (g, crate::builtins::frame_locals(vm)),
        None => (Value::NULL, Value::NULL),
    }
}

/// `PyUnicode_FSDecoder`: a str, bytes or os.PathLike file name.
fn filename_arg(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(s) = v.downcast_ref::<StrObject>() {
        return Ok(s.to_string_lossy());
    }
    if let Some(b) = v.downcast_ref::<BytesObject>() {
        return Ok(String::from_utf8_lossy(b.data()).into_owned());
    }
    if let Some(fspath) = vm.lookup_special(v, "__fspath__")? {
        let r = vm.call0(&fspath)?;
        if let Some(s) = r.downcast_ref::<StrObject>() {
            return Ok(s.to_string_lossy());
        }
        if let Some(b) = r.downcast_ref::<BytesObject>() {
            return Ok(String::from_utf8_lossy(b.data()).into_owned());
        }
        let msg = format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            vm.type_name(v),
            vm.type_name(&r)
        );
        return Err(vm.type_error(msg));
    }
    if let Some(b) = crate::objects::memoryview::bytes_like(vm, v)? {
        let name = String::from_utf8_lossy(&b).into_owned();
        let msg = format!("path should be string, bytes, or os.PathLike, not {}", vm.type_name(v));
        deprecation_warning(vm, &msg)?;
        return Ok(name);
    }
    let msg = format!("expected str, bytes or os.PathLike object, not {}", vm.type_name(v));
    Err(vm.type_error(msg))
}

/// `warnings.warn(msg, DeprecationWarning)` from native code (the caller's
/// line is the one reported).
fn deprecation_warning(vm: &mut Vm, msg: &str) -> PyResult<()> {
    let warnings = vm.import_absolute("warnings")?;
    let warn = vm.getattr_str(&warnings, "warn")?;
    let category = crate::exception::exc_type_value(ExcKind::DeprecationWarning);
    vm.call(&warn, &[new_str(msg), category, Value::int(1)], None)?;
    Ok(())
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    vm.index_i64(v)
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, *, _feature_version=-1)`.
pub(crate) fn compile(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    const NAMES: &[&str] = &[
        "source",
        "filename",
        "mode",
        "flags",
        "dont_inherit",
        "optimize",
        "_feature_version",
    ];
    let a = ArgSpec::parse(vm, "compile", args, kw, NAMES, 6, 0)?;
    for (i, name) in NAMES.iter().enumerate().take(3) {
        if a[i].is_none() {
            let msg = format!("compile() missing required argument '{name}' (pos {})", i + 1);
            return Err(vm.type_error(msg));
        }
    }
    let (Some(source), Some(filename_v), Some(mode_v)) = (&a[0], &a[1], &a[2]) else {
        return Err(vm.type_error("compile() missing required argument"));
    };
    let filename = filename_arg(vm, filename_v)?;
    let Some(mode_s) = mode_v.downcast_ref::<StrObject>().map(|s| s.to_string_lossy()) else {
        let msg = format!("compile() argument 'mode' must be str, not {}", vm.type_name(mode_v));
        return Err(vm.type_error(msg));
    };
    let mut flags = match &a[3] {
        Some(v) => int_arg(vm, v)?,
        None => 0,
    };
    let dont_inherit = match &a[4] {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    let optimize = match &a[5] {
        Some(v) => int_arg(vm, v)?,
        None => -1,
    };
    let allowed = (pyrite_compiler::PYCF_MASK | pycf::MASK_OBSOLETE | pycf::COMPILE_MASK) as i64;
    if flags & !allowed != 0 {
        return Err(vm.value_error("compile(): unrecognised flags"));
    }
    if !(-1..=2).contains(&optimize) {
        return Err(vm.value_error("compile(): invalid optimize value"));
    }
    if !dont_inherit {
        flags |= inherited_future_flags(vm) as i64;
    }
    let flags = flags as u32;
    let only_ast = flags & pycf::ONLY_AST != 0;
    let mode = match mode_s.as_str() {
        "exec" => pyrite_syntax::Mode::Exec,
        "eval" => pyrite_syntax::Mode::Eval,
        "single" => pyrite_syntax::Mode::Single,
        "func_type" if only_ast => pyrite_syntax::Mode::FuncType,
        "func_type" => return Err(vm.value_error("compile() mode 'func_type' requires flag PyCF_ONLY_AST")),
        _ => {
            let msg = if only_ast {
                "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"
            } else {
                "compile() mode must be 'exec', 'eval' or 'single'"
            };
            return Err(vm.value_error(msg));
        }
    };
    // -1 means the interpreter's own level (pyrite runs without -O).
    // -1: the interpreter's own level (`-O`).
    let optimize = if optimize < 0 { crate::config::current().optimize_level() } else { optimize as u8 };
    if is_ast_object(vm, source)? {
        if only_ast {
            return Ok(source.clone());
        }
        let (_, from_python) = ast_hooks(vm)?;
        let tree = from_python(vm, source, mode)?;
        return vm.compile_tree(&tree, &filename, mode, flags, optimize);
    }
    let src = source_of(vm, source, "compile", "string, bytes or AST")?;
    match vm.compile_source(src, &filename, mode, flags, optimize)? {
        Compiled::Code(c) | Compiled::Ast(c) => Ok(c),
    }
}

/// Checks and defaults the namespaces of eval()/exec(); returns (globals, locals).
fn namespaces(vm: &mut Vm, fname: &str, globals: Option<&Value>, locals: Option<&Value>) -> PyResult<(Value, Value)> {
    let globals = globals.filter(|g| !g.is_none()).cloned();
    let locals = locals.filter(|l| !l.is_none()).cloned();
    if let Some(g) = &globals {
        if g.downcast_ref::<DictObject>().is_none() {
            let msg = if fname == "exec" {
                format!("exec() globals must be a dict, not {}", vm.type_name(g))
            } else if is_mapping(g) {
                "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
            } else {
                "globals must be a dict".to_string()
            };
            return Err(vm.type_error(msg));
        }
    }
    if let Some(l) = &locals {
        if !is_mapping(l) {
            let msg = if fname == "exec" {
                format!("locals must be a mapping or None, not {}", vm.type_name(l))
            } else {
                "locals must be a mapping".to_string()
            };
            return Err(vm.type_error(msg));
        }
    }
    let (globals, locals) = match (globals, locals) {
        (None, locals) => {
            let (g, l) = caller_namespaces(vm);
            (g, locals.unwrap_or(l))
        }
        (Some(g), None) => (g.clone(), g),
        (Some(g), Some(l)) => (g, l),
    };
    if globals.is_null() || locals.is_null() {
        let msg = format!("{fname} must be given globals and locals when called without a frame");
        return Err(vm.type_error(msg));
    }
    Ok((globals, locals))
}

/// `eval(source, globals=None, locals=None, /)`.
pub(crate) fn eval(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (pos, kwargs) = split_kwargs(args, kw);
    if !kwargs.is_empty() {
        return Err(vm.type_error("eval() takes no keyword arguments"));
    }
    ArgSpec::range(vm, "eval", pos, 0, 1, 3)?;
    let (globals, locals) = namespaces(vm, "eval", pos.get(1), pos.get(2))?;
    // `__builtins__` goes into the globals before anything runs.
    builtins_for_globals(vm, &globals)?;
    let source = &pos[0];
    if let Some(c) = source.downcast_ref::<CodeObj>() {
        if c.nfrees > 0 {
            return Err(vm.type_error("code object passed to eval() may not contain free variables"));
        }
        return vm.run_code_in(source, &globals, &locals);
    }
    let src = source_of(vm, source, "eval", "string, bytes or code")?.strip_leading_blanks();
    let flags = inherited_future_flags(vm);
    let code = match vm.compile_source(src, "<string>", pyrite_syntax::Mode::Eval, flags, crate::config::current().optimize_level())? {
        Compiled::Code(c) | Compiled::Ast(c) => c,
    };
    vm.run_code_in(&code, &globals, &locals)
}

/// `exec(source, globals=None, locals=None, /, *, closure=None)`.
pub(crate) fn exec(vm: &mut Vm, args: &[Value], kw: KwNames) -> PyResult<Value> {
    let (pos, kwargs) = split_kwargs(args, kw);
    let mut closure: Option<Value> = None;
    for (k, v) in kwargs {
        if display_lossy(k) == "closure" {
            closure = Some(v.clone());
        } else {
            let msg = format!("'{}' is an invalid keyword argument for exec()", display_lossy(k));
            return Err(vm.type_error(msg));
        }
    }
    if pos.is_empty() {
        return Err(vm.type_error("exec() takes at least 1 positional argument (0 given)"));
    }
    if pos.len() > 3 {
        let msg = format!("exec() takes at most 3 positional arguments ({} given)", pos.len());
        return Err(vm.type_error(msg));
    }
    let closure = closure.filter(|c| !c.is_none());
    let (globals, locals) = namespaces(vm, "exec", pos.get(1), pos.get(2))?;
    builtins_for_globals(vm, &globals)?;
    let source = &pos[0];
    if let Some(c) = source.downcast_ref::<CodeObj>() {
        let nfree = c.nfrees as usize;
        if nfree == 0 {
            if closure.is_some() {
                return Err(vm.type_error("cannot use a closure with this code object"));
            }
            vm.run_code_in(source, &globals, &locals)?;
            return Ok(none());
        }
        let cells_ok = closure.as_ref().is_some_and(|cl| {
            is_exact(cl, &crate::typeobj::TUPLE_TYPE)
                && cl.downcast_ref::<TupleObject>().is_some_and(|t| {
                    t.len() == nfree && t.items().iter().all(|c| c.downcast_ref::<CellObject>().is_some())
                })
        });
        if !cells_ok {
            let msg = format!("code object requires a closure of exactly length {nfree}");
            return Err(vm.type_error(msg));
        }
        // A function over the code carries the closure into the frame.
        let builtins = builtins_for_globals(vm, &globals)?;
        let func = crate::objects::function::new_function_with_closure(
            source.clone(),
            globals.clone(),
            builtins.clone(),
            c.qualname.clone(),
            closure.unwrap_or(Value::NULL),
        );
        vm.run_code_with_locals(source.clone(), globals, builtins, locals, func)?;
        return Ok(none());
    }
    if closure.is_some() {
        return Err(vm.type_error("closure can only be used when source is a code object"));
    }
    let src = source_of(vm, source, "exec", "string, bytes or code")?;
    let flags = inherited_future_flags(vm);
    let code = match vm.compile_source(src, "<string>", pyrite_syntax::Mode::Exec, flags, crate::config::current().optimize_level())? {
        Compiled::Code(c) | Compiled::Ast(c) => c,
    };
    vm.run_code_in(&code, &globals, &locals)?;
    Ok(none())
}
