# Encodings other than UTF-8 and the error handlers of encode/decode.
print(str(b"abc", "ascii"), str(b"x\xffy", "utf-8", "replace"), b"caf\xe9".decode("latin-1"))
print("é".encode("latin-1"), "é".encode("ascii", "replace"), "é".encode("ascii", "ignore"), "é€".encode("ascii", "backslashreplace"))
print(b"a\xffb".decode("utf-8", "ignore"), b"a\xffb".decode("utf-8", "backslashreplace"), b"\xff".decode("ascii", "replace"))
print("Ω".encode("utf-16-le"), "Ω".encode("utf-16"), b"\xa9\x03".decode("utf-16-le"), "x".encode("utf-32-be"))
print("naïve".encode("cp1252"), bytes("é", "utf8"), "É".encode("UTF-8"), b"\xe9".decode("iso-8859-1"))
for bad in [lambda: str(b"\xff", "ascii"), lambda: "abc".encode("nope"), lambda: "é".encode("ascii"), lambda: b"\xff".decode("utf-8"), lambda: "é".encode("ascii", "bogus")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
u = UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
print(u, u.start, u.end, u.reason, u.encoding)
