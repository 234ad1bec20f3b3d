from __future__ import annotations
# compile()/exec()/eval() inherit the caller's __future__ flags unless dont_inherit is set.
import __future__

flag = __future__.annotations.compiler_flag
print(hex(flag), __future__.annotations.getMandatoryRelease() if hasattr(__future__.annotations, "getMandatoryRelease") else "")

def f(x: NotDefinedAnywhere) -> AlsoUndefined:
    return x
print(f.__annotations__)

ns = {}
exec("def g(a: Undefined1) -> int: pass", ns)
print(ns["g"].__annotations__)
c = compile("def h(a: Undefined2): pass", "<inherit>", "exec")
print(bool(c.co_flags & flag))
exec(c, ns)
print(ns["h"].__annotations__)
c2 = compile("def h2(a: int) -> str: pass", "<no inherit>", "exec", dont_inherit=True)
print(bool(c2.co_flags & flag))
exec(c2, ns)
print(ns["h2"].__annotations__)
try:
    exec(compile("def h3(a: Undefined3): pass", "<x>", "exec", dont_inherit=True), {})
except NameError as e:
    print("NameError", e)
c3 = compile("def h4(a: Undefined4): pass", "<explicit>", "exec", flags=flag, dont_inherit=True)
print(bool(c3.co_flags & flag))
exec(c3, ns)
print(ns["h4"].__annotations__)
print(eval("(lambda: 1).__code__.co_flags & flag", {"flag": flag}) != 0)
print(bool(compile("1", "<e>", "eval").co_flags & flag), bool(compile("1", "<e>", "eval", 0, True).co_flags & flag))
# a __future__ import inside the compiled source sets the flag itself
c4 = compile("from __future__ import annotations\nx = 1", "<src>", "exec", dont_inherit=True)
print(bool(c4.co_flags & flag))
try:
    compile("x = 1\nfrom __future__ import annotations", "<late>", "exec")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno)
try:
    compile("from __future__ import braces", "<braces>", "exec")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    compile("from __future__ import nonexistent_feature", "<bad>", "exec")
except SyntaxError as e:
    print("SyntaxError", e.msg)
# optimize levels: assert statements and __debug__
for level in (-1, 0, 1, 2):
    code = compile("assert False, 'boom'\nresult = __debug__", "<opt>", "exec", optimize=level)
    ns = {}
    try:
        exec(code, ns)
        print(level, "no assert", ns["result"])
    except AssertionError as e:
        print(level, "AssertionError", e)
doc = compile("def d():\n    'docstring'\n", "<doc>", "exec", optimize=2)
ns = {}
exec(doc, ns)
print(ns["d"].__doc__)
