# compile: flags=0x2000
await f()
async for x in g():
    print(x)
async with h() as y:
    pass
z = [i async for i in g()]
w = (i async for i in g())
def normal():
    return 1
