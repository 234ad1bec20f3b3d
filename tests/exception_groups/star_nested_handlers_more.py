# except* inside an except* handler, except* inside a plain except handler,
# and a plain try/except inside an except* handler; the contexts each new
# exception gets.
def describe(e):
    if isinstance(e, BaseExceptionGroup):
        return f"{type(e).__name__}({e.message!r}, [{', '.join(describe(x) for x in e.exceptions)}])"
    return repr(e)


try:
    try:
        raise ExceptionGroup("outer", [ValueError(1), TypeError(2)])
    except* ValueError as outer_match:
        try:
            raise ExceptionGroup("inner", [KeyError(3), OSError(4)])
        except* KeyError as inner_match:
            print("inner:", describe(inner_match), "outer:", describe(outer_match))
except BaseException as e:
    print("escaped:", describe(e))
    for sub in e.exceptions:
        print("  ", describe(sub), "context:", describe(sub.__context__) if sub.__context__ else None)

try:
    raise ValueError("plain")
except ValueError as plain:
    try:
        raise ExceptionGroup("in handler", [IndexError(5)])
    except* IndexError as g:
        print("context of matched:", describe(g.__context__) if g.__context__ else None)

try:
    raise ExceptionGroup("eg", [ValueError(6)])
except* ValueError:
    try:
        raise KeyError(7)
    except KeyError as k:
        print("plain inside star, context:", describe(k.__context__))
print("done")
