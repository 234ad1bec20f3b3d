# A small banking model: classes, properties, exceptions, class attributes, sorting.
class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.needed, self.available = needed, available
class Account:
    _next_id = 1
    interest_rate = 0.0
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.id = Account._next_id
        Account._next_id += 1
        self.history = []
    @property
    def balance(self):
        return self._balance
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("dep", amount))
        return self
    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(amount, self._balance)
        self._balance -= amount
        self.history.append(("wd", amount))
        return self
    def apply_interest(self):
        gained = round(self._balance * self.interest_rate, 2)
        self._balance += gained
        return gained
    def __repr__(self):
        return f"{type(self).__name__}(#{self.id}, {self.owner!r}, {self._balance})"
    def __lt__(self, other):
        return self._balance < other._balance
class Savings(Account):
    interest_rate = 0.05
class Checking(Account):
    fee = 1
    def withdraw(self, amount):
        return super().withdraw(amount + self.fee)
accounts = [Savings("ann", 1000), Checking("bob", 50), Account("cy"), Savings("dee", 10.5)]
accounts[1].deposit(25).withdraw(10)
accounts[2].deposit(5)
for acc in accounts:
    try:
        acc.withdraw(60)
    except InsufficientFunds as e:
        print(f"{acc.owner}: refused ({e}); short by {e.needed - e.available}")
print([acc.apply_interest() for acc in accounts])
print(sorted(accounts), max(accounts).owner, min(accounts, key=lambda a: a.owner).owner)
print({acc.owner: acc.history for acc in accounts})
try:
    accounts[0].deposit(-5)
except ValueError as e:
    print("ValueError:", e)
try:
    accounts[0].balance = 5
except AttributeError as e:
    print("AttributeError:", e)
total = sum(a.balance for a in accounts)
print(f"total={total:.2f}", f"{len(accounts)} accounts", Account._next_id)
by_type = {}
for a in accounts:
    by_type.setdefault(type(a).__name__, []).append(a.owner)
print(by_type)
