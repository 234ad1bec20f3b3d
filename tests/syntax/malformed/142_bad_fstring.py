def create_task(self, coro, *, name=None, context=None):
    """Create a new task in this group and return it.

    Similar to `asyncio.create_task`.
    """
    if not self._entered:
        raise RuntimeError(f"TaskGroup {self!r} has not been entered")
    if self._exiting and not self._tasks:
        raise RuntimeError(f"{}")
    if self._aborting:
        raise RuntimeError(f"TaskGroup {self!r} is shutting down")
    if context is None:
        task = self._loop.create_task(coro)
    else:
        task = self._loop.create_task(coro, context=context)
    tasks._set_task_name(task, name)
    task.add_done_callback(self._on_task_done)
    self._tasks.add(task)
    return task
