#!/usr/bin/env python3.11
"""Writes tests/syntax/malformed/: real code made invalid by one mutation each.

Snippets (a function or class of 5-40 lines) are cut from the reference
interpreter's standard library; each gets one mutation (a deleted, inserted,
duplicated or swapped token, broken indentation, a dropped bracket or quote, '='
for '==', a missing ':' or ',', mixed tabs and spaces, a stray non-ASCII
character, a statement put where it is not allowed, ...). Only results that
python3.11's compile() rejects are kept, so no case ever runs code. The choice
is deterministic (fixed seed, sorted files), and the script prints how often
each CPython message occurs.

    python3.11 tools/make_malformed_corpus.py [--count 330] [--seed 3110]
"""
import argparse
import ast
import collections
import io
import os
import random
import re
import shutil
import sys
import sysconfig
import textwrap
import tokenize
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "syntax", "malformed")
STDLIB = sysconfig.get_path("stdlib")


def stdlib_files():
    files = []
    for dirpath, dirnames, filenames in os.walk(STDLIB):
        dirnames[:] = sorted(d for d in dirnames if d not in ("site-packages", "__pycache__", "test", "idlelib", "lib2to3", "tkinter"))
        for name in sorted(filenames):
            if name.endswith(".py"):
                files.append(os.path.join(dirpath, name))
    return files


def snippets(path):
    """Top-level functions and classes, and methods (dedented), of 5-40 lines."""
    try:
        with open(path, "rb") as f:
            data = f.read()
        text = data.decode("utf-8")
        tree = ast.parse(text)
    except (SyntaxError, UnicodeDecodeError, ValueError):
        return []
    lines = text.splitlines(keepends=True)
    out = []
    nodes = list(tree.body)
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            nodes.extend(node.body)
    for node in nodes:
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        start = min([node.lineno] + [d.lineno for d in node.decorator_list])
        n = node.end_lineno - start + 1
        if 5 <= n <= 40:
            src = textwrap.dedent("".join(lines[start - 1:node.end_lineno]))
            if "\t" in src or "\f" in src or not src.isascii() and "coding" in src:
                continue
            out.append(src)
    return out


def tokens(src):
    try:
        return [t for t in tokenize.generate_tokens(io.StringIO(src).readline)
                if t.type in (tokenize.NAME, tokenize.OP, tokenize.NUMBER, tokenize.STRING)]
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return []


def offset_of(src, pos):
    """Character offset of a (row, col) token position."""
    row, col = pos
    lines = src.splitlines(keepends=True)
    return sum(len(l) for l in lines[:row - 1]) + col


def replace_token(src, tok, new):
    a, b = offset_of(src, tok.start), offset_of(src, tok.end)
    return src[:a] + new + src[b:]


# Each mutation returns the mutated source, or None when it does not apply.

def m_delete_token(src, rng):
    toks = tokens(src)
    if not toks:
        return None
    return replace_token(src, rng.choice(toks), "")


INSERTABLE = [")", "(", "]", "[", "}", "{", ":", "=", ",", ".", "if", "else", "def", "lambda", "**", "return",
              "import", "in", "not", "is", "pass", "1", "'x'", "class", "with", "as", "from", "->", ";", "@", "print",
              "yield", "await", "global", "*", "==", "+=", "async", "for", "while", "None", "True"]


def m_insert_token(src, rng):
    toks = tokens(src)
    if not toks:
        return None
    tok = rng.choice(toks)
    a = offset_of(src, tok.start)
    return src[:a] + rng.choice(INSERTABLE) + " " + src[a:]


def m_duplicate_token(src, rng):
    toks = [t for t in tokens(src) if t.type in (tokenize.NAME, tokenize.OP, tokenize.NUMBER)]
    if not toks:
        return None
    tok = rng.choice(toks)
    return replace_token(src, tok, tok.string + " " + tok.string)


def m_swap_tokens(src, rng):
    toks = tokens(src)
    pairs = [(a, b) for a, b in zip(toks, toks[1:]) if a.end[0] == b.start[0] and a.string != b.string]
    if not pairs:
        return None
    a, b = rng.choice(pairs)
    sa, ea, sb, eb = (offset_of(src, p) for p in (a.start, a.end, b.start, b.end))
    return src[:sa] + src[sb:eb] + src[ea:sb] + src[sa:ea] + src[eb:]


def m_break_indent(src, rng):
    lines = src.splitlines(keepends=True)
    idx = [i for i, l in enumerate(lines) if i > 0 and l.strip() and not l.strip().startswith("#")]
    if not idx:
        return None
    i = rng.choice(idx)
    line = lines[i]
    indent = len(line) - len(line.lstrip(" "))
    choice = rng.randrange(3)
    if choice == 0:
        lines[i] = " " * (indent + rng.choice([1, 2, 3, 4])) + line.lstrip(" ")
    elif choice == 1 and indent:
        lines[i] = " " * max(0, indent - rng.choice([1, 2, 4])) + line.lstrip(" ")
    else:
        lines[i] = line.lstrip(" ")
    return "".join(lines)


def m_unindent_block(src, rng):
    """The first line of a block at its header's level: 'expected an indented block'."""
    lines = src.splitlines(keepends=True)
    idx = [i for i, l in enumerate(lines[:-1]) if l.rstrip().endswith(":") and lines[i + 1].strip()]
    if not idx:
        return None
    i = rng.choice(idx) + 1
    header = lines[i - 1]
    lines[i] = header[:len(header) - len(header.lstrip(" "))] + lines[i].lstrip(" ")
    return "".join(lines)


def m_drop_close_bracket(src, rng):
    toks = [t for t in tokens(src) if t.string in (")", "]", "}")]
    if not toks:
        return None
    return replace_token(src, rng.choice(toks), "")


def m_drop_open_bracket(src, rng):
    toks = [t for t in tokens(src) if t.string in ("(", "[", "{")]
    if not toks:
        return None
    return replace_token(src, rng.choice(toks), "")


def m_extra_close_bracket(src, rng):
    lines = src.splitlines(keepends=True)
    idx = [i for i, l in enumerate(lines) if l.strip()]
    i = rng.choice(idx)
    lines[i] = lines[i].rstrip("\n") + rng.choice([")", "]", "}"]) + "\n"
    return "".join(lines)


def m_mismatched_bracket(src, rng):
    toks = [t for t in tokens(src) if t.string in (")", "]", "}")]
    if not toks:
        return None
    tok = rng.choice(toks)
    return replace_token(src, tok, rng.choice([c for c in ")]}" if c != tok.string]))


def m_eq_to_assign(src, rng):
    toks = [t for t in tokens(src) if t.string == "=="]
    if not toks:
        toks = [t for t in tokens(src) if t.string in ("!=", "<=", ">=")]
    if not toks:
        return None
    return replace_token(src, rng.choice(toks), "=")


def m_remove_colon(src, rng):
    toks = [t for t in tokens(src) if t.string == ":" and t.line.rstrip().endswith(":")]
    if not toks:
        return None
    return replace_token(src, rng.choice(toks), "")


def m_remove_comma(src, rng):
    toks = [t for t in tokens(src) if t.string == ","]
    if not toks:
        return None
    return replace_token(src, rng.choice(toks), rng.choice(["", " "]))


def m_unclosed_string(src, rng):
    toks = [t for t in tokens(src) if t.type == tokenize.STRING and t.string[-1] in "'\"" and not t.string.endswith(("'''", '"""'))]
    if not toks:
        return None
    tok = rng.choice(toks)
    return replace_token(src, tok, tok.string[:-1])


def m_unclosed_triple_quote(src, rng):
    toks = [t for t in tokens(src) if t.type == tokenize.STRING and t.string.endswith(('"""', "'''"))]
    if not toks:
        return None
    tok = rng.choice(toks)
    return replace_token(src, tok, tok.string[:-3])


def m_mixed_tabs(src, rng):
    lines = src.splitlines(keepends=True)
    idx = [i for i, l in enumerate(lines) if l.startswith("        ") and l.strip()]
    if not idx:
        return None
    i = rng.choice(idx)
    lines[i] = "\t" + lines[i][8:] if rng.randrange(2) else "    \t" + lines[i][8:]
    return "".join(lines)


STRAYS = ["\u20ac", "\u2192", "\u201c", "\u00a0", "\u200b", "\u00b7", "$", "?", "!", "`", "\u2014", "\u00bd", "\u3000", "\ufeff"]


def m_stray_character(src, rng):
    toks = tokens(src)
    if not toks:
        return None
    tok = rng.choice(toks)
    a = offset_of(src, tok.start)
    return src[:a] + rng.choice(STRAYS) + src[a:]


KEYWORDS = ["class", "def", "None", "True", "if", "in", "is", "for", "lambda", "return", "import", "pass", "yield", "await", "del", "assert"]


def m_keyword_as_name(src, rng):
    toks = [t for t in tokens(src) if t.type == tokenize.NAME and t.string.isidentifier() and t.string not in KEYWORDS and not __import__("keyword").iskeyword(t.string)]
    if not toks:
        return None
    return replace_token(src, rng.choice(toks), rng.choice(KEYWORDS))


BAD_NUMBERS = ["1_000_", "0b102", "1e", "0x", "0777", "1__0", "1.2.3", "0o8", "12abc", "1_", "0b", "3j_", "1e+"]


def m_bad_number(src, rng):
    toks = [t for t in tokens(src) if t.type == tokenize.NUMBER]
    if not toks:
        toks = [t for t in tokens(src) if t.type == tokenize.NAME]
    if not toks:
        return None
    return replace_token(src, rng.choice(toks), rng.choice(BAD_NUMBERS))


# Statements and expressions that parse but that the compiler (or the parser's
# second pass) rejects where they are put.
INSERTIONS = [
    "return {x}", "break", "continue", "nonlocal {x}", "await {x}", "yield {x}", "global {x}",
    "def {x}({x}, {x}): pass", "*{x} = {x}", "{x} = *{x}", "del {x}()", "f() = {x}", "{x} + 1 = 2",
    "print '{x}'", "exec '{x}'", "{x} <> 1", "from __future__ import braces", "from __future__ import {x}",
    "import *", "({x}.y := 1)", "[{x} := 1 for {x} in y]", "a, *b, *c = {x}", "f(**{x}, *{x})",
    "f({x}=1, {x}=2)", "{x}: int = 1 = 2", "lambda: (yield)", "async with {x}: pass", "async for i in {x}: pass",
    "try:\n    pass", "else:\n    pass", "elif {x}:\n    pass", "except:\n    pass", "finally:\n    pass",
    "{x} if 1", "None = {x}", "True += 1", "__debug__ = {x}", "(yield) = 1", "[i for i in {x}] = 1",
    "f(x for x in y, 1)", "def f(*): pass", "def f(a=1, b): pass", "def f(**k, a): pass", "{x}.1",
    "with {x} as 1: pass", "for 1 in {x}: pass", "{x}[1:2] += 1 if 0", "assert {x}, ",
    "match {x}:\n    case a: pass\n    case b: pass", "match {x}:\n    case {{1: a, 1: b}}: pass",
    "match {x}:\n    case [a] | [b]: pass", "import {x} as",
]


def m_misplaced_statement(src, rng):
    lines = src.splitlines(keepends=True)
    names = [t.string for t in tokens(src) if t.type == tokenize.NAME and not __import__("keyword").iskeyword(t.string)]
    x = rng.choice(names) if names else "x"
    stmt = rng.choice(INSERTIONS).format(x=x)
    if rng.randrange(2):
        # At module level, after the snippet.
        return src + stmt + "\n"
    idx = [i for i, l in enumerate(lines) if i > 0 and l.strip()]
    i = rng.choice(idx)
    indent = lines[i][:len(lines[i]) - len(lines[i].lstrip(" "))]
    block = "".join(indent + l + "\n" for l in stmt.split("\n"))
    return "".join(lines[:i]) + block + "".join(lines[i:])


BAD_FSTRINGS = ['f"{}"', 'f"{x!z}"', 'f"{x"', 'f"{x:{y:{z}}}"', "f'{a b}'", 'f"{!r}"', 'f"{x=!}"', "f'{lambda x: 1}'",
                'f"{x:{y}"', "f'}'", "f'{'", 'f"{*x}"', "f'{yield}'", 'f"{x!}"', "f'{#}'"]


def m_bad_fstring(src, rng):
    toks = [t for t in tokens(src) if t.type == tokenize.STRING and not t.string.endswith(('"""', "'''"))]
    if not toks:
        return None
    return replace_token(src, rng.choice(toks), rng.choice(BAD_FSTRINGS))


def m_truncate(src, rng):
    """Cut the source in the middle of a line (an unexpected end of file)."""
    toks = tokens(src)
    if len(toks) < 3:
        return None
    tok = rng.choice(toks[1:])
    return src[:offset_of(src, tok.start)]


MUTATIONS = {name[2:]: fn for name, fn in sorted(globals().items()) if name.startswith("m_")}


def rejected(data, path):
    """The SyntaxError-family message compile() gives, or None if it compiles."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            compile(data, path, "exec")
        except (SyntaxError, ValueError) as e:
            return "%s: %s" % (type(e).__name__, e.msg if isinstance(e, SyntaxError) else e)
        except (RecursionError, MemoryError) as e:
            return type(e).__name__
    return None


def normalise_message(msg):
    """Group messages that differ only in names and numbers, for the histogram."""
    msg = re.sub(r"'[^']*'", "'_'", msg)
    msg = re.sub(r"\(.*?, line \d+\)", "", msg)
    return re.sub(r"\d+", "N", msg)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=330)
    ap.add_argument("--seed", type=int, default=3110)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    files = stdlib_files()
    rng.shuffle(files)
    pool = []
    for path in files:
        pool.extend(snippets(path))
        if len(pool) > 6 * args.count:
            break
    rng.shuffle(pool)
    names = sorted(MUTATIONS)
    per_kind = -(-args.count // len(names))
    # Statements out of place reach the most distinct messages.
    quota = {k: per_kind * (4 if k == "misplaced_statement" else 1) for k in names}
    per_message = max(6, args.count // 25)
    made = collections.Counter()
    messages = collections.Counter()
    seen = set()
    cases = []
    attempts = 0
    while len(cases) < args.count and attempts < 40 * args.count:
        src = pool[attempts % len(pool)]
        kinds = [k for k in names if made[k] < quota[k]]
        if not kinds:
            break
        kind = rng.choice(kinds)
        attempts += 1
        mutated = MUTATIONS[kind](src, rng)
        if mutated is None or mutated == src or mutated in seen:
            continue
        data = mutated.encode("utf-8")
        msg = rejected(data, "case.py")
        if msg is None:
            continue
        key = normalise_message(msg)
        # Spread the corpus over many messages rather than many copies of one.
        if messages[key] >= per_message:
            continue
        seen.add(mutated)
        made[kind] += 1
        messages[key] += 1
        cases.append((kind, data))
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    for i, (kind, data) in enumerate(cases, 1):
        with open(os.path.join(OUT, "%03d_%s.py" % (i, kind)), "wb") as f:
            f.write(data)
    print("%d cases from %d attempts, %d snippets" % (len(cases), attempts, len(pool)))
    print("\nmutations:")
    for kind in names:
        print("  %4d  %s" % (made[kind], kind))
    print("\nmessages (%d distinct):" % len(messages))
    for msg, n in messages.most_common():
        print("  %4d  %s" % (n, msg))


if __name__ == "__main__":
    main()
