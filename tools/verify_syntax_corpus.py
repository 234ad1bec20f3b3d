#!/usr/bin/env python3.11
"""Checks that every case under tests/syntax/ is rejected by python3.11 before
running any code: `python3.11 FILE` (from the file's folder) must exit with
status 1, print nothing on stdout and end its stderr with a SyntaxError-family
(or compile-time RecursionError/MemoryError/ValueError) line.

    python3.11 tools/verify_syntax_corpus.py [SUBDIR ...]
"""
import concurrent.futures
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASE = os.path.join(ROOT, "tests", "syntax")
KINDS = (b"SyntaxError", b"IndentationError", b"TabError", b"RecursionError", b"MemoryError", b"ValueError")


def check(path):
    proc = subprocess.run(["python3.11", os.path.basename(path)], cwd=os.path.dirname(path),
                          capture_output=True, timeout=60)
    last = proc.stderr.rstrip(b"\n").split(b"\n")[-1]
    ok = proc.returncode == 1 and not proc.stdout and last.startswith(KINDS) and b"Traceback" not in proc.stderr
    return path, ok, proc.returncode, last


def main():
    dirs = [os.path.join(BASE, d) for d in sys.argv[1:]] or [BASE]
    paths = []
    for d in dirs:
        for dirpath, dirnames, filenames in os.walk(d):
            paths += [os.path.join(dirpath, n) for n in sorted(filenames) if n.endswith(".py")]
    bad = 0
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        for path, ok, code, last in pool.map(check, sorted(paths)):
            if not ok:
                bad += 1
                print("NOT REJECTED AT COMPILE TIME: %s (exit %d): %r" % (os.path.relpath(path, ROOT), code, last))
    print("%d cases, %d bad" % (len(paths), bad))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
