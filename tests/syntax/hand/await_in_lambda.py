async def main(fetch):
    handler = lambda url: await fetch(url)
    return handler
