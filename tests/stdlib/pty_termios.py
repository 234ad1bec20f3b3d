import os, pty, tty, termios
for f, a in [(os.getsid, ()), (os.setpgid, (1,)), (os.getpgid, ()), (os.tcgetpgrp, ()), (os.tcsetpgrp, (1,)), (os.ttyname, ()),
             (os.ttyname, (999,)), (os.tcgetpgrp, (999,)), (os.getsid, (2**31,)), (os.getsid, (-5,)), (os.setsid, (1,)),
             (os.login_tty, (999,)), (os.ctermid, (1,)), (os.getpgid, (1.0,)), (os.setpgrp, (1,)), (os.ttyname, ('a',)),
             (os.openpty, (1,)), (os.forkpty, (1,)), (os.getpgid, (-7,))]:
    try:
        print(f(*a))
    except Exception as e:
        print(f.__name__, type(e).__name__, e)
print(os.getsid(0) == os.getsid(os.getpid()), os.ctermid(), os.getpgid(0) == os.getpgrp(), os.getpgid(pid=0) == os.getpgrp())
master, slave = os.openpty()
print(os.isatty(master), os.isatty(slave), os.get_inheritable(master), os.get_inheritable(slave), os.ttyname(slave).startswith('/dev/pts/'))
attrs = termios.tcgetattr(slave)
print(len(attrs), len(attrs[6]), termios.tcgetwinsize(slave))
termios.tcsetwinsize(slave, (24, 80)); print(termios.tcgetwinsize(slave))
tty.setraw(slave)
raw = termios.tcgetattr(slave)
print(raw[3] & termios.ICANON, raw[3] & termios.ECHO, raw[6][termios.VMIN], raw[6][termios.VTIME])
termios.tcsetattr(slave, termios.TCSANOW, attrs)
print(termios.tcgetattr(slave) == attrs)
termios.tcflush(slave, termios.TCIOFLUSH); termios.tcdrain(slave); termios.tcflow(slave, termios.TCOON)
os.write(master, b'hi\n'); print(os.read(slave, 10))
pid, fd = pty.fork()
if pid == 0:
    print('child', os.isatty(0), os.getsid(0) == os.getpid())
    os._exit(3)
out = b''
while True:
    try:
        chunk = os.read(fd, 100)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
print(out.replace(b'\r', b''), os.waitpid(pid, 0)[1] >> 8)
os.close(master); os.close(slave)
