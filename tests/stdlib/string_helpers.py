# _string: the parsers string.Formatter is built on.
import _string

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

for s in ["", "abc", "a{0}b", "{}", "{0!r:>10}", "{x.y[0]:{w}}", "a{{b}}c", "}}{{", "{0!s}", "{:}", "x{", "x}",
          "a}b", "{0!}", "{0!rr}", "{0:{1:{2}}}", "{a[}", "ab{c", "{0[x]!a:^9}tail", "\u00e9{\u00e9}\u00e9"]:
    show(repr(s), lambda: list(_string.formatter_parser(s)))
it = _string.formatter_parser("a{0}b}c")
show("lazy 1", lambda: next(it))
show("lazy 2", lambda: next(it))
show("lazy 3", lambda: next(it))
for s in ["", "a", "0", "12", "a.b", "a[0]", "a[x].y[1][z]", "0.real", "a[", "a.", "a[]", "a]b", "a[0]x",
          "a..b", "[0]", ".x", "a.b.c"]:
    def split():
        first, rest = _string.formatter_field_name_split(s)
        return first, list(rest)
    show(repr(s), split)
show("type", lambda: type(_string.formatter_parser("")).__name__)
show("bad", lambda: _string.formatter_parser(5))
show("bad2", lambda: _string.formatter_field_name_split(None))
it = iter(_string.formatter_parser("{0}"))
show("iter self", lambda: iter(it) is it)
