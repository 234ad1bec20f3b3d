# Low-level loop socket API: sock_sendall/sock_recv/sock_accept/sock_connect, add_reader.
import asyncio, socket

async def main():
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    await loop.sock_sendall(a, b'over the pair')
    print(await loop.sock_recv(b, 100))
    got = loop.create_future()
    def readable():
        got.set_result(b.recv(100))
        loop.remove_reader(b)
    loop.add_reader(b, readable)
    a.send(b'reader fired')
    print(await got)
    a.close(); b.close()
    srv = socket.socket()
    srv.bind(('127.0.0.1', 0))
    srv.listen()
    srv.setblocking(False)
    cli = socket.socket()
    cli.setblocking(False)
    accept = asyncio.ensure_future(loop.sock_accept(srv))
    await loop.sock_connect(cli, srv.getsockname())
    conn, addr = await accept
    conn.setblocking(False)
    await loop.sock_sendall(cli, b'x' * 100000)
    cli.shutdown(socket.SHUT_WR)
    total = 0
    while True:
        chunk = await loop.sock_recv(conn, 65536)
        if not chunk:
            break
        total += len(chunk)
    print(total, addr[0])
    for s in (conn, cli, srv):
        s.close()

asyncio.run(main())
