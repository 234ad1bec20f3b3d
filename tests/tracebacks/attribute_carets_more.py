# Markers for failing attribute access on chains and on call results, and the
# AttributeError messages for instances, classes, modules and None.
import math
import sys
import traceback


def run(f, *args):
    try:
        f(*args)
    except Exception:
        traceback.print_exc(file=sys.stdout)


class Node:
    def __init__(self, nxt=None):
        self.next = nxt
        self.value = 1


def deep(n):
    return n.next.next.next.value


def on_call(n):
    return Node().valu


def on_module():
    return math.tau + math.pie


def on_class():
    return Node.value


def store_on_builtin():
    x = 5
    x.real = 3


def delete_missing(n):
    del n.nonexistent


run(deep, Node(Node()))
run(on_call, None)
run(on_module)
run(on_class)
run(store_on_builtin)
run(delete_missing, Node())
head = Node(Node(Node()))
print(head.next.next.value)
print(head.next.next.next.value)
