# code objects: co_* attributes, co_lines(), co_positions(), replace(), equality.
def sample(a, b, /, c, *args, d=1, **kw):
    local = a + b
    def nested():
        return local + c
    return nested

co = sample.__code__
print(co.co_name, co.co_qualname, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount)
print(co.co_nlocals, co.co_varnames, co.co_cellvars, co.co_freevars)
print(co.co_flags, co.co_firstlineno, co.co_stacksize > 0, co.co_names)
inner = sample(1, 2, 3)
ic = inner.__code__
print(ic.co_name, ic.co_qualname, ic.co_freevars, ic.co_varnames, ic.co_flags, ic.co_nlocals)
print([type(c).__name__ for c in co.co_consts])
print(type(co.co_code).__name__, len(co.co_code) % 2, type(co.co_linetable).__name__, type(co.co_exceptiontable).__name__)

class Cls:
    def method(self):
        return [x for x in range(2)]
print(Cls.method.__code__.co_qualname, Cls.method.__code__.co_varnames)

def with_try():
    try:
        return 1 / 0
    except ZeroDivisionError:
        return "caught"
    finally:
        pass
print(len(with_try.__code__.co_exceptiontable) > 0, with_try.__code__.co_exceptiontable == with_try.__code__.co_exceptiontable)
print(sample.__code__.co_exceptiontable)

src = "x = 1\nif x:\n    y = (x +\n         2)\nelse:\n    y = 0\nprint(y)\n"
c = compile(src, "lines.py", "exec")
print(list(c.co_lines()))
print(list(c.co_positions()))
positions = list(co.co_positions())
print(len(positions) == len(co.co_code) // 2, positions[:4])
lines = list(co.co_lines())
print(lines[0][0], lines[-1][1] == len(co.co_code), all(s < e for s, e, _ in lines))
print(sorted({l for _, _, l in lines if l is not None}))

def f(x):
    return x + 1
print(list(f.__code__.co_lines()))

# replace()
g = f.__code__.replace(co_name="renamed", co_filename="other.py", co_qualname="Q.renamed")
print(g.co_name, g.co_filename, g.co_qualname, g.co_firstlineno == f.__code__.co_firstlineno, g is f.__code__)
h = f.__code__.replace(co_firstlineno=100)
print(h.co_firstlineno, [l for _, _, l in h.co_lines()][:3])
k = f.__code__.replace(co_varnames=("renamed_arg",))
print(k.co_varnames)
ns = {"x": 10}
print(eval(f.__code__.replace(co_consts=tuple(2 if c == 1 else c for c in f.__code__.co_consts), co_argcount=0, co_flags=0, co_varnames=("x",)), ns) if False else "skip")
def attempt(label, fn):
    try:
        print(label, "->", fn())
    except Exception as e:
        print(label, "!", type(e).__name__, e)
attempt("bad kw", lambda: f.__code__.replace(co_bogus=1))
attempt("positional", lambda: f.__code__.replace(1))
attempt("name int", lambda: f.__code__.replace(co_name=1))
attempt("consts list", lambda: f.__code__.replace(co_consts=[1]))
attempt("names non-str", lambda: f.__code__.replace(co_names=(1,)))
attempt("code str", lambda: f.__code__.replace(co_code="x"))
print(f.__code__.replace() == f.__code__, f.__code__ == f.__code__, compile("1", "a", "eval") == compile("1", "a", "eval"))
print(compile("1", "a", "eval") == compile("2", "a", "eval"), hash(compile("1", "a", "eval")) == hash(compile("1", "a", "eval")))
print(repr(f.__code__).startswith("<code object f at 0x"), repr(f.__code__).endswith(f"line {f.__code__.co_firstlineno}>"))

# exec of a replaced code object runs it
m = compile("out = 'first'", "m.py", "exec")
ns = {}
exec(m.replace(co_consts=("second", None)), ns)
print(ns["out"])
