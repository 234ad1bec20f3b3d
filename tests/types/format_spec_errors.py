# str format specs and str.format's own parsing errors, with CPython's messages.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for s in ["", "s", "10", "<10", ">10", "^10", "*^10", ".2", "10.3", "010", "0<10", "x", "d", "+", " ", "-", "z",
          "#", "=10", ",", "_", ",s", "_s", ".", "10.", "ss", "\u00e9<6", "\u00e9", "99999999999999999999",
          ".0", "^", "^^"]:
    show(lambda: format("abc", s))
show(lambda: format("abc", 5))
show(lambda: "abc".__format__())
for f in ["{", "}", "{}}", "{{}", "{0", "{0!", "{0!r", "{0!x}", "{0!rr}", "{0!r:}", "{0:", "{0:{1}", "{!}",
          "{0[}", "{0[0}", "{0]}", "{0.}", "{0..a}", "{0[0]x}", "{a{b}c}", "{0:{1:{2}}}", "{0:{1:{2:{3}}}}",
          "x}y", "x{y", "{}{1}", "{1}{}", "{0}{}", "{}{0}", "{5}", "{a}", "{0[9]}", "{0.bogus}", "{0[a]}",
          "{:{}}{}", "{0!s:>8}|{0!r:<8}|{0!a}", "{ }", "{0 }", "{-1}", "{0[-1]}", "{0[1]}", "{0[1][0]}",
          "{00}", "{0:}", "{0:{{}}}", "{{{0}}}", "{!r}", "{0!s!r}", "{0:d}", "{0:\u00e9^9}", "}}{{"]:
        show(lambda: f.format("ab", "cd", "ef", "gh"))
show(lambda: "{a.real}{b[x]}".format(a=3, b={"x": 1}))
show(lambda: "{x}".format_map({"x": 5}))
show(lambda: "{}".format_map({"x": 5}))
show(lambda: "{0}".format_map({"x": 5}))
show(lambda: "{y}".format_map({"x": 5}))
class Missing(dict):
    def __missing__(self, k):
        return k.upper()
show(lambda: "{a}-{b}".format_map(Missing()))
show(lambda: "{0:{1}}".format("abc", ">8"))
show(lambda: "{:{}{}}".format(3.14159, ".", "3"))
show(lambda: "{0:>{1}}".format("x", 99999999999999999999))
show(lambda: "{99999999999999999999}".format())
show(lambda: "{0[99999999999999999999]}".format([1]))
class Obj:
    def __format__(self, spec):
        return f"Obj({spec})"
    def __repr__(self):
        return "ObjRepr"
show(lambda: "{0} {0:abc} {0!r} {0!r:>10}".format(Obj()))
class Bad:
    def __format__(self, spec):
        return 5
show(lambda: "{}".format(Bad()))
show(lambda: format(Bad()))
show(lambda: format(object(), "x"))
show(lambda: format(object(), "")[:8])
show(lambda: f"{'abc':>{2 + 3}}|{'x'!r:^7}|{3.0!s:5}")
for t in (int, float, complex, str):
    show(lambda: t.__format__(t()))
show(lambda: (1).__format__(5))
show(lambda: (1.0).__format__(5))
show(lambda: (1j).__format__(5))
