# An exception escaping exec()'d and eval()'d code: traceback entries for "<string>" and named files.
import sys

def run(src, filename="<string>"):
    try:
        exec(compile(src, filename, "exec"), {})
    except Exception as e:
        t = e.__traceback__
        entries = []
        while t:
            entries.append((t.tb_frame.f_code.co_filename, t.tb_frame.f_code.co_name, t.tb_lineno))
            t = t.tb_next
        print(type(e).__name__, e, entries)

run("x = 1\ny = x / 0\n")
run("def f():\n    return g()\ndef g():\n    raise KeyError('deep')\nf()\n", "virtual.py")
run("import sys\nsys.exit(3)" if False else "[][1]")
try:
    eval("1 +\n2", {})
except SyntaxError as e:
    print("SyntaxError", e.msg, e.filename, e.lineno, e.offset)
print(eval("\n\n  7  "[2:].strip()))

# SyntaxError text and offsets from compile()
for src in ["a = 1 +", "foo(", "x = [1, 2", "if x\n  pass", "def f(:", "1 = 2", "del f()", "f(**x, *y)", "a b c"]:
    try:
        compile(src, "snippet.py", "exec")
    except SyntaxError as e:
        print(repr(src), "->", e.msg, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)

def nested():
    exec("def inner():\n    raise ValueError('from exec')\ninner()")
nested()
