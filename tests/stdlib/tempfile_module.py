import os
import tempfile

d = tempfile.mkdtemp(prefix="pyrite-", suffix="-test", dir=".")
print(os.path.isdir(d), os.path.basename(d).startswith("pyrite-"), d.endswith("-test"))
fd, path = tempfile.mkstemp(dir=d, suffix=".txt")
os.write(fd, b"temp data")
os.close(fd)
print(os.path.getsize(path), path.endswith(".txt"), os.path.dirname(path) == d)
os.unlink(path)
os.rmdir(d)
print(os.path.exists(d))
with tempfile.TemporaryDirectory(dir=".") as td:
    p = os.path.join(td, "f")
    with open(p, "w") as f:
        f.write("hello")
    print(os.listdir(td))
print(os.path.exists(td))
with tempfile.NamedTemporaryFile("w+", dir=".", delete=True) as f:
    f.write("named")
    f.seek(0)
    print(f.read(), os.path.exists(f.name))
print(os.path.exists(f.name))
with tempfile.TemporaryFile() as f:
    f.write(b"anon")
    f.seek(0)
    print(f.read())
print(type(tempfile.gettempdir()).__name__, tempfile.gettempprefix())
