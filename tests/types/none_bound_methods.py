# Methods looked up on None bind to None (CPython's method_get leaves a
# descriptor unbound only when there is no instance at all), while the
# Python-level __get__(None, cls) still means "no instance".
m = None.__sizeof__
print(type(m).__name__, m.__self__, m())
for name in ("__repr__", "__str__", "__hash__", "__bool__", "__format__", "__reduce_ex__", "__dir__", "__eq__"):
    bound = getattr(None, name)
    print(name, type(bound).__name__, bound.__self__ is None)
print(None.__format__(""), None.__eq__(None), None.__ne__(0))
print(sorted(None.__dir__())[:5])
print(list(map(None.__eq__, [None, 0, ""])))

descr = object.__dict__["__sizeof__"]
print(descr.__get__(None, object) is descr)
print(descr.__get__(3)())
try:
    descr.__get__(None, None)
except TypeError as e:
    print(type(e).__name__, e)

list_append = list.__dict__["append"]
print(list_append.__get__(None, list) is list_append)
try:
    list_append.__get__(None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    list_append.__get__(5)
except TypeError as e:
    print(type(e).__name__, e)

class P:
    @property
    def value(self):
        return 42
print(P.__dict__["value"].__get__(None, P) is P.__dict__["value"])
def f(self):
    return self
print(f.__get__(None, int) is f, f.__get__(7)())
