# __enter__/__exit__ (suppression, exceptions), __del__.
class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.suppress
with CM("a") as v:
    print("body", v)
with CM("b", suppress=True):
    raise ValueError("hidden")
print("after suppressed")
try:
    with CM("c"):
        raise KeyError("shown")
except KeyError as e:
    print("caught", repr(e))
with CM("outer") as o, CM("inner") as i:
    print(o, i)
def early():
    with CM("ret"):
        return "returned"
print(early())
for n in range(3):
    with CM(f"loop{n}"):
        if n == 1:
            continue
        if n == 2:
            break
try:
    with 5:
        pass
except TypeError as e:
    print("TypeError:", e)
class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except TypeError as e:
    print("TypeError:", e)
class Noisy:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
x = Noisy(1)
x = None
print("after reassign")
y = Noisy(2)
del y
print("after del")
def scope():
    z = Noisy(3)
    return 0
scope()
print("after scope")
lst = [Noisy(4), Noisy(5)]
lst.clear()
print("after clear")
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError("from exit")
try:
    with ExitRaises():
        raise ValueError("body")
except RuntimeError as e:
    print("RuntimeError:", e, "context:", repr(e.__context__))
