# RecursionError recovery, sys.setrecursionlimit, deep but finite recursion.
import sys
def depth(n):
    return n if n == 0 else 1 + depth(n - 1)
print(depth(500))
limit = sys.getrecursionlimit()
sys.setrecursionlimit(200)
try:
    depth(500)
except RecursionError as e:
    print("RecursionError:", e)
print(depth(100))
sys.setrecursionlimit(limit)
print(depth(900), sys.getrecursionlimit())
class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None
    def count(self):
        return 1 + (self.child.count() if self.child else 0)
print(Deep(300).count())
class SelfRepr:
    def __repr__(self):
        return repr(self)
try:
    repr(SelfRepr())
except RecursionError as e:
    print("RecursionError:", e)
class AttrLoop:
    def __getattr__(self, name):
        return self.missing
try:
    AttrLoop().x
except RecursionError as e:
    print("RecursionError:", e)
l = []
l.append(l)
print(l, str([l, l]))
d = {}
d["d"] = d
print(d)
def mutual_a(n):
    return mutual_b(n - 1) if n else "a-done"
def mutual_b(n):
    return mutual_a(n - 1) if n else "b-done"
print(mutual_a(301), mutual_a(300))
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)
