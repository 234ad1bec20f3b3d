import math, sys, fractions, decimal
big = 3 ** 2000
print(len(str(big)), big % 1000007, big.bit_length(), (-big) // 7 % 11, divmod(-big, 10**50)[1], big >> 3000, (big >> 3100) == 0, -big >> 5000)
print(f"{2**100:,}", f"{2**100:_x}", f"{-2**70:#o}", f"{2**64:e}", f"{10**30:.3g}", format(2**80, "b")[:10], f"{12345678901234567890:>30,d}")
print(float(2**1023), math.ldexp(1, 1023) * 2 if False else "", 2**1023 * 1.0)
for bad in [lambda: float(2**1024), lambda: 2.0 ** 2000, lambda: math.exp(710), lambda: 10 ** -2 ** 40 if False else 1e308 * 10, lambda: int(1e308) * 10 ** 10 > 0, lambda: math.factorial(10**6) if False else math.comb(10**4, 5000) % 97,
            lambda: round(1e300, -300), lambda: round(2**1000, -500) // 10**499, lambda: (10**400) / 3, lambda: 10**400 / 10**399, lambda: (2**2000) ** 0.5, lambda: math.sqrt(2**2000) > 0, lambda: math.log(2**5000), lambda: math.isqrt(10**200), lambda: pow(3, 10**6, 10**9 + 7), lambda: pow(2, -1, 97), lambda: str(10**5000)[:3], lambda: int("9" * 5000) % 13,
            lambda: "%d" % 2**200, lambda: "%x" % -2**70, lambda: "%.3e" % 2**300, lambda: (1).__lshift__(10**10), lambda: 1 << -1, lambda: 2**63 * 2**63, lambda: (-2**63) // -1, lambda: abs(-2**63), lambda: -(-2**63), lambda: (2**63 - 1) + 1, lambda: 7 ** 7 ** 2 % 1000,
            lambda: hash(2**61 - 1), lambda: hash(2**61), hash(-2**100) if False else hash(10**100), lambda: hash(1e100), lambda: hash(float("inf")), lambda: hash(-1), lambda: hash(fractions.Fraction(1, 3)), lambda: int.from_bytes(b"\xff" * 100, "big") % 1000, lambda: (2**200).to_bytes(26, "little")[-2:],
            lambda: 1e16 + 1 == 1e16, lambda: 0.1 + 0.2, lambda: 1/3, lambda: 2/3 * 3, lambda: -0.0, lambda: 1e-320, lambda: 5e-324 / 2, lambda: float("1e-400"), lambda: float("  -inf "), lambda: float("nan") == float("nan"), lambda: math.fsum([0.1] * 10), lambda: sum([0.1] * 10),
            lambda: round(2.675, 2), lambda: round(0.5), lambda: round(1.5), lambda: round(-0.5), lambda: round(1e15 + 0.5), lambda: int(-7 / 2), lambda: -7 // 2, lambda: -7 % 2, lambda: 7 % -3, lambda: -7.5 % 2, lambda: math.fmod(-7.5, 2), lambda: divmod(-7.5, 2), lambda: 2 ** -1, lambda: (-8) ** (1 / 3),
            lambda: complex(1, 2) ** 2, lambda: abs(3 + 4j), lambda: (1 + 2j) / (3 - 4j), lambda: 1j ** 2, lambda: 0j ** 0, lambda: 0j ** -1, lambda: complex("inf+nanj"), lambda: sys.float_info.max, lambda: sys.int_info, lambda: sys.maxsize, lambda: sys.hash_info.modulus,
            lambda: int("0x_1f", 16) if False else int("0x1f", 16), lambda: int("0b101", 0), lambda: int("  12  "), lambda: int("١٢٣"), lambda: float("١٢.٥"), lambda: int("1_000"), lambda: int("1__0"), lambda: int("07"), lambda: int("07", 0), lambda: int("z" * 4, 36), lambda: int(b"42"), lambda: int(bytearray(b"7")),
            lambda: str(2 ** 20000)[-5:], lambda: int("1" * 4301), lambda: sys.set_int_max_str_digits(0) or len(str(10 ** 5000))]:
    try:
        r = bad() if callable(bad) else bad
        print(repr(r)[:80])
    except Exception as e:
        print(type(e).__name__, e)
