# Blocking socket calls (no timeout) let other threads run: a server thread blocks in
# accept()/recv() while the main thread connects and talks to it.
import socket
import threading

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.bind(('127.0.0.1', 0))
srv.listen(4)
port = srv.getsockname()[1]
print('blocking server', srv.gettimeout())
log = []

def serve(count):
    for _ in range(count):
        conn, _ = srv.accept()
        with conn:
            total = b''
            while True:
                chunk = conn.recv(7)
                if not chunk:
                    break
                total += chunk
                conn.sendall(chunk.upper())
            log.append(total)

t = threading.Thread(target=serve, args=(3,))
t.start()
ticks = []
ticker = threading.Thread(target=lambda: ticks.extend(range(1000)))
ticker.start()
ticker.join()
for n in range(3):
    c = socket.create_connection(('127.0.0.1', port))
    msg = f'message number {n} '.encode() * (n + 1)
    c.sendall(msg)
    c.shutdown(socket.SHUT_WR)
    got = b''
    while True:
        chunk = c.recv(5)
        if not chunk:
            break
        got += chunk
    c.close()
    print(n, got == msg.upper(), len(got))
t.join()
srv.close()
print(len(ticks), [len(x) for x in log])
a, b = socket.socketpair()
def late_writer():
    import time
    time.sleep(0.05)
    b.sendall(b'late')
w = threading.Thread(target=late_writer)
w.start()
print('socketpair blocking recv', a.recv(10))
w.join()
a.close(); b.close()
