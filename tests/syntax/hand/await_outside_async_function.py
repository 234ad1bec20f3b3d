import asyncio

def wait():
    await asyncio.sleep(1)
