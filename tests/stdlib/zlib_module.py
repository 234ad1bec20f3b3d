# zlib: one-shot and streaming compression byte-identical to CPython's
# (both use zlib itself), containers, dictionaries, checksums, errors.
import zlib

def attempt(label, f):
    try:
        r = f()
        print(label, r.hex() if isinstance(r, bytes) else r)
    except Exception as e:
        print(label, type(e).__name__, e)

text = b"".join(b"line %d: the quick brown fox jumps over the lazy dog\n" % i for i in range(300))
noise = bytes((i * 7919 + 13) % 256 for i in range(5000))
samples = [b"", b"a", b"hello world", text, noise, bytes(100000)]

for s in samples:
    for level in (-1, 0, 1, 5, 9):
        c = zlib.compress(s, level)
        assert zlib.decompress(c) == s
        print(len(s), level, len(c), zlib.crc32(c), c[:12].hex())
    for wbits in (9, 12, 15, -9, -15, 25, 31):
        c = zlib.compress(s, wbits=wbits)
        back = zlib.decompress(c, wbits)
        auto = zlib.decompress(c, 47) if wbits > 0 else back
        print(len(s), wbits, len(c), zlib.adler32(c), back == s, auto == s)
print(zlib.compress(b"abc", 6).hex(), zlib.compress(data=b"abc") if False else "")
print(zlib.decompress(zlib.compress(text), bufsize=1) == text, zlib.decompress(zlib.compress(text), bufsize=0) == text)
print(zlib.decompress(bytearray(zlib.compress(b"ba"))), zlib.decompress(memoryview(zlib.compress(b"mv"))))

# Streaming compression with every flush mode and strategy.
for strategy in (zlib.Z_DEFAULT_STRATEGY, zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED):
    co = zlib.compressobj(6, zlib.DEFLATED, 15, 8, strategy)
    out = [co.compress(text[:3000]), co.flush(zlib.Z_SYNC_FLUSH), co.compress(text[3000:9000]),
           co.flush(zlib.Z_FULL_FLUSH), co.compress(noise), co.flush(zlib.Z_PARTIAL_FLUSH),
           co.flush(zlib.Z_BLOCK), co.flush(zlib.Z_NO_FLUSH), co.compress(b"end"), co.flush()]
    blob = b"".join(out)
    print(strategy, [len(p) for p in out], zlib.crc32(blob), zlib.decompress(blob) == text[:9000] + noise + b"end")
co = zlib.compressobj(level=9, memLevel=9, wbits=-10)
blob = co.compress(text) + co.flush()
print(len(blob), zlib.crc32(blob))
c1 = zlib.compressobj()
head = c1.compress(b"shared prefix ")
c2 = c1.copy()
a = head + c1.compress(b"one") + c1.flush()
b = head + c2.compress(b"two") + c2.flush()
print(zlib.decompress(a), zlib.decompress(b))
import copy
c3 = zlib.compressobj()
head = c3.compress(b"xyz")
print(zlib.decompress(head + copy.copy(c3).flush()), zlib.decompress(head + copy.deepcopy(c3).flush()))

# Streaming decompression: max_length, unconsumed_tail, unused_data, eof, flush.
comp = zlib.compress(text, 9)
d = zlib.decompressobj()
got = d.decompress(comp[:100])
print(len(got), d.eof, d.unused_data, len(d.unconsumed_tail))
got += d.decompress(comp[100:])
print(got == text, d.eof, d.unused_data, d.unconsumed_tail, d.flush())
d = zlib.decompressobj()
got = b""
chunk = comp + b"extra bytes"
rounds = 0
while chunk and not d.eof:
    got += d.decompress(chunk, 1000)
    chunk = d.unconsumed_tail
    rounds += 1
print(rounds, got == text, d.eof, d.unused_data, d.unconsumed_tail)
d = zlib.decompressobj()
part = d.decompress(comp, 10)
print(len(part), len(d.unconsumed_tail), len(d.flush()), d.eof, d.unconsumed_tail)
d = zlib.decompressobj()
for i in range(0, len(comp), 7):
    d.decompress(comp[i:i + 7])
print(d.eof, d.unused_data)
d = zlib.decompressobj()
d.decompress(comp[:50])
dc = d.copy()
print(len(d.decompress(comp[50:])), len(dc.decompress(comp[50:])), d.eof, dc.eof)
print(len(copy.copy(dc).flush()), copy.deepcopy(dc).eof)
d = zlib.decompressobj(wbits=31)
g = zlib.compress(b"gzip body", wbits=31)
print(d.decompress(g + b"tail"), d.unused_data, d.eof)

# Preset dictionaries.
zd = b"the quick brown fox jumps over the lazy dog"
co = zlib.compressobj(zdict=zd)
withdict = co.compress(text) + co.flush()
print(len(withdict), zlib.adler32(withdict))
print(zlib.decompressobj(zdict=zd).decompress(withdict) == text)
print(zlib.decompressobj(zdict=bytearray(zd)).decompress(withdict) == text)
co = zlib.compressobj(wbits=-15, zdict=zd)
raw = co.compress(text) + co.flush()
print(zlib.decompressobj(wbits=-15, zdict=zd).decompress(raw) == text)
attempt("needs dict", lambda: zlib.decompressobj().decompress(withdict))
attempt("needs dict oneshot", lambda: zlib.decompress(withdict))
attempt("wrong dict", lambda: zlib.decompressobj(zdict=b"other").decompress(withdict))
attempt("zdict str", lambda: zlib.decompressobj(zdict="x"))
attempt("zdict str c", lambda: zlib.compressobj(zdict="x"))
attempt("zdict None", lambda: zlib.compressobj(zdict=None))

# Checksums.
for s in samples:
    print(zlib.crc32(s), zlib.adler32(s), zlib.crc32(s, 1), zlib.adler32(s, 0), zlib.adler32(s, 2**32 + 7))
r = 0
a = 1
for i in range(0, len(text), 333):
    r = zlib.crc32(text[i:i + 333], r)
    a = zlib.adler32(text[i:i + 333], a)
print(r == zlib.crc32(text), a == zlib.adler32(text), zlib.crc32(b"x", -1))

# Constants.
for name in ["DEFLATED", "DEF_BUF_SIZE", "DEF_MEM_LEVEL", "MAX_WBITS", "Z_BEST_COMPRESSION", "Z_BEST_SPEED",
             "Z_BLOCK", "Z_DEFAULT_COMPRESSION", "Z_DEFAULT_STRATEGY", "Z_FILTERED", "Z_FINISH", "Z_FIXED",
             "Z_FULL_FLUSH", "Z_HUFFMAN_ONLY", "Z_NO_COMPRESSION", "Z_NO_FLUSH", "Z_PARTIAL_FLUSH", "Z_RLE",
             "Z_SYNC_FLUSH", "Z_TREES"]:
    print(name, getattr(zlib, name))
print(zlib.ZLIB_VERSION == zlib.ZLIB_RUNTIME_VERSION, zlib.__version__, zlib.error.__mro__)
print(type(zlib.compressobj()), type(zlib.decompressobj()), hasattr(zlib, "Compress"))

# Errors.
attempt("garbage", lambda: zlib.decompress(b"garbage!"))
attempt("truncated", lambda: zlib.decompress(zlib.compress(text)[:-5]))
attempt("empty", lambda: zlib.decompress(b""))
attempt("bad crc", lambda: zlib.decompress(zlib.compress(b"abc")[:-1] + b"\x00"))
attempt("level 10", lambda: zlib.compress(b"x", 10))
attempt("wbits 99", lambda: zlib.compress(b"x", wbits=99))
attempt("d wbits 99", lambda: zlib.decompress(b"x", wbits=99))
attempt("bufsize", lambda: zlib.decompress(b"x", bufsize=-1))
attempt("compressobj wbits", lambda: zlib.compressobj(wbits=99))
attempt("compressobj method", lambda: zlib.compressobj(method=9))
attempt("compressobj memLevel", lambda: zlib.compressobj(memLevel=10))
attempt("decompressobj wbits", lambda: zlib.decompressobj(wbits=99))
attempt("str data", lambda: zlib.compress("x"))
attempt("crc32 str", lambda: zlib.crc32("x"))
attempt("level float", lambda: zlib.compress(b"", level=1.5))
attempt("level big", lambda: zlib.compress(b"", level=2**40))
attempt("no args", lambda: zlib.compress())
attempt("data kw", lambda: zlib.compress(data=b""))
attempt("decompress no args", lambda: zlib.decompress())
attempt("crc32 kw", lambda: zlib.crc32(b"", value=1))
attempt("crc32 none", lambda: zlib.crc32())
attempt("adler32 three", lambda: zlib.adler32(b"", 1, 2))
attempt("Compress()", lambda: type(zlib.compressobj())())
c = zlib.compressobj()
c.compress(b"abc")
c.flush()
attempt("compress after finish", lambda: c.compress(b"x"))
attempt("flush after finish", lambda: c.flush())
attempt("copy after finish", lambda: c.copy())
attempt("flush two", lambda: zlib.compressobj().flush(1, 2))
attempt("flush kw", lambda: zlib.compressobj().flush(x=1))
attempt("compress none", lambda: zlib.compressobj().compress())
attempt("compress two", lambda: zlib.compressobj().compress(b"", b""))
attempt("copy arg", lambda: zlib.compressobj().copy(1))
attempt("deepcopy none", lambda: zlib.compressobj().__deepcopy__())
d = zlib.decompressobj()
attempt("d garbage", lambda: d.decompress(b"garbage!"))
attempt("max_length neg", lambda: zlib.decompressobj().decompress(b"", -1))
attempt("max_length float", lambda: zlib.decompressobj().decompress(b"", 1.5))
attempt("d flush 0", lambda: zlib.decompressobj().flush(0))
attempt("d three", lambda: zlib.decompressobj().decompress(b"", 1, 2))
attempt("d kw", lambda: zlib.decompressobj().decompress(b"", x=2))
attempt("d none", lambda: zlib.decompressobj().decompress())
attempt("d __copy__ arg", lambda: zlib.decompressobj().__copy__(1))
d = zlib.decompressobj()
d.decompress(zlib.compress(b"abc"))
attempt("d flush end", lambda: d.flush())
attempt("d after end", lambda: d.decompress(b"x"))
print(d.eof)
attempt("d flush truncated", lambda: zlib.decompressobj().flush())
dt = zlib.decompressobj()
attempt("d partial", lambda: dt.decompress(zlib.compress(text)[:-5]))
attempt("d partial flush", lambda: len(dt.flush()))
print(dt.eof)
