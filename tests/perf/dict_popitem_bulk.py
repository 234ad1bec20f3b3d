# popitem() drains a dict in linear time: the entry array is cut back past
# the popped entry (a quadratic popitem times out here).
import sys

n = 300_000
d = {i: -i for i in range(n)}
total = 0
last = None
while d:
    k, v = d.popitem()
    assert k == -v
    if last is not None:
        assert k == last - 1
    last = k
    total += k
print("drained", total == n * (n - 1) // 2, len(d))

# popitem after deletions skips the deleted tail; later inserts keep order.
d = {i: str(i) for i in range(20)}
for i in range(15, 20):
    del d[i]
print(d.popitem(), d.popitem())
d[100] = "x"
d[13] = "back"
print(list(d.items())[-4:])
print(d.popitem(), d.popitem(), d.popitem())
d.update({200: 1, 201: 2})
print(list(d))

# interleaved pops and inserts stay consistent with lookups
d = {}
for i in range(50_000):
    d[i] = i
    if i % 3 == 0:
        d.popitem()
print(len(d), sum(d), all(d[k] == k for k in d))

# str keys, and the empty error
d = dict.fromkeys("abcdef")
print([d.popitem()[0] for _ in range(3)], d)
d.clear()
try:
    d.popitem()
except KeyError as e:
    print(type(e).__name__, e)
try:
    {}.popitem(1)
except TypeError as e:
    print(type(e).__name__, e)

class D(dict):
    pass

sd = D(a=1, b=2)
print(sd.popitem(), sd)

# iterating while popping is detected
d = {i: i for i in range(5)}
try:
    for k in d:
        d.popitem()
except RuntimeError as e:
    print(type(e).__name__, e)
