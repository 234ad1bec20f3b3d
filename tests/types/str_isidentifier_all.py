import hashlib
starts = []
conts = []
for cp in range(0x110000):
    ch = chr(cp)
    if ch.isidentifier():
        starts.append(cp)
    if ("a" + ch).isidentifier():
        conts.append(cp)
print(len(starts), len(conts))
print(hashlib.sha256(repr(starts).encode()).hexdigest())
print(hashlib.sha256(repr(conts).encode()).hexdigest())
