import os
import os.path
import posixpath

for p in ["/usr/lib/python", "usr/lib/", "file.tar.gz", ".hidden", "/", "", "a/b/../c/./d", "//double//slash/", "~/x"]:
    print(repr(p), posixpath.split(p), posixpath.splitext(p), posixpath.basename(p), posixpath.dirname(p),
          posixpath.normpath(p), posixpath.isabs(p))
print(posixpath.join("a", "b", "c"), posixpath.join("/a", "/b", "c"), posixpath.join("a/", "b"), posixpath.join(b"a", b"b"))
print(posixpath.commonpath(["/usr/lib", "/usr/local/lib"]), posixpath.commonprefix(["interview", "internet"]))
print(posixpath.relpath("/a/b/c", "/a/d"), posixpath.relpath("a/b", "a"))
print(posixpath.splitdrive("/x/y"), posixpath.normcase("AbC"))
print(posixpath.abspath("x") == os.path.join(os.getcwd(), "x"))
print(os.path.exists("os_path.py"), os.path.isfile("os_path.py"), os.path.isdir("."), os.path.isdir("os_path.py"))
print(os.path.exists("no-such-file"), os.path.lexists("no-such-file"), os.path.islink("os_path.py"), os.path.ismount("/"))
print(os.path.getsize("os_path.py") > 0, os.path.samefile("os_path.py", "./os_path.py"))
home = os.environ.get("HOME")
os.environ["HOME"] = "/home/someone"
print(os.path.expanduser("~/docs"), os.path.expanduser("nothing"))
if home is None:
    del os.environ["HOME"]
else:
    os.environ["HOME"] = home
os.environ["PYRITE_X"] = "expanded"
print(os.path.expandvars("$PYRITE_X/${PYRITE_X}/$NOT_SET_ANYWHERE"))
del os.environ["PYRITE_X"]
for bad in [lambda: posixpath.join("a", b"b"), lambda: posixpath.join(1), lambda: os.path.exists(1.5)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
