# Sizes no machine can hold give MemoryError (or CPython's OverflowError),
# never an abort: constructors, padding, zfill, format widths, expandtabs.
cases = [
    lambda: bytes(10**12),
    lambda: bytearray(10**12),
    lambda: "x".ljust(10**12),
    lambda: "x".rjust(10**12, "-"),
    lambda: "x".center(10**12),
    lambda: b"x".ljust(10**12),
    lambda: b"x".center(10**12),
    lambda: "ab".zfill(10**12),
    lambda: b"ab".zfill(10**12),
    lambda: "{:10000000000000}".format(1),
    lambda: format("s", "10000000000000"),
    lambda: f"{2.5:>10000000000000}",
    lambda: "x".expandtabs(10**12),
    lambda: "a\tb".expandtabs(2**31),
    lambda: "x" * 10**12,
    lambda: [None] * 10**12,
    lambda: (1, 2) * 10**12,
]
for c in cases:
    try:
        r = c()
    except (MemoryError, OverflowError) as e:
        print(type(e).__name__, e)
    else:
        print("no error", len(r))
print("x".ljust(5, "*"), b"7".zfill(3), "a\tb".expandtabs(4), "{:>6}".format("r"))
