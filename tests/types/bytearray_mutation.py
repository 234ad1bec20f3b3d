# bytearray: list-like mutators and their errors.
ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba.extend([103, 104])
ba.extend(bytearray(b"i"))
ba.extend(memoryview(b"j"))
ba.extend(x for x in (107,))
ba.extend(iter([]))
print(ba, len(ba))
ba.insert(0, 95)
ba.insert(-1, 45)
ba.insert(100, 33)
ba.insert(-100, 64)
print(ba)
print(ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.remove(95)
ba.reverse()
print(ba)
c = ba.copy()
c[0] = 0
print(ba, c, c is ba, type(c).__name__)
c.clear()
print(c, len(c), bool(c))
x = bytearray(b"ab")
x += b"cd"
x += bytearray(b"e")
x += memoryview(b"f")
y = x
x *= 2
print(x, y is x, x * 0, 3 * bytearray(b"z"))
x *= 0
print(x)
for bad in [lambda: bytearray(b"x").append(256), lambda: bytearray(b"x").append(-1), lambda: bytearray(b"x").append("a"),
            lambda: bytearray(b"x").append(b"a"), lambda: bytearray().extend(5), lambda: bytearray().extend("ab"),
            lambda: bytearray().extend([1, "a"]), lambda: bytearray().extend([300]), lambda: bytearray().pop(),
            lambda: bytearray(b"x").pop(5), lambda: bytearray(b"x").remove(9), lambda: bytearray(b"x").remove(300),
            lambda: bytearray(b"x").insert(0, 256), lambda: bytearray(b"x").insert("a", 1), lambda: hash(bytearray()),
            lambda: bytearray(-1), lambda: bytearray(1.5), lambda: bytearray([300]), lambda: bytearray("x"),
            lambda: bytearray(b"x", "ascii")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
z = bytearray(b"q")
try:
    z += "s"
except TypeError as e:
    print("TypeError", e)
print(bytearray(), bytearray(3), bytearray([1, 2]), bytearray("hé", "utf-8"), bytearray(b"b"), bytearray(range(3)), bytearray(memoryview(b"m")))
b = bytearray(b"init")
b.__init__(b"again")
print(b)
b.__init__()
print(b)
class BA(bytearray):
    def extra(self):
        return len(self) * 2
s = BA(b"sub")
s.append(33)
print(s, s.extra(), type(s.upper()).__name__, type(s[:1]).__name__, repr(s), s == b"sub!", isinstance(s, bytearray))
print(bytearray(b"abc") == b"abc", bytearray(b"abc") != bytearray(b"abd"), bytearray(b"a") < bytearray(b"b"), bytearray(b"x") == "x")
print(bytearray.__hash__, list(bytearray(b"hi")), bytearray(b"ab").decode(), bytearray(b"ab").__alloc__() >= 3)
