def f(x):
    match x:
        case 1 | 2 | 3:
            return "small"
        case [a, b, *rest]:
            return a
        case [_, _]:
            pass
        case [first, *_, last]:
            return first, last
        case {"k": v, **others}:
            return v
        case {}:
            pass
        case Point(x=0, y=yy) as p:
            return p
        case Point(1, 2):
            pass
        case str() | bytes():
            pass
        case None:
            pass
        case True:
            pass
        case -1 | 1.5 | 2j | -3+4j:
            pass
        case Color.RED:
            pass
        case (a, b) | [b, a] if a > b:
            return a
        case {"a": 1, "b": [c, d]}:
            return c
        case _:
            return None

def g(x):
    match x:
        case y:
            return y

def h(command):
    match command.split():
        case [action]:
            pass
        case [action, obj]:
            pass
        case _:
            pass
