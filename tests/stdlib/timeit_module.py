import timeit

# Timings vary; print only what is deterministic about them.
t = timeit.Timer("sum(range(100))")
n, elapsed = t.autorange()
print(n >= 1, elapsed >= 0.0)
r = t.repeat(repeat=3, number=10)
print(len(r), all(x >= 0 for x in r))
print(timeit.timeit("x = 1", number=5) >= 0, timeit.repeat("pass", number=2, repeat=2).__len__())
calls = []
print(timeit.timeit(lambda: calls.append(1), number=7) >= 0, len(calls))
print(timeit.timeit("y = x * 2", setup="x = 21", number=3) >= 0)
g = {"value": 5}
print(timeit.timeit("value + 1", globals=g, number=2) >= 0)
for stmt, setup in (("return 1", "pass"), ("x = (", "pass"), ("pass", "break")):
    try:
        timeit.Timer(stmt, setup)
    except SyntaxError as e:
        print("SyntaxError", e.msg)
try:
    timeit.Timer(42)
except ValueError as e:
    print("ValueError", e)
try:
    timeit.timeit("1/0", number=1)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(timeit.default_timer is __import__("time").perf_counter)
src = []
t2 = timeit.Timer("a\nb", "c = 1\nd = 2")
print(t2.src if hasattr(t2, "src") else "no src attr")
try:
    t2.timeit(1)
except NameError as e:
    print("NameError", e)
import contextlib
import io
import warnings

# "The test results are likely unreliable" depends on the machine's load.
warnings.simplefilter("ignore")
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    timeit.main(["-n", "3", "-r", "2", "pass"])
out = buf.getvalue()
print(out.startswith("3 loops, best of 2:"), out.rstrip().endswith("per loop"))
buf = io.StringIO()
with contextlib.redirect_stderr(buf), contextlib.redirect_stdout(io.StringIO()):
    print(timeit.main(["-n", "1", "1/0"]))
print(buf.getvalue().splitlines()[-1])
