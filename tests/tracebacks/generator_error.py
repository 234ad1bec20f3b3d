# A traceback through a generator and a comprehension.
def numbers(items):
    for item in items:
        yield 10 // item


def main():
    return [n * 2 for n in numbers([5, 2, 0, 1])]


main()
