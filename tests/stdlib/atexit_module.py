import atexit
import sys

def first():
    print("first registered, runs last")

def with_args(a, b, *, sep):
    print("with args", a, b, sep)

class Named:
    """A callable with a stable repr (function reprs show addresses)."""
    def __init__(self, name, exc):
        self.name, self.exc = name, exc
    def __call__(self):
        raise self.exc
    def __repr__(self):
        return "<callback %s>" % self.name

failing = Named("failing", ValueError("failure in atexit"))
exits = Named("exits", SystemExit(5))

def goodbye(name):
    print("goodbye", name, sys.is_finalizing())

print(atexit.register(first) is first)
atexit.register(with_args, 1, 2, sep="-")
atexit.register(failing)
atexit.register(exits)
atexit.register(goodbye, "removed")
atexit.unregister(goodbye)
atexit.register(goodbye, "kept")
atexit.register(print, "print", "with", "sep", sep="+")
try:
    atexit.register(5)
except TypeError as e:
    print("TypeError", e)
try:
    atexit.register()
except TypeError as e:
    print("TypeError", e)
atexit.unregister(lambda: None)

# _run_exitfuncs runs (and clears) what is registered now
def early():
    print("early run")
print("main body done")
