# Builtin methods taking no arguments reject them with CPython's message;
# constructor keywords in subclasses; set lookups with set keys; clamped
# start/end bounds; slice.indices with big ints.
import sys

calls = [
    lambda: {}.clear(1), lambda: {}.copy(1), lambda: {}.keys(1), lambda: {}.values(1),
    lambda: {}.items(1), lambda: {1: 2}.popitem(1), lambda: [].clear(1), lambda: [].copy(1),
    lambda: [].reverse(1), lambda: set().clear(1), lambda: set().copy(1), lambda: {1}.pop(1),
    lambda: frozenset().copy(1), lambda: "a".upper(1), lambda: "a".isalnum(1), lambda: "a".title(1),
    lambda: "a".isdigit(2), lambda: "a".swapcase(x=1), lambda: {}.clear(x=1),
]
for f in calls:
    try:
        f()
        print("no error")
    except TypeError as e:
        print(e)


for base in (list, tuple, float, set, frozenset):
    class Plain(base):
        pass

    try:
        Plain(sequence=())
    except TypeError as e:
        print(base.__name__, e)

    class WithInit(base):
        def __init__(self, arg=(), newarg=None):
            if base in (list, set):
                super().__init__(arg)
            self.newarg = newarg

    class WithNew(base):
        def __new__(cls, arg=(), newarg=None):
            self = super().__new__(cls, arg) if base not in (list, set) else super().__new__(cls)
            self.newarg = newarg
            return self

    arg = 1.5 if base is float else [1, 2]
    u = WithInit(arg, newarg=3)
    print(base.__name__, u, u.newarg)
    try:
        v = WithNew(arg, newarg=4)
        print(base.__name__, type(v).__name__, v.newarg)
    except TypeError as e:
        print(base.__name__, "new:", e)

s = {frozenset([1]), 2}
s.discard({1})
print(s)
s.add(frozenset([3]))
s.remove({3})
print(s, {5} in {frozenset([5])})
try:
    s.remove({9})
except KeyError as e:
    print("KeyError", e)
try:
    s.discard([1])
except TypeError as e:
    print(e)

big = 10**30
print("abc".find("c", -big, big), "aaa".count("", 10), "abc".find("", 4), "abc".rfind("", 3))
print("abc".startswith("", 4), "abc".endswith("", 3), "abc".index("b", -big))
print([1, 2, 3].index(3, -big, big), (1, 2).index(2, -big, big), b"abc".find(b"c", -big, big))
for f in (lambda: b"abc".find(256), lambda: b"abc".find(-big), lambda: big in b"abc", lambda: bytes([big]),
          lambda: bytearray([-1]), lambda: int("10", big), lambda: int("10", -big)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(slice(None, None, -1).indices(5), slice(-big, big, 3).indices(big))
print(slice(2**70, None).indices(10), slice(None, -2**70, -2).indices(2**65))
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print(e)
