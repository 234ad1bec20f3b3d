# A failing expression that spans several lines.
def compute(a, b):
    return (
        a
        + b
    )


compute(1, "2")
