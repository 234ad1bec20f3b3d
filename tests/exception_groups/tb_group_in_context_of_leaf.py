# A leaf raised while a group was being handled: the group is printed as the
# leaf's context box by box, then the leaf's own plain traceback.
def failing_batch():
    errors = []
    for i in range(2):
        try:
            [][i]
        except IndexError as e:
            errors.append(e)
    raise ExceptionGroup("batch failed", errors)


def recover():
    try:
        failing_batch()
    except ExceptionGroup as eg:
        eg.add_note("while recovering")
        return {}["fallback"]


recover()
