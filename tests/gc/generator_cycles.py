# A suspended generator in an unreachable cycle is closed by the collector
# (its finally blocks run); generators with nothing to close are just freed.
import gc

gc.disable()
gc.collect()


class Box:
    pass


def gen(box, name):
    try:
        box.seen = True
        yield 1
        yield 2
    finally:
        print("finally of", name)


b = Box()
g = gen(b, "g1")
b.gen = g
print(next(g))
del b, g
print("collected:", gc.collect() > 0)


def selfref():
    me = yield "ready"
    try:
        yield me
    finally:
        print("closing selfref")


s = selfref()
print(next(s))
print(s.send(s) is s)
del s
print("collected:", gc.collect() > 0)

# Not started: nothing to run, still collectable.
b2 = Box()
g2 = gen(b2, "never started")
b2.g = g2
del b2, g2
print("unstarted collected:", gc.collect() > 0)

# Finished generator.
b3 = Box()
g3 = gen(b3, "finished")
b3.g = g3
print(list(g3))
del b3, g3
print("finished collected:", gc.collect() > 0)
print("end")
