# Every builtin hash algorithm through hashlib and its own module: digests of
# several inputs, incremental updates, copies, attributes.
import hashlib
import _md5, _sha1, _sha256, _sha512, _sha3, _blake2

inputs = [b"", b"abc", b"a" * 63, b"a" * 64, b"a" * 65, bytes(range(256)) * 5]
fixed = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512",
         "sha3_224", "sha3_256", "sha3_384", "sha3_512", "blake2b", "blake2s"]

for name in fixed:
    for data in inputs:
        h = hashlib.new(name, data)
        print(name, len(data), h.hexdigest())
    h = getattr(hashlib, name)()
    print(name, h.name, h.digest_size, h.block_size, len(h.digest()))

for name in ["shake_128", "shake_256"]:
    for data in inputs:
        h = hashlib.new(name, data)
        print(name, len(data), h.hexdigest(0), h.hexdigest(1), h.hexdigest(32), len(h.digest(1000)))
    h = hashlib.new(name)
    print(name, h.name, h.digest_size, h.block_size)

# Incremental updates equal one-shot hashing, whatever the split.
blob = bytes(range(256)) * 9
for name in fixed + ["shake_128"]:
    h = hashlib.new(name)
    for i in range(0, len(blob), 37):
        h.update(blob[i:i + 37])
    one = hashlib.new(name, blob)
    if name.startswith("shake"):
        print(name, h.digest(40) == one.digest(40))
    else:
        print(name, h.digest() == one.digest())

# copy() forks the state; digest() does not end it.
for name in fixed + ["shake_256"]:
    h = hashlib.new(name, b"prefix-")
    c = h.copy()
    c.update(b"more")
    h.update(b"other")
    d1 = h.hexdigest(16) if name.startswith("shake") else h.hexdigest()
    d2 = c.hexdigest(16) if name.startswith("shake") else c.hexdigest()
    again = h.hexdigest(16) if name.startswith("shake") else h.hexdigest()
    print(name, d1 != d2, d1 == again, type(c) is type(h))

# Buffer kinds.
mv = memoryview(b"xyzxyz")[1:5]
print(hashlib.sha256(bytearray(b"abc")).hexdigest())
print(hashlib.md5(mv).hexdigest(), hashlib.md5(b"yzxy").hexdigest())
print(hashlib.sha1(memoryview(bytearray(b"q" * 10))).hexdigest())

# Keyword forms and usedforsecurity.
print(hashlib.md5(b"x", usedforsecurity=False).hexdigest())
print(_md5.md5(string=b"x").hexdigest(), _sha1.sha1(string=b"x").hexdigest())
print(_sha256.sha224(string=b"x").hexdigest(), _sha512.sha384(b"x", usedforsecurity=True).hexdigest())
print(_sha3.sha3_256(b"x", usedforsecurity=False).hexdigest())

# The module-level objects.
print(sorted(hashlib.algorithms_guaranteed))
print(_md5.MD5Type, _sha1.SHA1Type, _sha256.SHA224Type, _sha256.SHA256Type, _sha512.SHA384Type)
print(type(_md5.md5()), type(_sha512.sha384()), type(_sha3.shake_128()), _sha3.sha3_224, _blake2.blake2b)
print(_sha3.sha3_224.__module__, _blake2.blake2s.__module__, _md5.MD5Type.__name__)
for n in ["sha3_224", "sha3_256", "sha3_384", "sha3_512", "shake_128", "shake_256"]:
    h = getattr(_sha3, n)()
    print(n, h._capacity_bits, h._rate_bits, h._suffix)
print([(k, getattr(_blake2, k)) for k in sorted(vars(_blake2)) if k.isupper()])
print(_blake2.blake2b.SALT_SIZE, _blake2.blake2b.PERSON_SIZE, _blake2.blake2b.MAX_KEY_SIZE,
      _blake2.blake2b.MAX_DIGEST_SIZE, _blake2.blake2s.SALT_SIZE, _blake2.blake2s.MAX_DIGEST_SIZE)

# hashlib.file_digest over a binary file object.
import os
tmp = "_hash_blob_%d.tmp" % os.getpid()
with open(tmp, "wb") as f:
    f.write(blob * 200)
with open(tmp, "rb") as f:
    print(hashlib.file_digest(f, "sha256").hexdigest())
with open(tmp, "rb") as f:
    print(hashlib.file_digest(f, hashlib.md5).hexdigest())
os.remove(tmp)
