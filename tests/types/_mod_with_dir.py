visible = 1
hidden = 2

def __dir__():
    return ["visible", "extra"]
