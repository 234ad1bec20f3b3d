# Markers under lines with non-ASCII text in an uncaught traceback: the
# interpreter's printer places them by character, not by display width.
def run(f, *args):
    try:
        f(*args)
    except Exception as e:
        print(type(e).__name__, e)


def accents(d):
    return "café " + d["clé"] + 1


def cjk(d):
    return "漢字" + d["名前"]["姓"]


def emoji(x):
    return ["✓✓"][0] + x.attr


run(accents, {"clé": "v"})
run(cjk, {"名前": {}})
run(emoji, 3)
table = {"名前": 1}
print(table["名前"] + table["漢字"])
