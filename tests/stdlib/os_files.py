# os-level file work in a private folder: makedirs, walk, scandir, stat, rename, remove.
import os
import stat

base = "_tmp_os_files"
os.makedirs(os.path.join(base, "a", "b", "c"))
os.makedirs(os.path.join(base, "a", "b"), exist_ok=True)
try:
    os.makedirs(os.path.join(base, "a"))
except FileExistsError as e:
    print("FileExistsError", e)
try:
    for name, data in [("a/one.txt", b"1"), ("a/b/two.txt", b"22"), ("a/b/c/three.txt", b"333"), ("top.txt", b"top")]:
        fd = os.open(os.path.join(base, name), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.write(fd, data)
        os.close(fd)
    for root, dirs, files in os.walk(base):
        dirs.sort()
        print("walk", root, sorted(dirs), sorted(files))
    for root, dirs, files in os.walk(base, topdown=False):
        print("bottom-up", root, sorted(files))
    with os.scandir(base) as it:
        for e in sorted(it, key=lambda e: e.name):
            print("scandir", e.name, e.is_dir(), e.is_file(), e.stat().st_size if e.is_file() else "-")
    print(sorted(os.listdir(base)))
    st = os.stat(os.path.join(base, "top.txt"))
    print(st.st_size, stat.S_ISREG(st.st_mode), os.path.getsize(os.path.join(base, "top.txt")))
    os.rename(os.path.join(base, "top.txt"), os.path.join(base, "renamed.txt"))
    print(os.path.exists(os.path.join(base, "top.txt")), os.path.exists(os.path.join(base, "renamed.txt")))
    os.symlink("renamed.txt", os.path.join(base, "link"))
    print(os.path.islink(os.path.join(base, "link")), os.readlink(os.path.join(base, "link")))
    print(os.path.realpath(os.path.join(base, "link")) == os.path.realpath(os.path.join(base, "renamed.txt")))
    os.chmod(os.path.join(base, "renamed.txt"), 0o600)
    print(oct(stat.S_IMODE(os.stat(os.path.join(base, "renamed.txt")).st_mode)))
    os.utime(os.path.join(base, "renamed.txt"), (100, 200))
    print(os.path.getmtime(os.path.join(base, "renamed.txt")), os.path.getatime(os.path.join(base, "renamed.txt")))
    try:
        os.remove(os.path.join(base, "nope"))
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno, e.filename)
    try:
        os.rmdir(os.path.join(base, "a"))
    except OSError as e:
        print(type(e).__name__, e.errno)
    fd = os.open(os.path.join(base, "renamed.txt"), os.O_RDONLY)
    with os.fdopen(fd, "rb") as f:
        print(f.read())
    print(os.sep, os.curdir, os.pardir, os.extsep, os.altsep, os.linesep == "\n", os.name, os.devnull)
    print(os.fsencode("abc"), os.fsdecode(b"abc"), os.fspath(os.path.join("x", "y")))
    print(os.supports_fd >= set(), os.stat in os.supports_dir_fd, os.stat in os.supports_follow_symlinks)
    print(os.get_exec_path(env={"PATH": "/a:/b"}))
    print(os.cpu_count() > 0, os.getpid() > 0, type(os.getcwd()).__name__, type(os.urandom(4)).__name__, len(os.urandom(7)))
    print(os.strerror(2), os.umask(0o22) >= 0)
finally:
    for root, dirs, files in os.walk(base, topdown=False):
        for f in files:
            os.unlink(os.path.join(root, f))
        for d in dirs:
            p = os.path.join(root, d)
            if os.path.islink(p):
                os.unlink(p)
            else:
                os.rmdir(p)
    os.rmdir(base)
print(os.path.exists(base))
