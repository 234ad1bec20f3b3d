# getattr/setattr/hasattr/delattr driving dynamic dispatch, defaults, and properties.
class Plugin:
    def cmd_start(self, arg):
        return f"starting {arg}"
    def cmd_stop(self, arg):
        return f"stopping {arg}"
    def dispatch(self, line):
        name, _, arg = line.partition(" ")
        handler = getattr(self, "cmd_" + name, None)
        if handler is None:
            return f"unknown command {name!r}"
        return handler(arg)
p = Plugin()
print([p.dispatch(l) for l in ["start web", "stop db", "restart x"]])
class Record:
    fields = ("name", "age", "email")
    def __init__(self, **kw):
        for f in self.fields:
            setattr(self, f, kw.get(f))
    def missing(self):
        return [f for f in self.fields if getattr(self, f) is None]
r = Record(name="ann", age=3)
print(r.missing(), vars(r), hasattr(r, "email"), getattr(r, "age") + 1)
delattr(r, "email")
print(hasattr(r, "email"), r.missing() if hasattr(r, "email") else "email deleted")
class Prop:
    @property
    def boom(self):
        raise ValueError("not an AttributeError")
    @property
    def absent(self):
        raise AttributeError("absent")
try:
    hasattr(Prop(), "boom")
except ValueError as e:
    print("ValueError propagates from hasattr:", e)
print(hasattr(Prop(), "absent"), getattr(Prop(), "absent", "default"))
try:
    getattr(Prop(), "boom", "default")
except ValueError as e:
    print("ValueError propagates from getattr:", e)
setattr(Plugin, "cmd_dyn", lambda self, a: a[::-1])
print(p.dispatch("dyn olleh"), getattr(Plugin, "dispatch").__name__)
for args in [(p,), (p, 1), (p, "x", 1, 2)]:
    try:
        getattr(*args)
    except TypeError as e:
        print("TypeError:", e)
print(getattr(1, "__class__"), getattr("s", "join")(["a", "b"]), getattr([], "__len__")(), hasattr(None, "__bool__"))
class Ns:
    pass
ns = Ns()
for i, name in enumerate(["alpha", "beta", "gamma"]):
    setattr(ns, name, i)
print(sorted(vars(ns).items()), [getattr(ns, n) for n in ("gamma", "alpha")])
try:
    setattr(ns, 1, "x")
except TypeError as e:
    print("TypeError:", e)
