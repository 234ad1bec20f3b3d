# -X no_debug_ranges and PYTHONNODEBUGRANGES: code objects carry no columns
# (co_positions gives None for them, co_linetable holds line-only entries) and
# tracebacks have no carets; _testinternalcapi.get_config() says so.
import os
import subprocess
import sys
import tempfile

PROGRAM = r'''
import sys, traceback, _testinternalcapi
def f(a, b):
    return a[b] + a[b] * 2
print("code_debug_ranges:", _testinternalcapi.get_config()["code_debug_ranges"])
print(sorted(set(p[2:] for p in f.__code__.co_positions())))
print(f.__code__.co_linetable.hex())
g = eval("lambda x: x.y.z")
print(list(g.__code__.co_positions())[-3:])
try:
    f({}, "k")
except KeyError:
    traceback.print_exc(file=sys.stdout)
f([1], 1)
'''

script = os.path.join(tempfile.mkdtemp(), "prog.py")
with open(script, "w") as f:
    f.write(PROGRAM)

for label, args, env in [
    ("default", [], {}),
    ("-X no_debug_ranges", ["-X", "no_debug_ranges"], {}),
    ("PYTHONNODEBUGRANGES=1", [], {"PYTHONNODEBUGRANGES": "1"}),
    ("PYTHONNODEBUGRANGES with -E", ["-E"], {"PYTHONNODEBUGRANGES": "1"}),
]:
    print("==", label)
    environ = dict(os.environ)
    environ.pop("PYTHONNODEBUGRANGES", None)
    environ.update(env)
    proc = subprocess.run([sys.executable, *args, script], capture_output=True, text=True, env=environ)
    print(proc.stdout.replace(script, "SCRIPT"), end="")
    print(proc.stderr.replace(script, "SCRIPT"), end="")
    print("exit status", proc.returncode)

os.remove(script)
os.rmdir(os.path.dirname(script))
