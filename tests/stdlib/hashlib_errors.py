# Errors of the builtin hash objects and of hashlib.new, with CPython's messages.
import hashlib
import _md5, _sha1, _sha256, _sha512, _sha3

def attempt(label, f):
    try:
        r = f()
        print(label, r if not isinstance(r, bytes) else r.hex())
    except Exception as e:
        print(label, type(e).__name__, e)

for mod, name in [(_md5, "md5"), (_sha1, "sha1"), (_sha256, "sha256"), (_sha256, "sha224"),
                  (_sha512, "sha512"), (_sha512, "sha384")]:
    ctor = getattr(mod, name)
    attempt(name + " str", lambda: ctor("text"))
    attempt(name + " int", lambda: ctor(1))
    attempt(name + " two", lambda: ctor(b"a", b"b"))
    attempt(name + " data=", lambda: ctor(data=b"a"))
    attempt(name + " update()", lambda: ctor().update())
    attempt(name + " update str", lambda: ctor().update("s"))
    attempt(name + " update None", lambda: ctor().update(None))
    attempt(name + " update 2", lambda: ctor().update(b"a", b"b"))
    attempt(name + " digest(1)", lambda: ctor().digest(1))
    attempt(name + " hexdigest kw", lambda: ctor().hexdigest(x=1))
    attempt(name + " copy(1)", lambda: ctor().copy(1))
    attempt(name + " type()", lambda: type(ctor())())

for name in ["sha3_224", "sha3_512", "shake_128", "shake_256"]:
    t = getattr(_sha3, name)
    attempt(name + " str", lambda: t("s"))
    attempt(name + " list", lambda: t([1]))
    attempt(name + " data=", lambda: t(data=b""))
    attempt(name + " two", lambda: t(b"", b""))
    attempt(name + " copy(1)", lambda: t().copy(1))
    attempt(name + " digest kw", lambda: t().digest(x=1))

s = _sha3.shake_128(b"abc")
attempt("shake digest()", lambda: s.digest())
attempt("shake hexdigest()", lambda: s.hexdigest())
attempt("shake digest(-1)", lambda: s.digest(-1))
attempt("shake digest(2**29)", lambda: s.digest(2**29))
attempt("shake digest(2**64)", lambda: s.digest(2**64))
attempt("shake digest(1.5)", lambda: s.digest(1.5))
attempt("shake digest(length=3)", lambda: s.digest(length=3))
attempt("shake digest(True)", lambda: s.digest(True))
attempt("shake hexdigest(5)", lambda: s.hexdigest(5))

attempt("new foo", lambda: hashlib.new("foo"))
attempt("new upper", lambda: hashlib.new("SHA256", b"x").hexdigest())
attempt("new kw", lambda: hashlib.new("md5", data=b"x").hexdigest())
attempt("new str data", lambda: hashlib.new("sha1", "x"))
attempt("2d view", lambda: _md5.md5(memoryview(b"abcd").cast("B", (2, 2))).hexdigest())
attempt("2d view update", lambda: _sha3.sha3_256(memoryview(b"abcd").cast("B", (2, 2))).hexdigest())
try:
    hashlib.file_digest(__import__("io").StringIO("x"), "md5")
except ValueError as e:
    print("file_digest text", str(e).endswith("is not a file-like object in binary reading mode."))
