def _read_string(file):
    length = ord(file.read(1))
    if length = 0:
        data = b''
    else:
        data = file.read(length)
    if length & 1 == 0:
        dummy = file.read(1)
    return data
