#!/usr/bin/env python3.11
"""Compare pyrite's compiler with python3.11's on a set of files.

Usage:
  compiler_compare.py FILE_OR_DIR... [--show N] [--keep DIR] [--optimize N] [--pyrite-parser]
                      [--snippets single|eval]

For every .py file, python3.11 exports the AST (tools/compiler_ast_export.py)
and dumps its own code objects (tools/compiler_dump_reference.py); pyrite's
`dump_code --batch` compiles the exported ASTs; the dumps are compared line
for line. Prints the percentage of files whose whole dump is identical, and
the first differing lines of up to N failing files. With --pyrite-parser,
pyrite parses the sources itself instead of reading python3.11's AST.
With --snippets single, every top-level statement of every file becomes a case
compiled in 'single' (interactive) mode; with --snippets eval, every top-level
expression statement's expression becomes a case compiled in 'eval' mode.
"""
import difflib
import os
import warnings
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import compiler_ast_export as exporter  # noqa: E402
import compiler_dump_reference as reference  # noqa: E402

ROOT = os.path.dirname(HERE)
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
DUMP = os.path.join(TARGET, "debug", "examples", "dump_code")


def collect(paths):
    out = []
    for p in paths:
        if os.path.isdir(p):
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames.sort()
                if "site-packages" in dirnames and not p.rstrip("/").endswith("site-packages"):
                    dirnames.remove("site-packages")
                for f in sorted(filenames):
                    if f.endswith(".py"):
                        out.append(os.path.join(dirpath, f))
        else:
            out.append(p)
    return out


def split_snippets(files, mode, outdir):
    """Writes each top-level statement (or expression) of `files` to its own file."""
    import ast
    os.makedirs(outdir, exist_ok=True)
    out = []
    for path in files:
        try:
            src = open(path, encoding="utf-8").read()
            tree = ast.parse(src)
        except (SyntaxError, ValueError, UnicodeDecodeError, RecursionError, MemoryError):
            continue
        for st in tree.body:
            node = st
            if mode == "eval":
                if not isinstance(st, ast.Expr):
                    continue
                node = st.value
            seg = ast.get_source_segment(src, node)
            if seg is None:
                continue
            if mode == "eval":
                seg = "(" + seg + ")"
            name = os.path.join(outdir, "%d.py" % len(out))
            with open(name, "w", encoding="utf-8") as f:
                f.write(seg + "\n")
            out.append(name)
    return out


def main():
    args = sys.argv[1:]
    show = 5
    keep = None
    optimize = 0
    paths = []
    own_parser = False
    snippets = None
    while args:
        a = args.pop(0)
        if a == "--show":
            show = int(args.pop(0))
        elif a == "--keep":
            keep = args.pop(0)
        elif a == "--snippets":
            snippets = args.pop(0)
        elif a == "--pyrite-parser":
            own_parser = True
        elif a == "--optimize":
            optimize = int(args.pop(0))
        else:
            paths.append(a)
    files = collect(paths)
    if keep:
        os.makedirs(keep, exist_ok=True)
        compare(files, keep, snippets, own_parser, optimize, show)
    else:
        # A whole-stdlib run writes hundreds of megabytes of dumps: never leave them behind.
        with tempfile.TemporaryDirectory(prefix="pyrite-cmp-") as work:
            compare(files, work, snippets, own_parser, optimize, show)


def compare(files, work, snippets, own_parser, optimize, show):
    mode = "exec"
    if snippets:
        mode = snippets
        files = split_snippets(files, snippets, os.path.join(work, "snippets"))
    items = []
    skipped = 0
    for i, path in enumerate(files):
        try:
            with open(path, "rb") as f:
                src = f.read()
            tree = compile(src, path, mode, 0x400, dont_inherit=True)
            co = compile(src, path, mode, dont_inherit=True, optimize=optimize)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            skipped += 1
            continue
        out = []
        exporter.node(tree, out)
        ast_path = os.path.join(work, "%d.ast" % i)
        with open(ast_path, "w") as f:
            f.write(" ".join(out) + "\n")
        ref = []
        reference.dump_code(co, ref)
        with open(os.path.join(work, "%d.ref" % i), "w") as f:
            f.write("\n".join(ref) + "\n")
        items.append((i, path, ast_path))
    listfile = os.path.join(work, "list.txt")
    with open(listfile, "w") as f:
        for n, (i, path, ast_path) in enumerate(items):
            f.write("%s %s\n" % (path, "-" if own_parser else ast_path))
    outdir = os.path.join(work, "out")
    os.makedirs(outdir, exist_ok=True)
    cmd = [DUMP, "--optimize", str(optimize), "--mode", mode, "--batch", listfile, outdir]
    subprocess.run(cmd, check=False)
    same = 0
    failures = []
    for n, (i, path, ast_path) in enumerate(items):
        ref = open(os.path.join(work, "%d.ref" % i)).read()
        got_path = os.path.join(outdir, "%d.txt" % n)
        if os.path.exists(got_path):
            got = open(got_path).read()
        else:
            err_path = os.path.join(outdir, "%d.err" % n)
            got = "ERROR: " + (open(err_path).read() if os.path.exists(err_path) else "no output") + "\n"
        if got == ref:
            same += 1
        else:
            failures.append((path, ref, got))
    total = len(items)
    for path, ref, got in failures[:show]:
        print("=" * 20, path)
        diff = list(difflib.unified_diff(ref.splitlines(), got.splitlines(), "python3.11", "pyrite", n=3, lineterm=""))
        print("\n".join(diff[:60]))
    if failures:
        print("failing files:")
        for path, _, _ in failures[: max(show, 50)]:
            print("  " + path)
    pct = 100.0 * same / total if total else 0.0
    print("%d/%d files identical (%.1f%%), %d skipped (not compilable by python3.11)" % (same, total, pct, skipped))


if __name__ == "__main__":
    sys.setrecursionlimit(100000)
    warnings.simplefilter("ignore")
    main()
