import glob
import os

base = "_tmp_glob"
os.makedirs(os.path.join(base, "sub", "deep"))
try:
    for name in ["a.py", "b.py", "c.txt", ".hidden.py", "sub/d.py", "sub/deep/e.py", "sub/f.txt"]:
        open(os.path.join(base, name), "w").close()
    print(sorted(glob.glob(os.path.join(base, "*.py"))))
    print(sorted(glob.glob(os.path.join(base, "*"))))
    print(sorted(glob.glob(os.path.join(base, "**", "*.py"), recursive=True)))
    print(sorted(glob.glob("**/*.txt", root_dir=base, recursive=True)))
    print(sorted(glob.glob(os.path.join(base, "?.py"))), sorted(glob.glob(os.path.join(base, "[ab].*"))))
    print(sorted(glob.iglob(os.path.join(base, "sub", "*"))))
    print(glob.glob(os.path.join(base, "nothing*")), glob.escape("a*b?[c]"), glob.has_magic("a*"))
finally:
    for root, dirs, files in os.walk(base, topdown=False):
        for f in files:
            os.remove(os.path.join(root, f))
        for d in dirs:
            os.rmdir(os.path.join(root, d))
    os.rmdir(base)
