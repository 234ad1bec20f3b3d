# Fed on stdin with no arguments: sys.argv is [''], the program is "<stdin>".
import sys
print(sys.argv)
print(repr(sys.path[0]))
print('__file__' in globals(), __name__)
def inner():
    return {}['missing']
try:
    inner()
except KeyError as e:
    print("caught", repr(e))
print(sys.flags.interactive, sys.flags.inspect)
inner()
