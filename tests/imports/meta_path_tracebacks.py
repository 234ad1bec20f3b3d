# With a finder of the program's own in sys.meta_path, imports run through
# importlib's Python code; the import statement hides importlib's frames as CPython's does.
import sys
class Finder:
    def find_spec(self, fullname, path, target=None):
        return None
sys.meta_path.insert(0, Finder())
import traceback
try:
    import _il_bad
except ValueError:
    traceback.print_exc()
try:
    import nonexistent_mod_q
except ImportError:
    traceback.print_exc()
import importlib
try:
    importlib.import_module('_il_bad')
except ValueError:
    traceback.print_exc()
class Loud:
    def find_spec(self, fullname, path, target=None):
        if fullname == "_il_loud":
            raise RuntimeError("finder failed for " + fullname)
sys.meta_path.insert(0, Loud())
try:
    import _il_loud
except RuntimeError:
    traceback.print_exc()
import _il_bad
