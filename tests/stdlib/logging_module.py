import io
import logging
import logging.handlers
import sys

stream = io.StringIO()
logger = logging.getLogger("app")
h = logging.StreamHandler(stream)
h.setFormatter(logging.Formatter("%(levelname)s:%(name)s:%(funcName)s:%(lineno)d:%(message)s"))
logger.addHandler(h)
logger.setLevel(logging.DEBUG)


def work(n):
    logger.debug("debug %d", n)
    logger.info("info %s", {"k": n})
    logger.warning("warn %r", "x")
    try:
        1 / n
    except ZeroDivisionError:
        logger.exception("failed for %d", n)


work(1)
work(0)
print(stream.getvalue().replace(__file__, "FILE"), end="")

child = logging.getLogger("app.db")
print(child.parent is logger, child.getEffectiveLevel(), logging.getLevelName(child.getEffectiveLevel()))
child.propagate = True
child.error("from child")
print(stream.getvalue().splitlines()[-1])


class OnlyOdd(logging.Filter):
    def filter(self, record):
        return record.args and record.args[0] % 2 == 1


mem = logging.handlers.MemoryHandler(capacity=100)
target = io.StringIO()
mem.setTarget(logging.StreamHandler(target))
mem.addFilter(OnlyOdd())
lg = logging.getLogger("filtered")
lg.propagate = False
lg.addHandler(mem)
lg.setLevel(logging.INFO)
for i in range(6):
    lg.info("n=%d", i)
mem.flush()
print(repr(target.getvalue()))

adapter = logging.LoggerAdapter(logger, {"user": "bob"})
adapter.info("adapted")
rec = logging.makeLogRecord({"msg": "hello %s", "args": ("w",), "levelno": 30, "levelname": "WARNING"})
print(rec.getMessage(), logging.Formatter("%(levelname)-8s|%(message)s").format(rec))
print(logging.Formatter("{levelname}/{message}", style="{").format(rec))
print(logging.Formatter("$levelname $message", style="$").format(rec))
print(logging.getLevelName(25), logging.getLevelName("ERROR"), logging.addLevelName(25, "NOTICE"), logging.getLevelName(25))
try:
    logging.Formatter("%(x", style="%").format(rec)
except Exception as e:
    print(type(e).__name__)
try:
    logging.Formatter("{", style="{")
except ValueError as e:
    print("ValueError", e)

# basicConfig on the root logger writes to stderr; the traceback of logging.exception too.
logging.basicConfig(format="%(levelname)s %(name)s %(message)s", level=logging.INFO)
logging.info("root info")
logging.getLogger("x.y").warning("dotted %s", "warning")
try:
    {}["missing"]
except KeyError:
    logging.exception("lookup failed")
logging.warning("bad format %d", "notanint")
print("done")
