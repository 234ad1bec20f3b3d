# Float arithmetic in a loop.
def main():
    x = 0.0
    acc = 0.0
    for i in range(2_000_000):
        x = x * 0.5 + 1.25
        acc += x / 3.0
    print(round(acc, 3))


main()
