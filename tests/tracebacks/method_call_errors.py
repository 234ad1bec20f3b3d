# Call errors through bound methods, classmethods, staticmethods, super()
# calls and __call__: the names CPython puts in the messages.
class Base:
    def greet(self, name):
        return f"hi {name}"

    @classmethod
    def build(cls, a, *, b):
        return cls()

    @staticmethod
    def helper(x, y=1):
        return x + y

    def __call__(self, value):
        return value


class Child(Base):
    def greet(self, name, extra):
        return super().greet(name, extra)


def show(f):
    try:
        f()
    except TypeError as e:
        print(e)


obj = Child()
show(lambda: obj.greet("a"))
show(lambda: obj.greet("a", "b"))
show(lambda: Base.greet())
show(lambda: Base.build(1, 2))
show(lambda: Base.build(1))
show(lambda: Child.build(a=1, b=2, c=3))
show(lambda: Base.helper())
show(lambda: obj.helper(1, 2, 3))
show(lambda: obj())
show(lambda: obj(1, 2))
show(lambda: obj(value=1, other=2))
show(lambda: Base(1))
show(lambda: object.__init__(obj, 1))
show(lambda: Base().greet(name="x", name2="y"))
obj.greet()
