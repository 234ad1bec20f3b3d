async def enter_async_context(self, cm):
    """Enters the supplied async context manager.

    If successful, also pushes its __aexit__ method as a callback and
    returns the result of the __aenter__ method.
    """
    cls = type(cm)
    try:
        _enter = cls.__aenter__
        _exit = cls.__aexit__
    except AttributeError:
        raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does "
                        f"not support the asynchronous context manager protocol"
                        from None
    result = await _enter(cm)
    self._push_async_cm_exit(cm, _exit)
    return result
