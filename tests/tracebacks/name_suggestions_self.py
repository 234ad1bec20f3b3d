# NameError suggestions: close local, enclosing, global and builtin names,
# and "Did you mean 'self.x'?" for an instance attribute used bare in a method.
import sys
import traceback


def run(f, *args):
    try:
        f(*args)
    except NameError as e:
        print(repr(e), e.name)
        traceback.print_exc(file=sys.stdout)


class Counter:
    def __init__(self):
        self.total = 0
        self.step_size = 2

    def bump(self):
        return total + 1

    def advance(self):
        return step_size * 2

    def close_both(self):
        totl = 1
        return totall


def local_typo():
    message = "hi"
    return mesage


def builtin_typo():
    return lenn([1])


def enclosing():
    outer_value = 1

    def inner():
        return outer_valu

    return inner()


global_thing = 5


def global_typo():
    return global_thng


def far_off():
    return completely_unrelated_name_xyz


run(Counter().bump)
run(Counter().advance)
run(Counter().close_both)
run(local_typo)
run(builtin_typo)
run(enclosing)
run(global_typo)
run(far_off)
run(lambda: Nnoe)
run(lambda: true)
Counter.tick = lambda self: step_size
Counter().tick()
