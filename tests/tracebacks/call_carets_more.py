# Markers for failing calls: method chains, calls spanning lines (no markers),
# calls with nested calls as arguments and calls on attribute results.
import sys
import traceback


def run(f, *args):
    try:
        f(*args)
    except Exception:
        traceback.print_exc(file=sys.stdout)


class Query:
    def __init__(self, items):
        self.items = items

    def where(self, pred):
        return Query([x for x in self.items if pred(x)])

    def first(self):
        return self.items[0]

    def count(self):
        return len(self.items)


def chain():
    return Query([1, 2, 3]).where(lambda x: x > 5).first()


def chain_bad_pred():
    return Query([1, "a"]).where(lambda x: x > 0).count()


def nested_args(x):
    return max(int(x), abs(float(x)))


def spanning(x):
    return int(
        x,
        base=10,
    )


def call_result_is_none():
    f = lambda: None
    return f()()


def not_callable_attr(q):
    return q.items()


run(chain)
run(chain_bad_pred)
run(nested_args, "z")
run(spanning, "q")
run(call_result_is_none)
run(not_callable_attr, Query([]))
print(Query(["a", "b"]).where(
    lambda s: s.upper() == "A"
).first().missing())
