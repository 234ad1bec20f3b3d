# gc.collect() returns the number of unreachable objects it found.
import gc

gc.disable()
gc.collect()


class C:
    pass


def show(label):
    print(label, gc.collect())


l = []
l.append(l)
del l
show("self list:")

a = []
b = [a]
a.append(b)
del a, b
show("two lists:")

d = {}
d["self"] = d
del d
show("self dict:")

c = C()
c.me = c
del c
show("instance:")

c1 = C()
c2 = C()
c1.peer = c2
c2.peer = c1
del c1, c2
show("instance pair:")

t = ([],)
t[0].append(t)
del t
show("tuple + list:")

s = C()
s.items = {1, 2, 3}
s.lst = [s]
del s
show("instance + list:")

show("nothing:")
show("still nothing:")

# Reachable cycles are not collected.
keep = []
keep.append(keep)
show("kept:")
print(len(keep))

# Many cycles at once.
for i in range(50):
    x = []
    x.append(x)
del x
show("fifty:")

for gen in (0, 1, 2):
    y = []
    y.append(y)
    del y
    print("gen", gen, gc.collect(gen))

try:
    gc.collect(3)
except ValueError as e:
    print(type(e).__name__, e)
try:
    gc.collect(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    gc.collect("x")
except TypeError as e:
    print(type(e).__name__, e)
print(gc.collect(generation=0))
