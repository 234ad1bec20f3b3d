# eval, exec, compile, globals, locals.
print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}), eval("[a for a in range(3)]"), eval("  5 "))
ns = {}
exec("y = 10\ndef f(z):\n    return y + z\n", ns)
print(ns["y"], ns["f"](5), sorted(k for k in ns if k != "__builtins__"))
g = {"v": 1}
l = {"v": 2}
print(eval("v", g, l), eval("v", g))
exec("w = v + 100", g, l)
print(l["w"], "w" in g)
code = compile("a + b", "<expr>", "eval")
print(eval(code, {"a": 1, "b": 2}), code.co_filename, code.co_name, type(code).__name__)
code2 = compile("for i in range(3): print('loop', i)", "<stmts>", "exec")
exec(code2)
print(eval(compile("1", "<s>", "single")))
counter = 0
def bump():
    global counter
    counter += 1
bump()
print(counter, globals()["counter"], "bump" in globals())
def show_locals(a, b=2):
    c = a + b
    return sorted(locals().items())
print(show_locals(1))
globals()["dyn"] = "made"
print(dyn)
for src, mode in [("1 +", "eval"), ("x = ", "exec"), ("return 1", "exec"), ("def f(:\n pass", "exec")]:
    try:
        compile(src, "<bad>", mode)
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno, e.offset)
try:
    eval("undefined_here")
except NameError as e:
    print("NameError:", e)
try:
    eval("1/0")
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    exec("raise ValueError('in exec')")
except ValueError as e:
    print("ValueError:", e)
try:
    eval("x = 1")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
print(eval("lambda q: q * 3")(4), eval("(1, 2)"), eval("{'k': [1]}"), eval("'é'"))
exec("class K:\n    attr = 5\nprint(K.attr)")
env = {"__builtins__": {}}
try:
    eval("len([])", env)
except NameError as e:
    print("NameError:", e)
print(eval("__name__"), eval("1 if True else 2"), exec("pass"))
