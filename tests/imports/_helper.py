print("helper running as", __name__, "package", repr(__package__))
VALUE = 42


def where():
    return __name__


if __name__ == "__main__":
    print("helper as main: never printed")
