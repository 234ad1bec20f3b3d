def fail(n):
    if n:
        return fail(n - 1)
    return {}["missing"] + 1
