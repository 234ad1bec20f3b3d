#!/usr/bin/env python3.11
"""Specialization over the whole bench suite: runs every program of bench/
(or those named) under `pyrite -X specstats`, adds up the per-family
statistics it prints at exit and shows each family's hit rate (hits over
hits + misses + generic executions), then the hits of each specialized form. With --nospecialize it also times each
program with `-X nospecialize` and with specialization on (alternately,
median of --runs) and prints the geometric mean of the time ratios
nospecialize/specialized (above 1: specialization pays).

    python3.11 bench/specstats.py [--nospecialize] [-n RUNS] [PROGRAM.py ...]
"""
import argparse
import math
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402  (the runner: PYRITE, BENCH, RUNNERS, bench_env)

FIELDS = ("attempts", "successes", "hits", "misses", "deopts", "generic")


def parse_report(stderr):
    """{family: {field: count}} from the table `-X specstats` prints."""
    lines = stderr.splitlines()
    try:
        start = lines.index("pyrite specialization statistics")
    except ValueError:
        return {}
    table = {}
    for line in lines[start + 2:]:
        parts = line.split()
        if len(parts) != len(FIELDS) + 2 or not parts[1].isdigit():
            break
        table[parts[0]] = dict(zip(FIELDS, map(int, parts[1:-1])))
    return table


def parse_forms(stderr):
    """{form: hits} from the per-form lines after the family table."""
    lines = stderr.splitlines()
    try:
        start = next(i for i, l in enumerate(lines) if l.startswith("specialized forms (hits"))
    except StopIteration:
        return {}
    forms = {}
    for line in lines[start + 1:]:
        parts = line.split()
        if len(parts) != 2 or not parts[1].isdigit():
            break
        forms[parts[0]] = int(parts[1])
    return forms


def timed(argv, cwd):
    start = time.perf_counter()
    subprocess.run(argv, cwd=cwd, capture_output=True, env=run.bench_env())
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("programs", nargs="*")
    parser.add_argument("--nospecialize", action="store_true")
    parser.add_argument("-n", "--runs", type=int, default=1)
    args = parser.parse_args()
    programs = args.programs or sorted(
        os.path.join(run.BENCH, f) for f in os.listdir(run.BENCH) if f.endswith(".py") and f not in run.RUNNERS
    )
    totals = {}
    form_totals = {}
    ratios = []
    for path in programs:
        cwd, name = os.path.split(os.path.abspath(path))
        proc = subprocess.run([run.PYRITE, "-X", "specstats", name], cwd=cwd, capture_output=True, text=True,
                              env=run.bench_env())
        for family, counts in parse_report(proc.stderr).items():
            acc = totals.setdefault(family, dict.fromkeys(FIELDS, 0))
            for k, v in counts.items():
                acc[k] += v
        for form, hits in parse_forms(proc.stderr).items():
            form_totals[form] = form_totals.get(form, 0) + hits
        if args.nospecialize:
            on, off = [], []
            for _ in range(args.runs):
                on.append(timed([run.PYRITE, name], cwd))
                off.append(timed([run.PYRITE, "-X", "nospecialize", name], cwd))
            ratio = statistics.median(off) / statistics.median(on)
            ratios.append(ratio)
            print(f"{name:24} nospecialize/specialized {ratio:.2f}")
    print(f"{'family':16} {'hits':>12} {'misses':>10} {'generic':>10} {'deopts':>8}  hit%")
    for family, c in totals.items():
        executed = c["hits"] + c["misses"] + c["generic"]
        pct = 100.0 * c["hits"] / executed if executed else 0.0
        print(f"{family:16} {c['hits']:12} {c['misses']:10} {c['generic']:10} {c['deopts']:8}  {pct:5.1f}%")
    if form_totals:
        print("hits per specialized form (* beyond 3.11's opcodes):")
        for form, hits in sorted(form_totals.items(), key=lambda kv: -kv[1]):
            print(f"  {form:36} {hits:12}")
    if ratios:
        geo = math.exp(sum(map(math.log, ratios)) / len(ratios))
        print(f"geometric mean of nospecialize/specialized time: {geo:.2f}")


if __name__ == "__main__":
    main()
