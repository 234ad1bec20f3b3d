# RecursionError: its message, the "[Previous line repeated N more times]"
# line for direct and mutual recursion, and recursion through a method.
import sys
import traceback

sys.setrecursionlimit(120)


def down(n):
    return down(n + 1)


def ping(n):
    return pong(n + 1)


def pong(n):
    return ping(n + 1)


class Tree:
    def depth(self):
        return 1 + self.depth()


for f in (lambda: down(0), lambda: ping(0), lambda: Tree().depth()):
    try:
        f()
    except RecursionError as e:
        print(type(e).__name__, e)
        lines = traceback.format_exc().splitlines()
        print(lines[0])
        print("\n".join(lines[-8:]))


def count(n):
    if n == 0:
        raise ValueError("bottom")
    count(n - 1)


try:
    count(10)
except ValueError:
    traceback.print_exc(file=sys.stdout)

down(0)
