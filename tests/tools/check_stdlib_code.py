#!/usr/bin/env python3.11
"""Compiles every .py file of the reference stdlib with pyrite (its own parser and
compiler) and with python3.11, and requires identical code objects: co_code,
co_consts, names, flags, stack size, location and exception tables, nested code
objects (tools/compiler_compare.py does the comparison). Files python3.11 itself
cannot compile are skipped there.
"""
import os
import re
import subprocess
import sys
import sysconfig

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    subprocess.run(["cargo", "build", "--quiet", "--example", "dump_code", "-p", "pyrite-compiler"], cwd=ROOT, check=True)
    stdlib = sysconfig.get_path("stdlib")
    proc = subprocess.run(
        [sys.executable, os.path.join(ROOT, "tools", "compiler_compare.py"), "--pyrite-parser", "--show", "5", stdlib],
        cwd=ROOT, capture_output=True, text=True,
    )
    print(proc.stdout.strip())
    if proc.returncode != 0:
        print(proc.stderr.strip())
    match = re.search(r"(\d+)/(\d+) files identical", proc.stdout)
    ok = proc.returncode == 0 and match is not None and match.group(1) == match.group(2)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
