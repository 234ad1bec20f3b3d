# Which subjects `match` treats as sequences or mappings: collections.abc
# subclasses (via __abc_tpflags__), not str/bytes/bytearray.
import abc
import collections.abc


class Seq(collections.abc.Sequence):
    __getitem__ = None

    def __len__(self):
        return 0


class Map(collections.abc.Mapping):
    def __getitem__(self, key):
        return {"a": 1}[key]

    def __iter__(self):
        return iter(["a"])

    def __len__(self):
        return 1


class SubSeq(Seq):
    pass


def classify(subject):
    match subject:
        case {"a": value}:
            return ("mapping", value)
        case []:
            return "empty sequence"
        case [x, y, z]:
            return ("three", x, y, z)
        case _:
            return "other"


for subject in [Seq(), SubSeq(), Map(), (1, 2, 3), [], "abc", b"abc", bytearray(b"abc"), memoryview(b"abc"), {"a": 2}, 5]:
    print(type(subject).__name__, classify(subject))

print("__abc_tpflags__" in collections.abc.Sequence.__dict__, "__abc_tpflags__" in Seq.__dict__)
try:

    class Both(metaclass=abc.ABCMeta):
        __abc_tpflags__ = 1 << 5 | 1 << 6

except TypeError as e:
    print("TypeError", e)
