# format_exception of what escapes an except* with several raising handlers:
# the merged group, each new exception's context box, and the unhandled rest.
import traceback


def run():
    try:
        raise ExceptionGroup("work", [ValueError("v"), TypeError("t"), OSError("o")])
    except* ValueError:
        raise KeyError("from value handler")
    except* TypeError as tg:
        raise RuntimeError("from type handler") from tg


try:
    run()
except ExceptionGroup as eg:
    print("".join(traceback.format_exception(eg)), end="")
    print(repr(eg), [repr(e) for e in eg.exceptions])
run()
