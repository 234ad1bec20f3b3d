# builtins.__import__ argument checking.
def attempt(*args, **kwargs):
    try:
        r = __import__(*args, **kwargs)
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("->", r.__name__)


attempt("_helper", 5, None, [], 1)
attempt("_helper", None, None, [], 1)
attempt("_helper", {}, None, [], 1)
attempt("_helper", {"__package__": None, "__spec__": None}, None, [], 1)
attempt("_helper", {"__package__": ""}, None, [], 1)
attempt("sub", {"__package__": "_pkg"}, None, [], 3)
attempt("sub", {"__package__": "_pkg.sub"}, None, [], 2)
attempt("sub", {"__package__": "_pkg.sub"}, None, None, 2)
attempt("_helper", level="1")
attempt("_helper", fromlist=5)
attempt("_pkg", fromlist=5)
attempt("_pkg", fromlist="sibling")
attempt("_pkg", fromlist=["*"])
attempt(name="_helper")
attempt("_helper", junk=1)
attempt()
attempt("_helper", {}, {}, [], 0, 1)
