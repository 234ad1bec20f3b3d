# time: conversions and formatting of fixed instants; clocks are only compared.
import time

t0 = time.gmtime(0)
print(t0)
print(tuple(t0), t0.tm_year, t0[0], t0.tm_zone, t0.tm_gmtoff, len(t0))
print(time.struct_time.n_fields, time.struct_time.n_sequence_fields, time.struct_time.n_unnamed_fields)
g = time.gmtime(1234567890.75)
print(g, g.tm_wday, g.tm_yday)
print(time.gmtime(-86400 * 366))
print(time.asctime(g), time.asctime(t0))
print(time.strftime("%Y-%m-%d %H:%M:%S %a %b %j %%", g))
print(time.strftime("%A %B %d %I %p %y %U %w", g))
print(repr(time.strftime("", g)))
print(time.strftime("%Y", (2024, 1, 1, 0, 0, 0, 0, 1, 0)))
print(time.strftime("%m/%d", (2000, 0, 0, 0, 0, 0, 0, 0, 0)))
st = time.struct_time((2001, 2, 3, 4, 5, 6, 5, 34, 0))
print(st, st.tm_zone)
for bad in [(2001, 13, 1, 0, 0, 0, 0, 1, 0), (2001, 1, 32, 0, 0, 0, 0, 1, 0), (2001, 1, 1, 24, 0, 0, 0, 1, 0),
            (2001, 1, 1, 0, 60, 0, 0, 1, 0), (2001, 1, 1, 0, 0, 62, 0, 1, 0), (2001, 1, 1, 0, 0, 0, -2, 1, 0),
            (2001, 1, 1, 0, 0, 0, 0, 367, 0)]:
    try:
        time.strftime("%Y", bad)
    except ValueError as e:
        print("ValueError", e)
for bad_call in [lambda: time.strftime("%Y", (1, 2)), lambda: time.strftime("%Y", "x"), lambda: time.strftime(5),
                 lambda: time.asctime((1, 2, 3)), lambda: time.gmtime("x"), lambda: time.sleep(-1),
                 lambda: time.sleep("1"), lambda: time.get_clock_info("nope"), lambda: time.gmtime(float("nan")),
                 lambda: time.struct_time((1, 2, 3)), lambda: time.struct_time(range(12))]:
    try:
        bad_call()
    except Exception as e:
        print(type(e).__name__, e)

# localtime and mktime agree with each other whatever the zone.
for secs in [0, 86400 * 200, 1234567890, 1700000000]:
    lt = time.localtime(secs)
    print(secs, time.mktime(lt) == secs, lt.tm_isdst in (0, 1), type(lt.tm_gmtoff).__name__)
print(time.ctime(1234567890) == time.asctime(time.localtime(1234567890)))
print(type(time.timezone).__name__, type(time.altzone).__name__, time.daylight in (0, 1), len(time.tzname))

# clocks
a = time.monotonic(); b = time.monotonic()
print(b >= a, type(a).__name__)
a = time.perf_counter_ns(); time.sleep(0.01); b = time.perf_counter_ns()
print(b - a >= 10_000_000, type(a).__name__)
print(abs(time.time() - time.time_ns() / 1e9) < 1.0)
print(time.process_time() >= 0, time.process_time_ns() >= 0, time.thread_time() >= 0)
for name in ["time", "monotonic", "perf_counter", "process_time", "thread_time"]:
    info = time.get_clock_info(name)
    print(name, info.implementation, info.monotonic, info.adjustable, info.resolution > 0)
print(time.sleep(0), time.sleep(0.001))
print(time.CLOCK_MONOTONIC, time.clock_gettime(time.CLOCK_MONOTONIC) > 0, time.clock_gettime_ns(time.CLOCK_REALTIME) > 0)
# struct_time pickling support
r = t0.__reduce__()
print(r[0] is time.struct_time, r[1][0], sorted(r[1][1]))
