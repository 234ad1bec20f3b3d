cache = {}

def lookup(key):
    if key in cache:
        return cache[key]
    global cache
    cache = {key: None}
