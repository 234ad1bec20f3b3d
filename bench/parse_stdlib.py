#!/usr/bin/env python3.11
"""Front-end speed: parse every .py file of the reference stdlib with CPython's
`compile(src, path, 'exec', ast.PyCF_ONLY_AST)` and with pyrite's parser, in one
process each (file reads excluded from both), and print the ratio pyrite/CPython.
Several alternating rounds; medians are compared.

    python3.11 bench/parse_stdlib.py [--rounds N]
"""
import argparse
import ast
import os
import statistics
import subprocess
import sys
import sysconfig
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "tools"))
from check_stdlib_ast import stdlib_files  # noqa: E402


def cpython_round(sources):
    start = time.perf_counter()
    for path, src in sources:
        try:
            compile(src, path, "exec", ast.PyCF_ONLY_AST)
        except (SyntaxError, ValueError):
            pass
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "parse_files", "-p", "pyrite-syntax"], cwd=ROOT, check=True)
    tool = os.path.join(ROOT, "target", "release", "examples", "parse_files")
    files = stdlib_files(sysconfig.get_path("stdlib"))
    sources = []
    for path in files:
        with open(path, "rb") as f:
            sources.append((path, f.read()))
    listing = "\n".join(files).encode()
    cpython, pyrite = [], []
    for _ in range(args.rounds):
        cpython.append(cpython_round(sources))
        out = subprocess.run([tool, "-"], input=listing, capture_output=True, check=True).stdout.split()
        pyrite.append(float(out[0]))
    c, p = statistics.median(cpython), statistics.median(pyrite)
    print(f"parse all {len(files)} stdlib files ({sum(len(s) for _, s in sources) / 1e6:.1f} MB), median of {args.rounds} rounds")
    print(f"  pyrite/CPython time ratio: {p / c:.2f}  (pyrite failed on {out[2].decode()} files)")


if __name__ == "__main__":
    main()
