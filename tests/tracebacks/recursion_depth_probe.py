# _testinternalcapi.get_recursion_depth(): the depth RecursionError counts,
# 1 at module level, one more per Python call (comprehensions, lambdas,
# methods and properties included).
import sys
from _testinternalcapi import get_recursion_depth

print("module:", get_recursion_depth())


def f():
    return get_recursion_depth()


def rec(n):
    if n == 0:
        return get_recursion_depth()
    return rec(n - 1)


print("function:", f())
print("recursion 10:", rec(10))
print("lambda:", (lambda: get_recursion_depth())())
print("listcomp:", [get_recursion_depth() for _ in range(1)])
class C:

    def method(self):
        return get_recursion_depth()

    @property
    def prop(self):
        return get_recursion_depth()


print("method:", C().method())
print("property:", C().prop)
