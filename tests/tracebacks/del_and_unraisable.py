# Exceptions in __del__ are "unraisable": they go to sys.unraisablehook
# (here one that prints the fields without addresses) and do not stop the
# program.
import sys


def hook(unraisable):
    print("unraisable:", type(unraisable.exc_value).__name__, unraisable.exc_value,
          unraisable.exc_type.__name__, unraisable.err_msg,
          getattr(unraisable.object, "__qualname__", None), unraisable.exc_traceback is not None)


sys.unraisablehook = hook


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        raise ValueError(f"del of {self.name}")


def make_and_drop():
    n = Noisy("local")
    del n
    print("after del")


make_and_drop()
x = Noisy("global")
x = None
print("still running")
Noisy("temporary")
print("end")


def type_hook(unraisable):
    print(type(unraisable).__name__, len(unraisable), unraisable[3], type(unraisable[1]).__name__)


sys.unraisablehook = type_hook
Noisy("typed")
print("typed done")


# A hook that fails (int() of the args) is reported by the default printer.
sys.unraisablehook = int
Noisy("through a failing hook")
print("failing hook done")
sys.unraisablehook = sys.__unraisablehook__
print(sys.__unraisablehook__ is not None)
