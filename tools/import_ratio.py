#!/usr/bin/env python3.11
"""Time `import asyncio, typing, dataclasses, enum, re, json` under pyrite and python3.11.

Runs `INTERPRETER -c "import ..."` alternately (pyrite first, then python3.11,
ROUNDS times) after one warm-up run each, so both compiled-code caches are
warm, with PYRITE_STDLIB set to the reference stdlib, and prints the median
wall time ratio pyrite/CPython (below 1: pyrite is faster). Quote the ratio,
not the times: the shared machines drift.

    python3.11 tools/import_ratio.py [--rounds N] [--pyrite PATH]
"""

import argparse
import os
import statistics
import subprocess
import sysconfig
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYRITE = os.path.join(os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target"), "release", "pyrite")
STATEMENT = "import asyncio, typing, dataclasses, enum, re, json"


def timed(argv, env):
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--pyrite", default=PYRITE)
    args = parser.parse_args()
    env = dict(os.environ)
    env["PYRITE_STDLIB"] = sysconfig.get_path("stdlib")
    env.pop("PYTHONSTARTUP", None)
    # The warm-up runs must be able to write the caches they then use.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    commands = {"pyrite": [args.pyrite, "-c", STATEMENT], "python3.11": ["python3.11", "-c", STATEMENT]}
    for argv in commands.values():
        timed(argv, env)
    times = {name: [] for name in commands}
    for _ in range(args.rounds):
        for name, argv in commands.items():
            times[name].append(timed(argv, env))
    ratio = statistics.median(times["pyrite"]) / statistics.median(times["python3.11"])
    print(f"{STATEMENT}: median ratio pyrite/python3.11 = {ratio:.2f} over {args.rounds} rounds")


if __name__ == "__main__":
    main()
