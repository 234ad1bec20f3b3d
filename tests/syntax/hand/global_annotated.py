limit = 10

def configure():
    limit: int = 20
    global limit
