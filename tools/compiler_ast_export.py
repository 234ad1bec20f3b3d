#!/usr/bin/env python3.11
"""Write python3.11's AST of a source file (as `ast.parse` returns it, before
any optimization) in a small S-expression text form that the example
`dump_code --ast FILE` of crates/compiler reads back into pyrite's AST.

This lets the compiler be checked against CPython on any source before
pyrite's own parser is finished, and independently of it.

Form: a node is `(ClassName [l c el ec] field...)` with its four location
numbers when the class has them, then its fields in `_fields` order. A list
is `[item ...]`, a missing value `_`. Identifiers and strings are `s:HEX`
(UTF-8, surrogates as surrogatepass bytes), ints `i:DECIMAL`, floats
`f:BITS`, complex `c:BITS:BITS`, bytes `b:HEX`, and the constants None, True,
False, Ellipsis are `N`, `T`, `F`, `E`.

Usage: compiler_ast_export.py FILE [--mode exec|eval|single] > OUT
"""
import ast
import struct
import sys


def bits(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def const(v, out):
    if v is None:
        out.append("N")
    elif v is True:
        out.append("T")
    elif v is False:
        out.append("F")
    elif v is Ellipsis:
        out.append("E")
    elif type(v) is int:
        out.append("i:%d" % v)
    elif type(v) is float:
        out.append("f:" + bits(v))
    elif type(v) is complex:
        out.append("c:%s:%s" % (bits(v.real), bits(v.imag)))
    elif type(v) is str:
        out.append("s:" + v.encode("utf-8", "surrogatepass").hex())
    elif type(v) is bytes:
        out.append("b:" + v.hex())
    else:
        raise TypeError("unexpected constant %r" % (v,))


LOCATED = (ast.stmt, ast.expr, ast.excepthandler, ast.arg, ast.keyword, ast.alias, ast.pattern)


def node(n, out):
    if n is None:
        out.append("_")
        return
    if isinstance(n, list):
        out.append("[")
        for x in n:
            node(x, out)
        out.append("]")
        return
    if isinstance(n, str):
        out.append("s:" + n.encode("utf-8", "surrogatepass").hex())
        return
    if isinstance(n, int) and not isinstance(n, bool):
        out.append("i:%d" % n)
        return
    if not isinstance(n, ast.AST):
        const(n, out)
        return
    out.append("(" + type(n).__name__)
    if isinstance(n, LOCATED):
        out.append("%d %d %d %d" % (n.lineno, n.col_offset, n.end_lineno, n.end_col_offset))
    for f in n._fields:
        v = getattr(n, f, None)
        if isinstance(n, (ast.Constant, ast.MatchSingleton)) and f == "value":
            const(v, out)
        else:
            node(v, out)
    out.append(")")


def main():
    args = sys.argv[1:]
    mode = "exec"
    path = None
    while args:
        a = args.pop(0)
        if a == "--mode":
            mode = args.pop(0)
        else:
            path = a
    with open(path, "rb") as f:
        src = f.read()
    tree = compile(src, path, mode, ast.PyCF_ONLY_AST, dont_inherit=True)
    out = []
    node(tree, out)
    sys.stdout.write(" ".join(out) + "\n")


if __name__ == "__main__":
    sys.setrecursionlimit(100000)
    main()
