# Class vs instance attributes, __dict__, __class__, __name__, __qualname__, __module__, vars.
class Config:
    defaults = {"debug": False}
    instances = 0
    def __init__(self, **kw):
        self.options = {**self.defaults, **kw}
        Config.instances += 1
    class Nested:
        pass
a = Config(debug=True)
b = Config()
print(a.options, b.options, Config.instances, a.instances)
a.instances = 99
print(a.instances, Config.instances, b.instances, "instances" in vars(a))
del a.instances
print(a.instances)
print(Config.__name__, Config.__qualname__, Config.Nested.__qualname__, Config.__module__, a.__class__.__name__)
print(sorted(k for k in vars(Config) if not k.startswith("__")), type(a).__dict__ is Config.__dict__)
Config.new_attr = "added later"
print(a.new_attr, getattr(b, "new_attr"))
def method(self):
    return f"dynamic method on {type(self).__name__}"
Config.dyn = method
print(a.dyn(), Config.dyn(b))
a.__dict__["direct"] = 1
print(a.direct, sorted(a.__dict__))
a.__class__ = type("Other", (), {"hello": lambda self: "hi from Other"})
print(type(a).__name__, a.hello(), a.options)
class Shared:
    items = []
    def add(self, x):
        self.items.append(x)
s1, s2 = Shared(), Shared()
s1.add(1)
s2.add(2)
print(Shared.items, s1.items is s2.items)
class Counter:
    count = 0
    def inc(self):
        self.count += 1
c1 = Counter()
c1.inc(); c1.inc()
print(c1.count, Counter.count)
class WithDoc:
    "Docstring of WithDoc."
    def m(self):
        "method doc"
print(WithDoc.__doc__, WithDoc.m.__doc__, WithDoc().m.__doc__, WithDoc.m.__name__, WithDoc().m.__self__.__class__.__name__)
bm = WithDoc().m
print(bm.__func__ is WithDoc.m, type(bm).__name__, type(WithDoc.m).__name__)
print(isinstance(Config, type), type(Config).__name__, Config.__bases__, Config.__base__)
class Empty:
    pass
print(Empty.__dict__.get("__doc__"), Empty().__dict__, repr(Empty.__doc__))
