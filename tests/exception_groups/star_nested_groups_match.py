# except* on nested groups keeps the nesting of what it matches and of the
# rest; empty sub-groups disappear; leaf identity is preserved.
def shape(g):
    if isinstance(g, BaseExceptionGroup):
        return f"{g.message}[" + ", ".join(shape(e) for e in g.exceptions) + "]"
    return f"{type(g).__name__}({g.args[0]})"


v1, v2, t1, k1 = ValueError(1), ValueError(2), TypeError(3), KeyError(4)
eg = ExceptionGroup("top", [ExceptionGroup("a", [v1, t1]), ExceptionGroup("b", [ExceptionGroup("c", [v2])]), k1])
try:
    try:
        raise eg
    except* ValueError as g:
        print("matched:", shape(g))
        print("same leaves:", g.exceptions[0].exceptions[0] is v1, g.exceptions[1].exceptions[0].exceptions[0] is v2)
    except* KeyError as g:
        print("keys:", shape(g))
except ExceptionGroup as rest:
    print("rest:", shape(rest), rest.exceptions[0].exceptions[0] is t1)
    print(rest.__traceback__ is not None, rest is eg)

try:
    try:
        raise eg
    except* (ValueError, TypeError, KeyError) as g:
        print("all:", shape(g), g is eg)
except ExceptionGroup:
    print("not reached")
