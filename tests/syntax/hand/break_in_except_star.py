for attempt in range(3):
    try:
        connect()
    except* ConnectionError:
        break
