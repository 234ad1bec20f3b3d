# complex numbers: repr, arithmetic, attributes.
z = 3 + 4j
w = complex(1, -2)
print(z, w, -z, z + w, z - w, z * w, z / w, abs(z), z.conjugate())
print(z.real, z.imag, z == complex(3, 4), z != w, 1j * 1j, (1j) ** 2, 2 ** 1j != 0)
print(complex(), complex(2), complex("1+2j"), complex(" 3j "), complex(1.5, 0), complex(-0.0, -0.0))
print(repr(1j), repr(-1j), repr(0j), repr(complex(0, -0.0)), repr(complex(-0.0, 1)))
print(complex(float("inf"), float("nan")), complex(1e20, 1e-20), 1 + 0j == 1, hash(1 + 0j) == hash(1))
print(z ** 2, z ** 0, (1 + 1j) ** 3, pow(2j, 2))
print(type(z).__name__, isinstance(z, complex), bool(0j), bool(1j))
try:
    z < w
except TypeError as e:
    print("TypeError:", e)
try:
    z / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    complex("1+")
except ValueError as e:
    print("ValueError:", e)
try:
    int(z)
except TypeError as e:
    print("TypeError:", e)
print(format(z, ""), str(z), f"{z}", f"{w!r}")
print(1 + 2j - 2j, 5 * 1j, 1j + True, 0.5 + 1.5j, 1e300j * 10)
print(sum([1j, 2, 3.5]), (2 + 3j) * (2 - 3j))
