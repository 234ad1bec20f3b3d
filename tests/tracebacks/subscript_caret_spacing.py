# PEP 657 anchors of subscripts and binary operators written with spaces,
# parentheses and comments: `~` up to the '[' (or operator), `^` over it.
import io
import sys


def report(exc):
    saved = sys.stderr
    sys.stderr = io.StringIO()
    try:
        sys.__excepthook__(type(exc), exc, exc.__traceback__)
        return sys.stderr.getvalue()
    finally:
        sys.stderr = saved


def spaced(b, a, c):
    return b     [    a  ] + c


def parenthesised(b, a):
    return (b) [ (a) ]


def slice_spaced(b):
    return b  [ 1 : 2 ] [  0  ]


def nested(d):
    return d["x"]  [ d [ "y" ] ]


def binop_spaced(a, b):
    return (a)   +   ( b )


def binop_comment(a, b):
    return (a  # left
            ) * b


cases = [
    (spaced, ({"k": 1}, "missing", 2)),
    (parenthesised, ([], 3)),
    (slice_spaced, ([1, 2, 3],)),
    (slice_spaced, ([[]],)),
    (nested, ({"x": {}, "y": "z"},)),
    (binop_spaced, (1, "s")),
    (binop_comment, (None, 2)),
]
for func, args in cases:
    try:
        func(*args)
    except Exception as e:
        print(report(e).replace(__file__, "FILE"))

spaced({}, "uncaught", 0)
