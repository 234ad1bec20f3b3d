def gen():
    (yield): int
