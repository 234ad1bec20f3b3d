async def stream(source):
    yield from source
