//! `ast.dump(tree, include_attributes=...)` output, byte for byte as CPython 3.11.
use crate::ast::Mod;

pub fn dump(module: &Mod, include_attributes: bool) -> String {
    let _ = (module, include_attributes);
    unimplemented!("ast dump")
}
