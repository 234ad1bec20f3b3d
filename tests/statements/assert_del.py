# assert with messages and side effects, del of names/items/slices/attributes, and NameError after del.
def check(v):
    assert isinstance(v, int), f"expected int, got {type(v).__name__}"
    assert v >= 0, v
    return v * 2
for v in [3, -1, "x"]:
    try:
        print(check(v))
    except AssertionError as e:
        print("AssertionError:", e, e.args)
calls = []
def side():
    calls.append(1)
    return "msg"
assert True, side()
print(calls)
try:
    assert [], side()
except AssertionError as e:
    print(e, calls)
try:
    assert 0
except AssertionError as e:
    print(repr(e), e.args)
d = {"a": 1, "b": 2, "c": 3}
del d["a"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
l = list(range(10))
del l[0]
del l[-1]
del l[::3]
del l[1:3]
print(l)
try:
    del l[100]
except IndexError as e:
    print("IndexError:", e)
class O:
    cls_attr = 1
o = O()
o.a = 1
del o.a
try:
    del o.a
except AttributeError as e:
    print("AttributeError:", e)
try:
    del o.cls_attr
except AttributeError as e:
    print("AttributeError:", e)
del O.cls_attr
print(hasattr(O, "cls_attr"))
a = b = 1
del a
print(b, "a" in dir())
def local_del():
    x = 1
    del x
    try:
        return x
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"
print(local_del())
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print("TypeError:", e)
s = "abc"
try:
    del s[0]
except TypeError as e:
    print("TypeError:", e)
x, y, z = 1, 2, 3
del x, y
print(z, [n for n in ("x", "y", "z") if n in globals()])
