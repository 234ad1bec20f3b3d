# 'single' mode: expression statements go through sys.displayhook, which sets builtins._.
import sys, builtins

def run(src):
    exec(compile(src, "<single>", "single"), {"__builtins__": builtins})

run("1 + 2")
run("'text'")
run("None")
run("x = 5")
run("[i * i for i in range(4)]")
run("if True:\n    'in block'\n    42\n")
run("for i in range(2): i")
run("def f(): return 1\n")
print("underscore:", builtins._)

calls = []
def hook(value):
    calls.append(value)
sys.displayhook = hook
run("10")
run("None")
run("(1, 2)")
sys.displayhook = sys.__displayhook__
print(calls)

class Loud:
    def __repr__(self):
        return "<Loud>"
run("Loud()")
print(type(builtins._).__name__)

class BadRepr:
    def __repr__(self):
        raise ValueError("repr failed")
try:
    run("BadRepr()")
except ValueError as e:
    print("ValueError", e)

# displayhook called directly
sys.displayhook(123)
print(builtins._)
sys.displayhook(None)
print(builtins._)
try:
    sys.displayhook()
except TypeError as e:
    print("TypeError", e)

# displayhook writes to sys.stdout, which may be replaced
class Capture:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
cap = Capture()
old = sys.stdout
sys.stdout = cap
run("'captured'")
sys.stdout = old
print(cap.parts)

# without sys.displayhook
saved = sys.displayhook
del sys.displayhook
try:
    run("1")
except RuntimeError as e:
    print("RuntimeError", e)
sys.displayhook = saved

# 'single' rejects multiple statements and incomplete input
for src in ["a = 1\nb = 2", "if True:", "1 +", ""]:
    try:
        compile(src, "<single>", "single")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), "SyntaxError", e.msg)
