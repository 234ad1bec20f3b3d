//! CPython 3.11 repr algorithms (in progress).
