def simple(a, b):
    return a + b

def defaults(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:
    "doc"
    return a

async def coro(x):
    await x
    async for i in x:
        print(i)
    else:
        pass
    async with x as y, z:
        return y
    return [i async for i in x]

def gen():
    yield
    yield 1
    x = yield 2
    yield from range(3)
    return 5

async def agen():
    yield 1
    await foo()

def closures():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    def reader():
        return x
    return inner, reader

def cell_arg(a, b):
    def f():
        return a
    return f

class A(B, metaclass=M, **kw):
    """Class doc."""
    attr = 1
    __private = 2
    def method(self):
        return super().method() + self.__private
    @property
    def prop(self):
        return __class__
    @staticmethod
    @other(1)
    def sm():
        pass
    class Inner:
        def deep(self):
            def deeper():
                return self
            return deeper

def globals_():
    global gg
    gg = 1
    del gg
    return gg

def f_star(*a, **k):
    g(*a, **k)
    g(1, *a, 2, *b, x=1, **k, y=2)
    g(x=1, y=2)
    o.m(1, 2, k=3)
    o.m(*a)

@decorator
def decorated():
    pass

def try_in_loop():
    for i in x:
        try:
            if i:
                break
            continue
        finally:
            print(i)
    while True:
        with lock:
            return 1

def return_in_finally():
    try:
        return f()
    finally:
        g()

def except_return():
    try:
        pass
    except E as e:
        return e

def annotated(a: int, *b: str, c: "x" = 1, **d: float) -> None:
    pass

def star_annotation(*args: *Ts):
    pass
