#!/usr/bin/env python3.11
"""Hunt performance cliffs: operations whose cost grows faster in pyrite than in CPython.

Each case is a (setup, statement) pair parametrised by a size ``n``.  The tool times the
statement (setup excluded, best of a few repetitions) at sizes n and 10n (and 100n for
cases marked cheap) in a fresh subprocess per (interpreter, case, size), under both
``python3.11`` and pyrite, and prints per case:

    name   cpy(n) cpy(10n) [cpy(100n)]  pyr(n) pyr(10n) [...]  growth cpy/pyr  ratio

It flags a case when pyrite's growth from the smallest to the largest size is more than
``--growth`` (default 3) times CPython's (and pyrite is 1.5x slower at the largest), or when pyrite/CPython at the largest size is above
``--ratio`` (default 3).  A run that exceeds ``--timeout`` seconds counts as a cliff.

Usage:
    python3.11 tools/complexity_scan.py                 # all cases
    python3.11 tools/complexity_scan.py dict set        # cases whose name contains a word
    python3.11 tools/complexity_scan.py --list          # names only
    python3.11 tools/complexity_scan.py --flagged-only  # print only flagged cases

pyrite is ``$CARGO_TARGET_DIR/release/pyrite`` (or ``--pyrite PATH``).  Times are noisy on a
shared machine: re-run a flagged case alone before believing it.
"""
import argparse
import json
import os
import subprocess
import sys

# (name, base n, also run 100n?, setup, statement).  Setup and statement run with `n` bound;
# the statement is timed alone, setup is re-run before each repetition (statements may mutate).
CASES = [
    # ---- dict ----
    ("dict.copy", 10000, True, "d = {i: i for i in range(n)}", "d.copy()"),
    ("dict(d)", 10000, True, "d = {i: i for i in range(n)}", "dict(d)"),
    ("dict.copy str keys", 10000, True, "d = {str(i): i for i in range(n)}", "d.copy()"),
    ("dict.update dict", 10000, True, "d = {i: i for i in range(n)}; e = {}", "e.update(d)"),
    ("dict.update pairs", 10000, True, "p = [(i, i) for i in range(n)]; e = {}", "e.update(p)"),
    ("dict(pairs)", 10000, True, "p = [(i, i) for i in range(n)]", "dict(p)"),
    ("dict(zip)", 10000, True, "a = list(range(n))", "dict(zip(a, a))"),
    ("dict kwargs merge", 10000, True, "d = {str(i): i for i in range(n)}", "dict(**d)"),
    ("dict | dict", 10000, True, "d = {i: i for i in range(n)}; e = {-i: i for i in range(n)}", "d | e"),
    ("dict |= dict", 10000, True, "d = {i: i for i in range(n)}; e = {-i: i for i in range(n)}", "d |= e"),
    ("dict.fromkeys list", 10000, True, "a = list(range(n))", "dict.fromkeys(a)"),
    ("dict.fromkeys dict", 10000, True, "a = dict.fromkeys(range(n))", "dict.fromkeys(a)"),
    ("dict.fromkeys set", 10000, True, "a = set(range(n))", "dict.fromkeys(a)"),
    ("dict.pop all", 10000, True, "d = {i: i for i in range(n)}", "for i in range(n): d.pop(i)"),
    ("dict.popitem all", 10000, True, "d = {i: i for i in range(n)}", "for i in range(n): d.popitem()"),
    ("dict del front", 10000, True, "d = {i: i for i in range(n)}", "for i in range(n): del d[i]"),
    ("dict next(iter) after dels", 3000, False, "d = {i: i for i in range(n)}",
     "for i in range(n):\n    k = next(iter(d)); del d[k]"),
    ("dict setdefault", 10000, True, "d = {}", "for i in range(n): d.setdefault(i % 1000, []).append(i)"),
    ("dict churn del+insert", 10000, True, "d = {i: i for i in range(1000)}",
     "for i in range(n):\n    del d[i]; d[i + 1000] = i"),
    ("dict in", 10000, True, "d = {str(i): i for i in range(n)}; ks = list(d)", "for k in ks: k in d"),
    ("dict keys & keys", 10000, True, "d = dict.fromkeys(range(n)); e = dict.fromkeys(range(0, 2*n, 2))", "d.keys() & e.keys()"),
    ("dict keys | keys", 10000, True, "d = dict.fromkeys(range(n)); e = dict.fromkeys(range(0, 2*n, 2))", "d.keys() | e.keys()"),
    ("dict keys - keys", 10000, True, "d = dict.fromkeys(range(n)); e = dict.fromkeys(range(0, 2*n, 2))", "d.keys() - e.keys()"),
    ("dict keys ^ keys", 10000, True, "d = dict.fromkeys(range(n)); e = dict.fromkeys(range(0, 2*n, 2))", "d.keys() ^ e.keys()"),
    ("dict items & items", 10000, True, "d = {i: i for i in range(n)}; e = {i: i for i in range(0, 2*n, 2)}", "d.items() & e.items()"),
    ("dict keys == keys", 10000, True, "d = dict.fromkeys(range(n)); e = dict.fromkeys(range(n))", "d.keys() == e.keys()"),
    ("dict keys isdisjoint", 10000, True, "d = dict.fromkeys(range(n)); e = dict.fromkeys(range(n, 2*n))", "d.keys().isdisjoint(e.keys())"),
    ("dict items in", 10000, True, "d = {i: i for i in range(n)}; it = d.items()", "for i in range(n): (i, i) in it"),
    ("dict iter after dels", 10000, True, "d = {i: i for i in range(2*n)}\nfor i in range(0, 2*n, 2): del d[i]", "for k in d: pass"),
    ("dict values iter", 10000, True, "d = {i: i for i in range(n)}", "for v in d.values(): pass"),
    ("dict items iter", 10000, True, "d = {i: i for i in range(n)}", "for k, v in d.items(): pass"),
    ("dict list(items)", 10000, True, "d = {i: i for i in range(n)}", "list(d.items())"),
    ("dict ==", 10000, True, "d = {i: i for i in range(n)}; e = {i: i for i in reversed(range(n))}", "d == e"),
    ("dict repr", 10000, True, "d = {i: i for i in range(n)}", "repr(d)"),
    ("dict str keys build", 10000, True, "ks = [str(i) for i in range(n)]", "d = {}\nfor k in ks: d[k] = 1"),
    ("dict tuple keys build", 10000, True, "ks = [(i, i) for i in range(n)]", "d = {}\nfor k in ks: d[k] = 1"),
    ("dict float keys build", 10000, True, "ks = [i + 0.5 for i in range(n)]", "d = {}\nfor k in ks: d[k] = 1"),
    ("dict big int keys", 10000, True, "ks = [i << 70 for i in range(n)]", "d = {}\nfor k in ks: d[k] = 1"),
    ("dict sorted(d)", 10000, True, "d = {-i: i for i in range(n)}", "sorted(d)"),
    ("dict comprehension", 10000, True, "", "{i: i for i in range(n)}"),
    ("dict clear", 10000, True, "d = {i: i for i in range(n)}", "d.clear()"),
    ("dict get", 10000, True, "d = {i: i for i in range(n)}", "for i in range(n): d.get(i)"),
    ("dict keys list", 10000, True, "d = {i: i for i in range(n)}", "list(d.keys())"),
    ("dict reversed", 10000, True, "d = {i: i for i in range(n)}", "list(reversed(d))"),
    # ---- set ----
    ("set(list)", 10000, True, "a = list(range(n))", "set(a)"),
    ("set(dict)", 10000, True, "d = dict.fromkeys(range(n))", "set(d)"),
    ("set(dict.keys())", 10000, True, "d = dict.fromkeys(range(n))", "set(d.keys())"),
    ("set(str list)", 10000, True, "a = [str(i) for i in range(n)]", "set(a)"),
    ("set.copy", 10000, True, "s = set(range(n))", "s.copy()"),
    ("set(set)", 10000, True, "s = set(range(n))", "set(s)"),
    ("frozenset(set)", 10000, True, "s = set(range(n))", "frozenset(s)"),
    ("set |", 10000, True, "s = set(range(n)); t = set(range(0, 2*n, 2))", "s | t"),
    ("set &", 10000, True, "s = set(range(n)); t = set(range(0, 2*n, 2))", "s & t"),
    ("set -", 10000, True, "s = set(range(n)); t = set(range(0, 2*n, 2))", "s - t"),
    ("set ^", 10000, True, "s = set(range(n)); t = set(range(0, 2*n, 2))", "s ^ t"),
    ("set |=", 10000, True, "s = set(range(n)); t = set(range(0, 2*n, 2))", "s |= t"),
    ("set &=", 10000, True, "s = set(range(n)); t = set(range(0, 2*n, 2))", "s &= t"),
    ("set -=", 10000, True, "s = set(range(n)); t = set(range(0, 2*n, 2))", "s -= t"),
    ("set ^=", 10000, True, "s = set(range(n)); t = set(range(0, 2*n, 2))", "s ^= t"),
    ("set.union list", 10000, True, "s = set(range(n)); t = list(range(0, 2*n, 2))", "s.union(t)"),
    ("set.intersection list", 10000, True, "s = set(range(n)); t = list(range(0, 2*n, 2))", "s.intersection(t)"),
    ("set.difference list", 10000, True, "s = set(range(n)); t = list(range(0, 2*n, 2))", "s.difference(t)"),
    ("set.symmetric_difference list", 10000, True, "s = set(range(n)); t = list(range(0, 2*n, 2))", "s.symmetric_difference(t)"),
    ("set.difference_update big", 10000, True, "s = set(range(n)); t = set(range(n))", "s.difference_update(t)"),
    ("set.intersection_update", 10000, True, "s = set(range(n)); t = set(range(0, 2*n, 2))", "s.intersection_update(t)"),
    ("frozenset |", 10000, True, "s = frozenset(range(n)); t = frozenset(range(0, 2*n, 2))", "s | t"),
    ("frozenset hash", 10000, True, "s = frozenset(range(n))", "hash(frozenset(s))"),
    ("set remove all", 10000, True, "s = set(range(n))", "for i in range(n): s.remove(i)"),
    ("set discard+add churn", 10000, True, "s = set(range(1000))", "for i in range(n):\n    s.discard(i); s.add(i + 1000)"),
    ("set pop all", 10000, True, "s = set(range(n))", "for i in range(n): s.pop()"),
    ("set pop after dels", 3000, False, "s = set(range(n))", "for i in range(n):\n    s.pop()"),
    ("set issubset", 10000, True, "s = set(range(n)); t = set(range(n + 1))", "s.issubset(t)"),
    ("set <=", 10000, True, "s = set(range(n)); t = set(range(n + 1))", "s <= t"),
    ("set ==", 10000, True, "s = set(range(n)); t = set(reversed(range(n)))", "s == t"),
    ("set isdisjoint", 10000, True, "s = set(range(n)); t = set(range(n, 2*n))", "s.isdisjoint(t)"),
    ("set in", 10000, True, "s = set(str(i) for i in range(n)); ks = list(s)", "for k in ks: k in s"),
    ("set iter after dels", 10000, True, "s = set(range(2*n))\nfor i in range(0, 2*n, 2): s.discard(i)", "for k in s: pass"),
    ("set repr", 10000, True, "s = set(range(n))", "repr(s)"),
    ("set comprehension", 10000, True, "", "{i for i in range(n)}"),
    ("set tuple keys", 10000, True, "a = [(i, -i) for i in range(n)]", "set(a)"),
    ("set update from set", 10000, True, "s = set(); t = set(range(n))", "s.update(t)"),
    ("set update from dict", 10000, True, "s = set(); t = dict.fromkeys(range(n))", "s.update(t)"),
    ("sorted(set)", 10000, True, "s = set(range(n))", "sorted(s)"),
    # ---- list ----
    ("list.insert(0)", 3000, False, "a = []", "for i in range(n): a.insert(0, i)"),
    ("list.pop(0)", 3000, False, "a = list(range(n))", "for i in range(n): a.pop(0)"),
    ("list.pop()", 10000, True, "a = list(range(n))", "for i in range(n): a.pop()"),
    ("list.append", 10000, True, "a = []", "for i in range(n): a.append(i)"),
    ("list.insert middle", 3000, False, "a = []", "for i in range(n): a.insert(len(a) // 2, i)"),
    ("list.extend", 10000, True, "a = []; b = list(range(n))", "a.extend(b)"),
    ("list.extend gen", 10000, True, "a = []", "a.extend(i for i in range(n))"),
    ("list +=", 10000, True, "a = []", "for i in range(n): a += [i]"),
    ("list + list", 10000, True, "a = list(range(n))", "a + a"),
    ("list slice", 10000, True, "a = list(range(n))", "a[1:-1]"),
    ("list slice step", 10000, True, "a = list(range(n))", "a[::-2]"),
    ("list slice assign", 10000, True, "a = list(range(n)); b = list(range(n // 2))", "a[n//4:n//2] = b"),
    ("list slice assign ext", 10000, True, "a = list(range(n)); b = list(range(n))", "a[::2] = b[::2]"),
    ("list del slice", 10000, True, "a = list(range(n))", "del a[::2]"),
    ("list del front slices", 1000, True, "a = list(range(n * 10))", "while a: del a[:10]"),
    ("list sort random", 10000, True, "import random; random.seed(1); a = [random.random() for i in range(n)]", "a.sort()"),
    ("list sort sorted", 10000, True, "a = list(range(n))", "a.sort()"),
    ("list sort reversed", 10000, True, "a = list(range(n, 0, -1))", "a.sort()"),
    ("list sort reverse=True", 10000, True, "import random; random.seed(1); a = [random.random() for i in range(n)]", "a.sort(reverse=True)"),
    ("list sort key", 10000, True, "import random; random.seed(1); a = [random.random() for i in range(n)]", "a.sort(key=lambda x: -x)"),
    ("list sort many equal", 10000, True, "a = [i % 3 for i in range(n)]", "a.sort()"),
    ("sorted tuples", 10000, True, "import random; random.seed(1); a = [(random.randrange(100), str(i)) for i in range(n)]", "sorted(a)"),
    ("sorted strs", 10000, True, "import random; random.seed(1); a = [str(random.random()) for i in range(n)]", "sorted(a)"),
    ("sorted ints random", 10000, True, "import random; random.seed(1); a = [random.randrange(10**9) for i in range(n)]", "sorted(a)"),
    ("sorted big ints", 10000, True, "import random; random.seed(1); a = [random.randrange(10**30) for i in range(n)]", "sorted(a)"),
    ("sorted objects lt", 10000, True,
     "import random; random.seed(1)\nclass C:\n    def __init__(s, v): s.v = v\n    def __lt__(s, o): return s.v < o.v\na = [C(random.random()) for i in range(n)]", "sorted(a)"),
    ("list.index last", 10000, True, "a = list(range(n))", "a.index(n - 1)"),
    ("list.count", 10000, True, "a = list(range(n))", "a.count(5)"),
    ("list.remove last", 10000, True, "a = list(range(n))", "a.remove(n - 1)"),
    ("list.remove front loop", 3000, False, "a = list(range(n))", "for i in range(n): a.remove(i)"),
    ("list in", 10000, True, "a = list(range(n))", "(n - 1) in a"),
    ("list * k", 10000, True, "a = [1, 2]", "a * n"),
    ("list *= k", 10000, True, "a = [1, 2]", "a *= n"),
    ("list ==", 10000, True, "a = list(range(n)); b = list(range(n))", "a == b"),
    ("list <", 10000, True, "a = list(range(n)); b = list(range(n)) + [1]", "a < b"),
    ("list.copy", 10000, True, "a = list(range(n))", "a.copy()"),
    ("list(list)", 10000, True, "a = list(range(n))", "list(a)"),
    ("list(range)", 10000, True, "", "list(range(n))"),
    ("list(dict)", 10000, True, "d = dict.fromkeys(range(n))", "list(d)"),
    ("list(set)", 10000, True, "s = set(range(n))", "list(s)"),
    ("list(str)", 10000, True, "s = 'a' * n", "list(s)"),
    ("list(gen)", 10000, True, "", "list(i for i in range(n))"),
    ("list.reverse", 10000, True, "a = list(range(n))", "a.reverse()"),
    ("reversed(list)", 10000, True, "a = list(range(n))", "list(reversed(a))"),
    ("list repr", 10000, True, "a = list(range(n))", "repr(a)"),
    ("list comprehension", 10000, True, "", "[i for i in range(n)]"),
    ("list index loop", 10000, True, "a = list(range(n))", "for i in range(n): a[i]"),
    ("list dealloc", 10000, True, "a = [[i] for i in range(n)]", "del a"),
    ("list nested dealloc", 10000, True, "a = [(i, str(i)) for i in range(n)]", "a = None"),
    ("list clear", 10000, True, "a = [[i] for i in range(n)]", "a.clear()"),
    ("list of lists build", 10000, True, "", "[[i] for i in range(n)]"),
    # ---- tuple ----
    ("tuple(list)", 10000, True, "a = list(range(n))", "tuple(a)"),
    ("tuple(gen)", 10000, True, "", "tuple(i for i in range(n))"),
    ("tuple +", 10000, True, "a = tuple(range(n))", "a + a"),
    ("tuple slice", 10000, True, "a = tuple(range(n))", "a[1:-1]"),
    ("tuple hash", 10000, True, "a = tuple(range(n))", "hash(a)"),
    ("tuple ==", 10000, True, "a = tuple(range(n)); b = tuple(range(n))", "a == b"),
    ("tuple in", 10000, True, "a = tuple(range(n))", "(n - 1) in a"),
    ("tuple index", 10000, True, "a = tuple(range(n))", "a.index(n - 1)"),
    ("tuple count", 10000, True, "a = tuple(range(n))", "a.count(5)"),
    ("tuple * k", 10000, True, "a = (1, 2)", "a * n"),
    ("tuple repr", 10000, True, "a = tuple(range(n))", "repr(a)"),
    ("tuple += loop", 1000, False, "t = ()", "for i in range(n): t += (i,)"),
    # ---- str ----
    ("str.join", 10000, True, "a = [str(i) for i in range(n)]", "''.join(a)"),
    ("str.join gen", 10000, True, "", "','.join(str(i) for i in range(n))"),
    ("str.join nonascii", 10000, True, "a = ['\u00e9' + str(i) for i in range(n)]", "''.join(a)"),
    ("str.split", 10000, True, "s = ' '.join(str(i) for i in range(n))", "s.split()"),
    ("str.split sep", 10000, True, "s = ','.join(str(i) for i in range(n))", "s.split(',')"),
    ("str.split longsep", 10000, True, "s = '<>'.join(str(i) for i in range(n))", "s.split('<>')"),
    ("str.rsplit sep", 10000, True, "s = ','.join(str(i) for i in range(n))", "s.rsplit(',')"),
    ("str.rsplit", 10000, True, "s = ' '.join(str(i) for i in range(n))", "s.rsplit()"),
    ("str.splitlines", 10000, True, "s = '\\n'.join(str(i) for i in range(n))", "s.splitlines()"),
    ("str.split nonascii", 10000, True, "s = '\u00e9'.join(str(i) for i in range(n))", "s.split('\u00e9')"),
    ("str.split maxsplit", 10000, True, "s = ','.join(str(i) for i in range(n))", "for i in range(100): s.split(',', 1)"),
    ("str.partition", 10000, True, "s = 'a' * n + '=b'", "for i in range(100): s.partition('=')"),
    ("str.replace", 10000, True, "s = 'ab' * n", "s.replace('a', 'xyz')"),
    ("str.replace long", 10000, True, "s = 'abcdef' * n", "s.replace('cde', 'Q')"),
    ("str.replace nonascii", 10000, True, "s = 'a\u00e9' * n", "s.replace('\u00e9', 'e')"),
    ("str.replace count", 10000, True, "s = 'ab' * n", "for i in range(100): s.replace('a', 'x', 1)"),
    ("str.find end", 10000, True, "s = 'a' * n + 'b'", "s.find('b')"),
    ("str.find longneedle", 10000, True, "s = 'a' * n + 'b'; t = 'a' * (n // 10) + 'b'", "s.find(t)"),
    ("str.find worst", 10000, True, "s = 'a' * n; t = 'a' * (n // 10) + 'b'", "s.find(t)"),
    ("str.find worst2", 10000, True, "s = 'ab' * n; t = 'ab' * (n // 10) + 'c'", "s.find(t)"),
    ("str.rfind worst", 10000, True, "s = 'a' * n; t = 'b' + 'a' * (n // 10)", "s.rfind(t)"),
    ("str.count worst", 10000, True, "s = 'a' * n; t = 'a' * (n // 10) + 'b'", "s.count(t)"),
    ("str.count char", 10000, True, "s = 'ab' * n", "s.count('a')"),
    ("str.count overlapping", 10000, True, "s = 'a' * n", "s.count('aa')"),
    ("str in worst", 10000, True, "s = 'a' * n; t = 'a' * (n // 10) + 'b'", "t in s"),
    ("str.index worst", 10000, True, "s = 'a' * n + 'b'; t = 'a' * (n // 10) + 'b'", "s.index(t)"),
    ("str.find nonascii worst", 10000, True, "s = '\u00e9' * n; t = '\u00e9' * (n // 10) + 'b'", "s.find(t)"),
    ("str.find wide", 10000, True, "s = '\u4e00' * n + 'x'", "s.find('x')"),
    ("str += loop", 10000, True, "s = ''", "for i in range(n): s += 'x'"),
    ("str += loop nonascii", 10000, True, "s = '\u00e9'", "for i in range(n): s += 'x'"),
    ("str += loop attr", 10000, True, "class O: pass\no = O(); o.s = ''", "for i in range(n): o.s += 'x'"),
    ("str % loop", 10000, True, "", "for i in range(n): '%d-%s' % (i, i)"),
    ("str % big", 10000, True, "a = 'x' * n", "'%s|%s' % (a, a)"),
    ("str.format", 10000, True, "", "for i in range(n): '{}-{}'.format(i, i)"),
    ("str format big", 10000, True, "a = 'x' * n", "'{0}|{0}'.format(a)"),
    ("f-string", 10000, True, "", "for i in range(n): f'{i}-{i:>5}'"),
    ("str.encode utf8", 10000, True, "s = 'a\u00e9\u4e00' * n", "s.encode('utf-8')"),
    ("str.encode ascii", 10000, True, "s = 'abc' * n", "s.encode()"),
    ("str.encode latin1", 10000, True, "s = 'a\u00e9' * n", "s.encode('latin-1')"),
    ("bytes.decode utf8", 10000, True, "b = ('a\u00e9\u4e00' * n).encode()", "b.decode('utf-8')"),
    ("bytes.decode latin1", 10000, True, "b = ('a\u00e9' * n).encode('latin-1')", "b.decode('latin-1')"),
    ("bytes.decode ascii", 10000, True, "b = b'abc' * n", "b.decode('ascii')"),
    ("str.encode utf16", 10000, True, "s = 'a\u00e9\u4e00' * n", "s.encode('utf-16')"),
    ("str.encode errors", 10000, True, "s = 'a\u00e9\u4e00' * n", "s.encode('ascii', 'replace')"),
    ("str.upper", 10000, True, "s = 'abc' * n", "s.upper()"),
    ("str.lower nonascii", 10000, True, "s = 'ABC\u00c9' * n", "s.lower()"),
    ("str.strip", 10000, True, "s = ' ' * n + 'x' + ' ' * n", "s.strip()"),
    ("str.strip chars", 10000, True, "s = 'ab' * n + 'x' + 'ba' * n", "s.strip('ab')"),
    ("str(int) big", 400, True, "x = 7 ** (n * 1)", "str(x)"),
    ("int(str) big", 400, True, "s = '7' * (min(n * 10, 4300))", "int(s)"),
    ("str.startswith", 10000, True, "s = 'a' * n; t = 'a' * n", "for i in range(100): s.startswith(t)"),
    ("str.translate", 10000, True, "s = 'abc' * n; t = str.maketrans('abc', 'xyz')", "s.translate(t)"),
    ("str.translate delete", 10000, True, "s = 'abc' * n; t = {ord('b'): None}", "s.translate(t)"),
    ("str.zfill", 10000, True, "s = '1' * n", "s.zfill(2 * n)"),
    ("str.center", 10000, True, "s = '1' * n", "s.center(3 * n)"),
    ("str.ljust", 10000, True, "s = '1' * n", "s.ljust(3 * n)"),
    ("str.expandtabs", 10000, True, "s = 'a\\tbb\\t' * n", "s.expandtabs()"),
    ("str.isdigit", 10000, True, "s = '1' * n", "for i in range(10): s.isdigit()"),
    ("str.isalpha", 10000, True, "s = 'a' * n", "for i in range(10): s.isalpha()"),
    ("str.isidentifier", 10000, True, "s = 'a' * n", "for i in range(10): s.isidentifier()"),
    ("str.isspace", 10000, True, "s = ' ' * n", "for i in range(10): s.isspace()"),
    ("str.title", 10000, True, "s = 'ab cd ' * n", "s.title()"),
    ("str.swapcase", 10000, True, "s = 'aB' * n", "s.swapcase()"),
    ("str.casefold", 10000, True, "s = 'aB\u00df' * n", "s.casefold()"),
    ("str index loop", 10000, True, "s = 'abc' * n", "for i in range(n): s[i]"),
    ("str index loop wide", 10000, True, "s = '\u4e00bc' * n", "for i in range(n): s[i]"),
    ("str iter", 10000, True, "s = 'abc' * n", "for c in s: pass"),
    ("str iter nonascii", 10000, True, "s = 'a\u00e9c' * n", "for c in s: pass"),
    ("str slice loop", 10000, True, "s = 'abc' * n", "for i in range(n): s[i:i+3]"),
    ("str slice loop wide", 10000, True, "s = '\u4e00bc' * n", "for i in range(n): s[i:i+3]"),
    ("str slice step", 10000, True, "s = 'abc' * n", "s[::-1]"),
    ("str ==", 10000, True, "s = 'abc' * n; t = 'abc' * n", "for i in range(100): s == t"),
    ("str hash new", 10000, True, "s = 'abc' * n", "hash(s + 'x')"),
    ("str * k", 10000, True, "s = 'ab'", "s * n"),
    ("str len loop", 10000, True, "s = '\u00e9' * n", "for i in range(n): len(s)"),
    ("str repr", 10000, True, "s = 'a\\n\u00e9' * n", "repr(s)"),
    ("str ord loop", 10000, True, "s = 'a\u00e9' * n", "for c in s: ord(c)"),
    ("chr join", 10000, True, "", "''.join(chr(i % 1000 + 32) for i in range(n))"),
    ("str.rjust loop", 10000, True, "", "for i in range(n): str(i).rjust(10)"),
    ("str.lstrip loop", 10000, True, "s = 'x' * n", "while s: s = s[100:]"),
    ("str.count substr", 10000, True, "s = 'abcd' * n", "s.count('bc')"),
    ("str in set", 10000, True, "a = [str(i) * 3 for i in range(n)]", "set(a)"),
    ("str.format_map", 10000, True, "d = {'a': 1}", "for i in range(n): '{a}'.format_map(d)"),
    ("str.maketrans big", 10000, True, "", "str.maketrans({chr(i + 256): chr(i) for i in range(n)})"),
    ("str.removeprefix", 10000, True, "s = 'a' * n", "for i in range(100): s.removeprefix('a')"),
    # ---- bytes / bytearray ----
    ("bytes.join", 10000, True, "a = [str(i).encode() for i in range(n)]", "b''.join(a)"),
    ("bytes +=", 10000, True, "b = b''", "for i in range(n): b += b'x'"),
    ("bytearray +=", 10000, True, "b = bytearray()", "for i in range(n): b += b'x'"),
    ("bytearray.append", 10000, True, "b = bytearray()", "for i in range(n): b.append(120)"),
    ("bytearray.extend", 10000, True, "b = bytearray(); c = b'x' * n", "b.extend(c)"),
    ("bytearray.extend list", 10000, True, "b = bytearray(); c = [1] * n", "b.extend(c)"),
    ("bytearray.extend iter", 10000, True, "b = bytearray()", "b.extend(i % 256 for i in range(n))"),
    ("bytearray del front", 10000, True, "b = bytearray(n)", "while b: del b[:10]"),
    ("bytearray pop(0)", 3000, False, "b = bytearray(n)", "while b: b.pop(0)"),
    ("bytearray del step", 10000, True, "b = bytearray(n)", "del b[::2]"),
    ("bytes.find worst", 10000, True, "s = b'a' * n; t = b'a' * (n // 10) + b'b'", "s.find(t)"),
    ("bytes.count worst", 10000, True, "s = b'a' * n; t = b'a' * (n // 10) + b'b'", "s.count(t)"),
    ("bytes.replace", 10000, True, "s = b'ab' * n", "s.replace(b'a', b'xyz')"),
    ("bytes.split", 10000, True, "s = b' '.join(b'%d' % i for i in range(n))", "s.split()"),
    ("bytes.split sep", 10000, True, "s = b','.join(b'%d' % i for i in range(n))", "s.split(b',')"),
    ("bytes.hex", 10000, True, "s = bytes(range(256)) * (n // 10)", "s.hex()"),
    ("bytes.fromhex", 10000, True, "s = (bytes(range(256)) * (n // 10)).hex()", "bytes.fromhex(s)"),
    ("bytes slice loop", 10000, True, "s = b'abc' * n", "for i in range(n): s[i:i+3]"),
    ("bytes iter", 10000, True, "s = b'abc' * n", "for c in s: pass"),
    ("bytes(list)", 10000, True, "a = [i % 256 for i in range(n)]", "bytes(a)"),
    ("bytes(gen)", 10000, True, "", "bytes(i % 256 for i in range(n))"),
    ("bytearray.find worst", 10000, True, "s = bytearray(b'a' * n); t = b'a' * (n // 10) + b'b'", "s.find(t)"),
    ("bytearray.replace", 10000, True, "s = bytearray(b'ab' * n)", "s.replace(b'a', b'xyz')"),
    ("bytearray slice assign", 10000, True, "s = bytearray(n)", "for i in range(100): s[10:20] = b'xyzxyzxyzxyzxyz'"),
    ("bytes % ", 10000, True, "a = b'x' * n", "b'%s|%s' % (a, a)"),
    ("bytes.translate", 10000, True, "s = b'abc' * n; t = bytes.maketrans(b'abc', b'xyz')", "s.translate(t)"),
    ("bytes repr", 10000, True, "s = bytes(range(256)) * (n // 10)", "repr(s)"),
    ("bytes.decode errors", 10000, True, "s = b'a\\xff' * n", "s.decode('utf-8', 'replace')"),
    ("bytes hash", 10000, True, "s = b'abc' * n", "hash(s + b'x')"),
    ("memoryview slice loop", 10000, True, "m = memoryview(b'abc' * n)", "for i in range(n): m[i:i+3]"),
    ("bytes.startswith tuple", 10000, True, "s = b'a' * n", "for i in range(n): s.startswith((b'b', b'a'))"),
    # ---- int ----
    ("int big mul", 1000, True, "x = 7 ** n; y = 11 ** n", "x * y"),
    ("int big square", 1000, True, "x = 7 ** n", "x * x"),
    ("int big divmod", 1000, True, "x = 7 ** (2 * n); y = 11 ** n", "divmod(x, y)"),
    ("int big // small", 1000, True, "x = 7 ** n", "x // 12345"),
    ("int pow mod", 100, True, "x = 7 ** n; m = 11 ** n + 2", "pow(x, 65537, m)"),
    ("int pow mod big exp", 30, True, "x = 7 ** n; m = 11 ** n + 2; e = 13 ** n", "pow(x, e, m)"),
    ("int pow", 1000, True, "", "3 ** (n * 10)"),
    ("int repr", 300, True, "x = 7 ** n", "repr(x)"),
    ("int hex", 1000, True, "x = 7 ** n", "hex(x)"),
    ("int bin", 1000, True, "x = 7 ** n", "bin(x)"),
    ("int big &", 1000, True, "x = 7 ** n; y = 11 ** n", "x & y"),
    ("int big ^ neg", 1000, True, "x = 7 ** n; y = -11 ** n", "x ^ y"),
    ("int big <<", 1000, True, "x = 7 ** n", "x << 1000"),
    ("int big >>", 1000, True, "x = 7 ** n", "x >> 1000"),
    ("int big +", 1000, True, "x = 7 ** n; y = 11 ** n", "for i in range(100): x + y"),
    ("int big hash", 1000, True, "x = 7 ** n", "for i in range(100): hash(x + 1)"),
    ("int big ==", 1000, True, "x = 7 ** n; y = 7 ** n", "for i in range(100): x == y"),
    ("int.bit_length", 1000, True, "x = 7 ** n", "for i in range(100): x.bit_length()"),
    ("int.to_bytes", 1000, True, "x = 7 ** n", "x.to_bytes((x.bit_length() + 7) // 8, 'little')"),
    ("int.from_bytes", 1000, True, "b = b'\\x17' * n", "int.from_bytes(b, 'little')"),
    ("int float(big)", 100, True, "x = 7 ** (n * 3)", "for i in range(100): x / (x + 1)"),
    ("int accumulate", 10000, True, "", "s = 0\nfor i in range(n): s += i * i"),
    ("int factorial loop", 300, True, "", "f = 1\nfor i in range(1, n): f *= i"),
    ("math.factorial", 300, True, "import math", "math.factorial(n)"),
    ("math.comb", 300, True, "import math", "math.comb(2 * n, n)"),
    ("math.isqrt", 300, True, "import math; x = 7 ** n", "math.isqrt(x)"),
    ("math.gcd", 300, True, "import math; x = 7 ** n * 6; y = 11 ** n * 4", "math.gcd(x, y)"),
    ("int %d format big", 300, True, "x = 7 ** n", "'%d' % x"),
    ("int f-string big", 300, True, "x = 7 ** n", "f'{x:,}'"),
    ("sum big ints", 10000, True, "a = [i << 64 for i in range(n)]", "sum(a)"),
    # ---- float ----
    ("float repr", 10000, True, "a = [i / 7 for i in range(n)]", "[repr(x) for x in a]"),
    ("float format", 10000, True, "a = [i / 7 for i in range(n)]", "['%.3f' % x for x in a]"),
    ("float fstring", 10000, True, "a = [i / 7 for i in range(n)]", "[f'{x:.6g}' for x in a]"),
    ("float(str)", 10000, True, "a = [str(i / 7) for i in range(n)]", "[float(x) for x in a]"),
    ("sum floats", 10000, True, "a = [i / 7 for i in range(n)]", "sum(a)"),
    ("math.fsum", 10000, True, "import math; a = [i / 7 for i in range(n)]", "math.fsum(a)"),
    ("float format big", 1000, True, "", "'%.1f' % (10.0 ** 300)"),
    # ---- collections ----
    ("deque append/popleft", 10000, True, "from collections import deque; d = deque()",
     "for i in range(n): d.append(i)\nfor i in range(n): d.popleft()"),
    ("deque appendleft/pop", 10000, True, "from collections import deque; d = deque()",
     "for i in range(n): d.appendleft(i)\nfor i in range(n): d.pop()"),
    ("deque rotate", 10000, True, "from collections import deque; d = deque(range(n))", "for i in range(100): d.rotate(n // 3)"),
    ("deque index", 10000, True, "from collections import deque; d = deque(range(n))", "d.index(n - 1)"),
    ("deque getitem middle", 10000, True, "from collections import deque; d = deque(range(n))", "for i in range(1000): d[n // 2]"),
    ("deque maxlen", 10000, True, "from collections import deque; d = deque(maxlen=100)", "for i in range(n): d.append(i)"),
    ("deque extend", 10000, True, "from collections import deque; d = deque(); a = list(range(n))", "d.extend(a)"),
    ("deque iter", 10000, True, "from collections import deque; d = deque(range(n))", "for x in d: pass"),
    ("deque remove", 3000, False, "from collections import deque; d = deque(range(n))", "for i in range(n): d.remove(i)"),
    ("deque copy", 10000, True, "from collections import deque; d = deque(range(n))", "d.copy()"),
    ("deque ==", 10000, True, "from collections import deque; d = deque(range(n)); e = deque(range(n))", "d == e"),
    ("Counter(list)", 10000, True, "from collections import Counter; a = [i % 1000 for i in range(n)]", "Counter(a)"),
    ("Counter most_common", 10000, True, "from collections import Counter; c = Counter(range(n))", "c.most_common(10)"),
    ("Counter most_common all", 10000, True, "from collections import Counter; c = Counter(range(n))", "c.most_common()"),
    ("Counter update", 10000, True, "from collections import Counter; c = Counter(); a = list(range(n))", "c.update(a)"),
    ("Counter +", 10000, True, "from collections import Counter; c = Counter(range(n)); e = Counter(range(n))", "c + e"),
    ("OrderedDict build", 10000, True, "from collections import OrderedDict", "o = OrderedDict()\nfor i in range(n): o[i] = i"),
    ("OrderedDict move_to_end", 10000, True, "from collections import OrderedDict; o = OrderedDict.fromkeys(range(1000))",
     "for i in range(n): o.move_to_end(i % 1000)"),
    ("OrderedDict popitem", 10000, True, "from collections import OrderedDict; o = OrderedDict.fromkeys(range(n))",
     "for i in range(n): o.popitem(last=False)"),
    ("OrderedDict del", 10000, True, "from collections import OrderedDict; o = OrderedDict.fromkeys(range(n))",
     "for i in range(n): del o[i]"),
    ("OrderedDict iter", 10000, True, "from collections import OrderedDict; o = OrderedDict.fromkeys(range(n))", "list(o)"),
    ("OrderedDict ==", 10000, True, "from collections import OrderedDict; o = OrderedDict.fromkeys(range(n)); p = OrderedDict.fromkeys(range(n))", "o == p"),
    ("OrderedDict copy", 10000, True, "from collections import OrderedDict; o = OrderedDict.fromkeys(range(n))", "o.copy()"),
    ("defaultdict list", 10000, True, "from collections import defaultdict; d = defaultdict(list)", "for i in range(n): d[i % 100].append(i)"),
    ("defaultdict int", 10000, True, "from collections import defaultdict; d = defaultdict(int)", "for i in range(n): d[i] += 1"),
    ("namedtuple make", 10000, True, "from collections import namedtuple; P = namedtuple('P', 'x y')", "for i in range(n): P(i, i)"),
    ("ChainMap lookup", 10000, True, "from collections import ChainMap; c = ChainMap({}, dict.fromkeys(range(n)))", "for i in range(n): c[i]"),
    # ---- heapq / bisect ----
    ("heapq push/pop", 10000, True, "import heapq, random; random.seed(1); a = [random.random() for i in range(n)]; h = []",
     "for x in a: heapq.heappush(h, x)\nfor x in a: heapq.heappop(h)"),
    ("heapq heapify", 10000, True, "import random; random.seed(1); import heapq; a = [random.random() for i in range(n)]", "heapq.heapify(a)"),
    ("heapq nlargest", 10000, True, "import random; random.seed(1); import heapq; a = [random.random() for i in range(n)]", "heapq.nlargest(10, a)"),
    ("heapq nsmallest key", 10000, True, "import random; random.seed(1); import heapq; a = [random.random() for i in range(n)]", "heapq.nsmallest(10, a, key=lambda x: x)"),
    ("heapq merge", 10000, True, "import heapq; a = list(range(0, n, 2)); b = list(range(1, n, 2))", "list(heapq.merge(a, b))"),
    ("bisect insort", 3000, True, "import bisect, random; random.seed(1); a = [random.random() for i in range(n)]; s = []",
     "for x in a: bisect.insort(s, x)"),
    ("bisect key", 10000, True, "import bisect; a = list(range(n))", "for i in range(n): bisect.bisect_left(a, i, key=lambda x: x)"),
    # ---- itertools / functools ----
    ("itertools.product", 30, True, "import itertools; a = list(range(n))", "for t in itertools.product(a, a): pass"),
    ("itertools.permutations", 3, False, "import itertools; a = list(range(n + 4))", "for t in itertools.permutations(a): pass"),
    ("itertools.combinations", 30, True, "import itertools; a = list(range(n))", "for t in itertools.combinations(a, 2): pass"),
    ("itertools.groupby", 10000, True, "import itertools; a = [i // 10 for i in range(n)]", "for k, g in itertools.groupby(a): list(g)"),
    ("itertools.chain", 10000, True, "import itertools; a = [[i] for i in range(n)]", "list(itertools.chain.from_iterable(a))"),
    ("itertools.chain many", 3000, True, "import itertools; a = [[i] for i in range(n)]", "list(itertools.chain(*a))"),
    ("itertools.islice", 10000, True, "import itertools", "list(itertools.islice(itertools.count(), n, 2 * n))"),
    ("itertools.tee", 10000, True, "import itertools", "a, b = itertools.tee(range(n))\nlist(a); list(b)"),
    ("itertools.tee lag", 10000, True, "import itertools", "a, b = itertools.tee(range(n))\nfor x in a: pass\nfor x in b: pass"),
    ("itertools.accumulate", 10000, True, "import itertools", "list(itertools.accumulate(range(n)))"),
    ("itertools.zip_longest", 10000, True, "import itertools; a = list(range(n))", "list(itertools.zip_longest(a, a[:n//2]))"),
    ("itertools.cycle", 10000, True, "import itertools; c = itertools.cycle(range(100))", "for i in range(n): next(c)"),
    ("itertools.starmap", 10000, True, "import itertools; a = [(i, i) for i in range(n)]", "list(itertools.starmap(pow, a))"),
    ("itertools.pairwise", 10000, True, "import itertools", "list(itertools.pairwise(range(n)))"),
    ("lru_cache", 10000, True, "import functools\n@functools.lru_cache(maxsize=None)\ndef f(x): return x",
     "for i in range(n): f(i)\nfor i in range(n): f(i)"),
    ("lru_cache bounded", 10000, True, "import functools\n@functools.lru_cache(maxsize=128)\ndef f(x): return x",
     "for i in range(n): f(i)"),
    ("functools.reduce", 10000, True, "import functools, operator", "functools.reduce(operator.add, range(n))"),
    ("functools.partial call", 10000, True, "import functools; p = functools.partial(max, 0)", "for i in range(n): p(i)"),
    ("cmp_to_key sort", 10000, True, "import functools, random; random.seed(1); a = [random.random() for i in range(n)]",
     "sorted(a, key=functools.cmp_to_key(lambda x, y: (x > y) - (x < y)))"),
    # ---- builtins ----
    ("min key", 10000, True, "a = list(range(n))", "min(a, key=lambda x: -x)"),
    ("max", 10000, True, "a = list(range(n))", "max(a)"),
    ("sum", 10000, True, "a = list(range(n))", "sum(a)"),
    ("enumerate", 10000, True, "a = list(range(n))", "for i, x in enumerate(a): pass"),
    ("zip", 10000, True, "a = list(range(n))", "for x, y in zip(a, a): pass"),
    ("map", 10000, True, "a = list(range(n))", "list(map(abs, a))"),
    ("filter", 10000, True, "a = list(range(n))", "list(filter(None, a))"),
    ("any/all", 10000, True, "a = [1] * n", "all(a); any(x == 0 for x in a)"),
    ("sorted(dict.items) key", 10000, True, "d = {i: -i for i in range(n)}", "sorted(d.items(), key=lambda kv: kv[1])"),
    ("range in", 10000, True, "r = range(n * 1000)", "for i in range(n): i in r"),
    ("range len big", 10000, True, "r = range(0, 10 ** 30, 7)", "for i in range(n): len(r) if False else r[i]"),
    ("isinstance loop", 10000, True, "", "for i in range(n): isinstance(i, (str, bytes, int))"),
    ("hash tuple loop", 10000, True, "a = [(i, i) for i in range(n)]", "for t in a: hash(t)"),
    ("getattr loop", 10000, True, "class C: pass\nc = C(); c.x = 1", "for i in range(n): getattr(c, 'x')"),
    ("id() loop", 10000, True, "a = [object() for i in range(n)]", "for x in a: id(x)"),
    ("print to StringIO", 10000, True, "import io; f = io.StringIO()", "for i in range(n): print(i, file=f)"),
    ("StringIO write/getvalue", 10000, True, "import io; f = io.StringIO()", "for i in range(n): f.write('abc')\nf.getvalue()"),
    ("StringIO readline", 10000, True, "import io; f = io.StringIO('abc\\n' * n)", "for line in f: pass"),
    ("BytesIO write", 10000, True, "import io; f = io.BytesIO()", "for i in range(n): f.write(b'abc')\nf.getvalue()"),
    ("BytesIO read small", 10000, True, "import io; f = io.BytesIO(b'abc' * n)", "while f.read(3): pass"),
    ("StringIO read small", 10000, True, "import io; f = io.StringIO('abc' * n)", "while f.read(3): pass"),
    ("StringIO seek/tell", 10000, True, "import io; f = io.StringIO('a\u00e9c' * n)", "for i in range(n): f.seek(i); f.tell()"),
    ("file write lines", 10000, True, "import tempfile, os; fd, p = tempfile.mkstemp(); os.close(fd)",
     "with open(p, 'w') as f:\n    for i in range(n): f.write('line %d\\n' % i)\nos.unlink(p)"),
    ("file read lines", 10000, True,
     "import tempfile, os; fd, p = tempfile.mkstemp(); os.close(fd)\nwith open(p, 'w') as f: f.write('line\\n' * n)",
     "with open(p) as f:\n    for line in f: pass\nos.unlink(p)"),
    ("file readline bin", 10000, True,
     "import tempfile, os; fd, p = tempfile.mkstemp(); os.close(fd)\nwith open(p, 'w') as f: f.write('line\\n' * n)",
     "with open(p, 'rb') as f:\n    for line in f: pass\nos.unlink(p)"),
    # ---- json / re / pickle / copy ----
    ("json.dumps wide", 10000, True, "import json; d = {str(i): [i, 'x', None, 1.5] for i in range(n)}", "json.dumps(d)"),
    ("json.dumps indent", 10000, True, "import json; d = {str(i): [i, 'x'] for i in range(n)}", "json.dumps(d, indent=2)"),
    ("json.loads wide", 10000, True, "import json; s = json.dumps({str(i): [i, 'x', None, 1.5] for i in range(n)})", "json.loads(s)"),
    ("json.dumps deep", 50, True, "import json\nd = []\nfor i in range(n): d = [d]", "json.dumps(d)"),
    ("json.loads deep", 50, True, "import json\ns = '[' * n + ']' * n", "json.loads(s)"),
    ("json.dumps long str", 10000, True, "import json; s = 'a\u00e9\"\\n' * n", "json.dumps(s)"),
    ("json.loads long str", 10000, True, "import json; s = json.dumps('a\u00e9\"\\n' * n)", "json.loads(s)"),
    ("json.dumps sort_keys", 10000, True, "import json; d = {str(i): i for i in range(n)}", "json.dumps(d, sort_keys=True)"),
    ("re.findall", 10000, True, "import re; s = 'abc 123 ' * n", "re.findall(r'\\d+', s)"),
    ("re.sub", 10000, True, "import re; s = 'abc 123 ' * n", "re.sub(r'\\d+', 'N', s)"),
    ("re.sub func", 10000, True, "import re; s = 'abc 123 ' * n", "re.sub(r'\\d+', lambda m: 'N', s)"),
    ("re.split", 10000, True, "import re; s = 'abc 123 ' * n", "re.split(r'\\s+', s)"),
    ("re.search end", 10000, True, "import re; s = 'a' * n + 'X'", "re.search('X', s)"),
    ("re.search class end", 10000, True, "import re; s = 'a' * n + 'X'", "re.search('[XY]', s)"),
    ("re.finditer", 10000, True, "import re; s = 'abc 123 ' * n", "for m in re.finditer(r'\\w+', s): m.group()"),
    ("re.match .*", 10000, True, "import re; s = 'a' * n", "re.match('.*$', s)"),
    ("re.fullmatch", 10000, True, "import re; s = 'ab' * n", "re.fullmatch('(?:ab)*', s)"),
    ("re nonascii findall", 10000, True, "import re; s = '\u00e9t\u00e9 123 ' * n", "re.findall(r'\\w+', s)"),
    ("re search loop pos", 10000, True, "import re; p = re.compile('b'); s = 'ab' * n",
     "pos = 0\nwhile True:\n    m = p.search(s, pos)\n    if not m: break\n    pos = m.end()"),
    ("re search loop pos wide", 10000, True, "import re; p = re.compile('b'); s = '\u4e00b' * n",
     "pos = 0\nwhile True:\n    m = p.search(s, pos)\n    if not m: break\n    pos = m.end()"),
    ("pickle list", 10000, True, "import pickle; a = [(i, str(i), i / 2) for i in range(n)]", "pickle.loads(pickle.dumps(a))"),
    ("pickle dict", 10000, True, "import pickle; a = {str(i): [i] for i in range(n)}", "pickle.loads(pickle.dumps(a))"),
    ("pickle objects", 3000, True, "import pickle\nclass C: pass\na = []\nfor i in range(n):\n    c = C(); c.x = i; a.append(c)",
     "pickle.loads(pickle.dumps(a))"),
    ("pickle shared refs", 3000, True, "import pickle; x = [1]; a = [x] * n + [[i] for i in range(n)]", "pickle.loads(pickle.dumps(a))"),
    ("marshal", 10000, True, "import marshal; a = [(i, str(i), i / 2) for i in range(n)]", "marshal.loads(marshal.dumps(a))"),
    ("copy.deepcopy list", 3000, True, "import copy; a = [[i, str(i)] for i in range(n)]", "copy.deepcopy(a)"),
    ("copy.deepcopy dict", 3000, True, "import copy; a = {i: {'x': [i]} for i in range(n)}", "copy.deepcopy(a)"),
    ("copy.copy dict", 10000, True, "import copy; a = {i: i for i in range(n)}", "copy.copy(a)"),
    ("struct pack loop", 10000, True, "import struct", "for i in range(n): struct.pack('<iid', i, i, 1.0)"),
    ("struct iter_unpack", 10000, True, "import struct; b = b'\\x01\\x00\\x00\\x00' * n", "for t in struct.iter_unpack('<i', b): pass"),
    ("array append", 10000, True, "import array; a = array.array('i')", "for i in range(n): a.append(i)"),
    ("array tobytes", 10000, True, "import array; a = array.array('d', range(n))", "array.array('d', a.tobytes())"),
    ("array(list)", 10000, True, "import array; a = list(range(n))", "array.array('q', a)"),
    ("array extend", 10000, True, "import array; a = array.array('q'); b = array.array('q', range(n))", "a.extend(b)"),
    ("array del front", 10000, True, "import array; a = array.array('b', bytes(n))", "while a: del a[:10]"),
    ("array index", 10000, True, "import array; a = array.array('q', range(n))", "a.index(n - 1)"),
    ("zlib compress", 10000, True, "import zlib; b = b'abcdefgh' * n", "zlib.decompress(zlib.compress(b))"),
    ("hashlib sha256", 10000, True, "import hashlib; b = b'abcdefgh' * n", "hashlib.sha256(b).hexdigest()"),
    ("hashlib md5 updates", 10000, True, "import hashlib; h = hashlib.md5()", "for i in range(n): h.update(b'abcdefgh')"),
    ("base64", 10000, True, "import base64; b = b'abcdefgh' * n", "base64.b64decode(base64.b64encode(b))"),
    ("binascii hexlify", 10000, True, "import binascii; b = b'abcdefgh' * n", "binascii.unhexlify(binascii.hexlify(b))"),
    ("textwrap", 1000, True, "import textwrap; s = 'word ' * n", "textwrap.wrap(s, 70)"),
    ("csv reader", 3000, True, "import csv, io; s = 'a,b,\"c,d\"\\n' * n", "list(csv.reader(io.StringIO(s)))"),
    ("csv writer", 3000, True, "import csv, io; f = io.StringIO(); w = csv.writer(f); rows = [('a', i, 'c,d')] * n", "w.writerows(rows)"),
    ("unicodedata", 10000, True, "import unicodedata; s = '\u00e9a\u00f1' * n", "unicodedata.normalize('NFD', s)"),
    ("random.shuffle", 10000, True, "import random; a = list(range(n))", "random.shuffle(a)"),
    ("random.sample", 10000, True, "import random; a = list(range(n))", "random.sample(a, n // 2)"),
    ("random.choices", 10000, True, "import random", "random.choices(range(100), k=n)"),
    ("statistics.mean", 3000, True, "import statistics; a = list(range(n))", "statistics.mean(a)"),
    ("fractions sum", 300, True, "from fractions import Fraction", "sum(Fraction(1, i) for i in range(1, n))"),
    ("decimal sum", 3000, True, "from decimal import Decimal", "sum(Decimal(i) / 7 for i in range(1, n))"),
    ("string.Template", 3000, True, "import string; t = string.Template('$a and $b ' * 10)", "for i in range(n): t.substitute(a=1, b=2)"),
    ("datetime arith", 10000, True, "import datetime; d = datetime.datetime(2020, 1, 1); td = datetime.timedelta(seconds=1)",
     "for i in range(n): d = d + td"),
    ("enum lookup", 10000, True, "import enum\nclass E(enum.Enum):\n    A = 1\n    B = 2", "for i in range(n): E(1); E.B"),
    ("dataclass make", 3000, True, "import dataclasses\n@dataclasses.dataclass\nclass P:\n    x: int\n    y: int", "for i in range(n): P(i, i) == P(i, i)"),
    # ---- deep structures / gc / objects ----
    ("linked tuple build+del", 10000, True, "", "x = None\nfor i in range(n): x = (x, i)\ndel x"),
    ("linked list build+del", 10000, True, "", "x = None\nfor i in range(n): x = [x, i]\ndel x"),
    ("linked dict build+del", 10000, True, "", "x = None\nfor i in range(n): x = {'n': x}\ndel x"),
    ("linked obj build+del", 10000, True, "class N:\n    __slots__ = ('n',)", "x = None\nfor i in range(n):\n    o = N(); o.n = x; x = o\ndel x, o"),
    ("linked instance build+del", 10000, True, "class N: pass", "x = None\nfor i in range(n):\n    o = N(); o.n = x; x = o\ndel x, o"),
    ("linked repr RecursionError", 10000, True, "x = None\nfor i in range(n): x = [x]",
     "try:\n    repr(x)\nexcept RecursionError:\n    pass"),
    ("gc.collect many", 10000, True, "import gc; a = [[i] for i in range(n * 10)]", "gc.collect()"),
    ("gc alloc containers", 10000, True, "", "a = [[i] for i in range(n * 10)]"),
    ("gc alloc dicts", 10000, True, "", "a = [{'i': i} for i in range(n * 10)]"),
    ("gc alloc objects", 10000, True, "class C:\n    def __init__(s, i): s.i = i", "a = [C(i) for i in range(n * 10)]"),
    ("gc alloc tuples", 10000, True, "", "a = [(i, [i]) for i in range(n * 10)]"),
    ("gc cycles", 10000, True, "import gc", "for i in range(n):\n    a = []; a.append(a)\ngc.collect()"),
    ("gc get_objects", 10000, True, "import gc; a = [[i] for i in range(n)]", "len(gc.get_objects())"),
    ("weakref many", 10000, True, "import weakref\nclass C: pass\na = [C() for i in range(n)]", "w = [weakref.ref(x) for x in a]\ndel a[:]"),
    ("WeakValueDictionary", 3000, True, "import weakref\nclass C: pass\na = [C() for i in range(n)]",
     "d = weakref.WeakValueDictionary()\nfor i, x in enumerate(a): d[i] = x\ndel a[:]"),
    ("many attributes", 10000, True, "class C: pass\no = C(); names = ['a%d' % i for i in range(n)]",
     "for k in names: setattr(o, k, 1)\nfor k in names: getattr(o, k)"),
    ("many attributes del", 10000, True, "class C: pass\no = C(); names = ['a%d' % i for i in range(n)]\nfor k in names: setattr(o, k, 1)",
     "for k in names: delattr(o, k)"),
    ("vars() of big object", 10000, True, "class C: pass\no = C()\nfor i in range(n): setattr(o, 'a%d' % i, i)", "for i in range(10): dict(vars(o))"),
    ("many instances distinct attrs", 3000, True, "class C: pass",
     "a = []\nfor i in range(n):\n    o = C(); setattr(o, 'a%d' % i, i); a.append(o)"),
    ("class creation loop", 1000, True, "", "for i in range(n):\n    class C:\n        def f(self): pass"),
    ("class many methods", 3000, True, "ns = {'m%d' % i: (lambda self: 1) for i in range(n)}", "C = type('C', (), ns)\nC.m0"),
    ("subclass chain", 100, True, "", "B = object\nfor i in range(n): B = type('B', (B,), {})\nB()"),
    ("many subclasses", 1000, True, "class A: pass", "for i in range(n): type('B', (A,), {})"),
    ("type setattr loop", 10000, True, "class C: pass\nc = C()", "for i in range(n): C.x = i; c.x if hasattr(c, 'x') else 0"),
    ("globals churn", 10000, True, "g = globals()", "for i in range(n): g['v%d' % i] = i\nfor i in range(n): del g['v%d' % i]"),
    ("globals many + load", 10000, True, "g = globals()\nfor i in range(n): g['v%d' % i] = i\ndef f():\n    return v0",
     "for i in range(n): f()"),
    ("exec many", 300, True, "", "for i in range(n): exec('x = %d' % i, {})"),
    ("compile big", 1000, True, "src = '\\n'.join('x%d = %d' % (i, i) for i in range(n))", "compile(src, 's', 'exec')"),
    ("compile big func", 1000, True, "src = 'def f():\\n' + '\\n'.join('    x%d = %d' % (i, i) for i in range(n))", "compile(src, 's', 'exec')"),
    ("compile long expr", 1000, True, "src = '+'.join(str(i) for i in range(n))", "compile(src, 's', 'eval')"),
    ("compile big dict literal", 1000, True, "src = '{' + ','.join('%d: %d' % (i, i) for i in range(n)) + '}'", "eval(src)"),
    ("compile long string concat", 1000, True, "src = 'x = ' + ' '.join(repr(str(i)) for i in range(n))", "exec(src, {})"),
    ("compile many ifs", 300, True, "src = 'def f(x):\\n' + ''.join('    if x == %d: return %d\\n' % (i, i) for i in range(n))", "exec(src, {})"),
    ("exceptions loop", 10000, True, "", "for i in range(n):\n    try:\n        raise ValueError(i)\n    except ValueError:\n        pass"),
    ("exceptions deep tb", 100, True, "def f(k):\n    if k == 0: raise ValueError('x')\n    f(k - 1)",
     "for i in range(100):\n    try:\n        f(n)\n    except ValueError:\n        pass"),
    ("exceptions deep tb format", 30, True, "import traceback\ndef f(k):\n    if k == 0: raise ValueError('x')\n    f(k - 1)",
     "try:\n    f(n)\nexcept ValueError:\n    traceback.format_exc()"),
    ("KeyError loop", 10000, True, "d = {}", "for i in range(n):\n    try:\n        d[i]\n    except KeyError:\n        pass"),
    ("StopIteration loop", 10000, True, "", "for i in range(n):\n    it = iter(())\n    try:\n        next(it)\n    except StopIteration:\n        pass"),
    ("generator chain", 10000, True, "def g(n):\n    for i in range(n): yield i", "sum(g(n))"),
    ("nested generators", 100, True, "def g(k):\n    if k == 0:\n        yield 1\n    else:\n        yield from g(k - 1)",
     "for i in range(100): list(g(n))"),
    ("recursion", 100, True, "def f(k): return 0 if k == 0 else 1 + f(k - 1)", "for i in range(100): f(n)"),
    ("closures", 10000, True, "", "fs = [(lambda i=i: i) for i in range(n)]\nfor f in fs: f()"),
    ("kwargs call", 10000, True, "def f(**kw): return len(kw)\nd = {str(i): i for i in range(n)}", "f(**d)"),
    ("star args call", 10000, True, "def f(*a): return len(a)\na = list(range(n))", "f(*a)"),
    ("super calls", 10000, True, "class A:\n    def f(self): return 1\nclass B(A):\n    def f(self): return super().f()\nb = B()", "for i in range(n): b.f()"),
    ("property", 10000, True, "class A:\n    @property\n    def p(self): return 1\na = A()", "for i in range(n): a.p"),
    ("isinstance abc", 10000, True, "import collections.abc as c", "for i in range(n): isinstance([], c.Sequence)"),
    ("str methods via map", 10000, True, "a = [str(i) for i in range(n)]", "list(map(str.upper, a))"),
    ("threading lock", 10000, True, "import threading; l = threading.Lock()", "for i in range(n):\n    with l: pass"),
    ("contextvar", 10000, True, "import contextvars; v = contextvars.ContextVar('v')", "for i in range(n): v.set(i); v.get()"),
    ("sys.intern", 10000, True, "import sys; a = ['x%d' % i for i in range(n)]", "for s in a: sys.intern(s)"),
    ("os.path.join", 10000, True, "import os", "for i in range(n): os.path.join('a', 'b', str(i))"),
]


CHILD = r'''
import sys, time, json
setup, stmt, n, budget = json.loads(sys.argv[1])
code = compile(stmt, "<stmt>", "exec")
best = None
start = time.perf_counter()
reps = 0
while reps < 5:
    ns = {"n": n, "__name__": "__main__"}
    exec(setup, ns)
    t0 = time.perf_counter()
    exec(code, ns)
    dt = time.perf_counter() - t0
    ns = None
    best = dt if best is None else min(best, dt)
    reps += 1
    if time.perf_counter() - start > budget:
        break
print(json.dumps(best))
'''


def run_one(exe, setup, stmt, n, timeout, budget):
    try:
        p = subprocess.run([exe, "-c", CHILD, json.dumps([setup, stmt, n, budget])],
                           capture_output=True, timeout=timeout, text=True)
    except subprocess.TimeoutExpired:
        return "TIMEOUT"
    if p.returncode != 0:
        return "ERR:" + (p.stderr.strip().splitlines() or ["?"])[-1][:60]
    try:
        return float(p.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return "ERR:output"


def fmt(t):
    if isinstance(t, str):
        return t[:9].rjust(9)
    if t < 1e-3:
        return f"{t * 1e6:7.0f}us"
    if t < 1:
        return f"{t * 1e3:7.1f}ms"
    return f"{t:7.2f}s "


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("filters", nargs="*", help="run only cases whose name contains one of these")
    ap.add_argument("--pyrite", default=os.path.join(os.environ.get("CARGO_TARGET_DIR", "target"), "release", "pyrite"))
    ap.add_argument("--cpython", default="python3.11")
    ap.add_argument("--growth", type=float, default=3.0, help="flag when pyrite growth > this x CPython growth")
    ap.add_argument("--ratio", type=float, default=3.0, help="flag when pyrite/CPython at the largest size > this")
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds per (interpreter, case, size) run")
    ap.add_argument("--budget", type=float, default=0.3, help="stop repeating after this many seconds")
    ap.add_argument("--no-100", action="store_true", help="skip the 100n size")
    ap.add_argument("--flagged-only", action="store_true")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--start", help="skip the cases before the first whose name contains this")
    args = ap.parse_args()
    cases = [c for c in CASES if not args.filters or any(f in c[0] for f in args.filters)]
    if args.start:
        first = next((i for i, c in enumerate(cases) if args.start in c[0]), len(cases))
        cases = cases[first:]
    if args.list:
        for c in cases:
            print(c[0])
        return
    flagged = []
    for name, n, big, setup, stmt in cases:
        sizes = [n, 10 * n] + ([100 * n] if big and not args.no_100 else [])
        cpy, pyr = [], []
        for size in sizes:
            c = run_one(args.cpython, setup, stmt, size, args.timeout, args.budget)
            cpy.append(c)
            # When pyrite already timed out at a smaller size, the larger one will too.
            if pyr and isinstance(pyr[-1], str):
                pyr.append(pyr[-1])
                continue
            pyr.append(run_one(args.pyrite, setup, stmt, size, args.timeout, args.budget))
        reasons = []
        if any(isinstance(t, str) for t in pyr):
            reasons.append(next(t for t in pyr if isinstance(t, str)))
        elif all(isinstance(t, float) for t in cpy):
            floor = 2e-5  # below this, timer and noise dominate
            cg = max(cpy[-1], floor) / max(cpy[0], floor)
            pg = max(pyr[-1], floor) / max(pyr[0], floor)
            ratio = pyr[-1] / max(cpy[-1], floor)
            # Growth alone misleads when pyrite is much faster at the small size.
            if pg > args.growth * cg and ratio > 1.5 and pyr[-1] > 5e-3:
                reasons.append(f"growth {pg:.0f}x vs {cg:.0f}x")
            if ratio > args.ratio and pyr[-1] > 5e-3:
                reasons.append(f"ratio {ratio:.1f}")
        line = f"{name[:30]:30} cpy " + " ".join(fmt(t) for t in cpy) + " | pyr " + " ".join(fmt(t) for t in pyr)
        if reasons:
            line += "  <-- " + "; ".join(reasons)
            flagged.append(line)
        if reasons or not args.flagged_only:
            print(line, flush=True)
    print(f"\n{len(flagged)} of {len(cases)} cases flagged", flush=True)
    for line in flagged:
        print(line)


if __name__ == "__main__":
    main()
