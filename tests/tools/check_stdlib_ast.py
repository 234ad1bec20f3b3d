#!/usr/bin/env python3.11
"""Parses every .py file of the reference stdlib (Lib/ recursively, Lib/test
included, site-packages excluded) with python3.11 and with pyrite.

- Files CPython accepts: `pyrite -X dump-ast FILE` must print exactly
  `ast.dump(ast.parse(open(FILE, 'rb').read(), FILE), include_attributes=True)`.
- Files CPython rejects: `pyrite FILE` must print what `python3.11 FILE` prints
  (the SyntaxError display) with the same exit status. Running a rejected file
  is safe: nothing in it executes.

Files listed in stdlib_ast_known_failures.txt (path relative to the stdlib, then
' # reason') may differ; any other difference, or a listed file that now
matches, fails the check. The match rate must stay at or above 99.5%.
"""

import argparse
import ast
import concurrent.futures
import os
import subprocess
import sys
import sysconfig
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import run as test_runner  # noqa: E402  (tests/run.py: the shared known-failures reader)
KNOWN = os.path.join(HERE, "stdlib_ast_known_failures.txt")
REQUIRED_RATE = 0.995


def stdlib_files(stdlib):
    files = []
    for dirpath, dirnames, filenames in os.walk(stdlib):
        dirnames[:] = sorted(d for d in dirnames if d not in ("site-packages", "__pycache__"))
        files.extend(os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".py"))
    return files


def reference_dump(path):
    """CPython's dump, or None when CPython rejects the file."""
    with open(path, "rb") as f:
        source = f.read()
    try:
        return ast.dump(ast.parse(source, path), include_attributes=True) + "\n"
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def run(argv, cwd=None):
    try:
        proc = subprocess.run(argv, capture_output=True, cwd=cwd, timeout=120)
        return proc.returncode, proc.stdout, proc.stderr
    except subprocess.TimeoutExpired:
        return "timeout", b"", b""


def compare(pyrite, path):
    expected = reference_dump(path)
    if expected is not None:
        code, out, err = run([pyrite, "-X", "dump-ast", path])
        if code == 0 and out == expected.encode("utf-8", "surrogateescape"):
            return path, True, ""
        detail = err.decode("utf-8", "replace").strip().splitlines()[-1:] if code != 0 else first_difference(expected, out.decode("utf-8", "replace"))
        return path, False, f"dump differs: {detail}"
    cwd, name = os.path.split(path)
    want = run([sys.executable, name], cwd)
    got = run([pyrite, name], cwd)
    if want == got:
        return path, True, ""
    return path, False, "error output differs: python3.11 %r / pyrite %r" % (want[2][-200:], got[2][-200:])


def first_difference(expected, actual):
    i = next((i for i, (a, b) in enumerate(zip(expected, actual)) if a != b), min(len(expected), len(actual)))
    return f"at char {i}: python3.11 ...{expected[max(0, i - 60):i + 60]!r} / pyrite ...{actual[max(0, i - 60):i + 60]!r}"


def load_known():
    return test_runner.load_known_failures(KNOWN)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pyrite", required=True)
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--write-known", action="store_true", help="rewrite the known-failures list from this run")
    args = parser.parse_args()
    args.pyrite = os.path.abspath(args.pyrite)

    stdlib = sysconfig.get_path("stdlib")
    files = stdlib_files(stdlib)
    known = load_known()
    start = time.time()
    failed, unexpected = {}, []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for path, ok, detail in pool.map(lambda p: compare(args.pyrite, p), files):
            rel = os.path.relpath(path, stdlib)
            if ok and rel in known:
                unexpected.append(rel)
            elif not ok:
                failed[rel] = detail
    matched = len(files) - len(failed)
    rate = matched / len(files)
    print(f"stdlib AST/errors: {matched}/{len(files)} files match python3.11 ({rate:.2%}) in {time.time() - start:.0f}s")
    new = {rel: d for rel, d in failed.items() if rel not in known}
    for rel, detail in sorted(new.items()):
        print(f"FAIL {rel}: {detail}")
    for rel in unexpected:
        print(f"UNEXPECTED PASS {rel}: remove it from {os.path.basename(KNOWN)}")
    if args.write_known:
        with open(KNOWN, "w", encoding="utf-8") as f:
            f.write("# Reference-stdlib files whose AST dump or error output differs from python3.11, with the reason.\n")
            for rel in sorted(failed):
                f.write(f"{rel} # {known.get(rel, 'not yet investigated')}\n")
    ok = not new and not unexpected and rate >= REQUIRED_RATE
    if rate < REQUIRED_RATE:
        print(f"match rate {rate:.2%} is below the required {REQUIRED_RATE:.1%}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
