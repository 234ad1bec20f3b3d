# sys.argv holds the script path as given and its arguments, nothing of the interpreter's own options.
import sys
print(sys.argv, len(sys.argv), type(sys.argv).__name__)
print(sys.argv[0].endswith("sys_argv.py"), all(isinstance(a, str) for a in sys.argv))
sys.argv.append("appended")
print(sys.argv[1:])
