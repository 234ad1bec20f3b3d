# secrets: only types, lengths and ranges (the values are random).
import secrets
import string

print(type(secrets.token_bytes()).__name__, len(secrets.token_bytes()), len(secrets.token_bytes(7)))
print(type(secrets.token_hex()).__name__, len(secrets.token_hex()), len(secrets.token_hex(5)))
print(all(c in string.hexdigits for c in secrets.token_hex(16)))
t = secrets.token_urlsafe(16)
print(type(t).__name__, len(t), all(c.isalnum() or c in "-_" for c in t))
print(all(0 <= secrets.randbelow(10) < 10 for _ in range(200)))
print(all(secrets.randbits(8) < 256 for _ in range(100)), secrets.randbits(0))
print(secrets.choice("abc") in "abc", secrets.choice([7]))
print(secrets.compare_digest(b"abc", b"abc"), secrets.compare_digest("a", "b"))
print(type(secrets.SystemRandom()).__name__, 0 <= secrets.SystemRandom().random() < 1)
print(len({secrets.token_hex(8) for _ in range(50)}))
try:
    secrets.randbelow(0)
except ValueError as e:
    print("ValueError", e)
