# IndentationError and TabError from compile(), and the printed form of an
# uncaught one from exec.
import traceback

sources = [
    "if True:\npass\n",
    "def f():\n    x = 1\n      y = 2\n",
    "def f():\n    x = 1\n  y = 2\n",
    "if True:\n\tx = 1\n        y = 2\n",
    "class C:\n",
    "for i in x:\n# comment only\n",
    "  x = 1\n",
    "try:\n    pass\nexcept:\npass\n",
    "with x:\n\n",
]
for src in sources:
    try:
        compile(src, "indent.py", "exec")
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset, repr(e.text))
        print("".join(traceback.format_exception_only(e)), end="")

print(issubclass(TabError, IndentationError), issubclass(IndentationError, SyntaxError))
exec("def g():\n    return 1\n        return 2\n")
