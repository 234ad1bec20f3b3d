# UDP with create_datagram_endpoint on 127.0.0.1.
import asyncio

class Server(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport
    def datagram_received(self, data, addr):
        self.transport.sendto(data.upper(), addr)

class Client(asyncio.DatagramProtocol):
    def __init__(self):
        self.replies = asyncio.Queue()
    def datagram_received(self, data, addr):
        self.replies.put_nowait(data)

async def main():
    loop = asyncio.get_running_loop()
    st, _ = await loop.create_datagram_endpoint(Server, local_addr=('127.0.0.1', 0))
    addr = st.get_extra_info('sockname')
    ct, cp = await loop.create_datagram_endpoint(Client, remote_addr=addr)
    for word in [b'one', b'two', b'three']:
        ct.sendto(word)
        print(await asyncio.wait_for(cp.replies.get(), 5))
    ct.close()
    st.close()

asyncio.run(main())
