# Errors of the raise statement and except clauses themselves: bare raise
# with no active exception, raising non-exceptions, bad causes, classes that
# are not exceptions in except, and exception classes that fail to build.
import sys
import traceback


def run(f):
    try:
        f()
    except BaseException:
        traceback.print_exc(file=sys.stdout)


def bare():
    raise


def raise_int():
    raise 5


def raise_class_not_exc():
    raise int


def bad_cause():
    raise ValueError("x") from 5


def cause_class():
    raise ValueError("x") from KeyError


def except_non_class():
    try:
        raise ValueError
    except 5:
        pass


def except_tuple_with_bad():
    try:
        raise ValueError
    except (KeyError, "str"):
        pass


class NeedsArgs(Exception):
    def __init__(self, a, b):
        super().__init__(a, b)


def raise_class_needing_args():
    raise NeedsArgs


class NewReturnsOther(Exception):
    def __new__(cls):
        return 5


def raise_new_returns_other():
    raise NewReturnsOther


run(bare)
run(raise_int)
run(raise_class_not_exc)
run(bad_cause)
run(cause_class)
run(except_non_class)
run(except_tuple_with_bad)
run(raise_class_needing_args)
run(raise_new_returns_other)
raise
