# Streams on 127.0.0.1: start_server, open_connection, readline/readexactly/read, drain, EOF.
import asyncio

async def handle(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line.upper())
        await writer.drain()
    writer.write(b'BYE\n')
    await writer.drain()
    writer.close()
    await writer.wait_closed()

async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    for msg in [b'hello\n', b'world\n']:
        writer.write(msg)
        await writer.drain()
        print(await reader.readline())
    writer.write(b'abcdef\n')
    print(await reader.readexactly(3), await reader.readuntil(b'\n'))
    writer.write_eof()
    print(await reader.read())
    print(reader.at_eof())
    writer.close()
    await writer.wait_closed()
    try:
        await reader.readexactly(5)
    except asyncio.IncompleteReadError as e:
        print('IncompleteReadError', e.partial, e.expected)
    server.close()
    await server.wait_closed()
    print('server closed', server.is_serving())

asyncio.run(main())
