# asyncio TCP echo: a stream server on 127.0.0.1 and 200 concurrent clients, each
# sending messages of varied sizes and reading the echoes back; prints a checksum
# of every echoed byte. Exercises the selector event loop, sockets, streams,
# futures and tasks together.
import asyncio

CLIENTS = 200
ROUNDS = 100


async def handle(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line)
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, n):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    checksum = 0
    for i in range(ROUNDS):
        payload = (f"client {n} round {i} " + "x" * ((n * 7 + i * 13) % 300)).encode() + b"\n"
        writer.write(payload)
        await writer.drain()
        echoed = await reader.readline()
        if echoed != payload:
            raise AssertionError(f"client {n}: bad echo")
        for b in echoed[::16]:
            checksum = (checksum * 31 + b) & 0xFFFFFFFF
        checksum = (checksum + len(echoed)) & 0xFFFFFFFF
    writer.close()
    await writer.wait_closed()
    return checksum


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=CLIENTS)
    port = server.sockets[0].getsockname()[1]
    async with server:
        sums = await asyncio.gather(*(client(port, n) for n in range(CLIENTS)))
    total = 0
    for s in sums:
        total = (total * 1000003 + s) & 0xFFFFFFFFFFFF
    print(len(sums), "clients", sum(len(str(s)) for s in sums), "digits, checksum", total)


asyncio.run(main())
