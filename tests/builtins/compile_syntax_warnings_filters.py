# Compile-time warnings (SyntaxWarning from the compiler and tokenizer,
# DeprecationWarning for escapes) go through the warnings filters.
import warnings, sys, importlib
sys.dont_write_bytecode = True
sources = ["x = 5\nif x is 1: pass", "s = '\\d'", "b = b'\\q'", "y = 1if 2 else 3", "assert (x, 'msg')",
           "def f():\n    return 1 is not ()", "z = [1, 2] is []", "ok = 1 + 1"]
for src in sources:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            compile(src, "<s>", "exec")
            print("compiled")
        except SyntaxError as e:
            print(type(e).__name__, e, e.args)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        compile(src, "<s>", "exec")
        print([(x.category.__name__, str(x.message), x.filename, x.lineno) for x in w])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exec(compile(src, "<quiet>", "exec"), {"x": 0})
# Default filters: SyntaxWarning printed (every time: no registry), DeprecationWarning not.
sys.stderr = sys.stdout
for i in range(2):
    compile("x is 2", "<twice>", "exec")
    compile("'\\d'", "<esc>", "exec")
eval("1 is 1")
with warnings.catch_warnings():
    warnings.filterwarnings("error", category=DeprecationWarning)
    try:
        eval("'\\N'")
    except SyntaxError as e:
        print("escape error:", e.msg, e.lineno, e.offset)
    try:
        eval("'\\777'")
    except SyntaxError as e:
        print("octal:", e.msg)
with warnings.catch_warnings():
    warnings.filterwarnings("error", message=".*literal")
    try:
        import _warny_mod
    except SyntaxError as e:
        print("import:", e.msg, e.filename.endswith("_warny_mod.py"), e.lineno, e.offset, e.end_offset, repr(e.text))
    print("_warny_mod" in sys.modules)
import _warny_mod
print(_warny_mod.check("x"))
class Boom(Exception):
    pass
def showwarning(*args):
    raise Boom("from showwarning")
with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.showwarning = showwarning
    try:
        compile("1 is 1", "<boom>", "exec")
    except Boom as e:
        print("Boom propagates:", e)
