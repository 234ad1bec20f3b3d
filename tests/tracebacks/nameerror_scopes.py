# NameError and its suggestions in class bodies, comprehensions, nested
# functions, after `del` of a global, for names used in lambdas and for
# builtins shadowed and removed.
import sys
import traceback


def run(f):
    try:
        f()
    except NameError as e:
        print(type(e).__name__, e, e.name)
        traceback.print_exc(file=sys.stdout)


counter_value = 1


def in_class_body():
    class C:
        attr = counter_valu


def in_comprehension():
    values = [1, 2]
    return [valuez for v in values]


def from_lambda():
    f = lambda: undefined_thing
    return f()


def deleted_global():
    global temporary
    temporary = 1
    del temporary
    return temporary


def class_scope_not_visible():
    class D:
        x = 1
        items = [x for _ in range(2)]


run(in_class_body)
run(in_comprehension)
run(from_lambda)
run(deleted_global)
run(class_scope_not_visible)
run(lambda: prin("hello"))
run(lambda: Exceptio)
run(lambda: __nme__)
print(countr_value)
