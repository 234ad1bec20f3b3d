import sys
print("to stdout")
print("to stderr", file=sys.stderr)
sys.stdout.write("written directly\n")
n = sys.stderr.write("err written\n")
print(n)
class Capture:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
cap = Capture()
old = sys.stdout
sys.stdout = cap
print("captured", 1, 2, sep="-")
sys.stdout = old
print(cap.parts)
print(repr(sys.stdout), sys.getrecursionlimit(), sys.maxsize, sys.byteorder)
try:
    sys.exit("fatal: bye")
except SystemExit as e:
    print("exit code", e.code)
sys.exit(4)
