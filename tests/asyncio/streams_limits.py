# StreamReader limits and separators: readuntil errors, LimitOverrunError, feed_data directly.
import asyncio

async def main():
    r = asyncio.StreamReader(limit=10)
    r.feed_data(b'short\nthis line is far too long\n')
    r.feed_eof()
    print(await r.readline())
    try:
        await r.readline()
    except ValueError as e:
        print('ValueError', e)
    r2 = asyncio.StreamReader()
    r2.feed_data(b'a,b,,c')
    r2.feed_eof()
    print(await r2.readuntil(b','), await r2.readuntil(b','), await r2.readuntil(b','))
    try:
        await r2.readuntil(b',')
    except asyncio.IncompleteReadError as e:
        print('IncompleteReadError', e.partial)
    r3 = asyncio.StreamReader(limit=4)
    r3.feed_data(b'abcdefgh')
    try:
        await r3.readuntil(b'!')
    except asyncio.LimitOverrunError as e:
        print('LimitOverrunError', e.consumed)
    r4 = asyncio.StreamReader()
    r4.feed_data(b'0123456789')
    print(await r4.read(3), await r4.readexactly(4))
    r4.feed_eof()
    print(await r4.read(-1), await r4.read(), r4.at_eof())

asyncio.run(main())
