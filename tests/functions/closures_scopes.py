# Closures, nonlocal, global, late binding.
def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc
c1, c2 = counter(), counter()
print(c1(), c1(), c1(10), c2(), c1.__closure__[0].cell_contents)
fns = [lambda: i for i in range(3)]
print([f() for f in fns])
fns2 = [lambda i=i: i for i in range(3)]
print([f() for f in fns2])
total = 0
def add_global(x):
    global total
    total += x
add_global(5); add_global(7)
print(total)
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    x = "changed"
    return middle()()
print(outer())
def unbound():
    try:
        print(y)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    y = 1
unbound()
def free_unbound():
    def inner():
        return z
    try:
        inner()
    except NameError as e:
        print(type(e).__name__ + ":", e)
    z = 1
free_unbound()
try:
    undefined_name
except NameError as e:
    print("NameError:", e)
def make_adders():
    return [lambda x, n=n: x + n for n in range(3)]
print([a(10) for a in make_adders()])
x = "global"
def read_global():
    return x
def shadow():
    x = "local"
    return x, read_global()
print(shadow())
class Scope:
    x = "class"
    def method(self):
        return x
    y = [x for _ in range(1)]
print(Scope().method(), Scope.y)
def gen_closure():
    vals = []
    for i in range(3):
        def f(i=i):
            return i * 10
        vals.append(f)
    return [v() for v in vals]
print(gen_closure())
def nl():
    a = 1
    def change():
        nonlocal a
        a = 2
        del a
    change()
    try:
        return a
    except NameError as e:
        return "NameError: " + str(e)
print(nl())
