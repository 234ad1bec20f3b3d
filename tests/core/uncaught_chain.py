class AppError(Exception):
    pass

def load(key):
    table = {"a": 1}
    try:
        return table[key]
    except KeyError as e:
        raise AppError(f"no such key: {key}") from e

def run():
    try:
        load("b")
    except AppError:
        x = None
        x.attribute

run()
