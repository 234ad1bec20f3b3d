# try/finally inside loops and generators, continue/break through finally, nested handlers.
def scan(items):
    out = []
    for x in items:
        try:
            if x is None:
                continue
            if x == "stop":
                break
            out.append(10 / x)
        except ZeroDivisionError:
            out.append("div0")
        except TypeError as e:
            out.append(type(e).__name__)
        else:
            out.append("ok")
        finally:
            out.append("f")
    return out
print(scan([1, None, 0, "s", 4, "stop", 5]))
def while_finally():
    i = 0
    log = []
    while True:
        try:
            i += 1
            if i == 3:
                return log, i
        finally:
            log.append(i)
print(while_finally())
def nested_finally():
    log = []
    try:
        try:
            log.append("inner try")
            raise KeyError
        finally:
            log.append("inner finally")
    except KeyError:
        log.append("outer except")
    finally:
        log.append("outer finally")
    return log
print(nested_finally())
def exception_in_except():
    try:
        try:
            raise ValueError("first")
        except ValueError:
            raise TypeError("second")
        finally:
            print("finally sees exception in flight")
    except TypeError as e:
        return f"{e} (context {e.__context__!r})"
print(exception_in_except())
def gen_cleanup():
    for i in range(3):
        try:
            yield i
        finally:
            print("gen finally", i)
for v in gen_cleanup():
    print("value", v)
total = 0
for i in range(5):
    try:
        if i % 2:
            raise ValueError(i)
        total += i
    except ValueError as e:
        total -= int(str(e))
print(total)
def swallow_in_loop():
    results = []
    for i in range(3):
        try:
            raise RuntimeError(i)
        except RuntimeError:
            results.append(i)
            continue
        finally:
            results.append("f")
    return results
print(swallow_in_loop())
