class Stack:
    def __init__(self):
        self._items = []
    def push(self, item):
        self._items.append(item)
    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()
    def __len__(self):
        return len(self._items)
    def __repr__(self):
        return f"Stack({self._items})"
    def __iter__(self):
        return reversed(self._items)
s = Stack()
for i in range(3):
    s.push(i)
print(s, len(s), list(s), s.pop(), s)
try:
    Stack().pop()
except IndexError as e:
    print("error:", e)
class Shape:
    def area(self):
        raise NotImplementedError
    def __str__(self):
        return f"{type(self).__name__} with area {self.area():.2f}"
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2
class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
for sh in [Circle(1), Rect(2, 3)]:
    print(sh)
try:
    print(Shape())
except NotImplementedError as e:
    print("NotImplementedError", repr(e))
class Temperature:
    def __init__(self, c):
        self._c = c
    @property
    def f(self):
        return self._c * 9 / 5 + 32
    def __eq__(self, other):
        return self._c == other._c
    def __lt__(self, other):
        return self._c < other._c
temps = [Temperature(30), Temperature(10), Temperature(20)]
print([t.f for t in sorted(temps)], Temperature(1) == Temperature(1), Temperature(1) in temps)
class Registry(type):
    classes = []
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        Registry.classes.append(name)
class Plugin(metaclass=Registry): pass
class PluginA(Plugin): pass
print(Registry.classes)
import sys
print(sys.version_info[0], sys.version_info[:2] >= (3, 11))
