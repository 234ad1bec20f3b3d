# A sys.excepthook that itself raises: CPython prints "Error in
# sys.excepthook:", the hook's error, then "Original exception was:" and the
# original traceback.
import sys


def bad_hook(t, v, tb):
    raise RuntimeError("the hook broke")


sys.excepthook = bad_hook
raise ValueError("original")
