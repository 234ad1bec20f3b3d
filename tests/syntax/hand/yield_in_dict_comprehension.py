def numbers():
    return {n: (yield n) for n in range(3)}
