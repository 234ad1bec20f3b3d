# TracebackException/StackSummary with capture_locals: each frame's locals
# are listed sorted, by repr, and a failing repr is shown as such.
import traceback


class Unprintable:
    def __repr__(self):
        raise ValueError("no repr")


def inner(count, label, data):
    marker = Unprintable()
    return data[count]


def outer():
    numbers = [1, 2, 3]
    return inner(5, "five", numbers)


try:
    outer()
except IndexError as e:
    te = traceback.TracebackException.from_exception(e, capture_locals=True)
    print("".join(te.format()), end="")
    for frame in te.stack:
        print(frame.name, sorted(frame.locals))
