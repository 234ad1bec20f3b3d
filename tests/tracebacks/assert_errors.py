# AssertionError from assert statements: with and without messages,
# non-str messages, multi-line asserts, and markers under the assert.
import sys
import traceback


def run(f, *args):
    try:
        f(*args)
    except AssertionError as e:
        print(repr(e), e.args)
        traceback.print_exc(file=sys.stdout)


def plain(x):
    assert x > 0


def with_message(x):
    assert x > 0, f"x must be positive, got {x}"


def object_message(x):
    assert x, {"x": x}


def multi_line(items):
    assert len(items) == 3, (
        "need three items"
    )


def nested_call(x):
    assert isinstance(x, int) and x % 2 == 0, "even int"


run(plain, -1)
run(with_message, -2)
run(object_message, 0)
run(multi_line, [1])
run(nested_call, 3)
values = [1, 2]
assert sum(values) == 4, "sum mismatch"
