# __slots__ with inheritance, __dict__ in slots, default class attributes vs slots, and slot descriptors.
class P:
    __slots__ = ("x",)
class Q(P):
    __slots__ = ("y",)
class R(Q):
    pass
q = Q()
q.x, q.y = 1, 2
print(q.x, q.y, hasattr(q, "__dict__"), [k for k in Q.__dict__ if not k.startswith("__")])
r = R()
r.x, r.y, r.z = 1, 2, 3
print(r.z, r.__dict__)
try:
    q.z = 3
except AttributeError as e:
    print("AttributeError:", e)
class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.__dict__)
try:
    class Clash:
        __slots__ = ("v",)
        v = 5
except ValueError as e:
    print("ValueError:", e)
class S:
    __slots__ = "single"
s = S()
s.single = "ok"
print(s.single, type(S.single).__name__, S.single.__name__)
try:
    del s.single
    s.single
except AttributeError as e:
    print("AttributeError:", e)
class Pt:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Pt({self.x}, {self.y})"
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    __hash__ = None
pts = [Pt(i, i * i) for i in range(4)]
print(pts, Pt(1, 1) == pts[1], [p.y for p in pts if p.x % 2])
try:
    hash(pts[0])
except TypeError as e:
    print("TypeError:", e)
print(getattr(pts[0], "x"), setattr(pts[0], "x", 10), pts[0], vars(Pt).get("__slots__"))
