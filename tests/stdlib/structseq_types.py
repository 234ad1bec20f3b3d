# Struct sequences: os.stat_result, time.struct_time, sys.flags behave as tuples with names.
import posix
import sys
import time

sr = posix.stat_result(range(10))
print(repr(sr))
print(type(sr).__name__, type(sr).__module__, isinstance(sr, tuple), len(sr), sr[3], sr[-1], sr[2:5])
print(sr.st_mode, sr.st_size, sr.st_atime, sr.st_blksize, sr.st_rdev)
print(posix.stat_result.n_fields, posix.stat_result.n_sequence_fields, posix.stat_result.n_unnamed_fields)
print(posix.stat_result.__match_args__)
full = posix.stat_result(range(19))
print(full.st_atime, full.st_mtime_ns, full.st_rdev, full[:])
d = posix.stat_result(range(10), {"st_blksize": 4096, "st_atime": 1.5})
print(d.st_blksize, d.st_atime, d.st_blocks)
for bad in [lambda: posix.stat_result(range(9)), lambda: posix.stat_result(range(20)), lambda: posix.stat_result(5),
            lambda: posix.stat_result(range(10), 5)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
try:
    sr.st_mode = 1
except AttributeError as e:
    print("AttributeError", e)
print(sr == tuple(range(10)), sr == posix.stat_result(range(10)), hash(sr) == hash(tuple(range(10))))
a, b, *rest = sr
print(a, b, rest)
print(list(sr), sr.count(3), sr.index(4), 5 in sr, sr + (1,), sr * 1 == tuple(sr))
print(posix.stat_result.st_mode)
print(sr.__reduce__())
st = time.struct_time((2020, 2, 29, 12, 30, 45, 5, 60, 0, "UTC", 0))
print(st, st.tm_zone, st.tm_gmtoff, len(st))
print(sys.flags[:3], sys.flags.__class__.__name__)
match sr:
    case posix.stat_result(st_mode=m, st_ino=i):
        print("matched", m, i)
