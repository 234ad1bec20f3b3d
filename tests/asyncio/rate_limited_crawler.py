# A fake crawler: a frontier queue, a visited set, bounded concurrency, deterministic graph.
import asyncio

GRAPH = {
    'a': ['b', 'c'], 'b': ['d', 'e'], 'c': ['e', 'f'], 'd': ['a'],
    'e': ['g'], 'f': ['g', 'h'], 'g': [], 'h': ['a', 'b'],
}

async def fetch(url):
    await asyncio.sleep(0.001 * (ord(url) % 3))
    return GRAPH[url]

async def crawl(start, workers=3):
    seen = {start}
    q = asyncio.Queue()
    q.put_nowait(start)
    depth = {start: 0}
    async def worker():
        while True:
            url = await q.get()
            try:
                for link in await fetch(url):
                    if link not in seen:
                        seen.add(link)
                        depth[link] = depth[url] + 1
                        q.put_nowait(link)
            finally:
                q.task_done()
    tasks = [asyncio.create_task(worker()) for _ in range(workers)]
    await q.join()
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return dict(sorted(depth.items()))

print(asyncio.run(crawl('a')))
