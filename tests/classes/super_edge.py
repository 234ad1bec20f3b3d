# super() in classmethods, staticmethods (explicit form), properties, __init_subclass__, and with multiple inheritance.
class Base:
    def __init__(self):
        self.trail = ["Base"]
    @property
    def name(self):
        return "base"
    @classmethod
    def build(cls):
        return f"build {cls.__name__}"
    def greet(self, who="world"):
        return f"hello {who}"
class Child(Base):
    def __init__(self):
        super().__init__()
        self.trail.append("Child")
    @property
    def name(self):
        return "child<" + super().name + ">"
    @classmethod
    def build(cls):
        return super().build() + " via Child"
    def greet(self, who="child"):
        return super().greet(who).upper()
    @staticmethod
    def helper(obj):
        return super(Child, obj).greet("static")
c = Child()
print(c.trail, c.name, Child.build(), c.greet(), Child.helper(c))
class A:
    def go(self):
        return ["A"]
class B(A):
    def go(self):
        return ["B"] + super().go()
class C(A):
    def go(self):
        return ["C"] + super().go()
class D(B, C):
    def go(self):
        return ["D"] + super().go()
class E(C, B):
    pass
print(D().go(), E().go(), super(B, D()).go(), super(C, D()).go())
class Sized:
    def __len__(self):
        return 3
class Twice(Sized):
    def __len__(self):
        return super().__len__() * 2
print(len(Twice()), Twice().__len__())
def outside_method(self):
    return super(type(self), self).greet("outside")
Child.outside = outside_method
print(c.outside())
class Lazy:
    def method(self):
        f = lambda: super(Lazy, self).__repr__()
        return f().startswith("<__main__.Lazy object")
print(Lazy().method())
class WithNew:
    def __new__(cls, *a):
        inst = super().__new__(cls)
        inst.args = a
        return inst
class WithNewChild(WithNew):
    def __new__(cls, *a):
        return super().__new__(cls, *a, "extra")
print(WithNewChild(1).args)
try:
    super(int, "x")
except TypeError as e:
    print("TypeError:", e)
print(super(Child, c).name, super(Child, Child).build(), isinstance(super(), object) if False else "")
