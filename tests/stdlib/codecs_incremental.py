# Incremental and stream-less codec APIs from Lib/codecs.py over the native codecs.
import codecs
data = "naïve ☃ 𝄞 end".encode("utf-8")
dec = codecs.getincrementaldecoder("utf-8")()
pieces = [dec.decode(data[i:i + 1]) for i in range(len(data))]
print(pieces, dec.decode(b"", final=True))
dec.reset()
print(dec.decode(b"\xe2\x98"), dec.getstate(), dec.decode(b"\x83"), dec.getstate())
try:
    dec.decode(b"\xe2", final=True)
except UnicodeDecodeError as e:
    print("final:", e)
enc = codecs.getincrementalencoder("utf-16")()
print(enc.encode("a"), enc.encode("b"), enc.encode("", final=True))
enc.reset()
print(enc.encode("c"))
d16 = codecs.getincrementaldecoder("utf-16")()
print([d16.decode(bytes([b])) for b in b"\xff\xfea\x00\x3d\xd8\x1e\xdd"], d16.decode(b"", True))
d32 = codecs.getincrementaldecoder("utf-32-be")()
print([d32.decode(bytes([b])) for b in "x𝄞".encode("utf-32-be")])
print(list(codecs.iterencode(["ab", "cé", ""], "utf-8")), "".join(codecs.iterdecode([b"a", b"\xc3", b"\xa9", b"z"], "utf-8")))
print(list(codecs.iterencode(["x", "y"], "utf-16")), "".join(codecs.iterdecode([b"\xff", b"\xfe", b"z", b"\x00"], "utf-16")))
rd = codecs.getincrementaldecoder("cp1252")(errors="replace")
print(rd.decode(b"\x80\x81abc"), codecs.getincrementalencoder("latin-1")("xmlcharrefreplace").encode("a€"))
ue = codecs.getincrementaldecoder("unicode_escape")()
print([ue.decode(bytes([b])) for b in b"a\\x41\\u2603b"], ue.decode(b"", True))
ad = codecs.getincrementaldecoder("ascii")("ignore")
print(ad.decode(b"a\x80b"), codecs.getencoder("ascii")("é", "replace"), codecs.getdecoder("utf-16-le")(b"x\x00y\x00"))
print(codecs.getreader("utf-8").__name__, codecs.getwriter("utf-8").__name__, codecs.lookup("utf-8").incrementalencoder.__name__)
buf = codecs.getincrementaldecoder("utf-8")("surrogateescape")
print(ascii(buf.decode(b"ok\xff")), ascii(buf.decode(b"\xc3", True)))
class Collect:
    def __init__(self):
        self.parts = []
    def write(self, b):
        self.parts.append(b)
out = Collect()
w = codecs.getwriter("latin-1")(out, "replace")
w.write("abc€")
w.writelines(["d", "é"])
print(out.parts)
