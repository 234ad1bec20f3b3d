//! The SyntaxErrors CPython 3.11 raises after parsing, from its symtable and
//! compiler ('return' outside function, nonlocal rules, ...), and the compiler's
//! SyntaxWarnings.
