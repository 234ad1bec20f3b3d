"""Module docstring kept under -O."""
import sys
print(sys.flags.optimize, __debug__, __doc__)
def f():
    "function docstring"
    return 1
print(f.__doc__)
try:
    assert False, "assertions are removed"
    print("assert skipped")
except AssertionError as e:
    print("assert ran", e)
if __debug__:
    print("debug branch")
else:
    print("optimized branch")
code = compile("assert 0\nr = __debug__", "<s>", "exec")
ns = {}
exec(code, ns)
print(ns["r"])
print(eval("__debug__"))
ns = {}
exec(compile("assert 0", "<s>", "exec", optimize=0), ns) if False else print("compile optimize=0 keeps asserts:", end=" ")
try:
    exec(compile("assert 0, 'kept'", "<s>", "exec", optimize=0))
except AssertionError as e:
    print(e)
import _opt_helper
print(_opt_helper.check())
