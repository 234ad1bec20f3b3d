# collections: Counter, OrderedDict, namedtuple, ChainMap, deque, defaultdict, abc.
import collections
import collections.abc

c = collections.Counter("abracadabra")
print(c.most_common(3), c["a"], c["z"], sorted(c.elements())[:6])
c.update("aaz")
c.subtract({"b": 1})
print(sorted(c.items()), c + collections.Counter("xyz"), c & collections.Counter("aab"))
od = collections.OrderedDict([("b", 1), ("a", 2)])
od.move_to_end("b")
od["c"] = 3
print(od, list(od.keys()), od.popitem(last=False))
P = collections.namedtuple("P", "x y", defaults=[0])
p = P(1)
print(p, p._replace(x=3), P._make([5, 6]), p._asdict())
cm = collections.ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], list(cm), cm.new_child({"z": 0}))
d = collections.deque(range(5), maxlen=4)
d.rotate(1)
print(d)
dd = collections.defaultdict(list)
dd["k"].append(1)
print(dd)
print(isinstance([], collections.abc.Sequence), isinstance({}, collections.abc.Mapping), issubclass(dict, collections.abc.MutableMapping))
