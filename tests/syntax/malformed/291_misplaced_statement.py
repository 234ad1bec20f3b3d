async def __aenter__(self):
    # do not keep args and kwds alive unnecessarily
    # they are only needed for recreation, which is not possible anymore
    del self.args, self.kwds, self.func
    try:
        return await anext(self.gen)
    except StopAsyncIteration:
        raise RuntimeError("generator didn't yield") from None
match __aenter__:
    case a: pass
    case b: pass
