# uuid1 through the native _uuid module: version 1, RFC 4122 variant, unique,
# increasing timestamps, the same node each time.
import uuid

print(uuid._uuid is not None, uuid._has_uuid_generate_time_safe)
us = [uuid.uuid1() for _ in range(2000)]
print(len(set(us)), {u.version for u in us}, {u.variant for u in us})
times = [u.time for u in us]
print(all(a < b for a, b in zip(times, times[1:])))
print(len({u.node for u in us}), len({u.clock_seq for u in us}))
print(uuid.getnode() == uuid.getnode() == us[0].node)
print(us[0].is_safe in (uuid.SafeUUID.safe, uuid.SafeUUID.unsafe))
import time
t = us[-1].time
now = (time.time_ns() // 100) + 0x01B21DD213814000
print(abs(now - t) < 10 ** 9)
u = uuid.uuid1(0x123456789ABC, 0x1234)
print(u.node == 0x123456789ABC, u.clock_seq == 0x1234)
import _uuid
b, safe = _uuid.generate_time_safe()
print(type(b).__name__, len(b), b[6] >> 4, b[8] >> 6, type(safe).__name__)
try:
    _uuid.generate_time_safe(1)
except TypeError as e:
    print("TypeError", e)
