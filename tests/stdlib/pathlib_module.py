# pathlib: pure path arithmetic and real file-system work in a temporary folder.
import os
import pathlib
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

p = PurePosixPath("/usr/local/lib/python3.11/site.py")
print(p, repr(p))
print(p.name, p.stem, p.suffix, p.suffixes, p.parent, p.anchor, p.root, p.drive)
print(p.parts)
print([str(x) for x in p.parents], len(p.parents), p.parents[0], p.parents[-1])
print(p.with_suffix(".pyc"), p.with_name("other.txt"), p.with_stem("main"))
print(p.relative_to("/usr/local"), p.is_absolute(), p.is_relative_to("/usr"), p.is_relative_to("/etc"))
print(PurePosixPath("a/b") / "c" / PurePosixPath("d.tar.gz"), PurePosixPath("a") / "/abs")
print(PurePosixPath("a/b.tar.gz").suffixes, PurePosixPath("a/.hidden").suffix, PurePosixPath(".").name)
print(PurePosixPath("//x/y"), PurePosixPath("///x/y"), PurePosixPath("a//b/./c"), PurePosixPath("a/../b"))
print(PurePosixPath("a/b").match("*/b"), PurePosixPath("a/b").match("a/*"), PurePosixPath("a/b/c.py").match("*.py"))
print(PurePosixPath("a") == PurePosixPath("a"), PurePosixPath("a") < PurePosixPath("b"), hash(PurePosixPath("x")) == hash(PurePosixPath("x")))
print(sorted([PurePosixPath("b"), PurePosixPath("a/c"), PurePosixPath("a")]))
print(PurePath("x/y").as_posix(), type(PurePath("x")).__name__, PurePosixPath("/a/b").as_uri())
print(PurePosixPath("a", "b", "c"), os.fspath(PurePosixPath("q/r")), bytes(PurePosixPath("q")))
w = PureWindowsPath("C:/Users/me/file.TXT")
print(w, w.drive, w.root, w.anchor, w.parts, w.suffix, w.as_posix())
print(PureWindowsPath("c:/a") == PureWindowsPath("C:/A"))
for bad in [lambda: p.relative_to("/etc"), lambda: p.with_suffix("txt"), lambda: PurePosixPath("/").with_name("x"),
            lambda: PurePosixPath("a") / 3, lambda: PurePosixPath("a") < PureWindowsPath("a")]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(isinstance(Path("."), PurePosixPath), type(Path(".")).__name__, issubclass(pathlib.PosixPath, Path))
print(type(Path(".")).__mro__)

import shutil
# (tempfile needs hashlib, not available yet: a folder of our own instead.)
tmp = os.path.join("/tmp", "pathlib_case_%d" % os.getpid())
os.mkdir(tmp)
try:
    root = Path(tmp)
    print(root.exists(), root.is_dir(), root.is_file())
    sub = root / "pkg" / "inner"
    sub.mkdir(parents=True)
    try:
        sub.mkdir()
    except FileExistsError as e:
        print("FileExistsError", e.errno, Path(e.filename).name)
    sub.mkdir(exist_ok=True)
    (root / "pkg" / "a.txt").write_text("hello\nworld\n")
    (root / "pkg" / "b.py").write_text("print(1)\n")
    (sub / "c.py").write_bytes(b"x = 1\n" * 10)
    (sub / "d.txt").write_text("ü" * 3, encoding="utf-8")
    print((root / "pkg" / "a.txt").read_text().splitlines(), (sub / "d.txt").read_text(encoding="utf-8"))
    print((sub / "c.py").read_bytes()[:6], (sub / "c.py").stat().st_size, (sub / "d.txt").stat().st_size)
    print(sorted(x.name for x in (root / "pkg").iterdir()))
    print(sorted(str(x.relative_to(root)) for x in root.glob("pkg/*.py")))
    print(sorted(str(x.relative_to(root)) for x in root.rglob("*.py")))
    print(sorted(str(x.relative_to(root)) for x in root.glob("**/*.txt")))
    print(sorted(str(x.relative_to(root)) for x in root.glob("**")))
    f = root / "pkg" / "a.txt"
    print(f.exists(), f.is_file(), f.is_dir(), f.suffix, f.with_suffix(".md").name)
    g = f.rename(root / "pkg" / "renamed.txt")
    print(g.name, f.exists(), g.exists())
    with g.open() as fh:
        print(fh.readline().strip())
    with (root / "new.txt").open("w") as fh:
        fh.write("abc")
    print((root / "new.txt").read_text(), (root / "new.txt").samefile(root / "pkg" / ".." / "new.txt"))
    (root / "new.txt").unlink()
    print((root / "new.txt").exists())
    try:
        (root / "new.txt").unlink()
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno)
    (root / "new.txt").unlink(missing_ok=True)
    (root / "touched").touch()
    print((root / "touched").stat().st_size, (root / "touched").is_file())
    for x in sorted(sub.iterdir()):
        x.unlink()
    sub.rmdir()
    print(sorted(x.name for x in (root / "pkg").iterdir()))
    try:
        (root / "pkg").rmdir()
    except OSError as e:
        print(type(e).__name__, e.errno)
    print(Path(tmp).resolve() == root.resolve(), root.absolute().is_absolute())
    print(Path("~").expanduser() == Path.home(), Path(".").resolve() == Path.cwd())
finally:
    shutil.rmtree(tmp)
print(Path(tmp).exists())
