# Exceptions in tasks: tracebacks through awaits, chained causes, BaseException subclasses.
import asyncio, traceback

async def level3():
    await asyncio.sleep(0)
    raise LookupError('deep')

async def level2():
    try:
        await level3()
    except LookupError as e:
        raise RuntimeError('wrapped') from e

async def main():
    try:
        await asyncio.create_task(level2())
    except RuntimeError as e:
        print(e, '<-', repr(e.__cause__))
        names = [fs.name for fs in traceback.extract_tb(e.__traceback__)]
        print([n for n in names if n.startswith('level')])
    async def sysexit():
        raise SystemExit(3)
    try:
        await asyncio.gather(sysexit())
    except SystemExit as e:
        print('SystemExit', e.code)

try:
    asyncio.run(main())
except SystemExit as e:
    print('SystemExit escaped run()', e.code)
