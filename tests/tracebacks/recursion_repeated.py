# Runaway recursion: RecursionError and "[Previous line repeated N more times]".
def countdown(n):
    return countdown(n + 1) + 1


countdown(0)
