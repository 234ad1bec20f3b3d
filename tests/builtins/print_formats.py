# Printing of nested containers, floats in containers, recursive structures, custom reprs inside containers.
print([1.0, 2.5e-10, -0.0, float("inf")], (1e16,), {1.5: [None, True]}, {"é": "ü"}, ["\n", "'", '"'])
print([[], [[]], [[], [[]]]], ((),), ((), ()), [set(), frozenset()], {frozenset({1})}, [range(2), slice(None)])
class P:
    def __repr__(self):
        return "P!"
    def __str__(self):
        return "p-str"
print([P()], (P(),), {P(): P()} if False else {"k": P()}, P(), str(P()), [str(P())])
a = [1]
a.append([a])
b = {"self": None}
b["self"] = b
print(a, b, [b, a])
print(str(1.0), str([1.0]), repr(0.1 + 0.2), [0.1 + 0.2], 1e22, [1e22], 1e21, 123456789012345.6)
print(*[1, 2], sep="")
print(*"abc", sep=", ", end=".\n")
print("%s|%s" % ([1, "a"], ("x",)), "{}|{!r}".format(["q"], "q"), f"{[1, 'a']}|{('x',)!s}")
print([True, None, ...], NotImplemented, [NotImplemented], type(...).__name__)
print(b"bytes", [b"\x00\xff"], bytearray if False else "", [b"'"], [b'"'], [b"'\""])
print({1: {2: {3: {}}}}, [(1, [2, (3, {4})])], list(zip([1], [2])), list(enumerate([[]])))
print(-0.0, [-0.0], 0.0 == -0.0, (-0.0).__repr__(), abs(-0.0), 1 / float("-inf"))
