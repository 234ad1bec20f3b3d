# time: struct_time fields are C ints (OverflowError beyond), years near the
# int limits, localtime of an unrepresentable time, clock functions.
import threading
import time

TIME_MAXYEAR = (1 << 31) - 1
TIME_MINYEAR = -TIME_MAXYEAR - 1 + 1900
for year in (TIME_MAXYEAR, TIME_MINYEAR, 12345, -1, TIME_MAXYEAR + 1, TIME_MINYEAR - 1, 2**63, -TIME_MAXYEAR - 1):
    try:
        print(year, time.asctime((year, 6, 1) + (0,) * 6)[-14:])
    except OverflowError as e:
        print(year, "OverflowError", e)
for i in range(1, 9):
    t = [2000, 1, 1, 0, 0, 0, 0, 1, 0]
    t[i] = 2**31
    try:
        time.asctime(tuple(t))
        print(i, "ok")
    except (OverflowError, ValueError) as e:
        print(i, type(e).__name__, e)
for t in (2**60, 2**62, -2**60, float("nan"), 1e20, 2**63):
    for f in (time.localtime, time.gmtime, time.ctime):
        try:
            f(t)
            print(f.__name__, "ok")
        except (OSError, OverflowError, ValueError) as e:
            print(f.__name__, type(e).__name__, e)
clk = time.pthread_getcpuclockid(threading.get_ident())
print(type(clk).__name__, clk != time.CLOCK_THREAD_CPUTIME_ID, time.clock_gettime(clk) <= time.clock_gettime(clk))
try:
    time.clock_settime(time.CLOCK_MONOTONIC, 0)
except OSError as e:
    print("OSError", e.errno)
try:
    time.clock_settime_ns(time.CLOCK_MONOTONIC, 0)
except OSError as e:
    print("OSError", e.errno)
print(hasattr(time, "clock_settime"), hasattr(time, "clock_settime_ns"))
