# A simple integer loop: while, +=, &, comparison (all small ints).
def main():
    total = 0
    i = 0
    while i < 10_000_000:
        total += i & 7
        i += 1
    print(total)


main()
