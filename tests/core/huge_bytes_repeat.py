# Repeats too large for memory raise MemoryError (never abort); 10**10**6 computes; its str() hits the digit limit.
for f in (lambda: b'x' * 10**12, lambda: bytearray(b'x') * 10**12, lambda: 'x' * 10**12, lambda: [0] * 10**12):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
x = 10**10**6
print(x.bit_length())
try:
    str(x)
except ValueError as e:
    print(e)
b = bytearray(b'ab')
b *= 3
print(b, b'xy' * 0, b'-' * -1, bytearray(b'q') * 2)
