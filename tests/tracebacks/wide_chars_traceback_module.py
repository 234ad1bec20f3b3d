# The traceback module places markers under non-ASCII lines by display
# width (wide East Asian characters count two columns).
import sys
import traceback


def cjk(d):
    return "漢字" + d["名前"]["姓"]


try:
    cjk({"名前": {}})
except KeyError:
    traceback.print_exc(file=sys.stdout)
