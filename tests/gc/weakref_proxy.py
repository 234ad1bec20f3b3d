# weakref.proxy forwards attribute access, operators, calls, containers;
# once the referent dies every use raises ReferenceError.
import gc
import _weakref as weakref  # Lib/weakref.py needs more of the stdlib; _weakref has all used here

gc.disable()


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return Num(self.v + (o.v if isinstance(o, Num) else o))

    def __radd__(self, o):
        return Num(o + self.v)

    def __sub__(self, o):
        return self.v - o

    def __mul__(self, o):
        return self.v * o

    def __neg__(self):
        return -self.v

    def __abs__(self):
        return abs(self.v)

    def __index__(self):
        return self.v

    def __int__(self):
        return self.v

    def __float__(self):
        return float(self.v)

    def __bool__(self):
        return self.v != 0

    def __eq__(self, o):
        return isinstance(o, Num) and o.v == self.v

    def __lt__(self, o):
        return self.v < o.v

    def __repr__(self):
        return f"Num({self.v})"

    def __str__(self):
        return f"<{self.v}>"

    def method(self, k):
        return self.v * k


n = Num(5)
p = weakref.proxy(n)
print(type(p).__name__, type(p) is weakref.ProxyType)
print(p.v, p.method(3), (p + 1).v, (1 + p).v, p - 2, p * 3, -p, abs(p), int(p), float(p), bool(p))
print(str(p), p == Num(5), p == n, p < Num(9), [1, 2, 3, 4, 5, 6][p])
p.v = 7
print("set through proxy:", n.v)
del p.v
print("deleted:", hasattr(n, "v"))
n.v = 5
print("same proxy:", weakref.proxy(n) is p, weakref.getweakrefcount(n))
try:
    hash(p)
except TypeError as e:
    print(type(e).__name__)

items = [3, 1, 2]
lst_holder = type("L", (list,), {})(items)
lp = weakref.proxy(lst_holder)
print(len(lp), lp[0], 2 in lp, list(lp), sorted(lp))
lp[0] = 10
lp.append(4)
print(lst_holder, lp.index(4), lp.count(10))
del lp[1]
print(lst_holder)

d_holder = type("D", (dict,), {})(a=1)
dp = weakref.proxy(d_holder)
dp["b"] = 2
print(sorted(dp.items()), dp["a"], "b" in dp, len(dp))


def func(x, y=2):
    return x * y


fp = weakref.proxy(func)
print(type(fp).__name__, type(fp) is weakref.CallableProxyType, fp(4), fp(4, y=5), callable(fp), callable(p))

# Callbacks receive the proxy.
got = []
m = Num(1)
pc = weakref.proxy(m, lambda prx: got.append(type(prx).__name__))
del m
print("callback got:", got)


def check(label, f):
    try:
        f()
        print(label, "no error")
    except ReferenceError as e:
        print(label, type(e).__name__, e)


check("attr", lambda: pc.v)
check("add", lambda: pc + 1)
check("radd", lambda: 1 + pc)
check("str", lambda: str(pc))
check("bool", lambda: bool(pc))
check("eq", lambda: pc == 1)
check("len", lambda: len(pc))
check("getitem", lambda: pc[0])
check("iter", lambda: iter(pc))
check("neg", lambda: -pc)


def setattr_dead():
    pc.v = 1


check("setattr", setattr_dead)
func_gone = lambda: 0
fpx = weakref.proxy(func_gone)
del func_gone
check("call", lambda: fpx())
print(repr(pc).startswith("<weakproxy at "))

try:
    weakref.proxy(3)
except TypeError as e:
    print(type(e).__name__, e)
