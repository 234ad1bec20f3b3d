# SystemExit raised from a nested call with a tuple code: printed as the
# tuple's str on stderr, exit status 1; finally blocks and atexit still run.
import atexit
import sys

atexit.register(lambda: print("atexit ran"))

for code in (0, 3, "text", None, (1, 2), [], 2 ** 70):
    try:
        sys.exit(code)
    except SystemExit as e:
        print(repr(e.code), e.args)

e = SystemExit(1, 2)
print(e.code, e.args)
print(SystemExit().code)


def leave():
    try:
        raise SystemExit((4, "four"))
    finally:
        print("finally ran")


leave()
