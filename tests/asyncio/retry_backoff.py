# A retry helper with backoff around a flaky coroutine, plus a deadline with wait_for.
import asyncio

class Flaky:
    def __init__(self, failures):
        self.failures = failures
        self.calls = 0
    async def __call__(self):
        self.calls += 1
        await asyncio.sleep(0)
        if self.calls <= self.failures:
            raise ConnectionError(f'attempt {self.calls} failed')
        return f'ok after {self.calls}'

async def retry(fn, attempts, delay=0.001):
    last = None
    for i in range(attempts):
        try:
            return await fn()
        except ConnectionError as e:
            last = e
            print('retrying:', e)
            await asyncio.sleep(delay * 2 ** i)
    raise RuntimeError('gave up') from last

async def main():
    print(await retry(Flaky(2), 5))
    try:
        await retry(Flaky(10), 3)
    except RuntimeError as e:
        print(e, '|', e.__cause__)
    try:
        # Attempts at 0, 0.1, 0.3 and 0.7 s: the deadline falls 0.2 s from either side.
        await asyncio.wait_for(retry(Flaky(100), 100, delay=0.1), timeout=0.5)
    except TimeoutError:
        print('deadline hit')

asyncio.run(main())
