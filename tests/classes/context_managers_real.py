# Realistic context managers: timers without time, transactions with rollback, nested redirect of output.
import sys
class Transaction:
    def __init__(self, store):
        self.store = store
    def __enter__(self):
        self.snapshot = dict(self.store)
        return self.store
    def __exit__(self, et, ev, tb):
        if et is not None:
            self.store.clear()
            self.store.update(self.snapshot)
            print(f"rolled back after {et.__name__}: {ev}")
            return True
        print("committed")
        return False
db = {"balance": 100}
with Transaction(db) as s:
    s["balance"] -= 30
print(db)
with Transaction(db) as s:
    s["balance"] -= 500
    if s["balance"] < 0:
        raise ValueError("overdraft")
print(db)
class Capture:
    def __enter__(self):
        self.old = sys.stdout
        self.parts = []
        sys.stdout = self
        return self
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        pass
    def __exit__(self, *exc):
        sys.stdout = self.old
        return False
with Capture() as cap:
    print("hidden", 1, 2)
    print("second line")
print("captured:", cap.parts)
class Indent:
    level = 0
    def __enter__(self):
        Indent.level += 1
        return self
    def __exit__(self, *a):
        Indent.level -= 1
    @staticmethod
    def say(msg):
        print("  " * Indent.level + msg)
with Indent():
    Indent.say("one")
    with Indent():
        Indent.say("two")
        with Indent():
            Indent.say("three")
    Indent.say("back to one")
Indent.say("zero")
class Closing:
    def __init__(self, name):
        self.name = name
    def close(self):
        print("closed", self.name)
    def __enter__(self):
        return self
    def __exit__(self, *a):
        self.close()
def use():
    with Closing("r1") as a, Closing("r2") as b:
        return f"using {a.name} and {b.name}"
print(use())
