# Method calls and attribute access on instances of a Python class.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y


def main():
    total = 0
    p = Point(3, 4)
    for i in range(1_000_000):
        p.x = i & 15
        total += p.norm2()
    print(total)


main()
