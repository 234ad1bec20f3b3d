# Loop exception handler: errors in callbacks, call_exception_handler, default handler replaced.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    seen = []
    def handler(loop, context):
        exc = context.get('exception')
        seen.append((context['message'], type(exc).__name__ if exc else None))
    loop.set_exception_handler(handler)
    print(loop.get_exception_handler() is handler)
    def bad_callback():
        raise ZeroDivisionError('in callback')
    loop.call_soon(bad_callback)
    await asyncio.sleep(0)
    loop.call_exception_handler({'message': 'custom report'})
    print(seen)
    loop.set_exception_handler(None)
    print(loop.get_exception_handler())

asyncio.run(main())
