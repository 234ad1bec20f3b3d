# Unusual for-loop targets: attributes, subscripts, starred, and loop variables after the loop.
class Holder:
    pass
h = Holder()
for h.value in range(3):
    pass
print(h.value)
d = {}
for d["k"] in "xyz":
    pass
print(d)
l = [0, 0]
for l[1] in (5, 6):
    pass
print(l)
for first, *rest in ["abc", "de", "f"]:
    print(first, rest)
for i, (a, *b) in enumerate([(1, 2, 3), (4,)]):
    print(i, a, b)
for x in range(0):
    pass
try:
    print(x)
except NameError as e:
    print("NameError:", e)
for x in range(3):
    pass
print(x)
total = 0
for total in [total + 1, total + 2]:
    pass
print(total)
it = iter(range(5))
for v in it:
    if v == 1:
        print("skip", next(it))
print(v)
for _ in range(2):
    for _ in range(3):
        pass
print(_)
