# UnboundLocalError for locals read before assignment (with and without a
# later assignment in a branch), free variables of closures read before the
# enclosing function assigns them, and deleted names.
import sys
import traceback


def run(f, *args):
    try:
        f(*args)
    except NameError as e:
        print(type(e).__name__, e, isinstance(e, NameError))
        traceback.print_exc(file=sys.stdout)


count = 0


def increment():
    count += 1


def branch(flag):
    if flag:
        value = 1
    return value


def free_before_assign():
    def inner():
        return later

    result = inner()
    later = 1
    return result


def deleted_local():
    x = 1
    del x
    return x


def deleted_free():
    y = 1

    def inner():
        return y

    del y
    return inner()


def except_name_cleared():
    try:
        1 / 0
    except ZeroDivisionError as err:
        pass
    return err


run(increment)
run(branch, False)
run(free_before_assign)
run(deleted_local)
run(deleted_free)
run(except_name_cleared)
del count
print(count)
