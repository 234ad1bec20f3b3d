# Frame names in tracebacks: lambdas, comprehensions, generator expressions,
# class bodies, nested functions, methods, decorators, properties.
import functools
import sys
import traceback


def run(f):
    try:
        f()
    except Exception:
        traceback.print_exc(file=sys.stdout)


def comprehension():
    return [1 / x for x in [1, 0]]


def set_and_dict_comp():
    return {k: 1 / v for k, v in {"a": 0}.items()}


def generator_expression():
    return sum(1 / x for x in (2, 0))


def class_body():
    class Broken:
        value = undefined_in_class


def nested():
    def inner():
        def innermost():
            raise ValueError("deep")
        return innermost()
    return inner()


def decorator(f):
    @functools.wraps(f)
    def wrapper(*a):
        return f(*a)
    return wrapper


@decorator
def decorated():
    raise KeyError("decorated")


class Obj:
    @property
    def prop(self):
        return self.missing_attr

    def __init__(self, fail=False):
        if fail:
            raise RuntimeError("init")


run(lambda: 1 / 0)
run(comprehension)
run(set_and_dict_comp)
run(generator_expression)
run(class_body)
run(nested)
run(decorated)
run(lambda: Obj().prop)
run(lambda: Obj(True))
run(lambda: sorted([3, 1], key=lambda v: v / 0))
run(lambda: list(map(lambda v: [][v], [0])))
print([f.__name__ for f in (comprehension, decorated)], decorated.__wrapped__.__qualname__)
print((lambda: [x for x in [1]]).__qualname__)
[{"k": v}["v"] for v in range(2)]
