def numbers():
    return list((yield n) for n in range(3))
