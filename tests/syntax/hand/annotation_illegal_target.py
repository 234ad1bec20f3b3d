def size():
    return 1

size(): int = 3
