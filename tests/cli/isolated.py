# -I: environment ignored, no script folder in sys.path, no user site.
import os, sys
f = sys.flags
print(f.isolated, f.ignore_environment, f.safe_path, f.no_user_site, f.optimize)
here = os.path.dirname(os.path.abspath(__file__))
print(here in sys.path, any(p.endswith("_pythonpath") for p in sys.path))
print(os.environ.get("PYTHONOPTIMIZE"))
try:
    import _opt_helper
except ImportError as e:
    print(type(e).__name__, e)
