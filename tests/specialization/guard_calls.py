# CALL/PRECALL sites warmed up on one kind of callable, then fed another:
# defaults changed, builtins shadowed, __init__ replaced, methods and
# bound builtins swapped, keyword calls, wrong self types, errors raised.
import builtins


def add(a, b=10, c=100):
    return a + b + c


def call_add(x):
    return add(x)


for i in range(200):
    call_add(i)
print(call_add(1))
add.__defaults__ = (20, 200)
print(call_add(1))
add.__defaults__ = (5,)
try:
    print(call_add(1))
except TypeError as e:
    print(type(e).__name__, e)
add.__defaults__ = None
try:
    call_add(1)
except TypeError as e:
    print(type(e).__name__, e)


def exact(a, b):
    return a * b


def call_exact(f, x):
    return f(x, 3)


for i in range(200):
    call_exact(exact, i)
print(call_exact(exact, 7))
print(call_exact(lambda a, b, c=1: (a, b, c), 7))
print(call_exact(max, 7))
print(call_exact(divmod, 7))
try:
    call_exact(lambda a: a, 1)
except TypeError as e:
    print(type(e).__name__, e)


def lengths(xs):
    return len(xs)


for i in range(200):
    lengths([1] * (i % 5))
print(lengths("abc"), lengths({1: 2}), lengths(range(7)))
try:
    lengths(5)
except TypeError as e:
    print(type(e).__name__, e)


class Sized:
    def __len__(self):
        return 42


print(lengths(Sized()))
orig_len = builtins.len
builtins.len = lambda x: -1
shadowed = lengths([1, 2])
builtins.len = orig_len
print(shadowed, lengths([1, 2]))
len = lambda x: "module-level len"
print(lengths([1, 2]))
del len


def kinds(x, t):
    return isinstance(x, t), type(x).__name__, str(x), tuple(x) if hasattr(x, "__iter__") else None


for i in range(200):
    kinds([i], list)
print(kinds([1], list), kinds("ab", (int, str)), kinds((1, 2), tuple))
try:
    kinds(1, 5)
except TypeError as e:
    print(type(e).__name__, e)


def appender(lst, v):
    lst.append(v)
    return lst


for i in range(200):
    appender([], i)
print(appender([1], 2))


class MyList(list):
    def append(self, v):
        super().append(v * 2)


print(appender(MyList([1]), 2))


class NotList:
    def __init__(self):
        self.items = []

    def append(self, v):
        self.items.append(-v)


print(appender(NotList(), 3).items)
try:
    list.append(5, 1)
except TypeError as e:
    print(type(e).__name__, e)


def call_method_descr(d, s, sep):
    return d(s, sep)


for i in range(200):
    call_method_descr(str.split, "a-b", "-")
print(call_method_descr(str.split, "x-y-z", "-"))
try:
    call_method_descr(str.split, b"x-y", "-")
except TypeError as e:
    print(type(e).__name__, e)
print(call_method_descr(bytes.split, b"x-y", b"-"))


def bound_builtin(f):
    return f(0)


a, b = [1, 2, 3], [4, 5, 6]
for i in range(200):
    bound_builtin(a.__contains__)
print(bound_builtin(a.pop), a, bound_builtin(b.pop), b, bound_builtin(abs))


class Point:
    def __init__(self, x, y=0):
        self.x, self.y = x, y


def make(cls, v):
    return cls(v)


for i in range(200):
    make(Point, i)
print(vars(make(Point, 1)))


def new_init(self, x, y=5):
    self.x, self.y = -x, y


Point.__init__ = new_init
print(vars(make(Point, 1)))
print(make(int, "12"), make(str, 5), make(frozenset, [1, 1]))


def kwcall(f):
    return f([3, 1, 2], reverse=True)


for i in range(200):
    kwcall(sorted)
print(kwcall(lambda xs, reverse: xs[::-1]))
print(sorted([3, 1, 2], reverse=True))


def m_call(obj):
    return obj.get(1)


for i in range(200):
    m_call({1: "d"})


class G:
    def get(self, k):
        return ("G", k)


print(m_call({1: "dict"}), m_call(G()))
G.get = lambda self, k: ("G2", k)
print(m_call(G()))
