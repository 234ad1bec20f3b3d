# Unclosed files are flushed when freed; stdout is flushed before an uncaught exception exits.
import sys
from _iohelp import remove

path = "_tmp_exit_flush_error.txt"
f = open(path, "w")
f.write("written but never closed")
del f
with open(path) as g:
    print(repr(g.read()))
open(path, "w").write("one-liner")
with open(path) as g:
    print(repr(g.read()))
b = open(path, "wb")
b.write(b"binary pending")
b = None
with open(path, "rb") as g:
    print(g.read())
remove(path)
sys.stdout.write("partial line without newline")
sys.stdout.buffer.write(b" then bytes")
print(" then print")
sys.stdout.write("tail before the error")
raise RuntimeError("uncaught")
