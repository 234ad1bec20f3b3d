# Encodings through str.encode/bytes.decode and the codecs module: the native
# ones and those of Lib/encodings (charmap-based, escapes).
import codecs
text = "Grüße, Ωμέγα € 𝄞!"
for enc in ["utf-8", "UTF8", "utf_8", "U8", "utf-16", "utf-16-le", "UTF-16BE", "utf-32", "utf_32_le", "utf-32-be",
            "latin-1", "iso8859-1", "cp1252", "cp437", "iso8859_15", "mac_roman", "koi8_r", "cp850", "ascii", "us-ascii"]:
    try:
        data = text.encode(enc)
        print(enc, len(data), data[:12], data.decode(enc) == text)
    except UnicodeEncodeError as e:
        print(enc, "UnicodeEncodeError", e)
        print("  ", e.encoding, e.start, e.end, e.reason, e.object == text)
for enc in ["cp1252", "latin-1", "cp437", "koi8-r"]:
    print(enc, bytes(range(0x80, 0x90)).decode(enc, "replace"))
try:
    b"\x81".decode("cp1252")
except UnicodeDecodeError as e:
    print(type(e).__name__, e, e.encoding, e.object, e.start, e.end, e.reason)
print("€".encode("cp1252"), "Ω".encode("utf-16-le"), "Ω".encode("utf-16"), "x".encode("utf-32-be"), "𝄞".encode("utf-16-be"))
print(b"\xff\xfeA\x00".decode("utf-16"), b"\xfe\xff\x00A".decode("utf-16"), b"A\x00".decode("utf-16"), b"\x00\x00\x00A".decode("utf-32-be"))
print(b"\xd8\x34\xdd\x1e".decode("utf-16-be"), len("𝄞".encode("utf-32")), "𝄞".encode("utf-32")[:4])
print(codecs.encode("abc", "rot13"), codecs.decode("nop", "rot_13"))
print(codecs.escape_encode(b"x\n'\\\x00\xff"), codecs.escape_decode(b"\\x41\\n\\'\\101\\\n")[0], codecs.escape_encode(b"\t\x7f"))
print("tab\t é ☃ 𝄞\\".encode("unicode_escape"), b"\\u2603 \\x41 \\t \\U0001d11e \\101 \\N".decode("unicode_escape", "replace"))
print("é☃\\".encode("raw_unicode_escape"), b"\\u2603\\x41\\\\u0041".decode("raw_unicode_escape"))
print(codecs.encode("ab", "utf-8"), codecs.decode(b"ab"), codecs.encode("é", encoding="latin-1"), codecs.decode(b"\xe9", "latin-1"))
print(codecs.lookup("UTF-8").name, codecs.lookup("latin1").name, codecs.lookup("cp1252").name, codecs.lookup("utf_16_le").name)
info = codecs.lookup("ascii")
print(type(info).__name__, info.encode("hi"), info.decode(b"hi"), info[0]("x"), len(tuple(info)))
print(codecs.getencoder("utf-8")("é"), codecs.getdecoder("latin-1")(b"\xe9"), codecs.utf_8_encode("ab"), codecs.utf_8_decode(b"ab\xc3", "strict", False))
print(codecs.latin_1_encode("é"), codecs.ascii_decode(b"ok"), codecs.utf_16_le_decode(b"a\x00b"), codecs.utf_16_ex_decode(b"\xfe\xff\x00a", "strict", 0, True))
print(codecs.charmap_decode(b"\x00\x01", "strict", "ab"), codecs.charmap_decode(b"\x01", "strict", {1: "Z"}), codecs.charmap_encode("ab", "strict", {97: 1, 98: b"BB"}))
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE, codecs.BOM == codecs.BOM_UTF16_LE)
print(bytes("abc", "cp1252"), str(b"\x80", "cp1252"), str(b"abc", encoding="ascii"), str(bytearray(b"xy"), "utf-8"), str(memoryview(b"mv"), "latin-1"))
for bad in [lambda: "abc".encode("nope"), lambda: b"abc".decode("nope"), lambda: "x".encode("rot13"), lambda: b"x".decode("rot13"),
            lambda: codecs.lookup("bogus-codec"), lambda: codecs.lookup(5), lambda: str("x", "utf-8"), lambda: str(5, "utf-8"),
            lambda: "x".encode(5), lambda: b"x".decode("utf-8", 5), lambda: codecs.escape_decode(b"\\x4"),
            lambda: codecs.escape_decode(b"ab\\"), lambda: b"\\x4".decode("unicode_escape"), lambda: b"\\u12".decode("unicode_escape"),
            lambda: b"abc\\".decode("unicode_escape"), lambda: b"\\U00110000".decode("unicode_escape"), lambda: codecs.charmap_decode(b"\x05", "strict", "ab"),
            lambda: codecs.charmap_encode("c", "strict", {97: 1}), lambda: "\u20ac".encode("latin-1"), lambda: codecs.encode(1, "utf-8")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
