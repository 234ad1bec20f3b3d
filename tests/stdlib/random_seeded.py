# random (now importable: its seeding hashes str/bytes seeds with sha512):
# seeded sequences of every method match CPython's.
import random

for seed in [0, 1, 12345, -7, 2**100, 3.5, "a string seed", b"bytes seed", bytearray(b"ba")]:
    random.seed(seed)
    print(repr(seed), random.random(), random.getrandbits(70), random.randrange(1000))
random.seed("v1 seed", version=1)
print(random.random())
random.seed(42)
print([random.randint(1, 6) for _ in range(20)])
print([round(random.uniform(-1, 1), 12) for _ in range(5)])
print(random.randrange(0, 100, 7), random.randrange(-50, 50), random.randrange(10**30))
print(random.choice("abcdefg"), random.choice([1, 2, 3]), random.choice(range(1000)))
items = list(range(20))
random.shuffle(items)
print(items)
print(random.sample(range(100), 10), random.sample("abcdefgh", 3), random.sample(range(10), k=4, counts=[1] * 10))
print(random.choices("abc", k=10), random.choices(range(5), weights=[5, 1, 1, 1, 10], k=8))
print(random.choices("xyz", cum_weights=[1, 2, 10], k=6))
print(random.gauss(0, 1), random.gauss(10, 2), random.normalvariate(0, 1), random.lognormvariate(0, 0.5))
print(random.expovariate(1.5), random.vonmisesvariate(1, 2), random.gammavariate(2, 3), random.gammavariate(0.5, 1))
print(random.betavariate(2, 5), random.paretovariate(3), random.weibullvariate(1, 1.5), random.triangular(0, 10, 3))
print(random.randbytes(12).hex())
state = random.getstate()
a = [random.random() for _ in range(3)]
random.setstate(state)
print(a == [random.random() for _ in range(3)])

r = random.Random(2024)
print(r.random(), r.randint(0, 10**20), r.choice("xyz"))
r2 = random.Random()
r2.setstate(r.getstate())
print(r.random() == r2.random())

class MyRandom(random.Random):
    def random(self):
        return 0.5
m = MyRandom(1)
print(m.random(), m.choice([10, 20, 30]), m.randrange(10))

def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

attempt("empty choice", lambda: random.choice([]))
attempt("sample too big", lambda: random.sample(range(3), 5))
attempt("randrange empty", lambda: random.randrange(5, 5))
attempt("randrange float", lambda: random.randrange(1.5))
attempt("seed list", lambda: random.seed([1, 2]))
attempt("choices both", lambda: random.choices("ab", weights=[1, 1], cum_weights=[1, 2]))
attempt("sample set", lambda: random.sample({1, 2, 3}, 2))
attempt("getrandbits neg", lambda: random.getrandbits(-1))
