# What asyncio.run does at the end: pending tasks are cancelled, their finally blocks run.
import asyncio

log = []

async def background(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append(f'{name} cancelled')
        raise
    finally:
        log.append(f'{name} finally')

async def main():
    asyncio.create_task(background('x'))
    asyncio.create_task(background('y'))
    await asyncio.sleep(0)
    return 'main done'

print(asyncio.run(main()))
print(sorted(log))
print(asyncio.run(main()))
print(len(log))
