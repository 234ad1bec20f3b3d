def __str__(self):
    return ''.join(sum([
                        "("],
                        [self.quote(x) for x in self],
                        [")"],
                        ], []))
