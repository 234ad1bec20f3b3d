# Tracebacks that pass through an imported module and through exec/eval
# code ("<string>" frames have no source line).
import sys
import traceback

from _support import failing_module


def run(f):
    try:
        f()
    except Exception:
        traceback.print_exc(file=sys.stdout)


run(lambda: failing_module.parse_config("a=b"))
run(lambda: failing_module.parse_config("novalue"))
run(lambda: failing_module.divide_all([1, 2], 0))
run(lambda: exec("x = 1\ny = x / 0\n"))
run(lambda: eval("[1, 2][5]"))
namespace = {}
exec("def helper(v):\n    return v['missing']\n", namespace)
run(lambda: namespace["helper"]({}))
failing_module.parse_config("k = 1.5")
