#!/usr/bin/env python3.11
"""Speed of pyrite's VM against python3.11 on the programs in crates/vm/benches/programs.

Each program is compiled by python3.11 and exported (tools/vm_export_code.py),
then run alternately under the release `run_exported` and under python3.11,
N times each. Prints each program's median times and the ratio
python3.11 / pyrite (above 1: pyrite is faster), and the geometric mean.
Outputs must match, else the benchmark is reported as wrong.

Usage: vm_bench.py [-n RUNS] [--no-build] [PROGRAMS...]
"""
import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXPORT = os.path.join(ROOT, "tools", "vm_export_code.py")
DEFAULT = os.path.join(ROOT, "crates", "vm", "benches", "programs")


def timed(cmd, cwd, env):
    t0 = time.perf_counter()
    r = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True)
    return time.perf_counter() - t0, r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("programs", nargs="*")
    ap.add_argument("-n", type=int, default=5)
    ap.add_argument("--no-build", action="store_true")
    args = ap.parse_args()
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    if not args.no_build:
        subprocess.run(["cargo", "build", "-j2", "-q", "--release", "-p", "pyrite-vm", "--example", "run_exported"], cwd=ROOT, check=True)
    binary = os.path.join(target, "release", "examples", "run_exported")
    progs = args.programs or sorted(os.path.join(DEFAULT, p) for p in os.listdir(DEFAULT) if p.endswith(".py"))
    env = dict(os.environ, PYTHONHASHSEED="0")
    ratios = []
    print(f"{'program':<16}{'python3.11':>12}{'pyrite':>10}{'ratio':>8}")
    for p in progs:
        folder, name = os.path.split(os.path.abspath(p))
        with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tmp:
            jpath = tmp.name
        subprocess.run([sys.executable, EXPORT, name, jpath, "--filename", os.path.join(folder, name)], cwd=folder, env=env, check=True)
        ref_t, pyr_t = [], []
        ok = True
        for _ in range(args.n):
            t, r1 = timed([sys.executable, name], folder, env)
            ref_t.append(t)
            t, r2 = timed([binary, jpath], folder, env)
            pyr_t.append(t)
            ok &= (r1.stdout, r1.returncode) == (r2.stdout, r2.returncode)
        os.unlink(jpath)
        a, b = statistics.median(ref_t), statistics.median(pyr_t)
        ratio = a / b
        ratios.append(ratio)
        print(f"{os.path.splitext(name)[0]:<16}{a:>11.3f}s{b:>9.3f}s{ratio:>8.2f}{'' if ok else '  OUTPUT DIFFERS'}")
    if ratios:
        print(f"{'geometric mean':<38}{math.exp(sum(map(math.log, ratios)) / len(ratios)):>8.2f}")


if __name__ == "__main__":
    main()
