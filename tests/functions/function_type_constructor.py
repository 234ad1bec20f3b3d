# types.FunctionType and types.CellType built by hand, as code generators and
# serializers (cloudpickle-style) do.
import types


def f(a, b=2):
    "doc"
    return a + b


g = types.FunctionType(f.__code__, {"x": 1}, "newname", (10,))
print(g(1), g.__name__, g.__qualname__, g.__doc__, g.__defaults__, g.__module__, g.__globals__)


def outer():
    v = 5

    def inner():
        return v

    return inner


inn = outer()
h = types.FunctionType(inn.__code__, globals(), None, None, inn.__closure__)
print(h(), h.__name__, h.__qualname__, h.__closure__ == inn.__closure__)
fresh = types.FunctionType(inn.__code__, {}, "made", None, (types.CellType("own cell"),))
print(fresh(), fresh.__name__)

# Code compiled outside a function body runs with its globals as locals.
gl = {"data": [3, 1, 2]}
k = types.FunctionType(compile("sorted(data) + [len('abc')]", "<s>", "eval"), gl)
print(k(), sorted(gl))
run = types.FunctionType(compile("result = data[0] * 2\nnames = dir()", "<s>", "exec"), gl)
print(run(), gl["result"], gl["names"])

bad_calls = [
    (1, {}),
    (f.__code__, []),
    (f.__code__, {}, 5),
    (f.__code__, {}, None, [1]),
    (inn.__code__, {}),
    (inn.__code__, {}, None, None, (1,)),
    (inn.__code__, {}, None, None, ()),
    (f.__code__, {}, None, None, 5),
    (f.__code__, {}, None, None, (types.CellType(1),)),
    (f.__code__,),
    (),
]
for args in bad_calls:
    try:
        print(types.FunctionType(*args))
    except Exception as e:
        print(type(e).__name__, e)
print(types.FunctionType(code=f.__code__, globals={}, argdefs=(1, 2))())
try:
    types.FunctionType(f.__code__, {}, bogus=1)
except TypeError as e:
    print("TypeError", e)

c = types.CellType()
try:
    c.cell_contents
except ValueError as e:
    print("ValueError", e)
c.cell_contents = [1]
print(c.cell_contents, types.CellType(c.cell_contents).cell_contents is c.cell_contents)
for args, kw in (((1, 2), {}), ((), {"x": 1})):
    try:
        types.CellType(*args, **kw)
    except TypeError as e:
        print("TypeError", e)
