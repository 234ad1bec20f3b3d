# UnboundLocalError (no suggestion is offered for it) and free variables.
def outer():
    value = 1

    def inner():
        print(value)
        value = 2

    inner()


try:
    outer()
except UnboundLocalError as e:
    print(type(e).__name__, e)


def counter():
    count += 1


counter()
