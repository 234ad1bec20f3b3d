# pprint: nested containers, width and depth limits, sorting, pformat,
# reprs of recursive structures, dataclasses, PrettyPrinter options.
import pprint, dataclasses, collections

data = {"name": "pyrite", "versions": [3, 11, 7], "nested": {"deep": {"deeper": {"deepest": list(range(30))}}},
        "tuple": tuple("abcdefghijklmnopqrstuvwxyz"), "set": {5, 3, 1}, "frozen": frozenset({"b", "a"}),
        "long string": "word " * 30, "bytes": b"x" * 100}
pprint.pprint(data)
pprint.pprint(data, width=40, depth=2)
pprint.pprint(data, sort_dicts=False, compact=True, width=60)
print(pprint.pformat(list(range(50)), width=30, compact=True))
rec = [1, 2]
rec.append(rec)
print(pprint.isrecursive(rec), pprint.isreadable(rec), pprint.isreadable([1, "a"]))

@dataclasses.dataclass
class Point:
    x: int
    y: int
    tags: list = dataclasses.field(default_factory=list)

pprint.pprint([Point(1, 2, ["a" * 20, "b" * 20, "c" * 20]), Point(3, 4)], width=50)
pprint.pprint(collections.OrderedDict((str(i), i) for i in range(8)), width=30)
pprint.pprint(collections.defaultdict(list, {"k": [1, 2, 3]}))
pprint.pprint(collections.Counter("mississippi"))
pprint.pprint(collections.deque(range(20), maxlen=25), width=40)
pp = pprint.PrettyPrinter(indent=4, width=50, underscore_numbers=True)
pp.pprint({"big": 12345678901234567890, "items": [{"id": i, "value": i * 1000000} for i in range(3)]})
print(pprint.pformat("a long string " * 10, width=30))
