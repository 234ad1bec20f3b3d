# Error handlers of the native codecs and custom handlers via register_error.
import codecs
s = "a\xe9\u20ac\U0001f600\udcff-z"
for errors in ["ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
    for enc in ["ascii", "latin-1", "cp1252"]:
        print(enc, errors, s.encode(enc, errors))
print(s.encode("utf-8", "surrogateescape"), s.encode("utf-8", "surrogatepass"), s.encode("utf-16-le", "surrogatepass"), s.encode("utf-8", "replace"))
print("\udc80\udcff".encode("ascii", "surrogateescape"), "\udcc3\udca9".encode("latin-1", "surrogateescape"), "\ud800".encode("utf-32-be", "surrogatepass"))
bad = b"a\xff\xfeb\xc3\x28c\xe2\x82d\xed\xa0\x80e\xf0\x9f\x98"
for errors in ["ignore", "replace", "backslashreplace", "surrogateescape"]:
    r = bad.decode("utf-8", errors)
    print(errors, ascii(r), len(r))
print(ascii(b"\xed\xa0\x80\xed\xbf\xbf".decode("utf-8", "surrogatepass")), ascii(b"\x80abc\xff".decode("ascii", "surrogateescape")))
print(ascii(b"\x00\xd8a\x00".decode("utf-16-le", "replace")), ascii(b"\x00\xdc".decode("utf-16-le", "surrogatepass")), ascii(b"a\x00b".decode("utf-16-le", "ignore")))
print(ascii(b"\x00\x00\x11\x00".decode("utf-32-le", "replace")), ascii(b"\x00\xd8\x00\x00".decode("utf-32-le", "surrogatepass")), ascii(b"abc".decode("utf-32-le", "backslashreplace")))
round_trip = "caf\udce9".encode("utf-8", "surrogateescape")
print(round_trip, ascii(round_trip.decode("utf-8", "surrogateescape")), ascii(b"caf\xe9".decode("ascii", "surrogateescape")))
cases = [(b"\xff", "invalid start byte"), (b"\xc3", "end"), (b"\xc3\x28", "cont"), (b"\xe2\x82", "end"), (b"\xe2\x28\xa1", "cont"),
         (b"\xf0\x28\x8c\xbc", "cont"), (b"\xf8\x88\x80\x80\x80", "start"), (b"ab\x80cd", "start"), (b"\xed\xa0\x80", "surrogate"),
         (b"\xc0\xaf", "overlong"), (b"\xf4\x90\x80\x80", "too big"), (b"\xe0\x80\x80", "overlong3"), (b"ok\xf0\x9f\x98", "end4")]
for data, what in cases:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        print(what, "|", e, "|", e.start, e.end, e.reason)
for data, enc in [(b"\x80", "ascii"), (b"a", "utf-16-le"), (b"\x00\xd8", "utf-16-le"), (b"\x00\xdc\x00\x00", "utf-16-le"),
                  (b"\x00\xd8a\x00", "utf-16-le"), (b"ab", "utf-32"), (b"\x00\x00\x11\x00", "utf-32-le"), (b"\x00\xd8\x00\x00", "utf-32-le")]:
    try:
        print(ascii(data.decode(enc)))
    except UnicodeDecodeError as e:
        print(enc, "|", e, "|", e.start, e.end)
for text, enc in [("é", "ascii"), ("ab€cd€€", "latin-1"), ("\ud800", "utf-8"), ("a\udc00\udc01b", "utf-16"), ("𝄞", "ascii"), ("\x80", "ascii"), ("Ā", "cp1252")]:
    try:
        text.encode(enc)
    except UnicodeEncodeError as e:
        print(enc, "|", e, "|", e.start, e.end, e.reason)
for bad in [lambda: "é".encode("ascii", "bogus"), lambda: b"\xff".decode("utf-8", "bogus"), lambda: "é".encode("ascii", "surrogateescape"),
            lambda: b"\xff".decode("utf-8", "xmlcharrefreplace"), lambda: b"\xff".decode("utf-8", "namereplace"), lambda: "é".encode("latin-1", "surrogatepass") if False else "€".encode("latin-1", "surrogatepass"),
            lambda: codecs.lookup_error("nope"), lambda: codecs.register_error("x", 5)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print("a".encode("ascii", "bogus"), b"a".decode("utf-8", "bogus"))
def dashes(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ("-" * (exc.end - exc.start), exc.end)
    if isinstance(exc, UnicodeDecodeError):
        return ("<%s>" % exc.object[exc.start:exc.end].hex(), exc.end)
    raise TypeError("can't handle %s" % type(exc).__name__)
codecs.register_error("dashes", dashes)
print("aé€b".encode("ascii", "dashes"), b"a\xff\xfeb".decode("utf-8", "dashes"), "x€y".encode("cp1252", "dashes"), b"\x81".decode("cp1252", "dashes"))
print(codecs.lookup_error("dashes") is dashes, codecs.lookup_error("strict").__name__, codecs.lookup_error("replace").__name__)
def skip_back(exc):
    # A negative position counts from the end: here it skips the rest.
    return ("?", -1) if exc.start < len(exc.object) - 1 else ("!", exc.end)
codecs.register_error("skip_back", skip_back)
print("abéc€".encode("ascii", "skip_back"))
codecs.register_error("as_bytes", lambda e: (b"<B>", e.end))
print("aéb".encode("latin-1", "as_bytes") if False else "a€b".encode("ascii", "as_bytes"))
for handler in [lambda e: 5, lambda e: ("x",), lambda e: (5, 1), lambda e: ("x", 100), lambda e: ("€", e.end)]:
    codecs.register_error("bad", handler)
    try:
        print("a€b".encode("ascii", "bad"))
    except Exception as e:
        print(type(e).__name__, e)
exc = UnicodeEncodeError("ascii", "a€b", 1, 2, "ordinal not in range(128)")
for name in ["ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
    print(name, codecs.lookup_error(name)(exc))
dexc = UnicodeDecodeError("utf-8", b"a\xff\xfeb", 1, 3, "invalid start byte")
print(codecs.lookup_error("replace")(dexc), codecs.lookup_error("backslashreplace")(dexc), codecs.lookup_error("ignore")(dexc), codecs.lookup_error("surrogateescape")(dexc))
try:
    codecs.strict_errors(exc)
except UnicodeEncodeError as e:
    print("strict re-raised", e is exc)
for bad in [lambda: codecs.lookup_error("xmlcharrefreplace")(dexc), lambda: codecs.lookup_error("replace")(ValueError("v")), lambda: codecs.strict_errors(5)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
u = UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
print(u, u.start, u.end, u.reason, u.encoding, u.object, u.args)
u.start = 5
print(u)
e2 = UnicodeEncodeError("latin-1", "ab\U0001f600", 2, 3, "nope")
print(e2, repr(e2))
e3 = UnicodeEncodeError("ascii", "abc", 0, 3, "many")
print(e3, UnicodeTranslateError("x\u20ac", 1, 2, "untranslatable"), UnicodeTranslateError("xyz", 0, 2, "bad"))
for bad in [lambda: UnicodeDecodeError("utf-8"), lambda: UnicodeDecodeError(1, b"", 0, 0, ""), lambda: UnicodeEncodeError("a", b"x", 0, 1, "r"),
            lambda: UnicodeDecodeError("a", "x", 0, 1, "r"), lambda: UnicodeEncodeError("a", "x", "0", 1, "r")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(str(UnicodeDecodeError("x", bytearray(b"ab"), 0, 2, "r")), isinstance(u, ValueError), UnicodeError.__mro__[1].__name__)
