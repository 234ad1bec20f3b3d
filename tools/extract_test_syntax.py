#!/usr/bin/env python3.11
"""Writes tests/syntax/test_syntax_examples/: the SyntaxError examples of the
reference interpreter's Lib/test/test_syntax.py, one file each.

Taken mechanically from (1) the module's doctests whose expected output is a
SyntaxError (or IndentationError/TabError), and (2) string literals passed to
`self._check_error(...)`, `check_syntax_error(self, ...)` and
`self.assertRaises(SyntaxError, compile, ...)` in its test methods. Only
sources that python3.11's compile() rejects are written (a doctest compiled in
'single' mode may be valid as a module), so no case ever runs code.

    python3.11 tools/extract_test_syntax.py
"""
import ast
import doctest
import os
import shutil
import sysconfig
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "syntax", "test_syntax_examples")
SOURCE = os.path.join(sysconfig.get_path("stdlib"), "test", "test_syntax.py")


def rejected(data):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            compile(data, "case.py", "exec")
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return True
    return False


def doctest_examples(doc):
    for example in doctest.DocTestParser().get_examples(doc):
        if example.exc_msg and example.exc_msg.split(":")[0].strip() in ("SyntaxError", "IndentationError", "TabError"):
            yield "doctest", example.source


def literal(node):
    try:
        value = ast.literal_eval(node)
    except (ValueError, SyntaxError, TypeError):
        return None
    return value if isinstance(value, (str, bytes)) else None


def method_examples(tree):
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        src = None
        if name == "_check_error":
            src = literal(node.args[0])
        elif name == "check_syntax_error" and len(node.args) >= 2:
            src = literal(node.args[1])
        elif name == "assertRaises" and len(node.args) >= 3 and getattr(node.args[1], "id", None) == "compile":
            src = literal(node.args[2])
        if src is not None:
            yield name.strip("_"), src


def main():
    with open(SOURCE, encoding="utf-8") as f:
        text = f.read()
    tree = ast.parse(text)
    examples = list(doctest_examples(ast.get_docstring(tree, clean=False) or ""))
    examples += list(method_examples(tree))
    seen = set()
    cases = []
    skipped = 0
    for origin, src in examples:
        data = src if isinstance(src, bytes) else src.encode("utf-8", "surrogatepass")
        if data in seen:
            continue
        seen.add(data)
        if b"\0" in data or not rejected(data):
            skipped += 1
            continue
        cases.append((origin, data))
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    for i, (origin, data) in enumerate(cases, 1):
        with open(os.path.join(OUT, "%03d_%s.py" % (i, origin)), "wb") as f:
            f.write(data)
    print("%d cases written (%d examples, %d accepted by compile() or unwritable, skipped)" % (len(cases), len(examples), skipped))


if __name__ == "__main__":
    main()
