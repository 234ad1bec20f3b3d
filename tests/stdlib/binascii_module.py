# binascii: every codec both ways, checksums, and the errors.
import binascii

def attempt(label, f):
    try:
        r = f()
        print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

data = bytes(range(256))
samples = [b"", b"a", b"ab", b"abc", b"abcd", b"hello world", data, data * 3]

# hex
for s in samples[:7]:
    h = binascii.hexlify(s)
    print(h[:40], binascii.b2a_hex(s) == h, binascii.unhexlify(h) == s, binascii.a2b_hex(h.decode()) == s)
print(binascii.hexlify(b"\x01\x02\x03\x04\x05", "-"), binascii.hexlify(b"\x01\x02\x03\x04\x05", b":", 2))
print(binascii.hexlify(b"\x01\x02\x03\x04\x05", ".", -2), binascii.b2a_hex(b"abc", sep="|", bytes_per_sep=1))
print(binascii.hexlify(data=b"xy"), binascii.hexlify(b"\xff" * 4, " ", 4), binascii.hexlify(b"", "-"))
print(binascii.unhexlify("ABCDEF"), binascii.unhexlify(bytearray(b"00ff")), binascii.a2b_hex(memoryview(b"7a")))
attempt("odd", lambda: binascii.unhexlify(b"abc"))
attempt("nonhex", lambda: binascii.unhexlify(b"zz"))
attempt("nonascii", lambda: binascii.unhexlify("\xe9\xe9"))
attempt("int", lambda: binascii.unhexlify(5))
attempt("hexlify str", lambda: binascii.hexlify("ab"))
attempt("sep len", lambda: binascii.hexlify(b"ab", "--"))
attempt("sep type", lambda: binascii.hexlify(b"ab", 5))
attempt("sep None", lambda: binascii.hexlify(b"ab", None))
attempt("per float", lambda: binascii.hexlify(b"ab", bytes_per_sep=2.5))
attempt("per big", lambda: binascii.hexlify(b"ab", bytes_per_sep=2**70))
attempt("per only", lambda: binascii.hexlify(b"abc", bytes_per_sep=2))
attempt("sep nonascii", lambda: binascii.hexlify(b"ab", "\u20ac"))

# base64
for s in samples:
    e = binascii.b2a_base64(s)
    print(e[:50], binascii.a2b_base64(e) == s, binascii.b2a_base64(s, newline=False) == e[:-1])
for enc in [b"YWJj", b"YW Jj\n", b"YQ==", b"YQ", b"YWI=", b"YWI", b"Y", b"YQ===", b"YQ==YWJj",
            b"!!YWJj!!", b"YW=Jj", b"=YWJj", b"", b"====", b"YWJjZA==\n", b"A", b"AAAAA",
            "YWJj", b"Y\x00W\xffJj"]:
    attempt(repr(enc), lambda: binascii.a2b_base64(enc))
    attempt(repr(enc) + " strict", lambda: binascii.a2b_base64(enc, strict_mode=True))
attempt("a2b_base64 nonascii", lambda: binascii.a2b_base64("\u20ac"))
attempt("b2a_base64 str", lambda: binascii.b2a_base64("abc"))
attempt("b2a_base64 kw", lambda: binascii.b2a_base64(data=b"abc"))

# uu
for s in [b"", b"a", b"abc", b"hello world", data[:45]]:
    e = binascii.b2a_uu(s)
    print(e, binascii.a2b_uu(e) == s, binascii.b2a_uu(s, backtick=True))
attempt("uu 46", lambda: binascii.b2a_uu(b"x" * 46))
attempt("uu empty", lambda: binascii.a2b_uu(b""))
attempt("uu short", lambda: binascii.a2b_uu(b"%"))
attempt("uu newline", lambda: binascii.a2b_uu(b"#86)C\n"))
attempt("uu illegal", lambda: binascii.a2b_uu(b"#8\x016)C"))
attempt("uu trailing", lambda: binascii.a2b_uu(b"!80  xx"))
attempt("uu trailing ok", lambda: binascii.a2b_uu(b"!80  ``\r\n"))
attempt("uu str", lambda: binascii.a2b_uu("#86)C"))

# quoted-printable
for s in [b"hello", b"a=b", b"tab\there", b"trail \n", b"trail\t", b"caf\xc3\xa9", b"." , b".\n",
          b"x" * 100, b"line1\r\nline2 \r\n", b"under_score and space", b"\x00\x01\x7f", b"=" * 30,
          (b"word " * 30) + b"\n" + b"y" * 80]:
    print(binascii.b2a_qp(s))
    print(binascii.b2a_qp(s, quotetabs=True), binascii.b2a_qp(s, istext=False), binascii.b2a_qp(s, header=True))
    print(binascii.a2b_qp(binascii.b2a_qp(s)) == s)
for s in [b"a=3Db", b"a=3db", b"soft=\nbreak", b"soft=\r\nbreak", b"bad=zz", b"end=", b"a==b", b"x_y",
          b"=4", b"tail=  \nx", "str=41"]:
    print(binascii.a2b_qp(s), binascii.a2b_qp(s, header=True), binascii.a2b_qp(data=s, header=False))

# checksums
for s in samples:
    print(binascii.crc32(s), binascii.crc32(s, 12345), binascii.crc_hqx(s, 0), binascii.crc_hqx(s, 0xffff))
crc = 0
for i in range(0, len(data), 10):
    crc = binascii.crc32(data[i:i + 10], crc)
print(crc == binascii.crc32(data), binascii.crc32(b"x", -1), binascii.crc32(b"x", 2**40 + 5), binascii.crc_hqx(b"x", -1))
attempt("crc32 str", lambda: binascii.crc32("x"))
attempt("crc32 float", lambda: binascii.crc32(b"x", 1.0))
attempt("crc_hqx one", lambda: binascii.crc_hqx(b"x"))
attempt("crc32 kw", lambda: binascii.crc32(b"x", crc=1))

print(binascii.Error.__mro__, binascii.Incomplete.__mro__)
print(issubclass(binascii.Error, ValueError), binascii.Error.__module__, binascii.Incomplete.__name__)
