# CPython leaves the markers out when they would cover the whole stripped
# line, and for expressions spanning several lines; and keeps them when the
# line has a trailing comment or an assignment target.
import sys
import traceback


def run(f, *args):
    try:
        f(*args)
    except Exception:
        traceback.print_exc(file=sys.stdout)


def whole_call(f):
    f()


def whole_binop(a, b):
    a / b


def whole_with_comment(a, b):
    a / b  # divide


def assigned(a, b):
    result = a / b


def returned(d):
    return d["missing"]


def multi_line_call(f):
    f(
        1,
        2,
    )


def multi_line_binop(a, b):
    return (a
            /
            b)


def raise_stmt():
    raise ValueError("plain")


def raise_from_call():
    raise ValueError(int("x"))


run(whole_call, None)
run(whole_binop, 1, 0)
run(whole_with_comment, 1, 0)
run(assigned, 1, 0)
run(returned, {})
run(multi_line_call, len)
run(multi_line_binop, 1, 0)
run(raise_stmt)
run(raise_from_call)
{}["top"]
