# print, sys.stdout.write and sys.stdout.buffer.write keep their order.
import sys

print("line 1")
sys.stdout.write("line 2\n")
sys.stdout.buffer.write(b"line 3 (bytes)\n")
print("line 4", end="")
sys.stdout.buffer.write(b" + bytes")
sys.stdout.write(" + text\n")
for i in range(3):
    print("loop", i)
    sys.stdout.buffer.write(b"raw %d\n" % i if hasattr(bytes, "__mod__") and False else b"raw\n")
sys.stdout.flush()
sys.stdout.buffer.flush()
print(sys.stdout.encoding, sys.stdout.errors, sys.stderr.errors, sys.stdout.mode, sys.stdout.name)
print(sys.stdout.writable(), sys.stdout.readable(), sys.stdout.fileno(), sys.stderr.fileno())
print(sys.stderr.line_buffering, sys.stdout.closed)
print(type(sys.stdout).__name__, type(sys.stdout.buffer).__name__ in ("BufferedWriter", "FileIO"))
print("\udcff surrogate escaped")
sys.stdout.write("\udce9 again\n")
try:
    print("\ud800")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)
print("é ü 😀")
sys.stderr.write("err \ud800 escaped\n")
print(sys.stdout.write("count"), sys.stdout.write("\n"))
print("big" * 5000)
print("last")
# stderr output does not push pending stdout text out first
print("pending text")
sys.stderr.write("stderr in between\n")
sys.stdout.buffer.write(b"bytes after stderr\n")
print("end")
