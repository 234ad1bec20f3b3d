# cProfile (the native _lsprof profiler): call counts, recursion counts,
# callers, builtins named as CPython names them, subcalls/builtins off,
# getstats() entries, a custom integer timer, and sys.getprofile while enabled.
import cProfile
import io
import pstats
import sys


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


class Box:
    def __init__(self):
        self.items = []

    def add(self, x):
        self.items.append(x)


def work():
    out = []
    for i in range(50):
        out.append(len(str(i)))
    out.sort()
    b = Box()
    for i in range(5):
        b.add(i)
    try:
        int('x')
    except ValueError:
        pass
    return fib(12) + sum(out) + max(b.items)


def show(profiler):
    st = pstats.Stats(profiler, stream=io.StringIO())
    for (fn, line, name), (cc, nc, tt, ct, callers) in sorted(st.stats.items(), key=lambda kv: (kv[0][2], kv[0][1])):
        print(' ', fn.rsplit('/', 1)[-1], line, name, cc, nc, sorted((k[2], v[0], v[1]) for k, v in callers.items()))


pr = cProfile.Profile()
pr.enable()
print(sys.getprofile() is pr)
print(work())
pr.disable()
print(sys.getprofile())
show(pr)

entries = pr.getstats()
fib_entry = next(e for e in entries if getattr(e.code, 'co_name', None) == 'fib')
print(type(fib_entry).__name__, len(fib_entry), fib_entry.callcount, fib_entry.reccallcount)
print(sorted((getattr(s.code, 'co_name', s.code), s.callcount, s.reccallcount) for s in fib_entry.calls))
print(all(e.totaltime >= 0 and e.inlinetime >= 0 for e in entries))

pr2 = cProfile.Profile(builtins=False, subcalls=False)
print(pr2.runcall(work))
for e in sorted(pr2.getstats(), key=lambda e: str(getattr(e.code, 'co_name', e.code))):
    print(' ', getattr(e.code, 'co_name', e.code), e.callcount, e.reccallcount, e.calls)

ticks = iter(range(0, 10 ** 6, 7))
pr3 = cProfile.Profile(lambda: next(ticks), 0.5)
pr3.runcall(fib, 5)
e = next(e for e in pr3.getstats() if getattr(e.code, 'co_name', None) == 'fib')
print(e.callcount, e.totaltime, e.inlinetime)
pr3.clear()
print(pr3.getstats())

# Nested profilers: enabling another replaces the hook.
a = cProfile.Profile()
b = cProfile.Profile()
a.enable()
b.enable()
fib(3)
b.disable()
print([e.callcount for e in a.getstats() if getattr(e.code, 'co_name', None) == 'fib'],
      [e.callcount for e in b.getstats() if getattr(e.code, 'co_name', None) == 'fib'])
for bad in [lambda: cProfile.Profile(subcalls='x'), lambda: pr.enable(1, 2, 3)]:
    try:
        bad()
    except TypeError as exc:
        print(type(exc).__name__, exc)
