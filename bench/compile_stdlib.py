#!/usr/bin/env python3.11
"""Compile speed: pyrite's compiler against python3.11's on the reference stdlib.

Builds the `compile_files` example in release mode, then times parsing and
compiling every stdlib file python3.11 can compile, in both, and prints the
seconds and the ratio. python3.11's time is compile() from source (its parser
and compiler together; ast.parse() is slower than that since it builds Python
AST objects, so it cannot isolate the compiler).

    python3.11 bench/compile_stdlib.py
"""
import os
import subprocess
import sys
import sysconfig
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))


def files():
    stdlib = sysconfig.get_path("stdlib")
    out = []
    for dirpath, dirnames, filenames in os.walk(stdlib):
        dirnames[:] = sorted(d for d in dirnames if d != "site-packages")
        for f in sorted(filenames):
            if f.endswith(".py"):
                p = os.path.join(dirpath, f)
                try:
                    compile(open(p, "rb").read(), p, "exec", dont_inherit=True)
                except (SyntaxError, ValueError, RecursionError, MemoryError):
                    continue
                out.append(p)
    return out


def main():
    paths = files()
    sources = [(p, open(p, "rb").read()) for p in paths]
    t1 = time.perf_counter()
    for p, src in sources:
        compile(src, p, "exec", dont_inherit=True)
    t2 = time.perf_counter()
    py_total = t2 - t1
    subprocess.run(["cargo", "build", "--release", "-j", "2", "-p", "pyrite-compiler", "--example", "compile_files"],
                   cwd=ROOT, check=True, stderr=subprocess.DEVNULL)
    exe = os.path.join(TARGET, "release", "examples", "compile_files")
    out = subprocess.run([exe, "-"], input="\n".join(paths), capture_output=True, text=True, check=True).stdout
    parse, comp, nfiles, failures = out.split()
    parse, comp = float(parse), float(comp)
    print("%d files (%s failures in pyrite)" % (len(paths), failures))
    print("python3.11: compile() %.3fs" % py_total)
    print("pyrite:     parse %.3fs + compile %.3fs = %.3fs" % (parse, comp, parse + comp))
    print("ratio pyrite/python3.11: %.2f" % ((parse + comp) / py_total))


if __name__ == "__main__":
    main()
