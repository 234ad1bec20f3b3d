# NameError with "Did you mean" from locals, globals and builtins; none for
# names too far away.
counter_total = 10


def report(values):
    total_count = len(values)
    return total_coutn


for f in (lambda: report([1]), lambda: counter_totl, lambda: lenn([1]), lambda: zzzzzz):
    try:
        f()
    except NameError as e:
        print(type(e).__name__, e, e.name)
print(report([1, 2]))
