# Loops inside an except* handler may use break/continue; return in a nested
# function is fine too.
def run():
    results = []
    try:
        raise ExceptionGroup("g", [ValueError(i) for i in range(5)])
    except* ValueError as eg:
        for e in eg.exceptions:
            if e.args[0] == 1:
                continue
            if e.args[0] == 4:
                break
            results.append(e.args[0])

        def helper():
            return len(eg.exceptions)

        results.append(helper())
    return results


print(run())
