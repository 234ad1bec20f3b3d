# A thread waiting in select()/poll()/epoll lets the others run; a socket with
# a timeout waits for data another thread sends.
import os
import select
import socket
import threading
import time

r, w = os.pipe()
seen = []
def selector():
    ready, _, _ = select.select([r], [], [], 5)
    seen.append(("select", ready == [r], os.read(r, 10)))
t = threading.Thread(target=selector)
t.start()
time.sleep(0.02)
os.write(w, b"ping")
t.join()

p = select.poll()
p.register(r, select.POLLIN)
def poller():
    events = p.poll(5000)
    seen.append(("poll", [(fd == r, bool(ev & select.POLLIN)) for fd, ev in events], os.read(r, 10)))
t = threading.Thread(target=poller)
t.start()
time.sleep(0.02)
os.write(w, b"pong")
t.join()

ep = select.epoll()
ep.register(r, select.EPOLLIN)
def epoller():
    events = ep.poll(5)
    seen.append(("epoll", len(events), os.read(r, 10)))
t = threading.Thread(target=epoller)
t.start()
time.sleep(0.02)
os.write(w, b"epong")
t.join()
ep.close()
print(seen)

a, b = socket.socketpair()
a.settimeout(5)
got = []
def receiver():
    got.append(a.recv(100))
t = threading.Thread(target=receiver)
t.start()
time.sleep(0.02)
b.sendall(b"hello over socketpair")
t.join()
print(got)
a.close(); b.close(); os.close(r); os.close(w)
