# sys.tracebacklimit = 0: the uncaught exception prints only its last line,
# also for a chained one.
import sys

sys.tracebacklimit = 0
try:
    {}["k"]
except KeyError as e:
    raise RuntimeError("chained") from e
