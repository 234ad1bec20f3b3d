# print with sep/end/file/flush, sys.stdout/stderr writes.
import sys
print("a", "b", "c", sep="-", end="!\n")
print("no newline", end="")
print(" continued")
print(*range(5), sep=", ")
print("to stderr", file=sys.stderr)
print(file=sys.stdout)
print("flushed", flush=True)
print(1, 2, sep=None, end=None)
print()
sys.stdout.write("direct write\n")
n = sys.stdout.write("xyz\n")
print(n)
class Collector:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
c = Collector()
print("into", "collector", sep="|", file=c)
print(c.parts)
for bad in [dict(sep=5), dict(end=[]), dict(file=5)]:
    try:
        print("x", **bad)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
try:
    print("x", bogus=1)
except TypeError as e:
    print("TypeError:", e)
print("unicode: é ü 日本 😀")
print(repr("\x00\x1f\x7f"), "tab\tend")
print(None, True, 1.0, [None], {"a": (1,)})
print("", "", sep="X")
print("multi\nline")
sys.stderr.write("err line\n")
