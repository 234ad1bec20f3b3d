# A traceback through methods, a property and a classmethod.
class Account:
    def __init__(self, balance):
        self._balance = balance

    @property
    def balance(self):
        return self._balance

    @classmethod
    def open(cls, amount):
        return cls(amount).withdraw(amount * 2)

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError(f"insufficient funds: {self.balance} < {amount}")
        self._balance -= amount
        return self


Account.open(10)
