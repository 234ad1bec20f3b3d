# The gc module's switches and bookkeeping.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
gc.disable()

print(gc.get_threshold())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(100, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
for bad in [(), (1, 2, 3, 4), (1.5,)]:
    try:
        gc.set_threshold(*bad)
    except TypeError as e:
        print(type(e).__name__, e)

gc.collect()
print("count after full collect:", gc.get_count()[1:])
gc.collect(0)
print("after gen0:", gc.get_count()[1:])
gc.collect(0)
print("after two gen0:", gc.get_count()[1:])
gc.collect(1)
print("after gen1:", gc.get_count()[1:])
before = gc.get_count()[0]
junk = [[] for _ in range(50)]
print("gen0 count grew:", gc.get_count()[0] - before >= 50)
del junk

print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.get_debug())
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug())
l = []
l.append(l)
lid = id(l)
del l
print("saveall collect:", gc.collect())
print("garbage:", len(gc.garbage), [id(g) == lid for g in gc.garbage])
gc.set_debug(0)
gc.garbage[0].clear()
gc.garbage.clear()
print(gc.collect())

stats = gc.get_stats()
print(len(stats), [sorted(s) for s in stats][0])
print(all(s["collections"] >= 1 for s in stats))

# callbacks get ("start"/"stop", info)
seen = []


def cb(phase, info):
    seen.append((phase, info["generation"], sorted(info)))


gc.callbacks.append(cb)
x = []
x.append(x)
del x
n = gc.collect(1)
gc.callbacks.remove(cb)
print(n, seen)

# freeze moves everything to the permanent generation.
gc.collect()
gc.freeze()
print("frozen some:", gc.get_freeze_count() > 0)
y = []
y.append(y)
del y
print("collect while frozen:", gc.collect())
gc.unfreeze()
print("after unfreeze:", gc.get_freeze_count())
print(gc.collect())

for name in ("enable", "disable", "isenabled", "get_count", "get_threshold", "get_debug", "get_stats", "freeze", "unfreeze", "get_freeze_count"):
    try:
        getattr(gc, name)(1)
    except TypeError as e:
        print(type(e).__name__, e)
for name in ("is_tracked", "is_finalized", "set_debug"):
    try:
        getattr(gc, name)()
    except TypeError as e:
        print(type(e).__name__, e)
