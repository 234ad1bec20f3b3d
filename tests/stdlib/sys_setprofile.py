# sys.setprofile: 'call'/'return' of Python frames and 'c_call'/'c_return'/
# 'c_exception' of builtins (methods reported bound), generators, a profile
# function that raises; the profile module's call counts.
import sys

log = []


def profiler(frame, event, arg):
    name = getattr(arg, '__qualname__', None) if event.startswith('c_') else repr(arg)
    log.append((event, frame.f_code.co_name, name))


def work(items):
    out = []
    for x in items:
        out.append(abs(x))
    out.sort()
    try:
        int('nope')
    except ValueError:
        pass
    return sum(out), len(out), max(out, key=lambda v: -v)


def gen():
    yield 1
    yield 2


sys.setprofile(profiler)
work([-3, 1, -2])
list(gen())
sorted([3, 1, 2], key=str)
max(*[[1, -2]], **dict(key=abs))
[].extend(*[(1,)])
sys.setprofile(None)
for entry in log:
    print(*entry)
log.clear()


def failing(frame, event, arg):
    if event == 'c_call':
        raise ZeroDivisionError('profiler')


def calls_len():
    return len('abc')


sys.setprofile(failing)
try:
    calls_len()
except ZeroDivisionError as e:
    print('raised:', e, sys.getprofile())
sys.setprofile(None)

import profile
import pstats
import io


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


p = profile.Profile()
p.runcall(fib, 12)
stats = pstats.Stats(p, stream=io.StringIO())
for (filename, line, func), (cc, nc, tt, ct, callers) in sorted(stats.stats.items(), key=lambda kv: kv[0][2]):
    if filename.endswith('sys_setprofile.py') or filename == '~':
        print(func, line, cc, nc, len(callers))
