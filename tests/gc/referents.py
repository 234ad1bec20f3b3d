# gc.get_referents / gc.get_referrers / gc.get_objects.
import gc

gc.disable()


class C:
    pass


inner = ["a", "b"]
outer = [inner, "s", None, inner]
print(len(gc.get_referents(outer)), [r is inner for r in gc.get_referents(outer)])
d = {"k": inner, "j": outer}
refs = gc.get_referents(d)
print(sorted(type(r).__name__ for r in refs))
print(any(r is inner for r in refs), any(r is outer for r in refs))
t = (inner, outer)
print([r is inner or r is outer for r in gc.get_referents(t)])
print(gc.get_referents(1, "abc", 2.5, None, 10**30))
print(len(gc.get_referents(outer, t)))
s = {"a", ("x", "y")}
print(sorted(map(repr, gc.get_referents(s))))

# Referrers: every tracked container holding the object.
holders = gc.get_referrers(inner)
print(any(h is outer for h in holders), any(h is d for h in holders), any(h is t for h in holders))
print(any(h is outer for h in gc.get_referrers(outer)))


def make_closure():
    x = inner

    def g():
        return x

    return g


g = make_closure()
cells = g.__closure__
print(any(r is cells for r in gc.get_referents(g)))
print(any(c is inner for c in gc.get_referents(*cells)))

obj = C()
obj.payload = inner
print(any(r is C for r in gc.get_referents(obj)), any(r is inner for r in gc.get_referents(obj)))
print(any(h is obj or (isinstance(h, dict) and h.get("payload") is inner) for h in gc.get_referrers(inner)))

# get_objects lists tracked objects only.
marker = [object()]
everything = gc.get_objects()
print(any(o is marker for o in everything), any(o is marker[0] for o in everything))
print(all(gc.is_tracked(o) or isinstance(o, dict) for o in everything[:200]))
print(type(gc.get_objects(0)).__name__, type(gc.get_objects(generation=2)).__name__)
print(type(gc.get_objects(-1)).__name__)
for bad in (3, -2):
    try:
        gc.get_objects(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    gc.get_objects(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
