def numbers():
    return {(yield n) for n in range(3)}
