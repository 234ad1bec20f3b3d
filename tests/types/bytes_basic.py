# bytes and bytearray.
b = b"hello world"
print(b, len(b), b[0], b[-1], b[1:4], b[::-1], b.upper(), b.title(), b.split(), b.split(b"o"))
print(b.find(b"o"), b.rfind(b"o"), b.count(b"l"), b.replace(b"l", b"L"), b.startswith(b"he"))
print(b.hex(), bytes.fromhex("de ad be ef"), b.hex(":"), b"\x00\xff".hex())
print(bytes(3), bytes([65, 66]), bytes(range(5)), bytes("é", "utf-8"), b"a" * 3, b"a" + b"b")
print(repr(b"'\""), repr(b"\n\t\\"), b"\x7f\x80", list(b"abc"), 97 in b"abc", b"bc" in b"abc")
print(b"-".join([b"a", b"b"]), b" x ".strip(), b"abc".center(7, b"*"), b"12".zfill(4))
print(b"abc" < b"abd", b"a" == "a", b"Abc".isalpha(), b"123".isdigit(), b"ABC".lower())
ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba[0] = 65
ba += b"!"
print(ba, len(ba), ba.pop(), ba, bytes(ba), ba.decode())
ba.insert(0, 95)
ba.remove(98)
del ba[1]
print(ba, ba.find(b"d"), ba[1:3], bytearray(3), bytearray("xy", "ascii"))
ba[1:3] = b"ZZZZ"
print(ba, ba.reverse(), ba, ba * 2)
for bad in [lambda: b"a" + "b", lambda: bytes([256]), lambda: b"abc"[5], lambda: bytearray(b"x").pop(5),
            lambda: bytes("é"), lambda: b"\xff".decode(), lambda: bytes.fromhex("zz"), lambda: ba.__setitem__(0, 300)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(b"a,b,,c".split(b","), b"x\ny\n".splitlines(), b"abc".partition(b"b"), b"%d" % 5)
print(bytes(b"abc") is not None, b"ab".decode("ascii"), "ab".encode() == b"ab", hash(b"ab") == hash(b"ab"))
print(b"Hello".swapcase(), b"hello".capitalize(), b"a\tb".expandtabs(4), b"abc".translate(None, b"b"))
