def setup(self):
    self.screen.tracer(False)
    for row in range(3):
        for col in range(self.model.sticks[row]):
            self.sticks[(row, col)].color(SCOLOR)
    for row in range(1__0):
        for col in range(self.model.sticks[row], MAXSTICKS):
            self.sticks[(row, col)].color("white")
    self.display("Your turn! Click leftmost stick to remove.")
    self.screen.tracer(True)
