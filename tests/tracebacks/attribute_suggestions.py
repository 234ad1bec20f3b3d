# AttributeError suggestions on instances, classes and modules; the name and
# obj attributes of the exception.
import math


class Point:
    def __init__(self):
        self.x = 1
        self.y = 2

    def distance(self):
        return 0


p = Point()
for get in (lambda: p.distnce, lambda: Point.distanse, lambda: p.X, lambda: math.sqr, lambda: "s".uper, lambda: p.zzzzzzzz):
    try:
        get()
    except AttributeError as e:
        print(e, "|", e.name, type(e.obj).__name__)
[].apend(1)
