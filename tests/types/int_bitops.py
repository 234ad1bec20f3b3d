# Bitwise operators with negatives and mixed sizes.
vals = [0, 1, -1, 5, -5, 255, -256, 2 ** 40, -(2 ** 40), 2 ** 70, -(2 ** 70) + 3]
for a in vals:
    row = []
    for b in (3, -3, 2 ** 65):
        row.append((a & b, a | b, a ^ b))
    print(a, row)
for a in vals:
    print(a, a >> 1, a >> 70, a << 3, ~a)
print(1 << 0, 1 << 62, 1 << 63, 1 << 64, -1 << 64)
print(-(2 ** 70) >> 69, (2 ** 70) >> 200, -(2 ** 70) >> 200)
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 1).__name__)
print(bin(-10), hex(-(2 ** 70)), oct(2 ** 40), bin(0))
print(format(255, "b"), format(255, "#x"), format(255, "#o"), format(-255, "08X"))
x = 0
for i in range(0, 70, 7):
    x |= 1 << i
print(x, bin(x).count("1"))
x &= ~(1 << 7)
print(x)
x ^= -1
print(x)
x >>= 5
print(x)
