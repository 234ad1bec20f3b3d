# Exception groups with plain except clauses: `except ExceptionGroup` and
# `except Exception` catch the whole group, a leaf type does not; groups in
# `with` blocks and __exit__ seeing the group.
class Watch:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        print("exit:", t.__name__ if t else None, isinstance(v, BaseExceptionGroup))
        return False


eg = ExceptionGroup("eg", [ValueError(1)])
for handler in ("ValueError", "ExceptionGroup", "Exception", "BaseExceptionGroup", "(ValueError, ExceptionGroup)"):
    try:
        try:
            raise eg
        except eval(handler):
            print(handler, "catches the group")
    except ExceptionGroup:
        print(handler, "does not")
try:
    with Watch():
        raise eg
except ExceptionGroup as e:
    print("after with:", e is eg)
print(isinstance(eg, ValueError), issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))
