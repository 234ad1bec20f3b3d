def risky(n):
    if n == 0:
        raise ValueError("zero")
    if n == 1:
        raise KeyError("one")
    return n
for i in range(3):
    try:
        r = risky(i)
    except ValueError as e:
        print("value error:", e, repr(e), e.args)
    except (KeyError, TypeError) as e:
        print("lookup:", e, repr(e))
    else:
        print("ok", r)
    finally:
        print("finally", i)
class MyError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise MyError(42, "custom")
except MyError as e:
    print(e.code, e, e.args, isinstance(e, Exception))
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)
try:
    try:
        {}["k"]
    except KeyError:
        raise TypeError("during")
except TypeError as e:
    print(repr(e), repr(e.__context__), e.__cause__)
def f():
    try:
        return "try"
    finally:
        print("cleanup in f")
print(f())
def g():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
        finally:
            print("g finally", i)
    return i
print(g())
try:
    raise StopIteration(7)
except StopIteration as e:
    print("stop", e.value)
e = ValueError("note me")
e.add_note("extra")
print(e.__notes__)
try:
    assert 1 == 2, "math broke"
except AssertionError as e:
    print("assert:", e)
class Ctx:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.name == "swallow"
with Ctx("a") as c:
    print("inside", c.name)
with Ctx("swallow"):
    raise ValueError("hidden")
try:
    with Ctx("b"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", e)
try:
    raise
except RuntimeError as e:
    print(e)
def bare():
    try:
        raise IndexError("inner")
    except IndexError:
        raise
try:
    bare()
except IndexError as e:
    print("reraised", e)
try:
    raise TypeError
except TypeError as e:
    print(repr(e), str(e) == "")
try:
    raise 5
except TypeError as e:
    print(e)
try:
    try:
        raise ValueError(1)
    finally:
        print("finally runs")
except ValueError:
    print("caught after finally")
import sys
print(sys is not None if False else "no sys import needed")
def deep(n):
    return deep(n + 1)
try:
    deep(0)
except RecursionError as e:
    print("RecursionError:", e)
print(ValueError.__mro__, issubclass(KeyError, LookupError))
