#!/usr/bin/env python3.11
"""Copies CPython's own invalid-source test data into tests/syntax/badsyntax/:
every Lib/test/**/badsyntax_*.py (and the bad_coding*.py encoding cases) of the
reference interpreter, kept only if python3.11's compile() rejects it.

    python3.11 tools/copy_badsyntax.py
"""
import os
import shutil
import sysconfig
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "syntax", "badsyntax")
TESTS = os.path.join(sysconfig.get_path("stdlib"), "test")


def rejected(data, path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            compile(data, path, "exec")
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return True
    return False


def main():
    found = []
    for dirpath, dirnames, filenames in os.walk(TESTS):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(".py") and name.startswith(("badsyntax_", "bad_coding")):
                found.append(os.path.join(dirpath, name))
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    kept = 0
    for path in found:
        with open(path, "rb") as f:
            data = f.read()
        if not rejected(data, path):
            print("accepted, skipped:", os.path.relpath(path, TESTS))
            continue
        folder = os.path.basename(os.path.dirname(path))
        target = os.path.basename(path) if folder == "test" else "%s__%s" % (folder, os.path.basename(path))
        shutil.copyfile(path, os.path.join(OUT, target))
        kept += 1
    print("%d of %d files copied" % (kept, len(found)))


if __name__ == "__main__":
    main()
