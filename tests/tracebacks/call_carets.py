# Markers under a failing call nested in an expression.
def parse(text):
    return int(text)


values = ["1", "2", "x3"]
result = sum([parse(v) for v in values[:2]]) + parse(values[2]) * 2
