# -E: PYTHON* variables are ignored, though still in os.environ.
import os, sys
f = sys.flags
print(f.ignore_environment, f.optimize, f.dont_write_bytecode, f.safe_path, __debug__)
print(any(p.endswith("_pythonpath") for p in sys.path), os.environ["PYTHONSAFEPATH"])
print(sys.path[0] == os.path.dirname(os.path.abspath(__file__)))
