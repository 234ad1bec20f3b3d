# Call TypeErrors for Python functions: missing, unexpected, duplicate,
# positional-only passed by keyword, keyword-only passed positionally, and the
# "takes from N to M positional arguments" forms; methods count self.
def show(f, *args, **kwargs):
    try:
        f(*args, **kwargs)
    except TypeError as e:
        print(e)


def one(a):
    pass


def two_three(a, b, c=3):
    pass


def pos_only(a, b, /, c):
    pass


def kw_only(a, *, key, other=2):
    pass


def defaults_only(a=1, b=2):
    pass


def no_args():
    pass


def star(*args, flag):
    pass


class Widget:
    def resize(self, w, h=1):
        pass

    @classmethod
    def make(cls, size):
        pass

    @staticmethod
    def util(x):
        pass


show(one)
show(one, 1, 2)
show(one, 1, a=2)
show(one, b=2)
show(one, 1, b=2, c=3)
show(two_three)
show(two_three, 1)
show(two_three, 1, 2, 3, 4)
show(two_three, 1, 2, 3, 4, 5)
show(pos_only, 1, 2)
show(pos_only, 1, b=2, c=3)
show(pos_only, a=1, b=2, c=3)
show(kw_only, 1, 2)
show(kw_only, 1)
show(kw_only, 1, 2, key=3)
show(kw_only, a=1, key=2, extra=4)
show(defaults_only, 1, 2, 3)
show(no_args, 1)
show(no_args, x=1)
show(star, 1, 2)
show(Widget().resize)
show(Widget().resize, 1, 2, 3)
show(Widget.resize, 1)
show(Widget.make)
show(Widget.make, 1, 2)
show(Widget.util)
show(lambda x, y: 0, 1)
show(lambda: 0, 1)
show(one, **{"a": 1, "z": 2})
show(one, *[1], **{"a": 1})
show(one, **{1: 2})
show(one, *5)
show(one, **[1])
two_three(1, c=2, d=4)
