# Error messages raised by pure-Python standard library modules, printed with
# their tracebacks through Lib/: json, enum, collections,
# functools, itertools, re.
import collections
import enum
import functools
import itertools
import json
import re
import sys
import traceback


class Color(enum.Enum):
    RED = 1


def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)


show(lambda: json.loads("{bad json}"))
show(lambda: json.loads("[1, 2"))
show(lambda: json.dumps({1j: 2}))
show(lambda: json.dumps(object()))
show(lambda: Color(5))
show(lambda: Color["BLUE"])
show(lambda: collections.namedtuple("P", "x x"))
show(lambda: collections.namedtuple("P", "x")(1, 2))
show(lambda: functools.reduce(lambda a, b: a + b, []))
show(lambda: next(itertools.islice([], -1)))
show(lambda: re.compile("(unclosed"))
show(lambda: re.compile("[z-a]"))
show(lambda: re.sub("a", "\\9", "a"))
try:
    json.loads('{"a": 1,}')
except json.JSONDecodeError as e:
    print(e.msg, e.pos, e.lineno, e.colno)
    traceback.print_exc(limit=1, file=sys.stdout)
Color("RED")
