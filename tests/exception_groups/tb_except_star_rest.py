# The unhandled rest of an except* propagates with the original traceback,
# merged with exceptions raised in the handlers.
def work():
    errors = []
    for i in range(4):
        try:
            if i % 2:
                raise ValueError(i)
            raise OSError(i)
        except Exception as e:
            errors.append(e)
    raise ExceptionGroup("work failed", errors)


def main():
    try:
        work()
    except* OSError as e:
        raise RuntimeError("could not recover") from e.exceptions[0]


main()
