# Descriptor precedence: data vs non-data vs instance dict; __get__ on class access; functions as descriptors.
log = []
class DataDesc:
    def __get__(self, obj, owner):
        log.append(("get", obj is None, owner.__name__))
        return "data" if obj is not None else self
    def __set__(self, obj, value):
        log.append(("set", value))
        obj.__dict__["d"] = value
class NonData:
    def __get__(self, obj, owner):
        return "nondata" if obj is not None else "nondata-class"
class C:
    d = DataDesc()
    n = NonData()
c = C()
c.__dict__["d"] = "instance-d"
c.__dict__["n"] = "instance-n"
print(c.d, c.n, C.n, type(C.d).__name__)
c.d = 5
print(c.__dict__, log)
def plain(self, x):
    return (type(self).__name__, x)
C.m = plain
print(c.m(1), C.m(c, 2), plain.__get__(c, C)(3), plain.__get__(None, C) is plain)
class Validated:
    def __init__(self, minimum):
        self.minimum = minimum
    def __set_name__(self, owner, name):
        self.private = "_" + name
    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return getattr(obj, self.private)
    def __set__(self, obj, value):
        if value < self.minimum:
            raise ValueError(f"{self.private[1:]} must be >= {self.minimum}, got {value}")
        setattr(obj, self.private, value)
    def __delete__(self, obj):
        raise AttributeError(f"cannot delete {self.private[1:]}")
class Order:
    qty = Validated(1)
    price = Validated(0)
    def __init__(self, qty, price):
        self.qty, self.price = qty, price
o = Order(3, 2.5)
print(o.qty * o.price, sorted(vars(o)))
for bad in [lambda: Order(0, 1), lambda: setattr(o, "price", -1), lambda: delattr(o, "qty")]:
    try:
        bad()
    except (ValueError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
class ClassProp:
    def __init__(self, f):
        self.f = f
    def __get__(self, obj, owner):
        return self.f(owner)
class Model:
    table = "models"
    @ClassProp
    def full(cls):
        return f"db.{cls.table}"
class User(Model):
    table = "users"
print(Model.full, User.full, User().full)
sm = staticmethod(lambda: "static")
cm = classmethod(lambda cls: cls.__name__)
class Holder:
    s = sm
    c = cm
print(Holder.s(), Holder().s(), Holder.c(), Holder().c(), callable(sm), sm.__func__() if hasattr(sm, "__func__") else "")
