import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Node({self.name})"


a = Node("a")
r = weakref.ref(a)
print(r() is a, weakref.getweakrefcount(a), weakref.getweakrefs(a) == [r])
events = []
r2 = weakref.ref(a, lambda ref: events.append(("died", ref is r2)))
del a
print(r(), events)

d = weakref.WeakValueDictionary()
keep = [Node(i) for i in range(5)]
for n in keep:
    d[n.name] = n
print(sorted(d.keys()), len(d))
del keep[1:3]
gc.collect()
print(sorted(d.keys()), d.get(1), 0 in d)

wk = weakref.WeakKeyDictionary()
k1, k2 = Node("k1"), Node("k2")
wk[k1] = 1
wk[k2] = 2
del k1
print(sorted(v for v in wk.values()), len(wk))

ws = weakref.WeakSet([k2, Node("temp")])
print(len(ws), k2 in ws)


class Obj:
    def method(self):
        return "bound"


o = Obj()
wm = weakref.WeakMethod(o.method)
print(wm()(), wm() == o.method)
del o
print(wm())

calls = []
target = Node("fin")
fin = weakref.finalize(target, calls.append, "finalized")
print(fin.alive, fin.peek()[0] is target)
del target
print(calls, fin.alive, fin())

p = Node("proxied")
px = weakref.proxy(p)
print(px.name, repr(px).startswith('<weakproxy at 0x'), "; to 'Node' at 0x" in repr(px), type(px).__name__)
del p
try:
    px.name
except ReferenceError as e:
    print("ReferenceError", e)

for bad in (1, "s", (1, 2), None):
    try:
        weakref.ref(bad)
    except TypeError as e:
        print("TypeError", e)


class Slotted:
    __slots__ = ("x",)


try:
    weakref.ref(Slotted())
except TypeError as e:
    print("TypeError", e)


class WithWeak:
    __slots__ = ("x", "__weakref__")


print(weakref.ref(WithWeak())() is None)
x = Node("cmp")
print(weakref.ref(x) == weakref.ref(x), hash(weakref.ref(x)) == hash(x) if hasattr(Node, "__hash__") else "")
f2 = weakref.finalize(Node("atexit"), print, "finalizer ran at collection")
gc.collect()
keeper = Node("kept until exit")
weakref.finalize(keeper, print, "finalizer ran at exit")
print("end of program")
