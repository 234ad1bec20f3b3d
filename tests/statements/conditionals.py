# if/elif/else chains, conditional expressions, truthiness of many types, short-circuit evaluation order.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100 and n % 2 == 0:
        return "medium even"
    elif n < 100:
        return "medium odd"
    else:
        return "large"
print([classify(n) for n in (-5, 0, 7, 42, 43, 1000)])
calls = []
def t(v):
    calls.append(v)
    return v
print(t(0) and t(1), calls); calls.clear()
print(t(1) and t(2) and t(0) and t(3), calls); calls.clear()
print(t(0) or t("") or t("x") or t("y"), calls); calls.clear()
print(t(None) or t(0), calls); calls.clear()
print(not t([]), calls); calls.clear()
print((t(1) if t(True) else t(2)), calls); calls.clear()
print((t(1) if t(False) else t(2)), calls); calls.clear()
for v in [0, 1, -1, 0.0, 1e-300, "", "0", [], [[]], (), {}, {0: 0}, set(), None, range(0), range(1), b"", b"\x00"]:
    print(repr(v), "truthy" if v else "falsy", end="; ")
print()
x = 5
result = "big" if x > 10 else "mid" if x > 3 else "small"
print(result)
grade = lambda s: "A" if s >= 90 else "B" if s >= 80 else "C" if s >= 70 else "F"
print([grade(s) for s in (95, 85, 75, 10)])
if []:
    print("no")
elif {}:
    print("no")
elif 0:
    print("no")
else:
    print("all falsy")
y = 0
if (y := y + 1) and (y := y * 10):
    print("walrus chain", y)
a = b = None
print(a is b, a is None is b, a == b != 1, 1 if a else 2)
print(0 < 1 and 1 < 2, not (1 and 0), (1 or 0) and "ok", [] or {} or () or "last")
