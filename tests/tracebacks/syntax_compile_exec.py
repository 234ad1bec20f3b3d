# SyntaxError raised by compile/exec/eval: attributes, the formatted text
# with its caret, and the "(detected at line N)" form for unclosed brackets.
import traceback

sources = [
    "x = (1,\ny = 2\n",
    "foo(1, 2\n",
    "a = [1, 2, 3\n\n\nb = 4\n",
    "print 'hello'\n",
    "def f(:\n    pass\n",
    "x = 1 +\n",
    "if x = 3:\n    pass\n",
    "f(a for a in b, c)\n",
    "x = )\n",
    "return 5\n",
    "del f()\n",
    "a, b += 1\n",
    "'unterminated\n",
    '"""never\nends\n',
    "x = 0777\n",
    "1abc = 2\n",
    "nonlocal q\n",
    "class C:\n    break\n",
    "lambda: (yield)\n",
    "{1: 2, 3}\n",
    "f(**k, *a)\n",
    "def g(a, a): pass\n",
]
for src in sources:
    try:
        compile(src, "<case>", "exec")
    except SyntaxError as e:
        print(repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
        print("".join(traceback.format_exception_only(e)), end="")

for expr in ["1 +", "(1, 2", "a b", "x := 1", "[i for i in]"]:
    try:
        eval(expr)
    except SyntaxError as e:
        print("".join(traceback.format_exception_only(e)), end="")

try:
    exec("for i in range(3):\n    pass\n  else:\n    pass\n")
except SyntaxError as e:
    print(type(e).__name__, e)

exec("values = {'a': 1,\n          'b': 2\nprint(values)\n")
