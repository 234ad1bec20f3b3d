//! String, bytes and f-string literals, and number literals: CPython 3.11's
//! `Parser/string_parser.c` and the number parsing of `Parser/pegen.c`.
