class Point:
    __match_args__ = ("x", "y")

match Point():
    case Point(x=0, x=1):
        pass
