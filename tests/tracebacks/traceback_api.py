# The traceback module's formatting functions on one caught exception:
# print_exc/format_exc with limit, format_exception with chain=False and
# limit, format_exception_only, print_exception with the old signature,
# format_tb, extract_tb and FrameSummary fields.
import sys
import traceback


def level3(x):
    return {"a": 1}[x]


def level2(x):
    try:
        return level3(x)
    except KeyError as e:
        raise ValueError(f"bad key {x!r}") from e


def level1(x):
    return level2(x)


try:
    level1("zz")
except ValueError as exc:
    err = exc

print(traceback.format_exc(), end="")
print("limit=1:")
print("".join(traceback.format_exception(err, limit=1)), end="")
print("limit=-1:")
print("".join(traceback.format_exception(err, limit=-1)), end="")
print("limit=0:")
print("".join(traceback.format_exception(err, limit=0)), end="")
print("chain=False:")
print("".join(traceback.format_exception(err, chain=False)), end="")
print("old signature:")
traceback.print_exception(type(err), err, err.__traceback__, file=sys.stdout)
print("".join(traceback.format_exception_only(type(err), err)), end="")
print("".join(traceback.format_exception_only(err)), end="")
print(traceback.format_exception_only(None), traceback.format_exception_only(KeyError, None))
print("".join(traceback.format_tb(err.__traceback__)), end="")
for fs in traceback.extract_tb(err.__traceback__):
    print(fs.filename.endswith("traceback_api.py"), fs.lineno, fs.name, repr(fs.line))
    print(fs.end_lineno, fs.colno, fs.end_colno, fs.locals)
    print(list(fs) [1:], len(fs), fs[2])
print([(fs.name, ln) for fs, ln in traceback.walk_tb(err.__traceback__)][0][0])
cause_tb = err.__cause__.__traceback__
print([f.f_code.co_name for f, _ in traceback.walk_tb(cause_tb)])
print(repr(traceback.extract_tb(cause_tb)[0]).startswith("<FrameSummary file "))
print(traceback.format_exception(ValueError, ValueError("loose"), None))
print(traceback.format_exception(ValueError("no tb")))
print(traceback.format_exc(limit=0) == traceback.format_exc())
traceback.print_exc(file=sys.stdout)
