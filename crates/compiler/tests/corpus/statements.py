"""Module docstring."""
from __future__ import generator_stop
import os, os.path as osp, a.b.c, a.b.c as d
from . import x
from ..pkg import (y as yy, z)
from mod import *
x = y = z = 1
a, b = b, a
a, b, c = c, b, a
a, *b, c = range(5)
[a, (b, c)] = 1, (2, 3)
x += 1; x.y -= 2; x[i] *= 3; x[i:j] //= 4
del x, y.z, w[0], w[1:2]
x: int = 5
y: "str"
obj.attr: int = 3
obj[0]: int
if x:
    pass
elif y:
    pass
else:
    pass
while x:
    x -= 1
    if x == 3:
        break
    if x == 4:
        continue
else:
    print("done")
for i in range(10):
    print(i)
else:
    print("else")
for i, (j, k) in enumerate([(1, 2)]):
    pass
for q in [1, 2, 3]:
    pass
for q in {1, 2, 3}:
    pass
assert x, "message"
assert y
raise
raise ValueError
raise ValueError("x") from None
global gx
try:
    pass
except ValueError as e:
    print(e)
except (TypeError, KeyError):
    pass
except:
    raise
else:
    print("no error")
finally:
    print("cleanup")
try:
    f()
finally:
    g()
try:
    f()
except* ValueError as eg:
    print(eg)
except* TypeError:
    pass
with open("f") as fh, open("g") as gh:
    fh.read()
with a:
    pass
with (a as b, c as d):
    pass
print(x if y else z)
lambda: 0
lambda a, b=1, *c, d, e=2, **f: a + b
