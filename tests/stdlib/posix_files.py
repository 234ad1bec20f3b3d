# File and directory operations through the posix module, in a private folder.
import posix
import stat

base = "_tmp_posix_files"
posix.mkdir(base)
try:
    f = base + "/data.bin"
    fd = posix.open(f, posix.O_WRONLY | posix.O_CREAT | posix.O_TRUNC, 0o644)
    print("write", posix.write(fd, b"hello world\n"), posix.write(fd, b"second"))
    print("inheritable", posix.get_inheritable(fd))
    posix.set_inheritable(fd, True)
    print("inheritable now", posix.get_inheritable(fd))
    print("blocking", posix.get_blocking(fd))
    posix.close(fd)
    st = posix.stat(f)
    print("size", st.st_size, st[6], stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode))
    print("mode", oct(stat.S_IMODE(st.st_mode) & 0o700))
    print("times", type(st.st_mtime).__name__, type(st.st_mtime_ns).__name__, st.st_mtime_ns // 10**9 == st[8])
    fd = posix.open(f, posix.O_RDWR)
    print("read", posix.read(fd, 5), posix.read(fd, 100), posix.read(fd, 10))
    print("lseek", posix.lseek(fd, 6, 0), posix.read(fd, 5))
    print("lseek end", posix.lseek(fd, -3, 2), posix.read(fd, 10))
    posix.ftruncate(fd, 4)
    print("fstat size", posix.fstat(fd).st_size)
    fd2 = posix.dup(fd)
    print("dup differs", fd2 != fd, posix.get_inheritable(fd2))
    posix.close(fd2)
    posix.close(fd)
    print("isatty", posix.isatty(fd) if False else "skip")
    posix.truncate(f, 2)
    print("after truncate", posix.stat(f).st_size)

    # directories
    posix.mkdir(base + "/sub")
    posix.mkdir(base + "/sub/deeper", 0o755)
    for name in ["b.txt", "a.txt", "c.txt"]:
        fd = posix.open(base + "/sub/" + name, posix.O_CREAT | posix.O_WRONLY, 0o600)
        posix.write(fd, name.encode() + name.encode() + name.encode())
        posix.close(fd)
    print("listdir", sorted(posix.listdir(base + "/sub")))
    print("listdir bytes", sorted(posix.listdir((base + "/sub").encode())))
    with posix.scandir(base + "/sub") as it:
        entries = sorted(it, key=lambda e: e.name)
    for e in entries:
        print("entry", e.name, e.path == base + "/sub/" + e.name, e.is_dir(), e.is_file(), e.is_symlink(),
              e.stat().st_size, e.inode() == posix.stat(e.path).st_ino, repr(e))
    print("fspath", posix.fspath(entries[0]) == entries[0].path)

    # rename / replace / link / symlink / readlink
    posix.rename(base + "/sub/a.txt", base + "/sub/a2.txt")
    posix.replace(base + "/sub/b.txt", base + "/sub/a2.txt")
    print("after rename", sorted(posix.listdir(base + "/sub")))
    posix.link(base + "/sub/a2.txt", base + "/sub/hard.txt")
    print("nlink", posix.stat(base + "/sub/hard.txt").st_nlink)
    posix.symlink("a2.txt", base + "/sub/soft")
    print("readlink", posix.readlink(base + "/sub/soft"), posix.readlink((base + "/sub/soft").encode()))
    print("lstat is link", stat.S_ISLNK(posix.lstat(base + "/sub/soft").st_mode),
          stat.S_ISLNK(posix.stat(base + "/sub/soft").st_mode))
    print("stat no follow", stat.S_ISLNK(posix.stat(base + "/sub/soft", follow_symlinks=False).st_mode))
    with posix.scandir(base + "/sub") as it:
        for e in sorted(it, key=lambda e: e.name):
            if e.name == "soft":
                print("soft entry", e.is_symlink(), e.is_file(), e.is_file(follow_symlinks=False))

    # chmod / access / utime
    posix.chmod(base + "/sub/c.txt", 0o400)
    print("chmod", oct(stat.S_IMODE(posix.stat(base + "/sub/c.txt").st_mode)))
    print("access", posix.access(base + "/sub/c.txt", posix.R_OK), posix.access(base + "/nope", posix.F_OK))
    posix.utime(base + "/sub/c.txt", (1000000000, 1234567890))
    st = posix.stat(base + "/sub/c.txt")
    print("utime", st.st_atime, st.st_mtime, st[7], st[8])
    posix.utime(base + "/sub/c.txt", ns=(5 * 10**9 + 5, 7 * 10**9 + 250))
    st = posix.stat(base + "/sub/c.txt")
    print("utime ns", st.st_atime_ns, st.st_mtime_ns)
    posix.chmod(base + "/sub/c.txt", 0o600)

    # pipes
    r, w = posix.pipe()
    posix.write(w, b"through the pipe")
    posix.close(w)
    print("pipe", posix.read(r, 100), posix.read(r, 100))
    posix.close(r)

    # cwd
    old = posix.getcwd()
    posix.chdir(base)
    print("cwd ends", posix.getcwd().endswith(base), posix.getcwdb()[-len(base):] == base.encode())
    print("relative listdir", sorted(posix.listdir()), sorted(posix.listdir(".")))
    posix.chdir(old)
    print("cwd back", posix.getcwd() == old)
finally:
    # clean up, deepest first
    def rmtree(p):
        for name in posix.listdir(p):
            full = p + "/" + name
            if stat.S_ISDIR(posix.lstat(full).st_mode):
                rmtree(full)
            else:
                posix.unlink(full)
        posix.rmdir(p)
    rmtree(base)
print("cleaned", base in posix.listdir("."))
