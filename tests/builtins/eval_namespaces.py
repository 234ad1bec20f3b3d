# eval(): namespaces, mappings as locals, builtins insertion, messages.
import sys

def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!", type(e).__name__, e)

attempt("int", lambda: eval(3))
attempt("list globals", lambda: eval("1", []))
class Getter:
    def __getitem__(self, key):
        return key
attempt("mapping globals", lambda: eval("1", Getter()))
attempt("int locals", lambda: eval("1", {}, 3))
attempt("too many", lambda: eval("1", {}, {}, {}))
attempt("none", lambda: eval())
attempt("kw", lambda: eval(source="1"))
attempt("None None", lambda: eval("1 + 1", None, None))
attempt("leading blanks", lambda: eval(" \t 3 * 4"))
attempt("bytes", lambda: eval(b"  2 ** 10"))
attempt("newline first", lambda: eval("\n5"))
attempt("trailing newline", lambda: eval("5\n"))
attempt("statement", lambda: eval("x = 1"))
attempt("empty", lambda: eval(""))
attempt("nul", lambda: eval("1\0"))
attempt("syntax", lambda: eval("1 +"))

g = {}
print(eval("40 + 2", g), sorted(g), g["__builtins__"] is __builtins__)
g = {"__builtins__": {"len": lambda x: 99}}
print(eval("len('abc')", g))
g = {"__builtins__": {}}
attempt("no builtins", lambda: eval("len([])", g))
g = {"__builtins__": __builtins__.__dict__}
print(eval("abs(-3)", g))

class Mapping:
    def __init__(self):
        self.log = []
    def __getitem__(self, key):
        self.log.append(key)
        if key == "missing":
            raise KeyError(key)
        return key.upper()
    def keys(self):
        return []

m = Mapping()
print(eval("a + b", {}, m), m.log)
print(eval("len('xy')", {}, m))
attempt("missing in mapping", lambda: eval("missing", {}, m))
try:
    eval("missing", {}, m)
except NameError as e:
    print("NameError", e, e.name if hasattr(e, "name") else "")

x = "module x"
def outer():
    x = "local x"
    y = 2
    print(eval("x"), eval("y * 10"), eval("x", {"x": "given"}))
    print(eval("[x for _ in range(2)]"))
    eval("y")
    return eval("locals()")["y"]
print(outer())

# eval sees the caller's globals and writes to locals() do not reach a function
def writer():
    a = 1
    exec("a = 2")
    return a
print(writer())

# code objects
code = compile("q * 2", "<c>", "eval")
print(eval(code, {"q": 21}))
def make():
    v = 1
    def inner():
        return v
    return inner
attempt("free vars", lambda: eval(make().__code__))
attempt("exec free vars", lambda: exec(make().__code__))

# errors inside evaluated code keep their type and traceback entries
try:
    eval("1/0")
except ZeroDivisionError as e:
    tb = e.__traceback__
    depth = 0
    while tb:
        depth += 1
        last = tb
        tb = tb.tb_next
    print("ZeroDivisionError", e, depth, last.tb_frame.f_code.co_filename, last.tb_lineno)
try:
    eval("undefined_name_here")
except NameError as e:
    print("NameError", e)

# nested eval and recursion through eval
print(eval("eval('eval(\"1 + 1\")')"))
def fact(n):
    return 1 if n <= 1 else n * eval("fact(n - 1)")
print(fact(10))
print(eval("(lambda: __name__)()"), eval("__name__", {"__name__": "fake"}))
print(eval("sys.version_info[0]"))
