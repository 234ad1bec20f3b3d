# hmac over the builtin hash modules.
import hmac
import hashlib

key = b"secret-key"
msg = b"The quick brown fox jumps over the lazy dog"
for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_256", "sha3_512",
             "blake2b", "blake2s"]:
    h = hmac.new(key, msg, name)
    print(name, h.hexdigest(), h.digest_size, h.block_size, h.name)
    print(name, hmac.digest(key, msg, name).hex())

h = hmac.new(b"k" * 200, digestmod=hashlib.sha256)
h.update(b"part one ")
c = h.copy()
h.update(b"part two")
print(h.hexdigest(), c.hexdigest())
print(hmac.new(b"", b"", "md5").hexdigest())
print(hmac.new(bytearray(b"key"), memoryview(b"msg"), lambda: hashlib.sha1()).hexdigest())
print(hmac.compare_digest(b"abc", b"abc"), hmac.compare_digest(b"abc", b"abd"),
      hmac.compare_digest("abc", "abc"), hmac.compare_digest(b"", b""))

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

attempt("no digestmod", lambda: hmac.new(b"k", b"m"))
attempt("str key", lambda: hmac.new("k", b"m", "md5"))
attempt("bad name", lambda: hmac.new(b"k", b"m", "nope"))
attempt("compare str/bytes", lambda: hmac.compare_digest("a", b"a"))
attempt("compare non-ascii", lambda: hmac.compare_digest("\xe9", "\xe9"))
attempt("compare int", lambda: hmac.compare_digest(1, 1))
