def gen():
    received = yield = None
