# An uncaught BaseExceptionGroup containing SystemExit is printed like any
# group (not treated as SystemExit): exit status 1.
import sys


def quit_with(code):
    sys.exit(code)


errors = []
for code in (3, "text"):
    try:
        quit_with(code)
    except SystemExit as e:
        errors.append(e)
raise BaseExceptionGroup("exits", errors + [KeyboardInterrupt()])
