# print(file=...) writes to any object with write(); sep/end/flush.
from _io import StringIO
import sys

class Collector:
    def __init__(self):
        self.parts = []
        self.flushed = 0
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        self.flushed += 1

c = Collector()
print("a", 1, 2.5, None, file=c)
print("x", "y", sep="--", end="!", file=c)
print(file=c)
print("f", file=c, flush=True)
print(c.parts, c.flushed)
s = StringIO()
print("to", "stringio", file=s)
print(*range(5), sep=",", file=s)
print(repr(s.getvalue()))
print("stdout explicit", file=sys.stdout)
print("stderr line", file=sys.stderr)
print("via None", file=None)
class NoWrite:
    pass
try:
    print("x", file=NoWrite())
except AttributeError as e:
    print("AttributeError", e)
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError", e)
try:
    print("x", end=b"")
except TypeError as e:
    print("TypeError", e)
try:
    print("x", bogus=1)
except TypeError as e:
    print("TypeError", e)
class Bad:
    def write(self, s):
        raise RuntimeError("write failed")
try:
    print("x", file=Bad())
except RuntimeError as e:
    print("RuntimeError", e)
print(sys.stdout.write("direct write\n"))
sys.stdout.flush()
print("done")
