# PYTHONPATH entries follow the script's folder in sys.path, made absolute.
import os, sys
here = os.path.dirname(os.path.abspath(__file__))
print(sys.path[0] == here)
print([os.path.relpath(p, here) for p in sys.path[1:3]])
import pp_module
print(pp_module.NAME, os.path.relpath(pp_module.__file__, here))
