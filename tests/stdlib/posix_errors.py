# OSError subclasses chosen by errno, their attributes and messages, and the
# TypeErrors of path arguments.
import posix
import errno

def show(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        extra = ""
        if isinstance(e, OSError):
            extra = " | errno=%r strerror=%r filename=%r filename2=%r args=%r" % (
                e.errno, e.strerror, e.filename, e.filename2, e.args)
        print(type(e).__name__ + ":", e, extra)
    else:
        print("ok", r)

base = "_tmp_posix_errors"
show(posix.stat, "no/such/file")
show(posix.stat, b"no/such/file")
show(posix.lstat, "missing")
show(posix.open, "missing", posix.O_RDONLY)
show(posix.listdir, "missing-dir")
show(posix.rmdir, "missing-dir")
show(posix.unlink, "missing")
show(posix.remove, "missing")
show(posix.rename, "missing", "other")
show(posix.replace, "missing", "other")
show(posix.readlink, "missing")
show(posix.chdir, "missing")
show(posix.chmod, "missing", 0o644)
show(posix.utime, "missing")
show(posix.mkdir, ".")
show(posix.rmdir, "posix_errors.py")
show(posix.listdir, "posix_errors.py")
show(posix.open, ".", posix.O_WRONLY)
show(posix.close, 9999)
show(posix.read, 9999, 10)
show(posix.write, 9999, b"x")
show(posix.fstat, 9999)
show(posix.lseek, 9999, 0, 0)
show(posix.kill, 2**22 + 7, 0)
posix.mkdir(base)
try:
    show(posix.mkdir, base)
    show(posix.rmdir, ".")
    fd = posix.open(base + "/f", posix.O_CREAT | posix.O_WRONLY, 0o644)
    posix.close(fd)
    show(posix.open, base + "/f", posix.O_CREAT | posix.O_EXCL | posix.O_WRONLY)
    show(posix.symlink, "x", base + "/f")
    show(posix.link, base + "/f", base + "/f")
    show(posix.rename, base, base + "/f/inside")
    posix.unlink(base + "/f")
finally:
    posix.rmdir(base)

print("-- argument types")
for bad in [1.5, None, [1], object()]:
    show(posix.stat, bad)
    show(posix.lstat, bad)
    show(posix.mkdir, bad)
show(posix.listdir, 2.5)
show(posix.scandir, 2.5)
show(posix.stat, "a\0b")
show(posix.stat, b"a\0b")
show(posix.open, "x\0", 0)
show(posix.rename, "a", b"b")
show(posix.write, 1, "text")
show(posix.read, 0, -1)
show(posix.fspath, 3)
show(posix.fspath, "plain")
show(posix.fspath, b"bytes")

class P:
    def __init__(self, p): self.p = p
    def __fspath__(self): return self.p

class Bad:
    def __fspath__(self): return 42

show(posix.fspath, P("from-pathlike"))
show(posix.fspath, Bad())
show(posix.stat, P("missing-pathlike"))
show(posix.stat, Bad())
show(posix.access, P("."), posix.F_OK)

print("-- OSError construction")
for args in [(), ("msg",), (errno.ENOENT, "gone"), (errno.EEXIST, "exists", "f"), (errno.EACCES, "denied", "a", None, "b"),
             (errno.EPIPE, "pipe"), (errno.EAGAIN, "again"), (errno.ECHILD, "child"), (errno.ECONNRESET, "reset"),
             (errno.ESRCH, "srch"), (errno.ETIMEDOUT, "t/o"), (errno.EISDIR, "isdir"), (errno.ENOTDIR, "notdir"),
             (errno.EINTR, "intr"), (errno.EPERM, "perm"), (errno.ECONNREFUSED, "refused"), (errno.ECONNABORTED, "aborted"),
             (999, "unknown"), (1, 2, 3, 4, 5, 6)]:
    e = OSError(*args)
    print(type(e).__name__, repr(str(e)), e.args, e.errno, e.strerror, e.filename, e.filename2)
print(posix.strerror(errno.ENOENT), posix.strerror(errno.EACCES), posix.strerror(0))
print(issubclass(FileNotFoundError, OSError), IOError is OSError, EnvironmentError is OSError)
