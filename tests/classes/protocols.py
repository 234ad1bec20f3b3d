# __repr__/__str__/__format__, __iter__/__next__, __len__/__bool__, __contains__, __call__, __getitem__ iteration.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f"Money({self.cents})"
    def __str__(self):
        return f"${self.cents / 100:.2f}"
    def __format__(self, spec):
        return f"{self.cents / 100:{spec or '.2f'}} USD"
m = Money(1234)
print(m, repr(m), [m], f"{m}", f"{m:.1f}", str([m]), "%s %r" % (m, m), format(m, ".0f"))
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr!"
print(OnlyRepr(), str(OnlyRepr()), f"{OnlyRepr()}")
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), sum(Countdown(4)), [x for x in Countdown(2)], tuple(Countdown(0)))
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * i
print(list(Seq()), 9 in Seq(), 5 in Seq(), list(reversed([*Seq()])))
class Bag:
    def __init__(self, items):
        self.items = items
    def __len__(self):
        return len(self.items)
    def __contains__(self, x):
        return x.lower() in self.items
    def __bool__(self):
        return bool(self.items) and self.items[0] != "empty"
print(len(Bag(["a"])), "A" in Bag(["a"]), "b" not in Bag(["a"]), bool(Bag(["empty"])), bool(Bag([])))
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *, twice=False):
        return x + self.n * (2 if twice else 1)
add5 = Adder(5)
print(add5(1), add5(1, twice=True), callable(add5), callable(Adder), list(map(add5, [1, 2])))
for bad in [lambda: len(5), lambda: iter(5), lambda: next([1]), lambda: 5(), lambda: "x" in 5, lambda: list(Countdown)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)
class BadLen:
    def __len__(self):
        return "3"
try:
    len(BadLen())
except TypeError as e:
    print("TypeError:", e)
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
class Index:
    def __index__(self):
        return 2
print([10, 20, 30][Index()], "abc"[Index()], bin(Index()), range(Index()), hex(Index()))
