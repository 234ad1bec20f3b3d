import os
import shutil

base = "_tmp_shutil"
os.makedirs(os.path.join(base, "src", "inner"))
try:
    with open(os.path.join(base, "src", "a.txt"), "w") as f:
        f.write("alpha")
    with open(os.path.join(base, "src", "inner", "b.txt"), "w") as f:
        f.write("beta" * 100)
    shutil.copyfile(os.path.join(base, "src", "a.txt"), os.path.join(base, "copy.txt"))
    print(open(os.path.join(base, "copy.txt")).read())
    shutil.copy(os.path.join(base, "src", "a.txt"), os.path.join(base, "src", "inner"))
    shutil.copy2(os.path.join(base, "src", "a.txt"), os.path.join(base, "copy2.txt"))
    print(os.stat(os.path.join(base, "copy2.txt")).st_mtime == os.stat(os.path.join(base, "src", "a.txt")).st_mtime)
    shutil.copytree(os.path.join(base, "src"), os.path.join(base, "tree"))
    for root, dirs, files in os.walk(os.path.join(base, "tree")):
        dirs.sort()
        print(root, sorted(files))
    shutil.move(os.path.join(base, "tree"), os.path.join(base, "moved"))
    print(sorted(os.listdir(base)))
    shutil.rmtree(os.path.join(base, "moved"))
    print(sorted(os.listdir(base)))
    try:
        shutil.rmtree(os.path.join(base, "missing"))
    except FileNotFoundError as e:
        print("FileNotFoundError", e.filename)
    shutil.rmtree(os.path.join(base, "missing"), ignore_errors=True)
    print(shutil.which("sh") is not None, shutil.which("no-such-program-here"))
    usage = shutil.disk_usage(".") if hasattr(os, "statvfs") else None
    print(type(shutil.get_terminal_size()).__name__)
finally:
    shutil.rmtree(base)
print(os.path.exists(base))
