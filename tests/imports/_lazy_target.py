print("_lazy_target executing")
VALUE = 42


def f():
    return "f called"
