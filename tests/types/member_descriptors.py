# Builtin attributes CPython declares as struct members are member_descriptor
# objects: their type, repr, names, docs, __get__/__set__/__delete__ and errors.
import inspect
import pickle
import types


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print(types.MemberDescriptorType, types.GetSetDescriptorType)
cases = [
    (types.FunctionType, "__globals__"), (types.FunctionType, "__closure__"), (types.FunctionType, "__doc__"),
    (types.FunctionType, "__module__"), (types.FunctionType, "__builtins__"), (types.FunctionType, "__name__"),
    (type, "__basicsize__"), (type, "__mro__"), (type, "__base__"), (type, "__flags__"), (type, "__name__"),
    (property, "fget"), (property, "__doc__"), (slice, "start"), (slice, "step"), (range, "stop"),
    (staticmethod, "__func__"), (classmethod, "__wrapped__"), (super, "__thisclass__"),
    (types.MethodType, "__func__"), (types.MethodType, "__self__"), (types.CodeType, "co_name"),
    (types.CodeType, "co_consts"), (types.ModuleType, "__dict__"), (complex, "real"),
    (types.BuiltinFunctionType, "__module__"), (types.MethodDescriptorType, "__name__"),
    (types.WrapperDescriptorType, "__objclass__"), (types.MethodWrapperType, "__self__"),
    (types.MemberDescriptorType, "__name__"), (BaseException, "__suppress_context__"), (BaseException, "args"),
]
for owner, name in cases:
    d = owner.__dict__[name]
    print(owner.__name__, name, type(d).__name__, repr(d), d.__name__, d.__qualname__, d.__objclass__ is owner,
          inspect.ismemberdescriptor(d), inspect.isgetsetdescriptor(d), inspect.isdatadescriptor(d),
          repr(d.__doc__))

d = types.FunctionType.__dict__["__globals__"]
def f(): pass
print(d.__get__(f) is globals(), d.__get__(None, types.FunctionType) is d)
show("get wrong type", lambda: d.__get__(1))
show("set readonly", lambda: d.__set__(f, {}))
show("delete readonly", lambda: d.__delete__(f))
show("set wrong type", lambda: d.__set__(1, {}))
show("assign", lambda: setattr(f, "__globals__", {}))
show("assign closure", lambda: setattr(f, "__closure__", None))
show("del builtins", lambda: delattr(f, "__builtins__"))
show("slice.start =", lambda: setattr(slice(1, 2), "start", 3))
show("range.stop =", lambda: setattr(range(3), "stop", 3))
show("prop.fget =", lambda: setattr(property(), "fget", len))
show("super.__self__ =", lambda: setattr(super(int, 1), "__self__", 2))
show("code.co_name =", lambda: setattr(f.__code__, "co_name", "g"))
show("type.__basicsize__ =", lambda: setattr(int, "__basicsize__", 1))
show("member __name__ =", lambda: setattr(d, "__name__", "x"))
show("method_descr __objclass__ =", lambda: setattr(list.append, "__objclass__", int))
# Writable members keep working.
f.__doc__ = "doc"
f.__module__ = "mod"
print(f.__doc__, f.__module__)
del f.__doc__
print(f.__doc__)
p = property(doc="first")
p.__doc__ = "second"
print(p.__doc__)
# __reduce__ of descriptors pickles by owner and name.
for descr in [d, list.append, int.__add__, (1).__add__]:
    r = descr.__reduce__()
    print(r[0].__name__, r[1])
show("getset reduce", lambda: type.__dict__["__dict__"].__reduce__())
show("classmethod_descriptor reduce", lambda: dict.__dict__["fromkeys"].__reduce__())
for descr in [slice.__dict__["start"], list.append, int.__add__]:
    print(pickle.loads(pickle.dumps(descr)) is descr)

# __slots__ members: repr, doc from a dict __slots__, errors.
class S:
    __slots__ = {"a": "the a slot", "b": None}
class T:
    __slots__ = ("x",)
for name in ("a", "b"):
    m = S.__dict__[name]
    print(repr(m), m.__qualname__, m.__objclass__ is S, repr(m.__doc__), inspect.ismemberdescriptor(m))
s = S()
show("unset slot", lambda: s.a)
s.a = 1
print(S.a.__get__(s), S.__dict__["a"].__get__(None, S) is S.__dict__["a"])
show("slot of other class", lambda: S.a.__get__(T()))
show("slot set other class", lambda: S.a.__set__(T(), 1))
S.a.__delete__(s)
show("delete again", lambda: S.a.__delete__(s))

# method-wrapper attributes and equality.
w = (1).__add__
print(w.__name__, w.__qualname__, w.__objclass__, w.__self__, w.__reduce__()[1], w.__text_signature__)
x = 1000
print(x.__add__ == x.__add__, x.__add__ != x.__add__, x.__add__ == x.__sub__, hash(x.__add__) == hash(x.__add__))
print([].__len__ == [].__len__)
