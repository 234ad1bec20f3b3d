# floor division, modulo and divmod with mixed signs for ints and floats.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (0, -3), (7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2),
         (0.0, -1.0), (-0.0, 1.0), (1e308, 1e-308), (5, 0.5), (-5, 0.3), (1, float("inf")), (-1, float("inf")),
         (float("inf"), 2), (float("nan"), 1), (10 ** 30, 7), (-10 ** 30, 7), (10 ** 30, -7.5), (3, 10 ** 20),
         (-3, 10 ** 20), (2 ** 63, -1), (-2 ** 63, -1), (7, 0), (7.0, 0), (7, 0.0), (0.1, 0.01)]
for a, b in pairs:
    out = []
    for f in (lambda: a // b, lambda: a % b, lambda: divmod(a, b)):
        try:
            out.append(repr(f()))
        except Exception as e:
            out.append(f"{type(e).__name__}: {e}")
    print(a, b, " | ".join(out))
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, -7.0 // 2, -7.0 % 2, 6 % -3, -6.0 % 3)
try:
    divmod(1j, 1)
except TypeError as e:
    print("TypeError", e)
