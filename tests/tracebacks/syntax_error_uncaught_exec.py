# An uncaught SyntaxError from exec(): printed with "<string>" and no source
# line but with the caret line taken from the error's text.
source = "values = [1, 2\nprint(values)\n"
try:
    exec(source)
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset, repr(e.text))
exec("total = 1 +* 2\n")
