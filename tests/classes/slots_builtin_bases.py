# __slots__ on subclasses of builtins: variable-size bases (int, bytes, tuple, type) refuse them.
import types
for base in (int, bytes, tuple, str, float, complex, list, dict, set, frozenset, bytearray, object, type, types.SimpleNamespace, Exception):
    for slots in [(), ("x",), ("__dict__",), ("__weakref__",), "y"]:
        try:
            cls = type("S", (base,), {"__slots__": slots})
            print(base.__name__, slots, "ok", sorted(k for k in vars(cls) if not k.startswith("__") or k in ("__dict__", "__weakref__")))
        except TypeError as e:
            print(base.__name__, slots, "TypeError", e)
class MyInt(int):
    pass
try:
    class Deeper(MyInt):
        __slots__ = ("extra",)
except TypeError as e:
    print("TypeError", e)
for bad in [("1x",), ("a-b",), ("ok", ""), ("℘",), ("x·",), ("a b",), (5,), ("é",)]:
    try:
        cls = type("T", (), {"__slots__": bad})
        print(bad, "ok", [k for k in vars(cls) if not k.startswith("__")])
    except TypeError as e:
        print(bad, "TypeError", e)
class Plain: pass
class Slotted: __slots__ = ()
class WithWeak: __slots__ = ("__weakref__",)
for base in (Plain, Slotted, WithWeak):
    for slots in [("__dict__",), ("__weakref__",), ("__dict__", "__weakref__"), ("__dict__", "__dict__"), ("__weakref__", "__weakref__"), ("a", "__dict__")]:
        try:
            cls = type("K", (base,), {"__slots__": slots})
            inst = cls()
            print(base.__name__, slots, "ok", hasattr(inst, "__dict__"), type(inst).__weakrefoffset__ != 0, cls.__dictoffset__ != 0)
        except TypeError as e:
            print(base.__name__, slots, "TypeError", e)
