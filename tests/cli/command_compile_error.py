# A compiler-phase error in a -c command has no source text (CPython reads it from the file "<string>").
