#!/usr/bin/env python3.11
"""Print python3.11's code objects for a source file in the canonical text form
that `cargo run -p pyrite-compiler --example dump_code` prints for pyrite's.

Usage: compiler_dump_reference.py FILE [--mode exec|eval|single] [--optimize N] [--flags N]

The form lists every field the compiler decides (co_code as a disassembly with
raw bytes, co_consts with canonical constant reprs, names, locals, flags, stack
size, first line, qualname, line table and exception table as hex), then the
nested code objects depth-first. Constants use a repr that both sides can
produce exactly: floats as their IEEE bits, strings and bytes with every
non-printable character escaped, frozensets sorted.
"""
import opcode
import struct
import sys
import types


def const_repr(c):
    if c is None:
        return "None"
    if c is True:
        return "True"
    if c is False:
        return "False"
    if c is Ellipsis:
        return "Ellipsis"
    t = type(c)
    if t is int:
        return str(c)
    if t is float:
        return "f:%016x" % struct.unpack("<Q", struct.pack("<d", c))[0]
    if t is complex:
        return "c:%016x:%016x" % (
            struct.unpack("<Q", struct.pack("<d", c.real))[0],
            struct.unpack("<Q", struct.pack("<d", c.imag))[0],
        )
    if t is str:
        return "'" + "".join(
            ch if 0x20 <= ord(ch) < 0x7F and ch not in "\\'" else "\\u{%x}" % ord(ch) for ch in c
        ) + "'"
    if t is bytes:
        return "b'" + c.hex() + "'"
    if t is tuple:
        return "(" + "".join(const_repr(x) + ", " for x in c) + ")"
    if t is frozenset:
        return "frozenset({" + ", ".join(sorted(const_repr(x) for x in c)) + "})"
    if isinstance(c, types.CodeType):
        return "<code %s>" % c.co_qualname
    return "<?%s>" % t.__name__


def pos_repr(p):
    return "(%s)" % ",".join("-" if x is None else str(x) for x in p)


def decode_exception_table(table):
    out = []
    it = iter(table)

    def item(first):
        val = first & 63
        b = first
        while b & 64:
            b = next(it)
            val = (val << 6) | (b & 63)
        return val

    for b in it:
        start = item(b)
        size = item(next(it))
        target = item(next(it))
        dl = item(next(it))
        out.append("%d-%d->%d depth=%d%s" % (start, start + size, target, dl >> 1, " lasti" if dl & 1 else ""))
    return out


def dump_code(co, out):
    out.append("code %s" % const_repr(co.co_qualname))
    out.append("  name %s" % const_repr(co.co_name))
    out.append("  argcount %d posonly %d kwonly %d" % (co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount))
    out.append("  flags 0x%x" % co.co_flags)
    out.append("  stacksize %d" % co.co_stacksize)
    out.append("  firstlineno %d" % co.co_firstlineno)
    out.append("  names %s" % " ".join(const_repr(n) for n in co.co_names))
    # co_localsplusnames is not exposed; rebuild it from the three views, in
    # the order CPython lays them out (cells that are also arguments appear once).
    lp = list(co.co_varnames)
    for n in co.co_cellvars:
        if n not in lp:
            lp.append(n)
    lp.extend(co.co_freevars)
    out.append("  varnames %s" % " ".join(const_repr(n) for n in co.co_varnames))
    out.append("  cellvars %s" % " ".join(const_repr(n) for n in co.co_cellvars))
    out.append("  freevars %s" % " ".join(const_repr(n) for n in co.co_freevars))
    out.append("  localsplus %s" % " ".join(const_repr(n) for n in lp))
    out.append("  consts")
    for i, c in enumerate(co.co_consts):
        out.append("    %d %s" % (i, const_repr(c)))
    out.append("  code")
    code = co.co_code
    positions = list(co.co_positions())
    i = 0
    while i < len(code):
        op, arg = code[i], code[i + 1]
        name = opcode.opname[op]
        ncache = opcode._inline_cache_entries[op]
        raw = code[i : i + 2 * (1 + ncache)].hex()
        out.append("    %4d %-24s %3d  %s %s" % (i, name, arg, pos_repr(positions[i // 2]), raw))
        i += 2 * (1 + ncache)
    out.append("  linetable %s" % co.co_linetable.hex())
    out.append("  exceptiontable %s" % co.co_exceptiontable.hex())
    for e in decode_exception_table(co.co_exceptiontable):
        out.append("    " + e)
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            dump_code(c, out)


def main():
    args = sys.argv[1:]
    mode = "exec"
    optimize = 0
    flags = 0
    path = None
    while args:
        a = args.pop(0)
        if a == "--mode":
            mode = args.pop(0)
        elif a == "--optimize":
            optimize = int(args.pop(0))
        elif a == "--flags":
            flags = int(args.pop(0), 0)
        else:
            path = a
    with open(path, "rb") as f:
        src = f.read()
    co = compile(src, path, mode, flags=flags, dont_inherit=True, optimize=optimize)
    out = []
    dump_code(co, out)
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
