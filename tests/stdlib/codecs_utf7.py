# UTF-7 (RFC 2152) through the encodings package and _codecs.
import codecs
samples = ["Hi Mom -☺-!", "A≢Α.", "日本語", "~\\", "a+b", "1 + 1 = 2", "𝄞 clef", "", "-", "+-", "x\x00y", "tab\there\n", "£1"]
for s in samples:
    b = s.encode("utf-7")
    print(ascii(s), b, b.decode("utf-7") == s)
for data in [b"+AGEAYgBj-", b"+AGEAYgBj", b"a+-b", b"+2D3dHg-", b"+2D3dHg", b"Hi+ACE", b"+ZeVnLIqe-"]:
    print(data, ascii(data.decode("utf-7")))
for data in [b"+A", b"+AG", b"\x80", b"a~b", b"+\x80", b"+2D0-", b"+AGE=", b"+AGF-"]:
    for errors in ["strict", "replace", "ignore"]:
        try:
            print(data, errors, ascii(data.decode("utf-7", errors)))
        except UnicodeDecodeError as e:
            print(data, errors, "|", e, "|", e.start, e.end)
dec = codecs.getincrementaldecoder("utf-7")()
print([dec.decode(bytes([c])) for c in b"a+AGEAYg-b"], dec.decode(b"", True))
print(codecs.utf_7_decode(b"+AGEA", "strict", False), codecs.utf_7_decode(b"ab+", "strict", False), codecs.utf_7_encode("é"))
