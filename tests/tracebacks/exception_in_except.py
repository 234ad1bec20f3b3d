# An error inside an except block inside a loop inside a function.
def process(items):
    results = []
    for item in items:
        try:
            results.append(100 / item)
        except ZeroDivisionError:
            results.append(fallback[item])
    return results


fallback = {}
process([1, 0])
