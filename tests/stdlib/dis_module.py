import contextlib
import dis
import io
import re
import sys

_out = io.StringIO()
_redirect = contextlib.redirect_stdout(_out)
_redirect.__enter__()


def f(a, b=2, *args, c, **kw):
    x = a + b
    for i in range(3):
        if i % 2:
            x += i
    try:
        y = x / c
    except ZeroDivisionError as e:
        y = None
    return [v for v in (x, y)], kw


dis.dis(f)
print(dis.code_info(f))
dis.show_code(lambda q: q * 2)
for ins in dis.get_instructions("a = b[1] if c else d.e"):
    print(ins.opname, ins.arg, repr(ins.argval), ins.offset, ins.starts_line, ins.is_jump_target, ins.positions)
bc = dis.Bytecode("x = 1\nprint(x)")
print(bc.dis())
print(dis.opname[100], dis.opmap["LOAD_CONST"], dis.HAVE_ARGUMENT, "BINARY_OP" in dis.opmap, dis.hasjrel[:3])
print(dis.stack_effect(dis.opmap["LOAD_CONST"], 0), dis.stack_effect(dis.opmap["BUILD_LIST"], 3))
print(list(dis.findlinestarts(f.__code__))[:4])
print(dis.pretty_flags(f.__code__.co_flags))
dis.dis("async def g():\n    async with a as b:\n        await b\n")
dis.dis(compile("class C:\n    def m(self): return super().m()\n", "<s>", "exec"), depth=2)
try:
    dis.dis(42)
except TypeError as e:
    print("TypeError", e)
_redirect.__exit__(None, None, None)
# Code objects print their address; mask it.
sys.stdout.write(re.sub(r" at 0x[0-9a-f]+", " at ADDR", _out.getvalue()))
