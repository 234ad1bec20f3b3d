# itertools: compress, dropwhile, takewhile, filterfalse, starmap; subclassing.
from itertools import compress, dropwhile, takewhile, filterfalse, starmap, chain, count, islice, repeat
import itertools

print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(compress("ABC", [1])), list(compress("A", [0, 1, 1])))
print(list(compress(range(10), (x % 3 == 0 for x in range(10)))), list(compress(data=[1, 2], selectors=[0, 1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 3, 8])), list(takewhile(lambda x: x < 5, [1, 4, 6, 3, 8])))
print(list(dropwhile(bool, [])), list(takewhile(bool, [])), list(dropwhile(lambda x: True, [1, 2])))
tw = takewhile(lambda x: x < 3, count())
print(list(tw), list(tw))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", [], 3, (), "a"])))
print(list(filterfalse(bool, [0, 2, None])))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(lambda *a: sum(a), [[1, 2], (3,), "", range(4)])))
print(list(starmap(divmod, zip(range(10, 13), repeat(3)))))
try:
    list(starmap(pow, [5]))
except TypeError as e:
    print("TypeError", e)
try:
    list(dropwhile(lambda x: 1 / x, [1, 0, 2]))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
for name, f in [("compress", lambda: compress("a")), ("dropwhile", lambda: dropwhile(bool)),
                ("takewhile", lambda: takewhile(bool, [], [])), ("filterfalse", lambda: filterfalse(None)),
                ("starmap", lambda: starmap(pow)), ("kw", lambda: starmap(func=pow, iterable=[])),
                ("notiter", lambda: dropwhile(bool, 5))]:
    try:
        f()
    except TypeError as e:
        print(name, "TypeError", e)

# Subclasses keep working and get their own class
class Evens(filterfalse):
    def __new__(cls, it):
        return super().__new__(cls, lambda x: x % 2, it)

class Counting(count):
    pass

class Tagged(chain):
    def __init__(self, *its):
        self.tag = len(its)

e = Evens(range(7))
print(type(e).__name__, list(e), isinstance(e, filterfalse))
cc = Counting(5)
print(type(cc).__name__, next(cc), cc)
t = Tagged("ab", "c")
print(t.tag, list(t))
print(issubclass(Evens, itertools.filterfalse), itertools.count.__name__, itertools.chain.__module__)

# iterators are their own iterators
for it in [compress("a", [1]), dropwhile(bool, []), takewhile(bool, []), filterfalse(None, []), starmap(pow, []),
           chain(), count(), repeat(1), islice([], 1)]:
    assert iter(it) is it, it
print("self iter ok")

# a small pipeline
lines = ["# header", "# more", "data 1", "data 2", "", "data 3", "# trailer"]
body = dropwhile(lambda s: s.startswith("#"), lines)
records = filterfalse(lambda s: not s or s.startswith("#"), body)
print(list(starmap(lambda k, v: (k.upper(), int(v)), (r.split() for r in records))))
