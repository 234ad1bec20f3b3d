# Python calls do not recurse on the Rust stack: 100,000-deep recursion under a raised limit, the default limit giving RecursionError, and re-entry through sorted(key=).
import sys
sys.setrecursionlimit(200000)
def f(n):
    return 0 if n == 0 else 1 + f(n - 1)
print(f(100000))
class A:
    def m(self, n):
        return 0 if n == 0 else 1 + self.m(n - 1)
print(A().m(100000))
def g(n):
    if n == 0:
        raise ValueError("bottom")
    return g(n - 1)
try:
    g(50000)
except ValueError as e:
    print("caught", e)
sys.setrecursionlimit(1000)
def h(): return h()
try: h()
except RecursionError as e: print(e)
print(sorted([3,1,2], key=lambda x: f(10)))
