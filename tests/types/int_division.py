# Floor division and modulo sign rules over a grid, including floats and big ints.
vals = [7, -7, 0, 1, -1, 13, -13]
divs = [2, -2, 3, -3, 5, -5]
for a in vals:
    print(a, [(a // b, a % b) for b in divs])
for a in (7.5, -7.5, 0.0, -0.0):
    print(a, [(a // b, a % b) for b in (2, -2, 0.5, -0.25)])
big = 10 ** 25 + 7
for b in (3, -3, 10 ** 12, -(10 ** 12)):
    q, r = divmod(big, b)
    print(q, r, q * b + r == big, divmod(-big, b))
print(-1 // 2 ** 70, 1 // -(2 ** 70), -(2 ** 70) % 3, (2 ** 70) % -3, (-(2 ** 70)) // -(2 ** 35))
print(7 / 2, -7 / 2, 1 / 3, 2 ** 70 / 2 ** 69, 10 / 4 == 2.5, (10 ** 30) / (10 ** 29), 1 / -(10 ** 20))
print(round(7 / 3, 3), 22 // 7, 22 % 7, -22 // 7, -22 % 7, 22 // -7.0, -22 % 7.0)
print(True // 2, True % 2, 5 // True, 5.0 % True, divmod(True, True), 3 % 1.5, -3 % 1.5)
