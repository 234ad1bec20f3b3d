# LOAD_ATTR of properties whose getter is a Python function (run in a frame
# the dispatch loop pushes), warmed up and then changed under the site.
class Temp:
    def __init__(self, c):
        self._c = c

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @property
    def kelvin(self):
        if self._c < -273.15:
            raise ValueError(f"below absolute zero: {self._c}")
        return self._c + 273.15


def read(ts):
    return [(t.fahrenheit, t.kelvin) for t in ts]


temps = [Temp(c) for c in (0, 100, -40)]
for _ in range(200):
    r = read(temps)
print(r)

# The getter raises: the traceback goes through the getter's frame.
try:
    read([Temp(-300)])
except ValueError as e:
    tb = e.__traceback__
    frames = []
    while tb:
        frames.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("ValueError", e, frames)

# The property is replaced by a plain class attribute, then by another
# property, then deleted (the instance attribute of that name shows through).
Temp.fahrenheit = "plain"
print(read(temps[:1]))
Temp.fahrenheit = property(lambda self: "lambda getter")
print(read(temps[:1]))
del Temp.fahrenheit
try:
    read(temps[:1])
except AttributeError as e:
    print("AttributeError", e)
temps[0].fahrenheit = "own value"
print(read(temps[:1]))
Temp.fahrenheit = property(lambda self: "data descriptor wins")
print(read(temps[:1]))

# property.__init__ run again gives the same property a new getter.
prop = Temp.__dict__["kelvin"]
original_kelvin = prop.fget
for _ in range(100):
    read(temps)
prop.__init__(lambda self: "reinitialised")
print(read(temps[:1]))
prop.__init__(len)
try:
    read(temps[:1])
except TypeError as e:
    print("TypeError", e)
prop.__init__(lambda self, extra=5: extra)
print(read(temps[:1]))
prop.__init__(None)
try:
    read(temps[:1])
except AttributeError as e:
    print("AttributeError", e)


# A getter raising AttributeError goes to __getattr__.
class Lazy:
    def __init__(self):
        self.loaded = False

    @property
    def data(self):
        if not self.loaded:
            raise AttributeError("not loaded")
        return [1, 2, 3]

    def __getattr__(self, name):
        return f"__getattr__({name})"


class Strict:
    def __init__(self):
        self.loaded = True

    @property
    def data(self):
        if not self.loaded:
            raise AttributeError("not loaded yet")
        return "strict data"


def get_data(o):
    return o.data


lz, st = Lazy(), Strict()
for _ in range(100):
    get_data(st)
print(get_data(lz), get_data(st))
lz.loaded = True
print(get_data(lz))
st.loaded = False
try:
    get_data(st)
except AttributeError as e:
    print("AttributeError", e)
Strict.__getattr__ = lambda self, name: "late __getattr__ " + name
print(get_data(st))
del Strict.__getattr__


# Getters that recurse, a getter's code replaced, and a property subclass.
class Node:
    def __init__(self, parent):
        self.parent = parent

    @property
    def depth(self):
        return 0 if self.parent is None else self.parent.depth + 1


n = None
for _ in range(300):
    n = Node(n)
print(n.depth)
for _ in range(1200):
    n = Node(n)
try:
    n.depth
except RecursionError as e:
    print("RecursionError", e)


def other_code(self):
    return "other code"


Node.depth.fget.__code__ = other_code.__code__
print(n.depth)


class LoudProperty(property):
    def __get__(self, obj, owner=None):
        return ("loud", super().__get__(obj, owner))


class Quiet:
    value = LoudProperty(lambda self: 42)


q = Quiet()
for _ in range(100):
    r = q.value
print(r)

# Finally an uncaught error inside a getter reached through the site.
prop.__init__(original_kelvin)
for _ in range(100):
    read(temps)
temps.append(Temp(-500))
read(temps)
