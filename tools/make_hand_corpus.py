#!/usr/bin/env python3.11
"""Writes tests/syntax/hand/: one short, realistic program per compile-time
error message (the symtable's and compiler's, checked in
crates/syntax/src/semantic, and the parser's invalid_* rules and tokenizer
errors), plus deep-nesting cases. Each program states the message it must
produce; the script checks it against python3.11's compile() and refuses to
write a case whose message differs (or that compiles).

    python3.11 tools/make_hand_corpus.py
"""
import os
import shutil
import sys
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "syntax", "hand")

# (file name, expected message (prefix), source)
CASES = [
    # --- symtable.c ---------------------------------------------------------
    ("global_param", "name 'count' is parameter and global", """\
def bump(count):
    global count
    count += 1
    return count
"""),
    ("nonlocal_param", "name 'total' is parameter and nonlocal", """\
def make_adder():
    total = 0
    def add(total):
        nonlocal total
        return total
    return add
"""),
    ("global_after_use", "name 'cache' is used prior to global declaration", """\
cache = {}

def lookup(key):
    if key in cache:
        return cache[key]
    global cache
    cache = {key: None}
"""),
    ("global_after_assign", "name 'state' is assigned to before global declaration", """\
state = "idle"

def start():
    state = "starting"
    global state
    print(state)
"""),
    ("nonlocal_after_use", "name 'n' is used prior to nonlocal declaration", """\
def counter():
    n = 0
    def inc():
        print(n)
        nonlocal n
        n += 1
    return inc
"""),
    ("nonlocal_after_assign", "name 'n' is assigned to before nonlocal declaration", """\
def counter():
    n = 0
    def reset():
        n = 0
        nonlocal n
    return reset
"""),
    ("global_annotated", "annotated name 'limit' can't be global", """\
limit = 10

def configure():
    limit: int = 20
    global limit
"""),
    ("annotated_global", "annotated name 'limit' can't be global", """\
limit = 10

def configure():
    global limit
    limit: int = 20
"""),
    ("annotated_nonlocal", "annotated name 'x' can't be nonlocal", """\
def outer():
    x = 1
    def inner():
        nonlocal x
        x: int = 2
    return inner
"""),
    ("nonlocal_module_level", "nonlocal declaration not allowed at module level", """\
nonlocal counter
counter = 0
"""),
    ("nonlocal_no_binding", "no binding for nonlocal 'hits' found", """\
def tracker():
    def record():
        nonlocal hits
        hits += 1
    return record
"""),
    ("nonlocal_in_class_no_binding", "no binding for nonlocal 'name' found", """\
class Config:
    nonlocal name
    name = "default"
"""),
    ("nonlocal_and_global", "name 'x' is nonlocal and global", """\
x = 0

def outer():
    x = 1
    def inner():
        global x
        nonlocal x
    return inner
"""),
    ("duplicate_argument", "duplicate argument 'key' in function definition", """\
def get(mapping, key, default=None, key=None):
    return mapping.get(key, default)
"""),
    ("duplicate_argument_lambda", "duplicate argument 'x' in function definition", """\
points = [(1, 2), (3, 4)]
total = sum(map(lambda x, x: x, points))
"""),
    ("duplicate_argument_kwargs", "duplicate argument 'options' in function definition", """\
def connect(host, *, options=None, **options):
    pass
"""),
    ("import_star_in_function", "import * only allowed at module level", """\
def setup():
    from os.path import *
    return join("a", "b")
"""),
    ("import_star_in_class", "import * only allowed at module level", """\
class Helpers:
    from math import *
"""),
    ("walrus_rebinds_iteration_variable", "assignment expression cannot rebind comprehension iteration variable 'line'", """\
lines = ["a", "b"]
stripped = [line := line.strip() for line in lines]
"""),
    ("walrus_in_class_comprehension", "assignment expression within a comprehension cannot be used in a class body", """\
class Report:
    rows = [1, 2, 3]
    doubled = [(last := r * 2) for r in rows]
"""),
    ("walrus_in_comprehension_iterable", "assignment expression cannot be used in a comprehension iterable expression", """\
def evens(limit):
    return [n for n in (values := range(limit)) if n % 2 == 0]
"""),
    ("walrus_inner_loop_conflict", "comprehension inner loop cannot rebind assignment expression target 'j'", """\
pairs = [i for i in range(3) if (j := i) for j in range(2)]
"""),
    ("yield_in_list_comprehension", "'yield' inside list comprehension", """\
def numbers():
    return [(yield n) for n in range(3)]
"""),
    ("yield_in_set_comprehension", "'yield' inside set comprehension", """\
def numbers():
    return {(yield n) for n in range(3)}
"""),
    ("yield_in_dict_comprehension", "'yield' inside dict comprehension", """\
def numbers():
    return {n: (yield n) for n in range(3)}
"""),
    ("yield_in_generator_expression", "'yield' inside generator expression", """\
def numbers():
    return list((yield n) for n in range(3))
"""),
    ("yield_in_annotation", "'yield expression' can not be used within an annotation", """\
from __future__ import annotations

def produce(x: (yield)) -> None:
    pass
"""),
    ("await_in_annotation", "'await expression' can not be used within an annotation", """\
from __future__ import annotations

async def fetch() -> (await get_type()):
    pass
"""),
    ("walrus_in_annotation", "'named expression' can not be used within an annotation", """\
from __future__ import annotations

size: (n := 10) = 10
"""),
    # --- compile.c ----------------------------------------------------------
    ("return_outside_function", "'return' outside function", """\
import sys

if len(sys.argv) > 1:
    return sys.argv[1]
"""),
    ("return_in_class_body", "'return' outside function", """\
class Point:
    x = 0
    return x
"""),
    ("yield_outside_function", "'yield' outside function", """\
for i in range(3):
    yield i
"""),
    ("yield_from_outside_function", "'yield' outside function", """\
items = [1, 2]
yield from items
"""),
    ("yield_from_in_async_function", "'yield from' inside async function", """\
async def stream(source):
    yield from source
"""),
    ("await_outside_function", "'await' outside function", """\
import asyncio

result = await asyncio.sleep(1)
"""),
    ("await_outside_async_function", "'await' outside async function", """\
import asyncio

def wait():
    await asyncio.sleep(1)
"""),
    ("await_in_lambda", "'await' outside async function", """\
async def main(fetch):
    handler = lambda url: await fetch(url)
    return handler
"""),
    ("async_comprehension_outside_async", "asynchronous comprehension outside of an asynchronous function", """\
def collect(stream):
    return [item async for item in stream]
"""),
    ("await_in_comprehension_outside_async", "asynchronous comprehension outside of an asynchronous function", """\
def gather(tasks):
    return [await t for t in tasks]
"""),
    ("async_with_outside_async", "'async with' outside async function", """\
def handle(lock):
    async with lock:
        pass
"""),
    ("async_for_outside_async", "'async for' outside async function", """\
def drain(queue):
    async for item in queue:
        print(item)
"""),
    ("return_value_in_async_generator", "'return' with value in async generator", """\
async def ticker(n):
    for i in range(n):
        yield i
    return n
"""),
    ("break_outside_loop", "'break' outside loop", """\
def find(items, target):
    if target in items:
        break
    return None
"""),
    ("continue_outside_loop", "'continue' not properly in loop", """\
def skip(value):
    if value is None:
        continue
    return value
"""),
    ("break_in_nested_function", "'break' outside loop", """\
for item in range(3):
    def stop():
        break
"""),
    ("break_in_except_star", "'break', 'continue' and 'return' cannot appear in an except* block", """\
for attempt in range(3):
    try:
        connect()
    except* ConnectionError:
        break
"""),
    ("return_in_except_star", "'break', 'continue' and 'return' cannot appear in an except* block", """\
def fetch():
    try:
        return download()
    except* TimeoutError:
        return None
"""),
    ("default_except_not_last", "default 'except:' must be last", """\
try:
    value = int("x")
except:
    value = 0
except ValueError:
    value = -1
"""),
    ("starred_assignment_target", "starred assignment target must be in a list or tuple", """\
values = [1, 2, 3]
*rest = values
"""),
    ("starred_expression_here", "can't use starred expression here", """\
values = [1, 2, 3]
copy = *values
"""),
    ("multiple_starred_expressions", "multiple starred expressions in assignment", """\
record = ("a", 1, 2, 3, "z")
first, *middle, *last = record
"""),
    ("too_many_expressions_star_unpacking", "too many expressions in star-unpacking assignment", "(" + ", ".join("v%d" % i for i in range(256)) + ", *rest) = range(300)\n"),
    ("assign_to_debug", "cannot assign to __debug__", """\
import sys

__debug__ = "-O" not in sys.argv
"""),
    ("delete_debug", "cannot delete __debug__", """\
del __debug__
"""),
    ("debug_as_parameter", "cannot assign to __debug__", """\
def check(value, __debug__=False):
    return value
"""),
    ("debug_as_keyword_argument", "cannot assign to __debug__", """\
print("x", __debug__=True)
"""),
    ("debug_imported", "cannot assign to __debug__", """\
from config import __debug__
"""),
    ("debug_attribute", "cannot assign to __debug__", """\
class Settings:
    pass

Settings.__debug__ = True
"""),
    ("keyword_argument_repeated", "keyword argument repeated: sep", """\
print("a", "b", sep=", ", end="\\n", sep="; ")
"""),
    ("future_import_late", "from __future__ imports must occur at the beginning of the file", """\
import os
from __future__ import annotations
"""),
    ("future_import_in_function", "from __future__ imports must occur at the beginning of the file", """\
def setup():
    from __future__ import annotations
"""),
    ("future_feature_not_defined", "future feature braces_please is not defined", """\
from __future__ import braces_please
"""),
    ("future_braces", "not a chance", """\
from __future__ import braces
"""),
    ("too_many_nested_blocks", "too many statically nested blocks", "".join(" " * i + "for i%d in range(2):\n" % i for i in range(21)) + " " * 21 + "pass\n"),
    ("match_multiple_assignments", "multiple assignments to name 'x' in pattern", """\
point = (1, 1)
match point:
    case (x, x):
        print("diagonal")
"""),
    ("match_name_capture_unreachable", "name capture 'other' makes remaining patterns unreachable", """\
command = "stop"
match command:
    case other:
        print("unknown")
    case "stop":
        print("stopping")
"""),
    ("match_wildcard_unreachable", "wildcard makes remaining patterns unreachable", """\
status = 404
match status:
    case _:
        print("any")
    case 200:
        print("ok")
"""),
    ("match_or_binds_different_names", "alternative patterns bind different names", """\
event = ("click", 1, 2)
match event:
    case ("click", x, y) | ("key", code):
        print(x)
"""),
    ("match_mapping_key_fstring", "mapping pattern keys may only match literals and attribute lookups", """\
prefix = "id"
match {"id": 1}:
    case {f"{prefix}": value}:
        print(value)
"""),
    ("match_value_fstring", "patterns may only match literals and attribute lookups", """\
name = "x"
match name:
    case f"x":
        print("x")
"""),
    ("match_duplicate_mapping_key", "mapping pattern checks duplicate key ('id')", """\
match {"id": 1}:
    case {"id": a, "id": b}:
        print(a, b)
"""),
    ("match_repeated_class_attribute", "attribute name repeated in class pattern: x", """\
class Point:
    __match_args__ = ("x", "y")

match Point():
    case Point(x=0, x=1):
        pass
"""),
    ("match_multiple_starred_names", "multiple starred names in sequence pattern", """\
match [1, 2, 3]:
    case [first, *middle, *rest]:
        pass
"""),
    # --- parser invalid_* rules --------------------------------------------
    ("assign_to_literal", "cannot assign to literal", """\
1 = count
"""),
    ("assign_to_call", "cannot assign to function call here. Maybe you meant '==' instead of '='?", """\
def f():
    return 1

f() = 2
"""),
    ("assign_to_expression_in_if", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", """\
value = 3
if value = 3:
    print("three")
"""),
    ("assign_to_attribute_in_condition", "cannot assign to attribute here. Maybe you meant '==' instead of '='?", """\
import sys
if sys.platform = "linux":
    pass
"""),
    ("assign_to_yield", "assignment to yield expression not possible", """\
def gen():
    received = yield = None
"""),
    ("assign_to_yield_here", "cannot assign to yield expression here. Maybe you meant '==' instead of '='?", """\
def gen():
    (yield) = 1
"""),
    ("annotate_yield", "illegal target for annotation", """\
def gen():
    (yield): int
"""),
    ("assign_to_keyword", "cannot assign to True", """\
True = 0
"""),
    ("augassign_to_tuple", "'tuple' is an illegal expression for augmented assignment", """\
a = b = 1
a, b += 1
"""),
    ("delete_call", "cannot delete function call", """\
items = [1]
del items.pop()
"""),
    ("delete_literal", "cannot delete literal", """\
del 42
"""),
    ("missing_comma", "invalid syntax. Perhaps you forgot a comma?", """\
colors = ["red" "green" 3 "blue"]
"""),
    ("missing_colon_after_if", "expected ':'", """\
x = 1
if x > 0
    print(x)
"""),
    ("missing_colon_after_def", "expected ':'", """\
def area(w, h)
    return w * h
"""),
    ("never_closed_paren", "'(' was never closed", """\
total = sum(
    [1, 2, 3]
"""),
    ("unmatched_bracket", "unmatched ']'", """\
values = [1, 2, 3]]
"""),
    ("mismatched_bracket", "closing parenthesis '}' does not match opening parenthesis '('", """\
result = max(1, 2}
"""),
    ("unterminated_string", "unterminated string literal (detected at line 1)", """\
greeting = "hello
"""),
    ("unterminated_triple_quoted", "unterminated triple-quoted string literal (detected at line 2)", '''\
doc = """Start of a docstring
that never ends
'''),
    ("expected_indented_block", "expected an indented block after 'for' statement on line 1", """\
for i in range(3):
print(i)
"""),
    ("expected_indented_block_function", "expected an indented block after function definition on line 1", """\
def todo():
# nothing yet
"""),
    ("unexpected_indent", "unexpected indent", """\
x = 1
    y = 2
"""),
    ("unindent_mismatch", "unindent does not match any outer indentation level", """\
def f():
        x = 1
    return x
"""),
    ("mixed_tabs_spaces", "inconsistent use of tabs and spaces in indentation", "def f():\n        x = 1\n\treturn x\n"),
    ("print_statement", "Missing parentheses in call to 'print'. Did you mean print(...)?", """\
name = "world"
print "hello", name
"""),
    ("exec_statement", "Missing parentheses in call to 'exec'. Did you mean exec(...)?", """\
exec "x = 1"
"""),
    ("positional_after_keyword", "positional argument follows keyword argument", """\
print(sep="-", "a", "b")
"""),
    ("positional_after_kwargs_unpacking", "positional argument follows keyword argument unpacking", """\
opts = {}
print(**opts, "x")
"""),
    ("iterable_after_kwargs_unpacking", "iterable argument unpacking follows keyword argument unpacking", """\
opts = {}
args = []
print(**opts, *args)
"""),
    ("generator_not_parenthesized", "Generator expression must be parenthesized", """\
total = sum(x for x in range(3), 0)
"""),
    ("non_default_after_default", "non-default argument follows default argument", """\
def connect(host="localhost", port):
    pass
"""),
    ("var_keyword_default", "var-keyword argument cannot have default value", """\
def f(**kwargs={}):
    pass
"""),
    ("var_positional_default", "var-positional argument cannot have default value", """\
def f(*args=()):
    pass
"""),
    ("arguments_after_var_keyword", "arguments cannot follow var-keyword argument", """\
def f(**kwargs, debug):
    pass
"""),
    ("named_arguments_after_bare_star", "named arguments must follow bare *", """\
def f(a, *):
    pass
"""),
    ("slash_only_once", "/ may appear only once", """\
def f(a, /, b, /):
    pass
"""),
    ("slash_after_star", "/ must be ahead of *", """\
def f(a, *, b, /):
    pass
"""),
    ("star_only_once", "* argument may appear only once", """\
def f(*a, *b):
    pass
"""),
    ("parenthesized_parameters", "Function parameters cannot be parenthesized", """\
def f((a, b)):
    pass
"""),
    ("lambda_parenthesized_parameters", "Lambda expression parameters cannot be parenthesized", """\
swap = lambda (a, b): (b, a)
"""),
    ("expected_default_value", "expected default value expression", """\
def f(a=):
    pass
"""),
    ("dict_missing_value", "expression expected after dictionary key and ':'", """\
config = {"debug": , "level": 1}
"""),
    ("dict_missing_colon", "':' expected after dictionary key", """\
config = {"level": 1, "debug"}
"""),
    ("double_star_in_dict_comprehension", "dict unpacking cannot be used in dict comprehension", """\
parts = [{"a": 1}]
merged = {**p for p in parts}
"""),
    ("starred_in_comprehension", "iterable unpacking cannot be used in comprehension", """\
rows = [[1], [2]]
flat = [*row for row in rows]
"""),
    ("comprehension_target_tuple", "did you forget parentheses around the comprehension target?", """\
pairs = [x, y for x, y in zip("ab", "cd")]
"""),
    ("if_expression_without_else", "expected 'else' after 'if' expression", """\
sign = 1 if x > 0
"""),
    ("try_without_except", "expected 'except' or 'finally' block", """\
try:
    run()
print("done")
"""),
    ("except_multiple_types_unparenthesized", "multiple exception types must be parenthesized", """\
try:
    run()
except ValueError, TypeError:
    pass
"""),
    ("except_and_except_star", "cannot have both 'except' and 'except*' on the same 'try'", """\
try:
    run()
except ValueError:
    pass
except* TypeError:
    pass
"""),
    ("except_star_without_type", "expected one or more exception types", """\
try:
    run()
except*:
    pass
"""),
    ("annotation_of_tuple", "only single target (not tuple) can be annotated", """\
a, b: int = 1, 2
"""),
    ("annotation_of_list", "only single target (not list) can be annotated", """\
[a]: list = [1]
"""),
    ("annotation_illegal_target", "illegal target for annotation", """\
def size():
    return 1

size(): int = 3
"""),
    ("trailing_comma_import", "trailing comma not allowed without surrounding parentheses", """\
from os import path,
"""),
    ("starred_in_dict_value", "cannot use a starred expression in a dictionary value", """\
items = [1]
d = {"k": *items}
"""),
    ("double_starred_here", "cannot use double starred expression here", """\
opts = {}
x = (**opts)
"""),
    ("use_underscore_as_target", "cannot use '_' as a target", """\
match (1, 2):
    case (1, 2) as _:
        pass
"""),
    ("invalid_pattern_target", "invalid pattern target", """\
match 1:
    case 1 as (x):
        pass
"""),
    ("invalid_character", "invalid character '\u20ac' (U+20AC)", """\
price = 10\u20ac
"""),
    ("invalid_decimal_literal", "invalid decimal literal", """\
timeout = 10s
"""),
    ("leading_zeros", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", """\
mode = 0755
"""),
    ("fstring_empty_expression", "f-string: empty expression not allowed", """\
name = "x"
print(f"hello {}")
"""),
    ("fstring_bad_conversion", "f-string: invalid conversion character", """\
value = 1
print(f"{value!x}")
"""),
    ("backslash_continuation", "unexpected character after line continuation character", """\
total = 1 + \\ 2
"""),
    ("unexpected_eof", "'[' was never closed", """\
items = [
    1,
    2,
"""),
    ("else_without_if", "invalid syntax", """\
x = 1
else:
    pass
"""),
    ("barry_as_flufl", "invalid syntax", """\
if 1 <> 2:
    pass
"""),
]


def deep_cases():
    """Nesting past every limit: brackets (the tokenizer's), if-statements
    (the tokenizer's indentation limit), and expressions the parser accepts but
    the compiler's passes refuse as too deep."""
    yield "deep_brackets_10000", "too many nested parentheses", "x = " + "(" * 10000 + ")" * 10000 + "\n"
    yield "deep_brackets_201", "too many nested parentheses", "x = " + "[" * 201 + "]" * 201 + "\n"
    yield "deep_if_1000", "too many levels of indentation", "".join(" " * i + "if x:\n" for i in range(1000)) + " " * 1000 + "pass\n"
    yield "deep_unary_minus_3000", "RecursionError", "x = " + "-" * 3000 + "1\n"
    yield "deep_not_3500", "RecursionError", "x = " + "not " * 3500 + "y\n"
    yield "deep_parser_overflow", "MemoryError", "x = " + "-" * 8000 + "1\n"
    yield "deep_blocks_with", "too many statically nested blocks", "def f():\n" + "".join("    " * (i + 1) + "with a%d:\n" % i for i in range(21)) + "    " * 22 + "pass\n"
    yield "deep_error_after_deep_code", "'return' outside function", "x = " + "(" * 150 + "1" + ")" * 150 + "\nreturn x\n"


def outcome(data):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            compile(data, "case.py", "exec")
        except SyntaxError as e:
            return e.msg
        except (RecursionError, MemoryError, ValueError) as e:
            return type(e).__name__
    return None


def main():
    cases = list(CASES) + list(deep_cases())
    names = [c[0] for c in cases]
    assert len(names) == len(set(names)), "duplicate case names"
    bad = 0
    written = []
    for name, expected, src in cases:
        data = src.encode("utf-8")
        got = outcome(data)
        if got is None or not got.startswith(expected):
            print("%s: expected %r, python3.11 says %r" % (name, expected, got))
            bad += 1
            continue
        written.append((name, data))
    if bad:
        sys.exit("%d cases do not give their message; nothing written" % bad)
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    for name, data in written:
        with open(os.path.join(OUT, name + ".py"), "wb") as f:
            f.write(data)
    print("%d cases written" % len(written))


if __name__ == "__main__":
    main()
