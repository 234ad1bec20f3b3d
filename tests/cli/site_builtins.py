# site's builtins: exit, quit and help, and exit() raising SystemExit.
import builtins
print(repr(exit), repr(quit), type(exit).__name__)
print(repr(help))
try:
    exit(3)
except SystemExit as e:
    print("SystemExit", e.code)
quit("bye")
