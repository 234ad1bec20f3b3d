# str % args keeps lone surrogates in %s, %r, %a and %c, with width and precision.
cases = [
    ("%s", "\ud800"), ("%5s", "\ud800"), ("%-5s|", "\ud800"), ("%.1s", "\ud800x"), ("%s%c", ("\ud800", "x")),
    ("%(a)s", {"a": "\ud800"}), ("%x%s", (1, "\ud800")), ("%c", 0xD800), ("%5c", "\udc80"), ("%-3c|", 0xDFFF),
    ("%c", 0x110000), ("%c", -1), ("%c", "ab"), ("%c", 1.5), ("%.2c", "x"), ("%05s", "ab"), ("%-05s|", "ab"),
    ("%*s|", (4, "\udcff")), ("%-*s|", (4, "é")), ("%.*s", (2, "héllo")), ("%r %a", ("\ud800é", "\ud800é")),
    ("%5r|%-6a|", ("x", "é")), ("%s", 12), ("%10.3s|", "abcdef"), ("%s", [1, "\ud800"]), ("%c%c", (65, "\U0001f600")),
    ("%s", b"x"), ("%(x)c", {"x": 66}), ("%3%", ()),
]
for fmt, args in cases:
    try:
        print(ascii(fmt), ascii(fmt % args))
    except Exception as e:
        print(ascii(fmt), type(e).__name__, e)
