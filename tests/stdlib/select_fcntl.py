# select.select/poll/epoll and fcntl over pipes: readiness, registration errors, flags.
import os, select, fcntl, errno

r, w = os.pipe()
print(select.select([r], [w], [], 0) == ([], [w], []))
os.write(w, b'abc')
print(select.select([r], [], [], 0)[0] == [r])

class F:
    def __init__(self, fd): self.fd = fd
    def fileno(self): return self.fd
fr = F(r)
rl, wl, xl = select.select([fr], [], [], 0.01)
print(rl[0] is fr, wl, xl)
for bad in [([1.5], [], []), (['x'], [], []), ([-1], [], []), (1, [], [])]:
    try:
        select.select(*bad, 0)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    select.select([], [], [], -1)
except ValueError as e:
    print('ValueError', e)

p = select.poll()
p.register(r, select.POLLIN)
p.register(w, select.POLLOUT)
print(sorted(p.poll(0)))
p.modify(w, select.POLLIN)
print(sorted(p.poll(0)))
p.unregister(w)
try:
    p.unregister(w)
except KeyError as e:
    print('KeyError', e.args[0] == w)
try:
    p.modify(w, select.POLLIN)
except OSError as e:
    print(type(e).__name__, e.errno == errno.ENOENT)
print(os.read(r, 10), p.poll(0))

with select.epoll() as ep:
    print(ep.closed, ep.fileno() >= 0)
    ep.register(r, select.EPOLLIN)
    ep.register(w, select.EPOLLOUT)
    print(sorted(ep.poll(0)) == sorted([(w, select.EPOLLOUT)]))
    os.write(w, b'x')
    print(sorted(ep.poll(0.1)) == sorted([(r, select.EPOLLIN), (w, select.EPOLLOUT)]))
    ep.modify(w, select.EPOLLIN)
    ep.unregister(r)
    print(ep.poll(0))
    try:
        ep.register(w)
    except FileExistsError as e:
        print('FileExistsError', e.errno == errno.EEXIST)
    try:
        ep.poll(0, 0)
    except ValueError as e:
        print(e)
print(ep.closed)
try:
    ep.poll()
except ValueError as e:
    print(e)
print(select.error is OSError, select.POLLIN, select.POLLOUT, select.EPOLLIN, select.EPOLLET)

fl = fcntl.fcntl(r, fcntl.F_GETFL)
fcntl.fcntl(r, fcntl.F_SETFL, fl | os.O_NONBLOCK)
print(bool(fcntl.fcntl(r, fcntl.F_GETFL) & os.O_NONBLOCK), os.get_blocking(r))
try:
    os.read(r, 10)
except BlockingIOError as e:
    print('BlockingIOError', e.errno == errno.EAGAIN)
fd_flags = fcntl.fcntl(w, fcntl.F_GETFD)
print(bool(fd_flags & fcntl.FD_CLOEXEC), os.get_inheritable(w))
try:
    fcntl.fcntl(999, fcntl.F_GETFD)
except OSError as e:
    print(type(e).__name__, e)
lock_path = f'/tmp/select_fcntl_{os.getpid()}.lock'
with open(lock_path, 'w+') as f:
    fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    fcntl.flock(f.fileno(), fcntl.LOCK_UN)
    fcntl.lockf(f, fcntl.LOCK_SH)
    fcntl.lockf(f, fcntl.LOCK_UN)
    print('locked and unlocked')
os.unlink(lock_path)
os.close(r); os.close(w)
