def handle(lock):
    async with lock:
        pass
