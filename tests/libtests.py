#!/usr/bin/env python3.11
"""Run CPython's own test modules (Lib/test/test_*.py) under python3.11 and pyrite.

Each module is run as `INTERPRETER -m unittest -v test.<module>` from a scratch
folder, with PYTHONHASHSEED=0 and PYRITE_STDLIB set to the reference stdlib (the
`test` package is part of it). The verbose report on stderr gives each test's
outcome; per module the runner prints how many tests pass under each
interpreter, how many of CPython's passes also pass under pyrite, and whether
pyrite crashed (killed by a signal, a Rust panic, or a timeout). The last line
is the total: pyrite's share of the tests that pass under CPython.

    python3.11 tests/libtests.py                # the default list below
    python3.11 tests/libtests.py test_int test_list -v
    python3.11 tests/libtests.py --show-failures test_int
    python3.11 tests/libtests.py --impl-detail test_traceback

--impl-detail runs the modules with CPython's implementation-detail tests
enabled: test.support.check_impl_detail (behind @cpython_only and
check_impl_detail(cpython=...)) answers as it does on CPython, so pyrite runs
exactly the tests CPython runs (under python3.11 this changes nothing). Those
tests check CPython's own behaviour; pyrite matches much of it (its native
traceback printer through _testcapi.exception_print, for one).

The modules run in parallel (-j, default: the number of cores). This is a
longer check than tests/run.py; README says when to run it.
"""

import argparse
import concurrent.futures
import os
import re
import signal
import subprocess
import sys
import sysconfig
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYRITE = os.path.join(os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target"), "release", "pyrite")
REFERENCE = "python3.11"
MODULE_TIMEOUT = 300

# The core-type, grammar, exception and stdlib modules the issues name, then more of the same kinds.
DEFAULT_MODULES = """
test_int test_float test_long test_list test_tuple test_dict test_set test_unicode test_bytes
test_string test_re test_json test_dataclasses test_enum test_functools test_itertools
test_collections test_math test_struct test_operator test_scope test_class test_generators
test_grammar test_with test_contextlib test_patma test_fstring test_descr test_types
test_exception_group test_except_star test_traceback test_exceptions
test_bool test_range test_slice test_sort test_string_literals test_unary test_augassign
test_keywordonlyarg test_positional_only_arg test_dictviews test_genexps test_listcomps
test_setcomps test_raise test_property test_super test_opcodes test_copy test_heapq test_bisect
test_textwrap test_difflib test_abc test_base64 test_binascii test_zlib test_hashlib test_csv
test_array test_random test_statistics test_fractions test_pprint test_glob test_shutil
test_tempfile test_uuid test_weakref test_pathlib test_argparse test_time test_timeit
test_contextlib_async test_coroutines test_complex test_baseexception test_compile
test_userdict test_userlist test_userstring test_defaultdict test_ordered_dict test_deque
test_builtin test_iter test_isinstance test_format test_memoryview test_bigmem test_typing
""".split()

# Test ids may hold "<locals>" (classes made in a factory function, as test_abc does).
HEADER = re.compile(r"^(\w+) \(([\w.<>]+)\)")
OUTCOME = re.compile(r"(?:^|\.\.\. )(ok|FAIL|ERROR|skipped.*|expected failure|unexpected success)$")


def reference_stdlib():
    return sysconfig.get_path("stdlib")


# Runs `unittest -v test.MODULE` (sys.argv[1:]) after making check_impl_detail take the
# interpreter for CPython; the test modules are imported after the patch, so the
# decorators evaluated at their import see it.
IMPL_DETAIL_BOOTSTRAP = """\
import sys, unittest, test.support as support
def check_impl_detail(**guards):
    guards, default = support._parse_guards(guards)
    return guards.get("cpython", default)
support.check_impl_detail = check_impl_detail
unittest.main(module=None, argv=["python -m unittest"] + sys.argv[1:])
"""


def run_module(interpreter, module, workdir, impl_detail=False):
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYRITE_STDLIB"] = reference_stdlib()
    env.pop("PYTHONSTARTUP", None)
    if impl_detail:
        argv = [interpreter, "-c", IMPL_DETAIL_BOOTSTRAP, "-v", "test." + module]
    else:
        argv = [interpreter, "-m", "unittest", "-v", "test." + module]
    start = time.time()
    try:
        proc = subprocess.run(argv, cwd=workdir, env=env, capture_output=True, timeout=MODULE_TIMEOUT,
                              stdin=subprocess.DEVNULL)
        status, stderr = proc.returncode, proc.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired as exc:
        status, stderr = "timeout", (exc.stderr or b"").decode("utf-8", "replace")
    return status, parse_outcomes(stderr), stderr, time.time() - start


def parse_outcomes(report):
    """{test id: outcome} from unittest's verbose report (an outcome may follow a docstring line)."""
    outcomes, current = {}, None
    for line in report.splitlines():
        header = HEADER.match(line)
        if header:
            current = header.group(2)
            # The same id can run more than once (test_abc runs one factory's classes twice).
            repeat = 1
            while current in outcomes:
                repeat += 1
                current = f"{header.group(2)}#{repeat}"
            line = line[header.end():]
        if current is None:
            continue
        outcome = OUTCOME.search(line)
        if outcome:
            word = outcome.group(1)
            outcomes[current] = "skipped" if word.startswith("skipped") else word
            current = None
    return outcomes


def crashed(status, stderr):
    if status == "timeout":
        return "timeout"
    if isinstance(status, int) and status < 0:
        return "killed by " + signal.Signals(-status).name
    if "panicked at" in stderr:
        return "Rust panic"
    return None


def compare(module, workdir, pyrite, impl_detail):
    ref_status, ref, _, ref_time = run_module(REFERENCE, module, workdir, impl_detail)
    status, got, stderr, time_taken = run_module(pyrite, module, workdir, impl_detail)
    ref_pass = {t for t, o in ref.items() if o in ("ok", "expected failure")}
    got_pass = {t for t, o in got.items() if o in ("ok", "expected failure")}
    return {
        "module": module,
        "reference": len(ref_pass),
        "pyrite": len(got_pass),
        "both": len(ref_pass & got_pass),
        "missing": sorted(ref_pass - got_pass),
        "crash": crashed(status, stderr),
        "no_tests": not got and status not in (0, "timeout"),
        "stderr_tail": stderr.strip().splitlines()[-3:],
        "times": (ref_time, time_taken),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("modules", nargs="*", help="test modules (default: the built-in list)")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("-v", "--verbose", action="store_true", help="show why a module ran no tests")
    parser.add_argument("--pyrite", default=PYRITE, help="the pyrite binary (default: %(default)s)")
    parser.add_argument("--show-failures", action="store_true", help="list CPython-passing tests pyrite fails")
    parser.add_argument("--impl-detail", action="store_true",
                        help="also run the tests guarded by @cpython_only / check_impl_detail(cpython=True)")
    args = parser.parse_args()
    modules = args.modules or DEFAULT_MODULES

    total_ref = total_both = 0
    crashes = []
    with tempfile.TemporaryDirectory(prefix="pyrite-libtests-") as workdir, \
            concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for r in pool.map(lambda m: compare(m, workdir, args.pyrite, args.impl_detail), modules):
            total_ref += r["reference"]
            total_both += r["both"]
            share = f"{100 * r['both'] / r['reference']:5.1f}%" if r["reference"] else "    -"
            note = ""
            if r["crash"]:
                note = f"  CRASH ({r['crash']})"
                crashes.append(r["module"])
            elif r["no_tests"]:
                note = "  (did not run)"
            print(f"{r['module']:28} python3.11 {r['reference']:5}  pyrite {r['pyrite']:5}  "
                  f"both {r['both']:5}  {share}{note}", flush=True)
            if args.verbose and (r["crash"] or r["no_tests"]):
                for line in r["stderr_tail"]:
                    print("    " + line)
            if args.show_failures:
                for test in r["missing"]:
                    print("    not passing: " + test)
    share = 100 * total_both / total_ref if total_ref else 0.0
    print(f"\nTOTAL: {total_both} of the {total_ref} tests passing under python3.11 pass under pyrite "
          f"({share:.1f}%) across {len(modules)} modules; {len(crashes)} crashed")
    sys.exit(1 if crashes else 0)


if __name__ == "__main__":
    main()
