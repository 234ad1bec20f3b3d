# Exceptions raised from special methods called by the interpreter: __repr__,
# __eq__ inside list.index, __hash__ in dict insertion, __iter__/__next__,
# __enter__/__exit__, __len__ in bool(), __getitem__ in iteration.
import sys
import traceback


def run(f):
    try:
        f()
    except Exception:
        traceback.print_exc(file=sys.stdout)


class Loud:
    def __repr__(self):
        raise ValueError("repr failed")

    def __eq__(self, other):
        raise TypeError("eq failed")

    def __hash__(self):
        raise KeyError("hash failed")


class BadIter:
    def __iter__(self):
        return self

    def __next__(self):
        raise IndexError("next failed")


class BadCtx:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        raise RuntimeError("exit failed")


class BadLen:
    def __len__(self):
        raise OSError("len failed")


class OldSeq:
    def __getitem__(self, i):
        if i > 1:
            raise LookupError("getitem failed")
        return i


class IterReturnsInt:
    def __iter__(self):
        return 5


def with_body_error():
    with BadCtx():
        raise ValueError("body")


run(lambda: repr([Loud()]))
run(lambda: [1, Loud()].index(2))
run(lambda: {Loud(): 1})
run(lambda: list(BadIter()))
run(lambda: BadCtx().__enter__() and with_body_error())
run(with_body_error)
run(lambda: bool(BadLen()))
run(lambda: list(OldSeq()))
run(lambda: iter(IterReturnsInt()))
run(lambda: f"{Loud()!r}")
print(list(OldSeq().__getitem__(i) for i in range(2)))
for x in IterReturnsInt():
    pass
