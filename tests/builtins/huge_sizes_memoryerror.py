# Sizes no machine can hold fail fast with MemoryError (or CPython's
# OverflowError), before any item is produced: the length hint is used to
# allocate up front, as CPython does.
import operator

def attempt(label, f):
    try:
        r = f()
        print(label, "ok", len(r))
    except Exception as e:
        print(label, type(e).__name__, e)

attempt("list range", lambda: list(range(10**12)))
attempt("list range 2**62", lambda: list(range(2**62)))
attempt("list range 2**63", lambda: list(range(2**63)))
attempt("tuple range", lambda: tuple(range(10**12)))
attempt("sorted range", lambda: sorted(range(10**12)))
attempt("list*", lambda: [0] * (10**12))
attempt("list* 2**62", lambda: [0, 1] * (2**62))
attempt("list* 2**63", lambda: [0] * (2**63))
attempt("tuple*", lambda: (0,) * (10**12))
attempt("bytearray", lambda: bytearray(10**12))
attempt("bytes", lambda: bytes(10**12))
attempt("str*", lambda: "ab" * (10**12))

class Hint:
    def __init__(self, hint):
        self.hint = hint
        self.calls = []
    def __iter__(self):
        self.calls.append("iter")
        return iter([1, 2, 3])
    def __length_hint__(self):
        self.calls.append("hint")
        if isinstance(self.hint, Exception):
            raise self.hint
        return self.hint

for hint in [10**12, 2**70, -1, "x", NotImplemented, TypeError("t"), ValueError("v"), 2, 100]:
    h = Hint(hint)
    attempt("hint %r" % (hint,), lambda: list(h))
    print("  calls", h.calls)
    attempt("  tuple", lambda: tuple(Hint(hint)))
    attempt("  extend", lambda: [0].extend(Hint(hint)) or [])

class Sized:
    def __init__(self, n):
        self.n = n
        self.calls = []
    def __len__(self):
        self.calls.append("len")
        return self.n
    def __iter__(self):
        self.calls.append("iter")
        return iter("abc")

for n in [3, 10**12, 0]:
    s = Sized(n)
    attempt("sized %d" % n, lambda: list(s))
    print("  calls", s.calls)
    s = Sized(n)
    attempt("  tuple", lambda: tuple(s))
    print("  calls", s.calls)

l = [1, 2]
def imul():
    global l
    l *= 10**12
    return l
attempt("imul", imul)
print(len(l), operator.length_hint(iter(range(5))), operator.length_hint(Hint(7)))
attempt("not iterable", lambda: list(5))
attempt("ok", lambda: list(x for x in range(5)))
print(list(range(3)), tuple(range(3)), sorted(range(3, 0, -1)))
