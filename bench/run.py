#!/usr/bin/env python3.11
"""Benchmark runner: each program in bench/ (or those named) runs under the
`pyrite` binary and under python3.11 alternately, several times; outputs must
agree. Prints per program the median time ratio pyrite/CPython (below 1: pyrite
is faster) and both peak RSS figures, then the geometric means of the time and
RSS ratios. Quote ratios, never absolute times: these machines are shared.

    python3.11 bench/run.py [-n RUNS] [--no-build] [PROGRAM.py ...]
"""
import argparse
import math
import os
import statistics
import subprocess
import sysconfig
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
PYRITE = os.path.join(os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target"), "release", "pyrite")
# Not programs: the runners themselves.
RUNNERS = {"run.py", "parse_stdlib.py", "compile_stdlib.py"}


TIME = "/usr/bin/time"


def cpython_binary():
    """The python3.11 interpreter itself, not a launcher in front of it: a
    version manager's shim (pyenv's is a shell script) would add its own
    start-up time to every CPython run and flatter pyrite."""
    if sys.version_info[:2] == (3, 11) and sys.executable:
        return sys.executable
    out = subprocess.run(["python3.11", "-c", "import sys; print(sys.executable)"], capture_output=True, text=True)
    return out.stdout.strip() or "python3.11"


def bench_env():
    """Both interpreters read the same stdlib (the reference's), and both keep
    compiled-code caches as a default installation does: CPython's stdlib ships
    with its .pyc files, pyrite writes its own on the untimed first run of each
    program (so PYTHONDONTWRITEBYTECODE, if set here, is dropped)."""
    env = dict(os.environ)
    env["PYRITE_STDLIB"] = sysconfig.get_path("stdlib")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def measure(argv, cwd):
    """Wall time, peak RSS (KiB) and (status, stdout, stderr) of one run.
    Linux keeps a process's peak RSS across exec, so a child forked from this
    Python process would report at least this process's size: GNU time, a small
    program, does the fork and reports the child's own peak."""
    with tempfile.NamedTemporaryFile("r") as rss_file:
        start = time.perf_counter()
        proc = subprocess.run([TIME, "-f", "%M", "-o", rss_file.name, *argv], cwd=cwd, capture_output=True, env=bench_env())
        elapsed = time.perf_counter() - start
        peak = int(rss_file.read().strip().splitlines()[-1] or 0)
        return elapsed, peak, (proc.returncode, proc.stdout, proc.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("programs", nargs="*")
    parser.add_argument("-n", "--runs", type=int, default=5)
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    if not os.path.exists(TIME):
        sys.exit("bench/run.py needs GNU time (/usr/bin/time, Debian package `time`) to measure peak RSS")
    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    programs = args.programs or sorted(
        os.path.join(BENCH, f) for f in os.listdir(BENCH) if f.endswith(".py") and f not in RUNNERS
    )
    cpython = cpython_binary()
    time_ratios, rss_ratios = [], []
    print(f"{'program':24} {'time ratio':>10} {'pyrite RSS':>11} {'CPython RSS':>12}  (pyrite/CPython, median of {args.runs})")
    for path in programs:
        cwd, name = os.path.split(os.path.abspath(path))
        times = {"pyrite": [], "cpython": []}
        rss = {"pyrite": 0, "cpython": 0}
        outputs = {}
        for argv in ([PYRITE, name], [cpython, name]):
            measure(argv, cwd)  # untimed: fills the compiled-code caches
        for _ in range(args.runs):
            for key, argv in (("pyrite", [PYRITE, name]), ("cpython", [cpython, name])):
                elapsed, peak, result = measure(argv, cwd)
                times[key].append(elapsed)
                rss[key] = max(rss[key], peak)
                outputs[key] = result
        if outputs["pyrite"] != outputs["cpython"]:
            print(f"{name:24} WRONG: output differs from python3.11")
            continue
        ratio = statistics.median(times["pyrite"]) / statistics.median(times["cpython"])
        rss_ratio = rss["pyrite"] / rss["cpython"]
        time_ratios.append(ratio)
        rss_ratios.append(rss_ratio)
        print(f"{name:24} {ratio:10.2f} {rss['pyrite'] / 1024:9.1f}MB {rss['cpython'] / 1024:10.1f}MB")
    if time_ratios:
        geo = lambda xs: math.exp(sum(map(math.log, xs)) / len(xs))
        print(f"{'geometric mean':24} {geo(time_ratios):10.2f}   RSS ratio {geo(rss_ratios):.2f}")


if __name__ == "__main__":
    main()
