# return/break/continue are allowed in functions, loops and lambdas nested in
# an except* handler (only leaving the handler itself is forbidden).
def outer():
    results = []
    try:
        raise ExceptionGroup("eg", [ValueError(1), ValueError(2)])
    except* ValueError as g:
        def count():
            return len(g.exceptions)
        for e in g.exceptions:
            if e.args[0] == 1:
                continue
            results.append(e.args[0])
            break
        results.append(count())
        results.append((lambda: "lambda ok")())
        results.append([x for x in range(2)])
    return results


print(outer())
for src in [
    "def f():\n    try:\n        pass\n    except* ValueError:\n        def g():\n            return 1\n        return g\n",
    "while True:\n    try:\n        pass\n    except* ValueError:\n        while True:\n            break\n        continue\n",
]:
    try:
        compile(src, "<star>", "exec")
    except SyntaxError as e:
        print(e.msg, e.lineno)
