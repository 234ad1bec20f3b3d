# KeyboardInterrupt raised in code: not caught by `except Exception`, caught
# by BaseException handlers, printed with its traceback, exit status 1.
import traceback


def work():
    raise KeyboardInterrupt


try:
    try:
        work()
    except Exception:
        print("not here")
except BaseException as e:
    print("caught", type(e).__name__, repr(e), e.args)
    traceback.print_exc()

try:
    raise KeyboardInterrupt("with text")
except KeyboardInterrupt as e:
    print(str(e))


def deeper():
    try:
        work()
    finally:
        print("finally")


deeper()
