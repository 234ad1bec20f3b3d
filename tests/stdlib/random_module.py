# _random.Random: CPython's Mersenne Twister, seeding, getrandbits, state.
# (Lib/random.py builds on exactly these; its helpers are mirrored below.)
import _random

r = _random.Random(42)
print(r.random(), r.random(), r.getrandbits(8), r.getrandbits(70), r.getrandbits(0), r.getrandbits(32), r.getrandbits(33))
for seed in [0, 1, 2 ** 32 - 1, 2 ** 32, 2 ** 100 + 7, -5, 10 ** 50, True]:
    r.seed(seed)
    print(seed, [round(r.random(), 12) for _ in range(3)], r.getrandbits(16))
r.seed(-5); x = r.random(); r.seed(5); print(x == r.random())
st = r.getstate(); a1 = [r.random() for _ in range(700)]; r.setstate(st)
print(a1 == [r.random() for _ in range(700)], len(st), type(st).__name__, st[-1], all(0 <= w < 2 ** 32 for w in st))
r.seed(3.5); print(r.random())
r.seed("abc"); r2 = _random.Random("abc"); print(r.random() == r2.random())
r.seed((1, 2)); r2.seed((1, 2)); print(r.random() == r2.random())
try:
    r.seed([1])
except TypeError as e:
    print("TypeError", e)
for bad in [lambda: r.getrandbits(-1), lambda: r.setstate([1]), lambda: r.setstate((1,) * 3),
            lambda: r.setstate((0,) * 624 + (700,)), lambda: _random.Random(1, 2), lambda: r.getrandbits(1.5),
            lambda: r.setstate(("x",) * 625), lambda: r.setstate((-1,) * 625), lambda: r.random(1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)


class R(_random.Random):
    def __init__(self, s, extra=None):
        self.seed(s)
        self.extra = extra

    # random.py's integer helpers
    def _randbelow(self, n):
        k = n.bit_length()
        rb = self.getrandbits(k)
        while rb >= n:
            rb = self.getrandbits(k)
        return rb

    def randrange(self, start, stop):
        return start + self._randbelow(stop - start)

    def shuffle(self, x):
        for i in reversed(range(1, len(x))):
            j = self._randbelow(i + 1)
            x[i], x[j] = x[j], x[i]

    def choice(self, seq):
        return seq[self._randbelow(len(seq))]

    def uniform(self, a, b):
        return a + (b - a) * self.random()


g = R(1234, extra="x")
print(g.extra, [g.randrange(0, 10) for _ in range(15)])
deck = list(range(20)); g.shuffle(deck); print(deck)
print([g.choice("abcdef") for _ in range(10)], round(g.uniform(5, 10), 10))
print(R(0).random(), _random.Random(0).random(), type(g).__mro__[1].__module__)
# different generators are independent
a, b = _random.Random(7), _random.Random(7)
a.random()
print(a.random() == b.random(), b.random() == _random.Random(7).getstate() and None)
# seeding with None picks fresh entropy: two generators almost surely differ
print(_random.Random().getrandbits(64) != _random.Random().getrandbits(64))
# a big draw
print(_random.Random(99).getrandbits(200))
