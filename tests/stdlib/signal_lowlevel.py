# _signal: Python handlers run between instructions, on the main thread.
import _signal
import posix
import time

got = []
def handler(signum, frame):
    got.append(signum)

print(_signal.SIG_DFL, _signal.SIG_IGN, _signal.NSIG, _signal.SIGINT, _signal.SIGTERM, _signal.SIGUSR1)
print(_signal.getsignal(_signal.SIGINT) is _signal.default_int_handler)
print(_signal.getsignal(_signal.SIGUSR1), _signal.getsignal(_signal.SIGPIPE))
old = _signal.signal(_signal.SIGUSR1, handler)
print("old", old, _signal.getsignal(_signal.SIGUSR1) is handler)
posix.kill(posix.getpid(), _signal.SIGUSR1)
print("after kill", got)
_signal.raise_signal(_signal.SIGUSR1)
print("after raise_signal", got)

# a handler that raises interrupts the running loop
class Stop(Exception):
    pass
def stopper(signum, frame):
    raise Stop("stopped by signal %d" % signum)
_signal.signal(_signal.SIGALRM, stopper)
_signal.setitimer(_signal.ITIMER_REAL, 0.05)
n = 0
try:
    while True:
        n += 1
except Stop as e:
    print("loop interrupted:", e, n > 0)

# a signal during sleep runs its handler and the sleep goes on
_signal.signal(_signal.SIGALRM, handler)
_signal.setitimer(_signal.ITIMER_REAL, 0.02)
t = time.monotonic()
time.sleep(0.1)
print("slept fully", time.monotonic() - t >= 0.09, got)

# exception from handler during sleep ends the sleep
_signal.signal(_signal.SIGALRM, stopper)
_signal.setitimer(_signal.ITIMER_REAL, 0.02)
try:
    time.sleep(5)
except Stop as e:
    print("sleep interrupted:", e)
print(_signal.getitimer(_signal.ITIMER_REAL))

# KeyboardInterrupt from the default SIGINT handler
try:
    _signal.raise_signal(_signal.SIGINT)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e))

print(_signal.signal(_signal.SIGUSR1, _signal.SIG_IGN) is handler)
_signal.raise_signal(_signal.SIGUSR1)
print(_signal.getsignal(_signal.SIGUSR1), got)
_signal.signal(_signal.SIGUSR1, _signal.SIG_DFL)
print(_signal.alarm(0), _signal.alarm(0))
vs = _signal.valid_signals()
print(len(vs), min(vs), max(vs), 32 in vs)
print(_signal.strsignal(_signal.SIGINT), _signal.strsignal(_signal.SIGTERM))
for bad in [lambda: _signal.signal(0, handler), lambda: _signal.signal(100, handler),
            lambda: _signal.signal(_signal.SIGUSR1, 5), lambda: _signal.signal(_signal.SIGUSR1, "x"),
            lambda: _signal.getsignal(-1), lambda: _signal.signal(_signal.SIGKILL, handler),
            lambda: _signal.signal("2", handler)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
old = _signal.pthread_sigmask(_signal.SIG_BLOCK, [_signal.SIGUSR2])
print(sorted(old), sorted(_signal.pthread_sigmask(_signal.SIG_UNBLOCK, [_signal.SIGUSR2])))
print(_signal.set_wakeup_fd(-1))
r, w = posix.pipe()
try:
    _signal.set_wakeup_fd(w)
except ValueError as e:
    print("ValueError", e)
posix.set_blocking(w, False)
print(_signal.set_wakeup_fd(w) == -1)
_signal.signal(_signal.SIGUSR1, handler)
_signal.raise_signal(_signal.SIGUSR1)
print(posix.read(r, 10) == bytes([_signal.SIGUSR1]))
print(_signal.set_wakeup_fd(-1) == w)
posix.close(r); posix.close(w)
