# __getattr__, __getattribute__, __setattr__, __delattr__.
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "log", [])
    def __getattr__(self, name):
        self.log.append(("get", name))
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        self.log.append(("set", name))
        setattr(self._target, name, value)
    def __delattr__(self, name):
        self.log.append(("del", name))
        delattr(self._target, name)
class T:
    pass
t = T()
p = Proxy(t)
p.x = 5
print(p.x, t.x, p.log)
del p.x
print(hasattr(t, "x"), p.log)
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)
class Counting:
    def __init__(self):
        self.hits = 0
    def __getattribute__(self, name):
        if name != "hits":
            object.__setattr__(self, "hits", object.__getattribute__(self, "hits") + 1)
        return object.__getattribute__(self, name)
    def m(self):
        return "m"
c = Counting()
c.m(); c.m(); c.hits
print(c.hits)
class Fallback:
    a = 1
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError("boom!")
        return super().__getattribute__(name)
    def __getattr__(self, name):
        return f"fallback:{name}"
f = Fallback()
print(f.a, f.boom, f.zzz, getattr(f, "q", "dflt"))
class Frozen:
    __slots__ = ()
    def __setattr__(self, k, v):
        raise AttributeError(f"cannot set {k!r}")
try:
    Frozen().a = 1
except AttributeError as e:
    print("AttributeError:", e)
class Plain:
    pass
pl = Plain()
for bad in [lambda: pl.nope, lambda: delattr(pl, "nope"), lambda: object().x, lambda: setattr(object(), "x", 1),
            lambda: getattr(pl, 5), lambda: (1).real.nope, lambda: Plain.nope, lambda: setattr(1, "x", 2)]:
    try:
        bad()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__ + ":", e)
pl.__dict__["z"] = 26
print(pl.z, vars(pl), getattr(pl, "z"), hasattr(pl, "y"))
setattr(pl, "dyn", [1])
print(pl.dyn, sorted(pl.__dict__))
delattr(pl, "dyn")
print(sorted(pl.__dict__), "dyn" in dir(pl), "z" in dir(pl))
