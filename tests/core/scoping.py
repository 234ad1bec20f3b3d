x = "global"
def outer():
    x = "enclosing"
    def inner():
        return x
    class C:
        x = "class"
        y = x
        def m(self):
            return x
        z = [x for _ in range(1)]
    return inner(), C.y, C().m(), C.z
print(outer())
def make_counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def get():
        return n
    return inc, get
inc, get = make_counter()
inc(); inc()
print(get(), inc.__closure__ is not None, [c.cell_contents for c in inc.__closure__])
def shadow():
    print(x)
shadow()
def assign_global():
    global newglobal
    newglobal = 42
assign_global()
print(newglobal)
if (n := 10) > 5:
    print("walrus", n)
print([y for y in range(5) if (w := y * 2) > 4], w)
a = [1, 2, 3]
a[0] += 10
a[1:2] = [7, 8, 9]
del a[-1]
print(a)
class Obj:
    pass
o = Obj()
o.v = 1
o.v += 5
o.lst = []
o.lst += [1]
print(o.v, o.lst)
d = {"k": 1}
d["k"] *= 3
print(d)
def f(*, key):
    return key
print(f(key="kw"))
def defaults(a, b=[]):
    b.append(a)
    return b
print(defaults(1), defaults(2))
print(1 < 2 < 3 < 2, 1 == 1 != 2, (lambda: (yield))().__class__.__name__)
def finally_return():
    try:
        return 1
    finally:
        return 2
print(finally_return())
def nested_try():
    out = []
    for i in range(3):
        try:
            try:
                if i == 1:
                    raise ValueError(i)
                out.append(("ok", i))
            finally:
                out.append(("inner-finally", i))
        except ValueError as e:
            out.append(("caught", e.args[0]))
    return out
print(nested_try())
class WithClassCell:
    def who(self):
        return __class__.__name__
    def sup(self):
        return super().__repr__()[:10]
print(WithClassCell().who(), WithClassCell().sup())
x = 5
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
def unbound():
    try:
        print(undefined_local_in_func)
    except NameError as e:
        print(type(e).__name__, e)
unbound()
def closure_del():
    v = 1
    def g():
        return v
    del v
    try:
        g()
    except NameError as e:
        print(type(e).__name__ + ":", e)
closure_del()
print(__name__, type(__builtins__).__name__ if not isinstance(__builtins__, dict) else "dict")
