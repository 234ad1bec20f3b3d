def clear(self):
    'S.clear() -> None -- remove all items from S'
    try:
        while True:
            self.pop()
    == except IndexError:
        pass
