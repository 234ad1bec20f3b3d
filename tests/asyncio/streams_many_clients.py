# Several concurrent clients against one echo server, with a sum protocol.
import asyncio

async def handle(reader, writer):
    total = 0
    async for line in reader:
        if line.strip() == b'end':
            break
        total += int(line)
    writer.write(f'{total}\n'.encode())
    await writer.drain()
    writer.close()

async def client(port, numbers):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    for n in numbers:
        writer.write(f'{n}\n'.encode())
    writer.write(b'end\n')
    await writer.drain()
    reply = await reader.readline()
    writer.close()
    await writer.wait_closed()
    return int(reply)

async def main():
    async with await asyncio.start_server(handle, '127.0.0.1', 0) as server:
        port = server.sockets[0].getsockname()[1]
        results = await asyncio.gather(*(client(port, range(i * 10)) for i in range(1, 6)))
        print(results)
        try:
            await asyncio.wait_for(asyncio.open_connection('127.0.0.1', 1), 5)
        except ConnectionRefusedError as e:
            print('ConnectionRefusedError', e.errno)

asyncio.run(main())
