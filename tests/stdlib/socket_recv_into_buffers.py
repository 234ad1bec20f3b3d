# recv_into fills at most the buffer's size in bytes, whatever its item size.
import array
import socket

a, b = socket.socketpair()
with a, b:
    a.sendall(bytes(range(64)))
    for buf in (array.array("i", [0] * 4), array.array("d", [0.0] * 2), bytearray(8), memoryview(bytearray(6))):
        n = b.recv_into(buf)
        print(type(buf).__name__, n, bytes(buf))
    a.sendall(b"xyz")
    n, _ = b.recvfrom_into(bytearray(2))
    print(n, b.recv(16))
    print(b.recv_into(array.array("h", [0] * 3), 4))
    try:
        b.recv_into(bytes(4))
    except TypeError as e:
        print("TypeError", e)
    for call in (lambda: b.recvfrom_into(bytes(3)), lambda: b.recv_into(buffer=bytes(3)), lambda: b.recv_into(memoryview(b"ab"))):
        try:
            call()
        except TypeError as e:
            print("TypeError", e)
