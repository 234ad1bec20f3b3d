# input() reads sys.stdin (here replaced by a StringIO), writes the prompt to sys.stdout.
import sys
from _io import StringIO

old = sys.stdin
sys.stdin = StringIO("first line\nsecond\r\nno newline at end")
print(repr(input()))
print(repr(input("prompt> ")))
print(repr(input()))
try:
    input("again> ")
except EOFError as e:
    print()
    print("EOFError", e)
sys.stdin = None
try:
    input()
except RuntimeError as e:
    print("RuntimeError", e)
class Lines:
    def readline(self):
        return 42
sys.stdin = Lines()
try:
    input()
except TypeError as e:
    print("TypeError", type(e).__name__)
sys.stdin = old
print(sys.stdin.readable(), sys.stdin.mode, sys.stdin.encoding, sys.stdin.errors, sys.stdin.fileno(), sys.stdin.name)
try:
    input(1, 2)
except TypeError as e:
    print("TypeError", e)
if not sys.stdin.isatty():
    # The runner gives no input: at end of file input() raises EOFError.
    data = sys.stdin.read()
    try:
        input()
    except EOFError as e:
        print("EOFError", e)
