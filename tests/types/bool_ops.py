# bool: arithmetic, repr, conversions, identity.
print(True, False, repr(True), str(False), int(True), float(False))
print(True + True, True - False, True * 7, True / 2, True // 2, -True, ~True, ~False)
print(True == 1, False == 0, True is True, bool(0), bool(1), bool(-1), bool(""), bool("0"))
print(bool([]), bool([0]), bool({}), bool(()), bool(None), bool(0.0), bool(range(0)))
print(isinstance(True, int), type(True) is bool, bool.__bases__, bool.__name__)
print(True & True, True | False, False ^ True, type(True | False).__name__)
print(sum([True, True, False, True]), max(False, True), sorted([True, False, True]))
print({True: "a", 1: "b"}, {1, True, 1.0}, [1, 2][True])
print(hash(True), hash(False), True.real, True.imag, True.numerator)
print(f"{True}", f"{True:d}", format(False, "5"), "%s %d" % (True, True), str(True).upper())
try:
    class B(bool):
        pass
except TypeError as e:
    print("TypeError:", e)
print(bool.__new__(bool, 5), bool(NotImplemented) if False else "skip")
class Truthy:
    def __bool__(self):
        return False
class Sized:
    def __len__(self):
        return 3
print(bool(Truthy()), bool(Sized()), not Truthy(), not Sized())
class Bad:
    def __bool__(self):
        return 1
try:
    bool(Bad())
except TypeError as e:
    print("TypeError:", e)
class BadLen:
    def __len__(self):
        return -1
try:
    bool(BadLen())
except ValueError as e:
    print("ValueError:", e)
print(True and 3, False and 3, True or 3, False or 3, not None)
