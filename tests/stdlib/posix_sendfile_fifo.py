# os.sendfile between files and pipes, os.mkfifo, and importing a C module of
# CPython's build that this interpreter does not have (skipped as absent).
import os
import stat
import tempfile

r, w = os.pipe()
with tempfile.TemporaryFile() as f:
    f.write(b"hello sendfile world")
    f.flush()
    print(os.sendfile(w, f.fileno(), 6, 8), os.read(r, 100))
    f.seek(0)
    print(os.sendfile(w, f.fileno(), None, 5), os.read(r, 100), f.tell())
    print(os.sendfile(out_fd=w, in_fd=f.fileno(), offset=100, count=5))
    try:
        os.sendfile(w, 9999, 0, 1)
    except OSError as e:
        print("OSError", e.errno)
    try:
        os.sendfile(w, f.fileno(), -1, 5)
    except OSError as e:
        print("OSError", e.errno)
os.close(r)
os.close(w)

d = tempfile.mkdtemp()
path = os.path.join(d, "fifo")
os.mkfifo(path)
print(stat.S_ISFIFO(os.stat(path).st_mode))
try:
    os.mkfifo(path)
except FileExistsError as e:
    print("FileExistsError", e.errno, os.path.basename(e.filename))
os.mkfifo(os.path.join(d, "fifo2"), 0o600)
print(oct(stat.S_IMODE(os.stat(os.path.join(d, "fifo2")).st_mode) & 0o777 & ~0o022))
print(os.mkfifo in os.supports_dir_fd)
for n in os.listdir(d):
    os.unlink(os.path.join(d, n))
os.rmdir(d)
