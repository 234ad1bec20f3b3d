# raise ... from None hides the context; __suppress_context__ set by hand too.
try:
    try:
        {}["k"]
    except KeyError:
        raise ValueError("replaced") from None
except ValueError as e:
    print(e.__suppress_context__, repr(e.__context__), e.__cause__)

err = TypeError("manual")
err.__context__ = KeyError("hidden")
err.__suppress_context__ = True
try:
    raise err
except TypeError as e:
    print(repr(e.__context__))
cause = ValueError("shown cause")
err2 = RuntimeError("with cause and suppressed context")
err2.__cause__ = cause
raise err2
