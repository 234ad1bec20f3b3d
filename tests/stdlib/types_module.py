import types
import sys


def f(x):
    return x


async def co():
    return 1


def gen():
    yield 1


class C:
    def m(self):
        pass

    @classmethod
    def cm(cls):
        pass


print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance(C().m, types.MethodType))
print(isinstance(gen(), types.GeneratorType), isinstance(sys, types.ModuleType), isinstance(f.__code__, types.CodeType))
c = co()
print(isinstance(c, types.CoroutineType))
c.close()
print(type(C.__dict__["m"]) is types.FunctionType, isinstance([].append, types.BuiltinMethodType), types.LambdaType is types.FunctionType)
print(isinstance(str.join, types.MethodDescriptorType), isinstance(object.__init__, types.WrapperDescriptorType))
print(isinstance(object().__str__, types.MethodWrapperType), isinstance(dict.fromkeys, types.ClassMethodDescriptorType))
print(isinstance(type.__dict__["__dict__"], types.GetSetDescriptorType))
print(types.NoneType, types.NotImplementedType, types.EllipsisType, type(None) is types.NoneType)
try:
    raise ValueError
except ValueError as e:
    print(isinstance(e.__traceback__, types.TracebackType), isinstance(e.__traceback__.tb_frame, types.FrameType))

m = types.ModuleType("mymod", "doc here")
m.x = 1
print(m, m.__name__, m.__doc__, m.x, sorted(vars(m)))
ns = types.SimpleNamespace(a=1, b="two")
ns.c = [3]
print(ns, ns == types.SimpleNamespace(a=1, b="two", c=[3]), sorted(vars(ns)))
del ns.a
print(ns, repr(types.SimpleNamespace()))
mp = types.MappingProxyType({"k": 1})
print(mp, mp["k"], len(mp), list(mp.items()), mp.get("z", 0), "k" in mp)
try:
    mp["k"] = 2
except TypeError as e:
    print("TypeError", e)
print(types.MappingProxyType(mp) == {"k": 1}, mp | {"z": 2})

Point = types.new_class("Point", (object,), {}, lambda ns: ns.update({"dims": 2, "norm": lambda self: 0}))
print(Point, Point.dims, Point().norm(), Point.__module__)


class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["kw"] = kw
        return super().__new__(mcls, name, bases, ns)

    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        return {"prepared": True}


K = types.new_class("K", (), {"metaclass": Meta, "flag": 1})
print(type(K).__name__, K.kw, K.prepared)
print(types.prepare_class("Z", (int,), {})[0] is type, types.resolve_bases((int, str)))


class GenericAlias:
    def __mro_entries__(self, bases):
        return (dict,)


print(types.resolve_bases((GenericAlias(),)), types.get_original_bases if hasattr(types, "get_original_bases") else "3.11")
ga = types.GenericAlias(list, (int,))
print(ga, ga.__origin__, ga.__args__, ga == list[int], list[int][()] if False else "", type(list[int]) is types.GenericAlias)
print(int | str, type(int | str) is types.UnionType, (int | None).__args__)


@types.coroutine
def old_style():
    yield 5


print(type(old_style()).__name__, old_style.__code__.co_flags & 0x100 != 0)


class Dyn:
    @types.DynamicClassAttribute
    def value(self):
        return "instance"


print(Dyn().value, isinstance(Dyn.__dict__["value"], types.DynamicClassAttribute))
code = f.__code__.replace(co_name="renamed")
print(code.co_name, f.__code__.co_name, types.FunctionType(code, {})(7))
cell = types.CellType(5)
print(cell.cell_contents, repr(types.CellType()).startswith('<cell at 0x'), repr(types.CellType()).endswith(': empty>'))
for bad in (lambda: types.ModuleType(), lambda: types.SimpleNamespace(1), lambda: types.MappingProxyType([1])):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
