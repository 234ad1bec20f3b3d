//! pyrite's compiler: a checked AST to CPython 3.11 code objects, producing
//! the same instructions, constants, names, stack sizes, location tables and
//! exception tables as CPython's own compiler.
//!
//! Passes, as in CPython: constant folding on a copy of the tree
//! (`pyrite_syntax::semantic::fold`, `Python/ast_opt.c`, shared with the
//! front end's compile-time checks), scope analysis ([`symtable`],
//! `Python/symtable.c`), code generation into basic blocks ([`codegen`]), and
//! the CFG optimizer and assembler ([`cfg`]), all from `Python/compile.c`.
//! Where 3.11.7 behaves differently from the 3.11.2 sources (except* handler
//! layout, match-case locations, the static-swap fix of gh-104615), the
//! compiler follows 3.11.7, the reference interpreter.
//!
//! Checking against CPython: [`dump::dump_code`] prints a code object tree in
//! the canonical form of `tools/compiler_dump_reference.py`;
//! `tools/compiler_compare.py DIR...` compares whole directories (with
//! `--pyrite-parser`, `--optimize N`, `--snippets single|eval`), and
//! `tools/compiler_fuzz.py` writes random programs for it. The corpus under
//! `tests/corpus` is compared by `cargo test`.

pub mod cfg;
pub mod codegen;
pub mod consts;
pub mod dump;
mod fxhash;
pub mod symtable;
pub mod unparse;

use pyrite_bytecode::code::CodeObject;
use pyrite_syntax::ast;
use pyrite_syntax::semantic::fold;
use std::borrow::Cow;
use std::rc::Rc;

pub use pyrite_syntax::SyntaxError as CompileError;

/// `compile()`'s mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Exec,
    Eval,
    Single,
}

/// Compiles a module (as parsed for `mode`) into its code object.
///
/// Errors are the few that only code generation detects ("too many statically
/// nested blocks", ...), RecursionError for trees nested beyond CPython's
/// compile-time limit (3000 nodes, as `pyrite_syntax::semantic` checks), and
/// SyntaxErrors of the scope pass. Trees within the limit compile on an 8 MiB
/// stack; deeper ones are rejected by a walk that stops at the limit, before
/// anything copies or recurses through the whole tree.
pub fn compile(module: &ast::Mod, filename: &str, mode: Mode, optimize: u8) -> Result<Rc<CodeObject>, CompileError> {
    compile_with_flags(module, filename, mode, optimize, CompileFlags::default())
}

/// `compile()`'s flags that change code generation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CompileFlags {
    /// `CO_FUTURE_*` bits inherited from the calling code (`compile()` without
    /// `dont_inherit`) or passed explicitly; merged with the module's own
    /// `from __future__` imports.
    pub future: u32,
    /// `ast.PyCF_ALLOW_TOP_LEVEL_AWAIT`.
    pub allow_top_level_await: bool,
}

pub const CO_FUTURE_BARRY_AS_BDFL: u32 = codegen::CO_FUTURE_BARRY_AS_BDFL;
pub const CO_FUTURE_ANNOTATIONS: u32 = codegen::CO_FUTURE_ANNOTATIONS;
/// The `CO_FUTURE_*` bits that pass from compiler flags into `co_flags` (PyCF_MASK).
pub const PYCF_MASK: u32 = 0x20000 | 0x40000 | 0x80000 | 0x100000 | 0x200000 | 0x400000 | 0x800000 | 0x1000000;

/// [`compile`] with `compile()`'s flags.
pub fn compile_with_flags(
    module: &ast::Mod,
    filename: &str,
    mode: Mode,
    optimize: u8,
    flags: CompileFlags,
) -> Result<Rc<CodeObject>, CompileError> {
    let future_flags = (future_features(module) | flags.future) & PYCF_MASK;
    let future_annotations = future_flags & CO_FUTURE_ANNOTATIONS != 0;
    let tree = fold::fold(module, fold::FoldOptions { optimize, future_annotations })?;
    let st = symtable::build(&tree, future_annotations)?;
    let opts = codegen::CompileOptions {
        optimize,
        interactive: mode == Mode::Single,
        future_flags,
        top_level_await: flags.allow_top_level_await,
    };
    codegen::compile_module(&tree, &st, filename, opts)
}

/// `from __future__` features that change code generation, as co_flags bits
/// (`future.c`): only `annotations` and `barry_as_FLUFL` do in 3.11.
pub fn future_features(module: &ast::Mod) -> u32 {
    let body = match module {
        ast::Mod::Module { body, .. } | ast::Mod::Interactive { body } => body,
        _ => return 0,
    };
    let mut flags = 0;
    let start = if fold::docstring(body).is_some() { 1 } else { 0 };
    let mut done = false;
    let mut prev_line = 0;
    for s in body.iter().skip(start) {
        if done && s.loc.lineno > prev_line {
            break;
        }
        prev_line = s.loc.lineno;
        match &s.kind {
            ast::StmtKind::ImportFrom { module: Some(m), names, .. } if m == "__future__" => {
                if done {
                    break;
                }
                for a in names {
                    match a.name.as_str() {
                        "annotations" => flags |= codegen::CO_FUTURE_ANNOTATIONS,
                        "barry_as_FLUFL" => flags |= codegen::CO_FUTURE_BARRY_AS_BDFL,
                        _ => {}
                    }
                }
            }
            _ => done = true,
        }
    }
    flags
}

/// Private name mangling: `__spam` inside class `Ham` becomes `_Ham__spam`
/// (`_Py_Mangle`). Dunder names, dotted names and classes named only with
/// underscores are left alone.
pub fn mangle<'n>(private: Option<&str>, name: &'n str) -> Cow<'n, str> {
    let Some(private) = private else { return Cow::Borrowed(name) };
    if !name.starts_with("__") {
        return Cow::Borrowed(name);
    }
    if (name.len() >= 2 && name.ends_with("__")) || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let stripped = private.trim_start_matches('_');
    if stripped.is_empty() {
        return Cow::Borrowed(name);
    }
    Cow::Owned(format!("_{}{}", stripped, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mangling() {
        assert_eq!(mangle(Some("Ham"), "__spam"), "_Ham__spam");
        assert_eq!(mangle(Some("_Ham"), "__spam"), "_Ham__spam");
        assert_eq!(mangle(Some("Ham"), "__spam__"), "__spam__");
        assert_eq!(mangle(Some("___"), "__spam"), "__spam");
        assert_eq!(mangle(Some("Ham"), "_spam"), "_spam");
        assert_eq!(mangle(Some("Ham"), "__a.b"), "__a.b");
        assert_eq!(mangle(None, "__spam"), "__spam");
    }
}
