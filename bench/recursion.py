# Deep and branching recursion: Ackermann-style and tree recursion, a
# recursive descent over nested lists, and mutual recursion near the
# recursion limit.
import sys

sys.setrecursionlimit(20000)


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def depth_sum(node, depth):
    if isinstance(node, int):
        return node * depth
    return sum(depth_sum(child, depth + 1) for child in node)


def nest(k):
    node = [1]
    for i in range(k):
        node = [i, node, [i, i + 1]]
    return node


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


print(ack(2, 300), fib(27), depth_sum(nest(3000), 0), is_even(15000), is_odd(9999))
