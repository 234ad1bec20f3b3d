# Method calls and closures: counters and accumulators built from nested
# functions with nonlocal state, bound methods stored and called later,
# functools-free decorators and lambdas passed as keys.
def make_counter(step):
    count = 0

    def bump():
        nonlocal count
        count += step
        return count

    return bump


def compose(f, g):
    return lambda x: f(g(x))


def logged(func):
    calls = [0]

    def wrapper(*args, **kwargs):
        calls[0] += 1
        return func(*args, **kwargs)

    wrapper.calls = calls
    return wrapper


@logged
def area(w, h=1):
    return w * h


class Account:
    def __init__(self):
        self.balance = 0

    def deposit(self, amount):
        self.balance += amount
        return self


counters = [make_counter(i) for i in range(1, 11)]
total = 0
for i in range(120000):
    total += counters[i % 10]()
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
acc = sum(inc_then_double(i) for i in range(300000))
areas = sum(area(i, h=2) + area(i) for i in range(200000))
account = Account()
deposit = account.deposit
for i in range(200000):
    deposit(i & 7)
items = sorted(range(50000), key=lambda x: (x * 7919) % 10007)
print(total, acc, areas, area.calls[0], account.balance, items[:3])
