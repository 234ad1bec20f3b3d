# Replacing sys.stdout / sys.stderr with StringIO and restoring them.
import sys
from _io import StringIO

class redirect:
    def __init__(self, name, target):
        self.name, self.target = name, target
    def __enter__(self):
        self.old = getattr(sys, self.name)
        setattr(sys, self.name, self.target)
        return self.target
    def __exit__(self, *exc):
        setattr(sys, self.name, self.old)

print("before")
with redirect("stdout", StringIO()) as buf:
    print("captured", 1)
    print("second", end="")
    sys.stdout.write("|written")
print("after", repr(buf.getvalue()))
with redirect("stderr", StringIO()) as err:
    print("to stderr", file=sys.stderr)
print(repr(err.getvalue()))
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
sys.stdout = None
print("lost")
sys.stdout = sys.__stdout__
print("restored")
nested = StringIO()
with redirect("stdout", nested):
    with redirect("stdout", StringIO()) as inner:
        print("inner")
    print("outer")
print(repr(nested.getvalue()), repr(inner.getvalue()))
try:
    with redirect("stdout", StringIO()):
        print("in block")
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)
print("end")
