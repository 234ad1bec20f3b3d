# BLAKE2b/BLAKE2s with every parameter (RFC 7693 keyed vectors, tree fields).
from hashlib import blake2b, blake2s

print(blake2b(b"abc").hexdigest())
print(blake2s(b"abc").hexdigest())
for ds in (1, 16, 20, 32, 63, 64):
    print("b", ds, blake2b(b"data", digest_size=ds).hexdigest())
for ds in (1, 16, 31, 32):
    print("s", ds, blake2s(b"data", digest_size=ds).hexdigest())

key = bytes(range(64))
print(blake2b(bytes(range(10)), key=key).hexdigest())
print(blake2s(bytes(range(10)), key=key[:32]).hexdigest())
print(blake2b(b"", key=b"k").hexdigest())
print(blake2b(b"m", salt=b"salt", person=b"me").hexdigest())
print(blake2b(b"m", salt=b"s" * 16, person=b"p" * 16).hexdigest())
print(blake2s(b"m", salt=b"s" * 8, person=b"p" * 8).hexdigest())

# Tree hashing fields (the example of hashlib's documentation).
FANOUT, DEPTH, LEAF_SIZE, INNER_SIZE = 2, 2, 4096, 64
buf = bytearray(6000)
h00 = blake2b(buf[0:LEAF_SIZE], fanout=FANOUT, depth=DEPTH, leaf_size=LEAF_SIZE,
              inner_size=INNER_SIZE, node_offset=0, node_depth=0, last_node=False)
h01 = blake2b(buf[LEAF_SIZE:], fanout=FANOUT, depth=DEPTH, leaf_size=LEAF_SIZE,
              inner_size=INNER_SIZE, node_offset=1, node_depth=0, last_node=True)
h10 = blake2b(digest_size=32, fanout=FANOUT, depth=DEPTH, leaf_size=LEAF_SIZE,
              inner_size=INNER_SIZE, node_offset=0, node_depth=1, last_node=True)
h10.update(h00.digest())
h10.update(h01.digest())
print(h10.hexdigest())
print(blake2s(b"x", fanout=0, depth=255, leaf_size=2**32 - 1, node_offset=2**48 - 1,
              node_depth=255, inner_size=32, last_node=True).hexdigest())
print(blake2b(b"x", node_offset=2**64 - 1, last_node=1).hexdigest())
print(blake2b(b"x", digest_size=True).digest_size, blake2b(b"x", digest_size=True).hexdigest())

h = blake2b(b"a", digest_size=10, key=b"key")
c = h.copy()
c.update(b"b")
print(h.hexdigest(), c.hexdigest(), c.digest_size, c.name, c.block_size, type(c).__name__)

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

attempt("ds0", lambda: blake2b(digest_size=0))
attempt("ds65", lambda: blake2b(digest_size=65))
attempt("ds33", lambda: blake2s(digest_size=33))
attempt("dsfloat", lambda: blake2b(digest_size=1.0))
attempt("dsbig", lambda: blake2b(digest_size=2**64))
attempt("key65", lambda: blake2b(key=b"x" * 65))
attempt("key33", lambda: blake2s(key=b"x" * 33))
attempt("keystr", lambda: blake2b(key="x"))
attempt("keynone", lambda: blake2b(key=None))
attempt("salt", lambda: blake2b(salt=b"x" * 17))
attempt("salt_s", lambda: blake2s(salt=b"x" * 9))
attempt("person", lambda: blake2b(person=b"x" * 17))
attempt("person_s", lambda: blake2s(person=b"x" * 9))
attempt("fanout", lambda: blake2b(fanout=256))
attempt("fanoutneg", lambda: blake2b(fanout=-1))
attempt("depth", lambda: blake2b(depth=0))
attempt("leafneg", lambda: blake2b(leaf_size=-1))
attempt("leafbig", lambda: blake2b(leaf_size=2**32))
attempt("leafhuge", lambda: blake2b(leaf_size=2**64))
attempt("leaffloat", lambda: blake2b(leaf_size=1.5))
attempt("offset_s", lambda: blake2s(node_offset=2**48))
attempt("offsetbig", lambda: blake2b(node_offset=2**64))
attempt("offsetneg", lambda: blake2b(node_offset=-1))
attempt("nodedepth", lambda: blake2b(node_depth=256))
attempt("inner", lambda: blake2b(inner_size=65))
attempt("inner_s", lambda: blake2s(inner_size=33))
attempt("unknown", lambda: blake2b(foo=1))
attempt("datakw", lambda: blake2b(data=b""))
attempt("twopos", lambda: blake2b(b"a", b"b"))
attempt("str", lambda: blake2s("abc"))
attempt("int", lambda: blake2s(5))
