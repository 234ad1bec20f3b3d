# logging.exception and exc_info=True output: the message line followed by
# the traceback, with chained exceptions; a logger with a custom formatter.
import logging
import sys

logging.basicConfig(stream=sys.stdout, format="%(levelname)s:%(name)s:%(message)s")
log = logging.getLogger("app")


def parse(text):
    return int(text)


def load(text):
    try:
        return parse(text)
    except ValueError as e:
        raise RuntimeError("load failed") from e


try:
    parse("x")
except ValueError:
    log.exception("parse failed for %r", "x")

try:
    load("y")
except RuntimeError:
    log.error("with exc_info", exc_info=True)

try:
    {}["k"]
except KeyError as e:
    log.warning("explicit tuple", exc_info=(type(e), e, e.__traceback__))
    log.info("not shown")
    log.critical("no traceback")

handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("[%(levelname)s] %(funcName)s: %(message)s"))
other = logging.getLogger("other")
other.addHandler(handler)
other.propagate = False


def work():
    try:
        [].pop()
    except IndexError:
        other.exception("popping")


work()
logging.exception("root logger, no active exception")
