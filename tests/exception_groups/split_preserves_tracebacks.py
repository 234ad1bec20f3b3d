# The parts made by split() keep each leaf's own traceback object, and the
# groups share the original group's traceback; printing a part shows them.
import traceback


def fail(i):
    raise (ValueError if i % 2 else TypeError)(i)


errors = []
for i in range(4):
    try:
        fail(i)
    except Exception as e:
        errors.append(e)
try:
    raise ExceptionGroup("batch", errors)
except ExceptionGroup as eg:
    values, others = eg.split(ValueError)
    print(values.__traceback__ is eg.__traceback__, others.__traceback__ is eg.__traceback__)
    print(all(a is b for a, b in zip(values.exceptions, [errors[1], errors[3]])))
    print("".join(traceback.format_exception(values)), end="")
    raise others
