# A function-call loop: a global Python function called with two arguments.
def add(a, b):
    return a + b


def main():
    x = 0
    for i in range(3_000_000):
        x = add(x, i)
    print(x)


main()
