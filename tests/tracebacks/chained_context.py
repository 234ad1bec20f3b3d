# "During handling of the above exception, another exception occurred:" twice.
def cleanup():
    raise OSError("cleanup failed")


def work():
    try:
        1 / 0
    except ZeroDivisionError:
        try:
            cleanup()
        except OSError:
            raise RuntimeError("giving up")


work()
