# throw()/close() through `yield from`: generators, plain iterators, iterators with throw/close.
def leaf(log):
    try:
        while True:
            try:
                x = yield "leaf-yield"
                log.append(("leaf got", x))
            except ValueError as e:
                log.append(("leaf caught", str(e)))
                yield "after-value-error"
    finally:
        log.append("leaf finally")

def middle(log):
    r = yield from leaf(log)
    log.append(("middle result", r))
    return r

def top(log):
    try:
        res = yield from middle(log)
    except KeyError as e:
        log.append(("top caught", repr(e)))
        yield "top-recovered"
    return "top-done"

log = []
g = top(log)
print(next(g))
print(g.send(1))
print(g.throw(ValueError("v1")))
print(g.gi_running, type(g.gi_yieldfrom).__name__, g.gi_yieldfrom.gi_yieldfrom.__name__)
print(g.throw(KeyError("k")))
print(log)
print(g.gi_yieldfrom)
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
print(log)

# subgenerator returns while handling the thrown exception
def sub_returns():
    try:
        yield 1
    except ValueError:
        return "sub value"

def outer_collect():
    v = yield from sub_returns()
    yield ("outer got", v)

g = outer_collect()
next(g)
print(g.throw(ValueError))

# subgenerator raises StopIteration value via return inside throw
def sub_stop():
    try:
        yield 1
    except TypeError:
        return 42
def outer2():
    v = yield from sub_stop()
    return v * 2
g = outer2()
next(g)
try:
    g.throw(TypeError("t"))
except StopIteration as e:
    print("outer2 returned", e.value)

# close() closes the subgenerator first
def closing_leaf(name, log):
    try:
        yield name
    finally:
        log.append(name + " closed")

def chain(log):
    try:
        yield from closing_leaf("inner", log)
    finally:
        log.append("chain closed")

log = []
g = chain(log)
next(g)
g.close()
print(log, g.gi_frame, g.gi_yieldfrom)
g.close()

# close of a subgenerator that raises: the error surfaces from close
def bad_close_leaf():
    try:
        yield 1
    except GeneratorExit:
        raise RuntimeError("leaf refused")

def bad_chain():
    try:
        yield from bad_close_leaf()
    except RuntimeError as e:
        print("chain saw", e)
        raise

g = bad_chain()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("close raised", e)

# a generator that ignores GeneratorExit
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        pass
    yield 2

g = stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError", e)
print(list(g))

inner = stubborn()
def stubborn_outer():
    yield from inner
g = stubborn_outer()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("outer RuntimeError", e, g.gi_frame, inner.gi_running)
print(list(inner))

# plain iterators without throw/close
def over_list():
    try:
        yield from [1, 2, 3]
    except ValueError as e:
        yield ("caught at outer", str(e))

g = over_list()
print(next(g), g.gi_yieldfrom.__class__.__name__)
print(g.throw(ValueError("plain")))
g = over_list()
next(g)
g.close()
print("closed list delegation")

# iterator objects with throw and close methods
class Custom:
    def __init__(self):
        self.n = 0
        self.log = []
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 5:
            raise StopIteration("custom done")
        return self.n
    def send(self, v):
        self.log.append(("send", v))
        return self.__next__()
    def throw(self, typ, val=None, tb=None):
        self.log.append(("throw", repr(typ), repr(val), tb is None or type(tb).__name__))
        if typ is KeyError or isinstance(typ, KeyError):
            raise StopIteration("stopped by throw")
        if isinstance(typ, IndexError):
            raise typ
        return -1
    def close(self):
        self.log.append("close")

def use_custom(c):
    try:
        r = yield from c
        yield ("returned", r)
    except IndexError as e:
        yield ("index error", str(e))

c = Custom()
g = use_custom(c)
print(next(g), g.send(None), g.send("x"))
print(g.throw(ValueError("val")))
print(g.throw(KeyError("key")))
print(c.log)
c = Custom()
g = use_custom(c)
next(g)
print(g.throw(ValueError, "two args"), g.throw(ValueError, ValueError("three"), None))
print(g.throw(KeyError, None))
print(c.log)
c = Custom()
g = use_custom(c)
next(g)
print(g.throw(IndexError("idx")))
c = Custom()
g = use_custom(c)
next(g)
g.close()
print(c.log)
# GeneratorExit thrown directly closes the subiterator, then raises in the generator
c = Custom()
g = use_custom(c)
next(g)
try:
    g.throw(GeneratorExit)
except GeneratorExit:
    print("GeneratorExit propagated", c.log)

# close method raising
class BadClose(Custom):
    def close(self):
        raise OSError("close failed")
g = use_custom(BadClose())
next(g)
try:
    g.close()
except OSError as e:
    print("OSError", e)

# running generator: re-entrant send is refused
def reentrant():
    yield me.send(None)
me = reentrant()
try:
    next(me)
except ValueError as e:
    print("ValueError", e)

def delegating_reentrant():
    yield from inner_re()
def inner_re():
    yield outer_me.throw(KeyError)
outer_me = delegating_reentrant()
try:
    next(outer_me)
except ValueError as e:
    print("ValueError", e)

# throw with type, value, traceback forms
def simple():
    try:
        yield 1
    except Exception as e:
        yield repr(e)
for args in [(ValueError,), (ValueError, "msg"), (ValueError, ValueError("inst")), (ValueError("only"),),
             (ValueError, ("a", 1)), (ValueError, None, None), (KeyError, TypeError("other"))]:
    g = simple()
    next(g)
    print(g.throw(*args))
for args in [(ValueError("x"), 1), (ValueError, 1, 2), (int,), ("str",)]:
    g = simple()
    next(g)
    try:
        g.throw(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    simple().throw()
except TypeError as e:
    print("TypeError", e)
g = simple()
next(g)
try:
    g.throw(1)
except TypeError as e:
    print("TypeError", e)
g = simple()
try:
    g.throw(ValueError("before start"))
except ValueError as e:
    print("not started:", e, g.gi_frame)
