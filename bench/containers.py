# Lists, dicts and strings.
def main():
    d = {}
    items = []
    for i in range(300_000):
        key = "k" + str(i % 1000)
        d[key] = d.get(key, 0) + i
        items.append(i * 2)
    total = sum(items) + len(d) + sum(d.values())
    words = " ".join(str(i) for i in range(1000)).split()
    print(total, len(words), sorted(words)[:3])


main()
