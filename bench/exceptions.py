# Exceptions in loops: raising and catching builtin and user exceptions,
# try/finally, exception chaining and EAFP-style dict and attribute access.
class AppError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def risky(i):
    if i % 5 == 0:
        raise AppError(i)
    if i % 7 == 0:
        raise KeyError(i)
    return i


def main():
    caught = codes = finals = 0
    d = {}
    for i in range(300000):
        try:
            risky(i)
        except AppError as e:
            codes += e.code
        except KeyError:
            caught += 1
        finally:
            finals += 1
        try:
            d[i % 100] += 1
        except KeyError:
            d[i % 100] = 1
    chained = 0
    for i in range(50000):
        try:
            try:
                raise ValueError(i)
            except ValueError as e:
                raise RuntimeError("wrapped") from e
        except RuntimeError as e:
            chained += e.__cause__.args[0] % 3
    print(caught, codes, finals, sum(d.values()), chained)


main()
