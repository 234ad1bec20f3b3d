# The errors found after parsing (symtable/compiler: 'return' outside
# function, nonlocal at module level, duplicate arguments) take their text
# from the file named in compile(), not from the compiled string; parser
# errors keep the string's own line.
import os
import traceback

name = "_written_for_syntax_text.py"
with open(name, "w") as f:
    f.write("first line of the file\nsecond line of the file\n")
try:
    for src in ["return 1\n", "x = 1\nnonlocal y\n", "a = 1\nb = 2\nbreak\n", "def f(a, a): pass\n", "x = (\n"]:
        for filename in (name, "<no such file>"):
            try:
                compile(src, filename, "exec")
            except SyntaxError as e:
                print(repr(e.text), e.lineno, e.offset)
                print("".join(traceback.format_exception_only(e)), end="")
finally:
    os.remove(name)
exec("for i in range(2):\n    pass\ncontinue\n")
