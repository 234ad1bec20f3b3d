import os
import signal
import time

got = []
def handler(signum, frame):
    got.append(signal.Signals(signum).name)

print(signal.SIGINT, repr(signal.SIGTERM), signal.SIG_DFL, signal.SIG_IGN)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler, signal.getsignal(signal.SIGUSR1))
old = signal.signal(signal.SIGUSR1, handler)
print(old)
os.kill(os.getpid(), signal.SIGUSR1)
signal.raise_signal(signal.SIGUSR1)
print(got)
signal.signal(signal.SIGALRM, handler)
signal.setitimer(signal.ITIMER_REAL, 0.02)
time.sleep(0.1)
print(got)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
print(signal.signal(signal.SIGUSR1, signal.SIG_DFL) is handler, signal.getsignal(signal.SIGUSR1))
print(sorted(signal.valid_signals())[:5], signal.strsignal(signal.SIGTERM))
print(signal.Signals.SIGTERM.value, signal.Handlers.SIG_IGN, signal.Sigmasks.SIG_BLOCK)
