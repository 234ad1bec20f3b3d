limit = 10

def configure():
    global limit
    limit: int = 20
