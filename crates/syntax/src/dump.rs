//! `ast.dump(tree, include_attributes=...)` output, byte for byte as CPython 3.11.
