# Huge values give exceptions, never crashes, and stay fast.
import sys

def show(label, f):
    try:
        r = f()
        print(label, "ok", r if isinstance(r, (int, float, bool)) and len(repr(r)) < 60 else type(r).__name__)
    except Exception as e:
        print(label, type(e).__name__, e)

x = 10 ** 10 ** 6
print(x.bit_length(), x % 1000003)
y = 7 ** 400000
print(y.bit_length(), y % 999983)
z = (3 ** 200000) * (5 ** 150000)
print(z.bit_length(), (z // (3 ** 199990)) % 10007)
show("lshift huge", lambda: 1 << 10 ** 20)
show("float pow", lambda: 2.0 ** 10000)
show("float mul", lambda: 1e308 * 10)
show("int to float", lambda: float(10 ** 400))
show("int div float", lambda: 10 ** 400 / 1)
show("int div float2", lambda: 10 ** 400 / 10 ** 390)
show("exp", lambda: __import__("math").exp(1000))
show("str huge", lambda: str(10 ** 5000))
show("int huge", lambda: int("1" * 5000))
show("range len", lambda: len(range(10 ** 20)))
show("range item", lambda: range(10 ** 20)[-1])
show("to_bytes", lambda: (1).to_bytes(10 ** 12, "big"))
show("complex pow", lambda: (1 + 1j) ** 10 ** 6)
show("complex big", lambda: complex(10 ** 400))
show("round big", lambda: round(1.5, 10 ** 30))
show("float floordiv", lambda: 1e308 // 1e-308)
show("float mod", lambda: (-1e-300) % 1e300)
show("int float cmp", lambda: 10 ** 1000 == float("inf"))
show("bit ops", lambda: ((1 << 100000) - 1).bit_count())
show("divmod big", lambda: divmod(-(10 ** 50), 7) == (-(10 ** 50) // 7, -(10 ** 50) % 7))
show("divmod float", lambda: divmod(-7.5, 2))
show("divmod mixed", lambda: divmod(7, -2.5))
show("pow mod big", lambda: pow(3, 10 ** 100, 10 ** 9 + 7))
show("str repeat", lambda: "x" * 10 ** 12)
show("str repeat2", lambda: "abc" * 10 ** 15)
show("str repeat3", lambda: "x" * 10 ** 19)
show("list repeat", lambda: [0] * 10 ** 12)
show("tuple repeat", lambda: (0, 1) * 10 ** 12)
def inplace():
    l = [1, 2]
    l *= 10 ** 12
show("list irepeat", inplace)
show("small repeat", lambda: len("ab" * 1000))
