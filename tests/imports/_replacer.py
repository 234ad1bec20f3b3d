import sys


class Replacement:
    attr = "from the replacement"

    def __repr__(self):
        return "<Replacement>"


sys.modules[__name__] = Replacement()
