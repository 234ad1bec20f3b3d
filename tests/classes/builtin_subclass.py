# Subclassing builtins: int, str, list, dict, tuple, Exception.
class MyInt(int):
    def __repr__(self):
        return f"MyInt({int(self)})"
    def double(self):
        return MyInt(self * 2)
m = MyInt(21)
print(m, m.double(), m + 1, type(m + 1).__name__, isinstance(m, int), m == 21, hash(m) == hash(21))
class Upper(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
    def shout(self):
        return self + "!"
u = Upper("hey")
print(u, repr(u), u.shout(), type(u.shout()).__name__, u.lower(), len(u), u == "HEY")
class Stack(list):
    def push(self, v):
        self.append(v)
        return self
    def peek(self):
        return self[-1]
st = Stack([1]).push(2).push(3)
print(st, st.peek(), len(st), type(st[:2]).__name__, st + [4], isinstance(st, list))
class DefaultDict(dict):
    def __missing__(self, key):
        self[key] = v = len(key)
        return v
dd = DefaultDict(a=1)
print(dd["a"], dd["xyz"], dd, dd.get("qq"), "qq" in dd)
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
p = Point(3, 4)
print(p, p.x, p[1], len(p), p == (3, 4), type(p).__name__)
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[0]}"
try:
    raise AppError(404, "not found")
except Exception as e:
    print(e, repr(e), e.args, e.code, isinstance(e, AppError))
class Counted(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)
c = Counted()
c["a"] = 1
c.update(b=2)
print(c)
class LoudList(list):
    def __len__(self):
        return 99
print(len(LoudList([1])), bool(LoudList()), list(LoudList([1, 2])))
class F(float):
    pass
print(F(1.5) + 1, repr(F(2.0)), F("3.25"), type(F(1) * 2).__name__)
class MySet(frozenset):
    pass
print(sorted(MySet([3, 1])), type(MySet([1]) | {2}).__name__)
class B(bytes):
    pass
print(B(b"ab"), B(b"x") + b"y", len(B(3)))
