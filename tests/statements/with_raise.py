# with-statement ordering, raise/raise from, exception chaining in handlers.
log = []
class Res:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        log.append("enter " + self.name)
        return self
    def __exit__(self, *exc):
        log.append(f"exit {self.name} {exc[0].__name__ if exc[0] else None}")
        return False
try:
    with Res("a"), Res("b"):
        log.append("body")
        raise IndexError("x")
except IndexError:
    log.append("handled")
print(log)
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError(f"cannot parse {s!r}") from e
for s in ["12", "zz"]:
    try:
        print(parse(s))
    except RuntimeError as e:
        print(e, "| cause:", e.__cause__)
def nested_handlers():
    try:
        raise KeyError("first")
    except KeyError:
        try:
            raise ValueError("second")
        except ValueError as v:
            return v.__context__
print(repr(nested_handlers()))
def reraise_other():
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError("converted") from z
try:
    reraise_other()
except ValueError as v:
    print(v, type(v.__cause__).__name__, v.__context__ is v.__cause__)
def retry(fn, times):
    errors = []
    for attempt in range(times):
        try:
            return fn(attempt), errors
        except ZeroDivisionError as e:
            errors.append(str(e))
            continue
        finally:
            errors.append(f"attempt {attempt} done")
    return None, errors
print(retry(lambda n: 10 / (n - 2), 5))
print(retry(lambda n: 1 / 0, 2))
def exc_info_demo():
    import sys
    try:
        raise TypeError("inside")
    except TypeError:
        t, v, tb = sys.exc_info()
        return t.__name__, str(v), tb is not None
print(exc_info_demo())
import sys
print(sys.exc_info())
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return None
    def __exit__(self, et, ev, tb):
        return et is not None and issubclass(et, self.types)
with Suppress(KeyError, IndexError):
    {}["missing"]
print("suppressed KeyError")
try:
    with Suppress(KeyError):
        [][1]
except IndexError as e:
    print("IndexError passed through:", e)
