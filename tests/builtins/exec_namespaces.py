# exec(): globals/locals, mappings, closures, class bodies, messages.
def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!", type(e).__name__, e)

attempt("int", lambda: exec(3))
attempt("list globals", lambda: exec("1", []))
attempt("int locals", lambda: exec("1", {}, 3))
attempt("no args", lambda: exec())
attempt("too many", lambda: exec("1", {}, {}, {}))
attempt("bad kw", lambda: exec("1", bogus=1))
attempt("closure on str", lambda: exec("x", {}, {}, closure=(1,)))
attempt("closure None", lambda: exec("pass", closure=None))
attempt("returns", lambda: exec("1 + 1"))
attempt("return outside", lambda: exec("return 5"))
attempt("yield outside", lambda: exec("yield 5"))
attempt("nul", lambda: exec("x = 1\0"))
attempt("bytes", lambda: exec(b"q = 1"))

g = {}
exec("a = 1\nb = a + 1\ndef f():\n    return a + b\n", g)
print(sorted(k for k in g if k != "__builtins__"), g["f"](), type(g["__builtins__"]).__name__)

g, l = {"shared": 1}, {}
exec("x = shared + 1\ny = x * 2\nglobal z\nz = 'global'", g, l)
print(sorted(l), g["z"], "x" in g)

# functions defined in exec with separate locals see globals only
g, l = {}, {}
exec("v = 10\ndef get():\n    try:\n        return v\n    except NameError as e:\n        return str(e)\n", g, l)
print(l["get"]())

# class bodies and comprehensions
ns = {}
exec("class C:\n    a = 1\n    b = [a for _ in range(2)] if False else 2\n    def m(self):\n        return self.a + self.b\nr = C().m()\n", ns)
print(ns["r"], ns["C"].__qualname__, ns["C"].__module__)
ns = {"__name__": "fakemod"}
exec("class D: pass", ns)
print(ns["D"].__module__)

# a custom mapping as locals
class Recorder(dict):
    def __setitem__(self, key, value):
        print("set", key, value)
        super().__setitem__(key, value)
    def __getitem__(self, key):
        print("get", key)
        return super().__getitem__(key)
r = Recorder()
exec("p = 1\nq = p + 1\ndel p", {}, r)
print(dict(r))

class OnlyGet:
    def __getitem__(self, key):
        if key == "known":
            return 41
        raise KeyError(key)
exec("print(known + 1)", {}, OnlyGet())
try:
    exec("unknown_name", {}, OnlyGet())
except NameError as e:
    print("NameError", e)
try:
    exec("y = 1", {}, OnlyGet())
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)

# exec in a function: writes do not reach the fast locals
def f():
    a = 1
    exec("a = 2; b = 3")
    l = locals()
    return a, l.get("b")
print(f())
def g2():
    loc = {}
    exec("import sys\nres = len(sys.argv[:1]) + 1", globals(), loc)
    return loc["res"]
print(g2())

# code objects with a closure
def make(n):
    def inner():
        return n * 2
    return inner
fn = make(21)
cl = fn.__closure__
print(type(cl[0]).__name__)
exec(fn.__code__, {}, {}, closure=cl) if False else None
attempt("no closure", lambda: exec(fn.__code__))
attempt("wrong closure len", lambda: exec(fn.__code__, {}, {}, closure=()))
attempt("closure not cells", lambda: exec(fn.__code__, {}, {}, closure=(1,)))
attempt("closure list", lambda: exec(fn.__code__, {}, {}, closure=list(cl)))
attempt("closure unneeded", lambda: exec(compile("1", "<c>", "exec"), {}, {}, closure=cl))
attempt("closure ok", lambda: exec(fn.__code__, {}, {}, closure=cl))

# exceptions raised inside exec propagate
try:
    exec("def boom():\n    raise KeyError('inner')\nboom()")
except KeyError as e:
    print("KeyError", e)
try:
    exec("import no_such_module_xyz")
except ImportError as e:
    print(type(e).__name__, e)

# __builtins__ handling
g = {}
exec("pass", g)
print("__builtins__" in g)
g = {"__builtins__": {"print": lambda *a: None}}
exec("print('hidden')", g)
try:
    exec("len('x')", {"__builtins__": {}})
except NameError as e:
    print("NameError", e)

# exec with compiled code in 'single' mode and statements in eval
c = compile("for i in range(2):\n    i\n", "<s>", "single")
exec(c)
try:
    eval(compile("x = 1", "<c>", "exec"))
    print("eval ran exec code")
except Exception as e:
    print(type(e).__name__, e)

# __future__ annotations inherited by exec is not present here
exec("def h(x: int) -> str: pass\nprint(h.__annotations__)")
