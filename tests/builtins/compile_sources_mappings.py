# compile()/eval()/exec() inputs: bytes-like sources and file names, null
# bytes, the int digit limit on literals, and exec() with a non-dict locals
# mapping (dir() asks it for keys()).
import sys
import warnings


class M:
    def __getitem__(self, key):
        if key == "a":
            return 12
        raise KeyError(key)

    def __setitem__(self, key, value):
        self.results = (key, value)

    def keys(self):
        return list("zyx")


m = M()
g = {"__name__": "exec_ns"}
exec("z = a", g, m)
print(m.results)
try:
    exec("z = b", g, m)
except NameError as e:
    print("NameError", e)
exec("z = dir()", g, m)
print(m.results)
exec("z = locals()", g, m)
print(m.results[1] is m)
for bad in [lambda: exec("z = b", m), lambda: exec("z = a", g, object())]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)

for filename in ["file.py", b"file.py", bytearray(b"file.py"), memoryview(b"file.py"), list(b"file.py")]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            print(compile("pass", filename, "exec").co_filename, [str(w.message) for w in caught])
        except TypeError as e:
            print("TypeError", e)

for src in ["123\x00", b"123\x00", memoryview(b"123\x00"), bytearray(b"1\x002")]:
    try:
        compile(src, "<dummy>", "eval")
    except SyntaxError as e:
        print("SyntaxError", e)
print(eval(compile(memoryview(b"123\x00")[1:-1], "<dummy>", "eval")))
print(eval(memoryview(b"1234")[1:-1]), eval(bytearray(b"6*7")))
ns = {}
exec(memoryview(b"x = 5 * 5"), ns)
print(ns["x"])

source = "a = 1\nb = 2\nc = " + "3" * 3000 + "\nd = 4"
sys.set_int_max_str_digits(3000)
compile(source, "<long_int_pass>", "exec")
sys.set_int_max_str_digits(2999)
try:
    compile(source, "<long_int_fail>", "exec")
except SyntaxError as e:
    print(e.lineno, e.offset, e.msg)
sys.set_int_max_str_digits(0)
print(len(str(eval("9" * 5000))))
sys.set_int_max_str_digits(4300)
try:
    eval("1" * 4301)
except SyntaxError as e:
    print(e.msg[:40])
print(eval("0x" + "f" * 5000) > 0)
