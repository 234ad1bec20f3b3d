import functools
from collections import OrderedDict, defaultdict, Counter, deque, ChainMap, namedtuple

class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        self.account = account
        self.amount = amount
    def __str__(self):
        return f"{self.account.owner} cannot withdraw {self.amount:,.2f} (balance {self.account.balance:,.2f})"

class Account:
    __slots__ = ("_owner", "_balance", "history", "__weakref__")
    interest = 0.02
    _next_id = 1000
    def __init__(self, owner, balance=0):
        self._owner = owner
        self._balance = balance
        self.history = []
    @property
    def owner(self):
        return self._owner
    @property
    def balance(self):
        return self._balance
    @balance.setter
    def balance(self, v):
        if v < 0:
            raise ValueError(f"negative balance: {v}")
        self._balance = v
    @balance.deleter
    def balance(self):
        raise AttributeError("can't delete balance")
    def deposit(self, amt):
        self.balance += amt
        self.history.append(("dep", amt))
        return self
    def withdraw(self, amt):
        if amt > self._balance:
            raise InsufficientFunds(self, amt)
        self.balance -= amt
        self.history.append(("wd", amt))
        return self
    def __repr__(self):
        return f"{type(self).__name__}({self._owner!r}, {self._balance!r})"
    def __eq__(self, other):
        if not isinstance(other, Account):
            return NotImplemented
        return (self._owner, self._balance) == (other._owner, other._balance)
    __hash__ = None
    @classmethod
    def open(cls, owner):
        cls._next_id += 1
        return cls(owner), cls._next_id
    @staticmethod
    def fmt(x):
        return f"${x:>12,.2f}"

class Savings(Account):
    __slots__ = ("rate",)
    def __init__(self, owner, balance=0, rate=0.05):
        super().__init__(owner, balance)
        self.rate = rate
    def accrue(self):
        self.deposit(round(self.balance * self.rate, 2))

a = Account("alice", 100)
b = Savings("bob", 2500.5)
a.deposit(50).withdraw(30)
b.accrue()
print(a, b, a.history, b.history)
for bad in [lambda: a.withdraw(1000), lambda: setattr(a, "balance", -5), lambda: delattr(a, "balance"),
            lambda: setattr(a, "nickname", "al"), lambda: hash(a), lambda: a < b, lambda: Account.balance.fget(3),
            lambda: Account.__slots__.append("x"), lambda: Savings("x").__dict__]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, "|", e)
print(a == Account("alice", 120), a != b, a == 5)
print(Account.open("carol"), Account.open("dave"), Account._next_id, Savings._next_id)
print(Account.fmt(1234567.891), Account.fmt(-0.5))
print(Savings.__mro__, Savings.__slots__, sorted(x for x in dir(b) if not x.startswith("__")))
print(type(Account.balance), Account.owner.__doc__, type(Account.balance.setter).__name__)

@functools.lru_cache(maxsize=3)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())

class LRU:
    def __init__(self, cap):
        self.cap = cap
        self.d = OrderedDict()
        self.hits = self.misses = 0
    def get(self, k):
        if k in self.d:
            self.d.move_to_end(k)
            self.hits += 1
            return self.d[k]
        self.misses += 1
        return None
    def put(self, k, v):
        self.d[k] = v
        self.d.move_to_end(k)
        if len(self.d) > self.cap:
            old = self.d.popitem(last=False)
            print("evict", old)
c = LRU(3)
for i, k in enumerate("abcadeafgab"):
    if c.get(k) is None:
        c.put(k, i)
print(c.d, c.hits, c.misses, list(reversed(c.d)), c.d == OrderedDict(reversed(c.d.items())), c.d == dict(c.d))
od = OrderedDict.fromkeys("xyz", 0)
od.move_to_end("x", last=False)
print(od, od.popitem(), repr(OrderedDict()), OrderedDict(a=1) | {"b": 2})
try:
    od.move_to_end("q")
except KeyError as e:
    print("KeyError", e)

Txn = namedtuple("Txn", "who kind amount", defaults=[0])
txns = [Txn("a", "dep", 5), Txn("b", "wd", 3), Txn("a", "wd", 2), Txn("c", "dep"), Txn("b", "dep", 10)]
by = defaultdict(list)
for t in txns:
    by[t.who].append(t.amount if t.kind == "dep" else -t.amount)
print(dict(by), {k: sum(v) for k, v in by.items()}, Counter(t.kind for t in txns).most_common())
print(txns[0]._replace(amount=99), txns[0]._asdict(), Txn._fields, Txn._field_defaults)
try:
    Txn("a")
except TypeError as e:
    print(e)
try:
    Txn._make([1, 2, 3, 4])
except TypeError as e:
    print(e)
cm = ChainMap({"x": 1}, {"x": 2, "y": 3})
print(cm["x"], cm["y"], len(cm), list(cm), cm.new_child({"z": 0}), cm.parents)
dq = deque(range(5), maxlen=4)
dq.rotate(2); dq.appendleft(-1)
print(dq, dq.maxlen, dq.index(3), dq * 2 if False else dq.count(1))
cnt = Counter("mississippi")
print(cnt, cnt - Counter("sip"), cnt & Counter("ssx"), +Counter(a=-1, b=2), cnt.total(), sorted(cnt.elements())[:5])
