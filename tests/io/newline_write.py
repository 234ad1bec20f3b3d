# Newline translation on write and line_buffering.
from _iohelp import remove

path = "_tmp_newline_write.txt"
text = "a\nb\r\nc\rd\n"
for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(path, "w", newline=nl) as f:
        print(repr(nl), f.write(text))
    with open(path, "rb") as f:
        print(repr(nl), f.read())
with open(path, "w", buffering=1) as f:
    print(f.line_buffering)
    f.write("partial")
    with open(path, "rb") as g:
        print("before newline", g.read())
    f.write(" line\nnext")
    with open(path, "rb") as g:
        print("after newline", g.read())
with open(path, "w") as f:
    print(f.line_buffering)
    f.write("x" * 10)
    with open(path, "rb") as g:
        print("unflushed", g.read())
    f.flush()
    with open(path, "rb") as g:
        print("flushed", g.read())
try:
    open(path, "w", newline="\n\r")
except ValueError as e:
    print("ValueError", e)
try:
    open(path, "w", newline=5)
except TypeError as e:
    print("TypeError", e)
remove(path)
