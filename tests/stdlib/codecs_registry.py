# The codec registry: custom search functions, CodecInfo, unregister,
# the text-encoding check of str.encode, and codecs.encode/decode on any codec.
import codecs
def rev_encode(s, errors="strict"):
    return (s[::-1].encode("ascii", errors), len(s))
def rev_decode(b, errors="strict"):
    return (bytes(b)[::-1].decode("ascii", errors), len(b))
def search(name):
    print("search called with", repr(name))
    if name == "reverse_ascii":
        return codecs.CodecInfo(rev_encode, rev_decode, name="reverse-ascii")
    if name == "not_text":
        return codecs.CodecInfo(rev_encode, rev_decode, name="not-text", _is_text_encoding=False)
    if name == "bad_result":
        return (1, 2, 3)
    if name == "returns_str":
        return codecs.CodecInfo(lambda s, e="strict": (s, len(s)), lambda b, e="strict": (b, len(b)), name="returns-str")
    return None
codecs.register(search)
print("hello".encode("Reverse-ASCII"), b"olleh".decode("reverse ascii"), codecs.lookup("REVERSE_ascii").name)
print(codecs.lookup("reverse_ascii") is codecs.lookup("reverse-ascii"))
print(codecs.encode("xy", "reverse_ascii"), codecs.decode(b"yx", "reverse_ascii"), codecs.encode("nt", "not_text"))
for bad in [lambda: "x".encode("not_text"), lambda: b"x".decode("not-text"), lambda: codecs.lookup("bad_result"),
            lambda: "x".encode("returns_str"), lambda: b"x".decode("returns_str"), lambda: "é".encode("reverse_ascii"),
            lambda: codecs.lookup("unknown_thing"), lambda: codecs.register(5)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
codecs.unregister(search)
try:
    codecs.lookup("reverse_ascii2")
except LookupError as e:
    print("LookupError", e)
print(codecs.lookup("reverse_ascii").name)
ci = codecs.CodecInfo(rev_encode, rev_decode, name="manual")
print(repr(ci).startswith("<codecs.CodecInfo object for encoding manual at"), ci.name, ci.encode("ab"), ci.incrementalencoder, isinstance(ci, tuple))
print(sorted(n for n in ["utf_8", "ascii", "latin_1"] if codecs.lookup(n)))
import encodings, encodings.aliases
print(encodings.normalize_encoding("  UTF-8 !!"), encodings.aliases.aliases["u8"], encodings.search_function("utf8").name)
print("x".encode(), "é".encode(errors="strict"), "é".encode(encoding="utf-16-le"), b"\xc3\xa9".decode(errors="ignore"), b"\xe9".decode(encoding="cp1252"))
