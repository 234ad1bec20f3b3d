# Iterator protocol edge cases: StopIteration from __next__, iter() on iterators, exhausted iterators, __length_hint__.
class Three:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
t = Three()
print(list(t), list(t), next(t, "done"))
class Restart:
    def __iter__(self):
        return Three()
r = Restart()
print(list(r), list(r), sum(r), [a * b for a in r for b in r][:4])
it = iter([1, 2, 3])
print(next(it), list(zip(it, it)), list(it))
e = enumerate(Three(), 1)
print(list(e), list(e))
m = map(lambda a, b: a - b, Three(), [10, 20])
print(list(m))
f = filter(lambda v: v != 2, Three())
print(next(f), next(f), next(f, None))
z = zip(Three(), "abcdef")
print(list(z))
rev = reversed([1, 2, 3])
print(next(rev), list(rev), list(rev))
print(list(iter([]).__iter__()), type(iter("")).__name__, type(iter([])).__name__, type(iter(())).__name__, type(iter({})).__name__)
print(type(iter(set())).__name__, type(iter(range(1))).__name__, type(iter({}.items())).__name__)
class GetItemOnly:
    def __getitem__(self, i):
        if i < 3:
            return chr(97 + i)
        raise IndexError(i)
print(list(GetItemOnly()), "b" in GetItemOnly(), list(enumerate(GetItemOnly())))
class BadNext:
    def __iter__(self):
        return self
    def __next__(self):
        raise ValueError("broken iterator")
try:
    list(BadNext())
except ValueError as e:
    print("ValueError:", e)
class NotIter:
    def __iter__(self):
        return [1, 2]
try:
    for x in NotIter():
        pass
except TypeError as e:
    print("TypeError:", e)
li = [1, 2, 3]
it2 = iter(li)
next(it2)
li.append(4)
print(list(it2))
li2 = [1, 2, 3]
for x in li2:
    if x == 2:
        li2.remove(x)
print(li2)
