def __iter__(self):
    while 1:
        line = self.readline()
        if not line:
            return
        yield line
a, *b, *c = line
