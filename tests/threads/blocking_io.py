# Blocking calls let other threads run: a reader blocked on a pipe while the
# main thread writes to it, a sleeper, and file reads through io.
import os
import threading
import time

r, w = os.pipe()
got = []
def reader():
    while True:
        chunk = os.read(r, 100)
        if not chunk:
            break
        got.append(chunk)
t = threading.Thread(target=reader)
t.start()
for i in range(3):
    os.write(w, b"chunk%d;" % i)
    time.sleep(0.01)
os.close(w)
t.join()
os.close(r)
print(b"".join(got))

# The same through io objects (a BufferedReader over the pipe).
r, w = os.pipe()
lines = []
def line_reader():
    with os.fdopen(r, "rb") as f:
        for line in f:
            lines.append(line)
t = threading.Thread(target=line_reader)
t.start()
with os.fdopen(w, "wb") as f:
    for i in range(3):
        f.write(b"line %d\n" % i)
        f.flush()
        time.sleep(0.01)
t.join()
print(lines)

# Sleeping threads overlap: four 0.1 s sleeps take well under 0.4 s.
start = time.monotonic()
ts = [threading.Thread(target=time.sleep, args=(0.1,)) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("overlapped", time.monotonic() - start < 0.35)
