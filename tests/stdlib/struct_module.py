# struct (with the native _struct): formats, sizes, alignment, errors.
import struct
from struct import pack, unpack, calcsize, Struct, iter_unpack, unpack_from
print(pack('<i', 1), pack('>I', 0xdeadbeef), pack('@bhiq', 1, 2, 3, 4), calcsize('@bhiq'), calcsize('<bhiq'), calcsize('@ci'), calcsize('@ic'))
print(unpack('<hHiIqQ', pack('<hHiIqQ', -1, 65535, -2**31, 2**32-1, -2**63, 2**64-1)))
print(unpack('>d', pack('>d', 3.14)), unpack('<f', pack('<f', 0.1)), unpack('<e', pack('<e', 1.5)), pack('<e', 65504.0), unpack('<e', b'\x00\x7c'), unpack('<e', b'\x01\x00'))
print(pack('3s', b'abcdef'), pack('5s', b'ab'), pack('5p', b'abcdefg'), unpack('5p', pack('5p', b'xy')), pack('?', []), pack('??', 0, 'x'), unpack('?c', b'\x02Z'))
print(pack('2x i', 7), calcsize('2x i'), calcsize(' 3i '), calcsize('0i'), pack('<3h', 1, 2, 3), unpack('!2H', b'\x01\x02\x03\x04'))
print(pack('@P', 123), pack('@n', -5), pack('@N', 5), calcsize('P'), calcsize('nN'))
s = Struct('<ih'); print(s.size, s.format, s.pack(1, 2), s.unpack(b'\x01\x00\x00\x00\x02\x00'), s.unpack_from(b'xx\x01\x00\x00\x00\x02\x00', 2))
print(Struct(b'>q').format, list(iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')), unpack_from('<h', b'\x00\x05\x00', offset=1), unpack_from('<h', b'\x05\x00\x06\x00', -2))
it = iter_unpack('<h', b'\x01\x00\x02\x00'); print(it.__length_hint__(), type(it).__name__, next(it), it.__length_hint__())
tests = [
    lambda: pack('x'), lambda: pack('3'), lambda: pack('i', 1, 2), lambda: pack('i'), lambda: pack('c', b'ab'),
    lambda: pack('s', 5), lambda: pack('<e', 'a'), lambda: pack('<e', 1e10), lambda: pack('<f', 1e300),
    lambda: pack('i', 'x'), lambda: pack('i', 1.5), lambda: pack('b', 200), lambda: pack('B', -1), lambda: pack('<h', 40000),
    lambda: pack('>h', 40000), lambda: pack('>H', -1), lambda: pack('<H', -1), lambda: pack('<i', 2**31), lambda: pack('<I', -1),
    lambda: pack('<l', 2**40), lambda: pack('@l', 2**70), lambda: pack('>q', 2**70), lambda: pack('>Q', -1), lambda: pack('<Q', 2**64),
    lambda: pack('=n', 1), lambda: pack('<P', 1), lambda: pack('z', 1),
    lambda: unpack('i', b'abc'), lambda: unpack('<h', b'\x01\x02\x03'), lambda: unpack_from('i', b'abcdef', 4),
    lambda: unpack_from('i', b'abcdef', -10), lambda: list(iter_unpack('i', b'abcdef')), lambda: iter_unpack('', b''),
    lambda: Struct(5), lambda: calcsize('99999999999999999999i'), lambda: unpack('i', 'abcd'), lambda: pack(), lambda: unpack('i'),
]
for t in tests:
    try: print(t())
    except Exception as e: print(type(e).__name__, e)
print(struct.error.__module__, struct.error.__mro__, issubclass(struct.error, Exception))
class Idx:
    def __index__(self): return 42
print(pack('<i', Idx()), pack('<d', 3), pack('<f', True))
print(unpack('<e', pack('<e', float('nan')))[0] != 0, pack('<e', float('-inf')), pack('>e', -0.0), unpack('>q', b'\xff'*8))
# round trips over every format and byte order
import itertools
samples = {"b": -5, "B": 250, "h": -300, "H": 60000, "i": -70000, "I": 4000000000, "l": -2 ** 31, "L": 2 ** 32 - 1,
           "q": -2 ** 63, "Q": 2 ** 64 - 1, "e": 0.5, "f": 1.25, "d": -1e300, "?": True, "c": b"q"}
for order in "@=<>!":
    for ch, v in samples.items():
        fmt = order + ch
        assert unpack(fmt, pack(fmt, v)) == (v,), fmt
        assert calcsize(fmt) == len(pack(fmt, v))
print("round trips ok")
print([calcsize(o + "bhiqd") for o in "@=<>!"], [calcsize(o + "lL") for o in "@<"], calcsize("@5s i"), calcsize("@3c q"))
# a binary record file layout
header = Struct("<4sHHI")
blob = header.pack(b"PYRT", 1, 2, 123456) + pack("<3f", 1.0, 2.5, -3.0)
magic, major, minor, count = header.unpack_from(blob)
print(magic, major, minor, count, unpack_from("<3f", blob, header.size), len(blob))
print([rec for rec in iter_unpack(">HB", bytes(range(9)))])
