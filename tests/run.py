#!/usr/bin/env python3.11
"""pyrite's test runner: builds pyrite, runs the Rust unit tests, then every
differential case and whole-library check.

A case is any .py file under tests/<area>/ (folders and files whose name starts
with '_' are support code, not cases). It is run as `python3.11 FILE` and as
`pyrite FILE` from its own folder, with PYTHONHASHSEED=0 and PYRITE_STDLIB set to
the reference interpreter's stdlib; stdout, stderr and the exit status must be
identical. Expected output always comes from python3.11 at test time.

A case listed in tests/known_failures.txt (path, then ' # reason') is expected to
differ; it fails the run if it starts to match, so the list stays true.

A case may have a sidecar NAME.cli next to NAME.py that says how to run it
(for the command line itself, tests/cli/); one directive per line, '#' starts
a comment:

    args: -q -i NAME.py x y    the arguments after the interpreter (shlex
                               syntax; default: the case's file name)
    stdin: NAME.in             a file of the case's folder fed to stdin
                               (default: empty input)
    env: NAME=value            set for both interpreters (`env: -NAME` unsets)

Such a case runs as `python3.11 ARGS` (by python3.11's full path, its
sys.executable) and `pyrite ARGS`; where python3.11 prints its own program
name (usage lines, "can't open file" messages) the expected output has
pyrite's path instead.

Checks over the whole reference stdlib live in tests/tools/ and run after the
cases (see stdlib_ast.py).

    python3.11 tests/run.py                 # everything
    python3.11 tests/run.py syntax/hand     # cases whose path contains this
    python3.11 tests/run.py --no-build --no-unit --no-checks -v
"""

import argparse
import concurrent.futures
import difflib
import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTS = os.path.join(ROOT, "tests")
PYRITE = os.path.join(os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target"), "release", "pyrite")
REFERENCE = "python3.11"
KNOWN_FAILURES = os.path.join(TESTS, "known_failures.txt")
CASE_TIMEOUT = 60


def reference_stdlib():
    return sysconfig.get_path("stdlib")


def case_env():
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYRITE_STDLIB"] = reference_stdlib()
    env.pop("PYTHONSTARTUP", None)
    # Neither interpreter caches the cases' modules (see remove_case_caches).
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def remove_case_caches():
    """Compiled-code caches beside the cases would make an interpreter skip
    compiling (and so skip printing compile-time warnings) depending on what
    earlier runs left behind; cases start from none."""
    for dirpath, dirnames, _ in os.walk(TESTS):
        if "__pycache__" in dirnames:
            dirnames.remove("__pycache__")
            shutil.rmtree(os.path.join(dirpath, "__pycache__"), ignore_errors=True)


def find_cases(filters):
    cases = []
    for dirpath, dirnames, filenames in os.walk(TESTS):
        rel_dir = os.path.relpath(dirpath, TESTS)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(("_", ".")) and not (rel_dir == "." and d == "tools"))
        if rel_dir == ".":
            continue
        for name in sorted(filenames):
            if name.endswith(".py") and not name.startswith("_"):
                rel = os.path.join(rel_dir, name)
                if not filters or any(f in rel for f in filters):
                    cases.append(rel)
    return cases


def load_known_failures(path=KNOWN_FAILURES):
    """A known-failures list: {path: reason} from lines "path # reason"."""
    known = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#"):
                    path, _, reason = line.partition(" # ")
                    known[path.strip()] = reason.strip()
    return known


def run_one(argv, cwd, stdin_path=None, env_changes=(), use_stdin=False):
    env = case_env()
    for name, value in env_changes:
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    stdin = None
    try:
        if use_stdin:
            stdin = open(os.path.join(cwd, stdin_path), "rb") if stdin_path else subprocess.DEVNULL
        proc = subprocess.run(argv, cwd=cwd, env=env, stdin=stdin, capture_output=True, timeout=CASE_TIMEOUT)
        return proc.returncode, proc.stdout, proc.stderr
    except subprocess.TimeoutExpired as exc:
        return "timeout", exc.stdout or b"", exc.stderr or b""
    finally:
        if stdin not in (None, subprocess.DEVNULL):
            stdin.close()


def read_sidecar(path):
    """The directives of a case's NAME.cli file: (args, stdin file, env changes)."""
    args, stdin_path, env_changes = None, None, []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            key, sep, value = line.partition(":")
            value = value.strip()
            if not sep or key not in ("args", "stdin", "env"):
                raise ValueError(f"{path}:{lineno}: expected 'args:', 'stdin:' or 'env:'")
            if key == "args":
                args = shlex.split(value)
            elif key == "stdin":
                stdin_path = value
            elif value.startswith("-"):
                env_changes.append((value[1:], None))
            else:
                name, _, val = value.partition("=")
                env_changes.append((name, val))
    return args, stdin_path, env_changes


_reference_executable = None


def reference_executable():
    """python3.11's own path. Sidecar cases run it by that path, so that the
    program name it prints (its argv[0]) is that path, as sys.executable."""
    global _reference_executable
    if _reference_executable is None:
        out = subprocess.run([REFERENCE, "-c", "import sys; print(sys.executable)"], capture_output=True, text=True)
        _reference_executable = out.stdout.strip() or REFERENCE
    return _reference_executable


def run_case(rel):
    path = os.path.join(TESTS, rel)
    cwd, name = os.path.split(path)
    sidecar = path[:-3] + ".cli"
    if not os.path.exists(sidecar):
        expected = run_one([REFERENCE, name], cwd)
        actual = run_one([PYRITE, name], cwd)
        return rel, expected, actual
    args, stdin_path, env_changes = read_sidecar(sidecar)
    if args is None:
        args = [name]
    reference = reference_executable()
    expected = run_one([reference] + args, cwd, stdin_path, env_changes, use_stdin=True)
    actual = run_one([PYRITE] + args, cwd, stdin_path, env_changes, use_stdin=True)
    # python3.11 names itself where pyrite names itself.
    ref, own = reference.encode(), PYRITE.encode()
    expected = (expected[0],) + tuple(out.replace(ref, own) for out in expected[1:])
    return rel, expected, actual


def describe_difference(expected, actual, limit=40):
    lines = []
    labels = ("exit status", "stdout", "stderr")
    for label, exp, act in zip(labels, expected, actual):
        if exp == act:
            continue
        if label == "exit status":
            lines.append(f"  exit status: python3.11 {exp}, pyrite {act}")
            continue
        diff = difflib.unified_diff(
            exp.decode("utf-8", "replace").splitlines(),
            act.decode("utf-8", "replace").splitlines(),
            "python3.11 " + label,
            "pyrite " + label,
            lineterm="",
        )
        diff = list(diff)
        lines.extend("  " + d for d in diff[:limit])
        if len(diff) > limit:
            lines.append(f"  ... {len(diff) - limit} more diff lines")
    return "\n".join(lines)


def run_cases(cases, jobs, verbose, prune_known=False):
    known = load_known_failures()
    failures, unexpected_passes, known_seen = [], [], 0
    by_area = {}
    start = time.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for rel, expected, actual in pool.map(run_case, cases):
            area = rel.split(os.sep)[0]
            passed = expected == actual
            stats = by_area.setdefault(area, [0, 0])
            stats[0] += passed
            stats[1] += 1
            if rel in known:
                known_seen += 1
                if passed:
                    unexpected_passes.append(rel)
                continue
            if not passed:
                failures.append(rel)
                print(f"FAIL {rel}\n{describe_difference(expected, actual)}", flush=True)
            elif verbose:
                print(f"ok   {rel}", flush=True)
    elapsed = time.time() - start
    print(f"\n{len(cases)} cases in {elapsed:.0f}s:")
    for area, (ok, total) in sorted(by_area.items()):
        print(f"  {area:20} {ok}/{total} match python3.11")
    if known_seen:
        print(f"  ({known_seen} listed in tests/known_failures.txt)")
    for rel in unexpected_passes:
        print(f"UNEXPECTED PASS {rel}: remove it from tests/known_failures.txt (--prune-known does)")
    if prune_known and unexpected_passes:
        remove_known(unexpected_passes)
        print(f"removed {len(unexpected_passes)} entries from tests/known_failures.txt")
        unexpected_passes = []
    return not failures and not unexpected_passes


def remove_known(paths):
    with open(KNOWN_FAILURES, encoding="utf-8") as f:
        lines = f.readlines()
    with open(KNOWN_FAILURES, "w", encoding="utf-8") as f:
        f.writelines(line for line in lines if line.partition(" # ")[0].strip() not in paths)


def run_checks(filters):
    """The whole-library checks of tests/tools/check_*.py, each a script exiting 0 on success."""
    tools = os.path.join(TESTS, "tools")
    ok = True
    for name in sorted(os.listdir(tools)):
        if name.startswith("check_") and name.endswith(".py") and (not filters or any(f in name for f in filters)):
            print(f"\n== {name}", flush=True)
            proc = subprocess.run([sys.executable, os.path.join(tools, name), "--pyrite", PYRITE], env=case_env())
            ok = ok and proc.returncode == 0
    return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("filters", nargs="*", help="run only cases whose path contains one of these")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--no-unit", action="store_true", help="skip the Rust unit tests")
    parser.add_argument("--no-checks", action="store_true", help="skip the whole-stdlib checks")
    parser.add_argument("--no-cases", action="store_true", help="skip the differential cases")
    parser.add_argument("--prune-known", action="store_true", help="drop cases that now match from tests/known_failures.txt")
    args = parser.parse_args()

    ok = True
    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    if not args.no_unit:
        print("== cargo test", flush=True)
        # The dev profile keeps overflow checks on, which the fuzz test relies on.
        ok = subprocess.run(["cargo", "test", "--quiet", "--workspace"], cwd=ROOT).returncode == 0 and ok
    if not args.no_cases:
        remove_case_caches()
        ok = run_cases(find_cases(args.filters), args.jobs, args.verbose, args.prune_known) and ok
    if not args.no_checks:
        ok = run_checks(args.filters) and ok
    print("\nPASS" if ok else "\nFAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
