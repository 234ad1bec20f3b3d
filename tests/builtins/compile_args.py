# compile(): argument checks, modes, flags, filename forms, code attributes.
import sys

def attempt(label, f):
    try:
        r = f()
        print(label, "->", repr(r) if not hasattr(r, "co_code") else "code " + r.co_name)
    except Exception as e:
        print(label, "!", type(e).__name__, e)

attempt("nul str", lambda: compile("a\0", "f", "exec"))
attempt("nul bytes", lambda: compile(b"a\0b", "f", "exec"))
attempt("int filename", lambda: compile("1", 3, "exec"))
attempt("int source", lambda: compile(3, "f", "exec"))
attempt("bad mode", lambda: compile("1", "f", "x"))
attempt("bad mode ast", lambda: compile("1", "f", "x", 0x400))
attempt("func_type", lambda: compile("1", "f", "func_type"))
attempt("bad flags", lambda: compile("1", "f", "exec", 0x10000000))
attempt("bad optimize", lambda: compile("1", "f", "exec", optimize=5))
attempt("optimize -2", lambda: compile("1", "f", "exec", optimize=-2))
attempt("missing filename", lambda: compile("1"))
attempt("missing mode", lambda: compile("1", "f"))
attempt("no args", lambda: compile())
attempt("mode by name twice", lambda: compile("1", "f", "exec", flags=0, mode="x"))
attempt("bad kw", lambda: compile("1", "f", "exec", bogus=1))
attempt("mode int", lambda: compile("1", "f", 1))
attempt("flags str", lambda: compile("1", "f", "exec", "0"))
attempt("bytes filename", lambda: compile("1", b"bytes_name.py", "eval").co_filename)

class P:
    def __fspath__(self):
        return "from_fspath.py"
attempt("pathlike filename", lambda: compile("1", P(), "eval").co_filename)

c = compile("x = 1\ny = x + 1\n", "prog.py", "exec")
print(c.co_name, c.co_filename, c.co_firstlineno, c.co_names, type(c).__name__)
e = compile("a * b", "expr.py", "eval")
print(e.co_name, e.co_names, eval(e, {"a": 6, "b": 7}))
s = compile("z = 5", "single.py", "single")
ns = {}
exec(s, ns)
print(ns["z"])

# 'single' prints expression statements through sys.displayhook
seen = []
def hook(v):
    seen.append(v)
old = sys.displayhook
sys.displayhook = hook
exec(compile("1 + 1", "<s>", "single"))
exec(compile("None", "<s>", "single"))
exec(compile("'text'", "<s>", "single"))
sys.displayhook = old
print("hook saw", seen)
exec(compile("40 + 2", "<s>", "single"))
import builtins
print("underscore", builtins._)
exec(compile("None", "<s>", "single"))
print("underscore after None", builtins._)
print(sys.displayhook is sys.__displayhook__)
del sys.displayhook
try:
    exec(compile("7", "<s>", "single"))
except RuntimeError as e:
    print("RuntimeError", e)
sys.displayhook = old

# 'single' accepts one statement only
try:
    compile("x = 1\ny = 2\n", "<s>", "single")
except SyntaxError as e:
    print("SyntaxError", e.msg)

# SyntaxError attributes
try:
    compile("a = (1,\nb = 2", "bad.py", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
    print(e.args[0], e.args[1])
try:
    compile("def f():\n  return 1\n return 2\n", "indent.py", "exec")
except IndentationError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text))
try:
    compile("if True:\n\tx = 1\n        y = 2\n", "tab.py", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno)
try:
    compile("a\0", "nul.py", "exec")
except SyntaxError as e:
    print(e.msg, e.filename, e.lineno, e.offset, e.text, e.args)
try:
    compile("nonlocal x", "nl.py", "exec")
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset)
try:
    compile("def f():\n    x = 1\n    global x\n", "gl.py", "exec")
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset)
try:
    compile("await x", "aw.py", "exec")
except SyntaxError as e:
    print(e.msg, e.lineno)
try:
    compile("print 'hi'", "p2.py", "exec")
except SyntaxError as e:
    print(e.msg)
try:
    compile("1 +* 2", "<e>", "eval")
except SyntaxError as e:
    print(e.msg, e.offset)

# a str's coding cookie is ignored, a bytes source honours it
src = "# -*- coding: latin-1 -*-\nv = 'é'\n"
ns = {}
exec(compile(src, "<str>", "exec"), ns)
print(ns["v"], len(ns["v"]))
ns = {}
exec(compile(src.encode("utf-8"), "<bytes>", "exec"), ns)
print(ns["v"], len(ns["v"]))
ns = {}
exec(compile("v = 'é'\n".encode("utf-8"), "<bytes>", "exec"), ns)
print(ns["v"], len(ns["v"]))
ns = {}
exec(compile(b"\xef\xbb\xbfv = 3\n", "<bom>", "exec"), ns)
print(ns["v"])
try:
    compile(b"# coding: nonsense-codec\nx = 1\n", "<c>", "exec")
except SyntaxError as e:
    print("SyntaxError", e.msg)

# flags: __future__ annotations, dont_inherit, ONLY_AST
import __future__
fa = __future__.annotations.compiler_flag
ns = {}
exec(compile("def f(a: undefined_name) -> 'x': pass", "<ann>", "exec", fa), ns)
print(ns["f"].__annotations__)
try:
    exec(compile("def f(a: undefined_name): pass", "<ann>", "exec"), {})
except NameError as e:
    print("NameError", e)
print(bool(compile("x", "<f>", "eval", fa).co_flags & fa), bool(compile("x", "<f>", "eval").co_flags & fa))
print(compile("x", "<f>", "eval", dont_inherit=True).co_flags & fa)
