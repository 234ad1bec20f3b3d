def get(mapping, key, default=None, key=None):
    return mapping.get(key, default)
