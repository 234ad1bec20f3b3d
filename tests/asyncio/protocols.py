# Transports and protocols: create_server/create_connection with Protocol classes.
import asyncio

class Echo(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        self.peer_ok = transport.get_extra_info('peername') is not None
    def data_received(self, data):
        self.transport.write(data[::-1])
    def eof_received(self):
        self.transport.write(b'|eof')
        self.transport.close()

class Client(asyncio.Protocol):
    def __init__(self, done):
        self.done = done
        self.chunks = []
    def connection_made(self, transport):
        transport.write(b'stressed')
        transport.write_eof()
    def data_received(self, data):
        self.chunks.append(data)
    def connection_lost(self, exc):
        self.done.set_result(b''.join(self.chunks))

async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Echo, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    done = loop.create_future()
    transport, proto = await loop.create_connection(lambda: Client(done), '127.0.0.1', port)
    print(await done, transport.is_closing())
    server.close()
    await server.wait_closed()

asyncio.run(main())
