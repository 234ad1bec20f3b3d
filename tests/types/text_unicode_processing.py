import unicodedata, textwrap, string, re
words = ["Straße", "STRASSE", "ﬁle", "FILE", "İstanbul", "ǅungla", "ǆ", "Σίσυφος", "ΣΊΣΥΦΟΣ", "naïve", "nai\u0308ve", "Ω", "Ω", "ß", "ﬃ", "ŉ", "ΐ"]
for w in words:
    print(f"{w!r:14} lower={w.lower()!r:14} upper={w.upper()!r:16} casefold={w.casefold()!r:14} title={w.title()!r:14} cap={w.capitalize()!r:14} swap={w.swapcase()!r}")
print(sorted(set(w.casefold() for w in words)))
for form in ("NFC", "NFD", "NFKC", "NFKD"):
    print(form, [unicodedata.normalize(form, w) for w in ["naïve", "nai\u0308ve", "ﬁ", "Ω", "①", "½", "㎏"]])
print(unicodedata.normalize("NFC", "nai\u0308ve") == "naïve", len("nai\u0308ve"), unicodedata.is_normalized("NFC", "naïve"))
for ch in "aZ9_ ½٣\u00a0\u2028é中😀\u0301":
    print(repr(ch), ch.isalpha(), ch.isdigit(), ch.isdecimal(), ch.isnumeric(), ch.isspace(), ch.isprintable(), ch.isidentifier(), unicodedata.category(ch), unicodedata.name(ch, "?"), unicodedata.east_asian_width(ch))
for s in ["abc", "_x1", "1x", "℘", "x℘", "·x", "x·", "ᢅ", "x\u2118", "℮", "a\u00b7b", "Ⅻ", "𝔘𝔫𝔦", "x\u0301", "\u0301x", "é", "class", "", "a-b", "ª", "º", "゛", "x゛", "\u309b"]:
    print(repr(s), s.isidentifier())
print(unicodedata.numeric("½"), unicodedata.digit("٣"), unicodedata.decimal("9"), unicodedata.lookup("SNOWMAN"), unicodedata.mirrored("("), unicodedata.combining("\u0301"), unicodedata.decomposition("é"))
try:
    unicodedata.lookup("NO SUCH THING")
except KeyError as e:
    print("KeyError", e)
text = "The quick brown fox jumps over the lazy dog. " * 4
print(textwrap.fill(text, width=30, initial_indent="> ", subsequent_indent="  "))
print(textwrap.shorten(text, 40, placeholder=" [...]"))
print(textwrap.dedent("""\
    def f():
        return 1
    """), textwrap.indent("a\n\nb", "+ ", lambda l: True))
tmpl = string.Template("$who owes ${amount} to $$bank")
print(tmpl.substitute(who="Tim", amount="5"), tmpl.safe_substitute(who="Al"))
try:
    tmpl.substitute(who="x")
except KeyError as e:
    print("KeyError", e)
print(string.capwords("hello   wORLD  foo"), string.ascii_letters[:5], string.punctuation)
print(f"{'中文':>6}|{'ab':^7}|{'x':*<4}|{3.14159:08.3f}|{-42:+06d}|{255:#010b}|{1e6:,.1f}|{0.000123:.2e}|{12345678:_x}|{'é':=^5}")
print("%-8s|%8.3f|%x|%o|%e|%c|%5.1s|%%|%r" % ("left", 2.5, 255, 8, 12345.678, 9731, "xyz", "q"))
print("{0}{1}{0}".format("ab", "cd"), "{name:>{width}}".format(name="z", width=5), "{:{fill}{align}{w}}".format(7, fill="-", align=">", w=4), "{0[1]}{1.real}".format([9, 8], 3j))
for bad in ["{", "}", "{0}{}", "{:d}", "{x}", "{0!z}", "{:abc}", "{0[}"]:
    try:
        print(bad.format(1.5))
    except (ValueError, KeyError, IndexError) as e:
        print(repr(bad), type(e).__name__, e)
print(re.sub(r"(?i)straße", "road", "STRASSE straße Straße"), re.findall(r"\w+", "naïve café 中文 x_1"), re.split(r"\s*[,;]\s*", "a , b;c ;d"))
print("a\tb\tc".expandtabs(4), "x".center(6, "é"), "42".zfill(6), "-42".zfill(6), "ab".ljust(1), "  x  ".strip(), "xxhixx".strip("x"), "a,b,,c".split(","), "a b  c".split(None, 1), "line1\nline2\r\nline3\r".splitlines(True))
print("hello".translate(str.maketrans("el", "ip", "o")), "abc".translate({97: "AA", 98: None}), str.maketrans({"a": 1}))
print("ß".upper(), "ǰ".upper(), "ﬀ".title(), "ǅ".lower(), "ǅ".upper(), "ǅ".title(), "ǆa ǅb".title(), "hello world".title(), "they're bill's".title(), "a1b2".title())
