#!/usr/bin/env python3.11
"""Builds the unit-test fixture of crates/syntax/src/semantic (its tests.rs):
for every snippet of testdata/snippets.txt (cases separated by lines "####"),
the AST as python3.11's ast.parse gives it, and what compile() then reports:
the SyntaxError (or RecursionError) attributes and the SyntaxWarnings.

    python3.11 tools/semantic_fixtures.py

Each case becomes three lines of testdata/cases.txt:
    SRC <source as a JSON string>
    AST <the tree, see `ser` below>
    EXP <error or ~> <warnings>
Snippets that do not parse are skipped (they belong to the parser's tests).
"""
import ast
import json
import os
import sys
import tempfile
import warnings

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "crates", "syntax", "src", "semantic", "testdata")


def s(text):
    return json.dumps(text, ensure_ascii=True)


def const(v):
    if v is None:
        return "N"
    if v is True:
        return "T"
    if v is False:
        return "F"
    if v is Ellipsis:
        return "E"
    if isinstance(v, int):
        return "i%d" % v
    if isinstance(v, float):
        return "f" + repr(v)
    if isinstance(v, complex):
        return "c%r,%r" % (v.real, v.imag)
    if isinstance(v, str):
        return "s" + json.dumps(v, ensure_ascii=True)
    if isinstance(v, bytes):
        return "b" + (v.hex() or "-")
    raise TypeError(v)


def ser(node):
    """(Name lineno col end_lineno end_col field...) in _fields order;
    lists in [ ], None as ~, identifiers and strings as JSON strings,
    enum-like nodes (Load, Add, ...) as bare names."""
    if node is None:
        return "~"
    if isinstance(node, list):
        return "[" + " ".join(ser(x) for x in node) + "]"
    if isinstance(node, str):
        return s(node)
    if isinstance(node, int):
        return str(node)
    if isinstance(node, ast.AST):
        name = type(node).__name__
        if not node._fields and not getattr(node, "_attributes", ()):
            return name
        parts = [name]
        if "lineno" in node._attributes:
            parts += [str(node.lineno), str(node.col_offset), str(node.end_lineno), str(node.end_col_offset)]
        for f in node._fields:
            v = getattr(node, f)
            if name in ("Constant", "MatchSingleton") and f == "value":
                parts.append(const(v))
            else:
                parts.append(ser(v))
        return "(" + " ".join(parts) + ")"
    raise TypeError(node)


def expect(src, path):
    with open(path, "w", encoding="utf-8") as f:
        f.write(src)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            compile(src, path, "exec")
            err = "~"
        except SyntaxError as e:
            err = "(%s %s %d %d %s %s %s)" % (type(e).__name__, s(e.msg), e.lineno, e.offset or 0,
                                              e.end_lineno if e.end_lineno is not None else "~",
                                              e.end_offset if e.end_offset is not None else "~",
                                              s(e.text) if e.text is not None else "~")
        except RecursionError as e:
            err = "(RecursionError %s)" % s(str(e))
    ws = [w for w in caught if w.category is SyntaxWarning]
    return err + " [" + " ".join("(%s %d)" % (s(str(w.message)), w.lineno) for w in ws) + "]"


def corpus_sources(root):
    """Every .py file under root, in order."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(".py"):
                with open(os.path.join(dirpath, name), "rb") as f:
                    data = f.read()
                try:
                    yield data.decode("utf-8")
                except UnicodeDecodeError:
                    pass


def main():
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("--tree", action="append", default=[],
                    help="also take every .py file under this folder (e.g. tests/syntax, or the stdlib)")
    ap.add_argument("--out", help="write here instead of testdata/cases.txt")
    args = ap.parse_args()
    with open(os.path.join(HERE, "snippets.txt"), encoding="utf-8") as f:
        cases = [c.strip("\n") + "\n" for c in f.read().split("\n####\n") if c.strip()]
    for root in args.tree:
        cases.extend(corpus_sources(root))
    out = []
    tmp = tempfile.mkdtemp()
    path = os.path.join(tmp, "case.py")
    skipped = 0
    for src in cases:
        try:
            tree = ast.parse(src)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            skipped += 1
            continue
        out.append("SRC " + s(src))
        out.append("AST " + ser(tree))
        out.append("EXP " + expect(src, path))
    with open(args.out or os.path.join(HERE, "cases.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print("%d cases written, %d skipped (parser errors)" % (len(out) // 3, skipped), file=sys.stderr)


if __name__ == "__main__":
    main()
