# Global and builtin loads warmed up, then the global rebound or deleted and
# a builtin shadowed by a global (and the shadow removed again).
factor = 2


def scale(values):
    return [v * factor for v in values]


def count(values):
    return len(values)


for _ in range(300):
    scale([1, 2])
    count([1])
print(scale([1, 2]), count([1, 2, 3]))
factor = 10
print(scale([1, 2]))
del factor
try:
    scale([1])
except NameError as e:
    print("NameError", e)
factor = 0.5
print(scale([1, 2]))


def len(x):
    return "shadowed"


print(count([1, 2, 3]))
del len
print(count([1, 2, 3]))
import builtins

builtins.len = lambda x: "patched builtin"
print(count([1]))
del builtins.len
try:
    count([1])
except NameError as e:
    print("NameError", e)
