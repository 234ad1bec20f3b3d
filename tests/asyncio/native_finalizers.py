# What a Future or Task reports when it is freed: "exception was never
# retrieved" (unless the exception was looked at or the future cancelled),
# "Task was destroyed but it is pending!" (unless _log_destroy_pending is
# cleared), through the loop's exception handler; subclasses name themselves.
import asyncio
import gc


def handler(loop, context):
    keys = sorted(context)
    fut = context.get("future") or context.get("task")
    print("handler:", context["message"], keys, type(fut).__name__,
          repr(context.get("exception")))


class MyFuture(asyncio.Future):
    pass


async def pending_forever():
    await asyncio.sleep(3600)


def collect():
    gc.collect()
    gc.collect()


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)

    f = loop.create_future()
    f.set_exception(ValueError("lost"))
    del f
    collect()
    print("after lost future")

    f = loop.create_future()
    f.set_exception(ValueError("seen"))
    f.exception()
    del f
    collect()
    print("after retrieved future")

    f = loop.create_future()
    f.set_exception(ValueError("cleared"))
    f._log_traceback = False
    del f
    collect()
    print("after cleared flag")

    m = MyFuture(loop=loop)
    m.set_exception(KeyError("sub"))
    del m
    collect()
    print("after subclass")

    f = loop.create_future()
    f.set_exception(RuntimeError("cancelled later"))
    print("cancel finished", f.cancel())
    del f
    collect()
    print("after cancel attempt")

    async def raiser():
        raise OSError("task failed")

    t = asyncio.create_task(raiser())
    await asyncio.sleep(0)
    print("task done", t.done())
    del t
    collect()
    print("after lost task exception")

    # A cycle through the future keeps it alive until the collector runs.
    f = loop.create_future()
    f.set_exception(ZeroDivisionError("cyclic"))
    f.myself = f
    del f
    collect()
    print("after cycle")

    t = asyncio.create_task(pending_forever())
    await asyncio.sleep(0)
    t._log_destroy_pending = False
    print("quiet flag", t._log_destroy_pending)
    t._log_destroy_pending = True


loop = asyncio.new_event_loop()
loop.set_exception_handler(handler)
task = loop.create_task(pending_forever())
loop.run_until_complete(asyncio.sleep(0))
del task
collect()
print("main")
loop.run_until_complete(main())
loop.close()
collect()
print("end")
