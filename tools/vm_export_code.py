#!/usr/bin/env python3.11
"""Compile a Python file with python3.11 and write its code-object tree as JSON.

A test tool for pyrite's VM only (never a runtime path of pyrite): since
pyrite's compiler emits exactly CPython 3.11's code objects, the VM can be
tested on what python3.11 itself compiles. The JSON is self-describing:

    {"format": "pyrite-code-1", "code": CODE}
    CODE  = {"argcount", "posonlyargcount", "kwonlyargcount", "flags",
             "stacksize", "firstlineno", "code" (hex), "consts": [CONST],
             "names", "localsplusnames", "localspluskinds" (hex),
             "filename", "name", "qualname", "linetable" (hex),
             "exceptiontable" (hex)}
    CONST = {"t": "none" | "ellipsis"} | {"t": "bool", "v": bool}
          | {"t": "int", "v": decimal str} | {"t": "float", "v": 16 hex digits of the bits}
          | {"t": "complex", "re": bits, "im": bits}
          | {"t": "str", "v": [code points]} | {"t": "bytes", "v": hex}
          | {"t": "tuple" | "frozenset", "v": [CONST]} | {"t": "code", "v": CODE}

A frozenset's items are listed in the constant's iteration order; the VM
builds constant frozensets twice as CPython's compiler does (from the listed
order, then from that set's iteration order), which reproduces the table.

Usage: vm_export_code.py SOURCE.py [OUT.json] [--filename NAME]
"""
import json
import struct
import sys

CO_FAST_LOCAL, CO_FAST_CELL, CO_FAST_FREE = 0x20, 0x40, 0x80


def float_bits(x):
    return struct.pack(">d", x).hex()


def localsplus(co):
    names = []
    i = 0
    while True:
        try:
            names.append(co._varname_from_oparg(i))
        except (IndexError, Exception):
            break
        i += 1
    kinds = []
    varnames, cellvars, freevars = set(co.co_varnames), set(co.co_cellvars), set(co.co_freevars)
    nvar = len(co.co_varnames)
    for idx, n in enumerate(names):
        k = 0
        if idx < nvar:
            k |= CO_FAST_LOCAL
            if n in cellvars:
                k |= CO_FAST_CELL
        elif idx < len(names) - len(co.co_freevars):
            k |= CO_FAST_CELL
        else:
            k |= CO_FAST_FREE
        kinds.append(k)
    return names, bytes(kinds)


def const(c):
    if c is None:
        return {"t": "none"}
    if c is Ellipsis:
        return {"t": "ellipsis"}
    if isinstance(c, bool):
        return {"t": "bool", "v": c}
    if isinstance(c, int):
        return {"t": "int", "v": str(c)}
    if isinstance(c, float):
        return {"t": "float", "v": float_bits(c)}
    if isinstance(c, complex):
        return {"t": "complex", "re": float_bits(c.real), "im": float_bits(c.imag)}
    if isinstance(c, str):
        return {"t": "str", "v": [ord(ch) for ch in c]}
    if isinstance(c, bytes):
        return {"t": "bytes", "v": c.hex()}
    if isinstance(c, tuple):
        return {"t": "tuple", "v": [const(x) for x in c]}
    if isinstance(c, frozenset):
        return {"t": "frozenset", "v": [const(x) for x in c]}
    if hasattr(c, "co_code"):
        return {"t": "code", "v": code(c)}
    raise TypeError(f"unexpected constant {c!r}")


def code(co):
    names, kinds = localsplus(co)
    return {
        "argcount": co.co_argcount,
        "posonlyargcount": co.co_posonlyargcount,
        "kwonlyargcount": co.co_kwonlyargcount,
        "flags": co.co_flags,
        "stacksize": co.co_stacksize,
        "firstlineno": co.co_firstlineno,
        "code": co.co_code.hex(),
        "consts": [const(c) for c in co.co_consts],
        "names": list(co.co_names),
        "localsplusnames": names,
        "localspluskinds": kinds.hex(),
        "filename": co.co_filename,
        "name": co.co_name,
        "qualname": co.co_qualname,
        "linetable": co.co_linetable.hex(),
        "exceptiontable": co.co_exceptiontable.hex(),
    }


def main(argv):
    args = [a for a in argv[1:]]
    filename = None
    if "--filename" in args:
        i = args.index("--filename")
        filename = args[i + 1]
        del args[i:i + 2]
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    src_path = args[0]
    with open(src_path, "rb") as f:
        source = f.read()
    co = compile(source, filename or src_path, "exec", dont_inherit=True)
    text = json.dumps({"format": "pyrite-code-1", "code": code(co)})
    if len(args) > 1:
        with open(args[1], "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
