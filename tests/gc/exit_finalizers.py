# What is still alive at exit is finalized as CPython does: first cycles that
# were already garbage, then the main module's namespace (in creation order),
# cycles held by globals included. Automatic collection is left on here.
import gc


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


first = D("first global")
held_cycle = D("cycle held by a global")
held_cycle.me = held_cycle
second = D("second global")
lost = D("lost cycle")
lost.me = lost
del lost


def func():
    pass


func.attr = D("function attribute")
container = [D("in a list")]
print("end of script; enabled:", gc.isenabled())
