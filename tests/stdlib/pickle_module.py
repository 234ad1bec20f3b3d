import copyreg
import io
import pickle
import pickletools
from collections import OrderedDict, namedtuple, defaultdict

Pt = namedtuple("Pt", "x y")


class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance

    def __eq__(self, other):
        return vars(self) == vars(other)


class Custom:
    def __init__(self, v):
        self.v = v

    def __reduce__(self):
        return (Custom, (self.v * 2,))


class WithState:
    def __init__(self):
        self.a = 1
        self.secret = "x"

    def __getstate__(self):
        s = dict(self.__dict__)
        del s["secret"]
        return s

    def __setstate__(self, s):
        self.__dict__.update(s)
        self.secret = "restored"


data = {
    "ints": [0, 1, -1, 255, 256, 65535, 2**31, -(2**31) - 1, 2**64, -(10**30)],
    "floats": [0.0, -1.5, 1e300, float("inf")],
    "str": ["", "ascii", "ünï", "\U0001f600" * 3],
    "bytes": [b"", b"\x00\xff", bytearray(b"ba")],
    "containers": ((), (1,), (1, 2, 3, 4), frozenset({1, 2}), {3, 4}, [None, True, False]),
    "od": OrderedDict(a=1, b=2),
    "nt": Pt(1, 2),
    "dd": defaultdict(list, {"k": [1]}),
    "cplx": 3 + 4j,
    "acct": Account("ann", 10),
    "types": (int, Pt, len, pickle.dumps),
}
for proto in range(0, pickle.HIGHEST_PROTOCOL + 1):
    blob = pickle.dumps(data, protocol=proto)
    back = pickle.loads(blob)
    print(proto, back == data, type(back["od"]).__name__, back["dd"].default_factory, back["nt"])
shared = [1, 2]
obj = [shared, shared]
back = pickle.loads(pickle.dumps(obj))
print(back[0] is back[1])
rec = []
rec.append(rec)
back = pickle.loads(pickle.dumps(rec))
print(back[0] is back)
print(pickle.loads(pickle.dumps(Custom(21))).v)
w = pickle.loads(pickle.dumps(WithState()))
print(w.a, w.secret)
print(pickle.dumps(None, 0), pickle.dumps(True, 2), pickle.dumps([1, "a"], 4))
buf = io.BytesIO()
p = pickle.Pickler(buf, protocol=2)
p.dump({"x": 1})
p.dump([2])
buf.seek(0)
u = pickle.Unpickler(buf)
print(u.load(), u.load())
out = io.StringIO()
pickletools.dis(pickle.dumps((1, "a", [None]), protocol=2), out)
print(out.getvalue())
print(pickletools.optimize(pickle.dumps([1, 1, 1], 2)) != b"")
copyreg.pickle(complex, lambda c: (complex, (c.real, c.imag)))
print(pickle.loads(pickle.dumps(1 + 2j)))
print(pickle.DEFAULT_PROTOCOL, pickle.HIGHEST_PROTOCOL)
