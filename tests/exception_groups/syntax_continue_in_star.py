# continue inside an except* block is a SyntaxError, even nested in an if.
while True:
    try:
        pass
    except* (ValueError, TypeError):
        if True:
            continue
