# A small broadcast chat server: clients join, messages fan out, everyone leaves.
import asyncio

clients = {}

async def handle(reader, writer):
    name = (await reader.readline()).decode().strip()
    clients[name] = writer
    try:
        while line := await reader.readline():
            msg = f'{name}: {line.decode().strip()}\n'.encode()
            for other, w in list(clients.items()):
                if other != name:
                    w.write(msg)
                    await w.drain()
    finally:
        del clients[name]
        writer.close()

async def client(port, name, lines, expect):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(f'{name}\n'.encode())
    await writer.drain()
    await asyncio.sleep(0.2)  # everyone has joined before anyone speaks
    for l in lines:
        writer.write(f'{l}\n'.encode())
        await writer.drain()
        await asyncio.sleep(0.01)
    got = [ (await reader.readline()).decode().strip() for _ in range(expect)]
    writer.close()
    await writer.wait_closed()
    return got

async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        res = await asyncio.gather(
            client(port, 'ann', ['hi all'], 1),
            client(port, 'bob', [], 2),
            client(port, 'cy', ['hello'], 1),
        )
        for r in res:
            print(sorted(r))
    await asyncio.sleep(0.01)
    print(clients)

asyncio.run(main())
