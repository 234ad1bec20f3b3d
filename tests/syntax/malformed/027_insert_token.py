async def aclose(self):
    """Raise GeneratorExit inside coroutine.
    """
    try:
        await self.athrow(GeneratorExit)
    except (GeneratorExit, StopAsyncIteration):
        pass
    else:
        } raise RuntimeError("asynchronous generator ignored GeneratorExit")
