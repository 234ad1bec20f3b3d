# compile() of ast objects: parse, transform, compile, run.
import ast, sys, re

src = '''
def area(w, h=2, *args, scale=1, **kw):
    """doc"""
    total = w * h * scale
    for extra in args:
        total += extra
    return total

class Shape:
    sides = 4
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"Shape({self.n!r:>4})"

values = [area(3), area(2, 5, 1, 1, scale=2), Shape(7), [x * x for x in range(5) if x % 2], {k: v for k, v in zip("ab", (1, 2))}]
try:
    1 / 0
except ZeroDivisionError as e:
    values.append(type(e).__name__)
finally:
    values.append("finally")
match values[0]:
    case 6 | 7:
        values.append("six-or-seven")
    case _:
        values.append("other")
with open(__file__) as fh:
    values.append(fh.readline().strip()[:10])
lam = lambda a, /, b=3, *, c: a + b + c
values.append(lam(1, c=10))
del lam
values.append(sum(i for i in range(4)))
g = (yield_ for yield_ in "xyz")
values.append("".join(g))
'''
tree = ast.parse(src, "<generated>")
ns = {"__file__": __file__}
exec(compile(tree, "<generated>", "exec"), ns)
print(ns["values"], ns["area"].__doc__, ns["Shape"].sides)

class Doubler(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int) and not isinstance(node.value, bool):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node
t2 = Doubler().visit(ast.parse("x = 1 + 2 * 3\ny = [4, 5, 'a']"))
ns2 = {}
exec(compile(t2, "<doubled>", "exec"), ns2)
print(ns2["x"], ns2["y"])

# Hand-built trees with fix_missing_locations
call = ast.Expression(body=ast.BinOp(left=ast.Constant(40), op=ast.Add(), right=ast.Constant(2)))
print(eval(compile(ast.fix_missing_locations(call), "<expr>", "eval")))
mod = ast.Module(body=[
    ast.Assign(targets=[ast.Name(id="z", ctx=ast.Store())], value=ast.Call(func=ast.Name(id="len", ctx=ast.Load()), args=[ast.Constant("hello")], keywords=[])),
    ast.Expr(value=ast.Call(func=ast.Name(id="print", ctx=ast.Load()), args=[ast.Name(id="z", ctx=ast.Load()), ast.Constant(None), ast.Constant(...), ast.Constant(b"b"), ast.Constant((1, 2.5, 3j)), ast.Constant(10**30), ast.Constant(frozenset({1}))], keywords=[ast.keyword(arg="sep", value=ast.Constant("|"))])),
], type_ignores=[])
exec(compile(ast.fix_missing_locations(mod), "<built>", "exec"), {})
inter = ast.Interactive(body=[ast.Expr(value=ast.Constant("shown by single mode"))])
sys.displayhook = lambda v: print("display:", v)
exec(compile(ast.fix_missing_locations(inter), "<single>", "single"))
sys.displayhook = sys.__displayhook__

# Tracebacks point at the tree's own locations.
bad = ast.parse("a = 1\nb = a / 0\n")
try:
    exec(compile(bad, "<bad>", "exec"), {})
except ZeroDivisionError as e:
    tb = e.__traceback__.tb_next
    print("ZeroDivisionError at line", tb.tb_lineno, tb.tb_frame.f_code.co_filename)

# Errors, as CPython words them.
def attempt(label, node, mode="exec"):
    try:
        code = compile(node, "<err>", mode)
        print(label, "compiled", type(code).__name__)
    except (TypeError, ValueError, SyntaxError, RecursionError) as e:
        print(label, type(e).__name__, re.sub(r"0x[0-9a-f]+", "0x..", str(e)))

attempt("mode", ast.parse("1"), "eval")
attempt("mode2", ast.Expression(body=ast.Constant(1)), "exec")
attempt("not ast", ast.Add())
attempt("no lineno", ast.Module(body=[ast.Pass()], type_ignores=[]))
attempt("body not list", ast.Module(body=ast.Pass(), type_ignores=[]))
attempt("no type_ignores", ast.fix_missing_locations(ast.Module(body=[ast.Pass()])))
attempt("wrong sort", ast.fix_missing_locations(ast.Module(body=[ast.Constant(1)], type_ignores=[])))
attempt("int in body", ast.Module(body=[5], type_ignores=[]))
attempt("bad ctx", ast.fix_missing_locations(ast.Module(body=[ast.Assign(targets=[ast.Name("q", ast.Load())], value=ast.Constant(1))], type_ignores=[])))
attempt("store call", ast.fix_missing_locations(ast.Module(body=[ast.Assign(targets=[ast.Call(ast.Name("f", ast.Load()), [], [])], value=ast.Constant(1))], type_ignores=[])))
attempt("bad const", ast.fix_missing_locations(ast.Expression(body=ast.Constant([1, 2]))), "eval")
attempt("missing value", ast.fix_missing_locations(ast.Expression(body=ast.BinOp(left=ast.Constant(1), op=ast.Add()))), "eval")
attempt("none left", ast.fix_missing_locations(ast.Expression(body=ast.BinOp(left=None, op=ast.Add(), right=ast.Constant(1)))), "eval")
attempt("bad op", ast.fix_missing_locations(ast.Expression(body=ast.BinOp(left=ast.Constant(1), op=ast.Not(), right=ast.Constant(1)))), "eval")
attempt("str lineno", ast.Expression(body=ast.Constant(1, lineno="x", col_offset=0)), "eval")
attempt("ident", ast.fix_missing_locations(ast.Expression(body=ast.Name(id=5, ctx=ast.Load()))), "eval")
attempt("empty body", ast.fix_missing_locations(ast.Module(body=[ast.While(test=ast.Constant(1), body=[], orelse=[])], type_ignores=[])))
attempt("return outside", ast.fix_missing_locations(ast.Module(body=[ast.Return(value=None)], type_ignores=[])))
attempt("None store", ast.fix_missing_locations(ast.Module(body=[ast.Assign(targets=[ast.Name("None", ast.Store())], value=ast.Constant(1))], type_ignores=[])))
attempt("only ast", ast.parse("x"))
print(compile(ast.parse("x"), "<o>", "exec", ast.PyCF_ONLY_AST).__class__.__name__)
deep = ast.Constant(1)
for _ in range(100000):
    deep = ast.UnaryOp(op=ast.USub(), operand=deep)
attempt("deep", ast.fix_missing_locations(ast.Expression(body=deep)) if False else ast.Expression(body=deep), "eval")
deep = ast.Constant(1, lineno=1, col_offset=0)
for _ in range(100000):
    deep = ast.UnaryOp(op=ast.USub(), operand=deep, lineno=1, col_offset=0)
attempt("deep located", ast.Expression(body=deep), "eval")
shallow = ast.Constant(1, lineno=1, col_offset=0)
for _ in range(50):
    shallow = ast.UnaryOp(op=ast.USub(), operand=shallow, lineno=1, col_offset=0)
print(eval(compile(ast.Expression(body=shallow), "<s>", "eval")))
# A round trip through unparse and back gives the same code.
for text in ["a if b else c", "f(*x, **y)", "[*a, *b]", "{**d, 'k': 1}", "x[1:2, ::3]", "not a or b and c", "(yield)", "await z", "lambda: (yield)"]:
    try:
        t = ast.parse(text, mode="eval")
        print(text, "->", ast.unparse(t), type(compile(t, "<rt>", "eval")).__name__)
    except SyntaxError as e:
        print(text, "SyntaxError", e)
