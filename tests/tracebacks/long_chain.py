# A long chain of contexts (each handler raises the next error) printed in
# full, oldest first.
def fail(n):
    if n == 0:
        raise ValueError("root")
    try:
        fail(n - 1)
    except Exception as e:
        raise RuntimeError(f"level {n}") from (e if n % 3 == 0 else None) if n % 5 == 0 else RuntimeError(f"level {n}")


def chain(n):
    try:
        fail(0)
    except ValueError:
        pass
    err = None
    for i in range(n):
        try:
            try:
                raise err if err else KeyError(i)
            except Exception:
                raise LookupError(f"step {i}")
        except LookupError as e:
            err = e
    raise err


chain(8)
