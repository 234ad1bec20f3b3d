#!/usr/bin/env python3.11
"""Differential test of pyrite's VM against python3.11 on small programs.

Each PROGRAM.py runs under `python3.11 PROGRAM.py` and, compiled by
python3.11 and exported (tools/vm_export_code.py), under pyrite's VM
(`run_exported`), both from the program's own folder with PYTHONHASHSEED=0.
With --source, pyrite's own parser and compiler compile the program instead
(`run_source`). stdout, stderr and exit status must match byte for byte.

Usage: vm_compare.py [--release] [--no-build] [--source] [--binary EXAMPLE] [-v] [PATHS...]
PATHS are .py files or folders (default: tests/core).
"""
import argparse
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXPORT = os.path.join(ROOT, "tools", "vm_export_code.py")
DEFAULT = os.path.join(ROOT, "tests", "core")


def target_dir():
    return os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))


def build(release, example):
    cmd = ["cargo", "build", "-j2", "-q", "-p", "pyrite-vm", "--example", example]
    if release:
        cmd.append("--release")
    subprocess.run(cmd, cwd=ROOT, check=True)
    return os.path.join(target_dir(), "release" if release else "debug", "examples", example)


def collect(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            for dirpath, _, names in os.walk(p):
                files.extend(os.path.join(dirpath, n) for n in sorted(names) if n.endswith(".py"))
        else:
            files.append(p)
    return sorted(files)


def run_one(binary, path, timeout, source=False):
    folder, name = os.path.split(os.path.abspath(path))
    env = dict(os.environ, PYTHONHASHSEED="0")
    ref = subprocess.run([sys.executable, name], cwd=folder, env=env, capture_output=True, timeout=timeout)
    if source:
        got = subprocess.run([binary, name], cwd=folder, env=env, capture_output=True, timeout=timeout)
        return got, ref, None
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tmp:
        json_path = tmp.name
    try:
        exp = subprocess.run([sys.executable, EXPORT, name, json_path, "--filename", os.path.join(folder, name)], cwd=folder, env=env, capture_output=True)
        if exp.returncode != 0:
            return None, ref, exp
        got = subprocess.run([binary, json_path], cwd=folder, env=env, capture_output=True, timeout=timeout)
    finally:
        os.unlink(json_path)
    return got, ref, None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=[DEFAULT])
    ap.add_argument("--release", action="store_true")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--source", action="store_true", help="compile with pyrite's compiler (run_source)")
    ap.add_argument("--binary", help="the example binary to use (implies --no-build)")
    args = ap.parse_args()
    example = "run_source" if args.source else "run_exported"
    if args.binary:
        binary = args.binary
    elif args.no_build:
        binary = os.path.join(target_dir(), "release" if args.release else "debug", "examples", example)
    else:
        binary = build(args.release, example)
    files = collect(args.paths)
    failed = []
    for f in files:
        rel = os.path.relpath(f, ROOT)
        try:
            got, ref, exp_err = run_one(binary, f, args.timeout, args.source)
        except subprocess.TimeoutExpired:
            failed.append(rel)
            print(f"TIMEOUT {rel}")
            continue
        if exp_err is not None:
            failed.append(rel)
            print(f"EXPORT FAILED {rel}\n{exp_err.stderr.decode(errors='replace')}")
            continue
        same = (got.stdout, got.stderr, got.returncode) == (ref.stdout, ref.stderr, ref.returncode)
        if same:
            if args.verbose:
                print(f"ok   {rel}")
            continue
        failed.append(rel)
        print(f"FAIL {rel}")
        if args.verbose:
            for what, a, b in (("stdout", ref.stdout, got.stdout), ("stderr", ref.stderr, got.stderr)):
                if a != b:
                    import difflib
                    diff = difflib.unified_diff(
                        a.decode(errors="replace").splitlines(), b.decode(errors="replace").splitlines(),
                        f"python3.11 {what}", f"pyrite {what}", lineterm="", n=2)
                    print("\n".join(list(diff)[:60]))
            if ref.returncode != got.returncode:
                print(f"exit status: python3.11 {ref.returncode}, pyrite {got.returncode}")
    print(f"{len(files) - len(failed)}/{len(files)} programs match python3.11")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
