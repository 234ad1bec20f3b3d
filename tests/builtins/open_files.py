# open(): write, read, append, iteration, modes, errors.
import sys
path = "_tmp_open_files.txt"
with open(path, "w") as f:
    n = f.write("first line\nsecond line\n")
    f.write("third")
print(n)
with open(path) as f:
    print(repr(f.read()))
with open(path) as f:
    print(f.readline(), end="")
    print(repr(f.readline()))
    print(f.readlines())
with open(path) as f:
    print([line.rstrip("\n") for line in f])
with open(path, "a") as f:
    print("appended", file=f)
with open(path, "r", encoding="utf-8") as f:
    print(f.read().splitlines())
with open(path, "rb") as f:
    data = f.read()
print(data[:10], type(data).__name__, len(data))
with open(path, "wb") as f:
    f.write("héllo\n".encode())
with open(path, encoding="utf-8") as f:
    print(f.read(), end="")
f = open(path)
print(f.closed, f.name, f.mode)
f.close()
print(f.closed)
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
try:
    open("_definitely_missing_file.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno, e.strerror, e.filename)
try:
    open(path, "q")
except ValueError as e:
    print("ValueError:", e)
with open(path, "w") as f:
    f.writelines(["a\n", "b\n"])
with open(path) as f:
    print(f.read(1), f.read(2), repr(f.read()))
with open(path, "w") as f:
    pass
with open(path) as f:
    print(repr(f.read()))
print(isinstance(FileNotFoundError(), OSError), issubclass(FileNotFoundError, OSError))
open(path, "w").close()
