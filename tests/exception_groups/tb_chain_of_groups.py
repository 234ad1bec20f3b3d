# Chains that go through groups: a group raised while handling another
# (context), a group raised from a leaf (cause), a leaf whose own context is
# a group, and from None on a group.
def boom(i):
    raise ValueError(f"boom {i}")


def group_of(n, msg):
    errs = []
    for i in range(n):
        try:
            boom(i)
        except ValueError as e:
            errs.append(e)
    return ExceptionGroup(msg, errs)


def leaf_with_group_context():
    try:
        raise group_of(2, "first")
    except ExceptionGroup:
        raise KeyError("leaf")


def group_from_leaf():
    try:
        leaf_with_group_context()
    except KeyError as e:
        raise group_of(1, "second") from e


try:
    group_from_leaf()
except ExceptionGroup as eg:
    try:
        raise ExceptionGroup("third", [eg]) from None
    except ExceptionGroup as third:
        import traceback
        print("".join(traceback.format_exception(third)), end="")

group_from_leaf()
