(()): int
