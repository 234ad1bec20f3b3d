# except* with an empty tuple (matches nothing), with non-exception types
# (TypeError at match time), and with an exception raised while evaluating
# the type expression.
def attempt(make_type):
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1)])
        except* make_type():
            print("matched")
    except Exception as e:
        print(type(e).__name__, e, "| context:", repr(e.__context__) if e.__context__ else None)


attempt(lambda: ())
attempt(lambda: int)
attempt(lambda: 5)
attempt(lambda: (ValueError, 5))
attempt(lambda: "ValueError")
attempt(lambda: 1 / 0)
attempt(lambda: (ValueError,))
