big = 2 ** 200
print(big, big // 3 ** 50, big % 1000007, -big >> 190, big.bit_length(), str(big)[:10], len(str(3 ** 1000)))
print(f"{big:,}"[:20], f"{255:#06x}", f"{-0.0:+.1f}", f"{1234.5678:e}", f"{0.000123:.2g}", f"{123456789:_}")
s = "naïve café ☕ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢"
print(s, len(s), s.upper(), s[::-1], s.encode("utf-8")[:12], [ord(c) for c in s[-3:]])
print("ß".upper(), "ﬁ".upper(), "Σ".lower(), "İstanbul".lower(), "ǈ".upper(), "straße".casefold())
print("%5.2f|%-8s|%08.3e" % (3.14159, "left", 12345.678))
print(repr(1e16), repr(1.5e-7), repr(123456789012345678.0), repr(float("inf")), repr(-float("nan")), 1e-320)
print(0.1 * 3, 1 / 7, 2 / 3, 10 ** -5, 1.0 / 3 * 3)
print(int("9" * 50) + 1, -(10 ** 30) // 7, (10 ** 30) % -7, divmod(-(10 ** 20), 3))
