import termios, io, os, sys
names = sorted(n for n in dir(termios) if n.isupper() or n[0].isupper())
print(len(names))
print({n: getattr(termios, n) for n in names if isinstance(getattr(termios, n), int)})
print(sorted(n for n in dir(termios) if not n.startswith('__') and not isinstance(getattr(termios, n), int)))
print(termios.error.__mro__, termios.error.__module__, termios.error.__name__)
r, w = os.pipe()
null = os.open(os.devnull, os.O_RDWR)
calls = [(termios.tcgetattr, ()), (termios.tcgetattr, (0, 1)), (termios.tcsetattr, (0,)), (termios.tcgetattr, ('x',)),
         (termios.tcgetattr, (-1,)), (termios.tcgetattr, (2**40,)), (termios.tcgetattr, (1.0,)), (termios.tcflush, (0,)),
         (termios.tcsetwinsize, (r, 1)), (termios.tcsetwinsize, (r, (1, 2, 3))), (termios.tcsetwinsize, (r, (1, 'a'))),
         (termios.tcsetwinsize, (r, (1, 2**70))), (termios.tcsetwinsize, (r, (1, 2**20))), (termios.tcsetwinsize, (r, {0: 1, 1: 2})),
         (termios.tcsetwinsize, (r, [3, 4])), (termios.tcsetattr, (r, 0, [])), (termios.tcsetattr, (r, 0, [0] * 7)),
         (termios.tcsetattr, (r, 0, (0,) * 7)), (termios.tcgetattr, (999,)), (termios.tcgetattr, (r,)), (termios.tcgetattr, (null,)),
         (termios.tcgetwinsize, (w,)), (termios.tcdrain, (null,)), (termios.tcflush, (r, termios.TCIFLUSH)),
         (termios.tcflow, (w, termios.TCOON)), (termios.tcsendbreak, (w, 0)), (termios.tcsendbreak, (w, 'x')),
         (termios.tcsetattr, (r, 'now', [0] * 7)), (termios.tcgetattr, (io.StringIO(),)), (termios.tcdrain, (999,)),
         (termios.tcgetwinsize, ()), (termios.tcflow, (r,)),]
for f, a in calls:
    try:
        print(f(*a))
    except Exception as e:
        print(f.__name__, type(e).__name__, e, e.args)
try:
    termios.tcgetattr(fd=0)
except TypeError as e:
    print(e)
class F:
    def fileno(self): return r
try: termios.tcgetattr(F())
except termios.error as e: print('error', e.args)
try: raise termios.error(1, 'x')
except termios.error as e: print(repr(e))
import tty, getpass, pty
print(tty.setraw.__name__, hasattr(pty, 'openpty'), tty.IFLAG, tty.CC)
