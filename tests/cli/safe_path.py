# -P: the script's folder is not put in front of sys.path.
import os, sys
here = os.path.dirname(os.path.abspath(__file__))
print(sys.flags.safe_path, here in sys.path)
try:
    import _opt_helper
    print("imported")
except ImportError as e:
    print(type(e).__name__, e)
