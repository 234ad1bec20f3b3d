# The standard streams as objects: types, attributes, reconfigure, closing a replacement.
import sys
import _io

for s in (sys.stdin, sys.stdout, sys.stderr):
    print(type(s) is _io.TextIOWrapper, s.name, s.mode, s.encoding, s.errors, s.closed)
    print(s.readable(), s.writable(), s.fileno(), type(s.buffer.raw if hasattr(s.buffer, "raw") else s.buffer).__name__)
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__, sys.stdin is sys.__stdin__)
print(repr(sys.stdout), repr(sys.stderr), repr(sys.stdin))
raw = sys.stdout.buffer.raw if hasattr(sys.stdout.buffer, "raw") else sys.stdout.buffer
print(repr(raw), raw.closefd, raw.mode)
try:
    sys.stdout.read()
except Exception as e:
    print(type(e).__name__, e)
try:
    sys.stdin.write("x")
except Exception as e:
    print(type(e).__name__, e)
sys.stdout.reconfigure(errors="backslashreplace")
print(sys.stdout.errors)
print("\ud800 now escaped")
sys.stdout.reconfigure(errors="surrogateescape")
sys.stdout.write("x\n")
print(sys.stdout.writelines(["a\n", "b\n"]))
