# A bounded worker pool with a Semaphore and results collected in order.
import asyncio

async def fetch(i, sem, running, peak):
    async with sem:
        running[0] += 1
        peak[0] = max(peak[0], running[0])
        await asyncio.sleep(0.001 * (i % 3))
        running[0] -= 1
        return i * i

async def main():
    sem = asyncio.Semaphore(3)
    running, peak = [0], [0]
    results = await asyncio.gather(*(fetch(i, sem, running, peak) for i in range(12)))
    print(results)
    print('peak concurrency', peak[0])

asyncio.run(main())
