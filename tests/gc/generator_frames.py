# Generators whose frame objects were materialized (gi_frame, tracebacks)
# and that reference themselves: what gc.collect() finds, and what the frame
# objects still show afterwards.
import gc
import sys

gc.disable()
gc.collect()


def selfref(tag):
    me = yield "ready"
    try:
        yield me
    finally:
        print("closing", tag)


# Frame object asked for while suspended, then the generator dropped.
s = selfref("with gi_frame")
next(s)
s.send(s)
fr = s.gi_frame
print(fr.f_code.co_name, fr.f_lineno > 0)
del s
print("collected:", gc.collect())
print(fr.f_lineno > 0, sorted(fr.f_locals))
del fr
print("after frame dropped:", gc.collect())

# A traceback keeps the frame object of a generator that raised.
def raiser():
    me = yield
    raise ValueError("boom")

r = raiser()
next(r)
try:
    r.send(r)
except ValueError as e:
    tb = e.__traceback__
print(r.gi_frame, tb.tb_next.tb_frame.f_code.co_name)
del r
print("collected:", gc.collect())
del tb
print("collected after tb:", gc.collect())


# A frame captured from inside the generator keeps its variables.
def captures():
    local = [1, 2]
    yield sys._getframe()
    yield local

c = captures()
frame = next(c)
print(sorted(frame.f_locals), c.gi_frame is frame)
print(next(c), list(c), c.gi_frame)
print(sorted(frame.f_locals))
del c, frame
print("collected:", gc.collect())

# Plain self-reference without try/finally, closed explicitly.
def plain():
    me = yield
    yield me

p = plain()
next(p)
p.send(p)
p.close()
print(p.gi_frame, p.gi_running)
del p
print("collected:", gc.collect())

# Unstarted generator in a cycle through its argument.
class Box:
    pass

b = Box()
g = selfref(b)
b.g = g
del b, g
print("unstarted:", gc.collect())
print("end")
