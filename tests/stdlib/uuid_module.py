import uuid

u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u, repr(u), u.hex, u.int, u.bytes, u.bytes_le, u.fields, u.version, u.variant, u.urn)
print(u.time_low, u.time_mid, u.time_hi_version, u.clock_seq, u.node, u.time)
print(uuid.UUID("{12345678-1234-5678-1234-567812345678}") == u, uuid.UUID(bytes=u.bytes) == u, uuid.UUID(int=u.int) == u)
print(uuid.UUID(fields=u.fields) == u, uuid.UUID(bytes_le=u.bytes_le) == u, uuid.UUID("urn:uuid:12345678123456781234567812345678") == u)
print(uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_URL, "https://python.org"))
print(uuid.uuid3(uuid.NAMESPACE_OID, "1.2.3"), uuid.uuid5(uuid.NAMESPACE_X500, "cn=x"))
r = uuid.uuid4()
print(r.version, r.variant == uuid.RFC_4122, len(str(r)), r != uuid.uuid4())
t = uuid.uuid1()
print(t.version, t.variant, len(t.hex))
print(sorted([uuid.UUID(int=5), uuid.UUID(int=2), uuid.UUID(int=9)]), uuid.UUID(int=5) < uuid.UUID(int=6))
print(hash(u) == hash(uuid.UUID(str(u))), {u: 1}[uuid.UUID(str(u))], str(uuid.NIL) if hasattr(uuid, "NIL") else "no NIL")
print(uuid.SafeUUID.safe, uuid.UUID(int=1, is_safe=uuid.SafeUUID.unsafe).is_safe)
import pickle, copy
print(pickle.loads(pickle.dumps(u)) == u, copy.deepcopy(u) == u)
for bad in ("xyz", "12345678-1234-5678-1234-56781234567", dict(int=-1), dict(int=1 << 128), dict(bytes=b"short"), dict(fields=(1, 2))):
    try:
        uuid.UUID(bad) if isinstance(bad, str) else uuid.UUID(**bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    uuid.UUID()
except TypeError as e:
    print("TypeError", e)
try:
    u.x = 1
except TypeError as e:
    print("TypeError", e)
print(uuid.getnode() == uuid.getnode(), isinstance(uuid.getnode(), int))
