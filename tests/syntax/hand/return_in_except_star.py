def fetch():
    try:
        return download()
    except* TimeoutError:
        return None
