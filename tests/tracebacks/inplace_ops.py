# Augmented assignment errors: messages name the in-place operator (+=, **=,
# @=, ...) and the markers cover the whole augmented statement.
import sys
import traceback


def run(f, *args):
    try:
        f(*args)
    except Exception:
        traceback.print_exc(file=sys.stdout)


def add_in_place(acc, item):
    acc += item
    return acc


def power_in_place(base, exp):
    base **= exp
    return base


def matmul_in_place(a, b):
    a @= b
    return a


def shift_in_place(a, b):
    a <<= b
    a >>= b
    return a


def or_in_place(a, b):
    a |= b
    return a


class Box:
    def __init__(self):
        self.items = []
        self.count = 0


def attribute_in_place(box):
    box.count -= "1"


def subscript_in_place(d):
    d["k"] //= 0


run(add_in_place, [1], 2)
run(add_in_place, "s", 3)
run(power_in_place, "x", 2)
run(matmul_in_place, 1, 2)
run(shift_in_place, 1, -2)
run(or_in_place, {1}, [2])
run(attribute_in_place, Box())
run(subscript_in_place, {"k": 5})
counter = {"n": None}
counter["n"] += 1
