# Markers under a failing subscript in a chain of lookups.
config = {"servers": [{"name": "a", "ports": [80, 443]}]}


def port(cfg, i, j):
    return cfg["servers"][i]["ports"][j] + 0


print(port(config, 0, 1))
print(port(config, 0, 5))
