# Lib/weakref.py on top of _weakref: WeakValueDictionary, WeakKeyDictionary,
# WeakSet, finalize, WeakMethod.
import gc
import weakref

gc.disable()


class Obj:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Obj({self.name})"

    def method(self):
        return "method of " + self.name


objs = [Obj(str(i)) for i in range(5)]
wvd = weakref.WeakValueDictionary()
for o in objs:
    wvd[o.name] = o
print(len(wvd), sorted(wvd.keys()), wvd["2"])
del o
del objs[1]
print(len(wvd), sorted(wvd.keys()), "1" in wvd, wvd.get("1", "gone"))
objs.clear()
print(len(wvd), list(wvd.items()))

keys = [Obj("k%d" % i) for i in range(3)]
wkd = weakref.WeakKeyDictionary()
for i, k in enumerate(keys):
    wkd[k] = i
print(len(wkd), sorted(wkd.values()), keys[0] in wkd)
del keys[0]
print(len(wkd), sorted(v for v in wkd.values()))
del k
keys.clear()
print(len(wkd))

# Cycles among the values are reclaimed by the collector.
a, b = Obj("a"), Obj("b")
a.peer, b.peer = b, a
wvd2 = weakref.WeakValueDictionary(a=a, b=b)
del a, b
print("before collect:", sorted(wvd2))
gc.collect()
print("after collect:", sorted(wvd2))

ws = weakref.WeakSet()
items = [Obj("s%d" % i) for i in range(4)]
for it in items:
    ws.add(it)
del it
print(len(ws), items[0] in ws)
items.pop()
print(len(ws), sorted(x.name for x in ws))
ws2 = weakref.WeakSet(items[:1])
print(sorted(x.name for x in ws - ws2), ws2 <= ws)
items.clear()
print(len(ws), len(ws2))

# finalize
calls = []
o = Obj("fin")
f = weakref.finalize(o, calls.append, "finalized")
print(f.alive, f.peek()[2:], f.atexit)
del o
print(f.alive, calls)
o2 = Obj("fin2")
f2 = weakref.finalize(o2, lambda *a, **k: calls.append((a, k)), 1, 2, x=3)
print(f2(), f2(), calls[-1])
f2.detach()
print(f2.alive)

# WeakMethod
m = Obj("m")
wm = weakref.WeakMethod(m.method)
print(wm()(), wm() == m.method)
del m
print(wm())
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print(type(e).__name__, e)
